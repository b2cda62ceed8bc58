"""The one entry point that reads a file of the corpus, whatever its format."""

from __future__ import annotations

import os

from ..models import Article
from .text import read_text_article
from .walk import FileStat, resolve_path

__all__ = ["load_article"]


def load_article(stat_or_path: FileStat | str | os.PathLike[str]) -> Article:
    """Read one article file and recover its metadata.

    ``Article.key`` and ``Article.path`` are the resolved path. Raises
    :class:`~.fileio.UnreadableFile` when the file cannot be read or decoded, and
    with reason ``"empty file"`` when it holds no text (only white space).
    """
    raw = stat_or_path.path if isinstance(stat_or_path, FileStat) else stat_or_path
    return read_text_article(resolve_path(raw))
