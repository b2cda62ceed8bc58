"""What every rule works with: where a quotation stands (:class:`Site`), the state of the pass over
the article (:class:`Reading`), what a rule answers (:class:`Attribution`), and the subject helpers
the rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..phrases.after import subject_np
from ..phrases.names import parse_name
from ..phrases.unnamed import described_subject
from ..organisations import COMPANY_NEXT_RE
from ..kinds import Found
from ..marks import MarkSpan
from ..mentions import Article, VAGUE, Who
from ..sentences import LEAD_WINDOW

_COORD_END_RE = re.compile(r"(?:\band|\bbut|\bthen|\bwho|\balso|,)$")
_ADVERB_END_RE = re.compile(r"\s(?:[a-z]+ly|now|then|later|also|again|still|has|had|have|would|will|just|even)$")
_GAP_WORD = r"(?!(?:that|which|who|whom|whose|and|but|or|he|she|they|we|it|if|when|because|after|before)\b)[\w’'\-.]+"
_ADV_HEAD = (
    r"(?:on|in|at|during|from|after|before|late|early|earlier|later|last|this|over|via|inside|outside|"
    r"near|throughout|since|following|amid|[A-Z][a-z]+day)"
)
_ADVERBIAL_GAP_RE = re.compile(
    r"(?:\s*,\s*" + _ADV_HEAD + r"\b(?:\s+" + _GAP_WORD + r"){0,7}?\s*,"
    r"|\s+" + _ADV_HEAD + r"\b(?:\s+" + _GAP_WORD + r"){0,5}?"
    r"|\s+(?:(?:about|nearly|almost|just|more\s+than|less\s+than)\s+)?(?:a|an|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?|hours?)\s+ago"
    r"|\s+(?:[a-z]+ly|also|again|then|once|yesterday|today|tonight|now|however|meanwhile|though|too|instead|still))+\s+"
)
"""Time and place adverbials between a subject and its verb (`` on Friday ``, ``, in a speech, ``)."""


@dataclass
class Attribution:
    """A rule's answer: who spoke (``VAGUE`` for a subject naming nobody), the cue, where it stands."""

    who: Who
    cue: str | None
    pos: int
    how: str
    event: bool = True
    """Is the speaker a speaker of the sentence, one a participle after it hangs off and a later ``he``
    may point back to? Not the owner of ``Trump’s call for “…”`` nor the asker of ``Rubio was asked by
    host Jane Roe whether …``: the sentence is still about its subject."""


@dataclass
class Site:
    """Where one quotation stands: its sentence and paragraph, and the text around it."""

    q: int
    span: MarkSpan
    anchor: int
    """The opening mark (or the first quoted character when there is none)."""
    si: int
    s: int
    e: int
    pi: int
    ps: int
    pe: int
    floor: int
    """Where the text before the quote starts: the sentence start or the end of the quote before."""
    trail_s: int
    trail_e: int
    """The text after the quote, up to the next quote or the end of the sentence."""
    headline: bool


@dataclass
class Reading:
    """The state of one pass over an article: what each quotation got so far."""

    art: Article
    spans: list[MarkSpan]
    results: list[Found]
    anchors: list[int]
    q_sent: list[int]
    q_para: list[int]
    sent_cue: dict[int, tuple[Who, str | None, int]] = field(default_factory=dict)
    """Per sentence, the last speech event in it: who spoke (``VAGUE`` for ``officials said``), the
    cue and where it stands."""
    cue_sent: dict[int, int] = field(default_factory=dict)
    """Per quote, the sentence of the cue that attributed it, when that is another sentence."""
    sent_speakers: list[tuple[int, Who]] = field(default_factory=list)
    """The speakers found so far in the current sentence, with where they stand."""
    used: set[int] = field(default_factory=set)
    """Cues of the current sentence already given to a quotation."""
    m: str = field(init=False, default="")
    """The masked text (the article's, prepared before the pass: it does not change during it)."""

    def __post_init__(self) -> None:
        self.m = self.art.masked

    def note_speech(self, si: int, who: Who, cue: str | None, pos: int) -> None:
        """Remember a speech event of sentence ``si`` (the latest one of a sentence wins)."""
        old = self.sent_cue.get(si)
        if old is None or pos >= old[2]:
            self.sent_cue[si] = (who, cue, pos)

    def clause_subject(self, pos: int, s: int, e: int) -> Who | None:
        """Who a participle (``cautioning``) or an ``and``-verb hangs off."""
        for p, who in reversed(self.sent_speakers[-20:]):
            if p < pos:
                return who
        who, i = sentence_subject(self.art, s, e, allow_possessive=True)
        if who is None and i < pos:
            desc = described_subject(self.m, i, pos)  # ``One operative … tried to downplay it, saying``
            if desc is not None:
                return Who(desc[0], "unnamed", desc[1])
        return who

    def adverbial_subject(self, pos: int, s: int, e: int) -> Who | None:
        """The sentence subject when only adverbials stand between it and the verb at ``pos``
        (``Joe Biden on Friday accused``, ``Cantwell, in a rare interview, warned``)."""
        art = self.art
        np = art.subject(s, e)[1]
        if np is None or np.end > pos or pos - np.end > 120:
            return None
        if _ADVERBIAL_GAP_RE.fullmatch(self.m, np.end, pos) is None or any(
            c.lastgroup != "noun" for c in art.cues_in(np.end, pos)
        ):
            return None
        who, _ = sentence_subject(art, s, e)
        return None if who is VAGUE else who


def sentence_subject(art: Article, s: int, e: int, allow_possessive: bool = False) -> tuple[Who | None, int]:
    """The subject of the sentence ``[s, e)`` (after introductory phrases) and where it stands."""
    m = art.masked
    i, np = art.subject(s, e)
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


def subject_possessor(art: Article, s: int, e: int) -> Who | None:
    """``Podliska’s lawsuit demands …``: the person whose thing is the subject (a topic that a
    ``he`` in the next sentence may point back to), when the article knows that person."""
    i, np = art.subject(s, e)
    if np is None or not np.name or np.name[-1] not in "s’'":
        return None
    parsed = parse_name(np.name)
    if parsed is None or not parsed.possessive or parsed.kind not in ("person", "other"):
        return None
    who = art.resolve(np, i, strict=True)
    return who if who is not None and who.kind == "person" else None


def before_is_coordination(m: str, pos: int, floor: int) -> bool:
    """Is the word before ``pos`` a coordinator (``and said``, ``but added``, ``, adding``)?"""
    seg = m[max(floor, pos - 40) : pos].rstrip()
    while True:
        am = _ADVERB_END_RE.search(seg)
        if am is None:
            break
        seg = seg[: am.start()].rstrip()  # ``but now said``, ``and later added``
    return _COORD_END_RE.search(seg) is not None


__all__ = ["LEAD_WINDOW", "Attribution", "Reading", "Site", "before_is_coordination", "sentence_subject", "subject_np"]
