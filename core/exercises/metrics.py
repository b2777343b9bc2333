"""Exercises on losses and metrics (slides): cross-entropy, the confusion matrix, ROC AUC."""

from __future__ import annotations

import math

import numpy as np

from core import confusion, metrics, roc
from core.exercises._base import Field, Spec, floats, matrix, num, row

# --- losses_metrics.cross_entropy ---------------------------------------------------------------


def _ce_draw(rng: np.random.Generator) -> dict:
    while True:
        k = int(rng.integers(3, 5))
        twentieths = rng.multinomial(20 - k, np.ones(k) / k) + 1  # every class >= 0.05
        p = [round(int(c) / 20, 2) for c in twentieths]
        target = int(rng.integers(k))
        if p[target] == 1.0:
            continue
        return {"p": p, "target": target, "base": 2 if rng.random() < 0.5 else "e"}


def _ce_base(p: dict) -> float:
    return 2.0 if p["base"] == 2 else math.e


def _ce_solve(p: dict) -> dict:
    one_hot = np.eye(len(p["p"]))[p["target"]]
    return {"loss": metrics.cross_entropy(one_hot, p["p"], base=_ce_base(p))}


def _log(p: dict) -> str:
    return r"\log_2" if p["base"] == 2 else r"\ln"


def _ce_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    q = p["p"][p["target"]]
    return [
        ("one_hot", {"q": num(q), "index": str(p["target"])}),
        ("loss", {"log": _log(p), "q": num(q), "loss": num(ans["loss"])}),
    ]


CROSS_ENTROPY = Spec(
    "losses_metrics.cross_entropy",
    _ce_draw,
    _ce_solve,
    lambda p: (Field("loss", "real"),),
    lambda p: {
        "p": row(p["p"]),
        "target": str(p["target"]),
        "K": str(len(p["p"])),
        "log": _log(p),
        "unit": "bits" if p["base"] == 2 else "nats",
    },
    _ce_steps,
)

# --- losses_metrics.confusion ---------------------------------------------------------------------


def _confusion_draw(rng: np.random.Generator) -> dict:
    while True:
        k = int(rng.integers(2, 4))
        sizes = rng.integers(4, 31, size=k)
        if sizes.max() < 1.5 * sizes.min():
            continue  # unequal classes, so balanced accuracy differs from accuracy
        C = np.zeros((k, k), dtype=int)
        for i, n_i in enumerate(sizes):
            right = int(round(n_i * rng.uniform(0.5, 0.95)))
            C[i, i] = right
            others = [j for j in range(k) if j != i]
            C[i, others] += rng.multinomial(n_i - right, np.ones(k - 1) / (k - 1))
        ans = _confusion_solve({"matrix": C.tolist()})
        if np.all(C.sum(axis=0) > 0) and abs(ans["accuracy"] - ans["balanced_accuracy"]) > 0.02:
            return {"matrix": C.tolist()}


def _confusion_solve(p: dict) -> dict:
    y_true, y_pred = confusion.labels_from_confusion(p["matrix"])
    precision, recall, _, _ = confusion.precision_recall_f1(y_true, y_pred)
    return {
        "accuracy": confusion.accuracy(y_true, y_pred),
        "balanced_accuracy": confusion.balanced_accuracy(y_true, y_pred),
        "precision": floats(precision),
        "recall": floats(recall),
    }


def _confusion_fields(p: dict) -> tuple[Field, ...]:
    k = len(p["matrix"])
    return (
        Field("accuracy", "real"),
        Field("balanced_accuracy", "real"),
        Field("precision", "real", k),
        Field("recall", "real", k),
    )


def _confusion_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    C = np.array(p["matrix"])
    diag = np.diag(C)
    return [
        (
            "accuracy",
            {
                "diag": str(int(diag.sum())),
                "total": str(int(C.sum())),
                "accuracy": num(ans["accuracy"]),
            },
        ),
        ("recall", {"rows": row(C.sum(axis=1)), "recall": row(ans["recall"])}),
        ("balanced", {"balanced": num(ans["balanced_accuracy"])}),
        ("precision", {"cols": row(C.sum(axis=0)), "precision": row(ans["precision"])}),
    ]


CONFUSION = Spec(
    "losses_metrics.confusion",
    _confusion_draw,
    _confusion_solve,
    _confusion_fields,
    lambda p: {"matrix": matrix(p["matrix"]), "K": str(len(p["matrix"]))},
    _confusion_steps,
)

# --- losses_metrics.auc -----------------------------------------------------------------------------


def _auc_draw(rng: np.random.Generator) -> dict:
    while True:
        n_pos, n_neg = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        pos = [int(v) for v in rng.integers(2, 10, size=n_pos)]
        neg = [int(v) for v in rng.integers(1, 9, size=n_neg)]
        if not set(pos) & set(neg):
            continue  # at least one positive and one negative share a score: a tie
        labels = [1] * n_pos + [0] * n_neg
        order = rng.permutation(n_pos + n_neg)
        scores = [(pos + neg)[i] / 10 for i in order]
        labels = [labels[i] for i in order]
        auc = roc.roc_auc(labels, scores)
        if 0.2 < auc < 1.0:
            return {"scores": scores, "labels": labels}


def _auc_steps(p: dict, ans: dict) -> list[tuple[str, dict[str, str]]]:
    pairs = roc.ranked_pairs(p["labels"], p["scores"])
    return [
        ("pairs", {"P": str(sum(p["labels"])), "N": str(len(p["labels"]) - sum(p["labels"]))}),
        (
            "count",
            {
                "correct": str(int(np.sum(pairs.credit == 1.0))),
                "ties": str(int(np.sum(pairs.credit == 0.5))),
                "total": str(pairs.credit.size),
            },
        ),
        ("auc", {"auc": num(ans["auc"])}),
    ]


AUC = Spec(
    "losses_metrics.auc",
    _auc_draw,
    lambda p: {"auc": roc.roc_auc(p["labels"], p["scores"])},
    lambda p: (Field("auc", "real"),),
    lambda p: {"scores": row(p["scores"]), "labels": row(p["labels"])},
    _auc_steps,
)

SPECS = (CROSS_ENTROPY, CONFUSION, AUC)
