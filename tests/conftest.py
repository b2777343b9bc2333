import os
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis draws the same examples on every run (CI stays reproducible); run with
# HYPOTHESIS_PROFILE=explore to draw fresh random examples when hunting for new bugs.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", derandomize=False, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Keep torch (imported by the trainer tests) from oversubscribing the two cores.
os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
# Every chart a page test (or the browser test's server) draws is checked against the
# Vega-Lite schema; the app itself skips that cost (ui/charts.py, to_spec).
os.environ["PIZARRA_VALIDATE_CHARTS"] = "1"


@pytest.fixture(params=["en", "es"])
def lang(request) -> str:
    """Run a test once per language."""
    return request.param


# The course's MNIST subset sits next to the repository (CI and the dev machines alike).
MNIST_SUBSET = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "mnist-subset"


def in_ci() -> bool:
    """CI sets ``CI=true``; there a missing input is a failure, not a skip."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def mnist_subset() -> Path:
    """The MNIST subset folder. Missing: a failure in CI, elsewhere a skip that says why."""
    if MNIST_SUBSET.is_dir():
        return MNIST_SUBSET
    reason = (
        f"MNIST subset not found at {MNIST_SUBSET}: the shared course data must sit next to "
        "the repository (../shared/data/mnist-subset)"
    )
    if in_ci():
        pytest.fail(f"{reason}; CI must have it", pytrace=False)
    pytest.skip(reason)
