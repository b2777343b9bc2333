"""Trainer page: the course's reported figure beside ours after a run of a reported preset."""

from __future__ import annotations

from core.trainer import PRESETS, REPORTED
from tests.pages.helpers import all_text, open_page
from tests.pages.test_trainer import core_result, metric, offline, run_to_end, tr

__all__ = ["offline"]  # the autouse fixture: MNIST from the shared subset, no network


def reported_line(lang: str, preset: str, acc: float, loss: float) -> str:
    rep = REPORTED[preset]
    return tr(
        lang,
        "trainer.reported_line",
        source=tr(lang, f"trainer.reported_source.{rep.source}"),
        reported=f"{rep.accuracy:g}",
        here=f"{acc:.4f}",
        reported_loss=f"{rep.loss:g}",
        here_loss=f"{loss:.4f}",
    )


def test_reported_beside_ours_after_a_notebook_preset(lang):
    at = open_page("trainer", lang=lang, preset="tiny421")
    assert not at.exception
    run_to_end(at)
    expected = core_result(PRESETS["tiny421"])
    assert metric(at, tr(lang, "trainer.test_acc")) == f"{expected.test_acc:.4f}"
    line = reported_line(lang, "tiny421", expected.test_acc, expected.test_loss)
    assert line in all_text(at)
    assert ("0.11349" in line) and ("2.3024" in line)


def test_no_reported_line_when_the_run_is_not_the_preset():
    at = open_page("trainer", preset="tiny421", epochs="2")
    run_to_end(at)
    expected = core_result(PRESETS["tiny421"].replace(epochs=2))
    assert metric(at, tr("en", "trainer.test_acc")) == f"{expected.test_acc:.4f}"
    prefix = tr("en", "trainer.reported_line").split("{")[0]  # "Test accuracy reported by the "
    assert prefix and prefix not in all_text(at)
