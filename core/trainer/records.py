"""What the training generator yields: step, epoch and divergence records, and the result."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import torch
from torch import nn

from core.models import build_model
from core.trainer.config import TrainConfig
from core.trainer.diagnostics import _ADAPTIVE_LR_CAP


# ----------------------------------------------------------------------------- records
@dataclass(frozen=True)
class StepRecord:
    """Progress inside an epoch (running means over the batches seen in this epoch)."""

    epoch: int  # 1-based epoch in progress
    step: int  # optimizer steps done since the start
    batch: int  # batches done in this epoch
    n_batches: int  # batches per epoch
    total_steps: int  # epochs x n_batches: an upper bound (early stopping may end sooner)
    train_loss: float
    train_acc: float
    lr: float
    grad_norm: float  # of the last step
    elapsed: float  # seconds of work (time spent inside the generator)
    kind: Literal["step"] = field(default="step", init=False)

    @property
    def progress(self) -> float:
        return self.step / self.total_steps if self.total_steps else 1.0


@dataclass(frozen=True)
class EpochRecord:
    """End of an epoch.

    ``train_loss``/``train_acc`` are running means over the epoch's mini-batches: each batch
    is scored with the weights of that moment (they change during the epoch), in training
    mode (dropout on, batch norm with batch statistics), and without the L1/L2 penalty.
    ``val_*`` evaluate the weights at the end of the epoch in evaluation mode.
    ``train_eval_*`` (only with ``config.eval_train_loss``, else None) evaluate those same
    end-of-epoch weights on the training images, in evaluation mode: the one training number
    that is comparable with the validation and test losses. ``complete=False`` marks an epoch
    cut short by Stop."""

    epoch: int
    step: int
    n_epochs: int
    train_loss: float
    train_acc: float
    val_loss: float
    val_acc: float
    lr: float  # used during this epoch
    grad_norm: float  # mean over the epoch's steps
    elapsed: float
    best_epoch: int
    is_best: bool
    complete: bool = True
    train_eval_loss: float | None = None
    train_eval_acc: float | None = None
    kind: Literal["epoch"] = field(default="epoch", init=False)


@dataclass(frozen=True)
class DivergedRecord:
    """The loss blew up; training stopped and kept the best weights seen so far.

    On a quadratic with largest Hessian eigenvalue lambda_max, gradient descent diverges once
    ``lr * lambda_max > 2``. ``lambda_max`` is estimated at the initial weights (power
    iteration on Hessian-vector products, one mini-batch); ``suggested_lr`` comes from
    :func:`suggest_lr`. ``step`` counts the optimizer steps done before the bad mini-batch.
    """

    epoch: int
    step: int
    loss: float  # the offending mini-batch loss (may be nan or inf)
    initial_loss: float
    lr: float
    lambda_max: float | None
    suggested_lr: float
    reason: Literal["nan", "inf", "grew"]
    optimizer: str
    kind: Literal["diverged"] = field(default="diverged", init=False)

    @property
    def adaptive(self) -> bool:
        """True for Adagrad, RMSprop, Adam, Adadelta (the lambda_max rule does not apply)."""
        return self.optimizer in _ADAPTIVE_LR_CAP

    @property
    def message(self) -> str:
        """The explanation in English (a page builds its own from the fields)."""
        what = {
            "nan": "the loss became NaN",
            "inf": "the loss became infinite",
            "grew": f"the loss grew to {self.loss:.3g} (it started at {self.initial_loss:.3g})",
        }[self.reason]
        if self.adaptive:
            why = (
                f"{self.optimizer} moves every weight by up to about lr per step, whatever the "
                f"size of the gradient, so lr = {self.lr:g} is too large"
            )
        else:
            why = "on a quadratic, gradient descent diverges once lr * lambda_max > 2"
            if self.lambda_max:
                why += (
                    f"; at the start lambda_max is about {self.lambda_max:.3g}, so "
                    f"lr * lambda_max is about {self.lr * self.lambda_max:.3g}"
                )
        return (
            f"training diverged at epoch {self.epoch}, step {self.step}: {what}. "
            f"The step is too large: {why}. Try lr = {self.suggested_lr:g}"
        )


Record = StepRecord | EpochRecord | DivergedRecord


@dataclass(frozen=True, eq=False)
class TrainResult:
    """The end of a run: best weights and their test evaluation.

    ``state_dict`` holds the weights of ``best_epoch`` (lowest validation loss; 0 = the initial
    weights, if no epoch finished). ``y_true``/``y_pred``/``probs`` are numpy arrays over the
    test set (probabilities = softmax of the logits, shape (n_test, n_classes)).
    """

    config: TrainConfig
    state_dict: dict[str, torch.Tensor]
    best_epoch: int
    epochs_run: int
    steps: int
    stop_reason: Literal["completed", "early_stopping", "stopped", "diverged"]
    best_val_loss: float
    best_val_acc: float
    train_loss: float  # best weights, evaluation mode, on the training images used
    train_acc: float
    test_loss: float
    test_acc: float
    y_true: np.ndarray
    y_pred: np.ndarray
    probs: np.ndarray
    history: tuple[EpochRecord, ...]
    seconds: float
    trainable_params: int
    buffers: int
    n_train: int
    n_val: int
    diverged: DivergedRecord | None = None
    # snapshot ensemble (config.snapshots > 0): accuracy of the averaged test probabilities of
    # the weights kept at the end of the last cosine cycles, and those probabilities
    snapshot_test_accuracy: float | None = None
    snapshot_probabilities: list[np.ndarray] | None = None
    kind: Literal["result"] = field(default="result", init=False)

    def model(self) -> nn.Sequential:
        """The network with the best weights, in evaluation mode."""
        model = build_model(self.config.net)
        model.load_state_dict(self.state_dict)
        return model.eval()

    def history_csv(self) -> str:
        """The epoch history as CSV text (for a download button)."""
        cols = [
            "epoch",
            "step",
            "train_loss",
            "train_acc",
            "val_loss",
            "val_acc",
            "lr",
            "grad_norm",
            "elapsed",
            "complete",
        ]
        if self.config.eval_train_loss:
            cols += ["train_eval_loss", "train_eval_acc"]
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for rec in self.history:
            writer.writerow([getattr(rec, c) for c in cols])
        return buf.getvalue()

    def summary(self) -> dict[str, Any]:
        """JSON-ready key figures (the CLI's ``--json`` object)."""
        return {
            "dataset": self.config.dataset,
            "test_accuracy": self.test_acc,
            "test_loss": self.test_loss,
            "best_val_accuracy": self.best_val_acc,
            "best_val_loss": self.best_val_loss,
            "train_accuracy": self.train_acc,
            "train_loss": self.train_loss,
            "epochs_run": self.epochs_run,
            "best_epoch": self.best_epoch,
            "steps": self.steps,
            "stop_reason": self.stop_reason,
            "seconds": round(self.seconds, 3),
            "trainable_params": self.trainable_params,
            "buffers": self.buffers,
            "n_train": self.n_train,
            "n_val": self.n_val,
            "n_test": int(self.y_true.shape[0]),
            "diverged": self.diverged.message if self.diverged else None,
            "suggested_lr": self.diverged.suggested_lr if self.diverged else None,
            "config": self.config.to_dict(),
            **(
                {"snapshot_test_accuracy": self.snapshot_test_accuracy}
                if self.config.snapshots
                else {}
            ),
        }
