"""Fuzz cases of the trainer's augmentation (core.trainer.augment), ensembles
(core.trainer.ensemble) and the restart epochs of cosine restarts (core.trainer.hyper).

``train_ensemble`` trains networks (seconds per call) and is exempt (test_coverage.EXEMPT); it
is checked in tests/core/test_augment_ensemble.py.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from core.trainer import augment, ensemble, hyper
from tests.core.fuzz.framework import Cases, Kwargs, assert_array, assert_finite
from tests.core.fuzz.strategies import bad_array, bad_name, bad_number

CASES = Cases()
fuzz = CASES.add

KINDS = augment.AUGMENTS
SHAPES = st.tuples(st.integers(1, 12), st.integers(1, 12))


@st.composite
def batch_kwargs(draw: Any) -> Kwargs:
    H, W = draw(SHAPES)
    B = draw(st.integers(0, 5))
    flat = draw(st.booleans())
    dtype = draw(st.sampled_from([torch.float32, torch.float64, torch.uint8, torch.int64]))
    gen = torch.Generator().manual_seed(draw(st.integers(0, 2**31)))
    shape = (B, H * W) if flat else (B, draw(st.integers(1, 3)), H, W)
    if dtype.is_floating_point:
        x = (torch.rand(shape, generator=gen, dtype=torch.float64) * 20 - 10).to(dtype)
    else:
        x = torch.randint(0, 17, shape, generator=gen).to(dtype)
    return {
        "x": x,
        "kind": draw(st.sampled_from(KINDS)),
        "generator": gen,
        "image_shape": (H, W),
        "fill": draw(st.sampled_from([0.0, -0.5, 1.25])),
    }


def _check_batch(kw: Kwargs, out: Any) -> None:
    x = kw["x"]
    assert isinstance(out, torch.Tensor) and out.shape == x.shape and out.dtype == x.dtype
    assert torch.isfinite(out.to(torch.float64)).all()
    if kw["kind"] == "none":
        assert out is x


def _bad_x(kw: Kwargs) -> st.SearchStrategy:
    H, W = kw["image_shape"]
    return st.sampled_from(
        [
            torch.zeros(2, H * W + 1),
            torch.zeros(2, 1, H + 1, W),
            torch.zeros(H * W),
            torch.zeros(1, 2, H, W, 1),
            np.zeros((2, H * W)),
            [[0.0] * (H * W)],
            None,
            torch.zeros(2, H * W, dtype=torch.complex64),
        ]
    )


fuzz(
    augment.augment_batch,
    batch_kwargs(),
    _check_batch,
    {
        "x": _bad_x,
        "kind": bad_name("Shift", "rotation", valid=KINDS),
        "generator": lambda kw: st.sampled_from([None, 0, np.random.default_rng(0), "g"]),
        "image_shape": lambda kw: st.sampled_from(
            [(0, 3), (3,), (2.5, 4), ("8", "8"), None, (True, 2), (-1, 4), 8]
        ),
        "fill": bad_number(),
    },
    examples=40,
    lists_ok=False,
)


@st.composite
def gallery_kwargs(draw: Any) -> Kwargs:
    n, H, W = draw(st.integers(1, 4)), draw(st.integers(1, 10)), draw(st.integers(1, 10))
    rng = np.random.default_rng(draw(st.integers(0, 2**31)))
    dtype = draw(st.sampled_from([np.uint8, np.int64, np.float64]))
    images = (rng.random((n, H, W)) * 16).astype(dtype)
    return {
        "images": images,
        "kind": draw(st.sampled_from(KINDS)),
        "seed": draw(st.integers(0, 2**63 - 1)),
        "per_image": draw(st.integers(1, 6)),
    }


def _check_gallery(kw: Kwargs, out: Any) -> None:
    images = np.asarray(kw["images"])
    n, H, W = images.shape
    assert_array(out, (n, kw["per_image"], H, W))
    if kw["kind"] == "none":
        assert np.array_equal(out, np.repeat(images[:, None], kw["per_image"], axis=1))


fuzz(
    augment.augment_gallery,
    gallery_kwargs(),
    _check_gallery,
    {
        "images": bad_array("images", 3, np.zeros((2, 0, 3)), np.array([[["a"]]])),
        "kind": bad_name("Shift", valid=KINDS),
        "seed": bad_number(-1, 2**63, integer=True),
        "per_image": bad_number(0, 65, -2, integer=True),
    },
    examples=25,
)


def _check_max_shift(kw: Kwargs, out: Any) -> None:
    """An int >= 1, about 1/14 of the shorter side (1 px on 8x8, 2 px on 28x28)."""
    assert isinstance(out, int) and out >= 1
    assert out == max(1, round(min(kw["image_shape"]) / 14))


fuzz(
    augment.max_shift,
    st.fixed_dictionaries({"image_shape": st.tuples(st.integers(1, 200), st.integers(1, 200))}),
    _check_max_shift,
    {"image_shape": lambda kw: st.sampled_from([(0, 3), (3,), (2.5, 4), None, 8, ("8", "8")])},
    lists_ok=False,
)


def _restart_ok(kw: Kwargs, out: Any) -> None:
    assert isinstance(out, tuple) and all(isinstance(e, int) for e in out)
    assert all(1 <= e <= kw["epochs"] for e in out)
    assert list(out) == sorted(set(out))
    if out:
        assert out[0] == kw["T_0"]


fuzz(
    hyper.restart_epochs,
    st.fixed_dictionaries(
        {"T_0": st.integers(1, 500), "T_mult": st.integers(1, 10), "epochs": st.integers(1, 5000)}
    ),
    _restart_ok,
    {
        "T_0": bad_number(0, -3, integer=True),
        "T_mult": bad_number(0, integer=True),
        "epochs": bad_number(0, -1, integer=True),
    },
    lists_ok=False,
)


@st.composite
def probs_kwargs(draw: Any) -> Kwargs:
    k, n, c = draw(st.integers(1, 5)), draw(st.integers(1, 20)), draw(st.integers(2, 6))
    rng = np.random.default_rng(draw(st.integers(0, 2**31)))
    logits = rng.normal(size=(k, n, c)) * draw(st.sampled_from([0.1, 1.0, 10.0]))
    p = np.exp(logits - logits.max(axis=2, keepdims=True))
    p /= p.sum(axis=2, keepdims=True)
    return {"probs": [m for m in p], "y_true": rng.integers(0, c, size=n)}


def _check_average(kw: Kwargs, out: Any) -> None:
    probs = kw["probs"]
    assert_array(out, np.asarray(probs[0]).shape)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-9)


def _bad_probs(kw: Kwargs) -> st.SearchStrategy:
    p = [np.asarray(m) for m in kw["probs"]]
    nan = p[0].copy()
    nan[0, 0] = np.nan
    return st.sampled_from(
        [
            [],
            None,
            "abc",
            [p[0], p[0][:, :-1]],
            [p[0], np.vstack([p[0], p[0]])],
            [p[0].ravel()],
            [nan],
            [p[0], [["x"] * p[0].shape[1]] * p[0].shape[0]],
        ]
    )


fuzz(
    ensemble.average_probabilities,
    probs_kwargs().map(lambda kw: {"probs": kw["probs"]}),
    _check_average,
    {"probs": _bad_probs},
)


def _check_report(kw: Kwargs, out: Any) -> None:
    assert isinstance(out, ensemble.EnsembleReport)
    assert_finite(out)
    assert len(out.member_accuracies) == len(kw["member_probs"])
    for a in [*out.member_accuracies, out.ensemble_accuracy, out.mean_member_accuracy]:
        assert 0.0 <= a <= 1.0
    assert abs(out.gain - (out.ensemble_accuracy - out.mean_member_accuracy)) < 1e-12


def _bad_labels(kw: Kwargs) -> st.SearchStrategy:
    y = np.asarray(kw["y_true"])
    c = np.asarray(kw["member_probs"][0]).shape[1]
    return st.sampled_from([y[:-1], np.append(y, 0), y * 0 + c, y - 10, y + 0.5, y[None], None])


fuzz(
    ensemble.ensemble_report,
    probs_kwargs().map(lambda kw: {"member_probs": kw["probs"], "y_true": kw["y_true"]}),
    _check_report,
    {"member_probs": lambda kw: _bad_probs({"probs": kw["member_probs"]}), "y_true": _bad_labels},
)

test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
