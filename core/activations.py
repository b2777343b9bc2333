"""Activation functions, weight initialization in deep MLPs, and input preprocessing.

* :func:`activation` / :func:`derivative`: sigmoid, tanh, ReLU, leaky ReLU, ELU and a 1-D
  maxout with two linear pieces, with the same values and (sub)gradients as
  ``torch.nn.functional`` and autograd (also at the kinks).
* :func:`layer_statistics`: push random inputs through a deep MLP (no biases) initialized with
  a given weight scale and report, per layer, the mean, std and histogram of the activations,
  and the backward gradient norms. Too small a scale makes the activations collapse to 0, too
  large a scale saturates tanh/sigmoid (or blows ReLU up); Xavier (tanh) and He (ReLU) keep
  them healthy.
* :func:`preprocess`, :func:`transform_boundary`, :func:`flip_fraction`: zero-centring and
  standardizing a 2-D cloud, and how sensitive a linear classifier is to a small rotation of
  its weights before and after.

References
----------
Glorot & Bengio (2010), "Understanding the difficulty of training deep feedforward neural
networks", AISTATS (Xavier initialization, saturation of sigmoid/tanh).
He, Zhang, Ren & Sun (2015), "Delving deep into rectifiers", ICCV, section 2.2 (He init).
Goodfellow, Warde-Farley, Mirza, Courville & Bengio (2013), "Maxout networks", ICML.
Clevert, Unterthiner & Hochreiter (2016), "Fast and accurate deep network learning by
exponential linear units (ELUs)", ICLR.
LeCun, Bottou, Orr & Müller (1998), "Efficient BackProp", section 4.3 (centring the inputs).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.special import expit

from core._validate import _short, as_float_array, check_rng, check_scalar, with_latex

# name -> {parameter: default}
PARAMS: dict[str, dict[str, float]] = {
    "sigmoid": {},
    "tanh": {},
    "relu": {},
    "leaky_relu": {"negative_slope": 0.01},
    "elu": {"alpha": 1.0},
    # max(w1 x + b1, w2 x + b2); the defaults give max(x, 0.1 x), a leaky ReLU of slope 0.1
    "maxout": {"w1": 1.0, "b1": 0.0, "w2": 0.1, "b2": 0.0},
}
NAMES = tuple(PARAMS)
MAX_PARAM = 100.0  # |parameter| bound, keeps the curves finite and readable

LATEX: dict[str, tuple[str, str]] = {
    "sigmoid": (
        r"\sigma(x)=\frac{1}{1+e^{-x}}",
        r"\sigma'(x)=\sigma(x)\,\big(1-\sigma(x)\big)",
    ),
    "tanh": (
        r"\tanh(x)=\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}",
        r"\tanh'(x)=1-\tanh^2(x)",
    ),
    "relu": (
        r"\mathrm{ReLU}(x)=\max(0,\,x)",
        r"\mathrm{ReLU}'(x)=\begin{cases}1 & x>0\\ 0 & x\le 0\end{cases}",
    ),
    "leaky_relu": (
        r"\mathrm{LeakyReLU}(x)=\begin{cases}x & x>0\\ a\,x & x\le 0\end{cases}",
        r"\mathrm{LeakyReLU}'(x)=\begin{cases}1 & x>0\\ a & x\le 0\end{cases}",
    ),
    "elu": (
        r"\mathrm{ELU}(x)=\begin{cases}x & x>0\\ \alpha\,(e^{x}-1) & x\le 0\end{cases}",
        r"\mathrm{ELU}'(x)=\begin{cases}1 & x>0\\ \alpha\,e^{x} & x\le 0\end{cases}",
    ),
    "maxout": (
        r"\mathrm{maxout}(x)=\max(w_1x+b_1,\ w_2x+b_2)",
        r"\mathrm{maxout}'(x)=\begin{cases}w_1 & w_1x+b_1>w_2x+b_2\\ "
        r"w_2 & w_1x+b_1<w_2x+b_2\\ \tfrac12(w_1+w_2) & \text{tie}\end{cases}",
    ),
}
ACTIVATION_LATEX = r"h = f(x)"
DERIVATIVE_LATEX = r"f'(x)=\frac{\mathrm{d}f}{\mathrm{d}x}"

# named weight scales; a positive float is also accepted as sigma
INITS = ("small", "large", "xavier", "he")
INIT_LATEX = {
    "small": r"W_{ij}\sim\mathcal{N}(0,\ 0.01^2)",
    "large": r"W_{ij}\sim\mathcal{N}(0,\ 1)",
    "xavier": r"W_{ij}\sim\mathcal{N}\!\left(0,\ \tfrac{1}{n}\right),\quad \sigma=\frac{1}{\sqrt{n}}",
    "he": r"W_{ij}\sim\mathcal{N}\!\left(0,\ \tfrac{2}{n}\right),\quad \sigma=\sqrt{\frac{2}{n}}",
}
LAYER_LATEX = (
    r"z^{(l)}=h^{(l-1)}W^{(l)},\quad h^{(l)}=f\big(z^{(l)}\big),\qquad "
    r"\operatorname{Var} z^{(l)}\approx n\,\sigma^2\,\mathbb{E}\big[(h^{(l-1)})^2\big]"
)
BACKWARD_LATEX = (
    r"\frac{\partial L}{\partial z^{(l)}}=\frac{\partial L}{\partial h^{(l)}}\odot f'\big(z^{(l)}\big),"
    r"\quad \frac{\partial L}{\partial W^{(l)}}=h^{(l-1)\top}\frac{\partial L}{\partial z^{(l)}},"
    r"\quad \frac{\partial L}{\partial h^{(l-1)}}=\frac{\partial L}{\partial z^{(l)}}W^{(l)\top}"
)
MAX_LAYERS = 50
MAX_WIDTH = 2000
MAX_SAMPLES = 5000
MAX_BINS = 200
FLAT_SHARE = 0.05  # a unit is "flat" when f'(z) < 5 % of the activation's largest slope
SATURATED_SHARE = 0.55  # mean flat share above which diagnose() reports saturation
GROWTH_FACTOR = 10.0  # std change first -> last layer that counts as explosion / collapse
GRADIENT_FACTOR = 100.0  # gradient-norm ratio first / last layer that counts as vanishing


def _check_name(name: Any) -> str:
    if not isinstance(name, str) or name not in PARAMS:
        raise ValueError(f"activation must be one of {', '.join(NAMES)}, got {name!r}")
    return name


def _check_params(name: str, params: dict[str, Any]) -> dict[str, float]:
    allowed = PARAMS[name]
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        allowed_txt = ", ".join(allowed) if allowed else "none"
        raise ValueError(
            f"parameter {unknown[0]} is not used by {name}; allowed parameters: {allowed_txt}"
        )
    out = dict(allowed)
    for key, value in params.items():
        out[key] = check_scalar(value, key, low=-MAX_PARAM, high=MAX_PARAM)
    return out


def _checked_call(
    fn: Callable[[str, np.ndarray, dict[str, float]], np.ndarray],
    name: Any,
    x: Any,
    params: dict[str, Any],
) -> np.ndarray:
    """``fn(key, x, params)`` after checking the name, then its parameters, then ``x``: the
    shared front of :func:`activation` and :func:`derivative`."""
    key = _check_name(name)
    prm = _check_params(key, params)
    return fn(key, as_float_array(x, "x"), prm)


def _forward(name: str, x: np.ndarray, prm: dict[str, float]) -> np.ndarray:
    if name == "sigmoid":
        return expit(x)
    if name == "tanh":
        return np.tanh(x)
    if name == "relu":
        return np.maximum(x, 0)
    if name == "leaky_relu":
        return np.where(x > 0, x, prm["negative_slope"] * x)
    if name == "elu":
        # expm1 of min(x, 0) avoids overflow warnings for large positive x
        return np.where(x > 0, x, prm["alpha"] * np.expm1(np.minimum(x, 0)))
    z1 = prm["w1"] * x + prm["b1"]
    z2 = prm["w2"] * x + prm["b2"]
    return np.maximum(z1, z2)


def _slope(name: str, x: np.ndarray, prm: dict[str, float]) -> np.ndarray:
    if name == "sigmoid":
        s = expit(x)
        return s * (1 - s)
    if name == "tanh":
        return 1 - np.tanh(x) ** 2
    if name == "relu":
        return (x > 0).astype(x.dtype)  # 0 at the kink, as torch
    if name == "leaky_relu":
        return np.where(x > 0, 1.0, prm["negative_slope"]).astype(x.dtype)
    if name == "elu":
        return np.where(x > 0, 1.0, prm["alpha"] * np.exp(np.minimum(x, 0))).astype(x.dtype)
    z1 = prm["w1"] * x + prm["b1"]
    z2 = prm["w2"] * x + prm["b2"]
    # torch.maximum splits the gradient half-half on a tie
    pick1 = np.where(z1 > z2, 1.0, np.where(z1 == z2, 0.5, 0.0))
    return (pick1 * prm["w1"] + (1 - pick1) * prm["w2"]).astype(x.dtype)


@with_latex(ACTIVATION_LATEX)
def activation(name: str, x: Any, **params: float) -> np.ndarray:
    """Apply an activation function elementwise.

    Parameters
    ----------
    name : {"sigmoid", "tanh", "relu", "leaky_relu", "elu", "maxout"}
    x : array_like
        Pre-activations (finite).
    **params
        ``leaky_relu``: ``negative_slope`` (default 0.01, as torch).
        ``elu``: ``alpha`` (default 1.0).
        ``maxout``: ``w1, b1, w2, b2``, the two linear pieces of the scalar maxout unit
        :math:`\\max(w_1x+b_1,\\ w_2x+b_2)` (defaults 1, 0, 0.1, 0: :math:`\\max(x, 0.1x)`).
        In a layer, each piece is a full linear map of the inputs; on a 1-D axis it is a line.
        All parameters must lie in [-100, 100].

    Returns
    -------
    ndarray of float64, same shape as ``x``; equal to ``torch.nn.functional`` (sigmoid, tanh,
    relu, leaky_relu, elu) and to ``torch.maximum`` of the two pieces for maxout.

    References
    ----------
    Goodfellow, Bengio & Courville (2016), *Deep Learning*, section 6.3.
    """
    return _checked_call(_forward, name, x, params)


@with_latex(DERIVATIVE_LATEX)
def derivative(name: str, x: Any, **params: float) -> np.ndarray:
    """Derivative of the activation, elementwise; at a kink, the value autograd returns.

    ReLU'(0) = 0, LeakyReLU'(0) = negative_slope, ELU'(0) = alpha, and for maxout at a tie of
    the two pieces the mean of their slopes (torch.maximum splits the gradient in half).
    Parameters as :func:`activation`.

    References
    ----------
    Goodfellow, Bengio & Courville (2016), *Deep Learning*, section 6.3.1.
    """
    return _checked_call(_slope, name, x, params)


def max_slope(name: str, **params: float) -> float:
    """Largest value of :func:`derivative` over the real line (sigmoid 1/4, tanh 1, ...)."""
    key = _check_name(name)
    prm = _check_params(key, params)
    if key == "sigmoid":
        return 0.25
    if key in ("tanh", "relu"):
        return 1.0
    if key == "leaky_relu":
        return max(1.0, abs(prm["negative_slope"]))
    if key == "elu":
        return max(1.0, abs(prm["alpha"]))  # alpha * e^x reaches alpha at x = 0
    return max(abs(prm["w1"]), abs(prm["w2"]))


# ---------------------------------------------------------------------------------------------
# initialization in a deep MLP


def init_std(init: Any, fan_in: int) -> float:
    """Standard deviation of the weights for a named scale (or a given positive sigma).

    ``"small"`` 0.01, ``"large"`` 1, ``"xavier"`` :math:`1/\\sqrt{n}`, ``"he"``
    :math:`\\sqrt{2/n}`, with n = fan-in. (With equal fan-in and fan-out, Glorot's
    :math:`\\sqrt{2/(n_{in}+n_{out})}` is the same :math:`1/\\sqrt{n}`.)
    """
    n = int(check_scalar(fan_in, "fan_in", low=1, integer=True))
    if isinstance(init, str):
        if init == "small":
            return 0.01
        if init == "large":
            return 1.0
        if init == "xavier":
            return 1.0 / math.sqrt(n)
        if init == "he":
            return math.sqrt(2.0 / n)
        raise ValueError(
            f"init must be one of {', '.join(INITS)} or a positive number, got {init!r}"
        )
    return check_scalar(init, "init", low=0.0, high=100.0, low_inclusive=False)


def init_weights(
    n_layers: int, width: int, init: Any, rng: np.random.Generator, pieces: int = 1
) -> list[np.ndarray]:
    """Gaussian weights of a square MLP, one array of shape (pieces, width, width) per layer.

    ``pieces = 2`` gives the two linear maps of a maxout layer. Drawn in float64 from ``rng``.

    Parameters
    ----------
    n_layers : int, 1..50
    width : int, 1..2000
    init : {"small", "large", "xavier", "he"} or a positive sigma (see :func:`init_std`)
    rng : numpy.random.Generator
    pieces : int, 1 or 2
    """
    L = int(check_scalar(n_layers, "n_layers", low=1, high=MAX_LAYERS, integer=True))
    width = int(check_scalar(width, "width", low=1, high=MAX_WIDTH, integer=True))
    pieces = int(check_scalar(pieces, "pieces", low=1, high=2, integer=True))
    check_rng(rng)
    sigma = init_std(init, width)
    return [sigma * rng.standard_normal((pieces, width, width)) for _ in range(L)]


@dataclass(frozen=True)
class ForwardBackward:
    """Per-layer tensors of one forward and backward pass (lists of length n_layers)."""

    z: list[np.ndarray]  # pre-activations, (pieces, N, width)
    h: list[np.ndarray]  # activations, (N, width)
    grad_W: list[np.ndarray]  # dL/dW, same shapes as the weights
    grad_h: list[np.ndarray]  # dL/dh of each layer's output, (N, width)


def mlp_forward_backward(
    x: np.ndarray, weights: list[np.ndarray], name: str, upstream: np.ndarray
) -> ForwardBackward:
    r"""Forward and backward pass of a bias-free MLP, :math:`h^{(l)} = f(h^{(l-1)}W^{(l)})`.

    The loss is :math:`L = \sum_{n,j} g_{nj} h^{(L)}_{nj}` with the given ``upstream`` gradient
    :math:`g = \partial L/\partial h^{(L)}`, so the backward pass is exactly what any loss
    would send back through the network. The arithmetic uses the dtype of ``x`` (float32 in
    :func:`layer_statistics` for speed).

    Parameters
    ----------
    x : ndarray, shape (N, n)
    weights : list of ndarray, each (pieces, n, n); pieces = 2 for maxout, else 1
        :math:`z = hW` (inputs along rows: W has shape (in, out)). For maxout,
        :math:`h = \max(hW_1, hW_2)` elementwise.
    name : activation name (default parameters; maxout uses its two weight pieces)
    upstream : ndarray, shape (N, n)

    Raises
    ------
    ValueError
        If an array is not finite or the shapes do not fit together (``x`` (N, n), every
        weight (pieces, n, n), ``upstream`` (N, n)).
    """
    key = _check_name(name)
    x = as_float_array(x, "x", ndim=2, keep_float_dtype=True)
    N, n = x.shape
    pieces = 2 if key == "maxout" else 1
    if not isinstance(weights, (list, tuple)) or len(weights) == 0:
        raise ValueError(f"weights must be a non-empty list of arrays, got {_short(weights)}")
    weights = [
        as_float_array(W, f"weights[{i}]", ndim=3, keep_float_dtype=True)
        for i, W in enumerate(weights)
    ]
    for i, W in enumerate(weights):
        if W.shape != (pieces, n, n):
            raise ValueError(
                f"weights[{i}] must have shape {(pieces, n, n)} (pieces, width, width) for "
                f"{key}, got shape {W.shape}"
            )
    upstream = as_float_array(upstream, "upstream", ndim=2, keep_float_dtype=True)
    if upstream.shape != x.shape:
        raise ValueError(f"upstream must have the shape of x {x.shape}, got shape {upstream.shape}")
    return _mlp_forward_backward(x, weights, key, upstream)


def _mlp_forward_backward(
    x: np.ndarray, weights: list[np.ndarray], key: str, upstream: np.ndarray
) -> ForwardBackward:
    """:func:`mlp_forward_backward` on checked arguments."""
    prm = dict(PARAMS[key])
    zs, hs = [], []
    h = x
    for W in weights:
        z = (h @ W[0])[None] if W.shape[0] == 1 else np.stack([h @ Wk for Wk in W])
        h = np.maximum(z[0], z[1]) if key == "maxout" else _forward(key, z[0], prm)
        zs.append(z)
        hs.append(h)
    grad_W: list[np.ndarray] = [np.empty(0)] * len(weights)
    grad_h: list[np.ndarray] = [np.empty(0)] * len(weights)
    delta = upstream  # dL/dh of the current layer
    for layer in range(len(weights) - 1, -1, -1):
        grad_h[layer] = delta
        z, W = zs[layer], weights[layer]
        h_prev = x if layer == 0 else hs[layer - 1]
        if key == "maxout":
            pick1 = np.where(z[0] > z[1], 1.0, np.where(z[0] == z[1], 0.5, 0.0)).astype(z.dtype)
            dz = [delta * pick1, delta * (1 - pick1)]
        elif key == "tanh":
            dz = [delta * (1 - hs[layer] ** 2)]  # tanh' = 1 - tanh^2, reusing h
        elif key == "sigmoid":
            dz = [delta * (hs[layer] * (1 - hs[layer]))]
        else:
            dz = [delta * _slope(key, z[0], prm)]
        # h_prev.T is a strided view; a contiguous copy makes the GEMM about twice as fast
        h_prev_T = np.ascontiguousarray(h_prev.T)
        grad_W[layer] = np.stack([h_prev_T @ g for g in dz])
        delta = dz[0] @ W[0].T if len(dz) == 1 else dz[0] @ W[0].T + dz[1] @ W[1].T
    return ForwardBackward(zs, hs, grad_W, grad_h)


@dataclass(frozen=True)
class LayerStatistics:
    """What :func:`layer_statistics` returns; arrays have one row per layer."""

    mean: np.ndarray  # (L,) mean of the activations h of each layer
    std: np.ndarray  # (L,) std of h
    hist_counts: np.ndarray  # (L, bins) histogram of h
    hist_edges: np.ndarray  # (L, bins + 1)
    grad_W_norm: np.ndarray  # (L,) Frobenius norm of dL/dW of each layer
    grad_h_norm: np.ndarray  # (L,) norm of dL/dh of each layer's output
    flat_share: np.ndarray  # (L,) share of units with f'(z) < 5 % of the largest slope
    sigma: float  # weight std used
    input_std: float  # std of the input


def _histograms(
    hs: list[np.ndarray], bins: int, common_range: bool, bounds: tuple[float, float] | None
) -> tuple[np.ndarray, np.ndarray]:
    lows = np.array([float(h.min()) for h in hs])
    highs = np.array([float(h.max()) for h in hs])
    if bounds is not None:
        lows[:], highs[:] = bounds
    elif common_range:
        lows[:], highs[:] = lows.min(), highs.max()
    counts = np.zeros((len(hs), bins), dtype=np.int64)
    edges = np.zeros((len(hs), bins + 1))
    for i, h in enumerate(hs):
        lo, hi = lows[i], highs[i]
        if not hi > lo:  # every activation equal (e.g. all exactly 0)
            lo, hi = lo - 1.0, hi + 1.0
        edges[i] = np.linspace(lo, hi, bins + 1)
        idx = ((h.ravel().astype(np.float64) - lo) * (bins / (hi - lo))).astype(np.int64)
        counts[i] = np.bincount(np.clip(idx, 0, bins - 1), minlength=bins)
    return counts, edges


@with_latex(LAYER_LATEX)
def layer_statistics(
    n_layers: int,
    width: int,
    activation: str,
    init: Any,
    seed: int,
    n_samples: int = 1000,
    bins: int = 40,
    common_range: bool = True,
) -> LayerStatistics:
    """Activation and gradient statistics of a deep, bias-free MLP at initialization.

    The input is ``n_samples`` rows of N(0, 1) features (width columns); every layer is
    ``width × width`` with N(0, σ²) weights (:func:`init_std`); the backward pass starts from a
    N(0, 1) upstream gradient divided by ``n_samples`` (the gradient of a mean loss). All random
    numbers come from ``numpy.random.default_rng(seed)``; the arithmetic is float32.

    Parameters
    ----------
    n_layers : int, 1..50
    width : int, 1..2000
    activation : one of ``NAMES`` (maxout layers get two weight pieces)
    init : {"small", "large", "xavier", "he"} or a positive sigma
    seed : int >= 0
    n_samples : int, 1..5000
    bins : int, 2..200
    common_range : bool
        Same histogram range for every layer (tanh: [-1, 1], sigmoid: [0, 1], others: the
        overall min..max), so a collapse towards 0 is visible as a narrowing spike.

    Returns
    -------
    LayerStatistics

    Raises
    ------
    ValueError
        For invalid arguments, and when the activations or gradients overflow float32 (a large
        ``init`` in a deep network: the explosion is too big to be measured).

    References
    ----------
    Glorot & Bengio (2010), sections 4.2-4.3; He et al. (2015), section 2.2.
    """
    key = _check_name(activation)
    L = int(check_scalar(n_layers, "n_layers", low=1, high=MAX_LAYERS, integer=True))
    n = int(check_scalar(width, "width", low=1, high=MAX_WIDTH, integer=True))
    N = int(check_scalar(n_samples, "n_samples", low=1, high=MAX_SAMPLES, integer=True))
    n_bins = int(check_scalar(bins, "bins", low=2, high=MAX_BINS, integer=True))
    sd = int(check_scalar(seed, "seed", low=0, high=2**32 - 1, integer=True))
    sigma = init_std(init, n)
    rng = np.random.default_rng(sd)
    x = rng.standard_normal((N, n), dtype=np.float32)
    pieces = 2 if key == "maxout" else 1
    weights = [
        (sigma * rng.standard_normal((pieces, n, n), dtype=np.float32)).astype(np.float32)
        for _ in range(L)
    ]
    upstream = rng.standard_normal((N, n), dtype=np.float32) / np.float32(N)
    with np.errstate(over="ignore", invalid="ignore"):
        fb = _mlp_forward_backward(x, weights, key, upstream)
    # Past float32's ~3.4e38 an explosion is no longer a number to show: stop and say so.
    for what, arrays in (("activations", fb.h), ("gradients", fb.grad_h), ("gradients", fb.grad_W)):
        bad = [i for i, a in enumerate(arrays) if not np.all(np.isfinite(a))]
        if bad:
            raise ValueError(
                f"init {_short(init)} (sigma = {sigma:.3g}) is too large for {L} layers of width "
                f"{n}: the {what} overflow float32 at layer {bad[0] + 1}; choose a smaller init "
                "or fewer layers"
            )
    hs = fb.h
    bounds = {"tanh": (-1.0, 1.0), "sigmoid": (0.0, 1.0)}.get(key) if common_range else None
    counts, edges = _histograms(hs, n_bins, common_range, bounds)
    ref = max_slope(key)
    prm = dict(PARAMS[key])
    flat = []
    for z in fb.z:
        if key == "maxout":
            # a maxout unit always passes one piece's slope: it never goes flat by itself
            flat.append(0.0)
        else:
            flat.append(float(np.mean(_slope(key, z[0], prm) < FLAT_SHARE * ref)))
    return LayerStatistics(
        mean=np.array([float(h.mean(dtype=np.float64)) for h in hs]),
        std=np.array([float(h.std(dtype=np.float64)) for h in hs]),
        hist_counts=counts,
        hist_edges=edges,
        grad_W_norm=np.array([float(np.linalg.norm(g.astype(np.float64))) for g in fb.grad_W]),
        grad_h_norm=np.array([float(np.linalg.norm(g.astype(np.float64))) for g in fb.grad_h]),
        flat_share=np.array(flat),
        sigma=float(sigma),
        input_std=float(x.std(dtype=np.float64)),
    )


DIAGNOSES = (
    "saturation",
    "explosion",
    "collapse",
    "vanishing_gradient",
    "exploding_gradient",
    "healthy",
)


def diagnose(stats: LayerStatistics) -> str:
    """Name what the statistics show, checking in this order (first match wins).

    * ``"saturation"``: on average more than half of the units sit where the slope is below
      5 % of its maximum, for the saturating sigmoid/tanh (measured by ``flat_share``; for ReLU
      the flat half is the normal "off" state and is not counted as saturation by this rule
      because its share stays near 1/2);
    * ``"explosion"``: the last layer's std is more than 10 times the first layer's;
    * ``"collapse"``: it is less than 1/10 of the first layer's;
    * ``"vanishing_gradient"`` / ``"exploding_gradient"``: the first layer's weight gradient is
      below 1/100 / above 100 times the last layer's;
    * otherwise ``"healthy"``.
    """
    if not isinstance(stats, LayerStatistics):
        raise ValueError(
            f"stats must be the LayerStatistics of layer_statistics, got {_short(stats)}"
        )
    std0, stdL = float(stats.std[0]), float(stats.std[-1])
    g0, gL = float(stats.grad_W_norm[0]), float(stats.grad_W_norm[-1])
    if float(np.mean(stats.flat_share)) > SATURATED_SHARE:
        return "saturation"
    if stdL > GROWTH_FACTOR * std0:
        return "explosion"
    if stdL < std0 / GROWTH_FACTOR:
        return "collapse"
    if gL > 0 and g0 < gL / GRADIENT_FACTOR:
        return "vanishing_gradient"
    if g0 > GRADIENT_FACTOR * gL:
        return "exploding_gradient"
    return "healthy"


# ---------------------------------------------------------------------------------------------
# preprocessing

PREPROCESS = ("none", "center", "standardize")
PREPROCESS_LATEX = {
    "none": r"x' = x",
    "center": r"x' = x-\mu,\qquad \mu=\frac{1}{N}\sum_{n} x_n",
    "standardize": r"x'_j=\frac{x_j-\mu_j}{s_j},\qquad s_j^2=\frac{1}{N}\sum_n (x_{nj}-\mu_j)^2",
}


def make_cloud(
    n: int,
    seed: int,
    center: tuple[float, float] = (6.0, 4.0),
    scales: tuple[float, float] = (
        2.0,
        0.5,
    ),
    angle_deg: float = 30.0,
) -> np.ndarray:
    """A 2-D Gaussian cloud of ``n`` points, stretched along ``angle_deg`` and far from 0.

    Returns
    -------
    ndarray, shape (n, 2)
    """
    m = int(check_scalar(n, "n", low=2, high=MAX_SAMPLES, integer=True))
    sd = int(check_scalar(seed, "seed", low=0, high=2**32 - 1, integer=True))
    c = as_float_array(center, "center", ndim=1)
    s = as_float_array(scales, "scales", ndim=1)
    if c.shape != (2,) or s.shape != (2,):
        raise ValueError(
            f"center and scales must have 2 entries each, got {c.shape[0]} and {s.shape[0]}"
        )
    if np.any(s <= 0):
        raise ValueError(f"scales must be > 0, got {s.min():g}")
    a = math.radians(check_scalar(angle_deg, "angle_deg", low=-180.0, high=180.0))
    R = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    rng = np.random.default_rng(sd)
    return c + (rng.standard_normal((m, 2)) * s) @ R.T


def preprocess(X: Any, method: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Zero-centre or standardize the columns of ``X``.

    Parameters
    ----------
    X : array_like, shape (N, d), N >= 2
    method : {"none", "center", "standardize"}
        Standardizing divides by the population std (ddof = 0, as scikit-learn's
        ``StandardScaler``); a constant column is only centred (its scale is taken as 1).

    Returns
    -------
    X_new : ndarray, shape (N, d)
    mu : ndarray, shape (d,)
        What was subtracted (zeros for "none").
    s : ndarray, shape (d,)
        What each column was divided by (ones unless standardizing).

    References
    ----------
    LeCun, Bottou, Orr & Müller (1998), "Efficient BackProp", section 4.3.
    """
    if method not in PREPROCESS:
        raise ValueError(f"method must be one of {', '.join(PREPROCESS)}, got {method!r}")
    arr = as_float_array(X, "X", ndim=2)
    if arr.shape[0] < 2:
        raise ValueError(f"X must have at least 2 rows, got {arr.shape[0]}")
    d = arr.shape[1]
    mu = np.zeros(d) if method == "none" else arr.mean(axis=0)
    s = np.ones(d)
    if method == "standardize":
        std = arr.std(axis=0)
        s = np.where(std > 0, std, 1.0)
    return (arr - mu) / s, mu, s


def transform_boundary(w: Any, b: float, mu: Any, s: Any) -> tuple[np.ndarray, float]:
    r"""The same linear classifier in preprocessed coordinates :math:`x' = (x-\mu)/s`.

    :math:`w\cdot x + b = (w\odot s)\cdot x' + (w\cdot\mu + b)`, so every point keeps its side.
    """
    w_arr = as_float_array(w, "w", ndim=1)
    mu_arr = as_float_array(mu, "mu", ndim=1)
    s_arr = as_float_array(s, "s", ndim=1)
    if not (w_arr.shape == mu_arr.shape == s_arr.shape):
        raise ValueError(
            f"w, mu and s must have the same length, got {w_arr.size}, {mu_arr.size}, {s_arr.size}"
        )
    b_val = check_scalar(b, "b")
    return w_arr * s_arr, float(w_arr @ mu_arr + b_val)


def flip_fraction(X: Any, w: Any, b: float, delta_deg: float) -> float:
    """Share of points of ``X`` (N, 2) that change side when ``w`` is rotated by ``delta_deg``.

    The bias stays fixed, so the boundary pivots around the point of the line nearest the
    origin: far from the origin a small rotation sweeps the line across many points.
    """
    arr = as_float_array(X, "X", ndim=2)
    w_arr = as_float_array(w, "w", ndim=1)
    if arr.shape[1] != 2 or w_arr.shape != (2,):
        raise ValueError(
            f"X must have 2 columns and w 2 entries, got {arr.shape[1]} and {w_arr.size}"
        )
    b_val = check_scalar(b, "b")
    a = math.radians(check_scalar(delta_deg, "delta_deg", low=-180.0, high=180.0))
    R = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    before = arr @ w_arr + b_val > 0
    after = arr @ (R @ w_arr) + b_val > 0
    return float(np.mean(before != after))
