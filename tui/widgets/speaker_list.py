"""Every speaker of the corpus with quote and article counts, grouped by kind, narrowed as the user types a filter.

The speakers come in four groups, each under a header row with its count:
people, then organisations, then documents (``Pentagon report``), then unnamed
sources (``a senior official``); within
a group the most quoted come first. Header rows never take the cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from ...index.models import SPEAKER_GROUP_TITLES, SPEAKER_KIND_LABELS, SPEAKER_KINDS, Speaker, SpeakerKind
from .. import safe
from ..messages import SpeakerChosen
from .list_filter import folded
from .virtual_list import VirtualList

GROUP_TITLES: dict[SpeakerKind, str] = SPEAKER_GROUP_TITLES
"""The header of each kind's group (the engine's titles, as the CLI prints them)."""
KIND_LABELS: dict[SpeakerKind, str] = SPEAKER_KIND_LABELS
"""A speaker's kind in a few words (the palette's help line)."""


@dataclass(frozen=True)
class GroupHeader:
    """The header row over one kind's speakers: its title and how many of them are listed."""

    kind: SpeakerKind
    count: int

    @property
    def title(self) -> str:
        """``People``, ``Organisations`` or ``Unnamed sources``."""
        return GROUP_TITLES[self.kind]


class SpeakerList(VirtualList):
    """Two lines per speaker: the name with counts, then the role; a header row over each kind's group.

    Enter posts :class:`SpeakerChosen`.
    """

    ROW_HEIGHT = 2
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Quotes", id="speakers.quotes"),
        Binding("f", "filter", "Filter", show=False, id="speakers.filter"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(empty_text="Speakers are listed when this tab opens.", id=id)
        self.all_speakers: tuple[Speaker, ...] = ()
        self.speakers: tuple[Speaker, ...] = ()
        """The speakers listed (all, or those matching the filter), group by group as the rows show them."""
        self.rows: tuple[Speaker | GroupHeader, ...] = ()
        """The rows: each group's header, then its speakers."""
        self.filter_text = ""
        self.loaded = False
        self._keys: tuple[str, ...] = ()

    def show(self, speakers: Sequence[Speaker]) -> None:
        """Replace the speakers (most quoted first), keeping the filter and the cursor's speaker."""
        keep = self.current
        self.all_speakers = tuple(speakers)
        self._keys = tuple(folded(f"{s.name} {s.role or ''}") for s in self.all_speakers)
        self.loaded = True
        self._refilter(keep)

    def apply_filter(self, text: str) -> None:
        """List only the speakers whose name or role holds ``text`` (empty: all), in every group."""
        self.filter_text = text
        self._refilter(self.current)

    def _refilter(self, keep: Speaker | None) -> None:
        needle = folded(self.filter_text)
        if needle:
            listed = [s for s, key in zip(self.all_speakers, self._keys) if needle in key]
            self.empty_text = "No speaker matches the filter."
        else:
            listed = list(self.all_speakers)
            self.empty_text = "No speakers in this corpus." if self.loaded else "Listing the speakers…"
        groups: dict[str, list[Speaker]] = {kind: [] for kind in SPEAKER_KINDS}
        for s in listed:
            groups.get(s.kind, groups["person"]).append(s)
        rows: list[Speaker | GroupHeader] = []
        for kind in SPEAKER_KINDS:
            if groups[kind]:
                rows.append(GroupHeader(kind, len(groups[kind])))
                rows.extend(groups[kind])
        self.rows = tuple(rows)
        self.speakers = tuple(r for r in self.rows if isinstance(r, Speaker))
        cursor = self.rows.index(keep) if keep is not None and keep in self.speakers else 0
        self.set_row_count(len(self.rows), cursor)

    def selectable(self, index: int) -> bool:
        """Speakers take the cursor; group headers do not."""
        return 0 <= index < len(self.rows) and isinstance(self.rows[index], Speaker)

    def index_of(self, name: str) -> int | None:
        """Row of the speaker called ``name`` (case-insensitive), if listed."""
        wanted = name.casefold()
        for i, row in enumerate(self.rows):
            if isinstance(row, Speaker) and row.name.casefold() == wanted:
                return i
        return None

    def go_to(self, name: str) -> bool:
        """Put the cursor (quietly) on the speaker called ``name``; ``False`` when they are not listed."""
        row = self.index_of(name)
        if row is None:
            return False
        self.move_cursor(row, announce=False)
        return True

    @property
    def current(self) -> Speaker | None:
        """The speaker under the cursor."""
        row = self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None
        return row if isinstance(row, Speaker) else None

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
        """A header's title, rule and count under a blank line; a speaker's name and counts, then the role (where the name
        would be cut, the counts go after the role)."""
        row = self.rows[index]
        if isinstance(row, GroupHeader):
            return self._render_header(row, width)
        s = row
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

    def _render_header(self, header: GroupHeader, width: int) -> list[Text]:
        """A blank line (apart from the group above), then ``People ──── 2``: the title, a rule, the group's count."""
        accent = self.get_component_rich_style("virtual-list--accent", partial=True)
        dim = self.get_component_rich_style("virtual-list--dim", partial=True)
        line = Text(" ") + Text(header.title, style=accent)
        count = f" {header.count:,} "
        line.append(" " + "─" * max(1, width - line.cell_len - len(count) - 1), style=dim)
        line.append(count, style=accent)
        return [Text(""), line]
