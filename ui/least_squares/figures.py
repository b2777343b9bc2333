"""Chart pieces of the least-squares page: channel shorthands and the d = 2 loss contour (used by
the family and gradient-descent views)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from core import least_squares as ls
from ui import charts


def q(name: str, **kw) -> dict:
    """Channel arguments for a quantitative field (``field=`` objects: shorthand parsing is slow)."""
    return {"field": name, "type": "quantitative", **kw}


def nom(name: str, **kw) -> dict:
    return {"field": name, "type": "nominal", **kw}


def contour(
    X: np.ndarray,
    y: np.ndarray,
    w_star: np.ndarray,
    N: np.ndarray,
    points: list[np.ndarray],
    paths: pd.DataFrame | None,
    marks: pd.DataFrame,
) -> alt.LayerChart:
    """Loss field (d = 2) around ``w_star``, the line of minimizers, marked points and GD paths."""
    k = N.shape[1]
    centre = w_star
    span = max(2.0, 1.2 * max(float(np.abs(pt - centre).max()) for pt in [centre, *points]))
    w1 = np.linspace(centre[0] - span, centre[0] + span, 41)
    w2 = np.linspace(centre[1] - span, centre[1] + span, 41)
    L = ls.loss_grid(X, y, w1, w2)
    layers = [charts.field(w1, w2, L, log_color=True, title="L(w)", x_title="w₁", y_title="w₂")]
    if k == 1:
        s = np.linspace(-3 * span, 3 * span, 2)
        line = pd.DataFrame(w_star + np.outer(s, N[:, 0]), columns=["w1", "w2"])
        line = line.assign(order=[0, 1])
        layers.append(
            alt.Chart(line)
            .mark_line(color="white", strokeDash=[6, 3], strokeWidth=2, clip=True)
            .encode(x=alt.X(**q("w1")), y=alt.Y(**q("w2")), order=alt.Order(**q("order")))
        )
    if paths is not None and not paths.empty:
        # same colours as the line charts (nominal domain sorted), over a white halo for contrast
        names = sorted(paths["start"].unique())
        halo = alt.Chart(paths).mark_line(color="white", strokeWidth=5, clip=True)
        layers.append(
            halo.encode(
                x=alt.X(**q("w1")),
                y=alt.Y(**q("w2")),
                detail=alt.Detail(**nom("start")),
                order=alt.Order(**q("t")),
            )
        )
        layers.append(
            alt.Chart(paths)
            .mark_line(point=alt.OverlayMarkDef(size=14), strokeWidth=2.5, clip=True)
            .encode(
                x=alt.X(**q("w1")),
                y=alt.Y(**q("w2")),
                order=alt.Order(**q("t")),
                color=alt.Color(
                    **nom("start"),
                    title=None,
                    scale=alt.Scale(domain=names, range=list(charts.PALETTE[: len(names)])),
                ),
                tooltip=[
                    alt.Tooltip(**nom("start")),
                    alt.Tooltip(**q("t")),
                    alt.Tooltip(**q("w1", format=".4g")),
                    alt.Tooltip(**q("w2", format=".4g")),
                ],
            )
        )
    layers.append(
        alt.Chart(marks)
        .mark_point(size=120, filled=True, shape="diamond", clip=True)
        .encode(
            x=alt.X(**q("w1")),
            y=alt.Y(**q("w2")),
            color=alt.value(charts.PALETTE[7]),
            tooltip=[
                alt.Tooltip(**nom("what")),
                alt.Tooltip(**q("w1", format=".4g")),
                alt.Tooltip(**q("w2", format=".4g")),
            ],
        )
    )
    return alt.layer(*layers).properties(height=420)
