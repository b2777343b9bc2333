"""The hyperparameter search in headless Chromium: trials train live (fragment ticks), Stop
ends the search, and the trials so far are shown.

AppTest never fires ``run_every``; this is the path where the browser's ticks drive the queue
of trials from one to the next. Fixtures come from the generic browser test.
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


def running_trial(pg, lang: str) -> int:
    """The number of the trial in the live line ("Trial 2 of 4 ..."), 0 when none shows."""
    line = i18n.translate(lang, "hyperparameter_search.running", i=0, n=4, method="", lr="", l2="")
    pattern = re.escape(line.split(" (")[0]).replace("0", r"(\d+)", 1)
    m = re.search(pattern, pg.inner_text("body"))
    return int(m.group(1)) if m else 0


@pytest.mark.parametrize("lang", ["en"])
def test_search_runs_trials_live_and_stops(server, page, watch, lang):
    tr = lambda key, **kw: i18n.translate(lang, f"hyperparameter_search.{key}", **kw)  # noqa: E731
    # 4-epoch trials: the ticks move the queue on from trial 1 to trial 2 without a click
    visit(page, f"{server}/hyperparameter_search?lang={lang}&method=random&real_n=4&epochs=4")
    assert page.locator(EXCEPTION).count() == 0, page.inner_text("body")[:3000]
    page.get_by_role("button", name=tr("start"), exact=True).click()
    deadline = time.monotonic() + 240
    while running_trial(page, lang) < 2:
        assert time.monotonic() < deadline, "the search did not reach its second trial"
        assert page.locator(EXCEPTION).count() == 0, page.inner_text("body")[:3000]
        page.wait_for_timeout(250)
    page.locator("[data-testid='stProgress']").first.wait_for(state="attached", timeout=60_000)
    assert_page_healthy(page, watch, f"hyperparameter_search ({lang}) while searching")

    page.get_by_role("button", name=tr("stop"), exact=True).click()
    partial = tr("partial", done=999, n=4).split("999")[0]
    page.get_by_text(partial, exact=False).first.wait_for(state="visible", timeout=60_000)
    wait_idle(page)
    assert page.locator(EXCEPTION).count() == 0, page.inner_text("body")[:3000]
    assert page.get_by_role("button", name=tr("start"), exact=True).is_enabled()
    assert_page_healthy(page, watch, f"hyperparameter_search ({lang}) after Stop")
