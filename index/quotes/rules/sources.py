"""Who a source phrase names, before or after its speech cue: an unnamed source as a verb's subject
(``A friend of Jane Roe said``), right after an inverted cue (``said a senior official``) or after
``according to`` (``according to a person familiar with the matter``). The rules before and after the
quotation, and the one later in its sentence, all read sources with these."""

from __future__ import annotations

import re

from ..mentions import Article, VAGUE, Who
from ..phrases.groups import OWNED_HEADS, pronoun_group_at, pronoun_group_before
from ..phrases.after import np_after, source_after
from ..phrases.unnamed import (
    APPOSED_NAME_RE,
    SPOKES_HEADS,
    definite_after,
    definite_before,
    described_after,
    described_before,
    introduced_before,
    last_word_before,
    SINGLE_HEADS,
)
from .base import Reading


def unnamed_subject(m: str, pos: int, lo: int, who: Who | None, art: Article | None = None) -> Who | None:
    """The unnamed source that is the subject of the verb at ``pos``, over ``who`` (what the noun
    phrase before the verb resolved to): ``A friend of Jane Roe said`` is the friend, ``an official at
    the Transport Ministry said`` the official. Somebody who speaks for a body leaves the body
    speaking (``A Dow spokeswoman said``), and a plural with no determiner is tried only when the
    phrase names nobody. ``art``: also ``the official said`` after ``a Mexican official`` (see
    :func:`repeated_source`)."""
    unknown = who is None or who is VAGUE
    desc = described_before(m, pos, lo, bare=unknown)
    if desc is None and unknown and art is not None:
        k = m.rfind(" ", max(lo, pos - 40), pos - 1)  # (the cheap test: a head noun right before the verb)
        last = m[k + 1 : pos - 1] if k >= 0 else ""
        if last in _ADVERB_GATE or last.endswith("ly"):
            last = last_word_before(m, pos, lo)  # ``the official later said``
        if last in OWNED_HEADS:
            group = pronoun_group_before(m, pos, lo)
            return owned_group(art, pos, *group) if group is not None else None  # ``“…,” his aides said``
        if last in SINGLE_HEADS:
            found = definite_before(m, pos, lo)
            return repeated_source(art, pos, found) if found is not None else None
        return None
    if desc is None or (desc[1] in SPOKES_HEADS and not unknown):
        return None
    return Who(desc[0], "unnamed", desc[1])


_ADVERB_GATE = frozenset("also later then again had has have would will did once".split())
"""Words between a subject and its verb past which :func:`unnamed_subject` reads the words again."""


def repeated_source(art: Article, pos: int, found: tuple[tuple[str, ...], str]) -> Who | None:
    """The unnamed source that a definite description (its modifiers and head noun: ``the senior Cruz
    adviser``, ``the official``) repeats: the one unnamed source quoted before ``pos``, anywhere in the
    article, described with that head noun and every one of those modifiers (``a senior Cruz adviser``,
    ``a Mexican official``); with none quoted, the one such description the article introduces somebody
    with (``a fashion designer for the Roe Group watched …``). Two such sources, or none, name nobody: the
    reader could not tell which."""
    mods, head = found
    wanted = {w.lower() for w in mods}
    match: Who | None = None
    for ev in art.events:
        if ev.pos >= pos:
            continue
        who = ev.who
        if who.kind != "unnamed" or who.role != head or (match is not None and who.name == match.name):
            continue
        if wanted <= {w.lower() for w in who.name.split()}:
            if match is not None:
                return None
            match = who
    if match is None:
        # ``a fashion designer for the Roe Group watched …`` ¶ ``said the designer``: introduced, not quoted
        introduced = introduced_before(art.masked, pos, mods, head)
        if len(introduced) == 1:
            return Who(introduced[0][0], "unnamed", head)
    return match


def according_source(r: Reading, i: int, e: int, pos: int) -> Who | None:
    """Who ``according to`` (ending at ``i``) names: somebody the article knows, else an unnamed
    source (``according to a person familiar with the matter``)."""
    who = r.art.resolve(source_after(r.m, i, e), pos)
    if who is None or who is VAGUE:
        who = unnamed_after(r, i, e, pos) or who
    return who


def unnamed_after(r: Reading, i: int, e: int, pos: int) -> Who | None:
    """The unnamed source right after an inverted cue ending at ``i`` (``said a senior official``); a
    person named in apposition to it is the speaker instead (``said a longtime adviser, Jane Roe``)."""
    found = described_after(r.m, i, e)
    if found is None:
        group = pronoun_group_at(r.m, i, e)
        if group is not None and _AFTER_GROUP_RE.match(r.m, group[0], e) is not None:
            return owned_group(r.art, pos, *group[1:])  # ``according to her lawyers``, ``said his aides``
        definite = definite_after(r.m, i, e)  # ``said the senior Cruz adviser`` after ``a senior Cruz adviser``
        return repeated_source(r.art, pos, definite) if definite is not None else None
    (desc, head), end = found
    if APPOSED_NAME_RE.match(r.m, end, e):
        who = r.art.resolve(np_after(r.m, end + 1, e), pos)
        return who if who is not None and who is not VAGUE and who.kind == "person" else None
    return Who(desc, "unnamed", head)


_AFTER_GROUP_RE = re.compile(r"[ \t]*(?:[,.;:!?—–(”\"]|$|\n|(?:in|on|at|who|during|after|before|last|this)\b)")
"""What may follow a group after an inverted cue (``according to her lawyers in a court filing``)."""


def owned_group(art: Article, pos: int, pronoun: str, rest: str, head: str) -> Who | None:
    """``his aides``, ``her lawyers`` at ``pos`` as an unnamed group of the person ``his``/``her`` points
    to (``Tom Hale’s aides``), when that is clear: the only person of that gender the article names in
    this sentence before ``pos`` and the one before it. Any other person who could be meant (another
    of that gender, or one whose gender nothing says) names nobody."""
    gender = "m" if pronoun == "his" else "f"
    si = art.sent_of(pos)
    lo = art.sents[max(0, si - 1)][0] if art.sents else 0
    owner: str | None = None
    for mn in art.mentions_before(pos, lo):
        if mn.name == owner:
            continue
        g = art.gender_of_name(mn.name, mn.role)
        if g is not None and g != gender:
            continue
        if owner is not None or g is None:
            return None
        owner = mn.name
    if owner is None:
        return None
    surname = owner.split()[-1]
    return Who(f"{surname}’s {rest}", "unnamed", head)
