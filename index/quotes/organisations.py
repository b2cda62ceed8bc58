"""Which organisation ``the <noun>`` can describe (``the newspaper``, ``the company``, ``the central
bank``, ``the ministry``: the hints in an organisation's name that say what kind it is), and the one
it points back to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cues import finite_alt
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


# ------------------------------------------------------------------ a lone name's own evidence

_SAYS = r"(?:" + finite_alt("say state add announce report confirm warn expect") + r")"
_WHEN = r"(?:\s+(?:on|in|last|this|late|early|earlier|later)\s+[A-Z]?[a-z]+)?"
_IT_VERBS = (
    r"(?:(?:would|will|could|may|might)\s+(?!be\b|have\s+been\b)|(?:has|had)\s+(?!been\b)|plans?|planned|expects?|expected|"
    r"intends?|intended|aims?|hopes?|hoped|"
    r"investigated|investigates|removed|removes|suspended|suspends|employs|employed|sold|sells)\b"
)
_ORG_AFTER_RE = re.compile(
    r"[’']s?\s+(?:(?:current|former|new|own|interim)\s+(?:and\s+(?:current|former|new)\s+)?)?"
    r"(?:shares|stock|share\s+price|chief\s+(?:executive|financial\s+officer)|CEO|headquarters|board\s+of\s+directors|"
    r"subsidiary|subsidiaries|shareholders|stockholders)\b"
    r"|,\s+which\b"
    r"|\s+(?:Inc|Corp|Co|Ltd|LLC|plc|PLC)\b"
    r"|\s+" + _SAYS + _WHEN + r"(?:\s+that)?\s+(?:its\b|it\s+(?:[a-z]+ly\s+)?" + _IT_VERBS + r")"
)
"""What follows a name that only an organisation is written with: ``Boeing’s shares``, ``Gazprom,
which``, ``Huawei Inc``, ``Boeing said its``, ``Huawei said on Monday it would``."""
_PERSON_AFTER_RE = re.compile(
    r",\s+(?:who\b|whose\b|\d{1,3},|aged\s+\d)"
    r"|[’']s\s+(?:wife|husband|mother|father|son|daughter|sister|brother|family|widow)\b"
    r"|\s+(?:himself|herself)\b"
    r"|\s+" + _SAYS + _WHEN + r"(?:\s+that)?\s+(?:he|she|his|her|him)\b"
)
"""What follows a name that only a person is written with: ``X, who``, ``X, 45,``, ``X’s wife``,
``X said he``."""
_APPOSITIVE_NOUNS = COMPANY_NOUNS - {"developer", "maker", "studio", "giant", "operator", "carrier", "utility"}
_ORG_APPOSITIVE_RE = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w\-’']+\s+){0,3}?(?:company|" + "|".join(sorted(_APPOSITIVE_NOUNS | {"company"})) + r")"
    r"(?=[,.;]|\s+(?:of|that|which|based|in|with)\b)"
)
"""``Alphabet, the parent company of Google,``, ``Renvel, the French carmaker,``: a noun for a
company (ending the appositive, not ``a company founder``) set off after the name."""
_SPEAKS_NEXT_RE = re.compile(r"\s+(?:on\s+[A-Z][a-z]+\s+)?(?:" + finite_alt("say state add announce report confirm") + r")\b")
"""A speech verb right after the name (``Intel said``, ``Huawei on Monday said``)."""
_NEXT_ORG_RE = re.compile(
    r"\s*(?:Its\s+(?:shares|stock|chief|CEO|board|headquarters|revenue|profit|sales|earnings|customers|employees|"
    r"workers|products|spokes(?:man|woman|person))\b|The\s+(?:" + "|".join(sorted(COMPANY_NOUNS)) + r")\b)"
)
"""How the sentence after one opening with an organisation's name goes on about it: ``Its shares
…``, ``The company said``."""
_NEXT_IT_SAYS_RE = re.compile(
    r"\s*It\s+(?:also\s+)?(?:said|says|added|stated|announced|reported|posted|declined|gave|expects|plans|did\s+not|"
    r"does\s+not|has\s+not|would\s+not)\b"
)
"""``It gave no figures``, ``It added that …``: the sentence after one where the name speaks goes on
with ``it`` as the speaker (after a person's words, ``it`` is what was said of)."""
_NEXT_PERSON_RE = re.compile(r"\s*(?:He|She|His|Her)\s")
_IN_NAME_BEFORE_RE = re.compile(r"(?:\b[A-Z][\w’'\-]*|\b(?:of|for|v\.|vs\.|&|de|des|du|del|la|le|van|von|al))\s+$")
"""A capitalised word, ``of``, ``v.`` or ``&`` right before a word: it ends a longer name (``Roe v.
Wade``, ``March of Dimes``, ``Boston Globe``), what follows is that name's."""
_PERSON_PRONOUN_RE = re.compile(r"\b(?:he|she|himself|herself)\b")
_CAPITAL_RE = re.compile(r"\b[A-Z]")


def org_by_evidence(art: Article, word: str) -> bool:
    """Is the lone capitalised ``word`` (a name the name lists cannot classify: no given name, no
    title) an organisation by what the article itself says of it?  Outside the quotations, some
    mention of the word standing alone (not the end of a longer name: ``Roe v. Wade``) is followed
    by what only an organisation takes (``Boeing said its``, ``Huawei said on Monday it would cut``,
    ``Gazprom, which``, ``Boeing’s shares``, ``Huawei Inc``, ``Renvel, the French carmaker,``), or
    the sentence after one it opens goes on with ``Its shares`` or ``The company``, or, after one
    it speaks in (``“…,” Huawei stated.``), with ``It gave …``; and no mention is followed by what
    only a person takes (``X, who``, ``X, 45,``, ``X said he``, ``X’s wife``, a ``he`` or ``she``
    later in a sentence it opens, a next sentence opening ``He``/``She``). Conflicting evidence, or
    none: not an organisation. Worked out once per word and article, by ``str.find`` over the
    masked text and a few anchored matches per mention."""
    hit = art.org_words.get(word)
    if hit is None:
        hit = art.org_words[word] = _org_by_evidence(art, word)
    return hit


_AFTER_RE = re.compile(
    r"(?P<person>" + _PERSON_AFTER_RE.pattern + r")|(?P<org>" + _ORG_AFTER_RE.pattern + r"|" + _ORG_APPOSITIVE_RE.pattern + r")"
)
""":data:`_PERSON_AFTER_RE`, else :data:`_ORG_AFTER_RE` or :data:`_ORG_APPOSITIVE_RE`, in one match."""


def _org_by_evidence(art: Article, word: str) -> bool:
    m = art.masked
    size = len(word)
    sents = art.sents
    org = False
    at = m.find(word)
    while at >= 0:
        end = at + size
        before = m[at - 1] if at else " "
        if (
            not (before.isalnum() or before in "_-’'")
            and not (end < len(m) and (m[end].isalnum() or m[end] in "_-"))
            and (not before.isspace() or _IN_NAME_BEFORE_RE.search(m, max(0, at - 12), at) is None)
        ):
            am = _AFTER_RE.match(m, end)
            if am is not None:
                if am.lastgroup == "person":
                    return False
                org = True
            si = art.sent_of(at)
            s, e, para = sents[si]
            tail = m[max(s, at - 2) : at]
            if at == s or tail[-1:] in ("”", ",") or tail in ("” ", ", "):
                pm = _PERSON_PRONOUN_RE.search(m, end, min(e, end + 60))
                if pm is not None and _CAPITAL_RE.search(m, end, pm.start()) is None:
                    return False  # ``Quill said the rule, which he wrote, …`` (nobody else named between)
                if si + 1 < len(sents) and sents[si + 1][2] == para:
                    ns, ne, _ = sents[si + 1]
                    if _NEXT_PERSON_RE.match(m, ns, ne):
                        return False
                    if _NEXT_ORG_RE.match(m, ns, ne) or (
                        ("”" in tail or _SPEAKS_NEXT_RE.match(m, end, e)) and _NEXT_IT_SAYS_RE.match(m, ns, ne)
                    ):
                        org = True
        at = m.find(word, end)
    return org
