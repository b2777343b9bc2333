"""Round trip of a slider move as a student feels it, per page, in Chromium against a real server.

For every page (and a reference page, ``benchmarks/reference_page.py``: one slider and two Altair
line charts of 200 points, served by its own server in the same run) the script focuses the
page's main slider (the first one in the main area) and moves it with the keyboard, one step per
key press, ``--moves`` timed times after one warm-up move. Each move is timed in the page's own
clock (``performance.now()``): from the key event's time stamp until the rerun has finished (a
MutationObserver, installed before the press, sees ``stApp``'s ``data-test-script-state`` go
``running`` → ``notRunning``, however fast) plus two ``requestAnimationFrame`` callbacks.

It prints each page's median and its ratio to the reference's median (goal: <= 1.6), and last one
JSON line. Also cold start: server start → home page painted, and the first visit to the trainer
page in that fresh server (torch import and data load).

``--variant NAME=DIR`` (repeatable) measures the app as checked out in DIR (e.g. an export of an
older commit, ``git archive <commit> | tar -x -C DIR``), each with its own server, so that
before/after figures come from one run against one reference. Ratios only compare within a run:
on a shared machine the absolute figures move with the load.

Run: ``.venv/bin/python benchmarks/interaction_latency.py [--moves 8] [topic ...]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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


def time_moves(pg, moves: int, topic: str | None = None) -> list[float] | str:
    """Move the main slider ``moves + 1`` times (the first is a warm-up); the times in ms.

    Each press moves one step towards the far end of the range; at an end it turns around, so
    positions are new ones as long as the range has enough steps.
    """
    slider = main_slider(pg, topic)
    if slider.count() == 0:
        return "no slider in the main area"
    slider.scroll_into_view_if_needed()
    slider.focus()
    pg.evaluate(_INSTALL)
    value, low, high = (
        float(slider.get_attribute(a) or v) for a, v in (("value", 0), ("min", 0), ("max", 100))
    )
    key = "ArrowRight" if (high - value) >= (value - low) else "ArrowLeft"
    times: list[float] = []
    for i in range(moves + 1):
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
        if i:
            times.append(elapsed)
        pg.wait_for_function(_CHARTS_DRAWN, timeout=TIMEOUT_MS)
        pg.wait_for_timeout(150)  # let late chart frames settle before the next press
        now = float(slider.get_attribute("value") or 0)
        if now in (low, high):
            key = "ArrowLeft" if key == "ArrowRight" else "ArrowRight"
        slider.focus()  # a rerun may have redrawn the slider
    return times


def median_line(name: str, times: list[float] | str, reference: float | None) -> dict:
    if isinstance(times, str):
        print(f"  {name:18s}     n/a  ({times})")
        return {"median_ms": None, "ratio": None, "note": times}
    median = statistics.median(times)
    ratio = median / reference if reference else None
    verdict = "" if ratio is None else ("  ok" if ratio <= GOAL_RATIO else "  > goal")
    shown = "" if ratio is None else f"  {ratio:4.2f}x"
    print(f"  {name:18s} {median:7.1f} ms{shown}{verdict}  (n={len(times)})")
    return {
        "median_ms": round(median, 1),
        "ratio": None if ratio is None else round(ratio, 2),
        "times_ms": [round(x, 1) for x in times],
    }


def measure_reference(browser, moves: int) -> list[float] | str:
    proc, url = start_server({}, script=REFERENCE)
    try:
        pg = browser.new_page(viewport={"width": 1366, "height": 900})
        open_page(pg, url)
        times = time_moves(pg, moves)
        pg.close()
        return times
    finally:
        stop_server(proc)


def measure_app(browser, root: Path, topics: list[str], moves: int, env: dict) -> dict:
    """Cold start, the trainer's first visit, then every page's slider moves, on one server."""
    out: dict = {"cold_start": {}, "pages": {}}
    pg = browser.new_page(viewport={"width": 1366, "height": 900})
    start = time.monotonic()
    proc, url = start_server(env, root=root)
    try:
        healthy = time.monotonic()
        home = open_page(pg, f"{url}/?lang=en")
        out["cold_start"]["server_healthy_s"] = round(healthy - start, 2)
        out["cold_start"]["home_painted_s"] = round(healthy - start + home, 2)
        if "trainer" in [p.topic for p in nav.available_pages()]:
            # In the page's clock: performance.now() counts from the navigation's start.
            first = open_page(pg, f"{url}/trainer?lang=en")
            again = open_page(pg, f"{url}/trainer?lang=en")
            out["cold_start"]["trainer_first_visit_s"] = round(first, 2)
            out["cold_start"]["trainer_second_visit_s"] = round(again, 2)
        for topic in topics:
            open_page(pg, f"{url}/{topic}?lang=en")
            out["pages"][topic] = time_moves(pg, moves, topic)
    finally:
        pg.close()
        stop_server(proc)
    return out


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
        # The reference before and after the app, pooled: the load on a shared machine drifts.
        ref_times = measure_reference(browser, args.moves)
        results = {
            name: measure_app(browser, Path(d), topics, args.moves, env) for name, d in variants
        }
        ref_after = measure_reference(browser, args.moves)
        browser.close()
    if isinstance(ref_times, str) or isinstance(ref_after, str):
        sys.exit(f"the reference page could not be measured: {ref_times} / {ref_after}")
    reference = statistics.median(ref_times + ref_after)
    print(
        f"reference page: {reference:.1f} ms (median of {len(ref_times + ref_after)} moves; "
        f"before the app {statistics.median(ref_times):.1f}, after {statistics.median(ref_after):.1f})"
    )
    report: dict = {
        "reference_ms": round(reference, 1),
        "goal_ratio": GOAL_RATIO,
        "variants": {},
    }
    for name, result in results.items():
        print(f"{name}: cold start {json.dumps(result['cold_start'])}")
        pages = {t: median_line(t, times, reference) for t, times in result["pages"].items()}
        report["variants"][name] = {"cold_start": result["cold_start"], "pages": pages}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
