"""Every speaker of the corpus with quote and article counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from ...display import printable
from ...index.models import Speaker
from .virtual_list import VirtualList


class SpeakerList(VirtualList):
    """Two lines per speaker: the name with counts, then the role."""

    ROW_HEIGHT = 2
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Their quotes", id="speakers.quotes"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(empty_text="No speakers yet.", id=id)
        self.speakers: tuple[Speaker, ...] = ()

    def show(self, speakers: Sequence[Speaker], cursor: int = 0) -> None:
        """Replace the speakers."""
        self.speakers = tuple(speakers)
        self.set_row_count(len(self.speakers), cursor)

    def index_of(self, name: str) -> int | None:
        """Row of the speaker called ``name`` (case-insensitive), if any."""
        wanted = name.casefold()
        for i, s in enumerate(self.speakers):
            if s.name.casefold() == wanted:
                return i
        return None

    @property
    def current(self) -> Speaker | None:
        """The speaker under the cursor."""
        return self.speakers[self.cursor] if 0 <= self.cursor < len(self.speakers) else None

    def render_row(self, index: int, width: int) -> list[Text]:
        """Name and counts, then the role."""
        s = self.speakers[index]
        counts = f"{s.quotes} quote{'s' if s.quotes != 1 else ''} · {s.articles} article{'s' if s.articles != 1 else ''} "
        name = Text(" " + printable(s.name), style="bold")
        room = width - len(counts)
        if name.cell_len > room - 1:
            name.truncate(max(1, room - 1), overflow="ellipsis")
        name.append(" " * max(1, room - name.cell_len))
        name.append(counts, style=self.get_component_rich_style("virtual-list--accent", partial=True))
        role = Text("   " + printable(s.role or ""), style=self.get_component_rich_style("virtual-list--dim", partial=True))
        return [name, role]
