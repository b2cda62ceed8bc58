"""Turning an article into what the index stores, and back.

The searchable text is the article text with metadata and boilerplate lines
replaced by spaces: it has the same length, so offsets found in it are offsets
in the article text. Besides its metadata and quotations, a document keeps
where its article stands: the corpus root and folder, the record number and
byte offset of a dump record (read again straight from there), and the
extracted text of a web page (so the reader and search snippets need not run
the extractor again).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from .models import Article, ArticleMeta, ArticleSummary, Quote, Span, article_key
from .store.schema import KEY, PATH, IndexDocument

ROLE_SEP = "\x1f"
KIND_MARK = "\x1e"
"""A speaker's kind rides in the roles field as ``name ROLE_SEP KIND_MARK kind`` (no schema change)."""


def searchable_text(text: str, meta: ArticleMeta) -> str:
    """``text`` with metadata lines (before the body, except the title) and boilerplate blanked."""
    return blank(text, blanked_lines(text, meta))


def blanked_lines(text: str, meta: ArticleMeta) -> list[tuple[int, int]]:
    """The (start, end) of each line :func:`searchable_text` blanks: metadata before the body, boilerplate."""
    from .sources.metadata import is_boilerplate_line  # imported when first needed: it compiles many patterns

    out: list[tuple[int, int]] = []
    pos = 0
    title = meta.title_span
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line)
        pos = end
        in_title = title is not None and start <= title[0] < end
        before_body = end <= meta.body_start
        if not in_title and (before_body or is_boilerplate_line(line.strip())):
            if out and out[-1][1] == start:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
    return out


def blank(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """``text`` with the characters of ``ranges`` replaced by spaces, line breaks kept (same length)."""
    out: list[str] = []
    pos = 0
    for start, end in ranges:
        if start < pos or end > len(text):
            return text
        out.append(text[pos:start])
        piece = text[start:end]
        out.append(" " * len(piece) if "\n" not in piece else "".join("\n" if ch == "\n" else " " for ch in piece))
        pos = end
    out.append(text[pos:])
    result = "".join(out)
    return result if len(result) == len(text) else text


def searchable_from_stored(text: str, meta: ArticleMeta, stored: dict[str, Any] | None) -> str:
    """:func:`searchable_text`, with the blanked lines found at indexing time when the text is the one indexed."""
    info = stored.get("info", {}) if stored else {}
    ranges = info.get("blank")
    if isinstance(ranges, list) and info.get("length") == len(text):
        try:
            return blank(text, [(int(a), int(b)) for a, b in ranges])
        except (TypeError, ValueError):
            pass
    return searchable_text(text, meta)


def quote_key(text: str) -> str | None:
    """A short hash standing for the words of a quote, or ``None`` if it has no words."""
    from .quotes import normalize_quote_text  # imported when first needed: it compiles many patterns

    norm = normalize_quote_text(text)
    if not norm:
        return None
    return hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()


def location_text(article: Article) -> str:
    """What ``path:`` searches: the article's folder under the corpus root and its file name."""
    name = os.path.basename(article.path)
    return f"{article.folder}/{name}" if article.folder else name


def to_index_document(article: Article, quotes: list[Quote], offset: int | None = None) -> IndexDocument:
    """Everything the index needs to know about one article (its file signature is the manifest's).

    ``offset``: for a dump record, the byte offset where it starts in the dump.
    """
    meta = article.meta
    attributed = [q for q in quotes if q.speaker]
    names = sorted({q.speaker for q in attributed if q.speaker})
    roles = sorted(
        {f"{q.speaker}{ROLE_SEP}{q.role}" for q in attributed if q.speaker and q.role}
        | {f"{q.speaker}{ROLE_SEP}{KIND_MARK}{q.speaker_kind}" for q in attributed if q.speaker and q.speaker_kind}
    )
    each = [quote_key(q.text) for q in quotes]
    keys = [k for k in each if k]
    blanks = blanked_lines(article.text, meta)
    info: dict[str, Any] = {
        "meta": asdict(meta),
        "quotes": [asdict(q) for q in quotes],
        "keys": each,
        "blank": [list(r) for r in blanks],
        "length": len(article.text),
        "encoding": article.encoding,
        "root": article.root,
        "folder": article.folder,
    }
    if article.record is not None:
        info["record"] = article.record
        info["offset"] = offset
    elif _is_page(article.path):
        info["text"] = article.text  # the extractor's output: 2-40 ms a page to make again
    return IndexDocument(
        key=article.key,
        path=article.path,
        title=meta.title,
        searchable=blank(article.text, blanks),
        outlet=meta.outlet,
        url=meta.url,
        date=meta.date,
        author=meta.author,
        speakers=names,
        quote_texts=[q.text for q in quotes],
        quote_keys=sorted(set(keys)),
        speaker_names=[q.speaker for q in attributed if q.speaker],
        speaker_roles=roles,
        info=info,
        location=location_text(article),
    )


def stored_path(stored: dict[str, Any]) -> str:
    """The file of a stored article (for a dump record, the dump)."""
    return str(stored.get(PATH) or stored.get(KEY) or "")


def stored_record(stored: dict[str, Any]) -> int | None:
    """The record number of a stored dump record, else ``None``."""
    record = stored.get("info", {}).get("record")
    return record if isinstance(record, int) and not isinstance(record, bool) else None


def stored_key(stored: dict[str, Any]) -> str:
    """The address of a stored article: its path, or ``PATH#N`` for a dump record."""
    return article_key(stored_path(stored), stored_record(stored))


def meta_from_stored(stored: dict[str, Any]) -> ArticleMeta:
    """The :class:`ArticleMeta` kept in a document's stored fields."""
    raw = dict(stored.get("info", {}).get("meta", {}))
    span = raw.get("title_span")
    raw["title_span"] = tuple(span) if span else None
    try:
        return ArticleMeta(**raw)
    except TypeError:
        return ArticleMeta(title=str(stored.get("title") or stored_path(stored)))


def quotes_from_stored(stored: dict[str, Any]) -> list[Quote]:
    """The quotes kept in a document's stored fields, in reading order."""
    out: list[Quote] = []
    for raw in stored.get("info", {}).get("quotes", []):
        try:
            out.append(Quote(**raw))
        except TypeError:
            continue
    return out


def summary_from_stored(stored: dict[str, Any]) -> ArticleSummary:
    """The document-list entry of an indexed article."""
    meta = meta_from_stored(stored)
    quotes = quotes_from_stored(stored)
    speakers = tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker))
    folder = stored.get("info", {}).get("folder")
    return ArticleSummary(
        path=stored_path(stored),
        title=meta.title,
        outlet=meta.outlet,
        date=meta.date,
        author=meta.author,
        url=meta.url,
        quotes=len(quotes),
        speakers=tuple(s for s in speakers if s),
        record=stored_record(stored),
        folder=folder if isinstance(folder, str) else "",
    )


SUMMARY_TAG = "summary3"
"""Names the format of :func:`summary_json`: change it when that changes."""


def summary_json(stored: dict[str, Any]) -> list[Any]:
    """The document-list entry of an indexed article, as JSON values (see :func:`summary_from_json`)."""
    s = summary_from_stored(stored)
    return [s.path, s.title, s.outlet, s.date, s.author, s.url, s.quotes, list(s.speakers), s.record, s.folder]


def summary_from_json(raw: list[Any]) -> ArticleSummary:
    """The :class:`ArticleSummary` :func:`summary_json` made."""
    path, title, outlet, date, author, url, quotes, speakers, record, folder = raw
    return ArticleSummary(
        path=str(path),
        title=str(title),
        outlet=outlet,
        date=date,
        author=author,
        url=url,
        quotes=int(quotes),
        speakers=tuple(str(s) for s in speakers),
        record=int(record) if record is not None else None,
        folder=str(folder),
    )


def quote_keys_from_stored(stored: dict[str, Any]) -> list[str | None]:
    """The key (:func:`quote_key`) of each quote kept in a document's stored fields, in reading order."""
    info = stored.get("info", {})
    keys = info.get("keys")
    quotes = info.get("quotes", [])
    if isinstance(keys, list) and len(keys) == len(quotes):
        return [k if isinstance(k, str) else None for k in keys]
    return [quote_key(str(q.get("text", ""))) for q in quotes]


def quote_spans(quotes: Iterable[Quote]) -> list[Span]:
    """Where the quotes stand in the text."""
    return [(q.start, q.end) for q in quotes]


def _is_page(path: str) -> bool:
    """Whether ``path`` is a web page (:func:`~.sources.is_page`, imported only when indexing)."""
    from .sources import is_page

    return is_page(path)
