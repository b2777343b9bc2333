"""Least squares and the Moore–Penrose pseudoinverse.

For a data matrix ``X`` of shape (n, d) and targets ``y`` of shape (n,), every minimizer of
``L(w) = ||Xw - y||^2 / (2n)`` solves the normal equations ``X^T X w = X^T y``. The minimizer is
unique exactly when ``X`` has full *column* rank (rank d, which needs d <= n). Otherwise the
minimizers form the affine set ``X^+ y + null(X)``; they all leave the same residual and ``X^+ y``
is the one of smallest norm.

Everything here is computed from one SVD, ``X = U diag(sigma) V^T``, with the rank decided by a
relative tolerance on the singular values (the same convention as ``numpy.linalg.matrix_rank``).

References
----------
G. H. Golub and C. F. Van Loan, *Matrix Computations*, 4th ed., sections 5.5 (rank-deficient
least squares) and 2.4 (the SVD).
I. Goodfellow, Y. Bengio and A. Courville, *Deep Learning*, section 2.9 (the Moore–Penrose
pseudoinverse) and 7.1.1 (L2 regularization).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

import numpy as np
import sympy

from core._validate import as_float_array, check_scalar, with_latex

EXAMPLES: tuple[str, ...] = ("full", "dup", "collinear", "wide", "near")
"""Names accepted by :func:`example_data`."""

MAX_STEPS = 100_000


# --------------------------------------------------------------------------------------------
# validation helpers
# --------------------------------------------------------------------------------------------


def _as_X(X: object) -> np.ndarray:
    return as_float_array(X, "X", ndim=2)


def _as_y(y: object, n: int) -> np.ndarray:
    y = as_float_array(y, "y", ndim=(1, 2))
    if y.ndim == 2:
        if y.shape[1] != 1:
            raise ValueError(f"y must be 1-D or a single column, got shape {y.shape}")
        y = y[:, 0]
    if y.shape[0] != n:
        raise ValueError(f"y must have length {n} (the number of rows of X), got {y.shape[0]}")
    return y


def _as_w(w: object, d: int, name: str) -> np.ndarray:
    """A weight vector (d,) or a stack of them (m, d)."""
    w = as_float_array(w, name, ndim=(1, 2))
    if w.shape[-1] != d:
        raise ValueError(
            f"{name} must have length {d} (the number of columns of X), got {w.shape[-1]}"
        )
    return w


def _rtol(rtol: float | None, X: np.ndarray) -> float:
    if rtol is None:
        return max(X.shape) * float(np.finfo(np.float64).eps)
    return check_scalar(rtol, "rtol", low=0.0, high=1.0, high_inclusive=False)


MAX_ABS = 1e6


def check_data(X: object, y: object, max_abs: float = MAX_ABS) -> tuple[np.ndarray, np.ndarray]:
    """Validate a data set typed by a person: shapes, finite cells, and a sane magnitude.

    Squaring entries (``X^T X``, ``sigma^2``) overflows long before ``1e308``; a bound keeps every
    quantity on the page finite.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    max_abs : float > 0
        Largest magnitude allowed in ``X`` and ``y``.

    Returns
    -------
    X : ndarray, shape (n, d)
    y : ndarray, shape (n,)
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    max_abs = check_scalar(max_abs, "max_abs", low=0.0, low_inclusive=False)
    for name, arr in (("X", X), ("y", y)):
        biggest = float(np.abs(arr).max())
        if biggest > max_abs:
            raise ValueError(f"|{name}| must be <= {max_abs:g}, got {biggest:g}")
    return X, y


# --------------------------------------------------------------------------------------------
# SVD, rank, tolerance
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SVDInfo:
    """The SVD of ``X`` with the rank decision made once.

    Attributes
    ----------
    U : (n, n) array
    sigma : (min(n, d),) array, decreasing
    Vt : (d, d) array
    tol : float
        Absolute threshold ``rtol * sigma_max``; singular values ``<= tol`` count as zero.
    rtol : float
    rank : int
    """

    U: np.ndarray
    sigma: np.ndarray
    Vt: np.ndarray
    tol: float
    rtol: float
    rank: int


RANK_LATEX = (
    r"\operatorname{rank}X = \#\{i : \sigma_i > \tau\},\qquad"
    r" \tau = \mathrm{rtol}\cdot\sigma_{\max},\quad \mathrm{rtol} = \max(n,d)\,\varepsilon"
)


@with_latex(RANK_LATEX)
def svd_info(X: object, rtol: float | None = None) -> SVDInfo:
    """Full SVD of ``X`` and the numerical rank.

    Parameters
    ----------
    X : array_like, shape (n, d)
    rtol : float in [0, 1), optional
        Relative tolerance. Default ``max(n, d) * eps`` (as ``numpy.linalg.matrix_rank``).

    Returns
    -------
    SVDInfo
    """
    X = _as_X(X)
    rtol_ = _rtol(rtol, X)
    U, sigma, Vt = np.linalg.svd(X, full_matrices=True)
    sigma_max = float(sigma[0]) if sigma.size else 0.0
    tol = rtol_ * sigma_max
    r = int(np.count_nonzero(sigma > tol))
    return SVDInfo(U=U, sigma=sigma, Vt=Vt, tol=tol, rtol=rtol_, rank=r)


def singular_values(X: object) -> np.ndarray:
    """Singular values of ``X`` in decreasing order, shape (min(n, d),)."""
    return np.linalg.svd(_as_X(X), compute_uv=False)


@with_latex(RANK_LATEX)
def rank(X: object, rtol: float | None = None) -> int:
    """Numerical rank: the number of singular values above ``rtol * sigma_max``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    rtol : float in [0, 1), optional
        Default ``max(n, d) * eps``.

    Returns
    -------
    int
    """
    return svd_info(X, rtol).rank


def is_unique(X: object, rtol: float | None = None) -> bool:
    """Whether least squares on ``X`` has exactly one minimizer: full *column* rank, rank = d.

    Full row rank is not enough: a wide ``X`` (d > n) can have rank n and still infinitely many
    minimizers.
    """
    info = svd_info(X, rtol)
    return info.rank == info.Vt.shape[0]


@with_latex(r"\kappa(X) = \frac{\sigma_{\max}}{\sigma_{\min}}")
def condition_number(X: object) -> float:
    """2-norm condition number ``sigma_max / sigma_min`` over the min(n, d) singular values.

    Returns ``inf`` when the smallest singular value is exactly 0 (as ``numpy.linalg.cond``).
    For a wide ``X`` this is the condition number of its rows; least squares is still not unique.
    """
    sigma = singular_values(X)
    if sigma[-1] == 0.0:
        return float("inf")
    return float(sigma[0] / sigma[-1])


# --------------------------------------------------------------------------------------------
# pseudoinverse, minimizers
# --------------------------------------------------------------------------------------------


@with_latex(
    r"X^{+} = V\,\Sigma^{+}\,U^\top,\qquad"
    r" \Sigma^{+}_{ii} = \begin{cases} 1/\sigma_i & \sigma_i > \tau \\ 0 & \text{otherwise}"
    r"\end{cases}"
)
def pinv(X: object, rtol: float | None = None) -> np.ndarray:
    """Moore–Penrose pseudoinverse through the SVD, shape (d, n).

    Singular values at or below ``tau = rtol * sigma_max`` are treated as zero, so that noise of
    the order of machine precision does not turn into huge entries.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., section 5.5.2.
    """
    info = svd_info(X, rtol)
    r = info.rank
    X_pinv = (info.Vt[:r].T / info.sigma[:r]) @ info.U[:, :r].T  # (d, n)
    return X_pinv


@with_latex(r"\mathbf{w}^\star = X^{+}\mathbf{y}")
def min_norm_solution(X: object, y: object, rtol: float | None = None) -> np.ndarray:
    """The least-squares minimizer of smallest Euclidean norm, ``X^+ y``, shape (d,).

    This is what ``numpy.linalg.lstsq`` and ``numpy.linalg.pinv(X) @ y`` return.
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    return pinv(X, rtol) @ y


@with_latex(r"\mathbf{w}^\star = (X^\top X)^{-1}X^\top\mathbf{y}")
def normal_equations_solution(X: object, y: object, rtol: float | None = None) -> np.ndarray:
    """Solve the normal equations ``X^T X w = X^T y`` directly (needs full column rank).

    Raises
    ------
    ValueError
        If ``X`` does not have full column rank: ``X^T X`` is then singular; if forming
        ``X^T X`` makes it numerically singular; or if ``w`` is beyond the float range.
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    r = rank(X, rtol)
    d = X.shape[1]
    if r != d:
        raise ValueError(f"X must have full column rank {d} to invert X^T X, got rank {r}")
    # Scaling X by a power of two is exact and leaves the rounding of every step unchanged, but
    # keeps X^T X from underflowing to 0 (or overflowing) when the entries are tiny (or huge).
    e = int(np.frexp(np.max(np.abs(X)))[1])
    X_s = np.ldexp(X, -e)
    try:
        w_s = np.linalg.solve(X_s.T @ X_s, X_s.T @ y)
    except np.linalg.LinAlgError as exc:
        # Full rank by the SVD tolerance, but forming X^T X squared the condition number past
        # what floating point can invert: exactly the lesson of the ill-conditioned example.
        raise ValueError(
            f"X^T X is numerically singular (condition number of X {condition_number(X):.3g}, squared by "
            "forming X^T X); use the SVD or lstsq instead"
        ) from exc
    with np.errstate(over="ignore"):
        w = np.ldexp(w_s, -e)
    if not np.all(np.isfinite(w)):
        raise ValueError(
            "the solution w of the normal equations is beyond the float range (y is too large "
            "for the scale of X); use the SVD or lstsq instead"
        )
    return w


def lstsq_numeric(X: object, y: object) -> np.ndarray:
    """LAPACK's least-squares solver (``numpy.linalg.lstsq``, divide and conquer), shape (d,).

    Used by the page as the independent numerical check of the closed form.
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    return np.linalg.lstsq(X, y, rcond=None)[0]


@with_latex(r"N = [\mathbf{v}_{r+1},\dots,\mathbf{v}_d],\qquad X N = 0,\quad N^\top N = I")
def null_space(X: object, rtol: float | None = None) -> np.ndarray:
    """Orthonormal basis of the null space of ``X``: the last d - rank right singular vectors.

    Returns
    -------
    N : ndarray, shape (d, k) with k = d - rank(X)
    """
    info = svd_info(X, rtol)
    return info.Vt[info.rank :].T.copy()


def project_null_space(X: object, w: object, rtol: float | None = None) -> np.ndarray:
    """Component of ``w`` (shape (d,) or (m, d)) in the null space: ``(I - X^+ X) w = N N^T w``."""
    X = _as_X(X)
    w = _as_w(w, X.shape[1], "w")
    N = null_space(X, rtol)  # (d, k)
    return (w @ N) @ N.T


@with_latex(r"\mathbf{w}(\mathbf{z}) = X^{+}\mathbf{y} + (I - X^{+}X)\,\mathbf{z}")
def solution_family(X: object, y: object, z: object, rtol: float | None = None) -> np.ndarray:
    """Every least-squares minimizer, parametrized by ``z`` in R^d.

    ``I - X^+ X`` projects onto the null space of ``X``, so all members have the same fitted
    values ``Xw`` (hence the same residual), and ``||w(z)||^2 = ||X^+ y||^2 + ||(I - X^+ X) z||^2``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    z : array_like, shape (d,) or (m, d)

    Returns
    -------
    w : ndarray, shape like ``z``
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    z = _as_w(z, X.shape[1], "z")
    w_star = min_norm_solution(X, y, rtol)
    return w_star + project_null_space(X, z, rtol)


def _residual_sumsq(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``||Xw - y||^2`` for ``w`` (d,) or each row of ``w`` (m, d), as ``(s, e)``: ``s * 4**e``.

    The direct sum of squares (``e = 0``) overflows once a residual passes ~1e154, or earlier in
    ``Xw``, although the residual itself may be finite. Rows where that happens are recomputed
    with ``X``, ``w`` and ``y`` scaled by powers of two (exact), so that every residual is at most
    ``d + 1`` in size; the caller puts the scale back with ``np.ldexp``, which gives ``inf`` only
    when the result itself is beyond the float range.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        r = w @ X.T - y  # (n,) or (m, n)
        s = np.atleast_1d(np.sum(r * r, axis=-1))
    e = np.zeros(s.shape, dtype=np.int64)
    W = np.atleast_2d(w)
    e_X = int(np.frexp(np.max(np.abs(X)))[1])
    e_y = int(np.frexp(np.max(np.abs(y)))[1])
    for i in np.flatnonzero(~np.isfinite(s)):
        e_w = int(np.frexp(np.max(np.abs(W[i])))[1])
        e[i] = max(e_X + e_w, e_y)
        # |r_scaled| <= d + 1; factors below 2**-1074 underflow to 0 (negligible, no warning)
        Xw = (np.ldexp(X, -e_X) @ np.ldexp(W[i], -e_w)) * 2.0 ** (e_X + e_w - e[i])
        r_scaled = Xw - np.ldexp(y, -e[i])
        s[i] = r_scaled @ r_scaled
    return s, e


@with_latex(r"L(\mathbf{w}) = \frac{1}{2n}\,\lVert X\mathbf{w} - \mathbf{y}\rVert^2")
def loss(X: object, y: object, w: object) -> float | np.ndarray:
    """Mean squared error with the 1/2 factor; ``w`` (d,) gives a float, (m, d) gives (m,).

    Huge entries never overflow in between (see :func:`_residual_sumsq`); the result is ``inf``
    only when the loss itself exceeds the largest float (~1.8e308).
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    w = _as_w(w, X.shape[1], "w")
    s, e = _residual_sumsq(X, y, w)
    with np.errstate(over="ignore"):
        out = np.ldexp(0.5 * (s / X.shape[0]), 2 * e)
    return float(out[0]) if w.ndim == 1 else out


def residual_norm(X: object, y: object, w: object) -> float | np.ndarray:
    """``||Xw - y||`` for ``w`` (d,) or (m, d); ``inf`` only beyond the float range (as
    :func:`loss`)."""
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    w = _as_w(w, X.shape[1], "w")
    s, e = _residual_sumsq(X, y, w)
    with np.errstate(over="ignore"):
        out = np.ldexp(np.sqrt(s), e)
    return float(out[0]) if w.ndim == 1 else out


# --------------------------------------------------------------------------------------------
# ridge
# --------------------------------------------------------------------------------------------


@with_latex(r"\mathbf{w}_\lambda = (X^\top X + \lambda I)^{-1}X^\top\mathbf{y}")
def ridge_solution(X: object, y: object, lam: float) -> np.ndarray:
    """Minimizer of ``||Xw - y||^2 + lam ||w||^2``, shape (d,).

    Computed as ``V diag(sigma / (sigma^2 + lam)) U^T y``, which equals the formula and stays
    accurate for tiny ``lam`` (forming ``X^T X`` squares the condition number). As ``lam -> 0+``
    it tends to ``X^+ y``, the minimum-norm solution, even when ``X^T X`` is singular.

    Parameters
    ----------
    lam : float > 0

    References
    ----------
    Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., 3.4.1.
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    lam = check_scalar(lam, "lam", low=0.0, low_inclusive=False)
    U, sigma, Vt = np.linalg.svd(X, full_matrices=False)
    return Vt.T @ ((sigma / (sigma**2 + lam)) * (U.T @ y))


def ridge_path(X: object, y: object, lams: object) -> np.ndarray:
    """Ridge solutions for each ``lam`` in ``lams`` (all > 0), shape (len(lams), d)."""
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    lams = as_float_array(lams, "lams", ndim=1)
    if np.any(lams <= 0):
        raise ValueError(f"lams must be > 0, got {float(lams.min())}")
    U, sigma, Vt = np.linalg.svd(X, full_matrices=False)
    Uty = U.T @ y
    filt = sigma / (sigma**2 + lams[:, None])  # (m, r)
    return (filt * Uty) @ Vt


# --------------------------------------------------------------------------------------------
# gradient descent
# --------------------------------------------------------------------------------------------


def max_stable_lr(X: object) -> float:
    """``2n / sigma_max^2``: gradient descent on ``L`` converges iff ``0 < lr < this`` (if y ≠ 0).

    The Hessian of ``L`` is ``X^T X / n``; gradient descent on a quadratic diverges once
    ``lr * lambda_max > 2``. ``inf`` for ``X = 0``, and also when ``2n / sigma_max^2`` is beyond
    the float range (``sigma_max`` below ~1e-154): every float step is then below the limit.
    For a huge ``X`` (``sigma_max`` above ~1e154) the limit is a subnormal number with fewer
    digits, or 0 below 5e-324: then no positive float step converges.
    """
    X = _as_X(X)
    s_max = float(singular_values(X)[0])
    return float("inf") if s_max == 0.0 else 2.0 * X.shape[0] / s_max / s_max


@with_latex(
    r"\mathbf{w}_{t+1} = \mathbf{w}_t - \eta\,\frac{1}{n}X^\top(X\mathbf{w}_t - \mathbf{y})"
)
def gradient_descent(X: object, y: object, w0: object, lr: float, steps: int) -> np.ndarray:
    """Full-batch gradient descent on ``L(w) = ||Xw - y||^2 / (2n)``.

    Every update adds a multiple of ``X^T(...)``, a vector in the row space of ``X``, so the
    null-space component of ``w0`` never changes: from ``w0 = 0`` the iterates converge to
    ``X^+ y``; from another start to ``X^+ y + (I - X^+ X) w0`` (when ``lr < 2n/sigma_max^2``).

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    w0 : array_like, shape (d,)
    lr : float > 0
    steps : int in [0, 100000]

    Returns
    -------
    W : ndarray, shape (steps + 1, d)
        ``W[0] = w0``. If the iterates overflow (step too large), the rows after the last finite
        iterate are NaN: divergence is reported, not hidden.
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    w0 = as_float_array(w0, "w0", ndim=1)
    d = X.shape[1]
    if w0.shape[0] != d:
        raise ValueError(f"w0 must have length {d} (the number of columns of X), got {w0.shape[0]}")
    lr = check_scalar(lr, "lr", low=0.0, low_inclusive=False)
    steps = int(check_scalar(steps, "steps", low=0, high=MAX_STEPS, integer=True))
    n = X.shape[0]
    W = np.full((steps + 1, d), np.nan)
    W[0] = w0
    w = w0.copy()
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(steps):
            grad = X.T @ (X @ w - y) / n
            w = w - lr * grad
            if not np.all(np.isfinite(w)):
                break
            W[t + 1] = w
    return W


# --------------------------------------------------------------------------------------------
# pictures
# --------------------------------------------------------------------------------------------


def loss_grid(X: object, y: object, w1: object, w2: object) -> np.ndarray:
    """Loss ``L`` on the grid ``w1 x w2`` for a two-feature problem.

    Parameters
    ----------
    X : array_like, shape (n, 2)
    w1, w2 : array_like, shape (a,) and (b,)

    Returns
    -------
    L : ndarray, shape (b, a), ``L[j, i] = L((w1[i], w2[j]))``
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns for a loss grid, got {X.shape[1]}")
    w1 = as_float_array(w1, "w1", ndim=1)
    w2 = as_float_array(w2, "w2", ndim=1)
    # L(w) = (w^T A w - 2 b^T w + c) / (2n) with A = X^T X, b = X^T y, c = y^T y
    A = X.T @ X
    b = X.T @ y
    c = float(y @ y)
    G1, G2 = np.meshgrid(w1, w2)
    quad = A[0, 0] * G1**2 + 2 * A[0, 1] * G1 * G2 + A[1, 1] * G2**2
    L = (quad - 2 * (b[0] * G1 + b[1] * G2) + c) / (2 * X.shape[0])
    return np.maximum(L, 0.0)


def example_data(name: str, noise: float = 1e-3, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Small teaching examples ``(X, y)``.

    Parameters
    ----------
    name : {"full", "dup", "collinear", "wide", "near"}
        ``full``: 6x2, independent columns (unique minimizer).
        ``dup``: 6x2, second column a copy of the first.
        ``collinear``: 6x3 with ``x3 = x1 + x2``.
        ``wide``: 2x3, more features than samples.
        ``near``: 6x2 with ``x2 = x1 + noise * e``, ``e`` standard normal (ill-conditioned).
    noise : float >= 0
        Only used by ``near``; 0 gives an exact duplicate.
    seed : int >= 0

    Returns
    -------
    X : ndarray, shape (n, d)
    y : ndarray, shape (n,)
    """
    if name not in EXAMPLES:
        raise ValueError(f"name must be one of {', '.join(EXAMPLES)}, got {name!r}")
    noise = check_scalar(noise, "noise", low=0.0)
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    rng = np.random.default_rng(seed)
    n = 2 if name == "wide" else 6
    # one decimal keeps the editable table readable; exact sums/copies keep the rank drop exact
    x1 = np.round(rng.normal(0.0, 1.0, n), 1)
    x2 = np.round(rng.normal(0.0, 1.0, n), 1)
    eps = np.round(rng.normal(0.0, 0.2, n), 2)
    if name == "full":
        X = np.column_stack([x1, x2])
        y = 1.5 * x1 - 0.5 * x2 + eps
    elif name == "dup":
        X = np.column_stack([x1, x1])
        y = 2.0 * x1 + eps
    elif name == "collinear":
        X = np.column_stack([x1, x2, x1 + x2])
        y = x1 - x2 + 0.5 * (x1 + x2) + eps
    elif name == "wide":
        x3 = np.round(rng.normal(0.0, 1.0, n), 1)
        X = np.column_stack([x1, x2, x3])
        y = np.round(rng.normal(0.0, 1.0, n), 1)
    else:  # near
        e = rng.normal(0.0, 1.0, n)
        X = np.column_stack([x1, x1 + noise * e])
        y = 2.0 * x1 + eps
    return X, np.round(y, 2)


# --------------------------------------------------------------------------------------------
# SymPy: the normal equations of a small symbolic example
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SymbolicNormalEquations:
    """The normal equations of the 3x2 example ``x2 = 2 x1 + t e3``, as SymPy objects."""

    t: sympy.Symbol
    w: sympy.ImmutableMatrix  # (2, 1) of symbols w1, w2
    X: sympy.ImmutableMatrix  # (3, 2), depends on t
    y: sympy.ImmutableMatrix  # (3, 1)
    loss: sympy.Expr
    gradient: sympy.ImmutableMatrix  # (2, 1)
    XtX: sympy.ImmutableMatrix
    Xty: sympy.ImmutableMatrix
    det: sympy.Expr  # det(X^T X) as a polynomial in t


@cache  # immutable result, derived once per process (the first derivation costs ~0.5 s)
def symbolic_normal_equations() -> SymbolicNormalEquations:
    """Derive ``grad L = (X^T X w - X^T y)/n`` with SymPy for ``X(t) = [x1, 2 x1 + t e3]``.

    Here ``x1 = (1, 2, 3)``, ``y = (1, 2, 2)`` and ``det(X^T X) = 5 t^2``: the columns are
    parallel exactly when ``t = 0``, and then the normal equations have infinitely many solutions.
    """
    t = sympy.Symbol("t", real=True)
    w1, w2 = sympy.symbols("w_1 w_2", real=True)
    w = sympy.Matrix([w1, w2])
    X = sympy.Matrix([[1, 2], [2, 4], [3, 6 + t]])
    y = sympy.Matrix([1, 2, 2])
    n = X.shape[0]
    r = X * w - y
    loss_expr = sympy.Rational(1, 2 * n) * (r.T * r)[0, 0]
    gradient = sympy.Matrix([sympy.diff(loss_expr, v) for v in (w1, w2)])
    XtX = (X.T * X).applyfunc(sympy.expand)
    Xty = (X.T * y).applyfunc(sympy.expand)
    det = sympy.factor(XtX.det())
    return SymbolicNormalEquations(
        t=t,
        w=sympy.ImmutableMatrix(w),
        X=sympy.ImmutableMatrix(X),
        y=sympy.ImmutableMatrix(y),
        loss=loss_expr,
        gradient=sympy.ImmutableMatrix(gradient.applyfunc(sympy.expand)),
        XtX=sympy.ImmutableMatrix(XtX),
        Xty=sympy.ImmutableMatrix(Xty),
        det=det,
    )


def symbolic_system_at(t_value: float) -> tuple[sympy.Matrix, sympy.Matrix]:
    """The normal equations ``A w = b`` (``A = X^T X``, ``b = X^T y``) at ``t = t_value``, exactly.

    ``t_value`` is turned into a fraction with denominator <= 1000 so that SymPy works exactly.
    """
    t_value = check_scalar(t_value, "t", low=-10.0, high=10.0)
    sym = symbolic_normal_equations()
    t_q = sympy.Rational(Fraction(t_value).limit_denominator(1000))
    return sym.XtX.subs(sym.t, t_q), sym.Xty.subs(sym.t, t_q)


def symbolic_solutions(t_value: float) -> tuple[sympy.Rational, sympy.Set]:
    """``det(X^T X)`` and the solution set of the normal equations at ``t = t_value``.

    Returns
    -------
    det : sympy.Rational
    solutions : sympy.Set
        From ``sympy.linsolve``: one point when ``t != 0``; a line parametrized by ``w_2`` when
        ``t = 0``.
    """
    A, b = symbolic_system_at(t_value)
    w = symbolic_normal_equations().w
    return sympy.Rational(A.det()), sympy.linsolve((A, b), *w)


def symbolic_example_numeric(t_value: float) -> tuple[np.ndarray, np.ndarray]:
    """The same example as floats: ``(X, y)`` at ``t = t_value``, for the numeric oracles."""
    t_value = check_scalar(t_value, "t", low=-10.0, high=10.0)
    X = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0 + t_value]])
    return X, np.array([1.0, 2.0, 2.0])


# --------------------------------------------------------------------------------------------
# names that moved out: generalized inverses and sensitivity
# --------------------------------------------------------------------------------------------

# Re-exported so that code written before the split (``ls.sensitivity``,
# ``ls.compare_generalized_inverses``, ...) keeps working; new code imports core.generalized_inverse
# and core.sensitivity. Those modules build on this one, so the names are looked up on first use
# (PEP 562) rather than imported here, which would make the two modules import each other.
_MOVED = {
    "GinvResult": "core.generalized_inverse",
    "block_generalized_inverse": "core.generalized_inverse",
    "compare_generalized_inverses": "core.generalized_inverse",
    "generalized_inverse": "core.generalized_inverse",
    "minimizer_from_ginv": "core.generalized_inverse",
    "SENSITIVITY_LATEX": "core.sensitivity",
    "Sensitivity": "core.sensitivity",
    "conditioned_example": "core.sensitivity",
    "perturbation_gain": "core.sensitivity",
    "sensitivity": "core.sensitivity",
}


def __getattr__(name: str) -> object:
    """The moved names of :data:`_MOVED`, from their new module."""
    if name in _MOVED:
        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_MOVED])
