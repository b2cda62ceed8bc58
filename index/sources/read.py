"""The entry points that read a file of the corpus, whatever its format.

* :func:`load_article` — a file that is one article: plain text (``.txt``,
  ``.md``, or any file named explicitly) or a web page (``.html``, ``.htm``);
* :func:`article_text` — just the text the reader shows of such a file (no metadata);
* :func:`read_file` / :func:`iter_file` — any file, dumps included: every article in
  it and every record skipped with its reason (see :mod:`.dumps`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, replace

from ..models import Article, SkippedFile
from .decode import read_text
from .dumps import DumpOptions, DumpProgress, iter_dump
from .walk import FileStat, is_dump_name, resolve_path

__all__ = ["FileRead", "article_text", "is_page", "iter_file", "load_article", "read_file"]

PAGE_SUFFIXES = frozenset({".html", ".htm"})
"""Suffixes (lower-case) of web pages."""


def is_page(path: str) -> bool:
    """True when the file at ``path`` is read as a web page (by its suffix)."""
    return os.path.splitext(path)[1].lower() in PAGE_SUFFIXES


def load_article(stat_or_path: FileStat | str | os.PathLike[str], known_outlets: Collection[str] = ()) -> Article:
    """Read one article file (text or web page) and recover its metadata.

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
    from .html import read_html_article  # the readers and their metadata patterns: loaded when first used
    from .text import read_text_article

    reader = read_html_article if is_page(path) else read_text_article
    article = reader(path, known_outlets)
    return replace(article, root=root or os.path.dirname(path), folder=folder)


def article_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """``(text, encoding)`` of the article file at ``path``: what the reader shows and offsets index.

    The decoded file for a text file; the extracted main text for a web page
    (recently read pages are cached). Raises :class:`~.fileio.UnreadableFile`.
    """
    name = os.fspath(path)
    if not is_page(name):
        return read_text(name)
    from .html import read_html_article

    article = read_html_article(name)
    return article.text, article.encoding




@dataclass
class FileRead:
    """Everything in one file: its articles (one for a text file or a page, one per record of a dump)."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    """Records of a dump that hold no article, each as ``PATH#N`` with its reason."""


def iter_file(
    stat_or_path: FileStat | str | os.PathLike[str],
    options: DumpOptions | None = None,
    known_outlets: Collection[str] = (),
    progress: Callable[[DumpProgress], None] | None = None,
) -> Iterator[Article | SkippedFile]:
    """Every article of a file of the corpus, and every record skipped, as they are read (streaming).

    A text file or a web page gives one :class:`~byline.index.models.Article`; a
    dump (``.jsonl``, ``.ndjson``, ``.csv``, ``.tsv``) one per record, or a
    :class:`~byline.index.models.SkippedFile` ``PATH#N`` for a malformed record,
    with ``progress`` called after each record. Raises :class:`~.fileio.UnreadableFile`
    when the file as a whole cannot be read.
    """
    if isinstance(stat_or_path, FileStat):
        path, root, folder = resolve_path(stat_or_path.path), stat_or_path.root, stat_or_path.folder
    else:
        path = resolve_path(stat_or_path)
        root, folder = os.path.dirname(path), ""
    if not is_dump_name(path):
        yield load_article(FileStat(path, 0, 0, root, folder), known_outlets)
        return
    for item in iter_dump(path, options, progress):
        if item.article is not None:
            yield replace(item.article, root=root or os.path.dirname(path), folder=folder)
        elif item.skipped is not None:
            yield item.skipped


def read_file(
    stat_or_path: FileStat | str | os.PathLike[str],
    options: DumpOptions | None = None,
    known_outlets: Collection[str] = (),
) -> FileRead:
    """:func:`iter_file` collected: every article in the file and every record skipped with its reason."""
    out = FileRead()
    for item in iter_file(stat_or_path, options, known_outlets):
        if isinstance(item, Article):
            out.articles.append(item)
        else:
            out.skipped.append(item)
    return out
