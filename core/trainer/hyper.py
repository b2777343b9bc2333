"""Hyperparameters of the trainer: optimizer and schedule registries and their builders.

The rules on each hyperparameter live in :mod:`core.trainer.constraints`."""

from __future__ import annotations

import inspect
from typing import Any, Protocol

import torch

from core._validate import check_scalar

# ----------------------------------------------------------------------------- hyperparameters
# name -> (torch class, fixed keyword arguments, tunable hyperparameters with their defaults).
# Hyperparameter names are torch's; "momentum" and "nesterov" default to momentum 0.9.
TORCH_OPTIMIZERS: dict[str, tuple[type[torch.optim.Optimizer], dict[str, Any], dict[str, Any]]] = {
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
SCHEDULE_DEFAULTS: dict[str, dict[str, Any]] = {
    "none": {},
    "step": {"step_size": 10, "gamma": 0.5},
    "exponential": {"gamma": 0.95},
    "inverse_time": {"k": 0.1},
    "cosine": {"T_max": None, "eta_min": 0.0},
    "cosine_restarts": {"T_0": 10, "T_mult": 1, "eta_min": 0.0},
}

# torch's default learning rate of each optimizer class (SGD's is not a recommendation)
TORCH_DEFAULT_LR: dict[str, float] = {
    name: float(inspect.signature(cls).parameters["lr"].default)
    for name, (cls, _, _) in TORCH_OPTIMIZERS.items()
}


class _HasOptimizer(Protocol):
    """What the builders read from a configuration (a :class:`TrainConfig`)."""

    optimizer: str
    lr: float
    schedule: str

    @property
    def optimizer_kwargs(self) -> dict[str, Any]: ...

    @property
    def schedule_kwargs(self) -> dict[str, Any]: ...


def restart_epochs(T_0: int, T_mult: int, epochs: int) -> tuple[int, ...]:
    """The 1-based epochs that end a cosine-with-restarts cycle within ``epochs`` (the
    scheduler, stepped once per epoch, restarts after them): T_0, T_0 + T_0·T_mult, …

    >>> restart_epochs(10, 1, 35)
    (10, 20, 30)
    >>> restart_epochs(5, 2, 40)
    (5, 15, 35)
    """
    T_0, T_mult, epochs = (
        int(check_scalar(v, name, low=1, integer=True))
        for name, v in (("T_0", T_0), ("T_mult", T_mult), ("epochs", epochs))
    )
    ends, end, length = [], T_0, T_0
    while end <= epochs:
        ends.append(end)
        length *= T_mult
        end += length
    return tuple(ends)


# ----------------------------------------------------------------------------- builders
def build_optimizer(config: _HasOptimizer, params: Any) -> torch.optim.Optimizer:
    """The ``torch.optim`` optimizer named by ``config.optimizer`` with its hyperparameters."""
    cls = TORCH_OPTIMIZERS[config.optimizer][0]
    # foreach: one fused call per operation over all tensors, also on the CPU (torch's default
    # only on GPUs); same numbers, faster small-batch steps (docs/performance.md)
    return cls(params, lr=config.lr, foreach=True, **config.optimizer_kwargs)


def build_scheduler(
    config: _HasOptimizer, optimizer: torch.optim.Optimizer
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
