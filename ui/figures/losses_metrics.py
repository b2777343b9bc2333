"""Figures of the losses-and-metrics page: loss curves with marked points, the ROC curve, the
strip of scores by class, and the one-vs-rest ROC curves and AUCs of several classes."""

from __future__ import annotations

import pandas as pd

from ui import charts
from ui.charts import Spec, nom, q

CHANCE_GREY = "#888888"


def curves(
    frame: pd.DataFrame,
    x: str,
    y: str,
    series: str,
    domain: list[str],
    colours: list[str],
    *,
    x_title: str,
    y_title: str,
    y_scale: Spec | None = None,
    **props,
) -> Spec:
    """Lines of ``y`` against ``x``, one colour (and dash) per ``series`` label in ``domain``."""
    y_channel = q(y, title=y_title)
    if y_scale is not None:
        y_channel["scale"] = y_scale
    return charts.chart(
        frame,
        charts.mark("line"),
        {
            "x": q(x, title=x_title),
            "y": y_channel,
            "color": nom(
                series,
                scale={"domain": domain, "range": colours},
                title=None,
                legend={"orient": "top"},
            ),
            "strokeDash": nom(series, title=None, legend=None),
            "tooltip": [q(x, format=".3g"), q(y, format=".4g"), nom(series)],
        },
        **props,
    )


def dots(frame: pd.DataFrame, x: str, y: str, colour: str, size: int = 90) -> Spec:
    """Filled points at the rows of ``frame``."""
    return charts.chart(
        frame,
        charts.mark("point", filled=True, size=size, color=colour),
        {"x": q(x), "y": q(y)},
    )


def curves_with_points(
    frame: pd.DataFrame,
    points: pd.DataFrame,
    x: str,
    y: str,
    series: str,
    domain: list[str],
    *,
    x_title: str,
    y_title: str,
    y_scale: Spec | None = None,
    height: int = 300,
) -> Spec:
    """Two (or more) :func:`curves` in the palette's first colours with ``points`` marked."""
    lines = curves(
        frame,
        x,
        y,
        series,
        domain,
        list(charts.PALETTE[: len(domain)]),
        x_title=x_title,
        y_title=y_title,
        y_scale=y_scale,
    )
    return charts.layer(lines, dots(points, x, y, charts.PALETTE[3]), height=height)


def cross_entropy_curve(
    frame: pd.DataFrame, q_true: float, h: float, *, x_title: str, y_title: str
) -> Spec:
    """The loss ``-log q`` against the probability of the true class (``frame``: ``q``,
    ``loss``) with the current ``(q_true, h)`` marked."""
    curve = charts.chart(
        frame,
        charts.mark("line", color=charts.PALETTE[0]),
        {
            "x": q("q", title=x_title),
            "y": q("loss", title=y_title),
            "tooltip": [q("q", format=".3f"), q("loss", format=".4g")],
        },
    )
    point = dots(pd.DataFrame({"q": [q_true], "loss": [h]}), "q", "loss", charts.PALETTE[3])
    return charts.layer(curve, point, height=280)


def roc_curve(
    roc_frame: pd.DataFrame, fpr_t: float, tpr_t: float, *, x_title: str, y_title: str
) -> Spec:
    """The ROC curve (``roc_frame``: ``fpr``, ``tpr``, ``threshold``, ``step``; the ``step``
    orders the points), the chance diagonal and the point of the current threshold."""
    line = charts.chart(
        roc_frame,
        charts.mark("line", point=True, color=charts.PALETTE[0], interpolate="linear"),
        {
            "x": q("fpr", title=x_title, scale={"domain": [0, 1]}),
            "y": q("tpr", title=y_title, scale={"domain": [0, 1]}),
            "order": q("step"),
            "tooltip": [
                q("threshold", format=".3g"),
                q("fpr", format=".3f"),
                q("tpr", format=".3f"),
            ],
        },
    )
    chance = _chance()
    here = dots(
        pd.DataFrame({"fpr": [fpr_t], "tpr": [tpr_t]}), "fpr", "tpr", charts.PALETTE[3], 160
    )
    return charts.layer(chance, line, here, height=340)


def score_strip(
    strip: pd.DataFrame,
    threshold: float,
    *,
    classes: tuple[str, str],
    named: bool,
    x_title: str,
) -> Spec:
    """Scores on a line, one row per class (``strip``: ``score``, ``cls``, ``name``, ``y``),
    with the threshold as a rule. ``classes`` are the labels (negative, positive); ``named``
    points are larger and labelled with their ``name``, alternately above and below."""
    lab_neg, lab_pos = classes
    pts = charts.chart(
        strip,
        charts.mark("point", filled=True, size=80 if named else 30, opacity=0.8),
        {
            "x": q("score", title=x_title, scale={"domain": [0, 1]}),
            "y": q(
                "y",
                title=None,
                scale={"domain": [-0.6, 1.6]},
                axis={
                    "values": [0, 1],
                    "labelExpr": f"datum.value == 1 ? '{lab_pos}' : '{lab_neg}'",
                },
            ),
            "color": nom(
                "cls",
                scale={
                    "domain": [lab_neg, lab_pos],
                    "range": [charts.PALETTE[1], charts.PALETTE[0]],
                },
                title=None,
                legend={"orient": "top"},
            ),
            "shape": nom("cls", title=None, legend=None),
            "tooltip": [nom("name"), q("score", format=".3f"), nom("cls")],
        },
    )
    layers = [pts]
    if named:
        # alternate labels above/below within each row so close scores stay readable
        rank = strip.groupby("cls")["score"].rank(method="first").astype(int)
        for above in (True, False):
            part = strip[(rank % 2 == 1) == above]
            layers.append(
                charts.chart(
                    part,
                    charts.mark("text", dy=-14 if above else 14, fontSize=11),
                    {"x": q("score"), "y": q("y"), "text": nom("name")},
                )
            )
    rule = charts.chart(
        pd.DataFrame({"score": [threshold]}),
        charts.mark("rule", color=charts.PALETTE[3], strokeWidth=2),
        {"x": q("score")},
    )
    return charts.layer(*layers, rule, height=220)


def _chance() -> Spec:
    """The dashed diagonal of a random ranking (AUC 0.5)."""
    return charts.chart(
        pd.DataFrame({"fpr": [0.0, 1.0], "tpr": [0.0, 1.0]}),
        charts.mark("line", strokeDash=[4, 4], color=CHANCE_GREY),
        {"x": q("fpr"), "y": q("tpr")},
    )


def ovr_roc_curves(frame: pd.DataFrame, classes: list[str], *, x_title: str, y_title: str) -> Spec:
    """One ROC curve per class against the rest (``frame``: ``fpr``, ``tpr``, ``cls``,
    ``step``; ``step`` orders the points of each curve), coloured by ``cls`` in the order of
    ``classes``, and the chance diagonal."""
    curves_ = charts.chart(
        frame,
        charts.mark("line", interpolate="linear"),
        {
            "x": q("fpr", title=x_title, scale={"domain": [0, 1]}),
            "y": q("tpr", title=y_title, scale={"domain": [0, 1]}),
            "color": nom(
                "cls",
                scale={"domain": classes, "range": list(charts.PALETTE[: len(classes)])},
                title=None,
                legend={"orient": "top"},
            ),
            "order": q("step"),
            "tooltip": [nom("cls"), q("fpr", format=".3f"), q("tpr", format=".3f")],
        },
    )
    return charts.layer(_chance(), curves_, height=340)


def ovr_auc_bars(
    frame: pd.DataFrame,
    averages: pd.DataFrame,
    classes: list[str],
    *,
    x_title: str,
    y_title: str,
) -> Spec:
    """Per-class AUC bars (``frame``: ``cls``, ``auc``, ``share``) in the colours of
    :func:`ovr_roc_curves`, with a rule per average (``averages``: ``average``, ``auc``)."""
    bars = charts.chart(
        frame,
        charts.mark("bar"),
        {
            "x": nom("cls", title=x_title, sort=classes),
            "y": q("auc", title=y_title, scale={"domain": [0, 1]}),
            "color": nom(
                "cls",
                scale={"domain": classes, "range": list(charts.PALETTE[: len(classes)])},
                legend=None,
            ),
            "tooltip": [nom("cls"), q("auc", format=".4f"), q("share", format=".1%")],
        },
    )
    rules = charts.chart(
        averages,
        charts.mark("rule", strokeWidth=2),
        {
            "y": q("auc"),
            "strokeDash": nom(
                "average", title=None, legend={"orient": "top"}, sort=list(averages["average"])
            ),
            "tooltip": [nom("average"), q("auc", format=".4f")],
        },
    )
    return charts.layer(bars, rules, height=340)
