"""Attributions by a passive verb's agent: ``has been called “strategic ambiguity” by Jane Roe, a
professor``; ``being “extremely careless” – as described by FBI Director Jane Roe –``."""

from __future__ import annotations

import re

from ..phrases.after import np_after
from ..mentions import VAGUE
from .base import Attribution, Reading, Site

_NAMING = (
    r"called|described|labell?ed|dubbed|termed|branded|characteri[sz]ed|derided|decried|hailed|"
    r"denounced|criticized|criticised|mocked|ridiculed|praised|condemned|deemed"
)
_PASSIVE_BEFORE_RE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s+|[,—–(]\s*)(?:(?:[a-z]+ly|also|even|once|long)\s+)*"
    r"(?:" + _NAMING + r")\s+(?:as\s+)?(?:(?:a|an|the|its|their)\s+)?(?:[a-z]+\s+)?$"
)
"""A passive naming verb right before the quote (``has been called``, ``, often labeled as a``)."""
_BY_AFTER_RE = re.compile(r"\s*,?\s*by\s+(?=[A-Z])")
"""The agent right after the quote (``“…” by Jane Roe``)."""
_AS_BY_RE = re.compile(
    r"(?:[,—–(]|\s-)\s*as\s+(?:(?:it|she|he|they)\s+(?:was|were|is|are|has\s+been)\s+)?(?:first\s+)?"
    r"(?:described|called|labell?ed|dubbed|termed|characteri[sz]ed|put)\s+by\s+(?=[A-Z])"
)
"""An as-clause naming who described it so (``– as described by FBI Director Jane Roe –``)."""


def passive_agent(r: Reading, site: Site) -> Attribution | None:
    """The agent of a passive naming verb whose complement the quotation is (``has been called “…” by
    Jane Roe``), or of an as-clause after it (``“…” – as described by Jane Roe –``); only a name the
    article can resolve to a person or an organisation."""
    sp = site.span
    if sp.close_pos is None:
        return None
    m = r.m
    end = site.trail_e
    if " by " not in m[site.trail_s : end]:
        return None  # (the cheap test first: most quotations have no ``by`` after them)
    bm = _BY_AFTER_RE.match(m, site.trail_s, end)
    if bm is not None:
        if _PASSIVE_BEFORE_RE.search(m, max(site.floor, site.anchor - 60), site.anchor) is None:
            return None  # ``a book “…” by Jane Roe``: an author, no speaker
        at = bm.end()
    else:
        am = _AS_BY_RE.search(m, site.trail_s, end)
        if am is None or '"' in m[site.trail_s : am.start()] or "“" in m[site.trail_s : am.start()]:
            return None
        at = am.end()
    np = np_after(m, at, site.e)
    if np is None or not np.name:
        return None
    who = r.art.resolve(np, at)
    if who is None or who is VAGUE or who.kind not in ("person", "org"):
        return None
    return Attribution(who, "by", at, "agent")
