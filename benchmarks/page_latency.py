"""Median server-side rerun time after a slider move, per page (AppTest, no browser).

For each available page: open it, then move its first slider and time each rerun. By default
every timed move goes to a position not used before (as long as the slider has enough of them),
alternating between the low and the high end of the range: that is what a student dragging a
slider pays, and a cache keyed on the slider's value cannot make it look faster than it is.
``--alternate`` moves back and forth between the same two positions (1/4 and 3/4 of the range),
as earlier versions of this script did; a page that caches on the slider's value then shows its
cache hits. Prints one line per page and, last, a JSON object ``{"page": median_ms, ...}``.
Target: <= 100 ms per rerun. Run: ``.venv/bin/python benchmarks/page_latency.py [--repeats N]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit.testing.v1.app_test as _app_test  # noqa: E402
import streamlit.testing.v1.local_script_runner as _local_runner  # noqa: E402
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: E402

from tests.pages.helpers import open_page  # noqa: E402
from ui import nav  # noqa: E402

# AppTest compiles the page anew on every run (a fresh ScriptCache per run); a real server keeps
# one cache per process. Share one here so the figure is the server's rerun cost.
_SHARED_CACHE = ScriptCache()
_app_test.ScriptCache = _local_runner.ScriptCache = lambda: _SHARED_CACHE


def two_values(slider) -> tuple[object, object]:
    """Two valid positions of a slider: its minimum-side and maximum-side neighbours."""
    lo, hi = slider.min, slider.max
    if isinstance(lo, int) and isinstance(hi, int):
        return lo + (hi - lo) // 4, lo + 3 * (hi - lo) // 4
    return lo + 0.25 * (hi - lo), lo + 0.75 * (hi - lo)


def spread(n_positions: int, count: int) -> list[int]:
    """``count`` indices into ``range(n_positions)``, low end and high end in turn.

    The indices are evenly spaced over the range and distinct while ``count <= n_positions``;
    after that they repeat in the same order.
    """
    distinct = sorted({round(k * (n_positions - 1) / max(count - 1, 1)) for k in range(count)})
    order = []
    while distinct:
        order.append(distinct.pop(0))
        if distinct:
            order.append(distinct.pop())
    return [order[i % len(order)] for i in range(count)]


def slider_positions(slider, count: int) -> list[object]:
    """``count`` positions on a numeric slider's grid (``min + k * step``), see :func:`spread`."""
    lo, hi, step = slider.min, slider.max, slider.step
    n_positions = int(round((hi - lo) / step)) + 1
    if isinstance(lo, int) and isinstance(hi, int) and isinstance(step, int):
        return [lo + k * step for k in spread(n_positions, count)]
    return [min(round(lo + k * step, 10), hi) for k in spread(n_positions, count)]


def moves(at, alternate: bool, count: int) -> tuple[str, list[object]] | None:
    """The key of the page's first slider and the ``count`` values to move it to."""
    sliders = [s for s in at.slider if getattr(s, "min", None) is not None]
    if sliders:
        slider = sliders[0]
        if alternate:
            a, b = two_values(slider)
            return slider.key, [a if i % 2 else b for i in range(count)]
        return slider.key, slider_positions(slider, count)
    if len(at.select_slider):
        key = at.select_slider[0].key
        options = at.session_state["_options"][key]  # recorded by ui.page for every choice widget
        if alternate:
            a, b = options[0], options[-1]
            return key, [a if i % 2 else b for i in range(count)]
        return key, [options[i] for i in spread(len(options), count)]
    return None


def measure(topic: str, repeats: int, alternate: bool = False) -> tuple[float | None, str]:
    at = open_page(topic)
    if at.exception:
        return None, "page raised an exception"
    plan = moves(at, alternate, repeats + 1)
    if plan is None:
        return None, "no slider on the page"
    key, values = plan
    times = []
    for i, value in enumerate(values):
        slider = next(s for s in list(at.slider) + list(at.select_slider) if s.key == key)
        slider.set_value(value)
        start = time.perf_counter()
        at.run()
        elapsed = time.perf_counter() - start
        if i:  # the first move warms caches
            times.append(elapsed)
    return statistics.median(times) * 1000, f"slider {key}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument(
        "--alternate",
        action="store_true",
        help="move between the same two positions (cache hits count) instead of new ones",
    )
    parser.add_argument("pages", nargs="*", help="topics to measure (default: every page)")
    args = parser.parse_args()
    results: dict[str, float | None] = {}
    for page in nav.available_pages():
        if args.pages and page.topic not in args.pages:
            continue
        median_ms, what = measure(page.topic, args.repeats, args.alternate)
        results[page.topic] = None if median_ms is None else round(median_ms, 1)
        shown = "n/a" if median_ms is None else f"{median_ms:7.1f} ms"
        print(f"{page.topic:18s} {shown}  ({what}; target <= 100 ms)")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
