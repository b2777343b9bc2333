"""The server's garbage-collection settings: no full collection after every script run, and the
long-lived heap frozen after each wave of imports (ui/page.py ``settle_heap``)."""

from __future__ import annotations

import gc
import sys
import tomllib
import types

from tests.pages.helpers import ROOT
from ui import page


def test_post_script_gc_is_off():
    config = tomllib.loads((ROOT / ".streamlit/config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False


def test_heap_is_frozen_after_new_imports_only(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(page.gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(page.gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setitem(page._heap, "modules", len(sys.modules))
    assert page.settle_heap() is False  # nothing imported since: nothing to do
    assert calls == []
    monkeypatch.setitem(sys.modules, "pz_fake_module", types.ModuleType("pz_fake_module"))
    assert page.settle_heap() is True
    assert calls == ["collect", "freeze"]  # collected first: no garbage is frozen
    assert page.settle_heap() is False  # once per wave
    assert calls == ["collect", "freeze"]


def test_settling_moves_the_imported_heap_out_of_the_collector(monkeypatch):
    monkeypatch.setitem(page._heap, "modules", 0)
    gc.unfreeze()
    try:
        tracked = len(gc.get_objects())
        assert page.settle_heap() is True
        # what the collector still visits is what was created since, not the modules' objects
        assert gc.get_freeze_count() >= 0.9 * tracked
        assert len(gc.get_objects()) < 0.1 * tracked
    finally:
        gc.unfreeze()
