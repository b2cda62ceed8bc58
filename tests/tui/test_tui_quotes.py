"""Quotations in the reader: jump to a quote and back, the speakers view and its filter, the quotations filter,
also-in, copy, open URL, text selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from byline.tui.messages import QuoteChosen, SpeakerChosen
from byline.tui.screens.pickers import AlsoInScreen
from byline.tui.widgets.article_view import ArticleView
from byline.tui.widgets.list_filter import ListFilter
from byline.tui.widgets.quote_list import QuoteList
from byline.tui.widgets.side_panel import SidePanel
from byline.tui.widgets.speaker_list import SpeakerList
from textual import __version__ as textual_version
from textual.geometry import Offset
from textual.selection import Selection
from tui_helpers import make_app, record_notices, settle


async def test_jump_to_a_quote_and_back(seeds: Path, tmp_path: Path) -> None:
    """Type Kosachev, go to the quotations, pick one, Enter, then back."""
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        view = app.query_one(ArticleView)
        before_top, before_hit = view.top_offset(), view.current_hit
        await pilot.press("tab", "tab", "p")
        quotes = app.query_one("#quotes", QuoteList)
        assert app.focused is quotes
        await pilot.press("end")
        record = quotes.current
        assert record is not None and record.quote.speaker == "Konstantin Kosachev"
        await pilot.press("enter")
        await settle(pilot)
        q = record.quote
        assert view.focus_span == (q.start, q.end)
        assert " ".join(view.text[q.start : q.end].split()) == " ".join(q.text.split())
        assert view.line_of(q.start) in view.visible_lines()
        assert view.top_offset() != before_top
        status = str(app.query_one("#reader-status").render())
        assert "b back" in status and "Konstantin Kosachev" in status
        await pilot.press("b")
        assert view.focus_span is None
        assert view.top_offset() == before_top and view.current_hit == before_hit
        assert not app.main.reader.history
        assert "b back" not in str(app.query_one("#reader-status").render())


async def test_click_on_a_quote_jumps_too(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        quotes = app.query_one("#quotes", QuoteList)
        assert quotes.row_count >= 2
        await pilot.click(QuoteList, offset=(5, QuoteList.ROW_HEIGHT + 1))
        await settle(pilot)
        record = quotes.records[1]
        assert quotes.cursor == 1
        assert app.query_one(ArticleView).focus_span == (record.quote.start, record.quote.end)


async def test_widgets_say_what_was_chosen_with_the_data(seeds: Path, tmp_path: Path) -> None:
    """The lists post messages that carry the record or the name, not a row index."""
    app = make_app([seeds], tmp_path)
    seen: list[object] = []
    async with app.run_test(size=(160, 45), message_hook=seen.append) as pilot:
        await settle(pilot)
        quotes = app.query_one("#quotes", QuoteList)
        quotes.focus()
        await pilot.press("down", "enter")
        await settle(pilot)
        chosen = [m for m in seen if isinstance(m, QuoteChosen)]
        assert chosen and chosen[-1].record == quotes.records[1]
        await pilot.press("s")
        await settle(pilot)
        speakers = app.query_one("#speakers", SpeakerList)
        speakers.focus()
        await pilot.press("enter")
        await settle(pilot)
        named = [m for m in seen if isinstance(m, SpeakerChosen)]
        assert named and named[-1].name == speakers.speakers[0].name


async def test_speakers_are_listed_when_their_tab_opens(seeds: Path, tmp_path: Path) -> None:
    """Nothing lists the speakers at launch (a query typed then must not wait for them)."""
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        speakers = app.query_one("#speakers", SpeakerList)
        assert not speakers.loaded
        assert not [w for w in app.workers if w.group == "speakers"]
        await pilot.press("tab", "s")
        await settle(pilot)
        assert speakers.loaded and speakers.row_count > 5


async def test_speakers_view_filters_as_you_type_and_lists_a_speakers_quotes(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "s")
        await settle(pilot)
        speakers = app.query_one("#speakers", SpeakerList)
        field = app.query_one("#speakers-filter", ListFilter)
        assert app.focused is field  # type a name right away
        names = [s.name for s in speakers.all_speakers]
        assert {"Konstantin Kosachev", "Vladimir Putin", "Dmitry Medvedev", "Sergey Lavrov"} <= set(names)
        await pilot.press(*"medv")
        assert [s.name for s in speakers.speakers] == ["Dmitry Medvedev"]
        await pilot.press("enter")  # into the list
        assert app.focused is speakers
        await pilot.press("enter")  # that speaker's quotations
        await settle(pilot)
        listed = app.query_one("#speaker-quotes", QuoteList)
        assert app.focused is listed
        medvedev = speakers.speakers[0]
        assert listed.row_count == medvedev.quotes
        assert {r.quote.speaker for r in listed.records} == {"Dmitry Medvedev"}
        title = str(app.query_one("#speaker-title").render())
        assert title.startswith("‹ Esc") and "Dmitry Medvedev" in title
        shown = app.main.reader.path
        target = next(i for i, r in enumerate(listed.records) if r.path != shown)
        listed.cursor = target
        await pilot.press("enter")
        await settle(pilot)
        record = listed.records[target]
        view = app.query_one(ArticleView)
        assert app.main.reader.path == record.key
        assert view.focus_span == (record.quote.start, record.quote.end)
        assert view.line_of(record.quote.start) in view.visible_lines()
        # Esc goes back to all speakers (the filter kept); b goes back to the article read before
        listed.focus()
        await pilot.press("escape")
        assert app.query_one(SidePanel).speaker is None
        assert [s.name for s in speakers.speakers] == ["Dmitry Medvedev"]
        await pilot.press("f")
        assert app.focused is field
        await pilot.press("escape")  # clears the filter
        assert field.value == "" and len(speakers.speakers) == len(names)
        await pilot.press("escape")  # leaves it
        assert app.focused is speakers
        await pilot.press("b")
        await settle(pilot)
        assert app.main.reader.path == shown


async def test_a_long_articles_quotations_filter_as_you_type(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        quotes = app.query_one("#quotes", QuoteList)
        field = app.query_one("#quotes-filter", ListFilter)
        assert len(quotes.all_records) >= 8 and field.display  # a long article gets a filter
        quotes.focus()
        await pilot.press("f")
        assert app.focused is field
        await pilot.press(*"peacekeep")
        assert quotes.records and all("peacekeep" in r.quote.text.casefold() for r in quotes.records)
        assert len(quotes.records) < len(quotes.all_records)
        await pilot.press("down", "enter")
        await settle(pilot)
        record = quotes.records[0]
        assert app.query_one(ArticleView).focus_span == (record.quote.start, record.quote.end)
        # a short article has no filter, and the filter starts empty for each article
        await pilot.press("slash")
        app.main.search_bar.input.value = "Lavrov"
        await settle(pilot)
        assert field.value == ""


async def test_left_right_switch_the_side_panel_tabs(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.query_one("#quotes", QuoteList).focus()
        await pilot.press("right")
        await settle(pilot)
        assert app.focused is app.query_one("#speakers-filter", ListFilter)
        assert app.main.side_tab == "speakers"
        app.query_one("#speakers", SpeakerList).focus()
        await pilot.press("left")
        assert app.focused is app.query_one("#quotes", QuoteList)
        assert app.main.side_tab == "quotes"


async def test_tabs_switched_several_times_at_once_end_on_the_last(seeds: Path, tmp_path: Path) -> None:
    """Each switch queues a tab activation; acting on a stale one handed the tab back and forth for ever."""
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        main = app.main
        changes: list[str] = []
        main.watch(main, "side_tab", lambda tab: changes.append(tab), init=False)
        main.side_tab = "speakers"
        main.side_tab = "quotes"
        main.side_tab = "facets"
        await settle(pilot)
        assert main.side_tab == "facets" and main.side.active_tab == "facets"
        seen = len(changes)
        for _ in range(20):
            await pilot.pause()
        assert len(changes) == seen <= 3, changes  # no activation came back after the last one


async def test_also_in_opens_the_same_quote_in_the_other_article(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"banalities")
        await settle(pilot)
        quotes = app.query_one("#quotes", QuoteList)
        index = next(i for i, r in enumerate(quotes.records) if "banalities" in r.quote.text)
        record = quotes.records[index]
        assert record.also_in
        quotes.focus()
        quotes.cursor = index
        await pilot.press("a")
        assert isinstance(app.screen, AlsoInScreen)
        await pilot.press("enter")
        await settle(pilot)
        other = record.also_in[0]
        assert app.main.reader.path == other
        view = app.query_one(ArticleView)
        assert view.focus_span is not None
        s, e = view.focus_span
        assert " ".join(view.text[s:e].casefold().split()) == " ".join(record.quote.text.casefold().split())
        assert app.main.documents.current is not None and app.main.documents.current.key == other
        await pilot.press("b")
        await settle(pilot)
        assert app.main.reader.path == record.key


async def test_y_copies_the_quote_with_its_citation(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        quotes = app.query_one("#quotes", QuoteList)
        quotes.focus()
        await pilot.press("y")
        record = quotes.current
        assert record is not None
        summary = app.summaries[record.key]
        assert len(copied) == 1
        for part in (record.quote.text, "Konstantin Kosachev", summary.title, summary.outlet, summary.date, summary.url):
            assert part and part in copied[0]


async def test_text_in_the_article_can_be_selected_and_copied(seeds: Path, tmp_path: Path) -> None:
    """Shift+↓ selects lines from the current hit's; y copies exactly the article's text (no wrap breaks)."""
    app = make_app([seeds], tmp_path)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("shift+down", "shift+down", "shift+down")
        await pilot.press("y")
        assert len(copied) == 1
        first = view.line_of(view.hits[0][0])
        start = view._wrapped.lines[first][0]  # type: ignore[union-attr]
        assert view.text.startswith(copied[0], start)
        assert "Kosachev" in copied[0] and copied[0].count("\n") <= 2
        # the screen's copy (Ctrl+C) gets the same text
        assert (app.screen.get_selected_text() or "").rstrip("\n") == copied[0]  # (Textual 6 adds the line end)
        await pilot.press("escape")
        assert app.screen.get_selected_text() is None
        # a selection made on screen (as a mouse drag makes it) maps to the article's characters
        y = first
        app.screen.selections = {view: Selection(Offset(0, y), Offset(10, y))}
        await pilot.pause()
        assert (app.screen.get_selected_text() or "").rstrip("\n") == view.text[start : start + 10]


@pytest.mark.skipif(int(textual_version.split(".")[0]) < 8, reason="Textual 6's pilot drag makes no selection")
async def test_a_mouse_drag_selects_article_text(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        view = app.query_one(ArticleView)
        first = view.line_of(view.hits[0][0])
        start = view._wrapped.lines[first][0]  # type: ignore[union-attr]
        y = first - int(view.scroll_y)
        await pilot.mouse_down(ArticleView, offset=(2, y))  # right of the two-cell margin
        await pilot.hover(ArticleView, offset=(12, y))
        await pilot.mouse_up(ArticleView, offset=(12, y))
        dragged = (app.screen.get_selected_text() or "").rstrip("\n")
        assert dragged and view.text.startswith(dragged, start) and len(dragged) >= 10


async def test_o_opens_the_article_url_and_says_when_there_is_none(write, tmp_path: Path) -> None:
    evil = "https://example.com/a\x1b]0;pwned\x07\nb c"
    write("with-url.txt", f"A headline here\nSource link : {evil}\n\nSome words.\n")
    write("no-url.txt", "Another headline\n\nNo address in this one.\n")
    app = make_app([write.root], tmp_path)
    opened: list[str] = []
    app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    seen = record_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        docs = app.main.documents
        for index, row in enumerate(docs.rows):
            docs.focus()
            docs.cursor = index
            await settle(pilot)
            await pilot.press("o")
            if row.title.startswith("Another"):
                assert "This article has no URL." in seen[-1]
            else:
                assert opened, seen
                url = opened[-1]
                assert url.startswith("https://example.com/a")
                assert url.isascii() and url.isprintable() and " " not in url
                assert "\x1b" not in url and "\x07" not in url and "\n" not in url
        assert len(opened) == 1


async def test_speakers_in_a_narrow_column_keep_their_names(seeds: Path, tmp_path: Path) -> None:
    """At 100 columns the side column is narrow: a name is not cut to make room for its counts, which go below."""
    from tui_helpers import screen_lines

    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.main.reader.view.focus()
        await pilot.press("s")
        await settle(pilot)
        speakers = app.query_one("#speakers", SpeakerList)
        assert speakers.size.width < 40
        lines = screen_lines(speakers)
        assert any("Konstantin Kosachev" in line for line in lines)
        assert any("6 quotes · 1 article" in line or "6q · 1a" in line for line in lines)
