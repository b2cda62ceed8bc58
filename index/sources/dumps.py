"""Dumps (JSON Lines ``.jsonl``/``.ndjson``, CSV ``.csv``, TSV ``.tsv``): one article per record.

News APIs, scrapers and archives export collections this way. Each record is an
:class:`~byline.index.models.Article` of its own: its key is ``PATH#N``, ``path``
stays the dump and ``record`` is N, the record's number from 1 (in a JSON Lines
file the N-th non-blank line, in a CSV file the N-th row under the header,
however many lines its quoted fields span). The article text is the record's
text field (line endings made ``\\n``), and every offset indexes into it.

Fields are found by their usual names or by the names the user gives (see
:mod:`.records`). A malformed record (bad JSON, not an object, no text field,
empty text, a CSV row with the wrong number of columns, a record over
:data:`~.fileio.MAX_FILE_SIZE`) is skipped with its reason and the rest is read.

Reading streams: one line at a time, so a dump of any size takes the memory of
its longest record; :func:`iter_dump` reports progress per record, and gives
each record's byte offset so that :func:`read_record` can go straight back to it,
and a digest of its text so that reading a changed dump again can pass over the
records that did not change (``known``) without making their articles again.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from ..models import Article, SkippedFile
from . import legacy
from .fileio import MAX_FILE_SIZE, UnreadableFile, open_regular, os_error_reason
from .records import USUAL_FIELDS, DumpOptions, record_article, record_key

__all__ = [
    "USUAL_FIELDS",
    "DumpItem",
    "DumpOptions",
    "DumpProgress",
    "estimate_records",
    "is_csv",
    "iter_dump",
    "read_record",
    "record_key",
]

_BINARY_PROBE = 8192
_COUNT_BLOCK = 1 << 20
_BAD_JSON_RE = re.compile(r":\s*line \d+ column (\d+) \(char \d+\)$")


@dataclass(frozen=True)
class DumpProgress:
    """How far reading a dump has come: after each record."""

    records: int
    """Records read so far (articles and skipped ones)."""
    bytes_done: int
    bytes_total: int


@dataclass(frozen=True)
class DumpItem:
    """One record of a dump: its article, or why it was skipped."""

    record: int
    """The record's number, from 1."""
    offset: int
    """Byte offset in the file where the record starts (for :func:`read_record`)."""
    article: Article | None = None
    skipped: SkippedFile | None = None
    """``PATH#N`` and the reason, when the record is no article."""
    digest: str = ""
    """A digest of the record's text (of the header and the row for CSV); ``""`` for a record that could not be parsed."""
    unchanged: bool = False
    """True when the digest is the one ``known`` gave for this record: its article was not made again."""


def is_csv(path: str) -> bool:
    """True for a CSV or TSV dump (by suffix), False for JSON Lines."""
    return os.path.splitext(path)[1].lower() in (".csv", ".tsv")


def _digest(text: str) -> str:
    """A short digest of a record's text: equal digests, equal records."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def estimate_records(path: str) -> int:
    """About how many records the dump at ``path`` holds (its lines, without a CSV header), read fast; 0 if unreadable.

    For progress only: blank lines count, and a CSV record whose quoted fields
    span lines counts once per line.
    """
    lines = 0
    last = b"\n"
    try:
        with open(path, "rb") as fh:
            while block := fh.read(_COUNT_BLOCK):
                lines += block.count(b"\n")
                last = block[-1:]
    except (OSError, ValueError):
        return 0
    if last != b"\n":
        lines += 1
    return max(0, lines - 1) if is_csv(path) else lines


# --------------------------------------------------------------------------- lines


@dataclass
class _Lines:
    """The lines of a binary file, decoded one by one, with the byte offset of each."""

    handle: BinaryIO
    offset: int = 0
    """Byte offset of the next line."""
    starts: list[int] = field(default_factory=list)
    """Offsets of the lines handed out (CSV keeps them to know where a record began)."""
    too_long: bool = False

    def __iter__(self) -> Iterator[str]:
        """Yield each line (with its line end) as text: UTF-8, or cp1252 for a line that is not."""
        first = True
        while True:
            raw = self.handle.readline(MAX_FILE_SIZE + 1)
            if not raw:
                return
            start = self.offset
            self.offset += len(raw)
            if len(raw) > MAX_FILE_SIZE and not raw.endswith(b"\n"):
                self.too_long = True
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = self.handle.readline(MAX_FILE_SIZE)
                    self.offset += len(raw)
                raw = b"\n"
            if first and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            first = False
            self.starts.append(start)
            yield _decode_line(raw)


def _decode_line(raw: bytes) -> str:
    """A line of a dump as text: UTF-8, else a Western code page (a cp1252 export from a spreadsheet)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if legacy.looks_double_byte(raw):
            return raw.decode("utf-8", "replace")
        return legacy.western(raw)[0]


def _open(path: str) -> tuple[BinaryIO, int]:
    """Open a dump for streaming: ``(binary handle, size)``; refuses binary and UTF-16 files."""
    try:
        fd = open_regular(path)
        handle = open(fd, "rb", closefd=True)  # noqa: SIM115 - closed by the caller
    except UnreadableFile as exc:
        raise UnreadableFile(exc.reason, path) from None
    except OSError as exc:
        raise UnreadableFile(os_error_reason(exc), path) from exc
    except ValueError as exc:
        raise UnreadableFile("invalid file name", path) from exc
    size = os.fstat(handle.fileno()).st_size
    probe = handle.peek(_BINARY_PROBE)[:_BINARY_PROBE] if hasattr(handle, "peek") else b""
    if probe.startswith((b"\xff\xfe", b"\xfe\xff")):
        handle.close()
        raise UnreadableFile("UTF-16 dump (save it as UTF-8)", path)
    if b"\x00" in probe:
        handle.close()
        raise UnreadableFile("binary file", path)
    return handle, size


# --------------------------------------------------------------------------- reading


_Parse = Callable[[], Any]
"""Parses a record when called: its object (a dict for an article), or the reason it holds none (a string)."""


def _reason(reason: str) -> _Parse:
    return lambda: reason


def _parse_json(line: str) -> Any:
    """A JSON Lines record: the parsed object, or why it is bad JSON."""
    try:
        return json.loads(line)
    except ValueError as exc:
        m = _BAD_JSON_RE.search(str(exc))
        where = f" at column {m.group(1)}" if m else ""
        return f"bad JSON{where}"
    except RecursionError:
        return "bad JSON (nested too deep)"


def _json_records(lines: _Lines) -> Iterator[tuple[int, str, _Parse]]:
    """``(offset, digest, parse)`` for each non-blank line of a JSON Lines file (parsed only when asked)."""
    for line in lines:
        offset = lines.starts[-1]
        if lines.too_long:
            lines.too_long = False
            yield offset, "", _reason("too large")
            continue
        if not line.strip():
            continue
        text = line.rstrip()
        yield offset, _digest(text), functools.partial(_parse_json, text)


def _delimiter(path: str, header: str, options: DumpOptions) -> str:
    """The CSV column separator: the user's, tab for ``.tsv``, else the most frequent of ``, ; | tab`` in the header."""
    if options.delimiter:
        return options.delimiter
    if path.lower().endswith(".tsv"):
        return "\t"
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _csv_records(path: str, lines: _Lines, options: DumpOptions) -> Iterator[tuple[int, str, _Parse]]:
    """``(offset, digest, parse)`` for each row under the header of a CSV file (``parse`` gives the row as a dict)."""
    source = iter(lines)
    header_line = next(source, None)
    if header_line is None:
        return
    delimiter = _delimiter(path, header_line, options)
    limit = csv.field_size_limit()
    if limit < MAX_FILE_SIZE:
        csv.field_size_limit(MAX_FILE_SIZE)
    try:
        header = next(csv.reader([header_line], delimiter=delimiter), [])
    except csv.Error:
        header = []
    header = [h.strip() for h in header]
    if not any(header):
        raise UnreadableFile("no header row", path)
    head = "\x1f".join(header) + "\x1e"
    reader = csv.reader(source, delimiter=delimiter, strict=False)
    while True:
        first_line = len(lines.starts)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield lines.starts[min(first_line, len(lines.starts) - 1)], "", _reason(f"malformed CSV ({exc})")
            continue
        offset = lines.starts[first_line] if first_line < len(lines.starts) else lines.offset
        if lines.too_long:
            lines.too_long = False
            yield offset, "", _reason("too large")
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line
        if len(row) != len(header):
            yield offset, "", _reason(f"{len(row)} columns, the header has {len(header)}")
            continue
        fields = dict(zip(header, row))
        yield offset, _digest(head + "\x1f".join(row)), lambda fields=fields: fields


def iter_dump(
    path: str,
    options: DumpOptions | None = None,
    progress: Callable[[DumpProgress], None] | None = None,
    known: Mapping[int, str | None] | None = None,
) -> Iterator[DumpItem]:
    """Read the dump at the resolved ``path`` record by record, streaming.

    Yields one :class:`DumpItem` per record (an article, or the record skipped
    with its reason); ``progress`` is called after each. ``known`` maps record
    numbers to the digests they had when last read: a record whose digest is
    the same comes back ``unchanged``, without its article (nothing of it is
    parsed beyond what finds where it ends). Raises
    :class:`~.fileio.UnreadableFile` only for the whole file (it cannot be
    opened, is binary or UTF-16, or a CSV file has no header row).
    """
    options = options or DumpOptions()
    handle, size = _open(path)
    with handle:
        lines = _Lines(handle)
        records = _csv_records(path, lines, options) if is_csv(path) else _json_records(lines)
        number = 0
        for offset, digest, parse in records:
            number += 1
            if digest and known is not None and known.get(number) == digest:
                item = DumpItem(number, offset, digest=digest, unchanged=True)
            else:
                item = _item(path, number, offset, digest, parse(), options)
            yield item
            if progress is not None:
                progress(DumpProgress(records=number, bytes_done=lines.offset, bytes_total=size))


def _item(path: str, number: int, offset: int, digest: str, parsed: Any, options: DumpOptions) -> DumpItem:
    """The :class:`DumpItem` of a parsed record: its article, or why it holds none."""
    if isinstance(parsed, str):
        return DumpItem(number, offset, skipped=SkippedFile(record_key(path, number), parsed))
    if not isinstance(parsed, dict):
        return DumpItem(number, offset, skipped=SkippedFile(record_key(path, number), "not a JSON object"))
    made = record_article(path, number, parsed, options)
    if isinstance(made, str):
        return DumpItem(number, offset, skipped=SkippedFile(record_key(path, number), made), digest=digest)
    return DumpItem(number, offset, article=made, digest=digest)


def read_record(path: str, record: int, options: DumpOptions | None = None, offset: int | None = None) -> Article:
    """The article of record ``record`` of the dump at ``path`` (raises :class:`~.fileio.UnreadableFile`).

    Without ``offset`` the dump is read from the start up to the record; with the
    byte offset :func:`iter_dump` gave, reading starts there (a CSV file's header
    is read first). The reason of a skipped record comes back as the error's.
    """
    options = options or DumpOptions()
    if offset is None or offset <= 0:
        for item in iter_dump(path, options):
            if item.record == record:
                return _item_article(path, item)
        raise UnreadableFile("no such record", record_key(path, record))
    handle, _ = _open(path)
    with handle:
        lines = _Lines(handle)
        prefix = ""
        if is_csv(path):
            prefix = handle.readline(MAX_FILE_SIZE + 1).decode("utf-8", "replace").lstrip("\ufeff")
        handle.seek(offset)
        lines.offset = offset
        if prefix:
            parsed_rows = _csv_records(path, _Prefixed(prefix, lines), options)
        else:
            parsed_rows = _json_records(lines)
        for _, digest, parse in parsed_rows:
            return _item_article(path, _item(path, record, offset, digest, parse(), options))
    raise UnreadableFile("no such record", record_key(path, record))


class _Prefixed(_Lines):
    """:class:`_Lines` with one line (a CSV header) handed out before the file's own lines."""

    def __init__(self, first: str, lines: _Lines) -> None:
        """Hand out ``first``, then the lines of ``lines``."""
        super().__init__(lines.handle, lines.offset)
        self._first = first

    def __iter__(self) -> Iterator[str]:
        """The header line, then the file's lines."""
        self.starts.append(-1)
        yield self._first
        yield from super().__iter__()


def _item_article(path: str, item: DumpItem) -> Article:
    """The article of a dump item, or its skip reason raised."""
    if item.article is not None:
        return item.article
    reason = item.skipped.reason if item.skipped else "no such record"
    raise UnreadableFile(reason, record_key(path, item.record))
