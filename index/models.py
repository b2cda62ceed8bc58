"""Plain dataclasses that cross the boundary between Byline's engine and its users.

Nothing in here knows about Whoosh or Textual. Every character offset in these
classes indexes into the *article text*: the decoded file contents with line
endings normalised to ``\\n`` (see :mod:`byline.index.sources.decode`). The reader pane
shows exactly that text, so a span computed by the engine is the span that gets
highlighted on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
"""A half-open ``(start, end)`` range of character offsets into an article text."""


def article_key(path: str, record: int | None) -> str:
    """How an article is addressed: its file's path, or ``PATH#N`` for record N of a dump."""
    return path if record is None else f"{path}#{record}"


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata recovered from an article's own text.

    Every field but ``title`` may be unknown (``None``); the title always has a
    value, falling back to the URL slug or the article's opening words.
    """

    title: str
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    """Publication date as ISO ``YYYY-MM-DD`` (time of day, when known, is dropped)."""
    author: str | None = None
    body_start: int = 0
    """Offset of the first character of the article body (after title and metadata lines)."""
    title_span: Span | None = None
    """Where the title stands in the text, when it was taken from a line of it."""
    title_suffix: str | None = None
    """A ``- Name`` ending of the headline that was not taken for the outlet (it stays in the title).

    A person quoted (``Lords wrong on detainees - Straw``) or an outlet the article
    alone cannot prove; :class:`~byline.index.sources.metadata.outlets.OutletVotes`
    counts them across a corpus to find the outlets among them.
    """


@dataclass(frozen=True)
class Article:
    """One article: a text file, a web page, or one record of a dump; its text and its metadata."""

    key: str
    """Unique document key: the resolved file path, and ``PATH#N`` for record N of a dump."""
    path: str
    """The file as the user sees it (resolved, absolute); for a dump record, the dump."""
    text: str
    """The article text: every offset of :attr:`meta`, hits and quotations indexes into it."""
    meta: ArticleMeta
    encoding: str = "utf-8"
    """How the file was decoded (``utf-8``, ``cp1252``, ``utf-8+cp1252``…)."""
    record: int | None = None
    """For an article from a dump (JSON Lines, CSV): its record number, from 1; else ``None``."""
    root: str | None = None
    """The corpus root (a path the user gave) the file was found under, when known."""
    folder: str = ""
    """The file's folder relative to :attr:`root`, ``/``-separated (``bbc/politics``; ``""`` at the top)."""


@dataclass(frozen=True)
class ArticleSummary:
    """An indexed article as the document list shows it (no text)."""

    path: str
    title: str
    outlet: str | None
    date: str | None
    author: str | None
    url: str | None
    quotes: int
    """How many quotations were found in it."""
    speakers: tuple[str, ...] = ()
    record: int | None = None
    """For an article from a dump: its record number, from 1 (``path`` is the dump); else ``None``."""
    folder: str = ""
    """Its folder relative to the corpus root it was found under (``bbc/politics``; ``""`` at the top)."""

    @property
    def key(self) -> str:
        """The article's address: ``path``, or ``PATH#N`` for record N of a dump (what :meth:`Library.article` takes)."""
        return article_key(self.path, self.record)


QuoteKind = Literal["speech", "term"]
SpeakerKind = Literal["person", "organisation", "document", "unnamed"]
"""What kind of speaker a quotation has.

- ``person``: somebody the article names (``Sergey Lavrov``); the name is merged across the corpus.
- ``organisation``: a company, ministry, agency, party or outlet that speaks (``Xinhua said``).
- ``document``: a poll, survey, study, report, ad, indictment or ruling quoted as saying something, named as
  the article names it without determiner (``Pentagon report``, ``Quinnipiac University poll``); never merged
  with a person or an organisation. (A statement, letter, memo, tweet, post or email speaks for its author.)
- ``unnamed``: an anonymous source the article describes but does not name (``a senior administration
  official``, ``two people familiar with the matter``); the speaker is that description as written (its
  determiner lower-cased), never taken for a person's name and never merged with one.
"""

SPEAKER_KINDS: tuple[SpeakerKind, ...] = ("person", "organisation", "document", "unnamed")
"""Every speaker kind, in the order the speaker lists group them."""

SPEAKER_GROUP_TITLES: dict[SpeakerKind, str] = {
    "person": "People",
    "organisation": "Organisations",
    "document": "Documents",
    "unnamed": "Unnamed sources",
}
"""The title of each kind's group, wherever speakers are listed by kind (the CLI, the reader)."""

SPEAKER_KIND_LABELS: dict[SpeakerKind, str] = {
    "person": "person",
    "organisation": "organisation",
    "document": "document",
    "unnamed": "unnamed source",
}
"""Each speaker kind in a few words (``Pentagon report (document)``, the palette's help line)."""


@dataclass(frozen=True)
class Quote:
    """One quotation found in an article.

    ``text == article_text[start:end]`` always holds: the span covers the quoted
    words (inside the quote marks, without surrounding white space).
    """

    start: int
    end: int
    text: str
    speaker: str | None = None
    """Canonical full name of whoever said it (for an ``unnamed`` source, the description as written:
    ``a senior administration official``), or ``None`` when unknown."""
    role: str | None = None
    """Title or description of the speaker, split off the name (``Foreign Minister``); ``None`` for an
    ``unnamed`` source (its description is the speaker)."""
    cue: str | None = None
    """The speech verb or noun that attributes it (``said``, ``told``, ``according to``)."""
    partial: bool = False
    """A few quoted words inside a sentence rather than a whole quoted statement."""
    kind: QuoteKind = "speech"
    """``speech`` for somebody's words; ``term`` for scare quotes, terms, titles, headlines."""
    speaker_kind: SpeakerKind | None = None
    """``person``, ``organisation`` (a company, ministry, agency, outlet), ``document`` (a poll, report, ad
    quoted) or ``unnamed`` (an anonymous source described, not named) when there is a speaker (see :data:`SpeakerKind`); else ``None``."""


@dataclass(frozen=True)
class QuoteRecord:
    """A quote as the engine returns it: with the article it stands in."""

    path: str
    """The article's file (for a dump record, the dump)."""
    title: str
    quote: Quote
    also_in: tuple[str, ...] = ()
    """The other articles of the corpus that quote the same words, by :attr:`key` (``PATH#N`` for dump records)."""
    record: int | None = None
    """For a quotation in a dump record: the record's number, from 1; else ``None``."""

    @property
    def key(self) -> str:
        """The article's address: ``path``, or ``PATH#N`` for a dump record."""
        return article_key(self.path, self.record)


@dataclass(frozen=True)
class Speaker:
    """A speaker of the corpus with how often they are quoted."""

    name: str
    role: str | None
    quotes: int
    articles: int
    kind: SpeakerKind = "person"
    """``person``; ``organisation`` for companies, ministries, agencies and outlets that speak; ``document`` for
    a poll, report or ad quoted (``Pentagon report``); ``unnamed``
    for an anonymous source, whose :attr:`name` is the description as written (see :data:`SpeakerKind`)."""


@dataclass(frozen=True)
class SearchHit:
    """One ranked search result."""

    path: str
    title: str
    outlet: str | None
    date: str | None
    url: str | None
    author: str | None
    score: float
    spans: tuple[Span, ...]
    """Every matched span in the article text, in order, anywhere in the article."""
    snippet: str
    """A short keyword-in-context extract around the first hit."""
    snippet_spans: tuple[Span, ...] = ()
    """Where the hits stand in ``snippet`` (for highlighting it)."""
    record: int | None = None
    """For an article from a dump: its record number, from 1 (``path`` is the dump); else ``None``."""
    folder: str = ""
    """Its folder relative to the corpus root it was found under (``bbc/politics``; ``""`` at the top)."""

    @property
    def key(self) -> str:
        """The article's address: ``path``, or ``PATH#N`` for a dump record."""
        return article_key(self.path, self.record)


@dataclass(frozen=True)
class SearchResult:
    """The outcome of a query: what was searched, what was found, what to tell the user."""

    query: str
    """The query as the user typed it."""
    searched: str
    """The query Byline actually ran, in Whoosh syntax (empty when nothing was left)."""
    hits: tuple[SearchHit, ...] = ()
    total: int = 0
    """How many articles matched (``hits`` may be cut by the limit)."""
    notices: tuple[str, ...] = ()
    """Messages for the user: parts of the query that were dropped or changed."""
    estimated: bool = False
    """True when ``total`` is an estimate: a phrase of words so common that every article could not be checked."""

    @property
    def ok(self) -> bool:
        """True when something searchable was left of the query."""
        return bool(self.searched)


@dataclass(frozen=True, eq=False)
class PreparedQuery:
    """A query made ready once (repaired, parsed, planned) and reused by every search and read that uses it.

    Made by :meth:`Library.prepare`; pass it to :meth:`Library.search` and
    :meth:`Library.read` instead of the query string, and nothing is done twice:
    the hit spans a search found for its listed page are the ones the reader gets.
    """

    query: str
    """The query as the user typed it."""
    searched: str
    """The query Byline runs, in Whoosh syntax (empty when nothing searchable was left)."""
    notices: tuple[str, ...] = ()
    """Messages for the user: parts of the query that were dropped or changed."""
    parsed: Any = field(default=None, repr=False)
    """The index's form of the query (opaque: only the engine reads it)."""
    failure: str | None = field(default=None, repr=False)
    """Why the query could not be parsed, if it could not."""
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    """What the engine worked out for it: the match plan per index commit, hit spans per article."""

    @property
    def ok(self) -> bool:
        """True when something searchable was left of the query."""
        return bool(self.searched)


@dataclass(frozen=True)
class Reading:
    """One article as the reader shows it: its text, where a query's hits stand, and its quotations."""

    article: Article
    spans: tuple[Span, ...] = ()
    """Every hit of the query in the article text (empty without a query)."""
    quotes: tuple[QuoteRecord, ...] = ()


@dataclass(frozen=True)
class SkippedFile:
    """A file left out of the corpus, with the reason in a few words."""

    path: str
    reason: str


@dataclass
class IndexReport:
    """What one indexing pass did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    ignored: int = 0
    """Files that are neither articles nor dumps (other suffixes) and were passed over."""
    cancelled: bool = False
    rebuilt: bool = False
    """True when the whole index was rebuilt (new, schema changed, or corrupted)."""
    notices: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        """How many documents this pass wrote or deleted."""
        return self.added + self.updated + self.removed


@dataclass(frozen=True)
class Facets:
    """How many articles match a query (or are indexed), by outlet, by folder and by month.

    Each mapping is ordered as it is best shown: outlets and folders by count
    (most first, then by name), months in time order.
    """

    total: int
    """How many articles match."""
    outlet: dict[str, int] = field(default_factory=dict)
    """Outlet → articles (articles of no known outlet are not counted here)."""
    folder: dict[str, int] = field(default_factory=dict)
    """Top-level folder under the corpus root (``bbc``) and the next level (``bbc/politics``) → articles.

    Articles at the top of the corpus root are not counted here."""
    month: dict[str, int] = field(default_factory=dict)
    """``YYYY-MM`` → articles (undated articles are not counted here)."""
    searched: str = ""
    """The query Byline ran (empty for every article, or when nothing searchable was left of the query)."""
    notices: tuple[str, ...] = ()
    """Messages about the query, as :attr:`SearchResult.notices`."""


@dataclass(frozen=True)
class IndexProgress:
    """Progress of an indexing pass, reported through a callback."""

    done: int
    total: int
    path: str | None = None
    phase: Literal["scan", "index", "commit"] = "index"
