"""Fixtures shared by the page tests."""

from __future__ import annotations

import pytest

from core.trainer.slots import Slots
from ui.trainer import session


@pytest.fixture
def one_slot_taken(monkeypatch):
    """One training slot in this process, held by another student; yields the slots. Its lease is
    long: on a loaded machine a page run can outlast the default 10 s."""
    shared = Slots(capacity=1, lease_s=3600)
    monkeypatch.setattr(session, "slots", lambda: shared)
    assert shared.request("another student") == 0
    yield shared
    shared.release("another student")
