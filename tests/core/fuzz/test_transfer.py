"""Fuzz cases of the transfer experiment's helpers (core.trainer.transfer) and the
Generalization page's configurations (core.trainer.experiments).

The functions that train networks (``pretrain``, ``fit``, ``transfer_experiment``) or take a
model (``accuracy``, ``target_model``) are exempt (test_coverage.EXEMPT); they are checked in
tests/core/test_transfer.py.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from core.trainer import experiments, transfer
from core.trainer.augment import AUGMENTS
from tests.core.fuzz.framework import Cases, Kwargs
from tests.core.fuzz.strategies import bad_name, bad_number, kwargs

CASES = Cases()
fuzz = CASES.add


@st.composite
def subset_kwargs(draw: Any) -> Kwargs:
    n = draw(st.integers(0, 30))
    gen = torch.Generator().manual_seed(draw(st.integers(0, 2**31)))
    classes = draw(st.lists(st.integers(0, 9), min_size=1, max_size=5, unique=True))
    return {
        "x": torch.randn(n, 3, generator=gen),
        "y": torch.randint(0, 10, (n,), generator=gen),
        "classes": classes,
    }


def _check_subset(kw: Kwargs, out: Any) -> None:
    xs, ys = out
    keep = np.isin(kw["y"].numpy(), kw["classes"])
    assert xs.shape == (int(keep.sum()), 3) and ys.shape == (int(keep.sum()),)
    assert ys.numel() == 0 or (0 <= int(ys.min()) and int(ys.max()) < len(kw["classes"]))


fuzz(
    transfer.class_subset,
    subset_kwargs(),
    _check_subset,
    {
        "classes": lambda kw: st.sampled_from([[], [1, 1], (3, 3, 4)]),
        "y": lambda kw: st.just(torch.zeros(kw["x"].shape[0] + 1, dtype=torch.int64)),
    },
    lists_ok=False,
)


@st.composite
def shots_kwargs(draw: Any) -> Kwargs:
    counts = draw(st.lists(st.integers(1, 8), min_size=1, max_size=4))
    y = np.repeat(np.arange(len(counts)), counts)
    return {"y": y, "shots": draw(st.integers(1, 8)), "seed": draw(st.integers(0, 2**31))}


def _check_shots(kw: Kwargs, out: Any) -> None:
    n_classes = len(np.unique(kw["y"]))
    assert out.shape == (n_classes * kw["shots"],)
    np.testing.assert_array_equal(np.bincount(kw["y"][out]), [kw["shots"]] * n_classes)


fuzz(
    transfer.few_shot_indices,
    shots_kwargs(),
    _check_shots,
    {
        "shots": bad_number(0, -1, 10**6, integer=True),
        "seed": bad_number(-1, integer=True),
    },
    refuses=lambda kw: kw["shots"] > np.bincount(kw["y"]).min(),
    lists_ok=False,
)


def _config_check(kw: Kwargs, out: Any) -> None:
    configs = out if isinstance(out, tuple) else (out,)
    for cfg in configs:
        assert cfg.dataset == "digits" and cfg.seed == kw.get("seed", 0)


fuzz(
    experiments.ensemble_config,
    kwargs(width=st.integers(1, 1024), epochs=st.integers(1, 10000), seed=st.integers(0, 10**6)),
    _config_check,
    {
        "width": bad_number(0, 1025, integer=True),
        "epochs": bad_number(0, 10001, integer=True),
        "seed": bad_number(-1, integer=True),
    },
)
fuzz(
    experiments.snapshot_config,
    kwargs(snapshots=st.integers(1, 20), cycle=st.integers(1, 500), seed=st.integers(0, 10**6)),
    _config_check,
    {
        "snapshots": bad_number(0, 21, integer=True),
        "cycle": bad_number(0, 501, integer=True),
        "seed": bad_number(-1, integer=True),
    },
)
fuzz(
    experiments.augment_pair,
    kwargs(
        kind=st.sampled_from([a for a in AUGMENTS if a != "none"]),
        train_fraction=st.floats(0.01, 1.0),
        epochs=st.integers(1, 10000),
        seed=st.integers(0, 10**6),
    ),
    _config_check,
    {
        "kind": bad_name("none", valid=AUGMENTS),
        "train_fraction": bad_number(0.0, 1.5, -0.1),
        "epochs": bad_number(0, 10001, integer=True),
        "seed": bad_number(-1, integer=True),
    },
)

test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
