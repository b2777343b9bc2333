"""Losses, written from their formulas.

Mean squared and mean absolute error (with their gradient and subgradient), cross-entropy
between a target distribution :math:`p` and a prediction :math:`q` (any log base), binary
cross-entropy. The classification metrics live in :mod:`core.confusion` (the confusion matrix
and what is read from it) and :mod:`core.roc` (the ROC curve and its area), :mod:`core.roc_ovr` (multi-class
ROC AUC, one-vs-rest); they are
re-exported here so that ``from core import metrics`` keeps working.

scikit-learn is used only as the test oracle; nothing here imports it.

References
----------
Goodfellow, Bengio & Courville (2016), *Deep Learning*, sections 5.5 and 6.2.2 (cross-entropy).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from core._validate import as_float_array, check_scalar, with_latex

# Re-exported so that code written before the split (``from core import metrics``;
# ``metrics.confusion_matrix``, ``metrics.roc_auc``, ...) keeps working. New code imports
# core.confusion and core.roc.
from core.confusion import (
    ACCURACY_LATEX,
    AVERAGE_OPTIONS,
    BALANCED_LATEX,
    CM_LATEX,
    MAX_DENSE_RANGE,
    MAX_EXPANDED,
    NORMALIZE_OPTIONS,
    PRF_LATEX,
    ROWS_OPTIONS,
    SPECIFICITY_LATEX,
    ClassCounts,
    ConfusionReport,
    accuracy,
    balanced_accuracy,
    class_counts,
    confusion_matrix,
    confusion_report,
    labels_from_confusion,
    precision_recall_f1,
    specificity,
)
from core.roc import (
    AUC_LATEX,
    MAX_GENERATED,
    MAX_PAIRS,
    ROC_LATEX,
    RankedPairs,
    binormal_auc,
    generate_scores,
    parse_numbers,
    ranked_pairs,
    roc_auc,
    roc_curve,
)
from core.roc_ovr import (
    OVR_AVERAGES,
    generate_multiclass_scores,
    imbalanced_counts,
    ovr_roc_curves,
    roc_auc_ovr,
)

PROB_ATOL = 1e-6  # how far from 1 a probability vector may sum

MSE_LATEX = r"\mathrm{MSE}=\frac{1}{N}\sum_{j=1}^{N}\left(y_j-\hat{y}_j\right)^2"
MAE_LATEX = r"\mathrm{MAE}=\frac{1}{N}\sum_{j=1}^{N}\left|y_j-\hat{y}_j\right|"
MSE_GRAD_LATEX = (
    r"\frac{\partial\,\mathrm{MSE}}{\partial \hat{y}_j}=-\frac{2}{N}\,r_j,"
    r"\qquad r_j=y_j-\hat{y}_j"
)
MAE_SUBGRAD_LATEX = (
    r"\frac{\partial\,|r|}{\partial r}=\operatorname{sign}(r)\ \ (r\neq 0),\qquad "
    r"\frac{\partial\,\mathrm{MAE}}{\partial \hat{y}_j}=-\frac{1}{N}\operatorname{sign}(r_j)"
)
CE_LATEX = r"H_b(p,q)=-\sum_{i=1}^{K} p_i\,\log_b q_i"
BCE_LATEX = (
    r"\mathrm{BCE}_b=-\frac{1}{N}\sum_{j=1}^{N}\Big[y_j\log_b \hat{p}_j"
    r"+(1-y_j)\log_b\big(1-\hat{p}_j\big)\Big]"
)

# ---------------------------------------------------------------------------------------------
# losses


def _check_base(base: Any) -> float:
    b = check_scalar(base, "base")
    if not (b > 0 and b != 1):
        raise ValueError(f"base must be > 0 and != 1, got {base}")
    return float(b)


def _check_reduction(reduction: Any) -> str:
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"reduction must be one of 'mean', 'sum', 'none', got {reduction!r}")
    return str(reduction)


def _reduce(values: np.ndarray, reduction: str) -> float | np.ndarray:
    if reduction == "mean":
        return float(np.mean(values))
    if reduction == "sum":
        return float(np.sum(values))
    return values


def _pair(y: Any, y_hat: Any, name_y: str, name_hat: str) -> tuple[np.ndarray, np.ndarray]:
    y_arr = as_float_array(y, name_y)
    hat = as_float_array(y_hat, name_hat)
    if y_arr.shape != hat.shape:
        raise ValueError(
            f"{name_y} and {name_hat} must have the same shape, got {y_arr.shape} and {hat.shape}"
        )
    return y_arr, hat


@with_latex(MSE_LATEX)
def mse(y: Any, y_hat: Any, reduction: str = "mean") -> float | np.ndarray:
    """Mean squared error (L2 loss).

    Parameters
    ----------
    y, y_hat : array_like, same shape
        True and predicted values.
    reduction : {"mean", "sum", "none"}
        ``"none"`` returns the squared residual of each entry.

    References
    ----------
    Goodfellow, Bengio & Courville (2016), *Deep Learning*, section 5.1.4.
    """
    y_arr, hat = _pair(y, y_hat, "y", "y_hat")
    return _reduce((y_arr - hat) ** 2, _check_reduction(reduction))


@with_latex(MAE_LATEX)
def mae(y: Any, y_hat: Any, reduction: str = "mean") -> float | np.ndarray:
    """Mean absolute error (L1 loss).

    Its gradient has constant size, so one huge residual (an outlier) pulls no harder than a
    moderate one; with MSE the pull grows linearly with the residual.

    Parameters
    ----------
    y, y_hat : array_like, same shape
        True and predicted values.
    reduction : {"mean", "sum", "none"}
        ``"none"`` returns the absolute residual of each entry.

    References
    ----------
    Hastie, Tibshirani & Friedman (2009), *The Elements of Statistical Learning*, section 10.6.
    """
    y_arr, hat = _pair(y, y_hat, "y", "y_hat")
    return _reduce(np.abs(y_arr - hat), _check_reduction(reduction))


@with_latex(MSE_GRAD_LATEX)
def mse_gradient(y: Any, y_hat: Any) -> np.ndarray:
    """Gradient of :func:`mse` (mean reduction) with respect to each prediction.

    Parameters
    ----------
    y, y_hat : array_like, same shape
        True and predicted values; N is their number of entries.

    Returns
    -------
    ndarray, same shape as ``y_hat``
        :math:`-2 r_j / N`: proportional to the residual, so a far outlier pulls hardest.

    References
    ----------
    Goodfellow, Bengio & Courville (2016), *Deep Learning*, section 5.1.4.
    """
    y_arr, hat = _pair(y, y_hat, "y", "y_hat")
    return -2.0 * (y_arr - hat) / y_arr.size


@with_latex(MAE_SUBGRAD_LATEX)
def mae_subgradient(y: Any, y_hat: Any) -> np.ndarray:
    r"""A subgradient of :func:`mae` (mean reduction) with respect to each prediction.

    Away from :math:`r = 0` the absolute value is differentiable with derivative
    :math:`\operatorname{sign}(r)`; at :math:`r = 0` every value in :math:`[-1, 1]` is a
    subgradient and we take 0, as PyTorch's ``l1_loss`` does. No optimization problem has to
    be solved: one sign per entry.

    Parameters
    ----------
    y, y_hat : array_like, same shape
        True and predicted values; N is their number of entries.

    Returns
    -------
    ndarray, same shape as ``y_hat``
        :math:`-\operatorname{sign}(r_j) / N`, with :math:`r_j = y_j - \hat{y}_j`: each
        entry pulls with the same strength 1/N whatever the size of its residual.

    References
    ----------
    Boyd & Vandenberghe (2004), *Convex Optimization*, section 6.1 (absolute-value penalty);
    Rockafellar (1970), *Convex Analysis*, section 23 (subgradients).
    """
    y_arr, hat = _pair(y, y_hat, "y", "y_hat")
    return -np.sign(y_arr - hat) / y_arr.size


def slope_at_constant(loss: str, y: Any, c: float) -> float:
    r"""Derivative of ``loss(y, c·1)`` with respect to one constant prediction ``c``.

    The chain rule sums the per-entry (sub)gradients: :math:`\tfrac{2}{N}\sum_j (c - y_j)`
    for MSE (zero at the mean) and :math:`\tfrac{1}{N}(\#\{y_j < c\} - \#\{y_j > c\})`
    for MAE (zero at the median, and never larger than 1 in size).

    Parameters
    ----------
    loss : {"mse", "mae"}
    y : array_like
        Observations.
    c : float
        The constant prediction.
    """
    loss = _check_loss_name(loss)
    y_arr = as_float_array(y, "y")
    c_val = check_scalar(c, "c")
    # the sums of mse_gradient / mae_subgradient over the entries, with one division at the end
    # so that the MAE slope at the median is exactly 0
    if loss == "mse":
        return float(2.0 * np.sum(c_val - y_arr) / y_arr.size)
    return float(np.sum(np.sign(c_val - y_arr)) / y_arr.size)


def _check_loss_name(loss: Any) -> str:
    """``"mse"`` or ``"mae"``, the two regression losses a constant prediction is fitted with."""
    if loss not in ("mse", "mae"):
        raise ValueError(f"loss must be one of 'mse', 'mae', got {loss!r}")
    return loss


def best_constant(loss: str, y: Any) -> float:
    r"""The constant prediction ``c`` that minimizes ``loss(y, c·1)``.

    MSE: the mean, where :math:`\tfrac{2}{N}\sum_j (c - y_j) = 0`. MAE: a median, where as
    many observations lie above ``c`` as below (numpy's median: the midpoint of the two middle
    values when ``N`` is even; every point between them is a minimizer too).

    Parameters
    ----------
    loss : {"mse", "mae"}
    y : array_like
        Observations (flattened).

    Returns
    -------
    float

    References
    ----------
    Hastie, Tibshirani & Friedman (2009), *The Elements of Statistical Learning*, 2nd ed.,
    section 2.4 (the conditional mean and median as the minimizers of squared and absolute loss).
    """
    loss = _check_loss_name(loss)
    y_arr = as_float_array(y, "y")
    return float(np.mean(y_arr)) if loss == "mse" else float(np.median(y_arr))


def loss_of_constants(loss: str, y: Any, c: Any) -> np.ndarray:
    """``loss(y, c_k·1)`` for every constant ``c_k``: the loss as a function of one prediction.

    Parameters
    ----------
    loss : {"mse", "mae"}
    y : array_like, shape (N,)
        Observations.
    c : array_like, shape (M,)
        Constant predictions.

    Returns
    -------
    ndarray, shape (M,)
        Entry ``k`` is :func:`mse` (or :func:`mae`) of ``y`` against ``c_k`` repeated ``N`` times.
    """
    loss = _check_loss_name(loss)
    y_arr = as_float_array(y, "y", ndim=1)
    c_arr = as_float_array(c, "c", ndim=1)
    Y, C = np.broadcast_arrays(y_arr[None, :], c_arr[:, None])  # (M, N) each
    per_entry = mse(Y, C, reduction="none") if loss == "mse" else mae(Y, C, reduction="none")
    return per_entry.mean(axis=1)  # (M,)


def _check_distribution(v: Any, name: str) -> np.ndarray:
    arr = as_float_array(v, name, ndim=(1, 2))
    if np.any(arr < 0) or np.any(arr > 1):
        bad = arr[(arr < 0) | (arr > 1)].flat[0]
        raise ValueError(f"{name} must have entries in [0, 1], got {bad:g}")
    sums = arr.sum(axis=-1)
    if np.any(np.abs(sums - 1.0) > PROB_ATOL):
        bad = np.atleast_1d(sums)[np.abs(np.atleast_1d(sums) - 1.0) > PROB_ATOL][0]
        raise ValueError(f"{name} must sum to 1 (each row), got {bad:.6g}")
    return arr


@with_latex(CE_LATEX)
def cross_entropy(p: Any, q: Any, base: float = math.e) -> float:
    r"""Cross-entropy between a target distribution ``p`` and a prediction ``q``.

    With a one-hot target only the predicted probability of the true class counts:
    :math:`H_b(p, q) = -\log_b q_{\text{true}}`. The base only changes the unit
    (:math:`\log_2`: bits, :math:`\ln`: nats); :math:`H_2 = H_e/\ln 2`.

    Parameters
    ----------
    p : array_like, shape (K,) or (N, K)
        Target distribution(s); entries in [0, 1], each row summing to 1.
    q : array_like, same shape as ``p``
        Predicted distribution(s), e.g. a softmax output; entries in [0, 1], rows summing to 1.
    base : float, default e
        Base of the logarithm, > 0 and != 1.

    Returns
    -------
    float
        :math:`H_b(p, q)`, averaged over rows for 2-D input. ``inf`` when the prediction gives
        probability 0 to an outcome the target allows (terms with :math:`p_i = 0` count 0).

    References
    ----------
    Goodfellow, Bengio & Courville (2016), *Deep Learning*, sections 3.13 and 6.2.2.3.
    """
    p_arr = _check_distribution(p, "p")
    q_arr = _check_distribution(q, "q")
    if p_arr.shape != q_arr.shape:
        raise ValueError(f"p and q must have the same shape, got {p_arr.shape} and {q_arr.shape}")
    b = _check_base(base)
    with np.errstate(divide="ignore"):
        log_q = np.log(q_arr)
    terms = p_arr * np.where(p_arr > 0, log_q, 0.0)  # 0 * log 0 = 0
    per_row = -terms.sum(axis=-1) / math.log(b)
    return float(np.mean(per_row))


def one_hot_cross_entropy_latex(true_class: int, q: Any, base: float = math.e) -> str:
    r"""The cross-entropy of a one-hot target written out with the numbers, for display.

    ``H_b = -[0 log_b(q_1) + ... + 1 log_b(q_t) + ...] = -log_b(q_t) = value``, with the
    probabilities to 3 significant digits in the sum and 4 in the last two members.

    Parameters
    ----------
    true_class : int
        Index of the true class, 0-based, in ``[0, K)``.
    q : array_like, shape (K,)
        Predicted distribution (as :func:`cross_entropy`).
    base : float, default e
        Base of the logarithm; ``math.e`` is written ``e``.

    Returns
    -------
    str
        LaTeX; the value is :func:`cross_entropy` of the one-hot target and ``q``.
    """
    q_arr = _check_distribution(q, "q")
    if q_arr.ndim != 1:
        raise ValueError(f"q must be 1-D, got shape {q_arr.shape}")
    k = q_arr.size
    t = int(check_scalar(true_class, "true_class", low=0, high=k - 1, integer=True))
    target = np.eye(k)[t]
    h = cross_entropy(target, q_arr, base=base)
    b_tex = "e" if base == math.e else f"{float(base):g}"
    terms = " + ".join(
        f"{int(target[i])}\\log_{{{b_tex}}}({float(q_arr[i]):.3g})" for i in range(k)
    )
    return (
        rf"H_{{{b_tex}}} = -\big[{terms}\big] = -\log_{{{b_tex}}}({float(q_arr[t]):.4g}) = {h:.4g}"
    )


@with_latex(BCE_LATEX)
def binary_cross_entropy(
    y: Any, p: Any, base: float = math.e, reduction: str = "mean"
) -> float | np.ndarray:
    """Binary cross-entropy of predicted probabilities ``p`` for labels ``y``.

    Parameters
    ----------
    y : array_like
        Labels in [0, 1] (usually 0 or 1; soft labels allowed, as in PyTorch).
    p : array_like, same shape as ``y``
        Predicted probability of class 1, in [0, 1].
    base : float, default e
        Base of the logarithm of *both* terms (> 0, != 1).
    reduction : {"mean", "sum", "none"}
        ``"none"`` returns the loss of each sample.

    Returns
    -------
    float or ndarray
        ``inf`` where a label gets predicted probability 0.

    References
    ----------
    Bishop (2006), *Pattern Recognition and Machine Learning*, section 4.3.2, eq. (4.90).
    """
    y_arr, p_arr = _pair(y, p, "y", "p")
    for arr, name in ((y_arr, "y"), (p_arr, "p")):
        if np.any(arr < 0) or np.any(arr > 1):
            bad = arr[(arr < 0) | (arr > 1)].flat[0]
            raise ValueError(f"{name} must have entries in [0, 1], got {bad:g}")
    b = _check_base(base)
    with np.errstate(divide="ignore"):
        log_p = np.log(p_arr)
        log_1mp = np.log1p(-p_arr)
    # 0 * log 0 = 0, so a confident correct prediction costs nothing.
    loss = -(
        y_arr * np.where(y_arr > 0, log_p, 0.0) + (1 - y_arr) * np.where(y_arr < 1, log_1mp, 0.0)
    )
    return _reduce(loss / math.log(b), _check_reduction(reduction))


__all__ = [
    # losses (defined here)
    "PROB_ATOL",
    "MSE_LATEX",
    "MAE_LATEX",
    "MSE_GRAD_LATEX",
    "MAE_SUBGRAD_LATEX",
    "CE_LATEX",
    "BCE_LATEX",
    "mse",
    "mae",
    "mse_gradient",
    "mae_subgradient",
    "slope_at_constant",
    "best_constant",
    "loss_of_constants",
    "cross_entropy",
    "one_hot_cross_entropy_latex",
    "binary_cross_entropy",
    # re-exported from core.confusion
    "NORMALIZE_OPTIONS",
    "AVERAGE_OPTIONS",
    "MAX_EXPANDED",
    "MAX_DENSE_RANGE",
    "ROWS_OPTIONS",
    "CM_LATEX",
    "ACCURACY_LATEX",
    "BALANCED_LATEX",
    "PRF_LATEX",
    "SPECIFICITY_LATEX",
    "confusion_matrix",
    "labels_from_confusion",
    "accuracy",
    "balanced_accuracy",
    "ClassCounts",
    "class_counts",
    "precision_recall_f1",
    "specificity",
    "ConfusionReport",
    "confusion_report",
    # re-exported from core.roc
    "MAX_PAIRS",
    "MAX_GENERATED",
    "ROC_LATEX",
    "AUC_LATEX",
    "roc_curve",
    "roc_auc",
    "RankedPairs",
    "ranked_pairs",
    "generate_scores",
    "binormal_auc",
    "parse_numbers",
    # re-exported from core.roc_ovr
    "OVR_AVERAGES",
    "roc_auc_ovr",
    "ovr_roc_curves",
    "imbalanced_counts",
    "generate_multiclass_scores",
]
