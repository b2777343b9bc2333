"""Thin alias of :mod:`core.trainer`, kept so ``python -m core.train ...`` and
``from core.train import ...`` work as before. New code imports from ``core.trainer``."""

from __future__ import annotations

from core.trainer import *  # noqa: F403
from core.trainer import __all__  # noqa: F401
from core.trainer.cli import _config_from_args, _key_value, _parser  # noqa: F401
from core.trainer.hyper import SCHEDULE_DEFAULTS, TORCH_OPTIMIZERS
from core.trainer.objective import _penalty, _weights  # noqa: F401

# Old names, for code written before the split. The theory modules own OPTIMIZERS
# (core.optimizers: numpy update rules) and SCHEDULES (core.schedules: names of the
# formulas, StepLR gamma 0.1); the trainer's are TORCH_OPTIMIZERS and SCHEDULE_DEFAULTS.
OPTIMIZERS = TORCH_OPTIMIZERS
SCHEDULES = SCHEDULE_DEFAULTS
__all__ = [*__all__, "OPTIMIZERS", "SCHEDULES"]  # noqa: F405

if __name__ == "__main__":
    from core.trainer.cli import main as _main

    raise SystemExit(_main())
