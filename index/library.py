"""The engine's front door: a :class:`Library` is one corpus and its index.

Typical use::

    lib = Library.open(["~/articles"])
    report = lib.update(progress=print)          # incremental; cheap when nothing changed
    query = lib.prepare('"Russophobic course"')  # repaired, parsed and planned once
    result = lib.search(query)
    reading = lib.read(result.hits[0].path, query)   # text, hit spans, quotations: one lookup, one file read

Everything that crosses this boundary is a dataclass from :mod:`.models`; the
errors it raises are in :mod:`.errors`. Opening and recovery live in
:mod:`.opening`, indexing passes in :mod:`.indexing`, quotations and speakers in
:mod:`.speakers`, everything Whoosh in :mod:`.store`.
"""

from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from . import indexing
from . import store as st
from .corpus import CorpusScan, FileStat, scan_corpus
from .documents import (
    SUMMARY_TAG,
    meta_from_stored,
    quote_spans,
    quotes_from_stored,
    searchable_from_stored,
    summary_from_json,
    summary_json,
)
from .errors import IndexBusy, IndexDamaged, LibraryError
from .highlight import find_spans, kwic
from .models import (
    Article,
    ArticleMeta,
    ArticleSummary,
    IndexProgress,
    IndexReport,
    PreparedQuery,
    QuoteRecord,
    Reading,
    SearchHit,
    SearchResult,
    Span,
    Speaker,
)
from .opening import open_index, rebuild_store
from .query import clean_query
from .reading import read_text
from .speakers import Speakers, speaker_matches
from .state import STATE_FILE, IndexState, release_memory_dir

__all__ = ["IndexBusy", "IndexDamaged", "Library", "LibraryError", "sample_corpus", "speaker_matches"]

ProgressCallback = Callable[[IndexProgress], None]
StopCheck = Callable[[], bool]

PREPARED_KEPT = 64
"""Prepared queries kept by query text (the list's query, then the reader's, share one)."""
SPANS_KEPT = 256
"""Hit spans kept per prepared query (one per article found)."""

_M = TypeVar("_M", bound=Callable[..., Any])


def _index_guard(method: _M) -> _M:
    """Turn index files found damaged while reading into :class:`IndexDamaged` (and a rebuild next time)."""

    @functools.wraps(method)
    def guarded(self: Library, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except st.IndexUnreadable as exc:
            raise self._damaged(str(exc)) from None
        except Exception as exc:
            # Whoosh's own errors on damaged files (an OSError may as well be an article's file)
            if not st.is_damage(exc) or isinstance(exc, OSError):
                raise
            reason = f"{type(exc).__name__}: {exc}"
        raise self._damaged(reason)

    return cast(_M, guarded)


def sample_corpus() -> Path:
    """The folder of sample articles shipped inside the package."""
    return Path(__file__).resolve().parent / "sample"


class Library:
    """A corpus of articles and its Whoosh index."""

    def __init__(self, paths: Sequence[str], directory: Path, store: st.Store, notices: list[str]) -> None:
        self.paths = list(paths)
        self.directory = directory
        self._store = store
        self.notices = notices
        """Messages from opening (an index rebuilt because it was unreadable, …)."""
        self._lock = threading.RLock()
        self._derived()

    def _derived(self) -> None:
        """What the library works out from its store, forgotten when the store is replaced."""
        folder = None if self._store.in_memory else self.directory / "summaries"
        self._summaries: st.SegmentValues[ArticleSummary] = st.SegmentValues(
            folder, SUMMARY_TAG, summary_json, summary_from_json
        )
        self._speakers = Speakers(self._store, lambda: self._summaries)
        self._by_path: tuple[int, dict[str, ArticleSummary]] | None = None
        self._prepared: OrderedDict[str, PreparedQuery] = OrderedDict()
        self._manifest_cache: tuple[tuple[int, int, int], IndexState | None] | None = None

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        paths: Sequence[str | os.PathLike[str]] | None = None,
        index_dir: str | os.PathLike[str] | None = None,
        rebuild: bool = False,
    ) -> Library:
        """Open (or create) the index of the corpus made of ``paths`` (default: the sample corpus).

        A damaged index, or one from another schema version, is rebuilt from
        scratch: it holds nothing that the articles don't. ``rebuild`` forces that.
        When the cache directory cannot be written (read-only, full, a file in the
        way), the index is kept in the temporary directory, and failing that in
        memory; :attr:`notices` says so. An ``index_dir`` given explicitly that
        cannot be written is a :class:`LibraryError`. Raises :class:`IndexBusy`
        when the index must be rebuilt while another process is writing it.
        """
        raw = [os.fspath(p) for p in paths] if paths else [str(sample_corpus())]
        resolved = [os.path.realpath(os.path.expanduser(p)) for p in raw]
        opened = open_index(resolved, index_dir, rebuild)
        return cls(resolved, opened.directory, opened.store, opened.notices)

    @property
    def in_memory(self) -> bool:
        """True when no directory could be written and the index lives in memory (see :attr:`notices`)."""
        return self._store.in_memory

    def close(self) -> None:
        """Release the index."""
        self._store.close()
        if self._store.in_memory:
            release_memory_dir(self.directory)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- indexing ----------------------------------------------------------------------------------
    def scan(self, should_stop: StopCheck | None = None) -> CorpusScan:
        """Stat every file of the corpus (reads no article)."""
        return scan_corpus(self.paths, should_stop=should_stop)

    def update(
        self,
        progress: ProgressCallback | None = None,
        should_stop: StopCheck | None = None,
        wait: float = 0.0,
    ) -> IndexReport:
        """Bring the index up to date with the files: add new, re-index changed, drop deleted.

        Unchanged files are not read. Work is committed in batches; when
        ``should_stop`` returns true the batch under way is dropped and the
        index stays at its last commit. If another process is writing, waits up
        to ``wait`` seconds for it, then raises :class:`IndexBusy`. If writing
        fails (disk full, I/O error), raises :class:`LibraryError`: the index
        stays at its last commit, searchable, and the next update goes on from there.
        """
        with self._lock:
            return indexing.update(self, progress, should_stop, wait)

    def rebuild(self, progress: ProgressCallback | None = None, should_stop: StopCheck | None = None) -> IndexReport:
        """Drop the index and build it again from the articles, while the library stays open.

        For when a search or read raised :class:`IndexDamaged`: the app offers
        it, and the user need not restart. Raises :class:`IndexBusy` when another
        process is writing the index (nothing is dropped then).
        """
        with self._lock:
            self._store = rebuild_store(self._store, self.paths, self.directory)
            self._derived()
            report = indexing.update(self, progress, should_stop, 0.0)
            report.rebuilt = True
            return report

    def load_document(self, stat: FileStat) -> st.IndexDocument:
        """Read, analyse and extract the quotes of one file (raises UnreadableFile)."""
        return indexing.load_document(stat)

    def _index_changed(self) -> None:
        """After an indexing pass: what was derived from the old index is worked out again when next asked."""
        self._speakers.forget()

    def _manifest(self, reload: bool = False) -> IndexState | None:
        """The manifest (file signatures), read again only when its file changed."""
        if self._store.in_memory:
            return IndexState.load(self.directory)
        try:
            info = os.stat(self.directory / STATE_FILE)
        except OSError:
            return None
        stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
        if reload or self._manifest_cache is None or self._manifest_cache[0] != stamp:
            self._manifest_cache = (stamp, IndexState.load(self.directory))
        return self._manifest_cache[1]

    def _manifest_saved(self, state: IndexState) -> None:
        """An indexing pass saved ``state``: keep it as the manifest."""
        if self._store.in_memory:
            return
        try:
            info = os.stat(self.directory / STATE_FILE)
        except OSError:
            self._manifest_cache = None
            return
        self._manifest_cache = ((info.st_mtime_ns, info.st_size, info.st_ino), state)

    # -- articles ----------------------------------------------------------------------------------
    @_index_guard
    def __len__(self) -> int:
        return self._store.doc_count()

    @_index_guard
    def articles(self) -> list[ArticleSummary]:
        """Every indexed article, newest first (undated last), then by title."""
        items = self._store.per_document(self._summaries)
        items.sort(key=lambda a: (a.title.casefold(), a.path))
        items.sort(key=lambda a: a.date or "", reverse=True)
        return items

    @_index_guard
    def summary(self, path: str) -> ArticleSummary | None:
        """The list entry of the indexed article at ``path`` (``None`` if it is not indexed)."""
        view = self._store.view()
        if self._by_path is None or self._by_path[0] != view:
            self._by_path = (view, {s.path: s for s in self._store.per_document(self._summaries)})
        return self._by_path[1].get(os.path.realpath(path)) or self._by_path[1].get(path)

    @_index_guard
    def article(self, path: str) -> Article:
        """The article at ``path`` with its text as the reader shows it (raises UnreadableFile)."""
        key = os.path.realpath(path)
        return self._article(key, self._store.stored(key))

    def _article(self, key: str, stored: dict[str, Any] | None) -> Article:
        """Read the article's file once; its metadata from the index unless the file changed since."""
        text, encoding = read_text(key)
        meta: ArticleMeta | None = meta_from_stored(stored) if stored is not None else None
        if meta is None or len(text) < meta.body_start or not self._unchanged(key):
            from .metadata import extract_metadata

            meta = extract_metadata(text)  # not indexed, or changed since: read it afresh
        return Article(key=key, path=key, text=text, meta=meta, encoding=encoding)

    def _unchanged(self, key: str) -> bool:
        """Whether the file at ``key`` is as the manifest says it was indexed."""
        state = self._manifest()
        known = state.files.get(key) if state is not None else None
        if known is None:
            return False
        try:
            info = os.stat(key)
        except OSError:
            return False
        return (info.st_size, info.st_mtime_ns) == tuple(known)

    @_index_guard
    def read(self, path: str, query: str | PreparedQuery | None = None) -> Reading:
        """The article at ``path``, where the query's hits stand in it, and its quotations.

        One stored-fields lookup and one file read; with a prepared query that
        listed this article, its hit spans are the ones the search found.
        Raises UnreadableFile (or OSError) when the file cannot be read.
        """
        key = os.path.realpath(path)
        stored = self._store.stored(key)
        article = self._article(key, stored)
        spans: list[Span] = []
        if query is not None:
            prepared = query if isinstance(query, PreparedQuery) else self.prepare(query)
            if prepared.ok:
                spans = self._spans(prepared, article, stored)
        quotes = self._speakers.quotes(stored)
        return Reading(article=article, spans=tuple(spans), quotes=tuple(quotes))

    # -- searching ---------------------------------------------------------------------------------
    def prepare(self, query: str) -> PreparedQuery:
        """Repair and parse ``query`` once (kept for the next use of the same text)."""
        with self._lock:
            got = self._prepared.get(query)
            if got is not None:
                self._prepared.move_to_end(query)
                return got
        clean = clean_query(query)
        parsed: Any = None
        failure: str | None = None
        if not clean.empty:
            try:
                parsed = st.parse(clean.text)
            except Exception as exc:  # the parser failed on it: say so when it is searched
                failure = type(exc).__name__
        prepared = PreparedQuery(query=query, searched=clean.text, notices=clean.notices, parsed=parsed, failure=failure)
        with self._lock:
            self._prepared[query] = prepared
            while len(self._prepared) > PREPARED_KEPT:
                self._prepared.popitem(last=False)
        return prepared

    def search(self, query: str | PreparedQuery, limit: int | None = 20, spans_for: int | None = None) -> SearchResult:
        """Search the corpus. Never raises on a malformed query: the result says what was searched.

        Raises :class:`IndexDamaged` when the index files turn out damaged
        (:meth:`rebuild` rebuilds them; so does the next :meth:`open`).

        ``limit`` caps the hits returned (``None``: every matching article, ranked).
        Finding the spans and snippet of a hit reads its file, so ``spans_for``
        limits that to the first N hits; the others come with empty ``spans`` and
        ``snippet`` (``None``: every hit gets them).
        """
        prepared = query if isinstance(query, PreparedQuery) else self.prepare(query)
        notices = list(prepared.notices)
        if not prepared.ok:
            return SearchResult(query=prepared.query, searched="", notices=tuple(notices))
        if prepared.failure is not None:
            notices.append(f"The search failed ({prepared.failure}); try simpler words.")
            return SearchResult(query=prepared.query, searched="", notices=tuple(notices))
        try:
            values = self._summaries if spans_for is not None else None
            found = self._store.search(prepared.parsed, limit, spans_for, values)
        except Exception as exc:  # Whoosh failing on the query: said; damaged index files: IndexDamaged
            if st.is_damage(exc):
                raise self._damaged(str(exc) if isinstance(exc, st.IndexUnreadable) else f"{type(exc).__name__}: {exc}") from None
            notices.append(f"The search failed ({type(exc).__name__}); try simpler words.")
            return SearchResult(query=prepared.query, searched="", notices=tuple(notices))
        plan = found.plan
        prepared.cache["plan"] = (found.view, plan)
        hits = [
            self._hit(stored, score, plan, prepared) if stored is not None else _plain_hit(cast(ArticleSummary, summary), score)
            for stored, summary, score in found.hits
        ]
        if found.estimated:
            notices.append(
                f"About {found.total:,} articles match: the words of {prepared.searched} are so common that "
                f"{found.sampled:,} articles spread over the corpus were checked for it, and the best of them are listed."
            )
        elif found.sampled:
            notices.append(
                f"{found.total:,} articles match: the best of {found.sampled:,} spread over the corpus are listed "
                "(ranking them all would take seconds)."
            )
        return SearchResult(
            query=prepared.query,
            searched=prepared.searched,
            hits=tuple(hits),
            total=found.total,
            notices=tuple(notices),
            estimated=found.estimated,
        )

    def _damaged(self, reason: str) -> IndexDamaged:
        """Flag the index for a rebuild at the next open; the error to raise now."""
        state = IndexState.load(self.directory)
        if state is not None and not state.damaged:
            state.damaged = reason
            try:
                state.save(self.directory)
            except OSError:
                pass
        indexing.collect_quietly()
        return IndexDamaged(
            f"the index in {self.directory} is damaged ({reason}); it is rebuilt the next time Byline opens it"
        )

    def _plan(self, prepared: PreparedQuery) -> st.MatchPlan:
        """The match plan of a prepared query for what the index holds now."""
        view = self._store.view()
        got = prepared.cache.get("plan")
        if got is not None and got[0] == view:
            return cast(st.MatchPlan, got[1])
        plan = self._store.plan(prepared.parsed)
        prepared.cache["plan"] = (view, plan)
        return plan

    def _spans(self, prepared: PreparedQuery, article: Article, stored: dict[str, Any] | None, plan: Any = None) -> list[Span]:
        """Every hit of a prepared query in an article's text (kept with the query, per article text)."""
        cache: OrderedDict[str, tuple[int, int, list[Span]]] = prepared.cache.setdefault("spans", OrderedDict())
        text = article.text
        known = cache.get(article.key)
        if known is not None and known[0] == len(text) and known[1] == hash(text):
            return list(known[2])
        if plan is None:
            if prepared.parsed is None:
                return []
            try:
                plan = self._plan(prepared)
            except Exception:
                return []
        quotes = []
        if plan.quote_terms or plan.quote_phrases:
            if stored is None:
                stored = self._store.stored(article.key)
            quotes = quote_spans(quotes_from_stored(stored)) if stored else []
        found = find_spans(searchable_from_stored(text, article.meta, stored), plan, st.analyze, quotes)
        cache[article.key] = (len(text), hash(text), found)
        while len(cache) > SPANS_KEPT:
            cache.popitem(last=False)
        return list(found)

    def _hit(self, stored: dict[str, Any], score: float, plan: st.MatchPlan, prepared: PreparedQuery) -> SearchHit:
        meta = meta_from_stored(stored)
        path = str(stored.get("path") or stored.get("key"))
        found: list[Span] = []
        snip, snip_marks = "", []
        try:
            text, _ = read_text(path)
        except Exception:  # unreadable, vanished or changed into a folder since: a hit without spans
            text = ""
        if text:
            if len(text) < meta.body_start:
                from .metadata import extract_metadata

                meta = extract_metadata(text)
            article = Article(key=path, path=path, text=text, meta=meta)
            found = self._spans(prepared, article, stored, plan)
            snip, snip_marks = kwic(text, found, fallback_start=meta.body_start)
        return SearchHit(
            path=path,
            title=meta.title,
            outlet=meta.outlet,
            date=meta.date,
            url=meta.url,
            author=meta.author,
            score=round(score, 4),
            spans=tuple(found),
            snippet=snip,
            snippet_spans=tuple(snip_marks),
        )

    def spans(self, article: Article, query: str | PreparedQuery) -> list[Span]:
        """Every hit of ``query`` in ``article``'s text (for highlighting it in the reader)."""
        prepared = query if isinstance(query, PreparedQuery) else self.prepare(query)
        if not prepared.ok or prepared.parsed is None:
            return []
        try:
            return self._spans(prepared, article, None)
        except Exception:
            return []

    # -- quotes and speakers -----------------------------------------------------------------------
    @_index_guard
    def quotes(self, path: str) -> list[QuoteRecord]:
        """The quotations of one article, in reading order, with speakers merged across the corpus."""
        return self._speakers.quotes(self._store.stored(os.path.realpath(path)))

    @_index_guard
    def all_quotes(self, speaker: str | None = None) -> list[QuoteRecord]:
        """Quotations of the whole corpus (or of one speaker), article by article in reading order."""
        return self._speakers.all_quotes(speaker)

    def quotes_by(self, speaker: str) -> list[QuoteRecord]:
        """Every quotation attributed to ``speaker`` (a full name or a surname)."""
        return self.all_quotes(speaker=speaker)

    @_index_guard
    def speakers(self) -> list[Speaker]:
        """Every speaker of the corpus with quote and article counts, most quoted first."""
        return self._speakers.speakers()


def _plain_hit(summary: ArticleSummary, score: float) -> SearchHit:
    """A hit without spans or snippet (``search(..., spans_for=N)`` beyond the first N)."""
    return SearchHit(
        path=summary.path,
        title=summary.title,
        outlet=summary.outlet,
        date=summary.date,
        url=summary.url,
        author=summary.author,
        score=round(score, 4),
        spans=(),
        snippet="",
        snippet_spans=(),
    )
