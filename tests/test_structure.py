"""Architecture rules that keep Pizarra's layers apart, checked with ``ast`` and subprocesses."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from ui import i18n, nav

ROOT = Path(__file__).resolve().parents[1]
# Every module under core/, packages included (core/exercises/ is one).
CORE_FILES = sorted((ROOT / "core").rglob("*.py"))
# The trainer's modules use torch; every other core module is theory and must not load it.
TORCH_MODULES = {"core", "core.data", "core.models", "core.train"}


def uses_torch(module: str) -> bool:
    return module in TORCH_MODULES or module.startswith("core.trainer")


def module_name(path: Path) -> str:
    """Dotted name of a file under ROOT: core/exercises/__init__.py -> core.exercises."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


THEORY_MODULES = [m for m in map(module_name, CORE_FILES) if not uses_torch(m)]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_never_imports_streamlit(path):
    assert not any(m.split(".")[0] == "streamlit" for m in imported_modules(path))


# Pages that train networks (through core.trainer); every other page stays free of torch.
TRAINING_PAGES = {"trainer", "generalization"}


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_do_not_import_pages_or_torch(path):
    mods = imported_modules(path)
    assert not any(m.split(".")[0] == "pages" for m in mods)
    if path.stem not in TRAINING_PAGES:
        assert not any(m.split(".")[0] == "torch" for m in mods)
        assert not any(uses_torch(m) for m in mods if m != "core")


def test_theory_modules_do_not_load_torch():
    """Importing every theory module (and the ui package) must not pull torch in (~1 s, ~0.8 GB)."""
    modules = THEORY_MODULES + ["ui.i18n", "ui.params", "ui.nav"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print('torch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_catalogues_have_same_keys_and_placeholders():
    cats = i18n.catalogues()
    assert set(cats["en"]) == set(cats["es"]), set(cats["en"]) ^ set(cats["es"])
    for key, text in cats["en"].items():
        assert i18n.placeholders(text) == i18n.placeholders(cats["es"][key]), key
        assert text.strip() and cats["es"][key].strip(), key


def test_every_available_page_has_its_texts():
    cats = i18n.catalogues()
    for page in nav.available_pages():
        for suffix in ("title", "card", "intro"):
            assert f"{page.topic}.{suffix}" in cats["en"], (page.topic, suffix)


def test_every_page_file_is_registered_and_calls_setup_first():
    registered = {p.topic for p in nav.REGISTRY}
    for path in sorted((ROOT / "pages").glob("*.py")):
        assert path.stem in registered, f"{path.name} is missing from ui/nav.py REGISTRY"
        tree = ast.parse(path.read_text())
        calls = [
            n
            for n in tree.body
            if isinstance(n, (ast.Expr, ast.Assign)) and isinstance(n.value, ast.Call)
        ]
        first = ast.unparse(calls[0].value.func)
        assert first == "page.setup", f"{path.name}: first call is {first}, not page.setup"


def test_spanish_error_patterns_translate_validate_messages():
    from core._validate import as_float_array, check_scalar

    cases = [
        (lambda: check_scalar(-0.5, "alpha", low=0), "alpha debe ser >= 0; se recibió -0.5"),
        (lambda: check_scalar(float("nan"), "lr"), "lr debe ser finito; se recibió nan"),
        (lambda: check_scalar(2.5, "k", integer=True), "k debe ser un entero; se recibió 2.5"),
        (lambda: as_float_array([[1, float("nan")]], "X"), "X solo puede contener números finitos"),
        (
            lambda: as_float_array([1, 2], "X", ndim=2),
            "X debe ser un arreglo 2-D; tiene forma (2,)",
        ),
        (lambda: as_float_array("abc", "y"), "y debe ser numérico; se recibió 'abc'"),
    ]
    for raise_it, expected in cases:
        with pytest.raises(ValueError) as info:
            raise_it()
        assert i18n.translate_error("es", str(info.value)).startswith(expected)
        assert i18n.translate_error("en", str(info.value)) == str(info.value)
