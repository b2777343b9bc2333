"""Parse and validate values that arrive in the URL (``st.query_params``), without Streamlit.

A shared link must never crash a page: every parser returns ``(value, problem)`` where
``problem`` is ``None`` when the raw text was accepted as it is, ``"invalid"`` when the default was
used instead, or ``"clamped"`` when the value was pulled into the allowed range.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TypeVar

import numpy as np

T = TypeVar("T")
MAX_RAW_LENGTH = 2000  # longer URL values are refused outright (a 12x12 matrix fits easily)
MAX_MATRIX_SIDE = 20


def parse_number(raw: str, default: float, low: float, high: float, integer: bool = False):
    """Parse a float (or int) and clamp it into ``[low, high]``; NaN and garbage give the default."""
    try:
        value = float(raw.strip())
    except (ValueError, AttributeError):
        return default, "invalid"
    if math.isnan(value):
        return default, "invalid"
    problem = None
    if value < low or value > high:  # also catches +-inf
        value, problem = min(max(value, low), high), "clamped"
    if integer:
        if value != math.floor(value):
            value, problem = round(value), problem or "clamped"
        value = int(value)
    return value, problem


def parse_choice(raw: str, default: T, options: Sequence[T]) -> tuple[T, str | None]:
    """Pick the option whose ``str()`` equals ``raw`` (numbers compared by value)."""
    for option in options:
        if str(option) == raw:
            return option, None
    try:
        number = float(raw)
    except ValueError:
        return default, "invalid"
    for option in options:
        if isinstance(option, (int, float)) and not isinstance(option, bool) and option == number:
            return option, None
    return default, "invalid"


def parse_bool(raw: str, default: bool) -> tuple[bool, str | None]:
    """Accept 1/0, true/false, yes/no, on/off (any case)."""
    text = raw.strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True, None
    if text in {"0", "false", "no", "off"}:
        return False, None
    return default, "invalid"


def format_number(value: float) -> str:
    """Short, exact-enough text for the URL: ints stay ints, floats keep 10 significant digits."""
    if isinstance(value, (bool, np.bool_)):
        return "1" if value else "0"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return f"{float(value):.10g}"


def encode_matrix(matrix: np.ndarray) -> str:
    """Rows separated by ``;``, entries by ``,`` (empty cells stay empty)."""
    rows = np.atleast_2d(np.asarray(matrix, dtype=float))
    return ";".join(
        ",".join("" if math.isnan(v) else format_number(float(v)) for v in row) for row in rows
    )


def parse_matrix(raw: str, default: np.ndarray, max_rows: int, max_cols: int):
    """Inverse of :func:`encode_matrix`. Ragged, oversized or non-numeric input gives the default.

    Empty cells become NaN (the page's core call then explains what is missing).
    """
    if len(raw) > MAX_RAW_LENGTH:
        return default, "invalid"
    rows = [r.split(",") for r in raw.split(";")]
    if not rows or len({len(r) for r in rows}) != 1:
        return default, "invalid"
    if len(rows) > min(max_rows, MAX_MATRIX_SIDE) or len(rows[0]) > min(max_cols, MAX_MATRIX_SIDE):
        return default, "invalid"
    try:
        values = [[float(c) if c.strip() else math.nan for c in r] for r in rows]
    except ValueError:
        return default, "invalid"
    matrix = np.array(values, dtype=float)
    if np.isinf(matrix).any():
        return default, "invalid"
    return matrix, None


def safe_display(raw: str, limit: int = 24) -> str:
    """A harmless excerpt of a raw URL value for a notice: no markup, bounded length."""
    kept = "".join(ch for ch in raw if ch.isalnum() or ch in ".-+_ ~,;")
    return kept[:limit] + ("…" if len(kept) > limit else "")
