"""AppTest of the dropout page: both languages, interactions, URL round trip, bad parameters."""

from __future__ import annotations

import numpy as np
import pytest

from core import dropout as dr
from tests.pages import helpers
from tests.pages.helpers import all_text, open_page, qp
from ui import i18n

W0, X0 = np.array([1.5, -0.5]), np.array([2.0, 1.0])  # the page's default unit


def metric(at, lang: str, key: str, **kwargs) -> float:
    return float(helpers.metric_value(at, i18n.translate(lang, key, **kwargs)))


def test_renders_in_both_languages(lang):
    at = open_page("dropout", lang=lang)
    assert not at.exception
    assert at.title[0].value == i18n.translate(lang, "dropout.title")
    # The course example: two inputs, p = 1/2, E[z] = 1/2 (w1 x1 + w2 x2).
    assert metric(at, lang, "dropout.m_e_enum") == pytest.approx(0.5 * float(W0 @ X0))
    assert metric(at, lang, "dropout.m_e_formula") == pytest.approx(0.5 * float(W0 @ X0))
    assert len(at.dataframe[0].value) == 4  # all 2^2 masks
    text = all_text(at)
    assert "nn.Dropout" in text  # the PyTorch drop-probability note
    mc = dr.monte_carlo_means(W0, X0, 0.5, 1000, np.random.default_rng(0))
    assert metric(at, lang, "dropout.m_mc_mean", k=1000) == pytest.approx(mc[-1], abs=6e-4)


def test_keep_probability_changes_the_expectation():
    at = open_page("dropout")
    at.select_slider(key="dropout.keep").set_value(0.8).run()
    assert not at.exception
    assert metric(at, "en", "dropout.m_e_enum") == pytest.approx(
        dr.expected_output(W0, X0, 0.8), abs=1e-4
    )
    assert metric(at, "en", "dropout.m_e_enum") == pytest.approx(2.0)
    assert qp(at, "keep") == "0.8"
    # Inverted: the training expectation is w·x itself.
    at.radio(key="dropout.mode").set_value("inverted").run()
    assert metric(at, "en", "dropout.m_e_enum") == pytest.approx(float(W0 @ X0))
    assert qp(at, "mode") == "inverted"


def test_more_inputs_and_a_nonlinearity():
    at = open_page("dropout")
    at.slider(key="dropout.n").set_value(3).run()
    at.radio(key="dropout.act").set_value("relu").run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 8
    w, x = np.array([1.5, -0.5, 1.0]), np.array([2.0, 1.0, -0.5])
    gap = dr.exact_expectation(w, x, 0.5, activation="relu") - dr.eval_output(
        w, x, 0.5, activation="relu"
    )
    shown = metric(at, "en", "dropout.m_gap", act=i18n.translate("en", "dropout.act.relu"))
    assert shown == pytest.approx(gap, abs=1e-3)
    assert gap > 0  # Jensen: ReLU is convex


def test_url_round_trip():
    params = {"n": "3", "keep": "0.7", "mode": "inverted", "act": "sigmoid", "w3": "2.5"}
    at = open_page("dropout", lang="es", **params)
    assert not at.exception
    assert at.slider(key="dropout.n").value == 3
    assert at.select_slider(key="dropout.keep").value == 0.7
    assert at.radio(key="dropout.mode").value == "inverted"
    assert at.number_input(key="dropout.w3").value == 2.5
    for name, value in params.items():
        assert qp(at, name) == value
    w, x = np.array([1.5, -0.5, 2.5]), np.array([2.0, 1.0, -0.5])
    assert metric(at, "es", "dropout.m_exact") == pytest.approx(
        dr.exact_expectation(w, x, 0.7, inverted=True, activation="sigmoid"), abs=1e-4
    )


def test_bad_query_params_fall_back_with_notices(lang):
    at = open_page("dropout", lang=lang, keep="1.5", n="abc", mode="xx", w1="nan", samples="0")
    assert not at.exception
    assert at.select_slider(key="dropout.keep").value == 0.5
    assert at.slider(key="dropout.n").value == 2
    assert at.radio(key="dropout.mode").value == "standard"
    assert at.number_input(key="dropout.w1").value == 1.5
    notices = [c.value for c in at.caption if "keep" in c.value or "mode" in c.value]
    assert len(notices) >= 2
    at = open_page("dropout", lang=lang, keep="0")
    assert not at.exception
    assert at.select_slider(key="dropout.keep").value == 0.5


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: dr.expected_output([1.0, 2.0], [1.0], 0.5), "w y x deben tener la misma forma"),
        (lambda: dr.expected_output([1.0], [1.0], 1.5), "keep_prob debe ser <= 1.0"),
        (lambda: dr.dropout([1.0], 0.5, 3), "rng debe ser un numpy.random.Generator"),
    ],
)
def test_core_errors_are_translated_to_spanish(call, expected):
    with pytest.raises(ValueError) as info:
        call()
    assert i18n.translate_error("es", str(info.value)).startswith(expected)
