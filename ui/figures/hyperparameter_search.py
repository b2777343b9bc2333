"""Figures of the hyperparameter-search page: trials over the score, the best found over many
repetitions, the coarse-to-fine rounds, and a real search's validation accuracy over (η, λ)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ui import charts
from ui.charts import Spec, nom, q


def trials(
    xs: np.ndarray,
    ys: np.ndarray,
    Z: np.ndarray,
    points: pd.DataFrame,
    *,
    colour: str,
    x_title: str,
    y_title: str,
    z_title: str,
) -> Spec:
    """The score as a coloured backdrop, the trials on it, and their projections on the
    important axis (ticks under the square). ``points`` has columns ``u``, ``v``, ``score``."""
    backdrop = charts.field(xs, ys, Z, title=z_title, x_title=x_title, y_title=y_title, height=300)
    dots = charts.chart(
        points,
        charts.mark("point", filled=True, size=90, stroke="white", strokeWidth=1.5),
        {
            "x": q("u"),
            "y": q("v"),
            "color": charts.value(colour),
            "tooltip": [q("u", format=".3f"), q("v", format=".3f"), q("score", format=".3f")],
        },
    )
    ticks = charts.chart(
        points,
        charts.mark("tick", orient="vertical", thickness=3, size=18, yOffset=-9),
        {"x": q("u"), "y": charts.value(300), "color": charts.value(colour)},
    )
    return charts.layer(backdrop, dots, ticks, width=300)


def best_histogram(frame: pd.DataFrame, colour: dict, *, x_title: str, y_title: str) -> Spec:
    """Histograms of the best score per repetition, one per method, overlaid (columns
    ``method``, ``best``)."""
    return charts.chart(
        frame,
        charts.mark("bar", opacity=0.6, binSpacing=0),
        {
            "x": q("best", bin={"extent": [0, 1], "step": 0.05}, title=x_title),
            "y": {"aggregate": "count", "type": "quantitative", "title": y_title, "stack": None},
            "color": nom("method", scale=colour, title=None, legend={"orient": "top"}),
            "tooltip": [nom("method"), {"aggregate": "count", "type": "quantitative"}],
        },
        height=260,
    )


def rounds(curve: pd.DataFrame, trials_frame: pd.DataFrame, *, x_title: str, y_title: str) -> Spec:
    """The score curve over a log η axis and each round's trials (columns ``lr``, ``score``,
    ``round``), one row of points per round under the curve."""
    line = charts.chart(
        curve,
        charts.mark("line", color="#999999"),
        {"x": q("lr", scale={"type": "log"}, title=x_title), "y": q("score", title=y_title)},
    )
    dots = charts.chart(
        trials_frame,
        charts.mark("point", filled=True, size=60),
        {
            "x": q("lr", scale={"type": "log"}),
            "y": q("score"),
            "color": nom("round", title=None, legend={"orient": "top"}),
            "shape": nom("round", legend=None),
            "tooltip": [nom("round"), q("lr", format=".3g"), q("score", format=".3f")],
        },
    )
    return charts.layer(line, dots, height=280)


def accuracy_plane(frame: pd.DataFrame, *, x_title: str, y_title: str, z_title: str) -> Spec:
    """Validation accuracy of each trial over the (η, λ) plane, both axes logarithmic
    (columns ``lr``, ``l2``, ``val_acc``, ``method``, ``best``)."""
    return charts.chart(
        frame,
        charts.mark("point", filled=True, stroke="black"),
        {
            "x": q("lr", scale={"type": "log"}, title=x_title),
            "y": q("l2", scale={"type": "log"}, title=y_title),
            "color": q("val_acc", scale={"scheme": charts.SEQUENTIAL}, title=z_title),
            "shape": nom("method", title=None, legend={"orient": "top"}),
            "size": {
                "field": "best",
                "type": "nominal",
                "scale": {"domain": [False, True], "range": [120, 360]},
                "legend": None,
            },
            "strokeWidth": {
                "field": "best",
                "type": "nominal",
                "scale": {"domain": [False, True], "range": [0, 2]},
                "legend": None,
            },
            "tooltip": [
                nom("method"),
                q("lr", format=".3g"),
                q("l2", format=".3g"),
                q("val_acc", format=".3f"),
            ],
        },
        height=320,
    )
