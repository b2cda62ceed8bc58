"""What a user installs: the wheel ships every module of the source tree, and the tests import it.

The first round's lesson: a hand-kept package list missed two subpackages, and an
editable install hid it. These tests build the wheel exactly as ``pip install .``
does and compare it with the tree, and check that the suite runs against an
installed copy, not the checkout.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


SOURCE = Path(__file__).resolve().parent.parent
ROOTS = {"byline": "byline", "index": "byline/index", "tui": "byline/tui"}
"""Source folder → where its files land in the wheel."""
DATA = ("index/sample/*.txt", "tui/*.tcss")


def source_files() -> set[str]:
    """Every module and data file of the source tree, named as the wheel names it."""
    wanted: set[str] = set()
    for folder, installed in ROOTS.items():
        for path in (SOURCE / folder).rglob("*.py"):
            if "__pycache__" not in path.parts:
                wanted.add(f"{installed}/{path.relative_to(SOURCE / folder).as_posix()}")
    for pattern in DATA:
        folder, _, rest = pattern.partition("/")
        for path in (SOURCE / folder).glob(rest):
            wanted.add(f"{ROOTS[folder]}/{path.relative_to(SOURCE / folder).as_posix()}")
    return wanted


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The file names inside the wheel that ``pip install .`` would build from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    # a copy of the tree, so the build leaves no build/ or egg-info folder in the checkout
    for rel in ("pyproject.toml", "setup.py", "README.md", "byline", "index", "tui"):
        src, dst = SOURCE / rel, build / rel
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copyfile(src, dst)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(build)],
        check=True,
        capture_output=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    (wheel,) = out.glob("*.whl")
    return set(zipfile.ZipFile(wheel).namelist())


def test_wheel_ships_every_module_and_data_file(wheel_names: set[str]) -> None:
    missing = sorted(source_files() - wheel_names)
    assert not missing, f"the wheel lacks {missing}"


def test_wheel_ships_nothing_stray(wheel_names: set[str]) -> None:
    shipped = {n for n in wheel_names if not n.split("/")[0].endswith(".dist-info")}
    assert shipped == source_files()


@pytest.mark.skipif(os.environ.get("BYLINE_EDITABLE") == "1", reason="BYLINE_EDITABLE=1: a developer's editable install")
def test_the_suite_imports_the_installed_package() -> None:
    """``pip install .`` (the README's test command) puts Byline in site-packages; the tests use that copy.

    While developing, ``pip install -e '.[test]'`` with ``BYLINE_EDITABLE=1`` skips this one check.
    """
    sources = [SOURCE / "byline", SOURCE / "index", SOURCE / "tui"]
    for name in ("byline", "byline.index", "byline.tui"):
        where = Path(importlib.import_module(name).__file__).resolve()
        # A virtualenv may live inside the checkout (CI makes ``.venv`` there): what matters is that the
        # module comes from an installed copy, not from the source folders an editable install maps.
        assert "site-packages" in where.parts, f"{name} was imported from {where}, not from an installed copy"
        assert not any(folder in where.parents for folder in sources), (
            f"{name} was imported from the checkout ({where}); install it with 'pip install .[test]', not -e"
        )
