"""What the results section draws: a trained (or uploaded) model evaluated on the test set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from core.train import TrainResult


@dataclass(frozen=True, eq=False)
class Outcome:
    """A trained (or uploaded) model evaluated on the test set."""

    label: str
    config: Any  # TrainConfig
    state_dict: dict
    y_true: np.ndarray
    y_pred: np.ndarray
    probs: np.ndarray
    test_loss: float
    test_acc: float
    result: Any = None  # the TrainResult when it comes from a run
    wall_s: float | None = None

    @classmethod
    def from_result(cls, result: TrainResult, label: str, wall_s: float) -> Outcome:
        """A finished run, ``wall_s`` seconds after its start."""
        return cls(
            label=label,
            config=result.config,
            state_dict=result.state_dict,
            y_true=result.y_true,
            y_pred=result.y_pred,
            probs=result.probs,
            test_loss=result.test_loss,
            test_acc=result.test_acc,
            result=result,
            wall_s=wall_s,
        )
