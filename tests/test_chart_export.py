"""Charts as plain Vega-Lite dicts (``ui.charts``, ``ui/figures``) and their PNG/SVG export.

* every figure builder's spec passes the Vega-Lite JSON schema and compiles to Vega with
  vl-convert (Vega-Lite's own compiler: a spec it rejects is a blank chart in the browser);
* the generic builders write the specs Altair writes for the same charts (Altair as the oracle);
* the exported files are what a student would look for: the right format and size, the axis
  titles in the SVG, and the Okabe-Ito palette in the PNG pixels;
* ``ui`` and ``pages`` use no private attribute of Altair or Streamlit.
"""

from __future__ import annotations

import base64
import io
import re
import struct
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from PIL import Image

from ui import charts
from ui.figures import activations_init as act_figures
from ui.figures import batch_norm as bn_figures
from ui.figures import dropout as dropout_figures
from ui.figures import generalization as generalization_figures
from ui.figures import hyperparameter_search as hs_figures
from ui.figures import l1_proximal as l1_figures
from ui.figures import least_squares as ls_figures
from ui.figures import linear_networks as ln_figures
from ui.figures import losses_metrics as lm_figures
from ui.figures import lr_schedules as lr_figures
from ui.figures import optimizers as opt_figures
from ui.figures import trainer as trainer_figures

ROOT = Path(__file__).resolve().parents[1]


def _line_spec() -> dict:
    x = np.linspace(0.0, 3.0, 30)
    frame = pd.DataFrame(
        {
            "step": np.concatenate([x, x]),
            "loss": np.concatenate([np.exp(-x), np.exp(-2 * x)]),
            "run": ["slow"] * 30 + ["fast"] * 30,
        }
    )
    chart = charts.lines(frame, "step", "loss", "run", x_title="epoch", y_title="training loss")
    return charts.to_spec(chart)


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [3.0, 1.0, 2.0], "g": ["u", "v", "u"]})


# ------------------------------------------------------------- every builder compiles to Vega


def _en(key: str, **kw) -> str:
    return key  # the figure builders take translated labels; any text does for the spec


def _figure_specs() -> dict[str, dict]:
    rng = np.random.default_rng(0)
    frame = _frame()
    xs, ys = np.linspace(-1, 1, 5), np.linspace(-2, 2, 4)
    hist = pd.DataFrame(
        {
            "epoch": [1, 2, 3] * 2,
            "loss": [1.0, 0.7, 0.6, 1.1, 0.8, 0.75],
            "accuracy": [0.5, 0.7, 0.8, 0.45, 0.65, 0.7],
            "series": ["train"] * 3 + ["val"] * 3,
        }
    )
    live = pd.DataFrame(
        {
            "epoch": [1.0, 1.0, 2.0, 2.0],
            "metric": ["trainer.loss", "trainer.accuracy"] * 2,
            "series": ["trainer.series_train"] * 4,
            "value": [0.9, 0.6, 0.7, 0.75],
        }
    )
    X = np.array([[1.0, 1.0], [2.0, 2.0], [1.0, 1.0]])
    y = np.array([1.0, 2.0, 0.5])
    w_star = np.array([0.5, 0.5])
    N = np.array([[1.0], [-1.0]]) / np.sqrt(2)
    marks = pd.DataFrame({"w1": [0.5], "w2": [0.5], "what": ["w*"]})
    paths = pd.DataFrame(
        {"w1": [0.0, 0.3, 0.5], "w2": [0.0, 0.2, 0.5], "t": [0, 1, 2], "start": ["s0"] * 3}
    )
    sv = pd.DataFrame(
        {
            "i": ["σ1", "σ2"],
            "sigma": [3.0, 1e-17],
            "shown": [3.0, 2e-16],
            "base": 1e-16,
            "status": ["kept", "zero"],
        }
    )
    H2 = np.array([[2.0, 0.5], [0.5, 1.0]])
    path = np.array([[0.0, 0.0], [0.3, 0.1], [0.5, 0.2]])
    noise = pd.DataFrame(
        {
            "N": [2, 8, 32] * 2,
            "sd": [0.7, 0.35, 0.18, 0.5, 0.25, 0.12],
            "quantity": ["mean"] * 3 + ["sd"] * 3,
            "source": ["measured"] * 6,
        }
    )
    curve = pd.DataFrame({"c": [-1.0, 0.0, 1.0], "value": [1.4, 0.7, 1.4], "series": ["n"] * 3})
    gains = pd.DataFrame({"kappa": [1.0, 10.0, 100.0], "gain": [1.0, 9.0, 95.0], "series": "fit"})
    ridge = pd.DataFrame(
        {"lambda": [1e-3, 1e-3, 1.0, 1.0], "w": [0.5, 0.5, 0.3, 0.3], "component": ["w1", "w2"] * 2}
    )
    limits = pd.DataFrame({"w": [0.5, 0.5], "component": ["w1", "w2"]})
    mc = pd.DataFrame({"k": [1, 10, 100], "mean": [0.4, 0.5, 0.48]}).assign(
        lo=lambda f: f["mean"] - 0.1, hi=lambda f: f["mean"] + 0.1
    )
    gap = pd.DataFrame(
        {"p": [0.5, 1.0] * 2, "gap": [0.1, 0.0, 0.2, 0.0], "f": ["σ"] * 2 + ["r"] * 2}
    )
    nets = pd.DataFrame(
        {"step": [0, 1, 0, 1], "mse": [1.0, 0.5, 1.0, 0.1], "net": ["a"] * 2 + ["b"] * 2}
    )
    grid = pd.DataFrame(
        {"u": [0.0, 1.0, 0.0, 0.0], "v": [0.0, 0.0, 0.0, 1.0], "line": [0, 0, 1, 1],
         "order": [0, 1, 0, 1], "family": ["v", "v", "h", "h"]}
    )  # fmt: skip
    traj = pd.DataFrame({"x": [0.0, 0.5], "y": [1.0, 0.2], "step": [0, 1], "optimizer": "sgd"})
    colour = {"domain": ["sgd"], "range": [charts.PALETTE[0]]}
    opt_marks = pd.DataFrame({"x": [0.0], "y": [0.0], "what": ["min"]})
    per_step = pd.DataFrame({"step": [0, 1, 2], "loss": [1.0, 0.1, 0.01], "optimizer": "sgd"})
    return {
        "lines": charts.lines(frame, "a", "b", "g", log_y=True, points=True),
        "lines, no colour": charts.lines(frame, "a", "b", x_title="A"),
        "bars": charts.bars(frame, "g", "b", "g"),
        "matrix_heatmap": charts.matrix_heatmap(
            np.array([[1, 2], [3, 4]]),
            ["r0", "r1"],
            ["c0", "c1"],
            counts=np.array([[5, 6], [7, 8]]),
        ),
        "matrix_heatmap, diverging": charts.matrix_heatmap(
            np.array([[-1.0, 2.0]]), ["r"], ["c0", "c1"], diverging=True
        ),
        "field": charts.field(xs, ys, np.outer(ys, xs), log_color=True, title="f"),
        "trainer.live_curves": trainer_figures.live_curves(_en, live),
        "trainer.history": trainer_figures.history(
            hist, "loss", 2, x_title="epoch", y_title="loss"
        ),
        "batch_norm.histogram": bn_figures.histogram(
            rng.standard_normal((50, 2)), ["x1", "x2"], "t", "x", "count"
        ),
        "batch_norm.running": bn_figures.running(
            rng.standard_normal(30), 0.0, 0.1, "t", "step", "mean"
        ),
        "batch_norm.contours": bn_figures.contours(
            H2, np.array([1.0, -0.5]), path, np.arange(3), ("a", "b"), "t", "k"
        ),
        "batch_norm.noise": bn_figures.noise(noise, 8, "N", "sd"),
        "least_squares.loss_field": ls_figures.loss_field(X, y, w_star, N, [w_star], paths, marks),
        "least_squares.singular_values": ls_figures.singular_values(
            sv, 1e-16, 10.0, 1e-15, kept="kept", zero="zero", x_title="i", y_title="σ"
        ),
        "least_squares.family": ls_figures.family(curve, 0.0, 0.7, y_title="value"),
        "least_squares.sensitivity": ls_figures.sensitivity(gains, 10.0, y_title="gain"),
        "least_squares.ridge_path": ls_figures.ridge_path(ridge, limits, 0.1, y_title="w"),
        "generalization.members_and_average": generalization_figures.members_and_average(
            pd.DataFrame({"member": ["seed 0", "seed 1"], "accuracy": [0.95, 0.94]}),
            pd.DataFrame({"name": ["mean", "ensemble"], "accuracy": [0.945, 0.96]}),
            x_title="member",
            y_title="accuracy",
        ),
        "generalization.validation_curves": generalization_figures.validation_curves(
            pd.DataFrame(
                {"epoch": [1, 2, 1, 2], "accuracy": [0.5, 0.7, 0.4, 0.8], "run": list("aabb")}
            ),
            x_title="epoch",
            y_title="accuracy",
        ),
        "generalization.transfer_curves": generalization_figures.transfer_curves(
            pd.DataFrame(
                {"shots": [1, 5, 1, 5], "accuracy": [0.6, 0.9, 0.5, 0.8], "strategy": list("aabb")}
            ),
            x_title="shots",
            y_title="accuracy",
        ),
        "dropout.monte_carlo": dropout_figures.monte_carlo(mc, 0.5, x_title="k", y_title="mean"),
        "dropout.gap_against_keep": dropout_figures.gap_against_keep(
            gap, 0.5, x_title="p", y_title="gap"
        ),
        "linear_networks.per_net": ln_figures.per_net(nets, "step", "mse", "step", "mse"),
        "linear_networks.loss_with_best": ln_figures.loss_with_best(
            nets, 0.05, x_title="step", y_title="mse"
        ),
        "linear_networks.singular_values": ln_figures.singular_values(
            pd.DataFrame({"i": ["σ1", "σ2"], "sigma": [2.0, 0.0]}), x_title="i"
        ),
        "linear_networks.grid": ln_figures.grid(grid, "grid", ["v", "h"]),
        "activations_init.curve_and_derivative": act_figures.curve_and_derivative(
            pd.DataFrame(
                {"x": [-1.0, 0.0, 1.0] * 2, "y": [0, 0, 1, 0, 0.5, 1], "s": list("ffffgg")}
            ),
            [(-1.0, 0.0)],
            (0.5, 0.5, 1.0),
            x_range=1.0,
            labels=("f", "g"),
        ),
        "activations_init.preactivations": act_figures.preactivations(
            pd.DataFrame(
                {
                    "z": [-0.5, 0.5],
                    "z1": [-1.0, 0.0],
                    "z2": [0.0, 1.0],
                    "n": [3, 5],
                    "state": ["off", "on"],
                }
            ),
            ["on", "off"],
            x_title="z",
            y_title="n",
        ),  # fmt: skip
        "activations_init.layer_histograms": act_figures.layer_histograms(
            pd.DataFrame(
                {
                    "layer": [1, 1, 2, 2],
                    "h": [-0.5, 0.5] * 2,
                    "h1": [-1.0, 0.0] * 2,
                    "h2": [0.0, 1.0] * 2,
                    "share": [0.4, 0.6, 0.5, 0.5],
                }
            ),
            x_title="h",
            layer_title="layer",
        ),  # fmt: skip
        "activations_init.per_layer": act_figures.per_layer(
            np.arange(1, 4),
            "std",
            np.array([1.0, 0.5, 0.0]),
            title="std",
            layer_title="layer",
            mark={"type": "line", "point": True},
        ),  # fmt: skip
        "activations_init.boundary_cloud": act_figures.boundary_cloud(
            pd.DataFrame({"x": [0.5, -0.5], "y": [0.1, 0.2], "side": ["a", "flip"]}),
            pd.DataFrame(
                {
                    "x": [-1.0, 1.0, -1.0, 1.0],
                    "y": [-1.0, 1.0, 1.0, -1.0],
                    "line": ["l", "l", "r", "r"],
                }
            ),
            [-2.0, 2.0],
            sides=("a", "b", "flip"),
            lines=("l", "r"),
        ),  # fmt: skip
        "lr_schedules.learning_rates": lr_figures.learning_rates(
            pd.DataFrame({"epoch": [0, 1, 2], "lr": [0.1, 0.05, 0.01], "schedule": "step"}),
            {"domain": ["step"], "range": [charts.PALETTE[0]]},
            log=True,
            x_title="epoch",
            y_title="η",
        ),  # fmt: skip
        "lr_schedules.mean_loss": lr_figures.mean_loss(
            pd.DataFrame({"epoch": [0, 1, 2], "loss": [1.0, 0.5, 0.4], "schedule": "step"}),
            {"domain": ["step"], "range": [charts.PALETTE[0]]},
            0.3,
            floor_label="floor",
            x_title="epoch",
            y_title="loss",
        ),  # fmt: skip
        "lr_schedules.final_loss": lr_figures.final_loss(
            pd.DataFrame({"schedule": ["step"], "mean": [0.4], "lo": [0.3], "hi": [0.5]}),
            {"domain": ["step"], "range": [charts.PALETTE[0]]},
            x_title="final loss",
        ),
        "lr_schedules.paths": lr_figures.paths(
            xs,
            ys,
            np.add.outer(ys**2, xs**2),
            traj.rename(columns={"optimizer": "schedule"}),
            {"domain": ["sgd"], "range": [charts.PALETTE[0]]},
        ),  # fmt: skip
        "lr_schedules.final_points": lr_figures.final_points(
            xs,
            np.add.outer(xs**2, xs**2),
            traj.rename(columns={"optimizer": "schedule"}),
            {"domain": ["sgd"], "range": [charts.PALETTE[0]]},
            1.0,
        ),  # fmt: skip
        "lr_schedules.recipe_curves": lr_figures.recipe_curves(
            pd.DataFrame(
                {
                    "epoch": [1, 2, 3, 1, 2, 3],
                    "loss": [0.9, 0.5, 0.2, 1.0, 0.6, 0.4],
                    "run": ["constant", "constant", "decayed", "constant", "constant", "decayed"],
                    "curve": ["train", "train", "train", "val", "val", "val"],
                }
            ),
            {"domain": ["constant", "decayed"], "range": list(charts.PALETTE[:2])},
            2,
            x_title="epoch",
            y_title="loss",
        ),
        "lr_schedules.recipe_curves_none": lr_figures.recipe_curves(
            pd.DataFrame({"epoch": [1, 2], "loss": [0.9, 0.5], "run": "c", "curve": "train"}),
            {"domain": ["c"], "range": list(charts.PALETTE[:1])},
            None,
            x_title="epoch",
            y_title="loss",
        ),
        "optimizers.trajectories": opt_figures.trajectories(
            xs, ys, np.add.outer(ys**2, xs**2), traj, opt_marks, colour
        ),
        "l1_proximal.objective": l1_figures.objective(
            pd.DataFrame({"w": [0.0, 1.0] * 2, "f": [1.0, 0.5, 1.1, 0.0], "curve": list("aabb")}),
            0.5,
            0.4,
            1.0,
            curves=("a", "b"),
            x_title="w",
            y_title="f",
        ),  # fmt: skip
        "l1_proximal.subgradient": l1_figures.subgradient(
            pd.DataFrame(
                {
                    "w": [-1.0, -0.1, 0.1, 1.0],
                    "g": [-2.0, -1.1, 1.1, 2.0],
                    "piece": ["w<0"] * 2 + ["w>0"] * 2,
                }
            ),
            0.0,
            (-1.0, 1.0),
            x_title="w",
            y_title="g",
        ),  # fmt: skip
        "l1_proximal.threshold_map": l1_figures.threshold_map(
            pd.DataFrame(
                {
                    "w_star": [-2.0, 2.0] * 3,
                    "w": [-1.0, 1.0, -1.5, 1.5, -2.0, 2.0],
                    "map": list("aabbcc"),
                }
            ),
            1.5,
            0.5,
            0.75,
            1.0,
            5.0,
            maps=("a", "b", "c"),
            x_title="w*",
            y_title="w",
        ),  # fmt: skip
        "l1_proximal.elastic_net_map": l1_figures.elastic_net_map(
            pd.DataFrame(
                {
                    "w_star": [-2.0, 2.0] * 4,
                    "w": [-1.0, 1.0, -1.5, 1.5, -0.5, 0.5, -2.0, 2.0],
                    "map": list("aabbccdd"),
                }
            ),
            1.5,
            (0.5, 0.75, 0.25),
            1.0,
            5.0,
            maps=("a", "b", "c", "d"),
            x_title="w*",
            y_title="w",
        ),  # fmt: skip
        "l1_proximal.grouped_bars": l1_figures.grouped_bars(
            pd.DataFrame(
                {
                    "weight": ["w1", "w2"] * 2,
                    "value": [1.0, -0.5, 0.5, 0.0],
                    "kind": ["a"] * 2 + ["b"] * 2,
                }
            ),
            ["a", "b"],
            ["#666666", charts.PALETTE[0]],
            x_title="weight",
            y_title="value",
        ),  # fmt: skip
        "l1_proximal.iterates": l1_figures.iterates(
            np.array([[0.0, 0.0], [0.5, 0.0], [0.7, -0.1]]), ["w1", "w2"], x_title="k", title="W"
        ),
        "l1_proximal.iterates, all zero": l1_figures.iterates(
            np.zeros((2, 2)), ["w1", "w2"], x_title="k", title="W"
        ),
        "l1_proximal.optimality_gap": l1_figures.optimality_gap(
            pd.DataFrame({"k": [0, 1, 2], "gap": [1.0, 1e-3, 1e-16]}), x_title="k", y_title="gap"
        ),
        "l1_proximal.support_size": l1_figures.support_size(
            pd.DataFrame({"k": [0, 1, 2], "nnz": [0, 5, 3]}), 8, x_title="k", y_title="nnz"
        ),
        "losses_metrics.curves": lm_figures.curves(
            curve.rename(columns={"value": "loss", "series": "s"}),
            "c",
            "loss",
            "s",
            ["n"],
            [charts.PALETTE[0]],
            x_title="c",
            y_title="loss",
            height=300,
        ),  # fmt: skip
        "losses_metrics.curves_with_points": lm_figures.curves_with_points(
            curve.rename(columns={"value": "loss", "series": "s"}),
            pd.DataFrame({"c": [0.0], "loss": [0.7]}),
            "c",
            "loss",
            "s",
            ["n"],
            x_title="c",
            y_title="loss",
            y_scale={"type": "symlog"},
        ),  # fmt: skip
        "losses_metrics.ovr_roc_curves": lm_figures.ovr_roc_curves(
            pd.DataFrame(
                {
                    "fpr": [0.0, 0.5, 1.0, 0.0, 0.2, 1.0, 0.0, 1.0, 1.0],
                    "tpr": [0.0, 0.8, 1.0, 0.0, 0.9, 1.0, 0.0, 0.3, 1.0],
                    "cls": list("aaabbbccc"),
                    "step": [0, 1, 2] * 3,
                }
            ),
            ["a", "b", "c"],
            x_title="FPR",
            y_title="TPR",
        ),  # fmt: skip
        "losses_metrics.ovr_auc_bars": lm_figures.ovr_auc_bars(
            pd.DataFrame(
                {"cls": ["a", "b", "c"], "auc": [0.9, 0.8, 0.6], "share": [0.6, 0.3, 0.1]}
            ),
            pd.DataFrame({"average": ["macro", "weighted"], "auc": [0.767, 0.84]}),
            ["a", "b", "c"],
            x_title="class",
            y_title="AUC",
        ),  # fmt: skip
        "losses_metrics.cross_entropy_curve": lm_figures.cross_entropy_curve(
            pd.DataFrame({"q": [0.1, 0.5, 1.0], "loss": [3.3, 1.0, 0.0]}),
            0.5,
            1.0,
            x_title="q",
            y_title="loss",
        ),  # fmt: skip
        "losses_metrics.roc_curve": lm_figures.roc_curve(
            pd.DataFrame(
                {
                    "fpr": [0.0, 0.0, 1.0],
                    "tpr": [0.0, 1.0, 1.0],
                    "threshold": [np.nan, 0.8, 0.2],
                    "step": [0, 1, 2],
                }
            ),
            0.0,
            1.0,
            x_title="FPR",
            y_title="TPR",
        ),  # fmt: skip
        "losses_metrics.score_strip": lm_figures.score_strip(
            pd.DataFrame(
                {
                    "score": [0.2, 0.7, 0.8],
                    "cls": ["neg", "pos", "pos"],
                    "name": ["a", "b", "c"],
                    "y": [0.0, 1.0, 1.0],
                }
            ),
            0.6,
            classes=("neg", "pos"),
            named=True,
            x_title="score",
        ),  # fmt: skip
        "losses_metrics.score_strip, unnamed": lm_figures.score_strip(
            pd.DataFrame(
                {"score": [0.2, 0.7], "cls": ["neg", "pos"], "name": ["1", "2"], "y": [0.1, 0.9]}
            ),
            0.5,
            classes=("neg", "pos"),
            named=False,
            x_title="score",
        ),  # fmt: skip
        "optimizers.per_step": opt_figures.per_step(
            per_step, "loss", colour, x_title="step", y_title="f", scale={"type": "log"}
        ),
        "optimizers.step_cost_bars": opt_figures.step_cost_bars(
            pd.DataFrame(
                {"method": ["SGD", "Newton"], "bytes": [3.0e5, 2.3e10], "size": ["3 kB", "23 GB"]}
            ),
            x_title="bytes",
            y_title="memory per step",
        ),
        "hyperparameter_search.trials": hs_figures.trials(
            np.array([0.25, 0.75]),
            np.array([0.25, 0.75]),
            np.array([[0.1, 0.9], [0.2, 0.4]]),
            pd.DataFrame({"u": [0.3, 0.6], "v": [0.2, 0.8], "score": [0.5, 0.7]}),
            colour=charts.PALETTE[1],
            x_title="u",
            y_title="v",
            z_title="score",
        ),
        "hyperparameter_search.best_histogram": hs_figures.best_histogram(
            pd.DataFrame({"method": ["grid", "random"] * 3, "best": [0.1, 0.9, 0.5, 0.8, 0.3, 1]}),
            {"domain": ["grid", "random"], "range": list(charts.PALETTE[1:3])},
            x_title="best",
            y_title="count",
        ),
        "hyperparameter_search.rounds": hs_figures.rounds(
            pd.DataFrame({"lr": [1e-4, 1e-2, 1.0], "score": [0.1, 0.9, 0.2]}),
            pd.DataFrame({"lr": [1e-3, 0.05], "score": [0.4, 0.8], "round": ["r1", "r2"]}),
            x_title="lr",
            y_title="score",
        ),
        "hyperparameter_search.accuracy_plane": hs_figures.accuracy_plane(
            pd.DataFrame(
                {
                    "lr": [1e-3, 0.1],
                    "l2": [1e-5, 1e-2],
                    "val_acc": [0.8, 0.95],
                    "method": ["grid", "random"],
                    "best": [False, True],
                }
            ),
            x_title="lr",
            y_title="l2",
            z_title="val",
        ),
    }


@pytest.mark.parametrize("name", list(_figure_specs()))
def test_figure_spec_is_valid_vega_lite_and_compiles(name, monkeypatch):
    monkeypatch.setenv("PIZARRA_VALIDATE_CHARTS", "0")  # check explicitly, once
    spec = charts.to_spec(_figure_specs()[name])
    charts.check_spec(spec)  # raises ValueError on a schema error or a compile error
    assert spec["config"]["range"]["category"] == list(charts.PALETTE)  # the app's theme
    assert spec["$schema"] == charts.SCHEMA_URL


def test_check_spec_catches_what_the_browser_cannot_draw(monkeypatch):
    monkeypatch.setenv("PIZARRA_VALIDATE_CHARTS", "0")
    heat = charts.matrix_heatmap(np.eye(2), ["a", "b"], ["a", "b"])
    shared = {k: v for k, v in heat.items() if k != "resolve"}  # ink and cells share a scale
    with pytest.raises(ValueError, match="(?s)cannot compile.*reading 'type'"):
        charts.check_spec(charts.to_spec(shared))
    bad_type = charts.chart(_frame(), "line", {"x": {"field": "a", "type": "no-such-type"}})
    with pytest.raises(ValueError, match="/encoding/x/type: 'no-such-type'"):
        charts.check_spec(charts.to_spec(bad_type))


def test_to_spec_names_data_by_place_so_new_numbers_keep_the_spec():
    """A slider that changes only a chart's numbers must leave the spec the browser sees as it
    was (the browser then swaps the data in place instead of building the chart anew)."""
    frame = _frame()
    moved = frame.assign(b=frame["b"] * 2.0)

    def spec_of(data):
        return charts.to_spec(
            charts.layer(
                charts.lines(data, "a", "b"),
                charts.chart(data.head(1), "rule", {"y": charts.q("b")}),
            )
        )

    before, after = spec_of(frame), spec_of(moved)
    assert {k: v for k, v in before.items() if k != "datasets"} == {
        k: v for k, v in after.items() if k != "datasets"
    }
    assert list(before["datasets"]) == list(after["datasets"])
    name = before["layer"][0]["data"]["name"]
    pd.testing.assert_frame_equal(after["datasets"][name], moved)


def test_to_spec_validates_where_the_tests_ask_for_it(monkeypatch):
    bad_type = charts.chart(_frame(), "line", {"x": {"field": "a", "type": "no-such-type"}})
    monkeypatch.setenv("PIZARRA_VALIDATE_CHARTS", "1")
    with pytest.raises(ValueError, match="no-such-type"):
        charts.to_spec(bad_type)
    monkeypatch.setenv("PIZARRA_VALIDATE_CHARTS", "0")
    assert charts.to_spec(bad_type)["encoding"]["x"]["type"] == "no-such-type"


def test_to_spec_shares_equal_frames_and_keeps_the_frames(monkeypatch):
    frame = _frame()
    layered = charts.layer(
        charts.lines(frame, "a", "b"),
        charts.chart(frame.copy(), "rule", {"y": charts.q("b")}),
        charts.chart(pd.DataFrame({"a": [2.0]}), "rule", {"x": charts.q("a")}),
    )
    spec = charts.to_spec(layered)
    names = [part["data"]["name"] for part in spec["layer"]]
    assert names[0] == names[1] != names[2]  # equal content, one dataset
    assert list(spec["datasets"]) == [names[0], names[2]]
    pd.testing.assert_frame_equal(spec["datasets"][names[0]], frame)
    assert layered["layer"][0]["data"] is frame  # the builder's spec is not changed
    # numpy numbers become plain JSON numbers
    monkeypatch.setenv("PIZARRA_VALIDATE_CHARTS", "0")  # a view without data: not a whole chart
    spec = charts.to_spec(charts.chart(None, "rule", {"y": {"datum": np.float64(2.5)}}))
    assert type(spec["encoding"]["y"]["datum"]) is float


def test_layer_moves_sizes_up():
    spec = charts.layer(charts.lines(_frame(), "a", "b", height=200), charts.chart(None, "rule"))
    assert spec["height"] == 200 and "height" not in spec["layer"][0]
    assert charts.layer(charts.lines(_frame(), "a", "b"), height=300)["height"] == 300


# ---------------------------------------------- the generic builders against Altair (an oracle)


def _altair_spec(chart) -> dict:
    """Altair's spec with each view's data as a DataFrame under "data" (no datasets)."""
    spec = chart.to_dict()
    datasets = spec.pop("datasets", {})

    def inline(obj):
        if isinstance(obj, dict):
            return {
                k: pd.DataFrame(datasets[v["name"]]) if k == "data" else inline(v)
                for k, v in obj.items()
            }
        if isinstance(obj, list):
            return [inline(v) for v in obj]
        return obj

    spec = inline(spec)
    spec.pop("$schema"), spec.pop("config", None)
    return spec


def _ours(spec: dict) -> dict:
    """Our spec in the same form: each view's data as a DataFrame, no datasets, no theme."""
    spec = charts.to_spec(spec)
    datasets = spec.pop("datasets", {})

    def inline(obj):
        if isinstance(obj, dict):
            return {
                k: datasets[v["name"]].reset_index(drop=True) if k == "data" else inline(v)
                for k, v in obj.items()
            }
        if isinstance(obj, list):
            return [inline(v) for v in obj]
        return obj

    spec = inline(spec)
    spec.pop("$schema"), spec.pop("config")
    return spec


def _assert_same(ours: dict, altairs: dict) -> None:
    """Equal specs; the data compared as tables (Altair writes JSON values, we keep frames)."""

    def split(obj, frames, path=""):
        if isinstance(obj, dict):
            out = {}
            for k, v in obj.items():
                if isinstance(v, pd.DataFrame):
                    frames[f"{path}/{k}"] = v
                    out[k] = "<data>"
                else:
                    out[k] = split(v, frames, f"{path}/{k}")
            return out
        if isinstance(obj, list):
            return [split(v, frames, f"{path}/{i}") for i, v in enumerate(obj)]
        return obj

    fa, fb = {}, {}
    assert split(ours, fa) == split(altairs, fb)
    assert list(fa) == list(fb)
    for where, frame in fa.items():
        pd.testing.assert_frame_equal(frame, fb[where], check_dtype=False, obj=where)


def _old_lines(frame, x, y, color=None, *, x_title=None, y_title=None, log_x=False,
               log_y=False, height=280, points=False):  # fmt: skip
    tips = [(x, "quantitative"), (y, "quantitative")] + ([(color, "nominal")] if color else [])
    enc = {
        "x": alt.X(
            field=x,
            type="quantitative",
            title=x_title or x,
            scale=alt.Scale(type="log") if log_x else alt.Scale(zero=False),
        ),
        "y": alt.Y(
            field=y,
            type="quantitative",
            title=y_title or y,
            scale=alt.Scale(type="log") if log_y else alt.Scale(zero=False),
        ),
        "tooltip": [alt.Tooltip(field=n, type=k) for n, k in tips],
    }
    if color:
        enc["color"] = alt.Color(field=color, type="nominal", title=None)
        enc["strokeDash"] = alt.StrokeDash(field=color, type="nominal", title=None)
    return alt.Chart(frame).mark_line(point=points).encode(**enc).properties(height=height)


def _old_bars(frame, x, y, color=None, *, x_title=None, y_title=None, height=260):
    tips = [(x, "nominal"), (y, "quantitative")] + ([(color, "nominal")] if color else [])
    enc = {
        "x": alt.X(field=x, type="nominal", title=x_title or x, sort=None),
        "y": alt.Y(field=y, type="quantitative", title=y_title or y),
        "tooltip": [alt.Tooltip(field=n, type=k) for n, k in tips],
    }
    if color:
        enc["color"] = alt.Color(field=color, type="nominal", title=None)
        enc["xOffset"] = alt.XOffset(field=color, type="nominal")
    return alt.Chart(frame).mark_bar().encode(**enc).properties(height=height)


def _old_history(hist, best_epoch):
    lines = _old_lines(hist, "epoch", "loss", "series", x_title="epoch", y_title="loss")
    best = pd.DataFrame({"epoch": [best_epoch]})
    rule = alt.Chart(best).mark_rule(strokeDash=[4, 4], color="#555").encode(x="epoch:Q")
    return lines + rule


def _builder_pairs():
    frame = _frame()
    yield charts.lines(frame, "a", "b"), _old_lines(frame, "a", "b")
    kw = dict(x_title="A", y_title="B", log_x=True, log_y=True, height=200, points=True)
    yield charts.lines(frame, "a", "b", "g", **kw), _old_lines(frame, "a", "b", "g", **kw)
    yield charts.bars(frame, "g", "b"), _old_bars(frame, "g", "b")
    kw = dict(x_title="G", y_title="B", height=100)
    yield charts.bars(frame, "g", "b", "g", **kw), _old_bars(frame, "g", "b", "g", **kw)
    hist = pd.DataFrame({"epoch": [1, 2, 3], "loss": [1.0, 0.7, 0.6], "series": ["train"] * 3})
    yield (
        trainer_figures.history(hist, "loss", 2, x_title="epoch", y_title="loss"),
        _old_history(hist, 2),
    )


@pytest.mark.parametrize("i", range(len(list(_builder_pairs()))))
def test_builders_write_altairs_spec(i):
    ours, old = list(_builder_pairs())[i]
    _assert_same(_ours(ours), _altair_spec(old))


def test_builders_differ_from_altair_when_they_should():
    # the comparison above can fail: a changed title or changed data are noticed
    ours = charts.lines(_frame(), "a", "b", y_title="loss")
    with pytest.raises(AssertionError):
        _assert_same(_ours(ours), _altair_spec(_old_lines(_frame(), "a", "b")))
    changed = _frame().assign(b=[0.0, 0.0, 0.0])
    with pytest.raises(AssertionError):
        _assert_same(_ours(charts.lines(changed, "a", "b")), _altair_spec(_old_lines(_frame(), "a", "b")))  # fmt: skip


# ------------------------------------------------------------------------------------- export


def test_png_has_the_export_size_and_the_theme_colours():
    spec = _line_spec()
    assert "datasets" in spec  # the data travel as named DataFrames, as on the page
    png = charts.export_image(spec, "png", scale=1.0)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    # the plot area is EXPORT_WIDTH wide; axes and legend add a margin around it
    assert charts.EXPORT_WIDTH <= width <= charts.EXPORT_WIDTH + 300
    assert 280 <= height <= 280 + 150
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3).astype(int)
    for hex_colour in charts.PALETTE[:2]:  # one colour per run
        rgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(pixels - rgb).sum(axis=1) < 30).sum() > 50, hex_colour


def test_png_scale_doubles_the_pixels():
    spec = _line_spec()
    w1, h1 = struct.unpack(">II", charts.export_image(spec, "png", scale=1.0)[16:24])
    w2, h2 = struct.unpack(">II", charts.export_image(spec, "png", scale=2.0)[16:24])
    assert (w2, h2) == (2 * w1, 2 * h1)


def test_svg_is_vector_text_with_the_axis_titles():
    svg = charts.export_image(_line_spec(), "svg").decode("utf-8")
    assert svg.lstrip().startswith("<svg")
    assert "training loss" in svg and "epoch" in svg
    assert "<path" in svg  # the lines are vector paths, not an embedded bitmap
    assert "<image" not in svg


def test_layered_heatmap_exports():
    matrix = np.array([[0.9, 0.1], [0.25, 0.75]])
    chart = charts.matrix_heatmap(
        matrix, ["0", "1"], ["0", "1"], row_title="true", col_title="pred"
    )
    svg = charts.export_image(charts.to_spec(chart), "svg").decode("utf-8")
    for text in ("0.90", "0.10", "0.25", "0.75", "true", "pred"):
        assert f">{text}<" in svg, text


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="fmt must be one of png, svg, got 'pdf'"):
        charts.export_image(_line_spec(), "pdf")


def test_datasets_as_arrow_tables_export_the_same_picture():
    # show_spec hands Streamlit the datasets as Arrow tables; the export sees either form
    spec = _line_spec()
    tables = {**spec, "datasets": {n: charts.arrow_table(f) for n, f in spec["datasets"].items()}}
    assert all(isinstance(v, pa.Table) for v in tables["datasets"].values())
    assert charts.export_image(tables, "svg") == charts.export_image(spec, "svg")


def test_arrow_table_is_pyarrows_table_of_the_frame():
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"epoch": np.arange(500), "loss": rng.random(500), "run": ["a"] * 500})
    table = charts.arrow_table(frame)
    assert table.equals(pa.Table.from_pandas(frame))
    assert table.column_names == ["epoch", "loss", "run"]
    mixed = pd.DataFrame({"mixed": [1, "a"]})  # pyarrow refuses it: Streamlit fixes it itself
    assert charts.arrow_table(mixed) is mixed


# ----------------------------------------------------------------------- public APIs only

PRIVATE = re.compile(
    r"\._kwds\b|\._args\b|dataframe_util|get_script_run_ctx|ScriptRunContext"
    r"|data_transformers|disable_debug_mode|schemapi|import altair"
)


def test_app_code_uses_no_private_chart_api():
    files = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py")), *(ROOT / "pages").glob("*.py")]
    offenders = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in files
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert len(files) > 20 and not offenders, offenders


# ------------------------------------------------------------------------ the field as an image


@pytest.mark.parametrize("log_color", [False, True])
def test_field_colours_are_vegas_own(log_color):
    # Oracle: Vega paints one rectangle per value on the same scale (viridis, linear or symlog,
    # the same domain); the image's colours must be the ones it paints.
    z = np.array([-3.0, -1.0, -0.2, 0.0, 0.3, 1.0, 2.5, 4.0, 7.0, 10.0, 15.0, 20.0])
    domain = (float(z.min()), float(z.max()))
    frame = pd.DataFrame({"i": [str(i) for i in range(len(z))], "z": z})
    scale = {"scheme": charts.SEQUENTIAL, "type": "symlog" if log_color else "linear",
             "domain": list(domain), "nice": False, "zero": False}  # fmt: skip
    spec = charts.to_spec(
        charts.chart(
            frame,
            {"type": "rect", "strokeWidth": 0},
            {
                "x": {
                    "field": "i",
                    "type": "nominal",
                    "sort": None,
                    "axis": None,
                    "scale": {"paddingInner": 0, "paddingOuter": 0},
                },
                "color": {"field": "z", "type": "quantitative", "scale": scale, "legend": None},
            },
            height=20,
        )
        | {"width": 40 * len(z), "config": {"view": {"stroke": None}}}
    )
    png = charts.export_image(spec, "png", scale=1.0)
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    row = pixels[pixels.shape[0] // 2]
    left = int(np.argmax(np.abs(row - 255).sum(axis=1) > 0))  # the first painted column
    painted = np.array([row[left + 40 * k + 20] for k in range(len(z))])
    ours = charts.field_colors(z, domain, log_color)
    assert ours.shape == (len(z), 4) and (ours[:, 3] == 255).all()
    np.testing.assert_allclose(ours[:, :3], painted, atol=3)


def test_field_is_one_image_the_right_way_up_with_its_legend():
    xs, ys = np.linspace(-1, 1, 5), np.linspace(-2, 2, 4)
    Z = np.add.outer(ys**2, xs)  # Z[i, j] = f(xs[j], ys[i]) with f = x + y**2
    Z[0, 0] = np.nan  # a cell with no value is transparent
    spec = charts.to_spec(charts.field(xs, ys, Z, log_color=True, title="f"))
    image_layer, legend_layer = spec["layer"]
    assert image_layer["mark"]["type"] == "image"
    image = spec["datasets"][image_layer["data"]["name"]].iloc[0]
    # the image spans the cells: half a step beyond the first and last grid points
    assert (image.x, image.x2, image.y, image.y2) == (-1.25, 1.25, -2 - 2 / 3, 2 + 2 / 3)
    prefix = "data:image/png;base64,"
    assert image.url.startswith(prefix)
    rgba = np.asarray(Image.open(io.BytesIO(base64.b64decode(image.url[len(prefix) :]))))
    assert rgba.shape == (len(ys), len(xs), 4)
    finite = Z[np.isfinite(Z)]
    domain = (finite.min(), finite.max())
    # the top row of the image is the largest y; NaN is transparent
    np.testing.assert_array_equal(rgba, charts.field_colors(Z[::-1], domain, log_color=True))
    assert rgba[-1, 0, 3] == 0 and rgba[0, 0, 3] == 255
    legend = spec["datasets"][legend_layer["data"]["name"]]
    assert list(legend["z"]) == list(domain)
    color = legend_layer["encoding"]["color"]
    assert color["scale"]["domain"] == list(domain) and color["scale"]["type"] == "symlog"
    assert color["title"] == "f"
    # and it draws: the exported PNG holds the scale's colours
    png = charts.export_image(spec, "png", scale=1.0)
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3).astype(int)
    top = charts.field_colors(np.array([domain[1]]), domain, log_color=True)[0, :3]
    assert (np.abs(pixels - top).sum(axis=1) < 40).sum() > 20
