"""Finding, opening and recovering the index of a corpus.

The index of a corpus lives in the user's cache directory, or in the temporary
directory when the cache cannot be written, or in memory when nothing can; an
``--index DIR`` given explicitly must work or fail. Opening checks the index
against its manifest (:mod:`.state`) and rebuilds it, with a one-line notice,
when it is damaged, was made by another version, was found damaged while in
use, or has gone back to an earlier commit than the manifest (a table of
contents deleted, a backup restored): it holds nothing the articles don't.
Two processes never create, check or wipe the same index at once.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import store as st
from .errors import IndexBusy, LibraryError
from .state import (
    STATE_FILE,
    WHOOSH_DIR,
    IndexState,
    claim_temp_root,
    default_index_dir,
    fallback_index_dir,
    memory_index_dir,
    open_lock,
    prepare_dir,
)


@dataclass
class Opened:
    """An index ready to use: where it is, the store, and what to tell the user about opening it."""

    directory: Path
    store: st.Store
    notices: list[str] = field(default_factory=list)


class _Unwritable(Exception):
    """An index location that cannot be written (the caller tries the next one)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Lost(Exception):
    """The index holds less than its manifest says (files lost, an older commit restored)."""


BUSY = "another Byline process is updating this index; try again when it has finished"

WRITER_SETTLE_SECONDS = 3.0
"""How long an open retries an index that another process is writing and that reads as incomplete meanwhile."""


def os_reason(exc: OSError) -> str:
    """The system's words for why writing the index failed (``no space left on device``)."""
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def open_index(resolved: list[str], index_dir: str | os.PathLike[str] | None, rebuild: bool) -> Opened:
    """Open (or create) the index of the corpus made of the ``resolved`` paths; see :meth:`~.library.Library.open`."""
    notices: list[str] = []
    if index_dir:
        return _open_at(resolved, Path(index_dir).expanduser().resolve(), rebuild, notices, strict=True)
    failures: list[tuple[Path, str]] = []
    for directory in (default_index_dir(resolved), fallback_index_dir(resolved)):
        try:
            if failures:  # the shared temporary directory: only in a folder of this user's
                claim_temp_root()
            opened = _open_at(resolved, directory, rebuild, notices, strict=False)
        except _Unwritable as exc:
            failures.append((directory, exc.reason))
            continue
        except OSError as exc:
            failures.append((directory, os_reason(exc)))
            continue
        if failures:
            where, why = failures[0]
            opened.notices.insert(0, f"Cannot write the index cache {where} ({why}); keeping the index in {directory} instead.")
        return opened
    (where, why), (where2, why2) = failures
    directory = memory_index_dir(resolved)
    store = st.Store.in_memory_index(directory / WHOOSH_DIR)
    IndexState(schema=st.SCHEMA_VERSION, corpus=resolved).save(directory)
    notices.insert(
        0,
        f"Cannot write the index cache {where} ({why}) nor {where2} ({why2}); "
        "keeping the index in memory: it is built again every time.",
    )
    return Opened(directory, store, notices)


def _open_at(resolved: list[str], directory: Path, rebuild: bool, notices: list[str], strict: bool) -> Opened:
    """Open the index in ``directory``; raises :class:`_Unwritable` (``strict``: LibraryError) if it cannot be written."""

    def unusable(exc: OSError, doing: str) -> Exception:
        reason = os_reason(exc)
        if strict:
            return LibraryError(f"cannot {doing} the index in {directory}: {reason}")
        return _Unwritable(reason)

    whoosh_dir = directory / WHOOSH_DIR
    if directory.exists() and not directory.is_dir():
        if strict:
            raise LibraryError(f"index location {directory} is a file, not a directory")
        raise _Unwritable("a file is in the way")
    ours = (directory / STATE_FILE).exists()
    if not ours and st.Store.exists(whoosh_dir) and strict:
        raise LibraryError(f"{whoosh_dir} exists and was not made by Byline; choose another --index directory")
    try:
        prepare_dir(directory)
    except OSError as exc:
        raise unusable(exc, "create") from None
    try:
        with open_lock(directory):
            if not strict and not (directory / STATE_FILE).exists() and st.Store.exists(whoosh_dir):
                # Byline's own cache without its manifest (deleted, or lost): the index is Byline's, rebuilt
                if st.Store.is_locked(whoosh_dir):
                    raise IndexBusy(BUSY)
                notices.append(f"The index in {directory} had lost its manifest; rebuilding it.")
                _start_afresh(resolved, directory)
            st.remove_stale_staging(directory)  # left by a build killed mid-way
            store = _open_locked(resolved, directory, rebuild, notices)
    except OSError as exc:
        raise unusable(exc, "write") from None
    return Opened(directory, store, notices)


def rebuild_store(store: st.Store, resolved: list[str], directory: Path) -> st.Store:
    """Close ``store``, wipe its index and manifest, and open it again empty (for :meth:`~.library.Library.rebuild`).

    Raises :class:`IndexBusy` (with ``store`` still usable) when another process is writing it.
    """
    if store.in_memory:
        store.close()
        fresh = st.Store.in_memory_index(store.directory)
        IndexState(schema=st.SCHEMA_VERSION, corpus=resolved).save(directory)
        return fresh
    with open_lock(directory):
        if st.Store.is_locked(directory / WHOOSH_DIR):
            raise IndexBusy(BUSY)
        store.close()
        _start_afresh(resolved, directory)
        shutil.rmtree(directory / "summaries", ignore_errors=True)
        return st.Store.open(directory / WHOOSH_DIR)


def _start_afresh(resolved: list[str], directory: Path) -> None:
    """Wipe the index files and write an empty manifest (holding the open lock)."""
    st.Store.wipe(directory / WHOOSH_DIR)
    IndexState(schema=st.SCHEMA_VERSION, corpus=resolved).save(directory)


def _open_locked(resolved: list[str], directory: Path, rebuild: bool, notices: list[str]) -> st.Store:
    """Check, create or rebuild the index (holding the open lock, so no other process does it at once).

    Raises :class:`OSError` when the directory cannot be written.
    """
    whoosh_dir = directory / WHOOSH_DIR
    state = IndexState.load(directory)
    fresh = state is None or state.schema != st.SCHEMA_VERSION or rebuild or bool(state.damaged)
    if fresh:
        if st.Store.is_locked(whoosh_dir):
            raise IndexBusy(BUSY)
        if state is not None and state.schema != st.SCHEMA_VERSION:
            notices.append("The index was made by another version of Byline; rebuilding it.")
        elif state is not None and state.damaged and not rebuild:
            notices.append(f"The index in {directory} was found damaged ({state.damaged}); rebuilding it.")
        _start_afresh(resolved, directory)
    started_afresh = False
    settle_until = time.monotonic() + WRITER_SETTLE_SECONDS
    while True:
        store: st.Store | None = None
        try:
            store = st.Store.open(whoosh_dir)
            if not fresh and state is not None:
                _check_against(store, state)
                store.clean_leftovers()  # files of a batch killed or failed mid-way
            return store
        except (st.IndexUnreadable, _Lost) as exc:
            if store is not None:
                store.close()
            if started_afresh:
                raise LibraryError(f"cannot rebuild the index in {directory}: {exc}") from None
            if st.Store.is_locked(whoosh_dir):
                # another process is writing: it may be removing the files of segments it has just merged
                # while this one read their names; it settles in moments, and then it is only busy
                if time.monotonic() < settle_until:
                    time.sleep(0.05)
                    continue
                raise IndexBusy(BUSY) from None
            if isinstance(exc, _Lost):
                notices.append(f"The index in {directory} had lost {exc}; rebuilding it.")
            else:
                notices.append(f"The index in {directory} could not be read ({exc}); rebuilding it.")
            _start_afresh(resolved, directory)
            fresh = started_afresh = True
        except st.IndexLocked as exc:
            raise IndexBusy(str(exc)) from None


def _check_against(store: st.Store, state: IndexState) -> None:
    """Raise :class:`_Lost` when the index holds less than the manifest says.

    The manifest is saved after each commit with that commit's generation, so
    the index is never older than it, and never holds fewer articles, unless
    index files were lost or replaced. Only the table of contents is read.
    """
    if state.generation is not None and store.generation() < state.generation:
        raise _Lost(f"its last commits (it is at commit {store.generation()}, its manifest at {state.generation})")
    count = store.doc_count()
    expected = state.document_count()
    if count < expected:
        raise _Lost(f"{expected - count} of its {expected} articles")
