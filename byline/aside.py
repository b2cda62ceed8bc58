"""Confirming that the corpus is unchanged in a child process, while the command loads the engine and searches.

A warm ``byline search`` spends about a third of its time on the stat walk
that confirms the index is up to date (7,560 files: ~50 ms of system calls and
Python), and most of the rest importing Whoosh and searching. On two cores they
can run side by side: :class:`AsideCheck` forks a child as soon as the
arguments are read, before the engine is imported (a small process, cheap to
fork); the child runs :func:`byline.index.freshness.unchanged` and answers with
one line (only with a core to spare: :func:`worth_it`). The command opens the index and searches meanwhile, and prints only
once the answer says the corpus is as the index has it, for the very manifest
the index has now (a commit, a rebuild or another index folder since: not
confirmed). Otherwise (something changed, the walk has something to say, the
child failed, or the system cannot fork) the command brings the index up to
date as before and searches again: a change is never missed, and nothing is
printed from an index that was not confirmed up to date.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from byline.index.library import Library


class AsideCheck:
    """A child process asking whether the corpus of ``paths`` is unchanged since the index at ``index_dir`` was made."""

    def __init__(self, paths: list[str], index_dir: str | None, follow_links: bool) -> None:
        self._answer: bytes | None = None
        self._pid = 0
        self._read_end = -1
        fork = getattr(os, "fork", None)
        if fork is None or not worth_it():
            self._answer = b""
            return
        try:
            self._read_end, write_end = os.pipe()
        except OSError:
            self._answer = b""
            return
        try:
            pid = fork()
        except OSError:
            os.close(self._read_end)
            os.close(write_end)
            self._answer = b""
            return
        if pid == 0:  # the child: answer, and leave without running anything of the parent's (no flush, no atexit)
            try:
                os.close(self._read_end)
                os.write(write_end, _answer(paths, index_dir, follow_links))
            except BaseException:
                pass
            finally:
                os._exit(0)
        os.close(write_end)
        self._pid = pid

    @property
    def running(self) -> bool:
        """Whether a child is checking (else the answer is "not confirmed": bring the index up to date first)."""
        return self._pid != 0

    def _wait(self) -> bytes:
        """The child's answer (``b""`` when there is none); waits for it once."""
        if self._answer is None:
            try:
                self._answer = _read_all(self._read_end)
            except OSError:
                self._answer = b""
            finally:
                os.close(self._read_end)
                try:
                    os.waitpid(self._pid, 0)
                except OSError:
                    pass
        return self._answer

    def confirmed(self, lib: Library) -> bool:
        """Whether the child found the corpus unchanged, against the manifest ``lib``'s index has now."""
        answer = self._wait()
        if not answer.startswith(b"y ") or lib.in_memory or lib.notices:
            return False
        from byline.index.freshness import manifest_stamp

        stamp, _, directory = answer[2:].partition(b"\n")
        return Path(os.fsdecode(directory)) == lib.directory and manifest_stamp(lib.directory) == stamp.decode()

    def close(self) -> None:
        """Collect the child (if its answer was never asked for)."""
        self._wait()

    def __enter__(self) -> AsideCheck:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def worth_it() -> bool:
    """Whether to check beside the search: only with a core to spare (``BYLINE_CHECK_ASIDE`` 1 or 0 decides instead).

    With every core busy the child only takes time from the search, and
    forking costs its own (measured on a loaded two-core machine: slower than
    walking first).
    """
    forced = os.environ.get("BYLINE_CHECK_ASIDE")
    if forced in ("0", "1"):
        return forced == "1"
    try:
        return os.getloadavg()[0] <= (os.cpu_count() or 1) - 1
    except (AttributeError, OSError):
        return False


def _read_all(fd: int) -> bytes:
    """Everything the child writes, up to its end (a long index folder may take several reads)."""
    chunks = []
    while True:
        got = os.read(fd, 65536)
        if not got:
            return b"".join(chunks)
        chunks.append(got)


def _answer(paths: list[str], index_dir: str | None, follow_links: bool) -> bytes:
    """The child's answer: ``y STAMP`` and the index folder on a second line when unchanged, else ``n``."""
    from byline.index.freshness import unchanged
    from byline.index.state import default_index_dir

    resolved = [os.path.realpath(os.path.expanduser(p)) for p in paths]  # as Library.open resolves them
    directory = Path(index_dir).expanduser().resolve() if index_dir else default_index_dir(resolved)
    stamp = unchanged(resolved, directory, follow_links)
    return b"y " + stamp.encode() + b"\n" + os.fsencode(directory) if stamp else b"n"
