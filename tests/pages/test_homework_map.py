"""The homework map: each page names the homework problem or slide deck it serves, and the home
page lists homework 1's problems P1–P5 in order, each linked to its page, then the slide decks."""

from __future__ import annotations

import pytest

from tests.pages.helpers import open_app, open_page
from ui import i18n, nav

# The course's homework 1 (tarea1-cimat.txt), problem by problem, and the page that answers it.
HOMEWORK_PAGES = {
    "P1": "least_squares",  # uniqueness of the least-squares w*
    "P2": "linear_networks",  # networks A vs B
    "P3": "batch_norm",
    "P4": "l1_proximal",  # soft threshold with a diagonal Hessian
    "P5": "trainer",  # MNIST baseline, hidden layers, optimizers
}
# The first (main) badge of every page, as the reader sees it.
MAIN_BADGE = {
    "least_squares": ("Homework P1", "Tarea P1"),
    "linear_networks": ("Homework P2", "Tarea P2"),
    "batch_norm": ("Homework P3", "Tarea P3"),
    "l1_proximal": ("Homework P4", "Tarea P4"),
    "trainer": ("Homework P5", "Tarea P5"),
    "optimizers": ("Homework P5", "Tarea P5"),
    "activations_init": (
        "Slides: optimization and regularization",
        "Diapositivas: optimización y regularización",
    ),
    "dropout": (
        "Slides: optimization and regularization",
        "Diapositivas: optimización y regularización",
    ),
    "generalization": (
        "Slides: optimization and regularization",
        "Diapositivas: optimización y regularización",
    ),
    "lr_schedules": (
        "Slides: optimization and regularization",
        "Diapositivas: optimización y regularización",
    ),
    "losses_metrics": ("Slides: losses and metrics", "Diapositivas: pérdidas y métricas"),
    "hyperparameter_search": (
        "Slides: optimization and regularization",
        "Diapositivas: optimización y regularización",
    ),
}
# Pages that teach a topic; the practice pages (the problem set) gather every topic instead.
TOPICS = [page.topic for page in nav.available_pages() if page.group != "practice"]


def test_every_registered_page_serves_something():
    assert set(nav.SERVES) == {page.topic for page in nav.REGISTRY if page.group != "practice"}
    assert set(MAIN_BADGE) == set(nav.SERVES)
    for topic, items in nav.SERVES.items():
        assert items and set(items) <= set(nav.HOMEWORK + nav.SLIDES), topic
        assert len(set(items)) == len(items), topic
    for item in nav.HOMEWORK + nav.SLIDES:
        assert any(item in items for items in nav.SERVES.values()), f"no page serves {item}"
    for problem, topic in HOMEWORK_PAGES.items():
        assert nav.SERVES[topic][0] == problem


@pytest.mark.parametrize("topic", TOPICS)
def test_page_shows_its_badges_under_the_title(topic, lang):
    at = open_page(topic, lang=lang)
    assert not at.exception
    badges = [m.value for m in at.main.markdown if "-badge[" in m.value]
    labels = [i18n.translate(lang, f"ui.serves.{item}") for item in nav.SERVES[topic]]
    assert [b.split("[", 1)[1].rstrip("]") for b in badges] == labels
    assert labels[0] == MAIN_BADGE[topic][lang == "es"]
    # Right under the title: the badges are the page's first markdown elements.
    assert [m.value for m in at.main.markdown[: len(badges)]] == badges
    assert "material" not in "".join(badges)


def home_rows(at) -> list[tuple[str, list[str]]]:
    """(statement, linked topics) for each row of the home page's homework map, in order.

    Each row is a pair of columns: the statement, then the links to its pages.
    """
    cols = list(at.main.columns)
    return [
        (text.markdown[0].value, [link.proto.page for link in links.page_link])
        for text, links in zip(cols, cols[1:], strict=False)
        if len(text.markdown) == 1 and not text.page_link and links.page_link
    ]


def test_home_lists_problems_in_order_with_links(lang):
    at = open_app(lang)
    assert not at.exception
    word = "Homework" if lang == "en" else "Tarea"
    deck = "Slides" if lang == "en" else "Diapositivas"
    rows = home_rows(at)
    assert [text.split("**")[1] for text, _ in rows] == [
        *(f"{word} P{i}" for i in range(1, 6)),
        i18n.translate(lang, "ui.serves.slides_opt"),
        i18n.translate(lang, "ui.serves.slides_losses"),
    ]
    assert rows[-1][0].startswith(f"**{deck}:")
    for (text, links), problem in zip(rows, nav.HOMEWORK, strict=False):
        assert i18n.translate(lang, f"home.hw.{problem}") in text
        assert links[0] == HOMEWORK_PAGES[problem], problem
    assert rows[4][1] == ["trainer", "optimizers"]  # P5 also compares optimizers
    assert rows[5][1] == [
        "l1_proximal", "batch_norm", "dropout", "activations_init", "optimizers", "lr_schedules",
        "generalization",
        "hyperparameter_search",
    ]  # fmt: skip
    assert rows[6][1] == ["lr_schedules", "losses_metrics"]
    labels = [link.value for link in list(at.main.columns)[-1].page_link]
    assert labels == [i18n.translate(lang, f"{topic}.title") for topic in rows[6][1]]
