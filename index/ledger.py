"""The bookkeeping of an indexing pass: what each committed batch makes true in the manifest and the report.

The manifest (:mod:`.state`) and the report change only when a batch is
committed, so an interrupted pass leaves them agreeing with the index.
:class:`Ledger` keeps the files and the outlet votes of a pass; :class:`DumpBook`
the entries of the dumps it is in, record by record (see :mod:`.worklist`).

The manifest's entry for a dump (:class:`~.state.DumpEntry`) lists every
``PATH#N`` document the index holds, batch by batch: while a pass is in a dump
the entry is marked incomplete, and records not reached yet keep their old
digests, so an interrupted pass leaves an entry that says exactly what the
index holds, and the next pass goes on, passing over what it already did.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from . import store as st
from .models import IndexProgress, IndexReport, SkippedFile, article_key
from .sources import DumpOptions, FileStat, is_lasting
from .state import DumpEntry, IndexState
from .worklist import Work

if TYPE_CHECKING:
    from .library import Library

ProgressCallback = Callable[[IndexProgress], None]


class Ledger:
    """The bookkeeping of one indexing pass: what the next commit makes true, batch by batch."""

    def __init__(
        self,
        library: Library,
        state: IndexState,
        report: IndexReport,
        progress: ProgressCallback | None,
        total: int,
        merge: bool = True,
        options: DumpOptions | None = None,
        estimates: dict[str, int] | None = None,
        batch: tuple[int, float] = (400, 5.0),
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
        self.suffixes: dict[str, str | None] = {}
        """Article key → the headline suffix it votes for now (``None``: none), for the manifest."""
        self.dumps = DumpBook(state, options or DumpOptions())
        self.estimates = estimates or {}
        """The number of records each dump was estimated to hold (the progress total counts them)."""
        self.counts = {"added": 0, "updated": 0, "removed": 0}
        self.batch = batch
        """Commit after this many documents, or this many seconds."""
        self.batch_docs = 0
        self.batch_started = time.monotonic()
        self.ahead = 0
        """Items worker processes have read but this process has not taken in yet (parallel passes)."""
        self.shown = 0
        """The most the progress has said is done: it never goes back."""

    def _say(self, phase: Literal["index", "commit"], path: str | None = None) -> None:
        """Tell the progress callback how far the pass is: ``done`` never goes back, nor past ``total``."""
        if self.progress:
            self.shown = min(max(self.shown, self.done + self.ahead), self.total)
            self.progress(IndexProgress(done=self.shown, total=self.total, path=path, phase=phase))

    def announce(self, path: str) -> None:
        """Say which file (or dump record, ``PATH#N``) is next."""
        self._say("index", path)

    def reading(self, ahead: int, path: str | None) -> None:
        """Worker processes have read ``ahead`` items not taken in yet, the last of them ``path``."""
        self.ahead = ahead
        self._say("index", path)

    def delete(self, writer: st.BatchWriter, key: str) -> None:
        """Drop a file that is gone."""
        writer.delete(key)
        if key in self.state.files:
            self.counts["removed"] += 1
        self.files[key] = None
        self.skips[key] = None
        self.suffixes[key] = None
        self.done += 1

    def delete_dump(self, writer: st.BatchWriter, path: str) -> None:
        """Drop a dump that is gone: every record of it the index holds."""
        self.dumps.delete(writer, path)
        self.done += 1

    def indexed(self, work: Work, vote: str | None = None) -> None:
        """``work``'s document is in the batch (``vote``: the headline suffix it votes for)."""
        if work.record is not None:
            self.dumps.indexed(work)
            self._step()
            return
        stat = work.stat
        self.files[stat.path] = (stat.size, stat.mtime_ns)
        self.skips[stat.path] = None
        self.suffixes[stat.path] = vote
        self.counts["added" if stat.path not in self.state.files else "updated"] += 1
        self._step()

    def unreadable(self, writer: st.BatchWriter, work: Work, reason: str) -> None:
        """``work`` could not be read: name it, and drop an older version from the index.

        Skips caused by the file's contents are remembered until it changes;
        those caused by the file system (permissions) are tried again next time.
        """
        if work.record is not None:
            self.report.skipped.append(self.dumps.no_article(writer, replace(work, reason=reason)))
            self.done += 1
            return
        stat = work.stat
        self.report.skipped.append(SkippedFile(stat.path, reason))
        self.skips[stat.path] = (stat.size, stat.mtime_ns, reason) if is_lasting(reason) else None
        if stat.path in self.state.files:
            writer.delete(stat.path)
            self.files[stat.path] = None
            self.suffixes[stat.path] = None
            self.counts["removed"] += 1
        self._step()

    def passed(self, writer: st.BatchWriter, work: Work) -> None:
        """An item with nothing to index: a record unchanged or holding no article, or a dump's end."""
        if work.end is not None:
            skip = self.dumps.end(writer, work)
            if skip is not None:
                self.report.skipped.append(skip)
            self.total += work.end - self.estimates.pop(work.stat.path, work.end)
            return
        if work.unchanged:
            self.dumps.unchanged(work)
            self.report.unchanged += 1
        else:
            self.report.skipped.append(self.dumps.no_article(writer, work))
        self.done += 1

    def _step(self) -> None:
        self.done += 1
        self.batch_docs += 1

    def due(self) -> bool:
        """Whether the batch is big or old enough to commit."""
        return self.batch_docs >= self.batch[0] or time.monotonic() - self.batch_started > self.batch[1]

    def commit(self, writer: st.BatchWriter) -> st.BatchWriter:
        """Commit the batch, then make the manifest and the report say so; returns a new writer."""
        self._say("commit")
        generation = writer.generation
        writer.commit(merge=self.merge)
        for key, value in self.files.items():
            if value is None:
                self.state.files.pop(key, None)
            else:
                self.state.files[key] = value
        self.skips.update(self.dumps.skipped)
        self.dumps.skipped.clear()
        for key, skip in self.skips.items():
            if skip is None:
                self.state.skipped.pop(key, None)
            else:
                self.state.skipped[key] = skip
        for key, suffix in self.suffixes.items():
            if suffix is None:
                self.state.suffixes.pop(key, None)
            else:
                self.state.suffixes[key] = suffix
        counts = self.dumps.committed()
        self.state.corpus = self.library.paths
        self.state.generation = generation
        self.state.save(self.library.directory)
        self.library._manifest_saved(self.state)
        self.counts["added"] += counts.added
        self.counts["updated"] += counts.updated
        self.counts["removed"] += counts.removed
        for name in ("added", "updated", "removed"):
            setattr(self.report, name, getattr(self.report, name) + self.counts[name])
        self.files.clear()
        self.skips.clear()
        self.suffixes.clear()
        self.counts = {"added": 0, "updated": 0, "removed": 0}
        self.batch_docs = 0
        self.batch_started = time.monotonic()
        return self.library._store.writer(timeout=30.0)

    def finished(self) -> None:
        """The last batch is committed."""
        self.ahead = 0
        self._say("commit")


@dataclass
class Counts:
    """What a dump's items did to the index, to be added to the pass's report when committed."""

    added: int = 0
    updated: int = 0
    removed: int = 0


class DumpBook:
    """The manifest entries of the dumps a pass is in, record by record, and the documents to delete.

    Every method takes the writer of the batch under way: documents of records
    that are gone are deleted in the same batch that makes the entry say so.
    """

    def __init__(self, state: IndexState, options: DumpOptions) -> None:
        self.state = state
        self.options = options.as_dict()
        self.entries: dict[str, DumpEntry | None] = {}
        """Dump path → its entry as the next commit makes it (``None``: the dump is gone from the index)."""
        self.ended: set[str] = set()
        self.counts = Counts()
        self.skipped: dict[str, tuple[int, int, str] | None] = {}
        """Whole dumps that could not be read (for the manifest's ``skipped``), as :class:`Ledger` keeps files."""

    def _entry(self, stat: FileStat) -> DumpEntry:
        """The working entry of the dump ``stat`` (made from the manifest's when first met in this pass)."""
        got = self.entries.get(stat.path)
        if got is not None:
            return got
        old = self.state.dumps.get(stat.path)
        records = list(old.records) if old is not None else []
        if old is not None and old.options != self.options:
            records = [None if d is None else "" for d in records]  # held, but read with other options
        entry = DumpEntry(stat.size, stat.mtime_ns, dict(self.options), records, {}, complete=False)
        self.entries[stat.path] = entry
        return entry

    @staticmethod
    def _held(entry: DumpEntry, record: int) -> bool:
        return record <= len(entry.records) and entry.records[record - 1] is not None

    @staticmethod
    def _set(entry: DumpEntry, record: int, digest: str | None) -> None:
        while len(entry.records) < record:
            entry.records.append(None)
        entry.records[record - 1] = digest

    def indexed(self, work: Work) -> None:
        """The record's document is in the batch."""
        assert work.record is not None
        entry = self._entry(work.stat)
        if self._held(entry, work.record):
            self.counts.updated += 1
        else:
            self.counts.added += 1
        self._set(entry, work.record, work.digest or "")
        entry.skipped.pop(work.record, None)

    def unchanged(self, work: Work) -> None:
        """The index holds the record as it is."""
        assert work.record is not None
        self._set(self._entry(work.stat), work.record, work.digest)

    def no_article(self, writer: st.BatchWriter, work: Work) -> SkippedFile:
        """The record holds no article: drop the one the index holds, if any; returns its ``skipped`` line."""
        assert work.record is not None and work.reason is not None
        entry = self._entry(work.stat)
        if self._held(entry, work.record):
            writer.delete(work.key)
            self.counts.removed += 1
        self._set(entry, work.record, None)
        entry.skipped[work.record] = work.reason
        return SkippedFile(work.key, work.reason)

    def end(self, writer: st.BatchWriter, work: Work) -> SkippedFile | None:
        """The dump's end: records beyond it are gone; or the dump could not be read (returns its ``skipped`` line)."""
        assert work.end is not None
        entry = self._entry(work.stat)
        path = work.stat.path
        if work.reason is None and work.end == 0:
            work = replace(work, reason="no records")  # an empty dump, or a CSV header alone
        if work.reason is not None and work.end == 0:
            # not a dump that can be read at all: as a file that cannot be read
            self._drop(writer, path, entry)
            lasting = is_lasting(work.reason)
            self.skipped[path] = (work.stat.size, work.stat.mtime_ns, work.reason) if lasting else None
            return SkippedFile(path, work.reason)
        if work.reason is not None:
            return SkippedFile(path, work.reason)  # read in part: the entry stays incomplete, the next pass goes on
        for n in range(work.end + 1, len(entry.records) + 1):
            if entry.records[n - 1] is not None:
                writer.delete(article_key(path, n))
                self.counts.removed += 1
        del entry.records[work.end :]
        entry.complete = True
        self.skipped[path] = None
        self.ended.add(path)
        return None

    def delete(self, writer: st.BatchWriter, path: str) -> None:
        """The dump is gone: delete every document the index holds of it."""
        entry = self.entries.get(path) or self.state.dumps.get(path)
        if entry is not None:
            self._drop(writer, path, entry)
        self.skipped[path] = None

    def _drop(self, writer: st.BatchWriter, path: str, entry: DumpEntry) -> None:
        for n, digest in enumerate(entry.records, 1):
            if digest is not None:
                writer.delete(article_key(path, n))
                self.counts.removed += 1
        self.entries[path] = None
        self.ended.add(path)

    def committed(self) -> Counts:
        """The batch is committed: put the entries in the manifest; returns the counts of the batch."""
        for path, entry in self.entries.items():
            if entry is None:
                self.state.dumps.pop(path, None)
            else:
                self.state.dumps[path] = entry.copy()
        for path in self.ended:
            self.entries.pop(path, None)
        self.ended.clear()
        counts, self.counts = self.counts, Counts()
        return counts
