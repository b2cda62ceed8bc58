"""Messages that workers post to the app when slow work (opening, indexing, searching, reading) is done."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.message import Message

from ..index.library import Library
from ..index.models import Article, IndexProgress, IndexReport, QuoteRecord, SearchResult, Span, Speaker
from .widgets.document_list import DocumentRow


@dataclass(frozen=True)
class Place:
    """Where the reader is, or should go, in an article."""

    path: str
    top: int | None = None
    """Character offset of the first line on screen."""
    hit: int = -1
    """Current hit (-1: none)."""
    focus: Span | None = None
    """A quotation lit and scrolled to."""
    quote_text: str | None = None
    """Find this quotation in the article once it is read, and light it."""


class LibraryOpened(Message):
    """The index is open (indexing may still be under way)."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library


class LibraryFailed(Message):
    """The index could not be opened at all."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class IndexingProgressed(Message):
    """Indexing moved on."""

    def __init__(self, progress: IndexProgress) -> None:
        super().__init__()
        self.progress = progress


class IndexingFinished(Message):
    """Indexing ended (``report`` is ``None`` when it could not run; ``error`` says why)."""

    def __init__(self, report: IndexReport | None, error: str | None = None) -> None:
        super().__init__()
        self.report = report
        self.error = error


class DocumentsReady(Message):
    """The rows for the document list: every article, or a query's hits."""

    def __init__(self, generation: int, query: str, rows: Sequence[DocumentRow], result: SearchResult | None, refresh: bool) -> None:
        super().__init__()
        self.generation = generation
        self.query = query
        self.rows = rows
        self.result = result
        self.refresh = refresh
        """A re-listing of the same query (after indexing): keep the cursor and the open article."""


class ArticleReady(Message):
    """An article was read, with its hits for the current query and its quotations."""

    def __init__(self, article: Article, hits: Sequence[Span], quotes: Sequence[QuoteRecord], query: str, place: Place | None) -> None:
        super().__init__()
        self.article = article
        self.hits = hits
        self.quotes = quotes
        self.query = query
        self.place = place


class ArticleFailed(Message):
    """An article could not be read."""

    def __init__(self, path: str, error: str) -> None:
        super().__init__()
        self.path = path
        self.error = error


class SpeakersReady(Message):
    """The corpus-wide speakers."""

    def __init__(self, speakers: Sequence[Speaker]) -> None:
        super().__init__()
        self.speakers = speakers


class SpeakerQuotesReady(Message):
    """One speaker's quotations across the corpus."""

    def __init__(self, speaker: Speaker, records: Sequence[QuoteRecord]) -> None:
        super().__init__()
        self.speaker = speaker
        self.records = records
