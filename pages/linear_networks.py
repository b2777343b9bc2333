"""Linear networks A vs B: a linear hidden layer collapses into one affine map."""

import numpy as np
import pandas as pd
import streamlit as st

from core import linear_networks as ln
from ui import blocks, charts, page, practice
from ui.figures import linear_networks as figures

p = page.setup("linear_networks")
t = p.t

ACTIVATIONS = ["identity", "relu", "tanh"]
MAX_SIZE = 8
FIT_HIDDEN = 16  # hidden width of the fitted networks (enough ReLU kinks for y = x²)
N_TEST_POINTS = 500


def num(x: float) -> str:
    return f"{float(x):.4g}"


def act_name(a: str) -> str:
    return t(f"linear_networks.act.{a}")


@st.cache_data(max_entries=64, show_spinner=False)
def fitted(target: str, activation: str, seed: int) -> ln.FitResult:
    X, y = ln.nonlinear_target(target)
    return ln.fit_network(X, y, hidden=FIT_HIDDEN, activation=activation, seed=seed)


# ------------------------------------------------------------------------------- widgets
# Widgets that change every section; the sizes d and m change only the collapse section and
# live in its fragment, so moving them reruns and redraws that section alone.
c2, c4, c5 = st.columns([1, 2, 1])
with c2:
    h = p.slider("h", t("linear_networks.h"), 1, MAX_SIZE, default=2)
with c4:
    activation = p.select(
        "act",
        t("linear_networks.activation"),
        options=ACTIVATIONS,
        default="identity",
        format_func=act_name,
        radio=True,
        help=t("linear_networks.activation_help"),
    )
with c5:
    # Seed 1 gives a well-conditioned 2 → 2 → 2 grid map, so the default picture is readable.
    seed = p.number("seed", t("linear_networks.seed"), 0, 9999, default=1)

blocks.misconception(t("linear_networks.misc_nonlinear"))


# ------------------------------------------------------------------------------- collapse
@st.fragment
def collapse_section(h: int, activation: str, seed: int) -> None:
    """Network B collapses to one affine map: its sizes d and m rerun only this section."""
    st.header(t("linear_networks.collapse_header"))
    p.explain(t("linear_networks.collapse_md"))
    c1, c3 = st.columns(2)
    with c1:
        d = p.slider("d", t("linear_networks.d"), 1, MAX_SIZE, default=4)
    with c3:
        m = p.slider("m", t("linear_networks.m"), 1, MAX_SIZE, default=3)
    try:
        weights, biases = ln.random_network([d, h, m], seed=seed)
        W, b = ln.collapse(weights, biases)
        rank_W = ln.rank(W)
        gap = ln.max_collapse_gap(weights, biases, activation, n_points=N_TEST_POINTS, seed=seed)
        n_A, n_B = ln.parameter_count([d, m]), ln.parameter_count([d, h, m])
    except ValueError as exc:
        p.error(exc)
        return
    blocks.formula(ln.collapse.latex)

    k1, k2, k3, k4 = st.columns(4)
    k1.metric(t("linear_networks.m_params_A"), n_A, help=f"d·m + m = {d}·{m} + {m}")
    k2.metric(
        t("linear_networks.m_params_B"),
        n_B,
        help=f"d·h + h + h·m + m = {d}·{h} + {h} + {h}·{m} + {m}",
    )
    k3.metric(t("linear_networks.m_rank"), f"{rank_W} / {min(d, m)}")
    k4.metric(t("linear_networks.m_gap", act=act_name(activation)), f"{gap:.3g}")

    blocks.formula(ln.rank.latex)
    if h < min(d, m):
        st.warning(
            t("linear_networks.bottleneck", h=h, d=d, m=m, r=rank_W, full=min(d, m)),
            icon=":material/compress:",
        )
    else:
        st.success(t("linear_networks.no_bottleneck", h=h, d=d, m=m, r=rank_W, extra=n_B - n_A))
    if activation == "identity":
        st.markdown(t("linear_networks.gap_identity", gap=f"{gap:.2e}", n=N_TEST_POINTS))
    else:
        st.markdown(
            t(
                "linear_networks.gap_nonlinear",
                gap=num(gap),
                n=N_TEST_POINTS,
                act=act_name(activation),
            )
        )

    sigma = np.linalg.svd(W, compute_uv=False)
    col_labels = [f"x{j + 1}" for j in range(d)]
    row_labels = [f"y{i + 1}" for i in range(m)]
    left, right = st.columns([3, 2])
    with left:
        heat = charts.matrix_heatmap(
            W,
            row_labels,
            col_labels,
            row_title=t("linear_networks.out"),
            col_title=t("linear_networks.in"),
            tip_fmt=".4g",
            diverging=True,
            height=min(60 + 40 * m, 340),
        )
        charts.show(
            heat,
            t(
                "linear_networks.W_alt",
                m=m,
                d=d,
                r=rank_W,
                sv=", ".join(num(s) for s in sigma),
                b=", ".join(num(v) for v in b),
            ),
            data=pd.DataFrame(W, index=row_labels, columns=col_labels).reset_index(names=""),
            filename="collapsed_W.csv",
        )
    with right:
        sv_frame = pd.DataFrame({"i": [f"σ{i + 1}" for i in range(sigma.size)], "sigma": sigma})
        sv_chart = figures.singular_values(sv_frame, x_title=t("linear_networks.sv_x"))
        charts.show(
            sv_chart,
            t(
                "linear_networks.sv_alt",
                r=rank_W,
                k=sigma.size,
                sv=", ".join(num(s) for s in sigma),
            ),
        )
    st.latex(
        r"W = W_2W_1 \in \mathbb{R}^{"
        + f"{m}"
        + r"\times"
        + f"{d}"
        + r"},\quad \mathbf{b} = ("
        + ", ".join(num(v) for v in b)
        + ")"
    )


collapse_section(h, activation, seed)

# ------------------------------------------------------------------------------- grid
st.header(t("linear_networks.grid_header"))
p.explain(t("linear_networks.grid_md", h=h))
g_weights, g_biases = ln.random_network([2, h, 2], seed=seed)
lines_in = ln.grid_lines(extent=2.0, n_lines=9, n_points=41)
lines_out = ln.map_lines(lines_in, g_weights, g_biases, activation)
bend = ln.max_bend(lines_out)
g_W, _ = ln.collapse(g_weights, g_biases)
g_rank = ln.rank(g_W)


def grid_frame(lines: np.ndarray) -> pd.DataFrame:
    n_lines, n_points = lines.shape[0], lines.shape[1]
    family = np.repeat(
        [t("linear_networks.vertical")] * (n_lines // 2)
        + [t("linear_networks.horizontal")] * (n_lines // 2),
        n_points,
    )
    return pd.DataFrame(
        {
            "u": lines[:, :, 0].ravel(),
            "v": lines[:, :, 1].ravel(),
            "line": np.repeat(np.arange(n_lines), n_points),
            "order": np.tile(np.arange(n_points), n_lines),
            "family": family,
        }
    )


families = [t("linear_networks.vertical"), t("linear_networks.horizontal")]
g1, g2 = st.columns(2)
with g1:
    charts.show(
        figures.grid(grid_frame(lines_in), t("linear_networks.grid_in"), families),
        t("linear_networks.grid_in_alt"),
    )
with g2:
    charts.show(
        figures.grid(
            grid_frame(lines_out),
            t("linear_networks.grid_out", act=act_name(activation)),
            families,
        ),
        t(
            "linear_networks.grid_out_alt",
            act=act_name(activation),
            bend=f"{bend:.3g}",
            h=h,
            r=g_rank,
        ),
    )
g_m1, g_m2 = st.columns(2)
g_m1.metric(t("linear_networks.m_bend"), f"{bend:.3g}")
g_m2.metric(t("linear_networks.m_grid_rank"), g_rank)
if activation == "identity" and h < 2:
    st.info(t("linear_networks.grid_flat"), icon=":material/info:")

# ------------------------------------------------------------------------------- fit
st.header(t("linear_networks.fit_header"))
target = p.select(
    "target",
    t("linear_networks.target"),
    options=list(ln.TARGETS),
    default="square",
    format_func=lambda o: t(f"linear_networks.target.{o}"),
    radio=True,
)
nonlinear = activation if activation != "identity" else "relu"
p.explain(t("linear_networks.fit_md", h=FIT_HIDDEN, act=act_name(nonlinear)))
X_fit, y_fit = ln.nonlinear_target(target)
try:
    fit_lin = fitted(target, "identity", seed)
    fit_nl = fitted(target, nonlinear, seed)
except ValueError as exc:
    p.error(exc)
    st.stop()
best = ln.best_affine_mse(X_fit, y_fit)
lbl_lin = t("linear_networks.net_linear")
lbl_nl = t("linear_networks.net_nonlinear", act=act_name(nonlinear))
lbl_best = t("linear_networks.best_affine")

f1, f2, f3 = st.columns(3)
f1.metric(t("linear_networks.m_mse", net=lbl_lin), num(fit_lin.losses[-1]))
f2.metric(t("linear_networks.m_mse", net=lbl_best), num(best))
f3.metric(t("linear_networks.m_mse", net=lbl_nl), num(fit_nl.losses[-1]))
if not np.all(np.isfinite(fit_lin.losses)) or not np.all(np.isfinite(fit_nl.losses)):
    st.warning(t("linear_networks.diverged"), icon=":material/warning:")

steps = np.arange(fit_lin.losses.size)
every = max(1, steps.size // 300)
loss_frame = pd.concat(
    [
        pd.DataFrame({"step": steps[::every], "mse": fit_lin.losses[::every], "net": lbl_lin}),
        pd.DataFrame({"step": steps[::every], "mse": fit_nl.losses[::every], "net": lbl_nl}),
    ]
)
loss_frame = loss_frame[np.isfinite(loss_frame["mse"]) & (loss_frame["mse"] > 0)]
loss_chart = figures.loss_with_best(
    loss_frame, best, x_title=t("linear_networks.x_step"), y_title=t("linear_networks.y_mse")
)

p1, p2 = st.columns(2)
with p1:
    charts.show(
        loss_chart,
        t(
            "linear_networks.loss_alt",
            lin=num(fit_lin.losses[-1]),
            best=num(best),
            nl=num(fit_nl.losses[-1]),
            act=act_name(nonlinear),
            steps=steps.size - 1,
        ),
    )
with p2:
    pred_lin = ln.forward(X_fit, fit_lin.weights, fit_lin.biases, "identity")[:, 0]
    pred_nl = ln.forward(X_fit, fit_nl.weights, fit_nl.biases, nonlinear)[:, 0]
    if target == "square":
        xs = X_fit[:, 0]
        curve = pd.concat(
            [
                pd.DataFrame({"x": xs, "y": y_fit[:, 0], "net": t("linear_networks.target_y")}),
                pd.DataFrame({"x": xs, "y": pred_lin, "net": lbl_lin}),
                pd.DataFrame({"x": xs, "y": pred_nl, "net": lbl_nl}),
            ]
        )
        charts.show(
            figures.per_net(curve, "x", "y", "x", "y"),
            t(
                "linear_networks.square_alt",
                lin0=num(pred_lin[len(xs) // 2]),
                lin1=num(pred_lin[-1]),
                nl0=num(pred_nl[len(xs) // 2]),
                nl1=num(pred_nl[-1]),
                act=act_name(nonlinear),
            ),
            data=curve,
            filename="fit_square.csv",
        )
    else:
        xor_table = pd.DataFrame(
            {
                "x₁": X_fit[:, 0].astype(int),
                "x₂": X_fit[:, 1].astype(int),
                t("linear_networks.target_y"): y_fit[:, 0].astype(int),
                lbl_lin: np.round(pred_lin, 3),
                lbl_nl: np.round(pred_nl, 3),
            }
        )
        st.dataframe(xor_table, hide_index=True, width="stretch")
        st.caption(t("linear_networks.xor_caption"))

practice.section(p)
