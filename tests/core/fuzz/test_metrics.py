"""Fuzz cases of core.metrics."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from core import confusion, metrics
from tests.core.fuzz import framework as fw
from tests.core.fuzz import strategies as sg

# =============================================================================================
# core.metrics
# =============================================================================================
CASES = fw.Cases()
fuzz = CASES.add
mt = metrics
REDUCTION = st.sampled_from(["mean", "sum", "none"])
BAD_REDUCTION = sg.bad_name("avg", "None", valid=("mean", "sum", "none"))


@st.composite
def same_shape_pair(draw: Any, names: tuple[str, str]) -> fw.Kwargs:
    shape = draw(st.sampled_from([((1, 8),), ((1, 4), (1, 3))]))
    a = draw(sg.arrays(shape))
    return {names[0]: a, names[1]: draw(sg.arrays(a.shape))}


def _check_reduced(kw: fw.Kwargs, out: Any, shape: tuple[int, ...]) -> None:
    if kw["reduction"] == "none":
        fw.assert_array(out, shape)
        assert np.all(out >= 0)
    else:
        assert isinstance(out, float)
        fw.assert_float(out, 0.0)


def _bad_pair(name: str, probability: bool = False) -> fw.BadFactory:
    extra: list[Any] = [sg.grow(name)]
    if probability:  # entries outside [0, 1]
        extra += [
            lambda kw: st.just(np.full(np.shape(kw[name]), 1.5)),
            lambda kw: st.just(np.full(np.shape(kw[name]), -0.1)),
        ]
    return sg.bad_array(name, None, *extra)


Y_PAIR = sg.extend(same_shape_pair(("y", "y_hat")), reduction=REDUCTION)
for _loss in (mt.mse, mt.mae):
    fuzz(
        _loss,
        Y_PAIR,
        lambda kw, out: _check_reduced(kw, out, kw["y"].shape),
        {"y": _bad_pair("y"), "y_hat": _bad_pair("y_hat"), "reduction": BAD_REDUCTION},
    )


@st.composite
def distributions(draw: Any, shape: tuple[int, ...]) -> np.ndarray:
    """Rows summing to 1: spread, one-hot or with exact zeros."""
    w = draw(hnp.arrays(np.float64, shape, elements=st.one_of(st.just(0.0), sg.positive())))
    w = np.atleast_2d(w)
    empty = w.sum(axis=-1) == 0
    w[empty, 0] = 1.0
    p = w / w.sum(axis=-1, keepdims=True)
    return p.reshape(shape)


@st.composite
def ce_kwargs(draw: Any) -> fw.Kwargs:
    k = draw(st.integers(1, 5))
    shape = draw(st.sampled_from([(k,), (draw(st.integers(1, 4)), k)]))
    return {
        "p": draw(distributions(shape)),
        "q": draw(distributions(shape)),
        "base": draw(st.one_of(st.sampled_from([math.e, 2.0, 10.0]), BASES)),
    }


BASES = st.floats(1e-6, 1e6).filter(lambda b: b != 1.0)
BAD_BASE = sg.bad_number(1.0, 0.0, -2.0)


def _check_ce(kw: fw.Kwargs, out: Any) -> None:
    assert isinstance(out, float) and not math.isnan(out)
    # documented: inf exactly when the prediction gives 0 to an outcome the target allows
    # (-inf for a base below 1, where every logarithm changes sign)
    if np.any((kw["p"] > 0) & (kw["q"] == 0)):
        assert out == (math.inf if kw["base"] > 1 else -math.inf)
    else:
        fw.assert_float(out)


def _bad_distribution(name: str) -> fw.BadFactory:
    return sg.bad_array(
        name,
        (1, 2),
        sg.grow(name, axis=-1),
        lambda kw: st.just(np.full(np.shape(kw[name]), 0.9)),  # rows do not sum to 1
        lambda kw: st.just(-np.asarray(kw[name])),  # negative entries
        lambda kw: st.just(np.asarray(kw[name]) + 1.0),  # entries above 1
    )


fuzz(
    mt.cross_entropy,
    ce_kwargs(),
    _check_ce,
    {"p": _bad_distribution("p"), "q": _bad_distribution("q"), "base": BAD_BASE},
)


@st.composite
def bce_kwargs(draw: Any) -> fw.Kwargs:
    shape = draw(st.sampled_from([(draw(st.integers(1, 8)),), (2, draw(st.integers(1, 3)))]))
    probs = st.one_of(st.sampled_from([0.0, 1.0, 0.5]), st.floats(0.0, 1.0))
    return {
        "y": draw(hnp.arrays(np.float64, shape, elements=probs)),
        "p": draw(hnp.arrays(np.float64, shape, elements=probs)),
        "base": draw(st.one_of(st.just(math.e), BASES)),
        "reduction": draw(REDUCTION),
    }


def _check_bce(kw: fw.Kwargs, out: Any) -> None:
    y, p = kw["y"], kw["p"]
    infinite = ((y > 0) & (p == 0)) | ((y < 1) & (p == 1))  # documented inf
    values = np.asarray(out)
    assert not np.any(np.isnan(values))
    if kw["reduction"] == "none":
        assert values.shape == y.shape
        assert np.array_equal(np.isinf(values), infinite)
    else:
        assert isinstance(out, float) and math.isinf(out) == bool(infinite.any())


fuzz(
    mt.binary_cross_entropy,
    bce_kwargs(),
    _check_bce,
    {
        "y": _bad_pair("y", probability=True),
        "p": _bad_pair("p", probability=True),
        "base": BAD_BASE,
        "reduction": BAD_REDUCTION,
    },
)


@st.composite
def label_pairs(draw: Any, max_classes: int = 4, min_size: int = 1) -> fw.Kwargs:
    """Class labels of one kind: small ints, huge ints (no lookup table), strings, floats, bools."""
    kind = draw(st.sampled_from(["int", "int", "bigint", "str", "float", "bool"]))
    value = {
        "int": st.integers(-3, 5),
        "bigint": st.integers(-(2**62), 2**62),
        "str": st.text("abcé ", min_size=1, max_size=3),
        "float": st.floats(-1e6, 1e6),
        "bool": st.booleans(),
    }[kind]
    pool = draw(st.lists(value, min_size=1, max_size=max_classes, unique=True))
    n = draw(st.integers(min_size, 12))
    y_true = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))
    y_pred = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))
    extra = draw(value)
    labels = None
    if draw(st.booleans()):
        candidates = list(dict.fromkeys(pool + [extra]))
        labels = draw(st.lists(st.sampled_from(candidates), min_size=1, unique=True))
    return {"y_true": np.array(y_true), "y_pred": np.array(y_pred), "labels": labels}


def _bad_labels(name: str) -> fw.BadFactory:
    def factory(kw: fw.Kwargs) -> st.SearchStrategy:
        arr = np.asarray(kw[name])
        other_kind = (
            np.array(["a"] * arr.size) if arr.dtype.kind not in "US" else np.arange(arr.size)
        )
        return st.sampled_from(
            [
                arr.reshape(1, -1),
                arr[:0],
                np.append(arr, arr[:1]),  # length mismatch
                np.where(np.arange(arr.size) == 0, math.nan, 1.0),
                np.array([math.inf] * arr.size),
                [None] * arr.size,
                other_kind,  # numbers against strings
                "abc",
                None,
                object(),
                {},
            ]
        )

    return factory


def _bad_labels_param(kw: fw.Kwargs) -> st.SearchStrategy:
    y = np.asarray(kw["y_true"])
    first = y[0].item()
    other = "a" if y.dtype.kind not in "US" else 1
    return st.sampled_from([[first, first], [other], [], [[first]], "abc", {}, [math.nan]])


BAD_Y_PAIR = {"y_true": _bad_labels("y_true"), "y_pred": _bad_labels("y_pred")}


def _n_classes(kw: fw.Kwargs) -> int:
    if kw.get("labels") is not None:
        return len(kw["labels"])
    return len(np.unique(np.concatenate([kw["y_true"], kw["y_pred"]])))


def _check_confusion(kw: fw.Kwargs, out: Any) -> None:
    k = _n_classes(kw)
    fw.assert_array(out, (k, k))
    if kw["normalize"] is None:
        assert out.dtype.kind == "i" and np.all(out >= 0)
        if kw["labels"] is None:
            assert out.sum() == len(kw["y_true"])
    else:
        assert np.all((out >= 0) & (out <= 1 + 1e-12))


fuzz(
    mt.confusion_matrix,
    sg.extend(label_pairs(), normalize=st.sampled_from(mt.NORMALIZE_OPTIONS)),
    _check_confusion,
    {
        **BAD_Y_PAIR,
        "labels": _bad_labels_param,
        "normalize": sg.bad_name("rows", valid=mt.NORMALIZE_OPTIONS, none_ok=True),
    },
)


@st.composite
def confusion_counts(draw: Any) -> np.ndarray:
    k = draw(st.integers(2, 5))
    C = draw(hnp.arrays(np.int64, (k, k), elements=st.integers(0, 20)))
    if C.sum() == 0:
        C[0, 0] = 1
    return C.astype(draw(st.sampled_from([np.int64, np.float64])))


def _check_from_confusion(kw: fw.Kwargs, out: Any) -> None:
    y_true, y_pred = out
    C = np.asarray(kw["C"])
    assert y_true.shape == y_pred.shape == (int(C.sum()),)
    k = C.shape[0]
    assert np.array_equal(mt.confusion_matrix(y_true, y_pred, labels=np.arange(k)), C)


fuzz(
    mt.labels_from_confusion,
    sg.kwargs(C=confusion_counts()),
    _check_from_confusion,
    {
        "C": sg.bad_array(
            "C",
            2,
            [[1.0]],
            [[1, 2, 3], [4, 5, 6]],
            np.zeros((2, 2)),
            [[1.5, 0], [0, 1]],
            [[-1, 2], [0, 1]],
            [[5_000_001, 0], [0, 0]],
            [[1e300, 0], [0, 1]],
        )
    },
)
Y_ONLY = label_pairs().map(lambda kw: {"y_true": kw["y_true"], "y_pred": kw["y_pred"]})
for _score in (mt.accuracy, mt.balanced_accuracy):
    fuzz(_score, Y_ONLY, lambda kw, out: fw.assert_float(out, 0.0, 1.0), BAD_Y_PAIR)


def _check_counts(kw: fw.Kwargs, out: Any) -> None:
    k = _n_classes(kw)
    for name in ("tp", "fp", "fn", "tn"):
        a = getattr(out, name)
        assert a.shape == (k,) and np.all(a >= 0)
    assert out.labels.shape == (k,)


fuzz(
    mt.class_counts,
    label_pairs(),
    _check_counts,
    {**BAD_Y_PAIR, "labels": _bad_labels_param},
)
AVERAGE = st.sampled_from(mt.AVERAGE_OPTIONS)
BAD_AVERAGE = sg.bad_name("samples", valid=mt.AVERAGE_OPTIONS, none_ok=True)


def _pos_label(kw: fw.Kwargs) -> st.SearchStrategy:
    return st.one_of(st.sampled_from(list(kw["y_true"]) + [1]), st.none())


def _binary_refusal(kw: fw.Kwargs) -> bool:
    """Documented: average='binary' with more than 2 classes."""
    return kw["average"] == "binary" and _n_classes(kw) > 2


def _check_prf(kw: fw.Kwargs, out: Any) -> None:
    precision, recall, f1, support = out
    if kw["average"] is None:
        k = _n_classes(kw)
        for a in (precision, recall, f1):
            fw.assert_array(a, (k,))
            assert np.all((a >= 0) & (a <= 1))
        assert support.shape == (k,)
    else:
        for a in (precision, recall, f1):
            fw.assert_float(a, 0.0, 1.0)
        assert support is None


PRF = sg.extend(label_pairs(), average=AVERAGE, pos_label=_pos_label)
BAD_PRF = {**BAD_Y_PAIR, "labels": _bad_labels_param, "average": BAD_AVERAGE}
fuzz(mt.precision_recall_f1, PRF, _check_prf, BAD_PRF, refuses=_binary_refusal)


def _check_specificity(kw: fw.Kwargs, out: Any) -> None:
    if kw["average"] is None:
        fw.assert_array(out, (_n_classes(kw),))
        assert np.all((out >= 0) & (out <= 1))
    else:
        fw.assert_float(out, 0.0, 1.0)


fuzz(mt.specificity, PRF, _check_specificity, BAD_PRF, refuses=_binary_refusal)


@st.composite
def binary_scores(draw: Any, max_n: int = 12) -> fw.Kwargs:
    n = draw(st.integers(2, max_n))
    y = draw(hnp.arrays(np.int64, n, elements=st.integers(0, 1)))
    y[0], y[1] = 0, 1  # both classes present
    y = draw(st.permutations(list(y)))
    scores = draw(
        st.one_of(
            sg.arrays((n,), exp=(-6, 6)),
            hnp.arrays(np.float64, n, elements=st.sampled_from([0.0, 0.5, 1.0])),  # many ties
        )
    )
    return {
        "y_true": np.array(y, dtype=draw(st.sampled_from([np.int64, np.float64]))),
        "scores": scores,
    }


def _bad_binary(kw: fw.Kwargs) -> st.SearchStrategy:
    y = np.asarray(kw["y_true"])
    return st.sampled_from(
        [np.zeros_like(y), np.ones_like(y), np.where(y == 1, 2, 0), y[:-1], y * 0.5, [math.nan, 1]]
    )


BAD_BINARY = {
    "y_true": lambda kw: st.one_of(sg.bad_array("y_true", 1)(kw), _bad_binary(kw)),
    "scores": sg.bad_array("scores", 1, sg.grow("scores")),
}


def _check_roc(kw: fw.Kwargs, out: Any) -> None:
    fpr, tpr, thresholds = out
    m = len(np.unique(kw["scores"]))
    for a in (fpr, tpr):
        fw.assert_array(a, (m + 1,))
        assert a[0] == 0 and a[-1] == 1 and np.all(np.diff(a) >= 0)
    assert thresholds.shape == (m + 1,) and thresholds[0] == math.inf  # documented
    fw.assert_finite(thresholds[1:])


fuzz(mt.roc_curve, binary_scores(), _check_roc, BAD_BINARY)
fuzz(mt.roc_auc, binary_scores(), lambda kw, out: fw.assert_float(out, 0.0, 1.0), BAD_BINARY)


def _check_pairs(kw: fw.Kwargs, out: Any) -> None:
    y = np.asarray(kw["y_true"])
    n_pairs = int((y == 1).sum() * (y == 0).sum())
    assert out.credit.shape == (n_pairs,)
    fw.assert_finite(out)
    assert 0.0 <= out.auc <= 1.0


fuzz(mt.ranked_pairs, binary_scores(), _check_pairs, BAD_BINARY)


def _check_generated(kw: fw.Kwargs, out: Any) -> None:
    y, scores = out
    n = kw["n_pos"] + kw["n_neg"]
    fw.assert_array(y, (n,))
    fw.assert_array(scores, (n,))
    assert y.sum() == kw["n_pos"] and np.all((scores >= 0) & (scores <= 1))


fuzz(
    mt.generate_scores,
    sg.kwargs(
        n_pos=st.integers(1, 300),
        n_neg=st.integers(1, 300),
        separation=st.one_of(st.floats(-10, 10), st.sampled_from([-10.0, 10.0])),
        seed=st.integers(0, 2**32 - 1),
    ),
    _check_generated,
    {
        "n_pos": sg.bad_number(0, 5001, integer=True),
        "n_neg": sg.bad_number(0, 5001, integer=True),
        "separation": sg.bad_number(-10.5, 10.5),
        "seed": sg.bad_number(-1, 2**32, integer=True),
    },
)
fuzz(
    mt.binormal_auc,
    sg.kwargs(separation=st.floats(-10, 10)),
    lambda kw, out: fw.assert_float(out, 0.0, 1.0),
    {"separation": sg.bad_number(-10.5, 10.5)},
)


@st.composite
def number_text(draw: Any) -> fw.Kwargs:
    values = draw(st.lists(st.floats(-1e300, 1e300), min_size=1, max_size=20))
    seps = st.sampled_from([",", ", ", ";", " ", "\n", "\t", " ; ", ",,"])
    text = ""
    for v in values:
        text += draw(st.sampled_from([repr(v), f"{v:g}", f"{v:.17e}"])) + draw(seps)
    text = draw(st.sampled_from(["", " ", "\n"])) + text
    low = draw(st.one_of(st.none(), st.just(-1e301)))
    high = draw(st.one_of(st.none(), st.just(1e301)))
    return {"text": text, "name": "values", "max_count": 20, "low": low, "high": high}


def _check_parsed(kw: fw.Kwargs, out: Any) -> None:
    assert out.ndim == 1 and 1 <= out.size <= kw["max_count"]
    fw.assert_finite(out)


fuzz(
    mt.parse_numbers,
    number_text(),
    _check_parsed,
    {
        "text": lambda kw: st.sampled_from(
            [
                None,
                3,
                ["1"],
                b"1 2",
                "",
                " ,; ",
                "1, abc",
                "nan",
                "1 inf",
                "1e400",
                "0x10",
                " ".join(["1"] * 21),
            ]
        ),
        "name": lambda kw: st.sampled_from([None, "", 3, ["values"]]),
        "max_count": sg.bad_number(0, -1, integer=True),
        "low": sg.bad_number(1e302, none_ok=True),  # above high = 1e301, or above every value
        "high": sg.bad_number(-1e302, none_ok=True),
    },
)


def _check_gradient(kw: fw.Kwargs, out: Any, grad: Any) -> None:
    """The documented per-entry formula, -2 r / N (MSE) or -sign(r) / N (MAE)."""
    y, y_hat = np.asarray(kw["y"], float), np.asarray(kw["y_hat"], float)
    fw.assert_array(out, y_hat.shape)
    np.testing.assert_allclose(out, grad(y - y_hat) / y.size, rtol=1e-12, atol=0)


Y_PAIR_ONLY = same_shape_pair(("y", "y_hat"))
BAD_GRAD = {"y": _bad_pair("y"), "y_hat": _bad_pair("y_hat")}
fuzz(
    mt.mse_gradient,
    Y_PAIR_ONLY,
    lambda kw, out: _check_gradient(kw, out, lambda r: -2 * r),
    BAD_GRAD,
)
fuzz(
    mt.mae_subgradient,
    Y_PAIR_ONLY,
    lambda kw, out: _check_gradient(kw, out, lambda r: -np.sign(r)),
    BAD_GRAD,
)


def _check_slope(kw: fw.Kwargs, out: Any) -> None:
    """The sum of the per-entry gradients at the constant prediction c."""
    y = np.asarray(kw["y"], float)
    c = np.full(y.shape, float(kw["c"]))
    grad = mt.mse_gradient if kw["loss"] == "mse" else mt.mae_subgradient
    fw.assert_float(out)
    np.testing.assert_allclose(out, np.sum(grad(y, c)), rtol=1e-9, atol=1e-12 * np.abs(y).max())


fuzz(
    mt.slope_at_constant,
    sg.kwargs(loss=st.sampled_from(["mse", "mae"]), y=sg.arrays((1, 8)), c=sg.real()),
    _check_slope,
    {
        "loss": sg.bad_name("MSE", "huber", valid=("mse", "mae")),
        "y": sg.bad_array("y", None),
        "c": sg.bad_number(),
    },
)


def _check_confusion_report(kw: fw.Kwargs, out: Any) -> None:
    """Counts back as labels, and the scores of those labels (core.metrics' own, checked
    against scikit-learn in tests/core/test_metrics.py)."""
    C = np.asarray(kw["table"])
    fw.assert_finite(out)
    assert out.support.sum() == C.sum()
    assert 0.0 <= out.accuracy <= 1.0 and 0.0 <= out.balanced_accuracy <= 1.0
    table = C if kw["rows"] == "true" else C.T
    np.testing.assert_allclose(out.accuracy, np.trace(table) / table.sum(), rtol=1e-12)


fuzz(
    mt.confusion_report,
    sg.kwargs(table=confusion_counts(), rows=st.sampled_from(["true", "predicted"])),
    _check_confusion_report,
    {
        "table": sg.bad_array(
            "table", 2, [[1.0]], [[1, 2, 3], [4, 5, 6]], np.zeros((2, 2)), [[-1, 2], [0, 1]]
        ),
        "rows": sg.bad_name("rows", "TRUE", valid=("true", "predicted")),
    },
)


# ---------------------------------------------------------------------------------- one-vs-rest
@st.composite
def ovr_scores(draw: Any, max_n: int = 14) -> fw.Kwargs:
    k = draw(st.integers(2, 5))
    n = draw(st.integers(k, max_n))
    y = np.r_[np.arange(k), draw(hnp.arrays(np.int64, n - k, elements=st.integers(0, k - 1)))]
    y = np.array(draw(st.permutations(list(y))))
    scores = draw(
        st.one_of(
            sg.arrays((n, k), exp=(-6, 6)),
            hnp.arrays(np.float64, (n, k), elements=st.sampled_from([0.0, 0.5, 1.0])),  # ties
        )
    )
    average = draw(st.sampled_from(["macro", "weighted", None]))
    return {
        "y_true": y.astype(draw(st.sampled_from([np.int64, np.float64]))),
        "scores": scores,
        "average": average,
    }


def _bad_ovr_labels(kw: fw.Kwargs) -> st.SearchStrategy:
    y = np.asarray(kw["y_true"])
    k = np.asarray(kw["scores"]).shape[1]
    return st.sampled_from(
        [np.zeros_like(y), np.where(y == 0, k, y), y[:-1], y + 0.5, np.where(y == 0, -1, y)]
    )


BAD_OVR = {
    "y_true": lambda kw: st.one_of(sg.bad_array("y_true", 1)(kw), _bad_ovr_labels(kw)),
    "scores": sg.bad_array(
        "scores",
        2,
        sg.grow("scores"),
        lambda kw: st.just(np.asarray(kw["scores"])[:, :1]),
        lambda kw: st.just(np.asarray(kw["scores"])[:, :-1]),
    ),
}


def _check_ovr(kw: fw.Kwargs, out: Any) -> None:
    if kw.get("average") is None:
        fw.assert_array(out, (np.asarray(kw["scores"]).shape[1],))
        assert np.all((out >= 0) & (out <= 1))
    else:
        fw.assert_float(out, 0.0, 1.0)


fuzz(
    mt.roc_auc_ovr,
    ovr_scores(),
    _check_ovr,
    {
        **BAD_OVR,
        "average": sg.bad_name("micro", "MACRO", valid=("macro", "weighted"), none_ok=True),
    },
)


def _check_ovr_curves(kw: fw.Kwargs, out: Any) -> None:
    assert len(out) == np.asarray(kw["scores"]).shape[1]
    for fpr, tpr in out:
        for a in (fpr, tpr):
            fw.assert_finite(a)
            assert a[0] == 0 and a[-1] == 1 and np.all(np.diff(a) >= 0)


fuzz(
    mt.ovr_roc_curves,
    ovr_scores().map(lambda kw: {k: v for k, v in kw.items() if k != "average"}),
    _check_ovr_curves,
    BAD_OVR,
)


def _check_counts_sum(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(out, (kw["n_classes"],))
    assert out.sum() == kw["n"] and np.all(out >= 1) and np.all(np.diff(out) <= 0)


fuzz(
    mt.imbalanced_counts,
    sg.kwargs(n_classes=st.integers(2, 10), ratio=st.floats(1.0, 1000.0)).flatmap(
        lambda kw: st.integers(kw["n_classes"], 20_000).map(lambda n: {**kw, "n": n})
    ),
    _check_counts_sum,
    {
        "n": sg.bad_number(1, 20_001, integer=True),
        "n_classes": sg.bad_number(1, 11, integer=True),
        "ratio": sg.bad_number(0.5, 1001.0),
    },
)


def _check_multiclass(kw: fw.Kwargs, out: Any) -> None:
    y, scores = out
    counts = np.asarray(kw["counts"], dtype=np.int64)
    fw.assert_array(y, (counts.sum(),))
    fw.assert_array(scores, (counts.sum(), counts.size))
    assert np.array_equal(np.bincount(y, minlength=counts.size), counts)
    assert np.allclose(scores.sum(axis=1), 1.0) and np.all(scores >= 0)


fuzz(
    mt.generate_multiclass_scores,
    sg.kwargs(
        counts=st.lists(st.integers(1, 200), min_size=2, max_size=10).map(np.array),
        separation=st.floats(0.0, 10.0),
        seed=st.integers(0, 2**32 - 1),
    ),
    _check_multiclass,
    {
        "counts": sg.bad_array(
            "counts",
            1,
            st.just(np.array([3])),
            st.just(np.array([2, 0])),
            st.just(np.array([2.5, 3])),
            st.just(np.ones(11)),
            st.just(np.array([20_000, 1])),
        ),
        "separation": sg.bad_number(-0.5, 10.5),
        "seed": sg.bad_number(-1, 2**32, integer=True),
    },
)


test_valid_input_gives_finite_output, test_invalid_input_raises_only_value_error = CASES.tests()

# The losses page's best constants and LaTeX lines (moved from the page to core).
LOSS_NAME = st.sampled_from(["mse", "mae"])
BAD_LOSS_NAME = sg.bad_name("MSE", valid=("mse", "mae"))


def _check_constant_losses(kw: fw.Kwargs, out: Any) -> None:
    fw.assert_array(out, kw["c"].shape)
    assert np.all(out >= 0)


fuzz(
    mt.best_constant,
    sg.kwargs(loss=LOSS_NAME, y=sg.arrays(((1, 8),))),
    lambda kw, out: fw.assert_float(out, float(np.min(kw["y"])), float(np.max(kw["y"]))),
    {"loss": BAD_LOSS_NAME, "y": sg.bad_array("y", None)},
)
fuzz(
    mt.loss_of_constants,
    sg.kwargs(loss=LOSS_NAME, y=sg.arrays(((1, 8),)), c=sg.arrays(((1, 8),))),
    _check_constant_losses,
    {"loss": BAD_LOSS_NAME, "y": sg.bad_array("y", 1), "c": sg.bad_array("c", 1)},
)


@st.composite
def one_hot_ce_kwargs(draw: Any) -> fw.Kwargs:
    k = draw(st.integers(1, 5))
    return {
        "true_class": draw(st.integers(0, k - 1)),
        "q": draw(distributions((k,))),
        "base": draw(st.one_of(st.sampled_from([math.e, 2.0, 10.0]), BASES)),
    }


fuzz(
    mt.one_hot_cross_entropy_latex,
    one_hot_ce_kwargs(),
    lambda kw, out: fw.assert_latex_line(out),
    {
        "true_class": sg.bad_number(-1, 99, integer=True),
        "q": _bad_distribution("q"),
        "base": BAD_BASE,
    },
)

NAMES_EN_ES = st.sampled_from(["Balanced accuracy", "Exactitud balanceada", "P", ""])
BAD_NAME_ARG: fw.BadFactory = lambda kw: st.sampled_from([None, 1.0, b"bytes", ["a"]])  # noqa: E731
fuzz(
    confusion.macro_means_latex,
    sg.kwargs(
        report=st.tuples(confusion_counts(), st.sampled_from(mt.ROWS_OPTIONS)).map(
            lambda args: confusion.confusion_report(*args)
        ),
        balanced_name=NAMES_EN_ES,
        macro_precision_name=NAMES_EN_ES,
        accuracy_name=NAMES_EN_ES,
    ),
    lambda kw, out: [fw.assert_latex_line(line) for line in out] and None,
    {
        "report": lambda kw: st.sampled_from([None, np.eye(2), "report", kw["report"].C]),
        "balanced_name": BAD_NAME_ARG,
        "macro_precision_name": BAD_NAME_ARG,
        "accuracy_name": BAD_NAME_ARG,
    },
)
