"""The engine end to end: indexing a corpus, updating it incrementally, searching it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.index.sources import text as text_mod
from byline.index import indexing
from byline.index import articles as articles_mod
from byline.index.errors import IndexBusy, LibraryError
from byline.index.library import Library, sample_corpus
from byline.index.models import IndexProgress


def names(result) -> list[str]:
    return sorted(Path(h.path).name for h in result.hits)


@pytest.fixture
def sample_lib(tmp_path: Path) -> Library:
    lib = Library.open([sample_corpus()], index_dir=tmp_path / "ix")
    lib.update()
    yield lib
    lib.close()


def test_sample_search_sanction_finds_the_three_articles(sample_lib: Library) -> None:
    result = sample_lib.search("sanction")
    assert names(result) == ["000_4c4c9962fd6196e4.txt", "001_3c97b7e833a7f5e1.txt", "002_e92f0674aa98e83b.txt"]
    for hit in result.hits:
        text = sample_lib.article(hit.path).text
        assert hit.spans, hit.path
        for start, end in hit.spans:
            assert text[start:end].lower().startswith("sanction")
        assert "sanction" in hit.snippet.lower()


def test_sample_phrase_search(sample_lib: Library) -> None:
    result = sample_lib.search('"Russophobic course"')
    assert names(result) == ["000_4c4c9962fd6196e4.txt", "001_3c97b7e833a7f5e1.txt"]
    for hit in result.hits:
        text = sample_lib.article(hit.path).text
        assert all(text[s:e].lower() == "russophobic course" for s, e in hit.spans)
    by_name = {Path(h.path).name: h for h in result.hits}
    assert len(by_name["000_4c4c9962fd6196e4.txt"].spans) == 2


def test_case_insensitive_and_stemmed(sample_lib: Library) -> None:
    assert names(sample_lib.search("SANCTIONS")) == names(sample_lib.search("sanctioned"))


def test_negated_terms_are_not_highlighted(sample_lib: Library) -> None:
    result = sample_lib.search("sanction NOT lavrov")
    assert result.hits and all("lavrov" not in sample_lib.article(h.path).text.lower() for h in result.hits)
    text = sample_lib.article(result.hits[0].path).text
    assert all(text[s:e].lower().startswith("sanction") for s, e in result.hits[0].spans)


def test_search_result_carries_metadata(sample_lib: Library) -> None:
    hit = next(h for h in sample_lib.search("Kosachev").hits if h.path.endswith("003_4aedde6dc7f46a07.txt"))
    assert hit.date == "2024-11-14"
    assert hit.outlet and "sputnik" in hit.outlet.lower()
    assert hit.url and hit.url.startswith("https://sputnikglobe.com/")
    assert hit.score > 0


def test_metadata_lines_are_not_searched(sample_lib: Library) -> None:
    # "bing" and "apiclick" only occur in the aggregator link of a Source link line
    assert sample_lib.search("apiclick").total == 0
    assert sample_lib.search("syndicated").total == 0


def test_field_queries(write, tmp_path: Path) -> None:
    write("a.txt", "Storm Warning Issued – Daily Planet\nAuthor : Lois Lane\nPublish date : 2023-05-02 10:00:00\n\nThe storm hit Metropolis.\n")
    write("b.txt", "Calm Seas Return – The Bugle\nAuthor : Peter Parker\nPublish date : 2023-07-15 10:00:00\n\nThe sea was calm in Metropolis.\n")
    lib = Library.open([write.root], index_dir=tmp_path / "ix")
    lib.update()
    assert names(lib.search("title:storm")) == ["a.txt"]
    assert names(lib.search('outlet:"daily planet"')) == ["a.txt"]
    assert names(lib.search("author:parker")) == ["b.txt"]
    assert names(lib.search("date:2023-05-02")) == ["a.txt"]
    assert names(lib.search("date:2023-07")) == ["b.txt"]
    assert names(lib.search("date:2023")) == ["a.txt", "b.txt"]
    assert names(lib.search("date:[2023-06-01 TO 2023-12-31]")) == ["b.txt"]
    assert names(lib.search("date:[2023-01 TO 2023-05]")) == ["a.txt"]
    assert names(lib.search("date:>2023-06-01")) == ["b.txt"]
    assert names(lib.search("metropolis AND (storm OR nothing)")) == ["a.txt"]
    assert names(lib.search("metropolis NOT storm")) == ["b.txt"]
    assert names(lib.search("metropolis OR lane")) == ["a.txt", "b.txt"]
    lib.close()


def test_fuzzy_and_prefix(write, tmp_path: Path) -> None:
    write("a.txt", "Kosachev spoke about sanctions and sanctuary cities.\n")
    write("b.txt", "Nothing related here at all.\n")
    lib = Library.open([write.root], index_dir=tmp_path / "ix")
    lib.update()
    result = lib.search("kosachov~")
    assert names(result) == ["a.txt"]
    text = lib.article(result.hits[0].path).text
    assert [text[s:e] for s, e in result.hits[0].spans] == ["Kosachev"]
    result = lib.search("sanct*")
    assert [text[s:e] for s, e in result.hits[0].spans] == ["sanctions", "sanctuary"]
    refused = lib.search("s*")
    assert not refused.ok and refused.hits == ()
    assert any("wildcard" in n for n in refused.notices)
    lib.close()


def test_spans_cover_the_whole_long_article(write, tmp_path: Path) -> None:
    filler = "Lorem ipsum dolor sit amet consectetur.\n" * 2000  # ~80K characters
    path = write("long.txt", "Headline Here\n\nzebra at the start.\n" + filler + "A zebra at the very end.\n")
    lib = Library.open([write.root], index_dir=tmp_path / "ix")
    lib.update()
    result = lib.search("zebra")
    text = path.read_text(encoding="utf-8")
    assert len(result.hits[0].spans) == 2
    assert result.hits[0].spans[-1][0] > 70_000
    assert all(text[s:e] == "zebra" for s, e in result.hits[0].spans)
    lib.close()


def test_offsets_index_the_decoded_text(write, tmp_path: Path) -> None:
    """CRLF files and cp1252 files: offsets are into the decoded, newline-normalised text."""
    write("crlf.txt", b"Title Line Here\r\n\r\nFirst para.\r\nThe walrus appears.\r\n")
    write("cp.txt", b"Another Title\n\n\x93Caf\xe9 walrus,\x94 he said.\n")
    lib = Library.open([write.root], index_dir=tmp_path / "ix")
    lib.update()
    for hit in lib.search("walrus").hits:
        text = lib.article(hit.path).text
        assert "\r" not in text
        assert [text[s:e] for s, e in hit.spans] == ["walrus"]
    lib.close()


def test_unreadable_files_are_skipped_and_reported(write, tmp_path: Path) -> None:
    write("good.txt", "Good Title\n\nA readable story about otters.\n")
    write("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 4)
    write("empty.txt", b"")
    write("notes.pdf", b"%PDF-1.4 whatever")
    lib = Library.open([write.root], index_dir=tmp_path / "ix")
    report = lib.update()
    assert report.added == 1
    assert report.ignored == 1
    skipped = {Path(s.path).name: s.reason for s in report.skipped}
    assert set(skipped) == {"binary.txt", "empty.txt"}
    assert "binary" in skipped["binary.txt"]
    assert names(lib.search("otters")) == ["good.txt"]
    # the skipped files are remembered until they change
    again = lib.update()
    assert again.changed == 0 and {Path(s.path).name for s in again.skipped} == {"binary.txt", "empty.txt"}
    lib.close()


def test_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    lib = Library.open([empty], index_dir=tmp_path / "ix")
    report = lib.update()
    assert report.changed == 0 and len(lib) == 0
    result = lib.search("anything")
    assert result.ok and result.total == 0
    assert lib.articles() == [] and lib.speakers() == [] and lib.all_quotes() == []
    lib.close()


def test_incremental_add_change_delete(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = Library.open([seeds], index_dir=tmp_path / "ix")
    first = lib.update()
    assert (first.added, first.updated, first.removed) == (5, 0, 0)

    # unchanged: opens without reading a single article
    def no_reading(path):  # pragma: no cover - failing is the point
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(articles_mod, "article_text", no_reading)
    monkeypatch.setattr(text_mod, "read_text", no_reading)
    lib.close()
    lib = Library.open([seeds], index_dir=tmp_path / "ix")
    same = lib.update()
    assert same.changed == 0 and same.unchanged == 5
    monkeypatch.undo()

    (seeds / "new.txt").write_text("Platypus News\n\nA platypus was seen in Moscow.\n", encoding="utf-8")
    added = lib.update()
    assert (added.added, added.updated, added.removed, added.unchanged) == (1, 0, 0, 5)
    assert names(lib.search("platypus")) == ["new.txt"]

    target = seeds / "003_4aedde6dc7f46a07.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nA wombat joined the talks.\n", encoding="utf-8")
    os.utime(target, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    changed = lib.update()
    assert (changed.added, changed.updated, changed.removed) == (0, 1, 0)
    assert names(lib.search("wombat")) == ["003_4aedde6dc7f46a07.txt"]

    (seeds / "001_3c97b7e833a7f5e1.txt").unlink()
    removed = lib.update()
    assert (removed.added, removed.updated, removed.removed) == (0, 0, 1)
    assert "001_3c97b7e833a7f5e1.txt" not in names(lib.search("sanction"))
    assert len(lib) == 5
    lib.close()


def test_progress_and_cancel_keep_the_last_commit(write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indexing, "BATCH_DOCS", 10)
    for i in range(35):
        write(f"doc{i:02d}.txt", f"Story Number {i}\n\nThe heron number {i} flew.\n")
    lib = Library.open([write.root], index_dir=tmp_path / "ix")
    seen: list[IndexProgress] = []

    def stop() -> bool:
        return sum(1 for p in seen if p.phase == "index") >= 25

    report = lib.update(progress=seen.append, should_stop=stop)
    assert report.cancelled
    assert seen[0].total == 35
    assert len(lib) == 20  # two committed batches of ten; the third was dropped
    assert lib.search("heron").total == 20
    rest = lib.update()
    assert not rest.cancelled and rest.added == 15 and rest.unchanged == 20
    assert lib.search("heron").total == 35
    lib.close()


def test_corrupted_index_is_rebuilt(seeds: Path, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    lib = Library.open([seeds], index_dir=ix)
    lib.update()
    lib.close()
    for f in (ix / "whoosh").iterdir():
        f.write_bytes(b"garbage" * 10)
    lib = Library.open([seeds], index_dir=ix)
    assert any("rebuilding" in n for n in lib.notices)
    report = lib.update()
    assert report.added == 5
    assert lib.search("sanction").total == 3
    lib.close()


def test_corrupted_state_file_is_rebuilt(seeds: Path, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    with Library.open([seeds], index_dir=ix) as lib:
        lib.update()
    (ix / "byline-index.json").write_text("{not json", encoding="utf-8")
    with Library.open([seeds], index_dir=ix) as lib:
        assert lib.update().added == 5
        assert lib.search("sanction").total == 3


def test_schema_change_rebuilds(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ix = tmp_path / "ix"
    with Library.open([seeds], index_dir=ix) as lib:
        lib.update()
    from byline.index import store

    monkeypatch.setattr(store, "SCHEMA_VERSION", store.SCHEMA_VERSION + 1)
    with Library.open([seeds], index_dir=ix) as lib:
        assert any("another version" in n for n in lib.notices)
        assert lib.update().added == 5


def test_second_writer_is_told_and_searches_committed(seeds: Path, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    one = Library.open([seeds], index_dir=ix)
    one.update()
    (seeds / "extra.txt").write_text("Extra Story\n\nAn ibis landed.\n", encoding="utf-8")
    two = Library.open([seeds], index_dir=ix)
    writer = one._store.writer()  # another process holding the write lock
    try:
        with pytest.raises(IndexBusy):
            two.update()
        assert two.search("sanction").total == 3  # what is committed stays searchable
    finally:
        writer.cancel()
    assert two.update().added == 1
    one.close()
    two.close()


def test_foreign_index_directory_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "mine"
    (foreign / "whoosh").mkdir(parents=True)
    (foreign / "whoosh" / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(LibraryError):
        Library.open([sample_corpus()], index_dir=foreign)
    assert (foreign / "whoosh" / "precious.txt").read_text(encoding="utf-8") == "keep me"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_query_is_answered(sample_lib: Library, raw: str) -> None:
    result = sample_lib.search(raw)
    assert isinstance(result.total, int)
    if not result.ok:
        assert result.notices


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Trump's", {"Trump’s", "Trump's"}),
        ("lend-lease", {"lend-lease"}),
        ("US–Russia", {"US–Russia", "US-Russia"}),
    ],
)
def test_words_that_split_are_phrases(sample_lib: Library, query: str, expected: set[str]) -> None:
    result = sample_lib.search(query)
    assert result.hits
    found = set()
    for hit in result.hits:
        text = sample_lib.article(hit.path).text
        found |= {text[s:e] for s, e in hit.spans}
    assert found == expected


def test_outlet_and_url_match_domain_parts(sample_lib: Library) -> None:
    assert names(sample_lib.search("outlet:firstpost")) == ["000_4c4c9962fd6196e4.txt"]
    assert names(sample_lib.search("outlet:firstpost.com")) == ["000_4c4c9962fd6196e4.txt"]
    assert names(sample_lib.search("url:sputnikglobe")) == ["003_4aedde6dc7f46a07.txt"]
    assert names(sample_lib.search('outlet:"asia times"')) == ["004_725359539153adbd.txt"]


def test_snippet_spans_mark_the_hits_in_the_snippet(sample_lib: Library) -> None:
    for hit in sample_lib.search('"Russophobic course"').hits:
        assert hit.snippet_spans
        assert all(hit.snippet[s:e].lower() == "russophobic course" for s, e in hit.snippet_spans)
