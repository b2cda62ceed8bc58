"""The reader over the sample corpus: launch, search as you type, hits, the counter, focus, bad queries, help."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_helpers import make_app, screen_lines, settle

from byline.index.engine import Library
from byline.tui.screens.help import HelpScreen
from byline.tui.widgets.article_view import ArticleView
from byline.tui.widgets.document_list import DocumentList
from byline.tui.widgets.quote_list import QuoteList
from byline.tui.widgets.search_bar import SearchBar


async def test_launch_lists_every_article_with_search_focused(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        docs = app.query_one(DocumentList)
        assert docs.row_count == 5
        assert isinstance(app.focused, Input) and app.focused.id == "query"
        assert app.sub_title == "seeds · 5 articles"
        # the first article is open in the reader
        assert app.reader.article is not None
        assert app.reader.article.key == docs.rows[0].path


async def test_typing_narrows_the_list_and_lights_the_engine_spans(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        docs = app.query_one(DocumentList)
        assert docs.row_count == 1
        row = docs.rows[0]
        with Library.open([seeds], index_dir=tmp_path / "index") as lib:
            article = lib.article(row.path)
            expected = lib.spans(article, "Kosachev")
        assert expected and row.hits == len(expected)
        view = app.query_one(ArticleView)
        assert app.reader.article is not None and app.reader.article.key == row.path
        assert list(view.hits) == sorted(expected)
        assert all(view.text[s:e].casefold() == "kosachev" for s, e in view.hits)
        # scrolled to the first hit, which is current, and the counter says so
        assert view.current_hit == 0
        assert view.line_of(view.hits[0][0]) in view.visible_lines()
        assert app.reader.counter == f"1/{len(expected)}"
        notice = app.query_one("#search-notice")
        assert "1 article matches Kosachev" in str(notice.render())


async def test_empty_query_lists_every_article_again(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"banalities")
        await settle(pilot)
        assert app.query_one(DocumentList).row_count == 2
        for _ in "banalities":
            await pilot.press("backspace")
        await settle(pilot)
        assert app.query_one(DocumentList).row_count == 5
        assert app.query_one(ArticleView).hits == ()


async def test_enter_searches_and_moves_to_the_results(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.search_input.value = "sanction"
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one(DocumentList).row_count == 3
        assert app.focused is app.query_one(DocumentList)


async def test_n_and_shift_n_step_through_hits_and_the_counter_follows(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        await pilot.press("tab")  # leave the search bar: n is a letter there
        view = app.query_one(ArticleView)
        total = len(view.hits)
        assert total >= 3
        await pilot.press("n")
        assert view.current_hit == 1 and app.reader.counter == f"2/{total}"
        await pilot.press("n", "n")
        assert app.reader.counter == f"4/{total}"
        assert view.line_of(view.hits[3][0]) in view.visible_lines()
        await pilot.press("N")
        assert app.reader.counter == f"3/{total}"
        for _ in range(total):
            await pilot.press("n")
        assert app.reader.counter == f"3/{total}"  # wraps around
        status = app.query_one("#reader-status")
        assert f"3/{total}" in str(status.render())


async def test_n_typed_in_the_search_bar_is_a_letter(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("n", "a", "t", "o", "q")
        assert app.search_input.value == "natoq"
        assert app.is_running


async def test_tab_order_and_slash_back_to_search(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        order = []
        for _ in range(4):
            order.append(app.focused.id if app.focused else None)
            await pilot.press("tab")
        assert order == ["query", "documents", "article", "quotes"]
        assert app.focused is app.search_input  # and round again
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is app.query_one(ArticleView)
        await pilot.press("slash")
        assert app.focused is app.search_input


async def test_list_keys_move_the_cursor_and_open_articles(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        docs = app.query_one(DocumentList)
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
        assert app.reader.article is not None and app.reader.article.key == docs.rows[1].path
        assert app.focused is app.query_one(ArticleView)


async def test_malformed_queries_show_the_engine_message_in_place(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        notice = app.query_one("#search-notice")
        for bad in ['"unclosed phrase', "title:(", "AND OR NOT", "*", "a*", "speaker:", ")))((("]:
            app.search_input.value = bad
            await settle(pilot)
            assert app.is_running
            text = str(notice.render())
            assert text.strip(), bad
            if bad in ("AND OR NOT", "*", "a*", "speaker:"):
                assert notice.has_class("-warning"), (bad, text)
        app.search_input.value = '"Russophobic course'
        await settle(pilot)
        assert app.query_one(DocumentList).row_count == 2
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
        app.search_input.focus()
        await pilot.press("question_mark")
        assert app.search_input.value == "?"


async def test_reader_draws_the_article_and_hits_on_screen(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        view = app.query_one(ArticleView)
        drawn = "\n".join(screen_lines(view))
        assert "Kosachev" in drawn
        hit_style = view.get_component_rich_style("article-view--current-hit")
        line = view.line_of(view.hits[0][0]) - int(view.scroll_y)
        segments = list(view.render_line(line))
        lit = "".join(seg.text for seg in segments if seg.style and seg.style.bgcolor == hit_style.bgcolor)
        assert lit == "Kosachev"
        assert app.query_one(QuoteList).row_count > 0
        assert isinstance(app.query_one(SearchBar), SearchBar)


async def test_a_query_lists_the_best_articles_and_counts_them_all(seeds: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("byline.tui.app.LIST_LIMIT", 2)
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"sanction")
        await settle(pilot)
        assert app.query_one(DocumentList).row_count == 2
        assert "3 articles match sanction (the best 2 listed)" in str(app.query_one("#search-notice").render())


async def test_hit_counts_beyond_the_first_rows_come_when_the_article_is_read(seeds: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("byline.tui.app.SPANS_FOR", 1)
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"sanction")
        await settle(pilot)
        docs = app.query_one(DocumentList)
        assert docs.rows[0].hits and docs.rows[1].hits is None
        docs.focus()
        await pilot.press("down")
        await settle(pilot)
        assert docs.rows[1].hits == len(app.query_one(ArticleView).hits) > 0
