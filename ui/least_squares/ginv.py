"""Generalized-inverse view (Homework P1): three generalized inverses of XᵀX and the minimizers
they give."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core import generalized_inverse as gi
from core import least_squares as ls
from ui import blocks
from ui.least_squares.data import Problem
from ui.least_squares.fmt import fmt, vec
from ui.page import Page


def show(p: Page, prob: Problem) -> None:
    """The ginv view of the least-squares page."""
    t = p.t
    X, y, rtol, d, unique = prob.X, prob.y, prob.rtol, prob.d, prob.unique
    p.explain(t("least_squares.ginv_md"))
    blocks.formula(gi.generalized_inverse.latex)
    blocks.formula(gi.minimizer_from_ginv.latex)
    results = gi.compare_generalized_inverses(X, y, rtol)
    by_name = {res.name: res for res in results}

    def ginv_label(res: gi.GinvResult) -> str:
        cols = ", ".join(f"x{j + 1}" for j in res.columns)
        return t(f"least_squares.ginv_{res.name}", cols=cols)

    st.markdown(f"#### {t('least_squares.ginv_header')}")
    st.dataframe(
        pd.DataFrame(
            {
                t("least_squares.col_G"): [ginv_label(res) for res in results],
                t("least_squares.col_defect"): [f"{res.defect:.1e}" for res in results],
                t("least_squares.col_w"): [vec(res.w) for res in results],
                t("least_squares.col_norm"): [fmt(res.norm) for res in results],
                t("least_squares.col_res"): [fmt(res.residual) for res in results],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    if unique:
        st.info(t("least_squares.ginv_same", d=d), icon=":material/info:")
    else:
        norms = [res.norm for res in results]
        st.caption(
            t(
                "least_squares.ginv_differ",
                res=fmt(by_name["mp"].residual),
                n_min=fmt(by_name["mp"].norm),
                n_max=fmt(max(norms)),
            )
        )
    g1, g2 = st.columns(2)
    for col, res in ((g1, by_name["mp"]), (g2, by_name["block"])):
        with col:
            st.markdown(f"**{ginv_label(res)}**")
            names = [f"w{j + 1}" for j in range(d)]
            st.dataframe(pd.DataFrame(res.G, index=names, columns=names).round(6), width="stretch")
    blocks.misconception(t("least_squares.misc_ginv"))
    w_lstsq = ls.lstsq_numeric(X, y)
    scale = max(1.0, float(np.abs(w_lstsq).max()))
    blocks.numbers_check(
        [
            (
                t("least_squares.check_ginv_res"),
                np.array([res.residual for res in results]),
                np.full(len(results), ls.residual_norm(X, y, w_lstsq)),
            ),
            (t("least_squares.check_ginv_mp"), by_name["mp"].w, w_lstsq),
        ],
        tol=1e-8 * scale,
    )
