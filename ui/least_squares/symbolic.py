"""SymPy view: the normal equations of the course's example derived symbolically, solved at t."""

from __future__ import annotations

import streamlit as st
import sympy

from core import least_squares as ls
from ui.least_squares.data import Problem
from ui.least_squares.fmt import vec
from ui.page import Page


@st.cache_resource
def symbolic_latex() -> dict[str, str]:
    """The SymPy derivation as LaTeX: it does not depend on any widget, so render it once."""
    sym = ls.symbolic_normal_equations()
    return {
        "X": sympy.latex(sym.X),
        "y": sympy.latex(sym.y),
        "w": sympy.latex(sym.w),
        "loss": sympy.latex(sym.loss),
        "gradient": sympy.latex(sym.gradient),
        "XtX": sympy.latex(sym.XtX),
        "Xty": sympy.latex(sym.Xty),
        "det": sympy.latex(sym.det),
    }


def show(p: Page, prob: Problem) -> None:
    """The sympy view of the least-squares page."""
    t = p.t
    p.explain(t("least_squares.sympy_md"))
    tex = symbolic_latex()
    t_val = p.slider("t", t("least_squares.t"), -1.0, 1.0, default=0.0, step=0.1)
    st.latex(r"X(t) = " + tex["X"] + r",\qquad \mathbf{y} = " + tex["y"])
    st.latex(
        r"L(\mathbf{w}) = \frac{1}{2n}\lVert X\mathbf{w} - \mathbf{y}\rVert^2 = " + tex["loss"]
    )
    st.latex(r"\nabla L(\mathbf{w}) = " + tex["gradient"] + r" = \mathbf{0}")
    st.latex(
        r"\Longleftrightarrow\quad X^\top X\,\mathbf{w} = X^\top\mathbf{y}:\quad "
        + tex["XtX"]
        + tex["w"]
        + " = "
        + tex["Xty"]
    )
    st.latex(r"\det(X^\top X) = " + tex["det"])
    st.divider()
    A_t, b_t = ls.symbolic_system_at(t_val)
    det_t, solutions = ls.symbolic_solutions(t_val)
    X_t, y_t = ls.symbolic_example_numeric(t_val)
    w_t = ls.min_norm_solution(X_t, y_t)
    s1, s2 = st.columns([3, 2])
    with s1:
        st.latex(
            f"t = {t_val:g}" + r":\quad " + sympy.latex(A_t) + tex["w"] + " = " + sympy.latex(b_t)
        )
        st.latex(r"\{\mathbf{w}\} = " + sympy.latex(solutions))
    with s2:
        st.metric(t("least_squares.m_det", t=f"{t_val:.1f}"), str(det_t))
    if det_t == 0:
        st.warning(t("least_squares.sympy_line", w=vec(w_t)), icon=":material/warning:")
    else:
        st.success(t("least_squares.sympy_point", w=vec(w_t)), icon=":material/check_circle:")
