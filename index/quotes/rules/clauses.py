"""Where a speech cue's clause stands against the quotation: tests of clause structure around a cue
(relative and subordinate clauses closed before the quote, passives, object control, reported clauses,
participle chains). Plain tests of the masked text; who is named is left to :mod:`.before`."""

from __future__ import annotations

import re

from ..cues import verb_alt
from ..mentions import Article
from ..phrases.common import NP
from ..words import PERSON_NOUNS

_AND_QUOTE_RE = re.compile(r"\b(?:and|but)\s+(?:(?:[a-z]+ly|then|also)\s+)?$")
"""A quote that opens a predicate of its own after ``and`` (``begged him for help and “would have …”``)."""
_REPORTED_SUBJECT_RE = re.compile(
    r"\s+(?:(?:on|in|at|last|this)\s+[\w.]+\s+)?(?:that\s+)?(?:[A-Z][\w’'.\-]*\s+){1,3}(?:[a-z]+ly\s+)?"
)
"""Between a speech verb and a verb of its that-clause: the clause's named subject (``said that Romney``)."""


def opens_predicate(m: str, c_end: int, anchor: int) -> bool:
    """Does the quote at ``anchor`` open a predicate of its own after ``and`` or ``but`` (not the
    complement of the verb ending at ``c_end``)?"""
    return _AND_QUOTE_RE.search(m, max(c_end, anchor - 16), anchor) is not None


def reported_subject_between(m: str, outer_end: int, inner_start: int) -> bool:
    """Is the verb at ``inner_start`` that of the that-clause of the speech verb ending at ``outer_end``,
    with only the clause's named subject between (``said that Romney begged``)?"""
    return _REPORTED_SUBJECT_RE.fullmatch(m, outer_end, inner_start) is not None


_RELATIVE_OPEN_RE = re.compile(r",\s+(?:who|which)\s")
_CLAUSE_BREAK_RE = re.compile(r",(?!\s+(?:and|but|or)\s)")
"""A comma that closes a clause (not one before ``and``, ``but``, ``or`` that goes on with it)."""


def in_closed_relative(art: Article, c: re.Match[str], floor: int, anchor: int) -> bool:
    """Is the verb cue ``c`` inside a relative clause set off by commas that closes before the quote at
    ``anchor`` (``X was asked by Jane Roe, who has dismissed the story, “…”``)? Then it says nothing of
    the quote; a cue before the clause does (only asked when there is one)."""
    m = art.masked
    if "," not in m[c.end() : anchor]:
        return False  # (the cheap test first: the clause is not closed before the quote)
    lo = max(floor, c.start() - 160)
    opened = None
    for opened in _RELATIVE_OPEN_RE.finditer(m, lo, c.start()):
        pass
    if opened is None:
        return False
    if not m[c.end() : anchor].rstrip().endswith(","):
        # ``whether his plan, which the Tax Foundation estimates would cost $1 billion, would risk “…”``:
        # the clause closes before the quote and the main clause goes on to it
        closed = _CLAUSE_BREAK_RE.search(m, c.end(), anchor)
        if closed is None or len(m[closed.end() : anchor].split()) < 2:
            return False
    if _CLAUSE_BREAK_RE.search(m, opened.end(), c.start()) is not None:
        return False  # (``, which was seen as a failure, de Blasio said``: the clause closed before the cue)
    return not any(x.lastgroup != "noun" for x in art.cues_in(c.end(), anchor))


_SUBORDINATE_OPEN_RE = re.compile(
    r"[\s“‘\"'(—–-]*(?:(?:But|And|Yet|So)\s+)?(?:While|Whereas|Although|Though|After|Before|When|Once|Because|Since|Until|If)\s"
)
"""A sentence that opens with a subordinate clause (not ``As``: ``As Jane Roe puts it, …`` attributes
what follows)."""
_CLAUSE_END_RE = re.compile(r",(?!\s+(?:and|but|or)\s)|[”\"](?=\s+(?:[A-Z]|the\s))")
"""Where a subordinate clause may close: a comma, or a closing mark before the next clause's subject."""
_MAIN_CLAUSE_RE = re.compile(r"[\s,”\"]*(?:[Tt]he\s+|[A-Z][\w’'.\-]*\s+)(?:[\w’'.\-]+\s+){1,8}")
"""A main clause's subject and some of its predicate, before the quote."""


def closed_subordinate(art: Article, s: int, pos: int, anchor: int) -> bool:
    """Does the speech cue at ``pos`` stand in a subordinate clause that opens the sentence at ``s``
    and closes before the quote at ``anchor``, whose own clause has a subject and a verb of its own
    (``While Jane Roe proclaims the article a “…,” Joe Bloggs fixates on the “pivot” line``, ``After
    Jane Roe asked about it, the couple became “agitated”``)? Then the cue says nothing of the quote."""
    m = art.masked
    if _SUBORDINATE_OPEN_RE.match(m, s, pos) is None:
        return False  # (the cheap test first: most sentences open otherwise)
    end = _CLAUSE_END_RE.search(m, pos, anchor)
    if end is None:
        return False
    return _MAIN_CLAUSE_RE.fullmatch(m, end.end(), anchor) is not None and not art.cues_in(end.end(), anchor)


_TO_RE = re.compile(r"(?:\s*,\s*(?:who|which)\s[^,;:.]*,)?\s*,?\s*to\s+")
"""What may follow the object of an object-control verb before ``to``: a relative clause in commas."""


def object_ends(m: str, end: int, pos: int) -> bool:
    """Does the object of an object-control verb end at ``end``, only ``to`` (after a relative clause in
    commas, maybe) standing before the verb at ``pos``?"""
    return _TO_RE.fullmatch(m, end, pos) is not None


_RELATIVE_THING_RE = re.compile(
    r",\s+(?:which|that)\s+(?:an?|the|one)\s+(?:[A-Za-z][\w.\-]*\s+){0,2}(?P<head>[a-z][\w\-]*)\s+(?:(?:[a-z]+ly|also)\s+)?$"
)
"""A relative clause whose subject is a description (``, which an FBI investigation said``)."""


def relative_thing(m: str, start: int, floor: int) -> bool:
    """Does a relative clause whose subject describes a thing, not a person, end right before the verb
    at ``start`` (``, which an FBI investigation said``)? Its verb speaks for nobody the rules can name."""
    tm = _RELATIVE_THING_RE.search(m, max(floor, start - 60), start)
    return tm is not None and tm.group("head") not in PERSON_NOUNS


_PASSIVE_AUX_RE = re.compile(r"\b(?:is|are|was|were|been|being|be|get|gets|got)\s+(?:(?:[a-z]+ly|also|then|later|once|again)\s+)?$")
"""A passive auxiliary right before a verb (``was asked``, ``has been repeatedly told``)."""


def passive_before(m: str, pos: int, floor: int) -> bool:
    """Does a passive auxiliary stand right before the verb at ``pos`` (``was asked``)?"""
    return _PASSIVE_AUX_RE.search(m, max(floor, pos - 24), pos) is not None


_BY_PART_RE = re.compile(
    r"\b(?P<verb>(?:" + verb_alt("begin start open end close conclude finish respond reply react answer follow") + r")"
    r"(?:\s+(?:his|her|their)\s+[a-z\-]+)?)\s+(?:(?:[a-z]+ly|first|then)\s+)?by\s+(?:[a-z]+ly\s+)?$"
)
"""A verb of opening, closing or answering and ``by`` right before a participle (``began by saying``,
``ended her speech by quoting``, ``responded by saying``)."""
_CHAIN_PART_RE = re.compile(
    r"\b(?P<verb>kept|keeps|began|begins|started|starts|continued|continues|(?:went|goes)\s+on)\s+(?:on\s+)?$"
)
"""A verb of going on right before a participle (``kept asking``, ``began calling``, ``went on saying``)."""
_PERSONAL = frozenset({"he", "she", "i", "we"})
_SUBJECT_GAP_RE = re.compile(r"\s+(?:\([DRI]-[A-Z][A-Za-z.]*\)\s+)?(?:[a-z]+ly\s+)?")
"""Between a subject and its verb: a party tag, an adverb (``Sen. Jane Roe (R-Wis.) repeatedly``)."""


def participle_verb(m: str, pos: int, floor: int) -> int:
    """Where the verb that the participle at ``pos`` completes starts (``began by saying``, ``kept
    asking``), else -1."""
    lo = max(floor, pos - 60)
    bm = _BY_PART_RE.search(m, lo, pos) or _CHAIN_PART_RE.search(m, lo, pos)
    return bm.start("verb") if bm is not None else -1


def subject_right_before(m: str, np: NP | None, verb: int) -> bool:
    """Is ``np`` a name or a personal pronoun that ends right before the verb at ``verb`` (a party tag
    or an adverb may stand between)?"""
    return (
        np is not None
        and bool(np.name or np.pron in _PERSONAL)
        and _SUBJECT_GAP_RE.fullmatch(m, np.end, verb) is not None
    )


_OWNED_NOUN_RE = re.compile(r"(?:\b[Hh]is|\b[Hh]er|\b[Tt]heir|\b[Ii]ts|’s|'s|s’|s')\s+(?:[\w\-]+\s+){0,2}$")


def unowned_noun(m: str, pos: int, floor: int) -> bool:
    """Is the speech noun at ``pos`` owned by nobody it names (``the … address``, not ``his address`` or
    ``Putin’s words``)? Then its speaker was only the sentence's subject, a guess."""
    return _OWNED_NOUN_RE.search(m, max(floor, pos - 40), pos) is None
