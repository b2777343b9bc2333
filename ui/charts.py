"""Charts as plain Vega-Lite dicts: the colour palette, small typed builders and ``show``.

One dialect everywhere: a chart is a ``dict`` in Vega-Lite's own JSON shape (``Spec``), where a
``"data"`` entry may hold a pandas DataFrame. :func:`to_spec` moves those DataFrames into named
``datasets`` (content-hash names) and adds the theme; :func:`show` draws the result with the
public ``st.vega_lite_chart``. Topic figures live in ``ui/figures/<topic>.py`` and build on
:func:`chart`, :func:`layer` and the channel helpers :func:`q` and :func:`nom`. Tests check the
specs as dicts, against the Vega-Lite JSON schema, and compile them with vl-convert.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import json
import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from ui.page import presentation_mode, t

Spec = dict[str, Any]
"""A Vega-Lite spec as a dict; any ``"data"`` entry may be a DataFrame (see :func:`to_spec`)."""

# The Vega-Lite version the specs are written for (the one Altair 6.3 bundles and the browser
# embeds); vl-convert renders the exported files with the same minor version.
SCHEMA_URL = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
VEGA_LITE_VERSION = "6.4"

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

THEME: Spec = {
    "range": {"category": list(PALETTE), "ordinal": {"scheme": SEQUENTIAL}},
    "axis": {"labelFontSize": 12, "titleFontSize": 13, "gridOpacity": 0.5},
    "legend": {"labelFontSize": 12, "titleFontSize": 12},
    "title": {"fontSize": 14, "anchor": "start"},
    "view": {"stroke": None},
}


# ----------------------------------------------------------------------------------- builders


def q(name: str, **kw: Any) -> Spec:
    """A quantitative field channel: ``{"field": name, "type": "quantitative", **kw}``."""
    return {"field": name, "type": "quantitative", **kw}


def nom(name: str, **kw: Any) -> Spec:
    """A nominal field channel: ``{"field": name, "type": "nominal", **kw}``."""
    return {"field": name, "type": "nominal", **kw}


def ordinal(name: str, **kw: Any) -> Spec:
    """An ordinal field channel."""
    return {"field": name, "type": "ordinal", **kw}


def value(v: Any) -> Spec:
    """A constant channel value (a colour, a size, ``{"expr": "width"}``)."""
    return {"value": v}


def mark(kind: str, **props: Any) -> Spec:
    """A mark definition: ``{"type": kind, **props}``."""
    return {"type": kind, **props}


def chart(
    data: pd.DataFrame | None = None,
    mark: str | Spec = "point",
    encoding: Spec | None = None,
    **props: Any,
) -> Spec:
    """One view: ``data`` (a DataFrame, or None to take its layer's), a mark and channels.

    ``props`` are further top-level properties (``height``, ``width``, ``title``, ``params``).
    """
    spec: Spec = {} if data is None else {"data": data}
    spec["mark"] = {"type": mark} if isinstance(mark, str) else mark
    if encoding:
        spec["encoding"] = encoding
    spec.update(props)
    return spec


_LAYOUT = ("width", "height", "view")


def layer(*layers: Spec, data: pd.DataFrame | None = None, **props: Any) -> Spec:
    """Views drawn on top of each other, with optional shared ``data`` and properties.

    Vega-Lite sizes a layered chart as a whole: a layer's ``width``, ``height`` and ``view``
    move up to the layered chart (the first one given wins, as with Altair's ``+``).
    """
    hoisted: Spec = {}
    parts = []
    for part in layers:
        for prop in _LAYOUT:
            if prop in part:
                hoisted.setdefault(prop, part[prop])
        parts.append({k: v for k, v in part.items() if k not in _LAYOUT})
    spec: Spec = {"layer": parts}
    if data is not None:
        spec["data"] = data
    spec.update(hoisted)
    spec.update(props)
    return spec


def hconcat(*views: Spec, **props: Any) -> Spec:
    """Views side by side."""
    return {"hconcat": list(views), **props}


def vconcat(*views: Spec, **props: Any) -> Spec:
    """Views one under the other."""
    return {"vconcat": list(views), **props}


def properties(spec: Spec, **props: Any) -> Spec:
    """A copy of ``spec`` with top-level properties set (``height``, ``width``, ...)."""
    return {**spec, **props}


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
) -> Spec:
    """Line chart of ``y`` against ``x``, one line (colour and dash) per value of ``color``."""
    tips = [(x, "quantitative"), (y, "quantitative")] + ([(color, "nominal")] if color else [])
    x_scale = {"type": "log"} if log_x else {"zero": False}
    y_scale = {"type": "log"} if log_y else {"zero": False}
    enc: Spec = {
        "x": {"field": x, "scale": x_scale, "title": x_title or x, "type": "quantitative"},
        "y": {"field": y, "scale": y_scale, "title": y_title or y, "type": "quantitative"},
        "tooltip": [{"field": name, "type": kind} for name, kind in tips],
    }
    if color:
        enc["color"] = {"field": color, "title": None, "type": "nominal"}
        enc["strokeDash"] = {"field": color, "title": None, "type": "nominal"}
    return chart(frame, {"type": "line", "point": points}, enc, height=height)


def bars(
    frame: pd.DataFrame,
    x: str,
    y: str,
    color: str | None = None,
    *,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int = 260,
) -> Spec:
    """Bar chart (grouped side by side by ``color`` when given)."""
    tips = [(x, "nominal"), (y, "quantitative")] + ([(color, "nominal")] if color else [])
    enc: Spec = {
        "x": {"field": x, "sort": None, "title": x_title or x, "type": "nominal"},
        "y": {"field": y, "title": y_title or y, "type": "quantitative"},
        "tooltip": [{"field": name, "type": kind} for name, kind in tips],
    }
    if color:
        enc["color"] = {"field": color, "title": None, "type": "nominal"}
        enc["xOffset"] = {"field": color, "type": "nominal"}
    return chart(frame, {"type": "bar"}, enc, height=height)


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
) -> Spec:
    """Annotated heatmap of a small matrix (confusion matrices, weight matrices).

    ``fmt`` formats the cell text and ``tip_fmt`` (default ``fmt``) the value in the tooltip.
    ``diverging`` centres a blue-orange scale on zero, for signed matrices such as weights.
    Cell text is white on dark cells and black on light ones, decided here rather than with a
    Vega condition (same picture, a smaller spec).
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
    x = {"field": "col", "type": "nominal", "title": col_title, "sort": cols}
    y = {"field": "row", "type": "nominal", "title": row_title, "sort": rows}
    rect = chart(
        None,
        {"type": "rect"},
        {
            "x": x,
            "y": y,
            "color": {"field": "value", "type": "quantitative", "scale": scale, "title": None},
            "tooltip": [{"field": name, "type": kind} for name, kind in tips]
            + [{"field": "value", "type": "quantitative", "format": tip_fmt or fmt}],
        },
    )
    text = chart(
        None,
        {"type": "text", "fontSize": 12},
        {
            "x": x,
            "y": y,
            "text": {"field": "value", "type": "quantitative", "format": fmt},
            "color": {"field": "ink", "type": "nominal", "scale": None},
        },
    )
    # Cell colours and text ink are two colour scales and must be resolved apart: shared (the
    # default for layers), Vega-Lite merges the ink's `scale: null` into the cells' scale and its
    # compiler stops with "Cannot read properties of null (reading 'type')", leaving the chart
    # blank in the browser (the bug of linear_networks' former copy of this builder).
    return layer(rect, text, data=frame, resolve={"scale": {"color": "independent"}}, height=height)


# Vega's own "viridis" (vega-scale's discretized scheme: 30 colours, which Vega interpolates
# piecewise linearly in RGB), so that a field drawn as an image matches its Vega legend.
_VIRIDIS = (
    "440154470e61481a6c482575472f7d443a834144873d4e8a39568c35608d31688e2d708e2a788e27818e23888e"
    "21918d1f988b1fa08822a8842ab07f35b77943bf7154c56866cc5d7ad1518fd744a5db36bcdf27d2e21be9e51afde725"
)
_VIRIDIS_RGB = np.array(
    [[int(_VIRIDIS[i + k : i + k + 2], 16) for k in (0, 2, 4)] for i in range(0, len(_VIRIDIS), 6)],
    dtype=float,
)


def _symlog(z: np.ndarray) -> np.ndarray:
    """Vega's symlog transform with its default constant 1."""
    return np.sign(z) * np.log1p(np.abs(z))


def field_colors(Z: np.ndarray, domain: Sequence[float], log_color: bool = False) -> np.ndarray:
    """RGBA bytes (``Z.shape + (4,)``) of ``Z`` on a viridis scale over ``domain``, as Vega
    colours it (linear or symlog); non-finite cells are transparent."""
    Z = np.asarray(Z, dtype=float)
    lo, hi = (float(v) for v in domain)
    f = _symlog if log_color else (lambda v: v)
    finite = np.isfinite(Z)
    span = float(f(np.float64(hi)) - f(np.float64(lo))) or 1.0
    with np.errstate(invalid="ignore"):
        u = np.clip((f(np.where(finite, Z, lo)) - f(np.float64(lo))) / span, 0.0, 1.0)
    pos = u * (len(_VIRIDIS_RGB) - 1)
    i = np.minimum(pos.astype(int), len(_VIRIDIS_RGB) - 2)
    frac = (pos - i)[..., None]
    rgb = _VIRIDIS_RGB[i] * (1.0 - frac) + _VIRIDIS_RGB[i + 1] * frac
    alpha = np.where(finite, 255.0, 0.0)[..., None]
    return np.round(np.concatenate([rgb, alpha], axis=-1)).astype(np.uint8)


def _png_data_url(rgba: np.ndarray) -> str:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgba, mode="RGBA").save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


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
) -> Spec:
    """A 2-D function drawn as a coloured grid (the backdrop for trajectories and contours).

    ``Z`` has shape ``(len(ys), len(xs))``: ``Z[i, j] = f(xs[j], ys[i])``, each value the colour
    of a cell centred on its grid point.

    The grid is one image (a PNG made here, one pixel a cell, coloured as Vega colours the
    ``z`` scale: :func:`field_colors`) stretched over the cells' extent, not one rectangle per
    cell: a browser draws a 41 × 41 grid of rectangles in ~60 ms per slider move and the image
    in a few. An invisible layer with the smallest and largest ``z`` gives the colour legend,
    on the same scale, whose domain is set to exactly that range.
    """
    Z = np.asarray(Z, dtype=float)
    dx = float(xs[1] - xs[0]) if len(xs) > 1 else 1.0
    dy = float(ys[1] - ys[0]) if len(ys) > 1 else 1.0
    x_dom = [float(xs[0]) - dx / 2, float(xs[-1]) + dx / 2]
    y_dom = [float(ys[0]) - dy / 2, float(ys[-1]) + dy / 2]
    finite = Z[np.isfinite(Z)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if hi <= lo:
        hi = lo + 1.0
    image = pd.DataFrame(
        {
            # rows of the image run from the top: the largest y first
            "url": [_png_data_url(field_colors(Z[::-1], (lo, hi), log_color))],
            "x": [x_dom[0]],
            "x2": [x_dom[1]],
            "y": [y_dom[0]],
            "y2": [y_dom[1]],
        }
    )
    x = {
        "field": "x",
        "scale": {"domain": x_dom, "nice": False},
        "title": x_title,
        "type": "quantitative",
    }
    y = {
        "field": "y",
        "scale": {"domain": y_dom, "nice": False},
        "title": y_title,
        "type": "quantitative",
    }
    grid = chart(
        image,
        {"type": "image", "aspect": False, "opacity": 0.85},
        {"x": x, "x2": {"field": "x2"}, "y": y, "y2": {"field": "y2"}, "url": {"field": "url"}},
    )
    scale = {
        "scheme": SEQUENTIAL,
        "type": "symlog" if log_color else "linear",
        "domain": [lo, hi],
        "nice": False,
        "zero": False,
    }
    legend = chart(
        pd.DataFrame({"x": [x_dom[0]] * 2, "y": [y_dom[0]] * 2, "z": [lo, hi]}),
        {"type": "point", "opacity": 0, "size": 0},
        {
            "x": x,
            "y": y,
            "color": {"field": "z", "scale": scale, "title": title or "f", "type": "quantitative"},
        },
    )
    return layer(grid, legend, height=height)


# ---------------------------------------------------------------------- spec and its datasets


def dataset_name(frame: pd.DataFrame) -> str:
    """A hash of ``frame``'s content: equal frames get equal hashes (``pz_<hex>``).

    It keys the Arrow cache and finds equal frames within a chart; the names the browser sees
    are places (see :func:`_named`)."""
    digest = hashlib.sha1()
    for column, dtype in frame.dtypes.items():  # faster than pandas' hash for small frames
        digest.update(f"|{column}:{dtype}|".encode())
        values = frame[column].to_numpy()
        if values.dtype.kind in "biufcmM":
            digest.update(np.ascontiguousarray(values).tobytes())
        else:
            digest.update("\x1f".join(map(str, values)).encode())
    return "pz_" + digest.hexdigest()[:16]


def _named(obj: Any, datasets: dict[str, pd.DataFrame], names: dict[str, str]) -> Any:
    """``obj`` with every DataFrame under a ``"data"`` key replaced by ``{"name": ...}``.

    The frames go to ``datasets``; frames of equal content share one entry (``names`` maps
    content hashes to the names given so far). A name is the frame's place in the chart
    (``pz_0``, ``pz_1``, ...; Vega-Lite names its own data ``data_<n>``), not its content: when a slider changes only the numbers, the spec
    stays the same and the browser swaps the data in the chart it has (and leaves a dataset of
    unchanged bytes alone) instead of building the chart anew. Numpy scalars and arrays become
    plain JSON numbers and lists.
    """
    if isinstance(obj, dict):
        out = {}
        for key, v in obj.items():
            if key == "data" and isinstance(v, pd.DataFrame):
                name = names.setdefault(dataset_name(v), f"pz_{len(names)}")
                datasets[name] = v
                out[key] = {"name": name}
            else:
                out[key] = _named(v, datasets, names)
        return out
    if isinstance(obj, (list, tuple)):
        return [_named(v, datasets, names) for v in obj]
    if isinstance(obj, np.ndarray):
        return [_named(v, datasets, names) for v in obj.tolist()]
    if isinstance(obj, np.bool_):
        return bool(obj)
    if isinstance(obj, np.number):
        return float(obj)
    return obj


def _merged(base: Spec, update: Spec) -> Spec:
    """``base`` updated with ``update``, nested dicts merged key by key."""
    out = dict(base)
    for key, v in update.items():
        out[key] = (
            _merged(out[key], v) if isinstance(v, dict) and isinstance(out.get(key), dict) else v
        )
    return out


def to_spec(spec: Spec) -> Spec:
    """The spec as the browser gets it: DataFrames as named ``datasets``, ``$schema``, theme.

    The spec's own ``config`` entries win over the theme's. Where ``PIZARRA_VALIDATE_CHARTS=1``
    (the test suite sets it) the spec is also checked against the Vega-Lite JSON schema and
    compiled to Vega (see :func:`check_spec`); the app skips that cost.
    """
    datasets: dict[str, pd.DataFrame] = {}
    body = _named(spec, datasets, {})
    config = _merged(THEME, body.pop("config", {}))
    out: Spec = {"$schema": SCHEMA_URL, "config": config, **body}
    if datasets:
        out["datasets"] = {**out.get("datasets", {}), **datasets}
    if os.environ.get("PIZARRA_VALIDATE_CHARTS") == "1":
        check_spec(out)
    return out


def jsonable(spec: Spec) -> Spec:
    """``spec`` from :func:`to_spec` with its DataFrame datasets as JSON records (pure JSON)."""
    datasets = spec.get("datasets") or {}
    out = {k: v for k, v in spec.items() if k != "datasets"}
    if datasets:
        out["datasets"] = {name: _records(values) for name, values in datasets.items()}
    return out


@functools.cache
def _schema_validator() -> Any:
    """A JSON-schema validator for the Vega-Lite schema file that Altair ships (tests only)."""
    import importlib.resources

    import jsonschema

    text = importlib.resources.files("altair").joinpath("vegalite/v6/schema/vega-lite-schema.json")
    schema = json.loads(text.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def check_spec(spec: Spec) -> None:
    """Raise ``ValueError`` if ``spec`` breaks the Vega-Lite schema or does not compile to Vega.

    The compile step (vl-convert, Vega-Lite's own compiler) catches specs that are valid JSON
    but leave the chart blank in the browser (e.g. a ``scale: null`` merged into a shared scale).
    """
    import jsonschema
    import vl_convert as vlc

    plain = jsonable(spec)
    error = jsonschema.exceptions.best_match(_schema_validator().iter_errors(plain))
    if error is not None:
        where = "/".join(map(str, error.absolute_path))
        raise ValueError(f"invalid Vega-Lite spec at /{where}: {error.message}")
    try:
        vlc.vegalite_to_vega(plain, vl_version=VEGA_LITE_VERSION)
    except ValueError as err:
        raise ValueError(f"Vega-Lite cannot compile the spec: {err}") from err


# Arrow tables of recently drawn datasets, by content-hash name: after a slider move most of a
# page's datasets (axes, reference curves, unchanged panels) are the same as before. Shared by
# sessions (same content, same table), bounded, and read-only once stored.
_ARROW_CACHE: dict[str, pa.Table] = {}
_ARROW_CACHE_MAX = 512
_ARROW_LOCK = threading.Lock()


def arrow_table(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """The Arrow table of a chart's DataFrame, converted in this thread, or the frame itself.

    pyarrow converts a frame of more than 100 rows per column in a new thread pool, whose
    start-up costs more than the conversion of a chart's data; the table is the same. A frame
    pyarrow cannot convert as it is comes back unchanged (Streamlit's own fixes apply to it).
    """
    try:
        return pa.Table.from_pandas(frame, nthreads=1)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, ValueError):
        return frame


def _cached_table(values: Any) -> Any:
    """The Arrow table of a chart's DataFrame, from the cache when the same content was drawn."""
    if not isinstance(values, pd.DataFrame):
        return values
    name = dataset_name(values)
    with _ARROW_LOCK:
        cached = _ARROW_CACHE.get(name)
    if cached is not None:
        return cached
    table = arrow_table(values)
    with _ARROW_LOCK:
        if len(_ARROW_CACHE) >= _ARROW_CACHE_MAX:
            _ARROW_CACHE.pop(next(iter(_ARROW_CACHE)))  # the oldest entry
        _ARROW_CACHE[name] = table
    return table


# ------------------------------------------------------------------------------------- export

EXPORT_WIDTH = 720  # pixels of an exported chart drawn "stretch" on the page
EXPORT_FORMATS = ("png", "svg")


def export_image(spec: Spec, fmt: str, scale: float = 2.0) -> bytes:
    """Render a chart spec from :func:`to_spec` to a PNG or SVG file, on the server.

    Streamlit turns off Vega's own export menu, so the page offers these files instead. The
    named datasets are written inline as JSON records and a chart that stretches to its
    container on the page gets a fixed width. Rendering uses vl-convert (Vega in an embedded
    JavaScript engine: no browser, no network); the first file of a process takes about two
    seconds, later ones about 0.1 s.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(EXPORT_FORMATS)}, got {fmt!r}")
    import vl_convert as vlc

    out = jsonable(spec)
    single_view = "mark" in out or "layer" in out
    if single_view and out.get("width") in (None, "container"):
        out["width"] = EXPORT_WIDTH
    if fmt == "svg":
        return vlc.vegalite_to_svg(out, vl_version=VEGA_LITE_VERSION).encode("utf-8")
    return vlc.vegalite_to_png(out, vl_version=VEGA_LITE_VERSION, scale=scale)


def _records(values: Any) -> Any:
    """A named dataset as JSON records: from a DataFrame or an Arrow table."""
    if isinstance(values, pa.Table):
        values = values.to_pandas()
    if isinstance(values, pd.DataFrame):
        return json.loads(values.to_json(orient="records"))
    return values


def _chart_key(spec: Spec, alt_text: str, stem: str) -> str:
    """A widget key for a chart's buttons, from what the chart shows (unique on a page)."""
    digest = hashlib.sha1(f"{stem}\x1f{alt_text}".encode())
    digest.update(json.dumps({k: v for k, v in spec.items() if k != "datasets"}).encode())
    digest.update("\x1f".join(spec.get("datasets") or {}).encode())
    return digest.hexdigest()[:16]


def export_buttons(spec: Spec, stem: str, key: str) -> None:
    """PNG and SVG download buttons for a chart; the file is only rendered when clicked."""
    with st.popover(
        t("ui.download_chart"),
        icon=":material/download:",
        type="tertiary",
        key=f"chart_export.{key}",
    ):
        for fmt in EXPORT_FORMATS:
            st.download_button(
                t(f"ui.download_{fmt}"),
                data=lambda fmt=fmt: export_image(spec, fmt),
                file_name=f"{stem}.{fmt}",
                mime="image/png" if fmt == "png" else "image/svg+xml",
                on_click="ignore",
                key=f"chart_export.{key}.{fmt}",
            )


# --------------------------------------------------------------------------------------- show


def show(
    spec: Spec,
    alt_text: str,
    data: pd.DataFrame | None = None,
    filename: str = "data.csv",
    square: bool = False,
) -> None:
    """Draw ``spec`` with its text alternative underneath (key numbers in words).

    Under it, PNG and SVG files of the chart (rendered on the server when asked for: Streamlit
    disables Vega's own export menu), and with ``data`` the numbers behind the chart as a table
    and a CSV file. A ``square`` chart keeps the width set in its properties (equal pixels per
    unit on both axes) instead of stretching.
    """
    if presentation_mode():
        spec = {**spec, "height": 480, "width": 480} if square else {**spec, "height": 480}
    show_spec(to_spec(spec), alt_text, data, filename, square)


def show_spec(
    spec: Spec,
    alt_text: str,
    data: pd.DataFrame | None = None,
    filename: str = "data.csv",
    square: bool = False,
) -> None:
    """:func:`show` for a spec already through :func:`to_spec` (e.g. cached by a page)."""
    width = "content" if square else "stretch"
    drawn = spec
    if spec.get("datasets"):
        drawn = {**spec, "datasets": {n: _cached_table(v) for n, v in spec["datasets"].items()}}
    st.vega_lite_chart(spec=drawn, theme=None, width=width, alt=alt_text)
    st.caption(alt_text)
    stem = filename.rsplit(".", 1)[0] if filename != "data.csv" else "chart"
    key = _chart_key(spec, alt_text, stem)
    export_buttons(spec, stem, key)
    if data is not None:
        # Built only while open: a closed expander that tracks its state sends nothing, so a
        # slider move does not resend the table (opening it reruns the page or its fragment).
        # Keyed by the file name, which stays put when the chart's numbers move, so an open
        # table stays open; unnamed charts fall back to the content key.
        data_key = f"chart_data.{stem if filename != 'data.csv' else key}"
        table = st.expander(t("ui.chart_data"), key=data_key, on_change="rerun")
        if not table.open:
            return
        with table:
            # the same table as Streamlit makes of the DataFrame, without pyarrow's thread pool
            st.dataframe(arrow_table(data), hide_index=True, width="stretch")
            st.download_button(
                t("ui.download_csv"),
                data=lambda: data.to_csv(index=False).encode("utf-8"),  # built when clicked
                file_name=filename,
                mime="text/csv",
                on_click="ignore",
                key=f"csv.{key}",
            )
