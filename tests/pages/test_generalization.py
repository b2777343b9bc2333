"""The Generalization page: each section in both languages, short runs with tiny settings
compared with core's numbers, URL state, and the cache per settings."""

from __future__ import annotations

import numpy as np
import pytest

from core.data import load_dataset
from core.trainer import experiments as ex
from core.trainer import transfer as tr
from core.trainer.augment import augment_gallery
from core.trainer.ensemble import train_ensemble
from tests.pages.helpers import all_text, open_page
from ui.text.generalization import EN, ES

TINY = {
    "ens_k": "2",
    "ens_epochs": "2",
    "ens_width": "16",
    "snap_k": "2",
    "snap_cycle": "2",
    "aug_epochs": "2",
    "aug_share": "0.05",
    "tr_width": "16",
}


def _click(at, section: str):
    return at.button(key=f"generalization.{section}_run").click().run()


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_renders_in_both_languages(lang):
    at = open_page("generalization", lang=lang)
    assert not at.exception
    text = all_text(at)
    word = "Ensembles" if lang == "en" else "Ensambles"
    assert word in text
    # nothing trains before a button press: the four experiments wait for it
    waiting = (EN if lang == "en" else ES)["generalization.not_run"]
    assert [i.value for i in at.info].count(waiting) == 4
    assert not at.get("vega_lite_chart")
    # five misconception callouts
    assert len([i for i in at.info if i.value != waiting]) == 5


@pytest.mark.parametrize("lang", ["en", "es"])
def test_ensemble_section_matches_core(lang):
    at = open_page("generalization", lang=lang, **TINY)
    at = _click(at, "ens")
    assert not at.exception
    _, rep = train_ensemble(ex.ensemble_config(16, 2, 0), 2, data=load_dataset("digits"))
    label = "ensemble" if lang == "en" else "ensamble"
    assert _metric(at, label).startswith(f"{100 * rep.ensemble_accuracy:.1f}")
    assert at.get("vega_lite_chart")


def test_snapshot_section_matches_core():
    at = open_page("generalization", **TINY)
    at = _click(at, "snap")
    assert not at.exception
    from core.trainer import train

    result = [r for r in train(ex.snapshot_config(2, 2, 0), load_dataset("digits"))][-1]
    assert _metric(at, "snapshot ensemble").startswith(f"{100 * result.snapshot_test_accuracy:.1f}")


def test_augmentation_section_and_url(lang):
    at = open_page("generalization", lang=lang, aug_kind="rotate", aug_seed="3", **TINY)
    assert at.query_params["aug_kind"] == ["rotate"] or at.query_params["aug_kind"] == "rotate"
    at = _click(at, "aug")
    assert not at.exception
    assert len(at.metric) == 2
    assert at.get("vega_lite_chart")


def test_gallery_follows_core():
    """The gallery draws core's augment_gallery for the chosen kind and seed."""
    data = load_dataset("digits")
    labels = data.y_train.numpy()
    idx = [int(np.flatnonzero(labels == c)[0]) for c in (1, 4, 6, 9)]
    a = augment_gallery(data.images_train.numpy()[idx], "shift", 5, 6)
    b = augment_gallery(data.images_train.numpy()[idx], "shift", 6, 6)
    assert not np.array_equal(a, b)  # the seed in the URL changes what is drawn
    at = open_page("generalization", aug_kind="shift", aug_seed="5")
    assert not at.exception
    assert "seed 5" in all_text(at)


def test_transfer_section_matches_core(lang):
    at = open_page("generalization", lang=lang, **TINY)
    at = _click(at, "tr")
    assert not at.exception
    report = tr.transfer_experiment(load_dataset("digits"), tr.DEFAULT_SHOTS, hidden=(16,))
    charts = at.get("vega_lite_chart")
    assert charts
    shown = all_text(at)
    assert f"{100 * report.accuracy('finetune', 5):.1f}" in shown


def test_misconceptions_in_both_languages(lang):
    at = open_page("generalization", lang=lang)
    text = all_text(at)
    assert ("keep" if lang == "en" else "conservar") in text
    assert "180°" in text
