"""``Clinton supports “appropriate pay raises”``, ``Cruz knocked Rubio and called him a “moderate”``,
``Sanders delivered a snappy retort: “…”``: words quoted inside a sentence whose subject acts (speaks,
argues, promises, attacks) are the subject's. Not when the subject is what the words describe: after ``is``, ``was``, ``seems`` or a
passive (``Trump was “extremely careless”``, ``Clinton has been called “crooked”``) the source is
somebody else, and the quote stays unattributed."""

from __future__ import annotations

import re

from ..cues import TERM_LEAD_RE
from ..kinds import is_title
from ..mentions import Who
from .base import Attribution, Reading, sentence_subject, Site
from .carry import starts_sentence

_COPULA = frozenset(
    """is was are were be been being 's ’s remains remained remain seems seemed seem became become becomes
    appears appeared looks looked sounds sounded gets got get feels felt stays stayed""".split()
)
_AUX = frozenset(
    """has have had will would could can may might should must did does do also just still now then later
    again never not already even only once recently reportedly apparently allegedly often repeatedly
    initially first finally""".split()
)
_IRREGULAR_PAST = frozenset(
    """said told wrote made took gave got went came saw knew thought felt left kept held put set ran won lost
    led met paid sent spent brought bought built began chose drew drove fell fought found flew grew heard
    hit laid let meant read rose sang sat sold shot stood struck swore taught threw understood wore spoke
    sought proposed""".split()
)
_NOT_VERBS = frozenset(
    """and or but nor of for on in at by to from with as than that which who whom whose this these those the
    a an his her its their our my your news has was is""".split()
)
_CLAUSE_BREAK_RE = re.compile(
    r"[;:]|\b(?:but|while|whereas|which|who|whom|whose|that|because|although|though|after|before|when|"
    r"whenever|if|since|as|where|until|unless|so|whether)\b|\band\s+(?:[A-Z]|he\b|she\b|they\b|it\b|we\b)"
)
_DET_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|this|that|these|those|its|their|his|her|our|my|your|such)(?:\s+[\w\-$]+){0,2}\s*$",
    re.IGNORECASE,
)
_MODALS = frozenset("will would could can may might should must did does do".split())
WORD_RE = re.compile(r"[\w’'\-]+|[^\w\s]")
_NOUN_AFTER_RE = re.compile(
    r"\s+(?!(?:and|or|but|of|for|on|in|at|by|to|from|with|as|than|that|which|who|is|was|are|were|has|had|have|"
    r"will|would|could|because|if|when|while|after|before|since|into|over|about|against|during|until|he|she|"
    r"they|it|we|instead|rather|too|again|anymore)\b)[a-z][a-z\-]+\b"
)
_APPOS_END_RE = re.compile(r",[^,;:#]{1,160}?,\s*")
_PAREN_RE = re.compile(r"\s*\([^()#]{1,40}\)")


def _predicate_verb(m: str, i: int, end: int) -> tuple[str, int] | None:
    """The first word of the predicate after a subject ending at ``i`` (appositives, party tags,
    adverbs and auxiliaries skipped); ``None`` when it is a copula or a passive."""
    pm = _PAREN_RE.match(m, i, end)
    if pm:
        i = pm.end()
    am = _APPOS_END_RE.match(m, i, end)
    if am:
        i = am.end()
    aux = False
    for _ in range(6):
        wm = WORD_RE.search(m, i, end)
        if wm is None:
            return None
        w = wm.group().lower()
        if w in _COPULA:
            return None
        if w in _AUX or (w.endswith("ly") and len(w) > 4) or w in ("n’t", "n't"):
            aux = aux or w in _MODALS
            i = wm.end()
            continue
        if not w[:1].isalpha() or not wm.group()[:1].islower() or w in _NOT_VERBS:
            return None
        if not (w.endswith(("s", "ed")) or w in _IRREGULAR_PAST or aux):
            return None
        nm = WORD_RE.search(m, wm.end(), end)
        if nm is not None and nm.group().lower() in _COPULA | _AUX and not aux:
            return None  # ``Sanders supporters are``: the word was a noun of the subject
        return w, wm.start()
    return None


def subject_of_sentence(r: Reading, site: Site) -> Attribution | None:
    """The subject of the sentence, for words quoted in its predicate."""
    if site.headline or site.span.close_pos is None or starts_sentence(r, site):
        return None
    art = r.art
    m = r.m
    i, np = art.subject(site.s, site.e)
    if np is None or np.end >= site.anchor or np.vague:
        return None
    between = m[np.end : site.anchor]
    colon = between.rstrip().endswith(":")
    if colon:
        between = between.rstrip()[:-1]  # ``Sanders delivered a snappy retort: “…”``
    if "#" in between:
        return _next_predicate(r, site)  # ``Clinton supports “…,” opposes “…”``
    if _CLAUSE_BREAK_RE.search(between):
        return None  # the quote stands in another clause, with a subject of its own
    content = art.text[site.span.start : site.span.end]
    if is_title(content, "on") or TERM_LEAD_RE.search(between[-40:].rstrip()):
        return None  # a title (``likes “The Walking Dead”``) or a term (``titled “Scam”``)
    modifier = not content.endswith((",", ".", ";", "!", "?")) and _NOUN_AFTER_RE.match(m, site.trail_s)
    if not colon and len(content.split()) <= 4 and (_DET_BEFORE_RE.search(between) or modifier):
        return None  # ``the long-haired “ambush journalist”``, ``a “lend-lease” program``: a scare quote
    verb = _predicate_verb(m, np.end, site.anchor)
    if verb is None:
        return None
    who, _ = sentence_subject(art, site.s, site.e)
    if not isinstance(who, Who) or not who.name:
        return None
    return Attribution(who, verb[0], verb[1], "subj")


_NEXT_VERB_RE = re.compile(r"[,\s]*(?:(?:and|then|also)\s+)?(?P<verb>[a-z]+(?:s|ed))\s+(?:(?:the|a|an|his|her|their|its)\s+)?$")
"""After a quote: the next verb of the same subject, right before the next quote (``, opposes “…”``)."""


def _next_predicate(r: Reading, site: Site) -> Attribution | None:
    """``Clinton supports “appropriate pay raises,” opposes “across-the-board freezes”``: a quote right
    after the next verb of a predicate whose earlier quote this rule gave the subject; that subject."""
    q = site.q
    if q == 0 or r.q_sent[q - 1] != site.si or r.results[q - 1].how != "subj":
        return None  # (the cheap test first: the quote before is no quote of this rule in this sentence)
    prev = r.results[q - 1]
    vm = _NEXT_VERB_RE.fullmatch(r.m, r.spans[q - 1].outer_end, site.anchor)
    if vm is None or prev.who is None or vm.group("verb") in _NOT_VERBS:
        return None
    return Attribution(prev.who, vm.group("verb"), vm.start("verb"), "subj")
