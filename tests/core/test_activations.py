"""core.activations against torch.nn.functional + autograd and sklearn, properties, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.preprocessing import StandardScaler

from core import activations as a

SETTINGS = settings(max_examples=30, deadline=None)

# points that include every kink (0) and the saturated tails
GRID = np.r_[np.linspace(-12.0, 12.0, 97), 0.0, -1e-9, 1e-9, -40.0, 40.0]


def torch_fn(name, **params):
    if name == "sigmoid":
        return torch.sigmoid
    if name == "tanh":
        return torch.tanh
    if name == "relu":
        return F.relu
    if name == "leaky_relu":
        return lambda t: F.leaky_relu(t, negative_slope=params.get("negative_slope", 0.01))
    if name == "elu":
        return lambda t: F.elu(t, alpha=params.get("alpha", 1.0))
    p = {**a.PARAMS["maxout"], **params}
    return lambda t: torch.maximum(p["w1"] * t + p["b1"], p["w2"] * t + p["b2"])


def autograd_derivative(name, x, **params):
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    torch_fn(name, **params)(t).sum().backward()
    return t.grad.numpy()


CASES = [
    ("sigmoid", {}),
    ("tanh", {}),
    ("relu", {}),
    ("leaky_relu", {}),
    ("leaky_relu", {"negative_slope": 0.2}),
    ("elu", {}),
    ("elu", {"alpha": 2.5}),
    ("maxout", {}),
    ("maxout", {"w1": -1.0, "b1": 0.5, "w2": 2.0, "b2": -1.0}),
]


@pytest.mark.parametrize(("name", "params"), CASES)
def test_activation_and_derivative_match_torch(name, params):
    expected = torch_fn(name, **params)(torch.tensor(GRID, dtype=torch.float64)).numpy()
    np.testing.assert_allclose(a.activation(name, GRID, **params), expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(
        a.derivative(name, GRID, **params),
        autograd_derivative(name, GRID, **params),
        rtol=1e-12,
        atol=1e-15,
    )


def test_derivative_at_kinks_as_autograd():
    assert a.derivative("relu", [0.0])[0] == 0.0
    assert a.derivative("leaky_relu", [0.0], negative_slope=0.3)[0] == pytest.approx(0.3)
    assert a.derivative("elu", [0.0], alpha=2.0)[0] == pytest.approx(2.0)
    # maxout pieces x and 0.1x tie at 0: half of each slope
    assert a.derivative("maxout", [0.0])[0] == pytest.approx(0.55)
    assert autograd_derivative("maxout", np.array([0.0]))[0] == pytest.approx(0.55)


@SETTINGS
@given(
    st.sampled_from(["sigmoid", "tanh", "relu", "leaky_relu", "elu", "maxout"]),
    st.lists(st.floats(-30, 30), min_size=1, max_size=20),
)
def test_derivative_matches_central_difference(name, xs):
    x = np.array(xs)
    h = 1e-6
    # away from kinks (|x| > 1e-3) the numerical slope must agree
    x = x[np.abs(x) > 1e-3]
    if x.size == 0:
        return
    numeric = (a.activation(name, x + h) - a.activation(name, x - h)) / (2 * h)
    np.testing.assert_allclose(a.derivative(name, x), numeric, rtol=1e-5, atol=1e-7)
    assert np.all(np.abs(a.derivative(name, x)) <= a.max_slope(name) + 1e-12)


def test_shapes_and_properties():
    X = np.linspace(-5, 5, 12).reshape(3, 4)
    assert a.activation("tanh", X).shape == (3, 4)
    # zero-centred or not: tanh is odd, sigmoid is all positive with sigmoid(0) = 1/2
    np.testing.assert_allclose(a.activation("tanh", -X), -a.activation("tanh", X))
    assert np.all(a.activation("sigmoid", X) > 0)
    assert a.activation("sigmoid", [0.0])[0] == 0.5
    # saturation: the slope vanishes far from 0
    assert a.derivative("sigmoid", [10.0])[0] < 1e-4
    assert a.derivative("tanh", [-10.0])[0] < 1e-8
    # maxout with (1, 0, 0, 0) is ReLU away from 0, with (1, 0, -1, 0) the absolute value
    xs = np.array([-2.0, -0.5, 0.5, 3.0])
    np.testing.assert_allclose(a.activation("maxout", xs, w2=0.0), a.activation("relu", xs))
    np.testing.assert_allclose(a.activation("maxout", xs, w2=-1.0), np.abs(xs))
    assert a.max_slope("sigmoid") == 0.25 and a.max_slope("elu", alpha=3.0) == 3.0


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (
            lambda: a.activation("swish", [0.0]),
            r"activation must be one of sigmoid, tanh, relu, leaky_relu, elu, maxout, got 'swish'",
        ),
        (
            lambda: a.derivative("relu", [0.0], alpha=1.0),
            r"parameter alpha is not used by relu; allowed parameters: none",
        ),
        (
            lambda: a.activation("elu", [0.0], negative_slope=0.1),
            r"parameter negative_slope is not used by elu; allowed parameters: alpha",
        ),
        (
            lambda: a.activation("leaky_relu", [0.0], negative_slope=500.0),
            r"negative_slope must be <= 100.0, got 500.0",
        ),
        (lambda: a.activation("maxout", [0.0], w1=math.nan), r"w1 must be finite, got nan"),
        (lambda: a.activation("tanh", [np.inf]), r"x must contain only finite numbers"),
        (lambda: a.activation("tanh", "abc"), r"x must be numeric, got 'abc'"),
    ],
)
def test_activation_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# ------------------------------------------------------------------ deep MLP statistics


@pytest.mark.parametrize("name", ["tanh", "relu", "sigmoid", "elu", "maxout", "leaky_relu"])
def test_forward_backward_matches_autograd(name):
    rng = np.random.default_rng(5)
    n, N, L = 6, 4, 3
    pieces = 2 if name == "maxout" else 1
    weights = a.init_weights(L, n, "xavier", rng, pieces=pieces)
    x = rng.standard_normal((N, n))
    g = rng.standard_normal((N, n))
    fb = a.mlp_forward_backward(x, weights, name, g)

    Wt = [torch.tensor(W, requires_grad=True) for W in weights]
    h = torch.tensor(x)
    hs = []
    for W in Wt:
        if name == "maxout":
            h = torch.maximum(h @ W[0], h @ W[1])
        else:
            h = torch_fn(name)(h @ W[0])
        h.retain_grad()
        hs.append(h)
    (hs[-1] * torch.tensor(g)).sum().backward()
    for layer in range(L):
        np.testing.assert_allclose(fb.h[layer], hs[layer].detach().numpy(), rtol=1e-12)
        np.testing.assert_allclose(fb.grad_W[layer], Wt[layer].grad.numpy(), rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(fb.grad_h[layer], hs[layer].grad.numpy(), rtol=1e-10, atol=1e-14)


def test_layer_statistics_consistent_with_forward_backward():
    s = a.layer_statistics(4, 30, "tanh", "xavier", seed=11, n_samples=50, bins=10)
    # redo the same draws in float32 and compare
    rng = np.random.default_rng(11)
    x = rng.standard_normal((50, 30), dtype=np.float32)
    sigma = 1 / math.sqrt(30)
    weights = [(sigma * rng.standard_normal((1, 30, 30), dtype=np.float32)) for _ in range(4)]
    g = rng.standard_normal((50, 30), dtype=np.float32) / np.float32(50)
    fb = a.mlp_forward_backward(x, weights, "tanh", g)
    np.testing.assert_allclose(s.std, [h.std(dtype=np.float64) for h in fb.h], rtol=1e-6)
    np.testing.assert_allclose(
        s.mean, [h.mean(dtype=np.float64) for h in fb.h], rtol=1e-5, atol=1e-9
    )
    np.testing.assert_allclose(s.grad_W_norm, [np.linalg.norm(gw) for gw in fb.grad_W], rtol=1e-5)
    assert s.hist_counts.shape == (4, 10) and s.hist_edges.shape == (4, 11)
    assert np.all(s.hist_counts.sum(axis=1) == 50 * 30)
    np.testing.assert_allclose(s.hist_edges[:, [0, -1]], [[-1.0, 1.0]] * 4)
    # the histogram agrees with numpy's on the same edges
    for layer in range(4):
        expected, _ = np.histogram(fb.h[layer], bins=s.hist_edges[layer])
        np.testing.assert_array_equal(s.hist_counts[layer], expected)
    assert s.sigma == pytest.approx(sigma)


def test_layer_statistics_tell_collapse_saturation_and_health_apart():
    small = a.layer_statistics(10, 200, "tanh", "small", seed=0, n_samples=200)
    large = a.layer_statistics(10, 200, "tanh", "large", seed=0, n_samples=200)
    xavier = a.layer_statistics(10, 200, "tanh", "xavier", seed=0, n_samples=200)
    he = a.layer_statistics(10, 200, "relu", "he", seed=0, n_samples=200)
    relu_x = a.layer_statistics(10, 200, "relu", "xavier", seed=0, n_samples=200)
    # sigma = 0.01: each layer multiplies the std by about 0.01 * sqrt(200) = 0.14 -> collapse
    assert small.std[-1] < 1e-6 and small.std[1] / small.std[0] == pytest.approx(
        0.01 * math.sqrt(200), rel=0.2
    )
    # sigma = 1: tanh saturates (most units at +-1, slope < 5 %)
    assert np.all(large.flat_share > 0.8) and np.all(large.std > 0.95)
    # sigma = 1: the few unsaturated paths are amplified by the large weights, so the layer
    # gradients differ by orders of magnitude; with Xavier they stay within a small factor
    assert large.grad_W_norm[0] > 1e3 * large.grad_W_norm[-1]
    assert 0.5 < xavier.grad_W_norm[0] / xavier.grad_W_norm[-1] < 2.0
    # Xavier keeps tanh in a healthy range, He keeps ReLU's std flat across depth
    assert 0.1 < xavier.std[-1] < 0.9 and np.all(xavier.flat_share < 0.1)
    assert he.std[-1] / he.std[0] == pytest.approx(1.0, abs=0.35)
    # ReLU with Xavier halves the second moment per layer: the std decays like (1/sqrt 2)^L
    assert relu_x.std[-1] / relu_x.std[0] == pytest.approx(2 ** (-9 / 2), rel=0.35)


def test_layer_statistics_seeded_and_custom_sigma():
    s1 = a.layer_statistics(3, 20, "relu", 0.3, seed=4, n_samples=30)
    s2 = a.layer_statistics(3, 20, "relu", 0.3, seed=4, n_samples=30)
    s3 = a.layer_statistics(3, 20, "relu", 0.3, seed=5, n_samples=30)
    np.testing.assert_array_equal(s1.std, s2.std)
    assert not np.array_equal(s1.std, s3.std)
    assert s1.sigma == 0.3
    assert a.init_std("he", 50) == pytest.approx(math.sqrt(2 / 50))
    assert a.init_std("xavier", 50) == pytest.approx(1 / math.sqrt(50))


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: a.layer_statistics(0, 10, "tanh", "he", 0), r"n_layers must be >= 1, got 0"),
        (lambda: a.layer_statistics(3, 5000, "tanh", "he", 0), r"width must be <= 2000, got 5000"),
        (
            lambda: a.layer_statistics(3, 10, "tanh", "kaiming", 0),
            r"init must be one of small, large, xavier, he or a positive number, got 'kaiming'",
        ),
        (lambda: a.layer_statistics(3, 10, "tanh", -1.0, 0), r"init must be > 0.0, got -1.0"),
        (lambda: a.layer_statistics(3, 10, "softmax", "he", 0), r"activation must be one of"),
        (
            lambda: a.layer_statistics(3, 10, "tanh", "he", 0, n_samples=2.5),
            r"n_samples must be an integer, got 2.5",
        ),
        (
            lambda: a.layer_statistics(30, 8, "relu", 100.0, 0, n_samples=16),
            r"^init 100.0 \(sigma = 100\) is too large for 30 layers of width 8: the activations "
            r"overflow float32 at layer \d+; choose a smaller init or fewer layers$",
        ),
        (lambda: a.diagnose(None), r"^stats must be the LayerStatistics of layer_statistics"),
    ],
)
def test_layer_statistics_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# ------------------------------------------------------------------ preprocessing


@SETTINGS
@given(st.integers(2, 200), st.integers(0, 2**31 - 1))
def test_preprocess_matches_standard_scaler(n, seed):
    X = a.make_cloud(n, seed)
    Z, mu, s = a.preprocess(X, "standardize")
    np.testing.assert_allclose(Z, StandardScaler().fit_transform(X), rtol=1e-9, atol=1e-9)
    C, mu_c, s_c = a.preprocess(X, "center")
    np.testing.assert_allclose(C.mean(axis=0), 0.0, atol=1e-9)
    np.testing.assert_array_equal(s_c, [1.0, 1.0])
    np.testing.assert_allclose(mu, mu_c)
    # the same classifier in new coordinates puts every point on the same side
    w, b = np.array([1.0, -2.0]), 0.7
    for Xn, m_, s_ in ((Z, mu, s), (C, mu_c, s_c)):
        w2, b2 = a.transform_boundary(w, b, m_, s_)
        np.testing.assert_allclose(Xn @ w2 + b2, X @ w + b, rtol=1e-9, atol=1e-9)


def test_constant_column_is_only_centred():
    X = np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]])
    Z, _, s = a.preprocess(X, "standardize")
    np.testing.assert_allclose(Z, StandardScaler().fit_transform(X))
    assert s[1] == 1.0


def test_far_cloud_is_sensitive_to_a_small_rotation():
    X = a.make_cloud(2000, seed=0, center=(8.0, 6.0))
    # the boundary runs along the major axis (30 degrees) through the centre of the cloud
    u = np.array([math.cos(math.radians(120)), math.sin(math.radians(120))])
    b = -u @ X.mean(axis=0)
    raw = a.flip_fraction(X, u, b, 5.0)
    C, mu, s = a.preprocess(X, "center")
    w_c, b_c = a.transform_boundary(u, b, mu, s)
    centred = a.flip_fraction(C, w_c, b_c, 5.0)
    assert abs(b_c) < 1e-9
    assert raw > 3 * centred and raw > 0.2
    assert a.flip_fraction(X, u, b, 0.0) == 0.0


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: a.preprocess(np.ones((1, 2)), "center"), r"X must have at least 2 rows, got 1"),
        (
            lambda: a.preprocess(np.ones((3, 2)), "whiten"),
            r"method must be one of none, center, standardize, got 'whiten'",
        ),
        (lambda: a.make_cloud(10, 0, scales=(1.0, 0.0)), r"scales must be > 0, got 0"),
        (
            lambda: a.flip_fraction(np.ones((3, 3)), [1.0, 0.0], 0.0, 1.0),
            r"X must have 2 columns and w 2 entries, got 3 and 2",
        ),
        (
            lambda: a.transform_boundary([1.0, 2.0], 0.0, [0.0], [1.0, 1.0]),
            r"w, mu and s must have the same length, got 2, 1, 2",
        ),
    ],
)
def test_preprocessing_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize(
    ("name", "init", "expected"),
    [
        ("tanh", "small", "collapse"),
        ("tanh", "large", "saturation"),
        ("tanh", "xavier", "healthy"),
        ("relu", "xavier", "collapse"),
        ("relu", "he", "healthy"),
        ("relu", "large", "explosion"),
        ("sigmoid", "xavier", "vanishing_gradient"),
    ],
)
def test_diagnose_names_the_textbook_cases(name, init, expected):
    stats = a.layer_statistics(10, 200, name, init, seed=0, n_samples=200)
    assert a.diagnose(stats) == expected


RNG = np.random.default_rng(0)
XW = np.ones((2, 3))


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: a.init_weights("abc", 3, "he", RNG), r"^n_layers must be a number, got 'abc'$"),
        (lambda: a.init_weights(-1, 3, "he", RNG), r"^n_layers must be >= 1, got -1$"),
        (lambda: a.init_weights(1, 2001, "he", RNG), r"^width must be <= 2000, got 2001$"),
        (lambda: a.init_weights(1, 3, "he", RNG, pieces=3), r"^pieces must be <= 2, got 3$"),
        (
            lambda: a.init_weights(1, 3, "he", None),
            r"^rng must be a numpy.random.Generator, got NoneType$",
        ),
        (
            lambda: a.mlp_forward_backward(
                np.full((2, 3), np.nan), [np.ones((1, 3, 3))], "relu", XW
            ),
            r"^x must contain only finite numbers",
        ),
        (
            lambda: a.mlp_forward_backward(XW, None, "relu", XW),
            r"^weights must be a non-empty list of arrays, got None$",
        ),
        (
            lambda: a.mlp_forward_backward(XW, [np.ones((1, 3, 3))], "maxout", XW),
            r"^weights\[0\] must have shape \(2, 3, 3\) \(pieces, width, width\) for maxout, "
            r"got shape \(1, 3, 3\)$",
        ),
        (
            lambda: a.mlp_forward_backward(XW, [np.ones((1, 3, 3))], "relu", np.ones((3, 3))),
            r"^upstream must have the shape of x \(2, 3\), got shape \(3, 3\)$",
        ),
    ],
)
def test_mlp_helpers_bad_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_mlp_forward_backward_keeps_float32():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 3), dtype=np.float32)
    weights = [rng.standard_normal((1, 3, 3), dtype=np.float32) for _ in range(2)]
    fb = a.mlp_forward_backward(x, weights, "tanh", x)
    assert all(h.dtype == np.float32 for h in fb.h + fb.grad_W)
    fb64 = a.mlp_forward_backward(x.astype(np.float64), weights, "tanh", x)
    np.testing.assert_allclose(fb.h[-1], fb64.h[-1], rtol=1e-5)
