"""Reading a file's bytes safely, and the few words that say why a file could not be read."""

from __future__ import annotations

import errno
import os
import stat

__all__ = [
    "CONTENT_REASONS",
    "MAX_FILE_SIZE",
    "UnreadableFile",
    "SYSTEM_FOLDERS",
    "is_lasting",
    "is_system_path",
    "open_regular",
    "os_error_reason",
    "read_bytes",
    "special_file_reason",
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
    {
        "binary file",
        "cannot decode text",
        "empty file",
        "too large",
        "not a regular file",
        "named pipe (FIFO)",
        "character device",
        "block device",
        "socket",
        "system file",
        "is a directory",
        "invalid file name",
        "no article text in the page",
        "cannot extract the article from the page",
        "no records",
        "no header row",
        "UTF-16 dump (save it as UTF-8)",
    }
)
"""Reasons of :class:`UnreadableFile` that lie in the file itself, not in the file system."""


CONTENT_REASON_PREFIXES = ("cannot tell the encoding",)
"""How the longer content reasons start (they name what they could not tell apart)."""


def is_lasting(reason: str) -> bool:
    """True when a file skipped for ``reason`` stays unreadable as long as its size and date do not change.

    Any other reason (permission denied, file not found, input/output error...)
    comes from the file system: the file may be readable next time with the same
    size and date (after a ``chmod``), so it must be tried again.
    """
    return reason in CONTENT_REASONS or reason.startswith(CONTENT_REASON_PREFIXES)


def os_error_reason(exc: OSError) -> str:
    """A few words for the user describing an OSError."""
    if exc.errno in _ERRNO_REASONS:
        return _ERRNO_REASONS[exc.errno]
    if exc.strerror:
        return exc.strerror.lower()
    return "cannot read file"


SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")
"""Folders of the system's own files: kernel state, devices. Nothing in them is an article."""


def is_system_path(path: str) -> bool:
    """True when the resolved ``path`` is :data:`SYSTEM_FOLDERS` or lies under one of them."""
    return any(path == top or path.startswith(top + "/") for top in SYSTEM_FOLDERS)


def special_file_reason(mode: int) -> str | None:
    """What a file of this ``st_mode`` is when it is neither a regular file nor a folder, else ``None``."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "not a regular file"


def open_regular(path: str) -> int:
    """Open the regular file at ``path`` for reading and return its descriptor; never blocks.

    The file is opened non-blocking, then checked: a named pipe, a device or a
    socket (even one put in place of a file after the walk saw it) is closed at
    once and refused. Raises :class:`UnreadableFile`, or :class:`OSError` from the
    system (the caller turns it into a reason).
    """
    if is_system_path(path):
        raise UnreadableFile("system file", path)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise UnreadableFile("is a directory", path)
        special = special_file_reason(st.st_mode)
        if special is not None:
            raise UnreadableFile(special, path)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The contents of the regular file at ``path``.

    Raises :class:`UnreadableFile` for a file that cannot be opened (reason from
    the OS error: ``"permission denied"``, ``"file not found"``, ``"is a
    directory"``...), one that is not a regular file (``"named pipe (FIFO)"``,
    ``"character device"``…; opening one never blocks), one under ``/proc``,
    ``/sys`` or ``/dev`` (``"system file"``), or one larger than
    :data:`MAX_FILE_SIZE` (``"too large"``).
    """
    name = os.fspath(path)
    try:
        fd = open_regular(name)
        with open(fd, "rb", closefd=True) as handle:
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
