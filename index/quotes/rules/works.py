"""Documents that speak: a poll, a survey, a study, a report, an ad, an indictment or a ruling whose
words are quoted (``“…,” the Pentagon report said``, ``A new Quinnipiac University poll found voters
see him as “dishonest.”``, ``according to the Pentagon report``). The speaker is the document as the
article names it (kind ``document``); a later ``the poll`` is the last poll the article named, and a
document it never named (``“…,” the ad says``) is nobody we can name.

A statement, letter, memo, tweet, post or email is its author's words: ``Roe’s letter says`` is Roe
(a person or an organisation, as the article knows the owner), never a document.

Two rules: :func:`document_after` (tried first) and :func:`document_before` (tried just before the
rule of cues before the quote). Each answers only when a document or author noun stands in the words
it reads (a cheap search first), so most quotations pass them at once.
"""

from __future__ import annotations

import re

from ..mentions import VAGUE, Who
from ..phrases.common import NP
from ..phrases.works import AUTHOR_NOUNS, DEFINITE, INDEFINITE, DOC_VERB_RE, DocPhrase, document_verbs, has_document_noun, named_before, phrase_after, phrase_before
from .base import Attribution, Reading, Site

_LEAD_REACH = 160
"""How far before a quotation (characters, within its sentence) a document's verb may stand."""
_TRAIL_REACH = 80
"""How far after a quotation a document attribution is looked for."""
_OPEN_RE = re.compile(r"[\s,;:—–\-]*")
_ADVERB_RE = re.compile(r"(?:(?:[a-z]+ly|also|further|previously|now|then|still)\s+)*")
_ACCORDING_RE = re.compile(r"[Aa]ccording\s+to\s+")
_REDUCED_RE = re.compile(
    r",?\s+(?:released|published|conducted|issued|commissioned|unveiled|unsealed|filed|obtained|taken|posted|aired|"
    r"prepared)\b[^,;:.!?#“”\"]{0,60}?,?\s+(?=[a-z])"
)
"""A reduced relative between a document and its verb (``, released Tuesday,``)."""
_FROM_LABEL_RE = re.compile(r"\b[Ff]rom\s+(?=(?:the|this|that|a|an)\s)")
"""``From the report:``, ``More from the study:`` — a label before a quotation taken from a document."""
_LABEL_END_RE = re.compile(r"\s*:\s*")
_SPEECH_KINDS = frozenset(("finite", "according", "pointed"))
_SPACE_RE = re.compile(r"\s*")
_CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:!?)—–]|$)")


def document_after(r: Reading, site: Site) -> Attribution | None:
    """The document (or a statement's author) named by the attribution right after the quote
    (``“…,” the Pentagon report said``, ``“…,” says a new Gallup poll``); ``VAGUE`` for a document the
    article never named. Tried first: a document before its verb is no subject the other rules name."""
    if site.headline or site.span.close_pos is None:
        return None
    trail_s = site.trail_s
    trail_e = trail_s + _TRAIL_REACH
    if trail_e > site.trail_e:
        trail_e = site.trail_e
    if not has_document_noun(r.m, trail_s, trail_e, r.art.letters()):
        return None  # (most quotations: one search over the few words after the quote)
    return _after(r, site, trail_e)


def document_before(r: Reading, site: Site) -> Attribution | None:
    """The document (or a statement's author) whose verb stands earlier in the quotation's sentence
    (``A new Quinnipiac University poll found voters see him as “dishonest.”``). Tried after the rules
    of attributions that follow the quote (which answer most quotations) and before the rule of cues
    before it, which reads a document subject as nobody."""
    if site.headline:
        return None
    lo = site.anchor - _LEAD_REACH
    if lo < site.floor:
        lo = site.floor
    if not has_document_noun(r.m, lo, site.anchor, r.art.letters()):
        return None
    return _before(r, site, lo)


def _after(r: Reading, site: Site, e: int) -> Attribution | None:
    """``“…,” the Pentagon report said``, ``“…,” says a new Gallup poll``, ``“…,” according to the
    report``."""
    m = r.m
    i = _OPEN_RE.match(m, site.trail_s, e).end()  # type: ignore[union-attr]
    vm = DOC_VERB_RE.match(m, _ADVERB_RE.match(m, i, e).end(), e)  # type: ignore[union-attr]
    am = _ACCORDING_RE.match(m, i, e)
    if vm is not None or am is not None:
        at = vm.end() if vm is not None else am.end()  # type: ignore[union-attr]
        at = _OPEN_RE.match(m, at, e).end()  # type: ignore[union-attr]
        ph = phrase_after(m, at, e)
        if ph is None or _CLAUSE_END_RE.match(m, ph.end, e) is None:
            return None
        cue = vm.group() if vm is not None else "according to"
        pos = vm.start() if vm is not None else i
        return _answer(r, ph, cue, pos, "trail")
    ph = phrase_after(m, i, e)
    if ph is None:
        return None
    rm = _REDUCED_RE.match(m, ph.end, e)
    j = rm.end() if rm is not None else _SPACE_RE.match(m, ph.end, e).end()  # type: ignore[union-attr]
    vm = DOC_VERB_RE.match(m, _ADVERB_RE.match(m, j, e).end(), e)  # type: ignore[union-attr]
    if vm is None:
        return None
    return _answer(r, ph, vm.group(), vm.start(), "trail")


def _before(r: Reading, site: Site, lo: int) -> Attribution | None:
    """``The Pentagon report said: “…”``, ``A new Quinnipiac University poll found voters see him as
    “dishonest.”``, ``According to a CNN poll, voters call him “…”``: the document's verb is the last
    speech cue before the quote in its sentence, and no attribution follows the quote."""
    m = r.m
    art = r.art
    best: tuple[int, int, DocPhrase, str] | None = None  # (cue end, cue start, phrase, cue)
    for vm in document_verbs(m, lo, site.anchor):
        ph = phrase_before(m, vm.start(), site.floor)
        if ph is not None:
            best = (vm.end(), vm.start(), ph, vm.group())
    for am in _ACCORDING_RE.finditer(m, lo, site.anchor):
        ph = phrase_after(m, am.end(), site.anchor)
        if ph is not None and (best is None or am.start() > best[1]) and _CLAUSE_END_RE.match(m, ph.end, site.anchor):
            best = (ph.end, am.start(), ph, "according to")
    fm = _FROM_LABEL_RE.search(m, max(lo, site.anchor - 80), site.anchor)
    if fm is not None:
        ph = phrase_after(m, fm.end(), site.anchor)
        if ph is not None and _LABEL_END_RE.fullmatch(m, ph.end, site.anchor):
            best = (ph.end, fm.start(), ph, "from")  # ``More from the report: “…”``: a label
    if best is None:
        return None
    end, pos, ph, cue = best
    if art.cues_in(end, site.anchor, _SPEECH_KINDS) or art.cues_in(site.trail_s, site.trail_e, _SPEECH_KINDS):
        return None  # somebody else's words in between, or an attribution after the quote
    return _answer(r, ph, cue, pos, "lead")


def _answer(r: Reading, ph: DocPhrase, cue: str, pos: int, how: str) -> Attribution | None:
    """Who speaks through the document phrase ``ph``: the document named, the named document a
    definite ``the poll`` points back to, a statement's owner; ``VAGUE`` for a document nobody named."""
    if ph.noun in AUTHOR_NOUNS:
        if ph.owner is None:
            return None  # (``the statement said``: the rules of statements decide)
        who = r.art.resolve(NP(ph.start, ph.start + len(ph.owner), name=ph.owner), pos)
        if who is None or who is VAGUE or who.kind not in ("person", "org"):
            return None
        return Attribution(who, cue, pos, how)  # ``Roe’s letter says``: Roe
    if ph.name is not None:
        return Attribution(Who(ph.name, "document"), cue, pos, how)
    if ph.det in DEFINITE:
        name = named_before(r.m, ph.noun, ph.start, r.art.body_start)
        if name is not None and all(w in name.split() for w in ph.modifiers):
            return Attribution(Who(name, "document"), cue, pos, how)  # ``the poll`` after ``a CNN poll``
        return Attribution(VAGUE, cue, pos, how)  # ``the ad says`` with no ad named: nobody we can name
    if ph.det in INDEFINITE:
        return Attribution(VAGUE, cue, pos, how)  # ``a new poll found``: a poll nobody named
    return None  # (``his report``, ``Tuesday’s report``: the other rules decide)
