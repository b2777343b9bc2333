"""The i18n catalogue, one module per topic, each with ``EN`` and ``ES`` dicts of the same keys.

``ui.i18n`` merges them into one catalogue per language. A module may also define ``ES_ERRORS``:
``(regex, replacement)`` pairs that translate its core module's ``ValueError`` messages.
"""
