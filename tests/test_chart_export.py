"""PNG/SVG export of the charts (``ui.charts.export_image``), rendered on the server by vl-convert.

The files are checked for what a student would look for: the right format and size, the axis
titles in the SVG, and the Okabe-Ito palette of the app's theme in the PNG pixels.
"""

from __future__ import annotations

import io
import json
import struct

import altair as alt
import numpy as np
import pandas as pd
import pytest
from PIL import Image

from ui import charts


def _line_spec() -> dict:
    x = np.linspace(0.0, 3.0, 30)
    frame = pd.DataFrame(
        {
            "step": np.concatenate([x, x]),
            "loss": np.concatenate([np.exp(-x), np.exp(-2 * x)]),
            "run": ["slow"] * 30 + ["fast"] * 30,
        }
    )
    chart = charts.lines(frame, "step", "loss", "run", x_title="epoch", y_title="training loss")
    return charts.to_spec(chart)


def test_png_has_the_export_size_and_the_theme_colours():
    spec = _line_spec()
    assert "datasets" in spec  # the data travel as named DataFrames, as on the page
    png = charts.export_image(spec, "png", scale=1.0)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    # the plot area is EXPORT_WIDTH wide; axes and legend add a margin around it
    assert charts.EXPORT_WIDTH <= width <= charts.EXPORT_WIDTH + 300
    assert 280 <= height <= 280 + 150
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3).astype(int)
    for hex_colour in charts.PALETTE[:2]:  # one colour per run
        rgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(pixels - rgb).sum(axis=1) < 30).sum() > 50, hex_colour


def test_png_scale_doubles_the_pixels():
    spec = _line_spec()
    w1, h1 = struct.unpack(">II", charts.export_image(spec, "png", scale=1.0)[16:24])
    w2, h2 = struct.unpack(">II", charts.export_image(spec, "png", scale=2.0)[16:24])
    assert (w2, h2) == (2 * w1, 2 * h1)


def test_svg_is_vector_text_with_the_axis_titles():
    svg = charts.export_image(_line_spec(), "svg").decode("utf-8")
    assert svg.lstrip().startswith("<svg")
    assert "training loss" in svg and "epoch" in svg
    assert "<path" in svg  # the lines are vector paths, not an embedded bitmap
    assert "<image" not in svg


def test_layered_heatmap_exports():
    matrix = np.array([[0.9, 0.1], [0.25, 0.75]])
    chart = charts.matrix_heatmap(
        matrix, ["0", "1"], ["0", "1"], row_title="true", col_title="pred"
    )
    svg = charts.export_image(charts.to_spec(chart), "svg").decode("utf-8")
    for text in ("0.90", "0.10", "0.25", "0.75", "true", "pred"):
        assert f">{text}<" in svg, text


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="fmt must be one of png, svg, got 'pdf'"):
        charts.export_image(_line_spec(), "pdf")


def test_datasets_cached_as_arrow_bytes_export_the_same_picture():
    # pages that cache a spec keep its datasets as the Arrow bytes Streamlit ships (batch_norm)
    from streamlit import dataframe_util

    spec = _line_spec()
    cached = {
        **spec,
        "datasets": {
            name: dataframe_util.convert_anything_to_arrow_bytes(frame)
            for name, frame in spec["datasets"].items()
        },
    }
    assert charts.export_image(cached, "svg") == charts.export_image(spec, "svg")


# ------------------------------------------------- to_spec's fast path against Altair's to_dict


def _altair_spec(chart) -> dict:
    datasets: dict = {}
    with alt.data_transformers.enable("pizarra_named", datasets=datasets):
        spec = chart.to_dict(validate=True)
    if datasets:
        spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [3.0, 1.0, 2.0], "g": ["u", "v", "u"]})


def _builder_charts() -> dict:
    xs, ys = np.linspace(-1, 1, 5), np.linspace(-2, 2, 4)
    frame = _frame()
    plain = alt.Chart(
        frame,
        mark={"type": "line", "point": True},
        encoding=alt.FacetedEncoding(
            x={"field": "a", "type": "quantitative", "scale": {"zero": False}},
            y=alt.Y(field="b", type="quantitative", title="b"),
            color=alt.value(charts.PALETTE[2]),
            tooltip=[{"field": "a", "type": "quantitative", "format": ".3g"}],
        ),
        height=200,
    )
    rule = alt.Chart(
        mark="rule",
        encoding=alt.FacetedEncoding(y={"datum": np.float64(2.5)}, x=alt.value(alt.expr("width"))),
    )
    return {
        "lines": charts.lines(frame, "a", "b", "g", log_y=True, points=True),
        "lines, no colour": charts.lines(frame, "a", "b", x_title="A"),
        "bars": charts.bars(frame, "g", "b", "g"),
        "matrix_heatmap": charts.matrix_heatmap(
            np.array([[1, 2], [3, 4]]),
            ["r0", "r1"],
            ["c0", "c1"],
            counts=np.array([[5, 6], [7, 8]]),
        ),
        "matrix_heatmap, diverging": charts.matrix_heatmap(
            np.array([[-1.0, 2.0]]), ["r"], ["c0", "c1"], diverging=True
        ),
        "field": charts.field(xs, ys, np.outer(ys, xs), log_color=True, title="f"),
        "channel dicts, layer with data on top": alt.layer(plain, rule, data=frame, width=300),
        "layer of charts with their own data": alt.layer(plain, plain.properties(data=frame)),
    }


@pytest.mark.parametrize("kind", list(_builder_charts()))
def test_fast_spec_is_altairs_spec(kind):
    chart = _builder_charts()[kind]
    fast = charts._plain_spec(chart)
    assert fast is not None, kind
    slow = _altair_spec(chart)
    assert json.dumps({k: v for k, v in fast.items() if k != "datasets"}) == json.dumps(
        {k: v for k, v in slow.items() if k != "datasets"}
    )  # same content and key order
    assert list(fast["datasets"]) == list(slow["datasets"])
    for name, frame in fast["datasets"].items():
        pd.testing.assert_frame_equal(frame, slow["datasets"][name])
    assert fast["config"]["range"]["category"] == list(charts.PALETTE)  # the app's theme
    assert charts.same_spec(fast, slow)


def test_charts_the_fast_path_cannot_write_go_through_altair():
    frame = _frame()
    shorthand = alt.Chart(frame).mark_point().encode(x="a:Q", y="b")  # type parsed and inferred
    no_data = alt.Chart().mark_rule().encode(y=alt.datum(1.0))  # Altair injects values=[{}]
    conditional = (
        alt.Chart(frame)
        .mark_point()
        .encode(color=alt.condition("datum.a > 1", alt.value("red"), alt.value("blue")))
    )
    brush = alt.selection_interval()
    selection = alt.Chart(frame).mark_point().encode(x="a:Q").add_params(brush)
    for chart in (shorthand, no_data, selection):
        assert charts._plain_spec(chart) is None
        assert "$schema" in charts.to_spec(chart)
    # to_spec checks the fast path against Altair wherever charts are validated (tests)
    for chart in (shorthand, no_data, conditional, selection):
        assert charts.same_spec(charts.to_spec(chart), _altair_spec(chart))


def test_same_spec_notices_a_difference():
    spec = charts.to_spec(charts.lines(_frame(), "a", "b"))
    assert charts.same_spec(spec, charts.to_spec(charts.lines(_frame(), "a", "b")))
    other = charts.to_spec(charts.lines(_frame(), "a", "b", y_title="loss"))
    assert not charts.same_spec(spec, other)
    reordered = dict(reversed(list(spec.items())))
    assert not charts.same_spec(spec, reordered)
    changed = _frame().assign(b=[0.0, 0.0, 0.0])
    swapped = {**spec, "datasets": {n: changed for n in spec["datasets"]}}
    assert not charts.same_spec(spec, swapped)


def test_arrow_bytes_are_streamlits():
    from streamlit import dataframe_util

    rng = np.random.default_rng(0)
    frames = [
        _frame(),
        pd.DataFrame({"x": rng.random(1000), "y": rng.random(1000), "g": ["u", "v"] * 500}),
        pd.DataFrame({"n": np.arange(300), "when": pd.date_range("2024-01-01", periods=300)}),
        pd.DataFrame({"mixed": [1, "a", 2.5] * 120, "v": rng.random(360)}),  # needs a fix
    ]
    for frame in frames:
        expected = dataframe_util.convert_anything_to_arrow_bytes(frame)
        assert charts.arrow_bytes(frame) == expected
        back = dataframe_util.convert_arrow_bytes_to_pandas_df(charts.arrow_bytes(frame))
        assert list(back.columns) == list(frame.columns) and len(back) == len(frame)


# The builders as they were written with Altair's channel objects: the oracle for the spec of the
# channel-dict builders in ui/charts.py.
def _old_lines(
    frame,
    x,
    y,
    color=None,
    *,
    x_title=None,
    y_title=None,
    log_x=False,
    log_y=False,
    height=280,
    points=False,
):
    tips = [(x, "quantitative"), (y, "quantitative")] + ([(color, "nominal")] if color else [])
    enc = {
        "x": alt.X(
            field=x,
            type="quantitative",
            title=x_title or x,
            scale=alt.Scale(type="log") if log_x else alt.Scale(zero=False),
        ),
        "y": alt.Y(
            field=y,
            type="quantitative",
            title=y_title or y,
            scale=alt.Scale(type="log") if log_y else alt.Scale(zero=False),
        ),
        "tooltip": [alt.Tooltip(field=n, type=k) for n, k in tips],
    }
    if color:
        enc["color"] = alt.Color(field=color, type="nominal", title=None)
        enc["strokeDash"] = alt.StrokeDash(field=color, type="nominal", title=None)
    return alt.Chart(frame).mark_line(point=points).encode(**enc).properties(height=height)


def _old_bars(frame, x, y, color=None, *, x_title=None, y_title=None, height=260):
    tips = [(x, "nominal"), (y, "quantitative")] + ([(color, "nominal")] if color else [])
    enc = {
        "x": alt.X(field=x, type="nominal", title=x_title or x, sort=None),
        "y": alt.Y(field=y, type="quantitative", title=y_title or y),
        "tooltip": [alt.Tooltip(field=n, type=k) for n, k in tips],
    }
    if color:
        enc["color"] = alt.Color(field=color, type="nominal", title=None)
        enc["xOffset"] = alt.XOffset(field=color, type="nominal")
    return alt.Chart(frame).mark_bar().encode(**enc).properties(height=height)


def _old_field(xs, ys, Z, *, log_color=False, title="", x_title="", y_title="", height=380):
    X, Y = np.meshgrid(xs, ys)
    dx = float(xs[1] - xs[0]) if len(xs) > 1 else 1.0
    dy = float(ys[1] - ys[0]) if len(ys) > 1 else 1.0
    hx, hy = 0.51 * dx, 0.51 * dy
    frame = pd.DataFrame(
        {
            "x": X.ravel() - hx,
            "x2": X.ravel() + hx,
            "y": Y.ravel() - hy,
            "y2": Y.ravel() + hy,
            "z": np.asarray(Z, float).ravel(),
        }
    )
    scale = alt.Scale(scheme=charts.SEQUENTIAL, type="symlog" if log_color else "linear")
    x_dom = [float(xs[0]) - dx / 2, float(xs[-1]) + dx / 2]
    y_dom = [float(ys[0]) - dy / 2, float(ys[-1]) + dy / 2]
    return (
        alt.Chart(frame)
        .mark_rect(opacity=0.85, strokeWidth=0)
        .encode(
            x=alt.X(
                field="x",
                type="quantitative",
                title=x_title,
                scale=alt.Scale(domain=x_dom, nice=False),
            ),
            x2=alt.X2(field="x2"),
            y=alt.Y(
                field="y",
                type="quantitative",
                title=y_title,
                scale=alt.Scale(domain=y_dom, nice=False),
            ),
            y2=alt.Y2(field="y2"),
            color=alt.Color(field="z", type="quantitative", scale=scale, title=title or "f"),
            tooltip=[alt.Tooltip(field="z", type="quantitative", format=".4g")],
        )
        .properties(height=height)
    )


def _builder_pairs():
    frame = _frame()
    xs, ys = np.linspace(-1, 1, 5), np.linspace(-2, 2, 4)
    Z = np.outer(ys, xs)
    yield charts.lines(frame, "a", "b"), _old_lines(frame, "a", "b")
    kw = dict(x_title="A", y_title="B", log_x=True, log_y=True, height=200, points=True)
    yield charts.lines(frame, "a", "b", "g", **kw), _old_lines(frame, "a", "b", "g", **kw)
    yield charts.bars(frame, "g", "b"), _old_bars(frame, "g", "b")
    kw = dict(x_title="G", y_title="B", height=100)
    yield charts.bars(frame, "g", "b", "g", **kw), _old_bars(frame, "g", "b", "g", **kw)
    yield charts.field(xs, ys, Z), _old_field(xs, ys, Z)
    kw = dict(log_color=True, title="f", x_title="w1", y_title="w2", height=300)
    yield charts.field(xs, ys, Z, **kw), _old_field(xs, ys, Z, **kw)


def test_channel_dict_builders_write_the_old_specs():
    for new, old in _builder_pairs():
        a, b = charts.to_spec(new), _altair_spec(old)
        assert json.dumps({k: v for k, v in a.items() if k != "datasets"}) == json.dumps(
            {k: v for k, v in b.items() if k != "datasets"}
        )
        assert charts.same_spec(a, b)


def test_chart_data_table_is_the_dataframes_table():
    # show_spec hands st.dataframe the Arrow table of the chart's data: the same bytes and
    # columns as Streamlit's own conversion of the DataFrame
    from streamlit import dataframe_util

    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"epoch": np.arange(500), "loss": rng.random(500), "run": ["a"] * 500})
    table = charts._arrow_table(frame)
    assert dataframe_util.convert_arrow_table_to_arrow_bytes(
        table
    ) == dataframe_util.convert_pandas_df_to_arrow_bytes(frame)
    assert table.column_names == ["epoch", "loss", "run"]
    assert charts._arrow_table(pd.DataFrame({"mixed": [1, "a"]})) is None
