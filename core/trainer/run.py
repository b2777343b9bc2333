"""A training run that a page pulls in time slices, stops, and finishes."""

from __future__ import annotations

import time
from typing import Any

from core.data import Dataset
from core.trainer.config import TrainConfig
from core.trainer.loop import train
from core.trainer.records import DivergedRecord, EpochRecord, StepRecord, TrainResult


class TrainingRun:
    """A :func:`train` generator that can be pulled in time slices, stopped, and finished.

    Made for a page that keeps it in ``st.session_state``: no thread, no Streamlit inside.

    Attributes
    ----------
    history : list of EpochRecord
    last_step : StepRecord or None
    diverged : DivergedRecord or None
    result : TrainResult or None
        Set once the run is over (``done``).
    """

    def __init__(
        self,
        config: TrainConfig,
        data: Dataset,
        *,
        report_every_s: float | None = 0.25,
        report_every_steps: int | None = None,
    ) -> None:
        self.config = config
        self._stop_requested = False
        self._gen = train(
            config,
            data,
            stop=self._should_stop,
            report_every_s=report_every_s,
            report_every_steps=report_every_steps,
        )
        self.history: list[EpochRecord] = []
        self.last_step: StepRecord | None = None
        self.diverged: DivergedRecord | None = None
        self.result: TrainResult | None = None

    def _should_stop(self) -> bool:
        """Polled by the loop after every step: Stop ends the run after the current step."""
        return self._stop_requested

    @property
    def done(self) -> bool:
        return self.result is not None

    @property
    def stop_requested(self) -> bool:
        return self._stop_requested

    @property
    def progress(self) -> float:
        """Share of the maximum number of steps (epochs) done, in [0, 1]."""
        if self.done:
            return 1.0
        p = 0.0
        if self.last_step is not None:
            p = self.last_step.progress
        if self.history:
            p = max(p, self.history[-1].epoch / self.history[-1].n_epochs)
        return p

    @property
    def elapsed(self) -> float:
        """Seconds of work so far."""
        if self.result is not None:
            return self.result.seconds
        times = [
            r.elapsed
            for r in (self.last_step, self.history[-1] if self.history else None)
            if r is not None
        ]
        return max(times, default=0.0)

    def eta(self) -> float | None:
        """Seconds of work left at the current pace, if the run goes to its last epoch."""
        p = self.progress
        if self.done:
            return 0.0
        if p <= 0:
            return None
        return self.elapsed * (1 - p) / p

    def stop(self) -> None:
        """Ask the run to end: the next pull finishes it after at most one more step."""
        self._stop_requested = True

    def _track(self, rec: Any) -> None:
        """Keep the latest step, every epoch, the divergence and the result of ``rec``."""
        if rec.kind == "step":
            self.last_step = rec
        elif rec.kind == "epoch":
            self.history.append(rec)
        elif rec.kind == "diverged":
            self.diverged = rec
        elif rec.kind == "result":
            self.result = rec

    def __iter__(self) -> TrainingRun:
        return self

    def __next__(self) -> StepRecord | EpochRecord | DivergedRecord | TrainResult:
        if self.done:
            raise StopIteration
        rec = next(self._gen)
        self._track(rec)
        return rec

    def pull(self, seconds: float = 0.4) -> list[Any]:
        """Run for about ``seconds`` (at least one record) and return the new records.

        The generator only hands back control at a record, so keep ``report_every_s`` below
        ``seconds``; the last record is the TrainResult when the run ends.
        """
        out: list[Any] = []
        deadline = time.perf_counter() + seconds
        while not self.done:
            out.append(next(self))
            if time.perf_counter() >= deadline:
                break
        return out

    def finish(self) -> TrainResult:
        """Stop (within one step) and return the result with the best weights so far."""
        self.stop()
        return self.run_to_end()

    def run_to_end(self) -> TrainResult:
        """Pull until the run is over and return its result."""
        while not self.done:
            next(self)
        assert self.result is not None
        return self.result
