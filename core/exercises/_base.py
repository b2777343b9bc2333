"""The types of the Practice exercises and the LaTeX helpers their statements and solutions share.

An exercise is declared once as a :class:`Spec`: how to draw its parameters from a seeded
generator, how ``core`` computes the answer, which boxes the student fills, the placeholder
values of its statement and its worked solution. ``core.exercises`` keeps the registry.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

FIELD_KINDS = ("int", "real", "choice")


@dataclass(frozen=True)
class Field:
    """One answer of an exercise: a box, a list of boxes (``size``), or a choice.

    ``kind`` is ``"int"`` (graded exactly), ``"real"`` (graded with the exercise's tolerance) or
    ``"choice"`` (one of ``choices``, whose labels are the catalogue keys
    ``exercises.<id>.choice.<option>``).
    """

    name: str
    kind: str
    size: int | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tolerance:
    """A real answer is right when ``|response - answer| <= max(rel * |answer|, abs)``."""

    rel: float = 0.005
    abs: float = 0.005

    def accepts(self, response: float, answer: float) -> bool:
        return abs(response - answer) <= max(self.rel * abs(answer), self.abs)


@dataclass(frozen=True)
class Exercise:
    """One drawn exercise: the same ``(id, seed)`` always gives the same numbers."""

    id: str
    seed: int
    params: dict  # plain Python numbers, nested lists and strings
    answer: dict  # field -> number, list of numbers, or choice id
    tolerance: Tolerance
    fields: tuple[Field, ...]  # the answer boxes, in display order


@dataclass(frozen=True)
class Verdict:
    """The grading of one attempt, field by field and box by box.

    ``messages`` holds, per field and box, ``None`` when the entry was read and graded, or a
    short message in the attempt's language saying why it could not be read; ``codes`` holds
    the same as message codes (see ``core.exercises.MESSAGES``).
    """

    correct: bool
    fields: dict[str, bool]
    elements: dict[str, tuple[bool, ...]]
    messages: dict[str, tuple[str | None, ...]]
    codes: dict[str, tuple[str | None, ...]]


Steps = list[tuple[str, dict[str, str]]]


@dataclass(frozen=True)
class Spec:
    """How one exercise id is drawn, solved, asked and explained.

    ``draw(rng)`` returns the parameters (only plain Python values), drawn until they show the
    exercise's interesting case; ``solve(params)`` computes the answer with ``core``;
    ``fields(params)`` lists the answer boxes; ``statement(params)`` gives the statement
    template's placeholder values; ``steps(params, answer)`` the worked solution.
    """

    id: str
    draw: Callable[[np.random.Generator], dict]
    solve: Callable[[dict], dict]
    fields: Callable[[dict], tuple[Field, ...]]
    statement: Callable[[dict], dict[str, str]]
    steps: Callable[[dict, dict], Steps]
    tolerance: Tolerance = Tolerance()


# --- numbers as LaTeX (always with a decimal point, in every language) -------------------------


def num(x: float, digits: int = 4) -> str:
    """``x`` with at most ``digits`` significant digits; whole numbers without a point."""
    x = float(x)
    if abs(x) < 1e-12:  # rounding noise such as cos(pi / 2) = 6e-17
        return "0"
    if x == round(x) and abs(x) < 1e9:
        return str(int(round(x)))
    text = f"{x:.{digits}g}"
    if "e" in text and 1e-6 <= abs(x) < 1:  # plain decimals, also readable outside math
        decimals = digits - 1 - math.floor(math.log10(abs(float(text))))
        text = f"{float(text):.{decimals}f}".rstrip("0").rstrip(".")
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text


def factor(x: float, digits: int = 4) -> str:
    """``x`` as a factor in a product: negative numbers in parentheses, ``0.5 · (-2)``."""
    text = num(x, digits)
    return f"({text})" if text.startswith("-") else text


def row(values: Sequence[float], digits: int = 4) -> str:
    r"""A list as ``(a,\ b,\ c)``."""
    return r"\left(" + r",\ ".join(num(v, digits) for v in values) + r"\right)"


def col(values: Sequence[float], digits: int = 4) -> str:
    """A column vector as a bmatrix."""
    return r"\begin{bmatrix}" + r"\\".join(num(v, digits) for v in values) + r"\end{bmatrix}"


def matrix(rows: Sequence[Sequence[float]], digits: int = 4) -> str:
    """A matrix as a bmatrix."""
    body = r"\\".join(" & ".join(num(v, digits) for v in r) for r in rows)
    return r"\begin{bmatrix}" + body + r"\end{bmatrix}"


def one_decimal(rng: np.random.Generator, low: float, high: float) -> float:
    """A number with one decimal in [low, high]."""
    return round(int(rng.integers(round(low * 10), round(high * 10) + 1)) / 10, 1)


def floats(values) -> list[float]:
    """Plain Python floats from an array (``+ 0.0`` turns -0.0 into 0.0)."""
    return [float(v) + 0.0 for v in np.asarray(values, dtype=np.float64).ravel()]
