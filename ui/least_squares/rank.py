"""Rank view: the singular values against the tolerance, κ, the pseudoinverse and X⁺y checked
against LAPACK's lstsq."""

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


def show(p: Page, prob: Problem) -> None:
    """The rank view of the least-squares page."""
    t = p.t
    X, y, rtol, n, d, info, r, unique, kappa, w_star, res_star = (
        prob.X,
        prob.y,
        prob.rtol,
        prob.n,
        prob.d,
        prob.info,
        prob.r,
        prob.unique,
        prob.kappa,
        prob.w_star,
        prob.res_star,
    )
    p.explain(t("least_squares.rank_md"))
    blocks.formula(ls.rank.latex)
    # log axis with an explicit floor: an exact 0 (or 1e-17) still gets a visible stub of a bar
    positive = info.sigma[info.sigma > 0]
    top = float(positive.max()) if positive.size else 1.0
    low_end = min([float(positive.min()) if positive.size else top, info.tol or top, top * 1e-3])
    lo = 10.0 ** (np.floor(np.log10(low_end)) - 1)
    hi = 10.0 ** np.ceil(np.log10(top) + 0.3)
    sv = pd.DataFrame(
        {
            "i": [f"σ{i + 1}" for i in range(info.sigma.size)],
            "sigma": info.sigma,
            "shown": np.maximum(info.sigma, lo * 2),
            "base": lo,
            "status": [
                t("least_squares.sv_kept") if s > info.tol else t("least_squares.sv_zero")
                for s in info.sigma
            ],
        }
    )
    sv_chart = figures.singular_values(
        sv,
        lo,
        hi,
        info.tol,
        kept=t("least_squares.sv_kept"),
        zero=t("least_squares.sv_zero"),
        x_title=t("least_squares.sv_axis_i"),
        y_title=t("least_squares.sv_axis_sigma"),
    )
    sv_text = t(
        "least_squares.sv_alt",
        values=", ".join(f"{s:.3g}" for s in info.sigma),
        tol=f"{info.tol:.2g}",
        rtol=f"{info.rtol:.2g}",
        rank=r,
    )
    charts.show(
        sv_chart,
        sv_text,
        data=sv[["i", "sigma", "status"]],
        filename="singular_values.csv",
    )
    blocks.formula(ls.condition_number.latex)
    p.explain(t("least_squares.kappa_md", kappa=fmt(kappa)))
    blocks.misconception(t("least_squares.misc_column_rank"))

    st.markdown(f"#### {t('least_squares.pinv_header')}")
    blocks.formula(ls.pinv.latex)
    X_pinv = ls.pinv(X, rtol)
    c1, c2 = st.columns([3, 2])
    with c1:
        st.markdown(t("least_squares.pinv_table", d=d, n=n))
        st.dataframe(
            pd.DataFrame(X_pinv, index=[f"w{j + 1}" for j in range(d)]).round(6),
            width="stretch",
        )
    with c2:
        blocks.formula(ls.min_norm_solution.latex)
        st.metric(t("least_squares.m_w_star"), vec(w_star))
        st.metric(t("least_squares.m_residual"), fmt(res_star))
    blocks.misconception(t("least_squares.misc_xxt", d=d, n=n))

    # closed form vs LAPACK's lstsq; the agreement to expect grows with the conditioning
    kappa_r = float(info.sigma[0] / info.sigma[r - 1]) if r else 1.0
    scale = max(1.0, float(np.abs(w_star).max()))
    check_tol = max(1e-10, 10 * np.finfo(float).eps * kappa_r) * scale  # backward-stable bound
    w_lstsq = ls.lstsq_numeric(X, y)
    rows = [(t("least_squares.check_pinv"), w_star, w_lstsq)]
    normal_off = False
    if unique:
        w_normal = ls.normal_equations_solution(X, y, rtol)
        rows.append((t("least_squares.check_normal"), w_normal, w_lstsq))
        normal_off = float(np.abs(w_normal - w_lstsq).max()) > check_tol
    else:
        w_other = ls.solution_family(X, y, np.ones(d), rtol)
        rows.append(
            (
                t("least_squares.check_residual"),
                ls.residual_norm(X, y, w_other),
                ls.residual_norm(X, y, w_lstsq),
            )
        )
    blocks.numbers_check(rows, tol=check_tol)
    if not unique:
        st.caption(t("least_squares.no_normal", r=r, d=d))
    if normal_off:
        st.caption(t("least_squares.normal_squares", kappa2=f"{kappa_r**2:.1e}"))
    if rtol is None and np.isfinite(kappa) and unique and kappa > 1e6:
        st.caption(t("least_squares.ill_hint"))
