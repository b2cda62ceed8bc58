"""``byline quotes --json`` from the quotation lines kept beside the index: byte for byte the records' JSON.

The command prints lines spliced from pieces encoded once per article
(``byline.index.quotejson``); the reference is the slow path it replaced: every
:class:`QuoteRecord` of ``Library.all_quotes`` encoded whole. The corpus holds
what could break a splice: escapes in text, titles and file names, dump records
(``PATH#N``), the same words quoted in several articles (``also_in``), a name
merged across the corpus, and files changed, added and removed between runs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from byline.cli import main
from byline.commands import _quote_json
from byline.display import json_line
from byline.index.library import Library
from files_support import write_file

ODD_NAME = os.fsdecode(b"caf\xe9 \x1b[1m.txt")
"""A file name that is not UTF-8 and holds an escape sequence."""


def article(title: str, body: str) -> str:
    return f"{title}\n\nBy Staff Writer\nNovember 7, 2024\n\n{body}\n"


def make_corpus(root: Path) -> None:
    write_file(
        root / "wire" / "lavrov.txt",
        article(
            'Talks "on hold" \\ say officials',
            "“We will respond to every provocation,” Foreign Minister Sergey Lavrov said on Tuesday.\n\n"
            "“The door stays open\u2028 for now \u202egnp.exe \x9b2J,” Lavrov added, before leaving the room.",
        ),
    )
    write_file(
        root / "wire" / "copy.txt",
        article("Moscow answers", "“We will respond to every provocation,” Sergei Lavrov told reporters.\n\nNothing else was said."),
    )
    write_file(
        root / ODD_NAME,
        article("Café [bold]news[/]", "“Prices will fall \x1b[31mnext year\x1b[0m,” said Jane Roe, an economist at Example Bank."),
    )
    records = [
        {"title": "Harbour record one", "date": "2024-11-02", "text": "“The harbour is closed,” harbour master Anna Lind said. It was."},
        {"title": "Harbour record two", "date": "2024-11-03", "text": "“The harbour is closed,” Anna Lind said again, to nobody."},
    ]
    write_file(root / "wire" / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in records))


def expected(root: Path, index: Path, speaker: str | None = None) -> str:
    """The lines the records of the object path encode to."""
    with Library.open([str(root)], index_dir=index) as lib:
        return "".join(json_line(_quote_json(rec)) + "\n" for rec in lib.all_quotes(speaker=speaker))


def quotes_json(capsys: pytest.CaptureFixture[str], root: Path, index: Path, *more: str) -> tuple[int, str]:
    code = main(["quotes", str(root), "--index", str(index), "--json", *more])
    out, _ = capsys.readouterr()
    return code, out


def test_quotes_json_is_the_records_json_byte_for_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, index = tmp_path / "corpus", tmp_path / "ix"
    make_corpus(root)
    code, out = quotes_json(capsys, root, index)
    assert code == 0
    assert out == expected(root, index)
    quotes = [json.loads(line) for line in out.splitlines()]
    assert len(quotes) >= 6
    harbour = [q for q in quotes if q["record"] is not None and "harbour is closed" in q["text"]]
    assert sorted(q["also_in"] for q in harbour) == [[f"{root}/wire/feed.jsonl#1"], [f"{root}/wire/feed.jsonl#2"]]
    lavrov = [q for q in quotes if "every provocation" in q["text"]]
    assert len(lavrov) == 2 and all(len(q["also_in"]) == 1 for q in lavrov)
    assert {q["speaker"] for q in lavrov} == {"Sergey Lavrov"}  # Sergei merged with Sergey across the corpus
    odd = [q for q in quotes if q["path"] == f"{root}/{ODD_NAME}"]
    assert odd and "\\udce9" in out and "\\u2028" in out and "\\u202e" in out and "\\u009b" in out
    assert "\x1b" not in out and "\u2028" not in out and "\x9b" not in out

    again, out_again = quotes_json(capsys, root, index)  # now from the lines kept beside the index
    assert again == 0 and out_again == out
    assert list((index / "summaries").glob("quotelines1-*.lines"))

    code, out = quotes_json(capsys, root, index, "--speaker", "Lavrov")
    assert code == 0 and out == expected(root, index, "Lavrov") and len(out.splitlines()) == 3
    code, out = quotes_json(capsys, root, index, "--speaker", "Nobody Atall")
    assert code == 1 and out == ""


def test_changed_added_and_removed_articles_are_listed_as_they_are_now(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, index = tmp_path / "corpus", tmp_path / "ix"
    make_corpus(root)
    (root / "wire" / "copy.txt").unlink()  # no Sergei yet: nothing to merge
    quotes_json(capsys, root, index)

    write_file(
        root / "wire" / "copy.txt",
        article("Moscow answers", "“We will respond to every provocation,” Sergei Lavrov told reporters."),
    )
    write_file(root / "wire" / "lavrov.txt", article("Talks resume", "“All is well,” Sergey Lavrov said, smiling."))
    (root / ODD_NAME).unlink()
    code, out = quotes_json(capsys, root, index)
    assert code == 0 and out == expected(root, index)
    quotes = [json.loads(line) for line in out.splitlines()]
    assert {q["text"] for q in quotes if q["path"].endswith(".txt")} == {"We will respond to every provocation,", "All is well,"}
    assert {q["speaker"] for q in quotes if "Lavrov" in (q["speaker"] or "")} == {"Sergey Lavrov"}
    assert not any(q["path"].endswith(ODD_NAME) for q in quotes)


def test_damaged_or_foreign_quotation_files_are_made_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, index = tmp_path / "corpus", tmp_path / "ix"
    make_corpus(root)
    quotes_json(capsys, root, index)
    write_file(root / "later.txt", article("Later", "“Nothing new,” Jane Roe said."))
    _, first = quotes_json(capsys, root, index)  # a second segment, a second file of lines
    kept = sorted((index / "summaries").glob("quotelines1-*.lines"))
    assert len(kept) == 2
    head = kept[0].read_text(encoding="utf-8").split("\n", 1)[0]  # the right header, lines not ours
    count = json.loads(head)["count"]
    kept[0].write_text(head + "\n" + "not\x00ours\n" * count, encoding="utf-8")
    for other in kept[1:]:
        other.write_bytes(b"\xff\xfe garbage")
    for names in (index / "summaries").glob("speaker-names*.json"):
        names.write_text('{"format": 1, "tag": "speaker-names1", "stamp": "x", "value": {}}', encoding="utf-8")
    code, out = quotes_json(capsys, root, index)
    assert code == 0 and out == first
