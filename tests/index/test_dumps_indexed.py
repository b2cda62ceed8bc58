"""Dumps, pages and text files indexed together (issue 14, part 2): records as articles ``PATH#N``.

Every case runs the engine's real indexing passes on small files written for
the test (:mod:`sources_support`); the parallel pass runs real worker processes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from byline.index import indexing
from byline.index.library import Library
from byline.index.models import SkippedFile
from byline.index.sources import DumpOptions, UnreadableFile
from byline.index.sources import dumps as dumps_mod
from byline.index.sources import html as html_mod
from byline.index.state import DumpEntry, IndexState
from files_support import write_file
from sources_support import ARTICLES, JSON_RECORDS, SKIPPED, jsonl, mixed_corpus


def key_of(root: Path, place: str) -> str:
    """The address of an article of the mixed corpus from its place under the root (``wire/feed.jsonl#1``)."""
    return f"{root}/{place}"


def place_of(root: Path, key: str) -> str:
    return key[len(str(root)) + 1 :]


def skipped_places(root: Path, skipped: list[SkippedFile]) -> dict[str, str]:
    return {place_of(root, s.path): s.reason for s in skipped}


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the dump records the indexing passes analyse (in this process)."""
    seen: list[str] = []
    real = indexing.record_document

    def record_document(work):  # type: ignore[no-untyped-def]
        seen.append(work.key)
        return real(work)

    monkeypatch.setattr(indexing, "record_document", record_document)
    return seen


def check_mixed(lib: Library, root: Path) -> None:
    """Every article of the mixed corpus is indexed as itself: metadata, its word, its quotation's offsets."""
    summaries = {place_of(root, s.key): s for s in lib.articles()}
    assert set(ARTICLES) <= set(summaries)
    for place, (title, date, outlet, word) in ARTICLES.items():
        s = summaries[place]
        assert (s.title, s.date, s.outlet) == (title, date, outlet), place
        assert s.folder == os.path.dirname(place.split("#")[0])
        assert s.record == (int(place.split("#")[1]) if "#" in place else None)
        (hit,) = lib.search(word).hits
        assert (hit.key, hit.record, hit.folder) == (s.key, s.record, s.folder)
        article = lib.article(s.key)
        assert article.key == s.key and article.path == s.path and article.record == s.record
        assert [article.text[a:b].lower() for a, b in hit.spans] == [word]
        (quote,) = lib.quotes(s.key)
        assert article.text[quote.quote.start : quote.quote.end] == quote.quote.text
        assert word in quote.quote.text and quote.key == s.key and quote.record == s.record


def test_a_mixed_folder_indexes_in_one_go(tmp_path: Path) -> None:
    root = mixed_corpus(tmp_path / "corpus")
    with Library.open([root], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert (report.added, report.ignored, len(lib)) == (len(ARTICLES), 0, len(ARTICLES))
        assert skipped_places(root, report.skipped) == SKIPPED
        check_mixed(lib, root)
        again = lib.update()  # unchanged: nothing read, the malformed records named again
        assert (again.changed, again.unchanged) == (0, len(ARTICLES))
        assert skipped_places(root, again.skipped) == SKIPPED


def test_the_parallel_pass_reads_dumps_as_the_serial_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[str]
) -> None:
    root = mixed_corpus(tmp_path / "corpus")
    write_file(root / "wire" / "more.jsonl", jsonl([{"title": f"Brief {i}", "text": f"Brief {i} about herons."} for i in range(9)]))
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 1)
    monkeypatch.setattr(indexing, "CHUNK_DOCS", (2, 4))  # a dump's records spread over several workers' tasks
    monkeypatch.setattr(indexing, "BATCH_DOCS", 3)
    monkeypatch.setenv("BYLINE_PROCS", "2")
    with Library.open([root], index_dir=tmp_path / "par") as par:
        report = par.update()
        assert counted == []  # every record was analysed in a worker process
        assert report.added == len(ARTICLES) + 9
        assert skipped_places(root, report.skipped) == SKIPPED
        check_mixed(par, root)
        assert par.search("herons", limit=None).total == 9
        assert not list((tmp_path / "par").glob(".staging-*"))
        monkeypatch.setattr(indexing, "PARALLEL_MIN", 10**9)
        with Library.open([root], index_dir=tmp_path / "ser") as ser:
            ser.update()
            assert [(s.key, s.title, s.quotes) for s in par.articles()] == [(s.key, s.title, s.quotes) for s in ser.articles()]
            assert [(q.key, q.quote) for q in par.all_quotes()] == [(q.key, q.quote) for q in ser.all_quotes()]


def test_a_changed_dump_reindexes_only_the_records_that_changed(tmp_path: Path, counted: list[str]) -> None:
    root = mixed_corpus(tmp_path / "corpus")
    feed = root / "wire" / "feed.jsonl"
    with Library.open([root], index_dir=tmp_path / "ix") as lib:
        lib.update()
        counted.clear()
        records = list(JSON_RECORDS)
        records[5] = {"headline": "Storm hits the coast", "body": "The storm spared the okapi sanctuary.", "pubdate": "2024-12-01"}
        records.append({"title": "A late addition", "text": "The late edition covers the tapir parade."})
        feed.write_text(jsonl(records), encoding="utf-8")
        report = lib.update()
        assert counted == [key_of(root, "wire/feed.jsonl#6"), key_of(root, "wire/feed.jsonl#7")]
        assert (report.added, report.updated, report.removed) == (1, 1, 0)
        assert report.unchanged == len(ARTICLES) - 1
        assert [h.key for h in lib.search("okapi").hits] == [key_of(root, "wire/feed.jsonl#6")]
        assert lib.search("narwhal").total == 0
        assert lib.search("tapir").hits[0].record == 7

        counted.clear()
        feed.write_text(jsonl(records[:1]), encoding="utf-8")  # shrunk to its first record
        report = lib.update()
        assert counted == [] and (report.added, report.updated, report.removed) == (0, 0, 2)
        assert report.skipped == [SkippedFile(key_of(root, "courts/high/rulings.csv#2"), "2 columns, the header has 4")]
        assert lib.search("tapir OR okapi").total == 0
        with pytest.raises(UnreadableFile):
            lib.article(key_of(root, "wire/feed.jsonl#6"))

        feed.unlink()
        report = lib.update()
        assert report.removed == 1 and lib.search("quokka").total == 0
        assert len(lib) == len(ARTICLES) - 2
        state = IndexState.load(tmp_path / "ix")
        assert state is not None and str(feed) not in state.dumps


def test_an_interrupted_pass_in_a_dump_goes_on_where_it_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[str]
) -> None:
    root = tmp_path / "corpus"
    write_file(root / "big.jsonl", jsonl([{"title": f"Note {i}", "text": f"Note {i} on the gannet colony."} for i in range(30)]))
    monkeypatch.setattr(indexing, "BATCH_DOCS", 5)
    with Library.open([root], index_dir=tmp_path / "ix") as lib:
        announced: list[str] = []
        report = lib.update(
            progress=lambda p: announced.append(p.path) if p.phase == "index" and p.path else None,
            should_stop=lambda: len(announced) >= 12,
        )
        assert report.cancelled and report.added == 10  # two batches of five committed
        state = IndexState.load(tmp_path / "ix")
        assert state is not None
        entry = state.dumps[str(root.resolve() / "big.jsonl")]
        assert not entry.complete and entry.documents() == 10 == len(lib)
        assert lib.search("gannet", limit=None).total == 10

        counted.clear()
        report = lib.update()
        assert not report.cancelled and (report.added, report.unchanged) == (20, 10)
        assert len(counted) == 20  # the records committed before are passed over
        assert lib.search("gannet", limit=None).total == 30 == len(lib)


def test_dump_fields_named_by_the_user_are_kept_and_a_change_reads_the_dumps_again(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write_file(root / "odd.csv", "headline_text,story,published\nQuiet harbour,The harbour was quiet. Bream were seen.,2024-05-06\n")
    ix = tmp_path / "ix"
    with Library.open([root], index_dir=ix) as lib:
        report = lib.update()
        assert [s.reason for s in report.skipped] == ["no text field"] and len(lib) == 0
    with Library.open([root], index_dir=ix, dump_options=DumpOptions(text_field="story")) as lib:
        assert lib.update().added == 1
        (s,) = lib.articles()
        assert (s.title, s.date) == ("The harbour was quiet", "2024-05-06")
    with Library.open([root], index_dir=ix, dump_options=DumpOptions(title_field="headline_text")) as lib:
        assert lib.dump_options() == DumpOptions(text_field="story", title_field="headline_text")
        assert lib.update().updated == 1
        assert [s.title for s in lib.articles()] == ["Quiet harbour"]
    with Library.open([root], index_dir=ix) as lib:  # kept with the index
        assert lib.update().changed == 0
        assert lib.read(lib.articles()[0].key, "bream").spans
    with Library.open([root], index_dir=ix, dump_options=DumpOptions(text_field="")) as lib:  # back to the usual names
        report = lib.update()
        assert report.removed == 1 and [s.reason for s in report.skipped] == ["no text field"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("utf16.jsonl", '{"text": "x"}\n'.encode("utf-16"), "UTF-16 dump (save it as UTF-8)"),
        ("binary.csv", b"text\n\x00\x01\x02\x03", "binary file"),
        ("headless.csv", b"\n\n", "no header row"),
        ("empty.jsonl", b"", "no records"),
        ("header-only.csv", b"title,text\n", "no records"),
    ],
)
def test_a_dump_that_cannot_be_read_at_all_is_one_line(
    tmp_path: Path, name: str, content: bytes, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "corpus"
    write_file(root / "good.jsonl", jsonl([{"title": "Fine", "text": "A fine record about puffins."}]))
    write_file(root / name, content)
    with Library.open([root], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert report.added == 1 and report.skipped == [SkippedFile(str(root.resolve() / name), reason)]

        def no_reading(*args, **kwargs):  # type: ignore[no-untyped-def]  # pragma: no cover - failing is the point
            raise AssertionError("read again")

        monkeypatch.setattr(dumps_mod, "_open", no_reading)  # the reason lies in the file: not read until it changes
        again = lib.update()
        assert again.changed == 0 and again.skipped == report.skipped


def test_a_record_is_read_from_its_offset_and_a_page_from_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = mixed_corpus(tmp_path / "corpus")
    with Library.open([root], index_dir=tmp_path / "ix") as lib:
        lib.update()

        def no_extraction(markup: str) -> None:  # pragma: no cover - failing is the point
            raise AssertionError("the page was extracted again")

        def no_scan(*args, **kwargs):  # type: ignore[no-untyped-def]  # pragma: no cover - failing is the point
            raise AssertionError("the dump was read from its start")

        monkeypatch.setattr(html_mod, "_extract", no_extraction)
        html_mod._read_page.cache_clear()
        monkeypatch.setattr(dumps_mod, "iter_dump", no_scan)
        page = lib.read(key_of(root, "politics/bridge.html"), "pangolin")
        assert [page.article.text[a:b] for a, b in page.spans] == ["pangolin"]
        assert page.article.folder == "politics" and page.article.root == str(root)
        record = lib.read(key_of(root, "courts/high/rulings.csv#3"), "ibis")
        assert [record.article.text[a:b] for a, b in record.spans] == ["ibis"]
        assert lib.search("pangolin").hits[0].snippet


def test_a_changed_dump_is_read_afresh_by_the_reader(tmp_path: Path) -> None:
    root = mixed_corpus(tmp_path / "corpus")
    feed = root / "wire" / "feed.jsonl"
    with Library.open([root], index_dir=tmp_path / "ix") as lib:
        lib.update()
        records = [{"title": "Inserted first", "text": "A new first record."}, *JSON_RECORDS]
        feed.write_text(jsonl(records), encoding="utf-8")
        os.utime(feed, ns=(1, 1))
        article = lib.article(key_of(root, "wire/feed.jsonl#1"))  # not indexed again yet: the record as it is now
        assert article.text == "A new first record."


def test_the_manifest_keeps_dump_entries(tmp_path: Path) -> None:
    state = IndexState(schema=4, corpus=["/c"])
    state.dumps["/c/a.jsonl"] = DumpEntry(10, 20, {"text_field": "story"}, ["ab", None, ""], {2: "bad JSON"}, complete=False)
    state.suffixes["/c/x.txt"] = "hilltop ledger"
    state.outlets = ["hilltop ledger"]
    state.files["/c/x.txt"] = (1, 2)
    state.save(tmp_path)
    loaded = IndexState.load(tmp_path)
    assert loaded == state and loaded is not None and loaded.document_count() == 3
    raw = json.loads((tmp_path / "byline-index.json").read_text(encoding="utf-8"))
    raw["dumps"]["/c/a.jsonl"]["records"] = "not a list"
    (tmp_path / "byline-index.json").write_text(json.dumps(raw), encoding="utf-8")
    assert IndexState.load(tmp_path) is None  # unreadable: the index is rebuilt


def test_headline_suffixes_that_recur_become_outlets_and_only_their_articles_are_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "corpus"
    for i in range(10):
        write_file(root / f"l{i}.txt", f"Council approves plan number {i} - Hilltop Ledger\n\nThe council approved plan {i} on Monday.\n")
    for i in range(2):
        write_file(root / f"s{i}.txt", f"Lords wrong on detainees {i} - Straw\n\nThe foreign secretary said the lords were wrong.\n")
    with Library.open([root], index_dir=tmp_path / "ix") as lib:
        reads: list[str] = []
        real = Library.load_document
        monkeypatch.setattr(Library, "load_document", lambda self, stat: reads.append(Path(stat.path).name) or real(self, stat))
        report = lib.update()
        assert (report.added, report.updated) == (12, 0)
        assert sorted(reads[12:]) == [f"l{i}.txt" for i in range(10)]  # read again: their suffix recurs
        outlets = {Path(s.path).name: (s.title, s.outlet) for s in lib.articles()}
        assert outlets["l3.txt"] == ("Council approves plan number 3", "Hilltop Ledger")
        assert outlets["s0.txt"] == ("Lords wrong on detainees 0 - Straw", None)  # a person quoted
        assert lib.search("outlet:hilltop", limit=None).total == 10

        reads.clear()
        write_file(root / "l10.txt", "Council approves plan number 10 - Hilltop Ledger\n\nIt approved plan 10.\n")
        assert lib.update().added == 1 and reads == ["l10.txt"]  # read once, with the outlets the corpus knows
        assert lib.summary(str(root / "l10.txt")).outlet == "Hilltop Ledger"  # type: ignore[union-attr]

        reads.clear()
        for i in range(9):
            (root / f"l{i}.txt").unlink()
        assert lib.update().removed == 9
        assert sorted(reads) == ["l10.txt", "l9.txt"]  # the suffix stopped recurring
        assert {s.outlet for s in lib.articles()} == {None}


def test_a_dump_itself_is_no_article(tmp_path: Path) -> None:
    root = mixed_corpus(tmp_path / "corpus")
    with Library.open([root], index_dir=tmp_path / "ix") as lib:
        lib.update()
        with pytest.raises(UnreadableFile, match="an article per record"):
            lib.article(str(root / "wire" / "feed.jsonl"))
        assert lib.summary(str(root / "wire" / "feed.jsonl")) is None
        assert lib.summary(key_of(root, "wire/feed.jsonl#1")).title == "Talks resume in Geneva"  # type: ignore[union-attr]
        assert lib.quotes(key_of(root, "wire/feed.jsonl#1"))[0].quote.speaker == "Anna Lind"
