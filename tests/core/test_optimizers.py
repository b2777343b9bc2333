"""core.optimizers: torch.optim as the oracle, closed forms, course formulas, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.optimize
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from core import optimizers as opt
from core.optimizers import (
    OPTIMIZERS,
    divergence_step,
    gd_lr_limit,
    hyperparameters,
    optimal_momentum,
    quadratic,
    rosenbrock,
    run_optimizer,
    saddle,
    stable_lr_limit,
    two_minima,
    update_rule,
    update_sizes,
)

# Chaotic paths (two minima, Rosenbrock) amplify last-bit differences in the order of operations
# over 60 steps, so trajectories are compared to 1e-8 relative.
RTOL, ATOL = 1e-8, 1e-10

# ---------------------------------------------------------------------------------------------
# Oracle: drive torch.optim with exactly the same gradients.
# ---------------------------------------------------------------------------------------------


def torch_optimizer(
    name: str, param: torch.Tensor, lr: float, hyper: dict
) -> torch.optim.Optimizer:
    h = dict(hyper)
    if name == "sgd":
        return torch.optim.SGD([param], lr=lr, **h)
    if name == "momentum":
        h.setdefault("momentum", 0.9)
        return torch.optim.SGD([param], lr=lr, **h)
    if name == "nesterov":
        h.setdefault("momentum", 0.9)
        return torch.optim.SGD([param], lr=lr, nesterov=True, **h)
    if name == "adagrad":
        return torch.optim.Adagrad([param], lr=lr, **h)
    if name == "rmsprop":
        return torch.optim.RMSprop([param], lr=lr, **h)
    if name == "adam":
        return torch.optim.Adam([param], lr=lr, **h)
    if name == "adadelta":
        return torch.optim.Adadelta([param], lr=lr, **h)
    raise AssertionError(name)


def torch_path(name, grad, x0, steps, lr, *, sigma=0.0, seed=None, **hyper) -> np.ndarray:
    """Iterates of torch.optim fed ``grad`` (+ the same seeded noise run_optimizer draws)."""
    lrs = np.broadcast_to(np.asarray(lr, dtype=np.float64), (steps,))
    param = torch.tensor(np.asarray(x0, dtype=np.float64), requires_grad=True)
    optimizer = torch_optimizer(name, param, float(lrs[0]) if steps else 1.0, hyper)
    rng = np.random.default_rng(seed)
    path = [param.detach().numpy().copy()]
    for t in range(steps):
        g = np.asarray(grad(param.detach().numpy()), dtype=np.float64)
        if sigma > 0:
            g = g + sigma * rng.standard_normal(g.size)
        param.grad = torch.from_numpy(g.copy())
        optimizer.param_groups[0]["lr"] = float(lrs[t])
        optimizer.step()
        path.append(param.detach().numpy().copy())
    return np.array(path)


unit = st.floats(0.0, 0.99)
average = st.floats(0.5, 0.99)  # forgetting factors in the range people use
HYPER_STRATEGIES = {
    "sgd": st.fixed_dictionaries({"weight_decay": st.floats(0.0, 0.5)}),
    "momentum": st.fixed_dictionaries(
        {"momentum": unit, "dampening": st.floats(0.0, 1.0), "weight_decay": st.floats(0.0, 0.5)}
    ),
    "nesterov": st.fixed_dictionaries(
        {"momentum": st.floats(0.01, 0.99), "weight_decay": st.floats(0.0, 0.5)}
    ),
    "adagrad": st.fixed_dictionaries(
        {
            "lr_decay": st.floats(0.0, 0.5),
            "weight_decay": st.floats(0.0, 0.5),
            "initial_accumulator_value": st.floats(0.0, 1.0),
            "eps": st.floats(1e-10, 1e-3),
        }
    ),
    "rmsprop": st.fixed_dictionaries(
        {
            "alpha": average,
            "eps": st.floats(1e-8, 1e-3),
            "weight_decay": st.floats(0.0, 0.5),
            "momentum": unit,
            "centered": st.booleans(),
        }
    ),
    "adam": st.fixed_dictionaries(
        {
            "betas": st.tuples(unit, st.floats(0.5, 0.9999)),
            "eps": st.floats(1e-8, 1e-3),
            "weight_decay": st.floats(0.0, 0.5),
            "amsgrad": st.booleans(),
        }
    ),
    "adadelta": st.fixed_dictionaries(
        {"rho": average, "eps": st.floats(1e-8, 1e-3), "weight_decay": st.floats(0.0, 0.5)}
    ),
}
# Learning rates that keep each method on the function (a blown-up run would compare inf to inf).
LR_RANGE = {
    "sgd": (1e-3, 0.05),
    "momentum": (1e-3, 0.01),
    "nesterov": (1e-3, 0.01),
    "adagrad": (1e-3, 0.5),
    "rmsprop": (1e-3, 0.05),
    "adam": (1e-3, 0.1),
    "adadelta": (0.1, 1.0),
}


@pytest.mark.parametrize("name", list(OPTIMIZERS))
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_trajectory_equals_torch(name, data):
    hyper = data.draw(HYPER_STRATEGIES[name])
    lr = data.draw(st.floats(*LR_RANGE[name]))
    fn = data.draw(st.sampled_from([two_minima(), quadratic(5.0, 0.4), rosenbrock(1.0, 5.0)]))
    sigma = data.draw(st.sampled_from([0.0, 0.3]))
    x0 = fn.start * 0.5
    ours = run_optimizer(
        name, fn.grad, x0, 60, lr, sigma=sigma, rng=np.random.default_rng(7), **hyper
    )
    theirs = torch_path(name, fn.grad, x0, 60, lr, sigma=sigma, seed=7, **hyper)
    assert np.all(np.isfinite(ours))
    np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_defaults_equal_torch_defaults(name):
    fn = two_minima()
    ours = run_optimizer(name, fn.grad, fn.start, 40, 0.01)
    theirs = torch_path(name, fn.grad, fn.start, 40, 0.01)
    np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adagrad", "adam"])
def test_per_step_learning_rates_equal_torch_with_changing_lr(name):
    fn = quadratic(4.0, 0.2)
    lrs = 0.05 * 0.97 ** np.arange(50)
    ours = run_optimizer(name, fn.grad, fn.start, 50, lrs)
    theirs = torch_path(name, fn.grad, fn.start, 50, lrs)
    np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("name", ["sgd", "nesterov", "adagrad", "rmsprop", "adam"])
def test_per_coordinate_learning_rates_equal_torch_param_groups(name):
    """A 2-D lr (steps, d) acts like one torch parameter group per coordinate."""
    fn = rosenbrock(1.0, 5.0)
    steps = 40
    lrs = np.column_stack([0.02 * 0.95 ** np.arange(steps), np.full(steps, 0.005)])  # (40, 2)
    ours = run_optimizer(name, fn.grad, fn.start * 0.5, steps, lrs)
    params = [torch.tensor([v], dtype=torch.float64, requires_grad=True) for v in fn.start * 0.5]
    groups = [{"params": [q]} for q in params]
    kwargs = {"momentum": 0.9, "nesterov": True} if name == "nesterov" else {}
    cls = {
        "sgd": torch.optim.SGD,
        "nesterov": torch.optim.SGD,
        "adagrad": torch.optim.Adagrad,
        "rmsprop": torch.optim.RMSprop,
        "adam": torch.optim.Adam,
    }[name]
    optimizer = cls(groups, lr=1.0, **kwargs)
    theirs = [fn.start * 0.5]
    for t in range(steps):
        z = np.array([q.item() for q in params])
        g = fn.grad(z)
        for j, q in enumerate(params):
            q.grad = torch.tensor([g[j]], dtype=torch.float64)
            optimizer.param_groups[j]["lr"] = float(lrs[t, j])
        optimizer.step()
        theirs.append(np.array([q.item() for q in params]))
    np.testing.assert_allclose(ours, np.array(theirs), rtol=RTOL, atol=ATOL)


def test_torch_optimizer_defaults_match_our_signatures():
    """Our defaults are torch's (momentum 0.9 is ours: torch's SGD default is 0)."""
    p = [torch.zeros(1, requires_grad=True)]
    torch_defaults = {
        "adagrad": torch.optim.Adagrad(p).defaults,
        "rmsprop": torch.optim.RMSprop(p).defaults,
        "adam": torch.optim.Adam(p).defaults,
        "adadelta": torch.optim.Adadelta(p).defaults,
        "sgd": torch.optim.SGD(p, lr=0.1).defaults,
    }
    for name, defaults in torch_defaults.items():
        for key, value in hyperparameters(name).items():
            if key == "bias_correction":
                continue
            assert defaults[key] == (value if key != "betas" else tuple(value)), (name, key)


# ---------------------------------------------------------------------------------------------
# Closed forms and properties.
# ---------------------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    kappa=st.floats(1.0, 1000.0),
    theta=st.floats(-math.pi, math.pi),
    frac=st.floats(0.05, 0.95),
)
def test_gradient_descent_on_quadratic_is_matrix_power(kappa, theta, frac):
    fn = quadratic(kappa, theta)
    A = fn.hess(fn.start)
    lr = frac * 2.0 / kappa
    path = run_optimizer("sgd", fn.grad, fn.start, 30, lr)
    expected = np.linalg.matrix_power(np.eye(2) - lr * A, 30) @ fn.start
    np.testing.assert_allclose(path[-1], expected, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("kappa", [1.0, 10.0, 250.0])
def test_gd_diverges_exactly_above_two_over_lambda_max(kappa):
    fn = quadratic(kappa, 0.7)
    limit = gd_lr_limit(fn.hess(fn.start))
    assert limit == pytest.approx(2.0 / kappa, rel=1e-12)
    below = run_optimizer("sgd", fn.grad, fn.start, 600, 0.98 * limit)
    above = run_optimizer("sgd", fn.grad, fn.start, 600, 1.02 * limit)
    assert divergence_step(below, limit=1e3) is None
    assert np.linalg.norm(below[-1]) < np.linalg.norm(below[0])
    step = divergence_step(above, limit=1e3)
    # |1 - 1.02 * 2| = 1.04 per step along the steepest axis: about log(1e3 / |z0|) / log(1.04).
    assert step is not None and 100 < step < 250


def iteration_radius(name: str, lr: float, lam: float, mu: float) -> float:
    """Spectral radius of the linear recurrence of each method on f = lam x^2 / 2 (oracle)."""
    a = 1 - lr * lam
    if name == "sgd":
        M = np.array([[a]])
    elif name == "momentum":
        M = np.array([[1 + mu - lr * lam, -mu], [1.0, 0.0]])
    else:  # nesterov: x_{t+1} = a((1 + mu) x_t - mu x_{t-1})
        M = np.array([[a * (1 + mu), -a * mu], [1.0, 0.0]])
    return float(np.max(np.abs(np.linalg.eigvals(M))))


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(["sgd", "momentum", "nesterov"]),
    lam=st.floats(0.1, 1000.0),
    mu=st.floats(0.0, 0.99),
)
def test_stable_lr_limit_is_where_the_spectral_radius_reaches_one(name, lam, mu):
    limit = stable_lr_limit(name, lam, momentum=mu)
    assert iteration_radius(name, limit * (1 - 1e-6), lam, mu) < 1
    assert iteration_radius(name, limit * (1 + 1e-6), lam, mu) > 1


@pytest.mark.parametrize("name", ["momentum", "nesterov"])
def test_momentum_limits_on_the_quadratic(name):
    fn = quadratic(50.0, 0.3)
    limit = stable_lr_limit(name, 50.0, momentum=0.5)
    ok = run_optimizer(name, fn.grad, fn.start, 3000, 0.97 * limit, momentum=0.5)
    bad = run_optimizer(name, fn.grad, fn.start, 3000, 1.03 * limit, momentum=0.5)
    assert divergence_step(ok, limit=1e3) is None and np.linalg.norm(ok[-1]) < 1e-3
    assert divergence_step(bad, limit=1e3) is not None


def test_adaptive_methods_have_no_fixed_limit():
    assert stable_lr_limit("sgd", 10.0) == pytest.approx(0.2)
    assert stable_lr_limit("momentum", 10.0) == pytest.approx(0.38)  # default mu = 0.9
    for name in ("adagrad", "rmsprop", "adam", "adadelta"):
        assert stable_lr_limit(name, 10.0) is None


def test_divergence_stops_at_first_non_finite_iterate():
    fn = rosenbrock()
    path = run_optimizer("sgd", fn.grad, fn.start, 200, 0.1)
    k = divergence_step(path)
    assert k is not None and k < 20
    assert np.all(np.isnan(path[-1]))
    assert path.shape == (201, 2)


def test_update_sizes_are_step_lengths():
    fn = quadratic(10.0, 0.0)
    path = run_optimizer("momentum", fn.grad, fn.start, 20, 0.05)
    sizes = update_sizes(path)
    assert sizes.shape == (20,)
    np.testing.assert_allclose(
        sizes, [np.linalg.norm(b - a) for a, b in zip(path[:-1], path[1:], strict=True)]
    )


def heavy_ball_rate(lr, beta, lams):
    """Spectral radius of the heavy-ball iteration matrix, worst over the eigenvalues (oracle)."""
    return max(
        np.max(np.abs(np.linalg.eigvals(np.array([[1 + beta - lr * lam, -beta], [1.0, 0.0]]))))
        for lam in lams
    )


@pytest.mark.parametrize("kappa", [4.0, 100.0, 1000.0])
def test_optimal_momentum_minimizes_the_convergence_rate(kappa):
    eta, beta = optimal_momentum(1.0, kappa)
    assert beta == pytest.approx(((math.sqrt(kappa) - 1) / (math.sqrt(kappa) + 1)) ** 2)
    best = heavy_ball_rate(eta, beta, [1.0, kappa])
    assert best == pytest.approx(math.sqrt(beta), rel=1e-6)
    for lr_f in (0.8, 0.95, 1.05, 1.2):
        for b_f in (0.8, 0.95, 1.05):
            b = min(beta * b_f, 0.999)
            assert heavy_ball_rate(eta * lr_f, b, [1.0, kappa]) >= best - 1e-9
    # and the best plain GD rate (beta = 0, lr = 2 / (1 + kappa)) is (kappa - 1) / (kappa + 1)
    assert heavy_ball_rate(2 / (1 + kappa), 0.0, [1.0, kappa]) == pytest.approx(
        (kappa - 1) / (kappa + 1)
    )


def test_goh_numbers_kappa_100():
    """Distill 2017: for kappa = 100, beta* = (9/11)^2 and the error shrinks by 9/11 per step."""
    eta, beta = optimal_momentum(1.0, 100.0)
    assert beta == pytest.approx(0.669421487603, abs=1e-12)
    assert eta == pytest.approx(4 / 121, abs=1e-15)
    fn = quadratic(100.0, 0.3)
    path = run_optimizer("momentum", fn.grad, fn.start, 200, eta, momentum=beta)
    err = np.linalg.norm(path, axis=1)
    rate = (err[200] / err[100]) ** (1 / 100)
    assert rate == pytest.approx(9 / 11, rel=0.02)


@settings(max_examples=30, deadline=None)
@given(scale=st.floats(0.01, 100.0), name=st.sampled_from(["adam", "rmsprop", "adagrad"]))
def test_adaptive_methods_ignore_the_scale_of_f(scale, name):
    """Dividing by the RMS of the gradient makes the path (almost) invariant to f -> c f."""
    fn = two_minima()
    base = run_optimizer(name, fn.grad, fn.start, 40, 0.05, eps=1e-14)
    scaled = run_optimizer(name, lambda z: scale * fn.grad(z), fn.start, 40, 0.05, eps=1e-14)
    np.testing.assert_allclose(scaled, base, rtol=1e-8, atol=1e-10)


def test_adam_bias_correction_first_step():
    """Without the correction m1/sqrt(v1) = (1 - b1)/sqrt(1 - b2): 3.16x too large (course slide)."""
    g = np.array([3.0, -0.02])
    grad = lambda z: g  # noqa: E731
    lr = 0.01
    on = run_optimizer("adam", grad, np.zeros(2), 1, lr)
    off = run_optimizer("adam", grad, np.zeros(2), 1, lr, bias_correction=False)
    np.testing.assert_allclose(np.abs(on[1]), lr, rtol=1e-6)
    np.testing.assert_allclose(np.abs(off[1]), lr * 0.1 / math.sqrt(0.001), rtol=1e-4)
    assert 0.1 / math.sqrt(0.001) == pytest.approx(3.1623, abs=1e-4)
    # the extra size persists for many steps with a constant gradient (v converges slowly)
    off50 = update_sizes(run_optimizer("adam", grad, np.zeros(2), 50, lr, bias_correction=False))
    on50 = update_sizes(run_optimizer("adam", grad, np.zeros(2), 50, lr))
    assert np.all(off50 > 2.5 * on50)


def test_adam_update_has_no_extra_gradient_factor():
    """theta <- theta - lr m_hat / (sqrt(v_hat) + eps): a constant gradient moves lr per step,
    whatever its size; a rule with an extra factor g_t would move lr * g instead."""
    for g0 in (0.01, 1.0, 50.0):
        path = run_optimizer("adam", lambda z, g0=g0: np.array([g0, g0]), np.zeros(2), 10, 0.1)
        np.testing.assert_allclose(update_sizes(path) / math.sqrt(2), 0.1, rtol=1e-5)


def test_adagrad_accumulates_squared_gradients():
    """With a constant gradient (a linear f, whose Hessian is 0) the steps are lr/sqrt(t):
    the accumulator is the sum of g^2, not of second derivatives."""
    g = np.array([2.0, 0.5])
    path = run_optimizer("adagrad", lambda z: g, np.zeros(2), 25, 0.3)
    steps = np.abs(np.diff(path, axis=0))
    t = np.arange(1, 26)[:, None]
    np.testing.assert_allclose(steps, 0.3 / np.sqrt(t) * np.ones((1, 2)), rtol=1e-8)


def test_adadelta_first_step_is_sqrt_eps_scaled():
    g = np.array([1.0, -4.0])
    path = run_optimizer("adadelta", lambda z: g, np.zeros(2), 1, 1.0)
    expected = -math.sqrt(1e-6) / np.sqrt(0.1 * g * g + 1e-6) * g
    np.testing.assert_allclose(path[1], expected, rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# The course's formulas (optimization slides) give the same iterates.
# ---------------------------------------------------------------------------------------------


def test_course_momentum_form_gives_the_same_iterates():
    """v <- rho v - alpha grad f(x), x <- x + v."""
    fn = rosenbrock()
    rho, alpha = 0.9, 1e-4
    x, v, course = fn.start.copy(), np.zeros(2), [fn.start.copy()]
    for _ in range(100):
        v = rho * v - alpha * fn.grad(x)
        x = x + v
        course.append(x.copy())
    ours = run_optimizer("momentum", fn.grad, fn.start, 100, alpha, momentum=rho)
    np.testing.assert_allclose(ours, course, rtol=1e-10, atol=1e-13)


def test_rho_is_the_velocity_kept_not_the_friction():
    """Momentum slides: rho near 1 means little friction. Once the gradient vanishes, each step
    is rho times the previous one (0.9^10 = 0.35, 0.99^10 = 0.90 after 10 steps), and on a
    constant slope the step settles at lr * |g| / (1 - rho): 10x and 100x plain GD."""
    for rho, kept, gain in ((0.9, 0.35, 10), (0.99, 0.90, 100)):
        # slope -1 for x < 0.5, flat afterwards: the velocity coasts once x passes 0.5
        path = run_optimizer(
            "momentum", lambda z: np.array([-1.0 if z[0] < 0.5 else 0.0]), [0.0], 40, 0.1,
            momentum=rho,
        )  # fmt: skip
        sizes = update_sizes(path)
        k = int(np.flatnonzero(path[:, 0] >= 0.5)[0])  # first iterate on the flat part
        np.testing.assert_allclose(sizes[k + 1 : k + 11] / sizes[k : k + 10], rho, rtol=1e-12)
        assert round(sizes[k + 10] / sizes[k], 2) == kept
        const = run_optimizer("momentum", lambda z: np.array([1.0]), [0.0], 3000, 0.01,
                              momentum=rho)  # fmt: skip
        assert update_sizes(const)[-1] / 0.01 == pytest.approx(gain, rel=1e-6)


def test_adadelta_does_not_lower_its_rate_monotonically():
    """Optimization slides: Adadelta was designed to avoid AdaGrad's ever-shrinking steps. On a
    constant gradient AdaGrad's steps fall from 1 to 0.1 in 100 steps (lr = 1), while Adadelta's
    grow, from about 0.0032 to 0.0047 (rho = 0.9, eps = 1e-6, lr = 1)."""
    g = lambda z: np.array([1.0])  # noqa: E731
    adagrad_sizes = update_sizes(run_optimizer("adagrad", g, [0.0], 100, 1.0))
    assert np.all(np.diff(adagrad_sizes) < 0)
    assert round(adagrad_sizes[0], 4) == 1.0 and round(adagrad_sizes[99], 4) == 0.1
    adadelta_sizes = update_sizes(run_optimizer("adadelta", g, [0.0], 100, 1.0, rho=0.9))
    assert np.all(np.diff(adadelta_sizes) > 0)
    assert round(adadelta_sizes[0], 4) == 0.0032 and round(adadelta_sizes[99], 4) == 0.0047
    # the effective rate (step / gradient) rises while the gradient is small and falls when
    # the gradient jumps up: it adapts both ways
    g_jump = lambda z: np.array([0.01 if z[0] > -0.05 else 1.0])  # noqa: E731
    path = run_optimizer("adadelta", g_jump, [0.0], 100, 1.0, rho=0.9)
    grads = np.array([g_jump(z)[0] for z in path[:-1]])
    rate = update_sizes(path) / grads  # effective learning rate of each step
    assert np.any(np.diff(rate) > 0) and np.any(np.diff(rate) < 0)


def test_sgd_noise_may_or_may_not_escape_a_local_minimum():
    """Metrics slides: "SGD avoids local minima" needs nuance. On the tilted double well, from
    the default start with lr = 0.1, plain GD ends in the shallow (local) minimum; with gradient
    noise sigma = 1 some seeds end in the deep one and others do not."""
    fn = two_minima()
    gd = run_optimizer("sgd", fn.grad, fn.start, 100, 0.1)
    assert np.linalg.norm(gd[-1] - fn.minima[1]) < 1e-6  # the local minimum
    ends = []
    for seed in range(20):
        path = run_optimizer(
            "sgd", fn.grad, fn.start, 100, 0.1, sigma=1.0, rng=np.random.default_rng(seed)
        )
        ends.append(int(np.argmin(np.linalg.norm(fn.minima - path[-1], axis=1))))
    assert 0 in ends and 1 in ends


def test_course_nesterov_form_gives_the_look_ahead_point():
    """Course: v <- rho v - alpha grad f(x + rho v), x <- x + v. torch's iterate is the look-ahead
    point x_hat = x + rho v, which follows the course's boxed rewrite."""
    fn = two_minima()
    rho, alpha = 0.8, 0.02
    x, v, x_hat = fn.start.copy(), np.zeros(2), [fn.start.copy()]
    for _ in range(80):
        v = rho * v - alpha * fn.grad(x + rho * v)
        x = x + v
        x_hat.append(x + rho * v)
    ours = run_optimizer("nesterov", fn.grad, fn.start, 80, alpha, momentum=rho)
    np.testing.assert_allclose(ours, x_hat, rtol=1e-10, atol=1e-13)


def test_every_optimizer_has_its_rule_in_the_docstring():
    for name, factory in OPTIMIZERS.items():
        latex = update_rule(name)
        assert latex in factory.__doc__
        assert r"\theta_t" in latex
    assert "g_t" not in update_rule("adam").split(r"\theta_t")[-1]


# ---------------------------------------------------------------------------------------------
# Test functions.
# ---------------------------------------------------------------------------------------------

ALL_FUNCTIONS = [quadratic(30.0, 0.5), saddle(), rosenbrock(), rosenbrock(2.0, 10.0), two_minima()]


@pytest.mark.parametrize("fn", ALL_FUNCTIONS, ids=lambda f: f.name)
@settings(max_examples=25, deadline=None)
@given(x=st.floats(-2, 2), y=st.floats(-2, 2))
def test_gradient_and_hessian_match_finite_differences(fn, x, y):
    z = np.array([x, y])
    num_grad = scipy.optimize.approx_fprime(z, lambda w: float(fn.f(w)), 1e-7)
    np.testing.assert_allclose(fn.grad(z), num_grad, rtol=1e-4, atol=1e-4)
    h = 1e-6
    num_hess = np.column_stack(
        [(fn.grad(z + h * e) - fn.grad(z - h * e)) / (2 * h) for e in np.eye(2)]
    )
    np.testing.assert_allclose(fn.hess(z), num_hess, rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize("fn", ALL_FUNCTIONS, ids=lambda f: f.name)
def test_functions_are_vectorized_over_grids(fn):
    X, Y = np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-1, 3, 5))
    Z = np.stack([X, Y], axis=-1)  # (5, 7, 2)
    F, G = fn.f(Z), fn.grad(Z)
    assert F.shape == (5, 7) and G.shape == (5, 7, 2)
    i, j = 3, 4
    assert F[i, j] == pytest.approx(float(fn.f(Z[i, j])))
    np.testing.assert_allclose(G[i, j], fn.grad(Z[i, j]))


def test_rosenbrock_equals_scipy():
    fn = rosenbrock()
    for z in np.random.default_rng(0).uniform(-2, 2, size=(10, 2)):
        assert fn.f(z) == pytest.approx(scipy.optimize.rosen(z), rel=1e-13)
        np.testing.assert_allclose(fn.grad(z), scipy.optimize.rosen_der(z), rtol=1e-12)
        np.testing.assert_allclose(fn.hess(z), scipy.optimize.rosen_hess(z), rtol=1e-12)
    np.testing.assert_allclose(fn.minima, [[1.0, 1.0]])


def test_two_minima_minima_equal_scipy_minimize():
    fn = two_minima()
    for start, expected in ((fn.start, fn.minima[1]), (-fn.start, fn.minima[0])):
        res = scipy.optimize.minimize(lambda z: float(fn.f(z)), start, jac=fn.grad, tol=1e-12)
        np.testing.assert_allclose(res.x, expected, atol=1e-6)
    assert fn.f_star == pytest.approx(float(fn.f(fn.minima[0])))
    assert fn.f(fn.minima[1]) > fn.f_star + 0.5  # a shallow local minimum
    for m in fn.minima:
        assert np.all(np.linalg.eigvalsh(fn.hess(m)) > 0)


def test_quadratic_eigen_structure():
    fn = quadratic(50.0, math.pi / 6)
    lam, Q = np.linalg.eigh(fn.hess(np.zeros(2)))
    np.testing.assert_allclose(lam, [1.0, 50.0])
    steep = Q[:, 1] * np.sign(Q[1, 1])
    np.testing.assert_allclose(steep, [-math.sin(math.pi / 6), math.cos(math.pi / 6)], atol=1e-12)


def test_saddle_gd_escapes_only_when_perturbed():
    fn = saddle()
    on_axis = run_optimizer("sgd", fn.grad, [-1.8, 0.0], 100, 0.1)
    assert np.all(on_axis[:, 1] == 0) and abs(on_axis[-1, 0]) < 1e-6  # stuck at the saddle
    noisy = run_optimizer(
        "sgd", fn.grad, [-1.8, 0.0], 100, 0.1, sigma=0.01, rng=np.random.default_rng(1)
    )
    assert abs(noisy[-1, 1]) > 2.0  # noise breaks the symmetry, then y grows by 1.2 per step


def test_noise_is_reproducible_with_the_seed():
    fn = quadratic(10.0, 0.0)
    a = run_optimizer("adam", fn.grad, fn.start, 30, 0.1, sigma=1.0, rng=np.random.default_rng(3))
    b = run_optimizer("adam", fn.grad, fn.start, 30, 0.1, sigma=1.0, rng=np.random.default_rng(3))
    c = run_optimizer("adam", fn.grad, fn.start, 30, 0.1, sigma=1.0, rng=np.random.default_rng(4))
    np.testing.assert_array_equal(a, b)
    assert not np.allclose(a, c)


def test_centered_rmsprop_equals_torch_on_a_normal_case():
    fn = quadratic(5.0, 0.4)
    x0 = fn.start * 0.5
    hyper = {"alpha": 0.9, "eps": 1e-8, "momentum": 0.5, "centered": True}
    ours = run_optimizer(
        "rmsprop", fn.grad, x0, 60, 0.01, sigma=0.3, rng=np.random.default_rng(7), **hyper
    )
    theirs = torch_path("rmsprop", fn.grad, x0, 60, 0.01, sigma=0.3, seed=7, **hyper)
    assert np.all(np.isfinite(theirs))  # the clamp at 0 never acts here
    np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize(
    ("g", "alpha", "torch_nan"),
    [([0.3, -0.7, 2.0], 1e-15, True), ([1.0, 0.3, 7.0], 0.1, False)],
)
def test_centered_rmsprop_clamps_the_round_off(g, alpha, torch_nan):
    """A constant gradient: s - g_avg^2 = g^2 (1 - alpha^t) alpha^t >= 0 exactly, but rounding
    can make it negative; sqrt then gives NaN (torch's RMSprop too, first case; before the
    guard, core in the second). Core clamps it at 0: the documented guard."""
    g = np.array(g)
    lr, eps, steps = 1e-3, 1.0, 20
    hyper = {"alpha": alpha, "eps": eps, "centered": True}
    theirs = torch_path("rmsprop", lambda x: g, np.zeros(3), steps, lr, **hyper)
    assert np.isnan(theirs).any() == torch_nan
    ours = run_optimizer("rmsprop", lambda x: g, np.zeros(3), steps, lr, **hyper)
    assert np.all(np.isfinite(ours))
    # exact arithmetic; the round-off in the variance (~1e-16 g^2) moves sqrt by ~1e-8 |g|
    a_t = alpha ** np.arange(1, steps + 1)[:, None]
    expected = -lr * g / (np.sqrt(g * g * (1 - a_t) * a_t) + eps)
    np.testing.assert_allclose(np.diff(ours, axis=0), expected, rtol=1e-6)


def test_empty_schedule_for_zero_steps():
    for lr in (np.array([]), np.empty((0, 2)), []):
        path = run_optimizer("adam", G, [1.0, 2.0], 0, lr)
        np.testing.assert_array_equal(path, [[1.0, 2.0]])


# ---------------------------------------------------------------------------------------------
# Bad input.
# ---------------------------------------------------------------------------------------------

G = quadratic().grad


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: run_optimizer("lion", G, [0, 0], 5, 0.1),
            r"unknown optimizer 'lion'; expected one of sgd, momentum",
        ),
        (
            lambda: run_optimizer("sgd", G, [0, 0], 5, 0.1, momentum=0.9),
            r"unknown hyperparameter 'momentum' for sgd",
        ),
        (lambda: run_optimizer("sgd", G, [0, 0], 5, 0.0), r"lr must be > 0.0, got 0.0"),
        (lambda: run_optimizer("sgd", G, [0, 0], 5, -1), r"lr must be > 0.0, got -1"),
        (
            lambda: run_optimizer("sgd", G, [0, 0], 3, [0.1, 0.1]),
            r"lr must be a number or have shape \(3,\) or \(3, 2\), got shape \(2,\)",
        ),
        (lambda: run_optimizer("sgd", G, [0, 0], -1, 0.1), r"steps must be >= 0, got -1"),
        (lambda: run_optimizer("sgd", G, [0, 0], 2.5, 0.1), r"steps must be an integer, got 2.5"),
        (
            lambda: run_optimizer("sgd", G, [0, np.nan], 5, 0.1),
            r"x0 must contain only finite numbers",
        ),
        (lambda: run_optimizer("sgd", G, [[0, 0]], 5, 0.1), r"x0 must be 1-D, got shape \(1, 2\)"),
        (
            lambda: run_optimizer("sgd", G, [0, 0], 5, 0.1, sigma=0.5),
            r"rng must be a numpy.random.Generator when sigma > 0",
        ),
        (
            lambda: run_optimizer("sgd", G, [0, 0], 5, 0.1, sigma=-1.0),
            r"sigma must be >= 0.0, got -1.0",
        ),
        (
            lambda: run_optimizer("nesterov", G, [0, 0], 5, 0.1, momentum=0.0),
            r"momentum must be > 0.0, got 0.0",
        ),
        (
            lambda: run_optimizer("momentum", G, [0, 0], 5, 0.1, momentum=1.0),
            r"momentum must be < 1.0, got 1.0",
        ),
        (lambda: run_optimizer("adam", G, [0, 0], 5, 0.1, betas=(0.9,)), r"betas must be a pair"),
        (
            lambda: run_optimizer("adam", G, [0, 0], 5, 0.1, betas=(0.9, 1.0)),
            r"beta2 must be < 1.0, got 1.0",
        ),
        (
            lambda: run_optimizer("adam", G, [0, 0], 5, 0.1, bias_correction="yes"),
            r"bias_correction must be True or False, got 'yes'",
        ),
        (
            lambda: run_optimizer("rmsprop", G, [0, 0], 5, 0.1, eps=0.0),
            r"eps must be > 0.0, got 0.0",
        ),
        (
            lambda: run_optimizer("adadelta", G, [0, 0], 5, 1.0, rho=1.5),
            r"rho must be <= 1.0, got 1.5",
        ),
        (
            lambda: run_optimizer("adagrad", G, [0, 0], 5, 0.1, lr_decay=-0.1),
            r"lr_decay must be >= 0.0, got -0.1",
        ),
        (lambda: run_optimizer("sgd", "grad", [0, 0], 5, 0.1), r"grad must be callable"),
        (lambda: quadratic(kappa=0.5), r"kappa must be >= 1.0, got 0.5"),
        (lambda: rosenbrock(b=0), r"b must be > 0.0, got 0"),
        (lambda: optimal_momentum(2.0, 1.0), r"lam_max must be >= 2.0, got 1.0"),
        (lambda: gd_lr_limit(np.ones((2, 3))), r"H must be square, got shape \(2, 3\)"),
        (
            lambda: quadratic().f(np.zeros(3)),
            r"points must have shape \(\.\.\., 2\), got shape \(3,\)",
        ),
        (lambda: divergence_step(np.zeros(3)), r"path must be 2-D, got shape \(3,\)"),
        (lambda: divergence_step("abc"), r"path must be a 2-D array of numbers, got 'abc'"),
        (lambda: update_sizes([[1.0, None]]), r"path must be a 2-D array of numbers"),
        (lambda: update_rule(["adam"]), r"unknown optimizer \['adam'\]"),
        (
            lambda: run_optimizer("sgd", G, [0, 0], 0, np.ones(1)),
            r"lr must be a number or have shape \(0,\) or \(0, 2\), got shape \(1,\)",
        ),
        (lambda: update_rule("lbfgs"), r"unknown optimizer 'lbfgs'"),
        (lambda: stable_lr_limit("sgd", 0.0), r"lam_max must be > 0.0, got 0.0"),
        (
            lambda: stable_lr_limit("momentum", 1.0, momentum=1.0),
            r"momentum must be < 1.0, got 1.0",
        ),
    ],
)
def test_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_module_does_not_import_torch_or_streamlit():
    src = open(opt.__file__).read()
    assert "import torch" not in src and "streamlit" not in src
