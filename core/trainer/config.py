"""The configuration of a training run: one frozen dataclass, validated once."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.data import DATASETS
from core.models import NetSpec
from core.trainer.constraints import MAX_HIDDEN_LAYERS, ConfigError, check, resolve_params
from core.trainer.hyper import SCHEDULE_DEFAULTS, TORCH_OPTIMIZERS, restart_epochs


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
        The L1 and L2 strengths (α and λ of the objective): explicit penalties added to the
        mean cross-entropy,
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
        ``initial_accumulator_value``), see :data:`TORCH_OPTIMIZERS`; missing ones take the defaults,
        and all are stored.
    schedule : {"none", "step", "exponential", "inverse_time", "cosine", "cosine_restarts"}
        Learning-rate schedule, stepped once per epoch.
    schedule_params : mapping
        ``step_size``, ``gamma``, ``k``, ``T_max`` (None = epochs), ``eta_min``, ``T_0``,
        ``T_mult``, see :data:`SCHEDULE_DEFAULTS`.
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
    augment : {"none", "shift", "rotate", "shift_rotate"}
        Data augmentation of the training mini-batches (never validation or test), see
        :mod:`core.trainer.augment`; drawn from its own generator seeded from ``seed``.
    snapshots : int
        Snapshot ensemble: K > 0 keeps the weights at the end of each of the last K cycles of
        the ``cosine_restarts`` schedule (which must complete at least K cycles within
        ``epochs``) and reports the accuracy of their averaged test probabilities
        (``TrainResult.snapshot_test_accuracy``). 0 = off.
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
    augment: str = "none"
    snapshots: int = 0

    def __post_init__(self) -> None:
        put = object.__setattr__.__get__(self)  # frozen: normalize through object.__setattr__
        # every rule comes from the table in core.trainer.constraints; only the rules that
        # tie two fields together (lengths, nesterov, batch norm) are written here
        for name in ("dataset", "activation", "init", "optimizer", "schedule", "augment"):
            check(name, getattr(self, name))

        hidden = self.hidden
        if isinstance(hidden, (int, np.integer)) and not isinstance(hidden, bool):
            hidden = (hidden,)
        if not isinstance(hidden, (tuple, list)):
            raise ConfigError(
                f"hidden must be a list of layer widths, got {hidden!r}",
                code="not_list",
                param="hidden",
                value=hidden,
                shown=repr(hidden),
            )
        if len(hidden) > MAX_HIDDEN_LAYERS:
            raise ConfigError(
                f"hidden must have at most {MAX_HIDDEN_LAYERS} layers, got {len(hidden)}",
                code="too_many_layers",
                param="hidden",
                value=hidden,
                max=MAX_HIDDEN_LAYERS,
                count=len(hidden),
            )
        hidden = tuple(int(check("hidden", w, f"hidden[{i}]")) for i, w in enumerate(hidden))
        put("hidden", hidden)
        n = len(hidden)

        def per_layer(name: str) -> tuple:
            """The field as one value per hidden layer: a list of the right length, or one
            value (checked as such) repeated."""
            value = getattr(self, name)
            if isinstance(value, (tuple, list)):
                if len(value) != n:
                    raise ConfigError(
                        f"{name} must have one value per hidden layer ({n}), got {len(value)}",
                        code="length",
                        param=name,
                        value=value,
                        expected=n,
                        count=len(value),
                    )
                return tuple(value)
            check(name, value)
            return (value,) * n

        put("dropout", tuple(float(check("dropout", p)) for p in per_layer("dropout")))
        put("batch_norm", tuple(check("batch_norm", b) for b in per_layer("batch_norm")))

        for name in ("init_std", "l1", "l2", "lr"):
            put(name, check(name, getattr(self, name)))
        put("batch_size", int(check("batch_size", self.batch_size)))
        if any(self.batch_norm) and self.batch_size < 2:
            # batch norm cannot normalize a mini-batch of one image in training
            raise ConfigError(
                f"batch_size must be >= 2 with batch norm, got {self.batch_size}",
                code="batch_norm_batch_size",
                param="batch_size",
                value=self.batch_size,
                shown=str(self.batch_size),
            )
        put("epochs", int(check("epochs", self.epochs)))
        put("patience", int(check("patience", 0 if self.patience is None else self.patience)))
        put("val_fraction", check("val_fraction", self.val_fraction))
        put("train_fraction", check("train_fraction", self.train_fraction))
        put("seed", int(check("seed", self.seed)))
        put("eval_train_loss", check("eval_train_loss", self.eval_train_loss))

        put(
            "optimizer_params",
            resolve_params(
                self.optimizer_params,
                TORCH_OPTIMIZERS[self.optimizer][2],
                "optimizer_params",
                self.optimizer,
            ),
        )
        momentum = dict(self.optimizer_params).get("momentum")
        if self.optimizer == "nesterov" and momentum <= 0:
            # torch.optim.SGD refuses nesterov=True without momentum, in its own words
            raise ConfigError(
                f"optimizer_params momentum must be > 0 with nesterov, got {momentum}",
                code="nesterov_momentum",
                param="momentum",
                value=momentum,
                shown=str(momentum),
            )
        put(
            "schedule_params",
            resolve_params(
                self.schedule_params,
                SCHEDULE_DEFAULTS[self.schedule],
                "schedule_params",
                self.schedule,
            ),
        )

        put("snapshots", int(check("snapshots", self.snapshots)))
        self._check_snapshots()

    def _check_snapshots(self) -> None:
        """K snapshots need the cosine-with-restarts schedule with at least K cycles."""
        k = self.snapshots
        if not k:
            return
        if self.schedule != "cosine_restarts":
            raise ConfigError(
                f"snapshots needs the cosine_restarts schedule, got {self.schedule!r}",
                code="snapshots_schedule",
                param="snapshots",
                value=k,
                shown=str(k),
                schedule=self.schedule,
            )
        p = dict(self.schedule_params)
        cycles = len(restart_epochs(p["T_0"], p["T_mult"], self.epochs))
        if cycles < k:
            raise ConfigError(
                f"snapshots must be <= the {cycles} restart cycles that end within "
                f"{self.epochs} epochs (T_0={p['T_0']}, T_mult={p['T_mult']}), got {k}",
                code="snapshots_cycles",
                param="snapshots",
                value=k,
                shown=str(k),
                cycles=cycles,
                epochs=self.epochs,
                T_0=p["T_0"],
                T_mult=p["T_mult"],
            )

    # --- derived views -------------------------------------------------------------------
    @property
    def optimizer_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of the torch optimizer (without ``lr``)."""
        return {**TORCH_OPTIMIZERS[self.optimizer][1], **dict(self.optimizer_params)}

    @property
    def schedule_kwargs(self) -> dict[str, Any]:
        """Schedule parameters with ``T_max=None`` resolved to ``epochs``."""
        params = dict(self.schedule_params)
        if self.schedule == "cosine" and params.get("T_max") is None:
            params["T_max"] = self.epochs
        return params

    @property
    def net(self) -> NetSpec:
        """The network to build (:func:`core.models.build_model`), already validated here."""
        spec = DATASETS[self.dataset]
        return NetSpec(
            n_in=spec.n_features,
            hidden=self.hidden,
            n_out=spec.n_classes,
            activation=self.activation,
            dropout=self.dropout,
            batch_norm=self.batch_norm,
            init=self.init,
            init_std=self.init_std,
            seed=self.seed,
        )

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
        if self.augment != "none":
            extras.append(f"augment {self.augment}")
        if self.snapshots:
            extras.append(f"{self.snapshots} snapshots")
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
            raise ConfigError(
                f"config must be a JSON object, got {type(d).__name__}",
                code="not_object",
                param="config",
                value=d,
                type=type(d).__name__,
            )
        names = [f.name for f in dataclasses.fields(cls)]
        # keys of any type (a dict built in code may have ints): sorted by their text
        unknown = sorted((k for k in d if k not in names), key=str)
        if unknown:
            raise ConfigError(
                f"config has unknown fields: {', '.join(map(str, unknown))}",
                code="unknown_field",
                param="config",
                value=unknown,
                fields=", ".join(map(str, unknown)),
            )
        kwargs = dict(d)
        for key in ("hidden", "dropout", "batch_norm"):
            if isinstance(kwargs.get(key), list):
                kwargs[key] = tuple(kwargs[key])
        return cls(**kwargs)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    @classmethod
    def from_json(cls, text: str | bytes) -> TrainConfig:
        """Inverse of :meth:`to_json`; ``text`` is JSON as ``str``, ``bytes`` or ``bytearray``
        (anything else raises ``ConfigError`` "not_text", text that is not JSON "json")."""
        if not isinstance(text, (str, bytes, bytearray)):
            raise ConfigError(
                f"config must be JSON text (str or bytes), got {type(text).__name__}",
                code="not_text",
                param="config",
                value=text,
                type=type(text).__name__,
            )
        try:
            d = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(
                f"config is not valid JSON: {exc}",
                code="json",
                param="config",
                value=text,
                detail=exc,
            ) from exc
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
