"""The layering the brief asks for: the engine never imports Textual, Whoosh stays in the store package."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

INDEX_DIR = Path(__file__).resolve().parent.parent / "index"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_engine_never_imports_textual() -> None:
    for path in INDEX_DIR.rglob("*.py"):
        assert "textual" not in imported_modules(path), path


def test_whoosh_is_behind_the_store_package() -> None:
    users = {p.relative_to(INDEX_DIR).parts[0] for p in INDEX_DIR.rglob("*.py") if "whoosh" in imported_modules(p)}
    assert users == {"store"}


def test_importing_the_engine_loads_no_textual() -> None:
    code = "import sys, byline.index.library; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
