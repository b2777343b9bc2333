"""Tests for core.l1_proximal: oracles (scipy, numpy, scikit-learn), properties, the course's
formula (tarea 1, problem 4) and bad input."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Lasso

from core.l1_proximal import (
    DERIVATION_STEPS,
    DOUBLE_COUNT_LATEX,
    OBJECTIVE_LATEX,
    abs_subdifferential,
    default_lr,
    double_counted_minimizer,
    double_counted_threshold,
    ista,
    l1_quadratic_objective,
    l1_quadratic_terms,
    l2_shrink,
    lasso_kkt_violation,
    lasso_lbfgsb,
    lasso_objective,
    lasso_solution,
    numerical_minimizer,
    random_weights,
    shifted_w_text,
    soft_threshold,
    soft_threshold_worked_latex,
    sparse_regression,
    subdifferential,
    subgradient_branches,
    threshold,
    weights_from_table,
)

finite = st.floats(-50.0, 50.0, allow_nan=False, allow_infinity=False)
alphas = st.floats(0.0, 20.0, allow_nan=False, allow_infinity=False)
hessians = st.floats(0.01, 100.0, allow_nan=False, allow_infinity=False)
SETTINGS = settings(max_examples=50, deadline=None)


def sklearn_lasso(X, y, alpha):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = Lasso(alpha=alpha, fit_intercept=False, tol=1e-14, max_iter=200_000)
        return model.fit(X, y).coef_


# --------------------------------------------------------------------------- oracles


@pytest.mark.parametrize(
    ("w_star", "alpha", "H"),
    [(1.5, 1.0, 1.0), (-1.5, 1.0, 1.0), (0.7, 1.0, 1.0), (-0.7, 1.0, 1.0), (3.0, 0.5, 0.2),
     (-4.0, 2.0, 10.0), (0.0, 1.0, 1.0), (2.0, 0.0, 3.0), (-0.2, 5.0, 0.1)],
)  # fmt: skip
def test_soft_threshold_matches_scipy_minimize_scalar(w_star, alpha, H):
    def objective(w):
        return 0.5 * H * (w - w_star) ** 2 + alpha * abs(w)

    res = minimize_scalar(objective, bracket=(-10.0, 10.0), method="brent", tol=1e-12)
    assert soft_threshold(w_star, alpha, H) == pytest.approx(res.x, abs=1e-6)
    # the closed form is at least as good as the solver's point
    assert objective(soft_threshold(w_star, alpha, H)) <= res.fun + 1e-12


@SETTINGS
@given(w_star=finite, alpha=alphas, H=hessians)
def test_numerical_minimizer_agrees_with_closed_form(w_star, alpha, H):
    assert numerical_minimizer(w_star, alpha, H) == pytest.approx(
        soft_threshold(w_star, alpha, H), abs=1e-6 * (1 + abs(w_star))
    )


def test_l1_quadratic_objective_matches_numpy_sum():
    rng = np.random.default_rng(0)
    w, w_star, H = rng.normal(size=5), rng.normal(size=5), rng.uniform(0.1, 5, size=5)
    expected = sum(0.5 * H[i] * (w[i] - w_star[i]) ** 2 + 0.3 * abs(w[i]) for i in range(5))
    assert l1_quadratic_objective(w, w_star, 0.3, H) == pytest.approx(expected, rel=1e-14)
    assert isinstance(l1_quadratic_objective(w, w_star, 0.3, H), float)


def test_l1_quadratic_terms_is_the_objective_pointwise():
    ws = np.linspace(-3, 3, 13)
    terms = l1_quadratic_terms(ws, 1.5, 0.7, 2.0)
    assert terms.shape == (13,)
    for w, f in zip(ws, terms, strict=True):
        assert f == pytest.approx(l1_quadratic_objective(w, 1.5, 0.7, 2.0), rel=1e-15)
    np.testing.assert_allclose(terms, 0.5 * 2.0 * (ws - 1.5) ** 2 + 0.7 * np.abs(ws), rtol=1e-15)


def test_vector_soft_threshold_minimizes_the_separable_objective_scipy():
    """The d-dimensional objective is minimized coordinate-wise (Powell, derivative free)."""
    from scipy.optimize import minimize

    w_star, H = random_weights(4, seed=3)
    alpha = 0.8
    w = soft_threshold(w_star, alpha, H)
    res = minimize(
        lambda v: l1_quadratic_objective(v, w_star, alpha, H),
        x0=w_star,
        method="Powell",
        options={"xtol": 1e-10, "ftol": 1e-14, "maxiter": 20_000},
    )
    np.testing.assert_allclose(w, res.x, atol=1e-5)
    assert l1_quadratic_objective(w, w_star, alpha, H) <= res.fun + 1e-12


def test_l2_shrink_matches_linear_solve_and_scipy():
    w_star, H = random_weights(6, seed=1)
    alpha = 0.7
    # gradient of 1/2 (w - w*)^T H (w - w*) + alpha/2 ||w||^2 is zero at (H + alpha I) w = H w*
    expected = np.linalg.solve(np.diag(H) + alpha * np.eye(6), np.diag(H) @ w_star)
    np.testing.assert_allclose(l2_shrink(w_star, alpha, H), expected, rtol=1e-12)
    res = minimize_scalar(lambda w: 0.5 * 2.0 * (w - 1.5) ** 2 + 0.5 * 1.0 * w**2, tol=1e-12)
    assert l2_shrink(1.5, 1.0, 2.0) == pytest.approx(res.x, abs=1e-7)


def test_ista_converges_to_sklearn_lasso():
    X, y, _ = sparse_regression(40, 8, 3, noise=0.5, seed=0)
    alpha = 0.3
    W = ista(X, y, alpha, steps=1500)
    assert W.shape == (1501, 8)
    np.testing.assert_array_equal(W[0], np.zeros(8))
    w_sk = sklearn_lasso(X, y, alpha)
    np.testing.assert_allclose(W[-1], w_sk, atol=1e-8)
    # same sparsity pattern, exactly zero (not just small) in ISTA
    np.testing.assert_array_equal(W[-1] == 0.0, np.abs(w_sk) == 0.0)
    assert 0 < np.count_nonzero(W[-1]) < 8
    assert lasso_objective(X, y, W[-1], alpha) == pytest.approx(
        lasso_objective(X, y, w_sk, alpha), abs=1e-12
    )


def test_ista_objective_decreases_monotonically():
    X, y, _ = sparse_regression(30, 10, 4, noise=1.0, seed=5)
    F = lasso_objective(X, y, ista(X, y, 0.2, steps=200), 0.2)
    assert F.shape == (201,)
    assert np.all(np.diff(F) <= 1e-12)


def test_ista_with_alpha_zero_is_least_squares():
    X, y, _ = sparse_regression(25, 5, 5, noise=0.3, seed=2)
    w_ls = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(ista(X, y, 0.0, steps=3000)[-1], w_ls, atol=1e-9)
    w_ref, steps = lasso_solution(X, y, 0.0)
    assert steps == 0
    np.testing.assert_allclose(w_ref, w_ls, atol=1e-12)
    # d > n: ISTA from 0 stays in the row space, so its limit is the minimum-norm solution
    Xw, yw, _ = sparse_regression(4, 7, 2, noise=0.1, seed=1)
    np.testing.assert_allclose(ista(Xw, yw, 0.0, steps=20_000)[-1], lasso_solution(Xw, yw, 0.0)[0],
                               atol=1e-8)  # fmt: skip
    np.testing.assert_allclose(lasso_solution(Xw, yw, 0.0)[0], np.linalg.pinv(Xw) @ yw, atol=1e-12)


def test_whitened_lasso_is_soft_threshold_of_least_squares():
    """With X^T X / n = I the Hessian is the identity: the course's setting, exactly."""
    X, y, _ = sparse_regression(50, 6, 3, noise=0.8, seed=4, whiten=True)
    np.testing.assert_allclose(X.T @ X / 50, np.eye(6), atol=1e-12)
    assert default_lr(X) == pytest.approx(1.0)
    w_ls = np.linalg.lstsq(X, y, rcond=None)[0]
    for alpha in (0.5, 1.5, 10.0):
        expected = soft_threshold(w_ls, alpha, 1.0)
        np.testing.assert_allclose(sklearn_lasso(X, y, alpha), expected, atol=1e-9)
        # one ISTA step with eta = 1/L = 1 lands on the solution
        np.testing.assert_allclose(ista(X, y, alpha, steps=1)[1], expected, atol=1e-12)


def test_default_lr_is_inverse_lipschitz_constant():
    X, _, _ = sparse_regression(20, 4, 2, noise=0.0, seed=9)
    L = np.max(np.linalg.eigvalsh(X.T @ X / 20))
    assert default_lr(X) == pytest.approx(1 / L, rel=1e-12)
    assert default_lr(np.zeros((3, 2))) == 1.0


def test_lasso_solution_and_kkt_against_sklearn():
    X, y, _ = sparse_regression(30, 8, 3, noise=0.5, seed=0)
    w, steps = lasso_solution(X, y, 0.5)
    assert 1 <= steps < 100_000
    np.testing.assert_allclose(w, sklearn_lasso(X, y, 0.5), atol=1e-9)
    assert lasso_kkt_violation(X, y, w, 0.5) < 1e-10
    assert lasso_kkt_violation(X, y, w + 0.05, 0.5) > 1e-3
    assert lasso_kkt_violation(X, y, np.zeros(8), 0.5) > 0.1


@pytest.mark.parametrize("rho", [0.0, 0.7, 0.9])
def test_lbfgsb_split_form_agrees_with_sklearn_and_ista(rho):
    X, y, _ = sparse_regression(40, 8, 3, noise=0.5, seed=0, rho=rho)
    w_sk = sklearn_lasso(X, y, 0.3)
    np.testing.assert_allclose(lasso_lbfgsb(X, y, 0.3), w_sk, atol=1e-6)
    np.testing.assert_allclose(lasso_solution(X, y, 0.3)[0], w_sk, atol=1e-9)


def test_sparse_regression_correlation():
    X, _, _ = sparse_regression(2000, 4, 1, noise=0.0, seed=0, rho=0.8)
    C = np.corrcoef(X, rowvar=False)
    expected = 0.8 ** np.abs(np.subtract.outer(np.arange(4), np.arange(4)))
    np.testing.assert_allclose(C, expected, atol=0.05)
    Xw, _, _ = sparse_regression(50, 4, 1, noise=0.0, seed=0, rho=0.8, whiten=True)
    np.testing.assert_allclose(Xw.T @ Xw / 50, np.eye(4), atol=1e-12)


def test_lasso_objective_stack_matches_rows():
    X, y, _ = sparse_regression(10, 3, 2, noise=0.1, seed=1)
    W = np.random.default_rng(0).normal(size=(4, 3))
    F = lasso_objective(X, y, W, 0.25)
    for k in range(4):
        r = X @ W[k] - y
        assert F[k] == pytest.approx(r @ r / 20 + 0.25 * np.abs(W[k]).sum(), rel=1e-13)


def test_sparse_regression_shapes_and_support():
    X, y, w_true = sparse_regression(12, 5, 2, noise=0.0, seed=7)
    assert X.shape == (12, 5) and y.shape == (12,)
    assert np.count_nonzero(w_true) == 2
    assert np.all((np.abs(w_true[w_true != 0]) >= 1) & (np.abs(w_true[w_true != 0]) <= 3))
    np.testing.assert_allclose(y, X @ w_true)
    X2, y2, w2 = sparse_regression(12, 5, 2, noise=0.0, seed=7)
    np.testing.assert_array_equal(X, X2)


def test_random_weights_ranges_and_seed():
    w_star, H = random_weights(50, seed=0)
    assert w_star.shape == H.shape == (50,)
    assert np.all(np.abs(w_star) <= 3) and np.all((H >= 0.1) & (H <= 10))
    np.testing.assert_array_equal(random_weights(50, seed=0)[0], w_star)
    assert not np.array_equal(random_weights(50, seed=1)[0], w_star)


def test_weights_from_table():
    w_star, H = weights_from_table([[2.0, 1.0], [-0.4, 2.0]])
    np.testing.assert_array_equal(w_star, [2.0, -0.4])
    np.testing.assert_array_equal(H, [1.0, 2.0])


# --------------------------------------------------------------------------- properties


@SETTINGS
@given(w_star=finite, alpha=alphas, H=hessians)
def test_soft_threshold_is_odd(w_star, alpha, H):
    assert soft_threshold(-w_star, alpha, H) == -soft_threshold(w_star, alpha, H)


@SETTINGS
@given(a=finite, b=finite, alpha=alphas, H=hessians)
def test_soft_threshold_is_non_expansive_and_monotone(a, b, alpha, H):
    Sa, Sb = soft_threshold(a, alpha, H), soft_threshold(b, alpha, H)
    assert abs(Sa - Sb) <= abs(a - b) + 1e-12
    if a <= b:
        assert Sa <= Sb


@SETTINGS
@given(w_star=finite, alpha=alphas, H=hessians)
def test_soft_threshold_is_zero_exactly_on_the_dead_zone(w_star, alpha, H):
    w = soft_threshold(w_star, alpha, H)
    assert (w == 0.0) == (abs(w_star) <= alpha / H)
    # never overshoots: same sign as w*, smaller magnitude, shift of exactly alpha/H otherwise
    assert abs(w) <= abs(w_star)
    assert w * w_star >= 0
    if w != 0.0:
        assert abs(w_star) - abs(w) == pytest.approx(alpha / H, rel=1e-9, abs=1e-9)


@SETTINGS
@given(w_star=finite, alpha=alphas, H=hessians, w=finite)
def test_subgradient_condition_holds_only_at_the_minimizer(w_star, alpha, H, w):
    w_opt = soft_threshold(w_star, alpha, H)
    low, high = subdifferential(w_opt, w_star, alpha, H)
    tol = 1e-9 * (1 + H * abs(w_star) + alpha)
    assert low - tol <= 0.0 <= high + tol
    if abs(w - w_opt) > 1e-6:
        low, high = subdifferential(w, w_star, alpha, H)
        assert not (low <= 0.0 <= high)
        # and the objective is larger there
        assert l1_quadratic_objective(w, w_star, alpha, H) > l1_quadratic_objective(
            w_opt, w_star, alpha, H
        )


@SETTINGS
@given(w_star=finite.filter(lambda v: abs(v) > 1e-3), alpha=alphas, H=hessians)
def test_l2_never_exactly_zero_and_shrinks(w_star, alpha, H):
    w = l2_shrink(w_star, alpha, H)
    assert w != 0.0 and np.sign(w) == np.sign(w_star)
    assert abs(w) <= abs(w_star)


@SETTINGS
@given(
    w_star=st.lists(finite, min_size=1, max_size=6),
    alpha=alphas,
    H=hessians,
)
def test_soft_threshold_broadcasts_like_elementwise(w_star, alpha, H):
    out = soft_threshold(np.array(w_star), alpha, H)
    assert out.shape == (len(w_star),)
    for i, v in enumerate(w_star):
        assert out[i] == soft_threshold(v, alpha, H)


def test_soft_threshold_broadcast_of_alpha_and_H_arrays():
    out = soft_threshold(np.array([[2.0], [-2.0]]), np.array([0.0, 1.0, 4.0]), 2.0)
    np.testing.assert_array_equal(out, [[2.0, 1.5, 0.0], [-2.0, -1.5, 0.0]])
    assert not np.any(np.signbit(out) & (out == 0))  # no -0.0 shown to students


def test_abs_subdifferential():
    assert abs_subdifferential(0.0) == (-1.0, 1.0)
    assert abs_subdifferential(2.5) == (1.0, 1.0)
    assert abs_subdifferential(-1e-300) == (-1.0, -1.0)


# --------------------------------------------------------------------------- the course


def test_course_formula_problem_4():
    """w_i = sign(w_i*) max(|w_i*| - alpha/H_ii, 0) (tarea 1, problem 4.2), checked on a grid."""
    w_star = np.linspace(-4, 4, 81)
    H = np.array([0.5, 1.0, 2.0])[:, None]
    alpha = 1.0
    course = np.sign(w_star) * np.maximum(np.abs(w_star) - alpha / H, 0)
    np.testing.assert_allclose(soft_threshold(w_star, alpha, H), course, atol=0)


def test_course_misconception_negative_weights_are_also_zeroed():
    """Sparsity is |w*| <= alpha/H for either sign, not only 0 < w* <= alpha/H."""
    alpha, H = 1.0, 2.0  # dead zone [-0.5, 0.5]
    for w_star in (-0.5, -0.3, 0.0, 0.3, 0.5):
        assert soft_threshold(w_star, alpha, H) == 0.0
    assert soft_threshold(-0.51, alpha, H) == pytest.approx(-0.01)


def test_course_derivative_with_sign_at_zero_has_no_root_inside_the_dead_zone():
    """Setting H(w - w*) + alpha sign(w) = 0 has no solution when |w*| < alpha/H; only the
    subgradient at 0 (the interval [-H w* - alpha, -H w* + alpha]) contains 0."""
    w_star, alpha, H = 0.3, 1.0, 1.0
    w_pos = w_star - alpha / H  # the "w > 0" branch
    w_neg = w_star + alpha / H  # the "w < 0" branch
    assert w_pos < 0 and w_neg > 0  # each contradicts its own assumption
    assert subdifferential(0.0, w_star, alpha, H) == pytest.approx((-1.3, 0.7))
    assert soft_threshold(w_star, alpha, H) == 0.0


def test_page_default_numbers():
    """The numbers the page opens with: w* = 1.5, alpha = 1, H = 1."""
    assert soft_threshold(1.5, 1.0, 1.0) == 0.5
    assert l2_shrink(1.5, 1.0, 1.0) == 0.75
    assert l1_quadratic_objective(0.5, 1.5, 1.0, 1.0) == 1.0


# Homework P4.1: expand L (not the regularized L~) around w*, then add the penalty once


@SETTINGS
@given(
    st.lists(finite, min_size=1, max_size=5),
    st.lists(hessians, min_size=5, max_size=5),
    alphas,
    st.integers(0, 2**31 - 1),
)
def test_expanding_l_then_adding_the_penalty_once_reproduces_l_tilde(w_star, H, alpha, seed):
    """For a quadratic L with diagonal Hessian the second-order expansion is exact, so the
    correct L_hat equals L~ = L + alpha ||w||_1 everywhere (direct evaluation as the oracle)."""
    w_star = np.array(w_star)
    H = np.array(H[: w_star.size])
    L_star = 0.7  # L(w*)

    def L(w):
        return L_star + 0.5 * np.sum(H * (w - w_star) ** 2)  # grad L(w*) = 0, Hessian diag(H)

    rng = np.random.default_rng(seed)
    for w in rng.normal(0.0, 3.0, size=(5, w_star.size)):
        L_tilde = L(w) + alpha * np.sum(np.abs(w))
        L_hat = L_star + l1_quadratic_objective(w, w_star, alpha, H)
        assert L_hat == pytest.approx(L_tilde, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize(
    ("w_star", "alpha", "H"),
    [(1.5, 1.0, 1.0), (-1.5, 1.0, 1.0), (3.0, 1.0, 1.0), (-3.0, 0.5, 0.2), (0.7, 1.0, 2.0),
     (0.0, 1.0, 1.0), (2.0, 0.0, 3.0), (5.0, 2.0, 10.0)],
)  # fmt: skip
def test_double_counted_minimizer_matches_scipy(w_star, alpha, H):
    def objective(w):
        return 0.5 * H * (w - w_star) ** 2 + alpha * np.sign(w_star) * (w - w_star) + alpha * abs(w)

    res = minimize_scalar(objective, bounds=(-abs(w_star) - 2, abs(w_star) + 2), method="bounded",
                          options={"xatol": 1e-12})  # fmt: skip
    assert double_counted_minimizer(w_star, alpha, H) == pytest.approx(res.x, abs=1e-7)


def test_double_counting_doubles_the_threshold():
    alpha, H = 1.0, 2.0  # correct threshold 0.5, double-counted 1.0
    w_star = np.array([-3.0, -0.8, -0.5, 0.3, 0.6, 1.0, 2.5])
    np.testing.assert_allclose(double_counted_minimizer(w_star, alpha, H),
                               [-2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.5])  # fmt: skip
    np.testing.assert_allclose(soft_threshold(w_star, alpha, H),
                               [-2.5, -0.3, 0.0, 0.0, 0.1, 0.5, 2.0])  # fmt: skip
    # the page's default numbers: w* = 1.5, alpha = H = 1 gives 0.5, counting twice gives 0
    assert soft_threshold(1.5, 1.0, 1.0) == 0.5
    assert double_counted_minimizer(1.5, 1.0, 1.0) == 0.0
    assert double_counted_minimizer(3.0, 1.0, 1.0) == 1.0  # shifted by 2 alpha / H


@pytest.mark.parametrize("alpha, H", [(1.0, 2.0), (0.3, 0.7), (2.5, 10.0), (0.0, 1.0)])
def test_double_counted_threshold_is_the_zero_band_of_the_mistake(alpha, H):
    band = double_counted_threshold(alpha, H)

    # oracle: scipy's minimizer of the double-counted objective at the band's edges
    def mistake(w_star):
        objective = lambda w: (0.5 * H * (w - w_star) ** 2  # noqa: E731
                               + alpha * np.sign(w_star) * (w - w_star) + alpha * abs(w))  # fmt: skip
        return minimize_scalar(objective, bounds=(-20, 20), method="bounded",
                               options={"xatol": 1e-12}).x  # fmt: skip

    if alpha > 0:
        assert abs(mistake(0.999 * band)) < 1e-6 and abs(mistake(-0.999 * band)) < 1e-6
        assert abs(mistake(1.01 * band)) > 1e-3 and abs(mistake(-1.01 * band)) > 1e-3
    assert band == pytest.approx(2 * alpha / H, rel=1e-15)
    np.testing.assert_allclose(double_counted_threshold([1.0, 2.0], 4.0), [0.5, 1.0])


def test_double_counted_threshold_bad_input():
    with pytest.raises(ValueError, match=re.escape("alpha must be >= 0, got -0.5")):
        double_counted_threshold(-0.5, 1.0)
    with pytest.raises(ValueError, match=re.escape("H must be > 0, got 0.0")):
        double_counted_threshold(1.0, 0.0)


def test_shifted_w_text_has_no_double_sign():
    assert shifted_w_text(1.5) == "w − 1.5"
    assert shifted_w_text(-0.6) == "w + 0.6"
    assert shifted_w_text(0.0) == shifted_w_text(-0.0) == "w"
    assert shifted_w_text(1 / 3) == "w − 0.3333"
    with pytest.raises(ValueError, match="c must be"):
        shifted_w_text(float("nan"))


def test_derivation_steps_end_at_the_objective():
    keys = [key for key, _ in DERIVATION_STEPS]
    assert keys == ["taylor", "gradient", "diagonal", "penalty"]
    assert DERIVATION_STEPS[-1][1].endswith(OBJECTIVE_LATEX)
    assert r"\nabla L(\mathbf{w}^*) = \mathbf{0}" in DERIVATION_STEPS[1][1]
    assert r"\tilde L(\mathbf{w}^*) = L(\mathbf{w}^*) + \alpha" in DOUBLE_COUNT_LATEX
    for _, latex in DERIVATION_STEPS:
        assert latex.count("{") == latex.count("}") and latex.count(r"\left") == latex.count(
            r"\right"
        )


def test_double_counted_minimizer_bad_input():
    with pytest.raises(ValueError, match=re.escape("alpha must be >= 0, got -0.5")):
        double_counted_minimizer(1.0, -0.5, 1.0)
    with pytest.raises(ValueError, match=re.escape("H must be > 0, got 0.0")):
        double_counted_minimizer(1.0, 1.0, 0.0)


def test_latex_is_attached_to_docstrings():
    for fn in (soft_threshold, l2_shrink, l1_quadratic_objective, subdifferential,
               double_counted_minimizer):  # fmt: skip
        latex = fn.latex if isinstance(fn.latex, str) else fn.latex[0]
        assert latex in fn.__doc__
    assert len(ista.latex) == 2


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"alpha": -0.5}, "alpha must be >= 0, got -0.5"),
        ({"H": 0.0}, "H must be > 0, got 0.0"),
        ({"H": [1.0, -2.0]}, "H must be > 0, got -2.0"),
        ({"alpha": np.inf}, "alpha must contain only finite numbers"),
        ({"w_star": np.nan}, "w_star must contain only finite numbers"),
        ({"w_star": "abc"}, "w_star must be numeric, got 'abc'"),
        ({"w_star": [1.0, 2.0], "H": [1.0, 2.0, 3.0]}, "w_star, alpha, H must have compatible"),
    ],
)
def test_soft_threshold_and_l2_bad_input(kwargs, message):
    args = {"w_star": 1.0, "alpha": 1.0, "H": 1.0, **kwargs}
    for fn in (soft_threshold, l2_shrink):
        with pytest.raises(ValueError, match=re.escape(message)):
            fn(**args)


def test_objective_and_subdifferential_bad_input():
    with pytest.raises(ValueError, match=re.escape("alpha must be >= 0, got -1.0")):
        l1_quadratic_objective(0.0, 1.0, -1.0, 1.0)
    with pytest.raises(ValueError, match="w must contain only finite"):
        l1_quadratic_objective(np.nan, 1.0, 1.0, 1.0)
    with pytest.raises(ValueError, match=re.escape("H must be > 0, got -1")):
        subdifferential(0.0, 1.0, 1.0, -1)
    with pytest.raises(ValueError, match=re.escape("w must be a number, got 'x'")):
        abs_subdifferential("x")
    with pytest.raises(ValueError, match=re.escape("alpha must be >= 0, got -2")):
        numerical_minimizer(1.0, -2, 1.0)


def test_ista_bad_input():
    X, y, _ = sparse_regression(10, 3, 1, noise=0.1, seed=0)
    with pytest.raises(ValueError, match=re.escape("alpha must be >= 0, got -0.1")):
        ista(X, y, -0.1, steps=5)
    with pytest.raises(ValueError, match=re.escape("steps must be an integer, got 2.5")):
        ista(X, y, 0.1, steps=2.5)
    with pytest.raises(ValueError, match=re.escape("steps must be >= 0, got -1")):
        ista(X, y, 0.1, steps=-1)
    with pytest.raises(ValueError, match=re.escape("lr must be > 0, got 0.0")):
        ista(X, y, 0.1, steps=5, lr=0.0)
    with pytest.raises(ValueError, match=re.escape("y must have 10 entries")):
        ista(X, y[:-1], 0.1, steps=5)
    with pytest.raises(ValueError, match=re.escape("X must be 2-D, got shape (10,)")):
        ista(y, y, 0.1, steps=5)
    with pytest.raises(ValueError, match="X must contain only finite"):
        ista(np.where(X > 1, np.nan, X), y, 0.1, steps=5)
    with pytest.raises(ValueError, match=re.escape("w must have 3 entries")):
        lasso_objective(X, y, np.zeros(4), 0.1)
    with pytest.raises(ValueError, match=re.escape("w must have 3 entries")):
        lasso_kkt_violation(X, y, np.zeros(2), 0.1)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([[1.0, 2.0, 3.0]], "weights table must have 2 columns (w*, H_ii), got 3"),
        ([[1.0, np.nan]], "weights table must contain only finite numbers"),
        ([[1.0, 0.0]], "H must be > 0, got 0.0"),
        (np.zeros((0, 2)), "weights table must not be empty, got shape (0, 2)"),
        ([1.0, 2.0], "weights table must be 2-D, got shape (2,)"),
    ],
)
def test_weights_from_table_bad_input(table, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        weights_from_table(table)


def test_generators_bad_input():
    with pytest.raises(ValueError, match=re.escape("n_informative must be <= 3, got 4")):
        sparse_regression(10, 3, 4, noise=0.1, seed=0)
    with pytest.raises(ValueError, match=re.escape("n must be >= d = 5 to whiten X, got 3")):
        sparse_regression(3, 5, 1, noise=0.1, seed=0, whiten=True)
    with pytest.raises(ValueError, match=re.escape("rho must be < 1, got 1.0")):
        sparse_regression(10, 3, 1, noise=0.1, seed=0, rho=1.0)
    with pytest.raises(ValueError, match=re.escape("noise must be >= 0, got -1.0")):
        sparse_regression(10, 3, 1, noise=-1.0, seed=0)
    with pytest.raises(ValueError, match=re.escape("d must be >= 1, got 0")):
        random_weights(0, seed=0)
    with pytest.raises(ValueError, match=re.escape("seed must be >= 0, got -3")):
        random_weights(3, seed=-3)


def test_default_lr_refuses_an_x_too_small_for_a_finite_step():
    message = "sigma_max(X) must be >= 7.46e-155 for a finite step 1/L, got 1e-160"
    with pytest.raises(ValueError, match=re.escape(message)):
        default_lr([[1e-160]])
    with pytest.raises(ValueError, match=re.escape("sigma_max(X) must be >=")):
        ista([[1e-170]], [1.0], 0.1, steps=3)  # 1e-170 ** 2 underflows to 0
    assert default_lr([[1e-150]]) == pytest.approx(1e300, rel=1e-12)
    # with an explicit step ISTA runs on the same X
    assert np.all(np.isfinite(ista([[1e-160]], [1.0], 0.1, steps=3, lr=1.0)))


def test_ista_with_a_step_above_2_over_l_reports_divergence_as_nan():
    X, y, _ = sparse_regression(10, 3, 2, noise=0.1, seed=0)
    lr = 10 * default_lr(X)  # 5 times the stability limit 2/L
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        W = ista(X, y, 0.1, steps=2000, lr=lr)
    finite = np.all(np.isfinite(W), axis=1)
    k = int(np.argmin(finite))  # first non-finite row
    assert 100 < k < 2000 and finite[:k].all() and np.isnan(W[k:]).all()
    assert np.max(np.abs(W[k - 1])) > 1e300  # it got there by growing
    # the finite rows are the ISTA iterates: recompute them with the formula
    w = np.zeros(3)
    for row in W[1:20]:
        v = w - lr * X.T @ (X @ w - y) / X.shape[0]
        w = np.sign(v) * np.maximum(np.abs(v) - lr * 0.1, 0.0)
        np.testing.assert_allclose(row, w, rtol=1e-12)


# --------------------------------------------------------------------------- what the page shows


@SETTINGS
@given(alphas, hessians)
def test_threshold_is_where_scipy_minimizer_leaves_zero(alpha, H):
    # oracle: the 1-D objective minimized by scipy is 0 just inside the threshold and not 0
    # just outside it, so alpha / H is the edge of the dead zone of soft_threshold
    thr = float(threshold(alpha, H))
    assert thr == pytest.approx(alpha / H, rel=1e-15)
    assert soft_threshold(thr, alpha, H) == 0.0 and soft_threshold(-thr, alpha, H) == 0.0
    if thr > 1e-6:
        outside = 1.01 * thr
        found = minimize_scalar(
            lambda w: 0.5 * H * (w - outside) ** 2 + alpha * abs(w),
            bounds=(-1.0, 2.0 * outside),
            method="bounded",
            options={"xatol": 1e-12},
        ).x
        assert found == pytest.approx(float(soft_threshold(outside, alpha, H)), rel=1e-6, abs=1e-6)
        assert abs(found) > 0.5 * 0.01 * thr


def test_threshold_broadcasts_like_numpy_and_rejects_bad_input():
    H = np.array([0.2, 1.0, 5.0])
    np.testing.assert_array_equal(threshold(1.0, H), np.divide(1.0, H))
    with pytest.raises(ValueError, match=r"^alpha must be >= 0, got -0.5$"):
        threshold(-0.5, 1.0)
    with pytest.raises(ValueError, match=r"^H must be > 0, got 0.0$"):
        threshold(1.0, np.array([1.0, 0.0]))


@SETTINGS
@given(finite, alphas, hessians)
def test_subgradient_branches_match_central_differences_and_the_segment(w_star, alpha, H):
    w = np.linspace(-3.0, 3.0, 61)  # includes 0
    (w_neg, g_neg), (w_pos, g_pos) = subgradient_branches(w, w_star, alpha, H)
    np.testing.assert_array_equal(w_neg, np.r_[w[w < 0], 0.0])
    np.testing.assert_array_equal(w_pos, np.r_[0.0, w[w > 0]])
    # oracle 1: a central difference of the objective away from the kink
    h = 1e-6
    for ws, gs in ((w_neg[:-1], g_neg[:-1]), (w_pos[1:], g_pos[1:])):
        fd = (
            l1_quadratic_terms(ws + h, w_star, alpha, H)
            - l1_quadratic_terms(ws - h, w_star, alpha, H)
        ) / (2 * h)
        np.testing.assert_allclose(gs, fd, rtol=1e-5, atol=1e-4 * (1.0 + H * 50.0))
    # oracle 2: at w = 0 the branches end at the ends of the subdifferential segment
    lo, hi = subdifferential(0.0, w_star, alpha, H)
    assert g_neg[-1] == pytest.approx(lo, abs=1e-12) and g_pos[0] == pytest.approx(hi, abs=1e-12)
    for wi, gi in zip(w_neg[:-1], g_neg[:-1], strict=True):
        assert subdifferential(wi, w_star, alpha, H) == pytest.approx((gi, gi), abs=1e-9)


def test_subgradient_branches_bad_input():
    with pytest.raises(ValueError, match=r"^H must be > 0, got 0"):
        subgradient_branches([-1.0, 1.0], 1.0, 1.0, 0.0)
    with pytest.raises(ValueError, match=r"^alpha must be >= 0, got -1"):
        subgradient_branches([-1.0, 1.0], 1.0, -1.0, 1.0)
    with pytest.raises(ValueError, match="w must"):
        subgradient_branches([[-1.0, 1.0]], 1.0, 1.0, 1.0)


def test_worked_latex_prints_the_course_example_and_the_core_values():
    # the page's default: w* = 1.5, alpha = 1, H = 1 -> soft threshold 0.5, L2 shrink 0.75
    assert soft_threshold_worked_latex(1.5, 1.0, 1.0) == (
        r"w_i = \operatorname{sign}(1.5)\,\max\!\left(|1.5| - \frac{1}{1},\ 0\right) = 0.5"
        r"\qquad\text{L2: }\ \frac{1}{1 + 1}\cdot1.5 = 0.75"
    )
    # the two results are the core's, to 4 significant digits
    for w_star, alpha, H in [(-0.4, 0.35, 2.0), (3.3333333, 1.0, 0.1), (-5.0, 5.0, 10.0)]:
        tex = soft_threshold_worked_latex(w_star, alpha, H)
        l1_part, l2_part = tex.split(r"\qquad")
        assert l1_part.endswith(f"= {float(soft_threshold(w_star, alpha, H)):.4g}")
        assert l2_part.endswith(f"= {float(l2_shrink(w_star, alpha, H)):.4g}")
        assert rf"\frac{{{alpha:.4g}}}{{{H:.4g}}}" in l1_part


def test_worked_latex_bad_input():
    with pytest.raises(ValueError, match=r"^H must be > 0, got 0"):
        soft_threshold_worked_latex(1.0, 1.0, 0.0)
    with pytest.raises(ValueError, match=r"^alpha must be >= 0, got -1"):
        soft_threshold_worked_latex(1.0, -1.0, 1.0)
