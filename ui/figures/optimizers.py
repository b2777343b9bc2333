"""Figures of the optimizers page: trajectories over the function's map, curves per step."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ui import charts
from ui.charts import Spec, nom, q


def trajectories(
    xs: np.ndarray,
    ys: np.ndarray,
    Z: np.ndarray,
    traj_frame: pd.DataFrame,
    marks: pd.DataFrame,
    colour: dict,
) -> Spec:
    """Each optimizer's path over a map of ``log(1 + f − min f)``, and the marked points.

    ``Z`` has shape ``(len(ys), len(xs))``; ``traj_frame`` has columns ``x``, ``y``, ``step``,
    ``optimizer``; ``marks`` has ``x``, ``y``, ``what``; ``colour`` is the optimizers' colour
    scale (``domain``, ``range``). Paths are clipped to the map.
    """
    backdrop = charts.field(xs, ys, np.log1p(Z - Z.min()), title="log(1 + f − min f)", height=520)
    x_scale = {"domain": [float(xs[0]), float(xs[-1])], "nice": False}
    y_scale = {"domain": [float(ys[0]), float(ys[-1])], "nice": False}
    traj = charts.chart(
        traj_frame,
        charts.mark("line", point={"size": 12}, clip=True, strokeWidth=2),
        {
            "x": q("x", scale=x_scale, title="x"),
            "y": q("y", scale=y_scale, title="y"),
            "order": q("step"),
            "color": nom("optimizer", scale=colour, title=None, legend={"orient": "top"}),
            "tooltip": [
                nom("optimizer"),
                q("step"),
                q("x", format=".4g"),
                q("y", format=".4g"),
            ],
        },
    )
    points = charts.chart(
        marks,
        charts.mark(
            "point",
            shape="diamond",
            filled=True,
            size=120,
            color="white",
            stroke="black",
            clip=True,
        ),
        {"x": q("x", scale=x_scale), "y": q("y", scale=y_scale), "tooltip": [nom("what")]},
    )
    return charts.layer(backdrop, traj, points)


def per_step(
    frame: pd.DataFrame, y: str, colour: dict, *, x_title: str, y_title: str, scale: dict
) -> Spec:
    """One line per optimizer of column ``y`` against ``step`` (``scale``: the y scale)."""
    return charts.chart(
        frame,
        charts.mark("line", clip=True),
        {
            "x": q("step", title=x_title),
            "y": q(y, title=y_title, scale=scale),
            "color": nom("optimizer", scale=colour, title=None, legend={"orient": "top"}),
            "strokeDash": nom("optimizer", legend=None),
            "tooltip": [nom("optimizer"), q("step"), q(y, format=".3e")],
        },
        height=200,
    )


def step_cost_bars(frame: pd.DataFrame, *, x_title: str, y_title: str) -> Spec:
    """Memory per step of each method (column ``method``) in bytes (``bytes``), log axis.

    The values span many decades (kilobytes for SGD, gigabytes for Newton's Hessian), so the
    bars are horizontal on a log scale, each labelled with its size (column ``size``).
    """
    encoding = {
        "y": nom("method", sort=None, title=None),
        "x": q("bytes", scale={"type": "log"}, title=x_title),
        "tooltip": [nom("method"), nom("size")],
    }
    bars = charts.chart(frame, charts.mark("bar", color=charts.PALETTE[0]), encoding)
    labels = charts.chart(
        frame,
        charts.mark("text", align="left", dx=4),
        {**encoding, "text": nom("size")},
    )
    return charts.layer(bars, labels, height=140, title=y_title)
