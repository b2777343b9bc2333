"""A real hyperparameter search on the trainer: a queue of ``TrainingRun``s, live, with Stop.

The hyperparameter-search page's section 4. It reuses the trainer's machinery instead of
copying it: core's :class:`~core.trainer.TrainingRun` (time slices, Stop), the cached data
sets of ``ui.trainer.dataset``, the torch thread setting and the live drawing of
``ui.trainer.live`` (progress bar and curves). What is its own is the queue of trials, their
results (one row per trial) and the session-state keys, under ``hyperparameter_search.*`` so
that a search and a trainer run of the same user never touch each other's state.

Finished searches are stored per settings, and every finished trial per configuration: going
back to settings already searched shows the stored results without training again.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from core.search import search_configs
from core.trainer import TrainConfig, TrainingRun
from ui.page import Page
from ui.trainer import dataset
from ui.trainer import live as trainer_live
from ui.trainer import session as trainer_session
from ui.trainer.session import REPORT_S, one_thread_per_session

P = "hyperparameter_search."
RUN, META, QUEUE, ROWS = P + "run", P + "meta", P + "queue", P + "rows"
SEARCHES, TRIALS, ACTIVE = P + "searches", P + "trials", P + "active"
ERROR, SYNC, INLINE, LOCK = P + "error", P + "sync", P + "inline", P + "lock"
QUEUED = P + "queued"  # the live view last found the search waiting for a training slot
MAX_SEARCHES = 12  # finished searches kept per session

HIDDEN = (32,)
BATCH = 32
METHODS = ("grid", "random")


@dataclass(frozen=True)
class Search:
    """The settings of one search: they name its stored results."""

    method: str
    n: int
    epochs: int
    lr_bounds: tuple[float, float]
    l2_bounds: tuple[float, float]
    seed: int

    def trials(self) -> list[tuple[float, float]]:
        """(lr, L2 strength) of each trial, from core (both axes log-scaled)."""
        pts = search_configs(self.method, self.n, (self.lr_bounds, self.l2_bounds), self.seed)
        return [(float(lr), float(l2)) for lr, l2 in pts]

    def configs(self) -> list[TrainConfig]:
        return [
            TrainConfig(
                dataset="digits",
                hidden=HIDDEN,
                optimizer="sgd",
                lr=lr,
                l2=l2,
                batch_size=BATCH,
                epochs=self.epochs,
                seed=self.seed,
            )
            for lr, l2 in self.trials()
        ]


def row_of(search: Search, trial: int, config: TrainConfig, result: Any) -> dict[str, Any]:
    """One trial's line of the results table."""
    return {
        "method": search.method,
        "trial": trial,
        "lr": config.lr,
        "l2": config.l2,
        "val_acc": float(result.best_val_acc),
        "test_acc": float(result.test_acc),
        "epochs_run": int(result.epochs_run),
    }


class SearchSession:
    """This user's search state (a view on ``hyperparameter_search.*`` session keys) and the
    callbacks of the section's buttons. Every use of the run holds the session's lock, as in
    :class:`ui.trainer.session.Session` (a click may start a script thread while another one
    is still pulling)."""

    def __init__(self) -> None:
        self.ss = st.session_state
        self.lock = self.ss.setdefault(LOCK, threading.RLock())

    @property
    def run(self) -> TrainingRun | None:
        return self.ss.get(RUN)

    # -- the process's training slots (as the trainer's: at most K trainings at once) ----------
    @property
    def owner(self) -> str:
        return trainer_session.session_owner("search")

    def slot(self) -> int:
        """Ask for (or keep) a training slot and renew its lease: 0 when the search may train,
        else its position in the line."""
        return trainer_session.slots().request(self.owner)

    def capacity(self) -> int:
        return trainer_session.slots().capacity

    def release_slot(self) -> None:
        trainer_session.release_slot(self.owner)

    @property
    def running(self) -> bool:
        return self.ss.get(RUN) is not None

    @property
    def meta(self) -> dict[str, Any]:
        return self.ss.get(META) or {}

    @property
    def error(self) -> ValueError | None:
        return self.ss.get(ERROR)

    def stored(self, search: Search) -> list[dict[str, Any]] | None:
        """The rows of a finished search with these settings, if any."""
        return (self.ss.get(SEARCHES) or {}).get(search)

    def rows(self, search: Search) -> list[dict[str, Any]]:
        """The rows of the active (or last, maybe stopped) search, if it has these settings."""
        return list(self.ss.get(ROWS) or []) if self.ss.get(ACTIVE) == search else []

    # -- the queue ------------------------------------------------------------------------------
    def on_start(self, search: Search) -> None:
        with self.lock:
            self.ss[ERROR] = None
            self.ss[ACTIVE] = search
            self.ss[ROWS] = []
            try:
                configs = search.configs()
            except ValueError as exc:
                self.ss[ERROR] = exc
                return
            self.ss[QUEUE] = [(i + 1, cfg) for i, cfg in enumerate(configs)]
            self._next()

    def _next(self) -> None:
        """Under the lock: take stored trials from the queue, start the first new one."""
        search: Search = self.ss[ACTIVE]
        trials = self.ss.setdefault(TRIALS, {})
        queue = self.ss.get(QUEUE) or []
        while queue and queue[0][1].to_json() in trials:
            trial, cfg = queue.pop(0)
            self.ss[ROWS].append({**trials[cfg.to_json()], "method": search.method, "trial": trial})
        self.ss[QUEUE] = queue
        if not queue:
            self._store(search)
            return
        trial, cfg = queue.pop(0)
        try:
            run = TrainingRun(cfg, dataset.load(cfg.dataset), report_every_s=REPORT_S)
            self.ss[META] = {"trial": trial, "n": search.n, "t0": time.perf_counter()}
            self.ss[RUN] = run
            next(run)  # core sets torch's thread count on its first step
            one_thread_per_session()
        except ValueError as exc:
            self.ss[ERROR] = exc
            self.ss[RUN] = None
            self.ss[QUEUE] = []

    def _store(self, search: Search) -> None:
        rows = self.ss.get(ROWS) or []
        if len(rows) == search.n:
            searches = self.ss.setdefault(SEARCHES, {})
            searches[search] = list(rows)
            while len(searches) > MAX_SEARCHES:
                searches.pop(next(iter(searches)))

    def finalize(self, run: TrainingRun) -> None:
        """Record a finished trial and start the next (idempotent, like the trainer's)."""
        with self.lock:
            if self.ss.get(RUN) is not run or run.result is None:
                return
            search: Search = self.ss[ACTIVE]
            row = row_of(search, self.meta.get("trial", 0), run.config, run.result)
            self.ss[ROWS].append(row)
            self.ss[RUN] = None
            if run.result.stop_reason != "stopped":
                self.ss.setdefault(TRIALS, {})[run.config.to_json()] = row
                self._next()
            else:
                self.ss[QUEUE] = []

    def pull(self, run: TrainingRun, seconds: float) -> bool:
        """Train for about ``seconds``; False when the run is gone or core refused it."""
        with self.lock:
            if self.ss.get(RUN) is not run or run.done:
                return run.done
            try:
                run.pull(seconds)
            except ValueError as exc:
                self.ss[ERROR] = exc
                self.ss[RUN] = None
                self.ss[QUEUE] = []
                return False
        return True

    def end_if_stopped(self) -> None:
        run = self.run
        if run is not None and run.stop_requested and not run.done:
            if self.pull(run, math.inf):
                self.finalize(run)

    def finish_now(
        self,
        seconds: float,
        progress: Callable[[float, str], None],
        queued: Callable[[int], None] = lambda _: None,
    ) -> None:
        """The rest of the search inside this script run, once it holds a training slot (it
        waits in line first, ``queued(position)`` told each new position)."""
        if self.ss.get(RUN) is not None:
            trainer_session.wait_for_slot(self.owner, queued)
        while self.ss.get(RUN) is not None:
            run = self.ss[RUN]
            while not run.done:
                self.slot()  # renew the lease while this script run trains
                if not self.pull(run, seconds):
                    break
                m = self.meta
                share = (m.get("trial", 1) - 1 + min(run.progress, 1.0)) / max(m.get("n", 1), 1)
                progress(min(share, 1.0), f"{m.get('trial', 0)}/{m.get('n', 0)}")
            if self.ss.get(RUN) is run and run.done:
                self.finalize(run)

    def on_stop(self) -> None:
        run = self.ss.get(RUN)
        if run is not None:
            run.stop()
        self.ss[QUEUE] = []

    def on_finish_now(self) -> None:
        self.ss[SYNC] = True

    def take_finish_request(self) -> bool:
        return bool(self.ss.pop(SYNC, False))


# -- the live section ------------------------------------------------------------------------------
def _live(session: SearchSession, p: Page) -> None:
    """Body of the live fragment (the trainer's drawing and timing, this queue's runs)."""
    t = p.t
    inline = bool(session.ss.pop(INLINE, False))
    run = session.run
    if run is None:
        return
    meta = session.meta
    search: Search = session.ss[ACTIVE]
    st.markdown(
        t(
            "hyperparameter_search.running",
            i=meta.get("trial", 0),
            n=meta.get("n", 0),
            method=t(f"hyperparameter_search.method.{search.method}"),
            lr=f"{run.config.lr:.3g}",
            l2=f"{run.config.l2:.3g}",
        )
    )
    position = session.slot()
    was_queued = bool(session.ss.get(QUEUED))
    session.ss[QUEUED] = position > 0
    if position > 0:
        # queued: the fragment's next (slow) tick asks again; the search starts by itself
        st.info(
            t("hyperparameter_search.queued", position=position, k=session.capacity()), icon="⏳"
        )
        if not was_queued and not inline:
            st.rerun()  # a full run sets the slow tick
        return
    if was_queued and not inline:
        st.rerun()  # just got its slot: a full run sets the fast tick
    slots: dict[str, Any] = {}
    draw_time = trainer_live.draw_live(t, run, meta, slots)
    slice_s = trainer_live.INLINE_S if inline else trainer_live.SLICE_S
    deadline = time.perf_counter() + slice_s
    while not run.done and not run.stop_requested and time.perf_counter() < deadline:
        if not session.pull(run, max(trainer_live.draw_interval(run), 40 * draw_time)):
            st.rerun()
        draw_time = trainer_live.draw_live(t, run, meta, slots)
    if run.done:
        session.finalize(run)
        if not session.running:
            st.rerun()  # the search is over: results, and run_every switched off


def controls(p: Page, session: SearchSession, search: Search | None) -> None:
    """Start / Stop / Finish now and the live view of the active trial."""
    t = p.t
    if session.take_finish_request():
        bar = st.empty()
        session.finish_now(
            trainer_live.DRAW_S,
            lambda share, label: bar.progress(
                share, text=t("hyperparameter_search.finishing", label=label)
            ),
            lambda position: bar.info(
                t("hyperparameter_search.queued", position=position, k=session.capacity()),
                icon="⏳",
            ),
        )
        st.rerun()
    running = session.running
    if not running:
        session.release_slot()  # the search ended, failed or was stopped
        session.ss[QUEUED] = False
    b1, b2, b3 = st.columns(3)
    b1.button(
        t("hyperparameter_search.start"),
        key=P + "start",
        type="primary",
        disabled=running or search is None,
        on_click=session.on_start,
        args=(search,),
        icon="▶️",
        width="stretch",
    )
    b2.button(
        t("hyperparameter_search.stop"),
        key=P + "stop",
        disabled=not running,
        on_click=session.on_stop,
        icon="⏹️",
        width="stretch",
        help=t("hyperparameter_search.stop_help"),
    )
    b3.button(
        t("hyperparameter_search.finish_now"),
        key=P + "finish",
        disabled=not running,
        on_click=session.on_finish_now,
        icon="⏩",
        width="stretch",
        help=t("hyperparameter_search.finish_help"),
    )
    if session.error:
        p.error(session.error)
    session.ss[INLINE] = True
    tick = trainer_live.QUEUED_TICK_S if session.ss.get(QUEUED) else trainer_live.TICK_S
    st.fragment(_live, run_every=tick if running else None)(session, p)


def results_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The trials as a table, the best (highest validation accuracy, first on a tie) flagged;
    its test accuracy is the only one kept."""
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    best = int(frame["val_acc"].to_numpy().argmax())
    frame["best"] = [i == best for i in range(len(frame))]
    frame["test_acc"] = [v if i == best else math.nan for i, v in enumerate(frame["test_acc"])]
    return frame
