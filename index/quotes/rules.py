"""The attribution rules, tried in order for each quotation."""

from __future__ import annotations

import re

from .cues import (
    FINITE_ALT,
    PARTICIPLE_ALT,
)
from .names import (
    parse_name,
)
from .phrases import (
    CAPWORD_RE,
    FINITE_IN_RE,
    POSS_END_RE,
    WS_RE,
    subject_np,
    np_after,
    np_before,
)
from .mentions import (
    Article,
    VAGUE,
    Who,
    COMPANY_NEXT_RE,
)


_VERB_FIRST_RE = re.compile(r"(?:(?:[a-z]+ly|also|later|then|again)\s+)?(?P<verb>" + FINITE_ALT + r")\b")
PART_FIRST_RE = re.compile(r"(?:(?:and|then|before|while|after)\s+)?(?P<part>" + PARTICIPLE_ALT + r")\b")


_ACCORDING_RE = re.compile(r"[Aa]ccording\s+to\b")


_COORD_END_RE = re.compile(r"(?:\band|\bbut|\bthen|\bwho|\balso|,)$")


_GAP_WORD = r"(?!(?:that|which|who|whom|whose|and|but|or|he|she|they|we|it|if|when|because|after|before)\b)[\w’'\-.]+"
_ADV_HEAD = (
    r"(?:on|in|at|during|from|after|before|late|early|earlier|later|last|this|over|via|inside|outside|"
    r"near|throughout|since|following|amid|[A-Z][a-z]+day)"
)
_ADVERBIAL_GAP_RE = re.compile(
    r"(?:\s*,\s*" + _ADV_HEAD + r"\b(?:\s+" + _GAP_WORD + r"){0,7}?\s*,"
    r"|\s+" + _ADV_HEAD + r"\b(?:\s+" + _GAP_WORD + r"){0,5}?"
    r"|\s+(?:[a-z]+ly|also|again|then|once|yesterday|today|tonight|now))+\s+"
)
"""Time and place adverbials between a subject and its verb (`` on Friday ``, ``, in a speech, ``)."""


_DASH_RE = re.compile(r"\s*(?:—|–|--|-(?=\s))\s*")
LEAD_SKIP_RE = re.compile(r"[\s—–\-(\[]*")
CONT_AFTER_RE = re.compile(r"\s*[a-z]")
LEAD_WINDOW = 400
"""How far back (characters) a speech cue before a quote is looked for."""
ATTRIB_AHEAD_RE = re.compile(
    r"\s*[,;]?\s*(?:(?:[\w’'.\-]+\s+){1,4}?(?:" + FINITE_ALT + r")\b|according\s+to\b|(?:"
    + FINITE_ALT + r")\s+(?:he|she|they|the\s|[A-Z]))"
)
CUE_END_RE = re.compile(r"\b(?:" + FINITE_ALT + r")(?:\s+that)?$")


def sentence_subject(art: Article, s: int, e: int, allow_possessive: bool = False) -> tuple[Who | None, int]:
    """The subject of the sentence ``[s, e)`` (after introductory phrases) and where it stands."""
    m = art.masked
    hit = art.subj_cache.get((s, e))
    if hit is None:
        hit = art.subj_cache[(s, e)] = subject_np(m, s, e)
    i, np = hit
    if np is None:
        return None, i
    if np.name:
        parsed = parse_name(np.name)
        if parsed is None or (parsed.possessive and not allow_possessive):
            return None, i
        if parsed.kind == "other" and " " not in parsed.name and COMPANY_NEXT_RE.match(m, np.end, e):
            return Who(parsed.name, "org"), i
    who = art.resolve(np, i, strict=not allow_possessive)
    if who is VAGUE:
        return None, i
    return who, i


def _before_is_coordination(m: str, pos: int, floor: int) -> bool:
    """Is the word before ``pos`` a coordinator (``and said``, ``but added``, ``, adding``)?"""
    seg = m[max(floor, pos - 12) : pos].rstrip()
    return _COORD_END_RE.search(seg) is not None


class Runner:
    """Holds the per-article state of one attribution pass."""

    def __init__(self, art: Article) -> None:
        self.art = art
        self.m = art.masked
        self.sent_speakers: list[tuple[int, Who]] = []

    def clause_subject(self, pos: int, s: int, e: int) -> Who | None:
        """Who a participle (``cautioning``) or an ``and``-verb hangs off."""
        for p, who in reversed(self.sent_speakers[-20:]):
            if p < pos:
                return who
        who, _ = sentence_subject(self.art, s, e, allow_possessive=True)
        return who

    def adverbial_subject(self, pos: int, s: int, e: int) -> Who | None:
        """The sentence subject when only adverbials stand between it and the verb at ``pos``
        (``Joe Biden on Friday accused``, ``Cantwell, in a rare interview, warned``)."""
        art = self.art
        hit = art.subj_cache.get((s, e))
        if hit is None:
            hit = art.subj_cache[(s, e)] = subject_np(self.m, s, e)
        np = hit[1]
        if np is None or np.end > pos or pos - np.end > 120:
            return None
        if _ADVERBIAL_GAP_RE.fullmatch(self.m, np.end, pos) is None or any(
            c.lastgroup != "noun" for c in art.cues_in(np.end, pos)
        ):
            return None
        who, _ = sentence_subject(art, s, e)
        return None if who is VAGUE else who

    def trail(self, i: int, end: int, anchor: int, s: int, e: int) -> tuple[Who | None, str | None, int]:
        """Rule 1: an attribution right after the closing mark."""
        m = self.m
        while i < end and (m[i].isspace() or m[i] in ",;:"):
            i += 1
        dm = _DASH_RE.match(m, i, end)
        dash = dm is not None and dm.end() > i
        if dash and dm is not None:
            i = dm.end()
        if i >= end:
            return None, None, i
        vm = _VERB_FIRST_RE.match(m, i, end)
        if vm:
            np = np_after(m, vm.end(), e)
            who = self.art.resolve(np, anchor)
            if who is not None:
                return who, vm.group("verb"), vm.start("verb")
        am = _ACCORDING_RE.match(m, i, end)
        if am:
            who = self.art.resolve(np_after(m, am.end(), e), anchor)
            if who is not None:
                return who, "according to", i
        fm = FINITE_IN_RE.search(m, i, min(end, i + 200))
        if fm:
            np = np_before(m, fm.start(), i)
            if np is not None and not m[i : np.start].strip(" ,"):
                who = self.art.resolve(np, anchor)
                if who is not None:
                    return who, fm.group("verb"), fm.start()
        if dash:
            np = np_after(m, i, end)
            if np is not None and (np.name or np.desc) and not m[np.end : end].strip(" ,.;)") or (
                np is not None and np.name and np.appos
            ):
                who = self.art.resolve(np, anchor)
                if who is not None and who is not VAGUE:
                    return who, "—", i
        return None, None, i

    def lead(self, floor: int, anchor: int, s: int, e: int) -> tuple[Who | None, str | None, int]:
        """Rule 2: a speech cue earlier in the same sentence."""
        m = self.m
        floor = max(floor, anchor - LEAD_WINDOW)
        cues = self.art.cues_in(floor, anchor)
        if not cues:
            return None, None, -1
        verbish = [c for c in cues if c.lastgroup != "noun"]
        c = verbish[-1] if verbish else cues[-1]
        kind = c.lastgroup
        word = WS_RE.sub(" ", c.group(0))
        if kind in ("finite", "pointed"):
            np = np_before(m, c.start(), floor)
            who = self.art.resolve(np, c.start())
            if who is None and np is None and _before_is_coordination(m, c.start(), floor):
                who = self.clause_subject(c.start(), s, e)
            if who is None and kind == "finite":
                who = self.adverbial_subject(c.start(), s, e)
            return who, word, c.start()
        if kind == "according":
            return self.art.resolve(np_after(m, c.end(), e), c.start()), "according to", c.start()
        if kind == "part":
            return self.clause_subject(c.start(), s, e), word, c.start()
        # A speech noun: its possessor (``Putin’s words``, ``his statement``) or the subject.
        before = m[max(floor, c.start() - 60) : c.start()].split()
        if before:
            w = before[-1]
            if w.lower() in ("his", "her"):
                return self.art.resolve_person(c.start()), word, c.start()
            if w.endswith(("’s", "'s")) and CAPWORD_RE.match(w):
                np = np_before(m, c.start(), floor)
                if np is not None and np.name:
                    np.name = POSS_END_RE.sub("", np.name)
                    return self.art.resolve(np, c.start()), word, c.start()
        who, _ = sentence_subject(self.art, s, e)
        return who, word, c.start()
