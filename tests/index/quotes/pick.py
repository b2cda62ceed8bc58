"""One quotation of a short text, found by its opening words, and what attribution decided for it
(shared by the rule tests)."""

from __future__ import annotations

from byline.index.models import Quote
from byline.index.quotes import extract_quotes
from byline.index.quotes.attribution import attribute
from byline.index.quotes.kinds import Found
from byline.index.quotes.marks import find_spans


def found(text: str, opening: str) -> Found:
    """The attribution decided for the quotation that starts with ``opening`` (``Found.how`` says which rule)."""
    spans = find_spans(text)
    for sp, f in zip(spans, attribute(text, spans)):
        if text[sp.start : sp.end].startswith(opening):
            return f
    raise AssertionError(f"no quotation starts with {opening!r}: {[text[s.start:s.end] for s in spans]}")


def quote(text: str, opening: str) -> Quote:
    """The :class:`~byline.index.models.Quote` that ``extract_quotes`` gives the quotation that starts with ``opening``."""
    for q in extract_quotes(text):
        if q.text.startswith(opening):
            return q
    raise AssertionError(f"no quotation starts with {opening!r}")


def speaker(text: str, opening: str) -> str | None:
    """The speaker ``extract_quotes`` gives the quotation that starts with ``opening``."""
    return quote(text, opening).speaker
