"""Every speaker of the corpus with quote and article counts, narrowed as the user types a filter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from ...index.models import Speaker
from .. import safe
from ..messages import SpeakerChosen
from .list_filter import folded
from .virtual_list import VirtualList


class SpeakerList(VirtualList):
    """Two lines per speaker: the name with counts, then the role. Enter posts :class:`SpeakerChosen`."""

    ROW_HEIGHT = 2
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Quotes", id="speakers.quotes"),
        Binding("f", "filter", "Filter", show=False, id="speakers.filter"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(empty_text="Speakers are listed when this tab opens.", id=id)
        self.all_speakers: tuple[Speaker, ...] = ()
        self.speakers: tuple[Speaker, ...] = ()
        """The speakers listed (all, or those matching the filter)."""
        self.filter_text = ""
        self.loaded = False
        self._keys: tuple[str, ...] = ()

    def show(self, speakers: Sequence[Speaker]) -> None:
        """Replace the speakers, keeping the filter and the cursor's speaker."""
        keep = self.current
        self.all_speakers = tuple(speakers)
        self._keys = tuple(folded(f"{s.name} {s.role or ''}") for s in self.all_speakers)
        self.loaded = True
        self._refilter(keep)

    def apply_filter(self, text: str) -> None:
        """List only the speakers whose name or role holds ``text`` (empty: all)."""
        self.filter_text = text
        self._refilter(self.current)

    def _refilter(self, keep: Speaker | None) -> None:
        needle = folded(self.filter_text)
        if needle:
            self.speakers = tuple(s for s, key in zip(self.all_speakers, self._keys) if needle in key)
            self.empty_text = "No speaker matches the filter."
        else:
            self.speakers = self.all_speakers
            self.empty_text = "No speakers in this corpus." if self.loaded else "Listing the speakers…"
        cursor = self.speakers.index(keep) if keep is not None and keep in self.speakers else 0
        self.set_row_count(len(self.speakers), cursor)

    def index_of(self, name: str) -> int | None:
        """Row of the speaker called ``name`` (case-insensitive), if listed."""
        wanted = name.casefold()
        for i, s in enumerate(self.speakers):
            if s.name.casefold() == wanted:
                return i
        return None

    @property
    def current(self) -> Speaker | None:
        """The speaker under the cursor."""
        return self.speakers[self.cursor] if 0 <= self.cursor < len(self.speakers) else None

    def on_virtual_list_selected(self, event: VirtualList.Selected) -> None:
        """Enter or a click: list this speaker's quotations."""
        event.stop()
        if self.current is not None:
            self.post_message(SpeakerChosen(self.current.name))

    def on_virtual_list_highlighted(self, event: VirtualList.Highlighted) -> None:
        """Moving through speakers is local to the list."""
        event.stop()

    def action_filter(self) -> None:
        """Move to the filter above the list."""
        if self.parent is not None:
            for widget in self.parent.query("ListFilter"):
                widget.focus()
                return

    def render_row(self, index: int, width: int) -> list[Text]:
        """Name and counts, then the role; where the name would be cut, the counts go after the role."""
        s = self.speakers[index]
        counts = f"{s.quotes} quote{'s' if s.quotes != 1 else ''} · {s.articles} article{'s' if s.articles != 1 else ''} "
        accent = self.get_component_rich_style("virtual-list--accent", partial=True)
        name = Text(" ") + safe.text(s.name, style="bold")
        role = Text("   ") + safe.text(s.role or "", style=self.get_component_rich_style("virtual-list--dim", partial=True))
        room = width - len(counts)
        if name.cell_len <= room - 1:
            name.append(" " * max(1, room - name.cell_len))
            name.append(counts, style=accent)
            return [name, role]
        if name.cell_len > width:  # a narrow column: the whole line for the name, the counts below
            name.truncate(max(1, width), overflow="ellipsis")
        counts = f"{s.quotes}q · {s.articles}a " if len(counts) > width - 4 else counts
        if role.cell_len > width - len(counts) - 1:
            role.truncate(max(1, width - len(counts) - 1), overflow="ellipsis")
        role.append(" " * max(1, width - len(counts) - role.cell_len))
        role.append(counts, style=accent)
        return [name, role]
