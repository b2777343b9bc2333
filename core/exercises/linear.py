"""Exercises on linear models: P1 (least squares), P2 (linear networks) and P4 (L1 penalty)."""

from __future__ import annotations

import numpy as np

from core import l1_proximal, least_squares, linear_networks
from core.exercises._base import Field, Spec, col, floats, matrix, num, one_decimal, row

# --- P1: least_squares.min_norm ----------------------------------------------------------------
# X = a c^T has rank 1 < d, so the least-squares solutions form a line (d = 2) or a plane
# (d = 3) and the pseudo-inverse picks the shortest: X^+ = c a^T / (|a|^2 |c|^2).


def _min_norm_draw(rng: np.random.Generator) -> dict:
    while True:
        n, d = int(rng.integers(2, 5)), int(rng.integers(2, 4))
        a = rng.integers(-3, 4, size=n)
        c = rng.integers(-2, 4, size=d)
        y = rng.integers(-4, 6, size=n)
        if c[0] == 0 or np.count_nonzero(a) < 2 or np.count_nonzero(c) < 2:
            continue
        aty = int(a @ y)
        scale = aty / (int(a @ a) * int(c @ c))
        if aty == 0 or abs(scale) * np.min(np.abs(c[c != 0])) < 0.1:
            continue  # keep every nonzero weight visible at the grading tolerance
        X = np.outer(a, c)
        return {"X": X.tolist(), "y": y.tolist()}


def _min_norm_solve(p: dict) -> dict:
    X, y = np.array(p["X"], dtype=float), np.array(p["y"], dtype=float)
    return {
        "rank": least_squares.rank(X),
        "unique": int(least_squares.is_unique(X)),
        "w": floats(least_squares.min_norm_solution(X, y)),
    }


def _min_norm_fields(p: dict) -> tuple[Field, ...]:
    d = len(p["X"][0])
    return (Field("rank", "int"), Field("unique", "int"), Field("w", "real", d))


def _min_norm_statement(p: dict) -> dict[str, str]:
    return {"X": matrix(p["X"]), "y": col(p["y"]), "n": str(len(p["X"])), "d": str(len(p["X"][0]))}


def _rank_one_factors(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """X = a c^T with c the first nonzero row divided by its first nonzero entry times that entry."""
    i = int(np.flatnonzero(np.abs(X).sum(axis=1))[0])
    j = int(np.flatnonzero(X[i])[0])
    a = X[:, j] / X[i, j]  # column j over its pivot: integers here, since X[i] = a_i c
    c = X[i] / a[i]
    return a, c


def _min_norm_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    X, y = np.array(p["X"], dtype=float), np.array(p["y"], dtype=float)
    a, c = _rank_one_factors(X)
    X_pinv = least_squares.pinv(X)
    return [
        ("rank", {"a": col(a), "c": row(c), "rank": str(ans["rank"]), "d": str(X.shape[1])}),
        (
            "pinv",
            {"a2": num(a @ a), "c2": num(c @ c), "X_pinv": matrix(X_pinv.tolist())},
        ),
        ("w", {"aty": num(a @ y), "w": col(ans["w"])}),
        ("check", {"Xw": col(X @ np.array(ans["w"]))}),
    ]


MIN_NORM = Spec(
    "least_squares.min_norm",
    _min_norm_draw,
    _min_norm_solve,
    _min_norm_fields,
    _min_norm_statement,
    _min_norm_steps,
)

# --- P4: l1_proximal.soft_threshold -------------------------------------------------------------


def _soft_draw(rng: np.random.Generator) -> dict:
    while True:
        d = int(rng.integers(3, 6))
        w_star = np.array([one_decimal(rng, -4.0, 4.0) for _ in range(d)])
        H = rng.choice([0.5, 1.0, 2.0, 4.0], size=d)
        alpha = float(rng.choice([0.5, 1.0, 1.5, 2.0]))
        threshold = alpha / H
        zeroed = np.abs(w_star) <= threshold
        survivors = np.abs(w_star) - threshold
        if not zeroed.any() or zeroed.all():
            continue  # weights on both sides of the threshold
        if np.any(survivors[~zeroed] < 0.1) or np.any(np.isclose(np.abs(w_star), threshold)):
            continue  # no survivor too close to 0, no weight exactly on the threshold
        if not (np.any(w_star[~zeroed] > 0) and np.any(w_star < 0)):
            continue  # both signs, so the sign of the shrink matters
        return {"w_star": floats(w_star), "H": floats(H), "alpha": alpha}


def _soft_solve(p: dict) -> dict:
    w = l1_proximal.soft_threshold(np.array(p["w_star"]), p["alpha"], np.array(p["H"]))
    return {"w": floats(w)}


def _soft_statement(p: dict) -> dict[str, str]:
    return {"w_star": row(p["w_star"]), "H": row(p["H"]), "alpha": num(p["alpha"])}


def _soft_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    threshold = np.array(p["alpha"]) / np.array(p["H"])
    zeroed = [
        str(i + 1)
        for i, (w, t) in enumerate(zip(p["w_star"], threshold, strict=True))
        if abs(w) <= t
    ]
    return [
        ("threshold", {"thresholds": row(threshold)}),
        ("zero", {"zeroed": ", ".join(zeroed)}),
        ("shrink", {"w": row(ans["w"])}),
    ]


SOFT_THRESHOLD = Spec(
    "l1_proximal.soft_threshold",
    _soft_draw,
    _soft_solve,
    lambda p: (Field("w", "real", len(p["w_star"])),),
    _soft_statement,
    _soft_steps,
)

# --- P2: linear_networks.collapse ---------------------------------------------------------------
# A hidden layer narrower than input and output (h < min(d, m)) is a bottleneck: W2 W1 has
# rank <= h, so the linear network B is a *restricted* linear model, not a richer one.


def _collapse_draw(rng: np.random.Generator) -> dict:
    while True:
        d, m = int(rng.integers(2, 4)), int(rng.integers(2, 4))
        h = int(rng.integers(1, min(d, m)))
        W1 = rng.integers(-2, 3, size=(h, d))
        W2 = rng.integers(-2, 3, size=(m, h))
        b1 = rng.integers(-2, 3, size=h)
        b2 = rng.integers(-2, 3, size=m)
        W = W2 @ W1
        if np.count_nonzero(W) < 2 or not np.all(W1.any(axis=1)) or not np.all(W2.any(axis=0)):
            continue
        if not np.any(W2 @ b1):
            continue  # b1 must reach the output, so that b = W2 b1 + b2 differs from b2
        return {"W1": W1.tolist(), "b1": b1.tolist(), "W2": W2.tolist(), "b2": b2.tolist()}


def _collapse_solve(p: dict) -> dict:
    W1, W2 = np.array(p["W1"], dtype=float), np.array(p["W2"], dtype=float)
    W, b = linear_networks.collapse([W1, W2], [np.array(p["b1"]), np.array(p["b2"])])
    (h, d), m = W1.shape, W2.shape[0]
    return {
        "W": [int(v) for v in W.ravel()],
        "b": [int(v) for v in b],
        "rank": linear_networks.rank(W),
        "params_A": linear_networks.parameter_count([d, m]),
        "params_B": linear_networks.parameter_count([d, h, m]),
    }


def _collapse_fields(p: dict) -> tuple[Field, ...]:
    d, m = len(p["W1"][0]), len(p["W2"])
    return (
        Field("W", "int", m * d),
        Field("b", "int", m),
        Field("rank", "int"),
        Field("params_A", "int"),
        Field("params_B", "int"),
    )


def _collapse_statement(p: dict) -> dict[str, str]:
    (h, d), m = np.shape(p["W1"]), len(p["W2"])
    return {
        "W1": matrix(p["W1"]),
        "b1": col(p["b1"]),
        "W2": matrix(p["W2"]),
        "b2": col(p["b2"]),
        "d": str(d),
        "h": str(h),
        "m": str(m),
    }


def _collapse_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    (h, d), m = np.shape(p["W1"]), len(p["W2"])
    W = np.reshape(ans["W"], (m, d))
    W2b1 = np.array(p["W2"]) @ np.array(p["b1"])
    return [
        ("W", {"W": matrix(W.tolist())}),
        ("b", {"W2b1": col(W2b1), "b": col(ans["b"])}),
        ("rank", {"rank": str(ans["rank"]), "h": str(h), "bound": str(min(d, m))}),
        (
            "params",
            {"params_A": str(ans["params_A"]), "params_B": str(ans["params_B"]), "d": str(d)}
            | {"h": str(h), "m": str(m)},
        ),
    ]


COLLAPSE = Spec(
    "linear_networks.collapse",
    _collapse_draw,
    _collapse_solve,
    _collapse_fields,
    _collapse_statement,
    _collapse_steps,
)

# --- P2: linear_networks.xor_fit (multiple choice) ---------------------------------------------
XOR_CHOICES = ("A", "B", "C", "AB", "none")
ACTIVATIONS = {
    "relu": r"\operatorname{ReLU}",
    "tanh": r"\tanh",
    "sigmoid": r"\operatorname{sigmoid}",
}


def _xor_draw(rng: np.random.Generator) -> dict:
    order = [XOR_CHOICES[i] for i in rng.permutation(len(XOR_CHOICES))]
    return {
        "h_A": int(rng.integers(2, 10)),
        "h_B": int(rng.integers(2, 10)),
        "activation": str(rng.choice(list(ACTIVATIONS))),
        "order": order,
    }


def _xor_solve(p: dict) -> dict:
    # A collapses to one affine map (linear_networks.collapse), like C; an affine f has
    # f(0,0) + f(1,1) = f(0,1) + f(1,0), while XOR needs 0 + 0 = 1 + 1. B, with two or more
    # nonlinear units, fits it (see the solution).
    return {"answer": "B"}


def _xor_statement(p: dict) -> dict[str, str]:
    act = ACTIVATIONS[p["activation"]]
    return {
        "h_A": str(p["h_A"]),
        "h_B": str(p["h_B"]),
        "net_A": r"\hat y = W_2\,(W_1\mathbf{x} + \mathbf{b}_1) + b_2",
        "net_B": rf"\hat y = W_2\,{act}(W_1\mathbf{{x}} + \mathbf{{b}}_1) + b_2",
        "net_C": r"\hat y = \mathbf{w}^\top\mathbf{x} + b",
        "act": act,
    }


def _xor_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    act = ACTIVATIONS[p["activation"]]
    return [
        ("affine", {"h_A": str(p["h_A"])}),
        ("xor", {"f": r"f(0,0) + f(1,1) = f(0,1) + f(1,0)"}),
        ("nonlinear", {"h_B": str(p["h_B"]), "act": act}),
    ]


XOR_FIT = Spec(
    "linear_networks.xor_fit",
    _xor_draw,
    _xor_solve,
    lambda p: (Field("answer", "choice", None, tuple(p["order"])),),
    _xor_statement,
    _xor_steps,
)

SPECS = (MIN_NORM, COLLAPSE, XOR_FIT, SOFT_THRESHOLD)
