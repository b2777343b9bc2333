"""Altair theme (colour-blind safe), generic chart builders and ``show`` with a text alternative.

Builders return Altair charts, so tests can check their spec (``chart.to_dict()``) without a
browser.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from ui.page import presentation_mode, t

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies. Sequential data use viridis, diverging data blueorange (both CVD-safe).
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
SEQUENTIAL = "viridis"
DIVERGING = "blueorange"


@alt.theme.register("pizarra", enable=True)
def pizarra_theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "range": {"category": list(PALETTE), "ordinal": {"scheme": SEQUENTIAL}},
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "gridOpacity": 0.5},
            "legend": {"labelFontSize": 12, "titleFontSize": 12},
            "title": {"fontSize": 14, "anchor": "start"},
            "view": {"stroke": None},
        }
    }


def show(
    chart: alt.TopLevelMixin,
    alt_text: str,
    data: pd.DataFrame | None = None,
    filename: str = "data.csv",
) -> None:
    """Draw ``chart`` with its text alternative underneath (key numbers in words).

    With ``data``, the numbers behind the chart are one click away as a table and a CSV file.
    The chart's own menu (…) saves it as PNG or SVG.
    """
    if presentation_mode():
        chart = chart.properties(height=480)
    st.altair_chart(chart, theme=None, width="stretch", alt=alt_text)
    st.caption(alt_text)
    if data is not None:
        with st.expander(t("ui.chart_data"), expanded=False):
            st.dataframe(data, hide_index=True, width="stretch")
            st.download_button(
                t("ui.download_csv"),
                data.to_csv(index=False).encode("utf-8"),
                file_name=filename,
                mime="text/csv",
                key=f"csv.{filename}.{id(data)}",
            )


def lines(
    frame: pd.DataFrame,
    x: str,
    y: str,
    color: str | None = None,
    *,
    x_title: str | None = None,
    y_title: str | None = None,
    log_x: bool = False,
    log_y: bool = False,
    height: int = 280,
    points: bool = False,
) -> alt.Chart:
    """Line chart of ``y`` against ``x``, one line per value of ``color``."""
    enc = {
        "x": alt.X(
            x,
            type="quantitative",
            title=x_title or x,
            scale=alt.Scale(type="log") if log_x else alt.Undefined,
        ),
        "y": alt.Y(
            y,
            type="quantitative",
            title=y_title or y,
            scale=alt.Scale(type="log") if log_y else alt.Scale(zero=False),
        ),
        "tooltip": [c for c in (x, y, color) if c],
    }
    if color:
        enc["color"] = alt.Color(color, type="nominal", title=None)
        enc["strokeDash"] = alt.StrokeDash(color, type="nominal", title=None)
    return alt.Chart(frame).mark_line(point=points).encode(**enc).properties(height=height)


def bars(
    frame: pd.DataFrame,
    x: str,
    y: str,
    color: str | None = None,
    *,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int = 260,
) -> alt.Chart:
    """Bar chart (grouped by ``color`` when given, using ``xOffset``)."""
    enc = {
        "x": alt.X(x, type="nominal", title=x_title or x, sort=None),
        "y": alt.Y(y, type="quantitative", title=y_title or y),
        "tooltip": [c for c in (x, y, color) if c],
    }
    if color:
        enc["color"] = alt.Color(color, type="nominal", title=None)
        enc["xOffset"] = alt.XOffset(color, type="nominal")
    return alt.Chart(frame).mark_bar().encode(**enc).properties(height=height)


def matrix_heatmap(
    matrix: np.ndarray,
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    *,
    row_title: str = "",
    col_title: str = "",
    fmt: str = ".2f",
    counts: np.ndarray | None = None,
    diverging: bool = False,
    height: int = 300,
) -> alt.LayerChart:
    """Annotated heatmap of a small matrix (confusion matrices, weight matrices)."""
    matrix = np.asarray(matrix, dtype=float)
    records = []
    for i, r in enumerate(row_labels):
        for j, c in enumerate(col_labels):
            rec = {"row": str(r), "col": str(c), "value": float(matrix[i, j])}
            if counts is not None:
                rec["count"] = int(counts[i, j])
            records.append(rec)
    frame = pd.DataFrame.from_records(records)
    vmax = float(np.max(np.abs(matrix))) if matrix.size else 1.0
    scale = (
        alt.Scale(scheme=DIVERGING, domain=[-vmax, vmax])
        if diverging
        else alt.Scale(scheme=SEQUENTIAL)
    )
    tooltip = ["row", "col", alt.Tooltip("value", format=fmt)]
    if counts is not None:
        tooltip.append("count")
    base = alt.Chart(frame).encode(
        x=alt.X("col:N", title=col_title, sort=list(map(str, col_labels))),
        y=alt.Y("row:N", title=row_title, sort=list(map(str, row_labels))),
    )
    rect = base.mark_rect().encode(
        color=alt.Color("value:Q", scale=scale, title=None), tooltip=tooltip
    )
    mid = 0.0 if diverging else (float(matrix.min()) + float(matrix.max())) / 2
    text = base.mark_text(fontSize=12).encode(
        text=alt.Text("value:Q", format=fmt),
        color=alt.condition(
            alt.datum.value > mid if not diverging else abs(alt.datum.value) > vmax / 2,
            alt.value("white") if not diverging else alt.value("black"),
            alt.value("black") if not diverging else alt.value("black"),
        ),
    )
    return (rect + text).properties(height=height)


def field(
    xs: np.ndarray,
    ys: np.ndarray,
    Z: np.ndarray,
    *,
    log_color: bool = False,
    title: str = "",
    height: int = 380,
) -> alt.Chart:
    """A 2-D function drawn as a coloured grid (the backdrop for trajectories and contours).

    ``Z`` has shape ``(len(ys), len(xs))``: ``Z[i, j] = f(xs[j], ys[i])``.
    """
    X, Y = np.meshgrid(xs, ys)
    frame = pd.DataFrame({"x": X.ravel(), "y": Y.ravel(), "z": np.asarray(Z, float).ravel()})
    dx = float(xs[1] - xs[0]) if len(xs) > 1 else 1.0
    dy = float(ys[1] - ys[0]) if len(ys) > 1 else 1.0
    # Each cell is centred on its grid point.
    frame["x2"], frame["y2"] = frame["x"] + dx / 2, frame["y"] + dy / 2
    frame["x"], frame["y"] = frame["x"] - dx / 2, frame["y"] - dy / 2
    scale = alt.Scale(scheme=SEQUENTIAL, type="symlog" if log_color else "linear")
    return (
        alt.Chart(frame)
        .mark_rect(opacity=0.85)
        .encode(
            x=alt.X(
                "x:Q",
                title="",
                scale=alt.Scale(domain=[float(xs[0]) - dx / 2, float(xs[-1]) + dx / 2], nice=False),
            ),
            x2="x2:Q",
            y=alt.Y(
                "y:Q",
                title="",
                scale=alt.Scale(domain=[float(ys[0]) - dy / 2, float(ys[-1]) + dy / 2], nice=False),
            ),
            y2="y2:Q",
            color=alt.Color("z:Q", scale=scale, title=title or "f"),
            tooltip=[
                alt.Tooltip("x:Q", format=".3g"),
                alt.Tooltip("y:Q", format=".3g"),
                alt.Tooltip("z:Q", format=".4g"),
            ],
        )
        .properties(height=height)
    )
