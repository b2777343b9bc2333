"""core.schedules: torch.optim.lr_scheduler as the oracle, properties, course formulas, bad input."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import scipy.linalg
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.optim import lr_scheduler as L

from core.optimizers import quadratic, run_optimizer
from core.schedules import (
    SCHEDULE_LATEX,
    SCHEDULE_PARAMS,
    SCHEDULES,
    lr_schedule,
    run_schedule,
    sgd_noise_floor,
)


def torch_lrs(name: str, lr0: float, epochs: int, warmup_epochs: int = 0, **params) -> np.ndarray:
    """The lr of a torch optimizer during each epoch, the scheduler stepped after each epoch."""
    p = {**SCHEDULE_PARAMS[name], **params}
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr0)
    makers = {
        "none": lambda o: L.LambdaLR(o, lambda t: 1.0),
        "step": lambda o: L.StepLR(o, step_size=p["step_size"], gamma=p["gamma"]),
        "exponential": lambda o: L.ExponentialLR(o, gamma=p["gamma"]),
        "inverse_time": lambda o: L.LambdaLR(o, lambda t: 1.0 / (1.0 + p["k"] * t)),
        "cosine": lambda o: L.CosineAnnealingLR(
            o, T_max=p["T_max"] or epochs - warmup_epochs, eta_min=p["eta_min"]
        ),
        "cosine_restarts": lambda o: L.CosineAnnealingWarmRestarts(
            o, T_0=p["T_0"], T_mult=p["T_mult"], eta_min=p["eta_min"]
        ),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SequentialLR's deprecation chatter
        if warmup_epochs:
            warm = L.LinearLR(
                optimizer, start_factor=1 / (warmup_epochs + 1), total_iters=warmup_epochs
            )
            scheduler = L.SequentialLR(
                optimizer, [warm, makers[name](optimizer)], milestones=[warmup_epochs]
            )
        else:
            scheduler = makers[name](optimizer)
        out = []
        for _ in range(epochs):
            out.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            scheduler.step()
    return np.array(out)


PARAM_STRATEGIES = {
    "none": st.fixed_dictionaries({}),
    "step": st.fixed_dictionaries({"step_size": st.integers(1, 15), "gamma": st.floats(0.05, 1.0)}),
    "exponential": st.fixed_dictionaries({"gamma": st.floats(0.5, 1.0)}),
    "inverse_time": st.fixed_dictionaries({"k": st.floats(0.0, 2.0)}),
    "cosine": st.fixed_dictionaries({"T_max": st.integers(1, 60), "eta_min": st.floats(0.0, 1e-3)}),
    "cosine_restarts": st.fixed_dictionaries(
        {"T_0": st.integers(1, 12), "T_mult": st.integers(1, 3), "eta_min": st.floats(0.0, 1e-3)}
    ),
}


@pytest.mark.parametrize("name", SCHEDULES)
@settings(max_examples=15, deadline=None)
@given(
    data=st.data(),
    lr0=st.floats(1e-3, 1.0),
    epochs=st.integers(1, 80),
    warmup=st.integers(0, 10),
)
def test_schedule_equals_torch(name, data, lr0, epochs, warmup):
    params = data.draw(PARAM_STRATEGIES[name])
    warmup = min(warmup, epochs - 1)
    ours = lr_schedule(name, lr0, epochs, warmup_epochs=warmup, **params)
    theirs = torch_lrs(name, lr0, epochs, warmup, **params)
    assert ours.shape == (epochs,)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", SCHEDULES)
def test_defaults_equal_torch(name):
    np.testing.assert_allclose(lr_schedule(name, 0.1, 50), torch_lrs(name, 0.1, 50), rtol=1e-12)


def test_cosine_beyond_t_max_follows_torch():
    """Past T_max torch's cosine climbs back up (period 2 T_max); so does ours."""
    ours = lr_schedule("cosine", 0.5, 40, T_max=10, eta_min=0.05)
    np.testing.assert_allclose(
        ours, torch_lrs("cosine", 0.5, 40, T_max=10, eta_min=0.05), rtol=1e-12
    )
    assert ours[10] == pytest.approx(0.05) and ours[20] == pytest.approx(0.5)


# ---------------------------------------------------------------------------------------------
# Properties.
# ---------------------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    name=st.sampled_from(["step", "exponential", "inverse_time", "cosine"]),
    lr0=st.floats(1e-4, 10.0),
    epochs=st.integers(2, 100),
)
def test_decaying_schedules_never_increase_and_stay_in_range(name, lr0, epochs):
    lrs = lr_schedule(name, lr0, epochs)
    assert lrs[0] == lr0
    assert np.all(np.diff(lrs) <= 1e-15 * lr0)
    assert np.all(lrs > 0) or name == "cosine"
    assert np.all(lrs <= lr0)


@settings(max_examples=30, deadline=None)
@given(T_0=st.integers(1, 10), T_mult=st.integers(1, 3), eta_min=st.floats(0.0, 0.01))
def test_warm_restarts_jump_back_to_lr0_at_each_cycle_start(T_0, T_mult, eta_min):
    lrs = lr_schedule("cosine_restarts", 0.1, 120, T_0=T_0, T_mult=T_mult, eta_min=eta_min)
    starts, start, length = [], 0, T_0
    while start < 120:
        starts.append(start)
        start, length = start + length, length * T_mult
    np.testing.assert_allclose(lrs[starts], 0.1)
    others = np.setdiff1d(np.arange(120), starts)
    assert np.all(lrs[others] < 0.1) and np.all(lrs >= eta_min - 1e-15)


@settings(max_examples=30, deadline=None)
@given(name=st.sampled_from(SCHEDULES), W=st.integers(1, 20), extra=st.integers(1, 40))
def test_warmup_climbs_linearly_then_runs_the_schedule_from_its_start(name, W, extra):
    epochs = W + extra
    lrs = lr_schedule(name, 0.2, epochs, warmup_epochs=W)
    np.testing.assert_allclose(lrs[:W], 0.2 * np.arange(1, W + 1) / (W + 1))
    np.testing.assert_allclose(lrs[W:], lr_schedule(name, 0.2, extra))


# ---------------------------------------------------------------------------------------------
# The course's formulas (optimization slides: "halve it", alpha0 e^{-kt}, alpha0 / (1 + kt)).
# ---------------------------------------------------------------------------------------------


def test_course_exponential_decay_is_gamma_equal_e_to_minus_k():
    k = 0.05
    t = np.arange(30)
    np.testing.assert_allclose(
        lr_schedule("exponential", 0.1, 30, gamma=math.exp(-k)), 0.1 * np.exp(-k * t), rtol=1e-12
    )


def test_course_one_over_t_decay():
    t = np.arange(30)
    np.testing.assert_allclose(lr_schedule("inverse_time", 0.1, 30, k=0.5), 0.1 / (1 + 0.5 * t))


def test_course_step_decay_halving():
    lrs = lr_schedule("step", 0.1, 30, step_size=10, gamma=0.5)
    np.testing.assert_allclose(lrs, np.repeat([0.1, 0.05, 0.025], 10))


def test_every_schedule_has_latex():
    assert set(SCHEDULE_LATEX) == set(SCHEDULES)


# ---------------------------------------------------------------------------------------------
# The effect on a noisy quadratic.
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kappa", "theta", "lr"), [(1.0, 0.0, 0.3), (10.0, 0.6, 0.05), (4.0, 1.0, 0.4)]
)
def test_noise_floor_equals_the_lyapunov_solution(kappa, theta, lr):
    """Oracle: the stationary covariance P = M P M^T + lr^2 sigma^2 I (M = I - lr A) and E f = tr(A P)/2."""
    fn = quadratic(kappa, theta)
    A = fn.hess(np.zeros(2))
    sigma = 0.7
    M = np.eye(2) - lr * A
    P = scipy.linalg.solve_discrete_lyapunov(M, lr**2 * sigma**2 * np.eye(2))
    assert sgd_noise_floor(lr, [1.0, kappa], sigma) == pytest.approx(
        0.5 * np.trace(A @ P), rel=1e-10
    )


def test_noise_floor_matches_monte_carlo():
    fn = quadratic(10.0, 0.4)
    lr, sigma = 0.05, 1.0
    paths = run_schedule(
        np.full(40, lr),
        fn,
        fn.start,
        steps_per_epoch=10,
        sigma=sigma,
        n_runs=400,
        rng=np.random.default_rng(0),
    )
    late = fn.f(paths[:, 200:])  # (400, 201): well after the transient (rate 0.95 per step)
    floor = sgd_noise_floor(lr, [1.0, 10.0], sigma)
    assert late.mean() == pytest.approx(floor, rel=0.05)


def test_run_schedule_runs_are_independent_runs_of_run_optimizer():
    fn = quadratic(5.0, 0.3)
    lrs = lr_schedule("step", 0.1, 6, step_size=2, gamma=0.5)
    paths = run_schedule(
        lrs,
        fn,
        fn.start,
        steps_per_epoch=3,
        sigma=0.0,
        n_runs=3,
        rng=np.random.default_rng(0),
        optimizer="momentum",
        momentum=0.5,
    )
    single = run_optimizer("momentum", fn.grad, fn.start, 18, np.repeat(lrs, 3), momentum=0.5)
    assert paths.shape == (3, 19, 2)
    for run in paths:
        np.testing.assert_allclose(run, single, rtol=1e-13)
    noisy = run_schedule(
        lrs, fn, fn.start, steps_per_epoch=3, sigma=1.0, n_runs=2, rng=np.random.default_rng(0)
    )
    assert not np.allclose(noisy[0], noisy[1])


def test_stacked_schedules_share_the_noise_and_equal_separate_runs():
    fn = quadratic(10.0, 0.0)
    L = np.array([lr_schedule(n, 0.1, 12) for n in ("none", "step", "cosine")])
    kw = {"steps_per_epoch": 4, "sigma": 0.8, "n_runs": 7}
    stacked = run_schedule(L, fn, fn.start, rng=np.random.default_rng(5), **kw)
    assert stacked.shape == (3, 7, 49, 2)
    for i, lrs in enumerate(L):
        alone = run_schedule(lrs, fn, fn.start, rng=np.random.default_rng(5), **kw)
        np.testing.assert_allclose(stacked[i], alone, rtol=1e-13)
    # a constant rate equals run_optimizer with the same noise stream
    path = run_optimizer("sgd", fn.grad, fn.start, 48, 0.1, sigma=0.8, rng=np.random.default_rng(5))
    one = run_schedule(L[0], fn, fn.start, rng=np.random.default_rng(5), **{**kw, "n_runs": 1})
    np.testing.assert_allclose(one[0], path, rtol=1e-13)


def test_decay_beats_a_constant_rate_on_a_noisy_quadratic():
    """The lesson of the page: same start, same peak rate, the decayed runs end far lower."""
    fn = quadratic(10.0, 0.4)
    final = {}
    for name in ("none", "step", "cosine"):
        lrs = lr_schedule(
            name, 0.1, 40, **({"step_size": 10, "gamma": 0.3} if name == "step" else {})
        )
        paths = run_schedule(
            lrs,
            fn,
            fn.start,
            steps_per_epoch=10,
            sigma=1.0,
            n_runs=200,
            rng=np.random.default_rng(1),
        )
        final[name] = fn.f(paths[:, -1]).mean()
    assert final["none"] == pytest.approx(sgd_noise_floor(0.1, [1.0, 10.0], 1.0), rel=0.2)
    assert final["step"] < final["none"] / 5
    assert final["cosine"] < final["none"] / 5


# ---------------------------------------------------------------------------------------------
# Bad input.
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: lr_schedule("linear", 0.1, 10),
            r"unknown schedule 'linear'; expected one of none, step",
        ),
        (
            lambda: lr_schedule("step", 0.1, 10, T_max=3),
            r"unknown parameter 'T_max' for schedule step",
        ),
        (lambda: lr_schedule("step", 0.0, 10), r"lr0 must be > 0.0, got 0.0"),
        (lambda: lr_schedule("step", 0.1, 0), r"epochs must be >= 1, got 0"),
        (lambda: lr_schedule("step", 0.1, 10, step_size=0), r"step_size must be >= 1, got 0"),
        (lambda: lr_schedule("step", 0.1, 10, gamma=1.5), r"gamma must be <= 1.0, got 1.5"),
        (lambda: lr_schedule("exponential", 0.1, 10, gamma=0), r"gamma must be > 0.0, got 0"),
        (lambda: lr_schedule("inverse_time", 0.1, 10, k=-1), r"k must be >= 0.0, got -1"),
        (lambda: lr_schedule("cosine", 0.1, 10, T_max=2.5), r"T_max must be an integer, got 2.5"),
        (lambda: lr_schedule("cosine", 0.1, 10, eta_min=0.5), r"eta_min must be <= 0.1, got 0.5"),
        (lambda: lr_schedule("cosine_restarts", 0.1, 10, T_mult=0), r"T_mult must be >= 1, got 0"),
        (
            lambda: lr_schedule("none", 0.1, 10, warmup_epochs=11),
            r"warmup_epochs must be <= 10, got 11",
        ),
        (
            lambda: sgd_noise_floor(0.3, [1.0, 10.0], 1.0),
            r"lr must be < 0.2 \(2/lambda_max\), got 0.3",
        ),
        (lambda: sgd_noise_floor(0.1, [0.0, 1.0], 1.0), r"lams must be > 0, got 0.0"),
        (
            lambda: run_schedule(
                [0.1], quadratic(), [0, 0, 0], steps_per_epoch=1, sigma=0.0, n_runs=1, rng=None
            ),
            r"x0 must have shape \(2,\), got shape \(3,\)",
        ),
        (
            lambda: run_schedule(
                [0.1], quadratic(), [0, 0], steps_per_epoch=0, sigma=0.0, n_runs=1, rng=None
            ),
            r"steps_per_epoch must be >= 1, got 0",
        ),
        (
            lambda: run_schedule(
                [0.1], None, [0, 0], steps_per_epoch=1, sigma=0.0, n_runs=1, rng=None
            ),
            r"^fn must be a TestFunction \(e.g. optimizers.quadratic\(\)\), got None$",
        ),
        (lambda: lr_schedule(["step"], 0.1, 3), r"^unknown schedule \['step'\]; expected one of"),
    ],
)
def test_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()
