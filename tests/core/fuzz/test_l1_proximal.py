"""Fuzz cases of core.l1_proximal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import l1_proximal
from tests.core.fuzz import framework as fw
from tests.core.fuzz import strategies as sg
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
CASES = fw.Cases()
fuzz = CASES.add
l1 = l1_proximal


@st.composite
def broadcast_triple(draw: Any, names: tuple[str, ...]) -> fw.Kwargs:
    """Scalars or (k,) arrays that broadcast: w-like entries any sign, alpha >= 0, H > 0."""
    k = draw(st.integers(1, 5))
    out: fw.Kwargs = {}
    for name in names:
        as_scalar = draw(st.booleans())
        shape = () if as_scalar else (k,)
        if name.startswith("alpha"):
            a = np.abs(draw(sg.arrays(shape, structure=False))) if shape else abs(draw(sg.real()))
        elif name == "H":
            a = (
                np.abs(draw(sg.arrays(shape, structure=False))) + 1e-6
                if shape
                else draw(sg.positive())
            )
        else:
            a = draw(sg.arrays(shape)) if shape else draw(sg.real())
        out[name] = a
    return out


def _bshape(kw: fw.Kwargs, names: tuple[str, ...]) -> tuple[int, ...]:
    return np.broadcast_shapes(*(np.shape(kw[n]) for n in names))


def _mismatch(name: str) -> Callable[[fw.Kwargs], st.SearchStrategy]:
    """An array that does not broadcast with the other arguments (when they have length >= 2)."""

    def factory(kw: fw.Kwargs) -> st.SearchStrategy:
        shape = _bshape(kw, tuple(k for k in kw if k != name))
        if not shape or shape[0] < 2:
            return sg.with_nonfinite(np.ones(3))
        return st.just(np.ones(shape[0] + 1))

    return factory


def _bad_l1(*names: str) -> dict[str, fw.BadFactory]:
    bad: dict[str, fw.BadFactory] = {}
    for name in names:
        extra: list[Any] = [_mismatch(name)]
        if name.startswith("alpha"):
            extra += [sg.NEG, st.just(np.array([1.0, -1.0]))]
        if name == "H":
            extra += [sg.NONPOS, st.just(np.array([1.0, 0.0]))]
        bad[name] = sg.bad_array(name, None, *extra)
    return bad


TRIPLE = ("w_star", "alpha", "H")
QUAD = ("w", "w_star", "alpha", "H")
fuzz(
    l1.soft_threshold,
    broadcast_triple(TRIPLE),
    lambda kw, out: fw.assert_array(np.asarray(out), _bshape(kw, TRIPLE)),
    _bad_l1(*TRIPLE),
)
fuzz(
    l1.l2_shrink,
    broadcast_triple(TRIPLE),
    lambda kw, out: fw.assert_array(np.asarray(out), _bshape(kw, TRIPLE)),
    _bad_l1(*TRIPLE),
)


def _check_terms(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(np.asarray(out), _bshape(kw, QUAD))
    assert np.all(np.asarray(out) >= 0)


fuzz(l1.l1_quadratic_terms, broadcast_triple(QUAD), _check_terms, _bad_l1(*QUAD))
fuzz(
    l1.l1_quadratic_objective,
    broadcast_triple(QUAD),
    lambda kw, out: fw.assert_float(out, 0.0),
    _bad_l1(*QUAD),
)


def _check_interval(kw: fw.Kwargs, out: Any) -> None:
    low, high = out
    fw.assert_float(low)
    fw.assert_float(high)
    assert low <= high


fuzz(
    l1.abs_subdifferential,
    sg.kwargs(w=st.one_of(sg.real(), st.just(0.0), st.sampled_from([5e-324, -1e308]))),
    _check_interval,
    {"w": sg.bad_number()},
)
SCALAR_QUAD = sg.kwargs(
    w=st.one_of(sg.real(), st.just(0.0)),
    w_star=sg.real(),
    alpha=st.one_of(sg.positive(0.0, 1e6), st.just(0.0)),
    H=sg.positive(),
)
BAD_SCALAR_QUAD = {
    "w": sg.bad_number(),
    "w_star": sg.bad_number(),
    "alpha": sg.bad_number(sg.NEG),
    "H": sg.bad_number(sg.NONPOS),
}
fuzz(l1.subdifferential, SCALAR_QUAD, _check_interval, BAD_SCALAR_QUAD)
fuzz(
    l1.numerical_minimizer,
    sg.extend(SCALAR_QUAD, xatol=sg.positive(1e-12, 1.0)).map(
        lambda kw: {k: v for k, v in kw.items() if k != "w"}
    ),
    lambda kw, out: fw.assert_float(out),
    {**{k: v for k, v in BAD_SCALAR_QUAD.items() if k != "w"}, "xatol": sg.bad_number(sg.NONPOS)},
)


def _check_random_weights(kw: fw.Kwargs, out: Any) -> None:
    w_star, H = out
    fw.assert_array(w_star, (kw["d"],))
    fw.assert_array(H, (kw["d"],))
    assert np.all(H > 0)


fuzz(
    l1.random_weights,
    sg.kwargs(d=st.integers(1, 1000), seed=sg.SEEDS),
    _check_random_weights,
    {"d": sg.bad_number(0, 1001, integer=True), "seed": sg.bad_number(-1, integer=True)},
)
TABLE = sg.extend(
    sg.kwargs(w=sg.vectors((1, 6))),
    H=lambda kw: sg.arrays((len(kw["w"]),), structure=False).map(lambda a: np.abs(a) + 1e-6),
).map(lambda kw: {"table": np.column_stack([kw["w"], kw["H"]])})


def _check_table(kw: fw.Kwargs, out: Any) -> None:
    w_star, H = out
    fw.assert_array(w_star, (len(kw["table"]),))
    fw.assert_array(H, (len(kw["table"]),))


fuzz(
    l1.weights_from_table,
    TABLE,
    _check_table,
    {
        "table": sg.bad_array(
            "table",
            2,
            lambda kw: st.just(np.column_stack([kw["table"], kw["table"][:, :1]])),
            lambda kw: st.just(np.column_stack([kw["table"][:, 0], -kw["table"][:, 1]])),
        )
    },
)


@st.composite
def sparse_kwargs(draw: Any) -> fw.Kwargs:
    d = draw(st.integers(1, 8))
    whiten = draw(st.booleans())
    n = draw(st.integers(d if whiten else 1, 20))
    return dict(
        n=n,
        d=d,
        n_informative=draw(st.integers(0, d)),
        noise=draw(st.one_of(st.just(0.0), sg.positive(1e-6, 1e6))),
        seed=draw(sg.SEEDS),
        whiten=whiten,
        rho=draw(st.one_of(sg.unit(high_open=True), st.sampled_from([0.0, 0.999, 1 - 1e-9]))),
    )


def _check_sparse(kw: fw.Kwargs, out: Any) -> None:
    X, y, w = out
    fw.assert_array(X, (kw["n"], kw["d"]))
    fw.assert_array(y, (kw["n"],))
    fw.assert_array(w, (kw["d"],))
    assert np.count_nonzero(w) == kw["n_informative"]


fuzz(
    l1.sparse_regression,
    sparse_kwargs(),
    _check_sparse,
    {
        "n": sg.bad_number(0, 10_001, integer=True),
        "d": sg.bad_number(0, 1001, integer=True),
        "n_informative": sg.bad_number(-1, lambda kw: st.just(kw["d"] + 1), integer=True),
        "noise": sg.bad_number(sg.NEG),
        "seed": sg.bad_number(-1, integer=True),
        "rho": sg.bad_number(1.0, -0.1, 2.0),
    },
)
L1_XY = sg.extend(sg.kwargs(X=LS_X), y=lambda kw: sg.vectors(kw["X"].shape[0]))
BAD_Y1 = sg.bad_array("y", 1, sg.grow("y"))


def _check_default_lr(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_float(out)
    assert out > 0


TINY_X = [[1e-160]], [[3e-170, 0.0], [0.0, 1e-170]], [[5e-324]]  # n / sigma_max^2 overflows
fuzz(
    l1.default_lr,
    sg.kwargs(X=st.one_of(LS_X, sg.arrays(((1, 6), (1, 4)), exp=(-150, 150)))),
    _check_default_lr,
    {"X": sg.bad_array("X", 2, st.sampled_from(TINY_X))},
)
ALPHA = st.one_of(st.just(0.0), sg.positive(0.0, 1e6))
BAD_ALPHA = sg.bad_number(sg.NEG)


def _check_ista(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(out, (kw["steps"] + 1, _d(kw)), finite=False)
    assert not np.any(out[0])
    _check_nan_tail(out)  # documented divergence semantics
    if kw["lr"] is None or kw["lr"] < 1.999 * l1.default_lr(kw["X"]):
        fw.assert_finite(out)  # a stable step (below 2/L) never overflows


fuzz(
    l1.ista,
    sg.extend(
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
        "X": lambda kw: sg.bad_array(
            "X", 2, st.sampled_from(TINY_X) if kw["lr"] is None else sg.SKIP
        )(kw),
        "y": BAD_Y1,
        "alpha": BAD_ALPHA,
        "steps": sg.bad_number(-1, 100_001, integer=True),
        "lr": sg.bad_number(sg.NONPOS, none_ok=True),
    },
)


def _check_lasso_obj(kw: fw.Kwargs, out: Any) -> None:
    w = np.asarray(kw["w"])
    if w.ndim == 1:
        fw.assert_float(out, 0.0)
    else:
        fw.assert_array(out, (w.shape[0],))


fuzz(
    l1.lasso_objective,
    sg.extend(L1_XY, w=_weights("w"), alpha=ALPHA),
    _check_lasso_obj,
    {"X": BAD_X, "y": BAD_Y1, "w": BAD_W["w"], "alpha": BAD_ALPHA},
)
fuzz(
    l1.lasso_kkt_violation,
    sg.extend(L1_XY, w=lambda kw: sg.vectors(_d(kw)), alpha=ALPHA),
    lambda kw, out: fw.assert_float(out, 0.0),
    {
        "X": BAD_X,
        "y": BAD_Y1,
        "w": sg.bad_array("w", 1, sg.shrink_or_grow("w")),
        "alpha": BAD_ALPHA,
    },
)
fuzz(
    l1.lasso_lbfgsb,
    sg.extend(L1_XY, alpha=ALPHA),
    lambda kw, out: fw.assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y1, "alpha": BAD_ALPHA},
    examples=15,
)


def _check_lasso_solution(kw: fw.Kwargs, out: Any) -> None:
    w, steps = out
    fw.assert_array(w, (_d(kw),))
    assert isinstance(steps, int) and 0 <= steps <= kw["max_steps"]


fuzz(
    l1.lasso_solution,
    sg.extend(L1_XY, alpha=ALPHA, tol=sg.positive(1e-12, 1.0), max_steps=st.integers(1, 300)),
    _check_lasso_solution,
    {
        "X": BAD_X,
        "y": BAD_Y1,
        "alpha": BAD_ALPHA,
        "tol": sg.bad_number(sg.NONPOS),
        "max_steps": sg.bad_number(0, 10**6 + 1, integer=True),
    },
)


def _check_double_counted(kw: fw.Kwargs, out: Any) -> None:
    """Shrunk twice: never larger than the correct soft-threshold, never of the other sign."""
    out = np.asarray(out)
    fw.assert_array(out, _bshape(kw, TRIPLE))
    once = np.asarray(l1.soft_threshold(kw["w_star"], kw["alpha"], kw["H"]))
    assert np.all(np.abs(out) <= np.abs(once) * (1 + 1e-12))
    assert np.all(out * np.asarray(kw["w_star"]) >= 0)


fuzz(l1.double_counted_minimizer, broadcast_triple(TRIPLE), _check_double_counted, _bad_l1(*TRIPLE))

# ---------------------------------------------------------------------------------- elastic net
EN = ("w_star", "alpha1", "alpha2", "H")
EN_W = ("w",) + EN


def _check_elastic_net(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(np.asarray(out), _bshape(kw, EN))
    # never further from 0 than w*, and never across it
    assert np.all(np.abs(out) <= np.abs(kw["w_star"]) * (1 + 1e-12))
    assert np.all(np.asarray(out) * np.asarray(kw["w_star"]) >= 0)


fuzz(l1.elastic_net, broadcast_triple(EN), _check_elastic_net, _bad_l1(*EN))
fuzz(
    l1.elastic_net_terms,
    broadcast_triple(EN_W),
    lambda kw, out: fw.assert_array(np.asarray(out), _bshape(kw, EN_W)),
    _bad_l1(*EN_W),
)
fuzz(
    l1.elastic_net_objective,
    broadcast_triple(EN_W),
    lambda kw, out: fw.assert_float(out, 0.0),
    _bad_l1(*EN_W),
)

fuzz(
    l1.elastic_net_numerical,
    sg.kwargs(
        w_star=sg.real(),
        alpha1=st.one_of(sg.positive(0.0, 1e6), st.just(0.0)),
        alpha2=st.one_of(sg.positive(0.0, 1e6), st.just(0.0)),
        H=sg.positive(),
        xatol=sg.positive(1e-12, 1.0),
    ),
    lambda kw, out: fw.assert_float(out),
    {
        "w_star": sg.bad_number(),
        "alpha1": sg.bad_number(sg.NEG),
        "alpha2": sg.bad_number(sg.NEG),
        "H": sg.bad_number(sg.NONPOS),
        "xatol": sg.bad_number(sg.NONPOS),
    },
)

test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()

# The page's threshold, subgradient lines and worked LaTeX line (moved from the page to core).
PAIR_AH = ("alpha", "H")


def _check_threshold(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(np.asarray(out), _bshape(kw, PAIR_AH))
    assert np.all(np.asarray(out) >= 0)


fuzz(l1.threshold, broadcast_triple(PAIR_AH), _check_threshold, _bad_l1(*PAIR_AH))
SCALAR_TRIPLE = SCALAR_QUAD.map(lambda kw: {k: v for k, v in kw.items() if k != "w"})
BAD_SCALAR_TRIPLE = {k: v for k, v in BAD_SCALAR_QUAD.items() if k != "w"}


def _check_branches(kw: fw.Kwargs, out: Any) -> None:
    (w_neg, g_neg), (w_pos, g_pos) = out
    for w_part, g_part in ((w_neg, g_neg), (w_pos, g_pos)):
        fw.assert_array(w_part, g_part.shape)
        fw.assert_array(g_part, w_part.shape)
    assert w_neg[-1] == 0.0 and w_pos[0] == 0.0
    assert g_neg[-1] <= g_pos[0]  # the jump at 0 has height 2 alpha >= 0


fuzz(
    l1.subgradient_branches,
    sg.extend(SCALAR_TRIPLE, w=sg.arrays(((1, 8),))),
    _check_branches,
    {**BAD_SCALAR_TRIPLE, "w": sg.bad_array("w", 1)},
)
fuzz(
    l1.soft_threshold_worked_latex,
    SCALAR_TRIPLE,
    lambda kw, out: fw.assert_latex_line(out),
    BAD_SCALAR_TRIPLE,
)


def _check_double_threshold(kw: fw.Kwargs, out: Any) -> None:
    np.testing.assert_array_equal(np.asarray(out), 2.0 * np.asarray(l1.threshold(**kw)))


fuzz(
    l1.double_counted_threshold,
    broadcast_triple(PAIR_AH),
    _check_double_threshold,
    _bad_l1(*PAIR_AH),
)


def _check_shifted_text(kw: fw.Kwargs, out: Any) -> None:
    assert isinstance(out, str) and out.startswith("w") and "\n" not in out
    assert (out == "w") == (kw["c"] == 0)


fuzz(
    l1.shifted_w_text,
    sg.kwargs(c=st.one_of(sg.real(), st.just(0.0))),
    _check_shifted_text,
    {"c": sg.bad_number()},
)
