"""Tests for core.least_squares: oracles, properties, the course's problem, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.linalg
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import Ridge

from core import generalized_inverse as gi
from core import least_squares as ls
from core import sensitivity as sv

SETTINGS = settings(max_examples=40, deadline=None)


def _matrix(n: int, d: int, r: int, seed: int, s_low: float = 0.5, s_high: float = 3.0):
    """An (n, d) matrix of exact rank r with nonzero singular values in [s_low, s_high]."""
    rng = np.random.default_rng(seed)
    U = np.linalg.qr(rng.normal(size=(n, n)))[0]
    V = np.linalg.qr(rng.normal(size=(d, d)))[0]
    s = np.sort(rng.uniform(s_low, s_high, r))[::-1]
    return (U[:, :r] * s) @ V[:, :r].T, rng.normal(size=n)


@st.composite
def problems(draw, max_n: int = 6, max_d: int = 6):
    n = draw(st.integers(1, max_n))
    d = draw(st.integers(1, max_d))
    r = draw(st.integers(0, min(n, d)))
    seed = draw(st.integers(0, 2**31 - 1))
    X, y = _matrix(n, d, r, seed)
    return X, y, r


# ---------------------------------------------------------------------------------------------
# 1. oracles
# ---------------------------------------------------------------------------------------------


@SETTINGS
@given(problems())
def test_rank_matches_numpy_and_construction(prob):
    X, _, r = prob
    assert ls.rank(X) == np.linalg.matrix_rank(X) == r
    assert ls.is_unique(X) == (r == X.shape[1])


def test_rank_with_rtol_matches_numpy():
    X = np.diag([1.0, 1e-3, 1e-8])
    for rtol in (1e-10, 1e-5, 1e-2, 0.5):
        assert ls.rank(X, rtol) == np.linalg.matrix_rank(X, rtol=rtol)
    assert [ls.rank(X, rtol) for rtol in (1e-10, 1e-5, 1e-2)] == [3, 2, 1]


def test_svd_info_tolerance_and_singular_values():
    X = ls.example_data("collinear")[0]
    info = ls.svd_info(X)
    np.testing.assert_allclose(info.sigma, scipy.linalg.svdvals(X), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(ls.singular_values(X), info.sigma, rtol=1e-12, atol=1e-14)
    assert info.rtol == max(X.shape) * np.finfo(float).eps
    assert info.tol == pytest.approx(info.rtol * info.sigma[0], rel=1e-12)
    assert info.rank == 2 and info.sigma[2] <= info.tol < info.sigma[1]


@SETTINGS
@given(problems())
def test_pinv_matches_numpy(prob):
    X, _, _ = prob
    np.testing.assert_allclose(ls.pinv(X), np.linalg.pinv(X, rtol=None), atol=1e-10)


def test_pinv_with_rtol_drops_small_singular_values_like_numpy():
    X = ls.example_data("near", noise=1e-4)[0]
    np.testing.assert_allclose(ls.pinv(X, 1e-3), np.linalg.pinv(X, rtol=1e-3), atol=1e-10)
    assert np.abs(ls.pinv(X, 1e-3)).max() < 10 < np.abs(ls.pinv(X)).max()


@SETTINGS
@given(problems())
def test_min_norm_solution_matches_lstsq_and_pinv(prob):
    X, y, _ = prob
    w_star = ls.min_norm_solution(X, y)
    np.testing.assert_allclose(w_star, np.linalg.lstsq(X, y, rcond=None)[0], atol=1e-9)
    np.testing.assert_allclose(w_star, np.linalg.pinv(X) @ y, atol=1e-9)
    np.testing.assert_allclose(ls.lstsq_numeric(X, y), np.linalg.lstsq(X, y)[0], atol=1e-12)


@SETTINGS
@given(problems())
def test_null_space_matches_scipy(prob):
    X, _, r = prob
    N = ls.null_space(X)
    N_ref = scipy.linalg.null_space(X)
    d = X.shape[1]
    assert N.shape == N_ref.shape == (d, d - r)
    # bases differ by a rotation; the projectors onto the null space agree
    np.testing.assert_allclose(N @ N.T, N_ref @ N_ref.T, atol=1e-10)
    np.testing.assert_allclose(N.T @ N, np.eye(d - r), atol=1e-12)
    np.testing.assert_allclose(X @ N, 0.0, atol=1e-10)


def test_project_null_space_is_identity_minus_pinv_X():
    X, _ = ls.example_data("collinear")
    z = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0]])
    P = np.eye(3) - np.linalg.pinv(X) @ X
    np.testing.assert_allclose(ls.project_null_space(X, z), z @ P.T, atol=1e-12)


def test_condition_number_matches_numpy():
    for name in ("full", "near", "wide"):
        X = ls.example_data(name, noise=1e-2)[0]
        assert ls.condition_number(X) == pytest.approx(np.linalg.cond(X), rel=1e-10)
    assert ls.condition_number(np.array([[1.0, 0.0], [0.0, 0.0]])) == np.inf
    assert np.linalg.cond(np.array([[1.0, 0.0], [0.0, 0.0]])) == np.inf


def test_condition_number_grows_like_one_over_noise():
    kappas = [ls.condition_number(ls.example_data("near", noise=s)[0]) for s in (1e-1, 1e-3, 1e-5)]
    assert kappas[0] < kappas[1] < kappas[2]
    assert 50 < kappas[1] / kappas[0] < 200 and 50 < kappas[2] / kappas[1] < 200


@SETTINGS
@given(problems(), st.floats(1e-3, 1e2))
def test_ridge_matches_sklearn_and_normal_equations(prob, lam):
    X, y, _ = prob
    w = ls.ridge_solution(X, y, lam)
    d = X.shape[1]
    np.testing.assert_allclose(
        w, np.linalg.solve(X.T @ X + lam * np.eye(d), X.T @ y), rtol=1e-8, atol=1e-10
    )
    model = Ridge(alpha=lam, fit_intercept=False, solver="svd").fit(X, y)
    np.testing.assert_allclose(w, model.coef_, rtol=1e-7, atol=1e-9)


def test_ridge_path_rows_are_ridge_solutions():
    X, y = ls.example_data("collinear")
    lams = np.logspace(-6, 3, 10)
    path = ls.ridge_path(X, y, lams)
    assert path.shape == (10, 3)
    for lam, row in zip(lams, path, strict=True):
        np.testing.assert_allclose(row, ls.ridge_solution(X, y, lam), atol=1e-12)


def test_gradient_descent_matches_closed_form_iteration():
    # w_t - w_inf = (I - lr X^T X / n)^t (w0 - w_inf), w_inf = X^+ y + P_null w0
    X, y = ls.example_data("collinear")
    n = X.shape[0]
    w0 = np.array([1.0, -2.0, 0.5])
    lr = 0.5 * ls.max_stable_lr(X)
    W = ls.gradient_descent(X, y, w0, lr, 30)
    assert W.shape == (31, 3)
    w_inf = np.linalg.pinv(X) @ y + (np.eye(3) - np.linalg.pinv(X) @ X) @ w0
    M = np.eye(3) - lr * X.T @ X / n
    for t in (0, 1, 7, 30):
        expected = w_inf + np.linalg.matrix_power(M, t) @ (w0 - w_inf)
        np.testing.assert_allclose(W[t], expected, atol=1e-10)


def test_gradient_descent_first_step_uses_numerical_gradient():
    X, y = ls.example_data("full")
    w0 = np.array([0.3, -0.7])
    h = 1e-6
    grad_fd = np.array(
        [(ls.loss(X, y, w0 + h * e) - ls.loss(X, y, w0 - h * e)) / (2 * h) for e in np.eye(2)]
    )
    W = ls.gradient_descent(X, y, w0, 0.1, 1)
    np.testing.assert_allclose(W[1], w0 - 0.1 * grad_fd, atol=1e-8)


def test_loss_matches_mean_squared_error_and_grid():
    X, y = ls.example_data("dup")
    w = np.array([[0.5, 1.0], [2.0, -1.0], [0.0, 0.0]])
    expected = 0.5 * np.mean((X @ w.T - y[:, None]) ** 2, axis=0)
    np.testing.assert_allclose(ls.loss(X, y, w), expected, rtol=1e-12)
    assert ls.loss(X, y, w[0]) == pytest.approx(expected[0], rel=1e-12)
    np.testing.assert_allclose(
        ls.residual_norm(X, y, w), np.sqrt(2 * X.shape[0] * expected), rtol=1e-12
    )
    w1, w2 = np.linspace(-1, 3, 5), np.linspace(-2, 2, 4)
    L = ls.loss_grid(X, y, w1, w2)
    assert L.shape == (4, 5)
    for j, b in enumerate(w2):
        for i, a in enumerate(w1):
            assert L[j, i] == pytest.approx(ls.loss(X, y, np.array([a, b])), abs=1e-12)


def test_normal_equations_solution_matches_solve():
    X, y = ls.example_data("full")
    np.testing.assert_allclose(
        ls.normal_equations_solution(X, y), np.linalg.solve(X.T @ X, X.T @ y), rtol=1e-12
    )


def test_max_stable_lr_is_two_over_largest_hessian_eigenvalue():
    X, _ = ls.example_data("collinear")
    lam_max = np.linalg.eigvalsh(X.T @ X / X.shape[0]).max()
    assert ls.max_stable_lr(X) == pytest.approx(2 / lam_max, rel=1e-10)
    assert ls.max_stable_lr(np.zeros((2, 2))) == np.inf


# ---------------------------------------------------------------------------------------------
# 2. properties
# ---------------------------------------------------------------------------------------------


@SETTINGS
@given(problems())
def test_min_norm_solution_is_orthogonal_to_null_space(prob):
    X, y, _ = prob
    N = ls.null_space(X)
    np.testing.assert_allclose(N.T @ ls.min_norm_solution(X, y), 0.0, atol=1e-9)


@SETTINGS
@given(problems(), st.integers(0, 2**31 - 1))
def test_family_members_share_residual_and_are_longer(prob, seed):
    X, y, _ = prob
    z = np.random.default_rng(seed).normal(size=(5, X.shape[1])) * 3
    W = ls.solution_family(X, y, z)
    w_star = ls.min_norm_solution(X, y)
    r_star = ls.residual_norm(X, y, w_star)
    np.testing.assert_allclose(ls.residual_norm(X, y, W), r_star, atol=1e-8)
    # Pythagoras: ||w(z)||^2 = ||X^+ y||^2 + ||P_null z||^2
    P_z = ls.project_null_space(X, z)
    np.testing.assert_allclose(
        np.sum(W**2, axis=1), w_star @ w_star + np.sum(P_z**2, axis=1), rtol=1e-8, atol=1e-8
    )
    # every member solves the normal equations
    np.testing.assert_allclose(W @ (X.T @ X), np.tile(X.T @ y, (5, 1)), atol=1e-8)


@SETTINGS
@given(problems())
def test_ridge_tends_to_pinv_solution(prob):
    X, y, _ = prob
    w_star = ls.min_norm_solution(X, y)
    errors = [np.linalg.norm(ls.ridge_solution(X, y, lam) - w_star) for lam in (1.0, 1e-3, 1e-8)]
    assert errors[0] >= errors[1] >= errors[2]
    assert errors[2] <= 1e-6 * (1 + np.linalg.norm(w_star))


@SETTINGS
@given(problems(), st.integers(0, 2**31 - 1))
def test_gradient_descent_keeps_null_space_component(prob, seed):
    X, y, _ = prob
    d = X.shape[1]
    lr = 0.9 * ls.max_stable_lr(X) if np.any(X) else 0.1
    W0 = ls.gradient_descent(X, y, np.zeros(d), lr, 200)
    np.testing.assert_allclose(ls.project_null_space(X, W0), 0.0, atol=1e-9)  # row space
    w0 = np.random.default_rng(seed).normal(size=d)
    W1 = ls.gradient_descent(X, y, w0, lr, 200)
    P0 = ls.project_null_space(X, w0)
    np.testing.assert_allclose(ls.project_null_space(X, W1), np.tile(P0, (201, 1)), atol=1e-9)


@settings(max_examples=20, deadline=None)
@given(problems(max_n=5, max_d=5))
def test_gradient_descent_from_zero_converges_to_pinv_solution(prob):
    X, y, r = prob
    d = X.shape[1]
    W = ls.gradient_descent(X, y, np.zeros(d), 0.5 * ls.max_stable_lr(X) if r else 0.1, 3000)
    np.testing.assert_allclose(W[-1], ls.min_norm_solution(X, y), atol=1e-7)


def test_gradient_descent_divergence_is_reported_as_nan():
    X, y = ls.example_data("full")
    W = ls.gradient_descent(X, y, np.zeros(2), 1.1 * ls.max_stable_lr(X), 8000)
    finite = np.all(np.isfinite(W), axis=1)
    assert finite[0] and not finite[-1]
    last = np.flatnonzero(finite)[-1]
    assert not np.any(finite[last + 1 :])  # NaN from the overflow on
    assert np.abs(W[last]).max() > 1e100


# ---------------------------------------------------------------------------------------------
# 3. the course's problem (homework 1, problem 1)
# ---------------------------------------------------------------------------------------------


def test_course_formula_holds_exactly_under_full_column_rank():
    # W* = (X'X)^{-1} X'y is the unique minimizer when the d columns are independent (d <= n)
    X, y = ls.example_data("full")
    assert ls.is_unique(X)
    w_course = np.linalg.inv(X.T @ X) @ X.T @ y
    np.testing.assert_allclose(ls.min_norm_solution(X, y), w_course, rtol=1e-12)
    np.testing.assert_allclose(ls.normal_equations_solution(X, y), w_course, rtol=1e-12)


def test_full_row_rank_is_not_enough_for_uniqueness():
    # "full rank" must mean full *column* rank: a wide X of rank n = min(n, d) is not unique
    X, y = ls.example_data("wide")
    assert X.shape == (2, 3) and ls.rank(X) == min(X.shape) == 2
    assert not ls.is_unique(X)
    assert ls.null_space(X).shape == (3, 1)


def test_generalized_inverse_belongs_to_XtX_not_XXt():
    X, y = ls.example_data("collinear")  # (6, 3), rank 2
    XtX, XXt = X.T @ X, X @ X.T
    assert XtX.shape == (3, 3) and XXt.shape == (6, 6)
    # (X'X)^+ X'y (d x d generalized inverse) gives the minimum-norm minimizer ...
    np.testing.assert_allclose(np.linalg.pinv(XtX) @ X.T @ y, ls.min_norm_solution(X, y), atol=1e-9)
    # ... while (XX')^+ (n x n) cannot even multiply X'y (length d)
    with pytest.raises(ValueError):
        np.linalg.pinv(XXt) @ (X.T @ y)
    # X X' enters only as X'(XX')^+ y
    np.testing.assert_allclose(X.T @ np.linalg.pinv(XXt) @ y, ls.min_norm_solution(X, y), atol=1e-9)


def test_symbolic_normal_equations():
    sym = ls.symbolic_normal_equations()
    t = sym.t
    assert sympy.simplify(sym.det - 5 * t**2) == 0
    n = sym.X.shape[0]
    residual = sym.gradient - (sym.XtX * sym.w - sym.Xty) / n
    assert residual.applyfunc(sympy.simplify) == sympy.zeros(2, 1)
    for t_value in (-1.5, 0.3, 2.0):
        X, y = ls.symbolic_example_numeric(t_value)
        det_numeric = np.linalg.det(X.T @ X)
        assert float(sym.det.subs(t, sympy.Rational(str(t_value)))) == pytest.approx(det_numeric)
        A, b = ls.symbolic_system_at(t_value)
        np.testing.assert_allclose(np.array(A, dtype=float), X.T @ X, rtol=1e-12)
        np.testing.assert_allclose(np.array(b, dtype=float).ravel(), X.T @ y, rtol=1e-12)
        det, sols = ls.symbolic_solutions(t_value)
        (point,) = list(sols)
        np.testing.assert_allclose(
            np.array(point, dtype=float), np.linalg.solve(X.T @ X, X.T @ y), rtol=1e-12
        )
        assert float(det) == pytest.approx(det_numeric)


def test_symbolic_rank_deficient_case_is_a_line_containing_min_norm():
    det, sols = ls.symbolic_solutions(0.0)
    assert det == 0
    (point,) = list(sols)
    w1, w2 = ls.symbolic_normal_equations().w
    assert point[1] == w2 and sympy.simplify(point[0] - (sympy.Rational(11, 14) - 2 * w2)) == 0
    X, y = ls.symbolic_example_numeric(0.0)
    w_star = ls.min_norm_solution(X, y)
    np.testing.assert_allclose(w_star, [11 / 70, 22 / 70], rtol=1e-12)
    assert float(point[0].subs(w2, sympy.Rational(22, 70))) == pytest.approx(w_star[0])


def test_examples_have_the_advertised_rank():
    expected = {"full": (6, 2, 2), "dup": (6, 2, 1), "collinear": (6, 3, 2), "wide": (2, 3, 2)}
    for name, (n, d, r) in expected.items():
        X, y = ls.example_data(name, seed=3)
        assert X.shape == (n, d) and y.shape == (n,) and ls.rank(X) == r
    X, _ = ls.example_data("collinear", seed=5)
    np.testing.assert_array_equal(X[:, 2], X[:, 0] + X[:, 1])
    assert ls.rank(ls.example_data("near", noise=0.0)[0]) == 1
    assert ls.rank(ls.example_data("near", noise=1e-3)[0]) == 2
    np.testing.assert_array_equal(
        ls.example_data("near", 1e-2, 7)[0], ls.example_data("near", 1e-2, 7)[0]
    )
    assert not np.array_equal(
        ls.example_data("full", seed=1)[0], ls.example_data("full", seed=2)[0]
    )


def test_check_data_accepts_a_column_y_and_returns_copies_as_float():
    X, y = ls.check_data([[1, 2], [3, 4]], [[5], [6]])
    assert X.dtype == np.float64 and X.shape == (2, 2)
    np.testing.assert_array_equal(y, [5.0, 6.0])
    X, y = ls.check_data([[1e6, -1e6]], [1e6])  # the bound itself is allowed
    assert ls.max_stable_lr(X) == pytest.approx(2 / np.linalg.norm(X) ** 2, rel=1e-12)


def test_latex_is_attached_once():
    assert ls.ridge_solution.latex in ls.ridge_solution.__doc__
    assert r"X^{+}" in ls.min_norm_solution.latex
    assert r"I - X^{+}X" in ls.solution_family.latex


# ---------------------------------------------------------------------------------------------
# 4. bad input
# ---------------------------------------------------------------------------------------------

X_OK, Y_OK = ls.example_data("full")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ls.rank([1.0, 2.0]), r"^X must be 2-D, got shape \(2,\)$"),
        (lambda: ls.rank([[1.0, np.nan]]), r"^X must contain only finite numbers"),
        (lambda: ls.rank(np.zeros((0, 2))), r"^X must not be empty"),
        (lambda: ls.rank([["a", "b"]]), r"^X must be numeric"),
        (lambda: ls.rank(X_OK, rtol=1.5), r"^rtol must be < 1.0, got 1.5$"),
        (lambda: ls.rank(X_OK, rtol=-1e-3), r"^rtol must be >= 0.0, got -0.001$"),
        (
            lambda: ls.min_norm_solution(X_OK, Y_OK[:4]),
            r"^y must have length 6 \(the number of rows of X\), got 4$",
        ),
        (lambda: ls.min_norm_solution(X_OK, np.ones((6, 2))), r"^y must be 1-D or a single column"),
        (lambda: ls.min_norm_solution(X_OK, [np.inf] * 6), r"^y must contain only finite"),
        (
            lambda: ls.solution_family(X_OK, Y_OK, [1.0, 2.0, 3.0]),
            r"^z must have length 2 \(the number of columns of X\), got 3$",
        ),
        (lambda: ls.ridge_solution(X_OK, Y_OK, 0.0), r"^lam must be > 0.0, got 0.0$"),
        (lambda: ls.ridge_solution(X_OK, Y_OK, -1.0), r"^lam must be > 0.0, got -1.0$"),
        (lambda: ls.ridge_path(X_OK, Y_OK, [1.0, 0.0]), r"^lams must be > 0, got 0.0$"),
        (lambda: ls.gradient_descent(X_OK, Y_OK, [0.0, 0.0], 0.0, 5), r"^lr must be > 0.0"),
        (lambda: ls.gradient_descent(X_OK, Y_OK, [0.0, 0.0], 0.1, -1), r"^steps must be >= 0"),
        (lambda: ls.gradient_descent(X_OK, Y_OK, [0.0, 0.0], 0.1, 2.5), r"^steps must be an int"),
        (
            lambda: ls.gradient_descent(X_OK, Y_OK, [0.0, 0.0], 0.1, 10**6),
            r"^steps must be <= 100000, got 1000000$",
        ),
        (
            lambda: ls.gradient_descent(X_OK, Y_OK, [0.0], 0.1, 5),
            r"^w0 must have length 2 \(the number of columns of X\), got 1$",
        ),
        (
            lambda: ls.normal_equations_solution(*ls.example_data("dup")),
            r"^X must have full column rank 2 to invert X\^T X, got rank 1$",
        ),
        (
            lambda: ls.loss_grid(*ls.example_data("collinear"), [0.0], [0.0]),
            r"^X must have 2 columns for a loss grid, got 3$",
        ),
        (lambda: ls.example_data("square"), r"^name must be one of full, dup, collinear"),
        (lambda: ls.example_data("near", noise=-0.1), r"^noise must be >= 0.0, got -0.1$"),
        (lambda: ls.example_data("near", seed=-1), r"^seed must be >= 0, got -1$"),
        (lambda: ls.check_data([[1.0, 2e6]], [1.0]), r"^\|X\| must be <= 1e\+06, got 2e\+06$"),
        (lambda: ls.check_data([[1.0, 2.0]], [-1e7]), r"^\|y\| must be <= 1e\+06, got 1e\+07$"),
        (lambda: ls.check_data([[1.0, 2.0]], [1.0, 2.0]), r"^y must have length 1"),
        (lambda: ls.symbolic_solutions(float("nan")), r"^t must be finite"),
        (lambda: ls.symbolic_solutions(11.0), r"^t must be <= 10.0, got 11.0$"),
    ],
)
def test_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_inputs_are_not_mutated():
    X, y = ls.example_data("collinear")
    X0, y0, w0 = X.copy(), y.copy(), np.ones(3)
    ls.gradient_descent(X, y, w0, 0.1, 5)
    ls.solution_family(X, y, w0)
    ls.ridge_solution(X, y, 1.0)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(y, y0)
    np.testing.assert_array_equal(w0, np.ones(3))


@pytest.mark.parametrize(
    ("max_abs", "message"),
    [
        (0.0, r"^max_abs must be > 0.0, got 0.0$"),
        (float("nan"), r"^max_abs must be finite, got nan$"),
        ("abc", r"^max_abs must be a number, got 'abc'$"),
    ],
)
def test_check_data_bad_max_abs(max_abs, message):
    with pytest.raises(ValueError, match=message):
        ls.check_data(X_OK, Y_OK, max_abs=max_abs)


def test_loss_of_huge_entries_has_no_overflow_in_between():
    # every squared residual is 1e308 (finite); their sum overflows, the mean does not
    X, y, w = np.full((4, 1), 1e154), np.zeros(4), np.ones(1)
    np.testing.assert_allclose(ls.loss(X, y, w), 0.5 * 1e154**2, rtol=1e-14)
    np.testing.assert_allclose(ls.residual_norm(X, y, w), 2e154, rtol=1e-14)
    # one residual 2**512: its square overflows, the mean over 6 rows is 2**1023 / 6
    X = np.zeros((6, 1))
    X[0, 0] = 2.0**512
    assert ls.loss(X, np.zeros(6), [1.0]) == 2.0**1023 / 6
    # scaling X and y by 2**k scales the loss by 4**k exactly
    X, y = ls.example_data("full")
    w = np.array([0.3, -1.2])
    for k in (400, 500):
        big = ls.loss(np.ldexp(X, k), np.ldexp(y, k), w)
        assert big == np.ldexp(ls.loss(X, y, w), 2 * k)
        assert ls.residual_norm(np.ldexp(X, k), np.ldexp(y, k), w) == np.ldexp(
            ls.residual_norm(X, y, w), k
        )
    # beyond the float range: inf, as documented (no NaN from inf - inf in X w)
    assert ls.loss([[1e200, 1e200]], [0.0], [1e200, 1e150]) == np.inf
    np.testing.assert_array_equal(ls.loss([[1e200]], [0.0], [[1.0], [0.0]]), [np.inf, 0.0])


def test_normal_equations_for_tiny_and_huge_x_equal_the_scaled_solution():
    X, y = ls.example_data("full")
    w = ls.normal_equations_solution(X, y)
    for k in (-540, -300, 300):  # X^T X would under/overflow; a power of two scales exactly
        np.testing.assert_array_equal(
            ls.normal_equations_solution(np.ldexp(X, k), y), np.ldexp(w, -k)
        )
    with pytest.raises(ValueError, match=r"^the solution w of the normal equations is beyond"):
        ls.normal_equations_solution([[1e-310]], [1e10])


def test_max_stable_lr_beyond_the_float_range_is_inf():
    assert ls.max_stable_lr([[1e-160]]) == np.inf  # 2e320: every float step is stable
    assert ls.max_stable_lr([[1e-150]]) == pytest.approx(2e300, rel=1e-12)


# ---------------------------------------------------------------------------------------------
# generalized inverses of X^T X (Homework P1): every one gives a minimizer, only A^+ the shortest
# ---------------------------------------------------------------------------------------------


def _deficient(n: int, d: int, r: int, seed: int):
    return _matrix(n, d, r, seed)


@SETTINGS
@given(
    st.integers(2, 6),
    st.integers(2, 5),
    st.integers(0, 2**31 - 1),
    st.floats(-3.0, 3.0),
)
def test_every_generalized_inverse_gives_a_minimizer_with_the_lstsq_residual(n, d, seed, scale):
    r = min(n, d) - 1  # rank deficient: r < d
    X, y = _deficient(n, d, r, seed)
    A = X.T @ X
    rng = np.random.default_rng(seed)
    Z, W = rng.normal(size=(d, d)), rng.normal(size=(d, d))
    G = gi.generalized_inverse(X, scale * Z, W)
    # oracle: A G A = A, and with Z = W = 0 it is numpy's pseudoinverse of A
    np.testing.assert_allclose(A @ G @ A, A, atol=1e-9 * max(1.0, np.abs(A).max()))
    np.testing.assert_allclose(
        gi.generalized_inverse(X, np.zeros((d, d))), np.linalg.pinv(A, hermitian=True), atol=1e-9
    )
    w_G = gi.minimizer_from_ginv(X, y, G)
    w_lstsq, *_ = np.linalg.lstsq(X, y, rcond=None)
    # a minimizer: it solves the normal equations and leaves lstsq's residual
    np.testing.assert_allclose(A @ w_G, X.T @ y, atol=1e-8)
    assert ls.residual_norm(X, y, w_G) == pytest.approx(np.linalg.norm(X @ w_lstsq - y), abs=1e-8)
    # W never matters (X^T y lies in the range of A); Z moves w along the null space only
    np.testing.assert_allclose(
        w_G, gi.minimizer_from_ginv(X, y, gi.generalized_inverse(X, scale * Z)), atol=1e-9
    )
    N = ls.null_space(X)
    np.testing.assert_allclose(w_G - w_lstsq, N @ (N.T @ (w_G - w_lstsq)), atol=1e-8)
    # Pythagoras: no minimizer is shorter than lstsq's X^+ y
    assert np.linalg.norm(w_G) >= np.linalg.norm(w_lstsq) - 1e-9


def test_two_generalized_inverses_two_minimizers_same_residual_on_the_duplicated_column():
    # X = [x, x]: X^T X = s [[1, 1], [1, 1]] with s = ||x||^2; lstsq splits c = x.y / s evenly
    X, y = ls.example_data("dup")
    x = X[:, 0]
    c = float(x @ y / (x @ x))
    A = X.T @ X
    G_mp = gi.generalized_inverse(X, np.zeros((2, 2)))
    G_block, cols = gi.block_generalized_inverse(X)
    assert cols == [0]
    np.testing.assert_allclose(G_block, [[1.0 / (x @ x), 0.0], [0.0, 0.0]], rtol=1e-14)
    for G in (G_mp, G_block):
        np.testing.assert_allclose(A @ G @ A, A, rtol=1e-12, atol=1e-12)
    assert np.abs(G_mp - G_block).max() > 0.01  # two different generalized inverses ...
    w_mp = gi.minimizer_from_ginv(X, y, G_mp)
    w_block = gi.minimizer_from_ginv(X, y, G_block)
    np.testing.assert_allclose(w_mp, [c / 2, c / 2], rtol=1e-12)
    np.testing.assert_allclose(w_block, [c, 0.0], rtol=1e-12, atol=1e-15)
    # ... two different minimizers with the same residual, norms in the ratio sqrt(2)
    assert ls.residual_norm(X, y, w_mp) == pytest.approx(ls.residual_norm(X, y, w_block), rel=1e-12)
    assert np.linalg.norm(w_block) / np.linalg.norm(w_mp) == pytest.approx(np.sqrt(2.0), rel=1e-12)
    # only the Moore–Penrose one gives lstsq's minimum-norm solution
    w_lstsq = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(w_mp, w_lstsq, atol=1e-12)
    assert np.abs(w_block - w_lstsq).max() > 0.1


@SETTINGS
@given(problems())
def test_block_generalized_inverse_is_a_generalized_inverse(prob):
    X, y, r = prob
    A = X.T @ X
    G, cols = gi.block_generalized_inverse(X)
    assert len(cols) == r and np.linalg.matrix_rank(X[:, cols]) == r
    np.testing.assert_allclose(A @ G @ A, A, atol=1e-8 * max(1.0, np.abs(A).max()))
    w_G = gi.minimizer_from_ginv(X, y, G)
    w_lstsq = np.linalg.lstsq(X, y, rcond=None)[0]
    assert ls.residual_norm(X, y, w_G) == pytest.approx(np.linalg.norm(X @ w_lstsq - y), abs=1e-8)
    others = np.setdiff1d(np.arange(X.shape[1]), cols)
    np.testing.assert_array_equal(w_G[others], 0.0)  # the dropped columns get weight 0


def test_full_column_rank_has_one_generalized_inverse():
    X, y = ls.example_data("full")
    A_inv = np.linalg.inv(X.T @ X)
    Z = np.arange(4.0).reshape(2, 2)
    np.testing.assert_allclose(gi.generalized_inverse(X, Z, -Z), A_inv, rtol=1e-12)
    np.testing.assert_allclose(gi.block_generalized_inverse(X)[0], A_inv, rtol=1e-12)


def test_block_generalized_inverse_with_rtol_zero_on_duplicate_columns():
    # regression (found by the fuzz): with rtol = 0 the rounding-level second singular value
    # counts, the block X_B^T X_B is singular in floating point and np.linalg.inv raised
    # LinAlgError. Such a block is now inverted through the SVD of X_B (finite); a
    # well-conditioned block is still scipy's inverse of X_B^T X_B.
    X = np.array([[0.83194322, 0.83194322], [-0.6459722, -0.6459722]])
    G, cols = gi.block_generalized_inverse(X, rtol=0.0)
    assert cols == list(range(ls.rank(X, rtol=0.0))) and np.all(np.isfinite(G))
    X_B = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]])
    X = np.c_[X_B, X_B[:, 0] + X_B[:, 1]]  # rank 2, third column dependent
    G, cols = gi.block_generalized_inverse(X)
    np.testing.assert_allclose(
        G[np.ix_(cols, cols)], scipy.linalg.inv(X[:, cols].T @ X[:, cols]), rtol=1e-10
    )


# ---------------------------------------------------------------------------------------------
# sensitivity: kappa^2 with a residual, kappa for an exact fit
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kappa", [1e2, 1e3, 1e4])
@pytest.mark.parametrize("residual", [0.0, 0.01, 1.0])
def test_sensitivity_matches_first_order_theory_and_lstsq(kappa, residual):
    X, y = sv.conditioned_example(kappa, residual)
    np.testing.assert_allclose(np.linalg.cond(X), kappa, rtol=1e-10)
    s = sv.sensitivity(X, y)
    assert s.kappa == pytest.approx(kappa, rel=1e-10)
    assert s.residual_ratio == pytest.approx(residual, rel=1e-8, abs=1e-12)  # rounding ~ kappa eps
    assert s.predicted_residual == pytest.approx(kappa**2 * residual, rel=1e-8, abs=1e-6)
    assert s.gain_fit == pytest.approx(kappa, rel=2e-3)
    # oracle: the same gains recomputed with numpy's lstsq on the perturbed matrices
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    for dX, gain in ((s.dX_fit, s.gain_fit), (s.dX_residual, s.gain_residual)):
        w_p = np.linalg.lstsq(X + dX, y, rcond=None)[0]
        rel_dX = np.linalg.norm(dX, 2) / np.linalg.norm(X, 2)
        oracle = np.linalg.norm(w_p - w) / np.linalg.norm(w) / rel_dX
        assert gain == pytest.approx(oracle, rel=1e-3, abs=1e-6 * kappa)
    if residual > 0:
        assert s.gain_residual == pytest.approx(kappa**2 * residual, rel=2e-3)
    else:
        assert s.gain_residual < 1e-3 * kappa  # no residual: the kappa^2 term is gone


def test_sensitivity_grows_like_kappa_squared_only_with_a_residual():
    kappas = [1e2, 1e3, 1e4]

    def worst(residual):
        gains = [sv.sensitivity(*sv.conditioned_example(k, residual)) for k in kappas]
        return np.array([max(g.gain_fit, g.gain_residual) for g in gains])

    with_residual, exact_fit = worst(0.1), worst(0.0)
    # slope of log(gain) against log(kappa): 2 with a residual, 1 for an exact fit
    assert np.polyfit(np.log10(kappas), np.log10(with_residual), 1)[0] == pytest.approx(2, abs=0.01)
    assert np.polyfit(np.log10(kappas), np.log10(exact_fit), 1)[0] == pytest.approx(1, abs=0.01)


@SETTINGS
@given(st.integers(3, 8), st.integers(0, 2**31 - 1), st.floats(0.0, 2.0))
def test_random_perturbations_stay_below_the_perturbation_bound(n, seed, noise):
    # ||dw||/||w|| <= eps (2 kappa / cos(theta) + kappa^2 tan(theta)) to first order
    X, y = _matrix(n, 2, 2, seed, s_low=0.05, s_high=3.0)
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    y = X @ w + noise * (y - X @ w)  # scale the residual
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    kappa = np.linalg.cond(X)
    sin_t = np.linalg.norm(y - X @ w) / np.linalg.norm(y)
    cos_t = np.sqrt(max(0.0, 1.0 - sin_t**2))
    bound = 2 * kappa / cos_t + kappa**2 * sin_t / cos_t
    rng = np.random.default_rng(seed)
    for _ in range(5):
        dX = rng.normal(size=X.shape)
        dX *= 1e-7 * np.linalg.norm(X, 2) / np.linalg.norm(dX, 2)
        assert sv.perturbation_gain(X, y, dX) <= bound * (1 + 1e-3)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: gi.generalized_inverse(X_OK, np.eye(3)),
            r"^Z must have shape \(2, 2\), got \(3, 3\)$",
        ),
        (lambda: gi.generalized_inverse(X_OK, np.eye(2), [[np.nan] * 2] * 2), r"^W must contain"),
        (
            lambda: gi.minimizer_from_ginv(X_OK, Y_OK, np.eye(3)),
            r"^G must have shape \(2, 2\), got \(3, 3\)$",
        ),
        (
            lambda: sv.sensitivity(*ls.example_data("dup")),
            r"^X must have full column rank 2 for a unique minimizer, got rank 1$",
        ),
        (
            lambda: sv.sensitivity(X_OK, np.zeros(6)),
            r"^the least-squares solution is w = 0, so its relative change is undefined$",
        ),
        (
            lambda: sv.perturbation_gain(X_OK, Y_OK, np.zeros((6, 2))),
            r"^dX must be nonzero, got the zero matrix$",
        ),
        (
            lambda: sv.perturbation_gain(X_OK, Y_OK, np.ones((2, 2))),
            r"^dX must have the shape of X \(6, 2\), got \(2, 2\)$",
        ),
        (lambda: sv.conditioned_example(0.5, 0.1), r"^kappa must be >= 1.0, got 0.5$"),
        (lambda: sv.conditioned_example(10.0, -1.0), r"^residual must be >= 0.0, got -1.0$"),
    ],
)
def test_generalized_inverse_and_sensitivity_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize("name", ["dup", "collinear", "wide"])
def test_compare_generalized_inverses_table(name):
    X, y = ls.example_data(name)
    rows = {row.name: row for row in gi.compare_generalized_inverses(X, y)}
    assert list(rows) == ["mp", "block", "family"]
    w_lstsq = np.linalg.lstsq(X, y, rcond=None)[0]
    res_lstsq = np.linalg.norm(X @ w_lstsq - y)
    for row in rows.values():
        assert row.defect < 1e-12
        assert row.residual == pytest.approx(res_lstsq, abs=1e-12)
        assert row.norm == pytest.approx(np.linalg.norm(row.w), rel=1e-15)
    np.testing.assert_allclose(rows["mp"].w, w_lstsq, atol=1e-12)
    # the other two are different minimizers, strictly longer than the minimum-norm one
    for other in ("block", "family"):
        assert rows[other].norm > rows["mp"].norm + 1e-3
        assert np.abs(rows[other].w - rows["mp"].w).max() > 1e-2
    assert len(rows["block"].columns) == ls.rank(X)
