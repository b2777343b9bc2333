"""Losses and classification metrics, written from their formulas.

Losses: mean squared and mean absolute error, cross-entropy between a target distribution
:math:`p` and a prediction :math:`q` (any log base), binary cross-entropy.
Metrics: the confusion matrix (rows = true class, columns = predicted class, as in
scikit-learn), accuracy, balanced accuracy, precision, recall, specificity, F1, and the ROC
curve with its area computed as the share of correctly ranked (positive, negative) pairs.
A table of counts written the other way round (rows = predicted class) is read with
``rows="predicted"`` (:func:`confusion_report`, :func:`labels_from_confusion`).

scikit-learn is used only as the test oracle; nothing here imports it.

References
----------
Goodfellow, Bengio & Courville (2016), *Deep Learning*, sections 5.5 and 6.2.2 (cross-entropy).
Fawcett (2006), "An introduction to ROC analysis", Pattern Recognition Letters 27, 861-874.
Hanley & McNeil (1982), "The meaning and use of the area under a ROC curve", Radiology 143.
Brodersen et al. (2010), "The balanced accuracy and its posterior distribution", ICPR.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.special import ndtr
from scipy.stats import rankdata

from core._validate import _short, as_float_array, check_scalar, with_latex

NORMALIZE_OPTIONS = (None, "true", "pred", "all")
AVERAGE_OPTIONS = (None, "binary", "micro", "macro", "weighted")
MAX_PAIRS = 200_000  # the pairs table lists every (positive, negative) pair
MAX_EXPANDED = 5_000_000  # labels_from_confusion builds this many samples at most
MAX_GENERATED = 5_000
MAX_DENSE_RANGE = 1_000_000  # integer labels spanning at most this use lookup tables
PROB_ATOL = 1e-6  # how far from 1 a probability vector may sum
ROWS_OPTIONS = ("true", "predicted")  # what the rows of a table of counts are

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
CM_LATEX = r"C_{ij}=\#\{\,n:\ y_n=i,\ \hat{y}_n=j\,\}"
ACCURACY_LATEX = r"\mathrm{accuracy}=\frac{\sum_i C_{ii}}{\sum_{i,j} C_{ij}}"
BALANCED_LATEX = (
    r"\mathrm{balanced\ accuracy}=\frac{1}{K}\sum_{i=1}^{K}\frac{C_{ii}}{\sum_j C_{ij}}"
    r"=\frac{1}{K}\sum_{i=1}^{K}\mathrm{recall}_i"
)
PRF_LATEX = (
    r"\mathrm{precision}=\frac{TP}{TP+FP},\quad \mathrm{recall}=\frac{TP}{TP+FN},\quad "
    r"F_1=\frac{2\,\mathrm{precision}\cdot\mathrm{recall}}{\mathrm{precision}+\mathrm{recall}}"
    r"=\frac{2\,TP}{2\,TP+FP+FN}"
)
SPECIFICITY_LATEX = r"\mathrm{specificity}=\frac{TN}{TN+FP}=1-\mathrm{FPR}"
ROC_LATEX = (
    r"\hat{y}(t)=\mathbb{1}[s\ge t],\qquad "
    r"\mathrm{TPR}(t)=\frac{TP(t)}{P},\quad \mathrm{FPR}(t)=\frac{FP(t)}{N}"
)
AUC_LATEX = (
    r"\mathrm{AUC}=\frac{1}{P\,N}\sum_{i:\,y_i=1}\ \sum_{k:\,y_k=0}"
    r"\Big(\mathbb{1}[s_i>s_k]+\tfrac12\,\mathbb{1}[s_i=s_k]\Big)"
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
    if loss not in ("mse", "mae"):
        raise ValueError(f"loss must be one of 'mse', 'mae', got {loss!r}")
    y_arr = as_float_array(y, "y")
    c_val = check_scalar(c, "c")
    # the sums of mse_gradient / mae_subgradient over the entries, with one division at the end
    # so that the MAE slope at the median is exactly 0
    if loss == "mse":
        return float(2.0 * np.sum(c_val - y_arr) / y_arr.size)
    return float(np.sum(np.sign(c_val - y_arr)) / y_arr.size)


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


# ---------------------------------------------------------------------------------------------
# confusion matrix and the metrics read from it


def _check_labels_1d(values: Any, name: str) -> np.ndarray:
    arr = np.asarray(values)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    if arr.dtype.kind not in "biufUS":
        raise ValueError(f"{name} must hold numbers or strings, got dtype {arr.dtype}")
    if arr.dtype.kind in "bu":
        arr = arr.astype(np.int64)  # so class offsets can be subtracted safely
    return arr


def _check_y_pair(y_true: Any, y_pred: Any) -> tuple[np.ndarray, np.ndarray]:
    t = _check_labels_1d(y_true, "y_true")
    p = _check_labels_1d(y_pred, "y_pred")
    if t.shape != p.shape:
        raise ValueError(
            f"y_true and y_pred must have the same length, got {t.shape[0]} and {p.shape[0]}"
        )
    if (t.dtype.kind in "US") != (p.dtype.kind in "US"):
        raise ValueError("y_true and y_pred must both hold numbers or both hold strings")
    return t, p


def _label_index(values: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Position of each value in ``labels`` (-1 when absent), in O(n log K)."""
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    pos = np.searchsorted(sorted_labels, values)
    pos_clipped = np.minimum(pos, len(labels) - 1)
    found = sorted_labels[pos_clipped] == values
    return np.where(found, order[pos_clipped], -1)


def _is_int(arr: np.ndarray) -> bool:
    return arr.dtype.kind in "biu"


def _resolve_labels(t: np.ndarray, p: np.ndarray, labels: Any) -> np.ndarray:
    if labels is None:
        if _is_int(t) and _is_int(p):
            lo = min(int(t.min()), int(p.min()))
            hi = max(int(t.max()), int(p.max()))
            if hi - lo <= MAX_DENSE_RANGE:
                # integer classes: presence by bincount, O(n), instead of sorting
                seen = np.bincount(t - lo, minlength=hi - lo + 1) + np.bincount(
                    p - lo, minlength=hi - lo + 1
                )
                return np.flatnonzero(seen) + lo
        return np.unique(np.concatenate([t, p]))
    lab = _check_labels_1d(labels, "labels")
    if (lab.dtype.kind in "US") != (t.dtype.kind in "US"):
        raise ValueError("labels must hold the same kind of values as y_true (numbers or strings)")
    if np.unique(lab).size != lab.size:
        raise ValueError(f"labels must not repeat a value, got {lab.tolist()}")
    return lab


def _index_of(values: np.ndarray, labels: np.ndarray) -> np.ndarray:
    if _is_int(values) and _is_int(labels):
        lo, hi = int(labels.min()), int(labels.max())
        if hi - lo <= MAX_DENSE_RANGE:
            table = np.full(hi - lo + 1, -1, dtype=np.int64)  # label value -> row
            table[labels - lo] = np.arange(labels.size)
            inside = (values >= lo) & (values <= hi)
            out = np.full(values.shape, -1, dtype=np.int64)
            out[inside] = table[values[inside] - lo]
            return out
    return _label_index(values, labels)


def _counts(t: np.ndarray, p: np.ndarray, labels: np.ndarray) -> np.ndarray:
    k = labels.size
    ti = _index_of(t, labels)
    pi = _index_of(p, labels)
    keep = (ti >= 0) & (pi >= 0)  # samples with a label outside `labels` are left out
    flat = ti[keep] * k + pi[keep]
    return np.bincount(flat, minlength=k * k).reshape(k, k)


@with_latex(CM_LATEX)
def confusion_matrix(
    y_true: Any, y_pred: Any, labels: Any = None, normalize: str | None = None
) -> np.ndarray:
    """Confusion matrix: row = true class, column = predicted class.

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n,)
        Class labels (integers or strings).
    labels : array_like, optional
        Classes in the order of the rows/columns. Default: the sorted classes found in
        ``y_true`` or ``y_pred``. Samples whose class is not listed are left out.
    normalize : {None, "true", "pred", "all"}
        ``"true"`` divides each row by its sum (each row then holds the recall of its class
        on the diagonal), ``"pred"`` each column (precision on the diagonal), ``"all"`` by the
        total. Empty rows/columns give 0.

    Returns
    -------
    ndarray, shape (K, K)
        Integer counts, or floats when normalized. Built with one ``bincount`` over
        ``true * K + pred``, so it stays fast for many samples and classes.

    References
    ----------
    Fawcett (2006), "An introduction to ROC analysis", section 2.
    """
    t, p = _check_y_pair(y_true, y_pred)
    if normalize not in NORMALIZE_OPTIONS:
        raise ValueError(f"normalize must be one of None, 'true', 'pred', 'all', got {normalize!r}")
    lab = _resolve_labels(t, p, labels)
    C = _counts(t, p, lab)
    if normalize is None:
        return C
    if normalize == "true":
        denom = C.sum(axis=1, keepdims=True)
    elif normalize == "pred":
        denom = C.sum(axis=0, keepdims=True)
    else:
        denom = np.array(C.sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(denom > 0, C / np.where(denom > 0, denom, 1), 0.0)
    return out.astype(np.float64)


def _check_rows(rows: Any) -> str:
    if rows not in ROWS_OPTIONS:
        raise ValueError(f"rows must be one of 'true', 'predicted', got {rows!r}")
    return str(rows)


def labels_from_confusion(C: Any, rows: str = "true") -> tuple[np.ndarray, np.ndarray]:
    """Label vectors whose table of counts is ``C`` (classes 0..K-1), for building examples.

    Parameters
    ----------
    C : array_like, shape (K, K)
        Non-negative integer counts, K >= 2.
    rows : {"true", "predicted"}
        What the rows of ``C`` are. ``"true"`` (scikit-learn's layout): row = true class,
        column = predicted class. ``"predicted"``: row = predicted class, column = true class,
        so ``confusion_matrix(y_true, y_pred)`` is ``C.T``.

    Returns
    -------
    y_true, y_pred : ndarray of int, shape (C.sum(),)
    """
    orientation = _check_rows(rows)
    arr = as_float_array(C, "C", ndim=2)
    if arr.shape[0] != arr.shape[1] or arr.shape[0] < 2:
        raise ValueError(
            f"C must be a square matrix with at least 2 classes, got shape {arr.shape}"
        )
    if np.any(arr < 0) or np.any(arr != np.round(arr)):
        bad = arr[(arr < 0) | (arr != np.round(arr))].flat[0]
        raise ValueError(f"C must contain non-negative whole counts, got {bad:g}")
    total = int(arr.sum())
    if total == 0:
        raise ValueError("C must contain at least one sample, got total 0")
    if total > MAX_EXPANDED:
        raise ValueError(f"C must contain <= {MAX_EXPANDED} samples in total, got {total}")
    counts = arr.astype(np.int64).ravel()
    k = arr.shape[0]
    cells = np.repeat(np.arange(k * k), counts)
    row, col = cells // k, cells % k
    return (row, col) if orientation == "true" else (col, row)


@with_latex(ACCURACY_LATEX)
def accuracy(y_true: Any, y_pred: Any) -> float:
    """Share of samples whose predicted class equals the true class.

    References
    ----------
    Fawcett (2006), "An introduction to ROC analysis", section 2.
    """
    t, p = _check_y_pair(y_true, y_pred)
    return float(np.mean(t == p))


@with_latex(BALANCED_LATEX)
def balanced_accuracy(y_true: Any, y_pred: Any) -> float:
    """Mean of the per-class recalls (the diagonal of the row-normalized confusion matrix).

    Classes that appear only in ``y_pred`` have no row and are not averaged (as scikit-learn).
    With equally many samples per class it equals the accuracy; with imbalanced classes a
    classifier that always answers the majority class gets accuracy = majority share but
    balanced accuracy = 1/K.

    References
    ----------
    Brodersen, Ong, Stephan & Buhmann (2010), "The balanced accuracy and its posterior
    distribution", ICPR, section 2.
    """
    t, p = _check_y_pair(y_true, y_pred)
    lab = _resolve_labels(t, p, None)
    C = _counts(t, p, lab)
    row = C.sum(axis=1)
    present = row > 0
    return float(np.mean(np.diag(C)[present] / row[present]))


@dataclass(frozen=True)
class ClassCounts:
    """One-vs-rest counts per class (arrays of shape (K,))."""

    labels: np.ndarray
    tp: np.ndarray
    fp: np.ndarray
    fn: np.ndarray
    tn: np.ndarray

    @property
    def support(self) -> np.ndarray:
        """Number of true samples of each class."""
        return self.tp + self.fn


def class_counts(y_true: Any, y_pred: Any, labels: Any = None) -> ClassCounts:
    """TP, FP, FN, TN of each class against the rest, read from the confusion matrix."""
    t, p = _check_y_pair(y_true, y_pred)
    lab = _resolve_labels(t, p, labels)
    C = _counts(t, p, lab)
    tp = np.diag(C).astype(np.int64)
    fp = C.sum(axis=0) - tp
    fn = C.sum(axis=1) - tp
    tn = C.sum() - tp - fp - fn
    return ClassCounts(lab, tp, fp, fn, tn)


def _divide(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den with 0 where den == 0 (scikit-learn's ``zero_division=0``)."""
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    return np.divide(num, den, out=np.zeros_like(num), where=den > 0)


def _check_average(average: Any, counts: ClassCounts, pos_label: Any) -> int | None:
    """Validate ``average``; for "binary" return the index of ``pos_label``."""
    if average not in AVERAGE_OPTIONS:
        raise ValueError(
            f"average must be one of None, 'binary', 'micro', 'macro', 'weighted', got {average!r}"
        )
    if average != "binary":
        return None
    if counts.labels.size > 2:
        raise ValueError(
            f"average='binary' needs at most 2 classes, got {counts.labels.size}; "
            "use average='macro', 'micro', 'weighted' or None"
        )
    hits = np.flatnonzero(counts.labels == pos_label)
    return int(hits[0]) if hits.size else -1


@with_latex(PRF_LATEX)
def precision_recall_f1(
    y_true: Any, y_pred: Any, average: str | None = None, labels: Any = None, pos_label: Any = 1
) -> tuple[Any, Any, Any, Any]:
    """Precision, recall, F1 and support of each class (one class against the rest).

    Same conventions as scikit-learn's ``precision_recall_fscore_support(zero_division=0)``:
    a ratio whose denominator is 0 is reported as 0.

    Parameters
    ----------
    y_true, y_pred : array_like, shape (n,)
    average : {None, "binary", "micro", "macro", "weighted"}
        None: arrays, one entry per class. "binary": the scores of ``pos_label`` only.
        "micro": pooled TP/FP/FN. "macro": plain mean over classes. "weighted": mean weighted
        by support.
    labels : array_like, optional
        Classes to report, in order (default: all found, sorted).
    pos_label : label, default 1
        The positive class for ``average="binary"``.

    Returns
    -------
    precision, recall, f1, support
        Arrays of shape (K,) when ``average`` is None; otherwise floats and ``support=None``.

    References
    ----------
    Manning, Raghavan & Schütze (2008), *Introduction to Information Retrieval*, section 8.3.
    """
    counts = class_counts(y_true, y_pred, labels)
    pos = _check_average(average, counts, pos_label)
    tp, fp, fn = counts.tp, counts.fp, counts.fn
    if average == "micro":
        tp, fp, fn = np.array([tp.sum()]), np.array([fp.sum()]), np.array([fn.sum()])
    precision = _divide(tp, tp + fp)
    recall = _divide(tp, tp + fn)
    f1 = _divide(2 * tp, 2 * tp + fp + fn)
    if average is None:
        return precision, recall, f1, counts.support
    if average == "binary":
        if pos < 0:
            return 0.0, 0.0, 0.0, None
        return float(precision[pos]), float(recall[pos]), float(f1[pos]), None
    if average == "micro":
        return float(precision[0]), float(recall[0]), float(f1[0]), None
    if average == "macro":
        return float(precision.mean()), float(recall.mean()), float(f1.mean()), None
    weights = counts.support.astype(np.float64)
    if weights.sum() == 0:
        return 0.0, 0.0, 0.0, None
    return (
        float(np.average(precision, weights=weights)),
        float(np.average(recall, weights=weights)),
        float(np.average(f1, weights=weights)),
        None,
    )


@with_latex(SPECIFICITY_LATEX)
def specificity(
    y_true: Any, y_pred: Any, average: str | None = None, labels: Any = None, pos_label: Any = 1
) -> Any:
    """Specificity (true-negative rate) of each class against the rest.

    For a binary problem the specificity of the positive class is the recall of the negative
    class. Averaging options as :func:`precision_recall_f1` (0 when TN + FP = 0).

    References
    ----------
    Fawcett (2006), "An introduction to ROC analysis", section 2.
    """
    counts = class_counts(y_true, y_pred, labels)
    pos = _check_average(average, counts, pos_label)
    tn, fp = counts.tn, counts.fp
    if average == "micro":
        return float(_divide(tn.sum(), tn.sum() + fp.sum()))
    spec = _divide(tn, tn + fp)
    if average is None:
        return spec
    if average == "binary":
        if pos >= 0:
            return float(spec[pos])
        # the positive class never occurs: every sample is a negative, none predicted positive
        return 1.0 if counts.tp.sum() + counts.fn.sum() > 0 else 0.0
    if average == "macro":
        return float(spec.mean())
    weights = counts.support.astype(np.float64)
    return 0.0 if weights.sum() == 0 else float(np.average(spec, weights=weights))


@dataclass(frozen=True)
class ConfusionReport:
    """The metrics of one table of counts, read with a given orientation.

    ``C`` and the per-class arrays use scikit-learn's layout (row = true class) whatever the
    orientation of the table that was entered; ``table`` and ``row_normalized`` keep the layout
    as entered.
    """

    rows: str  # "true" or "predicted": what the rows of the entered table are
    table: np.ndarray  # (K, K) counts as entered
    C: np.ndarray  # (K, K) confusion matrix, row = true class, column = predicted class
    accuracy: float
    balanced_accuracy: float
    macro_precision: float
    macro_recall: float
    macro_f1: float
    macro_specificity: float  # mean over all K classes
    precision: np.ndarray  # (K,)
    recall: np.ndarray  # (K,)
    specificity: np.ndarray  # (K,)
    f1: np.ndarray  # (K,)
    support: np.ndarray  # (K,) true samples per class
    predicted: np.ndarray  # (K,) predicted samples per class
    row_normalized: np.ndarray  # (K, K) table as entered, each non-empty row divided by its sum
    row_diagonal_mean: float  # mean of its diagonal over the non-empty rows

    @property
    def row_diagonal_is(self) -> str:
        """Which metric the mean of the row-normalized diagonal is for this orientation."""
        return "balanced_accuracy" if self.rows == "true" else "macro_precision"


def confusion_report(table: Any, rows: str = "true") -> ConfusionReport:
    r"""Every metric of a table of counts, with its orientation stated explicitly.

    "Normalize the rows and average the diagonal" gives the mean over rows of
    :math:`C_{ii}/\sum_j C_{ij}`. When rows are true classes that is the mean recall, i.e. the
    balanced accuracy; when rows are predicted classes it is the mean precision (the macro
    precision, when no row is empty). In general it is not the accuracy
    :math:`\sum_i C_{ii}/\sum_{ij} C_{ij}`; the two agree when all row sums are equal.

    Parameters
    ----------
    table : array_like, shape (K, K)
        Non-negative integer counts, K >= 2.
    rows : {"true", "predicted"}
        What the rows of ``table`` are (see :func:`labels_from_confusion`).

    Returns
    -------
    ConfusionReport
        Macro averages over the classes that occur (as scikit-learn's defaults, with
        ``zero_division=0``); per-class arrays over all K classes.

    References
    ----------
    Brodersen, Ong, Stephan & Buhmann (2010), "The balanced accuracy and its posterior
    distribution", ICPR, section 2. Manning, Raghavan & Schütze (2008), *Introduction to
    Information Retrieval*, section 8.3.
    """
    y_true, y_pred = labels_from_confusion(table, rows=rows)
    arr = as_float_array(table, "C", ndim=2).astype(np.int64)
    k = arr.shape[0]
    labels = np.arange(k)
    C = confusion_matrix(y_true, y_pred, labels=labels)
    prec, rec, f1, support = precision_recall_f1(y_true, y_pred, labels=labels)
    mp, mr, mf, _ = precision_recall_f1(y_true, y_pred, average="macro")
    row_sums = arr.sum(axis=1)
    present = row_sums > 0
    R = np.zeros((k, k))
    R[present] = arr[present] / row_sums[present, None]
    spec = specificity(y_true, y_pred, labels=labels)
    return ConfusionReport(
        rows=rows,
        table=arr,
        C=C,
        accuracy=accuracy(y_true, y_pred),
        balanced_accuracy=balanced_accuracy(y_true, y_pred),
        macro_precision=mp,
        macro_recall=mr,
        macro_f1=mf,
        macro_specificity=float(np.mean(spec)),
        precision=prec,
        recall=rec,
        specificity=spec,
        f1=f1,
        support=support,
        predicted=C.sum(axis=0),
        row_normalized=R,
        row_diagonal_mean=float(np.mean(np.diag(R)[present])),
    )


# ---------------------------------------------------------------------------------------------
# ROC curve and AUC


def _check_binary_scores(y_true: Any, scores: Any) -> tuple[np.ndarray, np.ndarray]:
    y = as_float_array(y_true, "y_true", ndim=1)
    s = as_float_array(scores, "scores", ndim=1)
    if y.shape != s.shape:
        raise ValueError(
            f"y_true and scores must have the same length, got {y.shape[0]} and {s.shape[0]}"
        )
    if not np.all((y == 0) | (y == 1)):
        bad = y[(y != 0) & (y != 1)][0]
        raise ValueError(f"y_true must contain only 0 and 1, got {bad:g}")
    n_pos = int(y.sum())
    if n_pos == 0 or n_pos == y.size:
        raise ValueError(
            f"y_true must contain both classes (0 and 1), got {n_pos} positives of {y.size}"
        )
    return y.astype(np.int64), s


@with_latex(ROC_LATEX)
def roc_curve(y_true: Any, scores: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """ROC curve: (FPR, TPR) when predicting "positive" for every score >= a threshold.

    The thresholds are the distinct scores in decreasing order, preceded by ``inf`` (nobody
    predicted positive, the point (0, 0)). The same points as scikit-learn's
    ``roc_curve(..., drop_intermediate=False)``.

    Parameters
    ----------
    y_true : array_like of 0/1, shape (n,)
        1 = positive; both classes must be present.
    scores : array_like, shape (n,)
        Higher score = more likely positive.

    Returns
    -------
    fpr, tpr, thresholds : ndarray, shape (m + 1,)
        m = number of distinct scores.

    References
    ----------
    Fawcett (2006), "An introduction to ROC analysis", Algorithm 1.
    """
    y, s = _check_binary_scores(y_true, scores)
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    # last index of each run of equal scores: the threshold admits the whole run at once
    last_of_run = np.r_[np.flatnonzero(np.diff(s_sorted)), s_sorted.size - 1]
    tp = np.cumsum(y_sorted)[last_of_run]
    fp = (last_of_run + 1) - tp
    tpr = np.r_[0.0, tp / tp[-1]]
    fpr = np.r_[0.0, fp / fp[-1]]
    thresholds = np.r_[np.inf, s_sorted[last_of_run]]
    return fpr, tpr, thresholds


@with_latex(AUC_LATEX)
def roc_auc(y_true: Any, scores: Any) -> float:
    """Area under the ROC curve = share of (positive, negative) pairs ranked correctly.

    A pair counts 1 when the positive has the higher score and 1/2 on a tie. Computed with
    mid-ranks (Mann-Whitney U / (P N)) in O(n log n); equal to the trapezoidal area under
    :func:`roc_curve`.

    References
    ----------
    Hanley & McNeil (1982), "The meaning and use of the area under a receiver operating
    characteristic (ROC) curve", Radiology 143, 29-36.
    """
    y, s = _check_binary_scores(y_true, scores)
    ranks = rankdata(s, method="average")  # ties share their mean rank: counts them half
    n_pos = int(y.sum())
    n_neg = y.size - n_pos
    u = ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))


@dataclass(frozen=True)
class RankedPairs:
    """Every (positive, negative) pair and the credit it gives to the AUC."""

    positive: np.ndarray  # (P*N,) index of the positive sample
    negative: np.ndarray  # (P*N,) index of the negative sample
    score_positive: np.ndarray
    score_negative: np.ndarray
    credit: np.ndarray  # 1 correctly ranked, 0.5 tie, 0 wrong

    @property
    def auc(self) -> float:
        """Mean credit over all pairs."""
        return float(self.credit.mean())


def ranked_pairs(y_true: Any, scores: Any) -> RankedPairs:
    """All (positive, negative) pairs with their credit, for the pairs table.

    Raises ValueError when there are more than ``MAX_PAIRS`` pairs.
    """
    y, s = _check_binary_scores(y_true, scores)
    pos = np.flatnonzero(y == 1)
    neg = np.flatnonzero(y == 0)
    if pos.size * neg.size > MAX_PAIRS:
        raise ValueError(
            f"number of (positive, negative) pairs must be <= {MAX_PAIRS}, "
            f"got {pos.size * neg.size}"
        )
    pi, ni = (g.ravel() for g in np.meshgrid(pos, neg, indexing="ij"))
    sp, sn = s[pi], s[ni]
    credit = np.where(sp > sn, 1.0, np.where(sp == sn, 0.5, 0.0))
    return RankedPairs(pi, ni, sp, sn, credit)


def generate_scores(
    n_pos: int, n_neg: int, separation: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Synthetic classifier scores: logits N(separation, 1) for positives, N(0, 1) for negatives.

    The scores are the logits passed through the sigmoid, so they lie in (0, 1). The
    population AUC is :math:`\\Phi(\\text{separation}/\\sqrt{2})` (see :func:`binormal_auc`).

    Returns
    -------
    y_true : ndarray of int, shape (n_pos + n_neg,)
    scores : ndarray of float, shape (n_pos + n_neg,)
    """
    n_p = int(check_scalar(n_pos, "n_pos", low=1, high=MAX_GENERATED, integer=True))
    n_n = int(check_scalar(n_neg, "n_neg", low=1, high=MAX_GENERATED, integer=True))
    d = check_scalar(separation, "separation", low=-10.0, high=10.0)
    sd = int(check_scalar(seed, "seed", low=0, high=2**32 - 1, integer=True))
    rng = np.random.default_rng(sd)
    logits = np.r_[rng.normal(d, 1.0, n_p), rng.normal(0.0, 1.0, n_n)]
    y = np.r_[np.ones(n_p, dtype=np.int64), np.zeros(n_n, dtype=np.int64)]
    perm = rng.permutation(y.size)
    return y[perm], 1.0 / (1.0 + np.exp(-logits[perm]))


def binormal_auc(separation: float) -> float:
    r"""Population AUC when positive and negative logits are N(d, 1) and N(0, 1).

    :math:`P(X_+ > X_-) = \Phi(d/\sqrt{2})`, since :math:`X_+ - X_- \sim N(d, 2)`.
    """
    d = check_scalar(separation, "separation", low=-10.0, high=10.0)
    return float(ndtr(d / math.sqrt(2.0)))


_SPLIT = re.compile(r"[\s,;]+")


def parse_numbers(
    text: str,
    name: str,
    max_count: int = MAX_GENERATED,
    low: float | None = None,
    high: float | None = None,
) -> np.ndarray:
    """Parse numbers separated by commas, semicolons, spaces or line breaks.

    Only ``float()`` of each token is used (never ``eval``); the decimal mark is a point.
    ``low``/``high`` (inclusive) bound every value when given.

    Parameters
    ----------
    text : str
    name : str
        What the numbers are, for the error messages.
    max_count : int >= 1
    low, high : float or None
        Finite bounds, ``low <= high`` when both are given.

    Raises
    ------
    ValueError
        On an empty list, a token that is not a finite number, more than ``max_count`` numbers
        or a value outside [low, high]; or on invalid ``name``, ``max_count``, ``low``, ``high``.
    """
    if not isinstance(name, str) or not name:
        raise ValueError(f"name must be a non-empty string, got {_short(name)}")
    max_count = int(check_scalar(max_count, "max_count", low=1, integer=True))
    if low is not None:
        low = check_scalar(low, "low")
    if high is not None:
        high = check_scalar(high, "high")
        if low is not None and high < low:
            raise ValueError(f"high must be >= low = {low:g}, got {high:g}")
    if not isinstance(text, str):
        raise ValueError(f"{name} must be text, got {type(text).__name__}")
    tokens = [tok for tok in _SPLIT.split(text.strip()) if tok]
    if not tokens:
        raise ValueError(f"{name} must not be empty, got shape (0,)")
    if len(tokens) > max_count:
        raise ValueError(f"{name} must have <= {max_count} numbers, got {len(tokens)}")
    values = []
    for tok in tokens:
        try:
            v = float(tok)
        except ValueError:
            raise ValueError(f"{name} must be a list of numbers, got {tok[:20]!r}") from None
        if not math.isfinite(v):
            raise ValueError(f"{name} must be a list of numbers, got {tok[:20]!r}")
        if low is not None and v < low:
            raise ValueError(f"{name} must be >= {low:g}, got {tok[:20]}")
        if high is not None and v > high:
            raise ValueError(f"{name} must be <= {high:g}, got {tok[:20]}")
        values.append(v)
    return np.array(values, dtype=np.float64)
