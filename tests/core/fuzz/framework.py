"""The fuzz framework: a case per function, the strict call, the output checks."""

from __future__ import annotations

import dataclasses
import math
import os
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


_SKIP = object()  # a bad-value strategy draws it when a parameter has no invalid value


class Cases:
    """The fuzz cases of one core module, kept by that module's test file::

    CASES = Cases()
    fuzz = CASES.add
    fuzz(least_squares.rank, kwargs(X=LS_X), check, {"X": BAD_X})
    ...
    test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = (
        CASES.tests()
    )
    """

    def __init__(self) -> None:
        self.all: list[Case] = []

    @property
    def with_bad(self) -> list[Case]:
        """The cases that also draw invalid input."""
        return [c for c in self.all if c.bad]

    def add(
        self,
        func: Callable[..., Any],
        valid: st.SearchStrategy,
        check: Callable[[Kwargs, Any], None] | None = None,
        bad: dict[str, BadFactory] | None = None,
        refuses: Callable[[Kwargs], bool] | None = None,
        examples: int = 30,
        lists_ok: bool = True,
    ) -> None:
        self.all.append(
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

    def tests(self) -> tuple[Callable[[Case], None], Callable[[Case], None]]:
        """The module's two tests, one run per case: valid input, then invalid input."""

        @pytest.mark.parametrize("case", self.all, ids=lambda c: c.id)
        def test_valid_input_gives_finite_output(case: Case) -> None:
            check_valid_input(case)

        @pytest.mark.parametrize("case", self.with_bad, ids=lambda c: c.id)
        def test_invalid_input_raises_only_value_error(case: Case) -> None:
            check_invalid_input(case)

        return test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error


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


def check_valid_input(case: Case) -> None:
    """Valid input: the strict call returns an output that passes ``case.check`` (finite, the
    documented shape), or ``case.refuses`` it with core's own ValueError."""
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


def check_invalid_input(case: Case) -> None:
    """Invalid input: from a valid call, each parameter in turn replaced by an invalid value must
    raise core's own ValueError (``assert_value_error``)."""

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


def assert_latex_line(out: Any) -> None:
    """A LaTeX line for st.latex: a non-empty one-line string with balanced braces."""
    assert isinstance(out, str) and out and "\n" not in out, repr(out)
    assert out.count("{") == out.count("}"), out
