"""First-order optimizers on 2-D test functions, written to match ``torch.optim`` step by step.

Each optimizer is a factory: ``make(lr, **hyper)`` returns a ``step(theta, g, t, lr)`` closure
that keeps its own state (momentum buffer, squared-gradient average, ...). ``run_optimizer`` feeds
it the gradient of a test function and records every iterate. The hyperparameters keep
PyTorch's names and defaults, so a trajectory computed here is the one ``torch.optim`` produces
from the same gradients (the tests check this).

References
----------
Goodfellow, Bengio & Courville, *Deep Learning*, ch. 8 (2016);
Goh, "Why Momentum Really Works", Distill (2017);
Duchi, Hazan & Singer (2011) AdaGrad; Tieleman & Hinton (2012) RMSProp;
Kingma & Ba (2015) Adam; Zeiler (2012) Adadelta.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from core._validate import _short, as_float_array, check_scalar, with_latex
from core.second_order import newton

Grad = Callable[[np.ndarray], np.ndarray]
Step = Callable[[np.ndarray, np.ndarray, int, Any], np.ndarray]  # lr: float or (d,)

# ---------------------------------------------------------------------------------------------
# Optimizers. ``g`` already includes the noise; ``t`` counts steps from 1 like torch's ``step``.
# ---------------------------------------------------------------------------------------------


def _unit_interval(value: Any, name: str, *, high_inclusive: bool = False) -> float:
    return check_scalar(value, name, low=0.0, high=1.0, high_inclusive=high_inclusive)


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False, got {value!r}")
    return bool(value)


@with_latex(
    r"\begin{aligned} g_t &= \nabla f(\theta_{t-1}) \\"
    r" \theta_t &= \theta_{t-1} - \eta\, g_t \end{aligned}"
)
def sgd(*, weight_decay: float = 0.0) -> Step:
    """Plain (stochastic) gradient descent, ``torch.optim.SGD(momentum=0)``.

    With ``weight_decay`` = λ the gradient becomes ``g + λθ`` (an L2 penalty ½λ‖θ‖²), as in torch.
    """
    wd = check_scalar(weight_decay, "weight_decay", low=0.0)

    def step(theta: np.ndarray, g: np.ndarray, t: int, lr: float) -> np.ndarray:
        g = g + wd * theta
        return theta - lr * g

    return step


@with_latex(
    r"\begin{aligned} b_t &= \mu\, b_{t-1} + g_t \quad (b_1 = g_1) \\"
    r" \theta_t &= \theta_{t-1} - \eta\, b_t \end{aligned}"
)
def momentum(*, momentum: float = 0.9, dampening: float = 0.0, weight_decay: float = 0.0) -> Step:
    """Heavy-ball momentum in PyTorch's form, ``torch.optim.SGD(momentum=μ)``.

    The buffer starts as the first gradient; afterwards ``b ← μb + (1 − dampening)g``. Since
    θ_t − θ_{t−1} = μ(θ_{t−1} − θ_{t−2}) − ηg_t, this is Polyak's heavy ball with step η and
    momentum μ (the course writes v ← ρv − αg, x ← x + v: the same iterates with v = −ηb).
    """
    mu = _unit_interval(momentum, "momentum")
    tau = _unit_interval(dampening, "dampening", high_inclusive=True)
    wd = check_scalar(weight_decay, "weight_decay", low=0.0)
    b: np.ndarray | None = None

    def step(theta: np.ndarray, g: np.ndarray, t: int, lr: float) -> np.ndarray:
        nonlocal b
        g = g + wd * theta
        if mu == 0:  # torch keeps no buffer then: plain gradient descent
            return theta - lr * g
        b = g.copy() if b is None else mu * b + (1.0 - tau) * g
        return theta - lr * b

    return step


@with_latex(
    r"\begin{aligned} b_t &= \mu\, b_{t-1} + g_t \quad (b_1 = g_1) \\"
    r" \theta_t &= \theta_{t-1} - \eta\,(g_t + \mu\, b_t) \end{aligned}"
)
def nesterov(*, momentum: float = 0.9, weight_decay: float = 0.0) -> Step:
    """Nesterov momentum as ``torch.optim.SGD(momentum=μ, nesterov=True)``.

    The gradient is taken at the current point and the step looks ahead along the buffer; with
    x̂ = θ − ημb this is the course's "gradient at the look-ahead point" form (Sutskever et al.,
    2013, eq. 3–4), rewritten so only one gradient per step is needed.
    """
    mu = check_scalar(
        momentum, "momentum", low=0.0, high=1.0, low_inclusive=False, high_inclusive=False
    )
    wd = check_scalar(weight_decay, "weight_decay", low=0.0)
    b: np.ndarray | None = None

    def step(theta: np.ndarray, g: np.ndarray, t: int, lr: float) -> np.ndarray:
        nonlocal b
        g = g + wd * theta
        b = g.copy() if b is None else mu * b + g
        return theta - lr * (g + mu * b)

    return step


@with_latex(
    r"\begin{aligned} G_t &= G_{t-1} + g_t \odot g_t \\"
    r" \theta_t &= \theta_{t-1} - \frac{\eta}{1 + (t-1)\,\delta}\;"
    r"\frac{g_t}{\sqrt{G_t} + \epsilon} \end{aligned}"
)
def adagrad(
    *,
    lr_decay: float = 0.0,
    weight_decay: float = 0.0,
    initial_accumulator_value: float = 0.0,
    eps: float = 1e-10,
) -> Step:
    """AdaGrad (Duchi et al., 2011) as ``torch.optim.Adagrad``.

    G accumulates the *squared gradients* (element-wise), never forgets them, so the effective
    step η/√G_t only shrinks. ``lr_decay`` = δ additionally divides η by 1 + (t − 1)δ.
    """
    delta = check_scalar(lr_decay, "lr_decay", low=0.0)
    wd = check_scalar(weight_decay, "weight_decay", low=0.0)
    G0 = check_scalar(initial_accumulator_value, "initial_accumulator_value", low=0.0)
    eps = check_scalar(eps, "eps", low=0.0, low_inclusive=False)
    G: np.ndarray | None = None

    def step(theta: np.ndarray, g: np.ndarray, t: int, lr: float) -> np.ndarray:
        nonlocal G
        g = g + wd * theta
        G = (np.full_like(theta, G0) if G is None else G) + g * g
        lr_t = lr / (1.0 + (t - 1) * delta)
        return theta - lr_t * g / (np.sqrt(G) + eps)

    return step


@with_latex(
    r"\begin{aligned} s_t &= \alpha\, s_{t-1} + (1 - \alpha)\, g_t \odot g_t \\"
    r" \theta_t &= \theta_{t-1} - \eta\, \frac{g_t}{\sqrt{s_t} + \epsilon} \end{aligned}"
)
def rmsprop(
    *,
    alpha: float = 0.99,
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    momentum: float = 0.0,
    centered: bool = False,
) -> Step:
    """RMSProp (Tieleman & Hinton, 2012) as ``torch.optim.RMSprop``.

    Like AdaGrad, but the squared gradients are averaged with forgetting factor α, so old
    gradients fade and the step does not vanish. ``centered`` divides by an estimate of the
    variance instead of the raw second moment; ``momentum`` > 0 adds a buffer b ← μb + g/(√s + ε).

    With ``centered=True`` the variance estimate s − ḡ² (ḡ the running mean of the gradients) is
    never negative in exact arithmetic, but rounding can make it a tiny negative number when the
    gradients barely vary (e.g. a constant gradient, or α close to 0). ``torch.optim.RMSprop``
    then takes the square root of a negative number and returns NaN; here it is clamped at 0,
    a deliberate guard against round-off. Otherwise the iterates equal torch's (to rounding).
    """
    alpha = _unit_interval(alpha, "alpha")
    eps = check_scalar(eps, "eps", low=0.0, low_inclusive=False)
    wd = check_scalar(weight_decay, "weight_decay", low=0.0)
    mu = _unit_interval(momentum, "momentum")
    centered = _flag(centered, "centered")
    s: np.ndarray | None = None
    g_avg: np.ndarray | None = None
    b: np.ndarray | None = None

    def step(theta: np.ndarray, g: np.ndarray, t: int, lr: float) -> np.ndarray:
        nonlocal s, g_avg, b
        g = g + wd * theta
        s = (np.zeros_like(theta) if s is None else alpha * s) + (1.0 - alpha) * (g * g)
        if centered:
            g_avg = (np.zeros_like(theta) if g_avg is None else alpha * g_avg) + (1.0 - alpha) * g
            # s - g_avg² >= 0 in exact arithmetic; clamp the round-off below 0 (torch: NaN)
            denom = np.sqrt(np.maximum(s - g_avg * g_avg, 0.0)) + eps
        else:
            denom = np.sqrt(s) + eps
        if mu > 0:
            b = (np.zeros_like(theta) if b is None else mu * b) + g / denom
            return theta - lr * b
        return theta - lr * g / denom

    return step


@with_latex(
    r"\begin{aligned} m_t &= \beta_1 m_{t-1} + (1 - \beta_1)\, g_t \\"
    r" v_t &= \beta_2 v_{t-1} + (1 - \beta_2)\, g_t \odot g_t \\"
    r" \hat m_t &= \frac{m_t}{1 - \beta_1^t}, \qquad \hat v_t = \frac{v_t}{1 - \beta_2^t} \\"
    r" \theta_t &= \theta_{t-1} - \eta\, \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon} \end{aligned}"
)
def adam(
    *,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    amsgrad: bool = False,
    bias_correction: bool = True,
) -> Step:
    """Adam (Kingma & Ba, 2015, Algorithm 1) as ``torch.optim.Adam``.

    m and v start at 0, so early on they are biased towards 0: after one step m₁ = (1 − β₁)g₁
    and v₁ = (1 − β₂)g₁². Dividing by 1 − βᵗ removes that bias. ``bias_correction=False``
    (not a torch option; it is here to show why the correction exists) uses m and v as they are:
    the first step is then (1 − β₁)/√(1 − β₂) ≈ 3.16 times η per coordinate for the default
    betas, and steps stay too large for roughly 1/(1 − β₂) iterations.
    """
    if not isinstance(betas, (tuple, list)) or len(betas) != 2:
        raise ValueError(f"betas must be a pair (beta1, beta2), got {betas!r}")
    beta1 = _unit_interval(betas[0], "beta1")
    beta2 = _unit_interval(betas[1], "beta2")
    eps = check_scalar(eps, "eps", low=0.0, low_inclusive=False)
    wd = check_scalar(weight_decay, "weight_decay", low=0.0)
    amsgrad = _flag(amsgrad, "amsgrad")
    correct = _flag(bias_correction, "bias_correction")
    m: np.ndarray | None = None
    v: np.ndarray | None = None
    v_max: np.ndarray | None = None

    def step(theta: np.ndarray, g: np.ndarray, t: int, lr: float) -> np.ndarray:
        nonlocal m, v, v_max
        g = g + wd * theta
        m = (np.zeros_like(theta) if m is None else beta1 * m) + (1.0 - beta1) * g
        v = (np.zeros_like(theta) if v is None else beta2 * v) + (1.0 - beta2) * (g * g)
        if amsgrad:
            v_max = v.copy() if v_max is None else np.maximum(v_max, v)
        v_used = v_max if amsgrad else v
        if correct:
            m_hat = m / (1.0 - beta1**t)
            v_hat = v_used / (1.0 - beta2**t)
        else:
            m_hat, v_hat = m, v_used
        return theta - lr * m_hat / (np.sqrt(v_hat) + eps)

    return step


@with_latex(
    r"\begin{aligned} s_t &= \rho\, s_{t-1} + (1 - \rho)\, g_t \odot g_t \\"
    r" \Delta_t &= \frac{\sqrt{u_{t-1} + \epsilon}}{\sqrt{s_t + \epsilon}} \odot g_t \\"
    r" u_t &= \rho\, u_{t-1} + (1 - \rho)\, \Delta_t \odot \Delta_t \\"
    r" \theta_t &= \theta_{t-1} - \eta\, \Delta_t \end{aligned}"
)
def adadelta(*, rho: float = 0.9, eps: float = 1e-6, weight_decay: float = 0.0) -> Step:
    """Adadelta (Zeiler, 2012) as ``torch.optim.Adadelta`` (default η = 1).

    The step is the gradient scaled by RMS(past updates) / RMS(gradients), which gives it the
    units of θ; with u₀ = 0 the first steps have size about √ε/√s, so Adadelta starts slowly.
    """
    rho = _unit_interval(rho, "rho", high_inclusive=True)
    eps = check_scalar(eps, "eps", low=0.0, low_inclusive=False)
    wd = check_scalar(weight_decay, "weight_decay", low=0.0)
    s: np.ndarray | None = None
    u: np.ndarray | None = None

    def step(theta: np.ndarray, g: np.ndarray, t: int, lr: float) -> np.ndarray:
        nonlocal s, u
        g = g + wd * theta
        s = (np.zeros_like(theta) if s is None else rho * s) + (1.0 - rho) * (g * g)
        u_prev = np.zeros_like(theta) if u is None else u
        delta = np.sqrt(u_prev + eps) / np.sqrt(s + eps) * g
        u = rho * u_prev + (1.0 - rho) * delta * delta
        return theta - lr * delta

    return step


OPTIMIZERS: dict[str, Callable[..., Step]] = {
    "sgd": sgd,
    "momentum": momentum,
    "nesterov": nesterov,
    "adagrad": adagrad,
    "rmsprop": rmsprop,
    "adam": adam,
    "adadelta": adadelta,
}

#: Methods that also use the Hessian: ``run_optimizer(name, ..., hess=fn.hess)`` runs them like
#: the first-order ones (see :mod:`core.second_order`). They have no ``torch.optim`` twin.
SECOND_ORDER: dict[str, Callable[..., Step]] = {"newton": newton}
_ALL_METHODS: dict[str, Callable[..., Step]] = {**OPTIMIZERS, **SECOND_ORDER}

#: The ``torch.optim`` class (and fixed arguments) each name corresponds to.
TORCH_EQUIVALENT: dict[str, str] = {
    "sgd": "torch.optim.SGD(params, lr)",
    "momentum": "torch.optim.SGD(params, lr, momentum=0.9)",
    "nesterov": "torch.optim.SGD(params, lr, momentum=0.9, nesterov=True)",
    "adagrad": "torch.optim.Adagrad(params, lr)",
    "rmsprop": "torch.optim.RMSprop(params, lr)",
    "adam": "torch.optim.Adam(params, lr)",
    "adadelta": "torch.optim.Adadelta(params, lr)",
}


def _check_name(name: Any) -> str:
    if not isinstance(name, str) or name not in _ALL_METHODS:
        raise ValueError(f"unknown optimizer {name!r}; expected one of {', '.join(_ALL_METHODS)}")
    return name


def hyperparameters(name: str) -> dict[str, Any]:
    """The hyperparameters of optimizer ``name`` (besides ``lr``) with their defaults."""
    factory = _ALL_METHODS[_check_name(name)]
    return {p.name: p.default for p in inspect.signature(factory).parameters.values()}


def update_rule(name: str) -> str:
    """The LaTeX of the update rule of optimizer ``name`` (the same string its docstring shows)."""
    return _ALL_METHODS[_check_name(name)].latex  # type: ignore[attr-defined]


def run_optimizer(
    name: str,
    grad: Grad,
    x0: Any,
    steps: int,
    lr: float | Any,
    *,
    sigma: float = 0.0,
    rng: np.random.Generator | None = None,
    **hyper: Any,
) -> np.ndarray:
    r"""Run ``steps`` iterations of optimizer ``name`` from ``x0`` and return all iterates.

    Parameters
    ----------
    name : {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adadelta", "newton"}
    grad : callable
        ``grad(x) -> ∇f(x)`` for ``x`` of shape (d,).
    x0 : array_like, shape (d,)
        Starting point.
    steps : int
        Number of updates (>= 0).
    lr : float or array_like of shape (steps,) or (steps, d)
        Learning rate η > 0; an array gives the rate of each step (a schedule), a 2-D array
        the rate of each step and coordinate (as one torch parameter group per coordinate).
        For ``steps = 0`` the schedule is empty, of shape (0,) or (0, d).
    sigma : float, default 0
        Standard deviation of Gaussian noise added to every gradient component, to mimic
        mini-batch gradients: g_t = ∇f(θ_{t−1}) + σ ξ_t, ξ_t ~ N(0, I).
    rng : numpy.random.Generator
        Source of the noise; required when ``sigma`` > 0.
    **hyper
        The optimizer's hyperparameters, with torch's names and defaults
        (see :func:`hyperparameters`), e.g. ``momentum=0.9``, ``betas=(0.9, 0.999)``;
        Newton takes ``hess`` (required: ``hess(θ) -> H``) and ``damping`` λ ≥ 0.

    Returns
    -------
    path : ndarray, shape (steps + 1, d)
        ``path[0] = x0`` and ``path[t]`` the iterate after ``t`` updates. Coordinates that
        overflow become inf/NaN (see :func:`divergence_step`); once no coordinate is finite the
        run stops and the remaining rows are NaN. Coordinates that do not interact (stacked
        independent runs) keep going when another one blows up. Newton's iterate becomes NaN
        where H + λI is singular (see :func:`core.second_order.newton_breakdown`).

    Notes
    -----
    Given the same gradients the iterates equal those of the corresponding ``torch.optim``
    optimizer (:data:`TORCH_EQUIVALENT`); with an array ``lr`` they equal torch with
    ``param_group["lr"]`` set before each step, as a per-step scheduler does (for a 2-D ``lr``,
    one parameter group per coordinate).
    """
    factory = _ALL_METHODS[_check_name(name)]
    allowed = hyperparameters(name)
    unknown = sorted(set(hyper) - set(allowed))
    if unknown:
        raise ValueError(
            f"unknown hyperparameter {unknown[0]!r} for {name}; "
            f"expected one of {', '.join(allowed) or 'none'}"
        )
    missing = [k for k, v in allowed.items() if v is inspect.Parameter.empty and k not in hyper]
    if missing:
        raise ValueError(f"missing hyperparameter {missing[0]!r} for {name}")
    if not callable(grad):
        raise ValueError(f"grad must be callable, got {grad!r}")
    theta = as_float_array(x0, "x0", ndim=1).copy()
    d = theta.size
    steps = int(check_scalar(steps, "steps", low=0, integer=True))
    if np.isscalar(lr):
        lrs = np.full(steps, check_scalar(lr, "lr", low=0.0, low_inclusive=False))
    elif steps == 0 and _empty_schedule(lr, d):
        lrs = np.empty(0)  # no step, no rate: an empty schedule is the right length
    else:
        lrs = as_float_array(lr, "lr", ndim=(1, 2))
        if lrs.shape not in ((steps,), (steps, d)):
            raise ValueError(
                f"lr must be a number or have shape ({steps},) or ({steps}, {d}), "
                f"got shape {lrs.shape}"
            )
        if np.any(lrs <= 0):
            raise ValueError(f"lr must be > 0, got {lrs.min()}")
    sigma = check_scalar(sigma, "sigma", low=0.0)
    if sigma > 0 and not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator when sigma > 0, got {rng!r}")
    update = factory(**hyper)

    path = np.full((steps + 1, d), np.nan)
    path[0] = theta
    # Divergence is part of the lesson: let inf/NaN appear silently; stop when nothing is finite.
    with np.errstate(all="ignore"):
        for t in range(1, steps + 1):
            g = np.asarray(grad(theta), dtype=np.float64).reshape(d)
            if sigma > 0:
                g = g + sigma * rng.standard_normal(d)  # type: ignore[union-attr]
            theta = update(theta, g, t, lrs[t - 1])
            path[t] = theta
            if not np.isfinite(theta).any():
                break
    return path


def _empty_schedule(lr: Any, d: int) -> bool:
    """Whether ``lr`` is an empty schedule, of shape (0,) or (0, d)."""
    try:
        shape = np.shape(lr)
    except (TypeError, ValueError):  # ragged
        return False
    return shape in ((0,), (0, d))


def _as_path(path: Any) -> np.ndarray:
    """A path as :func:`run_optimizer` returns it: a 2-D float array, where NaN/inf are allowed
    (they mark a divergence)."""
    try:
        probe = np.asarray(path)
    except (TypeError, ValueError):
        probe = None
    if probe is None or probe.dtype.kind not in "iuf":
        raise ValueError(f"path must be a 2-D array of numbers, got {_short(path)}")
    path = probe.astype(np.float64)
    if path.ndim != 2:
        raise ValueError(f"path must be 2-D, got shape {path.shape}")
    return path


def divergence_step(path: Any, limit: float = 1e6) -> int | None:
    """First step whose iterate is not finite or has ‖θ_t‖ > ``limit``; ``None`` if none."""
    path = _as_path(path)
    limit = check_scalar(limit, "limit", low=0.0, low_inclusive=False)
    with np.errstate(all="ignore"):
        bad = ~np.all(np.isfinite(path), axis=1) | (np.linalg.norm(path, axis=1) > limit)
    idx = np.flatnonzero(bad)
    return int(idx[0]) if idx.size else None


def update_sizes(path: Any) -> np.ndarray:
    """‖θ_t − θ_{t−1}‖ for t = 1..steps (inf or NaN around a divergence)."""
    path = _as_path(path)
    with np.errstate(over="ignore", invalid="ignore"):  # inf - inf, huge steps: NaN / inf
        return np.linalg.norm(np.diff(path, axis=0), axis=1)


@with_latex(r"\eta < \frac{2}{\lambda_{\max}(H)}")
def gd_lr_limit(H: Any) -> float:
    """Largest stable learning rate of gradient descent on a quadratic with Hessian ``H``.

    On f(θ) = ½θᵀHθ gradient descent multiplies the component along each eigenvector qᵢ by
    (1 − ηλᵢ); it converges iff |1 − ηλᵢ| < 1 for all i, i.e. 0 < η < 2/λ_max
    (Goodfellow et al., 2016, §4.3.1; Goh, 2017). Returns ``inf`` when λ_max ≤ 0.
    """
    H = as_float_array(H, "H", ndim=2)
    if H.shape[0] != H.shape[1]:
        raise ValueError(f"H must be square, got shape {H.shape}")
    lam_max = float(np.linalg.eigvalsh((H + H.T) / 2)[-1])
    return 2.0 / lam_max if lam_max > 0 else math.inf


@with_latex(
    r"\eta < \frac{2}{\lambda_{\max}}\ \text{(GD)},\qquad"
    r" \eta < \frac{2(1 + \mu)}{\lambda_{\max}}\ \text{(momentum)},\qquad"
    r" \eta < \frac{2(1 + \mu)}{(1 + 2\mu)\,\lambda_{\max}}\ \text{(Nesterov)}"
)
def stable_lr_limit(name: str, lam_max: float, momentum: float | None = None) -> float | None:
    """Largest stable learning rate of a fixed-step method on a quadratic with top eigenvalue λ_max.

    Along an eigenvector with eigenvalue λ the iterates follow a linear recurrence; it converges
    iff the roots of its characteristic polynomial lie inside the unit circle. For gradient
    descent the root is 1 − ηλ; for heavy ball z² − (1 + μ − ηλ)z + μ; for Nesterov
    z² − (1 − ηλ)(1 + μ)z + (1 − ηλ)μ. The Jury conditions give the bounds above (η > 0,
    0 ≤ μ < 1). Newton's step multiplies every component of the error by 1 − η whatever λ
    (positive definite H): stable for η < 2, and damping only widens that. Adaptive methods (AdaGrad, RMSProp, Adam, Adadelta) rescale each step by the
    gradients themselves and have no such fixed bound: ``None``.

    Parameters
    ----------
    name : str
        Optimizer name (see :data:`OPTIMIZERS`).
    lam_max : float
        Largest Hessian eigenvalue (> 0).
    momentum : float, optional
        μ for ``momentum``/``nesterov``; defaults to the optimizer's default (0.9).
    """
    _check_name(name)
    lam_max = check_scalar(lam_max, "lam_max", low=0.0, low_inclusive=False)
    if name == "sgd":
        return 2.0 / lam_max
    if name == "newton":
        return 2.0
    if name not in ("momentum", "nesterov"):
        return None
    mu = hyperparameters(name)["momentum"] if momentum is None else momentum
    mu = check_scalar(mu, "momentum", low=0.0, high=1.0, high_inclusive=False)
    if name == "momentum":
        return 2.0 * (1.0 + mu) / lam_max
    return 2.0 * (1.0 + mu) / ((1.0 + 2.0 * mu) * lam_max)


@with_latex(
    r"\eta^\star = \left(\frac{2}{\sqrt{\lambda_{\min}} + \sqrt{\lambda_{\max}}}\right)^2,"
    r"\qquad \beta^\star = \left(\frac{\sqrt{\kappa} - 1}{\sqrt{\kappa} + 1}\right)^2"
)
def optimal_momentum(lam_min: float, lam_max: float) -> tuple[float, float]:
    """Step size and momentum that make heavy ball converge fastest on a quadratic.

    For eigenvalues in [λ_min, λ_max] and κ = λ_max/λ_min the error then shrinks by
    (√κ − 1)/(√κ + 1) = √β* per step, against (κ − 1)/(κ + 1) for the best plain gradient
    descent (Goh, "Why Momentum Really Works", Distill 2017; Polyak, 1964).

    Returns
    -------
    (eta_star, beta_star)
    """
    lam_min = check_scalar(lam_min, "lam_min", low=0.0, low_inclusive=False)
    lam_max = check_scalar(lam_max, "lam_max", low=lam_min)
    eta_star = (2.0 / (math.sqrt(lam_min) + math.sqrt(lam_max))) ** 2
    sqrt_kappa = math.sqrt(lam_max / lam_min)
    beta_star = ((sqrt_kappa - 1.0) / (sqrt_kappa + 1.0)) ** 2
    return eta_star, beta_star


# ---------------------------------------------------------------------------------------------
# Test functions. ``f`` and ``grad`` accept points of shape (..., 2), so ``f`` evaluates a whole
# contour grid at once.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TestFunction:
    """A 2-D objective with its derivatives and what the page needs to draw it.

    Attributes
    ----------
    name : str
    latex : str
        The formula, for ``st.latex``.
    f, grad, hess : callable
        ``f(z)`` with z of shape (..., 2) → (...); ``grad(z)`` → (..., 2); ``hess(z)`` for z of
        shape (2,) → (2, 2).
    minima : ndarray, shape (k, 2)
        Local minimizers (global first); empty for the saddle.
    f_star : float or None
        Global minimum value (``None`` when f is unbounded below).
    box : tuple
        ((x_min, x_max), (y_min, y_max)), a view that shows the interesting part.
    start : ndarray, shape (2,)
        A default starting point.
    """

    __test__ = False  # not a pytest class despite the name

    name: str
    latex: str
    f: Callable[[np.ndarray], np.ndarray]
    grad: Callable[[np.ndarray], np.ndarray]
    hess: Callable[[np.ndarray], np.ndarray]
    minima: np.ndarray
    f_star: float | None
    box: tuple[tuple[float, float], tuple[float, float]]
    start: np.ndarray


def _xy(z: Any) -> tuple[np.ndarray, np.ndarray]:
    z = np.asarray(z, dtype=np.float64)
    if z.shape[-1:] != (2,):
        raise ValueError(f"points must have shape (..., 2), got shape {z.shape}")
    return z[..., 0], z[..., 1]


def quadratic(kappa: float = 10.0, theta: float = 0.0) -> TestFunction:
    r"""f(z) = ½ zᵀ A z with A = R(θ) diag(1, κ) R(θ)ᵀ: eigenvalues 1 and κ, axes rotated by θ.

    Parameters
    ----------
    kappa : float, >= 1
        Condition number λ_max/λ_min of the Hessian A.
    theta : float
        Rotation of the principal axes, in radians.
    """
    kappa = check_scalar(kappa, "kappa", low=1.0)
    theta = check_scalar(theta, "theta")
    c, s = math.cos(theta), math.sin(theta)
    R = np.array([[c, -s], [s, c]])
    A = R @ np.diag([1.0, kappa]) @ R.T  # (2, 2), symmetric

    def f(z: Any) -> np.ndarray:
        x, y = _xy(z)
        return 0.5 * (A[0, 0] * x * x + 2 * A[0, 1] * x * y + A[1, 1] * y * y)

    def grad(z: Any) -> np.ndarray:
        _xy(z)
        return np.asarray(z, dtype=np.float64) @ A

    return TestFunction(
        name="quadratic",
        latex=r"f(\mathbf{z}) = \tfrac12\,\mathbf{z}^\top R_\theta"
        r"\begin{pmatrix}1 & 0\\ 0 & \kappa\end{pmatrix}R_\theta^\top\mathbf{z}",
        f=f,
        grad=grad,
        hess=lambda z: A.copy(),
        minima=np.zeros((1, 2)),
        f_star=0.0,
        box=((-3.0, 3.0), (-3.0, 3.0)),
        start=np.array([-2.5, 1.5]),
    )


def saddle() -> TestFunction:
    """f(x, y) = x² − y²: a saddle at the origin, unbounded below along y."""

    def f(z: Any) -> np.ndarray:
        x, y = _xy(z)
        return x * x - y * y

    def grad(z: Any) -> np.ndarray:
        x, y = _xy(z)
        return np.stack([2 * x, -2 * y], axis=-1)

    return TestFunction(
        name="saddle",
        latex=r"f(x, y) = x^2 - y^2",
        f=f,
        grad=grad,
        hess=lambda z: np.diag([2.0, -2.0]),
        minima=np.zeros((0, 2)),
        f_star=None,
        box=((-2.0, 2.0), (-2.0, 2.0)),
        start=np.array([-1.8, 0.01]),
    )


def rosenbrock(a: float = 1.0, b: float = 100.0) -> TestFunction:
    """f(x, y) = (a − x)² + b(y − x²)²: a curved, flat-bottomed valley; minimum at (a, a²)."""
    a = check_scalar(a, "a")
    b = check_scalar(b, "b", low=0.0, low_inclusive=False)

    def f(z: Any) -> np.ndarray:
        x, y = _xy(z)
        return (a - x) ** 2 + b * (y - x * x) ** 2

    def grad(z: Any) -> np.ndarray:
        x, y = _xy(z)
        r = y - x * x
        return np.stack([-2 * (a - x) - 4 * b * x * r, 2 * b * r], axis=-1)

    def hess(z: Any) -> np.ndarray:
        x, y = _xy(z)
        return np.array(
            [[2 - 4 * b * (y - 3 * x * x), -4 * b * x], [-4 * b * x, 2 * b]], dtype=np.float64
        )

    return TestFunction(
        name="rosenbrock",
        latex=rf"f(x, y) = ({a:g} - x)^2 + {b:g}\,(y - x^2)^2",
        f=f,
        grad=grad,
        hess=hess,
        minima=np.array([[a, a * a]]),
        f_star=0.0,
        box=((-2.0, 2.0), (-1.0, 3.0)),
        start=np.array([-1.5, 2.5]),
    )


#: Tilt of the double well; it makes the left minimum the global one.
TWO_MINIMA_TILT = 0.3


def two_minima() -> TestFunction:
    """f(x, y) = (x² − 1)² + 0.3x + y²: a tilted double well.

    The critical points on y = 0 solve 4x³ − 4x + 0.3 = 0: a global minimum near x ≈ −1.04, a
    saddle near x ≈ 0.08 and a shallower local minimum near x ≈ 0.96.
    """
    c = TWO_MINIMA_TILT

    def f(z: Any) -> np.ndarray:
        x, y = _xy(z)
        return (x * x - 1) ** 2 + c * x + y * y

    def grad(z: Any) -> np.ndarray:
        x, y = _xy(z)
        return np.stack([4 * x * (x * x - 1) + c, 2 * y], axis=-1)

    roots = np.sort(np.roots([4.0, 0.0, -4.0, c]).real)  # left min, saddle, right min
    minima = np.array([[roots[0], 0.0], [roots[2], 0.0]])
    return TestFunction(
        name="two_minima",
        latex=rf"f(x, y) = (x^2 - 1)^2 + {c:g}\,x + y^2",
        f=f,
        grad=grad,
        hess=lambda z: np.array([[12 * _xy(z)[0] ** 2 - 4, 0.0], [0.0, 2.0]]),
        minima=minima,
        f_star=float(f(minima[0])),
        box=((-2.0, 2.0), (-2.0, 2.0)),
        start=np.array([1.8, 1.5]),
    )
