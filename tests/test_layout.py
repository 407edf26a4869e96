"""The package's tree shows its design: imports run only downward, from the entry modules
(``tools/``) through a calculator's own parts (``plan/``, ``channel/``, ``message/``) and the
shared ``advice/`` and ``page/`` layers, down to ``core/``, which knows nothing of pages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "calculators"
LAYERS = {
    "core": {"core"},
    "page": {"core", "page"},
    "advice": {"core", "page", "advice"},
    "plan": {"core", "page", "advice", "plan"},
    "channel": {"core", "page", "advice", "channel"},
    "message": {"core", "page", "advice", "message"},
    "agreement": {"core", "page", "advice", "agreement"},
}


def _imported_packages(path: Path) -> set[str]:
    """The first-level subpackages of ``calculators`` that ``path`` imports from."""
    here = path.relative_to(PACKAGE).parent.parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(here[: len(here) - (node.level - 1)])
                parts = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.startswith("calculators."):
                parts = node.module.split(".")[1:]
            else:
                continue
            if parts:
                found.add(parts[0])
    return found


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_a_layer_imports_only_from_itself_and_the_layers_below(layer: str) -> None:
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        imported = {name for name in _imported_packages(path) if (PACKAGE / name).is_dir()}
        assert imported <= LAYERS[layer], f"{path.relative_to(PACKAGE)} imports {imported - LAYERS[layer]}"


def test_every_module_lives_in_a_layer_or_is_an_entry_point() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "api.py", "registry.py"]
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("__"))
    assert set(folders) - {"tools"} <= set(LAYERS), folders
