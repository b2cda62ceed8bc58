"""Article metadata recovered from the article text itself.

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

Redirect links of news aggregators (Bing ``apiclick``, Google ``/url?``, Facebook
``l.php``...) are unwrapped to the article they point to (:func:`unwrap_url`).

Only ``\\n`` separates lines (the article text is normalised, see
:mod:`byline.index.reading`); offsets in the result index into the text as given.
Nothing here ever raises on any text.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from .models import ArticleMeta, Span

__all__ = [
    "extract_metadata",
    "find_date",
    "is_boilerplate_line",
    "outlet_from_url",
    "title_from_url",
    "unwrap_url",
]

# --------------------------------------------------------------------------- limits

_MAX_TITLE_CHARS = 160
"""A headline line is at most this long (longer first lines are body text)."""
_MAX_TITLE_WORDS = 28
_MAX_META_LINE = 2000
"""Labelled metadata lines longer than this are body text."""
_LEADING_BYLINE_LINES = 8
"""A ``By Jane Doe`` line counts only among this many non-blank lines at the top."""
_OPENING_WORDS = 10
"""A title made of the opening words has this many words (then ``…``)."""

# --------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = [
    # 2024-11-07, 2024-11-07T21:21:00Z, 2024/11/07, 2024.11.07
    re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"),
    # November 7, 2024 / Nov. 7th 2024
    re.compile(
        _MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)", re.IGNORECASE
    ),
    # 7 November 2024 / 7 Nov. 2024 / 7th of November, 2024
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(?P<y>\d{4})(?!\d)",
        re.IGNORECASE,
    ),
    # 07/11/2024 or 11/07/2024: only when unambiguous (see _valid_date callers)
    re.compile(r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"),
]


def _valid_date(year: int, month: int, day: int) -> str | None:
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
            return _valid_date(year, b, a)
        if b > 12 >= a:
            return _valid_date(year, a, b)
        if a == b:
            return _valid_date(year, a, b)
        return None  # 03/04/2024: day-first or month-first? Don't guess.
    if groups.get("mon"):
        month = _MONTHS.get(groups["mon"].lower().rstrip("."), 0)
    else:
        month = int(groups["m"])
    return _valid_date(year, month, int(groups["d"]))


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


_URL_DATE_PATTERNS = [
    re.compile(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[-_])"),
    re.compile(r"/(?P<y>\d{4})/" + _MONTH_RE + r"/(?P<d>\d{1,2})(?:/|$|[-_])", re.IGNORECASE),
    re.compile(r"[/_-](?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:/|$|[-_.])"),
    re.compile(r"/(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:/|$|[-_.])"),
]


def _date_from_url(url: str) -> str | None:
    """A date written in the path of ``url`` (``/2024/11/14/``, ``/20241114/``), or ``None``."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for pattern in _URL_DATE_PATTERNS:
        for m in pattern.finditer(path):
            month = _MONTHS.get(m["mon"].lower(), 0) if "mon" in m.groupdict() else int(m["m"])
            iso = _valid_date(int(m["y"]), month, int(m["d"]))
            if iso is not None:
                return iso
    return None


# --------------------------------------------------------------------------- URLs

_URL_RE = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_REDIRECT_PARAMS = ("url", "u", "q", "target", "dest", "destination", "redirect", "redirect_url")
_TRAILING_URL_PUNCT = ".,;:!?)]}>»”’\""


def _clean_url(url: str) -> str:
    """Drop punctuation that ends a sentence rather than the URL."""
    url = url.strip()
    while url and url[-1] in _TRAILING_URL_PUNCT:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def unwrap_url(url: str) -> str:
    """Follow aggregator redirect links to the article they point to.

    Any http(s) URL whose query has a ``url``/``u``/``q``/``target``/``dest``...
    parameter holding another http(s) URL is replaced by that URL (repeatedly:
    a redirect through a redirect is unwrapped too). Other URLs are returned as
    they are.
    """
    for _ in range(5):
        try:
            parts = urlsplit(url)
            params = parse_qsl(parts.query, keep_blank_values=True)
        except ValueError:
            return url
        inner: str | None = None
        for wanted in _REDIRECT_PARAMS:
            for key, value in params:
                candidate = value.strip()
                if key.lower() == wanted and re.match(r"https?://[^/\s]", candidate, re.IGNORECASE):
                    inner = candidate
                    break
            if inner:
                break
        if inner is None:
            # A target percent-encoded in the path (``/redirect/https%3A%2F%2F...``).
            decoded_path = unquote(parts.path)
            m = re.search(r"https?://[^/\s]", decoded_path[1:], re.IGNORECASE)
            if m and "%3a%2f%2f" in parts.path.lower():
                inner = decoded_path[1 + m.start() :]
        if inner is None or inner == url:
            return url
        url = inner
    return url


def _host(url: str) -> str | None:
    """The lower-cased host name of ``url`` without port, or ``None``."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.rstrip(".") if host else None


def outlet_from_url(url: str) -> str | None:
    """A readable outlet name from the domain: ``https://www.firstpost.com/x`` → ``firstpost.com``."""
    host = _host(url)
    if not host:
        return None
    host = re.sub(r"^(?:www\d*|m|amp|mobile|edition|news)\.(?=[^.]+\.[^.]+)", "", host)
    return host or None


_SMALL_WORDS = frozenset(
    "a an and as at but by for in nor of on or the to vs".split()
)
_SLUG_ID_RE = re.compile(r"^(?:\d{5,}|(?=[0-9a-f]*\d)[0-9a-f]{8,}|(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{10,})$", re.I)
_PAGE_EXT_RE = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cms|amp)$", re.IGNORECASE)
_SLUG_STOP_SEGMENTS = frozenset({"index", "article", "articles", "story", "news", "amp", "default"})


def _capitalise(words: list[str]) -> str:
    """Headline-capitalise slug words: small words lower-case except first and last."""
    out = []
    for i, word in enumerate(words):
        if 0 < i < len(words) - 1 and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def title_from_url(url: str) -> str | None:
    """A title from the URL slug, or ``None`` when the URL has no slug of at least three words.

    ``.../what-does-russia-vladimir-putin-want-from-donald-trump-america-13833371.html``
    gives ``What Does Russia Vladimir Putin Want From Donald Trump America``:
    numeric and hexadecimal ids and the page extension are dropped.
    """
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    segments = [s for s in path.split("/") if s]
    for segment in reversed(segments):
        segment = _PAGE_EXT_RE.sub("", segment)
        segment = re.sub(r"(?<![0-9])\d{4}[-_]\d{1,2}[-_]\d{1,2}(?![0-9])", " ", segment)
        if segment.lower() in _SLUG_STOP_SEGMENTS:
            continue
        words = [w for w in re.split(r"[-_+\s]+", segment) if w]
        words = [w for w in words if not _SLUG_ID_RE.match(w)]
        if len(words) >= 3 and sum(any(c.isalpha() for c in w) for w in words) >= 3:
            return _capitalise(words)
    return None


# --------------------------------------------------------------------------- labelled lines

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
_LABEL_RE = re.compile(
    r"^\s*(?P<label>"
    + "|".join(re.escape(lab).replace(r"\ ", r"\s+") for lab in sorted(_LABEL_KIND, key=len, reverse=True))
    + r")\b\s*(?P<sep>[:：]|\s[-–—|]\s)?\s*(?P<value>.*?)\s*$",
    re.IGNORECASE,
)
_WEEKDAY_PREFIX_RE = re.compile(
    r"\s*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?", re.IGNORECASE
)
_NO_COLON_OK = frozenset({"date", "updated"})
"""Kinds whose label may stand without a colon when a date follows directly (``date 2024-11-14 …``)."""


@dataclass(frozen=True)
class _Label:
    """A recognised ``Label: value`` line."""

    kind: str
    label: str
    """The label as written, lower-cased with single spaces (``source link``)."""
    value: str
    value_start: int
    """Offset of ``value`` within the line."""


def _parse_label(line: str) -> _Label | None:
    """Recognise a metadata ``Label: value`` line, or return ``None``."""
    if len(line) > _MAX_META_LINE:
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
    return _Label(kind, label, value, m.start("value") if value else len(line))


def _is_bare_url(line: str) -> bool:
    """A line that holds nothing but a URL."""
    s = line.strip()
    return bool(s) and _URL_RE.fullmatch(s) is not None


def _is_bare_date(line: str) -> bool:
    """A short line that holds nothing but a date (and maybe a weekday or a time)."""
    s = line.strip()
    if not s or len(s) > 60:
        return False
    found = find_date(s)
    if found is None:
        return False
    rest = s[: found[1][0]] + " " + s[found[1][1] :]
    rest = re.sub(r"T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", " ", rest)
    rest = re.sub(
        r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b"
        r"|\b(?:at|on|updated|published|[ap]\.?m\b\.?|utc|gmt|[ecmp][sd]t|ist|cet|cest|bst|msk)\b"
        r"|[\d:.,|/+\-–—()]",
        " ",
        rest,
        flags=re.IGNORECASE,
    )
    return not rest.strip()


# --------------------------------------------------------------------------- boilerplate

_BOILERPLATE_RE = re.compile(
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
_DATE_URL_LINE_RE = re.compile(r"^\s*(?:date\s*:?\s*)?(?P<date>.{6,40}?)\s+(?P<url>https?://\S+)\s*$", re.IGNORECASE)


def _date_url_line(line: str) -> tuple[str, str, int] | None:
    """Recognise a ``date YYYY-MM-DD URL`` line: ``(iso date, url, url offset)`` or ``None``."""
    if len(line) > _MAX_META_LINE:
        return None
    m = _DATE_URL_LINE_RE.match(line)
    if not m:
        return None
    found = find_date(m["date"])
    if found is None or not _is_bare_date(m["date"]):
        return None
    return found[0], m["url"], m.start("url")


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
        if not s or len(s) > _MAX_META_LINE:
            return False
        if _BOILERPLATE_RE.match(s):
            return True
        if _is_bare_url(s) or _date_url_line(s) is not None:
            return True
        return _parse_label(s) is not None
    except Exception:  # noqa: BLE001 - never raise on odd text
        return False


# --------------------------------------------------------------------------- titles

_FUNCTION_WORD_END = frozenset(
    "a an and are as at but by for from has have in into is it its of on or than that the "
    "their to was were which who whose will with".split()
)
_DATELINE_RE = re.compile(r"^[A-Z][A-Z.'’ ]{2,}(?:,\s*[A-Za-z. ]+)?\s*(?:\([^)]*\)\s*)?(?:\s[–—-]|[–—-]\s)")
_SENTENCE_BREAK_RE = re.compile(r"[a-z]{3,}[.]\s+[A-Z“\"]")
_WRAPPERS = (('"', '"'), ("“", "”"), ("„", "“"), ("«", "»"), ("‘", "’"), ("**", "**"), ("__", "__"), ("*", "*"), ("_", "_"))
_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(?:={3,}|-{3,})[ \t]*$")
_SUFFIX_SEP_RE = re.compile(r"\s+(?:[|–—-]|::)\s+")
_OUTLET_CONNECTORS = frozenset("of the and & de la le el for on at news".split())


def _strip_span(text: str, start: int, end: int) -> Span:
    """Shrink ``(start, end)`` so that it starts and ends on non-space characters."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _unwrap_title(text: str, start: int, end: int) -> Span:
    """Remove quote marks or markdown emphasis wrapped around a whole title."""
    for _ in range(2):
        s = text[start:end]
        for left, right in _WRAPPERS:
            if len(s) > len(left) + len(right) and s.startswith(left) and s.endswith(right):
                inner = s[len(left) : len(s) - len(right)]
                if not _one_quotation(left, right, inner):
                    continue  # "A" and "B": two quotations, not one quoted headline
                start, end = _strip_span(text, start + len(left), end - len(right))
                break
        else:
            break
    return start, end


def _one_quotation(left: str, right: str, inner: str) -> bool:
    """True when ``left + inner + right`` is one quotation (its first mark closes at the end)."""
    if left == right:
        return left not in inner
    depth = 0
    for ch in inner:
        if ch == left:
            depth += 1
        elif ch == right:
            if right == "’" and depth == 0:
                continue  # an apostrophe (Trump’s), not a closing mark
            depth -= 1
            if depth < 0:
                return False
    return True


def _looks_like_outlet(name: str) -> bool:
    """True for a short name such as ``Asia Times``, ``The New York Times``, ``CNN``, ``bbc.com``."""
    if not 1 <= len(name) <= 40 or name[-1] in "?!.:,;":
        return False
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", name):
        return True  # a domain name
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    capitalised = 0
    for word in words:
        core = word.strip("'’\"()")
        if not core:
            return False
        if core[0].isupper() or core[0].isdigit():
            capitalised += 1
        elif core.lower() not in _OUTLET_CONNECTORS:
            return False
    return capitalised >= 1 and words[0][:1].isupper()


def _split_outlet(text: str, start: int, end: int) -> tuple[Span, str | None]:
    """Split an ``– Outlet`` / ``- Outlet`` / ``| Outlet`` suffix off a title span."""
    s = text[start:end]
    seps = list(_SUFFIX_SEP_RE.finditer(s))
    if not seps:
        return (start, end), None
    m = seps[-1]
    outlet = s[m.end() :].strip()
    head = s[: m.start()].rstrip()
    if not _looks_like_outlet(outlet) or len(head.split()) < 2:
        return (start, end), None
    return (start, start + len(head)), outlet


def _is_headline(line: str, next_line: str | None) -> bool:
    """True for a line that reads like a headline rather than the first line of prose.

    Headlines are short (at most :data:`_MAX_TITLE_CHARS` characters and
    :data:`_MAX_TITLE_WORDS` words), do not end with a period, comma, colon or a
    dangling function word, contain no sentence break, do not start with a
    lower-case letter or a dateline (``MOSCOW –``), and are not continued by a
    next line starting in lower case.
    """
    s = line.strip()
    if not s or len(s) > _MAX_TITLE_CHARS or not any(c.isalpha() for c in s):
        return False
    words = s.split()
    if len(words) > _MAX_TITLE_WORDS:
        return False
    first = s.lstrip("\"“„«‘'*_#([")[:1]
    if first.islower():
        return False
    if s[-1] in ".,;:" and not s.endswith("...") and not re.search(r"\b[A-Z]\.[A-Z]\.$", s):
        return False
    if s.startswith(("- ", "* ", "• ", "+ ", "> ")) or re.match(r"^\d+[.)]\s", s):
        return False
    last = re.sub(r"\W+$", "", words[-1]).lower()
    if last in _FUNCTION_WORD_END and len(words) > 1:
        return False
    if _SENTENCE_BREAK_RE.search(s):
        return False
    if _DATELINE_RE.match(s):
        return False
    if next_line is not None:
        nxt = next_line.strip()
        if nxt[:1].islower():
            return False
    return True


def _opening_words(text: str, start: int) -> str:
    """The first :data:`_OPENING_WORDS` words of ``text[start:]`` (``…`` when cut)."""
    words = text[start:].split(maxsplit=_OPENING_WORDS)
    if not words:
        words = text.split(maxsplit=_OPENING_WORDS)
    if len(words) > _OPENING_WORDS:
        return " ".join(words[:_OPENING_WORDS]).rstrip(",;:–—-") + "…"
    return " ".join(words)


# --------------------------------------------------------------------------- the extractor


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


def _clean_value(value: str) -> str:
    """Strip white space and surrounding quotes from a metadata value."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return " ".join(value.split())


_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december today yesterday tomorrow".split()
)


def _clean_author(value: str) -> str | None:
    """An author name from a ``By``/``Author`` value, or ``None`` when it is not a name."""
    value = _clean_value(value)
    value = re.sub(r"^by\s+", "", value, flags=re.IGNORECASE)
    value = re.split(r"\s*(?:[|•·]|\s[-–—]\s|,\s*(?:\w+\s+)?(?:staff|correspondent|reporter|writer|editor|reuters|ap|afp)\b|\s+(?:on|at|updated|published)\s+)", value, maxsplit=1, flags=re.IGNORECASE)[0]
    value = value.strip(" ,;:")
    if not value or len(value) > 120 or any(c.isdigit() for c in value):
        return None
    return value


def _byline(line: str) -> str | None:
    """The author of a ``By Jane Doe`` line, or ``None`` for any other line."""
    s = line.strip()
    m = re.match(r"^by\s+(?P<name>.+)$", s, re.IGNORECASE)
    if not m or len(s) > 100 or s.endswith("."):
        return None
    name = _clean_author(m["name"])
    if not name:
        return None
    words = name.replace(",", " ").split()
    if not 1 <= len(words) <= 10 or not words[0][:1].isupper():
        return None
    if words[0].lower() in _NOT_NAMES:
        return None
    if not all(w[:1].isupper() or w.lower() in ("and", "de", "van", "von", "der", "da", "al", "bin", "&") for w in words):
        return None
    return name


def _read_label(found: _Found, label: _Label, line: _Line) -> None:
    """Record what a labelled line says (first value of each kind wins)."""
    value = label.value
    kind = label.kind
    if kind == "title":
        span = _strip_span(line.text, label.value_start, len(line.text))
        if found.title_span is None and span[1] > span[0]:
            start, end = line.start + span[0], line.start + span[1]
            found.title_span = (start, end)
            found.title_from_label = True
    elif kind == "url" or (kind == "outlet" and _URL_RE.match(value.strip())):
        m = _URL_RE.search(value)
        if m:
            if found.url is None:
                found.url = unwrap_url(_clean_url(m.group()))
        elif value.strip() and found.outlet_label is None and label.label == "source":
            name = _clean_value(value)
            if _looks_like_outlet(name):
                found.outlet_label = name  # Source: Reuters
    elif kind == "outlet":
        name = _clean_value(value)
        if found.outlet_label is None and _looks_like_outlet(name):
            found.outlet_label = name
    elif kind in ("date", "updated"):
        hit = find_date(value)
        if hit is not None:
            if kind == "date" and found.date is None:
                found.date = hit[0]
            elif kind == "updated" and found.updated is None:
                found.updated = hit[0]
        m = _URL_RE.search(value)
        if m and found.url is None:
            found.url = unwrap_url(_clean_url(m.group()))
    elif kind == "author":
        if not found.author_seen:
            found.author_seen = True
            found.author = _clean_author(value)


def _is_meta_line(line: _Line, found: _Found, *, leading: bool) -> bool:
    """Recognise a metadata/boilerplate line, recording its values; True when it is one."""
    s = line.text
    label = _parse_label(s)
    if label is not None:
        _read_label(found, label, line)
        return True
    dated = _date_url_line(s)
    if dated is not None:
        iso, url, _ = dated
        if found.date is None:
            found.date = iso
        if found.url is None:
            found.url = unwrap_url(_clean_url(url))
        return True
    if _is_bare_url(s):
        if found.bare_url is None:
            found.bare_url = unwrap_url(_clean_url(s.strip()))
        return True
    if leading and _is_bare_date(s):
        if found.date is None:
            hit = find_date(s)
            if hit is not None:
                found.date = hit[0]
        return True
    if leading:
        author = _byline(s)
        if author is not None:
            if not found.author_seen:
                found.author_seen = True
                found.author = author
            return True
    return bool(_BOILERPLATE_RE.match(s.strip()))


def extract_metadata(text: str) -> ArticleMeta:
    """Recover title, outlet, URL, date, author and the body start from an article's text.

    Never raises: any text gives an :class:`ArticleMeta` whose title is non-empty
    unless the text is blank (then it is ``""``), and whose offsets lie within the
    text. When the title was taken from a line, ``title_span`` covers it and
    ``" ".join(text[start:end].split()) == title``. When the only line of the
    text is a headline, that line is both the title and the body
    (``body_start`` points at it).
    """
    try:
        return _extract(text)
    except Exception:  # noqa: BLE001 - a bug here must not lose the article
        words = text.split(maxsplit=_OPENING_WORDS)
        title = " ".join(words[:_OPENING_WORDS]) + ("…" if len(words) > _OPENING_WORDS else "")
        return ArticleMeta(title=title)


def _extract(text: str) -> ArticleMeta:
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
        and re.match(r"^[A-Za-z_][\w -]*:", lines[i + 1].text)
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

    # The title line.
    title_outlet: str | None = None
    title_line: int | None = None
    if pos < len(lines):
        line = lines[pos]
        nxt = _next_content(lines, pos + 1, meta_lines)
        heading = _HEADING_RE.match(line.text)
        setext = nxt is not None and nxt == pos + 1 and _SETEXT_RE.match(lines[nxt].text)
        span: Span = (line.start, line.start)
        if heading:
            span = _strip_span(text, line.start + heading.start(2), line.start + heading.end(2))
            if span[1] > span[0]:
                title_line = pos
                if setext:
                    meta_lines.add(pos + 1)
        elif setext and _is_headline(line.text, None):
            title_line = pos
            span = _strip_span(text, line.start, line.end)
            meta_lines.add(pos + 1)
        elif _is_headline(line.text, lines[nxt].text if nxt is not None else None):
            title_line = pos
            span = _strip_span(text, line.start, line.end)
        if title_line is not None and found.title_span is None:
            span = _unwrap_title(text, *span)
            span, title_outlet = _split_outlet(text, *span)
            span = _unwrap_title(text, *span)
            if span[1] > span[0]:
                found.title_span = span
            else:
                title_line = None
        elif title_line is not None:
            title_outlet = _split_outlet(text, *_unwrap_title(text, *span))[1]

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
        label = _parse_label(line.text)
        if label is not None:
            _read_label(found, label, line)
        elif (dated := _date_url_line(line.text)) is not None:
            found.date = found.date or dated[0]
            found.url = found.url or unwrap_url(_clean_url(dated[1]))
        elif k in last_content and _is_bare_url(line.text) and found.bare_url is None:
            found.bare_url = unwrap_url(_clean_url(line.text.strip()))

    url = found.url or found.bare_url
    body_start = lines[body_line].first_char if body_line < len(lines) else len(text)
    if body_line >= len(lines):
        body_start = len(text)

    # Title.
    title_span = found.title_span
    if title_span is not None:
        title = " ".join(text[title_span[0] : title_span[1]].split())
        if found.title_from_label:
            title_span, label_outlet = _split_outlet(text, *_unwrap_title(text, *title_span))
            title_span = _unwrap_title(text, *title_span)
            title_outlet = label_outlet or title_outlet
            title = " ".join(text[title_span[0] : title_span[1]].split())
    else:
        title = (url and title_from_url(url)) or _opening_words(text, body_start)
    if len(title) > 300:
        title = title[:299].rstrip() + "…"
        title_span = None

    outlet = found.outlet_label or title_outlet or (url and outlet_from_url(url)) or None
    date = found.date or found.updated or (url and _date_from_url(url)) or None
    return ArticleMeta(
        title=title,
        outlet=outlet,
        url=url,
        date=date,
        author=found.author,
        body_start=body_start,
        title_span=title_span,
    )


def _next_content(lines: list[_Line], start: int, skip: set[int]) -> int | None:
    """Index of the next non-blank line at or after ``start`` not in ``skip``, or ``None``."""
    for k in range(start, len(lines)):
        if not lines[k].blank and k not in skip:
            return k
    return None
