"""Fuzz every public function of the theory modules (issue 7).

Valid input: for each function a hypothesis strategy draws arguments over wide ranges (array
entries from 1e-7 to 1e7 or exactly 0, one sample, all-equal values, duplicated / rank-one /
near-collinear columns, columns on different scales, parameters at their boundaries; arrays also
passed as nested lists and numbers as numpy scalars). The call runs with ``RuntimeWarning`` as an
error (silent overflow or NaN is a bug unless the docstring documents it) and the output must be
finite (or follow the documented inf/NaN semantics) and have the documented shape.

Invalid input: from a valid call, each parameter in turn is replaced by an invalid or hostile
value (NaN, +-inf, wrong shape or length, empty, string, None, ragged or mixed list, object,
bool, complex, out of range, unknown name or keyword). Only core's own ``ValueError`` may come
out: any other exception, a ``LinAlgError`` (a ValueError subclass) or numpy's internal
ValueError ("operands could not be broadcast", ...) is a bug, and so is silence.

``test_every_public_function_is_fuzzed`` lists the public functions of each module with
``inspect`` and fails when one has no case, so a new function cannot slip by. Bugs the fuzz found
were fixed in core; their inputs are drawn by the strategies and also kept as explicit
regression examples in the "bugs" section.

The examples are derandomized (``SETTINGS``): every run, on CI too, tries the same inputs. To
look for new bugs, run with ``HYPOTHESIS_PROFILE=explore`` and ``--hypothesis-seed=N`` for a few
N (a seed has no effect while derandomized), or raise ``max_examples``.
"""

from __future__ import annotations

import dataclasses
import inspect
import math
import os
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import (
    activations,
    batch_norm,
    confusion,
    dropout,
    generalized_inverse,
    l1_proximal,
    least_squares,
    linear_networks,
    metrics,
    optimizers,
    roc,
    schedules,
    sensitivity,
)

Kwargs = dict[str, Any]
BadFactory = Callable[[Kwargs], st.SearchStrategy]

# ---------------------------------------------------------------------------------------------
# framework
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One fuzzed function: valid inputs, what a valid output must satisfy, invalid inputs."""

    func: Callable[..., Any]
    valid: st.SearchStrategy  # draws the keyword arguments of a valid call
    check: Callable[[Kwargs, Any], None]  # asserts on (kwargs, output)
    bad: dict[str, BadFactory] = field(default_factory=dict)  # parameter -> invalid values
    refuses: Callable[[Kwargs], bool] = lambda kw: False  # documented ValueError on valid input
    examples: int = 30
    lists_ok: bool = True  # array_like: the function also takes nested lists

    @property
    def id(self) -> str:
        return f"{self.func.__module__.removeprefix('core.')}.{self.func.__qualname__}"


CASES: list[Case] = []


def fuzz(
    func: Callable[..., Any],
    valid: st.SearchStrategy,
    check: Callable[[Kwargs, Any], None] | None = None,
    bad: dict[str, BadFactory] | None = None,
    refuses: Callable[[Kwargs], bool] | None = None,
    examples: int = 30,
    lists_ok: bool = True,
) -> None:
    CASES.append(
        Case(
            func,
            valid,
            check or (lambda kw, out: assert_finite(out)),
            bad or {},
            refuses or (lambda kw: False),
            examples,
            lists_ok,
        )
    )


def as_plain(value: Any, form: str) -> Any:
    """The same argument as nested Python lists (``form="lists"``) or numpy scalars
    (``form="numpy"``): array_like and number parameters must accept both."""
    if form == "lists":
        if isinstance(value, np.ndarray):
            return value.tolist()
        if isinstance(value, list):
            return [as_plain(v, form) for v in value]
    if form == "numpy" and type(value) is float:
        return np.float64(value)
    if form == "numpy" and type(value) is int and abs(value) < 2**63:
        return np.int64(value)
    return value


def call_strict(func: Callable[..., Any], kwargs: Kwargs) -> Any:
    """Call with every RuntimeWarning (overflow, invalid value, divide by zero) as an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        return func(**kwargs)


def assert_value_error(func: Callable[..., Any], kwargs: Kwargs) -> None:
    """``func(**kwargs)`` must raise ValueError with a message; any other outcome is a bug."""
    try:
        call_strict(func, kwargs)
    except ValueError as exc:
        # LinAlgError subclasses ValueError, and numpy's own ValueErrors (broadcasting, matmul)
        # also pass `except ValueError`, but neither is core's validation naming the parameter.
        leaked = isinstance(exc, np.linalg.LinAlgError) or NUMPY_MESSAGE.search(str(exc))
        if leaked or not str(exc):
            pytest.fail(
                f"{func.__name__}({_show(kwargs)}) raised {type(exc).__name__}: {exc}; "
                "expected core's own ValueError naming the parameter"
            )
        return
    except Exception as exc:  # noqa: BLE001 - the point is to report the wrong type
        pytest.fail(
            f"{func.__name__}({_show(kwargs)}) raised {type(exc).__name__}: {exc}; "
            "only ValueError is allowed for invalid input"
        )
    pytest.fail(f"{func.__name__}({_show(kwargs)}) accepted invalid input without ValueError")


NUMPY_MESSAGE = re.compile(
    "could not be broadcast|could not broadcast|not aligned|matmul: Input operand|"
    "cannot be concatenated|truth value of an array|array element with a sequence|"
    "could not convert|must have the same number of dimensions|negative dimensions"
)


def _show(kwargs: Kwargs) -> str:
    return ", ".join(f"{k}={v!r}"[:200] for k, v in kwargs.items())


def assert_finite(obj: Any, path: str = "output") -> None:
    """Every float in ``obj`` (arrays, tuples, lists, dicts, dataclasses) is finite."""
    if obj is None or isinstance(obj, (bool, str, np.bool_)) or callable(obj):
        return
    if isinstance(obj, (int, np.integer)):
        return
    if isinstance(obj, (float, np.floating)):
        assert math.isfinite(obj), f"{path} = {obj}"
    elif isinstance(obj, np.ndarray):
        if obj.dtype.kind in "fc":
            assert np.all(np.isfinite(obj)), f"{path} has non-finite entries: {obj}"
    elif isinstance(obj, (tuple, list)):
        for i, item in enumerate(obj):
            assert_finite(item, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for k, item in obj.items():
            assert_finite(item, f"{path}[{k!r}]")
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            assert_finite(getattr(obj, f.name), f"{path}.{f.name}")


def holds(pred: Callable[[Kwargs, Any], Any]) -> Callable[[Kwargs, Any], None]:
    """A check from a predicate on (kwargs, output)."""

    def check(kw: Kwargs, out: Any) -> None:
        assert pred(kw, out), f"unexpected output {out!r}"

    return check


def assert_array(out: Any, shape: tuple[int, ...], finite: bool = True) -> None:
    assert isinstance(out, np.ndarray), f"expected an ndarray, got {type(out).__name__}"
    assert out.shape == shape, f"shape {out.shape}, expected {shape}"
    if finite:
        assert_finite(out)


def assert_latex_line(out: Any) -> None:
    """A LaTeX line for st.latex: a non-empty one-line string with balanced braces."""
    assert isinstance(out, str) and out and "\n" not in out, repr(out)
    assert out.count("{") == out.count("}"), out


def assert_float(out: Any, low: float = -math.inf, high: float = math.inf) -> None:
    assert isinstance(out, (float, np.floating)), f"expected a float, got {type(out).__name__}"
    assert math.isfinite(out), f"output = {out}"
    assert low <= out <= high, f"output {out} outside [{low}, {high}]"


SETTINGS = dict(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # the same examples on every run and machine (CI included), as tests/conftest.py's "ci"
    # profile; HYPOTHESIS_PROFILE=explore draws new ones (see the module docstring)
    derandomize=os.environ.get("HYPOTHESIS_PROFILE", "ci") != "explore",
)


# ---------------------------------------------------------------------------------------------
# strategies: valid values
# ---------------------------------------------------------------------------------------------

EXP = (-6, 6)  # decimal exponent of the scale of drawn arrays: |entries| from 1e-7 to 1e7 (or 0)


def _dim(draw: Any, dim: int | tuple[int, int]) -> int:
    return dim if isinstance(dim, int) else draw(st.integers(*dim))


@st.composite
def arrays(
    draw: Any,
    shape: tuple[int | tuple[int, int], ...],
    exp: tuple[int, int] = EXP,
    structure: bool = True,
) -> np.ndarray:
    """Finite float64 array: entries 0 or +-[0.1, 1] times 10**k, k in ``exp``; sometimes all
    zero, all equal, integers, per-column scales, duplicated / rank-one / near-collinear columns
    or duplicated rows."""
    shp = tuple(_dim(draw, s) for s in shape)
    # mantissas from a drawn seed: much cheaper to generate than element by element
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    a = rng.choice([-1.0, 1.0, 0.0], size=shp, p=[0.4, 0.4, 0.2]) * rng.uniform(0.1, 1.0, shp)
    if structure:
        kind = draw(st.sampled_from(["plain", "plain", "plain", "zero", "const", "ints"]))
        if kind == "zero":
            a = np.zeros(shp)
        elif kind == "const":
            a = np.full(shp, a.flat[0])
        elif kind == "ints":
            a = np.round(10 * a)
    scale = 10.0 ** draw(st.integers(*exp))
    if structure and a.ndim == 2 and a.shape[1] > 1:
        form = draw(
            st.sampled_from(["none", "none", "dupcol", "duprow", "rank1", "nearcol", "colscale"])
        )
        if form == "dupcol":
            a[:, 1] = a[:, 0]
        elif form == "duprow" and a.shape[0] > 1:
            a[1] = a[0]
        elif form == "rank1":
            a = np.outer(a[:, 0], a[0])
        elif form == "nearcol":
            a[:, 1] = a[:, 0] + 1e-9 * a[:, 1]
        elif form == "colscale":
            return a * 10.0 ** rng.integers(exp[0], exp[1] + 1, a.shape[1])
    return a * scale


def vectors(n: int | tuple[int, int], exp: tuple[int, int] = EXP) -> st.SearchStrategy:
    return arrays((n,), exp)


def positive(lo: float = 1e-6, hi: float = 1e6) -> st.SearchStrategy:
    return st.floats(lo, hi)


def real(hi: float = 1e6) -> st.SearchStrategy:
    return st.floats(-hi, hi)


def unit(low_open: bool = False, high_open: bool = False) -> st.SearchStrategy:
    return st.floats(0.0, 1.0, exclude_min=low_open, exclude_max=high_open)


SEEDS = st.integers(0, 2**53)


def extend(base: st.SearchStrategy, **more: Any) -> st.SearchStrategy:
    """Add keyword arguments to the dicts drawn by ``base``; a value is a strategy or a function
    of the kwargs drawn so far returning a strategy."""

    @st.composite
    def build(draw: Any) -> Kwargs:
        kw = dict(draw(base))
        for k, v in more.items():
            kw[k] = draw(v if isinstance(v, st.SearchStrategy) else v(kw))
        return kw

    return build()


def kwargs(**parts: Any) -> st.SearchStrategy:
    return extend(st.just({}), **parts)


# ---------------------------------------------------------------------------------------------
# strategies: invalid values
# ---------------------------------------------------------------------------------------------

_SKIP = object()
SKIP = st.just(_SKIP)  # no invalid value of this parameter for these kwargs (it is ignored)
NONFINITE = st.sampled_from([math.nan, math.inf, -math.inf])
JUNK = st.one_of(
    st.sampled_from(["abc", "", {}, [1.0, "x"], [[1.0, 2.0], [3.0]]]), st.builds(object)
)


def _as_strategy(value: Any, kw: Kwargs) -> st.SearchStrategy:
    if isinstance(value, st.SearchStrategy):
        return value
    if callable(value):
        return value(kw)
    return st.just(value)


def bad_number(*out_of_range: Any, integer: bool = False, none_ok: bool = False) -> BadFactory:
    """Invalid values of a scalar parameter checked with ``check_scalar``."""

    def factory(kw: Kwargs) -> st.SearchStrategy:
        opts = [
            NONFINITE,
            JUNK,
            st.sampled_from(["1.0", [1.0], np.array([1.0, 2.0]), True, 1 + 1j]),
        ]
        if not none_ok:
            opts.append(st.none())
        if integer:
            opts.append(st.sampled_from([1.5, 0.5]))
        opts += [_as_strategy(v, kw) for v in out_of_range]
        return st.one_of(opts)

    return factory


def with_nonfinite(arr: np.ndarray) -> st.SearchStrategy:
    def put(args: tuple[int, float]) -> np.ndarray:
        out = np.array(arr, dtype=np.float64)
        out.flat[args[0] % out.size] = args[1]
        return out

    return st.tuples(st.integers(0, 10**6), NONFINITE).map(put)


def _wrong_ndim(arr: np.ndarray, allowed: tuple[int, ...]) -> list[np.ndarray]:
    flat = arr.ravel()
    forms = {0: flat[0].copy(), 1: flat, 2: flat.reshape(1, -1), 3: flat.reshape(1, 1, -1)}
    return [v for k, v in forms.items() if k not in allowed]


def bad_array(
    name: str, ndim: int | tuple[int, ...] | None = None, *extra: Any, none_ok: bool = False
) -> BadFactory:
    """Invalid values of an array parameter: a NaN/inf entry, wrong ndim, empty, junk, extras."""
    allowed = (ndim,) if isinstance(ndim, int) else ndim

    def factory(kw: Kwargs) -> st.SearchStrategy:
        junk = JUNK if none_ok else st.one_of(JUNK, st.none())
        opts = [junk]
        if kw.get(name) is not None:
            arr = np.asarray(kw[name], dtype=np.float64)
            opts += [with_nonfinite(arr), st.just(np.empty((0,) + arr.shape[1:]))]
            if allowed is not None:
                opts.append(st.sampled_from(_wrong_ndim(arr, allowed)))
        opts += [_as_strategy(v, kw) for v in extra]
        return st.one_of(opts)

    return factory


def bad_name(*extra: Any, valid: Any = (), none_ok: bool = False) -> BadFactory:
    """Invalid values of a name parameter (``valid``: the accepted names, kept out of the text)."""
    names: list[Any] = ["", "no_such_name", "RELU ", 3, 1.5, ("x",)]
    unhashable = [[str(v)] for v in list(valid)[:2]] + [["relu"], {}, {"x": 1}]  # not dict keys
    opts = [
        st.sampled_from(names),
        st.sampled_from(unhashable),
        st.text(max_size=8).filter(lambda t: t not in valid),
        *[_as_strategy(v, {}) for v in extra],
    ]
    if not none_ok:
        opts.append(st.none())
    s = st.one_of(opts)
    return lambda kw: s


def bad_rng() -> BadFactory:
    s = st.sampled_from([None, 42, "rng", np.random.RandomState(0), np.random.default_rng])
    return lambda kw: s


def grow(name: str, axis: int = 0) -> Callable[[Kwargs], st.SearchStrategy]:
    """The array ``kw[name]`` with one more entry (row) along ``axis``: a length mismatch."""

    def factory(kw: Kwargs) -> st.SearchStrategy:
        a = np.asarray(kw[name], dtype=np.float64)
        return st.just(np.concatenate([a, np.take(a, [0], axis=axis)], axis=axis))

    return factory


def shrink_or_grow(name: str, axis: int = -1) -> Callable[[Kwargs], st.SearchStrategy]:
    """``kw[name]`` with one more entry, or one fewer when it has more than one, along ``axis``."""

    def factory(kw: Kwargs) -> st.SearchStrategy:
        a = np.asarray(kw[name], dtype=np.float64)
        options = [np.concatenate([a, np.take(a, [0], axis=axis)], axis=axis)]
        if a.shape[axis] > 1:
            options.append(np.delete(a, 0, axis=axis))
        return st.sampled_from(options)

    return factory


NEG = st.floats(-1e6, -1e-9)
NONPOS = st.one_of(st.just(0.0), NEG)


# =============================================================================================
# core.least_squares
# =============================================================================================
ls = least_squares
RTOL = st.one_of(st.none(), unit(high_open=True), st.sampled_from([0.0, 0.5, 1 - 1e-12]))
BAD_RTOL = bad_number(-1e-9, 1.0, 2.0, none_ok=True)
LS_X = arrays(((1, 6), (1, 4)))
LS_XY = extend(kwargs(X=LS_X), y=lambda kw: vectors(kw["X"].shape[0]))
BAD_X = bad_array("X", 2)
BAD_Y = bad_array("y", (1, 2), grow("y"), lambda kw: st.just(np.ones((len(kw["y"]), 2))))


def _d(kw: Kwargs) -> int:
    return np.asarray(kw["X"]).shape[1]


def _n(kw: Kwargs) -> int:
    return np.asarray(kw["X"]).shape[0]


def _check_data(kw: Kwargs, out: Any) -> None:
    X, y = out
    assert_array(X, kw["X"].shape)
    assert_array(y, (_n(kw),))


fuzz(
    ls.check_data,
    extend(LS_XY, max_abs=st.one_of(st.just(ls.MAX_ABS), st.floats(1e3, 1e300))),
    _check_data,
    {"X": BAD_X, "y": BAD_Y, "max_abs": bad_number(NONPOS)},
    # documented: refuses entries above max_abs
    refuses=lambda kw: max(np.abs(kw["X"]).max(), np.abs(kw["y"]).max()) > kw["max_abs"],
)


def _check_svd(kw: Kwargs, out: Any) -> None:
    n, d = kw["X"].shape
    assert_array(out.U, (n, n))
    assert_array(out.sigma, (min(n, d),))
    assert_array(out.Vt, (d, d))
    assert 0 <= out.rank <= min(n, d)
    assert math.isfinite(out.tol) and out.tol >= 0


fuzz(ls.svd_info, kwargs(X=LS_X, rtol=RTOL), _check_svd, {"X": BAD_X, "rtol": BAD_RTOL})


def _check_sv(kw: Kwargs, out: Any) -> None:
    assert_array(out, (min(kw["X"].shape),))
    assert np.all(out >= 0) and np.all(np.diff(out) <= 0)


fuzz(ls.singular_values, kwargs(X=LS_X), _check_sv, {"X": BAD_X})


def _check_rank(kw: Kwargs, out: Any) -> None:
    assert isinstance(out, int) and 0 <= out <= min(kw["X"].shape)


fuzz(ls.rank, kwargs(X=LS_X, rtol=RTOL), _check_rank, {"X": BAD_X, "rtol": BAD_RTOL})
fuzz(
    ls.is_unique,
    kwargs(X=LS_X, rtol=RTOL),
    holds(lambda kw, out: isinstance(out, bool)),
    {"X": BAD_X, "rtol": BAD_RTOL},
)


def _check_cond(kw: Kwargs, out: Any) -> None:
    sigma = np.linalg.svd(kw["X"], compute_uv=False)
    if sigma[-1] == 0:
        assert out == math.inf  # documented
    else:
        assert_float(out, 1.0 - 1e-12)


fuzz(ls.condition_number, kwargs(X=LS_X), _check_cond, {"X": BAD_X})
fuzz(
    ls.pinv,
    kwargs(X=LS_X, rtol=RTOL),
    lambda kw, out: assert_array(out, kw["X"].shape[::-1]),
    {"X": BAD_X, "rtol": BAD_RTOL},
)
fuzz(
    ls.min_norm_solution,
    extend(LS_XY, rtol=RTOL),
    lambda kw, out: assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y, "rtol": BAD_RTOL},
)


def _solvable(kw: Kwargs) -> bool:
    """Rank deficient (a documented refusal) or well enough conditioned for X^T X. In between,
    full rank by the SVD tolerance but kappa(X)^2 beyond 1/eps, core refuses with its own
    ValueError (FIXED_INVALID)."""
    return ls.rank(kw["X"], kw["rtol"]) < _d(kw) or np.linalg.cond(kw["X"]) < 1e7


# X on scales where X^T X under- or overflows (|X| ~ 1e-200 or 1e200), y as usual
LS_XY_FAR = extend(
    kwargs(
        X=st.one_of(
            arrays(((1, 6), (1, 4)), exp=(-200, -150)), arrays(((1, 6), (1, 4)), exp=(150, 200))
        )
    ),
    y=lambda kw: vectors(kw["X"].shape[0]),
)
fuzz(
    ls.normal_equations_solution,
    extend(st.one_of(LS_XY, LS_XY_FAR), rtol=RTOL).filter(_solvable),
    lambda kw, out: assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y, "rtol": BAD_RTOL},
    refuses=lambda kw: ls.rank(kw["X"], kw["rtol"]) < _d(kw),  # documented: needs full rank
)
fuzz(
    ls.lstsq_numeric,
    LS_XY,
    lambda kw, out: assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y},
)


def _check_null(kw: Kwargs, out: Any) -> None:
    d = _d(kw)
    assert_array(out, (d, d - ls.rank(kw["X"], kw["rtol"])))


fuzz(ls.null_space, kwargs(X=LS_X, rtol=RTOL), _check_null, {"X": BAD_X, "rtol": BAD_RTOL})


def _weights(name: str) -> Callable[[Kwargs], st.SearchStrategy]:
    """A (d,) vector or an (m, d) stack, d = columns of X."""
    return lambda kw: st.one_of(vectors(_d(kw)), arrays(((1, 3), _d(kw))))


BAD_W = {name: bad_array(name, (1, 2), shrink_or_grow(name)) for name in ("w", "z", "w0", "theta")}
fuzz(
    ls.project_null_space,
    extend(kwargs(X=LS_X, rtol=RTOL), w=_weights("w")),
    lambda kw, out: assert_array(out, np.shape(kw["w"])),
    {"X": BAD_X, "w": BAD_W["w"], "rtol": BAD_RTOL},
)
fuzz(
    ls.solution_family,
    extend(LS_XY, z=_weights("z"), rtol=RTOL),
    lambda kw, out: assert_array(out, np.shape(kw["z"])),
    {"X": BAD_X, "y": BAD_Y, "z": BAD_W["z"], "rtol": BAD_RTOL},
)


def _exact_sumsq(kw: Kwargs) -> list[Fraction]:
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


def _check_loss(kind: str) -> Callable[[Kwargs, Any], None]:
    """Documented: inf exactly when the value itself is beyond the float range (no overflow in
    between); checked against the exact value, with a factor 2 of slack at the border."""
    big = Fraction(np.finfo(np.float64).max)

    def check(kw: Kwargs, out: Any) -> None:
        w = np.asarray(kw["w"])
        if w.ndim == 1:
            assert isinstance(out, float), f"expected a float, got {type(out).__name__}"
        else:
            assert_array(out, (w.shape[0],), finite=False)
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
LS_XYW_FAR = extend(
    kwargs(X=arrays(((1, 6), (1, 4)), exp=(60, 160), structure=False)),
    y=lambda kw: arrays((kw["X"].shape[0],), exp=(-200, 200), structure=False),
    w=lambda kw: st.one_of(
        arrays((_d(kw),), exp=(60, 160), structure=False),
        arrays(((1, 3), _d(kw)), exp=(60, 160), structure=False),
    ),
)
fuzz(
    ls.loss,
    st.one_of(extend(LS_XY, w=_weights("w")), LS_XYW_FAR),
    _check_loss("loss"),
    {"X": BAD_X, "y": BAD_Y, "w": BAD_W["w"]},
)
fuzz(
    ls.residual_norm,
    st.one_of(extend(LS_XY, w=_weights("w")), LS_XYW_FAR),
    _check_loss("norm"),
    {"X": BAD_X, "y": BAD_Y, "w": BAD_W["w"]},
)
fuzz(
    ls.ridge_solution,
    extend(LS_XY, lam=st.one_of(positive(1e-12, 1e12), st.sampled_from([1e-300, 1e300]))),
    lambda kw, out: assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y, "lam": bad_number(NONPOS)},
)
LAMS = arrays(((1, 5),), exp=(-6, 6), structure=False).map(lambda a: np.abs(a) + 1e-9)
fuzz(
    ls.ridge_path,
    extend(LS_XY, lams=LAMS),
    lambda kw, out: assert_array(out, (len(kw["lams"]), _d(kw))),
    {
        "X": BAD_X,
        "y": BAD_Y,
        "lams": bad_array("lams", 1, lambda kw: st.just(np.r_[kw["lams"], 0.0]), [-1.0]),
    },
)


def _log10_sigma_max(X: np.ndarray) -> float:
    scale = float(np.max(np.abs(X)))  # scaled first: the oracle must not overflow either
    return math.log10(scale) + math.log10(float(np.linalg.norm(X / scale, 2)))


LOG10_MAX = math.log10(np.finfo(np.float64).max)
LOG10_TINY = math.log10(np.finfo(np.float64).tiny)  # smallest normal number, ~2.2e-308


def _check_max_lr(kw: Kwargs, out: Any) -> None:
    X = np.asarray(kw["X"], dtype=np.float64)
    if not np.any(X):
        assert out == math.inf  # documented for X = 0
        return
    log10_limit = math.log10(2 * X.shape[0]) - 2 * _log10_sigma_max(X)
    if log10_limit > LOG10_MAX + 1e-6:
        assert out == math.inf  # documented: beyond the float range, every float step is stable
    elif log10_limit > LOG10_TINY:
        assert_float(out, 0.0)
        assert out > 0 and abs(math.log10(out) - log10_limit) < 1e-9
    else:  # documented: subnormal (fewer digits) or 0
        assert_float(out, 0.0)
        assert abs(out - 10.0**log10_limit) <= 1e-323 + 1e-9 * 10.0**log10_limit


# entries from 1e-200 to 1e200: sigma_max^2 leaves the float range
LS_X_FAR = arrays(((1, 6), (1, 4)), exp=(-200, 200))
fuzz(ls.max_stable_lr, kwargs(X=st.one_of(LS_X, LS_X_FAR)), _check_max_lr, {"X": BAD_X})


def _check_nan_tail(W: np.ndarray) -> None:
    """Documented divergence semantics: finite rows, then (after an overflow) only NaN rows."""
    finite = np.all(np.isfinite(W), axis=1)
    k = int(np.argmin(finite)) if not finite.all() else W.shape[0]
    assert finite[:k].all() and np.isnan(W[k:]).all(), "rows after a non-finite row must be NaN"


def _check_ls_gd(kw: Kwargs, out: Any) -> None:
    assert_array(out, (kw["steps"] + 1, _d(kw)), finite=False)
    assert np.array_equal(out[0], kw["w0"])
    _check_nan_tail(out)


STEPS = st.integers(0, 40)
fuzz(
    ls.gradient_descent,
    extend(
        LS_XY,
        w0=lambda kw: vectors(_d(kw)),
        lr=st.one_of(positive(1e-9, 1e9), st.sampled_from([1e-300, 1e300])),
        steps=STEPS,
    ),
    _check_ls_gd,
    {
        "X": BAD_X,
        "y": BAD_Y,
        "w0": BAD_W["w0"],
        "lr": bad_number(NONPOS),
        "steps": bad_number(-1, 100_001, integer=True),
    },
)


def _check_grid(kw: Kwargs, out: Any) -> None:
    assert_array(out, (len(kw["w2"]), len(kw["w1"])))
    assert np.all(out >= 0)


fuzz(
    ls.loss_grid,
    extend(
        kwargs(X=arrays(((1, 6), 2))),
        y=lambda kw: vectors(kw["X"].shape[0]),
        w1=vectors((1, 6)),
        w2=vectors((1, 6)),
    ),
    _check_grid,
    {
        "X": bad_array("X", 2, lambda kw: st.just(np.ones((len(kw["y"]), 3)))),
        "y": BAD_Y,
        "w1": bad_array("w1", 1),
        "w2": bad_array("w2", 1),
    },
)


def _check_example(kw: Kwargs, out: Any) -> None:
    X, y = out
    assert X.ndim == 2 and y.shape == (X.shape[0],)
    assert_finite(out)


fuzz(
    ls.example_data,
    kwargs(
        name=st.sampled_from(ls.EXAMPLES),
        noise=st.one_of(positive(0.0, 1e6), st.just(0.0)),
        seed=SEEDS,
    ),
    _check_example,
    {
        "name": bad_name(valid=ls.EXAMPLES),
        "noise": bad_number(NEG),
        "seed": bad_number(-1, integer=True),
    },
)
fuzz(
    ls.symbolic_normal_equations,
    kwargs(),
    holds(lambda kw, out: isinstance(out, ls.SymbolicNormalEquations)),
    examples=1,
)
T_VALUE = st.one_of(st.floats(-10.0, 10.0), st.sampled_from([0.0, -10.0, 10.0, 1e-9, 1e-4]))
BAD_T = {"t_value": bad_number(st.floats(10.001, 1e300), st.floats(-1e300, -10.001))}


def _check_symbolic_system(kw: Kwargs, out: Any) -> None:
    A, b = out
    assert A.shape == (2, 2) and b.shape == (2, 1)
    assert all(v.is_finite for v in list(A) + list(b))


fuzz(ls.symbolic_system_at, kwargs(t_value=T_VALUE), _check_symbolic_system, BAD_T, examples=15)


def _check_symbolic_solutions(kw: Kwargs, out: Any) -> None:
    det, sol = out
    assert det.is_Rational and det.is_finite and det >= 0
    assert not sol.is_empty


fuzz(ls.symbolic_solutions, kwargs(t_value=T_VALUE), _check_symbolic_solutions, BAD_T, examples=15)


def _check_symbolic_numeric(kw: Kwargs, out: Any) -> None:
    assert_array(out[0], (3, 2))
    assert_array(out[1], (3,))


fuzz(ls.symbolic_example_numeric, kwargs(t_value=T_VALUE), _check_symbolic_numeric, BAD_T)


# =============================================================================================
# core.generalized_inverse, core.sensitivity (split from core.least_squares)
# =============================================================================================
gi = generalized_inverse
sv = sensitivity


def _square(kw: Kwargs) -> st.SearchStrategy:
    d = _d(kw)
    return arrays((d, d), structure=False)


def _bad_square(name: str) -> BadFactory:
    return bad_array(
        name, 2, lambda kw: st.just(np.ones((_d(kw) + 1, _d(kw)))), none_ok=name == "W"
    )


def _check_G(kw: Kwargs, out: Any) -> None:
    assert_array(out, (_d(kw), _d(kw)))


fuzz(
    gi.generalized_inverse,
    extend(kwargs(X=LS_X), Z=_square, W=lambda kw: st.one_of(st.none(), _square(kw)), rtol=RTOL),
    _check_G,
    {"X": BAD_X, "Z": _bad_square("Z"), "W": _bad_square("W"), "rtol": BAD_RTOL},
)


def _check_block(kw: Kwargs, out: Any) -> None:
    G, cols = out
    _check_G(kw, G)
    assert cols == sorted(set(cols)) and len(cols) == ls.rank(kw["X"], kw["rtol"])


fuzz(
    gi.block_generalized_inverse,
    kwargs(X=LS_X, rtol=RTOL),
    _check_block,
    {"X": BAD_X, "rtol": BAD_RTOL},
)
fuzz(
    gi.minimizer_from_ginv,
    extend(LS_XY, G=_square),
    lambda kw, out: assert_array(out, (_d(kw),)),
    {"X": BAD_X, "y": BAD_Y, "G": _bad_square("G")},
)


def _check_compare(kw: Kwargs, out: Any) -> None:
    assert [res.name for res in out] == ["mp", "block", "family"]
    for res in out:
        _check_G(kw, res.G)
        assert_array(res.w, (_d(kw),))
        assert_float(res.defect, 0.0)
        assert_float(res.norm, 0.0)
        assert_float(res.residual, 0.0)


fuzz(
    gi.compare_generalized_inverses,
    extend(LS_XY, rtol=RTOL),
    _check_compare,
    {"X": BAD_X, "y": BAD_Y, "rtol": BAD_RTOL},
)


def _w_is_zero(kw: Kwargs) -> bool:
    return not np.any(ls.min_norm_solution(kw["X"], kw["y"]))


fuzz(
    sv.perturbation_gain,
    extend(LS_XY, dX=lambda kw: arrays(kw["X"].shape, structure=False)),
    lambda kw, out: assert_float(out, 0.0),
    {
        "X": BAD_X,
        "y": BAD_Y,
        "dX": bad_array("dX", 2, lambda kw: st.just(np.ones((_n(kw) + 1, _d(kw))))),
    },
    # documented: the relative change needs w != 0 and dX != 0
    refuses=lambda kw: _w_is_zero(kw) or not np.any(kw["dX"]),
)


def _check_sensitivity(kw: Kwargs, out: Any) -> None:
    assert_float(out.kappa, 1.0 - 1e-12)
    assert_float(out.residual_ratio, 0.0)
    assert_float(out.gain_fit, 0.0)
    assert_float(out.predicted_fit, 1.0 - 1e-12)
    assert_array(out.dX_fit, kw["X"].shape)
    assert_array(out.dX_residual, kw["X"].shape)
    if _n(kw) > _d(kw):
        assert_float(out.gain_residual, 0.0)
    else:
        assert math.isnan(out.gain_residual)  # documented: no room for a residual


fuzz(
    sv.sensitivity,
    LS_XY,
    _check_sensitivity,
    {"X": BAD_X, "y": BAD_Y},
    # documented: needs full column rank (automatic tolerance) and w != 0
    refuses=lambda kw: ls.rank(kw["X"]) < _d(kw) or _w_is_zero(kw),
)


def _check_conditioned(kw: Kwargs, out: Any) -> None:
    X, y = out
    assert_array(X, (kw["n"], 2))
    assert_array(y, (kw["n"],))


fuzz(
    sv.conditioned_example,
    kwargs(
        kappa=st.floats(1.0, 1e6),
        residual=st.floats(0.0, 1e3),
        n=st.integers(3, 50),
        seed=st.integers(0, 2**32 - 1),
    ),
    _check_conditioned,
    {
        "kappa": bad_number(0.5, 2e6),
        "residual": bad_number(-1.0, 2e3),
        "n": bad_number(2, 51, integer=True),
        "seed": bad_number(-1, integer=True),
    },
)


# =============================================================================================
# core.l1_proximal
# =============================================================================================
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
fuzz(
    l1.double_counted_minimizer,
    broadcast_triple(TRIPLE),
    lambda kw, out: assert_array(np.asarray(out), _bshape(kw, TRIPLE)),
    _bad_l1(*TRIPLE),
)
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


# =============================================================================================
# core.batch_norm
# =============================================================================================
bn = batch_norm
BN_X = arrays(((1, 6), (1, 4)))
BAD_BN_X = bad_array("x", 2)


def _check_stats(kw: Kwargs, out: Any) -> None:
    mu, var = out
    c = kw["x"].shape[1]
    assert_array(mu, (c,))
    assert_array(var, (c,))
    assert np.all(var >= 0)


fuzz(bn.batch_statistics, kwargs(x=BN_X), _check_stats, {"x": BAD_BN_X})


@st.composite
def bn_forward_kwargs(draw: Any) -> Kwargs:
    training = draw(st.booleans())
    x = draw(arrays(((2 if training else 1, 6), (1, 4))))
    c = x.shape[1]
    has_running = (not training) or draw(st.booleans())
    eps = draw(st.one_of(positive(1e-300, 1.0), st.just(1e-5)))
    if not training and draw(st.booleans()):
        eps = 0.0
    running_var = None
    if has_running:
        running_var = np.abs(draw(vectors(c)))
        if not training and eps == 0.0:
            running_var = running_var + 1e-6  # eval with eps = 0 needs a positive variance
    return dict(
        x=x,
        gamma=draw(st.one_of(st.none(), vectors(c))),
        beta=draw(st.one_of(st.none(), vectors(c))),
        running_mean=draw(vectors(c)) if has_running else None,
        running_var=running_var,
        training=training,
        momentum=draw(unit()),
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

    return bad_array(name, 1, wrong_length, none_ok=True)


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
        "momentum": bad_number(-0.1, 1.1),
        "eps": bad_number(NEG),
    },
)


def _check_minmax(kw: Kwargs, out: Any) -> None:
    assert_array(out, kw["x"].shape)
    assert np.all((out >= 0) & (out <= 1))


fuzz(bn.min_max_scale, kwargs(x=BN_X), _check_minmax, {"x": BAD_BN_X})
fuzz(
    bn.standardize,
    kwargs(x=BN_X),
    lambda kw, out: assert_array(out, kw["x"].shape),
    {"x": BAD_BN_X},
    refuses=lambda kw: bool(np.any(bn.batch_statistics(kw["x"])[1] == 0)),  # documented
)


@st.composite
def populations(draw: Any, features: tuple[int, int] = (1, 4)) -> bn.Population:
    c = draw(st.integers(*features))
    offset = draw(vectors(c))
    scale = np.abs(draw(arrays((c,), structure=False))) + 1e-6
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
        "offset": bad_array("offset", 1, shrink_or_grow("offset"), np.zeros(9)),
        "scale": bad_array(
            "scale", 1, shrink_or_grow("scale"), lambda kw: st.just(np.zeros(len(kw["scale"])))
        ),
    },
)
fuzz(
    bn.Population.from_presets,
    kwargs(names=st.lists(st.sampled_from(sorted(bn.PRESETS)), min_size=1, max_size=8)),
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
    kwargs(self=populations(), n=st.integers(1, 1000), rng=SEEDS.map(np.random.default_rng)),
    lambda kw, out: assert_array(out, (kw["n"], kw["self"].n_features)),
    {"n": bad_number(0, bn.MAX_BATCH_SIZE * 64 + 1, integer=True), "rng": bad_rng()},
)
BAD_POPULATION = lambda kw: st.sampled_from(  # noqa: E731
    [None, "pop", (1.0, 2.0), {"offset": (1.0,), "scale": (1.0,)}, bn.PRESETS]
)
BATCH = st.integers(1, 64)
fuzz(
    bn.stream_batch,
    kwargs(
        population=populations(),
        batch_size=BATCH,
        seed=SEEDS,
        index=st.integers(0, 10**12),
        stream=st.integers(0, 5),
    ),
    lambda kw, out: assert_array(out, (kw["batch_size"], kw["population"].n_features)),
    {
        "population": BAD_POPULATION,
        "batch_size": bad_number(0, 4097, integer=True),
        "seed": bad_number(-1, integer=True),
        "index": bad_number(-1, integer=True),
        "stream": bad_number(-1, integer=True),
    },
)


def _check_history(kw: Kwargs, out: Any) -> None:
    shape = (kw["steps"] + 1, kw["population"].n_features)
    assert_array(out[0], shape)
    assert_array(out[1], shape)
    assert np.all(out[1] >= 0)


fuzz(
    bn.running_history,
    kwargs(
        population=populations(),
        batch_size=st.integers(2, 64),
        seed=SEEDS,
        steps=st.integers(0, 80),
        momentum=unit(),
    ),
    _check_history,
    {
        "population": BAD_POPULATION,
        # batch size 1 is refused only when there is a step to take
        "batch_size": lambda kw: bad_number(0, 4097, 1 if kw["steps"] else 0, integer=True)(kw),
        "seed": bad_number(-1, integer=True),
        "steps": bad_number(-1, 10_001, integer=True),
        "momentum": bad_number(-0.1, 1.1),
    },
)


def _check_sd(kw: Kwargs, out: Any) -> None:
    c = kw["population"].n_features
    assert_array(out[0], (c,))
    assert_array(out[1], (c,))


fuzz(
    bn.running_stationary_sd,
    kwargs(population=populations(), batch_size=st.integers(2, 4096), momentum=unit()),
    _check_sd,
    {
        "population": BAD_POPULATION,
        "batch_size": bad_number(1, 4097, integer=True),
        "momentum": bad_number(-0.1, 1.1),
    },
)


def _check_noise(kw: Kwargs, out: Any) -> None:
    shape = (len(kw["batch_sizes"]), kw["population"].n_features)
    for key in ("sd_mu", "sd_mu_theory", "sd_var", "sd_var_theory", "mean_var"):
        assert_array(out[key], shape)
    assert list(out["batch_sizes"]) == list(kw["batch_sizes"])


fuzz(
    bn.batch_noise,
    kwargs(
        population=populations(),
        batch_sizes=st.lists(st.integers(1, 64), min_size=1, max_size=4),
        n_batches=st.integers(2, 40),
        seed=SEEDS,
    ),
    _check_noise,
    {
        "population": BAD_POPULATION,
        "batch_sizes": lambda kw: st.sampled_from(
            [[], [0], [1.5], [4097], ["a"], [None], None, "8", 8, [[8]], {8: 1}]
        ),
        "n_batches": bad_number(1, 100_001, integer=True),
        "seed": bad_number(-1, integer=True),
    },
)


def _check_regression(kw: Kwargs, out: Any) -> None:
    X, y = out
    assert_array(X, (kw["n"], 2))
    assert_array(y, (kw["n"],))


fuzz(
    bn.regression_problem,
    kwargs(
        population=populations((2, 4)),
        n=st.integers(3, 60),
        seed=SEEDS,
        coef=vectors(2),
        intercept=real(),
        noise=st.one_of(st.just(0.0), positive()),
    ),
    _check_regression,
    {
        "population": lambda kw: st.one_of(
            st.just(bn.Population((1.0,), (1.0,))), BAD_POPULATION(kw)
        ),
        "n": bad_number(2, 100_001, integer=True),
        "seed": bad_number(-1, integer=True),
        "coef": bad_array("coef", 1, [1.0, 2.0, 3.0]),
        "intercept": bad_number(),
        "noise": bad_number(NEG),
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


GD_XY = extend(kwargs(X=arrays(((1, 8), (1, 3)))), y=lambda kw: vectors(kw["X"].shape[0]))
# features near 1e-160 (squares underflow): refused as ill-conditioned, without overflow
GD_XY_TINY = extend(
    kwargs(X=arrays(((1, 8), (1, 3)), exp=(-170, -150))), y=lambda kw: vectors(kw["X"].shape[0])
)
fuzz(
    bn.linear_regression_gd,
    extend(
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
        "lr_fraction": bad_number(0.0, 1.0, -0.5),
        "tol": bad_number(0.0, 1.0, 2.0),
        "n_path": bad_number(1, 10_001, integer=True),
        "max_iterations": bad_number(0, integer=True),
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
    return st.one_of(vectors(d), arrays(((1, 3), d)))


fuzz(
    bn.regression_loss,
    extend(GD_XY, theta=_thetas),
    _check_reg_loss,
    {
        "X": BAD_X,
        "y": bad_array(
            "y",
            1,
            shrink_or_grow("y"),
            lambda kw: st.just(np.ones(1)) if len(kw["y"]) > 1 else SKIP,  # no broadcasting
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
    extend(GD_XY, lr=_gd_lr, steps=STEPS),
    _check_bn_gd,
    {
        "X": BAD_X,
        "y": BAD_Y1,
        "lr": bad_number(NONPOS),
        "steps": bad_number(-1, 1_000_001, integer=True),
    },
)


@st.composite
def spd2(draw: Any) -> np.ndarray:
    L = draw(arrays((2, 2), structure=False))
    return L @ L.T + draw(positive()) * np.eye(2)


def _check_ellipse(kw: Kwargs, out: Any) -> None:
    assert_array(out, (kw["n_points"] + 1, 2))
    assert np.allclose(out[0], out[-1])


fuzz(
    bn.ellipse,
    kwargs(
        H=spd2(),
        center=vectors(2),
        level=st.one_of(st.just(0.0), positive()),
        n_points=st.integers(3, 300),
    ),
    _check_ellipse,
    {
        "H": bad_array(
            "H", 2, [[1.0, 0.0], [0.0, -1.0]], np.zeros((2, 2)), np.eye(3), [[1.0, 2.0]]
        ),
        "center": bad_array("center", 1, [1.0, 2.0, 3.0], [1.0]),
        "level": bad_number(NEG),
        "n_points": bad_number(2, 10_001, integer=True),
    },
)


# =============================================================================================
# core.dropout
# =============================================================================================
KEEP = st.one_of(st.floats(1e-6, 1.0), st.just(1.0))
BAD_KEEP = bad_number(0.0, -0.5, 1.0 + 1e-9, 2.0)
DROP_ACT = st.sampled_from([None, "identity", "sigmoid", "relu"])
BAD_DROP_ACT = bad_name("tanh", "softmax", valid=tuple(dropout.ACTIVATIONS), none_ok=True)


def _check_masks(kw: Kwargs, out: Any) -> None:
    masks, probs = out
    n = kw["n_units"]
    assert_array(masks, (2**n, n))
    assert_array(probs, (2**n,))
    assert np.all(probs >= 0) and abs(probs.sum() - 1) < 1e-9


fuzz(
    dropout.enumerate_masks,
    kwargs(n_units=st.integers(1, 10), keep_prob=KEEP),
    _check_masks,
    {"n_units": bad_number(0, 17, integer=True), "keep_prob": BAD_KEEP},
)
WX = extend(kwargs(w=vectors((1, 8))), x=lambda kw: vectors(len(kw["w"])))
BAD_WX = {
    "w": bad_array("w", 1, shrink_or_grow("w"), np.ones(17)),
    "x": bad_array("x", 1, shrink_or_grow("x")),
}


fuzz(
    dropout.mask_outputs,
    extend(
        WX,
        masks=lambda kw: arrays(((1, 16), len(kw["w"])), structure=False).map(
            lambda m: (m > 0).astype(float)
        ),
        keep_prob=KEEP,
        inverted=st.booleans(),
        activation=DROP_ACT,
    ),
    lambda kw, out: assert_array(out, (len(kw["masks"]),)),
    {
        **BAD_WX,
        "masks": bad_array("masks", 2, shrink_or_grow("masks", axis=1)),
        "keep_prob": BAD_KEEP,
        "activation": BAD_DROP_ACT,
    },
)
DROP_WX = extend(WX, keep_prob=KEEP, inverted=st.booleans())
fuzz(
    dropout.expected_output,
    DROP_WX,
    lambda kw, out: assert_float(out),
    {**BAD_WX, "keep_prob": BAD_KEEP},
)
fuzz(
    dropout.exact_expectation,
    extend(DROP_WX, activation=DROP_ACT),
    lambda kw, out: assert_float(out),
    {**BAD_WX, "keep_prob": BAD_KEEP, "activation": BAD_DROP_ACT},
)
fuzz(
    dropout.eval_output,
    extend(DROP_WX, activation=DROP_ACT),
    lambda kw, out: assert_float(out),
    {**BAD_WX, "keep_prob": BAD_KEEP, "activation": BAD_DROP_ACT},
)


def _check_dropout(kw: Kwargs, out: Any) -> None:
    y, mask = out
    shape = np.shape(kw["x"])
    assert_array(y, shape)
    assert_array(mask, shape)
    assert set(np.unique(mask)) <= {0, 1}


fuzz(
    dropout.dropout,
    kwargs(
        x=st.one_of(arrays(((1, 5),)), arrays(((1, 4), (1, 4))), arrays(((1, 2), 2, (1, 3)))),
        keep_prob=KEEP,
        rng=SEEDS.map(np.random.default_rng),
        inverted=st.booleans(),
    ),
    _check_dropout,
    {"x": bad_array("x", None), "keep_prob": BAD_KEEP, "rng": bad_rng()},
)
MC = extend(
    DROP_WX,
    n_samples=st.integers(1, 200),
    rng=SEEDS.map(np.random.default_rng),
    activation=DROP_ACT,
)
BAD_MC = {
    **BAD_WX,
    "keep_prob": BAD_KEEP,
    "n_samples": bad_number(0, 1_000_001, integer=True),
    "rng": bad_rng(),
    "activation": BAD_DROP_ACT,
}
fuzz(
    dropout.monte_carlo_samples,
    MC,
    lambda kw, out: assert_array(out, (kw["n_samples"],)),
    BAD_MC,
)
fuzz(
    dropout.monte_carlo_means,
    MC,
    lambda kw, out: assert_array(out, (kw["n_samples"],)),
    BAD_MC,
)


def _check_running_stats(kw: Kwargs, out: Any) -> None:
    mean, se = out
    n = len(kw["samples"])
    assert_array(mean, (n,))
    assert se.shape == (n,) and np.isnan(se[0])  # documented: undefined for one sample
    assert_finite(se[1:])
    assert np.all(se[1:] >= 0)


fuzz(
    dropout.running_stats,
    kwargs(samples=vectors((1, 30))),
    _check_running_stats,
    {"samples": bad_array("samples", 1)},
)


# =============================================================================================
# core.linear_networks
# =============================================================================================
ln = linear_networks
LN_ACT = st.sampled_from(sorted(ln.ACTIVATIONS))
BAD_LN_ACT = bad_name("sigmoid", valid=tuple(ln.ACTIVATIONS))


@st.composite
def layers(draw: Any, sizes: list[int] | None = None) -> Kwargs:
    """A chain of (out, in) weight matrices and biases with entries up to 1e3."""
    if sizes is None:
        sizes = draw(st.lists(st.integers(1, 5), min_size=2, max_size=5))
    weights = [
        draw(arrays((o, i), exp=(-3, 2))) for i, o in zip(sizes[:-1], sizes[1:], strict=False)
    ]
    biases = [draw(arrays((o,), exp=(-3, 2))) for o in sizes[1:]]
    return {"weights": weights, "biases": biases, "sizes": sizes}


def _layers_kwargs(draw_layers: st.SearchStrategy) -> st.SearchStrategy:
    return draw_layers.map(lambda d: {"weights": d["weights"], "biases": d["biases"]})


def _bad_weights(kw: Kwargs) -> st.SearchStrategy:
    W = kw["weights"]
    opts = [
        [],
        None,
        "abc",
        np.ones((2, 2)),  # an array, not a list of arrays
        [np.ones(3)] * len(W),  # 1-D layer
        [np.full_like(W[0], np.nan)] + list(W[1:]),
        [np.ones((W[0].shape[0] + 1, W[0].shape[1]))] + list(W[1:]),  # bias length mismatch
        list(W) + [np.ones((1, W[-1].shape[0] + 1))],  # chain broken / length mismatch
    ]
    return st.sampled_from(opts)


def _bad_biases(kw: Kwargs) -> st.SearchStrategy:
    b = kw["biases"]
    opts = [
        None,
        "abc",
        list(b)[:-1],
        [np.append(b[0], 1.0)] + list(b[1:]),
        [np.full_like(b[0], np.inf)] + list(b[1:]),
        [b[0][None]] + list(b[1:]),
    ]
    return st.sampled_from(opts)


BAD_LAYERS = {"weights": _bad_weights, "biases": _bad_biases}


def _check_collapse(kw: Kwargs, out: Any) -> None:
    W, b = out
    assert_array(W, (kw["weights"][-1].shape[0], kw["weights"][0].shape[1]))
    assert_array(b, (kw["weights"][-1].shape[0],))


fuzz(ln.collapse, _layers_kwargs(layers()), _check_collapse, BAD_LAYERS)


@st.composite
def forward_kwargs(draw: Any) -> Kwargs:
    net = draw(layers())
    d = net["sizes"][0]
    x = draw(st.one_of(vectors(d, exp=(-3, 3)), arrays(((1, 5), d), exp=(-3, 3))))
    return {"x": x, "weights": net["weights"], "biases": net["biases"], "activation": draw(LN_ACT)}


def _check_forward(kw: Kwargs, out: Any) -> None:
    m = kw["weights"][-1].shape[0]
    x = np.asarray(kw["x"])
    assert_array(out, (m,) if x.ndim == 1 else (x.shape[0], m))


fuzz(
    ln.forward,
    forward_kwargs(),
    _check_forward,
    {
        **BAD_LAYERS,
        "x": bad_array("x", (1, 2), shrink_or_grow("x")),
        "activation": BAD_LN_ACT,
    },
)
SIZES_BAD = lambda kw: st.sampled_from(  # noqa: E731
    [[], [3], None, "34", [2, 0], [2, -1], [2, 1.5], [2, "a"], [2, None], (3,), np.array([2, 3])]
)
fuzz(
    ln.parameter_count,
    kwargs(layer_sizes=st.lists(st.integers(1, 10**7), min_size=2, max_size=8)),
    holds(lambda kw, out: isinstance(out, int) and out > 0),
    {"layer_sizes": SIZES_BAD},
)


def _check_random_net(kw: Kwargs, out: Any) -> None:
    weights, biases = out
    sizes = kw["layer_sizes"]
    assert [W.shape for W in weights] == [
        (o, i) for i, o in zip(sizes[:-1], sizes[1:], strict=False)
    ]
    assert [b.shape for b in biases] == [(o,) for o in sizes[1:]]
    assert_finite(out)


fuzz(
    ln.random_network,
    kwargs(
        layer_sizes=st.lists(st.integers(1, 12), min_size=2, max_size=5),
        seed=SEEDS,
        weight_scale=st.one_of(st.just(0.0), positive()),
        bias_scale=st.one_of(st.just(0.0), positive()),
    ),
    _check_random_net,
    {
        "layer_sizes": lambda kw: st.one_of(SIZES_BAD(kw), st.just([2, 1025])),
        "seed": bad_number(-1, integer=True),
        "weight_scale": bad_number(NEG),
        "bias_scale": bad_number(NEG),
    },
)
fuzz(
    ln.rank,
    kwargs(W=LS_X, rtol=st.one_of(st.none(), unit(high_open=True))),
    holds(lambda kw, out: isinstance(out, int) and 0 <= out <= min(kw["W"].shape)),
    {"W": bad_array("W", 2), "rtol": BAD_RTOL},
)


@st.composite
def gap_kwargs(draw: Any) -> Kwargs:
    net = draw(layers())
    return {
        "weights": net["weights"],
        "biases": net["biases"],
        "activation": draw(LN_ACT),
        "n_points": draw(st.integers(1, 200)),
        "seed": draw(SEEDS),
        "scale": draw(st.one_of(st.just(0.0), positive(1e-6, 1e3))),
    }


fuzz(
    ln.max_collapse_gap,
    gap_kwargs(),
    lambda kw, out: assert_float(out, 0.0),
    {
        **BAD_LAYERS,
        "activation": BAD_LN_ACT,
        "n_points": bad_number(0, 100_001, integer=True),
        "seed": bad_number(-1, integer=True),
        "scale": bad_number(NEG),
    },
)


def _check_grid_lines(kw: Kwargs, out: Any) -> None:
    assert_array(out, (2 * kw["n_lines"], kw["n_points"], 2))


fuzz(
    ln.grid_lines,
    kwargs(extent=positive(), n_lines=st.integers(2, 100), n_points=st.integers(2, 200)),
    _check_grid_lines,
    {
        "extent": bad_number(NONPOS),
        "n_lines": bad_number(1, 101, integer=True),
        "n_points": bad_number(1, 1001, integer=True),
    },
)


@st.composite
def map_kwargs(draw: Any) -> Kwargs:
    net = draw(layers())
    d = net["sizes"][0]
    lines = draw(arrays(((1, 4), (1, 6), d), exp=(-3, 3)))
    return {
        "lines": lines,
        "weights": net["weights"],
        "biases": net["biases"],
        "activation": draw(LN_ACT),
    }


fuzz(
    ln.map_lines,
    map_kwargs(),
    lambda kw, out: assert_array(out, kw["lines"].shape[:2] + (kw["weights"][-1].shape[0],)),
    {
        **BAD_LAYERS,
        "lines": bad_array("lines", 3, shrink_or_grow("lines", axis=2)),
        "activation": BAD_LN_ACT,
    },
)
fuzz(
    ln.max_bend,
    kwargs(lines=arrays(((1, 5), (1, 8), 2))),
    lambda kw, out: assert_float(out, 0.0),
    {
        "lines": bad_array(
            "lines", 3, lambda kw: st.sampled_from([np.zeros((1, 3, 1)), np.zeros((1, 3, 3))])
        )
    },
)


def _check_target(kw: Kwargs, out: Any) -> None:
    X, y = out
    assert X.ndim == 2 and y.ndim == 2 and X.shape[0] == y.shape[0]
    if kw["target"] == "square":
        assert X.shape[0] == kw["n_points"]
    assert_finite(out)


fuzz(
    ln.nonlinear_target,
    kwargs(target=st.sampled_from(ln.TARGETS), n_points=st.integers(2, 10_000)),
    _check_target,
    {
        "target": bad_name(valid=ln.TARGETS),
        "n_points": lambda kw: (
            bad_number(1, 10_001, integer=True)(kw) if kw["target"] == "square" else SKIP
        ),
    },
)


@st.composite
def fit_kwargs(draw: Any) -> Kwargs:
    n = draw(st.integers(1, 12))
    X = draw(arrays((n, (1, 3)), exp=(-3, 1)))
    y = draw(arrays((n, (1, 2)), exp=(-3, 1)))
    return {
        "X": X,
        "y": y,
        "hidden": draw(st.integers(1, 8)),
        "activation": draw(LN_ACT),
        "seed": draw(SEEDS),
        "steps": draw(st.integers(0, 40)),
        "lr": draw(st.one_of(positive(1e-6, 1.0), positive(1.0, 1e6))),
    }


def _check_fit(kw: Kwargs, out: Any) -> None:
    losses = out.losses
    assert losses.shape == (kw["steps"] + 1,)
    assert out.activation == kw["activation"]
    # documented in _descend: a diverging run reports inf losses from then on
    bad = ~np.isfinite(losses)
    if bad.any():
        k = int(np.argmax(bad))
        assert np.all(np.isposinf(losses[k:])) and np.all(np.isfinite(losses[:k]))
    else:
        assert np.all(losses >= 0)
        assert_finite(out.weights)
        assert_finite(out.biases)


fuzz(
    ln.fit_network,
    fit_kwargs(),
    _check_fit,
    {
        "X": bad_array("X", 2, grow("X")),
        "y": bad_array("y", 2, grow("y")),
        "hidden": bad_number(0, 1025, integer=True),
        "activation": BAD_LN_ACT,
        "seed": bad_number(-1, integer=True),
        "steps": bad_number(-1, 100_001, integer=True),
        "lr": bad_number(NONPOS),
    },
    examples=20,
)
fuzz(
    ln.best_affine_mse,
    fit_kwargs().map(lambda kw: {"X": kw["X"], "y": kw["y"]}),
    lambda kw, out: assert_float(out, 0.0),
    {"X": bad_array("X", 2, grow("X")), "y": bad_array("y", 2, grow("y"))},
)


# =============================================================================================
# core.metrics
# =============================================================================================
mt = metrics
REDUCTION = st.sampled_from(["mean", "sum", "none"])
BAD_REDUCTION = bad_name("avg", "None", valid=("mean", "sum", "none"))


@st.composite
def same_shape_pair(draw: Any, names: tuple[str, str]) -> Kwargs:
    shape = draw(st.sampled_from([((1, 8),), ((1, 4), (1, 3))]))
    a = draw(arrays(shape))
    return {names[0]: a, names[1]: draw(arrays(a.shape))}


def _check_reduced(kw: Kwargs, out: Any, shape: tuple[int, ...]) -> None:
    if kw["reduction"] == "none":
        assert_array(out, shape)
        assert np.all(out >= 0)
    else:
        assert isinstance(out, float)
        assert_float(out, 0.0)


def _bad_pair(name: str, probability: bool = False) -> BadFactory:
    extra: list[Any] = [grow(name)]
    if probability:  # entries outside [0, 1]
        extra += [
            lambda kw: st.just(np.full(np.shape(kw[name]), 1.5)),
            lambda kw: st.just(np.full(np.shape(kw[name]), -0.1)),
        ]
    return bad_array(name, None, *extra)


Y_PAIR = extend(same_shape_pair(("y", "y_hat")), reduction=REDUCTION)
for _loss in (mt.mse, mt.mae):
    fuzz(
        _loss,
        Y_PAIR,
        lambda kw, out: _check_reduced(kw, out, kw["y"].shape),
        {"y": _bad_pair("y"), "y_hat": _bad_pair("y_hat"), "reduction": BAD_REDUCTION},
    )

Y_PAIR_ONLY = same_shape_pair(("y", "y_hat"))
for _grad in (mt.mse_gradient, mt.mae_subgradient):
    fuzz(
        _grad,
        Y_PAIR_ONLY,
        lambda kw, out: assert_array(out, kw["y_hat"].shape),
        {"y": _bad_pair("y"), "y_hat": _bad_pair("y_hat")},
    )
LOSS_NAME = st.sampled_from(["mse", "mae"])
BAD_LOSS_NAME = bad_name("MSE", valid=("mse", "mae"))


def _check_constant_losses(kw: Kwargs, out: Any) -> None:
    assert_array(out, kw["c"].shape)
    assert np.all(out >= 0)


fuzz(
    mt.best_constant,
    kwargs(loss=LOSS_NAME, y=arrays(((1, 8),))),
    lambda kw, out: assert_float(out, float(np.min(kw["y"])), float(np.max(kw["y"]))),
    {"loss": BAD_LOSS_NAME, "y": bad_array("y", None)},
)
fuzz(
    mt.loss_of_constants,
    kwargs(loss=LOSS_NAME, y=arrays(((1, 8),)), c=arrays(((1, 8),))),
    _check_constant_losses,
    {"loss": BAD_LOSS_NAME, "y": bad_array("y", 1), "c": bad_array("c", 1)},
)
fuzz(
    mt.slope_at_constant,
    kwargs(loss=st.sampled_from(["mse", "mae"]), y=arrays(((1, 8),)), c=real()),
    lambda kw, out: assert_float(out, -1.0, 1.0) if kw["loss"] == "mae" else assert_float(out),
    {
        "loss": bad_name("MSE", valid=("mse", "mae")),
        "y": bad_array("y", None),
        "c": bad_number(),
    },
)


@st.composite
def distributions(draw: Any, shape: tuple[int, ...]) -> np.ndarray:
    """Rows summing to 1: spread, one-hot or with exact zeros."""
    w = draw(hnp.arrays(np.float64, shape, elements=st.one_of(st.just(0.0), positive())))
    w = np.atleast_2d(w)
    empty = w.sum(axis=-1) == 0
    w[empty, 0] = 1.0
    p = w / w.sum(axis=-1, keepdims=True)
    return p.reshape(shape)


@st.composite
def ce_kwargs(draw: Any) -> Kwargs:
    k = draw(st.integers(1, 5))
    shape = draw(st.sampled_from([(k,), (draw(st.integers(1, 4)), k)]))
    return {
        "p": draw(distributions(shape)),
        "q": draw(distributions(shape)),
        "base": draw(st.one_of(st.sampled_from([math.e, 2.0, 10.0]), BASES)),
    }


BASES = st.floats(1e-6, 1e6).filter(lambda b: b != 1.0)
BAD_BASE = bad_number(1.0, 0.0, -2.0)


def _check_ce(kw: Kwargs, out: Any) -> None:
    assert isinstance(out, float) and not math.isnan(out)
    # documented: inf exactly when the prediction gives 0 to an outcome the target allows
    # (-inf for a base below 1, where every logarithm changes sign)
    if np.any((kw["p"] > 0) & (kw["q"] == 0)):
        assert out == (math.inf if kw["base"] > 1 else -math.inf)
    else:
        assert_float(out)


def _bad_distribution(name: str) -> BadFactory:
    return bad_array(
        name,
        (1, 2),
        grow(name, axis=-1),
        lambda kw: st.just(np.full(np.shape(kw[name]), 0.9)),  # rows do not sum to 1
        lambda kw: st.just(-np.asarray(kw[name])),  # negative entries
        lambda kw: st.just(np.asarray(kw[name]) + 1.0),  # entries above 1
    )


fuzz(
    mt.cross_entropy,
    ce_kwargs(),
    _check_ce,
    {"p": _bad_distribution("p"), "q": _bad_distribution("q"), "base": BAD_BASE},
)


@st.composite
def one_hot_ce_kwargs(draw: Any) -> Kwargs:
    k = draw(st.integers(1, 5))
    return {
        "true_class": draw(st.integers(0, k - 1)),
        "q": draw(distributions((k,))),
        "base": draw(st.one_of(st.sampled_from([math.e, 2.0, 10.0]), BASES)),
    }


fuzz(
    mt.one_hot_cross_entropy_latex,
    one_hot_ce_kwargs(),
    lambda kw, out: assert_latex_line(out),
    {
        "true_class": bad_number(-1, 99, integer=True),
        "q": _bad_distribution("q"),
        "base": BAD_BASE,
    },
)


@st.composite
def bce_kwargs(draw: Any) -> Kwargs:
    shape = draw(st.sampled_from([(draw(st.integers(1, 8)),), (2, draw(st.integers(1, 3)))]))
    probs = st.one_of(st.sampled_from([0.0, 1.0, 0.5]), st.floats(0.0, 1.0))
    return {
        "y": draw(hnp.arrays(np.float64, shape, elements=probs)),
        "p": draw(hnp.arrays(np.float64, shape, elements=probs)),
        "base": draw(st.one_of(st.just(math.e), BASES)),
        "reduction": draw(REDUCTION),
    }


def _check_bce(kw: Kwargs, out: Any) -> None:
    y, p = kw["y"], kw["p"]
    infinite = ((y > 0) & (p == 0)) | ((y < 1) & (p == 1))  # documented inf
    values = np.asarray(out)
    assert not np.any(np.isnan(values))
    if kw["reduction"] == "none":
        assert values.shape == y.shape
        assert np.array_equal(np.isinf(values), infinite)
    else:
        assert isinstance(out, float) and math.isinf(out) == bool(infinite.any())


fuzz(
    mt.binary_cross_entropy,
    bce_kwargs(),
    _check_bce,
    {
        "y": _bad_pair("y", probability=True),
        "p": _bad_pair("p", probability=True),
        "base": BAD_BASE,
        "reduction": BAD_REDUCTION,
    },
)


@st.composite
def label_pairs(draw: Any, max_classes: int = 4, min_size: int = 1) -> Kwargs:
    """Class labels of one kind: small ints, huge ints (no lookup table), strings, floats, bools."""
    kind = draw(st.sampled_from(["int", "int", "bigint", "str", "float", "bool"]))
    value = {
        "int": st.integers(-3, 5),
        "bigint": st.integers(-(2**62), 2**62),
        "str": st.text("abcé ", min_size=1, max_size=3),
        "float": st.floats(-1e6, 1e6),
        "bool": st.booleans(),
    }[kind]
    pool = draw(st.lists(value, min_size=1, max_size=max_classes, unique=True))
    n = draw(st.integers(min_size, 12))
    y_true = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))
    y_pred = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))
    extra = draw(value)
    labels = None
    if draw(st.booleans()):
        candidates = list(dict.fromkeys(pool + [extra]))
        labels = draw(st.lists(st.sampled_from(candidates), min_size=1, unique=True))
    return {"y_true": np.array(y_true), "y_pred": np.array(y_pred), "labels": labels}


def _bad_labels(name: str) -> BadFactory:
    def factory(kw: Kwargs) -> st.SearchStrategy:
        arr = np.asarray(kw[name])
        other_kind = (
            np.array(["a"] * arr.size) if arr.dtype.kind not in "US" else np.arange(arr.size)
        )
        return st.sampled_from(
            [
                arr.reshape(1, -1),
                arr[:0],
                np.append(arr, arr[:1]),  # length mismatch
                np.where(np.arange(arr.size) == 0, math.nan, 1.0),
                np.array([math.inf] * arr.size),
                [None] * arr.size,
                other_kind,  # numbers against strings
                "abc",
                None,
                object(),
                {},
            ]
        )

    return factory


def _bad_labels_param(kw: Kwargs) -> st.SearchStrategy:
    y = np.asarray(kw["y_true"])
    first = y[0].item()
    other = "a" if y.dtype.kind not in "US" else 1
    return st.sampled_from([[first, first], [other], [], [[first]], "abc", {}, [math.nan]])


BAD_Y_PAIR = {"y_true": _bad_labels("y_true"), "y_pred": _bad_labels("y_pred")}


def _n_classes(kw: Kwargs) -> int:
    if kw.get("labels") is not None:
        return len(kw["labels"])
    return len(np.unique(np.concatenate([kw["y_true"], kw["y_pred"]])))


def _check_confusion(kw: Kwargs, out: Any) -> None:
    k = _n_classes(kw)
    assert_array(out, (k, k))
    if kw["normalize"] is None:
        assert out.dtype.kind == "i" and np.all(out >= 0)
        if kw["labels"] is None:
            assert out.sum() == len(kw["y_true"])
    else:
        assert np.all((out >= 0) & (out <= 1 + 1e-12))


fuzz(
    mt.confusion_matrix,
    extend(label_pairs(), normalize=st.sampled_from(mt.NORMALIZE_OPTIONS)),
    _check_confusion,
    {
        **BAD_Y_PAIR,
        "labels": _bad_labels_param,
        "normalize": bad_name("rows", valid=mt.NORMALIZE_OPTIONS, none_ok=True),
    },
)


@st.composite
def confusion_counts(draw: Any) -> np.ndarray:
    k = draw(st.integers(2, 5))
    C = draw(hnp.arrays(np.int64, (k, k), elements=st.integers(0, 20)))
    if C.sum() == 0:
        C[0, 0] = 1
    return C.astype(draw(st.sampled_from([np.int64, np.float64])))


def _check_from_confusion(kw: Kwargs, out: Any) -> None:
    y_true, y_pred = out
    C = np.asarray(kw["C"])
    assert y_true.shape == y_pred.shape == (int(C.sum()),)
    k = C.shape[0]
    assert np.array_equal(mt.confusion_matrix(y_true, y_pred, labels=np.arange(k)), C)


fuzz(
    mt.labels_from_confusion,
    kwargs(C=confusion_counts()),
    _check_from_confusion,
    {
        "C": bad_array(
            "C",
            2,
            [[1.0]],
            [[1, 2, 3], [4, 5, 6]],
            np.zeros((2, 2)),
            [[1.5, 0], [0, 1]],
            [[-1, 2], [0, 1]],
            [[5_000_001, 0], [0, 0]],
            [[1e300, 0], [0, 1]],
        )
    },
)


def _check_report(kw: Kwargs, out: Any) -> None:
    C = np.asarray(kw["table"])
    k = C.shape[0]
    assert np.array_equal(out.C, C if kw["rows"] == "true" else C.T)
    for name in ("accuracy", "balanced_accuracy", "macro_precision", "row_diagonal_mean"):
        assert_float(getattr(out, name), 0.0, 1.0)
    assert_array(out.row_normalized, (k, k))


fuzz(
    mt.confusion_report,
    kwargs(table=confusion_counts(), rows=st.sampled_from(mt.ROWS_OPTIONS)),
    _check_report,
    {
        "table": bad_array("table", 2, [[1.0]], [[1.5, 0], [0, 1]], [[-1, 2], [0, 1]]),
        "rows": bad_name("TRUE", "columns", valid=mt.ROWS_OPTIONS),
    },
)

NAMES_EN_ES = st.sampled_from(["Balanced accuracy", "Exactitud balanceada", "P", ""])
BAD_NAME_ARG: BadFactory = lambda kw: st.sampled_from([None, 1.0, b"bytes", ["a"]])  # noqa: E731
fuzz(
    confusion.macro_means_latex,
    kwargs(
        report=st.tuples(confusion_counts(), st.sampled_from(mt.ROWS_OPTIONS)).map(
            lambda args: confusion.confusion_report(*args)
        ),
        balanced_name=NAMES_EN_ES,
        macro_precision_name=NAMES_EN_ES,
        accuracy_name=NAMES_EN_ES,
    ),
    lambda kw, out: [assert_latex_line(line) for line in out] and None,
    {
        "report": lambda kw: st.sampled_from([None, np.eye(2), "report", kw["report"].C]),
        "balanced_name": BAD_NAME_ARG,
        "macro_precision_name": BAD_NAME_ARG,
        "accuracy_name": BAD_NAME_ARG,
    },
)

Y_ONLY = label_pairs().map(lambda kw: {"y_true": kw["y_true"], "y_pred": kw["y_pred"]})
for _score in (mt.accuracy, mt.balanced_accuracy):
    fuzz(_score, Y_ONLY, lambda kw, out: assert_float(out, 0.0, 1.0), BAD_Y_PAIR)


def _check_counts(kw: Kwargs, out: Any) -> None:
    k = _n_classes(kw)
    for name in ("tp", "fp", "fn", "tn"):
        a = getattr(out, name)
        assert a.shape == (k,) and np.all(a >= 0)
    assert out.labels.shape == (k,)


fuzz(
    mt.class_counts,
    label_pairs(),
    _check_counts,
    {**BAD_Y_PAIR, "labels": _bad_labels_param},
)
AVERAGE = st.sampled_from(mt.AVERAGE_OPTIONS)
BAD_AVERAGE = bad_name("samples", valid=mt.AVERAGE_OPTIONS, none_ok=True)


def _pos_label(kw: Kwargs) -> st.SearchStrategy:
    return st.one_of(st.sampled_from(list(kw["y_true"]) + [1]), st.none())


def _binary_refusal(kw: Kwargs) -> bool:
    """Documented: average='binary' with more than 2 classes."""
    return kw["average"] == "binary" and _n_classes(kw) > 2


def _check_prf(kw: Kwargs, out: Any) -> None:
    precision, recall, f1, support = out
    if kw["average"] is None:
        k = _n_classes(kw)
        for a in (precision, recall, f1):
            assert_array(a, (k,))
            assert np.all((a >= 0) & (a <= 1))
        assert support.shape == (k,)
    else:
        for a in (precision, recall, f1):
            assert_float(a, 0.0, 1.0)
        assert support is None


PRF = extend(label_pairs(), average=AVERAGE, pos_label=_pos_label)
BAD_PRF = {**BAD_Y_PAIR, "labels": _bad_labels_param, "average": BAD_AVERAGE}
fuzz(mt.precision_recall_f1, PRF, _check_prf, BAD_PRF, refuses=_binary_refusal)


def _check_specificity(kw: Kwargs, out: Any) -> None:
    if kw["average"] is None:
        assert_array(out, (_n_classes(kw),))
        assert np.all((out >= 0) & (out <= 1))
    else:
        assert_float(out, 0.0, 1.0)


fuzz(mt.specificity, PRF, _check_specificity, BAD_PRF, refuses=_binary_refusal)


@st.composite
def binary_scores(draw: Any, max_n: int = 12) -> Kwargs:
    n = draw(st.integers(2, max_n))
    y = draw(hnp.arrays(np.int64, n, elements=st.integers(0, 1)))
    y[0], y[1] = 0, 1  # both classes present
    y = draw(st.permutations(list(y)))
    scores = draw(
        st.one_of(
            arrays((n,), exp=(-6, 6)),
            hnp.arrays(np.float64, n, elements=st.sampled_from([0.0, 0.5, 1.0])),  # many ties
        )
    )
    return {
        "y_true": np.array(y, dtype=draw(st.sampled_from([np.int64, np.float64]))),
        "scores": scores,
    }


def _bad_binary(kw: Kwargs) -> st.SearchStrategy:
    y = np.asarray(kw["y_true"])
    return st.sampled_from(
        [np.zeros_like(y), np.ones_like(y), np.where(y == 1, 2, 0), y[:-1], y * 0.5, [math.nan, 1]]
    )


BAD_BINARY = {
    "y_true": lambda kw: st.one_of(bad_array("y_true", 1)(kw), _bad_binary(kw)),
    "scores": bad_array("scores", 1, grow("scores")),
}


def _check_roc(kw: Kwargs, out: Any) -> None:
    fpr, tpr, thresholds = out
    m = len(np.unique(kw["scores"]))
    for a in (fpr, tpr):
        assert_array(a, (m + 1,))
        assert a[0] == 0 and a[-1] == 1 and np.all(np.diff(a) >= 0)
    assert thresholds.shape == (m + 1,) and thresholds[0] == math.inf  # documented
    assert_finite(thresholds[1:])


fuzz(mt.roc_curve, binary_scores(), _check_roc, BAD_BINARY)
fuzz(mt.roc_auc, binary_scores(), lambda kw, out: assert_float(out, 0.0, 1.0), BAD_BINARY)


def _check_pairs(kw: Kwargs, out: Any) -> None:
    y = np.asarray(kw["y_true"])
    n_pairs = int((y == 1).sum() * (y == 0).sum())
    assert out.credit.shape == (n_pairs,)
    assert_finite(out)
    assert 0.0 <= out.auc <= 1.0


fuzz(mt.ranked_pairs, binary_scores(), _check_pairs, BAD_BINARY)


def _check_generated(kw: Kwargs, out: Any) -> None:
    y, scores = out
    n = kw["n_pos"] + kw["n_neg"]
    assert_array(y, (n,))
    assert_array(scores, (n,))
    assert y.sum() == kw["n_pos"] and np.all((scores >= 0) & (scores <= 1))


fuzz(
    mt.generate_scores,
    kwargs(
        n_pos=st.integers(1, 300),
        n_neg=st.integers(1, 300),
        separation=st.one_of(st.floats(-10, 10), st.sampled_from([-10.0, 10.0])),
        seed=st.integers(0, 2**32 - 1),
    ),
    _check_generated,
    {
        "n_pos": bad_number(0, 5001, integer=True),
        "n_neg": bad_number(0, 5001, integer=True),
        "separation": bad_number(-10.5, 10.5),
        "seed": bad_number(-1, 2**32, integer=True),
    },
)
fuzz(
    mt.binormal_auc,
    kwargs(separation=st.floats(-10, 10)),
    lambda kw, out: assert_float(out, 0.0, 1.0),
    {"separation": bad_number(-10.5, 10.5)},
)


@st.composite
def number_text(draw: Any) -> Kwargs:
    values = draw(st.lists(st.floats(-1e300, 1e300), min_size=1, max_size=20))
    seps = st.sampled_from([",", ", ", ";", " ", "\n", "\t", " ; ", ",,"])
    text = ""
    for v in values:
        text += draw(st.sampled_from([repr(v), f"{v:g}", f"{v:.17e}"])) + draw(seps)
    text = draw(st.sampled_from(["", " ", "\n"])) + text
    low = draw(st.one_of(st.none(), st.just(-1e301)))
    high = draw(st.one_of(st.none(), st.just(1e301)))
    return {"text": text, "name": "values", "max_count": 20, "low": low, "high": high}


def _check_parsed(kw: Kwargs, out: Any) -> None:
    assert out.ndim == 1 and 1 <= out.size <= kw["max_count"]
    assert_finite(out)


fuzz(
    mt.parse_numbers,
    number_text(),
    _check_parsed,
    {
        "text": lambda kw: st.sampled_from(
            [
                None,
                3,
                ["1"],
                b"1 2",
                "",
                " ,; ",
                "1, abc",
                "nan",
                "1 inf",
                "1e400",
                "0x10",
                " ".join(["1"] * 21),
            ]
        ),
        "name": lambda kw: st.sampled_from([None, "", 3, ["values"]]),
        "max_count": bad_number(0, -1, integer=True),
        "low": bad_number(1e302, none_ok=True),  # above high = 1e301, or above every value
        "high": bad_number(-1e302, none_ok=True),
    },
)


# =============================================================================================
# core.activations
# =============================================================================================
ac = activations


@st.composite
def act_kwargs(draw: Any, with_x: bool = True) -> Kwargs:
    name = draw(st.sampled_from(ac.NAMES))
    allowed = sorted(ac.PARAMS[name])
    keys = draw(st.lists(st.sampled_from(allowed), unique=True)) if allowed else []
    params = {
        k: draw(st.one_of(st.floats(-ac.MAX_PARAM, ac.MAX_PARAM), st.sampled_from([0.0, 100.0])))
        for k in keys
    }
    out: Kwargs = {"name": name, **params}
    if with_x:
        out["x"] = draw(st.one_of(arrays(((1, 8),)), arrays(((1, 3), (1, 3)))))
    return out


def _bad_param(param: str) -> BadFactory:
    def factory(kw: Kwargs) -> st.SearchStrategy:
        if param in ac.PARAMS[kw["name"]]:
            return bad_number(100.5, -101.0, 1e300)(kw)
        return st.just(0.5)  # a parameter the activation does not use

    return factory


BAD_ACT_PARAMS = {
    "name": bad_name("Sigmoid", "softmax", valid=ac.NAMES),
    "bogus": lambda kw: st.just(1.0),
    "negative_slope": _bad_param("negative_slope"),
    "alpha": _bad_param("alpha"),
    "w1": _bad_param("w1"),
}
for _act in (ac.activation, ac.derivative):
    fuzz(
        _act,
        act_kwargs(),
        lambda kw, out: assert_array(out, np.shape(kw["x"])),
        {**BAD_ACT_PARAMS, "x": bad_array("x", None)},
    )
fuzz(
    ac.max_slope,
    act_kwargs(with_x=False),
    lambda kw, out: assert_float(out, 0.0),
    BAD_ACT_PARAMS,
)
INIT = st.one_of(st.sampled_from(ac.INITS), st.floats(1e-6, 100.0), st.just(100.0))
BAD_INIT = bad_number(0.0, -1.0, 100.5, "Xavier", "", none_ok=False)
fuzz(
    ac.init_std,
    kwargs(init=INIT, fan_in=st.integers(1, 10**12)),
    holds(lambda kw, out: math.isfinite(out) and out > 0),
    {"init": BAD_INIT, "fan_in": bad_number(0, -3, integer=True)},
)


def _check_init_weights(kw: Kwargs, out: Any) -> None:
    n, p = kw["width"], kw["pieces"]
    assert len(out) == kw["n_layers"]
    for W in out:
        assert_array(W, (p, n, n))


fuzz(
    ac.init_weights,
    kwargs(
        n_layers=st.integers(1, 4),
        width=st.integers(1, 6),
        init=INIT,
        rng=SEEDS.map(np.random.default_rng),
        pieces=st.integers(1, 2),
    ),
    _check_init_weights,
    {
        "n_layers": bad_number(0, -1, ac.MAX_LAYERS + 1, integer=True),
        "width": bad_number(0, ac.MAX_WIDTH + 1, integer=True),
        "init": BAD_INIT,
        "rng": bad_rng(),
        "pieces": bad_number(0, 3, integer=True),
    },
)


@st.composite
def mlp_kwargs(draw: Any) -> Kwargs:
    name = draw(st.sampled_from(ac.NAMES))
    N, n, L = draw(st.integers(1, 6)), draw(st.integers(1, 5)), draw(st.integers(1, 4))
    pieces = 2 if name == "maxout" else 1
    dtype = draw(st.sampled_from([np.float64, np.float32]))  # layer_statistics runs float32
    return {
        "x": draw(arrays((N, n), exp=(-3, 1))).astype(dtype),
        "weights": [draw(arrays((pieces, n, n), exp=(-3, 0))).astype(dtype) for _ in range(L)],
        "name": name,
        "upstream": draw(arrays((N, n), exp=(-3, 1))).astype(dtype),
    }


def _bad_mlp_weights(kw: Kwargs) -> st.SearchStrategy:
    W = kw["weights"]
    p, n = W[0].shape[0], W[0].shape[1]
    return st.sampled_from(
        [
            None,
            [],
            "abc",
            W[0],  # an array, not a list of arrays
            [np.ones((3 - p, n, n))] + list(W[1:]),  # wrong number of pieces for the activation
            [np.ones((p, n + 1, n + 1))] + list(W[1:]),  # does not fit x
            list(W[:-1]) + [np.ones((p, n, n + 1))],  # not square
            list(W[:-1]) + [np.ones((n, n))],  # 2-D
            [np.full((p, n, n), np.nan)] + list(W[1:]),
            list(W) + [[[["a"]]]],
        ]
    )


def _check_mlp(kw: Kwargs, out: Any) -> None:
    N, n = kw["x"].shape
    L = len(kw["weights"])
    assert len(out.z) == len(out.h) == len(out.grad_W) == len(out.grad_h) == L
    for layer in range(L):
        assert out.h[layer].shape == (N, n) and out.grad_h[layer].shape == (N, n)
        assert out.grad_W[layer].shape == kw["weights"][layer].shape
    assert_finite(out)


fuzz(
    ac.mlp_forward_backward,
    mlp_kwargs(),
    _check_mlp,
    {
        "x": bad_array("x", 2, shrink_or_grow("x", axis=1)),
        "weights": _bad_mlp_weights,
        "name": bad_name(valid=ac.NAMES),
        "upstream": bad_array("upstream", 2, shrink_or_grow("upstream", axis=0)),
    },
    lists_ok=False,  # documented as ndarrays
)


def _check_layer_stats(kw: Kwargs, out: Any) -> None:
    L = kw["n_layers"]
    for name in ("mean", "std", "grad_W_norm", "grad_h_norm", "flat_share"):
        assert_array(getattr(out, name), (L,))
    assert out.hist_counts.shape == (L, kw["bins"])
    assert np.all(out.hist_counts.sum(axis=1) == kw["n_samples"] * kw["width"])
    assert_finite(out)


LAYER_STATS = kwargs(
    n_layers=st.integers(1, 12),
    width=st.integers(1, 8),
    activation=st.sampled_from(ac.NAMES),
    init=st.one_of(st.sampled_from(ac.INITS), st.floats(1e-6, 3.0)),
    seed=st.integers(0, 2**32 - 1),
    n_samples=st.integers(1, 40),
    bins=st.integers(2, 200),
    common_range=st.booleans(),
)
# up to 50 layers and sigma up to 100: the activations may overflow float32 (refused)
LAYER_STATS_DEEP = extend(
    LAYER_STATS,
    n_layers=st.one_of(st.integers(1, 12), st.integers(13, ac.MAX_LAYERS)),
    init=st.one_of(INIT, st.floats(10.0, 100.0)),
)


def _may_explode(kw: Kwargs) -> bool:
    """Documented refusal on float32 overflow. Per layer the activations (and gradients) grow
    by about sigma * sqrt(width) at most; below 1 an overflow is practically impossible."""
    return ac.init_std(kw["init"], kw["width"]) * math.sqrt(kw["width"]) > 1


fuzz(
    ac.layer_statistics,
    LAYER_STATS_DEEP,
    _check_layer_stats,
    {
        "n_layers": bad_number(0, 51, integer=True),
        "width": bad_number(0, 2001, integer=True),
        "activation": bad_name(valid=ac.NAMES),
        "init": BAD_INIT,
        "seed": bad_number(-1, 2**32, integer=True),
        "n_samples": bad_number(0, 5001, integer=True),
        "bins": bad_number(1, 201, integer=True),
    },
    refuses=_may_explode,
    examples=20,
)
fuzz(
    ac.diagnose,
    LAYER_STATS.map(lambda kw: {"stats": ac.layer_statistics(**kw)}),  # never overflows
    holds(lambda kw, out: out in ac.DIAGNOSES),
    {"stats": lambda kw: st.sampled_from([None, "stats", {}, dataclasses.asdict(kw["stats"])])},
    examples=15,
)


def _check_cloud(kw: Kwargs, out: Any) -> None:
    assert_array(out, (kw["n"], 2))


fuzz(
    ac.make_cloud,
    kwargs(
        n=st.integers(2, 500),
        seed=st.integers(0, 2**32 - 1),
        center=vectors(2),
        scales=arrays((2,), structure=False).map(lambda a: np.abs(a) + 1e-6),
        angle_deg=st.floats(-180, 180),
    ),
    _check_cloud,
    {
        "n": bad_number(1, 5001, integer=True),
        "seed": bad_number(-1, 2**32, integer=True),
        "center": bad_array("center", 1, [1.0, 2.0, 3.0]),
        "scales": bad_array("scales", 1, [1.0, 0.0], [1.0, -1.0], [1.0]),
        "angle_deg": bad_number(180.5, -181.0),
    },
)


def _check_preprocess(kw: Kwargs, out: Any) -> None:
    X_new, mu, s = out
    n, d = kw["X"].shape
    assert_array(X_new, (n, d))
    assert_array(mu, (d,))
    assert_array(s, (d,))
    assert np.all(s > 0)


fuzz(
    ac.preprocess,
    kwargs(X=arrays(((2, 8), (1, 3))), method=st.sampled_from(ac.PREPROCESS)),
    _check_preprocess,
    {
        "X": bad_array("X", 2, lambda kw: st.just(kw["X"][:1])),
        "method": bad_name("standardise", valid=ac.PREPROCESS),
    },
)


def _check_boundary(kw: Kwargs, out: Any) -> None:
    w, b = out
    assert_array(w, (len(kw["w"]),))
    assert_float(b)


fuzz(
    ac.transform_boundary,
    extend(kwargs(w=vectors((1, 4))), mu=lambda kw: vectors(len(kw["w"]))).flatmap(
        lambda kw: extend(st.just(kw), s=vectors(len(kw["w"])), b=real())
    ),
    _check_boundary,
    {
        "w": bad_array("w", 1, grow("w")),
        "mu": bad_array("mu", 1, grow("mu")),
        "s": bad_array("s", 1, grow("s")),
        "b": bad_number(),
    },
)
fuzz(
    ac.flip_fraction,
    kwargs(X=arrays(((1, 30), 2)), w=vectors(2), b=real(), delta_deg=st.floats(-180, 180)),
    lambda kw, out: assert_float(out, 0.0, 1.0),
    {
        "X": bad_array("X", 2, np.ones((3, 3))),
        "w": bad_array("w", 1, [1.0, 2.0, 3.0]),
        "b": bad_number(),
        "delta_deg": bad_number(180.5, -181.0),
    },
)


# =============================================================================================
# core.optimizers
# =============================================================================================
op = optimizers
WD = st.one_of(st.just(0.0), positive(1e-6, 1e3))
# eps > 0 is all the docstrings ask; 1e-300 makes a zero-variance step g / eps overflow by design
EPS = st.one_of(st.just(1e-8), positive(1e-12, 1.0))
HYPER: dict[str, st.SearchStrategy] = {
    "sgd": kwargs(weight_decay=WD),
    "momentum": kwargs(momentum=unit(high_open=True), dampening=unit(), weight_decay=WD),
    "nesterov": kwargs(momentum=st.floats(1e-6, 1.0, exclude_max=True), weight_decay=WD),
    "adagrad": kwargs(
        lr_decay=st.one_of(st.just(0.0), positive()),
        weight_decay=WD,
        initial_accumulator_value=st.one_of(st.just(0.0), positive()),
        eps=EPS,
    ),
    "rmsprop": kwargs(
        alpha=unit(high_open=True),
        eps=EPS,
        weight_decay=WD,
        momentum=unit(high_open=True),
        centered=st.booleans(),
    ),
    "adam": kwargs(
        betas=st.tuples(unit(high_open=True), unit(high_open=True)),
        eps=EPS,
        weight_decay=WD,
        amsgrad=st.booleans(),
        bias_correction=st.booleans(),
    ),
    "adadelta": kwargs(rho=unit(), eps=EPS, weight_decay=WD),
}
BAD_UNIT = bad_number(-0.1, 1.0, 1.5)
BAD_UNIT_CLOSED = bad_number(-0.1, 1.5)
BAD_FLAG = lambda kw: st.sampled_from([None, "yes", 1, 0, 1.0, [True]])  # noqa: E731
BAD_HYPER: dict[str, dict[str, BadFactory]] = {
    "sgd": {"weight_decay": bad_number(NEG)},
    "momentum": {
        "momentum": BAD_UNIT,
        "dampening": BAD_UNIT_CLOSED,
        "weight_decay": bad_number(NEG),
    },
    "nesterov": {"momentum": bad_number(0.0, 1.0, -0.5), "weight_decay": bad_number(NEG)},
    "adagrad": {
        "lr_decay": bad_number(NEG),
        "weight_decay": bad_number(NEG),
        "initial_accumulator_value": bad_number(NEG),
        "eps": bad_number(NONPOS),
    },
    "rmsprop": {
        "alpha": BAD_UNIT,
        "eps": bad_number(NONPOS),
        "weight_decay": bad_number(NEG),
        "momentum": BAD_UNIT,
        "centered": BAD_FLAG,
    },
    "adam": {
        "betas": lambda kw: st.sampled_from(
            [
                None,
                0.9,
                (0.9,),
                (0.9, 0.99, 0.5),
                (1.0, 0.9),
                (0.9, -0.1),
                (math.nan, 0.9),
                ("a", 0.9),
                np.array([0.9, 0.99]),
            ]
        ),
        "eps": bad_number(NONPOS),
        "weight_decay": bad_number(NEG),
        "amsgrad": BAD_FLAG,
        "bias_correction": BAD_FLAG,
    },
    "adadelta": {
        "rho": BAD_UNIT_CLOSED,
        "eps": bad_number(NONPOS),
        "weight_decay": bad_number(NEG),
    },
}


def _check_step(kw: Kwargs, step: Any) -> None:
    """The factory returns a step closure; a few steps on moderate gradients stay finite."""
    assert callable(step)
    rng = np.random.default_rng(0)
    theta = rng.standard_normal(3)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        for t in range(1, 6):
            theta = step(theta, theta + 0.1 * rng.standard_normal(3), t, 1e-2)
            assert_finite(theta)


for _name, _factory in op.OPTIMIZERS.items():
    fuzz(_factory, HYPER[_name], _check_step, BAD_HYPER[_name])
BAD_OPT_NAME = bad_name("SGD", "Adam", valid=tuple(op.OPTIMIZERS))
OPT_NAME = st.sampled_from(sorted(op.OPTIMIZERS))
fuzz(
    op.hyperparameters,
    kwargs(name=OPT_NAME),
    holds(lambda kw, out: isinstance(out, dict) and "lr" not in out),
    {"name": BAD_OPT_NAME},
)
fuzz(
    op.update_rule,
    kwargs(name=OPT_NAME),
    holds(lambda kw, out: isinstance(out, str) and out),
    {"name": BAD_OPT_NAME},
)
TEST_FUNCTIONS = st.one_of(
    st.builds(op.quadratic, st.floats(1.0, 1e4), st.floats(-4, 4)),
    st.builds(op.rosenbrock, st.floats(-2, 2), st.floats(1e-3, 200)),
    st.just(op.two_minima()),
    st.just(op.saddle()),
)


def _constant_gradient(c: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """A linear objective: the gradient never changes (centred RMSProp's variance is then 0 in
    exact arithmetic, and rounding can make s - g_avg^2 negative)."""
    return lambda x: c.copy()


CONSTANT_GRADIENTS = vectors(2, exp=(-3, 1)).map(_constant_gradient)
GRADIENTS = st.one_of(TEST_FUNCTIONS.map(lambda fn: fn.grad), CONSTANT_GRADIENTS)


@st.composite
def run_kwargs(
    draw: Any, names: st.SearchStrategy = OPT_NAME, grads: st.SearchStrategy = GRADIENTS
) -> Kwargs:
    name = draw(names)
    steps = draw(st.one_of(st.just(0), st.integers(1, 30), st.integers(1, 30)))
    lr = draw(
        st.one_of(  # a number or a schedule (empty for steps = 0)
            positive(1e-6, 10.0),
            arrays((steps,), structure=False).map(lambda a: np.abs(a) + 1e-6),
            arrays((steps, 2), structure=False).map(lambda a: np.abs(a) + 1e-6),
        )
    )
    sigma = draw(st.one_of(st.just(0.0), positive(1e-6, 10.0)))
    return {
        "name": name,
        "grad": draw(grads),
        "x0": draw(vectors(2, exp=(-3, 0))),
        "steps": steps,
        "lr": lr,
        "sigma": sigma,
        "rng": np.random.default_rng(draw(SEEDS)),
        **draw(HYPER[name]),
    }


def _check_run(kw: Kwargs, out: Any) -> None:
    assert_array(out, (kw["steps"] + 1, 2), finite=False)
    assert np.array_equal(out[0], kw["x0"])
    finite = np.isfinite(out)
    if not finite.all():
        # documented: non-finite values only come from an overflow (divergence) ...
        assert np.max(np.abs(out[finite])) > 1e6, "NaN/inf without a diverging iterate"
        # ... and once no coordinate is finite the remaining rows are NaN
        dead = ~finite.any(axis=1)
        if dead.any():
            assert np.isnan(out[int(np.argmax(dead)) + 1 :]).all()


def _bad_run_rng(kw: Kwargs) -> st.SearchStrategy:
    return bad_rng()(kw) if kw["sigma"] > 0 else SKIP  # rng is only needed for noise


fuzz(
    op.run_optimizer,
    run_kwargs(),
    _check_run,
    {
        "name": BAD_OPT_NAME,
        "grad": lambda kw: st.sampled_from([None, 1.0, "grad", np.ones(2)]),
        "x0": bad_array("x0", 1),
        "steps": bad_number(-1, integer=True),
        "lr": lambda kw: st.one_of(  # a number or a schedule of shape (steps,) or (steps, d)
            NONFINITE,
            JUNK,
            NONPOS,
            st.sampled_from([None, True, "1.0", 1 + 1j, [math.nan] * max(kw["steps"], 1)]),
            st.just(np.full(kw["steps"] + 1, 0.1)),
            st.just(np.full((max(kw["steps"], 1), 3), 0.1)),
            st.just(-np.ones(kw["steps"])) if kw["steps"] else st.just(-1.0),
        ),
        "sigma": bad_number(NEG),
        "rng": _bad_run_rng,
        "bogus": lambda kw: st.just(0.5),
    },
)
# centred RMSProp on constant gradients: s - g_avg^2 is 0 in exact arithmetic, and round-off
# makes it negative often (the CI failure: NaN right after small iterates)
fuzz(
    op.run_optimizer,
    run_kwargs(st.just("rmsprop"), CONSTANT_GRADIENTS).map(lambda kw: {**kw, "centered": True}),
    _check_run,
    examples=20,
)


@st.composite
def paths(draw: Any) -> np.ndarray:
    """Paths as run_optimizer returns them: finite rows, maybe followed by inf/NaN rows."""
    path = draw(arrays(((1, 12), (1, 3))))
    if draw(st.booleans()):
        k = draw(st.integers(0, path.shape[0] - 1))
        path[k:] = np.nan
        if draw(st.booleans()):
            path[k, 0] = math.inf
    return path


BAD_PATH = st.sampled_from(
    [
        np.ones(3),
        np.ones((1, 1, 2)),
        None,
        object(),
        "abc",
        {},
        [[1.0, "x"]],
        [[None, 1.0]],
        [[1.0, 2.0], [3.0]],
        np.array([["a", "b"]]),
        np.array([[1 + 1j, 0]]),
    ]
)
fuzz(
    op.divergence_step,
    kwargs(path=paths(), limit=positive(1e-6, 1e300)),
    holds(lambda kw, out: out is None or (isinstance(out, int) and 0 <= out < len(kw["path"]))),
    {"path": lambda kw: BAD_PATH, "limit": bad_number(NONPOS)},
)


def _check_update_sizes(kw: Kwargs, out: Any) -> None:
    path = kw["path"]
    assert out.shape == (len(path) - 1,)
    ok = np.all(np.isfinite(path[1:]), axis=1) & np.all(np.isfinite(path[:-1]), axis=1)
    assert_finite(out[ok])


fuzz(
    op.update_sizes,
    kwargs(path=paths()),
    _check_update_sizes,
    {"path": lambda kw: BAD_PATH},
)


def _check_gd_limit(kw: Kwargs, out: Any) -> None:
    H = np.asarray(kw["H"])
    if np.linalg.eigvalsh((H + H.T) / 2)[-1] <= 0:
        assert out == math.inf  # documented
    else:
        assert_float(out, 0.0)


fuzz(
    op.gd_lr_limit,
    kwargs(H=st.integers(1, 4).flatmap(lambda d: arrays((d, d)))),
    _check_gd_limit,
    {"H": bad_array("H", 2, np.ones((2, 3)))},
)


def _check_stable(kw: Kwargs, out: Any) -> None:
    if kw["name"] in ("sgd", "momentum", "nesterov"):
        assert_float(out, 0.0)
    else:
        assert out is None  # documented for the adaptive methods


fuzz(
    op.stable_lr_limit,
    kwargs(name=OPT_NAME, lam_max=positive(), momentum=st.one_of(st.none(), unit(high_open=True))),
    _check_stable,
    {
        "name": BAD_OPT_NAME,
        "lam_max": bad_number(NONPOS),
        "momentum": lambda kw: (
            bad_number(1.0, -0.1, none_ok=True)(kw)
            if kw["name"] in ("momentum", "nesterov")
            else SKIP  # ignored by the other methods
        ),
    },
)


def _check_optimal(kw: Kwargs, out: Any) -> None:
    eta, beta = out
    assert_float(eta, 0.0)
    assert_float(beta, 0.0, 1.0)


fuzz(
    op.optimal_momentum,
    extend(
        kwargs(lam_min=positive()),
        lam_max=lambda kw: st.floats(kw["lam_min"], max(kw["lam_min"], 1e6)),
    ),
    _check_optimal,
    {"lam_min": bad_number(NONPOS), "lam_max": lambda kw: bad_number(kw["lam_min"] / 2)(kw)},
)


def _check_test_function(kw: Kwargs, fn: Any) -> None:
    assert isinstance(fn, op.TestFunction)
    (x0, x1), (y0, y1) = fn.box
    grid = np.stack(np.meshgrid(np.linspace(x0, x1, 7), np.linspace(y0, y1, 5)), axis=-1)
    for z in (fn.start, grid, *fn.minima):
        assert_finite(fn.f(z))
        assert np.shape(fn.grad(z)) == np.shape(z)
        assert_finite(fn.grad(z))
    assert_finite(fn.hess(fn.start))
    assert fn.minima.ndim == 2 and fn.minima.shape[1] == 2
    for m in fn.minima:  # gradient vanishes at the listed minima
        scale = 1.0 + float(np.max(np.abs(fn.hess(m))))
        assert np.max(np.abs(fn.grad(m))) <= 1e-9 * scale * (1.0 + np.max(np.abs(m)))


fuzz(
    op.quadratic,
    kwargs(kappa=st.one_of(st.just(1.0), positive(1.0, 1e6)), theta=real()),
    _check_test_function,
    {"kappa": bad_number(0.999, 0.0, -1.0), "theta": bad_number()},
)
fuzz(
    op.rosenbrock,
    kwargs(a=real(1e3), b=positive(1e-6, 1e3)),
    _check_test_function,
    {"a": bad_number(), "b": bad_number(NONPOS)},
)
fuzz(op.saddle, kwargs(), _check_test_function, examples=1)
fuzz(op.two_minima, kwargs(), _check_test_function, examples=1)


# =============================================================================================
# core.schedules
# =============================================================================================
sc = schedules


@st.composite
def schedule_kwargs(draw: Any) -> Kwargs:
    name = draw(st.sampled_from(sc.SCHEDULES))
    lr0 = draw(st.one_of(positive(1e-12, 1e3), st.just(1e-300)))
    epochs = draw(st.integers(1, 120))
    W = draw(st.one_of(st.just(0), st.integers(0, epochs)))
    options: dict[str, st.SearchStrategy] = {
        "step_size": st.integers(1, 10**9),
        "gamma": st.one_of(st.just(1.0), st.floats(1e-300, 1.0)),
        "k": st.one_of(st.just(0.0), positive(1e-6, 1e300)),
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
                bad_number(*values, integer=param in ("step_size", "T_max", "T_0", "T_mult"))(kw)
            )
        return st.just(1)  # a parameter this schedule does not take

    return factory


fuzz(
    sc.lr_schedule,
    schedule_kwargs(),
    _check_schedule,
    {
        "name": bad_name("cos", valid=sc.SCHEDULES),
        "lr0": bad_number(NONPOS),
        "epochs": bad_number(0, -1, integer=True),
        "warmup_epochs": lambda kw: bad_number(-1, kw["epochs"] + 1, integer=True)(kw),
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
    lams = np.abs(draw(arrays(((1, 5),), structure=False))) + 1e-6
    return {
        "lr": draw(st.floats(1e-6, 1.999)) / float(lams.max()),
        "lams": lams,
        "sigma": draw(st.one_of(st.just(0.0), positive())),
    }


fuzz(
    sc.sgd_noise_floor,
    noise_floor_kwargs(),
    lambda kw, out: assert_float(out, 0.0),
    {
        "lr": lambda kw: bad_number(NONPOS, 2.0 / float(kw["lams"].max()) * (1 + 1e-9))(kw),
        "lams": bad_array("lams", 1, [1.0, 0.0], [-1.0]),
        "sigma": bad_number(NEG),
    },
)


@st.composite
def run_schedule_kwargs(draw: Any) -> Kwargs:
    epochs = draw(st.integers(1, 5))
    shape = draw(st.sampled_from([(epochs,), (draw(st.integers(1, 3)), epochs)]))
    optimizer = draw(OPT_NAME)
    return {
        "lrs": np.abs(draw(arrays(shape, exp=(-4, 0), structure=False))) + 1e-6,
        "fn": draw(TEST_FUNCTIONS),
        "x0": draw(vectors(2, exp=(-3, 0))),
        "steps_per_epoch": draw(st.integers(1, 5)),
        "sigma": draw(st.one_of(st.just(0.0), positive(1e-6, 10.0))),
        "n_runs": draw(st.integers(1, 4)),
        "rng": np.random.default_rng(draw(SEEDS)),
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
        "lrs": bad_array("lrs", (1, 2), lambda kw: st.just(-np.asarray(kw["lrs"]))),
        "x0": bad_array("x0", 1, [1.0, 2.0, 3.0]),
        "steps_per_epoch": bad_number(0, integer=True),
        "sigma": bad_number(NEG),
        "n_runs": bad_number(0, integer=True),
        "rng": _bad_run_rng,
        "optimizer": BAD_OPT_NAME,
        "fn": lambda kw: st.sampled_from([None, "quadratic", 1.0, object(), op.quadratic().grad]),
    },
    examples=20,
)


# =============================================================================================
# bugs the fuzz found, now fixed in core: kept as explicit regression examples (the strategies
# above also draw these inputs)
# =============================================================================================
X3 = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]])
Y3 = np.array([1.0, 2.0, 3.0])
POP = batch_norm.Population((1.0, 2.0), (1.0, 0.5))
RNG = np.random.default_rng(0)
XW = np.ones((2, 3))
QUADRATIC = optimizers.quadratic(1.0, 0.3)


FIXED_INVALID = [  # core now refuses these with its own ValueError
    (least_squares.rank, {"X": [[10**400]]}),
    (least_squares.ridge_solution, {"X": X3, "y": Y3, "lam": 10**400}),
    (l1_proximal.subdifferential, {"w": 10**400, "w_star": 0.0, "alpha": 1.0, "H": 1.0}),
    (least_squares.pinv, {"X": np.array([[1 + 2j, 0], [0, 1]])}),
    (metrics.mse, {"y": np.array([1 + 1j]), "y_hat": np.array([1.0])}),
    (
        least_squares.normal_equations_solution,
        {
            "X": np.array(
                [
                    [-0.37287534636248054, -0.37287534614184303],
                    [-0.5081481005325864, -0.5081481000697847],
                ]
            ),
            "y": np.array([1.0, 2.0]),
        },
    ),
    (least_squares.check_data, {"X": X3, "y": Y3, "max_abs": math.nan}),
    (least_squares.check_data, {"X": X3, "y": Y3, "max_abs": "abc"}),
    (batch_norm.stream_batch, {"population": None, "batch_size": 4, "seed": 0, "index": 0}),
    (batch_norm.running_history, {"population": "pop", "batch_size": 4, "seed": 0, "steps": 3}),
    (batch_norm.running_stationary_sd, {"population": None, "batch_size": 4, "momentum": 0.1}),
    (batch_norm.batch_noise, {"population": None, "batch_sizes": [4], "n_batches": 3, "seed": 0}),
    (batch_norm.regression_problem, {"population": None, "n": 5, "seed": 0}),
    (batch_norm.Population.from_presets, {"names": None}),
    (batch_norm.Population.from_presets, {"names": [["pixel"]]}),
    (batch_norm.Population.sample, {"self": POP, "n": 3, "rng": None}),
    (batch_norm.regression_loss, {"X": X3, "y": np.ones(4), "theta": np.ones(3)}),
    (batch_norm.regression_loss, {"X": X3, "y": np.ones(1), "theta": np.ones(3)}),
    (linear_networks.rank, {"W": X3, "rtol": "abc"}),
    (linear_networks.rank, {"W": X3, "rtol": -1.0}),
    (linear_networks.rank, {"W": X3, "rtol": math.nan}),
    (linear_networks.max_bend, {"lines": np.zeros((1, 3, 1))}),
    (linear_networks.max_bend, {"lines": np.zeros((1, 3, 3))}),
    (linear_networks.best_affine_mse, {"X": np.ones((3, 1)), "y": np.ones((2, 1))}),
    (metrics.parse_numbers, {"text": "1 2", "name": "v", "max_count": "abc"}),
    (metrics.parse_numbers, {"text": "1 2", "name": "v", "low": "a"}),
    (activations.init_weights, {"n_layers": "abc", "width": 3, "init": "he", "rng": RNG}),
    (activations.init_weights, {"n_layers": -1, "width": 3, "init": "he", "rng": RNG}),
    (
        activations.init_weights,
        {"n_layers": 1, "width": 3, "init": "he", "rng": RNG, "pieces": "a"},
    ),
    (activations.init_weights, {"n_layers": 1, "width": 3, "init": "he", "rng": None}),
    (
        activations.mlp_forward_backward,
        {
            "x": np.full((2, 3), math.nan),
            "weights": [np.ones((1, 3, 3))],
            "name": "relu",
            "upstream": XW,
        },
    ),
    (
        activations.mlp_forward_backward,
        {"x": XW, "weights": None, "name": "relu", "upstream": XW},
    ),
    (
        activations.mlp_forward_backward,
        {"x": XW, "weights": [np.ones((1, 3, 3))], "name": "maxout", "upstream": XW},
    ),
    (activations.diagnose, {"stats": None}),
    (optimizers.hyperparameters, {"name": ["adam"]}),
    (optimizers.update_rule, {"name": ["adam"]}),
    (optimizers.stable_lr_limit, {"name": ["sgd"], "lam_max": 1.0}),
    (
        optimizers.run_optimizer,
        {"name": {}, "grad": lambda x: x, "x0": [1.0], "steps": 1, "lr": 0.1},
    ),
    (schedules.lr_schedule, {"name": ["step"], "lr0": 0.1, "epochs": 3}),
    (optimizers.divergence_step, {"path": object()}),
    (optimizers.divergence_step, {"path": "abc"}),
    (optimizers.update_sizes, {"path": {}}),
    (optimizers.update_sizes, {"path": "abc"}),
    (
        schedules.run_schedule,
        {
            "lrs": [0.1],
            "fn": None,
            "x0": [1.0, 1.0],
            "steps_per_epoch": 1,
            "sigma": 0.0,
            "n_runs": 1,
            "rng": RNG,
        },
    ),
    # magnitudes where a documented result does not exist: refused
    (l1_proximal.default_lr, {"X": [[1e-160]]}),
    (l1_proximal.ista, {"X": [[1e-160]], "y": [1.0], "alpha": 0.1, "steps": 3}),
    (
        activations.layer_statistics,
        {
            "n_layers": 30,
            "width": 8,
            "activation": "relu",
            "init": 100.0,
            "seed": 0,
            "n_samples": 16,
        },
    ),
]


@pytest.mark.parametrize("func, kw", FIXED_INVALID)
def test_fixed_bugs_now_raise_value_error(func: Callable[..., Any], kw: Kwargs) -> None:
    assert_value_error(func, kw)


def test_big_integer_seed_is_exact() -> None:
    np.testing.assert_array_equal(
        l1_proximal.random_weights(1, seed=2**53 + 1)[0],
        l1_proximal.random_weights(1, seed=2**53 + 1)[0],
    )


def _finite(kw: Kwargs, out: Any) -> None:
    assert_finite(out)


def _nan_tail(kw: Kwargs, out: Any) -> None:
    assert np.isnan(out[-1]).all(), "the run was expected to diverge"
    _check_nan_tail(out)


FIXED_VALID = [  # (func, kwargs, check of the documented output): no warning, no crash
    (
        optimizers.run_optimizer,
        {
            "name": "rmsprop",
            "grad": lambda x: np.array([1.0, 0.3, 7.0]),
            "x0": np.zeros(3),
            "steps": 20,
            "lr": 1e-3,
            "alpha": 0.1,
            "centered": True,
        },
        _finite,
    ),
    (
        schedules.run_schedule,  # the CI failure: NaN right after small iterates
        {
            "lrs": [0.1, 0.1, 0.1],
            "fn": QUADRATIC,
            "x0": [0.5, -0.25],
            "steps_per_epoch": 1,
            "sigma": 0.0,
            "n_runs": 1,
            "rng": RNG,
            "optimizer": "rmsprop",
            "centered": True,
            "alpha": 1e-15,
            "eps": 1.0,
        },
        _finite,
    ),
    (
        optimizers.run_optimizer,
        {"name": "sgd", "grad": lambda x: x, "x0": np.ones(2), "steps": 0, "lr": np.array([])},
        lambda kw, out: assert_array(out, (1, 2)),
    ),
    (
        l1_proximal.ista,
        {"X": X3, "y": Y3, "alpha": 0.1, "steps": 2000, "lr": 10.0},
        _nan_tail,
    ),
    (batch_norm.gradient_descent, {"X": X3, "y": Y3, "lr": 10.0, "steps": 2000}, _nan_tail),
    (
        least_squares.max_stable_lr,
        {"X": [[1e-160]]},
        lambda kw, out: _check_max_lr(kw, out),
    ),
    (
        least_squares.normal_equations_solution,
        {"X": [[3e-163]], "y": [1.0]},
        lambda kw, out: np.testing.assert_allclose(out, [1 / 3e-163], rtol=1e-15),
    ),
    (
        batch_norm.linear_regression_gd,  # documented refusal, without an overflow warning
        {"X": [[1e-160], [2e-160], [3e-160]], "y": [1.0, 2.0, 3.0]},
        None,
    ),
    (
        least_squares.loss,
        {"X": [[1e200]], "y": [0.0], "w": [1.0]},
        lambda kw, out: np.testing.assert_equal(out, math.inf),  # documented: beyond the range
    ),
    (  # every squared residual is 1e308 and their sum overflows; the mean does not
        least_squares.loss,
        {"X": [[1e154]] * 4, "y": [0.0] * 4, "w": [1.0]},
        lambda kw, out: np.testing.assert_allclose(out, 0.5 * 1e154**2, rtol=1e-14),
    ),
    (
        least_squares.residual_norm,
        {"X": [[1e154]] * 4, "y": [0.0] * 4, "w": [1.0]},
        lambda kw, out: np.testing.assert_allclose(out, 2e154, rtol=1e-14),
    ),
]


@pytest.mark.parametrize(
    "func, kw, check",
    FIXED_VALID,
    ids=[f"{f.__module__.removeprefix('core.')}.{f.__qualname__}" for f, _, _ in FIXED_VALID],
)
def test_fixed_bugs_valid_input(
    func: Callable[..., Any], kw: Kwargs, check: Callable[[Kwargs, Any], None] | None
) -> None:
    if check is None:  # a documented refusal
        assert_value_error(func, kw)
    else:
        check(kw, call_strict(func, kw))


# =============================================================================================
# the tests
# =============================================================================================
BAD_CASES = [c for c in CASES if c.bad]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_valid_input_gives_finite_output(case: Case) -> None:
    forms = ["as_is", "as_is", "numpy"] + (["lists"] if case.lists_ok else [])

    @settings(max_examples=case.examples, **SETTINGS)
    @given(case.valid, st.sampled_from(forms))
    def run(kwargs: Kwargs, form: str) -> None:
        try:
            out = call_strict(case.func, {k: as_plain(v, form) for k, v in kwargs.items()})
        except ValueError as exc:
            # a documented refusal (e.g. rank-deficient normal equations), by core's own check
            if case.refuses(kwargs) and not isinstance(exc, np.linalg.LinAlgError):
                return
            raise
        case.check(kwargs, out)

    run()


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda c: c.id)
def test_invalid_input_raises_only_value_error(case: Case) -> None:
    # each example corrupts every parameter in turn, so fewer examples cover more cases
    @settings(max_examples=max(1, 2 * case.examples // 3), **SETTINGS)
    @given(st.data())
    def run(data: st.DataObject) -> None:
        valid = dict(data.draw(case.valid, label="valid kwargs"))
        for name in sorted(case.bad):  # corrupt one parameter at a time, each of them
            bad = data.draw(case.bad[name](valid), label=name)
            if bad is not _SKIP:
                assert_value_error(case.func, {**valid, name: bad})

    run()


# =============================================================================================
# every public function has a case
# =============================================================================================
MODULES = [
    least_squares,
    generalized_inverse,
    sensitivity,
    l1_proximal,
    batch_norm,
    dropout,
    linear_networks,
    metrics,
    confusion,
    roc,
    activations,
    optimizers,
    schedules,
]


def public_functions(module: Any) -> dict[str, Callable[..., Any]]:
    """Callables defined in ``module`` itself (not imported, not classes) without a leading _."""
    return {
        name: obj
        for name, obj in vars(module).items()
        if not name.startswith("_")
        and callable(obj)
        and not inspect.isclass(obj)
        and getattr(obj, "__module__", None) == module.__name__
    }


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_public_function_is_fuzzed(module: Any) -> None:
    functions = public_functions(module)
    assert functions, f"found no public function in {module.__name__}"
    valid = {c.func.__name__ for c in CASES if c.func.__module__ == module.__name__}
    invalid = {c.func.__name__ for c in BAD_CASES if c.func.__module__ == module.__name__}
    without_params = {n for n, f in functions.items() if not inspect.signature(f).parameters}
    assert not set(functions) - valid, f"no valid-input fuzz for {sorted(set(functions) - valid)}"
    missing_bad = set(functions) - invalid - without_params
    assert not missing_bad, f"no invalid-input fuzz for {sorted(missing_bad)}"
    for case in CASES:  # the registered object is the module's current one
        if case.func.__name__ in functions and case.func.__module__ == module.__name__:
            assert functions[case.func.__name__] is case.func
