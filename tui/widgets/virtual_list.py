"""A keyboard-driven list that draws only the rows on screen.

Lists of articles can hold a hundred thousand rows: mounting a widget per row,
or even wrapping every row's text up front, would stall the UI. A
:class:`VirtualList` knows only how many rows it has; it asks its subclass to
render a row (a fixed number of screen lines) when that row scrolls into view,
and caches the result.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

_CACHE_ROWS = 512


class RowMessage(Message):
    """A message about one row of a list."""

    def __init__(self, control: VirtualList, index: int) -> None:
        super().__init__()
        self._control = control
        self.index = index

    @property
    def control(self) -> VirtualList:
        """The list that sent this."""
        return self._control


class VirtualList(ScrollView, can_focus=True):
    """Rows of fixed height with a cursor; subclasses implement :meth:`render_row`."""

    DEFAULT_CSS = """
    VirtualList {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    VirtualList > .virtual-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    VirtualList > .virtual-list--cursor-blurred {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
    }
    VirtualList > .virtual-list--dim {
        color: $text-muted;
    }
    VirtualList > .virtual-list--accent {
        color: $text-accent;
        text-style: bold;
    }
    VirtualList > .virtual-list--empty {
        color: $text-muted;
        text-style: italic;
    }
    """

    ROW_HEIGHT: ClassVar[int] = 1
    """Screen lines per row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("home", "first", "First", show=False, id="list.first"),
        Binding("end", "last", "Last", show=False, id="list.last"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page-down"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--cursor",
        "virtual-list--cursor-blurred",
        "virtual-list--dim",
        "virtual-list--accent",
        "virtual-list--empty",
    }

    cursor: reactive[int] = reactive(-1, init=False, always_update=True)
    """Index of the highlighted row (-1 when the list is empty)."""

    class Highlighted(RowMessage):
        """The cursor moved to another row."""

    class Selected(RowMessage):
        """A row was chosen (Enter or a click)."""

    def __init__(self, *, empty_text: str = "Nothing here.", name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._count = 0
        self._cache: dict[tuple[int, int, bool, bool], list[Strip]] = {}
        self.empty_text = empty_text

    # -- content ------------------------------------------------------------
    @property
    def row_count(self) -> int:
        """How many rows the list holds."""
        return self._count

    def set_row_count(self, count: int, cursor: int = 0) -> None:
        """Replace the rows (the subclass has already swapped its data) and place the cursor (quietly).

        A cursor on a row that cannot be selected (a header) moves to the next row that can.
        """
        self._count = max(0, count)
        self._cache.clear()
        self.virtual_size = Size(0, self._count * self.ROW_HEIGHT)
        self.scroll_to(y=0, animate=False, immediate=True)
        with self.prevent(VirtualList.Highlighted):  # new rows: whoever set them knows where the cursor is
            place = min(max(cursor, 0), self._count - 1) if self._count else -1
            self.cursor = self._selectable_from(place, 1) if place >= 0 else -1
        self.refresh()

    def selectable(self, index: int) -> bool:
        """Whether row ``index`` can take the cursor (subclasses with header rows say no for those)."""
        return True

    def _selectable_from(self, index: int, step: int) -> int:
        """The first row from ``index`` on (going by ``step``, then the other way) that can take the cursor; -1: none."""
        for direction in (step, -step):
            row = index
            while 0 <= row < self._count:
                if self.selectable(row):
                    return row
                row += direction
        return -1

    def invalidate(self) -> None:
        """Redraw every row (their data changed in place)."""
        self._cache.clear()
        self.refresh()

    def render_row(self, index: int, width: int) -> list[Text]:
        """The ``ROW_HEIGHT`` lines of row ``index`` (subclasses override)."""
        raise NotImplementedError

    # -- drawing --------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y`` from the row under it."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = scroll_y + y
        if self._count == 0:
            if line == 0:
                text = Text(self.empty_text, style=self.get_component_rich_style("virtual-list--empty", partial=True), no_wrap=True)
                text.truncate(width, overflow="ellipsis", pad=True)
                return Strip(text.render(self.app.console), width).apply_style(base)
            return Strip.blank(width, base)
        row, sub = divmod(line, self.ROW_HEIGHT)
        if row >= self._count:
            return Strip.blank(width, base)
        strips = self._row_strips(row, width)
        return strips[sub].crop_extend(0, width, base)

    def _row_strips(self, row: int, width: int) -> list[Strip]:
        selected = row == self.cursor
        key = (row, width, selected, selected and self.has_focus)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        lines = self.render_row(row, width)[: self.ROW_HEIGHT]
        lines += [Text("")] * (self.ROW_HEIGHT - len(lines))
        cursor_style: Style | None = None
        if selected:
            cursor_style = self.get_component_rich_style(
                "virtual-list--cursor" if self.has_focus else "virtual-list--cursor-blurred", partial=True
            )
        strips: list[Strip] = []
        console = self.app.console
        for text in lines:
            text = text.copy()
            text.no_wrap = True
            text.truncate(width, overflow="ellipsis", pad=True)
            if cursor_style is not None:
                text.stylize(cursor_style)  # over the row's own colours, so it reads on the cursor
            strips.append(Strip(text.render(console), width).apply_style(self.rich_style))
        if len(self._cache) > _CACHE_ROWS:
            self._cache.clear()
        self._cache[key] = strips
        return strips

    def on_resize(self, event: events.Resize) -> None:
        """Row texts are cut to the width: redraw them, and keep the cursor's row in view."""
        self._cache.clear()
        self.call_after_refresh(self.scroll_to_cursor)

    def scroll_to_cursor(self) -> None:
        """Bring the cursor's row into view (with the header rows just above it)."""
        if 0 <= self.cursor < self._count and self.size.height:
            top = self.cursor
            while top > 0 and not self.selectable(top - 1):
                top -= 1
            self.scroll_to_region(
                Region(0, top * self.ROW_HEIGHT, max(1, self.size.width), (self.cursor - top + 1) * self.ROW_HEIGHT),
                animate=False,
                immediate=True,
            )

    def on_focus(self) -> None:
        """The cursor looks different when the list has focus."""
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        """The cursor looks different when the list has focus."""
        self._refresh_row(self.cursor)

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < self._count:
            _, scroll_y = self.scroll_offset
            region = Region(0, row * self.ROW_HEIGHT - scroll_y, self.size.width, self.ROW_HEIGHT)
            self.refresh(region)

    # -- cursor ---------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the two rows involved, bring the new one into view and say so."""
        self._refresh_row(old)
        self._refresh_row(new)
        if 0 <= new < self._count:
            self.scroll_to_cursor()
            self.post_message(self.Highlighted(self, new))

    def move_cursor(self, index: int, announce: bool = True) -> None:
        """Put the cursor on row ``index`` (clamped); ``announce=False`` posts no :class:`Highlighted`.

        A row that cannot take the cursor (a header) is passed over in the direction of the move.
        """
        if not self._count:
            return
        index = min(max(index, 0), self._count - 1)
        index = self._selectable_from(index, -1 if index < self.cursor else 1)
        if index < 0:
            return
        if announce:
            self.cursor = index
        else:
            with self.prevent(VirtualList.Highlighted):
                self.cursor = index

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.ROW_HEIGHT)

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.move_cursor(self.cursor - 1)

    def action_cursor_down(self) -> None:
        """Next row."""
        self.move_cursor(self.cursor + 1)

    def action_first(self) -> None:
        """First row."""
        self.move_cursor(0)

    def action_last(self) -> None:
        """Last row."""
        self.move_cursor(self._count - 1)

    def action_page_up(self) -> None:
        """One screenful up."""
        self.move_cursor(self.cursor - self._page())

    def action_page_down(self) -> None:
        """One screenful down."""
        self.move_cursor(self.cursor + self._page())

    def action_select(self) -> None:
        """Choose the row under the cursor."""
        if 0 <= self.cursor < self._count and self.selectable(self.cursor):
            self.post_message(self.Selected(self, self.cursor))

    async def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the row and chooses it."""
        _, scroll_y = self.scroll_offset
        row = (event.y + scroll_y) // self.ROW_HEIGHT
        if 0 <= row < self._count:
            self.focus()
            if not self.selectable(row):
                return
            self.cursor = row
            self.post_message(self.Selected(self, row))
