"""Writing the small files tests read (text or bytes, folders made as needed)."""

from __future__ import annotations

from pathlib import Path


def write_file(path: Path, content: str | bytes) -> Path:
    """Write ``content`` at ``path`` (UTF-8 for text), making its folders; returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
