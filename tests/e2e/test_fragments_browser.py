"""A slider inside an ``st.fragment``, moved in Chromium, writes the URL; the link restores it.

In the browser a fragment reruns alone (unlike in AppTest), so this is where the URL write from
a fragment run is really exercised.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import visit, wait_idle
from ui import i18n

pytestmark = pytest.mark.e2e

# (page, URL name, catalogue key of the slider's label, start value, value after one ArrowRight)
CASES = [
    ("linear_networks", "d", "linear_networks.d", "4", "5"),
    ("activations_init", "x0", "activations_init.x0", "2", "2.1"),
]


def slider_input(pg, label_key: str):
    label = i18n.translate("en", label_key)
    box = pg.locator("[data-testid='stMain'] [data-testid='stSlider']").filter(
        has=pg.get_by_text(label, exact=True)
    )
    return box.locator("input[type='range']").first


@pytest.mark.parametrize(("topic", "name", "label_key", "start", "moved"), CASES)
def test_fragment_slider_updates_the_url_and_the_link_restores_it(
    server, page, topic, name, label_key, start, moved
):
    visit(page, f"{server}/{topic}?lang=en")
    thumb = slider_input(page, label_key)
    assert thumb.get_attribute("value") == start
    thumb.press("ArrowRight")
    page.wait_for_url(f"**{name}={moved}**", timeout=30_000)
    wait_idle(page)
    link = page.url
    visit(page, f"{server}/?lang=en")  # elsewhere first: the link must not rely on this session
    page.context.clear_cookies()
    other = page.context.new_page()
    try:
        visit(other, link)
        assert slider_input(other, label_key).get_attribute("value") == moved
        assert other.locator("[data-testid='stException']").count() == 0
    finally:
        other.close()
