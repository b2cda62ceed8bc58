"""Dates written in article text and in URLs, turned into ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as _dt
import re
from urllib.parse import urlsplit

from ...models import Span
from .patterns import LazyPattern

__all__ = ["date_from_url", "find_date", "is_bare_date", "valid_date", "MONTH_RE", "MONTHS"]

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
"""Month names and abbreviations (lower case) → month number."""

MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
"""A month name or abbreviation, as the named group ``mon`` (source text, not compiled)."""

_DATE_PATTERNS = [
    # 2024-11-07, 2024-11-07T21:21:00Z, 2024/11/07, 2024.11.07
    LazyPattern(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"),
    # November 7, 2024 / Nov. 7th 2024
    LazyPattern(MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)", re.IGNORECASE),
    # 7 November 2024 / 7 Nov. 2024 / 7th of November, 2024
    LazyPattern(
        r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_RE + r",?\s+(?P<y>\d{4})(?!\d)",
        re.IGNORECASE,
    ),
    # 07/11/2024 or 11/07/2024: only when unambiguous (see _date_from_match)
    LazyPattern(r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"),
]

_URL_DATE_PATTERNS = [
    LazyPattern(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[-_])"),
    LazyPattern(r"/(?P<y>\d{4})/" + MONTH_RE + r"/(?P<d>\d{1,2})(?:/|$|[-_])", re.IGNORECASE),
    LazyPattern(r"[/_-](?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:/|$|[-_.])"),
    LazyPattern(r"/(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:/|$|[-_.])"),
]

_TIME_RE = LazyPattern(r"T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_DATE_FILLER_RE = LazyPattern(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
    r"|\b(?:at|on|updated|published|[ap]\.?m\b\.?|utc|gmt|[ecmp][sd]t|ist|cet|cest|bst|msk)\b"
    r"|[\d:.,|/+\-–—()]",
    re.IGNORECASE,
)
"""What may stand beside a date on a line that holds nothing else: weekdays, times, zones."""


def valid_date(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` when the date exists and is plausible for a news article, else ``None``."""
    if not 1800 <= year <= 2200:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _date_from_match(m: re.Match[str]) -> str | None:
    """Turn a match of one of :data:`_DATE_PATTERNS` into an ISO date (or ``None``)."""
    groups = m.groupdict()
    year = int(groups["y"])
    if "a" in groups and groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            return valid_date(year, b, a)
        if b > 12 >= a:
            return valid_date(year, a, b)
        if a == b:
            return valid_date(year, a, b)
        return None  # 03/04/2024: day-first or month-first? Don't guess.
    if groups.get("mon"):
        month = MONTHS.get(groups["mon"].lower().rstrip("."), 0)
    else:
        month = int(groups["m"])
    return valid_date(year, month, int(groups["d"]))


def find_date(text: str) -> tuple[str, Span] | None:
    """The first valid date written in ``text``, as ``(YYYY-MM-DD, span)``, or ``None``.

    Understands ISO dates and datetimes, ``November 7, 2024``, ``7 Nov 2024``
    (with or without a weekday or an ordinal suffix) and unambiguous numeric dates
    such as ``25/12/2024``.
    """
    best: tuple[int, str, Span] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            iso = _date_from_match(m)
            if iso is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), iso, (m.start(), m.end()))
                break
    if best is None:
        return None
    return best[1], best[2]


def date_from_url(url: str) -> str | None:
    """A date written in the path of ``url`` (``/2024/11/14/``, ``/20241114/``), or ``None``."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for pattern in _URL_DATE_PATTERNS:
        for m in pattern.finditer(path):
            month = MONTHS.get(m["mon"].lower(), 0) if "mon" in m.groupdict() else int(m["m"])
            iso = valid_date(int(m["y"]), month, int(m["d"]))
            if iso is not None:
                return iso
    return None


def is_bare_date(line: str) -> bool:
    """A short line that holds nothing but a date (and maybe a weekday or a time)."""
    s = line.strip()
    if not s or len(s) > 60:
        return False
    found = find_date(s)
    if found is None:
        return False
    rest = s[: found[1][0]] + " " + s[found[1][1] :]
    rest = _TIME_RE.sub(" ", rest)
    rest = _DATE_FILLER_RE.sub(" ", rest)
    return not rest.strip()
