"""The store: one Whoosh index in a directory of its own, opened, searched, written and closed.

Everything the engine asks of the index goes through :class:`Store`, in plain
Python values: an :class:`~.schema.IndexDocument` goes in, stored fields (plain
dictionaries), document numbers and :class:`~.queries.MatchPlan` come out.
"""

from __future__ import annotations

import bisect
import gc
import heapq
import os
import shutil
import threading
import warnings
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from whoosh import index
from whoosh.filedb.filestore import RamStorage
from whoosh.index import LockError
from whoosh.searching import Searcher

from . import files, patches
from .errors import IndexLocked, IndexUnreadable, IndexWriteFailed, describe_failure, unreadable_on_error
from .queries import MatchPlan, bounded, match_plan, matching, run, scores_of, total
from .schema import KEY, make_schema, term_key
from .summaries import IndexValue, SegmentValues

if TYPE_CHECKING:
    from .writer import BatchWriter

T = TypeVar("T")

LOCK_NAME = f"{index._DEF_INDEX_NAME}_WRITELOCK"


class _MemoryStorage(RamStorage):
    """Whoosh's RAM storage with its temporary files in RAM too (its own default is the disk)."""

    def temp_storage(self, name: str | None = None) -> RamStorage:
        return RamStorage()


def _open_or_create(directory: Path, create: bool) -> tuple[index.Index | None, str | None]:
    """Open the index in ``directory`` (or create it); returns the index or why it failed."""
    try:
        if files.exists_in(directory):
            ix = files.open_dir(directory)
            if set(ix.schema.names()) != set(make_schema().names()):
                return None, "the index was made by another version of Byline"
            ix.doc_count()  # touches the segment files
            return ix, None
        if create:
            return files.create_in(directory, make_schema()), None
        return None, "no index here"
    except LockError as exc:
        return None, f"the index is locked: {exc}"
    except Exception as exc:  # whoosh raises many kinds on damaged files
        return None, f"{type(exc).__name__}: {exc}"


KEPT_PAGE_MOST = 2000
"""The longest first page :meth:`Store.sorted_values` decodes from stored fields (~0.1 ms each) rather
than reading every article's summary (~1 s at 100,000)."""


@dataclass
class Searched(Generic[T]):
    """What :meth:`Store.search` found."""

    hits: list[tuple[dict[str, Any] | None, T | None, float]]
    """(stored fields or ``None``, per-segment value or ``None``, score) per hit, best first."""
    total: int
    plan: MatchPlan
    view: int
    """The commit the search saw (:meth:`Store.view`)."""
    estimated: bool = False
    """True when ``total`` is an estimate (a phrase of very common words)."""
    sampled: int = 0
    """How many of the matching articles were ranked (0: all of them); see :func:`~.queries.bounded`."""


class Store:
    """A Whoosh index in a directory of its own."""

    def __init__(self, directory: Path, ix: index.Index, in_memory: bool = False) -> None:
        self.directory = directory
        self._ix = ix
        self.in_memory = in_memory
        """True for an index kept in RAM only (:meth:`in_memory_index`): gone when the process ends."""
        self._writers: list[BatchWriter] = []
        self._searcher: Searcher | None = None
        self._searcher_lock = threading.RLock()
        self._orders: dict[Callable[[Any], Any], tuple[tuple[int, int], array[int], list[int]]] = {}
        """Sort order → (the commit it was worked out for, each document's rank): see :meth:`sorted_search`."""
        self._segment_files: dict[str, tuple[int, int, int]] = {}

    # -- opening -----------------------------------------------------------------------------------
    @classmethod
    def open(cls, directory: Path, create: bool = True) -> Store:
        """Open the index in ``directory``, creating it if it is missing and ``create`` is set.

        Raises :class:`IndexUnreadable` when files are there but cannot be read.
        """
        patches.install()
        directory.mkdir(mode=files.FOLDER_MODE, parents=True, exist_ok=True)
        files.tighten(directory)
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
    def in_memory_index(cls, directory: Path) -> Store:
        """A new, empty index in RAM (for when no directory can be written); ``directory`` is only a name."""
        patches.install()
        ix = _MemoryStorage().create_index(make_schema())
        return cls(directory, ix, in_memory=True)

    @staticmethod
    def is_locked(directory: Path) -> bool:
        """Whether a live process holds the write lock of the index in ``directory``.

        Whoosh's lock is an OS file lock: a killed process's lock is released with
        it, so a lock file left behind by a crash does not count.
        """
        if not (directory / LOCK_NAME).exists():
            return False
        lock = files.storage(directory).lock(LOCK_NAME)
        if lock.acquire(blocking=False):
            lock.release()
            return False
        return True

    @staticmethod
    def wipe(directory: Path) -> None:
        """Delete the index files in ``directory`` (the directory is Byline's own)."""
        if directory.exists():
            shutil.rmtree(directory)
        directory.mkdir(mode=files.FOLDER_MODE, parents=True, exist_ok=True)

    @staticmethod
    def exists(directory: Path) -> bool:
        """Whether ``directory`` holds files (an index, or the remains of one)."""
        try:
            return directory.is_dir() and any(directory.iterdir())
        except OSError:
            return False

    def close(self) -> None:
        """Release the index."""
        self._drop_searcher()
        self._ix.close()

    @contextmanager
    def _reading(self) -> Iterator[Searcher]:
        """A searcher kept open between calls (opening one costs ~7 ms per segment).

        It is brought up to date with what writers committed (cheap when nothing
        changed) and used by one thread at a time. Segment files never change
        once written: one that did since the searcher opened it was damaged
        under it (:class:`IndexUnreadable`), which the searcher alone would not
        notice (a garbled term table finds nothing, silently).
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
            if s is not self._searcher:
                self._segment_files = self._stat_segments(s)
            self._searcher = s
            try:
                self._check_segments()
            except IndexUnreadable:
                # a writer (another process) committed and removed merged-away segments meanwhile:
                # not damage if the files of the latest commit are all there
                if self.in_memory or self._ix.latest_generation() == s.reader().generation():
                    raise
                self._drop_searcher()
                s = self._searcher = self._ix.searcher()
                self._segment_files = self._stat_segments(s)
                self._check_segments()
            yield s

    def _stat_segments(self, s: Searcher) -> dict[str, tuple[int, int, int]]:
        """(size, mtime, inode) of the files of the segments a searcher reads."""
        if self.in_memory:
            return {}
        out: dict[str, tuple[int, int, int]] = {}
        for reader, _ in _leaves(s):
            try:
                names = reader.segment().list_files(self._ix.storage)
            except Exception:
                continue
            for name in names:
                try:
                    info = os.stat(self.directory / name)
                except OSError:
                    continue
                out[name] = (info.st_size, info.st_mtime_ns, info.st_ino)
        return out

    def _check_segments(self) -> None:
        """Raise :class:`IndexUnreadable` if a segment file changed or vanished since it was opened."""
        for name, known in self._segment_files.items():
            try:
                info = os.stat(self.directory / name)
                now = (info.st_size, info.st_mtime_ns, info.st_ino)
            except OSError as exc:
                raise IndexUnreadable(f"the index file {name} is gone ({exc.strerror or exc})") from None
            if now != known:
                raise IndexUnreadable(f"the index file {name} was changed under the running index")

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
            self._ix = files.open_dir(self.directory)
        except Exception as exc:
            raise IndexUnreadable(f"{type(exc).__name__}: {exc}") from exc

    @unreadable_on_error
    def doc_count(self) -> int:
        """How many documents are committed."""
        try:
            # from the table of contents: Whoosh's own doc_count() opens every segment (~1 s at 100,000)
            return int(sum(seg.doc_count() for seg in self._ix._segments()))
        except Exception:
            return int(self._ix.doc_count())

    @unreadable_on_error
    def generation(self) -> int:
        """The generation of the last commit (each commit makes a higher one); -1 for an empty new index."""
        return int(self._ix.latest_generation())

    @unreadable_on_error
    def stamp(self) -> str:
        """Names the state of the index searches see now (``generation:segment-deletions,…``): what values
        derived from it are kept on disk for. A rebuilt index starts its generations again, but its segments
        are new; ``""`` for an index in memory (nothing of it is kept)."""
        with self._reading() as s:
            return self._stamp_of(s)

    def _stamp_of(self, s: Searcher) -> str:
        if self.in_memory:
            return ""
        ids = []
        for reader, _ in _leaves(s):
            try:
                segment = reader.segment()
                ids.append(f"{segment.segment_id()}-{segment.deleted_count()}")
            except Exception:
                ids.append("?")
        return f"{int(s.reader().generation() or 0)}:{','.join(ids)}"

    def segment_count(self) -> int:
        """How many segments the committed index has."""
        return len(self._ix._segments())

    # -- writing -----------------------------------------------------------------------------------
    def writer(self, timeout: float = 0.0) -> BatchWriter:
        """A writer holding the index's write lock; :class:`IndexLocked` if another holds it."""
        from .writer import BatchWriter, drop_quietly, gc_held, new_writer  # a search never writes

        failure = None
        with gc_held():
            try:
                w = new_writer(self._ix, timeout=timeout, limitmb=128)
            except LockError as exc:
                raise IndexLocked("another process is writing to this index") from exc
            except Exception as exc:  # a writer failing half-way (disk full) holds the lock and files
                failure = describe_failure(exc)
                drop_quietly(exc)
        if failure is not None:
            raise IndexWriteFailed(failure)
        batch = BatchWriter(w)
        self._writers = [b for b in self._writers if b.is_open] + [batch]
        return batch

    def clean_leftovers(self) -> None:
        """Delete the files no commit uses: those of a batch that failed (a full disk) or was killed.

        Whoosh deletes them at its next commit, which a nearly full disk may
        never allow. Done only while no process writes (the write lock is taken
        for it, without waiting).
        """
        if self.in_memory:
            return
        from whoosh.index import clean_files

        lock = files.storage(self.directory).lock(LOCK_NAME)
        try:
            if not lock.acquire(blocking=False):
                return
        except OSError:
            return
        try:
            toc = self._ix._read_toc()
            clean_files(self._ix.storage, self._ix.indexname, toc.generation, toc.segments)
            for leftover in self.directory.glob("*.tmp"):  # temporary folders of writers that died
                shutil.rmtree(leftover, ignore_errors=True)
        except Exception:
            pass  # damage is found and said elsewhere
        finally:
            lock.release()

    def cancel_writers(self) -> None:
        """Cancel every batch writer of this store still open (after a failure, releases the lock)."""
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

    # -- stored fields -----------------------------------------------------------------------------
    @unreadable_on_error
    def stored(self, key: str) -> dict[str, Any] | None:
        """The stored fields of the document with ``key``, if it is indexed."""
        with self._reading() as s:
            return s.document(**{KEY: term_key(key)})

    @unreadable_on_error
    def iter_stored(self) -> Iterator[dict[str, Any]]:
        """Stored fields of every document."""
        with self._ix.searcher() as s:
            yield from s.all_stored_fields()

    def values_loaded(self, values: SegmentValues[T]) -> bool:
        """Whether ``values`` of every segment searches see are in memory (reading them costs nothing more)."""
        with self._reading() as s:
            return values.loaded(_leaves(s))

    def per_document(self, values: SegmentValues[T]) -> list[T]:
        """``values``' value of every document, in index order (see :class:`~.summaries.SegmentValues`)."""
        with self._reading() as s:
            out: list[T] = []
            for _, got, reader in values.for_segments(_leaves(s)):
                if reader.has_deletions():
                    out.extend(got[d] for d in reader.all_doc_ids())
                else:
                    out.extend(got)
            return out

    # -- searching ---------------------------------------------------------------------------------
    def search(self, q: Any, limit: int | None, stored_for: int | None, values: SegmentValues[T] | None) -> Searched[T]:
        """Run a parsed query: (stored fields, value, score) per hit, the total, the match plan and the view.

        With ``values`` (per-segment article summaries), stored fields are
        decoded for the first ``stored_for`` hits only (``None``: all) and every
        hit comes with its value, so ranking 100,000 hits does not decode
        100,000 stored documents. Without, every hit has its stored fields.
        Searches matching very many articles rank a sample of them
        (:func:`~.queries.bounded`); a phrase's total is then an estimate.
        """
        with self._reading() as s:
            found = bounded(s, q, limit)
            if found is not None:
                ranked = found.ranked
                count, estimated, sampled = found.total, found.estimated, found.sampled
            else:
                results = run(s, q, limit)
                ranked = [(hit.docnum, float(hit.score or 0.0)) for hit in results]
                count, estimated, sampled = total(s, q, results), False, 0
            hits: list[tuple[dict[str, Any] | None, T | None, float]] = []
            if values is None:
                hits = [(s.stored_fields(docnum), None, score) for docnum, score in ranked]
            elif len(ranked) <= KEPT_PAGE_MOST and not values.loaded(_leaves(s)):
                # a process's first searches: the hits' own values, not every article's (~1 s at 100,000)
                for rank, (docnum, score) in enumerate(ranked):
                    stored = s.stored_fields(docnum)
                    keep = stored_for is None or rank < stored_for
                    hits.append((stored if keep else None, values.of_stored(stored), score))
            else:
                segments = values.for_segments(_leaves(s))
                offsets = [offset for offset, _, _ in segments]
                for rank, (docnum, score) in enumerate(ranked):
                    offset, got, _ = segments[bisect.bisect_right(offsets, docnum) - 1]
                    stored = s.stored_fields(docnum) if stored_for is None or rank < stored_for else None
                    hits.append((stored, got[docnum - offset], score))
            plan = match_plan(q, s)
            view = int(s.reader().generation() or 0)
        return Searched(hits=hits, total=count, plan=plan, view=view, estimated=estimated, sampled=sampled)

    @unreadable_on_error
    def sorted_search(
        self,
        q: Any,
        order: Callable[[T], Any],
        limit: int | None,
        stored_for: int | None,
        values: SegmentValues[T],
    ) -> Searched[T]:
        """:meth:`search` with the hits in the order of ``order(value)`` instead of relevance.

        The whole match set is ordered by the rank each document has in that
        order (:meth:`_ranks`, worked out once per commit), then cut at
        ``limit``; only the hits kept are scored, and stored fields are decoded
        for the first ``stored_for`` of them (``None``: all).
        """
        with self._reading() as s:
            docs = matching(s, q)
            value_of = _flat_values(values, s).__getitem__
            rank, _ = self._ordering(s, order, value_of)
            if limit is None or limit >= len(docs):
                page = sorted(docs, key=rank.__getitem__)
            else:
                page = heapq.nsmallest(limit, docs, key=rank.__getitem__)
            scores = scores_of(s, q, page)
            hits: list[tuple[dict[str, Any] | None, T | None, float]] = [
                (
                    s.stored_fields(d) if stored_for is None or n < stored_for else None,
                    value_of(d),
                    scores.get(d, 0.0),
                )
                for n, d in enumerate(page)
            ]
            plan = match_plan(q, s)
            view = int(s.reader().generation() or 0)
        return Searched(hits=hits, total=len(docs), plan=plan, view=view)

    def _ordering(
        self, s: Searcher, order: Callable[[T], Any], value_of: Callable[[int], T], kept: IndexValue[list[int]] | None = None
    ) -> tuple[array[int], list[int]]:
        """(each document's place in ``order``, the document numbers in that order), kept until the index changes.

        Worked out once per commit and order (sorting every article's value);
        a sorted search then sorts its matches by a number each. With ``kept``
        (see :meth:`_kept_order`), the document numbers are read back from disk
        for this state of the index, or kept there once worked out.
        """
        view = (int(s.reader().generation() or 0), s.doc_count_all())
        got = self._orders.get(order)
        if got is not None and got[0] == view:
            return got[1], got[2]
        count = s.doc_count_all()
        stamp = self._stamp_of(s) if kept is not None else ""

        def work_out() -> list[int]:
            return sorted(range(count), key=lambda d: order(value_of(d)))

        ranked = kept.get(stamp, work_out) if kept is not None and stamp else work_out()
        if len(ranked) != count or set(ranked) != set(range(count)):
            ranked = work_out()  # a kept order of another index than it says: worked out again
        rank = array("l", [0]) * count
        for place, docnum in enumerate(ranked):
            rank[docnum] = place
        self._orders[order] = (view, rank, ranked)
        return rank, ranked

    @unreadable_on_error
    def sorted_values(
        self, order: Callable[[T], Any], values: SegmentValues[T], name: str = "", limit: int | None = None
    ) -> list[T]:
        """``values``' value of every document, in the order of ``order(value)`` (see :meth:`sorted_search`).

        With a ``name`` for the order, the document numbers in that order are
        kept on disk for this state of the index (:meth:`stamp`), and a first
        page (``limit`` up to :data:`KEPT_PAGE_MOST`) of an index this process
        has not read yet decodes only that page's stored fields: a reader's
        first listing of 100,000 articles does not wait for every article's
        summary (~1.5 s).
        """
        with self._reading() as s:
            kept = self._kept_order(name, values) if name and values.folder is not None else None
            if kept is not None and limit is not None and limit <= KEPT_PAGE_MOST and not values.loaded(_leaves(s)):
                page = self._kept_page(s, kept, values, limit)
                if page is not None:
                    return page
            flat = _flat_values(values, s)
            _, ranked = self._ordering(s, order, flat.__getitem__, kept)
            reader = s.reader()
            if limit is not None:  # a page: the first live documents in order, not a list of every one cut short
                page: list[T] = []
                for d in ranked:
                    if len(page) >= limit:
                        break
                    if not reader.is_deleted(d):
                        page.append(flat[d])
                return page
            if reader.has_deletions():
                live = set(reader.all_doc_ids())
                return [flat[d] for d in ranked if d in live]
            return [flat[d] for d in ranked]

    @staticmethod
    def _kept_order(name: str, values: SegmentValues[T]) -> IndexValue[list[int]]:
        """Where the document numbers in order ``name`` are kept (beside ``values``' files)."""
        return IndexValue(values.folder, f"{values.tag}-order-{name}", _docnums)

    def _kept_page(self, s: Searcher, kept: IndexValue[list[int]], values: SegmentValues[T], limit: int) -> list[T] | None:
        """The first ``limit`` values in a kept order, decoded from only those documents' stored fields;
        ``None`` when no order is kept for this state of the index."""
        stamp = self._stamp_of(s)
        ranked = kept.get(stamp, lambda: None) if stamp else None
        count = s.doc_count_all()
        if ranked is None or len(ranked) != count:
            return None
        reader = s.reader()
        out: list[T] = []
        for d in ranked:
            if len(out) >= limit:
                break
            if not 0 <= d < count:
                return None  # not this index's numbers
            if reader.is_deleted(d):
                continue
            out.append(values.of_stored(s.stored_fields(d)))
        return out

    @unreadable_on_error
    def matching_values(self, q: Any | None, values: SegmentValues[T]) -> list[T]:
        """``values``' value of every document ``q`` matches (``None``: of every document), in index order."""
        if q is None:
            return self.per_document(values)
        with self._reading() as s:
            docs = sorted(matching(s, q))
            out: list[T] = []
            for offset, got, reader in values.for_segments(_leaves(s)):
                start = bisect.bisect_left(docs, offset)
                end = bisect.bisect_left(docs, offset + reader.doc_count_all())
                out.extend([got[d - offset] for d in docs[start:end]])
            return out

    def plan(self, q: Any) -> MatchPlan:
        """The match plan of a parsed query (for highlighting an article opened later)."""
        with self._reading() as s:
            return match_plan(q, s)

    def view(self) -> int:
        """The generation of the commit searches see now (caches of derived values are kept per view)."""
        with self._reading() as s:
            return int(s.reader().generation() or 0)

    # -- keyword fields ----------------------------------------------------------------------------
    @unreadable_on_error
    def keyword_docs(self, fieldname: str, terms: Iterable[str], values: SegmentValues[T]) -> dict[str, list[T]]:
        """For each term of a keyword field, the ``values`` of the documents that hold it (their summaries).

        A few documents of an index whose values this process has not read yet
        (the first article a reader opens) are decoded from their stored fields.
        """
        out: dict[str, list[T]] = {}
        with self._reading() as s:
            found = self._docnums(s, fieldname, terms)
            leaves = _leaves(s)
            if values.loaded(leaves) or sum(map(len, found.values())) > KEPT_PAGE_MOST:
                segments = values.for_segments(leaves)
                offsets = [offset for offset, _, _ in segments]

                def value_of(docnum: int) -> T:
                    offset, vals, _ = segments[bisect.bisect_right(offsets, docnum) - 1]
                    return vals[docnum - offset]

            else:

                def value_of(docnum: int) -> T:
                    return values.of_stored(s.stored_fields(docnum))

            for term, docnums in found.items():
                out[term] = [value_of(docnum) for docnum in docnums]
        return out

    @unreadable_on_error
    def keyword_docnums(self, fieldname: str, terms: Iterable[str]) -> dict[str, list[int]]:
        """For each term of a keyword field, the (live) documents that hold it, as document numbers."""
        with self._reading() as s:
            return self._docnums(s, fieldname, terms)

    @staticmethod
    def _docnums(s: Searcher, fieldname: str, terms: Iterable[str]) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        wanted = {t for t in set(terms) if t}
        # segment by segment: a multi-segment reader looks every term up in every segment
        for leaf, offset in _leaves(s):
            for term in wanted:
                try:
                    if (fieldname, term) not in leaf:
                        continue
                    ids = list(leaf.postings(fieldname, term).all_ids())
                except Exception:
                    continue
                out.setdefault(term, []).extend(i + offset for i in ids)
        return out

    @unreadable_on_error
    def keyword_counts(self, fieldname: str) -> list[tuple[str, int, int]]:
        """(term, total occurrences, documents) for every term of a keyword field, deleted documents left out.

        From the term statistics of each segment, without reading posting lists,
        except in segments holding deleted documents (replaced articles).
        """
        totals: dict[str, list[int]] = {}
        with self._reading() as s:
            for leaf, _ in _leaves(s):  # per segment: see keyword_docs
                exact = leaf.has_deletions()
                for btext, info in leaf.iter_field(fieldname):
                    term = btext.decode("utf-8") if isinstance(btext, bytes) else btext
                    got = totals.setdefault(term, [0, 0])
                    if exact:
                        m = leaf.postings(fieldname, term)
                        while m.is_active():
                            got[0] += int(m.weight())
                            got[1] += 1
                            m.next()
                    else:
                        got[0] += int(info.weight())
                        got[1] += int(info.doc_frequency())
        return [(term, w, d) for term, (w, d) in sorted(totals.items()) if d]


def _docnums(value: Any) -> list[int] | None:
    """A kept order, if it is a list of document numbers (``None`` — nothing kept — stays ``None``)."""
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(d, int) for d in value):
        raise ValueError("not a list of document numbers")
    return value


def _flat_values(values: SegmentValues[T], s: Searcher) -> list[T]:
    """``values``' value of every document a searcher sees, deleted ones included, by document number."""
    flat: list[T] = []
    for _, got, _ in values.for_segments(_leaves(s)):
        flat.extend(got)
    return flat


def _leaves(s: Searcher) -> list[tuple[Any, int]]:
    """(segment reader, docnum offset) for each segment a searcher sees."""
    return [(sub.reader(), offset) for sub, offset in s.leaf_searchers()]

