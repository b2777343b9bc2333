"""Open a page of the app in AppTest the way a browser would: entrypoint first, then switch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120  # seconds per run; generous because CI shares two cores


def open_app(lang: str = "en", **query_params: str) -> AppTest:
    """Run ``app.py`` with the given query parameters (``lang`` included)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    for name, value in query_params.items():
        at.query_params[name] = value
    return at.run()


def open_page(topic: str, lang: str = "en", **query_params: str) -> AppTest:
    """Start the app, switch to ``pages/<topic>.py`` with ``query_params`` and run it."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(f"pages/{topic}.py")
    for name, value in query_params.items():
        at.query_params[name] = value
    return at.run()


def all_text(at: AppTest) -> str:
    """Every markdown, caption, title, metric and alert text of the last run, joined."""
    parts: list[str] = []
    for group in (
        at.title,
        at.header,
        at.subheader,
        at.markdown,
        at.caption,
        at.info,
        at.warning,
        at.error,
        at.success,
        at.latex,
    ):
        parts.extend(str(el.value) for el in group)
    parts.extend(f"{m.label} {m.value}" for m in at.metric)
    return "\n".join(parts)


def link_notices(at: AppTest) -> list[str]:
    """The captions that say a value from the link was refused or clamped (``ui.param_*``,
    ``ui.bad_lang``), in either language.

    Other captions may mention the link too (the practice section's seed line), so match the
    notices' own openings (their text before the first placeholder) rather than the word "link".
    """
    from ui import i18n

    keys = ("ui.param_invalid", "ui.param_clamped", "ui.bad_lang")
    openings = {i18n.translate(lang, k).split("{")[0] for lang in i18n.LANGUAGES for k in keys}
    return [c.value for c in at.caption if any(c.value.find(o) >= 0 for o in openings)]


def qp(at: AppTest, name: str) -> str | None:
    """The value of the URL parameter ``name`` after the last run (None when it is not set)."""
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def num(x: float) -> str:
    """``x`` as the pages show a number: four significant digits."""
    return f"{float(x):.4g}"


def metric_value(at: AppTest, label: str, nth: int = 0) -> str:
    """The value of the (nth) metric whose label is ``label``."""
    return [m.value for m in at.metric if m.label == label][nth]


def check_catalogue(text: ModuleType, topic: str) -> None:
    """``ui/text/<topic>.py`` has the same keys and placeholders in EN and ES, and the page's
    title, card and intro."""
    from ui import i18n

    assert text.EN.keys() == text.ES.keys()
    for key in text.EN:
        assert i18n.placeholders(text.EN[key]) == i18n.placeholders(text.ES[key]), key
    for key in ("title", "card", "intro"):
        assert f"{topic}.{key}" in text.EN


def open_clean(topic: str, lang: str = "en") -> AppTest:
    """Open ``pages/<topic>.py`` in ``lang`` and check that it ran without an exception or an
    error and shows its catalogue title."""
    from ui import i18n

    at = open_page(topic, lang=lang)
    assert not at.exception
    assert not at.error
    assert at.title[0].value == i18n.translate(lang, f"{topic}.title")
    return at


def assert_errors_translated(calls: Iterable[Callable[[], object]]) -> None:
    """Each call raises core's ValueError, and its message has a Spanish translation."""
    from ui import i18n

    for call in calls:
        try:
            call()
        except ValueError as exc:
            assert i18n.translate_error("es", str(exc)) != str(exc), str(exc)
        else:
            raise AssertionError("no ValueError")
