"""The reader at every size, what it remembers, exports, the palette, indexing, and faults in its workers."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from byline.index import indexing
from byline.index.library import IndexDamaged, Library
from byline.tui.app import BylineApp
from byline.tui.messages import ArticlesListed
from byline.tui.screens.pickers import ConfirmScreen, ExportScreen
from byline.tui.widgets.article_view import ArticleView
from byline.tui.widgets.quote_list import QuoteList
from byline.tui.widgets.side_panel import SidePanel
from textual import events
from textual.content import Content
from textual.widgets import Footer
from tui_helpers import make_app, record_notices, screen_lines, settle, until

# -- sizes ---------------------------------------------------------------------------------


async def test_80x24_shows_at_least_12_lines_of_the_article_after_a_search(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.scrollable_content_region.height >= 12
        text_lines = [line for line in screen_lines(view) if line[2:-2].strip()]
        assert len(text_lines) >= 10  # real text on them, not a letter per line
        assert view.scrollable_content_region.width >= 40
        assert not app.query_one(SidePanel).display  # an overlay, closed
        await pilot.press("tab", "p")  # the side panel opens over the reader
        await settle(pilot)
        side = app.query_one(SidePanel)
        assert side.display and side.region.width >= 40 and app.focused is app.query_one("#quotes", QuoteList)
        await pilot.press("down", "enter")  # a quotation: the panel closes and the reader shows it
        await settle(pilot)
        assert not side.display and app.focused is not None and app.focused.id == "article"
        assert view.focus_span is not None and view.line_of(view.focus_span[0]) in view.visible_lines()


async def test_100x30_shows_the_list_the_reader_and_the_quotations(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        docs, view, quotes = app.main.documents, app.query_one(ArticleView), app.query_one("#quotes", QuoteList)
        assert docs.region.width >= 24 and docs.region.height >= 10
        assert view.scrollable_content_region.width >= 30 and view.scrollable_content_region.height >= 15
        assert quotes.region.width >= 28 and quotes.region.height >= 2 * QuoteList.ROW_HEIGHT
        assert quotes.row_count > 0 and "Kosachev" in " ".join(screen_lines(quotes))


@pytest.mark.parametrize(("size", "wide", "stacked"), [((160, 45), True, False), ((90, 30), False, False), ((50, 30), False, True), ((40, 12), False, True)])
async def test_every_size_keeps_searching_and_reading(seeds: Path, tmp_path: Path, size: tuple[int, int], wide: bool, stacked: bool) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        main = app.main
        assert main.has_class("-wide") == wide
        docs, reader = main.documents, main.reader
        if stacked:
            assert docs.region.bottom <= reader.region.y  # the list over the reader
        else:
            assert docs.region.right <= reader.region.x
        await pilot.press(*"Kosachev")
        await settle(pilot)
        assert docs.row_count == 1
        await pilot.press("tab", "tab", "n")
        assert reader.counter.startswith("2/")
        await pilot.press("p")
        await settle(pilot)
        side = app.query_one(SidePanel)
        assert side.display and side.region.height > 0 and side.region.width > 0


async def test_shrinking_moves_focus_out_of_the_hidden_panel_and_keeps_the_cursor_in_view(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        quotes = app.query_one("#quotes", QuoteList)
        quotes.focus()
        await pilot.press("end")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.focused is app.query_one(ArticleView)
        await pilot.press("p")
        await settle(pilot)
        cursor_top = quotes.cursor * QuoteList.ROW_HEIGHT
        assert quotes.scroll_y <= cursor_top < quotes.scroll_y + quotes.size.height  # the cursor's row stays in view
        await pilot.resize_terminal(30, 8)
        await settle(pilot)
        assert app.is_running


async def test_a_taller_or_shorter_reader_keeps_the_hit_it_landed_on_where_landing_puts_it(seeds: Path, tmp_path: Path) -> None:
    """Landing puts the first hit a third down the pane; the pane growing or shrinking in height alone (a
    status line gone, the terminal resized) puts it there again instead of leaving the old top line."""
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        view = app.query_one(ArticleView)

        def hit_row() -> int:
            return view.line_of(view.hits[view.current_hit][0]) - int(view.scroll_y)

        assert view.current_hit == 0 and view.scroll_y > 0
        assert hit_row() == view.scrollable_content_region.height // 3
        width = view.scrollable_content_region.width
        await pilot.resize_terminal(140, 44)
        await settle(pilot)
        assert view.scrollable_content_region.width == width  # the same wrap: only the height changed
        assert hit_row() == view.scrollable_content_region.height // 3


async def test_a_remembered_top_line_held_back_by_the_end_of_the_text_is_reached_when_the_pane_shrinks(
    seeds: Path, tmp_path: Path
) -> None:
    """A reader landed on a remembered top line near the end of the text, while the pane is too tall to
    scroll that far, shows that line at the top once the pane is shorter, and remembers that line (not
    the one the scroll stopped at) for the session."""
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        wrapped = view._layout_text()
        assert wrapped is not None
        line = int(view.max_scroll_y) + 2  # out of reach at this height
        assert line < len(wrapped.lines)
        offset = wrapped.lines[line][0]
        view.scroll_to_offset(offset, center=False)
        assert view.scroll_y < line and view.kept_top() == offset
        await pilot.resize_terminal(140, 30)
        await settle(pilot)
        assert view.top_offset() == offset == view.kept_top()
        view.focus()
        await pilot.press("up")  # the user scrolls: the pin goes
        await settle(pilot)
        assert view.kept_top() == view.top_offset() < offset


async def test_the_footer_fits_at_80_columns(seeds: Path, tmp_path: Path) -> None:
    """Every key shown in the footer is whole, and none hides under the palette key, wherever the focus is."""
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"banalities")
        await settle(pilot)
        await pilot.press("tab", "tab", "p")  # the quotations, over the reader
        await settle(pilot)
        quotes = app.query_one("#quotes", QuoteList)
        quotes.cursor = next(i for i, r in enumerate(quotes.records) if r.also_in)
        await pilot.press("enter")  # a jump: now there is a place to go back to
        await settle(pilot)
        for focus in ("query", "documents", "article", "quotes", "speakers-filter", "speakers"):
            if focus in ("quotes", "speakers-filter", "speakers"):
                app.main.side_open = True
                app.main.side_tab = "speakers" if focus.startswith("speakers") else "quotes"
                await settle(pilot)
            app.query_one(f"#{focus}").focus()
            await settle(pilot)
            footer = app.query_one(Footer)
            keys = [k for k in footer.query("FooterKey") if k.display]
            palette = [k for k in keys if k.has_class("-command-palette")]
            others = [k for k in keys if not k.has_class("-command-palette")]
            assert palette and others, focus
            assert max(k.region.right for k in others) <= palette[0].region.x, (focus, [str(k.render()) for k in others])
            for key in keys:
                assert key.region.width >= Content.from_markup(str(key.render())).cell_length, (focus, str(key.render()))


async def test_no_letter_per_line_while_the_corpus_opens(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        for _ in range(50):
            lines = [line for line in screen_lines(view) if line.strip()]
            assert all(len(line.strip()) != 1 for line in lines), lines
            if app.main.reader.article is not None:
                break
            await pilot.pause()
        await settle(pilot)


# -- remembered ------------------------------------------------------------------------------


async def test_query_article_scroll_tab_and_theme_are_restored(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Putin")
        await settle(pilot)
        docs = app.main.documents
        assert docs.row_count >= 2
        docs.focus()
        await pilot.press("down")
        await settle(pilot)
        chosen = docs.rows[1].key
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("pagedown", "pagedown")
        top = view.top_offset()
        assert top > 0
        await pilot.press("right")  # nothing; then the speakers tab and a theme
        app.main.side_tab = "speakers"
        app.theme = "gruvbox"
        await settle(pilot)
        await pilot.press("ctrl+q")
    again = make_app([seeds], tmp_path)
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert again.main.search_bar.value == "Putin"
        assert again.main.reader.path == chosen
        assert again.main.documents.current is not None and again.main.documents.current.key == chosen
        assert again.query_one(ArticleView).top_offset() == top
        assert again.main.side_tab == "speakers" and again.main.side.active_tab == "speakers"
        assert again.main.side.speakers.loaded  # its tab is open: listed after the first listing
        assert again.theme == "gruvbox"
    chosen_theme = make_app([seeds], tmp_path, theme="nord")
    async with chosen_theme.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert chosen_theme.theme == "nord"  # --theme wins over the remembered one
    fresh = make_app([seeds], tmp_path, remember=False)
    async with fresh.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert fresh.main.search_bar.value == "" and fresh.theme == "textual-dark"


async def test_an_unknown_theme_says_so_and_keeps_working(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path, theme="no-such-theme")
    seen = record_notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any("no-such-theme" in m for m in seen) and app.is_running


# -- exports ------------------------------------------------------------------------------------


async def test_palette_exports_the_listed_quotes_and_never_overwrites_without_asking(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    target = tmp_path / "out" / "quotes.json"
    target.parent.mkdir()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        for round_ in ("new", "replace"):
            await pilot.press("ctrl+p")
            await pilot.press(*"Export quotations as JSON")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ExportScreen)
            app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
            await pilot.press("enter")
            await settle(pilot)
            if round_ == "replace":
                assert isinstance(app.screen, ConfirmScreen)  # the file is there: ask first
                await pilot.press("y")
                await settle(pilot)
            assert app.screen is app.main
            rows = json.loads(target.read_text(encoding="utf-8"))
            listed = app.query_one("#quotes", QuoteList).records
            assert [r["quote"] for r in rows] == [r.quote.text for r in listed]
            target.write_text("[]", encoding="utf-8")
        kosachev = [r for r in rows if r["speaker"] == "Konstantin Kosachev"]
        assert kosachev and all(r["outlet"] == "sputnikglobe.com" and r["url"] and r["date"] for r in kosachev)


async def test_export_to_an_unwritable_or_taken_place_says_so(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    seen = record_notices(app)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        records = app.query_one("#quotes", QuoteList).records
        assert not app.main.write_export(str(tmp_path / "missing" / "dir" / "x.md"), "markdown", records)
        assert any("Cannot write" in m for m in seen)
        assert app.main.write_export(str(tmp_path / "x.csv"), "csv", records)
        assert (tmp_path / "x.csv").read_text(encoding="utf-8").startswith("speaker,role,quote")
        assert not app.main.write_export(str(tmp_path / "x.csv"), "csv", records[:1])  # not replaced unasked
        assert any("exists already" in m for m in seen)
        assert (tmp_path / "x.csv").read_text(encoding="utf-8").count("\n") > 2


# -- the palette -------------------------------------------------------------------------------------


async def test_palette_opens_an_article_by_title_goes_to_a_speaker_and_sorts(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")  # the list hides the article we will open
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Open: View from Moscow")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        main = app.main
        assert main.reader.article is not None and main.reader.article.meta.title.startswith("View from Moscow")
        assert main.documents.current is not None and main.documents.current.key == main.reader.path
        await pilot.press("ctrl+p")
        await settle(pilot)  # opening the palette lists the speakers
        await pilot.press(*"Speaker: Sergey Lavrov")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        side = app.query_one(SidePanel)
        assert side.speaker is not None and side.speaker.name == "Sergey Lavrov"
        assert app.query_one("#speaker-quotes", QuoteList).row_count == side.speaker.quotes
        await pilot.press("ctrl+p")
        await pilot.press(*"Sort articles by title")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert main.sort == "title"
        titles = [r.title.casefold() for r in main.documents.rows]
        assert titles == sorted(titles) and main.documents.border_title.endswith("by title")


async def test_a_burst_of_palette_keys_does_not_crash(seeds: Path, tmp_path: Path) -> None:
    """Ctrl+P, x and PageDown arriving at once used to raise KeyError in Textual's OptionList."""
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for keys in ((("ctrl+p", None), ("x", "x"), ("pagedown", None)), (("ctrl+p", None), ("pagedown", None), ("pageup", None))):
            for key, char in keys:
                app.post_message(events.Key(key, char))
            await settle(pilot)
            assert app.is_running and app._exception is None
            await pilot.press("escape")
            await settle(pilot)
    assert app.return_code in (0, None)


async def test_the_palette_screenshot_works_without_a_downloads_folder(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("byline.tui.app.user_downloads_path", lambda: tmp_path / "no-such-downloads")
    app = make_app([seeds], tmp_path)
    seen = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Screenshot")
        await settle(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: any("Saved screenshot" in m for m in seen))
        message = Content.from_markup(next(m for m in seen if "Saved screenshot" in m)).plain
        saved = Path(message.split("'")[1])  # Textual says where
        assert saved.parent.name == "screenshots" and saved.read_text(encoding="utf-8").startswith("<svg")


async def test_textual_messages_keep_their_markup(seeds: Path, tmp_path: Path) -> None:
    """Ctrl+C says to press Ctrl+Q in bold (Textual's markup), while article text stays literal elsewhere."""
    app = make_app([seeds], tmp_path)
    seen = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.main.documents.focus()
        await pilot.press("ctrl+c")
        await settle(pilot)
        hint = next(m for m in seen if "ctrl+q" in m.casefold())
        assert "[b]" in hint and "[b]" not in Content.from_markup(hint).plain
        shown = next(n for n in app._notifications if n.message == hint)
        assert shown.markup  # drawn as markup: bold, not "[b]ctrl+q[/b]"


# -- indexing --------------------------------------------------------------------------------------


async def test_first_launch_indexes_in_a_worker_and_lists_articles_as_they_come(write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indexing, "BATCH_DOCS", 25)
    monkeypatch.setattr("byline.tui.screens.main.RELIST_EVERY", 0.0)
    for i in range(120):
        write(f"a{i:03}.txt", f"Article {i}\n\nBody of article {i} about sanctions, said Ann Lee.\n")
    real = Library.load_document

    def steady(self: Library, stat):  # type: ignore[no-untyped-def]
        time.sleep(0.005)  # a batch takes a moment, as on a real corpus
        return real(self, stat)

    monkeypatch.setattr(Library, "load_document", steady)
    app = make_app([write.root], tmp_path)
    listed: list[int] = []

    def note(message: object) -> None:
        if isinstance(message, ArticlesListed) and not message.more:
            listed.append(len(message.rows))

    async with app.run_test(size=(120, 40), message_hook=note) as pilot:
        await settle(pilot)
        assert app.main.documents.row_count == 120
        partial = [n for n in listed if 0 < n < 120]
        assert partial, listed  # articles appeared before indexing ended
        assert not app.query_one("#index-status").display


async def test_indexing_pauses_while_a_listing_or_a_read_is_under_way(write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check of the files and indexing wait at their next poll while the user waits on a listing or an
    article (issue 15: at 100,000 files a query typed at launch shared the interpreter with the walk)."""
    for i in range(6):
        write(f"a{i}.txt", f"Article {i}\n\nBody of article {i} about sanctions, said Ann Lee.\n")
    app = make_app([write.root], tmp_path)
    paused = threading.Event()
    real_sleep = time.sleep

    def sleep(seconds: float) -> None:
        paused.set()
        real_sleep(seconds)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.documents.row_count == 6
        write("late.txt", "A late article\n\nSanctions again, said Ann Lee.\n")
        monkeypatch.setattr("byline.tui.app.time.sleep", sleep)
        with app._front():  # a listing under way
            app.first_listing_shown()  # the check of the files starts again
            await until(pilot, paused.is_set)
            assert app._index_worker is not None and not app._index_worker.is_finished  # waiting, not done
            assert app.main.documents.row_count == 6
        await settle(pilot)
        assert app._index_worker.is_finished and app.main.documents.row_count == 7


async def test_quitting_mid_indexing_leaves_a_consistent_index(write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indexing, "BATCH_DOCS", 20)
    for i in range(300):
        write(f"a{i:03}.txt", f"Article {i}\n\nBody of article {i}, said Ann Lee.\n")
    real = Library.load_document
    seen = {"n": 0}

    def slow(self: Library, stat):  # type: ignore[no-untyped-def]
        seen["n"] += 1
        time.sleep(0.004)
        return real(self, stat)

    monkeypatch.setattr(Library, "load_document", slow)
    app = make_app([write.root], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: seen["n"] > 50)
        assert app.main.indexing
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running)
    assert seen["n"] < 300
    monkeypatch.setattr(Library, "load_document", real)
    with Library.open([write.root], index_dir=tmp_path / "index") as lib:
        committed = len(lib)
        assert 0 < committed < 300
        report = lib.update()
        assert report.added == 300 - committed
        assert len(lib) == 300


async def test_unreadable_files_are_named_and_the_rest_works(write, tmp_path: Path) -> None:
    write("good.txt", "Good article\n\nSanctions were discussed, said Ann Lee.\n")
    write("[bold]binary[red].txt", bytes(range(256)) * 40)
    app = make_app([write.root], tmp_path)
    seen = record_notices(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.documents.row_count == 1
        skipped = [m for m in seen if "Skipped" in m]
        assert skipped and "[bold]binary[red].txt" in Content.from_markup(skipped[0]).plain


async def test_empty_folder_and_unopenable_index_give_messages(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app([empty], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.documents.row_count == 0
        assert "No articles" in "\n".join(screen_lines(app.main.documents))
        await pilot.press(*"anything")
        await settle(pilot)
        assert app.is_running
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    broken = BylineApp([str(empty)], index_dir=str(blocker))
    seen = record_notices(broken)
    async with broken.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert broken.sub_title.endswith("cannot open")
        assert "is a file" in " ".join(" ".join(screen_lines(broken.query_one(ArticleView))).split())
        assert any("Cannot open the corpus" in m for m in seen)
        await pilot.press(*"x")
        await settle(pilot)
        assert broken.is_running


# -- faults in the workers -------------------------------------------------------------------------------


class Boom(RuntimeError):
    """A fault planted in the engine."""


async def test_any_worker_failure_is_said_and_the_next_action_works(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine raises while searching, reading an article and listing speakers: one line each, and the app goes on."""
    app = make_app([seeds], tmp_path)
    seen = record_notices(app)
    real_search, real_read, real_speakers, real_facets = Library.search, Library.read, Library.speakers, Library.facets

    def broken(*args: object, **kwargs: object) -> object:
        raise Boom("planted fault")

    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        main = app.main
        # searching
        monkeypatch.setattr(Library, "search", broken)
        await pilot.press(*"putin")
        await settle(pilot)
        assert any(m.startswith("The search failed: Boom: planted fault") for m in seen)
        assert "The search failed" in str(app.query_one("#search-notice").render())
        monkeypatch.setattr(Library, "search", real_search)
        await pilot.press("s")
        await settle(pilot)
        assert main.documents.row_count >= 2 and main.query_text == "putins"
        # reading an article
        monkeypatch.setattr(Library, "read", broken)
        main.documents.focus()
        await pilot.press("down")
        await settle(pilot)
        assert any(m.startswith("Cannot read the article: Boom: planted fault") for m in seen)
        assert "Cannot read the article" in " ".join(screen_lines(app.query_one(ArticleView)))
        monkeypatch.setattr(Library, "read", real_read)
        await pilot.press("up")
        await settle(pilot)
        assert main.reader.article is not None and main.reader.path == main.documents.rows[0].key
        # listing speakers
        monkeypatch.setattr(Library, "speakers", broken)
        await pilot.press("s")
        await settle(pilot)
        assert any(m.startswith("Cannot list the speakers: Boom: planted fault") for m in seen)
        monkeypatch.setattr(Library, "speakers", real_speakers)
        main.side_tab = "quotes"
        main.side_tab = "speakers"  # the tab opens again: listed again
        await settle(pilot)
        assert main.side.speakers.loaded and main.side.speakers.row_count > 0
        # counting the facets
        monkeypatch.setattr(Library, "facets", broken)
        main.reader.view.focus()
        await pilot.press("F")
        await settle(pilot)
        assert any(m.startswith("Cannot count the facets: Boom: planted fault") for m in seen)
        assert "Cannot count the facets" in str(main.side.facets.query_one("#facets-summary").render())
        monkeypatch.setattr(Library, "facets", real_facets)
        main.side_tab = "quotes"
        main.side_tab = "facets"  # the tab opens again: counted again
        await settle(pilot)
        assert main.side.facets.lines.terms
        assert app.is_running


async def test_a_damaged_index_is_offered_a_rebuild(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Damage found while reading reaches the user with a rebuild offer; accepting it rebuilds and the app works on."""
    app = make_app([seeds], tmp_path)
    seen = record_notices(app)
    real_search = Library.search
    opened: list[bool] = []
    real_open = Library.open.__func__  # type: ignore[attr-defined]

    def damaged(self: Library, *args: object, **kwargs: object) -> object:
        raise IndexDamaged(f"the index in {self.directory} is damaged (planted); it is rebuilt the next time Byline opens it")

    def counting_open(cls: type[Library], *args: object, **kwargs: object) -> Library:
        opened.append(bool(kwargs.get("rebuild")))
        return real_open(cls, *args, **kwargs)

    monkeypatch.setattr(Library, "open", classmethod(counting_open))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Library, "search", damaged)
        app.main.search_bar.input.value = "putin"
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "damaged" in str(app.screen.query_one("#confirm-question").render())
        monkeypatch.setattr(Library, "search", real_search)
        await pilot.press("y")
        await settle(pilot)
        assert opened == [False, True]  # reopened with rebuild=True
        assert app.screen is app.main
        assert app.main.documents.row_count >= 2 and app.main.query_text == "putin"
        assert app.main.reader.article is not None
        # declining keeps the app working too
        monkeypatch.setattr(Library, "search", damaged)
        app.main.search_bar.input.value = "trump"
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert any("rebuilt the next time" in m for m in seen) and app.is_running
