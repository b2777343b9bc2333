"""How the least-squares page prints numbers and weight vectors."""

from __future__ import annotations

import numpy as np


def fmt(value: float) -> str:
    if not np.isfinite(value):
        return "∞"
    return f"{value:.4g}"


def vec(w: np.ndarray) -> str:
    w = np.asarray(w, float)
    digits = 4 if w.size <= 2 else 3  # long vectors must still fit in a metric
    return "(" + ", ".join(f"{v:.{digits}g}" for v in w) + ")"
