"""Quotations with no cue of their own that carry on an attributed one: ``“…,” he said. “…”``, a
quote paragraph right after an attributed quote, a paragraph after ``X said:``."""

from __future__ import annotations

import re

from ..mentions import Who
from ..sentences import LEAD_WINDOW
from .base import Attribution, Reading, Site

LEAD_SKIP_RE = re.compile(r"[\s—–\-(\[]*")


def few_words_after(m: str, start: int, end: int) -> bool:
    """Only an attribution (a handful of words) follows the quote in its paragraph."""
    return len(m[start:end].split()) <= 8


def starts_sentence(r: Reading, site: Site) -> bool:
    """Nothing but dashes and brackets stands before the quote in its sentence."""
    return LEAD_SKIP_RE.fullmatch(r.m[max(site.floor, site.anchor - LEAD_WINDOW) : site.anchor]) is not None


def carried(r: Reading, site: Site) -> Attribution | None:
    """The speaker of the quote before (same paragraph, this sentence or the one before; or the
    paragraph before, when it ended with that quote and its attribution), else the speaker of a
    cue that ended the paragraph before (``X said:``)."""
    if site.headline or not starts_sentence(r, site):
        return None
    q = site.q
    prev = q - 1
    results = r.results
    if prev >= 0 and results[prev].speaker and results[prev].kind == "speech":
        same_para = r.q_para[prev] == r.q_para[q]
        if (same_para and site.si - r.q_sent[prev] <= 1) or (
            not same_para
            and r.q_para[q] - r.q_para[prev] == 1
            and site.anchor <= site.ps + 1
            and (
                r.spans[prev].close_pos is None
                or few_words_after(r.m, r.spans[prev].outer_end, r.art.paras[r.q_para[prev]][1])
            )
        ):
            who = results[prev].who
            if isinstance(who, Who):
                return Attribution(who, results[prev].cue, site.anchor, "cont")
    if site.anchor <= site.ps + 1 and site.pi - 1 in r.para_cue:
        pw, pc, _ = r.para_cue[site.pi - 1]
        return Attribution(pw, pc, site.anchor, "prev")
    return None
