"""What the loop minimizes and how it scores a model: the penalty and the evaluation."""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

OBJECTIVE_LATEX = (
    r"J(\theta) = -\frac{1}{B}\sum_{i=1}^{B} \log \operatorname{softmax}"
    r"\big(f_\theta(x_i)\big)_{y_i} + \alpha \sum |W| + \frac{\lambda}{2} \sum W^2"
)

EVAL_BATCH = 8192


@dataclass(frozen=True)
class Evaluation:
    loss: float  # mean cross-entropy
    acc: float
    probs: torch.Tensor | None = None  # (n, n_classes) when asked for


@torch.inference_mode()
def evaluate(
    model: nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    idx: torch.Tensor | None = None,
    return_probs: bool = False,
    batch_size: int = EVAL_BATCH,
) -> Evaluation:
    """Mean cross-entropy and accuracy of ``model`` (evaluation mode) on ``x[idx]``, in large
    batches, without building a graph. The model's train/eval mode is restored afterwards."""
    was_training = model.training
    model.eval()
    n = int(idx.shape[0]) if idx is not None else int(x.shape[0])
    total, correct, probs = 0.0, 0, []
    for start in range(0, n, batch_size):
        if idx is not None:
            sel = idx[start : start + batch_size]
            xb, yb = x.index_select(0, sel), y.index_select(0, sel)
        else:
            xb, yb = x[start : start + batch_size], y[start : start + batch_size]
        logits = model(xb)
        total += float(F.cross_entropy(logits, yb, reduction="sum"))
        correct += int((logits.argmax(1) == yb).sum())
        if return_probs:
            probs.append(torch.softmax(logits, dim=1))
    model.train(was_training)
    return Evaluation(
        loss=total / max(n, 1),
        acc=correct / max(n, 1),
        probs=torch.cat(probs) if return_probs else None,
    )


def _weights(model: nn.Module) -> list[torch.Tensor]:
    """The weight matrices the penalties act on: every ``nn.Linear``'s weight, no biases and no
    batch-norm parameters."""
    return [m.weight for m in model.modules() if isinstance(m, nn.Linear)]


def _penalty(
    weights: list[torch.Tensor], l1_strength: float, l2_strength: float
) -> torch.Tensor | None:
    r"""Regularization term :math:`\alpha \sum|W| + \tfrac{\lambda}{2}\sum W^2`, with
    α = ``l1_strength`` and λ = ``l2_strength`` (``TrainConfig.l1`` / ``.l2``)."""
    term = None
    if l1_strength:
        term = l1_strength * sum(w.abs().sum() for w in weights)
    if l2_strength:
        sq = 0.5 * l2_strength * sum(w.pow(2).sum() for w in weights)
        term = sq if term is None else term + sq
    return term
