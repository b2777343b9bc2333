"""Every public function of every core module is fuzzed, or exempt here with a reason.

The core modules are discovered (``pkgutil``), so a new module is checked as soon as it exists;
its cases live in ``tests/core/fuzz/test_<module>.py``. ``core._validate`` is private: its
checks run inside every fuzzed function. A function with parameters needs a valid-input and an
invalid-input case; an exemption names the function and says why. An exemption that no longer
applies (the function is gone, or is fuzzed after all) fails too.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

import core
from tests.core.fuzz.framework import Case

CONFIG = "takes a TrainConfig, validated when it was built (TrainConfig is fuzzed in test_train)"
# not fuzzed at all
EXEMPT: dict[str, str] = {
    "core.train.train": "the training loop: seconds per call; its TrainConfig is fuzzed and "
    "tests/core/test_train.py checks it against plain torch loops",
    "core.train.main": "the command line; tests/core/test_cli.py",
    "core.train.build_optimizer": CONFIG + "; tests/core/test_train.py compares with torch.optim",
    "core.train.build_scheduler": CONFIG + "; tests/core/test_train.py compares with torch",
    "core.train.evaluate": "takes the trainer's model and tensors; tests/core/test_train.py",
    "core.train.estimate_lambda_max": "takes the trainer's model and tensors; test_train.py",
    "core.train.available_cpus": "process setting (thread count), not math",
    "core.train.configure_threads": "process setting (thread count), not math",
    "core.train.warm_up": "process setting (first-call costs of torch), not math",
}
# fuzzed with valid input only
EXEMPT_INVALID: dict[str, str] = {
    "core.train.suggest_lr": CONFIG + "; lambda_max None or <= 0 means unknown curvature",
    "core.train.pytorch_code": CONFIG,
    "core.models.build_model": CONFIG,
    "core.models.parameter_table": "takes a model built by build_model",
    "core.models.count_parameters": "takes a model built by build_model",
    "core.models.state_dict_to_bytes": "takes a model's state_dict",
    "core.data.normalize": "a step of load_dataset, which checks the arrays first (the bad "
    "folders of test_data reach that check)",
}


def core_modules() -> list[ModuleType]:
    """Every public module of the core package."""
    return [
        importlib.import_module(f"core.{m.name}")
        for m in pkgutil.iter_modules(core.__path__)
        if not m.name.startswith("_")
    ]


def fuzz_cases(module: ModuleType) -> list[Case]:
    """The cases of ``tests/core/fuzz/test_<module>.py`` (none when the file does not exist)."""
    name = module.__name__.removeprefix("core.")
    try:
        fuzz_file = importlib.import_module(f"tests.core.fuzz.test_{name}")
    except ModuleNotFoundError:
        return []
    return list(fuzz_file.CASES.all)


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


MODULES = core_modules()


def test_the_core_modules_are_found() -> None:
    names = {m.__name__ for m in MODULES}
    assert {"core.least_squares", "core.train", "core.models", "core.data"} <= names


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_public_function_is_fuzzed(module: Any) -> None:
    functions = public_functions(module)
    assert functions, f"found no public function in {module.__name__}"
    cases = [c for c in fuzz_cases(module) if c.func.__module__ == module.__name__]
    exempt = {n for n in functions if f"{module.__name__}.{n}" in EXEMPT}
    exempt_bad = {n for n in functions if f"{module.__name__}.{n}" in EXEMPT_INVALID}
    valid = {c.func.__name__ for c in cases}
    invalid = {c.func.__name__ for c in cases if c.bad}
    without_params = {n for n, f in functions.items() if not inspect.signature(f).parameters}
    missing = set(functions) - valid - exempt
    assert not missing, f"no valid-input fuzz (nor exemption) for {sorted(missing)}"
    missing_bad = set(functions) - invalid - without_params - exempt - exempt_bad
    assert not missing_bad, f"no invalid-input fuzz (nor exemption) for {sorted(missing_bad)}"
    assert not exempt & valid, f"fuzzed but listed in EXEMPT: {sorted(exempt & valid)}"
    assert not exempt_bad & invalid, f"fuzzed but in EXEMPT_INVALID: {sorted(exempt_bad & invalid)}"
    for case in cases:  # the registered object is the module's current one
        if case.func.__name__ in functions:
            assert functions[case.func.__name__] is case.func


def test_every_exemption_names_a_public_function() -> None:
    known = {f"{m.__name__}.{n}" for m in MODULES for n in public_functions(m)}
    stale = sorted((set(EXEMPT) | set(EXEMPT_INVALID)) - known)
    assert not stale, f"exemptions for functions that do not exist: {stale}"
