"""The engine's front door: a :class:`Library` is one corpus and its index.

Typical use::

    lib = Library.open(["~/articles"])
    report = lib.update(progress=print)      # incremental; cheap when nothing changed
    result = lib.search('"Russophobic course"')
    for hit in result.hits: ...
    lib.quotes(result.hits[0].path)

Everything that crosses this boundary is a dataclass from :mod:`.models`.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar, cast

from . import backend as bk
from .corpus import CorpusScan, FileStat, load_article, scan_corpus
from .documents import (
    KIND_MARK,
    ROLE_SEP,
    meta_from_stored,
    quote_key,
    quote_spans,
    quotes_from_stored,
    searchable_text,
    summary_from_stored,
    to_index_document,
)
from .highlight import find_spans, kwic
from .metadata import extract_metadata
from .models import (
    Article,
    ArticleSummary,
    IndexProgress,
    IndexReport,
    QuoteRecord,
    SearchHit,
    SearchResult,
    SkippedFile,
    Span,
    Speaker,
)
from .query import clean_query
from .quotes import canonical_names, extract_quotes, is_organisation
from .reading import UnreadableFile, is_lasting, read_text
from .state import (
    STATE_FILE,
    WHOOSH_DIR,
    IndexState,
    claim_temp_root,
    default_index_dir,
    fallback_index_dir,
    memory_index_dir,
    open_lock,
    prepare_dir,
    release_memory_dir,
)

ProgressCallback = Callable[[IndexProgress], None]
StopCheck = Callable[[], bool]

BATCH_DOCS = 400
"""Documents per commit: a cancelled or interrupted pass keeps every finished batch."""
BATCH_SECONDS = 5.0
PARALLEL_MIN = 600
"""Files to read before indexing them in worker processes pays for starting the workers (~1 s)."""
CHUNK_DOCS = (200, 6000)
"""Least and most articles per task of a worker process; each task writes one Whoosh segment.

Tasks grow with the pass (half of what came before): the first articles show
up within seconds, and a big build ends with a dozen or two segments, not
hundreds. Whoosh merges segments slowly (slower than it indexes), so they are
not merged while indexing; every search pays a little for each segment.
"""


def _chunk_sizes(count: int, procs: int = 2) -> list[int]:
    """Task sizes for ``count`` articles: growing, then shrinking at the end so no worker idles long."""
    sizes: list[int] = []
    planned = 0
    while planned < count:
        left = count - planned
        size = max(CHUNK_DOCS[0], min(CHUNK_DOCS[1], planned // 2))
        if left <= procs * size:  # the last round: one even share per worker
            share = max(-(-left // procs), CHUNK_DOCS[0])
            while left > 0:
                sizes.append(min(share, left))
                left -= sizes[-1]
            break
        sizes.append(size)
        planned += size
    return sizes


def index_procs() -> int:
    """Worker processes for indexing: the cores (at most 4); ``BYLINE_PROCS`` overrides it."""
    try:
        return max(1, int(os.environ["BYLINE_PROCS"]))
    except (KeyError, ValueError):
        return max(1, min(4, os.cpu_count() or 1))


class LibraryError(Exception):
    """A problem the user must hear about in one line (bad index directory, no corpus)."""


class IndexBusy(LibraryError):
    """Another process holds the index's write lock."""


class IndexDamaged(LibraryError):
    """The index files turned out damaged while reading them; the next :meth:`Library.open` rebuilds it."""


class _Unwritable(Exception):
    """An index location that cannot be written (the caller tries the next one)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_M = TypeVar("_M", bound=Callable[..., Any])


def _index_guard(method: _M) -> _M:
    """Turn index files found damaged while reading into :class:`IndexDamaged` (and a rebuild next time)."""

    @functools.wraps(method)
    def guarded(self: Library, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except bk.IndexUnreadable as exc:
            raise self._damaged(str(exc)) from None
        except Exception as exc:
            # Whoosh's own errors on damaged files (an OSError may as well be an article's file)
            if not bk.is_damage(exc) or isinstance(exc, OSError):
                raise
            reason = f"{type(exc).__name__}: {exc}"
        raise self._damaged(reason)

    return cast(_M, guarded)


def sample_corpus() -> Path:
    """The folder of sample articles shipped inside the package."""
    return Path(__file__).resolve().parent / "sample"


@dataclass
class _Diff:
    new: list[FileStat]
    changed: list[FileStat]
    deleted: list[str]
    unchanged: int
    skipped: list[SkippedFile]

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.deleted)


class Library:
    """A corpus of articles and its Whoosh index."""

    def __init__(self, paths: Sequence[str], directory: Path, backend: bk.Backend, notices: list[str]) -> None:
        self.paths = list(paths)
        self.directory = directory
        self._backend = backend
        self.notices = notices
        """Messages from opening (an index rebuilt because it was unreadable, …)."""
        self._lock = threading.RLock()
        self._canon_cache: dict[str, str] | None = None

    # -- opening -----------------------------------------------------------
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
        notices: list[str] = []
        if index_dir:
            return cls._open_at(resolved, Path(index_dir).expanduser().resolve(), rebuild, notices, strict=True)
        failures: list[tuple[Path, str]] = []
        for directory in (default_index_dir(resolved), fallback_index_dir(resolved)):
            try:
                if failures:  # the shared temporary directory: only in a folder of this user's
                    claim_temp_root()
                lib = cls._open_at(resolved, directory, rebuild, notices, strict=False)
            except _Unwritable as exc:
                failures.append((directory, exc.reason))
                continue
            except OSError as exc:
                failures.append((directory, _os_reason(exc)))
                continue
            if failures:
                where, why = failures[0]
                lib.notices.insert(0, f"Cannot write the index cache {where} ({why}); keeping the index in {directory} instead.")
            return lib
        (where, why), (where2, why2) = failures
        directory = memory_index_dir(resolved)
        backend = bk.Backend.in_memory_index(directory / WHOOSH_DIR)
        IndexState(schema=bk.SCHEMA_VERSION, corpus=resolved).save(directory)
        notices.insert(
            0,
            f"Cannot write the index cache {where} ({why}) nor {where2} ({why2}); "
            "keeping the index in memory: it is built again every time.",
        )
        return cls(resolved, directory, backend, notices)

    @classmethod
    def _open_at(cls, resolved: list[str], directory: Path, rebuild: bool, notices: list[str], strict: bool) -> Library:
        """Open the index in ``directory``; raises :class:`_Unwritable` (``strict``: LibraryError) if it cannot be written."""

        def unusable(exc: OSError, doing: str) -> Exception:
            reason = _os_reason(exc)
            if strict:
                return LibraryError(f"cannot {doing} the index in {directory}: {reason}")
            return _Unwritable(reason)

        whoosh_dir = directory / WHOOSH_DIR
        if directory.exists() and not directory.is_dir():
            if strict:
                raise LibraryError(f"index location {directory} is a file, not a directory")
            raise _Unwritable("a file is in the way")
        ours = (directory / STATE_FILE).exists()
        if not ours and whoosh_dir.is_dir() and any(whoosh_dir.iterdir()):
            raise LibraryError(f"{whoosh_dir} exists and was not made by Byline; choose another --index directory")
        try:
            prepare_dir(directory)
        except OSError as exc:
            raise unusable(exc, "create") from None
        try:
            with open_lock(directory):
                backend = cls._open_locked(resolved, directory, rebuild, notices)
        except OSError as exc:
            raise unusable(exc, "write") from None
        return cls(resolved, directory, backend, notices)

    @classmethod
    def _open_locked(cls, resolved: list[str], directory: Path, rebuild: bool, notices: list[str]) -> bk.Backend:
        """Check, create or rebuild the index (holding the open lock, so no other process does it at once).

        Raises :class:`OSError` when the directory cannot be written.
        """
        whoosh_dir = directory / WHOOSH_DIR
        state = IndexState.load(directory)
        fresh = state is None or state.schema != bk.SCHEMA_VERSION or rebuild or bool(state.damaged)
        if fresh:
            if bk.Backend.is_locked(whoosh_dir):
                raise IndexBusy("another Byline process is updating this index; try again when it has finished")
            if state is not None and state.schema != bk.SCHEMA_VERSION:
                notices.append("The index was made by another version of Byline; rebuilding it.")
            elif state is not None and state.damaged and not rebuild:
                notices.append(f"The index in {directory} was found damaged ({state.damaged}); rebuilding it.")
            bk.Backend.wipe(whoosh_dir)
            IndexState(schema=bk.SCHEMA_VERSION, corpus=resolved).save(directory)
        for attempt in (1, 2):
            backend: bk.Backend | None = None
            try:
                backend = bk.Backend.open(whoosh_dir)
                if not fresh and state is not None:
                    cls._reconcile(backend, directory, state, notices)
                return backend
            except bk.IndexUnreadable as exc:
                if backend is not None:
                    backend.close()
                if attempt == 2:
                    raise LibraryError(f"cannot rebuild the index in {directory}: {exc}") from None
                if bk.Backend.is_locked(whoosh_dir):
                    raise IndexBusy("another Byline process is updating this index; try again when it has finished")
                notices.append(f"The index in {directory} could not be read ({exc}); rebuilding it.")
                bk.Backend.wipe(whoosh_dir)
                IndexState(schema=bk.SCHEMA_VERSION, corpus=resolved).save(directory)
                fresh = True
            except bk.IndexLocked as exc:
                raise IndexBusy(str(exc)) from None
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    def _reconcile(backend: bk.Backend, directory: Path, state: IndexState, notices: list[str]) -> None:
        """Make the manifest forget articles the index lost (a deleted table of contents, a restored backup...).

        The manifest is saved after each commit, so it never names more articles
        than the index holds unless index files were lost; those articles are then
        indexed again by the next update. Done only when no other process is writing.
        Raises :class:`~.backend.IndexUnreadable` when the index cannot be read.
        """
        if backend.doc_count() >= len(state.files):
            return
        try:
            writer = backend.writer(timeout=0.0)
        except (bk.IndexLocked, bk.IndexWriteFailed):
            return  # a writer is at work (or the disk is full); checked again next time
        try:
            state = IndexState.load(directory) or state
            indexed = {str(s.get("path") or s.get("key")) for s in backend.iter_stored()}
            lost = [key for key in state.files if key not in indexed]
            if lost:
                for key in lost:
                    del state.files[key]
                state.save(directory)
                notices.append(f"The index in {directory} had lost {len(lost)} of its articles; indexing them again.")
        finally:
            writer.cancel()

    @property
    def in_memory(self) -> bool:
        """True when no directory could be written and the index lives in memory (see :attr:`notices`)."""
        return self._backend.in_memory

    def close(self) -> None:
        """Release the index."""
        self._backend.close()
        if self._backend.in_memory:
            release_memory_dir(self.directory)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- indexing ----------------------------------------------------------
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
            report = IndexReport()
            stop = should_stop or (lambda: False)
            scan = self.scan(should_stop=stop)
            report.ignored = scan.ignored
            report.skipped.extend(scan.errors)
            report.skipped.extend(SkippedFile(p, "no such file or directory") for p in scan.missing)
            if stop():
                report.cancelled = True
                return report
            state = IndexState.load(self.directory) or IndexState(schema=bk.SCHEMA_VERSION, corpus=self.paths)
            diff = _diff(scan, state)
            if diff.empty:
                report.unchanged = diff.unchanged
                report.skipped.extend(diff.skipped)
                return report
            busy = "another Byline process is updating this index; searching what it has committed so far"
            try:
                writer = self._backend.writer(timeout=wait)
            except bk.IndexLocked as exc:
                raise IndexBusy(busy) from exc
            except bk.IndexWriteFailed as exc:
                raise LibraryError(
                    f"could not write the index in {self.directory} ({exc}); "
                    f"it keeps its last commit, {len(self)} articles searchable"
                ) from None
            failure: str | None = None
            try:
                self._backend.refresh()
                state = IndexState.load(self.directory) or state
                diff = _diff(scan, state)
                report.unchanged = diff.unchanged
                report.skipped.extend(diff.skipped)
                report.rebuilt = not state.files and not state.skipped
                writer = self._apply(diff, state, writer, report, progress, stop)
            except bk.IndexLocked:
                failure = "busy"  # another process took the lock between two batches
            except bk.IndexWriteFailed as exc:
                failure = str(exc)
            except OSError as exc:  # the manifest could not be saved
                failure = _os_reason(exc)
            finally:
                writer.cancel()
                self._backend.cancel_writers()
                self._backend.refresh()
                self._canon_cache = None
            if failure == "busy":
                raise IndexBusy(busy)
            if failure is not None:
                _collect_quietly()
                raise LibraryError(
                    f"could not write the index in {self.directory} ({failure}); "
                    f"it keeps its last commit, {len(self)} articles searchable"
                )
            return report

    def _apply(
        self,
        diff: _Diff,
        state: IndexState,
        writer: bk.BatchWriter,
        report: IndexReport,
        progress: ProgressCallback | None,
        stop: StopCheck,
    ) -> bk.BatchWriter:
        """Write the diff in committed batches; returns the writer still open (to be cancelled)."""
        parallel = len(diff.new) + len(diff.changed) >= PARALLEL_MIN and index_procs() > 1
        if parallel and not self._backend.in_memory:  # workers build segments in files: not for RAM
            return self._apply_parallel(diff, state, writer, report, progress, stop)
        run = _Pass(self, state, report, progress, total=len(diff.new) + len(diff.changed) + len(diff.deleted))
        for key in diff.deleted:
            run.delete(writer, key)
        for stat in diff.new + diff.changed:
            if stop():
                report.cancelled = True
                return writer
            run.announce(stat.path)
            try:
                doc = self.load_document(stat)
            except UnreadableFile as exc:
                run.unreadable(writer, stat, exc.reason)
            else:
                writer.put(doc)
                run.indexed(stat)
            if run.due():
                writer = run.commit(writer)
        if stop():
            report.cancelled = True
            return writer
        writer = run.commit(writer)
        run.finished()
        return writer

    def _apply_parallel(
        self,
        diff: _Diff,
        state: IndexState,
        writer: bk.BatchWriter,
        report: IndexReport,
        progress: ProgressCallback | None,
        stop: StopCheck,
    ) -> bk.BatchWriter:
        """:meth:`_apply` with the reading, quote extraction and Whoosh analysis in worker processes.

        Each worker turns a chunk of files into a finished Whoosh segment in a
        staging folder; this process only deletes old versions, adds the
        segments and commits, batch by batch as :meth:`_apply` does. Workers are
        *spawned*, not forked, so this is safe from a thread of a program
        running other threads (the app). If the workers cannot be started or
        die, the remaining files are indexed here, one by one.
        """
        import multiprocessing
        from concurrent.futures import Future, ProcessPoolExecutor

        may_exist = self._backend.doc_count() > 0
        stats = diff.new + diff.changed
        procs = index_procs()
        chunks: list[list[FileStat]] = []
        start = 0
        for size in _chunk_sizes(len(stats), procs):
            chunks.append(stats[start : start + size])
            start += size
        run = _Pass(self, state, report, progress, total=len(stats) + len(diff.deleted), merge=False)
        for key in diff.deleted:
            run.delete(writer, key)

        staging = bk.make_staging(self.directory)
        pool: ProcessPoolExecutor | None
        try:
            pool = ProcessPoolExecutor(max_workers=procs, mp_context=multiprocessing.get_context("spawn"))
        except Exception:
            pool = None
        futures: deque[Future[Any]] = deque()
        submitted = 0

        def feed() -> None:
            nonlocal submitted
            while pool is not None and submitted < len(chunks) and len(futures) < 2 * procs:
                futures.append(pool.submit(_index_chunk, str(staging), chunks[submitted]))
                submitted += 1

        try:
            for n, chunk in enumerate(chunks):
                if stop():
                    report.cancelled = True
                    return writer
                outcome: tuple[bk.StagedSegment | None, list[tuple[FileStat, str | None]]] | None = None
                if pool is not None:
                    try:
                        feed()
                        outcome = futures.popleft().result()
                    except Exception:  # a worker died or could not start: go on here
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = None
                        futures.clear()
                if outcome is None:
                    local: list[tuple[FileStat, str | None]] = []
                    for stat in chunk:
                        try:
                            writer.put(self.load_document(stat))
                            local.append((stat, None))
                        except UnreadableFile as exc:
                            local.append((stat, exc.reason))
                    outcome = (None, local)
                staged, results = outcome
                for stat, reason in results:
                    run.announce(stat.path)
                    if reason is not None:
                        run.unreadable(writer, stat, reason)
                    else:
                        if staged is not None and may_exist:
                            writer.delete(stat.path)
                        run.indexed(stat)
                if staged is not None:
                    writer.add_segment(staged)
                if n < len(chunks) - 1 and run.due():
                    writer = run.commit(writer)
            if stop():
                report.cancelled = True
                return writer
            writer = run.commit(writer)
            run.finished()
            return writer
        finally:
            if pool is not None:
                # a cancelled pass must not wait for tasks of up to a minute: end the workers
                workers = list(getattr(pool, "_processes", {}).values()) if report.cancelled else []
                pool.shutdown(wait=False, cancel_futures=True)
                for proc in workers:
                    try:
                        proc.terminate()
                    except Exception:
                        pass
                pool.shutdown(wait=True)
            shutil.rmtree(staging, ignore_errors=True)

    def load_document(self, stat: FileStat) -> bk.IndexDocument:
        """Read, analyse and extract the quotes of one file (raises UnreadableFile)."""
        return load_document(stat)

    # -- reading -----------------------------------------------------------
    @_index_guard
    def __len__(self) -> int:
        return self._backend.doc_count()

    @_index_guard
    def articles(self) -> list[ArticleSummary]:
        """Every indexed article, newest first (undated last), then by title."""
        items = self._backend.per_document(summary_from_stored, SUMMARY_TAG)
        items.sort(key=lambda a: (a.title.casefold(), a.path))
        items.sort(key=lambda a: a.date or "", reverse=True)
        return items

    @_index_guard
    def article(self, path: str) -> Article:
        """The article at ``path`` with its text as the reader shows it (raises UnreadableFile)."""
        key = os.path.realpath(path)
        stored = self._backend.stored(key)
        text, encoding = read_text(key)
        meta = meta_from_stored(stored) if stored is not None else None
        unchanged = stored is not None and os.stat(key).st_size == stored.get("info", {}).get("size")
        if meta is None or not unchanged or len(text) < meta.body_start:
            meta = extract_metadata(text)  # not indexed, or changed since: read it afresh
        return Article(key=key, path=key, text=text, meta=meta, encoding=encoding)

    # -- searching ---------------------------------------------------------
    def search(self, query: str, limit: int | None = 20, spans_for: int | None = None) -> SearchResult:
        """Search the corpus. Never raises on a malformed query: the result says what was searched.

        ``limit`` caps the hits returned (``None``: every matching article, ranked).
        Finding the spans and snippet of a hit reads its file, so ``spans_for``
        limits that to the first N hits; the others come with empty ``spans`` and
        ``snippet`` (``None``: every hit gets them).
        """
        clean = clean_query(query)
        notices = list(clean.notices)
        if clean.empty:
            return SearchResult(query=query, searched="", notices=tuple(notices))
        try:
            if spans_for is None:
                found, total, plan = self._backend.search(clean.text, limit)
                light = None
            else:
                light, total, plan = self._backend.search_light(
                    clean.text, limit, max(0, spans_for), summary_from_stored, SUMMARY_TAG
                )
        except Exception as exc:  # the parser or a damaged segment; never a traceback
            notices.append(self._search_failure(clean.text, exc))
            return SearchResult(query=query, searched="", notices=tuple(notices))
        if light is None:
            hits = [self._hit(stored, score, plan) for stored, score in found]
        else:  # beyond spans_for, a hit is made from the article's cached summary
            hits = [
                self._hit(stored, score, plan) if stored is not None else _plain_hit(summary, score)
                for stored, summary, score in light
            ]
        return SearchResult(query=query, searched=clean.text, hits=tuple(hits), total=total, notices=tuple(notices))

    def _search_failure(self, text: str, exc: Exception) -> str:
        """What to tell the user when Whoosh failed on a cleaned query: the query, or the index."""
        try:
            self._backend.parse(text)
        except Exception:
            return f"The search failed ({type(exc).__name__}); try simpler words."
        if bk.is_damage(exc):
            return f"The search failed: {self._damaged(f'{type(exc).__name__}: {exc}')}."
        return f"The search failed ({type(exc).__name__}); try simpler words."

    def _damaged(self, reason: str) -> IndexDamaged:
        """Flag the index for a rebuild at the next open; the error to raise now."""
        state = IndexState.load(self.directory)
        if state is not None and not state.damaged:
            state.damaged = reason
            try:
                state.save(self.directory)
            except OSError:
                pass
        _collect_quietly()
        return IndexDamaged(
            f"the index in {self.directory} is damaged ({reason}); it is rebuilt the next time Byline opens it"
        )

    def _hit(self, stored: dict[str, Any], score: float, plan: bk.MatchPlan, spans: bool = True) -> SearchHit:
        meta = meta_from_stored(stored)
        path = str(stored.get("path") or stored.get("key"))
        found: list[Span] = []
        snip, snip_marks = "", []
        text = ""
        if spans:
            try:
                text, _ = read_text(path)
            except UnreadableFile:
                text = ""
        if text:
            if len(text) < meta.body_start:
                meta = extract_metadata(text)
            searchable = searchable_text(text, meta)
            found = find_spans(searchable, plan, bk.analyze, quote_spans(quotes_from_stored(stored)))
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

    def spans(self, article: Article, query: str) -> list[Span]:
        """Every hit of ``query`` in ``article``'s text (for highlighting it in the reader)."""
        clean = clean_query(query)
        if clean.empty:
            return []
        try:
            plan = self._backend.plan_for(clean.text)
        except Exception:
            return []
        stored = self._backend.stored(article.key)
        quotes = quotes_from_stored(stored) if stored else []
        return find_spans(searchable_text(article.text, article.meta), plan, bk.analyze, quote_spans(quotes))

    # -- quotes and speakers ----------------------------------------------
    def _canonical(self) -> dict[str, str]:
        """Corpus-level name merging (only full names that agree; see ``canonical_names``), cached per index state."""
        if self._canon_cache is None:
            names = {term: weight for term, weight, _ in self._backend.keyword_counts("speaker_names")}
            try:
                self._canon_cache = dict(canonical_names(names, self._speaker_kinds()))
            except Exception:
                self._canon_cache = {}
        return self._canon_cache

    def _speaker_kinds(self) -> dict[str, str]:
        """``person``/``organisation`` for each speaker name, as extraction decided it."""
        kinds: dict[str, str] = {}
        for term, _, _ in self._backend.keyword_counts("speaker_roles"):
            name, _, role = term.partition(ROLE_SEP)
            if role.startswith(KIND_MARK):
                kinds[name] = role[len(KIND_MARK) :]
        return kinds

    @_index_guard
    def quotes(self, path: str) -> list[QuoteRecord]:
        """The quotations of one article, in reading order, with speakers merged across the corpus."""
        key = os.path.realpath(path)
        stored = self._backend.stored(key)
        if stored is None:
            return []
        return self._records(stored)

    def _records(self, stored: dict[str, Any], shared: dict[str, list[str]] | None = None) -> list[QuoteRecord]:
        canon = self._canonical()
        quotes = quotes_from_stored(stored)
        key = str(stored.get("path") or stored.get("key"))
        keys = {q: quote_key(q.text) for q in quotes}
        if shared is None:
            shared = self._backend.keyword_docs("quote_keys", [k for k in keys.values() if k])
        title = meta_from_stored(stored).title
        out: list[QuoteRecord] = []
        for q in quotes:
            if q.speaker:
                q = replace(q, speaker=canon.get(q.speaker, q.speaker))
            qk = keys.get(q)
            others = tuple(sorted(p for p in shared.get(qk or "", []) if p != key))
            out.append(QuoteRecord(path=key, title=title, quote=q, also_in=others))
        return out

    @_index_guard
    def all_quotes(self, speaker: str | None = None) -> list[QuoteRecord]:
        """Quotations of the whole corpus (or of one speaker), article by article in reading order."""
        shared = self._backend.shared_keywords("quote_keys")
        out: list[QuoteRecord] = []
        stored_docs = sorted(self._backend.iter_stored(), key=lambda s: str(s.get("path")))
        for stored in stored_docs:
            records = self._records(stored, shared)
            if speaker is not None:
                records = [r for r in records if r.quote.speaker and speaker_matches(speaker, r.quote.speaker)]
            out.extend(records)
        return out

    def quotes_by(self, speaker: str) -> list[QuoteRecord]:
        """Every quotation attributed to ``speaker`` (a full name or a surname)."""
        return self.all_quotes(speaker=speaker)

    @_index_guard
    def speakers(self) -> list[Speaker]:
        """Every speaker of the corpus with quote and article counts, most quoted first."""
        canon = self._canonical()
        counts = self._backend.keyword_counts("speaker_names")
        docs = self._backend.keyword_docs("speaker_names", [t for t, _, _ in counts])
        quotes: dict[str, int] = {}
        articles: dict[str, set[str]] = {}
        for term, weight, _ in counts:
            name = canon.get(term, term)
            quotes[name] = quotes.get(name, 0) + weight
            articles.setdefault(name, set()).update(docs.get(term, []))
        roles: dict[str, dict[str, int]] = {}
        for term, _, ndocs in self._backend.keyword_counts("speaker_roles"):
            name, _, role = term.partition(ROLE_SEP)
            if role and not role.startswith(KIND_MARK):
                bucket = roles.setdefault(canon.get(name, name), {})
                bucket[role] = bucket.get(role, 0) + ndocs
        kinds = {canon.get(n, n): k for n, k in self._speaker_kinds().items()}
        out = [
            Speaker(
                name=name,
                role=max(roles[name].items(), key=lambda kv: (kv[1], len(kv[0])))[0] if roles.get(name) else None,
                quotes=quotes[name],
                articles=len(articles.get(name, ())),
                kind=kinds.get(name) or ("organisation" if is_organisation(name) else "person"),  # type: ignore[arg-type]
            )
            for name in quotes
        ]
        out.sort(key=lambda s: (-s.quotes, s.name.casefold()))
        return out


SUMMARY_TAG = "summary1"
"""Names the cached form of :func:`summary_from_stored`'s output: change it when that changes."""


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


def load_document(stat: FileStat) -> bk.IndexDocument:
    """Read, analyse and extract the quotes of one file (raises UnreadableFile)."""
    article = load_article(stat)
    quotes = extract_quotes(article.text, article.meta.body_start)
    return to_index_document(article, quotes, stat.size, stat.mtime_ns)


def _index_chunk(staging: str, stats: list[FileStat]) -> tuple[bk.StagedSegment | None, list[tuple[FileStat, str | None]]]:
    """In a worker process: load ``stats`` and write them as one segment in ``staging``."""
    docs: list[bk.IndexDocument] = []
    results: list[tuple[FileStat, str | None]] = []
    for stat in stats:
        try:
            docs.append(load_document(stat))
            results.append((stat, None))
        except UnreadableFile as exc:
            results.append((stat, exc.reason))
    return bk.build_segment(staging, docs), results


def _os_reason(exc: OSError) -> str:
    """The system's words for why writing the index failed (``no space left on device``)."""
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def _collect_quietly() -> None:
    """Collect garbage with ResourceWarnings silenced: a failed Whoosh writer leaves open files behind."""
    import gc
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


class _Pass:
    """The bookkeeping of one indexing pass: what the next commit makes true, batch by batch.

    The manifest and the report change only when a batch is committed, so an
    interrupted pass leaves them agreeing with the index.
    """

    def __init__(
        self,
        library: Library,
        state: IndexState,
        report: IndexReport,
        progress: ProgressCallback | None,
        total: int,
        merge: bool = True,
    ) -> None:
        self.library = library
        self.state = state
        self.report = report
        self.progress = progress
        self.total = total
        self.merge = merge
        self.done = 0
        self.files: dict[str, tuple[int, int] | None] = {}
        self.skips: dict[str, tuple[int, int, str] | None] = {}
        self.counts = {"added": 0, "updated": 0, "removed": 0}
        self.batch_docs = 0
        self.batch_started = time.monotonic()

    def announce(self, path: str) -> None:
        """Say which file is next."""
        if self.progress:
            self.progress(IndexProgress(done=self.done, total=self.total, path=path, phase="index"))

    def delete(self, writer: bk.BatchWriter, key: str) -> None:
        """Drop a file that is gone."""
        writer.delete(key)
        if key in self.state.files:
            self.counts["removed"] += 1
        self.files[key] = None
        self.skips[key] = None
        self.done += 1

    def indexed(self, stat: FileStat) -> None:
        """``stat``'s document is in the batch."""
        self.files[stat.path] = (stat.size, stat.mtime_ns)
        self.skips[stat.path] = None
        self.counts["added" if stat.path not in self.state.files else "updated"] += 1
        self._step()

    def unreadable(self, writer: bk.BatchWriter, stat: FileStat, reason: str) -> None:
        """``stat`` could not be read: name it, and drop an older version from the index.

        Skips caused by the file's contents are remembered until it changes;
        those caused by the file system (permissions) are tried again next time.
        """
        self.report.skipped.append(SkippedFile(stat.path, reason))
        self.skips[stat.path] = (stat.size, stat.mtime_ns, reason) if is_lasting(reason) else None
        if stat.path in self.state.files:
            writer.delete(stat.path)
            self.files[stat.path] = None
            self.counts["removed"] += 1
        self._step()

    def _step(self) -> None:
        self.done += 1
        self.batch_docs += 1

    def due(self) -> bool:
        """Whether the batch is big or old enough to commit."""
        return self.batch_docs >= BATCH_DOCS or time.monotonic() - self.batch_started > BATCH_SECONDS

    def commit(self, writer: bk.BatchWriter) -> bk.BatchWriter:
        """Commit the batch, then make the manifest and the report say so; returns a new writer."""
        if self.progress:
            self.progress(IndexProgress(done=self.done, total=self.total, phase="commit"))
        writer.commit(merge=self.merge)
        for key, value in self.files.items():
            if value is None:
                self.state.files.pop(key, None)
            else:
                self.state.files[key] = value
        for key, skip in self.skips.items():
            if skip is None:
                self.state.skipped.pop(key, None)
            else:
                self.state.skipped[key] = skip
        self.state.corpus = self.library.paths
        self.state.save(self.library.directory)
        for name in ("added", "updated", "removed"):
            setattr(self.report, name, getattr(self.report, name) + self.counts[name])
        self.files.clear()
        self.skips.clear()
        self.counts = {"added": 0, "updated": 0, "removed": 0}
        self.batch_docs = 0
        self.batch_started = time.monotonic()
        return self.library._backend.writer(timeout=30.0)

    def finished(self) -> None:
        """The last batch is committed."""
        if self.progress:
            self.progress(IndexProgress(done=self.done, total=self.total, phase="commit"))


def speaker_matches(wanted: str, name: str) -> bool:
    """Whether a speaker filter (``Kosachev``, ``dmitry peskov``) names ``name``."""
    w = wanted.casefold().split()
    n = name.casefold().split()
    if not w:
        return False
    if w == n:
        return True
    return all(part in n for part in w)


def _diff(scan: CorpusScan, state: IndexState) -> _Diff:
    """Compare a stat walk with the manifest."""
    new: list[FileStat] = []
    changed: list[FileStat] = []
    skipped: list[SkippedFile] = []
    unchanged = 0
    seen: set[str] = set()
    for stat in scan.files:
        seen.add(stat.path)
        sig = (stat.size, stat.mtime_ns)
        known = state.files.get(stat.path)
        skip = state.skipped.get(stat.path)
        if known is not None:
            if known == sig:
                unchanged += 1
            else:
                changed.append(stat)
        elif skip is not None and (skip[0], skip[1]) == sig:
            skipped.append(SkippedFile(stat.path, skip[2]))
        else:
            new.append(stat)
    deleted = sorted(k for k in set(state.files) | set(state.skipped) if k not in seen)
    return _Diff(new=new, changed=changed, deleted=deleted, unchanged=unchanged, skipped=skipped)
