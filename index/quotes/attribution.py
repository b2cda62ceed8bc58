"""Speaker attribution: who said each quotation.

The article is read once, sentence by sentence, over a *masked* copy of the text in
which every quotation's words are hidden (so names and verbs inside quotes never
act as cues). Along the way :class:`~.mentions.Article` keeps a list of *events*: people and
organisations that were the subject of a sentence or of a speech cue. Pronouns
(``he said``) and descriptions (``the leader continued``, ``the newspaper wrote``)
resolve to the most recent fitting event.

Each quotation goes through the rules of :mod:`.rules` in order; the first that names somebody
wins. Anything else has no speaker: a wrong speaker is worse than none. Then :mod:`.kinds` says
whether it is speech or a term, whole or partial.
"""

from __future__ import annotations

import re

from .phrases.after import np_after
from .phrases.common import WS_RE
from .rules.base import sentence_subject, subject_possessor
from .rules.before import cue_speaker
from .kinds import Found, is_markup, is_title, is_title_modifier, shape
from .marks import MarkSpan
from .mentions import Article, splits_word, VAGUE
from .rules import Reading, RULES, Site
from .rules.later import later_in_sentence
from .rules.layouts import is_credit_span
from .sentences import LEAD_WINDOW

_CARRIED = ("cont", "prev")
_SPEAKER_KINDS = {"person": "person", "org": "organisation", "unnamed": "unnamed", "document": "document"}
"""A resolved speaker's kind (:attr:`~.mentions.Who.kind`) as the quotation records it."""
_LOOK_BACK = 4
"""Paragraphs before a quotation whose subjects and cues can matter to it (pronouns and
descriptions look three paragraphs back, from the paragraph of their cue)."""


def attribute(text: str, spans: list[MarkSpan], body_start: int = 0) -> list[Found]:
    """Decide speaker, role, cue, partial and kind for every span of ``text``."""
    if not spans:
        return []  # nothing quoted: no sentences, cues or people to read
    art = Article(text, spans, body_start)
    art.prepare()
    m = art.masked
    n = len(spans)
    anchors = [sp.open_pos if sp.open_pos is not None else sp.start for sp in spans]
    r = Reading(
        art=art,
        spans=spans,
        results=[Found() for _ in spans],
        anchors=anchors,
        q_sent=[-1] * n,
        q_para=[art.para_of(a) for a in anchors],
    )
    # A sentence's subject and speech cues only matter to quotations of the next few paragraphs
    # (that is as far back as pronouns, descriptions and carried quotes look): elsewhere they are
    # not worked out at all.
    headline_paras = art.headline_paras
    # Per paragraph: a headline, or too far before any quotation to matter (its sentences unread).
    # (Loops, not comprehensions: each of those is a function made and called per article.)
    unread = [True] * len(art.paras)
    for qp in r.q_para:
        for p in range(qp - _LOOK_BACK if qp > _LOOK_BACK else 0, qp + 1):
            unread[p] = False
    for pi in headline_paras:
        unread[pi] = True
    qi = 0
    next_anchor = anchors[0]  # (of the next quotation to decide; past the text when none is left)
    cue_starts = art.cue_starts  # (the article's cue index, read on as far as asked: Article.read_cues)
    ci = 0
    for si, (s, e, pi) in enumerate(art.sents):
        headline = unread[pi] or e <= body_start
        if r.sent_speakers:
            r.sent_speakers = []  # (a sentence with no speaker leaves the empty list as it is)
        if r.used:
            r.used = set()
        if not headline:
            np = art.subject(s, e)[1]
            if np is None:
                art.sent_subjects[si] = None  # (no subject: no event, and nobody's possession)
            else:
                who, pos = sentence_subject(art, s, e)
                art.sent_subjects[si] = who
                if who is None and np.name and np.name[-1] in "s’'":
                    who = subject_possessor(art, s, e)  # (only a possessive name can be one)
                if who is not None:
                    art.add_event(pos, who, para=pi if s <= pos < e else None)
        while next_anchor < e:
            q = qi
            qi += 1
            next_anchor = anchors[qi] if qi < n else len(text) + 1
            sp = spans[q]
            r.q_sent[q] = si
            anchor = anchors[q]
            floor = s
            if q > 0 and r.q_sent[q - 1] == si:
                floor = spans[q - 1].outer_end if spans[q - 1].outer_end > s else s
            trail_s = sp.close_pos + 1 if sp.close_pos is not None else sp.end
            # ``max(trail_s, min(e, next anchor, trail_s + LEAD_WINDOW))``, without ``min``/``max`` (in 3.11
            # they parse keywords on every call)
            trail_e = anchors[q + 1] if q + 1 < n and anchors[q + 1] < e else e
            if trail_s + LEAD_WINDOW < trail_e:
                trail_e = trail_s + LEAD_WINDOW
            if trail_e < trail_s:
                trail_e = trail_s
            ps, pe = art.paras[pi]
            site = Site(q, sp, anchor, si, s, e, pi, ps, pe, floor, trail_s, trail_e, pi in headline_paras or e <= body_start)
            _decide(r, site)
            res = r.results[q]
            shape(res, text, m, sp, floor, anchor, trail_s, trail_e, headline or anchor < body_start, res.how)
        if qi == n:
            break  # every quotation is decided: what the rest of the article says changes none of them
        if not headline:
            if e > art.cues_read_to:
                art.read_cues(e)
            while ci < len(cue_starts) and cue_starts[ci] < s:
                ci += 1
            if (ci < len(cue_starts) and cue_starts[ci] < e) or splits_word(m, e):
                _note_cues(r, si, s, e)  # (a sentence with no cue notes none)
    return r.results


def _decide(r: Reading, site: Site) -> None:
    """Run the rules for one quotation and record the first answer (titles get none)."""
    res = r.results[site.q]
    sp = site.span
    art = r.art
    if site.anchor < art.body_start:
        return  # a title or metadata line: its quotes are terms
    content = art.text[sp.start : sp.end]
    before = r.m[site.anchor - 60 if site.anchor - 60 > site.floor else site.floor : site.anchor]
    after = art.text[sp.outer_end : sp.outer_end + 40] if sp.close_pos is not None else ""
    if is_title(content, before) or is_title_modifier(content, after) or is_markup(content) or is_credit_span(r, site.q):
        res.how = "title"
        return
    for rule in RULES:
        found = rule(r, site)
        if found is None:
            continue
        if found.who is VAGUE and found.how == "lead":
            # ``The rejection signals “…” for the EU, said Geert Wilders.``: a sentence-final attribution
            # names the one whose words the sentence reports, where the verb before had no speaker.
            later = later_in_sentence(r, site)
            if later is not None and later.who is not VAGUE:
                found = later
        who = found.who
        carried = found.how in _CARRIED
        cue_si = site.si if carried else art.sent_of(found.pos)
        if cue_si > site.si:
            r.cue_sent[site.q] = cue_si
        r.note_speech(cue_si, who, found.cue, found.pos if not carried else site.anchor)
        if not carried and cue_si == site.si:
            r.used.add(found.pos)  # this cue is read: the pass over the sentence's cues skips it
        if who is VAGUE:
            res.how = "vague"
            return
        res.who = who
        res.speaker = who.name
        res.speaker_kind = _SPEAKER_KINDS[who.kind]
        res.how = found.how
        if carried:
            res.cue = found.cue
            res.role = art.role_of(who.name) if who.kind == "person" else None
            if found.how == "cont":
                res.role = r.results[site.q - 1].role or res.role
            return
        res.cue = found.cue.lower() if found.cue else None
        res.role = (art.role_of(who.name) or who.role) if who.kind == "person" else None
        if found.event:  # (not the owner of ``Trump’s call for “…”``: see :attr:`~.rules.base.Attribution.event`)
            art.add_event(found.pos, who, speaker=True)
            r.sent_speakers.append((site.anchor if site.anchor > found.pos else found.pos, who))
        return


_NOTED_KINDS = frozenset(("finite", "according", "pointed", "base", "part"))
"""The cues noted in passing: verbs, ``according to`` and a participle after ``by`` (``distanced
himself … by saying``); other participles hang off a clause, nouns name no one who speaks."""


def _note_cues(r: Reading, si: int, s: int, e: int) -> None:
    """Speech cues outside quotes (``Kosachev told Sputnik.``, ``according to Kosachev``): events,
    and the sentence's last speech event for the quotes that follow."""
    art = r.art
    m = art.masked
    for c in art.cues_in(s, e, _NOTED_KINDS):
        if c.start() in r.used or (c.lastgroup == "part" and not m.startswith("by ", c.start() - 3)):
            continue
        who = cue_speaker(r, c, s, s, e, thorough=False)
        if who is None and c.lastgroup == "finite" and m[s : c.start()].rstrip()[-1:] in (",", "”", '"'):
            who = art.resolve(np_after(m, c.end(), e), c.start())  # ``…, said Grant Green, a security official``
        if who is None:
            continue
        if _reported_in_report(r, c, s, loose=who is VAGUE):
            continue  # ``He noted that Sanders himself has acknowledged …``: the sentence's speaker is still he
        cue = c.group(0)
        r.note_speech(si, who, cue if cue.isalpha() else WS_RE.sub(" ", cue), c.start())  # (one word: no space to fold)
        if who is not VAGUE:
            art.add_event(c.start(), who, speaker=True)


_FINITE = frozenset(("finite",))
_THAT_SUBJECT_RE = re.compile(r"\bthat\s+(?:[A-Z][\w’'.\-]*\s+){1,3}(?:himself\s+|herself\s+)?(?:[a-z]+ly\s+)?(?:has\s+|had\s+|have\s+)?$")
_THAT_ANY_SUBJECT_RE = re.compile(r"\bthat\s+(?:[\w’'.\-]+\s+){1,4}(?:has\s+|had\s+|have\s+)?$")
"""A that-clause's subject of any words (``that superdelegates currently pledged``): for cues
whose subject names nobody anyway."""


def _reported_in_report(r: Reading, c: re.Match[str], s: int, loose: bool = False) -> bool:
    """Is the speech cue ``c`` inside the that-clause of an earlier speech verb of its sentence
    (``He noted that Sanders has acknowledged``)? Then it reports speech within a report. ``loose``:
    any words may be the clause's subject (``Schoen wrote that superdelegates currently pledged``)."""
    art = r.art
    m = art.masked
    lo = c.start() - 60 if c.start() - 60 > s else s
    pattern = _THAT_ANY_SUBJECT_RE if loose else _THAT_SUBJECT_RE
    if "that" not in m[lo : c.start()] or pattern.search(m, lo, c.start()) is None:  # (``in`` a slice: ``find`` parses its arguments)
        return False
    return any(x.end() <= c.start() - 5 for x in art.cues_in(s, c.start(), _FINITE))
