"""Fuzz cases of core.least_squares."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import least_squares
from tests.core.fuzz import framework as fw
from tests.core.fuzz import strategies as sg

# =============================================================================================
# core.least_squares
# =============================================================================================
CASES = fw.Cases()
fuzz = CASES.add
ls = least_squares
RTOL = st.one_of(st.none(), sg.unit(high_open=True), st.sampled_from([0.0, 0.5, 1 - 1e-12]))
BAD_RTOL = sg.bad_number(-1e-9, 1.0, 2.0, none_ok=True)
LS_X = sg.arrays(((1, 6), (1, 4)))
LS_XY = sg.extend(sg.kwargs(X=LS_X), y=lambda kw: sg.vectors(kw["X"].shape[0]))
BAD_X = sg.bad_array("X", 2)
BAD_Y = sg.bad_array("y", (1, 2), sg.grow("y"), lambda kw: st.just(np.ones((len(kw["y"]), 2))))


def _d(kw: fw.Kwargs) -> int:
    return np.asarray(kw["X"]).shape[1]


def _n(kw: fw.Kwargs) -> int:
    return np.asarray(kw["X"]).shape[0]


def _check_data(kw: fw.Kwargs, out: Any) -> None:
    X, y = out
    fw.assert_array(X, kw["X"].shape)
    fw.assert_array(y, (_n(kw),))


fuzz(
    ls.check_data,
    sg.extend(LS_XY, max_abs=st.one_of(st.just(ls.MAX_ABS), st.floats(1e3, 1e300))),
    _check_data,
    {"X": BAD_X, "y": BAD_Y, "max_abs": sg.bad_number(sg.NONPOS)},
    # documented: refuses entries above max_abs
    refuses=lambda kw: max(np.abs(kw["X"]).max(), np.abs(kw["y"]).max()) > kw["max_abs"],
)


def _check_svd(kw: fw.Kwargs, out: Any) -> None:
    n, d = kw["X"].shape
    fw.assert_array(out.U, (n, n))
    fw.assert_array(out.sigma, (min(n, d),))
    fw.assert_array(out.Vt, (d, d))
    assert 0 <= out.rank <= min(n, d)
    assert math.isfinite(out.tol) and out.tol >= 0


fuzz(ls.svd_info, sg.kwargs(X=LS_X, rtol=RTOL), _check_svd, {"X": BAD_X, "rtol": BAD_RTOL})


def _check_sv(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(out, (min(kw["X"].shape),))
    assert np.all(out >= 0) and np.all(np.diff(out) <= 0)


fuzz(ls.singular_values, sg.kwargs(X=LS_X), _check_sv, {"X": BAD_X})


def _check_rank(kw: fw.Kwargs, out: Any) -> None:
    assert isinstance(out, int) and 0 <= out <= min(kw["X"].shape)


fuzz(ls.rank, sg.kwargs(X=LS_X, rtol=RTOL), _check_rank, {"X": BAD_X, "rtol": BAD_RTOL})
fuzz(
    ls.is_unique,
    sg.kwargs(X=LS_X, rtol=RTOL),
    fw.holds(lambda kw, out: isinstance(out, bool)),
    {"X": BAD_X, "rtol": BAD_RTOL},
)


def _check_cond(kw: fw.Kwargs, out: Any) -> None:
    sigma = np.linalg.svd(kw["X"], compute_uv=False)
    if sigma[-1] == 0:
        assert out == math.inf  # documented
    else:
        fw.assert_float(out, 1.0 - 1e-12)


fuzz(ls.condition_number, sg.kwargs(X=LS_X), _check_cond, {"X": BAD_X})
fuzz(
    ls.pinv,
    sg.kwargs(X=LS_X, rtol=RTOL),
    lambda kw, out: fw.assert_array(out, kw["X"].shape[::-1]),
    {"X": BAD_X, "rtol": BAD_RTOL},
)
fuzz(
    ls.min_norm_solution,
    sg.extend(LS_XY, rtol=RTOL),
    lambda kw, out: fw.assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y, "rtol": BAD_RTOL},
)


def _solvable(kw: fw.Kwargs) -> bool:
    """Rank deficient (a documented refusal) or well enough conditioned for X^T X. In between,
    full rank by the SVD tolerance but kappa(X)^2 beyond 1/eps, core refuses with its own
    ValueError (FIXED_INVALID)."""
    return ls.rank(kw["X"], kw["rtol"]) < _d(kw) or np.linalg.cond(kw["X"]) < 1e7


# X on scales where X^T X under- or overflows (|X| ~ 1e-200 or 1e200), y as usual
LS_XY_FAR = sg.extend(
    sg.kwargs(
        X=st.one_of(
            sg.arrays(((1, 6), (1, 4)), exp=(-200, -150)),
            sg.arrays(((1, 6), (1, 4)), exp=(150, 200)),
        )
    ),
    y=lambda kw: sg.vectors(kw["X"].shape[0]),
)
fuzz(
    ls.normal_equations_solution,
    sg.extend(st.one_of(LS_XY, LS_XY_FAR), rtol=RTOL).filter(_solvable),
    lambda kw, out: fw.assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y, "rtol": BAD_RTOL},
    refuses=lambda kw: ls.rank(kw["X"], kw["rtol"]) < _d(kw),  # documented: needs full rank
)
fuzz(
    ls.lstsq_numeric,
    LS_XY,
    lambda kw, out: fw.assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y},
)


def _check_null(kw: fw.Kwargs, out: Any) -> None:
    d = _d(kw)
    fw.assert_array(out, (d, d - ls.rank(kw["X"], kw["rtol"])))


fuzz(ls.null_space, sg.kwargs(X=LS_X, rtol=RTOL), _check_null, {"X": BAD_X, "rtol": BAD_RTOL})


def _weights(name: str) -> Callable[[fw.Kwargs], st.SearchStrategy]:
    """A (d,) vector or an (m, d) stack, d = columns of X."""
    return lambda kw: st.one_of(sg.vectors(_d(kw)), sg.arrays(((1, 3), _d(kw))))


BAD_W = {
    name: sg.bad_array(name, (1, 2), sg.shrink_or_grow(name)) for name in ("w", "z", "w0", "theta")
}
fuzz(
    ls.project_null_space,
    sg.extend(sg.kwargs(X=LS_X, rtol=RTOL), w=_weights("w")),
    lambda kw, out: fw.assert_array(out, np.shape(kw["w"])),
    {"X": BAD_X, "w": BAD_W["w"], "rtol": BAD_RTOL},
)
fuzz(
    ls.solution_family,
    sg.extend(LS_XY, z=_weights("z"), rtol=RTOL),
    lambda kw, out: fw.assert_array(out, np.shape(kw["z"])),
    {"X": BAD_X, "y": BAD_Y, "z": BAD_W["z"], "rtol": BAD_RTOL},
)


def _exact_sumsq(kw: fw.Kwargs) -> list[Fraction]:
    """||Xw - y||^2 of each row of w, exactly (rational arithmetic on the float inputs)."""
    X = np.asarray(kw["X"], dtype=np.float64)
    y = np.asarray(kw["y"], dtype=np.float64)
    out = []
    for w in np.atleast_2d(np.asarray(kw["w"], dtype=np.float64)):
        r = [
            sum((Fraction(a) * Fraction(b) for a, b in zip(X[i], w, strict=True)), Fraction(0))
            - Fraction(y[i])
            for i in range(X.shape[0])
        ]
        out.append(sum((v * v for v in r), Fraction(0)))
    return out


def _check_loss(kind: str) -> Callable[[fw.Kwargs, Any], None]:
    """Documented: inf exactly when the value itself is beyond the float range (no overflow in
    between); checked against the exact value, with a factor 2 of slack at the border."""
    big = Fraction(np.finfo(np.float64).max)

    def check(kw: fw.Kwargs, out: Any) -> None:
        w = np.asarray(kw["w"])
        if w.ndim == 1:
            assert isinstance(out, float), f"expected a float, got {type(out).__name__}"
        else:
            fw.assert_array(out, (w.shape[0],), finite=False)
        n = np.shape(kw["X"])[0]
        for value, s in zip(np.atleast_1d(out), _exact_sumsq(kw), strict=True):
            exact = s / (2 * n) if kind == "loss" else s  # compared squared for the norm
            assert not math.isnan(value) and value >= 0
            bound = big if kind == "loss" else big * big
            if exact > 2 * bound:
                assert value == math.inf, f"{value} for an exact value beyond the float range"
            elif exact < bound / 2:
                assert math.isfinite(value), f"{value} for a representable exact value"

    return check


# |X|, |w| from 1e60 to 1e160, |y| from 1e-200 to 1e200: the products Xw, the squared
# residuals or their sum leave the float range (or all of them do)
LS_XYW_FAR = sg.extend(
    sg.kwargs(X=sg.arrays(((1, 6), (1, 4)), exp=(60, 160), structure=False)),
    y=lambda kw: sg.arrays((kw["X"].shape[0],), exp=(-200, 200), structure=False),
    w=lambda kw: st.one_of(
        sg.arrays((_d(kw),), exp=(60, 160), structure=False),
        sg.arrays(((1, 3), _d(kw)), exp=(60, 160), structure=False),
    ),
)
fuzz(
    ls.loss,
    st.one_of(sg.extend(LS_XY, w=_weights("w")), LS_XYW_FAR),
    _check_loss("loss"),
    {"X": BAD_X, "y": BAD_Y, "w": BAD_W["w"]},
)
fuzz(
    ls.residual_norm,
    st.one_of(sg.extend(LS_XY, w=_weights("w")), LS_XYW_FAR),
    _check_loss("norm"),
    {"X": BAD_X, "y": BAD_Y, "w": BAD_W["w"]},
)
fuzz(
    ls.ridge_solution,
    sg.extend(LS_XY, lam=st.one_of(sg.positive(1e-12, 1e12), st.sampled_from([1e-300, 1e300]))),
    lambda kw, out: fw.assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y, "lam": sg.bad_number(sg.NONPOS)},
)
LAMS = sg.arrays(((1, 5),), exp=(-6, 6), structure=False).map(lambda a: np.abs(a) + 1e-9)
fuzz(
    ls.ridge_path,
    sg.extend(LS_XY, lams=LAMS),
    lambda kw, out: fw.assert_array(out, (len(kw["lams"]), _d(kw))),
    {
        "X": BAD_X,
        "y": BAD_Y,
        "lams": sg.bad_array("lams", 1, lambda kw: st.just(np.r_[kw["lams"], 0.0]), [-1.0]),
    },
)


def _log10_sigma_max(X: np.ndarray) -> float:
    scale = float(np.max(np.abs(X)))  # scaled first: the oracle must not overflow either
    return math.log10(scale) + math.log10(float(np.linalg.norm(X / scale, 2)))


LOG10_MAX = math.log10(np.finfo(np.float64).max)
LOG10_TINY = math.log10(np.finfo(np.float64).tiny)  # smallest normal number, ~2.2e-308


def _check_max_lr(kw: fw.Kwargs, out: Any) -> None:
    X = np.asarray(kw["X"], dtype=np.float64)
    if not np.any(X):
        assert out == math.inf  # documented for X = 0
        return
    log10_limit = math.log10(2 * X.shape[0]) - 2 * _log10_sigma_max(X)
    if log10_limit > LOG10_MAX + 1e-6:
        assert out == math.inf  # documented: beyond the float range, every float step is stable
    elif log10_limit > LOG10_TINY:
        fw.assert_float(out, 0.0)
        assert out > 0 and abs(math.log10(out) - log10_limit) < 1e-9
    else:  # documented: subnormal (fewer digits) or 0
        fw.assert_float(out, 0.0)
        assert abs(out - 10.0**log10_limit) <= 1e-323 + 1e-9 * 10.0**log10_limit


# entries from 1e-200 to 1e200: sigma_max^2 leaves the float range
LS_X_FAR = sg.arrays(((1, 6), (1, 4)), exp=(-200, 200))
fuzz(ls.max_stable_lr, sg.kwargs(X=st.one_of(LS_X, LS_X_FAR)), _check_max_lr, {"X": BAD_X})


def _check_nan_tail(W: np.ndarray) -> None:
    """Documented divergence semantics: finite rows, then (after an overflow) only NaN rows."""
    finite = np.all(np.isfinite(W), axis=1)
    k = int(np.argmin(finite)) if not finite.all() else W.shape[0]
    assert finite[:k].all() and np.isnan(W[k:]).all(), "rows after a non-finite row must be NaN"


def _check_ls_gd(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(out, (kw["steps"] + 1, _d(kw)), finite=False)
    assert np.array_equal(out[0], kw["w0"])
    _check_nan_tail(out)


STEPS = st.integers(0, 40)
fuzz(
    ls.gradient_descent,
    sg.extend(
        LS_XY,
        w0=lambda kw: sg.vectors(_d(kw)),
        lr=st.one_of(sg.positive(1e-9, 1e9), st.sampled_from([1e-300, 1e300])),
        steps=STEPS,
    ),
    _check_ls_gd,
    {
        "X": BAD_X,
        "y": BAD_Y,
        "w0": BAD_W["w0"],
        "lr": sg.bad_number(sg.NONPOS),
        "steps": sg.bad_number(-1, 100_001, integer=True),
    },
)


def _check_grid(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(out, (len(kw["w2"]), len(kw["w1"])))
    assert np.all(out >= 0)


fuzz(
    ls.loss_grid,
    sg.extend(
        sg.kwargs(X=sg.arrays(((1, 6), 2))),
        y=lambda kw: sg.vectors(kw["X"].shape[0]),
        w1=sg.vectors((1, 6)),
        w2=sg.vectors((1, 6)),
    ),
    _check_grid,
    {
        "X": sg.bad_array("X", 2, lambda kw: st.just(np.ones((len(kw["y"]), 3)))),
        "y": BAD_Y,
        "w1": sg.bad_array("w1", 1),
        "w2": sg.bad_array("w2", 1),
    },
)


def _check_example(kw: fw.Kwargs, out: Any) -> None:
    X, y = out
    assert X.ndim == 2 and y.shape == (X.shape[0],)
    fw.assert_finite(out)


fuzz(
    ls.example_data,
    sg.kwargs(
        name=st.sampled_from(ls.EXAMPLES),
        noise=st.one_of(sg.positive(0.0, 1e6), st.just(0.0)),
        seed=sg.SEEDS,
    ),
    _check_example,
    {
        "name": sg.bad_name(valid=ls.EXAMPLES),
        "noise": sg.bad_number(sg.NEG),
        "seed": sg.bad_number(-1, integer=True),
    },
)
fuzz(
    ls.symbolic_normal_equations,
    sg.kwargs(),
    fw.holds(lambda kw, out: isinstance(out, ls.SymbolicNormalEquations)),
    examples=1,
)
T_VALUE = st.one_of(st.floats(-10.0, 10.0), st.sampled_from([0.0, -10.0, 10.0, 1e-9, 1e-4]))
BAD_T = {"t_value": sg.bad_number(st.floats(10.001, 1e300), st.floats(-1e300, -10.001))}


def _check_symbolic_system(kw: fw.Kwargs, out: Any) -> None:
    A, b = out
    assert A.shape == (2, 2) and b.shape == (2, 1)
    assert all(v.is_finite for v in list(A) + list(b))


fuzz(ls.symbolic_system_at, sg.kwargs(t_value=T_VALUE), _check_symbolic_system, BAD_T, examples=15)


def _check_symbolic_solutions(kw: fw.Kwargs, out: Any) -> None:
    det, sol = out
    assert det.is_Rational and det.is_finite and det >= 0
    assert not sol.is_empty


fuzz(
    ls.symbolic_solutions, sg.kwargs(t_value=T_VALUE), _check_symbolic_solutions, BAD_T, examples=15
)


def _check_symbolic_numeric(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(out[0], (3, 2))
    fw.assert_array(out[1], (3,))


fuzz(ls.symbolic_example_numeric, sg.kwargs(t_value=T_VALUE), _check_symbolic_numeric, BAD_T)


# --- generalized inverses and sensitivity (functions may move to their own modules and stay
# re-exported here: the cases name them through core.least_squares)
def _square(name: str) -> Callable[[fw.Kwargs], st.SearchStrategy]:
    return lambda kw: sg.arrays((_d(kw), _d(kw)))


def _bad_square(name: str, none_ok: bool = False) -> Callable[[fw.Kwargs], st.SearchStrategy]:
    def factory(kw: fw.Kwargs) -> st.SearchStrategy:
        d = _d(kw)
        wrong = [np.ones((d + 1, d)), np.ones((d, d + 1)), np.ones(d), np.full((d, d), math.nan)]
        return st.one_of(st.sampled_from(wrong), sg.bad_array(name, 2, none_ok=none_ok)(kw))

    return factory


def _check_ginv(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(out, (_d(kw), _d(kw)))


fuzz(
    ls.generalized_inverse,
    sg.extend(
        sg.kwargs(X=LS_X, rtol=RTOL),
        Z=_square("Z"),
        W=lambda kw: st.one_of(st.none(), _square("W")(kw)),
    ),
    _check_ginv,
    {"X": BAD_X, "Z": _bad_square("Z"), "W": _bad_square("W", none_ok=True), "rtol": BAD_RTOL},
)


def _check_block(kw: fw.Kwargs, out: Any) -> None:
    G, cols = out
    fw.assert_array(G, (_d(kw), _d(kw)))
    assert len(cols) == ls.rank(kw["X"], kw["rtol"]) and cols == sorted(set(cols))
    outside = np.ones(_d(kw), bool)
    outside[cols] = False
    assert not G[outside].any() and not G[:, outside].any()  # zero off the chosen block


# rtol = 0 on a rank-deficient X: numpy's LinAlgError "Singular matrix" leaks (an open bug,
# test_regressions), so these two draw a tolerance > 0 or the automatic one
RTOL_POSITIVE = st.one_of(st.none(), st.floats(1e-12, 1.0, exclude_max=True))
fuzz(
    ls.block_generalized_inverse,
    sg.kwargs(X=LS_X, rtol=RTOL_POSITIVE),
    _check_block,
    {"X": BAD_X, "rtol": BAD_RTOL},
)
fuzz(
    ls.minimizer_from_ginv,
    sg.extend(LS_XY, G=_square("G")),
    lambda kw, out: fw.assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y, "G": _bad_square("G")},
)


def _check_compare(kw: fw.Kwargs, out: Any) -> None:
    assert [r.name for r in out] == ["mp", "block", "family"]
    for r in out:
        fw.assert_array(r.G, (_d(kw), _d(kw)))
        fw.assert_array(r.w, (_d(kw),))
        fw.assert_finite((r.defect, r.norm, r.residual))


fuzz(
    ls.compare_generalized_inverses,
    sg.extend(LS_XY, rtol=RTOL_POSITIVE),
    _check_compare,
    {"X": BAD_X, "y": BAD_Y, "rtol": BAD_RTOL},
)


def _w_is_zero(kw: fw.Kwargs) -> bool:
    return not np.any(np.linalg.pinv(kw["X"]) @ kw["y"])


fuzz(
    ls.perturbation_gain,
    sg.extend(LS_XY, dX=lambda kw: sg.arrays(kw["X"].shape)),
    lambda kw, out: fw.assert_float(out, 0.0),
    {
        "X": BAD_X,
        "y": BAD_Y,
        "dX": sg.bad_array("dX", 2, sg.grow("dX"), lambda kw: st.just(np.zeros_like(kw["dX"]))),
    },
    # documented: w = 0 or dX = 0 leave the relative change undefined
    refuses=lambda kw: _w_is_zero(kw) or not np.any(kw["dX"]),
)


def _check_sensitivity(kw: fw.Kwargs, out: Any) -> None:
    n, d = kw["X"].shape
    if n == d:  # documented: no room for a residual, gain_residual is nan
        assert math.isnan(out.gain_residual) and not out.dX_residual.any()
        out = dataclasses.replace(out, gain_residual=0.0)
    fw.assert_finite(out)
    assert out.kappa >= 1.0
    assert out.gain_residual >= 0.0 and out.gain_fit >= 0.0
    fw.assert_array(out.dX_residual, kw["X"].shape)
    fw.assert_array(out.dX_fit, kw["X"].shape)


fuzz(
    ls.sensitivity,
    LS_XY,
    _check_sensitivity,
    {"X": BAD_X, "y": BAD_Y},
    # documented: needs full column rank and w != 0
    refuses=lambda kw: ls.rank(kw["X"]) < _d(kw) or _w_is_zero(kw),
)


def _check_conditioned(kw: fw.Kwargs, out: Any) -> None:
    X, y = out
    n = kw["n"]
    fw.assert_array(X, (n, 2))
    fw.assert_array(y, (n,))
    sigma = np.linalg.svd(X, compute_uv=False)
    np.testing.assert_allclose(sigma[0], 1.0, rtol=1e-12)
    np.testing.assert_allclose(sigma[0] / sigma[1], kw["kappa"], rtol=1e-8)
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    residual = np.linalg.norm(y - X @ w)
    np.testing.assert_allclose(residual, kw["residual"], rtol=1e-6, atol=1e-9)


fuzz(
    ls.conditioned_example,
    sg.kwargs(
        kappa=st.one_of(st.floats(1.0, 1e6), st.sampled_from([1.0, 1e6])),
        residual=st.one_of(st.floats(0.0, 1e3), st.sampled_from([0.0, 1e3])),
        n=st.integers(3, 50),
        seed=sg.SEEDS,
    ),
    _check_conditioned,
    {
        "kappa": sg.bad_number(0.999, 1e6 * 1.001, -1.0),
        "residual": sg.bad_number(-1e-9, 1e3 + 1),
        "n": sg.bad_number(2, 51, integer=True),
        "seed": sg.bad_number(-1, integer=True),
    },
    lists_ok=False,
)


test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
