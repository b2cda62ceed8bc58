"""URLs in article text: finding them, unwrapping redirects, making them safe, and what they say.

A URL may name the outlet (its domain), the title (its slug) and the date (its
path, see :func:`.dates.date_from_url`). Aggregators wrap the article's URL in a
redirect (Bing ``apiclick``, Google ``/url?``, Facebook ``l.php``…):
:func:`unwrap_url` follows those, and every URL this package returns is a valid
URL (:func:`reencode_url`): unwrapping percent-decodes, and a decoded URL may hold
control characters, spaces or newlines that must never reach a terminal or a
browser as such. :func:`safe_url` is the one check the app applies before it
shows or opens a URL.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from .patterns import LazyPattern

__all__ = [
    "URL_RE",
    "clean_url",
    "host_of",
    "is_bare_url",
    "outlet_from_url",
    "reencode_url",
    "safe_url",
    "title_from_url",
    "unwrap_url",
]

URL_RE = LazyPattern(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
"""An http(s) URL written in text (up to white space or a quote mark)."""

_REDIRECT_PARAMS = ("url", "u", "q", "target", "dest", "destination", "redirect", "redirect_url")
_TRAILING_URL_PUNCT = ".,;:!?)]}>»”’\""
_INNER_URL_RE = LazyPattern(r"https?://[^/\s]", re.IGNORECASE)
_AUTHORITY_RE = LazyPattern(r"^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)(.*)$", re.DOTALL)
_BAD_PERCENT_RE = LazyPattern(r"%(?![0-9A-Fa-f]{2})")
_URL_CHARS = "!#$%&'()*+,-./:;=?@_~"
"""Characters (besides ASCII letters and digits) that stand in a URL as they are (RFC 3986)."""
_HOST_PREFIX_RE = LazyPattern(r"^(?:www\d*|m|amp|mobile|edition|news)\.(?=[^.]+\.[^.]+)")


def clean_url(url: str) -> str:
    """Drop punctuation that ends a sentence rather than the URL."""
    url = url.strip()
    while url and url[-1] in _TRAILING_URL_PUNCT:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _encode_host(host: str) -> str:
    """A host (with port or user info) in ASCII: IDNA for a non-ASCII name, percent escapes for the rest."""
    if host.isascii() and host.isprintable() and " " not in host:
        return host
    try:
        name, colon, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
        if not colon:
            name, port = host, ""
        return name.encode("idna").decode("ascii") + (colon + port if colon else "")
    except (UnicodeError, ValueError):
        return quote(host, safe=_URL_CHARS + "[]", errors="replace")


def reencode_url(url: str) -> str:
    """``url`` with every character that may not stand in a URL percent-encoded.

    Control characters, spaces, newlines and non-ASCII letters of the path and
    query become ``%XX`` escapes (UTF-8); a non-ASCII host becomes its IDNA form;
    a ``%`` that starts no escape becomes ``%25``. A valid URL comes back as it is.
    """
    url = url.strip()
    m = _AUTHORITY_RE.match(url)
    if m:
        head = m[1] + _encode_host(m[2])
        rest = m[3]
    else:
        head, rest = "", url
    rest = quote(rest, safe=_URL_CHARS, errors="replace")
    return _BAD_PERCENT_RE.sub("%25", head + rest)


def safe_url(url: str | None) -> str | None:
    """``url`` made safe to show and to open in a browser, or ``None`` when it is not a web address.

    The result is an ``http`` or ``https`` URL with a host, made only of printable
    ASCII characters that may stand in a URL (see :func:`reencode_url`): no escape
    sequence, bell, newline or space can reach the terminal or the browser. Any
    other scheme (``javascript:``, ``file:``, ``data:``…) gives ``None``.
    """
    if not url or not isinstance(url, str):
        return None
    try:
        encoded = reencode_url(url)
        parts = urlsplit(encoded)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
    except ValueError:  # a malformed IPv6 host, a bad port…
        return None
    return encoded


def unwrap_url(url: str) -> str:
    """Follow aggregator redirect links to the article they point to; the result is a valid URL.

    Any http(s) URL whose query has a ``url``/``u``/``q``/``target``/``dest``...
    parameter holding another http(s) URL is replaced by that URL (repeatedly:
    a redirect through a redirect is unwrapped too). Other URLs are returned as
    they are, re-encoded where needed (:func:`reencode_url`).
    """
    for _ in range(5):
        try:
            parts = urlsplit(url)
            params = parse_qsl(parts.query, keep_blank_values=True)
        except ValueError:
            break
        inner: str | None = None
        for wanted in _REDIRECT_PARAMS:
            for key, value in params:
                candidate = value.strip()
                if key.lower() == wanted and _INNER_URL_RE.match(candidate):
                    inner = candidate
                    break
            if inner:
                break
        if inner is None:
            # A target percent-encoded in the path (``/redirect/https%3A%2F%2F...``).
            decoded_path = unquote(parts.path)
            m = _INNER_URL_RE.search(decoded_path[1:])
            if m and "%3a%2f%2f" in parts.path.lower():
                inner = decoded_path[1 + m.start() :]
        if inner is None or inner == url:
            break
        url = inner
    return reencode_url(url)


def host_of(url: str) -> str | None:
    """The lower-cased host name of ``url`` without port, or ``None``."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.rstrip(".") if host else None


def outlet_from_url(url: str) -> str | None:
    """A readable outlet name from the domain: ``https://www.firstpost.com/x`` → ``firstpost.com``."""
    host = host_of(url)
    if not host:
        return None
    host = _HOST_PREFIX_RE.sub("", host)
    return host or None


def is_bare_url(line: str) -> bool:
    """A line that holds nothing but a URL."""
    s = line.strip()
    return bool(s) and URL_RE.fullmatch(s) is not None


# --------------------------------------------------------------------------- titles from slugs

_SMALL_WORDS = frozenset("a an and as at but by for in nor of on or the to vs".split())
_SLUG_ID_RE = LazyPattern(
    r"^(?:\d{5,}|(?=[0-9a-f]*\d)[0-9a-f]{8,}|(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{10,})$", re.I
)
_PAGE_EXT_RE = LazyPattern(r"\.(?:s?html?|php\d?|aspx?|jsp|cms|amp)$", re.IGNORECASE)
_SLUG_DATE_RE = LazyPattern(r"(?<![0-9])\d{4}[-_]\d{1,2}[-_]\d{1,2}(?![0-9])")
_SLUG_SPLIT_RE = LazyPattern(r"[-_+\s]+")
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
        segment = _SLUG_DATE_RE.sub(" ", segment)
        if segment.lower() in _SLUG_STOP_SEGMENTS:
            continue
        words = [w for w in _SLUG_SPLIT_RE.split(segment) if w]
        words = [w for w in words if not _SLUG_ID_RE.match(w)]
        if len(words) >= 3 and sum(any(c.isalpha() for c in w) for w in words) >= 3:
            return " ".join(_capitalise(words).split())
    return None
