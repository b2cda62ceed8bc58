"""The one entry point that reads a file of the corpus, whatever its format."""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import replace

from ..models import Article
from .text import read_text_article
from .walk import FileStat, resolve_path

__all__ = ["load_article"]


def load_article(stat_or_path: FileStat | str | os.PathLike[str], known_outlets: Collection[str] = ()) -> Article:
    """Read one article file and recover its metadata.

    ``Article.key`` and ``Article.path`` are the resolved path; the article also
    knows its corpus root and folder (from the walk's :class:`~.walk.FileStat`; a
    bare path is placed as the walk places a file given by name: its own folder).
    ``known_outlets``: see :func:`~.metadata.extract_metadata`. Raises
    :class:`~.fileio.UnreadableFile` when the file cannot be read or decoded, and
    with reason ``"empty file"`` when it holds no text (only white space).
    """
    if isinstance(stat_or_path, FileStat):
        path, root, folder = resolve_path(stat_or_path.path), stat_or_path.root, stat_or_path.folder
    else:
        path = resolve_path(stat_or_path)
        root, folder = os.path.dirname(path), ""  # as the walk places a file given by name
    article = read_text_article(path, known_outlets)
    return replace(article, root=root or os.path.dirname(path), folder=folder)
