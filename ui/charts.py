"""Altair theme (colour-blind safe), generic chart builders and ``show`` with a text alternative.

Builders return Altair charts, so tests can check their spec (``chart.to_dict()``) without a
browser.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.page import presentation_mode, t

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies. Sequential data use viridis, diverging data blueorange (both CVD-safe).
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
SEQUENTIAL = "viridis"
DIVERGING = "blueorange"


@alt.theme.register("pizarra", enable=True)
def pizarra_theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "range": {"category": list(PALETTE), "ordinal": {"scheme": SEQUENTIAL}},
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "gridOpacity": 0.5},
            "legend": {"labelFontSize": 12, "titleFontSize": 12},
            "title": {"fontSize": 14, "anchor": "start"},
            "view": {"stroke": None},
        }
    }


# Altair's data transformers are process-wide; sessions run in threads.
_TRANSFORM_LOCK = threading.Lock()


def _named_dataset(data: Any, datasets: dict[str, Any]) -> dict[str, str]:
    """Altair data transformer: keep each DataFrame aside under a content-hash name.

    Streamlit ships named datasets to the browser as Arrow, which is far cheaper than the
    JSON records Altair would inline.
    """
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    digest = hashlib.sha1()
    for column, dtype in frame.dtypes.items():  # faster than pandas' hash for small frames
        digest.update(f"|{column}:{dtype}|".encode())
        values = frame[column].to_numpy()
        if values.dtype.kind in "biufcmM":
            digest.update(np.ascontiguousarray(values).tobytes())
        else:
            digest.update("\x1f".join(map(str, values)).encode())
    name = "pz_" + digest.hexdigest()[:16]
    datasets[name] = frame
    return {"name": name}


# Arrow bytes of recently drawn datasets, by content-hash name: after a slider move most of a
# page's datasets (axes, reference curves, unchanged panels) are the same as before, and
# converting them to Arrow again was a sixth of a rerun. Shared by sessions (same content, same
# bytes), bounded, and read-only once stored.
_ARROW_CACHE: dict[str, bytes] = {}
_ARROW_CACHE_MAX = 512
_ARROW_LOCK = threading.Lock()


def _arrow(name: str, values: Any) -> Any:
    if not (name.startswith("pz_") and isinstance(values, pd.DataFrame)):
        return values
    with _ARROW_LOCK:
        cached = _ARROW_CACHE.get(name)
    if cached is not None:
        return cached
    data = arrow_bytes(values)
    with _ARROW_LOCK:
        if len(_ARROW_CACHE) >= _ARROW_CACHE_MAX:
            _ARROW_CACHE.pop(next(iter(_ARROW_CACHE)))  # the oldest entry
        _ARROW_CACHE[name] = data
    return data


def _arrow_table(frame: pd.DataFrame) -> pa.Table | None:
    """The Arrow table Streamlit makes of a DataFrame, converted in this thread, or None.

    pyarrow converts a frame of more than 100 rows per column in a new thread pool, whose
    start-up costs more than the conversion of a chart's data; the table is the same. None for
    frames pyarrow cannot convert as they are (Streamlit's fixes apply to those).
    """
    try:
        return pa.Table.from_pandas(frame, nthreads=1)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, ValueError):
        return None


def arrow_bytes(frame: pd.DataFrame) -> bytes:
    """Streamlit's Arrow bytes of a DataFrame (see :func:`_arrow_table`)."""
    table = _arrow_table(frame)
    if table is None:
        return dataframe_util.convert_anything_to_arrow_bytes(frame)
    return dataframe_util.convert_arrow_table_to_arrow_bytes(table)


alt.data_transformers.register("pizarra_named", _named_dataset)

if os.environ.get("PIZARRA_VALIDATE_CHARTS") != "1":
    # Altair checks every schema object as it is built ("debug mode"): a cost on every rerun
    # that buys nothing where the specs are not validated anyway (see to_spec).
    alt.utils.schemapi.disable_debug_mode()


class _NotPlain(Exception):
    """A chart part :func:`_plain_spec` does not convert the way Altair would: use Altair."""


_PLAIN_SCALARS = (str, int, float, bool, type(None))
_SCHEMA_TO_DICT = alt.SchemaBase.to_dict
_FIELD_CHANNEL = alt.vegalite.v6.schema.channels.FieldChannelMixin
_VALUE_CHANNEL = alt.vegalite.v6.schema.channels.ValueChannelMixin
_TOP_LEVEL = alt.TopLevelMixin


def _plain(obj: Any, context: dict[str, Any]) -> Any:
    """``obj`` as Altair's ``_todict`` would write it, for the parts a page's charts use."""
    if isinstance(obj, _PLAIN_SCALARS):
        return obj
    if isinstance(obj, dict):
        return {k: _plain(v, context) for k, v in obj.items() if v is not alt.Undefined}
    if isinstance(obj, (list, tuple)):
        return [_plain(v, context) for v in obj]
    if isinstance(obj, np.ndarray):
        return [_plain(v, context) for v in obj]
    if isinstance(obj, np.number):
        return float(obj)  # as Altair writes numpy scalars (integers included)
    if isinstance(obj, _TOP_LEVEL):
        return _plain_chart(obj, context, top_level=False)
    if isinstance(obj, alt.SchemaBase):
        method = type(obj).to_dict
        if method is not _SCHEMA_TO_DICT:
            # channels given with field= (no shorthand to parse) or a value without condition
            plain = (
                method is _FIELD_CHANNEL.to_dict
                and obj._kwds.get("shorthand", alt.Undefined) is alt.Undefined
            ) or (
                method is _VALUE_CHANNEL.to_dict
                and obj._kwds.get("condition", alt.Undefined) is alt.Undefined
            )
            if not plain:
                raise _NotPlain(type(obj).__name__)
        return _plain_kwds(obj, context)
    raise _NotPlain(type(obj).__name__)


def _plain_kwds(obj: alt.SchemaBase, context: dict[str, Any]) -> dict[str, Any]:
    if obj._args:
        raise _NotPlain(type(obj).__name__)
    out = {}
    for key, value in obj._kwds.items():
        if value is alt.Undefined or key in ("shorthand", "_cached_hash"):
            continue
        if key == "mark" and isinstance(value, str):
            value = {"type": value}
        out[key] = _plain(value, context)
    return out


def _plain_chart(chart: Any, context: dict[str, Any], top_level: bool) -> dict[str, Any]:
    """One (sub)chart, as ``TopLevelMixin.to_dict`` with the pizarra_named transformer."""
    data = chart._kwds.get("data", alt.Undefined)
    context = dict(context)
    if isinstance(data, pd.DataFrame):
        context["data"] = data
        named = _named_dataset(data, context["datasets"])
    elif data is alt.Undefined:
        if isinstance(chart, alt.Chart) and "data" not in context:
            raise _NotPlain("a chart without data")  # Altair injects values=[{}]
        named = alt.Undefined
    else:
        raise _NotPlain(type(data).__name__)
    if type(chart).to_dict not in (alt.Chart.to_dict, _TOP_LEVEL.to_dict):
        raise _NotPlain(type(chart).__name__)
    out = {}
    for key, value in chart._kwds.items():
        if key == "data":
            value = named
        if value is alt.Undefined or key in ("shorthand", "_cached_hash"):
            continue
        if key == "mark" and isinstance(value, str):
            value = {"type": value}
        out[key] = _plain(value, context)
    if top_level:
        out.setdefault("$schema", alt.SCHEMA_URL)
        out = alt.utils.update_nested(alt.theme.get()(), out, copy=True)
    return out


def _plain_spec(chart: alt.TopLevelMixin) -> dict[str, Any] | None:
    """The spec ``chart.to_dict()`` writes, built without Altair's machinery, or None.

    Altair copies every schema object and walks its class hierarchy on the way (a third of a
    chart-heavy rerun). Charts made of Vega-Lite dicts, fields given with ``field=``, and
    DataFrames need none of that; anything else (shorthand strings, parameters, charts without
    data) returns None and goes through Altair. Where charts are validated, :func:`to_spec`
    checks that both give the same spec.
    """
    datasets: dict[str, Any] = {}
    try:
        spec = _plain_chart(chart, {"datasets": datasets}, top_level=True)
    except _NotPlain:
        return None
    if datasets:
        spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec


def to_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite spec with its data as named datasets.

    Altair's JSON-schema validation costs 30-150 ms per chart on every rerun, so it runs only
    where ``PIZARRA_VALIDATE_CHARTS=1`` (the test suite sets it): every chart a page test or the
    browser test draws is validated there, and the app itself skips the cost. Charts made of
    plain parts are written by :func:`_plain_spec`; where charts are validated, its spec is
    checked against Altair's for every chart drawn.
    """
    validate = os.environ.get("PIZARRA_VALIDATE_CHARTS") == "1"
    fast = _plain_spec(chart)
    if fast is not None and not validate:
        return fast
    datasets: dict[str, Any] = {}
    with _TRANSFORM_LOCK, alt.data_transformers.enable("pizarra_named", datasets=datasets):
        spec = chart.to_dict(validate=validate)
    if datasets:
        spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    if fast is not None and not same_spec(fast, spec):
        raise AssertionError(f"_plain_spec differs from Altair's to_dict:\n{fast}\n{spec}")
    return spec


def same_spec(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Equal specs, key order included, with DataFrame datasets compared by content."""
    strip = (
        {k: v for k, v in a.items() if k != "datasets"},
        {k: v for k, v in b.items() if k != "datasets"},
    )
    if json.dumps(strip[0]) != json.dumps(strip[1]):
        return False
    da, db = a.get("datasets", {}), b.get("datasets", {})
    if list(da) != list(db):
        return False
    for name, frame in da.items():
        other = db[name]
        if isinstance(frame, pd.DataFrame) and isinstance(other, pd.DataFrame):
            if not frame.equals(other):
                return False
        elif frame != other:
            return False
    return True


EXPORT_WIDTH = 720  # pixels of an exported chart drawn "stretch" on the page
EXPORT_FORMATS = ("png", "svg")


def _vl_version() -> str:
    """The Vega-Lite version Altair writes (``"6.4"``), as vl-convert names its bundled ones."""
    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    import vl_convert as vlc

    known = vlc.get_vegalite_versions()
    return major_minor if major_minor in known else known[-1]


def export_image(spec: dict[str, Any], fmt: str, scale: float = 2.0) -> bytes:
    """Render a chart spec from :func:`to_spec` to a PNG or SVG file, on the server.

    Streamlit turns off Vega's own export menu, so the page offers these files instead. The
    named datasets (DataFrames) are written inline as JSON records and a chart that stretches to
    its container on the page gets a fixed width. Rendering uses vl-convert (Vega in an embedded
    JavaScript engine: no browser, no network); the first file of a process takes about two
    seconds, later ones about 0.1 s.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}")
    import vl_convert as vlc

    out = {k: v for k, v in spec.items() if k != "datasets"}
    datasets = spec.get("datasets") or {}
    if datasets:
        out["datasets"] = {name: _records(values) for name, values in datasets.items()}
    single_view = "mark" in out or "layer" in out
    if single_view and out.get("width") in (None, "container"):
        out["width"] = EXPORT_WIDTH
    if fmt == "svg":
        return vlc.vegalite_to_svg(out, vl_version=_vl_version()).encode("utf-8")
    return vlc.vegalite_to_png(out, vl_version=_vl_version(), scale=scale)


def _records(values: Any) -> Any:
    """A named dataset as JSON records: from a DataFrame, or Arrow bytes cached by a page."""
    if isinstance(values, bytes):
        values = dataframe_util.convert_arrow_bytes_to_pandas_df(values)
    if isinstance(values, pd.DataFrame):
        return json.loads(values.to_json(orient="records"))
    return values


def _chart_number() -> int:
    """0, 1, 2, ... for the charts of one script run (unique keys for their buttons)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return 0
    n = getattr(ctx, "_pizarra_charts", 0)
    ctx._pizarra_charts = n + 1
    return n


def export_buttons(spec: dict[str, Any], stem: str) -> None:
    """PNG and SVG download buttons for a chart; the file is only rendered when clicked."""
    n = _chart_number()
    with st.popover(
        t("ui.download_chart"), icon=":material/download:", type="tertiary", key=f"chart_export.{n}"
    ):
        for fmt in EXPORT_FORMATS:
            st.download_button(
                t(f"ui.download_{fmt}"),
                data=lambda fmt=fmt: export_image(spec, fmt),
                file_name=f"{stem}.{fmt}",
                mime="image/png" if fmt == "png" else "image/svg+xml",
                on_click="ignore",
                key=f"chart_export.{n}.{fmt}",
            )


def show(
    chart: alt.TopLevelMixin,
    alt_text: str,
    data: pd.DataFrame | None = None,
    filename: str = "data.csv",
    square: bool = False,
) -> None:
    """Draw ``chart`` with its text alternative underneath (key numbers in words).

    Under it, PNG and SVG files of the chart (rendered on the server when asked for: Streamlit
    disables Vega's own export menu), and with ``data`` the numbers behind the chart as a table
    and a CSV file. A ``square`` chart keeps the width set in its properties (equal pixels per
    unit on both axes) instead of stretching.
    """
    if presentation_mode():
        chart = chart.properties(height=480, width=480) if square else chart.properties(height=480)
    show_spec(to_spec(chart), alt_text, data, filename, square)


def show_spec(
    spec: dict[str, Any],
    alt_text: str,
    data: pd.DataFrame | None = None,
    filename: str = "data.csv",
    square: bool = False,
) -> None:
    """:func:`show` for a ready Vega-Lite spec (e.g. one a page caches with ``st.cache_data``)."""
    width = "content" if square else "stretch"
    if spec.get("datasets"):
        spec = {**spec, "datasets": {n: _arrow(n, v) for n, v in spec["datasets"].items()}}
    st.vega_lite_chart(spec=spec, theme=None, width=width, alt=alt_text)
    st.caption(alt_text)
    stem = filename.rsplit(".", 1)[0] if filename != "data.csv" else "chart"
    export_buttons(spec, stem)
    if data is not None:
        with st.expander(t("ui.chart_data"), expanded=False):
            # the same bytes as from the DataFrame (tested), without pyarrow's thread pool
            table = _arrow_table(data)
            st.dataframe(data if table is None else table, hide_index=True, width="stretch")
            st.download_button(
                t("ui.download_csv"),
                data=lambda: data.to_csv(index=False).encode("utf-8"),  # built when clicked
                file_name=filename,
                mime="text/csv",
                on_click="ignore",
                key=f"csv.{filename}.{id(data)}",
            )


def lines(
    frame: pd.DataFrame,
    x: str,
    y: str,
    color: str | None = None,
    *,
    x_title: str | None = None,
    y_title: str | None = None,
    log_x: bool = False,
    log_y: bool = False,
    height: int = 280,
    points: bool = False,
) -> alt.Chart:
    """Line chart of ``y`` against ``x``, one line (colour and dash) per value of ``color``."""
    # Channel dicts passed to alt.Chart in one call: Altair's channel objects, .encode and
    # .properties copy the chart at every step (same spec, see tests/test_chart_export.py).
    tips = [(x, "quantitative"), (y, "quantitative")] + ([(color, "nominal")] if color else [])
    x_scale = {"type": "log"} if log_x else {"zero": False}
    y_scale = {"type": "log"} if log_y else {"zero": False}
    enc: dict[str, Any] = {
        "x": {"field": x, "scale": x_scale, "title": x_title or x, "type": "quantitative"},
        "y": {"field": y, "scale": y_scale, "title": y_title or y, "type": "quantitative"},
        "tooltip": [{"field": name, "type": kind} for name, kind in tips],
    }
    if color:
        enc["color"] = {"field": color, "title": None, "type": "nominal"}
        enc["strokeDash"] = {"field": color, "title": None, "type": "nominal"}
    return alt.Chart(
        frame,
        mark={"type": "line", "point": points},
        encoding=alt.FacetedEncoding(**enc),
        height=height,
    )


def bars(
    frame: pd.DataFrame,
    x: str,
    y: str,
    color: str | None = None,
    *,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int = 260,
) -> alt.Chart:
    """Bar chart (grouped side by side by ``color`` when given)."""
    tips = [(x, "nominal"), (y, "quantitative")] + ([(color, "nominal")] if color else [])
    enc: dict[str, Any] = {
        "x": {"field": x, "sort": None, "title": x_title or x, "type": "nominal"},
        "y": {"field": y, "title": y_title or y, "type": "quantitative"},
        "tooltip": [{"field": name, "type": kind} for name, kind in tips],
    }
    if color:
        enc["color"] = {"field": color, "title": None, "type": "nominal"}
        enc["xOffset"] = {"field": color, "type": "nominal"}
    return alt.Chart(
        frame, mark={"type": "bar"}, encoding=alt.FacetedEncoding(**enc), height=height
    )


def matrix_heatmap(
    matrix: np.ndarray,
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    *,
    row_title: str = "",
    col_title: str = "",
    fmt: str = ".2f",
    tip_fmt: str | None = None,
    counts: np.ndarray | None = None,
    diverging: bool = False,
    height: int = 300,
) -> alt.LayerChart:
    """Annotated heatmap of a small matrix (confusion matrices, weight matrices).

    ``fmt`` formats the cell text and ``tip_fmt`` (default ``fmt``) the value in the tooltip.
    ``diverging`` centres a blue-orange scale on zero, for signed matrices such as weights.
    Cell text is white on dark cells and black on light ones, decided here rather than with a
    Vega condition (cheaper to build, same picture).
    """
    matrix = np.asarray(matrix, dtype=float)
    rows, cols = [str(r) for r in row_labels], [str(c) for c in col_labels]
    # An all-zero matrix still gets a non-empty diverging domain.
    vmax = (float(np.max(np.abs(matrix))) if matrix.size else 0.0) or 1.0
    lo, hi = (float(matrix.min()), float(matrix.max())) if matrix.size else (0.0, 1.0)
    mid = (lo + hi) / 2
    frame = pd.DataFrame(
        {
            "row": np.repeat(rows, len(cols)),
            "col": np.tile(cols, len(rows)),
            "value": matrix.ravel(),
        }
    )
    if diverging:  # blue-orange is dark at both ends and light around zero
        frame["ink"] = np.where(frame["value"].abs() > 0.6 * vmax, "white", "black")
    else:  # viridis is dark at the low end
        frame["ink"] = np.where(frame["value"] < mid, "white", "black")
    tips = [("row", "nominal"), ("col", "nominal")]
    if counts is not None:
        frame["count"] = np.asarray(counts).ravel().astype(int)
        tips.append(("count", "quantitative"))
    scale = {"scheme": DIVERGING, "domain": [-vmax, vmax]} if diverging else {"scheme": SEQUENTIAL}
    # Channel dicts and one alt.layer call: Altair's channel objects, ``a + b`` and
    # ``.properties`` deep-copy and re-check the chart at every step (a tenth of some reruns).
    x = {"field": "col", "type": "nominal", "title": col_title, "sort": cols}
    y = {"field": "row", "type": "nominal", "title": row_title, "sort": rows}
    rect = alt.Chart(
        mark={"type": "rect"},
        encoding=alt.FacetedEncoding(
            x=x,
            y=y,
            color={"field": "value", "type": "quantitative", "scale": scale, "title": None},
            tooltip=[{"field": name, "type": kind} for name, kind in tips]
            + [{"field": "value", "type": "quantitative", "format": tip_fmt or fmt}],
        ),
    )
    text = alt.Chart(
        mark={"type": "text", "fontSize": 12},
        encoding=alt.FacetedEncoding(
            x=x,
            y=y,
            text={"field": "value", "type": "quantitative", "format": fmt},
            color={"field": "ink", "type": "nominal", "scale": None},
        ),
    )
    # Cell colours and text ink are two colour scales and must be resolved apart: shared (the
    # default for layers), Vega-Lite merges the ink's `scale: null` into the cells' scale and its
    # compiler stops with "Cannot read properties of null (reading 'type')", leaving the chart
    # blank in the browser (the bug of linear_networks' former copy of this builder).
    return alt.layer(
        rect, text, data=frame, resolve={"scale": {"color": "independent"}}, height=height
    )


def field(
    xs: np.ndarray,
    ys: np.ndarray,
    Z: np.ndarray,
    *,
    log_color: bool = False,
    title: str = "",
    x_title: str = "",
    y_title: str = "",
    height: int = 380,
) -> alt.Chart:
    """A 2-D function drawn as a coloured grid (the backdrop for trajectories and contours).

    ``Z`` has shape ``(len(ys), len(xs))``: ``Z[i, j] = f(xs[j], ys[i])``.
    """
    X, Y = np.meshgrid(xs, ys)
    dx = float(xs[1] - xs[0]) if len(xs) > 1 else 1.0
    dy = float(ys[1] - ys[0]) if len(ys) > 1 else 1.0
    # Each cell is centred on its grid point and overlaps its neighbours by 2 %, which hides the
    # anti-aliasing seams browsers draw between touching rectangles.
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
    scale = {"scheme": SEQUENTIAL, "type": "symlog" if log_color else "linear"}
    x_dom = [float(xs[0]) - dx / 2, float(xs[-1]) + dx / 2]
    y_dom = [float(ys[0]) - dy / 2, float(ys[-1]) + dy / 2]
    return alt.Chart(
        frame,
        mark={"type": "rect", "opacity": 0.85, "strokeWidth": 0},
        encoding=alt.FacetedEncoding(
            x={
                "field": "x",
                "scale": {"domain": x_dom, "nice": False},
                "title": x_title,
                "type": "quantitative",
            },
            x2={"field": "x2"},
            y={
                "field": "y",
                "scale": {"domain": y_dom, "nice": False},
                "title": y_title,
                "type": "quantitative",
            },
            y2={"field": "y2"},
            color={"field": "z", "scale": scale, "title": title or "f", "type": "quantitative"},
            tooltip=[{"field": "z", "format": ".4g", "type": "quantitative"}],
        ),
        height=height,
    )
