"""Figures of the dropout page: the Monte-Carlo mean of f(z) and the train/test gap against p."""

from __future__ import annotations

import pandas as pd

from ui import charts
from ui.charts import Spec, nom, q


def monte_carlo(mc_frame: pd.DataFrame, exact: float, *, x_title: str, y_title: str) -> Spec:
    """The running mean over k samples (log axis) with a band of ±2 standard errors.

    ``mc_frame`` has columns ``k``, ``mean``, ``lo``, ``hi``; a dashed rule marks ``exact``.
    """
    x_enc = q("k", title=x_title, scale={"type": "log"})
    # band and line read the layer's data (mc_frame); the rule has its own
    band = charts.chart(
        None,
        charts.mark("area", opacity=0.25, color=charts.PALETTE[0]),
        {"x": x_enc, "y": q("lo", title=y_title), "y2": {"field": "hi"}},
    )
    line = charts.chart(
        None,
        charts.mark("line", color=charts.PALETTE[0]),
        {
            "x": x_enc,
            "y": q("mean"),
            "tooltip": [
                q("k"),
                q("mean", format=".4g"),
                q("lo", format=".4g"),
                q("hi", format=".4g"),
            ],
        },
    )
    exact_rule = charts.chart(
        pd.DataFrame({"e": [exact]}),
        charts.mark("rule", color=charts.PALETTE[3], strokeDash=[6, 3], size=2),
        {"y": q("e")},
    )
    return charts.layer(band, line, exact_rule, data=mc_frame, height=300)


def gap_against_keep(
    curve_frame: pd.DataFrame, keep_prob: float, *, x_title: str, y_title: str
) -> Spec:
    """The gap E[f(z)] − f(E[z]) against the keep probability ``p``, one line per activation."""
    gap_chart = charts.chart(
        curve_frame,
        charts.mark("line", point=True),
        {
            "x": q("p", title=x_title),
            "y": q("gap", title=y_title),
            "color": nom("f", title=None, legend={"orient": "top"}),
            "strokeDash": nom("f", title=None, legend=None),
            "tooltip": [q("p"), q("gap", format=".4g"), nom("f")],
        },
        height=280,
    )
    here = charts.chart(
        pd.DataFrame({"p": [keep_prob]}),
        charts.mark("rule", color="#666666", strokeDash=[3, 3]),
        {"x": q("p")},
    )
    return charts.layer(gap_chart, here)
