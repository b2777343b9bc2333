"""Activations and initialization: curves and slopes, dead ReLUs, deep-MLP statistics, inputs."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core import activations as act
from ui import blocks, charts, classroom, page, practice
from ui.figures import activations_init as figures

p = page.setup("activations_init")
t = p.t
TOPIC = "activations_init"
LIMITS = classroom.limits()

X_RANGE = 6.0
N_SAMPLES = 500  # rows pushed through the deep MLP
WIDTHS = [w for w in (50, 100, 200, 300, 500, 1000) if w <= LIMITS.max_layer_width]
BOUNDARY_ANGLE = 120.0  # the classifier's normal; the cloud's long axis is at 30 degrees
CLOUD_N = 300
DEAD_N = 5000


def num(x: float, digits: int = 4) -> str:
    return f"{float(x):.{digits}g}"


def params_for(name: str, key_prefix: str) -> dict[str, float]:
    """Sliders for the parameters of ``name`` (none for sigmoid, tanh, ReLU)."""
    out: dict[str, float] = {}
    if name == "leaky_relu":
        out["negative_slope"] = p.slider(
            f"{key_prefix}slope", t(f"{TOPIC}.negative_slope"), 0.0, 0.5, default=0.01, step=0.01
        )
    elif name == "elu":
        out["alpha"] = p.slider(
            f"{key_prefix}alpha", t(f"{TOPIC}.alpha"), 0.1, 3.0, default=1.0, step=0.1
        )
    elif name == "maxout":
        cols = st.columns(4)
        for col, (prm, default) in zip(cols, act.PARAMS["maxout"].items(), strict=True):
            with col:
                out[prm] = p.slider(
                    f"{key_prefix}{prm}", t(f"{TOPIC}.maxout_{prm}"), -2.0, 2.0, default, step=0.05
                )
        st.caption(t(f"{TOPIC}.maxout_note"))
    return out


def flat_intervals(xs: np.ndarray, flat: np.ndarray) -> list[tuple[float, float]]:
    """Maximal runs of grid points where ``flat`` is true, as (start, end) pairs."""
    runs, start = [], None
    for x, f in zip(xs, flat, strict=True):
        if f and start is None:
            start = x
        if not f and start is not None:
            runs.append((start, x))
            start = None
    if start is not None:
        runs.append((start, xs[-1]))
    return runs


@st.cache_data(max_entries=48, show_spinner=False)
def deep_stats(n_layers: int, width: int, name: str, init: str, seed: int):
    return act.layer_statistics(n_layers, width, name, init, seed, n_samples=N_SAMPLES)


NAMES = list(act.NAMES)
tab_curves, tab_init, tab_pre = st.tabs(
    [t(f"{TOPIC}.tab_curves"), t(f"{TOPIC}.tab_init"), t(f"{TOPIC}.tab_pre")]
)


# ------------------------------------------------------------------ activation curves
@st.fragment
def curves_tab() -> None:
    """Activation curves and dead ReLUs; its widgets rerun only this tab."""
    p.explain(t(f"{TOPIC}.curves_md"))
    name = p.select(
        "activation",
        t(f"{TOPIC}.activation"),
        options=NAMES,
        default="tanh",
        format_func=lambda n: t(f"{TOPIC}.name_{n}"),
        radio=True,
    )
    prm = params_for(name, "")
    x0 = p.slider("x0", t(f"{TOPIC}.x0"), -X_RANGE, X_RANGE, default=2.0, step=0.1)
    fx0 = float(act.activation(name, [x0], **prm)[0])
    dfx0 = float(act.derivative(name, [x0], **prm)[0])
    top = act.max_slope(name, **prm)
    m1, m2, m3 = st.columns(3)
    m1.metric(t(f"{TOPIC}.m_f"), num(fx0))
    m2.metric(t(f"{TOPIC}.m_df"), num(dfx0))
    m3.metric(t(f"{TOPIC}.m_df_share"), f"{100 * abs(dfx0) / top:.3g} %" if top > 0 else "—")
    c1, c2 = st.columns(2)
    with c1:
        blocks.formula(act.LATEX[name][0])
    with c2:
        blocks.formula(act.LATEX[name][1])

    xs = np.linspace(-X_RANGE, X_RANGE, 481)
    f = act.activation(name, xs, **prm)
    df = act.derivative(name, xs, **prm)
    flat = np.abs(df) < act.FLAT_SHARE * top if top > 0 else np.ones_like(xs, dtype=bool)
    runs = flat_intervals(xs, flat)
    lab_f, lab_df = t(f"{TOPIC}.curve_f"), t(f"{TOPIC}.curve_df")
    curves = pd.concat(
        [
            pd.DataFrame({"x": xs, "y": f, "s": lab_f}),
            pd.DataFrame({"x": xs, "y": df, "s": lab_df}),
        ]
    )
    if runs:
        flat_txt = ", ".join(f"[{x_a:.1f}, {x_b:.1f}]" for x_a, x_b in runs)
    else:
        flat_txt = t(f"{TOPIC}.none")
    charts.show(
        figures.curve_and_derivative(
            curves, runs, (x0, fx0, dfx0), x_range=X_RANGE, labels=(lab_f, lab_df)
        ),
        t(
            f"{TOPIC}.curve_alt",
            name=t(f"{TOPIC}.name_{name}"),
            lo=num(f.min(), 3),
            hi=num(f.max(), 3),
            top=num(top, 3),
            flat=flat_txt,
            x0=num(x0, 3),
            f=num(fx0),
            df=num(dfx0),
        ),
        data=curves,
        filename=f"{name}.csv",
    )
    st.caption(t(f"{TOPIC}.shade_note"))

    # properties of every activation, measured (default parameters)
    grid = np.linspace(-8, 8, 3201)
    weights = np.exp(-(grid**2) / 2)
    weights /= weights.sum()  # N(0, 1) density on the grid
    rows = []
    for n in NAMES:
        fn = act.activation(n, grid)
        dn = act.derivative(n, np.array([-5.0, 5.0]))
        mean_out = float(weights @ fn)
        rows.append(
            {
                t(f"{TOPIC}.col_name"): t(f"{TOPIC}.name_{n}"),
                t(f"{TOPIC}.col_range"): t(f"{TOPIC}.range_{n}"),
                t(f"{TOPIC}.col_mean"): round(mean_out, 3),
                t(f"{TOPIC}.col_centred"): t(f"{TOPIC}.yes")
                if abs(mean_out) < 0.05
                else t(f"{TOPIC}.no"),
                t(f"{TOPIC}.col_dneg"): float(f"{dn[0]:.3g}"),
                t(f"{TOPIC}.col_dpos"): float(f"{dn[1]:.3g}"),
            }
        )
    st.markdown(t(f"{TOPIC}.table_md"))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    blocks.misconception(t(f"{TOPIC}.misc_sigmoid_quarter"))

    st.subheader(t(f"{TOPIC}.dead_header"))
    p.explain(t(f"{TOPIC}.dead_md"))
    bias = p.slider("bias", t(f"{TOPIC}.bias"), -4.0, 2.0, default=0.0, step=0.1)
    rng = np.random.default_rng(0)
    z = rng.standard_normal(DEAD_N) + bias  # pre-activations w x + b with w = 1, x ~ N(0, 1)
    active = float(np.mean(act.derivative("relu", z) > 0))
    leaky_slope = float(np.mean(act.derivative("leaky_relu", z)))
    closed = 0.5 * math.erfc(-bias / math.sqrt(2.0))  # P(x + b > 0) = Phi(b)
    m1, m2, m3 = st.columns(3)
    m1.metric(t(f"{TOPIC}.m_active"), f"{100 * active:.1f} %")
    m2.metric(t(f"{TOPIC}.m_relu_grad"), num(float(np.mean(act.derivative("relu", z))), 3))
    m3.metric(t(f"{TOPIC}.m_leaky_grad"), num(leaky_slope, 3))
    counts, edges = np.histogram(z, bins=48, range=(-8.0, 6.0))
    hist = pd.DataFrame(
        {
            "z": (edges[:-1] + edges[1:]) / 2,
            "z2": edges[1:],
            "z1": edges[:-1],
            "n": counts,
            "state": np.where(edges[:-1] >= 0, t(f"{TOPIC}.active"), t(f"{TOPIC}.inactive")),
        }
    )
    states = [t(f"{TOPIC}.active"), t(f"{TOPIC}.inactive")]
    bars = figures.preactivations(
        hist, states, x_title=t(f"{TOPIC}.x_z"), y_title=t(f"{TOPIC}.y_count")
    )
    charts.show(
        bars,
        t(f"{TOPIC}.dead_alt", b=num(bias, 3), share=f"{100 * active:.1f}"),
        data=hist[["z1", "z2", "n"]],
        filename="relu_preactivations.csv",
    )
    blocks.numbers_check(
        [(t(f"{TOPIC}.check_active"), closed, active)],
        tol=0.025,
    )
    st.caption(t(f"{TOPIC}.check_active_note", n=DEAD_N))
    blocks.misconception(t(f"{TOPIC}.misc_dead"))


with tab_curves:
    curves_tab()


# ------------------------------------------------------------------ deep MLP initialization
@st.fragment
def init_tab() -> None:
    """Deep-MLP initialization statistics; its widgets rerun only this tab."""
    p.explain(t(f"{TOPIC}.init_md"))
    c1, c2 = st.columns(2)
    with c1:
        name_d = p.select(
            "net_activation",
            t(f"{TOPIC}.activation"),
            options=NAMES,
            default="tanh",
            format_func=lambda n: t(f"{TOPIC}.name_{n}"),
        )
        init = p.select(
            "init",
            t(f"{TOPIC}.init"),
            options=list(act.INITS),
            default="xavier",
            format_func=lambda i: t(f"{TOPIC}.init_{i}"),
            radio=True,
        )
    with c2:
        n_layers = p.slider("layers", t(f"{TOPIC}.layers"), 2, LIMITS.max_depth, default=10)
        width = p.select_slider(
            "width", t(f"{TOPIC}.width"), options=WIDTHS, default=min(500, WIDTHS[-1])
        )
        seed = p.number("seed", t(f"{TOPIC}.seed"), 0, 10_000, default=0)
    stats = deep_stats(n_layers, width, name_d, init, seed)
    verdict = act.diagnose(stats)
    layers = np.arange(1, n_layers + 1)

    blocks.formula(act.LAYER_LATEX)
    st.latex(
        act.INIT_LATEX[init]
        + rf",\qquad n = {width},\ \sigma = {num(stats.sigma, 3)},\ n\sigma^2 = {num(width * stats.sigma**2, 3)}"
    )
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t(f"{TOPIC}.m_std_first"), num(stats.std[0], 3))
    m2.metric(t(f"{TOPIC}.m_std_last"), num(stats.std[-1], 3))
    ratio = stats.grad_W_norm[0] / stats.grad_W_norm[-1] if stats.grad_W_norm[-1] > 0 else math.inf
    m3.metric(t(f"{TOPIC}.m_grad_ratio"), num(ratio, 3), help=t(f"{TOPIC}.m_grad_ratio_help"))
    m4.metric(t(f"{TOPIC}.m_flat"), f"{100 * float(np.mean(stats.flat_share)):.0f} %")
    message = t(f"{TOPIC}.verdict_{verdict}")
    if verdict == "healthy":
        st.success(message, icon=":material/check_circle:")
    else:
        st.warning(message, icon=":material/warning:")

    # per-layer histograms as small multiples
    centres = (stats.hist_edges[:, :-1] + stats.hist_edges[:, 1:]) / 2
    total = stats.hist_counts.sum(axis=1, keepdims=True)
    hframe = pd.DataFrame(
        {
            "layer": np.repeat(layers, centres.shape[1]),
            "h": centres.ravel(),
            "h1": stats.hist_edges[:, :-1].ravel(),
            "h2": stats.hist_edges[:, 1:].ravel(),
            "share": (stats.hist_counts / total).ravel(),
        }
    )
    hist_chart = figures.layer_histograms(
        hframe, x_title=t(f"{TOPIC}.x_h"), layer_title=t(f"{TOPIC}.layer")
    )
    charts.show(
        hist_chart,
        t(
            f"{TOPIC}.hist_alt",
            n=n_layers,
            lo=num(stats.hist_edges[0, 0], 3),
            hi=num(stats.hist_edges[0, -1], 3),
            std0=num(stats.std[0], 3),
            stdL=num(stats.std[-1], 3),
        ),
        data=hframe,
        filename="layer_histograms.csv",
    )
    left, right = st.columns(2)
    lab_std, lab_grad = t(f"{TOPIC}.curve_std"), t(f"{TOPIC}.curve_grad")

    with left:
        std_chart = figures.per_layer(
            layers,
            "std",
            stats.std,
            title=lab_std,
            layer_title=t(f"{TOPIC}.layer"),
            mark={"type": "line", "point": True, "color": charts.PALETTE[0]},
        )
        charts.show(
            std_chart,
            t(
                f"{TOPIC}.std_alt",
                values=", ".join(num(s, 2) for s in stats.std),
            ),
            data=pd.DataFrame({"layer": layers, "std": stats.std, "mean": stats.mean}),
            filename="layer_std.csv",
        )
    with right:
        grad_chart = figures.per_layer(
            layers,
            "grad",
            stats.grad_W_norm,
            title=lab_grad,
            layer_title=t(f"{TOPIC}.layer"),
            mark={
                "type": "line",
                "point": {"color": charts.PALETTE[1]},
                "color": charts.PALETTE[1],
            },
        )
        charts.show(
            grad_chart,
            t(
                f"{TOPIC}.grad_alt",
                values=", ".join(num(g, 2) for g in stats.grad_W_norm),
            ),
            data=pd.DataFrame(
                {"layer": layers, "grad_W": stats.grad_W_norm, "grad_h": stats.grad_h_norm}
            ),
            filename="layer_gradients.csv",
        )
    blocks.formula(act.BACKWARD_LATEX)
    st.caption(t(f"{TOPIC}.setup_note", n=N_SAMPLES))
    p.explain(t(f"{TOPIC}.why_md"))
    blocks.misconception(t(f"{TOPIC}.misc_xavier_relu"))


with tab_init:
    init_tab()


# ------------------------------------------------------------------ preprocessing
@st.fragment
def preprocessing_tab() -> None:
    """Input preprocessing; its widgets rerun only this tab."""
    p.explain(t(f"{TOPIC}.pre_md"))
    c1, c2, c3 = st.columns(3)
    with c1:
        method = p.select(
            "method",
            t(f"{TOPIC}.method"),
            options=list(act.PREPROCESS),
            default="none",
            format_func=lambda m: t(f"{TOPIC}.method_{m}"),
            radio=True,
        )
    with c2:
        delta = p.slider("delta", t(f"{TOPIC}.delta"), 0.0, 20.0, default=5.0, step=0.5)
    with c3:
        cloud_seed = p.number("cloud_seed", t(f"{TOPIC}.seed"), 0, 10_000, default=0)
    X = act.make_cloud(CLOUD_N, cloud_seed)
    a = math.radians(BOUNDARY_ANGLE)
    w = np.array([math.cos(a), math.sin(a)])
    b = -float(w @ X.mean(axis=0))  # the boundary runs through the middle of the cloud
    Xt, mu, s = act.preprocess(X, method)
    w_t, b_t = act.transform_boundary(w, b, mu, s)
    share = act.flip_fraction(Xt, w_t, b_t, delta)
    share_raw = act.flip_fraction(X, w, b, delta)
    blocks.formula(act.PREPROCESS_LATEX[method])
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t(f"{TOPIC}.m_flip"), f"{100 * share:.1f} %")
    m2.metric(t(f"{TOPIC}.m_flip_raw"), f"{100 * share_raw:.1f} %")
    m3.metric(t(f"{TOPIC}.m_mean_xy"), f"({num(Xt[:, 0].mean(), 2)}, {num(Xt[:, 1].mean(), 2)})")
    m4.metric(t(f"{TOPIC}.m_std_xy"), f"({num(Xt[:, 0].std(), 2)}, {num(Xt[:, 1].std(), 2)})")

    # a square window that shows the origin and the whole cloud
    lo = float(min(Xt.min(), 0.0)) - 1.0
    hi = float(max(Xt.max(), 0.0)) + 1.0
    dom = [lo, hi]
    rot = np.array(
        [[math.cos(math.radians(delta)), -math.sin(math.radians(delta))],
         [math.sin(math.radians(delta)), math.cos(math.radians(delta))]]
    )  # fmt: skip
    w_rot = rot @ w_t

    def boundary(wv: np.ndarray, bv: float, label: str) -> pd.DataFrame:
        grid = np.linspace(lo, hi, 2)
        if abs(wv[1]) >= abs(wv[0]):
            return pd.DataFrame({"x": grid, "y": -(bv + wv[0] * grid) / wv[1], "line": label})
        return pd.DataFrame({"x": -(bv + wv[1] * grid) / wv[0], "y": grid, "line": label})

    side = Xt @ w_t + b_t > 0
    flips = side != (Xt @ w_rot + b_t > 0)
    lab_a, lab_b = t(f"{TOPIC}.side_a"), t(f"{TOPIC}.side_b")
    lab_flip = t(f"{TOPIC}.flipped")
    pts = pd.DataFrame(
        {
            "x": Xt[:, 0],
            "y": Xt[:, 1],
            "side": np.where(flips, lab_flip, np.where(side, lab_a, lab_b)),
        }
    )
    lab_line, lab_rot = t(f"{TOPIC}.line"), t(f"{TOPIC}.line_rot", d=num(delta, 3))
    lines_df = pd.concat([boundary(w_t, b_t, lab_line), boundary(w_rot, b_t, lab_rot)])
    chart_col, text_col = st.columns([1.2, 1])  # a narrow column keeps the axes nearly square
    with chart_col:
        charts.show(
            figures.boundary_cloud(
                pts,
                lines_df,
                dom,
                sides=(lab_a, lab_b, lab_flip),
                lines=(lab_line, lab_rot),
            ),
            t(
                f"{TOPIC}.cloud_alt",
                method=t(f"{TOPIC}.method_{method}"),
                cx=num(Xt[:, 0].mean(), 2),
                cy=num(Xt[:, 1].mean(), 2),
                d=num(delta, 3),
                share=f"{100 * share:.1f}",
            ),
            data=pts,
            filename="cloud.csv",
        )
    with text_col:
        p.explain(t(f"{TOPIC}.pre_after_md"))
        blocks.misconception(t(f"{TOPIC}.misc_test_stats"))


with tab_pre:
    preprocessing_tab()

practice.section(p)
