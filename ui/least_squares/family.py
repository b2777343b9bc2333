"""Family view: the minimizers X⁺y + (I − X⁺X)z along one null-space direction, their norm and
residual, and the d = 2 contour."""

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

C_GRID = np.linspace(-3.0, 3.0, 61)


def show(p: Page, prob: Problem) -> None:
    """The family view of the least-squares page."""
    t = p.t
    X, y, rtol, d, k, w_star, N = prob.X, prob.y, prob.rtol, prob.d, prob.k, prob.w_star, prob.N
    p.explain(t("least_squares.family_md"))
    blocks.formula(ls.solution_family.latex)
    blocks.misconception(t("least_squares.misc_pinv"))
    c = p.slider("c", t("least_squares.c"), -3.0, 3.0, default=0.0, step=0.1, disabled=k == 0)
    if k == 0:
        st.info(t("least_squares.family_unique"), icon=":material/info:")
        v1 = np.zeros(d)
    else:
        v1 = N[:, 0]
        if k > 1:
            st.caption(t("least_squares.family_many", k=k))
    w_c = ls.solution_family(X, y, c * v1, rtol)
    res_c = ls.residual_norm(X, y, w_c)
    m1, m2, m3 = st.columns([2, 1, 1])
    m1.metric(t("least_squares.m_w_c"), vec(w_c))
    m2.metric(t("least_squares.m_norm_w"), fmt(float(np.linalg.norm(w_c))))
    m3.metric(t("least_squares.m_residual"), fmt(res_c))
    if k:
        st.caption(
            t(
                "least_squares.pythagoras",
                w2=fmt(float(w_c @ w_c)),
                s2=fmt(float(w_star @ w_star)),
                c2=fmt(float(np.sum(ls.project_null_space(X, c * v1, rtol) ** 2))),
            )
        )
        W_grid = ls.solution_family(X, y, np.outer(C_GRID, v1), rtol)
        curve = pd.DataFrame(
            {
                "c": np.concatenate([C_GRID, C_GRID]),
                "value": np.concatenate(
                    [np.linalg.norm(W_grid, axis=1), ls.residual_norm(X, y, W_grid)]
                ),
                "series": [t("least_squares.s_norm")] * C_GRID.size
                + [t("least_squares.s_residual")] * C_GRID.size,
            }
        )
        chart = figures.family(
            curve, c, float(np.linalg.norm(w_c)), y_title=t("least_squares.s_value")
        )
        charts.show(
            chart,
            t(
                "least_squares.family_alt",
                c=f"{c:.1f}",
                norm=fmt(float(np.linalg.norm(w_c))),
                norm0=fmt(float(np.linalg.norm(w_star))),
                res=fmt(res_c),
            ),
            data=curve,
            filename="family.csv",
        )
    if d == 2:
        st.markdown(f"#### {t('least_squares.contour_header')}")
        marks = pd.DataFrame([w_star, w_c], columns=["w1", "w2"]).assign(
            what=[t("least_squares.pt_w_star"), t("least_squares.pt_w_c")]
        )
        alt_key = "least_squares.contour_alt_line" if k == 1 else "least_squares.contour_alt_point"
        charts.show(
            figures.loss_field(X, y, w_star, N, [w_c], None, marks),
            t(alt_key, w_star=vec(w_star), w_c=vec(w_c), loss=fmt(ls.loss(X, y, w_star))),
        )
    else:
        st.caption(t("least_squares.contour_only_2d", d=d))
