"""Where an index lives and what it remembers about the files it indexed.

An index directory holds ``byline-index.json`` (schema version, corpus paths, the
generation of the index commit it describes, and the manifest: size and mtime
of every indexed or skipped file, the only place they are kept; for each dump,
the digest of each record; the headline suffixes the outlet votes count),
``dump-options.json`` (the dump fields the user named, :func:`load_dump_options`)
and ``whoosh/`` with the Whoosh files. The manifest is written atomically after every commit, so
it never claims more than the index holds; on the next open, a stat walk against
it finds what is new, changed or gone without reading any article.
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .sources.walk import corpus_key

STATE_FILE = "byline-index.json"
OPTIONS_FILE = "dump-options.json"
WHOOSH_DIR = "whoosh"
OPEN_LOCK = "open.lock"
"""Held while a process creates, checks or wipes the index, so two never do it at once."""


def cache_root() -> Path:
    """The user's cache directory for Byline indexes (``BYLINE_CACHE_DIR`` overrides it)."""
    override = os.environ.get("BYLINE_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only without an override: ~10 ms of imports

    return Path(platformdirs.user_cache_dir("byline", appauthor=False)) / "indexes"


def default_index_dir(paths: Sequence[str]) -> Path:
    """Where the index of the corpus made of ``paths`` is kept by default."""
    return cache_root() / corpus_key(paths)


def temp_root() -> Path:
    """This user's folder in the temporary directory (``/tmp/byline-<uid>``)."""
    user = getattr(os, "getuid", lambda: "user")()
    return Path(tempfile.gettempdir()) / f"byline-{user}"


def fallback_index_dir(paths: Sequence[str]) -> Path:
    """Where the index goes when the cache directory cannot be written: under :func:`temp_root`."""
    return temp_root() / "indexes" / corpus_key(paths)


def claim_temp_root() -> None:
    """Create :func:`temp_root` for this user only; refuse one that another user made or linked.

    The temporary directory is shared: a folder planted there by someone else
    must not receive this user's index. Raises :class:`OSError`.
    """
    root = temp_root()
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = os.lstat(root)
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode) or not mine:
        raise PermissionError(errno.EACCES, f"{root} is not a folder of this user's")


_IN_MEMORY: dict[Path, IndexState | None] = {}
"""States of the indexes kept in memory, by their nominal directory (nothing is written there)."""
_memory_ids = itertools.count(1)
_MEMORY_OPTIONS: dict[Path, dict[str, str]] = {}
"""Dump options of the indexes kept in memory."""


def memory_index_dir(paths: Sequence[str]) -> Path:
    """A nominal directory for an index kept in memory: its :class:`IndexState` stays in memory too."""
    directory = Path(tempfile.gettempdir()) / "byline-in-memory" / f"{corpus_key(paths)}-{os.getpid()}-{next(_memory_ids)}"
    _IN_MEMORY[directory] = None
    return directory


def release_memory_dir(directory: Path) -> None:
    """Forget the state of an index kept in memory (when it is closed)."""
    _IN_MEMORY.pop(directory, None)
    _MEMORY_OPTIONS.pop(directory, None)


def prepare_dir(directory: Path) -> None:
    """Create ``directory`` and prove it writable by creating and deleting a file in it.

    Raises :class:`OSError` when it cannot be used (read-only, no space, a file in the way).
    Permission bits are not trusted: they do not stop root, a read-only mount stops everyone.
    """
    _make_private_dirs(directory)
    if directory.stat().st_mode & 0o077 and (not hasattr(os, "getuid") or directory.stat().st_uid == os.getuid()):
        directory.chmod(0o700)  # made by an older Byline: it holds article text
    fd, probe = tempfile.mkstemp(prefix=".probe-", dir=directory)
    os.close(fd)
    os.unlink(probe)


def _make_private_dirs(directory: Path) -> None:
    """Create ``directory`` and any missing parent, each readable by this user only (0700)."""
    missing = []
    for folder in [directory, *directory.parents]:
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    if not missing:
        directory.mkdir(parents=True, exist_ok=True)  # raises what mkdir raises on a file in the way


@contextmanager
def open_lock(directory: Path) -> Iterator[None]:
    """Hold the index directory's open lock (blocking) for the ``with`` block.

    Opening an index may create, check or wipe it; two processes opening the same
    new or damaged index at once would trip over each other's files. Where
    ``fcntl`` is missing (Windows) this does nothing.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(directory / OPEN_LOCK, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass
class DumpEntry:
    """What the manifest knows of one dump (JSON Lines, CSV): its signature and each record's."""

    size: int
    mtime_ns: int
    options: dict[str, str] = field(default_factory=dict)
    """The dump options it was read with (``DumpOptions.as_dict()``): other options, read again."""
    records: list[str | None] = field(default_factory=list)
    """Record N at ``records[N - 1]``: the digest of the record the index holds as ``PATH#N``
    (``""``: it holds one that must be read again), ``None`` when it holds none."""
    skipped: dict[int, str] = field(default_factory=dict)
    """Record number → why it holds no article (named again in every summary until the dump changes)."""
    complete: bool = True
    """False while a pass that read the dump has not finished it: the next pass goes on (unchanged records are passed over)."""

    def documents(self) -> int:
        """How many articles of this dump the index holds."""
        return sum(1 for d in self.records if d is not None)

    def copy(self) -> DumpEntry:
        """An independent copy."""
        return DumpEntry(self.size, self.mtime_ns, dict(self.options), list(self.records), dict(self.skipped), self.complete)

    def to_json(self) -> dict[str, object]:
        """The entry as JSON values."""
        out: dict[str, object] = {"size": self.size, "mtime": self.mtime_ns, "records": self.records}
        if self.options:
            out["options"] = self.options
        if self.skipped:
            out["skipped"] = {str(n): reason for n, reason in self.skipped.items()}
        if not self.complete:
            out["complete"] = False
        return out

    @classmethod
    def from_json(cls, raw: dict[str, object]) -> DumpEntry:
        """The entry :meth:`to_json` wrote (raises ``ValueError``/``TypeError``/``KeyError`` on anything else)."""
        records = raw.get("records", [])
        skipped = raw.get("skipped", {})
        options = raw.get("options", {})
        if not isinstance(records, list) or not isinstance(skipped, dict) or not isinstance(options, dict):
            raise ValueError("not a dump entry")
        return cls(
            size=int(raw["size"]),  # type: ignore[call-overload]
            mtime_ns=int(raw["mtime"]),  # type: ignore[call-overload]
            options={str(k): str(v) for k, v in options.items()},
            records=[d if isinstance(d, str) else None for d in records],
            skipped={int(n): str(reason) for n, reason in skipped.items()},
            complete=raw.get("complete", True) is not False,
        )


@dataclass
class IndexState:
    """The contents of ``byline-index.json``."""

    schema: int
    corpus: list[str] = field(default_factory=list)
    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Indexed file key → (size, mtime_ns) when it was indexed."""
    skipped: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    """Unreadable file key → (size, mtime_ns, reason), so it is not read again until it changes."""
    damaged: str | None = None
    """Why the index was found damaged while in use: it is rebuilt the next time it is opened."""
    generation: int | None = None
    """The generation of the index commit this manifest describes (the index is never older)."""
    dumps: dict[str, DumpEntry] = field(default_factory=dict)
    """Indexed dump path → what the index holds of it (its records are articles ``PATH#N``)."""
    suffixes: dict[str, str] = field(default_factory=dict)
    """Article key → the headline suffix it votes for (``OutletVotes``), for the articles that have one."""
    outlets: list[str] = field(default_factory=list)
    """The recurring suffixes (outlet keys) the index's articles were read with, as known outlets."""

    def copy(self) -> IndexState:
        """An independent copy."""
        return IndexState(
            self.schema,
            list(self.corpus),
            dict(self.files),
            dict(self.skipped),
            self.damaged,
            self.generation,
            {path: entry.copy() for path, entry in self.dumps.items()},
            dict(self.suffixes),
            list(self.outlets),
        )

    def document_count(self) -> int:
        """How many articles the index holds by this manifest: a file each, a record each of the dumps."""
        return len(self.files) + sum(entry.documents() for entry in self.dumps.values())

    @classmethod
    def load(cls, directory: Path) -> IndexState | None:
        """Read the state file; ``None`` when it is missing or unreadable."""
        if directory in _IN_MEMORY:
            kept = _IN_MEMORY[directory]
            return kept.copy() if kept is not None else None
        try:
            raw = json.loads((directory / STATE_FILE).read_text(encoding="utf-8"))
            files = raw.get("files", {})
            if isinstance(files, dict) and set(files) == {"paths", "sizes", "mtimes"}:
                # three parallel lists: read back without a Python call per file
                paths, sizes, mtimes = files["paths"], files["sizes"], files["mtimes"]
                if not (len(paths) == len(sizes) == len(mtimes)) or not all(map(_is_int, sizes[:1] + mtimes[:1])):
                    raise ValueError("a damaged manifest")
                table = dict(zip(map(str, paths), zip(sizes, mtimes)))
            else:
                table = {str(k): (int(v[0]), int(v[1])) for k, v in files.items()}
            return cls(
                schema=int(raw["schema"]),
                corpus=[str(p) for p in raw.get("corpus", [])],
                files=table,
                skipped={str(k): (int(v[0]), int(v[1]), str(v[2])) for k, v in raw.get("skipped", {}).items()},
                damaged=str(raw["damaged"]) if raw.get("damaged") else None,
                generation=int(raw["generation"]) if raw.get("generation") is not None else None,
                dumps={str(k): DumpEntry.from_json(v) for k, v in raw.get("dumps", {}).items()},
                suffixes={str(k): str(v) for k, v in raw.get("suffixes", {}).items()},
                outlets=[str(o) for o in raw.get("outlets", [])],
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def save(self, directory: Path) -> None:
        """Write the state file atomically (write a temporary file, then rename it)."""
        if directory in _IN_MEMORY:
            _IN_MEMORY[directory] = self.copy()
            return
        _make_private_dirs(directory)
        payload = {
            "schema": self.schema,
            "corpus": self.corpus,
            "files": {
                "paths": list(self.files),
                "sizes": [v[0] for v in self.files.values()],
                "mtimes": [v[1] for v in self.files.values()],
            },
            "skipped": {k: list(v) for k, v in self.skipped.items()},
        }
        if self.damaged:
            payload["damaged"] = self.damaged
        if self.generation is not None:
            payload["generation"] = self.generation
        if self.dumps:
            payload["dumps"] = {k: v.to_json() for k, v in self.dumps.items()}
        if self.suffixes:
            payload["suffixes"] = self.suffixes
        if self.outlets:
            payload["outlets"] = self.outlets
        write_json(directory / STATE_FILE, payload)  # ASCII: file names that are not UTF-8 survive as escapes


def write_json(path: Path, payload: object) -> None:
    """Write ``payload`` as JSON at ``path`` atomically (a temporary file, then a rename); raises :class:`OSError`."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def load_dump_options(directory: Path) -> dict[str, str]:
    """The dump fields the user named for this index (``DumpOptions.as_dict()``); ``{}`` when none or unreadable."""
    if directory in _IN_MEMORY:
        return dict(_MEMORY_OPTIONS.get(directory, {}))
    try:
        raw = json.loads((directory / OPTIONS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if isinstance(v, str)}


def save_dump_options(directory: Path, options: dict[str, str]) -> None:
    """Keep the dump fields the user named for this index (atomically); raises :class:`OSError`."""
    if directory in _IN_MEMORY:
        _MEMORY_OPTIONS[directory] = dict(options)
        return
    write_json(directory / OPTIONS_FILE, options)
