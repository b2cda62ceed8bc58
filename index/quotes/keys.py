"""The key that says two quotations carry the same words (cheap to import: no attribution code)."""

from __future__ import annotations

import re
import unicodedata


_APOS_RE = re.compile(r"[’‘`´′ʼ]")
_PUNCT_RE = re.compile(r"[^\w\s]|_")
WS_RE = re.compile(r"\s+")


def normalize_quote_text(text: str) -> str:
    """A key for "the same words quoted elsewhere": case-folded, apostrophes and
    quote marks unified then dropped with all punctuation, white space collapsed."""
    t = unicodedata.normalize("NFKC", text or "")
    t = _APOS_RE.sub("'", t).casefold()
    t = t.replace("'", "")
    t = _PUNCT_RE.sub(" ", t)
    return WS_RE.sub(" ", t).strip()
