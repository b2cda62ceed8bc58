"""Everything Byline does with Whoosh, in one place, so the backend can change.

The rest of the engine talks to this module in plain Python values: an
:class:`IndexDocument` goes in, stored dictionaries and :class:`MatchPlan` come
out. Nothing outside this module imports ``whoosh``.
"""

from __future__ import annotations

import gc
import re
import shutil
import threading
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from whoosh import analysis, fields, index, qparser, query
from whoosh.index import LockError
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

SCHEMA_VERSION = 2
"""Bump when the schema or what is stored changes: an index of another version is rebuilt."""

STEM = "stem"
PLAIN = "plain"

_STEM_ANALYZER = analysis.StemmingAnalyzer(stoplist=None, minsize=1, cachesize=50000)
_PLAIN_ANALYZER = analysis.StandardAnalyzer(stoplist=None, minsize=1)
_PARTS_ANALYZER = analysis.RegexTokenizer(r"[^\W_]+") | analysis.LowercaseFilter()
"""Words and domain parts: ``outlet:firstpost`` finds ``firstpost.com``, ``url:sputnikglobe`` its links."""
_ANALYZERS = {STEM: _STEM_ANALYZER, PLAIN: _PLAIN_ANALYZER}

FIELD_KINDS = {"title": STEM, "body": STEM, "quote": STEM, "exact": PLAIN, "speaker": PLAIN}
"""Text fields whose hits can be found again in the article text, and their analyser."""

DEFAULT_FIELDS = ("title", "body", "exact")
FUZZY_PREFIX = 1
"""Leading characters a fuzzy term (``putn~``) must have right."""


class IndexLocked(Exception):
    """Another process is writing to the index."""


class IndexUnreadable(Exception):
    """The index on disk cannot be opened (corrupted, truncated, foreign)."""


def make_schema() -> fields.Schema:
    """The Whoosh schema of a Byline index.

    A query word that analyses into several tokens (``Trump's``, ``lend-lease``,
    ``US–Russia``) is searched as a phrase, not as unrelated words.
    """
    return fields.Schema(
        key=fields.ID(unique=True, stored=True),
        path=fields.STORED(),
        title=fields.TEXT(analyzer=_STEM_ANALYZER, stored=True, field_boost=2.0, phrase=True, multitoken_query="phrase"),
        outlet=fields.TEXT(analyzer=_PARTS_ANALYZER, stored=True, phrase=True, multitoken_query="phrase"),
        url=fields.TEXT(analyzer=_PARTS_ANALYZER, stored=True, phrase=True, multitoken_query="phrase"),
        date=fields.ID(stored=True),
        author=fields.TEXT(analyzer=_PLAIN_ANALYZER, stored=True, phrase=True, multitoken_query="phrase"),
        body=fields.TEXT(analyzer=_STEM_ANALYZER, phrase=True, multitoken_query="phrase"),
        exact=fields.TEXT(analyzer=_PLAIN_ANALYZER, phrase=False),
        speaker=fields.TEXT(analyzer=_PLAIN_ANALYZER, phrase=True, multitoken_query="phrase"),
        quote=fields.TEXT(analyzer=_STEM_ANALYZER, phrase=True, multitoken_query="phrase"),
        quote_keys=fields.KEYWORD(),
        speaker_names=fields.KEYWORD(commas=True, scorable=True),
        speaker_roles=fields.KEYWORD(commas=True),
        info=fields.STORED(),
    )


_QUERY_SCHEMA = make_schema()
"""The schema queries are parsed with (query-time settings come from the code, not the disk)."""


@dataclass
class IndexDocument:
    """One article as the backend indexes it."""

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
    """Anything else to store and give back as is (metadata, quotes, stat)."""


@dataclass(frozen=True)
class MatchPlan:
    """What a query looks for in an article's text, to find every hit again."""

    terms: dict[str, frozenset[str]]
    """Analyser kind (``stem``/``plain``) → the terms to mark anywhere in the text."""
    phrases: tuple[tuple[str, tuple[str, ...]], ...]
    """(analyser kind, words) sequences to mark where they stand next to each other."""
    quote_terms: frozenset[str] = frozenset()
    """Stemmed terms to mark only inside quotations (``quote:`` searches)."""
    quote_phrases: tuple[tuple[str, ...], ...] = ()


class Token(NamedTuple):
    """An analysed word of a text, with where it stands."""

    text: str
    start: int
    end: int
    pos: int


def analyze(text: str, kind: str) -> list[Token]:
    """Run an analyser of the schema over ``text``, keeping character offsets."""
    if _FAST_TOKENS is not None:
        return _fast_analyze(text, kind)
    analyzer = _ANALYZERS[kind]
    return [
        Token(t.text, t.startchar, t.endchar, t.pos)
        for t in analyzer(text, positions=True, chars=True, mode="index")
    ]


def _fast_pattern() -> re.Pattern[str] | None:
    """The tokenizer regex when both analysers are exactly tokenize → lowercase (→ stem).

    Then :func:`analyze` can run the same steps without Whoosh's per-token
    generator chain (5–10 times faster, which is most of the cost of finding hit
    spans); any other analyser chain falls back to Whoosh's own.
    """
    try:
        stem_items = list(_STEM_ANALYZER.items)
        plain_items = list(_PLAIN_ANALYZER.items)
        tok, low, stemf = stem_items
        tok2, low2 = plain_items
        ok = (
            type(tok) is analysis.RegexTokenizer
            and type(tok2) is analysis.RegexTokenizer
            and not tok.gaps
            and not tok2.gaps
            and tok.expression.pattern == tok2.expression.pattern
            and type(low) is analysis.LowercaseFilter
            and type(low2) is analysis.LowercaseFilter
            and type(stemf) is analysis.StemFilter
            and not stemf.lang
        )
        return tok.expression if ok else None
    except (AttributeError, ValueError, TypeError):
        return None


_FAST_TOKENS = _fast_pattern()
_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    """The Whoosh stem of a lower-cased word (cached; the cache is bounded)."""
    got = _STEMS.get(word)
    if got is None:
        stemf = _STEM_ANALYZER.items[-1]
        got = word if word in stemf.ignore else stemf.stemfn(word)
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        _STEMS[word] = got
    return got


def _fast_analyze(text: str, kind: str) -> list[Token]:
    assert _FAST_TOKENS is not None
    stems = _STEMS
    out: list[Token] = []
    append = out.append
    if kind == STEM:
        for pos, m in enumerate(_FAST_TOKENS.finditer(text)):
            low = m.group().lower()
            st = stems.get(low)
            if st is None:
                st = _stem(low)
            append(Token(st, m.start(), m.end(), pos))
    else:
        for pos, m in enumerate(_FAST_TOKENS.finditer(text)):
            append(Token(m.group().lower(), m.start(), m.end(), pos))
    return out


class Backend:
    """A Whoosh index in a directory of its own."""

    def __init__(self, directory: Path, ix: index.Index) -> None:
        self.directory = directory
        self._ix = ix
        self._searcher: Searcher | None = None
        self._searcher_lock = threading.RLock()

    # -- opening ---------------------------------------------------------
    @classmethod
    def open(cls, directory: Path, create: bool = True) -> Backend:
        """Open the index in ``directory``, creating it if it is missing and ``create`` is set.

        Raises :class:`IndexUnreadable` when files are there but cannot be read.
        """
        directory.mkdir(parents=True, exist_ok=True)
        # Whoosh leaves file handles open when it fails on damaged files; they
        # are closed here, quietly, instead of warning at some random later time.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            ix, failure = _open_or_create(directory, create)
            if failure is not None:
                gc.collect()
        if ix is None:
            raise IndexUnreadable(failure or "no index here")
        return cls(directory, ix)

    @staticmethod
    def wipe(directory: Path) -> None:
        """Delete the index files in ``directory`` (the directory is Byline's own)."""
        if directory.exists():
            shutil.rmtree(directory)
        directory.mkdir(parents=True, exist_ok=True)

    def close(self) -> None:
        """Release the index."""
        self._drop_searcher()
        self._ix.close()

    @contextmanager
    def _reading(self) -> Iterator[Searcher]:
        """A searcher kept open between calls (opening one costs ~7 ms per segment).

        It is brought up to date with what writers committed (cheap when nothing
        changed) and used by one thread at a time.
        """
        with self._searcher_lock:
            s = self._searcher
            if s is None:
                s = self._ix.searcher()
            else:
                try:
                    s = s.refresh()
                except Exception:
                    self._drop_searcher()
                    s = self._ix.searcher()
            self._searcher = s
            yield s

    def _drop_searcher(self) -> None:
        with self._searcher_lock:
            if self._searcher is not None:
                try:
                    self._searcher.close()
                except Exception:
                    pass
                self._searcher = None

    def refresh(self) -> None:
        """Re-open to see what other writers committed."""
        self._drop_searcher()
        try:
            self._ix = index.open_dir(str(self.directory))
        except Exception as exc:
            raise IndexUnreadable(f"{type(exc).__name__}: {exc}") from exc

    def doc_count(self) -> int:
        """How many documents are committed."""
        return int(self._ix.doc_count())

    # -- writing ---------------------------------------------------------
    def writer(self, timeout: float = 0.0) -> BatchWriter:
        """A writer holding the index's write lock; :class:`IndexLocked` if another holds it."""
        try:
            w = self._ix.writer(timeout=timeout, limitmb=128)
        except LockError as exc:
            raise IndexLocked("another process is writing to this index") from exc
        return BatchWriter(w)

    # -- reading ---------------------------------------------------------
    def stored(self, key: str) -> dict[str, Any] | None:
        """The stored fields of the document with ``key``, if it is indexed."""
        with self._reading() as s:
            return s.document(key=_term_key(key))

    def iter_stored(self) -> Iterator[dict[str, Any]]:
        """Stored fields of every document."""
        with self._ix.searcher() as s:
            yield from s.all_stored_fields()

    def search(self, text: str, limit: int | None) -> tuple[list[tuple[dict[str, Any], float]], int, MatchPlan]:
        """Run a cleaned query; returns (stored fields, score) pairs, the total and the match plan."""
        q = self.parse(text)
        with self._reading() as s:
            results = s.search(q, limit=limit)
            hits = [(dict(hit.fields()), float(hit.score or 0.0)) for hit in results]
            total = len(results)
            plan = _match_plan(q, s)
        return hits, total, plan

    def parse(self, text: str) -> query.Query:
        """Parse a cleaned query into a Whoosh query over Byline's fields."""
        parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), _QUERY_SCHEMA)
        parser.remove_plugin_class(qparser.SingleQuotePlugin)
        parser.add_plugin(qparser.FuzzyTermPlugin())
        parser.add_plugin(qparser.GtLtPlugin())
        q = parser.parse(text)
        return _route_multiterm(q).normalize()

    def plan_for(self, text: str) -> MatchPlan:
        """The match plan of a cleaned query (for highlighting an article opened later)."""
        q = self.parse(text)
        with self._reading() as s:
            return _match_plan(q, s)

    def keyword_docs(self, fieldname: str, terms: Iterable[str]) -> dict[str, list[str]]:
        """For each term of a keyword field, the paths of the documents that hold it."""
        out: dict[str, list[str]] = {}
        with self._reading() as s:
            reader = s.reader()
            for term in set(terms):
                if not term:
                    continue
                try:
                    ids = list(reader.postings(fieldname, term).all_ids())
                except KeyError:
                    continue
                except Exception:
                    continue
                out[term] = [s.stored_fields(i)["path"] for i in ids]
        return out

    def shared_keywords(self, fieldname: str) -> dict[str, list[str]]:
        """Every term of a keyword field held by more than one document, with those documents' paths."""
        out: dict[str, list[str]] = {}
        with self._ix.searcher() as s:
            reader = s.reader()
            shared = [t for t, info in reader.iter_field(fieldname) if info.doc_frequency() > 1]
            for btext in shared:
                term = btext.decode("utf-8") if isinstance(btext, bytes) else btext
                ids = list(reader.postings(fieldname, term).all_ids())
                out[term] = [s.stored_fields(i)["path"] for i in ids]
        return out

    def keyword_counts(self, fieldname: str) -> list[tuple[str, int, int]]:
        """(term, total occurrences, documents) for every term of a keyword field."""
        out: list[tuple[str, int, int]] = []
        with self._ix.searcher() as s:
            reader = s.reader()
            for btext, info in reader.iter_field(fieldname):
                term = btext.decode("utf-8") if isinstance(btext, bytes) else btext
                out.append((term, int(info.weight()), int(info.doc_frequency())))
        return out


class BatchWriter:
    """Adds and deletes documents, then commits or cancels them as one batch."""

    def __init__(self, writer: IndexWriter) -> None:
        self._w = writer
        self._open = True

    def put(self, doc: IndexDocument) -> None:
        """Add or replace the document with ``doc.key``."""
        self._w.update_document(
            key=_term_key(doc.key),
            path=doc.path,
            title=doc.title,
            outlet=doc.outlet or "",
            url=doc.url or "",
            date=doc.date or "",
            author=doc.author or "",
            body=doc.searchable,
            exact=doc.searchable,
            speaker=" \n ".join(doc.speakers),
            quote=" \n ".join(doc.quote_texts),
            quote_keys=" ".join(doc.quote_keys),
            speaker_names=",".join(n.replace(",", " ") for n in doc.speaker_names),
            speaker_roles=",".join(r.replace(",", " ") for r in doc.speaker_roles),
            info=doc.info,
        )

    def delete(self, key: str) -> None:
        """Remove the document with ``key``."""
        self._w.delete_by_term("key", _term_key(key))

    def commit(self) -> None:
        """Make the batch visible to every reader, atomically."""
        if self._open:
            self._open = False
            self._w.commit()

    def cancel(self) -> None:
        """Drop the batch; the index stays at its last commit."""
        if self._open:
            self._open = False
            self._w.cancel()


def _term_key(key: str) -> str:
    """A document key Whoosh can store: file names that are not valid UTF-8 keep escaped bytes."""
    try:
        key.encode("utf-8")
        return key
    except UnicodeEncodeError:
        return key.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _open_or_create(directory: Path, create: bool) -> tuple[index.Index | None, str | None]:
    """Open the index in ``directory`` (or create it); returns the index or why it failed."""
    try:
        if index.exists_in(str(directory)):
            ix = index.open_dir(str(directory))
            if set(ix.schema.names()) != set(make_schema().names()):
                return None, "the index was made by another version of Byline"
            ix.doc_count()  # touches the segment files
            return ix, None
        if create:
            return index.create_in(str(directory), make_schema()), None
        return None, "no index here"
    except LockError as exc:
        return None, f"the index is locked: {exc}"
    except Exception as exc:  # whoosh raises many kinds on damaged files
        return None, f"{type(exc).__name__}: {exc}"


def _route_multiterm(q: query.Query) -> query.Query:
    """Send word-level searches to the right field.

    Wildcard, prefix and fuzzy searches on the stemmed ``body`` field would look
    for stems; they go to the unstemmed ``exact`` copy instead. Fuzzy terms keep
    their first letter fixed. Plain words and
    phrases on ``exact`` duplicate ``body`` and are dropped.
    """
    multi = (query.Wildcard, query.Prefix, query.FuzzyTerm)
    if isinstance(q, multi):
        if q.fieldname == "body":
            return query.NullQuery
        if isinstance(q, query.FuzzyTerm) and q.prefixlength < FUZZY_PREFIX:
            # a typo rarely hits the first letter; keeping it cuts the vocabulary scan ~20-fold
            return query.FuzzyTerm(q.fieldname, q.text, q.boost, q.maxdist, FUZZY_PREFIX)
        return q
    if isinstance(q, (query.Term, query.Phrase)) and getattr(q, "fieldname", None) == "exact":
        return query.NullQuery
    if isinstance(q, query.Phrase) and q.fieldname == "exact":
        return query.NullQuery
    return q.apply(_route_multiterm)


def _match_plan(q: query.Query, searcher: Searcher) -> MatchPlan:
    """Collect the terms and phrases of ``q`` (outside negations), expanded against the index."""
    terms: dict[str, set[str]] = {STEM: set(), PLAIN: set()}
    phrases: list[tuple[str, tuple[str, ...]]] = []
    quote_terms: set[str] = set()
    quote_phrases: list[tuple[str, ...]] = []
    reader = searcher.reader()

    def visit(node: query.Query) -> None:
        if isinstance(node, query.Not):
            return
        if isinstance(node, query.AndNot):
            visit(node.a)
            return
        if isinstance(node, query.Phrase):
            kind = FIELD_KINDS.get(node.fieldname)
            words = tuple(str(w) for w in node.words)
            if node.fieldname == "quote":
                quote_phrases.append(words)
            elif kind:
                phrases.append((kind, words))
            return
        if node.is_leaf():
            fieldname = getattr(node, "fieldname", None)
            kind = FIELD_KINDS.get(fieldname or "")
            if not kind:
                return
            try:
                found = node.existing_terms(reader, expand=True)
            except Exception:
                found = set()
            for fname, btext in found:
                text = btext.decode("utf-8") if isinstance(btext, bytes) else str(btext)
                if fname == "quote":
                    quote_terms.add(text)
                elif fname in FIELD_KINDS:
                    terms[FIELD_KINDS[fname]].add(text)
            return
        for child in node.children():
            visit(child)

    visit(q)
    return MatchPlan(
        terms={k: frozenset(v) for k, v in terms.items()},
        phrases=tuple(phrases),
        quote_terms=frozenset(quote_terms),
        quote_phrases=tuple(quote_phrases),
    )
