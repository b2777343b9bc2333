"""Number formats shared by the trainer's sections."""

from __future__ import annotations

import math


def fmt_lr(v: float) -> str:
    return f"{v:g}"


def fmt_pct(v: float) -> str:
    return f"{100 * v:.1f} %"


def fmt_seconds(s: float | None) -> str:
    """``12.3 s`` below 90 s, ``2 min 05 s`` above; a dash for unknown or infinite times."""
    if s is None or not math.isfinite(s):
        return "—"
    if s < 90:
        return f"{s:.1f} s"
    return f"{int(s // 60)} min {int(s % 60):02d} s"
