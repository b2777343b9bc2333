"""The Generalization page's trainings take a training slot, like the trainer's live runs.

Its Train buttons train inside the script run (``ui/trainer/inline.py``): a result already kept
comes back at once; a new one waits in the process's FIFO line for one of the K slots
(``PIZARRA_MAX_TRAININGS``), telling the page its position, trains, and gives the slot back.
"""

from __future__ import annotations

import threading
import time

import pytest

from tests.pages.helpers import open_page
from ui.trainer import inline

TINY = {"ens_k": "2", "ens_epochs": "2", "ens_width": "16", "ens_seed": "7"}


def test_a_new_training_waits_for_the_slot_then_gives_it_back(one_slot_taken):
    positions: list[int] = []
    calls: list[int] = []
    out: dict[str, object] = {}

    def compute() -> str:
        calls.append(1)
        assert one_slot_taken.position("me") == 0  # it trains only while holding the slot
        return "result"

    key = ("test-queue", time.time_ns())
    worker = threading.Thread(
        target=lambda: out.setdefault(
            "v", inline.trained_once(key, compute, "me", positions.append)
        )
    )
    worker.start()
    deadline = time.monotonic() + 10
    while not positions and time.monotonic() < deadline:
        time.sleep(0.05)
    assert positions == [1]  # first in line, told once
    assert calls == []  # nothing trains while the slot is taken
    one_slot_taken.release("another student")
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert out["v"] == "result" and calls == [1]
    assert one_slot_taken.counts() == (0, 0)  # the slot is free again
    # kept: the same settings come back at once, with no slot and no training
    one_slot_taken.request("another student")
    assert inline.stored(key)
    assert inline.trained_once(key, compute, "me", positions.append) == "result"
    assert calls == [1] and positions == [1]


def test_a_failed_training_leaves_the_line(one_slot_taken):
    one_slot_taken.release("another student")

    def fails() -> None:
        raise ValueError("bad settings")

    with pytest.raises(ValueError, match="bad settings"):
        inline.trained_once(("test-fail", time.time_ns()), fails, "me", lambda _: None)
    assert one_slot_taken.counts() == (0, 0)
    assert not inline.stored(("test-fail", 0))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_train_button_waits_its_turn_then_shows_the_ensemble(one_slot_taken, lang):
    """The slot frees 1.5 s after the click: the page's run waits, then trains and draws."""
    at = open_page("generalization", lang=lang, **{**TINY, "ens_seed": str(10 + len(lang))})
    timer = threading.Timer(1.5, one_slot_taken.release, args=("another student",))
    timer.start()
    started = time.monotonic()
    at.button(key="generalization.ens_run").click().run(timeout=300)
    timer.join()
    assert not at.exception, [e.value for e in at.exception]
    assert time.monotonic() - started >= 1.5  # it did wait for the slot
    assert len(at.metric) >= 4  # members' mean, best member, ensemble, gain
    assert one_slot_taken.counts() == (0, 0)
