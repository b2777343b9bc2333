"""Optimizers race on 2-D test functions: trajectories, loss, step sizes and stability limits."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core import optimizers as opt
from core import second_order as so
from ui import blocks, charts, classroom, page, practice
from ui.figures import optimizers as figures
from ui.fmt import num, si_bytes

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
    "newton": 1.0,
}
METHODS = [*opt.OPTIMIZERS, *opt.SECOND_ORDER]
COLOUR = dict(zip(opt.OPTIMIZERS, charts.PALETTE, strict=False))
OPTIMAL = "optimal"  # the extra heavy-ball run with (eta*, beta*)
COLOUR[OPTIMAL] = charts.PALETTE[7]
LBFGS = "lbfgs"  # SciPy's L-BFGS path, a reference run
# Two more colours for the second-order runs, from Paul Tol's colour-blind-safe "muted" scheme.
COLOUR["newton"], COLOUR[LBFGS] = "#882255", "#999933"
SO_STEPS = 30  # steps of the damping table
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
chosen = p.multiselect(
    "opts",
    t("optimizers.choose"),
    options=METHODS,
    default=["sgd", "momentum", "adam"],
    format_func=label,
)
# Newton's classic Rosenbrock start; a start already in the URL (an old link) is kept.
default_start = (
    so.ROSENBROCK_START if fname == "rosenbrock" and "newton" in chosen else tuple(fn.start)
)
with c2:
    x0 = p.slider(
        f"x0_{fname}", t("optimizers.x0"), x_lo, x_hi, default=float(default_start[0]), step=0.01
    )
    y0 = p.slider(
        f"y0_{fname}", t("optimizers.y0"), y_lo, y_hi, default=float(default_start[1]), step=0.01
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
        if name == "newton":
            hyper["hess"] = fn.hess
            hyper["damping"] = p.slider(
                "damping",
                t("optimizers.damping"),
                0.0,
                10.0,
                default=0.0,
                step=0.1,
                help=t("optimizers.damping_help"),
            )
            at_start = so.diagnose(fn.hess(start), fn.grad(start), damping=hyper["damping"])
            st.caption(
                t(
                    "optimizers.newton_at_start",
                    eig=", ".join(num(e) for e in at_start.eigenvalues),
                    kind=t(f"optimizers.kind.{at_start.kind}"),
                )
                + (" " + t("optimizers.newton_uphill") if at_start.descent is False else "")
            )
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
show_lbfgs = p.toggle(
    "lbfgs", t("optimizers.lbfgs_toggle"), default=False, help=t("optimizers.lbfgs_help")
)


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
    broken = (
        so.newton_breakdown(path, fn.hess, hyper["damping"], limit=100.0 * extent)
        if name == "newton"
        else None
    )
    runs.append(
        {
            "key": key,
            "name": name,
            "lr": lr,
            "hyper": hyper,
            "path": path,
            "k_div": k_div,
            "broken": broken,
        }
    )
if show_lbfgs:
    path = so.lbfgs_path(fn.f, fn.grad, start, steps)
    k_div = opt.divergence_step(path, limit=100.0 * extent)
    runs.append(
        {
            "key": LBFGS,
            "name": LBFGS,
            "lr": None,  # L-BFGS searches for its own step length
            "hyper": {},
            "path": path,
            "k_div": k_div,
            "broken": None,
        }
    )


def run_label(run: dict) -> str:
    return t("optimizers.name.optimal") if run["key"] == OPTIMAL else label(run["key"])


def status(run: dict) -> str:
    path, k = run["path"], run["k_div"]
    if run["broken"] is not None and run["broken"].reason == "singular":
        return t("optimizers.st_singular", k=run["broken"].step)
    if run["name"] == "newton" and k is None and np.linalg.norm(fn.grad(path[-1])) < 1e-8:
        if so.diagnose(fn.hess(path[-1])).target == "saddle":
            return t("optimizers.st_newton_saddle")
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
            "η": num(run["lr"]) if run["lr"] is not None else t("optimizers.lr_none"),
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
    k, broken = run["k_div"], run["broken"]
    if broken is not None and (fname != "saddle" or broken.reason == "singular"):
        eig = ", ".join(num(e) for e in broken.eigenvalues)
        st.warning(
            t(
                f"optimizers.newton_div.{broken.reason}",
                opt=run_label(run),
                k=broken.step,
                eig=eig,
                lr=num(run["lr"]),
            ),
            icon=":material/warning:",
        )
        continue
    if k is None or fname == "saddle" or run["key"] == LBFGS:
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


# ------------------------------------------------------------------------------- second order
def newton_end(tf: opt.TestFunction, path: np.ndarray, damping: float) -> str:
    """Where a Newton run of the damping table ended, in words."""
    (lo, hi), _ = tf.box
    broken = so.newton_breakdown(path, tf.hess, damping, limit=10.0 * (hi - lo))
    if broken is not None:
        key = "optimizers.end.singular" if broken.reason == "singular" else "optimizers.end.escaped"
        return t(key, k=broken.step)
    z = path[-1]
    xy = {"x": num(z[0]), "y": num(z[1])}
    if np.linalg.norm(tf.grad(z)) < 1e-5:  # a stationary point, to the table's digits
        target = so.diagnose(tf.hess(z)).target
        if target in ("saddle", "minimum"):
            return t(f"optimizers.end.{target}", **xy)
    return t("optimizers.end.other", **xy)


def second_order_section() -> None:
    st.header(t("optimizers.so_header"))
    p.explain(t("optimizers.so_intro_md"))
    blocks.formula(so.newton.latex)

    st.subheader(t("optimizers.so_one_step_header"))
    z0 = start if fname == "quadratic" else opt.quadratic().start
    p.explain(t("optimizers.so_one_step_md", x=num(z0[0]), y=num(z0[1])))
    one_step = []
    for k in (1, 10, 100, 1000, 10**4, 10**6):
        quad = opt.quadratic(float(k), math.radians(theta_deg))
        path = opt.run_optimizer("newton", quad.grad, z0, 1, 1.0, hess=quad.hess)
        one_step.append(
            {
                t("optimizers.col_kappa"): f"{k:g}",
                t("optimizers.col_newton_err"): f"{np.linalg.norm(path[1]):.1e}",
                t("optimizers.col_gd_steps"): steps_for_1000x((k - 1) / (k + 1)),
            }
        )
    st.dataframe(pd.DataFrame(one_step), hide_index=True, width="stretch")

    st.subheader(t("optimizers.so_damping_header"))
    p.explain(t("optimizers.so_damping_md"))
    cases = [(opt.saddle(), None, lam) for lam in (0.0, 2.0, 3.0)]
    cases += [(opt.two_minima(), np.array([0.3, 0.5]), lam) for lam in (0.0, 3.0)]
    damped = []
    for tf, z_start, lam in cases:
        z_start = tf.start if z_start is None else z_start
        path = opt.run_optimizer(
            "newton", tf.grad, z_start, SO_STEPS, 1.0, hess=tf.hess, damping=lam
        )
        kind = so.diagnose(tf.hess(z_start), tf.grad(z_start), damping=lam).kind
        damped.append(
            {
                t("optimizers.col_fn"): t(f"optimizers.fn.{tf.name}"),
                t("optimizers.col_start"): f"({num(z_start[0])}, {num(z_start[1])})",
                t("optimizers.col_damping"): num(lam),
                t("optimizers.col_H_start"): t(f"optimizers.kind.{kind}"),
                t("optimizers.col_end", steps=SO_STEPS): newton_end(tf, path, lam),
            }
        )
    st.dataframe(pd.DataFrame(damped), hide_index=True, width="stretch")

    st.subheader(t("optimizers.so_cost_header"))
    N = so.mlp_parameter_count(so.COURSE_MLP, so.COURSE_MLP_BATCH_NORM)
    m = 10
    p.explain(t("optimizers.so_cost_md", N=f"{N:,}", m=m))
    blocks.formula(so.step_costs.latex)
    c1, c2, c3 = st.columns(3)
    c1.metric(t("optimizers.m_params"), f"{N:,}")
    c2.metric(t("optimizers.m_hess"), si_bytes(so.hessian_bytes(N)))
    c3.metric(t("optimizers.m_hess_steps"), f"{N**3 / 3:.2e}")
    cost_rows = so.step_costs(N, m=m)
    costs = [
        {
            t("optimizers.col_method"): t(f"optimizers.cost.{row.method}"),
            t("optimizers.col_time"): row.time,
            t("optimizers.col_memory"): row.memory,
            t("optimizers.col_numbers"): f"{row.numbers:.3g}",
            t("optimizers.col_bytes"): si_bytes(row.bytes),
            t("optimizers.col_flops"): f"{row.flops:.3g}",
        }
        for row in cost_rows
    ]
    st.dataframe(pd.DataFrame(costs), hide_index=True, width="stretch")
    memory = pd.DataFrame(
        {
            "method": [t(f"optimizers.cost.{row.method}") for row in cost_rows],
            "bytes": [row.bytes for row in cost_rows],
            "size": [si_bytes(row.bytes) for row in cost_rows],
        }
    )
    charts.show(
        figures.step_cost_bars(
            memory, x_title=t("optimizers.x_bytes"), y_title=t("optimizers.cost_chart_title")
        ),
        t(
            "optimizers.cost_alt",
            sizes="; ".join(
                f"{a}: {b}" for a, b in zip(memory["method"], memory["size"], strict=True)
            ),
        ),
        data=memory,
        filename="memory_per_step.csv",
    )


st.header(t("optimizers.rules_header"))
p.explain(t("optimizers.rules_md"))
rule_names = [name for name in chosen if name in METHODS]
if rule_names:
    for tab, name in zip(st.tabs([label(n) for n in rule_names]), rule_names, strict=True):
        with tab:
            torch_name = opt.TORCH_EQUIVALENT.get(name)
            blocks.formula(
                opt.update_rule(name),
                caption=f"PyTorch: `{torch_name}`"
                if torch_name
                else t("optimizers.newton_no_torch"),
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

second_order_section()

st.header(t("optimizers.misc_header"))
blocks.misconception(t("optimizers.misc_adam"))
blocks.misconception(t("optimizers.misc_adagrad"))
blocks.misconception(t("optimizers.misc_adadelta"))
blocks.misconception(t("optimizers.misc_adadelta_monotone"))
blocks.misconception(t("optimizers.misc_rho_friction"))
blocks.misconception(t("optimizers.misc_sgd_minima"))
blocks.misconception(t("optimizers.misc_lr_range"))
blocks.misconception(t("optimizers.misc_newton_no_lr"))
blocks.misconception(t("optimizers.misc_newton_minimizes"))
blocks.misconception(t("optimizers.misc_newton_inverse"))

practice.section(p)
