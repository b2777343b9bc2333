"""Least squares & the pseudoinverse: when is the minimizer unique, and which one do solvers pick?"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st
import sympy

from core import least_squares as ls
from ui import blocks, charts, page, practice
from ui.figures import least_squares as figures

p = page.setup("least_squares")
t = p.t

OWN = "own"
NOISES = [0.0, 1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 1e-1, 1.0]
RTOLS = ["auto", 1e-12, 1e-9, 1e-6, 1e-3, 1e-1]
LAMBDAS = [float(f"{v:.0e}") for v in np.logspace(-6, 3, 10)]
STEPS = [10, 30, 100, 300, 1000, 3000]
VIEWS = ["rank", "family", "ginv", "kappa", "ridge", "gd", "sympy"]  # one panel per run: fast
KAPPAS = [1.0, 10.0, 1e2, 1e3, 1e4, 1e5]
RESIDUALS = [0.0, 1e-3, 1e-2, 0.1, 1.0]
KAPPA_GRID = [float(f"{v:.3g}") for v in np.logspace(0, 5, 16)]
OWN_X = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])  # the SymPy example at t = 0
OWN_Y = np.array([[1.0], [2.0], [2.0]])
START_PATTERN = np.array([2.0, -1.0, 0.5, -1.5, 1.0, -0.5])  # "another start" for GD


def fmt(value: float) -> str:
    if not np.isfinite(value):
        return "∞"
    return f"{value:.4g}"


def vec(w: np.ndarray) -> str:
    w = np.asarray(w, float)
    digits = 4 if w.size <= 2 else 3  # long vectors must still fit in a metric
    return "(" + ", ".join(f"{v:.{digits}g}" for v in w) + ")"


@st.cache_data(max_entries=16, show_spinner=False)
def sensitivity_curve(residual: float) -> pd.DataFrame:
    """Measured gains of the two perturbations over ``KAPPA_GRID`` for one residual size."""
    rows = []
    for kappa_i in KAPPA_GRID:
        s = ls.sensitivity(*ls.conditioned_example(kappa_i, residual))
        rows.append((kappa_i, s.gain_residual, s.gain_fit, s.predicted_residual))
    return pd.DataFrame(rows, columns=["kappa", "residual", "fit", "predicted"])


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


# -------------------------------------------------------------------------------------------
# data
# -------------------------------------------------------------------------------------------
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
            X_in = p.matrix("X", t("least_squares.own_X"), default=OWN_X, max_rows=8, max_cols=4)
            y_in = p.matrix(
                "y", t("least_squares.own_y"), default=OWN_Y, max_rows=8, max_cols=1, columns=["y"]
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

view = p.select(
    "view",
    t("least_squares.view"),
    options=VIEWS,
    default="rank",
    format_func=lambda v: t(f"least_squares.tab_{v}"),
    radio=True,
)

# -------------------------------------------------------------------------------------------
# 1. rank, singular values, pseudoinverse
# -------------------------------------------------------------------------------------------
if view == "rank":
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

# -------------------------------------------------------------------------------------------
# 2. the family of minimizers
# -------------------------------------------------------------------------------------------
C_GRID = np.linspace(-3.0, 3.0, 61)
if view == "family":
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

# -------------------------------------------------------------------------------------------
# 2b. generalized inverses of XᵀX (Homework P1)
# -------------------------------------------------------------------------------------------
if view == "ginv":
    p.explain(t("least_squares.ginv_md"))
    blocks.formula(ls.generalized_inverse.latex)
    blocks.formula(ls.minimizer_from_ginv.latex)
    results = ls.compare_generalized_inverses(X, y, rtol)
    by_name = {res.name: res for res in results}

    def ginv_label(res: ls.GinvResult) -> str:
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

# -------------------------------------------------------------------------------------------
# 2c. sensitivity to X: κ for an exact fit, κ² with a residual
# -------------------------------------------------------------------------------------------
if view == "kappa":
    p.explain(t("least_squares.sens_md"))
    blocks.formula(ls.perturbation_gain.latex)
    blocks.formula(ls.sensitivity.latex)
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
    sens = ls.sensitivity(*ls.conditioned_example(kappa_demo, residual))
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
            own = ls.sensitivity(X, y)
        except ValueError as exc:
            p.error(exc)
        else:
            o1, o2, o3, o4 = st.columns(4)
            o1.metric("κ", fmt(own.kappa))
            o2.metric(t("least_squares.m_ratio"), f"{own.residual_ratio:.3g}")
            o3.metric(t("least_squares.m_gain_res"), fmt(own.gain_residual))
            o4.metric(t("least_squares.m_gain_fit"), fmt(own.gain_fit))
            st.caption(t("least_squares.sens_data_md", pred=fmt(own.predicted_residual)))

# -------------------------------------------------------------------------------------------
# 3. ridge
# -------------------------------------------------------------------------------------------
if view == "ridge":
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

# -------------------------------------------------------------------------------------------
# 4. gradient descent
# -------------------------------------------------------------------------------------------
if view == "gd":
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

# -------------------------------------------------------------------------------------------
# 5. SymPy
# -------------------------------------------------------------------------------------------
if view == "sympy":
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

practice.section(p)
