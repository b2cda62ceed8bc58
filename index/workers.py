"""Indexing in worker processes: big passes split in chunks, each a finished segment, with progress per article.

A pass of :data:`~.indexing.PARALLEL_MIN` articles or more hands chunks of
files and dump records to worker processes (*spawned*, never forked, so it is
safe from a thread of a program running other threads); each worker turns a
chunk into a Whoosh segment in a staging folder and says, every
:data:`~.indexing.PROGRESS_SECONDS`, how many of its articles it has read. This
process reads the dumps, deletes old versions, adds the segments and commits
batch by batch, as the pass in :mod:`.indexing` does.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from . import indexing
from . import store as st
from .ledger import Ledger
from .models import IndexReport
from .sources import DumpOptions, UnreadableFile
from .state import IndexState
from .worklist import Diff, Work, work_items

if TYPE_CHECKING:
    from .library import Library


def chunk_sizes(count: int, procs: int = 2) -> list[int]:
    """Task sizes for ``count`` articles: growing, then shrinking at the end so no worker idles long."""
    sizes: list[int] = []
    planned = 0
    while planned < count:
        left = count - planned
        size = max(indexing.CHUNK_DOCS[0], min(indexing.CHUNK_DOCS[1], planned // 2))
        if left <= procs * size:  # the last round: one even share per worker
            share = max(-(-left // procs), indexing.CHUNK_DOCS[0])
            while left > 0:
                sizes.append(min(share, left))
                left -= sizes[-1]
            break
        sizes.append(size)
        planned += size
    return sizes


Outcome = tuple[str | None, str | None]
"""What indexing one item came to: (why it could not be read, or ``None``; the suffix its article votes for)."""


_reports: Any = None
"""In a worker process: the queue its progress goes to (set by :func:`start_worker`), and how often."""
_report_seconds = 0.2


def start_worker(parent: int, reports: Any = None, seconds: float = 0.2) -> None:
    """In a worker process, first: end with ``parent`` (:func:`~.store.watch_parent`); report to ``reports``."""
    global _reports, _report_seconds
    _reports, _report_seconds = reports, seconds
    st.watch_parent(parent)


def index_chunk(
    staging: str, works: list[Work], known: frozenset[str] = frozenset(), task: int = 0
) -> tuple[st.StagedSegment | None, list[Outcome]]:
    """In a worker process: load ``works`` (files, dump records) and write them as one segment in ``staging``,
    one article in memory at a time.

    Every :data:`~.indexing.PROGRESS_SECONDS` at most, ``(task, items read so far, the
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
                doc = indexing.record_document(work) if work.article is not None else indexing.load_document(work.stat, known)
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


CHUNK_ITEMS = 20_000
"""Most items of a chunk, counting the records it passes over (unchanged, malformed): bounds what waits in memory."""


def _chunks(works: Iterator[Work], sizes: list[int]) -> Iterator[list[Work]]:
    """Group work items in chunks of ``sizes`` items to index each; items with nothing to index ride along.

    ``sizes`` comes from an estimate: when more items come, the last size is used again.
    """
    plan = iter(sizes)
    size = next(plan, indexing.CHUNK_DOCS[0])
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


def apply_parallel(
    library: Library,
    found: Diff,
    state: IndexState,
    writer: st.BatchWriter,
    report: IndexReport,
    progress: indexing.ProgressCallback | None,
    stop: indexing.StopCheck,
    options: DumpOptions,
    estimate: int,
    per_dump: dict[str, int],
) -> st.BatchWriter:
    """:func:`~.indexing` ``_apply`` with the reading, quote extraction and Whoosh analysis in worker processes.

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
    procs = indexing.index_procs()
    known = library._known_outlets
    total = estimate + len(found.deleted) + len(found.deleted_dumps)
    run = Ledger(
        library, state, report, progress, total=total, merge=False, options=options, estimates=per_dump, batch=indexing.batch_limits()
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
            initargs=(os.getpid(), reports, indexing.PROGRESS_SECONDS),
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
                    indexing.index_here(library, writer, run, work, known)
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
        return indexing.end_pass(run, writer, report, stop)
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
