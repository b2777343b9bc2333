"""core.exercises: every answer recomputed from ``params`` without the core function that made it.

For 200 seeds of each exercise the oracle is numpy / torch / scikit-learn (``np.linalg.pinv``,
``F.batch_norm``, ``torch.optim.Adam``, ``torch.optim.lr_scheduler``, ``sklearn.metrics``,
``torch.nn.init`` statistics) or, where no library has the computation (early stopping, the
soft-threshold minimizer), a second implementation written differently.
"""

from __future__ import annotations

import functools
import itertools
import math
import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from sklearn import metrics as skm
from torch import nn
from torch.optim import lr_scheduler as L

from core.exercises import EXERCISES, generate

SEEDS = range(200)
TOL = dict(rtol=1e-9, atol=1e-9)


@functools.cache
def draws(exercise_id: str) -> tuple:
    return tuple(generate(exercise_id, seed) for seed in SEEDS)


def test_every_exercise_has_an_oracle_here():
    tested = {name.removeprefix("test_").replace("__", ".") for name in globals()}
    assert set(EXERCISES) <= tested, set(EXERCISES) - tested


def test_least_squares__min_norm():
    for ex in draws("least_squares.min_norm"):
        X, y = np.array(ex.params["X"], dtype=float), np.array(ex.params["y"], dtype=float)
        rank = np.linalg.matrix_rank(X)
        assert ex.answer["rank"] == rank < X.shape[1]
        assert ex.answer["unique"] == int(rank == X.shape[1]) == 0
        np.testing.assert_allclose(ex.answer["w"], np.linalg.pinv(X) @ y, **TOL)
        w_lstsq = np.linalg.lstsq(X, y, rcond=None)[0]  # also the minimum-norm solution
        np.testing.assert_allclose(ex.answer["w"], w_lstsq, **TOL)


def test_l1_proximal__soft_threshold():
    # The objective 1/2 H (w - w*)^2 + alpha |w| is convex and piecewise quadratic: its minimizer
    # is 0 or one of the two stationary points w* -+ alpha / H. Take the best of the three.
    for ex in draws("l1_proximal.soft_threshold"):
        alpha = ex.params["alpha"]
        for w_star, H, got in zip(ex.params["w_star"], ex.params["H"], ex.answer["w"], strict=True):

            def objective(w, w_star=w_star, H=H, alpha=alpha):
                return 0.5 * H * (w - w_star) ** 2 + alpha * abs(w)

            candidates = [0.0, w_star - alpha / H, w_star + alpha / H]
            best = min(candidates, key=objective)
            assert math.isclose(got, best, abs_tol=1e-12), (ex.seed, w_star, H, alpha)


def test_linear_networks__collapse():
    for ex in draws("linear_networks.collapse"):
        p = ex.params
        W1, W2 = (
            torch.tensor(p["W1"], dtype=torch.float64),
            torch.tensor(p["W2"], dtype=torch.float64),
        )
        (h, d), m = W1.shape, W2.shape[0]
        net = nn.Sequential(nn.Linear(d, h), nn.Linear(h, m)).double()
        with torch.no_grad():
            net[0].weight.copy_(W1)
            net[0].bias.copy_(torch.tensor(p["b1"], dtype=torch.float64))
            net[1].weight.copy_(W2)
            net[1].bias.copy_(torch.tensor(p["b2"], dtype=torch.float64))
            b = net(torch.zeros(1, d, dtype=torch.float64))[0]
            W = (net(torch.eye(d, dtype=torch.float64)) - b).T  # column j = f(e_j) - f(0)
        assert ex.answer["b"] == b.tolist()
        assert ex.answer["W"] == W.reshape(-1).tolist()
        assert ex.answer["rank"] == np.linalg.matrix_rank(W.numpy())
        assert ex.answer["params_A"] == sum(q.numel() for q in nn.Linear(d, m).parameters())
        assert ex.answer["params_B"] == sum(q.numel() for q in net.parameters())


XOR_X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], dtype=torch.float64)
XOR_Y = np.array([0.0, 1.0, 1.0, 0.0])


def _best_fit_residual(features: np.ndarray) -> float:
    """Smallest squared error of an output layer (weights + bias) on these features."""
    A = np.hstack([features, np.ones((4, 1))])
    coef = np.linalg.lstsq(A, XOR_Y, rcond=None)[0]
    return float(np.sum((A @ coef - XOR_Y) ** 2))


def test_linear_networks__xor_fit():
    acts = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid}
    for ex in draws("linear_networks.xor_fit"):
        p = ex.params
        # C, and A whatever its (linear) hidden layer, are affine: their best fit misses XOR.
        assert _best_fit_residual(XOR_X.numpy()) > 0.9
        W1 = torch.randn(
            p["h_A"], 2, dtype=torch.float64, generator=torch.Generator().manual_seed(ex.seed)
        )
        assert _best_fit_residual((XOR_X @ W1.T).numpy()) > 0.9
        # B: two units reading x1 + x2 with different offsets, the others off, fit it exactly.
        W1 = torch.zeros(p["h_B"], 2, dtype=torch.float64)
        W1[:2] = 1.0
        b1 = torch.zeros(p["h_B"], dtype=torch.float64)
        b1[:2] = torch.tensor([-0.5, -1.5], dtype=torch.float64)
        hidden = acts[p["activation"]](XOR_X @ W1.T + b1).numpy()
        assert _best_fit_residual(hidden) < 1e-18
        assert ex.answer["answer"] == "B"
        assert set(ex.fields[0].choices) == {"A", "B", "C", "AB", "none"}


def test_batch_norm__forward():
    for ex in draws("batch_norm.forward"):
        p = ex.params
        x = torch.tensor(p["x"], dtype=torch.float64)[:, None]
        y = F.batch_norm(
            x,
            None,
            None,
            weight=torch.tensor([p["gamma"]], dtype=torch.float64),
            bias=torch.tensor([p["beta"]], dtype=torch.float64),
            training=True,
            eps=p["eps"],
        )
        assert math.isclose(ex.answer["mu"], float(x.mean()), abs_tol=1e-12)
        assert math.isclose(ex.answer["var"], float(x.var(unbiased=False)), abs_tol=1e-12)
        np.testing.assert_allclose(ex.answer["y"], y[:, 0].numpy(), **TOL)


def test_batch_norm__running_mean():
    for ex in draws("batch_norm.running_mean"):
        p = ex.params
        running_mean = torch.tensor([p["running0"]], dtype=torch.float64)
        running_var = torch.ones(1, dtype=torch.float64)
        for mu_B in p["batch_means"]:
            batch = torch.tensor([[mu_B - 0.3], [mu_B], [mu_B + 0.3]], dtype=torch.float64)
            F.batch_norm(batch, running_mean, running_var, training=True, momentum=p["momentum"])
        assert math.isclose(ex.answer["running_mean"], float(running_mean[0]), abs_tol=1e-12)


def test_dropout__expectation():
    for ex in draws("dropout.expectation"):
        w, x, keep = np.array(ex.params["w"]), np.array(ex.params["x"]), ex.params["p_keep"]
        expected = 0.0
        for mask in itertools.product((0, 1), repeat=len(w)):
            m = np.array(mask)
            expected += keep ** m.sum() * (1 - keep) ** (len(m) - m.sum()) * float(w @ (m * x))
        assert math.isclose(ex.answer["expected"], expected, abs_tol=1e-12)
        layer = nn.Dropout(p=1 - keep).train()
        kept = layer(torch.ones(2000, dtype=torch.float64))
        scale = float(kept[kept != 0][0])  # torch's inverted dropout scales the kept inputs
        assert math.isclose(ex.answer["scale_inverted"], scale, rel_tol=1e-12)


def test_optimizers__adam_steps():
    for ex in draws("optimizers.adam_steps"):
        p = ex.params
        theta = torch.tensor([p["theta0"]], dtype=torch.float64, requires_grad=True)
        opt = torch.optim.Adam([theta], lr=p["lr"], betas=(p["beta1"], p["beta2"]), eps=p["eps"])
        for g in p["grads"]:
            theta.grad = torch.tensor([g], dtype=torch.float64)
            opt.step()
        assert math.isclose(ex.answer["theta"], float(theta.detach()[0]), abs_tol=1e-12)


def _torch_scheduler(p: dict, opt):
    if p["schedule"] == "step":
        return L.StepLR(opt, step_size=p["step_size"], gamma=p["gamma"])
    if p["schedule"] == "exponential":
        return L.ExponentialLR(opt, gamma=p["gamma"])
    if p["schedule"] == "inverse_time":
        return L.LambdaLR(opt, lambda t: 1.0 / (1.0 + p["k"] * t))
    return L.CosineAnnealingLR(opt, T_max=p["T_max"], eta_min=p["eta_min"])


def test_lr_schedules__value():
    for ex in draws("lr_schedules.value"):
        p = ex.params
        opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=p["lr0"])
        scheduler = _torch_scheduler(p, opt)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "step() before optimizer.step()" chatter
            for _ in range(p["epoch"]):
                opt.step()
                scheduler.step()
        assert math.isclose(ex.answer["lr"], opt.param_groups[0]["lr"], rel_tol=1e-9)


def test_activations_init__init_scale():
    init = {
        "xavier_normal": lambda w: nn.init.xavier_normal_(w),
        "xavier_uniform": lambda w: nn.init.xavier_uniform_(w),
        "he_normal": lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu"),
        "he_uniform": lambda w: nn.init.kaiming_uniform_(w, nonlinearity="relu"),
    }
    torch.manual_seed(0)
    for ex in draws("activations_init.init_scale"):
        p = ex.params
        layer = nn.Linear(p["fan_in"], p["fan_out"])  # weight of shape (fan_out, fan_in)
        samples = []
        for _ in range(math.ceil(20_000 / layer.weight.numel())):
            with torch.no_grad():
                samples.append(init[p["scheme"]](layer.weight).clone().reshape(-1))
        w = torch.cat(samples).double()
        value = ex.answer["value"]
        if p["scheme"].endswith("uniform"):
            assert float(w.abs().max()) <= value * (1 + 1e-6)
            assert float(w.abs().max()) >= value * 0.995
            std = value / math.sqrt(3)
        else:
            std = value
        assert math.isclose(float(w.std()), std, rel_tol=0.03), (ex.seed, p)
        gain = nn.init.calculate_gain("relu" if p["scheme"].startswith("he") else "linear")
        if p["scheme"] == "he_normal":
            assert math.isclose(value, gain / math.sqrt(p["fan_in"]), rel_tol=1e-12)


def _early_stopping_numpy(losses: list[float], patience: int) -> tuple[int, int]:
    """Stop at the first epoch t (1-based) that is `patience` epochs after the best of 1..t."""
    L_ = np.array(losses)
    for t in range(1, len(L_) + 1):
        best = int(np.argmin(L_[:t])) + 1  # argmin takes the first: ties do not improve
        if t - best >= patience:
            return best, t
    return int(np.argmin(L_)) + 1, len(L_)


def test_trainer__early_stopping():
    for ex in draws("trainer.early_stopping"):
        p = ex.params
        expected = _early_stopping_numpy(p["val_losses"], p["patience"])
        assert (ex.answer["best_epoch"], ex.answer["stop_epoch"]) == expected


def test_trainer__param_count():
    for ex in draws("trainer.param_count"):
        sizes = ex.params["layers"]
        layers: list[nn.Module] = []
        for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=False)):
            layers.append(nn.Linear(n_in, n_out))
            if i < len(sizes) - 2:
                if ex.params["batch_norm"]:
                    layers.append(nn.BatchNorm1d(n_out))
                layers.append(nn.ReLU())
        model = nn.Sequential(*layers)
        trainable = sum(q.numel() for q in model.parameters() if q.requires_grad)
        assert ex.answer["params"] == trainable


def test_losses_metrics__cross_entropy():
    for ex in draws("losses_metrics.cross_entropy"):
        p = ex.params
        k = len(p["p"])
        nats = skm.log_loss([p["target"]], [p["p"]], labels=list(range(k)))
        torch_nats = float(
            F.nll_loss(
                torch.tensor([p["p"]], dtype=torch.float64).log(), torch.tensor([p["target"]])
            )
        )
        assert math.isclose(nats, torch_nats, rel_tol=1e-9)
        expected = nats / math.log(2) if p["base"] == 2 else nats
        assert math.isclose(ex.answer["loss"], expected, rel_tol=1e-9)


def test_losses_metrics__confusion():
    for ex in draws("losses_metrics.confusion"):
        C = np.array(ex.params["matrix"])
        k = len(C)
        y_true = np.concatenate([np.full(C[i].sum(), i) for i in range(k)])
        y_pred = np.concatenate([np.repeat(np.arange(k), C[i]) for i in range(k)])
        precision, recall, _, support = skm.precision_recall_fscore_support(
            y_true, y_pred, average=None, zero_division=0
        )
        np.testing.assert_array_equal(support, C.sum(axis=1))
        assert math.isclose(ex.answer["accuracy"], skm.accuracy_score(y_true, y_pred))
        assert math.isclose(
            ex.answer["balanced_accuracy"], skm.balanced_accuracy_score(y_true, y_pred)
        )
        np.testing.assert_allclose(ex.answer["precision"], precision, **TOL)
        np.testing.assert_allclose(ex.answer["recall"], recall, **TOL)


def test_losses_metrics__auc():
    for ex in draws("losses_metrics.auc"):
        p = ex.params
        expected = skm.roc_auc_score(p["labels"], p["scores"])
        assert math.isclose(ex.answer["auc"], expected, rel_tol=1e-12)


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_answers_are_plain_python(exercise_id):
    """params and answers are plain numbers / lists / str (JSON- and URL-friendly)."""

    def plain(value) -> bool:
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return type(value) in (int, float, str)

    for ex in draws(exercise_id)[:20]:
        assert all(plain(v) for v in ex.params.values()), ex.params
        assert all(plain(v) for v in ex.answer.values()), ex.answer
