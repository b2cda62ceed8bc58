"""Plain values the reader's parts pass to each other: a place in an article, a listed row, sort orders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..index.models import Span

SortOrder = Literal["relevance", "date", "title", "outlet", "path"]
SORT_ORDERS: tuple[SortOrder, ...] = ("relevance", "date", "title", "outlet", "path")
"""The engine's orders (:data:`byline.index.fields.SORT_KEYS`), in the order ``S`` cycles through them."""
SORT_NAMES: dict[SortOrder, str] = {
    "relevance": "by relevance",
    "date": "by date",
    "title": "by title",
    "outlet": "by outlet",
    "path": "by folder",
}
"""How each order is named in the list's title (without a query, *relevance* lists by date)."""
SORT_HELP: dict[SortOrder, str] = {
    "relevance": "best match first (by date without a query)",
    "date": "newest first, undated last",
    "title": "A to Z",
    "outlet": "A to Z, unknown outlet last",
    "path": "folder, file name, record number",
}
"""What each order means, for the palette and the help."""
OLD_SORTS: dict[str, SortOrder] = {"newest": "date", "oldest": "date"}
"""Orders an earlier version saved, and the order each one is now."""


def sort_order(value: object) -> SortOrder | None:
    """``value`` (from a settings file) as an order of today, or ``None`` when it is none."""
    if isinstance(value, str):
        if value in SORT_ORDERS:
            return value  # type: ignore[return-value]
        return OLD_SORTS.get(value)
    return None


SideTab = Literal["quotes", "speakers", "facets"]
SIDE_TABS: tuple[SideTab, ...] = ("quotes", "speakers", "facets")


@dataclass(frozen=True)
class Place:
    """Where the reader is, or should go, in an article."""

    path: str
    """The article's key (``PATH#N`` for a dump record)."""
    top: int | None = None
    """Character offset of the first line on screen."""
    hit: int = -1
    """Current hit (-1: none)."""
    focus: Span | None = None
    """A quotation lit and scrolled to."""
    quote_text: str | None = None
    """Light this quotation once the article is read (found by its words, for *also in*)."""
    quoted_from: str | None = None
    """The article the quotation of ``quote_text`` was chosen in (it lists this one as *also in*)."""


class DocumentRow(NamedTuple):
    """What the document list shows of an article, and with a query, how many hits it has.

    A named tuple: a listing of every article makes one per article (20,000 rows in
    about 10 ms, where a frozen dataclass takes 150 ms).
    """

    key: str
    """The article's address: its file, or ``PATH#N`` for record N of a dump."""
    title: str
    outlet: str | None
    date: str | None
    hits: int | None = None
    """Number of hits in the article (``None`` without a query, or when not counted yet)."""
    quotes: int = 0
    folder: str = ""
    """Its folder relative to the corpus root (``bbc/politics``; ``""`` at the top)."""
