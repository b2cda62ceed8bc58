"""The one analyser class: how text becomes index terms, for indexing, for queries and for hit spans.

A :class:`WordAnalyzer` finds words with one regular expression, lower-cases
them, folds *format characters* (zero-width spaces and joiners, soft hyphens,
direction marks: invisible, yet they split ``Pu\\u200btin`` in two) out of them,
and, for stemmed fields, stems them (Porter, as Whoosh's ``StemmingAnalyzer``).
The schema uses it to index (through Whoosh's analyser protocol, or
:meth:`WordAnalyzer.postings` on the fast path), Whoosh's query parser uses it
to parse, and :meth:`~WordAnalyzer.tokens` / :meth:`~WordAnalyzer.spans` find the
hits again in an article's text. Offsets always index the text as given: a word
holding a zero-width space keeps it inside its span.

Patterns are compiled on first use (importing this module compiles nothing).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from whoosh.analysis.acore import Composable
from whoosh.analysis.acore import Token as WhooshToken

STEM = "stem"
PLAIN = "plain"
PARTS = "parts"

FORMAT_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)
"""Unicode's format characters (category Cf): folded out of words, never splitting them."""

_WORD_EXPRESSION = r"[\w\*]+(?:{fmt}*\.?{fmt}*[\w\*]+)*"
"""Whoosh's default word pattern (``[\\w\\*]+(\\.?[\\w\\*]+)*``), with format characters allowed inside a word."""
_PARTS_EXPRESSION = r"[^\W_]+(?:{fmt}+[^\W_]+)*"
"""Words and domain parts: ``outlet:firstpost`` finds ``firstpost.com``, ``url:sputnikglobe`` its links."""


class Token(NamedTuple):
    """An analysed word of a text, with where it stands."""

    text: str
    start: int
    end: int
    pos: int


class _Compiled:
    """The patterns and tables, made on first use."""

    fmt_class: str
    fold: dict[int, None]
    has_format: re.Pattern[str]
    patterns: dict[str, re.Pattern[str]]

    def __init__(self) -> None:
        self.fmt_class = "[" + "".join(
            re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in FORMAT_RANGES
        ) + "]"
        self.fold = {cp: None for a, b in FORMAT_RANGES for cp in range(a, b + 1)}
        self.has_format = re.compile(self.fmt_class)
        words = re.compile(_WORD_EXPRESSION.format(fmt=self.fmt_class))
        parts = re.compile(_PARTS_EXPRESSION.format(fmt=self.fmt_class))
        self.patterns = {STEM: words, PLAIN: words, PARTS: parts}


_compiled: _Compiled | None = None


def _tables() -> _Compiled:
    global _compiled
    if _compiled is None:
        _compiled = _Compiled()
    return _compiled


def fold_format(text: str) -> str:
    """``text`` without format characters (zero-width spaces, soft hyphens, direction marks, …)."""
    tables = _tables()
    return text.translate(tables.fold) if tables.has_format.search(text) else text


_STEMS: dict[str, str] = {}
_STEM_CACHE_MAX = 200_000


def stem(word: str) -> str:
    """The Porter stem of a lower-cased word, as Whoosh's ``StemFilter`` gives it (cached)."""
    got = _STEMS.get(word)
    if got is None:
        from whoosh.lang.porter import stem as porter

        got = porter(word)
        if len(_STEMS) >= _STEM_CACHE_MAX:
            _STEMS.clear()
        _STEMS[word] = got
    return got


class WordAnalyzer(Composable):
    """Words → lower case → format characters folded out → (Porter stem). One pass, one regular expression.

    ``kind`` is :data:`STEM`, :data:`PLAIN` (no stemming) or :data:`PARTS`
    (letters and digits only, no stemming: domain names and URLs).
    """

    is_morph = False

    def __init__(self, kind: str = STEM) -> None:
        if kind not in (STEM, PLAIN, PARTS):
            raise ValueError(f"unknown analyser kind {kind!r}")
        self.kind = kind

    # Whoosh pickles analysers into the index's table of contents: keep only the kind.
    def __getstate__(self) -> dict[str, Any]:
        return {"kind": self.kind}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.kind = state.get("kind", STEM)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordAnalyzer) and other.kind == self.kind

    def __hash__(self) -> int:
        return hash((WordAnalyzer, self.kind))

    def __repr__(self) -> str:
        return f"WordAnalyzer({self.kind!r})"

    def has_morph(self) -> bool:
        return self.kind == STEM

    def clean(self) -> None:
        """Whoosh's analyser protocol: nothing to clean."""

    # -- terms ------------------------------------------------------------------------------
    @property
    def pattern(self) -> re.Pattern[str]:
        """The regular expression that finds words."""
        return _tables().patterns[self.kind]

    def term(self, word: str) -> str:
        """The index term of one word as the pattern found it."""
        low = word.lower()
        if not low.isascii():
            low = fold_format(low)
        return stem(low) if self.kind == STEM else low

    def pattern_text(self, text: str) -> str:
        """A wildcard, prefix, fuzzy or range text as typed: lower-cased and folded, never stemmed or split."""
        return fold_format(text.lower())

    # -- Whoosh's analyser protocol -----------------------------------------------------------
    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[WhooshToken]:
        t = WhooshToken(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:  # a multiterm or range text: searched as typed (see pattern_text)
            t.original = t.text = self.pattern_text(value)
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        term = self.term
        for pos, m in enumerate(self.pattern.finditer(value), start_pos):
            word = m.group()
            t.text = term(word)
            if keeporiginal:
                t.original = word
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + m.start()
                t.endchar = start_char + m.end()
            yield t

    # -- the fast paths -----------------------------------------------------------------------
    def postings(self, text: str, words: set[str] | None = None) -> tuple[dict[str, list[int]], int]:
        """Term → positions of one text, and its number of words; ``words`` collects the words, unstemmed.

        Positions are grouped by word as written first, so each distinct word
        is lower-cased, folded and stemmed once per text.
        """
        found = self.pattern.findall(text)
        by_word: dict[str, list[int]] = {}
        get = by_word.get
        for pos, word in enumerate(found):
            got = get(word)
            if got is None:
                by_word[word] = [pos]
            else:
                got.append(pos)
        out: dict[str, list[int]] = {}
        merged: list[str] = []
        stems = _STEMS
        plain = self.kind != STEM
        for word, positions in by_word.items():
            low = word.lower()
            if not low.isascii():
                low = fold_format(low)
            if words is not None:
                words.add(low)
            if plain:
                term = low
            else:
                term = stems.get(low)  # type: ignore[assignment]
                if term is None:
                    term = stem(low)
            got = out.get(term)
            if got is None:
                out[term] = positions
            else:
                got.extend(positions)
                merged.append(term)
        for term in merged:
            out[term].sort()
        return out, len(found)

    def tokens(self, text: str) -> list[Token]:
        """Every word of ``text`` as its term, with its offsets and position."""
        term = self.term
        return [Token(term(m.group()), m.start(), m.end(), pos) for pos, m in enumerate(self.pattern.finditer(text))]

    def spans(self, text: str, wanted: frozenset[str] | set[str]) -> list[tuple[int, int]]:
        """Where the words of ``text`` whose term is in ``wanted`` stand.

        Same result as filtering :meth:`tokens`, but each distinct word is
        analysed once and only the matching ones are located.
        """
        if not wanted:
            return []
        pattern = self.pattern
        term = self.term
        found = {word for word in set(pattern.findall(text)) if term(word) in wanted}
        if not found:
            return []
        return [m.span() for m in pattern.finditer(text) if m.group() in found]


ANALYZERS: dict[str, WordAnalyzer] = {kind: WordAnalyzer(kind) for kind in (STEM, PLAIN, PARTS)}
"""One analyser per kind, shared by the schema, the query parser and span finding."""


def analyze(text: str, kind: str) -> list[Token]:
    """The words of ``text`` as the index has them (for highlighting)."""
    return ANALYZERS[kind].tokens(text)


def term_spans(text: str, kind: str, wanted: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Where the words of ``text`` whose term is in ``wanted`` stand."""
    return ANALYZERS[kind].spans(text, wanted)
