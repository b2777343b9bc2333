"""Practice exercises (issue 12): seeded, numbers by ``core``, graded box by box.

The content of each exercise lives in a topic module (:mod:`core.exercises.linear`, ...), declared
as a :class:`~core.exercises._base.Spec`; this package keeps the registry and the public API::

    ex = generate("batch_norm.forward", seed=123)   # same seed, same numbers, in every language
    statement(ex)        # placeholder values of the catalogue template exercises.<id>.statement
    verdict = check(ex, {"mu": "1.5", "var": "2,25", "y": ["-1", "0.3", ...]}, lang="es")
    solution(ex)         # [(step_key, values)], rendered with exercises.<id>.step.<key>
    format_answer(ex, "y")   # the reference answer as a student would type it

No Streamlit, no torch: the pages and the problem set import it freely.
"""

from __future__ import annotations

import numbers
import secrets
import zlib

import numpy as np

from core.exercises import linear, metrics, normalization, training
from core.exercises._base import Exercise, Field, Spec, Steps, Tolerance, Verdict
from core.exercises._grading import MAX_LENGTH, MESSAGES, EntryError, check, parse_number

__all__ = [
    "EXERCISES",
    "MAX_LENGTH",
    "MESSAGES",
    "PAGE_EXERCISES",
    "PROBLEM_SET",
    "EntryError",
    "Exercise",
    "Field",
    "Tolerance",
    "Verdict",
    "check",
    "format_answer",
    "generate",
    "parse_number",
    "random_seed",
    "solution",
    "statement",
]

SEED_LIMIT = 2**32

_SPECS: dict[str, Spec] = {
    spec.id: spec for module in (linear, normalization, training, metrics) for spec in module.SPECS
}

#: (group, exercise id) in the homework's order, then the slide topics.
PROBLEM_SET: tuple[tuple[str, str], ...] = (
    ("P1", "least_squares.min_norm"),
    ("P2", "linear_networks.collapse"),
    ("P2", "linear_networks.xor_fit"),
    ("P3", "batch_norm.forward"),
    ("P3", "batch_norm.running_mean"),
    ("P4", "l1_proximal.soft_threshold"),
    ("P5", "trainer.param_count"),
    ("P5", "trainer.early_stopping"),
    ("slides_opt", "optimizers.adam_steps"),
    ("slides_opt", "lr_schedules.value"),
    ("slides_opt", "dropout.expectation"),
    ("slides_opt", "activations_init.init_scale"),
    ("slides_metrics", "losses_metrics.cross_entropy"),
    ("slides_metrics", "losses_metrics.confusion"),
    ("slides_metrics", "losses_metrics.auc"),
)

#: Every exercise id, in the order of the problem set.
EXERCISES: tuple[str, ...] = tuple(ex_id for _, ex_id in PROBLEM_SET)

#: Page topic -> the exercises of its Practice section (the first is shown by default).
PAGE_EXERCISES: dict[str, tuple[str, ...]] = {}
for _ex_id in EXERCISES:
    _topic = _ex_id.split(".")[0]
    PAGE_EXERCISES[_topic] = PAGE_EXERCISES.get(_topic, ()) + (_ex_id,)


def _spec(exercise_id: object) -> Spec:
    if not isinstance(exercise_id, str) or exercise_id not in _SPECS:
        raise ValueError(
            f"unknown exercise {exercise_id!r}; expected one of {', '.join(EXERCISES)}"
        )
    return _SPECS[exercise_id]


def _check_seed(seed: object) -> int:
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise ValueError(f"seed must be an integer in [0, 2**32), got {seed!r}")
    if not 0 <= int(seed) < SEED_LIMIT:
        raise ValueError(f"seed must be an integer in [0, 2**32), got {int(seed)}")
    return int(seed)


def generate(exercise_id: str, seed: int) -> Exercise:
    """Draw exercise ``exercise_id`` with ``seed``: the same pair always gives the same numbers.

    The generator is seeded with ``(seed, crc32(exercise_id))``, so one teacher seed gives
    independent numbers to the different exercises of the problem set.

    Raises
    ------
    ValueError
        For an unknown id, or a seed that is not an integer in [0, 2**32) (``bool`` included).
    """
    spec = _spec(exercise_id)
    seed = _check_seed(seed)
    rng = np.random.default_rng([seed, zlib.crc32(spec.id.encode())])
    params = spec.draw(rng)
    return Exercise(
        id=spec.id,
        seed=seed,
        params=params,
        answer=spec.solve(params),
        tolerance=spec.tolerance,
        fields=spec.fields(params),
    )


def _check_exercise(exercise: object) -> Exercise:
    """``exercise`` must be what :func:`generate` returns (a ``ValueError`` otherwise)."""
    if not isinstance(exercise, Exercise):
        raise ValueError(
            f"exercise must be an Exercise from generate(), got {type(exercise).__name__}"
        )
    return exercise


def statement(exercise: Exercise) -> dict[str, str]:
    """Placeholder values (LaTeX / numbers with a decimal point) of ``exercises.<id>.statement``."""
    exercise = _check_exercise(exercise)
    return _spec(exercise.id).statement(exercise.params)


def solution(exercise: Exercise) -> Steps:
    """The worked solution: ``(step_key, values)`` for ``exercises.<id>.step.<step_key>``."""
    exercise = _check_exercise(exercise)
    return _spec(exercise.id).steps(exercise.params, exercise.answer)


def format_answer(exercise: Exercise, field: str) -> list[str]:
    """The reference answer of ``field`` as a student would type it (4 significant digits).

    One string per box; integers in full, choices as their option id.
    """
    exercise = _check_exercise(exercise)
    by_name = {f.name: f for f in exercise.fields}
    if field not in by_name:
        raise ValueError(
            f"unknown field {field!r} for {exercise.id}; expected one of {', '.join(by_name)}"
        )
    spec_field = by_name[field]
    value = exercise.answer[field]
    values = list(value) if spec_field.size is not None else [value]
    if spec_field.kind == "choice":
        return [str(v) for v in values]
    if spec_field.kind == "int":
        return [str(int(v)) for v in values]
    return [f"{float(v):.4g}" if v != 0 else "0" for v in values]


def random_seed() -> int:
    """A fresh seed in [0, 2**32) from the operating system (a student without ``?ex_seed``)."""
    return secrets.randbelow(SEED_LIMIT)
