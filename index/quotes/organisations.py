"""Which organisation ``the <noun>`` can describe (``the newspaper``, ``the company``, ``the central
bank``, ``the ministry``: the hints in an organisation's name that say what kind it is), and the one
it points back to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .phrases.names import parse_name

if TYPE_CHECKING:
    from .mentions import Article, Who

_MEDIA_HINT = re.compile(r"(?:Times|Post|Journal|News|Press|Herald|Tribune|Gazette|Telegraph|Guardian|"
                         r"Review|Magazine|Network|Radio|TV|Sputnik|Reuters|Bloomberg|Politico|Axios|"
                         r"Express|Mail|Mirror|Observer|Independent|Economist|Atlantic|Insider|Daily|"
                         r"^[A-Z]{2,5}$)")
COMPANY_NEXT_RE = re.compile(r"\s+(?:shares|stock|Inc\.?|Corp\.?|Co\.|reported|posted|announced)\b")
_GOV_HINT = re.compile(r"(?:House|Kremlin|Ministry|Department|Council|Government|Administration|Senate|Congress|Parliament|Pentagon|Duma|Cabinet|Office|Commission|Committee|Court|Agency|Bureau|Authority|Union|Assembly|Police)")
COMPANY_NOUNS = frozenset("company firm utility operator retailer automaker carrier airline startup maker manufacturer developer studio chipmaker planemaker carmaker giant conglomerate lender insurer".split())
_NAMED_BODY_NOUNS = frozenset(
    "ministry office embassy military army navy police cabinet parliament court board department commission council "
    "committee foundation university institute".split()
)
"""Bodies that ``the <noun>`` points back to only when their name says what they are."""
MEDIA_NOUNS = frozenset("newspaper paper outlet publication magazine journal website site broadcaster network daily tabloid station channel".split())


_BANK_HINT = re.compile(
    r"Bank|Reserve|\bFed\b|ECB|BoE|BOJ|Bancorp|Bancshares|Chase|Sachs|Citi|Fargo|JPMorgan|Morgan\s+Stanley|"
    r"Barclays|HSBC|UBS|Nomura|Jefferies|Santander|Mizuho|Macquarie|Lazard|Evercore|Natixis|Suisse|Paribas|"
    r"G[eé]n[eé]rale|Commerzbank|Rabobank|\bING\b|Securities|Schwab|Raymond\s+James|Piper\s+Sandler|Berenberg"
)


_CENTRAL_BANK_HINT = re.compile(
    r"Central\s+Bank|Reserve|\bFed\b|ECB|BoE|BOJ|PBOC|RBA|RBI|SNB|Riksbank|Bundesbank|Banque\s+de|Bank\s+of\s+"
    r"(?!America\b|New\s+York\s+Mellon\b)[A-Z]"
)


def org_fits(name: str, noun: str | None) -> bool:
    """Can the organisation ``name`` be described as ``the <noun>``?"""
    if noun in MEDIA_NOUNS or noun in COMPANY_NOUNS:
        parsed = parse_name(name)
        if parsed is not None and parsed.kind == "place":
            return False  # ``Missouri`` is neither a newspaper nor a company
    if noun in MEDIA_NOUNS:
        return _MEDIA_HINT.search(name) is not None
    if noun in COMPANY_NOUNS:
        return not (_GOV_HINT.search(name) or _MEDIA_HINT.search(name))
    if noun == "group":
        # ``the group wrote``: an association or a company, not a government or a campaign
        return not (_GOV_HINT.search(name) or name.endswith((" campaign", " administration")))
    if noun in _NAMED_BODY_NOUNS:
        return noun in name.lower()  # ``the ministry`` is the Foreign Ministry, not the Kremlin or a company
    if noun == "bank":
        return _BANK_HINT.search(name) is not None
    if noun == "central bank":
        return _CENTRAL_BANK_HINT.search(name) is not None
    return True


def resolve_org(art: Article, pos: int, noun: str | None) -> Who | None:
    """Most recent organisation before ``pos`` (within three paragraphs) fitting ``noun``:
    media nouns want a media name, company nouns refuse government bodies. With a noun
    (``the central bank``) and no fitting subject, an organisation merely mentioned
    nearby is taken when it is the only fitting one."""
    para = art.para_of(pos)
    for ev in reversed(art.events[-200:]):
        if ev.pos >= pos or ev.who.kind != "org":
            continue
        if para - ev.para > 3:
            break
        if org_fits(ev.who.name, noun):
            if noun and _orgs_nearby(art, pos, noun, ev.who.name):
                return None  # ``Morgan Stanley and Goldman Sachs …  the bank said``: which one?
            return ev.who
    if not noun:
        return None
    fits = {name for p, pi, name in art.org_mentions if p < pos and para - pi <= 3 and org_fits(name, noun) and name not in art.by_surname}
    if len(fits) == 1:
        from .mentions import Who  # (imported here: mentions imports this module through coreference)

        return Who(next(iter(fits)), "org")
    return None


def _orgs_nearby(art: Article, pos: int, noun: str, name: str) -> bool:
    """Is another organisation fitting ``noun`` named in this sentence or the one before?"""
    si = art.sent_of(pos)
    lo = art.sents[max(0, si - 1)][0] if art.sents else 0
    return any(
        lo <= p < pos and other not in name and name not in other and org_fits(other, noun)
        for p, _, other in art.org_mentions
    )
