"""The stat walk that finds the articles of a corpus.

A *corpus* is whatever paths the user names: directories (walked recursively)
and single files, in any mix. :func:`scan_corpus` only looks at directory
entries and ``stat`` results, it never opens a file, so it is cheap to run again
to find what changed (and safe on a named pipe or a device); :mod:`byline.index.sources`
reads what it finds.

Rules of the walk:

* In directories, only files whose suffix is in :data:`ARTICLE_SUFFIXES`
  (case-insensitive) are articles, and files whose suffix is in
  :data:`DUMP_SUFFIXES` are dumps (listed apart, in ``dumps``); other regular
  files are counted in ``ignored``.
* A file named *explicitly* is an article whatever its suffix (the user asked
  for it), unless it is a dump; so is an explicitly named hidden file or directory.
* Hidden entries (name starting with ``.``) met during a walk are skipped and
  not counted anywhere.
* Named pipes, sockets and device files are never articles: each gets a line in
  ``errors`` (``named pipe (FIFO)``, ``socket``, ``character device``…), whatever
  its name; nothing under ``/proc``, ``/sys`` or ``/dev`` is ever listed (``system file``).
* Symbolic links are followed to regular files and directories only, and by
  default only when they lead inside the corpus (one of the paths given):
  a link that leads elsewhere is reported (``link outside the corpus``) unless
  ``follow_links`` is set. Links to folders and links named like articles are
  reported; other refused links are counted in ``ignored``. Every directory is
  walked once (visited ``(st_dev, st_ino)`` pairs), which also survives link
  loops. A dangling link with an article suffix is reported as an error.
* Every path is resolved (:func:`os.path.realpath`); the same file reached
  twice (given twice, or through a link) is listed once. Each file also knows
  the corpus root it was found under and its folder relative to it, as walked
  (:attr:`FileStat.folder`: ``bbc/politics``), so that a list can tell
  collections apart.
* Unreadable directories and files that vanish mid-walk are recorded in
  ``errors``; nothing is raised.
"""

from __future__ import annotations

import hashlib
import os
import stat
from stat import S_ISREG
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..models import SkippedFile
from .fileio import is_system_path, os_error_reason, special_file_reason

__all__ = [
    "ARTICLE_SUFFIXES",
    "DUMP_SUFFIXES",
    "CorpusScan",
    "FileStat",
    "corpus_key",
    "is_article_name",
    "is_dump_name",
    "resolve_path",
    "scan_corpus",
]

ARTICLE_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".html", ".htm"})
"""Suffixes (lower-case) of the files a directory walk takes for articles (one file, one article)."""

DUMP_SUFFIXES: frozenset[str] = frozenset({".jsonl", ".ndjson", ".csv", ".tsv"})
"""Suffixes (lower-case) of dumps: one article per record (see :mod:`.dumps`)."""

LINK_OUTSIDE = "link outside the corpus"
"""Why a link that leads out of the corpus was not followed."""

_STOP_CHECK_EVERY = 256
"""How many directory entries pass between two calls of ``should_stop``."""


@dataclass(frozen=True)
class FileStat:
    """A file as the walk saw it: resolved path, size and modification time, and where it was found."""

    path: str
    size: int
    mtime_ns: int
    root: str = field(default="", compare=False)
    """The corpus root (a resolved path given by the user) the file was found under."""
    folder: str = field(default="", compare=False)
    """Its folder relative to ``root`` as walked, ``/``-separated (``""`` at the top or for a file given by name)."""


@dataclass
class CorpusScan:
    """The outcome of :func:`scan_corpus`."""

    files: list[FileStat] = field(default_factory=list)
    """Article files, sorted by path, each listed once (by resolved path)."""
    dumps: list[FileStat] = field(default_factory=list)
    """Dumps (JSON Lines, CSV, TSV), sorted by path: each record is an article (see :mod:`.dumps`)."""
    ignored: int = 0
    """Files met in directories that are not articles (other suffixes, refused links)."""
    missing: list[str] = field(default_factory=list)
    """Paths given by the caller (as given) that do not exist."""
    errors: list[SkippedFile] = field(default_factory=list)
    """Directories that could not be listed, dangling or refused links, special files, files that vanished..."""
    cancelled: bool = False
    """True when ``should_stop`` ended the walk early (the lists are then partial)."""


def resolve_path(path: str | os.PathLike[str]) -> str:
    """The absolute path with every symbolic link resolved."""
    return os.path.realpath(os.path.abspath(os.fspath(path)))


def _suffix(name: str) -> str:
    """The lower-case suffix of a file name (``.txt``; ``""`` for none; a leading dot starts no suffix)."""
    dot = name.rfind(".")
    if dot <= 0 or not name[:dot].strip("."):  # dots that only lead the name start no suffix
        return ""
    return name[dot:].lower()


def is_article_name(name: str) -> bool:
    """True when a file of this name is an article in a directory walk (``.txt``, ``.md``…)."""
    return _suffix(name) in ARTICLE_SUFFIXES


def is_dump_name(name: str) -> bool:
    """True when a file of this name is a dump of articles (``.jsonl``, ``.ndjson``, ``.csv``, ``.tsv``)."""
    return _suffix(name) in DUMP_SUFFIXES


def corpus_key(paths: Sequence[str | os.PathLike[str]]) -> str:
    """A stable 16-hex-digit key for a corpus: a hash of its sorted, resolved, unique paths.

    The order in which paths are given and spelling differences (relative paths,
    links, trailing slashes) do not change the key.
    """
    resolved = sorted({resolve_path(p) for p in paths})
    digest = hashlib.sha256("\0".join(resolved).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:16]


def _inside(path: str, roots: Sequence[str]) -> bool:
    """True when the resolved ``path`` is one of ``roots`` or lies under one of them."""
    for root in roots:
        if path == root or path.startswith(root.rstrip(os.sep) + os.sep):
            return True
    return False


def _join(folder: str, name: str) -> str:
    """``folder/name`` with ``/`` whatever the system (``name`` alone at the top)."""
    return f"{folder}/{name}" if folder else name


def scan_corpus(
    paths: Sequence[str | os.PathLike[str]],
    should_stop: Callable[[], bool] | None = None,
    follow_links: bool = False,
) -> CorpusScan:
    """Find the article files under ``paths`` (directories and files, in any mix).

    Only ``stat`` information is gathered; contents are never read and no file is
    opened. See the module docstring for the rules. ``follow_links`` also follows
    links that lead outside the corpus (never to special files or system folders).
    ``should_stop`` is polled now and then; when it returns true the walk ends
    and the partial result has ``cancelled=True``.
    """
    scan = CorpusScan()
    found: dict[str, FileStat] = {}
    dumps: dict[str, FileStat] = {}
    visited: set[tuple[int, int]] = set()
    roots = [resolve_path(p) for p in paths]
    ticks = 0

    def add_file(path: str, st: os.stat_result, suffix: str, root: str, folder: str, walked: bool) -> None:
        """Record an article file or a dump once per resolved path (``suffix``: the name's, lower case)."""
        if suffix in DUMP_SUFFIXES:
            if path not in dumps:
                dumps[path] = FileStat(path, st.st_size, st.st_mtime_ns, root, folder)
        elif walked and suffix not in ARTICLE_SUFFIXES:
            scan.ignored += 1
        elif path not in found:
            found[path] = FileStat(path, st.st_size, st.st_mtime_ns, root, folder)

    def refuse_link(entry: os.DirEntry[str], target: str, st: os.stat_result) -> str | None:
        """Why the link ``entry`` (to ``target``) is not followed, or ``None`` when it is."""
        special = special_file_reason(st.st_mode)
        if special is not None:
            return f"link to a {special}"
        if is_system_path(target):
            return "link to a system file"
        if not follow_links and not _inside(target, roots):
            return LINK_OUTSIDE
        return None

    def walk(root: str, root_st: os.stat_result) -> None:
        """Walk the resolved directory ``root`` depth-first, each directory once."""
        nonlocal ticks
        stack: list[tuple[str, os.stat_result, str]] = [(root, root_st, "")]
        while stack:
            if should_stop is not None and should_stop():
                scan.cancelled = True
                return
            directory, dir_st, folder = stack.pop()
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
            subdirs: list[tuple[str, os.stat_result, str]] = []
            for entry in batch:
                # the common case (a regular file, not a link) inline: this loop runs once per file of the corpus
                ticks += 1
                if should_stop is not None and ticks % _STOP_CHECK_EVERY == 0 and should_stop():
                    scan.cancelled = True
                if scan.cancelled:
                    return
                name = entry.name
                if name.startswith("."):
                    continue
                dot = name.rfind(".")
                suffix = name[dot:].lower() if dot > 0 else ""  # not hidden: a dot at 0 was the only way to no suffix
                try:
                    is_link = entry.is_symlink()
                    st = entry.stat(follow_symlinks=True)
                except OSError as exc:
                    if suffix in ARTICLE_SUFFIXES or suffix in DUMP_SUFFIXES or _is_real_dir(entry):
                        # a folder too deep to stat (path over PATH_MAX) may hold articles: say so
                        reason = "broken link" if _is_link(entry) else os_error_reason(exc)
                        scan.errors.append(SkippedFile(os.path.join(directory, entry.name), reason))
                    else:
                        scan.ignored += 1
                    continue
                if not is_link and S_ISREG(st.st_mode):
                    if suffix in ARTICLE_SUFFIXES:
                        path = entry.path
                        if path not in found:
                            found[path] = FileStat(path, st.st_size, st.st_mtime_ns, root, folder)
                    elif suffix in DUMP_SUFFIXES:
                        add_file(entry.path, st, suffix, root, folder, walked=True)
                    else:
                        scan.ignored += 1
                    continue
                # ``directory`` is resolved, so only a link needs resolving again.
                path = os.path.realpath(entry.path) if is_link else entry.path
                if is_link:
                    refused = refuse_link(entry, path, st)
                    if refused is not None:
                        named = stat.S_ISDIR(st.st_mode) or suffix in ARTICLE_SUFFIXES or suffix in DUMP_SUFFIXES
                        if named or refused != LINK_OUTSIDE:
                            scan.errors.append(SkippedFile(entry.path, refused))
                        else:
                            scan.ignored += 1
                        continue
                if stat.S_ISDIR(st.st_mode):
                    subdirs.append((path, st, _join(folder, entry.name)))
                elif stat.S_ISREG(st.st_mode):
                    add_file(path, st, suffix, root, folder, walked=True)
                else:
                    scan.errors.append(SkippedFile(entry.path, special_file_reason(st.st_mode) or "not a regular file"))
            # Depth-first, in name order (the result is sorted anyway).
            stack.extend(sorted(subdirs, reverse=True))

    for given, path in zip(paths, roots):
        if scan.cancelled:
            break
        shown = os.fspath(given)
        if is_system_path(path):
            scan.errors.append(SkippedFile(path, "system file"))
            continue
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
            add_file(path, st, _suffix(os.path.basename(path)), os.path.dirname(path), "", walked=False)
        else:
            scan.errors.append(SkippedFile(path, special_file_reason(st.st_mode) or "not a regular file"))

    scan.files = sorted(found.values(), key=lambda f: f.path)
    scan.dumps = sorted(dumps.values(), key=lambda f: f.path)
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
