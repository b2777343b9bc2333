"""Tests for core.models: architecture, parameter counts, initialization, dropout, weights I/O."""

from __future__ import annotations

import io
import math
import os
import pickle

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from core import models as M
from core.train import PRESETS, TrainConfig


# ---------------------------------------------------------------------------------------------
# architecture and counts
# ---------------------------------------------------------------------------------------------
def test_logistic_regression_is_one_linear_layer():
    model = M.build_model(TrainConfig(dataset="mnist"))
    assert [name for name, _ in model.named_children()] == ["out"]
    assert isinstance(model.out, nn.Linear) and model.out.weight.shape == (10, 784)
    assert M.count_parameters(model) == (7850, 0)


def test_layer_order_and_names():
    cfg = TrainConfig(
        hidden=(16, 8), activation="tanh", dropout=(0.5, 0.0), batch_norm=(False, True)
    )
    model = M.build_model(cfg)
    kinds = [(n, type(m).__name__) for n, m in model.named_children()]
    assert kinds == [
        ("fc1", "Linear"), ("act1", "Tanh"), ("drop1", "Dropout"),
        ("fc2", "Linear"), ("bn2", "BatchNorm1d"), ("act2", "Tanh"),
        ("out", "Linear"),
    ]  # fmt: skip
    assert model.drop1.p == 0.5
    assert model(torch.zeros(3, 64)).shape == (3, 10)


def test_netspec_builds_without_a_config():
    """core.models needs no trainer: a plain NetSpec gives the same network (and weights, same
    seed) as the TrainConfig that describes it."""
    cfg = TrainConfig(
        hidden=(12, 7), activation="elu", dropout=(0.2, 0.0), batch_norm=(True, False), seed=3
    )
    spec = M.NetSpec(
        n_in=64, hidden=(12, 7), n_out=10, activation="elu", dropout=(0.2, 0.0),
        batch_norm=(True, False), seed=3,
    )  # fmt: skip
    assert cfg.net == spec
    a, b = M.build_model(spec).state_dict(), M.build_model(cfg).state_dict()
    assert list(a) == list(b)
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_netspec_bad_input():
    with pytest.raises(
        ValueError, match=r"^dropout must have one value per hidden layer \(2\), got 1$"
    ):
        M.NetSpec(n_in=4, hidden=(3, 3), n_out=2, dropout=(0.1,), batch_norm=(False, False))
    with pytest.raises(ValueError, match="^activation must be one of relu, leaky_relu"):
        M.NetSpec(n_in=4, hidden=(), n_out=2, activation="gelu")
    with pytest.raises(ValueError, match="^init must be one of default"):
        M.NetSpec(n_in=4, hidden=(), n_out=2, init="he")
    with pytest.raises(
        ValueError, match="^net must be a NetSpec or have a .net NetSpec, got dict$"
    ):
        M.build_model({"hidden": (3,)})


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 64), max_size=5), st.booleans())
def test_parameter_count_formula(hidden, bn):
    """Trainable = sum (n_in + 1) n_out over linear layers (+ 2 h per batch norm)."""
    cfg = TrainConfig(hidden=tuple(hidden), batch_norm=bn)
    sizes = cfg.layer_sizes
    expected = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
    expected += 2 * sum(hidden) if bn else 0
    trainable, buffers = M.count_parameters(M.build_model(cfg))
    assert trainable == expected
    assert buffers == (2 * sum(hidden) if bn else 0)
    rows = M.parameter_table(M.build_model(cfg))
    assert sum(r.trainable for r in rows) == trainable
    assert sum(r.buffers for r in rows) == buffers


def test_course_five_hidden_network_counts():
    """The regularizers notebook: Keras lists 50240, 4160, 256 (BN), 8320, 8256, 4160, 650;
    75,914 trainable + 128 non-trainable = 76,042."""
    model = M.build_model(PRESETS["regularized5"])
    assert M.count_parameters(model) == (75_914, 128)
    rows = {r.name: r for r in M.parameter_table(model)}
    keras = {"fc1": 50240, "fc2": 4160, "fc3": 8320, "fc4": 8256, "fc5": 4160, "out": 650}
    for name, n in keras.items():
        assert rows[name].trainable == n
    assert rows["bn2"].trainable + rows["bn2"].buffers == 256
    assert rows["bn2"].param_shapes == (("weight", (64,)), ("bias", (64,)))
    assert rows["fc1"].param_shapes == (("weight", (64, 784)), ("bias", (64,)))
    assert rows["drop1"].detail == "p=0.33"
    assert rows["fc3"].output_shape == (None, 128)
    assert sum(r.trainable + r.buffers for r in rows.values()) == 76_042
    # the integer step counter of batch norm is not counted as a statistic
    assert "bn2.num_batches_tracked" in model.state_dict()


# ---------------------------------------------------------------------------------------------
# initialization
# ---------------------------------------------------------------------------------------------
def _big(init: str, activation: str = "relu", std: float = 0.01) -> nn.Sequential:
    cfg = TrainConfig(
        dataset="mnist", hidden=(1000,), activation=activation, init=init, init_std=std
    )
    return M.build_model(cfg)


def test_default_init_matches_pytorch_rule():
    """U(-1/sqrt(n_in), 1/sqrt(n_in)) for weights and biases, like nn.Linear.reset_parameters."""
    model = _big("default")
    ref = nn.Linear(784, 1000)  # torch's own initialization, as an oracle of the distribution
    bound = 1 / math.sqrt(784)
    pairs = ((model.fc1.weight, ref.weight), (model.fc1.bias, ref.bias))
    for ours, theirs in ((a.detach(), b.detach()) for a, b in pairs):
        assert float(ours.abs().max()) <= bound
        assert float(ours.std()) == pytest.approx(float(theirs.std()), rel=0.05)
    assert float(model.fc1.weight.detach().std()) == pytest.approx(bound / math.sqrt(3), rel=0.02)


@pytest.mark.parametrize(
    ("init", "activation", "expected_std"),
    [
        ("kaiming", "relu", math.sqrt(2 / 784)),
        ("kaiming", "tanh", (5 / 3) / math.sqrt(784)),
        ("xavier", "relu", math.sqrt(2 / (784 + 1000))),
        ("normal", "relu", 0.05),
    ],
)
def test_init_scales(init, activation, expected_std):
    model = _big(init, activation, std=0.05).requires_grad_(False)
    w = model.fc1.weight
    assert float(w.std()) == pytest.approx(expected_std, rel=0.02)
    assert float(w.mean()) == pytest.approx(0.0, abs=0.1 * expected_std)
    assert torch.count_nonzero(model.fc1.bias) == 0
    if init == "kaiming":  # the output layer has no activation after it: linear gain
        assert float(model.out.weight.std()) == pytest.approx(1 / math.sqrt(1000), rel=0.1)


def test_init_is_seeded():
    a = M.build_model(TrainConfig(hidden=(20,), seed=5))
    b = M.build_model(TrainConfig(hidden=(20,), seed=5))
    c = M.build_model(TrainConfig(hidden=(20,), seed=6))
    torch.manual_seed(0)  # the global random state is not used
    assert torch.equal(a.fc1.weight, b.fc1.weight)
    assert not torch.equal(a.fc1.weight, c.fc1.weight)


# ---------------------------------------------------------------------------------------------
# dropout with its own generator
# ---------------------------------------------------------------------------------------------
def test_dropout_statistics_match_torch():
    x = torch.ones(200_000)
    drop = M.Dropout(0.3, generator=torch.Generator().manual_seed(0))
    y = drop(x)
    ref = nn.Dropout(0.3)(x)
    assert float((y == 0).float().mean()) == pytest.approx(0.3, abs=0.005)
    assert torch.equal(torch.unique(y), torch.unique(ref))  # the same two values as nn.Dropout
    assert torch.unique(y).tolist() == pytest.approx([0.0, 1 / 0.7])
    assert float(y.mean()) == pytest.approx(1.0, abs=0.01)  # inverted: expectation kept
    drop.eval()
    assert torch.equal(drop(x), x)


def test_dropout_masks_are_reproducible():
    x = torch.ones(1000)
    a = M.Dropout(0.5, generator=torch.Generator().manual_seed(1))(x)
    b = M.Dropout(0.5, generator=torch.Generator().manual_seed(1))(x)
    assert torch.equal(a, b)


# ---------------------------------------------------------------------------------------------
# weights: save, load, check, refuse
# ---------------------------------------------------------------------------------------------
CFG = TrainConfig(hidden=(12,), batch_norm=True, dropout=0.2, seed=3)


def test_weights_round_trip():
    model = M.build_model(CFG)
    with torch.no_grad():  # give the batch norm non-trivial statistics
        model.bn1.running_mean.uniform_(-1, 1)
        model.bn1.running_var.uniform_(0.5, 2)
    blob = M.state_dict_to_bytes(model.state_dict())
    loaded = M.load_weights(blob, CFG)
    x = torch.randn(7, 64)
    model.eval()
    assert torch.equal(loaded(x), model(x))
    assert not loaded.training


def test_architecture_mismatch():
    blob = M.state_dict_to_bytes(M.build_model(CFG).state_dict())
    no_bn = CFG.replace(batch_norm=False)
    blob_no_bn = M.state_dict_to_bytes(M.build_model(no_bn).state_dict())
    with pytest.raises(ValueError, match=r"do not match the configured architecture.*wrong shape"):
        M.load_state_dict_bytes(blob, CFG.replace(hidden=(13,)))
    with pytest.raises(ValueError, match=r"missing bn1\.weight"):
        M.load_state_dict_bytes(blob_no_bn, CFG)
    with pytest.raises(ValueError, match=r"unexpected bn1\.weight"):
        M.load_state_dict_bytes(blob, no_bn)
    with pytest.raises(ValueError, match=r"missing fc2\.weight"):
        M.load_state_dict_bytes(blob, CFG.replace(hidden=(12, 12)))


class _Evil:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (os.system, (f"touch {self.path}",))


def test_malicious_pickle_is_refused(tmp_path):
    marker = tmp_path / "pwned"
    evil = _Evil(str(marker))
    # both a torch.save zip archive and a bare pickle stream
    buf = io.BytesIO()
    torch.save({"out.weight": evil}, buf)
    for blob in (buf.getvalue(), pickle.dumps(evil)):
        with pytest.raises(ValueError, match="weights file refused"):
            M.load_state_dict_bytes(blob, CFG)
        assert not marker.exists()


@pytest.mark.parametrize(
    ("blob", "message"),
    [
        (b"", "weights file is empty"),
        (b"definitely not torch", "could not be read|refused"),
        (b"x" * 2000, "must be <= 1000 bytes, got 2000"),
    ],
)
def test_bad_weight_files(blob, message):
    with pytest.raises(ValueError, match=message):
        M.load_state_dict_bytes(blob, CFG, max_bytes=1000)


def test_weights_must_be_a_finite_state_dict():
    buf = io.BytesIO()
    torch.save([torch.zeros(3)], buf)
    with pytest.raises(ValueError, match="must contain a state_dict"):
        M.load_state_dict_bytes(buf.getvalue(), CFG)
    state = M.build_model(CFG).state_dict()
    state["fc1.weight"][0, 0] = float("nan")
    with pytest.raises(ValueError, match=r"NaN or inf in fc1\.weight"):
        M.load_state_dict_bytes(M.state_dict_to_bytes(state), CFG)
    with pytest.raises(ValueError, match="weights must be bytes"):
        M.load_state_dict_bytes("a string", CFG)


def test_unknown_init():
    model = M.build_model(CFG)
    with pytest.raises(ValueError, match="init must be one of default, kaiming, xavier, normal"):
        M.init_parameters(model, "orthogonal", "relu")
