"""Reading an indexed article back: its text as the reader shows it, with the metadata the index holds.

An article is addressed by its file's path, or ``PATH#N`` for record N of a
dump (:func:`locate`). Reading it back (:func:`read_indexed`) costs one read:
a web page's extracted text is kept in the index (extracting it again takes
2–40 ms a page), a dump record is read straight from its byte offset. A file
changed since it was indexed is read afresh, metadata included, so what the
reader shows always matches the offsets it is given.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from .documents import meta_from_stored
from .models import Article, ArticleMeta
from .sources import DumpOptions, UnreadableFile
from .sources.walk import is_dump_name
from .state import IndexState

__all__ = ["locate", "read_indexed"]


def locate(address: str) -> tuple[str, str, int | None]:
    """``(document key, file path, record number or None)`` of an article's address, with links resolved.

    ``PATH#N`` is record N of the dump at PATH (a file whose own name ends in
    ``#N`` is itself, when it exists and PATH is no dump file).
    """
    head, sep, tail = address.rpartition("#")
    if sep and tail.isdigit() and is_dump_name(head) and not (os.path.isfile(address) and not os.path.isfile(head)):
        path = os.path.realpath(head)
        record = int(tail)
        return f"{path}#{record}", path, record
    path = os.path.realpath(address)
    return path, path, None


def _same_file(path: str, signature: tuple[int, int] | None) -> bool:
    """Whether the file at ``path`` has the (size, mtime_ns) ``signature`` the manifest keeps."""
    if signature is None:
        return False
    try:
        info = os.stat(path)
    except OSError:
        return False
    return (info.st_size, info.st_mtime_ns) == tuple(signature)


def read_indexed(
    path: str,
    record: int | None,
    stored: dict[str, Any] | None,
    state: IndexState | None,
    options: DumpOptions,
) -> Article:
    """The article at ``path`` (record ``record`` of a dump), as the reader shows it.

    ``stored``: its stored fields, if it is indexed; ``state``: the manifest;
    ``options``: the dump options in force (a dump's own, from the manifest,
    come first). Raises :class:`~.sources.UnreadableFile` (or ``OSError``).
    """
    info: dict[str, Any] = stored.get("info", {}) if stored is not None else {}
    if record is None and is_dump_name(path):
        raise UnreadableFile("a dump holds an article per record: read PATH#N", path)
    if record is not None:
        article = _record(path, record, info, state, options)
    else:
        article = _file(path, stored, info, state)
    root, folder = info.get("root"), info.get("folder")
    return replace(
        article,
        root=root if isinstance(root, str) and root else os.path.dirname(path),
        folder=folder if isinstance(folder, str) else "",
    )


def _file(path: str, stored: dict[str, Any] | None, info: dict[str, Any], state: IndexState | None) -> Article:
    """A text file or a web page: the kept text of an unchanged page, else the file; metadata from the index."""
    from .sources import load_article  # the readers of every format: loaded when first needed

    same = stored is not None and state is not None and _same_file(path, state.files.get(path))
    kept = info.get("text") if same else None
    if isinstance(kept, str):
        text, encoding = kept, str(info.get("encoding") or "utf-8")
    else:
        text, encoding = article_text(path)
    meta: ArticleMeta | None = meta_from_stored(stored) if stored is not None else None
    if meta is None or len(text) < meta.body_start or not same:
        known = frozenset(state.outlets) if state is not None else frozenset()
        meta = load_article(path, known_outlets=known).meta  # not indexed, or changed since: read it afresh
    return Article(key=path, path=path, text=text, meta=meta, encoding=encoding)


def _record(path: str, record: int, info: dict[str, Any], state: IndexState | None, options: DumpOptions) -> Article:
    """A dump record: from its byte offset when the dump is as it was indexed, else found from the start."""
    entry = state.dumps.get(path) if state is not None else None
    if entry is not None:
        options = DumpOptions.from_dict(entry.options)
    offset = info.get("offset")
    usable = (
        entry is not None
        and entry.complete
        and isinstance(offset, int)
        and _same_file(path, (entry.size, entry.mtime_ns))
    )
    from .sources import read_record

    return read_record(path, record, options, offset=offset if usable else None)


def article_text(path: str) -> tuple[str, str]:
    """``(text, encoding)`` of an article file (:func:`~.sources.article_text`, its readers loaded on first use)."""
    from .sources import article_text as read

    return read(path)
