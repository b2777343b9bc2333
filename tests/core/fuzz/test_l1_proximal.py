"""Fuzz cases of core.l1_proximal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import l1_proximal
from tests.core.fuzz.framework import (
    BadFactory,
    Cases,
    Kwargs,
    assert_array,
    assert_finite,
    assert_float,
    assert_latex_line,
)
from tests.core.fuzz.strategies import (
    NEG,
    NONPOS,
    SEEDS,
    SKIP,
    arrays,
    bad_array,
    bad_number,
    extend,
    grow,
    kwargs,
    positive,
    real,
    shrink_or_grow,
    unit,
    vectors,
    with_nonfinite,
)
from tests.core.fuzz.test_least_squares import (
    BAD_W,
    BAD_X,
    LS_X,
    STEPS,
    _check_nan_tail,
    _d,
    _weights,
)

# =============================================================================================
# core.l1_proximal
# =============================================================================================
CASES = Cases()
fuzz = CASES.add
l1 = l1_proximal


@st.composite
def broadcast_triple(draw: Any, names: tuple[str, ...]) -> Kwargs:
    """Scalars or (k,) arrays that broadcast: w-like entries any sign, alpha >= 0, H > 0."""
    k = draw(st.integers(1, 5))
    out: Kwargs = {}
    for name in names:
        as_scalar = draw(st.booleans())
        shape = () if as_scalar else (k,)
        if name == "alpha":
            a = np.abs(draw(arrays(shape, structure=False))) if shape else abs(draw(real()))
        elif name == "H":
            a = np.abs(draw(arrays(shape, structure=False))) + 1e-6 if shape else draw(positive())
        else:
            a = draw(arrays(shape)) if shape else draw(real())
        out[name] = a
    return out


def _bshape(kw: Kwargs, names: tuple[str, ...]) -> tuple[int, ...]:
    return np.broadcast_shapes(*(np.shape(kw[n]) for n in names))


def _mismatch(name: str) -> Callable[[Kwargs], st.SearchStrategy]:
    """An array that does not broadcast with the other arguments (when they have length >= 2)."""

    def factory(kw: Kwargs) -> st.SearchStrategy:
        shape = _bshape(kw, tuple(k for k in kw if k != name))
        if not shape or shape[0] < 2:
            return with_nonfinite(np.ones(3))
        return st.just(np.ones(shape[0] + 1))

    return factory


def _bad_l1(*names: str) -> dict[str, BadFactory]:
    bad: dict[str, BadFactory] = {}
    for name in names:
        extra: list[Any] = [_mismatch(name)]
        if name == "alpha":
            extra += [NEG, st.just(np.array([1.0, -1.0]))]
        if name == "H":
            extra += [NONPOS, st.just(np.array([1.0, 0.0]))]
        bad[name] = bad_array(name, None, *extra)
    return bad


TRIPLE = ("w_star", "alpha", "H")
QUAD = ("w", "w_star", "alpha", "H")
fuzz(
    l1.soft_threshold,
    broadcast_triple(TRIPLE),
    lambda kw, out: assert_array(np.asarray(out), _bshape(kw, TRIPLE)),
    _bad_l1(*TRIPLE),
)
fuzz(
    l1.l2_shrink,
    broadcast_triple(TRIPLE),
    lambda kw, out: assert_array(np.asarray(out), _bshape(kw, TRIPLE)),
    _bad_l1(*TRIPLE),
)


def _check_terms(kw: Kwargs, out: Any) -> None:
    assert_array(np.asarray(out), _bshape(kw, QUAD))
    assert np.all(np.asarray(out) >= 0)


fuzz(l1.l1_quadratic_terms, broadcast_triple(QUAD), _check_terms, _bad_l1(*QUAD))
fuzz(
    l1.l1_quadratic_objective,
    broadcast_triple(QUAD),
    lambda kw, out: assert_float(out, 0.0),
    _bad_l1(*QUAD),
)


def _check_interval(kw: Kwargs, out: Any) -> None:
    low, high = out
    assert_float(low)
    assert_float(high)
    assert low <= high


fuzz(
    l1.abs_subdifferential,
    kwargs(w=st.one_of(real(), st.just(0.0), st.sampled_from([5e-324, -1e308]))),
    _check_interval,
    {"w": bad_number()},
)
SCALAR_QUAD = kwargs(
    w=st.one_of(real(), st.just(0.0)),
    w_star=real(),
    alpha=st.one_of(positive(0.0, 1e6), st.just(0.0)),
    H=positive(),
)
BAD_SCALAR_QUAD = {
    "w": bad_number(),
    "w_star": bad_number(),
    "alpha": bad_number(NEG),
    "H": bad_number(NONPOS),
}
fuzz(l1.subdifferential, SCALAR_QUAD, _check_interval, BAD_SCALAR_QUAD)
fuzz(
    l1.numerical_minimizer,
    extend(SCALAR_QUAD, xatol=positive(1e-12, 1.0)).map(
        lambda kw: {k: v for k, v in kw.items() if k != "w"}
    ),
    lambda kw, out: assert_float(out),
    {**{k: v for k, v in BAD_SCALAR_QUAD.items() if k != "w"}, "xatol": bad_number(NONPOS)},
)


def _check_random_weights(kw: Kwargs, out: Any) -> None:
    w_star, H = out
    assert_array(w_star, (kw["d"],))
    assert_array(H, (kw["d"],))
    assert np.all(H > 0)


fuzz(
    l1.random_weights,
    kwargs(d=st.integers(1, 1000), seed=SEEDS),
    _check_random_weights,
    {"d": bad_number(0, 1001, integer=True), "seed": bad_number(-1, integer=True)},
)
TABLE = extend(
    kwargs(w=vectors((1, 6))),
    H=lambda kw: arrays((len(kw["w"]),), structure=False).map(lambda a: np.abs(a) + 1e-6),
).map(lambda kw: {"table": np.column_stack([kw["w"], kw["H"]])})


def _check_table(kw: Kwargs, out: Any) -> None:
    w_star, H = out
    assert_array(w_star, (len(kw["table"]),))
    assert_array(H, (len(kw["table"]),))


fuzz(
    l1.weights_from_table,
    TABLE,
    _check_table,
    {
        "table": bad_array(
            "table",
            2,
            lambda kw: st.just(np.column_stack([kw["table"], kw["table"][:, :1]])),
            lambda kw: st.just(np.column_stack([kw["table"][:, 0], -kw["table"][:, 1]])),
        )
    },
)


@st.composite
def sparse_kwargs(draw: Any) -> Kwargs:
    d = draw(st.integers(1, 8))
    whiten = draw(st.booleans())
    n = draw(st.integers(d if whiten else 1, 20))
    return dict(
        n=n,
        d=d,
        n_informative=draw(st.integers(0, d)),
        noise=draw(st.one_of(st.just(0.0), positive(1e-6, 1e6))),
        seed=draw(SEEDS),
        whiten=whiten,
        rho=draw(st.one_of(unit(high_open=True), st.sampled_from([0.0, 0.999, 1 - 1e-9]))),
    )


def _check_sparse(kw: Kwargs, out: Any) -> None:
    X, y, w = out
    assert_array(X, (kw["n"], kw["d"]))
    assert_array(y, (kw["n"],))
    assert_array(w, (kw["d"],))
    assert np.count_nonzero(w) == kw["n_informative"]


fuzz(
    l1.sparse_regression,
    sparse_kwargs(),
    _check_sparse,
    {
        "n": bad_number(0, 10_001, integer=True),
        "d": bad_number(0, 1001, integer=True),
        "n_informative": bad_number(-1, lambda kw: st.just(kw["d"] + 1), integer=True),
        "noise": bad_number(NEG),
        "seed": bad_number(-1, integer=True),
        "rho": bad_number(1.0, -0.1, 2.0),
    },
)
L1_XY = extend(kwargs(X=LS_X), y=lambda kw: vectors(kw["X"].shape[0]))
BAD_Y1 = bad_array("y", 1, grow("y"))


def _check_default_lr(kw: Kwargs, out: Any) -> None:
    assert_float(out)
    assert out > 0


TINY_X = [[1e-160]], [[3e-170, 0.0], [0.0, 1e-170]], [[5e-324]]  # n / sigma_max^2 overflows
fuzz(
    l1.default_lr,
    kwargs(X=st.one_of(LS_X, arrays(((1, 6), (1, 4)), exp=(-150, 150)))),
    _check_default_lr,
    {"X": bad_array("X", 2, st.sampled_from(TINY_X))},
)
ALPHA = st.one_of(st.just(0.0), positive(0.0, 1e6))
BAD_ALPHA = bad_number(NEG)


def _check_ista(kw: Kwargs, out: Any) -> None:
    assert_array(out, (kw["steps"] + 1, _d(kw)), finite=False)
    assert not np.any(out[0])
    _check_nan_tail(out)  # documented divergence semantics
    if kw["lr"] is None or kw["lr"] < 1.999 * l1.default_lr(kw["X"]):
        assert_finite(out)  # a stable step (below 2/L) never overflows


fuzz(
    l1.ista,
    extend(
        L1_XY,
        alpha=ALPHA,
        steps=STEPS,
        # the default 1/L, stable steps in (0, 2/L) or unstable ones (they may overflow)
        lr=lambda kw: st.one_of(
            st.none(),
            st.floats(1e-6, 1.99).map(lambda f: f * l1.default_lr(kw["X"])),
            st.floats(2.0, 1e100).map(lambda f: f * l1.default_lr(kw["X"])),
        ),
    ),
    _check_ista,
    {
        # a tiny X has no finite default step, so it is invalid only without lr
        "X": lambda kw: bad_array("X", 2, st.sampled_from(TINY_X) if kw["lr"] is None else SKIP)(
            kw
        ),
        "y": BAD_Y1,
        "alpha": BAD_ALPHA,
        "steps": bad_number(-1, 100_001, integer=True),
        "lr": bad_number(NONPOS, none_ok=True),
    },
)


def _check_lasso_obj(kw: Kwargs, out: Any) -> None:
    w = np.asarray(kw["w"])
    if w.ndim == 1:
        assert_float(out, 0.0)
    else:
        assert_array(out, (w.shape[0],))


fuzz(
    l1.lasso_objective,
    extend(L1_XY, w=_weights("w"), alpha=ALPHA),
    _check_lasso_obj,
    {"X": BAD_X, "y": BAD_Y1, "w": BAD_W["w"], "alpha": BAD_ALPHA},
)
fuzz(
    l1.lasso_kkt_violation,
    extend(L1_XY, w=lambda kw: vectors(_d(kw)), alpha=ALPHA),
    lambda kw, out: assert_float(out, 0.0),
    {"X": BAD_X, "y": BAD_Y1, "w": bad_array("w", 1, shrink_or_grow("w")), "alpha": BAD_ALPHA},
)
fuzz(
    l1.lasso_lbfgsb,
    extend(L1_XY, alpha=ALPHA),
    lambda kw, out: assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y1, "alpha": BAD_ALPHA},
    examples=15,
)


def _check_lasso_solution(kw: Kwargs, out: Any) -> None:
    w, steps = out
    assert_array(w, (_d(kw),))
    assert isinstance(steps, int) and 0 <= steps <= kw["max_steps"]


fuzz(
    l1.lasso_solution,
    extend(L1_XY, alpha=ALPHA, tol=positive(1e-12, 1.0), max_steps=st.integers(1, 300)),
    _check_lasso_solution,
    {
        "X": BAD_X,
        "y": BAD_Y1,
        "alpha": BAD_ALPHA,
        "tol": bad_number(NONPOS),
        "max_steps": bad_number(0, 10**6 + 1, integer=True),
    },
)


def _check_double_counted(kw: Kwargs, out: Any) -> None:
    """Shrunk twice: never larger than the correct soft-threshold, never of the other sign."""
    out = np.asarray(out)
    assert_array(out, _bshape(kw, TRIPLE))
    once = np.asarray(l1.soft_threshold(kw["w_star"], kw["alpha"], kw["H"]))
    assert np.all(np.abs(out) <= np.abs(once) * (1 + 1e-12))
    assert np.all(out * np.asarray(kw["w_star"]) >= 0)


fuzz(l1.double_counted_minimizer, broadcast_triple(TRIPLE), _check_double_counted, _bad_l1(*TRIPLE))

test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()

# The page's threshold, subgradient lines and worked LaTeX line (moved from the page to core).
PAIR_AH = ("alpha", "H")


def _check_threshold(kw: Kwargs, out: Any) -> None:
    assert_array(np.asarray(out), _bshape(kw, PAIR_AH))
    assert np.all(np.asarray(out) >= 0)


fuzz(l1.threshold, broadcast_triple(PAIR_AH), _check_threshold, _bad_l1(*PAIR_AH))
SCALAR_TRIPLE = SCALAR_QUAD.map(lambda kw: {k: v for k, v in kw.items() if k != "w"})
BAD_SCALAR_TRIPLE = {k: v for k, v in BAD_SCALAR_QUAD.items() if k != "w"}


def _check_branches(kw: Kwargs, out: Any) -> None:
    (w_neg, g_neg), (w_pos, g_pos) = out
    for w_part, g_part in ((w_neg, g_neg), (w_pos, g_pos)):
        assert_array(w_part, g_part.shape)
        assert_array(g_part, w_part.shape)
    assert w_neg[-1] == 0.0 and w_pos[0] == 0.0
    assert g_neg[-1] <= g_pos[0]  # the jump at 0 has height 2 alpha >= 0


fuzz(
    l1.subgradient_branches,
    extend(SCALAR_TRIPLE, w=arrays(((1, 8),))),
    _check_branches,
    {**BAD_SCALAR_TRIPLE, "w": bad_array("w", 1)},
)
fuzz(
    l1.soft_threshold_worked_latex,
    SCALAR_TRIPLE,
    lambda kw, out: assert_latex_line(out),
    BAD_SCALAR_TRIPLE,
)
