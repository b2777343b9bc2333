"""Fuzz cases of core.activations."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import activations
from tests.core.fuzz import framework as fw
from tests.core.fuzz import strategies as sg

# =============================================================================================
# core.activations
# =============================================================================================
CASES = fw.Cases()
fuzz = CASES.add
ac = activations


@st.composite
def act_kwargs(draw: Any, with_x: bool = True) -> fw.Kwargs:
    name = draw(st.sampled_from(ac.NAMES))
    allowed = sorted(ac.PARAMS[name])
    keys = draw(st.lists(st.sampled_from(allowed), unique=True)) if allowed else []
    params = {
        k: draw(st.one_of(st.floats(-ac.MAX_PARAM, ac.MAX_PARAM), st.sampled_from([0.0, 100.0])))
        for k in keys
    }
    out: fw.Kwargs = {"name": name, **params}
    if with_x:
        out["x"] = draw(st.one_of(sg.arrays(((1, 8),)), sg.arrays(((1, 3), (1, 3)))))
    return out


def _bad_param(param: str) -> fw.BadFactory:
    def factory(kw: fw.Kwargs) -> st.SearchStrategy:
        if param in ac.PARAMS[kw["name"]]:
            return sg.bad_number(100.5, -101.0, 1e300)(kw)
        return st.just(0.5)  # a parameter the activation does not use

    return factory


BAD_ACT_PARAMS = {
    "name": sg.bad_name("Sigmoid", "softmax", valid=ac.NAMES),
    "bogus": lambda kw: st.just(1.0),
    "negative_slope": _bad_param("negative_slope"),
    "alpha": _bad_param("alpha"),
    "w1": _bad_param("w1"),
}
for _act in (ac.activation, ac.derivative):
    fuzz(
        _act,
        act_kwargs(),
        lambda kw, out: fw.assert_array(out, np.shape(kw["x"])),
        {**BAD_ACT_PARAMS, "x": sg.bad_array("x", None)},
    )
fuzz(
    ac.max_slope,
    act_kwargs(with_x=False),
    lambda kw, out: fw.assert_float(out, 0.0),
    BAD_ACT_PARAMS,
)
INIT = st.one_of(st.sampled_from(ac.INITS), st.floats(1e-6, 100.0), st.just(100.0))
BAD_INIT = sg.bad_number(0.0, -1.0, 100.5, "Xavier", "", none_ok=False)
fuzz(
    ac.init_std,
    sg.kwargs(init=INIT, fan_in=st.integers(1, 10**12)),
    fw.holds(lambda kw, out: math.isfinite(out) and out > 0),
    {"init": BAD_INIT, "fan_in": sg.bad_number(0, -3, integer=True)},
)


def _check_init_weights(kw: fw.Kwargs, out: Any) -> None:
    n, p = kw["width"], kw["pieces"]
    assert len(out) == kw["n_layers"]
    for W in out:
        fw.assert_array(W, (p, n, n))


fuzz(
    ac.init_weights,
    sg.kwargs(
        n_layers=st.integers(1, 4),
        width=st.integers(1, 6),
        init=INIT,
        rng=sg.SEEDS.map(np.random.default_rng),
        pieces=st.integers(1, 2),
    ),
    _check_init_weights,
    {
        "n_layers": sg.bad_number(0, -1, ac.MAX_LAYERS + 1, integer=True),
        "width": sg.bad_number(0, ac.MAX_WIDTH + 1, integer=True),
        "init": BAD_INIT,
        "rng": sg.bad_rng(),
        "pieces": sg.bad_number(0, 3, integer=True),
    },
)


@st.composite
def mlp_kwargs(draw: Any) -> fw.Kwargs:
    name = draw(st.sampled_from(ac.NAMES))
    N, n, L = draw(st.integers(1, 6)), draw(st.integers(1, 5)), draw(st.integers(1, 4))
    pieces = 2 if name == "maxout" else 1
    dtype = draw(st.sampled_from([np.float64, np.float32]))  # layer_statistics runs float32
    return {
        "x": draw(sg.arrays((N, n), exp=(-3, 1))).astype(dtype),
        "weights": [draw(sg.arrays((pieces, n, n), exp=(-3, 0))).astype(dtype) for _ in range(L)],
        "name": name,
        "upstream": draw(sg.arrays((N, n), exp=(-3, 1))).astype(dtype),
    }


def _bad_mlp_weights(kw: fw.Kwargs) -> st.SearchStrategy:
    W = kw["weights"]
    p, n = W[0].shape[0], W[0].shape[1]
    return st.sampled_from(
        [
            None,
            [],
            "abc",
            W[0],  # an array, not a list of arrays
            [np.ones((3 - p, n, n))] + list(W[1:]),  # wrong number of pieces for the activation
            [np.ones((p, n + 1, n + 1))] + list(W[1:]),  # does not fit x
            list(W[:-1]) + [np.ones((p, n, n + 1))],  # not square
            list(W[:-1]) + [np.ones((n, n))],  # 2-D
            [np.full((p, n, n), np.nan)] + list(W[1:]),
            list(W) + [[[["a"]]]],
        ]
    )


def _check_mlp(kw: fw.Kwargs, out: Any) -> None:
    N, n = kw["x"].shape
    L = len(kw["weights"])
    assert len(out.z) == len(out.h) == len(out.grad_W) == len(out.grad_h) == L
    for layer in range(L):
        assert out.h[layer].shape == (N, n) and out.grad_h[layer].shape == (N, n)
        assert out.grad_W[layer].shape == kw["weights"][layer].shape
    fw.assert_finite(out)


fuzz(
    ac.mlp_forward_backward,
    mlp_kwargs(),
    _check_mlp,
    {
        "x": sg.bad_array("x", 2, sg.shrink_or_grow("x", axis=1)),
        "weights": _bad_mlp_weights,
        "name": sg.bad_name(valid=ac.NAMES),
        "upstream": sg.bad_array("upstream", 2, sg.shrink_or_grow("upstream", axis=0)),
    },
    lists_ok=False,  # documented as ndarrays
)


def _check_layer_stats(kw: fw.Kwargs, out: Any) -> None:
    L = kw["n_layers"]
    for name in ("mean", "std", "grad_W_norm", "grad_h_norm", "flat_share"):
        fw.assert_array(getattr(out, name), (L,))
    assert out.hist_counts.shape == (L, kw["bins"])
    assert np.all(out.hist_counts.sum(axis=1) == kw["n_samples"] * kw["width"])
    fw.assert_finite(out)


LAYER_STATS = sg.kwargs(
    n_layers=st.integers(1, 12),
    width=st.integers(1, 8),
    activation=st.sampled_from(ac.NAMES),
    init=st.one_of(st.sampled_from(ac.INITS), st.floats(1e-6, 3.0)),
    seed=st.integers(0, 2**32 - 1),
    n_samples=st.integers(1, 40),
    bins=st.integers(2, 200),
    common_range=st.booleans(),
)
# up to 50 layers and sigma up to 100: the activations may overflow float32 (refused)
LAYER_STATS_DEEP = sg.extend(
    LAYER_STATS,
    n_layers=st.one_of(st.integers(1, 12), st.integers(13, ac.MAX_LAYERS)),
    init=st.one_of(INIT, st.floats(10.0, 100.0)),
)


def _may_explode(kw: fw.Kwargs) -> bool:
    """Documented refusal on float32 overflow. Per layer the activations (and gradients) grow
    by about sigma * sqrt(width) at most; below 1 an overflow is practically impossible."""
    return ac.init_std(kw["init"], kw["width"]) * math.sqrt(kw["width"]) > 1


fuzz(
    ac.layer_statistics,
    LAYER_STATS_DEEP,
    _check_layer_stats,
    {
        "n_layers": sg.bad_number(0, 51, integer=True),
        "width": sg.bad_number(0, 2001, integer=True),
        "activation": sg.bad_name(valid=ac.NAMES),
        "init": BAD_INIT,
        "seed": sg.bad_number(-1, 2**32, integer=True),
        "n_samples": sg.bad_number(0, 5001, integer=True),
        "bins": sg.bad_number(1, 201, integer=True),
    },
    refuses=_may_explode,
    examples=20,
)
fuzz(
    ac.diagnose,
    LAYER_STATS.map(lambda kw: {"stats": ac.layer_statistics(**kw)}),  # never overflows
    fw.holds(lambda kw, out: out in ac.DIAGNOSES),
    {"stats": lambda kw: st.sampled_from([None, "stats", {}, dataclasses.asdict(kw["stats"])])},
    examples=15,
)


def _check_cloud(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(out, (kw["n"], 2))


fuzz(
    ac.make_cloud,
    sg.kwargs(
        n=st.integers(2, 500),
        seed=st.integers(0, 2**32 - 1),
        center=sg.vectors(2),
        scales=sg.arrays((2,), structure=False).map(lambda a: np.abs(a) + 1e-6),
        angle_deg=st.floats(-180, 180),
    ),
    _check_cloud,
    {
        "n": sg.bad_number(1, 5001, integer=True),
        "seed": sg.bad_number(-1, 2**32, integer=True),
        "center": sg.bad_array("center", 1, [1.0, 2.0, 3.0]),
        "scales": sg.bad_array("scales", 1, [1.0, 0.0], [1.0, -1.0], [1.0]),
        "angle_deg": sg.bad_number(180.5, -181.0),
    },
)


def _check_preprocess(kw: fw.Kwargs, out: Any) -> None:
    X_new, mu, s = out
    n, d = kw["X"].shape
    fw.assert_array(X_new, (n, d))
    fw.assert_array(mu, (d,))
    fw.assert_array(s, (d,))
    assert np.all(s > 0)


fuzz(
    ac.preprocess,
    sg.kwargs(X=sg.arrays(((2, 8), (1, 3))), method=st.sampled_from(ac.PREPROCESS)),
    _check_preprocess,
    {
        "X": sg.bad_array("X", 2, lambda kw: st.just(kw["X"][:1])),
        "method": sg.bad_name("standardise", valid=ac.PREPROCESS),
    },
)


def _check_boundary(kw: fw.Kwargs, out: Any) -> None:
    w, b = out
    fw.assert_array(w, (len(kw["w"]),))
    fw.assert_float(b)


fuzz(
    ac.transform_boundary,
    sg.extend(sg.kwargs(w=sg.vectors((1, 4))), mu=lambda kw: sg.vectors(len(kw["w"]))).flatmap(
        lambda kw: sg.extend(st.just(kw), s=sg.vectors(len(kw["w"])), b=sg.real())
    ),
    _check_boundary,
    {
        "w": sg.bad_array("w", 1, sg.grow("w")),
        "mu": sg.bad_array("mu", 1, sg.grow("mu")),
        "s": sg.bad_array("s", 1, sg.grow("s")),
        "b": sg.bad_number(),
    },
)
fuzz(
    ac.flip_fraction,
    sg.kwargs(
        X=sg.arrays(((1, 30), 2)), w=sg.vectors(2), b=sg.real(), delta_deg=st.floats(-180, 180)
    ),
    lambda kw, out: fw.assert_float(out, 0.0, 1.0),
    {
        "X": sg.bad_array("X", 2, np.ones((3, 3))),
        "w": sg.bad_array("w", 1, [1.0, 2.0, 3.0]),
        "b": sg.bad_number(),
        "delta_deg": sg.bad_number(180.5, -181.0),
    },
)


test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
