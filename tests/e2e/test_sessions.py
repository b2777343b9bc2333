"""Two browser sessions at once on one server: each keeps its own language, page and values."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import visit, wait_idle
from tests.e2e.health import Watch, assert_page_healthy
from ui import i18n

pytestmark = pytest.mark.e2e


def test_two_browsers_do_not_share_state(server, browser):
    a_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    b_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        a, b = a_ctx.new_page(), b_ctx.new_page()
        a_watch, b_watch = Watch().attach(a), Watch().attach(b)
        for pg in (a, b):
            pg.set_default_timeout(120_000)
        visit(a, f"{server}/l1_proximal?lang=en&alpha=2")
        visit(b, f"{server}/l1_proximal?lang=es&alpha=0.5")
        # Session A switches to Spanish and moves to another page; B must not notice.
        a.locator("[data-testid='stSidebar']").get_by_text("Español").click()
        wait_idle(a)
        a.locator("[data-testid='stSidebar']").get_by_text(
            i18n.translate("es", "least_squares.title"), exact=True
        ).click()
        wait_idle(a)
        b.locator("h1").first.click()
        b.keyboard.press("r")  # Streamlit's rerun shortcut: B's script runs again, same session
        wait_idle(b)
        assert b.locator("h1").first.inner_text().strip() == i18n.translate(
            "es", "l1_proximal.title"
        )
        assert "alpha=0.5" in b.url
        # B switches to English: A stays in Spanish on its own page.
        b.locator("[data-testid='stSidebar']").get_by_text("English").click()
        wait_idle(b)
        assert b.locator("h1").first.inner_text().strip() == i18n.translate(
            "en", "l1_proximal.title"
        )
        a.locator("[data-testid='stSidebar']").get_by_text(
            i18n.translate("es", "l1_proximal.title"), exact=True
        ).click()
        wait_idle(a)
        assert a.locator("h1").first.inner_text().strip() == i18n.translate(
            "es", "l1_proximal.title"
        )
        assert "alpha" not in a.url.split("?", 1)[-1]  # A never set alpha on this visit
        assert_page_healthy(a, a_watch, "session A at the end")
        assert_page_healthy(b, b_watch, "session B at the end")
    finally:
        a_ctx.close()
        b_ctx.close()
