"""The hyperparameter search's trials take a training slot, like the trainer's runs.

One slot held by another owner stands in for a class that has filled the server: Start then
queues and the page shows the position in the student's language; no trial trains meanwhile;
the search starts by itself when the slot frees and releases it at the end; Stop leaves the
line; "Finish now" waits its turn.
"""

from __future__ import annotations

import pytest

from tests.pages.helpers import all_text, open_page
from ui import i18n, search_run
from ui.trainer import session as trainer_session

TOPIC = "hyperparameter_search"
TINY = {"method": "grid", "real_n": "4", "epochs": "2", "run_seed": "3"}


def queued_text(lang: str, position: int) -> str:
    return i18n.translate(lang, f"{TOPIC}.queued", position=position, k=1)


def owner(at) -> str:
    return f"{at.session_state[trainer_session.OWNER]}:search"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_queued_search_waits_then_starts_by_itself(one_slot_taken, lang):
    at = open_page(TOPIC, lang=lang, **{**TINY, "run_seed": str(len(lang))})
    at.button(key=f"{TOPIC}.start").click().run()
    assert not at.exception, [e.value for e in at.exception]
    run = at.session_state[search_run.RUN]
    assert run is not None and not run.done
    first = len(run.history)
    assert one_slot_taken.position(owner(at)) == 1
    assert queued_text(lang, 1) in [el.value for el in at.info]
    at.run()  # a tick while the slot is taken: nothing trains
    assert len(run.history) == first and queued_text(lang, 1) in all_text(at)
    assert at.session_state[search_run.ROWS] == []

    one_slot_taken.release("another student")
    at.run()  # the next tick takes the slot and trains
    assert one_slot_taken.position(owner(at)) in (0, None)
    if at.session_state[search_run.RUN] is not None:
        at.button(key=f"{TOPIC}.finish").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[search_run.RUN] is None
    assert len(at.session_state[search_run.ROWS]) == 4
    assert one_slot_taken.position(owner(at)) is None  # released when the search ended
    assert queued_text(lang, 1) not in all_text(at)


def test_stop_leaves_the_line_and_the_next_moves_up(one_slot_taken):
    at = open_page(TOPIC, **TINY)
    at.button(key=f"{TOPIC}.start").click().run()
    assert one_slot_taken.request("third student") == 2
    assert one_slot_taken.position(owner(at)) == 1
    at.button(key=f"{TOPIC}.stop").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[search_run.RUN] is None
    assert one_slot_taken.position(owner(at)) is None
    assert one_slot_taken.position("third student") == 1
    one_slot_taken.release("third student")


def test_finish_now_waits_for_its_turn(one_slot_taken, monkeypatch):
    at = open_page(TOPIC, **TINY)
    at.button(key=f"{TOPIC}.start").click().run()
    me = owner(at)
    waits = []
    real_sleep = trainer_session.time.sleep

    def sleep(seconds):  # the other run ends while this session waits its turn
        if one_slot_taken.position(me):
            waits.append(one_slot_taken.position(me))
            one_slot_taken.release("another student")
        else:
            real_sleep(seconds)

    monkeypatch.setattr(trainer_session.time, "sleep", sleep)
    at.button(key=f"{TOPIC}.finish").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert waits == [1]
    assert at.session_state[search_run.RUN] is None
    assert len(at.session_state[search_run.ROWS]) == 4
    assert one_slot_taken.position(me) is None
