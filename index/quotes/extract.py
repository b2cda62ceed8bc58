"""The public entry point: quotations of one article, with speakers."""

from __future__ import annotations

import re

from ..models import Quote
from .attribution import attribute, Found
from .marks import find_spans

_APOS_RE = re.compile(r"[’‘`´′ʼ]")
_PUNCT_RE = re.compile(r"[^\w\s]|_")
WS_RE = re.compile(r"\s+")


def extract_quotes(text: str, body_start: int = 0) -> list[Quote]:
    """Every quotation in ``text`` in reading order, with speaker, role and cue.

    ``text[q.start:q.end] == q.text`` holds for each quote; spans cover the words
    inside the marks (white space stripped) and never overlap. A nested ‘…’ inside
    “…” belongs to the outer quote and is not reported on its own. Quotes that
    stand before ``body_start`` (title and metadata lines) are reported with
    ``kind="term"`` and no speaker. A quote that runs over several paragraphs is
    reported once per paragraph, each piece with the same speaker. Never raises:
    on unexpected trouble it falls back to unattributed spans, then to nothing.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        spans = find_spans(text)
    except Exception:  # pragma: no cover - defensive: the finder is total
        return []
    try:
        found = attribute(text, spans, max(0, int(body_start or 0)))
    except Exception:  # pragma: no cover - defensive: attribution is heuristic
        found = [Found() for _ in spans]
    out: list[Quote] = []
    for sp, f in zip(spans, found):
        out.append(
            Quote(
                start=sp.start,
                end=sp.end,
                text=text[sp.start : sp.end],
                speaker=f.speaker or None,
                role=f.role if f.speaker else None,
                cue=f.cue if f.speaker else None,
                partial=f.partial,
                kind="speech" if f.speaker else f.kind,  # type: ignore[arg-type]
                speaker_kind=f.speaker_kind if f.speaker else None,  # type: ignore[arg-type]
            )
        )
    return out
