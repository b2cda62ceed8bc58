"""Lower-case words inside the noun phrase after a verb: whether they belong to a role before a name
(``said press secretary Jane Roe``, ``said master of ceremonies Jane Roe``, ``former Pennsylvania Gov.
and party Chairman Jane Roe``) or are a verb of the name before them (``Roloson supports Democrat
Hillary Clinton``). Read by :func:`~.after.np_after_once`."""

from __future__ import annotations

from ..places import state_named
from ..words import COMMON_CAPS, PERSON_NOUNS, TITLES
from .common import is_capword
from .names import parse_name


def titles_only(words: list[str]) -> bool:
    """Are the capitalised words of ``words`` titles, or a state qualifying one (``former Pennsylvania
    Gov.``), so that no name stands among them?"""
    caps = [w for w in words if is_capword(w) and w not in TITLES]
    return not caps or state_named(caps) is not None


def present_verb(lowt: str, raw: list[str], idx: int) -> bool:
    """Is ``lowt`` (the word ``raw[idx]``) a present tense before a capitalised word (``supports
    Democrat …``), not a plural inside a role (``House communications director``)?"""
    return (
        lowt[-1] == "s"
        and not lowt.endswith(("ss", "us", "is", "ics", "ions"))
        and lowt not in PERSON_NOUNS
        and idx + 1 < len(raw)
        and raw[idx + 1][:1].isupper()
    )


_NOT_ROLE_WORDS = frozenset("between among across through toward towards around near beyond without within".split())


def qualifier_head(words: list[str], idx: int, lowt: str, nxt: str) -> bool:
    """``Conservative icon Phyllis Schlafly``, ``Republican party boss Reince Priebus``, ``Cruz
    constituent Dan Golvach``: one capitalised word opening the phrase qualifies the lower-case role
    after it. Not a verb form or a preposition between two names (``Choosing between Clinton``,
    ``Mosman saw Santilli’s words``, ``Roloson supports Hillary Clinton``)."""
    return (
        len(words) == 1
        and idx == 1
        and not words[0].endswith(("ing", "ed", "’s", "'s"))
        and lowt not in _NOT_ROLE_WORDS
        and not (lowt.endswith("s") and lowt not in PERSON_NOUNS)
        and not nxt.rstrip(",.;:").endswith(("’s", "'s", "’", "'"))
    )


_ROLE_STOP = frozenset(
    "the a an this that these those his her their its our my your in on at to for with from by about and or "
    "but as who which whom he she they it we i you one all some most many any each none".split()
)


def lower_role_of(raw: list[str], idx: int) -> int:
    """How many lower-case words from ``raw[idx]`` make a role of one or two words, ``of`` and one or
    two words, right before a person's full name (``master of ceremonies Jane Roe``: 3), or 0.

    No determiner, pronoun or preposition among them (``said most of the day``), and the capitalised
    words after them must name a person (two words at least, no possessive, no place)."""
    n = len(raw)
    for of in (idx + 1, idx + 2):
        if of >= n or raw[of] != "of":
            continue
        if not all(w.isalpha() and w.islower() and w not in _ROLE_STOP for w in raw[idx:of]):
            return 0
        for k in (of + 1, of + 2):
            if k >= n or not (raw[k].isalpha() and raw[k].islower()) or raw[k] in _ROLE_STOP:
                return 0
            name: list[str] = []
            for w in raw[k + 1 :]:
                bare = w.rstrip(",.;:")
                if not is_capword(bare) or bare in COMMON_CAPS:
                    break
                name.append(bare)
                if bare != w:
                    break  # (a comma or a full stop ends the name)
            if len(name) >= 2:
                parsed = parse_name(" ".join(name))
                if parsed is not None and parsed.kind == "person" and not parsed.possessive and parsed.role is None:
                    return k - idx + 1
        return 0
    return 0


def role_of(words: list[str], raw: list[str], idx: int) -> int:
    """How many lower-case words follow the ``of`` at ``raw[idx]`` inside a role that ends with a
    name (``secretary of state Helen Marsh``: 1; ``director of public affairs Ann Lee``: 2), or 0.

    Only a role of lower-case words so far (``former secretary``), never a name (``Bank of``) or a
    determiner after ``of`` (``said of the plan``)."""
    if not words or not all(w.islower() for w in words) or words[-1] in ("the", "a", "an"):
        return 0
    for k in (1, 2):
        if idx + k + 1 >= len(raw):
            return 0
        w = raw[idx + k]
        if not w.isalpha() or not w.islower() or w in ("the", "a", "an", "his", "her", "their", "its", "this", "that"):
            return 0
        nxt = raw[idx + k + 1].rstrip(",.;:")
        if is_capword(nxt) and nxt not in COMMON_CAPS and nxt.lower() not in ("the",):
            return k
    return 0
