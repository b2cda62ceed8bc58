"""What a pronoun, a description or a name in an attribution stands for.

* ``he``/``she`` → the most recent speaker or subject of the last two sentences whose gender fits,
  else the last fitting speaker of the last three paragraphs, with the exceptions
  :mod:`.pronouns` lists (:func:`~.pronouns.resolve_pronoun`);
* ``the [former] senator``, ``the lawmaker`` → the last person the article gave that role (a state,
  ``the Florida senator``, says which: :func:`~.descriptions.resolve_person`); ``the lawyers`` → the last group so named; ``the
  newspaper``, ``the company``, ``the daily`` → the last fitting organisation (:mod:`.organisations`);
* ``Medvedev`` → ``Dmitry Medvedev`` when the article names one such person in full.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cues import LEMMA_OF
from .gender import FEMALE_FIRST, MALE_FIRST
from .phrases.common import DEMONYM_DESC, NP, possessed_spokes_np, SPOKES_NOUNS
from .phrases.groups import group_ending_at, head_of, possessed_at
from .phrases.names import parse_name, surname
from .organisations import COMPANY_NOUNS, MEDIA_NOUNS, org_by_evidence, resolve_org
from .phrases.unnamed import bare_plural_ending_at
from .people import describes_person, place_word_name, plain_name, role_is_person_noun
from .descriptions import ANY_SOURCE_NOUNS, make_who, resolve_person, role_text, unnamed_source, vague
from .pronouns import resolve_pronoun, unnamed_fits
from .phrases.roles import clean_role
from .words import (
    COMMON_CAPS,
    DEMONYMS,
    NATIONALITIES,
    ORG_NOUNS,
    PEOPLE_ADJECTIVES,
    PERSON_NOUNS,
    PLACE_SURNAMES,
    PLACES,
    PLURAL_PEOPLE,
    split_tokens,
    TITLES,
)

if TYPE_CHECKING:
    from .mentions import Article, Who


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
            return make_who(text + rest if kind == "poss" else text, "unnamed", head)
        bare = bare_plural_ending_at(m, hm.start(), hm.end())
        return make_who(bare, "unnamed", head) if bare is not None else None
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


_PARTY_TAG_RE = re.compile(r"\s*\([^()]{1,12}\)\s*$")
"""A party tag closing a name (``(R-OH)``, ``(D-Md.)``)."""

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
    return make_who(art.masked[pm.start() : np.end], "unnamed", noun)


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


def _spokes_owner(art: Article, np: NP) -> Who | None:
    """Who speaks through ``X’s spokesman`` (:func:`~.phrases.common.possessed_spokes_np`): an
    organisation owner speaks, as for ``a spokesman for X`` (``Barclays’ spokesman``); an office named
    by its title alone after ``the`` is an unnamed source of its own (``the Prime Minister’s official
    spokesman``); a person's spokesman is not that person (no speaker)."""
    owner = np.name or ""
    bare = owner[:-2] if owner.endswith(("’s", "'s")) else owner[:-1]
    parsed = parse_name(bare)
    if parsed is not None and parsed.kind == "org" and not parsed.role:
        org = art.canon_org(parsed.name)
        return make_who(org, "org") if org else vague()
    words = bare.split()
    if np.qual == "the" and all(w in TITLES for w in words):
        text = " ".join(art.masked[np.start : np.end].split())
        return make_who(text[:1].lower() + text[1:], "unnamed", text.rsplit(None, 1)[-1])
    return vague()


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
            if org is not None and org is not vague():
                return org
        return vague()
    if np.pron:
        p = np.pron.lower()
        if p in ("he", "she"):
            return resolve_pronoun(art, pos, "m" if p == "he" else "f", resolve)
        if p == "it":
            return resolve_org(art, pos, None)
        return vague()
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
        if np.desc in SPOKES_NOUNS and ("’" in art.masked[np.start : np.end] or "'" in art.masked[np.start : np.end]):
            px = possessed_spokes_np(art.masked, np.start, np.end)  # ``said the Prime Minister’s spokesman``
            if px is not None:
                return _spokes_owner(art, px)
        head = head_of(np.desc)
        if head is not None:
            return resolve_group(art, np.start, head)  # ``the lawyers said`` after ``Cruz’s lawyers``
        if np.desc in ANY_SOURCE_NOUNS:
            return unnamed_source(art, pos, art.para_of(pos), np.desc)  # ``the person added``
        if np.desc in PERSON_NOUNS or np.desc.endswith("-old"):
            who = resolve_person(art, pos, np.desc if np.desc in PERSON_NOUNS else None, qual=np.qual, place=np.place)
            tie = _person_modifier(art, np)
            if tie is not None and who is not None and not _tied_to(art, who, tie):
                return vague()  # ``the Christie supporter``: somebody of Christie's the text has not named
            return who
        return None
    if not np.name:
        return None
    if np.proxy and np.name[-1:] in "s’'" and np.name.endswith(("’s", "'s", "s’", "s'")):
        return _spokes_owner(art, np)
    if np.name == "Another":
        # ``“…,” one user wrote. ¶ Another said …``: another source of the same description
        source = unnamed_source(art, pos, art.para_of(pos), "person")
        if source is not None and source.role and (unnamed_fits(source, "m") or unnamed_fits(source, "f")):
            return make_who(f"another {source.role}", "unnamed", source.role)  # (one person: not ``two officials``)
        return vague()
    parsed = parse_name(np.name)
    if parsed is not None and parsed.possessive:
        group = possessed_at(art.masked, np.start, min(len(art.masked), np.end + 60))
        if group is not None:
            stop, owner, apos, rest = group
            return make_who(f"{owner}{apos} {rest}", "unnamed", rest.rsplit(None, 1)[-1])  # ``said Cruz’s lawyers``
    if parsed is None:
        if np.name in art.by_surname and " " not in np.name:
            # ``King said`` after ``Rep. Peter King``, ``Read said`` after ``Ian Read``, ``Con said``
            # after ``Tom Con``: a title, a rank or a common word that is the surname of somebody the
            # article names in full
            return make_who(art.canon_person(np.name, pos), "person")
        return None
    if np.proxy:
        # ``a Dow spokeswoman``: Dow speaks; ``a Clinton spokesman`` is not Clinton speaking.
        toks = split_tokens(np.name)
        if toks[-1].islower():
            return make_who(np.name, "org")  # ``a Clinton campaign spokesman``: the Clinton campaign
        if parsed.kind == "org":
            org = art.canon_org(parsed.name)
            return make_who(org, "org") if org else vague()
        if (
            parsed.kind != "other"
            or len(toks) != 1
            or toks[0] in art.by_surname
            or toks[0] in art.by_given
            or not _unknown_word_ok(art, toks[0])
        ):
            return vague()  # ``a Chinese official``, ``an Alabama official``, ``a Clinton spokesman``
        return make_who(parsed.name, "org")
    if parsed.name in art.places:
        return None  # ``Davenport`` of ``Davenport, Iowa``: a town
    pre, own = np.pre_role, parsed.role  # (joined without a generator: this runs for every name resolved)
    role = (pre + " " + own if own else pre) if pre else (own or None)
    if np.appos:
        role = np.appos
    if parsed.kind == "place" and parsed.name not in art.by_surname:
        if np.appos:
            person = parse_name(_PARTY_TAG_RE.sub("", np.appos))
            if person is not None and person.kind == "person" and " " in person.name and not person.possessive:
                # ``After winning Ohio, Gov. John Kasich (R-OH), said``: the place ends an opening
                # phrase; the name after its comma is the subject
                return make_who(art.canon_person(person.name, pos, person.gender), "person", clean_role(person.role))
        return None  # ``Japan said``, ``Washington said``: which of its people or offices, the text does not say
    if parsed.kind == "org":
        name = parsed.name
        if name[name.rfind(" ") + 1 :] in PLACE_SURNAMES and (
            name in art.people
            or (" " not in name and (name in art.by_surname or name in art.by_given))
            or (role and place_word_name(parsed) and describes_person(role))
        ):
            # ``Jerry Hall`` the article named as a person (a place word for a surname, a mark of a
            # person by it: ``model Jerry Hall said``), and her ``Hall`` later; ``Park`` after ``Park Geun-hye``
            return make_who(art.canon_person(name, pos, parsed.gender), "person", clean_role(role))
        org = art.canon_org(name)
        return make_who(org, "org") if org else None
    if parsed.kind == "place":
        return make_who(art.canon_person(parsed.name, pos), "person", clean_role(role))  # ``Israel`` of ``Steve Israel``
    if parsed.kind == "other" and np.pre_role and role_is_person_noun(np.pre_role) and plain_name(parsed.name):
        # ``columnist Ai Jun wrote``: a lower-case noun for a person right before makes a person of a
        # name whose words are also common words
        return make_who(art.canon_person(parsed.name, pos, parsed.gender), "person", clean_role(role))
    if parsed.kind == "other":
        toks = split_tokens(parsed.name)
        if len(toks) != 1 or (toks[0] in COMMON_CAPS and toks[0] not in art.by_surname) or toks[0].lower() in PLURAL_PEOPLE:
            return None  # (``Mrs May`` after ``Theresa May`` is her)
        if _family(art, toks[0]):
            return vague()  # ``the Clintons said``: a family, not one person
        if toks[0].lower() in PERSON_NOUNS and toks[0] not in art.by_surname and art.masked[np.start : np.end] in ("The " + toks[0], "the " + toks[0]):
            return None  # ``the Duke said`` (of ``the Duke of Sussex``): a title with no name, neither a person nor a body
        if (
            art.masked[np.start : np.end] in ("The " + toks[0], "the " + toks[0])
            and not toks[0].endswith("s")
            and toks[0] not in art.by_surname
            and toks[0] not in art.by_given
        ):
            return make_who(parsed.name, "org")  # ``The Hill reported``: one word after ``the`` names no person
        known = toks[0] in art.by_surname or toks[0] in art.by_given or toks[0] in art.titled
        if not known and not parsed.possessive and _unknown_word_ok(art, toks[0]) and org_by_evidence(art, toks[0]):
            return make_who(parsed.name, "org")  # ``Boeing said its …``: an organisation by the article's own words
        if not known and (strict or not _unknown_word_ok(art, toks[0])):
            return None  # ``United``, ``Irish``, ``Hastily``: a common word or a people, not somebody's name
    name = art.canon_person(parsed.name, pos, parsed.gender)
    if parsed.role in ("Sir", "Dame") and name == parsed.name and (name in FEMALE_FIRST or name in MALE_FIRST):
        return None  # ``Sir Tom`` where the article names no ``Sir Tom …`` in full: a given name alone, nobody to look up
    return make_who(name, "person", clean_role(role))
