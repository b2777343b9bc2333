"""Network A (no hidden layer) versus network B (one hidden layer) with linear activations.

With the identity between layers, B computes
:math:`W_2(W_1x+b_1)+b_2=(W_2W_1)x+(W_2b_1+b_2)`: again one affine map, so the hidden layer adds
parameters but no ability to model nonlinear relations. When the hidden width ``h`` is smaller
than ``min(d, m)`` the collapsed matrix has rank at most ``h`` (a bottleneck, as in PCA / linear
autoencoders), so B is *more* restricted than A. A nonlinear activation changes the picture.

Weights follow PyTorch's ``nn.Linear`` layout: ``W`` has shape ``(out, in)`` and a layer maps
``x -> x @ W.T + b`` for a batch ``x`` of shape ``(N, in)``.

References
----------
Goodfellow, Bengio & Courville (2016), *Deep Learning*, sections 6.1 (XOR) and 14.1
(undercomplete linear autoencoders span the PCA subspace).
Baldi & Hornik (1989), "Neural networks and principal component analysis", Neural Networks 2.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from core._validate import as_float_array, check_scalar, with_latex

COLLAPSE_LATEX = (
    r"W_2(W_1\mathbf{x}+\mathbf{b}_1)+\mathbf{b}_2"
    r"=\underbrace{(W_2W_1)}_{W}\,\mathbf{x}+\underbrace{(W_2\mathbf{b}_1+\mathbf{b}_2)}_{\mathbf{b}}"
)
RANK_LATEX = r"\operatorname{rank}(W_2W_1)\le\min\big(\operatorname{rank}W_1,\operatorname{rank}W_2\big)\le\min(d,h,m)"
PARAMS_LATEX = r"\#\theta=\sum_{\ell}\big(n_{\ell-1}\,n_{\ell}+n_{\ell}\big)"
FORWARD_LATEX = r"B(\mathbf{x}) = W_2\,\sigma(W_1\mathbf{x}+\mathbf{b}_1)+\mathbf{b}_2"

ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "identity": lambda z: z,
    "relu": lambda z: np.maximum(z, 0.0),
    "tanh": np.tanh,
}
# Derivative of each activation written in terms of its pre-activation z.
_DERIVATIVES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "identity": lambda z: np.ones_like(z),
    "relu": lambda z: (z > 0).astype(np.float64),
    "tanh": lambda z: 1.0 - np.tanh(z) ** 2,
}
TARGETS = ("square", "xor")
MAX_WIDTH = 1024  # widest layer we build with random weights or train


def _check_activation(activation: Any) -> str:
    if not isinstance(activation, str) or activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, got {activation!r}")
    return activation


def _check_layers(weights: Any, biases: Any) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Check that the (out, in) matrices chain and every bias matches its layer's output."""
    if not isinstance(weights, (list, tuple)) or not isinstance(biases, (list, tuple)):
        raise ValueError("weights and biases must be lists of arrays")
    if len(weights) == 0:
        raise ValueError("weights must contain at least 1 layer, got 0")
    if len(weights) != len(biases):
        raise ValueError(
            f"weights and biases must have the same length, got {len(weights)} and {len(biases)}"
        )
    Ws = [as_float_array(W, f"weights[{i}]", ndim=2) for i, W in enumerate(weights)]
    bs = [as_float_array(b, f"biases[{i}]", ndim=1) for i, b in enumerate(biases)]
    for i, (W, b) in enumerate(zip(Ws, bs, strict=True)):
        if b.shape[0] != W.shape[0]:
            raise ValueError(
                f"biases[{i}] must have length {W.shape[0]} (rows of weights[{i}]), "
                f"got {b.shape[0]}"
            )
        if i > 0 and W.shape[1] != Ws[i - 1].shape[0]:
            raise ValueError(
                f"weights[{i}] must have {Ws[i - 1].shape[0]} columns "
                f"(outputs of layer {i - 1}), got shape {W.shape}"
            )
    return Ws, bs


@with_latex(COLLAPSE_LATEX)
def collapse(weights: Sequence[Any], biases: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
    """The single affine map :math:`x \\mapsto Wx + b` computed by a stack of linear layers.

    Parameters
    ----------
    weights : list of arrays of shape (n_l, n_{l-1})
        PyTorch layout, first layer first.
    biases : list of arrays of shape (n_l,)

    Returns
    -------
    W : ndarray of shape (m, d)
        :math:`W_L\\cdots W_2W_1`.
    b : ndarray of shape (m,)
        :math:`W_L(\\cdots(W_2b_1+b_2)\\cdots)+b_L`.

    References
    ----------
    Goodfellow et al. (2016), section 6.1.
    """
    Ws, bs = _check_layers(weights, biases)
    W, b = Ws[0], bs[0]
    for W_l, b_l in zip(Ws[1:], bs[1:], strict=True):
        W, b = W_l @ W, W_l @ b + b_l
    return W, b


@with_latex(FORWARD_LATEX)
def forward(
    x: Any, weights: Sequence[Any], biases: Sequence[Any], activation: str = "identity"
) -> np.ndarray:
    """Run the network: affine layers with ``activation`` between them, none after the last.

    Parameters
    ----------
    x : array_like of shape (d,) or (N, d)
    weights, biases : as in :func:`collapse`
    activation : {"identity", "relu", "tanh"}

    Returns
    -------
    ndarray of shape (m,) or (N, m)
    """
    act = ACTIVATIONS[_check_activation(activation)]
    Ws, bs = _check_layers(weights, biases)
    h = as_float_array(x, "x", ndim=(1, 2))
    if h.shape[-1] != Ws[0].shape[1]:
        raise ValueError(f"x must have {Ws[0].shape[1]} features, got shape {h.shape}")
    for i, (W, b) in enumerate(zip(Ws, bs, strict=True)):
        h = h @ W.T + b
        if i < len(Ws) - 1:
            h = act(h)
    return h


def _check_sizes(layer_sizes: Any, high: int = MAX_WIDTH) -> list[int]:
    if not isinstance(layer_sizes, (list, tuple)) or len(layer_sizes) < 2:
        raise ValueError(f"layer_sizes must list at least 2 sizes, got {layer_sizes!r}")
    return [
        int(check_scalar(n, f"layer_sizes[{i}]", low=1, high=high, integer=True))
        for i, n in enumerate(layer_sizes)
    ]


@with_latex(PARAMS_LATEX)
def parameter_count(layer_sizes: Sequence[int]) -> int:
    """Number of weights and biases of fully connected layers ``[d, h_1, ..., m]``.

    Network A ``[d, m]`` has :math:`dm + m`; network B ``[d, h, m]`` has :math:`dh + h + hm + m`.
    """
    sizes = _check_sizes(layer_sizes, high=10**7)
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=False))


def random_network(
    layer_sizes: Sequence[int], seed: int, weight_scale: float = 1.0, bias_scale: float = 0.5
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Gaussian weights :math:`W_\\ell \\sim \\mathcal N(0, s^2/n_{\\ell-1})` and biases
    :math:`\\mathcal N(0, s_b^2)`, reproducible from ``seed``."""
    sizes = _check_sizes(layer_sizes)
    seed_i = int(check_scalar(seed, "seed", low=0, integer=True))
    s = check_scalar(weight_scale, "weight_scale", low=0.0)
    s_b = check_scalar(bias_scale, "bias_scale", low=0.0)
    rng = np.random.default_rng(seed_i)
    weights, biases = [], []
    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=False):
        weights.append(rng.normal(0.0, s / np.sqrt(n_in), size=(n_out, n_in)))
        biases.append(rng.normal(0.0, s_b, size=n_out))
    return weights, biases


@with_latex(RANK_LATEX)
def rank(W: Any, rtol: float | None = None) -> int:
    """Numerical rank: singular values above ``rtol * sigma_max`` (default ``max(shape) * eps``).

    ``rtol`` must lie in [0, 1) when given (the convention of ``core.least_squares.rank``).
    """
    W_arr = as_float_array(W, "W", ndim=2)
    if rtol is not None:
        rtol = check_scalar(rtol, "rtol", low=0.0, high=1.0, high_inclusive=False)
    sigma = np.linalg.svd(W_arr, compute_uv=False)
    tol_rel = max(W_arr.shape) * np.finfo(np.float64).eps if rtol is None else rtol
    if sigma.size == 0 or sigma[0] == 0.0:
        return 0
    return int(np.sum(sigma > tol_rel * sigma[0]))


def max_collapse_gap(
    weights: Sequence[Any],
    biases: Sequence[Any],
    activation: str,
    n_points: int = 200,
    seed: int = 0,
    scale: float = 2.0,
) -> float:
    """:math:`\\max_x \\|B(x) - (Wx+b)\\|_\\infty` over ``n_points`` inputs
    :math:`x \\sim \\mathcal N(0, \\text{scale}^2 I)`, where ``(W, b) = collapse(...)``.

    Zero (up to rounding) for the identity activation; positive for a nonlinear one.
    """
    Ws, bs = _check_layers(weights, biases)
    n = int(check_scalar(n_points, "n_points", low=1, high=100_000, integer=True))
    rng = np.random.default_rng(int(check_scalar(seed, "seed", low=0, integer=True)))
    X = rng.normal(0.0, check_scalar(scale, "scale", low=0.0), size=(n, Ws[0].shape[1]))
    W, b = collapse(Ws, bs)
    return float(np.max(np.abs(forward(X, Ws, bs, activation) - (X @ W.T + b))))


def grid_lines(extent: float = 2.0, n_lines: int = 9, n_points: int = 41) -> np.ndarray:
    """A square grid on ``[-extent, extent]^2``: ``n_lines`` vertical then ``n_lines`` horizontal
    polylines of ``n_points`` points each.

    Returns
    -------
    ndarray of shape (2 * n_lines, n_points, 2)
    """
    e = check_scalar(extent, "extent", low=0.0, low_inclusive=False)
    k = int(check_scalar(n_lines, "n_lines", low=2, high=100, integer=True))
    n = int(check_scalar(n_points, "n_points", low=2, high=1000, integer=True))
    levels = np.linspace(-e, e, k)
    t = np.linspace(-e, e, n)
    vertical = np.stack([np.broadcast_to(levels[:, None], (k, n)), np.broadcast_to(t, (k, n))], -1)
    horizontal = np.stack(
        [np.broadcast_to(t, (k, n)), np.broadcast_to(levels[:, None], (k, n))], -1
    )
    return np.concatenate([vertical, horizontal], axis=0)


def map_lines(
    lines: Any, weights: Sequence[Any], biases: Sequence[Any], activation: str = "identity"
) -> np.ndarray:
    """Apply the network to every point of polylines of shape (L, P, d) -> (L, P, m)."""
    L = as_float_array(lines, "lines", ndim=3)
    out = forward(L.reshape(-1, L.shape[-1]), weights, biases, activation)
    return out.reshape(L.shape[0], L.shape[1], -1)


def max_bend(lines: Any) -> float:
    """Largest distance of a polyline's points from the chord joining its ends, divided by the
    chord length (0 for straight lines). Shape (L, P, 2)."""
    L = as_float_array(lines, "lines", ndim=3)
    if L.shape[-1] != 2:
        raise ValueError(f"lines must hold 2-D points (last axis of length 2), got shape {L.shape}")
    start, end = L[:, :1, :], L[:, -1:, :]
    chord = end - start  # (L, 1, 2)
    length = np.linalg.norm(chord, axis=-1)  # (L, 1)
    rel = L - start
    # |cross(chord, rel)| / |chord| is the distance to the chord's line.
    cross = np.abs(chord[..., 0] * rel[..., 1] - chord[..., 1] * rel[..., 0])
    ok = length[:, 0] > 1e-12
    if not np.any(ok):
        return 0.0
    return float(np.max(cross[ok] / length[ok] ** 2))


def nonlinear_target(target: str, n_points: int = 41) -> tuple[np.ndarray, np.ndarray]:
    """A small data set no affine map can fit.

    ``"square"``: y = x² at ``n_points`` evenly spaced x in [-1, 1] (shape (n, 1) each).
    ``"xor"``: the four corners of {0, 1}² with y = x₁ XOR x₂ (shapes (4, 2) and (4, 1)).
    """
    if target not in TARGETS:
        raise ValueError(f"target must be one of {list(TARGETS)}, got {target!r}")
    if target == "xor":
        X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
        return X, np.array([[0.0], [1.0], [1.0], [0.0]])
    n = int(check_scalar(n_points, "n_points", low=2, high=10_000, integer=True))
    x = np.linspace(-1.0, 1.0, n)[:, None]
    return x, x**2


@dataclass(frozen=True)
class FitResult:
    """Outcome of :func:`fit_network`: final parameters and the loss after every step."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]
    losses: np.ndarray  # (steps + 1,) mean squared error, before step 1 .. after the last
    activation: str


def fit_network(
    X: Any,
    y: Any,
    hidden: int,
    activation: str,
    seed: int = 0,
    steps: int = 1500,
    lr: float = 0.05,
) -> FitResult:
    """Full-batch gradient descent on the mean squared error of a one-hidden-layer network.

    .. math::  L = \\frac{1}{N}\\sum_i \\|B(x_i) - y_i\\|^2

    Plain backpropagation in numpy: with :math:`a = XW_1^T + b_1`, :math:`h = \\sigma(a)`,
    :math:`\\hat y = hW_2^T + b_2`, :math:`\\delta_2 = 2(\\hat y - y)/N`,
    :math:`\\nabla W_2 = \\delta_2^T h`, :math:`\\delta_1 = (\\delta_2 W_2)\\odot\\sigma'(a)`,
    :math:`\\nabla W_1 = \\delta_1^T X`.

    Initialization: :math:`W_1 \\sim \\mathcal N(0, 1/d)`, biases :math:`b_1 \\sim
    \\mathcal N(0, 0.5^2)` so ReLU kinks start spread over the data, :math:`W_2 \\sim
    \\mathcal N(0, 1/h)`, :math:`b_2 = 0`.

    References
    ----------
    Goodfellow et al. (2016), sections 6.1 and 6.5.
    """
    X_arr = as_float_array(X, "X", ndim=2)
    y_arr = as_float_array(y, "y", ndim=2)
    if X_arr.shape[0] != y_arr.shape[0]:
        raise ValueError(
            f"X and y must have the same number of rows, got {X_arr.shape[0]} and {y_arr.shape[0]}"
        )
    h = int(check_scalar(hidden, "hidden", low=1, high=MAX_WIDTH, integer=True))
    act_name = _check_activation(activation)
    act, dact = ACTIVATIONS[act_name], _DERIVATIVES[act_name]
    seed_i = int(check_scalar(seed, "seed", low=0, integer=True))
    n_steps = int(check_scalar(steps, "steps", low=0, high=100_000, integer=True))
    lr_f = check_scalar(lr, "lr", low=0.0, low_inclusive=False)

    N, d = X_arr.shape
    m = y_arr.shape[1]
    rng = np.random.default_rng(seed_i)
    W1 = rng.normal(0.0, np.sqrt(1.0 / d), size=(h, d))
    b1 = rng.normal(0.0, 0.5, size=h)
    W2 = rng.normal(0.0, np.sqrt(1.0 / h), size=(m, h))
    b2 = np.zeros(m)

    losses = np.empty(n_steps + 1)
    with np.errstate(over="ignore", invalid="ignore"):
        _descend(X_arr, y_arr, W1, b1, W2, b2, act, dact, lr_f, losses)
    return FitResult(weights=[W1, W2], biases=[b1, b2], losses=losses, activation=act_name)


def _descend(X, y, W1, b1, W2, b2, act, dact, lr, losses) -> None:
    """Gradient-descent loop of :func:`fit_network`; updates the parameters in place."""
    N = X.shape[0]
    n_steps = losses.size - 1
    for step in range(n_steps + 1):
        a = X @ W1.T + b1  # (N, h)
        hid = act(a)
        err = hid @ W2.T + b2 - y  # (N, m)
        loss = float(err.ravel() @ err.ravel()) / N
        losses[step] = loss
        if not np.isfinite(loss):
            # Diverged: report it instead of producing NaN parameters silently.
            losses[step:] = np.inf
            return
        if step == n_steps:
            return
        delta2 = 2.0 * err / N  # (N, m)
        gW2, gb2 = delta2.T @ hid, delta2.sum(axis=0)
        delta1 = (delta2 @ W2) * dact(a)  # (N, h)
        gW1, gb1 = delta1.T @ X, delta1.sum(axis=0)
        W1 -= lr * gW1
        b1 -= lr * gb1
        W2 -= lr * gW2
        b2 -= lr * gb2


def best_affine_mse(X: Any, y: Any) -> float:
    """Smallest mean squared error any affine map :math:`Wx+b` reaches (least squares)."""
    X_arr = as_float_array(X, "X", ndim=2)
    y_arr = as_float_array(y, "y", ndim=2)
    if X_arr.shape[0] != y_arr.shape[0]:
        raise ValueError(
            f"X and y must have the same number of rows, got {X_arr.shape[0]} and {y_arr.shape[0]}"
        )
    A = np.hstack([X_arr, np.ones((X_arr.shape[0], 1))])
    coef, *_ = np.linalg.lstsq(A, y_arr, rcond=None)
    r = A @ coef - y_arr
    return float(np.mean(np.sum(r * r, axis=1)))
