"""core.search: grid and random trials, the one-axis score, many repetitions, coarse to fine."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from core import search as hs

LR_L2 = ((1e-3, 1.0), (1e-6, 1e-1))


# ------------------------------------------------------------------------------ point sets
@pytest.mark.parametrize("k", [1, 2, 3, 5, 10])
def test_grid_tries_sqrt_n_values_per_axis_random_tries_n(k):
    n = k * k
    grid = hs.grid_points(n, LR_L2, (True, True))
    rand = hs.random_points(n, LR_L2, (True, True), seed=k)
    assert grid.shape == rand.shape == (n, 2)
    for axis in (0, 1):
        assert np.unique(grid[:, axis]).size == k
        assert np.unique(rand[:, axis]).size == n
        assert hs.distinct_values(grid, axis) == k
        assert hs.distinct_values(rand, axis) == n


def test_grid_is_every_pair_of_cell_centres():
    grid = hs.grid_points(9, ((0.0, 3.0), (10.0, 40.0)))
    expected = [(x, y) for x in (0.5, 1.5, 2.5) for y in (15.0, 25.0, 35.0)]
    np.testing.assert_allclose(grid, expected, rtol=0, atol=1e-12)
    log_grid = hs.grid_points(4, ((1e-4, 1.0), (1.0, 100.0)), (True, True))
    np.testing.assert_allclose(np.unique(log_grid[:, 0]), [1e-3, 1e-1], rtol=1e-12)
    np.testing.assert_allclose(np.unique(log_grid[:, 1]), [10**0.5, 10**1.5], rtol=1e-12)


bounds_st = st.tuples(
    st.floats(1e-8, 1e3), st.floats(1.001, 1e4), st.floats(-1e3, 1e3), st.floats(1e-3, 1e3)
).map(lambda b: ((b[0], b[0] * b[1]), (b[2], b[2] + b[3])))


@given(bounds_st, st.integers(1, 12), st.booleans(), st.integers(0, 2**32))
def test_points_lie_inside_the_bounds(bounds, k, log0, seed):
    log = (log0, False)
    for pts in (
        hs.grid_points(k * k, bounds, log),
        hs.random_points(k * k, bounds, log, seed),
    ):
        for axis in (0, 1):
            assert np.all(pts[:, axis] >= bounds[axis][0])
            assert np.all(pts[:, axis] <= bounds[axis][1])
        u = hs.to_unit(pts, bounds, log)  # and back: the unit coordinates are in [0, 1]
        assert np.all((u >= 0) & (u <= 1))


def test_log_axis_is_log_uniform_and_linear_axis_uniform():
    """Kolmogorov-Smirnov against scipy's distributions (fixed seed, 5000 draws)."""
    pts = hs.random_points(5000, ((1e-5, 1.0), (2.0, 7.0)), (True, False), seed=3)
    assert stats.kstest(pts[:, 0], stats.loguniform(1e-5, 1.0).cdf).pvalue > 0.01
    assert stats.kstest(pts[:, 1], stats.uniform(2.0, 5.0).cdf).pvalue > 0.01
    # the test can fail: a linear axis is far from log-uniform
    assert stats.kstest(pts[:, 1], stats.loguniform(2.0, 7.0).cdf).pvalue < 1e-6
    assert stats.kstest(pts[:, 0], stats.uniform(1e-5, 1.0).cdf).pvalue < 1e-6


def test_random_points_are_reproducible_by_seed():
    a = hs.random_points(9, LR_L2, (True, True), seed=7)
    np.testing.assert_array_equal(a, hs.random_points(9, LR_L2, (True, True), seed=7))
    assert not np.array_equal(a, hs.random_points(9, LR_L2, (True, True), seed=8))


# ------------------------------------------------------------------------------ the score
def test_one_axis_score_formula_and_its_maximum():
    u = np.array([[0.37, 0.5], [0.45, 0.5], [0.37, 0.0], [0.9, 1.0]])
    m, w, c = 0.05, 0.08, 0.37
    expected = (1 - m) * np.exp(-0.5 * ((u[:, 0] - c) / w) ** 2) + m * (1 - (2 * u[:, 1] - 1) ** 2)
    np.testing.assert_allclose(hs.one_axis_score(u), expected, rtol=1e-14)
    assert hs.one_axis_score(u)[0] == pytest.approx(1.0)
    # the unimportant axis moves the score by at most m
    v = np.linspace(0, 1, 11)
    s = hs.one_axis_score(np.stack([np.full(11, 0.2), v], axis=1))
    assert s.max() - s.min() == pytest.approx(m)


def test_best_found_against_argmax():
    pts = hs.random_points(50, seed=1)
    point, value = hs.best_found(pts, hs.one_axis_score)
    scores = hs.one_axis_score(pts)
    assert value == scores.max()
    np.testing.assert_array_equal(point, pts[np.argmax(scores)])


def test_random_mean_best_beats_grid_on_one_axis_objective():
    cmp = hs.compare_grid_random(9, 5000, seed=0)
    assert cmp.random_mean > cmp.grid_mean + 0.1
    assert 0.5 < cmp.random_wins < 1.0  # better on average, not every time
    # each repetition's grid best is the grid's max score with that repetition's peak (loop oracle)
    grid = hs.grid_points(9)
    for r in range(0, 5000, 997):
        assert cmp.grid_best[r] == pytest.approx(hs.one_axis_score(grid, cmp.peaks[r]).max())


def test_one_trial_grid_and_random_have_the_same_expected_best_without_structure():
    """A control: with n = 1 the grid is a single centre point; random search has no edge from
    more distinct values, so it does not win most repetitions."""
    cmp = hs.compare_grid_random(1, 4000, seed=2)
    assert cmp.random_wins < 0.5


# ------------------------------------------------------------------------------ coarse to fine
def test_coarse_to_fine_ranges_shrink_inside_each_other_and_close_in():
    rounds = hs.coarse_to_fine(lambda lr: hs.lr_score(lr, 0.03), 1e-5, 1.0, 10, 3, 3, seed=0)
    assert len(rounds) == 3
    for prev, nxt in zip(rounds, rounds[1:], strict=False):
        assert prev.low <= nxt.low < nxt.high <= prev.high
        assert math.log10(nxt.high / nxt.low) < math.log10(prev.high / prev.low)
    for r in rounds:
        assert np.all((r.lrs >= r.low) & (r.lrs <= r.high))
    # the best of the last round is at least as close to 0.03 (in decades) as the coarse one
    assert abs(math.log10(rounds[-1].best_lr / 0.03)) <= abs(math.log10(rounds[0].best_lr / 0.03))


def test_coarse_round_is_log_uniform():
    r = hs.coarse_to_fine(lambda lr: np.zeros_like(lr), 1e-6, 1.0, 4000, 1, 1, seed=5)[0]
    assert stats.kstest(r.lrs, stats.loguniform(1e-6, 1.0).cdf).pvalue > 0.01


def test_top_decade_share_against_scipy_uniform():
    for low, high in [(1e-5, 1.0), (0.5, 1.0), (0.01, 2.0)]:
        oracle = 1 - stats.uniform(low, high - low).cdf(max(high / 10, low))
        assert hs.top_decade_share(low, high) == pytest.approx(oracle, rel=1e-12)


# ------------------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: hs.grid_points(8), "n must be a perfect square for a grid, got 8"),
        (lambda: hs.grid_points(0), "n must be >= 1, got 0"),
        (lambda: hs.random_points(2.5), "n must be an integer, got 2.5"),
        (lambda: hs.grid_points(4, ((1.0, 0.0), (0.0, 1.0))), "each bound must have low < high"),
        (lambda: hs.grid_points(4, ((0.0, 1.0),)), "bounds must be two (low, high) pairs"),
        (lambda: hs.grid_points(4, ((0.0, 1.0), (0.0, math.inf))), "bounds must be finite"),
        (lambda: hs.random_points(4, ((0.0, 1.0), (0.0, 1.0)), (True, False)), "a log axis"),
        (lambda: hs.random_points(4, log=(1, 0)), "log must be two booleans"),
        (lambda: hs.random_points(4, seed=-1), "seed must be >= 0, got -1"),
        (lambda: hs.one_axis_score([[0.5, 1.5]]), "points must lie in the unit square"),
        (lambda: hs.one_axis_score([[0.5, 0.5]], width=0), "width must be > 0.0, got 0"),
        (lambda: hs.best_found([[0.5, 0.5]], "f"), "objective must be a function"),
        (lambda: hs.best_found(np.zeros((0, 2)), hs.one_axis_score), "points must not be empty"),
        (lambda: hs.compare_grid_random(10, 5), "n must be a perfect square"),
        (lambda: hs.compare_grid_random(9, 0), "reps must be >= 1, got 0"),
        (lambda: hs.coarse_to_fine(hs.lr_score, 1.0, 0.1), "low must be < high"),
        (lambda: hs.coarse_to_fine(hs.lr_score, keep=11), "keep must be <= 10, got 11"),
        (lambda: hs.lr_score([0.0]), "lr must be > 0"),
        (lambda: hs.search_configs("bayes", 4, LR_L2, 0), "method must be 'grid' or 'random'"),
        (lambda: hs.top_decade_share(2.0, 1.0), "low must be < high"),
    ],
)
def test_bad_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        call()
