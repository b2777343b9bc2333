"""L1 regularization near a minimum: the proximal (soft-threshold) solution and ISTA.

Around a minimum ``w*`` of a loss ``L`` with a diagonal Hessian ``H`` (whitened data), the
L1-regularized quadratic approximation separates into one 1-D problem per weight,

    L_hat(w) = L(w*) + sum_i [ 1/2 H_ii (w_i - w_i*)^2 + alpha |w_i| ],

whose minimizer is the soft threshold of ``w*``. ``|w|`` has no derivative at 0, so the optimality
condition is stated with the subdifferential: ``0 in H_ii (w_i - w_i*) + alpha d|w_i|``, where
``d|0| = [-1, 1]``. Weights with ``|w_i*| <= alpha / H_ii`` (either sign) become exactly zero; the
L2 penalty only shrinks them by the factor ``H_ii / (H_ii + alpha)``.

For a regression loss the same map is the proximal operator used by ISTA (proximal gradient
descent), which converges to the lasso solution.

References
----------
Goodfellow, Bengio, Courville, *Deep Learning* (2016), Sec. 7.1.1 (L2) and 7.1.2 (L1).
Parikh, Boyd, *Proximal Algorithms* (2014), Sec. 6.5.2 (soft thresholding).
Beck, Teboulle, "A fast iterative shrinkage-thresholding algorithm for linear inverse problems",
SIAM J. Imaging Sci. 2(1), 2009 (ISTA, step size 1/L).
"""

from __future__ import annotations

import math
import sys

import numpy as np
from scipy.optimize import minimize_scalar

from core._validate import as_float_array, check_scalar, with_latex

# Re-exported: the elastic net lives in its own module (this one is long enough) and is read
# as part of the L1 page's material (``core.l1_proximal.elastic_net``).
from core.elastic_net import (
    ELASTIC_NET_OBJECTIVE_LATEX,
    ELASTIC_NET_STEPS,
    elastic_net,
    elastic_net_numerical,
    elastic_net_objective,
    elastic_net_terms,
)

__all__ = [
    "OBJECTIVE_LATEX",
    "SUBGRADIENT_LATEX",
    "LASSO_LATEX",
    "DERIVATION_STEPS",
    "DOUBLE_COUNT_LATEX",
    "soft_threshold",
    "threshold",
    "soft_threshold_worked_latex",
    "double_counted_minimizer",
    "l1_quadratic_objective",
    "l1_quadratic_terms",
    "l2_shrink",
    "subdifferential",
    "subgradient_branches",
    "abs_subdifferential",
    "numerical_minimizer",
    "random_weights",
    "weights_from_table",
    "sparse_regression",
    "default_lr",
    "ista",
    "lasso_objective",
    "lasso_solution",
    "lasso_lbfgsb",
    "lasso_kkt_violation",
    # re-exported from core.elastic_net
    "ELASTIC_NET_OBJECTIVE_LATEX",
    "ELASTIC_NET_STEPS",
    "elastic_net",
    "elastic_net_terms",
    "elastic_net_objective",
    "elastic_net_numerical",
]

OBJECTIVE_LATEX = (
    r"\hat L(\mathbf{w}) = L(\mathbf{w}^*) + \sum_i \left[\tfrac12 H_{ii}\,(w_i - w_i^*)^2"
    r" + \alpha\,|w_i|\right]"
)
SUBGRADIENT_LATEX = (
    r"0 \in H_{ii}\,(w_i - w_i^*) + \alpha\,\partial|w_i|, \qquad "
    r"\partial|w| = \begin{cases} \{\operatorname{sign}(w)\} & w \neq 0 \\ [-1,\,1] & w = 0"
    r"\end{cases}"
)
LASSO_LATEX = (
    r"\min_{\mathbf{w}}\ \frac{1}{2n}\,\lVert X\mathbf{w} - \mathbf{y}\rVert_2^2"
    r" + \alpha\,\lVert \mathbf{w}\rVert_1"
)

# Homework P4.1, step by step: expand the *unregularized* L around its minimum w* (where its
# gradient vanishes), use the diagonal Hessian, then add the penalty exactly once.
_D = r"(\mathbf{w} - \mathbf{w}^*)"
DERIVATION_STEPS: tuple[tuple[str, str], ...] = (
    (
        "taylor",
        r"L(\mathbf{w}) \approx L(\mathbf{w}^*) + \nabla L(\mathbf{w}^*)^\top"
        + _D
        + r" + \tfrac12\,"
        + _D
        + r"^\top H\,"
        + _D
        + r",\qquad H = \nabla^2 L(\mathbf{w}^*)",
    ),
    (
        "gradient",
        r"\nabla L(\mathbf{w}^*) = \mathbf{0}\quad\Longrightarrow\quad L(\mathbf{w}) \approx "
        r"L(\mathbf{w}^*) + \tfrac12\," + _D + r"^\top H\," + _D,
    ),
    (
        "diagonal",
        r"H = \operatorname{diag}(H_{11}, \dots, H_{dd})\quad\Longrightarrow\quad \tfrac12\,"
        + _D
        + r"^\top H\,"
        + _D
        + r" = \sum_i \tfrac12 H_{ii}\,(w_i - w_i^*)^2",
    ),
    (
        "penalty",
        r"\tilde L(\mathbf{w}) = L(\mathbf{w}) + \alpha\lVert\mathbf{w}\rVert_1 \approx "
        + OBJECTIVE_LATEX,
    ),
)
"""The derivation of :data:`OBJECTIVE_LATEX` as ``(key, latex)`` steps; the page explains each key.

Reference: Goodfellow et al., *Deep Learning*, Sec. 7.1.2, Eqs. (7.21)-(7.22).
"""

DOUBLE_COUNT_LATEX = (
    r"\tilde L(\mathbf{w}^*) + \nabla \tilde L(\mathbf{w}^*)^\top"
    + _D
    + r" + \tfrac12\,"
    + _D
    + r"^\top H\,"
    + _D
    + r" + \alpha\lVert\mathbf{w}\rVert_1,\qquad "
    r"\tilde L(\mathbf{w}^*) = L(\mathbf{w}^*) + \alpha\lVert\mathbf{w}^*\rVert_1,\quad "
    r"\nabla \tilde L(\mathbf{w}^*) = \alpha\operatorname{sign}(\mathbf{w}^*)"
)
"""Expanding the regularized ``L~`` around ``w*`` and adding the penalty again (a mistake)."""

_MAX_STEPS = 100_000


def _check_alpha_H(alpha, H):
    """Validate ``alpha >= 0`` and ``H > 0`` (scalars or arrays); return float arrays."""
    alpha = as_float_array(alpha, "alpha")
    H = as_float_array(H, "H")
    if np.any(alpha < 0):
        raise ValueError(f"alpha must be >= 0, got {float(alpha[alpha < 0].flat[0])}")
    if np.any(H <= 0):
        raise ValueError(f"H must be > 0, got {float(H[H <= 0].flat[0])}")
    return alpha, H


def _broadcast(**arrays: np.ndarray) -> None:
    try:
        np.broadcast_shapes(*(a.shape for a in arrays.values()))
    except ValueError:
        names = ", ".join(arrays)
        shapes = ", ".join(str(a.shape) for a in arrays.values())
        raise ValueError(f"{names} must have compatible shapes, got {shapes}") from None


@with_latex(
    r"w_i = \operatorname{sign}(w_i^*)\,\max\!\left(|w_i^*| - \frac{\alpha}{H_{ii}},\ 0\right)"
)
def soft_threshold(w_star, alpha, H):
    """Minimizer of the L1-regularized quadratic, one weight at a time (soft thresholding).

    Parameters
    ----------
    w_star : float or array_like
        Unregularized minimizer ``w*`` (any sign).
    alpha : float or array_like
        L1 strength, ``alpha >= 0``.
    H : float or array_like
        Diagonal Hessian entries ``H_ii > 0``.

    The three arguments broadcast against each other.

    Returns
    -------
    numpy.ndarray or numpy.float64
        ``w`` with ``w_i = 0`` exactly when ``|w_i*| <= alpha / H_ii``.

    Raises
    ------
    ValueError
        If an argument is not finite, ``alpha < 0``, ``H <= 0`` or the shapes do not broadcast.

    References
    ----------
    Goodfellow et al., *Deep Learning*, Sec. 7.1.2, Eq. (7.23); Parikh & Boyd (2014), Sec. 6.5.2.
    """
    w_star = as_float_array(w_star, "w_star")
    alpha, H = _check_alpha_H(alpha, H)
    _broadcast(w_star=w_star, alpha=alpha, H=H)
    threshold = alpha / H
    # "+ 0.0" turns -0.0 (from sign(w*) * 0) into a plain 0.0.
    w = np.sign(w_star) * np.maximum(np.abs(w_star) - threshold, 0.0) + 0.0
    return w[()]


def threshold(alpha, H):
    """The soft threshold ``alpha / H_ii``: weights with ``|w_i*|`` at most this become zero.

    .. math:: \\frac{\\alpha}{H_{ii}}

    Parameters
    ----------
    alpha : float or array_like
        L1 strength, ``alpha >= 0``.
    H : float or array_like
        Diagonal Hessian entries ``H_ii > 0`` (broadcast against ``alpha``).

    Returns
    -------
    numpy.ndarray or numpy.float64

    References
    ----------
    Goodfellow et al., *Deep Learning*, Sec. 7.1.2, Eq. (7.23).
    """
    alpha, H = _check_alpha_H(alpha, H)
    _broadcast(alpha=alpha, H=H)
    return (alpha / H)[()]


def _g4(x: float) -> str:
    """A number as the page prints it: 4 significant digits (``1.5``, ``0.3333``, ``1e+03``)."""
    return f"{float(x):.4g}"


def soft_threshold_worked_latex(w_star: float, alpha: float, H: float) -> str:
    """One LaTeX line with the numbers in: the soft threshold of ``w*`` and, next to it, the
    L2 shrink ``H / (H + alpha) * w*`` (values to 4 significant digits).

    Parameters
    ----------
    w_star : float
    alpha : float
        ``alpha >= 0``.
    H : float
        ``H > 0``.

    Returns
    -------
    str
        ``w_i = sign(w*) max(|w*| - alpha/H, 0) = <soft_threshold>  L2: H/(H + alpha) w* = <l2>``
        in LaTeX, the results from :func:`soft_threshold` and :func:`l2_shrink`.
    """
    w_star = check_scalar(w_star, "w_star")
    alpha = check_scalar(alpha, "alpha", low=0)
    H = check_scalar(H, "H", low=0, low_inclusive=False)
    w, a, h = _g4(w_star), _g4(alpha), _g4(H)
    w_l1 = _g4(soft_threshold(w_star, alpha, H))
    w_l2 = _g4(l2_shrink(w_star, alpha, H))
    return (
        rf"w_i = \operatorname{{sign}}({w})\,\max\!\left(|{w}|"
        rf" - \frac{{{a}}}{{{h}}},\ 0\right) = {w_l1}"
        rf"\qquad\text{{L2: }}\ \frac{{{h}}}{{{h} + {a}}}\cdot{w}"
        rf" = {w_l2}"
    )


@with_latex(
    r"w_i = \operatorname{sign}(\tilde w_i)\,\max\!\left(|\tilde w_i| - \frac{\alpha}{H_{ii}},"
    r"\ 0\right),\qquad \tilde w_i = w_i^* - \frac{\alpha}{H_{ii}}\operatorname{sign}(w_i^*)"
)
def double_counted_minimizer(w_star, alpha, H):
    """Minimizer of the approximation that counts the L1 penalty twice (a common mistake).

    Expanding the regularized ``L~ = L + alpha ||w||_1`` around ``w*`` (the minimizer of ``L``,
    not of ``L~``) keeps the gradient ``alpha sign(w*)`` of the penalty as a linear term; adding
    ``alpha ||w||_1`` on top counts the penalty a second time. Per weight the objective is

    ``1/2 H_ii (w_i - w_i*)^2 + alpha sign(w_i*) (w_i - w_i*) + alpha |w_i|``,

    whose minimizer is the soft threshold of ``w_i* - alpha sign(w_i*) / H_ii``: every surviving
    weight moves by ``2 alpha / H_ii`` instead of ``alpha / H_ii``, and weights with
    ``alpha / H_ii < |w_i*| <= 2 alpha / H_ii`` are set to zero although the correct answer is
    not. (At ``w_i* = 0`` the penalty has no gradient; ``sign(0) = 0`` is used.)

    Parameters
    ----------
    w_star, alpha, H : float or array_like
        As in :func:`soft_threshold` (they broadcast).

    Returns
    -------
    numpy.ndarray or numpy.float64
    """
    w_star = as_float_array(w_star, "w_star")
    alpha, H = _check_alpha_H(alpha, H)
    _broadcast(w_star=w_star, alpha=alpha, H=H)
    return soft_threshold(w_star - alpha * np.sign(w_star) / H, alpha, H)


def double_counted_threshold(alpha, H):
    """The zero band of :func:`double_counted_minimizer`: ``2 alpha / H_ii``, twice the correct
    :func:`threshold` (weights with ``|w_i*|`` at most this are set to zero by the mistake).

    Parameters
    ----------
    alpha, H : float or array_like
        As in :func:`threshold` (they broadcast).

    Returns
    -------
    numpy.ndarray or numpy.float64
    """
    return (2.0 * np.asarray(threshold(alpha, H)))[()]


def shifted_w_text(c: float) -> str:
    """``w − c`` as plain text without a double sign, ``c`` to 4 significant digits:
    ``w − 1.5`` for ``c = 1.5``, ``w + 0.6`` for ``c = -0.6``, ``w`` for ``c = 0``."""
    c = check_scalar(c, "c")
    if c == 0:
        return "w"
    return f"w − {_g4(c)}" if c > 0 else f"w + {_g4(-c)}"


def l1_quadratic_terms(w, w_star, alpha, H) -> np.ndarray:
    """The per-weight terms ``1/2 H_ii (w_i - w_i*)^2 + alpha |w_i|`` (broadcast, not summed).

    Evaluating at an array of ``w`` with scalar ``w_star``, ``alpha``, ``H`` gives the 1-D
    objective as a curve.

    Returns
    -------
    numpy.ndarray
    """
    w = as_float_array(w, "w")
    w_star = as_float_array(w_star, "w_star")
    alpha, H = _check_alpha_H(alpha, H)
    _broadcast(w=w, w_star=w_star, alpha=alpha, H=H)
    return 0.5 * H * (w - w_star) ** 2 + alpha * np.abs(w)


@with_latex(OBJECTIVE_LATEX)
def l1_quadratic_objective(w, w_star, alpha, H) -> float:
    """The L1-regularized quadratic approximation, without its constant ``L(w*)``.

    .. math:: \\sum_i \\tfrac12 H_{ii}(w_i - w_i^*)^2 + \\alpha |w_i|

    Parameters
    ----------
    w, w_star : float or array_like
        Point of evaluation and unregularized minimizer (broadcast together).
    alpha : float or array_like
        ``alpha >= 0``.
    H : float or array_like
        ``H_ii > 0``.

    Returns
    -------
    float
        The sum over all (broadcast) coordinates of :func:`l1_quadratic_terms`.

    References
    ----------
    Goodfellow et al., *Deep Learning*, Sec. 7.1.2, Eq. (7.22).
    """
    return float(np.sum(l1_quadratic_terms(w, w_star, alpha, H)))


@with_latex(r"w_i = \frac{H_{ii}}{H_{ii} + \alpha}\, w_i^*")
def l2_shrink(w_star, alpha, H):
    """Minimizer of the L2-regularized quadratic ``1/2 H (w - w*)^2 + 1/2 alpha w^2``.

    Every weight is scaled by ``H_ii / (H_ii + alpha)`` in ``(0, 1]``: it shrinks towards zero
    but is never exactly zero unless ``w_i* = 0``.

    Parameters
    ----------
    w_star : float or array_like
    alpha : float or array_like
        ``alpha >= 0``.
    H : float or array_like
        ``H_ii > 0``.

    Returns
    -------
    numpy.ndarray or numpy.float64

    References
    ----------
    Goodfellow et al., *Deep Learning*, Sec. 7.1.1, Eq. (7.13) with a diagonal Hessian.
    """
    w_star = as_float_array(w_star, "w_star")
    alpha, H = _check_alpha_H(alpha, H)
    _broadcast(w_star=w_star, alpha=alpha, H=H)
    return (H / (H + alpha) * w_star)[()]


def abs_subdifferential(w: float) -> tuple[float, float]:
    """The subdifferential of ``|w|`` as an interval ``(low, high)``.

    ``{sign(w)}`` (a single point) for ``w != 0`` and ``[-1, 1]`` at ``w = 0``.

    References
    ----------
    Boyd & Vandenberghe, *Subgradients* (EE364b notes), Sec. 3.
    """
    w = check_scalar(w, "w")
    if w == 0.0:
        return (-1.0, 1.0)
    s = 1.0 if w > 0 else -1.0
    return (s, s)


@with_latex(SUBGRADIENT_LATEX)
def subdifferential(w: float, w_star: float, alpha: float, H: float) -> tuple[float, float]:
    """Subdifferential of ``1/2 H (w - w*)^2 + alpha |w|`` at ``w``, as ``(low, high)``.

    ``w`` minimizes the 1-D objective exactly when ``low <= 0 <= high``. Away from zero the
    set is the single derivative ``H (w - w*) + alpha sign(w)``; at ``w = 0`` it is the interval
    ``[-H w* - alpha, -H w* + alpha]``, which contains 0 exactly when ``|w*| <= alpha / H``.

    Parameters
    ----------
    w, w_star : float
    alpha : float
        ``alpha >= 0``.
    H : float
        ``H > 0``.

    Returns
    -------
    tuple of float

    References
    ----------
    Parikh & Boyd (2014), Sec. 3.1; Boyd & Vandenberghe, EE364b notes *Subgradients*.
    """
    w_star = check_scalar(w_star, "w_star")
    alpha = check_scalar(alpha, "alpha", low=0)
    H = check_scalar(H, "H", low=0, low_inclusive=False)
    low, high = abs_subdifferential(w)
    grad = H * (float(w) - w_star)
    return (grad + alpha * low, grad + alpha * high)


def subgradient_branches(
    w, w_star: float, alpha: float, H: float
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """The two lines of the subdifferential graph of ``1/2 H (w - w*)^2 + alpha |w|``.

    Away from 0 the subdifferential is the single derivative: ``H (w - w*) - alpha`` for
    ``w < 0`` and ``H (w - w*) + alpha`` for ``w > 0``. Each branch keeps the points of ``w``
    on its side and ends at ``w = 0``, where its limits ``-H w* - alpha`` and ``-H w* + alpha``
    are the ends of the vertical segment :func:`subdifferential` gives at 0.

    Parameters
    ----------
    w : array_like, shape (m,)
        Points to draw (any order; zeros are left to the segment).
    w_star : float
    alpha : float
        ``alpha >= 0``.
    H : float
        ``H > 0``.

    Returns
    -------
    (w_neg, g_neg), (w_pos, g_pos) : tuple of ndarray
        ``w_neg`` = the negative points of ``w`` then 0; ``w_pos`` = 0 then the positive points.

    References
    ----------
    Boyd & Vandenberghe, EE364b notes *Subgradients*, Sec. 3.
    """
    w = as_float_array(w, "w", ndim=1)
    w_star = check_scalar(w_star, "w_star")
    alpha = check_scalar(alpha, "alpha", low=0)
    H = check_scalar(H, "H", low=0, low_inclusive=False)
    w_neg = np.append(w[w < 0], 0.0)  # (k + 1,)
    w_pos = np.insert(w[w > 0], 0, 0.0)  # (m - k - zeros + 1,)
    return (w_neg, H * (w_neg - w_star) - alpha), (w_pos, H * (w_pos - w_star) + alpha)


def numerical_minimizer(w_star: float, alpha: float, H: float, xatol: float = 1e-10) -> float:
    """Minimize ``1/2 H (w - w*)^2 + alpha |w|`` numerically with ``scipy.optimize.minimize_scalar``.

    Used as a check of :func:`soft_threshold`: the bounded method searches the interval between
    0 and ``w*`` (widened by 1), where the minimizer always lies.

    Returns
    -------
    float
    """
    w_star = check_scalar(w_star, "w_star")
    alpha = check_scalar(alpha, "alpha", low=0)
    H = check_scalar(H, "H", low=0, low_inclusive=False)
    xatol = check_scalar(xatol, "xatol", low=0, low_inclusive=False)
    res = minimize_scalar(
        lambda w: 0.5 * H * (w - w_star) ** 2 + alpha * abs(w),
        bounds=(min(0.0, w_star) - 1.0, max(0.0, w_star) + 1.0),
        method="bounded",
        options={"xatol": xatol, "maxiter": 2000},
    )
    return float(res.x)


def random_weights(d: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``d`` random weights ``w*`` (uniform in [-3, 3]) and Hessian entries ``H_ii`` (log-uniform
    in [0.1, 10]) for the vector view.

    Returns
    -------
    w_star, H : numpy.ndarray of shape (d,)
    """
    d = int(check_scalar(d, "d", low=1, high=1000, integer=True))
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    rng = np.random.default_rng(seed)
    w_star = np.round(rng.uniform(-3.0, 3.0, size=d), 2)
    H = np.round(10.0 ** rng.uniform(-1.0, 1.0, size=d), 2)
    return w_star, H


def weights_from_table(table) -> tuple[np.ndarray, np.ndarray]:
    """Split a table with one row per weight and columns ``(w*, H_ii)`` into two vectors.

    Validates what a user may type into the page's table: two columns, finite entries, at least
    one row and ``H_ii > 0``.

    Returns
    -------
    w_star, H : numpy.ndarray of shape (d,)
    """
    table = as_float_array(table, "weights table", ndim=2)
    if table.shape[1] != 2:
        raise ValueError(f"weights table must have 2 columns (w*, H_ii), got {table.shape[1]}")
    w_star, H = table[:, 0].copy(), table[:, 1].copy()
    _check_alpha_H(0.0, H)
    return w_star, H


def sparse_regression(
    n: int,
    d: int,
    n_informative: int,
    noise: float,
    seed: int,
    whiten: bool = False,
    rho: float = 0.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A small regression problem with a sparse true weight vector.

    The rows of ``X`` are Gaussian with unit variances and correlations
    ``corr(x_i, x_j) = rho^|i - j|`` (``0 <= rho < 1``; ``rho = 0``: independent features);
    ``w_true`` has ``n_informative`` non-zero entries of magnitude in [1, 3] with random signs;
    ``y = X w_true + noise * eps``. With ``whiten=True`` the columns of ``X`` are then
    orthogonalized so that ``X^T X / n = I`` (needs ``n >= d``): the Hessian of the loss is the
    identity, the setting in which the lasso solution is exactly the soft threshold of the
    least-squares solution.

    Returns
    -------
    X : numpy.ndarray, shape (n, d)
    y : numpy.ndarray, shape (n,)
    w_true : numpy.ndarray, shape (d,)
    """
    n = int(check_scalar(n, "n", low=1, high=10_000, integer=True))
    d = int(check_scalar(d, "d", low=1, high=1000, integer=True))
    n_informative = int(check_scalar(n_informative, "n_informative", low=0, high=d, integer=True))
    noise = check_scalar(noise, "noise", low=0)
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    rho = check_scalar(rho, "rho", low=0, high=1, high_inclusive=False)
    if whiten and n < d:
        raise ValueError(f"n must be >= d = {d} to whiten X, got {n}")
    rng = np.random.default_rng(seed)
    idx = np.arange(d)
    Sigma = rho ** np.abs(idx[:, None] - idx[None, :])  # (d, d), AR(1) correlations
    X = rng.standard_normal((n, d)) @ np.linalg.cholesky(Sigma).T  # (n, d)
    if whiten:
        Q, _ = np.linalg.qr(X)  # (n, d), orthonormal columns
        X = np.sqrt(n) * Q
    w_true = np.zeros(d)
    support = rng.choice(d, size=n_informative, replace=False)
    w_true[support] = rng.choice([-1.0, 1.0], size=n_informative) * rng.uniform(
        1.0, 3.0, size=n_informative
    )
    y = X @ w_true + noise * rng.standard_normal(n)
    return X, y, w_true


def _check_regression(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = as_float_array(X, "X", ndim=2)
    y = as_float_array(y, "y", ndim=1)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"y must have {X.shape[0]} entries (one per row of X), got {y.shape[0]}")
    return X, y


@with_latex(r"\eta = \frac{1}{L} = \frac{n}{\sigma_{\max}(X)^2}")
def default_lr(X) -> float:
    """ISTA's standard step ``1/L``, where ``L = sigma_max(X)^2 / n`` is the Lipschitz constant
    of the gradient of ``(1/2n) ||Xw - y||^2``. Returns 1.0 for an all-zero ``X`` (any step works).

    Raises
    ------
    ValueError
        If ``X`` is so close to 0 that ``n / sigma_max^2`` is beyond the float range.
    """
    X = as_float_array(X, "X", ndim=2)
    sigma_max = float(np.linalg.norm(X, 2))
    if sigma_max == 0.0:
        return 1.0
    sigma2 = sigma_max**2  # Python floats: underflow gives 0.0, overflow of n / sigma2 inf
    if sigma2 == 0.0 or not math.isfinite(X.shape[0] / sigma2):
        smallest = math.sqrt(X.shape[0] / sys.float_info.max)
        raise ValueError(
            f"sigma_max(X) must be >= {smallest:.3g} for a finite step 1/L, got {sigma_max:.3g}"
        )
    return X.shape[0] / sigma2


@with_latex(
    r"\mathbf{w}^{(k+1)} = S_{\eta\alpha}\!\left(\mathbf{w}^{(k)}"
    r" - \frac{\eta}{n} X^\top\!\left(X\mathbf{w}^{(k)} - \mathbf{y}\right)\right),"
    r"\qquad S_t(v)_i = \operatorname{sign}(v_i)\max(|v_i| - t,\ 0)",
    LASSO_LATEX,
)
def ista(X, y, alpha: float, steps: int, lr: float | None = None) -> np.ndarray:
    """ISTA (proximal gradient descent) for the lasso, started at ``w = 0``.

    Each step is a gradient step on the smooth part ``(1/2n) ||Xw - y||^2`` followed by the
    proximal map of ``eta * alpha * ||w||_1``, which is the soft threshold with ``H = 1 / eta``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
    alpha : float
        ``alpha >= 0``; ``alpha = 0`` gives plain gradient descent on least squares.
    steps : int
        Number of iterations, ``0 <= steps <= 100000``.
    lr : float, optional
        Step ``eta > 0``; default ``n / sigma_max(X)^2`` (= 1/L, see :func:`default_lr`).
        ISTA converges for ``eta < 2/L``.

    Returns
    -------
    numpy.ndarray, shape (steps + 1, d)
        Row ``k`` is ``w^(k)``; row 0 is the zero start. With a step above ``2/L`` the iterates
        can grow until they overflow: the rows from the first non-finite iterate on are NaN
        (divergence is reported, not hidden).

    Raises
    ------
    ValueError
        For invalid arguments, or ``lr=None`` with an ``X`` too close to 0 for a finite
        default step (see :func:`default_lr`).

    References
    ----------
    Beck & Teboulle (2009), Sec. 2; Parikh & Boyd (2014), Sec. 4.2.
    """
    X, y = _check_regression(X, y)
    alpha = check_scalar(alpha, "alpha", low=0)
    steps = int(check_scalar(steps, "steps", low=0, high=_MAX_STEPS, integer=True))
    lr = default_lr(X) if lr is None else check_scalar(lr, "lr", low=0, low_inclusive=False)
    n, d = X.shape
    W = np.full((steps + 1, d), np.nan)  # (steps + 1, d)
    w = np.zeros(d)
    W[0] = w
    threshold = lr * alpha  # Python floats: inf when beyond the range (then every w_i is 0)
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(steps):
            v = w - lr * (X.T @ (X @ w - y)) / n
            w = np.sign(v) * np.maximum(np.abs(v) - threshold, 0.0) + 0.0
            if not np.all(np.isfinite(w)):
                break
            W[k + 1] = w
    return W


@with_latex(LASSO_LATEX)
def lasso_objective(X, y, w, alpha: float):
    """``(1/2n) ||Xw - y||^2 + alpha ||w||_1`` for one ``w`` (d,) or a stack of them (k, d).

    Returns
    -------
    float or numpy.ndarray of shape (k,)
    """
    X, y = _check_regression(X, y)
    w = as_float_array(w, "w", ndim=(1, 2))
    alpha = check_scalar(alpha, "alpha", low=0)
    if w.shape[-1] != X.shape[1]:
        raise ValueError(
            f"w must have {X.shape[1]} entries (one per column of X), got {w.shape[-1]}"
        )
    r = w @ X.T - y  # (n,) or (k, n)
    out = 0.5 * np.sum(r**2, axis=-1) / X.shape[0] + alpha * np.sum(np.abs(w), axis=-1)
    return float(out) if w.ndim == 1 else out


def lasso_kkt_violation(X, y, w, alpha: float) -> float:
    """How far ``w`` is from satisfying the lasso optimality condition ``0 in grad + alpha d||w||_1``.

    With ``g = X^T (X w - y) / n``: for ``w_j != 0`` the condition is ``g_j = -alpha sign(w_j)``,
    for ``w_j = 0`` it is ``|g_j| <= alpha``. Returns the largest violation (0 at the solution).
    """
    X, y = _check_regression(X, y)
    w = as_float_array(w, "w", ndim=1)
    alpha = check_scalar(alpha, "alpha", low=0)
    if w.shape[0] != X.shape[1]:
        raise ValueError(
            f"w must have {X.shape[1]} entries (one per column of X), got {w.shape[0]}"
        )
    g = X.T @ (X @ w - y) / X.shape[0]
    nonzero = w != 0
    viol = np.where(
        nonzero,
        np.abs(g + alpha * np.sign(w)),
        np.maximum(np.abs(g) - alpha, 0.0),
    )
    return float(np.max(viol))


def lasso_lbfgsb(X, y, alpha: float) -> np.ndarray:
    """The lasso minimizer by a generic smooth solver, as an independent check of ISTA.

    Writing ``w = u - v`` with ``u, v >= 0`` turns ``alpha ||w||_1`` into the linear term
    ``alpha 1^T (u + v)``; the problem becomes smooth with bounds, which
    ``scipy.optimize.minimize(method="L-BFGS-B")`` solves. Accuracy is about 1e-7, far from ISTA's
    1e-12, but the method shares nothing with the soft threshold.

    Returns
    -------
    numpy.ndarray, shape (d,)

    References
    ----------
    Tibshirani, "Regression shrinkage and selection via the lasso", JRSS B 58(1), 1996, Sec. 6
    (the split into positive and negative parts).
    """
    from scipy.optimize import minimize

    X, y = _check_regression(X, y)
    alpha = check_scalar(alpha, "alpha", low=0)
    n, d = X.shape

    def fun(z: np.ndarray) -> tuple[float, np.ndarray]:
        u, v = z[:d], z[d:]
        r = X @ (u - v) - y  # (n,)
        g = X.T @ r / n  # (d,)
        f = 0.5 * float(r @ r) / n + alpha * float(np.sum(z))
        return f, np.concatenate([g + alpha, -g + alpha])

    res = minimize(
        fun,
        np.zeros(2 * d),
        jac=True,
        method="L-BFGS-B",
        bounds=[(0.0, None)] * (2 * d),
        options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 20_000},
    )
    return res.x[:d] - res.x[d:]


def lasso_solution(X, y, alpha: float, tol: float = 1e-12, max_steps: int = _MAX_STEPS):
    """The lasso minimizer, by ISTA run until the step changes ``w`` by less than ``tol``.

    A reference for plots of ISTA's convergence (the page compares early iterates with it).
    For ``alpha = 0`` the limit of ISTA started at 0 is the minimum-norm least-squares solution,
    returned directly by ``numpy.linalg.lstsq`` (``steps = 0``).

    Returns
    -------
    w : numpy.ndarray, shape (d,)
    steps : int
        Iterations used.
    """
    X, y = _check_regression(X, y)
    alpha = check_scalar(alpha, "alpha", low=0)
    tol = check_scalar(tol, "tol", low=0, low_inclusive=False)
    max_steps = int(check_scalar(max_steps, "max_steps", low=1, high=10 * _MAX_STEPS, integer=True))
    if alpha == 0.0:
        return np.linalg.lstsq(X, y, rcond=None)[0], 0
    lr = default_lr(X)
    n, d = X.shape
    w = np.zeros(d)
    XtX_n = X.T @ X / n  # (d, d)
    Xty_n = X.T @ y / n  # (d,)
    for k in range(1, max_steps + 1):
        v = w - lr * (XtX_n @ w - Xty_n)
        w_new = np.sign(v) * np.maximum(np.abs(v) - lr * alpha, 0.0) + 0.0
        if np.max(np.abs(w_new - w)) < tol:
            return w_new, k
        w = w_new
    return w, max_steps
