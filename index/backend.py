"""Everything Byline does with Whoosh, in one place, so the backend can change.

The rest of the engine talks to this module in plain Python values: an
:class:`IndexDocument` goes in, stored dictionaries and :class:`MatchPlan` come
out. Nothing outside this module imports ``whoosh``.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import threading
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")

from whoosh import analysis, fields, index, qparser, query
from whoosh.filedb.filestore import FileStorage, RamStorage
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
MAX_FUZZY_DIST = 2
"""The largest edit distance a fuzzy term is searched with, whatever the query says."""


class IndexLocked(Exception):
    """Another process is writing to the index."""


class IndexUnreadable(Exception):
    """The index on disk cannot be opened or read (corrupted, truncated, foreign)."""


class IndexWriteFailed(Exception):
    """Writing or committing a batch failed (disk full, I/O error, damaged segment).

    The batch is dropped and the write lock released: the index stays at its last commit.
    """


def _unreadable_on_error(method: Any) -> Any:
    """Turn any failure of Whoosh while reading committed data into :class:`IndexUnreadable`.

    For methods that read stored fields and terms only (no user query involved),
    so a failure there means damaged index files, not a bad query.
    """
    import functools
    import inspect

    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def gen_wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                yield from method(*args, **kwargs)
            except (IndexUnreadable, GeneratorExit):
                raise
            except Exception as exc:
                raise IndexUnreadable(f"{type(exc).__name__}: {exc}") from exc

        return gen_wrapper

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except IndexUnreadable:
            raise
        except Exception as exc:
            raise IndexUnreadable(f"{type(exc).__name__}: {exc}") from exc

    return wrapper


def is_damage(exc: BaseException) -> bool:
    """Whether an exception Whoosh raised while searching comes from damaged files, not from the query."""
    import pickle
    import struct
    import zlib

    damage = (IndexUnreadable, pickle.UnpicklingError, zlib.error, struct.error, EOFError, OSError, UnicodeDecodeError)
    if isinstance(exc, damage):
        return True
    return type(exc) is Exception and "tag" in str(exc).lower()  # whoosh's "Block tag error"


class _MemoryStorage(RamStorage):
    """Whoosh's RAM storage with its temporary files in RAM too (its own default is the disk)."""

    def temp_storage(self, name: str | None = None) -> RamStorage:
        return RamStorage()


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


class _ViewStream:
    """A read-only file over a buffer (an mmap'd index file) that copies only what is read.

    ``BytesIO(buffer)`` copies the whole buffer: reading one posting list of a
    segment copied the segment's whole postings file into memory.
    """

    def __init__(self, buf: Any) -> None:
        self._view = memoryview(buf)
        self._pos = 0

    def read(self, n: int | None = -1) -> bytes:
        size = len(self._view)
        end = size if n is None or n < 0 else min(size, self._pos + n)
        out = self._view[self._pos : end].tobytes()
        self._pos = max(self._pos, end)
        return out

    def readline(self, limit: int = -1) -> bytes:
        size = len(self._view)
        end = size if limit < 0 else min(size, self._pos + limit)
        start = self._pos
        pos = start
        while pos < end:
            if self._view[pos] == 10:
                pos += 1
                break
            pos += 1
        self._pos = pos
        return self._view[start:pos].tobytes()

    def seek(self, offset: int, whence: int = 0) -> int:
        base = 0 if whence == 0 else self._pos if whence == 1 else len(self._view)
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        return None

    def close(self) -> None:
        self._view = memoryview(b"")

    def write(self, data: bytes) -> int:
        raise OSError("index files are read-only here")

    def truncate(self, size: int | None = None) -> int:
        raise OSError("index files are read-only here")


def _lazy_buffer_files() -> None:
    """Stop Whoosh from copying every file of a segment into memory when a searcher opens.

    A segment is one compound file, mapped into memory; Whoosh opens each file
    inside it as a ``BufferFile`` that copies its bytes into a ``BytesIO``
    straight away, though most are only ever read by offset (``get``). Opening a
    searcher thus copied the whole index (~0.1 s per 2,000 articles, every time
    a search saw a new commit). The copy is now made only for the files read
    as streams.
    """
    from io import BytesIO

    from whoosh.filedb import structfile

    cls = structfile.BufferFile
    if getattr(cls, "_byline_lazy", False):
        return
    try:
        probe = cls(b"ab")
        if not (isinstance(probe.file, BytesIO) and probe.get(0, 1) == b"a"):
            return
    except Exception:
        return

    def __init__(self: Any, buf: Any, name: Any = None, onclose: Any = None) -> None:
        self._buf = buf
        self._name = name
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    def _get_file(self: Any) -> _ViewStream:
        f = self.__dict__.get("_stream")
        if f is None:
            f = self.__dict__["_stream"] = _ViewStream(self._buf)
        return f

    def _set_file(self: Any, value: Any) -> None:
        self.__dict__["_stream"] = value

    def close(self: Any) -> None:
        if self.is_closed:
            raise Exception("This file is already closed")
        if self.onclose:
            self.onclose(self)
        stream = self.__dict__.get("_stream")
        if stream is not None:
            stream.close()
        self.is_closed = True

    cls.__init__ = __init__  # type: ignore[method-assign]
    cls.file = property(_get_file, _set_file)  # type: ignore[attr-defined]
    cls.close = close  # type: ignore[method-assign]
    cls._byline_lazy = True  # type: ignore[attr-defined]


_lazy_buffer_files()

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
_FAST_WORDS = re.compile(_FAST_TOKENS.pattern.replace("(", "(?:"), _FAST_TOKENS.flags) if (
    _FAST_TOKENS is not None and _FAST_TOKENS.pattern.count("(") == _FAST_TOKENS.pattern.count("\\(") + 1
) else None
"""The tokenizer regex without its capturing group, so ``findall`` gives whole tokens."""
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


def term_spans(text: str, kind: str, wanted: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Where the words of ``text`` whose analysed form is in ``wanted`` stand.

    Same result as filtering :func:`analyze`, but each distinct word is analysed
    once and only the matching ones are located.
    """
    if not wanted:
        return []
    if _FAST_TOKENS is None or _FAST_WORDS is None:
        return [(t.start, t.end) for t in analyze(text, kind) if t.text in wanted]
    found: set[str] = set()
    stems = _STEMS
    for word in set(_FAST_WORDS.findall(text)):
        low = word.lower()
        if kind == STEM:
            st = stems.get(low)
            low = st if st is not None else _stem(low)
        if low in wanted:
            found.add(word)
    if not found:
        return []
    return [m.span() for m in _FAST_TOKENS.finditer(text) if m.group() in found]


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

    def __init__(self, directory: Path, ix: index.Index, in_memory: bool = False) -> None:
        self.directory = directory
        self._ix = ix
        self.in_memory = in_memory
        """True for an index kept in RAM only (:meth:`in_memory_index`): gone when the process ends."""
        self._writers: list[BatchWriter] = []
        self._searcher: Searcher | None = None
        self._searcher_lock = threading.RLock()
        self._per_segment: dict[tuple[str, str], list[Any]] = {}
        """(tag, segment id) → a value per document of that segment (:meth:`per_document`)."""

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

    @classmethod
    def in_memory_index(cls, directory: Path) -> Backend:
        """A new, empty index in RAM (for when no directory can be written); ``directory`` is only a name."""
        ix = _MemoryStorage().create_index(make_schema())
        return cls(directory, ix, in_memory=True)

    @staticmethod
    def is_locked(directory: Path) -> bool:
        """Whether a live process holds the write lock of the index in ``directory``.

        Whoosh's lock is an OS file lock: a killed process's lock is released with
        it, so a lock file left behind by a crash does not count.
        """
        if not (directory / f"{index._DEF_INDEX_NAME}_WRITELOCK").exists():
            return False
        lock = FileStorage(str(directory)).lock(f"{index._DEF_INDEX_NAME}_WRITELOCK")
        if lock.acquire(blocking=False):
            lock.release()
            return False
        return True

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
        if self.in_memory:
            return  # nobody else writes to it; searchers always see its last commit
        try:
            self._ix = index.open_dir(str(self.directory))
        except Exception as exc:
            raise IndexUnreadable(f"{type(exc).__name__}: {exc}") from exc

    @_unreadable_on_error
    def doc_count(self) -> int:
        """How many documents are committed."""
        try:
            # from the table of contents: Whoosh's own doc_count() opens every segment (~1 s at 100,000)
            return int(sum(seg.doc_count() for seg in self._ix._segments()))
        except Exception:
            return int(self._ix.doc_count())

    # -- writing ---------------------------------------------------------
    def writer(self, timeout: float = 0.0) -> BatchWriter:
        """A writer holding the index's write lock; :class:`IndexLocked` if another holds it."""
        failure = None
        with _gc_held():
            try:
                w = self._ix.writer(timeout=timeout, limitmb=128)
            except LockError as exc:
                raise IndexLocked("another process is writing to this index") from exc
            except Exception as exc:  # a writer failing half-way (disk full) holds the lock and files
                failure = _describe_failure(exc)
                _drop_quietly(exc)
        if failure is not None:
            raise IndexWriteFailed(failure)
        batch = BatchWriter(w)
        self._writers = [b for b in self._writers if b.is_open] + [batch]
        return batch

    def cancel_writers(self) -> None:
        """Cancel every batch writer of this backend still open (after a failure, releases the lock)."""
        writers, self._writers = self._writers, []
        for batch in writers:
            batch.cancel()

    def optimize(self, timeout: float = 0.0) -> None:
        """Merge every segment into one (searches touch one segment instead of dozens)."""
        w = self.writer(timeout=timeout)
        try:
            w.commit(optimize=True)
        finally:
            w.cancel()

    def segment_count(self) -> int:
        """How many segments the committed index has."""
        return len(self._ix._segments())

    # -- reading ---------------------------------------------------------
    @_unreadable_on_error
    def stored(self, key: str) -> dict[str, Any] | None:
        """The stored fields of the document with ``key``, if it is indexed."""
        with self._reading() as s:
            return s.document(key=_term_key(key))

    @_unreadable_on_error
    def iter_stored(self) -> Iterator[dict[str, Any]]:
        """Stored fields of every document."""
        with self._ix.searcher() as s:
            yield from s.all_stored_fields()

    def search(self, text: str, limit: int | None) -> tuple[list[tuple[dict[str, Any], float]], int, MatchPlan]:
        """Run a cleaned query; returns (stored fields, score) pairs, the total and the match plan."""
        q = self.parse(text)
        with self._reading() as s:
            results = _run(s, q, limit)
            hits = [(dict(hit.fields()), float(hit.score or 0.0)) for hit in results]
            total = _total(s, q, results)
            plan = _match_plan(q, s)
        return hits, total, plan

    def search_light(
        self, text: str, limit: int | None, stored_for: int, light: Callable[[dict[str, Any]], T], tag: str
    ) -> tuple[list[tuple[dict[str, Any] | None, T, float]], int, MatchPlan]:
        """:meth:`search` for long result lists: stored fields for the first ``stored_for`` hits only.

        Every hit comes with ``light(stored fields)``, taken from :meth:`per_document`'s
        cache, so ranking 100,000 hits does not decode 100,000 stored documents.
        """
        q = self.parse(text)
        with self._reading() as s:
            results = _run(s, q, limit)
            segments = self._segment_values(s, light, tag)
            offsets = [offset for offset, _, _ in segments]
            hits: list[tuple[dict[str, Any] | None, T, float]] = []
            import bisect

            for rank, hit in enumerate(results):
                docnum = hit.docnum
                i = bisect.bisect_right(offsets, docnum) - 1
                offset, values, _ = segments[i]
                stored = dict(hit.fields()) if rank < stored_for else None
                hits.append((stored, values[docnum - offset], float(hit.score or 0.0)))
            total = _total(s, q, results)
            plan = _match_plan(q, s)
        return hits, total, plan

    def per_document(self, light: Callable[[dict[str, Any]], T], tag: str) -> list[T]:
        """``light(stored fields)`` of every document, in index order.

        Segments never change once written (deletions aside), so the values are
        kept per segment, in memory and in ``<index>/../summaries/``: after a
        commit only the new segments' documents are decoded, and a process
        opening an unchanged index reads them back in a fraction of a second.
        ``tag`` names ``light``'s output format (change it when that changes).
        """
        with self._reading() as s:
            out: list[T] = []
            for offset, values, reader in self._segment_values(s, light, tag):
                if reader.has_deletions():
                    out.extend(values[d] for d in reader.all_doc_ids())
                else:
                    out.extend(values)
            return out

    def _segment_values(self, s: Searcher, light: Callable[[dict[str, Any]], T], tag: str) -> list[tuple[int, list[T], Any]]:
        """(docnum offset, values, reader) per segment of searcher ``s``."""
        import pickle

        out: list[tuple[int, list[Any], Any]] = []
        folder = None if self.in_memory else self.directory.parent / "summaries"
        live: set[str] = set()
        wrote = False
        for sub, offset in s.leaf_searchers():
            reader = sub.reader()
            try:
                segid = reader.segment().segment_id()
            except Exception:
                segid = None
            key = (tag, segid or "")
            values = self._per_segment.get(key) if segid else None
            path = folder / f"{tag}-{segid}.pickle" if folder is not None and segid else None
            live.add(f"{tag}-{segid}.pickle")
            if values is None and path is not None:
                try:
                    with open(path, "rb") as fh:
                        got = pickle.load(fh)
                    if isinstance(got, list) and len(got) == reader.doc_count_all():
                        values = got
                except Exception:
                    values = None
            if values is None:
                values = [light(reader.stored_fields(d)) for d in range(reader.doc_count_all())]
                if path is not None:
                    try:
                        path.parent.mkdir(parents=True, exist_ok=True)
                        tmp = path.with_suffix(f".{os.getpid()}.tmp")
                        with open(tmp, "wb") as fh:
                            pickle.dump(values, fh, protocol=pickle.HIGHEST_PROTOCOL)
                        os.replace(tmp, path)
                        wrote = True
                    except Exception:
                        pass
            if segid:
                self._per_segment[key] = values
            out.append((offset, values, reader))
        stale = [k for k in self._per_segment if k[0] == tag and f"{tag}-{k[1]}.pickle" not in live]
        for k in stale:
            del self._per_segment[k]
        if wrote and folder is not None:  # forget the summaries of merged-away segments
            try:
                for f in folder.glob(f"{tag}-*.pickle"):
                    if f.name not in live:
                        f.unlink()
            except OSError:
                pass
        return out

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

    @_unreadable_on_error
    def keyword_docs(self, fieldname: str, terms: Iterable[str]) -> dict[str, list[str]]:
        """For each term of a keyword field, the paths of the documents that hold it."""
        out: dict[str, list[str]] = {}
        wanted = {t for t in set(terms) if t}
        with self._reading() as s:
            path_of = self._path_lookup(s)
            # segment by segment: a multi-segment reader looks every term up in every segment
            for sub, offset in s.leaf_searchers():
                leaf = sub.reader()
                for term in wanted:
                    try:
                        if (fieldname, term) not in leaf:
                            continue
                        ids = list(leaf.postings(fieldname, term).all_ids())
                    except Exception:
                        continue
                    out.setdefault(term, []).extend(path_of(i + offset) for i in ids)
        return out

    def _path_lookup(self, s: Searcher) -> Callable[[int], str]:
        """docnum → stored path, from the per-segment cache (no stored document decoded twice)."""
        import bisect

        segments = self._segment_values(s, _stored_path, "path1")
        offsets = [offset for offset, _, _ in segments]

        def path_of(docnum: int) -> str:
            offset, values, _ = segments[bisect.bisect_right(offsets, docnum) - 1]
            return values[docnum - offset]

        return path_of

    @_unreadable_on_error
    def shared_keywords(self, fieldname: str) -> dict[str, list[str]]:
        """Every term of a keyword field held by more than one document, with those documents' paths."""
        out: dict[str, list[str]] = {}
        with self._reading() as s:
            reader = s.reader()
            path_of = self._path_lookup(s)
            shared = [t for t, info in reader.iter_field(fieldname) if info.doc_frequency() > 1]
            for btext in shared:
                term = btext.decode("utf-8") if isinstance(btext, bytes) else btext
                ids = list(reader.postings(fieldname, term).all_ids())
                out[term] = [path_of(i) for i in ids]
        return out

    @_unreadable_on_error
    def keyword_counts(self, fieldname: str) -> list[tuple[str, int, int]]:
        """(term, total occurrences, documents) for every term of a keyword field."""
        totals: dict[str, list[int]] = {}
        with self._reading() as s:
            for sub, _ in s.leaf_searchers():  # per segment: see keyword_docs
                for btext, info in sub.reader().iter_field(fieldname):
                    term = btext.decode("utf-8") if isinstance(btext, bytes) else btext
                    got = totals.setdefault(term, [0, 0])
                    got[0] += int(info.weight())
                    got[1] += int(info.doc_frequency())
        return [(term, w, d) for term, (w, d) in sorted(totals.items())]


class BatchWriter:
    """Adds and deletes documents, then commits or cancels them as one batch."""

    def __init__(self, writer: IndexWriter) -> None:
        self._w = writer
        self._open = True
        self._segments: list[Any] = []
        self._moved: list[Path] = []

    @property
    def is_open(self) -> bool:
        """True until the batch is committed, cancelled or abandoned after a failure."""
        return self._open

    def put(self, doc: IndexDocument) -> None:
        """Add or replace the document with ``doc.key`` (:class:`IndexWriteFailed` if that fails)."""
        fields = _doc_fields(doc)
        self._guarded(lambda: self._w.update_document(**fields))

    def delete(self, key: str) -> None:
        """Remove the document with ``key`` (:class:`IndexWriteFailed` if that fails)."""
        self._guarded(lambda: self._w.delete_by_term("key", _term_key(key)))

    def _guarded(self, action: Any) -> None:
        """Run one write; if it fails, drop the batch, release the lock and raise :class:`IndexWriteFailed`.

        Whoosh does not close the files of a write that fails half-way (disk
        full); the garbage collector is held meanwhile, so they are closed here,
        quietly, rather than warned about at some random later moment.
        """
        failure = None
        with _gc_held():
            try:
                action()
            except Exception as exc:
                failure = _describe_failure(exc)
                _drop_quietly(exc)
                self._abandon()
            except BaseException:  # Ctrl-C: release the lock, leave the rest to the process's end
                self._abandon()
                raise
        if failure is not None:
            raise IndexWriteFailed(failure)

    def add_segment(self, staged: StagedSegment) -> None:
        """Add a segment built by :func:`build_segment` (in another process) to this batch.

        Its documents are added as they are: delete older versions of them first.
        """
        target = Path(self._w.storage.folder)
        for name in staged.files:
            dest = target / name
            shutil.move(str(Path(staged.staging) / name), str(dest))
            self._moved.append(dest)
        self._segments.append(staged.segment)

    def commit(self, optimize: bool = False, merge: bool = True) -> None:
        """Make the batch visible to every reader, atomically (``optimize``: merge every segment into one).

        By default a few small segments are merged (:func:`_merge_small`); ``merge=False`` merges none.

        If writing fails (disk full...), the batch is dropped, the lock released and
        :class:`IndexWriteFailed` raised: the index stays at its previous commit.
        """
        if self._open:
            self._guarded(lambda: self._commit(optimize, merge))

    def _abandon(self) -> None:
        """After a failure: close what the writer holds, release the write lock, drop the batch.

        Never raises. Whoosh's writer may be half-way through writing files; its
        handles are closed here, quietly, rather than warned about later.
        """
        self._open = False
        w = self._w
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            if not getattr(w, "is_closed", True):
                cancelled = False
                try:
                    w.cancel()
                    cancelled = True
                except Exception:
                    pass
                if not cancelled:  # cancelling failed half-way too: release what can be released
                    lock = getattr(w, "writelock", None)
                    for closing in (
                        getattr(getattr(w, "perdocwriter", None), "close", None),
                        getattr(getattr(w, "fieldwriter", None), "close", None),
                        getattr(getattr(w, "pool", None), "cleanup", None),
                        getattr(getattr(w, "_tempstorage", None), "destroy", None),
                        getattr(lock, "release", None) if lock else None,
                    ):
                        if closing is not None:
                            try:
                                closing()
                            except Exception:
                                pass
                    w.is_closed = True
            for path in self._moved:
                try:
                    path.unlink()
                except OSError:
                    pass
            self._moved.clear()
            self._segments.clear()
            # Drop the writer, and with it the files it still holds, while warnings are silenced.
            del w
            del self._w
            gc.collect()

    def _commit(self, optimize: bool, merge: bool = True) -> None:
        """The body of :meth:`commit`."""
        if self._open:
            self._open = False
            policy = None if optimize else (_merge_small if merge else _drop_empty)
            if not self._segments:
                self._w.commit(mergetype=policy, optimize=optimize)
                return
            # SegmentWriter.commit, with the staged segments added to the new table of contents
            # (what whoosh.multiproc.MpWriter does with the segments of its sub-processes)
            w = self._w
            final = w._merge_segments(policy, optimize, None)
            if w._added:
                final.append(w._finalize_segment())
            else:
                w._close_segment()
            final.extend(self._segments)
            w._commit_toc(final)
            w._finish()
            self._segments.clear()

    def cancel(self) -> None:
        """Drop the batch; the index stays at its last commit."""
        if self._open:
            self._open = False
            self._w.cancel()
            for path in self._moved:
                try:
                    path.unlink()
                except OSError:
                    pass
            self._segments.clear()


SMALL_SEGMENT = 300
"""Segments with fewer documents are merged once :data:`SMALL_SEGMENTS` of them pile up."""
SMALL_SEGMENTS = 10


def _merge_small(writer: Any, segments: list[Any]) -> list[Any]:
    """Merge policy: merge the small segments when there are many, leave big ones alone.

    Whoosh's own policy eventually merges the whole index in one commit (minutes
    at 100,000 articles: Whoosh merges at ~40 articles/s); this one bounds each
    merge to :data:`SMALL_SEGMENTS` small segments, the leftovers of small updates.
    """
    from whoosh.reading import SegmentReader

    segments = _drop_empty(writer, segments)
    small = [s for s in segments if s.doc_count_all() < SMALL_SEGMENT]
    if len(small) < SMALL_SEGMENTS:
        return segments
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]


def _drop_empty(writer: Any, segments: list[Any]) -> list[Any]:
    """Merge policy: merge nothing, but forget segments whose every document was deleted."""
    return [s for s in segments if s.doc_count() > 0]


@dataclass
class StagedSegment:
    """A finished segment waiting in a staging folder to be added to the index by a commit."""

    staging: str
    files: list[str]
    segment: Any
    docs: int


def make_staging(parent: Path) -> Path:
    """A fresh staging folder for :func:`build_segment` (on the index's file system)."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix=".staging-", dir=parent))


def build_segment(staging: str, docs: list[IndexDocument]) -> StagedSegment | None:
    """Index ``docs`` into a new segment under ``staging``, outside any index commit.

    Runs in worker processes: analysing and writing postings, the bulk of
    indexing, happens there in parallel; the index's writer then only adds the
    finished segment (:meth:`BatchWriter.add_segment`).
    """
    from whoosh.writing import SegmentWriter

    import os

    if not docs:
        return None
    # an empty index of each process's own: Whoosh's temporary files are named per index
    staging = os.path.join(staging, f"p{os.getpid()}")
    if not index.exists_in(staging):
        os.makedirs(staging, exist_ok=True)
        index.create_in(staging, make_schema())
    ix = index.open_dir(staging)
    w = SegmentWriter(ix, _lk=False, limitmb=64)
    try:
        for doc in docs:
            w.add_document(**_doc_fields(doc))
        segment = w._finalize_segment()
        w._finish()
    except BaseException:
        w.cancel()
        raise
    storage = ix.storage
    return StagedSegment(staging=staging, files=segment.list_files(storage), segment=segment, docs=len(docs))


def _doc_fields(doc: IndexDocument) -> dict[str, Any]:
    return dict(
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


@contextmanager
def _gc_held() -> Iterator[None]:
    """Hold the cyclic garbage collector for the ``with`` block (see :meth:`BatchWriter._guarded`)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _drop_quietly(exc: BaseException) -> None:
    """Free the frames of a failed Whoosh write, and the files only they hold, with ResourceWarnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        exc.__traceback__ = None
        gc.collect()


def _describe_failure(exc: BaseException) -> str:
    """A few words on why writing failed (``no space left on device``, ``IndexError: ...``)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[:1].lower() + exc.strerror[1:]
    return f"{type(exc).__name__}: {exc}"


def _run(s: Searcher, q: query.Query, limit: int | None) -> Any:
    """Run ``q``; its Results know the exact number of matches.

    Whoosh finds the top N by skipping what cannot rank, then matches the query
    a second time to count. For phrases (positions checked document by document)
    and fuzzy, prefix or range words (expanded against every segment's word list)
    that second pass costs as much as the first, so they are counted in one pass
    that sees every match.
    """
    from whoosh import collectors

    if limit is not None and limit >= 1 and _has_phrase(q):
        c = collectors.TopCollector(limit, usequality=False, replace=0)
        s.search_with_collector(q, c)
        return c.results()
    return s.search(q, limit=limit)


def _total(s: Searcher, q: query.Query, results: Any) -> int:
    """How many documents match ``q``, for results that skipped some while ranking.

    Whoosh counts by stepping through every match of the whole query tree again;
    for AND/OR/NOT of words the sets of document numbers of each word, combined
    as sets, give the same count several times faster.
    """
    collector = getattr(results, "collector", None)
    if collector is None or collector.computes_count():
        return len(results)
    try:
        return len(_docset(s, q))
    except Exception:
        return len(results)


def _docset(s: Searcher, q: query.Query) -> set[int]:
    if isinstance(q, query.Or):
        out: set[int] = set()
        for child in q.children():
            out |= _docset(s, child)
        return out
    if isinstance(q, query.And):
        pos = [c for c in q.children() if not isinstance(c, query.Not)]
        neg = [c.query for c in q.children() if isinstance(c, query.Not)]
        if not pos:
            return set(s.docs_for_query(q))
        sets = sorted((_docset(s, c) for c in pos), key=len)
        got = sets[0].intersection(*sets[1:])
        for c in neg:
            got -= _docset(s, c)
        return got
    if isinstance(q, query.AndNot):
        return _docset(s, q.a) - _docset(s, q.b)
    return set(s.docs_for_query(q))


def _has_phrase(q: query.Query) -> bool:
    """Whether matching ``q`` twice costs much: phrases, and words to expand (fuzzy, prefix, range)."""
    if isinstance(q, (query.Phrase, query.Ordered, query.Sequence, query.MultiTerm)):
        return True
    return any(_has_phrase(c) for c in q.children())


def _stored_path(stored: dict[str, Any]) -> str:
    return str(stored["path"])


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
        if isinstance(q, query.FuzzyTerm) and (q.prefixlength < FUZZY_PREFIX or q.maxdist > MAX_FUZZY_DIST):
            # a typo rarely hits the first letter; keeping it cuts the vocabulary scan ~20-fold.
            # A larger distance builds an automaton exponential in it (seconds at 9): never.
            maxdist = min(q.maxdist, MAX_FUZZY_DIST)
            return query.FuzzyTerm(q.fieldname, q.text, q.boost, maxdist, max(q.prefixlength, FUZZY_PREFIX))
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
    leaves = [sub.reader() for sub, _ in searcher.leaf_searchers()]

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
                if isinstance(node, query.MultiTerm) and len(leaves) > 1:
                    # expanded segment by segment: Whoosh's multi-segment reader has no
                    # fast fuzzy expansion and tries every word that shares the prefix
                    found = set()
                    for leaf in leaves:
                        found |= node.existing_terms(leaf, expand=True)
                else:
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
