"""Exercises on training: P5 (parameters, early stopping), Adam and learning-rate schedules."""

from __future__ import annotations

import math

import numpy as np

from core import linear_networks, optimizers, schedules
from core.exercises._base import Field, Spec, Tolerance, num, one_decimal, row

# --- optimizers.adam_steps ----------------------------------------------------------------------
ADAM_BETAS = ((0.9, 0.999), (0.8, 0.99), (0.5, 0.9))
ADAM_EPS = 1e-8


def _adam_draw(rng: np.random.Generator) -> dict:
    while True:
        t = int(rng.integers(2, 4))
        grads = [one_decimal(rng, -2.0, 2.0) for _ in range(t)]
        if any(g == 0 for g in grads) or all(g > 0 for g in grads) or all(g < 0 for g in grads):
            continue  # a sign change, so the steps are not all the same size and direction
        beta1, beta2 = ADAM_BETAS[int(rng.integers(len(ADAM_BETAS)))]
        return {
            "theta0": one_decimal(rng, -2.0, 2.0),
            "grads": grads,
            "lr": float(rng.choice([0.1, 0.2, 0.5])),
            "beta1": beta1,
            "beta2": beta2,
            "eps": ADAM_EPS,
        }


def _adam_path(p: dict) -> np.ndarray:
    """theta after 0, 1, ..., t steps with core's Adam fed the given gradients in order."""
    grads = iter(p["grads"])
    return optimizers.run_optimizer(
        "adam",
        lambda theta: np.array([next(grads)]),  # the gradients are given, whatever theta is
        [p["theta0"]],
        len(p["grads"]),
        p["lr"],
        betas=(p["beta1"], p["beta2"]),
        eps=p["eps"],
    )[:, 0]


def _adam_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    path = _adam_path(p)
    b1, b2 = p["beta1"], p["beta2"]
    steps: list[tuple[str, dict[str, str]]] = [("init", {})]
    m = v = 0.0
    for t, g in enumerate(p["grads"], start=1):
        m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
        steps.append(
            (
                "step",
                {
                    "t": str(t),
                    "g": num(g),
                    "m": num(m),
                    "v": num(v),
                    "m_hat": num(m_hat),
                    "v_hat": num(v_hat),
                    "theta": num(round(float(path[t]), 6)),  # eps leaves ~1e-9 near 0
                },
            )
        )
    return steps


ADAM = Spec(
    "optimizers.adam_steps",
    _adam_draw,
    lambda p: {"theta": float(_adam_path(p)[-1])},
    lambda p: (Field("theta", "real"),),
    lambda p: {
        "theta0": num(p["theta0"]),
        "grads": row(p["grads"]),
        "t": str(len(p["grads"])),
        "lr": num(p["lr"]),
        "beta1": num(p["beta1"]),
        "beta2": num(p["beta2"]),
        "eps": num(p["eps"]),
    },
    _adam_steps,
)

# --- lr_schedules.value ---------------------------------------------------------------------------
LR_SCHEDULES = ("step", "exponential", "inverse_time", "cosine")
LR_TOLERANCE = Tolerance(rel=0.005, abs=1e-6)  # rates are small: 0.5 % relative only


def _lr_draw(rng: np.random.Generator) -> dict:
    name = LR_SCHEDULES[int(rng.integers(len(LR_SCHEDULES)))]
    lr0 = float(rng.choice([0.01, 0.05, 0.1, 0.2, 0.5, 1.0]))
    p: dict = {"schedule": name, "lr0": lr0}
    if name == "step":
        s = int(rng.integers(2, 7))
        p |= {"step_size": s, "gamma": float(rng.choice([0.1, 0.2, 0.5, 0.8]))}
        p["epoch"] = int(rng.integers(s, 4 * s + 1))  # at least one decay
    elif name == "exponential":
        p |= {
            "gamma": float(rng.choice([0.5, 0.7, 0.8, 0.9, 0.95])),
            "epoch": int(rng.integers(2, 9)),
        }
    elif name == "inverse_time":
        p |= {"k": float(rng.choice([0.05, 0.1, 0.2, 0.5, 1.0])), "epoch": int(rng.integers(1, 21))}
    else:
        T_max = int(rng.choice([4, 6, 8, 10, 12, 20, 30]))
        eta_min = float(rng.choice([0.0, 0.1 * lr0]))
        p |= {"T_max": T_max, "eta_min": round(eta_min, 6), "epoch": int(rng.integers(1, T_max))}
    return p


def _lr_hyper(p: dict) -> dict:
    return {k: p[k] for k in schedules.SCHEDULE_PARAMS[p["schedule"]]}


def _lr_solve(p: dict) -> dict:
    lrs = schedules.lr_schedule(p["schedule"], p["lr0"], p["epoch"] + 1, **_lr_hyper(p))
    return {"lr": float(lrs[p["epoch"]])}


def _lr_call(p: dict) -> str:
    name = p["schedule"]
    if name == "step":
        return f"StepLR(optimizer, step_size={p['step_size']}, gamma={p['gamma']})"
    if name == "exponential":
        return f"ExponentialLR(optimizer, gamma={p['gamma']})"
    if name == "inverse_time":
        return f"LambdaLR(optimizer, lambda t: 1 / (1 + {p['k']} * t))"
    return f"CosineAnnealingLR(optimizer, T_max={p['T_max']}, eta_min={p['eta_min']:g})"


def _lr_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    name, t, lr0 = p["schedule"], p["epoch"], p["lr0"]
    values = {"t": str(t), "lr0": num(lr0), "lr": num(ans["lr"])}
    if name == "step":
        values |= {
            "s": str(p["step_size"]),
            "q": str(t // p["step_size"]),
            "gamma": num(p["gamma"]),
        }
    elif name == "exponential":
        values |= {"gamma": num(p["gamma"])}
    elif name == "inverse_time":
        values |= {"k": num(p["k"]), "den": num(1 + p["k"] * t)}
    else:
        values |= {
            "T_max": str(p["T_max"]),
            "eta_min": num(p["eta_min"]),
            "cos": num(math.cos(math.pi * t / p["T_max"])),
        }
    return [("formula", {"formula": schedules.SCHEDULE_LATEX[name]}), ("value_" + name, values)]


LR_VALUE = Spec(
    "lr_schedules.value",
    _lr_draw,
    _lr_solve,
    lambda p: (Field("lr", "real"),),
    lambda p: {"call": _lr_call(p), "lr0": num(p["lr0"]), "epoch": str(p["epoch"])},
    _lr_steps,
    LR_TOLERANCE,
)

# --- P5: trainer.early_stopping -----------------------------------------------------------------


def early_stopping(val_losses: list[float], patience: int) -> tuple[int, int]:
    """(epoch whose weights are returned, epoch at which training stops), epochs counted from 1.

    The trainer's rule (``core.train``): an epoch *improves* when its validation loss is strictly
    below the best so far; training stops after ``patience`` epochs in a row without improvement
    and returns the weights of the best epoch. Without such a run it stops at the last epoch.
    """
    best, best_epoch, wait = math.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses)


def _stopping_draw(rng: np.random.Generator) -> dict:
    patience = int(rng.integers(2, 5))
    cents = int(rng.integers(120, 201))  # losses in hundredths, so every value has two decimals
    losses: list[int] = [cents]

    def improve(times: int) -> None:
        for _ in range(times):
            losses.append(min(losses) - int(rng.integers(2, 13)))

    def stall(times: int) -> None:
        for _ in range(times):
            losses.append(min(losses) + int(rng.integers(1, 11)))

    improve(int(rng.integers(1, 4)))
    stall(int(rng.integers(1, patience)))  # a pause shorter than the patience: keep going
    improve(int(rng.integers(1, 4)))
    stall(patience)  # the pause that stops training
    tail = int(rng.integers(0, 4))
    if tail and rng.random() < 0.5:
        losses.append(min(losses) - int(rng.integers(1, 6)))  # a lower loss it never sees
        tail -= 1
    stall(tail)
    return {"val_losses": [c / 100 for c in losses], "patience": patience}


def _stopping_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    losses = p["val_losses"]
    best, stop = ans["best_epoch"], ans["stop_epoch"]
    steps = [
        ("rule", {"patience": str(p["patience"])}),
        ("best", {"best_epoch": str(best), "loss": num(losses[best - 1])}),
        ("stop", {"stop_epoch": str(stop), "patience": str(p["patience"])}),
    ]
    later = losses[stop:]
    if later and min(later) < losses[best - 1]:
        epoch = stop + 1 + int(np.argmin(later))
        steps.append(("unseen", {"epoch": str(epoch), "loss": num(losses[epoch - 1])}))
    return steps


def _loss_table(losses: list[float]) -> str:
    epochs = " & ".join(str(e) for e in range(1, len(losses) + 1))
    values = " & ".join(f"{v:.2f}" for v in losses)
    return (
        r"\begin{array}{c|" + "c" * len(losses) + "}"
        rf"t & {epochs} \\ \hline L_{{\mathrm{{val}}}} & {values}\end{{array}}"
    )


EARLY_STOPPING = Spec(
    "trainer.early_stopping",
    _stopping_draw,
    lambda p: dict(
        zip(
            ("best_epoch", "stop_epoch"),
            early_stopping(p["val_losses"], p["patience"]),
            strict=True,
        )
    ),
    lambda p: (Field("best_epoch", "int"), Field("stop_epoch", "int")),
    lambda p: {"table": _loss_table(p["val_losses"]), "patience": str(p["patience"])},
    _stopping_steps,
)

# --- P5: trainer.param_count ------------------------------------------------------------------------
INPUTS = (784, 64, 20)  # MNIST, optdigits 8x8, a small tabular set
WIDTHS = (10, 16, 20, 32, 40, 50, 64, 100, 128, 256)


def _count_draw(rng: np.random.Generator) -> dict:
    hidden = [int(rng.choice(WIDTHS)) for _ in range(int(rng.choice([1, 2, 3], p=[0.2, 0.4, 0.4])))]
    return {
        "layers": [int(rng.choice(INPUTS)), *hidden, 10],
        "batch_norm": int(rng.random() < 0.5),
    }


def _count_solve(p: dict) -> dict:
    hidden = p["layers"][1:-1]
    bn = 2 * sum(hidden) if p["batch_norm"] else 0  # gamma and beta; running stats are buffers
    return {"params": linear_networks.parameter_count(p["layers"]) + bn}


def _architecture(p: dict) -> str:
    parts = []
    sizes = p["layers"]
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=False)):
        parts.append(f"Linear({n_in}, {n_out})")
        if i < len(sizes) - 2:
            if p["batch_norm"]:
                parts.append(f"BatchNorm1d({n_out})")
            parts.append("ReLU()")
    return " → ".join(parts)


def _count_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    sizes = p["layers"]
    steps = [
        ("linear", {"n_in": str(a), "n_out": str(b), "count": str(a * b + b)})
        for a, b in zip(sizes[:-1], sizes[1:], strict=False)
    ]
    if p["batch_norm"]:
        steps.append(
            ("bn", {"widths": ", ".join(map(str, sizes[1:-1])), "count": str(2 * sum(sizes[1:-1]))})
        )
    steps.append(("total", {"params": str(ans["params"])}))
    return steps


PARAM_COUNT = Spec(
    "trainer.param_count",
    _count_draw,
    _count_solve,
    lambda p: (Field("params", "int"),),
    lambda p: {"architecture": _architecture(p)},
    _count_steps,
)

SPECS = (PARAM_COUNT, EARLY_STOPPING, ADAM, LR_VALUE)
