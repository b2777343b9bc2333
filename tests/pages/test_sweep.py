"""Robustness sweep over every available page (issue: classroom readiness).

Each slider and number input is pushed to its minimum and maximum, every option of every choice
widget is chosen, every checkbox/toggle flipped, and hostile query parameters are fed to every
URL-synced widget: no exception may escape, in either language.
"""

from __future__ import annotations

import pytest

from tests.pages.helpers import open_page
from ui import i18n, nav

TOPICS = [p.topic for p in nav.available_pages()]
# Pages with no URL-synced choice widget, each with its reason. The sweep checks that this stays
# true (a choice widget added later must be swept, not exempted silently).
NO_CHOICES = {
    "problem_set": "answer boxes and buttons only; tests/pages/test_practice.py types garbage in",
}
GARBAGE = ["abc", "nan", "-inf", "1e308", "<script>alert(1)</script>", "'; DROP TABLE x;--", ""]


def widget_by_key(at, key):
    for group in (
        at.slider,
        at.number_input,
        at.select_slider,
        at.radio,
        at.selectbox,
        at.multiselect,
        at.checkbox,
        at.toggle,
    ):
        for w in group:
            if w.key == key:
                return w
    return None


def choice_widget_keys(at, prefix):
    """Keys of the choice widgets shown with the page's prefix."""
    return [
        w.key
        for group in (at.select_slider, at.radio, at.selectbox, at.multiselect)
        for w in group
        if (w.key or "").startswith(prefix)
    ]


def recorded_options(at, prefix):
    """The options ui.page recorded under ``_options`` for the page's choice widgets: the sweep's
    input. A missing record would make the sweep loop over nothing, so it is a failure: every
    choice widget shown with the page's prefix must have its options recorded, none empty."""
    assert "_options" in at.session_state, "ui.page recorded no choice options (_options)"
    recorded = {
        k: list(v) for k, v in dict(at.session_state["_options"]).items() if k.startswith(prefix)
    }
    shown = choice_widget_keys(at, prefix)
    assert shown, f"no choice widget with the prefix {prefix!r}: nothing to sweep"
    unrecorded = [k for k in shown if not recorded.get(k)]
    assert not unrecorded, f"choice widgets without recorded options: {unrecorded}"
    return recorded


def assert_ok(at, what):
    assert not at.exception, f"{what}: {[e.value for e in at.exception]}"


@pytest.mark.parametrize("topic", TOPICS)
def test_extremes_and_every_option(topic):
    # One language per page (alternating) keeps the sweep affordable; both are smoke-tested elsewhere.
    at = open_page(topic, lang=i18n.LANGUAGES[TOPICS.index(topic) % 2])
    assert_ok(at, "open")
    prefix = f"{topic}."
    numeric = [
        w for w in list(at.slider) + list(at.number_input) if (w.key or "").startswith(prefix)
    ]
    for w in numeric:
        for value in (w.min, w.max):
            target = widget_by_key(at, w.key)
            if target is None:  # hidden by an earlier choice: that state was checked already
                continue
            target.set_value(value).run()
            assert_ok(at, f"{w.key}={value}")
        if widget_by_key(at, w.key) is not None:
            widget_by_key(at, w.key).set_value(w.value).run()  # back to where it was
    if topic in NO_CHOICES:
        shown = choice_widget_keys(at, prefix)
        assert not shown, f"{topic} has choice widgets now: sweep them ({NO_CHOICES[topic]})"
    for key, options in ({} if topic in NO_CHOICES else recorded_options(at, prefix)).items():
        for option in options:
            target = widget_by_key(at, key)
            if target is None:
                break
            if target.type == "multiselect":
                target.set_value([option]).run()
            else:
                target.set_value(option).run()
            assert_ok(at, f"{key}={option!r}")
    for w in list(at.checkbox) + list(at.toggle):
        if (w.key or "").startswith(prefix):
            target = widget_by_key(at, w.key)
            if target is not None:
                target.set_value(not target.value).run()
                assert_ok(at, f"{w.key} flipped")


@pytest.mark.parametrize("topic", TOPICS)
def test_garbage_query_params(topic):
    at = open_page(topic)
    names = [
        k.split(".", 1)[1]
        for k in at.session_state.to_dict()
        if k.startswith(f"{topic}.") and "." not in k.split(".", 1)[1]
    ]
    assert names, "the page has no URL-synced widgets"
    for i, junk in enumerate(GARBAGE):
        params = {name: junk for name in names}
        at = open_page(topic, lang=["es", "en", "xx"][i % 3], **params)
        assert_ok(at, f"garbage {junk!r}")


def test_there_are_pages_to_sweep():
    assert TOPICS, "nav.available_pages() is empty: the sweep above would run nothing"
