"""Reusable teaching blocks: formula, misconception callout, numbers check."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import streamlit as st

from ui.page import t


def formula(latex: str, caption: str | None = None) -> None:
    """Render a formula from the same LaTeX string the core docstring carries.

    KaTeX also emits MathML for screen readers; the LaTeX source itself is one hover away
    (the "?" beside the formula) for copying into notes.
    """
    st.latex(latex, help=t("ui.formula_as_text") + f"\n\n```latex\n{latex}\n```")
    if caption:
        st.caption(caption)


def misconception(text: str) -> None:
    """A neutral "common misconception" callout."""
    st.info(f"**{t('ui.misconception')}** — {text}", icon=":material/lightbulb:")


def _as_text(value: object) -> str:
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 0:
        return f"{float(arr):.8g}"
    return np.array2string(arr, precision=6, suppress_small=True, max_line_width=60)


def numbers_check(rows: Sequence[tuple[str, object, object]], tol: float = 1e-8) -> pd.DataFrame:
    """Closed form beside a numerical solver, with their largest absolute difference.

    ``rows`` holds ``(what, closed_form_value, numerical_value)``; values may be arrays.
    Returns the table (handy for tests and CSV download).
    """
    records = []
    for what, closed, numeric in rows:
        diff = float(np.max(np.abs(np.asarray(closed, float) - np.asarray(numeric, float))))
        records.append(
            {
                t("ui.check_quantity"): what,
                t("ui.check_closed"): _as_text(closed),
                t("ui.check_numeric"): _as_text(numeric),
                t("ui.check_diff"): f"{diff:.2e}",
                t("ui.check_ok"): "✓" if diff <= tol else "✗",
            }
        )
    table = pd.DataFrame.from_records(records)
    with st.container(border=True):
        st.markdown(f"**{t('ui.numbers_check')}** · " + t("ui.check_tol", tol=f"{tol:.0e}"))
        st.dataframe(table, hide_index=True, width="stretch")
    return table
