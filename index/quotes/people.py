"""Who an article names: the people named in full (their roles, surnames and given names), the
organisations and places, every mention of a person, the people named only inside quotations, and
what the article's own ``he`` and ``she`` say of each one's gender.

These collect into an :class:`~.mentions.Article` once (:func:`collect_people` from
:meth:`~.mentions.Article.prepare`, the rest when first asked); the article's lookups
(``canon_person``, ``role_of``, ``gender_of_name``) read what they collected."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gender import FEMALE_FIRST, MALE_FIRST
from .organisations import org_by_evidence
from .phrases.common import dateline_at
from .phrases.name_scan import iter_names
from .phrases.names import head_before_common, name_info, parse_name, ParsedName, place_before_state, surname
from .phrases.roles import appositive_after, pre_role
from .words import (
    COMMON_CAPS,
    DEMONYMS,
    NATIONALITIES,
    ORG_WORDS,
    PEOPLE_ADJECTIVES,
    PERSON_NOUNS,
    PLACE_SURNAMES,
    PLACES,
    split_tokens,
    TITLES,
)

if TYPE_CHECKING:
    from .mentions import Article


@dataclass(slots=True)
class Mention:
    """A person named in the article (in full, by surname, or with a title), and where."""

    pos: int
    sent: int
    name: str
    """The full name the article gives that person."""
    role: str | None = None
    possessive: bool = False
    """Named as an owner (``Trump’s ire``): a topic, not somebody the sentence introduces."""


_INITIAL_RE = re.compile(r"(?:[A-Z]\.)+|[A-Z]")
_OPENING_PRONOUN_RE = re.compile(r"\s*(He|She)\s+[a-z]")
_PRONOUN_RE = re.compile(r"[HhSs](?<![\w][HhSs])(?:(?<=[Hh])e|(?<=[Hh])imself|(?<=[Ss])he|(?<=[Hh])erself)\b")
"""``\b(?:[Hh]e|[Hh]imself|[Ss]he|[Hh]erself)\b``, written to open with a character class so the
engine skips in C to the candidate letters."""
_MALE_PRONOUNS = frozenset("he himself".split())
_FEMALE_PRONOUNS = frozenset("she herself".split())

_BODY_HEADS = frozenset("Board Department Ministry Commission Council Committee Bank Court Office Bureau Institute University".split())
"""Last words of a body's name that an ``of``-phrase may complete (``Board of Elections``, ``Bank of England``)."""
_OF_NAME_RE = re.compile(r" of(?: the)?(?: [A-Z][\w’'&\-]*)+")

_AGE_AFTER_RE = re.compile(r", (?:age )?\d{1,3},")
"""An age in commas right after a name (``Yin Myint May, 60,``): the name is a person's."""

_KIN_GENDER = {
    **dict.fromkeys("wife mother daughter sister widow niece granddaughter grandmother aunt girlfriend fiancée".split(), "f"),
    **dict.fromkeys("husband father son brother widower nephew grandson grandfather uncle boyfriend fiancé".split(), "m"),
}


def is_kin_role(role: str | None) -> bool:
    """Is ``role`` a kin noun a relative was named with (``his wife, Jane,``: ``wife``)?"""
    return role in _KIN_GENDER


_KIN_BEFORE_RE = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)|(?P<owner>\b[A-Z][\w\-]*)?[’']s?) (?P<kin>"
    + "|".join(_KIN_GENDER)
    + r")(?P<comma>,?) $"
)
"""``his wife, Jane,``, ``Trump’s daughter Ivanka``: a relative named by one given name."""


_KIN_NAME_ENDS = frozenset(",.;")


def _kin_word_before(m: str, start: int) -> bool:
    """Is the word before ``start`` (and its comma) a kin noun? A cheap test before
    :func:`kin_given_name`'s pattern."""
    j = start - 2 if m[start - 2 : start - 1] == "," else start - 1
    k = m.rfind(" ", max(0, j - 16), j)
    return k >= 0 and m[k + 1 : j] in _KIN_GENDER


def kin_given_name(art: Article, start: int, end: int, name: str) -> ParsedName | None:
    """A lone capitalised word at ``start``..``end`` of the article's masked text that names a
    relative by a given name (``his wife, Jane,``; ``Trump’s daughter Ivanka``): the person, with the
    kin noun as role and its gender; ``None`` otherwise.

    A relative of a person the article has named takes that person's surname (``Clinton’s husband,
    Bill`` is ``Bill Clinton``), unless the article names somebody in full with that given name (then
    the bare name resolves to that person). Set off by commas, any word will do (``their son,
    Humayun,``); with no commas, a known given name (``his father Tuesday`` names nobody). A given
    name of the other gender is a new clause's subject (``her husband, Nancy was``)."""
    m = art.masked
    km = _KIN_BEFORE_RE.search(m, max(0, start - 40), start)
    if km is None or km.end() != start:
        return None
    gender = _KIN_GENDER[km.group("kin")]
    if name in (MALE_FIRST if gender == "f" else FEMALE_FIRST):
        return None
    if km.group("comma"):
        if m[end : end + 1] not in (",", ".", ";"):
            return None
    elif name not in FEMALE_FIRST and name not in MALE_FIRST:
        return None
    owner = km.group("owner")
    if owner is not None and owner in art.by_surname and name not in art.by_given:
        name = f"{name} {owner}"
    return ParsedName(name, km.group("kin"), "person", False, gender)


def one_person(names: set[str]) -> bool:
    """Full names of one person within an article: one surname, given names that are short forms of
    one another (``Ken``/``Kenneth``, ``Sandy``/``Sandra``: one a prefix of the other, or the same
    first three letters)."""
    keys = [(split_tokens(n)[0], surname(n)) for n in names]
    if len({sur for _, sur in keys}) != 1:
        return False
    givens = [g.rstrip(".") for g, _ in keys]
    return all(
        a.startswith(b) or b.startswith(a) or (len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3])
        for i, a in enumerate(givens)
        for b in givens[i + 1 :]
    )


_PERSON_AFTER_RE = re.compile(r",\s+who\b|\s+(?:said|says|added|adds|told\s+\w+)\s+(?:that\s+)?(?:he|she)\b")
"""``Jerry Hall, who …``, ``Sarah Bridge said she …``: what follows a name says it is a person's."""

_APPOS_HEAD_END_RE = re.compile(r"\s(?:of|at|for|from|in|with|on|who|whose|that|and|since)\b|[,;(]")

_PERSON_SUFFIXES = ("er", "or", "ist", "ian")
_THING_NOUNS = frozenset(
    "center centre corner tower river shelter theater theatre quarter border chamber cluster number order "
    "register computer harbor harbour manor water floor meter metre sector corridor interior exterior".split()
)
"""Nouns ending like a noun for a person (``-er``, ``-or``) that name things and places."""

_PERSON_APPOS_NOUNS = frozenset("model nun monk poet pilot chef cook clerk nanny tutor guide".split())
"""Nouns for people that :data:`~.words.PERSON_NOUNS` leaves out and no suffix gives away."""


def describes_person(role: str) -> bool:
    """Does an appositive describe a person (``the model``, ``a commuter``, ``the president of …``),
    by its head noun: a noun for a person, or a word ending like one (``-er``, ``-ist``) that names no
    thing?"""
    cut = _APPOS_HEAD_END_RE.search(role)
    words = (role[: cut.start()] if cut else role).split()
    head = words[-1].lower() if words else ""
    if head in PERSON_NOUNS or head in _PERSON_APPOS_NOUNS:
        return True
    return head.isalpha() and head.endswith(_PERSON_SUFFIXES) and head not in _THING_NOUNS


def place_word_name(parsed: ParsedName) -> bool:
    """Could ``parsed`` (read as an organisation) be a person's name: a known given name, then a place
    word for a surname (``Jerry Hall``, ``Sarah J. Bridge``; not ``Madison Square Garden``)?"""
    last = parsed.name.rsplit(None, 1)
    if parsed.possessive or len(last) < 2 or last[1] not in PLACE_SURNAMES:
        return False  # (cheap tests first: this runs for every organisation the article names)
    toks = split_tokens(parsed.name)
    return (
        2 <= len(toks) <= 3
        and toks[-1] in PLACE_SURNAMES
        and (toks[0] in FEMALE_FIRST or toks[0] in MALE_FIRST)
        and not any(t in ORG_WORDS for t in toks[:-1])
    )


def place_word_person(m: str, parsed: ParsedName, start: int, stop: int, floor: int, limit: int) -> bool:
    """Is the name ``parsed`` (read as an organisation) at ``start``–``stop`` in the masked text ``m`` a
    person's, a known given name and a place word for a surname (``Jerry Hall``, ``Molly Yard``), with a
    mark of a person around it: an age or a person's appositive after it (``, the model``, ``, 45,``),
    ``who`` or ``said she``, a lower-case noun for a person before it (``model Jerry Hall``)?  Without
    one it stays a place (``Victoria Park``)."""
    if not place_word_name(parsed):
        return False
    if _AGE_AFTER_RE.match(m, stop) or _PERSON_AFTER_RE.match(m, stop):
        return True
    ap = appositive_after(m, stop, limit)
    if ap and describes_person(ap):
        return True
    role = pre_role(m, start, floor)
    return bool(role) and role.split()[-1].islower() and describes_person(role)


_FUNCTION_CAPS = frozenset("The A An This That In On At For From With By Of To And Or But".split())


def role_is_person_noun(role: str) -> bool:
    """Does a lower-case role end with a noun for a person (``columnist``, ``former state senator``)?"""
    last = role.split()[-1] if role.split() else ""
    return last.islower() and last in PERSON_NOUNS


def plain_name(name: str) -> bool:
    """Two or three capitalised words, none a function word (``Ai Jun``, not ``The Post``)."""
    toks = split_tokens(name)
    return 2 <= len(toks) <= 3 and all(t[:1].isupper() and t[1:].islower() and t not in _FUNCTION_CAPS for t in toks)


_SPEAKS_AFTER_RE = re.compile(r" (?:said|says|stated|states|added|adds|wrote|writes|told|tells|explained|explains)\b")
"""A speech verb right after a word (``Obama stated``)."""


def _in_longer_name(text: str, word: str) -> bool:
    """Does ``word`` stand anywhere in ``text`` (quotations and headlines too) next to another
    capitalised word that is no title (``Ban Ki-moon``, ``Xi Jinping``, ``Rachel Maddow``, ``the
    Trump Train``; not ``President Obama``), or after ``the`` (``the Federalist``)?  Then it is part
    of a longer name, or the name of a thing."""
    for wm in re.finditer(r"(?:([A-Z][\w’'.\-]*|[Tt]he)\s+)?\b" + re.escape(word) + r"\b(?!’|')(\s+[A-Z])?", text):
        before, after = wm.group(1), wm.group(2)
        if after or (before and (before in ("the", "The") or (before not in TITLES and before not in COMMON_CAPS))):
            return True
    return False


def collect_people(art: Article) -> None:
    """Two passes over the names outside the quotations of a prepared ``art`` (masked, split into
    paragraphs and sentences): first the people named in full (their roles, their surnames), the
    organisations and the places, then the persons named by surname with a title; what may name a
    person is kept, in reading order, for :func:`collect_mentions`."""
    m = art.masked
    found: list[tuple[int, ParsedName]] = []
    by_surname = art.by_surname
    places = art.places
    headline_paras = art.headline_paras
    for pi, (ps, pe) in enumerate(art.paras):
        if pi in headline_paras:
            continue
        dm = dateline_at(m, ps, pe)
        for mt in iter_names(m, dm.end() if dm else ps, pe):
            g = mt.group()
            info = name_info(g)
            if info is None:
                if g in by_surname and " " not in g:
                    # ``Deacon had raised …`` after ``Colleen Deacon``: a surname that is also a title
                    # or a common word, standing for the person the article named in full
                    found.append((mt.start(), ParsedName(g, None, "person")))
                continue
            parsed, owner, full, given, rest = info
            start, stop = mt.span()
            if owner is not None:
                note_full_name(art, owner, start, g)  # ``Karl Rove’s PAC``: Karl Rove is named in full
            if parsed.kind == "org":
                name = parsed.name
                last = name.rsplit(None, 1)[-1]
                if last in PLACE_SURNAMES and (
                    (name == last and (name in by_surname or name in art.by_given))
                    or place_word_person(m, parsed, start, stop, ps, pe)
                ):
                    # ``Hall added`` after ``Jerry Hall, the model``; ``Park`` after ``Park Geun-hye``: a
                    # person, named in full where a mark of a person stands by the name
                    parsed = ParsedName(name, parsed.role, "person", parsed.possessive, parsed.gender)
                    full = name != last
                else:
                    if last in _BODY_HEADS:
                        of = _OF_NAME_RE.match(m, stop, pe)
                        if of is not None:
                            name += of.group(0)  # ``the Illinois Board of Elections``: one body
                    art.org_mentions.append((start, pi, name))
                    continue
            if parsed.kind not in ("person", "other"):
                continue
            if parsed.name in places or (
                m[stop : stop + 2] == ", "  # (a slice: ``startswith`` parses its arguments per call)
                and not parsed.role
                and not parsed.possessive
                and not given
                and place_before_state(m, stop)
            ):
                places.add(parsed.name)  # ``Davenport, Iowa``: a town, and so wherever it recurs
                continue
            if parsed.kind == "other" and " " in parsed.name and _AGE_AFTER_RE.match(m, stop):
                # ``Yin Myint May, 60, a doctor,``: an age in apposition makes a person of a name
                # the name rules cannot read (no known given name, no title)
                parsed = ParsedName(parsed.name, parsed.role, "person", parsed.possessive, parsed.gender)
                full = parsed.name.count(" ") <= 3
            elif parsed.kind == "other" and not parsed.possessive and " " in parsed.name and plain_name(parsed.name):
                role = pre_role(m, start, ps)
                if role and role_is_person_noun(role):
                    # ``columnist Ai Jun wrote``: a lower-case noun for a person right before makes a
                    # person named in full of a name whose words the name rules cannot read, so a
                    # later ``Jun wrote`` is that person
                    parsed = ParsedName(parsed.name, parsed.role, "person", False, parsed.gender)
                    full = True
            if (
                " " not in parsed.name
                and not parsed.role
                and (m[stop : stop + 1] in _KIN_NAME_ENDS or parsed.name in FEMALE_FIRST or parsed.name in MALE_FIRST)
                and _kin_word_before(m, start)
            ):  # (cheap tests first: what follows the word, then the word before it)
                kin = kin_given_name(art, start, stop, parsed.name)
                if kin is not None:
                    found.append((start, kin))  # ``his wife, Jane,``: a person, by given name
                    if kin.name != parsed.name:
                        art.by_given.setdefault(parsed.name, set()).add(kin.name)  # ``Bill`` is now ``Bill Clinton``
                    continue
            if rest is not None and art.sent_starts[art.sent_of(start)] == start:
                parsed = rest[0]  # ``Regarding Trump’s …``: not a name word
                if parsed is None or parsed.kind not in ("person", "other"):
                    continue
                full = parsed.kind == "person" and " " in parsed.name
            found.append((start, parsed))
            if not full:
                continue
            name = parsed.name
            roles = art.people.setdefault(name, [])
            pre = pre_role(m, start, ps)
            own = parsed.role  # (joined without a generator: this runs for every full name)
            role = (pre + " " + own if own else pre) if pre else (own or "")
            if role:
                roles.append(role)
            if not parsed.possessive and name not in art.appos_roles:
                ap = appositive_after(m, stop, pe)
                if ap:
                    art.appos_roles[name] = ap
            note_full_name(art, name, start, g)
    for start, parsed in found:
        name = parsed.name
        if " " in name:
            continue
        if parsed.kind == "person" and (parsed.role or name in by_surname):
            art.titled.add(name)  # ``President Obama``, ``Mr. Trump``: a person, named by surname
        elif (
            parsed.kind == "other"
            and not parsed.possessive
            and name not in by_surname
            and name not in COMMON_CAPS
            and _SPEAKS_AFTER_RE.match(m, start + len(name))
            and name not in art.by_given
            and not (name in DEMONYMS or name in NATIONALITIES or name in PLACES or name in PEOPLE_ADJECTIVES)
            and not art.used_lowercase(name)
            and not _in_longer_name(art.text, name)
        ):
            if org_by_evidence(art, name):
                # ``Boeing said its planes …``: the article's own words make the word that speaks an
                # organisation, named wherever it stands; never a person a ``he`` can be
                art.org_mentions.append((start, art.para_of(start), name))
                continue
            # ``“…,” Obama stated.`` in an article that names him so only: a word that speaks is
            # somebody's name, wherever else it stands (``And even Obama tried …``)
            by_surname[name] = {name}
    art.named = found


def note_full_name(art: Article, name: str, start: int, phrase: str) -> None:
    """Remember a person named in full at ``start`` (in the capitalised ``phrase`` found there)."""
    art.by_surname.setdefault(surname(name), set()).add(name)
    art.full_mentions.append((start, name))
    if name not in art.mid_sentence and art.masked[start - 1 : start] != "(" and (
        art.sent_starts[art.sent_of(start)] != start or not phrase.startswith(name)
    ):
        art.mid_sentence.add(name)  # ``So Labor Secretary Thomas Perez``: inside its sentence too
    given = split_tokens(name)[0]
    if not _INITIAL_RE.fullmatch(given):
        art.by_given.setdefault(given, set()).add(name)


def collect_mentions(art: Article) -> list[Mention]:
    """Every person named outside the quotations, in reading order, from the phrases
    :func:`collect_people` kept: a bare surname stands for the full name the article gives it, as
    read before any speaker or subject was known."""
    out: list[Mention] = []
    for start, parsed in art.named:
        name = parsed.name
        words = name.count(" ") + 1
        if words > 4 and sum(1 for t in split_tokens(name) if t[:1].isupper()) > 4:
            continue  # a headline in title case, not a name
        if words == 1 and name not in art.by_surname and not parsed.role:
            continue  # a lone capitalised word the article does not otherwise use as a name
        if parsed.kind != "person" and words > 1:
            continue
        name = art.canon_person(name, start, recent=False) if words == 1 else name
        out.append(Mention(start, art.sent_of(start), name, parsed.role, parsed.possessive))
    return out


def collect_quoted_people(art: Article) -> dict[str, set[str]]:
    """People named in full only inside quotations (``“I met with FBI Director James Comey”``) or in
    a headline, by surname: what a bare surname stands for when the article names nobody else so."""
    out: dict[str, set[str]] = {}
    ranges = [(sp.start, sp.end) for sp in art.spans] + [art.paras[pi] for pi in sorted(art.headline_paras)]
    for a, b in ranges:
        for mt in iter_names(art.text, a, b):
            parsed = parse_name(mt.group(0))
            if parsed is None or parsed.kind == "other":
                head = head_before_common(mt.group(0))  # ``Mayor John Doe Says He …``
                parsed = parse_name(head) if head is not None else parsed
            if parsed is not None and parsed.kind == "org" and not parsed.possessive:
                inner = _given_then_surname(split_tokens(parsed.name))  # ``“The Rachel Maddow Show”``
                parsed = ParsedName(inner, None, "person") if inner is not None else parsed
            if parsed is None or parsed.kind != "person" or parsed.possessive:
                continue
            toks = split_tokens(parsed.name)
            if len(toks) >= 2 and (parsed.role or toks[0] in FEMALE_FIRST or toks[0] in MALE_FIRST):
                out.setdefault(surname(parsed.name), set()).add(parsed.name)
    return out


def _given_then_surname(toks: list[str]) -> str | None:
    """A known given name and the capitalised word after it, inside a longer name of a thing
    (``Rachel Maddow`` in ``Rachel Maddow Show``); ``None`` when there is none."""
    for a, b in zip(toks, toks[1:]):
        if (a in FEMALE_FIRST or a in MALE_FIRST) and b[:1].isupper() and b[1:].islower() and b not in COMMON_CAPS:
            return f"{a} {b}"
    return None


def count_gender_votes(art: Article) -> dict[str, list[int]]:
    """``Clinton said she …``: a sentence naming one person, then using only ``he`` or only ``she``
    after the name, votes for that person's gender (``him``, ``his``, ``her`` often stand for
    somebody else: ``Hobson thanked him``); so does a sentence of the same paragraph right after it
    that opens with ``He`` or ``She``. Per full name, the votes as ``[male, female]``."""
    m = art.masked
    votes: dict[str, list[int]] = {}
    by_sent: dict[int, list[Mention]] = {}
    for mn in art.mentions:
        by_sent.setdefault(mn.sent, []).append(mn)
    sents = art.sents
    for si, mns in by_sent.items():
        names = {mn.name for mn in mns}
        if len(names) != 1:
            continue
        s, e, _ = sents[si]
        words = _PRONOUN_RE.findall(m, mns[0].pos, e)
        male = any(w.lower() in _MALE_PRONOUNS for w in words)
        female = any(w.lower() in _FEMALE_PRONOUNS for w in words)
        if male != female:
            v = votes.setdefault(mns[0].name, [0, 0])
            v[0 if male else 1] += 1
        nxt = si + 1
        if nxt < len(sents) and sents[nxt][2] == sents[si][2]:
            # ``Dexter Wakefield … told the Post that she was a regular. He said …``: a sentence that
            # opens with ``he`` or ``she`` right after one naming one person speaks of that person,
            # whoever it names after its pronoun (``He had protested Trump …``)
            om = _OPENING_PRONOUN_RE.match(m, sents[nxt][0], sents[nxt][1])
            if om is not None:
                v = votes.setdefault(mns[0].name, [0, 0])
                v[0 if om.group(1).lower() == "he" else 1] += 1
    return votes
