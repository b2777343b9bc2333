"""Sensitivity of the least-squares solution to perturbations of ``X``: ``kappa`` for an exact
fit, ``kappa^2`` as soon as there is a residual.

References
----------
G. H. Golub and C. F. Van Loan, *Matrix Computations*, 4th ed., theorem 5.3.1.
P.-Å. Wedin, "Perturbation theory for pseudo-inverses", BIT 13 (1973).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core._validate import as_float_array, check_scalar, with_latex
from core.least_squares import _as_X, _as_y, min_norm_solution, svd_info

# sensitivity to perturbations of X: kappa for an exact fit, kappa^2 with a residual
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sensitivity:
    """How much a small relative change of ``X`` moves ``w = X^+ y``, measured and predicted.

    ``gain = (||dw|| / ||w||) / (||dX||_2 / ||X||_2)`` for two rank-one perturbations
    ``dX = eps ||X||_2 u v^T`` (unit ``u``, ``v``):

    * residual direction, ``u = r/||r||``, ``v = v_min``: first-order gain
      ``kappa^2 ||r|| / (||X||_2 ||w||)``, which vanishes when the fit is exact;
    * fit direction, ``u = u_min``, ``v = w/||w||``: first-order gain ``kappa``.

    Attributes
    ----------
    kappa : float
    residual_ratio : float
        ``||r|| / (||X||_2 ||w||)`` with ``r = y - Xw``.
    gain_residual, gain_fit : float
        Measured gains (``gain_residual`` is ``nan`` when ``n = d``: no room for a residual).
    predicted_residual, predicted_fit : float
        First-order values ``kappa^2 * residual_ratio`` and ``kappa``.
    dX_residual, dX_fit : ndarray, shape (n, d)
        The perturbations used (``dX_residual`` is 0 when ``n = d``).
    """

    kappa: float
    residual_ratio: float
    gain_residual: float
    gain_fit: float
    predicted_residual: float
    predicted_fit: float
    dX_residual: np.ndarray
    dX_fit: np.ndarray


@with_latex(
    r"\frac{\lVert \mathbf{w}(X + \Delta X) - \mathbf{w}(X)\rVert / \lVert\mathbf{w}(X)\rVert}"
    r"{\lVert\Delta X\rVert_2 / \lVert X\rVert_2}"
)
def perturbation_gain(X: object, y: object, dX: object) -> float:
    """Relative change of the least-squares solution over the relative change of ``X``.

    ``w`` is ``X^+ y`` with the automatic tolerance. Needs ``w != 0`` and ``dX != 0``.
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    dX = as_float_array(dX, "dX", ndim=2)
    if dX.shape != X.shape:
        raise ValueError(f"dX must have the shape of X {X.shape}, got {dX.shape}")
    w = min_norm_solution(X, y)
    w_norm = float(np.linalg.norm(w))
    dX_norm = float(np.linalg.norm(dX, 2))
    if w_norm == 0.0:
        raise ValueError("the least-squares solution is w = 0, so its relative change is undefined")
    if dX_norm == 0.0:
        raise ValueError("dX must be nonzero, got the zero matrix")
    dw = min_norm_solution(X + dX, y) - w
    return float(np.linalg.norm(dw) / w_norm / (dX_norm / float(np.linalg.norm(X, 2))))


SENSITIVITY_LATEX = (
    r"\frac{\lVert\Delta\mathbf{w}\rVert/\lVert\mathbf{w}\rVert}"
    r"{\lVert\Delta X\rVert/\lVert X\rVert} \approx"
    r"\begin{cases} \kappa^2\,\dfrac{\lVert\mathbf{r}\rVert}{\lVert X\rVert\,\lVert\mathbf{w}"
    r"\rVert} & \Delta X \propto \mathbf{r}\,\mathbf{v}_{\min}^\top \\[1ex]"
    r" \kappa & \Delta X \propto \mathbf{u}_{\min}\mathbf{w}^\top \end{cases}"
)


def _step(gain: float) -> float:
    # small enough that eps * gain <= 1e-3 (first-order regime), at most 1e-6
    return min(1e-6, 1e-3 / max(gain, 1.0))


@with_latex(SENSITIVITY_LATEX)
def sensitivity(X: object, y: object) -> Sensitivity:
    """Measure the two classic worst cases of least-squares sensitivity (see :class:`Sensitivity`).

    Perturbation theory bounds the relative change of ``w`` by
    ``eps (2 kappa / cos(theta) + kappa^2 tan(theta))`` with ``sin(theta) = ||r|| / ||y||``
    (``||dX|| <= eps ||X||``): ``kappa^2`` appears as soon as the residual is nonzero, and only
    ``kappa`` remains for an exact fit. The two perturbations here attain each term. Each is
    measured with ``eps = min(1e-6, 1e-3 / predicted gain)``: first order, above rounding.

    Parameters
    ----------
    X : array_like, shape (n, d), full column rank (automatic tolerance)
    y : array_like, shape (n,), with ``X^+ y != 0``

    Raises
    ------
    ValueError
        If ``X`` is not of full column rank or ``w = 0``.

    References
    ----------
    Golub & Van Loan, *Matrix Computations*, 4th ed., theorem 5.3.1. P.-Å. Wedin, "Perturbation
    theory for pseudo-inverses", BIT 13 (1973).
    """
    X = _as_X(X)
    y = _as_y(y, X.shape[0])
    n, d = X.shape
    info = svd_info(X)
    if info.rank != d:
        raise ValueError(
            f"X must have full column rank {d} for a unique minimizer, got rank {info.rank}"
        )
    kappa = float(info.sigma[0] / info.sigma[d - 1])
    w = min_norm_solution(X, y)
    w_norm = float(np.linalg.norm(w))
    if w_norm == 0.0:
        raise ValueError("the least-squares solution is w = 0, so its relative change is undefined")
    X_norm = float(info.sigma[0])
    # the residual is the part of y outside the range of X (exactly 0 for an exact fit)
    r = info.U[:, d:] @ (info.U[:, d:].T @ y)  # (n,)
    r_norm = float(np.linalg.norm(r))
    residual_ratio = r_norm / (X_norm * w_norm)
    predicted_residual = kappa**2 * residual_ratio
    u_min, v_min = info.U[:, d - 1], info.Vt[d - 1]
    dX_fit = _step(kappa) * X_norm * np.outer(u_min, w / w_norm)
    gain_fit = perturbation_gain(X, y, dX_fit)
    if n == d:
        dX_res = np.zeros_like(X)
        gain_res = float("nan")
    else:
        # r / ||r|| when there is a residual; any unit vector orthogonal to range(X) otherwise
        u_res = r / r_norm if r_norm > 0.0 else info.U[:, d]
        dX_res = _step(max(predicted_residual, kappa)) * X_norm * np.outer(u_res, v_min)
        gain_res = perturbation_gain(X, y, dX_res)
    return Sensitivity(
        kappa=kappa,
        residual_ratio=residual_ratio,
        gain_residual=gain_res,
        gain_fit=gain_fit,
        predicted_residual=predicted_residual,
        predicted_fit=kappa,
        dX_residual=dX_res,
        dX_fit=dX_fit,
    )


def conditioned_example(
    kappa: float, residual: float, n: int = 6, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """``(X, y)`` with ``||X||_2 = 1``, condition number ``kappa``, ``X^+ y = w0`` and ``||r||``.

    ``X = U diag(1, 1/kappa) V^T`` (random orthogonal ``U``, ``V``), ``w0 = V (1, 1)/sqrt(2)``
    (unit norm, half along the weak direction) and ``y = X w0 + residual * u_3`` with ``u_3``
    orthogonal to the range of ``X``. The solution and the residual do not depend on ``kappa``,
    so :func:`sensitivity` predicts gains ``kappa^2 * residual`` and ``kappa`` exactly.

    Parameters
    ----------
    kappa : float in [1, 1e6]
    residual : float >= 0
    n : int in [3, 50]
    seed : int >= 0
    """
    kappa = check_scalar(kappa, "kappa", low=1.0, high=1e6)
    residual = check_scalar(residual, "residual", low=0.0, high=1e3)
    n = int(check_scalar(n, "n", low=3, high=50, integer=True))
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    rng = np.random.default_rng(seed)
    U = np.linalg.qr(rng.normal(size=(n, n)))[0]
    V = np.linalg.qr(rng.normal(size=(2, 2)))[0]
    X = (U[:, :2] * np.array([1.0, 1.0 / kappa])) @ V.T  # (n, 2)
    w0 = V @ np.array([1.0, 1.0]) / np.sqrt(2.0)
    y = X @ w0 + residual * U[:, 2]
    return X, y
