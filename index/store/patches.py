"""Everything Byline adjusts in Whoosh, in one place, each checked against the Whoosh it was written for.

* :func:`import_whoosh` imports Whoosh without what it never uses: ``whoosh.compat``
  imports ``urllib.request`` (and with it ``http.client``, ``email``, ``ssl``) for a
  download helper nothing calls, and ``whoosh.reading`` imports the
  ``cached_property`` package, which imports ``asyncio``. Both are stood in for
  while Whoosh is imported (the stand-ins are removed from ``sys.modules`` at
  once, so any later import gets the real modules): a third of the start-up of a
  ``byline search``.
* :func:`install` is called when an index is opened: Whoosh's ``BufferFile`` no
  longer copies every file of a segment into memory when a searcher opens, and
  a searcher brought up to date after segments were merged no longer keeps the
  merged-away segments too (whoosh-reloaded 2.7.5 adds the old reader's
  segments to the new list: every merged article was found twice), and an
  ``ANDNOT`` inside an ``AND`` no longer lets the excluded documents through
  (Whoosh's ``AndNotMatcher`` had no ``skip_to`` of its own).
* :data:`FAST_WRITER` says whether this Whoosh is the one :mod:`.writer`'s fast
  indexing path was written against; any other version indexes through Whoosh's
  own, slower code with the same result.
"""

from __future__ import annotations

import functools
import sys
import threading
import types
from typing import Any

WRITTEN_FOR = (2, 7, 5)
"""The Whoosh version whose internals the adjustments below rely on."""

_lock = threading.Lock()
_imported = False
_installed = False


def import_whoosh() -> None:
    """Import Whoosh's core modules without the standard-library modules it imports and never uses."""
    global _imported
    if _imported:
        return
    with _lock:
        if _imported:
            return
        stand_ins: dict[str, types.ModuleType] = {}
        if "urllib.request" not in sys.modules:
            request = types.ModuleType("urllib.request")

            def urlretrieve(*args: Any, **kwargs: Any) -> Any:  # pragma: no cover - Whoosh never calls it
                from urllib.request import urlretrieve as real

                return real(*args, **kwargs)

            request.urlretrieve = urlretrieve  # type: ignore[attr-defined]
            stand_ins["urllib.request"] = request
        if "cached_property" not in sys.modules:
            cached = types.ModuleType("cached_property")
            cached.cached_property = functools.cached_property  # type: ignore[attr-defined]
            stand_ins["cached_property"] = cached
        sys.modules.update(stand_ins)
        try:
            import whoosh.compat  # noqa: F401
            import whoosh.reading  # noqa: F401
        finally:
            for name, module in stand_ins.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
        _imported = True


def whoosh_version() -> tuple[int, ...]:
    """The version of the Whoosh in use."""
    import whoosh

    return tuple(whoosh.__version__)


FAST_WRITER = False
"""True when :mod:`.writer` may use its fast path (set by :func:`install`)."""


def install() -> None:
    """Apply the adjustments (once per process); called when an index is opened or written."""
    global _installed, FAST_WRITER
    if _installed:
        return
    with _lock:
        if _installed:
            return
        import_whoosh()
        same = whoosh_version()[:3] == WRITTEN_FOR
        if same:
            _lazy_buffer_files()
            _reuse_only_live_segments()
            _and_not_skips_right()
        FAST_WRITER = same and _writer_internals_present()
        _installed = True


def _writer_internals_present() -> bool:
    """Whether the private parts of Whoosh's writer that the fast path fills in are where it expects them."""
    try:
        from whoosh.codec import whoosh3
        from whoosh.writing import SegmentWriter

        pw = whoosh3.W3PostingsWriter
        return all(hasattr(pw, name) for name in ("_write_block", "_new_block", "start_postings", "finish_postings")) and all(
            hasattr(SegmentWriter, name) for name in ("_flush_segment", "add_reader", "write_per_doc")
        )
    except Exception:  # pragma: no cover - another Whoosh
        return False


class _ReuseOnly:
    """An old reader offered for reuse, whose segments are not to be added to the new reader's."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader

    def __bool__(self) -> bool:
        return True

    def segments(self) -> list[Any]:
        return []

    def leaf_readers(self) -> Any:
        return self._reader.leaf_readers()


def _reuse_only_live_segments() -> None:
    """Make ``FileIndex._reader`` reuse the old reader's open segments without resurrecting merged ones."""
    from whoosh.index import FileIndex

    if getattr(FileIndex, "_byline_reuse", False):
        return
    original = FileIndex.__dict__["_reader"].__func__

    def _reader(cls: Any, storage: Any, schema: Any, segments: Any, generation: Any, reuse: Any = None) -> Any:
        return original(cls, storage, schema, list(segments), generation, reuse=_ReuseOnly(reuse) if reuse else None)

    FileIndex._reader = classmethod(_reader)  # type: ignore[assignment]
    FileIndex._byline_reuse = True  # type: ignore[attr-defined]


def _and_not_skips_right() -> None:
    """Give ``AndNotMatcher`` a ``skip_to`` that skips the excluded documents, as its ``next`` does.

    The inherited one moved both sides to the target and stopped there, even on
    a document the excluded side holds, and the first document was checked only
    when both sides started on it: ``party ANDNOT the in`` listed articles
    holding "the" (while counting none).
    """
    from whoosh.matching import mcore
    from whoosh.matching.binary import AndNotMatcher

    if getattr(AndNotMatcher, "_byline_skip", False):
        return

    def skip_to(self: Any, id: int) -> Any:
        if not self.a.is_active():
            raise mcore.ReadTooFar
        moved = self.a.skip_to(id)
        if self.a.is_active() and self.b.is_active():
            self._find_next()
        return moved

    def _find_first(self: Any) -> None:
        # the excluded side may start before the first document: move it on, then compare
        if self.a.is_active() and self.b.is_active():
            self._find_next()

    AndNotMatcher.skip_to = skip_to  # type: ignore[method-assign]
    AndNotMatcher._find_first = _find_first  # type: ignore[method-assign]
    AndNotMatcher._byline_skip = True  # type: ignore[attr-defined]


class ViewStream:
    """A read-only file over a buffer (an mmap'd index file) that copies only what is read.

    ``BytesIO(buffer)`` copies the whole buffer: reading one posting list of a
    segment copied the segment's whole postings file into memory.
    """

    def __init__(self, buf: Any) -> None:
        self._view = memoryview(buf)
        self._pos = 0

    def read(self, n: int | None = -1) -> bytes:
        size = len(self._view)
        end = size if n is None or n < 0 else min(size, self._pos + n)
        out = self._view[self._pos : end].tobytes()
        self._pos = max(self._pos, end)
        return out

    def readline(self, limit: int = -1) -> bytes:
        size = len(self._view)
        end = size if limit < 0 else min(size, self._pos + limit)
        start = self._pos
        pos = start
        while pos < end:
            if self._view[pos] == 10:
                pos += 1
                break
            pos += 1
        self._pos = pos
        return self._view[start:pos].tobytes()

    def seek(self, offset: int, whence: int = 0) -> int:
        base = 0 if whence == 0 else self._pos if whence == 1 else len(self._view)
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        return None

    def close(self) -> None:
        self._view = memoryview(b"")

    def write(self, data: bytes) -> int:
        raise OSError("index files are read-only here")

    def truncate(self, size: int | None = None) -> int:
        raise OSError("index files are read-only here")


def _lazy_buffer_files() -> None:
    """Stop Whoosh from copying every file of a segment into memory when a searcher opens.

    A segment is one compound file, mapped into memory; Whoosh opens each file
    inside it as a ``BufferFile`` that copies its bytes into a ``BytesIO``
    straight away, though most are only ever read by offset (``get``). Opening a
    searcher thus copied the whole index (~0.1 s per 2,000 articles, every time
    a search saw a new commit). The copy is now made only for the files read
    as streams, and only the bytes read.
    """
    from io import BytesIO

    from whoosh.filedb import structfile

    cls = structfile.BufferFile
    if getattr(cls, "_byline_lazy", False):
        return
    try:
        probe = cls(b"ab")
        if not (isinstance(probe.file, BytesIO) and probe.get(0, 1) == b"a"):
            return
    except Exception:  # pragma: no cover - another Whoosh
        return

    def __init__(self: Any, buf: Any, name: Any = None, onclose: Any = None) -> None:
        self._buf = buf
        self._name = name
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    def _get_file(self: Any) -> ViewStream:
        f = self.__dict__.get("_stream")
        if f is None:
            f = self.__dict__["_stream"] = ViewStream(self._buf)
        return f

    def _set_file(self: Any, value: Any) -> None:
        self.__dict__["_stream"] = value

    def close(self: Any) -> None:
        if self.is_closed:
            raise Exception("This file is already closed")
        if self.onclose:
            self.onclose(self)
        stream = self.__dict__.get("_stream")
        if stream is not None:
            stream.close()
        self.is_closed = True

    cls.__init__ = __init__  # type: ignore[method-assign]
    cls.file = property(_get_file, _set_file)  # type: ignore[attr-defined]
    cls.close = close  # type: ignore[method-assign]
    cls._byline_lazy = True  # type: ignore[attr-defined]
