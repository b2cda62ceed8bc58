"""What an indexing pass does: what changed since the manifest (:func:`diff`), then item by item.

A text file or a web page is one :class:`Work` item, read where it is indexed
(in this process, or in a worker process of a parallel pass). A dump (JSON
Lines, CSV) is read here, record by record (:func:`work_items`): each record
becomes an item carrying its article, or saying that it holds none (a
malformed record) or that the index already holds it as it is (its digest is
the one the manifest keeps), and a last item marks the dump's end. Items come
out in order, so the bookkeeping of a dump (:class:`DumpBook`) sees its records
in order however the work was spread over processes.

What each item did is kept by :mod:`.ledger`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from .models import Article, SkippedFile, article_key
from .sources import CorpusScan, DumpOptions, FileStat, UnreadableFile, iter_dump, os_error_reason
from .sources.dumps import estimate_records
from .sources.walk import is_dump_name
from .state import DumpEntry, IndexState


@dataclass(frozen=True)
class Work:
    """One item of an indexing pass: a file to read, or one record of a dump, or a dump's end."""

    stat: FileStat
    """The file (for a record or a dump's end: the dump)."""
    record: int | None = None
    """The record's number, from 1 (``None`` for a file or a dump's end)."""
    article: Article | None = None
    """A record's article, read here (to be indexed)."""
    offset: int | None = None
    """Where the record starts in the dump (bytes)."""
    digest: str = ""
    """The record's digest (:class:`~.sources.dumps.DumpItem`)."""
    reason: str | None = None
    """Why a record holds no article, or (at a dump's end) why the dump could not be read on."""
    unchanged: bool = False
    """A record the index holds as it is: nothing to do."""
    end: int | None = None
    """At a dump's end: how many records it has (as far as it could be read)."""

    @property
    def to_index(self) -> bool:
        """Whether the item makes a document: a file, or a record with its article."""
        return self.article is not None or (self.record is None and self.end is None)

    @property
    def key(self) -> str:
        """The document key the item is about (``PATH#N`` for a record)."""
        return article_key(self.stat.path, self.record)


def known_records(entry: DumpEntry | None, options: DumpOptions) -> dict[int, str | None] | None:
    """The digests of the records the index holds of a dump, when they were read with ``options``."""
    if entry is None or entry.options != options.as_dict():
        return None
    return {n: digest for n, digest in enumerate(entry.records, 1) if digest}


def work_items(stats: Iterable[FileStat], state: IndexState, options: DumpOptions) -> Iterator[Work]:
    """The items of a pass over ``stats``, in order: a file each, and for a dump its records then its end."""
    for stat in stats:
        if not is_dump_name(stat.path):
            yield Work(stat)
            continue
        known = known_records(state.dumps.get(stat.path), options)
        root = stat.root or os.path.dirname(stat.path)
        count = 0
        reason: str | None = None
        try:
            for item in iter_dump(stat.path, options, known=known):
                count = item.record
                if item.unchanged:
                    yield Work(stat, record=count, offset=item.offset, digest=item.digest, unchanged=True)
                elif item.article is not None:
                    article = replace(item.article, root=root, folder=stat.folder)
                    yield Work(stat, record=count, article=article, offset=item.offset, digest=item.digest)
                else:
                    why = item.skipped.reason if item.skipped is not None else "no article"
                    yield Work(stat, record=count, reason=why)
        except UnreadableFile as exc:
            reason = exc.reason
        except OSError as exc:
            reason = os_error_reason(exc)
        yield Work(stat, end=count, reason=reason)


def work_estimate(stats: Iterable[FileStat]) -> tuple[int, dict[str, int]]:
    """How many items a pass over ``stats`` will index, about: a file each, a record each (counted fast).

    Returns the total and the estimate per dump (the pass corrects its progress
    total when a dump's real count is known).
    """
    total = 0
    per_dump: dict[str, int] = {}
    for stat in stats:
        if is_dump_name(stat.path):
            per_dump[stat.path] = estimate_records(stat.path)
            total += per_dump[stat.path]
        else:
            total += 1
    return total, per_dump


@dataclass
class Diff:
    """What a stat walk found against the manifest."""

    new: list[FileStat]
    changed: list[FileStat]
    deleted: list[str]
    unchanged: int
    skipped: list[SkippedFile]
    deleted_dumps: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.deleted or self.deleted_dumps)


def diff(scan: CorpusScan, state: IndexState, options: DumpOptions | None = None) -> Diff:
    """Compare a stat walk with the manifest (dumps read with other ``options`` count as changed)."""
    new: list[FileStat] = []
    changed: list[FileStat] = []
    skipped: list[SkippedFile] = []
    deleted_dumps: list[str] = []
    unchanged = 0
    in_skips = 0
    files = state.files
    skips = state.skipped
    wanted = (options or DumpOptions()).as_dict()
    for stat in scan.dumps:
        entry = state.dumps.get(stat.path)
        if entry is not None:
            if (entry.size, entry.mtime_ns) == (stat.size, stat.mtime_ns) and entry.complete and entry.options == wanted:
                unchanged += entry.documents()
                skipped.extend(SkippedFile(f"{stat.path}#{n}", reason) for n, reason in sorted(entry.skipped.items()))
            else:
                changed.append(stat)
            continue
        skip = skips.get(stat.path)
        if skip is not None and skip[0] == stat.size and skip[1] == stat.mtime_ns:
            skipped.append(SkippedFile(stat.path, skip[2]))
            continue
        new.append(stat)
    if state.dumps:
        seen_dumps = {stat.path for stat in scan.dumps}
        deleted_dumps = sorted(k for k in state.dumps if k not in seen_dumps)
    dump_skips = sum(1 for stat in scan.dumps if stat.path in skips)
    seen_files = 0
    for stat in scan.files:
        known = files.get(stat.path)
        if known is not None:
            seen_files += 1
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
    if seen_files == len(files) and in_skips + dump_skips == len(skips):
        deleted: list[str] = []  # every file of the manifest was seen again
    else:
        seen = {stat.path for stat in scan.files} | {stat.path for stat in scan.dumps}
        deleted = sorted(k for k in set(files) | set(skips) if k not in seen)
    return Diff(
        new=new, changed=changed, deleted=deleted, unchanged=unchanged, skipped=skipped, deleted_dumps=deleted_dumps
    )
