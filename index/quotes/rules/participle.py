"""``“…,” cautioning, “…”``: a participle right after the quotation hangs off the clause's subject."""

from __future__ import annotations

import re

from ..cues import PARTICIPLE_ALT
from .base import Attribution, Reading, Site

PART_FIRST_RE = re.compile(r"(?:(?:and|then|before|while|after)\s+)?(?P<part>" + PARTICIPLE_ALT + r")\b")


def participle_after(r: Reading, site: Site) -> Attribution | None:
    """The subject of the clause a participle right after the quote hangs off."""
    if site.span.close_pos is None:
        return None
    m = r.m
    j = site.trail_s
    while j < site.trail_e and (m[j].isspace() or m[j] in ",;"):
        j += 1
    pm = PART_FIRST_RE.match(m, j, site.trail_e)
    if pm is None:
        return None
    who = r.clause_subject(site.anchor, site.s, site.e)
    return Attribution(who, pm.group("part"), pm.start("part"), "part") if who is not None else None
