"""Figures of the L1 page: the 1-D objective, its subgradient, the soft-threshold and
elastic-net maps, weight bars and the ISTA iterates (heat map, optimality gap, support size)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ui import charts
from ui.charts import Spec, nom, q

GREY = "#666666"
ZERO_GREY = "#9a9a9a"  # heat-map cells that are exactly zero


def _dot(x: float, y: float, *, x_field: str, y_field: str) -> Spec:
    """The red dot marking the minimizer."""
    return charts.chart(
        pd.DataFrame({x_field: [x], y_field: [y]}),
        charts.mark("point", filled=True, size=110, color=charts.PALETTE[3]),
        {"x": q(x_field), "y": q(y_field)},
    )


def objective(
    frame: pd.DataFrame,
    w_min: float,
    f_min: float,
    w_star: float,
    *,
    curves: tuple[str, str],
    x_title: str,
    y_title: str,
) -> Spec:
    """The penalized and unpenalized 1-D objectives against ``w`` (``frame``: ``w``, ``f``,
    ``curve``), a dashed rule at ``w_star`` and a dot at the minimizer ``(w_min, f_min)``.

    ``curves`` are the two ``curve`` labels (penalized first).
    """
    domain = list(curves)
    lines = charts.chart(
        frame,
        charts.mark("line"),
        {
            "x": q("w", title=x_title),
            "y": q("f", title=y_title),
            "color": nom(
                "curve",
                scale={"domain": domain, "range": [charts.PALETTE[0], charts.PALETTE[1]]},
                title=None,
                legend={"orient": "top"},
            ),
            "strokeDash": nom(
                "curve", scale={"domain": domain, "range": [[1, 0], [5, 4]]}, legend=None
            ),
            "tooltip": [q("w", format=".3g"), q("f", format=".4g"), nom("curve")],
        },
        height=300,
    )
    rule = charts.chart(
        pd.DataFrame({"w": [w_star]}),
        charts.mark("rule", strokeDash=[3, 3], color=charts.PALETTE[1]),
        {"x": q("w")},
    )
    return charts.layer(lines, rule, _dot(w_min, f_min, x_field="w", y_field="f"))


def subgradient(
    frame: pd.DataFrame,
    w_min: float,
    zero_set: tuple[float, float],
    *,
    x_title: str,
    y_title: str,
) -> Spec:
    """The subgradient graph: the two branches (``frame``: ``w``, ``g``, ``piece``), the
    vertical segment ``zero_set = (lo, hi)`` at ``w = 0``, the axis ``g = 0`` and a dot at
    the minimizer ``w_min``."""
    lo0, hi0 = zero_set
    branches = charts.chart(
        frame,
        charts.mark("line", color=charts.PALETTE[0]),
        {
            "x": q("w", title=x_title),
            "y": q("g", title=y_title),
            "detail": nom("piece"),
            "tooltip": [q("w", format=".3g"), q("g", format=".4g")],
        },
        height=300,
    )
    segment = charts.chart(
        pd.DataFrame({"w": [0.0], "lo": [lo0], "hi": [hi0]}),
        charts.mark("rule", strokeWidth=5, color=charts.PALETTE[0]),
        {"x": q("w"), "y": q("lo"), "y2": {"field": "hi"}},
    )
    zero_line = charts.chart(
        pd.DataFrame({"g": [0.0]}), charts.mark("rule", color=GREY), {"y": q("g")}
    )
    return charts.layer(zero_line, branches, segment, _dot(w_min, 0.0, x_field="w", y_field="g"))


def _maps(
    frame: pd.DataFrame,
    points: pd.DataFrame,
    thr: float,
    radius: float,
    *,
    colours: dict[str, str],
    dashes: list[list[int]],
    x_title: str,
    y_title: str,
) -> Spec:
    """Maps ``w*`` -> ``w`` (``frame``: ``w_star``, ``w``, ``map``; ``colours``: label ->
    colour, in legend order) on ``[-radius, radius]``, the dead zone ``[-thr, thr]`` shaded and
    the ``points`` (``w_star``, ``w``, ``map``) marked."""
    domain = list(colours)
    colour = {"domain": domain, "range": list(colours.values())}
    dead_zone = charts.chart(
        pd.DataFrame({"a": [max(-thr, -radius)], "b": [min(thr, radius)]}),
        charts.mark("rect", color=GREY, opacity=0.18),
        {"x": q("a"), "x2": {"field": "b"}},
    )
    lines = charts.chart(
        frame,
        charts.mark("line"),
        {
            "x": q("w_star", title=x_title, scale={"domain": [-radius, radius]}),
            "y": q("w", title=y_title, scale={"domain": [-radius, radius]}),
            "color": nom("map", scale=colour, title=None, legend={"orient": "top"}),
            "strokeDash": nom("map", scale={"domain": domain, "range": dashes}, legend=None),
            "tooltip": [q("w_star", format=".3g"), q("w", format=".4g"), nom("map")],
        },
        height=360,
    )
    marks = charts.chart(
        points,
        charts.mark("point", filled=True, size=100),
        {"x": q("w_star"), "y": q("w"), "color": nom("map", scale=colour, legend=None)},
    )
    return charts.layer(dead_zone, lines, marks)


def threshold_map(
    frame: pd.DataFrame,
    w_star: float,
    w_l1: float,
    w_l2: float,
    thr: float,
    radius: float,
    *,
    maps: tuple[str, str, str],
    x_title: str,
    y_title: str,
) -> Spec:
    """The L1, L2 and identity maps ``w*`` -> ``w`` (``frame``: ``w_star``, ``w``, ``map``) on
    ``[-radius, radius]``, the dead zone ``[-thr, thr]`` shaded and the current ``w_star``
    marked on the L1 and L2 maps. ``maps`` are the labels (L1, L2, identity)."""
    points = pd.DataFrame({"w_star": [w_star, w_star], "w": [w_l1, w_l2], "map": list(maps[:2])})
    colours = dict(zip(maps, [charts.PALETTE[0], charts.PALETTE[2], GREY], strict=True))
    return _maps(
        frame,
        points,
        thr,
        radius,
        colours=colours,
        dashes=[[1, 0], [6, 3], [2, 2]],
        x_title=x_title,
        y_title=y_title,
    )


def elastic_net_map(
    frame: pd.DataFrame,
    w_star: float,
    solutions: tuple[float, float, float],
    thr: float,
    radius: float,
    *,
    maps: tuple[str, str, str, str],
    x_title: str,
    y_title: str,
) -> Spec:
    """The L1 (alpha1), L2 (alpha2), elastic-net (both) and identity maps ``w*`` -> ``w``
    (``frame``: ``w_star``, ``w``, ``map``), the dead zone ``[-thr, thr]`` shaded and the current
    ``w_star`` marked on the first three with ``solutions`` (L1, L2, elastic net)."""
    points = pd.DataFrame({"w_star": [w_star] * 3, "w": list(solutions), "map": list(maps[:3])})
    colours = dict(
        zip(maps, [charts.PALETTE[0], charts.PALETTE[2], charts.PALETTE[4], GREY], strict=True)
    )
    return _maps(
        frame,
        points,
        thr,
        radius,
        colours=colours,
        dashes=[[1, 0], [6, 3], [1, 0], [2, 2]],
        x_title=x_title,
        y_title=y_title,
    )


def bars_frame(names: list[str], series: list[tuple[str, np.ndarray]]) -> pd.DataFrame:
    """The long table behind :func:`grouped_bars`: one row per (weight, kind), kinds in order."""
    return pd.concat(
        [pd.DataFrame({"weight": names, "value": values, "kind": kind}) for kind, values in series]
    )


def grouped_bars(
    frame: pd.DataFrame, kinds: list[str], colours: list[str], *, x_title: str, y_title: str
) -> Spec:
    """Bars of ``value`` per ``weight``, side by side per ``kind`` (a zero is an empty slot)."""
    return charts.chart(
        frame,
        charts.mark("bar"),
        {
            "x": nom("weight", title=x_title, sort=None),
            "y": q("value", title=y_title),
            "color": nom(
                "kind",
                scale={"domain": kinds, "range": colours},
                title=None,
                legend={"orient": "top"},
            ),
            "xOffset": nom("kind", sort=kinds),
            "tooltip": [nom("weight"), nom("kind"), q("value", format=".4g")],
        },
        height=280,
    )


def iterates(W: np.ndarray, names: list[str], *, x_title: str, title: str) -> Spec:
    """Heat map of the iterates ``W`` (shape ``(steps + 1, d)``): one row per weight, one
    column per step, on a diverging scale symmetric about 0.

    Two layers rather than a conditional colour: exact zeros get their own flat grey, so that
    a tiny non-zero weight (pale on the diverging scale) is never mistaken for a zero.
    """
    n_steps, d = W.shape
    ks = np.arange(n_steps)
    frame = pd.DataFrame(
        {
            "k": np.repeat(ks, d),
            "k2": np.repeat(ks + 1, d),
            "weight": list(names) * n_steps,
            "value": W.ravel(),
        }
    )
    vmax = float(np.max(np.abs(W))) or 1.0

    def cells(part: pd.DataFrame, color: Spec) -> Spec:
        return charts.chart(
            part,
            charts.mark("rect"),
            {
                "x": q("k", title=x_title, scale={"domain": [0, n_steps], "nice": False}),
                "x2": {"field": "k2"},
                "y": nom("weight", title=None, sort=list(names)),
                "tooltip": [q("k"), nom("weight"), q("value", format=".4g")],
                "color": color,
            },
        )

    is_zero = frame["value"] == 0.0
    scale = {"scheme": charts.DIVERGING, "domain": [-vmax, vmax]}
    return charts.layer(
        cells(frame[~is_zero], q("value", scale=scale, title="w")),
        cells(frame[is_zero], charts.value(ZERO_GREY)),
        height=260,
        title=title,
    )


def optimality_gap(frame: pd.DataFrame, *, x_title: str, y_title: str) -> Spec:
    """``F(w_k) − F(ŵ)`` against the step ``k`` on a log axis (``frame``: ``k``, ``gap``)."""
    return charts.chart(
        frame,
        charts.mark("line", color=charts.PALETTE[0]),
        {
            "x": q("k", title=x_title),
            "y": q("gap", title=y_title, scale={"type": "log"}, axis={"format": ".0e"}),
            "tooltip": [q("k"), q("gap", format=".3e")],
        },
        height=240,
    )


def support_size(frame: pd.DataFrame, d: int, *, x_title: str, y_title: str) -> Spec:
    """The number of non-zero weights against the step (``frame``: ``k``, ``nnz``), on
    ``[0, d]``."""
    return charts.chart(
        frame,
        charts.mark("line", interpolate="step-after", color=charts.PALETTE[2]),
        {
            "x": q("k", title=x_title),
            "y": q("nnz", title=y_title, scale={"domain": [0, d]}),
            "tooltip": [q("k"), q("nnz")],
        },
        height=240,
    )
