"""Tests of core.second_order: Newton (damped), the Hessian diagnosis, L-BFGS and the cost table."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.optimize
from hypothesis import given, settings
from hypothesis import strategies as st

from core import optimizers as opt
from core import second_order as so


def random_spd(rng: np.random.Generator, d: int, kappa: float) -> np.ndarray:
    Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    return Q @ np.diag(np.geomspace(1.0, kappa, d)) @ Q.T


def quadratic_problem(A: np.ndarray, b: np.ndarray):
    """f(x) = ½xᵀAx − bᵀx: gradient Ax − b, Hessian A."""
    return (lambda x: A @ x - b), (lambda x: A)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), d=st.integers(1, 6), log_kappa=st.floats(0.0, 8.0))
def test_one_newton_step_on_an_spd_quadratic_is_solves_minimizer(seed, d, log_kappa):
    rng = np.random.default_rng(seed)
    A = random_spd(rng, d, 10.0**log_kappa)
    b = rng.standard_normal(d)
    grad, hess = quadratic_problem(A, b)
    x0 = rng.standard_normal(d)
    path = opt.run_optimizer("newton", grad, x0, 1, 1.0, hess=hess, damping=0.0)
    x_star = np.linalg.solve(A, b)
    np.testing.assert_allclose(path[1], x_star, rtol=1e-6, atol=1e-6 * np.linalg.norm(x_star))
    assert path.shape == (2, d) and np.array_equal(path[0], x0)


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    damping=st.floats(0.01, 100.0),
    lr=st.floats(0.05, 1.5),
)
def test_damped_step_matches_solve_with_shifted_matrix(seed, damping, lr):
    rng = np.random.default_rng(seed)
    H = rng.standard_normal((3, 3))
    H = H + H.T  # symmetric, usually indefinite
    g0 = rng.standard_normal(3)
    x0 = rng.standard_normal(3)
    path = opt.run_optimizer("newton", lambda x: g0, x0, 1, lr, hess=lambda x: H, damping=damping)
    expected = x0 - lr * np.linalg.solve(H + damping * np.eye(3), g0)
    if np.linalg.cond(H + damping * np.eye(3)) < 1e8:
        np.testing.assert_allclose(path[1], expected, rtol=1e-8, atol=1e-10)


def test_quadratic_page_function_is_solved_in_one_step_whatever_kappa():
    for kappa in (1.0, 10.0, 1e3, 1e6):
        fn = opt.quadratic(kappa, 0.7)
        path = opt.run_optimizer("newton", fn.grad, fn.start, 3, 1.0, hess=fn.hess)
        assert np.linalg.norm(path[1]) < 1e-9 * np.linalg.norm(fn.start)
        # gradient descent at its best fixed rate is still far away after one step
        gd = opt.run_optimizer("sgd", fn.grad, fn.start, 1, 2.0 / (1.0 + kappa))
        if kappa > 1:
            assert np.linalg.norm(gd[1]) > 1e-3


def test_undamped_newton_jumps_onto_the_saddle_damped_goes_downhill():
    fn = opt.saddle()
    plain = opt.run_optimizer("newton", fn.grad, fn.start, 1, 1.0, hess=fn.hess)
    np.testing.assert_allclose(plain[1], [0.0, 0.0], atol=1e-15)
    diag = so.diagnose(fn.hess(fn.start), fn.grad(fn.start))
    assert diag.kind == "indefinite" and diag.target == "saddle"
    # off the x axis the full step climbs: along y the model's stationary point is a maximum
    up = np.array([0.01, 1.0])
    assert so.diagnose(fn.hess(up), fn.grad(up)).descent is False
    climbed = opt.run_optimizer("newton", fn.grad, up, 1, 1.0, hess=fn.hess)
    assert fn.f(climbed[1]) > fn.f(up)
    lm = opt.run_optimizer("newton", fn.grad, fn.start, 8, 1.0, hess=fn.hess, damping=3.0)
    values = fn.f(lm)
    assert np.all(np.diff(values) < 0)  # every step goes downhill
    shifted = so.diagnose(fn.hess(fn.start), fn.grad(fn.start), damping=3.0)
    assert shifted.kind == "positive_definite" and shifted.descent is True
    np.testing.assert_allclose(shifted.eigenvalues, np.linalg.eigvalsh(np.diag([5.0, 1.0])))


def test_two_minima_between_the_inflections_newton_heads_to_the_saddle():
    fn = opt.two_minima()
    start = np.array([0.3, 0.5])
    plain = opt.run_optimizer("newton", fn.grad, start, 30, 1.0, hess=fn.hess)
    saddle_x = np.sort(np.roots([4.0, 0.0, -4.0, opt.TWO_MINIMA_TILT]).real)[1]
    np.testing.assert_allclose(plain[-1], [saddle_x, 0.0], atol=1e-10)
    damped = opt.run_optimizer("newton", fn.grad, start, 200, 1.0, hess=fn.hess, damping=5.0)
    dist = np.linalg.norm(fn.minima - damped[-1], axis=1)
    assert dist.min() < 1e-6


def test_singular_hessian_is_detected_and_explained():
    fn = opt.saddle()
    path = opt.run_optimizer("newton", fn.grad, fn.start, 5, 1.0, hess=fn.hess, damping=2.0)
    assert np.isnan(path[1:]).all()  # no step exists: the run stops
    assert opt.divergence_step(path) == 1  # the same rule as a divergence
    broken = so.newton_breakdown(path, fn.hess, damping=2.0)
    assert broken is not None and broken.step == 1 and broken.reason == "singular"
    np.testing.assert_allclose(broken.eigenvalues, [0.0, 4.0])
    assert so.diagnose(np.diag([2.0, -2.0]), damping=2.0).kind == "singular"
    # a finite, healthy run has no breakdown
    fine = opt.run_optimizer("newton", fn.grad, fn.start, 5, 1.0, hess=fn.hess, damping=3.0)
    assert so.newton_breakdown(fine, fn.hess, damping=3.0, limit=1e6) is None


def test_breakdown_reasons_for_growth_and_nan():
    grown = np.array([[0.0, 1.0], [0.0, 1e7]])
    out = so.newton_breakdown(grown, lambda z: np.eye(2))
    assert out is not None and (out.step, out.reason) == (1, "grew")
    nan = np.array([[0.0, 1.0], [np.nan, 1.0]])
    assert so.newton_breakdown(nan, lambda z: np.eye(2)).reason == "nan"
    inf = np.array([[0.0, 1.0], [np.inf, 1.0]])
    assert so.newton_breakdown(inf, lambda z: np.eye(2)).reason == "inf"


def test_diagnosis_against_numpy_eigenvalues():
    rng = np.random.default_rng(3)
    for _ in range(20):
        H = rng.standard_normal((4, 4))
        H = H + H.T
        lam = np.linalg.eigvalsh(H)
        diag = so.diagnose(H)
        np.testing.assert_allclose(diag.eigenvalues, lam, rtol=1e-12, atol=1e-12)
        expected = (
            "positive_definite"
            if lam[0] > 0
            else "negative_definite"
            if lam[-1] < 0
            else "indefinite"
        )
        assert diag.kind == expected
    assert so.diagnose(-np.eye(2)).target == "maximum"


def test_lbfgs_path_ends_at_scipys_minimizer_on_rosenbrock():
    fn = opt.rosenbrock()
    path = so.lbfgs_path(fn.f, fn.grad, [-1.2, 1.0], 200)
    oracle = scipy.optimize.minimize(
        scipy.optimize.rosen,
        [-1.2, 1.0],
        jac=scipy.optimize.rosen_der,
        method="L-BFGS-B",
        options={"maxiter": 200, "gtol": 1e-12, "ftol": 1e-15},
    )
    assert path.ndim == 2 and path.shape[1] == 2 and 2 < len(path) <= 201
    np.testing.assert_array_equal(path[0], [-1.2, 1.0])
    np.testing.assert_allclose(path[-1], oracle.x, atol=1e-6)
    np.testing.assert_allclose(path[-1], [1.0, 1.0], atol=1e-5)
    assert len(path) - 1 == oracle.nit


def test_lbfgs_path_respects_the_step_budget():
    fn = opt.rosenbrock()
    assert so.lbfgs_path(fn.f, fn.grad, [-1.2, 1.0], 0).shape == (1, 2)
    assert len(so.lbfgs_path(fn.f, fn.grad, [-1.2, 1.0], 5)) <= 6


def test_course_mlp_parameter_count_matches_torch():
    torch = pytest.importorskip("torch")
    nn = torch.nn
    sizes = so.COURSE_MLP
    layers: list = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:], strict=False)):
        layers.append(nn.Linear(a, b))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    plain = nn.Sequential(*layers)
    assert so.mlp_parameter_count(sizes) == sum(p.numel() for p in plain.parameters())
    # the notebook's final model: dropout after the first hidden layer, batch norm after the
    # second; its summary prints 75,914 trainable parameters
    final = nn.Sequential(
        nn.Linear(784, 64), nn.ReLU(), nn.Dropout(0.33),
        nn.Linear(64, 64), nn.ReLU(), nn.BatchNorm1d(64),
        nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
        nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10),
    )  # fmt: skip
    n_final = so.mlp_parameter_count(sizes, so.COURSE_MLP_BATCH_NORM)
    assert n_final == sum(p.numel() for p in final.parameters()) == 75_914


def test_cost_table_orders_and_hessian_size():
    N = so.mlp_parameter_count(so.COURSE_MLP)
    rows = {row.method: row for row in so.step_costs(N, m=10)}
    assert rows["sgd"].numbers == N and rows["newton"].numbers == N * N + N
    assert rows["sgd"].bytes < rows["adam"].bytes < rows["lbfgs"].bytes < rows["newton"].bytes
    assert rows["newton"].flops == pytest.approx(N**3 / 3)
    assert so.hessian_bytes(N) == 4 * N * N
    assert so.hessian_bytes(N, 8) == np.zeros((2, 2)).itemsize * N * N
    # doubling N: first order x2, Newton memory x4, time x8
    big = {row.method: row for row in so.step_costs(2 * N)}
    assert big["sgd"].flops / rows["sgd"].flops == pytest.approx(2)
    assert big["newton"].numbers / rows["newton"].numbers == pytest.approx(4, rel=1e-4)
    assert big["newton"].flops / rows["newton"].flops == pytest.approx(8)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: so.newton(hess=None), "hess must be callable"),
        (lambda: so.newton(hess=np.eye, damping=-1.0), "damping must be >= 0.0, got -1.0"),
        (
            lambda: opt.run_optimizer("newton", opt.saddle().grad, [0.0, 0.0], 1, 1.0),
            "missing hyperparameter 'hess' for newton",
        ),
        (
            lambda: opt.run_optimizer(
                "newton", opt.saddle().grad, [1.0, 1.0], 1, 1.0, hess=lambda z: np.eye(3)
            ),
            "hess must return a (2, 2) matrix, got shape (3, 3)",
        ),
        (lambda: so.diagnose(np.ones((2, 3))), "H must be square"),
        (lambda: so.mlp_parameter_count([784]), "sizes must list at least 2"),
        (lambda: so.mlp_parameter_count([4, 0, 1]), "layer width must be >= 1"),
        (lambda: so.step_costs(0), "N must be >= 1"),
        (lambda: so.lbfgs_path(None, None, [0.0], 1), "f and grad must be callable"),
        (lambda: so.newton_breakdown([1, 2], np.eye), "path must be a non-empty 2-D array"),
    ],
)
def test_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call()


@pytest.mark.parametrize("lr", [0.5, 1.9, 2.1])
def test_newton_error_shrinks_by_one_minus_eta_and_limit_is_two(lr):
    fn = opt.quadratic(100.0, 0.3)
    path = opt.run_optimizer("newton", fn.grad, fn.start, 20, lr, hess=fn.hess)
    closed = np.array([(1.0 - lr) ** t * fn.start for t in range(21)])  # θ_t = (1 − η)^t θ_0
    np.testing.assert_allclose(path, closed, rtol=1e-9, atol=1e-12)
    limit = opt.stable_lr_limit("newton", 100.0)
    assert limit == 2.0 and (np.linalg.norm(path[-1]) < np.linalg.norm(fn.start)) == (lr < limit)
