"""Which person a description of somebody (``the senator``, ``the aide``, ``the 42-year-old``) or a
pronoun with nothing better (``he``, ``she``) stands for: the most recent fitting person nearby
(:func:`resolve_person`), and the small helpers the pronoun and description rules share.

Held apart from :mod:`.coreference` (which dispatches a noun phrase to these) and :mod:`.pronouns`
(which falls back on :func:`resolve_person`), so neither needs the other at import time.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gender import gender_of
from .phrases.common import NO_FALLBACK_NOUNS
from .phrases.names import surname
from .phrases.roles import is_office, office_conflict, role_fits
from .phrases.unnamed import described_subject
from .places import home_state

if TYPE_CHECKING:
    from .mentions import Article, Who

_WHO: list[type] = []


def make_who(name: str, kind: str, role: str | None = None) -> Who:
    """A :class:`~.mentions.Who` (the class is imported when first needed: :mod:`.mentions` imports
    this module through :mod:`.coreference`)."""
    if not _WHO:
        from .mentions import Who  # imported here: mentions imports this module

        _WHO.append(Who)
    return _WHO[0](name, kind, role)


def vague() -> Who:
    """The speaker of a plural or unnamed subject, or of a reference that points to nobody a reader
    can look up (:data:`~.mentions.VAGUE`: no speaker)."""
    from .mentions import VAGUE  # (imported here, as for make_who)

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
        source = unnamed_source(art, pos, para, noun) or _described_before(art, pos, noun)
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
                who = make_who(mn.name, "person", mn.role)
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
    return make_who(d[0], "unnamed", d[1])


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
            who = make_who(mn.name, "person", mn.role)
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


ANY_SOURCE_NOUNS = frozenset("person source".split())
"""Nouns that point back to an unnamed source whatever noun described it (``the person added``)."""


def unnamed_source(art: Article, pos: int, para: int, noun: str) -> Who | None:
    """The last unnamed source before ``pos`` (within three paragraphs) that ``the <noun>`` names:
    described with that noun, or any one for ``the person``/``the source``."""
    for ev in reversed(art.events[-200:]):
        if ev.pos >= pos:
            continue
        if para - ev.para > 3:
            return None
        if ev.who.kind == "unnamed" and (ev.who.role == noun or noun in ANY_SOURCE_NOUNS):
            return ev.who
    return None
