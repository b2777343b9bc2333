"""Dropout and the expectation scaling it needs at test time.

During training every input of a unit is kept with probability ``keep_prob`` (the course's
:math:`p`) and zeroed otherwise, with a fresh Bernoulli mask :math:`m` at every forward pass.
A unit computing :math:`z = \\mathbf{w}\\cdot(\\mathbf{m}\\odot\\mathbf{x})` then has
:math:`\\mathbb{E}_m[z] = p\\,\\mathbf{w}\\cdot\\mathbf{x}`, so either the test-time output is
multiplied by :math:`p` ("standard" dropout) or the training output is divided by :math:`p`
("inverted" dropout, what ``torch.nn.Dropout`` does) and test time needs nothing.

Note: ``torch.nn.Dropout(p)`` takes the *drop* probability, i.e. ``1 - keep_prob``.

References
----------
Srivastava, Hinton, Krizhevsky, Sutskever & Salakhutdinov (2014), "Dropout: a simple way to
prevent neural networks from overfitting", JMLR 15, sections 1 and 4.
Goodfellow, Bengio & Courville (2016), *Deep Learning*, section 7.12 (weight scaling rule).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import numpy as np

from core._validate import as_float_array, check_rng, check_scalar, with_latex

MAX_UNITS = 16  # 2**16 masks is the most we enumerate

EXPECTATION_LATEX = (
    r"\mathbb{E}_{\mathbf{m}}\big[\mathbf{w}\cdot(\mathbf{m}\odot\mathbf{x})\big]"
    r"=\sum_{\mathbf{m}\in\{0,1\}^n} p^{|\mathbf{m}|}(1-p)^{n-|\mathbf{m}|}\,"
    r"\mathbf{w}\cdot(\mathbf{m}\odot\mathbf{x}) = p\,\mathbf{w}\cdot\mathbf{x}"
)
INVERTED_LATEX = (
    r"\tilde{\mathbf{x}} = \frac{\mathbf{m}\odot\mathbf{x}}{p},\quad "
    r"m_i\sim\mathrm{Bernoulli}(p),\quad \mathbb{E}[\tilde{\mathbf{x}}]=\mathbf{x}"
)
GAP_LATEX = (
    r"\mathbb{E}_{\mathbf{m}}\big[f(z_{\mathbf{m}})\big]\;\neq\;f\big(\mathbb{E}_{\mathbf{m}}"
    r"[z_{\mathbf{m}}]\big)\quad\text{unless } f \text{ is affine}"
)
MC_LATEX = (
    r"\bar{z}_k=\frac{1}{k}\sum_{j=1}^{k} z_{\mathbf{m}^{(j)}},\qquad "
    r"\mathrm{SE}_k=\frac{s_k}{\sqrt{k}}"
)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # Split by sign so exp never overflows.
    out = np.empty_like(z, dtype=np.float64)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "identity": lambda z: np.asarray(z, dtype=np.float64),
    "sigmoid": _sigmoid,
    "relu": lambda z: np.maximum(np.asarray(z, dtype=np.float64), 0.0),
}


def _check_keep_prob(keep_prob: Any) -> float:
    p = check_scalar(keep_prob, "keep_prob", low=0.0, high=1.0, low_inclusive=False)
    return float(p)


def _activation(activation: str | None) -> Callable[[np.ndarray], np.ndarray]:
    name = "identity" if activation is None else activation
    if not isinstance(name, str) or name not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, got {activation!r}")
    return ACTIVATIONS[name]


def _check_w_x(w: Any, x: Any) -> tuple[np.ndarray, np.ndarray]:
    w_arr = as_float_array(w, "w", ndim=1)
    x_arr = as_float_array(x, "x", ndim=1)
    if w_arr.shape != x_arr.shape:
        raise ValueError(f"w and x must have the same shape, got {w_arr.shape} and {x_arr.shape}")
    if w_arr.size > MAX_UNITS:
        raise ValueError(f"number of inputs must be <= {MAX_UNITS}, got {w_arr.size}")
    return w_arr, x_arr


@with_latex(r"P(\mathbf{m}) = p^{|\mathbf{m}|}\,(1-p)^{\,n-|\mathbf{m}|}")
def enumerate_masks(n_units: int, keep_prob: float) -> tuple[np.ndarray, np.ndarray]:
    """All :math:`2^n` dropout masks and their probabilities.

    Parameters
    ----------
    n_units : int
        Number of inputs :math:`n`, between 1 and ``MAX_UNITS``.
    keep_prob : float
        Probability :math:`p \\in (0, 1]` that a unit is kept.

    Returns
    -------
    masks : ndarray of shape (2**n, n)
        Rows of 0/1, starting with "all kept" and ending with "all dropped".
    probs : ndarray of shape (2**n,)
        :math:`P(\\mathbf{m})`; they sum to 1.

    References
    ----------
    Srivastava et al. (2014), section 4.
    """
    n = check_scalar(n_units, "n_units", low=1, high=MAX_UNITS, integer=True)
    p = _check_keep_prob(keep_prob)
    masks = np.array(list(itertools.product([1, 0], repeat=int(n))), dtype=np.int64)  # (2**n, n)
    kept = masks.sum(axis=1)
    probs = p**kept * (1.0 - p) ** (int(n) - kept)
    return masks, probs


def mask_outputs(
    w: Any,
    x: Any,
    masks: Any,
    keep_prob: float,
    inverted: bool = False,
    activation: str | None = None,
) -> np.ndarray:
    """Training-time output :math:`f(\\mathbf{w}\\cdot(\\mathbf{m}\\odot\\mathbf{x})/s)` per mask.

    ``s`` is ``keep_prob`` for inverted dropout and 1 for standard dropout.

    Returns
    -------
    ndarray of shape (n_masks,)
    """
    w_arr, x_arr = _check_w_x(w, x)
    p = _check_keep_prob(keep_prob)
    f = _activation(activation)
    m = as_float_array(masks, "masks", ndim=2)
    if m.shape[1] != w_arr.size:
        raise ValueError(f"masks must have {w_arr.size} columns, got shape {m.shape}")
    scale = p if inverted else 1.0
    z = (m * x_arr) @ w_arr / scale  # (n_masks,)
    return f(z)


@with_latex(EXPECTATION_LATEX)
def expected_output(w: Any, x: Any, keep_prob: float, inverted: bool = False) -> float:
    """Exact expectation over masks of the linear unit :math:`z = \\mathbf{w}\\cdot(\\mathbf{m}\\odot\\mathbf{x})`.

    Standard dropout gives :math:`p\\,\\mathbf{w}\\cdot\\mathbf{x}`; inverted dropout divides by
    :math:`p` during training, so its expectation is :math:`\\mathbf{w}\\cdot\\mathbf{x}`.

    Parameters
    ----------
    w, x : array_like of shape (n,)
        Weights and inputs of the unit.
    keep_prob : float
        :math:`p \\in (0, 1]`.
    inverted : bool
        Inverted dropout (divide by ``keep_prob`` while training).

    References
    ----------
    Srivastava et al. (2014), section 1; Goodfellow et al. (2016), section 7.12.
    """
    w_arr, x_arr = _check_w_x(w, x)
    p = _check_keep_prob(keep_prob)
    wx = float(w_arr @ x_arr)
    # Linearity of expectation: E[m_i] = p for every input.
    return wx if inverted else p * wx


@with_latex(GAP_LATEX)
def exact_expectation(
    w: Any,
    x: Any,
    keep_prob: float,
    inverted: bool = False,
    activation: str | None = None,
) -> float:
    """:math:`\\mathbb{E}_m[f(z_m)]` computed by enumerating all :math:`2^n` masks.

    With ``activation=None`` (identity) this equals :func:`expected_output`.
    """
    w_arr, x_arr = _check_w_x(w, x)
    masks, probs = enumerate_masks(w_arr.size, keep_prob)
    outs = mask_outputs(w_arr, x_arr, masks, keep_prob, inverted=inverted, activation=activation)
    return float(probs @ outs)


def eval_output(
    w: Any,
    x: Any,
    keep_prob: float,
    inverted: bool = False,
    activation: str | None = None,
) -> float:
    """Deterministic test-time output: :math:`f(p\\,\\mathbf{w}\\cdot\\mathbf{x})` (standard) or
    :math:`f(\\mathbf{w}\\cdot\\mathbf{x})` (inverted) — the weight scaling rule."""
    f = _activation(activation)
    return float(f(np.asarray(expected_output(w, x, keep_prob, inverted=inverted))))


@with_latex(INVERTED_LATEX)
def dropout(
    x: Any, keep_prob: float, rng: np.random.Generator, inverted: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """One dropout pass: keep each entry with probability ``keep_prob``.

    Parameters
    ----------
    x : array_like
        Activations of any shape.
    keep_prob : float
        :math:`p \\in (0, 1]`. (``torch.nn.Dropout`` is given ``1 - keep_prob``.)
    rng : numpy.random.Generator
    inverted : bool
        Divide the kept entries by ``keep_prob`` (default, as PyTorch does).

    Returns
    -------
    y : ndarray, same shape as x
    mask : ndarray of 0/1 (int), same shape as x

    References
    ----------
    Srivastava et al. (2014), section 4.
    """
    x_arr = as_float_array(x, "x")
    p = _check_keep_prob(keep_prob)
    check_rng(rng)
    mask = (rng.random(x_arr.shape) < p).astype(np.int64)
    y = x_arr * mask
    if inverted:
        y = y / p
    return y, mask


def monte_carlo_samples(
    w: Any,
    x: Any,
    keep_prob: float,
    n_samples: int,
    rng: np.random.Generator,
    inverted: bool = False,
    activation: str | None = None,
) -> np.ndarray:
    """``n_samples`` training-time outputs :math:`f(z_m)`, each with a fresh random mask.

    Returns
    -------
    ndarray of shape (n_samples,)
    """
    w_arr, x_arr = _check_w_x(w, x)
    p = _check_keep_prob(keep_prob)
    n = check_scalar(n_samples, "n_samples", low=1, high=1_000_000, integer=True)
    check_rng(rng)
    masks = (rng.random((int(n), w_arr.size)) < p).astype(np.float64)  # (n_samples, n)
    return mask_outputs(w_arr, x_arr, masks, p, inverted=inverted, activation=activation)


@with_latex(MC_LATEX)
def running_stats(samples: Any) -> tuple[np.ndarray, np.ndarray]:
    """Running mean :math:`\\bar z_k` and standard error :math:`s_k/\\sqrt{k}` (ddof = 1).

    The standard error of the first sample is undefined and returned as NaN.
    """
    s = as_float_array(samples, "samples", ndim=1)
    k = np.arange(1, s.size + 1, dtype=np.float64)
    mean = np.cumsum(s) / k
    # One-pass variance on data shifted by the first sample: avoids the cancellation of
    # sum(s**2) - (sum s)**2 / k when the mean is large compared with the spread.
    shift = s[0]
    d = s - shift
    sum_d = np.cumsum(d)
    sum_d2 = np.cumsum(d * d)
    with np.errstate(invalid="ignore", divide="ignore"):
        var = np.maximum(sum_d2 - sum_d**2 / k, 0.0) / (k - 1)
        se = np.sqrt(var / k)
    se[0] = np.nan
    return mean, se


def monte_carlo_means(
    w: Any,
    x: Any,
    keep_prob: float,
    n_samples: int,
    rng: np.random.Generator,
    inverted: bool = False,
    activation: str | None = None,
) -> np.ndarray:
    """Running means of Monte-Carlo dropout outputs; they converge to :func:`exact_expectation`.

    Parameters
    ----------
    w, x : array_like of shape (n,)
    keep_prob : float
        :math:`p \\in (0, 1]`.
    n_samples : int
    rng : numpy.random.Generator
    inverted : bool
    activation : {None, "identity", "sigmoid", "relu"}
        Applied after the weighted sum.

    Returns
    -------
    ndarray of shape (n_samples,)
        :math:`\\bar z_k` for k = 1..n_samples. Use :func:`monte_carlo_samples` with
        :func:`running_stats` (same ``rng`` state gives the same samples) for the
        standard-error band.
    """
    samples = monte_carlo_samples(w, x, keep_prob, n_samples, rng, inverted, activation)
    return running_stats(samples)[0]
