"""AppTest of the page "Optimizers: a race on 2-D functions" (pages/optimizers.py)."""

from __future__ import annotations

import math

import numpy as np

from core import optimizers as opt
from core import second_order as so
from tests.pages import helpers
from tests.pages.helpers import all_text, link_notices, num, open_page, qp
from ui import classroom, i18n
from ui.text import optimizers as text

TOPIC = "optimizers"


def tr(key: str, lang: str = "en", **kw) -> str:
    return i18n.translate(lang, f"{TOPIC}.{key}", **kw)


def shown(at, key: str, lang: str = "en") -> str:
    """The value of the metric whose label is the catalogue text of ``key``."""
    return helpers.metric_value(at, tr(key, lang))


def results(at):
    """The race table (the first dataframe: optimizer, η, final value, final point, outcome)."""
    return at.dataframe[0].value


def outcome(at, optimizer: str, lang: str = "en") -> str:
    table = results(at)
    row = table[table[tr("col_opt", lang)] == optimizer]
    return str(row[tr("col_status", lang)].iloc[0])


def test_catalogue_has_same_keys_and_placeholders():
    helpers.check_catalogue(text, TOPIC)
    for name in [*opt.OPTIMIZERS, *opt.SECOND_ORDER]:
        assert f"{TOPIC}.name.{name}" in text.EN and f"{TOPIC}.rule.{name}" in text.EN
    for reason in ("singular", "nan", "inf", "grew"):  # every Breakdown.reason has its text
        assert f"{TOPIC}.newton_div.{reason}" in text.EN
    for row in so.step_costs(10):
        assert f"{TOPIC}.cost.{row.method}" in text.EN


def test_core_errors_are_translated():
    cases = [
        lambda: opt.run_optimizer("lion", opt.saddle().grad, [0, 0], 1, 0.1),
        lambda: opt.run_optimizer("sgd", opt.saddle().grad, [0, 0], 1, 0.1, rho=0.9),
        lambda: opt.run_optimizer("adam", opt.saddle().grad, [0, 0], 1, 0.1, amsgrad=1),
        lambda: opt.run_optimizer("adam", opt.saddle().grad, [0, 0], 1, 0.1, betas=0.9),
        lambda: opt.run_optimizer("sgd", opt.saddle().grad, [0, 0], 1, 0.1, sigma=1.0),
        lambda: opt.run_optimizer("newton", opt.saddle().grad, [0, 0], 1, 1.0),
        lambda: opt.run_optimizer("newton", opt.saddle().grad, [0, 0], 1, 1.0, hess=1.0),
        lambda: opt.run_optimizer(
            "newton", opt.saddle().grad, [0, 0], 1, 1.0, hess=lambda z: np.eye(3)
        ),
    ]
    helpers.assert_errors_translated(cases)


def test_renders_in_both_languages(lang):
    at = helpers.open_clean(TOPIC, lang)
    # default view: quadratic, kappa = 10, theta = 30 degrees
    eta_star, beta_star = opt.optimal_momentum(1.0, 10.0)
    assert shown(at, "m_lam", lang) == "1, 10"
    assert shown(at, "m_limit", lang) == "0.2"
    assert shown(at, "m_beta", lang) == num(beta_star) == "0.2699"
    assert shown(at, "m_eta", lang) == num(eta_star)
    # the race table: SGD at eta = 0.15 reaches f - f* < 1e-4 at the step the core says
    fn = opt.quadratic(10.0, math.radians(30))
    path = opt.run_optimizer("sgd", fn.grad, fn.start, 100, 0.15)
    k = int(np.flatnonzero(fn.f(path) < 1e-4)[0])
    assert outcome(at, "SGD", lang) == tr("st_reached", lang, k=k)
    # update rules are rendered from the docstring LaTeX
    latex = [el.value for el in at.latex]
    for formula in (
        opt.update_rule("sgd"),
        opt.update_rule("momentum"),
        opt.update_rule("adam"),
        opt.stable_lr_limit.latex,
        opt.optimal_momentum.latex,
    ):
        assert any(formula in value for value in latex)
    infos = " ".join(el.value for el in at.info)
    assert tr("misc_adam", lang) in infos and tr("misc_adagrad", lang) in infos
    for key in ("misc_adadelta_monotone", "misc_rho_friction", "misc_sgd_minima"):
        assert tr(key, lang) in infos, key
    # the closed-form check (I - eta A)^t z0 agrees with the simulated path
    checks = [df.value for df in at.dataframe if df.value.shape[1] == 5 and "✓" in str(df.value)]
    assert len(checks) == 1


def test_raising_kappa_moves_the_limit_and_explains_the_divergence():
    at = open_page(TOPIC)
    assert not at.warning
    at.select_slider(key=f"{TOPIC}.kappa").set_value(100).run()
    assert not at.exception
    assert shown(at, "m_limit") == "0.02"
    assert shown(at, "m_beta") == num(opt.optimal_momentum(1.0, 100.0)[1]) == "0.6694"
    # SGD keeps eta = 0.15 > 2/100: it diverges, at the step the core finds, and it is explained
    fn = opt.quadratic(100.0, math.radians(30))
    path = opt.run_optimizer("sgd", fn.grad, fn.start, 100, 0.15)
    k = opt.divergence_step(path, limit=100.0 * 6.0)
    assert k is not None
    assert outcome(at, "SGD") == tr("st_diverged", k=k)
    warning = " ".join(w.value for w in at.warning)
    assert "SGD diverged at step" in warning and "2/λ_max = 0.02" in warning
    assert qp(at, "kappa") == "100"
    # the slider itself carries the limit in its label
    assert at.select_slider(key=f"{TOPIC}.lr_sgd").label == tr("lr_limit", limit="0.02")


def test_saddle_is_escaped_only_with_a_perturbation():
    at = open_page(TOPIC, fn="saddle", y0_saddle="0", opts="sgd")
    assert not at.exception
    assert outcome(at, "SGD") == tr("st_stuck")
    at.slider(key=f"{TOPIC}.sigma").set_value(0.1).run()
    fn = opt.saddle()
    path = opt.run_optimizer(
        "sgd", fn.grad, [-1.8, 0.0], 100, 0.15, sigma=0.1, rng=np.random.default_rng(0)
    )
    k = int(np.flatnonzero(np.abs(path[:, 1]) > 2.0)[0])
    assert outcome(at, "SGD") == tr("st_escaped", k=k)


def test_url_round_trip():
    query = {
        "fn": "two_minima",
        "opts": "sgd~rmsprop~adam",
        "lr_adam": "0.05",
        "alpha_rmsprop": "0.9",
        "x0_two_minima": "1.5",
        "y0_two_minima": "-1",
        "steps": "200",
        "sigma": "0.5",
        "seed": "3",
    }
    at = open_page(TOPIC, lang="es", **query)
    assert not at.exception
    assert not link_notices(at)  # no notice: all values valid
    assert at.multiselect(key=f"{TOPIC}.opts").value == ["sgd", "rmsprop", "adam"]
    # the Adam row is the core's run with the same noise
    fn = opt.two_minima()
    path = opt.run_optimizer(
        "adam", fn.grad, [1.5, -1.0], 200, 0.05, sigma=0.5, rng=np.random.default_rng(3)
    )
    table = results(at)
    row = table[table[tr("col_opt", "es")] == "Adam"]
    assert row[tr("col_gap", "es")].iloc[0] == num(fn.f(path[-1]) - fn.f_star)
    state = {name: qp(at, name) for name in query}
    assert state == query
    again = open_page(TOPIC, lang="es", **state)
    assert results(again).equals(table)


def test_adam_without_bias_correction_explains_the_first_step():
    at = open_page(TOPIC, opts="adam")
    assert tr("no_bias_note", factor="3.162", b1="0.9", b2="0.999") not in all_text(at)
    at.checkbox(key=f"{TOPIC}.bc_adam").uncheck().run()
    assert not at.exception
    assert tr("no_bias_note", factor="3.162", b1="0.9", b2="0.999") in all_text(at)
    assert qp(at, "bc_adam") == "0"


def test_optimal_heavy_ball_is_added_and_converges_fastest():
    at = open_page(TOPIC, kappa="100", opts="momentum~nesterov", optimal="1", steps="200")
    assert not at.exception
    table = results(at)
    assert list(table[tr("col_opt")]) == ["Momentum", "Nesterov", tr("name.optimal")]
    fn = opt.quadratic(100.0, math.radians(30))
    eta, beta = opt.optimal_momentum(1.0, 100.0)
    path = opt.run_optimizer("momentum", fn.grad, fn.start, 200, eta, momentum=beta)
    k = int(np.flatnonzero(fn.f(path) < 1e-4)[0])
    assert outcome(at, tr("name.optimal")) == tr("st_reached", k=k)


def test_bad_query_params_render_with_notice():
    at = open_page(
        TOPIC, lang="xx", fn="bowl", kappa="7", lr_sgd="abc", steps="1e9", opts="sgd~lion"
    )
    assert not at.exception
    assert at.session_state["lang"] == "en"
    notices = " ".join(link_notices(at))
    assert "fn=bowl" in notices and "kappa=7" in notices and "lr_sgd=abc" in notices
    assert "steps=1e9" in notices and "opts=" in notices  # the URL value is shown sanitized
    assert at.multiselect(key=f"{TOPIC}.opts").value == ["sgd"]  # the valid part is kept
    assert at.slider(key=f"{TOPIC}.steps").value == classroom.limits().max_optimizer_steps
    assert shown(at, "m_lam") == "1, 10"  # defaults used


def test_no_optimizer_chosen_is_explained():
    at = open_page(TOPIC, lang="es")
    at.multiselect(key=f"{TOPIC}.opts").set_value([]).run()
    assert not at.exception
    assert any(tr("none_chosen", "es") in el.value for el in at.info)


def test_course_callout_numbers_are_in_both_catalogues():
    """The numbers quoted by the rho and Adadelta callouts (pinned against core in
    tests/core/test_optimizers.py) are written the same way in English and Spanish."""
    for lang in ("en", "es"):
        rho = tr("misc_rho_friction", lang)
        for quoted in ("0.9¹⁰ ≈ 0.35", "0.99¹⁰ ≈ 0.90", "1 − ρ", "10 ", "100 "):
            assert quoted in rho, (lang, quoted)
        adadelta = tr("misc_adadelta_monotone", lang)
        for quoted in ("0.0032", "0.0047", "de 1 a 0.1" if lang == "es" else "from 1 to 0.1"):
            assert quoted in adadelta, (lang, quoted)
        minima = tr("misc_sgd_minima", lang)
        assert "η = 0.1" in minima and "σ = 1" in minima


# ---------------------------------------------------------------------------------------------
# Second-order methods: Newton (damping), L-BFGS, the second-order section.
# ---------------------------------------------------------------------------------------------


def test_newton_damping_on_the_saddle_singular_then_downhill(lang):
    at = open_page(TOPIC, lang=lang, fn="saddle", opts="newton", damping="2")
    assert not at.exception
    name = tr("name.newton", lang)
    # lambda = 2 cancels the eigenvalue -2: H + lambda I is singular, the step does not exist
    assert outcome(at, name, lang) == tr("st_singular", lang, k=1)
    warning = " ".join(w.value for w in at.warning)
    assert tr("newton_div.singular", lang, opt=name, k=1, eig="0, 4", lr="1") in warning
    captions = " ".join(c.value for c in at.caption)
    kind = tr("kind.singular", lang)
    assert tr("newton_at_start", lang, eig="0, 4", kind=kind) in captions
    # lambda = 3 makes it positive definite: it escapes downhill, at the step core finds
    at.slider(key=f"{TOPIC}.damping").set_value(3.0).run()
    assert not at.exception and not at.warning
    fn = opt.saddle()
    path = opt.run_optimizer("newton", fn.grad, fn.start, 100, 1.0, hess=fn.hess, damping=3.0)
    k = int(np.flatnonzero(np.abs(path[:, 1]) > 2.0)[0])
    assert outcome(at, name, lang) == tr("st_escaped", lang, k=k)
    assert qp(at, "damping") == "3"
    captions = " ".join(c.value for c in at.caption)
    kind = tr("kind.positive_definite", lang)
    assert tr("newton_at_start", lang, eig="1, 5", kind=kind) in captions
    # lambda = 0: one step onto the saddle point, and the outcome says so
    at.slider(key=f"{TOPIC}.damping").set_value(0.0).run()
    assert outcome(at, name, lang) == tr("st_newton_saddle", lang)


def test_newton_and_lbfgs_on_rosenbrock_from_the_classic_start(lang):
    at = open_page(TOPIC, lang=lang, fn="rosenbrock", opts="sgd~newton")
    assert not at.exception
    # with Newton chosen the start defaults to (-1.2, 1)
    assert at.slider(key=f"{TOPIC}.x0_rosenbrock").value == -1.2
    assert at.slider(key=f"{TOPIC}.y0_rosenbrock").value == 1.0
    fn = opt.rosenbrock()
    newton = opt.run_optimizer("newton", fn.grad, [-1.2, 1.0], 100, 1.0, hess=fn.hess)
    k = int(np.flatnonzero(fn.f(newton) < 1e-4)[0])
    assert outcome(at, tr("name.newton", lang), lang) == tr("st_reached", lang, k=k)
    assert tr("name.lbfgs", lang) not in list(results(at)[tr("col_opt", lang)])
    at.toggle(key=f"{TOPIC}.lbfgs").set_value(True).run()
    assert not at.exception
    assert qp(at, "lbfgs") == "1"
    lbfgs = so.lbfgs_path(fn.f, fn.grad, [-1.2, 1.0], 100)
    table = results(at)
    row = table[table[tr("col_opt", lang)] == tr("name.lbfgs", lang)]
    assert row[tr("col_gap", lang)].iloc[0] == num(fn.f(lbfgs[-1]))
    assert row["η"].iloc[0] == tr("lr_none", lang)
    again = open_page(TOPIC, lang=lang, **{k: qp(at, k) for k in ("fn", "opts", "lbfgs")})
    assert results(again).equals(table)


def test_old_rosenbrock_links_keep_their_start():
    plain = open_page(TOPIC, fn="rosenbrock", opts="sgd")
    assert plain.slider(key=f"{TOPIC}.x0_rosenbrock").value == opt.rosenbrock().start[0]
    old = open_page(TOPIC, fn="rosenbrock", opts="newton", x0_rosenbrock="-1.5", y0_rosenbrock="2")
    assert old.slider(key=f"{TOPIC}.x0_rosenbrock").value == -1.5
    assert old.slider(key=f"{TOPIC}.y0_rosenbrock").value == 2.0


def test_second_order_section_numbers_come_from_core(lang):
    at = open_page(TOPIC, lang=lang)
    assert not at.exception
    N = so.mlp_parameter_count(so.COURSE_MLP, so.COURSE_MLP_BATCH_NORM)
    assert shown(at, "m_params", lang) == f"{N:,}" == "75,914"  # the notebook's summary
    assert shown(at, "m_hess", lang) == "23.05 GB"
    assert so.hessian_bytes(N) == 4 * N * N
    latex = " ".join(el.value for el in at.latex)
    assert so.newton.latex in latex and so.step_costs.latex in latex
    frames = [df.value for df in at.dataframe]
    one_step = next(f for f in frames if tr("col_newton_err", lang) in f.columns)
    assert list(one_step[tr("col_kappa", lang)]) == ["1", "10", "100", "1000", "10000", "1e+06"]
    errors = one_step[tr("col_newton_err", lang)].astype(float)
    assert (errors < 1e-9).all()  # one step lands on the minimum, whatever kappa
    damped = next(f for f in frames if tr("col_damping", lang) in f.columns)
    ends = list(damped[tr("col_end", lang, steps=30)])
    assert ends[0] == tr("end.saddle", lang, x="0", y="0")
    assert ends[1] == tr("end.singular", lang, k=1)
    fn = opt.saddle()
    path = opt.run_optimizer("newton", fn.grad, fn.start, 30, 1.0, hess=fn.hess, damping=3.0)
    k = int(np.flatnonzero(np.linalg.norm(path, axis=1) > 40.0)[0])  # 10 picture widths
    assert ends[2] == tr("end.escaped", lang, k=k)
    costs = next(f for f in frames if tr("col_method", lang) in f.columns)
    assert list(costs[tr("col_bytes", lang)])[-1] == "23.05 GB"
    infos = " ".join(el.value for el in at.info)
    for key in ("misc_newton_no_lr", "misc_newton_minimizes", "misc_newton_inverse"):
        assert tr(key, lang) in infos, key
