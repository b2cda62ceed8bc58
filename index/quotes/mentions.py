"""What the article has said so far: the people and organisations named, who was the subject or the
speaker of each sentence, and how pronouns and descriptions resolve to them."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .cues import (
    CUE_RE,
    is_cue,
    BASE_CUES,
    FINITE_CUES,
    NOUN_CUES,
    PARTICIPLE_CUES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLURAL_PEOPLE,
)
from .marks import MarkSpan, paragraphs
from .names import (
    COMMON_CAPS,
    iter_names,
    gender_of,
    clean_role,
    parse_name,
    split_tokens,
    surname,
)
from .sentences import (
    headline_like,
    mask_quotes,
    split_sentences,
)
from .phrases import (
    DEMONYM_DESC,
    DATELINE_RE,
    NO_FALLBACK_NOUNS,
    NP,
    appositive_after,
    is_word_char,
    pre_role,
    role_fits,
    subject_np,
)


_MEDIA_HINT = re.compile(r"(?:Times|Post|Journal|News|Press|Herald|Tribune|Gazette|Telegraph|Guardian|"
                         r"Review|Magazine|Network|Radio|TV|Sputnik|Reuters|Bloomberg|Politico|Axios|"
                         r"Express|Mail|Mirror|Observer|Independent|Economist|Atlantic|Insider|Daily|"
                         r"^[A-Z]{2,5}$)")
COMPANY_NEXT_RE = re.compile(r"\s+(?:shares|stock|Inc\.?|Corp\.?|Co\.|reported|posted|announced)\b")
_GOV_HINT = re.compile(r"(?:House|Kremlin|Ministry|Department|Council|Government|Administration|Senate|Congress|Parliament|Pentagon|Duma|Cabinet|Office|Commission|Committee|Court|Agency|Bureau|Authority|Union|Assembly|Police)")
_COMPANY_NOUNS = frozenset("company firm utility operator retailer automaker carrier airline startup maker manufacturer developer studio chipmaker planemaker carmaker giant conglomerate lender insurer".split())
_MEDIA_NOUNS = frozenset("newspaper paper outlet publication magazine journal website site broadcaster network daily tabloid station channel".split())


@dataclass
class Who:
    """A resolved speaker."""

    name: str
    kind: str  # "person" or "org"
    role: str | None = None


VAGUE = Who("", "vague")
"""Sentinel: the subject was found but names nobody (``officials said``, ``they said``)."""


@dataclass
class Event:
    pos: int
    para: int
    who: Who
    speaker: bool = False


@dataclass
class Article:
    """One article under attribution: text, masked text, structure and what is known so far."""

    text: str
    spans: list[MarkSpan]
    body_start: int = 0
    masked: str = ""
    paras: list[tuple[int, int]] = field(default_factory=list)
    sents: list[tuple[int, int, int]] = field(default_factory=list)
    people: dict[str, list[str]] = field(default_factory=dict)
    appos_roles: dict[str, str] = field(default_factory=dict)
    by_surname: dict[str, set[str]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    headline_paras: set[int] = field(default_factory=set)
    _gender: dict[str, str | None] = field(default_factory=dict)
    org_mentions: list[tuple[int, int, str]] = field(default_factory=list)
    subj_cache: dict[tuple[int, int], tuple[int, "NP | None"]] = field(default_factory=dict)
    cues: list[re.Match[str]] = field(default_factory=list)
    cue_starts: list[int] = field(default_factory=list)
    _roles: dict[str, str | None] = field(default_factory=dict)
    sent_starts: list[int] = field(default_factory=list)
    para_last_sent: list[int] = field(default_factory=list)
    """Per paragraph, the index of its last sentence."""
    sent_subjects: dict[int, Who | None] = field(default_factory=dict)

    # ------------------------------------------------------------------ set-up
    def prepare(self) -> None:
        """Mask quotes, split paragraphs and sentences, and collect the people named."""
        self.masked = mask_quotes(self.text, self.spans)
        self.cues = [c for c in _CUE_SCAN_RE.finditer(self.masked) if is_cue(self.masked, c)]
        self.cue_starts = [c.start() for c in self.cues]
        self.paras = paragraphs(self.text)
        for pi, (ps, pe) in enumerate(self.paras):
            if headline_like(self.text[ps:pe]):
                self.headline_paras.add(pi)
            for s, e in split_sentences(self.masked, ps, pe):
                self.sents.append((s, e, pi))
                self.sent_starts.append(s)
            self.para_last_sent.append(len(self.sents) - 1)
        self._collect_people()

    def _collect_people(self) -> None:
        m = self.masked
        for pi, (ps, pe) in enumerate(self.paras):
            if pi in self.headline_paras:
                continue
            dm = DATELINE_RE.match(m, ps, pe)
            for mt in iter_names(m, dm.end() if dm else ps, pe):
                g = mt.group(0)
                if g in COMMON_CAPS:
                    continue  # ``The``, ``But``, ``Monday``: a lone common word names nobody
                parsed = parse_name(g)
                if parsed is None:
                    continue
                if parsed.kind == "org":
                    self.org_mentions.append((mt.start(), pi, parsed.name))
                    continue
                if parsed.kind != "person" or len(split_tokens(parsed.name)) < 2:
                    continue
                name = parsed.name
                roles = self.people.setdefault(name, [])
                pre = pre_role(m, mt.start(), ps)
                role = " ".join(x for x in (pre, parsed.role) if x)
                if role:
                    roles.append(role)
                if not parsed.possessive:
                    ap = appositive_after(m, mt.end(), pe)
                    if ap and name not in self.appos_roles:
                        self.appos_roles[name] = ap
                self.by_surname.setdefault(surname(name), set()).add(name)

    def subject(self, s: int, e: int) -> tuple[int, NP | None]:
        """Where the subject of the sentence ``[s, e)`` stands and its noun phrase (cached)."""
        hit = self.subj_cache.get((s, e))
        if hit is None:
            hit = self.subj_cache[(s, e)] = subject_np(self.masked, s, e)
        return hit

    def cues_in(self, a: int, b: int) -> list[re.Match[str]]:
        """``list(CUE_RE.finditer(masked, a, b))`` from the article-wide cue index."""
        m = self.masked
        if 0 < b < len(m) and is_word_char(m[b - 1]) and is_word_char(m[b]):
            return [c for c in CUE_RE.finditer(m, a, b) if is_cue(m, c)]  # a window ending inside a word
        cues = self.cues
        i = bisect_left(self.cue_starts, a)
        out = []
        while i < len(cues):
            c = cues[i]
            if c.start() >= b:
                break
            if c.end() > b:
                return [c for c in CUE_RE.finditer(m, a, b) if is_cue(m, c)]
            out.append(c)
            i += 1
        return out

    # ------------------------------------------------------------- resolution
    def canon_person(self, name: str) -> str:
        """Full name for a surname-only mention when the article names exactly one such person."""
        toks = split_tokens(name)
        if len(toks) == 1:
            cands = self.by_surname.get(toks[0], set())
            if len(cands) == 1:
                return next(iter(cands))
        return name

    def role_of(self, name: str) -> str | None:
        """The role the article gives this person anywhere (appositive first, then titles)."""
        try:
            return self._roles[name]
        except KeyError:
            r = self._roles[name] = self._role_of(name)
            return r

    def _role_of(self, name: str) -> str | None:
        ap = clean_role(self.appos_roles.get(name))
        if ap:
            return ap
        roles = self.people.get(name) or []
        if roles:
            return clean_role(max(roles, key=len))
        return None

    def sent_of(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (or the one before it)."""
        return max(0, bisect_left(self.sent_starts, pos + 1) - 1)

    def para_of(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (or the one before it)."""
        lo, hi = 0, len(self.paras) - 1
        ans = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.paras[mid][0] <= pos:
                ans = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return ans

    def add_event(self, pos: int, who: Who | None, speaker: bool = False) -> None:
        """Remember that ``who`` was a subject (or a speaker) at ``pos``."""
        if who is None or who.kind not in ("person", "org"):
            return
        self.events.append(Event(pos, self.para_of(pos), who, speaker))

    def gender(self, who: Who) -> str | None:
        """``f``/``m`` for a person when the first name or a title says so."""
        g = self._gender.get(who.name, "?")
        if g == "?":
            g = gender_of(who.name, " ".join(x for x in (self.role_of(who.name), who.role, *(self.people.get(who.name) or ())) if x))
            self._gender[who.name] = g
        return g

    def prev_subject(self, pos: int) -> Who | None:
        """The subject of the sentence right before the one holding ``pos`` (same or previous
        paragraph), when it is a person."""
        si = bisect_left(self.sent_starts, pos + 1) - 1
        if si < 1 or self.sents[si][2] - self.sents[si - 1][2] > 1:
            return None
        who = self.sent_subjects.get(si - 1)
        return who if who is not None and who.kind == "person" else None

    def resolve_person(self, pos: int, noun: str | None = None, gender: str | None = None, qual: str | None = None) -> Who | None:
        """Most recent person before ``pos`` (within three paragraphs), preferring a role match.

        A pronoun's gender skips people known to be of the other gender; nouns such as
        ``spokesperson`` or ``lawyer`` only match a person the article gave that role."""
        para = self.para_of(pos)
        events = self.events[-200:]
        if noun:
            for ev in reversed(events):
                if ev.pos >= pos or ev.who.kind != "person":
                    continue
                if role_fits(self._role_text(ev.who), noun, qual):
                    return ev.who
            if noun in NO_FALLBACK_NOUNS:
                return None  # a spokesperson, a lawyer: someone other than the people named
            # Only a loose fit: the subject of the sentence before, if nothing speaks against it.
            prev = self.prev_subject(pos)
            if prev is not None and role_fits(self._role_text(prev), noun, qual) is None:
                return prev
            if qual:
                return None
        for ev in reversed(events):
            if ev.pos >= pos:
                continue
            if para - ev.para > 3:
                return None
            if ev.who.kind == "person":
                if gender and self.gender(ev.who) not in (None, gender):
                    continue
                if noun and role_fits(self._role_text(ev.who), noun, qual) is False:
                    continue
                return ev.who
        return None

    def _role_text(self, who: Who) -> str:
        return (self.role_of(who.name) or who.role or "").lower()

    def resolve_org(self, pos: int, noun: str | None) -> Who | None:
        """Most recent organisation before ``pos`` (within three paragraphs) fitting ``noun``:
        media nouns want a media name, company nouns refuse government bodies. With a noun
        (``the central bank``) and no fitting subject, an organisation merely mentioned
        nearby is taken when it is the only fitting one."""
        para = self.para_of(pos)
        for ev in reversed(self.events[-200:]):
            if ev.pos >= pos or ev.who.kind != "org":
                continue
            if para - ev.para > 3:
                break
            if _org_fits(ev.who.name, noun):
                if noun and self._orgs_nearby(pos, noun, ev.who.name):
                    return None  # ``Morgan Stanley and Goldman Sachs …  the bank said``: which one?
                return ev.who
        if not noun:
            return None
        fits = {
            name for p, pi, name in self.org_mentions if p < pos and para - pi <= 3 and _org_fits(name, noun)
        }
        if len(fits) == 1:
            return Who(next(iter(fits)), "org")
        return None

    def _orgs_nearby(self, pos: int, noun: str, name: str) -> bool:
        """Is another organisation fitting ``noun`` named in this sentence or the one before?"""
        si = bisect_left(self.sent_starts, pos + 1) - 1
        lo = self.sents[max(0, si - 1)][0] if si >= 0 else 0
        return any(
            lo <= p < pos and other not in name and name not in other and _org_fits(other, noun)
            for p, _, other in self.org_mentions
        )

    def resolve(self, np: NP | None, pos: int, strict: bool = False) -> Who | None:
        """Turn a located noun phrase into a speaker (``VAGUE`` for plural/unnamed subjects)."""
        if np is None:
            return None
        if np.vague:
            return VAGUE
        if np.pron:
            p = np.pron.lower()
            if p in ("he", "she"):
                return self.resolve_person(pos, gender="m" if p == "he" else "f")
            if p == "it":
                return self.resolve_org(pos, None)
            return VAGUE
        if np.desc:
            if np.desc == DEMONYM_DESC:
                return self.resolve_person(pos)
            if np.desc in ORG_NOUNS:
                return self.resolve_org(pos, "central bank" if np.qual == "central" else np.desc)
            if np.desc in PERSON_NOUNS or np.desc.endswith("-old"):
                return self.resolve_person(pos, np.desc if np.desc in PERSON_NOUNS else None, qual=np.qual)
            return None
        if not np.name:
            return None
        parsed = parse_name(np.name)
        if parsed is None:
            return None
        role = " ".join(x for x in (np.pre_role, parsed.role) if x) or None
        if np.appos:
            role = np.appos
        if parsed.kind in ("org", "place"):
            return Who(parsed.name, "org")
        if parsed.kind == "other":
            toks = split_tokens(parsed.name)
            if len(toks) != 1 or toks[0] in COMMON_CAPS or toks[0].lower() in PLURAL_PEOPLE:
                return None
            if strict and toks[0] not in self.by_surname:
                return None
        name = self.canon_person(parsed.name)
        return Who(name, "person", clean_role(role))


_CUE_SCAN_RE = re.compile(
    "(?=[" + re.escape("".join(sorted({w[0] for w in FINITE_CUES | BASE_CUES | PARTICIPLE_CUES | NOUN_CUES} | set("Aap")))) + "])"
    + CUE_RE.pattern
)
"""``CUE_RE`` behind a first-letter look-ahead: the same matches, scanned faster."""


_BANK_HINT = re.compile(
    r"Bank|Reserve|\bFed\b|ECB|BoE|BOJ|Bancorp|Bancshares|Chase|Sachs|Citi|Fargo|JPMorgan|Morgan\s+Stanley|"
    r"Barclays|HSBC|UBS|Nomura|Jefferies|Santander|Mizuho|Macquarie|Lazard|Evercore|Natixis|Suisse|Paribas|"
    r"G[eé]n[eé]rale|Commerzbank|Rabobank|\bING\b|Securities|Schwab|Raymond\s+James|Piper\s+Sandler|Berenberg"
)


_CENTRAL_BANK_HINT = re.compile(
    r"Central\s+Bank|Reserve|\bFed\b|ECB|BoE|BOJ|PBOC|RBA|RBI|SNB|Riksbank|Bundesbank|Banque\s+de|Bank\s+of\s+"
    r"(?!America\b|New\s+York\s+Mellon\b)[A-Z]"
)


def _org_fits(name: str, noun: str | None) -> bool:
    """Can the organisation ``name`` be described as ``the <noun>``?"""
    if noun in _MEDIA_NOUNS:
        return _MEDIA_HINT.search(name) is not None
    if noun in _COMPANY_NOUNS:
        return not (_GOV_HINT.search(name) or _MEDIA_HINT.search(name))
    if noun == "bank":
        return _BANK_HINT.search(name) is not None
    if noun == "central bank":
        return _CENTRAL_BANK_HINT.search(name) is not None
    return True
