"""Sliders inside an ``st.fragment`` keep their URL state: a move writes the URL, a link restores it.

The fragments rerun only their own section in the browser (measured by
benchmarks/interaction_latency.py); here AppTest checks that the URL round trip of the widgets
they hold is unchanged, with numbers from independent formulas. tests/e2e/test_fragments_browser.py
checks the same in Chromium, where the fragment really reruns alone.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.pages.helpers import metric_value, open_page, qp
from ui import i18n

# (page, URL name of a slider that lives in a fragment, value to move it to, metric label key,
#  what the metric must show at that value)
CASES = [
    # d inputs, m outputs: network A has d·m + m parameters (d = 6, m = 3 → 21).
    ("linear_networks", "d", 6, "linear_networks.m_params_A", lambda: "21"),
    # The activation curves tab: f(x0) for the default tanh.
    ("activations_init", "x0", -1.5, "activations_init.m_f", lambda: f"{np.tanh(-1.5):.4g}"),
]


@pytest.mark.parametrize(("topic", "name", "value", "label", "expected"), CASES)
def test_slider_in_a_fragment_writes_the_url_and_a_link_restores_it(
    topic, name, value, label, expected
):
    at = open_page(topic)
    assert not at.exception
    assert qp(at, name) is None  # default value: not in the URL
    slider = at.slider(key=f"{topic}.{name}")
    before = metric_value(at, i18n.translate("en", label))
    slider.set_value(value).run()
    assert not at.exception
    assert qp(at, name) == f"{value:g}"
    shown = metric_value(at, i18n.translate("en", label))
    assert shown == expected() != before
    # The shared link: a new session opened on the URL shows the same slider value and number.
    shared = open_page(topic, **{name: qp(at, name)})
    assert not shared.exception
    assert shared.slider(key=f"{topic}.{name}").value == value
    assert metric_value(shared, i18n.translate("en", label)) == shown
