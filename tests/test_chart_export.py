"""PNG/SVG export of the charts (``ui.charts.export_image``), rendered on the server by vl-convert.

The files are checked for what a student would look for: the right format and size, the axis
titles in the SVG, and the Okabe-Ito palette of the app's theme in the PNG pixels.
"""

from __future__ import annotations

import io
import struct

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
