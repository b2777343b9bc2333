"""Every rule on a trainer parameter, declared once.

:data:`CONSTRAINTS` maps a parameter name (a :class:`~core.trainer.config.TrainConfig` field,
or an optimizer / schedule hyperparameter with torch's name) to its constraint. It drives
``TrainConfig`` validation, the command line's ``choices``, and the ranges a page may offer
(:func:`widget_range`), in the spirit of scikit-learn's ``_param_validation``.

A broken rule raises :class:`ConfigError`, a ``ValueError`` that also carries ``code``,
``param`` and ``value``, so a user interface can translate by code. The English messages are
the ones ``core._validate.check_scalar`` writes (``lr must be > 0.0, got -1``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from core._validate import _short, check_scalar
from core.data import DATASETS
from core.models import ACTIVATIONS, INITS
from core.trainer.augment import AUGMENTS
from core.trainer.hyper import SCHEDULE_DEFAULTS, TORCH_OPTIMIZERS

__all__ = [
    "CODES",
    "CONSTRAINTS",
    "MAX_HIDDEN_LAYERS",
    "MAX_SNAPSHOTS",
    "MAX_WIDTH",
    "ConfigError",
    "Flag",
    "Interval",
    "Options",
    "check",
    "resolve_params",
    "widget_range",
]

MAX_HIDDEN_LAYERS = 5
MAX_WIDTH = 1024
MAX_SNAPSHOTS = 50


# Every ConfigError code; ui/text/errors.py writes each one's message, EN and ES, as
# ``errors.<code>`` with the placeholders of ConfigError.message_args().
CODES: tuple[str, ...] = (
    "type",
    "not_finite",
    "not_integer",
    "too_small",
    "too_large",
    "choice",
    "bool",
    "pair",
    "not_list",
    "too_many_layers",
    "length",
    "mapping",
    "no_params",
    "unknown_name",
    "nesterov_momentum",
    "batch_norm_batch_size",
    "snapshots_schedule",
    "snapshots_cycles",
    "not_object",
    "not_text",
    "unknown_field",
    "json",
)


class ConfigError(ValueError):
    """A parameter that breaks its constraint.

    ``code`` names the rule (one of :data:`CODES`); ``param`` and ``value`` say where and what.
    ``details`` holds what else the message says (a bound, the allowed names, a count), so a
    user interface can write the message in another language from ``code`` and
    :meth:`message_args` alone.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str,
        param: str,
        value: Any,
        shown: str | None = None,
        **details: Any,
    ) -> None:
        if code not in CODES:
            raise ValueError(f"code must be one of {', '.join(CODES)}, got {code!r}")
        super().__init__(message)
        self.code = code
        self.param = param
        self.value = value
        self.shown = _short(value) if shown is None else shown
        self.details = {k: str(v) for k, v in details.items()}

    def message_args(self) -> dict[str, str]:
        """Placeholders of the message: ``param``, ``value`` (as the message writes it) and
        the code's details (e.g. ``op`` and ``bound`` for ``too_small``)."""
        return {"param": self.param, "value": self.shown, **self.details}


@dataclass(frozen=True)
class Interval:
    """A number in [low, high] (each end open or closed); ``kind="int"`` requires an integer;
    ``none_ok`` also accepts None (e.g. T_max = the number of epochs)."""

    kind: Literal["int", "float"]
    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    none_ok: bool = False

    def check(self, value: Any, name: str) -> Any:
        """``value`` as an int or a float within the interval; else ``ConfigError`` with the
        rule broken (:meth:`_code`) and, for a bound, the operator and the bound."""
        if value is None and self.none_ok:
            return None
        integer = self.kind == "int"
        try:
            return check_scalar(
                value,
                name,
                low=self.low,
                high=self.high,
                low_inclusive=self.low_inclusive,
                high_inclusive=self.high_inclusive,
                integer=integer,
            )
        except ValueError as exc:
            code = self._code(value)
            details: dict[str, Any] = {}
            shown = str(value)  # check_scalar writes numbers with str(), the rest with repr()
            if code == "type" or (code == "not_finite" and exc.__cause__ is not None):
                shown = _short(value)
            elif code == "too_small":
                details = {"op": ">=" if self.low_inclusive else ">", "bound": self.low}
            elif code == "too_large":
                details = {"op": "<=" if self.high_inclusive else "<", "bound": self.high}
            raise ConfigError(
                str(exc), code=code, param=name, value=value, shown=shown, **details
            ) from exc.__cause__

    def _code(self, value: Any) -> str:
        """Which rule ``value`` broke, in the order ``check_scalar`` tests them."""
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            return "type"
        if not (self.kind == "int" and isinstance(value, (int, np.integer))):
            try:
                x = float(value)
            except OverflowError:
                return "not_finite"
            if not math.isfinite(x):
                return "not_finite"
            if self.kind == "int" and x != int(x):
                return "not_integer"
        x = value
        if self.low is not None and (x < self.low or (not self.low_inclusive and x == self.low)):
            return "too_small"
        return "too_large"


@dataclass(frozen=True)
class Options:
    """One of a fixed set of strings."""

    values: tuple[str, ...]

    def check(self, value: Any, name: str) -> str:
        if not isinstance(value, str) or value not in self.values:
            raise ConfigError(
                f"{name} must be one of {', '.join(self.values)}, got {value!r}",
                code="choice",
                param=name,
                value=value,
                shown=repr(value),
                allowed=", ".join(self.values),
            )
        return value


@dataclass(frozen=True)
class Flag:
    """True or False (a Python or numpy bool; not 0/1)."""

    def check(self, value: Any, name: str) -> bool:
        if not isinstance(value, (bool, np.bool_)):
            raise ConfigError(
                f"{name} must be true or false, got {value!r}",
                code="bool",
                param=name,
                value=value,
                shown=repr(value),
            )
        return bool(value)


@dataclass(frozen=True)
class Pair:
    """Two numbers, each in ``item`` (Adam's betas)."""

    item: Interval

    def check(self, value: Any, name: str) -> tuple[Any, Any]:
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            raise ConfigError(
                f"{name} must be a pair of numbers, got {value!r}",
                code="pair",
                param=name,
                value=value,
                shown=repr(value),
            )
        return tuple(self.item.check(v, f"{name}[{i}]") for i, v in enumerate(value))


Constraint = Interval | Options | Flag | Pair
_UNIT_OPEN_HIGH = Interval("float", 0.0, 1.0, True, False)

# name -> constraint. Fields of TrainConfig first, then optimizer and schedule hyperparameters
# (torch's names; e.g. "alpha" is RMSprop's smoothing constant, nothing else).
CONSTRAINTS: dict[str, Constraint] = {
    "dataset": Options(tuple(DATASETS)),
    "hidden": Interval("int", 1, MAX_WIDTH),  # each width; at most MAX_HIDDEN_LAYERS of them
    "activation": Options(tuple(ACTIVATIONS)),
    "init": Options(tuple(INITS)),
    "init_std": Interval("float", 0.0, 10.0, low_inclusive=False),
    "dropout": _UNIT_OPEN_HIGH,  # each layer's drop probability
    "batch_norm": Flag(),  # each layer
    "l1": Interval("float", 0.0, 10.0),
    "l2": Interval("float", 0.0, 10.0),
    "optimizer": Options(tuple(TORCH_OPTIMIZERS)),
    "lr": Interval("float", 0.0, 1e4, low_inclusive=False),
    "schedule": Options(tuple(SCHEDULE_DEFAULTS)),
    "batch_size": Interval("int", 1, 100_000),
    "epochs": Interval("int", 1, 10_000),
    "patience": Interval("int", 0, 10_000),
    "val_fraction": Interval("float", 0.0, 0.5, low_inclusive=False),
    "train_fraction": Interval("float", 0.0, 1.0, low_inclusive=False),
    "seed": Interval("int", 0, 2**32 - 1),
    "eval_train_loss": Flag(),
    "augment": Options(AUGMENTS),
    "snapshots": Interval("int", 0, MAX_SNAPSHOTS),
    # optimizer hyperparameters
    "momentum": _UNIT_OPEN_HIGH,
    "dampening": Interval("float", 0.0, 1.0),
    "lr_decay": Interval("float", 0.0, None),
    "initial_accumulator_value": Interval("float", 0.0, None),
    "eps": Interval("float", 0.0, 1.0, low_inclusive=False),
    "alpha": _UNIT_OPEN_HIGH,
    "centered": Flag(),
    "betas": Pair(_UNIT_OPEN_HIGH),
    "amsgrad": Flag(),
    "rho": Interval("float", 0.0, 1.0),
    # schedule hyperparameters
    "step_size": Interval("int", 1, 100_000),
    "gamma": Interval("float", 0.0, 1.0, low_inclusive=False),
    "k": Interval("float", 0.0, 1e6),
    "T_max": Interval("int", 1, 100_000, none_ok=True),
    "eta_min": Interval("float", 0.0, None),
    "T_0": Interval("int", 1, 100_000),
    "T_mult": Interval("int", 1, 100),
}


def check(name: str, value: Any, label: str | None = None) -> Any:
    """``value`` checked against ``CONSTRAINTS[name]`` (and converted: int, float, bool);
    ``label`` names it in the message (e.g. ``"hidden[2]"``)."""
    return _constraint(name).check(value, label or name)


def _constraint(name: Any) -> Constraint:
    """The rule of parameter ``name``; an unknown name is a ValueError listing the known ones."""
    if not isinstance(name, str) or name not in CONSTRAINTS:
        raise ValueError(f"name must be one of {', '.join(CONSTRAINTS)}, got {name!r}")
    return CONSTRAINTS[name]


def widget_range(name: str) -> tuple[float | None, float | None]:
    """(low, high) of a numeric parameter, for a slider or a number input."""
    c = _constraint(name)
    c = c.item if isinstance(c, Pair) else c
    if not isinstance(c, Interval):
        raise ValueError(f"name must be a numeric parameter, got {name!r}")
    return c.low, c.high


def resolve_params(
    given: Any, defaults: dict[str, Any], field_name: str, owner: str
) -> tuple[tuple[str, Any], ...]:
    """Merge ``given`` hyperparameters over ``defaults`` (the optimizer's or the schedule's)
    and check each against the table; names outside ``defaults`` are refused."""
    if isinstance(given, Mapping):
        items = dict(given)
    else:
        try:
            items = dict(given or ())
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"{field_name} must be a mapping of names to values",
                code="mapping",
                param=field_name,
                value=given,
            ) from exc
    for name in items:
        if name not in defaults:
            if not defaults:
                raise ConfigError(
                    f"{field_name} of {owner} takes no parameters, got {name!r}",
                    code="no_params",
                    param=field_name,
                    value=name,
                    shown=repr(name),
                    owner=owner,
                )
            allowed = ", ".join(defaults)
            raise ConfigError(
                f"{field_name} of {owner} must use the names {allowed}, got {name!r}",
                code="unknown_name",
                param=field_name,
                value=name,
                shown=repr(name),
                owner=owner,
                allowed=allowed,
            )
    merged = {**defaults, **items}
    return tuple((k, check(k, v)) for k, v in merged.items())
