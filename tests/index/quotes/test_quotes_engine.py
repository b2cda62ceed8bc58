"""Quotes through the engine and the CLI: stored in the index, searchable, listed with offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from byline.cli import main
from byline.index.library import Library, sample_corpus

EXPECTED_SPEAKERS = {
    "Vladimir Putin",
    "Dmitry Medvedev",
    "Sergey Lavrov",
    "Konstantin Kosachev",
    "Dmitry Peskov",
}


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    library = Library.open([sample_corpus()], index_dir=tmp_path_factory.mktemp("ix"))
    library.update()
    yield library
    library.close()


def test_quotes_offsets_slice_the_article_text(lib: Library) -> None:
    records = lib.all_quotes()
    assert records
    texts: dict[str, str] = {}
    for rec in records:
        text = texts.setdefault(rec.path, lib.article(rec.path).text)
        assert text[rec.quote.start : rec.quote.end] == rec.quote.text


def test_quotes_of_an_article_are_in_reading_order(lib: Library) -> None:
    path = str(sample_corpus() / "003_4aedde6dc7f46a07.txt")
    starts = [r.quote.start for r in lib.quotes(path)]
    assert starts == sorted(starts) and len(starts) >= 5


def test_speakers_with_roles_and_counts(lib: Library) -> None:
    speakers = {s.name: s for s in lib.speakers()}
    assert EXPECTED_SPEAKERS <= set(speakers)
    assert speakers["Sergey Lavrov"].role == "Foreign Minister"
    assert speakers["Konstantin Kosachev"].role == "Vice Speaker of Russia’s Federation Council"
    assert speakers["Dmitry Peskov"].role and "spokesman" in speakers["Dmitry Peskov"].role.lower()
    assert speakers["Dmitry Medvedev"].articles == 3
    assert speakers["Konstantin Kosachev"].articles == 1
    assert speakers["Konstantin Kosachev"].quotes >= 4
    # one canonical name per person: no bare surnames left over
    assert not {"Medvedev", "Putin", "Lavrov", "Kosachev", "Peskov"} & set(speakers)


def test_quotes_by_surname(lib: Library) -> None:
    records = lib.quotes_by("Kosachev")
    assert records and all(r.quote.speaker == "Konstantin Kosachev" for r in records)
    assert {Path(r.path).name for r in records} == {"003_4aedde6dc7f46a07.txt"}


def test_same_words_quoted_elsewhere(lib: Library) -> None:
    records = [r for r in lib.all_quotes() if r.quote.text.strip(" .,").lower() in {"banalities", "russophobic course"}]
    assert len(records) == 4
    for rec in records:
        assert len(rec.also_in) == 1 and rec.also_in[0] != rec.path


def test_terms_are_never_attributed(lib: Library) -> None:
    for rec in lib.all_quotes():
        if rec.quote.kind == "term":
            assert rec.quote.speaker is None
    terms = {r.quote.text for r in lib.all_quotes() if r.quote.kind == "term"}
    assert "lend-lease" in terms and "America First" in terms


def test_speaker_search(lib: Library) -> None:
    assert [Path(h.path).name for h in lib.search("speaker:Kosachev").hits] == ["003_4aedde6dc7f46a07.txt"]
    medvedev = {Path(h.path).name for h in lib.search('speaker:"Dmitry Medvedev"').hits}
    assert medvedev == {"000_4c4c9962fd6196e4.txt", "001_3c97b7e833a7f5e1.txt", "004_725359539153adbd.txt"}


def test_quote_text_search_highlights_inside_quotes_only(lib: Library) -> None:
    result = lib.search("quote:banalities")
    assert len(result.hits) == 2
    for hit in result.hits:
        text = lib.article(hit.path).text
        assert [text[s:e] for s, e in hit.spans] == ["banalities"]


def test_cli_quotes_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows
    for row in rows:
        assert {"path", "start", "end", "text", "speaker", "role", "cue", "partial", "also_in"} <= set(row)
        text = Path(row["path"]).read_text(encoding="utf-8")
        assert text[row["start"] : row["end"]] == row["text"]
    assert EXPECTED_SPEAKERS <= {r["speaker"] for r in rows if r["speaker"]}


def test_cli_quotes_by_speaker_and_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--speaker", "Peskov", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and {r["speaker"] for r in rows} == {"Dmitry Peskov"}
    assert main(["speakers", "--json"]) == 0
    speakers = {json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()}
    assert EXPECTED_SPEAKERS <= speakers
    assert main(["speakers"]) == 0
    out = capsys.readouterr().out
    assert "Konstantin Kosachev" in out and "Foreign Minister" in out
    assert main(["quotes"]) == 0
    out = capsys.readouterr().out
    assert "Dmitry Peskov" in out and "(term)" in out


def test_speakers_merge_only_agreeing_full_names_and_mark_organisations(write, tmp_path: Path) -> None:
    """Across articles: spelling variants of one full name merge, a bare surname never joins another
    article's full name, organisations are marked (``Speaker.kind``)."""
    write("a.txt", "Moscow talks.\n\n“We are ready,” Foreign Minister Sergey Lavrov said on Monday.\n")
    write("b.txt", "More talks.\n\n“We are still ready,” Sergei Lavrov told reporters.\n")
    write("c.txt", "Trade news.\n\n“Prices will rise,” Wang said.\n")
    write("d.txt", "Tech news.\n\n“Sales will rise,” Charles Wang said.\n")
    write("e.txt", "Kremlin news.\n\n“No comment,” the Kremlin said.\n")
    library = Library.open([write.root], index_dir=tmp_path / "ix")
    try:
        library.update()
        speakers = {s.name: s for s in library.speakers()}
    finally:
        library.close()
    assert speakers["Sergey Lavrov"].quotes == 2 and "Sergei Lavrov" not in speakers
    assert speakers["Wang"].quotes == 1 and speakers["Charles Wang"].quotes == 1
    assert speakers["Kremlin"].kind == "organisation"
    assert speakers["Sergey Lavrov"].kind == speakers["Wang"].kind == "person"
