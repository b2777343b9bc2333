"""ROC AUC for more than two classes, one-vs-rest: one binary ROC curve per class (that class
against all the others), then their areas averaged (macro) or weighted by class size (weighted).

core.metrics re-exports :func:`roc_auc_ovr`. scikit-learn is used only as the test oracle.

References
----------
Fawcett (2006), "An introduction to ROC analysis", Pattern Recognition Letters 27, Sec. 9
(multi-class ROC, class-reference formulation, prevalence-weighted AUC).
Provost & Domingos (2001), "Well-trained PETs: improving probability estimation trees".
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core._validate import _short, as_float_array, check_scalar, with_latex
from core.roc import roc_auc, roc_curve

__all__ = [
    "OVR_AVERAGES",
    "OVR_MACRO_LATEX",
    "OVR_WEIGHTED_LATEX",
    "MAX_CLASSES",
    "roc_auc_ovr",
    "ovr_roc_curves",
    "imbalanced_counts",
    "generate_multiclass_scores",
]

OVR_AVERAGES = ("macro", "weighted")
MAX_CLASSES = 10
MAX_SAMPLES = 20_000
OVR_MACRO_LATEX = r"\mathrm{AUC}_{\text{macro}} = \frac{1}{K}\sum_{k=1}^{K}\mathrm{AUC}_k"
OVR_WEIGHTED_LATEX = (
    r"\mathrm{AUC}_{\text{weighted}} = \sum_{k=1}^{K}\frac{n_k}{n}\,\mathrm{AUC}_k,\qquad "
    r"\mathrm{AUC}_k = \mathrm{AUC}\big(\mathbb{1}[y = k],\ s_{\cdot k}\big)"
)


def _check_ovr(y_true: Any, scores: Any) -> tuple[np.ndarray, np.ndarray]:
    """Labels 0..K-1 (every class present) and finite scores of shape (n, K), K >= 2."""
    s = as_float_array(scores, "scores", ndim=2)
    y = as_float_array(y_true, "y_true", ndim=1)
    n, k = s.shape
    if k < 2:
        raise ValueError(
            f"scores must have at least 2 columns (one per class), got shape {s.shape}"
        )
    if y.shape[0] != n:
        raise ValueError(
            f"y_true and scores must have the same number of rows, got {y.shape[0]} and {n}"
        )
    bad = (y != np.round(y)) | (y < 0) | (y > k - 1)
    if np.any(bad):
        raise ValueError(
            f"y_true must contain only class labels 0..{k - 1} (one per column of scores), "
            f"got {y[bad][0]:g}"
        )
    labels = y.astype(np.int64)
    counts = np.bincount(labels, minlength=k)
    if np.any(counts == 0):
        missing = int(np.flatnonzero(counts == 0)[0])
        raise ValueError(
            f"every class must have positives and negatives in y_true, got no sample of "
            f"class {missing}"
        )
    return labels, s


@with_latex(OVR_MACRO_LATEX, OVR_WEIGHTED_LATEX)
def roc_auc_ovr(y_true: Any, scores: Any, average: str | None = "macro") -> Any:
    """Multi-class ROC AUC, one-vs-rest.

    For each class ``k`` the binary AUC of "is it class k?" scored by column ``k``
    (:func:`core.roc.roc_auc`: ties count 1/2), then averaged. Equal to scikit-learn's
    ``roc_auc_score(y_true, scores, multi_class="ovr", average=average)``; unlike it, the rows
    of ``scores`` need not be probabilities (each class' AUC only ranks its own column).

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Class labels ``0 .. K-1``; every class must appear (so each one-vs-rest problem has
        positives and negatives).
    scores : array_like, shape (n, K), K >= 2
        Column ``k``: higher = more likely class ``k``.
    average : {"macro", "weighted"} or None
        ``"macro"``: plain mean over the classes; ``"weighted"``: mean weighted by the class
        sizes ``n_k / n``; ``None``: the per-class AUCs.

    Returns
    -------
    float, or ndarray of shape (K,) when ``average is None``

    Raises
    ------
    ValueError
        On shapes that do not match, labels outside ``0..K-1``, a class with no sample,
        non-finite scores or an unknown ``average``.

    References
    ----------
    Fawcett (2006), Sec. 9; Hand & Till (2001) for the one-vs-one alternative.
    """
    if average is not None and average not in OVR_AVERAGES:
        raise ValueError(f"average must be one of macro, weighted or None, got {_short(average)}")
    y, s = _check_ovr(y_true, scores)
    k = s.shape[1]
    per_class = np.array([roc_auc((y == c).astype(np.int64), s[:, c]) for c in range(k)])
    if average is None:
        return per_class
    if average == "macro":
        return float(per_class.mean())
    weights = np.bincount(y, minlength=k) / y.size
    return float(np.sum(weights * per_class))


def ovr_roc_curves(y_true: Any, scores: Any) -> list[tuple[np.ndarray, np.ndarray]]:
    """The K one-vs-rest ROC curves ``(fpr, tpr)`` (class ``k`` against the rest, column ``k``).

    Same checks as :func:`roc_auc_ovr`; each curve is :func:`core.roc.roc_curve`'s.
    """
    y, s = _check_ovr(y_true, scores)
    curves = []
    for c in range(s.shape[1]):
        fpr, tpr, _ = roc_curve((y == c).astype(np.int64), s[:, c])
        curves.append((fpr, tpr))
    return curves


def imbalanced_counts(n: int, n_classes: int, ratio: float) -> np.ndarray:
    """Class sizes summing to ``n``, decreasing geometrically from class 0 to class K-1.

    Class ``k`` gets a share proportional to ``ratio ** (-k / (K - 1))``, so the largest class is
    about ``ratio`` times the smallest (``ratio = 1``: balanced). Every class gets at least one
    sample.

    Parameters
    ----------
    n : int, ``n_classes <= n <= MAX_SAMPLES``
    n_classes : int, ``2 <= n_classes <= MAX_CLASSES``
    ratio : float, ``1 <= ratio <= 1000``

    Returns
    -------
    ndarray of int, shape (n_classes,)
    """
    k = int(check_scalar(n_classes, "n_classes", low=2, high=MAX_CLASSES, integer=True))
    total = int(check_scalar(n, "n", low=k, high=MAX_SAMPLES, integer=True))
    r = check_scalar(ratio, "ratio", low=1.0, high=1000.0)
    share = r ** (-np.arange(k) / (k - 1))
    share /= share.sum()
    # one sample each, the rest split by largest remainder so the sizes sum to n exactly
    extra = share * (total - k)
    counts = np.floor(extra).astype(np.int64)
    left = (total - k) - int(counts.sum())
    counts[np.argsort(-(extra - counts), kind="stable")[:left]] += 1
    return counts + 1


def generate_multiclass_scores(
    counts: Any, separation: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Synthetic K-class scores: softmax of logits with a bump on the true class.

    A sample of class ``c`` gets logits ``z_j ~ N(0, 1)`` for every class ``j`` plus ``d_c`` on
    ``j = c``, where ``d_c`` falls linearly from ``separation`` (class 0) to ``separation / 2``
    (class K-1): the later (with :func:`imbalanced_counts`, the rarer) classes are the harder
    ones, which is when macro and weighted averages differ.

    Parameters
    ----------
    counts : array_like of int, shape (K,)
        Samples per class, each ``>= 1``, ``2 <= K <= MAX_CLASSES``, total ``<= MAX_SAMPLES``.
    separation : float in [0, 10]
    seed : int >= 0

    Returns
    -------
    y_true : ndarray of int, shape (n,)
    scores : ndarray of float, shape (n, K)
        Rows sum to 1 (probabilities), shuffled together with ``y_true``.
    """
    c = as_float_array(counts, "counts", ndim=1)
    if c.size < 2 or c.size > MAX_CLASSES:
        raise ValueError(f"counts must have 2 to {MAX_CLASSES} entries, got {c.size}")
    if np.any(c != np.round(c)) or np.any(c < 1):
        raise ValueError(
            f"counts must be integers >= 1, got {c[(c != np.round(c)) | (c < 1)][0]:g}"
        )
    if c.sum() > MAX_SAMPLES:
        raise ValueError(f"counts must sum to <= {MAX_SAMPLES}, got {c.sum():g}")
    d = check_scalar(separation, "separation", low=0.0, high=10.0)
    sd = int(check_scalar(seed, "seed", low=0, high=2**32 - 1, integer=True))
    k = c.size
    rng = np.random.default_rng(sd)
    y = np.repeat(np.arange(k), c.astype(np.int64))
    bump = d * (1.0 - 0.5 * np.arange(k) / (k - 1))  # (K,)
    z = rng.normal(0.0, 1.0, (y.size, k))
    z[np.arange(y.size), y] += bump[y]
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    perm = rng.permutation(y.size)
    return y[perm], p[perm]
