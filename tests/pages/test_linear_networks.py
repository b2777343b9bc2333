"""AppTest of the linear-networks page: both languages, interactions, URL round trip, bad params."""

from __future__ import annotations

import pytest

from core import linear_networks as ln
from tests.pages import helpers
from tests.pages.helpers import all_text, open_page, qp
from ui import i18n


def metric_text(at, lang: str, key: str, **kwargs) -> str:
    return helpers.metric_value(at, i18n.translate(lang, key, **kwargs))


def metric(at, lang: str, key: str, **kwargs) -> float:
    return float(metric_text(at, lang, key, **kwargs))


def mse_label(lang: str, net_key: str, **kwargs) -> dict:
    return {"net": i18n.translate(lang, net_key, **kwargs)}


def test_renders_in_both_languages(lang):
    at = open_page("linear_networks", lang=lang)
    assert not at.exception
    assert at.title[0].value == i18n.translate(lang, "linear_networks.title")
    # Defaults d = 4, h = 2, m = 3: a bottleneck.
    assert metric(at, lang, "linear_networks.m_params_A") == ln.parameter_count([4, 3]) == 15
    assert metric(at, lang, "linear_networks.m_params_B") == ln.parameter_count([4, 2, 3]) == 19
    assert metric_text(at, lang, "linear_networks.m_rank") == "2 / 3"
    assert len(at.warning) == 1  # the bottleneck notice
    identity = i18n.translate(lang, "linear_networks.act.identity")
    assert metric(at, lang, "linear_networks.m_gap", act=identity) < 1e-12
    # The fit: linear B stuck at the best affine MSE, ReLU B far below it.
    X, y = ln.nonlinear_target("square")
    best = ln.best_affine_mse(X, y)
    lin = metric(at, lang, "linear_networks.m_mse", **mse_label(lang, "linear_networks.net_linear"))
    relu = metric(
        at,
        lang,
        "linear_networks.m_mse",
        **mse_label(lang, "linear_networks.net_nonlinear", act="ReLU"),
    )
    assert lin == pytest.approx(best, rel=1e-3)
    assert relu < 0.05 * best
    assert i18n.translate(lang, "linear_networks.misc_nonlinear") in all_text(at)


def test_widening_the_hidden_layer_removes_the_bottleneck():
    at = open_page("linear_networks")
    at.slider(key="linear_networks.h").set_value(5).run()
    assert not at.exception
    assert metric_text(at, "en", "linear_networks.m_rank") == "3 / 3"
    assert metric(at, "en", "linear_networks.m_params_B") == ln.parameter_count([4, 5, 3]) == 43
    assert len(at.warning) == 0
    assert qp(at, "h") == "5"


def test_relu_breaks_the_collapse_and_bends_the_grid():
    at = open_page("linear_networks")
    at.radio(key="linear_networks.act").set_value("relu").run()
    assert not at.exception
    weights, biases = ln.random_network([4, 2, 3], seed=1)
    gap = ln.max_collapse_gap(weights, biases, "relu", n_points=500, seed=1)
    shown = metric(at, "en", "linear_networks.m_gap", act="ReLU")
    assert shown == pytest.approx(gap, rel=1e-2) and shown > 0.01
    g_w, g_b = ln.random_network([2, 2, 2], seed=1)
    bend = ln.max_bend(ln.map_lines(ln.grid_lines(), g_w, g_b, "relu"))
    assert metric(at, "en", "linear_networks.m_bend") == pytest.approx(bend, rel=1e-2)
    assert bend > 0.01


def test_xor_target():
    at = open_page("linear_networks", lang="es", target="xor")
    assert not at.exception
    lin = metric(at, "es", "linear_networks.m_mse", **mse_label("es", "linear_networks.net_linear"))
    assert lin == pytest.approx(0.25, abs=1e-4)
    table = at.dataframe[-1].value  # the XOR truth table with both fits
    assert len(table) == 4
    relu_col = i18n.translate("es", "linear_networks.net_nonlinear", act="ReLU")
    target_col = i18n.translate("es", "linear_networks.target_y")
    assert (table[relu_col] - table[target_col]).abs().max() < 0.01


def test_url_round_trip():
    params = {"d": "5", "h": "1", "m": "2", "act": "tanh", "seed": "3", "target": "xor"}
    at = open_page("linear_networks", **params)
    assert not at.exception
    assert at.slider(key="linear_networks.d").value == 5
    assert at.slider(key="linear_networks.h").value == 1
    assert at.radio(key="linear_networks.act").value == "tanh"
    assert at.number_input(key="linear_networks.seed").value == 3
    for name, value in params.items():
        assert qp(at, name) == value
    weights, biases = ln.random_network([5, 1, 2], seed=3)
    assert metric_text(at, "en", "linear_networks.m_rank") == "1 / 2"
    gap = ln.max_collapse_gap(weights, biases, "tanh", n_points=500, seed=3)
    assert metric(at, "en", "linear_networks.m_gap", act="tanh") == pytest.approx(gap, rel=1e-2)


def test_bad_query_params_fall_back(lang):
    at = open_page("linear_networks", lang=lang, d="99", h="-1", act="sigmoid", seed="abc")
    assert not at.exception
    assert at.slider(key="linear_networks.d").value == 8  # clamped to the maximum
    assert at.slider(key="linear_networks.h").value in (1, 2)  # clamped or default
    assert at.radio(key="linear_networks.act").value == "identity"
    assert at.number_input(key="linear_networks.seed").value == 1
    assert len([c for c in at.caption if "sigmoid" in c.value or "abc" in c.value]) == 2


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda: ln.collapse([[[1.0, 2.0]], [[1.0, 2.0]]], [[0.0], [0.0]]),
            "weights[1] debe tener 1 columnas (las salidas de la capa 0)",
        ),
        (lambda: ln.forward([1.0], [[[1.0, 2.0]]], [[0.0]]), "x debe tener 2 variables"),
        (lambda: ln.nonlinear_target("sin"), "target debe ser uno de"),
        (lambda: ln.parameter_count([3]), "layer_sizes debe indicar al menos 2 tamaños"),
    ],
)
def test_core_errors_are_translated_to_spanish(call, expected):
    with pytest.raises(ValueError) as info:
        call()
    assert i18n.translate_error("es", str(info.value)).startswith(expected)
