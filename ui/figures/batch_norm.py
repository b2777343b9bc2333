"""Figures of the batch-norm page: histograms, a running estimate, the loss contours, noise vs N."""

from __future__ import annotations

import numpy as np
import pandas as pd

from core import batch_norm as bn
from ui import charts
from ui.charts import Spec, nom, q

LEVELS = (1.0, 0.3, 0.1, 0.03, 0.01, 0.001)  # contour levels, as shares of the start's excess
GREY = "#777777"
CONTOUR_SIZE = 340  # px, width = height: equal spans must also get equal lengths on screen


def histogram(values, names, title, x_title, y_title) -> Spec:
    """Overlaid histograms of the columns of ``values`` (one colour per feature)."""
    frame = pd.DataFrame({"value": values.ravel(), "feature": np.tile(names, len(values))})
    colour = {"domain": list(names), "range": list(charts.PALETTE[: len(names)])}
    return charts.chart(
        frame,
        charts.mark("bar", opacity=0.6),
        {
            "x": q("value", bin={"maxbins": 40}, title=x_title),
            "y": {"aggregate": "count", "type": "quantitative", "stack": None, "title": y_title},
            "color": nom("feature", scale=colour, title=None, legend={"orient": "top"}),
            "tooltip": [nom("feature"), {"aggregate": "count", "type": "quantitative"}],
        },
        title=title,
        height=240,
    )


def running(values, target, band, title, x_title, y_title) -> Spec:
    """A running estimate per step, the target it tends to and a band of two ``band`` widths."""
    steps = np.arange(len(values))
    frame = pd.DataFrame({"step": steps, "value": values})
    band_frame = pd.DataFrame(
        {"step": [0, max(len(values) - 1, 1)], "lo": target - 2 * band, "hi": target + 2 * band}
    )
    area = charts.chart(
        band_frame,
        charts.mark("area", opacity=0.2, color=charts.PALETTE[2]),
        {"x": q("step"), "y": q("lo"), "y2": {"field": "hi"}},
    )
    rule = charts.chart(
        pd.DataFrame({"target": [target]}),
        charts.mark("rule", color=charts.PALETTE[2], strokeDash=[5, 3]),
        {"y": q("target")},
    )
    line = charts.chart(
        frame,
        charts.mark("line", point=len(values) <= 61, color=charts.PALETTE[0]),
        {
            "x": q("step", title=x_title, axis={"tickMinStep": 1, "format": "d"}),
            "y": q("value", title=y_title, scale={"zero": False}),
            "tooltip": [q("step"), q("value", format=".4g")],
        },
        title=title,
    )
    return charts.layer(area, rule, line, height=260)


def contours(H2, w_star, path, path_steps, axis, title, iter_title) -> Spec:
    """Exact contour lines of the loss with the best intercept, and the (projected) GD path."""
    gap0 = 0.5 * w_star @ H2 @ w_star  # excess at the start w = 0: the contour through the start
    lines = []
    for i, share in enumerate(LEVELS):
        pts = bn.ellipse(H2, w_star, gap0 * share, n_points=160)  # (160, 2)
        lines.append(
            pd.DataFrame({"a": pts[:, 0], "b": pts[:, 1], "level": i, "order": np.arange(len(pts))})
        )
    contour = pd.concat(lines)
    trail = pd.DataFrame({"a": path[:, 0], "b": path[:, 1], "k": path_steps})
    # Equal spans on both axes, so that the shape on screen is the true shape of the valley.
    pts = np.vstack([path, w_star])
    mid = (pts.max(axis=0) + pts.min(axis=0)) / 2
    half = max(float(np.ptp(pts, axis=0).max()) * 0.6, 1e-9)
    enc = {
        "x": q("a", title=axis[0], scale={"domain": [mid[0] - half, mid[0] + half], "nice": False}),
        "y": q("b", title=axis[1], scale={"domain": [mid[1] - half, mid[1] + half], "nice": False}),
    }
    c_layer = charts.chart(
        contour,
        charts.mark("line", clip=True, color=GREY, strokeWidth=1),
        {**enc, "detail": nom("level"), "order": q("order")},
    )
    p_layer = charts.chart(
        trail,
        charts.mark("line", clip=True, point=True, color=charts.PALETTE[3]),
        {
            **enc,
            "order": q("k"),
            "tooltip": [
                q("k", title=iter_title),
                q("a", title=axis[0], format=".4g"),
                q("b", title=axis[1], format=".4g"),
            ],
        },
    )
    star = charts.chart(
        pd.DataFrame({"a": [w_star[0]], "b": [w_star[1]]}),
        charts.mark("point", shape="cross", size=160, filled=True, color=charts.PALETTE[0]),
        enc,
    )
    return charts.layer(
        c_layer, p_layer, star, title=title, width=CONTOUR_SIZE, height=CONTOUR_SIZE
    )


def noise(frame, current_N, x_title, y_title) -> Spec:
    """Standard deviation of the batch statistics against the batch size N (log-log)."""
    sizes = [float(frame["N"].min()), float(frame["N"].max())]
    legend_style = {"orient": "bottom", "direction": "vertical", "labelLimit": 420}
    lines = charts.chart(
        frame,
        charts.mark("line", point=True),
        {
            "x": q("N", title=x_title, scale={"type": "log", "domain": sizes, "nice": False}),
            "y": q("sd", title=y_title, scale={"type": "log"}),
            "color": nom("quantity", title=None, legend=dict(legend_style)),
            "strokeDash": nom(
                "source", title=None, legend={"symbolType": "stroke", **legend_style}
            ),
            "tooltip": [nom("quantity"), nom("source"), q("N"), q("sd", format=".3g")],
        },
    )
    rule = charts.chart(
        pd.DataFrame({"N": [current_N]}),
        charts.mark("rule", color=GREY, strokeDash=[4, 4]),
        {"x": q("N")},
    )
    return charts.layer(lines, rule, height=320)


BUILDERS = {"histogram": histogram, "running": running, "contours": contours, "noise": noise}
