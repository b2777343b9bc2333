"""Hypothesis strategies shared by the fuzz cases: valid values, then invalid ones."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from hypothesis import strategies as st

from tests.core.fuzz.framework import _SKIP, BadFactory, Kwargs

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
