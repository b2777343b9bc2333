"""How the theory pages print a single number in metrics and tables."""

from __future__ import annotations

import math


def num(x: float) -> str:
    """Four significant digits; +inf as "∞" and -inf or NaN as "—" (a diverged run)."""
    x = float(x)
    if not math.isfinite(x):
        return "∞" if x > 0 else "—"
    return f"{x:.4g}"


def si_bytes(n: float) -> str:
    """A size in bytes with an SI prefix: 3.2e3 -> "3.2 kB", 2.305e10 -> "23.05 GB"."""
    n = float(n)
    for unit, size in (("PB", 1e15), ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if abs(n) >= size:
            return f"{n / size:.4g} {unit}"
    return f"{n:.4g} B"
