"""Dumps (issue 14): JSON Lines and CSV files, one article per record, streamed, malformed records named."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.index.models import Article, SkippedFile
from byline.index.quotes import extract_quotes
from byline.index.sources import (
    DumpOptions,
    UnreadableFile,
    iter_dump,
    iter_file,
    read_file,
    read_record,
    scan_corpus,
)
from byline.index.sources import dumps as dumps_mod
from files_support import write_file


def write(path: Path, content: str | bytes) -> str:
    """Write a dump; returns its resolved path (what an article's ``path`` holds)."""
    return str(write_file(path, content).resolve())


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def skips(path: str, options: DumpOptions | None = None) -> list[tuple[int, str]]:
    return [(i.record, i.skipped.reason) for i in iter_dump(path, options) if i.skipped]


def articles(path: str, options: DumpOptions | None = None) -> list[Article]:
    return [i.article for i in iter_dump(path, options) if i.article]


def test_json_lines_records_are_articles_with_the_usual_fields(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        jsonl(
            {
                "title": "Talks resume in Geneva",
                "text": "“We are cautiously hopeful,” said Anna Lind, the envoy.\r\nTalks go on.",
                "publishedAt": "2024-11-05T08:00:00Z",
                "url": "https://www.example.org/world/talks",
                "source": {"id": "ex", "name": "Example Post"},
                "authors": ["Pat Weaver", "Kim Li"],
            },
            {"headline": "Second", "body": ["Body two.", "Its second paragraph."], "pubdate": 1730793600, "link": "https://news.example.net/b"},
        ),
    )
    first, second = articles(path)
    assert (first.key, first.path, first.record) == (f"{path}#1", path, 1)
    assert first.text == "“We are cautiously hopeful,” said Anna Lind, the envoy.\nTalks go on."
    meta = first.meta
    assert (meta.title, meta.date, meta.outlet, meta.author, meta.url) == (
        "Talks resume in Geneva",
        "2024-11-05",
        "Example Post",
        "Pat Weaver, Kim Li",
        "https://www.example.org/world/talks",
    )
    assert (meta.body_start, meta.title_span) == (0, None)
    assert (second.key, second.meta.title, second.meta.date, second.meta.outlet) == (
        f"{path}#2",
        "Second",
        "2024-11-05",
        "example.net",
    )
    assert second.text == "Body two.\n\nIts second paragraph."
    quotes = extract_quotes(first.text, first.meta.body_start)
    assert [(q.text, q.speaker) for q in quotes] == [("We are cautiously hopeful,", "Anna Lind")]
    assert all(first.text[q.start : q.end] == q.text for q in quotes)


def test_each_malformed_json_record_is_named_and_the_rest_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dumps_mod, "MAX_FILE_SIZE", 200)
    path = write(
        tmp_path / "feed.ndjson",
        jsonl(
            {"title": "One", "text": "First good record."},
            '{"title": "Broken", "text": "no closing brace"',
            "[1, 2, 3]",
            {"title": "No text here"},
            {"title": "Blank", "text": "   "},
            {"title": "Huge", "text": "x" * 500},
            "",
            {"title": "Last", "text": "Last good record."},
        ),
    )
    assert [a.meta.title for a in articles(path)] == ["One", "Last"]
    assert skips(path) == [
        (2, "bad JSON at column 47"),
        (3, "not a JSON object"),
        (4, "no text field"),
        (5, "empty text"),
        (6, "too large"),
    ]
    assert [a.record for a in articles(path)] == [1, 7]  # a blank line is no record


def test_fields_the_user_names(tmp_path: Path) -> None:
    path = write(
        tmp_path / "odd.jsonl",
        jsonl(
            {"head": "Named fields", "story": "The story text.", "when": "7 Nov 2024", "meta": {"site": {"name": "Odd Times"}}},
            {"head": "No story", "text": "A text field, but not the one named."},
        ),
    )
    options = DumpOptions(text_field="story", title_field="head", date_field="when", outlet_field="meta.site.name")
    (article,) = articles(path, options)
    assert (article.text, article.meta.title, article.meta.date, article.meta.outlet) == (
        "The story text.",
        "Named fields",
        "2024-11-07",
        "Odd Times",
    )
    assert skips(path, options) == [(2, "no text field 'story'")]


def test_csv_rows_are_articles_and_rows_with_the_wrong_columns_are_named(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.csv",
        "Title,Text,Published,URL,Media_Name\n"
        '"Talks resume","Line one of the body.\nLine two, with ""quotes"".",2024-11-05,https://x.example.com/a,Example Post\n'
        '"Too few",columns\n'
        "\n"
        '"Third","Body three, fine.",5 Nov 2024,,\n'
        '"Too","many","columns","here","and","more"\n',
    )
    got = articles(path)
    assert [(a.record, a.meta.title, a.meta.date, a.meta.outlet) for a in got] == [
        (1, "Talks resume", "2024-11-05", "Example Post"),
        (3, "Third", "2024-11-05", None),
    ]
    assert got[0].text == 'Line one of the body.\nLine two, with "quotes".'
    assert skips(path) == [(2, "2 columns, the header has 5"), (4, "6 columns, the header has 5")]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tabs.tsv", "headline\tbody\nA title\tThe body, with a comma.\n"),
        ("semi.csv", "headline;body\nA title;The body, with a comma.\n"),
        ("bom.csv", "\ufeffheadline,body\nA title,\"The body, with a comma.\"\n"),
    ],
)
def test_csv_separators_and_a_byte_order_mark(tmp_path: Path, name: str, content: str) -> None:
    (article,) = articles(write(tmp_path / name, content))
    assert (article.meta.title, article.text) == ("A title", "The body, with a comma.")


def test_a_cp1252_line_in_a_csv_export(tmp_path: Path) -> None:
    path = write(tmp_path / "win.csv", "title,text\n".encode() + "Caf\xe9 talks,\x93Yes\x94 \x96 she said.\n".encode("latin-1"))
    (article,) = articles(path)
    assert (article.meta.title, article.text) == ("Café talks", "“Yes” – she said.")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("\ufefftitle,text\nA,B\n".encode("utf-16"), "UTF-16 dump (save it as UTF-8)"),
        (b"\x00\x01\x02 binary", "binary file"),
        (b",,\nA,B\n", "no header row"),
    ],
)
def test_a_dump_that_cannot_be_read_at_all(tmp_path: Path, content: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile) as info:
        list(iter_dump(write(tmp_path / "bad.csv", content)))
    assert info.value.reason == reason


def test_reading_streams_with_progress_per_record(tmp_path: Path) -> None:
    body = "Paragraph of a long generated record. " * 100
    records = 3000
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(records):
            out.write(json.dumps({"title": f"Record {i}", "text": body, "date": "2024-01-01", "url": f"https://e.com/{i}"}) + "\n")
    size = path.stat().st_size
    seen = []
    tracemalloc.start()
    count = 0
    for item in iter_dump(str(path), progress=seen.append):
        count += item.article is not None
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == records
    assert [p.records for p in seen] == list(range(1, records + 1))
    assert seen[-1].bytes_done == seen[-1].bytes_total == size
    assert all(a.bytes_done < b.bytes_done for a, b in zip(seen, seen[1:]))
    assert peak < size / 10  # one record at a time, never the whole file


def test_read_record_goes_back_to_one_record(tmp_path: Path) -> None:
    for name, content in (
        ("a.jsonl", jsonl({"title": "A", "text": "Alpha."}, "{bad", {"title": "C", "text": "Gamma."})),
        ("a.csv", 'title,text\nA,Alpha.\n"B","Beta\nover two lines."\nC,Gamma.\n'),
    ):
        path = write(tmp_path / name, content)
        items = list(iter_dump(path))
        for item in items:
            if item.article is None:
                with pytest.raises(UnreadableFile) as info:
                    read_record(path, item.record, offset=item.offset)
                assert info.value.reason.startswith("bad JSON")
                continue
            assert read_record(path, item.record) == item.article
            assert read_record(path, item.record, offset=item.offset) == item.article
        with pytest.raises(UnreadableFile):
            read_record(path, 99)


def test_the_entry_point_reads_any_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "plain.txt", "A Plain Headline\n\nBody.\n")
    dump = write(corpus / "feeds" / "news.jsonl", jsonl({"title": "From a dump", "text": "Dump body."}, "oops"))
    text_stat, dump_stat = scan_corpus([corpus]).files[0], scan_corpus([corpus]).dumps[0]
    (plain,) = read_file(text_stat).articles
    assert plain.meta.title == "A Plain Headline" and plain.record is None
    got = read_file(dump_stat)
    assert [(a.key, a.folder, a.root) for a in got.articles] == [(f"{dump}#1", "feeds", str(corpus.resolve()))]
    assert got.skipped == [SkippedFile(f"{dump}#2", "bad JSON at column 1")]
    assert [type(x).__name__ for x in iter_file(dump)] == ["Article", "SkippedFile"]


@given(st.lists(st.one_of(st.binary(max_size=60), st.text(max_size=60).map(str.encode)), max_size=8))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_give_records_or_one_reason(tmp_path: Path, lines: list[bytes]) -> None:
    """Whatever a dump holds, reading it yields articles and named skips, or fails as a whole with a reason."""
    for name in ("any.jsonl", "any.csv"):
        path = write(tmp_path / name, b"\n".join(lines))
        try:
            for item in iter_dump(path):
                assert (item.article is None) != (item.skipped is None)
                if item.article is not None:
                    assert item.article.text.strip() and item.article.key == f"{path}#{item.record}"
        except UnreadableFile as exc:
            assert exc.reason
