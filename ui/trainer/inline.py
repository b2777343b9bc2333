"""Trainings that run inside one script run (the Generalization page's Train buttons).

Each result is kept per settings for the whole server process (a rerun, another session or a
return to settings already trained does not train again), and each training that does run holds
one of the process's training slots (``ui.trainer.session.slots``), like the trainer's live runs:
at most K trainings at once, the others wait first come, first served and see their position.
Only a miss waits for a slot; a stored result comes back at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

from ui.trainer.session import release_slot, wait_for_slot

T = TypeVar("T")
MAX_ENTRIES = 512  # results kept per process, least recently used dropped first


@st.cache_resource(show_spinner=False)
def _store() -> tuple[threading.Lock, OrderedDict]:
    return threading.Lock(), OrderedDict()


def stored(key: Hashable) -> bool:
    """Whether the result for ``key`` is kept (no training, no slot needed)."""
    lock, memo = _store()
    with lock:
        return key in memo


def trained_once(
    key: Hashable, compute: Callable[[], T], owner: str, on_wait: Callable[[int], None]
) -> T:
    """The kept result for ``key``, or ``compute()`` run inside a training slot of ``owner``
    (waiting in line meanwhile, ``on_wait(position)`` told each new position) and then kept."""
    lock, memo = _store()
    with lock:
        if key in memo:
            memo.move_to_end(key)
            return memo[key]
    try:
        wait_for_slot(owner, on_wait)
        value = compute()
    finally:
        release_slot(owner)
    with lock:
        memo[key] = value
        while len(memo) > MAX_ENTRIES:
            memo.popitem(last=False)
    return value
