"""The trainer in headless Chromium: Start on digits, the live curve grows, Stop, results appear.

This is the path AppTest cannot drive: ``st.fragment(run_every=...)`` ticks fired by the browser.
Fixtures come from the generic browser test.
"""

from __future__ import annotations

import re
import time

import pytest

from tests.e2e.conftest import visit, wait_idle
from tests.e2e.health import assert_page_healthy
from ui import i18n

pytestmark = pytest.mark.e2e

EXCEPTION = "[data-testid='stException']"


def live_epoch(pg, lang: str) -> int:
    """The epoch number in the text alternative under the live curves (0 before the first)."""
    prefix = i18n.translate(lang, "trainer.live_alt").split("{epoch}")[0].strip()
    caps = pg.get_by_text(prefix, exact=False)
    if caps.count() == 0:
        return 0
    m = re.search(re.escape(prefix) + r"\s*(\d+)", caps.first.inner_text())
    return int(m.group(1)) if m else 0


def wait_for_epoch_above(pg, lang: str, floor: int, timeout_s: float = 120.0) -> int:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        epoch = live_epoch(pg, lang)
        if epoch > floor:
            return epoch
        assert pg.locator(EXCEPTION).count() == 0, pg.inner_text("body")[:3000]
        pg.wait_for_timeout(250)
    raise AssertionError(f"the live curve did not pass epoch {floor} in {timeout_s} s")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_start_watch_stop(server, page, watch, lang):
    tr = lambda key, **kw: i18n.translate(lang, key, **kw)  # noqa: E731
    # A long digits run (no early stopping) so that there is time to watch it and stop it.
    visit(page, f"{server}/trainer?lang={lang}&preset=digits_a&epochs=5000&patience=0")
    assert page.locator(EXCEPTION).count() == 0, page.inner_text("body")[:3000]
    page.get_by_role("button", name=tr("trainer.start"), exact=True).click()

    # The fragment's ticks keep training: the epoch in the live caption grows under the chart.
    first = wait_for_epoch_above(page, lang, 0)
    later = wait_for_epoch_above(page, lang, first)
    assert later > first
    # The chart component is loaded lazily by the browser: on a busy machine it may attach a
    # little after the caption under it has changed, so wait for it rather than count at once.
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for(state="attached", timeout=60_000)
    progress = page.locator("[data-testid='stProgress']")
    assert progress.count() >= 1
    assert_page_healthy(page, watch, f"trainer ({lang}) while training")

    page.get_by_role("button", name=tr("trainer.stop"), exact=True).click()
    results = page.get_by_role("heading", name=tr("trainer.h_results"))
    results.wait_for(state="visible")
    wait_idle(page)
    assert page.locator(EXCEPTION).count() == 0, page.inner_text("body")[:3000]
    assert page.get_by_text(tr("trainer.stop.stopped")).count() >= 1
    # The run stopped long before its 5000 epochs, and the live timer is off.
    assert page.get_by_text(tr("trainer.live_alt_empty")).count() == 0

    page.get_by_text(tr("trainer.tab_confusion"), exact=True).click()
    prefix = tr("trainer.cm_alt").split("{true}")[0].strip()
    page.get_by_text(prefix, exact=False).first.wait_for(state="visible")
    assert page.locator(EXCEPTION).count() == 0
    # The Start button is usable again and the comparison lists the run.
    assert page.get_by_role("button", name=tr("trainer.start"), exact=True).is_enabled()
    assert page.get_by_role("heading", name=tr("trainer.h_compare")).count() == 1
    assert_page_healthy(page, watch, f"trainer ({lang}) after Stop, confusion matrix")
