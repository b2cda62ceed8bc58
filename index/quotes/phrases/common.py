"""What the noun-phrase readers share: the located noun phrase (:class:`NP`), the word shapes they
look at, and the smaller phrase patterns (``a Dow spokeswoman``, ``the 24-year-old Briton``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import TypeVar

from ..phrases.name_scan import ABBR_TITLES
from ..phrases.names import is_demonym
from ..cues import FINITE_ALT, FINITE_CUES, PARTICIPLE_CUES
from ..words import NATIONALITIES, ORG_WORDS, PARTICLES, PLACES, POST_NOMINALS, TITLES, trie



DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z .’'\-]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][A-Za-z.]{1,12})?)?\s*(?:\([^)]{1,30}\))?"
    r"|[A-Z][a-z]+(?:[ .,]+[A-Z][a-z.]+){0,3}\s*\([A-Z][^)]{1,30}\))"
    r"\s*[—–\-]{1,2}\s*"
)
"""A dateline: ``WASHINGTON —``, ``MOSCOW (Reuters) -``, ``LA CROSSE, Wisc. —``, ``Washington (AFP) –``."""
_DATELINE_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ .’'-")


def dateline_at(m: str, s: int, e: int) -> re.Match[str] | None:
    """``DATELINE_RE.match(m, s, e)``, with the cheap tests first: a dateline opens with a capital
    followed by a capital, a space or a stop (``WASHINGTON``, ``LA CROSSE``), or holds a ``(``
    (``Washington (AFP)``); and it ends with a dash, so one stands before ``e``."""
    if s + 1 >= e or s + 1 >= len(m) or not "A" <= m[s] <= "Z" or (m[s + 1] not in _DATELINE_SECOND and "(" not in m[s:e]):
        return None
    if m.find("-", s, e) < 0 and m.find("—", s, e) < 0 and m.find("–", s, e) < 0:
        return None  # (no ``—``, ``–`` or ``-``)
    return DATELINE_RE.match(m, s, e)


_INTRO_ADVERBS = """Similarly However Moreover Meanwhile Still Yet Also Later Earlier Instead Indeed Finally Then Now
    Today Yesterday First Second Third Next Separately Additionally Furthermore Nonetheless Nevertheless Thus Therefore
    Again Overall Ultimately Previously Already Rather Otherwise""".split()
"""Sentence adverbs that stand alone before the comma of an introductory phrase (``However,``)."""
_INTRO_OPENERS = """When While After Before If Although Though As Since Because Asked Speaking Despite During Once
    Until Upon Following Given Unlike Like Responding Addressing Writing In On At Throughout With Regarding
    Concerning Considering Including Besides Beyond Over Along Across Among Against Through Within By For
    Without Under From Amid Earlier Later Absent Barring Except
    after before when while although though since because despite during once until upon following amid
    unlike as if in on at""".split()
"""Words that open an introductory phrase running up to its comma (``When he arrived,``)."""
INTRO_RE = re.compile(
    # The word lists are tries (one word of each can be followed by what follows it, so the order
    # of the words does not matter), and a run of letters that must be followed by a space or a
    # comma is read whole (``[a-z]++``) instead of given back one letter at a time.
    r"(?:(?:" + trie(sorted(_INTRO_ADVERBS)) + r"|Last\s+\w++|On\s+that|For\s+example|"
    r"Here\s+(?:in|at|on)\b[^,.;:!?]{0,80}+|(?:Early|Late|Back)\s+(?:in|on|at|this|last|that|next|then|when|during)\b[^,.;:!?]{0,80}+|"
    r"For\s+instance|[A-Z][a-z]++(?<=[a-z]ly)(?:\s+(?:after|before|following|upon|since|when)\b[^,.;:!?]{0,120}+)?|"
    r"[A-Z][a-z]++(?<=[a-z]ing)\b[^,.;:!?]{0,160}+|"
    r"By\s+contrast|In\s+contrast|In\s+addition|At\s+the\s+same\s+time|Of\s+course|In\s+fact|"
    r"(?:(?:But|And|Yet|So)\s+(?=(?:when|while|after|before|if|although|though|as|since|because|asked|despite|during|once|"
    r"until|upon|following|amid|in|on|at)\b))?"
    + trie(sorted(_INTRO_OPENERS)) + r"\b[^,.;:!?]{0,160}+|"
    r"(?:(?:But|And|Yet|So)\s+(?=[a-z]))?(?:[A-Z][a-z]++|A|a|an)(?:\s+[a-z]++){0,2}\s+(?:later|earlier|ago|afterwards?))\s*,\s*)+"
)


WORD_RE = re.compile(r"\S+")


CAPWORD_RE = re.compile(
    r"^(?:(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)[\-\u2011](?=[A-Z]))?"
    r"(?:[A-Z\u00C0-\u00DE\u0100-\u017F\u0400-\u042F][\w’'.&\-]*|(?:[A-Z]\.)+)$"
)


PARTICLE_RE = re.compile(r"^" + PARTICLES + r"$")


@lru_cache(maxsize=65536)
def is_capword(tok: str) -> bool:
    """Is ``tok`` a capitalised name word (:data:`CAPWORD_RE`)?  Remembered per spelling: the
    phrase readers ask it of every word they look at, and words recur."""
    return CAPWORD_RE.match(tok) is not None


@lru_cache(maxsize=4096)
def is_particle(tok: str) -> bool:
    """Is ``tok`` a particle inside a name (``van``, ``de``, ``bin``: :data:`PARTICLE_RE`)?"""
    return PARTICLE_RE.match(tok) is not None


MODIFIERS = frozenset("former then acting interim deputy vice chief senior top assistant longtime veteran new ex- then-".split())


SPOKES_RE = re.compile(
    r"\b(?:an?|the)\s+(?:[a-z]+\s+)?(?:spokes(?:man|woman|person)|representative|official|source|statement|spokes)"
    r"\s+(?:for|of|at|from|with)\s+(?:the\s+)?$"
)


FINITE_IN_RE = re.compile(r"\b(?P<verb>" + FINITE_ALT + r")\b")


@dataclass(slots=True)
class NP:
    """A noun phrase located in the text."""

    start: int
    end: int
    pron: str | None = None
    desc: str | None = None
    name: str | None = None
    pre_role: str | None = None
    appos: str | None = None
    possessive: bool = False
    vague: bool = False
    qual: str | None = None
    proxy: bool = False
    """``a Dow spokeswoman``: ``name`` is who the (unnamed) speaker speaks for."""
    place: str | None = None
    """The state a description names (``the Vermont senator``, ``the senator from Florida``)."""


_PROXY_RE = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w’'.&\-]*\s+){1,4}?)(?:(campaign|administration|company|team|office|group|"
    r"camp|committee|agency|department)\s+)?(?:spokes(?:man|woman|person)|representative|official|aide|adviser|"
    r"advisor|lawyer|attorney|executive|source|staffer|strategist)"
)
"""``a Dow spokeswoman``, ``a Clinton campaign spokesman``: somebody who speaks for an organisation."""


PROXY_OPENERS = frozenset(("A", "a", "An", "an", "The", "the"))
"""The words :data:`_PROXY_RE` can open with (:func:`proxy_np` is ``None`` for any other)."""


def proxy_np(start: int, end: int, words: list[str]) -> NP | None:
    """``a Dow spokeswoman`` as a noun phrase standing for ``Dow`` (see :data:`_PROXY_RE`)."""
    if not words or words[0] not in PROXY_OPENERS:
        return None
    pm = _PROXY_RE.fullmatch(" ".join(words))
    if pm is None:
        return None
    name = pm.group(1).strip()
    return NP(start, end, name=f"{name} {pm.group(2)}" if pm.group(2) else name, proxy=True)


SPOKES_NOUNS = frozenset(("spokesman", "spokeswoman", "spokesperson"))
"""Nouns of one person who speaks for somebody else (``Barclays’ spokesman``)."""

_POSSESSED_SPOKES_RE = re.compile(
    r"(?:(?<=\s)|^)(?P<the>[Tt]he\s+)?(?P<owner>(?:[A-Z][\w.&\-]*\s+){0,3}[A-Z][\w.&\-]*(?:’s|'s|(?<=s)’|(?<=s)'))"
    r"\s+(?:(?:official|chief|press|own|main)\s+)?spokes(?:man|woman|person)$"
)
"""``Barclays’ spokesman``, ``the Prime Minister’s official spokesman``: an owner in the possessive, then
the spokesperson who speaks for it, ending the phrase."""


def possessed_spokes_np(m: str, start: int, end: int) -> NP | None:
    """The spokesperson of an owner in the possessive ending at ``end`` (``Barclays’ spokesman``, ``the
    Prime Minister’s official spokesman``), read no further back than ``start``: a noun phrase whose
    ``name`` is the owner with its apostrophe (``proxy``: somebody who speaks for it). The caller tests
    first that a noun of :data:`SPOKES_NOUNS` ends the text."""
    pm = _POSSESSED_SPOKES_RE.search(m, max(start, end - 90), end)
    if pm is None or pm.group("owner").split(None, 1)[0] in ("It", "Its", "That", "This", "There", "Here", "What", "He", "She"):
        return None
    return NP(pm.start(), end, name=pm.group("owner"), proxy=True, qual="the" if pm.group("the") else None)


NAMED_BODY_HEADS = frozenset(("campaign", "administration"))


def named_body_np(start: int, end: int, words: list[str]) -> NP | None:
    """``the Trump campaign``, ``the Obama administration``: a body named after its head, which speaks
    as that body (``Trump campaign``, an organisation), never as the last organisation named."""
    if len(words) < 3 or words[0].lower() != "the" or words[-1] not in NAMED_BODY_HEADS:
        return None
    middle = words[1:-1]
    if not all(is_capword(w) and not w.endswith(("’s", "'s")) for w in middle) or any(w in PLACES or w in NATIONALITIES for w in middle):
        return None  # (``the Chinese administration``, ``the Iowa campaign``: described, not named)
    return NP(start, end, name=" ".join(words[1:]), proxy=True)


_T = TypeVar("_T")
_UNSEEN = object()
"""What :func:`per_text`'s memo holds for a place not read yet."""


def per_text(fn: Callable[[str, int, int], _T]) -> Callable[[str, int, int], _T]:
    """Remember ``fn(text, a, b)`` for the text last read: a phrase reader that several rules call
    at the same place (the words after a cue, a sentence's opening) parses it once per article.

    ``fn`` must be a pure function of its arguments and its answers must not be changed by their
    users (they are shared). Only the latest text's answers are kept; the text is part of the key,
    so readers in several threads never see each other's answers."""
    state: list[tuple[str, dict[tuple[int, int], _T]]] = [("", {})]

    @wraps(fn)
    def cached(text: str, a: int, b: int) -> _T:
        cur = state[0]
        if cur[0] is not text:
            cur = (text, {})
            state[0] = cur
        memo = cur[1]
        key = (a, b)
        value = memo.get(key, _UNSEEN)  # (most places are read once: no exception raised per miss)
        if value is _UNSEEN:
            value = memo[key] = fn(text, a, b)
        return value  # type: ignore[return-value]

    return cached


WS_RE = re.compile(r"\s+")


POSS_END_RE = re.compile(r"[’']s$")


def is_word_char(ch: str) -> bool:
    """Is the character ``ch`` a word character (what ``\\w`` matches: a letter, a digit or ``_``)?"""
    return ch.isalnum() or ch == "_"


DOTTED_RE = re.compile(r"^(?:(?:[A-Z]\.){1,3}[A-Z]?\.?|" + ABBR_TITLES + r"|(?:Jr|Sr|St)\.)$")
"""Tokens that end in a full stop but stay inside a name: ``J.D.``, ``Sen.``, ``Rev.``, ``Jr.``."""


_STOP_MODIFIERS = frozenset(
    """by to and or but nor with that which who whom whose said says told tells as is was were be been
    being has have had his her their its our my your for of in on at from into after before while when
    than then not no so if because about against over under said, says, also just even only will would
    could should may might must can did does do where why how what this these those there here such
    all any both each every many much more most some other another own same very""".split()
)


NO_FALLBACK_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman spokes representative official source aide adviser advisor
    lawyer attorney agent publicist statement official""".split()
)




def in_name(words: list[str], i: int) -> bool:
    """Can ``words[i]`` belong to the capitalised name that ends the phrase?"""
    w = words[i]
    if is_capword(w):
        return True
    if i + 1 >= len(words):
        return False
    if is_particle(w):
        return True
    if w == "for":
        return i > 0 and words[i - 1] in ORG_WORDS  # ``Office for National Statistics``, ``Department for Education``
    return w == "of" and i > 0 and (words[i - 1] in ORG_WORDS or words[i - 1] in TITLES)


@lru_cache(maxsize=65536)
def is_modifier_word(tok: str) -> bool:
    """A lower-case word that can stand inside a role (``finance`` in ``finance minister``).
    Remembered per word, like :func:`is_capword`."""
    return (
        len(tok) >= 3
        and tok.islower()
        and tok.replace("-", "").isalpha()
        and tok not in _STOP_MODIFIERS
        and not tok.endswith("ly")
        and tok not in FINITE_CUES
        and tok not in PARTICIPLE_CUES
    )




def desc_np(start: int, end: int, role_words: list[str], name_words: list[str]) -> NP | None:
    """``the Argentine``, ``the 24-year-old Briton``, ``the Wisconsin Republican``: a description, not
    a name."""
    if (
        len(name_words) >= 2
        and role_words
        and role_words[-1].lower() in ("the", "this")
        and is_demonym(name_words[-1].rstrip(",.;:"))
        and all(w in PLACES or w in NATIONALITIES for w in name_words[:-1])
    ):
        return NP(start, end, desc=DEMONYM_DESC)  # ``the Utah Republican``: the place qualifies a person
    if (
        len(name_words) == 1
        and role_words
        and role_words[0].lower() in ("the", "this")
        and all(not is_capword(w) for w in role_words)
        and is_demonym(name_words[0].rstrip(",.;:"))
    ):
        return NP(start, end, desc=DEMONYM_DESC)
    if (
        name_words[-1].rstrip(",.;:") in POST_NOMINALS
        and role_words
        and role_words[0].lower() in ("the", "this")
        and all(w in _DESC_QUALIFIERS for w in role_words[1:])
        and all(is_demonym(w) or w in PLACES or (w.isupper() and w.isalpha()) for w in name_words[:-1])
    ):
        # ``the Labour MP``, ``the SNP MP``, ``the former Tory MEP``: letters that say what somebody is,
        # after a party or a place
        qual = next((w for w in role_words[1:] if w in ("former", "ex")), None)
        return NP(start, end, desc=name_words[-1].rstrip(",.;:").lower(), qual=qual)
    return None


DEMONYM_DESC = "*person"


_DESC_QUALIFIERS = frozenset("former ex veteran senior local backbench".split())
"""Words between ``the`` and a party before letters after a name (``the former Labour MP``)."""




LY_RE = re.compile(r"[a-z]+ly")


PRONOUNS_AFTER = frozenset(("he", "she", "it", "they", "we", "i"))


PLACE_PREP_RE = re.compile(r"\b(?:in|at|on|near|inside|outside|during|across|throughout|around|into)\s+(?:the\s+)?$")


TRAIL_CHARS = ",.;:!?)”\""


WHO_RE = re.compile(r"(?:who|whose|which|[a-z]+ing)\b")


AGE_ONLY_RE = re.compile(r"\d{1,3}")


TRAIL_KEEP_RE = re.compile(r"(?:[A-Z]\.)+|" + ABBR_TITLES + r"|(?:Jr|Sr|St)\.")


SPOKES_AFTER_RE = re.compile(
    r"(?:an?|the)\s+(?:[a-z]+\s+)?(?:spokes\w+|representative|official)\s+(?:for|of)\s+(?:the\s+)?(.+)$"
)
