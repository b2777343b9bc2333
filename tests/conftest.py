import os

import pytest

# Keep torch (imported by the trainer tests) from oversubscribing the two cores.
os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
# Every chart a page test (or the browser test's server) draws is checked against the
# Vega-Lite schema; the app itself skips that cost (ui/charts.py, to_spec).
os.environ["PIZARRA_VALIDATE_CHARTS"] = "1"


@pytest.fixture(params=["en", "es"])
def lang(request) -> str:
    """Run a test once per language."""
    return request.param
