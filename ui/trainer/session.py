"""The trainer's per-user run state: the active run, the grid queue, the lock and the callbacks.

Everything lives in ``st.session_state`` under ``trainer.*`` keys (one user, one session); a
:class:`Session` is a thin view on them, made at every script run. The loop is core's
generator wrapped in a ``TrainingRun``; the live view pulls it for time slices. No thread.

With ``runner.fastReruns`` (Streamlit's default) a click starts a new script thread at once
while the previous one may still be inside ``run.pull()``: every use of the run holds the
session's lock (reentrant: ``finalize()`` starts the next grid run).
"""

from __future__ import annotations

import math
import os
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import streamlit as st

from core.trainer import TrainConfig, TrainingRun
from core.trainer.slots import Slots, max_trainings
from core.trainer.threads import available_cpus
from ui import classroom
from ui.trainer import dataset
from ui.trainer.compare import summarize
from ui.trainer.fmt import fmt_lr
from ui.trainer.outcome import Outcome

# -- session-state keys (per user) ---------------------------------------------------------------
RUN = "trainer.run"  # the active TrainingRun, or None
META = "trainer.meta"  # label, id, wall-clock start, grid position of the active run
QUEUE = "trainer.queue"  # configs of the course grid still to run
FINISHED = "trainer.finished"  # summaries of finished runs (compare table), newest last
SHOWN = "trainer.shown"  # the Outcome drawn in the results section
SYNC = "trainer.sync"  # "Finish now" was pressed
INLINE = "trainer.inline"  # set by the full script run just before it calls the fragment
NEXT_ID = "trainer.next_id"
ERROR = "trainer.error"  # a ValueError raised while starting or running
UPLOADED = "trainer.uploaded_id"
LOCK = "trainer.lock"
OWNER = "trainer.owner"  # this session's name in the process-wide training slots
QUEUED = "trainer.queued"  # the live view last found the run waiting for a slot

REPORT_S = 0.1  # core yields a StepRecord after this much work inside an epoch
MAX_RUNS = 20  # finished runs kept for the comparison


def one_thread_per_session() -> None:
    """Adapter: torch intra-op threads for this server process (``PIZARRA_TORCH_THREADS``, 1).

    ``core.train`` gives torch every core, which suits one CLI run on an idle machine. A
    Streamlit server trains one run per session in parallel script threads, where intra-op
    threads of these small MLPs compete for the same cores (docs/performance.md). The setting
    is process-wide and idempotent.
    """
    import torch  # already loaded by core.train; only to set the thread count

    raw = os.environ.get("PIZARRA_TORCH_THREADS", "1")
    n = int(raw) if raw.strip().isdigit() and int(raw) > 0 else 1
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)


@st.cache_resource(show_spinner=False)
def _slots(capacity: int) -> Slots:
    return Slots(capacity)


def slots() -> Slots:
    """The process-wide training slots (core/trainer/slots.py): ``$PIZARRA_MAX_TRAININGS``, else
    the usable cores, or half of them in classroom mode (the other half keeps every student's
    sliders quick)."""
    default = max(1, available_cpus() // 2) if classroom.enabled() else None
    return _slots(max_trainings(default))


def wait_for_slot(owner: str, on_wait: Callable[[int], None], poll_s: float = 0.5) -> None:
    """Block this script run until ``owner`` holds a training slot, renewing its place in the
    queue every ``poll_s`` seconds and calling ``on_wait(position)`` when the position changes.
    For trainings that run inside a script run (the Generalization page) rather than in the
    trainer's live view; pair it with :func:`release_slot` in a ``finally``."""
    shown = None
    while (position := slots().request(owner)) != 0:
        if position != shown:
            on_wait(position)
            shown = position
        time.sleep(poll_s)


def release_slot(owner: str) -> None:
    """Give up ``owner``'s training slot or place in the queue (see :func:`wait_for_slot`)."""
    slots().release(owner)


def session_owner(suffix: str) -> str:
    """This session's name in the training slots for one of its pages' own trainings: the
    trainer's owner name plus ``suffix``, so that a page's runs never hold the trainer's slot."""
    return f"{st.session_state.setdefault(OWNER, uuid.uuid4().hex)}:{suffix}"


class Session:
    """The run state of this user's session, and the callbacks of the Train section's buttons.

    ``t`` translates the labels of grid runs (the language of the click that queued them).
    """

    def __init__(self, t: Callable[..., str]) -> None:
        self.t = t
        self.ss = st.session_state
        self.lock = self.ss.setdefault(LOCK, threading.RLock())
        self.owner = self.ss.setdefault(OWNER, uuid.uuid4().hex)

    # -- state --------------------------------------------------------------------------------
    @property
    def run(self) -> TrainingRun | None:
        return self.ss.get(RUN)

    @property
    def running(self) -> bool:
        return self.ss.get(RUN) is not None

    def slot(self) -> int:
        """Ask for (or keep) a training slot for the active run and renew its lease: 0 when it may
        train, else its position in the queue."""
        return slots().request(self.owner)

    def mark_queued(self, queued: bool) -> bool:
        """Record whether the run waits for a slot; returns what was recorded before."""
        before = bool(self.ss.get(QUEUED))
        self.ss[QUEUED] = queued
        return before

    def capacity(self) -> int:
        return slots().capacity

    def _release(self) -> None:
        slots().release(self.owner)

    @property
    def meta(self) -> dict[str, Any]:
        return self.ss.get(META) or {}

    @property
    def finished(self) -> list[dict[str, Any]]:
        return self.ss.get(FINISHED) or []

    @property
    def shown(self) -> Outcome | None:
        return self.ss.get(SHOWN)

    def show(self, outcome: Outcome) -> None:
        self.ss[SHOWN] = outcome

    @property
    def error(self) -> ValueError | None:
        return self.ss.get(ERROR)

    def _fail(self, exc: ValueError) -> None:
        """Core refused the configuration: keep the error (its code translates it), drop the
        run and the queue."""
        self.ss[ERROR] = exc
        self.ss[RUN] = None
        self.ss[QUEUE] = []
        self._release()

    # -- runs ---------------------------------------------------------------------------------
    def start_run(
        self, config: TrainConfig, label: str, grid: tuple[int, int] | None = None
    ) -> None:
        """Create the run and take its first record, so a bad combination fails here, not later."""
        with self.lock:
            try:
                data = dataset.load(config.dataset)
                run = TrainingRun(config, data, report_every_s=REPORT_S)
                run_id = self.ss.get(NEXT_ID, 1)
                self.ss[NEXT_ID] = run_id + 1
                self.ss[META] = {
                    "label": label,
                    "id": run_id,
                    "t0": time.perf_counter(),
                    "grid": grid,
                }
                self.ss[RUN] = run
                # before the first step too: the dataset's warm-up gave torch every core, and
                # core.train keeps a count set earlier (one thread per training: docs/performance.md)
                one_thread_per_session()
                next(run)
                one_thread_per_session()
            except ValueError as exc:
                self._fail(exc)

    def finalize(self, run: TrainingRun) -> None:
        """Record a finished run, show it, and start the next one of the grid if any.

        Idempotent: when two script threads both see the run end, only the first records it.
        """
        with self.lock:
            if self.ss.get(RUN) is run and run.result is not None:
                self._finalize(run)

    def _finalize(self, run: TrainingRun) -> None:
        """Under the lock: summarize the run (at most ``MAX_RUNS`` kept), show it, drop it,
        and start the next configuration of the queue."""
        result = run.result
        meta = self.ss.get(META) or {
            "label": "",
            "id": 0,
            "t0": time.perf_counter(),
            "grid": None,
        }
        wall = time.perf_counter() - meta["t0"]
        label = f"#{meta['id']} · {meta['label']}"
        finished = self.ss.setdefault(FINISHED, [])
        finished.append(summarize(result, label, meta["id"], wall))
        del finished[:-MAX_RUNS]
        self.ss[SHOWN] = Outcome.from_result(result, label, wall)
        self.ss[RUN] = None
        self._release()  # the next grid run queues again behind the sessions already waiting
        queue = self.ss.get(QUEUE) or []
        if queue:
            (grid_label, config, pos), rest = queue[0], queue[1:]
            self.ss[QUEUE] = rest
            self.start_run(config, grid_label, grid=pos)

    def pull(self, run: TrainingRun, seconds: float) -> bool:
        """Train for about ``seconds``. False when the run is gone: core refused the
        configuration (the error is kept for the page) or another script thread dropped it
        meanwhile."""
        with self.lock:
            if self.ss.get(RUN) is not run or run.done:
                return run.done  # finished meanwhile (finalize is idempotent) or abandoned
            try:
                run.pull(seconds)
            except ValueError as exc:
                self._fail(exc)
                return False
        return True

    def end_if_stopped(self) -> None:
        """Stop pressed: the run ends after at most one more step and keeps the best weights.
        Called before any widget is drawn, so that everything below sees the run as over."""
        run = self.run
        if run is not None and run.stop_requested and not run.done:
            if self.pull(run, math.inf):
                self.finalize(run)

    def take_finish_request(self) -> bool:
        """True once after "Finish now" was pressed."""
        if not self.ss.get(SYNC):
            return False
        self.ss[SYNC] = False
        return True

    def finish_now(
        self,
        seconds: float,
        progress: Callable[[float, str], None],
        waiting: Callable[[int], None],
    ) -> None:
        """Run the rest of the run (and of the grid) in this script run, calling
        ``progress(share, label)`` about every ``seconds``; while the run waits for a training
        slot, ``waiting(position)`` about every ``seconds``."""
        while self.ss.get(RUN) is not None:
            run = self.ss[RUN]
            while not run.done and not run.stop_requested and (pos := self.slot()) > 0:
                waiting(pos)
                time.sleep(seconds)
            while not run.done:
                if not self.pull(run, seconds):
                    break
                progress(min(run.progress, 1.0), self.meta.get("label", ""))
            if self.ss.get(RUN) is run and run.done:
                self.finalize(run)

    # -- button callbacks ---------------------------------------------------------------------
    def on_start(self, config: TrainConfig) -> None:
        self.ss[QUEUE] = []
        self.ss[ERROR] = None
        self.start_run(config, config.summary())

    def on_grid(self, configs: list[tuple[str, TrainConfig]]) -> None:
        """Start the first configuration of the course grid and queue the others."""
        self.ss[ERROR] = None
        n = len(configs)
        items = [
            (
                self.t("trainer.grid_item", depth=len(cfg.hidden), lr=fmt_lr(cfg.lr)),
                cfg,
                (i + 1, n),
            )
            for i, (_, cfg) in enumerate(configs)
        ]
        self.ss[QUEUE] = items[1:]
        self.start_run(items[0][1], items[0][0], grid=items[0][2])

    def on_stop(self) -> None:
        """Ask the run to stop after its current step, and empty the queue."""
        run = self.ss.get(RUN)
        if run is not None:
            run.stop()
        self.ss[QUEUE] = []
        self._release()  # leaves the queue at once; a running run ends at its next step

    def on_finish_now(self) -> None:
        self.ss[SYNC] = True

    def clear_finished(self) -> None:
        self.ss[FINISHED] = []

    def mark_inline(self) -> None:
        """The fragment is about to run inside a full script run (it trains only briefly)."""
        self.ss[INLINE] = True

    def take_inline(self) -> bool:
        return self.ss.pop(INLINE, False)

    def uploaded_id(self) -> str | None:
        return self.ss.get(UPLOADED)

    def set_uploaded_id(self, file_id: str | None) -> None:
        self.ss[UPLOADED] = file_id
