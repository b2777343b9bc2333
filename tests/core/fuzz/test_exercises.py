"""Fuzz cases of core.exercises: every exercise id with random seeds, the statement, the worked
solution and the reference answers of what ``generate`` draws, and the grader on arbitrary text.

The grader never raises on what a student types (any text, any number of boxes, missing or
extra fields): it answers with a Verdict. The reference answer, typed as ``format_answer``
writes it, is graded correct, in both languages.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from core import exercises
from tests.core.fuzz.framework import Cases, Kwargs, holds
from tests.core.fuzz.strategies import bad_name, bad_number

CASES = Cases()
fuzz = CASES.add

IDS = st.sampled_from(exercises.EXERCISES)
SEEDS = st.one_of(st.integers(0, 2**32 - 1), st.sampled_from([0, 2**32 - 1]))
GENERATE = st.fixed_dictionaries({"exercise_id": IDS, "seed": SEEDS})
EXERCISE = GENERATE.map(lambda kw: exercises.generate(**kw))


def _check_generated(kw: Kwargs, out: Any) -> None:
    assert isinstance(out, exercises.Exercise)
    assert (out.id, out.seed) == (kw["exercise_id"], kw["seed"])
    assert {f.name for f in out.fields} == set(out.answer)
    again = exercises.generate(**kw)  # same id and seed, same numbers
    assert exercises.statement(again) == exercises.statement(out)


fuzz(
    exercises.generate,
    GENERATE,
    _check_generated,
    {
        "exercise_id": bad_name("P1", "least_squares", valid=exercises.EXERCISES),
        "seed": bad_number(-1, 2**32, 2**64, 1.5, integer=True),
    },
    examples=40,
    lists_ok=False,
)


def _all_str(values: Any) -> bool:
    return isinstance(values, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in values.items()
    )


fuzz(
    exercises.statement,
    st.fixed_dictionaries({"exercise": EXERCISE}),
    holds(lambda kw, out: _all_str(out)),
    examples=30,
    lists_ok=False,
)
fuzz(
    exercises.solution,
    st.fixed_dictionaries({"exercise": EXERCISE}),
    holds(lambda kw, out: out and all(isinstance(k, str) and _all_str(v) for k, v in out)),
    examples=30,
    lists_ok=False,
)


@st.composite
def field_kwargs(draw: Any) -> Kwargs:
    exercise = draw(EXERCISE)
    field = draw(st.sampled_from(exercise.fields))
    return {"exercise": exercise, "field": field.name}


def _check_formatted(kw: Kwargs, out: Any) -> None:
    """One string per box, and each one graded correct in its field, in both languages."""
    ex = kw["exercise"]
    field = next(f for f in ex.fields if f.name == kw["field"])
    assert isinstance(out, list) and all(isinstance(s, str) for s in out)
    assert len(out) == (field.size or 1)
    for lang in ("en", "es"):
        verdict = exercises.check(ex, {field.name: out if field.size else out[0]}, lang=lang)
        assert verdict.fields[field.name], (lang, out, verdict.codes[field.name])


fuzz(
    exercises.format_answer,
    field_kwargs(),
    _check_formatted,
    {"field": lambda kw: st.sampled_from(["", "no_such_field", kw["field"].upper() + "x", None])},
    examples=30,
    lists_ok=False,
)

# what a student may type: numbers in every spelling, fractions, junk, huge or empty text
TYPED = st.one_of(
    st.text(max_size=30),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["1/0", "1/3", "2,5", "1.000,5", "1e999", "-", "nan", "inf", " ", "½"]),
    st.just("9" * 5000),
)


@st.composite
def check_kwargs(draw: Any) -> Kwargs:
    exercise = draw(EXERCISE)
    responses: dict[Any, Any] = {}
    for f in exercise.fields:
        if draw(st.booleans()):  # a field may be left out
            n = (f.size or 1) + draw(st.sampled_from([0, 0, 0, -1, 1]))
            boxes = draw(st.lists(TYPED, min_size=max(n, 0), max_size=max(n, 0)))
            responses[f.name] = boxes if f.size or len(boxes) != 1 else boxes[0]
    if draw(st.booleans()):
        responses[draw(st.one_of(st.text(max_size=5), st.integers()))] = draw(TYPED)
    return {
        "exercise": exercise,
        "responses": draw(st.one_of(st.just(responses), st.sampled_from([None, "abc", 3, []]))),
        "lang": draw(st.sampled_from(["en", "es"])),
    }


def _check_verdict(kw: Kwargs, out: Any) -> None:
    assert isinstance(out, exercises.Verdict)
    names = {f.name for f in kw["exercise"].fields}
    assert set(out.fields) == set(out.elements) == set(out.messages) == names
    assert out.correct == all(out.fields.values())


fuzz(exercises.check, check_kwargs(), _check_verdict, examples=40, lists_ok=False)


@st.composite
def number_kwargs(draw: Any) -> Kwargs:
    """A float as Python writes it; in Spanish sometimes with the decimal comma."""
    text = repr(draw(st.floats(-1e300, 1e300, allow_subnormal=False)))
    lang = draw(st.sampled_from(["en", "es"]))
    if lang == "es" and draw(st.booleans()):
        text = text.replace(".", ",")
    return {"text": text, "lang": lang}


def _check_number(kw: Kwargs, out: Any) -> None:
    assert isinstance(out, float)
    assert out == float(kw["text"].replace(",", "."))


fuzz(
    exercises.parse_number,
    number_kwargs(),
    _check_number,
    {
        "text": lambda kw: st.one_of(
            st.sampled_from(["", " ", "abc", "1..2", "1/0", "nan", "inf", "1e999", "9" * 5000]),
            st.sampled_from([None, 3, 1.5, ["1"]]),
        ),
        # lang: an unknown language is read as English (an open bug, test_regressions)
    },
    examples=30,
    lists_ok=False,
)

test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
