"""Batch normalization: Algorithm 1 on a stream of mini-batches, running estimates and evaluation
mode, why standardized features make gradient descent fast, what it is not, and what it costs."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core import batch_norm as bn
from ui import blocks, charts, page, params, practice
from ui.figures import batch_norm as figures

p = page.setup("batch_norm")
t = p.t

PRESET_OPTIONS = [*bn.PRESETS, "custom"]
DEFAULT_PRESETS = ("height_m", "age_years", "weight_kg", "steps_per_day")
EPS_OPTIONS = [1e-8, 1e-5, 1e-3, 1e-2, 1e-1, 1.0]
TOL_OPTIONS = [1e-3, 1e-6, 1e-9]
NOISE_SIZES = (2, 4, 8, 16, 32, 64, 128, 256)
NOISE_BATCHES = 400
MAX_STEPS = 1000  # training batches the page feeds (recomputed from the seed on every rerun)
MAX_EVAL = 100_000
SHOW_ROWS = 10
N_REGRESSION = 200
N_MATES = 20  # other batches tried around one fixed example
MATES_STREAM = 3  # a stream of its own (0 = training, 1 = evaluation batches)
TRAINED = "batch_norm.trained"  # number of training batches fed so far (>= 1)
EVALUATED = "batch_norm.evaluated"  # index of the evaluation batch on show (>= 0)
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def num(x: float) -> str:
    return f"{float(x):.4g}"


def tidy(x: float) -> str:
    """Like num, but rounding-level noise around 0 (e.g. the mean of x̂) shows as 0."""
    return num(round(float(x), 12) + 0.0)


def tex(x: float) -> str:
    """A number for LaTeX: powers of ten written out, negatives in parentheses."""
    text = num(x)
    if "e" in text:
        mantissa, exponent = text.split("e")
        power = rf"10^{{{int(exponent)}}}"
        text = power if mantissa == "1" else rf"{mantissa}\cdot {power}"
    return f"({text})" if float(x) < 0 else text


def big(x: float) -> str:
    """Large counts and ratios: thousands separators up to ten million, then powers of ten."""
    if x < 100:
        return f"{x:.3g}"
    return f"{x:,.0f}" if x < 1e7 else f"{x:.2e}"


def count(k: int | None) -> str:
    return t("batch_norm.never") if k is None else f"{k:,}"


def sub(j: int) -> str:
    return str(j + 1).translate(SUB)


def number_table(frame: pd.DataFrame, rows: int | None = None) -> None:
    st.dataframe(
        frame if rows is None else frame.head(rows),
        hide_index=True,
        width="stretch",
        column_config={
            c: st.column_config.NumberColumn(format="%.4g")
            for c in frame.columns
            if c != "#" and pd.api.types.is_float_dtype(frame[c])
        },
    )


# ---------------------------------------------------------------------------- session counters
def _counter(key: str, name: str, default: int, high: int) -> int:
    """A counter kept in session state, seeded once from the URL so a shared link reproduces it."""
    if key not in st.session_state:
        value = default
        raw = st.query_params.get(name)
        if raw is not None:
            value, _ = params.parse_number(raw, default, default, high, integer=True)
        st.session_state[key] = value
    return st.session_state[key]


def _write_counter(name: str, value: int, default: int) -> None:
    if value == default:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != str(value):
        st.query_params[name] = str(value)


def _advance(k: int) -> None:
    if st.session_state.get("batch_norm.mode", "train") == "eval":
        st.session_state[EVALUATED] = min(st.session_state[EVALUATED] + k, MAX_EVAL)
    else:
        st.session_state[TRAINED] = min(st.session_state[TRAINED] + k, MAX_STEPS)


def _reset() -> None:
    st.session_state[TRAINED], st.session_state[EVALUATED] = 1, 0


# ---------------------------------------------------------------------------- cached numbers
@st.cache_data(max_entries=64, show_spinner=False)
def _history(offset, scale, batch_size, seed, steps, momentum):
    return bn.running_history(bn.Population(offset, scale), batch_size, seed, steps, momentum)


@st.cache_data(max_entries=16, show_spinner=False)
def _noise(offset, scale, seed):
    return bn.batch_noise(bn.Population(offset, scale), NOISE_SIZES, NOISE_BATCHES, seed)


@st.cache_data(max_entries=32, show_spinner=False)
def _regression(offset, scale, seed, lr_frac, tol):
    """Both gradient-descent runs, or the error message of a run that cannot be solved."""
    X, y = bn.regression_problem(bn.Population(offset, scale), N_REGRESSION, seed)
    out = {"X": X, "y": y, "X_std": bn.standardize(X)}
    for kind, feats in (("raw", X), ("std", out["X_std"])):
        try:
            out[kind] = bn.linear_regression_gd(feats, y, lr_fraction=lr_frac, tol=tol)
        except ValueError as exc:
            out[kind] = str(exc)
    return out


# ---------------------------------------------------------------------------- charts
@st.cache_data(max_entries=128, show_spinner=False)
def _spec(kind: str, *args) -> dict:
    # The spec of each chart is cached on its inputs (numbers and translated labels), so a
    # slider only rebuilds the charts it changes. Its datasets are kept as Arrow tables: the
    # cache hands out a copy on every hit, and a table is cheaper to copy than a DataFrame.
    spec = charts.to_spec(figures.BUILDERS[kind](*args))
    for name, values in spec.get("datasets", {}).items():
        spec["datasets"][name] = charts.arrow_table(values)
    return spec


def show(
    kind: str,
    args: tuple,
    alt_text: str,
    data=None,
    filename: str = "data.csv",
    square: bool = False,
) -> None:
    """``charts.show`` from a cached spec (a ``square`` chart keeps equal pixels per unit)."""
    spec = _spec(kind, *args)
    if p.presentation:
        spec = {**spec, "height": 480, **({"width": 480} if square else {})}
    charts.show_spec(spec, alt_text, data, filename, square)


# ---------------------------------------------------------------------------- the population
st.header(t("batch_norm.pop_header"))
p.explain(t("batch_norm.pop_md"))
with st.columns([1, 2])[0]:
    C = p.slider("C", t("batch_norm.C"), 2, 4, default=2, help=t("batch_norm.C_help"))
offsets, scales, names = [], [], []
for j, col in enumerate(st.columns(4)[:C]):
    with col:
        choice = p.select(
            f"f{j + 1}",
            t("batch_norm.feature_n", j=j + 1),
            options=PRESET_OPTIONS,
            default=DEFAULT_PRESETS[j],
            format_func=lambda o: t(f"batch_norm.preset.{o}"),
        )
        if choice == "custom":
            off = p.number(f"off{j + 1}", t("batch_norm.offset"), -10000.0, 10000.0, 0.0, 0.5)
            sc = p.number(f"sc{j + 1}", t("batch_norm.scale"), 0.001, 10000.0, 1.0, 0.1)
        else:
            off, sc = bn.PRESETS[choice]
            st.caption(t("batch_norm.preset_values", mean=num(off), sd=num(sc)))
        offsets.append(float(off))
        scales.append(float(sc))
        names.append(f"{j + 1} · {t(f'batch_norm.preset.{choice}')}")
offsets_t, scales_t, names_t = tuple(offsets), tuple(scales), tuple(names)
pop = bn.Population(offsets_t, scales_t)  # the widgets keep offsets finite and scales > 0

# ---------------------------------------------------------------------------- one mini-batch
st.header(t("batch_norm.batch_header"))
p.explain(t("batch_norm.batch_md"))
c1, c2, c3, c4 = st.columns(4)
with c1:
    N = p.number("N", t("batch_norm.N"), 1, 256, default=8, help=t("batch_norm.N_help"))
    seed = p.number(
        "seed", t("batch_norm.seed"), 0, 9999, default=0, help=t("batch_norm.seed_help")
    )
with c2:
    gamma = p.slider("gamma", t("batch_norm.gamma"), -3.0, 3.0, default=1.0, step=0.1)
    beta = p.slider("beta", t("batch_norm.beta"), -3.0, 3.0, default=0.0, step=0.1)
with c3:
    eps = p.select_slider(
        "eps", t("batch_norm.eps"), EPS_OPTIONS, default=1e-5, format_func=lambda v: f"{v:g}"
    )
    momentum = p.slider(
        "momentum",
        t("batch_norm.momentum"),
        0.0,
        1.0,
        default=0.1,
        step=0.01,
        help=t("batch_norm.momentum_help"),
    )
with c4:
    mode = p.select(
        "mode",
        t("batch_norm.mode"),
        options=["train", "eval"],
        default="train",
        format_func=lambda o: t(f"batch_norm.mode.{o}"),
        radio=True,
    )
    if st.session_state.get(p.key("focus"), 1) not in range(1, C + 1):
        st.session_state[p.key("focus")] = 1  # fewer features than before
    focus = p.select(
        "focus",
        t("batch_norm.focus"),
        options=list(range(1, C + 1)),
        default=1,
        format_func=lambda j: names[j - 1],
    )
f = focus - 1
training = mode == "train"

T = _counter(TRAINED, "steps", 1, MAX_STEPS)
E = _counter(EVALUATED, "evals", 0, MAX_EVAL)
b1, b2, b3, b4 = st.columns([1, 1, 1, 2])
b1.button(t("batch_norm.next"), key="batch_norm.next", on_click=_advance, args=(1,))
b2.button(t("batch_norm.run50"), key="batch_norm.run50", on_click=_advance, args=(50,))
b3.button(t("batch_norm.reset"), key="batch_norm.reset", on_click=_reset)
with b4:
    if training:
        st.caption(t("batch_norm.counter_train", T=T, max=MAX_STEPS))
    else:
        st.caption(t("batch_norm.counter_eval", E=E + 1, T=T))
_write_counter("steps", T, 1)
_write_counter("evals", E, 0)

gamma_v, beta_v = np.full(C, gamma), np.full(C, beta)
if N >= 2:
    means, variances = _history(offsets_t, scales_t, N, seed, T, momentum)
else:  # batches of one example cannot train the running estimates: PyTorch's initial values
    means, variances = np.zeros((1, C)), np.ones((1, C))
T_eff = means.shape[0] - 1
run_mean, run_var = means[T_eff], variances[T_eff]  # what evaluation mode uses now

if training:
    x = bn.stream_batch(pop, N, seed, T - 1)
    before_mean, before_var = means[max(T_eff - 1, 0)], variances[max(T_eff - 1, 0)]
else:
    x = bn.stream_batch(pop, N, seed, E, stream=bn.EVAL_STREAM)
    before_mean, before_var = run_mean, run_var
mu_B, sigma2_B = bn.batch_statistics(x)

try:
    y_train, _, _ = bn.batch_norm_forward(
        x, gamma_v, beta_v, before_mean, before_var, True, momentum, eps
    )
    train_error = None
except ValueError as exc:
    y_train, train_error = None, exc
y_eval, _, _ = bn.batch_norm_forward(x, gamma_v, beta_v, run_mean, run_var, False, momentum, eps)
y = y_train if training else y_eval

if training and train_error is not None:
    p.error(train_error)
    p.explain(t("batch_norm.n1_md"))
elif not training:
    st.caption(t("batch_norm.eval_note"))
if N < 2:
    st.caption(t("batch_norm.n1_running"))

m = st.columns(6)
m[0].metric(t("batch_norm.m_mu_B"), num(mu_B[f]))
m[1].metric(t("batch_norm.m_sigma2_B"), num(sigma2_B[f]))
m[2].metric(t("batch_norm.m_run_mean"), num(run_mean[f]))
m[3].metric(t("batch_norm.m_run_var"), num(run_var[f]))
m[4].metric(t("batch_norm.m_pop"), f"{num(pop.mean[f])} / {num(pop.variance[f])}")
m[5].metric(t("batch_norm.m_y1"), "—" if y is None else num(y[0, f]))

blocks.formula(bn.batch_norm_forward.latex)
x_hat = None
if y is not None:
    centre, spread = (mu_B, sigma2_B) if training else (run_mean, run_var)
    x_hat = (x - centre) / np.sqrt(spread + eps)
    sym_m, sym_v = (r"\mu_B", r"\sigma_B^2") if training else (r"\hat{\mu}", r"\hat{\sigma}^2")
    st.latex(
        rf"\hat{{x}}_1 = \frac{{x_1 - {sym_m}}}{{\sqrt{{{sym_v} + \varepsilon}}}}"
        rf" = \frac{{{tex(x[0, f])} - {tex(centre[f])}}}{{\sqrt{{{tex(spread[f])} + {tex(eps)}}}}}"
        rf" = {tex(x_hat[0, f])},\qquad y_1 = \gamma\hat{{x}}_1 + \beta = {tex(gamma)}"
        rf"\cdot{tex(x_hat[0, f])} + {tex(beta)} = {num(y[0, f])}"
    )
    p.explain(t("batch_norm.gamma_beta_md"))

# The batch as tables: statistics per feature, then the first examples.
number_table(
    pd.DataFrame(
        {
            t("batch_norm.col_feature"): names,
            t("batch_norm.col_pop_mean"): pop.mean,
            t("batch_norm.col_pop_var"): pop.variance,
            "μ_B": mu_B,
            "σ²_B": sigma2_B,
            t("batch_norm.col_run_mean"): run_mean,
            t("batch_norm.col_run_var"): run_var,
        }
    )
)
if y is not None:
    columns = {"#": np.arange(1, N + 1)}
    for j in range(C):
        columns[f"x{sub(j)}"] = x[:, j]
        columns[f"x̂{sub(j)}"] = x_hat[:, j]
        columns[f"y{sub(j)}"] = y[:, j]
    table = pd.DataFrame(columns)
    number_table(table, SHOW_ROWS)
    if N > SHOW_ROWS:
        st.caption(t("batch_norm.rows_shown", shown=SHOW_ROWS, N=N))
    if training:
        blocks.numbers_check(
            [
                (t("batch_norm.check_mean"), np.zeros(C), x_hat.mean(axis=0)),
                (t("batch_norm.check_var"), sigma2_B / (sigma2_B + eps), x_hat.var(axis=0)),
                (t("batch_norm.check_y_mean"), beta_v, y.mean(axis=0)),
            ],
            tol=1e-9,
        )

    # Histograms before / after, all features on one shared axis.
    h1, h2 = st.columns(2)
    with h1:
        lo, hi = x.min(axis=0), x.max(axis=0)
        show(
            "histogram",
            (
                x,
                names_t,
                t("batch_norm.hist_before"),
                t("batch_norm.x_value"),
                t("batch_norm.y_count"),
            ),  # fmt: skip
            t(
                "batch_norm.hist_before_alt",
                ranges="; ".join(
                    f"{n}: [{num(a)}, {num(b)}]" for n, a, b in zip(names, lo, hi, strict=True)
                ),
            ),
        )
    with h2:
        show(
            "histogram",
            (
                y,
                names_t,
                t("batch_norm.hist_after"),
                t("batch_norm.x_value"),
                t("batch_norm.y_count"),
            ),  # fmt: skip
            t(
                "batch_norm.hist_after_alt",
                stats="; ".join(
                    f"{n}: {tidy(a)} ± {num(b)}"
                    for n, a, b in zip(names, y.mean(axis=0), y.std(axis=0), strict=True)
                ),
            ),
            data=table,
            filename="batch.csv",
        )

# ---------------------------------------------------------------------------- running estimates
st.header(t("batch_norm.running_header"))
p.explain(t("batch_norm.running_md"))
blocks.formula(bn.running_history.latex)
if N >= 2:
    sd_mean, sd_var = bn.running_stationary_sd(pop, N, momentum)
else:
    sd_mean, sd_var = np.zeros(C), np.zeros(C)
history_frame = pd.DataFrame({"step": np.arange(T_eff + 1)})
for j in range(C):
    history_frame[f"μ̂{sub(j)}"] = means[:, j]
    history_frame[f"σ̂²{sub(j)}"] = variances[:, j]
# the running mean (left) and variance (right) of feature f, each with its stationary ±2 sd band
running = (
    ("mean", means, pop.mean, sd_mean, run_mean, {}),
    ("var", variances, pop.variance, sd_var, run_var,
     {"data": history_frame, "filename": "running_estimates.csv"}),
)  # fmt: skip
for col, (stat, history, target, sd, estimate, download) in zip(
    st.columns(2), running, strict=True
):
    with col:
        show(
            "running",
            (
                history[:, f],
                float(target[f]),
                float(sd[f]),
                t(f"batch_norm.run_{stat}_title", name=names[f]),
                t("batch_norm.x_step"),
                t(f"batch_norm.y_run_{stat}"),
            ),  # fmt: skip
            t(
                f"batch_norm.run_{stat}_alt",
                T=T_eff,
                value=num(estimate[f]),
                target=num(target[f]),
                band=num(2 * sd[f]),
            ),
            **download,
        )

# Training versus evaluation on the same input.
st.subheader(t("batch_norm.train_eval_header"))
p.explain(t("batch_norm.train_eval_md"))
blocks.formula(bn.EVAL_LATEX)
if y_train is None:
    st.caption(t("batch_norm.train_eval_n1"))
else:
    diff = np.abs(y_train - y_eval)
    e1, e2 = st.columns(2)
    e1.metric(t("batch_norm.m_train_eval_diff"), num(diff.max()))
    e2.metric(t("batch_norm.m_train_eval_diff_f", name=names[f]), num(diff[:, f].max()))
    number_table(
        pd.DataFrame(
            {
                "#": np.arange(1, N + 1),
                f"x{sub(f)}": x[:, f],
                t("batch_norm.col_y_train"): y_train[:, f],
                t("batch_norm.col_y_eval"): y_eval[:, f],
            }
        ),
        SHOW_ROWS,
    )

# ---------------------------------------------------------------------------- why it helps
st.header(t("batch_norm.why_header"))
p.explain(t("batch_norm.why_md", a=names[0], b=names[1]))
blocks.formula(bn.linear_regression_gd.latex)
g1, g2 = st.columns(2)
with g1:
    lr_frac = p.slider(
        "lr_frac",
        t("batch_norm.lr_frac"),
        0.05,
        0.95,
        default=0.5,
        step=0.05,
        help=t("batch_norm.lr_frac_help"),
    )
with g2:
    tol = p.select_slider(
        "tol",
        t("batch_norm.tol"),
        TOL_OPTIONS,
        default=1e-6,
        format_func=lambda v: f"{v:g}",
        help=t("batch_norm.tol_help"),
    )

reg = _regression(offsets_t[:2], scales_t[:2], seed, lr_frac, tol)
k1, k2 = st.columns(2)
for col, kind, axis in ((k1, "raw", ("w₁", "w₂")), (k2, "std", ("v₁", "v₂"))):
    with col:
        run = reg[kind]
        title = t(f"batch_norm.gd_{kind}_title")
        if isinstance(run, str):
            st.markdown(f"**{title}**")
            p.error(ValueError(run))
            continue
        lam2 = np.linalg.eigvalsh(run.profile_hessian)
        elongation = math.sqrt(lam2[-1] / lam2[0])  # axis ratio of the contour ellipses
        mm = st.columns(2)
        mm[0].metric(t("batch_norm.m_kappa"), big(run.condition_number))
        mm[1].metric(t("batch_norm.m_iters"), count(run.iterations))
        st.caption(t("batch_norm.gd_step", lr=f"{run.lr:.3g}", frac=f"{lr_frac:g}"))
        show(
            "contours",
            (
                run.profile_hessian,
                run.theta_star[:2],
                run.path[:, :2],
                run.path_steps,
                axis,
                title,
                t("batch_norm.x_iter"),
            ),  # fmt: skip
            t(
                "batch_norm.gd_alt",
                kappa=big(run.condition_number),
                ratio=f"{elongation:,.3g}",
                lr=f"{run.lr:.3g}",
                iters=count(run.iterations),
                tol=f"{tol:g}",
                a=num(run.theta_star[0]),
                b=num(run.theta_star[1]),
            ),
            square=True,
        )
raw, std = reg["raw"], reg["std"]
if isinstance(raw, bn.GDRun) and isinstance(std, bn.GDRun):
    if raw.iterations is not None and std.iterations:
        st.success(t("batch_norm.gd_ratio", ratio=big(raw.iterations / std.iterations)))
    p.explain(t("batch_norm.gd_note"))
    # Numbers check: the closed-form iteration count against a plain loop (standardized case,
    # where the loop is short) and the closed-form excess loss after 100 steps (raw case).
    thetas = bn.gradient_descent(reg["X_std"], reg["y"], std.lr, min(std.iterations + 5, 5000))
    excess = bn.regression_loss(reg["X_std"], reg["y"], thetas) - std.loss_star
    loop_k = int(np.argmax(excess <= tol * excess[0]))
    raw_100 = bn.gradient_descent(reg["X"], reg["y"], raw.lr, 100)[-1]
    raw_excess = bn.regression_loss(reg["X"], reg["y"], raw_100) - raw.loss_star
    gap0_raw = float(raw.excess_loss(0))
    blocks.numbers_check(
        [
            (t("batch_norm.check_iters"), std.iterations, loop_k),
            (
                t("batch_norm.check_raw100"),
                float(raw.excess_loss(100)) / gap0_raw,
                raw_excess / gap0_raw,
            ),
        ],
        # The loop's excess loss L(θ) − L* is a difference of nearly equal numbers on an
        # ill-conditioned problem (κ up to ~10⁶): about 1e-7 of cancellation noise is expected.
        tol=1e-6,
    )

# ---------------------------------------------------------------------------- misconceptions
st.header(t("batch_norm.misc_header"))
blocks.misconception(t("batch_norm.misc_minmax"))
blocks.formula(bn.min_max_scale.latex)
z = bn.min_max_scale(x)[:, f]
mm_frame = pd.DataFrame({"#": np.arange(1, N + 1), f"x{sub(f)}": x[:, f]})
mm_frame[t("batch_norm.col_minmax")] = z
stat_rows = [t(f"batch_norm.stat_{s}") for s in ("mean", "sd", "min", "max")]
summary = pd.DataFrame({t("batch_norm.col_stat"): stat_rows})
summary[t("batch_norm.col_minmax")] = np.round([z.mean(), z.std(), z.min(), z.max()], 12) + 0.0
if N >= 2:  # the batch transform itself (batch statistics), whatever the mode above
    xh = (x[:, f] - mu_B[f]) / np.sqrt(sigma2_B[f] + eps)
    mm_frame[t("batch_norm.col_bn")] = xh
    summary[t("batch_norm.col_bn")] = np.round([xh.mean(), xh.std(), xh.min(), xh.max()], 12) + 0.0
s1, s2 = st.columns([3, 2])
with s1:
    number_table(mm_frame, SHOW_ROWS)
with s2:
    number_table(summary)
p.explain(t("batch_norm.minmax_md"))
blocks.misconception(t("batch_norm.misc_regularizer"))

# ---------------------------------------------------------------------------- costs
st.header(t("batch_norm.cost_header"))
p.explain(t("batch_norm.cost_md"))
noise = _noise(offsets_t, scales_t, seed)
sigma_f, var_f = pop.scale[f], pop.variance[f]
sizes = noise["batch_sizes"]
q_mu, q_var = t("batch_norm.noise_q_mu"), t("batch_norm.noise_q_var")
measured, theory = t("batch_norm.noise_measured", n=NOISE_BATCHES), t("batch_norm.noise_theory")
noise_frame = pd.concat(
    [
        pd.DataFrame({"N": sizes, "sd": values, "quantity": quantity, "source": source})
        for values, quantity, source in (
            (noise["sd_mu"][:, f] / sigma_f, q_mu, measured),
            (noise["sd_mu_theory"][:, f] / sigma_f, q_mu, theory),
            (noise["sd_var"][:, f] / var_f, q_var, measured),
            (noise["sd_var_theory"][:, f] / var_f, q_var, theory),
        )
    ],
    ignore_index=True,
)
i8 = NOISE_SIZES.index(8)
show(
    "noise",
    (noise_frame, N, t("batch_norm.x_N"), t("batch_norm.y_noise")),
    t(
        "batch_norm.noise_alt",
        name=names[f],
        sd2=num(noise["sd_mu"][0, f] / sigma_f),
        sd8=num(noise["sd_mu"][i8, f] / sigma_f),
        sd256=num(noise["sd_mu"][-1, f] / sigma_f),
    ),
    data=noise_frame,
    filename="batch_noise.csv",
)

# One example, different batch mates: the training output moves, the evaluation output does not.
st.subheader(t("batch_norm.mates_header"))
if N < 2:
    st.caption(t("batch_norm.train_eval_n1"))
else:
    outs = np.empty(N_MATES)
    for k in range(N_MATES):
        mates = bn.stream_batch(pop, N, seed, k, stream=MATES_STREAM).copy()
        mates[0] = x[0]
        y_k, _, _ = bn.batch_norm_forward(mates, gamma_v, beta_v, None, None, True, momentum, eps)
        outs[k] = y_k[0, f]
    q1, q2, q3 = st.columns(3)
    q1.metric(t("batch_norm.m_mates_range"), f"{num(outs.min())} … {num(outs.max())}")
    q2.metric(t("batch_norm.m_mates_sd"), num(outs.std()))
    q3.metric(t("batch_norm.m_mates_eval"), num(y_eval[0, f]))
    p.explain(t("batch_norm.mates_md", n=N_MATES, N=N))

practice.section(p)
