"""A record of a dump (a JSON object, a CSV row) turned into an :class:`~byline.index.models.Article`.

Which field holds what: the usual names (:data:`USUAL_FIELDS`, compared without
case, ``_``, ``-`` or spaces) or the names the user gives (:class:`DumpOptions`;
a dotted path such as ``source.name`` reaches into a JSON object). A field may
hold a string, a number (a date as Unix time), a list (authors; paragraphs of
the text) or an object (``{"name": "BBC News"}``). What the fields lack is looked
for in the text, as for a text file.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from ..models import Article, ArticleMeta
from .decode import normalise_newlines

__all__ = ["USUAL_FIELDS", "DumpOptions", "record_article", "record_key"]

USUAL_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date", "pubdate", "published_at", "date_published", "date_publish"),
    "url": ("url", "link"),
    "outlet": ("source", "outlet", "publisher", "media_name", "domain", "source_domain"),
    "author": ("author", "authors", "byline"),
}
"""The usual names of each field, most telling first."""


@dataclass(frozen=True)
class DumpOptions:
    """Which fields of a dump's records hold what (``None``: the usual names, :data:`USUAL_FIELDS`).

    The command line fills it from ``--text-field``, ``--title-field``,
    ``--date-field``, ``--url-field``, ``--outlet-field`` and ``--author-field``.
    A field named here must be present: a record without the named text field
    is skipped even if it has a ``text``.
    """

    text_field: str | None = None
    title_field: str | None = None
    date_field: str | None = None
    url_field: str | None = None
    outlet_field: str | None = None
    author_field: str | None = None
    delimiter: str | None = None
    """CSV only: the column separator (``None``: tab for ``.tsv``, else guessed from the header line)."""

    def named(self, kind: str) -> str | None:
        """The field the user named for ``kind`` (``text``, ``title``…), or ``None``."""
        value: str | None = getattr(self, f"{kind}_field")
        return value

    def as_dict(self) -> dict[str, str]:
        """The options set, by name (what an index keeps, to tell when they changed)."""
        return {name: value for name, value in asdict(self).items() if value is not None}

    @classmethod
    def from_dict(cls, raw: object) -> DumpOptions:
        """Options from :meth:`as_dict`'s output; anything else in ``raw`` is left out."""
        names = {f.name for f in fields(cls)}
        if not isinstance(raw, dict):
            return cls()
        return cls(**{k: v for k, v in raw.items() if k in names and isinstance(v, str) and v})

    def updated(self, changes: DumpOptions) -> DumpOptions:
        """These options with every option ``changes`` sets put in (an empty name puts back the usual names)."""
        merged = {**self.as_dict(), **changes.as_dict()}
        return DumpOptions.from_dict(merged)


def record_key(path: str, record: int) -> str:
    """How an article from a dump is addressed: ``PATH#N``."""
    return f"{path}#{record}"


def _norm(name: str) -> str:
    """How field names are compared: lower case, without ``_``, ``-`` or spaces."""
    return re.sub(r"[\s_-]+", "", name.casefold())


def _lookup(record: dict[str, Any], name: str) -> Any:
    """The value of field ``name`` (exactly, then case-insensitively; ``a.b`` reaches into objects)."""
    value: Any = record
    for part in name.split(".") if name not in record else [name]:
        if not isinstance(value, dict):
            return None
        if part in value:
            value = value[part]
            continue
        wanted = _norm(part)
        for key, inner in value.items():
            if isinstance(key, str) and _norm(key) == wanted:
                value = inner
                break
        else:
            return None
    return value


def _field(record: dict[str, Any], kind: str, options: DumpOptions) -> tuple[bool, Any]:
    """``(found, value)`` of the field holding ``kind``: the user's name, else the first usual name present."""
    named = options.named(kind)
    if named is not None:
        value = _lookup(record, named)
        return value is not None, value
    normalised = {_norm(k): v for k, v in record.items() if isinstance(k, str)}
    for name in USUAL_FIELDS[kind]:
        value = normalised.get(_norm(name))
        if value is not None and value != "":
            return True, value
    return False, None


def _as_text(value: Any, joiner: str = ", ") -> str | None:
    """A field's value as one string: objects give their name, lists are joined by ``joiner``; ``None`` for nothing."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        for key in ("name", "title", "text", "value", "url", "@id", "id"):
            if key in value:
                return _as_text(value[key])
        return None
    if isinstance(value, list):
        parts = [p for p in (_as_text(v, joiner) for v in value) if p and p.strip()]
        return joiner.join(p.strip() for p in parts) or None
    return None


def _one_line(value: Any) -> str | None:
    """A field's value as one line of text (white space folded), or ``None``."""
    text = _as_text(value)
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def _date(value: Any) -> str | None:
    """An ISO date from a field: a written date, or Unix time in seconds or milliseconds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) > 1e11 else value
        try:
            return _dt.datetime.fromtimestamp(seconds, tz=_dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = _one_line(value)
    if text is None:
        return None
    if text.isdigit() and len(text) in (10, 13):
        return _date(int(text))
    from .metadata.dates import find_date  # the metadata patterns: loaded to read a dump, not to search

    found = find_date(text)
    return found[0] if found else None


def _outlet(value: Any) -> str | None:
    """An outlet name from a field (a domain or URL gives its readable domain)."""
    from .metadata.urls import outlet_from_url

    text = _one_line(value)
    if text is None:
        return None
    if "://" in text:
        return outlet_from_url(text)
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", text):
        return outlet_from_url("https://" + text) or text
    return text


def record_article(path: str, number: int, record: dict[str, Any], options: DumpOptions) -> Article | str:
    """The article a record holds, or the reason it holds none."""
    from .metadata import extract_metadata
    from .metadata.labels import clean_author
    from .metadata.urls import outlet_from_url, safe_url, unwrap_url

    found, value = _field(record, "text", options)
    if not found:
        named = options.named("text")
        return f"no text field {named!r}" if named else "no text field"
    raw = _as_text(value, "\n\n")  # a list of paragraphs is one text
    if raw is None or not raw.strip():
        return "empty text"
    text = normalise_newlines(raw)
    title = _one_line(_field(record, "title", options)[1])
    url_value = _one_line(_field(record, "url", options)[1])
    url = safe_url(unwrap_url(url_value)) if url_value else None
    date = _date(_field(record, "date", options)[1])
    outlet = _outlet(_field(record, "outlet", options)[1])
    author_value = _one_line(_field(record, "author", options)[1])
    author = clean_author(author_value) if author_value else None
    if title and url and date:
        from_text = ArticleMeta(title=title)  # the fields say it all: no need to read the text for it
    else:
        from_text = extract_metadata(text)
    meta = ArticleMeta(title=title, body_start=0) if title else from_text  # with a title field, the text is all body
    meta = replace(
        meta,
        url=url or from_text.url,
        date=date or from_text.date,
        author=author or from_text.author,
        outlet=outlet or (url and outlet_from_url(url)) or from_text.outlet,
    )
    return Article(key=record_key(path, number), path=path, text=text, meta=meta, record=number)
