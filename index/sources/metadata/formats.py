"""The layouts of a plain-text article, and the extractor that reads them.

One file is one article. News corpora scraped from feeds carry their metadata in
many loose forms, all of which :func:`extract_metadata` understands:

* labelled lines anywhere in the text: ``Source link : URL``, ``URL:``,
  ``Source: Reuters``, ``Author :``, ``Publish date : 2024-11-07 21:21:00``,
  ``Published: November 7, 2024``, ``Date: 7 Nov 2024``, ``Title:``...;
* a leading ``date YYYY-MM-DD URL`` line (possibly indented), a bare URL or a bare
  date line at the top, a ``By Jane Doe`` line near the top;
* a markdown front matter block (``---`` ... ``---``) and ``# Heading`` lines;
* a headline as the first line (optionally in quotes), possibly with an
  ``– Outlet`` / ``- Outlet`` / ``| Outlet`` suffix naming the outlet.

Title precedence: a ``Title:`` line, then a headline line of the text, then the
slug of the article URL, then the opening words of the body. Outlet precedence:
an ``Outlet:``/``Publisher:``/non-URL ``Source:`` line, then the title suffix, then
the URL's domain (``www.`` dropped). Date precedence: a labelled publication date,
then any other labelled date (``Updated:``), then a date in the URL path.

Only ``\\n`` separates lines (the article text is normalised, see
:mod:`byline.index.sources.decode`); offsets in the result index into the text as
given. Nothing here ever raises on any text.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ...models import ArticleMeta, Span
from .dates import date_from_url, find_date, is_bare_date
from .labels import (
    Label,
    byline_author,
    clean_author,
    clean_value,
    date_url_line,
    is_furniture,
    parse_label,
)
from .outlets import looks_like_outlet, split_outlet
from .patterns import LazyPattern
from .titles import HEADING_RE, SETEXT_RE, dateline, fallback_title, first_words, is_headline, strip_span, unwrap_title
from .urls import URL_RE, clean_url, is_bare_url, outlet_from_url, title_from_url, unwrap_url

__all__ = ["extract_metadata"]

_LEADING_BYLINE_LINES = 8
"""A ``By Jane Doe`` line counts only among this many non-blank lines at the top."""
_FRONT_MATTER_KEY_RE = LazyPattern(r"^[A-Za-z_][\w -]*:")


@dataclass
class _Line:
    """One line of the text with its offset."""

    start: int
    text: str

    @property
    def end(self) -> int:
        """Offset just past the line (before its ``\\n``)."""
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        """True for an empty or white-space-only line."""
        return not self.text.strip()

    @property
    def first_char(self) -> int:
        """Offset of the first non-space character (the line end for a blank line)."""
        return self.start + (len(self.text) - len(self.text.lstrip()))


def _split_lines(text: str) -> list[_Line]:
    """Split on ``\\n`` only, keeping offsets."""
    lines: list[_Line] = []
    pos = 0
    for part in text.split("\n"):
        lines.append(_Line(pos, part))
        pos += len(part) + 1
    return lines


@dataclass
class _Found:
    """Metadata gathered while reading the lines."""

    title_from_label: bool = False
    title_span: Span | None = None
    outlet_label: str | None = None
    url: str | None = None
    bare_url: str | None = None
    date: str | None = None
    updated: str | None = None
    author: str | None = None
    author_seen: bool = False


def _read_label(found: _Found, label: Label, line: _Line) -> None:
    """Record what a labelled line says (first value of each kind wins)."""
    value = label.value
    kind = label.kind
    if kind == "title":
        span = strip_span(line.text, label.value_start, len(line.text))
        if found.title_span is None and span[1] > span[0]:
            start, end = line.start + span[0], line.start + span[1]
            found.title_span = (start, end)
            found.title_from_label = True
    elif kind == "url" or (kind == "outlet" and URL_RE.match(value.strip())):
        m = URL_RE.search(value)
        if m:
            if found.url is None:
                found.url = unwrap_url(clean_url(m.group()))
        elif value.strip() and found.outlet_label is None and label.label == "source":
            name = clean_value(value)
            if looks_like_outlet(name):
                found.outlet_label = name  # Source: Reuters
    elif kind == "outlet":
        name = clean_value(value)
        if found.outlet_label is None and looks_like_outlet(name):
            found.outlet_label = name
    elif kind in ("date", "updated"):
        hit = find_date(value)
        if hit is not None:
            if kind == "date" and found.date is None:
                found.date = hit[0]
            elif kind == "updated" and found.updated is None:
                found.updated = hit[0]
        m = URL_RE.search(value)
        if m and found.url is None:
            found.url = unwrap_url(clean_url(m.group()))
    elif kind == "author":
        if not found.author_seen:
            found.author_seen = True
            found.author = clean_author(value)


def _is_meta_line(line: _Line, found: _Found, *, leading: bool) -> bool:
    """Recognise a metadata/boilerplate line, recording its values; True when it is one."""
    s = line.text
    label = parse_label(s)
    if label is not None:
        _read_label(found, label, line)
        return True
    dated = date_url_line(s)
    if dated is not None:
        iso, url, _ = dated
        if found.date is None:
            found.date = iso
        if found.url is None:
            found.url = unwrap_url(clean_url(url))
        return True
    if is_bare_url(s):
        if found.bare_url is None:
            found.bare_url = unwrap_url(clean_url(s.strip()))
        return True
    if leading and is_bare_date(s):
        if found.date is None:
            hit = find_date(s)
            if hit is not None:
                found.date = hit[0]
        return True
    if leading:
        author = byline_author(s)
        if author is not None:
            if not found.author_seen:
                found.author_seen = True
                found.author = author
            return True
    return is_furniture(s)


def extract_metadata(text: str, known_outlets: Collection[str] = ()) -> ArticleMeta:
    """Recover title, outlet, URL, date, author and the body start from an article's text.

    Never raises: any text gives an :class:`ArticleMeta` whose title is non-empty
    unless the text is blank (then it is ``""``), and whose offsets lie within the
    text. When the title was taken from a line, ``title_span`` covers it and
    ``" ".join(text[start:end].split()) == title``. When the only line of the
    text is a headline, that line is both the title and the body
    (``body_start`` points at it).

    ``known_outlets`` are outlet names (:func:`~.outlets.outlet_key` s) the corpus
    as a whole has shown to be outlets (:class:`~.outlets.OutletVotes`): a headline's
    ``- Name`` suffix among them is taken for the outlet.
    """
    try:
        return _extract(text, known_outlets)
    except Exception:  # noqa: BLE001 - a bug here must not lose the article
        return ArticleMeta(title=first_words(text))


def _extract(text: str, known_outlets: Collection[str] = ()) -> ArticleMeta:
    """The body of :func:`extract_metadata`."""
    if not text.strip():
        return ArticleMeta(title="", body_start=0)
    lines = _split_lines(text)
    found = _Found()
    meta_lines: set[int] = set()

    # Markdown front matter: every line inside it is metadata.
    i = 0
    while i < len(lines) and lines[i].blank:
        i += 1
    if (
        i + 1 < len(lines)
        and lines[i].text.strip() == "---"
        and _FRONT_MATTER_KEY_RE.match(lines[i + 1].text)
    ):
        for j in range(i + 1, min(len(lines), i + 60)):
            if lines[j].text.strip() in ("---", "..."):
                for k in range(i, j + 1):
                    meta_lines.add(k)
                    if i < k < j:
                        _is_meta_line(lines[k], found, leading=True)
                break

    # Leading metadata, boilerplate and blank lines.
    pos = 0
    nonblank_seen = 0
    while pos < len(lines):
        line = lines[pos]
        if line.blank or pos in meta_lines:
            pos += 1
            continue
        if _is_meta_line(line, found, leading=True):
            meta_lines.add(pos)
            nonblank_seen += 1
            pos += 1
            continue
        break

    # The title line (its outlet suffix is split off once the URL is known).
    title_line: int | None = None
    other_headline: Span | None = None
    if pos < len(lines):
        line = lines[pos]
        nxt = _next_content(lines, pos + 1, meta_lines)
        heading = HEADING_RE.match(line.text)
        setext = nxt is not None and nxt == pos + 1 and SETEXT_RE.match(lines[nxt].text)
        span: Span = (line.start, line.start)
        if heading:
            span = strip_span(text, line.start + heading.start(2), line.start + heading.end(2))
            if span[1] > span[0]:
                title_line = pos
                if setext:
                    meta_lines.add(pos + 1)
        elif setext and is_headline(line.text, None):
            title_line = pos
            span = strip_span(text, line.start, line.end)
            meta_lines.add(pos + 1)
        elif is_headline(line.text, lines[nxt].text if nxt is not None else None):
            title_line = pos
            span = strip_span(text, line.start, line.end)
        if title_line is not None and found.title_span is None:
            span = unwrap_title(text, *span)
            if span[1] > span[0]:
                found.title_span = span
            else:
                title_line = None
        elif title_line is not None:
            other_headline = unwrap_title(text, *span)  # a Title: line won: this headline may name the outlet

    # After the title: more metadata lines (By-line, date), then the body.
    body_line = pos
    if title_line is not None:
        body_line = title_line + 1
        while body_line < len(lines):
            line = lines[body_line]
            if line.blank or body_line in meta_lines:
                body_line += 1
                continue
            if nonblank_seen < _LEADING_BYLINE_LINES and _is_meta_line(line, found, leading=True):
                meta_lines.add(body_line)
                nonblank_seen += 1
                body_line += 1
                continue
            break
        if body_line >= len(lines) or _next_content(lines, body_line, meta_lines) is None:
            # Nothing but the title: the title line is the body too.
            body_line = title_line

    # Labelled lines anywhere else (e.g. ``Source link :`` at the end).
    last_content = [k for k in range(len(lines)) if not lines[k].blank][-3:]
    for k, line in enumerate(lines):
        if k in meta_lines or k == title_line or line.blank:
            continue
        label = parse_label(line.text)
        if label is not None:
            _read_label(found, label, line)
        elif (dated := date_url_line(line.text)) is not None:
            found.date = found.date or dated[0]
            found.url = found.url or unwrap_url(clean_url(dated[1]))
        elif k in last_content and is_bare_url(line.text) and found.bare_url is None:
            found.bare_url = unwrap_url(clean_url(line.text.strip()))

    url = found.url or found.bare_url
    body_start = lines[body_line].first_char if body_line < len(lines) else len(text)
    if body_line >= len(lines):
        body_start = len(text)

    # Title, and the outlet its suffix may name.
    title_span = found.title_span
    title_outlet: str | None = None
    title_suffix: str | None = None
    if title_span is not None:
        title_span, title_outlet, title_suffix = split_outlet(
            text, *unwrap_title(text, *title_span), url=url, known=known_outlets
        )
        title_span = unwrap_title(text, *title_span)
        title = " ".join(text[title_span[0] : title_span[1]].split())
    else:
        title = (url and title_from_url(url)) or fallback_title(text, body_start)
    if other_headline is not None and title_outlet is None:
        title_outlet = split_outlet(text, *other_headline, url=url, known=known_outlets)[1]
    if len(title) > 300:
        title = title[:299].rstrip() + "…"
        title_span = None

    outlet = found.outlet_label or title_outlet or (url and outlet_from_url(url)) or _agency(text, body_start)
    date = found.date or found.updated or (url and date_from_url(url)) or None
    return ArticleMeta(
        title=title,
        outlet=outlet,
        url=url,
        date=date,
        author=found.author,
        body_start=body_start,
        title_span=title_span,
        title_suffix=title_suffix,
    )


def _agency(text: str, body_start: int) -> str | None:
    """The news agency a wire dateline opening the body names (``BEIJING (Reuters) -`` → ``Reuters``)."""
    opening = dateline(text[body_start : body_start + 200])
    if opening is None or opening[1] is None or not looks_like_outlet(opening[1]):
        return None
    return opening[1]


def _next_content(lines: list[_Line], start: int, skip: set[int]) -> int | None:
    """Index of the next non-blank line at or after ``start`` not in ``skip``, or ``None``."""
    for k in range(start, len(lines)):
        if not lines[k].blank and k not in skip:
            return k
    return None
