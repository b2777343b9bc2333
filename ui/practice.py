"""Practice: the exercise widget shared by every theory page and the Problem set page.

The content (numbers, answers, checking, worked steps) comes from ``core.exercises``; this module
draws it and keeps the session's side of it:

- **Seeds.** A theory page's exercise number is ``?ex_seed=N`` (kept in ``"<topic>.ex_seed"``); the
  Problem set's is ``?set_seed=N`` (``"problem_set.set_seed"``), from which each exercise's seed is
  derived with :func:`set_exercise_seed`. Without one in the link a fresh seed is drawn and written
  to the URL, so the address bar always reopens the same numbers.
- **Per-exercise state** ``"practice.<scope>.<id>.<seed>"``: the responses last checked, the number
  of checks, whether the hint / solution is open and whether it was solved before the solution.
  Answer boxes are widgets keyed by exercise, seed, field and box, kept for the whole session.
- **Attempts log** ``"practice.log"``: one record per Check, on any page, downloadable as CSV.

Nothing derived from the answer is sent to the browser before *Show solution*: the verdict says
only right / not right, and the reference answer is formatted only inside the solution panel.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

import streamlit as st

from core import exercises as ex_core
from ui import i18n, params
from ui.page import Page, current_language, t

SEED_LIMIT = 2**32
LOG_KEY = "practice.log"
SET_TOPIC = "problem_set"
SET_SEED_KEY = f"{SET_TOPIC}.set_seed"
CSV_COLUMNS = ("exercise", "seed", "responses", "correct", "time", "page", "solution_seen")
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_BOXES_PER_ROW = 6


# -- pure helpers (no Streamlit) ----------------------------------------------------------------
def parse_seed(raw: str) -> int:
    """A seed from a link: a plain decimal integer in ``[0, 2**32)``.

    Raises ``ValueError`` for anything else (signs, exponents, spaces inside, huge numbers).
    """
    text = raw.strip()
    if not text or len(text) > 10 or not all("0" <= c <= "9" for c in text):
        raise ValueError(f"seed must be an integer in [0, 2**32), got {raw[:40]!r}")
    value = int(text)
    if value >= SEED_LIMIT:
        raise ValueError(f"seed must be an integer in [0, 2**32), got {value}")
    return value


def set_exercise_seed(set_seed: int, group: str, exercise_id: str) -> int:
    """The seed of one exercise of a problem set: the first 4 bytes of
    ``sha256("<set_seed>:<group>:<exercise_id>")`` read as a big-endian integer.

    Derived from the exercise's id rather than its position, so that adding exercises to the set
    later does not change the numbers of a link a class already has.
    """
    digest = hashlib.sha256(f"{set_seed}:{group}:{exercise_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def attempts_csv(attempts: Sequence[Mapping[str, object]]) -> str:
    """The attempts log as CSV text with the columns of :data:`CSV_COLUMNS`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in attempts:
        writer.writerow(record)
    return out.getvalue()


def box_label(name: str, index: int, shape: tuple[int, int] | None = None) -> str:
    """The label of box ``index`` (0-based) of a list answer, numbered from 1 as on paper.

    A vector ``w`` gives ``w₁, w₂, …``; a field with a ``shape`` (rows, columns), filled row by
    row, gives ``W₁₂`` (``W₁,₁₂`` style with a comma past 9); a capitalised name without a shape
    (a matrix flattened row by row) gives ``W[1], W[2], …``, so that the boxes of W = W₂W₁ are not
    read as the matrices W₁ and W₂.
    """
    if shape is not None:
        row, col = (str(i + 1).translate(_SUBSCRIPTS) for i in divmod(index, shape[1]))
        sep = "," if max(shape) > 9 else ""
        return f"{name}{row}{sep}{col}"
    if name[:1].isupper():
        return f"{name}[{index + 1}]"
    return f"{name}{str(index + 1).translate(_SUBSCRIPTS)}"


# -- session state ------------------------------------------------------------------------------
def _url_seed(param: str, key: str, notice_key: str) -> int:
    """The seed held in ``st.session_state[key]``, taken from ``?param=`` when the link has a
    valid one, drawn fresh otherwise, and written back to the URL."""
    raw = st.query_params.get(param)
    if raw is not None:
        try:
            st.session_state[key] = parse_seed(raw)
        except ValueError:
            st.caption("ℹ " + t(notice_key, value=params.safe_display(raw)))
    if key not in st.session_state:
        st.session_state[key] = ex_core.random_seed()
    seed = st.session_state[key]
    if st.query_params.get(param) != str(seed):
        st.query_params[param] = str(seed)
    return seed


def _new_seed(param: str, key: str) -> None:
    seed = ex_core.random_seed()
    st.session_state[key] = seed
    st.query_params[param] = str(seed)


def _state_key(scope: str, exercise: ex_core.Exercise) -> str:
    return f"practice.{scope}.{exercise.id}.{exercise.seed}"


def _state(key: str) -> dict:
    if key not in st.session_state:
        st.session_state[key] = {
            "checked": None,  # the responses of the last Check
            "attempts": 0,
            "hint": False,
            "solution": False,
            "solved": False,  # a Check found every answer right before the solution was shown
        }
    return st.session_state[key]


def _box_key(state_key: str, field: str, index: int) -> str:
    return f"{state_key}.in.{field}.{index}"


def _responses(state_key: str, exercise: ex_core.Exercise) -> dict[str, str | list[str]]:
    """What the student has typed (or chosen) in every box, as strings."""
    out: dict[str, str | list[str]] = {}
    for field in exercise.fields:
        boxes = [
            st.session_state.get(_box_key(state_key, field.name, i)) or ""
            for i in range(field.size or 1)
        ]
        out[field.name] = boxes if field.size is not None else boxes[0]
    return out


def _on_check(exercise: ex_core.Exercise, state_key: str, where: str) -> None:
    state = _state(state_key)
    responses = _responses(state_key, exercise)
    verdict = ex_core.check(exercise, responses, current_language())
    state["checked"] = responses
    state["attempts"] += 1
    if verdict.correct and not state["solution"]:
        state["solved"] = True
    st.session_state.setdefault(LOG_KEY, []).append(
        {
            "exercise": exercise.id,
            "seed": exercise.seed,
            "responses": json.dumps(responses, ensure_ascii=False),
            "correct": verdict.correct,
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "page": where,
            "solution_seen": state["solution"],
        }
    )


def _toggle(state_key: str, flag: str) -> None:
    state = _state(state_key)
    state[flag] = not state[flag]


def _reveal(state_key: str) -> None:
    _state(state_key)["solution"] = True


def attempts() -> list[dict]:
    """This session's attempts log (every Check on every page), oldest first."""
    return list(st.session_state.get(LOG_KEY, []))


# -- drawing ------------------------------------------------------------------------------------
def _choice_label(lang: str, exercise_id: str, option: str) -> str:
    # Bound to ``lang`` rather than read from the session: Streamlit may call format_func later.
    return i18n.translate(lang, f"exercises.{exercise_id}.choice.{option}")


def _inputs(exercise: ex_core.Exercise, state_key: str, lang: str) -> None:
    for field in exercise.fields:
        label = t(f"exercises.{exercise.id}.field.{field.name}")
        if field.kind == "choice":
            st.radio(
                label,
                list(field.choices),
                index=None,
                format_func=lambda o, i=exercise.id: _choice_label(lang, i, o),
                key=_box_key(state_key, field.name, 0),
                persist_state="session",
            )
        elif field.size is None:
            st.text_input(
                label,
                key=_box_key(state_key, field.name, 0),
                autocomplete="off",
                persist_state="session",
            )
        else:
            st.markdown(label)
            shape = getattr(field, "shape", None)  # optional (rows, cols): boxes laid out as a grid
            per_row = shape[1] if shape else min(field.size, _BOXES_PER_ROW)
            for i in range(field.size):
                if i % per_row == 0:
                    columns = st.columns(per_row)
                with columns[i % per_row]:
                    st.text_input(
                        box_label(field.name, i, shape),
                        key=_box_key(state_key, field.name, i),
                        autocomplete="off",
                        persist_state="session",
                    )


def _verdict(exercise: ex_core.Exercise, responses: Mapping, lang: str) -> None:
    """Field by field: right or not, and why a box could not be read (in ``lang``)."""
    verdict = ex_core.check(exercise, responses, lang)
    lines = []
    for field in exercise.fields:
        label = t(f"exercises.{exercise.id}.field.{field.name}")
        if verdict.fields[field.name]:
            lines.append(f"✓ {label} — {t('practice.right')}")
        else:
            elements = verdict.elements[field.name]
            if field.size is not None and any(elements):
                wrong = ", ".join(str(i + 1) for i, ok in enumerate(elements) if not ok)
                lines.append(f"✗ {label} — {t('practice.wrong_boxes', boxes=wrong)}")
            else:
                lines.append(f"✗ {label} — {t('practice.wrong')}")
        for i, message in enumerate(verdict.messages[field.name]):
            if message is not None:
                shape = getattr(field, "shape", None)
                box = label if field.size is None else box_label(field.name, i, shape)
                lines.append("⚠ " + t("practice.unreadable", box=box, message=message))
    right = sum(verdict.fields.values())
    if verdict.correct:
        st.success("✓ " + t("practice.all_right"))
    else:
        st.error("✗ " + t("practice.some_right", right=right, total=len(verdict.fields)))
    st.markdown("  \n".join(lines))


def _solution(exercise: ex_core.Exercise) -> None:
    st.markdown(f"**{t('practice.solution_label')}**")
    for step, values in ex_core.solution(exercise):
        st.markdown(t(f"exercises.{exercise.id}.step.{step}", **values))
    lines = []
    for field in exercise.fields:
        shown = ex_core.format_answer(exercise, field.name)
        if field.kind == "choice":
            shown = [_choice_label(current_language(), exercise.id, option) for option in shown]
        label = t(f"exercises.{exercise.id}.field.{field.name}")
        lines.append(f"- {label}: " + ", ".join(f"`{s}`" for s in shown))
    st.markdown(f"**{t('practice.answer_label')}**\n\n" + "\n".join(lines))


def exercise_block(
    exercise_id: str, seed: int, *, scope: str, where: str, new_seed: tuple[str, str] | None
) -> None:
    """One exercise: statement, answer boxes, Check / Hint / Show solution / New exercise.

    ``scope`` separates the state of the same exercise on different pages; ``where`` names the
    page in the attempts log; ``new_seed`` is ``(url_param, state_key)`` of the seed that
    *New exercise* replaces (``None``: no such button).
    """
    lang = current_language()
    exercise = ex_core.generate(exercise_id, seed)
    key = _state_key(scope, exercise)
    state = _state(key)
    st.markdown(f"**{t(f'exercises.{exercise_id}.title')}**")
    st.markdown(t(f"exercises.{exercise_id}.statement", **ex_core.statement(exercise)))
    if any(field.kind == "real" for field in exercise.fields):
        tol = exercise.tolerance
        rel = f"{tol.rel * 100:g}".replace(".", "," if lang == "es" else ".")
        abs_ = f"{tol.abs:g}".replace(".", "," if lang == "es" else ".")
        st.caption(t("practice.tolerance", rel=rel, abs=abs_))
    _inputs(exercise, key, lang)
    with st.container(horizontal=True):
        st.button(
            t("practice.check"),
            key=f"{key}.check",
            type="primary",
            on_click=_on_check,
            args=(exercise, key, where),
        )
        st.button(t("practice.hint"), key=f"{key}.hint", on_click=_toggle, args=(key, "hint"))
        if state["attempts"] > 0:
            st.button(
                t("practice.show_solution"),
                key=f"{key}.solution",
                on_click=_reveal,
                args=(key,),
                disabled=state["solution"],
            )
        if new_seed is not None:
            st.button(t("practice.new"), key=f"{key}.new", on_click=_new_seed, args=new_seed)
    if state["checked"] is not None:
        _verdict(exercise, state["checked"], lang)
    if state["hint"]:
        st.info(f"**{t('practice.hint_label')}** — " + t(f"exercises.{exercise_id}.hint"))
    if state["solution"]:
        if not state["solved"]:
            st.caption(t("practice.after_solution"))
        _solution(exercise)


def section(p: Page) -> None:
    """The Practice section at the end of a theory page (nothing if the page has no exercise)."""
    ids = tuple(ex_core.PAGE_EXERCISES.get(p.topic, ()))
    if not ids:
        return
    st.subheader(t("practice.title"))
    _page_section(p, ids)


@st.fragment
def _page_section(p: Page, ids: tuple[str, ...]) -> None:
    # A fragment: Check, Hint and typing rerun only this section, not the page's charts.
    with st.container(border=True, key=f"practice.{p.topic}.box"):
        exercise_id = ids[0]
        if len(ids) > 1:
            exercise_id = p.select(
                "ex",
                t("practice.choose"),
                options=ids,
                default=ids[0],
                format_func=lambda i: p.t(f"exercises.{i}.title"),
            )
        key = p.key("ex_seed")
        seed = _url_seed("ex_seed", key, "practice.bad_seed")
        exercise_block(exercise_id, seed, scope=p.topic, where=p.topic, new_seed=("ex_seed", key))
        st.caption(t("practice.seed_caption", seed=seed))


def set_entries(set_seed: int) -> list[tuple[str, str, int]]:
    """``(group, exercise_id, seed)`` for every exercise of the problem set, in homework order."""
    return [
        (group, exercise_id, set_exercise_seed(set_seed, group, exercise_id))
        for group, exercise_id in ex_core.PROBLEM_SET
    ]


def score(entries: Sequence[tuple[str, str, int]]) -> tuple[int, int, int]:
    """``(solved, attempted, total)`` over the problem set's exercises in this session."""
    solved = attempted = 0
    for group, exercise_id, seed in entries:
        state = st.session_state.get(f"practice.{SET_TOPIC}.{group}.{exercise_id}.{seed}")
        if state and state["attempts"]:
            attempted += 1
            solved += bool(state["solved"])
    return solved, attempted, len(entries)


def _class_link(set_seed: int, lang: str) -> str:
    base = (st.context.url or "").split("?")[0] or f"/{SET_TOPIC}"
    return f"{base}?set_seed={set_seed}&lang={lang}"


def problem_set(p: Page) -> None:
    """The Problem set page's body: score, class link, download, then every exercise by group."""
    set_seed = _url_seed("set_seed", SET_SEED_KEY, "practice.bad_set_seed")
    entries = set_entries(set_seed)
    solved, attempted, total = score(entries)
    st.markdown(
        t("practice.score", correct=solved, attempted=attempted, total=total),
        help=t("practice.score_help"),
    )
    st.progress(solved / total if total else 0.0)
    st.caption(t("practice.set_caption", seed=set_seed))
    st.code(_class_link(set_seed, p.lang), language=None)
    log = attempts()
    with st.container(horizontal=True):
        st.button(
            t("practice.new_set"),
            key="practice.new_set",
            on_click=_new_seed,
            args=("set_seed", SET_SEED_KEY),
        )
        if log:
            st.download_button(
                t("practice.download"),
                data=lambda: attempts_csv(log),
                file_name=f"pizarra-attempts-{set_seed}.csv",
                mime="text/csv",
                on_click="ignore",
                help=t("practice.download_help"),
                key="practice.download",
            )
    if not log:
        st.caption(t("practice.no_attempts"))
    current = None
    for group, exercise_id, seed in entries:
        if group != current:
            st.header(t(f"exercises.group.{group}"))
            current = group
        with st.container(border=True, key=f"practice.{SET_TOPIC}.{group}.{exercise_id}.box"):
            exercise_block(
                exercise_id, seed, scope=f"{SET_TOPIC}.{group}", where=SET_TOPIC, new_seed=None
            )
