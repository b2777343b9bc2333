"""A small class on a real server: students over Streamlit's websocket protocol, two of them
training at once with one training slot, every session keeping its own state.

The simulated clients are benchmarks/classroom_load.py's: each student opens a random page and
moves its sliders; after every move the URL state the server sends back must hold that student's
own value (several students share each page), and each trainer's live view must show its own
configuration. No timing is asserted: only zero errors, zero isolation violations and both runs
finishing (the second one after waiting in the queue).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib.util
import random
import sys

import pytest

from tests.e2e.serve import ROOT, start_server, stop_server

pytestmark = pytest.mark.slow


def load_benchmark():
    spec = importlib.util.spec_from_file_location(
        "classroom_load", ROOT / "benchmarks" / "classroom_load.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_students_and_queued_trainers_stay_isolated():
    bench = load_benchmark()
    # two pages only, so that several students move the same sliders at the same time
    pages = sorted(random.Random(1).sample(["batch_norm", "dropout", "least_squares"], 2))
    env = {"PIZARRA_CLASSROOM": "1", "PIZARRA_MAX_TRAININGS": "1"}
    proc, url = start_server(env)
    try:
        # in a thread of its own: a browser test earlier in the session (Playwright's sync API)
        # may have left an event loop running in this one
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            row = pool.submit(
                asyncio.run,
                bench.scenario(url, proc.pid, n=5, m=2, seconds=20, cap=300, seed=3, pages=pages),
            ).result()
    finally:
        stop_server(proc)
    assert row["errors"] == 0, row["error_samples"]
    assert row["isolation_violations"] == 0
    assert row["moves"] >= 5
    assert row["trainings_finished"] == 2
