"""Quotations as a list: who said it, in what role, and the words (partial and unattributed ones marked)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from ...display import printable
from ...index.models import QuoteRecord
from .virtual_list import RowMessage, VirtualList


def speaker_label(record: QuoteRecord) -> str:
    """``Name, role``; ``unattributed`` for speech with no speaker; ``term`` for scare quotes."""
    q = record.quote
    if q.kind == "term":
        return "term"
    if not q.speaker:
        return "unattributed"
    return f"{q.speaker}, {q.role}" if q.role else q.speaker


class QuoteList(VirtualList):
    """Four lines per quotation: speaker (or article) and tags, two lines of words, a gap."""

    ROW_HEIGHT = 4
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Jump to quote", id="quotes.jump"),
        Binding("y", "copy", "Copy citation", id="quotes.copy"),
        Binding("a", "also_in", "Also in", id="quotes.also-in"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = VirtualList.COMPONENT_CLASSES | {
        "quote-list--speaker",
        "quote-list--unattributed",
        "quote-list--partial",
    }

    def __init__(self, *, show_article: bool = False, empty_text: str = "No quotations.", id: str | None = None) -> None:
        super().__init__(empty_text=empty_text, id=id)
        self.records: tuple[QuoteRecord, ...] = ()
        self.show_article = show_article
        """Name the article on the first line (a speaker's quotes across the corpus) instead of the speaker."""

    def show(self, records: Sequence[QuoteRecord], cursor: int = 0, empty_text: str | None = None) -> None:
        """Replace the quotations."""
        self.records = tuple(records)
        if empty_text is not None:
            self.empty_text = empty_text
        self.set_row_count(len(self.records), cursor)

    @property
    def current(self) -> QuoteRecord | None:
        """The quotation under the cursor."""
        return self.records[self.cursor] if 0 <= self.cursor < len(self.records) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`Also in` only for a quotation found in other articles; copy only with a quotation."""
        if action in ("copy", "select"):
            return self.current is not None
        if action == "also_in":
            current = self.current
            return bool(current and current.also_in)
        return True

    def watch_cursor(self, old: int, new: int) -> None:
        """Footer keys depend on the quotation under the cursor."""
        super().watch_cursor(old, new)
        self.refresh_bindings()

    def action_copy(self) -> None:
        """Handled by the app (it knows the article's outlet, date and URL)."""
        if self.current is not None:
            self.post_message(self.CopyRequested(self, self.cursor))

    def action_also_in(self) -> None:
        """Handled by the app: pick one of the other articles with this quotation."""
        if self.current is not None and self.current.also_in:
            self.post_message(self.AlsoInRequested(self, self.cursor))

    class CopyRequested(RowMessage):
        """Copy the quotation at ``index`` with its citation."""

    class AlsoInRequested(RowMessage):
        """Show the other articles that carry the quotation at ``index``."""

    def render_row(self, index: int, width: int) -> list[Text]:
        """Speaker line with tags, two lines of the quotation, a blank line."""
        record = self.records[index]
        q = record.quote
        dim = self.get_component_rich_style("virtual-list--dim", partial=True)
        attributed = q.kind == "speech" and bool(q.speaker)
        if self.show_article:
            head = Text(" " + (printable(record.title) or "(untitled)"), style=dim + self.get_component_rich_style("quote-list--speaker", partial=True))
        else:
            style = self.get_component_rich_style("quote-list--speaker" if attributed else "quote-list--unattributed", partial=True)
            head = Text(" " + printable(speaker_label(record)), style=style)
        tags = []
        if q.partial and q.kind == "speech":
            tags.append("partial")
        if record.also_in:
            tags.append(f"also in {len(record.also_in)}")
        if tags:
            tag_text = " " + " · ".join(tags) + " "
            room = width - len(tag_text)
            if head.cell_len > room:
                head.truncate(max(1, room), overflow="ellipsis")
            head.append(" " * max(1, room - head.cell_len))
            head.append(tag_text, style=self.get_component_rich_style("virtual-list--accent", partial=True))
        body_style = self.get_component_rich_style("quote-list--partial", partial=True) if q.partial else None
        if not attributed:
            body_style = dim if body_style is None else body_style + dim
        words = " ".join(printable(q.text).split())
        body = Text("“" + words + "”", style=body_style or "")
        lines = body.wrap(self.app.console, max(1, width - 3), overflow="fold")
        shown = [Text("   ") + line for line in lines[:2]]
        if len(lines) > 2:
            last = shown[1]
            last.rstrip()
            last.truncate(max(1, width - 1), overflow="crop")
            last.append("…")
        return [head, *shown] + [Text("")] * (3 - len(shown))
