"""Fuzz cases of core.models: small networks (a NetSpec) of random sizes, activations, batch
norm and dropout; the initializations; the safe weights loader on damaged or foreign files.
"""

from __future__ import annotations

import dataclasses
import io
import math
import pickle
from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from core import models
from core.trainer import TrainConfig
from tests.core.fuzz.framework import Cases, Kwargs, assert_finite, holds
from tests.core.fuzz.strategies import bad_name, bad_number

CASES = Cases()
fuzz = CASES.add

ACTIVATIONS = sorted(models.ACTIVATIONS)


@st.composite
def small_nets(draw: Any) -> models.NetSpec:
    """Networks of 1..20 inputs, up to 3 hidden layers of 1..12 units and 1..12 outputs, every
    activation and init; as a NetSpec written by hand or as a TrainConfig's ``net``."""
    hidden = tuple(draw(st.lists(st.integers(1, 12), max_size=3)))
    n = len(hidden)
    fields = {
        "hidden": hidden,
        "activation": draw(st.sampled_from(ACTIVATIONS)),
        "init": draw(st.sampled_from(models.INITS)),
        "init_std": draw(st.floats(1e-6, 10.0)),
        "dropout": tuple(draw(st.lists(st.floats(0.0, 0.9), min_size=n, max_size=n))),
        "batch_norm": tuple(draw(st.lists(st.booleans(), min_size=n, max_size=n))),
        "seed": draw(st.integers(0, 2**32 - 1)),
    }
    if draw(st.booleans()):
        return TrainConfig(dataset="digits", **fields).net
    return models.NetSpec(n_in=draw(st.integers(1, 20)), n_out=draw(st.integers(1, 12)), **fields)


def _generator(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


GENERATORS = st.one_of(st.none(), st.integers(0, 2**32 - 1).map(_generator))
BUILD = st.fixed_dictionaries({"net": small_nets(), "generator": GENERATORS})


def _expected_counts(net: models.NetSpec) -> tuple[int, int]:
    """Trainable parameters and running-statistic values from the layer sizes alone: Linear
    W and b, BatchNorm1d gamma and beta (trainable), running mean and variance (buffers)."""
    sizes = (net.n_in, *net.hidden, net.n_out)
    trainable = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
    bn_widths = [w for w, bn in zip(net.hidden, net.batch_norm, strict=True) if bn]
    return trainable + 2 * sum(bn_widths), 2 * sum(bn_widths)


def _check_model(kw: Kwargs, model: Any) -> None:
    net = kw["net"]
    assert isinstance(model, torch.nn.Sequential)
    assert models.count_parameters(model) == _expected_counts(net)
    assert len(models.parameter_table(model)) >= len(net.hidden) + 1
    model.eval()
    x = torch.from_numpy(np.random.default_rng(net.seed).normal(size=(5, net.n_in))).float()
    with torch.no_grad():
        out = model(x)
    assert out.shape == (5, net.n_out)
    assert_finite(out.numpy())


BAD_GENERATOR = st.sampled_from([3, "gen", np.random.default_rng(0), torch.manual_seed])
fuzz(
    models.build_model,
    BUILD,
    _check_model,
    {
        # not a NetSpec, nor an object with a .net NetSpec (a TrainConfig's dict, its JSON)
        "net": lambda kw: st.sampled_from(
            [None, 3, "digits", {"hidden": (3,)}, TrainConfig().to_json(), (784, 10)]
        ),
        "generator": lambda kw: BAD_GENERATOR,
    },
    examples=25,
    lists_ok=False,
)


@st.composite
def init_kwargs(draw: Any) -> Kwargs:
    return {
        "model": models.build_model(draw(small_nets())),
        "init": draw(st.sampled_from(models.INITS)),
        "activation": draw(st.sampled_from(ACTIVATIONS)),
        "std": draw(st.floats(1e-6, 10.0)),
        "generator": draw(GENERATORS),
    }


def _check_init(kw: Kwargs, out: Any) -> None:
    assert out is None  # in place
    for name, tensor in kw["model"].state_dict().items():
        assert torch.isfinite(tensor.float()).all(), name


fuzz(
    models.init_parameters,
    init_kwargs(),
    _check_init,
    {
        "model": lambda kw: st.sampled_from([None, "model", kw["model"].state_dict()]),
        "init": bad_name("he", "Kaiming", valid=models.INITS),
        "activation": bad_name("softmax", "ReLU", valid=ACTIVATIONS),
        "std": bad_number(0.0, -1.0, -math.inf),
        "generator": lambda kw: BAD_GENERATOR,
    },
    examples=20,
    lists_ok=False,
)
fuzz(
    models.parameter_table,
    BUILD.map(lambda kw: {"model": models.build_model(**kw)}),
    holds(lambda kw, out: all(isinstance(r, models.LayerRow) for r in out)),
    lists_ok=False,
    examples=15,
)
fuzz(
    models.count_parameters,
    BUILD.map(lambda kw: {"model": models.build_model(**kw)}),
    holds(lambda kw, out: out[0] > 0 and out[1] >= 0),
    lists_ok=False,
    examples=15,
)


@st.composite
def weights_kwargs(draw: Any) -> Kwargs:
    net = draw(small_nets())
    model = models.build_model(net, _generator(draw(st.integers(0, 1000))))
    return {"blob": models.state_dict_to_bytes(model.state_dict()), "net": net}


def _check_state(kw: Kwargs, out: Any) -> None:
    original = torch.load(io.BytesIO(kw["blob"]), weights_only=True)
    assert out.keys() == original.keys()
    for name, tensor in out.items():
        assert torch.equal(tensor, original[name]), name


def _check_loaded(kw: Kwargs, out: Any) -> None:
    assert isinstance(out, torch.nn.Sequential)
    _check_state(kw, out.state_dict())


class _Payload:
    """A pickle that would run code when loaded: the loader must refuse it."""

    def __reduce__(self):
        return (print, ("payload ran",))


def _bad_blob(kw: Kwargs) -> st.SearchStrategy:
    blob = kw["blob"]
    net = kw["net"]
    other = models.build_model(
        dataclasses.replace(
            net,
            hidden=(*net.hidden, 3),
            dropout=(*net.dropout, 0.0),
            batch_norm=(*net.batch_norm, False),
        )
    )
    state = torch.load(io.BytesIO(blob), weights_only=True)
    return st.one_of(
        st.sampled_from(
            [
                b"",
                blob[: len(blob) // 2],
                blob[:-1],
                b"PK\x03\x04" + bytes(40),
                pickle.dumps(_Payload()),
                pickle.dumps({"fc1.weight": [1.0]}),
                models.state_dict_to_bytes(other.state_dict()),  # another architecture
                models.state_dict_to_bytes({k: v[..., None] for k, v in state.items()}),
                models.state_dict_to_bytes({}),
                "weights.pt",
                None,
                12,
            ]
        ),
        st.binary(min_size=1, max_size=200),
    )


BAD_WEIGHTS = {"blob": _bad_blob}  # net: as build_model's (fuzzed there)
fuzz(
    models.load_state_dict_bytes,
    weights_kwargs(),
    _check_state,
    BAD_WEIGHTS,
    examples=20,
    lists_ok=False,
)
fuzz(models.load_weights, weights_kwargs(), _check_loaded, BAD_WEIGHTS, examples=15, lists_ok=False)
fuzz(
    models.state_dict_to_bytes,
    BUILD.map(lambda kw: {"state_dict": models.build_model(**kw).state_dict()}),
    holds(lambda kw, out: isinstance(out, bytes) and len(out) > 0),
    lists_ok=False,
    examples=10,
)

test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()
