"""Sensitivity view: κ for an exact fit, κ² with a residual, measured on a constructed example and
on the chosen data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core import sensitivity as sv
from ui import blocks, charts
from ui.figures import least_squares as figures
from ui.least_squares.data import Problem
from ui.least_squares.fmt import fmt
from ui.page import Page

KAPPAS = [1.0, 10.0, 1e2, 1e3, 1e4, 1e5]
RESIDUALS = [0.0, 1e-3, 1e-2, 0.1, 1.0]
KAPPA_GRID = [float(f"{v:.3g}") for v in np.logspace(0, 5, 16)]


@st.cache_data(max_entries=16, show_spinner=False)
def sensitivity_curve(residual: float) -> pd.DataFrame:
    """Measured gains of the two perturbations over ``KAPPA_GRID`` for one residual size."""
    rows = []
    for kappa_i in KAPPA_GRID:
        s = sv.sensitivity(*sv.conditioned_example(kappa_i, residual))
        rows.append((kappa_i, s.gain_residual, s.gain_fit, s.predicted_residual))
    return pd.DataFrame(rows, columns=["kappa", "residual", "fit", "predicted"])


def show(p: Page, prob: Problem) -> None:
    """The kappa view of the least-squares page."""
    t = p.t
    X, y, d, r, unique = prob.X, prob.y, prob.d, prob.r, prob.unique
    p.explain(t("least_squares.sens_md"))
    blocks.formula(sv.perturbation_gain.latex)
    blocks.formula(sv.sensitivity.latex)
    st.markdown(f"#### {t('least_squares.sens_demo_header')}")
    st.caption(t("least_squares.sens_demo_md"))
    k1, k2 = st.columns(2)
    with k1:
        kappa_demo = p.select_slider(
            "kappa", "κ", options=KAPPAS, default=1e3, format_func=lambda v: f"{v:g}"
        )
    with k2:
        residual = p.select_slider(
            "residual",
            t("least_squares.residual"),
            options=RESIDUALS,
            default=0.1,
            format_func=lambda v: f"{v:g}",
        )
    sens = sv.sensitivity(*sv.conditioned_example(kappa_demo, residual))
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("κ", fmt(sens.kappa))
    m2.metric(t("least_squares.m_pred_res"), fmt(sens.predicted_residual))
    m3.metric(t("least_squares.m_gain_res"), fmt(sens.gain_residual))
    m4.metric(t("least_squares.m_gain_fit"), fmt(sens.gain_fit))
    curve = sensitivity_curve(residual)
    lab_res, lab_fit = t("least_squares.s_gain_res"), t("least_squares.s_gain_fit")
    lab_k2, lab_k = t("least_squares.s_kappa2"), t("least_squares.s_kappa")
    series = [(lab_res, "residual"), (lab_fit, "fit"), (lab_k, "kappa")]
    if residual > 0:  # an exact fit has no κ² term: nothing to draw on a log axis
        series.insert(2, (lab_k2, "predicted"))
    long = pd.concat(
        [
            pd.DataFrame({"kappa": curve["kappa"], "gain": curve[col], "series": label})
            for label, col in series
        ],
        ignore_index=True,
    )
    long = long[long["gain"] > 0]  # a log axis cannot place an exact 0
    gain_chart = figures.sensitivity(long, kappa_demo, y_title=t("least_squares.s_gain_axis"))
    charts.show(
        gain_chart,
        t(
            "least_squares.sens_alt",
            residual=f"{residual:g}",
            kappa=fmt(kappa_demo),
            res=fmt(sens.gain_residual),
            fit=fmt(sens.gain_fit),
            slope=f"{(2 if residual > 0 else 1)}",
        ),
        data=long,
        filename="sensitivity.csv",
    )
    check_rows = [(t("least_squares.check_gain_fit"), 1.0, sens.gain_fit / sens.predicted_fit)]
    if residual > 0:
        check_rows.insert(
            0,
            (t("least_squares.check_gain_res"), 1.0, sens.gain_residual / sens.predicted_residual),
        )
    else:
        st.caption(t("least_squares.sens_exact", res=fmt(sens.gain_residual)))
    blocks.numbers_check(check_rows, tol=1e-2)
    blocks.misconception(t("least_squares.misc_kappa"))

    st.markdown(f"#### {t('least_squares.sens_data_header')}")
    if not unique:
        st.info(t("least_squares.sens_not_unique", r=r, d=d), icon=":material/info:")
    else:
        try:
            own = sv.sensitivity(X, y)
        except ValueError as exc:
            p.error(exc)
        else:
            o1, o2, o3, o4 = st.columns(4)
            o1.metric("κ", fmt(own.kappa))
            o2.metric(t("least_squares.m_ratio"), f"{own.residual_ratio:.3g}")
            o3.metric(t("least_squares.m_gain_res"), fmt(own.gain_residual))
            o4.metric(t("least_squares.m_gain_fit"), fmt(own.gain_fit))
            st.caption(t("least_squares.sens_data_md", pred=fmt(own.predicted_residual)))
