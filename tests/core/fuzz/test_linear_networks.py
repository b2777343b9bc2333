"""Fuzz cases of core.linear_networks."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import linear_networks
from tests.core.fuzz import framework as fw
from tests.core.fuzz import strategies as sg
from tests.core.fuzz.test_least_squares import BAD_RTOL, LS_X

# =============================================================================================
# core.linear_networks
# =============================================================================================
CASES = fw.Cases()
fuzz = CASES.add
ln = linear_networks
LN_ACT = st.sampled_from(sorted(ln.ACTIVATIONS))
BAD_LN_ACT = sg.bad_name("sigmoid", valid=tuple(ln.ACTIVATIONS))


@st.composite
def layers(draw: Any, sizes: list[int] | None = None) -> fw.Kwargs:
    """A chain of (out, in) weight matrices and biases with entries up to 1e3."""
    if sizes is None:
        sizes = draw(st.lists(st.integers(1, 5), min_size=2, max_size=5))
    weights = [
        draw(sg.arrays((o, i), exp=(-3, 2))) for i, o in zip(sizes[:-1], sizes[1:], strict=False)
    ]
    biases = [draw(sg.arrays((o,), exp=(-3, 2))) for o in sizes[1:]]
    return {"weights": weights, "biases": biases, "sizes": sizes}


def _layers_kwargs(draw_layers: st.SearchStrategy) -> st.SearchStrategy:
    return draw_layers.map(lambda d: {"weights": d["weights"], "biases": d["biases"]})


def _bad_weights(kw: fw.Kwargs) -> st.SearchStrategy:
    W = kw["weights"]
    opts = [
        [],
        None,
        "abc",
        np.ones((2, 2)),  # an array, not a list of arrays
        [np.ones(3)] * len(W),  # 1-D layer
        [np.full_like(W[0], np.nan)] + list(W[1:]),
        [np.ones((W[0].shape[0] + 1, W[0].shape[1]))] + list(W[1:]),  # bias length mismatch
        list(W) + [np.ones((1, W[-1].shape[0] + 1))],  # chain broken / length mismatch
    ]
    return st.sampled_from(opts)


def _bad_biases(kw: fw.Kwargs) -> st.SearchStrategy:
    b = kw["biases"]
    opts = [
        None,
        "abc",
        list(b)[:-1],
        [np.append(b[0], 1.0)] + list(b[1:]),
        [np.full_like(b[0], np.inf)] + list(b[1:]),
        [b[0][None]] + list(b[1:]),
    ]
    return st.sampled_from(opts)


BAD_LAYERS = {"weights": _bad_weights, "biases": _bad_biases}


def _check_collapse(kw: fw.Kwargs, out: Any) -> None:
    W, b = out
    fw.assert_array(W, (kw["weights"][-1].shape[0], kw["weights"][0].shape[1]))
    fw.assert_array(b, (kw["weights"][-1].shape[0],))


fuzz(ln.collapse, _layers_kwargs(layers()), _check_collapse, BAD_LAYERS)


@st.composite
def forward_kwargs(draw: Any) -> fw.Kwargs:
    net = draw(layers())
    d = net["sizes"][0]
    x = draw(st.one_of(sg.vectors(d, exp=(-3, 3)), sg.arrays(((1, 5), d), exp=(-3, 3))))
    return {"x": x, "weights": net["weights"], "biases": net["biases"], "activation": draw(LN_ACT)}


def _check_forward(kw: fw.Kwargs, out: Any) -> None:
    m = kw["weights"][-1].shape[0]
    x = np.asarray(kw["x"])
    fw.assert_array(out, (m,) if x.ndim == 1 else (x.shape[0], m))


fuzz(
    ln.forward,
    forward_kwargs(),
    _check_forward,
    {
        **BAD_LAYERS,
        "x": sg.bad_array("x", (1, 2), sg.shrink_or_grow("x")),
        "activation": BAD_LN_ACT,
    },
)
SIZES_BAD = lambda kw: st.sampled_from(  # noqa: E731
    [[], [3], None, "34", [2, 0], [2, -1], [2, 1.5], [2, "a"], [2, None], (3,), np.array([2, 3])]
)
fuzz(
    ln.parameter_count,
    sg.kwargs(layer_sizes=st.lists(st.integers(1, 10**7), min_size=2, max_size=8)),
    fw.holds(lambda kw, out: isinstance(out, int) and out > 0),
    {"layer_sizes": SIZES_BAD},
)


def _check_random_net(kw: fw.Kwargs, out: Any) -> None:
    weights, biases = out
    sizes = kw["layer_sizes"]
    assert [W.shape for W in weights] == [
        (o, i) for i, o in zip(sizes[:-1], sizes[1:], strict=False)
    ]
    assert [b.shape for b in biases] == [(o,) for o in sizes[1:]]
    fw.assert_finite(out)


fuzz(
    ln.random_network,
    sg.kwargs(
        layer_sizes=st.lists(st.integers(1, 12), min_size=2, max_size=5),
        seed=sg.SEEDS,
        weight_scale=st.one_of(st.just(0.0), sg.positive()),
        bias_scale=st.one_of(st.just(0.0), sg.positive()),
    ),
    _check_random_net,
    {
        "layer_sizes": lambda kw: st.one_of(SIZES_BAD(kw), st.just([2, 1025])),
        "seed": sg.bad_number(-1, integer=True),
        "weight_scale": sg.bad_number(sg.NEG),
        "bias_scale": sg.bad_number(sg.NEG),
    },
)
fuzz(
    ln.rank,
    sg.kwargs(W=LS_X, rtol=st.one_of(st.none(), sg.unit(high_open=True))),
    fw.holds(lambda kw, out: isinstance(out, int) and 0 <= out <= min(kw["W"].shape)),
    {"W": sg.bad_array("W", 2), "rtol": BAD_RTOL},
)


@st.composite
def gap_kwargs(draw: Any) -> fw.Kwargs:
    net = draw(layers())
    return {
        "weights": net["weights"],
        "biases": net["biases"],
        "activation": draw(LN_ACT),
        "n_points": draw(st.integers(1, 200)),
        "seed": draw(sg.SEEDS),
        "scale": draw(st.one_of(st.just(0.0), sg.positive(1e-6, 1e3))),
    }


fuzz(
    ln.max_collapse_gap,
    gap_kwargs(),
    lambda kw, out: fw.assert_float(out, 0.0),
    {
        **BAD_LAYERS,
        "activation": BAD_LN_ACT,
        "n_points": sg.bad_number(0, 100_001, integer=True),
        "seed": sg.bad_number(-1, integer=True),
        "scale": sg.bad_number(sg.NEG),
    },
)


def _check_grid_lines(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(out, (2 * kw["n_lines"], kw["n_points"], 2))


fuzz(
    ln.grid_lines,
    sg.kwargs(extent=sg.positive(), n_lines=st.integers(2, 100), n_points=st.integers(2, 200)),
    _check_grid_lines,
    {
        "extent": sg.bad_number(sg.NONPOS),
        "n_lines": sg.bad_number(1, 101, integer=True),
        "n_points": sg.bad_number(1, 1001, integer=True),
    },
)


@st.composite
def map_kwargs(draw: Any) -> fw.Kwargs:
    net = draw(layers())
    d = net["sizes"][0]
    lines = draw(sg.arrays(((1, 4), (1, 6), d), exp=(-3, 3)))
    return {
        "lines": lines,
        "weights": net["weights"],
        "biases": net["biases"],
        "activation": draw(LN_ACT),
    }


fuzz(
    ln.map_lines,
    map_kwargs(),
    lambda kw, out: fw.assert_array(out, kw["lines"].shape[:2] + (kw["weights"][-1].shape[0],)),
    {
        **BAD_LAYERS,
        "lines": sg.bad_array("lines", 3, sg.shrink_or_grow("lines", axis=2)),
        "activation": BAD_LN_ACT,
    },
)
fuzz(
    ln.max_bend,
    sg.kwargs(lines=sg.arrays(((1, 5), (1, 8), 2))),
    lambda kw, out: fw.assert_float(out, 0.0),
    {
        "lines": sg.bad_array(
            "lines", 3, lambda kw: st.sampled_from([np.zeros((1, 3, 1)), np.zeros((1, 3, 3))])
        )
    },
)


def _check_target(kw: fw.Kwargs, out: Any) -> None:
    X, y = out
    assert X.ndim == 2 and y.ndim == 2 and X.shape[0] == y.shape[0]
    if kw["target"] == "square":
        assert X.shape[0] == kw["n_points"]
    fw.assert_finite(out)


fuzz(
    ln.nonlinear_target,
    sg.kwargs(target=st.sampled_from(ln.TARGETS), n_points=st.integers(2, 10_000)),
    _check_target,
    {
        "target": sg.bad_name(valid=ln.TARGETS),
        "n_points": lambda kw: (
            sg.bad_number(1, 10_001, integer=True)(kw) if kw["target"] == "square" else sg.SKIP
        ),
    },
)


@st.composite
def fit_kwargs(draw: Any) -> fw.Kwargs:
    n = draw(st.integers(1, 12))
    X = draw(sg.arrays((n, (1, 3)), exp=(-3, 1)))
    y = draw(sg.arrays((n, (1, 2)), exp=(-3, 1)))
    return {
        "X": X,
        "y": y,
        "hidden": draw(st.integers(1, 8)),
        "activation": draw(LN_ACT),
        "seed": draw(sg.SEEDS),
        "steps": draw(st.integers(0, 40)),
        "lr": draw(st.one_of(sg.positive(1e-6, 1.0), sg.positive(1.0, 1e6))),
    }


def _check_fit(kw: fw.Kwargs, out: Any) -> None:
    losses = out.losses
    assert losses.shape == (kw["steps"] + 1,)
    assert out.activation == kw["activation"]
    # documented in _descend: a diverging run reports inf losses from then on
    bad = ~np.isfinite(losses)
    if bad.any():
        k = int(np.argmax(bad))
        assert np.all(np.isposinf(losses[k:])) and np.all(np.isfinite(losses[:k]))
    else:
        assert np.all(losses >= 0)
        fw.assert_finite(out.weights)
        fw.assert_finite(out.biases)


fuzz(
    ln.fit_network,
    fit_kwargs(),
    _check_fit,
    {
        "X": sg.bad_array("X", 2, sg.grow("X")),
        "y": sg.bad_array("y", 2, sg.grow("y")),
        "hidden": sg.bad_number(0, 1025, integer=True),
        "activation": BAD_LN_ACT,
        "seed": sg.bad_number(-1, integer=True),
        "steps": sg.bad_number(-1, 100_001, integer=True),
        "lr": sg.bad_number(sg.NONPOS),
    },
    examples=20,
)
fuzz(
    ln.best_affine_mse,
    fit_kwargs().map(lambda kw: {"X": kw["X"], "y": kw["y"]}),
    lambda kw, out: fw.assert_float(out, 0.0),
    {"X": sg.bad_array("X", 2, sg.grow("X")), "y": sg.bad_array("y", 2, sg.grow("y"))},
)


test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
