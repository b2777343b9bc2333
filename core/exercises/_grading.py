"""Reading what a student typed and grading it.

Number entry (documented for the page's help text):

- Accepted: ``0.5``, ``-2e-3``, ``+3``, `` 2 `` (spaces around are ignored), ``.5``, ``1/3``
  (a fraction of two such numbers, parsed by hand, never evaluated), the Unicode minus ``−``.
- English: the decimal mark is the point. A comma is refused with a hint (``0,5`` could be a
  Spanish decimal or an English thousands separator), never guessed.
- Spanish: the decimal mark is the comma *or* the point (both are usual in Latin America), so
  ``0,5`` and ``0.5`` are one half. Thousands separators are never accepted: ``1.000,5`` and
  ``1,000,000`` are refused with a message, not read as something else. ``1.000`` and ``1,000``
  are therefore the number one.
- Refused with a short message in the student's language: empty, not a number (``abc``),
  ``nan`` / ``inf``, numbers beyond the float range (``1e999``), a division by zero, more than
  :data:`MAX_LENGTH` characters.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from core.exercises._base import Exercise, Field, Verdict

#: The languages a student may type in (they differ in the decimal mark).
LANGS: tuple[str, ...] = ("en", "es")

MAX_LENGTH = 100

#: Short messages for entries that cannot be graded, by code and language.
MESSAGES: dict[str, dict[str, str]] = {
    "empty": {
        "en": "Type a number, e.g. 0.5 or 1/3",
        "es": "Escribe un número, p. ej. 0,5 o 1/3",
    },
    "not_number": {
        "en": "Not a number: type e.g. 0.5, -2e-3 or 1/3",
        "es": "No es un número: escribe p. ej. 0,5, -2e-3 o 1/3",
    },
    "not_finite": {
        "en": "Type a finite number (not nan or inf)",
        "es": "Escribe un número finito (no nan ni inf)",
    },
    "too_large": {
        "en": "This number is too large",
        "es": "Este número es demasiado grande",
    },
    "too_long": {
        "en": f"Too long: at most {MAX_LENGTH} characters",
        "es": f"Demasiado largo: máximo {MAX_LENGTH} caracteres",
    },
    "comma": {
        "en": "Use a point for decimals (0.5) and no thousands separators",
        "es": "Usa coma o punto decimal, p. ej. 0,5",
    },
    "thousands": {
        "en": "No thousands separators, please: type 1000.5",
        "es": "Sin separadores de miles: escribe 1000,5",
    },
    "zero_division": {
        "en": "Division by zero",
        "es": "División entre cero",
    },
    "box_count": {
        "en": "Fill in one box per element",
        "es": "Llena una casilla por elemento",
    },
    "choice": {
        "en": "Choose one of the options",
        "es": "Elige una de las opciones",
    },
}

_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity|∞)", re.IGNORECASE)


class EntryError(ValueError):
    """A typed entry that is not a number; ``code`` is a key of :data:`MESSAGES`."""

    def __init__(self, code: str, text: str):
        shown = text if len(text) <= 20 else text[:20] + "…"
        super().__init__(f"{MESSAGES[code]['en']}, got {shown!r}")
        self.code = code


def _plain(text: str, lang: str, whole: str) -> float:
    """One number without a fraction bar."""
    if not text:
        raise EntryError("not_number", whole)
    if _NON_FINITE.fullmatch(text):
        raise EntryError("not_finite", whole)
    marks = text.count(",") + text.count(".")
    if "," in text:
        if lang != "es":
            raise EntryError("thousands" if marks > 1 or "." in text else "comma", whole)
    if marks > 1:
        raise EntryError("thousands", whole)
    text = text.replace(",", ".")
    if not _PLAIN.fullmatch(text):
        raise EntryError("not_number", whole)
    value = float(text)
    if not math.isfinite(value):
        raise EntryError("too_large", whole)
    return value


def parse_number(text: str, lang: str = "en") -> float:
    """Read a number as people type it (see the module docstring for the accepted forms).

    Parameters
    ----------
    text : str
        What the student typed.
    lang : {"en", "es"}
        The student's language: it decides whether a comma is a decimal mark.

    Returns
    -------
    float
        A finite number.

    Raises
    ------
    ValueError
        (an :class:`EntryError` with a ``code``) with a short English message, e.g.
        ``Not a number: type e.g. 0.5, -2e-3 or 1/3, got 'abc'``.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if not isinstance(text, str):
        raise EntryError("not_number", repr(text))
    if len(text) > MAX_LENGTH:
        raise EntryError("too_long", text)
    cleaned = text.strip().replace("−", "-").replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        raise EntryError("empty", text)
    if cleaned.count("/") > 1:
        raise EntryError("not_number", text)
    if "/" in cleaned:
        top, bottom = cleaned.split("/")
        numerator, denominator = _plain(top, lang, text), _plain(bottom, lang, text)
        if denominator == 0:
            raise EntryError("zero_division", text)
        value = numerator / denominator
        if not math.isfinite(value):
            raise EntryError("too_large", text)
        return value + 0.0
    return _plain(cleaned, lang, text) + 0.0


def _message(code: str | None, lang: str) -> str | None:
    if code is None:
        return None
    table = MESSAGES[code]
    return table.get(lang, table["en"])


def _boxes(field: Field, response: object) -> list[object] | None:
    """The response as a list of one entry per box, or None when the number of boxes is wrong."""
    if field.size is None:
        if isinstance(response, (list, tuple)):
            return list(response) if len(response) == 1 else None
        return [response]
    if isinstance(response, str) or not isinstance(response, Sequence):
        return [response] if field.size == 1 else None
    return list(response) if len(response) == field.size else None


def _grade_box(
    field: Field, entry: object, expected: object, exercise: Exercise, lang: str
) -> tuple[bool, str | None]:
    """(right?, error code) for one box."""
    if entry is None:
        entry = ""
    if not isinstance(entry, str):
        entry = str(entry)
    if field.kind == "choice":
        choice = entry.strip()
        if choice not in field.choices:
            return False, "choice"
        return choice == expected, None
    try:
        value = parse_number(entry, lang)
    except EntryError as exc:
        return False, exc.code
    if field.kind == "int":
        return value == float(expected), None  # integers are exact
    return exercise.tolerance.accepts(value, float(expected)), None


def check(
    exercise: Exercise, responses: Mapping[str, str | Sequence[str]], lang: str = "en"
) -> Verdict:
    """Grade the student's entries, field by field and box by box.

    Integers must be exact; reals within ``exercise.tolerance``; a choice must be the right
    option id; a list is compared box by box, in order. A field that is missing from
    ``responses`` counts as empty. Never raises on what the student typed.
    """
    if not isinstance(exercise, Exercise):
        raise ValueError(
            f"exercise must be an Exercise from generate(), got {type(exercise).__name__}"
        )
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if not isinstance(responses, Mapping):
        responses = {}
    fields: dict[str, bool] = {}
    elements: dict[str, tuple[bool, ...]] = {}
    codes: dict[str, tuple[str | None, ...]] = {}
    for field in exercise.fields:
        n = field.size or 1
        expected = exercise.answer[field.name]
        expected_boxes = list(expected) if field.size is not None else [expected]
        boxes = _boxes(field, responses.get(field.name, ""))
        if boxes is None:
            oks, errs = [False] * n, ["box_count"] * n
        else:
            graded = [
                _grade_box(field, entry, want, exercise, lang)
                for entry, want in zip(boxes, expected_boxes, strict=True)
            ]
            oks, errs = [g[0] for g in graded], [g[1] for g in graded]
        elements[field.name] = tuple(oks)
        codes[field.name] = tuple(errs)
        fields[field.name] = all(oks)
    messages = {
        name: tuple(_message(c, lang) for c in field_codes) for name, field_codes in codes.items()
    }
    return Verdict(
        correct=all(fields.values()),
        fields=fields,
        elements=elements,
        messages=messages,
        codes=codes,
    )
