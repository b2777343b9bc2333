"""The practical recipe for a step decay: train at a constant rate, find the plateau, decay there.

A small, real run in NumPy (no torch, so the theory page can show it): a one-hidden-layer ReLU
network with softmax output, trained with mini-batch SGD on scikit-learn's 8x8 digits. The same
seed gives the same split, initial weights and mini-batches for every learning-rate sequence, so
the decayed run is the constant run, step for step, until the decay.

* :func:`plateau_epoch` is the rule that finds the plateau: the one of
  ``torch.optim.lr_scheduler.ReduceLROnPlateau(mode="min", threshold_mode="rel")`` (its first
  reduction), written out so it can be read and tested.
* :func:`multistep_lrs` is the rate per epoch of ``MultiStepLR(milestones, gamma)``.
* :func:`digits_mlp_curves` trains the network for a given rate per epoch.
* :func:`step_decay_recipe` puts them together: constant run, plateau, decayed run.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning* (2016), §8.3.1 (decay the rate in practice);
He et al., "Deep Residual Learning for Image Recognition", CVPR 2016 (divide by 10 when the
error plateaus).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from core._validate import as_float_array, check_scalar, with_latex

MONITORS = ("val", "train")  # the curve the plateau rule watches
VAL_FRACTION = 0.3  # of the 1,797 images: 539 for validation, 1,258 for training


@with_latex(
    r"\text{improved}_t \iff L_t < (1 - \tau)\, \min_{s < t} L_s,\qquad "
    r"t^\star = \min\{t : \text{no improvement in the last } p + 1 \text{ epochs}\}"
)
def plateau_epoch(losses: Any, patience: int = 5, threshold: float = 0.01) -> int | None:
    """The epoch count after which the loss has plateaued, or None if it never does.

    Epoch ``t`` (1-based) improves when its loss is below ``(1 - threshold)`` times the best loss
    so far; the plateau is reached after ``patience + 1`` epochs in a row without improvement.
    This is exactly when ``ReduceLROnPlateau(mode="min", threshold=threshold,
    threshold_mode="rel", patience=patience)``, stepped with each epoch's loss, first lowers the
    rate: the returned ``t`` is the number of epochs run by then, so the lowered rate applies
    from epoch index ``t`` (0-based) on, i.e. ``MultiStepLR(milestones=[t])``.

    Parameters
    ----------
    losses : array_like, shape (epochs,)
        The monitored loss at the end of each epoch (finite).
    patience : int
        Epochs without improvement that are still tolerated (>= 0).
    threshold : float
        Relative improvement that counts, in [0, 1).
    """
    L = as_float_array(losses, "losses", ndim=1)
    patience = int(check_scalar(patience, "patience", low=0, integer=True))
    threshold = check_scalar(threshold, "threshold", low=0.0, high=1.0, high_inclusive=False)
    best = np.inf
    bad = 0
    for t, loss in enumerate(L, start=1):
        if loss < best * (1.0 - threshold):
            best, bad = float(loss), 0
        else:
            bad += 1
        if bad > patience:
            return t
    return None


@with_latex(r"\eta_t = \eta_0\,\gamma^{\#\{m \in M \,:\, m \le t\}}")
def multistep_lrs(lr0: float, epochs: int, milestones: Any = (), gamma: float = 0.1) -> np.ndarray:
    """The rate during each epoch (0-based) of ``MultiStepLR(milestones, gamma)``, stepped once
    per epoch: epoch ``t`` runs at ``lr0 * gamma**k`` with ``k`` the milestones ``<= t``.

    Parameters
    ----------
    lr0 : float
        Initial rate (> 0).
    epochs : int
        Number of epochs (>= 1).
    milestones : sequence of int
        Epoch indices (>= 1) at which the rate is multiplied by ``gamma``.
    gamma : float
        Factor, in (0, 1].
    """
    lr0 = check_scalar(lr0, "lr0", low=0.0, low_inclusive=False)
    epochs = int(check_scalar(epochs, "epochs", low=1, high=100_000, integer=True))
    gamma = check_scalar(gamma, "gamma", low=0.0, high=1.0, low_inclusive=False)
    if isinstance(milestones, (str, bytes)) or not hasattr(milestones, "__iter__"):
        raise ValueError(f"milestones must be a list of epochs, got {milestones!r}")
    ms = [int(check_scalar(m, "milestone", low=1, integer=True)) for m in milestones]
    t = np.arange(epochs)
    count = np.array([sum(m <= e for m in ms) for e in t])
    return lr0 * gamma**count


@dataclass(frozen=True)
class Curves:
    """One run: the rate, the mean training loss (over the epoch's mini-batches, in training),
    the validation loss and accuracy at the end of each epoch."""

    lr: np.ndarray
    train_loss: np.ndarray
    val_loss: np.ndarray
    val_acc: np.ndarray


@functools.lru_cache(maxsize=4)
def _digits_split(seed: int, val_fraction: float) -> tuple[np.ndarray, ...]:
    from sklearn.datasets import load_digits  # bundled with scikit-learn: no network

    bunch = load_digits()
    X = bunch.data / 16.0
    y = bunch.target.astype(np.int64)
    order = np.random.default_rng(seed).permutation(len(y))
    n_val = int(round(val_fraction * len(y)))
    val, train = order[:n_val], order[n_val:]
    return X[train], y[train], X[val], y[val]


def _forward(params: list[np.ndarray], X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    W1, b1, W2, b2 = params
    H = np.maximum(X @ W1 + b1, 0.0)
    Z = H @ W2 + b2
    Z = Z - Z.max(axis=1, keepdims=True)
    P = np.exp(Z)
    P /= P.sum(axis=1, keepdims=True)
    return H, P


def _cross_entropy(P: np.ndarray, y: np.ndarray) -> float:
    return float(-np.mean(np.log(np.maximum(P[np.arange(len(y)), y], 1e-300))))


@dataclass
class _State:
    """Where a run is at the start of an epoch: weights and the shuffling generator's state."""

    params: list[np.ndarray]
    rng_state: dict


def _epochs(
    lr: np.ndarray,
    data: tuple[np.ndarray, ...],
    state: _State,
    first: int,
    batch_size: int,
    l2: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[_State]]:
    """Run epochs ``first .. len(lr) - 1`` from ``state``; the curves and the state at the
    start of each of those epochs (to resume from any of them)."""
    X, y, Xv, yv = data
    params = [a.copy() for a in state.params]
    rng = np.random.default_rng()
    rng.bit_generator.state = state.rng_state
    n = len(y)
    m = len(lr) - first
    train_loss, val_loss, val_acc = np.empty(m), np.empty(m), np.empty(m)
    states = []
    with np.errstate(all="ignore"):  # a divergence shows as a non-finite loss, checked below
        for k, eta in enumerate(lr[first:]):
            states.append(_State([a.copy() for a in params], rng.bit_generator.state))
            order = rng.permutation(n)
            total = 0.0
            for start in range(0, n, batch_size):
                idx = order[start : start + batch_size]
                xb, yb = X[idx], y[idx]
                H, P = _forward(params, xb)
                total += _cross_entropy(P, yb) * len(idx)
                G = P.copy()
                G[np.arange(len(idx)), yb] -= 1.0
                G /= len(idx)
                dH = (G @ params[2].T) * (H > 0)
                grads = [xb.T @ dH + l2 * params[0], dH.sum(axis=0), H.T @ G + l2 * params[2]]
                grads.append(G.sum(axis=0))
                for p_, g in zip(params, grads, strict=True):
                    p_ -= eta * g
            train_loss[k] = total / n
            _, Pv = _forward(params, Xv)
            val_loss[k] = _cross_entropy(Pv, yv)
            val_acc[k] = float(np.mean(Pv.argmax(axis=1) == yv))
    if not (np.all(np.isfinite(train_loss)) and np.all(np.isfinite(val_loss))):
        raise ValueError("the run diverged: the loss became NaN or infinite; lower the rate")
    return train_loss, val_loss, val_acc, states


def _start(seed: int, hidden: int, val_fraction: float) -> tuple[tuple[np.ndarray, ...], _State]:
    """The split and the initial state of a run (``nn.Linear``'s uniform bound 1/sqrt(fan_in))."""
    data = _digits_split(seed, val_fraction)
    rng = np.random.default_rng([seed, 1])
    b_in, b_hid = 1.0 / np.sqrt(data[0].shape[1]), 1.0 / np.sqrt(hidden)
    params = [
        rng.uniform(-b_in, b_in, (data[0].shape[1], hidden)),
        rng.uniform(-b_in, b_in, hidden),
        rng.uniform(-b_hid, b_hid, (hidden, 10)),
        rng.uniform(-b_hid, b_hid, 10),
    ]
    return data, _State(params, rng.bit_generator.state)


def _checked(
    lrs: Any, hidden: Any, batch_size: Any, seed: Any, val_fraction: Any, l2: Any
) -> tuple[np.ndarray, int, int, int, float, float]:
    lr = as_float_array(lrs, "lrs", ndim=1)
    if np.any(lr <= 0):
        raise ValueError("lrs must be > 0")
    if len(lr) > 1000:
        raise ValueError(f"lrs must have at most 1000 epochs, got {len(lr)}")
    return (
        lr,
        int(check_scalar(hidden, "hidden", low=1, high=256, integer=True)),
        int(check_scalar(batch_size, "batch_size", low=1, high=1000, integer=True)),
        int(check_scalar(seed, "seed", low=0, high=2**32 - 1, integer=True)),
        check_scalar(val_fraction, "val_fraction", low=0.1, high=0.5),
        check_scalar(l2, "l2", low=0.0, high=1.0),
    )


def digits_mlp_curves(
    lrs: Any,
    *,
    hidden: int = 32,
    batch_size: int = 64,
    seed: int = 0,
    val_fraction: float = 0.3,
    l2: float = 0.01,
) -> Curves:
    """Train a 64-``hidden``-10 ReLU network with plain mini-batch SGD on the 8x8 digits.

    Epoch ``e`` runs at rate ``lrs[e]``. The objective is the mean cross-entropy plus
    ``(l2 / 2) * sum W**2`` over the two weight matrices (torch's coupled ``weight_decay=l2``);
    the L2 term keeps the minimum finite, so at a constant rate the training loss settles on a
    noisy plateau instead of creeping to zero. The split, the initial weights and the order of
    the mini-batches come from ``seed`` alone, so two rate sequences that agree on the first
    epochs give identical curves there. Reported: the mean cross-entropy of the epoch's
    mini-batches (no penalty), the validation cross-entropy and accuracy after the epoch.

    Parameters
    ----------
    lrs : array_like, shape (epochs,)
        Rate of each epoch (> 0), at most 1000 epochs.
    hidden : int
        Hidden width, 1..256.
    batch_size : int
        Mini-batch size, 1..1000.
    seed : int
        Seed of the split, initialization and shuffling (>= 0).
    val_fraction : float
        Share of the 1,797 images held out for validation, in [0.1, 0.5].
    l2 : float
        L2 strength (weight decay), in [0, 1].
    """
    lr, hidden, batch_size, seed, val_fraction, l2 = _checked(
        lrs, hidden, batch_size, seed, val_fraction, l2
    )
    data, state = _start(seed, hidden, val_fraction)
    train_loss, val_loss, val_acc, _ = _epochs(lr, data, state, 0, batch_size, l2)
    return Curves(lr=lr.copy(), train_loss=train_loss, val_loss=val_loss, val_acc=val_acc)


@dataclass(frozen=True)
class Recipe:
    """The recipe's two runs: ``constant`` at ``lr0``; ``decayed`` with the rate multiplied by
    ``gamma`` from epoch ``plateau`` on (None, and no decayed run, when no plateau is found)."""

    constant: Curves
    decayed: Curves | None
    plateau: int | None
    monitor: str


def step_decay_recipe(
    lr0: float = 1.0,
    epochs: int = 40,
    *,
    gamma: float = 0.1,
    patience: int = 5,
    threshold: float = 0.01,
    monitor: str = "val",
    hidden: int = 32,
    batch_size: int = 64,
    l2: float = 0.01,
    seed: int = 0,
) -> Recipe:
    """Train at the constant rate ``lr0``; find where the monitored loss plateaus with
    :func:`plateau_epoch`; train again with a single step decay (``MultiStepLR(milestones=
    [plateau], gamma)``) placed there. Same seed for both runs.

    ``monitor`` is ``"val"`` (validation loss) or ``"train"`` (the epoch's mean training loss).
    The other parameters are those of :func:`plateau_epoch`, :func:`multistep_lrs` and
    :func:`digits_mlp_curves` (the split holds out :data:`VAL_FRACTION`). The decayed run
    resumes the constant one at the plateau (same weights, same generator state), which gives
    the same numbers as :func:`digits_mlp_curves` on the decayed rates from scratch.
    """
    if not isinstance(monitor, str) or monitor not in MONITORS:
        raise ValueError(f"monitor must be one of {', '.join(MONITORS)}, got {monitor!r}")
    # checked up front: a run without a plateau never reaches the calls that check them
    gamma = check_scalar(gamma, "gamma", low=0.0, high=1.0, low_inclusive=False)
    patience = int(check_scalar(patience, "patience", low=0, integer=True))
    threshold = check_scalar(threshold, "threshold", low=0.0, high=1.0, high_inclusive=False)
    lr, hidden, batch_size, seed, _, l2 = _checked(
        multistep_lrs(lr0, epochs), hidden, batch_size, seed, VAL_FRACTION, l2
    )
    data, state = _start(seed, hidden, VAL_FRACTION)
    train_loss, val_loss, val_acc, states = _epochs(lr, data, state, 0, batch_size, l2)
    constant = Curves(lr=lr, train_loss=train_loss, val_loss=val_loss, val_acc=val_acc)
    watched = val_loss if monitor == "val" else train_loss
    plateau = plateau_epoch(watched, patience=patience, threshold=threshold)
    if plateau is None or plateau >= epochs:
        return Recipe(constant=constant, decayed=None, plateau=None, monitor=monitor)
    # the decayed run is the constant one up to the plateau: resume from there
    lr_decayed = multistep_lrs(lr0, epochs, (plateau,), gamma)
    tail_train, tail_val, tail_acc, _ = _epochs(
        lr_decayed, data, states[plateau], plateau, batch_size, l2
    )
    decayed = Curves(
        lr=lr_decayed,
        train_loss=np.concatenate([train_loss[:plateau], tail_train]),
        val_loss=np.concatenate([val_loss[:plateau], tail_val]),
        val_acc=np.concatenate([val_acc[:plateau], tail_acc]),
    )
    return Recipe(constant=constant, decayed=decayed, plateau=plateau, monitor=monitor)
