"""Searches whose work is bounded, pinned by structure (what is checked, what is said), never by timing."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.index.library import Library
from byline.index.store import queries


@pytest.fixture
def common(write, tmp_path: Path) -> Library:
    """40 articles: 30 say "in the", 10 hold both words apart."""
    for i in range(30):
        write(f"p{i:02d}.txt", f"Story {i}\n\nThe heron {i} landed in the lake, said a warden.\n")
    for i in range(10):
        write(f"q{i:02d}.txt", f"Note {i}\n\nIn March the egret {i} left.\n")
    lib = Library.open([write.root], index_dir=tmp_path / "ix")
    lib.update()
    yield lib
    lib.close()


def test_a_phrase_of_common_words_checks_the_best_and_estimates_the_count(common: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = common.search('"in the"', limit=5)
    assert exact.total == 30 and not exact.estimated
    monkeypatch.setattr(queries, "PHRASE_BUDGET", 8)
    monkeypatch.setattr(queries, "PHRASE_SAMPLE", 20)
    checked: list[int] = []
    real = queries._holding_in

    def counting(reader, phrase, docnums):  # type: ignore[no-untyped-def]
        checked.extend(docnums)
        return real(reader, phrase, docnums)

    monkeypatch.setattr(queries, "_holding_in", counting)
    bounded = common.search('"in the"', limit=5)
    assert bounded.estimated and any("About" in n and "sample" in n for n in bounded.notices)
    assert len(bounded.hits) == 5
    for hit in bounded.hits:  # every listed article holds the exact phrase
        text = common.article(hit.path).text
        assert hit.spans and all(text[s:e].lower() == "in the" for s, e in hit.spans)
    assert 20 <= bounded.total <= 40
    # positions were read for the best candidates and a sample, never for all 40 twice over
    assert len(checked) <= 2 * 20 + 2 * 40


def test_a_rare_phrase_is_searched_exactly(common: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "PHRASE_BUDGET", 8)
    result = common.search('"heron 7"', limit=5)
    assert result.total == 1 and not result.estimated and not result.notices


def test_every_hit_asked_for_is_an_exact_search(common: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "PHRASE_BUDGET", 8)
    result = common.search('"in the"', limit=None)
    assert result.total == len(result.hits) == 30 and not result.estimated
