"""Segments built outside the index, in worker processes, then added to it by a commit.

A parallel indexing pass gives each worker process a chunk of documents; the
worker writes them as one finished Whoosh segment in a *staging* folder next to
the index (:func:`build_segment`), and the index's own writer only moves the
files in and lists the segment in its next table of contents
(:meth:`~.writer.BatchWriter.add_segment`).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .schema import IndexDocument, make_schema
from .writer import add_document, new_writer

STAGING_PREFIX = ".staging-"


@dataclass
class StagedSegment:
    """A finished segment waiting in a staging folder to be added to the index by a commit."""

    staging: str
    files: list[str]
    segment: Any
    docs: int


def make_staging(parent: Path) -> Path:
    """A fresh staging folder for :func:`build_segment` (on the index's file system)."""
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))


def build_segment(staging: str, docs: list[IndexDocument]) -> StagedSegment | None:
    """Index ``docs`` into a new segment under ``staging``, outside any index commit.

    Runs in worker processes: analysing and writing postings, the bulk of
    indexing, happens there in parallel.
    """
    from whoosh import index

    if not docs:
        return None
    # an empty index of each process's own: Whoosh's temporary files are named per index
    staging = os.path.join(staging, f"p{os.getpid()}")
    if not index.exists_in(staging):
        os.makedirs(staging, exist_ok=True)
        index.create_in(staging, make_schema())
    ix = index.open_dir(staging)
    w = new_writer(ix, _lk=False, limitmb=64)
    try:
        for doc in docs:
            add_document(w, doc)
        segment = w._finalize_segment()
        w._finish()
    except BaseException:
        w.cancel()
        raise
    return StagedSegment(staging=staging, files=segment.list_files(ix.storage), segment=segment, docs=len(docs))
