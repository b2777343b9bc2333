"""Input checks shared by the core modules.

Each check raises ``ValueError`` naming the parameter, what is allowed and what was received,
so a page can show the message to the user as it is.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np

F = TypeVar("F", bound=Callable[..., Any])


def with_latex(*latex: str) -> Callable[[F], F]:
    """Attach the formula(s) a function implements, as ``func.latex``, and to its docstring.

    The LaTeX lives in one place: the docstring shows it as ``.. math::`` and the page renders
    the same string with ``st.latex(func.latex)``.
    """

    def decorate(func: F) -> F:
        block = "".join(f"\n\n    .. math::\n\n        {s}" for s in latex)
        func.__doc__ = (func.__doc__ or "").rstrip() + "\n\n    Formula\n    -------" + block + "\n"
        func.latex = latex[0] if len(latex) == 1 else latex  # type: ignore[attr-defined]
        return func

    return decorate


def as_float_array(
    value: Any,
    name: str,
    ndim: int | tuple[int, ...] | None = None,
    keep_float_dtype: bool = False,
) -> np.ndarray:
    """Convert to a float64 array, requiring finite entries and (optionally) a number of dims.

    ``keep_float_dtype=True`` returns a floating-point ndarray as it is (float32 stays float32,
    no copy); anything else is converted to float64.
    """
    if keep_float_dtype and isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return _check_array(value, name, ndim)
    try:
        probe = np.asarray(value)
    except (TypeError, ValueError, OverflowError):
        probe = None  # ragged or exotic: the float conversion below says what is wrong
    if probe is not None and (
        np.iscomplexobj(probe)
        or (probe.dtype == object and any(isinstance(v, complex) for v in probe.ravel()))
    ):
        raise ValueError(f"{name} must be real, got complex values")
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be numeric, got {_short(value)}") from exc
    except OverflowError as exc:  # e.g. a Python int with hundreds of digits
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)") from exc
    return _check_array(arr, name, ndim)


def _check_array(arr: np.ndarray, name: str, ndim: int | tuple[int, ...] | None) -> np.ndarray:
    """The shape and finiteness checks of :func:`as_float_array` on a float array."""
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else ndim
        if arr.ndim not in allowed:
            want = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{name} must be {want}, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    return arr


def check_scalar(
    value: Any,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    integer: bool = False,
) -> float:
    """Return ``value`` as a float (or int) after checking it is finite and within bounds."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name} must be a number, got {_short(value)}")
    if integer and isinstance(value, (int, np.integer)):
        x: float = int(value)  # exact, however large (float() would round above 2**53)
    else:
        try:
            as_float = float(value)
        except OverflowError as exc:
            raise ValueError(f"{name} must be finite, got {_short(value)}") from exc
        if not math.isfinite(as_float):
            raise ValueError(f"{name} must be finite, got {value}")
        if integer and as_float != int(as_float):
            raise ValueError(f"{name} must be an integer, got {value}")
        x = int(as_float) if integer else as_float
    if low is not None and (x < low or (not low_inclusive and x == low)):
        op = ">=" if low_inclusive else ">"
        raise ValueError(f"{name} must be {op} {low}, got {value}")
    if high is not None and (x > high or (not high_inclusive and x == high)):
        op = "<=" if high_inclusive else "<"
        raise ValueError(f"{name} must be {op} {high}, got {value}")
    return x


def _short(value: Any, limit: int = 40) -> str:
    """``repr`` of a received value, cut so a huge input cannot flood the message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_rng(rng: Any, name: str = "rng") -> np.random.Generator:
    """Require a ``numpy.random.Generator`` (the only source of randomness core accepts)."""
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"{name} must be a numpy.random.Generator, got {type(rng).__name__}")
    return rng
