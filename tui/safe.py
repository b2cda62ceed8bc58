"""The one escaping path for text that comes from outside: articles, file names, queries.

Every such text that reaches a Rich or Textual renderer in the reader goes
through one of these functions first:

- :func:`text` — a Rich ``Text`` (list rows, headers, modal titles): literal by
  construction, with control characters made visible;
- :func:`content` — a Textual ``Content``, literal in the same way (palette prompts);
- :func:`markup` — a piece of a Textual *markup* string (toasts, palette help):
  brackets escaped so ``[@click=…]`` or ``[bold]`` stay text, on one line;
- :func:`plain` — a one-line plain string (header sub-title, default file names);
- :func:`safe_url` — a URL that may be shown or handed to the browser.

Control characters become visible stand-ins of the same length (``␛`` for ESC,
``␇`` for BEL), so an ANSI or OSC 8 escape sequence in an article shows as
text and never reaches the terminal; bidirectional overrides become ``�``.
Textual's own messages keep their markup: only what is inserted into them is
escaped here.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from rich.style import Style
from rich.text import Text
from textual.content import Content

from ..display import one_line, printable


def plain(value: object) -> str:
    """``value`` as one line of visible characters (newlines and tabs shown as ``␊`` ``␉``)."""
    return one_line("" if value is None else str(value))


def text(value: object, style: str | Style = "", *, multiline: bool = False) -> Text:
    """A Rich ``Text`` that shows ``value`` literally (``multiline`` keeps its line breaks)."""
    raw = "" if value is None else str(value)
    return Text(printable(raw) if multiline else one_line(raw), style=style, end="")


def content(value: object) -> Content:
    """A Textual ``Content`` that shows ``value`` literally, on one line."""
    return Content(plain(value))


def markup(value: object) -> str:
    """``value`` made safe to insert into a Textual markup string (one line, brackets escaped)."""
    return plain(value).replace("[", "\\[")


_URL_SAFE = "!#$%&'()*+,-./:;=?@[]_~"
"""Characters kept as they are when re-encoding a URL (reserved and unreserved ones, and ``%``)."""
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def safe_url(url: str | None) -> str | None:
    """``url`` re-encoded so it may be shown or opened, or ``None`` when it is not an http(s) address.

    Every character that may not stand in a URL (controls such as ESC, BEL and
    newline, spaces, non-ASCII letters, quotes, angle brackets) becomes a ``%XX``
    escape of its UTF-8 bytes; a ``%`` that starts no escape becomes ``%25``; a
    non-ASCII host becomes its IDNA form. ``javascript:``, ``file:``, ``data:``
    and any other scheme give ``None``.
    """
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
        host = parts.hostname
        if not host.isascii():
            host = host.encode("idna").decode("ascii")
        netloc = host if ":" not in host else f"[{host}]"
        if parts.port is not None:
            netloc += f":{parts.port}"
        rest = url.split("//", 1)[1]
        rest = rest[len(parts.netloc) :]
    except (ValueError, UnicodeError):  # a malformed IPv6 host or port, an unencodable host
        return None
    encoded = quote(rest, safe=_URL_SAFE, errors="replace")
    return f"{parts.scheme.lower()}://{netloc}{_BAD_PERCENT.sub('%25', encoded)}"
