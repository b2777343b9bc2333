"""Every public function of every core module is fuzzed, or exempt here with a reason.

The core modules and packages are discovered (``pkgutil.walk_packages``), so a new module or
subpackage is checked as soon as it exists. A function is known by identity and by the module
that defines it (``func.__module__``), not by the module a test imports it from: a function
moved to another module and re-exported under its old name stays covered by the same case. Its
cases may live in any ``tests/core/fuzz/test_<module>.py``.

A public function is one with a public name in a public module (no ``_`` in any part of the
path) and defined in core: either in a public module, or in a private one and listed in a public
module's ``__all__`` (``core.exercises`` re-exports its ``_grading.check``). Helpers of private
modules imported for internal use (``core._validate.check_scalar`` in ``core.data``) are not
public. A function with parameters needs a valid-input and an invalid-input case; an exemption
names the function by any of its public paths (``core.trainer.train``, the package's name,
outlives moves between the package's submodules) and says why. An exemption that no longer
applies (no such function, or fuzzed after all) fails too.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import defaultdict
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

import core
import core.train
import core.trainer
import tests.core.fuzz
from tests.core.fuzz.framework import Case

CONFIG = "takes a TrainConfig, validated when it was built (TrainConfig is fuzzed in test_train)"
MODEL = "takes the trainer's model and tensors"
EXERCISE = "takes an Exercise made by generate (fuzzed); a non-Exercise is an open bug in "
EXERCISE += "test_regressions"
# not fuzzed at all
EXEMPT: dict[str, str] = {
    "core.trainer.train": "the training loop: seconds per call; its TrainConfig is fuzzed and "
    "tests/core/test_train.py checks it against plain torch loops",
    "core.trainer.main": "the command line; tests/core/test_cli.py",
    "core.trainer.build_optimizer": CONFIG + "; tests/core/test_train.py compares with torch.optim",
    "core.trainer.build_scheduler": CONFIG + "; tests/core/test_train.py compares with torch",
    "core.trainer.evaluate": MODEL + "; tests/core/test_train.py",
    "core.trainer.estimate_lambda_max": MODEL + "; tests/core/test_train.py",
    "core.trainer.available_cpus": "process setting (thread count), not math",
    "core.trainer.configure_threads": "process setting (thread count), not math",
    "core.trainer.warm_up": "process setting (first-call costs of torch), not math",
    "core.trainer.slots.max_trainings": "process setting (an environment variable and the core "
    "count), not math; tests/core/test_slots.py",
    "core.exercises.normalization.init_scale": "the solver of an exercise, called on the numbers "
    "generate draws (fuzzed there over every id and seed)",
    "core.exercises.training.early_stopping": "the solver of an exercise, called on the numbers "
    "generate draws (fuzzed there over every id and seed)",
    "core.trainer.report.result_report": "takes the TrainResult of a finished train() run "
    "(seconds per call); tests/core/test_report.py",
    "core.exercises.random_seed": "no parameters and no math: a fresh seed from the operating "
    "system (tests/core/test_exercises.py checks its range)",
}
# fuzzed with valid input only
EXEMPT_INVALID: dict[str, str] = {
    "core.trainer.suggest_lr": CONFIG + "; lambda_max None or <= 0 means unknown curvature",
    "core.trainer.pytorch_code": CONFIG,
    "core.models.parameter_table": "takes a model built by build_model",
    "core.models.count_parameters": "takes a model built by build_model",
    "core.models.state_dict_to_bytes": "takes a model's state_dict",
    "core.exercises.statement": EXERCISE,
    "core.exercises.solution": EXERCISE,
    "core.exercises.check": "grading never refuses what a student types (the valid fuzz draws "
    "arbitrary text); a non-Exercise is an open bug in test_regressions",
    "core.data.normalize": "a step of load_dataset, which checks the arrays first (the bad "
    "folders of test_data reach that check)",
}


def _is_private(module_name: str) -> bool:
    return any(part.startswith("_") for part in module_name.split("."))


def core_modules() -> list[ModuleType]:
    """Every module of the core package, subpackages and their modules included."""
    found = [core] + [
        importlib.import_module(m.name)
        for m in pkgutil.walk_packages(core.__path__, prefix="core.")
        if m.name != "core.trainer.__main__"  # running it is the command line
    ]
    return sorted(found, key=lambda m: m.__name__)


def fuzz_cases() -> list[Case]:
    """The cases of every ``tests/core/fuzz/test_*.py`` that registers some (``CASES``)."""
    cases: list[Case] = []
    for m in pkgutil.iter_modules(tests.core.fuzz.__path__):
        if m.name.startswith("test_"):
            test_file = importlib.import_module(f"tests.core.fuzz.{m.name}")
            if hasattr(test_file, "CASES"):
                cases += test_file.CASES.all
    return cases


def _defined_in_core(obj: Any) -> bool:
    return (
        callable(obj)
        and not inspect.isclass(obj)
        and str(getattr(obj, "__module__", "")).startswith("core.")
    )


def public_functions(modules: list[ModuleType]) -> dict[Callable[..., Any], set[str]]:
    """Each public function of core (by identity) -> its public paths (``core.x.name``)."""
    paths: dict[Callable[..., Any], set[str]] = defaultdict(set)
    for module in modules:
        if _is_private(module.__name__):
            continue
        exported = set(getattr(module, "__all__", ()))
        for name, obj in vars(module).items():
            if name.startswith("_") or not _defined_in_core(obj):
                continue
            if not _is_private(obj.__module__) or name in exported:
                paths[obj].add(f"{module.__name__}.{name}")
    return dict(paths)


MODULES = core_modules()
FUNCTIONS = public_functions(MODULES)
CASES = fuzz_cases()
DEFINING_MODULES = sorted({f.__module__ for f in FUNCTIONS})


def _exemption(func: Callable[..., Any], table: dict[str, str]) -> str | None:
    """The exemption of ``func`` in ``table`` under any of its public paths."""
    return next((p for p in sorted(FUNCTIONS[func]) if p in table), None)


def test_the_core_modules_and_functions_are_found() -> None:
    """The walk reaches modules, subpackages and their submodules, and the functions behind
    re-exports (a broken discovery would make every other test here pass vacuously)."""
    names = {m.__name__ for m in MODULES}
    assert {"core.least_squares", "core.models", "core.data", "core.train"} <= names
    assert {"core.trainer", "core.trainer.loop", "core.trainer.report", "core.exercises"} <= names
    from core import exercises, least_squares, trainer

    assert "core.least_squares.pinv" in FUNCTIONS[least_squares.pinv]
    train_paths = {"core.trainer.train", "core.train.train", "core.trainer.loop.train"}
    assert train_paths <= FUNCTIONS[trainer.train]
    assert {"core.exercises.check", "core.exercises.generate"} <= {
        p for f in (exercises.check, exercises.generate) for p in FUNCTIONS[f]
    }
    assert least_squares.generalized_inverse in FUNCTIONS


def test_core_train_is_an_alias_of_core_trainer() -> None:
    """core.train defines nothing: every name of core.trainer's API is the same object there,
    so the cases written against core.trainer cover ``from core.train import ...`` too."""
    assert not [
        n for n, obj in vars(core.train).items() if getattr(obj, "__module__", None) == "core.train"
    ]
    for name in core.trainer.__all__:
        assert getattr(core.train, name) is getattr(core.trainer, name), name


@pytest.mark.parametrize("defining_module", DEFINING_MODULES)
def test_every_public_function_is_fuzzed(defining_module: str) -> None:
    functions = {f for f in FUNCTIONS if f.__module__ == defining_module}
    valid = {c.func for c in CASES if c.func in functions}
    invalid = {c.func for c in CASES if c.bad and c.func in functions}
    exempt = {f for f in functions if _exemption(f, EXEMPT)}
    exempt_bad = {f for f in functions if _exemption(f, EXEMPT_INVALID)}
    without_params = {f for f in functions if not inspect.signature(f).parameters}

    def show(funcs: set[Callable[..., Any]]) -> list[str]:
        return sorted(f"{f.__module__}.{f.__qualname__}" for f in funcs)

    missing = functions - valid - exempt
    assert not missing, f"no valid-input fuzz (nor exemption) for {show(missing)}"
    missing_bad = functions - invalid - without_params - exempt - exempt_bad
    assert not missing_bad, f"no invalid-input fuzz (nor exemption) for {show(missing_bad)}"
    assert not exempt & valid, f"fuzzed but listed in EXEMPT: {show(exempt & valid)}"
    assert not exempt_bad & invalid, f"fuzzed but in EXEMPT_INVALID: {show(exempt_bad & invalid)}"


def test_every_exemption_names_a_public_function() -> None:
    known = {p for paths in FUNCTIONS.values() for p in paths}
    stale = sorted((set(EXEMPT) | set(EXEMPT_INVALID)) - known)
    assert not stale, f"exemptions for functions that do not exist: {stale}"
