"""Thin alias of :mod:`core.trainer`, kept so ``python -m core.train ...`` and
``from core.train import ...`` work as before. New code imports from ``core.trainer``."""

from __future__ import annotations

from core.trainer import *  # noqa: F403
from core.trainer import __all__  # noqa: F401
from core.trainer.cli import _config_from_args, _key_value, _parser  # noqa: F401
from core.trainer.objective import _penalty, _weights  # noqa: F401

if __name__ == "__main__":
    from core.trainer.cli import main as _main

    raise SystemExit(_main())
