"""Hyperparameter search: a grid against random points, and the coarse-to-fine recipe.

When only one of two hyperparameters matters, a grid of n = k² trials tries only k = √n
distinct values of it (each one k times, with the other hyperparameter changed), while n random
trials try n distinct values. That is the argument of Bergstra & Bengio (2012), fig. 1; this
module gives the point sets, a toy objective in which one axis is (almost) irrelevant, the
distribution of the best value each method finds over many repetitions, and the 1-D recipe for
a learning rate: sample log-uniformly over a wide range, keep the best region, sample it again.

Reference: J. Bergstra and Y. Bengio, "Random search for hyper-parameter optimization",
JMLR 13 (2012) 281-305.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core._validate import as_float_array, check_scalar, with_latex

UNIT = ((0.0, 1.0), (0.0, 1.0))
MAX_POINTS = 100_000
MAX_REPS = 100_000


# ------------------------------------------------------------------------------ validation
def _check_bounds(bounds: Any, log: Any) -> tuple[np.ndarray, tuple[bool, bool]]:
    """``bounds`` as a (2, 2) float array of (low, high) rows and ``log`` as two flags."""
    try:
        b = np.asarray(bounds, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"bounds must be two (low, high) pairs, got {bounds!r}") from exc
    if b.shape != (2, 2):
        raise ValueError(f"bounds must be two (low, high) pairs, got shape {b.shape}")
    if not np.all(np.isfinite(b)):
        raise ValueError("bounds must be finite")
    if not np.all(b[:, 0] < b[:, 1]):
        raise ValueError("each bound must have low < high")
    if (
        not isinstance(log, (tuple, list))
        or len(log) != 2
        or not all(isinstance(f, (bool, np.bool_)) for f in log)
    ):
        raise ValueError(f"log must be two booleans, got {log!r}")
    flags = (bool(log[0]), bool(log[1]))
    for axis, flag in enumerate(flags):
        if flag and b[axis, 0] <= 0:
            raise ValueError(f"a log axis needs bounds > 0, got low = {b[axis, 0]:g}")
    return b, flags


def _check_n(n: Any) -> int:
    return int(check_scalar(n, "n", low=1, high=MAX_POINTS, integer=True))


def _from_unit(u: np.ndarray, b: np.ndarray, log: tuple[bool, bool]) -> np.ndarray:
    """Map unit coordinates (..., 2) into the bounds, linearly or in log10 space per axis."""
    out = np.empty_like(u)
    for axis in range(2):
        low, high = b[axis]
        if log[axis]:
            out[..., axis] = 10 ** (
                math.log10(low) + u[..., axis] * (math.log10(high) - math.log10(low))
            )
        else:
            out[..., axis] = low + u[..., axis] * (high - low)
        # rounding of 10**x may step a hair outside the interval
        out[..., axis] = np.clip(out[..., axis], low, high)
    return out


def to_unit(points: Any, bounds: Any = UNIT, log: Any = (False, False)) -> np.ndarray:
    """Inverse of the map into the bounds: (n, 2) points as unit coordinates in [0, 1]².

    A log axis is measured in log10 (one decade is the same length everywhere).
    """
    b, flags = _check_bounds(bounds, log)
    x = as_float_array(points, "points", ndim=2)
    if x.shape[1] != 2:
        raise ValueError(f"points must have 2 columns, got {x.shape[1]}")
    inside = (x >= b[:, 0]) & (x <= b[:, 1])
    if not np.all(inside):
        raise ValueError("points must lie inside the bounds")
    u = np.empty_like(x)
    for axis in range(2):
        low, high = b[axis]
        if flags[axis]:
            u[:, axis] = (np.log10(x[:, axis]) - math.log10(low)) / (
                math.log10(high) - math.log10(low)
            )
        else:
            u[:, axis] = (x[:, axis] - low) / (high - low)
    return np.clip(u, 0.0, 1.0)


# ------------------------------------------------------------------------------ point sets
def grid_points(n: int, bounds: Any = UNIT, log: Any = (False, False)) -> np.ndarray:
    """A k × k grid of ``n = k²`` trials, at the centres of k equal cells per axis.

    Cell centres (not the end points) are the grid's best case: no trial is wasted on an edge.
    On a log axis the cells are equal in log10.

    Returns
    -------
    ndarray, shape (n, 2)
        The first axis varies slowest.
    """
    n = _check_n(n)
    b, flags = _check_bounds(bounds, log)
    k = math.isqrt(n)
    if k * k != n:
        raise ValueError(f"n must be a perfect square for a grid, got {n}")
    centres = (np.arange(k) + 0.5) / k
    u = np.stack(np.meshgrid(centres, centres, indexing="ij"), axis=-1).reshape(n, 2)
    return _from_unit(u, b, flags)


def random_points(
    n: int, bounds: Any = UNIT, log: Any = (False, False), seed: int = 0
) -> np.ndarray:
    """``n`` trials drawn independently: uniform on a linear axis, log-uniform on a log axis.

    Log-uniform means uniform in log10: each decade gets the same share of the trials.

    Returns
    -------
    ndarray, shape (n, 2)
    """
    n = _check_n(n)
    b, flags = _check_bounds(bounds, log)
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    u = np.random.default_rng(seed).random((n, 2))
    return _from_unit(u, b, flags)


# ------------------------------------------------------------------------------ objective
@with_latex(
    r"s(u, v) = (1 - m)\,e^{-\frac{1}{2}\left(\frac{u - c}{w}\right)^2}"
    r" + m\,\bigl(1 - (2v - 1)^2\bigr)"
)
def one_axis_score(
    points: Any, peak: Any = 0.37, width: float = 0.08, minor: float = 0.05
) -> np.ndarray:
    """A toy validation score on the unit square where only the first axis really matters.

    The first hyperparameter u has a narrow good region around ``peak`` (width ``w``); the
    second, v, changes the score by at most ``minor`` (its best value is 0.5). The maximum
    is 1 at (peak, 0.5).

    Parameters
    ----------
    points : array_like, shape (..., n, 2)
        Unit coordinates in [0, 1]² (see :func:`to_unit`).
    peak : float or array_like, shape (...)
        Where u is best; an array gives one objective per leading index (one per repetition).
    width : float in (0, 1]
    minor : float in [0, 0.5]
        Weight of the unimportant axis.

    Returns
    -------
    ndarray, shape (..., n)
    """
    u = as_float_array(points, "points")
    if u.ndim < 2 or u.shape[-1] != 2:
        raise ValueError(f"points must have shape (..., n, 2), got {u.shape}")
    if np.any(u < 0) or np.any(u > 1):
        raise ValueError("points must lie in the unit square [0, 1]²")
    c = as_float_array(peak, "peak")
    if np.any(c < 0) or np.any(c > 1):
        raise ValueError("peak must lie in [0, 1]")
    if c.ndim > 0:
        if c.shape != u.shape[:-2]:
            raise ValueError(f"peak must be a number or have shape {u.shape[:-2]}, got {c.shape}")
        c = c[..., None]
    w = check_scalar(width, "width", low=0.0, high=1.0, low_inclusive=False)
    m = check_scalar(minor, "minor", low=0.0, high=0.5)
    important = np.exp(-0.5 * ((u[..., 0] - c) / w) ** 2)
    return (1 - m) * important + m * (1 - (2 * u[..., 1] - 1) ** 2)


def best_found(
    points: Any, objective: Callable[[np.ndarray], np.ndarray]
) -> tuple[np.ndarray, float]:
    """The trial with the highest score: ``(point, score)``; the first one on a tie.

    ``objective`` maps (n, 2) points to n scores (e.g. :func:`one_axis_score`).
    """
    x = as_float_array(points, "points", ndim=2)
    if x.shape[0] == 0 or x.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2) with n >= 1, got {x.shape}")
    if not callable(objective):
        raise ValueError("objective must be a function of the points")
    scores = np.asarray(objective(x), dtype=float)
    if scores.shape != (x.shape[0],) or not np.all(np.isfinite(scores)):
        raise ValueError(f"objective must return {x.shape[0]} finite scores")
    i = int(np.argmax(scores))
    return x[i].copy(), float(scores[i])


# ------------------------------------------------------------------------------ many repetitions
@dataclass(frozen=True)
class Comparison:
    """The best score each method found in each repetition (same objective per repetition)."""

    n: int
    peaks: np.ndarray  # (reps,) where the important axis was best in each repetition
    grid_best: np.ndarray  # (reps,)
    random_best: np.ndarray  # (reps,)

    @property
    def grid_mean(self) -> float:
        return float(self.grid_best.mean())

    @property
    def random_mean(self) -> float:
        return float(self.random_best.mean())

    @property
    def random_wins(self) -> float:
        """Share of repetitions where random search found a strictly higher best."""
        return float(np.mean(self.random_best > self.grid_best))

    @property
    def ties(self) -> float:
        return float(np.mean(self.random_best == self.grid_best))


def compare_grid_random(
    n: int, reps: int, seed: int = 0, width: float = 0.08, minor: float = 0.05
) -> Comparison:
    """Grid against random search with the same budget ``n``, over ``reps`` repetitions.

    Each repetition is a new problem: the good value of the important hyperparameter (the
    ``peak`` of :func:`one_axis_score`) is drawn uniformly in [0, 1], and random search draws
    new points; the grid is the same k × k grid each time. Vectorised over the repetitions.
    """
    n = _check_n(n)
    reps = int(check_scalar(reps, "reps", low=1, high=MAX_REPS, integer=True))
    if n * reps > 10_000_000:
        raise ValueError(f"n * reps must be <= 10000000, got {n * reps}")
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    grid = grid_points(n)  # validates that n is a perfect square
    rng = np.random.default_rng(seed)
    peaks = rng.random(reps)
    rand = rng.random((reps, n, 2))
    grid_scores = one_axis_score(np.broadcast_to(grid, (reps, n, 2)), peaks, width, minor)
    rand_scores = one_axis_score(rand, peaks, width, minor)
    return Comparison(n, peaks, grid_scores.max(axis=1), rand_scores.max(axis=1))


def distinct_values(points: Any, axis: int, decimals: int = 12) -> int:
    """How many different values of hyperparameter ``axis`` the trials try."""
    x = as_float_array(points, "points", ndim=2)
    if x.shape[1] != 2:
        raise ValueError(f"points must have 2 columns, got {x.shape[1]}")
    axis = int(check_scalar(axis, "axis", low=0, high=1, integer=True))
    decimals = int(check_scalar(decimals, "decimals", low=0, high=15, integer=True))
    return int(np.unique(np.round(x[:, axis], decimals)).size)


# ------------------------------------------------------------------------------ coarse to fine
@with_latex(r"s(\eta) = e^{-\frac{1}{2}\left(\frac{\log_{10}\eta - \log_{10}\eta^*}{d}\right)^2}")
def lr_score(lr: Any, best_lr: float = 0.03, decades: float = 0.5) -> np.ndarray:
    """A toy validation score of the learning rate: 1 at ``best_lr``, falling off over
    ``decades`` decades on either side (the shape measured curves have on a log axis)."""
    eta = as_float_array(lr, "lr")
    if np.any(eta <= 0):
        raise ValueError("lr must be > 0")
    best = check_scalar(best_lr, "best_lr", low=0.0, low_inclusive=False)
    d = check_scalar(decades, "decades", low=0.0, low_inclusive=False)
    return np.exp(-0.5 * ((np.log10(eta) - math.log10(best)) / d) ** 2)


@dataclass(frozen=True)
class Round:
    """One round of the coarse-to-fine recipe: its range, its trials and their scores."""

    low: float
    high: float
    lrs: np.ndarray
    scores: np.ndarray

    @property
    def best_lr(self) -> float:
        return float(self.lrs[int(np.argmax(self.scores))])


def coarse_to_fine(
    objective: Callable[[np.ndarray], np.ndarray],
    low: float = 1e-5,
    high: float = 1.0,
    n: int = 10,
    rounds: int = 3,
    keep: int = 3,
    seed: int = 0,
) -> list[Round]:
    """Sample the learning rate log-uniformly in [low, high], keep the ``keep`` best trials,
    and sample again inside the range they span (in log10), ``rounds`` times.

    Each later range is the span of the kept trials, widened by half a cell on both sides
    (a trial stands for the neighbourhood it sampled) and cut to the previous range.
    """
    low = check_scalar(low, "low", low=0.0, low_inclusive=False)
    high = check_scalar(high, "high", low=0.0, low_inclusive=False)
    if not low < high:
        raise ValueError(f"low must be < high, got low = {low:g}, high = {high:g}")
    n = int(check_scalar(n, "n", low=2, high=10_000, integer=True))
    rounds = int(check_scalar(rounds, "rounds", low=1, high=20, integer=True))
    keep = int(check_scalar(keep, "keep", low=1, high=n, integer=True))
    seed = int(check_scalar(seed, "seed", low=0, integer=True))
    if not callable(objective):
        raise ValueError("objective must be a function of the learning rates")
    rng = np.random.default_rng(seed)
    out: list[Round] = []
    lo, hi = math.log10(low), math.log10(high)
    for _ in range(rounds):
        logs = lo + rng.random(n) * (hi - lo)
        lrs = np.clip(10.0**logs, 10.0**lo, 10.0**hi)
        scores = np.asarray(objective(lrs), dtype=float)
        if scores.shape != (n,) or not np.all(np.isfinite(scores)):
            raise ValueError(f"objective must return {n} finite scores")
        out.append(Round(10.0**lo, 10.0**hi, lrs, scores))
        kept = np.sort(logs[np.argsort(-scores, kind="stable")[:keep]])
        margin = 0.5 * (hi - lo) / n
        lo, hi = max(lo, kept[0] - margin), min(hi, kept[-1] + margin)
    return out


def search_configs(method: str, n: int, bounds: Sequence[Sequence[float]], seed: int) -> np.ndarray:
    """The (lr, L2 strength) trials of a real search: ``"grid"`` or ``"random"``, both axes
    log-scaled."""
    if method == "grid":
        return grid_points(n, bounds, (True, True))
    if method == "random":
        return random_points(n, bounds, (True, True), seed)
    raise ValueError(f"method must be 'grid' or 'random', got {method!r}")


def top_decade_share(low: float, high: float) -> float:
    """Share of a uniform (not log-uniform) draw on [low, high] that lands in the top decade
    [high / 10, high] (all of it when the range spans less than a decade)."""
    low = check_scalar(low, "low", low=0.0, low_inclusive=False)
    high = check_scalar(high, "high", low=0.0, low_inclusive=False)
    if not low < high:
        raise ValueError(f"low must be < high, got low = {low:g}, high = {high:g}")
    return min(1.0, (high - high / 10) / (high - low))
