"""Gradient-descent view: two starts, the distance to X⁺y and the null-space part that never
changes."""

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

STEPS = [10, 30, 100, 300, 1000, 3000]
START_PATTERN = np.array([2.0, -1.0, 0.5, -1.5, 1.0, -0.5])  # "another start" for GD


def show(p: Page, prob: Problem) -> None:
    """The gd view of the least-squares page."""
    t = p.t
    X, y, rtol, d, w_ref, N_ref, k_ref = (
        prob.X,
        prob.y,
        prob.rtol,
        prob.d,
        prob.w_ref,
        prob.N_ref,
        prob.k_ref,
    )
    p.explain(t("least_squares.gd_md"))
    if rtol is not None:
        st.caption(t("least_squares.no_rtol_note"))
    blocks.formula(ls.gradient_descent.latex)
    g1, g2 = st.columns(2)
    with g1:
        lr_frac = p.slider(
            "lr",
            t("least_squares.lr_frac"),
            0.05,
            1.2,
            default=0.2,
            step=0.05,
            help=t("least_squares.lr_help"),
        )
    with g2:
        steps = p.select_slider("steps", t("least_squares.steps"), options=STEPS, default=300)
    lr_max = ls.max_stable_lr(X)
    lr = lr_frac * lr_max if np.isfinite(lr_max) else lr_frac
    w0_other = np.resize(START_PATTERN, d)
    starts = {t("least_squares.start_zero"): np.zeros(d), t("least_squares.start_other"): w0_other}
    runs = {name: ls.gradient_descent(X, y, w0, lr, steps) for name, w0 in starts.items()}
    st.caption(t("least_squares.lr_value", lr=fmt(lr), lr_max=fmt(lr_max), frac=f"{lr_frac:.2f}"))

    diverged = any(not np.all(np.isfinite(W[-1])) for W in runs.values())
    if diverged or lr_frac > 1.0:
        st.error(
            t("least_squares.gd_diverge", frac=f"{lr_frac:.2f}"), icon=":material/trending_up:"
        )
    W_zero, W_other = runs.values()
    limit_other = w_ref + ls.project_null_space(X, w0_other)
    m1, m2, m3 = st.columns([2, 2, 1])
    if np.all(np.isfinite(W_zero[-1])):
        m1.metric(t("least_squares.m_gd_zero"), vec(W_zero[-1]))
        m2.metric(t("least_squares.m_gd_other"), vec(W_other[-1]))
        m3.metric(t("least_squares.m_gd_gap"), f"{np.linalg.norm(W_zero[-1] - w_ref):.2e}")
        st.caption(
            t(
                "least_squares.gd_limits",
                w_star=vec(w_ref),
                limit=vec(limit_other),
                null=fmt(float(np.linalg.norm(limit_other - w_ref))),
            )
        )
    records = []
    for name, W in runs.items():
        ok = np.all(np.isfinite(W), axis=1)
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging run may overflow here
            dist = np.linalg.norm(W[ok] - w_ref, axis=1)
            null_part = ls.project_null_space(X, W[ok])
            null_norm = np.linalg.norm(null_part, axis=1)
        finite = np.isfinite(dist) & np.isfinite(null_norm)
        records.append(
            pd.DataFrame(
                {
                    "t": np.flatnonzero(ok)[finite],
                    "dist": np.maximum(dist[finite], 1e-16),
                    "null": null_norm[finite],
                }
            ).assign(start=name)
        )
    traj = pd.concat(records, ignore_index=True)
    # thin long runs for the chart; the CSV keeps every step
    every = max(1, steps // 300)
    shown = traj[traj["t"] % every == 0]
    dist_chart = charts.lines(
        shown,
        "t",
        "dist",
        "start",
        x_title=t("least_squares.gd_axis_t"),
        y_title=t("least_squares.gd_axis_dist"),
        log_y=True,
        height=240,
    )
    null_chart = charts.lines(
        shown,
        "t",
        "null",
        "start",
        x_title=t("least_squares.gd_axis_t"),
        y_title=t("least_squares.gd_axis_null"),
        height=240,
    )
    last = traj.groupby("start").tail(1).set_index("start")
    gd_text = t(
        "least_squares.gd_alt",
        steps=steps,
        d0=f"{last.loc[t('least_squares.start_zero'), 'dist']:.2e}",
        d1=f"{last.loc[t('least_squares.start_other'), 'dist']:.2e}",
        n1=fmt(float(last.loc[t("least_squares.start_other"), "null"])),
    )
    c1, c2 = st.columns(2)
    with c1:
        charts.show(dist_chart, gd_text, data=traj, filename="gradient_descent.csv")
    with c2:
        charts.show(null_chart, t("least_squares.gd_null_alt", k=k_ref))
    if d == 2:
        paths = []
        for name, W in runs.items():
            ok = np.all(np.isfinite(W), axis=1)
            idx = np.flatnonzero(ok)
            idx = idx[idx % every == 0]
            paths.append(pd.DataFrame(W[idx], columns=["w1", "w2"]).assign(t=idx, start=name))
        path_frame = pd.concat(paths, ignore_index=True)
        finite_ends = [W[np.all(np.isfinite(W), axis=1)][-1] for W in runs.values()]
        span_pts = (
            [w0_other, np.zeros(2), *finite_ends] if not diverged else [w0_other, np.zeros(2)]
        )
        marks = pd.DataFrame([w_ref], columns=["w1", "w2"]).assign(
            what=[t("least_squares.pt_w_star")]
        )
        charts.show(
            figures.loss_field(X, y, w_ref, N_ref, span_pts, path_frame, marks),
            t("least_squares.gd_contour_alt", w_star=vec(w_ref), limit=vec(limit_other)),
        )
