"""Transfer learning (core.trainer.transfer) and the page's experiment configurations
(core.trainer.experiments): shapes, frozen layers really frozen, determinism, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core.data import load_dataset
from core.trainer import ConfigError
from core.trainer import experiments as ex
from core.trainer import transfer as tr


@pytest.fixture(scope="module")
def digits():
    return load_dataset("digits")


@pytest.fixture(scope="module")
def source(digits):
    return tr.pretrain(digits, (16,), seed=0, epochs=3)


def test_class_subset_against_numpy():
    gen = torch.Generator().manual_seed(0)
    y = torch.randint(0, 10, (200,), generator=gen)
    x = torch.arange(200.0).reshape(200, 1)
    xs, ys = tr.class_subset(x, y, (7, 2, 5))
    keep = np.isin(y.numpy(), [7, 2, 5])
    np.testing.assert_array_equal(xs.numpy()[:, 0], np.flatnonzero(keep))
    expected = np.array([{7: 0, 2: 1, 5: 2}[v] for v in y.numpy()[keep]])
    np.testing.assert_array_equal(ys.numpy(), expected)


def test_few_shot_indices_per_class_and_nested():
    y = np.repeat(np.arange(5), 30)
    idx5 = tr.few_shot_indices(y, 5, seed=3)
    idx2 = tr.few_shot_indices(y, 2, seed=3)
    assert idx5.shape == (25,)
    np.testing.assert_array_equal(np.bincount(y[idx5]), [5] * 5)
    assert len(set(idx5.tolist())) == 25  # without replacement
    # fewer shots = the first draws of more shots: curves add images, never swap them
    np.testing.assert_array_equal(idx2, idx5.reshape(5, 5)[:, :2].ravel())
    assert not np.array_equal(idx5, tr.few_shot_indices(y, 5, seed=4))


def test_target_model_shapes_and_shared_head(source):
    model, _ = source
    nets = {s: tr.target_model(model, s, seed=1) for s in tr.STRATEGIES}
    x = torch.zeros(3, 64)
    for net in nets.values():
        assert net(x).shape == (3, len(tr.TARGET_CLASSES))
    # the same new output layer for every strategy
    for s in ("finetune", "last_layer"):
        torch.testing.assert_close(nets[s].out.weight, nets["scratch"].out.weight)
    # transferred hidden layers are the source's; scratch's are not
    torch.testing.assert_close(nets["finetune"].fc1.weight, model.fc1.weight)
    assert not torch.equal(nets["scratch"].fc1.weight, model.fc1.weight)
    # copies: fitting the target network never changes the source network
    assert nets["finetune"].fc1.weight.data_ptr() != model.fc1.weight.data_ptr()


def test_frozen_layers_really_frozen(source, digits):
    model, _ = source
    before = {k: v.clone() for k, v in model.state_dict().items()}
    x, y = tr.class_subset(digits.x_train[:100], digits.y_train[:100], tr.TARGET_CLASSES)
    frozen = tr.fit(tr.target_model(model, "last_layer", 0), x, y, steps=20, lr=0.05)
    tuned = tr.fit(tr.target_model(model, "finetune", 0), x, y, steps=20, lr=0.05)
    for name, value in frozen.state_dict().items():
        if name.startswith("out."):
            assert not torch.equal(value, tr.target_model(model, "scratch", 0).state_dict()[name])
        else:
            torch.testing.assert_close(value, before[name], rtol=0, atol=0)
    assert not torch.equal(tuned.fc1.weight, before["fc1.weight"])  # fine-tuning moves them
    for name, value in model.state_dict().items():  # the source itself is untouched
        torch.testing.assert_close(value, before[name], rtol=0, atol=0)
    n_out = frozen.out.weight.numel() + frozen.out.bias.numel()
    assert sum(p.numel() for p in frozen.parameters() if p.requires_grad) == n_out


def test_fit_matches_a_plain_torch_loop(source, digits):
    """Full-batch fit = Adam on the mean cross-entropy, written out with torch."""
    model, _ = source
    x, y = tr.class_subset(digits.x_train[:80], digits.y_train[:80], tr.TARGET_CLASSES)
    ours = tr.fit(tr.target_model(model, "finetune", 2), x, y, steps=15, lr=0.01)
    ref = tr.target_model(model, "finetune", 2)
    opt = torch.optim.Adam(ref.parameters(), lr=0.01)
    for _ in range(15):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(ref(x), y).backward()
        opt.step()
    for name, value in ours.state_dict().items():
        torch.testing.assert_close(value, ref.state_dict()[name])


def test_experiment_records_and_determinism(digits):
    kw = {"hidden": (16,), "seed": 1, "source_epochs": 2, "steps": 10}
    a = tr.transfer_experiment(digits, (1, 3), **kw)
    b = tr.transfer_experiment(digits, (1, 3), **kw)
    assert a == b  # same seed, same numbers
    assert [(r.shots, r.strategy) for r in a.records] == [
        (k, s) for k in (1, 3) for s in tr.STRATEGIES
    ]
    n_test = int(np.isin(digits.y_test.numpy(), tr.TARGET_CLASSES).sum())
    assert a.n_target_test == n_test
    assert all(r.n_train == 5 * r.shots for r in a.records)
    assert all(0.0 <= r.test_acc <= 1.0 for r in a.records)
    params = {r.strategy: r.trainable_params for r in a.records}
    assert params["scratch"] == params["finetune"] == 64 * 16 + 16 + 16 * 5 + 5
    assert params["last_layer"] == 16 * 5 + 5
    c = tr.transfer_experiment(digits, (1, 3), **{**kw, "seed": 2})
    assert c != a


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"shots": ()}, "shots must hold"),
        ({"shots": (0,)}, "shots must be >= 1"),
        ({"hidden": ()}, "at least one layer"),
        ({"seed": -1}, "seed must be >= 0"),
        ({"steps": 0}, "steps must be >= 1"),
        ({"lr": 0.0}, "lr must be > 0"),
    ],
)
def test_bad_input(digits, kwargs, message):
    with pytest.raises(ValueError, match=message):
        tr.transfer_experiment(digits, **{"shots": (1,), "source_epochs": 1, **kwargs})


def test_few_shot_too_many_and_unknown_strategy(source):
    with pytest.raises(ValueError, match="shots must be <= 3"):
        tr.few_shot_indices(np.array([0, 0, 0, 1, 1, 1]), 4, seed=0)
    with pytest.raises(ValueError, match="strategy must be one of"):
        tr.target_model(source[0], "all", seed=0)
    with pytest.raises(ValueError, match="no record"):
        tr.TransferReport(1.0, 1, 1, ()).accuracy("scratch", 1)


def test_experiment_configs():
    cfg = ex.ensemble_config(16, 3, 7)
    assert (cfg.hidden, cfg.epochs, cfg.seed, cfg.dataset) == ((16,), 3, 7, "digits")
    snap = ex.snapshot_config(3, 4, 0)
    assert (snap.snapshots, snap.epochs, dict(snap.schedule_params)["T_0"]) == (3, 12, 4)
    plain, aug = ex.augment_pair("rotate", 0.2, 5, 3)
    assert plain.replace(augment="rotate") == aug and plain.augment == "none"
    with pytest.raises(ValueError, match="kind must be one of"):
        ex.augment_pair("none")
    with pytest.raises(ConfigError):
        ex.ensemble_config(16, 3, 10**12)
