"""Values derived from the index, computed once and kept in memory and on disk: per document and segment, or per commit.

Segments never change once written (deletions aside), so whatever is derived
from a document's stored fields (the article summaries of the list, the paths)
is computed once per segment: after a commit only the new segments' documents
are decoded, and a process opening an unchanged index reads the values back in
a fraction of a second. On disk they are JSON (``<index>/../summaries/``,
readable by this user only): reading them can never run code, whoever wrote them.

Values that are themselves text (``lines=True``: the quotation lines of
:mod:`~byline.index.quotejson`, JSON pieces ready to print) are kept one per line
of a text file instead, read back with one ``split``: a JSON file would escape
them a second time and decode every one of them again.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TextIO, TypeVar

T = TypeVar("T")

FORMAT = 1
"""The layout of a summaries file; files of another layout are computed again."""


class SegmentValues(Generic[T]):
    """Per-segment values of one kind (``tag``): ``decode(compute(stored fields))`` for every document."""

    def __init__(
        self,
        folder: Path | None,
        tag: str,
        compute: Callable[[dict[str, Any]], Any],
        decode: Callable[[Any], T],
        lines: bool = False,
        keep: bool = True,
    ) -> None:
        self.folder = folder
        """Where the JSON files go (``None``: memory only)."""
        self.tag = tag
        """Names the format of ``compute``'s output: change it when that changes."""
        self.compute = compute
        self.decode = decode
        self.lines = lines
        """Whether ``compute`` gives one line of text (no line break) per document, kept as a text file."""
        self.keep = keep
        """Whether values stay in memory between calls (off for big values read once per command)."""
        self._memory: dict[str, list[T]] = {}

    @property
    def _suffix(self) -> str:
        return ".lines" if self.lines else ".json"

    def _path(self, segid: str) -> Path | None:
        return self.folder / f"{self.tag}-{segid}{self._suffix}" if self.folder is not None else None

    def for_segments(self, leaves: list[tuple[Any, int]]) -> list[tuple[int, list[T], Any]]:
        """(docnum offset, values, reader) for each (segment reader, offset) of a searcher."""
        out: list[tuple[int, list[T], Any]] = []
        live: set[str] = set()
        wrote = False
        for reader, offset in leaves:
            try:
                segid = str(reader.segment().segment_id())
            except Exception:
                segid = ""
            count = reader.doc_count_all()
            values = self._memory.get(segid) if segid else None
            if values is None and segid:
                values = self._load(segid, count)
            if values is None:
                raw = [self.compute(reader.stored_fields(d)) for d in range(count)]
                values = [self.decode(v) for v in raw]
                if segid:
                    wrote = self._save(segid, raw) or wrote
            if segid:
                if self.keep:
                    self._memory[segid] = values
                live.add(segid)
            out.append((offset, values, reader))
        for segid in [k for k in self._memory if k not in live]:
            del self._memory[segid]
        if wrote:
            self._forget_others(live)
        return out

    def of_stored(self, stored: dict[str, Any]) -> T:
        """The value of one document from its stored fields (for a few documents before every value is read)."""
        return self.decode(self.compute(stored))

    def loaded(self, leaves: list[tuple[Any, int]]) -> bool:
        """Whether the values of every segment of a searcher (see :meth:`for_segments`) are in memory."""
        try:
            return all(str(reader.segment().segment_id()) in self._memory for reader, _ in leaves)
        except Exception:
            return False

    def _load(self, segid: str, count: int) -> list[T] | None:
        path = self._path(segid)
        if path is None:
            return None
        try:
            if self.lines:
                return self._load_lines(path, count)
            with open(path, encoding="utf-8") as fh:
                got = json.load(fh)
            raw = got["values"]
            if got.get("format") != FORMAT or got.get("tag") != self.tag or len(raw) != count:
                return None
            return [self.decode(v) for v in raw]
        except Exception:  # missing, unreadable or not ours: computed again
            return None

    def _load_lines(self, path: Path, count: int) -> list[T] | None:
        """A text file: a JSON header line, then one line per document."""
        with open(path, encoding="utf-8", newline="\n") as fh:
            got = fh.read().split("\n")
        head = json.loads(got[0])
        if head.get("format") != FORMAT or head.get("tag") != self.tag or head.get("count") != count:
            return None
        if len(got) != count + 2 or got[-1]:  # the header, the lines, and "" after the last line break
            return None
        del got[0], got[-1]
        return [self.decode(v) for v in got]

    def _save(self, segid: str, raw: list[Any]) -> bool:
        path = self._path(segid)
        if path is None:
            return False
        if self.lines:
            if any("\n" in line for line in raw):
                return False  # not one line each: computed again next time
            head = json.dumps({"format": FORMAT, "tag": self.tag, "count": len(raw)})

            def fill(fh: TextIO) -> None:
                fh.write(head + "\n")
                fh.writelines(line + "\n" for line in raw)

            return write_private(path, fill)
        return write_private_json(path, {"format": FORMAT, "tag": self.tag, "values": raw})

    def discard(self) -> None:
        """Forget every value and delete their files (found wrong when used): they are computed again when next asked."""
        self._memory.clear()
        self._forget_others(set())

    def _forget_others(self, live: set[str]) -> None:
        """Delete the files of segments merged away (of this tag)."""
        if self.folder is None:
            return
        try:
            for f in self.folder.glob(f"{self.tag}-*{self._suffix}"):
                if f.name[len(self.tag) + 1 : -len(self._suffix)] not in live:
                    f.unlink()
        except OSError:
            pass


class IndexValue(Generic[T]):
    """One value derived from the whole committed index, computed once per commit, kept on disk as JSON.

    What a corpus-wide merge works out (the speaker names merged across
    articles) is asked for on the first article a reader opens; a process
    opening an index whose state it saw before reads it back instead. The file
    holds the stamp of the index state it was computed on (:meth:`Store.stamp`:
    the commit and its segments): any other state computes it again.
    """

    def __init__(self, folder: Path | None, tag: str, decode: Callable[[Any], T]) -> None:
        self.folder = folder
        """Where the JSON file goes (``None``: never kept)."""
        self.tag = tag
        """Names the format of the value: change it when that changes."""
        self.decode = decode
        self._memory: tuple[str, T] | None = None

    def _path(self) -> Path | None:
        return self.folder / f"{self.tag}.json" if self.folder is not None else None

    def get(self, stamp: str, compute: Callable[[], Any]) -> T:
        """The value for the index state ``stamp``: read back, or ``compute()``d and kept (unless ``None``)."""
        memory = self._memory
        if memory is not None and stamp and memory[0] == stamp:
            return memory[1]
        path = self._path()
        if path is not None and stamp:
            try:
                with open(path, encoding="utf-8") as fh:
                    got = json.load(fh)
                if got.get("format") == FORMAT and got.get("tag") == self.tag and got.get("stamp") == stamp:
                    value = self.decode(got["value"])
                    self._memory = (stamp, value)
                    return value
            except Exception:  # missing, unreadable, not ours or of another state: computed again
                pass
        raw = compute()
        if raw is not None and path is not None and stamp:
            write_private_json(path, {"format": FORMAT, "tag": self.tag, "stamp": stamp, "value": raw})
        value = self.decode(raw)
        if raw is not None and stamp:
            self._memory = (stamp, value)
        return value


def write_private_json(path: Path, data: Any) -> bool:
    """Write ``data`` as JSON to ``path`` (readable by this user only), whole or not at all."""
    return write_private(path, lambda fh: json.dump(data, fh, separators=(",", ":")))


def write_private(path: Path, fill: Callable[[TextIO], None]) -> bool:
    """Write a text file readable by this user only, whole or not at all (``fill`` writes its content)."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fill(fh)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return True
    except (OSError, ValueError, TypeError):
        return False
