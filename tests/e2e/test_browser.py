"""Every page in headless Chromium, in both languages, and every view a user can switch to.

Starts ``streamlit run app.py`` on a free port (fixtures in ``conftest.py``), drives Debian's
Chromium through Playwright and saves the screenshots the README shows
(``docs/screenshots/<page>-<lang>.png``). After each load and each switch of view (every option
of every radio group, every tab, every expander, presentation mode) the page must be healthy
(``health.assert_page_healthy``): no JavaScript error, no console error, no request off the
machine, no error box, every visible chart drawn and every visible image decoded.
"""

from __future__ import annotations

import pytest

from core import l1_proximal, metrics
from tests.e2e.conftest import ROOT, visit, wait_idle
from tests.e2e.health import act_and_wait_rerun, assert_page_healthy, walk_views
from ui import i18n, nav

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "docs" / "screenshots"
# The trainer's results views appear after a run: a short digits run (a few seconds) fills them.
TRAINER_RUN = "preset=digits_a&epochs=3&patience=0"
# The Generalization page's results appear after its Train buttons: tiny settings, seconds each.
GENERALIZATION_RUN = (
    "ens_k=2&ens_epochs=2&ens_width=16&snap_k=2&snap_cycle=2&aug_epochs=2&aug_share=0.05"
    "&tr_width=16"
)
# The search's results (table, scatter over (lr, L2)) appear after a search: a 2 x 2 grid of
# 2-epoch digits trials.
TINY_SEARCH = "method=grid&real_n=4&epochs=2"


TOPICS = ["home"] + [p.topic for p in nav.available_pages()]
# Views that only a link opens (query parameters), beyond each page's default view:
# (id, topic, query). They are walked like the pages, without a README screenshot.
LINKED_VIEWS = [
    ("optimizers-newton-lbfgs", "optimizers", "fn=rosenbrock&opts=sgd~newton&lbfgs=1&damping=0.5"),
]
VIEWS = [(topic, topic, "") for topic in TOPICS] + LINKED_VIEWS


def short_generalization_runs(pg, server: str, lang: str) -> None:
    """Load the Generalization page with tiny settings and press each experiment's Train."""
    visit(pg, f"{server}/generalization?lang={lang}&{GENERALIZATION_RUN}")
    charts = pg.locator("[data-testid='stVegaLiteChart']")
    for i, section in enumerate(("ens", "snap", "aug", "tr")):
        pg.locator(f".st-key-generalization-{section}_run button").click()
        # one chart per section once its run is over (wait for it before the next click, so
        # a click never interrupts the previous run); the machine may be busy
        charts.nth(i).wait_for(state="visible", timeout=300_000)
        wait_idle(pg)


def tiny_search(pg, server: str, lang: str) -> None:
    """Load the hyperparameter-search page with a tiny grid search and run it to the end."""
    visit(pg, f"{server}/hyperparameter_search?lang={lang}&{TINY_SEARCH}")
    start = i18n.translate(lang, "hyperparameter_search.start")
    pg.get_by_role("button", name=start, exact=True).click()
    prefix = i18n.translate(lang, "hyperparameter_search.best_line").split("{search}")[0].strip()
    pg.get_by_text(prefix, exact=False).first.wait_for(state="visible", timeout=300_000)
    wait_idle(pg)


def short_trainer_run(pg, server: str, lang: str) -> None:
    """Load the trainer with a three-epoch digits run and train it to the end."""
    visit(pg, f"{server}/trainer?lang={lang}&{TRAINER_RUN}")
    pg.get_by_role("button", name=i18n.translate(lang, "trainer.start"), exact=True).click()
    results = pg.get_by_role("heading", name=i18n.translate(lang, "trainer.h_results"))
    results.wait_for(state="visible", timeout=180_000)
    wait_idle(pg)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize(("view", "topic", "query"), VIEWS, ids=[v[0] for v in VIEWS])
def test_page_and_every_view_healthy(server, page, watch, view, topic, query, lang):
    path = "" if topic == "home" else topic
    query = f"lang={lang}" + (f"&{query}" if query else "")
    visit(page, f"{server}/{path}?{query}")
    assert page.locator("[data-testid='stException']").count() == 0, page.inner_text("body")[:3000]
    title = i18n.translate(lang, "home.title" if topic == "home" else f"{topic}.title")
    heading = page.locator("h1").first
    heading.wait_for(state="visible")
    assert heading.inner_text().strip().startswith(title)
    # The sidebar speaks the same language and links every available page.
    sidebar = page.locator("[data-testid='stSidebar']")
    for other in nav.available_pages():
        label = i18n.translate(lang, f"{other.topic}.title")
        # Links are drawn at the top of every run; wait for each rather than count at once
        # (a page with a live fragment may be mid-redraw when the script state first reads idle).
        sidebar.get_by_text(label, exact=True).first.wait_for(state="attached", timeout=30_000)
    where = f"/{path}?{query}"
    assert_page_healthy(page, watch, where)  # also waits until every visible chart is drawn
    if view == topic:  # the README shows each page's default view
        page.wait_for_timeout(300)  # let the last chart's first frame settle before the picture
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{topic}-{lang}.png"))
    if topic == "trainer":
        short_trainer_run(page, server, lang)
        where = f"/trainer?lang={lang}&{TRAINER_RUN} after the run"
        assert_page_healthy(page, watch, where)
    if topic == "generalization":
        short_generalization_runs(page, server, lang)
        where = f"/generalization?lang={lang}&{GENERALIZATION_RUN} after the runs"
        assert_page_healthy(page, watch, where)
    if topic == "hyperparameter_search":
        tiny_search(page, server, lang)
        where = f"/hyperparameter_search?lang={lang}&{TINY_SEARCH} after the search"
        assert_page_healthy(page, watch, where)
    walk_views(page, watch, where, i18n.translate(lang, "ui.presentation"))
    print(f"{where}: {len(watch.views)} views checked")  # shown with pytest -s


# Views opened from a shared link, pinned by a number: (topic, query, tab key or None, the
# metric label key and the value it must show). The walk above visits them too; these cases
# pin the link, the tab and the number so that a view that silently falls back is caught.
_Y, _S = metrics.generate_multiclass_scores(metrics.imbalanced_counts(600, 5, 10.0), 1.5, 3)
PINNED_VIEWS = [
    (
        "l1_proximal",
        "w_star=3&H=2.0&alpha=1&alpha2=2",
        None,
        "l1_proximal.m_en",
        f"{l1_proximal.elastic_net(3.0, 1.0, 2.0, 2.0):.4g}",
    ),
    (
        "losses_metrics",
        "ovr_k=5&ovr_n=600&ovr_sep=1.5&ovr_ratio=10.0&ovr_seed=3",
        "losses_metrics.tab_ovr",
        "losses_metrics.m_weighted",
        f"{metrics.roc_auc_ovr(_Y, _S, 'weighted'):.4g}",
    ),
]


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize(
    ("topic", "query", "tab", "metric", "value"), PINNED_VIEWS, ids=[v[0] for v in PINNED_VIEWS]
)
def test_linked_view_healthy(server, page, watch, topic, query, tab, metric, value, lang):
    visit(page, f"{server}/{topic}?lang={lang}&{query}")
    where = f"/{topic}?lang={lang}&{query}"
    if tab is not None:
        page.get_by_role("tab", name=i18n.translate(lang, tab), exact=True).click()
        where += f", tab {tab}"
    label = i18n.translate(lang, metric)
    card = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    card.wait_for(state="visible")
    assert card.locator("[data-testid='stMetricValue']").inner_text().strip() == value
    assert_page_healthy(page, watch, where)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_lr_schedules_recipe_view(server, page, watch, lang):
    """The step-decay recipe: a shared link with its controls opens the two runs' chart, and
    switching the watched loss redraws it without a broken chart."""
    where = f"/lr_schedules?lang={lang}&recipe_monitor=train&recipe_patience=3&recipe_seed=2"
    visit(page, f"{server}{where}")
    header = page.get_by_role("heading", name=i18n.translate(lang, "lr_schedules.recipe_header"))
    header.wait_for(state="visible", timeout=60_000)
    plateau = page.get_by_text(i18n.translate(lang, "lr_schedules.recipe_m_plateau"), exact=True)
    plateau.first.wait_for(state="visible", timeout=60_000)
    header.scroll_into_view_if_needed()
    assert_page_healthy(page, watch, where)
    val = i18n.translate(lang, "lr_schedules.recipe_monitor.val")
    group = page.get_by_role("radiogroup", name=i18n.translate(lang, "lr_schedules.recipe_monitor"))
    act_and_wait_rerun(page, lambda: group.get_by_text(val, exact=True).click())
    assert "recipe_monitor=" not in page.url  # back to the default: dropped from the link
    assert_page_healthy(page, watch, f"{where} -> {val}")


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


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_chart_downloads_as_image(server, page, fmt):
    """The first chart of a page saves as an image file (rendered on the server when clicked)."""
    visit(page, f"{server}/least_squares?lang=es")
    page.get_by_role("button", name=i18n.translate("es", "ui.download_chart")).first.click()
    button = page.get_by_role("button", name=i18n.translate("es", f"ui.download_{fmt}"))
    button.first.wait_for(state="visible")
    with page.expect_download(timeout=60_000) as info:
        button.first.click()
    download = info.value
    assert download.suggested_filename.endswith(f".{fmt}")
    content = open(download.path(), "rb").read()
    if fmt == "png":
        assert content[:8] == b"\x89PNG\r\n\x1a\n" and len(content) > 5_000
    else:
        assert content.lstrip().startswith(b"<svg") and b"<path" in content
    assert page.locator("[data-testid='stException']").count() == 0
