"""The document list: every article, or the articles a query matched, ranked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from ...display import printable
from .virtual_list import VirtualList


@dataclass(frozen=True)
class DocumentRow:
    """What a row shows: an article, and with a query, how many hits it has."""

    path: str
    title: str
    outlet: str | None
    date: str | None
    hits: int | None = None
    """Number of hits in the article (``None`` without a query, or when not counted)."""
    quotes: int = 0


class DocumentList(VirtualList):
    """Two lines per article: the title, then outlet, date and hit count."""

    ROW_HEIGHT = 2
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Read", id="documents.read"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(empty_text="No articles.", id=id)
        self.rows: tuple[DocumentRow, ...] = ()
        self.border_title = "Articles"

    def show(self, rows: Sequence[DocumentRow], cursor: int = 0, empty_text: str = "No articles.") -> None:
        """Replace the rows; the cursor lands on ``cursor``."""
        self.rows = tuple(rows)
        self.empty_text = empty_text
        self.set_row_count(len(self.rows), cursor)

    def replace_row(self, index: int, row: DocumentRow) -> None:
        """Change one row in place (a hit count learnt later)."""
        rows = list(self.rows)
        rows[index] = row
        self.rows = tuple(rows)
        self.invalidate()

    def index_of(self, path: str) -> int | None:
        """Row index of the article at ``path``, if listed."""
        for i, row in enumerate(self.rows):
            if row.path == path:
                return i
        return None

    @property
    def current(self) -> DocumentRow | None:
        """The row under the cursor."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def render_row(self, index: int, width: int) -> list[Text]:
        """Title on the first line; outlet · date and the hit count on the second."""
        row = self.rows[index]
        title = Text(printable(row.title) or "(untitled)", style="bold")
        facts = [printable(x) for x in (row.outlet, row.date) if x]
        info = Text(" " + " · ".join(facts), style=self.get_component_rich_style("virtual-list--dim", partial=True))
        if row.hits is not None:
            count = f" {row.hits} hit{'s' if row.hits != 1 else ''} "
            room = max(1, width - len(count))
            if info.cell_len > room:
                info.truncate(room, overflow="ellipsis")
            pad = max(0, room - info.cell_len)
            info.append(" " * pad)
            info.append(count, style=self.get_component_rich_style("virtual-list--accent", partial=True))
        return [Text(" ") + title, info]
