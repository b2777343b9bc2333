"""core.elastic_net (also reachable as core.l1_proximal.elastic_net): oracles, properties,
bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar
from sklearn.linear_model import ElasticNet

from core import elastic_net as en
from core import l1_proximal as l1

finite = st.floats(-50, 50)
strength = st.floats(0, 20)
curvature = st.floats(0.05, 20)


def scipy_minimizer(w_star: float, alpha1: float, alpha2: float, H: float) -> float:
    """Bounded Brent on 1/2 H (w - w*)^2 + alpha1 |w| + 1/2 alpha2 w^2 (the minimizer lies
    between 0 and w*)."""

    def f(w: float) -> float:
        return 0.5 * H * (w - w_star) ** 2 + alpha1 * abs(w) + 0.5 * alpha2 * w**2

    lo, hi = min(0.0, w_star) - 1.0, max(0.0, w_star) + 1.0
    return minimize_scalar(f, bounds=(lo, hi), method="bounded", options={"xatol": 1e-11}).x


def test_reexported_from_l1_proximal():
    assert l1.elastic_net is en.elastic_net
    assert "elastic_net" in l1.__all__


@given(finite, strength, strength, curvature)
def test_matches_a_numerical_minimizer(w_star, alpha1, alpha2, H):
    w = float(en.elastic_net(w_star, alpha1, alpha2, H))
    w_num = scipy_minimizer(w_star, alpha1, alpha2, H)
    assert w == pytest.approx(w_num, abs=1e-6)
    # the closed form is at least as low as anything scipy found
    f = en.elastic_net_objective
    assert f(w, w_star, alpha1, alpha2, H) <= f(w_num, w_star, alpha1, alpha2, H) + 1e-12
    # the page's own numerical check agrees with the oracle above
    assert en.elastic_net_numerical(w_star, alpha1, alpha2, H) == pytest.approx(w_num, abs=1e-6)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("l1_ratio", [0.2, 0.5, 0.9])
def test_matches_sklearn_elastic_net_on_an_orthogonal_design(seed, l1_ratio):
    """scikit-learn's ElasticNet minimizes

        1/(2n) ||y - X w||^2 + alpha * l1_ratio * ||w||_1 + 1/2 alpha (1 - l1_ratio) ||w||^2.

    With orthogonal columns, X^T X = diag(d_1, ..., d_p), the data term is a constant plus
    sum_i 1/2 (d_i / n) (w_i - w_i*)^2 with w* = (X^T X)^-1 X^T y (least squares). So each
    weight solves our 1-D problem with

        H_i = d_i / n,   alpha1 = alpha * l1_ratio,   alpha2 = alpha * (1 - l1_ratio),

    and no intercept (fit_intercept=False).
    """
    rng = np.random.default_rng(seed)
    n, p = 60, 6
    Q, _ = np.linalg.qr(rng.normal(size=(n, p)))  # orthonormal columns
    scales = rng.uniform(0.5, 8.0, p)
    X = Q * scales  # orthogonal columns, X^T X = diag(scales^2)
    y = X @ rng.normal(0, 1.5, p) + rng.normal(0, 0.5, n)
    alpha = 0.3
    model = ElasticNet(
        alpha=alpha, l1_ratio=l1_ratio, fit_intercept=False, tol=1e-12, max_iter=100_000
    ).fit(X, y)
    d = np.sum(X**2, axis=0)
    w_star = (X.T @ y) / d
    ours = en.elastic_net(w_star, alpha * l1_ratio, alpha * (1 - l1_ratio), d / n)
    np.testing.assert_allclose(ours, model.coef_, atol=1e-8)
    assert np.array_equal(ours == 0.0, model.coef_ == 0.0)


@given(finite, strength, curvature)
def test_limits_are_the_lasso_and_ridge_maps(w_star, alpha, H):
    assert en.elastic_net(w_star, alpha, 0.0, H) == pytest.approx(
        l1.soft_threshold(w_star, alpha, H), abs=1e-12
    )
    assert en.elastic_net(w_star, 0.0, alpha, H) == pytest.approx(
        l1.l2_shrink(w_star, alpha, H), abs=1e-12
    )


@given(finite, strength, strength, curvature)
def test_threshold_then_shrink(w_star, alpha1, alpha2, H):
    """The last derivation step: L1 soft threshold, then the L2 factor H / (H + alpha2)."""
    w = en.elastic_net(w_star, alpha1, alpha2, H)
    assert w == pytest.approx(H / (H + alpha2) * l1.soft_threshold(w_star, alpha1, H), abs=1e-9)
    assert (w == 0.0) == (H * abs(w_star) <= alpha1)


def test_worked_numbers():
    # H = 2, w* = 3, alpha1 = 1, alpha2 = 2: (2*3 - 1) / (2 + 2) = 5/4
    assert en.elastic_net(3.0, 1.0, 2.0, 2.0) == 1.25
    assert en.elastic_net(-3.0, 1.0, 2.0, 2.0) == -1.25
    assert en.elastic_net(0.5, 1.0, 2.0, 2.0) == 0.0  # H|w*| = 1 <= alpha1: exactly zero
    np.testing.assert_array_equal(
        en.elastic_net(np.array([3.0, -0.2]), 1.0, np.array([0.0, 5.0]), 2.0), [2.5, 0.0]
    )
    assert en.elastic_net_objective(1.25, 3.0, 1.0, 2.0, 2.0) == pytest.approx(
        0.5 * 2 * 1.75**2 + 1.25 + 0.5 * 2 * 1.25**2
    )


def test_derivation_steps_are_keyed_latex():
    keys = [k for k, _ in en.ELASTIC_NET_STEPS]
    assert keys[0] == "objective" and keys[-2] == "together"
    assert len(set(keys)) == len(keys)
    assert en.ELASTIC_NET_STEPS[-2][1] == en.elastic_net.latex


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1.0, -0.5, 0.0, 1.0), "alpha1 must be >= 0, got -0.5"),
        ((1.0, 0.0, -2.0, 1.0), "alpha2 must be >= 0, got -2.0"),
        ((1.0, 0.0, 0.0, 0.0), "H must be > 0, got 0.0"),
        ((np.nan, 0.0, 0.0, 1.0), "w_star must contain only finite numbers"),
        (([1.0, 2.0], [1.0, 2.0, 3.0], 0.0, 1.0), "must have compatible shapes"),
    ],
)
def test_bad_input(args, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        en.elastic_net(*args)
