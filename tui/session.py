"""What the reader remembers of each corpus between launches: the query, the article and where in it, the search history.

Kept as one small JSON file per corpus in the user data directory
(``$BYLINE_DATA_DIR`` overrides it). Losing or failing to write it costs the
user nothing but the restore, so every error here is swallowed.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from .settings import read_json, write_json

HISTORY_SIZE = 100
"""Queries kept in the search history of a corpus."""


def data_root() -> Path:
    """Where Byline keeps per-user state (``$BYLINE_DATA_DIR`` or the platform's data dir)."""
    override = os.environ.get("BYLINE_DATA_DIR")
    return Path(override).expanduser() if override else Path(user_data_dir("byline", appauthor=False))


def corpus_id(paths: list[str]) -> str:
    """A short stable name for the corpus made of ``paths`` (the folders as the engine resolved them)."""
    joined = "\n".join(sorted(paths))
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:20]


@dataclass
class Session:
    """The reader's state worth restoring for one corpus."""

    query: str = ""
    article: str | None = None
    top: int | None = None
    """Character offset of the first line the reader showed."""
    history: list[str] = field(default_factory=list)
    """Queries searched, oldest first."""

    @staticmethod
    def file_for(paths: list[str]) -> Path:
        """The session file of the corpus made of ``paths``."""
        return data_root() / "sessions" / f"{corpus_id(paths)}.json"

    @classmethod
    def load(cls, paths: list[str]) -> Session:
        """The saved session of this corpus, or a blank one; malformed parts are dropped."""
        raw = read_json(cls.file_for(paths))
        query = raw.get("query")
        article = raw.get("article")
        top = raw.get("top")
        history = raw.get("history")
        return cls(
            query=query if isinstance(query, str) else "",
            article=article if isinstance(article, str) else None,
            top=top if isinstance(top, int) and not isinstance(top, bool) and top >= 0 else None,
            history=[q for q in history if isinstance(q, str) and q.strip()][-HISTORY_SIZE:] if isinstance(history, list) else [],
        )

    def save(self, paths: list[str]) -> bool:
        """Write atomically; returns whether it worked."""
        data = asdict(self)
        data["history"] = self.history[-HISTORY_SIZE:]
        return write_json(self.file_for(paths), data)
