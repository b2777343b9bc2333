"""Exercises on normalization and scale: P3 (batch norm), dropout and weight initialization."""

from __future__ import annotations

import math

import numpy as np

from core import activations, batch_norm, dropout
from core.exercises._base import Field, Spec, Tolerance, factor, floats, num, one_decimal, row

# --- P3: batch_norm.forward ----------------------------------------------------------------------
BN_EPS = 1e-5  # torch's default


def _bn_draw(rng: np.random.Generator) -> dict:
    while True:
        n = int(rng.integers(4, 6))
        x = rng.integers(-4, 10, size=n)
        gamma = float(rng.choice([0.5, 1.0, 1.5, 2.0, 3.0]))
        beta = float(rng.choice([-1.0, 0.0, 0.5, 1.0, 2.0]))
        if np.ptp(x) == 0:
            continue
        params = {"x": [int(v) for v in x], "gamma": gamma, "beta": beta, "eps": BN_EPS}
        y = _bn_solve(params)["y"]
        if min(y) < 0 < max(y):  # outputs on both sides of zero, at least one negative
            return params


def _bn_solve(p: dict) -> dict:
    x = np.array(p["x"], dtype=float)[:, None]  # (N, 1): one feature over the batch
    y, _, _ = batch_norm.batch_norm_forward(
        x, [p["gamma"]], [p["beta"]], None, None, training=True, eps=p["eps"]
    )
    mu_B, sigma2_B = batch_norm.batch_statistics(x)
    return {"mu": float(mu_B[0]), "var": float(sigma2_B[0]), "y": floats(y[:, 0])}


def _bn_statement(p: dict) -> dict[str, str]:
    return {
        "x": row(p["x"]),
        "n": str(len(p["x"])),
        "gamma": num(p["gamma"]),
        "beta": num(p["beta"]),
        "eps": num(p["eps"]),
    }


def _bn_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    x = np.array(p["x"], dtype=float)
    x_hat = (np.array(ans["y"]) - p["beta"]) / p["gamma"]
    return [
        ("mean", {"mu": num(ans["mu"])}),
        ("var", {"dev2": row((x - ans["mu"]) ** 2), "var": num(ans["var"])}),
        ("normalize", {"sd": num(math.sqrt(ans["var"] + p["eps"])), "x_hat": row(x_hat)}),
        ("scale", {"y": row(ans["y"])}),
    ]


BN_FORWARD = Spec(
    "batch_norm.forward",
    _bn_draw,
    _bn_solve,
    lambda p: (Field("mu", "real"), Field("var", "real"), Field("y", "real", len(p["x"]))),
    _bn_statement,
    _bn_steps,
)

# --- P3: batch_norm.running_mean -----------------------------------------------------------------
# torch: running = (1 - m) * running + m * mu_B, with m = momentum (the weight of the NEW batch).


def _running_draw(rng: np.random.Generator) -> dict:
    while True:
        k = int(rng.integers(2, 5))
        momentum = float(rng.choice([0.1, 0.2, 0.25, 0.5]))
        start = 0.0 if rng.random() < 0.5 else one_decimal(rng, -2.0, 3.0)
        means = [one_decimal(rng, -3.0, 5.0) for _ in range(k)]
        params = {"momentum": momentum, "running0": start, "batch_means": means}
        value = _running_solve(params)["running_mean"]
        # The interesting case: neither the last batch mean nor the plain average of the batches.
        if abs(value - means[-1]) > 0.05 and abs(value - float(np.mean(means))) > 0.05:
            return params


def _running_history(p: dict) -> list[float]:
    """Running mean before and after each batch, with core's batch-norm training update."""
    history = [p["running0"]]
    running_mean, running_var = np.array([p["running0"]]), np.ones(1)
    for mu_B in p["batch_means"]:
        batch = np.array([[mu_B - 1.0], [mu_B + 1.0]])  # any batch with mean mu_B
        _, running_mean, running_var = batch_norm.batch_norm_forward(
            batch, None, None, running_mean, running_var, training=True, momentum=p["momentum"]
        )
        history.append(float(running_mean[0]))
    return history


def _running_solve(p: dict) -> dict:
    return {"running_mean": _running_history(p)[-1]}


def _running_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    history = _running_history(p)
    m = p["momentum"]
    steps: list[tuple[str, dict[str, str]]] = [("rule", {"m": num(m), "keep": num(1.0 - m)})]
    for k, mu_B in enumerate(p["batch_means"], start=1):
        steps.append(
            (
                "update",
                {
                    "k": str(k),
                    "keep": num(1.0 - m),
                    "m": num(m),
                    "previous": factor(history[k - 1]),
                    "mu_B": factor(mu_B),
                    "value": num(history[k]),
                },
            )
        )
    steps.append(
        ("result", {"value": num(ans["running_mean"]), "mean": num(np.mean(p["batch_means"]))})
    )
    return steps


RUNNING_MEAN = Spec(
    "batch_norm.running_mean",
    _running_draw,
    _running_solve,
    lambda p: (Field("running_mean", "real"),),
    lambda p: {
        "m": num(p["momentum"]),
        "running0": num(p["running0"]),
        "k": str(len(p["batch_means"])),
        "means": row(p["batch_means"]),
    },
    _running_steps,
)

# --- dropout.expectation ------------------------------------------------------------------------


def _dropout_draw(rng: np.random.Generator) -> dict:
    while True:
        n = int(rng.integers(3, 5))
        w = rng.integers(-3, 4, size=n)
        x = [one_decimal(rng, -2.0, 3.0) for _ in range(n)]
        p_keep = float(rng.choice([0.25, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9]))
        if np.count_nonzero(w) < 2 or abs(float(w @ np.array(x))) < 1.0:
            continue
        return {"w": [int(v) for v in w], "x": x, "p_keep": p_keep}


def _dropout_solve(p: dict) -> dict:
    return {
        "expected": dropout.expected_output(p["w"], p["x"], p["p_keep"]),
        "scale_inverted": 1.0 / p["p_keep"],
    }


def _dropout_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    wx = dropout.expected_output(p["w"], p["x"], p["p_keep"], inverted=True)
    return [
        ("linearity", {"p": num(p["p_keep"])}),
        ("dot", {"wx": num(wx)}),
        ("expected", {"p": num(p["p_keep"]), "wx": factor(wx), "expected": num(ans["expected"])}),
        ("inverted", {"scale": num(ans["scale_inverted"])}),
    ]


DROPOUT = Spec(
    "dropout.expectation",
    _dropout_draw,
    _dropout_solve,
    lambda p: (Field("expected", "real"), Field("scale_inverted", "real")),
    lambda p: {"w": row(p["w"]), "x": row(p["x"]), "p": num(p["p_keep"])},
    _dropout_steps,
)

# --- activations_init.init_scale ------------------------------------------------------------------
#: torch.nn.init function of each scheme (He = kaiming with nonlinearity="relu", gain sqrt 2).
INIT_CALLS = {
    "xavier_normal": "torch.nn.init.xavier_normal_(layer.weight)",
    "xavier_uniform": "torch.nn.init.xavier_uniform_(layer.weight)",
    "he_normal": 'torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")',
    "he_uniform": 'torch.nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu")',
}
INIT_TOLERANCE = Tolerance(rel=0.005, abs=1e-6)  # the values are small: 0.5 % relative only


def init_scale(scheme: str, fan_in: int, fan_out: int) -> tuple[float, float]:
    r"""(gain, value) of a ``torch.nn.init`` scheme: the std of normal schemes, the bound of uniform.

    .. math::

        \sigma_{\text{Xavier}} = g\sqrt{\frac{2}{n_{in} + n_{out}}},\quad
        \sigma_{\text{He}} = \frac{g}{\sqrt{n_{in}}},\quad a = \sqrt{3}\,\sigma

    with g = 1 for Xavier and g = √2 for He (ReLU). Glorot & Bengio (2010); He et al. (2015).
    """
    if scheme.startswith("xavier"):
        gain, std = 1.0, math.sqrt(2.0 / (fan_in + fan_out))
    else:
        gain, std = math.sqrt(2.0), activations.init_std("he", fan_in)  # sqrt(2 / fan_in)
    return gain, (std * math.sqrt(3.0) if scheme.endswith("uniform") else std)


def _init_draw(rng: np.random.Generator) -> dict:
    return {
        "fan_in": int(rng.integers(4, 101)),
        "fan_out": int(rng.integers(4, 101)),
        "scheme": str(rng.choice(list(INIT_CALLS))),
    }


def _init_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    scheme = p["scheme"]
    gain, _ = init_scale(scheme, p["fan_in"], p["fan_out"])
    std = init_scale(scheme.replace("uniform", "normal"), p["fan_in"], p["fan_out"])[1]
    family = scheme.split("_")[0]
    steps = [
        ("gain_" + family, {"gain": num(gain)}),
        (
            "std_" + family,
            {"fan_in": str(p["fan_in"]), "fan_out": str(p["fan_out"]), "std": num(std)},
        ),
    ]
    if scheme.endswith("uniform"):
        steps.append(("bound", {"std": num(std), "bound": num(ans["value"])}))
    return steps


INIT_SCALE = Spec(
    "activations_init.init_scale",
    _init_draw,
    lambda p: {"value": init_scale(p["scheme"], p["fan_in"], p["fan_out"])[1]},
    lambda p: (Field("value", "real"),),
    lambda p: {
        "fan_in": str(p["fan_in"]),
        "fan_out": str(p["fan_out"]),
        "call": INIT_CALLS[p["scheme"]],
    },
    _init_steps,
    INIT_TOLERANCE,
)

SPECS = (BN_FORWARD, RUNNING_MEAN, DROPOUT, INIT_SCALE)
