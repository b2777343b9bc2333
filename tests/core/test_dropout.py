"""Tests for core.dropout: oracles (torch.nn.Dropout, scipy, numpy), properties, the course
example E = ½(w₁x + w₂y) and bad input."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.stats
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from core.dropout import (
    dropout,
    enumerate_masks,
    eval_output,
    exact_expectation,
    expected_output,
    mask_outputs,
    monte_carlo_means,
    monte_carlo_samples,
    running_stats,
)

finite = st.floats(-5.0, 5.0, allow_nan=False)
keep = st.floats(0.05, 1.0, allow_nan=False)


def _vectors(draw, n):
    w = np.array(draw(st.lists(finite, min_size=n, max_size=n)))
    x = np.array(draw(st.lists(finite, min_size=n, max_size=n)))
    return w, x


# ---------------------------------------------------------------- oracles


@pytest.mark.parametrize("n", [1, 3, 6])
@pytest.mark.parametrize("p", [0.2, 0.5, 0.9])
def test_masks_are_all_binary_vectors_with_bernoulli_probabilities(n, p):
    masks, probs = enumerate_masks(n, p)
    assert masks.shape == (2**n, n) and probs.shape == (2**n,)
    # Every binary vector exactly once (oracle: the bits of 0 .. 2**n - 1).
    expected = {tuple((i >> j) & 1 for j in range(n)) for i in range(2**n)}
    assert {tuple(int(v) for v in row) for row in masks} == expected
    # Probability of each mask = product of independent Bernoulli(p) pmfs (scipy oracle).
    oracle = scipy.stats.bernoulli.pmf(masks, p).prod(axis=1)
    np.testing.assert_allclose(probs, oracle, rtol=1e-12)
    assert probs.sum() == pytest.approx(1.0, abs=1e-12)


def test_mask_order_starts_all_kept_and_ends_all_dropped():
    masks, _ = enumerate_masks(4, 0.5)
    assert masks[0].tolist() == [1, 1, 1, 1]
    assert masks[-1].tolist() == [0, 0, 0, 0]


@pytest.mark.parametrize("p", [0.3, 0.5, 0.8])
def test_inverted_dropout_matches_torch_dropout_statistics(p):
    """torch.nn.Dropout(1 - p) in training mode vs dropout(..., inverted=True)."""
    x = np.linspace(-2.0, 3.0, 200_000)
    y, mask = dropout(x, p, np.random.default_rng(0), inverted=True)

    torch.manual_seed(0)
    layer = torch.nn.Dropout(p=1.0 - p)  # torch takes the DROP probability
    layer.train()
    y_t = layer(torch.from_numpy(x)).numpy()

    kept_t = y_t != 0
    kept = mask.astype(bool)
    # Same scaling of the kept entries: x / p, exactly as torch.
    np.testing.assert_allclose(y[kept], x[kept] / p, rtol=1e-12)
    np.testing.assert_allclose(y_t[kept_t], x[kept_t] / p, rtol=1e-6)
    assert np.all(y[~kept] == 0.0)
    # Same keep rate, each within 5 binomial standard errors of p.
    se = np.sqrt(p * (1 - p) / x.size)
    assert abs(kept.mean() - p) < 5 * se
    assert abs(kept_t.mean() - p) < 5 * se
    # Unbiased: the mean output equals the mean input (within 5 standard errors).
    se_mean = np.std(y) / np.sqrt(x.size)
    assert abs(y.mean() - x.mean()) < 5 * se_mean
    assert abs(y_t.mean() - x.mean()) < 5 * se_mean


def test_torch_eval_mode_equals_inverted_eval_output():
    w = np.array([0.5, -1.2, 2.0])
    x = np.array([1.0, 0.3, -0.7])
    layer = torch.nn.Dropout(p=0.4)
    layer.eval()
    out_t = float(torch.from_numpy(w) @ layer(torch.from_numpy(x)))
    assert eval_output(w, x, 0.6, inverted=True) == pytest.approx(out_t, rel=1e-12)


def test_exact_expectation_matches_torch_monte_carlo():
    """Average of w·Dropout(x) over many torch masks vs the exact inverted expectation."""
    w = np.array([1.0, -2.0, 0.5, 3.0])
    x = np.array([0.7, 0.2, -1.0, 0.4])
    p = 0.7
    torch.manual_seed(1)
    layer = torch.nn.Dropout(p=1 - p)
    X = torch.from_numpy(np.tile(x, (100_000, 1)))
    z = (layer(X) @ torch.from_numpy(w)).numpy()
    exact = expected_output(w, x, p, inverted=True)
    assert exact == pytest.approx(float(w @ x), rel=1e-12)
    assert abs(z.mean() - exact) < 5 * z.std() / np.sqrt(z.size)


@pytest.mark.parametrize("activation", [None, "sigmoid", "relu"])
@pytest.mark.parametrize("inverted", [False, True])
def test_monte_carlo_converges_to_enumeration(activation, inverted):
    w = np.array([1.5, -0.8, 2.0, 0.3, -1.1])
    x = np.array([0.9, 1.2, -0.4, 2.0, 0.5])
    p = 0.6
    exact = exact_expectation(w, x, p, inverted=inverted, activation=activation)
    samples = monte_carlo_samples(w, x, p, 20_000, np.random.default_rng(3), inverted, activation)
    mean, se = running_stats(samples)
    assert abs(mean[-1] - exact) < 5 * se[-1]
    # monte_carlo_means is the running mean of the same samples for the same rng state.
    means = monte_carlo_means(w, x, p, 20_000, np.random.default_rng(3), inverted, activation)
    np.testing.assert_allclose(means, mean, rtol=1e-12, atol=1e-12)


def test_running_stats_match_numpy():
    s = np.random.default_rng(5).normal(100.0, 0.5, size=300)  # large mean, small spread
    mean, se = running_stats(s)
    for k in [2, 3, 10, 137, 300]:
        assert mean[k - 1] == pytest.approx(s[:k].mean(), rel=1e-13)
        assert se[k - 1] == pytest.approx(s[:k].std(ddof=1) / np.sqrt(k), rel=1e-8)
    assert np.isnan(se[0])


def test_mask_outputs_match_numpy_products():
    w = np.array([2.0, -1.0, 0.5])
    x = np.array([1.0, 3.0, -2.0])
    masks, _ = enumerate_masks(3, 0.5)
    oracle = np.array([np.dot(w, m * x) for m in masks])
    np.testing.assert_allclose(mask_outputs(w, x, masks, 0.5), oracle)
    np.testing.assert_allclose(mask_outputs(w, x, masks, 0.5, inverted=True), oracle / 0.5)
    np.testing.assert_allclose(
        mask_outputs(w, x, masks, 0.5, activation="relu"), np.maximum(oracle, 0)
    )
    np.testing.assert_allclose(
        mask_outputs(w, x, masks, 0.5, activation="sigmoid"), scipy.special.expit(oracle)
    )


# ---------------------------------------------------------------- properties


@settings(max_examples=40, deadline=None)
@given(st.data(), st.integers(1, 6), keep)
def test_expected_output_equals_enumeration(data, n, p):
    w, x = _vectors(data.draw, n)
    masks, probs = enumerate_masks(n, p)
    enumerated = probs @ ((masks * x) @ w)
    assert expected_output(w, x, p) == pytest.approx(enumerated, abs=1e-9)
    assert expected_output(w, x, p, inverted=True) == pytest.approx(enumerated / p, abs=1e-8)
    # Identity activation: training expectation equals the test-time output (no gap).
    assert exact_expectation(w, x, p) == pytest.approx(eval_output(w, x, p), abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(st.data(), st.integers(1, 6), keep, st.booleans())
def test_relu_gap_follows_jensen(data, n, p, inverted):
    """ReLU is convex, so E[relu(z)] >= relu(E[z]): weight scaling underestimates."""
    w, x = _vectors(data.draw, n)
    e_relu = exact_expectation(w, x, p, inverted=inverted, activation="relu")
    assert e_relu >= eval_output(w, x, p, inverted=inverted, activation="relu") - 1e-9


@settings(max_examples=30, deadline=None)
@given(st.lists(finite, min_size=1, max_size=20), keep, st.integers(0, 2**32 - 1), st.booleans())
def test_dropout_keeps_or_zeroes_each_entry(values, p, seed, inverted):
    x = np.array(values)
    y, mask = dropout(x, p, np.random.default_rng(seed), inverted=inverted)
    assert set(np.unique(mask)) <= {0, 1}
    scale = p if inverted else 1.0
    np.testing.assert_allclose(y, x * mask / scale)


def test_keep_prob_one_is_the_identity():
    x = np.array([1.0, -2.0, 3.0])
    y, mask = dropout(x, 1.0, np.random.default_rng(0))
    np.testing.assert_array_equal(y, x)
    np.testing.assert_array_equal(mask, [1, 1, 1])
    masks, probs = enumerate_masks(3, 1.0)
    assert probs[0] == 1.0 and np.all(probs[1:] == 0.0)


def test_sigmoid_gap_is_visible():
    w, x = np.array([3.0, 3.0]), np.array([1.0, 1.0])
    gap = exact_expectation(w, x, 0.5, activation="sigmoid") - eval_output(
        w, x, 0.5, activation="sigmoid"
    )
    # Masks give z in {6, 3, 3, 0} with probability 1/4 each; test time uses sigmoid(3).
    sig = scipy.special.expit
    oracle = (sig(6.0) + 2 * sig(3.0) + sig(0.0)) / 4 - sig(3.0)
    assert gap == pytest.approx(oracle, rel=1e-12)
    assert abs(gap) > 0.05


# ---------------------------------------------------------------- course example


def test_course_example_two_inputs_half():
    """One unit, inputs x and y, weights w1 and w2, keep probability 1/2:
    E = 1/4(w1 x + w2 y) + 1/4(w1 x) + 1/4(w2 y) + 1/4·0 = 1/2(w1 x + w2 y)."""
    w1, w2, x_in, y_in = 0.8, -1.5, 2.0, 3.0
    w, x = np.array([w1, w2]), np.array([x_in, y_in])
    masks, probs = enumerate_masks(2, 0.5)
    assert masks.tolist() == [[1, 1], [1, 0], [0, 1], [0, 0]]
    np.testing.assert_allclose(probs, [0.25, 0.25, 0.25, 0.25])
    np.testing.assert_allclose(
        mask_outputs(w, x, masks, 0.5), [w1 * x_in + w2 * y_in, w1 * x_in, w2 * y_in, 0.0]
    )
    assert expected_output(w, x, 0.5) == pytest.approx(0.5 * (w1 * x_in + w2 * y_in))
    # Standard dropout: at test time multiply by p to match the training expectation.
    assert eval_output(w, x, 0.5) == pytest.approx(expected_output(w, x, 0.5))
    # Test time without the scaling would be twice the training average.
    assert float(w @ x) == pytest.approx(2 * expected_output(w, x, 0.5))


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("keep_prob", "message"),
    [
        (0.0, "keep_prob must be > 0.0, got 0.0"),
        (0, "keep_prob must be > 0.0, got 0"),
        (1.5, "keep_prob must be <= 1.0, got 1.5"),
        (-0.2, "keep_prob must be > 0.0, got -0.2"),
        (float("nan"), "keep_prob must be finite"),
        ("0.5", "keep_prob must be a number"),
    ],
)
def test_bad_keep_prob(keep_prob, message):
    w, x = np.ones(2), np.ones(2)
    for call in (
        lambda: enumerate_masks(2, keep_prob),
        lambda: expected_output(w, x, keep_prob),
        lambda: dropout(x, keep_prob, np.random.default_rng(0)),
        lambda: monte_carlo_means(w, x, keep_prob, 10, np.random.default_rng(0)),
    ):
        with pytest.raises(ValueError, match=message.replace("(", r"\(")):
            call()


def test_bad_shapes_and_arguments():
    rng = np.random.default_rng(0)
    with pytest.raises(
        ValueError, match=r"w and x must have the same shape, got \(2,\) and \(3,\)"
    ):
        expected_output([1.0, 2.0], [1.0, 2.0, 3.0], 0.5)
    with pytest.raises(ValueError, match=r"x must be 1-D, got shape \(2, 2\)"):
        expected_output([1.0, 2.0], [[1.0, 2.0], [3.0, 4.0]], 0.5)
    with pytest.raises(ValueError, match="x must contain only finite numbers"):
        expected_output([1.0, 2.0], [1.0, np.inf], 0.5)
    with pytest.raises(ValueError, match="n_units must be >= 1, got 0"):
        enumerate_masks(0, 0.5)
    with pytest.raises(ValueError, match="n_units must be <= 16, got 17"):
        enumerate_masks(17, 0.5)
    with pytest.raises(ValueError, match="n_units must be an integer, got 2.5"):
        enumerate_masks(2.5, 0.5)
    with pytest.raises(ValueError, match=r"activation must be one of .*got 'tanh'"):
        exact_expectation([1.0], [1.0], 0.5, activation="tanh")
    with pytest.raises(ValueError, match="n_samples must be >= 1, got 0"):
        monte_carlo_means([1.0], [1.0], 0.5, 0, rng)
    with pytest.raises(ValueError, match="rng must be a numpy.random.Generator, got int"):
        dropout([1.0], 0.5, 42)
    with pytest.raises(ValueError, match=r"masks must have 2 columns, got shape \(4, 3\)"):
        mask_outputs([1.0, 2.0], [1.0, 1.0], np.ones((4, 3)), 0.5)
