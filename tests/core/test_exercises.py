"""core.exercises: seeds, grading, number entry, the interesting case, and the catalogue.

The oracles (answers recomputed by numpy / torch / scikit-learn) are in
``test_exercises_oracles.py``.
"""

from __future__ import annotations

import ast
import functools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import exercises as E
from core.exercises import (
    EXERCISES,
    PAGE_EXERCISES,
    PROBLEM_SET,
    Exercise,
    check,
    format_answer,
    generate,
    parse_number,
    solution,
    statement,
)
from ui import i18n, nav

ROOT = Path(__file__).resolve().parents[2]
SEEDS = range(200)


@functools.cache
def draws(exercise_id: str) -> tuple[Exercise, ...]:
    return tuple(generate(exercise_id, seed) for seed in SEEDS)


def typed(ex: Exercise) -> dict[str, str | list[str]]:
    """The reference answer as a student would type it."""
    out: dict[str, str | list[str]] = {}
    for field in ex.fields:
        boxes = format_answer(ex, field.name)
        out[field.name] = boxes if field.size is not None else boxes[0]
    return out


# --- the registry ---------------------------------------------------------------------------------


def test_required_ids_and_problem_set_order():
    required = {
        "least_squares.min_norm",
        "l1_proximal.soft_threshold",
        "batch_norm.forward",
        "dropout.expectation",
        "linear_networks.collapse",
        "optimizers.adam_steps",
        "lr_schedules.value",
        "losses_metrics.cross_entropy",
        "losses_metrics.confusion",
        "losses_metrics.auc",
        "activations_init.init_scale",
        "linear_networks.xor_fit",
        "batch_norm.running_mean",
        "trainer.early_stopping",
        "trainer.param_count",
    }
    assert set(EXERCISES) == required
    assert len(EXERCISES) == len(set(EXERCISES))
    groups = [g for g, _ in PROBLEM_SET]
    order = ["P1", "P2", "P3", "P4", "P5", "slides_opt", "slides_metrics"]
    assert groups == sorted(groups, key=order.index)  # homework order, then the slides
    assert set(groups) == set(order)


def test_page_exercises_point_to_registered_pages():
    topics = {p.topic for p in nav.REGISTRY}
    assert set(PAGE_EXERCISES) <= topics
    assert sorted(i for ids in PAGE_EXERCISES.values() for i in ids) == sorted(EXERCISES)
    for topic, ids in PAGE_EXERCISES.items():
        assert all(i.startswith(topic + ".") for i in ids)


# --- seeds ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_generation_is_deterministic_and_varied(exercise_id):
    again = [generate(exercise_id, seed) for seed in SEEDS[:20]]
    assert again == list(draws(exercise_id)[:20])
    distinct = {json.dumps(ex.params, sort_keys=True) for ex in draws(exercise_id)}
    assert len(distinct) >= 150, len(distinct)


def test_same_seed_different_exercises_are_independent():
    a = generate("batch_norm.forward", 7).params
    assert generate("batch_norm.forward", 7).params == a
    assert generate("batch_norm.forward", 8).params != a


@pytest.mark.parametrize("seed", [True, False, 1.0, 0.5, -1, 2**32, 2**40, "3", None, [1]])
def test_bad_seed_raises(seed):
    with pytest.raises(ValueError, match=r"seed must be an integer in \[0, 2\*\*32\)"):
        generate("batch_norm.forward", seed)


def test_good_seed_edges_and_numpy_ints():
    assert generate("batch_norm.forward", 0).seed == 0
    assert generate("batch_norm.forward", 2**32 - 1).seed == 2**32 - 1
    assert generate("batch_norm.forward", np.int64(5)) == generate("batch_norm.forward", 5)
    seed = E.random_seed()
    assert isinstance(seed, int) and 0 <= seed < 2**32


@pytest.mark.parametrize("bad", ["nope", "batch_norm", "", None, 3])
def test_unknown_id_raises(bad):
    with pytest.raises(ValueError, match="unknown exercise"):
        generate(bad, 0)


# --- the interesting case, in every draw --------------------------------------------------------


def _interesting(ex: Exercise) -> bool:
    p, a = ex.params, ex.answer
    if ex.id == "least_squares.min_norm":
        return a["rank"] < len(p["X"][0]) and a["unique"] == 0
    if ex.id == "l1_proximal.soft_threshold":
        zero = [w == 0 for w in a["w"]]
        return any(zero) and not all(zero)
    if ex.id == "linear_networks.collapse":
        d, m, h = len(p["W1"][0]), len(p["W2"]), len(p["W1"])
        return a["rank"] <= h < min(d, m) and a["b"] != p["b2"]
    if ex.id == "linear_networks.xor_fit":
        return len(set(p["order"])) == 5
    if ex.id == "batch_norm.forward":
        return min(a["y"]) < 0 < max(a["y"])
    if ex.id == "batch_norm.running_mean":
        means = p["batch_means"]
        value = a["running_mean"]
        return abs(value - means[-1]) > 0.05 and abs(value - np.mean(means)) > 0.05
    if ex.id == "trainer.early_stopping":
        losses, best = p["val_losses"], a["best_epoch"]
        # a pause shorter than the patience before the best epoch: the naive "first rise" is wrong
        rises = [t for t in range(2, best) if losses[t - 1] >= min(losses[: t - 1])]
        return bool(rises) and a["stop_epoch"] == best + p["patience"]
    if ex.id == "trainer.param_count":
        return len(p["layers"]) >= 3
    if ex.id == "optimizers.adam_steps":
        return min(p["grads"]) < 0 < max(p["grads"])
    if ex.id == "lr_schedules.value":
        return p["epoch"] > 0 and a["lr"] < p["lr0"]
    if ex.id == "dropout.expectation":
        return abs(a["expected"]) >= 0.25 and a["scale_inverted"] > 1
    if ex.id == "activations_init.init_scale":
        return a["value"] > 0
    if ex.id == "losses_metrics.cross_entropy":
        return 0 < a["loss"]
    if ex.id == "losses_metrics.confusion":
        sizes = np.sum(p["matrix"], axis=1)
        return sizes.max() > sizes.min() and a["accuracy"] != a["balanced_accuracy"]
    if ex.id == "losses_metrics.auc":
        pos = {s for s, y in zip(p["scores"], p["labels"], strict=True) if y == 1}
        neg = {s for s, y in zip(p["scores"], p["labels"], strict=True) if y == 0}
        return bool(pos & neg) and 0 < a["auc"] < 1
    raise AssertionError(f"no interesting case written for {ex.id}")


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_every_draw_has_the_interesting_case(exercise_id):
    assert all(_interesting(ex) for ex in draws(exercise_id))


def test_variants_all_appear():
    schedules = {ex.params["schedule"] for ex in draws("lr_schedules.value")}
    assert schedules == {"step", "exponential", "inverse_time", "cosine"}
    schemes = {ex.params["scheme"] for ex in draws("activations_init.init_scale")}
    assert len(schemes) == 4
    assert {ex.params["batch_norm"] for ex in draws("trainer.param_count")} == {0, 1}
    assert {ex.params["base"] for ex in draws("losses_metrics.cross_entropy")} == {2, "e"}
    unseen = [ex for ex in draws("trainer.early_stopping") if solution(ex)[-1][0] == "unseen"]
    assert 20 < len(unseen) < 180  # a lower loss after the stop appears in some draws only


def test_numbers_are_friendly():
    for ex in draws("batch_norm.forward"):
        assert all(float(v).is_integer() for v in ex.params["x"])
    for ex in draws("l1_proximal.soft_threshold"):
        assert all(round(w, 1) == w for w in ex.params["w_star"])
    for ex in draws("least_squares.min_norm"):
        assert np.abs(ex.params["X"]).max() <= 9 and len(ex.params["X"]) <= 4
    for ex in draws("trainer.early_stopping"):
        assert all(round(v, 2) == v for v in ex.params["val_losses"])


# --- grading ----------------------------------------------------------------------------------------


def _real_boxes(ex: Exercise):
    """(field name, index, value) of every real box."""
    for field in ex.fields:
        if field.kind != "real":
            continue
        values = ex.answer[field.name] if field.size is not None else [ex.answer[field.name]]
        for i, v in enumerate(values):
            yield field, i, v


def _with_box(ex: Exercise, field, i: int, text: str) -> dict:
    responses = typed(ex)
    if field.size is None:
        responses[field.name] = text
    else:
        boxes = list(responses[field.name])
        boxes[i] = text
        responses[field.name] = boxes
    return responses


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_reference_answer_typed_to_4_digits_is_accepted(exercise_id):
    for ex in draws(exercise_id):
        responses = typed(ex)
        verdict = check(ex, responses, "en")
        assert verdict.correct, (ex.seed, responses, verdict)
        # In Spanish the same answer with a decimal comma.
        es = {
            k: [b.replace(".", ",") for b in v] if isinstance(v, list) else v.replace(".", ",")
            for k, v in responses.items()
        }
        assert check(ex, es, "es").correct, (ex.seed, es)


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_perturbed_or_sign_flipped_boxes_are_rejected(exercise_id):
    for ex in draws(exercise_id)[:60]:
        for field, i, v in _real_boxes(ex):
            off = v * 1.05 if abs(v) >= 0.2 else v + 0.05 * max(abs(v), 1.0)  # 5 %, or 0.05 near 0
            verdict = check(ex, _with_box(ex, field, i, repr(off)), "en")
            assert not verdict.fields[field.name] and not verdict.correct, (ex.seed, field, v)
            if field.size is not None:
                assert verdict.elements[field.name][i] is False
                assert sum(verdict.elements[field.name]) == field.size - 1
            if v != 0:
                flipped = check(ex, _with_box(ex, field, i, repr(-v)), "en")
                assert not flipped.fields[field.name], (ex.seed, field, v)
        for field in ex.fields:
            if field.kind == "int":
                values = ex.answer[field.name] if field.size else [ex.answer[field.name]]
                for i, v in enumerate(values):
                    verdict = check(ex, _with_box(ex, field, i, str(v + 1)), "en")
                    assert not verdict.fields[field.name]
                    near = check(ex, _with_box(ex, field, i, f"{v}.001"), "en")
                    assert not near.fields[field.name]  # integers are exact


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_swapped_list_order_is_rejected(exercise_id):
    swapped_any = False
    for ex in draws(exercise_id):
        for field in ex.fields:
            if field.size is None or field.size < 2:
                continue
            values = list(ex.answer[field.name])
            pairs = [
                (i, j)
                for i in range(len(values))
                for j in range(i + 1, len(values))
                if abs(values[i] - values[j]) > 0.02 * max(abs(values[i]), abs(values[j]), 1)
            ]
            if not pairs:
                continue
            i, j = pairs[0]
            boxes = format_answer(ex, field.name)
            boxes[i], boxes[j] = boxes[j], boxes[i]
            verdict = check(ex, typed(ex) | {field.name: boxes}, "en")
            assert not verdict.fields[field.name], (ex.seed, field.name, boxes)
            swapped_any = True
    has_lists = any(f.size for f in draws(exercise_id)[0].fields)
    assert swapped_any == has_lists


def test_choice_grading():
    ex = generate("linear_networks.xor_fit", 3)
    assert check(ex, {"answer": "B"}).correct
    for wrong in ("A", "C", "AB", "none"):
        assert not check(ex, {"answer": wrong}).correct
    verdict = check(ex, {"answer": "Z"}, "es")
    assert not verdict.correct and verdict.codes["answer"] == ("choice",)
    assert verdict.messages["answer"] == ("Elige una de las opciones",)


def test_tolerance_is_the_larger_of_relative_and_absolute():
    ex = generate("batch_norm.forward", 1)
    mu = ex.answer["mu"]
    ok = typed(ex)
    assert check(ex, ok | {"mu": repr(mu + 0.0049)}).fields["mu"]
    assert not check(ex, ok | {"mu": repr(mu + 0.0051 + 0.005 * abs(mu))}).fields["mu"]
    lr = generate("lr_schedules.value", 2)
    assert lr.tolerance.abs < 1e-4  # small rates: relative only, and the statement says so
    assert "0.5 %" in i18n.translate(
        "en", "exercises.lr_schedules.value.statement", **statement(lr)
    )
    assert "0,5 %" in i18n.translate(
        "es", "exercises.lr_schedules.value.statement", **statement(lr)
    )


GARBAGE = [
    "",
    "   ",
    "abc",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "1e999",
    "-1e999",
    "1e999/1",
    "1/0",
    "0/0",
    "1/2/3",
    "x" * 1000,
    "1" * 101,
    "1,000.5",
    "1.2.3",
    "--1",
    "1e",
    "0x10",
    "½",
    "1_000",
    "(1)",
    "2+3",
    "import os",
]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_garbage_gets_a_message_and_never_raises(exercise_id, lang):
    ex = draws(exercise_id)[0]
    for junk in [*GARBAGE, None, 5, 2.5, ["a", "b"], {"x": 1}]:
        responses = {f.name: junk if f.size is None else [junk] * f.size for f in ex.fields}
        verdict = check(ex, responses, lang)
        assert not verdict.correct
        for field in ex.fields:
            assert len(verdict.elements[field.name]) == (field.size or 1)
            assert len(verdict.messages[field.name]) == (field.size or 1)
    for junk in GARBAGE:
        responses = {f.name: junk if f.size is None else [junk] * f.size for f in ex.fields}
        verdict = check(ex, responses, lang)
        for field in ex.fields:
            assert all(m for m in verdict.messages[field.name]), (junk, field.name)
            assert all(c in E.MESSAGES for c in verdict.codes[field.name])


def test_wrong_number_of_boxes_and_missing_fields():
    ex = generate("batch_norm.forward", 4)
    ok = typed(ex)
    short = check(ex, ok | {"y": ok["y"][:-1]}, "es")
    assert not short.fields["y"] and short.fields["mu"]
    assert set(short.codes["y"]) == {"box_count"}
    assert short.messages["y"][0] == E.MESSAGES["box_count"]["es"]
    assert not check(ex, ok | {"y": [*ok["y"], "1"]}).fields["y"]
    assert not check(ex, ok | {"y": "1"}).fields["y"]  # a string for a list field
    missing = check(ex, {"mu": ok["mu"]})
    assert missing.fields["mu"] and not missing.fields["var"] and not missing.correct
    assert missing.codes["var"] == ("empty",)
    assert not check(ex, None).correct  # type: ignore[arg-type]
    assert not check(ex, "0.5").correct  # type: ignore[arg-type]


def test_messages_come_in_the_students_language():
    ex = generate("dropout.expectation", 0)
    en = check(ex, {"expected": "abc", "scale_inverted": ""}, "en")
    es = check(ex, {"expected": "abc", "scale_inverted": ""}, "es")
    assert en.messages["expected"] == (E.MESSAGES["not_number"]["en"],)
    assert es.messages["expected"] == (E.MESSAGES["not_number"]["es"],)
    assert es.messages["scale_inverted"] == ("Escribe un número, p. ej. 0,5 o 1/3",)
    assert set(E.MESSAGES) == {k for k in E.MESSAGES if set(E.MESSAGES[k]) == {"en", "es"}}


# --- parse_number ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("0.5", "en", 0.5),
        ("-2e-3", "en", -0.002),
        ("1/3", "en", 1 / 3),
        ("-1/3", "en", -1 / 3),
        (" 2 ", "en", 2.0),
        ("+3", "en", 3.0),
        (".5", "en", 0.5),
        ("5.", "en", 5.0),
        ("1E3", "en", 1000.0),
        ("−4", "en", -4.0),  # Unicode minus, as copied from a formula
        ("1 / 4", "en", 0.25),
        ("0,5", "es", 0.5),
        ("0.5", "es", 0.5),
        ("-2,5e-1", "es", -0.25),
        ("1,5/3", "es", 0.5),
        ("1.000", "es", 1.0),  # one decimal mark, never a thousands separator
        ("1e-999", "en", 0.0),
    ],
)
def test_parse_number_accepts(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize(
    "text, lang, code",
    [
        ("", "en", "empty"),
        ("  ", "es", "empty"),
        ("abc", "en", "not_number"),
        ("nan", "en", "not_finite"),
        ("-inf", "es", "not_finite"),
        ("1e999", "en", "too_large"),
        ("1e308/1e-10", "en", "too_large"),
        ("1" * 101, "en", "too_long"),
        ("0,5", "en", "comma"),
        ("1,000", "en", "comma"),
        ("1,000.5", "en", "thousands"),
        ("1.000,5", "es", "thousands"),
        ("1,000,000", "es", "thousands"),
        ("1/0", "es", "zero_division"),
        ("1/2/3", "en", "not_number"),
        ("2+3", "en", "not_number"),
    ],
)
def test_parse_number_refuses_with_a_code(text, lang, code):
    with pytest.raises(ValueError) as info:
        parse_number(text, lang)
    assert info.value.code == code
    assert E.MESSAGES[code]["en"] in str(info.value)


def test_parse_number_never_evaluates():
    for text in ["__import__('os')", "2**10", "1e3*2", "abs(-1)"]:
        with pytest.raises(ValueError):
            parse_number(text, "en")


# --- statement, solution, format_answer and the catalogue -------------------------------------------


def _render(lang: str, key: str, values: dict[str, str]) -> str:
    cat = i18n.catalogues()[lang]
    assert key in cat, (lang, key)
    needed = i18n.placeholders(cat[key])
    assert needed <= set(values), (key, needed - set(values))
    return i18n.translate(lang, key, **values) if values else cat[key]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_every_text_an_exercise_needs_exists_and_renders(exercise_id, lang):
    cat = i18n.catalogues()[lang]
    prefix = f"exercises.{exercise_id}"
    for key in ("title", "hint"):
        assert cat[f"{prefix}.{key}"].strip()
        assert not i18n.placeholders(cat[f"{prefix}.{key}"])
    step_keys = set()
    for ex in draws(exercise_id)[::4]:
        values = statement(ex)
        template = cat[f"{prefix}.statement"]
        assert i18n.placeholders(template) == set(values), set(values) ^ i18n.placeholders(template)
        text = _render(lang, f"{prefix}.statement", values)
        assert "{" not in text.replace("{{", "") or "\\" in text  # braces only inside LaTeX
        for field in ex.fields:
            label = cat[f"{prefix}.field.{field.name}"]
            assert label.strip() and not i18n.placeholders(label)
            for option in field.choices:
                assert cat[f"{prefix}.choice.{option}"].strip()
        for step_key, step_values in solution(ex):
            step_keys.add(step_key)
            rendered = _render(lang, f"{prefix}.step.{step_key}", step_values)
            if not step_values:
                assert "{" not in rendered
    # Every step text of the catalogue is used by some draw (no dead keys).
    written = {k.removeprefix(f"{prefix}.step.") for k in cat if k.startswith(f"{prefix}.step.")}
    assert written == step_keys


def test_group_labels_exist():
    for lang in ("en", "es"):
        for group, _ in PROBLEM_SET:
            assert i18n.catalogues()[lang][f"exercises.group.{group}"].strip()


def test_statement_hides_no_answer():
    """The statement values never contain the answer (the page's HTML must not, before asked)."""
    for ex in draws("least_squares.min_norm")[:50]:
        joined = " ".join(statement(ex).values())
        for w in format_answer(ex, "w"):
            if w not in {"0", "1", "-1"} and len(w) > 3:
                assert w not in joined


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_format_answer_round_trips_through_parse_number(exercise_id):
    for ex in draws(exercise_id)[:30]:
        for field in ex.fields:
            boxes = format_answer(ex, field.name)
            assert len(boxes) == (field.size or 1)
            if field.kind != "choice":
                assert all(len(b) <= 12 for b in boxes), boxes
                for b in boxes:
                    parse_number(b, "en")
    with pytest.raises(ValueError, match="unknown field"):
        format_answer(draws(exercise_id)[0], "nope")


def test_solution_numbers_come_from_the_answer():
    ex = generate("batch_norm.forward", 11)
    steps = dict(solution(ex))
    assert steps["mean"]["mu"] == E._base.num(ex.answer["mu"])
    ex = generate("trainer.early_stopping", 5)
    steps = dict(solution(ex))
    assert steps["best"]["best_epoch"] == str(ex.answer["best_epoch"])
    assert steps["stop"]["stop_epoch"] == str(ex.answer["stop_epoch"])


# --- architecture --------------------------------------------------------------------------------


def test_package_imports_neither_streamlit_nor_torch_and_seeds_survive_a_new_process():
    for path in sorted((ROOT / "core" / "exercises").glob("*.py")):
        tree = ast.parse(path.read_text())
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not {m.split(".")[0] for m in names} & {"streamlit", "torch", "ui"}, path
    code = (
        "import sys\n"
        "from core.exercises import generate\n"
        "print('torch' in sys.modules, 'streamlit' in sys.modules)\n"
        "print(generate('losses_metrics.auc', 123).params)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    imports, params = out.stdout.strip().splitlines()
    assert imports == "False False"
    # The same seed gives the same numbers in another process (no hash randomization involved).
    assert params == str(generate("losses_metrics.auc", 123).params)


@pytest.mark.parametrize(
    "call, spanish",
    [
        (lambda: generate("batch_norm.forward", -1), "la semilla debe ser un entero en [0, 2**32)"),
        (lambda: generate("nope", 0), "ejercicio desconocido 'nope'"),
        (lambda: format_answer(generate("batch_norm.forward", 0), "z"), "campo desconocido 'z'"),
    ],
)
def test_generate_errors_are_translated(call, spanish):
    with pytest.raises(ValueError) as info:
        call()
    assert spanish in i18n.translate_error("es", str(info.value))


# --- properties (hypothesis) and worked examples ---------------------------------------------------


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_parse_number_reads_back_any_printed_float(x):
    assert parse_number(repr(x), "en") == x
    assert parse_number(repr(x).replace(".", ","), "es") == x
    assert parse_number(f"  {x!r} ", "es") == x


@given(
    st.integers(-(10**6), 10**6),
    st.integers(1, 10**6),
)
def test_parse_number_reads_fractions(a, b):
    assert parse_number(f"{a}/{b}", "en") == pytest.approx(a / b, rel=1e-15)


@given(st.text(max_size=120), st.sampled_from(["en", "es"]))
def test_check_never_raises_on_any_text(text, lang):
    for exercise_id in ("batch_norm.forward", "linear_networks.xor_fit", "trainer.param_count"):
        ex = draws(exercise_id)[0]
        responses = {f.name: text if f.size is None else [text] * f.size for f in ex.fields}
        verdict = check(ex, responses, lang)
        for field in ex.fields:
            for ok, message in zip(
                verdict.elements[field.name], verdict.messages[field.name], strict=True
            ):
                assert message is None or not ok  # a box with a message is never right


def test_worked_examples_by_hand():
    # Soft thresholding, worked by hand: thresholds alpha/H = (1, 0.25, 2).
    ex = generate("l1_proximal.soft_threshold", 42)
    assert ex.params == {"w_star": [1.1, -1.3, 0.5], "H": [1.0, 4.0, 0.5], "alpha": 1.0}
    assert ex.answer["w"] == pytest.approx([0.1, -1.05, 0.0])
    # Confusion matrix [[14, 6], [4, 5]]: accuracy 19/29, recalls 14/20 and 5/9.
    ex = generate("losses_metrics.confusion", 42)
    assert ex.params == {"matrix": [[14, 6], [4, 5]]}
    assert ex.answer["accuracy"] == pytest.approx(19 / 29)
    assert ex.answer["balanced_accuracy"] == pytest.approx((14 / 20 + 5 / 9) / 2)
    assert ex.answer["precision"] == pytest.approx([14 / 18, 5 / 11])


def test_adam_first_step_moves_by_lr_against_the_gradient_sign():
    """Bias correction makes the first Adam step lr * sign(g1) (up to eps), whatever the betas."""
    for ex in draws("optimizers.adam_steps"):
        p = ex.params
        first = dict(solution(ex)[1:2])["step"]["theta"]
        expected = p["theta0"] - p["lr"] * np.sign(p["grads"][0])
        assert float(first) == pytest.approx(expected, abs=1e-3)
