"""Noun phrases that name a document: a poll, a survey, a study, a report, an ad, an indictment, a
ruling (``the Pentagon report``, ``a new Quinnipiac University poll``, ``the poll``), and the verbs a
document speaks with (``said``, ``found``, ``shows``, ``concluded``, ``reads``).

A document is *named* when capitalised words stand before its noun (``Pentagon report``,
``CNN/ORC poll``, ``Clinton campaign ad``): the name is the phrase as the article writes it, from its
first capitalised word (a month or a weekday does not count: ``a September Gallup poll`` is
``Gallup poll``) to the noun, without determiner. A definite phrase with no capitalised word (``the
poll``, ``the new poll``) refers back to a named document of the same noun; anything else (``a new
poll``, ``the ad`` with no ad named before) names no document.

Only general nouns of documents are listed here. A statement, letter, memo, tweet, post or email is
somebody's words: it speaks for its author (``Roe’s letter says`` is Roe), never as a document
(:data:`AUTHOR_NOUNS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..cues import finite_forms
from ..words import COMMON_CAPS, trie

DOCUMENT_NOUNS = frozenset(
    """poll survey study report analysis audit assessment ad advertisement commercial indictment ruling
    lawsuit filing dossier""".split()
)
"""Nouns of documents that can be quoted as saying something (lower-case, singular)."""

AUTHOR_NOUNS = frozenset("statement letter memo memorandum tweet post email".split())
"""Nouns of somebody's own words: they speak for their author, never as a document."""

_DOC_LEMMAS = """say state note add conclude claim argue warn declare call describe suggest ask charge
allege accuse recommend estimate predict indicate reveal report cite explain urge label term assert
contend insist""".split()
"""Speech verbs a document speaks with, as lemmas (every finite form counts)."""

_DOC_IRREGULAR = ("found", "finds", "show", "shows", "showed", "shown", "reads", "read")
"""What a document alone does with words: ``the poll found``, ``the study shows``, ``the ad reads``."""

_NOUNS = DOCUMENT_NOUNS | AUTHOR_NOUNS

DOC_VERBS = (finite_forms(" ".join(_DOC_LEMMAS)) | set(_DOC_IRREGULAR)) - {"shown"}
"""Finite forms of the verbs a document speaks with (``said``, ``found``, ``shows``, ``concluded``)."""

_DOC_NOUN_END_RE = re.compile(r"(?:" + trie(sorted(DOCUMENT_NOUNS | AUTHOR_NOUNS)) + r")\b")
"""A document or author noun ending a word (no ``\\b`` before it: a pattern that opens with one is tried
at every character, several times slower; :func:`has_document_noun` checks the word's start)."""


_NOUN_BYTES = frozenset(n.encode("ascii") for n in _NOUNS)


def has_document_noun(m: str, a: int, b: int, letters: bytes | None = None) -> bool:
    """Does a document or author noun stand as a whole word in ``m[a:b]``? The cheap test before
    anything is parsed. ``letters``: ``m``'s :func:`~..cues.cue_letters`, when the caller has them;
    a window none of whose words of ASCII letters is a noun then holds none (a split and a set test,
    a few times cheaper than the pattern over the window), and only the rare window that does is
    searched."""
    if letters is not None and _NOUN_BYTES.isdisjoint(letters[a:b].split()):
        return False
    search = _DOC_NOUN_END_RE.search
    hit = search(m, a, b)
    while hit is not None:
        at = hit.start()
        if at == 0 or not (m[at - 1].isalnum() or m[at - 1] == "_"):
            return True
        hit = search(m, hit.end(), b)  # (``head``, ``read``: the noun ends another word)
    return False


DOC_VERB_RE = re.compile(r"(?:" + trie(sorted(DOC_VERBS)) + r")\b")
"""A verb of :data:`DOC_VERBS` ending a word: matched at a word's start (``.match``), or found by
:func:`document_verbs`, which checks the start (no ``\\b`` before it: a pattern that opens with one is tried at every character, several times slower)."""


def document_verbs(m: str, a: int, b: int) -> list[re.Match[str]]:
    """Every verb of :data:`DOC_VERBS` standing as a whole word in ``m[a:b]``, in order."""
    return [vm for vm in DOC_VERB_RE.finditer(m, a, b) if vm.start() == 0 or not (m[vm.start() - 1].isalnum() or m[vm.start() - 1] == "_")]

_DETERMINERS = frozenset("the a an this that one another".split())
DEFINITE = frozenset(("the", "this", "that"))
"""Determiners of a document the article spoke of before (``the poll``)."""
INDEFINITE = frozenset(("a", "an", "one", "another"))
_PRONOUN_OWNERS = frozenset("his her their its our my your".split())
"""Possessive pronouns: whose document they mean is for the rules of pronouns to say."""
_NEUTRAL = frozenset(
    """new latest recent newest last previous earlier same full final entire original most fresh first second
    third separate""".split()
)
"""Adjectives that tell which of the documents the article meant, not what it is (``the new poll``)."""
_INNER = frozenset(("for", "of", "and", "&", "on"))
"""Lower-case words inside a capitalised name (``Club for Growth ad``)."""
_CALENDAR = frozenset(
    """January February March April May June July August September October November December Jan. Feb. Aug.
    Sept. Oct. Nov. Dec. Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
_STOP = frozenset(
    """by to or but nor with which who whom whose as is was were be been being has have had his her their its our
    my your for of in on at from into after before while when than then not no so if because about against over
    under also just even only will would could should may might must can did does do where why how what these
    those there here such all any both each every many much more most some other own very said says that""".split()
)
_REDUCED_RELATIVE = frozenset(
    """released published conducted issued commissioned unveiled unsealed filed obtained taken out posted
    aired unveiled prepared""".split()
)
"""Participles that open a phrase between a document and its verb (``an AP poll released Thursday found``)."""
_ADVERBS = frozenset("also further previously now then still even similarly instead".split())
_POSS_RE = re.compile(r"[’']s?$")


@dataclass(frozen=True, slots=True)
class DocPhrase:
    """A noun phrase whose head is a document or author noun, located in the text."""

    start: int
    end: int
    noun: str
    """The head noun, lower-case (``poll``)."""
    name: str | None
    """The document as the article names it (``Quinnipiac University poll``); ``None`` when no
    capitalised word names it."""
    det: str | None
    """The determiner that opens it, lower-case (``the``, ``a``, ``one``, ``his``), if any."""
    modifiers: tuple[str, ...] = ()
    """Lower-case words before the noun that are not :data:`_NEUTRAL` (``50-state``)."""
    owner: str | None = None
    """The possessive owner that opens the phrase (``Roe`` of ``Roe’s letter``), if any."""


def _tokens(m: str, a: int, b: int) -> list[tuple[str, int, int]]:
    """The words of ``m[a:b]`` with where they stand."""
    return [(wm.group(), wm.start(), wm.end()) for wm in _WORD_RE.finditer(m, a, b)]


_WORD_RE = re.compile(r"\S+")


_MEDIUM_CAPS = frozenset(("TV", "Web", "Internet", "Radio", "Television"))
"""Capitalised words for a medium, not a name (``a campaign TV ad``, ``a Web ad``)."""


def _is_name_word(w: str) -> bool:
    """A capitalised word of a name (``Quinnipiac``, ``CNN/ORC``, ``Post-ABC``, ``USA``), not a month,
    a weekday or a medium."""
    return w[:1].isupper() and w not in _CALENDAR and w not in _MEDIUM_CAPS


def _phrase(toks: list[tuple[str, int, int]], j: int) -> DocPhrase | None:
    """The document phrase whose noun is ``toks[j]``, read back from it as far as its determiner
    (``None`` when the noun is not one or its words are not those of a noun phrase)."""
    noun = toks[j][0].rstrip(",")
    if noun not in DOCUMENT_NOUNS and noun not in AUTHOR_NOUNS:
        return None
    k = j
    owner: str | None = None
    while k > 0 and k > j - 8:
        w = toks[k - 1][0]
        if w.endswith((",", ";", ":", ".", "”", '"', ")")) and not re.fullmatch(r"(?:[A-Z]\.)+", w):
            break
        low = w.lower()
        if low in _DETERMINERS or low in _PRONOUN_OWNERS:
            k -= 1
            break
        if (w in COMMON_CAPS and w not in _CALENDAR) or (_POSS_RE.search(w) and _POSS_RE.sub("", w) in _CALENDAR):
            break  # ``But``, ``Still``, ``Tuesday’s``: no word of a name (``a September Gallup poll`` reads on)
        if _POSS_RE.search(w) and w[:1].isupper():
            owner_words = [w]
            kk = k - 1
            while (
                kk > 0
                and _is_name_word(toks[kk - 1][0])
                and toks[kk - 1][0] not in COMMON_CAPS
                and not toks[kk - 1][0].endswith((",", ";", ":"))
            ):
                kk -= 1
                owner_words.insert(0, toks[kk][0])
            owner = _POSS_RE.sub("", " ".join(owner_words))
            k = kk - 1 if kk > 0 and toks[kk - 1][0].lower() in _DETERMINERS else kk
            break
        if w in _INNER and k < j and _is_name_word(toks[k][0]) and k > 1 and _is_name_word(toks[k - 2][0]):
            k -= 1  # ``Club for Growth``: a lower-case word between two of a name's words
            continue
        if low in _STOP or (w.islower() and (low.endswith("ly") or "’" in w)):
            break
        if w[:1].isupper() or w[:1].isdigit() or (w.isalpha() and w.islower()) or (w.islower() and "-" in w):
            k -= 1
            continue
        break
    words = [t[0] for t in toks[k:j]]
    det = words[0].lower() if words and (words[0].lower() in _DETERMINERS or words[0].lower() in _PRONOUN_OWNERS) else None
    body = words[1:] if det else words
    if owner is not None:
        body = body[len(owner.split()) :]
    while body and body[0] in _INNER:
        body = body[1:]
    first_cap = next((i for i, w in enumerate(body) if _is_name_word(w)), None)
    name = None
    mods: tuple[str, ...] = ()
    named = body[first_cap:] if first_cap is not None else []
    if owner is not None:
        name = " ".join([f"{owner}’s", *named, noun])  # ``Gallup’s poll``, ``Gallup’s New Hampshire poll``
    elif named:
        name = " ".join([*named, noun])
    else:
        mods = tuple(w for w in body if w.lower() not in _NEUTRAL and not w[:1].isdigit())
    return DocPhrase(toks[k][1], toks[j][1] + len(noun), noun, name, det, mods, owner)


def phrase_before(m: str, end: int, floor: int) -> DocPhrase | None:
    """The document phrase that is the subject of a verb at ``end``: ``the Pentagon report said``,
    ``an AP poll released Thursday found``, ``the report, released Tuesday, concluded``. It must
    open its clause (after the sentence start, a comma, a conjunction), so that it is the subject:
    ``voters in a CNN poll said`` is the voters."""
    toks = _tokens(m, max(floor, end - 160), end)
    while toks and toks[-1][0] in _ADVERBS:
        toks.pop()
    if not toks:
        return None
    j = len(toks) - 1
    # ``an AP poll released Thursday found``: a reduced relative between the noun and the verb.
    for back in range(j, max(-1, j - 6), -1):
        if toks[back][0].rstrip(",") in _REDUCED_RELATIVE and back > 0:
            if toks[back - 1][0].rstrip(",") in _NOUNS:
                j = back - 1
            break
    if j == len(toks) - 1 and toks[j][0].endswith(","):
        # ``One Club for Growth ad, which is airing, argues``: a relative clause in commas after the noun.
        for back in range(j - 1, max(0, j - 12), -1):
            if toks[back][0] in ("which", "that"):
                if toks[back - 1][0].endswith(",") and toks[back - 1][0][:-1] in _NOUNS:
                    j = back - 1
                break
            if toks[back][0].endswith((",", ";", ":")):
                break
        if j == len(toks) - 1:
            return None  # ``the report, said``: no verb of the phrase
    ph = _phrase(toks, j)
    if ph is None:
        return None
    i = next(x for x, t in enumerate(toks) if t[1] == ph.start)
    if i > 0:
        prev = toks[i - 1][0]
        if not prev.endswith((",", ";", ":", "—", "–")) and prev.lower() not in _CLAUSE_OPENERS:
            return None  # ``voters in a CNN poll said``: the phrase is no subject
    elif ph.start > floor and m[floor : ph.start].strip():
        return None  # (more words before than the window holds: not the clause's opening)
    return ph


_CLAUSE_OPENERS = frozenset("and but that as while because when since although though where so yet if".split())


def phrase_after(m: str, i: int, e: int) -> DocPhrase | None:
    """The document phrase that opens ``m[i:e]`` (``the Pentagon report said``, after a quote), its
    noun within eight words."""
    toks = _tokens(m, i, min(e, i + 160))
    for j, (w, _, _) in enumerate(toks[:9]):
        bare = w.rstrip(",.;:")
        if bare in DOCUMENT_NOUNS or bare in AUTHOR_NOUNS:
            ph = _phrase(toks[: j + 1] if bare == w else [*toks[:j], (bare, toks[j][1], toks[j][1] + len(bare))], j)
            if ph is None or ph.start != toks[0][1]:
                return None
            return ph
        if w.endswith((",", ";", ":", ".")):
            return None
    return None


def named_before(m: str, noun: str, pos: int, lo: int = 0) -> str | None:
    """The name of the last document with head ``noun`` that the text names before ``pos``
    (``Quinnipiac University poll`` for a later ``the poll``), else ``None``."""
    word_re = re.compile(r"\b" + re.escape(noun) + r"\b")
    last: str | None = None
    for wm in word_re.finditer(m, lo, pos):
        toks = _tokens(m, max(lo, wm.start() - 160), wm.end())
        if not toks:
            continue
        ph = _phrase(toks, len(toks) - 1)
        if ph is not None and ph.name is not None and ph.owner is None:
            last = ph.name
    return last
