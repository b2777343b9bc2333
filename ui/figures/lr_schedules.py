"""Figures of the learning-rate-schedules page: η per epoch, mean loss, final loss, paths.

Every builder takes ``colour``, the schedules' colour scale (``domain``: labels, ``range``:
colours), so a schedule has the same colour on every chart.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ui import charts
from ui.charts import Spec, nom, q


def _by_schedule(colour: dict, legend: bool = True) -> Spec:
    """Colour by schedule (legend on top, or none)."""
    return nom(
        "schedule",
        scale=colour,
        **({"title": None, "legend": {"orient": "top"}} if legend else {"legend": None}),
    )


def learning_rates(
    lr_frame: pd.DataFrame, colour: dict, *, log: bool, x_title: str, y_title: str
) -> Spec:
    """η per epoch as steps, one line per schedule (columns ``epoch``, ``lr``, ``schedule``)."""
    return charts.chart(
        lr_frame,
        charts.mark("line", point={"size": 14}, interpolate="step-after"),
        {
            "x": q("epoch", title=x_title),
            "y": q("lr", title=y_title, scale={"type": "log"} if log else {"zero": True}),
            "color": _by_schedule(colour),
            "strokeDash": nom("schedule", legend=None),
            "tooltip": [nom("schedule"), q("epoch"), q("lr", format=".4g")],
        },
        height=320,
    )


def mean_loss(
    curve_frame: pd.DataFrame,
    colour: dict,
    floor: float,
    *,
    floor_label: str,
    x_title: str,
    y_title: str,
) -> Spec:
    """Mean loss per epoch (log axis) per schedule, and the noise floor when it is positive."""
    loss_chart = charts.chart(
        curve_frame,
        "line",
        {
            "x": q("epoch", title=x_title),
            "y": q("loss", title=y_title, scale={"type": "log"}),
            "color": _by_schedule(colour),
            "strokeDash": nom("schedule", legend=None),
            "tooltip": [nom("schedule"), q("epoch"), q("loss", format=".3e")],
        },
        height=320,
    )
    if not (np.isfinite(floor) and floor > 0):
        return loss_chart
    floor_rule = charts.chart(
        pd.DataFrame({"loss": [floor], "what": [floor_label]}),
        charts.mark("rule", strokeDash=[6, 4], color="#666666"),
        {"y": q("loss"), "tooltip": [nom("what"), q("loss", format=".3e")]},
    )
    return charts.layer(loss_chart, floor_rule)


def final_loss(bar_frame: pd.DataFrame, colour: dict, *, x_title: str) -> Spec:
    """Final mean loss per schedule (log axis) with a ±2 SE rule (``mean``, ``lo``, ``hi``)."""
    # the points and the ±2 SE rules share the layer's data (bar_frame)
    points = charts.chart(
        None,
        charts.mark("point", filled=True, size=120),
        {
            "y": nom("schedule", title=None, sort=None),
            "x": q("mean", title=x_title, scale={"type": "log"}),
            "color": _by_schedule(colour, legend=False),
            "tooltip": [nom("schedule"), q("mean", format=".3e")],
        },
    )
    rules = charts.chart(
        None,
        "rule",
        {
            "y": nom("schedule", sort=None),
            "x": q("lo", scale={"type": "log"}),
            "x2": {"field": "hi"},
            "color": _by_schedule(colour, legend=False),
        },
    )
    return charts.layer(points, rules, data=bar_frame, height=320)


def paths(
    xs: np.ndarray, ys: np.ndarray, Z: np.ndarray, traj_frame: pd.DataFrame, colour: dict
) -> Spec:
    """The first run's path per schedule over a map of ``log(1 + f)`` (``Z``: (len(ys), len(xs)))."""
    traj = charts.chart(
        traj_frame,
        charts.mark("line", clip=True, strokeWidth=1.5, opacity=0.85),
        {
            "x": q("x", scale={"domain": [xs[0], xs[-1]], "nice": False}, title="x"),
            "y": q("y", scale={"domain": [ys[0], ys[-1]], "nice": False}, title="y"),
            "order": q("step"),
            "color": _by_schedule(colour),
        },
    )
    backdrop = charts.field(xs, ys, np.log1p(Z), title="log(1 + f)", height=380)
    return charts.layer(backdrop, traj)


def final_points(
    zs: np.ndarray, Zc: np.ndarray, cloud_frame: pd.DataFrame, colour: dict, R: float
) -> Spec:
    """Where every run ends, per schedule, over a map of ``log(1 + f)`` on ``[-R, R]²``."""
    cloud = charts.chart(
        cloud_frame,
        charts.mark("point", filled=True, size=40, opacity=0.8, clip=True),
        {
            "x": q("x", scale={"domain": [-R, R], "nice": False}, title="x"),
            "y": q("y", scale={"domain": [-R, R], "nice": False}, title="y"),
            "color": _by_schedule(colour),
            "shape": nom("schedule", legend=None),
            "tooltip": [nom("schedule"), q("x", format=".3g"), q("y", format=".3g")],
        },
    )
    backdrop = charts.field(zs, zs, np.log1p(Zc), title="log(1 + f)", height=380)
    return charts.layer(backdrop, cloud)


def recipe_curves(
    frame: pd.DataFrame,
    colour: dict,
    plateau: int | None,
    *,
    x_title: str,
    y_title: str,
) -> Spec:
    """The recipe's two runs: loss per epoch (columns ``epoch``, ``loss``, ``run``, ``curve``),
    colour by run, dash by curve (training / validation), log axis; a dotted rule after epoch
    ``plateau`` (the last epoch at the constant rate) when there is one."""
    lines = charts.chart(
        frame,
        charts.mark("line", point={"size": 10}),
        {
            "x": q("epoch", title=x_title),
            "y": q("loss", title=y_title, scale={"type": "log"}),
            "color": nom("run", scale=colour, title=None, legend={"orient": "top"}),
            "strokeDash": nom("curve", title=None, legend={"orient": "top"}),
            "tooltip": [nom("run"), nom("curve"), q("epoch"), q("loss", format=".4f")],
        },
        height=340,
    )
    if plateau is None:
        return lines
    rule = charts.chart(
        pd.DataFrame({"epoch": [plateau]}),
        charts.mark("rule", strokeDash=[2, 3], color="#444444"),
        {"x": q("epoch"), "tooltip": [q("epoch")]},
    )
    return charts.layer(lines, rule)
