"""Page setup and URL-synced widgets.

Every page starts with ``p = page.setup("<topic>")``. The returned :class:`Page` translates
(``p.t``) and makes widgets whose state lives in the URL: each one takes its initial value from
``st.query_params[name]`` (validated, clamped, or replaced by the default with a notice) and writes
its value back when it differs from the default, so the address bar always reproduces the view.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from ui import classroom, i18n, nav, params

LANG_KEY = "lang"  # plain session-state key: survives page switches
PRESENT_KEY = "presentation"


def current_language() -> str:
    """The session's language; on the first run taken from ``?lang=`` (invalid → English)."""
    if LANG_KEY not in st.session_state:
        raw = st.query_params.get("lang")
        st.session_state[LANG_KEY] = raw if raw in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
        if raw is not None and raw not in i18n.LANGUAGES:
            st.session_state["_lang_notice"] = params.safe_display(raw)
    return st.session_state[LANG_KEY]


def t(key: str, **kwargs: object) -> str:
    """Translate ``key`` into the current session's language."""
    return i18n.translate(current_language(), key, **kwargs)


def presentation_mode() -> bool:
    """True when the instructor has switched to presentation mode (less text, bigger charts)."""
    return bool(st.session_state.get(PRESENT_KEY, False))


def _on_language_change() -> None:
    st.session_state[LANG_KEY] = st.session_state["_lang_choice"]


def _on_presentation_change() -> None:
    st.session_state[PRESENT_KEY] = st.session_state["_present_choice"]


def _sidebar(lang: str) -> None:
    with st.sidebar:
        st.session_state["_lang_choice"] = lang
        st.radio(
            t("ui.language"),
            i18n.LANGUAGES,
            format_func=i18n.LANGUAGE_NAMES.__getitem__,
            key="_lang_choice",
            horizontal=True,
            on_change=_on_language_change,
        )
        st.page_link("app.py", label=t("ui.home"), icon=":material/home:")
        pages = nav.available_pages()
        for group in nav.GROUPS:
            members = [pg for pg in pages if pg.group == group]
            if not members:
                continue
            st.caption(t(f"ui.group.{group}"))
            for pg in members:
                st.page_link(pg.path, label=t(f"{pg.topic}.title"), icon=pg.icon)
        st.divider()
        if classroom.enabled():
            st.caption(":material/groups: " + t("ui.classroom_on"))
        st.session_state["_present_choice"] = presentation_mode()
        st.toggle(
            t("ui.presentation"),
            key="_present_choice",
            help=t("ui.presentation_help"),
            on_change=_on_presentation_change,
        )


_heap = {"modules": 0}
_heap_lock = threading.Lock()


def settle_heap() -> bool:
    """Freeze the long-lived heap once new modules have been imported; True when it did.

    With ``runner.postScriptGC`` off (``.streamlit/config.toml``), Python's own collector still
    visits every tracked object in its oldest generation now and then: with torch, scipy and sympy
    imported that is ~0.5 M objects and ~170 ms holding the interpreter lock. Modules, functions
    and classes live as long as the process, so after each wave of imports (a page's first visit)
    the heap is collected once and frozen (:func:`gc.freeze`); later collections only visit what
    sessions create. Frozen objects are still freed by reference counting.
    """
    count = len(sys.modules)
    if count <= _heap["modules"]:
        return False
    with _heap_lock:
        if len(sys.modules) <= _heap["modules"]:
            return False
        _heap["modules"] = len(sys.modules)
        gc.collect()
        gc.freeze()
    return True


def setup(topic: str) -> Page:
    """Configure the page, draw the translated sidebar and the title; call first on every page."""
    settle_heap()
    lang = current_language()
    title = t("home.title") if topic == "home" else t(f"{topic}.title")
    st.set_page_config(page_title=f"{title} · Pizarra", page_icon="🎓", layout="wide")
    if st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    _sidebar(lang)
    if presentation_mode():
        # Bigger type for a projector; our own static CSS, never user text.
        st.html("<style>.stApp {font-size: 1.25rem;} .stMarkdown p {font-size: 1.25rem;}</style>")
    page = Page(topic, lang)
    notice = st.session_state.pop("_lang_notice", None)
    if notice is not None:
        st.caption(":material/info: " + t("ui.bad_lang", value=notice))
    if topic != "home":
        st.title(title)
        serves_badges(topic)
        page.explain(t(f"{topic}.intro"))
    return page


def serves_badges(topic: str) -> None:
    """Small badges naming the homework problems and slide decks the page serves (``nav.SERVES``).

    Each badge's tooltip is the home page's one-line statement of that problem or deck.
    """
    items = nav.SERVES.get(topic, ())
    if not items:
        return
    with st.container(horizontal=True, gap="small"):
        for item in items:
            homework = item in nav.HOMEWORK
            st.badge(
                t(f"ui.serves.{item}"),
                color="violet" if homework else "gray",
                help=t(f"home.hw.{item}" if homework else f"home.slides.{item}"),
            )


class Page:
    """A page's translator and its URL-synced widget factory (keys ``"<topic>.<name>"``)."""

    def __init__(self, topic: str, lang: str) -> None:
        self.topic = topic
        self.lang = lang

    # -- text ---------------------------------------------------------------------------------
    def t(self, key: str, **kwargs: object) -> str:
        return i18n.translate(self.lang, key, **kwargs)

    @property
    def presentation(self) -> bool:
        return presentation_mode()

    def explain(self, markdown: str) -> None:
        """Explanatory prose: hidden in presentation mode, where the charts speak for themselves."""
        if not presentation_mode():
            st.markdown(markdown)

    def error(self, exc: ValueError) -> None:
        """Show a core ``ValueError`` in the user's language; the rest of the page keeps working."""
        st.error(
            t("ui.invalid_input", message=i18n.error_text(self.lang, exc)),
            icon=":material/error:",
        )

    # -- URL state ----------------------------------------------------------------------------
    def key(self, name: str) -> str:
        return f"{self.topic}.{name}"

    def _initial(
        self,
        name: str,
        default: Any,
        parse: Callable[[str], tuple[Any, str | None]],
        options: Sequence[Any] | None = None,
    ):
        """Seed the widget's session state from the URL once; note a rejected or clamped value.

        The options of choice widgets are recorded under ``_options`` so that the robustness
        sweep (tests/pages/test_sweep.py) can try every one of them.
        """
        key = self.key(name)
        if options is not None:
            st.session_state.setdefault("_options", {})[key] = list(options)
        if key not in st.session_state:
            value, raw = default, st.query_params.get(name)
            if raw is not None:
                value, problem = parse(raw)
                if problem is not None:
                    st.session_state[f"_notice.{key}"] = (problem, params.safe_display(raw))
            st.session_state[key] = value
        return key

    def _notice(self, name: str, value: Any) -> None:
        entry = st.session_state.pop(f"_notice.{self.key(name)}", None)
        if entry is not None:
            problem, raw = entry
            text = t(f"ui.param_{problem}", name=name, value=raw, used=_show(value))
            st.caption(":material/info: " + text)

    def _write(self, name: str, value: Any, default: Any, encode: Callable[[Any], str]) -> None:
        text, default_text = encode(value), encode(default)
        if text == default_text:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get(name) != text:
            st.query_params[name] = text

    def _settle(self, name: str, value: Any, default: Any, encode: Callable[[Any], str]) -> Any:
        """After the widget: say if the URL's value was refused or clamped, write the value
        back to the URL, and return it."""
        self._notice(name, value)
        self._write(name, value, default, encode)
        return value

    def _choice_key(self, name: str, default: Any, options: Sequence[Any]) -> str:
        """The session key of a widget over fixed ``options``, seeded from the URL once."""
        return self._initial(
            name, default, lambda raw: params.parse_choice(raw, default, options), options
        )

    # -- widgets ------------------------------------------------------------------------------
    def _numeric(self, widget, name: str, label: str, min_value, max_value, default, step, **kw):
        """A one-number widget (``st.slider`` or ``st.number_input``) with URL state.

        Integer when bounds, default and step are all ints, float otherwise.
        """
        integer = all(isinstance(v, int) for v in (min_value, max_value, default, step or 1))
        cast = int if integer else float
        default = cast(default)
        key = self._initial(
            name,
            default,
            lambda raw: params.parse_number(raw, default, min_value, max_value, integer),
        )
        value = widget(
            label,
            cast(min_value),
            cast(max_value),
            step=None if step is None else cast(step),
            key=key,
            **kw,
        )
        return self._settle(name, value, default, params.format_number)

    def slider(self, name: str, label: str, min_value, max_value, default, step=None, **kw):
        """``st.slider`` for one number; integer when bounds, default and step are all ints."""
        return self._numeric(st.slider, name, label, min_value, max_value, default, step, **kw)

    def number(self, name: str, label: str, min_value, max_value, default, step=None, **kw):
        """``st.number_input`` with the same URL behaviour as :meth:`slider`."""
        return self._numeric(
            st.number_input, name, label, min_value, max_value, default, step, **kw
        )

    def select_slider(self, name: str, label: str, options: Sequence[Any], default: Any, **kw):
        """``st.select_slider`` over fixed options (e.g. a log-spaced grid)."""
        key = self._choice_key(name, default, options)
        value = st.select_slider(label, options=list(options), key=key, **kw)
        return self._settle(name, value, default, str)

    def select(
        self,
        name: str,
        label: str,
        options: Sequence[Any],
        default: Any,
        format_func: Callable[[Any], str] = str,
        radio: bool = False,
        horizontal: bool = True,
        **kw,
    ):
        """``st.selectbox`` (or ``st.radio`` with ``radio=True``) over fixed options."""
        key = self._choice_key(name, default, options)
        if radio:
            value = st.radio(
                label, list(options), format_func=format_func, key=key, horizontal=horizontal, **kw
            )
        else:
            value = st.selectbox(label, list(options), format_func=format_func, key=key, **kw)
        return self._settle(name, value, default, str)

    def multiselect(
        self,
        name: str,
        label: str,
        options: Sequence[Any],
        default: Sequence[Any],
        format_func: Callable[[Any], str] = str,
        **kw,
    ) -> list[Any]:
        """``st.multiselect``; the URL holds the chosen options joined by ``~``."""
        default = list(default)

        def parse(raw: str):
            chosen, bad = [], False
            for part in raw.split("~") if raw else []:
                value, problem = params.parse_choice(part, None, options)
                bad |= problem is not None
                if problem is None and value not in chosen:
                    chosen.append(value)
            return (chosen, "invalid") if bad else (chosen, None)

        key = self._initial(name, default, parse, options)
        value = st.multiselect(label, list(options), format_func=format_func, key=key, **kw)
        return self._settle(name, value, default, lambda v: "~".join(map(str, v)))

    def checkbox(self, name: str, label: str, default: bool = False, **kw) -> bool:
        key = self._initial(name, default, lambda raw: params.parse_bool(raw, default))
        value = st.checkbox(label, key=key, **kw)
        return self._settle(name, value, default, params.format_number)

    def toggle(self, name: str, label: str, default: bool = False, **kw) -> bool:
        key = self._initial(name, default, lambda raw: params.parse_bool(raw, default))
        value = st.toggle(label, key=key, **kw)
        return self._settle(name, value, default, params.format_number)

    def matrix(
        self,
        name: str,
        label: str,
        default: np.ndarray,
        max_rows: int = 12,
        max_cols: int = 8,
        columns: Sequence[str] | None = None,
        dynamic_rows: bool = True,
    ) -> np.ndarray:
        """An editable numeric table (``st.data_editor``) returned as a float array.

        Empty cells come back as NaN so that the core call can say what is missing. The URL
        holds the table as ``1,2;3,4``.
        """
        default = np.atleast_2d(np.asarray(default, dtype=float))
        base_key = self.key(name) + ".base"
        if base_key not in st.session_state:
            raw = st.query_params.get(name)
            base = default
            if raw is not None:
                base, problem = params.parse_matrix(raw, default, max_rows, max_cols)
                if problem is not None:
                    st.session_state[f"_notice.{self.key(name)}"] = (
                        problem,
                        params.safe_display(raw),
                    )
            st.session_state[base_key] = base
        base = st.session_state[base_key]
        cols = list(columns) if columns is not None else [f"{i + 1}" for i in range(base.shape[1])]
        if len(cols) != base.shape[1]:
            cols = [f"{i + 1}" for i in range(base.shape[1])]
        frame = pd.DataFrame(base, columns=cols)
        st.markdown(f"**{label}**")
        edited = st.data_editor(
            frame,
            key=self.key(name),
            num_rows="dynamic" if dynamic_rows else "fixed",
            column_config={c: st.column_config.NumberColumn(c) for c in cols},
            hide_index=True,
        )
        value = edited.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
        if value.shape[0] > max_rows:
            value = value[:max_rows]
            st.caption(":material/info: " + t("ui.too_many_rows", max_rows=max_rows))
        self._notice(name, "—")
        self._write(name, value, default, params.encode_matrix)
        return value


def _show(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)
