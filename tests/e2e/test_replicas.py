"""Two replicas behind nginx (deploy/replicas.py): sticky sessions and websockets in Chromium.

Every request of a browser carries nginx's ``pizarra_replica`` cookie and reaches one replica,
which nginx names in ``X-Pizarra-Replica``; a session's state lives in that replica's memory, so
the page keeps its values, language and URL state only if nothing ever goes to the other one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deploy import replicas
from tests.e2e.conftest import PAGE_TIMEOUT_MS, visit, wait_idle
from tests.e2e.health import Watch, act_and_wait_rerun, assert_page_healthy
from tests.e2e.serve import ROOT, free_port
from ui import i18n

pytestmark = pytest.mark.e2e
HEADER = "x-pizarra-replica"


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        pytest.fail("nginx is missing: `make nginx` installs it (apt-get install nginx-light)")
    run_dir = tmp_path_factory.mktemp("replicas")
    base, port = free_port(), free_port()
    while port in (base, base + 1):
        port = free_port()
    env = {"PIZARRA_DATA_DIR": str(ROOT.parent / "shared" / "data" / "mnist-subset")}
    try:
        state = replicas.start(2, port, base, run_dir, env=env)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield state
    replicas.stop(run_dir)


def watched(browser, url: str):
    """A new browser context and page that record the replica of every response from ``url``."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(PAGE_TIMEOUT_MS)
    seen: list[str] = []
    pg.on("response", lambda r: seen.append(r.headers.get(HEADER)) if r.url.startswith(url) else 0)
    sockets: list = []
    pg.on("websocket", lambda ws: sockets.append(ws))
    return ctx, pg, Watch().attach(pg), seen, sockets


SLIDER = "[data-testid='stMain'] [data-testid='stSlider'] input[type='range']"


def slider_value(pg) -> str:
    """The page's first slider's value (its thumb is a hidden range input)."""
    slider = pg.locator(SLIDER).first
    slider.wait_for(state="attached")
    return slider.get_attribute("aria-valuetext")


def test_session_keeps_its_state_through_the_proxy(proxy, browser):
    url = proxy["url"]
    ctx, pg, watch, seen, sockets = watched(browser, url)
    try:
        visit(pg, f"{url}/l1_proximal?lang=en")
        cookie = {c["name"]: c["value"] for c in ctx.cookies()}.get(replicas.COOKIE)
        assert cookie, ctx.cookies()
        start_url, before = pg.url, slider_value(pg)
        pg.locator(SLIDER).first.focus()
        act_and_wait_rerun(pg, lambda: pg.keyboard.press("ArrowRight"))
        moved = slider_value(pg)
        assert moved != before
        moved_url = pg.url
        assert moved_url != start_url  # the slider's value is in the URL
        # A rerun of the same session (Streamlit's "r" shortcut) keeps the value.
        pg.locator("h1").first.click()
        act_and_wait_rerun(pg, lambda: pg.keyboard.press("r"))
        assert slider_value(pg) == moved
        # The language switch keeps the value and the URL state.
        sidebar = pg.locator("[data-testid='stSidebar']")
        sidebar.get_by_text("Español").click()
        wait_idle(pg)
        assert pg.locator("h1").first.inner_text().strip() == i18n.translate(
            "es", "l1_proximal.title"
        )
        assert slider_value(pg) == moved
        assert "lang=es" in pg.url
        assert set(moved_url.split("?", 1)[1].split("&")) - {"lang=en"} <= set(
            pg.url.split("?", 1)[1].split("&")
        )
        # Another page and back: the session still speaks Spanish.
        sidebar.get_by_text(i18n.translate("es", "least_squares.title"), exact=True).click()
        wait_idle(pg)
        assert (
            pg.locator("h1")
            .first.inner_text()
            .strip()
            .startswith(i18n.translate("es", "least_squares.title"))
        )
        sidebar.get_by_text(i18n.translate("es", "l1_proximal.title"), exact=True).click()
        wait_idle(pg)
        assert pg.locator("h1").first.inner_text().strip() == i18n.translate(
            "es", "l1_proximal.title"
        )
        assert "lang=es" in pg.url
        assert_page_healthy(pg, watch, "l1_proximal through the proxy")
        # One replica served everything, over one websocket through nginx that never dropped.
        assert len(set(seen)) == 1 and None not in seen, seen
        assert seen[0] in {f"127.0.0.1:{p}" for p in proxy["ports"]}
        assert len(sockets) == 1, [s.url for s in sockets]
        assert sockets[0].url.startswith(url.replace("http://", "ws://") + "/_stcore/stream")
        assert not sockets[0].is_closed()
        assert {c["name"]: c["value"] for c in ctx.cookies()}[replicas.COOKIE] == cookie
    finally:
        ctx.close()


def test_browsers_get_their_own_cookie_and_spread_over_replicas(proxy, browser):
    url = proxy["url"]
    landed: dict[str, list] = {}  # replica -> contexts that landed there
    contexts, cookies = [], set()
    try:
        # Cheap visits (the HTML only) until both replicas have a browser; each sticks.
        while len(landed) < 2 and len(contexts) < 24:
            ctx = browser.new_context()
            contexts.append(ctx)
            first = ctx.request.get(f"{url}/")
            cookie = {c["name"]: c["value"] for c in ctx.cookies()}[replicas.COOKIE]
            assert cookie not in cookies
            cookies.add(cookie)
            again = [ctx.request.get(f"{url}/_stcore/health").headers[HEADER] for _ in range(3)]
            assert again == [first.headers[HEADER]] * 3
            landed.setdefault(first.headers[HEADER], []).append(ctx)
        assert set(landed) == {f"127.0.0.1:{p}" for p in proxy["ports"]}, landed.keys()
        # One browser on each replica: both pages run, each over its own websocket.
        for replica, group in landed.items():
            pg = group[0].new_page()
            pg.set_default_timeout(PAGE_TIMEOUT_MS)
            seen: list[str] = []
            pg.on("response", lambda r, seen=seen: seen.append(r.headers.get(HEADER)))
            visit(pg, f"{url}/least_squares?lang=en")
            assert pg.locator("[data-testid='stException']").count() == 0
            assert (
                pg.locator("h1")
                .first.inner_text()
                .strip()
                .startswith(i18n.translate("en", "least_squares.title"))
            )
            assert set(seen) == {replica}
    finally:
        for ctx in contexts:
            ctx.close()
