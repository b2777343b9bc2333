"""Ridge view: the ridge solution for one λ and its path towards X⁺y."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core import least_squares as ls
from ui import blocks, charts
from ui.figures import least_squares as figures
from ui.least_squares.data import Problem
from ui.least_squares.fmt import fmt, vec
from ui.page import Page

LAMBDAS = [float(f"{v:.0e}") for v in np.logspace(-6, 3, 10)]


def show(p: Page, prob: Problem) -> None:
    """The ridge view of the least-squares page."""
    t = p.t
    X, y, rtol, d, w_ref, k_ref = prob.X, prob.y, prob.rtol, prob.d, prob.w_ref, prob.k_ref
    p.explain(t("least_squares.ridge_md"))
    if rtol is not None:
        st.caption(t("least_squares.no_rtol_note"))
    blocks.formula(ls.ridge_solution.latex)
    lam = p.select_slider(
        "lam",
        t("least_squares.lam"),
        options=LAMBDAS,
        default=1e-2,
        format_func=lambda v: f"{v:.0e}",
    )
    w_lam = ls.ridge_solution(X, y, lam)
    m1, m2, m3 = st.columns([2, 1, 1])
    m1.metric(t("least_squares.m_w_lam"), vec(w_lam))
    m2.metric(t("least_squares.m_dist_lam"), f"{np.linalg.norm(w_lam - w_ref):.3e}")
    m3.metric(t("least_squares.m_residual"), fmt(ls.residual_norm(X, y, w_lam)))
    grid = np.logspace(-6, 3, 73)
    path = ls.ridge_path(X, y, grid)
    frame = pd.DataFrame(
        {
            "lambda": np.repeat(grid, d),
            "w": path.ravel(),
            "component": [f"w{j + 1}" for j in range(d)] * grid.size,
        }
    )
    limits = pd.DataFrame({"w": w_ref, "component": [f"w{j + 1}" for j in range(d)]})
    ridge_chart = figures.ridge_path(frame, limits, lam, y_title=t("least_squares.ridge_axis"))
    charts.show(
        ridge_chart,
        t(
            "least_squares.ridge_alt",
            lam=f"{lam:.0e}",
            w_lam=vec(w_lam),
            w_star=vec(w_ref),
            w_big=vec(path[-1]),
        ),
        data=frame,
        filename="ridge_path.csv",
    )
    if k_ref:
        st.caption(t("least_squares.ridge_singular"))
