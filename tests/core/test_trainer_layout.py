"""The shape of the code: no import cycle among the project's modules, small trainer modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "pages", "ui")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[_module_name(path)] = path
    return found


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> project modules it imports anywhere in its text (type-only and function-local
    imports included: a cycle through them is still a cycle between the two concepts)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # "from core import models" imports the module core.models
                targets = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            for target in targets:
                if target in modules and target != name:
                    graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_find_cycle_finds_a_planted_cycle():
    # the checker itself: a cycle through three modules, and a diamond that is not one
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"d"}, "c": {"d"}, "d": set()}) is None


def test_graph_sees_the_trainer_imports():
    graph = import_graph(_modules())
    assert "core.trainer.config" in graph["core.trainer.loop"]
    assert "core.models" in graph["core.trainer.config"]


def test_no_import_cycle():
    cycle = find_cycle(import_graph(_modules()))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_models_know_nothing_of_the_trainer():
    graph = import_graph(_modules())
    assert not {m for m in graph["core.models"] if m.startswith(("core.train", "core.trainer"))}


@pytest.mark.parametrize("path", sorted((ROOT / "core" / "trainer").glob("*.py")), ids=str)
def test_trainer_modules_are_short(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= 600, f"{path.name} has {n} lines"


def test_one_name_one_registry():
    """The theory modules own OPTIMIZERS and SCHEDULES; the trainer's registries have their
    own names (core.train keeps the old ones as aliases for code written before the split)."""
    import core.optimizers
    import core.schedules
    import core.train
    import core.trainer

    assert not hasattr(core.trainer, "OPTIMIZERS") and not hasattr(core.trainer, "SCHEDULES")
    assert core.train.OPTIMIZERS is core.trainer.TORCH_OPTIMIZERS
    assert core.train.SCHEDULES is core.trainer.SCHEDULE_DEFAULTS
