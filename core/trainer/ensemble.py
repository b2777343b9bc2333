r"""Ensembles of trained networks: average the members' softmax probabilities and compare.

K members differ only in their seed (member i uses ``config.seed + i``: its initial weights,
its shuffling and dropout masks, and its validation split); the test set is the same for all.
The ensemble predicts the class of the largest mean probability

.. math::

    \bar p(x) = \frac{1}{K} \sum_{i=1}^{K} \operatorname{softmax}(f_i(x)),

and its gain is its test accuracy minus the members' mean accuracy.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning* (2016), 7.11 (bagging and other ensemble
methods); Huang et al., "Snapshot Ensembles: Train 1, get M for free", ICLR 2017 (the snapshot
variant, :attr:`TrainConfig.snapshots`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from core.data import Dataset, load_dataset
from core.trainer.config import TrainConfig
from core.trainer.loop import train
from core.trainer.records import TrainResult

__all__ = [
    "MAX_ENSEMBLE",
    "EnsembleReport",
    "average_probabilities",
    "ensemble_report",
    "train_ensemble",
]

MAX_ENSEMBLE = 50


def average_probabilities(probs: Sequence[np.ndarray]) -> np.ndarray:
    """The mean of the members' probability matrices.

    Parameters
    ----------
    probs : sequence of ndarray, each (n, n_classes)
        Softmax probabilities of each member on the same n images; finite.

    Returns
    -------
    ndarray, shape (n, n_classes), float64.

    Raises
    ------
    ValueError
        Empty sequence, a matrix that is not 2-D, shapes that differ, or non-finite values.
    """
    if isinstance(probs, np.ndarray) and probs.ndim == 3:
        probs = list(probs)
    if not isinstance(probs, Sequence) or isinstance(probs, (str, bytes)) or len(probs) == 0:
        raise ValueError("probs must be a non-empty sequence of (n, n_classes) arrays")
    arrays = []
    for i, p in enumerate(probs):
        try:
            a = np.asarray(p, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"probs[{i}] must be an array of numbers") from exc
        if a.ndim != 2:
            raise ValueError(f"probs[{i}] must be 2-D (n, n_classes), got shape {a.shape}")
        if arrays and a.shape != arrays[0].shape:
            raise ValueError(
                f"probs[{i}] has shape {a.shape}, expected {arrays[0].shape} like probs[0]"
            )
        if not np.isfinite(a).all():
            raise ValueError(f"probs[{i}] must be finite")
        arrays.append(a)
    return np.mean(np.stack(arrays), axis=0)


@dataclass(frozen=True)
class EnsembleReport:
    """Test accuracy of each member, of the averaged ensemble, their mean, and the gain
    (ensemble − mean member)."""

    member_accuracies: list[float]
    ensemble_accuracy: float
    mean_member_accuracy: float
    gain: float


def ensemble_report(member_probs: Sequence[np.ndarray], y_true: np.ndarray) -> EnsembleReport:
    """Accuracies of the members and of their averaged probabilities on labels ``y_true``.

    Parameters
    ----------
    member_probs : sequence of ndarray, each (n, n_classes)
    y_true : ndarray of int, shape (n,)
        Class indices in [0, n_classes).

    Returns
    -------
    EnsembleReport

    Raises
    ------
    ValueError
        As :func:`average_probabilities`, or labels of the wrong length or out of range.
    """
    mean = average_probabilities(member_probs)
    y = np.asarray(y_true)
    if y.ndim != 1 or y.shape[0] != mean.shape[0]:
        raise ValueError(f"y_true must have shape ({mean.shape[0]},), got {y.shape}")
    if y.size and (
        not np.issubdtype(y.dtype, np.integer) or y.min() < 0 or y.max() >= mean.shape[1]
    ):
        raise ValueError(f"y_true must hold class indices in [0, {mean.shape[1]})")
    if y.size == 0:
        raise ValueError("y_true must hold at least one label")
    members = [float(np.mean(np.asarray(p).argmax(axis=1) == y)) for p in member_probs]
    ens = float(np.mean(mean.argmax(axis=1) == y))
    mean_member = float(np.mean(members))
    return EnsembleReport(
        member_accuracies=members,
        ensemble_accuracy=ens,
        mean_member_accuracy=mean_member,
        gain=ens - mean_member,
    )


def train_ensemble(
    config: TrainConfig,
    k: int,
    on_member: Callable[[int, TrainResult], None] | None = None,
    *,
    data: Dataset | None = None,
) -> tuple[list[TrainResult], EnsembleReport]:
    """Train ``k`` members of ``config`` (member i with seed ``config.seed + i``) and report
    the ensemble of their averaged test probabilities.

    Parameters
    ----------
    config : TrainConfig
    k : int
        Members, 1..50; ``config.seed + k - 1`` must stay a valid seed.
    on_member : callable, optional
        ``on_member(i, result)`` after member i (0-based) is trained, e.g. to show progress.
    data : Dataset, optional
        The loaded ``config.dataset`` (default: :func:`core.data.load_dataset`).

    Returns
    -------
    (list of TrainResult, EnsembleReport)
    """
    if not isinstance(config, TrainConfig):
        raise ValueError(f"config must be a TrainConfig, got {type(config).__name__}")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= MAX_ENSEMBLE:
        raise ValueError(f"k must be an integer in [1, {MAX_ENSEMBLE}], got {k!r}")
    if on_member is not None and not callable(on_member):
        raise ValueError(f"on_member must be callable, got {type(on_member).__name__}")
    if data is None:
        data = load_dataset(config.dataset)
    configs = [config.replace(seed=config.seed + i) for i in range(int(k))]  # checks the seeds
    results: list[TrainResult] = []
    for i, member_config in enumerate(configs):
        result: TrainResult | None = None
        for rec in train(member_config, data, report_every_s=None):
            if rec.kind == "result":
                result = rec
        assert result is not None
        results.append(result)
        if on_member is not None:
            on_member(i, result)
    report = ensemble_report([r.probs for r in results], results[0].y_true)
    return results, report
