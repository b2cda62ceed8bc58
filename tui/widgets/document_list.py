"""The document list: every article, or every article a query matched, loaded page by page as it scrolls."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.timer import Timer

from .. import safe
from ..messages import ArticleChosen, MoreRowsWanted
from ..values import DocumentRow
from .virtual_list import VirtualList

PREVIEW_DELAY = 0.08
"""Seconds the cursor rests on an article before it is shown."""
PAGE = 200
"""Rows asked for at a time when the list scrolls past what is loaded."""


class DocumentList(VirtualList):
    """Two lines per article: the title, then outlet, date, folder (where it fits) and hit count.

    The list knows how many articles match (:attr:`total`) but holds only the
    rows loaded so far; a row scrolled to beyond them shows ``…`` and the list
    posts :class:`MoreRowsWanted`. Moving the cursor previews the article under
    it (:class:`ArticleChosen`, after a short rest); Enter reads it.
    """

    ROW_HEIGHT = 2
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Read", id="documents.read"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(empty_text="No articles.", id=id)
        self.rows: list[DocumentRow] = []
        self.total = 0
        self._index: dict[str, int] = {}
        self._wanted = 0
        self._preview: Timer | None = None
        self.border_title = "Articles"

    # -- content --------------------------------------------------------------------
    def show(self, rows: Sequence[DocumentRow], total: int | None = None, cursor: int = 0, empty_text: str = "No articles.") -> None:
        """Replace the rows (the first ``len(rows)`` of ``total``); the cursor lands on ``cursor`` quietly."""
        self.rows = list(rows)
        self.total = max(len(self.rows), total if total is not None else 0)
        self._index = {row.key: i for i, row in enumerate(self.rows)}
        self._wanted = len(self.rows)
        self.empty_text = empty_text
        self._stop_preview()
        self.set_row_count(self.total, cursor)

    def add_rows(self, rows: Sequence[DocumentRow]) -> None:
        """Rows that follow the loaded ones (a page of the same listing); the cursor's row, once loaded, is shown."""
        waiting = self.cursor >= len(self.rows)
        for row in rows:
            if row.key not in self._index:
                self._index[row.key] = len(self.rows)
                self.rows.append(row)
        self.total = max(self.total, len(self.rows))
        self._wanted = len(self.rows)
        self.invalidate()
        if waiting and self.current is not None:
            self._preview_current()

    def update_row(self, path: str, **changes: object) -> None:
        """Change one row in place (a hit count learnt later)."""
        index = self._index.get(path)
        if index is not None:
            self.rows[index] = self.rows[index]._replace(**changes)
            self.invalidate()

    def index_of(self, path: str) -> int | None:
        """Row index of the article at ``path``, if loaded."""
        return self._index.get(path)

    @property
    def current(self) -> DocumentRow | None:
        """The row under the cursor (``None`` on a row not loaded yet)."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def previewing(self) -> bool:
        """The cursor moved and the article under it is about to be shown."""
        return self._preview is not None

    def select_path(self, path: str) -> bool:
        """Put the cursor on ``path`` without showing it (it is shown already); whether it is listed."""
        index = self._index.get(path)
        if index is None:
            return False
        if index != self.cursor:
            self._stop_preview()
            self.move_cursor(index, announce=False)
        return True

    # -- paging ---------------------------------------------------------------------
    def _want(self, index: int) -> None:
        """Ask for rows up to a page beyond ``index`` if it is near the end of the loaded ones."""
        if index >= len(self.rows) - PAGE // 4 and len(self.rows) < self.total:
            upto = min(self.total, max(index + 1, len(self.rows)) + PAGE)
            if upto > self._wanted:
                self._wanted = upto
                self.post_message(MoreRowsWanted(upto))

    def render_row(self, index: int, width: int) -> list[Text]:
        """Title on the first line; outlet · date and the hit count on the second."""
        if index >= len(self.rows):
            self._want(index)
            return [Text(" …", style=self.get_component_rich_style("virtual-list--dim", partial=True)), Text("")]
        row = self.rows[index]
        title = safe.text(row.title or "(untitled)", style="bold")
        count = f" {row.hits} hit{'s' if row.hits != 1 else ''} " if row.hits is not None else ""
        room = max(1, width - len(count))
        facts = " · ".join(safe.plain(x) for x in (row.outlet, row.date) if x)
        if row.folder:
            with_folder = " · ".join(x for x in (facts, safe.plain(row.folder)) if x)
            if cell_len(with_folder) + 1 <= room:  # the folder only where the row has room for it whole
                facts = with_folder
        info = Text(" " + facts, style=self.get_component_rich_style("virtual-list--dim", partial=True))
        if count:
            if info.cell_len > room:
                info.truncate(room, overflow="ellipsis")
            info.append(" " * max(0, room - info.cell_len))
            info.append(count, style=self.get_component_rich_style("virtual-list--accent", partial=True))
        return [Text(" ") + title, info]

    # -- choosing -------------------------------------------------------------------
    def on_virtual_list_highlighted(self, event: VirtualList.Highlighted) -> None:
        """The cursor moved: show that article once the cursor rests, and load more rows if near the end."""
        event.stop()
        self._want(event.index)
        self._preview_current()

    def _preview_current(self) -> None:
        """Show the article under the cursor once the cursor rests."""
        self._stop_preview()
        row = self.current
        if row is not None:
            self._preview = self.set_timer(PREVIEW_DELAY, lambda: self._chosen(row.key))

    def on_virtual_list_selected(self, event: VirtualList.Selected) -> None:
        """Enter or a click: read the article under the cursor."""
        event.stop()
        self._stop_preview()
        row = self.current
        if row is not None:
            self.post_message(ArticleChosen(row.key, read=True))

    def _chosen(self, path: str) -> None:
        self._preview = None
        self.post_message(ArticleChosen(path))

    def _stop_preview(self) -> None:
        if self._preview is not None:
            self._preview.stop()
            self._preview = None
