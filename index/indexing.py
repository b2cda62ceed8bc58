"""Indexing passes: bring the index up to date with the files, batch by batch, with progress and cancelling.

A pass compares a stat walk of the corpus with the manifest (nothing is read
for unchanged files), then writes what is new or changed and deletes what is
gone, committing every :data:`BATCH_DOCS` articles or :data:`BATCH_SECONDS`:
an interrupted pass keeps every committed batch, and the manifest always says
what the index holds. Big passes (:data:`PARALLEL_MIN` files or more) run in
worker processes, each turning a chunk of files into a finished segment.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import store as st
from .corpus import CorpusScan, FileStat, load_article
from .errors import IndexBusy, LibraryError
from .models import IndexProgress, IndexReport, SkippedFile
from .opening import os_reason
from .reading import UnreadableFile, is_lasting
from .state import IndexState

if TYPE_CHECKING:
    from .library import Library

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

BUSY = "another Byline process is updating this index; searching what it has committed so far"


def chunk_sizes(count: int, procs: int = 2) -> list[int]:
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


def load_document(stat: FileStat) -> st.IndexDocument:
    """Read, analyse and extract the quotes of one file (raises UnreadableFile)."""
    from .documents import to_index_document
    from .quotes import extract_quotes

    article = load_article(stat)
    quotes = extract_quotes(article.text, article.meta.body_start)
    return to_index_document(article, quotes)


def index_chunk(staging: str, stats: list[FileStat]) -> tuple[st.StagedSegment | None, list[tuple[FileStat, str | None]]]:
    """In a worker process: load ``stats`` and write them as one segment in ``staging``, one article in memory at a time."""
    results: list[tuple[FileStat, str | None]] = []

    def documents() -> Iterator[st.IndexDocument]:
        for stat in stats:
            try:
                doc = load_document(stat)
            except UnreadableFile as exc:
                results.append((stat, exc.reason))
                continue
            results.append((stat, None))
            yield doc

    return st.build_segment(staging, documents()), results


@dataclass
class Diff:
    """What a stat walk found against the manifest."""

    new: list[FileStat]
    changed: list[FileStat]
    deleted: list[str]
    unchanged: int
    skipped: list[SkippedFile]

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.deleted)


def diff(scan: CorpusScan, state: IndexState) -> Diff:
    """Compare a stat walk with the manifest."""
    new: list[FileStat] = []
    changed: list[FileStat] = []
    skipped: list[SkippedFile] = []
    unchanged = 0
    in_skips = 0
    files = state.files
    skips = state.skipped
    for stat in scan.files:
        known = files.get(stat.path)
        if known is not None:
            if known[0] == stat.size and known[1] == stat.mtime_ns:
                unchanged += 1
            else:
                changed.append(stat)
            continue
        skip = skips.get(stat.path)
        if skip is not None:
            in_skips += 1
            if skip[0] == stat.size and skip[1] == stat.mtime_ns:
                skipped.append(SkippedFile(stat.path, skip[2]))
                continue
        new.append(stat)
    if unchanged + len(changed) == len(files) and in_skips == len(skips):
        deleted: list[str] = []  # every file of the manifest was seen again
    else:
        seen = {stat.path for stat in scan.files}
        deleted = sorted(k for k in set(files) | set(skips) if k not in seen)
    return Diff(new=new, changed=changed, deleted=deleted, unchanged=unchanged, skipped=skipped)


def update(library: Library, progress: ProgressCallback | None, should_stop: StopCheck | None, wait: float) -> IndexReport:
    """The body of :meth:`~.library.Library.update`."""
    report = IndexReport()
    stop = should_stop or (lambda: False)
    scan = library.scan(should_stop=stop)
    report.ignored = scan.ignored
    report.skipped.extend(scan.errors)
    report.skipped.extend(SkippedFile(p, "no such file or directory") for p in scan.missing)
    if stop():
        report.cancelled = True
        return report
    store = library._store
    state = library._manifest(reload=True) or IndexState(schema=st.SCHEMA_VERSION, corpus=library.paths)
    found = diff(scan, state)
    if found.empty:
        report.unchanged = found.unchanged
        report.skipped.extend(found.skipped)
        return report
    try:
        writer = store.writer(timeout=wait)
    except st.IndexLocked as exc:
        raise IndexBusy(BUSY) from exc
    except st.IndexWriteFailed as exc:
        collect_quietly()
        store.clean_leftovers()
        raise LibraryError(
            f"could not write the index in {library.directory} ({exc}); "
            f"it keeps its last commit, {len(library)} articles searchable"
        ) from None
    failure: str | None = None
    try:
        store.refresh()
        state = IndexState.load(library.directory) or state
        found = diff(scan, state)
        report.unchanged = found.unchanged
        report.skipped.extend(found.skipped)
        report.rebuilt = not state.files and not state.skipped
        writer = _apply(library, found, state, writer, report, progress, stop)
    except st.IndexLocked:
        failure = "busy"  # another process took the lock between two batches
    except st.IndexWriteFailed as exc:
        failure = str(exc)
    except OSError as exc:  # the manifest could not be saved
        failure = os_reason(exc)
    finally:
        writer.cancel()
        store.cancel_writers()
        store.refresh()
        library._index_changed()
    if failure == "busy":
        raise IndexBusy(BUSY)
    if failure is not None:
        collect_quietly()
        store.clean_leftovers()
        raise LibraryError(
            f"could not write the index in {library.directory} ({failure}); "
            f"it keeps its last commit, {len(library)} articles searchable"
        )
    return report


def _apply(
    library: Library,
    found: Diff,
    state: IndexState,
    writer: st.BatchWriter,
    report: IndexReport,
    progress: ProgressCallback | None,
    stop: StopCheck,
) -> st.BatchWriter:
    """Write the diff in committed batches; returns the writer still open (to be cancelled)."""
    parallel = len(found.new) + len(found.changed) >= PARALLEL_MIN and index_procs() > 1
    if parallel and not library._store.in_memory:  # workers build segments in files: not for RAM
        return _apply_parallel(library, found, state, writer, report, progress, stop)
    run = _Pass(library, state, report, progress, total=len(found.new) + len(found.changed) + len(found.deleted))
    for key in found.deleted:
        run.delete(writer, key)
    for stat in found.new + found.changed:
        if stop():
            report.cancelled = True
            return writer
        run.announce(stat.path)
        try:
            doc = library.load_document(stat)
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
    library: Library,
    found: Diff,
    state: IndexState,
    writer: st.BatchWriter,
    report: IndexReport,
    progress: ProgressCallback | None,
    stop: StopCheck,
) -> st.BatchWriter:
    """:func:`_apply` with the reading, quote extraction and Whoosh analysis in worker processes.

    Each worker turns a chunk of files into a finished Whoosh segment in a
    staging folder; this process only deletes old versions, adds the
    segments and commits, batch by batch as :func:`_apply` does. Workers are
    *spawned*, not forked, so this is safe from a thread of a program
    running other threads (the app). If the workers cannot be started or
    die, the remaining files are indexed here, one by one.
    """
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    may_exist = library._store.doc_count() > 0
    stats = found.new + found.changed
    procs = index_procs()
    chunks: list[list[FileStat]] = []
    start = 0
    for size in chunk_sizes(len(stats), procs):
        chunks.append(stats[start : start + size])
        start += size
    run = _Pass(library, state, report, progress, total=len(stats) + len(found.deleted), merge=False)
    for key in found.deleted:
        run.delete(writer, key)

    st.remove_stale_staging(library.directory)
    staging = st.make_staging(library.directory)
    pool: ProcessPoolExecutor | None
    try:
        pool = ProcessPoolExecutor(
            max_workers=procs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=st.watch_parent,  # workers die with this process, even after kill -9
            initargs=(os.getpid(),),
        )
    except Exception:
        pool = None
    futures: deque[Future[Any]] = deque()
    submitted = 0

    def feed() -> None:
        nonlocal submitted
        while pool is not None and submitted < len(chunks) and len(futures) < 2 * procs:
            futures.append(pool.submit(index_chunk, str(staging), chunks[submitted]))
            submitted += 1

    try:
        for n, chunk in enumerate(chunks):
            if stop():
                report.cancelled = True
                return writer
            outcome: tuple[st.StagedSegment | None, list[tuple[FileStat, str | None]]] | None = None
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
                        writer.put(library.load_document(stat))
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


def collect_quietly() -> None:
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

    def delete(self, writer: st.BatchWriter, key: str) -> None:
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

    def unreadable(self, writer: st.BatchWriter, stat: FileStat, reason: str) -> None:
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

    def commit(self, writer: st.BatchWriter) -> st.BatchWriter:
        """Commit the batch, then make the manifest and the report say so; returns a new writer."""
        if self.progress:
            self.progress(IndexProgress(done=self.done, total=self.total, phase="commit"))
        generation = writer.generation
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
        self.state.generation = generation
        self.state.save(self.library.directory)
        self.library._manifest_saved(self.state)
        for name in ("added", "updated", "removed"):
            setattr(self.report, name, getattr(self.report, name) + self.counts[name])
        self.files.clear()
        self.skips.clear()
        self.counts = {"added": 0, "updated": 0, "removed": 0}
        self.batch_docs = 0
        self.batch_started = time.monotonic()
        return self.library._store.writer(timeout=30.0)

    def finished(self) -> None:
        """The last batch is committed."""
        if self.progress:
            self.progress(IndexProgress(done=self.done, total=self.total, phase="commit"))
