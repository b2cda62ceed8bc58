"""Indexing passes: bring the index up to date with the files, batch by batch, with progress and cancelling.

A pass compares a stat walk of the corpus with the manifest (nothing is read
for unchanged files), then writes what is new or changed and deletes what is
gone, committing every :data:`BATCH_DOCS` articles or :data:`BATCH_SECONDS`:
an interrupted pass keeps every committed batch, and the manifest always says
what the index holds. The records of a changed dump are read in this process
(:mod:`.worklist`); those whose digest did not change are passed over. Big
passes (:data:`PARALLEL_MIN` articles or more) run in worker processes, each
turning a chunk of files and records into a finished segment. After a pass,
the articles whose headline suffix started or stopped recurring across the
corpus are read again (:mod:`.outlets`).
"""

from __future__ import annotations

import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from . import store as st
from .errors import IndexBusy, LibraryError
from .ledger import Ledger
from .models import IndexProgress, IndexReport, SkippedFile
from .opening import os_reason
from .sources import CorpusScan, DumpOptions, FileStat, UnreadableFile
from .state import IndexState
from .worklist import Diff, Work, diff, work_estimate, work_items

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

PROGRESS_SECONDS = 0.2
"""How often a worker process says how many articles of its task it has read (the bar moves per article)."""

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


def _batch() -> tuple[int, float]:
    """When a pass commits: :data:`BATCH_DOCS` and :data:`BATCH_SECONDS` as they are set now."""
    return BATCH_DOCS, BATCH_SECONDS


def index_procs() -> int:
    """Worker processes for indexing: the cores (at most 4); ``BYLINE_PROCS`` overrides it."""
    try:
        return max(1, int(os.environ["BYLINE_PROCS"]))
    except (KeyError, ValueError):
        return max(1, min(4, os.cpu_count() or 1))


def load_document(stat: FileStat, known: frozenset[str] = frozenset()) -> st.IndexDocument:
    """Read, analyse and extract the quotes of one file (raises UnreadableFile); ``known``: recurring outlets."""
    from .documents import to_index_document
    from .quotes import extract_quotes
    from .sources import load_article  # the readers of every format: imported when there is something to read

    article = load_article(stat, known_outlets=known)
    quotes = extract_quotes(article.text, article.meta.body_start)
    return to_index_document(article, quotes)


def record_document(work: Work) -> st.IndexDocument:
    """Analyse and extract the quotes of a dump record read by :func:`~.worklist.work_items`."""
    from .documents import to_index_document
    from .quotes import extract_quotes

    article = work.article
    assert article is not None
    quotes = extract_quotes(article.text, article.meta.body_start)
    return to_index_document(article, quotes, offset=work.offset)


Outcome = tuple[str | None, str | None]
"""What indexing one item came to: (why it could not be read, or ``None``; the suffix its article votes for)."""


_reports: Any = None
"""In a worker process: the queue its progress goes to (set by :func:`start_worker`), and how often."""
_report_seconds = PROGRESS_SECONDS


def start_worker(parent: int, reports: Any = None, seconds: float = PROGRESS_SECONDS) -> None:
    """In a worker process, first: end with ``parent`` (:func:`~.store.watch_parent`); report to ``reports``."""
    global _reports, _report_seconds
    _reports, _report_seconds = reports, seconds
    st.watch_parent(parent)


def index_chunk(
    staging: str, works: list[Work], known: frozenset[str] = frozenset(), task: int = 0
) -> tuple[st.StagedSegment | None, list[Outcome]]:
    """In a worker process: load ``works`` (files, dump records) and write them as one segment in ``staging``,
    one article in memory at a time.

    Every :data:`PROGRESS_SECONDS` at most, ``(task, items read so far, the
    last one's key)`` goes to the queue given to :func:`start_worker`, if any.
    """
    from .outlets import vote_of

    results: list[Outcome] = []
    reports = _reports
    last = time.monotonic()

    def documents() -> Iterator[st.IndexDocument]:
        nonlocal last
        for work in works:
            doc: st.IndexDocument | None = None
            try:
                doc = record_document(work) if work.article is not None else load_document(work.stat, known)
            except UnreadableFile as exc:
                results.append((exc.reason, None))
            else:
                results.append((None, vote_of(doc, known)))
            if reports is not None and time.monotonic() - last >= _report_seconds:
                last = time.monotonic()
                try:
                    reports.put_nowait((task, len(results), work.key))
                except Exception:  # progress is a nicety: never fail a task for it
                    pass
            if doc is not None:
                yield doc

    return st.build_segment(staging, documents()), results


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
    options = library.dump_options()
    state = library._manifest(reload=True) or IndexState(schema=st.SCHEMA_VERSION, corpus=library.paths)
    found = diff(scan, state, options)
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
        found = diff(scan, state, options)
        report.unchanged = found.unchanged
        report.skipped.extend(found.skipped)
        report.rebuilt = not state.files and not state.skipped and not state.dumps
        library._known_outlets = frozenset(state.outlets)
        writer = _apply(library, found, state, writer, report, progress, stop, options)
        if not report.cancelled:
            writer = _read_again(library, scan, state, writer, report, progress, stop, options)
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


def compact(library: Library, wait: float) -> int:
    """The body of :meth:`~.library.Library.compact`: merge every segment into one; returns how many there were.

    A parallel build leaves a dozen or two segments, each with the vocabulary
    of its own articles: one segment takes about half the disk (PolNeAR x9,
    7,560 articles: 122 MB -> 65 MB) for about a third more CPU than the build.
    """
    store = library._store
    segments = store.segment_count()
    if segments <= 1:
        return segments
    failure: str | None = None
    try:
        store.optimize(timeout=wait)
    except st.IndexLocked as exc:
        raise IndexBusy(BUSY) from exc
    except st.IndexWriteFailed as exc:
        failure = str(exc)
    finally:
        store.cancel_writers()
        store.refresh()
        library._index_changed()
    if failure is not None:
        collect_quietly()
        store.clean_leftovers()
        raise LibraryError(
            f"could not compact the index in {library.directory} ({failure}); "
            f"it keeps its last commit, {len(library)} articles searchable"
        )
    return segments


def _read_again(
    library: Library,
    scan: CorpusScan,
    state: IndexState,
    writer: st.BatchWriter,
    report: IndexReport,
    progress: ProgressCallback | None,
    stop: StopCheck,
    options: DumpOptions,
) -> st.BatchWriter:
    """Index again the articles whose headline suffix started or stopped recurring (see :mod:`.outlets`).

    They are rewritten, not counted as updated; the manifest then keeps the
    recurring suffixes the index's articles were made with.
    """
    from .outlets import known_outlets, read_again

    before = frozenset(state.outlets)
    after = known_outlets(state)
    if after == before:
        return writer
    keys = read_again(state, before, after)
    library._known_outlets = after
    if keys:
        again = Diff(new=[], changed=[stat for stat in scan.files if stat.path in keys], deleted=[], unchanged=0, skipped=[])
        quiet = IndexReport()
        writer = _apply(library, again, state, writer, quiet, progress, stop, options)
        report.skipped.extend(quiet.skipped)
        if quiet.cancelled:
            report.cancelled = True
            return writer
    state.outlets = sorted(after)
    state.save(library.directory)
    library._manifest_saved(state)
    return writer


def _apply(
    library: Library,
    found: Diff,
    state: IndexState,
    writer: st.BatchWriter,
    report: IndexReport,
    progress: ProgressCallback | None,
    stop: StopCheck,
    options: DumpOptions | None = None,
) -> st.BatchWriter:
    """Write the diff in committed batches; returns the writer still open (to be cancelled)."""
    options = options or DumpOptions()
    stats = found.new + found.changed
    estimate, per_dump = work_estimate(stats)
    parallel = estimate >= PARALLEL_MIN and index_procs() > 1
    if parallel and not library._store.in_memory:  # workers build segments in files: not for RAM
        return _apply_parallel(library, found, state, writer, report, progress, stop, options, estimate, per_dump)
    total = estimate + len(found.deleted) + len(found.deleted_dumps)
    run = Ledger(library, state, report, progress, total=total, options=options, estimates=per_dump, batch=_batch())
    for key in found.deleted:
        run.delete(writer, key)
    for path in found.deleted_dumps:
        run.delete_dump(writer, path)
    known = library._known_outlets
    for work in work_items(stats, state, options):
        if stop():
            report.cancelled = True
            return writer
        if work.to_index:
            run.announce(work.key)
            _index_here(library, writer, run, work, known)
        else:
            run.passed(writer, work)
        if run.due():
            writer = run.commit(writer)
    if stop():
        report.cancelled = True
        return writer
    writer = run.commit(writer)
    run.finished()
    return writer


def _index_here(library: Library, writer: st.BatchWriter, run: Ledger, work: Work, known: frozenset[str]) -> None:
    """Index one file or dump record in this process, into the batch of ``writer``."""
    from .outlets import vote_of

    try:
        doc = library.load_document(work.stat) if work.article is None else record_document(work)
    except UnreadableFile as exc:
        run.unreadable(writer, work, exc.reason)
    else:
        writer.put(doc)
        run.indexed(work, vote_of(doc, known))


CHUNK_ITEMS = 20_000
"""Most items of a chunk, counting the records it passes over (unchanged, malformed): bounds what waits in memory."""


def _chunks(works: Iterator[Work], sizes: list[int]) -> Iterator[list[Work]]:
    """Group work items in chunks of ``sizes`` items to index each; items with nothing to index ride along.

    ``sizes`` comes from an estimate: when more items come, the last size is used again.
    """
    plan = iter(sizes)
    size = next(plan, CHUNK_DOCS[0])
    chunk: list[Work] = []
    count = 0
    for work in works:
        chunk.append(work)
        count += work.to_index
        if count >= size or len(chunk) >= CHUNK_ITEMS:
            yield chunk
            chunk, count = [], 0
            size = next(plan, size)
    if chunk:
        yield chunk


def _apply_parallel(
    library: Library,
    found: Diff,
    state: IndexState,
    writer: st.BatchWriter,
    report: IndexReport,
    progress: ProgressCallback | None,
    stop: StopCheck,
    options: DumpOptions,
    estimate: int,
    per_dump: dict[str, int],
) -> st.BatchWriter:
    """:func:`_apply` with the reading, quote extraction and Whoosh analysis in worker processes.

    Each worker turns a chunk of files and dump records into a finished Whoosh
    segment in a staging folder; this process reads the dumps, deletes old
    versions, adds the segments and commits, batch by batch as :func:`_apply`
    does. Workers are *spawned*, not forked, so this is safe from a thread of a
    program running other threads (the app). If the workers cannot be started
    or die, the remaining items are indexed here, one by one.
    """
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    may_exist = library._store.doc_count() > 0
    stats = found.new + found.changed
    procs = index_procs()
    known = library._known_outlets
    total = estimate + len(found.deleted) + len(found.deleted_dumps)
    run = Ledger(
        library, state, report, progress, total=total, merge=False, options=options, estimates=per_dump, batch=_batch()
    )
    for key in found.deleted:
        run.delete(writer, key)
    for path in found.deleted_dumps:
        run.delete_dump(writer, path)
    chunks = _chunks(work_items(stats, state, options), chunk_sizes(estimate, procs))

    st.remove_stale_staging(library.directory)
    staging = st.make_staging(library.directory)
    pool: ProcessPoolExecutor | None
    context = multiprocessing.get_context("spawn")
    try:
        reports: Any = context.Queue()  # workers say how far each task is (see index_chunk)
    except Exception:
        reports = None
    try:
        pool = ProcessPoolExecutor(
            max_workers=procs,
            mp_context=context,
            initializer=start_worker,  # workers die with this process, even after kill -9
            initargs=(os.getpid(), reports, PROGRESS_SECONDS),
        )
    except Exception:
        pool = None
    queue: deque[tuple[list[Work], Future[Any] | None, int]] = deque()
    reading: dict[int, int] = {}
    """Task → how many of its items the worker has read, for the tasks not taken in yet."""
    tasks = iter(range(1, 1 << 62))
    listening = reports is not None and pool is not None

    def feed() -> None:
        nonlocal pool
        while len(queue) < (2 * procs if pool is not None else 1):
            chunk = next(chunks, None)
            if chunk is None:
                return
            future = None
            task = next(tasks)
            todo = [w for w in chunk if w.to_index]
            if pool is not None and todo:
                try:
                    future = pool.submit(index_chunk, str(staging), todo, known, task)
                    reading[task] = 0
                except Exception:  # the pool broke: go on here
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = None
            queue.append((chunk, future, task))

    def wait(future: Future[Any]) -> bool:
        """Wait for ``future``, passing on what the workers read meanwhile; ``False``: the pass is to stop."""
        from concurrent.futures import wait as wait_for

        nonlocal listening
        while not future.done():
            if listening:
                listening = _take_reports(reports, reading, run)
            else:
                wait_for([future], timeout=0.1)
            if stop():
                return False
        if listening:  # what came meanwhile, before the task's outcome is taken in
            listening = _take_reports(reports, reading, run, wait=False)
        return True

    try:
        while True:
            if stop():
                report.cancelled = True
                return writer
            feed()
            if not queue:
                break
            chunk, future, task = queue.popleft()
            outcome: tuple[st.StagedSegment | None, list[Outcome]] | None = None
            if future is not None and not wait(future):
                report.cancelled = True
                return writer
            reading.pop(task, None)
            run.ahead = sum(reading.values())
            if future is not None:
                try:
                    outcome = future.result()
                except Exception:  # a worker died or could not start: go on here
                    if pool is not None:
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = None
            staged = outcome[0] if outcome is not None else None
            outcomes = iter(outcome[1]) if outcome is not None else None
            for work in chunk:
                if not work.to_index:
                    run.passed(writer, work)
                    continue
                run.announce(work.key)
                if outcomes is None:
                    _index_here(library, writer, run, work, known)
                    continue
                reason, vote = next(outcomes)
                if reason is not None:
                    run.unreadable(writer, work, reason)
                else:
                    if staged is not None and may_exist:
                        writer.delete(work.key)
                    run.indexed(work, vote)
            if staged is not None:
                writer.add_segment(staged)
            if run.due():
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
        if reports is not None:
            reports.close()
            reports.cancel_join_thread()
        shutil.rmtree(staging, ignore_errors=True)


def _take_reports(reports: Any, reading: dict[int, int], run: Ledger, wait: bool = True) -> bool:
    """Wait up to 0.1 s (``wait``) for workers' reports, then pass on all that came: the bar moves per article read.

    Returns ``False`` if the queue broke (the bar then moves per task, as it can).
    """
    import queue

    try:
        message = reports.get(timeout=0.1) if wait else reports.get_nowait()
        while True:
            task, count, key = message
            if task in reading:  # a task already taken in says nothing new
                reading[task] = count
                run.reading(sum(reading.values()), key)
            message = reports.get_nowait()
    except queue.Empty:
        pass
    except (OSError, EOFError, ValueError):  # the queue broke
        return False
    return True


def collect_quietly() -> None:
    """Collect garbage with ResourceWarnings silenced: a failed Whoosh writer leaves open files behind."""
    import gc
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
