"""What a reader opening a big index needs first is kept on disk per index state (issue 15: the app's first
paint at 100,000 articles): the document numbers of each list order, so a first page decodes only its own
articles, and the speaker names merged across the corpus, so the first article read does not merge them all.
Each kept file is used only for the index state it was made on, and a damaged one is worked out again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from byline.index.library import Library
from byline.index.store import reader as store_reader
from files_support import write_file


def _article(title: str, date: str, speaker: str, words: str) -> str:
    return f"{title}\n\nPublished: {date}\n\n“{words},” {speaker} said on Tuesday. “We will see what comes next,” {speaker.split()[-1]} added.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    people = ["Maria Lopez", "John Carter", "Anna Berg", "Maria López", "Peter Wong"]
    for i in range(12):
        write_file(root / f"a{i:02}.txt", _article(f"Story {i:02}", f"2024-03-{i + 1:02}", people[i % 5], f"Point {i} stands"))
    return root


def _fresh(root: Path, index: Path) -> Library:
    """A library as a new process opens it: nothing read into memory yet."""
    return Library.open([root], index_dir=index)


def _summaries_loaded(lib: Library) -> bool:
    with lib._store._reading() as s:  # the test looks inside: nothing else says whether summaries were read
        return lib._summaries.loaded(store_reader._leaves(s))


def test_a_first_page_in_a_kept_order_reads_only_that_page(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    with _fresh(corpus, index) as lib:
        lib.update()
        whole = [s.key for s in lib.articles(sort="date")]  # works the order out, and keeps it
        titles = [s.key for s in lib.articles(sort="title")]
    assert (index / "summaries").is_dir()
    with _fresh(corpus, index) as lib:
        page = lib.articles(sort="date", limit=4)
        assert [s.key for s in page] == whole[:4]
        assert page[0].title == "Story 11" and page[0].date == "2024-03-12"
        assert not _summaries_loaded(lib)  # the page came from four articles' stored fields
        assert [s.key for s in lib.articles(sort="title", limit=3)] == titles[:3]
        assert [s.key for s in lib.articles(sort="date")] == whole  # everything, the same order
        assert _summaries_loaded(lib)
        assert [s for s in lib.articles(sort="date", limit=4)] == page


def test_a_kept_order_is_not_used_once_the_index_changed(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    with _fresh(corpus, index) as lib:
        lib.update()
        lib.articles(sort="date")
    write_file(corpus / "newest.txt", _article("The newest story", "2025-01-01", "Anna Berg", "Later still"))
    (corpus / "a11.txt").unlink()
    with _fresh(corpus, index) as lib:
        lib.update()
    with _fresh(corpus, index) as lib:
        page = lib.articles(sort="date", limit=2)
        assert [s.title for s in page] == ["The newest story", "Story 10"]
        assert [s.key for s in lib.articles(sort="date")][:2] == [s.key for s in page]


@pytest.mark.parametrize("damage", ["[1, 2", '{"format": 1, "tag": "x", "stamp": "y", "value": [0]}', "garbage"])
def test_a_damaged_kept_order_or_name_map_is_worked_out_again(corpus: Path, tmp_path: Path, damage: str) -> None:
    index = tmp_path / "ix"
    with _fresh(corpus, index) as lib:
        lib.update()
        whole = [s.key for s in lib.articles(sort="date")]
        quotes = lib.read(whole[0]).quotes
    kept = sorted((index / "summaries").glob("*order-date.json")) + sorted((index / "summaries").glob("speaker-names*.json"))
    assert len(kept) == 2
    for f in kept:
        f.write_text(damage, encoding="utf-8")
    with _fresh(corpus, index) as lib:
        assert [s.key for s in lib.articles(sort="date", limit=5)] == whole[:5]
        assert lib.read(whole[0]).quotes == quotes


def test_a_kept_order_of_the_right_state_with_numbers_out_of_range_is_not_trusted(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    with _fresh(corpus, index) as lib:
        lib.update()
        whole = [s.key for s in lib.articles(sort="date")]
    (kept,) = (index / "summaries").glob("*order-date.json")
    data = json.loads(kept.read_text(encoding="utf-8"))
    data["value"] = [d + 1000 for d in data["value"]]  # right stamp, wrong numbers
    kept.write_text(json.dumps(data), encoding="utf-8")
    with _fresh(corpus, index) as lib:
        assert [s.key for s in lib.articles(sort="date", limit=3)] == whole[:3]


def test_speaker_names_merged_across_the_corpus_are_kept_for_the_index_state(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    with _fresh(corpus, index) as lib:
        lib.update()
        names = {q.quote.speaker for k in [s.key for s in lib.articles()] for q in lib.read(k).quotes} - {None}
    assert "Maria Lopez" in names or "Maria López" in names
    assert not ({"Maria Lopez", "Maria López"} <= names)  # one person across articles
    (kept,) = (index / "summaries").glob("speaker-names*.json")
    data = json.loads(kept.read_text(encoding="utf-8"))
    assert data["value"]["Peter Wong"] == "Peter Wong"
    data["value"]["Peter Wong"] = "Somebody Else"  # what a later open reads back, for this state only
    kept.write_text(json.dumps(data), encoding="utf-8")
    with _fresh(corpus, index) as lib:
        assert any(q.quote.speaker == "Somebody Else" for k in [s.key for s in lib.articles()] for q in lib.read(k).quotes)
    write_file(corpus / "more.txt", _article("More", "2024-05-01", "Peter Wong", "Another point"))
    with _fresh(corpus, index) as lib:
        lib.update()  # a new state: merged again
        speakers = {q.quote.speaker for k in [s.key for s in lib.articles()] for q in lib.read(k).quotes} - {None}
    assert "Peter Wong" in speakers and "Somebody Else" not in speakers


def test_the_speaker_list_is_kept_for_the_index_state(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    with _fresh(corpus, index) as lib:
        lib.update()
        first = lib.speakers()
    assert [s.name for s in first][:1] and all(s.quotes >= 1 and s.articles >= 1 for s in first)
    (kept,) = (index / "summaries").glob("speakers*.json")
    with _fresh(corpus, index) as lib:
        assert lib.speakers() == first  # read back
    kept.write_text('{"format": 1, "tag": "speakers2", "stamp": "other", "value": []}', encoding="utf-8")
    with _fresh(corpus, index) as lib:
        assert lib.speakers() == first  # another state's list: counted again
    kept.write_text(kept.read_text(encoding="utf-8").replace('"person"', '"robot"'), encoding="utf-8")
    with _fresh(corpus, index) as lib:
        assert lib.speakers() == first  # not a list of speakers: counted again


def test_one_summary_is_one_lookup_until_every_summary_is_read(corpus: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    with _fresh(corpus, index) as lib:
        lib.update()
        every = {s.key: s for s in lib.articles()}
    key = sorted(every)[3]
    with _fresh(corpus, index) as lib:
        assert lib.summary(key) == every[key]
        assert lib.summary(str(corpus / "nowhere.txt")) is None
        assert not _summaries_loaded(lib)  # what "also in" and a citation ask for, before the list has read them all
        lib.articles()
        assert lib.summary(key) == every[key]


def test_byline_index_leaves_the_name_merge_ready_for_the_first_article_read(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """After a pass that changed something, ``byline index`` works out the corpus's name merge and speaker list
    and keeps them, so a reader's first article or open speakers tab does not wait (at 100,000 articles: seconds)."""
    from byline.cli import main

    index = tmp_path / "ix"
    assert main(["index", str(corpus), "--index", str(index)]) == 0
    kept = sorted((index / "summaries").glob("speaker*.json"))
    assert [f.name.removesuffix(".json").rstrip("0123456789") for f in kept] == ["speaker-names", "speakers"]  # whatever their tags' versions
    with _fresh(corpus, index) as lib:
        assert all(json.loads(f.read_text(encoding="utf-8"))["stamp"] == lib._speakers._stamp() for f in kept)
    for f in kept:
        f.unlink()
    assert main(["index", str(corpus), "--index", str(index)]) == 0  # nothing changed: nothing worked out
    assert not list((index / "summaries").glob("speaker*.json"))
    capsys.readouterr()
