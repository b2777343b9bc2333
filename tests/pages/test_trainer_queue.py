"""The trainer's queue for training slots (core/trainer/slots.py) as a student sees it.

One slot (as ``PIZARRA_MAX_TRAININGS=1`` gives) held by another owner stands in for a class that
has filled the server: Start then queues, the page shows the position in the student's language,
the run starts by itself when the slot frees and ends with core's numbers; Stop leaves the line.
"""

from __future__ import annotations

import pytest

from tests.pages.helpers import all_text, open_page
from tests.pages.test_trainer import SHORT, core_result, metric, offline, short_config, tr
from ui.trainer import session

__all__ = ["offline"]  # the autouse fixture: MNIST from the shared subset, no network


def queued_text(lang: str, position: int) -> str:
    return tr(lang, "trainer.queued", position=position, k=1)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_queued_run_waits_then_starts_by_itself(one_slot_taken, lang):
    at = open_page("trainer", lang=lang, **SHORT)
    at.button(key="trainer.start").click().run()
    assert not at.exception, [e.value for e in at.exception]
    run = at.session_state["trainer.run"]
    owner = at.session_state["trainer.owner"]
    assert run is not None and not run.done
    first = len(run.history)  # Start takes the run's first record only (core checks the config)
    assert one_slot_taken.position(owner) == 1
    assert queued_text(lang, 1) in [el.value for el in at.info]
    assert not at.button(key="trainer.stop").disabled  # Stop leaves the line
    at.run()  # a tick while the slot is still taken: no training
    assert len(run.history) == first and queued_text(lang, 1) in all_text(at)

    one_slot_taken.release("another student")  # that run ended
    at.run()  # the next tick: this run takes the slot and trains
    assert one_slot_taken.position(owner) in (0, None)  # holding it, or finished and released
    if at.session_state["trainer.run"] is not None:
        at.button(key="trainer.finish").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["trainer.run"] is None
    assert one_slot_taken.position(owner) is None  # released when the run ended
    assert queued_text(lang, 1) not in all_text(at)
    expected = core_result(short_config())
    assert metric(at, tr(lang, "trainer.test_acc")) == f"{expected.test_acc:.4f}"


def test_stop_leaves_the_queue_and_the_next_moves_up(one_slot_taken):
    at = open_page("trainer", **SHORT)
    at.button(key="trainer.start").click().run()
    owner = at.session_state["trainer.owner"]
    assert one_slot_taken.request("third student") == 2
    assert one_slot_taken.position(owner) == 1
    at.button(key="trainer.stop").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["trainer.run"] is None
    assert one_slot_taken.position(owner) is None
    assert one_slot_taken.position("third student") == 1
    assert not at.button(key="trainer.start").disabled
    one_slot_taken.release("third student")


def test_finish_now_waits_for_its_turn(one_slot_taken, monkeypatch):
    """ "Finish now" while queued waits (showing the position) and runs once the slot frees."""
    at = open_page("trainer", **SHORT)
    at.button(key="trainer.start").click().run()
    owner = at.session_state["trainer.owner"]
    waits = []
    real_sleep = session.time.sleep

    def sleep(seconds):  # the other run ends while this session waits its turn
        if one_slot_taken.position(owner):
            waits.append(one_slot_taken.position(owner))
            one_slot_taken.release("another student")
        else:  # time.sleep is process-wide: other callers sleep as usual
            real_sleep(seconds)

    monkeypatch.setattr(session.time, "sleep", sleep)
    at.button(key="trainer.finish").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert waits == [1]
    assert at.session_state["trainer.run"] is None
    expected = core_result(short_config())
    assert metric(at, tr("en", "trainer.test_acc")) == f"{expected.test_acc:.4f}"
