"""Voices that are somebody's: words named by a noun and owned (``Clinton’s claim that “…”``), an
owner's account, office or campaign (``her Twitter account posted``, ``Gowdy’s office said``), and a
country's state body (``China’s foreign ministry said``). The rules before and after a quotation ask
these when the subject in front of a verb is not itself a speaker."""

from __future__ import annotations

import re

from ..mentions import VAGUE, Who
from ..phrases.before import np_before
from ..phrases.common import NP
from ..phrases.names import surname
from ..words import COUNTRY_WORDS, DEMONYMS, NATIONALITIES, PLACES
from .base import Reading, sentence_subject


_OWNER_NOUNS = "campaign|office|account|page|feed|website|blog|camp|team"
_OWNER_VOICE_RE = re.compile(
    r"(?:\b(?P<pron>[Hh]is|[Hh]er)|(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})(?:’s|'s|’|'))"
    r"\s+(?:(?:official|verified|personal|own|presidential|Senate|House|congressional)\s+)?"
    r"(?:(?:Twitter|Facebook|Instagram|YouTube|Tumblr|campaign)\s+)?"
    r"(?P<noun>" + _OWNER_NOUNS + r")\s+"
    r"(?:(?:[a-z]+ly|also|later|then|again|had|has|have|would|will)\s+)*$"
)
"""``her Twitter account``, ``Gowdy’s office``: what speaks with somebody's voice, right before a verb."""
_OWNER_NOUN_RE = re.compile(r"(?:" + _OWNER_NOUNS + r")\s")
"""One of its nouns and a space: a window without one holds no match (the cheap test first)."""
_OWN_ACCOUNT = frozenset("account page feed website blog".split())


_SAYING_NOUNS = (
    "claims?|assertions?|remarks?|comments?|statements?|words|contention|insistence|arguments?|promises?|"
    "pledges?|vows?|warnings?|accusations?|suggestions?|boasts?|predictions?|complaints?|admissions?|"
    "answers?|replies|reply|retorts?|quips?|tweets?|declarations?|descriptions?|characterizations?|conclusions?"
)
_CALL_NOUNS = "calls?|promises?|pledges?|vows?|offers?"
WHEN_WORDS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:19|20)\d\d)"
)
"""When somebody said it, modifying their speech noun (``her March comment that``, ``Trump’s 2015 claim``)."""


def _forms(alternation: str) -> frozenset[str]:
    """The words an alternation of :data:`_SAYING_NOUNS` spells (``claims?`` → ``claim``, ``claims``)."""
    out: set[str] = set()
    for alt in alternation.split("|"):
        out.update((alt[:-2], alt[:-1]) if alt.endswith("s?") else (alt,))
    return frozenset(out)


SAYING_NOUN_WORDS = _forms(_SAYING_NOUNS + "|" + _CALL_NOUNS)
"""Every noun :func:`possessed_saying` reads as somebody's words (for a cheap test before it)."""
_POSSESSED_SAYING_RE = re.compile(
    r"(?:\b(?P<pron>[Hh]is|[Hh]er)|(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})(?:’s|'s))\s+"
    r"(?:(?:(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\s)[a-z][\w\-]*|" + WHEN_WORDS + r")\s+){0,3}?"
    r"(?:(?P<noun>" + _SAYING_NOUNS + r")\s+(?:(?:on\s+|last\s+|in\s+)?" + WHEN_WORDS + r"\s+(?=that\b))?"
    r"(?:(?:is|was)\s+)?(?:that\b|about\b|of\b|on\b|:)"
    r"|(?P<call>" + _CALL_NOUNS + r")\s+(?:for|to)\b)(?P<gap>[^#;:.!?“”\"]{0,100})$"
)
"""``Clinton’s claim that “…”``, ``Podliska’s most explosive claim is that … “…”``, ``his remarks
about “…”``: somebody's words named by a noun (up to three modifiers between, no determiner:
``Grayson’s spokeswoman challenged the assertion`` is no assertion of Grayson's; a month, a weekday or a
year may be one: ``her March comment that``, and may follow it before ``that``: ``his comment
Monday that``), the quotation in
what they said. Also ``Trump’s call for “…”``, ``his calls to end the “…”``, ``his promise to be “…”``: what
somebody called for or promised is in their words."""
_SAYING_GAP_BREAK_RE = re.compile(r"\b(?:which|who|whom|but|while|whereas|because|although|though|after|before|when)\b")


def possessed_saying(r: Reading, floor: int, anchor: int) -> tuple[Who | None, str | None, int]:
    """The owner of a speech noun before the quote at ``anchor`` (see :data:`_POSSESSED_SAYING_RE`),
    when nothing but the noun's own clause stands between them."""
    m = r.m
    lo = max(floor, anchor - 200)
    pm = _POSSESSED_SAYING_RE.search(m, lo, anchor)
    if pm is None or _SAYING_GAP_BREAK_RE.search(pm.group("gap")):
        return None, None, -1
    art = r.art
    if pm.group("pron"):
        gender = "m" if pm.group("pron").lower() == "his" else "f"
        s, e, _ = art.sents[art.sent_of(pm.start())]
        who, at = sentence_subject(art, s, e)
        if who is None or at >= pm.start() or who.kind != "person" or art.gender(who) not in (None, gender):
            first = next((mn for mn in art.mentions_before(pm.start(), s) if art.gender_of_name(mn.name, mn.role) == gender), None)
            if first is not None:
                # ``Albright, a Clinton supporter, fanned controversy over her remark``: the person
                # the sentence opens with, not the last one it names
                who = Who(first.name, "person", first.role)
            else:
                who = art.resolve(NP(pm.start(), pm.end("pron"), pron="he" if gender == "m" else "she"), pm.start())
    else:
        who = art.resolve(NP(pm.start("name"), pm.end("name"), name=pm.group("name")), pm.start())
    if who is None or who is VAGUE or who.kind == "unnamed":
        return None, None, -1
    noun = "noun" if pm.group("noun") else "call"
    return who, pm.group(noun), pm.start(noun)


_DELIVERED_SAYING_RE = re.compile(
    r"\b(?P<verb>(?:opened|closed|ended|began|started)\s+with|launched\s+into|issued|delivered|sounded)\s+(?:a|an)\s+"
    r"(?:(?!(?:for|of|that|to|against|on|and|or)\s)[a-z][\w\-]*\s+){0,2}?"
    r"(?P<noun>calls?|pleas?|appeals?|laments?|warnings?|demands?|tirades?|rants?|denunciations?|defen[cs]e)"
    r"\s+(?:for|of|that|to|against)\b(?P<gap>[^#;:.!?“”\"]{0,100})$"
)
"""``Trump opened with a call for the party to “…”``, ``Cole launched into a lament for the “…”``: a speech
noun with an article that the subject of the verb before it delivers names the subject's words."""
_DELIVERED_KEYS = ("with a", "into a", "issued a", "delivered a", "sounded a")
"""The verb and its article: a window without any of them holds no match (the cheap test first)."""


def delivered_saying(r: Reading, floor: int, anchor: int) -> tuple[Who | None, str | None, int]:
    """The subject who delivers a speech noun right before the quote at ``anchor`` (see
    :data:`_DELIVERED_SAYING_RE`), when nothing but the noun's own clause stands between them: who,
    the noun, and where it stands."""
    m = r.m
    lo = max(floor, anchor - 170)
    window = m[lo:anchor]
    if not any(key in window for key in _DELIVERED_KEYS):
        return None, None, -1
    dm = _DELIVERED_SAYING_RE.search(m, lo, anchor)
    if dm is None or _SAYING_GAP_BREAK_RE.search(dm.group("gap")):
        return None, None, -1
    np = np_before(m, dm.start("verb"), floor)
    if np is None or not np.name:
        return None, None, -1  # (a pronoun or a description: the rules of the sentence read it)
    who = r.art.resolve(np, dm.start())
    if who is None or who is VAGUE or who.kind not in ("person", "org"):
        return None, None, -1
    return who, dm.group("noun"), dm.start("noun")


_WEDGED_OWNER_RE = re.compile(r"(?<![\w’'])(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})(?:’s|'s)\s*$")
"""``Obama's`` right before the opening mark of ``Obama's “…” promise``."""
_WEDGED_NOUN_RE = re.compile(
    r"\s+(?:" + _SAYING_NOUNS + r"|promises?|pledges?|vows?|lines?|slogans?|mantras?|quips?|threats?)\b"
)
"""The speech noun right after the closing mark of ``Obama's “…” promise``."""


def wedged_saying(r: Reading, site_floor: int, anchor: int, outer_end: int) -> tuple[Who | None, str | None, int]:
    """``Obama's “if you like your plan, you can keep it” promise``, ``Romney's “47 percent” comment``: a
    quotation standing between a name's possessive and a speech noun is that person's words: who, the
    noun, and where the name stands."""
    m = r.m
    nm = _WEDGED_NOUN_RE.match(m, outer_end)
    if nm is None:
        return None, None, -1  # (the cheap test first: no speech noun right after the quote)
    om = _WEDGED_OWNER_RE.search(m, max(site_floor, anchor - 60), anchor)
    if om is None:
        return None, None, -1
    who = r.art.resolve(NP(om.start("name"), om.end("name"), name=om.group("name")), om.start())
    if who is None or who is VAGUE or who.kind != "person" or " " not in who.name:
        return None, None, -1  # (a person the article names in full: not ``America’s “…” moment``)
    return who, nm.group(0).strip(), om.start()


def owner_voice(r: Reading, start: int, floor: int, whole: bool = False) -> Who | None:
    """Who speaks through ``her Twitter account``, ``his blog`` (the owner) or ``Gowdy’s office``,
    ``his campaign`` (the owner's office or campaign, an organisation) right before ``start``
    (``whole``: and nothing else after ``floor``)."""
    m = r.m
    lo = max(floor, start - 90)
    if _OWNER_NOUN_RE.search(m, lo, start) is None:
        return None
    om = (_OWNER_VOICE_RE.match if whole else _OWNER_VOICE_RE.search)(m, lo, start)
    if om is None:
        return None
    art = r.art
    if om.group("pron"):
        pron = "he" if om.group("pron").lower() == "his" else "she"
        owner = art.resolve(NP(om.start(), om.end("pron"), pron=pron), om.start())
    else:
        name = om.group("name")
        owner = art.resolve(NP(om.start("name"), om.end("name"), name=name), om.start())
    if owner is None or owner is VAGUE or owner.kind != "person":
        return None
    noun = om.group("noun")
    if noun in _OWN_ACCOUNT:
        return owner
    if noun == "office":
        return Who(owner.name + "'s office", "org")  # ``Trey Gowdy's office``
    return Who(surname(owner.name) + " campaign", "org")  # as ``the Clinton campaign`` is named


_GOV_BODY_NOUNS = "ministry|department|agency|government|office|embassy|cabinet|military|army|navy|police|parliament|regulator|court"
_QUALIFIED_ORG_RE = re.compile(
    r"(?:(?P<place>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)(?:’s|'s)|(?:\b[Tt]he\s+)?(?P<nat>[A-Z][\w.\-]*))"
    r"\s+(?P<words>(?:[a-z]+\s+){0,2}?)(?P<noun>" + _GOV_BODY_NOUNS + r")\s+"
    r"(?:(?:[a-z]+ly|also|later|then|again|had|has|have|would|will)\s+)*$"
)
"""``China’s foreign ministry``, ``the Russian defence ministry``: a state body named by its country."""
_GOV_BODY_NOUN_RE = re.compile(r"(?:" + _GOV_BODY_NOUNS + r")\s")
"""One of its nouns and a space: a window without one holds no match (the cheap test first)."""


def qualified_org(r: Reading, start: int, floor: int, whole: bool = False) -> Who | None:
    """The state body of a country right before ``start`` (``China’s foreign ministry said``, ``the
    Chinese foreign ministry said``), named as the text names it; ``whole``: and nothing else after
    ``floor``."""
    lo = max(floor, start - 80)
    if _GOV_BODY_NOUN_RE.search(r.m, lo, start) is None:
        return None
    qm = (_QUALIFIED_ORG_RE.match if whole else _QUALIFIED_ORG_RE.search)(r.m, lo, start)
    if qm is None:
        return None
    place, nat = qm.group("place"), qm.group("nat")
    if place is not None and place.split()[-1] not in COUNTRY_WORDS and place not in PLACES:
        return None
    if nat is not None and nat not in NATIONALITIES and nat not in DEMONYMS:
        return None
    head = f"{place}'s" if place is not None else nat
    return Who(f"{head} {qm.group('words')}{qm.group('noun')}", "org")
