"""Round trip of a slider move as a student feels it, per page, in Chromium against a real server.

For every page (and a reference page, ``benchmarks/reference_page.py``: one slider and two Altair
line charts of 200 points, served by its own server in the same run) the script focuses the
page's main slider (the first one in the main area) and moves it with the keyboard, one step per
key press, ``--moves`` timed times after one warm-up move. Each move is timed in the page's own
clock (``performance.now()``): from the key event's time stamp until the rerun has finished (a
MutationObserver, installed before the press, sees ``stApp``'s ``data-test-script-state`` go
``running`` → ``notRunning``, however fast) plus two ``requestAnimationFrame`` callbacks.

The reference is served twice: as Streamlit ships (a copy in a temporary folder, with no
``.streamlit/config.toml``: the "minimal Streamlit page" of the goal, whose ratio is the one
reported), and from this checkout with the app's own server settings (e.g. ``runner.postScriptGC``
off), a second, lower floor reported beside it.

All servers run at once and the moves are interleaved: for each page, the references' moves,
then each app's. Each page's ratio is to the reference moves timed just before it, so the two
medians of a ratio are close in time on a machine whose load drifts. It prints each page's median
and ratio (goal: <= 1.6), a table, and last one JSON line. Also cold start: server start → home
page painted, and the first visit to the trainer page in that fresh server (torch import and
data load), in the page's own clock from the navigation's start.

``--variant NAME=DIR`` (repeatable) measures the app as checked out in DIR (e.g. an export of an
older commit, ``git archive <commit> | tar -x -C DIR``), each with its own server, so that
before/after figures come from one run against one reference. Absolute figures move with the
machine's load; compare ratios within a run.

Run: ``.venv/bin/python benchmarks/interaction_latency.py [--moves 8] [topic ...]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from tests.e2e.serve import CHROMIUM, IDLE, start_server, stop_server  # noqa: E402
from ui import i18n, nav  # noqa: E402

GOAL_RATIO = 1.6
REFERENCE = "benchmarks/reference_page.py"
# The flags the browser tests use, minus the ones that only matter to them.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SLIDER = "[data-testid='stMain'] [data-testid='stSlider']"
# A page's main slider is its first one in the main area, or the one with this label (catalogue
# key), which stays the same slider when a page moves its widgets around.
MAIN_SLIDER = {"linear_networks": "linear_networks.d"}
TIMEOUT_MS = 120_000
MOVE_TIMEOUT_MS = 15_000
SLIDER_WAIT_MS = 30_000

# Installed once per page load: the key event's time stamp is the start of a move.
_INSTALL = """
() => {
  if (window.__pz) return;
  window.__pz = {armed: false, t0: null, done: null};
  document.addEventListener('keydown', (e) => {
    if (window.__pz.armed) { window.__pz.t0 = e.timeStamp; window.__pz.armed = false; }
  }, true);
}
"""
# Before each press: resolve with the move's duration once a rerun has run and ended, plus two
# animation frames (or null after MOVE_TIMEOUT_MS with no rerun).
_ARM = """
(timeoutMs) => {
  const pz = window.__pz;
  const app = document.querySelector("[data-testid='stApp']");
  pz.armed = true;
  pz.t0 = null;
  pz.done = new Promise((resolve) => {
    let sawRunning = false;
    const finish = (value) => { obs.disconnect(); clearTimeout(timer); resolve(value); };
    const obs = new MutationObserver((records) => {
      for (const r of records) if (r.oldValue === 'running') sawRunning = true;
      const state = app.getAttribute('data-test-script-state');
      if (state === 'running') sawRunning = true;
      if (sawRunning && state === 'notRunning') {
        obs.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => finish(performance.now() - pz.t0)));
      }
    });
    obs.observe(app, {attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
    const timer = setTimeout(() => finish(null), timeoutMs);
  });
}
"""
_PAINTED = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))"
# Every visible chart holds its canvas or svg (charts are embedded lazily).
_CHARTS_DRAWN = """
() => [...document.querySelectorAll("[data-testid='stVegaLiteChart']")]
  .filter((el) => el.getClientRects().length > 0)
  .every((el) => el.querySelector('canvas, svg'))
"""


def wait_ready(pg) -> None:
    """The page's title is shown, the script is idle (also after a rerun the first render may
    start), every visible chart is drawn and two frames have been painted."""
    pg.locator("[data-testid='stMain'] h1").first.wait_for(state="visible", timeout=TIMEOUT_MS)
    pg.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
    pg.wait_for_timeout(300)
    pg.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
    pg.wait_for_function(_CHARTS_DRAWN, timeout=TIMEOUT_MS)
    pg.evaluate(_PAINTED)


def open_page(pg, url: str) -> float:
    """Load ``url`` until it is ready (:func:`wait_ready`); return the page's clock (seconds since
    the navigation started) when its title, idle state and charts were first painted."""
    pg.goto(url, timeout=TIMEOUT_MS)
    pg.locator("[data-testid='stMain'] h1").first.wait_for(state="visible", timeout=TIMEOUT_MS)
    pg.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
    pg.wait_for_function(_CHARTS_DRAWN, timeout=TIMEOUT_MS)
    painted = pg.evaluate(f"() => ({_PAINTED})().then(() => performance.now())")
    wait_ready(pg)
    return painted / 1000


def main_slider(pg, topic: str | None):
    """The range input of the page's main slider (see ``MAIN_SLIDER``)."""
    sliders = pg.locator(SLIDER)
    if topic in MAIN_SLIDER:
        label = i18n.translate("en", MAIN_SLIDER[topic])
        sliders = sliders.filter(has=pg.get_by_text(label, exact=True))
    return sliders.locator("input[type='range']").first


def new_page(browser):
    """A browser page that counts the bytes its websockets receive (``pg.received_bytes[0]``)."""
    pg = browser.new_page(viewport={"width": 1366, "height": 900})
    pg.received_bytes = [0]

    def count(payload) -> None:
        pg.received_bytes[0] += len(payload)

    pg.on("websocket", lambda ws: ws.on("framereceived", count))
    return pg


def time_moves(pg, moves: int, topic: str | None = None) -> dict | str:
    """Move the main slider ``moves + 1`` times (the first is a warm-up); the times in ms and
    the kilobytes the server sent for each move (what a rerun redraws).

    Each press moves one step towards the far end of the range; at an end it turns around, so
    positions are new ones as long as the range has enough steps.
    """
    slider = main_slider(pg, topic)
    try:  # on a loaded machine the first idle state can come before the page's widgets
        slider.wait_for(state="attached", timeout=SLIDER_WAIT_MS)
    except PlaywrightTimeout:
        return "no slider in the main area"
    slider.scroll_into_view_if_needed()
    slider.focus()
    pg.evaluate(_INSTALL)
    value, low, high = (
        float(slider.get_attribute(a) or v) for a, v in (("value", 0), ("min", 0), ("max", 100))
    )
    key = "ArrowRight" if (high - value) >= (value - low) else "ArrowLeft"
    times: list[float] = []
    sent: list[float] = []
    for i in range(moves + 1):
        received = pg.received_bytes[0]
        before = float(slider.get_attribute("value") or 0)
        for _attempt in range(2):  # a press lost while the slider was being redrawn is retried
            pg.evaluate(_ARM, MOVE_TIMEOUT_MS)
            slider.press(key)
            elapsed = pg.evaluate("() => window.__pz.done")
            if elapsed is not None:
                break
            slider.focus()
        else:
            return f"no rerun within {MOVE_TIMEOUT_MS / 1000:.0f} s after {key} (value {before:g})"
        pg.wait_for_function(_CHARTS_DRAWN, timeout=TIMEOUT_MS)
        pg.wait_for_timeout(150)  # let late chart frames settle before the next press
        if i:
            times.append(elapsed)
            sent.append((pg.received_bytes[0] - received) / 1000)
        now = float(slider.get_attribute("value") or 0)
        if now in (low, high):
            key = "ArrowLeft" if key == "ArrowRight" else "ArrowRight"
        slider.focus()  # a rerun may have redrawn the slider
    return {"times": times, "kb": sent}


def summary(moved: dict | str, reference: list[float]) -> dict:
    """A page's median and its ratio to the reference moves timed just before it."""
    if isinstance(moved, str):
        return {"median_ms": None, "ratio": None, "note": moved}
    median, ref = statistics.median(moved["times"]), statistics.median(reference)
    return {
        "median_ms": round(median, 1),
        "reference_ms": round(ref, 1),
        "ratio": round(median / ref, 2),
        "kb_per_move": round(statistics.median(moved["kb"]), 1),
        "times_ms": [round(x, 1) for x in moved["times"]],
    }


def cold_start(browser, root: Path, env: dict) -> tuple[object, str, object, dict]:
    """Start a server for the app in ``root``: server start → home page painted, then the first
    and the second visit to the trainer page. Returns the server, its URL, a browser page on it
    and the figures (seconds)."""
    pg = new_page(browser)
    start = time.monotonic()
    proc, url = start_server(env, root=root)
    healthy = time.monotonic() - start
    home = open_page(pg, f"{url}/?lang=en")  # in the page's clock, from the navigation's start
    figures = {"server_healthy_s": round(healthy, 2), "home_painted_s": round(healthy + home, 2)}
    if "trainer" in [p.topic for p in nav.available_pages()]:
        figures["trainer_first_visit_s"] = round(open_page(pg, f"{url}/trainer?lang=en"), 2)
        figures["trainer_second_visit_s"] = round(open_page(pg, f"{url}/trainer?lang=en"), 2)
    return proc, url, pg, figures


def run(browser, variants: list[tuple[str, str]], topics: list[str], moves: int, env: dict):
    """Every variant's server at once; for each page, the reference's moves, then each variant's.

    Interleaving keeps each ratio's two medians close in time on a machine whose load drifts.
    """
    servers = []
    stock = None
    try:
        stock = Path(tempfile.mkdtemp(prefix="pz-reference-"))
        shutil.copy(ROOT / REFERENCE, stock / "reference_page.py")
        ref_pages = {}
        for kind, root, script in (
            ("stock", stock, "reference_page.py"),
            ("app_settings", ROOT, REFERENCE),
        ):
            ref_proc, ref_url = start_server({}, script=script, root=root)
            servers.append(ref_proc)
            ref_pages[kind] = new_page(browser)
            open_page(ref_pages[kind], ref_url)
        apps = {}
        for name, root in variants:
            proc, url, pg, figures = cold_start(browser, Path(root), env)
            servers.append(proc)
            apps[name] = (url, pg, figures)
        reference: dict[str, list[float]] = {}
        same_settings: dict[str, list[float]] = {}
        pages: dict[str, dict[str, dict]] = {name: {} for name in apps}
        for topic in topics:
            for kind, store in (("stock", reference), ("app_settings", same_settings)):
                ref = time_moves(ref_pages[kind], moves)
                if isinstance(ref, str):
                    raise RuntimeError(f"the reference page could not be measured: {ref}")
                store[topic] = ref["times"]
            for name, (url, pg, _) in apps.items():
                open_page(pg, f"{url}/{topic}?lang=en")
                moved = time_moves(pg, moves, topic)
                pages[name][topic] = row = summary(moved, reference[topic])
                if row["median_ms"] is not None:
                    floor = statistics.median(same_settings[topic])
                    row["reference_app_settings_ms"] = round(floor, 1)
                    row["ratio_app_settings"] = round(row["median_ms"] / floor, 2)
                shown = row.get("note") or (
                    f"{row['median_ms']:7.1f} ms  {row['ratio']:4.2f}x of the reference "
                    f"{row['reference_ms']:.1f} ms ({row['ratio_app_settings']:4.2f}x of "
                    f"{row['reference_app_settings_ms']:.1f} ms with the app's settings), "
                    f"{row['kb_per_move']:.0f} kB/move"
                    + ("" if row["ratio"] <= GOAL_RATIO else "  > goal")
                )
                print(f"{name:10s} {topic:18s} {shown}", flush=True)
        return (
            reference,
            same_settings,
            {name: {"cold_start": app[2], "pages": pages[name]} for name, app in apps.items()},
        )
    finally:
        for proc in servers:
            stop_server(proc)
        if stock is not None:
            shutil.rmtree(stock, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=8, help="timed moves per page (>= 8)")
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="measure the app checked out in DIR under NAME (repeatable; default: this checkout)",
    )
    parser.add_argument("pages", nargs="*", help="topics to measure (default: every page)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium is missing at {CHROMIUM} (`make chromium` installs it)")
    variants = [tuple(v.split("=", 1)) for v in args.variant] or [("app", str(ROOT))]
    topics = [p.topic for p in nav.available_pages() if not args.pages or p.topic in args.pages]
    env = {}
    subset = ROOT.parent / "shared" / "data" / "mnist-subset"
    if "PIZARRA_DATA_DIR" not in os.environ and subset.is_dir():
        env["PIZARRA_DATA_DIR"] = str(subset)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        reference, same_settings, results = run(browser, variants, topics, args.moves, env)
        browser.close()
    pooled = [x for times in reference.values() for x in times]
    pooled_same = [x for times in same_settings.values() for x in times]
    print(
        f"reference page: {statistics.median(pooled):.1f} ms as Streamlit ships, "
        f"{statistics.median(pooled_same):.1f} ms with the app's server settings "
        f"(medians of {len(pooled)} moves each)"
    )
    width = max(len(name) for name in results)
    print(f"{'page':18s} " + " ".join(f"{name:>{width + 12}s}" for name in results))
    for topic in topics:
        cells = []
        for name in results:
            row = results[name]["pages"][topic]
            cells.append(
                f"{'n/a':>{width + 12}s}"
                if row["median_ms"] is None
                else f"{row['median_ms']:>{width + 3}.0f} ms {row['ratio']:4.2f}x"
            )
        print(f"{topic:18s} " + " ".join(cells))
    for name, result in results.items():
        print(f"{name}: cold start {json.dumps(result['cold_start'])}")
    report = {
        "reference_ms": round(statistics.median(pooled), 1),
        "reference_app_settings_ms": round(statistics.median(pooled_same), 1),
        "goal_ratio": GOAL_RATIO,
        "variants": results,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
