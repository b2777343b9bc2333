"""Bugs the fuzz found, kept as explicit regression examples once core fixes them.

An open bug goes into FIXED_INVALID / FIXED_VALID as
``pytest.param(func, kw, marks=pytest.mark.xfail(strict=True, reason="open bug"))`` and its
input is left out of the fuzz strategies: the fix in core then makes it pass and fail the run
(strict), asking to drop the mark and put the input back into the strategies.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from core import (
    activations,
    batch_norm,
    data,
    exercises,
    l1_proximal,
    least_squares,
    linear_networks,
    metrics,
    models,
    optimizers,
    schedules,
)
from core.trainer import TrainConfig, report
from tests.core.fuzz.framework import (
    Kwargs,
    assert_array,
    assert_finite,
    assert_value_error,
    call_strict,
)
from tests.core.fuzz.test_least_squares import _check_max_lr, _check_nan_tail

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
MODEL = models.build_model(TrainConfig(hidden=(3,)))


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
    # data / models / train: TypeError or torch's RuntimeError before the fix
    (TrainConfig.from_dict, {"d": {1: 2, "zz": 3}}),  # sorting keys of mixed types
    (TrainConfig.from_json, {"text": 123}),  # json.loads: must be str, bytes or bytearray
    (TrainConfig.from_json, {"text": None}),
    (models.init_parameters, {"model": MODEL, "init": "normal", "activation": "relu", "std": -1.0}),
    (
        models.init_parameters,
        {"model": MODEL, "init": "normal", "activation": "relu", "std": math.nan},
    ),
    # float("a") said "could not convert string to float", without naming std
    (models.init_parameters, {"model": MODEL, "init": "normal", "activation": "relu", "std": "a"}),
    (
        models.init_parameters,
        {"model": MODEL, "init": "normal", "activation": "relu", "generator": 3},
    ),
    # the activation was only looked at under kaiming (torch's "Unsupported nonlinearity")
    (models.init_parameters, {"model": MODEL, "init": "xavier", "activation": "nope"}),
    (data.load_dataset, {"name": ["digits"]}),  # unhashable name looked up in DATASETS
    (data.load_dataset, {"name": "mnist", "data_dir": 123, "download": False}),  # pathlib
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


OPEN_BUG = pytest.mark.xfail(strict=True, reason="open bug")
EXERCISE = exercises.generate("batch_norm.forward", 0)
FIXED_INVALID += [  # found by the fuzz in core.exercises and core.trainer.report, fixed there
    # an unknown language is read as English instead of refused
    pytest.param(
        exercises.parse_number,
        {"text": "1", "lang": "fr"},
    ),
    # AttributeError: anything but an Exercise is read for its .id / .fields
    pytest.param(
        exercises.statement,
        {"exercise": None},
    ),
    pytest.param(
        exercises.solution,
        {"exercise": "batch_norm.forward"},
    ),
    pytest.param(
        exercises.format_answer,
        {"exercise": None, "field": "mu"},
    ),
    pytest.param(
        exercises.check,
        {"exercise": None, "responses": {}},
    ),
    # core.trainer.report: torch's IndexError (one column of logits, label 1); TypeError from
    # torch on text labels and from dict(None)
    pytest.param(
        report.test_report,
        {"model_or_logits": np.ones((2, 1)), "X": None, "y": np.array([0, 1])},
    ),
    pytest.param(
        report.test_report,
        {"model_or_logits": np.ones((2, 3)), "X": None, "y": "ab"},
    ),
    pytest.param(
        report.evaluate_state_dict,
        {"config": TrainConfig(), "state_dict": None, "X": np.ones((2, 64)), "y": [0, 1]},
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
