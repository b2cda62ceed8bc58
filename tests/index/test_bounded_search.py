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
    monkeypatch.setattr(queries, "RANK_BUDGET", 8)
    monkeypatch.setattr(queries, "RANK_SAMPLE", 20)
    checked: list[int] = []
    real = queries._holding_in

    def counting(reader, phrase, docnums):  # type: ignore[no-untyped-def]
        checked.extend(docnums)
        return real(reader, phrase, docnums)

    monkeypatch.setattr(queries, "_holding_in", counting)
    bounded = common.search('"in the"', limit=5)
    assert bounded.estimated and any(n.startswith("About") and "20 articles spread over the corpus" in n for n in bounded.notices)
    assert len(bounded.hits) == 5
    for hit in bounded.hits:  # every listed article holds the exact phrase
        text = common.article(hit.path).text
        assert hit.spans and all(text[s:e].lower() == "in the" for s, e in hit.spans)
    assert 20 <= bounded.total <= 40
    assert len(set(checked)) == 20  # positions were read for the sample only (in the title and the body)


def test_a_rare_phrase_is_searched_exactly(common: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "RANK_BUDGET", 8)
    result = common.search('"heron 7"', limit=5)
    assert result.total == 1 and not result.estimated and not result.notices


def test_every_hit_asked_for_is_an_exact_search(common: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "RANK_BUDGET", 8)
    result = common.search('"in the"', limit=None)
    assert result.total == len(result.hits) == 30 and not result.estimated


def test_an_and_of_common_words_ranks_a_sample_and_counts_exactly(common: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = common.search("the AND in", limit=5)
    assert exact.total == 40 and not exact.notices
    monkeypatch.setattr(queries, "RANK_BUDGET", 8)
    monkeypatch.setattr(queries, "RANK_SAMPLE", 20)
    scored: list[int] = []
    real = queries.scores_of

    def counting(s, q, docnums):  # type: ignore[no-untyped-def]
        scored.extend(docnums)
        return real(s, q, docnums)

    monkeypatch.setattr(queries, "scores_of", counting)
    bounded = common.search("the AND in", limit=5)
    assert bounded.total == 40 and not bounded.estimated  # the count is exact: sets of document numbers
    assert len(bounded.hits) == 5 and len(scored) == 20
    assert any("the best of 20 spread over the corpus" in n for n in bounded.notices)
    assert {h.path for h in bounded.hits} <= {h.path for h in common.search("the AND in", limit=None).hits}
