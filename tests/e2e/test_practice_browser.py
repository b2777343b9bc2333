"""Practice in Chromium: solve one exercise per page in both languages, keep the answer off the
page until *Show solution*, and download the Problem set's attempts as CSV.

The answer check reads ``page.content()`` (the whole DOM): the reference answers (as
``core.exercises.format_answer`` writes them, and with a decimal comma for Spanish) must not be
anywhere in it before the solution is asked for, and must be in the solution afterwards. Seeds
are chosen so that those strings are distinctive: numbers with four significant
digits that appear in none of the statement's numbers.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from core import exercises as ex_core
from tests.e2e.conftest import ROOT, visit, wait_idle
from ui import i18n, practice

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "docs" / "screenshots"
PAGES = sorted(ex_core.PAGE_EXERCISES)


def tr(lang: str, key: str, **kw) -> str:
    return i18n.translate(lang, key, **kw)


def css_key(key: str) -> str:
    """The CSS class Streamlit gives the container of a widget with ``key``."""
    return ".st-key-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)


def distinctive(exercise) -> list[str]:
    """Answer strings that could only come from the answer: numbers with >= 4 significant
    digits that are not inside any statement value."""
    shown = " ".join(ex_core.statement(exercise).values())
    out = []
    for field in exercise.fields:
        if field.kind == "choice":
            continue
        for s in ex_core.format_answer(exercise, field.name):
            digits = re.sub(r"[^0-9]", "", s.split("e")[0]).lstrip("0")
            if len(digits) >= 4 and s not in shown:
                out.append(s)
    return out


def pick(topic: str) -> tuple[str, int, list[str]]:
    """(exercise id, seed, distinctive answers) for a page: the first exercise and seed whose
    answer has distinctive strings, or the first exercise with seed 1."""
    for exercise_id in ex_core.PAGE_EXERCISES[topic]:
        for seed in range(1, 200):
            strings = distinctive(ex_core.generate(exercise_id, seed))
            if strings:
                return exercise_id, seed, strings
    return ex_core.PAGE_EXERCISES[topic][0], 1, []


def as_typed(text: str, lang: str) -> str:
    return text.replace(".", ",") if lang == "es" else text


def answer_variants(strings: list[str]) -> list[str]:
    return sorted({v for s in strings for v in (s, s.replace(".", ","))})


def fill(page, scope: str, exercise, lang: str, right: bool) -> None:
    """Type the right answers (or the right ones plus 1 in every numeric box) and blur."""
    base = f"practice.{scope}.{exercise.id}.{exercise.seed}"
    for field in exercise.fields:
        for i, s in enumerate(ex_core.format_answer(exercise, field.name)):
            box = page.locator(css_key(f"{base}.in.{field.name}.{i}"))
            if field.kind == "choice":
                option = s if right else next(c for c in field.choices if c != s)
                label = tr(lang, f"exercises.{exercise.id}.choice.{option}")
                box.get_by_text(label, exact=True).click()
                wait_idle(page)
                continue
            value = s if right else repr(float(s) + 1)
            entry = box.locator("input")
            entry.fill(as_typed(value, lang))
            entry.press("Tab")  # Streamlit takes a text input's value when it loses focus
            wait_idle(page)


def click(page, key: str, then) -> None:
    """Click a practice button and wait until ``then`` (a locator of what the click must show) is
    in the page. The section is a fragment: its rerun can be too short for the app's script-state
    attribute to change at all, and on a busy machine it may start after ``wait_idle``'s pause,
    so the test waits for the outcome itself."""
    page.locator(css_key(key)).locator("button").click()
    then.first.wait_for(state="attached", timeout=120_000)
    wait_idle(page)


def no_error(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, page.inner_text("body")[:2000]


CASES = [(topic, *pick(topic)) for topic in PAGES]


def test_most_pages_have_a_distinctive_answer_to_look_for():
    """Guards the leak test below against checking nothing."""
    checked = [topic for topic, _, _, strings in CASES if strings]
    assert len(checked) >= len(PAGES) - 2, [topic for topic, *_ in CASES]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize(("topic", "exercise_id", "seed", "strings"), CASES, ids=PAGES)
def test_solve_one_exercise_per_page(server, page, topic, exercise_id, seed, strings, lang):
    exercise = ex_core.generate(exercise_id, seed)
    base = f"practice.{topic}.{exercise_id}.{seed}"
    query = f"lang={lang}&ex_seed={seed}"
    if exercise_id != ex_core.PAGE_EXERCISES[topic][0]:
        query += f"&ex={exercise_id}"
    visit(page, f"{server}/{topic}?{query}")
    no_error(page)
    section = page.locator(css_key(f"{base}.check"))
    section.scroll_into_view_if_needed()
    assert page.locator(css_key(f"{base}.solution")).count() == 0
    variants = answer_variants(strings)

    def leaked() -> list[str]:
        html = page.content()
        return [v for v in variants if v in html]

    assert not leaked(), "answer in the page before any attempt"

    fill(page, topic, exercise, lang, right=False)
    click(page, f"{base}.check", then=page.locator(css_key(f"{base}.solution")))
    no_error(page)
    assert page.get_by_text(tr(lang, "practice.all_right")).count() == 0
    assert page.locator(css_key(f"{base}.solution")).count() == 1
    assert not leaked(), "answer in the page after a wrong attempt, before Show solution"

    fill(page, topic, exercise, lang, right=True)
    success = page.get_by_text(tr(lang, "practice.all_right"))
    click(page, f"{base}.check", then=success)
    no_error(page)
    success.wait_for(state="visible")
    if topic == "dropout":
        SHOTS.mkdir(parents=True, exist_ok=True)
        box = page.locator(css_key(f"practice.{topic}.box"))
        box.screenshot(path=str(SHOTS / f"practice-{lang}.png"))

    # exact: the bold "Answer" heading of the solution itself. A substring match would also
    # find "answers" in the statement or the success message and not wait at all.
    heading = page.get_by_text(tr(lang, "practice.answer_label"), exact=True)
    click(page, f"{base}.solution", then=heading)
    no_error(page)
    solution_text = " ".join(page.locator("[data-testid='stMarkdown']").all_inner_texts())
    assert tr(lang, "practice.answer_label") in solution_text
    for s in strings:
        assert s in solution_text, s


def test_problem_set_csv_holds_the_attempts(server, page):
    lang = "en"
    visit(page, f"{server}/problem_set?lang={lang}&set_seed=2024")
    no_error(page)
    (g1, id1, s1), (g2, id2, s2) = practice.set_entries(2024)[:2]
    ex1, ex2 = ex_core.generate(id1, s1), ex_core.generate(id2, s2)
    fill(page, f"problem_set.{g1}", ex1, lang, right=True)
    total = len(ex_core.PROBLEM_SET)
    score = tr(lang, "practice.score", correct=1, attempted=1, total=total).replace("**", "")
    click(page, f"practice.problem_set.{g1}.{id1}.{s1}.check", then=page.get_by_text(score))
    fill(page, f"problem_set.{g2}", ex2, lang, right=False)
    score = tr(lang, "practice.score", correct=1, attempted=2, total=total).replace("**", "")
    click(page, f"practice.problem_set.{g2}.{id2}.{s2}.check", then=page.get_by_text(score))
    no_error(page)
    assert page.get_by_text(score).count() == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(css_key(f"practice.problem_set.{g1}.{id1}.box")).screenshot(
        path=str(SHOTS / f"problem_set-attempt-{lang}.png")
    )
    button = page.get_by_role("button", name=tr(lang, "practice.download"))
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    assert [(r["exercise"], int(r["seed"]), r["correct"]) for r in rows] == [
        (id1, s1, "True"),
        (id2, s2, "False"),
    ]
    assert all(r["page"] == "problem_set" and r["time"].endswith("+00:00") for r in rows)
