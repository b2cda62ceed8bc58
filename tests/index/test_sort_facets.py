"""Sorting the whole match set, ``path:`` and facets (issue 14, part 2), on the mixed corpus of the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.index.library import Library
from files_support import write_file
from sources_support import ARTICLES, OUTLETS, jsonl, mixed_corpus


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The mixed corpus, an undated article at its top, and a dump of twelve records: indexed once."""
    tmp = tmp_path_factory.mktemp("sorting")
    root = mixed_corpus(tmp / "corpus")
    write_file(root / "undated.txt", "An undated note\n\nSomebody said nothing in particular.\n")
    write_file(root / "wire" / "briefs.jsonl", jsonl([{"title": f"Brief {i:02d}", "text": f"Brief {i} said little."} for i in range(1, 13)]))
    library = Library.open([root], index_dir=tmp / "ix")
    library.update()
    library.root = root  # type: ignore[attr-defined]
    yield library
    library.close()


def places(lib: Library, keys: list[str]) -> list[str]:
    root = str(lib.root)  # type: ignore[attr-defined]
    return [k[len(root) + 1 :] for k in keys]


def test_sort_by_date_sorts_every_match_newest_first_undated_last(lib: Library) -> None:
    result = lib.search("said", limit=None, sort="date")
    dates = [h.date for h in result.hits]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[len(dated) :] == [None] * (len(dates) - len(dated))
    assert places(lib, [h.key for h in result.hits])[:2] == ["wire/feed.jsonl#6", "courts/high/rulings.csv#1"]
    first = lib.search("said", limit=1, sort="date")  # the newest of all the matches, not of a page
    assert (first.total, first.hits[0].key) == (result.total, result.hits[0].key)
    assert first.hits[0].score > 0 and first.hits[0].spans


def test_sort_by_title_outlet_and_path(lib: Library) -> None:
    titles = [h.title for h in lib.search("said", limit=None, sort="title").hits]
    assert titles == sorted(titles, key=str.casefold)
    outlets = [h.outlet for h in lib.search("said", limit=None, sort="outlet").hits]
    known = [o for o in outlets if o]
    assert known == sorted(known, key=str.casefold) and outlets[len(known) :] == [None] * (len(outlets) - len(known))
    briefs = places(lib, [h.key for h in lib.search("brief", limit=None, sort="path").hits])
    assert briefs == [f"wire/briefs.jsonl#{i}" for i in range(1, 13)]  # record 2 before record 10
    assert [s.record for s in lib.articles(sort="path") if s.path.endswith("briefs.jsonl")] == list(range(1, 13))
    with pytest.raises(ValueError, match="unknown sort order"):
        lib.search("said", sort="size")


def test_path_searches_folder_and_file_name_parts(lib: Library) -> None:
    def found(query: str) -> set[str]:
        return set(places(lib, [h.key for h in lib.search(query, limit=None).hits]))

    assert found("path:politics") == {"politics/budget.txt", "politics/bridge.html"}
    assert found("path:high") == found("folder:courts") == {"courts/high/rulings.csv#1", "courts/high/rulings.csv#3"}
    assert found("path:rulings") == found('path:"courts/high"') == found("path:csv")
    assert found("path:bridge") == {"politics/bridge.html"}
    assert found("path:wire AND quokka") == {"wire/feed.jsonl#1"}
    assert found("path:nowhere") == set()


def test_facets_count_outlets_folders_and_months(lib: Library) -> None:
    facets = lib.facets()
    assert facets.total == len(lib) == len(ARTICLES) + 13
    assert facets.outlet == OUTLETS
    assert facets.folder == {"wire": 14, "courts": 2, "courts/high": 2, "politics": 2}
    assert facets.month == {"2024-09": 1, "2024-10": 1, "2024-11": 3, "2024-12": 1}

    courts = lib.facets("path:courts")
    assert (courts.total, courts.searched) == (2, "path:courts")
    assert courts.outlet == {"Law Daily": 1, "Town Crier": 1} and courts.month == {"2024-09": 1, "2024-11": 1}
    assert lib.facets("zyzzyva").total == 0
    nothing = lib.facets("AND")
    assert nothing.total == 0 and not nothing.searched and nothing.notices


def test_sorted_hits_keep_their_relevance_scores(lib: Library) -> None:
    relevance = {h.key: h.score for h in lib.search("said OR brief", limit=None).hits}
    by_title = lib.search("said OR brief", limit=5, sort="title").hits
    assert len(by_title) == 5 and all(h.score == relevance[h.key] > 0 for h in by_title)


def test_a_new_article_takes_its_place_in_the_order(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    for day in (3, 1, 2):
        write_file(root / f"d{day}.txt", f"Heron count {day}\n\nPublish date : 2024-05-0{day}\n\nThe heron count went on.\n")
    with Library.open([root], index_dir=tmp_path / "ix") as lib:
        lib.update()
        assert [h.date for h in lib.search("heron", sort="date").hits] == ["2024-05-03", "2024-05-02", "2024-05-01"]
        write_file(root / "d9.txt", "Heron count 9\n\nPublish date : 2024-05-09\n\nThe heron count ended.\n")
        lib.update()
        assert [h.date for h in lib.search("heron", limit=2, sort="date").hits] == ["2024-05-09", "2024-05-03"]
        (root / "d3.txt").unlink()  # a deleted document keeps no place in the list
        lib.update()
        assert [s.date for s in lib.articles()] == ["2024-05-09", "2024-05-02", "2024-05-01"]
        assert [s.title for s in lib.articles(sort="title")] == ["Heron count 1", "Heron count 2", "Heron count 9"]
