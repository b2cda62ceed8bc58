"""Web pages (``.html``, ``.htm``): the article's main text and the page's metadata.

The extraction is trafilatura's (imported only when a page is read, so nothing
else pays for loading it): it keeps the article's paragraphs, headings, lists
and block quotes and leaves out navigation, cookie banners, "most read" lists,
footers and bylines. The extracted text, one paragraph per line with a blank
line between paragraphs, is *the* article text: every offset (hits, quotations)
indexes into it, the reader shows it, and words of the page's furniture are not
in it, so they are not searchable.

Metadata comes from the page: the title from ``og:title``/``<title>``/JSON-LD
``headline``, the outlet from ``og:site_name`` or JSON-LD ``publisher`` (else a
title suffix or the URL's domain, as for text files), the URL from
``<link rel=canonical>``/``og:url``, the date from ``article:published_time``,
JSON-LD ``datePublished`` and the like, the author from ``<meta name=author>`` or
JSON-LD. When the text opens with the headline, :attr:`ArticleMeta.title_span`
covers it and the body starts after it.
"""

from __future__ import annotations

import codecs
import functools
import json
import logging
import os
import re
from collections.abc import Collection
from typing import Any

from ..models import Article, ArticleMeta
from .decode import decode_bytes, normalise_newlines
from .fileio import UnreadableFile, read_bytes
from .metadata.dates import find_date
from .metadata.outlets import looks_like_outlet, outlet_key, split_outlet
from .metadata.titles import fallback_title
from .metadata.urls import outlet_from_url, safe_url

__all__ = ["HTML_ENCODING_PREFIX", "decode_page", "page_text", "read_html_article"]

HTML_ENCODING_PREFIX = "html/"
"""``Article.encoding`` of a page: this prefix, then the encoding of its bytes (``html/utf-8``)."""

_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_NO_TEXT = "no article text in the page"
"""Why a page whose main text is empty (or a few words of navigation) is skipped."""
_MIN_WORDS = 4
"""Fewer words than this are a page's furniture (``Home``), not an article."""
_JSON_LD_RE = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_ARTICLE_TYPES = frozenset({"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting"})
_CACHED_PAGES = 64
"""Pages whose extracted text is kept in memory (a search reads the top hits again)."""
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


def decode_page(data: bytes) -> tuple[str, str]:
    """The markup of a page as text: in the charset its ``<meta>`` declares, else as a text file is decoded."""
    head = data[:4096]
    m = _CHARSET_RE.search(head)
    if m and not head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            codec = codecs.lookup(m.group(1).decode("ascii")).name
            return normalise_newlines(data.decode(codec)), codec
        except (LookupError, UnicodeDecodeError, ValueError):
            pass  # a wrong declaration: let the bytes say
    return decode_bytes(data)


@functools.cache
def _trafilatura() -> Any:
    """Import trafilatura once, the first time a page is read; keep its loggers off the terminal."""
    for name in _QUIET_LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
    import trafilatura

    return trafilatura


def _extract(markup: str) -> Any:
    """trafilatura's document for ``markup`` (``None`` when it finds no main text)."""
    try:
        trafilatura = _trafilatura()
    except ImportError as exc:  # an install without it: say so, per page
        raise UnreadableFile("cannot read web pages (trafilatura is not installed)") from exc
    try:
        return trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - a page that breaks the extractor is one skipped file
        raise UnreadableFile("cannot extract the article from the page") from exc


def page_text(extracted: str) -> str:
    """The article text from trafilatura's plain text: one paragraph per line, a blank line between them."""
    lines = (" ".join(line.split()) for line in normalise_newlines(extracted).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _clean(value: Any) -> str | None:
    """A metadata value as one line of text, or ``None``."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _page_meta(fields: dict[str, str | None], text: str, known_outlets: Collection[str]) -> ArticleMeta:
    """Title, outlet, URL, date and author of a page, with the title's place in ``text``."""
    url = safe_url(fields.get("url"))
    site = fields.get("sitename")
    site = site.lstrip("@") if site else None
    if site and not looks_like_outlet(site):
        site = None
    full_title = fields.get("title") or ""
    title = full_title
    known = set(known_outlets) | ({outlet_key(site)} if site else set())
    suffix_outlet: str | None = None
    title_suffix: str | None = None
    if title:
        (start, end), suffix_outlet, title_suffix = split_outlet(title, 0, len(title), url=url, known=known)
        title = title[start:end].strip()
    author = fields.get("author")
    if author:
        author = ", ".join(a.strip() for a in author.split(";") if a.strip()) or None
    raw_date = fields.get("date")
    found = find_date(raw_date) if raw_date else None
    outlet = site or suffix_outlet or (url and outlet_from_url(url)) or None

    first, _, rest = text.partition("\n\n")
    title_span = None
    body_start = 0
    if title and first in (title, full_title) and first.startswith(title):
        title_span = (0, len(title))  # the text opens with the headline
        if rest.strip():
            body_start = len(first) + 2
    if not title:
        title = fallback_title(text, 0)
    return ArticleMeta(
        title=title,
        outlet=outlet,
        url=url,
        date=found[0] if found else None,
        author=author,
        body_start=body_start,
        title_span=title_span,
        title_suffix=title_suffix,
    )


_PAGE_FIELDS = ("title", "url", "sitename", "author", "date")


@functools.lru_cache(maxsize=_CACHED_PAGES)
def _read_page(path: str, size: int, mtime_ns: int) -> tuple[str, dict[str, str | None], str]:
    """``(article text, the page's metadata fields, encoding)`` of the page at ``path`` as it is now.

    ``size`` and ``mtime_ns`` are part of the cache key: a changed page is read again.
    """
    markup, encoding = decode_page(read_bytes(path))
    doc = _extract(markup)
    if doc is None:
        return "", {}, encoding
    fields = {name: _clean(getattr(doc, name, None)) for name in _PAGE_FIELDS}
    if not fields["url"]:
        fields["url"] = _json_ld_url(markup)
    return page_text(doc.text or ""), fields, encoding


def _json_ld_url(markup: str) -> str | None:
    """The ``url`` (or ``mainEntityOfPage``) of the page's JSON-LD article, which trafilatura leaves aside."""
    for block in _JSON_LD_RE.findall(markup[:500_000]):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if not isinstance(item, dict):
                continue
            kinds = item.get("@type")
            kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
            if not any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                continue
            for key in ("url", "mainEntityOfPage"):
                value = item.get(key)
                if isinstance(value, dict):
                    value = value.get("@id") or value.get("url")
                if isinstance(value, str) and safe_url(value):
                    return value
    return None


def read_html_article(path: str, known_outlets: Collection[str] = ()) -> Article:
    """Read the web page at the resolved ``path``: its main text and its metadata.

    Raises :class:`~.fileio.UnreadableFile` when the file cannot be read or
    decoded, ``"empty file"`` for a blank one, ``"no article text in the page"``
    when the page has no main text.
    """
    try:
        st = os.stat(path)
    except OSError:
        read_bytes(path)  # raises the reason
        raise
    try:
        text, fields, encoding = _read_page(path, st.st_size, st.st_mtime_ns)
    except UnreadableFile as exc:
        raise UnreadableFile(exc.reason, path) from None
    if len(text.split()) < _MIN_WORDS:
        raise UnreadableFile("empty file" if not text.strip() and st.st_size == 0 else _NO_TEXT, path)
    meta = _page_meta(fields, text, known_outlets)
    return Article(key=path, path=path, text=text, meta=meta, encoding=HTML_ENCODING_PREFIX + encoding)
