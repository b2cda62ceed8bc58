"""Sentences of an article: the quotations masked, paragraphs split into sentences, headline lines."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .cues import ATTRIB_AFTER_RE, FINITE_ALT
from .marks import MarkSpan
from .words import ABBR_TITLE_WORDS


MASK = "#"

_ABBREVS = frozenset(w.lower() for w in ABBR_TITLE_WORDS) | frozenset(
    """mr mrs ms dr sen rep gov gen lt col capt sgt adm maj prof rev st jr sr inc corp co ltd no vs
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft cmdr supt atty det insp pres amb hon
    reps sens gens est approx dept univ""".split()
)
assert all(a.isascii() for a in _ABBREVS)
_LONG_WORD = 1 + max(len(a) - len(a.rstrip("abcdefghijklmnopqrstuvwxyz")) for a in _ABBREVS)
"""Letters enough to end no abbreviation and no initials: a word whose last ``_LONG_WORD`` characters
are letters is neither (every abbreviation of :data:`_ABBREVS` ends with fewer lower-case ASCII
letters, and lower-casing a letter makes no ASCII punctuation; initials end ``.x``)."""
_SENT_RE = re.compile(
    # ``[.!?…](?<![.!?…].)`` is ``(?<![.!?…])[.!?…]`` with a literal-set prefix (much faster to scan);
    # the second branch (``[.!?][”"](?=[A-Z#])``) shares that first character, so the whole pattern
    # opens with one character class and the engine skips to candidate stops in C.
    r"[.!?…](?:(?<![.!?…].)[.!?…]*+[\"”’)\]]*+(?:\s++(?=[“\"‘'(\[]?[A-Z0-9#\u00C0-\u00DE])|(?=[“\"][A-Z#])|(?=[A-Z][a-z]))"
    r"|(?<=[.!?])[”\"](?=[A-Z#]))"
)

_SENT_ASCII_RE = re.compile(_SENT_RE.pattern.replace("…", ""))
""":data:`_SENT_RE` without ``…``: the same matches on a text that holds no ``…`` (most do), found
twice as fast, as its first character class is then a bitmap of ASCII characters (with ``…`` in it,
the engine tests a two-level table at every character of the article)."""
assert _SENT_RE.pattern.count("[.!?…]") == 3 and "…" not in _SENT_ASCII_RE.pattern  # (the three sets of stops)


def _stop_re(masked: str) -> re.Pattern[str]:
    """The stop pattern for ``masked``: :data:`_SENT_ASCII_RE` when it holds no ``…``."""
    return _SENT_RE if "…" in masked else _SENT_ASCII_RE


_HEADLINE_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*")


_INITIALS_RE = re.compile(r"(?:[a-z]\.)*[a-z]")


def mask_quotes(text: str, spans: list[MarkSpan]) -> str:
    """``text`` with every quotation's words replaced by ``#`` (final ``.!?`` kept)."""
    parts: list[str] = []
    pos = 0
    for sp in spans:
        s = sp.open_pos + 1 if sp.open_pos is not None else sp.start
        e = sp.close_pos if sp.close_pos is not None else sp.end
        if s < pos or e <= s:
            continue
        parts.append(text[pos:s])
        seg = text[s:e]
        keep = seg.rstrip()
        tail = keep[-1] if keep and keep[-1] in ".!?" else ""
        body = MASK * (len(seg) - len(tail) - (len(seg) - len(keep)))
        parts.append(body + tail + " " * (len(seg) - len(keep)))
        pos = e
    parts.append(text[pos:])
    masked = "".join(parts)
    for c in _ODD_SPACES:  # (a fast scan per space, not a class test per character)
        if c in masked:
            # ``Hiro\xa0Aida\xa0said``: one space each, so offsets hold. ``str.replace`` per space
            # present, not ``str.translate`` with a dict: that looks every character up and raises
            # a ``KeyError`` inside for each one it keeps (~1.4 M instructions for a 6,000-character
            # article with one no-break space).
            masked = masked.replace(c, " ")
    return masked


_ODD_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
"""No-break, thin, narrow and other fixed-width spaces, common in text taken from web pages."""


def split_sentences(masked: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Sentence ranges of one paragraph of the masked text (abbreviations respected)."""
    out: list[tuple[int, int]] = []
    _split(masked, ps, pe, _stop_re(masked).finditer(masked, ps, pe), out)
    return out


def split_paragraphs(masked: str, paras: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """:func:`split_sentences` of every paragraph (``paras``: stripped, in order, apart), found in
    one pass of the stop pattern over the text instead of one per paragraph.

    The same stops are found: a stop whose match runs past its paragraph's end (over the line
    break, to the capital that opens the next paragraph) ends no sentence of that paragraph, as the
    pattern cut at the paragraph's end would not match there; its match ends where the next
    paragraph starts, where the per-paragraph search would start too."""
    found = _stop_re(masked).finditer(masked, paras[0][0] if paras else 0)
    pending = next(found, None)
    out: list[list[tuple[int, int]]] = []
    for ps, pe in paras:
        stops = []
        while pending is not None and pending.start() < pe:
            if pending.end() <= pe and pending.start() >= ps:
                stops.append(pending)
            pending = next(found, None)
        sents: list[tuple[int, int]] = []
        _split(masked, ps, pe, stops, sents)
        out.append(sents)
    return out


def _split(masked: str, ps: int, pe: int, stops: Iterable[re.Match[str]], out: list[tuple[int, int]]) -> None:
    """Append to ``out`` the sentences of the paragraph ``[ps, pe)`` that the stop pattern's
    matches ``stops`` end (abbreviations and initials end none)."""
    start = ps
    for m in stops:
        dot = m.start()
        if masked[dot] == "." and not (dot - _LONG_WORD >= ps and masked[dot - _LONG_WORD : dot].isalpha()):
            # The word before a full stop: an abbreviation (``Mr.``, ``Jan.``) or initials end no sentence
            # (a word of more letters than any abbreviation is neither: the cheap test first).
            lo = dot - 24 if dot - 24 > ps else ps  # (no ``max``: in 3.11 it parses keywords per call)
            # (the characters after the last white space of the 24 before the stop)
            word = masked[lo:dot].rsplit(None, 1)[-1] if dot > lo and not masked[dot - 1].isspace() else ""
            word = word.lower().strip("(“\"‘")
            if word in _ABBREVS or (word[1:2] in ("", ".") and _INITIALS_RE.fullmatch(word)):
                continue
        end = m.end()
        if masked[dot] in "?!" and masked[dot - 1 : dot] == MASK and masked[m.end() - 1 : m.end()].isspace() and masked[dot + 1 : dot + 2] in "”\"":
            if ATTRIB_AFTER_RE.match(masked, end, min(pe, end + 120)) or (
                masked[end : end + 1].isupper() and _APPOSED_ATTRIB_RE.match(masked, end, min(pe, end + 160))
            ):
                continue  # ``“…Katy!” Trump said``, ``“…?” Miller, a retired nurse, said``: the attribution
                # stays with its quotation
        if end > start:
            out.append((start, end))
            start = end
    if start < pe:
        out.append((start, pe))


_APPOSED_ATTRIB_RE = re.compile(
    r"(?:[A-Z][\w’'.\-]*)(?:\s+[A-Z][\w’'.\-]*){0,3},\s+[^,;:!?#“”\"]{1,80},\s+(?:[a-z]+ly\s+)?(?:" + FINITE_ALT + r")\b"
)
"""A name, a role or party tag in commas, then a speech verb (``Miller, a retired nurse, said``, ``Rep. Jo
Ames, R-Pa., said``): an attribution after a quotation that ends with ``?`` or ``!``."""


SENTENCE_ENDS = frozenset(".!?:;,)")
"""Last characters that end no headline (none of them is stripped before the test): a paragraph
ending with one is no headline, whatever :func:`headline_like` would read."""


def headline_like(para: str) -> bool:
    """A title-case line without final punctuation (a headline, a section title)."""
    if para[-1:] in SENTENCE_ENDS:
        return False  # (the cheap test first: most paragraphs end with a stop)
    s = para.strip().strip("“”\"‘’'«»„ ")
    if not s or s[-1] in ".!?:;,”\"’)" or len(s) > 200:
        return False
    words = _HEADLINE_WORD_RE.findall(s)
    if len(words) < 2:
        return True
    caps = 0
    for w in words:  # (a loop, not ``sum`` of a generator: no generator made per paragraph)
        if w[0].isupper():
            caps += 1
    return caps / len(words) >= 0.6


LEAD_WINDOW = 400
"""How far back (characters) the text before a quotation is read for a speech cue."""
