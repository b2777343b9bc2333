"""Figures of the linear-networks page: curves per network, singular values, mapped grids."""

from __future__ import annotations

import pandas as pd

from ui import charts
from ui.charts import Spec, nom, q


def per_net(
    frame: pd.DataFrame, x: str, y: str, x_title: str, y_title: str, log_y: bool = False
) -> Spec:
    """Lines of ``y`` against ``x``, one per ``net``."""
    return charts.chart(
        frame,
        charts.mark("line"),
        {
            "x": q(x, title=x_title),
            "y": q(y, title=y_title, scale={"type": "log"} if log_y else {"zero": False}),
            "color": nom("net", title=None, legend={"orient": "top"}),
            "strokeDash": nom("net", title=None, legend=None),
            "tooltip": [q(x, format=".4g"), q(y, format=".4g"), nom("net")],
        },
        height=280,
    )


def loss_with_best(loss_frame: pd.DataFrame, best: float, *, x_title: str, y_title: str) -> Spec:
    """Training MSE per step (log axis), one line per network, and the best possible MSE."""
    best_rule = charts.chart(
        pd.DataFrame({"mse": [best]}),
        charts.mark("rule", color="#666666", strokeDash=[4, 4]),
        {"y": q("mse")},
    )
    return charts.layer(per_net(loss_frame, "step", "mse", x_title, y_title, log_y=True), best_rule)


def singular_values(sv_frame: pd.DataFrame, *, x_title: str) -> Spec:
    """Bars of the singular values σ (columns ``i``, ``sigma``)."""
    return charts.chart(
        sv_frame,
        charts.mark("bar", color=charts.PALETTE[0]),
        {
            "x": nom("i", title=x_title, sort=None),
            "y": q("sigma", title="σ"),
            "tooltip": [nom("i"), q("sigma", format=".4g")],
        },
        height=220,
    )


def grid(frame: pd.DataFrame, title: str, families: list[str]) -> Spec:
    """Grid lines (columns ``u``, ``v``, ``line``, ``order``, ``family``) on equal-span axes."""
    # Same span on both axes, so that angles and parallel lines are not distorted much.
    cu, cv = (frame["u"].max() + frame["u"].min()) / 2, (frame["v"].max() + frame["v"].min()) / 2
    half = 1.05 * max(frame["u"].max() - cu, frame["v"].max() - cv, 1e-6)
    return charts.chart(
        frame,
        charts.mark("line", strokeWidth=1.5),
        {
            "x": q("u", title="u₁", scale={"domain": [cu - half, cu + half], "nice": False}),
            "y": q("v", title="u₂", scale={"domain": [cv - half, cv + half], "nice": False}),
            "detail": nom("line"),
            "order": q("order"),
            "color": nom(
                "family",
                scale={"domain": families, "range": [charts.PALETTE[0], charts.PALETTE[1]]},
                title=None,
                legend={"orient": "top"},
            ),
        },
        title=title,
        height=400,
    )
