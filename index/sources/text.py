"""Plain-text articles (``.txt``, ``.md``): the decoded file is the article text."""

from __future__ import annotations

from collections.abc import Collection

from ..models import Article
from .decode import read_text
from .fileio import UnreadableFile
from .metadata import extract_metadata

__all__ = ["read_text_article"]


def read_text_article(path: str, known_outlets: Collection[str] = ()) -> Article:
    """Read the text file at the resolved ``path`` and recover its metadata from the text.

    ``known_outlets``: see :func:`~.metadata.extract_metadata`. Raises
    :class:`~.fileio.UnreadableFile` when the file cannot be read or decoded, and
    with reason ``"empty file"`` when it holds no text (only white space).
    """
    text, encoding = read_text(path)
    if not text.strip():
        raise UnreadableFile("empty file", path)
    return Article(key=path, path=path, text=text, meta=extract_metadata(text, known_outlets), encoding=encoding)
