"""Groups that speak: plural descriptions that say whose they are.

``“No,” Cruz’s lawyers said``, ``Attorneys for Clinton argued, saying …``, ``said lawyers for the
state``. A plural speaks (as an ``unnamed`` source, named by its description) when it carries what
identifies it: an owner in the possessive (``Cruz’s lawyers``, ``Sanders’s most ardent fans``) or in a
phrase after the noun (``attorneys for Clinton``, ``aides to the governor`` is not one: the owner is
named, or is ``the state``/``the government``). Bare plurals of nobody in particular (``critics say``,
``officials said``) and groups that are against somebody rather than for (``Trump’s critics``) stay
unattributed: they are no speaker a user can look up. A later ``the lawyers`` points back to the last
plural of that noun the article introduced (:func:`group_ending_at` reads it there).

The heads are nouns for people who act for, belong to or back somebody; a spokesman or a
representative is left out (a body's spokesmen speak for the body).
"""

from __future__ import annotations

import re

from ..words import DEMONYMS, NATIONALITIES, ORG_NOUNS
from .common import MODIFIERS

OWNED_HEADS = frozenset(
    """lawyers attorneys aides advisers advisors supporters backers allies loyalists surrogates officials
    staffers members leaders executives employees fans prosecutors investigators negotiators diplomats
    lawmakers organizers organisers volunteers donors strategists operatives""".split()
)
"""Plural nouns of people who act for, belong to or back somebody (``Cruz’s lawyers``)."""
_HEAD_ALT = "|".join(sorted(OWNED_HEADS))

_NOT_OWNERS = frozenset(
    "It That This There Here What Who He She We They I You Let And But So Yet Or If When As Its".split()
)
"""Capitalised words that open a sentence and own nothing (``It’s lawyers who …``)."""
_CAP = r"[A-Z][\w.&\-]*"
_OWNER = r"(?P<owner>(?:" + _CAP + r"[ \t]+){0,3}" + _CAP + r")(?P<apos>’s|'s|(?<=s)’|(?<=s)')"
_MODS = r"(?P<mods>(?:[a-z][a-z\-]*\s+){0,3}?)"
_POSSESSED_RE = re.compile(_OWNER + r"[ \t]+" + _MODS + r"(?P<head>" + _HEAD_ALT + r")\b")
"""``Cruz’s lawyers``, ``Sanders’s most ardent fans``: an owner in the possessive, up to three
modifiers, the head."""
_BODY_WORDS = frozenset("state government city county".split())
_BODIES = "|".join(sorted(_BODY_WORDS))
_OWNED_BY_RE = re.compile(
    r"(?P<mods>(?:[A-Za-z][a-z\-]*[ \t]+){0,2}?)(?P<head>(?i:" + _HEAD_ALT + r"))[ \t]+(?P<prep>for|of|to)[ \t]+"
    r"(?P<owner>(?:the[ \t]+)?" + _CAP + r"(?:[ \t]+(?:" + _CAP + r"|of|for|on|and|&)){0,5}"
    r"|the[ \t]+(?:" + _BODIES + r")\b)"
)
"""``attorneys for Clinton``, ``top aides to Gov. Jane Roe``, ``lawyers for the state``: the head, then
the owner after ``for``, ``of`` or ``to``."""
_LOWER_STOP = frozenset(
    """who whom whose that which and or but the a an of to for at in on with said says told had has have was
    were is are will would could can may might did does do not also""".split()
)
"""Words no modifier of a group can be."""


_DOTTED_RE = re.compile(r"(?:[A-Z]\.)+")
_LOWER_NEXT_RE = re.compile(r"[ \t]+[a-z]")
_NEXT_WORD_RE = re.compile(r"[ \t]+([a-z]+)\b")
_KIN_GROUPS = frozenset("family families camp estate household clan".split())
"""Nouns that carry an owner's name on (``the Roe family``) beside :data:`~..words.ORG_NOUNS`."""
_ABBREVIATIONS = frozenset("Gov Sen Rep Dr Mr Mrs Ms Lt Gen Col Sgt Capt Prof Rev St Jr Sr Inc Corp Co Ltd Bros".split())
"""Words whose stop is their own, not the sentence's."""


def _clean_mods(mods: str) -> bool:
    """Are the modifiers plain words (no function word, no verb form of a finite clause)?"""
    return not any(w.lower() in _LOWER_STOP for w in mods.split())


def possessed_at(m: str, i: int, end: int) -> tuple[int, str, str, str] | None:
    """A possessed group opening at ``i`` (before ``end``): where it ends, its owner as written, its
    apostrophe and what follows the owner (``most ardent fans``)."""
    pm = _POSSESSED_RE.match(m, i, end)
    if pm is None or not _clean_mods(pm.group("mods")):
        return None
    owner = pm.group("owner")
    if owner.split()[0] in _NOT_OWNERS:
        return None
    tail = (pm.group("mods") + pm.group("head")).split()
    return pm.end(), owner, pm.group("apos"), " ".join(tail)


def owned_by_at(m: str, i: int, end: int) -> tuple[int, str, str] | None:
    """A group owned through a phrase after its head, opening at ``i``: where it ends, its text
    (white space made single) and its head noun (lower-case)."""
    om = _OWNED_BY_RE.match(m, i, end)
    if om is None or om.end() > end or not _clean_mods(om.group("mods")):
        return None
    mods = om.group("mods").split()
    if mods and (mods[0] in _NOT_OWNERS or any(w[:1].isupper() for w in mods[1:])):
        return None
    owner = om.group("owner")
    while owner.split()[-1] in ("of", "for", "on", "and", "&"):
        owner = owner.rsplit(None, 1)[0]  # (a joining word ends no name)
    last = owner.rsplit(None, 1)[-1]
    if last.endswith(".") and "." not in last[:-1] and last[:-1] not in _ABBREVIATIONS:
        owner = owner[:-1]  # ``… for the state of Ohio.``: the stop ends the sentence (not ``Gov.``, ``U.S.``)
    stop = om.start("owner") + len(owner)
    if m[stop : stop + 1] in ("’", "'") or m[stop : stop + 1].isalnum():
        return None  # ``supporters of Trump’s plan``: the name owns something else
    nm = _NEXT_WORD_RE.match(m, stop)
    if nm is not None and (nm.group(1) in ORG_NOUNS or nm.group(1) in _KIN_GROUPS):
        if not owner.startswith("the ") or owner[4:] in _BODY_WORDS:
            return None  # ``supporters of Roe campaign …``: no owner the rules can read
        owner = m[om.start("owner") : nm.end(1)]  # ``lawyers for the Roe family``, ``aides to the Roe campaign``
        stop = nm.end(1)
    last = owner.rsplit(None, 1)[-1]
    if (last in NATIONALITIES or last in DEMONYMS or _DOTTED_RE.fullmatch(last)) and _LOWER_NEXT_RE.match(m, stop):
        return None  # ``supporters of U.S. policy``, ``lawyers for American firms``: a modifier, no owner
    text = " ".join(mods + [om.group("head"), om.group("prep")] + owner.split())
    if not mods or mods[0].lower() in MODIFIERS:
        text = text[:1].lower() + text[1:]  # ``Attorneys for Clinton`` opening a sentence (not ``Republican members``)
    return stop, text, om.group("head").lower()


_HEAD_WORDS = OWNED_HEADS | frozenset(w.capitalize() for w in OWNED_HEADS)


def has_head(m: str, lo: int, hi: int) -> bool:
    """Does ``m[lo:hi]`` hold a group head noun (the cheap test before reading a group: a set of
    words, faster than a pattern of them)?"""
    return not _HEAD_WORDS.isdisjoint(m[lo:hi].replace(",", " ").split())


def head_of(word: str) -> str | None:
    """``word`` as a group head (lower-case), when it is one."""
    low = word.lower()
    return low if low in OWNED_HEADS else None


_BACK_RE = re.compile(r"(?:\b(?:the|these|those|such)[ \t]+(?:[a-z][a-z\-]*[ \t]+){0,2})$", re.IGNORECASE)
"""``the lawyers``, ``these same lawyers`` right before a head: a reference back, no introduction."""
_OPEN_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(—–“\"]))(?=[A-Za-z])")


def group_ending_at(m: str, k: int, stop: int) -> tuple[str, str, str] | str | None:
    """The group whose head stands at ``m[k:stop]``: ``(kind, owner or text, rest)`` for a possessed
    (``("poss", "Cruz", "’s lawyers")``) or owned-by group (``("by", "attorneys for Clinton", "")``);
    ``"back"`` when the head is a reference back (``the lawyers``); ``None`` for a group of nobody in
    particular (``lawyers who …``, ``two lawyers``)."""
    lo = max(0, k - 80)
    if _BACK_RE.search(m, max(0, k - 40), k) is not None:
        return "back"
    for om in _OPEN_BEFORE_RE.finditer(m, lo, k + 1):
        j = om.start()
        if j > lo and m[j - 1].isalnum():
            continue
        found = possessed_at(m, j, stop)
        if found is not None and found[0] == stop:
            return "poss", found[1], found[2] + " " + found[3]
        if j == k:
            by = owned_by_at(m, j, min(len(m), stop + 120))
            if by is not None:
                return "by", by[1], ""
    return None


_PRONOUN_GROUP_RE = re.compile(
    r"(?<![\w’'])(?P<pron>[Hh]is|[Hh]er)[ \t]+(?P<mods>(?:[a-z][a-z\-]*[ \t]+){0,2}?)(?P<head>" + _HEAD_ALT + r")\b"
)
"""``his aides``, ``her longtime lawyers``: a group owned by a person a pronoun points to."""
_PRONOUN_GROUP_END_RE = re.compile(
    r"(?:[ \t]+(?:[a-z]+ly|also|later|then|again|had|has|have|would|will|did|once))*[ \t]+$"
)
_GROUP_OPENERS = frozenset(",;:—–(”\"\n.!?")
"""What a clause opening with a group follows (or the start of what is read)."""


def pronoun_group_at(m: str, i: int, end: int) -> tuple[int, str, str, str] | None:
    """A group owned through ``his`` or ``her`` opening at ``i`` (spaces skipped): where it ends, the
    pronoun (lower-case), the words after it (``longtime aides``) and the head noun."""
    while i < end and m[i] in " \t":
        i += 1
    pm = _PRONOUN_GROUP_RE.match(m, i, end)
    if pm is None or not _clean_mods(pm.group("mods")):
        return None
    return pm.end(), pm.group("pron").lower(), " ".join((pm.group("mods") + pm.group("head")).split()), pm.group("head")


def pronoun_group_before(m: str, pos: int, lo: int) -> tuple[str, str, str] | None:
    """A group owned through ``his`` or ``her`` that opens a clause and ends right before the verb at
    ``pos`` (adverbs between): the pronoun, the words after it and the head noun."""
    lo = max(lo, pos - 60)
    for pm in _PRONOUN_GROUP_RE.finditer(m, lo, pos):
        if _PRONOUN_GROUP_END_RE.fullmatch(m, pm.end(), pos) is None or not _clean_mods(pm.group("mods")):
            continue
        k = pm.start() - 1
        while k >= lo and m[k] in " \t":
            k -= 1
        if k >= lo and m[k] not in _GROUP_OPENERS:
            return None  # (``told his aides``: no subject; ``Trump and his attorneys``: not the group alone)
        return pm.group("pron").lower(), " ".join((pm.group("mods") + pm.group("head")).split()), pm.group("head")
    return None
