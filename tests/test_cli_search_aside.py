"""``byline search`` confirming the corpus unchanged in a child process while it searches (``byline.aside``).

``BYLINE_CHECK_ASIDE=1`` makes the command check beside the search whatever
the machine's load. What it prints must be what bringing the index up to date
first gives: a changed, added or removed file is never missed, and the fast
path (no update at all) is taken only when nothing changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from byline.aside import AsideCheck, worth_it
from byline.cli import main
from byline.index.library import Library
from files_support import write_file


def article(title: str, body: str) -> str:
    return f"{title}\n\nNovember 7, 2024\n\n{body}\n"


@pytest.fixture
def updates(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the calls of ``Library.update`` (the slow path brings the index up to date; the fast one does not)."""
    calls: list[int] = []
    real = Library.update

    def counted(self: Library, *args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Library, "update", counted)
    monkeypatch.setenv("BYLINE_CHECK_ASIDE", "1")
    return calls


def search(capsys: pytest.CaptureFixture[str], word: str, root: Path, index: Path) -> tuple[int, list[str]]:
    code = main(["search", word, str(root), "--index", str(index), "--json"])
    out, _ = capsys.readouterr()
    return code, sorted(Path(json.loads(line)["path"]).name for line in out.splitlines())


def test_a_change_is_never_missed_and_an_unchanged_corpus_is_not_updated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], updates: list[int]
) -> None:
    root, index = tmp_path / "corpus", tmp_path / "ix"
    write_file(root / "a.txt", article("Harbour news", "The harbour master counted herons."))
    write_file(root / "b.txt", article("Market news", "Herons were seen at the market."))
    assert search(capsys, "herons", root, index) == (0, ["a.txt", "b.txt"])
    assert len(updates) == 1  # a new index: built first

    assert search(capsys, "herons", root, index) == (0, ["a.txt", "b.txt"])
    assert len(updates) == 1  # confirmed unchanged beside the search: no update

    write_file(root / "a.txt", article("Harbour news", "The harbour master counted egrets instead."))
    assert search(capsys, "herons", root, index) == (0, ["b.txt"])
    write_file(root / "c.txt", article("Late news", "Herons again, by the bridge."))
    assert search(capsys, "herons", root, index) == (0, ["b.txt", "c.txt"])
    (root / "b.txt").unlink()
    assert search(capsys, "herons", root, index) == (0, ["c.txt"])
    assert len(updates) == 4  # each change: the index brought up to date, the search run again
    assert search(capsys, "egrets", root, index) == (0, ["a.txt"])
    assert len(updates) == 4


def test_without_the_check_every_search_brings_the_index_up_to_date_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], updates: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BYLINE_CHECK_ASIDE", "0")
    root, index = tmp_path / "corpus", tmp_path / "ix"
    write_file(root / "a.txt", article("Harbour news", "The harbour master counted herons."))
    assert search(capsys, "herons", root, index) == (0, ["a.txt"])
    assert search(capsys, "herons", root, index) == (0, ["a.txt"])
    assert len(updates) == 2
    assert not worth_it()


def test_an_answer_given_for_another_manifest_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BYLINE_CHECK_ASIDE", "1")
    root, index = tmp_path / "corpus", tmp_path / "ix"
    write_file(root / "a.txt", article("Harbour news", "The harbour master counted herons."))
    with Library.open([str(root)], index_dir=index) as lib:
        lib.update()
        with AsideCheck([str(root)], str(index), False) as check:
            assert check.confirmed(lib)
        with AsideCheck([str(root)], str(index), False) as check:
            write_file(root / "b.txt", article("More", "Egrets."))
            lib.update()  # a commit since (whenever the child walked): another manifest
            assert not check.confirmed(lib)
        with AsideCheck([str(root)], str(tmp_path / "elsewhere"), False) as check:
            assert not check.confirmed(lib)  # the answer is about another index folder
