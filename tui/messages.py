"""Messages of the reader, each a dataclass carrying its data.

Widgets say what the user did (:class:`QueryChanged`, :class:`ArticleChosen`,
:class:`QuoteChosen`, :class:`SpeakerChosen`, …); workers say what they found
(:class:`LibraryOpened`, :class:`ArticlesListed`, :class:`ArticleRead`, …).
Widget messages bubble up to the main screen; worker results are posted to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.message import Message

from ..index.library import Library
from ..index.models import (
    Article,
    Facets,
    IndexProgress,
    IndexReport,
    QuoteRecord,
    SearchResult,
    Span,
    Speaker,
)
from .values import DocumentRow, Place

# -- what the user did ---------------------------------------------------------------


@dataclass
class QueryChanged(Message):
    """The query to list articles for (after the typing paused, or Enter: ``submitted``)."""

    text: str
    submitted: bool = False


@dataclass
class ArticleChosen(Message):
    """An article to show: previewed from the list, or ``read`` (Enter: the reader takes the focus)."""

    key: str
    """The article's key (``PATH#N`` for a dump record)."""
    read: bool = False


@dataclass
class PlaceWanted(Message):
    """The reader wants to be at ``place`` in another article (a jump, or back)."""

    place: Place


@dataclass
class MoreRowsWanted(Message):
    """The document list scrolled near its last loaded row: load rows up to ``upto``."""

    upto: int


@dataclass
class QuoteChosen(Message):
    """A quotation to show in its article."""

    record: QuoteRecord


@dataclass
class CitationWanted(Message):
    """Copy this quotation with its citation."""

    record: QuoteRecord


@dataclass
class OtherArticlesWanted(Message):
    """Pick one of the other articles that carry this quotation."""

    record: QuoteRecord


@dataclass
class FacetChosen(Message):
    """Narrow the list by this query term (``outlet:"…"``, ``path:…``, ``date:YYYY-MM``)."""

    term: str


@dataclass
class SpeakerChosen(Message):
    """List this speaker's quotations across the corpus."""

    name: str


# -- what the workers found ----------------------------------------------------------------


@dataclass
class LibraryOpened(Message):
    """The index is open (it is brought up to date next)."""

    library: Library


@dataclass
class IndexingProgressed(Message):
    """Indexing moved on."""

    progress: IndexProgress


@dataclass
class IndexingFinished(Message):
    """Indexing ended; ``report`` says what changed."""

    report: IndexReport


@dataclass
class ArticlesListed(Message):
    """Rows for the document list: every article, or a query's hits."""

    generation: int
    """Which listing request this answers (a newer one makes it stale)."""
    query: str
    rows: Sequence[DocumentRow]
    total: int
    """How many articles match (``rows`` may be the first of them only)."""
    result: SearchResult | None
    """The search (``None`` for an empty query: every article)."""
    refresh: bool = False
    """The same query listed again (after indexing): keep the cursor and the open article."""
    more: bool = False
    """More rows of the listing on screen (paging), not a new listing."""


@dataclass
class ArticleRead(Message):
    """An article was read, with its hits for the query and its quotations."""

    article: Article
    hits: Sequence[Span]
    quotes: Sequence[QuoteRecord]
    query: str
    place: Place | None


@dataclass
class SpeakersListed(Message):
    """The corpus-wide speakers."""

    speakers: Sequence[Speaker]


@dataclass
class SpeakerQuotesListed(Message):
    """One speaker's quotations across the corpus."""

    name: str
    records: Sequence[QuoteRecord]


@dataclass
class FacetsCounted(Message):
    """The counts by outlet, folder and month for ``query``."""

    query: str
    facets: Facets
