"""core.lr_recipe: the plateau rule vs torch's ReduceLROnPlateau, the step decay vs MultiStepLR,
the NumPy network vs torch autograd, and the recipe's determinism and placement."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from core import lr_recipe as R
from core.lr_recipe import _epochs, _start


def _torch_plateau(losses, patience, threshold):
    """The epoch count after which ReduceLROnPlateau first lowers the rate (None: never)."""
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(
        opt, mode="min", factor=0.1, patience=patience, threshold=threshold, threshold_mode="rel"
    )
    for t, loss in enumerate(losses, start=1):
        sched.step(float(loss))
        if opt.param_groups[0]["lr"] < 1.0:
            return t
    return None


def test_plateau_rule_on_a_curve_with_a_known_plateau():
    # falls 10 % an epoch for 12 epochs, then flat (tiny wiggles below the 1 % threshold)
    K, p = 12, 4
    fall = 2.0 * 0.9 ** np.arange(1, K + 1)
    flat = fall[-1] * (1 + 0.004 * np.sin(np.arange(20)))
    losses = np.concatenate([fall, flat])
    # epochs K+1 .. K+p+1 do not improve: the plateau is declared after epoch K + p + 1
    assert R.plateau_epoch(losses, patience=p, threshold=0.01) == K + p + 1
    # with no threshold, a wiggle below the best counts as an improvement and resets the count
    assert R.plateau_epoch(losses, patience=p, threshold=0.0) == _torch_plateau(losses, p, 0.0)
    # a curve that keeps improving by 2 % an epoch never plateaus at a 1 % threshold; at 5 %
    # it needs 3 epochs (0.98**3 < 0.95) to improve, so patience 1 runs out after epoch 3
    steady = 0.98 ** np.arange(50)
    assert R.plateau_epoch(steady, patience=3, threshold=0.01) is None
    assert R.plateau_epoch(steady, patience=3, threshold=0.05) is None
    assert R.plateau_epoch(steady, patience=1, threshold=0.05) == 3


@pytest.mark.parametrize("seed", range(25))
def test_plateau_rule_equals_torch_reduce_on_plateau(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 60))
    losses = np.exp(-rng.uniform(0, 0.2, n).cumsum()) * (1 + rng.normal(0, 0.05, n))
    patience = int(rng.integers(0, 8))
    threshold = float(rng.choice([0.0, 1e-4, 0.01, 0.05]))
    assert R.plateau_epoch(losses, patience, threshold) == _torch_plateau(
        losses, patience, threshold
    )


@pytest.mark.parametrize(
    ("epochs", "milestones", "gamma"), [(10, [], 0.1), (30, [7], 0.1), (25, [5, 5, 12], 0.5)]
)
def test_multistep_equals_torch(epochs, milestones, gamma):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.3)
    sched = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=milestones, gamma=gamma)
    expected = []
    for _ in range(epochs):
        expected.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    np.testing.assert_allclose(R.multistep_lrs(0.3, epochs, milestones, gamma), expected)


def test_one_epoch_equals_torch_autograd():
    """One full-batch epoch of the NumPy network is one torch SGD step on the same objective
    (mean cross-entropy + (l2/2)·ΣW², torch's coupled weight_decay on the weight matrices)."""
    seed, hidden, l2, eta = 3, 8, 0.05, 0.7
    data, state = _start(seed, hidden, R.VAL_FRACTION)
    X, y, Xv, yv = data
    train, val, acc, _ = _epochs(np.array([eta]), data, state, 0, len(y), l2)
    W1, b1, W2, b2 = (torch.tensor(a) for a in state.params)
    net = nn.Sequential(nn.Linear(64, hidden), nn.ReLU(), nn.Linear(hidden, 10)).double()
    with torch.no_grad():
        net[0].weight.copy_(W1.T), net[0].bias.copy_(b1)
        net[2].weight.copy_(W2.T), net[2].bias.copy_(b2)
    opt = torch.optim.SGD(
        [
            {"params": [net[0].weight, net[2].weight], "weight_decay": l2},
            {"params": [net[0].bias, net[2].bias], "weight_decay": 0.0},
        ],
        lr=eta,
    )
    loss = nn.functional.cross_entropy(net(torch.tensor(X)), torch.tensor(y))
    opt.zero_grad()
    loss.backward()
    opt.step()
    assert train[0] == pytest.approx(loss.item(), rel=1e-10)
    with torch.no_grad():
        out = net(torch.tensor(Xv))
        assert val[0] == pytest.approx(nn.functional.cross_entropy(out, torch.tensor(yv)).item())
        assert acc[0] == (out.argmax(1).numpy() == yv).mean()


def test_digits_split_is_sklearns_digits():
    from sklearn.datasets import load_digits

    X, y, Xv, yv = R._digits_split(0, R.VAL_FRACTION)
    assert len(y) + len(yv) == 1797 and len(yv) == round(0.3 * 1797)
    assert X.max() == 1.0 and X.min() == 0.0
    ref = load_digits()
    assert np.bincount(np.concatenate([y, yv])).tolist() == np.bincount(ref.target).tolist()


@pytest.fixture(scope="module")
def recipe():
    return R.step_decay_recipe(seed=0)


def test_recipe_places_the_decay_at_the_detected_plateau(recipe):
    E = recipe.plateau
    assert E is not None
    assert E == R.plateau_epoch(recipe.constant.val_loss, patience=5, threshold=0.01)
    lr = recipe.decayed.lr
    np.testing.assert_array_equal(lr, R.multistep_lrs(1.0, 40, [E], 0.1))
    assert lr[E - 1] == 1.0 and lr[E] == pytest.approx(0.1)
    # identical to the constant run until the decay, then its own curve
    for name in ("train_loss", "val_loss", "val_acc"):
        const, dec = getattr(recipe.constant, name), getattr(recipe.decayed, name)
        np.testing.assert_array_equal(dec[:E], const[:E])
    assert not np.array_equal(recipe.decayed.val_loss[E:], recipe.constant.val_loss[E:])
    # resuming at the plateau gives the numbers of a run on the decayed rates from scratch
    fresh = R.digits_mlp_curves(lr, seed=0)
    np.testing.assert_allclose(fresh.val_loss, recipe.decayed.val_loss, rtol=0, atol=0)
    np.testing.assert_allclose(fresh.train_loss, recipe.decayed.train_loss, rtol=0, atol=0)


def test_recipe_deterministic_by_seed(recipe):
    again = R.step_decay_recipe(seed=0)
    assert again.plateau == recipe.plateau
    np.testing.assert_array_equal(again.decayed.val_loss, recipe.decayed.val_loss)
    other = R.step_decay_recipe(seed=1)
    assert not np.array_equal(other.constant.val_loss, recipe.constant.val_loss)


def test_recipe_monitor_train_uses_the_training_curve():
    r = R.step_decay_recipe(seed=0, monitor="train")
    assert r.plateau == R.plateau_epoch(r.constant.train_loss, patience=5, threshold=0.01)


def test_no_plateau_no_decayed_run():
    r = R.step_decay_recipe(lr0=0.05, epochs=6, patience=10, seed=0)
    assert r.plateau is None and r.decayed is None


def test_bad_input():
    with pytest.raises(ValueError, match="monitor must be one of val, train, got 'test'"):
        R.step_decay_recipe(monitor="test")
    with pytest.raises(ValueError, match="threshold must be < 1.0, got 1"):
        R.plateau_epoch([1.0, 2.0], threshold=1)
    with pytest.raises(ValueError, match="patience must be >= 0, got -1"):
        R.plateau_epoch([1.0], patience=-1)
    with pytest.raises(ValueError, match="milestone must be >= 1, got 0"):
        R.multistep_lrs(0.1, 5, [0])
    with pytest.raises(ValueError, match="lrs must be > 0"):
        R.digits_mlp_curves([0.1, 0.0])
    with pytest.raises(ValueError, match="the run diverged"):
        R.digits_mlp_curves([1e100] * 3, l2=0.0)
