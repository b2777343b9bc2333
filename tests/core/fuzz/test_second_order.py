"""Fuzz cases of core.second_order (and run_optimizer's "newton")."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import optimizers as op
from core import second_order as so
from tests.core.fuzz import framework as fw
from tests.core.fuzz import strategies as sg

CASES = fw.Cases()
fuzz = CASES.add
DAMPING = st.one_of(st.just(0.0), sg.positive(1e-6, 1e3))
BAD_CALLABLE = lambda kw: st.sampled_from([None, 1.0, "hess", np.eye(2)])  # noqa: E731


def _scaled_identity(c: float):
    """A Hessian c·I of whatever size the point has (SPD for c > 0)."""
    return lambda z: c * np.eye(np.size(z))


HESS = sg.positive(0.1, 10.0).map(_scaled_identity)


def _check_step(kw: fw.Kwargs, step: Any) -> None:
    """The factory returns a step closure; with H = cI (c > 0) steps stay finite."""
    assert callable(step)
    rng = np.random.default_rng(0)
    theta = rng.standard_normal(3)
    for t in range(1, 4):
        theta = step(theta, theta + 0.1 * rng.standard_normal(3), t, 1e-2)
        fw.assert_finite(theta)


fuzz(
    so.newton,
    sg.kwargs(hess=HESS, damping=DAMPING),
    _check_step,
    {"hess": BAD_CALLABLE, "damping": sg.bad_number(sg.NEG)},
)


@st.composite
def newton_runs(draw: Any) -> fw.Kwargs:
    fn = draw(
        st.sampled_from([op.quadratic(10.0, 0.5), op.rosenbrock(), op.two_minima(), op.saddle()])
    )
    return {
        "name": "newton",
        "grad": fn.grad,
        "x0": draw(sg.vectors(2, exp=(-3, 0))),
        "steps": draw(st.integers(0, 20)),
        "lr": draw(sg.positive(1e-3, 1.5)),
        "hess": fn.hess,
        "damping": draw(st.one_of(st.just(0.0), st.just(2.0), sg.positive(1e-3, 1e2))),
    }


def _check_newton_run(kw: fw.Kwargs, out: Any) -> None:
    """Rows (steps + 1, 2); once a row is not finite the run has stopped (NaN after it), and
    newton_breakdown names the step and a reason."""
    fw.assert_array(out, (kw["steps"] + 1, 2), finite=False)
    assert np.array_equal(out[0], kw["x0"])
    dead = ~np.isfinite(out).all(axis=1)
    if dead.any():
        k = int(np.argmax(dead))
        broken = so.newton_breakdown(out, kw["hess"], kw["damping"])
        assert broken is not None and broken.step <= k
        assert broken.reason in ("singular", "nan", "inf", "grew")


fuzz(
    op.run_optimizer,
    newton_runs(),
    _check_newton_run,
    {
        "hess": BAD_CALLABLE,
        "damping": sg.bad_number(sg.NEG),
        "x0": sg.bad_array("x0", 1),
    },
)
SQUARE = st.integers(1, 4).flatmap(lambda d: sg.arrays((d, d)))


@st.composite
def diagnose_kwargs(draw: Any) -> fw.Kwargs:
    H = draw(SQUARE)
    kw: fw.Kwargs = {"H": H, "damping": draw(DAMPING)}
    if draw(st.booleans()):
        kw["g"] = draw(sg.arrays((H.shape[0],)))
    return kw


def _check_diagnosis(kw: fw.Kwargs, out: Any) -> None:
    assert isinstance(out, so.Diagnosis)
    fw.assert_finite(out.eigenvalues)
    assert out.kind in ("positive_definite", "negative_definite", "indefinite", "singular")
    assert (out.target is None) == (out.kind == "singular")
    assert out.descent in (None, True, False)


fuzz(
    so.diagnose,
    diagnose_kwargs(),
    _check_diagnosis,
    {
        "H": sg.bad_array("H", 2),
        "g": lambda kw: st.sampled_from([np.ones(7), "g", np.array([np.nan] * len(kw["H"]))]),
        "damping": sg.bad_number(sg.NEG),
    },
)


@st.composite
def paths(draw: Any) -> np.ndarray:
    """Newton paths in 2-D: finite rows, maybe followed by NaN rows."""
    path = draw(sg.arrays(((1, 10), (2, 2))))
    if draw(st.booleans()):
        path[draw(st.integers(0, path.shape[0] - 1)) :] = np.nan
    return path


fuzz(
    so.newton_breakdown,
    sg.kwargs(
        path=paths(),
        hess=st.sampled_from([op.rosenbrock().hess, op.saddle().hess, op.two_minima().hess]),
        damping=DAMPING,
        limit=sg.positive(1e-3, 1e300),
    ),
    fw.holds(lambda kw, out: out is None or isinstance(out, so.Breakdown)),
    {
        "path": lambda kw: st.sampled_from([np.ones(3), None, "abc", np.ones((0, 2))]),
        "hess": BAD_CALLABLE,
        "damping": sg.bad_number(sg.NEG),
        "limit": sg.bad_number(sg.NONPOS),
    },
)
FUNCTIONS = st.sampled_from([op.quadratic(100.0, 0.3), op.rosenbrock(), op.two_minima()])
fuzz(
    so.lbfgs_path,
    FUNCTIONS.flatmap(
        lambda fn: sg.kwargs(
            f=st.just(fn.f),
            grad=st.just(fn.grad),
            x0=sg.vectors(2, exp=(-2, 0)),
            steps=st.integers(0, 30),
            m=st.integers(1, 20),
        )
    ),
    lambda kw, out: fw.assert_array(out, (out.shape[0], 2)) or None,
    {
        "f": BAD_CALLABLE,
        "grad": BAD_CALLABLE,
        "x0": sg.bad_array("x0", 1),
        "steps": sg.bad_number(-1, integer=True),
        "m": sg.bad_number(0, integer=True),
    },
    examples=15,
)
SIZES = st.lists(st.integers(1, 1000), min_size=2, max_size=7)
fuzz(
    so.mlp_parameter_count,
    SIZES.flatmap(
        lambda s: sg.kwargs(
            sizes=st.just(s),
            batch_norm=st.lists(st.integers(1, len(s) - 2), max_size=2)
            if len(s) > 2
            else st.just([]),
        )
    ),
    fw.holds(lambda kw, out: isinstance(out, int) and out > 0),
    {
        "sizes": lambda kw: st.sampled_from([[784], [], None, [4, 0, 1], [4, -1], "784,10"]),
        "batch_norm": lambda kw: st.sampled_from([None, 3, [0], [len(kw["sizes"])]]),
    },
)
fuzz(
    so.step_costs,
    sg.kwargs(
        N=st.integers(1, 10**9), m=st.integers(1, 100), bytes_per_number=st.sampled_from([2, 4, 8])
    ),
    fw.holds(lambda kw, out: len(out) == 4 and all(row.bytes > 0 for row in out)),
    {
        "N": sg.bad_number(0, -5, integer=True),
        "m": sg.bad_number(0, integer=True),
        "bytes_per_number": sg.bad_number(0, integer=True),
    },
)
fuzz(
    so.hessian_bytes,
    sg.kwargs(N=st.integers(1, 10**9), bytes_per_number=st.sampled_from([2, 4, 8])),
    fw.holds(lambda kw, out: out == kw["N"] ** 2 * kw["bytes_per_number"]),
    {"N": sg.bad_number(0, integer=True), "bytes_per_number": sg.bad_number(0, integer=True)},
)

test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
