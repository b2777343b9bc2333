"""Transfer learning, small and real: features learnt on digits 0-4 reused for digits 5-9.

A network is trained on the source classes (0-4). For the target classes (5-9) only ``shots``
labelled images per class are kept, and three networks of the same shape are fitted on them:

* ``scratch`` -- every weight drawn afresh (the baseline: no transfer);
* ``finetune`` -- hidden layers copied from the source network, every layer trained;
* ``last_layer`` -- hidden layers copied and frozen (``requires_grad=False``), only the new
  output layer trained: a linear classifier on the source network's features.

The three share the same new output layer (its initial weights come from the seed), the same
images, optimizer, learning rate and number of steps, so the only difference is where the
hidden layers start and whether they move. Each is scored on every held-out test image of the
target classes. Reference: Yosinski et al., "How transferable are features in deep neural
networks?", NeurIPS 2014 (Section 4, frozen vs fine-tuned transferred layers).

Deterministic by seed: the source split and shuffling, the initial weights and the choice of
the few labelled images come from private ``torch.Generator``/``numpy`` generators. Training
is full-batch on the few images (at most 5 x shots of them), so it takes well under a second.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core._validate import check_scalar
from core.data import Dataset
from core.models import NetSpec, build_model
from core.trainer.threads import configure_threads

SOURCE_CLASSES: tuple[int, ...] = (0, 1, 2, 3, 4)
TARGET_CLASSES: tuple[int, ...] = (5, 6, 7, 8, 9)
STRATEGIES: tuple[str, ...] = ("scratch", "finetune", "last_layer")
DEFAULT_SHOTS: tuple[int, ...] = (1, 2, 5, 10, 20)


@dataclass(frozen=True)
class TransferRecord:
    """One strategy at one number of labelled images per target class."""

    strategy: str
    shots: int  # labelled images per target class
    n_train: int  # shots x number of target classes
    test_acc: float  # on every test image of the target classes
    trainable_params: int


@dataclass(frozen=True)
class TransferReport:
    """What the page draws: the source network's own score and one record per (shots, strategy)."""

    source_test_acc: float  # the source network on the test images of the source classes
    n_source_train: int
    n_target_test: int
    records: tuple[TransferRecord, ...]

    def accuracy(self, strategy: str, shots: int) -> float:
        """Test accuracy of ``strategy`` with ``shots`` labelled images per class."""
        for r in self.records:
            if r.strategy == strategy and r.shots == shots:
                return r.test_acc
        raise ValueError(f"no record for strategy {strategy!r} with {shots} shots")


def class_subset(
    x: torch.Tensor, y: torch.Tensor, classes: Sequence[int]
) -> tuple[torch.Tensor, torch.Tensor]:
    """The rows of ``x`` whose label is in ``classes``, labels renumbered 0..len(classes)-1.

    Raises
    ------
    ValueError
        ``x`` and ``y`` of different lengths, ``classes`` empty or repeated.
    """
    if x.shape[0] != y.shape[0]:
        raise ValueError(f"x and y must have the same length, got {x.shape[0]} and {y.shape[0]}")
    classes = [int(c) for c in classes]
    if not classes or len(set(classes)) != len(classes):
        raise ValueError(f"classes must be distinct labels, got {classes}")
    match = y.reshape(-1, 1) == torch.tensor(classes).reshape(1, -1)  # (n, C)
    keep = match.any(dim=1)
    return x[keep], match[keep].to(torch.int64).argmax(dim=1)


def few_shot_indices(y: np.ndarray | torch.Tensor, shots: int, seed: int) -> np.ndarray:
    """Indices of ``shots`` images of each label of ``y``, drawn without replacement (seeded).

    Sorted by label, then by draw. The draw for ``shots = k`` is the first k of the draw for
    any larger k with the same seed, so curves over ``shots`` add images, never swap them.

    Raises
    ------
    ValueError
        ``shots`` not an integer >= 1, or larger than the smallest class.
    """
    shots = int(check_scalar(shots, "shots", low=1, integer=True))
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    labels = np.asarray(y)
    rng = np.random.default_rng(seed)
    out = []
    for c in np.unique(labels):
        idx = np.flatnonzero(labels == c)
        if shots > idx.size:
            raise ValueError(f"shots must be <= {idx.size} (images of class {c}), got {shots}")
        out.append(rng.permutation(idx)[:shots])
    return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    """Share of ``x`` that ``model`` (in evaluation mode) labels as ``y``."""
    model.eval()
    with torch.no_grad():
        return float((model(x).argmax(dim=1) == y).float().mean())


def fit(
    model: nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    *,
    steps: int,
    lr: float,
    batch_size: int | None = None,
    generator: torch.Generator | None = None,
) -> nn.Module:
    """Train the parameters of ``model`` that require a gradient (Adam, mean cross-entropy).

    Full batch when ``batch_size`` is None (the few-shot fits); otherwise ``steps`` epochs of
    shuffled mini-batches drawn with ``generator``. Frozen parameters are not given to the
    optimizer, so they stay bit-for-bit as they were. Returns ``model`` (trained in place).
    """
    steps = int(check_scalar(steps, "steps", low=1, integer=True))
    lr = check_scalar(lr, "lr", low=0.0, low_inclusive=False)
    params = [p for p in model.parameters() if p.requires_grad]
    if not params:
        raise ValueError("model has no trainable parameters")
    opt = torch.optim.Adam(params, lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    n = x.shape[0]
    for _ in range(steps):
        if batch_size is None:
            batches = [torch.arange(n)]
        else:
            batches = torch.randperm(n, generator=generator).split(batch_size)
        for idx in batches:
            opt.zero_grad()
            loss_fn(model(x[idx]), y[idx]).backward()
            opt.step()
    return model.eval()


def _net(n_in: int, hidden: tuple[int, ...], n_out: int, seed: int) -> NetSpec:
    """A plain ReLU MLP (no dropout, no batch norm), PyTorch's default initialization."""
    n = len(hidden)
    return NetSpec(n_in, hidden, n_out, dropout=(0.0,) * n, batch_norm=(False,) * n, seed=seed)


def pretrain(
    data: Dataset,
    hidden: tuple[int, ...],
    seed: int,
    *,
    epochs: int = 30,
    lr: float = 1e-3,
    batch_size: int = 64,
) -> tuple[nn.Sequential, float]:
    """The source network: an MLP trained on every training image of the source classes.

    Returns the network (evaluation mode) and its accuracy on the test images of those classes.
    """
    x, y = class_subset(data.x_train, data.y_train, SOURCE_CLASSES)
    model = build_model(_net(x.shape[1], hidden, len(SOURCE_CLASSES), seed))
    gen = torch.Generator().manual_seed(seed)
    fit(model, x, y, steps=epochs, lr=lr, batch_size=batch_size, generator=gen)
    x_test, y_test = class_subset(data.x_test, data.y_test, SOURCE_CLASSES)
    return model, accuracy(model, x_test, y_test)


def target_model(source: nn.Sequential | None, strategy: str, seed: int) -> nn.Sequential:
    """The network fitted on the target classes under ``strategy``.

    Its output layer (one unit per target class) is the same for every strategy: the one a
    fresh network of that shape gets from ``seed``. ``scratch`` keeps that whole fresh network;
    the other two copy the hidden layers of ``source`` (``last_layer`` also freezes them).
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy must be one of {', '.join(STRATEGIES)}, got {strategy!r}")
    if source is None or not isinstance(source, nn.Sequential):
        raise ValueError("source must be the nn.Sequential returned by pretrain")
    hidden = tuple(m.out_features for name, m in source.named_children() if name.startswith("fc"))
    fresh = build_model(_net(source.fc1.in_features, hidden, len(TARGET_CLASSES), seed))
    if strategy == "scratch":
        return fresh
    model = copy.deepcopy(source)
    model.out = copy.deepcopy(fresh.out)
    if strategy == "last_layer":
        for name, param in model.named_parameters():
            param.requires_grad_(name.startswith("out."))
    return model


def transfer_experiment(
    data: Dataset,
    shots: Sequence[int] = DEFAULT_SHOTS,
    *,
    hidden: tuple[int, ...] = (64,),
    seed: int = 0,
    source_epochs: int = 30,
    steps: int = 200,
    lr: float = 1e-2,
) -> TransferReport:
    """Scratch vs fine-tuning vs last layer only, at each number of labelled images per class.

    Parameters
    ----------
    data : Dataset
        With labels 0-9 (digits; MNIST works too, more slowly).
    shots : sequence of int
        Labelled training images per target class, each >= 1.
    hidden : tuple of int
        Hidden widths of the network (at least one layer: those are what is transferred).
    seed : int
        Seeds the source network, the new output layer and the few labelled images.
    source_epochs : int
        Epochs of the source network (mini-batches of 64, Adam at lr 1e-3).
    steps, lr : int, float
        Full-batch Adam steps and learning rate of every few-shot fit (the same for the three).

    Returns
    -------
    TransferReport
    """
    shots = [int(check_scalar(s, "shots", low=1, integer=True)) for s in shots]
    if not shots:
        raise ValueError("shots must hold at least one number of images per class")
    hidden = tuple(int(check_scalar(w, "hidden", low=1, integer=True)) for w in hidden)
    if not hidden:
        raise ValueError("hidden must have at least one layer to transfer")
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    source_epochs = int(check_scalar(source_epochs, "source_epochs", low=1, integer=True))
    configure_threads()  # once per process, as train() does
    source, source_acc = pretrain(data, hidden, seed, epochs=source_epochs)
    x_pool, y_pool = class_subset(data.x_train, data.y_train, TARGET_CLASSES)
    x_test, y_test = class_subset(data.x_test, data.y_test, TARGET_CLASSES)
    records = []
    for k in shots:
        idx = torch.from_numpy(few_shot_indices(y_pool.numpy(), k, seed))
        x, y = x_pool[idx], y_pool[idx]
        for strategy in STRATEGIES:
            model = fit(target_model(source, strategy, seed), x, y, steps=steps, lr=lr)
            records.append(
                TransferRecord(
                    strategy=strategy,
                    shots=k,
                    n_train=int(idx.numel()),
                    test_acc=accuracy(model, x_test, y_test),
                    trainable_params=sum(p.numel() for p in model.parameters() if p.requires_grad),
                )
            )
    n_source = int(class_subset(data.x_train, data.y_train, SOURCE_CLASSES)[1].numel())
    return TransferReport(
        source_test_acc=source_acc,
        n_source_train=n_source,
        n_target_test=int(y_test.numel()),
        records=tuple(records),
    )
