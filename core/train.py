"""Training engine of the live MLP trainer: configuration, presets, the loop, the command line.

The loop is a generator that knows nothing about Streamlit (nanoGPT style)::

    from core.data import load_dataset
    from core.train import PRESETS, train

    data = load_dataset("digits")
    for record in train(PRESETS["digits_b"], data):
        if record.kind == "epoch":
            print(record.epoch, record.val_acc)
        elif record.kind == "result":
            print(record.test_acc)

It yields, in order,

* :class:`StepRecord` (``kind="step"``) inside an epoch, about every ``report_every_s`` seconds
  of work (or every ``report_every_steps`` steps): running train loss/accuracy, lr, gradient norm;
* :class:`EpochRecord` (``kind="epoch"``) after each epoch: train and validation loss/accuracy;
* :class:`DivergedRecord` (``kind="diverged"``) if the loss became NaN/inf or grew far above its
  starting value -- training then stops and the record explains why, with a suggested lr;
* one final :class:`TrainResult` (``kind="result"``): weights of the best epoch (lowest
  validation loss), test loss/accuracy, predictions and probabilities, the history.

For a page that keeps the run in ``st.session_state`` and pulls it for a time slice inside an
``st.fragment(run_every=...)``, use :class:`TrainingRun`::

    run = TrainingRun(config, data, report_every_s=0.1)   # on Start
    records = run.pull(seconds=0.4)                       # each tick: work for ~0.4 s
    run.stop()                                            # Stop: the next pull ends it, <= 1 step
    if run.done: result = run.result                      # best model, test metrics, history

or ``run.finish()`` to stop and get the result at once, and ``run.run_to_end()`` for a plain path
(tests, AppTest). Same seed, same numbers: the split, the initial weights, the shuffling and the
dropout masks come from private ``torch.Generator``s seeded from ``config.seed``.

The command line mirrors :class:`TrainConfig`::

    python -m core.train --dataset digits --hidden 40 40 --activation relu --optimizer adam \\
        --lr 0.001 --epochs 300 --patience 20 --seed 0 --json
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import inspect
import io
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core._validate import check_scalar, with_latex
from core.data import DATASETS, Dataset, load_dataset, split_indices
from core.models import ACTIVATIONS, INITS, build_model, count_parameters

__all__ = [
    "DIGITS_REPORT_ACCURACY",
    "DIGITS_REPORT_E_TEXT_LOSS",
    "DIGITS_REPORT_LOSS",
    "DIGITS_REPORT_SECONDS",
    "HOMEWORK_ADAPTIVE_LR",
    "MNIST_TEST_CLASS_COUNTS",
    "MNIST_TEST_MAJORITY_SHARE",
    "NOTEBOOK_CONSTANT_ACCURACY",
    "NOTEBOOK_TEST_LOSS",
    "NOTEBOOK_TRAIN_LOSS",
    "TORCH_DEFAULT_LR",
    "MajorityBaseline",
    "majority_baseline",
    "DIVERGENCE_FACTOR",
    "HOMEWORK_WIDTHS",
    "OBJECTIVE_LATEX",
    "OPTIMIZERS",
    "PRESETS",
    "PRESET_GROUPS",
    "SCHEDULES",
    "STABILITY_LATEX",
    "DivergedRecord",
    "EpochRecord",
    "Evaluation",
    "StepRecord",
    "TrainConfig",
    "TrainResult",
    "TrainingRun",
    "build_optimizer",
    "available_cpus",
    "build_scheduler",
    "configure_threads",
    "course_grid",
    "estimate_lambda_max",
    "evaluate",
    "main",
    "pytorch_code",
    "suggest_lr",
    "train",
    "warm_up",
]

OBJECTIVE_LATEX = (
    r"J(\theta) = -\frac{1}{B}\sum_{i=1}^{B} \log \operatorname{softmax}"
    r"\big(f_\theta(x_i)\big)_{y_i} + \alpha \sum |W| + \frac{\lambda}{2} \sum W^2"
)
STABILITY_LATEX = (
    r"\eta\,\lambda_{\max} < 2 \;\Longleftrightarrow\; \eta < \frac{2}{\lambda_{\max}}"
)


MAX_HIDDEN_LAYERS = 5
MAX_WIDTH = 1024
DIVERGENCE_FACTOR = 10.0  # a mini-batch loss above 10x the first one means divergence
EVAL_BATCH = 8192

# ----------------------------------------------------------------------------- hyperparameters
# name -> (torch class, fixed keyword arguments, tunable hyperparameters with their defaults).
# Hyperparameter names are torch's; "momentum" and "nesterov" default to momentum 0.9.
OPTIMIZERS: dict[str, tuple[type[torch.optim.Optimizer], dict[str, Any], dict[str, Any]]] = {
    "sgd": (torch.optim.SGD, {}, {}),
    "momentum": (torch.optim.SGD, {"nesterov": False}, {"momentum": 0.9, "dampening": 0.0}),
    "nesterov": (torch.optim.SGD, {"nesterov": True}, {"momentum": 0.9}),
    "adagrad": (
        torch.optim.Adagrad,
        {},
        {"lr_decay": 0.0, "initial_accumulator_value": 0.0, "eps": 1e-10},
    ),
    "rmsprop": (
        torch.optim.RMSprop,
        {},
        {"alpha": 0.99, "eps": 1e-8, "momentum": 0.0, "centered": False},
    ),
    "adam": (torch.optim.Adam, {}, {"betas": (0.9, 0.999), "eps": 1e-8, "amsgrad": False}),
    "adadelta": (torch.optim.Adadelta, {}, {"rho": 0.9, "eps": 1e-6}),
}

# name -> tunable parameters with defaults; T_max=None means "the number of epochs".
SCHEDULES: dict[str, dict[str, Any]] = {
    "none": {},
    "step": {"step_size": 10, "gamma": 0.5},
    "exponential": {"gamma": 0.95},
    "inverse_time": {"k": 0.1},
    "cosine": {"T_max": None, "eta_min": 0.0},
    "cosine_restarts": {"T_0": 10, "T_mult": 1, "eta_min": 0.0},
}

# parameter -> (kind, low, high, low_inclusive, high_inclusive)
_PARAM_RULES: dict[str, tuple[str, float | None, float | None, bool, bool]] = {
    "momentum": ("float", 0.0, 1.0, True, False),
    "dampening": ("float", 0.0, 1.0, True, True),
    "lr_decay": ("float", 0.0, None, True, True),
    "initial_accumulator_value": ("float", 0.0, None, True, True),
    "eps": ("float", 0.0, 1.0, False, True),
    "alpha": ("float", 0.0, 1.0, True, False),
    "centered": ("bool", None, None, True, True),
    "betas": ("pair", 0.0, 1.0, True, False),
    "amsgrad": ("bool", None, None, True, True),
    "rho": ("float", 0.0, 1.0, True, True),
    "step_size": ("int", 1, 100_000, True, True),
    "gamma": ("float", 0.0, 1.0, False, True),
    "k": ("float", 0.0, 1e6, True, True),
    "T_max": ("int_or_none", 1, 100_000, True, True),
    "eta_min": ("float", 0.0, None, True, True),
    "T_0": ("int", 1, 100_000, True, True),
    "T_mult": ("int", 1, 100, True, True),
}


def _check_param(name: str, value: Any) -> Any:
    kind, low, high, lo_inc, hi_inc = _PARAM_RULES[name]
    if kind == "bool":
        if not isinstance(value, (bool, np.bool_)):
            raise ValueError(f"{name} must be true or false, got {value!r}")
        return bool(value)
    if kind == "int_or_none" and value is None:
        return None
    if kind == "pair":
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            raise ValueError(f"{name} must be a pair of numbers, got {value!r}")
        return tuple(
            check_scalar(
                v, f"{name}[{i}]", low=low, high=high, low_inclusive=lo_inc, high_inclusive=hi_inc
            )
            for i, v in enumerate(value)
        )
    integer = kind in ("int", "int_or_none")
    return check_scalar(
        value,
        name,
        low=low,
        high=high,
        low_inclusive=lo_inc,
        high_inclusive=hi_inc,
        integer=integer,
    )


def _resolve_params(
    given: Any, defaults: dict[str, Any], field_name: str, owner: str
) -> tuple[tuple[str, Any], ...]:
    if isinstance(given, Mapping):
        items = dict(given)
    else:
        try:
            items = dict(given or ())
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{field_name} must be a mapping of names to values") from exc
    for name in items:
        if name not in defaults:
            if not defaults:
                raise ValueError(f"{field_name} of {owner} takes no parameters, got {name!r}")
            allowed = ", ".join(defaults)
            raise ValueError(f"{field_name} of {owner} must use the names {allowed}, got {name!r}")
    merged = {**defaults, **items}
    return tuple((k, _check_param(k, v)) for k, v in merged.items())


# ----------------------------------------------------------------------------- configuration
@dataclass(frozen=True)
class TrainConfig:
    """Everything that defines a training run; validated once, at construction.

    Parameters
    ----------
    dataset : {"digits", "mnist", "fashion-mnist"}
    hidden : tuple of int
        Hidden widths, up to 5 layers of 1..1024 units; ``()`` = multinomial logistic regression.
    activation : {"relu", "leaky_relu", "elu", "tanh", "sigmoid"}
    init : {"default", "kaiming", "xavier", "normal"}
        See :func:`core.models.init_parameters`; ``init_std`` is sigma for ``"normal"``.
    dropout : float or tuple of float
        Drop probability (``nn.Dropout``'s p) in [0, 1), one value for every hidden layer or one
        per layer. Stored per layer.
    batch_norm : bool or tuple of bool
        BatchNorm1d after the linear map of every / each hidden layer. Stored per layer.
    l1, l2 : float
        Explicit penalties added to the mean cross-entropy,
        ``l1 * sum|W| + (l2 / 2) * sum W**2`` over the weight matrices (not biases, not batch
        norm). The L2 term adds ``l2 * W`` to the gradient, which is exactly what torch's
        *coupled* ``weight_decay=l2`` does in SGD, Adagrad, RMSprop and Adam (on the weight
        matrices only, through a parameter group): same steps for every optimizer here.
        *Decoupled* weight decay (``torch.optim.AdamW``, or Adam with
        ``decoupled_weight_decay=True``) shrinks the weights outside the adaptive scaling and
        is a different method.
    optimizer : {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adadelta"}
    lr : float
        Learning rate, in (0, 10000].
    optimizer_params : mapping
        Hyperparameters with torch's names (``momentum``, ``dampening``, ``betas``, ``eps``,
        ``alpha``, ``centered``, ``amsgrad``, ``rho``, ``lr_decay``,
        ``initial_accumulator_value``), see :data:`OPTIMIZERS`; missing ones take the defaults,
        and all are stored.
    schedule : {"none", "step", "exponential", "inverse_time", "cosine", "cosine_restarts"}
        Learning-rate schedule, stepped once per epoch.
    schedule_params : mapping
        ``step_size``, ``gamma``, ``k``, ``T_max`` (None = epochs), ``eta_min``, ``T_0``,
        ``T_mult``, see :data:`SCHEDULES`.
    batch_size : int
        Mini-batch size, 1..100000 (capped at the number of training images).
    epochs : int
        Maximum number of epochs, 1..10000.
    patience : int
        Early stopping: stop after this many epochs without a lower validation loss; 0 = off.
        The weights of the epoch with the lowest validation loss are always the ones returned.
    val_fraction : float
        Share of the training set held out for validation, in (0, 0.5].
    train_fraction : float
        Share of the remaining training images used, in (0, 1] (e.g. 0.1 for quick runs).
    seed : int
        Seed of the split, initial weights, shuffling and dropout masks.
    eval_train_loss : bool
        Also evaluate the training images in evaluation mode (no dropout, batch norm with its
        running statistics, no penalty) at the end of every epoch, into
        ``EpochRecord.train_eval_loss``/``train_eval_acc``. Costs one pass over the training
        set per epoch; the training itself is unchanged.
    """

    dataset: str = "digits"
    hidden: tuple[int, ...] = ()
    activation: str = "relu"
    init: str = "default"
    init_std: float = 0.01
    dropout: tuple[float, ...] | float = 0.0
    batch_norm: tuple[bool, ...] | bool = False
    l1: float = 0.0
    l2: float = 0.0
    optimizer: str = "sgd"
    lr: float = 0.1
    optimizer_params: Any = ()
    schedule: str = "none"
    schedule_params: Any = ()
    batch_size: int = 64
    epochs: int = 10
    patience: int = 0
    val_fraction: float = 0.2
    train_fraction: float = 1.0
    seed: int = 0
    eval_train_loss: bool = False

    def __post_init__(self) -> None:
        put = object.__setattr__.__get__(self)  # frozen: normalize through object.__setattr__

        def choice(name: str, allowed: Any) -> None:
            value = getattr(self, name)
            if not isinstance(value, str) or value not in allowed:
                raise ValueError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")

        choice("dataset", DATASETS)
        choice("activation", ACTIVATIONS)
        choice("init", INITS)
        choice("optimizer", OPTIMIZERS)
        choice("schedule", SCHEDULES)

        hidden = self.hidden
        if isinstance(hidden, (int, np.integer)) and not isinstance(hidden, bool):
            hidden = (hidden,)
        if not isinstance(hidden, (tuple, list)):
            raise ValueError(f"hidden must be a list of layer widths, got {hidden!r}")
        if len(hidden) > MAX_HIDDEN_LAYERS:
            raise ValueError(
                f"hidden must have at most {MAX_HIDDEN_LAYERS} layers, got {len(hidden)}"
            )
        hidden = tuple(
            int(check_scalar(w, f"hidden[{i}]", low=1, high=MAX_WIDTH, integer=True))
            for i, w in enumerate(hidden)
        )
        put("hidden", hidden)
        n = len(hidden)

        dropout = self.dropout
        if isinstance(dropout, (tuple, list)):
            if len(dropout) != n:
                raise ValueError(
                    f"dropout must have one value per hidden layer ({n}), got {len(dropout)}"
                )
        else:
            dropout = (dropout,) * n
            check_scalar(self.dropout, "dropout", low=0.0, high=1.0, high_inclusive=False)
        put(
            "dropout",
            tuple(
                float(check_scalar(p, "dropout", low=0.0, high=1.0, high_inclusive=False))
                for p in dropout
            ),
        )

        bn = self.batch_norm
        if isinstance(bn, (tuple, list)):
            if len(bn) != n:
                raise ValueError(
                    f"batch_norm must have one value per hidden layer ({n}), got {len(bn)}"
                )
        else:
            bn = (bn,) * n
            if not isinstance(self.batch_norm, (bool, np.bool_)):
                raise ValueError(f"batch_norm must be true or false, got {self.batch_norm!r}")
        for b in bn:
            if not isinstance(b, (bool, np.bool_)):
                raise ValueError(f"batch_norm must be true or false, got {b!r}")
        put("batch_norm", tuple(bool(b) for b in bn))

        put(
            "init_std",
            check_scalar(self.init_std, "init_std", low=0.0, high=10.0, low_inclusive=False),
        )
        put("l1", check_scalar(self.l1, "l1", low=0.0, high=10.0))
        put("l2", check_scalar(self.l2, "l2", low=0.0, high=10.0))
        put("lr", check_scalar(self.lr, "lr", low=0.0, high=1e4, low_inclusive=False))
        put(
            "batch_size",
            int(check_scalar(self.batch_size, "batch_size", low=1, high=100_000, integer=True)),
        )
        if any(self.batch_norm) and self.batch_size < 2:
            # batch norm cannot normalize a mini-batch of one image in training
            raise ValueError(f"batch_size must be >= 2 with batch norm, got {self.batch_size}")
        put("epochs", int(check_scalar(self.epochs, "epochs", low=1, high=10_000, integer=True)))
        patience = 0 if self.patience is None else self.patience
        put("patience", int(check_scalar(patience, "patience", low=0, high=10_000, integer=True)))
        put(
            "val_fraction",
            check_scalar(self.val_fraction, "val_fraction", low=0.0, high=0.5, low_inclusive=False),
        )
        put(
            "train_fraction",
            check_scalar(
                self.train_fraction, "train_fraction", low=0.0, high=1.0, low_inclusive=False
            ),
        )
        put("seed", int(check_scalar(self.seed, "seed", low=0, high=2**32 - 1, integer=True)))
        if not isinstance(self.eval_train_loss, (bool, np.bool_)):
            raise ValueError(f"eval_train_loss must be true or false, got {self.eval_train_loss!r}")
        put("eval_train_loss", bool(self.eval_train_loss))

        put(
            "optimizer_params",
            _resolve_params(
                self.optimizer_params,
                OPTIMIZERS[self.optimizer][2],
                "optimizer_params",
                self.optimizer,
            ),
        )
        if self.optimizer == "nesterov" and dict(self.optimizer_params)["momentum"] <= 0:
            # torch.optim.SGD refuses nesterov=True without momentum, in its own words
            raise ValueError(
                "optimizer_params momentum must be > 0 with nesterov, got "
                f"{dict(self.optimizer_params)['momentum']}"
            )
        put(
            "schedule_params",
            _resolve_params(
                self.schedule_params, SCHEDULES[self.schedule], "schedule_params", self.schedule
            ),
        )

    # --- derived views -------------------------------------------------------------------
    @property
    def optimizer_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of the torch optimizer (without ``lr``)."""
        return {**OPTIMIZERS[self.optimizer][1], **dict(self.optimizer_params)}

    @property
    def schedule_kwargs(self) -> dict[str, Any]:
        """Schedule parameters with ``T_max=None`` resolved to ``epochs``."""
        params = dict(self.schedule_params)
        if self.schedule == "cosine" and params.get("T_max") is None:
            params["T_max"] = self.epochs
        return params

    @property
    def layer_sizes(self) -> tuple[int, ...]:
        """(inputs, hidden..., classes), e.g. (784, 128, 10)."""
        spec = DATASETS[self.dataset]
        return (spec.n_features, *self.hidden, spec.n_classes)

    def summary(self) -> str:
        """One line for tables, e.g. ``mnist 784-128-10 relu | sgd lr=0.1 | batch 2000``."""
        extras = []
        if any(p > 0 for p in self.dropout):
            extras.append("dropout " + "/".join(f"{p:g}" for p in self.dropout))
        if any(self.batch_norm):
            extras.append("BN " + "".join("1" if b else "0" for b in self.batch_norm))
        if self.l1:
            extras.append(f"L1 {self.l1:g}")
        if self.l2:
            extras.append(f"L2 {self.l2:g}")
        if self.schedule != "none":
            extras.append(self.schedule)
        if self.patience:
            extras.append(f"patience {self.patience}")
        act = f" {self.activation}" if self.hidden else ""
        arch = "-".join(str(s) for s in self.layer_sizes)
        tail = (" | " + ", ".join(extras)) if extras else ""
        return (
            f"{self.dataset} {arch}{act} | {self.optimizer} lr={self.lr:g} | "
            f"batch {self.batch_size}{tail}"
        )

    # --- JSON ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (lists and dicts only)."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in ("optimizer_params", "schedule_params"):
                value = {k: list(v) if isinstance(v, tuple) else v for k, v in value}
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TrainConfig:
        """Inverse of :meth:`to_dict`; unknown keys raise ``ValueError``."""
        if not isinstance(d, Mapping):
            raise ValueError(f"config must be a JSON object, got {type(d).__name__}")
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(d) - names)
        if unknown:
            raise ValueError(f"config has unknown fields: {', '.join(map(str, unknown))}")
        kwargs = dict(d)
        for key in ("hidden", "dropout", "batch_norm"):
            if isinstance(kwargs.get(key), list):
                kwargs[key] = tuple(kwargs[key])
        return cls(**kwargs)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    @classmethod
    def from_json(cls, text: str | bytes) -> TrainConfig:
        try:
            d = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ValueError(f"config is not valid JSON: {exc}") from exc
        return cls.from_dict(d)

    def replace(self, **changes: Any) -> TrainConfig:
        """A copy with ``changes``. Changing ``optimizer``/``schedule`` resets their parameters
        to the new defaults unless given; changing ``hidden`` broadcasts a uniform
        ``dropout``/``batch_norm`` to the new depth."""
        d = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        if "optimizer" in changes and "optimizer_params" not in changes:
            d["optimizer_params"] = ()
        if "schedule" in changes and "schedule_params" not in changes:
            d["schedule_params"] = ()
        if "hidden" in changes:
            for key, fill in (("dropout", 0.0), ("batch_norm", False)):
                if key not in changes:
                    values = set(d[key])
                    d[key] = values.pop() if len(values) == 1 else fill
        d.update(changes)
        return TrainConfig(**d)


# ----------------------------------------------------------------------------- presets
_HW = {"dataset": "mnist", "batch_size": 2000, "epochs": 100, "val_fraction": 10_000 / 60_000}
# The homework does not state the hidden widths; these are ours.
HOMEWORK_WIDTHS: dict[int, tuple[int, ...]] = {0: (), 1: (128,), 2: (128, 64), 3: (256, 128, 64)}
_DIGITS = {
    "dataset": "digits",
    "optimizer": "adam",
    "lr": 1e-3,
    "batch_size": 64,
    "epochs": 1000,
    "patience": 20,
    "val_fraction": 0.2,
}

PRESETS: dict[str, TrainConfig] = {
    # MNIST homework: logistic baseline, 1/2/3 hidden ReLU layers, SGD, batch 2000
    "logistic": TrainConfig(**_HW, optimizer="sgd", lr=0.1),
    "hidden1": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[1], optimizer="sgd", lr=0.1),
    "hidden2": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[2], optimizer="sgd", lr=0.1),
    "hidden3": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[3], optimizer="sgd", lr=0.1),
    "logistic_lr001": TrainConfig(**_HW, optimizer="sgd", lr=0.01),
    "hidden1_lr001": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[1], optimizer="sgd", lr=0.01),
    "hidden2_lr001": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[2], optimizer="sgd", lr=0.01),
    "hidden3_lr001": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[3], optimizer="sgd", lr=0.01),
    # ... then the same networks with Adam and Adagrad at lr 0.01
    "adam": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[2], optimizer="adam", lr=0.01),
    "adagrad": TrainConfig(**_HW, hidden=HOMEWORK_WIDTHS[2], optimizer="adagrad", lr=0.01),
    # regularizers notebook: 64-64-128-64-64, dropout 0.33 after the first layer, one
    # BatchNorm(64) on the second, L1 and L2 (their strengths are not stated: ours)
    "regularized5": TrainConfig(
        dataset="mnist",
        hidden=(64, 64, 128, 64, 64),
        dropout=(0.33, 0.0, 0.0, 0.0, 0.0),
        batch_norm=(False, True, False, False, False),
        l1=1e-5,
        l2=1e-4,
        optimizer="adam",
        lr=1e-3,
        batch_size=128,
        epochs=30,
        val_fraction=10_000 / 60_000,
    ),
    # optical-digits report, cases a-f: Adam, early stopping on the validation loss
    "digits_a": TrainConfig(**_DIGITS, hidden=(10,), activation="relu"),
    "digits_b": TrainConfig(**_DIGITS, hidden=(40,), activation="relu"),
    "digits_c": TrainConfig(**_DIGITS, hidden=(10,), activation="tanh"),
    "digits_d": TrainConfig(**_DIGITS, hidden=(40,), activation="tanh"),
    "digits_e": TrainConfig(**_DIGITS, hidden=(10, 10), activation="relu"),
    "digits_f": TrainConfig(**_DIGITS, hidden=(40, 40), activation="relu"),
}

# presets by course document, in the order a page lists them
PRESET_GROUPS: dict[str, tuple[str, ...]] = {
    "homework": (
        "logistic", "hidden1", "hidden2", "hidden3", "logistic_lr001", "hidden1_lr001",
        "hidden2_lr001", "hidden3_lr001", "adam", "adagrad",
    ),
    "regularizers": ("regularized5",),
    "optical_digits": tuple(f"digits_{c}" for c in "abcdef"),
}  # fmt: skip

# test accuracies and losses printed in the optical-digits report, cases a-f
DIGITS_REPORT_ACCURACY = {"a": 0.960, "b": 0.980, "c": 0.956, "d": 0.972, "e": 0.960, "f": 0.983}
DIGITS_REPORT_LOSS = {"a": 0.125, "b": 0.069, "c": 0.141, "d": 0.086, "e": 0.149, "f": 0.074}
# the test loss that the report's text for case e quotes (it is case d's)
DIGITS_REPORT_E_TEXT_LOSS = 0.086
# the report's approximate training times in seconds: d and f shortest, b and c longest
DIGITS_REPORT_SECONDS = {"b": 8.5, "c": 8.5, "d": 4.6, "f": 4.6}

# Regularizers notebook. Its first model (4-2-1, no regularizers) scored 0.11349 on the MNIST
# test set: 1,135 / 10,000 stored as float32 and cut to five digits. MNIST's test set has
# these many images of each digit 0..9 (the "1"s are the largest class):
MNIST_TEST_CLASS_COUNTS = (980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009)
MNIST_TEST_MAJORITY_SHARE = max(MNIST_TEST_CLASS_COUNTS) / sum(MNIST_TEST_CLASS_COUNTS)
NOTEBOOK_CONSTANT_ACCURACY = 0.11349
# its dropout + batch-norm model: training loss (the running mean of an epoch) and test loss
NOTEBOOK_TRAIN_LOSS = 0.1084
NOTEBOOK_TEST_LOSS = 0.094

# torch's default learning rate of each optimizer class (SGD's is not a recommendation)
TORCH_DEFAULT_LR: dict[str, float] = {
    name: float(inspect.signature(cls).parameters["lr"].default)
    for name, (cls, _, _) in OPTIMIZERS.items()
}

# the homework's learning rate for Adam and Adagrad, carried over from its SGD runs
HOMEWORK_ADAPTIVE_LR = 0.01


@dataclass(frozen=True)
class MajorityBaseline:
    """How a classifier compares with always answering the most frequent class."""

    majority_class: int  # most frequent true class
    majority_share: float  # its share of the labels: the accuracy of a constant answer
    top_pred_class: int  # most frequent predicted class
    top_pred_share: float  # share of the predictions that name it
    accuracy: float
    chance: float  # 1 / n_classes: the accuracy of a uniformly random guess
    constant: bool  # no better than a constant answer, and most predictions name one class


def majority_baseline(
    y_true: Any,
    y_pred: Any,
    n_classes: int | None = None,
    tol: float = 0.01,
    min_top_share: float = 0.5,
) -> MajorityBaseline:
    r"""Compare an accuracy with the share of the largest class.

    A network that outputs the same class for every input scores exactly that class's share,
    :math:`\max_k n_k / n`. ``constant`` flags an accuracy within ``tol`` of it (or below)
    when at least ``min_top_share`` of the predictions name a single class: a collapsed
    network (e.g. a dead ReLU bottleneck), not one at chance level. An untrained network also
    scores about 1/K, but spreads its answers over the classes and is not flagged.

    Parameters
    ----------
    y_true, y_pred : array of int, shape (n,)
    n_classes : int, optional
        Number of classes (default: 1 + the largest label seen).
    tol : float
        Margin above the majority share that still counts as "no better", in [0, 1].
    min_top_share : float
        Share of the predictions that one class must take, in [0, 1].
    """
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError(
            f"y_true and y_pred must be 1-D of the same length >= 1, got shapes "
            f"{y_true.shape} and {y_pred.shape}"
        )
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if not np.issubdtype(y.dtype, np.integer) or y.min() < 0:
            raise ValueError(f"{name} must hold class indices >= 0")
    tol = check_scalar(tol, "tol", low=0.0, high=1.0)
    min_top_share = check_scalar(min_top_share, "min_top_share", low=0.0, high=1.0)
    k = int(max(y_true.max(), y_pred.max())) + 1
    if n_classes is not None:
        n_classes = int(check_scalar(n_classes, "n_classes", low=k, integer=True))
        k = n_classes
    n = y_true.size
    true_counts = np.bincount(y_true, minlength=k)
    pred_counts = np.bincount(y_pred, minlength=k)
    share = float(true_counts.max() / n)
    top_share = float(pred_counts.max() / n)
    acc = float(np.mean(y_true == y_pred))
    return MajorityBaseline(
        majority_class=int(true_counts.argmax()),
        majority_share=share,
        top_pred_class=int(pred_counts.argmax()),
        top_pred_share=top_share,
        accuracy=acc,
        chance=1.0 / k,
        constant=acc <= share + tol and top_share >= min_top_share,
    )


def course_grid(
    dataset: str = "mnist",
    depths: tuple[int, ...] = (0, 1, 2, 3),
    lrs: tuple[float, ...] = (0.1, 0.01),
    optimizer: str = "sgd",
    **overrides: Any,
) -> list[tuple[str, TrainConfig]]:
    """The homework grid: hidden depth x learning rate (SGD, batch 2000), as labelled configs.

    Example: ``course_grid(epochs=20)`` gives 8 configs, labels like ``"2 hidden, lr 0.01"``.
    """
    grid = []
    for depth in depths:
        if depth not in HOMEWORK_WIDTHS:
            raise ValueError(f"depths must be in 0..3, got {depth}")
        for lr in lrs:
            cfg = TrainConfig(
                **{
                    **_HW,
                    "dataset": dataset,
                    "hidden": HOMEWORK_WIDTHS[depth],
                    "optimizer": optimizer,
                    "lr": lr,
                    **overrides,
                }
            )
            grid.append((f"{depth} hidden, {optimizer} lr {lr:g}", cfg))
    return grid


# ----------------------------------------------------------------------------- builders
def build_optimizer(config: TrainConfig, params: Any) -> torch.optim.Optimizer:
    """The ``torch.optim`` optimizer named by ``config.optimizer`` with its hyperparameters."""
    cls = OPTIMIZERS[config.optimizer][0]
    # foreach: one fused call per operation over all tensors (torch uses it by default only on
    # GPUs); on the CPU it saves about a third of a small-batch Adam step, same numbers
    return cls(params, lr=config.lr, foreach=True, **config.optimizer_kwargs)


def build_scheduler(
    config: TrainConfig, optimizer: torch.optim.Optimizer
) -> torch.optim.lr_scheduler.LRScheduler | None:
    r"""The ``torch.optim.lr_scheduler`` of ``config.schedule`` (None for ``"none"``).

    ``step`` -> StepLR, ``exponential`` -> ExponentialLR, ``inverse_time`` ->
    LambdaLR with :math:`\eta_t = \eta_0 / (1 + k t)`, ``cosine`` -> CosineAnnealingLR,
    ``cosine_restarts`` -> CosineAnnealingWarmRestarts. Stepped once per epoch.
    """
    p = config.schedule_kwargs
    sched = torch.optim.lr_scheduler
    if config.schedule == "none":
        return None
    if config.schedule == "step":
        return sched.StepLR(optimizer, step_size=p["step_size"], gamma=p["gamma"])
    if config.schedule == "exponential":
        return sched.ExponentialLR(optimizer, gamma=p["gamma"])
    if config.schedule == "inverse_time":
        k = p["k"]
        return sched.LambdaLR(optimizer, lr_lambda=lambda t: 1.0 / (1.0 + k * t))
    if config.schedule == "cosine":
        return sched.CosineAnnealingLR(optimizer, T_max=p["T_max"], eta_min=p["eta_min"])
    return sched.CosineAnnealingWarmRestarts(
        optimizer, T_0=p["T_0"], T_mult=p["T_mult"], eta_min=p["eta_min"]
    )


# ----------------------------------------------------------------------------- records
@dataclass(frozen=True)
class StepRecord:
    """Progress inside an epoch (running means over the batches seen in this epoch)."""

    epoch: int  # 1-based epoch in progress
    step: int  # optimizer steps done since the start
    batch: int  # batches done in this epoch
    n_batches: int  # batches per epoch
    total_steps: int  # epochs x n_batches: an upper bound (early stopping may end sooner)
    train_loss: float
    train_acc: float
    lr: float
    grad_norm: float  # of the last step
    elapsed: float  # seconds of work (time spent inside the generator)
    kind: Literal["step"] = field(default="step", init=False)

    @property
    def progress(self) -> float:
        return self.step / self.total_steps if self.total_steps else 1.0


@dataclass(frozen=True)
class EpochRecord:
    """End of an epoch.

    ``train_loss``/``train_acc`` are running means over the epoch's mini-batches: each batch
    is scored with the weights of that moment (they change during the epoch), in training
    mode (dropout on, batch norm with batch statistics), and without the L1/L2 penalty.
    ``val_*`` evaluate the weights at the end of the epoch in evaluation mode.
    ``train_eval_*`` (only with ``config.eval_train_loss``, else None) evaluate those same
    end-of-epoch weights on the training images, in evaluation mode: the one training number
    that is comparable with the validation and test losses. ``complete=False`` marks an epoch
    cut short by Stop."""

    epoch: int
    step: int
    n_epochs: int
    train_loss: float
    train_acc: float
    val_loss: float
    val_acc: float
    lr: float  # used during this epoch
    grad_norm: float  # mean over the epoch's steps
    elapsed: float
    best_epoch: int
    is_best: bool
    complete: bool = True
    train_eval_loss: float | None = None
    train_eval_acc: float | None = None
    kind: Literal["epoch"] = field(default="epoch", init=False)


@dataclass(frozen=True)
class DivergedRecord:
    """The loss blew up; training stopped and kept the best weights seen so far.

    On a quadratic with largest Hessian eigenvalue lambda_max, gradient descent diverges once
    ``lr * lambda_max > 2``. ``lambda_max`` is estimated at the initial weights (power
    iteration on Hessian-vector products, one mini-batch); ``suggested_lr`` comes from
    :func:`suggest_lr`. ``step`` counts the optimizer steps done before the bad mini-batch.
    """

    epoch: int
    step: int
    loss: float  # the offending mini-batch loss (may be nan or inf)
    initial_loss: float
    lr: float
    lambda_max: float | None
    suggested_lr: float
    reason: Literal["nan", "inf", "grew"]
    optimizer: str
    kind: Literal["diverged"] = field(default="diverged", init=False)

    @property
    def adaptive(self) -> bool:
        """True for Adagrad, RMSprop, Adam, Adadelta (the lambda_max rule does not apply)."""
        return self.optimizer in _ADAPTIVE_LR_CAP

    @property
    def message(self) -> str:
        """The explanation in English (a page builds its own from the fields)."""
        what = {
            "nan": "the loss became NaN",
            "inf": "the loss became infinite",
            "grew": f"the loss grew to {self.loss:.3g} (it started at {self.initial_loss:.3g})",
        }[self.reason]
        if self.adaptive:
            why = (
                f"{self.optimizer} moves every weight by up to about lr per step, whatever the "
                f"size of the gradient, so lr = {self.lr:g} is too large"
            )
        else:
            why = "on a quadratic, gradient descent diverges once lr * lambda_max > 2"
            if self.lambda_max:
                why += (
                    f"; at the start lambda_max is about {self.lambda_max:.3g}, so "
                    f"lr * lambda_max is about {self.lr * self.lambda_max:.3g}"
                )
        return (
            f"training diverged at epoch {self.epoch}, step {self.step}: {what}. "
            f"The step is too large: {why}. Try lr = {self.suggested_lr:g}"
        )


Record = StepRecord | EpochRecord | DivergedRecord


@dataclass(frozen=True, eq=False)
class TrainResult:
    """The end of a run: best weights and their test evaluation.

    ``state_dict`` holds the weights of ``best_epoch`` (lowest validation loss; 0 = the initial
    weights, if no epoch finished). ``y_true``/``y_pred``/``probs`` are numpy arrays over the
    test set (probabilities = softmax of the logits, shape (n_test, n_classes)).
    """

    config: TrainConfig
    state_dict: dict[str, torch.Tensor]
    best_epoch: int
    epochs_run: int
    steps: int
    stop_reason: Literal["completed", "early_stopping", "stopped", "diverged"]
    best_val_loss: float
    best_val_acc: float
    train_loss: float  # best weights, evaluation mode, on the training images used
    train_acc: float
    test_loss: float
    test_acc: float
    y_true: np.ndarray
    y_pred: np.ndarray
    probs: np.ndarray
    history: tuple[EpochRecord, ...]
    seconds: float
    trainable_params: int
    buffers: int
    n_train: int
    n_val: int
    diverged: DivergedRecord | None = None
    kind: Literal["result"] = field(default="result", init=False)

    def model(self) -> nn.Sequential:
        """The network with the best weights, in evaluation mode."""
        model = build_model(self.config)
        model.load_state_dict(self.state_dict)
        return model.eval()

    def confusion_matrix(self, normalize: str | None = None) -> np.ndarray:
        """(n_classes, n_classes), rows = true class; ``normalize="true"`` divides rows."""
        from core import metrics

        labels = np.arange(self.probs.shape[1])
        return metrics.confusion_matrix(
            self.y_true, self.y_pred, labels=labels, normalize=normalize
        )

    def per_class(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per-class (precision, recall, f1, support) on the test set."""
        from core import metrics

        labels = np.arange(self.probs.shape[1])
        return metrics.precision_recall_f1(self.y_true, self.y_pred, labels=labels)

    def confident_mistakes(self, k: int = 12) -> list[tuple[int, int, int, float]]:
        """The ``k`` test errors with the highest predicted probability, as
        ``(test index, true class, predicted class, probability)``; use the index with
        ``data.images_test`` to show the image."""
        k = int(check_scalar(k, "k", low=1, high=10_000, integer=True))
        wrong = np.flatnonzero(self.y_pred != self.y_true)
        conf = self.probs[wrong, self.y_pred[wrong]]
        order = wrong[np.argsort(-conf, kind="stable")][:k]
        return [
            (int(i), int(self.y_true[i]), int(self.y_pred[i]), float(self.probs[i, self.y_pred[i]]))
            for i in order
        ]

    def history_csv(self) -> str:
        """The epoch history as CSV text (for a download button)."""
        cols = [
            "epoch",
            "step",
            "train_loss",
            "train_acc",
            "val_loss",
            "val_acc",
            "lr",
            "grad_norm",
            "elapsed",
            "complete",
        ]
        if self.config.eval_train_loss:
            cols += ["train_eval_loss", "train_eval_acc"]
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for rec in self.history:
            writer.writerow([getattr(rec, c) for c in cols])
        return buf.getvalue()

    def summary(self) -> dict[str, Any]:
        """JSON-ready key figures (the CLI's ``--json`` object)."""
        return {
            "dataset": self.config.dataset,
            "test_accuracy": self.test_acc,
            "test_loss": self.test_loss,
            "best_val_accuracy": self.best_val_acc,
            "best_val_loss": self.best_val_loss,
            "train_accuracy": self.train_acc,
            "train_loss": self.train_loss,
            "epochs_run": self.epochs_run,
            "best_epoch": self.best_epoch,
            "steps": self.steps,
            "stop_reason": self.stop_reason,
            "seconds": round(self.seconds, 3),
            "trainable_params": self.trainable_params,
            "buffers": self.buffers,
            "n_train": self.n_train,
            "n_val": self.n_val,
            "n_test": int(self.y_true.shape[0]),
            "diverged": self.diverged.message if self.diverged else None,
            "suggested_lr": self.diverged.suggested_lr if self.diverged else None,
            "config": self.config.to_dict(),
        }


# ----------------------------------------------------------------------------- helpers
_THREADS_SET = False


def available_cpus() -> int:
    """CPUs this process may use: its affinity mask, capped by a cgroup v2 CPU quota (a
    container such as Streamlit Community Cloud can see more cores than it may use)."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        n = os.cpu_count() or 1
    try:
        with open("/sys/fs/cgroup/cpu.max", encoding="ascii") as fh:
            quota, period = fh.read().split()[:2]
        if quota != "max":
            n = min(n, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, n)


def configure_threads(n: int | None = None) -> int:
    """Set torch's intra-op thread count and return it.

    ``n`` if given; else ``$PIZARRA_THREADS`` if set; else :func:`available_cpus`. Without
    ``n`` this runs once per process (the first :func:`train` call does it), so a page or a
    test can choose first. On a machine whose cores are busy with other processes, one
    thread can be much faster than two: OpenMP workers then wait for each other at every
    parallel operation (measured here: 12 s vs 0.7 s per MNIST epoch); set
    ``PIZARRA_THREADS=1`` there.
    """
    global _THREADS_SET
    if n is None:
        if _THREADS_SET:
            return torch.get_num_threads()
        env = os.environ.get("PIZARRA_THREADS", "").strip()
        n = int(env) if env.isdigit() and int(env) > 0 else available_cpus()
    n = int(check_scalar(n, "n", low=1, high=1024, integer=True))
    torch.set_num_threads(n)
    _THREADS_SET = True
    return n


def warm_up() -> None:
    """Pay torch's one-time costs now: the thread setting and the lazy imports that the first
    ``torch.optim`` optimizer triggers (several seconds on a busy machine). A page can call it
    where it loads the dataset, so the first Start responds at once."""
    configure_threads()
    layer = nn.Linear(2, 2)
    for name in ("sgd", "adam"):
        build_optimizer(TrainConfig(optimizer=name, lr=0.1), layer.parameters())


@dataclass(frozen=True)
class Evaluation:
    loss: float  # mean cross-entropy
    acc: float
    probs: torch.Tensor | None = None  # (n, n_classes) when asked for


@torch.inference_mode()
def evaluate(
    model: nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    idx: torch.Tensor | None = None,
    return_probs: bool = False,
    batch_size: int = EVAL_BATCH,
) -> Evaluation:
    """Mean cross-entropy and accuracy of ``model`` (evaluation mode) on ``x[idx]``, in large
    batches, without building a graph. The model's train/eval mode is restored afterwards."""
    was_training = model.training
    model.eval()
    n = int(idx.shape[0]) if idx is not None else int(x.shape[0])
    total, correct, probs = 0.0, 0, []
    for start in range(0, n, batch_size):
        if idx is not None:
            sel = idx[start : start + batch_size]
            xb, yb = x.index_select(0, sel), y.index_select(0, sel)
        else:
            xb, yb = x[start : start + batch_size], y[start : start + batch_size]
        logits = model(xb)
        total += float(F.cross_entropy(logits, yb, reduction="sum"))
        correct += int((logits.argmax(1) == yb).sum())
        if return_probs:
            probs.append(torch.softmax(logits, dim=1))
    model.train(was_training)
    return Evaluation(
        loss=total / max(n, 1),
        acc=correct / max(n, 1),
        probs=torch.cat(probs) if return_probs else None,
    )


def _weights(model: nn.Module) -> list[torch.Tensor]:
    return [m.weight for m in model.modules() if isinstance(m, nn.Linear)]


def _penalty(weights: list[torch.Tensor], l1: float, l2: float) -> torch.Tensor | None:
    r"""Regularization term :math:`\alpha \sum|W| + \tfrac{\lambda}{2}\sum W^2`."""
    term = None
    if l1:
        term = l1 * sum(w.abs().sum() for w in weights)
    if l2:
        sq = 0.5 * l2 * sum(w.pow(2).sum() for w in weights)
        term = sq if term is None else term + sq
    return term


def estimate_lambda_max(
    model: nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    l2: float = 0.0,
    iters: int = 20,
    seed: int = 0,
) -> float:
    r"""Largest Hessian eigenvalue (in magnitude) of the training loss on one batch.

    Power iteration :math:`v \leftarrow Hv/\|Hv\|` with Hessian-vector products from double
    backpropagation (Pearlmutter, 1994); the model is evaluated in evaluation mode (no dropout
    noise). Gradient descent on a quadratic is stable only for :math:`\eta < 2/\lambda_{max}`.
    """
    was_training = model.training
    model.eval()
    params = [p for p in model.parameters() if p.requires_grad]
    with torch.enable_grad():
        loss = F.cross_entropy(model(x), y)
        pen = _penalty(_weights(model), 0.0, l2)
        if pen is not None:
            loss = loss + pen
        grads = torch.autograd.grad(loss, params, create_graph=True)
        gen = torch.Generator().manual_seed(seed)
        v = [torch.randn(p.shape, generator=gen) for p in params]
        norm = math.sqrt(sum(float((t * t).sum()) for t in v))
        v = [t / norm for t in v]
        lam = 0.0
        for _ in range(iters):
            hv = torch.autograd.grad(
                grads, params, grad_outputs=v, retain_graph=True, allow_unused=True
            )
            hv = [torch.zeros_like(p) if h is None else h for h, p in zip(hv, params, strict=True)]
            norm = math.sqrt(sum(float((h * h).sum()) for h in hv))
            if not math.isfinite(norm) or norm == 0.0:
                break
            lam = norm
            v = [h / norm for h in hv]
    model.train(was_training)
    return lam


def _round_down_125(x: float) -> float:
    """Largest number of the form {1, 2, 5} x 10^k that is <= x."""
    if x <= 0 or not math.isfinite(x):
        return x
    k = math.floor(math.log10(x))
    for m in (5, 2, 1):
        if m * 10**k <= x * (1 + 1e-12):
            return float(f"{m * 10**k:.3g}")
    return float(f"{10 ** (k - 1) * 5:.3g}")


_ADAPTIVE_LR_CAP = {"adagrad": 0.1, "rmsprop": 0.01, "adam": 0.01, "adadelta": 1.0}


@with_latex(STABILITY_LATEX)
def suggest_lr(config: TrainConfig, lambda_max: float | None) -> float:
    """A learning rate to try after a divergence, rounded down to 1, 2 or 5 times a power of 10.

    At most ``lr / 10``. For the SGD family with momentum beta, also at most half the
    quadratic stability limit ``2 (1 + beta) / lambda_max``. Adaptive methods scale each step
    to about ``lr`` per weight whatever the curvature, so they are capped instead at a usual
    value (Adam and RMSprop 0.01, Adagrad 0.1, Adadelta 1). Gradient descent on a quadratic
    is stable exactly when the condition below holds (Goodfellow et al. 2016, 4.3.1).
    """
    cap = config.lr / 10
    if config.optimizer in _ADAPTIVE_LR_CAP:
        cap = min(cap, _ADAPTIVE_LR_CAP[config.optimizer])
    elif lambda_max and lambda_max > 0:
        beta = config.optimizer_kwargs.get("momentum", 0.0)
        cap = min(cap, (1 + beta) / lambda_max)
    return _round_down_125(cap)


class _Clock:
    """Seconds of work: time spent inside the generator, not while it waits at a yield."""

    def __init__(self) -> None:
        self.spent = 0.0
        self.since = time.perf_counter()

    def now(self) -> float:
        return self.spent + time.perf_counter() - self.since

    def pause(self) -> None:
        self.spent += time.perf_counter() - self.since

    def resume(self) -> None:
        self.since = time.perf_counter()


# ----------------------------------------------------------------------------- the loop
@with_latex(OBJECTIVE_LATEX)
def train(
    config: TrainConfig,
    data: Dataset,
    stop: Callable[[], bool] | None = None,
    *,
    report_every_s: float | None = 0.25,
    report_every_steps: int | None = None,
) -> Iterator[StepRecord | EpochRecord | DivergedRecord | TrainResult]:
    """Train the MLP of ``config`` on ``data``, yielding records and finally a TrainResult.

    Each step minimizes the mean cross-entropy of a mini-batch plus the penalties (formula
    below, ``train.latex``; alpha = ``l1``, lambda = ``l2``, W = the weight matrices), over
    in-memory tensors shuffled by index (``torch.randperm``) and sliced per batch (no
    ``DataLoader``); evaluation runs in large batches under ``torch.inference_mode()``. A final
    mini-batch of a single image is skipped (batch norm cannot normalize one sample).

    Parameters
    ----------
    config : TrainConfig
    data : Dataset
        From :func:`core.data.load_dataset`; its name must equal ``config.dataset``.
    stop : callable, optional
        Checked before every step; when it returns True the run ends after the current step:
        the weights at that moment are evaluated on validation and compete with the best
        epoch, and the TrainResult is yielded.
    report_every_s : float or None
        Yield a StepRecord after this many seconds of work since the last one (None: never).
    report_every_steps : int or None
        Also yield a StepRecord at every multiple of this many steps (deterministic).

    Yields
    ------
    StepRecord, EpochRecord, DivergedRecord, then one TrainResult (always last).

    References
    ----------
    Goodfellow, Bengio & Courville, *Deep Learning* (2016), 7.1 (penalties), 7.8 (early
    stopping), 8.1.3 (mini-batch SGD).
    """
    if not isinstance(config, TrainConfig):
        raise ValueError(f"config must be a TrainConfig, got {type(config).__name__}")
    if data.name != config.dataset:
        raise ValueError(f"data must be the {config.dataset} dataset, got {data.name}")
    if report_every_s is not None:
        check_scalar(report_every_s, "report_every_s", low=0.0)
    if report_every_steps is not None:
        report_every_steps = int(
            check_scalar(report_every_steps, "report_every_steps", low=1, integer=True)
        )
    configure_threads()
    clock = _Clock()

    split = split_indices(data, config.val_fraction, config.seed, config.train_fraction)
    x_all, y_all = data.x_train, data.y_train
    model_seed, shuffle_seed = np.random.SeedSequence(config.seed).generate_state(2)
    model_gen = torch.Generator().manual_seed(int(model_seed))
    shuffle_gen = torch.Generator().manual_seed(int(shuffle_seed))
    model = build_model(config, generator=model_gen)
    trainable, buffers = count_parameters(model)
    params = [p for p in model.parameters() if p.requires_grad]
    weights = _weights(model)
    optimizer = build_optimizer(config, params)
    scheduler = build_scheduler(config, optimizer)

    def snapshot() -> dict[str, torch.Tensor]:
        return {k: v.detach().clone() for k, v in model.state_dict().items()}

    initial_state = snapshot()
    n = split.n_train
    B = min(config.batch_size, n)
    n_batches = math.ceil(n / B)
    if n % B == 1 and n_batches > 1:
        n_batches -= 1  # skip a last batch of one image
    total_steps = config.epochs * n_batches

    best_state, best_epoch = initial_state, 0
    best_val_loss, best_val_acc = math.inf, math.nan
    history: list[EpochRecord] = []
    diverged: DivergedRecord | None = None
    stop_reason = "completed"
    initial_loss: float | None = None
    wait, step, epoch = 0, 0, 0
    last_report_t = 0.0

    def diverge(loss_value: float) -> DivergedRecord:
        reason = "nan" if math.isnan(loss_value) else ("inf" if math.isinf(loss_value) else "grew")
        model.load_state_dict(initial_state)
        probe = split.train_idx[: min(n, 1024)]
        try:
            lam = estimate_lambda_max(
                model, x_all[probe], y_all[probe], config.l2, seed=config.seed
            )
        except RuntimeError:  # e.g. a batch-norm layer with a single-sample probe
            lam = None
        return DivergedRecord(
            epoch=epoch,
            step=step,
            loss=loss_value,
            initial_loss=initial_loss if initial_loss is not None else math.nan,
            lr=float(optimizer.param_groups[0]["lr"]),
            lambda_max=lam or None,
            suggested_lr=suggest_lr(config, lam),
            reason=reason,
            optimizer=config.optimizer,
        )

    for epoch in range(1, config.epochs + 1):
        model.train()
        order = split.train_idx[torch.randperm(n, generator=shuffle_gen)]
        lr_now = float(optimizer.param_groups[0]["lr"])
        sum_loss, seen = 0.0, 0
        correct = torch.zeros((), dtype=torch.int64)
        gnorm_sum = torch.zeros(())
        gnorm = torch.zeros(())
        batches_done = 0
        for b in range(n_batches):
            if stop is not None and stop():
                stop_reason = "stopped"
                break
            idx = order[b * B : (b + 1) * B]
            xb = x_all.index_select(0, idx)
            yb = y_all.index_select(0, idx)
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            loss_value = loss.item()
            if initial_loss is None:
                initial_loss = loss_value
            if not math.isfinite(loss_value) or loss_value > DIVERGENCE_FACTOR * initial_loss:
                stop_reason = "diverged"
                diverged = diverge(loss_value)
                break
            pen = _penalty(weights, config.l1, config.l2)
            objective = loss if pen is None else loss + pen
            optimizer.zero_grad(set_to_none=True)
            objective.backward()
            gnorm = torch.nn.utils.get_total_norm([p.grad for p in params if p.grad is not None])
            optimizer.step()
            step += 1
            batches_done += 1
            size = int(yb.shape[0])
            sum_loss += loss_value * size
            seen += size
            correct += (logits.detach().argmax(1) == yb).sum()
            gnorm_sum += gnorm
            now = clock.now()
            due = (report_every_s is not None and now - last_report_t >= report_every_s) or (
                report_every_steps is not None and step % report_every_steps == 0
            )
            if due:
                last_report_t = now
                rec = StepRecord(
                    epoch=epoch,
                    step=step,
                    batch=b + 1,
                    n_batches=n_batches,
                    total_steps=total_steps,
                    train_loss=sum_loss / seen,
                    train_acc=int(correct) / seen,
                    lr=lr_now,
                    grad_norm=float(gnorm),
                    elapsed=now,
                )
                clock.pause()
                yield rec
                clock.resume()

        if stop_reason == "diverged":
            break
        complete = batches_done == n_batches
        if batches_done == 0:
            break  # stopped before this epoch did any work
        if complete and scheduler is not None:
            scheduler.step()
        val = evaluate(model, x_all, y_all, split.val_idx)
        if not math.isfinite(val.loss):
            stop_reason = "diverged"
            diverged = diverge(val.loss)
            break
        train_eval = None
        if config.eval_train_loss:
            train_eval = evaluate(model, x_all, y_all, split.train_idx)
        is_best = val.loss < best_val_loss
        if is_best:
            best_state, best_epoch = snapshot(), epoch
            best_val_loss, best_val_acc = val.loss, val.acc
            wait = 0
        else:
            wait += 1
        rec = EpochRecord(
            epoch=epoch,
            step=step,
            n_epochs=config.epochs,
            train_loss=sum_loss / seen,
            train_acc=int(correct) / seen,
            val_loss=val.loss,
            val_acc=val.acc,
            lr=lr_now,
            grad_norm=float(gnorm_sum) / batches_done,
            elapsed=clock.now(),
            best_epoch=best_epoch,
            is_best=is_best,
            complete=complete,
            train_eval_loss=None if train_eval is None else train_eval.loss,
            train_eval_acc=None if train_eval is None else train_eval.acc,
        )
        history.append(rec)
        last_report_t = clock.now()
        clock.pause()
        yield rec
        clock.resume()
        if stop_reason == "stopped":
            break
        if config.patience and wait >= config.patience:
            stop_reason = "early_stopping"
            break
        if stop is not None and stop():
            stop_reason = "stopped"
            break

    if diverged is not None:
        clock.pause()
        yield diverged
        clock.resume()
    epochs_run = history[-1].epoch if history else 0

    model.load_state_dict(best_state)
    if best_epoch == 0:  # no epoch finished: report the initial weights on validation
        val = evaluate(model, x_all, y_all, split.val_idx)
        best_val_loss, best_val_acc = val.loss, val.acc
    train_eval = evaluate(model, x_all, y_all, split.train_idx)
    test_eval = evaluate(model, data.x_test, data.y_test, return_probs=True)
    assert test_eval.probs is not None
    probs = test_eval.probs.numpy().astype(np.float32)
    yield TrainResult(
        config=config,
        state_dict=best_state,
        best_epoch=best_epoch,
        epochs_run=epochs_run,
        steps=step,
        stop_reason=stop_reason,  # type: ignore[arg-type]
        best_val_loss=best_val_loss,
        best_val_acc=best_val_acc,
        train_loss=train_eval.loss,
        train_acc=train_eval.acc,
        test_loss=test_eval.loss,
        test_acc=test_eval.acc,
        y_true=data.y_test.numpy().copy(),
        y_pred=probs.argmax(axis=1).astype(np.int64),
        probs=probs,
        history=tuple(history),
        seconds=clock.now(),
        trainable_params=trainable,
        buffers=buffers,
        n_train=n,
        n_val=split.n_val,
        diverged=diverged,
    )


class TrainingRun:
    """A :func:`train` generator that can be pulled in time slices, stopped, and finished.

    Made for a page that keeps it in ``st.session_state``: no thread, no Streamlit inside.

    Attributes
    ----------
    history : list of EpochRecord
    last_step : StepRecord or None
    diverged : DivergedRecord or None
    result : TrainResult or None
        Set once the run is over (``done``).
    """

    def __init__(
        self,
        config: TrainConfig,
        data: Dataset,
        *,
        report_every_s: float | None = 0.25,
        report_every_steps: int | None = None,
    ) -> None:
        self.config = config
        self._stop_requested = False
        self._gen = train(
            config,
            data,
            stop=self._should_stop,
            report_every_s=report_every_s,
            report_every_steps=report_every_steps,
        )
        self.history: list[EpochRecord] = []
        self.last_step: StepRecord | None = None
        self.diverged: DivergedRecord | None = None
        self.result: TrainResult | None = None

    def _should_stop(self) -> bool:
        return self._stop_requested

    @property
    def done(self) -> bool:
        return self.result is not None

    @property
    def stop_requested(self) -> bool:
        return self._stop_requested

    @property
    def progress(self) -> float:
        """Share of the maximum number of steps (epochs) done, in [0, 1]."""
        if self.done:
            return 1.0
        p = 0.0
        if self.last_step is not None:
            p = self.last_step.progress
        if self.history:
            p = max(p, self.history[-1].epoch / self.history[-1].n_epochs)
        return p

    @property
    def elapsed(self) -> float:
        """Seconds of work so far."""
        if self.result is not None:
            return self.result.seconds
        times = [
            r.elapsed
            for r in (self.last_step, self.history[-1] if self.history else None)
            if r is not None
        ]
        return max(times, default=0.0)

    def eta(self) -> float | None:
        """Seconds of work left at the current pace, if the run goes to its last epoch."""
        p = self.progress
        if self.done:
            return 0.0
        if p <= 0:
            return None
        return self.elapsed * (1 - p) / p

    def stop(self) -> None:
        """Ask the run to end: the next pull finishes it after at most one more step."""
        self._stop_requested = True

    def _track(self, rec: Any) -> None:
        if rec.kind == "step":
            self.last_step = rec
        elif rec.kind == "epoch":
            self.history.append(rec)
        elif rec.kind == "diverged":
            self.diverged = rec
        elif rec.kind == "result":
            self.result = rec

    def __iter__(self) -> TrainingRun:
        return self

    def __next__(self) -> StepRecord | EpochRecord | DivergedRecord | TrainResult:
        if self.done:
            raise StopIteration
        rec = next(self._gen)
        self._track(rec)
        return rec

    def pull(self, seconds: float = 0.4) -> list[Any]:
        """Run for about ``seconds`` (at least one record) and return the new records.

        The generator only hands back control at a record, so keep ``report_every_s`` below
        ``seconds``; the last record is the TrainResult when the run ends.
        """
        out: list[Any] = []
        deadline = time.perf_counter() + seconds
        while not self.done:
            out.append(next(self))
            if time.perf_counter() >= deadline:
                break
        return out

    def finish(self) -> TrainResult:
        """Stop (within one step) and return the result with the best weights so far."""
        self.stop()
        return self.run_to_end()

    def run_to_end(self) -> TrainResult:
        """Pull until the run is over and return its result."""
        while not self.done:
            next(self)
        assert self.result is not None
        return self.result


# ----------------------------------------------------------------------------- code export
def _py(value: Any) -> str:
    return repr(tuple(value)) if isinstance(value, tuple) else repr(value)


def pytorch_code(config: TrainConfig) -> str:
    """Standalone, runnable PyTorch script that builds the configured model and trains it.

    Plain PyTorch only (``torch``, plus ``scikit-learn`` for digits or ``torchvision`` for
    MNIST); the layer names equal :func:`core.models.build_model`'s, so weights downloaded from
    the app load into it with ``model.load_state_dict(torch.load(path, weights_only=True))``.
    """
    spec = DATASETS[config.dataset]
    if config.dataset == "digits":
        data_code = '''\
def load_data():
    """scikit-learn's 8x8 digits (1,797 images, pixels 0..16); a random 25 % test split."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    X = torch.tensor(digits.images.reshape(len(digits.images), -1), dtype=torch.float32) / 16.0
    y = torch.tensor(digits.target, dtype=torch.int64)
    perm = torch.randperm(len(y))
    n_test = round(0.25 * len(y))
    return X[perm[n_test:]], y[perm[n_test:]], X[perm[:n_test]], y[perm[:n_test]]
'''
    else:
        cls = "MNIST" if config.dataset == "mnist" else "FashionMNIST"
        data_code = f'''\
def load_data():
    """{cls} from torchvision, stored in $PIZARRA_DATA_DIR (default ./data)."""
    from torchvision import datasets

    root = os.environ.get("PIZARRA_DATA_DIR", "data")
    train = datasets.{cls}(root, train=True, download=True)
    test = datasets.{cls}(root, train=False, download=True)
    X = train.data.reshape(len(train.data), -1).float() / 255.0
    X_test = test.data.reshape(len(test.data), -1).float() / 255.0
    return X, train.targets, X_test, test.targets
'''
    layers = []
    fan_in = spec.n_features
    act_cls = ACTIVATIONS[config.activation].__name__
    for k, width in enumerate(config.hidden, start=1):
        layers.append(f'    ("fc{k}", nn.Linear({fan_in}, {width})),')
        if config.batch_norm[k - 1]:
            layers.append(f'    ("bn{k}", nn.BatchNorm1d({width})),')
        layers.append(f'    ("act{k}", nn.{act_cls}()),')
        if config.dropout[k - 1] > 0:
            layers.append(f'    ("drop{k}", nn.Dropout(p={config.dropout[k - 1]:g})),')
        fan_in = width
    layers.append(f'    ("out", nn.Linear({fan_in}, {spec.n_classes})),')

    init_code = ""
    if config.init != "default":
        nl = {"relu": "relu", "elu": "relu", "leaky_relu": "leaky_relu"}.get(
            config.activation, config.activation
        )
        a = ", a=0.01" if nl == "leaky_relu" else ""
        rule = {
            "kaiming": f'nn.init.kaiming_normal_(layer.weight{a}, nonlinearity="linear" '
            f'if name == "out" else "{nl}")',
            "xavier": "nn.init.xavier_normal_(layer.weight)",
            "normal": f"nn.init.normal_(layer.weight, 0.0, {config.init_std!r})",
        }[config.init]
        init_code = f"""
# initialization: {config.init}
with torch.no_grad():
    for name, layer in model.named_children():
        if isinstance(layer, nn.Linear):
            {rule}
            nn.init.zeros_(layer.bias)
"""
    cls_name = OPTIMIZERS[config.optimizer][0].__name__
    kwargs = "".join(f", {k}={_py(v)}" for k, v in config.optimizer_kwargs.items())
    p = config.schedule_kwargs
    sched = {
        "none": "None",
        "step": f"torch.optim.lr_scheduler.StepLR(optimizer, step_size={p.get('step_size')}, "
        f"gamma={p.get('gamma')!r})",
        "exponential": f"torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma={p.get('gamma')!r})",
        "inverse_time": "torch.optim.lr_scheduler.LambdaLR(optimizer, "
        f"lambda t: 1.0 / (1.0 + {p.get('k')!r} * t))",
        "cosine": f"torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max={p.get('T_max')}, "
        f"eta_min={p.get('eta_min')!r})",
        "cosine_restarts": "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, "
        f"T_0={p.get('T_0')}, T_mult={p.get('T_mult')}, "
        f"eta_min={p.get('eta_min')!r})",
    }[config.schedule]
    penalty_lines = []
    if config.l1:
        penalty_lines.append(
            f"        objective = objective + {config.l1!r} * sum(w.abs().sum() for w in weights)"
            "  # L1"
        )
    if config.l2:
        penalty_lines.append(
            f"        objective = objective + 0.5 * {config.l2!r} * sum(w.pow(2).sum() for w in weights)"
            "  # L2"
        )
    penalty = ("\n" + "\n".join(penalty_lines)) if penalty_lines else ""
    patience = config.patience
    return f'''\
"""Train an MLP on {config.dataset}: {config.summary()}.

Generated by Pizarra. Standalone: needs only PyTorch and {"scikit-learn" if config.dataset == "digits" else "torchvision"}.
"""

import copy
import math
import os
from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed({config.seed})
EPOCHS = {config.epochs}
BATCH_SIZE = {config.batch_size}
VAL_FRACTION = {config.val_fraction!r}
TRAIN_FRACTION = {config.train_fraction!r}
PATIENCE = {patience}  # epochs without a lower validation loss before stopping (0 = never)
MEAN, STD = {spec.mean!r}, {spec.std!r}  # one pair of constants for the whole dataset


{data_code}

X, y, X_test, y_test = load_data()
X, X_test = (X - MEAN) / STD, (X_test - MEAN) / STD  # normalized once, in memory
perm = torch.randperm(len(y))
n_val = round(VAL_FRACTION * len(y))
val_idx, train_idx = perm[:n_val], perm[n_val:]
train_idx = train_idx[: max(2, round(TRAIN_FRACTION * len(train_idx)))]

model = nn.Sequential(OrderedDict([
{chr(10).join(layers)}
]))
{init_code}
optimizer = torch.optim.{cls_name}(model.parameters(), lr={config.lr!r}{kwargs})
scheduler = {sched}
weights = [m.weight for m in model.modules() if isinstance(m, nn.Linear)]


def evaluate(X, y):
    model.eval()
    with torch.inference_mode():
        logits = model(X)
        return F.cross_entropy(logits, y).item(), (logits.argmax(1) == y).float().mean().item()


best_loss, best_state, best_epoch, wait = math.inf, copy.deepcopy(model.state_dict()), 0, 0
for epoch in range(1, EPOCHS + 1):
    model.train()
    order = train_idx[torch.randperm(len(train_idx))]  # shuffle by index, slice per batch
    for start in range(0, len(order), BATCH_SIZE):
        idx = order[start : start + BATCH_SIZE]
        if len(idx) < 2:
            continue  # batch norm cannot normalize a single image
        loss = F.cross_entropy(model(X[idx]), y[idx])
        objective = loss{penalty}
        optimizer.zero_grad()
        objective.backward()
        optimizer.step()
    if scheduler is not None:
        scheduler.step()
    val_loss, val_acc = evaluate(X[val_idx], y[val_idx])
    print(f"epoch {{epoch:4d}}  val_loss {{val_loss:.4f}}  val_acc {{val_acc:.4f}}")
    if val_loss < best_loss:
        best_loss, best_state, best_epoch, wait = val_loss, copy.deepcopy(model.state_dict()), epoch, 0
    else:
        wait += 1
        if PATIENCE and wait >= PATIENCE:
            print(f"early stopping: no improvement for {{PATIENCE}} epochs")
            break

model.load_state_dict(best_state)  # the weights with the lowest validation loss
test_loss, test_acc = evaluate(X_test, y_test)
print(f"best_epoch {{best_epoch}}  test_loss {{test_loss:.4f}}  test_accuracy {{test_acc:.4f}}")
'''


# ----------------------------------------------------------------------------- command line
def _key_value(text: str) -> tuple[str, Any]:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    name, raw = text.split("=", 1)
    raw = raw.strip()
    if raw.lower() in ("true", "false"):
        return name.strip(), raw.lower() == "true"
    if raw.lower() in ("none", "null"):
        return name.strip(), None
    try:
        if "," in raw:
            return name.strip(), tuple(float(v) for v in raw.split(","))
        num = float(raw)
        return name.strip(), int(
            num
        ) if num.is_integer() and "." not in raw and "e" not in raw.lower() else num
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"bad value in {text!r}") from exc


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m core.train",
        description="Train an MLP classifier (digits / MNIST / Fashion-MNIST) from the terminal.",
    )
    S = argparse.SUPPRESS
    ap.add_argument(
        "--preset",
        choices=list(PRESETS),
        default=S,
        help="start from a named configuration; other flags override it",
    )
    ap.add_argument("--config", metavar="FILE", default=S, help="start from a JSON config file")
    ap.add_argument("--dataset", choices=list(DATASETS), default=S)
    ap.add_argument(
        "--hidden",
        type=int,
        nargs="*",
        default=S,
        metavar="WIDTH",
        help="hidden widths; none = multinomial logistic regression",
    )
    ap.add_argument("--activation", choices=list(ACTIVATIONS), default=S)
    ap.add_argument("--init", choices=list(INITS), default=S)
    ap.add_argument("--init-std", type=float, default=S)
    ap.add_argument(
        "--dropout",
        type=float,
        nargs="+",
        default=S,
        metavar="P",
        help="drop probability, one value or one per hidden layer",
    )
    ap.add_argument(
        "--batch-norm",
        type=int,
        nargs="*",
        choices=(0, 1),
        default=S,
        help="batch norm on every hidden layer, or 0/1 per layer",
    )
    ap.add_argument("--l1", type=float, default=S)
    ap.add_argument("--l2", type=float, default=S)
    ap.add_argument("--optimizer", choices=list(OPTIMIZERS), default=S)
    ap.add_argument("--lr", type=float, default=S)
    ap.add_argument(
        "--optimizer-param",
        type=_key_value,
        action="append",
        default=S,
        metavar="NAME=VALUE",
        help="e.g. momentum=0.95 or betas=0.9,0.99",
    )
    ap.add_argument("--schedule", choices=list(SCHEDULES), default=S)
    ap.add_argument(
        "--schedule-param",
        type=_key_value,
        action="append",
        default=S,
        metavar="NAME=VALUE",
        help="e.g. step_size=10 or T_max=50",
    )
    ap.add_argument("--batch-size", type=int, default=S)
    ap.add_argument("--epochs", type=int, default=S)
    ap.add_argument("--patience", type=int, default=S, help="early stopping; 0 = off")
    ap.add_argument("--val-fraction", type=float, default=S)
    ap.add_argument("--train-fraction", type=float, default=S)
    ap.add_argument("--seed", type=int, default=S)
    ap.add_argument(
        "--eval-train-loss",
        action="store_true",
        default=S,
        help="also evaluate the training images in evaluation mode (no dropout, no penalty) "
        "at the end of each epoch; the default train loss is the running mean of the "
        "epoch's mini-batch losses in training mode",
    )
    ap.add_argument("--data-dir", default=None, help="overrides PIZARRA_DATA_DIR")
    ap.add_argument("--no-download", action="store_true", help="never download data")
    ap.add_argument(
        "--save-weights", metavar="FILE", default=None, help="write the best state_dict"
    )
    ap.add_argument(
        "--print-code",
        action="store_true",
        help="print the standalone PyTorch script for this config and exit",
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    return ap


def _config_from_args(ns: argparse.Namespace) -> TrainConfig:
    base: dict[str, Any] = {}
    if hasattr(ns, "config"):
        try:
            with open(ns.config, encoding="utf-8") as fh:
                base = TrainConfig.from_json(fh.read()).to_dict()
        except OSError as exc:
            raise ValueError(f"config file could not be read: {exc}") from exc
    if hasattr(ns, "preset"):
        base = PRESETS[ns.preset].to_dict()
    given = vars(ns)
    flat = {
        "dataset": "dataset",
        "hidden": "hidden",
        "activation": "activation",
        "init": "init",
        "init_std": "init_std",
        "l1": "l1",
        "l2": "l2",
        "optimizer": "optimizer",
        "lr": "lr",
        "schedule": "schedule",
        "batch_size": "batch_size",
        "epochs": "epochs",
        "patience": "patience",
        "val_fraction": "val_fraction",
        "train_fraction": "train_fraction",
        "seed": "seed",
        "eval_train_loss": "eval_train_loss",
    }
    for attr, key in flat.items():
        if attr in given:
            base[key] = given[attr]
    if "hidden" in given:
        base["hidden"] = tuple(given["hidden"] or ())
    n_hidden = len(base.get("hidden", ()))
    if "optimizer" in given and "optimizer_param" not in given:
        base["optimizer_params"] = {}
    if "schedule" in given and "schedule_param" not in given:
        base["schedule_params"] = {}
    if "hidden" in given:  # depth changed: per-layer lists from a preset no longer fit
        for key, fill in (("dropout", 0.0), ("batch_norm", False)):
            values = base.get(key)
            if isinstance(values, list) and len(values) != n_hidden:
                base[key] = values[0] if len(set(values)) == 1 else fill
    if "dropout" in given:
        d = given["dropout"]
        base["dropout"] = d[0] if len(d) == 1 else tuple(d)
    if "batch_norm" in given:
        bn = given["batch_norm"]
        base["batch_norm"] = True if not bn else tuple(bool(v) for v in bn)
    if "optimizer_param" in given:
        base["optimizer_params"] = dict(given["optimizer_param"])
    if "schedule_param" in given:
        base["schedule_params"] = dict(given["schedule_param"])
    for key in ("hidden", "dropout", "batch_norm"):
        if isinstance(base.get(key), list):
            base[key] = tuple(base[key])
    return TrainConfig(**base)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (2 for bad flags or data)."""
    ap = _parser()
    ns = ap.parse_args(argv)  # bad flags: argparse prints usage and exits with status 2
    try:
        config = _config_from_args(ns)
    except (ValueError, TypeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if ns.print_code:
        print(pytorch_code(config))
        return 0
    try:
        data = load_dataset(config.dataset, data_dir=ns.data_dir, download=not ns.no_download)
    except ValueError as exc:  # includes DatasetUnavailable
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = sys.stderr if ns.json else sys.stdout
    print(
        f"{config.summary()}  ({data.n_train} training + validation images, {data.n_test} test)",
        file=out,
    )
    result: TrainResult | None = None
    for rec in train(config, data, report_every_s=2.0):
        if rec.kind == "step":
            print(
                f"  epoch {rec.epoch} batch {rec.batch}/{rec.n_batches}  "
                f"loss {rec.train_loss:.4f}  acc {rec.train_acc:.4f}",
                file=out,
            )
        elif rec.kind == "epoch":
            mark = " *" if rec.is_best else ""
            evaluated = ""
            if rec.train_eval_loss is not None:
                evaluated = f"  train(eval) {rec.train_eval_loss:.4f} {rec.train_eval_acc:.4f}"
            print(
                f"epoch {rec.epoch:4d}/{rec.n_epochs}  train {rec.train_loss:.4f} "
                f"{rec.train_acc:.4f}{evaluated}  val {rec.val_loss:.4f} {rec.val_acc:.4f}  "
                f"lr {rec.lr:.3g}  {rec.elapsed:6.1f}s{mark}",
                file=out,
            )
        elif rec.kind == "diverged":
            print(rec.message, file=out)
        else:
            result = rec
    assert result is not None
    print(
        f"best epoch {result.best_epoch} ({result.stop_reason}): test loss "
        f"{result.test_loss:.4f}, test accuracy {result.test_acc:.4f}, "
        f"{result.trainable_params:,} trainable parameters, {result.seconds:.1f} s",
        file=out,
    )
    if ns.save_weights:
        from core.models import state_dict_to_bytes

        with open(ns.save_weights, "wb") as fh:
            fh.write(state_dict_to_bytes(result.state_dict))
    if ns.json:
        print(json.dumps(result.summary()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
