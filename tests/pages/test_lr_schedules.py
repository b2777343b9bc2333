"""AppTest of the page "Learning-rate schedules" (pages/lr_schedules.py)."""

from __future__ import annotations

import numpy as np

from core import lr_recipe
from core import optimizers as opt
from core import schedules as sch
from tests.pages import helpers
from tests.pages.helpers import all_text, link_notices, num, open_page, qp
from ui import i18n
from ui.text import lr_schedules as text

TOPIC = "lr_schedules"
DEFAULT_PARAMS = {
    "none": {},
    "step": {"step_size": 15, "gamma": 0.5},
    "cosine": {"eta_min": 0.0},
    "cosine_restarts": {"T_0": 10, "T_mult": 2, "eta_min": 0.0},
}


def tr(key: str, lang: str = "en", **kw) -> str:
    return i18n.translate(lang, f"{TOPIC}.{key}", **kw)


def shown(at, key: str, lang: str = "en") -> str:
    return helpers.metric_value(at, tr(key, lang))


def results(at, lang: str = "en"):
    """The per-schedule results table."""
    return next(df.value for df in at.dataframe if tr("col_final", lang) in df.value.columns)


def cell(at, schedule: str, column: str, lang: str = "en") -> str:
    table = results(at, lang)
    row = table[table[tr("col_schedule", lang)] == tr(f"name.{schedule}", lang)]
    return str(row[tr(column, lang)].iloc[0])


def final_mean_loss(lrs, kappa=10.0, sigma=1.0, spe=10, runs=50, seed=0) -> float:
    fn = opt.quadratic(kappa, 0.0)
    paths = sch.run_schedule(
        lrs, fn, fn.start, steps_per_epoch=spe, sigma=sigma, n_runs=runs,
        rng=np.random.default_rng(seed),
    )  # fmt: skip
    return float(fn.f(paths[:, -1]).mean())


def test_catalogue_has_same_keys_and_placeholders():
    helpers.check_catalogue(text, TOPIC)
    for name in sch.SCHEDULES:
        assert f"{TOPIC}.name.{name}" in text.EN and f"{TOPIC}.about.{name}" in text.EN


def test_core_errors_are_translated():
    helpers.assert_errors_translated(
        [
            lambda: sch.lr_schedule("linear", 0.1, 10),
            lambda: sch.lr_schedule("step", 0.1, 10, T_0=3),
            lambda: sch.sgd_noise_floor(1.0, [1.0, 10.0], 1.0),
        ]
    )


def test_renders_in_both_languages(lang):
    at = helpers.open_clean(TOPIC, lang)
    assert shown(at, "m_limit", lang) == "0.2"
    assert shown(at, "m_floor", lang) == num(sch.sgd_noise_floor(0.1, [1.0, 10.0], 1.0))
    for name, params in DEFAULT_PARAMS.items():
        lrs = sch.lr_schedule(name, 0.1, 60, **params)
        assert cell(at, name, "col_lr_last", lang) == num(lrs[-1])
        assert cell(at, name, "col_final", lang) == num(final_mean_loss(lrs))
    latex = [el.value for el in at.latex]
    for formula in [sch.SCHEDULE_LATEX[n] for n in DEFAULT_PARAMS] + [sch.sgd_noise_floor.latex]:
        assert any(formula in value for value in latex)
    infos = " ".join(el.value for el in at.info)
    assert tr("misc_slope", lang) in infos and tr("misc_converge", lang) in infos
    # the lesson of the page holds on its default view: decaying beats the constant rate
    best = shown(at, "m_best", lang)
    assert best != tr("name.none", lang)


def test_moving_gamma_changes_the_last_rate_and_the_final_loss():
    at = open_page(TOPIC)
    at.select_slider(key=f"{TOPIC}.gamma_step").set_value(0.1).run()
    assert not at.exception
    lrs = sch.lr_schedule("step", 0.1, 60, step_size=15, gamma=0.1)
    assert cell(at, "step", "col_lr_last") == num(lrs[-1]) == "0.0001"
    assert cell(at, "step", "col_final") == num(final_mean_loss(lrs))
    assert cell(at, "step", "col_floor_last") == num(sch.sgd_noise_floor(1e-4, [1.0, 10.0], 1.0))
    assert qp(at, "gamma_step") == "0.1"


def test_warmup_is_drawn_and_explained():
    at = open_page(TOPIC, lang="es")
    assert not any(sch.WARMUP_LATEX in el.value for el in at.latex)
    at.slider(key=f"{TOPIC}.warmup").set_value(5).run()
    assert not at.exception
    assert any(sch.WARMUP_LATEX in el.value for el in at.latex)
    assert tr("warmup_md", "es", W=5, first=num(0.1 / 6)) in all_text(at)
    lrs = sch.lr_schedule("cosine", 0.1, 60, warmup_epochs=5)
    assert cell(at, "cosine", "col_final", "es") == num(final_mean_loss(lrs))


def test_url_round_trip():
    query = {
        "lr0": "0.05",
        "epochs": "40",
        "warmup": "3",
        "schedules": "exponential~inverse_time",
        "gamma_exp": "0.9",
        "k": "0.5",
        "kappa": "20",
        "sigma": "0.5",
        "spe": "5",
        "runs": "10",
        "seed": "7",
    }
    at = open_page(TOPIC, **query)
    assert not at.exception
    assert not link_notices(at)
    assert shown(at, "m_limit") == "0.1"
    for name, params in (("exponential", {"gamma": 0.9}), ("inverse_time", {"k": 0.5})):
        lrs = sch.lr_schedule(name, 0.05, 40, warmup_epochs=3, **params)
        expected = final_mean_loss(lrs, kappa=20.0, sigma=0.5, spe=5, runs=10, seed=7)
        assert cell(at, name, "col_final") == num(expected)
    state = {name: qp(at, name) for name in query}
    assert state == query
    again = open_page(TOPIC, **state)
    assert results(again).equals(results(at))


def test_rate_above_the_limit_is_explained_not_plotted():
    at = open_page(TOPIC, lr0="0.3")
    assert not at.exception
    assert tr("above_limit", lr0="0.3", limit="0.2", kappa=10) in " ".join(
        w.value for w in at.warning
    )
    assert cell(at, "none", "col_diverged") == "50/50"
    assert cell(at, "none", "col_final") == "∞"
    assert shown(at, "m_floor") == "∞"


def test_bad_query_params_render_with_notice():
    at = open_page(
        TOPIC, lang="xx", lr0="abc", epochs="-5", schedules="step~bogus", T_mult="9", runs="1e9"
    )
    assert not at.exception
    assert at.session_state["lang"] == "en"
    notices = " ".join(link_notices(at))
    for name in ("lr0=abc", "epochs=-5", "schedules=", "runs=1e9"):
        assert name in notices
    assert at.multiselect(key=f"{TOPIC}.schedules").value == ["step"]
    assert at.slider(key=f"{TOPIC}.epochs").value == 5  # clamped to the minimum
    assert shown(at, "m_limit") == "0.2"


# ------------------------------------------------------------------------- the practical recipe
def recipe_numbers(at, lang: str = "en") -> tuple[str, str, str]:
    return (
        shown(at, "recipe_m_plateau", lang),
        shown(at, "recipe_m_val", lang),
        shown(at, "recipe_m_acc", lang),
    )


def expected_recipe(**kw) -> tuple[str, str, str]:
    r = lr_recipe.step_decay_recipe(**kw)
    return str(r.plateau), num(r.decayed.val_loss[-1]), f"{r.decayed.val_acc[-1]:.4f}"


def test_recipe_shows_core_numbers_in_both_languages(lang):
    at = helpers.open_clean(TOPIC, lang)
    assert recipe_numbers(at, lang) == expected_recipe(seed=0)
    assert any(lr_recipe.plateau_epoch.latex in el.value for el in at.latex)
    assert tr("misc_decay_early", lang) in " ".join(el.value for el in at.info)
    specs = [el.proto.spec for el in at.get("vega_lite_chart")]
    # the recipe's chart: two runs by colour, the curves by dash, the rule at the plateau
    assert sum('"field": "curve"' in spec and '"rule"' in spec for spec in specs) == 1


def test_recipe_seed_changes_the_run():
    at = open_page(TOPIC)
    at.number_input(key=f"{TOPIC}.recipe_seed").set_value(3).run()
    assert not at.exception
    assert recipe_numbers(at) == expected_recipe(seed=3)
    assert qp(at, "recipe_seed") == "3"


def test_recipe_url_round_trip_and_no_plateau():
    query = {"recipe_monitor": "train", "recipe_patience": "3", "recipe_lr0": "0.5",
             "recipe_gamma": "0.2", "recipe_threshold": "0.02", "recipe_seed": "1"}  # fmt: skip
    at = open_page(TOPIC, lang="es", **query)
    assert not at.exception and not link_notices(at)
    kw = {"lr0": 0.5, "gamma": 0.2, "patience": 3, "threshold": 0.02, "monitor": "train"}
    assert recipe_numbers(at, "es") == expected_recipe(seed=1, **kw)
    assert {name: qp(at, name) for name in query} == query
    # too few epochs for the rule: no decayed run, the page says why
    at = open_page(TOPIC, recipe_epochs="10", recipe_patience="15")
    assert not at.exception
    assert shown(at, "recipe_m_plateau") == "—"
    assert lr_recipe.step_decay_recipe(epochs=10, patience=15).plateau is None
    assert tr("recipe_no_plateau", monitor=tr("recipe_monitor.val"), epochs=10, patience=15,
              threshold="0.01") in " ".join(el.value for el in at.info)  # fmt: skip
