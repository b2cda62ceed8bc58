"""The fields of a Byline index, what each holds and why, and the document that fills them.

What each field earns (issue 15: indexing time is postings written):

* ``body`` and ``title``: stemmed words with positions (phrases, stop words
  included: ``"in the"`` is a phrase like any other). ``quote``: the same, for the
  words inside quotations only (``quote:…``). ``speaker``, ``author``,
  ``outlet``, ``url``: small, unstemmed, with positions.
* ``words``: the unstemmed words of the title and the body as a *lexicon only*:
  one posting per word and segment (see :mod:`.writer`). Wildcards, prefixes and
  fuzzy words are expanded on it, then searched as the stems of what they found
  (an unstemmed copy of every article, with a posting per word and article, used
  to cost more than all the rest).
* ``path``: the parts of the article's folder (relative to the corpus root) and
  file name, unstemmed, with positions (``path:politics``, ``path:"bbc politics"``).
* ``quote_keys``, ``speaker_names``, ``speaker_roles``: keywords for the quote and
  speaker listings; ``period``: the year and month of the date, so that
  ``date:2024`` reads one posting list instead of one per day. ``key`` finds a
  document (``PATH#N`` for record N of a dump); ``file`` (the file's path; a dump
  record's dump) and ``info`` (metadata, quotations, where the article stands) are
  stored. File signatures are not: the manifest holds them.
"""

from __future__ import annotations

import sys
from array import array
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from whoosh import fields, formats

from ..fields import AUTHOR, BODY, DATE, LOCATION, OUTLET, QUOTE, SPEAKER, TITLE, URL
from .analysis import ANALYZERS, PARTS, PLAIN, STEM

SCHEMA_VERSION = 10
"""Bump when the schema or what is stored changes: an index of another version is rebuilt."""

KEY = "key"
PATH = "file"
"""The stored path of the article's file (for a dump record, the dump); the query field ``path`` is :data:`LOCATION`."""
INFO = "info"
WORDS = "words"
QUOTE_KEYS = "quote_keys"
SPEAKER_NAMES = "speaker_names"
SPEAKER_ROLES = "speaker_roles"
PERIOD = "period"
"""The year and the month of the article's date (``y2024``, ``m2024-11``): ``date:2024`` is one term, not 366."""

FIELD_KINDS = {TITLE: STEM, BODY: STEM, QUOTE: STEM, SPEAKER: PLAIN}
"""Text fields whose hits can be found again in the article text, and their analyser."""

TEXT_KINDS = {
    TITLE: STEM,
    BODY: STEM,
    QUOTE: STEM,
    SPEAKER: PLAIN,
    AUTHOR: PLAIN,
    OUTLET: PARTS,
    URL: PARTS,
    LOCATION: PARTS,
}
"""Every analysed text field and its analyser."""


_LITTLE = sys.byteorder == "little"
_ONE_POSITION: dict[int, bytes] = {}
"""Encoded single-position postings by position (the most common posting by far)."""


def encode_positions(positions: list[int]) -> bytes:
    """Positions as :class:`CompactPositions` stores them: a count, then the gaps as 2- or 4-byte integers."""
    if len(positions) == 1:
        got = _ONE_POSITION.get(positions[0])
        if got is not None:
            return got
    deltas = [positions[0]]
    deltas.extend([b - a for a, b in zip(positions, positions[1:])])
    n = len(deltas)
    if n < 255 and max(deltas) < 65536:
        gaps = array("H", deltas)
        head = bytes((n,))
    else:
        gaps = array("I", deltas)
        head = b"\xff" + n.to_bytes(4, "little")
    if not _LITTLE:
        gaps.byteswap()
    out = head + gaps.tobytes()
    if n == 1 and positions[0] < 100_000:
        _ONE_POSITION[positions[0]] = out
    return out


class CompactPositions(formats.Positions):
    """Whoosh's ``Positions`` format, written compactly: 3 bytes for a word seen once, not 14.

    Whoosh pickles each posting's list of position gaps; here they are a count
    byte and 2-byte integers (4-byte ones for very long articles), read back
    with ``array`` and ``accumulate`` instead of unpickling and a Python loop.
    """

    def encode(self, poslist: list[int]) -> bytes:
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        if valuestring[0] != 255:
            gaps = array("H")
            gaps.frombytes(valuestring[1:])
        else:
            gaps = array("I")
            gaps.frombytes(valuestring[5:])
        if not _LITTLE:
            gaps.byteswap()
        return list(accumulate(gaps))

    def decode_frequency(self, valuestring: bytes) -> int:
        return valuestring[0] if valuestring[0] != 255 else int.from_bytes(valuestring[1:5], "little")


class Lexicon(fields.KEYWORD):
    """A field whose terms are what counts: one posting per term and segment, no frequencies."""

    def __init__(self) -> None:
        super().__init__(lowercase=False, commas=False, scorable=False, stored=False)
        self.format = formats.Existence()
        self.analyzer = ANALYZERS[PLAIN]


def _text(kind: str, boost: float = 1.0) -> fields.TEXT:
    """A text field with positions; a query word that analyses into several words is searched as a phrase."""
    got = fields.TEXT(analyzer=ANALYZERS[kind], phrase=True, field_boost=boost, multitoken_query="phrase")
    got.format = CompactPositions(field_boost=boost)
    return got


def make_schema() -> fields.Schema:
    """The Whoosh schema of a Byline index."""
    return fields.Schema(
        **{
            KEY: fields.ID(unique=True, stored=True),
            PATH: fields.STORED(),
            TITLE: _text(STEM, boost=2.0),
            OUTLET: _text(PARTS),
            URL: _text(PARTS),
            LOCATION: _text(PARTS),
            DATE: fields.ID(),
            AUTHOR: _text(PLAIN),
            BODY: _text(STEM),
            SPEAKER: _text(PLAIN),
            QUOTE: _text(STEM),
            WORDS: Lexicon(),
            QUOTE_KEYS: fields.KEYWORD(),
            SPEAKER_NAMES: fields.KEYWORD(commas=True, scorable=True),
            SPEAKER_ROLES: fields.KEYWORD(commas=True),
            PERIOD: fields.KEYWORD(),
            INFO: fields.STORED(),
        }
    )


@dataclass
class IndexDocument:
    """One article as the store indexes it."""

    key: str
    path: str
    title: str
    searchable: str
    """The article text with metadata and boilerplate lines blanked out (same length, same offsets)."""
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    speakers: list[str] = field(default_factory=list)
    """Every form of every speaker name, for ``speaker:`` search."""
    quote_texts: list[str] = field(default_factory=list)
    quote_keys: list[str] = field(default_factory=list)
    speaker_names: list[str] = field(default_factory=list)
    """One entry per attributed quote: the speaker's name (counts quotes per speaker)."""
    speaker_roles: list[str] = field(default_factory=list)
    """``name\\x1frole`` entries for speakers with a known role."""
    info: dict[str, Any] = field(default_factory=dict)
    """Anything else to store and give back as is (metadata, quotes)."""
    location: str = ""
    """The article's folder relative to the corpus root and its file name (``bbc/politics/001.txt``)."""


def term_key(key: str) -> str:
    """A document key Whoosh can store: file names that are not valid UTF-8 keep escaped bytes."""
    try:
        key.encode("utf-8")
        return key
    except UnicodeEncodeError:
        return key.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def text_values(doc: IndexDocument) -> dict[str, str]:
    """The text of each analysed field of ``doc``."""
    return {
        TITLE: doc.title,
        OUTLET: doc.outlet or "",
        URL: doc.url or "",
        LOCATION: doc.location,
        AUTHOR: doc.author or "",
        BODY: doc.searchable,
        SPEAKER: " \n ".join(doc.speakers),
        QUOTE: " \n ".join(doc.quote_texts),
    }


def keyword_values(doc: IndexDocument) -> dict[str, str]:
    """The value of each keyword field of ``doc``, as Whoosh's keyword analysers split them."""
    return {
        QUOTE_KEYS: " ".join(doc.quote_keys),
        SPEAKER_NAMES: ",".join(n.replace(",", " ") for n in doc.speaker_names),
        SPEAKER_ROLES: ",".join(r.replace(",", " ") for r in doc.speaker_roles),
        PERIOD: f"y{doc.date[:4]} m{doc.date[:7]}" if doc.date and len(doc.date) >= 7 else "",
    }


def whoosh_fields(doc: IndexDocument) -> dict[str, Any]:
    """``doc`` as keyword arguments of Whoosh's ``add_document`` (its own, slower, path)."""
    words: set[str] = set()
    analyzer = ANALYZERS[PLAIN]
    for text in (doc.title, doc.searchable):
        analyzer.postings(text, words)
    return dict(
        key=term_key(doc.key),
        date=doc.date or "",
        words=sorted(words),
        info=doc.info,
        **text_values(doc),
        **keyword_values(doc),
        **{PATH: doc.path},
    )
