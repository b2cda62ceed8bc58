"""Speakers of three kinds through the engine: people, organisations and unnamed sources (issue 11).

An unnamed source (``a senior port official``) keeps the kind extraction gave it: the speaker list never
classifies its description again from its words (``a senior Transport Ministry official`` reads like an
organisation to the name rules), and the list kept beside the index reads it back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.index.library import Library
from byline.index.quotes import is_organisation
from byline.index.speakers import Speakers
from speaker_kinds_support import ORGANISATIONS, PEOPLE, UNNAMED, UNNAMED_SOURCES, write_kinds_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_kinds_corpus(tmp_path / "corpus")


def test_the_speaker_list_holds_the_three_kinds(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        lib.update()
        speakers = lib.speakers()
    by_kind = {kind: [s.name for s in speakers if s.kind == kind] for kind in ("person", "organisation", "unnamed")}
    assert by_kind == {"person": PEOPLE, "organisation": ORGANISATIONS, "unnamed": UNNAMED_SOURCES}
    official = next(s for s in speakers if s.name == "a senior port official")
    assert (official.quotes, official.articles, official.role) == (2, 2, None)
    assert is_organisation("a senior Transport Ministry official")  # what the fallback would have said
    def recount(self: Speakers) -> None:
        raise AssertionError("the kept speaker list was not read back")

    monkeypatch.setattr(Speakers, "_count", recount)
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        assert lib.speakers() == speakers  # the kept list reads the unnamed kind back


def test_quotations_of_an_unnamed_source(corpus: Path, tmp_path: Path) -> None:
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        lib.update()
        records = lib.all_quotes()
        mine = lib.all_quotes(speaker="port official")
        lines = list(lib.quotes_json(speaker="port official"))
    unnamed = [r.quote for r in records if r.quote.speaker_kind == "unnamed"]
    assert {q.text.rstrip(",.”") for q in unnamed} == set(UNNAMED)
    assert all(q.role is None and q.speaker in UNNAMED_SOURCES for q in unnamed)
    assert [r.quote.speaker for r in mine] == ["a senior port official"] * 2
    assert len(lines) == 2 and all('"speaker_kind": "unnamed"' in line for line in lines)
