"""AppTest of the page "Batch normalization" (pages/batch_norm.py)."""

from __future__ import annotations

import numpy as np

from core import batch_norm as bn
from tests.pages import helpers
from tests.pages.helpers import all_text, link_notices, num, open_page, qp
from ui import i18n
from ui.text import batch_norm as text

TOPIC = "batch_norm"
DEFAULT_POP = bn.Population.from_presets(["height_m", "age_years"])


def shown(at, key: str, lang: str = "en", nth: int = 0, **kwargs) -> str:
    """The value of the (nth) metric whose label is the catalogue text of ``key``."""
    return helpers.metric_value(at, i18n.translate(lang, f"{TOPIC}.{key}", **kwargs), nth)


def expected(pop, N=8, seed=0, T=1, momentum=0.1, gamma=1.0, beta=0.0, eps=1e-5, j=0):
    """What the page should show in training mode after T batches: (mu_B, run_mean, y_1)."""
    x = bn.stream_batch(pop, N, seed, T - 1)
    means, variances = bn.running_history(pop, N, seed, T, momentum)
    C = pop.n_features
    y, rm, rv = bn.batch_norm_forward(
        x, np.full(C, gamma), np.full(C, beta), means[T - 1], variances[T - 1], True,
        momentum, eps,
    )  # fmt: skip
    np.testing.assert_allclose(rm, means[T])  # the page's history and the forward pass agree
    np.testing.assert_allclose(rv, variances[T])
    return x[:, j].mean(), means[T, j], variances[T, j], y[0, j]


def test_catalogue_has_same_keys_and_placeholders():
    helpers.check_catalogue(text, TOPIC)


def test_renders_in_both_languages(lang):
    at = helpers.open_clean(TOPIC, lang)
    mu_B, run_mean, run_var, y1 = expected(DEFAULT_POP)
    assert shown(at, "m_mu_B", lang) == num(mu_B)
    assert shown(at, "m_run_mean", lang) == num(run_mean)
    assert shown(at, "m_run_var", lang) == num(run_var)
    assert shown(at, "m_y1", lang) == num(y1)
    latex = [el.value for el in at.latex]
    for formula in (bn.batch_norm_forward.latex, bn.running_history.latex, bn.min_max_scale.latex):
        assert any(formula in value for value in latex)
    for key in ("misc_minmax", "misc_regularizer"):
        assert any(i18n.translate(lang, f"{TOPIC}.{key}") in el.value for el in at.info)
    # every numbers check agrees (batch statistics, and the GD closed form against a loop)
    quantity = i18n.translate(lang, "ui.check_quantity")
    checks = [df.value for df in at.dataframe if df.value.columns[0] == quantity]
    assert len(checks) == 2
    assert all(list(table.iloc[:, -1]) == ["✓"] * len(table) for table in checks)


def test_next_mini_batch_feeds_a_fresh_batch():
    at = open_page(TOPIC)
    before = shown(at, "m_mu_B")
    at.button(key=f"{TOPIC}.next").click().run()
    assert not at.exception
    mu_B, run_mean, run_var, y1 = expected(DEFAULT_POP, T=2)
    assert shown(at, "m_mu_B") == num(mu_B) != before
    assert shown(at, "m_run_mean") == num(run_mean)
    assert shown(at, "m_run_var") == num(run_var)
    assert qp(at, "steps") == "2"
    # 50 more batches: the running mean of height approaches the population mean 1.70
    at.button(key=f"{TOPIC}.run50").click().run()
    _, run_mean, run_var, _ = expected(DEFAULT_POP, T=52)
    assert shown(at, "m_run_mean") == num(run_mean)
    assert abs(run_mean - 1.70) < 0.05 and abs(run_var - 0.01) < 0.005
    # evaluation mode: the buttons draw test batches and leave the running estimates alone
    at.radio(key=f"{TOPIC}.mode").set_value("eval").run()
    at.button(key=f"{TOPIC}.next").click().run()
    assert shown(at, "m_run_mean") == num(run_mean)
    x_eval = bn.stream_batch(DEFAULT_POP, 8, 0, 1, stream=bn.EVAL_STREAM)
    means, variances = bn.running_history(DEFAULT_POP, 8, 0, 52, 0.1)
    y, _, _ = bn.batch_norm_forward(x_eval, None, None, means[-1], variances[-1], False)
    assert shown(at, "m_y1") == num(y[0, 0])
    assert qp(at, "evals") == "1"
    at.button(key=f"{TOPIC}.reset").click().run()
    assert "steps" not in at.query_params and "evals" not in at.query_params


def test_gamma_and_beta_change_the_output():
    at = open_page(TOPIC)
    at.slider(key=f"{TOPIC}.gamma").set_value(2.0).run()
    at.slider(key=f"{TOPIC}.beta").set_value(-0.5).run()
    assert not at.exception
    *_, y1 = expected(DEFAULT_POP, gamma=2.0, beta=-0.5)
    assert shown(at, "m_y1") == num(y1)
    assert qp(at, "gamma") == "2" and qp(at, "beta") == "-0.5"


def test_standardizing_cuts_the_iterations():
    at = open_page(TOPIC, lr_frac="0.5", tol="1e-06")
    X, y = bn.regression_problem(DEFAULT_POP, 200, 0)
    raw = bn.linear_regression_gd(X, y, 0.5, 1e-6)
    std = bn.linear_regression_gd(bn.standardize(X), y, 0.5, 1e-6)
    assert shown(at, "m_iters", nth=0) == f"{raw.iterations:,}"
    assert shown(at, "m_iters", nth=1) == f"{std.iterations:,}"
    assert raw.iterations > 1000 * std.iterations
    at.slider(key=f"{TOPIC}.lr_frac").set_value(0.25).run()
    std = bn.linear_regression_gd(bn.standardize(X), y, 0.25, 1e-6)
    assert shown(at, "m_iters", nth=1) == f"{std.iterations:,}"


def test_url_round_trip():
    query = {"C": "3", "f2": "pixel", "f3": "custom", "off3": "5", "sc3": "2", "N": "16",
             "seed": "3", "gamma": "0.5", "beta": "1", "eps": "0.001", "momentum": "0.2",
             "focus": "2", "steps": "20", "lr_frac": "0.3", "tol": "0.001"}  # fmt: skip
    at = open_page(TOPIC, **query)
    assert not at.exception
    assert not link_notices(at)  # no notice: all values valid
    assert at.number_input(key=f"{TOPIC}.N").value == 16
    assert at.selectbox(key=f"{TOPIC}.f2").value == "pixel"
    pop = bn.Population((1.70, 128.0, 5.0), (0.10, 50.0, 2.0))
    mu_B, run_mean, _, y1 = expected(pop, N=16, seed=3, T=20, momentum=0.2, gamma=0.5, beta=1.0,
                                     eps=1e-3, j=1)  # fmt: skip
    assert shown(at, "m_mu_B") == num(mu_B)
    assert shown(at, "m_run_mean") == num(run_mean)
    assert shown(at, "m_y1") == num(y1)
    state = {name: qp(at, name) for name in query}
    assert state == query
    again = open_page(TOPIC, **state)
    assert [m.value for m in again.metric] == [m.value for m in at.metric]


def test_batch_of_one_is_refused_in_training_but_fine_in_evaluation(lang):
    at = open_page(TOPIC, lang=lang, N="1")
    assert not at.exception
    assert len(at.error) == 1
    if lang == "es":
        assert "tamaño del lote debe ser >= 2" in at.error[0].value
    else:
        assert "batch size must be >= 2 in training mode" in at.error[0].value
    at.radio(key=f"{TOPIC}.mode").set_value("eval").run()
    assert not at.exception and not at.error
    x = bn.stream_batch(DEFAULT_POP, 1, 0, 0, stream=bn.EVAL_STREAM)
    assert shown(at, "m_y1", lang) == num((x[0, 0] - 0.0) / np.sqrt(1.0 + 1e-5))  # initial stats


def test_bad_query_params_render_with_notice():
    at = open_page(TOPIC, lang="es", N="abc", gamma="nan", eps="7", mode="zzz", f1="shoe",
                   momentum="5", steps="-4", evals="x", C="99", focus="9")  # fmt: skip
    assert not at.exception
    text_shown = all_text(at)
    assert "no es válido" in text_shown and "fuera del rango" in text_shown
    assert at.number_input(key=f"{TOPIC}.N").value == 8
    assert at.slider(key=f"{TOPIC}.momentum").value == 1.0  # clamped


def test_ill_conditioned_custom_feature_shows_an_error_not_a_crash():
    at = open_page(TOPIC, lang="es", f1="custom", off1="10000", sc1="0.001")
    assert not at.exception
    assert any("demasiado mal condicionada" in el.value for el in at.error)
    assert "número de condición" in all_text(at)  # the standardized panel still works


def test_min_max_beside_batch_norm_on_the_same_batch():
    at = open_page(TOPIC, N="12", focus="2")
    x = bn.stream_batch(DEFAULT_POP, 12, 0, 0)
    z = bn.min_max_scale(x)[:, 1]
    mu_B, sigma2_B = bn.batch_statistics(x)
    x_hat = (x[:, 1] - mu_B[1]) / np.sqrt(sigma2_B[1] + 1e-5)
    stat = i18n.translate("en", f"{TOPIC}.col_stat")
    summary = next(df.value for df in at.dataframe if df.value.columns[0] == stat)
    minmax, bn_col = (i18n.translate("en", f"{TOPIC}.col_{c}") for c in ("minmax", "bn"))
    np.testing.assert_allclose(summary[minmax], [z.mean(), z.std(), 0.0, 1.0], atol=1e-12)
    np.testing.assert_allclose(summary[bn_col], [0.0, x_hat.std(), x_hat.min(), x_hat.max()],
                               atol=1e-12)  # fmt: skip
    assert abs(z.mean()) > 0.1  # min-max does not centre
