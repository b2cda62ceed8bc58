"""What a pronoun, a description or a name in an attribution stands for.

* ``he``/``she`` → the most recent speaker or subject of the last two sentences whose gender fits,
  else the last fitting speaker of the last three paragraphs, with the exceptions
  :mod:`.pronouns` lists (:func:`~.pronouns.resolve_pronoun`);
* ``the [former] senator``, ``the lawmaker`` → the last person the article gave that role (a state,
  ``the Florida senator``, says which); ``the lawyers`` → the last group so named; ``the
  newspaper``, ``the company``, ``the daily`` → the last fitting organisation (:mod:`.organisations`);
* ``Medvedev`` → ``Dmitry Medvedev`` when the article names one such person in full.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cues import LEMMA_OF
from .phrases.common import DEMONYM_DESC, NO_FALLBACK_NOUNS, NP
from .gender import gender_of
from .phrases.groups import group_ending_at, head_of, possessed_at
from .phrases.names import parse_name, surname
from .organisations import COMPANY_NOUNS, MEDIA_NOUNS, resolve_org
from .places import home_state
from .phrases.unnamed import bare_plural_ending_at, described_subject
from .pronouns import resolve_pronoun, unnamed_fits
from .phrases.roles import clean_role, is_office, office_conflict, role_fits
from .words import (
    COMMON_CAPS,
    DEMONYMS,
    NATIONALITIES,
    ORG_NOUNS,
    PEOPLE_ADJECTIVES,
    PERSON_NOUNS,
    PLACES,
    PLURAL_PEOPLE,
    split_tokens,
    TITLES,
)

if TYPE_CHECKING:
    from .mentions import Article, Who

_WHO: list[type] = []


def _who(name: str, kind: str, role: str | None = None) -> Who:
    if not _WHO:
        from .mentions import Who  # imported here: mentions imports this module

        _WHO.append(Who)
    return _WHO[0](name, kind, role)


def _vague() -> Who:
    from .mentions import VAGUE

    return VAGUE


def role_text(art: Article, who: Who) -> str:
    """The role of ``who`` in the article, lower-case (``""`` when none)."""
    return (art.role_of(who.name) or who.role or "").lower()


def prev_subject(art: Article, pos: int) -> Who | None:
    """The subject of the sentence right before the one holding ``pos`` (same or previous
    paragraph), when it is a person."""
    si = art.sent_of(pos)
    if si < 1 or art.sents[si][2] - art.sents[si - 1][2] > 1:
        return None
    who = art.sent_subjects.get(si - 1)
    return who if who is not None and who.kind == "person" else None


def resolve_person(
    art: Article, pos: int, noun: str | None = None, gender: str | None = None, qual: str | None = None, place: str | None = None
) -> Who | None:
    """Most recent person before ``pos`` (within three paragraphs), preferring a role match.

    A pronoun's gender skips people known to be of the other gender; nouns such as
    ``spokesperson`` or ``lawyer`` only match a person the article gave that role; a state
    (``the Florida senator``) skips people the article ties to another state."""
    para = art.para_of(pos)
    events = art.events[-200:]
    if place:
        events = [ev for ev in events if not _elsewhere(art, ev.who, place)]
    if noun:
        s = art.sents[art.sent_of(pos)][0] if art.sents else 0
        own = next((ev for ev in events if s <= ev.pos < pos), None)
        if (
            own is not None
            and own.who.kind == "person"
            and ":" in art.masked[own.pos : pos]
            and role_fits(role_text(art, own.who), noun, qual) is not False
        ):
            # ``Cruz defends his record in a commercial: “…,” the senator says``: the subject of the
            # sentence that introduced the quotation with a colon, unless its role says otherwise
            return own.who
        far: Who | None = None
        for ev in reversed(events):
            if ev.pos >= pos or ev.who.kind != "person":
                continue
            if role_fits(role_text(art, ev.who), noun, qual):
                if para - ev.para <= 1:
                    return ev.who
                far = far or ev.who  # (taken below only if nobody nearer may be meant)
        if far is not None and any(ev.who.name == far.name and para - ev.para <= 1 for ev in events if ev.pos < pos):
            return far  # ``President Obama …`` long before, ``Obama said`` nearby: the role is his
        # ``Former Sen. Bob Kerrey joined. … the former senator said``: introduced with that noun.
        named = _mentioned_as(art, pos, art.paras[max(0, para - 1)][0], noun, qual, place)
        if named is not None:
            return named
        source = _unnamed_source(art, pos, para, noun) or _described_before(art, pos, noun)
        if source is not None:
            return source  # ``One aide said “…” ¶ “…,” the aide added``: the same unnamed source
        asker = _asker_before(art, pos)
        if noun not in NO_FALLBACK_NOUNS:  # (a spokesperson, a lawyer: someone other than the people named)
            # A loose fit: the subject of the sentence before, if nothing speaks against it.
            prev = prev_subject(art, pos)
            if (
                prev is not None
                and prev.name != asker
                and _loose_fit(art, prev, noun, qual)
                and not (place and _elsewhere(art, prev, place))
            ):
                return prev
        # Further back (three paragraphs; any distance for a speaker or subject): the last one with that role.
        named = _mentioned_as(art, pos, art.paras[max(0, para - 3)][0], noun, qual, place)
        if named is not None or far is not None or noun in NO_FALLBACK_NOUNS:
            return named or far
        if qual:
            return None
        si = art.sent_of(pos)
        if is_office(noun) and art.sents and art.sents[si][2] - art.sents[max(0, si - 1)][2] <= 1:
            # ``… whether Sanders was ready. The Vermont senator emailed``: for an office, the person
            # just mentioned (this sentence or the one before), when nothing gives them another office
            for mn in reversed(art.mentions_before(pos, art.sents[max(0, si - 1)][0])):
                who = _who(mn.name, "person", mn.role)
                if mn.name != asker and _loose_fit(art, who, noun, qual) and not (place and _elsewhere(art, who, place)):
                    return who
    for ev in reversed(events):
        if ev.pos >= pos:
            continue
        if para - ev.para > 3:
            return None
        if ev.who.kind == "person":
            if gender and art.gender(ev.who) not in (None, gender):
                continue
            if noun and not (role_fits(role_text(art, ev.who), noun, qual) or _loose_fit(art, ev.who, noun, qual)):
                continue  # (a role that says otherwise, or another office)
            if noun and ev.who.name == asker:
                continue  # (the one who just asked is not the one answering)
            return ev.who
    return None


_QUESTION_END_RE = re.compile(r"\?[’'\"”]")
_ASKED_RE = re.compile(r"\basked\b")


def _asker_before(art: Article, pos: int) -> str | None:
    """Who asked the question of the sentence before ``pos``'s (``“That would be you?” Borger
    asked.``), when that sentence quotes a question and says ``asked``: the answer that follows, by
    ``the senator``, is not the asker's."""
    si = art.sent_of(pos)
    if not art.sents or si < 1 or art.sents[si][2] - art.sents[si - 1][2] > 1:
        return None
    s, e, _ = art.sents[si - 1]
    if _ASKED_RE.search(art.masked, s, e) is None or _QUESTION_END_RE.search(art.text, s, e) is None:
        return None
    for ev in reversed(art.events[-20:]):
        if s <= ev.pos < e and ev.speaker:
            return ev.who.name
    return None


def _described_before(art: Article, pos: int, noun: str) -> Who | None:
    """The unnamed subject of the sentence before (same or previous paragraph) whose head is
    ``noun``: ``A second CIA officer at Benghazi backed the account. … the officer said`` is that
    officer, not a person named nearby."""
    si = art.sent_of(pos)
    if not art.sents or si < 1 or art.sents[si][2] - art.sents[si - 1][2] > 1:
        return None
    s, e, _ = art.sents[si - 1]
    if noun not in art.masked[s:e]:
        return None  # (the cheap test first: the head noun must stand in that sentence)
    d = described_subject(art.masked, s, e)
    if d is None or d[1] != noun:
        return None
    return _who(d[0], "unnamed", d[1])


def _elsewhere(art: Article, who: Who, place: str) -> bool:
    """Does the article tie ``who`` to a state other than ``place``?"""
    if who.kind != "person":
        return False
    key = surname(who.name)
    if key not in art.homes:
        art.homes[key] = home_state(art.masked, key)  # (read once a person, when first asked)
    home = art.homes[key]
    return home is not None and home != place


def _mentioned_as(art: Article, pos: int, lo: int, noun: str, qual: str | None, place: str | None = None) -> Who | None:
    """The last person mentioned between ``lo`` and ``pos`` whose role fits ``the [qual] noun`` (and
    whom the article ties to no other state than ``place``)."""
    for mn in reversed(art.mentions_before(pos, lo)):
        if role_fits(" ".join(x for x in (mn.role, art.role_of(mn.name)) if x).lower(), noun, qual):
            who = _who(mn.name, "person", mn.role)
            if not (place and _elsewhere(art, who, place)):
                return who
    return None


def _loose_fit(art: Article, who: Who, noun: str, qual: str | None) -> bool:
    """Could ``who``, whose role in the article does not use ``noun``, still be ``the <noun>``?  Not
    when the role names another office (``President Obama`` is not ``the senator``)."""
    role = role_text(art, who)
    if role_fits(role, noun, qual) is not None or office_conflict(role, noun):
        return False
    gender = gender_of("", noun)  # ``the woman`` is no man the article knows as one
    return gender is None or art.gender(who) in (None, gender)


_ANY_SOURCE_NOUNS = frozenset("person source".split())
"""Nouns that point back to an unnamed source whatever noun described it (``the person added``)."""


def _unnamed_source(art: Article, pos: int, para: int, noun: str) -> Who | None:
    """The last unnamed source before ``pos`` (within three paragraphs) that ``the <noun>`` names:
    described with that noun, or any one for ``the person``/``the source``."""
    for ev in reversed(art.events[-200:]):
        if ev.pos >= pos:
            continue
        if para - ev.para > 3:
            return None
        if ev.who.kind == "unnamed" and (ev.who.role == noun or noun in _ANY_SOURCE_NOUNS):
            return ev.who
    return None


_GROUP_WORD_RES: dict[str, re.Pattern[str]] = {}


def resolve_group(art: Article, pos: int, head: str) -> Who | None:
    """``the lawyers`` at ``pos``: the group the article last introduced with that plural noun, when
    that introduction says whose it is (``Cruz’s lawyers``, ``attorneys for Clinton``, ``U.S.
    officials``); references back (``the lawyers``, ``these lawyers``) are passed over, and a plural of
    nobody in particular (``two lawyers``, ``lawyers who …``) ends the search with no speaker."""
    word_re = _GROUP_WORD_RES.get(head)
    if word_re is None:
        word_re = _GROUP_WORD_RES[head] = re.compile(r"\b[" + head[0].upper() + head[0] + "]" + re.escape(head[1:]) + r"\b")
    m = art.masked
    for hm in reversed(list(word_re.finditer(m, 0, pos))):
        found = group_ending_at(m, hm.start(), hm.end())
        if found == "back":
            continue
        if isinstance(found, tuple):
            kind, text, rest = found
            return _who(text + rest if kind == "poss" else text, "unnamed", head)
        bare = bare_plural_ending_at(m, hm.start(), hm.end())
        return _who(bare, "unnamed", head) if bare is not None else None
    return None


_CONTRACTION_RE = re.compile(r".*[’'](?:ve|re|ll|d|m|t)")


def _unknown_word_ok(art: Article, word: str) -> bool:
    """Can a capitalised word the article never uses in a full name be a name on its own?  Not a
    people (``Irish``), a place, a word the article also writes in lower case (``United``), an
    contraction (``I’ve``) or a dateline in capitals (``WASHINGTON``)."""
    if word in DEMONYMS or word in NATIONALITIES or word in PLACES or word in COMMON_CAPS or word in PEOPLE_ADJECTIVES:
        return False
    if _CONTRACTION_RE.fullmatch(word) or (word.isupper() and len(word) >= 6) or word.lower() in LEMMA_OF:
        return False
    return not art.used_lowercase(word)


def _family(art: Article, word: str) -> bool:
    """``Clintons``, ``Ebelings``: the plural of a surname the article uses."""
    return len(word) > 3 and word.endswith("s") and word[:-1] in art.by_surname


_ORG_PROXY_RE = re.compile(r"(?:[Aa]n?|[Tt]he)\s+([a-z]+)\s+(?:spokes(?:man|woman|person)|representative)")


def role_is_person_noun(role: str) -> bool:
    """Does a lower-case role end with a noun for a person (``columnist``, ``former state senator``)?"""
    last = role.split()[-1] if role.split() else ""
    return last.islower() and last in PERSON_NOUNS


def _plain_name(name: str) -> bool:
    """Two or three capitalised words, none a function word (``Ai Jun``, not ``The Post``)."""
    toks = split_tokens(name)
    return 2 <= len(toks) <= 3 and all(t[:1].isupper() and t[1:].islower() and t not in _FUNCTION_CAPS for t in toks)


_PARTY_TAG_RE = re.compile(r"\s*\([^()]{1,12}\)\s*$")
"""A party tag closing a name (``(R-OH)``, ``(D-Md.)``)."""

_FUNCTION_CAPS = frozenset("The A An This That In On At For From With By Of To And Or But".split())


_PERSON_OF_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:[a-z\-]+\s+){0,2}?(?P<noun>[a-z]+)\s+of\s+$")
"""A person described by the body they belong to, right before it: ``the head of``, ``a member of``."""


def _person_of(art: Article, np: NP) -> Who | None:
    """The unnamed person whose description ends with ``of`` right before the body ``np`` (``the head
    of the RNC’s powerful rules committee``), else None; a spokesman or representative of a body
    leaves the body speaking."""
    pm = _PERSON_OF_RE.search(art.masked, max(0, np.start - 40), np.start)
    if pm is None:
        return None
    noun = pm.group("noun")
    if noun not in PERSON_NOUNS or noun.startswith("spokes") or noun == "representative":
        return None
    return _who(art.masked[pm.start() : np.end], "unnamed", noun)


_MODIFIER_WORD_RE = re.compile(r"\s([A-Z][a-z][\w’'\-]*)(?=\s)")
"""A capitalised word inside a description, after its first word (``the Christie supporter``)."""


def _person_modifier(art: Article, np: NP) -> str | None:
    """The surname of a person the article names that modifies the description ``np`` (``the Christie
    supporter``, ``the Clinton aide``): the description is of somebody of that person's, not of them."""
    for wm in _MODIFIER_WORD_RE.finditer(art.masked, np.start, np.end):
        if wm.group(1) in art.by_surname:
            return wm.group(1)
    return None


def _tied_to(art: Article, who: Who, tie: str) -> bool:
    """Is ``who`` somebody the article ties to the person ``tie`` by their role (``Jane Roe, a Christie
    supporter``), and not that person?"""
    return who.kind != "person" or (surname(who.name) != tie and tie in role_text(art, who).split())


def resolve(art: Article, np: NP | None, pos: int, strict: bool = False) -> Who | None:
    """Turn a located noun phrase into a speaker (``VAGUE`` for plural/unnamed subjects)."""
    if np is None:
        return None
    if np.vague:
        pm = _ORG_PROXY_RE.fullmatch(art.masked, np.start, np.end)
        if pm is not None and (pm.group(1).lower() in COMPANY_NOUNS or pm.group(1).lower() in MEDIA_NOUNS):
            # ``a company spokesman said``: the company the article spoke of last (a company or a media
            # noun only: which ministry or committee ``a ministry spokesman`` speaks for, no pattern says)
            org = resolve_org(art, np.start, pm.group(1).lower())
            if org is not None and org is not _vague():
                return org
        return _vague()
    if np.pron:
        p = np.pron.lower()
        if p in ("he", "she"):
            return resolve_pronoun(art, pos, "m" if p == "he" else "f")
        if p == "it":
            return resolve_org(art, pos, None)
        return _vague()
    if np.desc:
        if np.desc == DEMONYM_DESC:
            return resolve_person(art, pos)
        if np.desc in ORG_NOUNS:
            head = _person_of(art, np)
            if head is not None:
                return head  # ``the head of the RNC’s rules committee has accused``: a person, not the body
            noun = "central bank" if np.qual == "central" else np.desc
            if noun == "board" and "editorial" in art.masked[np.start : np.end]:
                noun = "editorial board"  # ``the editorial board writes``: the paper's voice, whatever its name
            return resolve_org(art, pos, noun)
        head = head_of(np.desc)
        if head is not None:
            return resolve_group(art, np.start, head)  # ``the lawyers said`` after ``Cruz’s lawyers``
        if np.desc in _ANY_SOURCE_NOUNS:
            return _unnamed_source(art, pos, art.para_of(pos), np.desc)  # ``the person added``
        if np.desc in PERSON_NOUNS or np.desc.endswith("-old"):
            who = resolve_person(art, pos, np.desc if np.desc in PERSON_NOUNS else None, qual=np.qual, place=np.place)
            tie = _person_modifier(art, np)
            if tie is not None and who is not None and not _tied_to(art, who, tie):
                return _vague()  # ``the Christie supporter``: somebody of Christie's the text has not named
            return who
        return None
    if not np.name:
        return None
    if np.name == "Another":
        # ``“…,” one user wrote. ¶ Another said …``: another source of the same description
        source = _unnamed_source(art, pos, art.para_of(pos), "person")
        if source is not None and source.role and (unnamed_fits(source, "m") or unnamed_fits(source, "f")):
            return _who(f"another {source.role}", "unnamed", source.role)  # (one person: not ``two officials``)
        return _vague()
    parsed = parse_name(np.name)
    if parsed is not None and parsed.possessive:
        group = possessed_at(art.masked, np.start, min(len(art.masked), np.end + 60))
        if group is not None:
            stop, owner, apos, rest = group
            return _who(f"{owner}{apos} {rest}", "unnamed", rest.rsplit(None, 1)[-1])  # ``said Cruz’s lawyers``
    if parsed is None:
        if (np.name in TITLES or np.name in COMMON_CAPS) and np.name in art.by_surname:
            # ``King said`` after ``Rep. Peter King``, ``Read said`` after ``Ian Read``: a title or a
            # common word that is the surname of somebody the article names in full
            return _who(art.canon_person(np.name, pos), "person")
        return None
    if np.proxy:
        # ``a Dow spokeswoman``: Dow speaks; ``a Clinton spokesman`` is not Clinton speaking.
        toks = split_tokens(np.name)
        if toks[-1].islower():
            return _who(np.name, "org")  # ``a Clinton campaign spokesman``: the Clinton campaign
        if parsed.kind == "org":
            org = art.canon_org(parsed.name)
            return _who(org, "org") if org else _vague()
        if (
            parsed.kind != "other"
            or len(toks) != 1
            or toks[0] in art.by_surname
            or toks[0] in art.by_given
            or not _unknown_word_ok(art, toks[0])
        ):
            return _vague()  # ``a Chinese official``, ``an Alabama official``, ``a Clinton spokesman``
        return _who(parsed.name, "org")
    if parsed.name in art.places:
        return None  # ``Davenport`` of ``Davenport, Iowa``: a town
    role = " ".join(x for x in (np.pre_role, parsed.role) if x) or None
    if np.appos:
        role = np.appos
    if parsed.kind == "place" and parsed.name not in art.by_surname:
        if np.appos:
            person = parse_name(_PARTY_TAG_RE.sub("", np.appos))
            if person is not None and person.kind == "person" and " " in person.name and not person.possessive:
                # ``After winning Ohio, Gov. John Kasich (R-OH), said``: the place ends an opening
                # phrase; the name after its comma is the subject
                return _who(art.canon_person(person.name, pos, person.gender), "person", clean_role(person.role))
        return None  # ``Japan said``, ``Washington said``: which of its people or offices, the text does not say
    if parsed.kind == "org":
        org = art.canon_org(parsed.name)
        return _who(org, "org") if org else None
    if parsed.kind == "place":
        return _who(art.canon_person(parsed.name, pos), "person", clean_role(role))  # ``Israel`` of ``Steve Israel``
    if parsed.kind == "other" and np.pre_role and role_is_person_noun(np.pre_role) and _plain_name(parsed.name):
        # ``columnist Ai Jun wrote``: a lower-case noun for a person right before makes a person of a
        # name whose words are also common words
        return _who(art.canon_person(parsed.name, pos, parsed.gender), "person", clean_role(role))
    if parsed.kind == "other":
        toks = split_tokens(parsed.name)
        if len(toks) != 1 or (toks[0] in COMMON_CAPS and toks[0] not in art.by_surname) or toks[0].lower() in PLURAL_PEOPLE:
            return None  # (``Mrs May`` after ``Theresa May`` is her)
        if _family(art, toks[0]):
            return _vague()  # ``the Clintons said``: a family, not one person
        if (
            art.masked[np.start : np.end] in ("The " + toks[0], "the " + toks[0])
            and not toks[0].endswith("s")
            and toks[0] not in art.by_surname
            and toks[0] not in art.by_given
        ):
            return _who(parsed.name, "org")  # ``The Hill reported``: one word after ``the`` names no person
        known = toks[0] in art.by_surname or toks[0] in art.by_given or toks[0] in art.titled
        if not known and (strict or not _unknown_word_ok(art, toks[0])):
            return None  # ``United``, ``Irish``, ``Hastily``: a common word or a people, not somebody's name
    name = art.canon_person(parsed.name, pos, parsed.gender)
    return _who(name, "person", clean_role(role))
