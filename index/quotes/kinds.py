"""Speech or term, whole or partial: what a quotation is once its speaker is known (or not)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import FINITE_ALT, FINITE_CUES, PARTICIPLE_CUES, TERM_LEAD_RE
from .marks import MarkSpan
from .sentences import LEAD_WINDOW

CONT_AFTER_RE = re.compile(r"\s*[a-z]")
ATTRIB_AHEAD_RE = re.compile(
    r"\s*[,;]?\s*(?:(?:[\w’'.\-]+\s+){1,4}?(?:" + FINITE_ALT + r")\b|according\s+to\b|(?:"
    + FINITE_ALT + r")\s+(?:he|she|they|the\s|[A-Z]))"
)
CUE_END_RE = re.compile(r"\b(?:" + FINITE_ALT + r")(?:\s+that)?$")


def _trailing_word(token: str) -> str:
    """The run of word characters (``\\w``) that ends ``token``."""
    j = len(token)
    while j > 0 and (token[j - 1].isalnum() or token[j - 1] == "_"):
        j -= 1
    return token[j:]


def _may_end_with_cue(text: str) -> bool:
    """Can :data:`CUE_END_RE` match ``text`` (stripped on the right)?  Only when its last word, or the
    word before a last ``that``, is a finite speech verb: one or two words looked up instead of a
    search of the whole lead."""
    tail = text.rsplit(None, 2)
    if not tail:
        return False
    if _trailing_word(tail[-1]) in FINITE_CUES:
        return True
    return tail[-1] == "that" and len(tail) >= 2 and _trailing_word(tail[-2]) in FINITE_CUES


@dataclass(slots=True)
class Found:
    """What the attribution step decided for one quotation."""

    speaker: str | None = None
    role: str | None = None
    cue: str | None = None
    partial: bool = False
    kind: str = "speech"
    how: str = ""
    speaker_kind: str | None = None
    who: object | None = None
    """The resolved speaker (a :class:`~.mentions.Who`), kept for quotes that continue this one."""


_MULTI_SENT_RE = re.compile(r"[.!?][”\"’]?\s+[A-Z“\"‘]")


_TITLE_BEFORE_RE = re.compile(
    r"(?:\b(?:on|of|in|at|from|to|for|with|about|hosts?|hosted|anchors?|anchored|watch|watched|show|program|"
    r"programme|podcast|series|magazine|newspaper|column|blog|book|film|movie|documentary|episode|memoir|novel|"
    r"album|song|musical|sequel|told|tells|telling|perform|performed|performs|performing)|\w[’']s?),?$",
    re.IGNORECASE,
)
_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w’'\-]*")
_SMALL_WORDS = frozenset("a an the and or nor but of in on at to for with by from vs as is it".split())


def is_title(content: str, before: str) -> bool:
    """A title (``on NBC’s “Meet the Press”``, ``in “The Art of the Deal”``, ``her film, “Trainwreck”``,
    ``told “Fox and Friends”``): words in title case right after a preposition, a possessive, a noun
    for a work or a show, or a verb whose object is a show. Titles are terms, never anybody's words."""
    bare = content.rstrip(" ,.!?")
    if "." in bare or "!" in bare or "?" in bare or ";" in bare or ":" in bare:
        return False  # (the cheap test first: most quotations are sentences)
    if content[:1].isalpha() and not content[0].isupper():
        return False  # (a letter opening the quotation opens its first word)
    if not _title_case_words(content, 8):
        return False
    return _TITLE_BEFORE_RE.search(before.rstrip()) is not None


def _title_case_words(content: str, most: int) -> bool:
    """Does ``content`` hold one to ``most`` words (:data:`_TITLE_WORD_RE`), the first capitalised
    and each of the others capitalised or a small word (``of``, ``the``)?  The words are read one by
    one, up to the first that says no (a long quotation is not listed whole)."""
    count = 0
    for wm in _TITLE_WORD_RE.finditer(content):
        w = wm.group()
        count += 1
        if count > most or (not w[:1].isupper() and (count == 1 or w.lower() not in _SMALL_WORDS)):
            return False
    return count > 0


_MARKUP_RE = re.compile(r"<[a-z/][^>]*>?|(?<!\w)\w+=[\"“]|^\W*[A-Z]\w*:\W*$")
"""Markup or a lone label (``<tweet …``, ``author="…"``, ``Related:``): page furniture, no one's words."""


_NEXT_WORD_RE = re.compile(r"\s+([a-z][a-z\-]*)\b")
_NOT_NOUNS = frozenset(
    """is are was were be been has have had will would could should may might must can do does did
    and or but nor as at by for from in into of on to with than that which who whom whose when while
    if because so yet not also still just even only then there here it its their his her our he she they
    we you twice once again multiple several many more times today yesterday tonight now before after
    anymore one two three four five six seven eight nine ten dozen dozens hundreds thousands""".split()
)


def is_title_modifier(content: str, after: str) -> bool:
    """A name in title case used as a modifier of the noun after it (``the “Stop Trump” movement``,
    ``a “Make America Great Again” hat``, ``the “Super Tuesday” primary``): a term, nobody's words.
    The quote holds no punctuation of its own and the word after it is a lower-case noun, not a
    verb, an adverb or a function word."""
    nm = _NEXT_WORD_RE.match(after)  # the cheap test first: most quotes end before punctuation
    if nm is None:
        return False
    nxt = nm.group(1)
    if nxt in _NOT_NOUNS or nxt.endswith(("ed", "ly")) or nxt in FINITE_CUES or nxt in PARTICIPLE_CUES:
        return False
    if content != content.strip(" ,.!?;:"):
        return False
    return _title_case_words(content, 6)


def is_markup(content: str) -> bool:
    """Is the quotation page markup or a lone label rather than words (``“<tweet …``, ``“Related:”``)?"""
    if "<" not in content and "=" not in content and ":" not in content:
        return False  # each branch of the pattern needs one of these
    return _MARKUP_RE.search(content) is not None


def _continues_after(m: str, trail_s: int, trail_e: int) -> bool:
    """Does the sentence go on after a closed quote with words that are no attribution (the text after
    it, ``m[trail_s:trail_e]``, up to the next quote or the sentence's end)?"""
    after = m[trail_s:trail_e]
    return CONT_AFTER_RE.match(after) is not None and ATTRIB_AHEAD_RE.match(after) is None


def shape(res: Found, text: str, m: str, sp: MarkSpan, floor: int, anchor: int, trail_s: int, trail_e: int, headline: bool, how: str) -> None:
    """Set ``partial`` and ``kind`` for one quote."""
    content = text[sp.start : sp.end]
    lead = m[anchor - LEAD_WINDOW if anchor - LEAD_WINDOW > floor else floor : anchor]  # (no ``max``: it parses keywords per call in 3.11)
    lead_r = lead.rstrip()
    embedded_before = bool(lead_r) and lead_r[-1].isalnum() and len(lead_r) < len(lead)
    n_words = len(content.split(None, 6))  # (the words up to seven: no test below counts further)
    # Does the sentence go on after the quote (not with an attribution)? Worked out only where an
    # answer reads it (most quotes are settled before: a speaker, a lead that embeds them).
    continues_after: bool | None = None if sp.close_pos is not None and how not in ("trail", "vague") else False
    partial = False
    if embedded_before and _may_end_with_cue(lead_r) and CUE_END_RE.search(lead_r):
        partial = n_words <= 2
    elif embedded_before:
        partial = not ((content[:1].isupper() and n_words >= 6) or _MULTI_SENT_RE.search(content) is not None)
    elif n_words <= 5:
        continues_after = _continues_after(m, trail_s, trail_e) if continues_after is None else continues_after
        partial = continues_after
    res.partial = partial
    if how == "title":
        res.kind, res.partial = "term", True
        return
    if res.speaker:
        res.kind = "speech"
        return
    if headline:
        res.kind = "term"
        return
    if TERM_LEAD_RE.search(lead_r[-40:] + " "):  # (what matches without the space matches with it)
        res.kind = "term"
        res.partial = True
        return
    if partial:
        res.kind = "term"
        return
    if continues_after is None:
        continues_after = _continues_after(m, trail_s, trail_e)
    if embedded_before and continues_after:
        res.kind = "term"
        res.partial = True
        return
    if not sp.double and (n_words <= 4 or embedded_before):
        res.kind = "term"
        res.partial = embedded_before or continues_after
        return
    res.kind = "speech"
