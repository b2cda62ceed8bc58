"""Reading a file's bytes safely, and the few words that say why a file could not be read."""

from __future__ import annotations

import errno
import os
import stat

__all__ = [
    "CONTENT_REASONS",
    "MAX_FILE_SIZE",
    "UnreadableFile",
    "is_lasting",
    "os_error_reason",
    "read_bytes",
]

MAX_FILE_SIZE = 64 * 1024 * 1024
"""Files larger than this (in bytes) are not articles: :func:`read_bytes` refuses them.

A 50 MB article is still read and indexed in full (slowly); the limit only keeps
a stray disk image or database dump named ``.txt`` from taking all the memory.
"""


class UnreadableFile(Exception):
    """A file that cannot be read as an article.

    ``reason`` is a few words for the user (``"binary file"``, ``"cannot decode
    text"``, ``"permission denied"``, ``"too large"``, ``"empty file"``...).
    """

    def __init__(self, reason: str, path: str | None = None) -> None:
        """Create the error with a short human ``reason`` and optionally the ``path``."""
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        """The reason, prefixed with the path when it is known."""
        return f"{self.path}: {self.reason}" if self.path else self.reason


_ERRNO_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "file not found",
    errno.EISDIR: "is a directory",
    errno.ENOTDIR: "file not found",
    errno.ELOOP: "symbolic link loop",
    errno.ENAMETOOLONG: "name too long",
    errno.EIO: "input/output error",
}


CONTENT_REASONS = frozenset(
    {"binary file", "cannot decode text", "empty file", "too large", "not a regular file", "is a directory", "invalid file name"}
)
"""Reasons of :class:`UnreadableFile` that lie in the file itself, not in the file system."""


def is_lasting(reason: str) -> bool:
    """True when a file skipped for ``reason`` stays unreadable as long as its size and date do not change.

    Any other reason (permission denied, file not found, input/output error...)
    comes from the file system: the file may be readable next time with the same
    size and date (after a ``chmod``), so it must be tried again.
    """
    return reason in CONTENT_REASONS


def os_error_reason(exc: OSError) -> str:
    """A few words for the user describing an OSError."""
    if exc.errno in _ERRNO_REASONS:
        return _ERRNO_REASONS[exc.errno]
    if exc.strerror:
        return exc.strerror.lower()
    return "cannot read file"


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The contents of the regular file at ``path``.

    Raises :class:`UnreadableFile` for a file that cannot be opened (reason from
    the OS error: ``"permission denied"``, ``"file not found"``, ``"is a
    directory"``...), one that is not a regular file, or one larger than
    :data:`MAX_FILE_SIZE` (``"too large"``).
    """
    name = os.fspath(path)
    try:
        st = os.stat(name)
        if stat.S_ISDIR(st.st_mode):
            raise UnreadableFile("is a directory", name)
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block the reader forever
            raise UnreadableFile("not a regular file", name)
        if st.st_size > MAX_FILE_SIZE:
            raise UnreadableFile("too large", name)
        with open(name, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_FILE_SIZE:
                raise UnreadableFile("too large", name)
            data = handle.read(MAX_FILE_SIZE + 1)
    except UnreadableFile:
        raise
    except OSError as exc:
        raise UnreadableFile(os_error_reason(exc), name) from exc
    except ValueError as exc:  # embedded NUL in the path
        raise UnreadableFile("invalid file name", name) from exc
    if len(data) > MAX_FILE_SIZE:
        raise UnreadableFile("too large", name)
    return data
