"""Every link in the teaching guides opens its page in the state the guide promises.

The guides (docs/teaching-guide.md, docs/guia-docente.md) give each classroom activity links of
the form ``http://localhost:8501/<topic>?name=value&...``. For each link the page must open
without an exception, show no "invalid / outside the allowed range" notice, and hold in
``st.session_state["<topic>.<name>"]`` exactly the value written in the link.

Both guides must carry the same page states (the Spanish links add ``lang=es``). The English
links are opened with classroom mode on and the Spanish ones with it off, so every state is
checked under both sets of widget limits (classroom limits are the tighter ones).
"""

from __future__ import annotations

import math
import re
from urllib.parse import parse_qsl

import numpy as np
import pytest

from tests.pages.helpers import ROOT, open_page
from ui import i18n, nav, params

GUIDES = {"en": ROOT / "docs" / "teaching-guide.md", "es": ROOT / "docs" / "guia-docente.md"}
LINK = re.compile(r"http://localhost:8501/([A-Za-z0-9_]+)(?:\?([^\s)\]>`\"']*))?")
TOPICS = {p.topic for p in nav.REGISTRY}
# URL names that are not widgets: page counters kept under another session-state key.
ALIASES = {
    ("batch_norm", "steps"): "batch_norm.trained",
    ("batch_norm", "evals"): "batch_norm.evaluated",
}
NOTICE_KEYS = ("ui.param_invalid", "ui.param_clamped", "ui.bad_lang")


def links(lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(topic, [(name, value), ...]) for every app link in the guide of ``lang``, in order."""
    text = GUIDES[lang].read_text(encoding="utf-8")
    return [
        (topic, parse_qsl(query or "", keep_blank_values=True))
        for topic, query in LINK.findall(text)
    ]


def page_state(topic: str, query: list[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """A link's page state: its topic and parameters, without the language."""
    return frozenset([("/", topic), *((k, v) for k, v in query if k != "lang")])


def cases() -> list:
    out = []
    for lang in GUIDES:
        for topic, query in dict.fromkeys(
            (topic, tuple(query)) for topic, query in links(lang)
        ):  # each distinct link once
            text = "&".join(f"{k}={v}" for k, v in query)
            out.append(pytest.param(lang, topic, list(query), id=f"{lang}:{topic}?{text}"))
    return out


def same_value(state: object, raw: str) -> bool:
    """Does the widget's value equal the text the link gave for it?"""
    if isinstance(state, (bool, np.bool_)):
        return params.parse_bool(raw, not state) == (bool(state), None)
    if isinstance(state, list):
        return [str(v) for v in state] == (raw.split("~") if raw else [])
    if isinstance(state, (int, float, np.integer, np.floating)):
        try:
            return math.isclose(float(raw), float(state), rel_tol=1e-12, abs_tol=1e-15)
        except ValueError:
            return False
    return str(state) == raw


def notices(lang: str) -> list[str]:
    """The fixed opening words of the notices a rejected link value produces."""
    table = i18n.catalogues()[lang]
    return [table[key].split("{")[0] for key in NOTICE_KEYS]


def test_guides_link_every_page_with_the_same_states():
    found = {lang: links(lang) for lang in GUIDES}
    for lang, items in found.items():
        assert items, f"no app link in {GUIDES[lang].name}"
        unknown = {topic for topic, _ in items} - TOPICS
        assert not unknown, f"{GUIDES[lang].name} links unknown pages: {unknown}"
        missing = TOPICS - {topic for topic, _ in items}
        assert not missing, f"{GUIDES[lang].name} has no activity link for {sorted(missing)}"
        for topic, query in items:
            names = [k for k, _ in query]
            assert len(names) == len(set(names)), f"repeated parameter in {topic}?{query}"
            assert dict(query).get("lang", "en") == lang, f"{topic}?{query} in the {lang} guide"
    states = {lang: {page_state(t, q) for t, q in items} for lang, items in found.items()}
    assert states["en"] == states["es"], (
        "the guides link different page states: "
        f"only English {states['en'] - states['es']}, only Spanish {states['es'] - states['en']}"
    )


@pytest.mark.parametrize(("lang", "topic", "query"), cases())
def test_link_opens_with_its_values(monkeypatch, lang, topic, query):
    if lang == "en":
        monkeypatch.setenv("PIZARRA_CLASSROOM", "1")
    else:
        monkeypatch.delenv("PIZARRA_CLASSROOM", raising=False)
    monkeypatch.setenv("PIZARRA_OFFLINE", "1")  # the trainer must never start a download here
    widgets = {k: v for k, v in query if k != "lang"}
    at = open_page(topic, lang=lang, **widgets)
    assert not at.exception, [e.value for e in at.exception]
    shown = [str(c.value) for c in at.caption]
    for prefix in notices(lang):
        flagged = [c for c in shown if prefix in c]
        assert not flagged, f"the page rejected part of the link: {flagged}"
    for name, raw in widgets.items():
        key = ALIASES.get((topic, name), f"{topic}.{name}")
        assert key in at.session_state, f"{name}={raw}: no widget {key!r} on the page"
        value = at.session_state[key]
        if f"{key}.base" in at.session_state:  # a table (p.matrix): its value is the base array
            value = params.encode_matrix(at.session_state[f"{key}.base"])
            raw = params.encode_matrix(params.parse_matrix(raw, np.zeros((1, 1)), 20, 20)[0])
        assert same_value(value, raw), f"{name}={raw} in the link, {value!r} on the page"
