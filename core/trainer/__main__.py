"""``python -m core.trainer``: the command line (see :mod:`core.trainer.cli`)."""

from core.trainer.cli import main

raise SystemExit(main())
