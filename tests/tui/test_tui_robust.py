"""The reader with hostile text, small terminals, a session to restore, exports, the palette and indexing."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from tui_helpers import make_app, screen_lines, settle

from byline.index import engine
from byline.index.engine import Library
from byline.tui.app import BylineApp
from byline.tui.messages import DocumentsReady
from byline.tui.screens.pickers import ExportScreen
from byline.tui.widgets.article_view import ArticleView
from byline.tui.widgets.document_list import DocumentList
from byline.tui.widgets.quote_list import QuoteList
from byline.tui.widgets.side_panel import SidePanel

HOSTILE = (
    "[bold red]ALERT[/] [link=https://evil.example]click[/link] [@click=app.quit]quit[/]\n"
    "Publish date : 2024-11-20\n\n"
    "An escape \x1b[2J\x1b[31mred\x1b[0m, a title setter \x1b]0;pwned\x07 and a bell \x07 in the text.\n\n"
    '"[blink]Markup[/blink] in a quote," said [b]Evil[/b] Person.\n'
)


async def test_article_text_is_shown_literally(write, tmp_path: Path) -> None:
    path = write("hostile.txt", HOSTILE)
    write("plain.txt", "Plain title\n\nNothing to see here, said the plain man.\n")
    app = make_app([path.parent], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        docs = app.query_one(DocumentList)
        index = next(i for i, r in enumerate(docs.rows) if r.path == str(path))
        docs.cursor = index
        await settle(pilot)
        view = app.query_one(ArticleView)
        drawn = " ".join(" ".join(screen_lines(view)).split())  # lines are wrapped
        assert "[bold red]ALERT[/] [link=https://evil.example]click[/link] [@click=app.quit]quit[/]" in drawn
        assert "\x1b" not in drawn and "\x07" not in drawn
        assert "␛[2J␛[31mred␛[0m" in drawn and "␛]0;pwned␇" in drawn
        # no segment carries a link or an action taken from the file
        for y in range(view.size.height):
            for seg in view.render_line(y):
                assert not (seg.style and (seg.style.link or seg.style.meta)), seg
        # the quotation list shows quoted markup literally
        quoted = " ".join(screen_lines(app.query_one("#quotes", QuoteList)))
        assert "[blink]Markup[/blink]" in quoted
        # the document list and the header show the title literally too
        listed = "\n".join(screen_lines(docs))
        assert "[bold red]ALERT[/]" in listed
        header = app.query_one("#reader-title").render()
        assert "[bold red]ALERT[/]" in str(header)
        # a query with markup is shown literally in the notice
        app.search_input.value = "[bold]ALERT[/bold]"
        await settle(pilot)
        assert app.is_running
        notice = str(app.query_one("#search-notice").render())
        assert "[bold]" in notice and "ALERT[/bold]" in notice
        assert app.title == "Byline"


@pytest.mark.parametrize(("size", "narrow", "tiny"), [((160, 45), False, False), ((90, 30), True, False), ((40, 12), False, True)])
async def test_small_terminals_degrade(seeds: Path, tmp_path: Path, size: tuple[int, int], narrow: bool, tiny: bool) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow") == narrow
        assert app.screen.has_class("-tiny") == tiny
        side = app.query_one(SidePanel)
        assert side.display != tiny
        await pilot.press(*"Kosachev")
        await settle(pilot)
        assert app.query_one(DocumentList).row_count == 1
        await pilot.press("tab", "tab", "n")
        assert app.reader.counter.startswith("2/")
        if not tiny:
            assert side.region.height > 0 and side.region.width > 0


async def test_shrinking_to_tiny_moves_focus_out_of_the_hidden_panel(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.query_one("#quotes", QuoteList).focus()
        await pilot.resize_terminal(40, 12)
        await settle(pilot)
        assert app.focused is app.query_one(ArticleView)
        await pilot.resize_terminal(30, 8)
        await settle(pilot)
        assert app.is_running


async def test_last_query_and_article_are_restored(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Putin")
        await settle(pilot)
        docs = app.query_one(DocumentList)
        assert docs.row_count >= 2
        docs.focus()
        await pilot.press("down")
        await settle(pilot)
        chosen = docs.rows[1].path
        assert app.reader.article is not None and app.reader.article.key == chosen
    again = make_app([seeds], tmp_path)
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert again.search_input.value == "Putin"
        assert again.reader.article is not None and again.reader.article.key == chosen
        assert again.query_one(DocumentList).current.path == chosen  # type: ignore[union-attr]
    fresh = make_app([seeds], tmp_path, remember=False)
    async with fresh.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert fresh.search_input.value == ""


async def test_palette_exports_the_listed_quotes(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    target = tmp_path / "out" / "quotes.json"
    target.parent.mkdir()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press(*"Kosachev")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Export quotations as JSON")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path")
        field.value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        rows = json.loads(target.read_text(encoding="utf-8"))
        listed = app.query_one("#quotes", QuoteList).records
        assert [r["quote"] for r in rows] == [r.quote.text for r in listed]
        kosachev = [r for r in rows if r["speaker"] == "Konstantin Kosachev"]
        assert kosachev and all(r["outlet"] == "sputnikglobe.com" and r["url"] and r["date"] for r in kosachev)


async def test_export_to_an_unwritable_place_says_so(seeds: Path, tmp_path: Path) -> None:
    app = make_app([seeds], tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        records = app.query_one("#quotes", QuoteList).records
        assert not app.write_export(str(tmp_path / "missing" / "dir" / "x.md"), "markdown", records)
        for _ in range(40):
            await pilot.pause(0.05)
            if any("Cannot write" in n.message for n in app._notifications):
                break
        assert any("Cannot write" in n.message for n in app._notifications)
        assert app.write_export(str(tmp_path / "x.csv"), "csv", records)
        assert (tmp_path / "x.csv").read_text(encoding="utf-8").startswith("speaker,role,quote")


async def test_palette_opens_an_article_by_title_and_goes_to_a_speaker(seeds: Path, tmp_path: Path) -> None:
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
        assert app.reader.article is not None and app.reader.article.meta.title.startswith("View from Moscow")
        assert app.query_one(DocumentList).current.path == app.reader.article.key  # type: ignore[union-attr]
        await pilot.press("ctrl+p")
        await pilot.press(*"Speaker: Sergey Lavrov")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        side = app.query_one(SidePanel)
        assert side.speaker is not None and side.speaker.name == "Sergey Lavrov"
        assert app.query_one("#speaker-quotes", QuoteList).row_count == side.speaker.quotes


class _Recorder(BylineApp):
    """The reader, noting every listing it shows."""

    listed: list[int]

    def on_documents_ready(self, message: DocumentsReady) -> None:
        self.__dict__.setdefault("listed", []).append(len(message.rows))
        super().on_documents_ready(message)


async def test_first_launch_indexes_in_a_worker_and_lists_articles_as_they_come(write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BATCH_DOCS", 25)
    monkeypatch.setattr("byline.tui.app.RELIST_EVERY", 0.0)
    for i in range(120):
        write(f"a{i:03}.txt", f"Article {i}\n\nBody of article {i} about sanctions, said Ann Lee.\n")
    real = Library.load_document

    def steady(self: Library, stat):  # type: ignore[no-untyped-def]
        time.sleep(0.005)  # a batch takes a moment, as on a real corpus
        return real(self, stat)

    monkeypatch.setattr(Library, "load_document", steady)
    app = _Recorder([str(write.root)], index_dir=str(tmp_path / "index"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.query_one(DocumentList).row_count == 120
        partial = [n for n in app.listed if 0 < n < 120]
        assert partial, app.listed  # articles appeared before indexing ended
        assert not app.query_one("#index-status").display


async def test_quitting_mid_indexing_leaves_a_consistent_index(write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BATCH_DOCS", 20)
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
        for _ in range(200):
            await pilot.pause(0.02)
            if seen["n"] > 50:
                break
        assert app.indexing
        await pilot.press("ctrl+q")
        await pilot.pause(0.2)
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
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.query_one(DocumentList).row_count == 1
        skipped = [n for n in app._notifications if "Skipped" in n.message]
        assert skipped and "[bold]binary[red].txt" in skipped[0].message
        assert not skipped[0].markup  # the name is shown as it is, not as markup


async def test_empty_folder_and_unopenable_index_give_messages(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app([empty], tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.query_one(DocumentList).row_count == 0
        assert "No articles" in "\n".join(screen_lines(app.query_one(DocumentList)))
        await pilot.press(*"anything")
        await settle(pilot)
        assert app.is_running
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    broken = BylineApp([str(empty)], index_dir=str(blocker))
    async with broken.run_test(size=(120, 40)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if broken.sub_title.endswith("cannot open"):
                break
        assert broken.sub_title.endswith("cannot open")
        assert "is a file" in " ".join(" ".join(screen_lines(broken.query_one(ArticleView))).split())
        await pilot.press(*"x")
        await pilot.pause(0.3)
        assert broken.is_running
