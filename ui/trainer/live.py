"""Section 3 of the trainer: Start / Stop / Finish now, the course grid and the live view.

The page keeps core's ``TrainingRun`` in the session and pulls it for time slices inside an
``st.fragment(run_every=...)``: no thread, and the rest of the app stays usable. A widget
interaction outside the fragment preempts a slice at its next redraw (within a second), the run
stays in the session and the next tick continues it. When the run ends, a full ``st.rerun()``
turns the timer off and draws the results.

Tests (AppTest never fires ``run_every``) drive the plain path: Start, then "Finish now", which
runs to the end inside one script run.
"""

from __future__ import annotations

import math
import time
from typing import Any

import pandas as pd
import streamlit as st

from core.trainer import TrainConfig, TrainingRun, course_grid
from ui import classroom
from ui.figures import trainer as figures
from ui.page import Page
from ui.trainer.fmt import fmt_seconds
from ui.trainer.form import bounds
from ui.trainer.session import Session

# -- timing of the live view (the measurements behind these: docs/performance.md) ---------------
TICK_S = 0.5  # run_every: the browser asks for the next slice this often
# Training per fragment rerun; long, because each end of a slice costs about one tick. A click
# does not wait for it: fastReruns starts a new script thread and this one stops at its next draw.
SLICE_S = 30.0
DRAW_S = 0.5  # inside long epochs, redraw the live view about twice a second
DRAW_S_SHORT_EPOCHS = 1.0  # epochs shorter than DRAW_S: redraw once a second (browser's share)
MAX_CURVE_POINTS = 400  # live curves are thinned beyond this many epochs
INLINE_S = 1.0  # training done inside a full script run, before the browser's first tick


# -- live view -----------------------------------------------------------------------------------
def curve_frame(t, run: TrainingRun) -> pd.DataFrame:
    """Long table (epoch, metric, series, value) of the run so far, thinned for long runs."""
    hist = run.history
    if len(hist) > MAX_CURVE_POINTS:
        stride = math.ceil(len(hist) / MAX_CURVE_POINTS)
        hist = hist[::stride] + ([hist[-1]] if (len(hist) - 1) % stride else [])
    train_s, val_s = t("trainer.series_train"), t("trainer.series_val")
    eval_s = t("trainer.series_train_eval")
    loss_m, acc_m = t("trainer.loss"), t("trainer.accuracy")
    rows = []
    for r in hist:
        rows += [
            (float(r.epoch), loss_m, train_s, r.train_loss),
            (float(r.epoch), loss_m, val_s, r.val_loss),
            (float(r.epoch), acc_m, train_s, r.train_acc),
            (float(r.epoch), acc_m, val_s, r.val_acc),
        ]
        if r.train_eval_loss is not None:
            rows += [
                (float(r.epoch), loss_m, eval_s, r.train_eval_loss),
                (float(r.epoch), acc_m, eval_s, r.train_eval_acc),
            ]
    s = run.last_step
    if s is not None and (not run.history or s.epoch > run.history[-1].epoch):
        # inside a long epoch: the running mean of the training loss so far
        x = s.epoch - 1 + s.batch / s.n_batches
        rows += [(x, loss_m, train_s, s.train_loss), (x, acc_m, train_s, s.train_acc)]
    return pd.DataFrame(rows, columns=["epoch", "metric", "series", "value"])


def draw_live(t, run: TrainingRun, meta: dict[str, Any], slots: dict[str, Any]) -> float:
    """Redraw progress, numbers and curves in place; returns the seconds it took."""
    start = time.perf_counter()
    last = run.history[-1] if run.history else None
    n_epochs = run.config.epochs
    epoch_now = run.last_step.epoch if run.last_step is not None else (last.epoch if last else 0)
    text = t(
        "trainer.progress",
        epoch=max(epoch_now, last.epoch if last else 0),
        n_epochs=n_epochs,
        elapsed=fmt_seconds(time.perf_counter() - meta.get("t0", time.perf_counter())),
        eta=fmt_seconds(run.eta()),
    )
    # The first draw of a script run creates the elements, later draws replace them in place
    # (a fresh st.empty() would blank the chart in the browser at every fragment rerun).
    value = min(max(run.progress, 0.0), 1.0)
    if slots.get("bar") is None:
        slots["bar"] = st.progress(value, text=text)
    else:
        slots["bar"].progress(value, text=text)
    if last is not None:
        alt_text = t(
            "trainer.live_alt",
            epoch=last.epoch,
            train_loss=f"{last.train_loss:.4f}",
            val_loss=f"{last.val_loss:.4f}",
            train_acc=f"{last.train_acc:.4f}",
            val_acc=f"{last.val_acc:.4f}",
            best=last.best_epoch,
        )
    elif run.last_step is not None:
        s = run.last_step
        alt_text = t(
            "trainer.live_alt_step",
            batch=s.batch,
            n_batches=s.n_batches,
            train_loss=f"{s.train_loss:.4f}",
        )
    else:
        alt_text = t("trainer.live_alt_empty")
    frame = curve_frame(t, run)
    if frame.empty:
        if slots.get("curves") is None:
            slots["curves"] = st.empty()
    elif slots.get("curves") is None:
        slots["curves"] = st.vega_lite_chart(
            frame, figures.live_curves(t, frame), theme=None, alt=alt_text
        )
    else:
        slots["curves"].vega_lite_chart(
            frame, figures.live_curves(t, frame), theme=None, alt=alt_text
        )
    if slots.get("numbers") is None:
        slots["numbers"] = st.caption(alt_text)
    else:
        slots["numbers"].caption(alt_text)
    return time.perf_counter() - start


def draw_interval(run: TrainingRun) -> float:
    """Seconds between redraws: DRAW_S inside long epochs, DRAW_S_SHORT_EPOCHS for short ones."""
    hist = run.history
    if len(hist) >= 2 and (hist[-1].elapsed - hist[0].elapsed) / (len(hist) - 1) < DRAW_S:
        return DRAW_S_SHORT_EPOCHS
    return DRAW_S


def live_view(session: Session) -> None:
    """Body of the live fragment: in a fragment rerun it trains for ``SLICE_S`` seconds."""
    t = session.t
    inline = session.take_inline()
    run = session.run
    if run is None:
        return
    meta = session.meta
    position = session.slot()
    if position > 0 and not run.stop_requested:
        # queued: the fragment's next tick asks again; the run starts by itself when a slot frees
        st.info(t("trainer.queued", position=position, k=session.capacity()), icon="⏳")
        return
    if meta.get("grid"):
        i, n = meta["grid"]
        st.markdown(t("trainer.grid_progress", i=i, n=n, label=meta.get("label", "")))
    else:
        st.markdown(t("trainer.running", label=meta.get("label", "")))
    slots: dict[str, Any] = {}
    draw_time = draw_live(t, run, meta, slots)
    # In a full script run (Start, or any widget), train briefly: the browser's first tick only
    # comes after it has drawn the page. Fragment reruns (the ticks) train for SLICE_S.
    deadline = time.perf_counter() + (INLINE_S if inline else SLICE_S)
    while not run.done and not run.stop_requested and time.perf_counter() < deadline:
        # redraw about twice a second (once a second when epochs are shorter than that), less
        # often if drawing costs over 2.5 % of the time
        if not session.pull(run, max(draw_interval(run), 40 * draw_time)):
            st.rerun()
        if session.slot() > 0:  # lease lapsed (e.g. a throttled tab): queue again
            st.rerun()
        draw_time = draw_live(t, run, meta, slots)
    if run.done:
        session.finalize(run)
        st.rerun()  # full run: results, compare table, and run_every switched off


def show(
    p: Page,
    session: Session,
    config: TrainConfig | None,
    data: Any,
    limits: classroom.Limits,
    running: bool,
) -> None:
    """The Train section: buttons, the course grid, and the live view while a run is active."""
    t = p.t
    st.header(t("trainer.h_train"))
    # "Finish now": the rest of the run (and of the grid) inside this script run.
    if session.take_finish_request():
        bar = st.empty()
        session.finish_now(
            DRAW_S,
            lambda share, label: bar.progress(share, text=t("trainer.finishing", label=label)),
            lambda pos: bar.info(
                t("trainer.queued", position=pos, k=session.capacity()), icon="⏳"
            ),
        )
        st.rerun()  # redraw the whole page with the run over

    run = session.run
    can_start = config is not None and data is not None and run is None
    b1, b2, b3, b4 = st.columns(4)
    b1.button(
        t("trainer.start"),
        key="trainer.start",
        type="primary",
        disabled=not can_start,
        on_click=session.on_start,
        args=(config,),
        icon=":material/play_arrow:",
        width="stretch",
    )
    b2.button(
        t("trainer.stop"),
        key="trainer.stop",
        disabled=run is None,
        on_click=session.on_stop,
        icon=":material/stop:",
        width="stretch",
        help=t("trainer.stop_help"),
    )
    b3.button(
        t("trainer.finish_now"),
        key="trainer.finish",
        disabled=run is None,
        on_click=session.on_finish_now,
        icon=":material/fast_forward:",
        width="stretch",
        help=t("trainer.finish_help"),
    )
    with b4:
        grid_epochs = p.number(
            "grid_epochs",
            t("trainer.grid_epochs"),
            *bounds("epochs", high=500),
            default=20,
            disabled=running,
        )
    grid: list[tuple[str, TrainConfig]] = []
    if config is not None:
        try:
            grid = course_grid(
                dataset=config.dataset,
                epochs=grid_epochs,
                train_fraction=config.train_fraction,
                seed=config.seed,
            )[: limits.max_grid_runs]
        except ValueError as exc:
            p.error(exc)
    st.button(
        t("trainer.grid", n=len(grid)),
        key="trainer.grid",
        disabled=not (can_start and grid),
        on_click=session.on_grid,
        args=(grid,),
        icon=":material/grid_view:",
        help=t("trainer.grid_help"),
    )
    if session.error:
        p.error(session.error)

    session.mark_inline()
    st.fragment(live_view, run_every=TICK_S if session.running else None)(session)
