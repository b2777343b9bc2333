"""Fuzz cases of core.dropout."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import dropout
from tests.core.fuzz import strategies as sg
from tests.core.fuzz.framework import Cases, Kwargs, assert_array, assert_finite, assert_float

# =============================================================================================
# core.dropout
# =============================================================================================
CASES = Cases()
fuzz = CASES.add
KEEP = st.one_of(st.floats(1e-6, 1.0), st.just(1.0))
BAD_KEEP = sg.bad_number(0.0, -0.5, 1.0 + 1e-9, 2.0)
DROP_ACT = st.sampled_from([None, "identity", "sigmoid", "relu"])
BAD_DROP_ACT = sg.bad_name("tanh", "softmax", valid=tuple(dropout.ACTIVATIONS), none_ok=True)


def _check_masks(kw: Kwargs, out: Any) -> None:
    masks, probs = out
    n = kw["n_units"]
    assert_array(masks, (2**n, n))
    assert_array(probs, (2**n,))
    assert np.all(probs >= 0) and abs(probs.sum() - 1) < 1e-9


fuzz(
    dropout.enumerate_masks,
    sg.kwargs(n_units=st.integers(1, 10), keep_prob=KEEP),
    _check_masks,
    {"n_units": sg.bad_number(0, 17, integer=True), "keep_prob": BAD_KEEP},
)
WX = sg.extend(sg.kwargs(w=sg.vectors((1, 8))), x=lambda kw: sg.vectors(len(kw["w"])))
BAD_WX = {
    "w": sg.bad_array("w", 1, sg.shrink_or_grow("w"), np.ones(17)),
    "x": sg.bad_array("x", 1, sg.shrink_or_grow("x")),
}


fuzz(
    dropout.mask_outputs,
    sg.extend(
        WX,
        masks=lambda kw: sg.arrays(((1, 16), len(kw["w"])), structure=False).map(
            lambda m: (m > 0).astype(float)
        ),
        keep_prob=KEEP,
        inverted=st.booleans(),
        activation=DROP_ACT,
    ),
    lambda kw, out: assert_array(out, (len(kw["masks"]),)),
    {
        **BAD_WX,
        "masks": sg.bad_array("masks", 2, sg.shrink_or_grow("masks", axis=1)),
        "keep_prob": BAD_KEEP,
        "activation": BAD_DROP_ACT,
    },
)
DROP_WX = sg.extend(WX, keep_prob=KEEP, inverted=st.booleans())
fuzz(
    dropout.expected_output,
    DROP_WX,
    lambda kw, out: assert_float(out),
    {**BAD_WX, "keep_prob": BAD_KEEP},
)
fuzz(
    dropout.exact_expectation,
    sg.extend(DROP_WX, activation=DROP_ACT),
    lambda kw, out: assert_float(out),
    {**BAD_WX, "keep_prob": BAD_KEEP, "activation": BAD_DROP_ACT},
)
fuzz(
    dropout.eval_output,
    sg.extend(DROP_WX, activation=DROP_ACT),
    lambda kw, out: assert_float(out),
    {**BAD_WX, "keep_prob": BAD_KEEP, "activation": BAD_DROP_ACT},
)


def _check_dropout(kw: Kwargs, out: Any) -> None:
    y, mask = out
    shape = np.shape(kw["x"])
    assert_array(y, shape)
    assert_array(mask, shape)
    assert set(np.unique(mask)) <= {0, 1}


fuzz(
    dropout.dropout,
    sg.kwargs(
        x=st.one_of(
            sg.arrays(((1, 5),)), sg.arrays(((1, 4), (1, 4))), sg.arrays(((1, 2), 2, (1, 3)))
        ),
        keep_prob=KEEP,
        rng=sg.SEEDS.map(np.random.default_rng),
        inverted=st.booleans(),
    ),
    _check_dropout,
    {"x": sg.bad_array("x", None), "keep_prob": BAD_KEEP, "rng": sg.bad_rng()},
)
MC = sg.extend(
    DROP_WX,
    n_samples=st.integers(1, 200),
    rng=sg.SEEDS.map(np.random.default_rng),
    activation=DROP_ACT,
)
BAD_MC = {
    **BAD_WX,
    "keep_prob": BAD_KEEP,
    "n_samples": sg.bad_number(0, 1_000_001, integer=True),
    "rng": sg.bad_rng(),
    "activation": BAD_DROP_ACT,
}
fuzz(
    dropout.monte_carlo_samples,
    MC,
    lambda kw, out: assert_array(out, (kw["n_samples"],)),
    BAD_MC,
)
fuzz(
    dropout.monte_carlo_means,
    MC,
    lambda kw, out: assert_array(out, (kw["n_samples"],)),
    BAD_MC,
)


def _check_running_stats(kw: Kwargs, out: Any) -> None:
    mean, se = out
    n = len(kw["samples"])
    assert_array(mean, (n,))
    assert se.shape == (n,) and np.isnan(se[0])  # documented: undefined for one sample
    assert_finite(se[1:])
    assert np.all(se[1:] >= 0)


fuzz(
    dropout.running_stats,
    sg.kwargs(samples=sg.vectors((1, 30))),
    _check_running_stats,
    {"samples": sg.bad_array("samples", 1)},
)


test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
