"""Learning-rate schedules, epoch by epoch equal to ``torch.optim.lr_scheduler``.

``lr_schedule(name, lr0, epochs, **params)`` returns the learning rate used during each epoch
(entry e is the rate in force while epoch e runs, i.e. before the scheduler's ``step()`` at its
end). Names and parameters follow the trainer and PyTorch:

=================  ==================================================================
name               torch equivalent
=================  ==================================================================
``none``           no scheduler
``step``           ``StepLR(step_size, gamma)``
``exponential``    ``ExponentialLR(gamma)``
``inverse_time``   ``LambdaLR(lambda t: 1 / (1 + k * t))``
``cosine``         ``CosineAnnealingLR(T_max, eta_min)``
``cosine_restarts````CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)``
=================  ==================================================================

``warmup_epochs`` = W > 0 puts a linear warm-up in front of any of them, as
``SequentialLR([LinearLR(start_factor=1/(W+1), total_iters=W), main], milestones=[W])``: the
rate climbs η₀/(W+1), 2η₀/(W+1), …, Wη₀/(W+1) and the main schedule then starts from its epoch 0.

References
----------
Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017;
Goyal et al., "Accurate, Large Minibatch SGD" (2017) for the warm-up;
Goodfellow, Bengio & Courville, *Deep Learning*, §8.3.1.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from core._validate import _short, as_float_array, check_scalar, with_latex
from core.optimizers import TestFunction, run_optimizer

#: LaTeX of each schedule, η_t being the rate during epoch t (0-based).
SCHEDULE_LATEX: dict[str, str] = {
    "none": r"\eta_t = \eta_0",
    "step": r"\eta_t = \eta_0\, \gamma^{\lfloor t / s \rfloor}",
    "exponential": r"\eta_t = \eta_0\, \gamma^{t} \;(= \eta_0 e^{-k t} \text{ with } \gamma = e^{-k})",
    "inverse_time": r"\eta_t = \frac{\eta_0}{1 + k\, t}",
    "cosine": r"\eta_t = \eta_{\min} + \tfrac12 (\eta_0 - \eta_{\min})"
    r"\left(1 + \cos\frac{\pi t}{T_{\max}}\right)",
    "cosine_restarts": r"\eta_t = \eta_{\min} + \tfrac12 (\eta_0 - \eta_{\min})"
    r"\left(1 + \cos\frac{\pi T_{\mathrm{cur}}}{T_i}\right),\quad"
    r"T_i = T_0 T_{\mathrm{mult}}^{\,i}",
}
WARMUP_LATEX = r"\eta_t = \eta_0\,\frac{t + 1}{W + 1}\quad (t < W)"

#: The ``torch.optim.lr_scheduler`` call each name corresponds to (stepped once per epoch).
SCHEDULE_TORCH: dict[str, str] = {
    "none": "(no scheduler)",
    "step": "StepLR(optimizer, step_size, gamma)",
    "exponential": "ExponentialLR(optimizer, gamma)",
    "inverse_time": "LambdaLR(optimizer, lambda t: 1 / (1 + k * t))",
    "cosine": "CosineAnnealingLR(optimizer, T_max, eta_min)",
    "cosine_restarts": "CosineAnnealingWarmRestarts(optimizer, T_0, T_mult, eta_min)",
}
WARMUP_TORCH = (
    "SequentialLR(optimizer, [LinearLR(optimizer, start_factor=1 / (W + 1), total_iters=W), "
    "main], milestones=[W])"
)

#: Parameters of each schedule with their defaults (``T_max=None`` means "to the last epoch").
SCHEDULE_PARAMS: dict[str, dict[str, Any]] = {
    "none": {},
    "step": {"step_size": 10, "gamma": 0.1},
    "exponential": {"gamma": 0.95},
    "inverse_time": {"k": 0.1},
    "cosine": {"T_max": None, "eta_min": 0.0},
    "cosine_restarts": {"T_0": 10, "T_mult": 1, "eta_min": 0.0},
}
SCHEDULES: tuple[str, ...] = tuple(SCHEDULE_PARAMS)


def _cosine(lr0: float, eta_min: float, t_cur: np.ndarray, t_i: np.ndarray) -> np.ndarray:
    return eta_min + 0.5 * (lr0 - eta_min) * (1.0 + np.cos(math.pi * t_cur / t_i))


def _restart_position(t: np.ndarray, T_0: int, T_mult: int) -> tuple[np.ndarray, np.ndarray]:
    """(T_cur, T_i) of SGDR at each epoch t: cycles of length T_0, T_0·T_mult, T_0·T_mult², …"""
    t_cur, t_i = np.empty(t.shape), np.empty(t.shape)
    for idx, e in enumerate(t):
        start, length = 0, T_0
        while e >= start + length:  # integer walk over the cycles: no log() rounding
            start, length = start + length, length * T_mult
        t_cur[idx], t_i[idx] = e - start, length
    return t_cur, t_i


def lr_schedule(
    name: str, lr0: float, epochs: int, *, warmup_epochs: int = 0, **params: Any
) -> np.ndarray:
    """Learning rate used in each of ``epochs`` epochs.

    Parameters
    ----------
    name : {"none", "step", "exponential", "inverse_time", "cosine", "cosine_restarts"}
    lr0 : float
        Initial (peak) learning rate η₀ > 0.
    epochs : int
        Number of epochs (>= 1).
    warmup_epochs : int, default 0
        Linear warm-up length W (0 ≤ W ≤ epochs); the schedule runs after it.
    **params
        ``step``: ``step_size`` (int ≥ 1, default 10), ``gamma`` (in (0, 1], default 0.1);
        ``exponential``: ``gamma`` (in (0, 1], default 0.95);
        ``inverse_time``: ``k`` (≥ 0, default 0.1);
        ``cosine``: ``T_max`` (int ≥ 1, default the epochs after warm-up), ``eta_min`` (default 0);
        ``cosine_restarts``: ``T_0`` (int ≥ 1, default 10), ``T_mult`` (int ≥ 1, default 1),
        ``eta_min`` (default 0).

    Returns
    -------
    lrs : ndarray, shape (epochs,)

    Notes
    -----
    The formulas are in :data:`SCHEDULE_LATEX`. Each equals the torch scheduler named in the
    module docstring, with the scheduler stepped once per epoch.
    """
    if not isinstance(name, str) or name not in SCHEDULE_PARAMS:
        raise ValueError(f"unknown schedule {name!r}; expected one of {', '.join(SCHEDULES)}")
    allowed = SCHEDULE_PARAMS[name]
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise ValueError(
            f"unknown parameter {unknown[0]!r} for schedule {name}; "
            f"expected one of {', '.join(allowed) or 'none'}"
        )
    lr0 = check_scalar(lr0, "lr0", low=0.0, low_inclusive=False)
    epochs = int(check_scalar(epochs, "epochs", low=1, integer=True))
    W = int(check_scalar(warmup_epochs, "warmup_epochs", low=0, high=epochs, integer=True))
    p = {**allowed, **params}
    n = epochs - W  # epochs run by the main schedule
    t = np.arange(n)

    if name == "none":
        main = np.full(n, lr0)
    elif name == "step":
        s = int(check_scalar(p["step_size"], "step_size", low=1, integer=True))
        gamma = check_scalar(p["gamma"], "gamma", low=0.0, high=1.0, low_inclusive=False)
        main = lr0 * gamma ** (t // s)
    elif name == "exponential":
        gamma = check_scalar(p["gamma"], "gamma", low=0.0, high=1.0, low_inclusive=False)
        main = lr0 * gamma**t
    elif name == "inverse_time":
        k = check_scalar(p["k"], "k", low=0.0)
        main = lr0 / (1.0 + k * t)
    elif name == "cosine":
        T_max = max(n, 1) if p["T_max"] is None else p["T_max"]
        T_max = int(check_scalar(T_max, "T_max", low=1, integer=True))
        eta_min = check_scalar(p["eta_min"], "eta_min", low=0.0, high=lr0)
        main = _cosine(lr0, eta_min, t.astype(np.float64), np.full(n, float(T_max)))
    else:  # cosine_restarts
        T_0 = int(check_scalar(p["T_0"], "T_0", low=1, integer=True))
        T_mult = int(check_scalar(p["T_mult"], "T_mult", low=1, integer=True))
        eta_min = check_scalar(p["eta_min"], "eta_min", low=0.0, high=lr0)
        t_cur, t_i = _restart_position(t, T_0, T_mult)
        main = _cosine(lr0, eta_min, t_cur, t_i)

    warmup = lr0 * np.arange(1, W + 1) / (W + 1)
    return np.concatenate([warmup, main]).astype(np.float64)


@with_latex(r"\mathbb{E}[f(\theta_t)] \;\to\; \sum_i \frac{\eta\,\sigma^2}{2\,(2 - \eta\lambda_i)}")
def sgd_noise_floor(lr: float, lams: Any, sigma: float) -> float:
    """Expected loss SGD settles at on a noisy quadratic with a constant learning rate.

    On f(θ) = ½ Σᵢ λᵢ θᵢ² (in its eigenbasis) with gradients ∇f + σξ, ξ ~ N(0, I), and
    0 < ηλᵢ < 2, each coordinate follows θ ← (1 − ηλᵢ)θ − ησξ, whose stationary variance is
    ησ²/(λᵢ(2 − ηλᵢ)); E[f] = ½ Σᵢ λᵢ Var θᵢ gives the floor below. It is proportional to η
    (for small η): this is why the learning rate is decayed at the end of training
    (Bottou, Curtis & Nocedal, "Optimization Methods for Large-Scale Machine Learning", 2018, §4).
    """
    lr = check_scalar(lr, "lr", low=0.0, low_inclusive=False)
    lams = as_float_array(lams, "lams", ndim=1)
    sigma = check_scalar(sigma, "sigma", low=0.0)
    if np.any(lams <= 0):
        raise ValueError(f"lams must be > 0, got {lams.min()}")
    if np.any(lr * lams >= 2):
        raise ValueError(f"lr must be < {2 / lams.max():.6g} (2/lambda_max), got {lr}")
    return float(np.sum(lr * sigma**2 / (2.0 * (2.0 - lr * lams))))


def run_schedule(
    lrs: Any,
    fn: TestFunction,
    x0: Any,
    *,
    steps_per_epoch: int,
    sigma: float,
    n_runs: int,
    rng: np.random.Generator,
    optimizer: str = "sgd",
    **hyper: Any,
) -> np.ndarray:
    """Optimize ``fn`` from ``x0`` with per-epoch learning-rate schedules and noisy gradients.

    Every epoch takes ``steps_per_epoch`` steps at the rate ``lrs[epoch]`` (the scheduler steps
    once per epoch); each gradient gets Gaussian noise σξ, ξ ~ N(0, I). ``n_runs`` independent
    runs are computed at once: the optimizers here act coordinate by coordinate, so the runs are
    stacked into one vector. With several schedules (``lrs`` of shape (k, epochs)) they are
    stacked too, and run ``r`` of every schedule sees the same noise (common random numbers:
    the schedules are compared on equal terms).

    Returns
    -------
    paths : ndarray, shape (n_runs, epochs·steps_per_epoch + 1, 2), or
        (k, n_runs, epochs·steps_per_epoch + 1, 2) for 2-D ``lrs``.
    """
    if not isinstance(fn, TestFunction):
        raise ValueError(
            f"fn must be a TestFunction (e.g. optimizers.quadratic()), got {_short(fn)}"
        )
    lrs = as_float_array(lrs, "lrs", ndim=(1, 2))
    single = lrs.ndim == 1
    lrs = np.atleast_2d(lrs)  # (k, epochs)
    k = lrs.shape[0]
    spe = int(check_scalar(steps_per_epoch, "steps_per_epoch", low=1, integer=True))
    n_runs = int(check_scalar(n_runs, "n_runs", low=1, integer=True))
    sigma = check_scalar(sigma, "sigma", low=0.0)
    x0 = as_float_array(x0, "x0", ndim=1)
    if x0.shape != (2,):
        raise ValueError(f"x0 must have shape (2,), got shape {x0.shape}")
    if sigma > 0 and not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator when sigma > 0, got {rng!r}")

    def grad(z: np.ndarray) -> np.ndarray:  # z (k·n_runs·2,) = schedules and runs stacked
        g = fn.grad(z.reshape(k, n_runs, 2))
        if sigma > 0:
            g = g + sigma * rng.standard_normal((n_runs, 2))  # the same noise for every schedule
        return g.reshape(-1)

    steps = lrs.shape[1] * spe
    per_step = np.repeat(lrs, spe, axis=1)  # (k, steps)
    per_coord = np.broadcast_to(per_step.T[:, :, None], (steps, k, 2 * n_runs)).reshape(steps, -1)
    flat = run_optimizer(optimizer, grad, np.tile(x0, k * n_runs), steps, per_coord, **hyper)
    paths = flat.reshape(steps + 1, k, n_runs, 2).transpose(1, 2, 0, 3)  # (k, n_runs, T+1, 2)
    return paths[0] if single else paths
