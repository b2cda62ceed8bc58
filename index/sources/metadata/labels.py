"""Labelled metadata lines (``Source link : URL``, ``Author:``…), bylines and boilerplate lines.

News corpora scraped from feeds carry their metadata as loose ``Label: value``
lines anywhere in the text, a leading ``date YYYY-MM-DD URL`` line, ``By Jane Doe``
lines near the top, and page furniture (``Copyright…``, ``Also Read |``,
``0 Comments``…). This module recognises each such line; :mod:`.formats` decides
where in the article they count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_date, is_bare_date
from .patterns import LazyPattern
from .urls import is_bare_url

__all__ = [
    "MAX_META_LINE",
    "Label",
    "byline_author",
    "clean_author",
    "clean_value",
    "date_url_line",
    "is_boilerplate_line",
    "is_furniture",
    "parse_label",
]

MAX_META_LINE = 2000
"""Labelled metadata lines longer than this are body text."""

_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "url": (
        "source link", "source url", "original url", "original link", "original article",
        "article url", "canonical url", "canonical", "permalink", "url", "link", "source",
    ),
    "date": (
        "publish date", "published date", "publication date", "date published", "published on",
        "published at", "published", "posted on", "posted", "pubdate", "date", "dated",
    ),
    "updated": ("last updated", "updated on", "updated", "last modified", "modified"),
    "author": ("authors", "author", "byline", "written by", "reported by", "reporter", "by"),
    "outlet": ("outlet", "publisher", "publication", "newspaper", "news source"),
}  # fmt: skip
_LABEL_KIND = {label: kind for kind, labels in _LABELS.items() for label in labels}
_LABEL_RE = LazyPattern(
    r"^\s*(?P<label>"
    + "|".join(re.escape(lab).replace(r"\ ", r"\s+") for lab in sorted(_LABEL_KIND, key=len, reverse=True))
    + r")\b\s*(?P<sep>[:：]|\s[-–—|]\s)?\s*(?P<value>.*?)\s*$",
    re.IGNORECASE,
)
_WEEKDAY_PREFIX_RE = LazyPattern(
    r"\s*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?", re.IGNORECASE
)
_NO_COLON_OK = frozenset({"date", "updated"})
"""Kinds whose label may stand without a colon when a date follows directly (``date 2024-11-14 …``)."""

_BOILERPLATE_RE = LazyPattern(
    r"""^(?:
        copyright\b | ©
      | [-=*_~•·\#]{3,}(?:[ \t]*[-=*_~•·\#]+)*$
      | (?:[*•·][ \t]*){3,}$
      | all\s+rights\s+reserved\b
      | also\s+(?:read|watch|see)\b | read\s+also\b | see\s+also\s*:
      | \d+\s+comments?$ | comments?\s*\(\d+\)$ | no\s+comments?$
      | with\s+inputs\s+from\b
      | get\s+(?:all\s+)?the\s+latest\s+(?:updates|news)\b
      | advertisement$ | advertisement\s*[-–—:]? \s*(?:scroll|continue)\b | sponsored(?:\s+content)?$
      | share\s+(?:this|on)\b | share$ | tweet$
      | read\s+more\s*(?:[:|»>…-]|$) | continue\s+reading\b | click\s+here\b
      | related(?:\s+(?:articles?|stories|news|posts?|coverage))?\s*:?$
      | subscribe\b | sign\s+up\s+for\b | follow\s+us\b | download\s+the\s+app\b
      | (?:photo|image|video)\s*(?:credit)?\s*:
      | (?:tags|topics|categories|keywords|filed\s+under)\s*:
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_DATE_URL_LINE_RE = LazyPattern(
    r"^\s*(?:date\s*:?\s*)?(?P<date>.{6,40}?)\s+(?P<url>https?://\S+)\s*$", re.IGNORECASE
)
_AUTHOR_PREFIX_RE = LazyPattern(r"^by\s+", re.IGNORECASE)
_AUTHOR_END_RE = LazyPattern(
    r"\s*(?:[|•·]|\s[-–—]\s|,\s*(?:\w+\s+)?(?:staff|correspondent|reporter|writer|editor|reuters|ap|afp)\b"
    r"|\s+(?:on|at|updated|published)\s+)",
    re.IGNORECASE,
)
_BYLINE_RE = LazyPattern(r"^by\s+(?P<name>.+)$", re.IGNORECASE)
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december today yesterday tomorrow".split()
)
_NAME_PARTICLES = frozenset(("and", "de", "van", "von", "der", "da", "al", "bin", "&"))


@dataclass(frozen=True)
class Label:
    """A recognised ``Label: value`` line."""

    kind: str
    """``title``, ``url``, ``date``, ``updated``, ``author`` or ``outlet``."""
    label: str
    """The label as written, lower-cased with single spaces (``source link``)."""
    value: str
    value_start: int
    """Offset of ``value`` within the line."""


def parse_label(line: str) -> Label | None:
    """Recognise a metadata ``Label: value`` line, or return ``None``."""
    if len(line) > MAX_META_LINE:
        return None
    m = _LABEL_RE.match(line)
    if not m:
        return None
    label = " ".join(m["label"].lower().split())
    kind = _LABEL_KIND[label]
    value = m["value"]
    if m["sep"] is None:
        if kind in _NO_COLON_OK:
            found = find_date(value)
            if found is None or not _WEEKDAY_PREFIX_RE.fullmatch(value[: found[1][0]]):
                return None
        elif label in ("written by", "reported by") and value:
            pass
        else:
            return None
    if label == "by" and m["sep"] is None:
        return None
    return Label(kind, label, value, m.start("value") if value else len(line))


def date_url_line(line: str) -> tuple[str, str, int] | None:
    """Recognise a ``date YYYY-MM-DD URL`` line: ``(iso date, url, url offset)`` or ``None``."""
    if len(line) > MAX_META_LINE:
        return None
    m = _DATE_URL_LINE_RE.match(line)
    if not m:
        return None
    found = find_date(m["date"])
    if found is None or not is_bare_date(m["date"]):
        return None
    return found[0], m["url"], m.start("url")


def is_furniture(line: str) -> bool:
    """True for page furniture: ``Copyright…``, ``Also Read |``, ``Advertisement``, rules of dashes…"""
    return bool(_BOILERPLATE_RE.match(line.strip()))


def is_boilerplate_line(line: str) -> bool:
    """True for a line that is page furniture or metadata rather than article prose.

    Covers ``Source link :``, ``Author :``, ``Publish date :`` and other labelled
    metadata lines, a leading ``date YYYY-MM-DD URL`` line, bare URL lines,
    ``Copyright…``, ``Also Read |``, ``Also Watch:``, ``0 Comments``, ``With inputs
    from agencies``, ``Get all the latest updates of…``, ``Advertisement``,
    ``Share this:``, ``Read more:`` and the like. A blank line is not boilerplate.
    """
    try:
        s = line.strip()
        if not s or len(s) > MAX_META_LINE:
            return False
        if _BOILERPLATE_RE.match(s):
            return True
        if is_bare_url(s) or date_url_line(s) is not None:
            return True
        return parse_label(s) is not None
    except Exception:  # noqa: BLE001 - never raise on odd text
        return False


def clean_value(value: str) -> str:
    """Strip white space and surrounding quotes from a metadata value."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return " ".join(value.split())


def clean_author(value: str) -> str | None:
    """An author name from a ``By``/``Author`` value, or ``None`` when it is not a name."""
    value = clean_value(value)
    value = _AUTHOR_PREFIX_RE.sub("", value)
    value = _AUTHOR_END_RE.split(value, maxsplit=1)[0]
    value = value.strip(" ,;:")
    if not value or len(value) > 120 or any(c.isdigit() for c in value):
        return None
    return value


def byline_author(line: str) -> str | None:
    """The author of a ``By Jane Doe`` line, or ``None`` for any other line."""
    s = line.strip()
    m = _BYLINE_RE.match(s)
    if not m or len(s) > 100 or s.endswith("."):
        return None
    name = clean_author(m["name"])
    if not name:
        return None
    words = name.replace(",", " ").split()
    if not 1 <= len(words) <= 10 or not words[0][:1].isupper():
        return None
    if words[0].lower() in _NOT_NAMES:
        return None
    if not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words):
        return None
    return name
