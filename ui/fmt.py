"""How the theory pages print a single number in metrics and tables."""

from __future__ import annotations

import math


def num(x: float) -> str:
    """Four significant digits; +inf as "∞" and -inf or NaN as "—" (a diverged run)."""
    x = float(x)
    if not math.isfinite(x):
        return "∞" if x > 0 else "—"
    return f"{x:.4g}"
