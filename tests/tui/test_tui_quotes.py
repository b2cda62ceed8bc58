"""Quotations in the reader: jump to a quote and back, the speakers view, also-in, copy, open URL."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import make_app, settle

from byline.index.documents import quote_key
from byline.tui.screens.pickers import AlsoInScreen
from byline.tui.widgets.article_view import ArticleView
from byline.tui.widgets.document_list import DocumentList
from byline.tui.widgets.quote_list import QuoteList
from byline.tui.widgets.side_panel import SidePanel
from byline.tui.widgets.speaker_list import SpeakerList


async def test_jump_to_a_quote_and_back(seeds: Path, tmp_path: Path) -> None:
    """The issue's done-when: type Kosachev, Tab to the quotes, pick one, Enter, then back."""
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        view = app.query_one(ArticleView)
        before_top, before_hit = view.top_offset(), view.current_hit
        await pilot.press("tab", "tab", "tab")
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
        assert "Konstantin Kosachev" in str(app.query_one("#reader-status").render())
        await pilot.press("b")
        assert view.focus_span is None
        assert view.top_offset() == before_top and view.current_hit == before_hit
        assert not app.history


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


async def test_speakers_view_lists_a_speakers_quotes_and_opens_their_article(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "s")
        speakers = app.query_one("#speakers", SpeakerList)
        assert app.focused is speakers
        names = [s.name for s in speakers.speakers]
        assert {"Konstantin Kosachev", "Vladimir Putin", "Dmitry Medvedev", "Sergey Lavrov"} <= set(names)
        medvedev = speakers.index_of("Dmitry Medvedev")
        assert medvedev is not None
        speakers.cursor = medvedev
        await pilot.press("enter")
        await settle(pilot)
        listed = app.query_one("#speaker-quotes", QuoteList)
        assert app.focused is listed
        assert listed.row_count == speakers.speakers[medvedev].quotes
        assert {r.quote.speaker for r in listed.records} == {"Dmitry Medvedev"}
        # pick a quote from an article other than the one open
        shown = app.reader.article.key if app.reader.article else None
        target = next(i for i, r in enumerate(listed.records) if r.path != shown)
        listed.cursor = target
        await pilot.press("enter")
        await settle(pilot)
        record = listed.records[target]
        view = app.query_one(ArticleView)
        assert app.reader.article is not None and app.reader.article.key == record.path
        assert view.focus_span == (record.quote.start, record.quote.end)
        assert view.line_of(record.quote.start) in view.visible_lines()
        # Esc goes back to all speakers; b goes back to the article read before
        await pilot.press("escape")
        assert app.query_one(SidePanel).speaker is None
        await pilot.press("b")
        await settle(pilot)
        assert app.reader.article is not None and app.reader.article.key == shown


async def test_left_right_switch_the_side_panel_tabs(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.query_one("#quotes", QuoteList).focus()
        await pilot.press("right")
        assert app.focused is app.query_one("#speakers", SpeakerList)
        await pilot.press("left")
        assert app.focused is app.query_one("#quotes", QuoteList)


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
        assert app.reader.article is not None and app.reader.article.key == other
        view = app.query_one(ArticleView)
        assert view.focus_span is not None
        s, e = view.focus_span
        assert quote_key(view.text[s:e]) == quote_key(record.quote.text)
        assert app.query_one(DocumentList).current is not None
        await pilot.press("b")
        await settle(pilot)
        assert app.reader.article.key == record.path


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
        summary = app.summaries[record.path]
        assert len(copied) == 1
        text = copied[0]
        for part in (record.quote.text, "Konstantin Kosachev", summary.title, summary.outlet, summary.date, summary.url):
            assert part and part in text


async def test_o_opens_the_article_url(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    opened: list[str] = []
    app.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.query_one(DocumentList).focus()
        await pilot.press("o")
        assert app.reader.article is not None
        assert opened == [app.reader.article.meta.url]
        assert opened[0].startswith("http")
