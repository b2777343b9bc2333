"""Dropout: expectation over masks, standard vs inverted scaling, Monte Carlo, nonlinearity gap."""

import numpy as np
import pandas as pd
import streamlit as st

from core import dropout as dr
from ui import blocks, charts, classroom, page, practice
from ui.figures import dropout as figures

p = page.setup("dropout")
t = p.t

MAX_INPUTS = 6
W_DEFAULT = [1.5, -0.5, 1.0, 0.8, -1.2, 0.6]
X_DEFAULT = [2.0, 1.0, -0.5, 1.5, 0.7, -1.0]
KEEP_OPTIONS = [round(0.05 * k, 2) for k in range(1, 21)]  # 0.05 .. 1.0: 0 is not allowed
# Monte-Carlo sample counts on offer, within this server's caps (classroom mode is stricter).
SAMPLE_OPTIONS = [
    n
    for n in (100, 200, 500, 1000, 2000, 5000, 10000, 20000)
    if n <= classroom.limits().max_mc_samples
]
ACTIVATIONS = ["identity", "sigmoid", "relu"]
MODES = ["standard", "inverted"]
F_LATEX = {"identity": "z", "sigmoid": r"\sigma(z)", "relu": r"\max(0, z)"}
GAP_CURVES = ("sigmoid", "relu")


def num(x: float) -> str:
    return f"{float(x):.4g}"


def act_name(a: str) -> str:
    return t(f"dropout.act.{a}")


@st.cache_data(max_entries=64, show_spinner=False)
def gap_curves(w: tuple, x: tuple, inverted: bool) -> dict[str, np.ndarray]:
    """E[f(z)] − f(E[z]) at every keep probability on offer, per activation of GAP_CURVES.

    Each point enumerates all 2ⁿ masks; cached because it depends on the weights, inputs and
    scaling convention only (not on p, the activation or the Monte-Carlo settings).
    """
    w_arr, x_arr = np.array(w), np.array(x)
    return {
        a: np.array(
            [
                dr.exact_expectation(w_arr, x_arr, pk, inverted=inverted, activation=a)
                - dr.eval_output(w_arr, x_arr, pk, inverted=inverted, activation=a)
                for pk in KEEP_OPTIONS
            ]
        )
        for a in GAP_CURVES
    }


# ------------------------------------------------------------------------------- widgets
c1, c2, c3 = st.columns(3)
with c1:
    n = p.slider("n", t("dropout.n"), 1, MAX_INPUTS, default=2, help=t("dropout.n_help"))
    keep_prob = p.select_slider(
        "keep", t("dropout.keep"), options=KEEP_OPTIONS, default=0.5, help=t("dropout.keep_help")
    )
with c2:
    mode = p.select(
        "mode",
        t("dropout.mode"),
        options=MODES,
        default="standard",
        format_func=lambda o: t(f"dropout.mode.{o}"),
        radio=True,
        help=t("dropout.mode_help"),
    )
    activation = p.select(
        "act",
        t("dropout.activation"),
        options=ACTIVATIONS,
        default="identity",
        format_func=act_name,
        radio=True,
        help=t("dropout.activation_help"),
    )
with c3:
    n_samples = p.select_slider(
        "samples", t("dropout.samples"), options=SAMPLE_OPTIONS, default=1000
    )
    seed = p.number("seed", t("dropout.seed"), 0, 9999, default=0)

inverted = mode == "inverted"
st.markdown(f"**{t('dropout.weights_inputs')}**")
cols = st.columns(n)
w_list, x_list = [], []
for i in range(n):
    with cols[i]:
        w_list.append(
            p.number(f"w{i + 1}", f"w{i + 1}", -10.0, 10.0, default=W_DEFAULT[i], step=0.1)
        )
        x_list.append(
            p.number(f"x{i + 1}", f"x{i + 1}", -10.0, 10.0, default=X_DEFAULT[i], step=0.1)
        )
w, x = np.array(w_list), np.array(x_list)

blocks.misconception(t("dropout.misc_torch", keep=num(keep_prob), drop=num(1.0 - keep_prob)))

try:
    masks, probs = dr.enumerate_masks(n, keep_prob)
    z_masks = dr.mask_outputs(w, x, masks, keep_prob, inverted=inverted)
    f_masks = dr.mask_outputs(w, x, masks, keep_prob, inverted=inverted, activation=activation)
    e_formula = dr.expected_output(w, x, keep_prob, inverted=inverted)
    e_f = dr.exact_expectation(w, x, keep_prob, inverted=inverted, activation=activation)
    f_test = dr.eval_output(w, x, keep_prob, inverted=inverted, activation=activation)
except ValueError as exc:
    p.error(exc)
    st.stop()

wx = float(w @ x)
e_enum = float(probs @ z_masks)

# ------------------------------------------------------------------------------- all masks
st.header(t("dropout.masks_header"))
p.explain(t("dropout.masks_md", count=2**n))
blocks.formula(dr.EXPECTATION_LATEX)
if inverted:
    blocks.formula(dr.INVERTED_LATEX)

m1, m2, m3, m4 = st.columns(4)
m1.metric(t("dropout.m_wx"), num(wx))
m2.metric(t("dropout.m_e_enum"), num(e_enum))
m3.metric(t("dropout.m_e_formula_inv") if inverted else t("dropout.m_e_formula"), num(e_formula))
m4.metric(t("dropout.m_ratio"), num(e_enum / wx) if wx != 0 else "—")

if n <= 3:
    # Write the sum out term by term, as on the board: P(m) · w·(m⊙x) for each mask.
    terms = " + ".join(rf"{num(pr)}\cdot({num(z)})" for pr, z in zip(probs, z_masks, strict=True))
    if inverted:
        rhs = rf"\tfrac{{1}}{{{num(keep_prob)}}}\cdot{num(keep_prob)}\cdot{num(wx)} = {num(wx)}"
    else:
        rhs = rf"{num(keep_prob)}\cdot{num(wx)}"
    st.latex(rf"\mathbb{{E}}[z] = {terms} = {num(e_enum)} = {rhs}")

s_label = "/p" if inverted else ""
mask_frame = pd.DataFrame(
    {
        t("dropout.col_mask"): [" ".join(str(int(v)) for v in row) for row in masks],
        t("dropout.col_kept"): masks.sum(axis=1),
        t("dropout.col_prob"): probs,
        f"z = w·(m⊙x){s_label}": z_masks,
        f"f(z) [{act_name(activation)}]": f_masks,
        t("dropout.col_contrib"): probs * f_masks,
    }
)
st.dataframe(mask_frame, hide_index=True, width="stretch", height=min(38 + 35 * 2**n, 400))
st.caption(
    t(
        "dropout.masks_caption",
        count=2**n,
        total=num(probs.sum()),
        e=num(e_f),
        act=act_name(activation),
    )
)
blocks.numbers_check(
    [
        (t("dropout.check_formula"), e_formula, e_enum),
    ],
    tol=1e-10,
)

# ------------------------------------------------------------------------------- Monte Carlo
st.header(t("dropout.mc_header"))
p.explain(t("dropout.mc_md"))
blocks.formula(dr.running_stats.latex)
samples = dr.monte_carlo_samples(
    w, x, keep_prob, n_samples, np.random.default_rng(seed), inverted, activation
)
run_mean, run_se = dr.running_stats(samples)
k = np.arange(1, n_samples + 1)
# About 300 points on a log scale are enough for the picture.
idx = np.unique(np.geomspace(2, n_samples, 300).astype(int)) - 1
mc_frame = pd.DataFrame(
    {
        "k": k[idx],
        "mean": run_mean[idx],
        "lo": run_mean[idx] - 2 * run_se[idx],
        "hi": run_mean[idx] + 2 * run_se[idx],
    }
)
final_mean, final_se = float(run_mean[-1]), float(run_se[-1])
dist = abs(final_mean - e_f) / final_se if final_se > 0 else 0.0
q1, q2, q3 = st.columns(3)
q1.metric(t("dropout.m_mc_mean", k=n_samples), num(final_mean))
q2.metric(t("dropout.m_exact"), num(e_f))
q3.metric(t("dropout.m_se"), num(final_se))
charts.show(
    figures.monte_carlo(mc_frame, e_f, x_title=t("dropout.x_samples"), y_title=t("dropout.y_mean")),
    t(
        "dropout.mc_alt",
        k=n_samples,
        mean=num(final_mean),
        se=num(final_se),
        exact=num(e_f),
        dist=f"{dist:.2f}",
    ),
    data=mc_frame,
    filename="dropout_monte_carlo.csv",
)

# ------------------------------------------------------------------------------- train vs test
st.header(t("dropout.tt_header"))
p.explain(t("dropout.tt_md"))
y_one, mask_one = dr.dropout(x, keep_prob, np.random.default_rng(seed), inverted=inverted)
f = dr.ACTIVATIONS[activation]
one_out = float(f(np.array(w @ y_one)))
st.markdown(
    t(
        "dropout.one_pass",
        mask=" ".join(str(int(v)) for v in mask_one),
        y=", ".join(num(v) for v in y_one),
        out=num(one_out),
    )
)
rows = []
for conv in MODES:
    inv = conv == "inverted"
    e_train = dr.exact_expectation(w, x, keep_prob, inverted=inv, activation=activation)
    test = dr.eval_output(w, x, keep_prob, inverted=inv, activation=activation)
    rows.append(
        {
            t("dropout.col_conv"): t(f"dropout.mode.{conv}"),
            t("dropout.col_train_scale"): "1" if not inv else f"1/{num(keep_prob)}",
            t("dropout.col_test_scale"): num(keep_prob) if not inv else "1",
            t("dropout.col_e_train"): num(e_train),
            t("dropout.col_test"): num(test),
            t("dropout.col_diff"): num(test - e_train),
        }
    )
# The slip of forgetting the factor p at test time with standard dropout.
forgot = float(f(np.array(wx)))
e_std = dr.exact_expectation(w, x, keep_prob, inverted=False, activation=activation)
rows.append(
    {
        t("dropout.col_conv"): t("dropout.mode.forgot"),
        t("dropout.col_train_scale"): "1",
        t("dropout.col_test_scale"): "1",
        t("dropout.col_e_train"): num(e_std),
        t("dropout.col_test"): num(forgot),
        t("dropout.col_diff"): num(forgot - e_std),
    }
)
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
blocks.misconception(t("dropout.misc_drop_prob"))

# ------------------------------------------------------------------------------- nonlinearity gap
st.header(t("dropout.gap_header"))
p.explain(t("dropout.gap_md"))
blocks.formula(dr.GAP_LATEX)
gap_rows = []
for a in ACTIVATIONS:
    e_a = dr.exact_expectation(w, x, keep_prob, inverted=inverted, activation=a)
    t_a = dr.eval_output(w, x, keep_prob, inverted=inverted, activation=a)
    gap_rows.append({"act": act_name(a), "e": e_a, "scaled": t_a, "gap": e_a - t_a})
g_cols = st.columns(3)
for col, row in zip(g_cols, gap_rows, strict=True):
    col.metric(t("dropout.m_gap", act=row["act"]), num(row["gap"]))
st.latex(
    rf"\mathbb{{E}}[{F_LATEX[activation]}] = {num(e_f)},\qquad "
    rf"f(\mathbb{{E}}[z]) = {num(f_test)},\qquad \text{{gap}} = {num(e_f - f_test)}"
)

# Gap as a function of the keep probability (it vanishes at p = 1: no dropout).
gaps = gap_curves(tuple(w_list), tuple(x_list), inverted)
curve_frame = pd.DataFrame(
    {
        "p": np.tile(KEEP_OPTIONS, len(GAP_CURVES)),
        "gap": np.concatenate([gaps[a] for a in GAP_CURVES]),
        "f": np.repeat([act_name(a) for a in GAP_CURVES], len(KEEP_OPTIONS)),
    }
)
worst = curve_frame.loc[curve_frame["gap"].abs().idxmax()]
charts.show(
    figures.gap_against_keep(
        curve_frame, keep_prob, x_title=t("dropout.x_keep"), y_title=t("dropout.y_gap")
    ),
    t(
        "dropout.gap_alt",
        sig=num(gap_rows[1]["gap"]),
        relu=num(gap_rows[2]["gap"]),
        p=num(keep_prob),
        worst_f=worst["f"],
        worst_p=num(worst["p"]),
        worst=num(worst["gap"]),
    ),
    data=curve_frame.rename(
        columns={"p": t("dropout.x_keep"), "gap": t("dropout.y_gap"), "f": t("dropout.col_act")}
    ),
    filename="dropout_gap.csv",
)
blocks.misconception(t("dropout.misc_exact"))

practice.section(p)
