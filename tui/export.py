"""Citations and quote exports (Markdown, CSV, JSON): plain functions the reader calls.

A citation carries what a reporter needs to reuse a quotation: who said it, in
what capacity, and the article's title, outlet, date and URL.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..index.models import ArticleSummary, QuoteRecord
from .safe import safe_url

ExportFormat = Literal["markdown", "csv", "json"]
FIELDS = ("speaker", "role", "quote", "partial", "title", "outlet", "date", "url", "path", "record", "start", "end")
"""Column order of CSV exports (and key order of JSON ones)."""
EXTENSIONS: dict[ExportFormat, str] = {"markdown": "md", "csv": "csv", "json": "json"}


@dataclass(frozen=True)
class Citation:
    """A quotation with everything needed to cite it."""

    quote: str
    speaker: str | None
    role: str | None
    partial: bool
    title: str
    outlet: str | None
    date: str | None
    url: str | None
    path: str
    """The article's file (for a dump record, the dump)."""
    record: int | None
    """For a quotation in a dump record: its record number (the article is ``PATH#N``); else ``None``."""
    start: int
    end: int

    def as_dict(self) -> dict[str, object]:
        """Plain fields for JSON and CSV."""
        return {name: getattr(self, name) for name in FIELDS}


def citation(record: QuoteRecord, summary: ArticleSummary | None) -> Citation:
    """The citation of ``record``; ``summary`` (its article) supplies outlet, date and URL."""
    q = record.quote
    return Citation(
        quote=q.text,
        speaker=q.speaker,
        role=q.role,
        partial=q.partial,
        title=summary.title if summary else record.title,
        outlet=summary.outlet if summary else None,
        date=summary.date if summary else None,
        url=summary.url if summary else None,
        path=record.path,
        record=record.record,
        start=q.start,
        end=q.end,
    )


def citation_text(c: Citation) -> str:
    """One paragraph to paste: the quotation, then who said it and where."""
    who = c.speaker or "Unattributed"
    if c.role:
        who += f", {c.role}"
    source = ", ".join(part for part in (f"“{c.title}”", c.outlet, c.date) if part)
    line = f"“{c.quote}” — {who}. {source}."
    if c.url:
        line += f" {c.url}"
    return line


def to_markdown(items: Sequence[Citation]) -> str:
    """A Markdown list of block quotes, each with its citation."""
    parts = ["# Quotations", ""]
    for c in items:
        who = c.speaker or "Unattributed"
        if c.role:
            who += f", {c.role}"
        url = safe_url(c.url)
        title = f"[{_md_escape(c.title)}](<{url}>)" if url else _md_escape(c.title)
        where = ", ".join(p for p in (title, _md_escape(c.outlet or ""), _md_escape(c.date or "")) if p)
        parts += [f"> {_md_escape(c.quote)}", ">", f"> — {_md_escape(who)}, {where}", ""]
    return "\n".join(parts)


def _md_escape(text: str) -> str:
    """Escape what Markdown would read as syntax inside a line (links, emphasis, HTML, tables)."""
    out = []
    for ch in " ".join(text.split()):
        out.append("\\" + ch if ch in "\\`*_[]()<>#|!~" else ch)
    return "".join(out)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet reads a cell starting with one of these as a formula (OWASP's CSV injection list)."""


def csv_cell(value: object) -> object:
    """``value`` safe to open in a spreadsheet: text that could start a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(items: Sequence[Citation]) -> str:
    """CSV with a header row; no cell can run as a spreadsheet formula."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(FIELDS))
    writer.writeheader()
    for c in items:
        writer.writerow({key: csv_cell(value) for key, value in c.as_dict().items()})
    return buf.getvalue()


def to_json(items: Sequence[Citation]) -> str:
    """A JSON array of citation objects."""
    return json.dumps([c.as_dict() for c in items], ensure_ascii=False, indent=2) + "\n"


WRITERS: dict[ExportFormat, Callable[[Sequence[Citation]], str]] = {
    "markdown": to_markdown,
    "csv": to_csv,
    "json": to_json,
}
