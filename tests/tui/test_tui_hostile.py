"""One hostile corpus through every place the reader draws text from outside (issue 12, item 1).

Titles, file names, folder names, quotations and queries carrying Rich/Textual
markup, ``[@click=…]`` actions, ANSI and OSC 8 escape sequences and bidi
overrides must be shown as text everywhere: list rows, the reader and its
header, the side panel, the palette's hits and their help, toasts, modal
titles and the search notice. Nothing may run an action or raise.
"""

from __future__ import annotations

import os
from pathlib import Path

from byline.tui.app import BylineApp
from byline.tui.screens.pickers import AlsoInScreen, ConfirmScreen, ExportScreen
from byline.tui.widgets.article_view import ArticleView
from byline.tui.widgets.quote_list import QuoteList
from textual.command import CommandList
from textual.content import Content
from textual.widgets import Static
from tui_helpers import make_app, record_notices, screen_lines, settle, until

CLICK_TITLE = "[@click=app.screenshot('pwned.svg','.')]Yak news[/] today"
BAD_TITLE = "[bold red on white]X[/] [link=https://evil.example]click[/link] zebra"
OSC8 = "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"
QUOTE = '"[blink]Markup[/blink] and [@click=app.quit]quit[/] in a quote," said Evil Person.'

HOSTILE_FILES = {
    "yak.txt": f"{CLICK_TITLE}\nPublish date : 2024-11-20\nSource link : https://example.com/yak\n\n{QUOTE}\n\nMore words about yaks.\n",
    "bad.txt": f"{BAD_TITLE}\nPublish date : 2024-11-19\n\n{QUOTE}\n\nAn escape \x1b[2J\x1b[31mred\x1b[0m and {OSC8} and a bidi \u202eevil\u202c override.\n",
    "[b]named[i] \x1b[31m.txt": "Plainly titled\n\nNothing odd inside, said Ann Lee.\n",
    "[i]binary.txt": bytes(range(256)) * 40,
}


def _write_corpus(root: Path) -> Path:
    folder = root / "[@click=app.quit]corpus[b]"
    folder.mkdir(parents=True)
    for name, content in HOSTILE_FILES.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def _literal(markup: str) -> str:
    """What a toast shows for its (markup) message."""
    return Content.from_markup(markup).plain


def _no_foreign_actions(app: BylineApp) -> None:
    """No segment drawn on screen carries an action or a link taken from the corpus."""
    for widget in app.screen.query("*"):
        if not widget.display or not hasattr(widget, "render_line") or not widget.size.height:
            continue
        for y in range(widget.size.height):
            for segment in widget.render_line(y):
                style = segment.style
                if style is None:
                    continue
                assert not style.link, (widget, segment)
                meta = style.meta if style._meta else {}
                assert "pwned" not in repr(meta) and "app.quit" not in repr(meta), (widget, segment)


async def test_hostile_text_is_shown_literally_everywhere(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path)
    app = make_app([corpus], tmp_path)
    seen = record_notices(app)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(240, 50)) as pilot:
        await settle(pilot)
        main = app.main
        docs = main.documents
        assert docs.row_count == 3
        # the header names the folder literally
        assert app.sub_title.startswith("[@click=app.quit]corpus[b] · 3 articles")
        header = app.screen.query_one("HeaderTitle")
        assert "[@click=app.quit]corpus[b]" in str(header.render())
        # toasts: the skipped file is named literally (a toast reads markup)
        skipped = [m for m in seen if "Skipped" in m]
        assert skipped and "[i]binary.txt" in _literal(skipped[0])
        # list rows
        listed = "\n".join(screen_lines(docs))
        assert CLICK_TITLE in listed and "[bold red on white]X[/]" in listed
        # each article in the reader, its header and its quotations
        for index, row in enumerate(docs.rows):
            docs.focus()
            docs.cursor = index
            await settle(pilot)
            assert main.reader.path == row.key
            title = str(app.query_one("#reader-title", Static).render())
            view = app.query_one(ArticleView)
            drawn = " ".join(" ".join(screen_lines(view)).split())
            if row.title == CLICK_TITLE:
                assert CLICK_TITLE in title and CLICK_TITLE in drawn
            if row.title.startswith("[bold red"):
                assert BAD_TITLE in title
                assert "␛[2J␛[31mred␛[0m" in drawn and "␛]8;;https://evil.example␛\\link" in drawn
                assert "\u202e" not in drawn and "\x1b" not in drawn
                quotes = " ".join(screen_lines(app.query_one("#quotes", QuoteList)))
                assert "[blink]Markup[/blink]" in quotes and "[@click=app.quit]quit[/]" in quotes
            _no_foreign_actions(app)
        # the search notice shows a hostile query literally
        main.search_bar.input.value = "[bold]yak[/bold] [@click=app.quit]x"
        await settle(pilot)
        notice = str(app.query_one("#search-notice").render())
        assert "[bold]" in notice and app.is_running
        main.search_bar.input.value = ""
        await settle(pilot)

        # the palette: hits and their help are literal; a malformed title hides nothing
        await pilot.press("ctrl+p")
        await pilot.press(*"Yak news")
        await until(pilot, lambda: app.screen.query(CommandList) and app.screen.query_one(CommandList).option_count > 0)
        await settle(pilot)
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert CLICK_TITLE in prompts[0], prompts
        docs.cursor = next(i for i, r in enumerate(docs.rows) if r.title != CLICK_TITLE)
        await settle(pilot)
        await pilot.click(CommandList, offset=(12, 1))  # a click on the hit's title opens the article, runs nothing else
        await settle(pilot)
        assert app.is_running and app.screen is main
        assert main.reader.article is not None and main.reader.article.meta.title == CLICK_TITLE
        assert not (Path(os.getcwd()) / "pwned.svg").exists()
        await pilot.press("ctrl+p")
        await pilot.press(*"zebra")
        await until(pilot, lambda: app.screen.query(CommandList) and app.screen.query_one(CommandList).option_count > 0)
        await settle(pilot)
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[bold red on white]X[/]" in p for p in prompts), prompts
        await pilot.press("escape")
        await settle(pilot)

        # modal titles: also-in, export, confirm
        quotes = app.query_one("#quotes", QuoteList)
        assert quotes.records
        record = next((r for r in quotes.records if r.also_in), quotes.records[0])
        app.push_screen(AlsoInScreen(record.quote.text, list(app.summaries.values())))
        await settle(pilot)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "[blink]Markup[/blink]" in shown
        await pilot.press("escape")
        main.export_quotes("markdown")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        shown = str(app.screen.query_one("#export-title", Static).render())
        assert CLICK_TITLE in shown
        target = tmp_path / "[b]out[i].md"
        target.write_text("keep me", encoding="utf-8")
        app.screen.query_one("#export-path").value = str(target)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "[b]out[i].md" in str(app.screen.query_one("#confirm-question", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "keep me"
        assert isinstance(app.screen, ExportScreen)  # still asking where to write
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main
        # the citation copied and the toast that says so keep the text literal
        quotes.focus()
        quotes.cursor = next(i for i, r in enumerate(quotes.records) if "[blink]" in r.quote.text)
        await pilot.press("y")
        assert copied and "[blink]Markup[/blink]" in copied[-1]
        assert "[blink]Markup[/blink]" in _literal(seen[-1])
        _no_foreign_actions(app)
        assert app.is_running
