"""A class on one server: N simulated students over Streamlit's own websocket protocol.

No browsers: each student is a websocket client on ``/_stcore/stream`` that speaks the
frontend's protobuf messages (``BackMsg.rerun_script`` with the query string, the page's hash
and widget states; ``ForwardMsg`` deltas, ``new_session``, ``auto_rerun`` and
``script_finished`` back). A student opens the home page, switches to a random page, then moves
one of that page's sliders to a random value every 2-5 s, like a person. M of them instead open
the trainer on a digits preset, press Start at the same moment, and send the fragment's
``run_every`` ticks as the browser does until their run ends (``stop_auto_rerun``).

Reported per scenario (40 students; 40 + 3 trainers; 40 + 10 trainers by default): p50, p95
and max of the response time of a slider move (send ``rerun_script`` -> ``script_finished``),
the page openings, errors (exception elements, refused or dropped connections, timeouts), how
many trainings finished, reruns per second, and the server's peak RSS (``/proc``). Load is
bounded (students, seconds, a cap on waiting for trainings) and goes to localhost only. The
server starts as ``make run`` starts it (tests/e2e/serve.py), by default in classroom mode
(``PIZARRA_CLASSROOM=1``: what a teacher runs for a class; ``--full`` for the full limits).

Run: ``.venv/bin/python benchmarks/classroom_load.py`` (``--help`` for the knobs). Last line:
a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.trainer.presets import PRESETS  # noqa: E402
from tests.e2e.serve import start_server, stop_server  # noqa: E402

DIGITS = [f"digits_{c}" for c in "abcdef"]
WAIT_S = 120.0  # a reply slower than this counts as an error (timeout)
DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class Stats:
    moves: list[float] = field(default_factory=list)  # seconds per slider move
    by_page: dict[str, list[float]] = field(default_factory=dict)  # the same, per page
    opens: list[float] = field(default_factory=list)  # seconds per page opening (first visit)
    starts: list[float] = field(default_factory=list)  # seconds for the Start click's rerun
    trainings: list[float] = field(default_factory=list)  # Start -> run over, seconds
    errors: list[str] = field(default_factory=list)
    isolation: int = 0  # replies that showed another session's value or run
    reruns: int = 0


class Student:
    """One browser tab: a websocket, the widgets the server drew, and its pending reruns."""

    def __init__(self, url: str, stats: Stats, rng: random.Random) -> None:
        self.url, self.stats, self.rng = url, stats, rng
        self.pages: dict[str, str] = {}  # url_pathname -> page_script_hash
        self.page_hash = ""
        self.query = ""
        self.sliders: dict[str, object] = {}  # widget id -> Slider proto of the current page
        self.buttons: dict[str, str] = {}  # widget id -> label
        self.states: dict[str, WidgetState] = {}  # what the "browser" sends back
        self.finished: asyncio.Queue[int] = asyncio.Queue()
        self.auto_rerun: tuple[str, float] | None = None  # (fragment id, interval)
        self.url_query = ""  # the query string the server last gave this tab (URL state)
        self.texts: list[str] = []  # markdown of the current full run
        self.first: dict[str, float] = {}  # slider id -> value at its first draw (page default)
        self.ws = None

    async def reader(self) -> None:
        try:
            await self._read()
        except Exception as exc:  # noqa: BLE001 - reported, and the waits then time out
            self.stats.errors.append(f"reader: {type(exc).__name__}: {exc}"[:200])

    async def _read(self) -> None:
        async for raw in self.ws:
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                if not msg.metadata.run.fragment_ids:  # a full run redraws the page
                    self.sliders, self.buttons, self.auto_rerun = {}, {}, None
                    self.texts = []
            elif kind == "page_info_changed":
                # the browser's address bar: its next rerun sends this query string, as the
                # frontend sends the current URL's
                self.url_query = self.query = msg.page_info_changed.query_string
            elif kind == "navigation":
                for page in msg.navigation.app_pages:
                    self.pages[page.url_pathname or page.page_name] = page.page_script_hash
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                el = msg.delta.new_element
                which = el.WhichOneof("type")
                if which == "slider" and not el.slider.disabled and el.slider.options == []:
                    self.sliders[el.slider.id] = el.slider
                    shown = el.slider.value if el.slider.set_value else el.slider.default
                    if shown:
                        self.first.setdefault(el.slider.id, shown[0])
                elif which == "button":
                    self.buttons[el.button.id] = el.button.label
                elif which == "markdown":
                    self.texts.append(el.markdown.body)
                elif which == "exception":
                    self.stats.errors.append(f"exception: {el.exception.message[:200]}")
            elif kind == "auto_rerun":
                self.auto_rerun = (msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
            elif kind == "stop_auto_rerun":
                self.auto_rerun = None
            elif kind == "script_finished":
                self.stats.reruns += 1
                await self.finished.put(msg.script_finished)

    async def rerun(
        self, states: list[WidgetState] = (), fragment: str = "", auto: bool = False
    ) -> float:
        """Send one rerun_script and wait for its script_finished; returns the seconds."""
        while not self.finished.empty():
            self.finished.get_nowait()
        back = BackMsg()
        rs = back.rerun_script
        rs.query_string = self.query
        rs.page_script_hash = self.page_hash
        rs.widget_states.widgets.extend(states)
        rs.fragment_id = fragment
        rs.is_auto_rerun = auto
        t0 = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        while True:  # FINISHED_EARLY_FOR_RERUN: a rerun (st.rerun) follows on the server
            status = await asyncio.wait_for(self.finished.get(), WAIT_S)
            if status in DONE:
                return time.perf_counter() - t0

    async def open(self, lang: str, page: str, query: str = "") -> None:
        origin = self.url.replace("ws://", "http://").split("/_stcore")[0]
        self.ws = await connect(self.url, subprotocols=["streamlit"], origin=origin, max_size=None)
        self.reader_task = asyncio.create_task(self.reader())
        self.query = f"lang={lang}"
        await self.rerun()  # the home page, as a fresh tab does
        self.page_hash = self.pages[page]
        self.query = f"lang={lang}" + (f"&{query}" if query else "")
        self.stats.opens.append(await self.rerun())

    def move(self) -> list[WidgetState]:
        """A new random value for one slider of the page (with the others' states, as the
        frontend sends them)."""
        wid, s = self.rng.choice(sorted(self.sliders.items()))
        steps = max(1, round((s.max - s.min) / s.step)) if s.step > 0 else 100
        value = s.min + self.rng.randint(0, steps) * (s.step or (s.max - s.min) / 100)
        # 0 + 19 * 0.05 is 0.9500000000000001: past a 0.95 maximum, which Streamlit replaces by
        # the slider's `value` argument (its out-of-range rule), and the check below would count
        # that as another session's value
        value = min(s.max, max(s.min, round(value, 9)))
        state = WidgetState(id=wid)
        state.double_array_value.data.extend([value] * max(1, len(s.default)))
        self.states[wid] = state
        self.moved = (wid, value, self.first.get(wid))
        return list(self.states.values())

    def url_shows_own_move(self) -> bool:
        """After a move: the URL this session got holds the value it chose, not another
        session's (a page writes ``<name>=<value>`` and leaves the parameter out when the value
        is the page's default, the value this tab saw first; ui/page.py)."""
        wid, value, default = self.moved
        name = wid.rsplit(".", 1)[-1]  # widget key "<topic>.<name>", URL parameter "<name>"
        raw = urllib.parse.parse_qs(self.url_query).get(name)
        if raw is None:
            return default is not None and abs(value - default) <= 1e-9 * max(1, abs(value))
        return abs(float(raw[-1]) - value) <= 1e-6 * max(1, abs(value))

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.reader_task.cancel()


async def browse(student: Student, pages: list[str], lang: str, seconds: float) -> None:
    """A student who moves sliders: a random page, then a move every 2-5 s for ``seconds``."""
    rng = student.rng
    page = rng.choice(pages)
    await student.open(lang, page)
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        await asyncio.sleep(rng.uniform(2.0, 5.0))
        if time.monotonic() >= until:
            break
        # a page without sliders: a plain rerun (a click elsewhere)
        if not student.sliders:
            took = await student.rerun()
        else:
            took = await student.rerun(student.move())
            if not student.url_shows_own_move():
                student.stats.isolation += 1
                student.stats.errors.append(
                    f"isolation: {page} {student.moved[:2]} but URL {student.url_query}"
                )
        student.stats.moves.append(took)
        student.stats.by_page.setdefault(page, []).append(took)


async def train(student: Student, lang: str, go: asyncio.Event, cap: float) -> None:
    """A student on the trainer: a digits preset, Start with the others, ticks until done."""
    preset = student.rng.choice(DIGITS)
    await student.open(lang, "trainer", f"preset={preset}")
    await go.wait()
    start = next(i for i in student.buttons if i.endswith("trainer.start"))
    t0 = time.perf_counter()
    student.stats.starts.append(
        await student.rerun([*student.states.values(), WidgetState(id=start, trigger_value=True)])
    )
    config = PRESETS[preset]
    own = "-".join(map(str, config.layer_sizes)) + f" {config.activation}"  # in summary()

    def check_label() -> None:
        for text in student.texts:
            if text.startswith(("**Training:**", "**Entrenando:**")) and own not in text:
                student.stats.isolation += 1
                student.stats.errors.append(f"isolation: {preset} ({own}) shows {text}"[:200])

    check_label()
    while student.auto_rerun is not None and time.perf_counter() - t0 < cap:
        fragment, interval = student.auto_rerun
        await asyncio.sleep(interval)
        await student.rerun(list(student.states.values()), fragment=fragment, auto=True)
        check_label()
    if student.auto_rerun is None:
        student.stats.trainings.append(time.perf_counter() - t0)
    else:
        student.stats.errors.append(f"training not finished after {cap:.0f} s")


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system) the process has used, from /proc."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def scenario(
    url: str, pid: int, n: int, m: int, seconds: float, cap: float, seed: int, pages: list[str]
) -> dict:
    stats = Stats()
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    rng = random.Random(seed)
    students = [Student(ws_url, stats, random.Random(rng.random())) for _ in range(n + m)]
    go = asyncio.Event()
    peak = rss_mb(pid)

    async def guarded(coro):
        try:
            await coro
        except (TimeoutError, OSError, KeyError, StopIteration) as exc:
            stats.errors.append(f"{type(exc).__name__}: {exc}"[:200])
        except Exception as exc:  # websockets' ConnectionClosed and the like  # noqa: BLE001
            stats.errors.append(f"{type(exc).__name__}: {exc}"[:200])

    t0 = time.monotonic()
    cpu0 = time.process_time()
    server_cpu0 = cpu_s(pid)
    tasks = []
    for i, st in enumerate(students):
        lang = "es" if i % 2 else "en"
        if i < m:
            tasks.append(asyncio.create_task(guarded(train(st, lang, go, cap))))
        else:
            tasks.append(asyncio.create_task(guarded(browse(st, pages, lang, seconds))))
        await asyncio.sleep(0.05)  # students arrive over ~2 s, not in one packet
    await asyncio.sleep(min(10.0, seconds / 4))  # everyone has a page open: press Start together
    go.set()
    pending = set(tasks)
    while pending:
        _, pending = await asyncio.wait(pending, timeout=0.5)
        peak = max(peak, rss_mb(pid))
    wall = time.monotonic() - t0
    client_cpu = (time.process_time() - cpu0) / wall
    server_cpu = cpu_s(pid) - server_cpu0
    for st in students:
        await st.close()

    def pct(xs: list[float], q: float) -> float | None:
        if not xs:
            return None
        xs = sorted(xs)
        return round(1000 * xs[min(len(xs) - 1, int(q * len(xs)))], 1)

    return {
        "students": n,
        "trainers": m,
        "moves": len(stats.moves),
        "move_p50_ms": pct(stats.moves, 0.5),
        "move_p95_ms": pct(stats.moves, 0.95),
        "move_max_ms": pct(stats.moves, 1.0),
        "open_p50_ms": pct(stats.opens, 0.5),
        "open_max_ms": pct(stats.opens, 1.0),
        "start_max_ms": pct(stats.starts, 1.0),
        "trainings_finished": len(stats.trainings),
        "training_max_s": round(max(stats.trainings), 1) if stats.trainings else None,
        "errors": len(stats.errors),
        "isolation_violations": stats.isolation,
        "error_samples": sorted(set(stats.errors))[:5],
        "reruns_per_s": round(stats.reruns / wall, 2),
        "wall_s": round(wall, 1),
        "rss_peak_mb": round(peak),
        "client_cpu_share": round(client_cpu, 3),  # of one core: is the client a bottleneck?
        # the server's CPU time: its share of one core (Python runs one thread at a time) and
        # per script run (includes trainings); machine load shows as share < 1 with slow replies
        "server_cpu_share": round(server_cpu / wall, 2),
        "server_cpu_ms_per_rerun": round(1000 * server_cpu / max(1, stats.reruns), 1),
        "mean_move_ms": round(1000 * statistics.fmean(stats.moves), 1) if stats.moves else None,
        "move_p50_ms_by_page": {p: pct(xs, 0.5) for p, xs in sorted(stats.by_page.items())},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--students", type=int, default=40)
    ap.add_argument("--trainers", type=int, nargs="*", default=[0, 3, 10])
    ap.add_argument(
        "--seconds", type=float, default=60.0, help="each student moves sliders this long"
    )
    ap.add_argument("--cap", type=float, default=300.0, help="max seconds to wait for trainings")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--full", action="store_true", help="full limits, not classroom mode")
    ap.add_argument("--python", default=sys.executable, help="interpreter of the server")
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for the server")
    args = ap.parse_args()
    env = {} if args.full else {"PIZARRA_CLASSROOM": "1"}
    env.update(dict(e.split("=", 1) for e in args.env))
    pages = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
    results = []
    for m in args.trainers:
        proc, url = start_server(env, python=args.python)  # a fresh server per scenario
        try:
            row = asyncio.run(
                scenario(url, proc.pid, args.students, m, args.seconds, args.cap, args.seed, pages)
            )
        finally:
            stop_server(proc)
        results.append(row)
        print(
            f"{args.students} students + {m} trainers: moves p50 {row['move_p50_ms']} ms, "
            f"p95 {row['move_p95_ms']} ms, max {row['move_max_ms']} ms ({row['moves']} moves); "
            f"opens p50 {row['open_p50_ms']} ms; trainings {row['trainings_finished']}/{m}; "
            f"errors {row['errors']}; {row['reruns_per_s']} reruns/s; server CPU "
            f"{row['server_cpu_share']} core, {row['server_cpu_ms_per_rerun']} ms/rerun; "
            f"RSS peak {row['rss_peak_mb']} MB",
            flush=True,
        )
        for e in row["error_samples"]:
            print("   error:", e, flush=True)
    print(json.dumps({"env": env, "seed": args.seed, "scenarios": results}))


if __name__ == "__main__":
    main()
