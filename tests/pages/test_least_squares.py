"""AppTest of the least-squares page: both languages, interactions, URL state, bad input."""

from __future__ import annotations

import json

import numpy as np
import pytest

from core import generalized_inverse as gi
from core import least_squares as ls
from core import sensitivity as sv
from tests.pages.helpers import all_text, link_notices, open_page, qp
from ui import i18n
from ui.text import least_squares as text

TOPIC = "least_squares"


def metric(at, label: str) -> str:
    """The shown value of the metric whose label is ``label``."""
    values = [m.value for m in at.metric if m.label == label]
    assert values, f"no metric {label!r} in {[m.label for m in at.metric]}"
    return values[0]


def tr(key: str, lang: str = "en", **kwargs) -> str:
    return i18n.translate(lang, f"{TOPIC}.{key}", **kwargs)


def charts(at) -> list:
    return [el.proto for el in at.get("vega_lite_chart")]


def test_renders_in_both_languages(lang):
    at = open_page(TOPIC, lang=lang)
    assert not at.exception
    assert at.title[0].value == tr("title", lang)
    X, y = ls.example_data("dup")  # the default example
    assert metric(at, tr("m_rank", lang)) == str(ls.rank(X)) == "1"
    assert metric(at, tr("m_unique", lang)) == tr("no", lang)
    assert tr("misc_column_rank", lang)[:40] in all_text(at)
    # the singular-value chart states the tolerance that decided the rank
    (spec,) = charts(at)
    info = ls.svd_info(X)
    assert f"{info.tol:.2g}" in spec.alt
    assert json.loads(spec.spec)["layer"][0]["encoding"]["y"]["scale"]["type"] == "log"


def test_every_view_and_example_renders(lang):
    at = open_page(TOPIC, lang=lang)
    for view in ["family", "ginv", "kappa", "ridge", "gd", "sympy", "rank"]:
        at.radio(key=f"{TOPIC}.view").set_value(view).run()
        assert not at.exception, view
    for example in ["full", "collinear", "wide", "near", "own"]:
        at.radio(key=f"{TOPIC}.example").set_value(example).run()
        assert not at.exception, example
        assert not at.error, example


def test_null_space_slider_moves_w_but_not_the_residual():
    at = open_page(TOPIC, view="family")
    X, y = ls.example_data("dup")
    w_star = ls.min_norm_solution(X, y)
    residual = metric(at, tr("m_residual"))
    assert metric(at, tr("m_norm_w")) == f"{np.linalg.norm(w_star):.4g}"
    at.slider(key=f"{TOPIC}.c").set_value(2.0).run()
    assert not at.exception
    # ||w(c)||^2 = ||X^+ y||^2 + c^2 because v1 is a unit vector orthogonal to X^+ y
    expected = np.linalg.norm(ls.solution_family(X, y, 2.0 * ls.null_space(X)[:, 0]))
    assert expected == pytest.approx(np.hypot(np.linalg.norm(w_star), 2.0))
    assert metric(at, tr("m_norm_w")) == f"{expected:.4g}"
    assert metric(at, tr("m_residual")) == residual
    assert qp(at, "c") == "2"


def test_example_switch_changes_rank_and_verdict():
    at = open_page(TOPIC)
    at.radio(key=f"{TOPIC}.example").set_value("full").run()
    assert metric(at, tr("m_rank")) == "2"
    assert metric(at, tr("m_unique")) == tr("yes")
    assert at.success[0].value == tr("verdict_unique", d=2)
    X, y = ls.example_data("full")
    assert metric(at, tr("m_kappa")) == f"{ls.condition_number(X):.4g}"
    assert qp(at, "example") == "full"


def test_url_round_trip():
    params = dict(example="near", noise="0.01", seed="3", view="gd", lr="0.35", steps="1000")
    at = open_page(TOPIC, **params)
    assert not at.exception
    assert at.radio(key=f"{TOPIC}.example").value == "near"
    assert at.select_slider(key=f"{TOPIC}.noise").value == 0.01
    assert at.number_input(key=f"{TOPIC}.seed").value == 3
    assert at.slider(key=f"{TOPIC}.lr").value == 0.35
    X, y = ls.example_data("near", noise=0.01, seed=3)
    W = ls.gradient_descent(X, y, np.zeros(2), 0.35 * ls.max_stable_lr(X), 1000)
    shown = metric(at, tr("m_gd_zero"))
    assert shown == "(" + ", ".join(f"{v:.4g}" for v in W[-1]) + ")"
    # an interaction is written back, and the resulting URL reproduces the view
    at.slider(key=f"{TOPIC}.lr").set_value(0.6).run()
    assert qp(at, "lr") == "0.6"
    url = {name: qp(at, name) for name in at.query_params if name != "lang"}
    again = open_page(TOPIC, **url)
    assert metric(again, tr("m_gd_zero")) == metric(at, tr("m_gd_zero")) != shown


def test_bad_query_params_render_without_exception():
    at = open_page(TOPIC, lang="xx", z="abc")
    assert not at.exception
    assert at.title[0].value == tr("title", "en")  # unknown language falls back to English
    assert metric(at, tr("m_rank")) == "1"  # default example
    # garbage in every kind of widget: each falls back to its default with a notice
    at = open_page(TOPIC, example="zzz", view="nope", rtol="abc", seed="-5", lr="x")
    assert not at.exception
    notices = link_notices(at)
    assert len(notices) == 4  # lr belongs to another view and is not drawn
    assert metric(at, tr("m_rank")) == "1"
    at = open_page(TOPIC, view="family", c="1e9", X="1,a;2")
    assert not at.exception
    assert at.slider(key=f"{TOPIC}.c").value == 3.0  # clamped
    assert any("c=1e9" in c.value for c in at.caption)


def test_bad_matrix_cell_shows_translated_error(lang):
    at = open_page(TOPIC, lang=lang, example="own", X="1,2;3,")
    assert not at.exception
    try:
        ls.rank(np.array([[1.0, 2.0], [3.0, np.nan]]))
    except ValueError as exc:
        expected = i18n.translate_error(lang, str(exc))
    assert any(expected in e.value for e in at.error)
    if lang == "es":
        assert any("X solo puede contener números finitos" in e.value for e in at.error)
    assert not at.metric  # nothing is computed from a bad table


def test_mismatched_y_length_is_translated():
    at = open_page(TOPIC, lang="es", example="own", X="1,2;3,4;5,6", y="1;2")
    assert not at.exception
    assert any(
        "y debe tener longitud 3 (el número de filas de X); tiene 2" in e.value for e in at.error
    )


def test_huge_numbers_are_refused_not_overflowed():
    at = open_page(TOPIC, lang="es", example="own", X="1e300,1;1,1", y="1;1", view="gd")
    assert not at.exception
    assert any("|X| debe ser <= 1e+06; se recibió 1e+300" in e.value for e in at.error)


def test_own_matrix_is_used():
    at = open_page(TOPIC, example="own", X="1,0,1;0,1,1", y="1;2")
    assert not at.exception
    assert metric(at, tr("m_shape")) == "2 × 3"
    assert metric(at, tr("m_rank")) == "2"
    w = ls.min_norm_solution(np.array([[1.0, 0, 1], [0, 1, 1]]), np.array([1.0, 2.0]))
    assert metric(at, tr("m_w_star")) == "(" + ", ".join(f"{v:.3g}" for v in w) + ")"


def test_numbers_check_agrees_and_flags_normal_equations_when_ill_conditioned():
    at = open_page(TOPIC, example="full")
    table = at.dataframe[-1].value
    assert list(table.iloc[:, -1]) == ["✓", "✓"]
    at = open_page(TOPIC, example="near", noise="1e-08")
    table = at.dataframe[-1].value
    assert list(table.iloc[:, -1]) == ["✓", "✗"]  # (X^T X)^-1 X^T y squares kappa
    assert any(c.value.startswith(tr("normal_squares", kappa2="")[:20]) for c in at.caption)


def test_rank_tolerance_changes_rank():
    at = open_page(TOPIC, example="near", noise="1e-06")
    assert metric(at, tr("m_rank")) == "2"
    at.select_slider(key=f"{TOPIC}.rtol").set_value(1e-3).run()
    assert metric(at, tr("m_rank")) == "1"
    X, y = ls.example_data("near", noise=1e-6)
    assert ls.rank(X, 1e-3) == 1
    # ridge ignores the tolerance and says so; its reference is the exact X^+ y
    at.radio(key=f"{TOPIC}.view").set_value("ridge").run()
    assert any(c.value == tr("no_rtol_note") for c in at.caption)
    lam = 1e-2
    gap = np.linalg.norm(ls.ridge_solution(X, y, lam) - ls.min_norm_solution(X, y))
    assert metric(at, tr("m_dist_lam")) == f"{gap:.3e}"


def test_ridge_slider_approaches_pinv_solution():
    at = open_page(TOPIC, view="ridge", example="collinear")
    X, y = ls.example_data("collinear")
    w_star = ls.min_norm_solution(X, y)
    gaps = []
    for lam in (1.0, 1e-6):
        at.select_slider(key=f"{TOPIC}.lam").set_value(lam).run()
        gap = np.linalg.norm(ls.ridge_solution(X, y, lam) - w_star)
        assert metric(at, tr("m_dist_lam")) == f"{gap:.3e}"
        gaps.append(gap)
    assert gaps[1] < 1e-4 < gaps[0]


def test_gradient_descent_divergence_is_explained():
    at = open_page(TOPIC, view="gd", lr="1.2")
    assert not at.exception
    assert any(tr("gd_diverge", frac="1.20") in e.value for e in at.error)


def test_sympy_panel_determinant(lang):
    at = open_page(TOPIC, lang=lang, view="sympy")
    assert metric(at, tr("m_det", lang, t="0.0")) == "0"
    assert at.warning[-1].value.startswith(tr("sympy_line", lang, w="")[:15])
    at.slider(key=f"{TOPIC}.t").set_value(0.5).run()
    assert metric(at, tr("m_det", lang, t="0.5")) == "5/4"  # 5 t^2
    assert "(5, -2)" in at.success[-1].value


# ---------------------------------------------------------------------------------------------
# the catalogue
# ---------------------------------------------------------------------------------------------


def test_catalogue_languages_match():
    assert text.EN.keys() == text.ES.keys()
    for key in text.EN:
        assert i18n.placeholders(text.EN[key]) == i18n.placeholders(text.ES[key]), key
        assert text.EN[key].strip() and text.ES[key].strip(), key
    for key in ("title", "card", "intro"):
        assert f"{TOPIC}.{key}" in text.EN


@pytest.mark.parametrize(
    "call",
    [
        lambda: ls.min_norm_solution(np.eye(3), [1.0, 2.0]),
        lambda: ls.solution_family(np.eye(2), [1.0, 2.0], [1.0, 2.0, 3.0]),
        lambda: ls.min_norm_solution(np.eye(2), np.ones((2, 2))),
        lambda: ls.normal_equations_solution(np.ones((3, 2)), np.ones(3)),
        lambda: ls.loss_grid(np.ones((3, 3)), np.ones(3), [0.0], [0.0]),
        lambda: ls.example_data("nope"),
        lambda: ls.ridge_solution(np.eye(2), [1.0, 2.0], 0.0),
        lambda: ls.check_data(np.eye(2) * 1e9, [1.0, 2.0]),
        lambda: gi.generalized_inverse(np.eye(2), np.eye(3)),
        lambda: gi.minimizer_from_ginv(np.eye(2), [1.0, 2.0], np.eye(3)),
        lambda: sv.sensitivity(np.ones((3, 2)), np.ones(3)),
        lambda: sv.sensitivity(np.eye(2), np.zeros(2)),
        lambda: sv.perturbation_gain(np.eye(2), [1.0, 2.0], np.zeros((2, 2))),
        lambda: sv.perturbation_gain(np.eye(2), [1.0, 2.0], np.ones((3, 2))),
    ],
)
def test_core_errors_have_spanish_form(call):
    with pytest.raises(ValueError) as info:
        call()
    message = str(info.value)
    spanish = i18n.translate_error("es", message)
    assert spanish != message
    assert " must " not in spanish and " got " not in spanish


# ---------------------------------------------------------------------------------------------
# generalized inverses (Homework P1) and sensitivity (κ vs κ²)
# ---------------------------------------------------------------------------------------------


def frame_with(at, column: str):
    """The first shown dataframe that has ``column``."""
    frames = [df.value for df in at.dataframe if column in df.value.columns]
    assert frames, f"no dataframe with column {column!r}"
    return frames[0]


def test_ginv_view_shows_two_minimizers_with_equal_residuals(lang):
    at = open_page(TOPIC, lang=lang, view="ginv")  # default example: duplicated column
    assert not at.exception
    X, y = ls.example_data("dup")
    rows = gi.compare_generalized_inverses(X, y)
    table = frame_with(at, tr("col_norm", lang))
    norms = list(table[tr("col_norm", lang)])
    assert norms == [f"{row.norm:.4g}" for row in rows]
    assert len(set(norms)) == 3  # three different minimizers ...
    assert len(set(table[tr("col_res", lang)])) == 1  # ... with one residual
    # the Moore–Penrose one is lstsq's minimum-norm solution, the block one drops column 2
    w_lstsq = np.linalg.lstsq(X, y, rcond=None)[0]
    assert table[tr("col_w", lang)][0] == "(" + ", ".join(f"{v:.4g}" for v in w_lstsq) + ")"
    assert table[tr("col_G", lang)][1] == tr("ginv_block", lang, cols="x1")
    assert tr("misc_ginv", lang)[:40] in all_text(at)
    checks = at.dataframe[-1].value
    assert list(checks.iloc[:, -1]) == ["✓", "✓"]


def test_ginv_view_full_rank_has_one_generalized_inverse():
    at = open_page(TOPIC, view="ginv", example="full")
    assert not at.exception
    assert any(i.value == tr("ginv_same", d=2) for i in at.info)
    assert len(set(frame_with(at, tr("col_norm"))[tr("col_norm")])) == 1


def test_kappa_view_numbers_follow_the_sliders(lang):
    at = open_page(TOPIC, lang=lang, view="kappa")
    assert not at.exception
    sens = sv.sensitivity(*sv.conditioned_example(1e3, 0.1))
    assert metric(at, tr("m_gain_res", lang)) == f"{sens.gain_residual:.4g}"
    assert metric(at, tr("m_pred_res", lang)) == f"{1e3**2 * 0.1:.4g}" == "1e+05"
    at.select_slider(key=f"{TOPIC}.kappa").set_value(1e4).run()
    sens = sv.sensitivity(*sv.conditioned_example(1e4, 0.1))
    assert metric(at, tr("m_gain_res", lang)) == f"{sens.gain_residual:.4g}"
    assert float(metric(at, tr("m_gain_res", lang))) == pytest.approx(1e7, rel=1e-2)  # κ²‖r‖
    assert float(metric(at, tr("m_gain_fit", lang))) == pytest.approx(1e4, rel=1e-2)  # κ
    assert float(qp(at, "kappa")) == 1e4
    # no residual: the κ² term disappears
    at.select_slider(key=f"{TOPIC}.residual").set_value(0.0).run()
    assert not at.exception
    exact = sv.sensitivity(*sv.conditioned_example(1e4, 0.0))
    assert any(
        c.value == tr("sens_exact", lang, res=f"{exact.gain_residual:.4g}") for c in at.caption
    )
    assert exact.gain_residual < 1e-3 * exact.gain_fit
    checks = at.dataframe[-1].value
    assert list(checks.iloc[:, -1]) == ["✓"]
    assert tr("misc_kappa", lang)[:40] in all_text(at)


def test_kappa_view_on_the_data_above():
    at = open_page(TOPIC, view="kappa")  # duplicated column: not unique
    assert any(i.value == tr("sens_not_unique", r=1, d=2) for i in at.info)
    at = open_page(TOPIC, view="kappa", example="near")
    assert not at.exception
    X, y = ls.example_data("near")
    own = sv.sensitivity(X, y)
    gains = [m.value for m in at.metric if m.label == tr("m_gain_res")]
    assert gains[-1] == f"{own.gain_residual:.4g}"
