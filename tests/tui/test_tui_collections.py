"""Real collections in the reader (issue 14): dump records as ``PATH#N`` articles, folders, facets.

The corpus is :func:`sources_support.mixed_corpus`: text files, a web page, a
JSON Lines dump and a CSV dump in four folders, written for the tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from byline.tui.widgets.article_view import ArticleView
from byline.tui.widgets.document_list import DocumentList
from byline.tui.widgets.facet_view import FacetList, facet_term, month_series
from byline.tui.widgets.quote_list import QuoteList
from sources_support import mixed_corpus
from tui_helpers import make_app, plain, screen_lines, settle


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """The mixed corpus, under its own folder."""
    return mixed_corpus(tmp_path / "corpus")


def row_index(docs: DocumentList, key: str) -> int:
    return next(i for i, r in enumerate(docs.rows) if r.key == key)


async def test_a_dump_record_is_its_own_article_addressed_as_path_n(mixed: Path, tmp_path: Path) -> None:
    """Each record is a row; it opens in the reader, its quotation jumps right, and ``y``, the export and the
    session address it as ``PATH#N``."""
    key = f"{mixed}/wire/feed.jsonl#6"
    app = make_app([mixed], tmp_path)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        docs = app.main.documents
        keys = {r.key for r in docs.rows}
        assert {f"{mixed}/wire/feed.jsonl#1", key, f"{mixed}/courts/high/rulings.csv#1", f"{mixed}/courts/high/rulings.csv#3"} <= keys
        assert len(keys) == docs.total == 6
        docs.focus()
        docs.move_cursor(row_index(docs, key))
        await pilot.press("enter")
        await settle(pilot)
        reader = app.main.reader
        assert reader.article is not None and reader.path == key == app.main.shown_path
        assert reader.article.meta.title == "Storm hits the coast" and "narwhal" in reader.article.text
        quotes = app.query_one("#quotes", QuoteList)
        assert quotes.records and all(r.key == key for r in quotes.records)
        record = quotes.records[0]
        assert record.record == 6 and record.path == f"{mixed}/wire/feed.jsonl"
        quotes.focus()
        await pilot.press("enter")
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.focus_span == (record.quote.start, record.quote.end)
        assert reader.article.text[record.quote.start : record.quote.end] == record.quote.text
        quotes.focus()
        await pilot.press("y")
        assert len(copied) == 1 and "Storm hits the coast" in copied[0] and record.quote.text in copied[0]
        target = tmp_path / "quotes.json"
        assert app.main.write_export(str(target), "json", quotes.records)
        exported = json.loads(target.read_text(encoding="utf-8"))
        assert exported[0]["path"] == f"{mixed}/wire/feed.jsonl" and exported[0]["record"] == 6
        assert exported[0]["title"] == "Storm hits the coast" and exported[0]["outlet"] == "stormwatch.example"
        await pilot.press("ctrl+q")
    again = make_app([mixed], tmp_path)
    async with again.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert again.main.reader.path == key  # the session remembers the record, not just its file
        assert again.main.documents.current is not None and again.main.documents.current.key == key


async def test_the_list_and_the_reader_show_the_folder(mixed: Path, tmp_path: Path) -> None:
    """Two folders told apart: the list rows (where there is room) and the reader's header say where each lives."""
    app = make_app([mixed], tmp_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        docs = app.main.documents
        assert {r.folder for r in docs.rows} == {"politics", "wire", "courts/high"}
        docs.focus()
        for key, where in ((f"{mixed}/politics/budget.txt", "in politics"), (f"{mixed}/courts/high/rulings.csv#3", "in courts/high/rulings.csv#3")):
            docs.move_cursor(row_index(docs, key))
            await pilot.press("enter")
            await settle(pilot)
            assert app.main.reader.path == key
            facts = plain(app.query_one("#reader-facts").render())
            assert where in facts
        lines = "\n".join(screen_lines(docs))
        assert "courts/high" in lines and "politics" in lines and "wire" in lines


async def test_the_facets_view_counts_and_narrows_the_query_visibly(mixed: Path, tmp_path: Path) -> None:
    """``F`` shows counts by outlet, folder and month; Enter on a line adds its term to the search bar."""
    app = make_app([mixed], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        main.documents.focus()
        await pilot.press("F")
        await settle(pilot)
        assert main.side_tab == "facets" and main.side_open  # an overlay at 80 columns
        lines = main.side.facets.lines
        assert app.focused is lines
        terms = set(lines.terms.values())
        assert {'outlet:"Example Post"', "path:politics", "path:courts/high", "date:2024-11"} <= terms
        assert "6 articles in the corpus" in plain(main.side.facets.query_one("#facets-summary").render())
        assert main.side.facets.query_one("#facets-months").data == [1, 1, 3, 1]
        lines.highlighted = next(i for i, o in enumerate(lines.options) if lines.terms.get(o.id or "") == "path:politics")
        await pilot.press("enter")
        await settle(pilot)
        assert main.search_bar.value == "path:politics" == main.query_text
        assert not main.side_open and main.documents.total == 2
        assert {r.folder for r in main.documents.rows} == {"politics"}
        await pilot.press("F")  # counted again for the narrowed query
        await settle(pilot)
        assert "2 articles match" in plain(main.side.facets.query_one("#facets-summary").render())
        lines.highlighted = next(i for i, o in enumerate(lines.options) if lines.terms.get(o.id or "") == "date:2024-11")
        await pilot.press("enter")
        await settle(pilot)
        assert main.search_bar.value == "path:politics date:2024-11"
        assert main.documents.total == 2
        await pilot.press("F")
        await settle(pilot)
        lines.highlighted = next(i for i, o in enumerate(lines.options) if lines.terms.get(o.id or "") == "path:politics")
        await pilot.press("enter")  # a term the query holds already is not added again
        await settle(pilot)
        assert main.search_bar.value == "path:politics date:2024-11"
        await pilot.press("ctrl+q")
    again = make_app([mixed], tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.main.side_tab == "facets"  # remembered, and counted for the restored query
        assert "2 articles match" in plain(again.main.side.facets.query_one("#facets-summary").render())


def test_facet_terms_and_month_series() -> None:
    assert facet_term("outlet", 'The "Daily" Post') == 'outlet:"The Daily Post"'
    assert facet_term("folder", "bbc/politics") == "path:bbc/politics"
    assert facet_term("folder", "my files/2024") == 'path:"my files/2024"'
    assert facet_term("month", "2024-11") == "date:2024-11"
    assert month_series({"2024-11": 2, "2025-02": 1}) == [2, 0, 0, 1]
    assert month_series({}) == [] and month_series({"bad": 3}) == []


def test_facet_list_caps_long_facets() -> None:
    from byline.index.models import Facets
    from byline.tui.widgets import facet_view

    many = {f"outlet {i}": 1 for i in range(facet_view.MAX_LINES + 5)}
    options = FacetList()
    options.fill(Facets(total=65, outlet=many))
    assert len(options.terms) == facet_view.MAX_LINES
    assert "5 more" in str(options.options[-1].prompt)
