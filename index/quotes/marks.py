"""Finding quotation spans from quote marks.

The finder works one paragraph (one line of the article text) at a time, so an
unpaired mark can swallow at most the rest of its own paragraph, never the rest
of the article. Inside a paragraph double marks (``“ ” " „ « »``) are paired by a
small state machine that looks at the glyph *and* at its neighbours, which copes
with the usual mess:

* a closing glyph used as an opening one (``the statement,” we are …”``),
* a paragraph that starts inside a quote and only closes (``… in practice”, Putin said``),
* an opening mark that is never closed (the quote runs to the end of its paragraph),
* multi-paragraph quotes where each paragraph re-opens (each paragraph gives one span;
  the attribution step links them),
* missing spaces around marks (``partners.“This``).

Single marks (``‘ ’ '``) are only looked at outside double-quoted text, so a nested
‘…’ belongs to its outer quote. At top level a single-quoted span needs an opening
mark after white space (so ``Trump’s``, ``don’t`` never open), must not be an elision
(``’90s``, ``’n’``, ``’em``) and must close within the paragraph and 300 characters.
All loops are linear in the text length: no backtracking regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import ATTRIB_AFTER_RE

DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
DOUBLE_NEUTRAL = '"＂'
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_NEUTRAL
SINGLE_MARKS = "‘’'‚‹›"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS

_DOUBLE_CHARS = tuple(dict.fromkeys(DOUBLE_MARKS))
"""Each double mark once (what :func:`_double_positions` looks for)."""
_SINGLE_OPENERS = "‘'‹"
"""The marks that can open a single-quoted span."""
_SINGLE_CLOSE_CHARS = "’'›"
_CLOSE_PUNCT = ".,;:!?)]}…"
_OPEN_PUNCT = "([{—–-/"
_ELISION_RE = re.compile(r"(?:\d0s|\d\ds|\d\d\b|n[’']|em\b|til\b|tis\b|twas\b|cause\b|bout\b|round\b|s\b)", re.IGNORECASE)
_MAX_SINGLE = 300
_SINGLE_CLOSE_RE = re.compile(r"(?<=\S)[’'›](?![^\W_])")


@dataclass(frozen=True, slots=True)
class MarkSpan:
    """One quotation found from its marks.

    ``start``/``end`` delimit the quoted words (white space stripped); ``open_pos``
    and ``close_pos`` are the offsets of the marks (``None`` when missing).
    """

    start: int
    end: int
    open_pos: int | None
    close_pos: int | None
    para_start: int
    para_end: int
    double: bool = True

    @property
    def outer_start(self) -> int:
        """First offset covered by the quote including its opening mark."""
        return self.open_pos if self.open_pos is not None else self.start

    @property
    def outer_end(self) -> int:
        """Offset just past the quote including its closing mark."""
        return self.close_pos + 1 if self.close_pos is not None else self.end


_LAST_PARAGRAPHS: list[tuple[str, list[tuple[int, int]]]] = [("", [])]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` ranges of the non-blank lines of ``text``.

    The last text's answer is kept (finding the quotes and attributing them both split the same
    article): the list is shared, and its users must not change it."""
    last = _LAST_PARAGRAPHS[0]
    if last[0] is text:
        return last[1]
    out = _paragraphs(text)
    _LAST_PARAGRAPHS[0] = (text, out)
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """:func:`paragraphs`, worked out."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        s, e = pos, nl
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos = nl + 1
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink ``[s, e)`` past surrounding white space."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _make(text: str, o: int | None, c: int | None, s: int, e: int, ps: int, pe: int, double: bool) -> MarkSpan | None:
    """A span for content ``[s, e)`` if it holds any visible character."""
    s, e = _strip(text, s, e)
    if e <= s:
        return None
    for ch in text[s:e]:
        if ch.isalnum():
            return MarkSpan(s, e, o, c, ps, pe, double)
    return None  # (a loop, not ``any()`` of a generator: one left at its first letter is closed by an exception)


def _double_spans(text: str, ps: int, pe: int, marks: list[int]) -> list[MarkSpan]:
    """Pair the double quote marks of one paragraph (``marks``: where they stand, in order)."""
    spans: list[MarkSpan] = []
    if not marks:
        return spans
    inside = False
    o = ps
    for i, p in enumerate(marks):
        ch = text[p]
        prev = text[p - 1] if p > ps else " "
        nxt = text[p + 1] if p + 1 < pe else " "
        opens_ctx = not nxt.isspace() and nxt not in _CLOSE_PUNCT and nxt not in DOUBLE_MARKS
        closes_ctx = not prev.isspace() and prev not in _OPEN_PUNCT and prev not in DOUBLE_OPEN
        later = i + 1 < len(marks)
        if not inside:
            if ch in DOUBLE_OPEN:
                inside, o = True, p
            elif ch in DOUBLE_NEUTRAL:
                if opens_ctx or (not closes_ctx and later):
                    inside, o = True, p
                elif closes_ctx and not spans and i == 0 and not prev.isdigit():
                    sp = _make(text, None, p, ps, p, ps, pe, True)
                    if sp:
                        spans.append(sp)
            else:  # a closing glyph while outside a quote
                if p == ps or (opens_ctx and not closes_ctx) or (not opens_ctx and not closes_ctx):
                    inside, o = True, p
                elif closes_ctx and nxt.isspace() and ATTRIB_AFTER_RE.match(text, p + 1, min(pe, p + 120)) is None and (
                    later or prev in ",:" or text[max(ps, p - 5) : p].lower().endswith("that")
                ):
                    inside, o = True, p  # misused as an opening mark: `statement,” we are`
                elif closes_ctx and not spans and i == 0 and not prev.isdigit():
                    sp = _make(text, None, p, ps, p, ps, pe, True)
                    if sp:
                        spans.append(sp)
        else:
            if ch in DOUBLE_OPEN and opens_ctx and not closes_ctx and prev.isspace():
                # An opening glyph while open: the previous quote was never closed.
                sp = _make(text, o, None, o + 1, p, ps, pe, True)
                if sp:
                    spans.append(sp)
                o = p
                continue
            sp = _make(text, o, p, o + 1, p, ps, pe, True)
            if sp:
                spans.append(sp)
            inside = False
    if inside:
        sp = _make(text, o, None, o + 1, pe, ps, pe, True)
        if sp:
            spans.append(sp)
    return spans


def _next_single(text: str, pos: int, end: int | None) -> int:
    """Where the first of :data:`_SINGLE_OPENERS` stands in ``text[pos:end]`` (``-1``: none), what
    ``re.search("[‘'‹]", text, pos, end)`` finds, found with one ``str.find`` per mark (which skips
    in C; the character class is tried at every character)."""
    best = -1
    find = text.find
    for ch in _SINGLE_OPENERS:
        at = find(ch, pos, end)
        if at >= 0:
            best = end = at  # (the next mark is looked for before this one only)
    return best


def _single_spans(text: str, ps: int, pe: int, blocked: list[tuple[int, int]]) -> list[MarkSpan]:
    """Top-level single-quoted spans of one paragraph, outside ``blocked`` ranges."""
    spans: list[MarkSpan] = []
    pos = ps
    bi = 0
    while True:
        p = _next_single(text, pos, pe)
        if p < 0:
            break
        pos = p + 1
        while bi < len(blocked) and blocked[bi][1] <= p:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] <= p < blocked[bi][1]:
            pos = blocked[bi][1]
            continue
        prev = text[p - 1] if p > ps else " "
        nxt = text[p + 1] if p + 1 < pe else " "
        if not (prev.isspace() or prev in "([{—–/" or prev in DOUBLE_MARKS):
            continue
        if not nxt.isalnum():
            continue
        if _ELISION_RE.match(text, p + 1, min(pe, p + 8)):
            continue
        limit = min(pe, p + _MAX_SINGLE)
        if bi < len(blocked) and blocked[bi][0] < limit:
            limit = blocked[bi][0]
        cm = _SINGLE_CLOSE_RE.search(text, p + 2, limit)
        if cm is None:
            continue
        close = cm.start()
        if close + 1 >= pe or close + 1 > limit:
            pass
        sp = _make(text, p, close, p + 1, close, ps, pe, False)
        if sp:
            spans.append(sp)
        pos = close + 1
    return spans


def _double_positions(text: str) -> list[int]:
    """Where every double mark of ``text`` stands, in order (what ``[m.start() for m in
    re.finditer("[“„‟«”»\"＂]", text)]`` gives): one ``str.find`` pass per mark, which skips in C
    and makes no match objects (a quarter of the pattern's cost)."""
    out: list[int] = []
    find = text.find
    for ch in _DOUBLE_CHARS:
        at = find(ch)
        while at >= 0:
            out.append(at)
            at = find(ch, at + 1)
    out.sort()
    return out


def find_spans(text: str) -> list[MarkSpan]:
    """Every quotation span of ``text`` in reading order, non-overlapping."""
    out: list[MarkSpan] = []
    # Every double mark of the article, found in one pass, and the next single mark (apostrophes
    # are many: only whether a paragraph holds one matters); a paragraph without any has no quote.
    doubles_at = _double_positions(text)
    kd = 0
    nd = len(doubles_at)
    single = _next_single(text, 0, None)
    for ps, pe in paragraphs(text):
        while kd < nd and doubles_at[kd] < ps:
            kd += 1
        jd = kd
        while jd < nd and doubles_at[jd] < pe:
            jd += 1
        if 0 <= single < ps:
            single = _next_single(text, ps, None)
        has_single = 0 <= single < pe
        if jd == kd and not has_single:
            continue
        doubles = _double_spans(text, ps, pe, doubles_at[kd:jd])
        kd = jd
        if has_single:
            singles = _single_spans(text, ps, pe, [(d.outer_start, d.outer_end) for d in doubles])
            merged = sorted(doubles + singles, key=lambda s: s.start) if singles else doubles
        else:
            merged = doubles  # (the double marks' spans come in reading order: nothing to sort)
        last_end = -1
        for sp in merged:
            if sp.outer_start >= last_end and sp.start >= last_end:
                if not _attribute_value(text, sp):
                    out.append(sp)
                last_end = sp.outer_end
    return out


def _attribute_value(text: str, sp: MarkSpan) -> bool:
    """``<tweet author="fireregui">``: marks right after ``=`` hold a markup attribute's value, no
    quotation (their marks still pair with each other)."""
    return sp.open_pos is not None and sp.open_pos > 0 and text[sp.open_pos - 1] == "="

