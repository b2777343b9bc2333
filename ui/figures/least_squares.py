"""Figures of the least-squares page: the loss field, singular values, families and paths."""

from __future__ import annotations

import numpy as np
import pandas as pd

from core import least_squares as ls
from ui import charts
from ui.charts import Spec, nom, q


def loss_field(
    X: np.ndarray,
    y: np.ndarray,
    w_star: np.ndarray,
    N: np.ndarray,
    points: list[np.ndarray],
    paths: pd.DataFrame | None,
    marks: pd.DataFrame,
) -> Spec:
    """Loss field (d = 2) around ``w_star``, the line of minimizers, marked points and GD paths.

    ``N`` is a basis of the null space of ``X`` (shape ``(2, k)``); with ``k = 1`` the
    minimizers form a line, drawn dashed.
    """
    k = N.shape[1]
    centre = w_star
    span = max(2.0, 1.2 * max(float(np.abs(pt - centre).max()) for pt in [centre, *points]))
    w1 = np.linspace(centre[0] - span, centre[0] + span, 41)
    w2 = np.linspace(centre[1] - span, centre[1] + span, 41)
    L = ls.loss_grid(X, y, w1, w2)  # (41, 41)
    layers = [charts.field(w1, w2, L, log_color=True, title="L(w)", x_title="w₁", y_title="w₂")]
    if k == 1:
        s = np.linspace(-3 * span, 3 * span, 2)
        line = pd.DataFrame(w_star + np.outer(s, N[:, 0]), columns=["w1", "w2"])
        line = line.assign(order=[0, 1])
        layers.append(
            charts.chart(
                line,
                charts.mark("line", color="white", strokeDash=[6, 3], strokeWidth=2, clip=True),
                {"x": q("w1"), "y": q("w2"), "order": q("order")},
            )
        )
    if paths is not None and not paths.empty:
        # same colours as the line charts (nominal domain sorted), over a white halo for contrast
        names = sorted(paths["start"].unique())
        layers.append(
            charts.chart(
                paths,
                charts.mark("line", color="white", strokeWidth=5, clip=True),
                {"x": q("w1"), "y": q("w2"), "detail": nom("start"), "order": q("t")},
            )
        )
        layers.append(
            charts.chart(
                paths,
                charts.mark("line", point={"size": 14}, strokeWidth=2.5, clip=True),
                {
                    "x": q("w1"),
                    "y": q("w2"),
                    "order": q("t"),
                    "color": nom(
                        "start",
                        title=None,
                        scale={"domain": names, "range": list(charts.PALETTE[: len(names)])},
                    ),
                    "tooltip": [
                        nom("start"),
                        q("t"),
                        q("w1", format=".4g"),
                        q("w2", format=".4g"),
                    ],
                },
            )
        )
    layers.append(
        charts.chart(
            marks,
            charts.mark("point", size=120, filled=True, shape="diamond", clip=True),
            {
                "x": q("w1"),
                "y": q("w2"),
                "color": charts.value(charts.PALETTE[7]),
                "tooltip": [nom("what"), q("w1", format=".4g"), q("w2", format=".4g")],
            },
        )
    )
    return charts.layer(*layers, height=420)


def singular_values(
    sv: pd.DataFrame,
    lo: float,
    hi: float,
    tol: float,
    *,
    kept: str,
    zero: str,
    x_title: str,
    y_title: str,
) -> Spec:
    """Bars of the singular values on a log axis from ``lo`` and the rank tolerance ``tol``.

    ``sv`` has columns ``i`` (label), ``sigma``, ``shown`` (bar top), ``base`` (bar bottom) and
    ``status`` (``kept`` or ``zero``).
    """
    bars = charts.chart(
        sv,
        "bar",
        {
            "x": nom("i", title=x_title, sort=None, axis={"labelAngle": 0}),
            "y": q(
                "shown", title=y_title, scale={"type": "log", "domain": [lo, hi], "nice": False}
            ),
            "y2": {"field": "base"},
            "color": nom(
                "status",
                title=None,
                scale={"domain": [kept, zero], "range": [charts.PALETTE[0], charts.PALETTE[3]]},
            ),
            "tooltip": [nom("i"), q("sigma", format=".3e"), nom("status")],
        },
    )
    layers = [bars]
    if tol > 0:
        rule = pd.DataFrame({"tol": [tol], "label": [f"τ = {tol:.2e}"]})
        layers.append(
            charts.chart(
                rule,
                charts.mark("rule", strokeDash=[6, 4], color=charts.PALETTE[7]),
                {"y": q("tol")},
            )
        )
        layers.append(
            charts.chart(
                rule,
                charts.mark("text", align="right", dx=-4, dy=-6, color=charts.PALETTE[7]),
                {"y": q("tol"), "text": nom("label"), "x": charts.value({"expr": "width"})},
            )
        )
    return charts.layer(*layers, height=260)


def family(curve: pd.DataFrame, c: float, norm_c: float, *, y_title: str) -> Spec:
    """Norm and residual along the family of solutions, with the chosen member ``c`` marked."""
    here = pd.DataFrame({"c": [c], "value": [norm_c]})
    lines = charts.lines(curve, "c", "value", "series", x_title="c", y_title=y_title)
    point = charts.chart(
        here,
        charts.mark("point", size=90, filled=True, color=charts.PALETTE[3]),
        {"x": q("c"), "y": q("value")},
    )
    return charts.layer(lines, point)


def sensitivity(long: pd.DataFrame, kappa: float, *, y_title: str) -> Spec:
    """Error gains against the condition number κ (log-log), with the example's κ marked."""
    lines = charts.lines(
        long, "kappa", "gain", "series", x_title="κ", y_title=y_title, log_x=True, log_y=True
    )
    rule = charts.chart(
        pd.DataFrame({"kappa": [kappa]}),
        charts.mark("rule", color=charts.PALETTE[7]),
        {"x": q("kappa")},
    )
    return charts.layer(lines, rule)


def ridge_path(frame: pd.DataFrame, limits: pd.DataFrame, lam: float, *, y_title: str) -> Spec:
    """Ridge coefficients against λ (log axis), their λ → 0 limits and the chosen λ."""
    lines = charts.lines(
        frame, "lambda", "w", "component", x_title="λ", y_title=y_title, log_x=True
    )
    limit_rules = charts.chart(
        limits,
        charts.mark("rule", strokeDash=[2, 3], opacity=0.7),
        {"y": q("w"), "color": nom("component", title=None)},
    )
    lam_rule = charts.chart(
        pd.DataFrame({"lambda": [lam]}),
        charts.mark("rule", color=charts.PALETTE[7]),
        {"x": q("lambda")},
    )
    return charts.layer(lines, limit_rules, lam_rule)
