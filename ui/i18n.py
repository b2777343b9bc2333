"""Translation: one merged catalogue per language, ``t(key, **kwargs)`` and error-message translation.

Errors are translated by code when they carry one (``core.trainer.ConfigError``: ``code`` and
``message_args()``, text ``errors.<code>`` in ``ui/text/errors.py``), otherwise by the regex
patterns of each catalogue's ``ES_ERRORS`` over core's English message.

This module does not import Streamlit, so the catalogues can be checked in plain tests;
``ui.page`` binds ``t`` to the language of the current session.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from functools import cache

import ui.text

LANGUAGES: tuple[str, ...] = ("en", "es")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


@cache
def catalogues() -> dict[str, dict[str, str]]:
    """Merge every ``ui/text/<topic>.py`` into ``{"en": {...}, "es": {...}}``.

    Raises ``ValueError`` when two modules define the same key, so a topic cannot silently
    overwrite another's text.
    """
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for info in sorted(pkgutil.iter_modules(ui.text.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"ui.text.{info.name}")
        for lang in LANGUAGES:
            table = getattr(module, lang.upper())
            clash = merged[lang].keys() & table.keys()
            if clash:
                raise ValueError(f"duplicate i18n keys in ui/text/{info.name}.py: {sorted(clash)}")
            merged[lang].update(table)
    return merged


@cache
def error_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """All ``ES_ERRORS`` patterns, topic modules first so they win over the generic ones."""
    pairs: list[tuple[re.Pattern[str], str]] = []
    generic: list[tuple[re.Pattern[str], str]] = []
    for info in pkgutil.iter_modules(ui.text.__path__):
        module = importlib.import_module(f"ui.text.{info.name}")
        target = generic if info.name == "common" else pairs
        target.extend((re.compile(rx), rep) for rx, rep in getattr(module, "ES_ERRORS", ()))
    return tuple(pairs + generic)


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a template expects."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def translate(lang: str, key: str, **kwargs: object) -> str:
    """Text for ``key`` in ``lang`` (English if missing there; the key itself if missing everywhere)."""
    table = catalogues()
    text = table.get(lang, {}).get(key) or table[DEFAULT_LANGUAGE].get(key)
    if text is None:
        return key
    return text.format(**kwargs) if kwargs else text


def translate_error(lang: str, message: str) -> str:
    """Translate a core ``ValueError`` message; English messages are returned unchanged."""
    if lang == "en":
        return message
    out = message
    for pattern, replacement in error_patterns():
        out, n = pattern.subn(replacement, out)
        if n:
            break
    return out


def error_text(lang: str, exc: ValueError) -> str:
    """The message of a core ``ValueError`` in ``lang``.

    An error with a ``code`` and ``message_args()`` whose ``errors.<code>`` text exists is
    written from that text; any other error goes through :func:`translate_error`.
    """
    code = getattr(exc, "code", None)
    message_args = getattr(exc, "message_args", None)
    key = f"errors.{code}"
    if isinstance(code, str) and callable(message_args) and key in catalogues()[lang]:
        return translate(lang, key, **message_args())
    return translate_error(lang, str(exc))
