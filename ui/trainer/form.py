"""Section 1 of the trainer: the configuration widgets and the presets.

Widget values <-> ``TrainConfig``: :func:`preset_values` turns a configuration into the value of
every widget (so a preset, or a configuration, can be loaded into the form), and :func:`show`
draws the widgets and builds the ``TrainConfig`` they describe. Widget names are URL parameters
(``?lr=0.01&h1=64``): keep them, shared links rely on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from core.trainer import PRESETS, SCHEDULE_DEFAULTS, TORCH_OPTIMIZERS, TrainConfig
from core.trainer.augment import MAX_ROTATION_DEG, max_shift
from core.trainer.constraints import CONSTRAINTS, MAX_HIDDEN_LAYERS, Interval
from ui import classroom
from ui.page import Page
from ui.trainer.fmt import fmt_lr, fmt_pct


# -- what the widgets may offer: core's constraint table, narrowed by the page -------------------
def choices(name: str) -> list[str]:
    """The options core accepts for ``name``, in the constraint table's order."""
    return list(CONSTRAINTS[name].values)


def _interval(name: str) -> Interval:
    """The table's interval for ``name`` (for a pair such as ``betas``, the rule on each item)."""
    c = CONSTRAINTS[name]
    return getattr(c, "item", c)


def grid(name: str, values: list[Any]) -> list[Any]:
    """A select slider's options for ``name``, each checked against the constraint table.

    Checked when the module is imported, so a grid can never offer a value core refuses.
    """
    rule = _interval(name)
    for v in values:
        rule.check(v, name)
    return list(values)


def bounds(name: str, low: float | None = None, high: float | None = None) -> tuple[Any, Any]:
    """A number widget's (min, max): the table's interval for ``name``, narrowed to [low, high].

    A widget's ends are always selectable, so an open or missing end of the table must be
    narrowed by the page (e.g. dropout < 1 becomes at most 0.95); otherwise ``ValueError``.
    """
    rule = _interval(name)
    lo = rule.low if low is None else max(low, rule.low if rule.low is not None else low)
    hi = rule.high if high is None else min(high, rule.high if rule.high is not None else high)
    for end, table_end, inclusive in (
        (lo, rule.low, rule.low_inclusive),
        (hi, rule.high, rule.high_inclusive),
    ):
        if end is None or (end == table_end and not inclusive):
            raise ValueError(f"{name} needs a page bound inside its open or missing end, got {end}")
    return lo, hi


# -- option grids (every preset value is on them) ------------------------------------------------
DATASET_NAMES = choices("dataset")
SUBSETS = grid("train_fraction", [0.05, 0.1, 0.25, 0.5, 1.0])
VAL_FRACTIONS = grid("val_fraction", [0.1, 10_000 / 60_000, 0.2, 0.25, 0.3, 0.4, 0.5])
_LRS = [1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
LRS = grid("lr", _LRS + [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0])
BATCHES = grid("batch_size", [8, 16, 32, 64, 128, 256, 512, 1000, 2000, 5000])
L1_STRENGTHS = grid("l1", [0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2])
L2_STRENGTHS = grid("l2", [0.0, 1e-5, 1e-4, 1e-3, 1e-2, 0.1])
INIT_STDS = grid("init_std", [0.001, 0.01, 0.05, 0.1, 0.5, 1.0])
EPSS = grid("eps", [1e-10, 1e-8, 1e-6, 1e-4])
ETA_MINS = grid("eta_min", [0.0, 1e-5, 1e-4, 1e-3])
ACTIVATIONS = choices("activation")
INITS = choices("init")
DEFAULT_WIDTH = 64
DEFAULT_PRESET = "digits_b"
# Page caps inside the table's open ends: a layer that drops 95 % of its units, or a momentum
# of 0.99, is already past anything useful, and a slider's end must be reachable.
DROPOUT_RANGE = bounds("dropout", high=0.95)
MOMENTUM_RANGE = bounds("momentum", high=0.99)
DAMPENING_RANGE = bounds("dampening", high=0.95)
PATIENCE_RANGE = bounds("patience", high=1000)
SEED_RANGE = bounds("seed", high=2**31 - 1)  # the range shared links have always used
SNAPSHOTS_RANGE = bounds("snapshots", high=20)
AUGMENTS = choices("augment")

# Optimizer / schedule hyperparameters shown with torch's names: (name, kind, range or options).
OPT_WIDGETS: dict[str, list[tuple[str, str, Any]]] = {
    "sgd": [],
    "momentum": [
        ("momentum", "slider", (*MOMENTUM_RANGE, 0.01)),
        ("dampening", "slider", (*DAMPENING_RANGE, 0.05)),
    ],
    # torch refuses Nesterov momentum 0 (TrainConfig's "nesterov_momentum" rule)
    "nesterov": [("momentum", "slider", (*bounds("momentum", low=0.01, high=0.99), 0.01))],
    "adagrad": [
        ("lr_decay", "grid", grid("lr_decay", [0.0, 1e-4, 1e-3, 1e-2, 0.1])),
        (
            "initial_accumulator_value",
            "grid",
            grid("initial_accumulator_value", [0.0, 0.01, 0.1, 1.0]),
        ),
        ("eps", "grid", EPSS),
    ],
    "rmsprop": [
        # torch's name: RMSprop's smoothing constant (not a penalty strength)
        ("alpha", "grid", grid("alpha", [0.9, 0.95, 0.99, 0.999])),
        ("eps", "grid", EPSS),
        ("momentum", "slider", (*MOMENTUM_RANGE, 0.01)),
        ("centered", "bool", None),
    ],
    "adam": [
        ("beta1", "grid", grid("betas", [0.0, 0.5, 0.8, 0.9, 0.95, 0.99])),
        ("beta2", "grid", grid("betas", [0.9, 0.99, 0.995, 0.999, 0.9999])),
        ("eps", "grid", EPSS),
        ("amsgrad", "bool", None),
    ],
    "adadelta": [("rho", "grid", grid("rho", [0.5, 0.8, 0.9, 0.95, 0.99])), ("eps", "grid", EPSS)],
}
SCHED_WIDGETS: dict[str, list[tuple[str, str, Any]]] = {
    "none": [],
    "step": [
        ("step_size", "int", bounds("step_size", high=1000)),
        ("gamma", "grid", grid("gamma", [0.1, 0.2, 0.5, 0.8, 0.9])),
    ],
    "exponential": [("gamma", "grid", grid("gamma", [0.8, 0.9, 0.95, 0.98, 0.99]))],
    "inverse_time": [("k", "grid", grid("k", [0.01, 0.05, 0.1, 0.5, 1.0]))],
    # T_max = 0 stands for "the number of epochs" (core's None)
    "cosine": [("T_max", "int", (0, bounds("T_max")[1])), ("eta_min", "grid", ETA_MINS)],
    "cosine_restarts": [
        ("T_0", "int", bounds("T_0", high=1000)),
        ("T_mult", "int", bounds("T_mult", high=10)),
        ("eta_min", "grid", ETA_MINS),
    ],
}


def opt_defaults(optimizer: str) -> dict[str, Any]:
    """torch's defaults for the optimizer, with Adam's ``betas`` split into two widgets."""
    out = dict(TORCH_OPTIMIZERS[optimizer][2])
    if "betas" in out:
        out["beta1"], out["beta2"] = out.pop("betas")
    return out


def sched_defaults(schedule: str) -> dict[str, Any]:
    """torch's defaults for the schedule, with the cosine's ``T_max`` None (= the epochs) as 0."""
    out = dict(SCHEDULE_DEFAULTS[schedule])
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
        "augment": c.augment,
        "snapshots": c.snapshots,
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


def fit_to_limits(c: TrainConfig, limits: classroom.Limits) -> TrainConfig:
    """``c`` within this server's caps: epochs, hidden layers and units (classroom mode)."""
    n = min(len(c.hidden), limits.max_hidden_layers)
    return c.replace(
        hidden=tuple(min(w, limits.max_width) for w in c.hidden[:n]),
        dropout=c.dropout[:n],
        batch_norm=c.batch_norm[:n],
        epochs=min(c.epochs, limits.max_epochs),
    )


def key(name: str) -> str:
    """Session-state key of the widget ``name`` (``Page.key`` of the trainer page)."""
    return f"trainer.{name}"


def config_names() -> set[str]:
    """Every widget name that is part of a configuration (the URL parameters a preset sets)."""
    names = set(preset_values(PRESETS[DEFAULT_PRESET]))
    for opt, specs in OPT_WIDGETS.items():
        names |= {f"{opt}_{name}" for name, _, _ in specs}
    for sch, specs in SCHED_WIDGETS.items():
        names |= {f"{sch}_{name}" for name, _, _ in specs}
    return names


CONFIG_NAMES = config_names()


def apply_preset() -> None:
    """on_change of the preset select: load its values into the widgets, tidy the URL."""
    ss = st.session_state
    limits = classroom.limits()
    for name, value in preset_values(fit_to_limits(PRESETS[ss[key("preset")]], limits)).items():
        ss[key(name)] = value
    for name in [k for k in st.query_params if k in CONFIG_NAMES]:
        del st.query_params[name]


def load_preset_from_url(limits: classroom.Limits) -> None:
    """A shared link with only ``?preset=...`` loads that preset into every widget the link
    leaves out (first run of a session only)."""
    ss = st.session_state
    if key("preset") not in ss:
        raw_preset = st.query_params.get("preset")
        if raw_preset in PRESETS:
            for name, value in preset_values(fit_to_limits(PRESETS[raw_preset], limits)).items():
                if name not in st.query_params:
                    ss[key(name)] = value


@dataclass(frozen=True)
class Form:
    """What section 1 returns: the configuration (None when core refused it), the preset
    chosen, and the dataset widget's value (the data section needs it even without a config)."""

    config: TrainConfig | None
    preset: str
    dataset: str


def show(p: Page, limits: classroom.Limits, running: bool) -> Form:
    """Draw the configuration widgets; core validates the ``TrainConfig`` they describe."""
    t = p.t
    initial = preset_values(fit_to_limits(PRESETS[DEFAULT_PRESET], limits))
    load_preset_from_url(limits)
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
        fields = _data_widgets(p, initial, running)
    with col_net:
        st.subheader(t("trainer.h_network"))
        layers, network = _network_widgets(p, initial, limits, running)
        fields |= network
    with col_opt:
        st.subheader(t("trainer.h_optimization"))
        fields |= _optimization_widgets(p, initial, limits, running)
    fields |= _layer_widgets(p, layers, initial, limits, running)
    fields |= _hyper_widgets(p, fields["optimizer"], fields["schedule"], running)
    config: TrainConfig | None = None
    try:
        config = TrainConfig(**fields)
    except ValueError as exc:
        p.error(exc)
    return Form(config=config, preset=preset, dataset=fields["dataset"])


@dataclass(frozen=True)
class _Widgets:
    """The section's widgets with what they all share: the label ``trainer.<label>``, the
    default ``initial[<name>]`` and ``disabled`` while a run is live (unless given)."""

    p: Page
    initial: dict[str, Any]
    running: bool

    def _common(self, name: str, label: str, kw: dict[str, Any]) -> dict[str, Any]:
        kw.setdefault("default", self.initial[name])
        kw.setdefault("disabled", self.running)
        return {"name": name, "label": self.p.t(f"trainer.{label}"), **kw}

    def select(self, name: str, label: str, options: Any, **kw: Any) -> Any:
        return self.p.select(options=options, **self._common(name, label, kw))

    def select_slider(self, name: str, label: str, options: Any, **kw: Any) -> Any:
        return self.p.select_slider(options=options, **self._common(name, label, kw))

    def number(self, name: str, label: str, low: Any, high: Any, **kw: Any) -> Any:
        return self.p.number(min_value=low, max_value=high, **self._common(name, label, kw))

    def checkbox(self, name: str, label: str, **kw: Any) -> bool:
        return self.p.checkbox(**self._common(name, label, kw))


def _data_widgets(p: Page, initial: dict[str, Any], running: bool) -> dict[str, Any]:
    """Dataset, training share, validation share, seed, augmentation (``TrainConfig`` fields)."""
    t, w = p.t, _Widgets(p, initial, running)
    dataset = w.select(
        "dataset", "dataset", DATASET_NAMES, format_func=lambda o: t(f"trainer.ds.{o}")
    )
    subset = w.select_slider(
        "subset", "subset", SUBSETS, format_func=fmt_pct, help=t("trainer.subset_help")
    )
    val_fraction = w.select_slider("val", "val_fraction", VAL_FRACTIONS, format_func=fmt_pct)
    seed = w.number("seed", "seed", *SEED_RANGE)
    augment = w.select(
        "augment",
        "augment",
        AUGMENTS,
        format_func=lambda o: t(f"trainer.augment.{o}"),
        help=t(
            "trainer.augment_help",
            shift8=max_shift((8, 8)),
            shift28=max_shift((28, 28)),
            deg=f"{MAX_ROTATION_DEG:g}",
        ),
    )
    return {
        "dataset": dataset,
        "train_fraction": subset,
        "val_fraction": val_fraction,
        "seed": seed,
        "augment": augment,
    }


def _network_widgets(
    p: Page, initial: dict[str, Any], limits: classroom.Limits, running: bool
) -> tuple[int, dict[str, Any]]:
    """Number of hidden layers, and activation, initialization and penalties (``TrainConfig``
    fields). ``init_std`` has a widget only for the normal initialization."""
    t, w = p.t, _Widgets(p, initial, running)
    layers = p.slider(
        "layers",
        t("trainer.layers"),
        0,  # no hidden layer: softmax regression
        min(limits.max_hidden_layers, MAX_HIDDEN_LAYERS),
        default=initial["layers"],
        disabled=running,
    )
    activation = w.select("activation", "activation", ACTIVATIONS, disabled=running or layers == 0)
    init = w.select("init", "init", INITS, format_func=lambda o: t(f"trainer.init.{o}"))
    init_std = initial["init_std"]
    if init == "normal":
        init_std = w.select_slider("init_std", "init_std", INIT_STDS)
    network = {
        "activation": activation,
        "init": init,
        "init_std": init_std,
        "l1": w.select_slider("l1", "l1", L1_STRENGTHS),
        "l2": w.select_slider("l2", "l2", L2_STRENGTHS),
    }
    return layers, network


def _optimization_widgets(
    p: Page, initial: dict[str, Any], limits: classroom.Limits, running: bool
) -> dict[str, Any]:
    """Optimizer, learning rate, mini-batch, epochs, patience, schedule (with the snapshot
    ensemble for cosine restarts), eval-mode training loss."""
    t, w = p.t, _Widgets(p, initial, running)
    optimizer = w.select("optimizer", "optimizer", choices("optimizer"))
    lr = w.select_slider("lr", "lr", LRS, format_func=fmt_lr)
    batch = w.select_slider("batch", "batch", BATCHES)
    epochs = w.number("epochs", "epochs", *bounds("epochs", high=limits.max_epochs))
    patience = w.number("patience", "patience", *PATIENCE_RANGE, help=t("trainer.patience_help"))
    schedule = w.select(
        "schedule", "schedule", choices("schedule"), format_func=lambda o: t(f"trainer.sched.{o}")
    )
    snapshots = 0  # a snapshot ensemble needs the cosine restarts
    if schedule == "cosine_restarts":
        snapshots = w.number(
            "snapshots", "snapshots", *SNAPSHOTS_RANGE, help=t("trainer.snapshots_help")
        )
    eval_train = p.checkbox(
        "eval_train",
        t("trainer.eval_train"),
        default=False,
        disabled=running,
        help=t("trainer.eval_train_help"),
    )
    return {
        "optimizer": optimizer,
        "lr": lr,
        "batch_size": batch,
        "epochs": epochs,
        "patience": patience,
        "schedule": schedule,
        "snapshots": snapshots,
        "eval_train_loss": eval_train,
    }


def _layer_widgets(
    p: Page, layers: int, initial: dict[str, Any], limits: classroom.Limits, running: bool
) -> dict[str, Any]:
    """Width, dropout and batch norm of each hidden layer (widgets ``h<k>``, ``d<k>``, ``bn<k>``)."""
    t, w = p.t, _Widgets(p, initial, running)
    widths, dropouts, norms = [], [], []
    if layers:
        st.markdown(f"**{t('trainer.per_layer')}**")
        layer_cols = st.columns(limits.max_hidden_layers)
        for k in range(1, layers + 1):
            with layer_cols[k - 1]:
                st.caption(t("trainer.layer_k", k=k))
                widths.append(w.number(f"h{k}", "width", *bounds("hidden", high=limits.max_width)))
                dropouts.append(
                    w.number(
                        f"d{k}",
                        "dropout",
                        *DROPOUT_RANGE,
                        default=float(initial[f"d{k}"]),
                        step=0.01,
                    )
                )
                norms.append(w.checkbox(f"bn{k}", "batch_norm"))

    return {"hidden": tuple(widths), "dropout": tuple(dropouts), "batch_norm": tuple(norms)}


def _hyper_widget(
    p: Page, prefix: str, name: str, kind: str, spec: Any, default: Any, running: bool
) -> Any:
    """One hyperparameter widget ``<prefix>_<name>`` labelled with torch's name: ``slider``
    (spec = low, high, step), ``int`` (a number input, spec = low, high), ``grid`` (a select
    slider over spec) or ``bool`` (a checkbox)."""
    wname, common = f"{prefix}_{name}", {"help": p.t(f"trainer.hp.{name}"), "disabled": running}
    if kind == "slider":
        lo, hi, step = spec
        return p.slider(wname, name, lo, hi, default=max(lo, float(default)), step=step, **common)
    if kind == "int":
        lo, hi = spec
        return p.number(wname, name, lo, hi, default=int(default), **common)
    if kind == "grid":
        return p.select_slider(wname, name, options=spec, default=default, **common)
    return p.checkbox(wname, name, default=bool(default), **common)


def _hyper_column(
    p: Page,
    prefix: str,
    specs: list[tuple[str, str, Any]],
    defaults: dict[str, Any],
    running: bool,
    empty: str,
) -> dict[str, Any]:
    """The widgets of ``specs`` (name, kind, spec) in order, or the caption ``trainer.<empty>``
    when the optimizer or schedule has no hyperparameter."""
    values = {
        name: _hyper_widget(p, prefix, name, kind, spec, defaults[name], running)
        for name, kind, spec in specs
    }
    if not specs:
        st.caption(p.t(f"trainer.{empty}"))
    return values


def _hyper_widgets(p: Page, optimizer: str, schedule: str, running: bool) -> dict[str, Any]:
    """The optimizer's and the schedule's own hyperparameters, with torch's names and defaults.

    Widgets are named ``<optimizer>_<name>`` / ``<schedule>_<name>``; Adam's ``betas`` are two
    widgets, and the cosine schedule's ``T_max`` = 0 stands for core's None (= the epochs).
    """
    t = p.t
    with st.expander(t("trainer.hyper_expander"), expanded=False):
        st.caption(t("trainer.hyper_caption"))
        c_opt, c_sched = st.columns(2)
        with c_opt:
            st.markdown(
                f"**{optimizer}** (`torch.optim.{TORCH_OPTIMIZERS[optimizer][0].__name__}`)"
            )
            opt_params = _hyper_column(
                p, optimizer, OPT_WIDGETS[optimizer], opt_defaults(optimizer), running, "no_hyper"
            )
        with c_sched:
            st.markdown(f"**{t(f'trainer.sched.{schedule}')}**")
            sched_params = _hyper_column(
                p,
                schedule,
                SCHED_WIDGETS[schedule],
                sched_defaults(schedule),
                running,
                "no_schedule",
            )
    if "beta1" in opt_params:
        opt_params["betas"] = (opt_params.pop("beta1"), opt_params.pop("beta2"))
    if schedule == "cosine" and sched_params.get("T_max") == 0:
        sched_params["T_max"] = None

    return {"optimizer_params": opt_params, "schedule_params": sched_params}
