"""Elastic net near a minimum: an L1 and an L2 penalty together, one weight at a time.

With the same quadratic approximation as :mod:`core.l1_proximal` (a diagonal Hessian ``H``
around the unregularized minimizer ``w*``), adding ``alpha1 |w| + 1/2 alpha2 w^2`` gives one
1-D problem per weight,

    f(w) = 1/2 H (w - w*)^2 + alpha1 |w| + 1/2 alpha2 w^2,

whose minimizer is the soft threshold of the L1 part followed by the shrink factor of the
L2 part:

    w = sign(w*) max(H |w*| - alpha1, 0) / (H + alpha2).

The L2 term makes ``f`` strongly convex with curvature ``H + alpha2`` (so the minimizer is unique
even where the data give ``H`` close to 0), and with correlated inputs it spreads the weight over
the group instead of picking one of them (the grouping effect of Zou & Hastie).

core.l1_proximal re-exports :func:`elastic_net` so that ``core.l1_proximal.elastic_net`` works.

References
----------
Zou, Hastie, "Regularization and variable selection via the elastic net", J. R. Statist.
Soc. B 67(2), 2005, Sec. 2-3 (the naive elastic net, its orthogonal-design solution, grouping).
Parikh, Boyd, *Proximal Algorithms* (2014), Sec. 6.5.3 (elastic net proximal operator).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar

from core._validate import as_float_array, check_scalar, with_latex

__all__ = [
    "ELASTIC_NET_OBJECTIVE_LATEX",
    "ELASTIC_NET_STEPS",
    "elastic_net",
    "elastic_net_terms",
    "elastic_net_objective",
    "elastic_net_numerical",
]

ELASTIC_NET_OBJECTIVE_LATEX = (
    r"f(w) = \tfrac12 H\,(w - w^*)^2 + \alpha_1\,|w| + \tfrac12\,\alpha_2\,w^2"
)
ELASTIC_NET_LATEX = (
    r"w = \operatorname{sign}(w^*)\,\frac{\max\!\left(H\,|w^*| - \alpha_1,\ 0\right)}{H + \alpha_2}"
)

ELASTIC_NET_STEPS: tuple[tuple[str, str], ...] = (
    ("objective", ELASTIC_NET_OBJECTIVE_LATEX),
    (
        "condition",
        r"0 \in H\,(w - w^*) + \alpha_2\,w + \alpha_1\,\partial|w| "
        r"\;=\; (H + \alpha_2)\,w - H w^* + \alpha_1\,\partial|w|",
    ),
    (
        "positive",
        r"w > 0:\quad (H + \alpha_2)\,w = H w^* - \alpha_1 \;\Longrightarrow\; "
        r"w = \frac{H w^* - \alpha_1}{H + \alpha_2},\quad \text{valid iff } H w^* > \alpha_1",
    ),
    (
        "negative",
        r"w < 0:\quad (H + \alpha_2)\,w = H w^* + \alpha_1 \;\Longrightarrow\; "
        r"w = \frac{H w^* + \alpha_1}{H + \alpha_2},\quad \text{valid iff } H w^* < -\alpha_1",
    ),
    (
        "zero",
        r"w = 0:\quad 0 \in -H w^* + \alpha_1\,[-1,\,1] \iff H\,|w^*| \le \alpha_1",
    ),
    ("together", ELASTIC_NET_LATEX),
    (
        "factor",
        r"w = \underbrace{\frac{H}{H + \alpha_2}}_{\text{L2: shrink}}\;"
        r"\underbrace{\operatorname{sign}(w^*)\max\!\left(|w^*| - \frac{\alpha_1}{H},\ 0\right)}"
        r"_{\text{L1: soft threshold}}",
    ),
)
"""The derivation of :func:`elastic_net` as ``(key, latex)`` steps; the page explains each key."""


def _check(w_star, alpha1, alpha2, H, **more) -> tuple[np.ndarray, ...]:
    """Validate ``alpha1, alpha2 >= 0``, ``H > 0``, all finite and broadcastable."""
    arrays = {name: as_float_array(v, name) for name, v in more.items()}
    arrays["w_star"] = as_float_array(w_star, "w_star")
    arrays["alpha1"] = as_float_array(alpha1, "alpha1")
    arrays["alpha2"] = as_float_array(alpha2, "alpha2")
    arrays["H"] = as_float_array(H, "H")
    for name in ("alpha1", "alpha2"):
        a = arrays[name]
        if np.any(a < 0):
            raise ValueError(f"{name} must be >= 0, got {float(a[a < 0].flat[0])}")
    if np.any(arrays["H"] <= 0):
        H_arr = arrays["H"]
        raise ValueError(f"H must be > 0, got {float(H_arr[H_arr <= 0].flat[0])}")
    try:
        np.broadcast_shapes(*(a.shape for a in arrays.values()))
    except ValueError:
        names = ", ".join(arrays)
        shapes = ", ".join(str(a.shape) for a in arrays.values())
        raise ValueError(f"{names} must have compatible shapes, got {shapes}") from None
    return tuple(arrays.values())


@with_latex(ELASTIC_NET_LATEX)
def elastic_net(w_star, alpha1, alpha2, H):
    """Minimizer of the elastic-net-regularized quadratic, one weight at a time.

    Parameters
    ----------
    w_star : float or array_like
        Unregularized minimizer ``w*`` (any sign).
    alpha1 : float or array_like
        L1 strength, ``alpha1 >= 0`` (the term ``alpha1 |w|``).
    alpha2 : float or array_like
        L2 strength, ``alpha2 >= 0`` (the term ``1/2 alpha2 w^2``).
    H : float or array_like
        Diagonal Hessian entries ``H_ii > 0``.

    The four arguments broadcast against each other. ``alpha2 = 0`` gives the soft threshold
    (lasso); ``alpha1 = 0`` gives the L2 shrink ``H w* / (H + alpha2)``.

    Returns
    -------
    numpy.ndarray or numpy.float64
        ``w`` with ``w_i = 0`` exactly when ``H_ii |w_i*| <= alpha1``.

    Raises
    ------
    ValueError
        If an argument is not finite, ``alpha1 < 0``, ``alpha2 < 0``, ``H <= 0`` or the shapes
        do not broadcast.

    References
    ----------
    Zou & Hastie (2005), Eq. (6) (orthogonal design); Parikh & Boyd (2014), Sec. 6.5.3.
    """
    w_star, alpha1, alpha2, H = _check(w_star, alpha1, alpha2, H)
    # "+ 0.0" turns -0.0 (from sign(w*) * 0) into a plain 0.0.
    w = np.sign(w_star) * np.maximum(H * np.abs(w_star) - alpha1, 0.0) / (H + alpha2) + 0.0
    return w[()]


def elastic_net_terms(w, w_star, alpha1, alpha2, H) -> np.ndarray:
    """The per-weight terms ``1/2 H (w - w*)^2 + alpha1 |w| + 1/2 alpha2 w^2`` (broadcast).

    Parameters
    ----------
    w, w_star : float or array_like
        Where to evaluate, and the unregularized minimizer.
    alpha1, alpha2 : float or array_like
        L1 and L2 strengths, ``>= 0``.
    H : float or array_like
        Diagonal Hessian entries ``> 0``.

    Raises
    ------
    ValueError
        As :func:`elastic_net`, and for a non-finite ``w``.
    """
    w, w_star, alpha1, alpha2, H = _check(w_star, alpha1, alpha2, H, w=w)
    out = 0.5 * H * (w - w_star) ** 2 + alpha1 * np.abs(w) + 0.5 * alpha2 * w**2
    return np.asarray(out, dtype=np.float64)


@with_latex(ELASTIC_NET_OBJECTIVE_LATEX)
def elastic_net_objective(w, w_star, alpha1, alpha2, H) -> float:
    """The elastic-net objective summed over the weights (constant ``L(w*)`` left out).

    Parameters and errors as :func:`elastic_net_terms`.

    Returns
    -------
    float
        ``sum_i [1/2 H_ii (w_i - w_i*)^2 + alpha1 |w_i| + 1/2 alpha2 w_i^2]`` (``inf`` if it
        overflows).
    """
    with np.errstate(over="ignore"):
        return float(np.sum(elastic_net_terms(w, w_star, alpha1, alpha2, H)))


def elastic_net_numerical(
    w_star: float, alpha1: float, alpha2: float, H: float, xatol: float = 1e-10
) -> float:
    """Minimize ``1/2 H (w - w*)^2 + alpha1 |w| + 1/2 alpha2 w^2`` with ``scipy.optimize``.

    A check of :func:`elastic_net` (the page shows both): the bounded method searches between
    0 and ``w*`` (widened by 1), where the minimizer always lies.

    Parameters
    ----------
    w_star : float
    alpha1, alpha2 : float, ``>= 0``
    H : float, ``> 0``
    xatol : float, ``> 0``
        Absolute tolerance on ``w``.

    Returns
    -------
    float
    """
    w_star = check_scalar(w_star, "w_star")
    alpha1 = check_scalar(alpha1, "alpha1", low=0)
    alpha2 = check_scalar(alpha2, "alpha2", low=0)
    H = check_scalar(H, "H", low=0, low_inclusive=False)
    xatol = check_scalar(xatol, "xatol", low=0, low_inclusive=False)
    res = minimize_scalar(
        lambda w: 0.5 * H * (w - w_star) ** 2 + alpha1 * abs(w) + 0.5 * alpha2 * w**2,
        bounds=(min(0.0, w_star) - 1.0, max(0.0, w_star) + 1.0),
        method="bounded",
        options={"xatol": xatol, "maxiter": 2000},
    )
    return float(res.x)
