"""Finding the articles of a corpus and loading them.

A *corpus* is whatever paths the user names: directories (walked recursively)
and single files, in any mix. :func:`scan_corpus` only looks at directory
entries and ``stat`` results, it never reads file contents, so it is cheap to
run again to find what changed. :func:`load_article` reads one file.

Rules of the walk:

* In directories, only files whose suffix is in :data:`ARTICLE_SUFFIXES`
  (case-insensitive) are articles; other files are counted in ``ignored``.
* A file named *explicitly* is an article whatever its suffix (the user asked
  for it), and so is an explicitly named hidden file or directory.
* Hidden entries (name starting with ``.``) met during a walk are skipped and
  not counted anywhere.
* Symbolic links are followed, to files and to directories; every directory is
  walked once (visited ``(st_dev, st_ino)`` pairs), which also survives link loops.
  A dangling link with an article suffix is reported as an error.
* Every path is resolved (:func:`os.path.realpath`); the same file reached
  twice (given twice, or through a link) is listed once.
* Unreadable directories and files that vanish mid-walk are recorded in
  ``errors``; nothing is raised.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .models import Article, SkippedFile
from .reading import UnreadableFile, os_error_reason, read_text

__all__ = [
    "ARTICLE_SUFFIXES",
    "CorpusScan",
    "FileStat",
    "corpus_key",
    "is_article_name",
    "load_article",
    "resolve_path",
    "scan_corpus",
]

ARTICLE_SUFFIXES: frozenset[str] = frozenset({".txt", ".md"})
"""Suffixes (lower-case) of the files a directory walk takes for articles."""

_SUFFIXES = tuple(ARTICLE_SUFFIXES)
S_ISDIR, S_ISREG = stat.S_ISDIR, stat.S_ISREG

_STOP_CHECK_EVERY = 256
"""How many directory entries pass between two calls of ``should_stop``."""


@dataclass(frozen=True)
class FileStat:
    """An article file as the walk saw it: resolved path, size and modification time."""

    path: str
    size: int
    mtime_ns: int


@dataclass
class CorpusScan:
    """The outcome of :func:`scan_corpus`."""

    files: list[FileStat] = field(default_factory=list)
    """Article files, sorted by path, each listed once (by resolved path)."""
    ignored: int = 0
    """Files met in directories that are not articles (other suffixes, special files)."""
    missing: list[str] = field(default_factory=list)
    """Paths given by the caller (as given) that do not exist."""
    errors: list[SkippedFile] = field(default_factory=list)
    """Directories that could not be listed, dangling links, files that vanished..."""
    cancelled: bool = False
    """True when ``should_stop`` ended the walk early (the lists are then partial)."""


def resolve_path(path: str | os.PathLike[str]) -> str:
    """The absolute path with every symbolic link resolved."""
    return os.path.realpath(os.path.abspath(os.fspath(path)))


def is_article_name(name: str) -> bool:
    """True when a file of this name is an article in a directory walk (``.txt``, ``.md``)."""
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


def corpus_key(paths: Sequence[str | os.PathLike[str]]) -> str:
    """A stable 16-hex-digit key for a corpus: a hash of its sorted, resolved, unique paths.

    The order in which paths are given and spelling differences (relative paths,
    links, trailing slashes) do not change the key.
    """
    resolved = sorted({resolve_path(p) for p in paths})
    digest = hashlib.sha256("\0".join(resolved).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:16]


def scan_corpus(
    paths: Sequence[str | os.PathLike[str]],
    should_stop: Callable[[], bool] | None = None,
) -> CorpusScan:
    """Find the article files under ``paths`` (directories and files, in any mix).

    Only ``stat`` information is gathered; contents are never read. See the module
    docstring for the rules. ``should_stop`` is polled now and then; when it
    returns true the walk ends and the partial result has ``cancelled=True``.
    """
    scan = CorpusScan()
    found: dict[str, FileStat] = {}
    visited: set[tuple[int, int]] = set()
    ticks = 0

    def stop() -> bool:
        """Poll ``should_stop`` every :data:`_STOP_CHECK_EVERY` entries; True once cancelled."""
        nonlocal ticks
        ticks += 1
        if should_stop is not None and ticks % _STOP_CHECK_EVERY == 0 and should_stop():
            scan.cancelled = True
        return scan.cancelled

    def add_file(path: str, st: os.stat_result) -> None:
        """Record an article file once per resolved path."""
        if path not in found:
            found[path] = FileStat(path, st.st_size, st.st_mtime_ns)

    def walk(root: str, root_st: os.stat_result) -> None:
        """Walk the resolved directory ``root`` depth-first, each directory once."""
        stack: list[tuple[str, os.stat_result]] = [(root, root_st)]
        while stack:
            if should_stop is not None and should_stop():
                scan.cancelled = True
                return
            directory, dir_st = stack.pop()
            ident = (dir_st.st_dev, dir_st.st_ino)
            if ident in visited:
                continue
            visited.add(ident)
            try:
                with os.scandir(directory) as entries:
                    batch = list(entries)
            except OSError as exc:
                scan.errors.append(SkippedFile(directory, os_error_reason(exc)))
                continue
            subdirs: list[tuple[str, os.stat_result]] = []
            for entry in batch:
                if should_stop is not None and stop():
                    return
                if entry.name.startswith("."):
                    continue
                try:
                    is_link = entry.is_symlink()
                    st = entry.stat(follow_symlinks=True)
                except OSError as exc:
                    if is_article_name(entry.name) or _is_real_dir(entry):
                        # a folder too deep to stat (path over PATH_MAX) may hold articles: say so
                        reason = "broken link" if _is_link(entry) else os_error_reason(exc)
                        scan.errors.append(SkippedFile(os.path.join(directory, entry.name), reason))
                    else:
                        scan.ignored += 1
                    continue
                # ``directory`` is resolved, so only a link needs resolving again.
                path = os.path.realpath(entry.path) if is_link else entry.path
                if S_ISREG(st.st_mode) and entry.name.lower().endswith(_SUFFIXES):  # is_article_name, inlined
                    if path not in found:
                        found[path] = FileStat(path, st.st_size, st.st_mtime_ns)
                elif S_ISDIR(st.st_mode):
                    subdirs.append((path, st))
                else:
                    scan.ignored += 1
            # Depth-first, in name order (the result is sorted anyway).
            stack.extend(sorted(subdirs, reverse=True))

    for given in paths:
        if scan.cancelled:
            break
        shown = os.fspath(given)
        path = resolve_path(given)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            scan.missing.append(shown)
            continue
        except OSError as exc:
            if not os.path.lexists(path):
                scan.missing.append(shown)
            else:
                scan.errors.append(SkippedFile(path, os_error_reason(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            walk(path, st)
        elif stat.S_ISREG(st.st_mode):
            add_file(path, st)
        else:
            scan.errors.append(SkippedFile(path, "not a regular file"))

    scan.files = [found[path] for path in sorted(found)]
    return scan


def _is_link(entry: os.DirEntry[str]) -> bool:
    """``entry.is_symlink()`` that never raises."""
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _is_real_dir(entry: os.DirEntry[str]) -> bool:
    """``entry.is_dir(follow_symlinks=False)`` that never raises (no system call where the OS gives entry types)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def load_article(stat_or_path: FileStat | str | os.PathLike[str]) -> Article:
    """Read one article file and recover its metadata.

    ``Article.key`` and ``Article.path`` are the resolved path. Raises
    :class:`~byline.index.reading.UnreadableFile` when the file cannot be read or
    decoded, and with reason ``"empty file"`` when it holds no text (only white
    space).
    """
    from .metadata import extract_metadata  # imported when first needed: a stat walk never needs it

    raw = stat_or_path.path if isinstance(stat_or_path, FileStat) else stat_or_path
    path = resolve_path(raw)
    text, encoding = read_text(path)
    if not text.strip():
        raise UnreadableFile("empty file", path)
    meta = extract_metadata(text)
    return Article(key=path, path=path, text=text, meta=meta, encoding=encoding)
