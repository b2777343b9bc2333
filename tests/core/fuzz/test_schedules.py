"""Fuzz cases of core.schedules."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import schedules
from tests.core.fuzz import strategies as sg
from tests.core.fuzz.framework import BadFactory, Cases, Kwargs, assert_array, assert_float
from tests.core.fuzz.test_optimizers import (
    BAD_OPT_NAME,
    HYPER,
    OPT_NAME,
    TEST_FUNCTIONS,
    _bad_run_rng,
    op,
)

# =============================================================================================
# core.schedules
# =============================================================================================
CASES = Cases()
fuzz = CASES.add
sc = schedules


@st.composite
def schedule_kwargs(draw: Any) -> Kwargs:
    name = draw(st.sampled_from(sc.SCHEDULES))
    lr0 = draw(st.one_of(sg.positive(1e-12, 1e3), st.just(1e-300)))
    epochs = draw(st.integers(1, 120))
    W = draw(st.one_of(st.just(0), st.integers(0, epochs)))
    options: dict[str, st.SearchStrategy] = {
        "step_size": st.integers(1, 10**9),
        "gamma": st.one_of(st.just(1.0), st.floats(1e-300, 1.0)),
        "k": st.one_of(st.just(0.0), sg.positive(1e-6, 1e300)),
        "T_max": st.one_of(st.none(), st.integers(1, 10**9)),
        "eta_min": st.floats(0.0, lr0),
        "T_0": st.integers(1, 10**9),
        "T_mult": st.integers(1, 10**3),
    }
    allowed = sorted(sc.SCHEDULE_PARAMS[name])
    keys = draw(st.lists(st.sampled_from(allowed), unique=True)) if allowed else []
    return {
        "name": name,
        "lr0": lr0,
        "epochs": epochs,
        "warmup_epochs": W,
        **{k: draw(options[k]) for k in keys},
    }


def _check_schedule(kw: Kwargs, out: Any) -> None:
    assert_array(out, (kw["epochs"],))
    assert np.all(out >= 0) and np.all(out <= kw["lr0"] * (1 + 1e-12))


def _bad_schedule_param(param: str, *values: Any) -> BadFactory:
    def factory(kw: Kwargs) -> st.SearchStrategy:
        if param in sc.SCHEDULE_PARAMS[kw["name"]]:
            return st.one_of(
                sg.bad_number(*values, integer=param in ("step_size", "T_max", "T_0", "T_mult"))(kw)
            )
        return st.just(1)  # a parameter this schedule does not take

    return factory


fuzz(
    sc.lr_schedule,
    schedule_kwargs(),
    _check_schedule,
    {
        "name": sg.bad_name("cos", valid=sc.SCHEDULES),
        "lr0": sg.bad_number(sg.NONPOS),
        "epochs": sg.bad_number(0, -1, integer=True),
        "warmup_epochs": lambda kw: sg.bad_number(-1, kw["epochs"] + 1, integer=True)(kw),
        "bogus": lambda kw: st.just(1),
        "step_size": _bad_schedule_param("step_size", 0),
        "gamma": _bad_schedule_param("gamma", 0.0, 1.5),
        "k": _bad_schedule_param("k", -0.5),
        "T_max": lambda kw: (
            st.sampled_from([0, 1.5, "a", math.nan]) if kw["name"] == "cosine" else st.just(5)
        ),
        "eta_min": lambda kw: _bad_schedule_param("eta_min", -0.1, kw["lr0"] * 2 + 1)(kw),
        "T_0": _bad_schedule_param("T_0", 0),
        "T_mult": _bad_schedule_param("T_mult", 0),
    },
)


@st.composite
def noise_floor_kwargs(draw: Any) -> Kwargs:
    lams = np.abs(draw(sg.arrays(((1, 5),), structure=False))) + 1e-6
    return {
        "lr": draw(st.floats(1e-6, 1.999)) / float(lams.max()),
        "lams": lams,
        "sigma": draw(st.one_of(st.just(0.0), sg.positive())),
    }


fuzz(
    sc.sgd_noise_floor,
    noise_floor_kwargs(),
    lambda kw, out: assert_float(out, 0.0),
    {
        "lr": lambda kw: sg.bad_number(sg.NONPOS, 2.0 / float(kw["lams"].max()) * (1 + 1e-9))(kw),
        "lams": sg.bad_array("lams", 1, [1.0, 0.0], [-1.0]),
        "sigma": sg.bad_number(sg.NEG),
    },
)


@st.composite
def run_schedule_kwargs(draw: Any) -> Kwargs:
    epochs = draw(st.integers(1, 5))
    shape = draw(st.sampled_from([(epochs,), (draw(st.integers(1, 3)), epochs)]))
    optimizer = draw(OPT_NAME)
    return {
        "lrs": np.abs(draw(sg.arrays(shape, exp=(-4, 0), structure=False))) + 1e-6,
        "fn": draw(TEST_FUNCTIONS),
        "x0": draw(sg.vectors(2, exp=(-3, 0))),
        "steps_per_epoch": draw(st.integers(1, 5)),
        "sigma": draw(st.one_of(st.just(0.0), sg.positive(1e-6, 10.0))),
        "n_runs": draw(st.integers(1, 4)),
        "rng": np.random.default_rng(draw(sg.SEEDS)),
        "optimizer": optimizer,
        **draw(HYPER[optimizer]),
    }


def _check_run_schedule(kw: Kwargs, out: Any) -> None:
    lrs = kw["lrs"]
    T = lrs.shape[-1] * kw["steps_per_epoch"] + 1
    shape = (kw["n_runs"], T, 2) if lrs.ndim == 1 else (lrs.shape[0], kw["n_runs"], T, 2)
    assert_array(out, shape, finite=False)
    assert np.all(out[..., 0, :] == kw["x0"])
    finite = np.isfinite(out)
    if not finite.all():  # only after a diverging iterate (run_optimizer's semantics)
        assert np.max(np.abs(out[finite])) > 1e6


fuzz(
    sc.run_schedule,
    run_schedule_kwargs(),
    _check_run_schedule,
    {
        "lrs": sg.bad_array("lrs", (1, 2), lambda kw: st.just(-np.asarray(kw["lrs"]))),
        "x0": sg.bad_array("x0", 1, [1.0, 2.0, 3.0]),
        "steps_per_epoch": sg.bad_number(0, integer=True),
        "sigma": sg.bad_number(sg.NEG),
        "n_runs": sg.bad_number(0, integer=True),
        "rng": _bad_run_rng,
        "optimizer": BAD_OPT_NAME,
        "fn": lambda kw: st.sampled_from([None, "quadratic", 1.0, object(), op.quadratic().grad]),
    },
    examples=20,
)


test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
