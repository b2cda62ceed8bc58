"""Headlines: which line of an article is its title, and where exactly the title stands in it."""

from __future__ import annotations

from ...models import Span
from .patterns import LazyPattern

__all__ = [
    "MAX_TITLE_CHARS",
    "SETEXT_RE",
    "HEADING_RE",
    "dateline",
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
    quoted_end = s[-1] in "'’\"”»"  # 'I was not leant on': the quotation may end on any word
    if last in _FUNCTION_WORD_END and len(words) > 1 and not quoted_end:
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


_FALLBACK_WORDS = 14
"""A first sentence of at most this many words is a whole title."""
_FALLBACK_CUT = 12
"""A longer one is cut at a clause boundary within its first words, else after this many."""
_MIN_CLAUSE_WORDS = 6
_CLAUSE_WORDS = frozenset(
    "after amid as because before despite following saying that when where which while who whose".split()
)
"""Words that open a clause: a long first sentence reads best cut just before one."""
_DATELINE_AGENCY_RE = LazyPattern(r"\(([^()]{2,40})\)")
_SENTENCE_END_RE = LazyPattern(r"(?<=[a-z0-9%”’\"')\]]{2})[.!?](?=[”’\"']?(?:\s|$))")


def dateline(line: str) -> tuple[int, str | None] | None:
    """A wire dateline opening ``line`` (``BEIJING (Reuters) -``): ``(its length, the agency named)``, or ``None``."""
    m = _DATELINE_RE.match(line)
    if not m:
        return None
    agency = _DATELINE_AGENCY_RE.search(m.group())
    return m.end(), (" ".join(agency.group(1).split()) if agency else None)


def _first_paragraph(text: str) -> str:
    """The first paragraph of ``text``: its first non-blank line, with the lines that continue it.

    A line continues the one before when it starts in lower case (hard-wrapped
    prose); otherwise each line is a paragraph of its own.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            if lines:
                break
            continue
        if lines and not s[0].islower():
            break
        lines.append(s)
    return " ".join(lines)


def fallback_title(text: str, start: int) -> str:
    """A readable title for an article without a headline, from its first sentence.

    The first paragraph from ``start`` (without a wire dateline such as
    ``BEIJING (Reuters) -``) gives its first sentence; a sentence of up to
    :data:`_FALLBACK_WORDS` words is the title (without its full stop), a longer
    one is cut (``…``) at the last clause boundary (a comma, a dash, a word such as
    *that* or *after*) among its first words, else after :data:`_FALLBACK_CUT` words.
    """
    para = _first_paragraph(text[start:]) or _first_paragraph(text)
    opening = dateline(para)
    if opening is not None and para[opening[0] :].strip():
        para = para[opening[0] :].lstrip(" –—-:")
    end = _SENTENCE_END_RE.search(para)
    sentence = para[: end.start()] if end else para
    words = sentence.split()
    if len(words) <= _FALLBACK_WORDS:
        return " ".join(words) + ("" if end or len(words) == len(para.split()) else "…")
    cut = 0
    for i in range(_MIN_CLAUSE_WORDS, _FALLBACK_WORDS + 1):
        prev, word = words[i - 1], words[i]
        if prev[-1] in ",;:" or word in ("—", "–", "-") or word.lower() in _CLAUSE_WORDS:
            cut = i
    if not cut:
        cut = _FALLBACK_CUT
        while cut > _MIN_CLAUSE_WORDS and _TRAILING_NON_WORD_RE.sub("", words[cut - 1]).lower() in _FUNCTION_WORD_END:
            cut -= 1
    return " ".join(words[:cut]).rstrip(",;:–—-") + "…"


def first_words(text: str, count: int = _OPENING_WORDS) -> str:
    """The first ``count`` words of ``text`` (``…`` when cut): the title of last resort."""
    words = text.split(maxsplit=count)
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
