"""Every page in headless Chromium, in both languages: no error box, a visible title.

Starts ``streamlit run app.py`` on a free port, drives Debian's Chromium through Playwright and
saves the screenshots the README shows (``docs/screenshots/<page>-<lang>.png``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ui import i18n, nav

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
PAGE_TIMEOUT_MS = 120_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    """A real Streamlit server for the whole browser session, stopped at the end."""
    port = free_port()
    env = dict(os.environ, PIZARRA_DATA_DIR=str(ROOT.parent / "shared" / "data" / "mnist-subset"))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + proc.stderr.read().decode()[-2000:])
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


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
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(PAGE_TIMEOUT_MS)
    yield pg
    context.close()


def wait_idle(pg) -> None:
    pg.wait_for_selector(IDLE, timeout=PAGE_TIMEOUT_MS)
    pg.wait_for_timeout(300)  # let a rerun triggered by the first render start, if any
    pg.wait_for_selector(IDLE, timeout=PAGE_TIMEOUT_MS)


def visit(pg, url: str) -> None:
    pg.goto(url)
    pg.wait_for_selector("[data-testid='stApp']")
    wait_idle(pg)


TOPICS = ["home"] + [p.topic for p in nav.available_pages()]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("topic", TOPICS)
def test_page_renders(server, page, topic, lang):
    path = "" if topic == "home" else topic
    visit(page, f"{server}/{path}?lang={lang}")
    assert page.locator("[data-testid='stException']").count() == 0, page.inner_text("body")[:3000]
    title = i18n.translate(lang, "home.title" if topic == "home" else f"{topic}.title")
    heading = page.locator("h1").first
    heading.wait_for(state="visible")
    assert heading.inner_text().strip().startswith(title)
    # The sidebar speaks the same language and links every available page.
    sidebar = page.locator("[data-testid='stSidebar']")
    for other in nav.available_pages():
        assert sidebar.get_by_text(i18n.translate(lang, f"{other.topic}.title"), exact=True).count()
    page.wait_for_timeout(500)  # charts draw asynchronously
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{topic}-{lang}.png"))


def test_language_switch_survives_navigation(server, page):
    visit(page, f"{server}/?lang=en")
    page.locator("[data-testid='stSidebar']").get_by_text("Español").click()
    wait_idle(page)
    assert page.locator("h1").first.inner_text().strip() == "Pizarra"
    assert page.get_by_text(i18n.translate("es", "home.class_title")).count() == 1
    assert "lang=es" in page.url
    pages = nav.available_pages()
    if pages:
        first = pages[0]
        page.locator("[data-testid='stSidebar']").get_by_text(
            i18n.translate("es", f"{first.topic}.title"), exact=True
        ).click()
        wait_idle(page)
        heading = page.locator("h1").first.inner_text().strip()
        assert heading.startswith(i18n.translate("es", f"{first.topic}.title"))
        assert page.url.rstrip("/").split("?")[0].endswith(first.topic)


def test_bad_query_params_render(server, page):
    visit(page, f"{server}/?lang=xx&alpha=%3Cscript%3E")
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("h1").first.inner_text().strip() == "Pizarra"
