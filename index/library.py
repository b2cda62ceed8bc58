"""The engine's front door: a :class:`Library` is one corpus and its index.

Typical use::

    lib = Library.open(["~/articles"])
    report = lib.update(progress=print)          # incremental; cheap when nothing changed
    query = lib.prepare('"Russophobic course"')  # repaired, parsed and planned once
    result = lib.search(query)
    reading = lib.read(result.hits[0].path, query)   # text, hit spans, quotations: one lookup, one file read

Everything that crosses this boundary is a dataclass from :mod:`.models`; the
errors it raises are in :mod:`.errors`. Opening and recovery live in
:mod:`.opening`, indexing passes in :mod:`.indexing`, prepared queries and their
hits in :mod:`.hits`, quotations and speakers in :mod:`.speakers`, everything
Whoosh in :mod:`.store`.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from . import store as st
from .articles import locate, read_indexed
from .documents import SUMMARY_TAG, summary_from_json, summary_from_stored, summary_json
from .errors import IndexBusy, IndexDamaged, LibraryError
from .facets import count_facets, sort_order
from .hits import Hits, plain_hit
from .models import (
    Article,
    ArticleSummary,
    Facets,
    IndexProgress,
    IndexReport,
    PreparedQuery,
    QuoteRecord,
    Reading,
    SearchResult,
    Span,
    Speaker,
)
from .opening import open_index, rebuild_store
from .sources import CorpusScan, DumpOptions, FileStat, scan_corpus
from .speakers import Speakers, speaker_matches
from .state import STATE_FILE, IndexState, load_dump_options, release_memory_dir, save_dump_options

__all__ = ["IndexBusy", "IndexDamaged", "Library", "LibraryError", "sample_corpus", "speaker_matches"]

ProgressCallback = Callable[[IndexProgress], None]
StopCheck = Callable[[], bool]

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
        self._speakers = Speakers(self._store, lambda: self._summaries, folder)
        self._by_path: tuple[int, dict[str, ArticleSummary]] | None = None
        self._hits = Hits(self._store, self._article)
        self._manifest_cache: tuple[tuple[int, int, int], IndexState | None] | None = None
        self.follow_links = False
        """Whether the walk follows links that lead outside the corpus (see :meth:`open`)."""
        self._known_outlets: frozenset[str] = frozenset()
        """The recurring headline suffixes the indexing pass under way reads articles with (see :mod:`.outlets`)."""

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        paths: Sequence[str | os.PathLike[str]] | None = None,
        index_dir: str | os.PathLike[str] | None = None,
        rebuild: bool = False,
        follow_links: bool = False,
        dump_options: DumpOptions | None = None,
    ) -> Library:
        """Open (or create) the index of the corpus made of ``paths`` (default: the sample corpus).

        A damaged index, or one from another schema version, is rebuilt from
        scratch: it holds nothing that the articles don't. ``rebuild`` forces that.
        When the cache directory cannot be written (read-only, full, a file in the
        way), the index is kept in the temporary directory, and failing that in
        memory; :attr:`notices` says so. An ``index_dir`` given explicitly that
        cannot be written is a :class:`LibraryError`. Raises :class:`IndexBusy`
        when the index must be rebuilt while another process is writing it.
        ``follow_links`` lets the walk follow links that lead outside the corpus.
        ``dump_options`` names the fields of the corpus's dumps (JSON Lines,
        CSV): each option it sets replaces the one the index keeps (an empty name
        puts back the usual names); the index keeps them for next time, and
        the dumps are read again at the next :meth:`update` when they changed.
        """
        raw = [os.fspath(p) for p in paths] if paths else [str(sample_corpus())]
        resolved = [os.path.realpath(os.path.expanduser(p)) for p in raw]
        opened = open_index(resolved, index_dir, rebuild)
        lib = cls(resolved, opened.directory, opened.store, opened.notices)
        lib.follow_links = follow_links
        if dump_options is not None:
            try:
                lib.set_dump_options(dump_options)
            except LibraryError:
                lib.close()
                raise
        return lib

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
        return scan_corpus(self.paths, should_stop=should_stop, follow_links=self.follow_links)

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
            from . import indexing  # the passes, their bookkeeping and workers: only when there may be work

            return indexing.update(self, progress, should_stop, wait)

    def unchanged(self) -> bool:
        """Whether :meth:`update` would find nothing to do and nothing to say (see :func:`.freshness.unchanged`).

        A stat walk against the manifest: reads no article, writes nothing.
        ``False`` whenever it cannot tell (an index kept in memory).
        """
        from .freshness import unchanged

        return not self.in_memory and unchanged(self.paths, self.directory, self.follow_links) is not None

    def rebuild(self, progress: ProgressCallback | None = None, should_stop: StopCheck | None = None) -> IndexReport:
        """Drop the index and build it again from the articles, while the library stays open.

        For when a search or read raised :class:`IndexDamaged`: the app offers
        it, and the user need not restart. Raises :class:`IndexBusy` when another
        process is writing the index (nothing is dropped then).
        """
        from . import indexing

        with self._lock:
            self._store = rebuild_store(self._store, self.paths, self.directory)
            self._derived()
            report = indexing.update(self, progress, should_stop, 0.0)
            report.rebuilt = True
            return report

    def compact(self, wait: float = 0.0) -> int:
        """Merge the index's segments into one (half the disk after a parallel build); returns how many there were.

        Costs about a third of a full build's CPU time, so it is asked for
        (``byline index --compact``), never done on the way. Raises
        :class:`IndexBusy` or :class:`LibraryError` as :meth:`update` does.
        """
        from . import indexing

        with self._lock:
            return indexing.compact(self, wait)

    def load_document(self, stat: FileStat) -> st.IndexDocument:
        """Read, analyse and extract the quotes of one file (raises UnreadableFile)."""
        from . import indexing

        return indexing.load_document(stat, self._known_outlets)

    def dump_options(self) -> DumpOptions:
        """The fields the corpus's dumps are read with (as the index keeps them; see :meth:`open`)."""
        return DumpOptions.from_dict(load_dump_options(self.directory))

    def set_dump_options(self, changes: DumpOptions) -> DumpOptions:
        """Put in the dump fields ``changes`` sets, and keep them with the index; returns the options now in force.

        Dumps read with other options are read again at the next :meth:`update`.
        Raises :class:`LibraryError` when the index directory cannot be written.
        """
        current = self.dump_options()
        wanted = current.updated(changes)
        if wanted != current:
            try:
                save_dump_options(self.directory, wanted.as_dict())
            except OSError as exc:
                raise LibraryError(f"cannot keep the dump options in {self.directory}: {exc.strerror or exc}") from None
        return wanted

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
    def articles(self, sort: str = "date", limit: int | None = None) -> list[ArticleSummary]:
        """Every indexed article, newest first (undated last), then by title; or in another order of
        :data:`~.fields.SORT_KEYS` (``relevance`` is index order). With ``limit``, the first ``limit``
        of them: on an index this process has not listed yet, only those are read when the order
        was kept on disk (a first page of 100,000 articles in milliseconds instead of seconds)."""
        order = sort_order(sort)
        if order is None:
            got = self._store.per_document(self._summaries)
            return got if limit is None else got[:limit]
        return self._store.sorted_values(order, self._summaries, name=sort, limit=limit)

    @_index_guard
    def summary(self, path: str) -> ArticleSummary | None:
        """The list entry of the indexed article at ``path`` (``PATH#N`` for a dump record; ``None`` if not indexed):
        one stored-fields lookup, unless every article's summary is at hand already."""
        key = locate(path)[0]
        view = self._store.view()
        if self._by_path is None or self._by_path[0] != view:
            if not self._store.values_loaded(self._summaries):
                stored = self._store.stored(key)
                return summary_from_stored(stored) if stored is not None else None
            self._by_path = (view, {s.key: s for s in self._store.per_document(self._summaries)})
        return self._by_path[1].get(key) or self._by_path[1].get(path)

    @_index_guard
    def article(self, path: str) -> Article:
        """The article at ``path`` (``PATH#N`` for record N of a dump) with its text as the reader shows it.

        Raises UnreadableFile (or OSError) when it cannot be read.
        """
        key, file, record = locate(path)
        return self._article(file, record, self._store.stored(key))

    def _article(self, path: str, record: int | None, stored: dict[str, Any] | None) -> Article:
        """Read the article once; its metadata from the index unless its file changed since (see :mod:`.articles`)."""
        state = self._manifest()
        if record is not None and (state is None or path not in state.dumps):
            return read_indexed(path, record, stored, state, self.dump_options())  # a dump the index does not hold
        return read_indexed(path, record, stored, state, DumpOptions())

    @_index_guard
    def read(self, path: str, query: str | PreparedQuery | None = None) -> Reading:
        """The article at ``path`` (``PATH#N`` for a dump record), where the query's hits stand in it, and its quotations.

        One stored-fields lookup and one file read; with a prepared query that
        listed this article, its hit spans are the ones the search found.
        Raises UnreadableFile (or OSError) when the file cannot be read.
        """
        key, file, record = locate(path)
        stored = self._store.stored(key)
        article = self._article(file, record, stored)
        spans: list[Span] = []
        if query is not None:
            prepared = query if isinstance(query, PreparedQuery) else self.prepare(query)
            if prepared.ok:
                spans = self._hits.spans(prepared, article, stored)
        quotes = self._speakers.quotes(stored)
        return Reading(article=article, spans=tuple(spans), quotes=tuple(quotes))

    # -- searching ---------------------------------------------------------------------------------
    def prepare(self, query: str) -> PreparedQuery:
        """Repair and parse ``query`` once (kept for the next use of the same text)."""
        return self._hits.prepare(query)

    def search(
        self,
        query: str | PreparedQuery,
        limit: int | None = 20,
        spans_for: int | None = None,
        sort: str = "relevance",
    ) -> SearchResult:
        """Search the corpus. Never raises on a malformed query: the result says what was searched.

        ``sort`` orders the hits (:data:`~.fields.SORT_KEYS`): by relevance, or
        the whole match set by date (newest first, undated last), title,
        outlet or path before it is cut at ``limit``. ``ValueError`` for an
        unknown order. Raises :class:`IndexDamaged` when the index files turn
        out damaged (:meth:`rebuild` rebuilds them; so does the next :meth:`open`).

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
        order = sort_order(sort)
        try:
            values = self._summaries if spans_for is not None else None
            if order is not None:
                found = self._store.sorted_search(prepared.parsed, order, limit, spans_for, self._summaries)
            else:
                found = self._store.search(prepared.parsed, limit, spans_for, values)
        except Exception as exc:  # Whoosh failing on the query: said; damaged index files: IndexDamaged
            if st.is_damage(exc):
                raise self._damaged(str(exc) if isinstance(exc, st.IndexUnreadable) else f"{type(exc).__name__}: {exc}") from None
            notices.append(f"The search failed ({type(exc).__name__}); try simpler words.")
            return SearchResult(query=prepared.query, searched="", notices=tuple(notices))
        plan = found.plan
        prepared.cache["plan"] = (found.view, plan)
        hits = [
            self._hits.hit(stored, score, plan, prepared) if stored is not None else plain_hit(cast(ArticleSummary, summary), score)
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

    @_index_guard
    def facets(self, query: str | PreparedQuery | None = None) -> Facets:
        """How many articles match ``query`` (``None`` or blank: every article) by outlet, folder and month.

        Counted from the per-segment article summaries (no file is read). A
        query with nothing searchable left gives a total of 0 and says why.
        """
        if query is None or (isinstance(query, str) and not query.strip()):
            return count_facets(self._store.matching_values(None, self._summaries))
        prepared = query if isinstance(query, PreparedQuery) else self.prepare(query)
        notices = list(prepared.notices)
        if prepared.ok and prepared.failure is not None:
            notices.append(f"The search failed ({prepared.failure}); try simpler words.")
        if not prepared.ok or prepared.failure is not None:
            return Facets(total=0, notices=tuple(notices))
        items = self._store.matching_values(prepared.parsed, self._summaries)
        return count_facets(items, searched=prepared.searched, notices=tuple(notices))

    def _damaged(self, reason: str) -> IndexDamaged:
        """Flag the index for a rebuild at the next open; the error to raise now."""
        state = IndexState.load(self.directory)
        if state is not None and not state.damaged:
            state.damaged = reason
            try:
                state.save(self.directory)
            except OSError:
                pass
        from . import indexing

        indexing.collect_quietly()
        return IndexDamaged(
            f"the index in {self.directory} is damaged ({reason}); it is rebuilt the next time Byline opens it"
        )

    def spans(self, article: Article, query: str | PreparedQuery) -> list[Span]:
        """Every hit of ``query`` in ``article``'s text (for highlighting it in the reader)."""
        prepared = query if isinstance(query, PreparedQuery) else self.prepare(query)
        if not prepared.ok or prepared.parsed is None:
            return []
        try:
            return self._hits.spans(prepared, article, None)
        except Exception:
            return []

    # -- quotes and speakers -----------------------------------------------------------------------
    @_index_guard
    def quotes(self, path: str) -> list[QuoteRecord]:
        """The quotations of one article (``PATH#N`` for a dump record), in reading order, speakers merged across the corpus."""
        return self._speakers.quotes(self._store.stored(locate(path)[0]))

    @_index_guard
    def all_quotes(self, speaker: str | None = None) -> list[QuoteRecord]:
        """Quotations of the whole corpus (or of one speaker), article by article in reading order."""
        return self._speakers.all_quotes(speaker)

    @_index_guard
    def quotes_json(self, speaker: str | None = None) -> Iterator[str]:
        """The JSON line of every quotation of :meth:`all_quotes` (or of one speaker), without making its record.

        Byte for byte what encoding each :class:`QuoteRecord` gives (``byline
        quotes --json``'s lines, see :mod:`.quotejson`), at a small part of the
        cost. The stored quotations are read when this is called; the lines are
        made as they are taken.
        """
        return self._speakers.json_lines(speaker)

    def quotes_by(self, speaker: str) -> list[QuoteRecord]:
        """Every quotation attributed to ``speaker`` (a full name or a surname)."""
        return self.all_quotes(speaker=speaker)

    @_index_guard
    def warm(self) -> None:
        """Work out and keep on disk, for the index as it is now, what the reader needs from the whole index:
        the speaker names merged across the corpus and the speaker list (at 100,000 articles a few seconds,
        which the first article read, or the speakers tab left open, would otherwise wait for after a
        change). Called after a pass that changed something."""
        self._speakers.canonical()
        self._speakers.speakers()

    @_index_guard
    def speakers(self) -> list[Speaker]:
        """Every speaker of the corpus with quote and article counts, most quoted first."""
        return self._speakers.speakers()

