"""AppTest of the page "Losses and metrics" (pages/losses_metrics.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core import confusion as cf
from core import metrics as mt
from core import roc
from tests.pages import helpers
from tests.pages.helpers import all_text, open_page, qp
from ui import i18n
from ui.text import losses_metrics as text

TOPIC = "losses_metrics"
BASE_Y = np.array([1.0, 1.2, 1.4, 1.9, 2.1, 2.4, 2.6, 3.0, 3.3, 3.9])  # as on the page
PATIENTS = (np.array([0, 1, 0, 0, 1, 0]), np.array([0.21, 0.67, 0.56, 0.31, 0.70, 0.84]))


def shown(at, key: str, lang: str = "en", **kwargs) -> str:
    """The value of the metric whose label is the catalogue text of ``key``."""
    return helpers.metric_value(at, i18n.translate(lang, f"{TOPIC}.{key}", **kwargs))


def checks_agree(at, lang: str = "en") -> bool:
    """Every "numbers check" table shown says ✓ on every row (and there is at least one)."""
    ok = i18n.translate(lang, "ui.check_ok")
    tables = [df.value for df in at.dataframe if list(df.value.columns)[-1:] == [ok]]
    return bool(tables) and all(list(tb[ok]) == ["✓"] * len(tb) for tb in tables)


def test_catalogue_has_same_keys_and_placeholders():
    helpers.check_catalogue(text, TOPIC)


def test_renders_in_both_languages_with_the_course_numbers(lang):
    at = helpers.open_clean(TOPIC, lang)
    # cross-entropy example in bits: -log2(0.775) = 0.3677
    base_label = i18n.translate(lang, f"{TOPIC}.base_2")
    assert shown(at, "m_ce", lang, base=base_label) == "0.3677"
    # confusion matrix (6, 5 / 7, 9): balanced accuracy 0.554, accuracy 15/27 = 0.556
    assert shown(at, "m_bal", lang) == "0.554"
    assert shown(at, "m_acc", lang) == "0.556"
    # six patients: AUC = 6 of 8 pairs = 0.75; at t = 0.6 TPR = 1, FPR = 1/4
    assert shown(at, "m_auc", lang) == "0.75"
    assert shown(at, "m_tpr", lang) == "1"
    assert shown(at, "m_fpr", lang) == "0.25"
    body = all_text(at)
    assert i18n.translate(lang, f"{TOPIC}.misc_diag_mean") in body
    patient = i18n.translate(lang, f"{TOPIC}.patient", k=6)
    col_pos = i18n.translate(lang, f"{TOPIC}.col_pos")
    pairs = next(df.value for df in at.dataframe if col_pos in df.value.columns)
    assert patient in str(pairs)
    # the formulas are the core's LaTeX strings
    latex = " ".join(el.value for el in at.latex)
    for formula in (mt.cross_entropy.latex, roc.roc_auc.latex, cf.balanced_accuracy.latex):
        assert formula in latex
    assert checks_agree(at, lang)


def test_threshold_slider_moves_the_roc_point():
    at = open_page(TOPIC)
    at.slider(key=f"{TOPIC}.threshold").set_value(0.8).run()
    assert not at.exception
    # only Patient 6 (healthy, 0.84) is called positive
    assert shown(at, "m_tpr") == "0"
    assert shown(at, "m_fpr") == "0.25"
    at.slider(key=f"{TOPIC}.threshold").set_value(0.5).run()
    y, s = PATIENTS
    C = cf.confusion_matrix(y, (s >= 0.5).astype(int), labels=[0, 1])
    assert shown(at, "m_fpr") == f"{C[0, 1] / C[0].sum():.3g}" == "0.5"
    assert shown(at, "m_tpr") == "1"
    assert qp(at, "threshold") == "0.5"


def test_outlier_moves_the_mean_but_not_the_median():
    at = open_page(TOPIC)
    at.slider(key=f"{TOPIC}.outlier").set_value(40.0).run()
    assert not at.exception
    y = np.r_[BASE_Y, 40.0]
    assert shown(at, "m_mean") == f"{np.mean(y):.4g}" == "5.709"
    assert shown(at, "m_median") == f"{np.median(y):.4g}" == "2.4"
    assert shown(at, "m_mse") == f"{mt.mse(y, np.full_like(y, np.mean(y))):.4g}"
    assert checks_agree(at)


def test_base_and_preset_choices_change_the_numbers_in_spanish():
    at = open_page(TOPIC, lang="es")
    at.radio(key=f"{TOPIC}.base").set_value("e").run()
    base_label = i18n.translate("es", f"{TOPIC}.base_e")
    assert shown(at, "m_ce", "es", base=base_label) == f"{-math.log(0.775):.4g}" == "0.2549"
    at.radio(key=f"{TOPIC}.preset").set_value("imbalanced").run()
    assert not at.exception
    y_true, y_pred = cf.labels_from_confusion([[940, 20], [30, 10]])
    assert shown(at, "m_acc", "es") == "0.95"
    assert shown(at, "m_bal", "es") == f"{cf.balanced_accuracy(y_true, y_pred):.3g}" == "0.615"
    assert any("0.615" in w.value for w in at.warning)  # accuracy vs balanced gap warning
    assert qp(at, "preset") == "imbalanced" and qp(at, "base") == "e"


def test_url_round_trip_generated_scores():
    params = {"source": "generated", "n_pos": "50", "separation": "0.8", "seed": "3",
              "threshold": "0.55"}  # fmt: skip
    at = open_page(TOPIC, **params)
    assert not at.exception
    assert at.slider(key=f"{TOPIC}.n_pos").value == 50
    assert at.number_input(key=f"{TOPIC}.seed").value == 3
    y, s = roc.generate_scores(50, 70, 0.8, 3)
    assert shown(at, "m_auc") == f"{roc.roc_auc(y, s):.4g}"
    assert shown(at, "m_pop_auc") == f"{roc.binormal_auc(0.8):.4g}"
    for name, value in params.items():
        assert qp(at, name) == value
    assert checks_agree(at)


def test_matrix_and_own_scores_from_the_url():
    at = open_page(TOPIC, C_course="10,0;5,15", source="own", scores="0.9 0.2 0.8 0.3",
                   labels="1,0;0 1")  # fmt: skip
    assert not at.exception
    assert shown(at, "m_acc") == "0.833"  # 25 of 30
    assert shown(at, "m_bal") == "0.875"  # (10/10 + 15/20) / 2
    # pairs: 0.9 beats 0.2 and 0.8, 0.3 beats 0.2 but not 0.8 -> 3 of 4
    y, s = np.array([1, 0, 0, 1]), np.array([0.9, 0.2, 0.8, 0.3])
    assert shown(at, "m_auc") == f"{roc.roc_auc(y, s):.4g}" == "0.75"
    assert text.EN[f"{TOPIC}.pairs_count"].format(
        wins=3, ties=0, losses=1, total=4, auc="0.75"
    ) in all_text(at)


def test_bad_input_is_explained_not_raised(lang):
    at = open_page(TOPIC, lang=lang, C_course="-1,2;3,4", source="own", scores="0.1, abc",
                   threshold="abc", base="7", outlier="1e9")  # fmt: skip
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    if lang == "en":
        assert "C must contain non-negative whole counts, got -1" in errors
        assert "scores must be a list of numbers, got 'abc'" in errors
    else:
        assert "solo admite conteos enteros no negativos" in errors
        assert "debe ser una lista de números" in errors
    # bad URL values fall back with a notice; the rest of the page keeps working
    assert at.slider(key=f"{TOPIC}.outlier").value == 40.0  # clamped
    assert at.radio(key=f"{TOPIC}.base").value == "2"
    base_label = i18n.translate(lang, f"{TOPIC}.base_2")
    assert shown(at, "m_ce", lang, base=base_label) == "0.3677"


def test_probabilities_that_do_not_sum_to_one():
    at = open_page(TOPIC, q="0.5,0.5,0.5,0.5", lang="es")
    assert not at.exception
    assert any("debe sumar 1" in e.value for e in at.error)


def test_course_table_read_with_predicted_rows(lang):
    """The course's table has predicted classes on its rows: switching the orientation turns
    the shown 0.554 from balanced accuracy into macro precision; accuracy stays 15/27."""
    at = open_page(TOPIC, lang=lang)
    note = i18n.translate(lang, f"{TOPIC}.course_rows_note")
    assert note in [i.value for i in at.info]  # default rows = true: the course note says so
    assert shown(at, "m_macro_prec", lang) == "0.552"
    at.radio(key=f"{TOPIC}.rows").set_value("predicted").run()
    assert not at.exception
    slide = cf.confusion_report([[6, 5], [7, 9]], rows="predicted")
    assert shown(at, "m_acc", lang) == f"{slide.accuracy:.3g}" == "0.556"
    assert shown(at, "m_bal", lang) == f"{slide.balanced_accuracy:.3g}" == "0.552"
    assert shown(at, "m_macro_prec", lang) == f"{slide.macro_precision:.3g}" == "0.554"
    # class 1 is now the second *column* of the entered table: recall 9/14, precision 9/16
    assert shown(at, "m_rec", lang) == f"{9 / 14:.3g}"
    assert shown(at, "m_prec", lang) == f"{9 / 16:.3g}"
    assert note not in [i.value for i in at.info]
    assert qp(at, "rows") == "predicted"
    # both readings, side by side, whatever the chosen orientation
    readings = next(
        df.value
        for df in at.dataframe
        if i18n.translate(lang, f"{TOPIC}.col_rows_predicted") in df.value.columns
    )
    assert list(readings[i18n.translate(lang, f"{TOPIC}.col_rows_true")]) == [
        "0.556", "0.554", "0.552", "0.554"
    ]  # fmt: skip
    assert list(readings[i18n.translate(lang, f"{TOPIC}.col_rows_predicted")]) == [
        "0.556", "0.552", "0.554", "0.554"
    ]  # fmt: skip
    assert i18n.translate(lang, f"{TOPIC}.readings_note", mean="0.554", bal="0.554",
                          prec="0.554", acc="0.556") in all_text(at)  # fmt: skip


def test_rows_from_the_url_with_an_own_table():
    # rows = predicted: column sums 12 and 18 are the true-class sizes
    at = open_page(TOPIC, rows="predicted", C_course="10,5;2,13", lang="es")
    assert not at.exception
    assert at.radio(key=f"{TOPIC}.rows").value == "predicted"
    y_true, y_pred = cf.labels_from_confusion([[10, 5], [2, 13]], rows="predicted")
    assert shown(at, "m_bal", "es") == f"{(10 / 12 + 13 / 18) / 2:.3g}"
    assert shown(at, "m_bal", "es") == f"{cf.balanced_accuracy(y_true, y_pred):.3g}"
    assert shown(at, "m_acc", "es") == f"{23 / 30:.3g}"
    # a bad orientation in the URL falls back to rows = true with a notice
    at = open_page(TOPIC, rows="columns")
    assert not at.exception
    assert at.radio(key=f"{TOPIC}.rows").value == "true"
    assert shown(at, "m_bal") == "0.554"


def test_mae_subgradient_slopes_with_the_outlier(lang):
    at = open_page(TOPIC, lang=lang, outlier="40")
    assert not at.exception
    y = np.r_[BASE_Y, 40.0]
    # MAE at the mean: 10 observations below, 1 above -> 9/11; bounded by 1
    assert shown(at, "m_slope_mae", lang) == f"{mt.slope_at_constant('mae', y, np.mean(y)):.3g}"
    assert shown(at, "m_slope_mae", lang) == "0.818"
    # MSE at the median: 2 (median - mean) = 2 (2.4 - 5.709)
    assert shown(at, "m_slope_mse", lang) == f"{2 * (np.median(y) - np.mean(y)):.3g}" == "-6.62"
    assert i18n.translate(lang, f"{TOPIC}.misc_mae_gradient") in all_text(at)
    assert mt.mae_subgradient.latex in " ".join(el.value for el in at.latex)


def _ovr(n: int, k: int, ratio: float, sep: float, seed: int) -> tuple[np.ndarray, ...]:
    y, s = mt.generate_multiclass_scores(mt.imbalanced_counts(n, k, ratio), sep, seed)
    return mt.roc_auc_ovr(y, s, None), mt.roc_auc_ovr(y, s), mt.roc_auc_ovr(y, s, "weighted")


def test_multiclass_tab_in_both_languages(lang):
    at = helpers.open_clean(TOPIC, lang)
    per_class, macro, weighted = _ovr(400, 4, 10.0, 2.0, 0)  # the page's defaults
    assert shown(at, "m_macro", lang) == f"{macro:.4g}"
    assert shown(at, "m_weighted", lang) == f"{weighted:.4g}"
    assert shown(at, "m_worst", lang) == f"{per_class.min():.4g}"
    assert weighted > macro  # the rare classes are the hard ones
    table = next(
        df.value
        for df in at.dataframe
        if i18n.translate(lang, f"{TOPIC}.col_auc") in df.value.columns
    )
    np.testing.assert_allclose(table.iloc[:, -1], np.round(per_class, 4))
    assert list(table.iloc[:, 1]) == list(mt.imbalanced_counts(400, 4, 10.0))
    assert any(i18n.translate(lang, f"{TOPIC}.misc_ovr_weighted") in el.value for el in at.info)
    assert checks_agree(at, lang)


def test_balance_control_closes_the_macro_weighted_gap_and_sits_in_the_url():
    at = open_page(TOPIC, ovr_k="5", ovr_n="600", ovr_sep="1.5", ovr_seed="7")
    assert not at.exception
    _, macro, weighted = _ovr(600, 5, 10.0, 1.5, 7)
    assert shown(at, "m_weighted") == f"{weighted:.4g}" != f"{macro:.4g}"
    at.select_slider(key=f"{TOPIC}.ovr_ratio").set_value(1.0).run()
    assert not at.exception
    _, macro, weighted = _ovr(600, 5, 1.0, 1.5, 7)
    assert macro == pytest.approx(weighted, abs=1e-12)  # balanced classes: equal weights
    assert shown(at, "m_macro") == f"{macro:.4g}"
    assert shown(at, "m_weighted") == f"{weighted:.4g}"
    assert float(qp(at, "ovr_ratio")) == 1.0
    for name, value in {"ovr_k": "5", "ovr_n": "600", "ovr_sep": "1.5", "ovr_seed": "7"}.items():
        assert qp(at, name) == value


def test_multiclass_errors_are_in_spanish():
    with pytest.raises(ValueError) as info:
        mt.roc_auc_ovr([0, 1, 1], np.eye(3))
    assert i18n.translate_error("es", str(info.value)) == (
        "cada clase necesita positivos y negativos en las etiquetas; no hay muestras de la clase 2"
    )
