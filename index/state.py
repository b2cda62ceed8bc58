"""Where an index lives and what it remembers about the files it indexed.

An index directory holds ``byline-index.json`` (schema version, corpus paths and
the manifest: size and mtime of every indexed or skipped file) and ``whoosh/``
with the Whoosh files. The manifest is written atomically after every commit, so
it never claims more than the index holds; on the next open, a stat walk against
it finds what is new, changed or gone without reading any article.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from .corpus import corpus_key

STATE_FILE = "byline-index.json"
WHOOSH_DIR = "whoosh"


def cache_root() -> Path:
    """The user's cache directory for Byline indexes (``BYLINE_CACHE_DIR`` overrides it)."""
    override = os.environ.get("BYLINE_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_cache_dir("byline", appauthor=False)) / "indexes"


def default_index_dir(paths: Sequence[str]) -> Path:
    """Where the index of the corpus made of ``paths`` is kept by default."""
    return cache_root() / corpus_key(paths)


@dataclass
class IndexState:
    """The contents of ``byline-index.json``."""

    schema: int
    corpus: list[str] = field(default_factory=list)
    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Indexed file key → (size, mtime_ns) when it was indexed."""
    skipped: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    """Unreadable file key → (size, mtime_ns, reason), so it is not read again until it changes."""

    @classmethod
    def load(cls, directory: Path) -> IndexState | None:
        """Read the state file; ``None`` when it is missing or unreadable."""
        try:
            raw = json.loads((directory / STATE_FILE).read_text(encoding="utf-8"))
            return cls(
                schema=int(raw["schema"]),
                corpus=[str(p) for p in raw.get("corpus", [])],
                files={str(k): (int(v[0]), int(v[1])) for k, v in raw.get("files", {}).items()},
                skipped={str(k): (int(v[0]), int(v[1]), str(v[2])) for k, v in raw.get("skipped", {}).items()},
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def save(self, directory: Path) -> None:
        """Write the state file atomically (write a temporary file, then rename it)."""
        directory.mkdir(parents=True, exist_ok=True)
        payload = {
            "schema": self.schema,
            "corpus": self.corpus,
            "files": {k: list(v) for k, v in self.files.items()},
            "skipped": {k: list(v) for k, v in self.skipped.items()},
        }
        fd, tmp = tempfile.mkstemp(prefix=".state-", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(payload, fh)  # ASCII: file names that are not UTF-8 survive as escapes
            os.replace(tmp, directory / STATE_FILE)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
