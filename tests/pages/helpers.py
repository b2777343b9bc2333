"""Open a page of the app in AppTest the way a browser would: entrypoint first, then switch."""

from __future__ import annotations

from pathlib import Path

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
