"""Learning-rate schedules: their shapes on one chart and their effect on a noisy quadratic."""

import math

import numpy as np
import pandas as pd
import streamlit as st

from core import lr_recipe
from core import optimizers as opt
from core import schedules as sch
from ui import blocks, charts, classroom, page, practice
from ui.figures import lr_schedules as figures
from ui.fmt import num

p = page.setup("lr_schedules")
t = p.t
LIMITS = classroom.limits()

LR0_OPTIONS = [0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0]
ETA_MIN_OPTIONS = [0.0, 0.0001, 0.001, 0.005, 0.01]
MAX_EPOCHS = min(100, LIMITS.max_epochs)
# Colours chosen so that the default selection (constant, step, cosine, restarts) is far apart.
COLOUR = {
    "none": charts.PALETTE[0],
    "step": charts.PALETTE[1],
    "exponential": charts.PALETTE[3],
    "inverse_time": charts.PALETTE[5],
    "cosine": charts.PALETTE[4],
    "cosine_restarts": charts.PALETTE[2],
}
GRID_N = 41
FLOOR = 1e-16


def label(name: str) -> str:
    return t(f"lr_schedules.name.{name}")


# ------------------------------------------------------------------------------- the shapes
st.header(t("lr_schedules.shape_header"))
c1, c2, c3 = st.columns(3)
with c1:
    lr0 = p.select_slider("lr0", t("lr_schedules.lr0"), LR0_OPTIONS, default=0.1)
with c2:
    epochs = p.slider(
        "epochs", t("lr_schedules.epochs"), 5, MAX_EPOCHS, default=min(60, MAX_EPOCHS)
    )
with c3:
    warmup = p.slider(
        "warmup", t("lr_schedules.warmup"), 0, 20, default=0, help=t("lr_schedules.warmup_help")
    )
chosen = p.multiselect(
    "schedules",
    t("lr_schedules.choose"),
    options=list(sch.SCHEDULES),
    default=["none", "step", "cosine", "cosine_restarts"],
    format_func=label,
)
if not chosen:
    st.info(t("lr_schedules.none_chosen"))

params: dict[str, dict] = {}
if chosen:
    cols = st.columns(min(len(chosen), 3))
for i, name in enumerate(chosen):
    with cols[i % len(cols)].container(border=True):
        st.markdown(f"**{label(name)}**")
        prm: dict = {}
        if name == "none":
            st.caption(t("lr_schedules.none_note"))
        elif name == "step":
            prm["step_size"] = p.slider("step_size", t("lr_schedules.step_size"), 1, 50, 15)
            prm["gamma"] = p.select_slider(
                "gamma_step", "γ", [0.1, 0.2, 0.3, 0.5, 0.7, 0.9], default=0.5
            )
        elif name == "exponential":
            prm["gamma"] = p.select_slider(
                "gamma_exp", "γ", [0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99], default=0.95
            )
            st.caption(t("lr_schedules.k_equiv", k=num(-math.log(prm["gamma"]))))
        elif name == "inverse_time":
            prm["k"] = p.select_slider(
                "k", "k", [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0], default=0.1
            )
        elif name == "cosine":
            prm["eta_min"] = p.select_slider("eta_min_cos", "η_min", ETA_MIN_OPTIONS, default=0.0)
            st.caption(t("lr_schedules.t_max_note", T_max=epochs - warmup))
        else:
            prm["T_0"] = p.slider("T_0", "T₀", 1, 50, 10)
            prm["T_mult"] = p.select_slider("T_mult", "T_mult", [1, 2, 3], default=2)
            prm["eta_min"] = p.select_slider(
                "eta_min_restarts", "η_min", ETA_MIN_OPTIONS, default=0.0
            )
        params[name] = prm

lrs: dict[str, np.ndarray] = {}
for name in chosen:
    try:
        lrs[name] = sch.lr_schedule(name, lr0, epochs, warmup_epochs=warmup, **params[name])
    except ValueError as exc:
        p.error(exc)

names = list(lrs)
labels = [label(n) for n in names]
colour = {"domain": labels, "range": [COLOUR[n] for n in names]}


log_lr = p.checkbox("log_lr", t("lr_schedules.log_lr"), default=False)
lr_frame = pd.concat(
    [pd.DataFrame({"epoch": np.arange(epochs), "lr": lrs[n], "schedule": label(n)}) for n in names]
    or [pd.DataFrame({"epoch": [], "lr": [], "schedule": []})]
)
lr_chart = figures.learning_rates(
    lr_frame,
    colour,
    log=log_lr,
    x_title=t("lr_schedules.x_epoch"),
    y_title=t("lr_schedules.y_lr"),
)
shape_text = "; ".join(
    t(
        "lr_schedules.lr_alt_one",
        name=label(n),
        first=num(lrs[n][0]),
        mid=num(lrs[n][epochs // 2]),
        last=num(lrs[n][-1]),
    )
    for n in names
)
charts.show(
    lr_chart,
    t("lr_schedules.lr_alt", epochs=epochs, lr0=num(lr0), each=shape_text or "—"),
    data=lr_frame,
    filename="lr_schedules.csv",
)

if names:
    for tab, name in zip(st.tabs([label(n) for n in names]), names, strict=True):
        with tab:
            blocks.formula(
                sch.SCHEDULE_LATEX[name], caption=f"PyTorch: `{sch.SCHEDULE_TORCH[name]}`"
            )
            p.explain(t(f"lr_schedules.about.{name}"))
if warmup > 0:
    st.markdown(t("lr_schedules.warmup_md", W=warmup, first=num(lr0 / (warmup + 1))))
    blocks.formula(sch.WARMUP_LATEX, caption=f"PyTorch: `{sch.WARMUP_TORCH}`")

# ------------------------------------------------------------------------------- the effect
st.header(t("lr_schedules.effect_header"))
p.explain(t("lr_schedules.effect_md"))
e1, e2, e3 = st.columns(3)
with e1:
    kappa = p.select_slider("kappa", t("lr_schedules.kappa"), [1, 2, 5, 10, 20, 50], default=10)
    sigma = p.slider("sigma", t("lr_schedules.sigma"), 0.0, 3.0, default=1.0, step=0.1)
with e2:
    spe = p.slider("spe", t("lr_schedules.spe"), 1, 20, default=10)
    n_runs = p.select_slider("runs", t("lr_schedules.runs"), [1, 5, 10, 20, 50, 100], default=50)
with e3:
    seed = p.number("seed", t("lr_schedules.seed"), 0, 9999, default=0)

fn = opt.quadratic(float(kappa), 0.0)
lam = np.array([1.0, float(kappa)])
limit = 2.0 / kappa
floor0 = sch.sgd_noise_floor(lr0, lam, sigma) if lr0 < limit else math.inf

m1, m2, m3 = st.columns(3)
m1.metric(t("lr_schedules.m_limit"), num(limit))
m2.metric(t("lr_schedules.m_floor"), num(floor0) if lr0 < limit else "∞")
if lr0 >= limit:
    st.warning(
        t("lr_schedules.above_limit", lr0=num(lr0), limit=num(limit), kappa=kappa),
        icon=":material/warning:",
    )

# All schedules in one stacked run; run r of every schedule sees the same noise (a fair
# comparison), and a schedule that blows up does not disturb the others.
results = {}
if names:
    all_paths = sch.run_schedule(
        np.array([lrs[n] for n in names]),
        fn,
        fn.start,
        steps_per_epoch=spe,
        sigma=sigma,
        n_runs=n_runs,
        rng=np.random.default_rng(seed),
    )  # (k, n_runs, epochs * spe + 1, 2)
    for name, paths in zip(names, all_paths, strict=True):
        with np.errstate(all="ignore"):
            loss = fn.f(paths[:, ::spe])  # (n_runs, epochs + 1): at the end of every epoch
        diverged = ~np.isfinite(loss[:, -1]) | (loss[:, -1] > 1e6)
        results[name] = {"paths": paths, "loss": loss, "diverged": diverged}

rows = []
for name in names:
    r = results[name]
    final = r["loss"][:, -1]
    ok = ~r["diverged"]
    lr_last = float(lrs[name][-1])
    floor_last = sch.sgd_noise_floor(lr_last, lam, sigma) if lr_last < limit else math.inf
    mean = float(final[ok].mean()) if ok.any() else math.inf
    se = float(final[ok].std(ddof=1) / math.sqrt(ok.sum())) if ok.sum() > 1 else 0.0
    rows.append(
        {
            "name": name,
            t("lr_schedules.col_schedule"): label(name),
            t("lr_schedules.col_lr_last"): num(lr_last),
            t("lr_schedules.col_final"): num(mean),
            t("lr_schedules.col_se"): num(se),
            t("lr_schedules.col_floor_last"): num(floor_last),
            t("lr_schedules.col_diverged"): f"{int(r['diverged'].sum())}/{n_runs}",
            "_mean": mean,
            "_se": se,
        }
    )
if rows:
    best = min(rows, key=lambda row: row["_mean"])
    best_name = best[t("lr_schedules.col_schedule")] if math.isfinite(best["_mean"]) else "—"
    m3.metric(t("lr_schedules.m_best"), best_name)
    table = pd.DataFrame(rows).drop(columns=["name", "_mean", "_se"])
    st.dataframe(table, hide_index=True, width="stretch")

# Mean loss per epoch (log), with the constant-rate floor as a dashed reference.
curve_frame = pd.concat(
    [
        pd.DataFrame(
            {
                "epoch": np.arange(epochs + 1),
                "loss": np.maximum(
                    np.nanmean(np.where(np.isfinite(r["loss"]), r["loss"], np.nan), axis=0)
                    if (~r["diverged"]).any()
                    else np.full(epochs + 1, np.nan),
                    FLOOR,
                ),
                "schedule": label(n),
            }
        )
        for n, r in results.items()
    ]
    or [pd.DataFrame({"epoch": [], "loss": [], "schedule": []})]
)
curve_frame = curve_frame[np.isfinite(curve_frame["loss"]) & (curve_frame["loss"] < 1e6)]
loss_chart = figures.mean_loss(
    curve_frame,
    colour,
    floor0,
    floor_label=t("lr_schedules.floor_label"),
    x_title=t("lr_schedules.x_epoch"),
    y_title=t("lr_schedules.y_loss"),
)
finals = "; ".join(
    f"{row[t('lr_schedules.col_schedule')]}: {row[t('lr_schedules.col_final')]}" for row in rows
)
left, right = st.columns(2)
with left:
    charts.show(
        loss_chart,
        t("lr_schedules.loss_alt", runs=n_runs, floor=num(floor0), finals=finals or "—"),
        data=curve_frame,
        filename="mean_loss.csv",
    )
with right:
    bar_frame = pd.DataFrame(
        {
            "schedule": [row[t("lr_schedules.col_schedule")] for row in rows],
            "mean": [max(row["_mean"], FLOOR) for row in rows],
            "lo": [max(row["_mean"] - 2 * row["_se"], FLOOR) for row in rows],
            "hi": [row["_mean"] + 2 * row["_se"] for row in rows],
        }
    )
    bar_frame = bar_frame[np.isfinite(bar_frame["mean"])]
    final_chart = figures.final_loss(bar_frame, colour, x_title=t("lr_schedules.y_final"))
    charts.show(
        final_chart,
        t("lr_schedules.final_alt", runs=n_runs, finals=finals or "—"),
        data=bar_frame,
        filename="final_loss.csv",
    )

# Paths of the first run on the map of the quadratic.
(x_lo, x_hi), (y_lo, y_hi) = fn.box
xs, ys = np.linspace(x_lo, x_hi, GRID_N), np.linspace(y_lo, y_hi, GRID_N)
Z = fn.f(np.stack(np.meshgrid(xs, ys), axis=-1))
traj_frame = pd.concat(
    [
        pd.DataFrame(
            {
                "x": r["paths"][0, :, 0],
                "y": r["paths"][0, :, 1],
                "step": np.arange(r["paths"].shape[1]),
                "schedule": label(n),
            }
        )
        for n, r in results.items()
        if not r["diverged"][0]
    ]
    or [pd.DataFrame({"x": [], "y": [], "step": [], "schedule": []})]
)
ends = "; ".join(
    t(
        "lr_schedules.traj_alt_one",
        name=label(n),
        dist=num(np.linalg.norm(r["paths"][0, -1])),
    )
    for n, r in results.items()
    if not r["diverged"][0]
)
# Where the runs end: the cloud of final points shows the size of each noise ball.
cloud_frame = pd.concat(
    [
        pd.DataFrame(
            {
                "x": r["paths"][~r["diverged"], -1, 0],
                "y": r["paths"][~r["diverged"], -1, 1],
                "schedule": label(n),
            }
        )
        for n, r in results.items()
    ]
    or [pd.DataFrame({"x": [], "y": [], "schedule": []})]
)
R = float(np.nanmax(np.abs(cloud_frame[["x", "y"]].to_numpy()), initial=0.0))
R = min(max(1.15 * R, 1e-3), 3.0)
zs = np.linspace(-R, R, 31)
Zc = fn.f(np.stack(np.meshgrid(zs, zs), axis=-1))
spread = "; ".join(
    t(
        "lr_schedules.cloud_alt_one",
        name=label(n),
        rms=num(np.sqrt(np.mean(np.sum(r["paths"][~r["diverged"], -1] ** 2, axis=1)))),
    )
    for n, r in results.items()
    if (~r["diverged"]).any()
)
p_col, c_col = st.columns(2)
with p_col:
    charts.show(
        figures.paths(xs, ys, Z, traj_frame, colour),
        t("lr_schedules.traj_alt", kappa=kappa, sigma=num(sigma), ends=ends or "—"),
        data=traj_frame,
        filename="paths.csv",
    )
with c_col:
    charts.show(
        figures.final_points(zs, Zc, cloud_frame, colour, R),
        t("lr_schedules.cloud_alt", runs=n_runs, R=num(R), spread=spread or "—"),
        data=cloud_frame,
        filename="final_points.csv",
    )

# ------------------------------------------------------------------------------- reading it
st.header(t("lr_schedules.read_header"))
blocks.formula(sch.sgd_noise_floor.latex)
p.explain(t("lr_schedules.read_md", floor=num(floor0), lr0=num(lr0)))


# ------------------------------------------------------------------------------- the recipe
@st.cache_data(show_spinner=False, max_entries=32)
def recipe_run(
    lr0: float, gamma: float, patience: int, threshold: float, monitor: str, epochs: int, seed: int
) -> lr_recipe.Recipe:
    """The recipe's two runs (about a second of NumPy: cached per server)."""
    return lr_recipe.step_decay_recipe(
        lr0, epochs, gamma=gamma, patience=patience, threshold=threshold, monitor=monitor, seed=seed
    )


st.header(t("lr_schedules.recipe_header"))
p.explain(t("lr_schedules.recipe_md"))
blocks.formula(lr_recipe.plateau_epoch.latex)
r1, r2, r3 = st.columns(3)
with r1:
    r_lr0 = p.select_slider(
        "recipe_lr0", t("lr_schedules.recipe_lr0"), [0.1, 0.2, 0.5, 1.0, 1.5], default=1.0
    )
    r_gamma = p.select_slider(
        "recipe_gamma", t("lr_schedules.recipe_gamma"), [0.05, 0.1, 0.2, 0.5], default=0.1
    )
with r2:
    r_patience = p.slider("recipe_patience", t("lr_schedules.recipe_patience"), 0, 15, default=5)
    r_threshold = p.select_slider(
        "recipe_threshold",
        t("lr_schedules.recipe_threshold"),
        [0.0, 0.001, 0.01, 0.02, 0.05],
        default=0.01,
    )
with r3:
    r_monitor = p.select(
        "recipe_monitor",
        t("lr_schedules.recipe_monitor"),
        options=list(lr_recipe.MONITORS),
        default="val",
        format_func=lambda m: t(f"lr_schedules.recipe_monitor.{m}"),
        radio=True,
    )
    r_epochs = p.slider(
        "recipe_epochs", t("lr_schedules.recipe_epochs"), 10, min(80, MAX_EPOCHS),
        default=min(40, MAX_EPOCHS),
    )  # fmt: skip
    r_seed = p.number("recipe_seed", t("lr_schedules.recipe_seed"), 0, 9999, default=0)
try:
    recipe = recipe_run(r_lr0, r_gamma, r_patience, r_threshold, r_monitor, r_epochs, r_seed)
except ValueError as exc:
    p.error(exc)
    recipe = None
if recipe is not None:
    run_label = {k: t(f"lr_schedules.recipe_run.{k}") for k in ("constant", "decayed")}
    monitor_text = t(f"lr_schedules.recipe_monitor.{r_monitor}")
    runs = {"constant": recipe.constant}
    if recipe.decayed is not None:
        runs["decayed"] = recipe.decayed
    recipe_frame = pd.concat(
        [
            pd.DataFrame(
                {
                    "epoch": np.arange(1, r_epochs + 1),
                    "loss": getattr(curves, f"{curve}_loss"),
                    "run": run_label[name],
                    "curve": t(f"lr_schedules.recipe_curve.{curve}"),
                }
            )
            for name, curves in runs.items()
            for curve in ("train", "val")
        ]
    )
    val_const = num(recipe.constant.val_loss[-1])
    k1, k2, k3 = st.columns(3)
    if recipe.decayed is None:
        k1.metric(t("lr_schedules.recipe_m_plateau"), "—")
        st.info(
            t(
                "lr_schedules.recipe_no_plateau",
                monitor=monitor_text,
                epochs=r_epochs,
                patience=r_patience,
                threshold=num(r_threshold),
            )
        )
        alt = t("lr_schedules.recipe_alt_none", lr0=num(r_lr0), val_const=val_const)
    else:
        dec = recipe.decayed
        k1.metric(t("lr_schedules.recipe_m_plateau"), recipe.plateau)
        k2.metric(
            t("lr_schedules.recipe_m_val"),
            num(dec.val_loss[-1]),
            delta=num(dec.val_loss[-1] - recipe.constant.val_loss[-1]),
            delta_color="inverse",
        )
        k3.metric(
            t("lr_schedules.recipe_m_acc"),
            f"{dec.val_acc[-1]:.4f}",
            delta=f"{dec.val_acc[-1] - recipe.constant.val_acc[-1]:+.4f}",
        )
        alt = t(
            "lr_schedules.recipe_alt",
            lr0=num(r_lr0),
            gamma=num(r_gamma),
            plateau=recipe.plateau,
            monitor=monitor_text,
            val_const=val_const,
            val_dec=num(dec.val_loss[-1]),
        )
    charts.show(
        figures.recipe_curves(
            recipe_frame,
            {
                "domain": [run_label[k] for k in runs],
                "range": [charts.PALETTE[0], charts.PALETTE[1]][: len(runs)],
            },
            recipe.plateau,
            x_title=t("lr_schedules.x_epoch"),
            y_title=t("lr_schedules.recipe_y_loss"),
        ),
        alt,
        data=recipe_frame,
        filename="step_decay_recipe.csv",
    )
    p.explain(t("lr_schedules.recipe_read"))

st.header(t("lr_schedules.misc_header"))
blocks.misconception(t("lr_schedules.misc_slope"))
blocks.misconception(t("lr_schedules.misc_converge"))
blocks.misconception(t("lr_schedules.misc_decay_early"))

practice.section(p)
