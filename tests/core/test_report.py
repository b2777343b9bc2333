"""Tests for core.trainer.report: split sizes, a state_dict's evaluation, the test report.

Oracles: the split that ``core.data.split_indices`` (so ``train()``) really makes, the numbers
``train()`` reports for its best weights, scikit-learn's ``confusion_matrix`` and
``precision_recall_fscore_support``, and the trainer page's former gallery ordering.
"""

from __future__ import annotations

import os
from types import SimpleNamespace

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import (
    balanced_accuracy_score,
    confusion_matrix,
    precision_recall_fscore_support,
)

from core.data import load_dataset, split_indices
from core.models import build_model
from core.train import TrainConfig, TrainingRun, evaluate
from core.trainer import report as R

# Speed only: one torch thread is faster on a busy 2-core machine; numbers do not depend on it.
os.environ.setdefault("PIZARRA_THREADS", "1")

SMALL = TrainConfig(dataset="digits", hidden=(16,), optimizer="adam", lr=0.01, epochs=3,
                    batch_size=64)  # fmt: skip


@pytest.fixture(scope="module")
def digits():
    return load_dataset("digits")


@pytest.fixture(scope="module")
def result(digits):
    return TrainingRun(SMALL, digits).run_to_end()


# ---------------------------------------------------------------------------------------------
# split sizes
# ---------------------------------------------------------------------------------------------
# the page's option grids (ui/trainer/form.py) and the presets' fractions
VALS = [0.1, 10_000 / 60_000, 0.2, 0.25, 0.3, 0.4, 0.5]
SUBSETS = [0.05, 0.1, 0.25, 0.5, 1.0]


@pytest.mark.parametrize("val", VALS)
@pytest.mark.parametrize("subset", SUBSETS)
def test_split_sizes_are_the_split_train_makes(digits, val, subset):
    split = split_indices(digits, val, seed=0, train_fraction=subset)
    sizes = R.split_sizes(digits.n_train, val, subset)
    assert (sizes.n_val, sizes.n_train) == (split.n_val, split.n_train)
    assert sizes.n_rest == digits.n_train - split.n_val


def test_split_sizes_match_a_finished_run(result, digits):
    sizes = R.split_sizes(digits.n_train, SMALL.val_fraction, SMALL.train_fraction)
    assert (sizes.n_train, sizes.n_val) == (result.n_train, result.n_val)


@given(
    n=st.integers(3, 200_000),
    val=st.floats(1e-6, 0.5, allow_nan=False),
    subset=st.floats(1e-6, 1.0, allow_nan=False),
)
def test_split_sizes_property(n, val, subset):
    """Any size and fractions: the same numbers as split_indices, or the same refusal."""
    fake = SimpleNamespace(n_train=n)
    try:
        split = split_indices(fake, val, seed=0, train_fraction=subset)
    except ValueError as exc:
        with pytest.raises(ValueError, match=str(exc)):
            R.split_sizes(n, val, subset)
        return
    sizes = R.split_sizes(n, val, subset)
    assert (sizes.n_val, sizes.n_train) == (split.n_val, split.n_train)
    assert 1 <= sizes.n_val and 2 <= sizes.n_train <= sizes.n_rest == n - sizes.n_val


def test_split_sizes_of_the_homework():
    # MNIST's 60,000 training images with the course's 10,000 held out for validation
    assert R.split_sizes(60_000, 10_000 / 60_000) == R.SplitSizes(10_000, 50_000, 50_000)
    assert R.split_sizes(60_000, 10_000 / 60_000, 0.25).n_train == 12_500


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0, 0.2, 1.0), r"n must be >= 1, got 0"),
        ((100, 0.0, 1.0), r"val_fraction must be > 0"),
        ((100, 0.6, 1.0), r"val_fraction must be <= 0.5, got 0.6"),
        ((100, 0.2, 1.5), r"train_fraction must be <= 1"),
        ((2, 0.5, 1.0), r"val_fraction leaves 1 training images, need at least 2"),
    ],
)
def test_split_sizes_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        R.split_sizes(*args)


def test_capped_train_fraction():
    # classroom cap of 20,000 images on MNIST (50,000 left after validation)
    frac = R.capped_train_fraction(60_000, 10_000 / 60_000, 1.0, 20_000)
    assert frac == pytest.approx(0.4)
    assert R.split_sizes(60_000, 10_000 / 60_000, frac).n_train == 20_000
    assert R.capped_train_fraction(60_000, 10_000 / 60_000, 0.25, 20_000) == 0.25
    assert R.capped_train_fraction(1797, 0.2, 1.0, 20_000) == 1.0
    with pytest.raises(ValueError, match=r"max_train must be >= 1, got 0"):
        R.capped_train_fraction(1797, 0.2, 1.0, 0)


# ---------------------------------------------------------------------------------------------
# the test report
# ---------------------------------------------------------------------------------------------
def page_gallery(y_true, y_pred, probs, k):
    """The trainer page's former gallery: wrong answers by decreasing confidence, first k."""
    wrong = np.flatnonzero(y_pred != y_true)
    conf = probs[wrong, y_pred[wrong]]
    return wrong[np.argsort(-conf, kind="stable")][:k]


def test_report_of_a_run_matches_sklearn(result):
    rep = R.result_report(result)
    k = 10
    labels = np.arange(k)
    np.testing.assert_array_equal(rep.y_true, result.y_true)
    np.testing.assert_array_equal(rep.y_pred, result.probs.argmax(axis=1))
    assert rep.accuracy == result.test_acc and rep.loss == result.test_loss
    np.testing.assert_array_equal(
        rep.confusion, confusion_matrix(rep.y_true, rep.y_pred, labels=labels)
    )
    np.testing.assert_allclose(
        rep.confusion_rates,
        confusion_matrix(rep.y_true, rep.y_pred, labels=labels, normalize="true"),
    )
    theirs = precision_recall_fscore_support(rep.y_true, rep.y_pred, labels=labels,
                                             zero_division=0)  # fmt: skip
    for ours, sk in zip((rep.precision, rep.recall, rep.f1, rep.support), theirs, strict=True):
        np.testing.assert_allclose(ours, sk)
    macro = precision_recall_fscore_support(rep.y_true, rep.y_pred, labels=labels,
                                            average="macro", zero_division=0)  # fmt: skip
    np.testing.assert_allclose(rep.macro, macro[:3])
    assert rep.balanced_accuracy == pytest.approx(balanced_accuracy_score(rep.y_true, rep.y_pred))


def test_mistakes_in_the_pages_former_order(result):
    rep = R.result_report(result)
    wrong = int((rep.y_pred != rep.y_true).sum())
    assert wrong > 12 and len(rep.mistakes) == wrong
    for k in (1, 12, wrong):
        np.testing.assert_array_equal(
            rep.mistakes[:k], page_gallery(result.y_true, result.y_pred, result.probs, k)
        )
    probs = [m[3] for m in rep.confident_mistakes(1000)]
    assert probs == sorted(probs, reverse=True)
    for i, true, pred, prob in rep.confident_mistakes(5):
        assert true == result.y_true[i] != pred == result.y_pred[i]
        assert prob == result.probs[i, pred]


def test_most_confused_pair_is_the_largest_off_diagonal_share():
    y_true = np.array([0, 0, 0, 1, 1, 2, 2, 2, 2])
    y_pred = np.array([0, 1, 1, 1, 1, 2, 0, 2, 2])
    probs = np.eye(3, dtype=np.float32)[y_pred] * 0.8 + 0.2 / 3
    rep = R.TestReport.from_probs(y_true, probs, loss=0.0)
    assert rep.most_confused == (0, 1)  # 2/3 of the zeros read as one
    assert rep.accuracy == pytest.approx(6 / 9)


def test_report_of_a_model_is_evaluate(result, digits):
    """Model path = core.train.evaluate; logits path = the same numbers from the logits."""
    model = build_model(SMALL)
    model.load_state_dict(result.state_dict)
    rep = R.test_report(model, digits.x_test, digits.y_test)
    ev = evaluate(model, digits.x_test, digits.y_test, return_probs=True)
    assert (rep.loss, rep.accuracy) == (ev.loss, ev.acc)
    np.testing.assert_array_equal(rep.probs, ev.probs.numpy())
    with torch.inference_mode():
        logits = model.eval()(digits.x_test)
    from_logits = R.test_report(logits, None, digits.y_test)
    assert from_logits.accuracy == ev.acc
    assert from_logits.loss == pytest.approx(ev.loss, rel=1e-6)
    np.testing.assert_allclose(from_logits.probs, ev.probs.numpy(), atol=1e-6)
    np.testing.assert_array_equal(from_logits.y_pred, rep.y_pred)


def test_evaluate_state_dict_reproduces_the_end_of_train(result, digits):
    """What the page does with uploaded weights: the numbers train() gives its best weights."""
    rep = R.evaluate_state_dict(SMALL, result.state_dict, digits.x_test, digits.y_test)
    assert (rep.loss, rep.accuracy) == (result.test_loss, result.test_acc)
    np.testing.assert_array_equal(rep.probs, result.probs)
    np.testing.assert_array_equal(rep.y_pred, result.y_pred)


def test_evaluate_state_dict_refuses_other_architectures(result, digits):
    other = SMALL.replace(hidden=(17,))
    with pytest.raises(ValueError, match=r"^weights do not match the configured architecture: "):
        R.evaluate_state_dict(other, result.state_dict, digits.x_test, digits.y_test)


def test_report_of_two_samples():
    rep = R.TestReport.from_probs(np.array([0, 1]), np.array([[0.9, 0.1], [0.8, 0.2]]), 0.5)
    assert rep.n_classes == 2 and rep.support.tolist() == [1, 1]
    assert rep.confident_mistakes() == [(1, 1, 0, pytest.approx(0.8))]
    assert rep.accuracy == 0.5 and rep.recall.tolist() == [1.0, 0.0]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m, x, y: R.test_report(m, None, y), r"X is required to evaluate a model"),
        (lambda m, x, y: R.test_report(np.zeros((len(y), 10)), x, y), r"X must be None"),
        (
            lambda m, x, y: R.test_report(np.zeros((3, 10)), None, y),
            r"logits must have shape \(450, k\) to match y, got \(3, 10\)",
        ),
        (
            lambda m, x, y: R.TestReport.from_probs([0, 5], np.full((2, 3), 1 / 3), 0.0),
            r"y must hold labels in \[0, 2\], got 0..5",
        ),
        (
            lambda m, x, y: R.TestReport.from_probs([0.5, 1.0], np.full((2, 3), 1 / 3), 0.0),
            r"y must hold integer class labels",
        ),
        (
            lambda m, x, y: R.TestReport.from_probs([0], np.ones(3), 0.0),
            r"probs must have shape \(n, k\)",
        ),
    ],
)
def test_bad_input(digits, call, message):
    model = build_model(SMALL)
    with pytest.raises(ValueError, match=message):
        call(model, digits.x_test, digits.y_test)


def test_confident_mistakes_k_is_checked(result):
    with pytest.raises(ValueError, match=r"k must be >= 1, got 0"):
        R.result_report(result).confident_mistakes(0)
