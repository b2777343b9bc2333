"""Trainer: configure an MLP, watch it learn live, inspect the results and compare runs.

The only page that imports torch (through ``core``). The loop is core's generator wrapped in a
``TrainingRun``; the page keeps it in ``st.session_state`` and pulls it for time slices inside an
``st.fragment(run_every=...)``: no thread, and the rest of the app stays usable. A widget
interaction outside the fragment preempts a slice at its next redraw (within a second), the
run stays in the session and the next tick continues it. When the run ends, a full
``st.rerun()`` turns the timer off and draws the results.

Tests (AppTest never fires ``run_every``) drive the plain path: Start, then "Finish now", which
runs to the end inside one script run.
"""

from __future__ import annotations

import math
import os
import threading
import time
from dataclasses import dataclass
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import metrics
from core.data import DATASETS, DatasetUnavailable, default_data_dir, load_dataset
from core.models import (
    build_model,
    count_parameters,
    load_state_dict_bytes,
    parameter_table,
    state_dict_to_bytes,
)
from core.train import (
    DIGITS_REPORT_ACCURACY,
    DIGITS_REPORT_E_TEXT_LOSS,
    DIGITS_REPORT_LOSS,
    DIGITS_REPORT_SECONDS,
    HOMEWORK_ADAPTIVE_LR,
    MNIST_TEST_CLASS_COUNTS,
    MNIST_TEST_MAJORITY_SHARE,
    NOTEBOOK_CONSTANT_ACCURACY,
    NOTEBOOK_TEST_LOSS,
    NOTEBOOK_TRAIN_LOSS,
    OPTIMIZERS,
    PRESET_GROUPS,
    PRESETS,
    SCHEDULES,
    TORCH_DEFAULT_LR,
    TrainConfig,
    TrainingRun,
    course_grid,
    evaluate,
    majority_baseline,
    pytorch_code,
    train,
)
from ui import blocks, charts, classroom, page, practice

p = page.setup("trainer")
t = p.t
ss = st.session_state
LIMITS = classroom.limits()  # caps of this server (classroom mode is stricter)
# PIZARRA_OFFLINE=1: never try to download MNIST / Fashion-MNIST (air-gapped rooms, tests)
DOWNLOAD = os.environ.get("PIZARRA_OFFLINE", "").strip().lower() not in classroom.TRUE

# -- timing of the live view ---------------------------------------------------------------------
TICK_S = 0.5  # run_every: the browser asks for the next slice this often (requests queue up)
# Training per fragment rerun. Clicks need no slice end: with fastReruns they start a new script
# thread at once and this one stops at its next redraw. Each end of a slice costs a gap of about
# one tick before the next one, so slices are long.
SLICE_S = 30.0
DRAW_S = 0.5  # inside long epochs, redraw the live view about twice a second
# Epochs shorter than DRAW_S: the curve gains several epochs at every redraw anyway, and once a
# second halves the browser's work, which on a shared machine slowed training measurably.
DRAW_S_SHORT_EPOCHS = 1.0
REPORT_S = 0.1  # core yields a StepRecord after this much work inside an epoch
MAX_RUNS = 20  # finished runs kept for the comparison
MAX_UPLOAD_MB = 20
GALLERY = 12  # most confident mistakes shown
MAX_CURVE_POINTS = 400
INLINE_S = 1.0  # training done inside a full script run, before the browser's first tick
VIEWS = [
    "curves",
    "confusion",
    "per_class",
    "mistakes",
    "files",
]  # one results view at a time  # live curves are thinned beyond this many epochs

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
# With runner.fastReruns (Streamlit's default) a click starts a new script thread at once while
# the previous one may still be inside run.pull(): every use of the run holds this per-session
# lock (reentrant: finalize() starts the next grid run).
RUN_LOCK = ss.setdefault("trainer.lock", threading.RLock())

# -- option grids (every preset value is on them) ------------------------------------------------
DATASET_NAMES = list(DATASETS)
SUBSETS = [0.05, 0.1, 0.25, 0.5, 1.0]
VAL_FRACTIONS = [0.1, 10_000 / 60_000, 0.2, 0.25, 0.3, 0.4, 0.5]
LRS = [1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
LRS += [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
BATCHES = [8, 16, 32, 64, 128, 256, 512, 1000, 2000, 5000]
L1S = [0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2]
L2S = [0.0, 1e-5, 1e-4, 1e-3, 1e-2, 0.1]
INIT_STDS = [0.001, 0.01, 0.05, 0.1, 0.5, 1.0]
EPSS = [1e-10, 1e-8, 1e-6, 1e-4]
ACTIVATIONS = ["relu", "leaky_relu", "elu", "tanh", "sigmoid"]
INITS = ["default", "kaiming", "xavier", "normal"]
DEFAULT_WIDTH = 64
DEFAULT_PRESET = "digits_b"

# Optimizer / schedule hyperparameters shown with torch's names: (name, kind, range or options).
OPT_WIDGETS: dict[str, list[tuple[str, str, Any]]] = {
    "sgd": [],
    "momentum": [
        ("momentum", "slider", (0.0, 0.99, 0.01)),
        ("dampening", "slider", (0.0, 0.95, 0.05)),
    ],
    # torch refuses Nesterov momentum 0
    "nesterov": [("momentum", "slider", (0.01, 0.99, 0.01))],
    "adagrad": [
        ("lr_decay", "grid", [0.0, 1e-4, 1e-3, 1e-2, 0.1]),
        ("initial_accumulator_value", "grid", [0.0, 0.01, 0.1, 1.0]),
        ("eps", "grid", EPSS),
    ],
    "rmsprop": [
        ("alpha", "grid", [0.9, 0.95, 0.99, 0.999]),
        ("eps", "grid", EPSS),
        ("momentum", "slider", (0.0, 0.99, 0.01)),
        ("centered", "bool", None),
    ],
    "adam": [
        ("beta1", "grid", [0.0, 0.5, 0.8, 0.9, 0.95, 0.99]),
        ("beta2", "grid", [0.9, 0.99, 0.995, 0.999, 0.9999]),
        ("eps", "grid", EPSS),
        ("amsgrad", "bool", None),
    ],
    "adadelta": [("rho", "grid", [0.5, 0.8, 0.9, 0.95, 0.99]), ("eps", "grid", EPSS)],
}
SCHED_WIDGETS: dict[str, list[tuple[str, str, Any]]] = {
    "none": [],
    "step": [("step_size", "int", (1, 1000)), ("gamma", "grid", [0.1, 0.2, 0.5, 0.8, 0.9])],
    "exponential": [("gamma", "grid", [0.8, 0.9, 0.95, 0.98, 0.99])],
    "inverse_time": [("k", "grid", [0.01, 0.05, 0.1, 0.5, 1.0])],
    # T_max = 0 stands for "the number of epochs" (core's None)
    "cosine": [("T_max", "int", (0, 100_000)), ("eta_min", "grid", [0.0, 1e-5, 1e-4, 1e-3])],
    "cosine_restarts": [
        ("T_0", "int", (1, 1000)),
        ("T_mult", "int", (1, 10)),
        ("eta_min", "grid", [0.0, 1e-5, 1e-4, 1e-3]),
    ],
}


def opt_defaults(optimizer: str) -> dict[str, Any]:
    """torch's defaults for the optimizer, with Adam's ``betas`` split into two widgets."""
    out = dict(OPTIMIZERS[optimizer][2])
    if "betas" in out:
        out["beta1"], out["beta2"] = out.pop("betas")
    return out


def sched_defaults(schedule: str) -> dict[str, Any]:
    out = dict(SCHEDULES[schedule])
    if "T_max" in out and out["T_max"] is None:
        out["T_max"] = 0
    return out


def preset_values(c: TrainConfig) -> dict[str, Any]:
    """Widget name -> value that reproduces ``c`` on this page."""
    values: dict[str, Any] = {
        "dataset": c.dataset,
        "subset": c.train_fraction,
        "val": c.val_fraction,
        "seed": c.seed,
        "layers": len(c.hidden),
        "activation": c.activation,
        "init": c.init,
        "init_std": c.init_std,
        "l1": c.l1,
        "l2": c.l2,
        "optimizer": c.optimizer,
        "lr": c.lr,
        "schedule": c.schedule,
        "batch": c.batch_size,
        "epochs": c.epochs,
        "patience": c.patience,
    }
    for k in range(1, 6):
        inside = k <= len(c.hidden)
        values[f"h{k}"] = c.hidden[k - 1] if inside else DEFAULT_WIDTH
        values[f"d{k}"] = c.dropout[k - 1] if inside else 0.0
        values[f"bn{k}"] = c.batch_norm[k - 1] if inside else False
    params = dict(c.optimizer_params)
    if "betas" in params:
        params["beta1"], params["beta2"] = params.pop("betas")
    for name, _, _ in OPT_WIDGETS[c.optimizer]:
        values[f"{c.optimizer}_{name}"] = params[name]
    sched = dict(c.schedule_params)
    for name, _, _ in SCHED_WIDGETS[c.schedule]:
        value = sched[name]
        values[f"{c.schedule}_{name}"] = 0 if value is None else value
    return values


def fit_to_limits(c: TrainConfig) -> TrainConfig:
    """``c`` within this server's caps: epochs, hidden layers and units (classroom mode)."""
    n = min(len(c.hidden), LIMITS.max_hidden_layers)
    return c.replace(
        hidden=tuple(min(w, LIMITS.max_width) for w in c.hidden[:n]),
        dropout=c.dropout[:n],
        batch_norm=c.batch_norm[:n],
        epochs=min(c.epochs, LIMITS.max_epochs),
    )


MAX_LAYERS = LIMITS.max_hidden_layers
CONFIG_NAMES = set(preset_values(PRESETS[DEFAULT_PRESET]))
for _opt, _specs in OPT_WIDGETS.items():
    CONFIG_NAMES |= {f"{_opt}_{name}" for name, _, _ in _specs}
for _sch, _specs in SCHED_WIDGETS.items():
    CONFIG_NAMES |= {f"{_sch}_{name}" for name, _, _ in _specs}
DEFAULTS = preset_values(fit_to_limits(PRESETS[DEFAULT_PRESET]))


def apply_preset() -> None:
    """on_change of the preset select: load its values into the widgets, tidy the URL."""
    name = ss[p.key("preset")]
    for key, value in preset_values(fit_to_limits(PRESETS[name])).items():
        ss[p.key(key)] = value
    for key in [k for k in st.query_params if k in CONFIG_NAMES]:
        del st.query_params[key]


def objective_latex() -> str:
    """The training objective, read from the docstring of ``core.train.train`` (one place)."""
    doc = train.__doc__ or ""
    lines, inside = [], False
    for line in doc.splitlines():
        if line.strip() == ".. math::":
            inside = True
            continue
        if inside:
            if line.strip():
                lines.append(line.strip())
            elif lines:
                break
    return " ".join(lines).rstrip(" ,")


def fmt_lr(v: float) -> str:
    return f"{v:g}"


def fmt_pct(v: float) -> str:
    return f"{100 * v:.1f} %"


def fmt_seconds(s: float | None) -> str:
    if s is None or not math.isfinite(s):
        return "—"
    if s < 90:
        return f"{s:.1f} s"
    return f"{int(s // 60)} min {int(s % 60):02d} s"


# -- data ----------------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False, max_entries=6)
def get_data(name: str, data_dir: str, download: bool = True):
    """Loaded once per process: uint8 images, normalized float32 features (core.data)."""
    return load_dataset(name, data_dir=data_dir, download=download)


@st.cache_data(show_spinner=False, max_entries=64)
def layer_rows(config_json: str) -> tuple[list[dict[str, Any]], int, int]:
    """Per-layer table of the configured network (shapes, trainable parameters, buffers)."""
    config = TrainConfig.from_json(config_json)
    model = build_model(config)
    rows = [
        {
            "layer": r.name,
            "type": r.kind,
            "output": f"(None, {r.output_shape[1]})",
            "parameters": ", ".join(f"{n} {tuple(s)}" for n, s in r.param_shapes) or "—",
            "trainable": r.trainable,
            "buffers": r.buffers,
            "detail": r.detail,
        }
        for r in parameter_table(model)
    ]
    trainable, buffers = count_parameters(model)
    return rows, trainable, buffers


# -- what the results section draws ---------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Outcome:
    """A trained (or uploaded) model evaluated on the test set."""

    label: str
    config: Any  # TrainConfig
    state_dict: dict
    y_true: np.ndarray
    y_pred: np.ndarray
    probs: np.ndarray
    test_loss: float
    test_acc: float
    result: Any = None  # the TrainResult when it comes from a run
    wall_s: float | None = None


def summarize(result, label: str, run_id: int, wall: float) -> dict[str, Any]:
    hist = [
        {
            "epoch": r.epoch,
            "train_loss": r.train_loss,
            "train_acc": r.train_acc,
            "val_loss": r.val_loss,
            "val_acc": r.val_acc,
        }
        for r in result.history
    ]
    return {
        "id": run_id,
        "label": label,
        "summary": result.config.summary(),
        "best_val_acc": result.best_val_acc,
        "test_acc": result.test_acc,
        "test_loss": result.test_loss,
        "epochs": result.epochs_run,
        "best_epoch": result.best_epoch,
        "stop_reason": result.stop_reason,
        "seconds": wall,
        "work_s": result.seconds,
        "history": hist,
    }


def one_thread_per_session() -> None:
    """Adapter: torch intra-op threads for this server process (``PIZARRA_TORCH_THREADS``, 1).

    ``core.train`` gives torch every core, which suits one CLI run on an idle machine. A
    Streamlit server trains one run per session in parallel script threads, and these small
    MLPs gain little from intra-op threads: on our shared 2-core machine, two threads made a
    digits run about 7x slower than one as soon as anything else (the browser, another session)
    used a core. The setting is process-wide and idempotent.
    """
    import torch  # already loaded by core.train; only to set the thread count

    raw = os.environ.get("PIZARRA_TORCH_THREADS", "1")
    n = int(raw) if raw.strip().isdigit() and int(raw) > 0 else 1
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)


def start_run(config: TrainConfig, label: str, grid: tuple[int, int] | None = None) -> None:
    """Create the run and take its first record, so a bad combination fails here, not later."""
    with RUN_LOCK:
        _start_run(config, label, grid)


def _start_run(config: TrainConfig, label: str, grid: tuple[int, int] | None) -> None:
    try:
        data = get_data(config.dataset, str(default_data_dir()), DOWNLOAD)
        run = TrainingRun(config, data, report_every_s=REPORT_S)
        run_id = ss.get(NEXT_ID, 1)
        ss[NEXT_ID] = run_id + 1
        ss[META] = {"label": label, "id": run_id, "t0": time.perf_counter(), "grid": grid}
        ss[RUN] = run
        next(run)  # core.train sets torch's thread count on its first step
        one_thread_per_session()
    except ValueError as exc:
        ss[ERROR] = str(exc)
        ss[RUN] = None
        ss[QUEUE] = []


def finalize(run: TrainingRun) -> None:
    """Record a finished run, show it, and start the next one of the grid if any.

    Idempotent: when two script threads both see the run end, only the first records it.
    """
    with RUN_LOCK:
        if ss.get(RUN) is run and run.result is not None:
            _finalize(run)


def _finalize(run: TrainingRun) -> None:
    result = run.result
    meta = ss.get(META) or {"label": "", "id": 0, "t0": time.perf_counter(), "grid": None}
    wall = time.perf_counter() - meta["t0"]
    label = f"#{meta['id']} · {meta['label']}"
    finished = ss.setdefault(FINISHED, [])
    finished.append(summarize(result, label, meta["id"], wall))
    del finished[:-MAX_RUNS]
    ss[SHOWN] = Outcome(
        label=label,
        config=result.config,
        state_dict=result.state_dict,
        y_true=result.y_true,
        y_pred=result.y_pred,
        probs=result.probs,
        test_loss=result.test_loss,
        test_acc=result.test_acc,
        result=result,
        wall_s=wall,
    )
    ss[RUN] = None
    queue = ss.get(QUEUE) or []
    if queue:
        (grid_label, config, pos), rest = queue[0], queue[1:]
        ss[QUEUE] = rest
        start_run(config, grid_label, grid=pos)


def on_start(config: TrainConfig) -> None:
    ss[QUEUE] = []
    ss[ERROR] = None
    start_run(config, config.summary())


def on_grid(configs: list[tuple[str, TrainConfig]]) -> None:
    ss[ERROR] = None
    n = len(configs)
    items = [
        (t("trainer.grid_item", depth=len(cfg.hidden), lr=fmt_lr(cfg.lr)), cfg, (i + 1, n))
        for i, (_, cfg) in enumerate(configs)
    ]
    ss[QUEUE] = items[1:]
    start_run(items[0][1], items[0][0], grid=items[0][2])


def on_stop() -> None:
    run = ss.get(RUN)
    if run is not None:
        run.stop()
    ss[QUEUE] = []


def on_finish_now() -> None:
    ss[SYNC] = True


def pull(run: TrainingRun, seconds: float) -> bool:
    """Train for about ``seconds``. False when the run is gone: core refused the configuration
    (the error is kept for the page) or another script thread dropped it meanwhile."""
    with RUN_LOCK:
        if ss.get(RUN) is not run or run.done:
            return run.done  # finished meanwhile (finalize is idempotent) or abandoned
        try:
            run.pull(seconds)
        except ValueError as exc:
            ss[ERROR] = str(exc)
            ss[RUN] = None
            ss[QUEUE] = []
            return False
    return True


# -- live view -----------------------------------------------------------------------------------
def curve_frame(run: TrainingRun) -> pd.DataFrame:
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


def live_spec(frame: pd.DataFrame) -> dict:
    """One Vega-Lite spec for both panels (loss, accuracy): one table and one view to update.

    Redrawn about twice a second, so it is kept light for the browser as well: one faceted
    chart and one line of text (which is also the chart's text alternative) instead of two
    charts and a row of metric widgets roughly halved what live training cost in our benchmark.
    """
    series = [t("trainer.series_train"), t("trainer.series_val")]
    dashes = [[1, 0], [6, 3]]
    if not frame.empty and (frame["series"] == t("trainer.series_train_eval")).any():
        series.append(t("trainer.series_train_eval"))
        dashes.append([2, 2])
    return {
        "facet": {
            "column": {
                "field": "metric",
                "type": "nominal",
                "title": None,
                "sort": [t("trainer.loss"), t("trainer.accuracy")],
            }
        },
        "resolve": {"scale": {"y": "independent"}},
        "spec": {
            "width": 380,
            "height": 220,
            "mark": {"type": "line", "point": len(frame) <= 120},
            "encoding": {
                "x": {
                    "field": "epoch",
                    "type": "quantitative",
                    "title": t("trainer.epoch"),
                    "scale": {"domainMin": 0},
                    "axis": {"format": "d", "tickMinStep": 1},
                },
                "y": {
                    "field": "value",
                    "type": "quantitative",
                    "title": None,
                    "scale": {"zero": False},
                    "axis": {"format": ".3~g"},
                },
                "color": {
                    "field": "series",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": series, "range": list(charts.PALETTE[: len(series)])},
                },
                "strokeDash": {
                    "field": "series",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": series, "range": dashes},
                },
                "tooltip": [
                    {"field": "epoch", "type": "quantitative", "format": ".2f"},
                    {"field": "series", "type": "nominal"},
                    {"field": "value", "type": "quantitative", "format": ".4f"},
                ],
            },
        },
        "config": {"view": {"stroke": None}, "legend": {"orient": "bottom"}},
    }


def draw_live(run: TrainingRun, slots: dict[str, Any]) -> float:
    """Redraw progress, numbers and curves in place; returns the seconds it took."""
    start = time.perf_counter()
    meta = ss.get(META) or {}
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
    frame = curve_frame(run)
    if frame.empty:
        if slots.get("curves") is None:
            slots["curves"] = st.empty()
    elif slots.get("curves") is None:
        slots["curves"] = st.vega_lite_chart(frame, live_spec(frame), theme=None, alt=alt_text)
    else:
        slots["curves"].vega_lite_chart(frame, live_spec(frame), theme=None, alt=alt_text)
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


def live_view() -> None:
    """Body of the live fragment: in a fragment rerun it trains for ``SLICE_S`` seconds."""
    inline = ss.pop(INLINE, False)
    run = ss.get(RUN)
    if run is None:
        return
    meta = ss.get(META) or {}
    if meta.get("grid"):
        i, n = meta["grid"]
        st.markdown(t("trainer.grid_progress", i=i, n=n, label=meta.get("label", "")))
    else:
        st.markdown(t("trainer.running", label=meta.get("label", "")))
    slots: dict[str, Any] = {}
    draw_time = draw_live(run, slots)
    # In a full script run (Start, or any widget), train briefly: the browser's first tick only
    # comes after it has drawn the page. Fragment reruns (the ticks) train for SLICE_S.
    deadline = time.perf_counter() + (INLINE_S if inline else SLICE_S)
    while not run.done and not run.stop_requested and time.perf_counter() < deadline:
        # redraw about twice a second (once a second when epochs are shorter than that), less
        # often if drawing costs over 2.5 % of the time
        if not pull(run, max(draw_interval(run), 40 * draw_time)):
            st.rerun()
        draw_time = draw_live(run, slots)
    if run.done:
        finalize(run)
        st.rerun()  # full run: results, compare table, and run_every switched off


def preset_callouts(name: str) -> None:
    """Course mistakes about the experiment a preset reproduces, next to that preset."""
    if name in PRESET_GROUPS["optical_digits"]:
        acc, loss = DIGITS_REPORT_ACCURACY, DIGITS_REPORT_LOSS
        if name in ("digits_a", "digits_b", "digits_c", "digits_d"):
            blocks.misconception(
                t("trainer.misc_digits_tanh", **{c: f"{acc[c]:.3f}" for c in "abcd"})
            )
        if name == "digits_e":
            blocks.misconception(
                t(
                    "trainer.misc_digits_e",
                    own=f"{loss['e']:.3f}",
                    quoted=f"{DIGITS_REPORT_E_TEXT_LOSS:.3f}",
                )
            )
        blocks.misconception(
            t(
                "trainer.misc_digits_time",
                fast=f"{DIGITS_REPORT_SECONDS['f']:g}",
                slow=f"{DIGITS_REPORT_SECONDS['b']:g}",
            )
        )
    if name in ("adam", "adagrad"):
        blocks.misconception(
            t(
                "trainer.misc_p5",
                lr=fmt_lr(HOMEWORK_ADAPTIVE_LR),
                adam_default=fmt_lr(TORCH_DEFAULT_LR["adam"]),
                adagrad_default=fmt_lr(TORCH_DEFAULT_LR["adagrad"]),
            )
        )


# =================================================================================================
# 1. Configuration
# =================================================================================================
# Stop pressed: the run ends after at most one more step and keeps the best weights. Handled
# before any widget is drawn, so that everything below sees the run as over.
_run = ss.get(RUN)
if _run is not None and _run.stop_requested and not _run.done:
    if pull(_run, math.inf):
        finalize(_run)
running = ss.get(RUN) is not None

# A shared link with only ?preset=... loads that preset into every widget the link leaves out.
if p.key("preset") not in ss:
    raw_preset = st.query_params.get("preset")
    if raw_preset in PRESETS:
        for _name, _value in preset_values(fit_to_limits(PRESETS[raw_preset])).items():
            if _name not in st.query_params:
                ss[p.key(_name)] = _value

st.header(t("trainer.h_config"))
preset = p.select(
    "preset",
    t("trainer.preset"),
    options=list(PRESETS),
    default=DEFAULT_PRESET,
    format_func=lambda o: t(f"trainer.preset.{o}"),
    on_change=apply_preset,
    disabled=running,
    help=t("trainer.preset_help"),
)

col_data, col_net, col_opt = st.columns(3)
with col_data:
    st.subheader(t("trainer.h_data"))
    dataset = p.select(
        "dataset",
        t("trainer.dataset"),
        options=DATASET_NAMES,
        default=DEFAULTS["dataset"],
        format_func=lambda o: t(f"trainer.ds.{o}"),
        disabled=running,
    )
    subset = p.select_slider(
        "subset",
        t("trainer.subset"),
        options=SUBSETS,
        default=DEFAULTS["subset"],
        format_func=fmt_pct,
        disabled=running,
        help=t("trainer.subset_help"),
    )
    val_fraction = p.select_slider(
        "val",
        t("trainer.val_fraction"),
        options=VAL_FRACTIONS,
        default=DEFAULTS["val"],
        format_func=fmt_pct,
        disabled=running,
    )
    seed = p.number(
        "seed", t("trainer.seed"), 0, 2**31 - 1, default=DEFAULTS["seed"], disabled=running
    )
with col_net:
    st.subheader(t("trainer.h_network"))
    layers = p.slider(
        "layers", t("trainer.layers"), 0, MAX_LAYERS, default=DEFAULTS["layers"], disabled=running
    )
    activation = p.select(
        "activation",
        t("trainer.activation"),
        options=ACTIVATIONS,
        default=DEFAULTS["activation"],
        disabled=running or layers == 0,
    )
    init = p.select(
        "init",
        t("trainer.init"),
        options=INITS,
        default=DEFAULTS["init"],
        format_func=lambda o: t(f"trainer.init.{o}"),
        disabled=running,
    )
    init_std = DEFAULTS["init_std"]
    if init == "normal":
        init_std = p.select_slider(
            "init_std",
            t("trainer.init_std"),
            options=INIT_STDS,
            default=DEFAULTS["init_std"],
            disabled=running,
        )
    l1 = p.select_slider(
        "l1", t("trainer.l1"), options=L1S, default=DEFAULTS["l1"], disabled=running
    )
    l2 = p.select_slider(
        "l2", t("trainer.l2"), options=L2S, default=DEFAULTS["l2"], disabled=running
    )
with col_opt:
    st.subheader(t("trainer.h_optimization"))
    optimizer = p.select(
        "optimizer",
        t("trainer.optimizer"),
        options=list(OPTIMIZERS),
        default=DEFAULTS["optimizer"],
        disabled=running,
    )
    lr = p.select_slider(
        "lr",
        t("trainer.lr"),
        options=LRS,
        default=DEFAULTS["lr"],
        format_func=fmt_lr,
        disabled=running,
    )
    batch = p.select_slider(
        "batch", t("trainer.batch"), options=BATCHES, default=DEFAULTS["batch"], disabled=running
    )
    epochs = p.number(
        "epochs",
        t("trainer.epochs"),
        1,
        LIMITS.max_epochs,
        default=DEFAULTS["epochs"],
        disabled=running,
    )
    patience = p.number(
        "patience",
        t("trainer.patience"),
        0,
        1000,
        default=DEFAULTS["patience"],
        disabled=running,
        help=t("trainer.patience_help"),
    )
    schedule = p.select(
        "schedule",
        t("trainer.schedule"),
        options=list(SCHEDULES),
        default=DEFAULTS["schedule"],
        format_func=lambda o: t(f"trainer.sched.{o}"),
        disabled=running,
    )
    eval_train = p.checkbox(
        "eval_train",
        t("trainer.eval_train"),
        default=False,
        disabled=running,
        help=t("trainer.eval_train_help"),
    )

widths, dropouts, norms = [], [], []
if layers:
    st.markdown(f"**{t('trainer.per_layer')}**")
    layer_cols = st.columns(MAX_LAYERS)
    for k in range(1, layers + 1):
        with layer_cols[k - 1]:
            st.caption(t("trainer.layer_k", k=k))
            widths.append(
                p.number(
                    f"h{k}",
                    t("trainer.width"),
                    1,
                    LIMITS.max_width,
                    default=DEFAULTS[f"h{k}"],
                    disabled=running,
                )
            )
            dropouts.append(
                p.number(
                    f"d{k}",
                    t("trainer.dropout"),
                    0.0,
                    0.95,
                    default=float(DEFAULTS[f"d{k}"]),
                    step=0.01,
                    disabled=running,
                )
            )
            norms.append(
                p.checkbox(
                    f"bn{k}", t("trainer.batch_norm"), default=DEFAULTS[f"bn{k}"], disabled=running
                )
            )

opt_params: dict[str, Any] = {}
sched_params: dict[str, Any] = {}
with st.expander(t("trainer.hyper_expander"), expanded=False):
    st.caption(t("trainer.hyper_caption"))
    c_opt, c_sched = st.columns(2)
    with c_opt:
        st.markdown(f"**{optimizer}** (`torch.optim.{OPTIMIZERS[optimizer][0].__name__}`)")
        defaults = opt_defaults(optimizer)
        for name, kind, spec in OPT_WIDGETS[optimizer]:
            wname, label, hlp = f"{optimizer}_{name}", name, t(f"trainer.hp.{name}")
            if kind == "slider":
                lo, hi, step = spec
                value = p.slider(
                    wname,
                    label,
                    lo,
                    hi,
                    default=max(lo, float(defaults[name])),
                    step=step,
                    help=hlp,
                    disabled=running,
                )
            elif kind == "grid":
                value = p.select_slider(
                    wname, label, options=spec, default=defaults[name], help=hlp, disabled=running
                )
            else:
                value = p.checkbox(
                    wname, label, default=bool(defaults[name]), help=hlp, disabled=running
                )
            opt_params[name] = value
        if not OPT_WIDGETS[optimizer]:
            st.caption(t("trainer.no_hyper"))
    with c_sched:
        st.markdown(f"**{t(f'trainer.sched.{schedule}')}**")
        defaults = sched_defaults(schedule)
        for name, kind, spec in SCHED_WIDGETS[schedule]:
            wname, label, hlp = f"{schedule}_{name}", name, t(f"trainer.hp.{name}")
            if kind == "int":
                lo, hi = spec
                value = p.number(
                    wname, label, lo, hi, default=int(defaults[name]), help=hlp, disabled=running
                )
            else:
                value = p.select_slider(
                    wname, label, options=spec, default=defaults[name], help=hlp, disabled=running
                )
            sched_params[name] = value
        if not SCHED_WIDGETS[schedule]:
            st.caption(t("trainer.no_schedule"))
if "beta1" in opt_params:
    opt_params["betas"] = (opt_params.pop("beta1"), opt_params.pop("beta2"))
if schedule == "cosine" and sched_params.get("T_max") == 0:
    sched_params["T_max"] = None

config: TrainConfig | None = None
try:
    config = TrainConfig(
        dataset=dataset,
        hidden=tuple(widths),
        activation=activation,
        init=init,
        init_std=init_std,
        dropout=tuple(dropouts),
        batch_norm=tuple(norms),
        l1=l1,
        l2=l2,
        optimizer=optimizer,
        lr=lr,
        optimizer_params=opt_params,
        schedule=schedule,
        schedule_params=sched_params,
        batch_size=batch,
        epochs=epochs,
        patience=patience,
        val_fraction=val_fraction,
        train_fraction=subset,
        seed=seed,
        eval_train_loss=eval_train,
    )
except ValueError as exc:
    p.error(exc)

if config is not None:
    st.markdown(t("trainer.config_summary", summary=config.summary()))
    target = fit_to_limits(PRESETS[preset])
    if target != PRESETS[preset]:
        st.caption(
            t(
                "trainer.preset_capped",
                epochs=LIMITS.max_epochs,
                layers=MAX_LAYERS,
                width=LIMITS.max_width,
            )
        )
    # scoring the training set too is a measurement, not part of the preset's model
    if config.replace(eval_train_loss=target.eval_train_loss) == target:
        st.caption(t("trainer.matches_preset", preset=t(f"trainer.preset.{preset}")))
    else:
        mine, theirs = preset_values(config), preset_values(target)
        changed = [k for k in sorted(mine.keys() | theirs.keys()) if mine.get(k) != theirs.get(k)]
        st.caption(
            t(
                "trainer.differs_preset",
                preset=t(f"trainer.preset.{preset}"),
                names=", ".join(changed),
            )
        )
    preset_callouts(preset)
    p.explain(t("trainer.l2_note"))
    blocks.formula(objective_latex(), caption=t("trainer.objective_caption"))
    if any(w <= 2 for w in config.hidden):
        blocks.misconception(
            t(
                "trainer.misc_bottleneck",
                printed=f"{NOTEBOOK_CONSTANT_ACCURACY:.5f}",
                count=f"{max(MNIST_TEST_CLASS_COUNTS):,}",
                n=f"{sum(MNIST_TEST_CLASS_COUNTS):,}",
                share=f"{MNIST_TEST_MAJORITY_SHARE:.4f}",
            )
        )

    rows, n_trainable, n_buffers = layer_rows(config.to_json())
    with st.expander(
        t("trainer.model_expander", trainable=f"{n_trainable:,}", buffers=f"{n_buffers:,}")
    ):
        tab_layers, tab_code = st.tabs([t("trainer.tab_layers"), t("trainer.tab_code")])
        with tab_layers:
            table = pd.DataFrame(rows).rename(
                columns={
                    "layer": t("trainer.col_layer"),
                    "type": t("trainer.col_type"),
                    "output": t("trainer.col_output"),
                    "parameters": t("trainer.col_params"),
                    "trainable": t("trainer.col_trainable"),
                    "buffers": t("trainer.col_buffers"),
                    "detail": t("trainer.col_detail"),
                }
            )
            st.dataframe(table, hide_index=True, width="stretch")
            st.markdown(
                t(
                    "trainer.param_totals",
                    trainable=f"{n_trainable:,}",
                    buffers=f"{n_buffers:,}",
                    total=f"{n_trainable + n_buffers:,}",
                )
            )
            p.explain(t("trainer.keras_note"))
        with tab_code:
            code = pytorch_code(config)
            p.explain(t("trainer.code_note"))
            st.code(code, language="python")
            st.download_button(
                t("trainer.download_code"),
                code,
                file_name="train_mlp.py",
                mime="text/x-python",
                on_click="ignore",
                key="trainer.dl_code",
            )
            blocks.misconception(t("trainer.misc_softmax"))

# =================================================================================================
# 2. Data
# =================================================================================================
st.header(t("trainer.h_dataset"))
data = None
data_dir = str(default_data_dir())
try:
    with st.spinner(t("trainer.loading", dataset=t(f"trainer.ds.{dataset}"), path=data_dir)):
        data = get_data(dataset, data_dir, DOWNLOAD)
except DatasetUnavailable as exc:
    st.error(
        t(
            f"trainer.data_{exc.reason}",
            dataset=t(f"trainer.ds.{dataset}"),
            path=exc.path or data_dir,
        ),
        icon=":material/cloud_off:",
    )
    if exc.detail:
        st.caption(t("trainer.data_detail", detail=exc.detail))
    st.button(
        t("trainer.switch_digits"),
        key="trainer.to_digits",
        on_click=lambda: ss.__setitem__(p.key("dataset"), "digits"),
        type="primary",
        disabled=running,
    )
if data is not None:
    spec = data.spec
    h, w = spec.image_shape
    st.markdown(
        t(
            "trainer.data_info",
            dataset=t(f"trainer.ds.{dataset}"),
            n_train=f"{data.n_train:,}",
            n_test=f"{data.n_test:,}",
            h=h,
            w=w,
            classes=spec.n_classes,
        )
    )
    if config is not None and LIMITS.max_train_samples and config.dataset == data.name:
        n_rest = data.n_train - max(1, round(config.val_fraction * data.n_train))
        if config.train_fraction * n_rest > LIMITS.max_train_samples:
            config = config.replace(train_fraction=LIMITS.max_train_samples / n_rest)
            st.caption(t("trainer.samples_capped", n=f"{LIMITS.max_train_samples:,}"))
    if config is not None:
        n_val = max(1, round(config.val_fraction * data.n_train))
        n_fit = min(
            data.n_train - n_val, max(2, round(config.train_fraction * (data.n_train - n_val)))
        )
        st.caption(
            t(
                "trainer.split_info",
                n_fit=f"{n_fit:,}",
                n_val=f"{n_val:,}",
                n_test=f"{data.n_test:,}",
            )
        )
    p.explain(
        t(
            "trainer.scaling_note",
            mean=f"{spec.mean:g}",
            std=f"{spec.std:g}",
            max=f"{spec.max_value:g}",
        )
    )
    blocks.misconception(t("trainer.misc_test_as_val"))
    blocks.misconception(t("trainer.misc_pixel_std"))

# =================================================================================================
# 3. Train
# =================================================================================================
st.header(t("trainer.h_train"))
run = ss.get(RUN)

# "Finish now": the rest of the run (and of the grid) inside this script run.
if ss.get(SYNC):
    ss[SYNC] = False
    bar = st.empty()
    while ss.get(RUN) is not None:
        run = ss[RUN]
        while not run.done:
            if not pull(run, DRAW_S):
                break
            bar.progress(
                min(run.progress, 1.0),
                text=t("trainer.finishing", label=(ss.get(META) or {}).get("label", "")),
            )
        if ss.get(RUN) is run and run.done:
            finalize(run)
    st.rerun()  # redraw the whole page with the run over

run = ss.get(RUN)
can_start = config is not None and data is not None and run is None
b1, b2, b3, b4 = st.columns(4)
b1.button(
    t("trainer.start"),
    key="trainer.start",
    type="primary",
    disabled=not can_start,
    on_click=on_start,
    args=(config,),
    icon=":material/play_arrow:",
    width="stretch",
)
b2.button(
    t("trainer.stop"),
    key="trainer.stop",
    disabled=run is None,
    on_click=on_stop,
    icon=":material/stop:",
    width="stretch",
    help=t("trainer.stop_help"),
)
b3.button(
    t("trainer.finish_now"),
    key="trainer.finish",
    disabled=run is None,
    on_click=on_finish_now,
    icon=":material/fast_forward:",
    width="stretch",
    help=t("trainer.finish_help"),
)
with b4:
    grid_epochs = p.number(
        "grid_epochs", t("trainer.grid_epochs"), 1, 500, default=20, disabled=running
    )
grid: list[tuple[str, TrainConfig]] = []
if config is not None:
    try:
        grid = course_grid(
            dataset=config.dataset,
            epochs=grid_epochs,
            train_fraction=config.train_fraction,
            seed=config.seed,
        )[: LIMITS.max_grid_runs]
    except ValueError as exc:
        p.error(exc)
st.button(
    t("trainer.grid", n=len(grid)),
    key="trainer.grid",
    disabled=not (can_start and grid),
    on_click=on_grid,
    args=(grid,),
    icon=":material/grid_view:",
    help=t("trainer.grid_help"),
)
if ss.get(ERROR):
    p.error(ValueError(ss[ERROR]))

ss[INLINE] = True
st.fragment(live_view, run_every=TICK_S if ss.get(RUN) is not None else None)()

with st.expander(t("trainer.upload_expander"), expanded=False):
    st.caption(t("trainer.upload_help", mb=MAX_UPLOAD_MB))
    upload = st.file_uploader(
        t("trainer.upload"),
        type=["pt", "pth"],
        key="trainer.upload",
        max_upload_size=MAX_UPLOAD_MB,
        disabled=running or config is None or data is None,
    )
    if upload is not None and config is not None and data is not None:
        if ss.get(UPLOADED) != upload.file_id:
            try:
                state = load_state_dict_bytes(
                    upload.getvalue(), config, max_bytes=MAX_UPLOAD_MB * 2**20
                )
                model = build_model(config)
                model.load_state_dict(state, strict=True)
                ev = evaluate(model, data.x_test, data.y_test, return_probs=True)
                probs = ev.probs.numpy().astype(np.float32)
                ss[SHOWN] = Outcome(
                    label=t("trainer.uploaded_label", name=upload.name),
                    config=config,
                    state_dict=state,
                    y_true=data.y_test.numpy().copy(),
                    y_pred=probs.argmax(axis=1).astype(np.int64),
                    probs=probs,
                    test_loss=ev.loss,
                    test_acc=ev.acc,
                )
                ss[UPLOADED] = upload.file_id
                st.success(
                    t("trainer.upload_ok", name=upload.name, acc=f"{ev.acc:.4f}"),
                    icon=":material/check:",
                )
            except ValueError as exc:
                ss[UPLOADED] = None
                p.error(exc)


# =================================================================================================
# 4. Results
# =================================================================================================
def data_for(name: str):
    """The loaded dataset ``name`` (from the cache), or None when it cannot be read."""
    if data is not None and data.name == name:
        return data
    try:
        return get_data(name, data_dir, DOWNLOAD)
    except DatasetUnavailable:
        return None


def show_results(o: Outcome) -> None:
    st.header(t("trainer.h_results"))
    st.markdown(t("trainer.results_of", label=o.label))
    res = o.result
    cfg = o.config
    names = list(DATASETS[cfg.dataset].class_names)
    cols = st.columns(4)
    cols[0].metric(t("trainer.test_acc"), f"{o.test_acc:.4f}")
    cols[1].metric(t("trainer.test_loss"), f"{o.test_loss:.4f}")
    if res is not None:
        cols[2].metric(t("trainer.best_epoch"), f"{res.best_epoch} / {res.epochs_run}")
        cols[3].metric(
            t("trainer.time"),
            fmt_seconds(o.wall_s),
            help=t("trainer.time_help", work=fmt_seconds(res.seconds)),
        )
        st.caption(
            t(f"trainer.stop.{res.stop_reason}", patience=cfg.patience)
            + " "
            + t(
                "trainer.result_line",
                train_acc=f"{res.train_acc:.4f}",
                val_acc=f"{res.best_val_acc:.4f}",
                n_train=f"{res.n_train:,}",
                n_val=f"{res.n_val:,}",
                n_test=f"{len(o.y_true):,}",
            )
            + " "
            + t("trainer.time_line", wall=f"{o.wall_s:.1f}", work=f"{res.seconds:.1f}")
        )
        if res.diverged is not None:
            d = res.diverged
            what = t(
                f"trainer.div.{d.reason}", loss=f"{d.loss:.3g}", initial=f"{d.initial_loss:.3g}"
            )
            lam = ""
            if d.lambda_max:
                lam = t(
                    "trainer.div_lambda",
                    lam=f"{d.lambda_max:.3g}",
                    prod=f"{d.lr * d.lambda_max:.3g}",
                )
            st.warning(
                t(
                    "trainer.diverged",
                    epoch=d.epoch,
                    step=d.step,
                    what=what,
                    lam=lam,
                    lr=fmt_lr(d.suggested_lr),
                ),
                icon=":material/warning:",
            )
            suggested = max([v for v in LRS if v <= d.suggested_lr * (1 + 1e-9)], default=LRS[0])
            st.button(
                t("trainer.use_lr", lr=fmt_lr(suggested)),
                key="trainer.use_lr",
                disabled=running,
                on_click=lambda: ss.__setitem__(p.key("lr"), suggested),
            )
        if res.stop_reason == "early_stopping":
            blocks.misconception(t("trainer.misc_early_stop"))
    base = majority_baseline(o.y_true, o.y_pred, n_classes=len(names))
    if base.constant:
        st.warning(
            t(
                "trainer.constant_warning",
                acc=f"{base.accuracy:.4f}",
                cls=names[base.majority_class],
                share=f"{base.majority_share:.4f}",
                top=names[base.top_pred_class],
                top_share=fmt_pct(base.top_pred_share),
                k=len(names),
                chance=f"{base.chance:.2f}",
            ),
            icon=":material/warning:",
        )
    view = p.select(
        "view",
        t("trainer.view"),
        options=VIEWS,
        default=VIEWS[0],
        format_func=lambda v: t(f"trainer.tab_{v}"),
        radio=True,
        label_visibility="collapsed",
    )
    if view == "curves":
        if res is None or not res.history:
            st.info(t("trainer.no_history"))
        else:
            hist = pd.DataFrame(
                [
                    {"epoch": r.epoch, "series": s, "loss": loss, "accuracy": acc}
                    for r in res.history
                    for s, loss, acc in (
                        (t("trainer.series_train"), r.train_loss, r.train_acc),
                        (t("trainer.series_val"), r.val_loss, r.val_acc),
                        (t("trainer.series_train_eval"), r.train_eval_loss, r.train_eval_acc),
                    )
                    if loss is not None
                ]
            )
            best = pd.DataFrame({"epoch": [res.best_epoch]})
            rule = alt.Chart(best).mark_rule(strokeDash=[4, 4], color="#555").encode(x="epoch:Q")
            c1, c2 = st.columns(2)
            last = res.history[-1]
            alt_text = t(
                "trainer.final_alt",
                epochs=res.epochs_run,
                best=res.best_epoch,
                val_loss=f"{res.best_val_loss:.4f}",
                val_acc=f"{res.best_val_acc:.4f}",
                train_loss=f"{last.train_loss:.4f}",
                last_val=f"{last.val_loss:.4f}",
            )
            with c1:
                chart = charts.lines(
                    hist,
                    "epoch",
                    "loss",
                    "series",
                    x_title=t("trainer.epoch"),
                    y_title=t("trainer.loss"),
                )
                charts.show(chart + rule, alt_text)
            with c2:
                chart = charts.lines(
                    hist,
                    "epoch",
                    "accuracy",
                    "series",
                    x_title=t("trainer.epoch"),
                    y_title=t("trainer.accuracy"),
                )
                charts.show(
                    chart + rule,
                    t("trainer.best_rule_alt", best=res.best_epoch),
                    data=hist,
                    filename="history.csv",
                )
            p.explain(
                t(
                    "trainer.train_curve_note",
                    train_loss=f"{NOTEBOOK_TRAIN_LOSS:g}",
                    test_loss=f"{NOTEBOOK_TEST_LOSS:g}",
                )
            )
            blocks.misconception(t("trainer.misc_dip"))
            blocks.misconception(t("trainer.misc_gap"))
    if view == "confusion":
        labels = np.arange(len(names))
        C = metrics.confusion_matrix(o.y_true, o.y_pred, labels=labels)
        N = metrics.confusion_matrix(o.y_true, o.y_pred, labels=labels, normalize="true")
        off = N.copy()
        np.fill_diagonal(off, -1.0)
        i, j = np.unravel_index(int(np.argmax(off)), off.shape)
        diag = np.diag(N)
        alt_text = t(
            "trainer.cm_alt",
            true=names[i],
            pred=names[j],
            share=fmt_pct(float(N[i, j])),
            count=int(C[i, j]),
            low=names[int(np.argmin(diag))],
            low_rec=fmt_pct(float(diag.min())),
            high=names[int(np.argmax(diag))],
            high_rec=fmt_pct(float(diag.max())),
        )
        chart = charts.matrix_heatmap(
            N,
            names,
            names,
            row_title=t("trainer.true_class"),
            col_title=t("trainer.pred_class"),
            fmt=".2f",
            counts=C,
            height=420,
        ).resolve_scale(color="independent")  # cell colours and text ink: two colour scales
        frame = pd.DataFrame(C, index=names, columns=names).reset_index(
            names=t("trainer.true_class")
        )
        charts.show(chart, alt_text, data=frame, filename="confusion_counts.csv")
        acc = metrics.accuracy(o.y_true, o.y_pred)
        bal = metrics.balanced_accuracy(o.y_true, o.y_pred)
        m1, m2 = st.columns(2)
        m1.metric(t("trainer.accuracy"), f"{acc:.4f}")
        m2.metric(t("trainer.balanced"), f"{bal:.4f}", help=t("trainer.balanced_help"))
        blocks.misconception(t("trainer.misc_balanced"))
    if view == "per_class":
        prec, rec, f1, support = metrics.precision_recall_f1(
            o.y_true, o.y_pred, labels=np.arange(len(names))
        )
        table = pd.DataFrame(
            {
                t("trainer.col_class"): names,
                t("trainer.precision"): np.round(prec, 4),
                t("trainer.recall"): np.round(rec, 4),
                t("trainer.f1"): np.round(f1, 4),
                t("trainer.support"): support.astype(int),
            }
        )
        st.dataframe(table, hide_index=True, width="stretch")
        macro = metrics.precision_recall_f1(
            o.y_true, o.y_pred, average="macro", labels=np.arange(len(names))
        )
        st.caption(
            t("trainer.macro", p=f"{macro[0]:.4f}", r=f"{macro[1]:.4f}", f=f"{macro[2]:.4f}")
        )
        long = table.melt(
            id_vars=[t("trainer.col_class")],
            value_vars=[t("trainer.precision"), t("trainer.recall"), t("trainer.f1")],
            var_name="metric",
            value_name="value",
        )
        worst = int(np.argmin(f1))
        charts.show(
            charts.bars(
                long, t("trainer.col_class"), "value", "metric", y_title=t("trainer.score")
            ),
            t(
                "trainer.per_class_alt",
                worst=names[worst],
                f1=f"{f1[worst]:.3f}",
                best=names[int(np.argmax(f1))],
                best_f1=f"{f1.max():.3f}",
            ),
        )
    if view == "mistakes":
        wrong = np.flatnonzero(o.y_pred != o.y_true)
        if wrong.size == 0:
            st.success(t("trainer.no_mistakes"))
        elif (gallery_data := data_for(cfg.dataset)) is None or gallery_data.n_test != len(
            o.y_true
        ):
            st.info(t("trainer.mistakes_need_data"))
        else:
            data_g = gallery_data
            conf = o.probs[wrong, o.y_pred[wrong]]
            order = wrong[np.argsort(-conf, kind="stable")][:GALLERY]
            st.markdown(t("trainer.mistakes_intro", n=len(order), total=int(wrong.size)))
            imgs, caps, rows_ = [], [], []
            scale = 255.0 / data_g.spec.max_value
            zoom = max(1, 96 // data_g.spec.image_shape[0])
            for idx in order:
                img = data_g.images_test[int(idx)].numpy().astype(np.float32) * scale
                img = np.clip(img, 0, 255).astype(np.uint8).repeat(zoom, 0).repeat(zoom, 1)
                tr, pr, pb = (
                    names[o.y_true[idx]],
                    names[o.y_pred[idx]],
                    float(o.probs[idx, o.y_pred[idx]]),
                )
                imgs.append(img)
                caps.append(t("trainer.mistake_caption", true=tr, pred=pr, prob=f"{pb:.2f}"))
                rows_.append(
                    {
                        t("trainer.col_index"): int(idx),
                        t("trainer.true_class"): tr,
                        t("trainer.pred_class"): pr,
                        t("trainer.probability"): round(pb, 4),
                    }
                )
            st.image(imgs, caption=caps, width=96)
            with st.expander(t("trainer.mistakes_table")):
                st.dataframe(pd.DataFrame(rows_), hide_index=True, width="stretch")
    if view == "files":
        st.markdown(t("trainer.files_intro"))
        d1, d2, d3 = st.columns(3)
        if res is not None:
            d1.download_button(
                t("trainer.dl_history"),
                res.history_csv(),
                file_name="history.csv",
                mime="text/csv",
                on_click="ignore",
                key="trainer.dl_history",
                icon=":material/table:",
            )
        d2.download_button(
            t("trainer.dl_weights"),
            lambda: state_dict_to_bytes(o.state_dict),
            file_name="weights.pt",
            mime="application/octet-stream",
            on_click="ignore",
            key="trainer.dl_weights",
            icon=":material/download:",
        )
        d3.download_button(
            t("trainer.dl_config"),
            cfg.to_json(),
            file_name="config.json",
            mime="application/json",
            on_click="ignore",
            key="trainer.dl_config",
            icon=":material/settings:",
        )
        p.explain(t("trainer.files_note"))


shown = ss.get(SHOWN)
if shown is not None and ss.get(RUN) is None:  # while training, the live view is the result
    show_results(shown)

# =================================================================================================
# 5. Compare
# =================================================================================================
finished = ss.get(FINISHED) or []
if finished:
    st.header(t("trainer.h_compare"))
    table = pd.DataFrame(
        [
            {
                t("trainer.col_run"): r["label"],
                t("trainer.col_config"): r["summary"],
                t("trainer.col_best_val"): round(r["best_val_acc"], 4),
                t("trainer.col_test_acc"): round(r["test_acc"], 4),
                t("trainer.col_epochs"): r["epochs"],
                t("trainer.col_seconds"): round(r["seconds"], 1),
                t("trainer.col_stop"): t(f"trainer.reason.{r['stop_reason']}"),
            }
            for r in finished
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")
    by_id = {r["id"]: r for r in finished}
    ids = list(by_id)
    chosen = ids
    if len(ids) > 1:
        pick_key = "trainer.compare_ids"
        known = set(ss.get("trainer.compare_known", []))
        if pick_key in ss:
            kept = [i for i in ss[pick_key] if i in by_id]
            ss[pick_key] = kept + [i for i in ids if i not in known and i not in kept]
        else:
            ss[pick_key] = ids[-8:]
        ss["trainer.compare_known"] = ids
        chosen = st.multiselect(
            t("trainer.compare_pick"), ids, format_func=lambda i: by_id[i]["label"], key=pick_key
        )
    metric_name = p.select(
        "cmp",
        t("trainer.compare_metric"),
        options=["val_acc", "val_loss", "train_acc", "train_loss"],
        default="val_acc",
        format_func=lambda o: t(f"trainer.cm.{o}"),
        radio=True,
    )
    frame = pd.DataFrame(
        [
            {"epoch": h["epoch"], "value": h[metric_name], "run": by_id[i]["label"]}
            for i in chosen
            for h in by_id[i]["history"]
        ]
    )
    if not frame.empty:
        best_rows = [(by_id[i]["label"], by_id[i]["best_val_acc"]) for i in chosen]
        top = max(best_rows, key=lambda r: r[1])
        chart = charts.lines(
            frame,
            "epoch",
            "value",
            "run",
            x_title=t("trainer.epoch"),
            y_title=t(f"trainer.cm.{metric_name}"),
            height=340,
        )
        charts.show(
            chart,
            t("trainer.compare_alt", n=len(chosen), top=top[0], acc=f"{top[1]:.4f}"),
            data=frame,
            filename="compare.csv",
        )
    st.button(
        t("trainer.clear_runs"),
        key="trainer.clear",
        on_click=lambda: ss.__setitem__(FINISHED, []),
        disabled=running,
    )

practice.section(p)
