"""Shared browser fixtures: one Streamlit server and one Chromium for the whole session.

Fixtures live here (not in a test module) so that every browser test shares the same
Playwright instance: a second sync Playwright in one process fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e import health
from tests.e2e.health import Watch
from tests.e2e.serve import CHROMIUM, CHROMIUM_ARGS, ROOT, start_server, stop_server

PAGE_TIMEOUT_MS = 120_000


@pytest.fixture(scope="session")
def server():
    """A real Streamlit server for the whole browser session, stopped at the end."""
    try:
        proc, url = start_server(
            {"PIZARRA_DATA_DIR": str(ROOT.parent / "shared" / "data" / "mnist-subset")}
        )
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield url
    stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def watch():
    """What the test's pages report (JS errors, console errors, requests off the machine)."""
    return Watch()


@pytest.fixture
def page(browser, watch):
    """A fresh browser context and page, watched from its first request.

    Whatever the test checks, the page must not have raised a JavaScript error or sent a request
    off the machine by the end (tests that walk views also check the console and every view).
    """
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    watch.attach(pg)
    pg.set_default_timeout(PAGE_TIMEOUT_MS)
    yield pg
    context.close()
    late = [
        problem
        for problem in watch.problems()
        if not problem.startswith("console error") and problem not in watch.reported
    ]
    assert not late, "the page reported, unchecked by the test:\n  " + "\n  ".join(late)


def wait_idle(pg) -> None:
    health.wait_idle(pg, PAGE_TIMEOUT_MS)


def visit(pg, url: str) -> None:
    pg.goto(url)
    pg.wait_for_selector("[data-testid='stApp']")
    wait_idle(pg)
