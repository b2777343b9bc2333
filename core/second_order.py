"""Second-order methods: Newton's step (damped, Levenberg–Marquardt), L-BFGS and their cost.

Newton's method fits the quadratic model f(θ + d) ≈ f(θ) + gᵀd + ½dᵀHd and moves to its
stationary point d = −H⁻¹g. That point is the model's minimum only when H is positive definite;
where H is indefinite it is a saddle of the model, where H is negative definite a maximum.
Damping (Levenberg–Marquardt) solves with H + λI instead: a large enough λ makes the matrix
positive definite, and the step turns towards gradient descent with rate 1/λ.

The step is computed with ``np.linalg.solve`` (an LU factorisation, O(N³)); H is never
inverted. :func:`core.optimizers.run_optimizer` runs it like the first-order methods
(``run_optimizer("newton", grad, x0, steps, lr, hess=fn.hess, damping=0.0)``).

References
----------
Nocedal & Wright, *Numerical Optimization*, 2nd ed. (2006), ch. 3.4 (Newton with Hessian
modification), ch. 7.2 (L-BFGS), ch. 10.3 (Levenberg–Marquardt);
Goodfellow, Bengio & Courville, *Deep Learning* (2016), §8.6.1 (Newton's method), §8.6.3
(BFGS, L-BFGS).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import scipy.optimize

from core._validate import as_float_array, check_scalar, with_latex

Hess = Callable[[np.ndarray], np.ndarray]
Step = Callable[[np.ndarray, np.ndarray, int, Any], np.ndarray]

#: Relative size below which an eigenvalue of H + λI counts as zero (the matrix as singular).
SINGULAR_TOL = 1e-12

#: The classic start for Newton on Rosenbrock's valley (Rosenbrock, 1960; Nocedal & Wright, ch. 3).
ROSENBROCK_START: tuple[float, float] = (-1.2, 1.0)

#: The course's MNIST network: 784 inputs, hidden layers 64-64-128-64-64 (ReLU), 10 outputs.
COURSE_MLP: tuple[int, ...] = (784, 64, 64, 128, 64, 64, 10)
#: Its final model has one batch-normalisation layer, after the second hidden layer (width 64).
COURSE_MLP_BATCH_NORM: tuple[int, ...] = (2,)


def _check_hess(hess: Any) -> Hess:
    if not callable(hess):
        raise ValueError(f"hess must be callable, got {hess!r}")
    return hess


def _shifted_hessian(hess: Hess, theta: np.ndarray, damping: float) -> np.ndarray:
    """H(θ) + λI as a (d, d) float array (NaN when ``hess`` does not give a (d, d) matrix)."""
    d = theta.size
    H = np.asarray(hess(theta), dtype=np.float64)
    if H.shape != (d, d):
        raise ValueError(f"hess must return a ({d}, {d}) matrix, got shape {H.shape}")
    return H + damping * np.eye(d)


@with_latex(
    r"\begin{aligned} g_t &= \nabla f(\theta_{t-1}),\quad H_t = \nabla^2 f(\theta_{t-1}) \\"
    r" \theta_t &= \theta_{t-1} - \eta\,(H_t + \lambda I)^{-1} g_t \end{aligned}"
)
def newton(*, hess: Hess, damping: float = 0.0) -> Step:
    """Newton's method, damped (Levenberg–Marquardt) when ``damping`` = λ > 0.

    Each step solves (H + λI) d = g with ``np.linalg.solve`` and moves θ ← θ − η d. When
    H + λI is singular there is no step: the iterate becomes NaN, and
    :func:`core.optimizers.run_optimizer` stops there as at a divergence
    (:func:`newton_breakdown` says why). On a quadratic with positive definite H, η = 1 and
    λ = 0 land on the minimum in one step, whatever the condition number.

    Parameters
    ----------
    hess : callable
        ``hess(θ) -> H`` of shape (d, d), e.g. ``TestFunction.hess``.
    damping : float, default 0
        λ ≥ 0 added to the diagonal of H.
    """
    hess = _check_hess(hess)
    lam = check_scalar(damping, "damping", low=0.0)

    def step(theta: np.ndarray, g: np.ndarray, t: int, lr: Any) -> np.ndarray:
        M = _shifted_hessian(hess, theta, lam)
        if not np.all(np.isfinite(M)):
            return np.full_like(theta, np.nan)
        try:
            d = np.linalg.solve(M, g)
        except np.linalg.LinAlgError:  # exactly singular: no Newton step exists
            return np.full_like(theta, np.nan)
        return theta - lr * d

    return step


Kind = Literal["positive_definite", "negative_definite", "indefinite", "singular"]
Target = Literal["minimum", "maximum", "saddle"]


@dataclass(frozen=True)
class Diagnosis:
    """What Newton's step does at a point, read from the eigenvalues of H + λI.

    Attributes
    ----------
    eigenvalues : ndarray, shape (d,)
        Eigenvalues of the symmetric part of H + λI, ascending.
    kind : {"positive_definite", "negative_definite", "indefinite", "singular"}
    target : {"minimum", "maximum", "saddle"} or None
        The stationary point of the quadratic model that the full step lands on; ``None``
        when the matrix is singular (no step).
    descent : bool or None
        Whether the step −(H + λI)⁻¹g goes downhill (gᵀd < 0 for d the step); ``None`` without
        a gradient, when singular, or when g = 0.
    """

    eigenvalues: np.ndarray
    kind: Kind
    target: Target | None
    descent: bool | None


def diagnose(H: Any, g: Any = None, damping: float = 0.0) -> Diagnosis:
    """Classify H + λI (positive definite, indefinite, ...) and where Newton's step goes.

    An eigenvalue whose size is at most ``SINGULAR_TOL`` times the largest size (or 1) counts
    as zero.

    Parameters
    ----------
    H : array_like, shape (d, d)
        The Hessian at the point (its symmetric part is used).
    g : array_like, shape (d,), optional
        The gradient there, to tell whether the step goes downhill.
    damping : float, default 0
        λ ≥ 0.
    """
    H = as_float_array(H, "H", ndim=2)
    if H.shape[0] != H.shape[1]:
        raise ValueError(f"H must be square, got shape {H.shape}")
    lam = check_scalar(damping, "damping", low=0.0)
    if g is not None:
        g = as_float_array(g, "g", ndim=1)
        if g.shape != (H.shape[0],):
            raise ValueError(f"g must have shape ({H.shape[0]},), got shape {g.shape}")
    M = (H + H.T) / 2 + lam * np.eye(H.shape[0])
    eig = np.linalg.eigvalsh(M)
    scale = max(float(np.max(np.abs(eig), initial=0.0)), 1.0)
    if np.any(np.abs(eig) <= SINGULAR_TOL * scale):
        return Diagnosis(eig, "singular", None, None)
    if eig[0] > 0:
        kind, target = "positive_definite", "minimum"
    elif eig[-1] < 0:
        kind, target = "negative_definite", "maximum"
    else:
        kind, target = "indefinite", "saddle"
    descent = None
    if g is not None and np.any(g != 0):
        d = -np.linalg.solve(M, g)
        descent = bool(g @ d < 0)
    return Diagnosis(eig, kind, target, descent)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Breakdown:
    """Where and why a Newton run stopped.

    ``reason`` is "singular" (H + λI had no inverse at the previous iterate), "nan" or "inf"
    (the iterate became NaN or infinite) or "grew" (‖θ‖ passed the limit); ``eigenvalues`` are
    those of H + λI at the last good iterate (NaN if they could not be computed).
    """

    step: int
    reason: Literal["singular", "nan", "inf", "grew"]
    eigenvalues: np.ndarray


def newton_breakdown(
    path: Any, hess: Hess, damping: float = 0.0, limit: float = 1e6
) -> Breakdown | None:
    """The first step of a Newton ``path`` that is not finite or has ‖θ_t‖ > ``limit``, and why.

    The same rule as :func:`core.optimizers.divergence_step`, plus the reason: a singular
    H + λI at the iterate before (the step does not exist, or is huge), or plain growth.
    ``None`` when the whole path is fine.
    """
    path = _as_path(path)
    hess = _check_hess(hess)
    lam = check_scalar(damping, "damping", low=0.0)
    limit = check_scalar(limit, "limit", low=0.0, low_inclusive=False)
    with np.errstate(all="ignore"):
        bad = ~np.all(np.isfinite(path), axis=1) | (np.linalg.norm(path, axis=1) > limit)
    idx = np.flatnonzero(bad)
    if not idx.size:
        return None
    k = int(idx[0])
    eig = np.full(path.shape[1], np.nan)
    if k > 0:
        M = _shifted_hessian(hess, path[k - 1], lam)
        if np.all(np.isfinite(M)):
            diag = diagnose(M)
            eig = diag.eigenvalues
            if diag.kind == "singular":
                return Breakdown(k, "singular", eig)
    if np.isnan(path[k]).any():
        reason = "nan"
    elif np.isinf(path[k]).any():
        reason = "inf"
    else:
        reason = "grew"
    return Breakdown(k, reason, eig)  # type: ignore[arg-type]


def _as_path(path: Any) -> np.ndarray:
    """A path as ``run_optimizer`` returns it: a 2-D float array where NaN/inf are allowed."""
    try:
        arr = np.asarray(path)
    except (TypeError, ValueError):
        arr = None
    if arr is None or arr.dtype.kind not in "iuf" or arr.ndim != 2 or arr.shape[0] == 0:
        raise ValueError(
            f"path must be a non-empty 2-D array of numbers, got {type(path).__name__}"
        )
    return arr.astype(np.float64)


def lbfgs_path(
    f: Callable[[np.ndarray], Any],
    grad: Callable[[np.ndarray], Any],
    x0: Any,
    steps: int,
    *,
    m: int = 10,
) -> np.ndarray:
    """The iterates of SciPy's L-BFGS-B (no bounds) from ``x0``, at most ``steps`` of them.

    Parameters
    ----------
    f, grad : callable
        The objective and its gradient for a point of shape (d,).
    x0 : array_like, shape (d,)
    steps : int
        Largest number of iterations (>= 0).
    m : int, default 10
        Number of correction pairs kept (the memory of L-BFGS).

    Returns
    -------
    path : ndarray, shape (k + 1, d)
        ``path[0] = x0`` and one row per accepted iterate; k ≤ ``steps``, fewer when SciPy
        stops because the gradient or the change in f is negligible (it has converged).
    """
    if not callable(f) or not callable(grad):
        raise ValueError("f and grad must be callable")
    x0 = as_float_array(x0, "x0", ndim=1)
    steps = int(check_scalar(steps, "steps", low=0, integer=True))
    m = int(check_scalar(m, "m", low=1, integer=True))
    rows = [x0.copy()]
    if steps == 0:
        return np.array(rows)

    def remember(xk: np.ndarray) -> None:
        rows.append(np.array(xk, dtype=np.float64))

    with np.errstate(all="ignore"):
        scipy.optimize.minimize(
            lambda z: float(f(z)),
            x0,
            jac=lambda z: np.asarray(grad(z), dtype=np.float64),
            method="L-BFGS-B",
            callback=remember,
            options={"maxiter": steps, "maxcor": m, "gtol": 1e-12, "ftol": 1e-15},
        )
    return np.array(rows[: steps + 1])


# ---------------------------------------------------------------------------------------------
# Cost per step.
# ---------------------------------------------------------------------------------------------


def mlp_parameter_count(sizes: Sequence[int], batch_norm: Sequence[int] = ()) -> int:
    """Trainable parameters of a fully connected network with layer widths ``sizes``.

    N = Σ_l (n_{l−1} n_l + n_l): a weight matrix and a bias per layer; each batch-norm layer
    after hidden layer i (1-based) adds a scale and a shift per unit, 2 n_i (its running mean
    and variance are buffers, not parameters).
    """
    if not isinstance(sizes, (list, tuple)) or len(sizes) < 2:
        raise ValueError(f"sizes must list at least 2 layer widths, got {sizes!r}")
    widths = [int(check_scalar(n, "layer width", low=1, integer=True)) for n in sizes]
    if not isinstance(batch_norm, (list, tuple)):
        raise ValueError(f"batch_norm must be a list of hidden-layer numbers, got {batch_norm!r}")
    hidden = len(widths) - 2
    total = sum(a * b + b for a, b in zip(widths[:-1], widths[1:], strict=False))
    for i in batch_norm:
        i = int(check_scalar(i, "batch_norm layer", low=1, high=max(hidden, 1), integer=True))
        if hidden == 0:
            raise ValueError("batch_norm needs a hidden layer, the network has none")
        total += 2 * widths[i]
    return total


@dataclass(frozen=True)
class StepCost:
    """Per-step cost of one method for N parameters (leading terms)."""

    method: str
    time: str  # big O, e.g. "O(N³)"
    memory: str  # big O
    flops: float  # arithmetic per step beyond computing the gradient, leading term
    numbers: float  # numbers kept besides the parameters
    bytes: float  # numbers × bytes per number


@with_latex(
    r"\text{first order: } O(N),\qquad \text{L-BFGS: } O(mN),\qquad"
    r" \text{Newton: } O(N^2)\ \text{memory},\ O(N^3)\ \text{time}"
)
def step_costs(N: int, m: int = 10, bytes_per_number: int = 4) -> list[StepCost]:
    """Leading per-step arithmetic and memory of SGD, Adam, L-BFGS and Newton for N parameters.

    SGD keeps the gradient (N numbers, N multiply-adds); Adam two more averages (3N, about 10N
    operations); L-BFGS m pairs (s, y) and the gradient ((2m + 1)N, two-loop recursion 4mN);
    Newton the Hessian (N² numbers) and a dense factorisation to solve with it (N³/3 for
    Cholesky, 2N³/3 for LU). Forming H costs about N gradient evaluations on top (not counted).

    Parameters
    ----------
    N : int
        Number of parameters (>= 1).
    m : int, default 10
        L-BFGS memory.
    bytes_per_number : int, default 4
        4 for float32, 8 for float64.
    """
    N = int(check_scalar(N, "N", low=1, integer=True))
    m = int(check_scalar(m, "m", low=1, integer=True))
    b = int(check_scalar(bytes_per_number, "bytes_per_number", low=1, integer=True))
    n = float(N)
    rows = [
        ("sgd", "O(N)", "O(N)", n, n),
        ("adam", "O(N)", "O(N)", 10.0 * n, 3.0 * n),
        ("lbfgs", "O(mN)", "O(mN)", 4.0 * m * n, (2.0 * m + 1.0) * n),
        ("newton", "O(N³)", "O(N²)", n**3 / 3.0, n * n + n),
    ]
    return [StepCost(name, tm, mem, fl, num, num * b) for name, tm, mem, fl, num in rows]


def hessian_bytes(N: int, bytes_per_number: int = 4) -> int:
    """Bytes of a dense N × N Hessian: N² × ``bytes_per_number`` (4 at float32)."""
    N = int(check_scalar(N, "N", low=1, integer=True))
    b = int(check_scalar(bytes_per_number, "bytes_per_number", low=1, integer=True))
    return N * N * b
