"""Training slots: at most K trainings at once per process, the others wait in a FIFO queue.

A server that trains one run per session would, with 10 students pressing Start together, split
its cores ten ways and make every slider on every page crawl. :class:`Slots` admits ``capacity``
owners (sessions) at a time; the next ones wait in arrival order and learn their position. It is
pure (no Streamlit, no thread of its own) and thread safe: every Streamlit script thread of every
session calls it.

An owner keeps its place (slot or queue) by calling :meth:`Slots.request` again at least every
``lease_s`` seconds: the trainer's live view does so at every tick and every slice. An owner that
stops calling (its browser tab closed, its session ended) loses its place after the lease, so a
vanished session never keeps a slot. :meth:`Slots.release` gives the place up at once (the run
ended, failed or was stopped; Stop while queued)::

    slots = Slots(capacity=2)
    slots.request("a"), slots.request("b"), slots.request("c")   # 0, 0, 1: "c" is first in line
    slots.release("a")
    slots.request("c")                                           # 0: "c" trains now
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from core.trainer.threads import available_cpus

ENV = "PIZARRA_MAX_TRAININGS"
LEASE_S = 10.0  # an owner silent for this long loses its slot or its place in the queue


def max_trainings(default: int | None = None) -> int:
    """Trainings that may run at once in this process: ``$PIZARRA_MAX_TRAININGS`` if it is a
    positive integer, else ``default`` if given, else the usable cores (:func:`available_cpus`)."""
    raw = os.environ.get(ENV, "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return max(1, int(default)) if default is not None else available_cpus()


class Slots:
    """At most ``capacity`` holders; the other owners wait first come, first served.

    ``clock`` returns seconds (monotonic); tests pass a fake one to expire leases.
    """

    def __init__(
        self,
        capacity: int,
        lease_s: float = LEASE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
            raise ValueError(f"capacity must be a positive integer, got {capacity!r}")
        if not lease_s > 0:
            raise ValueError(f"lease_s must be positive, got {lease_s!r}")
        self.capacity = capacity
        self.lease_s = float(lease_s)
        self._clock = clock
        self._lock = threading.Lock()
        self._holders: dict[Hashable, float] = {}  # owner -> time of its last request
        self._waiting: OrderedDict[Hashable, float] = OrderedDict()  # arrival order

    # -- under the lock -------------------------------------------------------------------------
    def _expire(self, now: float) -> None:
        for table in (self._holders, self._waiting):
            for owner in [o for o, seen in table.items() if now - seen > self.lease_s]:
                del table[owner]

    def _promote(self) -> None:
        while self._waiting and len(self._holders) < self.capacity:
            owner, seen = self._waiting.popitem(last=False)
            self._holders[owner] = seen

    # -- public ---------------------------------------------------------------------------------
    def request(self, owner: Hashable) -> int:
        """Ask for a slot, or keep the one held, and renew the lease. Returns 0 when ``owner``
        holds a slot (it may train), else its 1-based position in the queue."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            if owner in self._holders:
                self._holders[owner] = now
                return 0
            self._waiting[owner] = now  # a newcomer joins at the end; a waiter keeps its place
            self._promote()
            if owner in self._holders:
                return 0
            return list(self._waiting).index(owner) + 1

    def position(self, owner: Hashable) -> int | None:
        """0 if ``owner`` holds a slot, its queue position, or None if it has no place (never
        asked, released, or its lease lapsed). Does not renew the lease."""
        with self._lock:
            self._expire(self._clock())
            self._promote()
            if owner in self._holders:
                return 0
            if owner in self._waiting:
                return list(self._waiting).index(owner) + 1
            return None

    def release(self, owner: Hashable) -> None:
        """Give up the slot or the place in the queue (unknown owners are ignored); the first
        waiting owner gets the slot at its next :meth:`request`."""
        with self._lock:
            self._holders.pop(owner, None)
            self._waiting.pop(owner, None)
            self._expire(self._clock())
            self._promote()

    def counts(self) -> tuple[int, int]:
        """(trainings running, owners waiting) now."""
        with self._lock:
            self._expire(self._clock())
            self._promote()
            return len(self._holders), len(self._waiting)
