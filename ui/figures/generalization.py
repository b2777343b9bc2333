"""Figures of the Generalization page: members against their average, validation curves with
and without augmentation, and transfer accuracy against labelled images per class."""

from __future__ import annotations

import pandas as pd

from ui import charts
from ui.charts import Spec, nom, q


def members_and_average(
    members: pd.DataFrame, references: pd.DataFrame, *, x_title: str, y_title: str
) -> Spec:
    """One bar per member (columns ``member``, ``accuracy``) and a horizontal rule per
    reference (columns ``name``, ``accuracy``: the members' mean, the ensemble, ...).

    The y axis starts near the lowest value, so differences of a point or two show.
    """
    lo = float(min(members["accuracy"].min(), references["accuracy"].min()))
    y_scale = {"domain": [max(0.0, lo - 0.03), 1.0], "zero": False}
    bars = charts.chart(
        members,
        charts.mark("bar", color=charts.PALETTE[1], opacity=0.75, clip=True),
        {
            "x": nom("member", title=x_title, sort=None),
            "y": q("accuracy", title=y_title, scale=y_scale),
            "tooltip": [nom("member"), q("accuracy", format=".4f")],
        },
    )
    rules = charts.chart(
        references,
        charts.mark("rule", size=3),
        {
            "y": q("accuracy", scale=y_scale),
            "color": nom(
                "name",
                title=None,
                legend={"orient": "top"},
                scale={"range": [charts.PALETTE[0], charts.PALETTE[5], charts.PALETTE[3]]},
            ),
            "strokeDash": nom("name", title=None, legend=None),
            "tooltip": [nom("name"), q("accuracy", format=".4f")],
        },
    )
    return charts.layer(bars, rules, height=300)


def validation_curves(frame: pd.DataFrame, *, x_title: str, y_title: str) -> Spec:
    """Validation accuracy by epoch (columns ``epoch``, ``accuracy``, ``run``), one line per
    run."""
    return charts.lines(frame, "epoch", "accuracy", "run", x_title=x_title, y_title=y_title)


def transfer_curves(frame: pd.DataFrame, *, x_title: str, y_title: str) -> Spec:
    """Test accuracy against labelled images per class (log axis), one line per strategy
    (columns ``shots``, ``accuracy``, ``strategy``)."""
    return charts.lines(
        frame,
        "shots",
        "accuracy",
        "strategy",
        x_title=x_title,
        y_title=y_title,
        log_x=True,
        points=True,
    )
