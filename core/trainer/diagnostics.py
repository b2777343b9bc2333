"""Diagnostics of a run: the sharpness lambda_max, a learning rate to try, the majority baseline."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from core._validate import check_scalar, with_latex
from core.trainer.config import TrainConfig
from core.trainer.objective import _penalty, _weights

STABILITY_LATEX = (
    r"\eta\,\lambda_{\max} < 2 \;\Longleftrightarrow\; \eta < \frac{2}{\lambda_{\max}}"
)


@dataclass(frozen=True)
class MajorityBaseline:
    """How a classifier compares with always answering the most frequent class."""

    majority_class: int  # most frequent true class
    majority_share: float  # its share of the labels: the accuracy of a constant answer
    top_pred_class: int  # most frequent predicted class
    top_pred_share: float  # share of the predictions that name it
    accuracy: float
    chance: float  # 1 / n_classes: the accuracy of a uniformly random guess
    constant: bool  # no better than a constant answer, and most predictions name one class


def majority_baseline(
    y_true: Any,
    y_pred: Any,
    n_classes: int | None = None,
    tol: float = 0.01,
    min_top_share: float = 0.5,
) -> MajorityBaseline:
    r"""Compare an accuracy with the share of the largest class.

    A network that outputs the same class for every input scores exactly that class's share,
    :math:`\max_k n_k / n`. ``constant`` flags an accuracy within ``tol`` of it (or below)
    when at least ``min_top_share`` of the predictions name a single class: a collapsed
    network (e.g. a dead ReLU bottleneck), not one at chance level. An untrained network also
    scores about 1/K, but spreads its answers over the classes and is not flagged.

    Parameters
    ----------
    y_true, y_pred : array of int, shape (n,)
    n_classes : int, optional
        Number of classes (default: 1 + the largest label seen).
    tol : float
        Margin above the majority share that still counts as "no better", in [0, 1].
    min_top_share : float
        Share of the predictions that one class must take, in [0, 1].
    """
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError(
            f"y_true and y_pred must be 1-D of the same length >= 1, got shapes "
            f"{y_true.shape} and {y_pred.shape}"
        )
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if not np.issubdtype(y.dtype, np.integer) or y.min() < 0:
            raise ValueError(f"{name} must hold class indices >= 0")
    tol = check_scalar(tol, "tol", low=0.0, high=1.0)
    min_top_share = check_scalar(min_top_share, "min_top_share", low=0.0, high=1.0)
    k = int(max(y_true.max(), y_pred.max())) + 1
    if n_classes is not None:
        n_classes = int(check_scalar(n_classes, "n_classes", low=k, integer=True))
        k = n_classes
    n = y_true.size
    true_counts = np.bincount(y_true, minlength=k)
    pred_counts = np.bincount(y_pred, minlength=k)
    share = float(true_counts.max() / n)
    top_share = float(pred_counts.max() / n)
    acc = float(np.mean(y_true == y_pred))
    return MajorityBaseline(
        majority_class=int(true_counts.argmax()),
        majority_share=share,
        top_pred_class=int(pred_counts.argmax()),
        top_pred_share=top_share,
        accuracy=acc,
        chance=1.0 / k,
        constant=acc <= share + tol and top_share >= min_top_share,
    )


def estimate_lambda_max(
    model: nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    l2_strength: float = 0.0,
    iters: int = 20,
    seed: int = 0,
) -> float:
    r"""Largest Hessian eigenvalue (in magnitude) of the training loss on one batch.

    Power iteration :math:`v \leftarrow Hv/\|Hv\|` with Hessian-vector products from double
    backpropagation (Pearlmutter, 1994); the model is evaluated in evaluation mode (no dropout
    noise). Gradient descent on a quadratic is stable only for :math:`\eta < 2/\lambda_{max}`.
    ``l2_strength`` (λ of the objective) adds its penalty's curvature to the loss's.
    """
    was_training = model.training
    model.eval()
    params = [p for p in model.parameters() if p.requires_grad]
    with torch.enable_grad():
        loss = F.cross_entropy(model(x), y)
        pen = _penalty(_weights(model), 0.0, l2_strength)
        if pen is not None:
            loss = loss + pen
        grads = torch.autograd.grad(loss, params, create_graph=True)
        gen = torch.Generator().manual_seed(seed)
        v = [torch.randn(p.shape, generator=gen) for p in params]
        norm = math.sqrt(sum(float((t * t).sum()) for t in v))
        v = [t / norm for t in v]
        lambda_max = 0.0
        for _ in range(iters):
            hv = torch.autograd.grad(
                grads, params, grad_outputs=v, retain_graph=True, allow_unused=True
            )
            hv = [torch.zeros_like(p) if h is None else h for h, p in zip(hv, params, strict=True)]
            norm = math.sqrt(sum(float((h * h).sum()) for h in hv))
            if not math.isfinite(norm) or norm == 0.0:
                break
            lambda_max = norm
            v = [h / norm for h in hv]
    model.train(was_training)
    return lambda_max


def _round_down_125(x: float) -> float:
    """Largest number of the form {1, 2, 5} x 10^k that is <= x."""
    if x <= 0 or not math.isfinite(x):
        return x
    k = math.floor(math.log10(x))
    for m in (5, 2, 1):
        if m * 10**k <= x * (1 + 1e-12):
            return float(f"{m * 10**k:.3g}")
    return float(f"{10 ** (k - 1) * 5:.3g}")


_ADAPTIVE_LR_CAP = {"adagrad": 0.1, "rmsprop": 0.01, "adam": 0.01, "adadelta": 1.0}


@with_latex(STABILITY_LATEX)
def suggest_lr(config: TrainConfig, lambda_max: float | None) -> float:
    """A learning rate to try after a divergence, rounded down to 1, 2 or 5 times a power of 10.

    At most ``lr / 10``. For the SGD family with momentum beta, also at most half the
    quadratic stability limit ``2 (1 + beta) / lambda_max``. Adaptive methods scale each step
    to about ``lr`` per weight whatever the curvature, so they are capped instead at a usual
    value (Adam and RMSprop 0.01, Adagrad 0.1, Adadelta 1). Gradient descent on a quadratic
    is stable exactly when the condition below holds (Goodfellow et al. 2016, 4.3.1).
    """
    cap = config.lr / 10
    if config.optimizer in _ADAPTIVE_LR_CAP:
        cap = min(cap, _ADAPTIVE_LR_CAP[config.optimizer])
    elif lambda_max and lambda_max > 0:
        beta = config.optimizer_kwargs.get("momentum", 0.0)
        cap = min(cap, (1 + beta) / lambda_max)
    return _round_down_125(cap)
