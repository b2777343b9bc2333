"""Tests for core.linear_networks: oracles (numpy products, torch nn.Sequential, torch autograd,
scikit-learn), properties, the course's network A vs B question and bad input."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LinearRegression

from core.linear_networks import (
    best_affine_mse,
    collapse,
    fit_network,
    forward,
    grid_lines,
    map_lines,
    max_bend,
    max_collapse_gap,
    nonlinear_target,
    parameter_count,
    random_network,
    rank,
)

TORCH_ACT = {"identity": torch.nn.Identity, "relu": torch.nn.ReLU, "tanh": torch.nn.Tanh}


def _sequential(weights, biases, activation):
    """torch nn.Sequential(Linear, act, Linear, ...) holding the same float64 parameters."""
    layers: list[torch.nn.Module] = []
    for i, (W, b) in enumerate(zip(weights, biases, strict=True)):
        lin = torch.nn.Linear(W.shape[1], W.shape[0], dtype=torch.float64)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(W))
            lin.bias.copy_(torch.from_numpy(b))
        layers.append(lin)
        if i < len(weights) - 1:
            layers.append(TORCH_ACT[activation]())
    return torch.nn.Sequential(*layers)


# ---------------------------------------------------------------- oracles


def test_collapse_matches_numpy_products():
    rng = np.random.default_rng(0)
    W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=4)
    W2, b2 = rng.normal(size=(2, 4)), rng.normal(size=2)
    W, b = collapse([W1, W2], [b1, b2])
    np.testing.assert_allclose(W, W2 @ W1, rtol=1e-14)
    np.testing.assert_allclose(b, W2 @ b1 + b2, rtol=1e-14)
    # Three layers: W3 W2 W1 and W3 (W2 b1 + b2) + b3.
    W3, b3 = rng.normal(size=(5, 2)), rng.normal(size=5)
    W, b = collapse([W1, W2, W3], [b1, b2, b3])
    np.testing.assert_allclose(W, np.linalg.multi_dot([W3, W2, W1]), rtol=1e-13)
    np.testing.assert_allclose(b, W3 @ (W2 @ b1 + b2) + b3, rtol=1e-13)


@pytest.mark.parametrize("activation", ["identity", "relu", "tanh"])
@pytest.mark.parametrize("sizes", [[3, 5, 2], [2, 1, 2], [4, 6, 3, 2]])
def test_forward_matches_torch_sequential(activation, sizes):
    weights, biases = random_network(sizes, seed=7)
    model = _sequential(weights, biases, activation)
    X = np.random.default_rng(1).normal(size=(50, sizes[0]))
    with torch.no_grad():
        oracle = model(torch.from_numpy(X)).numpy()
    np.testing.assert_allclose(forward(X, weights, biases, activation), oracle, rtol=1e-12)
    # A single vector gives the same as the matching row of the batch.
    np.testing.assert_allclose(forward(X[0], weights, biases, activation), oracle[0], rtol=1e-12)


@pytest.mark.parametrize("sizes", [[3, 2], [3, 5, 2], [784, 100, 10], [2, 8, 8, 1]])
def test_parameter_count_matches_torch(sizes):
    weights, biases = random_network(sizes, seed=0)
    model = _sequential(weights, biases, "relu")
    assert parameter_count(sizes) == sum(p.numel() for p in model.parameters())


def test_rank_matches_numpy():
    rng = np.random.default_rng(2)
    for shape, r in [((5, 4), 4), ((5, 4), 2), ((3, 6), 1)]:
        W = rng.normal(size=(shape[0], r)) @ rng.normal(size=(r, shape[1]))
        assert rank(W) == np.linalg.matrix_rank(W) == r
    assert rank(np.zeros((3, 3))) == 0


def test_one_gradient_step_matches_torch_autograd():
    """fit_network(steps=1) == one SGD step of torch on the same initial parameters."""
    X, y = nonlinear_target("square", n_points=11)
    for activation in ["identity", "relu", "tanh"]:
        init = fit_network(X, y, hidden=6, activation=activation, seed=4, steps=0)
        step = fit_network(X, y, hidden=6, activation=activation, seed=4, steps=1, lr=0.05)
        model = _sequential(init.weights, init.biases, activation)
        loss = ((model(torch.from_numpy(X)) - torch.from_numpy(y)) ** 2).sum(dim=1).mean()
        assert init.losses[0] == pytest.approx(loss.item(), rel=1e-12)
        loss.backward()  # autograd gradients; the SGD step is p - lr * grad
        lin = [m for m in model if isinstance(m, torch.nn.Linear)]
        for W, b, layer in zip(step.weights, step.biases, lin, strict=True):
            W_t = (layer.weight - 0.05 * layer.weight.grad).detach().numpy()
            b_t = (layer.bias - 0.05 * layer.bias.grad).detach().numpy()
            np.testing.assert_allclose(W, W_t, rtol=1e-10, atol=1e-14)
            np.testing.assert_allclose(b, b_t, rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("target", ["square", "xor"])
def test_best_affine_mse_matches_sklearn(target):
    X, y = nonlinear_target(target)
    reg = LinearRegression().fit(X, y)
    oracle = float(np.mean(np.sum((reg.predict(X) - y) ** 2, axis=1)))
    assert best_affine_mse(X, y) == pytest.approx(oracle, rel=1e-10)


# ---------------------------------------------------------------- properties

sizes_st = st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6))


@settings(max_examples=40, deadline=None)
@given(sizes_st, st.integers(0, 10_000))
def test_linear_network_b_is_one_affine_map(sizes, seed):
    d, h, m = sizes
    weights, biases = random_network([d, h, m], seed=seed)
    W, b = collapse(weights, biases)
    X = np.random.default_rng(seed).normal(size=(20, d))
    np.testing.assert_allclose(forward(X, weights, biases), X @ W.T + b, rtol=1e-10, atol=1e-12)
    assert max_collapse_gap(weights, biases, "identity", seed=seed) < 1e-10
    # Rank of the collapsed map never exceeds the narrowest layer (the bottleneck).
    assert rank(W) <= min(d, h, m)


@settings(max_examples=40, deadline=None)
@given(sizes_st, st.integers(0, 10_000))
def test_random_gaussian_weights_reach_the_bottleneck_rank(sizes, seed):
    d, h, m = sizes
    weights, biases = random_network([d, h, m], seed=seed)
    assert rank(collapse(weights, biases)[0]) == min(d, h, m)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 50), min_size=2, max_size=5))
def test_parameter_count_formula(sizes):
    assert parameter_count(sizes) == sum(a * b + b for a, b in zip(sizes, sizes[1:], strict=False))
    # Network B has d·h + h + h·m + m parameters, A has d·m + m.
    d, m = sizes[0], sizes[-1]
    assert parameter_count([d, m]) == d * m + m


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 6), st.integers(0, 10_000))
def test_identity_keeps_lines_straight_and_parallel(h, seed):
    weights, biases = random_network([2, h, 2], seed=seed)
    mapped = map_lines(grid_lines(), weights, biases, "identity")
    assert max_bend(mapped) < 1e-9
    # Parallel: every mapped vertical line has the same direction vector (and same for
    # horizontal lines), since the direction is W applied to the original direction.
    directions = mapped[:, -1, :] - mapped[:, 0, :]
    np.testing.assert_allclose(directions[:9], np.broadcast_to(directions[0], (9, 2)), atol=1e-9)
    np.testing.assert_allclose(directions[9:], np.broadcast_to(directions[9], (9, 2)), atol=1e-9)


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_nonlinear_activation_bends_the_grid_and_breaks_the_collapse(activation):
    weights, biases = random_network([2, 8, 2], seed=0)
    assert max_bend(map_lines(grid_lines(), weights, biases, activation)) > 0.01
    assert max_collapse_gap(weights, biases, activation) > 0.1


def test_grid_lines_layout():
    g = grid_lines(extent=1.0, n_lines=3, n_points=5)
    assert g.shape == (6, 5, 2)
    np.testing.assert_allclose(g[0, :, 0], -1.0)  # first vertical line at x = -1
    np.testing.assert_allclose(g[0, :, 1], np.linspace(-1, 1, 5))
    np.testing.assert_allclose(g[5, :, 1], 1.0)  # last horizontal line at y = 1
    assert max_bend(g) == 0.0


@pytest.mark.parametrize("target", ["square", "xor"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_linear_b_fails_and_relu_b_fits(target, seed):
    X, y = nonlinear_target(target)
    best = best_affine_mse(X, y)
    linear = fit_network(X, y, hidden=16, activation="identity", seed=seed)
    relu = fit_network(X, y, hidden=16, activation="relu", seed=seed)
    # Gradient descent on the linear B reaches (but cannot beat) the least-squares optimum.
    assert linear.losses[-1] == pytest.approx(best, rel=1e-3)
    assert linear.losses[-1] >= best - 1e-12
    assert relu.losses[-1] < 0.05 * best
    assert relu.losses[-1] < relu.losses[0]


# ---------------------------------------------------------------- course


def test_course_problem_2_linear_hidden_layer_adds_parameters_not_power():
    """Network A (d → m) vs network B (d → h → m), all activations linear. B has more
    parameters, computes the same kind of map, and with h < min(d, m) is more restricted."""
    d, h, m = 4, 2, 3
    assert parameter_count([d, h, m]) == d * h + h + h * m + m == 19
    assert parameter_count([d, m]) == d * m + m == 15
    weights, biases = random_network([d, h, m], seed=3)
    W, b = collapse(weights, biases)
    assert W.shape == (m, d) and rank(W) == h < min(d, m)
    # "B can model nonlinear relations" does not hold: on XOR it does no better than A.
    X, y = nonlinear_target("xor")
    assert fit_network(X, y, hidden=8, activation="identity").losses[-1] == pytest.approx(0.25)
    assert best_affine_mse(X, y) == pytest.approx(0.25)


# ---------------------------------------------------------------- bad input


def test_mismatched_shapes():
    W1, b1 = np.ones((4, 3)), np.ones(4)
    with pytest.raises(ValueError, match=r"weights\[1\] must have 4 columns .*got shape \(2, 5\)"):
        collapse([W1, np.ones((2, 5))], [b1, np.ones(2)])
    with pytest.raises(ValueError, match=r"biases\[0\] must have length 4 .*got 3"):
        collapse([W1], [np.ones(3)])
    with pytest.raises(
        ValueError, match="weights and biases must have the same length, got 2 and 1"
    ):
        collapse([W1, np.ones((2, 4))], [b1])
    with pytest.raises(ValueError, match=r"x must have 3 features, got shape \(5, 2\)"):
        forward(np.ones((5, 2)), [W1], [b1])
    with pytest.raises(ValueError, match=r"weights\[0\] must be 2-D, got shape \(3,\)"):
        collapse([np.ones(3)], [np.ones(3)])
    with pytest.raises(ValueError, match="X and y must have the same number of rows, got 4 and 3"):
        fit_network(np.ones((4, 2)), np.ones((3, 1)), hidden=2, activation="relu")


def test_bad_arguments():
    with pytest.raises(ValueError, match=r"activation must be one of .*got 'sigmoid'"):
        forward(np.ones(2), [np.ones((1, 2))], [np.ones(1)], activation="sigmoid")
    with pytest.raises(ValueError, match="layer_sizes must list at least 2 sizes"):
        parameter_count([3])
    with pytest.raises(ValueError, match=r"layer_sizes\[1\] must be >= 1, got 0"):
        parameter_count([3, 0, 2])
    with pytest.raises(ValueError, match=r"target must be one of \['square', 'xor'\], got 'sin'"):
        nonlinear_target("sin")
    with pytest.raises(ValueError, match="seed must be >= 0, got -1"):
        random_network([2, 2], seed=-1)
    with pytest.raises(ValueError, match="lr must be > 0.0, got 0.0"):
        fit_network(np.ones((4, 2)), np.ones((4, 1)), hidden=2, activation="relu", lr=0.0)
    with pytest.raises(ValueError, match="weights must contain at least 1 layer, got 0"):
        collapse([], [])


def test_more_bad_arguments():
    W = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]])
    for rtol, message in [
        (-1.0, r"^rtol must be >= 0.0, got -1.0$"),
        (1.0, r"^rtol must be < 1.0, got 1.0$"),
        (float("nan"), r"^rtol must be finite, got nan$"),
        ("abc", r"^rtol must be a number, got 'abc'$"),
    ]:
        with pytest.raises(ValueError, match=message):
            rank(W, rtol=rtol)
    for shape in [(1, 3, 1), (1, 3, 3)]:
        with pytest.raises(
            ValueError, match=r"^lines must hold 2-D points \(last axis of length 2"
        ):
            max_bend(np.zeros(shape))
    with pytest.raises(
        ValueError, match=r"^X and y must have the same number of rows, got 3 and 2$"
    ):
        best_affine_mse(np.ones((3, 1)), np.ones((2, 1)))
