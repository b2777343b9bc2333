"""Fuzz cases of core.lr_recipe."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

from core import lr_recipe as lr
from tests.core.fuzz import strategies as sg
from tests.core.fuzz.framework import Cases, Kwargs, assert_array

CASES = Cases()
fuzz = CASES.add


def _check_plateau(kw: Kwargs, out: Any) -> None:
    assert out is None or (isinstance(out, int) and kw["patience"] + 1 <= out <= len(kw["losses"]))


fuzz(
    lr.plateau_epoch,
    sg.kwargs(
        losses=sg.arrays(((1, 40),), structure=False),
        patience=st.integers(0, 50),
        threshold=sg.unit(high_open=True),
    ),
    _check_plateau,
    {
        "losses": sg.bad_array("losses", 1),
        "patience": sg.bad_number(-1, integer=True),
        "threshold": sg.bad_number(-0.1, 1.0),
    },
)


def _check_multistep(kw: Kwargs, out: Any) -> None:
    assert_array(out, (kw["epochs"],))
    assert out[0] == kw["lr0"] or 1 in kw["milestones"]
    assert np.all(np.diff(out) <= 0) and np.all(out > 0)


fuzz(
    lr.multistep_lrs,
    sg.kwargs(
        lr0=sg.positive(1e-6, 10.0),
        epochs=st.integers(1, 200),
        milestones=st.lists(st.integers(1, 300), max_size=4),
        gamma=st.floats(0.01, 1.0),
    ),
    _check_multistep,
    {
        "lr0": sg.bad_number(sg.NONPOS),
        "epochs": sg.bad_number(0, integer=True),
        "milestones": lambda kw: st.sampled_from([[0], [1.5], 3, "10", [-2], None]),
        "gamma": sg.bad_number(0.0, 1.5),
    },
    lists_ok=False,
)


def _check_curves(kw: Kwargs, out: Any) -> None:
    n = len(kw["lrs"])
    for name in ("lr", "train_loss", "val_loss", "val_acc"):
        assert_array(getattr(out, name), (n,))
    assert np.all(out.train_loss >= 0) and np.all((0 <= out.val_acc) & (out.val_acc <= 1))


fuzz(
    lr.digits_mlp_curves,
    sg.kwargs(
        lrs=st.lists(st.floats(1e-4, 0.5), min_size=1, max_size=2).map(np.array),
        hidden=st.integers(1, 16),
        batch_size=st.integers(64, 1000),
        seed=st.integers(0, 2**32 - 1),
        val_fraction=st.floats(0.1, 0.5),
        l2=sg.unit(),
    ),
    _check_curves,
    {
        "lrs": sg.bad_array("lrs", 1, [0.1, -0.1], np.full(1001, 0.1)),
        "hidden": sg.bad_number(0, 257, integer=True),
        "batch_size": sg.bad_number(0, integer=True),
        "seed": sg.bad_number(-1, integer=True),
        "val_fraction": sg.bad_number(0.05, 0.6),
        "l2": sg.bad_number(-0.1, 2.0),
    },
    examples=8,
)


def _check_recipe(kw: Kwargs, out: Any) -> None:
    assert_array(out.constant.val_loss, (kw["epochs"],))
    assert (out.plateau is None) == (out.decayed is None)
    if out.plateau is not None:
        assert 1 <= out.plateau < kw["epochs"]
        assert out.decayed.lr[out.plateau] == kw["lr0"] * kw["gamma"]


fuzz(
    lr.step_decay_recipe,
    sg.kwargs(
        lr0=st.floats(1e-3, 0.5),
        epochs=st.integers(1, 4),
        gamma=st.floats(0.01, 1.0),
        patience=st.integers(0, 2),
        threshold=sg.unit(high_open=True),
        monitor=st.sampled_from(lr.MONITORS),
        hidden=st.integers(1, 8),
        batch_size=st.integers(128, 1000),
        l2=sg.unit(),
        seed=st.integers(0, 100),
    ),
    _check_recipe,
    {
        "lr0": sg.bad_number(sg.NONPOS),
        "epochs": sg.bad_number(0, integer=True),
        "gamma": sg.bad_number(0.0, 1.5),
        "monitor": sg.bad_name("validation", valid=lr.MONITORS),
        "patience": sg.bad_number(-1, integer=True),
    },
    examples=5,
)

test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
