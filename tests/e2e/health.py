"""What a healthy page looks like in the browser, and the walk through every view of a page.

A :class:`Watch` is attached to each browser page when it is created (``conftest.page``) and
records, from then on, what the page's own checks cannot see afterwards: uncaught JavaScript
errors (``pageerror``: a Vega-Lite spec that does not compile raises one and leaves its chart
blank), console errors, and every request or WebSocket that leaves the machine (an offline
classroom must get the whole app from our server). :func:`assert_page_healthy` adds what is
visible now: no Streamlit error box, every visible chart drawn, every visible image decoded.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.e2e.serve import IDLE

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Console errors that are not ours to fix. Each entry: (regex on "<message> (at <url>)", reason).
# Keep this list short: a new entry needs a reason a reviewer can check.
ALLOWED_CONSOLE: tuple[tuple[str, str], ...] = (
    (
        r"status of 404 \(Not Found\) \(at https?://[^/]+/[^?#]+/_stcore/(health|host-config)\)$",
        "Streamlit's frontend, opened on a deep link such as /least_squares, first tries that path "
        "as the app's base URL (/least_squares/_stcore/health), gets a 404 and falls back to the "
        "server root; only these two probes below a page path are allowed, never the root's",
    ),
)

CHART = "[data-testid='stVegaLiteChart']"
MAIN = "[data-testid='stMain']"
SIDEBAR = "[data-testid='stSidebar']"
CHART_WAIT_S = 20.0  # charts are loaded and embedded lazily; a busy 2-core machine is slow

# Visible = laid out (not inside a closed expander, an inactive tab or a collapsed sidebar).
_UNDRAWN_CHARTS = """
(sel) => [...document.querySelectorAll(sel)]
  .filter((el) => el.getClientRects().length > 0)
  .filter((el) => !el.querySelector('canvas, svg'))
  .map((el) => {
    const box = el.closest('[data-testid="stVerticalBlock"]');
    return (box ? box.innerText : el.innerText).slice(0, 200).replace(/\\s+/g, ' ');
  })
"""
_BROKEN_IMAGES = """
() => [...document.querySelectorAll('img')]
  .filter((img) => img.getClientRects().length > 0)
  .map((img) => ({src: img.currentSrc || img.src, done: img.complete, width: img.naturalWidth}))
  .filter((img) => !img.done || img.width === 0)
"""


def off_machine(url: str) -> bool:
    """True for a network URL whose host is not this machine (data:, blob: and about: are local)."""
    parts = urlsplit(url)
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOCAL_HOSTS


@dataclass
class Watch:
    """Everything a page reported since it was opened."""

    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    reported: set[str] = field(default_factory=set)  # already raised by a check
    views: list[str] = field(default_factory=list)  # the views checked, in order

    def attach(self, pg) -> Watch:
        pg.on("pageerror", lambda exc: self.page_errors.append(f"{exc.name}: {exc.message}"))
        pg.on("console", self._console)
        pg.on("request", lambda req: self._request(req.url))
        pg.on("websocket", lambda ws: self._request(ws.url))
        return self

    def _console(self, msg) -> None:
        if msg.type != "error":
            return
        where = msg.location.get("url", "") if msg.location else ""
        text = f"{msg.text} (at {where})" if where else msg.text
        if not any(re.search(pattern, text) for pattern, _ in ALLOWED_CONSOLE):
            self.console_errors.append(text)

    def _request(self, url: str) -> None:
        if off_machine(url):
            self.offsite.append(url)

    def problems(self) -> list[str]:
        return (
            [f"pageerror: {e}" for e in self.page_errors]
            + [f"console error: {e}" for e in self.console_errors]
            + [f"request off the machine: {u}" for u in self.offsite]
        )


def wait_idle(pg, timeout_ms: int = 120_000) -> None:
    """Wait until the script has finished its run, including a rerun the first render starts."""
    pg.wait_for_selector(IDLE, timeout=timeout_ms)
    pg.wait_for_timeout(300)
    pg.wait_for_selector(IDLE, timeout=timeout_ms)


# Counts the script runs the page starts, however short. A MutationObserver gets every change of
# the data-test-script-state attribute, but its callback runs after the browser has applied a
# whole batch of them: a fast rerun turns the attribute to "running" and back before the callback
# reads it. So each record is judged by what it changed: a record whose new value is "running"
# (the old value of the next record, or the attribute's value now for the last one) is one run.
_RUN_COUNTER = """
() => {
  const app = document.querySelector("[data-testid='stApp']");
  if (window.__pizarraApp !== app) {
    window.__pizarraApp = app;
    window.__pizarraRuns = window.__pizarraRuns || 0;
    new MutationObserver((records) => {
      records.forEach((record, i) => {
        const next = records[i + 1];
        const value = next ? next.oldValue : app.getAttribute('data-test-script-state');
        if (value === 'running') window.__pizarraRuns += 1;
      });
    }).observe(app, {
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['data-test-script-state'],
    });
  }
  return window.__pizarraRuns;
}
"""
_RERUN_DONE = """
([before, idle]) => window.__pizarraRuns > before && document.querySelector(idle) !== null
"""


def act_and_wait_rerun(pg, action, timeout_ms: int = 120_000) -> None:
    """Do ``action()`` (a click, a typed value and Tab) that reruns the script, and wait until
    that rerun has finished, however late it starts or however fast it runs."""
    before = pg.evaluate(_RUN_COUNTER)
    action()
    pg.wait_for_function(_RERUN_DONE, arg=[before, IDLE], timeout=timeout_ms)


def click_and_wait_rerun(pg, target, timeout_ms: int = 120_000) -> None:
    """Click a widget that reruns the script and wait until that rerun has finished."""
    act_and_wait_rerun(pg, target.click, timeout_ms)


def undrawn_charts(pg, wait_s: float = CHART_WAIT_S) -> list[str]:
    """Visible charts with neither canvas nor svg after waiting up to ``wait_s`` for them."""
    deadline = time.monotonic() + wait_s
    while True:
        missing = pg.evaluate(_UNDRAWN_CHARTS, CHART)
        if not missing or time.monotonic() > deadline:
            return missing
        pg.wait_for_timeout(250)


def broken_images(pg, wait_s: float = 10.0) -> list[dict]:
    """Visible images that did not decode (``naturalWidth == 0``) once loading has finished."""
    deadline = time.monotonic() + wait_s
    while True:
        bad = pg.evaluate(_BROKEN_IMAGES)
        if not any(not img["done"] for img in bad) or time.monotonic() > deadline:
            return bad
        pg.wait_for_timeout(250)


def assert_page_healthy(pg, watch: Watch, where: str) -> None:
    """Fail, naming the view ``where``, on anything the user would see as broken."""
    problems = list(watch.problems())
    if pg.locator("[data-testid='stException']").count():
        text = pg.locator("[data-testid='stException']").first.inner_text()
        problems.append(f"Streamlit error box: {text[:1500]}")
    problems += [f"chart not drawn (no canvas/svg), near: {c!r}" for c in undrawn_charts(pg)]
    problems += [f"image not decoded: {img['src'][:200]}" for img in broken_images(pg)]
    # Errors raised while the charts were being waited for count too.
    problems += [p for p in watch.problems() if p not in problems]
    watch.reported.update(problems)
    watch.views.append(where)
    assert not problems, f"{where}:\n  " + "\n  ".join(problems)


# ------------------------------------------------------------------------------- the walk


def _visible(locator) -> list:
    return [locator.nth(i) for i in range(locator.count()) if locator.nth(i).is_visible()]


def _radio_groups(pg) -> dict[str, object]:
    """Visible radio groups of the main area by label (the sidebar's language switch is left out)."""
    groups = {}
    for i, group in enumerate(_visible(pg.locator(f"{MAIN} [role='radiogroup']"))):
        groups[group.get_attribute("aria-label") or f"radio group {i}"] = group
    return groups


def walk_radios(pg, watch: Watch, where: str, done: set[str]) -> None:
    """Choose every option of every visible radio group not walked yet, then its first choice back.

    Groups that a choice reveals are walked under that choice; each group once, by its label.
    """
    while True:
        todo = [name for name in _radio_groups(pg) if name not in done]
        if not todo:
            return
        name = todo[0]
        done.add(name)
        options = _radio_groups(pg)[name].locator("label")
        labels = [options.nth(j).inner_text().strip() for j in range(options.count())]
        checked = next(
            (j for j in range(options.count()) if options.nth(j).locator("input").is_checked()), 0
        )
        for j in [k for k in range(len(labels)) if k != checked] + [checked]:
            group = _radio_groups(pg).get(name)
            if group is None:  # a choice hid its own group: nothing more to pick here
                break
            click_and_wait_rerun(pg, group.locator("label").nth(j))
            view = f"{where}, {name!r} = {labels[j]!r}"
            assert_page_healthy(pg, watch, view)
            open_expanders(pg, watch, view)  # expanders this choice shows
            walk_radios(pg, watch, view, done)  # radio groups this choice shows


def open_expanders(pg, watch: Watch, where: str) -> None:
    """Open every visible closed expander of the main area, then check the page once.

    An open expander stays open across reruns, so each one is opened once per walk. A chart's
    "numbers behind the chart" expander builds its table only while open: opening it reruns the
    page (or its fragment), so each click waits until the script is idle again.
    """
    summaries = pg.locator(f"{MAIN} [data-testid='stExpander'] details > summary")
    opened = []
    for i in range(summaries.count()):
        summary = summaries.nth(i)
        if summary.is_visible() and not summary.evaluate("s => s.parentElement.open"):
            opened.append(summary.inner_text().strip().splitlines()[-1])  # after the icon
            summary.click()
            wait_idle(pg)
    if opened:
        assert_page_healthy(pg, watch, f"{where}, expanders open: {opened}")


def walk_views(pg, watch: Watch, where: str, presentation_label: str) -> None:
    """Every view a user can switch to: radio choices, tabs, expanders, then presentation mode.

    Tabs and radio groups revealed by a tab or an expander are walked in their turn; each radio
    group once (by label), each tab once (by its name).
    """
    radios: set[str] = set()
    tabs_done: set[str] = set()
    open_expanders(pg, watch, where)
    walk_radios(pg, watch, where, radios)
    while True:
        tabs, seen = [], []
        for tab in _visible(pg.locator(f"{MAIN} [role='tab']")):
            name = tab.inner_text().strip()
            tabs.append((f"{name}#{seen.count(name)}", tab))  # the same name may recur
            seen.append(name)
        todo = [(key, tab) for key, tab in tabs if key not in tabs_done]
        if not todo:
            break
        key, tab = todo[0]
        tabs_done.add(key)
        name = tab.inner_text().strip()
        tab.click()
        assert_page_healthy(pg, watch, f"{where}, tab {name!r}")
        open_expanders(pg, watch, f"{where}, tab {name!r}")
        walk_radios(pg, watch, f"{where}, tab {name!r}", radios)
    click_and_wait_rerun(pg, pg.locator(SIDEBAR).get_by_text(presentation_label, exact=True))
    assert_page_healthy(pg, watch, f"{where}, presentation mode")
