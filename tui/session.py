"""What the reader remembers between launches: the last query and open article, per corpus.

Kept as one small JSON file per corpus in the user data directory
(``$BYLINE_DATA_DIR`` overrides it). Losing or failing to write it costs the
user nothing but the restore, so every error here is swallowed.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_data_dir

from ..index.sources import corpus_key


def data_root() -> Path:
    """Where Byline keeps per-user state (``$BYLINE_DATA_DIR`` or the platform's data dir)."""
    override = os.environ.get("BYLINE_DATA_DIR")
    return Path(override).expanduser() if override else Path(user_data_dir("byline", appauthor=False))


@dataclass
class Session:
    """The reader's state worth restoring."""

    query: str = ""
    article: str | None = None

    @staticmethod
    def file_for(paths: list[str]) -> Path:
        """The session file of the corpus made of ``paths``."""
        return data_root() / "sessions" / f"{corpus_key(paths)}.json"

    @classmethod
    def load(cls, paths: list[str]) -> Session:
        """The saved session of this corpus, or a blank one."""
        try:
            raw = json.loads(cls.file_for(paths).read_text(encoding="utf-8"))
            query = raw.get("query", "")
            article = raw.get("article")
            return cls(query=query if isinstance(query, str) else "", article=article if isinstance(article, str) else None)
        except (OSError, ValueError, AttributeError):
            return cls()

    def save(self, paths: list[str]) -> bool:
        """Write atomically; returns whether it worked."""
        target = self.file_for(paths)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".session-", dir=target.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self), fh, ensure_ascii=False)
            os.replace(tmp, target)
            return True
        except (OSError, ValueError):
            return False
