"""AppTest of the page "Hyperparameter search" (pages/hyperparameter_search.py)."""

from __future__ import annotations

import pytest

from core import search as hs
from core.data import load_dataset
from core.trainer import TrainingRun
from tests.pages import helpers
from tests.pages.helpers import all_text, num, open_page, qp
from ui import i18n, search_run
from ui.text import hyperparameter_search as text

TOPIC = "hyperparameter_search"
# a 2 x 2 grid of 2-epoch trials on digits: a few seconds of work on a busy machine
TINY = {"method": "grid", "real_n": "4", "epochs": "2"}


def tr(key: str, lang: str = "en", **kw) -> str:
    return i18n.translate(lang, f"{TOPIC}.{key}", **kw)


def metric(at, key: str, lang: str = "en", nth: int = 0, **kw) -> str:
    return helpers.metric_value(at, tr(key, lang, **kw), nth)


def test_catalogue_has_same_keys_and_placeholders():
    helpers.check_catalogue(text, TOPIC)


def test_core_errors_are_translated():
    helpers.assert_errors_translated(
        [
            lambda: hs.grid_points(8),
            lambda: hs.grid_points(4, ((1.0, 0.0), (0.0, 1.0))),
            lambda: hs.random_points(4, ((0.0, 1.0), (0.0, 1.0)), (True, False)),
            lambda: hs.coarse_to_fine(hs.lr_score, 1.0, 0.1),
            lambda: hs.search_configs("bayes", 4, ((1e-3, 1.0), (1e-6, 1e-1)), 0),
        ]
    )


def test_renders_in_both_languages_with_core_numbers(lang):
    at = open_page(TOPIC, lang=lang)
    assert not at.exception and not at.error
    # 9 grid trials try 3 values of the important axis, 9 random trials try 9
    assert metric(at, "distinct", lang, 0) == "3"
    assert metric(at, "distinct", lang, 1) == "9"
    cmp = hs.compare_grid_random(9, 1000, 1, 0.08, 0.05)
    grid_label = tr("mean_best", lang, method=tr("method.grid", lang))
    assert helpers.metric_value(at, grid_label) == num(cmp.grid_mean)
    rand_label = tr("mean_best", lang, method=tr("method.random", lang))
    assert helpers.metric_value(at, rand_label) == num(cmp.random_mean)
    assert tr("none_yet", lang, n=9) in all_text(at)
    assert i18n.translate(lang, "ui.misconception") in all_text(at)


def test_budget_changes_the_grid_and_the_comparison():
    at = open_page(TOPIC)
    at.select_slider(key=f"{TOPIC}.n").set_value(16).run()
    assert metric(at, "distinct", "en", 0) == "4"
    assert metric(at, "distinct", "en", 1) == "16"
    _, best = hs.best_found(hs.random_points(16, seed=1), lambda x: hs.one_axis_score(x, 0.37))
    assert metric(at, "best", "en", 1) == num(best)
    assert qp(at, "n") == "16"
    at.select_slider(key=f"{TOPIC}.reps").set_value(100).run()
    cmp = hs.compare_grid_random(16, 100, 1, 0.08, 0.05)
    assert metric(at, "random_wins") == f"{100 * cmp.random_wins:.1f} %"


def test_url_round_trip():
    at = open_page(TOPIC, n="4", peak="0.6", seed="3", ctf_rounds="2", method="grid")
    assert not at.exception
    assert at.select_slider(key=f"{TOPIC}.n").value == 4
    assert at.slider(key=f"{TOPIC}.peak").value == pytest.approx(0.6)
    assert at.radio(key=f"{TOPIC}.method").value == "grid"
    for name, value in (("n", "4"), ("peak", "0.6"), ("seed", "3"), ("ctf_rounds", "2")):
        assert qp(at, name) == value


def test_inverted_range_shows_a_translated_error_and_no_start():
    at = open_page(TOPIC, lang="es", lr_min="1.0", lr_max="0.001")
    assert not at.exception
    assert any("mínimo < máximo" in e.value for e in at.error)
    assert at.button(key=f"{TOPIC}.start").disabled


@pytest.mark.parametrize("lang", ["en", "es"])
def test_tiny_real_search_finishes_and_shows_the_table(lang):
    at = open_page(TOPIC, lang=lang, **TINY)
    at.button(key=f"{TOPIC}.start").click().run()
    at.button(key=f"{TOPIC}.finish").click().run()
    assert not at.exception and not at.error
    search = search_run.Search("grid", 4, 2, (1e-3, 1.0), (1e-6, 1e-1), 0)
    rows = at.session_state[search_run.SEARCHES][search]
    assert [(r["lr"], r["l2"]) for r in rows] == search.trials()
    table = next(df.value for df in at.dataframe if tr("col_val", lang) in df.value.columns)
    assert len(table) == 4
    # the best trial, trained again by core alone, gives the shown accuracies
    best = max(rows, key=lambda r: r["val_acc"])
    config = next(c for c in search.configs() if (c.lr, c.l2) == (best["lr"], best["l2"]))
    result = TrainingRun(config, load_dataset("digits")).run_to_end()
    assert best["val_acc"] == pytest.approx(result.best_val_acc, abs=1e-12)
    line = tr(
        "best_line",
        lang,
        search=tr("phrase.grid", lang),
        lr=f"{best['lr']:.3g}",
        l2=f"{best['l2']:.3g}",
        val=f"{result.best_val_acc:.4f}",
        test=f"{result.test_acc:.4f}",
    )
    assert line in [s.value for s in at.success]
    # only the best trial's test accuracy is shown
    assert table[tr("col_test", lang)].notna().sum() == 1

    # settings changed and back: the stored results, nothing trained again
    at.slider(key=f"{TOPIC}.epochs").set_value(3).run()
    assert tr("none_yet", lang, n=4) in all_text(at)
    at.slider(key=f"{TOPIC}.epochs").set_value(2).run()
    assert tr("cached", lang) in all_text(at)
    # Start again on the same settings: every trial comes from the store, no run starts
    at.button(key=f"{TOPIC}.start").click().run()
    assert at.session_state[search_run.RUN] is None
    assert at.session_state[search_run.SEARCHES][search] == rows


def test_stop_ends_the_search_with_the_trials_so_far():
    at = open_page(TOPIC, method="random", real_n="4", epochs="40")
    at.button(key=f"{TOPIC}.start").click().run()
    at.button(key=f"{TOPIC}.stop").click().run()
    assert not at.exception
    assert at.session_state[search_run.RUN] is None
    done = len(at.session_state[search_run.ROWS])
    assert 1 <= done < 4
    assert tr("partial", done=done, n=4) in [w.value for w in at.warning]
    assert not at.session_state.get(search_run.SEARCHES)  # a stopped search is not stored
