"""The ROC curve and its area, computed as the share of correctly ranked (positive, negative)
pairs; synthetic scores for the page, and the parser of the scores a person types.

scikit-learn is used only as the test oracle; nothing here imports it.

References
----------
Fawcett (2006), "An introduction to ROC analysis", Pattern Recognition Letters 27, 861-874.
Hanley & McNeil (1982), "The meaning and use of the area under a ROC curve", Radiology 143.
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

MAX_PAIRS = 200_000  # the pairs table lists every (positive, negative) pair
MAX_GENERATED = 5_000

ROC_LATEX = (
    r"\hat{y}(t)=\mathbb{1}[s\ge t],\qquad "
    r"\mathrm{TPR}(t)=\frac{TP(t)}{P},\quad \mathrm{FPR}(t)=\frac{FP(t)}{N}"
)
AUC_LATEX = (
    r"\mathrm{AUC}=\frac{1}{P\,N}\sum_{i:\,y_i=1}\ \sum_{k:\,y_k=0}"
    r"\Big(\mathbb{1}[s_i>s_k]+\tfrac12\,\mathbb{1}[s_i=s_k]\Big)"
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

    @property
    def wins(self) -> int:
        """Pairs ranked correctly (the positive scores higher)."""
        return int(np.sum(self.credit == 1.0))

    @property
    def ties(self) -> int:
        """Pairs with equal scores (half a point each)."""
        return int(np.sum(self.credit == 0.5))

    @property
    def losses(self) -> int:
        """Pairs ranked the wrong way round."""
        return int(self.credit.size) - self.wins - self.ties


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
