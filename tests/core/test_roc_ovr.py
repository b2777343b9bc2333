"""core.roc_ovr (re-exported by core.metrics): one-vs-rest ROC AUC against scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score, roc_curve

from core import metrics as mt
from core import roc_ovr


def random_case(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """K = 3..6 classes, every class present, probability rows (scikit-learn requires them);
    every other case rounds the scores to one decimal so that ties are common."""
    rng = np.random.default_rng(seed)
    k = int(rng.integers(3, 7))
    n = int(rng.integers(k, 80))
    y = np.r_[np.arange(k), rng.integers(0, k, n - k)]
    rng.shuffle(y)
    p = rng.dirichlet(np.ones(k), n)
    if seed % 2:
        p = np.round(p, 1)
        p[:, -1] = 1.0 - p[:, :-1].sum(axis=1)  # rows still sum to 1 (ties in every column)
    return y, p


@pytest.mark.parametrize("average", ["macro", "weighted", None])
@pytest.mark.parametrize("seed", range(40))
def test_matches_sklearn(seed, average):
    y, p = random_case(seed)
    ours = mt.roc_auc_ovr(y, p, average=average)
    ref = roc_auc_score(y, p, multi_class="ovr", average=average)
    np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-12)


def test_ties_count_half():
    # column 0: the one positive (0.5) ties one negative (0.5) and beats the other (0.1)
    y = np.array([0, 1, 2])
    s = np.array([[0.5, 0.3, 0.2], [0.5, 0.4, 0.1], [0.1, 0.2, 0.7]])
    per_class = mt.roc_auc_ovr(y, s, average=None)
    assert per_class[0] == 0.75  # 0.5 vs 0.5 tie (1/2) and 0.5 > 0.1 (1): 1.5 / 2
    np.testing.assert_allclose(per_class, roc_auc_score(y, s, multi_class="ovr", average=None))


def test_macro_and_weighted_differ_when_the_rare_class_is_hard():
    counts = mt.imbalanced_counts(600, 4, 20.0)
    y, s = mt.generate_multiclass_scores(counts, 2.5, seed=3)
    per_class = mt.roc_auc_ovr(y, s, average=None)
    macro, weighted = mt.roc_auc_ovr(y, s), mt.roc_auc_ovr(y, s, "weighted")
    assert macro == pytest.approx(per_class.mean())
    assert weighted == pytest.approx(np.sum(counts / counts.sum() * per_class))
    assert weighted > macro  # the big class is the easy one (separation falls with k)


def test_curves_match_sklearn_per_class():
    y, p = random_case(7)
    for k, (fpr, tpr) in enumerate(mt.ovr_roc_curves(y, p)):
        ref_fpr, ref_tpr, _ = roc_curve(y == k, p[:, k], drop_intermediate=False)
        np.testing.assert_allclose(fpr, ref_fpr)
        np.testing.assert_allclose(tpr, ref_tpr)
        assert np.trapezoid(tpr, fpr) == pytest.approx(mt.roc_auc_ovr(y, p, None)[k])


def test_scores_need_not_be_probabilities():
    y, p = random_case(2)
    logits = np.log(p + 1e-3) * 3.0 + 7.0  # a monotone map per column keeps every ranking
    np.testing.assert_allclose(mt.roc_auc_ovr(y, logits, None), mt.roc_auc_ovr(y, p, None))


@pytest.mark.parametrize(("n", "k", "ratio"), [(300, 4, 10.0), (10, 3, 1.0), (7, 7, 50.0)])
def test_imbalanced_counts(n, k, ratio):
    c = mt.imbalanced_counts(n, k, ratio)
    assert c.sum() == n and np.all(c >= 1) and np.all(np.diff(c) <= 0)
    if ratio == 1.0:
        assert c.max() - c.min() <= 1
    if n == 300:
        assert c[0] / c[-1] == pytest.approx(ratio, rel=0.15)


def test_generated_scores_are_seeded_probabilities():
    y1, s1 = mt.generate_multiclass_scores([50, 30, 20], 2.0, seed=5)
    y2, s2 = mt.generate_multiclass_scores([50, 30, 20], 2.0, seed=5)
    assert np.array_equal(y1, y2) and np.array_equal(s1, s2)
    np.testing.assert_allclose(s1.sum(axis=1), 1.0)
    assert np.array_equal(np.bincount(y1), [50, 30, 20])
    _, s0 = mt.generate_multiclass_scores([50, 30, 20], 0.0, seed=5)
    assert abs(mt.roc_auc_ovr(y1, s0) - 0.5) < 0.1  # no separation: chance
    assert mt.roc_auc_ovr(y1, s1) > 0.8


@pytest.mark.parametrize(
    ("y", "s", "average", "message"),
    [
        ([0, 1, 2], np.eye(3), "micro", "average must be one of macro, weighted or None"),
        ([0, 1, 1], np.eye(3), "macro", "got no sample of class 2"),
        ([0, 1], np.eye(3), "macro", "same number of rows, got 2 and 3"),
        ([0, 1, 3], np.eye(3), "macro", r"class labels 0\.\.2"),
        ([0, 1, 0.5], np.eye(3), "macro", r"class labels 0\.\.2"),
        ([0, 0, 0], np.ones((3, 1)), "macro", "at least 2 columns"),
        ([0, 1, 2], [0.1, 0.2, 0.3], "macro", "scores must be 2-D"),
        ([0, 1, 2], np.diag([1.0, np.inf, 1.0]), "macro", "only finite numbers"),
    ],
)
def test_bad_input(y, s, average, message):
    with pytest.raises(ValueError, match=message):
        roc_ovr.roc_auc_ovr(y, s, average=average)
