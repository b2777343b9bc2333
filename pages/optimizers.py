"""Optimizers race on 2-D test functions: trajectories, loss, step sizes and stability limits."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core import optimizers as opt
from ui import blocks, charts, classroom, page, practice
from ui.figures import optimizers as figures
from ui.fmt import num

p = page.setup("optimizers")
t = p.t
LIMITS = classroom.limits()

FUNCTIONS = ("quadratic", "saddle", "rosenbrock", "two_minima")
KAPPAS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
# Learning rates on a log grid (1, 1.5, 2, 3, 5, 7 per decade), from 1e-4 to 10.
LR_GRID = [round(m * 10.0**e, 10) for e in range(-4, 1) for m in (1, 1.5, 2, 3, 5, 7)] + [10.0]
DEFAULT_LR = {
    "sgd": 0.15,
    "momentum": 0.02,
    "nesterov": 0.02,
    "adagrad": 0.5,
    "rmsprop": 0.05,
    "adam": 0.2,
    "adadelta": 1.0,
}
COLOUR = dict(zip(opt.OPTIMIZERS, charts.PALETTE, strict=False))
OPTIMAL = "optimal"  # the extra heavy-ball run with (eta*, beta*)
COLOUR[OPTIMAL] = charts.PALETTE[7]
GRID_N = 45
GAP_TOL = 1e-4  # "reached the minimum": f - f* below this
FLOOR = 1e-16  # log axes cannot show 0


def label(name: str) -> str:
    return t(f"optimizers.name.{name}")


# ------------------------------------------------------------------------------- controls
st.header(t("optimizers.setup_header"))
c1, c2, c3 = st.columns([1.3, 1, 1])
with c1:
    fname = p.select(
        "fn",
        t("optimizers.function"),
        options=FUNCTIONS,
        default="quadratic",
        format_func=lambda o: t(f"optimizers.fn.{o}"),
        radio=True,
    )
    kappa, theta_deg = 10, 30
    if fname == "quadratic":
        kappa = p.select_slider(
            "kappa", t("optimizers.kappa"), KAPPAS, default=10, help=t("optimizers.kappa_help")
        )
        theta_deg = p.slider("theta", t("optimizers.theta"), 0, 90, default=30, step=5)
fn = {
    "quadratic": lambda: opt.quadratic(float(kappa), math.radians(theta_deg)),
    "saddle": opt.saddle,
    "rosenbrock": opt.rosenbrock,
    "two_minima": opt.two_minima,
}[fname]()
(x_lo, x_hi), (y_lo, y_hi) = fn.box
with c2:
    x0 = p.slider(
        f"x0_{fname}", t("optimizers.x0"), x_lo, x_hi, default=float(fn.start[0]), step=0.01
    )
    y0 = p.slider(
        f"y0_{fname}", t("optimizers.y0"), y_lo, y_hi, default=float(fn.start[1]), step=0.01
    )
    steps = p.slider(
        "steps", t("optimizers.steps"), 10, LIMITS.max_optimizer_steps, default=100, step=10
    )
with c3:
    sigma = p.slider(
        "sigma",
        t("optimizers.sigma"),
        0.0,
        3.0,
        default=0.0,
        step=0.05,
        help=t("optimizers.sigma_help"),
    )
    seed = p.number("seed", t("optimizers.seed"), 0, 9999, default=0) if sigma > 0 else 0
start = np.array([x0, y0])

# Curvature at the (global) minimum: exact for the quadratic, local for the others.
anchor = fn.minima[0] if len(fn.minima) else np.zeros(2)
lam = np.linalg.eigvalsh(fn.hess(anchor))
lam_max = float(lam[-1])

chosen = p.multiselect(
    "opts",
    t("optimizers.choose"),
    options=list(opt.OPTIMIZERS),
    default=["sgd", "momentum", "adam"],
    format_func=label,
)
if not chosen:
    st.info(t("optimizers.none_chosen"))

settings: dict[str, tuple[float, dict]] = {}
if chosen:
    st.caption(t("optimizers.lr_mark_note"))
    cols = st.columns(min(len(chosen), 4))
for i, name in enumerate(chosen):
    with cols[i % len(cols)].container(border=True):
        st.markdown(f"**{label(name)}**")
        hyper: dict = {}
        if name in ("momentum", "nesterov"):
            hyper["momentum"] = p.slider(
                f"mu_{name}", t("optimizers.mu"), 0.01, 0.99, default=0.9, step=0.01
            )
        if name == "rmsprop":
            hyper["alpha"] = p.select_slider(
                "alpha_rmsprop",
                t("optimizers.alpha"),
                [0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999],
                0.99,
            )
        if name == "adam":
            hyper["betas"] = (
                p.select_slider("b1_adam", "β₁", [0.0, 0.5, 0.8, 0.9, 0.95, 0.99], 0.9),
                p.select_slider("b2_adam", "β₂", [0.9, 0.99, 0.999, 0.9999], 0.999),
            )
            hyper["bias_correction"] = p.checkbox(
                "bc_adam", t("optimizers.bias_correction"), default=True
            )
        if name == "adadelta":
            hyper["rho"] = p.select_slider("rho_adadelta", "ρ", [0.5, 0.9, 0.95, 0.99], 0.9)
        limit = opt.stable_lr_limit(name, lam_max, hyper.get("momentum")) if lam_max > 0 else None
        lr_label = (
            t("optimizers.lr_limit", limit=num(limit))
            if limit is not None
            else t("optimizers.lr_adaptive")
        )
        lr = p.select_slider(
            f"lr_{name}",
            lr_label,
            LR_GRID,
            DEFAULT_LR[name],
            format_func=lambda v, lim=limit: (
                f"{v:g} ⚠" if lim is not None and v >= lim else f"{v:g}"
            ),
        )
        settings[name] = (lr, hyper)

if fname == "quadratic":
    eta_star, beta_star = opt.optimal_momentum(1.0, float(kappa))
    if p.checkbox("optimal", t("optimizers.add_optimal"), default=False):
        settings[OPTIMAL] = (eta_star, {"momentum": beta_star})


# ------------------------------------------------------------------------------- runs
def f_gap(z: np.ndarray) -> np.ndarray:
    """What the loss chart shows: f − f* (log axis), or f itself when f is unbounded below."""
    return fn.f(z) - fn.f_star if fn.f_star is not None else fn.f(z)


extent = max(x_hi - x_lo, y_hi - y_lo)
runs = []
for key, (lr, hyper) in settings.items():
    name = "momentum" if key == OPTIMAL else key
    try:
        path = opt.run_optimizer(
            name, fn.grad, start, steps, lr, sigma=sigma, rng=np.random.default_rng(seed), **hyper
        )
    except ValueError as exc:
        p.error(exc)
        continue
    k_div = opt.divergence_step(path, limit=100.0 * extent)
    runs.append({"key": key, "name": name, "lr": lr, "hyper": hyper, "path": path, "k_div": k_div})


def run_label(run: dict) -> str:
    return t("optimizers.name.optimal") if run["key"] == OPTIMAL else label(run["key"])


def status(run: dict) -> str:
    path, k = run["path"], run["k_div"]
    if k is not None and fname != "saddle":
        return t("optimizers.st_diverged", k=k)
    if fname == "saddle":
        out = np.flatnonzero(np.abs(path[:, 1]) > y_hi)
        if out.size:
            return t("optimizers.st_escaped", k=int(out[0]))
        if np.all(np.abs(path[:, 1]) < 1e-12):
            return t("optimizers.st_stuck")
        return t("optimizers.st_on_way")
    gap = f_gap(path)
    if fname == "two_minima":
        dist = np.linalg.norm(fn.minima - path[-1], axis=1)
        if dist.min() < 0.1:
            return t("optimizers.st_global" if dist.argmin() == 0 else "optimizers.st_local")
    hit = np.flatnonzero(gap < GAP_TOL)
    return t("optimizers.st_reached", k=int(hit[0])) if hit.size else t("optimizers.st_not_yet")


COL_FINAL = t("optimizers.col_gap") if fn.f_star is not None else t("optimizers.col_f")
rows = []
for run in runs:
    path = run["path"]
    last = path[run["k_div"] - 1] if run["k_div"] is not None else path[-1]
    rows.append(
        {
            t("optimizers.col_opt"): run_label(run),
            "η": num(run["lr"]),
            COL_FINAL: num(float(f_gap(last))),
            t("optimizers.col_point"): f"({last[0]:.3f}, {last[1]:.3f})",
            t("optimizers.col_status"): status(run),
        }
    )

# ------------------------------------------------------------------------------- numbers
st.header(t("optimizers.race_header"))
st.latex(fn.latex)
if fname == "quadratic":
    gd_rate = (kappa - 1) / (kappa + 1)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("optimizers.m_lam"), f"1, {kappa}")
    m2.metric(t("optimizers.m_limit"), num(opt.gd_lr_limit(fn.hess(anchor))))
    m3.metric(t("optimizers.m_beta"), num(beta_star))
    m4.metric(t("optimizers.m_eta"), num(eta_star))
else:
    m1, m2 = st.columns(2)
    lam_key = "optimizers.m_lam_saddle" if fname == "saddle" else "optimizers.m_lam_local"
    m1.metric(t(lam_key), num(lam_max))
    m2.metric(t("optimizers.m_limit_local"), num(2.0 / lam_max))

if rows:
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

# Divergence is explained, not drawn: the path stops where it leaves the picture.
for run in runs:
    k = run["k_div"]
    if k is None or fname == "saddle":
        continue
    limit = opt.stable_lr_limit(run["name"], lam_max, run["hyper"].get("momentum"))
    if limit is not None and run["lr"] >= limit:
        factor = abs(1 - run["lr"] * lam_max)
        key = "optimizers.div_gd" if run["name"] == "sgd" else "optimizers.div_momentum"
        if fname != "quadratic":
            key += "_local"
        st.warning(
            t(
                key,
                opt=run_label(run),
                k=k,
                lr=num(run["lr"]),
                limit=num(limit),
                lam=num(lam_max),
                factor=num(factor),
            ),  # fmt: skip
            icon=":material/warning:",
        )
    else:
        st.warning(
            t("optimizers.div_other", opt=run_label(run), k=k, lr=num(run["lr"]), lam=num(lam_max)),
            icon=":material/warning:",
        )


# ------------------------------------------------------------------------------- charts
def visible_part(run: dict) -> np.ndarray:
    """The iterates to draw: all of them, up to the first one that is clearly diverging.

    A path that overshoots and comes back (momentum on a narrow valley) is drawn whole and clipped
    at the frame; only a path that gets far away (20 view widths) or non-finite is cut there.
    """
    path = run["path"]
    margin = 20 * extent
    inside = (
        np.isfinite(path).all(axis=1)
        & (path[:, 0] > x_lo - margin)
        & (path[:, 0] < x_hi + margin)
        & (path[:, 1] > y_lo - margin)
        & (path[:, 1] < y_hi + margin)
    )
    out = np.flatnonzero(~inside)
    return path if not out.size else path[: max(int(out[0]) + 1, 1)]


keys = [run["key"] for run in runs]
labels = [run_label(run) for run in runs]
colour = {"domain": labels, "range": [COLOUR[k] for k in keys]}

xs, ys = np.linspace(x_lo, x_hi, GRID_N), np.linspace(y_lo, y_hi, GRID_N)
Z = fn.f(np.stack(np.meshgrid(xs, ys), axis=-1))  # (GRID_N, GRID_N)
traj_frame = pd.concat(
    [
        pd.DataFrame(
            {"x": part[:, 0], "y": part[:, 1], "step": np.arange(len(part)), "optimizer": lab}
        )
        for run, lab in zip(runs, labels, strict=True)
        for part in [visible_part(run)]
    ]
    or [pd.DataFrame({"x": [], "y": [], "step": [], "optimizer": []})]
)
marks = pd.DataFrame(
    [{"x": start[0], "y": start[1], "what": t("optimizers.start")}]
    + [{"x": m[0], "y": m[1], "what": t("optimizers.minimum")} for m in fn.minima]
    + ([{"x": 0.0, "y": 0.0, "what": t("optimizers.saddle_point")}] if fname == "saddle" else [])
)
ends = "; ".join(
    t(
        "optimizers.traj_alt_one",
        opt=lab,
        x=num(run["path"][len(visible_part(run)) - 1][0]),
        y=num(run["path"][len(visible_part(run)) - 1][1]),
        status=row[t("optimizers.col_status")],
    )
    for run, lab, row in zip(runs, labels, rows, strict=True)
)
map_col, curve_col = st.columns([3, 2])
with map_col:
    charts.show(
        figures.trajectories(xs, ys, Z, traj_frame, marks, colour),
        t(
            "optimizers.traj_alt",
            fn=t(f"optimizers.fn.{fname}"),
            x=num(x0),
            y=num(y0),
            steps=steps,
            ends=ends or "—",
        ),
        data=traj_frame,
        filename="trajectories.csv",
    )

loss_frame = pd.concat(
    [
        pd.DataFrame(
            {
                "step": np.arange(len(part)),
                "loss": np.maximum(f_gap(part), FLOOR) if fn.f_star is not None else fn.f(part),
                "optimizer": lab,
            }
        )
        for run, lab in zip(runs, labels, strict=True)
        for part in [run["path"][: run["k_div"]] if run["k_div"] is not None else run["path"]]
    ]
    or [pd.DataFrame({"step": [], "loss": [], "optimizer": []})]
)
size_frame = pd.concat(
    [
        pd.DataFrame(
            {
                "step": np.arange(1, len(part)),
                "size": np.maximum(opt.update_sizes(part), FLOOR),
                "optimizer": lab,
            }
        )
        for run, lab in zip(runs, labels, strict=True)
        for part in [run["path"][: run["k_div"]] if run["k_div"] is not None else run["path"]]
    ]
    or [pd.DataFrame({"step": [], "size": [], "optimizer": []})]
)


loss_title = t("optimizers.y_gap") if fn.f_star is not None else t("optimizers.y_f")
loss_scale = {"type": "log"} if fn.f_star is not None else {"type": "symlog"}
with curve_col:
    finals = "; ".join(f"{row[t('optimizers.col_opt')]}: {row[COL_FINAL]}" for row in rows)
    charts.show(
        figures.per_step(
            loss_frame,
            "loss",
            colour,
            x_title=t("optimizers.x_step"),
            y_title=loss_title,
            scale=loss_scale,
        ),
        t("optimizers.loss_alt", what=loss_title, finals=finals or "—"),
        data=loss_frame,
        filename="loss.csv",
    )
with curve_col:
    sizes = "; ".join(
        t(
            "optimizers.size_alt_one",
            opt=lab,
            first=num(fr["size"].iloc[0]),
            last=num(fr["size"].iloc[-1]),
        )
        for lab, fr in size_frame.groupby("optimizer", sort=False)
        if len(fr)
    )
    charts.show(
        figures.per_step(
            size_frame,
            "size",
            colour,
            x_title=t("optimizers.x_step"),
            y_title=t("optimizers.y_size"),
            scale={"type": "log"},
        ),
        t("optimizers.size_alt", sizes=sizes or "—"),
        data=size_frame,
        filename="update_sizes.csv",
    )


# ------------------------------------------------------------------------------- reading it
def steps_for_1000x(rate: float) -> str:
    """Steps for an error that shrinks by ``rate`` per step to fall 1000-fold."""
    if rate <= 0:
        return "1"
    if rate >= 1:
        return "∞"
    return str(math.ceil(math.log(1e-3) / math.log(rate)))


st.header(t("optimizers.read_header"))
p.explain(t(f"optimizers.read.{fname}"))
if fname == "quadratic":
    blocks.formula(opt.stable_lr_limit.latex)
    st.markdown(
        t(
            "optimizers.limit_numbers",
            kappa=kappa,
            limit=num(2.0 / kappa),
            best=num(2.0 / (1.0 + kappa)),
            rate=num(gd_rate),
            n=steps_for_1000x(gd_rate),
        )
    )
    blocks.formula(opt.optimal_momentum.latex)
    rate_m = math.sqrt(beta_star)
    st.markdown(
        t(
            "optimizers.momentum_numbers",
            kappa=kappa,
            eta=num(eta_star),
            beta=num(beta_star),
            rate=num(rate_m),
            n=steps_for_1000x(rate_m),
        )
    )
    sgd_run = next((r for r in runs if r["key"] == "sgd"), None)
    if sgd_run is not None and sigma == 0 and sgd_run["k_div"] is None:
        A = fn.hess(anchor)
        t_check = min(steps, 10)  # early enough that the iterate is not yet ~0
        closed = np.linalg.matrix_power(np.eye(2) - sgd_run["lr"] * A, t_check) @ start
        p.explain(t("optimizers.check_md"))
        blocks.numbers_check(
            [(t("optimizers.check_row", steps=t_check), closed, sgd_run["path"][t_check])],
            tol=1e-12,
        )

st.header(t("optimizers.rules_header"))
p.explain(t("optimizers.rules_md"))
rule_names = [name for name in chosen if name in opt.OPTIMIZERS]
if rule_names:
    for tab, name in zip(st.tabs([label(n) for n in rule_names]), rule_names, strict=True):
        with tab:
            blocks.formula(
                opt.update_rule(name), caption=f"PyTorch: `{opt.TORCH_EQUIVALENT[name]}`"
            )
            p.explain(t(f"optimizers.rule.{name}"))
            if name == "adam" and not settings["adam"][1]["bias_correction"]:
                b1, b2 = settings["adam"][1]["betas"]
                st.markdown(
                    t(
                        "optimizers.no_bias_note",
                        factor=num((1 - b1) / math.sqrt(1 - b2)),
                        b1=num(b1),
                        b2=num(b2),
                    )
                )

st.header(t("optimizers.misc_header"))
blocks.misconception(t("optimizers.misc_adam"))
blocks.misconception(t("optimizers.misc_adagrad"))
blocks.misconception(t("optimizers.misc_adadelta"))
blocks.misconception(t("optimizers.misc_adadelta_monotone"))
blocks.misconception(t("optimizers.misc_rho_friction"))
blocks.misconception(t("optimizers.misc_sgd_minima"))
blocks.misconception(t("optimizers.misc_lr_range"))

practice.section(p)
