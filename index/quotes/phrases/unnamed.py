"""Unnamed sources: somebody the article describes but does not name.

``“…,” said a senior administration official``, ``two people familiar with the matter said``, ``One
Trump confidant, who asked not to be named, said``. News leans on such sources every day; they are
speakers of their own kind (``unnamed``), named by their description as written. A description here is
a determiner (``a``, ``one``, ``another``, ``two``, ``some``, ``one of the``), up to six modifiers, a noun
for a person or for people as its last word (``official``, ``adviser``, ``Democrat``, ``sources``) and
at most one prepositional phrase that says whose or where (``to Bill Clinton``, ``close to the
campaign``, ``familiar with the talks``, ``at the Pentagon``).

The readers work on the masked text (quotations hidden) from a speech cue: :func:`described_after`
reads the inverted ``said <description>``, :func:`described_before` the ``<description> said``. Both
also read a plural that says whose it is with no determiner (``Cruz’s lawyers``, ``attorneys for
Clinton``: :mod:`.groups`); a vague count with a bare head (``some voters``) names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..cues import FINITE_CUES, PARTICIPLE_CUES
from .common import MODIFIERS
from .groups import has_head, owned_by_at, OWNED_HEADS, possessed_at
from ..words import ORG_NOUNS, PERSON_NOUNS, PLURAL_PEOPLE

_ONE_OF = (
    r"[Oo]ne\s+of\s+(?:(?:the|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+(?:’s|'s)|the|his|her|their|its|"
    r"(?:[A-Z][\w’'.&\-]*\s+){0,3}[A-Z][\w’'.&\-]*(?:’s|'s))"
)
_SINGULAR = r"[Aa]n?|[Oo]ne|[Aa]nother"
_PLURAL = (
    r"[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]everal|[Ss]ome|[Aa]\s+few|[Aa]\s+couple\s+of|"
    r"[Aa]\s+number\s+of|[Aa]\s+handful\s+of|[Aa]\s+group\s+of|[2-9]|[1-9]\d"
)
_DET_RE = re.compile(r"(?=[AaOoTtFfSs1-9])\b(?:(?P<of>" + _ONE_OF + r")|(?P<sg>" + _SINGULAR + r")|(?P<pl>" + _PLURAL + r"))\s+")
"""A determiner opening a description (the look-ahead lets the engine skip to the letters one opens with)."""
_WORD_RE = re.compile(r"[\w’'.&/\-]+")
_SPACE_RE = re.compile(r"[ \t]+")

_SOURCE_NOUNS = frozenset(
    """source person insider confidant confidante attendee participant member official aide adviser advisor
    operative staffer strategist ally supporter donor delegate observer child kid user viewer reader listener
    caller commenter""".split()
)
"""Nouns of people that news uses for unnamed sources, beside :data:`PERSON_NOUNS`."""
_NOT_SOURCES = frozenset("one some many others both they we you i".split())
"""Words of :data:`PLURAL_PEOPLE` that are no head of a description."""
_HEADS_ONE = PERSON_NOUNS | _SOURCE_NOUNS
_HEADS_MANY = (PLURAL_PEOPLE - _NOT_SOURCES) | frozenset(w + "s" for w in _HEADS_ONE) | frozenset(("people", "persons"))

_STOP_WORDS = frozenset(
    """who whom whose that which and or but said says say told tells had has have was were is are will would
    could can may might did does do not also later then again to for of at in inside within from near close
    familiar with on by as than after before during while when since because if involved briefed""".split()
)
"""Words that end the modifiers and the head of a description (function words, auxiliaries, the
adjectives of :data:`_PAIRED_PREPS`)."""
_OPEN_PREPS = frozenset("to for of with".split())
"""Prepositions whose phrase may follow the head whatever it holds (``an aide to the senator``, ``a
source with direct knowledge of the talks``)."""
_NAMED_PREPS = frozenset("at in inside within from".split())
"""Prepositions whose phrase follows the head only when it names a place or body (``an official at
the Pentagon``; not ``a spokesman at a news conference``)."""
_PAIRED_PREPS = {"close": "to", "familiar": "with", "knowledgeable": "about", "involved": "in", "briefed": "on"}
"""Adjectives that open the phrase with their preposition (``close to``, ``familiar with``, ``involved
in``, ``briefed on``)."""
_PP_WORDS = 6
_PP_STOP = frozenset(
    """who whom whose that which and or but said says told tells had has have was were is are will would
    could on during after before while when since because last this""".split()
)
_TIME_WORDS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December""".split()
)
_AFTER_END_RE = re.compile(
    r"[ \t]*(?:[,.;:!?—–(#”\")]|$|\n|(?:who|on|in|at|last|this|during|after|before|about|told|to|speaking|"
    r"requesting|asking|[a-z]+ing)\b)"
)
"""What may follow an inverted description (``said a senior official, who …``, ``… official on Monday``)."""
_REST_RE = re.compile(
    r"[ \t]*(?:,[ \t]*(?:who|speaking|asked|asking|requesting|granted|citing|like|one\s+of|an?)\b[^“”\"#;:.!?]{0,160}?,[ \t]*"
    r"|[ \t]+(?:who|that)[ \t][^,;:“”\"#.!?]{0,120}?[ \t]+"
    r"|[ \t]+(?:speaking|talking)[ \t]+(?:to|with)[ \t][^,;:“”\"#.!?]{0,60}?[ \t]+)?"
    r"(?:(?:[a-z]+ly|also|later|then|again|had|has|have|would|will|did|once|privately|publicly)[ \t]+)*$"
)
"""What may stand between a description and its verb: a relative clause or an aside set off by commas,
and adverbs (``One attendee, who spoke on condition of anonymity, said``, ``a source who saw it said``); a
participle of speaking to somebody (``Another source speaking to Fox News said``: the source, not Fox)."""
_SPEAKING_TO = frozenset(("speaking", "talking"))
"""Participles of speaking to somebody that may follow a description's head (see :data:`_REST_RE`)."""
_CLAUSE_START = frozenset(",;:—–(”\"")
_DET_FIRST = frozenset("AaOoTtFfSs123456789")
"""The characters a determiner of :data:`_DET_RE` opens with."""


_CLAUSE_OPENERS = tuple(sorted(_CLAUSE_START)) + (" and", " but")
"""What a clause's first word follows (then spaces or tabs) in :func:`described_before`."""


def _opens_clause_with_determiner(m: str, lo: int, pos: int) -> bool:
    """Whether a determiner (:data:`_DET_RE`) stands at the start of a clause in ``m[lo:pos]``: after ``lo``
    or after one of :data:`_CLAUSE_OPENERS`, then spaces or tabs. Where none does, the loop of
    :func:`described_before` skips every match of the determiner, so it need not search for them: a search
    of ``_DET_RE`` (it has no prefix the engine can skip to) tries a match at every character, while a
    few ``in`` tests of the marks, and a split where one is present, are cheap. A match the search would
    hide inside an earlier one is still counted here, so the search runs whenever it could find a clause's
    determiner: the answer is exact."""
    seg = m[lo:pos]
    rest = seg.lstrip(" \t")
    if rest[:1] in _DET_FIRST and _DET_RE.match(m, pos - len(rest), pos) is not None:
        return True
    for opener in _CLAUSE_OPENERS:
        if opener in seg:
            parts = seg.split(opener)
            at = lo + len(parts[0])
            for part in parts[1:]:
                at += len(opener)
                rest = part.lstrip(" \t")
                if rest[:1] in _DET_FIRST and _DET_RE.match(m, at + len(part) - len(rest), pos) is not None:
                    return True
                at += len(part)
    return False


def _words(m: str, i: int, end: int) -> list[re.Match[str]]:
    """The words from ``i`` up to ``end`` joined by single spaces (a longer gap or a mark ends them)."""
    out: list[re.Match[str]] = []
    while i < end:
        wm = _WORD_RE.match(m, i, end)
        if wm is None:
            break
        out.append(wm)
        j = wm.end()
        if j >= end or m[j] != " " or m[j + 1 : j + 2] in ("", " ", "\n"):
            break
        i = j + 1
        if len(out) >= 16:
            break
    return out


def _description(m: str, i: int, end: int, bare: bool = False) -> tuple[int, int, str, str] | None:
    """A description opening at ``i`` (see the module's docstring): start, end, its text and its
    head noun (lower-case). ``bare``: a plural with no determiner (``U.S. officials``, ``House
    Republicans``), which needs a modifier before its head (``officials`` alone says too little)."""
    dm = _DET_RE.match(m, i, end)
    if dm is None and not bare:
        return None
    plural = bare or dm.lastgroup in ("pl", "of")  # type: ignore[union-attr]
    heads = _HEADS_MANY if plural else _HEADS_ONE
    opening = i if dm is None else dm.end()
    words = _words(m, opening, end)
    if dm is None and (not words or words[0].group(0).lower() in _NOT_BARE):
        return None
    head = -1  # the last word before a function word, a verb or a stop: the head noun
    for k, wm in enumerate(words[:7]):
        w = wm.group(0)
        low = w.lower()
        if low in _STOP_WORDS or low in FINITE_CUES or low in PARTICIPLE_CUES or w.endswith(("’s", "'s")):
            break
        if low in _SPEAKING_TO and k + 1 < len(words) and words[k + 1].group(0) in ("to", "with"):
            break  # ``another source speaking to Fox News said``: the head is before the participle
        head = k
        if w.endswith(".") and "." not in w[:-1]:
            break  # ``… said one Democrat.``: the stop ends the sentence (not ``U.S.``)
    noun = words[head].group(0).lower().rstrip(".") if head >= 0 else ""
    if noun not in heads or (dm is None and (head == 0 or not _bare_modifiers([wm.group(0) for wm in words[:head]]))):
        return None  # ``a 2013 study``, ``an early tweet``: no person
    last = words[head].group(0)
    stop = words[head].end() - (1 if last.endswith(".") else 0)
    rest = words[head + 1 :]
    phrase = _phrase_end(rest) if rest and not last.endswith(".") else -1
    if phrase > 0 and rest[0].group(0) in _NAMED_PREPS:
        sm = _STATE_AFTER_RE.match(m, phrase, end)
        if sm is not None:
            phrase = sm.end()  # ``a woman in Worcester, Massachusetts,``: the state and its comma close it
    if head == 0 and phrase < 0 and dm is not None and _VAGUE_DET_RE.fullmatch(dm.group(0).rstrip()):
        return None  # ``some voters``, ``many reporters``: nobody in particular (``two voters`` are two)
    return i, max(stop, phrase), m[i : max(stop, phrase)], noun


_VAGUE_DET_RE = re.compile(r"[Ss]ome|[Mm]any|[Ss]everal|[Aa]\s+few|[Aa]\s+number\s+of|[Aa]\s+handful\s+of|[Aa]\s+group\s+of")
"""Determiners that count nobody: with a bare head (``some voters``) the description names nobody in particular."""


def _bare_modifiers(mods: list[str]) -> bool:
    """Can ``mods`` stand before the head of a plural with no determiner?  At most four words, no
    adverb and no verb after a capitalised word (``President Obama passionately rebuked critics``)."""
    if len(mods) > 4:
        return False
    for k, w in enumerate(mods):
        if w.islower() and (w.endswith("ly") or (w.endswith("ed") and k > 0 and mods[k - 1][:1].isupper())):
            return False
    return True


_NOT_BARE = frozenset(
    "the this that these those his her their its our my your both all other others many most few numerous various countless".split()
)
"""Words that make a plural phrase definite or part of another (``The officials``, ``Their aides``), or
count nobody (``Many reporters``)."""


_STATE_AFTER_RE = re.compile(r",[ \t][A-Z][\w.\-]*(?:[ \t][A-Z][\w.\-]*)?,")
"""A state after a town, closed by a comma (``, Massachusetts,``, ``, New Hampshire,``)."""


def _body_noun(word: str) -> bool:
    """Is ``word`` a noun of a body (``campaign``, ``administration``), or any possessive (``campaign’s``),
    that may follow a name inside a description's phrase?"""
    bare = word.rstrip(",.")
    return bare.endswith(("’s", "'s")) or bare in ORG_NOUNS


def _phrase_end(words: list[re.Match[str]]) -> int:
    """Where the prepositional phrase opening ``words`` ends (-1 when there is none)."""
    first = words[0].group(0)
    k = 1
    if first in _PAIRED_PREPS:
        if len(words) < 2 or words[1].group(0) != _PAIRED_PREPS[first]:
            return -1
        k = 2
    elif first not in _OPEN_PREPS and first not in _NAMED_PREPS:
        return -1
    body = []
    for wm in words[k : k + _PP_WORDS]:
        w = wm.group(0)
        if w.lower() in _PP_STOP or w in _TIME_WORDS or w.lower() in FINITE_CUES or w.lower() in PARTICIPLE_CUES:
            break
        prev = body[-1].group(0) if body else ""
        owned = prev.endswith(("’s", "'s")) or prev in ("the", "his", "her", "their", "its")
        if w.islower() and not owned and (w.endswith(("ed", "ing")) or (prev[:1].isupper() and w not in ("of", "and"))):
            if not (prev[:1].isupper() and _body_noun(w)):
                break  # ``inside Trump Tower| tried to``, ``from Hanover| going by``: the phrase has ended
            # ``familiar with the Clinton campaign’s organization``, ``close to the Trump campaign``: a body
            # or a possessive after a name goes on with the phrase
        body.append(wm)
        if w.endswith((",", ".")):
            break
    while body and body[-1].group(0).lower() in ("the", "a", "an", "of", "to", "and"):
        body.pop()
    if not body:
        return -1
    if first in _NAMED_PREPS and not any(wm.group(0)[:1].isupper() for wm in body[:3]):
        return -1
    last = body[-1]
    return last.end() - (1 if last.group(0).endswith((",", ".")) else 0)


def _tidy(text: str) -> str:
    """The description as a speaker's name: single spaces, the determiner in lower case."""
    text = _SPACE_RE.sub(" ", text.replace("\n", " ")).strip().rstrip(",")
    return text[:1].lower() + text[1:] if _DET_RE.match(text) is not None else text


Described = tuple[str, str]
"""An unnamed source as read: its description (the speaker's name) and its head noun (``official``)."""


def described_after(m: str, i: int, e: int) -> tuple[Described, int] | None:
    """The description right after an inverted cue at ``i`` (``said| a senior official.``) and
    where it ends (a name may follow in apposition: ``said a longtime adviser, Jane Roe``)."""
    while i < e and m[i] in " \t":
        i += 1
    d = _description(m, i, e)
    if d is None:
        g = group_at(m, i, e) if i < e and m[i].isalpha() else None
        return g if g is not None and _AFTER_END_RE.match(m, g[1], e) is not None else None  # ``said Cruz’s lawyers``
    if _AFTER_END_RE.match(m, d[1], e) is None:
        return None
    return (_tidy(d[2]), d[3]), d[1]


APPOSED_NAME_RE = re.compile(r",[ \t]+(?=[A-Z][\w’'.\-]*[ \t]+[A-Z])")
"""A comma and two capitalised words right after a description: the source's name in apposition."""


SPOKES_HEADS = frozenset("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen representative".split())
"""Nouns of somebody who speaks for a body: the body speaks (``A Dow spokeswoman said`` is Dow's)."""


def described_before(m: str, pos: int, lo: int, bare: bool = True) -> Described | None:
    """The description that is the subject of the cue at ``pos``, opening a clause after ``lo``
    (``Later, two people familiar with the matter said``); ``bare``: also a plural with no determiner."""
    lo = pos - 240 if pos - 240 > lo else lo  # (no ``max``: in 3.11 it parses keywords per call)
    for dm in _DET_RE.finditer(m, lo, pos) if _opens_clause_with_determiner(m, lo, pos) else ():
        j = dm.start()
        k = j - 1
        while k >= lo and m[k] in " \t":
            k -= 1
        if k >= lo and m[k] not in _CLAUSE_START and not m[max(lo, k - 3) : k + 1].endswith((" and", " but")):
            continue  # not at the start of a clause: ``… told a senior official …`` is no subject
        nb = None
        if k >= lo and m[k] in ",—–":
            kk = k
            while m[k] != "," and kk > lo and m[kk - 1] in " \t":
                kk -= 1  # ``Jane Roe — a teacher who … — said``
            nb = _NAME_BEFORE_RE.search(m, max(lo, kk - 40), kk)
        if nb is not None and m[lo : nb.start()].strip(" \t\n“‘\"'("):
            continue  # ``Cornel West, a Sanders supporter who …``: an apposition to a name
        d = _description(m, j, pos)
        if d is None:
            continue
        rest = _REST_RE.fullmatch(m, d[1], pos)
        if rest is not None and not _VERBLESS_RELATIVE_RE.fullmatch(m, d[1], pos):
            return _tidy(d[2]), d[3]
    near = pos - 60 if pos - 60 > lo else lo
    last = _last_word(m, near, pos)
    if last in OWNED_HEADS or _OWNER_PREP_RE.search(m, near, pos) is not None or m.find("who", pos - 200 if pos - 200 > lo else lo, pos) >= 0:
        # (the cheap tests first: a head right before the verb, an owner's phrase, a relative clause)
        group = _group_before(m, pos, lo)
        if group is not None:
            return group  # ``Cruz’s lawyers said``, ``Attorneys for Clinton argued``
    if not bare:
        return None
    if last not in _HEADS_MANY:
        return None  # a plural with no determiner ends right before its verb (``U.S. officials said``)
    for j in _clause_starts(m, lo, pos):
        d = _description(m, j, pos, bare=True)
        if d is not None and _REST_RE.fullmatch(m, d[1], pos) is not None and not _VERBLESS_RELATIVE_RE.fullmatch(m, d[1], pos):
            return _tidy(d[2]), d[3]  # ``“…,” U.S. officials said``
    return None


def group_at(m: str, i: int, end: int) -> tuple[Described, int] | None:
    """A group that says whose it is, opening at ``i`` (``Cruz’s lawyers``, ``attorneys for
    Clinton``: see :mod:`.groups`), and where it ends."""
    found = possessed_at(m, i, end)
    if found is not None:
        stop, owner, apos, rest = found
        return (f"{owner}{apos} {rest}", rest.rsplit(None, 1)[-1]), stop
    by = owned_by_at(m, i, end)
    if by is not None:
        return (by[1], by[2]), by[0]
    return None


def bare_plural_ending_at(m: str, k: int, stop: int) -> str | None:
    """A plural with no determiner whose head stands at ``m[k:stop]`` (``U.S. officials``,
    ``Clinton aides``: a capitalised modifier says whose or which), as a speaker's name."""
    for wm in re.finditer(r"(?<![\w’'.\-])(?=[\w])", m[max(0, k - 60) : k]):
        j = max(0, k - 60) + wm.start()
        d = _description(m, j, stop, bare=True)
        if d is not None and d[1] == stop and any(_proper(m, w) for w in d[2].split()[:-1]):
            return _tidy(d[2])  # (a name or a place says which: ``Pentagon officials``, not ``former officials``)
    return None


_CONJUNCTION_RE = re.compile(r"(?:[Aa]nd|[Bb]ut|[Ss]o|[Yy]et|[Oo]r)[ \t]+")


def _proper(m: str, word: str) -> bool:
    """Is ``word`` a capitalised name word, not a common word capitalised to open a sentence (the
    article writes it in lower case elsewhere: ``Former officials`` … ``former``)?"""
    if not word[:1].isupper():
        return False
    low = word.lower()
    return re.search(r"(?<![\w’'])" + re.escape(low) + r"(?![\w’'])", m) is None and low not in MODIFIERS


_OWNER_PREP_RE = re.compile(r"s (?:for|of|to) ")
"""A plural's ``s`` and an owner's preposition (``attorneys for``): the cheap test of an owned-by group."""


def _group_before(m: str, pos: int, lo: int) -> Described | None:
    """A group that says whose it is, opening a clause after ``lo`` and the subject of the verb at
    ``pos`` (``“…,” Cruz’s lawyers said``, ``Attorneys for Clinton, who …, argued``)."""
    lo = max(lo, pos - 200)
    if not has_head(m, lo, pos):
        return None
    for j in _clause_starts(m, lo, pos):
        cm = _CONJUNCTION_RE.match(m, j, pos)
        g = group_at(m, cm.end() if cm is not None else j, pos)  # (``But Cruz’s lawyers said``)
        if g is not None and _REST_RE.fullmatch(m, g[1], pos) is not None and not _VERBLESS_RELATIVE_RE.fullmatch(m, g[1], pos):
            return g[0]
    return None


_AUXILIARIES = frozenset("also later then again had has have would will did once".split())


def _last_word(m: str, lo: int, pos: int) -> str:
    """The last word between ``lo`` and ``pos`` (lower-case), adverbs and auxiliaries skipped."""
    for w in reversed(m[lo:pos].split()):
        low = w.lower()
        if low in _AUXILIARIES or (low.endswith("ly") and low.isalpha() and w.islower()):
            continue
        return low
    return ""
_CLAUSE_OPEN_RE = re.compile(r"(?:^|[,;:—–(”\"])[ \t]*(?=[A-Za-z])", re.MULTILINE)


def _clause_starts(m: str, lo: int, pos: int) -> Iterator[int]:
    """Where a clause may open between ``lo`` and ``pos``: the first word, and the word after a comma, a
    colon, a dash or a closing quote mark (not after a comma that ends a name: an apposition)."""
    first = lo
    while first < pos and m[first] in " \t\n“‘\"'(":
        first += 1
    yield first
    for cm in _CLAUSE_OPEN_RE.finditer(m, first + 1, pos):
        k = cm.start()
        if m[k] == ",":
            nb = _NAME_BEFORE_RE.search(m, max(lo, k - 40), k)
            if nb is not None and nb.start() > first:
                continue
        yield cm.end()


_NAME_BEFORE_RE = re.compile(r"(?<![.!?]\s)\b(?!(?:" + "|".join(sorted(_TIME_WORDS)) + r")\b)[A-Z][\w’'\-]*[a-z]$")
"""A capitalised word right before a comma, not a day or month: the end of a name (unless it opens the sentence)."""
_VERBLESS_RELATIVE_RE = re.compile(
    r"[ \t]+(?:who|that)(?:[ \t]+(?:[a-z]+ly|also|has|had|have|would|will|then|later|again|once|once|has\s+long))*[ \t]*$"
)
"""``a Sanders supporter who has vociferously| criticized``: the verb is the relative clause's own."""


_PREDICATE_RE = re.compile(r"[ \t]*(?:,|(?:who|that)\b|[a-z])")


def described_subject(m: str, i: int, e: int) -> Described | None:
    """A description that opens the clause at ``i`` and is followed by its predicate (``One operative
    inside Trump Tower tried to downplay …, saying``): the subject a participle hangs off."""
    while i < e and m[i] in " \t":
        i += 1
    d = _description(m, i, e)
    if d is None:
        g = group_at(m, i, e) if i < e and m[i].isalpha() else None
        return g[0] if g is not None and _PREDICATE_RE.match(m, g[1], e) is not None else None
    if _PREDICATE_RE.match(m, d[1], e) is None:
        return None
    return _tidy(d[2]), d[3]


_DEFINITE_STOPS = _STOP_WORDS | frozenset(("the", "a", "an", "this", "these", "those", "his", "her", "their", "its"))
"""Words no modifier of a definite description (:func:`definite_after`, :func:`definite_before`) can be."""


def _definite_words(words: list[str]) -> tuple[tuple[str, ...], str] | None:
    """The modifiers and head of ``the <modifiers> <head>`` given as the words after ``the``: at most
    four modifiers (no function word, no possessive, no verb of speech) and a singular noun of a person
    last (``senior Cruz adviser``, ``official``)."""
    if not words or len(words) > 5:
        return None
    head = words[-1]
    if head not in _HEADS_ONE:
        return None
    for w in words[:-1]:
        low = w.lower()
        if low in _DEFINITE_STOPS or low in FINITE_CUES or low in PARTICIPLE_CUES or w.endswith(("’s", "'s", "’", ",")):
            return None
    return tuple(words[:-1]), head


_DEFINITE_AFTER_RE = re.compile(r"[ \t]*[Tt]he[ \t]+((?:[\w’'.\-]+[ \t]+){0,4}?[a-z]+)(?=[ \t]*(?:[,.;:!?—–(]|$|\n|on\b|in\b|at\b|who\b))")


def definite_after(m: str, i: int, e: int) -> tuple[tuple[str, ...], str] | None:
    """``said| the senior Cruz adviser.``: a definite description of one person right after an inverted
    cue at ``i``, as its modifiers and head noun (the rule asks whether it repeats an unnamed source
    the article introduced: :func:`~..rules.sources.repeated_source`)."""
    dm = _DEFINITE_AFTER_RE.match(m, i, e)
    return _definite_words(dm.group(1).split()) if dm is not None else None


def definite_before(m: str, pos: int, lo: int) -> tuple[tuple[str, ...], str] | None:
    """``“…,” the official| said``: a definite description of one person opening a clause and ending
    right before the verb at ``pos`` (adverbs and auxiliaries between), as its modifiers and head noun
    (see :func:`definite_after`). The words before the verb are read back one by one to ``the`` (six at
    most); a function word on the way ends the reading early."""
    lo = max(lo, pos - 70)
    end = pos
    words: list[str] = []
    while len(words) <= 5:
        while end > lo and m[end - 1] == " ":
            end -= 1
        k = m.rfind(" ", lo, end)  # (-1: the word opens what is read)
        w = m[max(k, lo - 1) + 1 : end]
        if k < 0 and w != "the" and w != "The":
            return None
        end = k
        if not words and (w in _AUXILIARIES or (w.endswith("ly") and w.isalpha())):
            continue  # ``the official later said``
        if w == "the" or w == "The":
            if not words:
                return None
            before = m[lo:k].rstrip(" \t") if k > lo else ""
            if before and before[-1] not in _DEFINITE_OPENERS:
                return None  # (``told the official``: no subject)
            return _definite_words(words[::-1])
        if words and w.lower() in _DEFINITE_STOPS:
            return None
        words.append(w)
    return None


_DEFINITE_OPENERS = frozenset(",;:—–(”\"\n.!?")
"""What a clause opening with a definite description follows (or the start of what is read)."""


_INTRODUCED_RES: dict[str, re.Pattern[str]] = {}
_ONE_DET_RE = re.compile(r"(?<![\w’'])(?:[Aa]n?|[Oo]ne)[ \t]")
"""A determiner of one person (``a``, ``an``, ``one``) before a description's modifiers."""


def introduced_before(m: str, pos: int, mods: tuple[str, ...], head: str) -> list[Described]:
    """The descriptions with one person's determiner (``a``, ``an``, ``one``) and the head noun ``head``
    that introduce somebody before ``pos`` and hold every word of ``mods`` (``a fashion designer for the
    Roe Group`` for ``the designer``), in reading order, each once. (The noun is searched for first, a
    literal the engine skips to; the determiner in the few words before it.)"""
    pattern = _INTRODUCED_RES.get(head)
    if pattern is None:
        pattern = _INTRODUCED_RES[head] = re.compile(r"(?<![\w’'])" + re.escape(head) + r"\b")
    wanted = {w.lower() for w in mods}
    out: list[Described] = []
    for hm in pattern.finditer(m, 0, pos):
        for dm in _ONE_DET_RE.finditer(m, max(0, hm.start() - 60), hm.start()):
            d = _description(m, dm.start(), pos)
            if d is None or d[3] != head or d[1] < hm.end():
                continue
            if wanted <= {w.lower() for w in d[2].split()}:
                found = (_tidy(d[2]), d[3])
                if found not in out:
                    out.append(found)
            break
    return out


SINGLE_HEADS = _HEADS_ONE
"""Nouns of one person a definite description may end with (:func:`definite_before`)."""


def last_word_before(m: str, pos: int, lo: int) -> str:
    """The last word before ``pos`` (after ``lo``, within 40 characters; lower-case), adverbs and
    auxiliaries skipped: the cheap test of whether a group or a definite description can end there (the
    word right before is cut out with two string searches; the words are split only after an adverb)."""
    end = pos - 1 if m[pos - 1 : pos] == " " else pos
    floor = max(lo, pos - 40)
    k = m.rfind(" ", floor, end)
    word = m[(k if k >= 0 else floor - 1) + 1 : end]
    if word in _AUXILIARIES or (word.endswith("ly") and word.isalpha()):
        return _last_word(m, floor, pos)
    return word  # (a capitalised word or one with a mark is no head noun of these readers)
