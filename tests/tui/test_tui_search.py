"""The reader over the sample corpus: launch, search as you type, the search bar, hits, the counter, focus, paging, help."""

from __future__ import annotations

from pathlib import Path

import pytest
from byline.index.library import Library
from byline.tui.screens.help import HelpScreen
from byline.tui.widgets.article_view import ArticleView
from byline.tui.widgets.document_list import DocumentList
from byline.tui.widgets.quote_list import QuoteList
from byline.tui.widgets.search_bar import MAX_QUERY, SearchBar
from textual.widgets import Input
from tui_helpers import make_app, record_notices, screen_lines, settle


async def test_launch_lists_every_article_with_search_focused(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        docs = app.main.documents
        assert docs.row_count == 5 and docs.total == 5
        assert isinstance(app.focused, Input) and app.focused.id == "query"
        assert app.sub_title == "seeds · 5 articles"
        assert docs.border_title == "Articles · 5 · by date"
        # the first article is open in the reader
        assert app.main.reader.path == docs.rows[0].key == app.main.shown_path


async def test_typing_narrows_the_list_and_lights_the_engine_spans(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        docs = app.main.documents
        assert docs.row_count == 1
        row = docs.rows[0]
        with Library.open([seeds], index_dir=tmp_path / "index") as lib:
            article = lib.article(row.key)
            expected = lib.spans(article, "Kosachev")
        assert expected and row.hits == len(expected)
        view = app.query_one(ArticleView)
        assert app.main.reader.path == row.key
        assert list(view.hits) == sorted(expected)
        assert all(view.text[s:e].casefold() == "kosachev" for s, e in view.hits)
        assert app.main.reader.counter == f"1/{len(expected)}"
        notice = app.query_one("#search-notice")
        assert "1 article matches Kosachev" in str(notice.render())


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_the_reader_lands_on_the_first_hit(seeds: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """Opening an article with a query scrolls to its first hit, which is current."""
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(*"sanctions")
        await settle(pilot)
        docs = app.main.documents
        assert docs.row_count >= 2
        view = app.query_one(ArticleView)
        for index in range(docs.row_count):
            docs.focus()
            docs.cursor = index
            await settle(pilot)
            assert app.main.reader.path == docs.rows[index].key
            assert view.hits and view.current_hit == 0
            assert view.line_of(view.hits[0][0]) in view.visible_lines()
            if view.line_of(view.hits[0][0]) > view.scrollable_content_region.height:
                assert view.scroll_y > 0  # it scrolled there
            assert app.main.reader.counter == f"1/{len(view.hits)}"


async def test_the_current_hit_looks_different_and_the_margin_and_ruler_mark_hits(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        view = app.query_one(ArticleView)
        current = view.get_component_rich_style("article-view--current-hit")
        other = view.get_component_rich_style("article-view--hit")
        assert current.bgcolor != other.bgcolor  # a different colour, not only bold
        assert current.underline
        line = view.line_of(view.hits[0][0]) - int(view.scroll_y)
        segments = list(view.render_line(line))
        assert "".join(s.text for s in segments if s.style and s.style.bgcolor == current.bgcolor) == "Kosachev"
        drawn = screen_lines(view)
        assert drawn[line].startswith("▶ ")  # the current hit's line is marked in the margin
        others = [view.line_of(s) - int(view.scroll_y) for s, _ in view.hits[1:]]
        visible = [y for y in others if 0 <= y < len(drawn) and y != line]
        assert visible and all(drawn[y].startswith("▌ ") for y in visible)
        # the ruler on the right: one mark for the current hit, marks for the others, over the whole article
        ruler = [text[-1] for text in drawn]
        assert ruler.count("◆") == 1 and ruler.count("■") >= 1
        await pilot.press("tab", "tab", "n")
        assert view.current_hit == 1
        line2 = view.line_of(view.hits[1][0]) - int(view.scroll_y)
        assert screen_lines(view)[line2].startswith("▶ ")


async def test_empty_query_lists_every_article_again(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"banalities")
        await settle(pilot)
        assert app.main.documents.row_count == 2
        for _ in "banalities":
            await pilot.press("backspace")
        await settle(pilot)
        assert app.main.documents.row_count == 5
        assert app.query_one(ArticleView).hits == ()


async def test_enter_searches_and_moves_to_the_results(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.main.search_bar.input.value = "sanction"
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.documents.row_count == 3
        assert app.focused is app.main.documents


async def test_search_bar_history_escape_and_down_to_the_results(seeds: Path, tmp_path: Path) -> None:
    """↑/↓ walk the queries searched (kept per corpus across launches); Esc clears; ↓ moves to the results."""
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.main.search_bar
        for query in ("putin", "sanction", "Kosachev"):
            bar.input.value = query
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("slash")
        assert bar.history == ["putin", "sanction", "Kosachev"]
        await pilot.press("escape")
        await settle(pilot)
        assert bar.value == "" and app.main.documents.row_count == 5  # cleared, every article listed
        await pilot.press("up")
        await settle(pilot)
        assert bar.value == "Kosachev" and app.main.query_text == "Kosachev" and app.main.documents.row_count == 1
        await pilot.press("up", "up")
        await settle(pilot)
        assert bar.value == "putin"
        await pilot.press("up")
        assert bar.value == "putin"  # the oldest stays
        await pilot.press("down", "down", "down")
        await settle(pilot)
        assert bar.value == ""  # back to what was being typed
        assert app.focused is bar.input
        await pilot.press("down")
        assert app.focused is app.main.documents
        await pilot.press("ctrl+q")
    again = make_app([seeds], tmp_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("up")
        await settle(pilot)
        assert again.main.search_bar.value == "Kosachev"
        assert again.main.search_bar.history == ["putin", "sanction", "Kosachev"]
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("Another corpus\n\nNothing quoted.\n", encoding="utf-8")
    elsewhere = make_app([other], tmp_path / "o")
    async with elsewhere.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert elsewhere.main.search_bar.history == []  # the history belongs to its corpus


async def test_a_long_paste_typed_as_keys_is_cut_and_stays_responsive(seeds: Path, tmp_path: Path) -> None:
    """Keys past the limit are dropped without work; the query is cut at MAX_QUERY characters, and says so."""
    app = make_app([seeds], tmp_path)
    seen = record_notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        field = app.main.search_bar.input
        field.value = "a " * (MAX_QUERY // 2 - 1)
        await settle(pilot)
        await pilot.press(*("xyz" * 30))  # a paste arriving as keystrokes, well past the limit
        await settle(pilot)
        assert len(field.value) == MAX_QUERY
        assert app.main.query_text == field.value
        assert sum("cut at 2,000 characters" in n for n in seen) == 1  # said once, not once per key
        # a bracketed paste is cut too, not refused
        field.value = ""
        await settle(pilot)
        field.insert_text_at_cursor("sanction " * 500)
        assert len(field.value) == MAX_QUERY and field.value.startswith("sanction sanction")
        await settle(pilot)
        assert app.is_running


async def test_n_and_shift_n_step_through_hits_and_the_counter_follows(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        await pilot.press("tab")  # leave the search bar: n is a letter there
        view = app.query_one(ArticleView)
        reader = app.main.reader
        total = len(view.hits)
        assert total >= 3
        await pilot.press("n")
        assert view.current_hit == 1 and reader.counter == f"2/{total}"
        await pilot.press("n", "n")
        assert reader.counter == f"4/{total}"
        assert view.line_of(view.hits[3][0]) in view.visible_lines()
        await pilot.press("N")
        assert reader.counter == f"3/{total}"
        for _ in range(total):
            await pilot.press("n")
        assert reader.counter == f"3/{total}"  # wraps around
        assert f"3/{total}" in str(app.query_one("#reader-status").render())


async def test_n_typed_in_the_search_bar_is_a_letter(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n", "a", "t", "o", "q", "p", "s", "S")
        assert app.main.search_bar.value == "natoqpsS"
        assert app.is_running


async def test_tab_order_and_slash_back_to_search(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        order = []
        for _ in range(4):
            order.append(app.focused.id if app.focused else None)
            await pilot.press("tab")
        # this article has many quotations: a filter comes first
        assert order == ["query", "documents", "article", "quotes-filter"]
        assert app.focused is app.query_one(QuoteList)
        await pilot.press("tab")
        assert app.focused is app.main.search_bar.input  # and round again
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert app.focused is app.query_one(ArticleView)
        await pilot.press("slash")
        assert app.focused is app.main.search_bar.input


async def test_list_keys_move_the_cursor_and_open_articles(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        docs = app.main.documents
        docs.focus()
        await pilot.press("j")
        assert docs.cursor == 1
        await pilot.press("end")
        assert docs.cursor == 4
        await pilot.press("k", "home")
        assert docs.cursor == 0
        await pilot.press("pagedown")
        assert docs.cursor > 0
        await pilot.press("pageup", "down", "enter")
        await settle(pilot)
        assert app.main.reader.path == docs.rows[1].key
        assert app.focused is app.query_one(ArticleView)


async def test_malformed_queries_show_the_engine_message_in_place(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        notice = app.query_one("#search-notice")
        field = app.main.search_bar.input
        for bad in ['"unclosed phrase', "title:(", "AND OR NOT", "*", "a*", "speaker:", ")))((("]:
            field.value = bad
            await settle(pilot)
            assert app.is_running
            text = str(notice.render())
            assert text.strip(), bad
            if bad in ("AND OR NOT", "*", "a*", "speaker:"):
                assert notice.has_class("-warning"), (bad, text)
        field.value = '"Russophobic course'
        await settle(pilot)
        assert app.main.documents.row_count == 2
        assert notice.has_class("-warning")


async def test_help_screen_opens_with_f1_and_question_mark_and_closes(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("tab")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # closes help; does not quit
        assert not isinstance(app.screen, HelpScreen) and app.is_running
        app.main.search_bar.input.focus()
        await pilot.press("question_mark")
        assert app.main.search_bar.value == "?"


async def test_reader_draws_the_article_and_its_quotations(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        drawn = "\n".join(screen_lines(app.query_one(ArticleView)))
        assert "Kosachev" in drawn
        assert app.query_one(QuoteList).row_count > 0
        assert isinstance(app.query_one(SearchBar), SearchBar)


async def test_the_list_pages_through_every_match_and_shows_the_total(write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No silent cap: rows beyond the first page are loaded as the list scrolls to them."""
    monkeypatch.setattr("byline.tui.screens.main.FIRST_PAGE", 10)
    monkeypatch.setattr("byline.tui.widgets.document_list.PAGE", 8)
    for i in range(45):
        write(f"a{i:02}.txt", f"Article number {i}\n\nSanctions were discussed in article {i}.\n")
    app = make_app([write.root], tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"sanctions")
        await settle(pilot)
        docs = app.main.documents
        assert docs.total == 45 and docs.row_count == 45  # every match has a row
        assert len(docs.rows) < 45  # not all loaded yet
        assert docs.border_title.endswith("45 · by relevance")  # "Articles · " where the list has room
        assert "45 articles match" in str(app.query_one("#search-notice").render())
        docs.focus()
        await pilot.press("end")
        await settle(pilot)
        assert len(docs.rows) == 45
        assert docs.current is not None and docs.current.key == docs.rows[44].key
        assert app.main.reader.path == docs.rows[44].key  # the row, once loaded, is shown
        assert len({r.key for r in docs.rows}) == 45
        assert "…" not in "".join(screen_lines(docs))


async def test_every_article_is_listed_a_page_at_a_time_and_the_files_checked_after_the_first_read(
    write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a query the list brings the first page of every article (issue 15: at 100,000 articles the first
    paint read every summary) and loads the rest as it scrolls; a session's article beyond that page is still
    restored; the check of the files waits until the first article is on screen."""
    monkeypatch.setattr("byline.tui.screens.main.FIRST_PAGE", 10)
    monkeypatch.setattr("byline.tui.widgets.document_list.PAGE", 8)
    for i in range(45):
        write(f"a{i:02}.txt", f"Article number {i}\n\nPublished: 2024-01-{i % 28 + 1:02} \n\nNothing happened in article {i}.\n")
    with Library.open([str(write.root)], index_dir=str(tmp_path / "index")) as lib:
        lib.update()
        expected = [s.key for s in lib.articles(sort="date")]
    order: list[str] = []
    app = make_app([write.root], tmp_path)
    real_read, real_check = app.read_article, app.first_listing_shown
    app.read_article = lambda *a, **k: (order.append("read"), real_read(*a, **k))[1]  # type: ignore[method-assign]
    app.first_listing_shown = lambda: (order.append("check"), real_check())[1]  # type: ignore[method-assign]
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        docs = app.main.documents
        assert order[:2] == ["read", "check"]
        assert docs.total == 45 and docs.row_count == 45 and len(docs.rows) < 45  # the pages on screen, not all
        assert [r.key for r in docs.rows] == expected[: len(docs.rows)]
        assert docs.border_title == "Articles · 45 · by date"
        docs.focus()
        await pilot.press("end")
        await settle(pilot)
        assert [r.key for r in docs.rows] == expected
        assert app.main.reader.path == expected[-1]
        assert set(app.summaries) == set(expected)  # every summary, read after the files were checked
        await pilot.press("up", "up")
        await settle(pilot)
        await pilot.press("ctrl+q")
    again = make_app([write.root], tmp_path)
    async with again.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert again.main.reader.path == expected[-3]  # beyond the first page: that listing brought it all
        current = again.main.documents.current
        assert current is not None and current.key == expected[-3]


async def test_sort_order_changes_the_list_and_is_remembered(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        docs = app.main.documents
        await pilot.press("tab")
        dates = [r.date or "" for r in docs.rows]
        assert dates == sorted(dates, reverse=True) and docs.border_title == "Articles · 5 · by date"
        await pilot.press("S")  # without a query, relevance lists by date: the next order is title
        await settle(pilot)
        titles = [r.title.casefold() for r in docs.rows]
        assert app.main.sort == "title" and titles == sorted(titles)
        assert docs.border_title == "Articles · 5 · by title"
        await pilot.press("S")
        await settle(pilot)
        outlets = [(r.outlet or "").casefold() for r in docs.rows]
        known = [o for o in outlets if o]
        assert app.main.sort == "outlet" and outlets == sorted(known) + [""] * (len(outlets) - len(known))  # unknown last
        assert docs.border_title.endswith("by outlet")
        await pilot.press("S", "S")  # → path → date (relevance is skipped without a query)
        await settle(pilot)
        assert app.main.sort == "date"
        await pilot.press("S")
        await settle(pilot)
        assert app.main.sort == "title"
    again = make_app([seeds], tmp_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.main.sort == "title"
        assert [r.title.casefold() for r in again.main.documents.rows] == titles


async def test_hit_counts_beyond_the_first_rows_come_when_the_article_is_read(seeds: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("byline.tui.app.SPANS_FOR", 1)
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"sanction")
        await settle(pilot)
        docs: DocumentList = app.main.documents
        assert docs.rows[0].hits and docs.rows[1].hits is None
        docs.focus()
        await pilot.press("down")
        await settle(pilot)
        assert docs.rows[1].hits == len(app.query_one(ArticleView).hits) > 0


async def test_a_stale_preview_does_not_pull_the_cursor_back(seeds: Path, tmp_path: Path) -> None:
    """A preview posted for a row the cursor has left (keys faster than the preview) is dropped."""
    from byline.tui.messages import ArticleChosen

    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        docs = app.main.documents
        docs.focus()
        await pilot.press("down")
        await settle(pilot)
        docs.post_message(ArticleChosen(docs.rows[4].key))  # the preview of a row passed over on the way
        await settle(pilot)
        assert docs.cursor == 1 and app.main.reader.path == docs.rows[1].key
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.reader.path == docs.rows[1].key
