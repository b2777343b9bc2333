"""The regularizers notebook's models as presets, and the course's reported figures beside ours."""

from __future__ import annotations

import json
import math
import os

import numpy as np
import pytest
import torch
from torch import nn

from core import trainer as T
from core.models import build_model, count_parameters
from core.trainer import PRESETS, REPORTED, matching_preset

os.environ.setdefault("PIZARRA_THREADS", "1")  # speed only

NOTEBOOK = ("tiny421", "tiny444", "regularized5_none", "regularized5_two", "regularized5")


def _torch_reference(config: T.TrainConfig) -> nn.Sequential:
    """The same MLP written directly in torch (Linear, optional BatchNorm1d, ReLU, Dropout)."""
    layers: list[nn.Module] = []
    width = 784 if config.dataset == "mnist" else 64
    for h, p, bn in zip(config.hidden, config.dropout, config.batch_norm, strict=True):
        layers.append(nn.Linear(width, h))
        if bn:
            layers.append(nn.BatchNorm1d(h))
        layers.append(nn.ReLU())
        if p:
            layers.append(nn.Dropout(p))
        width = h
    layers.append(nn.Linear(width, 10))
    return nn.Sequential(*layers)


@pytest.mark.parametrize("name", NOTEBOOK)
def test_notebook_presets_count_like_torch(name):
    config = PRESETS[name]
    assert config.dataset == "mnist" and config.activation == "relu"
    ref = _torch_reference(config)
    trainable = sum(p.numel() for p in ref.parameters() if p.requires_grad)
    buffers = sum(b.numel() for b in ref.buffers() if b.is_floating_point())
    assert count_parameters(build_model(config)) == (trainable, buffers)


def test_notebook_presets_as_the_notebook_describes():
    assert PRESETS["tiny421"].hidden == (4, 2, 1)
    tiny = PRESETS["tiny421"]
    assert (tiny.l1, tiny.l2, max(tiny.dropout), any(tiny.batch_norm)) == (0, 0, 0, False)
    t444 = PRESETS["tiny444"]
    assert t444.hidden == (4, 4, 4) and t444.dropout[0] == 0.33 and t444.l1 > 0 and t444.l2 > 0
    none, two, four = (PRESETS[k] for k in NOTEBOOK[2:])
    assert none.hidden == two.hidden == four.hidden == (64, 64, 128, 64, 64)
    assert (none.l1, none.l2, max(none.dropout), any(none.batch_norm)) == (0, 0, 0, False)
    # the two: dropout 0.33 after the first layer and batch norm on the second, no L1/L2
    assert two.dropout == (0.33, 0, 0, 0, 0) and two.batch_norm == (0, 1, 0, 0, 0)
    assert (two.l1, two.l2) == (0, 0)
    # the four: the same two plus L1 and L2, the rest of the run unchanged
    assert four.replace(l1=0.0, l2=0.0) == two
    assert two.replace(dropout=0.0, batch_norm=False) == none


def test_the_final_model_counts_like_its_keras_summary():
    """The notebook's summary: 75,914 trainable + 128 non-trainable = 76,042. Keras counts a
    BatchNorm's moving mean and variance (2 x 64) as non-trainable parameters; torch keeps them
    as buffers."""
    for name in ("regularized5_two", "regularized5"):
        trainable, buffers = count_parameters(build_model(PRESETS[name]))
        assert (trainable, buffers) == (75_914, 128)
    keras_dense = [784 * 64 + 64, 64 * 64 + 64, 64 * 128 + 128, 128 * 64 + 64, 64 * 64 + 64, 650]
    assert keras_dense == [50_240, 4_160, 8_320, 8_256, 4_160, 650]
    trainable, buffers = count_parameters(build_model(PRESETS["regularized5_none"]))
    assert (trainable, buffers) == (sum(keras_dense), 0)


def test_reported_table():
    assert set(REPORTED) == set(NOTEBOOK) | {f"digits_{c}" for c in "abcdef"}
    for name, rep in REPORTED.items():
        assert name in PRESETS and rep.source in T.REPORT_SOURCES
        assert 0 < rep.accuracy < 1 and (rep.loss is None or rep.loss > 0)
    for c in "abcdef":
        rep = REPORTED[f"digits_{c}"]
        assert (rep.accuracy, rep.loss) == (T.DIGITS_REPORT_ACCURACY[c], T.DIGITS_REPORT_LOSS[c])
        assert rep.source == "optical_digits_report"
    # the notebook's tables: 4-2-1 predicts the largest test class, "1" (1,135 of 10,000)
    # (float32 0.1135 cut, not rounded, to five digits)
    as_float32 = float(np.float32(T.MNIST_TEST_MAJORITY_SHARE))
    assert math.floor(as_float32 * 1e5) / 1e5 == REPORTED["tiny421"].accuracy
    assert REPORTED["regularized5_two"].loss == T.NOTEBOOK_TEST_LOSS
    # the unregularized network has the best accuracy and the worst loss of the three
    five = [REPORTED[k] for k in NOTEBOOK[2:]]
    assert max(five, key=lambda r: r.accuracy) is five[0]
    assert max(five, key=lambda r: r.loss) is five[0]
    assert REPORTED["tiny444"].to_dict() == {
        "test_accuracy": 0.1427,
        "test_loss": 2.2539,
        "source": "regularizers_notebook",
    }


def test_matching_preset():
    for name, config in PRESETS.items():
        assert matching_preset(config) == name
        assert matching_preset(config.replace(seed=7, eval_train_loss=True)) == name
    assert matching_preset(PRESETS["tiny421"].replace(epochs=3)) is None
    assert matching_preset(PRESETS["regularized5"].replace(l1=0.0)) is None
    assert matching_preset(PRESETS["regularized5"].replace(l1=0.0, l2=0.0)) == "regularized5_two"
    with pytest.raises(ValueError, match="config must be a TrainConfig, got dict"):
        matching_preset({"hidden": (4, 2, 1)})


@pytest.mark.usefixtures("mnist_subset")
def test_cli_preset_json_has_reported_and_the_old_keys(capsys, mnist_subset):
    from tests.core.test_cli import JSON_KEYS

    args = ["--preset", "tiny421", "--data-dir", str(mnist_subset), "--no-download",
            "--train-fraction", "0.1", "--epochs", "1", "--seed", "2", "--json"]  # fmt: skip
    assert T.main(args) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert JSON_KEYS <= set(out)
    assert out["reported"] == REPORTED["tiny421"].to_dict()
    assert out["config"]["hidden"] == [4, 2, 1] and out["config"]["seed"] == 2
    assert torch.isfinite(torch.tensor(out["test_loss"]))


def test_cli_json_without_a_reported_preset(capsys):
    args = ["--dataset", "digits", "--hidden", "8", "--epochs", "1", "--json"]
    assert T.main(args) == 0
    assert "reported" not in json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    args = ["--preset", "digits_a", "--epochs", "1", "--json"]
    assert T.main(args) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["reported"]["test_accuracy"] == T.DIGITS_REPORT_ACCURACY["a"]
