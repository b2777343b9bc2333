"""What the results section draws: a trained (or uploaded) model evaluated on the test set."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.trainer import TrainConfig, TrainResult
from core.trainer.report import TestReport, result_report


@dataclass(frozen=True, eq=False)
class Outcome:
    """A trained (or uploaded) model and its test report (core computes every number)."""

    label: str
    config: TrainConfig
    state_dict: dict
    report: TestReport
    result: TrainResult | None = None  # when it comes from a run
    wall_s: float | None = None

    @classmethod
    def from_result(cls, result: TrainResult, label: str, wall_s: float) -> Outcome:
        """A finished run, ``wall_s`` seconds after its start."""
        return cls(
            label=label,
            config=result.config,
            state_dict=result.state_dict,
            report=result_report(result),
            result=result,
            wall_s=wall_s,
        )

    @property
    def y_true(self) -> np.ndarray:
        return self.report.y_true

    @property
    def y_pred(self) -> np.ndarray:
        return self.report.y_pred

    @property
    def test_loss(self) -> float:
        return self.report.loss

    @property
    def test_acc(self) -> float:
        return self.report.accuracy
