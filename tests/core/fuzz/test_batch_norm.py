"""Fuzz cases of core.batch_norm."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import batch_norm
from tests.core.fuzz import strategies as sg
from tests.core.fuzz.framework import BadFactory, Cases, Kwargs, assert_array, assert_finite
from tests.core.fuzz.test_l1_proximal import BAD_Y1
from tests.core.fuzz.test_least_squares import BAD_W, BAD_X, STEPS, _check_nan_tail, _d, _n

# =============================================================================================
# core.batch_norm
# =============================================================================================
CASES = Cases()
fuzz = CASES.add
bn = batch_norm
BN_X = sg.arrays(((1, 6), (1, 4)))
BAD_BN_X = sg.bad_array("x", 2)


def _check_stats(kw: Kwargs, out: Any) -> None:
    mu, var = out
    c = kw["x"].shape[1]
    assert_array(mu, (c,))
    assert_array(var, (c,))
    assert np.all(var >= 0)


fuzz(bn.batch_statistics, sg.kwargs(x=BN_X), _check_stats, {"x": BAD_BN_X})


@st.composite
def bn_forward_kwargs(draw: Any) -> Kwargs:
    training = draw(st.booleans())
    x = draw(sg.arrays(((2 if training else 1, 6), (1, 4))))
    c = x.shape[1]
    has_running = (not training) or draw(st.booleans())
    eps = draw(st.one_of(sg.positive(1e-300, 1.0), st.just(1e-5)))
    if not training and draw(st.booleans()):
        eps = 0.0
    running_var = None
    if has_running:
        running_var = np.abs(draw(sg.vectors(c)))
        if not training and eps == 0.0:
            running_var = running_var + 1e-6  # eval with eps = 0 needs a positive variance
    return dict(
        x=x,
        gamma=draw(st.one_of(st.none(), sg.vectors(c))),
        beta=draw(st.one_of(st.none(), sg.vectors(c))),
        running_mean=draw(sg.vectors(c)) if has_running else None,
        running_var=running_var,
        training=training,
        momentum=draw(sg.unit()),
        eps=eps,
    )


def _check_bn_forward(kw: Kwargs, out: Any) -> None:
    y, rm, rv = out
    assert_array(y, kw["x"].shape)
    c = kw["x"].shape[1]
    if kw["running_mean"] is None:
        assert rm is None and rv is None
    else:
        assert_array(rm, (c,))
        assert_array(rv, (c,))
        assert np.all(rv >= 0)


def _bad_vec(name: str) -> BadFactory:
    def wrong_length(kw: Kwargs) -> st.SearchStrategy:
        c = kw["x"].shape[1]
        return st.sampled_from([np.ones(c + 1)] + ([np.ones(c - 1)] if c > 1 else []))

    return sg.bad_array(name, 1, wrong_length, none_ok=True)


fuzz(
    bn.batch_norm_forward,
    bn_forward_kwargs(),
    _check_bn_forward,
    {
        "x": BAD_BN_X,
        "gamma": _bad_vec("gamma"),
        "beta": _bad_vec("beta"),
        "running_mean": _bad_vec("running_mean"),
        "running_var": lambda kw: st.one_of(
            _bad_vec("running_var")(kw), st.just(-np.ones(kw["x"].shape[1]))
        ),
        "momentum": sg.bad_number(-0.1, 1.1),
        "eps": sg.bad_number(sg.NEG),
    },
)


def _check_minmax(kw: Kwargs, out: Any) -> None:
    assert_array(out, kw["x"].shape)
    assert np.all((out >= 0) & (out <= 1))


fuzz(bn.min_max_scale, sg.kwargs(x=BN_X), _check_minmax, {"x": BAD_BN_X})
fuzz(
    bn.standardize,
    sg.kwargs(x=BN_X),
    lambda kw, out: assert_array(out, kw["x"].shape),
    {"x": BAD_BN_X},
    refuses=lambda kw: bool(np.any(bn.batch_statistics(kw["x"])[1] == 0)),  # documented
)


@st.composite
def populations(draw: Any, features: tuple[int, int] = (1, 4)) -> bn.Population:
    c = draw(st.integers(*features))
    offset = draw(sg.vectors(c))
    scale = np.abs(draw(sg.arrays((c,), structure=False))) + 1e-6
    return bn.Population(tuple(offset), tuple(scale))


def _check_population(kw: Kwargs, out: Any) -> None:
    assert isinstance(out, bn.Population)
    assert_array(out.mean, (out.n_features,))
    assert_array(out.variance, (out.n_features,))
    assert np.all(out.variance > 0)


fuzz(
    bn.Population,
    populations((1, bn.MAX_FEATURES)).map(lambda p: {"offset": p.offset, "scale": p.scale}),
    _check_population,
    {
        "offset": sg.bad_array("offset", 1, sg.shrink_or_grow("offset"), np.zeros(9)),
        "scale": sg.bad_array(
            "scale", 1, sg.shrink_or_grow("scale"), lambda kw: st.just(np.zeros(len(kw["scale"])))
        ),
    },
)
fuzz(
    bn.Population.from_presets,
    sg.kwargs(names=st.lists(st.sampled_from(sorted(bn.PRESETS)), min_size=1, max_size=8)),
    _check_population,
    {
        "names": lambda kw: st.sampled_from(
            [
                [],
                ["height"],
                ["height_m"] * 9,
                "abc",
                "height_m",
                ["height_m", 3],
                None,
                [["pixel"]],
                [None],
                {"height_m": 1},
                3,
            ]
        )
    },
)
fuzz(
    bn.Population.sample,
    sg.kwargs(self=populations(), n=st.integers(1, 1000), rng=sg.SEEDS.map(np.random.default_rng)),
    lambda kw, out: assert_array(out, (kw["n"], kw["self"].n_features)),
    {"n": sg.bad_number(0, bn.MAX_BATCH_SIZE * 64 + 1, integer=True), "rng": sg.bad_rng()},
)
BAD_POPULATION = lambda kw: st.sampled_from(  # noqa: E731
    [None, "pop", (1.0, 2.0), {"offset": (1.0,), "scale": (1.0,)}, bn.PRESETS]
)
BATCH = st.integers(1, 64)
fuzz(
    bn.stream_batch,
    sg.kwargs(
        population=populations(),
        batch_size=BATCH,
        seed=sg.SEEDS,
        index=st.integers(0, 10**12),
        stream=st.integers(0, 5),
    ),
    lambda kw, out: assert_array(out, (kw["batch_size"], kw["population"].n_features)),
    {
        "population": BAD_POPULATION,
        "batch_size": sg.bad_number(0, 4097, integer=True),
        "seed": sg.bad_number(-1, integer=True),
        "index": sg.bad_number(-1, integer=True),
        "stream": sg.bad_number(-1, integer=True),
    },
)


def _check_history(kw: Kwargs, out: Any) -> None:
    shape = (kw["steps"] + 1, kw["population"].n_features)
    assert_array(out[0], shape)
    assert_array(out[1], shape)
    assert np.all(out[1] >= 0)


fuzz(
    bn.running_history,
    sg.kwargs(
        population=populations(),
        batch_size=st.integers(2, 64),
        seed=sg.SEEDS,
        steps=st.integers(0, 80),
        momentum=sg.unit(),
    ),
    _check_history,
    {
        "population": BAD_POPULATION,
        # batch size 1 is refused only when there is a step to take
        "batch_size": lambda kw: sg.bad_number(0, 4097, 1 if kw["steps"] else 0, integer=True)(kw),
        "seed": sg.bad_number(-1, integer=True),
        "steps": sg.bad_number(-1, 10_001, integer=True),
        "momentum": sg.bad_number(-0.1, 1.1),
    },
)


def _check_sd(kw: Kwargs, out: Any) -> None:
    c = kw["population"].n_features
    assert_array(out[0], (c,))
    assert_array(out[1], (c,))


fuzz(
    bn.running_stationary_sd,
    sg.kwargs(population=populations(), batch_size=st.integers(2, 4096), momentum=sg.unit()),
    _check_sd,
    {
        "population": BAD_POPULATION,
        "batch_size": sg.bad_number(1, 4097, integer=True),
        "momentum": sg.bad_number(-0.1, 1.1),
    },
)


def _check_noise(kw: Kwargs, out: Any) -> None:
    shape = (len(kw["batch_sizes"]), kw["population"].n_features)
    for key in ("sd_mu", "sd_mu_theory", "sd_var", "sd_var_theory", "mean_var"):
        assert_array(out[key], shape)
    assert list(out["batch_sizes"]) == list(kw["batch_sizes"])


fuzz(
    bn.batch_noise,
    sg.kwargs(
        population=populations(),
        batch_sizes=st.lists(st.integers(1, 64), min_size=1, max_size=4),
        n_batches=st.integers(2, 40),
        seed=sg.SEEDS,
    ),
    _check_noise,
    {
        "population": BAD_POPULATION,
        "batch_sizes": lambda kw: st.sampled_from(
            [[], [0], [1.5], [4097], ["a"], [None], None, "8", 8, [[8]], {8: 1}]
        ),
        "n_batches": sg.bad_number(1, 100_001, integer=True),
        "seed": sg.bad_number(-1, integer=True),
    },
)


def _check_regression(kw: Kwargs, out: Any) -> None:
    X, y = out
    assert_array(X, (kw["n"], 2))
    assert_array(y, (kw["n"],))


fuzz(
    bn.regression_problem,
    sg.kwargs(
        population=populations((2, 4)),
        n=st.integers(3, 60),
        seed=sg.SEEDS,
        coef=sg.vectors(2),
        intercept=sg.real(),
        noise=st.one_of(st.just(0.0), sg.positive()),
    ),
    _check_regression,
    {
        "population": lambda kw: st.one_of(
            st.just(bn.Population((1.0,), (1.0,))), BAD_POPULATION(kw)
        ),
        "n": sg.bad_number(2, 100_001, integer=True),
        "seed": sg.bad_number(-1, integer=True),
        "coef": sg.bad_array("coef", 1, [1.0, 2.0, 3.0]),
        "intercept": sg.bad_number(),
        "noise": sg.bad_number(sg.NEG),
    },
)


def _ill_conditioned(X: np.ndarray) -> bool:
    """Documented refusal of linear_regression_gd: condition number above MAX_CONDITION."""
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    lam = np.linalg.eigvalsh(A.T @ A / X.shape[0])
    return bool(lam[0] <= lam[-1] * bn.MAX_CONDITION**-1)


def _check_gdrun(kw: Kwargs, out: Any) -> None:
    d = kw["X"].shape[1]
    assert_finite(out)
    assert out.hessian.shape == (d + 1, d + 1)
    assert out.path.shape == (len(out.path_steps), d + 1)
    assert out.iterations is None or 0 <= out.iterations <= kw["max_iterations"]
    assert math.isfinite(out.condition_number)
    assert_finite(out.excess_loss(out.path_steps))
    assert_finite(out.iterate(int(out.path_steps[-1])))


GD_XY = sg.extend(
    sg.kwargs(X=sg.arrays(((1, 8), (1, 3)))), y=lambda kw: sg.vectors(kw["X"].shape[0])
)
# features near 1e-160 (squares underflow): refused as ill-conditioned, without overflow
GD_XY_TINY = sg.extend(
    sg.kwargs(X=sg.arrays(((1, 8), (1, 3)), exp=(-170, -150))),
    y=lambda kw: sg.vectors(kw["X"].shape[0]),
)
fuzz(
    bn.linear_regression_gd,
    sg.extend(
        st.one_of(GD_XY, GD_XY_TINY),
        lr_fraction=st.floats(1e-6, 1.0, exclude_max=True),
        tol=st.floats(1e-12, 1.0, exclude_max=True),
        n_path=st.integers(2, 100),
        max_iterations=st.one_of(st.integers(1, 10**12), st.just(10**12)),
    ),
    _check_gdrun,
    {
        "X": BAD_X,
        "y": BAD_Y1,
        "lr_fraction": sg.bad_number(0.0, 1.0, -0.5),
        "tol": sg.bad_number(0.0, 1.0, 2.0),
        "n_path": sg.bad_number(1, 10_001, integer=True),
        "max_iterations": sg.bad_number(0, integer=True),
    },
    refuses=lambda kw: _ill_conditioned(kw["X"]),
)


def _check_reg_loss(kw: Kwargs, out: Any) -> None:
    theta = np.asarray(kw["theta"])
    if theta.ndim == 1:
        assert np.ndim(out) == 0 and np.isfinite(out) and out >= 0
    else:
        assert_array(out, (theta.shape[0],))


def _thetas(kw: Kwargs) -> st.SearchStrategy:
    d = _d(kw) + 1
    return st.one_of(sg.vectors(d), sg.arrays(((1, 3), d)))


fuzz(
    bn.regression_loss,
    sg.extend(GD_XY, theta=_thetas),
    _check_reg_loss,
    {
        "X": BAD_X,
        "y": sg.bad_array(
            "y",
            1,
            sg.shrink_or_grow("y"),
            lambda kw: st.just(np.ones(1)) if len(kw["y"]) > 1 else sg.SKIP,  # no broadcasting
        ),
        "theta": BAD_W["theta"],
    },
)


def _lam_max(kw: Kwargs) -> float:
    A = np.hstack([kw["X"], np.ones((_n(kw), 1))])
    return float(np.linalg.eigvalsh(A.T @ A / _n(kw))[-1])


def _check_bn_gd(kw: Kwargs, out: Any) -> None:
    assert_array(out, (kw["steps"] + 1, _d(kw) + 1), finite=False)
    assert not np.any(out[0])
    _check_nan_tail(out)  # documented divergence semantics
    if kw["lr"] < 1.999 / _lam_max(kw):
        assert_finite(out)  # a stable step never overflows


def _gd_lr(kw: Kwargs) -> st.SearchStrategy:
    """Below 2/lambda_max (converges) or above (diverges, may overflow)."""
    lam_max = _lam_max(kw)
    return st.one_of(st.floats(1e-6, 1.99), st.floats(2.0, 1e100)).map(lambda f: f / lam_max)


fuzz(
    bn.gradient_descent,
    sg.extend(GD_XY, lr=_gd_lr, steps=STEPS),
    _check_bn_gd,
    {
        "X": BAD_X,
        "y": BAD_Y1,
        "lr": sg.bad_number(sg.NONPOS),
        "steps": sg.bad_number(-1, 1_000_001, integer=True),
    },
)


@st.composite
def spd2(draw: Any) -> np.ndarray:
    L = draw(sg.arrays((2, 2), structure=False))
    return L @ L.T + draw(sg.positive()) * np.eye(2)


def _check_ellipse(kw: Kwargs, out: Any) -> None:
    assert_array(out, (kw["n_points"] + 1, 2))
    assert np.allclose(out[0], out[-1])


fuzz(
    bn.ellipse,
    sg.kwargs(
        H=spd2(),
        center=sg.vectors(2),
        level=st.one_of(st.just(0.0), sg.positive()),
        n_points=st.integers(3, 300),
    ),
    _check_ellipse,
    {
        "H": sg.bad_array(
            "H", 2, [[1.0, 0.0], [0.0, -1.0]], np.zeros((2, 2)), np.eye(3), [[1.0, 2.0]]
        ),
        "center": sg.bad_array("center", 1, [1.0, 2.0, 3.0], [1.0]),
        "level": sg.bad_number(sg.NEG),
        "n_points": sg.bad_number(2, 10_001, integer=True),
    },
)


test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
