"""The confusion matrix and the metrics read from it, written from their formulas.

The confusion matrix has rows = true class and columns = predicted class, as in scikit-learn;
accuracy, balanced accuracy, precision, recall, specificity and F1 are read from it. A table
of counts written the other way round (rows = predicted class) is read with
``rows="predicted"`` (:func:`confusion_report`, :func:`labels_from_confusion`).

scikit-learn is used only as the test oracle; nothing here imports it.

References
----------
Brodersen et al. (2010), "The balanced accuracy and its posterior distribution", ICPR.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from core._validate import as_float_array, with_latex

NORMALIZE_OPTIONS = (None, "true", "pred", "all")
AVERAGE_OPTIONS = (None, "binary", "micro", "macro", "weighted")
MAX_EXPANDED = 5_000_000  # labels_from_confusion builds this many samples at most
MAX_DENSE_RANGE = 1_000_000  # integer labels spanning at most this use lookup tables
ROWS_OPTIONS = ("true", "predicted")  # what the rows of a table of counts are

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
    def n(self) -> int:
        """The number of samples: the sum of all counts (truncated to an integer)."""
        return int(self.C.sum())

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


def macro_means_latex(
    report: ConfusionReport, balanced_name: str, macro_precision_name: str, accuracy_name: str
) -> tuple[str, str]:
    r"""Balanced accuracy, macro precision and accuracy as sums of count fractions, in LaTeX.

    Balanced accuracy is the mean of :math:`TP_i / n_i` over the classes that occur
    (:math:`n_i > 0`); the macro precision the mean of :math:`TP_i / \hat n_i` over the classes
    that occur or are predicted (a class predicted but never present has precision 0 and still
    counts; scikit-learn's ``average="macro"`` over the labels seen); the accuracy
    :math:`\sum_i TP_i / n`. Values to 3 significant digits.

    Parameters
    ----------
    report : ConfusionReport
    balanced_name, macro_precision_name, accuracy_name : str
        The names shown in ``\text{...}`` (the page passes them in its language).

    Returns
    -------
    (str, str)
        The balanced-accuracy line; the macro-precision and accuracy line.

    Raises
    ------
    ValueError
        If ``report`` is not a :class:`ConfusionReport` or a name is not a string.
    """
    if not isinstance(report, ConfusionReport):
        raise ValueError(f"report must be a ConfusionReport, got {type(report).__name__}")
    names = (balanced_name, macro_precision_name, accuracy_name)
    for label, value in zip(
        ("balanced_name", "macro_precision_name", "accuracy_name"), names, strict=True
    ):
        if not isinstance(value, str):
            raise ValueError(f"{label} must be a string, got {type(value).__name__}")
    C = report.C  # (K, K), row = true class
    k = C.shape[0]
    tp = np.diag(C)  # (K,)
    recalls = " + ".join(
        rf"\tfrac{{{tp[i]}}}{{{report.support[i]}}}" for i in range(k) if report.support[i]
    )
    precisions = " + ".join(
        rf"\tfrac{{{tp[i]}}}{{{report.predicted[i]}}}"
        for i in range(k)
        if report.support[i] or report.predicted[i]
    )
    k_rec = int(np.count_nonzero(report.support))
    k_prec = int(np.count_nonzero(report.support + report.predicted))
    n = int(C.sum())
    balanced = (
        rf"\text{{{balanced_name}}} = \tfrac{{1}}{{{k_rec}}}\left({recalls}\right)"
        rf" = {report.balanced_accuracy:.3g}"
    )
    macro = (
        rf"\text{{{macro_precision_name}}} = \tfrac{{1}}{{{k_prec}}}"
        rf"\left({precisions}\right) = {report.macro_precision:.3g}"
        rf"\qquad \text{{{accuracy_name}}} = "
        rf"\tfrac{{{int(np.trace(C))}}}{{{n}}} = {report.accuracy:.3g}"
    )
    return balanced, macro
