"""The data section of the least-squares page: the example (or a typed X, y), the rank
tolerance, and the numbers every view starts from."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from core import least_squares as ls
from ui.least_squares.fmt import fmt
from ui.page import Page

OWN = "own"
NOISES = [0.0, 1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 1e-1, 1.0]
RTOLS = ["auto", 1e-12, 1e-9, 1e-6, 1e-3, 1e-1]
OWN_X = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])  # the SymPy example at t = 0
OWN_Y = np.array([[1.0], [2.0], [2.0]])


@dataclass(frozen=True)
class Problem:
    """The chosen data and what core says about it (the rank tolerance ``rtol`` applied)."""

    X: np.ndarray  # (n, d)
    y: np.ndarray  # (n,)
    rtol: float | None  # None: automatic
    n: int
    d: int
    info: ls.SVDInfo
    r: int  # rank
    k: int  # dimension of the null space, d - r
    unique: bool
    kappa: float
    w_star: np.ndarray  # (d,) X^+ y with rtol
    N: np.ndarray  # (d, k) null-space basis with rtol
    res_star: float
    # Ridge and gradient descent know nothing of the rank tolerance: their limit is the exact X⁺y.
    w_ref: np.ndarray  # (d,)
    N_ref: np.ndarray  # (d, k_ref)
    k_ref: int


def show(p: Page) -> Problem:
    """Draw the data section and return the problem (stops the page on invalid typed data)."""
    t = p.t
    st.subheader(t("least_squares.data_header"))
    left, right = st.columns([1, 1])
    with left:
        example = p.select(
            "example",
            t("least_squares.example"),
            options=[*ls.EXAMPLES, OWN],
            default="dup",
            format_func=lambda o: t(f"least_squares.ex.{o}"),
            radio=True,
        )
        if example == "near":
            noise = p.select_slider(
                "noise",
                t("least_squares.noise"),
                options=NOISES,
                default=1e-3,
                format_func=lambda v: "0" if v == 0 else f"{v:.0e}",
                help=t("least_squares.noise_help"),
            )
        else:
            noise = 1e-3
        if example != OWN:
            seed = p.number("seed", t("least_squares.seed"), 0, 9999, default=0)
        rtol_choice = p.select_slider(
            "rtol",
            t("least_squares.rtol"),
            options=RTOLS,
            default="auto",
            format_func=lambda v: t("least_squares.rtol_auto") if v == "auto" else f"{v:.0e}",
            help=t("least_squares.rtol_help"),
        )
        rtol = None if rtol_choice == "auto" else float(rtol_choice)
        p.explain(t(f"least_squares.ex_md.{example}"))

    with right:
        try:
            if example == OWN:
                X_in = p.matrix(
                    "X", t("least_squares.own_X"), default=OWN_X, max_rows=8, max_cols=4
                )
                y_in = p.matrix(
                    "y",
                    t("least_squares.own_y"),
                    default=OWN_Y,
                    max_rows=8,
                    max_cols=1,
                    columns=["y"],
                )
                X, y = ls.check_data(X_in, y_in)  # shapes, empty cells, size of the numbers
            else:
                X, y = ls.example_data(example, noise=noise, seed=seed)
                table = pd.DataFrame(X, columns=[f"x{j + 1}" for j in range(X.shape[1])])
                table["y"] = y
                st.dataframe(table, hide_index=True, width="stretch")
        except ValueError as exc:
            p.error(exc)
            st.stop()

    n, d = X.shape
    info = ls.svd_info(X, rtol)
    r = info.rank
    k = d - r
    unique = ls.is_unique(X, rtol)
    kappa = ls.condition_number(X)
    w_star = ls.min_norm_solution(X, y, rtol)
    N = ls.null_space(X, rtol)  # (d, k)
    res_star = ls.residual_norm(X, y, w_star)

    cols = st.columns(5)
    cols[0].metric(t("least_squares.m_shape"), f"{n} × {d}")
    cols[1].metric(t("least_squares.m_rank"), r)
    cols[2].metric(t("least_squares.m_null"), k)
    cols[3].metric(t("least_squares.m_kappa"), fmt(kappa))
    cols[4].metric(
        t("least_squares.m_unique"), t("least_squares.yes") if unique else t("least_squares.no")
    )
    if unique:
        st.success(t("least_squares.verdict_unique", d=d), icon=":material/check_circle:")
    else:
        why = "wide" if d > n else "deficient"
        st.warning(t(f"least_squares.verdict_{why}", d=d, n=n, r=r, k=k), icon=":material/warning:")

    # Ridge and gradient descent know nothing of the rank tolerance: their limit is the exact X⁺y.
    w_ref = ls.min_norm_solution(X, y)
    N_ref = ls.null_space(X)
    k_ref = N_ref.shape[1]
    return Problem(
        X=X,
        y=y,
        rtol=rtol,
        n=n,
        d=d,
        info=info,
        r=r,
        k=k,
        unique=unique,
        kappa=kappa,
        w_star=w_star,
        N=N,
        res_star=res_star,
        w_ref=w_ref,
        N_ref=N_ref,
        k_ref=k_ref,
    )
