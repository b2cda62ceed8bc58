"""What the main screen's keys and the command palette do: hits, back, the side panel, sort, help, open, export."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import Input

from ...index.models import QuoteRecord
from .. import safe
from ..export import EXTENSIONS, WRITERS, ExportFormat, citation
from ..session import Session
from ..values import SORT_NAMES, SORT_ORDERS, SortOrder
from .help import HelpScreen
from .pickers import ExportScreen

if TYPE_CHECKING:
    from .main import MainScreen

LETTER_KEY_ACTIONS = {"next_hit", "previous_hit", "back", "open_url", "speakers", "facets", "toggle_side", "cycle_sort", "quit_key", "help_key"}
"""Actions on letter keys (and Backspace): in a text field those keys are typing."""


class MainActions:
    """Mixed into :class:`~.main.MainScreen` (which holds the state and the bindings): its actions and commands."""

    # -- commands (the palette) --------------------------------------------------------------------
    def open_article(self: MainScreen, path: str) -> None:
        """Open an article from the palette: list it if the query hides it."""
        if self.documents.index_of(path) is None and self.query_text:
            self._restore = Session(query="", article=path)
            self.search_bar.set_query("")
            self.query_text = ""
            return
        self.documents.select_path(path)
        self.show_article(path, read=True)

    def set_sort(self: MainScreen, order: SortOrder) -> None:
        """Order the article list."""
        self.sort = order

    def current_quotes(self: MainScreen) -> tuple[str, list[QuoteRecord]]:
        """The quotations the side panel lists now, and what they are."""
        side = self.side
        if side.active_tab == "speakers" and side.speaker_mode and side.speaker is not None:
            return f"{side.speaker.name}'s quotations", list(side.speaker_quotes.records)
        title = self.reader.article.meta.title if self.reader.article else "this article"
        return f"the quotations of “{title}”", list(side.quotes.records)

    def export_quotes(self: MainScreen, fmt: ExportFormat) -> None:
        """Ask for a file name, then write the listed quotations there."""
        what, records = self.current_quotes()
        if not records:
            self.notify("No quotations to export.", severity="warning")
            return
        stem = re.sub(r"[^\w-]+", "-", what.casefold()).strip("-")[:40] or "quotes"
        default = os.path.join(os.getcwd(), f"byline-{stem}.{EXTENSIONS[fmt]}")

        def write(answer: tuple[str, bool] | None) -> None:
            if answer:
                self.write_export(answer[0], fmt, records, replace=answer[1])

        self.app.push_screen(ExportScreen(f"{len(records)} {what}", default), write)

    def write_export(self: MainScreen, path: str, fmt: ExportFormat, records: list[QuoteRecord] | tuple[QuoteRecord, ...], replace: bool = False) -> bool:
        """Write ``records`` as ``fmt`` to ``path`` (an existing file only if ``replace``); says so either way."""
        summaries = self.byline.summaries
        items = [citation(r, summaries.get(r.key)) for r in records]
        target = Path(path).expanduser()
        try:
            with open(target, "w" if replace else "x", encoding="utf-8") as fh:
                fh.write(WRITERS[fmt](items))
        except FileExistsError:
            self.notify(f"Not written: {safe.markup(target)} exists already.", severity="warning")
            return False
        except OSError as exc:
            self.notify(f"Cannot write {safe.markup(target)}: {safe.markup(exc.strerror or exc)}", severity="error")
            return False
        self.notify(f"Wrote {len(items)} quotations to {safe.markup(target)}")
        return True

    # -- keys ------------------------------------------------------------------------------------
    def check_action(self: MainScreen, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Letter keys belong to text fields while they have focus; others need something to act on."""
        if action in LETTER_KEY_ACTIONS and isinstance(self.focused, Input):
            return False
        if action == "back":
            return self.reader.can_go_back  # not in the footer when there is nowhere to go back to
        if action in ("next_hit", "previous_hit"):
            return bool(self.reader.view.hits)
        if action == "open_url":
            return self.reader.article is not None or None
        if action == "close_side":
            return self.overlay and self.side_open
        return True

    def action_focus_search(self: MainScreen) -> None:
        """Back to the search bar."""
        self.search_bar.input.focus()

    def action_next_hit(self: MainScreen) -> None:
        """Next hit in the reader."""
        self.reader.view.next_hit()

    def action_previous_hit(self: MainScreen) -> None:
        """Previous hit in the reader."""
        self.reader.view.previous_hit()

    def action_back(self: MainScreen) -> None:
        """Return to where the reader was before the last jump."""
        self.reader.back()

    def action_open_url(self: MainScreen) -> None:
        """Open the article's URL in the browser (made safe first); say so when there is none."""
        article = self.reader.article
        url = safe.safe_url(article.meta.url) if article is not None else None
        if article is None or not article.meta.url:
            self.notify("This article has no URL.", severity="warning")
            return
        if url is None:
            self.notify(f"Not a web address: {safe.markup(article.meta.url)}", severity="warning")
            return
        self.app.open_url(url)
        self.notify(f"Opening {safe.markup(url)}", timeout=3)

    def action_toggle_side(self: MainScreen) -> None:
        """``p``: show or hide the side panel on narrow terminals; move in and out of it on wide ones."""
        if self.overlay:
            self.side_open = not self.side_open
            return
        if self.focused is not None and self.side in self.focused.ancestors:
            self.reader.view.focus()
        else:
            self.side.focus_list()

    def action_close_side(self: MainScreen) -> None:
        """Esc: close the side panel shown over the reader."""
        self.side_open = False

    def action_speakers(self: MainScreen) -> None:
        """The speakers view (the filter takes the focus: type a name)."""
        self.side_tab = "speakers"
        if self.overlay:
            self.side_open = True
        self.side.show_all_speakers()
        self.call_after_refresh(self.side.focus_list)

    def action_facets(self: MainScreen) -> None:
        """``F``: the facets of the query: counts by outlet, folder and month (Enter on one narrows the list)."""
        self.side_tab = "facets"
        if self.overlay:
            self.side_open = True
        self.call_after_refresh(self.side.focus_list)

    def action_cycle_sort(self: MainScreen) -> None:
        """``S``: the next sort order (relevance only with a query: without one it lists by date)."""
        orders = SORT_ORDERS if self.query_text.strip() else tuple(o for o in SORT_ORDERS if o != "relevance")
        current = self.listed_order
        self.sort = orders[(orders.index(current) + 1) % len(orders)] if current in orders else orders[0]
        self.notify(f"Articles {SORT_NAMES[self.listed_order]}.", timeout=2)

    def action_help(self: MainScreen) -> None:
        """Keys and query syntax."""
        if not isinstance(self.app.screen, HelpScreen):
            self.app.push_screen(HelpScreen())

    def action_help_key(self: MainScreen) -> None:
        """``?``: the same help (a letter key, so not while typing)."""
        self.action_help()

    async def action_quit_key(self: MainScreen) -> None:
        """``q``: quit (a letter key, so not while typing)."""
        await self.app.action_quit()
