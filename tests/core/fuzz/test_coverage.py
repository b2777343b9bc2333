"""Every public function of the fuzzed core modules has a fuzz case."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from core import (
    activations,
    batch_norm,
    dropout,
    l1_proximal,
    least_squares,
    linear_networks,
    metrics,
    optimizers,
    schedules,
)
from tests.core.fuzz import (
    test_activations,
    test_batch_norm,
    test_dropout,
    test_l1_proximal,
    test_least_squares,
    test_linear_networks,
    test_metrics,
    test_optimizers,
    test_schedules,
)

# =============================================================================================
# every public function has a case
# =============================================================================================
MODULES = [
    least_squares,
    l1_proximal,
    batch_norm,
    dropout,
    linear_networks,
    metrics,
    activations,
    optimizers,
    schedules,
]
FUZZ_FILES = [
    test_least_squares,
    test_l1_proximal,
    test_batch_norm,
    test_dropout,
    test_linear_networks,
    test_metrics,
    test_activations,
    test_optimizers,
    test_schedules,
]
CASES = [case for file in FUZZ_FILES for case in file.CASES.all]
BAD_CASES = [case for file in FUZZ_FILES for case in file.CASES.with_bad]


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
