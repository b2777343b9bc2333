"""AppTest of the page "L1 regularization: the proximal solution" (pages/l1_proximal.py)."""

from __future__ import annotations

import numpy as np

from core import l1_proximal as l1
from tests.pages import helpers
from tests.pages.helpers import all_text, link_notices, num, open_page, qp
from ui import i18n
from ui.text import l1_proximal as text

TOPIC = "l1_proximal"


def shown(at, key: str, lang: str = "en") -> str:
    """The value of the metric whose label is the catalogue text of ``key``."""
    return helpers.metric_value(at, i18n.translate(lang, f"{TOPIC}.{key}"))


def test_catalogue_has_same_keys_and_placeholders():
    helpers.check_catalogue(text, TOPIC)


def test_renders_in_both_languages(lang):
    at = helpers.open_clean(TOPIC, lang)
    # default view: w* = 1.5, alpha = 1, H = 1
    assert shown(at, "m_l1", lang) == "0.5"
    assert shown(at, "m_l2", lang) == "0.75"
    assert shown(at, "m_zeros_l1", lang) == i18n.translate(lang, f"{TOPIC}.of_d", k=3, d=6)
    # the formulas come from the core docstrings' LaTeX
    latex = [el.value for el in at.latex]  # st.latex wraps the source in $$ ... $$
    formulas = (l1.soft_threshold.latex, l1.OBJECTIVE_LATEX, l1.subdifferential.latex,
                l1.l2_shrink.latex, l1.LASSO_LATEX, l1.ista.latex[0])  # fmt: skip
    for formula in formulas:
        assert any(formula in value for value in latex)
    misconception = i18n.translate(lang, f"{TOPIC}.misc_sign")
    assert any(misconception in el.value for el in at.info)
    # every numbers check agrees
    checks = [df.value for df in at.dataframe if df.value.shape[1] == 5]
    assert len(checks) == 4  # one weight, elastic net, vector, ISTA
    assert all(list(table.iloc[:, -1]) == ["✓"] * len(table) for table in checks)


def test_moving_alpha_changes_the_shown_w():
    at = open_page(TOPIC, alpha="0.5")
    assert shown(at, "m_l1") == num(l1.soft_threshold(1.5, 0.5, 1.0)) == "1"
    at.slider(key=f"{TOPIC}.alpha").set_value(2.0).run()
    assert not at.exception
    assert shown(at, "m_l1") == num(l1.soft_threshold(1.5, 2.0, 1.0)) == "0"
    assert shown(at, "m_l2") == num(l1.l2_shrink(1.5, 2.0, 1.0)) == "0.5"
    assert shown(at, "m_zero") == "yes"
    assert qp(at, "alpha") == "2"
    # the vector view follows the same alpha
    w_star, H = l1.weights_from_table([[2.0, 1.0], [-0.4, 2.0], [0.8, 0.5], [-2.5, 1.0],
                                       [0.3, 5.0], [1.2, 0.2]])  # fmt: skip
    k = int(np.sum(l1.soft_threshold(w_star, 2.0, H) == 0.0))
    assert shown(at, "m_zeros_l1") == f"{k} of 6"


def test_negative_weight_in_the_dead_zone_is_zero_in_spanish():
    at = open_page(TOPIC, lang="es", w_star="-0.6", H="1.5")  # dead zone [-2/3, 2/3]
    assert not at.exception
    assert shown(at, "m_l1", "es") == "0"
    assert shown(at, "m_zero", "es") == "sí"
    # the subgradient interval at 0 is stated with its numbers and contains 0
    lo, hi = l1.subdifferential(0.0, -0.6, 1.0, 1.5)
    assert f"[{num(lo)}, {num(hi)}]" in all_text(at)


def test_url_round_trip():
    query = {"alpha": "2.5", "H": "0.5", "w_star": "-3.5", "source": "random", "d": "5",
             "seed": "7", "alpha_ista": "0.1", "steps": "20", "whiten": "1"}  # fmt: skip
    at = open_page(TOPIC, **query)
    assert not at.exception
    assert not link_notices(at)  # no notice: all values valid
    assert at.slider(key=f"{TOPIC}.alpha").value == 2.5
    assert at.select_slider(key=f"{TOPIC}.H").value == 0.5
    assert shown(at, "m_l1") == num(l1.soft_threshold(-3.5, 2.5, 0.5)) == "0"
    assert shown(at, "m_l2") == num(l1.l2_shrink(-3.5, 2.5, 0.5))
    w_star, H = l1.random_weights(5, seed=7)
    k = int(np.sum(l1.soft_threshold(w_star, 2.5, H) == 0.0))
    assert shown(at, "m_zeros_l1") == f"{k} of 5"
    # the page writes the same state back, so a copied URL reproduces the view
    state = {name: qp(at, name) for name in query}
    assert state == query
    again = open_page(TOPIC, **state)
    assert [m.value for m in again.metric] == [m.value for m in at.metric]


def test_ista_metrics_follow_the_core():
    at = open_page(TOPIC, alpha_ista="0.3", steps="5", noise="1.0", seed_ista="3", rho="0.5")
    assert not at.exception
    X, y, _ = l1.sparse_regression(40, 8, 3, 1.0, 3, rho=0.5)
    W = l1.ista(X, y, 0.3, 5)
    assert shown(at, "m_nnz") == f"{np.count_nonzero(W[-1])} / 8"
    w_hat, _ = l1.lasso_solution(X, y, 0.3)
    assert shown(at, "m_dist") == f"{np.max(np.abs(W[-1] - w_hat)):.2e}"
    at.slider(key=f"{TOPIC}.steps").set_value(500).run()
    W = l1.ista(X, y, 0.3, 500)
    assert np.array_equal(W[-1] == 0, w_hat == 0)
    assert shown(at, "m_support") == "yes"
    # with alpha = 0 the lasso is least squares: nothing is exactly zero
    at.slider(key=f"{TOPIC}.alpha_ista").set_value(0.0).run()
    assert shown(at, "m_nnz") == "8 / 8"


def test_bad_query_params_render_with_notice():
    at = open_page(TOPIC, lang="xx", alpha="abc", H="7.77", steps="1e9", source="<b>")
    assert not at.exception
    assert at.session_state["lang"] == "en"
    notices = link_notices(at)
    assert any("alpha=abc" in c for c in notices)
    assert any("H=7.77" in c for c in notices)
    assert any("steps=1e9" in c and "500" in c for c in notices)
    # (the "xx" language notice is shown on the first run, which open_page spends on app.py)
    assert shown(at, "m_l1") == "0.5"  # defaults used


def test_bad_weights_table_shows_translated_error(lang):
    at = open_page(TOPIC, lang=lang, weights="1,2;0.5,0")
    assert not at.exception
    message = i18n.translate_error(lang, "H must be > 0, got 0.0")
    assert any(message in e.value for e in at.error)
    # the rest of the page keeps working
    assert shown(at, "m_l1", lang) == "0.5"
    X, y, _ = l1.sparse_regression(40, 8, 3, 0.5, 0, rho=0.7)  # the ISTA section's defaults
    nnz = np.count_nonzero(l1.ista(X, y, 0.3, 100)[-1])
    assert shown(at, "m_nnz", lang) == f"{nnz} / 8"


def test_derivation_and_double_counting_callout(lang):
    """Homework P4.1: the steps render, and the callout shows what counting α twice would give."""
    at = open_page(TOPIC, lang=lang)  # w* = 1.5, alpha = 1, H = 1
    assert not at.exception
    latex = [el.value for el in at.latex]
    for _, formula in l1.DERIVATION_STEPS:
        assert any(formula in value for value in latex)
    for step in ("taylor", "gradient", "diagonal", "penalty"):
        assert i18n.translate(lang, f"{TOPIC}.deriv_{step}") in all_text(at)

    def callout(w_star, alpha, H):
        return i18n.translate(
            lang,
            f"{TOPIC}.misc_double",
            w=num(l1.soft_threshold(w_star, alpha, H)),
            w2=num(l1.double_counted_minimizer(w_star, alpha, H)),
            thr=num(alpha / H),
            thr2=num(2 * alpha / H),
            w_star=num(w_star),
        )

    text_default = callout(1.5, 1.0, 1.0)
    assert "w = 0 (" in text_default  # counted twice, the weight is wrongly zeroed
    assert any(text_default in el.value for el in at.info)
    at.slider(key=f"{TOPIC}.w_star").set_value(3.0).run()
    assert any(callout(3.0, 1.0, 1.0) in el.value for el in at.info)
    assert l1.double_counted_minimizer(3.0, 1.0, 1.0) == 1.0  # 3 − 2α/H instead of 3 − α/H


def test_elastic_net_section_in_both_languages(lang):
    at = helpers.open_clean(TOPIC, lang)
    # default view: w* = 1.5, alpha1 = alpha = 1, alpha2 = 1, H = 1: (1.5 - 1) / 2
    assert shown(at, "m_en", lang) == num(l1.elastic_net(1.5, 1.0, 1.0, 1.0)) == "0.25"
    assert shown(at, "m_en_factor", lang) == "0.5"
    latex = [el.value for el in at.latex]
    for _, formula in l1.ELASTIC_NET_STEPS:
        assert any(formula in value for value in latex)
    assert i18n.translate(lang, f"{TOPIC}.en_header") in [h.value for h in at.header]


def test_alpha2_slider_changes_the_elastic_net_solution_and_the_url():
    at = open_page(TOPIC, alpha2="0.5", w_star="3.0", H="2.0")
    assert shown(at, "m_en") == num(l1.elastic_net(3.0, 1.0, 0.5, 2.0)) == "2"
    at.slider(key=f"{TOPIC}.alpha2").set_value(2.0).run()
    assert not at.exception
    assert shown(at, "m_en") == num(l1.elastic_net(3.0, 1.0, 2.0, 2.0)) == "1.25"
    assert shown(at, "m_en_zero") == "no"
    assert qp(at, "alpha2") == "2"
    # alpha2 never moves the dead zone: a weight inside it stays zero
    at.slider(key=f"{TOPIC}.w_star").set_value(0.5).run()
    assert shown(at, "m_en") == "0" and shown(at, "m_en_zero") == "yes"
