"""Indexing passes: bring the index up to date with the files, batch by batch, with progress and cancelling.

A pass compares a stat walk of the corpus with the manifest (nothing is read
for unchanged files), then writes what is new or changed and deletes what is
gone, committing every :data:`BATCH_DOCS` articles or :data:`BATCH_SECONDS`:
an interrupted pass keeps every committed batch, and the manifest always says
what the index holds. The records of a changed dump are read in this process
(:mod:`.worklist`); those whose digest did not change are passed over. Big
passes (:data:`PARALLEL_MIN` articles or more) run in worker processes, each
turning a chunk of files and records into a finished segment (:mod:`.workers`). After a pass,
the articles whose headline suffix started or stopped recurring across the
corpus are read again (:mod:`.outlets`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

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


def batch_limits() -> tuple[int, float]:
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
        from .workers import apply_parallel

        return apply_parallel(library, found, state, writer, report, progress, stop, options, estimate, per_dump)
    total = estimate + len(found.deleted) + len(found.deleted_dumps)
    run = Ledger(library, state, report, progress, total=total, options=options, estimates=per_dump, batch=batch_limits())
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
            index_here(library, writer, run, work, known)
        else:
            run.passed(writer, work)
        if run.due():
            writer = run.commit(writer)
    return end_pass(run, writer, report, stop)


def end_pass(run: Ledger, writer: st.BatchWriter, report: IndexReport, stop: StopCheck) -> st.BatchWriter:
    """The end of an indexing pass: the last batch committed, unless the pass was cancelled (said in ``report``)."""
    if stop():
        report.cancelled = True
        return writer
    writer = run.commit(writer)
    run.finished()
    return writer


def index_here(library: Library, writer: st.BatchWriter, run: Ledger, work: Work, known: frozenset[str]) -> None:
    """Index one file or dump record in this process, into the batch of ``writer``."""
    from .outlets import vote_of

    try:
        doc = library.load_document(work.stat) if work.article is None else record_document(work)
    except UnreadableFile as exc:
        run.unreadable(writer, work, exc.reason)
    else:
        writer.put(doc)
        run.indexed(work, vote_of(doc, known))


def collect_quietly() -> None:
    """Collect garbage with ResourceWarnings silenced: a failed Whoosh writer leaves open files behind."""
    import gc
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
