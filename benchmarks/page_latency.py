"""Median server-side rerun time after a slider move, per page (AppTest, no browser).

For each available page: open it, then alternately move its first slider between two values and
time the rerun. Prints one line per page and, last, a JSON object ``{"page": median_ms, ...}``.
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


def _select_slider_values(at, key) -> tuple[object, object]:
    """First and last option of a URL-synced select slider (its options are recorded by ui.page)."""
    options = at.session_state["_options"][key]
    return options[0], options[-1]


def measure(topic: str, repeats: int) -> tuple[float | None, str]:
    at = open_page(topic)
    if at.exception:
        return None, "page raised an exception"
    sliders = [s for s in at.slider if getattr(s, "min", None) is not None]
    if sliders:
        slider = sliders[0]
        a, b = two_values(slider)
    elif len(at.select_slider):
        slider = at.select_slider[0]
        a, b = _select_slider_values(at, slider.key)
    else:
        return None, "no slider on the page"
    times = []
    for i in range(repeats + 1):
        slider = next(s for s in list(at.slider) + list(at.select_slider) if s.key == slider.key)
        slider.set_value(a if i % 2 else b)
        start = time.perf_counter()
        at.run()
        elapsed = time.perf_counter() - start
        if i:  # the first move warms caches
            times.append(elapsed)
    return statistics.median(times) * 1000, f"slider {slider.key}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    results: dict[str, float | None] = {}
    for page in nav.available_pages():
        median_ms, what = measure(page.topic, args.repeats)
        results[page.topic] = None if median_ms is None else round(median_ms, 1)
        shown = "n/a" if median_ms is None else f"{median_ms:7.1f} ms"
        print(f"{page.topic:18s} {shown}  ({what}; target <= 100 ms)")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
