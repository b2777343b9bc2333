"""Tests for core.batch_norm: PyTorch oracles, properties, the course's example, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from core import batch_norm as bn

SETTINGS = settings(max_examples=40, deadline=None)
torch.set_num_threads(1)


def _t(a):
    return None if a is None else torch.tensor(a, dtype=torch.float64)


def _torch_bn(x, gamma, beta, rm, rv, training, momentum, eps):
    """Reference: F.batch_norm in float64; the running tensors are updated in place by torch."""
    rm_t, rv_t = _t(rm), _t(rv)
    y = F.batch_norm(_t(x), rm_t, rv_t, _t(gamma), _t(beta), training, momentum, eps)
    return (
        y.numpy(),
        None if rm_t is None else rm_t.numpy(),
        None if rv_t is None else rv_t.numpy(),
    )


@st.composite
def bn_cases(draw, min_n: int = 2):
    n = draw(st.integers(min_n, 40))
    c = draw(st.integers(1, 6))
    seed = draw(st.integers(0, 2**31 - 1))
    rng = np.random.default_rng(seed)
    scale = 10.0 ** rng.uniform(-3, 3, size=c)  # features on wildly different scales
    x = rng.normal(size=(n, c)) * scale + rng.normal(size=c) * 10
    gamma = rng.normal(size=c)
    beta = rng.normal(size=c)
    rm = rng.normal(size=c)
    rv = rng.uniform(0.1, 3.0, size=c)
    momentum = draw(st.floats(0.0, 1.0))
    eps = draw(st.floats(1e-8, 1.0))
    return x, gamma, beta, rm, rv, momentum, eps


# ---------------------------------------------------------------------------------------------
# 1. oracles
# ---------------------------------------------------------------------------------------------


@SETTINGS
@given(bn_cases(), st.booleans())
def test_forward_equals_torch_functional(case, training):
    x, gamma, beta, rm, rv, momentum, eps = case
    y, new_rm, new_rv = bn.batch_norm_forward(x, gamma, beta, rm, rv, training, momentum, eps)
    y_t, rm_t, rv_t = _torch_bn(x, gamma, beta, rm, rv, training, momentum, eps)
    np.testing.assert_allclose(y, y_t, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(new_rm, rm_t, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(new_rv, rv_t, rtol=1e-12, atol=1e-12)


def test_forward_without_affine_or_running_stats_equals_torch():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(7, 3)) * [0.1, 10.0, 1000.0]
    y, rm, rv = bn.batch_norm_forward(x, None, None, None, None, True)
    y_t = F.batch_norm(_t(x), None, None, training=True).numpy()
    np.testing.assert_allclose(y, y_t, rtol=1e-10, atol=1e-10)
    assert rm is None and rv is None


def test_many_steps_train_then_eval_equal_batchnorm1d():
    """Several training steps then evaluation, against nn.BatchNorm1d with the same parameters."""
    rng = np.random.default_rng(11)
    c, momentum, eps = 4, 0.2, 1e-3
    module = torch.nn.BatchNorm1d(c, eps=eps, momentum=momentum, dtype=torch.float64)
    gamma, beta = rng.normal(size=c), rng.normal(size=c)
    with torch.no_grad():
        module.weight.copy_(_t(gamma))
        module.bias.copy_(_t(beta))
    rm, rv = np.zeros(c), np.ones(c)
    pop = bn.Population((1.7, 35.0, 70.0, 8000.0), (0.1, 12.0, 12.0, 2500.0))
    module.train()
    for k in range(12):
        x = bn.stream_batch(pop, 5 + k, seed=4, index=k)
        y, rm, rv = bn.batch_norm_forward(x, gamma, beta, rm, rv, True, momentum, eps)
        with torch.no_grad():
            y_t = module(_t(x)).numpy()
        np.testing.assert_allclose(y, y_t, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(rm, module.running_mean.numpy(), rtol=1e-12)
        np.testing.assert_allclose(rv, module.running_var.numpy(), rtol=1e-12)
    module.eval()
    for k in range(3):
        x = bn.stream_batch(pop, 1 + k, seed=4, index=k, stream=bn.EVAL_STREAM)  # N = 1 is fine
        y, rm2, rv2 = bn.batch_norm_forward(x, gamma, beta, rm, rv, False, momentum, eps)
        with torch.no_grad():
            y_t = module(_t(x)).numpy()
        np.testing.assert_allclose(y, y_t, rtol=1e-9, atol=1e-9)
        np.testing.assert_array_equal(rm2, rm)  # evaluation never moves the running estimates
        np.testing.assert_array_equal(rv2, rv)


def test_running_history_equals_batchnorm1d_fed_the_same_stream():
    pop = bn.Population.from_presets(["height_m", "age_years", "pixel"])
    means, variances = bn.running_history(pop, batch_size=8, seed=2, steps=70, momentum=0.05)
    module = torch.nn.BatchNorm1d(3, momentum=0.05, affine=False, dtype=torch.float64)
    module.train()
    np.testing.assert_allclose(means[0], module.running_mean.numpy())
    np.testing.assert_allclose(variances[0], module.running_var.numpy())
    for k in range(70):  # crosses the generator blocks (STREAM_BLOCK = 32)
        with torch.no_grad():
            module(_t(bn.stream_batch(pop, 8, 2, k)))
        np.testing.assert_allclose(means[k + 1], module.running_mean.numpy(), rtol=1e-12)
        np.testing.assert_allclose(variances[k + 1], module.running_var.numpy(), rtol=1e-12)


@SETTINGS
@given(bn_cases(min_n=1))
def test_batch_statistics_equal_numpy_and_torch(case):
    x = case[0]
    mu_B, sigma2_B = bn.batch_statistics(x)
    np.testing.assert_allclose(mu_B, x.mean(axis=0), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(sigma2_B, np.var(x, axis=0), rtol=1e-9, atol=1e-12)
    v_t = torch.var(_t(x), dim=0, unbiased=False).numpy()
    np.testing.assert_allclose(sigma2_B, v_t, rtol=1e-9, atol=1e-12)


@SETTINGS
@given(bn_cases(min_n=1))
def test_min_max_equals_sklearn(case):
    x = case[0]
    np.testing.assert_allclose(bn.min_max_scale(x), MinMaxScaler().fit_transform(x), atol=1e-12)


@SETTINGS
@given(bn_cases())
def test_standardize_equals_sklearn(case):
    x = case[0]
    np.testing.assert_allclose(bn.standardize(x), StandardScaler().fit_transform(x), atol=1e-8)


def test_gd_closed_form_equals_explicit_loop_and_lstsq():
    pop = bn.Population.from_presets(["height_m", "age_years"])
    X, y = bn.regression_problem(pop, 120, seed=5)
    for features in (X, bn.standardize(X)):
        run = bn.linear_regression_gd(features, y, lr_fraction=0.7, tol=1e-5)
        A = np.hstack([features, np.ones((len(y), 1))])
        theta_ls = np.linalg.lstsq(A, y, rcond=None)[0]
        np.testing.assert_allclose(run.theta_star, theta_ls, rtol=1e-6, atol=1e-9)
        theta = np.zeros(3)
        by_step = {0: theta.copy()}
        for k in range(1, 41):
            theta = theta - run.lr * A.T @ (A @ theta - y) / len(y)
            by_step[k] = theta.copy()
        np.testing.assert_allclose(
            bn.gradient_descent(features, y, run.lr, 40),
            np.array(list(by_step.values())),
            rtol=1e-12,
            atol=1e-14,
        )
        for k, row in zip(run.path_steps, run.path, strict=True):
            if k <= 40:
                np.testing.assert_allclose(row, by_step[int(k)], rtol=1e-8, atol=1e-10)
                loss = 0.5 * np.mean((A @ row - y) ** 2)
                assert bn.regression_loss(features, y, row) == pytest.approx(loss, rel=1e-12)
                assert run.excess_loss(k) == pytest.approx(
                    loss - run.loss_star, rel=1e-6, abs=1e-12
                )
        Xc = features - features.mean(axis=0)
        np.testing.assert_allclose(run.profile_hessian, np.cov(Xc.T, bias=True), rtol=1e-10)


# ---------------------------------------------------------------------------------------------
# 2. properties
# ---------------------------------------------------------------------------------------------


@SETTINGS
@given(bn_cases())
def test_training_output_has_mean_beta_and_shrunk_variance(case):
    x, gamma, beta, rm, rv, momentum, eps = case
    y, _, _ = bn.batch_norm_forward(x, gamma, beta, rm, rv, True, momentum, eps)
    _, sigma2_B = bn.batch_statistics(x)
    np.testing.assert_allclose(y.mean(axis=0), beta, atol=1e-9)
    expected_var = gamma**2 * sigma2_B / (sigma2_B + eps)
    np.testing.assert_allclose(y.var(axis=0), expected_var, rtol=1e-7, atol=1e-12)


@SETTINGS
@given(bn_cases(), st.floats(1e-3, 1e3), st.floats(-1e3, 1e3))
def test_training_output_ignores_units(case, a, b):
    """Changing units (x -> a x + b, a > 0) changes nothing once eps is rescaled with a^2."""
    x, gamma, beta, rm, rv, momentum, eps = case
    y1, _, _ = bn.batch_norm_forward(x, gamma, beta, rm, rv, True, momentum, eps)
    y2, _, _ = bn.batch_norm_forward(a * x + b, gamma, beta, rm, rv, True, momentum, eps * a * a)
    np.testing.assert_allclose(y1, y2, rtol=1e-6, atol=1e-6)


@SETTINGS
@given(bn_cases())
def test_inputs_are_never_modified(case):
    x, gamma, beta, rm, rv, momentum, eps = case
    copies = [a.copy() for a in (x, gamma, beta, rm, rv)]
    for training in (True, False):
        _, new_rm, new_rv = bn.batch_norm_forward(x, gamma, beta, rm, rv, training, momentum, eps)
        assert not np.shares_memory(new_rm, rm) and not np.shares_memory(new_rv, rv)
    for a, c in zip((x, gamma, beta, rm, rv), copies, strict=True):
        np.testing.assert_array_equal(a, c)


@SETTINGS
@given(bn_cases(min_n=1))
def test_min_max_lands_in_unit_interval_but_is_not_standardized(case):
    x = case[0]
    z = bn.min_max_scale(x)
    assert z.min() >= 0.0 and z.max() <= 1.0 + 1e-12
    spread = np.ptp(x, axis=0) > 0
    np.testing.assert_allclose(z.min(axis=0)[spread], 0.0, atol=1e-12)
    np.testing.assert_allclose(z.max(axis=0)[spread], 1.0, atol=1e-12)


def test_stream_is_reproducible_and_independent_of_history():
    pop = bn.Population.from_presets(["height_m", "age_years"])
    a = bn.stream_batch(pop, 16, seed=7, index=3)
    np.testing.assert_array_equal(a, bn.stream_batch(pop, 16, seed=7, index=3))
    assert not np.allclose(a, bn.stream_batch(pop, 16, seed=7, index=4))
    assert not np.allclose(a, bn.stream_batch(pop, 16, seed=8, index=3))
    assert not np.allclose(a, bn.stream_batch(pop, 16, seed=7, index=3, stream=bn.EVAL_STREAM))
    m_short, _ = bn.running_history(pop, 16, 7, 5)
    m_long, _ = bn.running_history(pop, 16, 7, 9)
    np.testing.assert_array_equal(m_short, m_long[:6])


def test_running_estimates_converge_to_the_population():
    pop = bn.Population.from_presets(["height_m", "age_years", "steps_per_day"])
    n, momentum = 32, 0.1
    means, variances = bn.running_history(pop, n, seed=1, steps=3000, momentum=momentum)
    sd_mean, sd_var = bn.running_stationary_sd(pop, n, momentum)
    tail_m, tail_v = means[500:], variances[500:]
    # The long-run average is the population value (running_var uses the unbiased variance).
    # Averaging ~2500 batch means of N examples: standard error sigma / sqrt(N * 2500).
    se = np.array(pop.scale) / math.sqrt(n * len(tail_m))
    assert np.all(np.abs(tail_m.mean(axis=0) - pop.mean) < 5 * se)
    np.testing.assert_allclose(tail_v.mean(axis=0), pop.variance, rtol=0.05)
    # ... and the fluctuation around it matches the stationary formula.
    np.testing.assert_allclose(tail_m.std(axis=0), sd_mean, rtol=0.2)
    np.testing.assert_allclose(tail_v.std(axis=0), sd_var, rtol=0.25)


def test_batch_noise_matches_normal_theory():
    pop = bn.Population.from_presets(["height_m", "age_years"])
    out = bn.batch_noise(pop, [2, 8, 64], n_batches=4000, seed=0)
    np.testing.assert_allclose(out["sd_mu"], out["sd_mu_theory"], rtol=0.06)
    np.testing.assert_allclose(out["sd_var"], out["sd_var_theory"], rtol=0.12)
    sizes = out["batch_sizes"][:, None]
    np.testing.assert_allclose(out["mean_var"], (sizes - 1) / sizes * pop.variance, rtol=0.06)
    # Smaller batches, noisier statistics.
    assert np.all(np.diff(out["sd_mu"], axis=0) < 0)


@SETTINGS
@given(st.floats(0.05, 0.95), st.sampled_from([1e-3, 1e-6, 1e-9]), st.integers(0, 1000))
def test_iteration_count_is_exact_and_within_the_rate_bound(lr_fraction, tol, seed):
    pop = bn.Population.from_presets(["height_m", "weight_kg"])
    X, y = bn.regression_problem(pop, 40, seed=seed)
    for features in (X, bn.standardize(X)):
        run = bn.linear_regression_gd(features, y, lr_fraction=lr_fraction, tol=tol)
        k = run.iterations
        gap0 = float(run.excess_loss(0))
        assert float(run.excess_loss(k)) <= tol * gap0
        assert k == 0 or float(run.excess_loss(k - 1)) > tol * gap0
        rho = float(np.max(np.abs(1 - run.lr * run.eigenvalues)))
        assert k <= math.ceil(math.log(tol) / (2 * math.log(rho))) + 1
        assert run.path_steps[0] == 0 and run.path_steps[-1] == k
        np.testing.assert_allclose(run.path[-1], run.iterate(k), rtol=1e-9, atol=1e-12)


def test_standardizing_makes_gradient_descent_much_faster():
    pop = bn.Population.from_presets(["height_m", "age_years"])
    X, y = bn.regression_problem(pop, 200, seed=0)
    raw = bn.linear_regression_gd(X, y)
    std = bn.linear_regression_gd(bn.standardize(X), y)
    assert raw.condition_number > 1e4
    assert std.condition_number < 3
    assert std.iterations < 20 < 10_000 < raw.iterations
    # Same model, reparametrized: both reach the same fitted values.
    A_raw = np.hstack([X, np.ones((200, 1))])
    A_std = np.hstack([bn.standardize(X), np.ones((200, 1))])
    np.testing.assert_allclose(A_raw @ raw.theta_star, A_std @ std.theta_star, atol=1e-8)
    assert raw.loss_star == pytest.approx(std.loss_star, rel=1e-9)


@SETTINGS
@given(st.floats(0.1, 10), st.floats(0.1, 10), st.floats(-0.9, 0.9), st.floats(1e-3, 10))
def test_ellipse_points_lie_on_the_level_set(a, b, r, level):
    H = np.array([[a, r * math.sqrt(a * b)], [r * math.sqrt(a * b), b]])
    c = np.array([0.3, -2.0])
    pts = bn.ellipse(H, c, level, n_points=50)
    d = pts - c
    np.testing.assert_allclose(0.5 * np.einsum("ni,ij,nj->n", d, H, d), level, rtol=1e-9)
    np.testing.assert_allclose(pts[0], pts[-1], atol=1e-12)


# ---------------------------------------------------------------------------------------------
# 3. the course's example (Algorithm 1; features like height in metres and age in years)
# ---------------------------------------------------------------------------------------------


def test_algorithm_1_by_hand():
    # One feature, batch (1, 2, 3, 4): mu_B = 2.5, sigma2_B = 1.25, x_hat = (x - 2.5)/sqrt(1.25 + eps)
    x = np.array([[1.0], [2.0], [3.0], [4.0]])
    mu_B, sigma2_B = bn.batch_statistics(x)
    assert mu_B[0] == 2.5 and sigma2_B[0] == 1.25
    y, rm, rv = bn.batch_norm_forward(x, [2.0], [0.5], [0.0], [1.0], True, momentum=0.1, eps=1e-5)
    x_hat = (x[:, 0] - 2.5) / math.sqrt(1.25 + 1e-5)
    np.testing.assert_allclose(y[:, 0], 2.0 * x_hat + 0.5, rtol=1e-14)
    np.testing.assert_allclose(x_hat, [-1.341635, -0.447212, 0.447212, 1.341635], atol=5e-7)
    # Running estimates: 0.9 * 0 + 0.1 * 2.5, and 0.9 * 1 + 0.1 * (4/3 * 1.25).
    np.testing.assert_allclose(rm, [0.25])
    np.testing.assert_allclose(rv, [0.9 + 0.1 * 5.0 / 3.0])


def test_height_and_age_batch_norm_versus_min_max():
    """Heights in metres and ages in years: after batch norm both have mean 0 and variance ~1,
    while min-max scaling only squeezes each into [0, 1] (means not 0, set by the extremes)."""
    x = np.array([[1.60, 19.0], [1.75, 23.0], [1.82, 31.0], [1.95, 38.0], [2.05, 92.0]])
    y, _, _ = bn.batch_norm_forward(x, None, None, None, None, True, eps=1e-5)
    np.testing.assert_allclose(y.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(y.var(axis=0), x.var(axis=0) / (x.var(axis=0) + 1e-5), rtol=1e-12)
    z = bn.min_max_scale(x)
    np.testing.assert_allclose(z.min(axis=0), 0.0)
    np.testing.assert_allclose(z.max(axis=0), 1.0)
    assert np.all(np.abs(z.mean(axis=0)) > 0.2)  # not centred
    # One outlying age (92) squeezes the four other ages into the bottom quarter of [0, 1].
    np.testing.assert_allclose(z[:4, 1], [0.0, 4 / 73, 12 / 73, 19 / 73], rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# 4. bad input
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"x": np.ones((1, 3))}, r"batch size must be >= 2 in training mode .* got 1"),
        ({"x": np.ones(4)}, r"x must be 2-D, got shape \(4,\)"),
        ({"gamma": np.ones(2)}, r"gamma must have length 3 .* got 2"),
        ({"beta": np.ones(4)}, r"beta must have length 3 .* got 4"),
        ({"running_mean": np.zeros(2)}, r"running_mean must have length 3 .* got 2"),
        ({"running_var": -np.ones(3)}, r"running_var must be >= 0, got -1"),
        ({"running_var": None}, r"running_mean and running_var must be both given or both None"),
        ({"eps": -1e-5}, r"eps must be > 0.0, got -1e-05"),
        ({"eps": 0.0}, r"eps must be > 0.0, got 0.0"),
        ({"momentum": -0.1}, r"momentum must be >= 0.0, got -0.1"),
        ({"momentum": 1.5}, r"momentum must be <= 1.0, got 1.5"),
        ({"x": np.array([[1.0, np.nan, 2.0], [0.0, 1.0, 2.0]])}, r"x must contain only finite"),
    ],
)
def test_bad_input_training(kwargs, message):
    args = {
        "x": np.arange(12.0).reshape(4, 3),
        "gamma": np.ones(3),
        "beta": np.zeros(3),
        "running_mean": np.zeros(3),
        "running_var": np.ones(3),
        "training": True,
    }
    args.update(kwargs)
    with pytest.raises(ValueError, match=message):
        bn.batch_norm_forward(**args)


def test_bad_input_evaluation():
    x = np.ones((1, 2))
    with pytest.raises(ValueError, match="required in evaluation mode"):
        bn.batch_norm_forward(x, None, None, None, None, False)
    with pytest.raises(ValueError, match=r"eps must be >= 0.0, got -1"):
        bn.batch_norm_forward(x, None, None, np.zeros(2), np.ones(2), False, eps=-1.0)
    with pytest.raises(ValueError, match=r"running_var \+ eps must be > 0"):
        bn.batch_norm_forward(x, None, None, np.zeros(2), np.zeros(2), False, eps=0.0)
    # N = 1 is allowed in evaluation: the running estimates do the normalizing.
    y, _, _ = bn.batch_norm_forward(x, None, None, np.zeros(2), np.ones(2), False, eps=0.0)
    np.testing.assert_allclose(y, x)


def test_bad_input_helpers():
    with pytest.raises(ValueError, match=r"scale must be > 0, got -1"):
        bn.Population((0.0, 1.0), (1.0, -1.0))
    with pytest.raises(ValueError, match="offset and scale must have the same length"):
        bn.Population((0.0, 1.0), (1.0,))
    with pytest.raises(ValueError, match="unknown preset 'shoe_size'"):
        bn.Population.from_presets(["height_m", "shoe_size"])
    pop = bn.Population.from_presets(["height_m", "age_years"])
    with pytest.raises(ValueError, match=r"batch_size must be >= 1, got 0"):
        bn.stream_batch(pop, 0, seed=0, index=0)
    with pytest.raises(ValueError, match=r"momentum must be <= 1.0, got 2"):
        bn.running_history(pop, 4, 0, 3, momentum=2)
    with pytest.raises(ValueError, match=r"batch_size must be >= 2, got 1"):
        bn.running_stationary_sd(pop, 1, 0.1)
    with pytest.raises(ValueError, match=r"batch size must be >= 2 in training mode"):
        bn.running_history(pop, 1, 0, 3)
    with pytest.raises(ValueError, match=r"number of features must be >= 2, got 1"):
        bn.regression_problem(bn.Population((0.0,), (1.0,)), 10, 0)
    with pytest.raises(ValueError, match=r"lr_fraction must be < 1.0, got 1.0"):
        bn.linear_regression_gd(np.eye(3, 2), np.ones(3), lr_fraction=1.0)
    with pytest.raises(ValueError, match=r"too ill-conditioned .*condition number inf > 1e\+12"):
        bn.linear_regression_gd(np.ones((5, 2)), np.arange(5.0))
    with pytest.raises(ValueError, match=r"theta must have length 3 .* got 2"):
        bn.regression_loss(np.ones((4, 2)), np.ones(4), np.ones(2))
    with pytest.raises(ValueError, match=r"lr must be > 0.0, got 0.0"):
        bn.gradient_descent(np.ones((4, 2)), np.ones(4), 0.0, 3)
    with pytest.raises(ValueError, match="feature 2 of x is constant"):
        bn.standardize(np.array([[1.0, 2.0], [3.0, 2.0]]))
    with pytest.raises(ValueError, match="H must be positive definite"):
        bn.ellipse(np.array([[1.0, 0.0], [0.0, -1.0]]), np.zeros(2), 1.0)


def test_formulas_are_attached():
    assert r"\sqrt{\sigma_B^2 + \varepsilon}" in bn.batch_norm_forward.latex
    assert "math::" in bn.batch_norm_forward.__doc__
    assert r"\frac{N}{N-1}" in bn.running_history.latex
    assert r"\max_j" in bn.min_max_scale.latex


@pytest.mark.parametrize(
    "call",
    [
        lambda p: bn.stream_batch(p, 4, seed=0, index=0),
        lambda p: bn.running_history(p, 4, 0, 3),
        lambda p: bn.running_stationary_sd(p, 4, 0.1),
        lambda p: bn.batch_noise(p, [4], 3, 0),
        lambda p: bn.regression_problem(p, 5, 0),
    ],
)
@pytest.mark.parametrize("population", [None, "pop", (1.0, 2.0)])
def test_population_must_be_a_population(call, population):
    with pytest.raises(ValueError, match=r"^population must be a batch_norm.Population, got "):
        call(population)


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (None, r"^names must be a list of preset names, got None$"),
        ("height_m", r"^names must be a list of preset names, got 'height_m'$"),
        ([], r"^number of features must be >= 1 and <= 8, got 0$"),
        (["pixel"] * 9, r"^number of features must be >= 1 and <= 8, got 9$"),
        ([["pixel"]], r"^unknown preset \['pixel'\]; choose from height_m"),
    ],
)
def test_from_presets_bad_names(names, message):
    with pytest.raises(ValueError, match=message):
        bn.Population.from_presets(names)


def test_from_presets_accepts_a_tuple_or_array_of_names():
    expected = bn.Population((1.70, 128.0), (0.10, 50.0))
    assert bn.Population.from_presets(("height_m", "pixel")) == expected
    assert bn.Population.from_presets(np.array(["height_m", "pixel"])) == expected


def test_more_bad_input():
    pop = bn.Population.from_presets(["height_m", "age_years"])
    with pytest.raises(ValueError, match=r"^rng must be a numpy.random.Generator, got NoneType$"):
        pop.sample(3, None)
    with pytest.raises(ValueError, match=r"^batch_sizes must be a list of integers, got 8$"):
        bn.batch_noise(pop, 8, 3, 0)
    for y in (np.ones(4), np.ones(1)):  # one more, or a length-1 y that would broadcast
        with pytest.raises(ValueError, match=r"^y must have length 3 \(the number of rows of X\)"):
            bn.regression_loss(np.ones((3, 2)), y, np.ones(3))
    with pytest.raises(ValueError, match=r"condition number inf > 1e\+12"):  # no overflow warning
        bn.linear_regression_gd([[1e-160], [2e-160], [3e-160]], [1.0, 2.0, 3.0])


def test_gradient_descent_above_the_stability_limit_reports_divergence_as_nan():
    X, y = bn.regression_problem(bn.Population.from_presets(["height_m", "age_years"]), 30, 0)
    A = np.hstack([X, np.ones((30, 1))])
    lam_max = np.linalg.eigvalsh(A.T @ A / 30)[-1]
    thetas = bn.gradient_descent(X, y, 2.5 / lam_max, 3000)
    finite = np.all(np.isfinite(thetas), axis=1)
    k = int(np.argmin(finite))
    assert 10 < k < 3000 and finite[:k].all() and np.isnan(thetas[k:]).all()
    # the finite rows follow the closed form theta_k = theta* + (I - lr H)^k (0 - theta*)
    H, g = A.T @ A / 30, A.T @ y / 30
    theta_star = np.linalg.solve(H, g)
    M = np.eye(3) - 2.5 / lam_max * H
    np.testing.assert_allclose(
        thetas[20], theta_star - np.linalg.matrix_power(M, 20) @ theta_star, rtol=1e-6
    )


@pytest.mark.parametrize("rho", [0.0, 0.5, -0.8, 0.95])
def test_standardizing_keeps_correlation_in_the_condition_number(rho):
    """The page's claim: standardized features with correlation rho still give
    kappa = (1 + |rho|)/(1 - |rho|) (standardizing removes scale, not correlation)."""
    rng = np.random.default_rng(0)
    n = 4000
    z = rng.standard_normal((n, 2))
    # exact sample correlation rho after standardizing: whiten, then mix
    z = (z - z.mean(0)) / z.std(0)
    z = np.linalg.qr(z)[0] * np.sqrt(n)  # orthonormal columns: sample correlation exactly 0
    L = np.linalg.cholesky(np.array([[1.0, rho], [rho, 1.0]]))
    X = bn.standardize(z @ L.T * np.array([100.0, 0.01]) + np.array([5.0, -3.0]))
    np.testing.assert_allclose(np.corrcoef(X.T)[0, 1], rho, atol=1e-12)
    run = bn.linear_regression_gd(X, X @ np.array([1.0, 2.0]) + 0.5)
    expected = (1 + abs(rho)) / (1 - abs(rho))
    assert run.condition_number == pytest.approx(expected, rel=1e-9)
