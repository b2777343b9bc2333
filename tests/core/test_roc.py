"""core.roc against scikit-learn / scipy, properties, the course numbers, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sklearn.metrics as skm
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import norm

from core import confusion as cf
from core import roc

# scikit-learn warns about single-class inputs; the values are what we compare
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

SETTINGS = settings(max_examples=40, deadline=None)

PATIENT_SCORES = [0.21, 0.67, 0.56, 0.31, 0.70, 0.84]
PATIENT_INFECTED = [0, 1, 0, 0, 1, 0]

# ------------------------------------------------------------------ strategies


@st.composite
def binary_scores(draw, max_n=40):
    n = draw(st.integers(2, max_n))
    y = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
    y[0], y[1] = 0, 1  # both classes present
    # few distinct values so ties are common
    scores = draw(
        st.lists(st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.7, 0.9, 1.0]), min_size=n, max_size=n)
    )
    return np.array(y), np.array(scores)


# ------------------------------------------------------------------ ROC and AUC


def test_course_six_patients_roc_and_auc():
    fpr, tpr, thr = roc.roc_curve(PATIENT_INFECTED, PATIENT_SCORES)
    np.testing.assert_allclose(fpr, [0, 0.25, 0.25, 0.25, 0.5, 0.75, 1.0])
    np.testing.assert_allclose(tpr, [0, 0, 0.5, 1.0, 1.0, 1.0, 1.0])
    np.testing.assert_allclose(thr, [np.inf, 0.84, 0.70, 0.67, 0.56, 0.31, 0.21])
    # 6 of the 8 (infected, healthy) pairs are ranked correctly: only Patient 6 (0.84) beats both
    assert roc.roc_auc(PATIENT_INFECTED, PATIENT_SCORES) == pytest.approx(0.75)
    pairs = roc.ranked_pairs(PATIENT_INFECTED, PATIENT_SCORES)
    assert pairs.credit.size == 8 and pairs.credit.sum() == 6
    wrong = {
        (int(i), int(k))
        for i, k, c in zip(pairs.positive, pairs.negative, pairs.credit, strict=True)
        if c == 0
    }
    assert wrong == {(1, 5), (4, 5)}


@SETTINGS
@given(binary_scores())
def test_roc_curve_matches_sklearn(data):
    y, s = data
    fpr, tpr, thr = roc.roc_curve(y, s)
    efpr, etpr, ethr = skm.roc_curve(y, s, drop_intermediate=False)
    np.testing.assert_allclose(fpr, efpr, rtol=1e-12)
    np.testing.assert_allclose(tpr, etpr, rtol=1e-12)
    np.testing.assert_array_equal(thr, ethr)


@SETTINGS
@given(binary_scores())
def test_auc_three_ways_match_sklearn(data):
    y, s = data
    expected = skm.roc_auc_score(y, s)
    assert roc.roc_auc(y, s) == pytest.approx(expected, rel=1e-12)
    assert roc.ranked_pairs(y, s).auc == pytest.approx(expected, rel=1e-12)
    fpr, tpr, _ = roc.roc_curve(y, s)
    assert np.trapezoid(tpr, fpr) == pytest.approx(expected, rel=1e-12)


def test_point_at_threshold_is_on_the_curve():
    y, s = np.array(PATIENT_INFECTED), np.array(PATIENT_SCORES)
    fpr, tpr, thr = roc.roc_curve(y, s)
    for t_i, f_i, r_i in zip(thr[1:], fpr[1:], tpr[1:], strict=True):
        C = cf.confusion_matrix(y, (s >= t_i).astype(int), labels=[0, 1])
        assert C[0, 1] / C[0].sum() == pytest.approx(f_i)
        assert C[1, 1] / C[1].sum() == pytest.approx(r_i)


def test_generated_scores_reproducible_and_near_population_auc():
    y1, s1 = roc.generate_scores(2000, 2000, 1.5, seed=7)
    y2, s2 = roc.generate_scores(2000, 2000, 1.5, seed=7)
    np.testing.assert_array_equal(y1, y2)
    np.testing.assert_array_equal(s1, s2)
    assert y1.sum() == 2000 and np.all((s1 > 0) & (s1 < 1))
    assert roc.binormal_auc(1.5) == pytest.approx(norm.cdf(1.5 / math.sqrt(2)), rel=1e-12)
    # standard error of the AUC at n = 2000 + 2000 is about 0.006
    assert roc.roc_auc(y1, s1) == pytest.approx(roc.binormal_auc(1.5), abs=0.03)
    _, s3 = roc.generate_scores(2000, 2000, 1.5, seed=8)
    assert not np.array_equal(s1, s3)


def test_parse_numbers():
    np.testing.assert_array_equal(
        roc.parse_numbers("0.21, 0.67;0.56\n0.31  7e-1", "scores"), [0.21, 0.67, 0.56, 0.31, 0.7]
    )
    with pytest.raises(ValueError, match=r"scores must be a list of numbers, got 'abc'"):
        roc.parse_numbers("0.1, abc", "scores")
    with pytest.raises(ValueError, match=r"scores must be a list of numbers, got 'nan'"):
        roc.parse_numbers("0.1 nan", "scores")
    with pytest.raises(ValueError, match=r"labels must not be empty"):
        roc.parse_numbers("  , ", "labels")
    with pytest.raises(ValueError, match=r"scores must have <= 3 numbers, got 4"):
        roc.parse_numbers("1 2 3 4", "scores", max_count=3)
    with pytest.raises(ValueError, match=r"scores must be <= 1, got 1.5"):
        roc.parse_numbers("0.5 1.5", "scores", low=0.0, high=1.0)
    with pytest.raises(ValueError, match=r"scores must be >= 0, got -0.1"):
        roc.parse_numbers("-0.1", "scores", low=0.0, high=1.0)
    # no evaluation of expressions
    with pytest.raises(ValueError, match=r"list of numbers, got .__import__"):
        roc.parse_numbers("__import__('os')", "scores")


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (
            lambda: roc.roc_curve([1, 1, 1], [0.1, 0.2, 0.3]),
            r"y_true must contain both classes \(0 and 1\), got 3 positives of 3",
        ),
        (lambda: roc.roc_auc([0, 2], [0.1, 0.2]), r"y_true must contain only 0 and 1, got 2"),
        (
            lambda: roc.roc_auc([0, 1], [0.1, 0.2, 0.3]),
            r"y_true and scores must have the same length, got 2 and 3",
        ),
        (lambda: roc.roc_curve([0, 1], [0.1, np.inf]), r"scores must contain only finite numbers"),
        (
            lambda: roc.ranked_pairs(np.r_[np.zeros(500), np.ones(500)], np.arange(1000.0)),
            r"number of \(positive, negative\) pairs must be <= 200000, got 250000",
        ),
        (lambda: roc.generate_scores(0, 5, 1.0, 0), r"n_pos must be >= 1, got 0"),
        (lambda: roc.generate_scores(5, 5, 1.0, -1), r"seed must be >= 0, got -1"),
    ],
)
def test_roc_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"max_count": "abc"}, r"^max_count must be a number, got 'abc'$"),
        ({"max_count": 0}, r"^max_count must be >= 1, got 0$"),
        ({"max_count": 2.5}, r"^max_count must be an integer, got 2.5$"),
        ({"low": "a"}, r"^low must be a number, got 'a'$"),
        ({"high": float("inf")}, r"^high must be finite, got inf$"),
        ({"low": 1.0, "high": 0.0}, r"^high must be >= low = 1, got 0$"),
        ({"name": None}, r"^name must be a non-empty string, got None$"),
    ],
)
def test_parse_numbers_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        roc.parse_numbers("1 2", **{"name": "v", **kwargs})


# ------------------------------------------------------------------ what the pairs table shows


@SETTINGS
@given(binary_scores())
def test_pair_counts_match_a_double_loop_and_sklearn_auc(data):
    y, s = data
    pairs = roc.ranked_pairs(y, s)
    pos, neg = s[y == 1], s[y == 0]
    wins = sum(int(a > b) for a in pos for b in neg)  # oracle: every pair, by hand
    ties = sum(int(a == b) for a in pos for b in neg)
    assert (pairs.wins, pairs.ties) == (wins, ties)
    assert pairs.losses == pos.size * neg.size - wins - ties
    auc = (pairs.wins + 0.5 * pairs.ties) / (pairs.wins + pairs.ties + pairs.losses)
    assert auc == pytest.approx(skm.roc_auc_score(y, s), abs=1e-12)


def test_pair_counts_course_six_patients():
    pairs = roc.ranked_pairs(PATIENT_INFECTED, PATIENT_SCORES)
    # infected 0.67 and 0.70 against healthy 0.21, 0.56, 0.31, 0.84: 6 of 8 pairs right
    assert (pairs.wins, pairs.ties, pairs.losses) == (6, 0, 2)
