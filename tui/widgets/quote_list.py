"""Quotations as a list: who said it, in what role, and the words (partial and unattributed ones marked)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from ...index.models import QuoteRecord
from .. import safe
from ..messages import CitationWanted, OtherArticlesWanted, QuoteChosen
from .list_filter import folded
from .virtual_list import VirtualList


def speaker_label(record: QuoteRecord) -> str:
    """``Name, role``; ``unattributed`` for speech with no speaker; ``term`` for scare quotes."""
    q = record.quote
    if q.kind == "term":
        return "term"
    if not q.speaker:
        return "unattributed"
    return f"{q.speaker}, {q.role}" if q.role else q.speaker


class QuoteList(VirtualList):
    """Four lines per quotation: speaker (or article) and tags, two lines of words, a gap.

    Enter (or a click) posts :class:`QuoteChosen`; ``y`` :class:`CitationWanted`;
    ``a`` :class:`OtherArticlesWanted`. :meth:`apply_filter` narrows the list to
    the quotations whose words, speaker, role or article title hold the text.
    """

    DEFAULT_CSS = """
    QuoteList > .quote-list--speaker {
        color: $text-primary;
        text-style: bold;
    }
    QuoteList > .quote-list--unattributed {
        color: $text-muted;
        text-style: italic;
    }
    QuoteList > .quote-list--partial {
        text-style: italic;
    }
    """
    ROW_HEIGHT = 4
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Show", id="quotes.jump"),
        Binding("y", "copy", "Cite", id="quotes.copy"),
        Binding("a", "also_in", "Also in", id="quotes.also-in"),
        Binding("f", "filter", "Filter", show=False, id="quotes.filter"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = VirtualList.COMPONENT_CLASSES | {
        "quote-list--speaker",
        "quote-list--unattributed",
        "quote-list--partial",
    }

    def __init__(self, *, show_article: bool = False, empty_text: str = "No quotations.", id: str | None = None) -> None:
        super().__init__(empty_text=empty_text, id=id)
        self.all_records: tuple[QuoteRecord, ...] = ()
        self.records: tuple[QuoteRecord, ...] = ()
        """The quotations listed (all of them, or those matching the filter)."""
        self.filter_text = ""
        self.show_article = show_article
        """Name the article on the first line (a speaker's quotes across the corpus) instead of the speaker."""
        self._empty = empty_text

    def show(self, records: Sequence[QuoteRecord], cursor: int = 0, empty_text: str | None = None) -> None:
        """Replace the quotations (the filter stays and applies to them)."""
        self.all_records = tuple(records)
        if empty_text is not None:
            self._empty = empty_text
        self._refilter(cursor)

    def apply_filter(self, text: str) -> None:
        """List only the quotations matching ``text`` (empty: all), keeping the cursor's one if it stays."""
        self.filter_text = text
        keep = self.current
        self._refilter(0, keep)

    def _refilter(self, cursor: int, keep: QuoteRecord | None = None) -> None:
        needle = folded(self.filter_text)
        if needle:
            self.records = tuple(r for r in self.all_records if needle in self._haystack(r))
        else:
            self.records = self.all_records
        if keep is not None and keep in self.records:
            cursor = self.records.index(keep)
        self.empty_text = "No quotation matches the filter." if (needle and self.all_records) else self._empty
        self.set_row_count(len(self.records), cursor)
        if self.has_focus:
            self.refresh_bindings()

    @staticmethod
    def _haystack(record: QuoteRecord) -> str:
        q = record.quote
        return folded(" ".join(x for x in (q.text, q.speaker, q.role, record.title, speaker_label(record)) if x))

    @property
    def current(self) -> QuoteRecord | None:
        """The quotation under the cursor."""
        return self.records[self.cursor] if 0 <= self.cursor < len(self.records) else None

    def index_of(self, span: tuple[int, int], path: str | None = None) -> int | None:
        """Row of the quotation at ``span`` (of the article ``path``, a key, when given), if listed."""
        for i, r in enumerate(self.records):
            if (r.quote.start, r.quote.end) == span and (path is None or r.key == path):
                return i
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`Also in` only for a quotation found in other articles; copy only with a quotation."""
        if action in ("copy", "select"):
            return self.current is not None
        if action == "also_in":
            current = self.current
            return bool(current and current.also_in)
        if action == "filter":
            return self.parent is not None and any(w.display for w in self.parent.query("ListFilter"))
        return True

    def watch_cursor(self, old: int, new: int) -> None:
        """Footer keys depend on the quotation under the cursor (``a`` only for one found elsewhere too)."""
        super().watch_cursor(old, new)
        if self.has_focus:
            self.refresh_bindings()

    def on_virtual_list_selected(self, event: VirtualList.Selected) -> None:
        """Enter or a click: show the quotation in its article."""
        event.stop()
        if self.current is not None:
            self.post_message(QuoteChosen(self.current))

    def on_virtual_list_highlighted(self, event: VirtualList.Highlighted) -> None:
        """Moving through quotations is local to the list."""
        event.stop()

    def action_copy(self) -> None:
        """Copy the quotation with its citation (the screen knows the article's outlet, date and URL)."""
        if self.current is not None:
            self.post_message(CitationWanted(self.current))

    def action_also_in(self) -> None:
        """Pick one of the other articles with this quotation."""
        if self.current is not None and self.current.also_in:
            self.post_message(OtherArticlesWanted(self.current))

    def action_filter(self) -> None:
        """Move to the filter above the list."""
        if self.parent is not None:
            for widget in self.parent.query("ListFilter"):
                if widget.display:
                    widget.focus()
                    return

    def render_row(self, index: int, width: int) -> list[Text]:
        """Speaker line with tags, two lines of the quotation, a blank line."""
        record = self.records[index]
        q = record.quote
        dim = self.get_component_rich_style("virtual-list--dim", partial=True)
        attributed = q.kind == "speech" and bool(q.speaker)
        if self.show_article:
            head = Text(" ") + safe.text(record.title or "(untitled)", style=dim + self.get_component_rich_style("quote-list--speaker", partial=True))
        else:
            style = self.get_component_rich_style("quote-list--speaker" if attributed else "quote-list--unattributed", partial=True)
            head = Text(" ") + safe.text(speaker_label(record), style=style)
        tags = []
        if q.partial and q.kind == "speech":
            tags.append("partial")
        if record.also_in:
            tags.append(f"also in {len(record.also_in)}")
        if tags:
            tag_text = " " + " · ".join(tags) + " "
            room = width - len(tag_text)
            if head.cell_len > room - 1:  # keep a space before the tags
                head.truncate(max(1, room - 1), overflow="ellipsis")
            head.append(" " * max(1, room - head.cell_len))
            head.append(tag_text, style=self.get_component_rich_style("virtual-list--accent", partial=True))
        body_style = self.get_component_rich_style("quote-list--partial", partial=True) if q.partial else None
        if not attributed:
            body_style = dim if body_style is None else body_style + dim
        body = Text("“") + safe.text(" ".join(q.text.split())) + Text("”")
        if body_style is not None:
            body.stylize(body_style)
        lines = body.wrap(self.app.console, max(1, width - 3), overflow="fold")
        shown = [Text("   ") + line for line in lines[:2]]
        if len(lines) > 2:
            last = shown[1]
            last.rstrip()
            last.truncate(max(1, width - 1), overflow="crop")
            last.append("…")
        return [head, *shown] + [Text("")] * (3 - len(shown))
