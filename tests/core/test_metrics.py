"""core.metrics against scikit-learn / torch / scipy, properties, the course numbers, bad input."""

from __future__ import annotations

import math
import warnings
from contextlib import contextmanager

import numpy as np
import pytest
import sklearn.metrics as skm
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import entropy, norm

from core import confusion as cf
from core import metrics as m
from core import roc

# scikit-learn warns about single-class inputs; the values are what we compare
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

SETTINGS = settings(max_examples=40, deadline=None)

COURSE_TARGET = [1.0, 0.0, 0.0, 0.0]
COURSE_PRED = [0.775, 0.116, 0.039, 0.070]
COURSE_CM = [[6, 5], [7, 9]]
PATIENT_SCORES = [0.21, 0.67, 0.56, 0.31, 0.70, 0.84]
PATIENT_INFECTED = [0, 1, 0, 0, 1, 0]


# ------------------------------------------------------------------ strategies


@contextmanager
def _no_warning_check():
    """scikit-learn warns about classes only in y_pred; the value is what we compare."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@st.composite
def label_pairs(draw, max_classes=6, max_n=60):
    k = draw(st.integers(1, max_classes))
    n = draw(st.integers(1, max_n))
    labels = st.integers(0, k - 1)
    y_true = draw(st.lists(labels, min_size=n, max_size=n))
    y_pred = draw(st.lists(labels, min_size=n, max_size=n))
    return np.array(y_true), np.array(y_pred)


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


@st.composite
def distributions(draw, k=None):
    size = k if k is not None else draw(st.integers(2, 6))
    w = draw(st.lists(st.floats(0.01, 10.0), min_size=size, max_size=size))
    w = np.array(w)
    return w / w.sum()


# ------------------------------------------------------------------ losses


def test_cross_entropy_course_example_bits():
    # -log2(0.775) = 0.3677 (printed digits)
    h = m.cross_entropy(COURSE_TARGET, COURSE_PRED, base=2)
    assert round(h, 4) == 0.3677
    assert h == pytest.approx(-math.log2(0.775), abs=1e-12)


def test_cross_entropy_matches_torch_and_sklearn_batch():
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(7, 5))
    q = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = rng.integers(0, 5, size=7)
    p = np.eye(5)[y]
    ours = m.cross_entropy(p, q)
    assert ours == pytest.approx(skm.log_loss(y, q, labels=range(5)), rel=1e-12)
    soft = rng.dirichlet(np.ones(5), size=7)
    torch_ce = F.cross_entropy(torch.tensor(np.log(q)), torch.tensor(soft)).item()
    assert m.cross_entropy(soft, q) == pytest.approx(torch_ce, rel=1e-10)


@SETTINGS
@given(distributions(k=4), distributions(k=4), st.sampled_from([2.0, math.e, 10.0]))
def test_cross_entropy_is_entropy_plus_kl(p, q, base):
    # H(p, q) = H(p) + KL(p || q) >= H(p), scipy as oracle
    expected = entropy(p, base=base) + entropy(p, q, base=base)
    h = m.cross_entropy(p, q, base=base)
    assert h == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert h >= m.cross_entropy(p, p, base=base) - 1e-12


def test_cross_entropy_base_only_changes_unit():
    h_e = m.cross_entropy(COURSE_TARGET, COURSE_PRED)
    assert m.cross_entropy(COURSE_TARGET, COURSE_PRED, base=2) == pytest.approx(h_e / math.log(2))


def test_cross_entropy_zero_probability_on_true_class_is_infinite():
    assert m.cross_entropy([0, 1], [1, 0]) == math.inf
    assert m.cross_entropy([1, 0], [1, 0]) == 0.0  # 0 * log 0 counts 0


@pytest.mark.parametrize(
    ("p", "q", "base", "match"),
    [
        ([1, 0], [0.5, 0.5], 1.0, r"base must be > 0 and != 1, got 1.0"),
        ([1, 0], [0.5, 0.5], -2.0, r"base must be > 0 and != 1, got -2.0"),
        ([1, 0], [0.6, 0.6], 2.0, r"q must sum to 1 \(each row\), got 1.2"),
        ([1, 0], [1.5, -0.5], 2.0, r"q must have entries in \[0, 1\], got 1.5"),
        ([1, 0, 0], [0.5, 0.5], 2.0, r"p and q must have the same shape"),
        ([1, 0], [np.nan, 1], 2.0, r"q must contain only finite numbers"),
    ],
)
def test_cross_entropy_bad_input(p, q, base, match):
    with pytest.raises(ValueError, match=match):
        m.cross_entropy(p, q, base=base)


def test_binary_cross_entropy_matches_torch_and_sklearn():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, size=50).astype(float)
    p = rng.uniform(0.01, 0.99, size=50)
    torch_bce = F.binary_cross_entropy(torch.tensor(p), torch.tensor(y)).item()
    assert m.binary_cross_entropy(y, p) == pytest.approx(torch_bce, rel=1e-12)
    assert m.binary_cross_entropy(y, p) == pytest.approx(skm.log_loss(y, p), rel=1e-12)
    per = m.binary_cross_entropy(y, p, reduction="none")
    torch_per = F.binary_cross_entropy(torch.tensor(p), torch.tensor(y), reduction="none")
    np.testing.assert_allclose(per, torch_per.numpy(), rtol=1e-12)
    soft = rng.uniform(0, 1, size=50)
    torch_soft = F.binary_cross_entropy(torch.tensor(p), torch.tensor(soft)).item()
    assert m.binary_cross_entropy(soft, p) == pytest.approx(torch_soft, rel=1e-12)


@SETTINGS
@given(st.floats(1e-6, 1 - 1e-6), st.sampled_from([2.0, math.e, 10.0]))
def test_binary_cross_entropy_curves(p, base):
    # y = 1 costs -log p, y = 0 costs -log(1 - p); both in the same base
    assert m.binary_cross_entropy([1.0], [p], base=base) == pytest.approx(-math.log(p, base))
    assert m.binary_cross_entropy([0.0], [p], base=base) == pytest.approx(
        -math.log1p(-p) / math.log(base)
    )


def test_binary_cross_entropy_edges():
    assert m.binary_cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert m.binary_cross_entropy([1.0], [0.0]) == math.inf


@pytest.mark.parametrize(
    ("y", "p", "kwargs", "match"),
    [
        ([2.0], [0.5], {}, r"y must have entries in \[0, 1\], got 2"),
        ([1.0], [1.5], {}, r"p must have entries in \[0, 1\], got 1.5"),
        ([1.0, 0.0], [0.5], {}, r"y and p must have the same shape"),
        (
            [1.0],
            [0.5],
            {"reduction": "max"},
            r"reduction must be one of 'mean', 'sum', 'none', got 'max'",
        ),
        ([1.0], [0.5], {"base": 0.0}, r"base must be > 0 and != 1, got 0.0"),
    ],
)
def test_binary_cross_entropy_bad_input(y, p, kwargs, match):
    with pytest.raises(ValueError, match=match):
        m.binary_cross_entropy(y, p, **kwargs)


@SETTINGS
@given(st.lists(st.floats(-100, 100), min_size=1, max_size=30), st.integers(0, 2**31 - 1))
def test_mse_mae_match_sklearn_and_torch(y, seed):
    y = np.array(y)
    y_hat = y + np.random.default_rng(seed).normal(size=y.size)
    assert m.mse(y, y_hat) == pytest.approx(skm.mean_squared_error(y, y_hat), rel=1e-12)
    assert m.mae(y, y_hat) == pytest.approx(skm.mean_absolute_error(y, y_hat), rel=1e-12)
    t, th = torch.tensor(y), torch.tensor(y_hat)
    assert m.mse(y, y_hat) == pytest.approx(F.mse_loss(th, t).item(), rel=1e-12)
    assert m.mae(y, y_hat) == pytest.approx(F.l1_loss(th, t).item(), rel=1e-12)
    # Jensen: the mean absolute residual never exceeds the root mean square residual
    assert m.mae(y, y_hat) <= math.sqrt(m.mse(y, y_hat)) + 1e-12


def test_outlier_moves_mse_far_more_than_mae():
    y = np.zeros(10)
    y_hat = np.full(10, 0.5)
    y_out = y_hat.copy()
    y_out[0] = 50.0  # one residual of 50
    d_mse = m.mse(y, y_out) - m.mse(y, y_hat)
    d_mae = m.mae(y, y_out) - m.mae(y, y_hat)
    assert d_mse == pytest.approx((50**2 - 0.25) / 10)
    assert d_mae == pytest.approx((50 - 0.5) / 10)
    np.testing.assert_allclose(m.mse(y, y_out, reduction="none"), (y_out - y) ** 2)
    assert m.mae(y, y_out, reduction="sum") == pytest.approx(np.abs(y_out).sum())


def test_mse_bad_input():
    with pytest.raises(ValueError, match=r"y and y_hat must have the same shape"):
        m.mse([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match=r"y_hat must be numeric, got 'a'"):
        m.mae([1], "a")


@SETTINGS
@given(
    st.lists(st.floats(-100, 100), min_size=1, max_size=30),
    st.integers(0, 2**31 - 1),
    st.booleans(),
)
def test_mse_gradient_and_mae_subgradient_match_torch_autograd(y, seed, with_ties):
    """torch.autograd differentiates l1_loss with sign(r) (0 at r = 0) and mse_loss with -2r/N."""
    y = np.array(y)
    y_hat = y + np.random.default_rng(seed).normal(size=y.size)
    if with_ties:
        y_hat[::2] = y[::2]  # r = 0 on every other entry: the kink of |r|
    t = torch.tensor(y)
    for ours, loss in ((m.mse_gradient, F.mse_loss), (m.mae_subgradient, F.l1_loss)):
        th = torch.tensor(y_hat, requires_grad=True)
        loss(th, t).backward()
        np.testing.assert_allclose(ours(y, y_hat), th.grad.numpy(), rtol=1e-12, atol=1e-15)


def test_mae_subgradient_is_sign_of_the_residual_not_its_size():
    y = np.array([0.0, 0.0, 0.0, 0.0])
    y_hat = np.array([-1e6, -0.1, 0.0, 3.0])  # residuals r = y - y_hat = 1e6, 0.1, 0, -3
    np.testing.assert_array_equal(m.mae_subgradient(y, y_hat), [-0.25, -0.25, 0.0, 0.25])
    np.testing.assert_allclose(m.mse_gradient(y, y_hat), [-5e5, -0.05, 0.0, 1.5])


def test_slope_at_constant_vanishes_at_the_mean_and_the_median():
    y = np.array([1.0, 1.2, 1.4, 1.9, 2.1, 2.4, 2.6, 3.0, 3.3, 3.9, 40.0])
    assert m.slope_at_constant("mse", y, np.mean(y)) == pytest.approx(0.0, abs=1e-12)
    assert m.slope_at_constant("mae", y, np.median(y)) == 0.0
    # MAE at the mean: 10 observations below, 1 above -> (10 - 1)/11, whatever the outlier
    assert m.slope_at_constant("mae", y, np.mean(y)) == pytest.approx(9 / 11)
    # MSE at the median: 2 (median - mean), which grows with the outlier
    assert m.slope_at_constant("mse", y, np.median(y)) == pytest.approx(
        2 * (np.median(y) - np.mean(y))
    )
    # the chain rule: the sum of the per-entry (sub)gradients
    for c in (np.mean(y), np.median(y), 0.0, 50.0):
        for loss, grad in (("mse", m.mse_gradient), ("mae", m.mae_subgradient)):
            total = grad(y, np.full_like(y, c)).sum()
            assert m.slope_at_constant(loss, y, c) == pytest.approx(total, abs=1e-12)
    # the same slope by a central finite difference of the loss itself
    h = 1e-6
    for loss, fn in (("mse", m.mse), ("mae", m.mae)):
        c = 2.25  # no observation here, so MAE is differentiable at c
        fd = (fn(y, np.full_like(y, c + h)) - fn(y, np.full_like(y, c - h))) / (2 * h)
        assert m.slope_at_constant(loss, y, c) == pytest.approx(fd, rel=1e-6)


def test_gradients_bad_input():
    with pytest.raises(ValueError, match=r"y and y_hat must have the same shape"):
        m.mae_subgradient([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match=r"loss must be one of 'mse', 'mae', got 'huber'"):
        m.slope_at_constant("huber", [1.0], 0.0)
    with pytest.raises(ValueError, match=r"c must be finite, got nan"):
        m.slope_at_constant("mae", [1.0], float("nan"))


# ------------------------------------------------------------------ confusion matrix & metrics


@SETTINGS
@given(label_pairs(), st.sampled_from([None, "true", "pred", "all"]))
def test_confusion_matrix_matches_sklearn(pair, normalize):
    y_true, y_pred = pair
    ours = cf.confusion_matrix(y_true, y_pred, normalize=normalize)
    theirs = skm.confusion_matrix(y_true, y_pred, normalize=normalize)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)
    if normalize is None:
        assert ours.dtype.kind == "i"


@SETTINGS
@given(label_pairs(max_classes=5), st.permutations([0, 1, 2, 3, 4, 7]), st.integers(1, 6))
def test_confusion_matrix_with_labels_matches_sklearn(pair, order, k):
    y_true, y_pred = pair
    labels = list(order[:k])
    if not set(labels) & set(y_true.tolist()):
        return  # scikit-learn refuses labels absent from y_true; nothing to compare
    ours = cf.confusion_matrix(y_true, y_pred, labels=labels)
    np.testing.assert_array_equal(ours, skm.confusion_matrix(y_true, y_pred, labels=labels))


def test_confusion_matrix_strings_and_large_integer_labels():
    y_true = ["cat", "dog", "dog", "bird"]
    y_pred = ["dog", "dog", "cat", "bird"]
    np.testing.assert_array_equal(
        cf.confusion_matrix(y_true, y_pred), skm.confusion_matrix(y_true, y_pred)
    )
    a = np.array([10**9, -5, 3, 10**9])
    b = np.array([3, -5, 3, 10**9])
    np.testing.assert_array_equal(cf.confusion_matrix(a, b), skm.confusion_matrix(a, b))


def test_confusion_matrix_many_samples_many_classes():
    rng = np.random.default_rng(3)
    y_true = rng.integers(0, 10, size=200_000)
    y_pred = np.where(rng.random(200_000) < 0.7, y_true, rng.integers(0, 10, size=200_000))
    np.testing.assert_array_equal(
        cf.confusion_matrix(y_true, y_pred), skm.confusion_matrix(y_true, y_pred)
    )


def test_course_confusion_matrix_normalized_rows_and_balanced_accuracy():
    y_true, y_pred = cf.labels_from_confusion(COURSE_CM)
    np.testing.assert_array_equal(cf.confusion_matrix(y_true, y_pred), COURSE_CM)
    R = cf.confusion_matrix(y_true, y_pred, normalize="true")
    np.testing.assert_array_equal(np.round(R, 2), [[0.55, 0.45], [0.44, 0.56]])
    bal = cf.balanced_accuracy(y_true, y_pred)
    acc = cf.accuracy(y_true, y_pred)
    assert round(bal, 3) == 0.554  # mean of the normalized diagonal
    assert round(acc, 3) == 0.556  # 15 / 27
    assert acc == pytest.approx(15 / 27)
    assert bal == pytest.approx(np.mean(np.diag(R)))
    assert bal == pytest.approx(skm.balanced_accuracy_score(y_true, y_pred))


def test_course_table_has_predicted_classes_on_its_rows():
    """The slide's table (6, 5 / 7, 9) has *predicted* labels on its rows: row sums 11 and 16
    are predicted totals, column sums 13 and 14 are the true-class totals."""
    slide = cf.confusion_report(COURSE_CM, rows="predicted")
    np.testing.assert_array_equal(slide.C, np.transpose(COURSE_CM))
    np.testing.assert_array_equal(slide.support, [13, 14])
    np.testing.assert_array_equal(slide.predicted, [11, 16])
    # the three numbers of issue 10, to the printed digits
    assert round(slide.accuracy, 3) == 0.556 and slide.accuracy == pytest.approx(15 / 27)
    assert round(slide.balanced_accuracy, 3) == 0.552
    assert slide.balanced_accuracy == pytest.approx((6 / 13 + 9 / 14) / 2)
    assert round(slide.macro_precision, 3) == 0.554
    assert slide.macro_precision == pytest.approx((6 / 11 + 9 / 16) / 2)
    # the slide's recipe (normalize rows, average the diagonal) gives the macro precision
    np.testing.assert_array_equal(np.round(slide.row_normalized, 2), [[0.55, 0.45], [0.44, 0.56]])
    assert slide.row_diagonal_mean == pytest.approx(slide.macro_precision)
    assert slide.row_diagonal_is == "macro_precision"
    # read with rows = true classes the same recipe is the balanced accuracy; roles swap
    as_true = cf.confusion_report(COURSE_CM, rows="true")
    assert as_true.row_diagonal_is == "balanced_accuracy"
    assert as_true.row_diagonal_mean == pytest.approx(as_true.balanced_accuracy)
    assert as_true.balanced_accuracy == pytest.approx(slide.macro_precision)
    assert as_true.macro_precision == pytest.approx(slide.balanced_accuracy)
    assert as_true.accuracy == slide.accuracy


@SETTINGS
@given(label_pairs(), st.sampled_from(["true", "predicted"]))
def test_confusion_report_matches_sklearn_in_both_orientations(pair, rows):
    y_true, y_pred = pair
    k = int(max(y_true.max(), y_pred.max())) + 1
    k = max(k, 2)
    C_sk = skm.confusion_matrix(y_true, y_pred, labels=list(range(k)))
    table = C_sk if rows == "true" else C_sk.T  # what someone writing the table would enter
    report = cf.confusion_report(table, rows=rows)
    np.testing.assert_array_equal(report.C, C_sk)
    np.testing.assert_array_equal(report.table, table)
    with _no_warning_check():
        bal = skm.balanced_accuracy_score(y_true, y_pred)
        mp = skm.precision_score(y_true, y_pred, average="macro", zero_division=0)
        mr = skm.recall_score(y_true, y_pred, average="macro", zero_division=0)
        prec = skm.precision_score(
            y_true, y_pred, labels=list(range(k)), average=None, zero_division=0
        )
        rec = skm.recall_score(y_true, y_pred, labels=list(range(k)), average=None, zero_division=0)
    assert report.accuracy == pytest.approx(skm.accuracy_score(y_true, y_pred), rel=1e-12)
    assert report.balanced_accuracy == pytest.approx(bal, rel=1e-12)
    assert report.macro_precision == pytest.approx(mp, rel=1e-12)
    assert report.macro_recall == pytest.approx(mr, rel=1e-12)
    np.testing.assert_allclose(report.precision, prec, rtol=1e-12)
    np.testing.assert_allclose(report.recall, rec, rtol=1e-12)
    # the mean of the row-normalized diagonal is the balanced accuracy (rows = true) or the
    # mean precision of the predicted classes that occur (rows = predicted)
    if rows == "true":
        assert report.row_diagonal_mean == pytest.approx(bal, rel=1e-12)
    else:
        used = np.flatnonzero(C_sk.sum(axis=0) > 0)
        assert report.row_diagonal_mean == pytest.approx(prec[used].mean(), rel=1e-12)


def test_labels_from_confusion_predicted_rows_transposes():
    y_true, y_pred = cf.labels_from_confusion([[6, 5], [7, 9]], rows="predicted")
    np.testing.assert_array_equal(skm.confusion_matrix(y_true, y_pred), [[6, 7], [5, 9]])
    with pytest.raises(ValueError, match=r"rows must be one of 'true', 'predicted', got 'cols'"):
        cf.labels_from_confusion([[6, 5], [7, 9]], rows="cols")
    with pytest.raises(ValueError, match=r"rows must be one of 'true', 'predicted', got None"):
        cf.confusion_report([[6, 5], [7, 9]], rows=None)


def test_imbalanced_majority_classifier():
    # 95 negatives, 5 positives, always "negative": accuracy 0.95, balanced 0.5
    y_true, y_pred = cf.labels_from_confusion([[95, 0], [5, 0]])
    assert cf.accuracy(y_true, y_pred) == pytest.approx(0.95)
    assert cf.balanced_accuracy(y_true, y_pred) == pytest.approx(0.5)


@SETTINGS
@given(st.lists(st.lists(st.integers(0, 30), min_size=3, max_size=3), min_size=3, max_size=3))
def test_labels_from_confusion_round_trip(C):
    C = np.array(C)
    if C.sum() == 0:
        C[0, 0] = 1
    y_true, y_pred = cf.labels_from_confusion(C)
    np.testing.assert_array_equal(cf.confusion_matrix(y_true, y_pred, labels=[0, 1, 2]), C)


@SETTINGS
@given(label_pairs())
def test_accuracy_and_balanced_accuracy_match_sklearn(pair):
    y_true, y_pred = pair
    assert cf.accuracy(y_true, y_pred) == pytest.approx(skm.accuracy_score(y_true, y_pred))
    with _no_warning_check():
        expected = skm.balanced_accuracy_score(y_true, y_pred)
    assert cf.balanced_accuracy(y_true, y_pred) == pytest.approx(expected, rel=1e-12)


@SETTINGS
@given(label_pairs(), st.sampled_from([None, "micro", "macro", "weighted"]))
def test_precision_recall_f1_matches_sklearn(pair, average):
    y_true, y_pred = pair
    ours = cf.precision_recall_f1(y_true, y_pred, average=average)
    with _no_warning_check():
        theirs = skm.precision_recall_fscore_support(
            y_true, y_pred, average=average, zero_division=0
        )
    for a, b in zip(ours[:3], theirs[:3], strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-15)
    if average is None:
        np.testing.assert_array_equal(ours[3], theirs[3])
    else:
        assert ours[3] is None and theirs[3] is None


@SETTINGS
@given(label_pairs(max_classes=2))
def test_binary_average_and_specificity_match_sklearn(pair):
    y_true, y_pred = pair
    with _no_warning_check():
        theirs = skm.precision_recall_fscore_support(
            y_true, y_pred, average="binary", zero_division=0
        )
        spec = skm.recall_score(y_true, y_pred, pos_label=0, average="binary", zero_division=0)
    ours = cf.precision_recall_f1(y_true, y_pred, average="binary")
    np.testing.assert_allclose(ours[:3], theirs[:3], rtol=1e-12)
    # specificity of the positive class = recall of the negative class
    assert cf.specificity(y_true, y_pred, average="binary") == pytest.approx(spec)


@SETTINGS
@given(label_pairs())
def test_specificity_per_class_matches_multilabel_confusion(pair):
    y_true, y_pred = pair
    mcm = skm.multilabel_confusion_matrix(y_true, y_pred)  # (K, 2, 2): [[tn, fp], [fn, tp]]
    tn, fp = mcm[:, 0, 0], mcm[:, 0, 1]
    expected = np.divide(tn, tn + fp, out=np.zeros(len(tn)), where=(tn + fp) > 0)
    np.testing.assert_allclose(cf.specificity(y_true, y_pred), expected, rtol=1e-12)
    assert cf.specificity(y_true, y_pred, average="macro") == pytest.approx(expected.mean())
    support = mcm[:, 1, 0] + mcm[:, 1, 1]
    assert cf.specificity(y_true, y_pred, average="weighted") == pytest.approx(
        np.average(expected, weights=support) if support.sum() else 0.0
    )
    pooled = tn.sum() / (tn.sum() + fp.sum()) if (tn.sum() + fp.sum()) else 0.0
    assert cf.specificity(y_true, y_pred, average="micro") == pytest.approx(pooled)


def test_f1_is_harmonic_mean_when_defined():
    y_true, y_pred = cf.labels_from_confusion(COURSE_CM)
    p, r, f1, support = cf.precision_recall_f1(y_true, y_pred)
    np.testing.assert_allclose(f1, 2 * p * r / (p + r))
    np.testing.assert_array_equal(support, [11, 16])
    # positive class = 1 (second row): TP = 9, FP = 5, FN = 7
    assert p[1] == pytest.approx(9 / 14) and r[1] == pytest.approx(9 / 16)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (
            lambda: cf.confusion_matrix([0, 1], [0]),
            r"y_true and y_pred must have the same length, got 2 and 1",
        ),
        (
            lambda: cf.confusion_matrix([[0, 1]], [[0, 1]]),
            r"y_true must be 1-D, got shape \(1, 2\)",
        ),
        (lambda: cf.confusion_matrix([], []), r"y_true must not be empty"),
        (
            lambda: cf.confusion_matrix([0, 1], [0, 1], normalize="rows"),
            r"normalize must be one of None, 'true', 'pred', 'all', got 'rows'",
        ),
        (
            lambda: cf.confusion_matrix([0, 1], [0, 1], labels=[0, 0]),
            r"labels must not repeat a value",
        ),
        (
            lambda: cf.confusion_matrix([0, 1], ["a", "b"]),
            r"must both hold numbers or both hold strings",
        ),
        (
            lambda: cf.precision_recall_f1([0, 1, 2], [0, 1, 2], average="binary"),
            r"average='binary' needs at most 2 classes, got 3",
        ),
        (
            lambda: cf.precision_recall_f1([0, 1], [0, 1], average="samples"),
            r"average must be one of None, 'binary', 'micro', 'macro', 'weighted', got 'samples'",
        ),
        (
            lambda: cf.labels_from_confusion([[1, 2, 3]]),
            r"C must be a square matrix with at least 2 classes, got shape \(1, 3\)",
        ),
        (
            lambda: cf.labels_from_confusion([[1, -2], [0, 1]]),
            r"C must contain non-negative whole counts, got -2",
        ),
        (
            lambda: cf.labels_from_confusion([[1.5, 2], [0, 1]]),
            r"C must contain non-negative whole counts, got 1.5",
        ),
        (
            lambda: cf.labels_from_confusion([[0, 0], [0, 0]]),
            r"C must contain at least one sample, got total 0",
        ),
    ],
)
def test_metrics_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


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
