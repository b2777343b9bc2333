"""The shared page machinery: URL-synced widgets, notices, language, sidebar, error display.

A demo page using every widget kind runs inside a copy of the app in a temporary folder, so the
real ``pages/`` folder holds only real pages.
"""

from __future__ import annotations

import shutil
import textwrap

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.helpers import ROOT, TIMEOUT, all_text, link_notices, open_app
from ui import i18n

DEMO = textwrap.dedent(
    """
    import numpy as np
    import streamlit as st
    from core._validate import as_float_array, check_scalar
    from ui import blocks, page

    p = page.setup("demo")
    a = p.slider("a", "a", 0.0, 5.0, default=1.0, step=0.5)
    k = p.slider("k", "k", 1, 10, default=3)
    h = p.select_slider("h", "h", options=[0.1, 1.0, 10.0], default=1.0)
    mode = p.select("mode", "mode", options=["x", "y"], default="x", radio=True)
    box = p.selectbox_demo = p.select("box", "box", options=["u", "v"], default="u")
    on = p.checkbox("on", "on", default=False)
    n = p.number("n", "n", 2, 50, default=10)
    few = p.multiselect("few", "few", options=["p", "q", "r"], default=["p"])
    M = p.matrix("M", "M", default=np.array([[1.0, 2.0], [3.0, 4.0]]))
    st.metric("a*k", a * k)
    st.metric("sum M", float(np.nansum(M)))
    st.markdown(f"state: h={h} mode={mode} box={box} on={on} n={n} few={few}")
    try:
        check_scalar(a - 3, "alpha", low=0)
        as_float_array(M, "X", ndim=2)
    except ValueError as exc:
        p.error(exc)
    blocks.misconception("demo")
    blocks.numbers_check([("x", 1.0, 1.0 + 1e-12)], tol=1e-9)
    """
)


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("app")
    shutil.copy(ROOT / "app.py", root / "app.py")
    shutil.copytree(ROOT / "ui", root / "ui")
    shutil.copytree(ROOT / "core", root / "core")
    shutil.copytree(ROOT / ".streamlit", root / ".streamlit")
    # Modules are shared with this test process (ui.nav lists the real pages), so the copy
    # carries the real pages too; the demo page is not registered and appears in no menu.
    shutil.copytree(ROOT / "pages", root / "pages")
    (root / "pages" / "demo.py").write_text(DEMO)
    # The catalogue is cached per process: lend it the demo's texts for these tests only.
    demo_text = {
        "en": {"demo.title": "Demo", "demo.card": "c", "demo.intro": "Intro EN"},
        "es": {"demo.title": "Demostración", "demo.card": "c", "demo.intro": "Intro ES"},
    }
    cats = i18n.catalogues()
    for lang, table in demo_text.items():
        cats[lang].update(table)
    yield root
    for lang, table in demo_text.items():
        for key in table:
            del cats[lang][key]


def open_demo(root, lang="en", **query) -> AppTest:
    at = AppTest.from_file(str(root / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/demo.py")
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


def metric(at: AppTest, label: str) -> float:
    return float(next(m.value for m in at.metric if m.label == label))


def test_defaults_without_query(demo_root):
    at = open_demo(demo_root)
    assert not at.exception
    assert metric(at, "a*k") == 3.0
    assert at.title[0].value == "Demo"
    assert "a" not in at.query_params  # defaults keep the URL short


def test_url_values_are_used(demo_root):
    at = open_demo(
        demo_root, a="2.5", k="4", h="10.0", mode="y", on="1", n="7", few="q~r", M="1,1;1,1;2,2"
    )
    assert not at.exception
    assert metric(at, "a*k") == 10.0
    assert metric(at, "sum M") == 8.0
    text = all_text(at)
    assert "h=10.0 mode=y box=u on=True n=7 few=['q', 'r']" in text
    assert not link_notices(at)


def test_bad_values_fall_back_with_notice(demo_root):
    at = open_demo(demo_root, a="abc", k="1e9", h="nan", mode="<script>", n="-inf", M="1,2;3")
    assert not at.exception
    assert metric(at, "a*k") == 10.0  # a default 1.0, k clamped to 10
    notices = link_notices(at)
    assert len(notices) == 6
    assert any("k=1e9" in c and "10" in c for c in notices)
    assert not any("<" in c for c in notices)  # raw text is sanitized before display


def test_interaction_writes_url(demo_root):
    at = open_demo(demo_root)
    at.slider(key="demo.a").set_value(4.0).run()
    assert metric(at, "a*k") == 12.0
    assert at.query_params["a"] == ["4"] or at.query_params["a"] == "4"
    at.slider(key="demo.a").set_value(1.0).run()
    assert "a" not in at.query_params


def test_error_is_translated(demo_root):
    at = open_demo(demo_root, lang="es", a="0.5")
    assert not at.exception
    assert at.error[0].value.startswith("No se puede usar esta entrada: alpha debe ser >= 0")
    at = open_demo(demo_root, lang="en", a="0.5")
    assert "alpha must be >= 0, got -2.5" in at.error[0].value


def test_empty_matrix_cell_gives_message(demo_root):
    at = open_demo(demo_root, lang="es", a="4", M="1,;3,4")
    assert not at.exception
    assert any("números finitos" in e.value for e in at.error)


def test_language_switch_survives_page_switch(demo_root):
    at = open_demo(demo_root, lang="en")
    at.sidebar.radio(key="_lang_choice").set_value("es").run()
    assert at.title[0].value == "Demostración"
    at.switch_page("app.py").run()
    assert at.session_state["lang"] == "es"
    assert "Para usarla en clase" in all_text(at)


def test_presentation_mode_hides_prose(demo_root):
    at = open_demo(demo_root)
    assert "Intro EN" in all_text(at)
    at.sidebar.toggle(key="_present_choice").set_value(True).run()
    assert "Intro EN" not in all_text(at)
    assert at.title[0].value == "Demo"


def test_home_lists_pages_and_bad_lang(lang):
    at = open_app(lang)
    assert not at.exception
    at = open_app("xx")
    assert at.session_state["lang"] == "en"
    assert any("xx" in c.value for c in at.caption)


def test_numbers_check_marks_agreement(demo_root):
    at = open_demo(demo_root)
    table = at.dataframe[-1].value  # [0] is the data editor
    assert list(table.iloc[:, -1]) == ["✓"]
    assert np.isclose(float(table.iloc[0, 3]), 1e-12, rtol=0.2)


def test_classroom_mode_caps_and_says_so(demo_root, monkeypatch):
    from ui import classroom

    monkeypatch.delenv("PIZARRA_CLASSROOM", raising=False)
    assert classroom.limits() == classroom.FULL
    monkeypatch.setenv("PIZARRA_CLASSROOM", "1")
    assert classroom.limits() == classroom.CLASSROOM
    assert classroom.CLASSROOM.max_epochs < classroom.FULL.max_epochs
    at = open_demo(demo_root)
    assert any("Classroom mode" in c.value for c in at.sidebar.caption)


def test_chart_specs_carry_named_data_and_validate(monkeypatch):
    import pandas as pd

    from ui import charts

    frame = pd.DataFrame({"step": [0, 1, 2], "loss": [3.0, 2.0, 1.5], "run": ["a", "a", "a"]})
    spec = charts.to_spec(charts.lines(frame, "step", "loss", "run"))
    (name,) = spec["datasets"]
    assert spec["data"] == {"name": name}
    pd.testing.assert_frame_equal(spec["datasets"][name], frame)
    assert spec["config"]["range"]["category"][0] == charts.PALETTE[0]  # our theme is applied
    assert charts.to_spec(charts.lines(frame.copy(), "step", "loss", "run"))["data"] == {
        "name": name
    }
    broken = charts.chart(frame, "line", {"x": {"field": "step", "type": "no-such-type"}})
    monkeypatch.setenv("PIZARRA_VALIDATE_CHARTS", "1")
    with pytest.raises(ValueError, match="no-such-type"):
        charts.to_spec(broken)
    monkeypatch.setenv("PIZARRA_VALIDATE_CHARTS", "0")
    assert charts.to_spec(broken)["encoding"]["x"]["type"] == "no-such-type"


def test_heatmap_and_field_specs():
    from ui import charts

    counts = np.array([[6, 5], [7, 9]])
    norm = counts / counts.sum(axis=1, keepdims=True)
    spec = charts.to_spec(charts.matrix_heatmap(norm, ["0", "1"], ["0", "1"], counts=counts))
    (data,) = spec["datasets"].values()
    assert list(data["value"].round(2)) == [0.55, 0.45, 0.44, 0.56]
    assert list(data["count"]) == [6, 5, 7, 9]
    xs = np.linspace(-1, 1, 5)
    Z = np.add.outer(xs**2, xs)  # Z[i, j] = f(xs[j], ys[i]) with f = x + y**2
    spec = charts.to_spec(charts.field(xs, xs, Z))
    image, legend = (spec["datasets"][part["data"]["name"]] for part in spec["layer"])
    # one image over the cells' extent; the legend spans the values (tests/test_chart_export.py
    # checks the image's pixels against Vega's own colours)
    assert (image.x[0], image.x2[0], image.y[0], image.y2[0]) == (-1.25, 1.25, -1.25, 1.25)
    assert list(legend["z"]) == [Z.min(), Z.max()] == [-1.0, 2.0]
