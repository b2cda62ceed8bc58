"""What ``he`` and ``she`` in an attribution stand for (:func:`resolve_pronoun`).

The most recent speaker or subject of the pronoun's sentence and the two before whose gender fits
(further back along sentences that open with the same pronoun); a person a sentence of that window
opens with when the phrases could not read its subject, or an unnamed person it opens with by a
noun that says the gender (``One woman adopted from Iran …``); a person a later paragraph
introduces with who they are, over a speaker or subject of an earlier one; else the last fitting
speaker of the last three paragraphs, unless that speaker's gender is unknown and somebody of the
pronoun's gender was named in full since, or an owner was named just before (``listening to James
Comey’s statement. He called …``); else a person merely mentioned whose gender fits; else the most
recent fitting subject nearby (:func:`.descriptions.resolve_person`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable, TYPE_CHECKING

from .descriptions import make_who, resolve_person, vague
from .gender import gender_of, GENDERED_PERSON_NOUNS
from .people import is_kin_role
from .phrases.common import NP
from .words import PERSON_NOUNS, PLACES, split_tokens, TITLES

if TYPE_CHECKING:
    from .mentions import Article, Event, Mention, Who

_FOR_FRAME_RE = re.compile(r"\s*For\s+((?:[A-Z][\w’'.\-]*\s+){1,3}[A-Z][\w’'\-]*)\s*,\s*")
"""``For Jonathan Chait, Williamson is exposing …``: a sentence that gives a named person's view
(a full name: ``For example,``, ``For Sanders,`` are left to the other rules)."""


def _event_between(art: Article, a: int, b: int) -> bool:
    """Is there a speaker or subject in ``[a, b)`` (the pronoun's own sentence before it)?"""
    return any(a <= ev.pos < b for ev in art.events[-20:])


_PRONOUN_WINDOW = 2
"""How many sentences before the pronoun's own are searched for the person it stands for."""


_AS_FOR_RE = re.compile(r"\s*(?:As|And\s+as)\s+for\s+([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s*,\s*")
"""``As for Trump, he …``: a sentence that names its topic before its pronoun subject."""


NameResolver = Callable[["Article", NP, int], "Who | None"]
"""What turns a located name into a speaker (:func:`.coreference.resolve`, which calls this module
for ``he``/``she`` and passes itself in)."""


def resolve_pronoun(art: Article, pos: int, gender: str, resolve_name: NameResolver) -> Who | None:
    """``he``/``she`` at ``pos``: the most recent fitting person of this sentence and the two before
    (speakers and subjects first), else the most recent fitting speaker or subject nearby.
    ``resolve_name`` reads a topic the sentence opens with (``As for Trump, he …``)."""
    si = art.sent_of(pos)
    topic = _AS_FOR_RE.match(art.masked, art.sents[si][0], pos) if art.sents else None
    if topic is not None and art.masked[topic.end() : pos].strip().lower() in ("", "he", "she"):
        who = resolve_name(art, NP(topic.start(1), topic.end(1), name=topic.group(1)), topic.start(1))
        if who is not None and who.kind == "person" and art.gender_of_name(who.name) in (None, gender):
            return who  # ``As for Trump, he said``: the topic the sentence opens with
    if si >= 1 and art.sents[si - 1][2] == art.sents[si][2]:
        frame = _FOR_FRAME_RE.match(art.masked, art.sents[si - 1][0], art.sents[si - 1][1])
        if frame is not None and not _event_between(art, art.sents[si][0], pos):
            who = resolve_name(art, NP(frame.start(1), frame.end(1), name=frame.group(1)), frame.start(1))
            if who is not None and who.kind == "person" and art.gender_of_name(who.name) == gender:
                # ``For Jane Roe, Doe is exposing the logic of …. “…,” she mocks.``: the one whose
                # view the sentence before gives is the one who goes on
                return who
    lo = art.sents[_chain_start(art, si, gender)][0]
    fits = lambda name: art.gender_of_name(name) in (None, gender)  # noqa: E731
    para = art.para_of(pos)
    speaker: Who | None = None
    own_start = art.sents[si][0]
    prev_start = art.sents[si - 1][0] if si >= 1 else 0
    desc: tuple[int, Who] | None | bool = False  # (worked out when first needed: most pronouns find
    # their person in their own sentence or the one before, which no opener of those before outranks)
    for ev in reversed(art.events[-100:]):
        if ev.pos >= pos:
            continue
        if ev.pos < prev_start:
            if desc is False:
                desc = _described_subject_before(art, si, gender)
            if desc and ev.pos < desc[0]:
                return desc[1]  # ``One woman adopted from Iran … did not learn …. She met …``
        if ev.who.kind == "unnamed":
            if (ev.pos >= lo or (ev.speaker and para - ev.para <= 3)) and unnamed_fits(ev.who, gender) and not any(
                fits(mn.name) for mn in art.mentions_before(pos, ev.pos)
            ):
                # ``“…,” said one resident. “…,” she added``: the unnamed source who just spoke (or the
                # last to speak), not somebody named before (nor after: ``A reporter asked Sanders …
                # He replied``)
                return ev.who
            continue
        if ev.who.kind != "person":
            continue
        if ev.pos >= lo and fits(ev.who.name):
            # a speaker or subject of the last two sentences, unless a later paragraph introduced another
            if ev.pos >= own_start:
                return ev.who  # (a person of the pronoun's own sentence: nobody introduced since)
            return _introduced_since(art, own_start, lo, ev, gender, para) or ev.who
        if para - ev.para > 3:
            break
        if ev.speaker and fits(ev.who.name):
            speaker = ev.who
            break
    if desc is False:
        desc = _described_subject_before(art, si, gender)
    if desc:
        return desc[1]
    if speaker is not None:
        # the last speaker: quoted people are what ``he said`` points back to, unless the last two
        # sentences introduced another in a later paragraph
        known = None
        if art.gender(speaker) is None:
            # a speaker of no known gender paragraphs back yields to somebody of this gender named in
            # full in the last two sentences (``his wife, Jane Roe, called for …. “…,” she said.``); a
            # relative named by a given name alone (``his wife, Jane, called for …``) is the one meant
            # too, but no speaker a reader can look up: no speaker rather than the one paragraphs back
            known = next(
                (
                    mn
                    for mn in reversed(art.mentions_before(pos, lo))
                    if not mn.possessive
                    and (" " in mn.name or is_kin_role(mn.role))
                    and art.gender_of_name(mn.name, mn.role) == gender
                ),
                None,
            )
            if known is not None and " " not in known.name:
                return vague()
        if known is None:
            # an owner named in the last two sentences (``listening to James Comey’s statement. He
            # called …``): the topic a later ``he`` points to, over a speaker paragraphs back; not
            # when a name opens that sentence (``Obama addressed Trump’s concerns``: Obama is its subject)
            known = next(
                (
                    mn
                    for mn in reversed(art.mentions_before(pos, lo))
                    if mn.possessive
                    and mn.name != speaker.name
                    and art.gender_of_name(mn.name, mn.role) == gender
                    and not _named_between(art, art.sent_starts[mn.sent], art.sent_starts[mn.sent] + 1)
                ),
                None,
            )
        if known is not None:
            return make_who(known.name, "person", known.role)
        return _introduced_since(art, own_start, lo, ev, gender, para) or speaker
    for mn in reversed(art.mentions_before(pos, lo)):
        if art.gender_of_name(mn.name, mn.role) == gender:
            # a person merely mentioned (not a subject or a speaker) only when something says the
            # pronoun fits (a first name, a title, the article's own pronouns): ``Off Message`` or
            # ``EgyptAir Plane Crash`` in a title-case line is no ``he``
            return make_who(mn.name, "person", mn.role)
    return resolve_person(art, pos, gender=gender)


_OBJECT_OF_RE = re.compile(r"\b(?:for|to|with|about|against|from|than|at|on|in|into|over)\s+(?:the\s+)?$")
"""A preposition right before a name (not ``by``: ``backed by Sen. Jane Roe`` names the one acting;
not ``of``: ``courtesy of Jane Roe, a delegate``)."""
_BODY_TITLES = frozenset("House Senate State".split())


_GENDERED_SUBJECT_RE = re.compile(
    r"\s*(?:(?:But|And|Then|Later|Meanwhile),?\s+)?(A|An|One|Another)\s+((?:[\w\-]+\s+){0,3}?)("
    + "|".join(GENDERED_PERSON_NOUNS)
    + r")\b(?![’'\-])"
)
"""A sentence that opens with one person described by a noun that says the gender (``One woman
adopted from Iran …``, ``A local father of two …``)."""


def _described_subject_before(art: Article, si: int, gender: str) -> tuple[int, Who] | None:
    """The unnamed person of ``gender`` a sentence of the last two before ``si`` opens with (``One
    woman adopted from Iran … did not learn of her status. She met …``), with where that sentence
    starts, when no sentence after it has a person for its subject; else ``None``."""
    m = art.masked
    for j in range(si - 1, max(-1, si - 1 - _PRONOUN_WINDOW), -1):
        who = art.sent_subjects.get(j)
        if who is not None and who.kind in ("person", "unnamed"):
            return None  # (a person the sentence names is the one nearer; a body is no ``she``)
        s, e, _ = art.sents[j]
        opener = _name_opening(art, s, e)
        if opener is not None:
            if art.gender_of_name(opener.name, opener.role) != gender:
                # (a person merely mentioned is a pronoun's only when something says the gender fits:
                # ``History Makes Voters Feel Small.`` is a title-case line, no ``he``)
                return None
            return s, make_who(opener.name, "person", opener.role)  # ``Andrew Hale took his daughter there. He said: …``
        dm = _GENDERED_SUBJECT_RE.match(m, s, e)
        if dm is None:
            continue
        if re.match(r",\s+[A-Z]", m[dm.end() : dm.end() + 3]):
            return None  # ``One local woman, Jane Roe, …``: a name in apposition says who
        noun = dm.group(3)
        mods = dm.group(2)
        if GENDERED_PERSON_NOUNS[noun] != gender or any(w[:1].isupper() and w not in PLACES for w in mods.split()):
            return None  # (``A Trump man``: somebody's, not a person of their own)
        return s, make_who(f"{dm.group(1).lower()} {mods}{noun}", "unnamed", noun)
    return None


def _named_between(art: Article, a: int, b: int) -> bool:
    """Does a phrase that may name a person (:attr:`~.mentions.Article.named`, read when the article
    was prepared) start in ``[a, b)``?  A cheap test before the article's mentions are worked out."""
    named = art.named
    i = bisect_left(named, a, key=_START)
    return i < len(named) and named[i][0] < b


def _START(item: tuple[int, object]) -> int:
    return item[0]


_OPENING_SPAN = 12
"""How far into a sentence the person it opens with may start (after ``And``, ``But``, …)."""
_OPENING_CONJ_RE = re.compile(r"\s*(?:(?:And|But|So|Then|Still|Yet)\s+)?(?:(?:[Ee]ven|[Aa]lso|[Oo]nly)\s+)?")
"""What may stand before the person a sentence opens with: a conjunction, then a focus adverb (``And
even Obama tried …``)."""


_COORDINATED_RE = re.compile(r"(?:Both\s|Neither\s|Either\s|(?:[A-Z][\w.’'\-]*\s+){1,4}(?:and|or|nor)\s)")


_DESCRIBED_THEN_NAMED_RE = re.compile(r"\s*(?:A|An|One|Another)\s+(?:[\w\-]+\s+){0,3}?[a-z][\w\-]*,\s+")
"""A sentence that opens with one person described, then named in apposition (``One superdelegate,
Alabama Democratic Party chairwoman Nancy Worley, pledged …``)."""
_APPOSED_SPAN = 60
"""How far after that comma the name (after its titles) may start."""


def _name_opening(art: Article, s: int, e: int) -> Mention | None:
    """The person a sentence ``[s, e)`` whose subject the phrases did not read opens with, named not
    as an owner nor with somebody else (``Andrew Hale took his 3-year-old daughter there``; not
    ``Hale’s daughter …``, ``Both Jane Roe and John Doe …``)."""
    m = art.masked
    if _named_between(art, s, s + _OPENING_SPAN):
        at = _OPENING_CONJ_RE.match(m, s, e).end()
        if _named_between(art, at, at + 1):
            found = art.mentions_before(at + 1, at)
            if not found or found[0].possessive or _COORDINATED_RE.match(m, at, e):
                return None  # (``Both Jane Roe and John Doe gave …``: two people, no ``he``)
            return found[0]
    dm = _DESCRIBED_THEN_NAMED_RE.match(m, s, e)  # ``One superdelegate, Alabama … chairwoman Nancy Worley, pledged``
    if dm is None or not _named_between(art, dm.end(), dm.end() + _APPOSED_SPAN):
        return None  # (the cheap tests first: a phrase that may name somebody stands near the start)
    found = [mn for mn in art.mentions_before(dm.end() + _APPOSED_SPAN, dm.end()) if " " in mn.name]
    return found[0] if found and not found[0].possessive else None


def _is_title(role: str) -> bool:
    """Does a role given before a name end with a title or a noun for a person (``GOP Chairman``,
    ``Sen.``; not ``White House``)?"""
    toks = split_tokens(role)
    return bool(toks) and ((toks[-1] in TITLES and toks[-1] not in _BODY_TITLES) or toks[-1].lower() in PERSON_NOUNS)


def _introduced_since(art: Article, hi: int, lo: int, ev: Event, gender: str, para: int) -> Who | None:
    """A person of ``gender`` whom a sentence before the pronoun's own (from ``lo``) introduces after
    ``ev`` (the speaker or subject the pronoun would take), in a later paragraph or after an owner
    that only stood for its sentence's subject (``Clinton’s position was backed by …``): named in full
    for the first time, with a title or a description, not as an owner, and the last person of that
    gender named before the pronoun's sentence. ``“…,” Trump said. ¶ The plan won over Sen. Jane
    Roe of Ohio, who … ¶ “…,” she said.``: the person a paragraph brings in, with who they are, is
    what its ``he``/``she`` points to. ``hi``: where the pronoun's sentence starts; ``para``: its
    paragraph."""
    start = max(lo, ev.pos + 1)
    if start >= hi or (ev.speaker and ev.para >= para):
        return None  # (most pronouns point to a person of their own paragraph)
    owner_only = not ev.speaker and art.sent_subjects.get(art.sent_of(ev.pos)) is None
    if not owner_only:
        if ev.para + 1 >= len(art.para_starts):
            return None
        start = max(start, art.para_starts[ev.para + 1])  # (only a later paragraph introduces)
    if start >= hi or not _named_between(art, start, hi):
        return None  # (the cheap tests first: most pronouns have nobody named between)
    m = art.masked
    for mn in reversed(art.mentions_before(hi, start)):
        if mn.possessive or art.gender_of_name(mn.name, mn.role) != gender:
            continue
        if _OBJECT_OF_RE.search(m, max(0, mn.pos - 12), mn.pos):
            continue  # (``applicants for Kasich``, ``originated with Clinton``: an object, not somebody introduced)
        if mn.name == ev.who.name or " " not in mn.name:
            return None  # (the one the pronoun would take, or somebody named before, is the last)
        if not (art.para_of(mn.pos) > ev.para or (owner_only and art.sent_of(mn.pos) == art.sent_of(ev.pos))):
            return None
        if mn.name not in art.appos_roles and not any(_is_title(r) for r in art.people.get(mn.name) or ()):
            return None  # (``the White House James S. Brady briefing room``: no description of a person)
        first = next(at for at, full in art.full_mentions if full == mn.name)
        return make_who(mn.name, "person", mn.role) if first == mn.pos else None
    return None


_OPENS_WITH_PRONOUN_RE = re.compile(r"\s*(He|She)\b")


def _chain_start(art: Article, si: int, gender: str) -> int:
    """The first sentence where a ``he``/``she`` of sentence ``si`` looks for its person: two
    sentences back, and two more before each sentence of the window that itself opens with the same
    pronoun (``I met with Sanders. He's looking ahead. … He plans to support …. “…,” he told me.``:
    a chain of sentences about one person)."""
    word = "He" if gender == "m" else "She"
    k = max(0, si - _PRONOUN_WINDOW)
    for _ in range(3):
        first = next((j for j in range(k, si) if _opens_with(art, j, word)), None)
        if first is None or first - _PRONOUN_WINDOW >= k:
            break
        k = max(0, first - _PRONOUN_WINDOW)
    return k


def _opens_with(art: Article, j: int, word: str) -> bool:
    """Does sentence ``j`` open with the pronoun ``word`` (``He``/``She``)?"""
    s, e, _ = art.sents[j]
    om = _OPENS_WITH_PRONOUN_RE.match(art.masked, s, e)
    return om is not None and om.group(1) == word


def unnamed_fits(who: Who, gender: str) -> bool:
    """Can ``he``/``she`` stand for the unnamed source ``who``?  One person (``a senior official``,
    not ``two officials``) whose noun does not say the other gender (``a mother of three`` is no ``he``)."""
    head = who.role or ""
    if head == "people" or (head.endswith("s") and not head.endswith("ss")):
        return False
    return gender_of("", head) in (None, gender)
