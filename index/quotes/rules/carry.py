"""Quotations with no cue of their own that carry on an attributed one: ``“…,” he said. “…”``, a
quote paragraph right after an attributed quote, a quote after a sentence that reported somebody's
words (``X said:``, ``He repeated his claim … and said …``), across a split-off attribution sentence
(``“…Katy.” Trump said to cheers. “But there’s…”``). Titles and scare quotes in between do not
break the chain."""

from __future__ import annotations

import re

from ..cues import FINITE_CUES
from ..mentions import VAGUE, Who
from ..phrases.common import NP
from ..sentences import LEAD_WINDOW
from .base import Attribution, Reading, Site

LEAD_SKIP_RE = re.compile(
    r"[\s—–\-(\[]*(?:(?:But|And|Instead|Still|Yet|Also|Indeed|Again|Then|Later|Now|Plus)\b,?\s*)?[\s—–\-(\[]*"
)


def starts_sentence(r: Reading, site: Site) -> bool:
    """Nothing but dashes, brackets and a connective (``But``, ``Instead,``) stands before the quote in
    its sentence."""
    return LEAD_SKIP_RE.fullmatch(r.m[max(site.floor, site.anchor - LEAD_WINDOW) : site.anchor]) is not None


def _previous_speech(r: Reading, q: int) -> int | None:
    """The quote before ``q`` that is somebody's words (titles and scare quotes skipped)."""
    for p in range(q - 1, max(-1, q - 8), -1):
        res = r.results[p]
        if res.speaker or (res.kind == "speech" and res.how != "title"):
            return p
    return None


def _last_sentence(r: Reading, q: int) -> int:
    """The last sentence holding quote ``q`` or the cue that attributed it."""
    return max(r.q_sent[q], r.cue_sent.get(q, -1))


def carried(r: Reading, site: Site) -> Attribution | None:
    """The speaker of the quote before (same paragraph, this sentence or the one before; or the
    paragraph before, when that quote and its attribution closed it), else the last speech cue of the
    sentence before (same paragraph, or the last sentence of the paragraph before)."""
    if site.headline or not starts_sentence(r, site):
        return None
    art = r.art
    q = site.q
    at_para_start = site.anchor <= site.ps + 1
    prev = _previous_speech(r, q)
    if prev is not None and isinstance(r.results[prev].who, Who):
        last = _last_sentence(r, prev)
        prev_para = r.q_para[prev]
        if (prev_para == site.pi and (site.si - last <= 1 or _quiet_between(r, last, site.si, prev))) or (
            site.pi - prev_para == 1 and at_para_start and last == art.para_last_sent[prev_para]
        ):
            res = r.results[prev]
            return Attribution(res.who, res.cue, site.anchor, "cont")  # type: ignore[arg-type]
        if at_para_start and site.pi - prev_para == 2 and last == art.para_last_sent[prev_para] and _about_speaker(r, site.pi - 1, r.results[prev].who):
            res = r.results[prev]
            return Attribution(res.who, res.cue, site.anchor, "cont")  # type: ignore[arg-type]
    if prev is not None and r.q_para[prev] == site.pi and site.si - _last_sentence(r, prev) <= 1:
        return None  # the quote right before is nobody's known words: so is this one
    before = site.si - 1
    if before >= 0 and (art.sents[before][2] == site.pi or (at_para_start and art.sents[before][2] == site.pi - 1)):
        event = r.sent_cue.get(before)
        if event is not None:
            return Attribution(event[0], event[1], site.anchor, "prev")
        if at_para_start and art.sents[before][2] == site.pi - 1:
            who = _colon_introducer(r, before)
            if who is not None:
                return Attribution(who, None, site.anchor, "prev")
    return None


_PARTIAL_MIN_WORDS = 4
"""A partial quote in the writer's sentence after somebody's reported speech carries it on only when it is
this long: a shorter one is as often the writer's own scare quote."""


def partial_after_speech(r: Reading, site: Site) -> Attribution | None:
    """``“…,” Bill Clinton has said while stumping for his wife. That makes her “by definition a …”``: a
    partial quote of several words inside the writer's sentence right after one that reports somebody's
    speech (same paragraph), with no cue and no other person for its subject, goes on with that
    speaker's words."""
    if site.headline or site.si == 0:
        return None
    sp = site.span
    if r.art.text.count(" ", sp.start, sp.end) < _PARTIAL_MIN_WORDS - 1:
        return None  # (the cheap test first: a short quote)
    before = site.si - 1
    event = r.sent_cue.get(before)
    if event is None or not isinstance(event[0], Who) or event[0].kind != "person":
        return None  # (nobody's speech reported in the sentence before)
    art = r.art
    if art.sents[before][2] != site.pi or starts_sentence(r, site):
        return None  # (a quote opening its sentence is :func:`carried`'s to judge)
    lead_in = r.m[max(site.floor, site.anchor - 8) : site.anchor].rstrip()
    if lead_in.endswith(":"):
        return None  # ``A footnote in the report makes that clear: “…”``: what the colon introduces is the subject's
    if lead_in.endswith((" the", " a", " an", " The", " A", " An")) or lead_in in ("the", "a", "an", "The", "A", "An"):
        return None  # ``the “…” plan``: a name the writer quotes, not words said
    if art.cues_in(site.s, site.e):
        return None  # (a cue of its own, read or not: not the speaker's turn going on)
    subject = art.sent_subjects.get(site.si)
    if subject is not None and subject.name != event[0].name:
        return None
    return Attribution(event[0], event[1], site.anchor, "prev")


def _quiet_between(r: Reading, last: int, si: int, prev: int | None = None) -> bool:
    """``“…,” Woolson said. They also lie in a media dead zone. “That’s a tough area.”``: one sentence
    between, in the writer's voice, that quotes nobody, reports nobody's speech and has no person
    but the speaker for its subject, does not end the speaker's turn within a paragraph."""
    if si - last != 2:
        return False
    mid = last + 1
    who = r.art.sent_subjects.get(mid)
    speaker = r.results[prev].who if prev is not None else None
    other_person = who is not None and who.kind == "person" and (speaker is None or who.name != speaker.name)
    return mid not in r.sent_cue and not other_person and mid not in r.q_sent


def _about_speaker(r: Reading, pi: int, speaker: Who) -> bool:
    """``“…,” Jane Roe notes. ¶ Roe is upbeat about the race because she sees … ¶ “…”``: is paragraph ``pi``
    in the writer's voice about the speaker of the quote before it (no quote, no speech cue, and every
    subject it has the speaker, one at least), so that the quotation paragraph after it is still
    theirs?"""
    art = r.art
    subjects = [si for si in range(art.para_last_sent[pi - 1] + 1 if pi > 0 else 0, art.para_last_sent[pi] + 1)]
    if not subjects or len(subjects) > 2 or any(si in r.sent_cue for si in subjects):
        return False
    ps, pe = art.paras[pi]
    if "“" in art.masked[ps:pe] or '"' in art.masked[ps:pe]:
        return False  # (a quote or a title in the paragraph: not only the writer's voice)
    whos = [art.sent_subjects.get(si) for si in subjects]
    return any(w is not None for w in whos) and all(w is None or w.name == speaker.name for w in whos)


def _colon_introducer(r: Reading, si: int) -> Who | None:
    """``He then listed the qualities a nominee needs:`` ¶ ``“…”``: a paragraph that ends with a colon
    after a sentence whose subject is a person introduces the quotation paragraph after it."""
    art = r.art
    s, e, pi = art.sents[si]
    if e != art.paras[pi][1] and art.masked[e : art.paras[pi][1]].strip():
        return None  # not the last sentence of its paragraph
    text = art.masked[s:e].rstrip()
    if not text.endswith(":") or len(text.split()) > 24 or ", and " in text or "; " in text:
        return None  # a long or coordinated sentence: its colon may belong to another clause
    first, _, rest = text.partition(" ")
    if first.lower() in FINITE_CUES and rest[:1].isupper():
        # ``Stated Stone:`` ¶ ``“…”``: a label with its verb first names the speaker after the verb
        name = rest.rstrip(": ")
        who = art.resolve(NP(s + len(first) + 1, s + len(first) + 1 + len(name), name=name), s)
        return who if who is not None and who is not VAGUE and who.kind == "person" else None
    who = art.sent_subjects.get(si)
    return who if who is not None and who.kind == "person" else None
