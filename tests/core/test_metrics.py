"""core.metrics (losses) against torch / scikit-learn / scipy, properties, the course numbers,
bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sklearn.metrics as skm
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar
from scipy.stats import entropy

from core import metrics as m

# scikit-learn warns about single-class inputs; the values are what we compare
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

SETTINGS = settings(max_examples=40, deadline=None)

COURSE_TARGET = [1.0, 0.0, 0.0, 0.0]
COURSE_PRED = [0.775, 0.116, 0.039, 0.070]

# ------------------------------------------------------------------ strategies


@st.composite
def distributions(draw, k=None):
    size = k if k is not None else draw(st.integers(2, 6))
    w = draw(st.lists(st.floats(0.01, 10.0), min_size=size, max_size=size))
    w = np.array(w)
    return w / w.sum()


# ------------------------------------------------------------------ losses


def test_cross_entropy_course_example_bits():
    # -log2(0.775) = 0.3677 (printed digits)
    h = m.cross_entropy(COURSE_TARGET, COURSE_PRED, base=2)
    assert round(h, 4) == 0.3677
    assert h == pytest.approx(-math.log2(0.775), abs=1e-12)


def test_cross_entropy_matches_torch_and_sklearn_batch():
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(7, 5))
    q = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = rng.integers(0, 5, size=7)
    p = np.eye(5)[y]
    ours = m.cross_entropy(p, q)
    assert ours == pytest.approx(skm.log_loss(y, q, labels=range(5)), rel=1e-12)
    soft = rng.dirichlet(np.ones(5), size=7)
    torch_ce = F.cross_entropy(torch.tensor(np.log(q)), torch.tensor(soft)).item()
    assert m.cross_entropy(soft, q) == pytest.approx(torch_ce, rel=1e-10)


@SETTINGS
@given(distributions(k=4), distributions(k=4), st.sampled_from([2.0, math.e, 10.0]))
def test_cross_entropy_is_entropy_plus_kl(p, q, base):
    # H(p, q) = H(p) + KL(p || q) >= H(p), scipy as oracle
    expected = entropy(p, base=base) + entropy(p, q, base=base)
    h = m.cross_entropy(p, q, base=base)
    assert h == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert h >= m.cross_entropy(p, p, base=base) - 1e-12


def test_cross_entropy_base_only_changes_unit():
    h_e = m.cross_entropy(COURSE_TARGET, COURSE_PRED)
    assert m.cross_entropy(COURSE_TARGET, COURSE_PRED, base=2) == pytest.approx(h_e / math.log(2))


def test_cross_entropy_zero_probability_on_true_class_is_infinite():
    assert m.cross_entropy([0, 1], [1, 0]) == math.inf
    assert m.cross_entropy([1, 0], [1, 0]) == 0.0  # 0 * log 0 counts 0


@pytest.mark.parametrize(
    ("p", "q", "base", "match"),
    [
        ([1, 0], [0.5, 0.5], 1.0, r"base must be > 0 and != 1, got 1.0"),
        ([1, 0], [0.5, 0.5], -2.0, r"base must be > 0 and != 1, got -2.0"),
        ([1, 0], [0.6, 0.6], 2.0, r"q must sum to 1 \(each row\), got 1.2"),
        ([1, 0], [1.5, -0.5], 2.0, r"q must have entries in \[0, 1\], got 1.5"),
        ([1, 0, 0], [0.5, 0.5], 2.0, r"p and q must have the same shape"),
        ([1, 0], [np.nan, 1], 2.0, r"q must contain only finite numbers"),
    ],
)
def test_cross_entropy_bad_input(p, q, base, match):
    with pytest.raises(ValueError, match=match):
        m.cross_entropy(p, q, base=base)


def test_binary_cross_entropy_matches_torch_and_sklearn():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, size=50).astype(float)
    p = rng.uniform(0.01, 0.99, size=50)
    torch_bce = F.binary_cross_entropy(torch.tensor(p), torch.tensor(y)).item()
    assert m.binary_cross_entropy(y, p) == pytest.approx(torch_bce, rel=1e-12)
    assert m.binary_cross_entropy(y, p) == pytest.approx(skm.log_loss(y, p), rel=1e-12)
    per = m.binary_cross_entropy(y, p, reduction="none")
    torch_per = F.binary_cross_entropy(torch.tensor(p), torch.tensor(y), reduction="none")
    np.testing.assert_allclose(per, torch_per.numpy(), rtol=1e-12)
    soft = rng.uniform(0, 1, size=50)
    torch_soft = F.binary_cross_entropy(torch.tensor(p), torch.tensor(soft)).item()
    assert m.binary_cross_entropy(soft, p) == pytest.approx(torch_soft, rel=1e-12)


@SETTINGS
@given(st.floats(1e-6, 1 - 1e-6), st.sampled_from([2.0, math.e, 10.0]))
def test_binary_cross_entropy_curves(p, base):
    # y = 1 costs -log p, y = 0 costs -log(1 - p); both in the same base
    assert m.binary_cross_entropy([1.0], [p], base=base) == pytest.approx(-math.log(p, base))
    assert m.binary_cross_entropy([0.0], [p], base=base) == pytest.approx(
        -math.log1p(-p) / math.log(base)
    )


def test_binary_cross_entropy_edges():
    assert m.binary_cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert m.binary_cross_entropy([1.0], [0.0]) == math.inf


@pytest.mark.parametrize(
    ("y", "p", "kwargs", "match"),
    [
        ([2.0], [0.5], {}, r"y must have entries in \[0, 1\], got 2"),
        ([1.0], [1.5], {}, r"p must have entries in \[0, 1\], got 1.5"),
        ([1.0, 0.0], [0.5], {}, r"y and p must have the same shape"),
        (
            [1.0],
            [0.5],
            {"reduction": "max"},
            r"reduction must be one of 'mean', 'sum', 'none', got 'max'",
        ),
        ([1.0], [0.5], {"base": 0.0}, r"base must be > 0 and != 1, got 0.0"),
    ],
)
def test_binary_cross_entropy_bad_input(y, p, kwargs, match):
    with pytest.raises(ValueError, match=match):
        m.binary_cross_entropy(y, p, **kwargs)


@SETTINGS
@given(st.lists(st.floats(-100, 100), min_size=1, max_size=30), st.integers(0, 2**31 - 1))
def test_mse_mae_match_sklearn_and_torch(y, seed):
    y = np.array(y)
    y_hat = y + np.random.default_rng(seed).normal(size=y.size)
    assert m.mse(y, y_hat) == pytest.approx(skm.mean_squared_error(y, y_hat), rel=1e-12)
    assert m.mae(y, y_hat) == pytest.approx(skm.mean_absolute_error(y, y_hat), rel=1e-12)
    t, th = torch.tensor(y), torch.tensor(y_hat)
    assert m.mse(y, y_hat) == pytest.approx(F.mse_loss(th, t).item(), rel=1e-12)
    assert m.mae(y, y_hat) == pytest.approx(F.l1_loss(th, t).item(), rel=1e-12)
    # Jensen: the mean absolute residual never exceeds the root mean square residual
    assert m.mae(y, y_hat) <= math.sqrt(m.mse(y, y_hat)) + 1e-12


def test_outlier_moves_mse_far_more_than_mae():
    y = np.zeros(10)
    y_hat = np.full(10, 0.5)
    y_out = y_hat.copy()
    y_out[0] = 50.0  # one residual of 50
    d_mse = m.mse(y, y_out) - m.mse(y, y_hat)
    d_mae = m.mae(y, y_out) - m.mae(y, y_hat)
    assert d_mse == pytest.approx((50**2 - 0.25) / 10)
    assert d_mae == pytest.approx((50 - 0.5) / 10)
    np.testing.assert_allclose(m.mse(y, y_out, reduction="none"), (y_out - y) ** 2)
    assert m.mae(y, y_out, reduction="sum") == pytest.approx(np.abs(y_out).sum())


def test_mse_bad_input():
    with pytest.raises(ValueError, match=r"y and y_hat must have the same shape"):
        m.mse([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match=r"y_hat must be numeric, got 'a'"):
        m.mae([1], "a")


@SETTINGS
@given(
    st.lists(st.floats(-100, 100), min_size=1, max_size=30),
    st.integers(0, 2**31 - 1),
    st.booleans(),
)
def test_mse_gradient_and_mae_subgradient_match_torch_autograd(y, seed, with_ties):
    """torch.autograd differentiates l1_loss with sign(r) (0 at r = 0) and mse_loss with -2r/N."""
    y = np.array(y)
    y_hat = y + np.random.default_rng(seed).normal(size=y.size)
    if with_ties:
        y_hat[::2] = y[::2]  # r = 0 on every other entry: the kink of |r|
    t = torch.tensor(y)
    for ours, loss in ((m.mse_gradient, F.mse_loss), (m.mae_subgradient, F.l1_loss)):
        th = torch.tensor(y_hat, requires_grad=True)
        loss(th, t).backward()
        np.testing.assert_allclose(ours(y, y_hat), th.grad.numpy(), rtol=1e-12, atol=1e-15)


def test_mae_subgradient_is_sign_of_the_residual_not_its_size():
    y = np.array([0.0, 0.0, 0.0, 0.0])
    y_hat = np.array([-1e6, -0.1, 0.0, 3.0])  # residuals r = y - y_hat = 1e6, 0.1, 0, -3
    np.testing.assert_array_equal(m.mae_subgradient(y, y_hat), [-0.25, -0.25, 0.0, 0.25])
    np.testing.assert_allclose(m.mse_gradient(y, y_hat), [-5e5, -0.05, 0.0, 1.5])


def test_slope_at_constant_vanishes_at_the_mean_and_the_median():
    y = np.array([1.0, 1.2, 1.4, 1.9, 2.1, 2.4, 2.6, 3.0, 3.3, 3.9, 40.0])
    assert m.slope_at_constant("mse", y, np.mean(y)) == pytest.approx(0.0, abs=1e-12)
    assert m.slope_at_constant("mae", y, np.median(y)) == 0.0
    # MAE at the mean: 10 observations below, 1 above -> (10 - 1)/11, whatever the outlier
    assert m.slope_at_constant("mae", y, np.mean(y)) == pytest.approx(9 / 11)
    # MSE at the median: 2 (median - mean), which grows with the outlier
    assert m.slope_at_constant("mse", y, np.median(y)) == pytest.approx(
        2 * (np.median(y) - np.mean(y))
    )
    # the chain rule: the sum of the per-entry (sub)gradients
    for c in (np.mean(y), np.median(y), 0.0, 50.0):
        for loss, grad in (("mse", m.mse_gradient), ("mae", m.mae_subgradient)):
            total = grad(y, np.full_like(y, c)).sum()
            assert m.slope_at_constant(loss, y, c) == pytest.approx(total, abs=1e-12)
    # the same slope by a central finite difference of the loss itself
    h = 1e-6
    for loss, fn in (("mse", m.mse), ("mae", m.mae)):
        c = 2.25  # no observation here, so MAE is differentiable at c
        fd = (fn(y, np.full_like(y, c + h)) - fn(y, np.full_like(y, c - h))) / (2 * h)
        assert m.slope_at_constant(loss, y, c) == pytest.approx(fd, rel=1e-6)


def test_gradients_bad_input():
    with pytest.raises(ValueError, match=r"y and y_hat must have the same shape"):
        m.mae_subgradient([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match=r"loss must be one of 'mse', 'mae', got 'huber'"):
        m.slope_at_constant("huber", [1.0], 0.0)
    with pytest.raises(ValueError, match=r"c must be finite, got nan"):
        m.slope_at_constant("mae", [1.0], float("nan"))


# ------------------------------------------------------------------ what the regression tab shows


@SETTINGS
@given(st.lists(st.floats(-100, 100), min_size=1, max_size=30))
def test_best_constant_is_numpy_mean_and_median_and_minimizes_the_loss(y):
    y = np.array(y)
    assert m.best_constant("mse", y) == float(np.mean(y))
    assert m.best_constant("mae", y) == float(np.median(y))
    # oracle: scipy's bounded minimizer of the loss of one constant lands on the same value
    # (for MAE any point between the two middle values is a minimizer: compare the loss)
    for loss, sk in (("mse", skm.mean_squared_error), ("mae", skm.mean_absolute_error)):
        found = minimize_scalar(
            lambda c, sk=sk: sk(y, np.full_like(y, c)),
            bounds=(y.min() - 1.0, y.max() + 1.0),
            method="bounded",
            options={"xatol": 1e-10},
        ).x
        best = m.best_constant(loss, y)
        assert sk(y, np.full_like(y, best)) <= sk(y, np.full_like(y, found)) + 1e-9


def test_loss_of_constants_matches_sklearn_per_constant():
    y = np.array([1.0, 1.2, 1.4, 1.9, 2.1, 2.4, 2.6, 3.0, 3.3, 3.9, 25.0])
    c = np.linspace(-1.0, 26.0, 55)
    for loss, sk in (("mse", skm.mean_squared_error), ("mae", skm.mean_absolute_error)):
        want = [sk(y, np.full_like(y, ck)) for ck in c]
        np.testing.assert_allclose(m.loss_of_constants(loss, y, c), want, rtol=1e-12)
    # the grid minimum sits next to the mean / the median
    assert abs(c[np.argmin(m.loss_of_constants("mse", y, c))] - np.mean(y)) <= c[1] - c[0]
    assert abs(c[np.argmin(m.loss_of_constants("mae", y, c))] - np.median(y)) <= c[1] - c[0]


def test_best_constant_and_loss_of_constants_bad_input():
    with pytest.raises(ValueError, match=r"^loss must be one of 'mse', 'mae', got 'MSE'$"):
        m.best_constant("MSE", [1.0])
    with pytest.raises(ValueError, match=r"^loss must be one of 'mse', 'mae', got 'l2'$"):
        m.loss_of_constants("l2", [1.0], [0.0])
    with pytest.raises(ValueError, match="y must"):
        m.best_constant("mae", [1.0, np.nan])
    with pytest.raises(ValueError, match="c must"):
        m.loss_of_constants("mse", [1.0, 2.0], [[0.0]])


def test_one_hot_cross_entropy_latex_course_example_and_sklearn():
    # the course's prediction with class 1 true, in bits: -log2(0.775) = 0.3677
    tex = m.one_hot_cross_entropy_latex(0, COURSE_PRED, base=2.0)
    assert tex == (
        r"H_{2} = -\big[1\log_{2}(0.775) + 0\log_{2}(0.116) + 0\log_{2}(0.039)"
        r" + 0\log_{2}(0.07)\big] = -\log_{2}(0.775) = 0.3677"
    )
    for t in range(4):
        for base, b_tex in ((math.e, "e"), (2.0, "2"), (10.0, "10")):
            tex = m.one_hot_cross_entropy_latex(t, COURSE_PRED, base=base)
            want = skm.log_loss([t], [COURSE_PRED], labels=range(4)) / math.log(base)
            assert tex.startswith(rf"H_{{{b_tex}}} = -\big[")
            assert tex.endswith(rf"-\log_{{{b_tex}}}({COURSE_PRED[t]:.4g}) = {want:.4g}")


def test_one_hot_cross_entropy_latex_bad_input():
    with pytest.raises(ValueError, match=r"^true_class must be <= 3"):
        m.one_hot_cross_entropy_latex(4, COURSE_PRED)
    with pytest.raises(ValueError, match=r"^q must be 1-D"):
        m.one_hot_cross_entropy_latex(0, [COURSE_PRED])
    with pytest.raises(ValueError, match="q must"):
        m.one_hot_cross_entropy_latex(0, [0.5, 0.6])
