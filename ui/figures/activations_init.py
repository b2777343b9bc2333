"""Figures of the activations-and-initialization page: f and f′, dead ReLUs, layer statistics,
and a decision boundary before and after a rotation."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ui import charts
from ui.charts import Spec, nom, ordinal, q


def curve_and_derivative(
    curves: pd.DataFrame,
    flat_runs: list[tuple[float, float]],
    probe: tuple[float, float, float],
    *,
    x_range: float,
    labels: tuple[str, str],
) -> Spec:
    """f and f′ over ``[-x_range, x_range]`` (``curves``: ``x``, ``y``, ``s``), grey bands where
    f′ is nearly flat (``flat_runs``), and the probe ``(x0, f(x0), f′(x0))`` marked."""
    y_lo = float(min(curves["y"].min(), -0.1))
    y_hi = float(max(curves["y"].max(), 1.1))
    shade = charts.chart(
        pd.DataFrame(flat_runs or [(0.0, 0.0)], columns=["x", "x2"]),
        charts.mark("rect", opacity=0.15 if flat_runs else 0.0, color="#888888"),
        {"x": q("x"), "x2": {"field": "x2"}},
    )
    lines = charts.chart(
        curves,
        "line",
        {
            "x": q("x", title="x", scale={"domain": [-x_range, x_range], "nice": False}),
            "y": q("y", title=None, scale={"domain": [y_lo, y_hi]}),
            "color": nom(
                "s",
                scale={"domain": list(labels), "range": [charts.PALETTE[0], charts.PALETTE[1]]},
                title=None,
                legend={"orient": "top"},
            ),
            "strokeDash": nom("s", title=None, legend=None),
            "tooltip": [q("x", format=".2f"), q("y", format=".4g"), nom("s")],
        },
    )
    x0, fx0, dfx0 = probe
    point = charts.chart(
        pd.DataFrame({"x": [x0, x0], "y": [fx0, dfx0]}),
        charts.mark("point", filled=True, size=90, color=charts.PALETTE[3]),
        {"x": q("x"), "y": q("y")},
    )
    return charts.layer(shade, lines, point, height=320)


def preactivations(hist: pd.DataFrame, states: list[str], *, x_title: str, y_title: str) -> Spec:
    """Histogram of ReLU pre-activations (bins ``z1``..``z2``, count ``n``), coloured by
    ``state`` (active, inactive)."""
    return charts.chart(
        hist,
        "rect",
        {
            "x": q("z1", title=x_title),
            "x2": {"field": "z2"},
            "y": q("n", title=y_title),
            "color": nom(
                "state",
                scale={"domain": states, "range": [charts.PALETTE[2], "#999999"]},
                title=None,
                legend={"orient": "top"},
            ),
            "tooltip": [q("z", format=".2f"), q("n")],
        },
        height=220,
    )


def layer_histograms(hframe: pd.DataFrame, *, x_title: str, layer_title: str) -> Spec:
    """One small histogram per layer (bins ``h1``..``h2``, ``share`` of the units), 5 a row."""
    return charts.chart(
        hframe,
        charts.mark("rect", color=charts.PALETTE[0]),
        {
            "x": q("h1", title=x_title),
            "x2": {"field": "h2"},
            "y": q("share", title=None, axis={"format": "%", "tickCount": 3}),
            "tooltip": [ordinal("layer"), q("h", format=".3g"), q("share", format=".1%")],
            "facet": ordinal("layer", title=layer_title, columns=5),
        },
        width=150,
        height=90,
    )


def per_layer(
    layers: np.ndarray, column: str, values: np.ndarray, *, title: str, layer_title: str, mark: dict
) -> Spec:
    """A per-layer quantity on a log axis (zeros floored at 1e-300 so the log can draw)."""
    return charts.chart(
        pd.DataFrame({"layer": layers, column: np.maximum(values, 1e-300)}),
        mark,
        {
            "x": q("layer", title=layer_title, axis={"tickMinStep": 1}),
            "y": q(column, title=title, scale={"type": "log"}),
            "tooltip": [q("layer"), q(column, format=".3g")],
        },
        height=260,
    )


def boundary_cloud(
    pts: pd.DataFrame,
    lines_df: pd.DataFrame,
    dom: list[float],
    *,
    sides: tuple[str, str, str],
    lines: tuple[str, str],
) -> Spec:
    """Points coloured by ``side`` (two sides and "flipped"), the boundary line before and after
    the rotation (``lines_df``: ``x``, ``y``, ``line``) and the origin, on equal axes ``dom``."""
    scatter = charts.chart(
        pts,
        charts.mark("point", filled=True, size=22, opacity=0.75),
        {
            "x": q("x", title="x′₁", scale={"domain": dom, "nice": False}),
            "y": q("y", title="x′₂", scale={"domain": dom, "nice": False}),
            "color": nom(
                "side",
                scale={
                    "domain": list(sides),
                    "range": [charts.PALETTE[0], charts.PALETTE[1], charts.PALETTE[3]],
                },
                title=None,
                legend={"orient": "top"},
            ),
            "shape": nom("side", title=None, legend=None),
        },
    )
    line_marks = charts.chart(
        lines_df,
        charts.mark("line", clip=True, color="#333333"),
        {
            "x": q("x"),
            "y": q("y"),
            "strokeDash": nom(
                "line",
                scale={"domain": list(lines), "range": [[1, 0], [6, 4]]},
                title=None,
                legend={"orient": "bottom"},
            ),
            "detail": nom("line"),
        },
    )
    origin = charts.chart(
        pd.DataFrame({"x": [0.0], "y": [0.0]}),
        charts.mark("point", shape="cross", size=220, color="#000000", filled=True),
        {"x": q("x"), "y": q("y")},
    )
    return charts.layer(scatter, line_marks, origin, height=440)
