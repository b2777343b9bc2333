"""Figures of the trainer: the live curves, the training history with its best epoch.

Each builder takes numbers (a DataFrame of the run's records) and returns a Vega-Lite spec;
``ui/trainer`` shows them.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ui import charts
from ui.charts import Spec


def live_curves(t: Callable[..., str], frame: pd.DataFrame) -> Spec:
    """One Vega-Lite spec for both panels (loss, accuracy): one table and one view to update.

    Redrawn about twice a second, so it is kept light for the browser as well: one faceted
    chart and one line of text (which is also the chart's text alternative) instead of two
    charts and a row of metric widgets roughly halved what live training cost in our benchmark.
    """
    series = [t("trainer.series_train"), t("trainer.series_val")]
    dashes = [[1, 0], [6, 3]]
    if not frame.empty and (frame["series"] == t("trainer.series_train_eval")).any():
        series.append(t("trainer.series_train_eval"))
        dashes.append([2, 2])
    return {
        "data": frame,  # st.vega_lite_chart sends a top-level DataFrame as the chart's data
        "facet": {
            "column": {
                "field": "metric",
                "type": "nominal",
                "title": None,
                "sort": [t("trainer.loss"), t("trainer.accuracy")],
            }
        },
        "resolve": {"scale": {"y": "independent"}},
        "spec": {
            "width": 380,
            "height": 220,
            "mark": {"type": "line", "point": len(frame) <= 120},
            "encoding": {
                "x": {
                    "field": "epoch",
                    "type": "quantitative",
                    "title": t("trainer.epoch"),
                    "scale": {"domainMin": 0},
                    "axis": {"format": "d", "tickMinStep": 1},
                },
                "y": {
                    "field": "value",
                    "type": "quantitative",
                    "title": None,
                    "scale": {"zero": False},
                    "axis": {"format": ".3~g"},
                },
                "color": {
                    "field": "series",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": series, "range": list(charts.PALETTE[: len(series)])},
                },
                "strokeDash": {
                    "field": "series",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": series, "range": dashes},
                },
                "tooltip": [
                    {"field": "epoch", "type": "quantitative", "format": ".2f"},
                    {"field": "series", "type": "nominal"},
                    {"field": "value", "type": "quantitative", "format": ".4f"},
                ],
            },
        },
        "config": {"view": {"stroke": None}, "legend": {"orient": "bottom"}},
    }


def history(hist: pd.DataFrame, y: str, best_epoch: int, *, x_title: str, y_title: str) -> Spec:
    """One metric per epoch, one line per series, and a dashed rule at the best epoch."""
    curves = charts.lines(hist, "epoch", y, "series", x_title=x_title, y_title=y_title)
    rule = charts.chart(
        pd.DataFrame({"epoch": [best_epoch]}),
        {"type": "rule", "strokeDash": [4, 4], "color": "#555"},
        {"x": {"field": "epoch", "type": "quantitative"}},
    )
    return charts.layer(curves, rule)
