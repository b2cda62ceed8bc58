"""Segments built outside the index, in worker processes, then added to it by a commit.

A parallel indexing pass gives each worker process a chunk of documents; the
worker writes them as one finished Whoosh segment in a *staging* folder next to
the index (:func:`build_segment`), and the index's own writer only moves the
files in and lists the segment in its next table of contents
(:meth:`~.writer.BatchWriter.add_segment`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import files
from .schema import IndexDocument, make_schema

STAGING_PREFIX = ".staging-"


@dataclass
class StagedSegment:
    """A finished segment waiting in a staging folder to be added to the index by a commit."""

    staging: str
    files: list[str]
    segment: Any
    docs: int


def make_staging(parent: Path) -> Path:
    """A fresh staging folder for :func:`build_segment` (on the index's file system), named for this process."""
    return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=parent))


def remove_stale_staging(parent: Path) -> list[Path]:
    """Delete the staging folders in ``parent`` whose process is gone (killed mid-build); returns them.

    A folder is named ``.staging-<pid>-…``; one without a process number is an
    older Byline's, whose process cannot be running any more either.
    """
    removed = []
    try:
        found = [p for p in parent.iterdir() if p.name.startswith(STAGING_PREFIX) and p.is_dir()]
    except OSError:
        return removed
    for folder in found:
        pid_text = folder.name[len(STAGING_PREFIX) :].split("-", 1)[0]
        if pid_text.isdigit() and (int(pid_text) == os.getpid() or _alive(int(pid_text))):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (a zombie does not count)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's
    except OSError:
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def watch_parent(parent: int) -> None:
    """In a worker process: end as soon as the process that started it is gone (``kill -9`` included).

    On Linux the kernel is asked to kill the worker when its parent dies; a
    thread checking the parent's process number every half second does it
    elsewhere (and in case the first did not take).
    """
    import threading
    import time

    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:
        pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="byline-parent-watch", daemon=True).start()


def build_segment(staging: str, docs: Iterable[IndexDocument]) -> StagedSegment | None:
    """Index ``docs`` into a new segment under ``staging``, outside any index commit.

    Runs in worker processes: analysing and writing postings, the bulk of
    indexing, happens there in parallel. ``docs`` is consumed as it comes (a
    generator reading files keeps one article in memory at a time).
    """
    # an empty index of each process's own: Whoosh's temporary files are named per index
    staging = os.path.join(staging, f"p{os.getpid()}")
    if not files.exists_in(staging):
        files.create_in(staging, make_schema())
    ix = files.open_dir(staging)
    from .writer import add_document, new_writer  # opening an index cleans staging folders: it never writes

    w = new_writer(ix, _lk=False, limitmb=64)
    count = 0
    try:
        for doc in docs:
            add_document(w, doc)
            count += 1
        if not count:
            w.cancel()
            return None
        segment = w._finalize_segment()
        w._finish()
    except BaseException:
        if not w.is_closed:
            w.cancel()
        raise
    return StagedSegment(staging=staging, files=segment.list_files(ix.storage), segment=segment, docs=count)
