"""Writing the index: batches that commit or cancel as one, and a faster way for Whoosh to write a segment.

Whoosh's own ``SegmentWriter`` spends most of an indexing run on bookkeeping
per posting: a chain of generators per word, a sorting pool that pickles every
posting to temporary files and reads them back once it holds 64 MB, a lookup
of the document's field length in a column file for every posting, and a
method call per posting to write it. :class:`FastSegmentWriter` is that writer
with

* one pass of the :class:`~.analysis.WordAnalyzer` per text field, straight to
  (term, positions) pairs (:meth:`FastSegmentWriter.add_doc`);
* postings kept in memory as arrays per term, already in document order;
* field lengths kept in memory;
* each term's postings handed to Whoosh's postings writer a block at a time;
* the ``words`` lexicon written as one posting per word and segment.

The files it writes are Whoosh's own format, read by Whoosh's own readers. It
relies on private parts of Whoosh 2.7.5 (checked by :mod:`.patches`); with any
other Whoosh, documents go through Whoosh's ``add_document`` instead.
"""

from __future__ import annotations

import gc
import os
import shutil
import warnings
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from pickle import dumps
from struct import Struct
from typing import Any

from whoosh.writing import IndexWriter, SegmentWriter

from . import patches
from .analysis import ANALYZERS
from .errors import IndexWriteFailed, describe_failure
from .schema import (
    DATE,
    INFO,
    KEY,
    PATH,
    TEXT_KINDS,
    WORDS,
    IndexDocument,
    encode_positions,
    keyword_values,
    term_key,
    text_values,
    whoosh_fields,
)

class _Postings:
    """One term's postings in one segment, in document order: numbers, weights and encoded values.

    The values (a few bytes each) are kept end to end in one ``bytearray``
    with their end offsets: ~16 bytes a posting instead of ~50 as Python
    ``bytes`` objects (a big build holds millions of them per worker).
    """

    __slots__ = ("ids", "weights", "data", "ends")

    def __init__(self) -> None:
        self.ids = array("I")
        self.weights = array("f")
        self.data = bytearray()
        self.ends = array("I")

    @classmethod
    def of(cls, single: tuple[int, float, bytes]) -> _Postings:
        """Postings holding one ``(docnum, weight, value)`` posting so far."""
        got = cls()
        got.add(*single)
        return got

    def add(self, docnum: int, weight: float, value: bytes | None) -> None:
        self.ids.append(docnum)
        self.weights.append(weight)
        if value:
            self.data += value
            self.ends.append(len(self.data))

    @property
    def values(self) -> list[bytes]:
        """The encoded values, one per posting (empty when the field stores none)."""
        data, out, start = self.data, [], 0
        for end in self.ends:
            out.append(bytes(data[start:end]))
            start = end
        return out


class MemoryPool:
    """Whoosh's posting pool, in memory: postings grouped by field and term as they come, sorted once at the end.

    Documents are added in document order, so each term's postings are too;
    merged segments (:meth:`add`) come in document order as well. Terms are
    kept as text: sorting text sorts its UTF-8 bytes the same way.
    """

    def __init__(self) -> None:
        self.fields: dict[str, dict[str, _Postings | tuple[int, float, bytes]]] = {}
        self.words: set[str] = set()
        """The ``words`` lexicon of the segment."""

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """Whoosh's pool protocol: one ``(fieldname, term, docnum, weight, value)`` posting."""
        fieldname, btext, docnum, weight, vbytes = item
        term = btext.decode("utf-8")
        if fieldname == WORDS:
            self.words.add(term)
            return
        table = self.fields.setdefault(fieldname, {})
        got = table.get(term)
        if got is None:
            table[term] = (docnum, weight, vbytes or b"")
        else:
            if type(got) is tuple:
                got = table[term] = _Postings.of(got)
            got.add(docnum, weight, vbytes)

    def add_terms(self, fieldname: str, docnum: int, terms: dict[str, list[int]], boost: float) -> None:
        """One document's (term → positions) of a field with positions."""
        table = self.fields.get(fieldname)
        if table is None:
            table = self.fields[fieldname] = {}
        get = table.get
        encode = encode_positions
        for term, positions in terms.items():
            got = get(term)
            if got is None:  # most terms have one posting in a segment: a tuple, promoted on the second
                table[term] = (docnum, len(positions) * boost, encode(positions))
                continue
            if type(got) is tuple:
                got = table[term] = _Postings.of(got)
            got.ids.append(docnum)
            got.weights.append(len(positions) * boost)
            got.data += encode(positions)
            got.ends.append(len(got.data))

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """Every posting, sorted (Whoosh's protocol, for its own ``add_postings``)."""
        for fieldname in sorted(self.fields):
            table = self.fields[fieldname]
            for term in sorted(table):
                got = table[term]
                btext = term.encode("utf-8")
                if type(got) is tuple:
                    yield fieldname, btext, got[0], got[1], got[2]
                    continue
                values = got.values or [b""] * len(got.ids)
                for docnum, weight, value in zip(got.ids, got.weights, values):
                    yield fieldname, btext, docnum, weight, value

    def cleanup(self) -> None:
        """Whoosh's pool protocol: nothing on disk to remove."""
        self.fields.clear()
        self.words.clear()


INLINE_POSTINGS = 2
"""Terms with at most this many postings in a segment keep them in the term table (most terms, by Zipf's law)."""


class FastSegmentWriter(SegmentWriter):
    """Whoosh's segment writer with the in-memory pool and bulk writing described in this module's docstring."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.pool = MemoryPool()
        self._lengths: dict[str, dict[int, int]] = {}
        pdw = self.perdocwriter
        real_add_field = pdw.add_field
        lengths = self._lengths

        def add_field(fieldname: str, fieldobj: Any, value: Any, length: int) -> None:
            if length:
                lengths.setdefault(fieldname, {})[pdw._docnum] = length
            real_add_field(fieldname, fieldobj, value, length)

        pdw.add_field = add_field  # remembers field lengths for the postings' block statistics

    # -- adding documents ---------------------------------------------------------------------------
    def add_doc(self, doc: IndexDocument) -> None:
        """Add one document (the fast equivalent of ``add_document(**whoosh_fields(doc))``)."""
        self._check_state()
        schema = self.schema
        pdw = self.perdocwriter
        pool = self.pool
        docnum = self.docnum
        pdw.start_doc(docnum)
        try:
            words: set[str] = set()
            texts = text_values(doc)
            for fieldname, text in texts.items():
                field = schema[fieldname]
                collect = words if fieldname in ("title", "body") else None
                terms, length = ANALYZERS[TEXT_KINDS[fieldname]].postings(text, collect)
                if terms:
                    pool.add_terms(fieldname, docnum, terms, field.format.field_boost)
                pdw.add_field(fieldname, field, None, length if field.scorable else 0)
            values = keyword_values(doc)
            values[KEY] = term_key(doc.key)
            values[DATE] = doc.date or ""
            for fieldname, value in values.items():
                field = schema[fieldname]
                length = 0
                for btext, freq, weight, vbytes in field.index(value):
                    pool.add((fieldname, btext, docnum, weight, vbytes))
                    length += freq
                stored = value if field.stored else None
                pdw.add_field(fieldname, field, stored, length if field.scorable else 0)
            pool.words.update(words)
            pdw.add_field(PATH, schema[PATH], doc.path, 0)
            pdw.add_field(INFO, schema[INFO], doc.info, 0)
        except Exception:
            pdw.cancel_doc()
            raise
        pdw.finish_doc()
        self._added = True
        self.docnum += 1

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: Any) -> None:
        """Merging a segment: its words lexicon is kept whole, whichever documents its postings point at."""
        if WORDS in reader.indexed_field_names():
            self.pool.words.update(b.decode("utf-8") for b in reader.lexicon(WORDS))
        items = (item for item in reader.iter_postings() if item[0] != WORDS)
        add = self.pool.add
        for item in self._process_posts(items, startdoc, docmap):
            add(item)

    # -- writing the segment -----------------------------------------------------------------------
    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        pool = self.pool
        if pool.words and self.docnum > self.docbase:
            lexicon = pool.fields.setdefault(WORDS, {})
            one = (self.docbase, 1.0, b"")  # every word: the same one posting, one shared tuple
            for word in pool.words:
                lexicon[word] = one
            pool.words.clear()
        self._write_postings()
        self.fieldwriter.close()

    def _write_postings(self) -> None:
        """Write every term's postings through Whoosh's field and postings writers.

        A term with few postings keeps them in its entry of the term table
        (Whoosh's "inlined" postings, which its readers read back as a list);
        the others are handed to the postings writer a block at a time.
        """
        fw = self.fieldwriter
        schema = self.schema
        tindex = fw._tindex
        for fieldname in sorted(self.pool.fields):
            table = self.pool.fields[fieldname]
            fieldobj = schema[fieldname]
            fw.start_field(fieldname, fieldobj)
            prefix = _USHORT.pack(fw._fieldid)
            lengths = self._lengths.get(fieldname, {})
            has_values = bool(fieldobj.format.fixed_value_size() != 0)
            lexicon = fieldname == WORDS
            lexicon_entry = b""
            for term in sorted(table):
                postings = table[term]
                btext = term.encode("utf-8")
                if type(postings) is tuple:
                    # the term table entry itself, as Whoosh's W3TermInfo.to_bytes writes it for inlined postings
                    if lexicon:  # every word of the lexicon has the same one posting
                        lexicon_entry = lexicon_entry or _inlined_entry(*_single(postings), has_values, lengths)
                        tindex.add(prefix + btext, lexicon_entry)
                    else:
                        tindex.add(prefix + btext, _inlined_entry(*_single(postings), has_values, lengths))
                    continue
                ids, weights, values = postings.ids, postings.weights, postings.values
                n = len(ids)
                if n <= INLINE_POSTINGS:
                    tindex.add(prefix + btext, _inlined_entry(ids, weights, values, has_values, lengths))
                    continue
                fw.start_term(btext)
                pw = fw._postwriter
                step = pw._blocklimit
                for start in range(0, n, step):
                    end = start + step
                    block_ids = ids[start:end]
                    block_weights = weights[start:end]
                    pw._ids = block_ids
                    pw._weights = block_weights
                    pw._values = values[start:end] if values else []
                    pw._maxweight = max(block_weights)
                    if lengths:
                        got = [x for x in map(lengths.get, block_ids) if x]
                        pw._minlength = min(got) if got else None
                        pw._maxlength = max(got) if got else 0
                    else:
                        pw._minlength, pw._maxlength = None, 0
                    if end < n:
                        pw._write_block()
                fw.finish_term()
            fw.finish_field()


_USHORT = Struct("!H")
"""How Whoosh's term table numbers fields (``whoosh.system.pack_ushort``)."""
_TERMINFO = Struct("!BfIBBfII")
"""Whoosh's ``W3TermInfo`` header: inlined?, total weight, documents, min/max length byte, max weight, first/last id."""


def _inlined_entry(
    ids: array[int], weights: array[float], values: list[bytes], has_values: bool, lengths: dict[int, int]
) -> bytes:
    """A term table entry holding its postings (Whoosh's ``W3TermInfo.to_bytes`` with inlined postings)."""
    from whoosh.util.numeric import length_to_byte

    lens = [x for x in map(lengths.get, ids) if x] if lengths else []
    head = _TERMINFO.pack(
        1,
        sum(weights),
        len(ids),
        length_to_byte(min(lens)) if lens else 0,
        length_to_byte(max(lens)) if lens else 0,
        max(weights),
        ids[0],
        ids[-1],
    )
    # no values (Existence): empty bytes per posting, which Whoosh's readers and pools take as "no value"
    whole = tuple(int(w) if w.is_integer() else w for w in weights)  # pickled smaller; same arithmetic
    return head + dumps((tuple(ids), whole, tuple(values) if has_values else (b"",) * len(ids)), 2)


def _single(posting: tuple[int, float, bytes]) -> tuple[array[int], array[float], list[bytes]]:
    """A one-posting tuple as the ids, weights and values :func:`_inlined_entry` takes."""
    docnum, weight, value = posting
    return array("I", (docnum,)), array("f", (weight,)), [value] if value else []


def new_writer(ix: Any, timeout: float = 0.0, limitmb: int = 128, _lk: bool = True) -> SegmentWriter:
    """A segment writer on ``ix``: the fast one where this Whoosh allows it (see :mod:`.patches`)."""
    patches.install()
    cls = FastSegmentWriter if patches.FAST_WRITER else SegmentWriter
    return cls(ix, timeout=timeout, limitmb=limitmb, _lk=_lk)


def add_document(writer: SegmentWriter, doc: IndexDocument) -> None:
    """Add ``doc`` to a segment writer (its older version must be deleted first)."""
    if isinstance(writer, FastSegmentWriter):
        writer.add_doc(doc)
    else:
        writer.add_document(**whoosh_fields(doc))


class BatchWriter:
    """Adds and deletes documents, then commits or cancels them as one batch."""

    def __init__(self, writer: IndexWriter) -> None:
        self._w = writer
        self._open = True
        self._segments: list[Any] = []
        self._moved: list[Path] = []
        newsegment = getattr(writer, "newsegment", None)
        folder = getattr(getattr(writer, "storage", None), "folder", None)
        self._own_files = (
            (Path(folder), f"{writer.indexname}_{newsegment.segment_id()}.") if newsegment is not None and folder else None
        )
        """Where this batch's own segment files go, and how their names start (removed if it is not committed)."""

    @property
    def is_open(self) -> bool:
        """True until the batch is committed, cancelled or abandoned after a failure."""
        return self._open

    @property
    def generation(self) -> int:
        """The generation of the index this batch's commit makes."""
        return int(getattr(self._w, "generation", 0))

    def put(self, doc: IndexDocument) -> None:
        """Add or replace the document with ``doc.key`` (:class:`IndexWriteFailed` if that fails)."""

        def action() -> None:
            self._w.delete_by_term(KEY, term_key(doc.key))
            add_document(self._w, doc)

        self._guarded(action)

    def delete(self, key: str) -> None:
        """Remove the document with ``key`` (:class:`IndexWriteFailed` if that fails)."""
        self._guarded(lambda: self._w.delete_by_term(KEY, term_key(key)))

    def _guarded(self, action: Any) -> None:
        """Run one write; if it fails, drop the batch, release the lock and raise :class:`IndexWriteFailed`.

        Whoosh does not close the files of a write that fails half-way (disk
        full); the garbage collector is held meanwhile, so they are closed here,
        quietly, rather than warned about at some random later moment.
        """
        failure = None
        with gc_held():
            try:
                action()
            except Exception as exc:
                failure = describe_failure(exc)
                drop_quietly(exc)
                self._abandon()
            except BaseException:  # Ctrl-C: release the lock, leave the rest to the process's end
                self._abandon()
                raise
        if failure is not None:
            raise IndexWriteFailed(failure)

    def add_segment(self, staged: Any) -> None:
        """Add a segment built by :func:`~.segments.build_segment` (in another process) to this batch.

        Its documents are added as they are: delete older versions of them first.
        """
        target = Path(self._w.storage.folder)
        for name in staged.files:
            dest = target / name
            shutil.move(str(Path(staged.staging) / name), str(dest))
            self._moved.append(dest)
        self._segments.append(staged.segment)

    def commit(self, optimize: bool = False, merge: bool = True) -> None:
        """Make the batch visible to every reader, atomically (``optimize``: merge every segment into one).

        By default a few small segments are merged (:func:`merge_small`); ``merge=False`` merges none.

        If writing fails (disk full...), the batch is dropped, the lock released and
        :class:`IndexWriteFailed` raised: the index stays at its previous commit.
        """
        if self._open:
            self._guarded(lambda: self._commit(optimize, merge))

    def _abandon(self) -> None:
        """After a failure: close what the writer holds, release the write lock, drop the batch.

        Never raises. Whoosh's writer may be half-way through writing files; its
        handles are closed here, quietly, rather than warned about later.
        """
        self._open = False
        w = self._w
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            if not getattr(w, "is_closed", True):
                cancelled = False
                try:
                    w.cancel()
                    cancelled = True
                except Exception:
                    pass
                if not cancelled:  # cancelling failed half-way too: release what can be released
                    lock = getattr(w, "writelock", None)
                    for closing in (
                        getattr(getattr(w, "perdocwriter", None), "close", None),
                        getattr(getattr(w, "fieldwriter", None), "close", None),
                        getattr(getattr(w, "pool", None), "cleanup", None),
                        getattr(getattr(w, "_tempstorage", None), "destroy", None),
                        getattr(lock, "release", None) if lock else None,
                    ):
                        if closing is not None:
                            try:
                                closing()
                            except Exception:
                                pass
                    w.is_closed = True
            for path in self._moved:
                try:
                    path.unlink()
                except OSError:
                    pass
            self._moved.clear()
            self._segments.clear()
            # Drop the writer, and with it the files it still holds, while warnings are silenced.
            del w
            del self._w
            gc.collect()
            self._remove_own_files()

    def _commit(self, optimize: bool, merge: bool = True) -> None:
        """The body of :meth:`commit`."""
        if self._open:
            self._open = False
            policy = None if optimize else (merge_small if merge else drop_empty)
            if not self._segments:
                self._w.commit(mergetype=policy, optimize=optimize)
                return
            # SegmentWriter.commit, with the staged segments added to the new table of contents
            # (what whoosh.multiproc.MpWriter does with the segments of its sub-processes)
            w = self._w
            final = w._merge_segments(policy, optimize, None)
            if w._added:
                final.append(w._finalize_segment())
            else:
                w._close_segment()
            final.extend(self._segments)
            w._commit_toc(final)
            w._finish()
            self._segments.clear()

    def cancel(self) -> None:
        """Drop the batch and its files; the index stays at its last commit."""
        if self._open:
            self._open = False
            self._w.cancel()
            for path in self._moved:
                try:
                    path.unlink()
                except OSError:
                    pass
            self._segments.clear()
            self._remove_own_files()

    def _remove_own_files(self) -> None:
        """Delete the files of this batch's segment (Whoosh leaves them for a later commit to clean up).

        After a failure (a full disk) they would otherwise stay, and the next
        run, short of the space they hold, fail again and leave more.
        """
        if self._own_files is None:
            return
        folder, prefix = self._own_files
        try:
            names = [name for name in os.listdir(folder) if name.startswith(prefix)]
        except OSError:
            return
        for name in names:
            try:
                os.unlink(folder / name)
            except OSError:
                pass


SMALL_SEGMENT = 300
"""Segments with fewer documents are merged once :data:`SMALL_SEGMENTS` of them pile up."""
SMALL_SEGMENTS = 10


def merge_small(writer: Any, segments: list[Any]) -> list[Any]:
    """Merge policy: merge the small segments when there are many, leave big ones alone.

    Whoosh's own policy eventually merges the whole index in one commit (minutes
    at 100,000 articles: Whoosh merges at ~40 articles/s); this one bounds each
    merge to :data:`SMALL_SEGMENTS` small segments, the leftovers of small updates.
    """
    from whoosh.reading import SegmentReader

    segments = drop_empty(writer, segments)
    small = [s for s in segments if s.doc_count_all() < SMALL_SEGMENT]
    if len(small) < SMALL_SEGMENTS:
        return segments
    for seg in small:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]


def drop_empty(writer: Any, segments: list[Any]) -> list[Any]:
    """Merge policy: merge nothing, but forget segments whose every document was deleted."""
    return [s for s in segments if s.doc_count() > 0]


@contextmanager
def gc_held() -> Iterator[None]:
    """Hold the cyclic garbage collector for the ``with`` block (see :meth:`BatchWriter._guarded`)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def drop_quietly(exc: BaseException) -> None:
    """Free the frames of a failed Whoosh write, and the files only they hold, with ResourceWarnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        exc.__traceback__ = None
        gc.collect()
