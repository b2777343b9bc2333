import os

import pytest

# Keep torch (imported by the trainer tests) from oversubscribing the two cores.
os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))


@pytest.fixture(params=["en", "es"])
def lang(request) -> str:
    """Run a test once per language."""
    return request.param
