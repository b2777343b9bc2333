"""Fuzz cases of core.search."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import search as hs
from tests.core.fuzz import strategies as sg
from tests.core.fuzz.framework import Cases, Kwargs, assert_array, assert_float, holds

CASES = Cases()
fuzz = CASES.add


@st.composite
def bounds_and_log(draw: Any) -> Kwargs:
    log = (draw(st.booleans()), draw(st.booleans()))
    bounds = []
    for flag in log:
        low = draw(sg.positive(1e-8, 1e3) if flag else st.floats(-1e6, 1e6))
        bounds.append((low, low + draw(sg.positive(1e-3 * max(1.0, abs(low)), 1e6))))
    return {"bounds": tuple(bounds), "log": log}


BAD_BOUNDS = sg.bad_array(
    "bounds",
    2,
    [[1.0, 0.0], [0.0, 1.0]],
    [[0.0, 1.0], [0.0, 1.0], [0.0, 1.0]],
    [[0.0, 0.0], [0.0, 1.0]],
)
BAD_LOG = st.sampled_from([(1, 0), "ab", (True,), None, (True, False, True), 1.0])


def _inside(kw: Kwargs, out: Any) -> None:
    b = np.asarray(kw["bounds"], float)
    assert np.all(out >= b[:, 0]) and np.all(out <= b[:, 1])


def _grid_check(kw: Kwargs, out: Any) -> None:
    assert_array(out, (kw["n"], 2))
    _inside(kw, out)


def _bad_log(kw: Kwargs) -> st.SearchStrategy:
    # a log axis needs a positive low bound: (True, True) is invalid when some low is <= 0
    invalid = [BAD_LOG]
    if np.min(np.asarray(kw["bounds"], float)[:, 0]) <= 0:
        invalid.append(st.just((True, True)))
    return st.one_of(invalid)


fuzz(
    hs.grid_points,
    sg.extend(bounds_and_log(), n=st.integers(1, 30).map(lambda k: k * k)),
    _grid_check,
    {
        "n": sg.bad_number(0, 2, 8, 10**7, integer=True),
        "bounds": BAD_BOUNDS,
        "log": _bad_log,
    },
)
fuzz(
    hs.random_points,
    sg.extend(bounds_and_log(), n=st.integers(1, 500), seed=sg.SEEDS),
    _grid_check,
    {
        "n": sg.bad_number(0, 10**7, integer=True),
        "bounds": BAD_BOUNDS,
        "log": _bad_log,
        "seed": sg.bad_number(-1, integer=True),
    },
)


@st.composite
def unit_points(draw: Any) -> Kwargs:
    kw = draw(bounds_and_log())
    kw["points"] = hs.random_points(draw(st.integers(1, 20)), kw["bounds"], kw["log"], 0)
    return kw


fuzz(
    hs.to_unit,
    unit_points(),
    lambda kw, out: assert_array(out, np.shape(kw["points"])),
    {
        "points": sg.bad_array("points", 2, lambda kw: st.just(np.asarray(kw["points"]) * 0 - 1e9)),
        "bounds": BAD_BOUNDS,
    },
)


@st.composite
def score_kwargs(draw: Any) -> Kwargs:
    reps = draw(st.integers(0, 3))
    n = draw(st.integers(1, 10))
    shape = (reps, n, 2) if reps else (n, 2)
    points = np.asarray(
        draw(
            st.lists(st.floats(0, 1), min_size=2 * n * max(reps, 1), max_size=2 * n * max(reps, 1))
        )
    ).reshape(shape)
    peak = (
        np.asarray(draw(st.lists(st.floats(0, 1), min_size=reps, max_size=reps)))
        if reps
        else draw(st.floats(0, 1))
    )
    return {
        "points": points,
        "peak": peak,
        "width": draw(st.floats(1e-3, 1.0)),
        "minor": draw(st.floats(0, 0.5)),
    }


fuzz(
    hs.one_axis_score,
    score_kwargs(),
    holds(lambda kw, out: out.shape == np.shape(kw["points"])[:-1] and np.all(out <= 1 + 1e-12)),
    {
        "points": sg.bad_array("points", (2, 3), [[0.5, 1.5]], [[0.5, 0.5, 0.5]]),
        "peak": lambda kw: st.sampled_from([-0.1, 1.1, np.zeros(7), "x", None]),
        "width": sg.bad_number(0.0, 1.5),
        "minor": sg.bad_number(-0.1, 0.6),
    },
)
fuzz(
    hs.best_found,
    sg.kwargs(
        points=st.integers(1, 30).map(lambda n: hs.random_points(n, seed=n)),
        objective=st.just(hs.one_axis_score),
    ),
    holds(lambda kw, out: out[1] == hs.one_axis_score(np.asarray(kw["points"])).max()),
    {
        "points": sg.bad_array("points", 2, [[0.1, 0.2, 0.3]]),
        "objective": lambda kw: st.sampled_from(["f", None, 3, lambda x: np.zeros(1)]),
    },
)
fuzz(
    hs.compare_grid_random,
    sg.kwargs(
        n=st.integers(1, 6).map(lambda k: k * k),
        reps=st.integers(1, 300),
        seed=sg.SEEDS,
        width=st.floats(1e-3, 1.0),
        minor=st.floats(0.0, 0.5),
    ),
    holds(lambda kw, out: out.grid_best.shape == out.random_best.shape == (kw["reps"],)),
    {
        "n": sg.bad_number(0, 3, integer=True),
        "reps": sg.bad_number(0, 10**6, integer=True),
        "seed": sg.bad_number(-1, integer=True),
        "width": sg.bad_number(0.0, 2.0),
        "minor": sg.bad_number(-1.0, 0.7),
    },
    examples=15,
)
fuzz(
    hs.distinct_values,
    sg.kwargs(
        points=st.integers(1, 20).map(lambda n: hs.random_points(n, seed=n)),
        axis=st.sampled_from([0, 1]),
        decimals=st.integers(0, 15),
    ),
    holds(lambda kw, out: 1 <= out <= len(kw["points"])),
    {
        "points": sg.bad_array("points", 2, [[0.1, 0.2, 0.3]]),
        "axis": sg.bad_number(-1, 2, integer=True),
        "decimals": sg.bad_number(-1, 16, integer=True),
    },
)
fuzz(
    hs.lr_score,
    sg.kwargs(
        lr=sg.arrays(((1, 5),), exp=(-6, 1), structure=False).map(lambda a: np.abs(a) + 1e-9),
        best_lr=sg.positive(1e-6, 10.0),
        decades=sg.positive(1e-2, 5.0),
    ),
    holds(lambda kw, out: np.all((out >= 0) & (out <= 1))),
    {
        "lr": sg.bad_array("lr", None, [0.0], [-1.0]),
        "best_lr": sg.bad_number(sg.NONPOS),
        "decades": sg.bad_number(sg.NONPOS),
    },
)


@st.composite
def ctf_kwargs(draw: Any) -> Kwargs:
    low = draw(sg.positive(1e-8, 1.0))
    n = draw(st.integers(2, 40))
    return {
        "objective": hs.lr_score,
        "low": low,
        "high": low * draw(st.floats(1.01, 1e6)),
        "n": n,
        "rounds": draw(st.integers(1, 5)),
        "keep": draw(st.integers(1, n)),
        "seed": draw(sg.SEEDS),
    }


def _check_ctf(kw: Kwargs, out: Any) -> None:
    assert len(out) == kw["rounds"]
    for r in out:
        assert kw["low"] * (1 - 1e-9) <= r.low < r.high <= kw["high"] * (1 + 1e-9)
        assert np.all((r.lrs >= r.low) & (r.lrs <= r.high))


fuzz(
    hs.coarse_to_fine,
    ctf_kwargs(),
    _check_ctf,
    {
        "objective": lambda kw: st.sampled_from(["f", None, lambda lr: np.zeros(1)]),
        "low": lambda kw: sg.bad_number(sg.NONPOS, kw["high"] * 2)(kw),
        "high": lambda kw: sg.bad_number(sg.NONPOS, kw["low"] / 2)(kw),
        "n": sg.bad_number(1, 10**5, integer=True),
        "rounds": sg.bad_number(0, 21, integer=True),
        "keep": lambda kw: sg.bad_number(0, kw["n"] + 1, integer=True)(kw),
        "seed": sg.bad_number(-1, integer=True),
    },
    examples=20,
)
fuzz(
    hs.search_configs,
    sg.kwargs(
        method=st.sampled_from(["grid", "random"]),
        n=st.integers(1, 5).map(lambda k: k * k),
        bounds=st.just(((1e-3, 1.0), (1e-6, 1e-1))),
        seed=sg.SEEDS,
    ),
    lambda kw, out: assert_array(out, (kw["n"], 2)),
    {"method": sg.bad_name(valid=("grid", "random")), "n": sg.bad_number(0, integer=True)},
)
fuzz(
    hs.top_decade_share,
    sg.kwargs(low=sg.positive(1e-8, 1.0), high=sg.positive(1.5, 1e6)),
    lambda kw, out: assert_float(out, 0.0, 1.0),
    {
        "low": lambda kw: sg.bad_number(sg.NONPOS, kw["high"] * 2)(kw),
        "high": lambda kw: sg.bad_number(sg.NONPOS, kw["low"] / 2)(kw),
    },
)

test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
