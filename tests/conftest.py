"""Shared fixtures: every test gets its own index cache and working folder, and corpora written on the fly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from files_support import write_file


@pytest.fixture(autouse=True)
def _away_from_the_checkout(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test (and every child process it starts) from a folder of its own.

    From the checkout, ``python -m byline`` or ``python -c 'import byline'`` would import the
    source folder ``byline/`` instead of the installed package the tests are meant to use.
    """
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


def pytest_report_header() -> str:
    """Say which copy of Byline the suite is testing."""
    import byline

    return f"byline: {Path(byline.__file__).resolve().parent}"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every index a test builds out of the user's cache directory."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(cache))
    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    return cache


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A writable copy of the sample corpus."""
    from byline.index.library import sample_corpus

    target = tmp_path / "seeds"
    shutil.copytree(sample_corpus(), target)
    return target


@pytest.fixture
def write(tmp_path: Path):
    """Write an article file (text or bytes) under a fresh corpus folder; returns its path."""
    root = tmp_path / "corpus"
    root.mkdir(exist_ok=True)

    def _write(name: str, content: str | bytes) -> Path:
        return write_file(root / name, content)

    _write.root = root  # type: ignore[attr-defined]
    return _write
