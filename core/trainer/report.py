r"""What a trained network did, computed once: the split sizes, a state_dict's evaluation, and
the test report (predictions, probabilities, confusion matrix, per-class scores, confident
mistakes). The trainer page only draws these numbers.

References
----------
Goodfellow, Bengio & Courville, *Deep Learning* (2016), 11.1 (performance metrics);
scikit-learn's ``confusion_matrix`` and ``precision_recall_fscore_support`` (the oracles of the
tests).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core import confusion
from core._validate import check_scalar
from core.models import build_model
from core.trainer.config import TrainConfig
from core.trainer.objective import evaluate
from core.trainer.records import TrainResult

__all__ = [
    "SplitSizes",
    "TestReport",
    "capped_train_fraction",
    "evaluate_state_dict",
    "result_report",
    "split_sizes",
    "test_report",
]


# ----------------------------------------------------------------------------- the split
@dataclass(frozen=True)
class SplitSizes:
    """Images of the training set held out for validation, left after it, and fitted on."""

    n_val: int
    n_rest: int  # n - n_val: the training part, before train_fraction
    n_train: int  # the images the optimizer sees


def split_sizes(n: int, val_fraction: float, train_fraction: float = 1.0) -> SplitSizes:
    r"""The sizes of the seeded split that :func:`core.data.split_indices` (so ``train()``) makes.

    .. math::

        n_{val} = \max(1, \operatorname{round}(f_{val}\, n)), \quad
        n_{train} = \min\big(n - n_{val},\ \max(2, \operatorname{round}(f_{train}(n - n_{val})))\big)

    Parameters
    ----------
    n : int
        Images in the dataset's training set (``data.n_train``), >= 1.
    val_fraction : float
        In (0, 0.5].
    train_fraction : float
        In (0, 1].

    Raises
    ------
    ValueError
        Out-of-range arguments, or fewer than 2 images left for training.
    """
    n = int(check_scalar(n, "n", low=1, integer=True))
    check_scalar(val_fraction, "val_fraction", low=0.0, high=0.5, low_inclusive=False)
    check_scalar(train_fraction, "train_fraction", low=0.0, high=1.0, low_inclusive=False)
    n_val = max(1, round(val_fraction * n))
    n_rest = n - n_val
    if n_rest < 2:
        raise ValueError(f"val_fraction leaves {n_rest} training images, need at least 2")
    n_train = min(n_rest, max(2, round(train_fraction * n_rest)))
    return SplitSizes(n_val=n_val, n_rest=n_rest, n_train=n_train)


def capped_train_fraction(
    n: int, val_fraction: float, train_fraction: float, max_train: int
) -> float:
    """``train_fraction``, lowered so that at most about ``max_train`` images are fitted on
    (a classroom server's cap); unchanged when it is already within the cap."""
    max_train = int(check_scalar(max_train, "max_train", low=1, integer=True))
    n_rest = split_sizes(n, val_fraction, train_fraction).n_rest
    if train_fraction * n_rest > max_train:
        return max_train / n_rest
    return train_fraction


# ----------------------------------------------------------------------------- the report
@dataclass(frozen=True, eq=False)
class TestReport:
    """A classifier's answers on a labelled set (usually the test set) and their scores.

    Arrays: ``y_true``, ``y_pred`` (n,) int64; ``probs`` (n, k) float32 (softmax of the
    logits); ``confusion`` (k, k) counts with rows = true class and ``confusion_rates`` the same
    with rows divided by their sums; ``precision``/``recall``/``f1``/``support`` (k,) per class
    (0 where undefined, as scikit-learn's ``zero_division=0``); ``mistakes`` the indices of
    the wrong answers, most confident first.
    """

    __test__ = False  # not a pytest test class despite its name

    y_true: np.ndarray
    y_pred: np.ndarray
    probs: np.ndarray
    loss: float  # mean cross-entropy
    accuracy: float
    confusion: np.ndarray
    confusion_rates: np.ndarray
    precision: np.ndarray
    recall: np.ndarray
    f1: np.ndarray
    support: np.ndarray
    macro: tuple[float, float, float]  # macro-averaged precision, recall, F1
    balanced_accuracy: float
    mistakes: np.ndarray

    @property
    def n_classes(self) -> int:
        return int(self.probs.shape[1])

    @property
    def most_confused(self) -> tuple[int, int]:
        """(true, predicted) classes of the largest off-diagonal share of ``confusion_rates``."""
        off = self.confusion_rates.copy()
        np.fill_diagonal(off, -1.0)
        i, j = np.unravel_index(int(np.argmax(off)), off.shape)
        return int(i), int(j)

    def confidence(self, i: int) -> float:
        """Probability the model gave to its own answer for sample ``i``."""
        return float(self.probs[i, self.y_pred[i]])

    def confident_mistakes(self, k: int = 12) -> list[tuple[int, int, int, float]]:
        """The ``k`` most confident wrong answers as ``(index, true, predicted, probability)``;
        use the index with ``data.images_test`` to show the image."""
        k = int(check_scalar(k, "k", low=1, high=10_000, integer=True))
        return [
            (int(i), int(self.y_true[i]), int(self.y_pred[i]), self.confidence(int(i)))
            for i in self.mistakes[:k]
        ]

    @classmethod
    def from_probs(
        cls, y_true: Any, probs: Any, loss: float, accuracy: float | None = None
    ) -> TestReport:
        """The report of answers already computed: true labels (n,), probabilities (n, k).

        ``accuracy`` defaults to the share of ``argmax(probs) == y_true``; pass the
        evaluation's own (argmax of the logits) to keep its exact value.
        """
        probs = np.asarray(probs, dtype=np.float32)
        y_true = np.asarray(y_true)
        if probs.ndim != 2 or probs.shape[0] == 0 or probs.shape[1] < 2:
            raise ValueError(f"probs must have shape (n, k) with n >= 1, k >= 2, got {probs.shape}")
        if y_true.shape != (probs.shape[0],):
            raise ValueError(
                f"y must have shape ({probs.shape[0]},) to match probs, got {y_true.shape}"
            )
        if not np.issubdtype(y_true.dtype, np.integer):
            raise ValueError(f"y must hold integer class labels, got dtype {y_true.dtype}")
        k = probs.shape[1]
        if y_true.min() < 0 or y_true.max() >= k:
            raise ValueError(
                f"y must hold labels in [0, {k - 1}], got {y_true.min()}..{y_true.max()}"
            )
        y_true = y_true.astype(np.int64)
        y_pred = probs.argmax(axis=1).astype(np.int64)
        labels = np.arange(k)
        precision, recall, f1, support = confusion.precision_recall_f1(
            y_true, y_pred, labels=labels
        )
        macro = confusion.precision_recall_f1(y_true, y_pred, average="macro", labels=labels)
        wrong = np.flatnonzero(y_pred != y_true)
        conf = probs[wrong, y_pred[wrong]]
        return cls(
            y_true=y_true,
            y_pred=y_pred,
            probs=probs,
            loss=float(loss),
            accuracy=float(np.mean(y_pred == y_true)) if accuracy is None else float(accuracy),
            confusion=confusion.confusion_matrix(y_true, y_pred, labels=labels),
            confusion_rates=confusion.confusion_matrix(
                y_true, y_pred, labels=labels, normalize="true"
            ),
            precision=np.asarray(precision),
            recall=np.asarray(recall),
            f1=np.asarray(f1),
            support=np.asarray(support).astype(np.int64),
            macro=(float(macro[0]), float(macro[1]), float(macro[2])),
            balanced_accuracy=confusion.balanced_accuracy(y_true, y_pred),
            mistakes=wrong[np.argsort(-conf, kind="stable")],  # most confident first
        )


def _labels(y: Any) -> torch.Tensor:
    """``y`` as a 1-D tensor of integer class labels (refused: text, fractions, other shapes)."""
    try:
        y = torch.as_tensor(np.asarray(y))
    except (TypeError, ValueError, RuntimeError) as exc:
        raise ValueError(f"y must be an array of class labels, got {type(y).__name__}") from exc
    if y.is_floating_point():
        if not bool(torch.all(torch.isfinite(y) & (y == y.round()))):
            raise ValueError("y must hold whole class labels, got fractions or NaN")
    elif y.dtype == torch.bool or not (y.dtype.is_signed or y.dtype == torch.uint8):
        raise ValueError(f"y must hold integer class labels, got {y.dtype}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {tuple(y.shape)}")
    return y.long()


def test_report(model_or_logits: nn.Module | Any, X: Any, y: Any) -> TestReport:
    """The test report of a network on ``(X, y)``, or of its logits.

    Parameters
    ----------
    model_or_logits : torch.nn.Module or array of shape (n, k)
        A network (evaluated in evaluation mode, in large batches, as :func:`core.train.evaluate`),
        or logits already computed; then ``X`` must be None.
    X : torch.Tensor of shape (n, d) or None
    y : array of shape (n,)
        True class labels in [0, k).
    """
    y_t = _labels(y)
    if isinstance(model_or_logits, nn.Module):
        if X is None:
            raise ValueError("X is required to evaluate a model")
        ev = evaluate(model_or_logits, torch.as_tensor(X), y_t, return_probs=True)
        assert ev.probs is not None
        return TestReport.from_probs(y_t.numpy(), ev.probs.numpy(), ev.loss, ev.acc)
    if X is not None:
        raise ValueError("X must be None when logits are given")
    try:
        logits = torch.as_tensor(np.asarray(model_or_logits, dtype=np.float32))
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"logits must be a numeric array, got {type(model_or_logits).__name__}"
        ) from exc
    if logits.ndim == 2 and logits.shape[1] < 2:
        raise ValueError(f"logits must have at least 2 classes (columns), got {logits.shape[1]}")
    if not bool(torch.all(torch.isfinite(logits))):
        raise ValueError("logits must be finite (no NaN or inf)")
    if logits.ndim != 2 or logits.shape[0] != y_t.shape[0]:
        raise ValueError(
            f"logits must have shape ({y_t.shape[0]}, k) to match y, got {tuple(logits.shape)}"
        )
    if logits.shape[1] >= 2 and len(y_t) and (y_t.min() < 0 or y_t.max() >= logits.shape[1]):
        raise ValueError(
            f"y must hold labels in [0, {logits.shape[1] - 1}], "
            f"got {int(y_t.min())}..{int(y_t.max())}"
        )
    with torch.inference_mode():
        loss = float(F.cross_entropy(logits, y_t, reduction="sum")) / max(len(y_t), 1)
        probs = torch.softmax(logits, dim=1)
        acc = int((logits.argmax(1) == y_t).sum()) / max(len(y_t), 1)
    return TestReport.from_probs(y_t.numpy(), probs.numpy(), loss, acc)


def evaluate_state_dict(
    config: TrainConfig, state_dict: Mapping[str, torch.Tensor], X: Any, y: Any
) -> TestReport:
    """Load ``state_dict`` into the network of ``config`` and report it on ``(X, y)``: what
    ``train()`` does with its best weights at the end, for weights from elsewhere (an upload).

    Raises
    ------
    ValueError
        When the weights do not fit the architecture of ``config``.
    """
    if not isinstance(state_dict, Mapping):
        raise ValueError(
            f"state_dict must be a mapping of tensors, got {type(state_dict).__name__}"
        )
    model = build_model(config)
    try:
        model.load_state_dict(dict(state_dict), strict=True)
    except RuntimeError as exc:
        detail = " ".join(str(exc).split())
        raise ValueError(f"weights do not match the configured architecture: {detail}") from exc
    return test_report(model, X, y)


def result_report(result: TrainResult) -> TestReport:
    """The test report of a finished run, from the answers ``train()`` already computed."""
    return TestReport.from_probs(result.y_true, result.probs, result.test_loss, result.test_acc)


test_report.__test__ = False  # type: ignore[attr-defined]  # a library function, not a pytest test
