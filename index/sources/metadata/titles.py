"""Headlines: which line of an article is its title, and where exactly the title stands in it."""

from __future__ import annotations

from ...models import Span
from .patterns import LazyPattern

__all__ = [
    "MAX_TITLE_CHARS",
    "SETEXT_RE",
    "HEADING_RE",
    "fallback_title",
    "first_words",
    "is_headline",
    "strip_span",
    "unwrap_title",
]

MAX_TITLE_CHARS = 160
"""A headline line is at most this long (longer first lines are body text)."""
_MAX_TITLE_WORDS = 28
_OPENING_WORDS = 10
"""A title made of the opening words has this many words (then ``…``)."""

_FUNCTION_WORD_END = frozenset(
    "a an and are as at but by for from has have in into is it its of on or than that the "
    "their to was were which who whose will with".split()
)
_DATELINE_RE = LazyPattern(r"^[A-Z][A-Z.'’ ]{2,}(?:,\s*[A-Za-z. ]+)?\s*(?:\([^)]*\)\s*)?(?:\s[–—-]|[–—-]\s)")
_SENTENCE_BREAK_RE = LazyPattern(r"[a-z]{3,}[.]\s+[A-Z“\"]")
_INITIALS_END_RE = LazyPattern(r"\b[A-Z]\.[A-Z]\.$")
_LIST_ITEM_RE = LazyPattern(r"^\d+[.)]\s")
_TRAILING_NON_WORD_RE = LazyPattern(r"\W+$")
_WRAPPERS = (('"', '"'), ("“", "”"), ("„", "“"), ("«", "»"), ("‘", "’"), ("**", "**"), ("__", "__"), ("*", "*"), ("_", "_"))
HEADING_RE = LazyPattern(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
"""A Markdown ``# heading`` line (group 2: the heading text)."""
SETEXT_RE = LazyPattern(r"^ {0,3}(?:={3,}|-{3,})[ \t]*$")
"""The ``===`` or ``---`` line under a Markdown setext heading."""


def strip_span(text: str, start: int, end: int) -> Span:
    """Shrink ``(start, end)`` so that it starts and ends on non-space characters."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def unwrap_title(text: str, start: int, end: int) -> Span:
    """Remove quote marks or markdown emphasis wrapped around a whole title."""
    for _ in range(2):
        s = text[start:end]
        for left, right in _WRAPPERS:
            if len(s) > len(left) + len(right) and s.startswith(left) and s.endswith(right):
                inner = s[len(left) : len(s) - len(right)]
                if not _one_quotation(left, right, inner):
                    continue  # "A" and "B": two quotations, not one quoted headline
                start, end = strip_span(text, start + len(left), end - len(right))
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


def is_headline(line: str, next_line: str | None) -> bool:
    """True for a line that reads like a headline rather than the first line of prose.

    Headlines are short (at most :data:`MAX_TITLE_CHARS` characters and
    :data:`_MAX_TITLE_WORDS` words), do not end with a period, comma, colon or a
    dangling function word, contain no sentence break, do not start with a
    lower-case letter or a dateline (``MOSCOW –``), and are not continued by a
    next line starting in lower case.
    """
    s = line.strip()
    if not s or len(s) > MAX_TITLE_CHARS or not any(c.isalpha() for c in s):
        return False
    words = s.split()
    if len(words) > _MAX_TITLE_WORDS:
        return False
    first = s.lstrip("\"“„«‘'*_#([")[:1]
    if first.islower():
        return False
    if s[-1] in ".,;:" and not s.endswith("...") and not _INITIALS_END_RE.search(s):
        return False
    if s.startswith(("- ", "* ", "• ", "+ ", "> ")) or _LIST_ITEM_RE.match(s):
        return False
    last = _TRAILING_NON_WORD_RE.sub("", words[-1]).lower()
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


def fallback_title(text: str, start: int) -> str:
    """A title for an article without a headline: its opening words from ``start`` (``…`` when cut)."""
    words = text[start:].split(maxsplit=_OPENING_WORDS)
    if not words:
        words = text.split(maxsplit=_OPENING_WORDS)
    if len(words) > _OPENING_WORDS:
        return " ".join(words[:_OPENING_WORDS]).rstrip(",;:–—-") + "…"
    return " ".join(words)


def first_words(text: str, count: int = _OPENING_WORDS) -> str:
    """The first ``count`` words of ``text`` (``…`` when cut): the title of last resort."""
    words = text.split(maxsplit=count)
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
