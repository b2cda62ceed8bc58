"""Hit spans and keyword-in-context snippets (:func:`kwic`).

Spans are found by analysing the whole article text again with the index's own
analysers, so every hit is found wherever it stands (Whoosh's highlighter stops
at 32K characters), and its offsets index into the article text the reader shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .store.analysis import PLAIN, STEM, Token, term_spans
from .store.queries import MatchPlan
from .models import Span

Analyze = Callable[[str, str], list[Token]]


def find_spans(
    searchable: str,
    plan: MatchPlan,
    analyze: Analyze,
    quote_spans: Sequence[Span] = (),
) -> list[Span]:
    """Every span of ``searchable`` that the plan matches, sorted and merged.

    ``searchable`` has the same length as the article text (blanked lines keep
    their offsets), so the spans apply to the article text as it is.
    """
    spans: list[Span] = []
    tokens: dict[str, list[Token]] = {}

    def toks(kind: str) -> list[Token]:
        if kind not in tokens:
            tokens[kind] = analyze(searchable, kind)
        return tokens[kind]

    for kind in (STEM, PLAIN):
        wanted = plan.terms.get(kind, frozenset())
        if wanted:
            if kind in tokens:
                spans.extend((t.start, t.end) for t in tokens[kind] if t.text in wanted)
            else:
                spans.extend(term_spans(searchable, kind, wanted))
    for kind, words in plan.phrases:
        spans.extend(_phrase_spans(toks(kind), words))
    if quote_spans and (plan.quote_terms or plan.quote_phrases):
        inside = [t for t in toks(STEM) if _within(t, quote_spans)]
        spans.extend((t.start, t.end) for t in inside if t.text in plan.quote_terms)
        for words in plan.quote_phrases:
            spans.extend(_phrase_spans(inside, words))
    return merge_spans(spans)


def _within(tok: Token, regions: Sequence[Span]) -> bool:
    return any(start <= tok.start and tok.end <= end for start, end in regions)


def _phrase_spans(tokens: list[Token], words: Sequence[str]) -> list[Span]:
    """Spans of ``words`` standing one after another in ``tokens``."""
    n = len(words)
    if n == 0:
        return []
    out: list[Span] = []
    for i in range(len(tokens) - n + 1):
        if tokens[i].text != words[0]:
            continue
        ok = True
        for j in range(1, n):
            tok = tokens[i + j]
            if tok.text != words[j] or tok.pos != tokens[i + j - 1].pos + 1:
                ok = False
                break
        if ok:
            out.append((tokens[i].start, tokens[i + n - 1].end))
    return out


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    """Sort spans and merge those that overlap."""
    merged: list[Span] = []
    for start, end in sorted(set(spans)):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def kwic(text: str, spans: Sequence[Span], width: int = 140, fallback_start: int = 0) -> tuple[str, list[Span]]:
    """A one-line extract around the first span, and where the hits stand in it.

    White space (line breaks, non-breaking spaces) is folded to single spaces and
    the extract is cut at word boundaries, with ``…`` where text was left out.
    """
    if spans:
        start, end = spans[0]
    else:
        start = end = min(max(fallback_start, 0), len(text))
    end = min(end, start + width)
    half = max((width - (end - start)) // 2, 20)
    lo = max(0, start - half) if spans else start
    if not spans:
        half = width
    hi = min(len(text), end + half)
    if lo > 0 and spans:
        space = _find_space(text, lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = _rfind_space(text, end, hi)
        hi = space if space != -1 else hi
    # fold white space, remembering where each kept character came from
    chars: list[str] = []
    origin: list[int] = []
    for i in range(lo, hi):
        ch = text[i]
        if ch.isspace():
            if not chars or chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        origin.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    body = "".join(chars)
    marks: list[Span] = []
    for s_start, s_end in spans:
        idx = [k for k, o in enumerate(origin) if s_start <= o < s_end]
        if idx:
            marks.append((idx[0] + len(prefix), idx[-1] + 1 + len(prefix)))
    if not body:
        return "", []
    return f"{prefix}{body}{suffix}", marks


def _find_space(text: str, lo: int, hi: int) -> int:
    for i in range(lo, hi):
        if text[i].isspace():
            return i
    return -1


def _rfind_space(text: str, lo: int, hi: int) -> int:
    for i in range(hi - 1, lo - 1, -1):
        if text[i].isspace():
            return i
    return -1
