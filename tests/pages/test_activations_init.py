"""AppTest of the page "Activations and initialization" (pages/activations_init.py)."""

from __future__ import annotations

import math

import numpy as np

from core import activations as act
from tests.pages import helpers
from tests.pages.helpers import all_text, open_page, qp
from ui import i18n
from ui.text import activations_init as text

TOPIC = "activations_init"
N_SAMPLES = 500  # rows the page pushes through the deep MLP


def shown(at, key: str, lang: str = "en", **kwargs) -> str:
    return helpers.metric_value(at, i18n.translate(lang, f"{TOPIC}.{key}", **kwargs))


def test_catalogue_has_same_keys_and_placeholders():
    helpers.check_catalogue(text, TOPIC)
    for name in act.NAMES:
        assert f"{TOPIC}.name_{name}" in text.EN and f"{TOPIC}.range_{name}" in text.EN
    for verdict in act.DIAGNOSES:
        assert f"{TOPIC}.verdict_{verdict}" in text.EN


def test_renders_in_both_languages(lang):
    at = helpers.open_clean(TOPIC, lang)
    # default probe: tanh at x = 2
    assert shown(at, "m_f", lang) == f"{math.tanh(2.0):.4g}" == "0.964"
    assert shown(at, "m_df", lang) == f"{1 - math.tanh(2.0) ** 2:.4g}"
    # default network: tanh, Xavier, 10 x 500 -> healthy
    stats = act.layer_statistics(10, 500, "tanh", "xavier", 0, n_samples=N_SAMPLES)
    assert shown(at, "m_std_last", lang) == f"{stats.std[-1]:.3g}"
    assert any(i18n.translate(lang, f"{TOPIC}.verdict_healthy") in s.value for s in at.success)
    latex = " ".join(el.value for el in at.latex)
    assert act.LATEX["tanh"][1] in latex and act.LAYER_LATEX in latex
    body = all_text(at)
    assert i18n.translate(lang, f"{TOPIC}.misc_xavier_relu") in body
    assert i18n.translate(lang, f"{TOPIC}.misc_dead") in body


def test_activation_and_probe_change_the_shown_values():
    at = open_page(TOPIC)
    at.radio(key=f"{TOPIC}.activation").set_value("relu").run()
    at.slider(key=f"{TOPIC}.x0").set_value(-1.0).run()
    assert not at.exception
    assert shown(at, "m_f") == "0" and shown(at, "m_df") == "0"  # the off side of ReLU
    at.radio(key=f"{TOPIC}.activation").set_value("leaky_relu").run()
    at.slider(key=f"{TOPIC}.slope").set_value(0.2).run()
    assert shown(at, "m_f") == "-0.2" and shown(at, "m_df") == "0.2"
    assert qp(at, "activation") == "leaky_relu" and qp(at, "slope") == "0.2"


def test_bias_slider_kills_the_relu():
    at = open_page(TOPIC)
    at.slider(key=f"{TOPIC}.bias").set_value(-4.0).run()
    assert not at.exception
    share = float(shown(at, "m_active").rstrip(" %"))
    assert share < 0.2  # Phi(-4) = 0.003 %: the unit is practically dead
    ok = i18n.translate("en", "ui.check_ok")
    checks = [df.value for df in at.dataframe if list(df.value.columns)[-1:] == [ok]]
    assert checks and list(checks[0][ok]) == ["✓"]


def test_weight_scale_changes_the_diagnosis():
    at = open_page(TOPIC)
    at.radio(key=f"{TOPIC}.init").set_value("small").run()
    assert not at.exception
    stats = act.layer_statistics(10, 500, "tanh", "small", 0, n_samples=N_SAMPLES)
    assert act.diagnose(stats) == "collapse"
    assert shown(at, "m_std_last") == f"{stats.std[-1]:.3g}"
    assert any(i18n.translate("en", f"{TOPIC}.verdict_collapse") in w.value for w in at.warning)
    at.radio(key=f"{TOPIC}.init").set_value("large").run()
    assert any(i18n.translate("en", f"{TOPIC}.verdict_saturation") in w.value for w in at.warning)
    assert qp(at, "init") == "large"


def test_url_round_trip_in_spanish():
    params = {"net_activation": "relu", "init": "he", "layers": "6", "width": "100", "seed": "2",
              "method": "center", "delta": "8"}  # fmt: skip
    at = open_page(TOPIC, lang="es", **params)
    assert not at.exception
    assert at.slider(key=f"{TOPIC}.layers").value == 6
    assert at.select_slider(key=f"{TOPIC}.width").value == 100
    stats = act.layer_statistics(6, 100, "relu", "he", 2, n_samples=N_SAMPLES)
    assert shown(at, "m_std_first", "es") == f"{stats.std[0]:.3g}"
    ratio = stats.grad_W_norm[0] / stats.grad_W_norm[-1]
    assert shown(at, "m_grad_ratio", "es") == f"{ratio:.3g}"
    # preprocessing: centred cloud, w rotated by 8 degrees
    X = act.make_cloud(300, 0)
    w = np.array([math.cos(math.radians(120)), math.sin(math.radians(120))])
    b = -float(w @ X.mean(axis=0))
    Xc, mu, s = act.preprocess(X, "center")
    w_c, b_c = act.transform_boundary(w, b, mu, s)
    expected = act.flip_fraction(Xc, w_c, b_c, 8.0)
    assert shown(at, "m_flip", "es") == f"{100 * expected:.1f} %"
    assert float(shown(at, "m_flip_raw", "es").rstrip(" %")) > 100 * expected
    for name, value in params.items():
        assert qp(at, name) == value


def test_bad_query_params_fall_back_with_a_notice(lang):
    at = open_page(TOPIC, lang=lang, activation="swish", init="kaiming", layers="999",
                   width="7", x0="nan", seed="-5")  # fmt: skip
    assert not at.exception
    assert at.radio(key=f"{TOPIC}.activation").value == "tanh"
    assert at.radio(key=f"{TOPIC}.init").value == "xavier"
    assert at.slider(key=f"{TOPIC}.layers").value == at.slider(key=f"{TOPIC}.layers").max
    assert at.select_slider(key=f"{TOPIC}.width").value == 500
    notices = " ".join(c.value for c in at.caption)
    assert "swish" in notices and "kaiming" in notices
