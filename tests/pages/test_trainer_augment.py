"""The trainer page's augmentation select and snapshot-ensemble input (issue 13), in AppTest.

Both are URL parameters (``augment``, ``snapshots``), in both languages; the run they start
equals ``core.train`` on the same configuration.
"""

from __future__ import annotations

from core.train import TrainConfig
from tests.pages.helpers import all_text, open_page
from tests.pages.test_trainer import SHORT, core_result, run_to_end, short_config, tr

SNAP_URL = {
    **SHORT,
    "epochs": "4",
    "schedule": "cosine_restarts",
    "cosine_restarts_T_0": "2",
    "snapshots": "2",
}


def test_augment_select_in_the_url_and_the_run(lang):
    at = open_page("trainer", lang=lang, **SHORT)
    box = at.selectbox(key="trainer.augment")
    assert box.label == tr(lang, "trainer.augment") and box.value == "none"
    assert [tr(lang, f"trainer.augment.{k}") for k in ("none", "shift")] == box.options[:2]
    box.set_value("shift_rotate").run()
    assert not at.exception
    assert at.query_params["augment"] in ("shift_rotate", ["shift_rotate"])
    run_to_end(at)
    config = short_config(augment="shift_rotate")
    shown = at.session_state["trainer.shown"]
    assert shown.config == config
    assert shown.result.test_acc == core_result(config).test_acc


def test_snapshots_input_from_a_link(lang):
    """A shared link with cosine restarts and ``snapshots=2`` reproduces the snapshot ensemble;
    its accuracy is core's, written in the user's language."""
    at = open_page("trainer", lang=lang, **SNAP_URL)
    assert not at.exception
    assert at.number_input(key="trainer.snapshots").value == 2
    assert at.number_input(key="trainer.snapshots").label == tr(lang, "trainer.snapshots")
    run_to_end(at)
    config = short_config(schedule="cosine_restarts", schedule_params={"T_0": 2}).replace(
        epochs=4, snapshots=2
    )
    shown = at.session_state["trainer.shown"]
    assert shown.config == config
    expected = core_result(config)
    text = tr(
        lang,
        "trainer.snapshot_result",
        k=2,
        acc=f"{expected.snapshot_test_accuracy:.4f}",
        single=f"{expected.test_acc:.4f}",
    )
    assert text in all_text(at)


def test_snapshots_refused_in_the_users_language(lang):
    """Too many snapshots for the cycles: core's coded error, translated; no run can start."""
    at = open_page("trainer", lang=lang, **{**SNAP_URL, "snapshots": "3"})
    assert not at.exception
    want = "snapshots must be <= the 2 restart cycles" if lang == "en" else "los 2 ciclos"
    assert any(want in e.value for e in at.error)
    assert at.button(key="trainer.start").disabled


def test_snapshots_hidden_without_cosine_restarts():
    at = open_page("trainer", **SHORT, snapshots="3")
    assert not at.exception and not at.error
    assert not [n for n in at.number_input if n.key == "trainer.snapshots"]
    assert TrainConfig().snapshots == 0
