"""L1 regularization: the proximal (soft-threshold) solution, subgradients and ISTA."""

import numpy as np
import pandas as pd
import streamlit as st

from core import l1_proximal as l1
from ui import blocks, charts, page, practice
from ui.figures import l1_proximal as figures

p = page.setup("l1_proximal")
t = p.t

H_OPTIONS = [0.1, 0.15, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0]
LR_FACTORS = [0.1, 0.25, 0.5, 1.0, 1.5, 1.9]
# One row per weight (w*, H_ii); with alpha = 1 it mixes survivors, a zeroed positive and a
# zeroed *negative* weight (the sign misconception) and a flat direction that is cut first.
DEFAULT_TABLE = np.array([[2.0, 1.0], [-0.4, 2.0], [0.8, 0.5], [-2.5, 1.0], [0.3, 5.0], [1.2, 0.2]])
N_SAMPLES, N_FEATURES, N_INFORMATIVE = 40, 8, 3


def num(x: float) -> str:
    """Short display of a number (exact zeros show as 0)."""
    return f"{float(x):.4g}"


@st.cache_data(max_entries=64, show_spinner=False)
def ista_run(alpha_ista, noise, seed_ista, rho, whiten, steps, lr_factor) -> dict:
    """Everything the ISTA section computes (cached: the other sections' sliders skip it)."""
    X, y, w_true = l1.sparse_regression(
        N_SAMPLES, N_FEATURES, N_INFORMATIVE, noise, seed_ista, whiten=whiten, rho=rho
    )
    inv_L = l1.default_lr(X)
    lr = lr_factor * inv_L
    W = l1.ista(X, y, alpha_ista, steps, lr=lr)  # (steps + 1, d)
    w_hat, _ = l1.lasso_solution(X, y, alpha_ista)
    return {
        "W": W,
        "w_hat": w_hat,
        "w_ls": l1.lasso_solution(X, y, 0.0)[0],
        "w_true": w_true,
        "lr": lr,
        "inv_L": inv_L,
        "F": l1.lasso_objective(X, y, W, alpha_ista),
        "F_hat": l1.lasso_objective(X, y, w_hat, alpha_ista),
        "w_lbfgsb": l1.lasso_lbfgsb(X, y, alpha_ista),
        "kkt": l1.lasso_kkt_violation(X, y, w_hat, alpha_ista),
    }


# ------------------------------------------------------------------------------- one weight
st.header(t("l1_proximal.one_header"))
c1, c2, c3 = st.columns(3)
with c1:
    alpha = p.slider(
        "alpha",
        t("l1_proximal.alpha"),
        0.0,
        5.0,
        default=1.0,
        step=0.05,
        help=t("l1_proximal.alpha_help"),
    )
with c2:
    H = p.select_slider(
        "H", t("l1_proximal.H"), options=H_OPTIONS, default=1.0, help=t("l1_proximal.H_help")
    )
with c3:
    w_star = p.slider(
        "w_star",
        t("l1_proximal.w_star"),
        -5.0,
        5.0,
        default=1.5,
        step=0.05,
        help=t("l1_proximal.w_star_help"),
    )

w_l1 = float(l1.soft_threshold(w_star, alpha, H))
w_l2 = float(l1.l2_shrink(w_star, alpha, H))
thr = float(l1.threshold(alpha, H))

m1, m2, m3, m4 = st.columns(4)
m1.metric(t("l1_proximal.m_l1"), num(w_l1))
m2.metric(t("l1_proximal.m_l2"), num(w_l2))
m3.metric(t("l1_proximal.m_thr"), num(thr))
m4.metric(t("l1_proximal.m_zero"), t("l1_proximal.yes") if w_l1 == 0.0 else t("l1_proximal.no"))

p.explain(t("l1_proximal.objective_md"))
blocks.formula(l1.OBJECTIVE_LATEX)
blocks.formula(l1.soft_threshold.latex)
st.latex(l1.soft_threshold_worked_latex(w_star, alpha, H))

# The window always shows both 0 (the kink) and w* (the unpenalized minimum).
w_lo, w_hi = min(0.0, w_star) - 1.5, max(0.0, w_star) + 1.5
ws = np.union1d(np.linspace(w_lo, w_hi, 241), [0.0, w_l1])
curve_l1, curve_quad = t("l1_proximal.curve_l1"), t("l1_proximal.curve_quad")
f_l1 = l1.l1_quadratic_terms(ws, w_star, alpha, H)  # the 1-D objective as a curve
f_quad = l1.l1_quadratic_terms(ws, w_star, 0.0, H)
f_min = l1.l1_quadratic_objective(w_l1, w_star, alpha, H)
obj_frame = pd.concat(
    [
        pd.DataFrame({"w": ws, "f": f_l1, "curve": curve_l1}),
        pd.DataFrame({"w": ws, "f": f_quad, "curve": curve_quad}),
    ]
)
# Subgradient graph: two lines (w < 0, w > 0) and the vertical segment at w = 0.
lo0, hi0 = l1.subdifferential(0.0, w_star, alpha, H)
(w_neg, g_neg), (w_pos, g_pos) = l1.subgradient_branches(ws, w_star, alpha, H)
sub_frame = pd.concat(
    [
        pd.DataFrame({"w": w_neg, "g": g_neg, "piece": "w<0"}),
        pd.DataFrame({"w": w_pos, "g": g_pos, "piece": "w>0"}),
    ]
)
left_col, right_col = st.columns(2)
with left_col:
    charts.show(
        figures.objective(
            obj_frame,
            w_l1,
            f_min,
            w_star,
            curves=(curve_l1, curve_quad),
            x_title=t("l1_proximal.x_w"),
            y_title=t("l1_proximal.y_objective"),
        ),
        t(
            "l1_proximal.obj_alt",
            H=num(H),
            shift=l1.shifted_w_text(w_star),
            w_star=num(w_star),
            alpha=num(alpha),
            w=num(w_l1),
            f_min=num(f_min),
        ),
    )
with right_col:
    charts.show(
        figures.subgradient(
            sub_frame,
            w_l1,
            (lo0, hi0),
            x_title=t("l1_proximal.x_w"),
            y_title=t("l1_proximal.y_subgrad"),
        ),
        t(
            "l1_proximal.sub_alt",
            H=num(H),
            shift=l1.shifted_w_text(w_star),
            w_star=num(w_star),
            alpha=num(alpha),
            lo0=num(lo0),
            hi0=num(hi0),
            w=num(w_l1),
        ),
    )

p.explain(t("l1_proximal.subgrad_md"))
blocks.formula(l1.subdifferential.latex)
zero_args = {"lo": num(lo0), "hi": num(hi0), "abs_w": num(abs(w_star)), "thr": num(thr)}
if w_l1 == 0.0:
    st.markdown(t("l1_proximal.sub_zero_in", **zero_args))
else:
    lo, hi = l1.subdifferential(w_l1, w_star, alpha, H)
    st.markdown(t("l1_proximal.sub_in", w=num(w_l1), lo=num(lo), hi=num(hi)))
    st.markdown(t("l1_proximal.sub_zero_out", **zero_args))

blocks.misconception(t("l1_proximal.misc_sign"))
blocks.misconception(t("l1_proximal.misc_derivative"))
blocks.numbers_check(
    [(t("l1_proximal.check_one"), w_l1, l1.numerical_minimizer(w_star, alpha, H))], tol=1e-6
)

# ------------------------------------------------------------------------------- derivation
st.subheader(t("l1_proximal.deriv_header"))
p.explain(t("l1_proximal.deriv_md"))
for i, (step, latex) in enumerate(l1.DERIVATION_STEPS, start=1):
    st.markdown(f"{i}. " + t(f"l1_proximal.deriv_{step}"))
    blocks.formula(latex)
w_double = float(l1.double_counted_minimizer(w_star, alpha, H))
blocks.misconception(
    t(
        "l1_proximal.misc_double",
        w=num(w_l1),
        w2=num(w_double),
        thr=num(thr),
        thr2=num(l1.double_counted_threshold(alpha, H)),
        w_star=num(w_star),
    )
)
with st.expander(t("l1_proximal.double_latex")):
    blocks.formula(l1.DOUBLE_COUNT_LATEX)
    blocks.formula(l1.double_counted_minimizer.latex)

# ------------------------------------------------------------------------------- the map
st.header(t("l1_proximal.map_header"))
p.explain(t("l1_proximal.map_md"))
blocks.formula(l1.l2_shrink.latex)
R = 5.0
grid = np.union1d(np.linspace(-R, R, 201), np.clip([-thr, thr], -R, R))
lab_l1, lab_l2, lab_id = (t(f"l1_proximal.line_{k}") for k in ("l1", "l2", "id"))
map_frame = pd.concat(
    [
        pd.DataFrame({"w_star": grid, "w": l1.soft_threshold(grid, alpha, H), "map": lab_l1}),
        pd.DataFrame({"w_star": grid, "w": l1.l2_shrink(grid, alpha, H), "map": lab_l2}),
        pd.DataFrame({"w_star": grid, "w": grid, "map": lab_id}),
    ]
)
charts.show(
    figures.threshold_map(
        map_frame,
        w_star,
        w_l1,
        w_l2,
        thr,
        R,
        maps=(lab_l1, lab_l2, lab_id),
        x_title=t("l1_proximal.x_w_star"),
        y_title=t("l1_proximal.y_w"),
    ),
    t(
        "l1_proximal.map_alt",
        thr=num(thr),
        slope=num(H / (H + alpha)),
        w_star=num(w_star),
        w_l1=num(w_l1),
        w_l2=num(w_l2),
    ),
    data=map_frame,
    filename="soft_threshold_map.csv",
)

# ------------------------------------------------------------------------------- elastic net
st.header(t("l1_proximal.en_header"))
p.explain(t("l1_proximal.en_md"))
alpha2 = p.slider(
    "alpha2",
    t("l1_proximal.alpha2"),
    0.0,
    5.0,
    default=1.0,
    step=0.05,
    help=t("l1_proximal.alpha2_help"),
)
w_en = float(l1.elastic_net(w_star, alpha, alpha2, H))
w_l2_only = float(l1.l2_shrink(w_star, alpha2, H))
e1, e2, e3 = st.columns(3)
e1.metric(t("l1_proximal.m_en"), num(w_en))
e2.metric(t("l1_proximal.m_en_factor"), num(H / (H + alpha2)))
e3.metric(t("l1_proximal.m_en_zero"), t("l1_proximal.yes") if w_en == 0.0 else t("l1_proximal.no"))
lab_en = tuple(t(f"l1_proximal.en_line_{k}") for k in ("l1", "l2", "en")) + (lab_id,)
en_frame = pd.concat(
    [
        pd.DataFrame({"w_star": grid, "w": l1.soft_threshold(grid, alpha, H), "map": lab_en[0]}),
        pd.DataFrame({"w_star": grid, "w": l1.l2_shrink(grid, alpha2, H), "map": lab_en[1]}),
        pd.DataFrame(
            {"w_star": grid, "w": l1.elastic_net(grid, alpha, alpha2, H), "map": lab_en[2]}
        ),
        pd.DataFrame({"w_star": grid, "w": grid, "map": lab_id}),
    ]
)
charts.show(
    figures.elastic_net_map(
        en_frame,
        w_star,
        (w_l1, w_l2_only, w_en),
        thr,
        R,
        maps=lab_en,
        x_title=t("l1_proximal.x_w_star"),
        y_title=t("l1_proximal.y_w"),
    ),
    t(
        "l1_proximal.en_map_alt",
        thr=num(thr),
        slope=num(H / (H + alpha2)),
        w_star=num(w_star),
        w_l1=num(w_l1),
        w_l2=num(w_l2_only),
        w_en=num(w_en),
    ),
    data=en_frame,
    filename="elastic_net_map.csv",
)
st.markdown(t("l1_proximal.en_deriv_md"))
for i, (step, latex) in enumerate(l1.ELASTIC_NET_STEPS, start=1):
    st.markdown(f"{i}. " + t(f"l1_proximal.en_step_{step}"))
    blocks.formula(latex)
p.explain(t("l1_proximal.en_adds_md"))
p.explain(t("l1_proximal.en_slides_md"))
blocks.numbers_check(
    [(t("l1_proximal.check_en"), w_en, l1.elastic_net_numerical(w_star, alpha, alpha2, H))],
    tol=1e-6,
)

# ------------------------------------------------------------------------------- vector view
st.header(t("l1_proximal.vec_header"))
p.explain(t("l1_proximal.vec_md"))
source = p.select(
    "source",
    t("l1_proximal.source"),
    options=["edit", "random"],
    default="edit",
    format_func=lambda o: t(f"l1_proximal.source.{o}"),
    radio=True,
)
w_star_v = H_v = None
if source == "random":
    r1, r2 = st.columns(2)
    with r1:
        d = p.slider("d", t("l1_proximal.d"), 2, 12, default=8)
    with r2:
        seed = p.number("seed", t("l1_proximal.seed"), 0, 9999, default=0)
    w_star_v, H_v = l1.random_weights(d, seed)
else:
    table = p.matrix(
        "weights",
        t("l1_proximal.table"),
        default=DEFAULT_TABLE,
        max_rows=12,
        max_cols=2,
        columns=["w∗", "H_ii"],
    )
    try:
        w_star_v, H_v = l1.weights_from_table(table)
    except ValueError as exc:
        p.error(exc)

if w_star_v is not None:
    d = len(w_star_v)
    w_l1_v = l1.soft_threshold(w_star_v, alpha, H_v)
    w_l2_v = l1.l2_shrink(w_star_v, alpha, H_v)
    names = [f"w{i + 1}" for i in range(d)]
    zero_l1 = w_l1_v == 0.0
    v1, v2 = st.columns(2)
    v1.metric(t("l1_proximal.m_zeros_l1"), t("l1_proximal.of_d", k=int(zero_l1.sum()), d=d))
    v2.metric(t("l1_proximal.m_zeros_l2"), t("l1_proximal.of_d", k=int(np.sum(w_l2_v == 0.0)), d=d))
    lab_ws, lab_b1, lab_b2 = (t(f"l1_proximal.bar_{k}") for k in ("w_star", "l1", "l2"))
    bar_frame = figures.bars_frame(names, [(lab_ws, w_star_v), (lab_b1, w_l1_v), (lab_b2, w_l2_v)])
    bar_chart = figures.grouped_bars(
        bar_frame,
        [lab_ws, lab_b1, lab_b2],
        [figures.GREY, charts.PALETTE[0], charts.PALETTE[2]],
        x_title=t("l1_proximal.x_weight"),
        y_title=t("l1_proximal.y_value"),
    )
    zeros = ", ".join(n for n, z in zip(names, zero_l1, strict=True) if z) or t("l1_proximal.none")
    table_out = pd.DataFrame(
        {
            t("l1_proximal.col_weight"): names,
            "w∗": w_star_v,
            "H_ii": H_v,
            t("l1_proximal.col_thr"): l1.threshold(alpha, H_v),
            "L1": w_l1_v,
            "L2": w_l2_v,
            t("l1_proximal.col_zero"): np.where(zero_l1, "✓", ""),
        }
    )
    charts.show(
        bar_chart,
        t("l1_proximal.vec_alt", d=d, alpha=num(alpha), zeros=zeros),
        data=table_out,
        filename="weights.csv",
    )
    numeric_v = np.array(
        [l1.numerical_minimizer(ws_i, alpha, h_i) for ws_i, h_i in zip(w_star_v, H_v, strict=True)]
    )
    blocks.numbers_check([(t("l1_proximal.check_vec"), w_l1_v, numeric_v)], tol=1e-6)

# ------------------------------------------------------------------------------- ISTA
st.header(t("l1_proximal.ista_header"))
p.explain(t("l1_proximal.ista_md", k=N_INFORMATIVE, d=N_FEATURES))
i1, i2, i3 = st.columns(3)
with i1:
    alpha_ista = p.slider(
        "alpha_ista", t("l1_proximal.alpha_ista"), 0.0, 2.0, default=0.3, step=0.05
    )
    noise = p.slider("noise", t("l1_proximal.noise"), 0.0, 2.0, default=0.5, step=0.1)
    rho = p.slider(
        "rho",
        t("l1_proximal.rho"),
        0.0,
        0.95,
        default=0.7,
        step=0.05,
        help=t("l1_proximal.rho_help"),
    )
with i2:
    steps = p.slider("steps", t("l1_proximal.steps"), 1, 500, default=100)
    lr_factor = p.select_slider(
        "lr_factor",
        t("l1_proximal.lr_factor"),
        options=LR_FACTORS,
        default=1.0,
        help=t("l1_proximal.lr_help"),
    )
with i3:
    seed_ista = p.number("seed_ista", t("l1_proximal.seed_ista"), 0, 9999, default=0)
    whiten = p.checkbox(
        "whiten", t("l1_proximal.whiten"), default=False, help=t("l1_proximal.whiten_help")
    )

run = ista_run(alpha_ista, noise, seed_ista, rho, whiten, steps, lr_factor)
W, w_hat, w_ls, w_true = run["W"], run["w_hat"], run["w_ls"], run["w_true"]
lr, inv_L = run["lr"], run["inv_L"]

blocks.formula(l1.LASSO_LATEX)
blocks.formula(l1.ista.latex[0])
st.caption(t("l1_proximal.lr_note", lr=num(lr), inv_L=num(inv_L)))

names = [f"w{j + 1}" for j in range(N_FEATURES)]
nnz = np.count_nonzero(W, axis=1)  # (steps + 1,)
same_zeros = bool(np.array_equal(W[-1] == 0.0, w_hat == 0.0))
s1, s2, s3 = st.columns(3)
s1.metric(t("l1_proximal.m_nnz"), f"{int(nnz[-1])} / {N_FEATURES}")
s2.metric(t("l1_proximal.m_dist"), f"{float(np.max(np.abs(W[-1] - w_hat))):.2e}")
s3.metric(t("l1_proximal.m_support"), t("l1_proximal.yes") if same_zeros else t("l1_proximal.no"))

ks = np.arange(steps + 1)
heat = figures.iterates(
    W, names, x_title=t("l1_proximal.x_step"), title=t("l1_proximal.heat_title")
)
support = ", ".join(n for n, v in zip(names, W[-1], strict=True) if v != 0.0) or t(
    "l1_proximal.none"
)
charts.show(
    heat,
    t(
        "l1_proximal.heat_alt",
        d=N_FEATURES,
        steps=steps,
        nnz=int(nnz[-1]),
        support=support,
        nnz_ref=int(np.count_nonzero(w_hat)),
        nnz_true=int(np.count_nonzero(w_true)),
    ),
    data=pd.DataFrame(W, columns=names).assign(k=ks),
    filename="ista_iterates.csv",
)

F, F_hat = run["F"], run["F_hat"]
# ISTA never goes below the optimum; the floor keeps the log scale finite once it arrives.
gap = np.maximum(F - F_hat, 1e-16)
conv_frame = pd.DataFrame({"k": ks, "gap": gap, "nnz": nnz})
g1, g2 = st.columns(2)
with g1:
    gap_chart = figures.optimality_gap(
        conv_frame, x_title=t("l1_proximal.x_step"), y_title=t("l1_proximal.y_gap")
    )
    charts.show(
        gap_chart,
        t(
            "l1_proximal.conv_alt",
            gap0=f"{gap[0]:.3g}",
            gapk=f"{gap[-1]:.2e}",
            steps=steps,
            nnz=int(nnz[-1]),
        ),
        data=conv_frame,
        filename="ista_convergence.csv",
    )
with g2:
    nnz_chart = figures.support_size(
        conv_frame, N_FEATURES, x_title=t("l1_proximal.x_step"), y_title=t("l1_proximal.y_nnz")
    )
    charts.show(
        nnz_chart,
        t(
            "l1_proximal.nnz_alt",
            peak=int(nnz.max()),
            k_peak=int(np.argmax(nnz)),
            nnz=int(nnz[-1]),
            nnz_ref=int(np.count_nonzero(w_hat)),
        ),
    )

lab_true, lab_ls, lab_lasso = (t(f"l1_proximal.bar_{k}") for k in ("true", "ls", "lasso"))
sol_frame = figures.bars_frame(names, [(lab_true, w_true), (lab_ls, w_ls), (lab_lasso, w_hat)])
sol_chart = figures.grouped_bars(
    sol_frame,
    [lab_true, lab_ls, lab_lasso],
    [figures.GREY, charts.PALETTE[1], charts.PALETTE[0]],
    x_title=t("l1_proximal.x_weight"),
    y_title=t("l1_proximal.y_value"),
)
charts.show(
    sol_chart,
    t(
        "l1_proximal.sol_alt",
        alpha=num(alpha_ista),
        nnz_ls=int(np.count_nonzero(w_ls)),
        nnz_ref=int(np.count_nonzero(w_hat)),
    ),
    data=sol_frame,
    filename="lasso_solution.csv",
)

rows = [
    (t("l1_proximal.check_lbfgsb"), w_hat, run["w_lbfgsb"]),
    (t("l1_proximal.check_kkt"), 0.0, run["kkt"]),
]
if whiten:
    rows.append((t("l1_proximal.check_white"), l1.soft_threshold(w_ls, alpha_ista, 1.0), w_hat))
blocks.numbers_check(rows, tol=1e-6)

practice.section(p)
