"""core.confusion against scikit-learn, properties, the course numbers, bad input."""

from __future__ import annotations

import re
import warnings
from contextlib import contextmanager

import numpy as np
import pytest
import sklearn.metrics as skm
from hypothesis import given, settings
from hypothesis import strategies as st

from core import confusion as cf

# scikit-learn warns about single-class inputs; the values are what we compare
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

SETTINGS = settings(max_examples=40, deadline=None)

COURSE_CM = [[6, 5], [7, 9]]

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
    assert report.n == y_true.size
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


# ------------------------------------------------------------------ what the confusion tab shows


def _mean_of_fractions(line: str, head: str) -> tuple[int, float]:
    """``\\text{head} = \\tfrac{1}{k}\\left(\\tfrac{a}{b} + ...\\right) = v`` -> (k, mean a/b)."""
    m = re.search(
        re.escape(rf"\text{{{head}}} = ") + r"\\tfrac\{1\}\{(\d+)\}\\left\((.*?)\\right\)", line
    )
    assert m, line
    fractions = re.findall(r"\\tfrac\{(\d+)\}\{(\d+)\}", m.group(2))
    assert len(fractions) == int(m.group(1))
    return int(m.group(1)), float(np.mean([int(a) / int(b) for a, b in fractions]))


def test_macro_means_latex_course_table():
    report = cf.confusion_report(COURSE_CM)
    assert cf.macro_means_latex(report, "bal", "prec", "acc") == (
        r"\text{bal} = \tfrac{1}{2}\left(\tfrac{6}{11} + \tfrac{9}{16}\right) = 0.554",
        r"\text{prec} = \tfrac{1}{2}\left(\tfrac{6}{13} + \tfrac{9}{14}\right) = 0.552"
        r"\qquad \text{acc} = \tfrac{15}{27} = 0.556",
    )


@SETTINGS
@given(
    st.lists(st.lists(st.integers(0, 30), min_size=3, max_size=3), min_size=3, max_size=3),
    st.sampled_from(["true", "predicted"]),
)
def test_macro_means_latex_fractions_average_to_sklearn(table, rows):
    table = np.array(table)
    if table.sum() == 0:
        table[0, 0] = 1
    report = cf.confusion_report(table, rows=rows)
    y_true, y_pred = cf.labels_from_confusion(table, rows=rows)
    bal_line, prec_line = cf.macro_means_latex(report, "B", "P", "A")
    _, bal = _mean_of_fractions(bal_line, "B")
    _, prec = _mean_of_fractions(prec_line, "P")
    with _no_warning_check():
        assert bal == pytest.approx(skm.balanced_accuracy_score(y_true, y_pred), abs=1e-12)
        want_prec = skm.precision_score(y_true, y_pred, average="macro", zero_division=0)
    assert prec == pytest.approx(want_prec, abs=1e-12)
    acc = re.search(r"\\text\{A\} = \\tfrac\{(\d+)\}\{(\d+)\}", prec_line)
    assert int(acc.group(1)) / int(acc.group(2)) == pytest.approx(
        skm.accuracy_score(y_true, y_pred), abs=1e-12
    )
    assert bal_line.endswith(f"= {report.balanced_accuracy:.3g}")


def test_macro_means_latex_bad_input():
    report = cf.confusion_report(COURSE_CM)
    with pytest.raises(ValueError, match=r"^report must be a ConfusionReport, got ndarray$"):
        cf.macro_means_latex(report.C, "b", "p", "a")
    with pytest.raises(ValueError, match=r"^accuracy_name must be a string, got NoneType$"):
        cf.macro_means_latex(report, "b", "p", None)
