"""Speaker attribution: who said each quotation.

The article is read once, sentence by sentence, over a *masked* copy of the text in
which every quotation's words are hidden (so names and verbs inside quotes never
act as cues). Along the way the reader keeps a list of *events*: people and
organisations that were the subject of a sentence or of a speech cue. Pronouns
(``he said``) and descriptions (``the leader continued``, ``the newspaper wrote``)
resolve to the most recent fitting event.

For each quotation the rules are tried in this order, and the first that gives an
answer wins:

1. an attribution right after the closing mark (``“…,” Putin said``, ``said Smith, 34``,
   ``” — Coach Kerr``, ``according to X``);
2. a speech cue earlier in the same sentence (``X said: “…”``, ``X told Sputnik that “…”``,
   ``calling Trump’s words “…”`` → the one calling, ``according to X, “…”``);
3. a participle right after the quote (``“…,” cautioning, “…”``) → the clause subject;
4. a continued or floating quote (``“…,” he said. “…”``, a quote paragraph right after an
   attributed one, a paragraph after ``X said:`` / ``X told Sputnik.``) → the same speaker.

Anything else has no speaker: a wrong speaker is worse than none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .cues import (
    ADVERBS,
    CUE_RE,
    FINITE_ALT,
    FINITE_CUES,
    NOUN_CUES,
    PARTICIPLE_CUES,
    ORG_NOUNS,
    PARTICIPLE_ALT,
    PERSON_NOUNS,
    PLURAL_PEOPLE,
    TERM_LEAD_RE,
)
from .marks import MarkSpan, paragraphs
from .names import (
    _ABBR_TITLES,
    ABBR_TITLE_WORDS,
    COMMON_CAPS,
    NAME_SEQ_RE,
    iter_names,
    ORG_WORDS,
    PARTICLES,
    PARTY_TAG_RE,
    TITLES,
    gender_of,
    is_demonym,
    clean_role,
    looks_like_role,
    parse_name,
    split_tokens,
    surname,
)

MASK = "#"

_ABBREVS = frozenset(w.lower() for w in ABBR_TITLE_WORDS) | frozenset(
    """mr mrs ms dr sen rep gov gen lt col capt sgt adm maj prof rev st jr sr inc corp co ltd no vs
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft cmdr supt atty det insp pres amb hon
    reps sens gens est approx dept univ""".split()
)
_SENT_RE = re.compile(
    # ``[.!?…](?<![.!?…].)`` is ``(?<![.!?…])[.!?…]`` with a literal-set prefix (much faster to scan).
    r"[.!?…](?<![.!?…].)[.!?…]*+[\"”’)\]]*+(?:\s++(?=[“\"‘'(\[]?[A-Z0-9#\u00C0-\u00DE])|(?=[“\"][A-Z#])|(?=[A-Z][a-z]))"
    r"|[.!?][”\"](?=[A-Z#])"
)
_DATELINE_RE = re.compile(r"[A-Z][A-Z .,’'\-]{2,40}(?:\([^)]{1,30}\))?\s*[—–\-]{1,2}\s*")
_INTRO_RE = re.compile(
    r"(?:(?:Similarly|However|Moreover|Meanwhile|Still|Yet|Also|Later|Earlier|Instead|Indeed|Finally|"
    r"Then|Now|Today|Yesterday|Separately|Additionally|Furthermore|Nonetheless|Nevertheless|Thus|"
    r"Therefore|Again|Overall|Ultimately|Previously|Last\s+\w+|On\s+that|For\s+example|For\s+instance|"
    r"By\s+contrast|In\s+contrast|In\s+addition|At\s+the\s+same\s+time|Of\s+course|In\s+fact|"
    r"(?:When|While|After|Before|If|Although|Though|As|Since|Because|Asked|Speaking|Despite|During|Once|"
    r"Until|Upon|Following|Given|Unlike|Like|Responding|Addressing|Writing|In|On|At|Throughout|With|"
    r"Without|Under|From|Amid|Earlier|Later)\b[^,.;:!?]{0,160}|"
    r"(?:[A-Z][a-z]+|A|An|The)(?:\s+[a-z]+){0,2}\s+(?:later|earlier|ago|afterwards?))\s*,\s*)+"
)
_WORD_RE = re.compile(r"\S+")
_CAPWORD_RE = re.compile(
    r"^(?:(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)[\-\u2011](?=[A-Z]))?"
    r"(?:[A-Z\u00C0-\u00DE\u0100-\u017F\u0400-\u042F][\w’'.&\-]*|(?:[A-Z]\.)+)$"
)
_PARTICLE_RE = re.compile(r"^" + PARTICLES + r"$")
_MODIFIERS = frozenset("former then acting interim deputy vice chief senior top assistant longtime veteran new ex- then-".split())
_SPOKES_RE = re.compile(
    r"\b(?:an?|the)\s+(?:[a-z]+\s+)?(?:spokes(?:man|woman|person)|representative|official|source|statement|spokes)"
    r"\s+(?:for|of|at|from|with)\s+(?:the\s+)?$"
)
_VERB_FIRST_RE = re.compile(r"(?:(?:[a-z]+ly|also|later|then|again)\s+)?(?P<verb>" + FINITE_ALT + r")\b")
_PART_FIRST_RE = re.compile(r"(?:(?:and|then|before|while|after)\s+)?(?P<part>" + PARTICIPLE_ALT + r")\b")
_FINITE_IN_RE = re.compile(r"\b(?P<verb>" + FINITE_ALT + r")\b")
_ACCORDING_RE = re.compile(r"[Aa]ccording\s+to\b")
_HEADLINE_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*")
_MEDIA_HINT = re.compile(r"(?:Times|Post|Journal|News|Press|Herald|Tribune|Gazette|Telegraph|Guardian|"
                         r"Review|Magazine|Network|Radio|TV|Sputnik|Reuters|Bloomberg|Politico|Axios|"
                         r"Express|Mail|Mirror|Observer|Independent|Economist|Atlantic|Insider|Daily|"
                         r"^[A-Z]{2,5}$)")
_COMPANY_NEXT_RE = re.compile(r"\s+(?:shares|stock|Inc\.?|Corp\.?|Co\.|reported|posted|announced)\b")
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
class Found:
    """What the attribution step decided for one quotation."""

    speaker: str | None = None
    role: str | None = None
    cue: str | None = None
    partial: bool = False
    kind: str = "speech"
    how: str = ""


@dataclass
class _NP:
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


@dataclass
class _Event:
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
    events: list[_Event] = field(default_factory=list)
    headline_paras: set[int] = field(default_factory=set)
    _gender: dict[str, str | None] = field(default_factory=dict)
    org_mentions: list[tuple[int, int, str]] = field(default_factory=list)
    subj_cache: dict[tuple[int, int], tuple[int, "_NP | None"]] = field(default_factory=dict)
    cues: list[re.Match[str]] = field(default_factory=list)
    cue_starts: list[int] = field(default_factory=list)
    _roles: dict[str, str | None] = field(default_factory=dict)
    sent_starts: list[int] = field(default_factory=list)
    sent_subjects: dict[int, Who | None] = field(default_factory=dict)

    # ------------------------------------------------------------------ set-up
    def prepare(self) -> None:
        """Mask quotes, split paragraphs and sentences, and collect the people named."""
        self.masked = mask_quotes(self.text, self.spans)
        self.cues = list(_CUE_SCAN_RE.finditer(self.masked))
        self.cue_starts = [c.start() for c in self.cues]
        self.paras = paragraphs(self.text)
        for pi, (ps, pe) in enumerate(self.paras):
            if _headline_like(self.text[ps:pe]):
                self.headline_paras.add(pi)
            for s, e in split_sentences(self.masked, ps, pe):
                self.sents.append((s, e, pi))
                self.sent_starts.append(s)
        self._collect_people()

    def _collect_people(self) -> None:
        m = self.masked
        for pi, (ps, pe) in enumerate(self.paras):
            if pi in self.headline_paras:
                continue
            dm = _DATELINE_RE.match(m, ps, pe)
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
                pre = _pre_role(m, mt.start(), ps)
                role = " ".join(x for x in (pre, parsed.role) if x)
                if role:
                    roles.append(role)
                if not parsed.possessive:
                    ap = _appositive_after(m, mt.end(), pe)
                    if ap and name not in self.appos_roles:
                        self.appos_roles[name] = ap
                self.by_surname.setdefault(surname(name), set()).add(name)

    def cues_in(self, a: int, b: int) -> list[re.Match[str]]:
        """``list(CUE_RE.finditer(masked, a, b))`` from the article-wide cue index."""
        m = self.masked
        if 0 < b < len(m) and _is_word_char(m[b - 1]) and _is_word_char(m[b]):
            return list(CUE_RE.finditer(m, a, b))  # a window ending inside a word: scan it
        cues = self.cues
        i = bisect_left(self.cue_starts, a)
        out = []
        while i < len(cues):
            c = cues[i]
            if c.start() >= b:
                break
            if c.end() > b:
                return list(CUE_RE.finditer(m, a, b))
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
        self.events.append(_Event(pos, self.para_of(pos), who, speaker))

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
                if _role_fits(self._role_text(ev.who), noun, qual):
                    return ev.who
            if noun in _NO_FALLBACK_NOUNS:
                return None  # a spokesperson, a lawyer: someone other than the people named
            # Only a loose fit: the subject of the sentence before, if nothing speaks against it.
            prev = self.prev_subject(pos)
            if prev is not None and _role_fits(self._role_text(prev), noun, qual) is None:
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
                if noun and _role_fits(self._role_text(ev.who), noun, qual) is False:
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

    def resolve(self, np: _NP | None, pos: int, strict: bool = False) -> Who | None:
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


# ---------------------------------------------------------------------- helpers
_CUE_SCAN_RE = re.compile(
    "(?=[" + re.escape("".join(sorted({w[0] for w in FINITE_CUES | PARTICIPLE_CUES | NOUN_CUES} | set("Aap")))) + "])"
    + CUE_RE.pattern
)
"""``CUE_RE`` behind a first-letter look-ahead: the same matches, scanned faster."""
_WORD_CHAR_RE = re.compile(r"\w")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)*[a-z]")
_APPOS_CUT_RE = re.compile(r"[,;.:()](?:\s|$)|[,;:()#“”\"]|\s(?:said|says|told|who\s+(?:said|has|had|was|is)\b)")
_APPOS_CUT2_RE = re.compile(r"[,;.:()](?:\s|$)|[;:()#“”\"]|\s(?:said|says|told)\b")
_AGE_SEG_RE = re.compile(r"\s*\d{1,3}\s*")
_COORD_END_RE = re.compile(r"(?:\band|\bbut|\bthen|\bwho|\balso|,)$")
_WS_RE = re.compile(r"\s+")
_POSS_END_RE = re.compile(r"[’']s$")
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
_QUALIFIERS = frozenset("former ex then late onetime one-time erstwhile".split())
_QUAL_PREFIX_RE = re.compile(r"(ex|then|former)-([a-z]+)$")
_ROLE_QUAL_RE = re.compile(r"\b(?:former|late|onetime|one-time|erstwhile|then)\b|\b(?:ex|then|former)-", re.IGNORECASE)


def _is_qual_noun(low: str) -> bool:
    """``ex-coach``, ``then-senator``: a qualified person noun written as one word."""
    qm = _QUAL_PREFIX_RE.match(low)
    return qm is not None and qm.group(2) in PERSON_NOUNS


def _desc_noun(det: list[str]) -> tuple[str, str | None]:
    """The head noun of a description (``the former president`` → ``president``) and its
    qualifier (``former``, ``ex``, ``then``, ``late``), if any."""
    noun = det[-1]
    if noun == "bank" and "central" in det:
        return noun, "central"
    qual = next((w for w in det[:-1] if w in _QUALIFIERS), None)
    qm = _QUAL_PREFIX_RE.match(noun)
    if qm is not None and qm.group(2) in PERSON_NOUNS:
        noun, qual = qm.group(2), qm.group(1)
    return noun, qual


def _role_fits(role: str, noun: str, qual: str | None) -> bool | None:
    """Does a person's ``role`` fit ``the [qual] noun``?  ``None``: the role does not use the
    noun at all; ``False``: it uses it with the other qualification (``former President``
    for ``the president``, ``President`` for ``the former president``)."""
    if not (noun in role.split() or noun in role):
        return None
    return (_ROLE_QUAL_RE.search(role) is not None) == (qual is not None)


_MULTI_SENT_RE = re.compile(r"[.!?][”\"’]?\s+[A-Z“\"‘]")


def _is_word_char(ch: str) -> bool:
    return _WORD_CHAR_RE.match(ch) is not None


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


def mask_quotes(text: str, spans: list[MarkSpan]) -> str:
    """``text`` with every quotation's words replaced by ``#`` (final ``.!?`` kept)."""
    parts: list[str] = []
    pos = 0
    for sp in spans:
        s = sp.open_pos + 1 if sp.open_pos is not None else sp.start
        e = sp.close_pos if sp.close_pos is not None else sp.end
        if s < pos or e <= s:
            continue
        parts.append(text[pos:s])
        seg = text[s:e]
        keep = seg.rstrip()
        tail = keep[-1] if keep and keep[-1] in ".!?" else ""
        body = MASK * (len(seg) - len(tail) - (len(seg) - len(keep)))
        parts.append(body + tail + " " * (len(seg) - len(keep)))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def split_sentences(masked: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Sentence ranges of one paragraph of the masked text (abbreviations respected)."""
    out: list[tuple[int, int]] = []
    start = ps
    for m in _SENT_RE.finditer(masked, ps, pe):
        dot = m.start()
        j = dot
        while j > max(ps, dot - 24) and not masked[j - 1].isspace():
            j -= 1
        word = masked[j:dot].lower().strip("(“\"‘")
        if masked[dot] == "." and (word in _ABBREVS or _INITIALS_RE.fullmatch(word)):
            continue
        end = m.end()
        if end > start:
            out.append((start, end))
            start = end
    if start < pe:
        out.append((start, pe))
    return out


def _headline_like(para: str) -> bool:
    """A title-case line without final punctuation (a headline, a section title)."""
    s = para.strip().strip("“”\"‘’'«»„ ")
    if not s or s[-1] in ".!?:;,”\"’)" or len(s) > 200:
        return False
    words = _HEADLINE_WORD_RE.findall(s)
    if len(words) < 2:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6


def _pre_role(m: str, start: int, floor: int) -> str | None:
    """Lower-case role words right before a name (``Kremlin spokesman``, ``former``)."""
    window = m[max(floor, start - 120) : start]
    toks = window.split()
    role: list[str] = []
    seen_noun = False
    n_mod = 0
    for tok in reversed(toks):
        if tok.endswith((",", ".", ";", ":", ")")):
            break
        low = tok.lower()
        if low in PERSON_NOUNS and low not in ("man", "woman", "boy", "girl", "father", "mother", "son", "daughter", "husband", "wife"):
            seen_noun = True
            role.append(tok)
        elif low in _MODIFIERS or low.endswith("-time"):
            role.append(tok)
        elif seen_noun and _CAPWORD_RE.match(tok) and tok not in COMMON_CAPS:
            role.append(tok)
        elif seen_noun and n_mod < 2 and _is_modifier_word(tok) and not _CAPWORD_RE.match(role[-1]):
            role.append(tok)  # ``press secretary``, ``finance minister``
            n_mod += 1
        else:
            break
    while role and _CAPWORD_RE.match(role[-1]) and role[-1] in COMMON_CAPS:
        role.pop()
    if not role or not (seen_noun or any(r.lower() in _MODIFIERS for r in role)):
        return None
    return " ".join(reversed(role))


def _appositive_after(m: str, end: int, limit: int) -> str | None:
    """A role in commas right after a name (``Dmitry Medvedev, Deputy Chairman of …,``)."""
    if end >= limit or m[end] != ",":
        return None
    rest = m[end + 1 : min(limit, end + 160)]
    cut = _APPOS_CUT_RE.search(rest)
    seg = rest[: cut.start()] if cut else rest
    # ``Smith, 34, a teacher from Ohio,``: take the age with what follows it.
    if _AGE_SEG_RE.fullmatch(seg) and cut and rest[cut.start()] == ",":
        more = rest[cut.start() + 1 :]
        c2 = _APPOS_CUT2_RE.search(more)
        seg2 = more[: c2.start()] if c2 else more
        return clean_role(seg2) if looks_like_role(seg2) or 0 < len(seg2.split()) <= 8 else None
    seg = seg.strip()
    if seg and looks_like_role(seg) and not _FINITE_IN_RE.search(seg):
        return seg
    return None


_DOTTED_RE = re.compile(r"^(?:(?:[A-Z]\.){1,3}[A-Z]?\.?|" + _ABBR_TITLES + r"|(?:Jr|Sr|St)\.)$")
"""Tokens that end in a full stop but stay inside a name: ``J.D.``, ``Sen.``, ``Rev.``, ``Jr.``."""
_STOP_MODIFIERS = frozenset(
    """by to and or but nor with that which who whom whose said says told tells as is was were be been
    being has have had his her their its our my your for of in on at from into after before while when
    than then not no so if because about against over under said, says, also just even only will would
    could should may might must can did does do where why how what this these those there here such
    all any both each every many much more most some other another own same very""".split()
)
_NO_FALLBACK_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman spokes representative official source aide adviser advisor
    lawyer attorney agent publicist statement official""".split()
)
_LEAD_JOINERS = frozenset("and but while as when then so because after before since".split())


def _in_name(words: list[str], i: int) -> bool:
    """Can ``words[i]`` belong to the capitalised name that ends the phrase?"""
    w = words[i]
    if _CAPWORD_RE.match(w):
        return True
    if i + 1 >= len(words):
        return False
    if _PARTICLE_RE.match(w):
        return True
    return w == "of" and i > 0 and (words[i - 1] in ORG_WORDS or words[i - 1] in TITLES)


def _is_modifier_word(tok: str) -> bool:
    """A lower-case word that can stand inside a role (``finance`` in ``finance minister``)."""
    return (
        len(tok) >= 3
        and tok.islower()
        and tok.replace("-", "").isalpha()
        and tok not in _STOP_MODIFIERS
        and not tok.endswith("ly")
        and tok not in FINITE_CUES
        and tok not in PARTICIPLE_CUES
    )


def _name_words_ok(words: list[str]) -> bool:
    """All capitalised name tokens (particles allowed inside): ``Tom Zhu``, ``Erik ten Hag``."""
    if not words or not _CAPWORD_RE.match(words[0]) or not _CAPWORD_RE.match(words[-1]):
        return False
    return all(_CAPWORD_RE.match(w) or _PARTICLE_RE.match(w) for w in words) and len(words) <= 6


def _desc_np(start: int, end: int, role_words: list[str], name_words: list[str]) -> _NP | None:
    """``the Argentine``, ``the 24-year-old Briton``: a description, not a name."""
    if (
        len(name_words) == 1
        and role_words
        and role_words[0].lower() in ("the", "this")
        and all(not _CAPWORD_RE.match(w) for w in role_words)
        and is_demonym(name_words[0].rstrip(",.;:"))
    ):
        return _NP(start, end, desc=DEMONYM_DESC)
    return None


DEMONYM_DESC = "*person"


def _role_appos_before(m: str, toks: list[tuple[str, int, int]], k: int, name_end: int) -> _NP | None:
    """``Tesla’s president of automotive, Tom Zhu,``: the name in commas after a role phrase.

    ``toks[k]`` is the token ending with the comma that opens the appositive."""
    inner = m[toks[k][2] : name_end].strip()
    words = inner.split()
    if not _name_words_ok(words):
        return None
    role_toks: list[str] = []
    j = k
    while j >= 0 and len(role_toks) < 9:
        t = toks[j][0]
        if j < k and t.endswith((",", ";", ":", "!", "?", ".")) and not _DOTTED_RE.match(t):
            break
        if "#" in t or "”" in t or '"' in t:
            break
        role_toks.append(t)
        j -= 1
    role_toks.reverse()
    while role_toks and role_toks[0].lower() in _LEAD_JOINERS:
        role_toks.pop(0)
    if not role_toks:
        return None
    role = " ".join(role_toks).rstrip(",")
    if not looks_like_role(role) or _FINITE_IN_RE.search(role):
        return None
    first = role_toks[0]
    if first[:1].islower() and first.lower() not in ("the", "a", "an", "former", "then") and first.lower() not in PERSON_NOUNS:
        return None
    parsed = parse_name(inner)
    if parsed is None or parsed.kind not in ("person", "other"):
        return None
    return _NP(toks[j + 1][1], name_end, name=inner, appos=role)


def np_before(m: str, end: int, floor: int) -> _NP | None:
    """The subject noun phrase that ends right before ``end`` (a speech verb)."""
    window_start = max(floor, end - 260)
    seg = m[window_start:end]
    # Drop adverbs between subject and verb: ``Dmitry Peskov immediately responded``.
    toks = []
    p = len(seg)
    rfind = seg.rfind
    for w in seg.rsplit(None, 24)[-24:][::-1]:
        p = rfind(w, 0, p)
        toks.append((w, window_start + p, window_start + p + len(w)))
    toks.reverse()
    while toks and (toks[-1][0].lower() in ADVERBS or _LY_RE.fullmatch(toks[-1][0])):
        toks.pop()
    if not toks:
        return None
    appos: str | None = None
    # An appositive in commas: ``Konstantin Kosachev, Vice Speaker of …, told``.
    if toks[-1][0].endswith(",") and len(toks) >= 2:
        comma_end = toks[-1][2] - 1
        best = None
        for k in range(len(toks) - 2, max(-1, len(toks) - 16), -1):
            if toks[k][0].endswith(","):
                inner = m[toks[k][2] : comma_end].strip()
                if PARTY_TAG_RE.fullmatch(inner):
                    best = k
                    break
                if looks_like_role(inner) or _WHO_RE.match(inner):
                    best = k
                    appos = inner if looks_like_role(inner) else None
                    break
                ra = _role_appos_before(m, toks, k, comma_end)
                if ra is not None:
                    return ra
        if best is None:
            return None
        toks = toks[: best + 1]
        last, s, e = toks[-1]
        toks[-1] = (last[:-1], s, e - 1)
        # ``Smith, 34, a teacher, said`` → peel a second comma pair (the age).
        if toks[-1][0] and len(toks) >= 2 and (PARTY_TAG_RE.fullmatch(toks[-1][0]) or _AGE_ONLY_RE.fullmatch(toks[-1][0])):
            if toks[-2][0].endswith(","):
                toks = toks[:-1]
                last, s, e = toks[-1]
                toks[-1] = (last[:-1], s, e - 1)
    last = toks[-1][0]
    low = last.lower()
    if low in ("he", "she", "it", "they", "we", "i", "you"):
        # ``and he said`` is fine, ``that he said`` too.
        return _NP(toks[-1][1], toks[-1][2], pron=low)
    parts: list[tuple[str, int, int]] = []
    j = len(toks) - 1
    n_mod = 0
    while j >= 0:
        tok, s, e = toks[j]
        j -= 1
        if tok.endswith((",", ";", ":", ".", "!", "?")) and parts and not _DOTTED_RE.match(tok):
            break
        if tok.startswith("(") and tok.endswith(")") and not parts:
            continue  # ``Sen. Elizabeth Warren (D-Mass.) said``
        t = tok.strip("“”\"")
        lowt = t.lower()
        if lowt in ("of", "from") and parts and j >= 0:
            prev = toks[j][0]
            if _CAPWORD_RE.match(prev) and not prev.endswith((",", ";", ":")):
                bare = prev.rstrip(".")
                if prev in ORG_WORDS or bare in ORG_WORDS or prev in TITLES or bare in TITLES:
                    parts.append((t, s, e))  # ``Bank of America``, ``Secretary of State``
                    continue
                if _CAPWORD_RE.match(parts[-1][0]):
                    parts = []  # ``Sen. Rand Paul of Kentucky``: the affiliation is not the name
                    n_mod = 0
                    continue
            break
        if lowt in ("the", "a", "an", "this", "that"):
            if parts and lowt == "the" and j >= 1 and toks[j][0] in ("of", "from") and _CAPWORD_RE.match(toks[j - 1][0]) \
                    and toks[j - 1][0] not in ORG_WORDS and toks[j - 1][0] not in TITLES and not toks[j - 1][0].endswith(","):
                parts = []  # ``Jane Doe of the University of Michigan said``
                n_mod = 0
                j -= 1
                continue
            if parts:
                parts.append((t, s, e))
            break
        if _CAPWORD_RE.match(t) or _PARTICLE_RE.match(t) or lowt in PERSON_NOUNS or lowt in ORG_NOUNS or lowt in _MODIFIERS or lowt.endswith("-old") or _is_qual_noun(lowt):
            parts.append((t, s, e))
            continue
        if lowt in PLURAL_PEOPLE and not parts:
            return _NP(s, e, vague=True)
        if parts and n_mod < 2 and _is_modifier_word(t):
            nxt = parts[-1][0].lower()
            if nxt in PERSON_NOUNS or nxt in ORG_NOUNS or _is_modifier_word(nxt):
                parts.append((t, s, e))  # ``finance minister``, ``press secretary``, ``central bank``
                n_mod += 1
                continue
        break
    if not parts:
        # ``a spokesperson for the Kremlin said``
        return None
    parts.reverse()
    # Lower-case modifiers at the very front that lead to nothing (``cheered finance``) are dropped.
    start = parts[0][1]
    words = [p[0] for p in parts]
    spk = _SPOKES_RE.search(m, max(floor, start - 60), start)
    # Split: trailing run of capitalised words (and particles) is the name.
    k = len(words)
    while k > 0 and _in_name(words, k - 1):
        k -= 1
    while k < len(words) and _PARTICLE_RE.match(words[k]):
        k += 1
    name_words = words[k:]
    role_words = words[:k]
    if len(name_words) >= 2 and name_words[0] in ("The", "This", "That", "A", "An"):
        role_words = role_words + [name_words[0].lower()]
        name_words = name_words[1:]
    if spk and name_words:
        return _NP(spk.start(), parts[-1][2], name=" ".join(name_words))
    if not name_words:
        det = [w.lower() for w in role_words]
        if det and det[0] in ("the", "this", "that") and len(det) >= 2:
            noun, qual = _desc_noun(det)
            return _NP(start, parts[-1][2], desc=noun, qual=qual)
        if det and det[0] in ("a", "an"):
            return _NP(start, parts[-1][2], vague=True)
        return None
    d = _desc_np(start, parts[-1][2], role_words, name_words)
    if d is not None:
        return d
    if role_words and role_words[0].lower() in ("a", "an", "this", "that"):
        return None
    if _PLACE_PREP_RE.search(m, max(floor, start - 12), start):
        return None  # ``in a speech at Stanford dismissed``: the name is the object of a preposition
    pre = " ".join(w for w in role_words if w.lower() not in ("the",)) or None
    return _NP(start, parts[-1][2], name=" ".join(name_words), pre_role=pre, appos=appos)


_LY_RE = re.compile(r"[a-z]+ly")
_PRONOUNS_AFTER = frozenset(("he", "she", "it", "they", "we", "i"))
_PLACE_PREP_RE = re.compile(r"\b(?:in|at|on|near|inside|outside|during|across|throughout|around|into)\s+(?:the\s+)?$")
_TRAIL_CHARS = ",.;:!?)”\""
_WHO_RE = re.compile(r"(?:who|whose|which)\b")
_AGE_ONLY_RE = re.compile(r"\d{1,3}")
_TRAIL_KEEP_RE = re.compile(r"(?:[A-Z]\.)+|" + _ABBR_TITLES + r"|(?:Jr|Sr|St)\.")
_SPOKES_AFTER_RE = re.compile(
    r"(?:an?|the)\s+(?:[a-z]+\s+)?(?:spokes\w+|representative|official)\s+(?:for|of)\s+(?:the\s+)?(.+)$"
)


def np_after(m: str, start: int, limit: int) -> _NP | None:
    """The noun phrase starting at ``start`` (``said Smith, 34, a teacher``, ``according to X``)."""
    seg_end = min(limit, start + 160)
    i = start
    while i < seg_end and m[i].isspace():
        i += 1
    fm = _WORD_RE.match(m, i, seg_end)
    if fm is None:
        return None
    first = fm.group().rstrip(",.;:!?").lower()
    if first in _PRONOUNS_AFTER:
        return _NP(i, i + len(first), pron=first)
    if first in PLURAL_PEOPLE:
        return _NP(i, fm.end(), vague=True)
    toks: list[tuple[str, int, int]] = []
    p = i
    find = m.find
    for w in m[i:seg_end].split(None, 9)[:9]:
        p = find(w, p)
        toks.append((w, p, p + len(w)))
        p += len(w)
    if not toks:
        return None
    first = toks[0][0].rstrip(",.;:!?").lower()
    if first in ("he", "she", "it", "they", "we", "i"):
        return _NP(toks[0][1], toks[0][1] + len(first), pron=first)
    if first in PLURAL_PEOPLE:
        return _NP(toks[0][1], toks[0][2], vague=True)
    # ``Tesla’s president of automotive, Tom Zhu, wrote``
    for k in range(min(len(toks), 9) if "," in m[i : toks[-1][2]] else 0):
        if toks[k][0].endswith(","):
            if k >= 1:
                nm = NAME_SEQ_RE.match(m, toks[k][2] + 1 if toks[k][2] < seg_end and m[toks[k][2]] == " " else toks[k][2])
                if nm and nm.end() < len(m) and m[nm.end() : nm.end() + 1] in (",",):
                    ra = _role_appos_before(m, toks[: k + 1], k, nm.end())
                    if ra is not None:
                        return ra
            break
    words: list[str] = []
    end = toks[0][1]
    n = len(toks)
    for idx, (tok, s, e) in enumerate(toks):
        t = tok
        trail = ""
        while t and t[-1] in _TRAIL_CHARS and not _TRAIL_KEEP_RE.fullmatch(t):
            trail = t[-1] + trail
            t = t[:-1]
        if not t:
            break
        lowt = t.lower()
        if not words and lowt in ("the", "a", "an", "this"):
            words.append(lowt)
            end = s + len(t)
            continue
        ok = (
            _CAPWORD_RE.match(t)
            or (_PARTICLE_RE.match(t) and words)
            or lowt in PERSON_NOUNS
            or _is_qual_noun(lowt)
            or lowt in _MODIFIERS
            or (lowt in ("the", "a", "an") and not words)
            or lowt.endswith("-old")
            or (lowt in ("spokesperson", "spokesman", "spokeswoman", "for", "of") and words and words[-1].lower() in ("spokesperson", "spokesman", "spokeswoman", "representative", "for", "of"))
        )
        if (
            not ok and lowt == "of" and words and idx + 1 < n and _CAPWORD_RE.match(toks[idx + 1][0])
            and (words[-1] in ORG_WORDS or words[-1] in TITLES)
        ):
            ok = True  # ``Bank of England``, ``Secretary of State``
        if not ok and not trail and _is_modifier_word(lowt):
            # ``said press secretary Karine Jean-Pierre``: a modifier right before a role noun.
            for t2, _, _ in toks[idx + 1 : min(n, idx + 3)]:
                l2 = t2.rstrip(",.;:").lower()
                if l2 in PERSON_NOUNS:
                    ok = True
                    break
                if not _is_modifier_word(l2):
                    break
        if not ok:
            break
        words.append(t)
        end = s + len(t)
        if trail:
            break
    if not words:
        return None
    # ``a spokesperson for the Kremlin``
    joined = " ".join(words)
    sm = _SPOKES_AFTER_RE.match(joined)
    if sm:
        return _NP(toks[0][1], end, name=sm.group(1))
    k = len(words)
    while k > 0 and not _CAPWORD_RE.match(words[k - 1]):
        k -= 1
    while k > 0 and _in_name(words, k - 1):
        k -= 1
    while k < len(words) and _PARTICLE_RE.match(words[k]):
        k += 1
    if k < len(words) and words[k].lower() in ("the",):
        k += 1
    role_words = words[:k]
    name_words = words[k:]
    # Name ends at the first non-capitalised word that is not a particle inside the name.
    cut = len(name_words)
    for j, w in enumerate(name_words):
        if _CAPWORD_RE.match(w):
            continue
        if w == "of" and j > 0 and j + 1 < len(name_words) and _in_name(name_words, j):
            continue
        if _PARTICLE_RE.match(w):
            j2 = j + 1
            while j2 < len(name_words) and _PARTICLE_RE.match(name_words[j2]):
                j2 += 1
            if j2 < len(name_words) and _CAPWORD_RE.match(name_words[j2]):
                continue
        cut = j
        break
    name_words = name_words[:cut]
    if not name_words:
        det = [w.lower() for w in role_words]
        if det and det[0] in ("the", "this") and len(det) >= 2:
            noun, qual = _desc_noun(det)
            return _NP(toks[0][1], end, desc=noun, qual=qual)
        return _NP(toks[0][1], end, vague=True) if det and det[0] in ("a", "an") else None
    d = _desc_np(toks[0][1], end, role_words, name_words)
    if d is not None:
        return d
    pre = " ".join(w for w in role_words if w.lower() not in ("the",)) or None
    if role_words and role_words[0].lower() in ("a", "an"):
        return None
    appos = _appositive_after(m, end, limit)
    return _NP(toks[0][1], end, name=" ".join(name_words), pre_role=pre, appos=appos)


# ------------------------------------------------------------------- the driver
_DASH_RE = re.compile(r"\s*(?:—|–|--|-(?=\s))\s*")
_LEAD_SKIP_RE = re.compile(r"[\s—–\-(\[]*")
_CONT_AFTER_RE = re.compile(r"\s*[a-z]")
_LEAD_WINDOW = 400
"""How far back (characters) a speech cue before a quote is looked for."""
_ATTRIB_AHEAD_RE = re.compile(
    r"\s*[,;]?\s*(?:(?:[\w’'.\-]+\s+){1,4}?(?:" + FINITE_ALT + r")\b|according\s+to\b|(?:"
    + FINITE_ALT + r")\s+(?:he|she|they|the\s|[A-Z]))"
)
_CUE_END_RE = re.compile(r"\b(?:" + FINITE_ALT + r")(?:\s+that)?$")


def _subject_np(m: str, s: int, e: int) -> tuple[int, _NP | None]:
    """Where the subject of the sentence ``[s, e)`` stands (after a dateline and introductory
    phrases), and its noun phrase."""
    dm = _DATELINE_RE.match(m, s, e)
    s0 = dm.end() if dm else s
    im = _INTRO_RE.match(m, s0, e)
    i = im.end() if im else s0
    while i < e and m[i].isspace():
        i += 1
    if i >= e or m[i] in "#“”\"‘’'" or m[i].islower() or m[i].isdigit():
        return i, None
    return i, np_after(m, i, e)


def _sentence_subject(art: Article, s: int, e: int, allow_possessive: bool = False) -> tuple[Who | None, int]:
    """The subject of the sentence ``[s, e)`` (after introductory phrases) and where it stands."""
    m = art.masked
    hit = art.subj_cache.get((s, e))
    if hit is None:
        hit = art.subj_cache[(s, e)] = _subject_np(m, s, e)
    i, np = hit
    if np is None:
        return None, i
    if np.name:
        parsed = parse_name(np.name)
        if parsed is None or (parsed.possessive and not allow_possessive):
            return None, i
        if parsed.kind == "other" and " " not in parsed.name and _COMPANY_NEXT_RE.match(m, np.end, e):
            return Who(parsed.name, "org"), i
    who = art.resolve(np, i, strict=not allow_possessive)
    if who is VAGUE:
        return None, i
    return who, i


def _before_is_coordination(m: str, pos: int, floor: int) -> bool:
    """Is the word before ``pos`` a coordinator (``and said``, ``but added``, ``, adding``)?"""
    seg = m[max(floor, pos - 12) : pos].rstrip()
    return _COORD_END_RE.search(seg) is not None


class _Runner:
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
        who, _ = _sentence_subject(self.art, s, e, allow_possessive=True)
        return who

    def adverbial_subject(self, pos: int, s: int, e: int) -> Who | None:
        """The sentence subject when only adverbials stand between it and the verb at ``pos``
        (``Joe Biden on Friday accused``, ``Cantwell, in a rare interview, warned``)."""
        art = self.art
        hit = art.subj_cache.get((s, e))
        if hit is None:
            hit = art.subj_cache[(s, e)] = _subject_np(self.m, s, e)
        np = hit[1]
        if np is None or np.end > pos or pos - np.end > 120:
            return None
        if _ADVERBIAL_GAP_RE.fullmatch(self.m, np.end, pos) is None or any(
            c.lastgroup != "noun" for c in art.cues_in(np.end, pos)
        ):
            return None
        who, _ = _sentence_subject(art, s, e)
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
        fm = _FINITE_IN_RE.search(m, i, min(end, i + 200))
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
        floor = max(floor, anchor - _LEAD_WINDOW)
        cues = self.art.cues_in(floor, anchor)
        if not cues:
            return None, None, -1
        verbish = [c for c in cues if c.lastgroup != "noun"]
        c = verbish[-1] if verbish else cues[-1]
        kind = c.lastgroup
        word = _WS_RE.sub(" ", c.group(0))
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
            if w.endswith(("’s", "'s")) and _CAPWORD_RE.match(w):
                np = np_before(m, c.start(), floor)
                if np is not None and np.name:
                    np.name = _POSS_END_RE.sub("", np.name)
                    return self.art.resolve(np, c.start()), word, c.start()
        who, _ = _sentence_subject(self.art, s, e)
        return who, word, c.start()


def attribute(text: str, spans: list[MarkSpan], body_start: int = 0) -> list[Found]:
    """Decide speaker, role, cue, partial and kind for every span of ``text``."""
    art = Article(text, spans, body_start)
    art.prepare()
    m = art.masked
    run = _Runner(art)
    n = len(spans)
    results = [Found() for _ in spans]
    anchors = [sp.open_pos if sp.open_pos is not None else sp.start for sp in spans]
    q_sent = [-1] * n
    q_para = [art.para_of(a) for a in anchors]
    para_cue: dict[int, tuple[Who, str, int]] = {}
    qi = 0
    for si, (s, e, pi) in enumerate(art.sents):
        ps, pe = art.paras[pi]
        headline = pi in art.headline_paras or e <= body_start
        run.sent_speakers = []
        if not headline:
            who, pos = _sentence_subject(art, s, e)
            art.sent_subjects[si] = who
            art.add_event(pos, who)
        used: set[int] = set()
        while qi < n and anchors[qi] < e:
            q = qi
            qi += 1
            sp = spans[q]
            q_sent[q] = si
            anchor = anchors[q]
            floor = s
            if q > 0 and q_sent[q - 1] == si:
                floor = max(s, spans[q - 1].outer_end)
            trail_s = sp.close_pos + 1 if sp.close_pos is not None else sp.end
            trail_e = max(trail_s, min(e, anchors[q + 1] if q + 1 < n else e, trail_s + _LEAD_WINDOW))
            res = results[q]
            who: Who | None = None
            cue: str | None = None
            cue_pos = anchor
            # 1. after the closing mark
            if sp.close_pos is not None:
                who, cue, cue_pos = run.trail(trail_s, trail_e, anchor, s, e)
                if who is None and not m[trail_s:trail_e].strip(" ,;:—–-") and sp.end >= e - 2:
                    # ``“We will win.” Smith said.`` — a short attribution sentence right after.
                    nxt = next(((a, b) for a, b, p2 in art.sents[si + 1 : si + 2] if p2 == pi), None)
                    if nxt and len(m[nxt[0] : nxt[1]].split()) <= 6:
                        who, cue, cue_pos = run.trail(nxt[0], nxt[1], anchor, nxt[0], nxt[1])
            how = "trail" if who is not None else ""
            # 2. earlier in the sentence
            if who is None:
                w2, c2, p2 = run.lead(floor if floor > s else s, anchor, s, e)
                if w2 is None and floor > s:
                    w2, c2, p2 = run.lead(s, anchor, s, e)
                if w2 is not None:
                    who, cue, cue_pos, how = w2, c2, p2, "lead"
                    used.add(p2)
            # 3. a participle right after the quote
            if who is None and sp.close_pos is not None:
                j = trail_s
                while j < trail_e and (m[j].isspace() or m[j] in ",;"):
                    j += 1
                pm = _PART_FIRST_RE.match(m, j, trail_e)
                if pm:
                    w3 = run.clause_subject(anchor, s, e)
                    if w3 is not None:
                        who, cue, cue_pos, how = w3, pm.group("part"), pm.start("part"), "part"
            if who is VAGUE:
                who, how = None, "vague"
            lead_text = m[max(floor, anchor - _LEAD_WINDOW) : anchor]
            starts_sentence = _LEAD_SKIP_RE.fullmatch(lead_text) is not None
            # 4. continued / floating quotes
            if who is None and how != "vague" and starts_sentence and not headline:
                prev = q - 1
                if prev >= 0 and results[prev].speaker and results[prev].kind == "speech":
                    same_para = q_para[prev] == q_para[q]
                    if (same_para and si - q_sent[prev] <= 1) or (
                        not same_para
                        and q_para[q] - q_para[prev] == 1
                        and anchor <= ps + 1
                        and (spans[prev].close_pos is None or _few_words_after(m, spans[prev].outer_end, art.paras[q_para[prev]][1]))
                    ):
                        res.speaker, res.role, res.cue = results[prev].speaker, results[prev].role, results[prev].cue
                        how = "cont"
                if not res.speaker and anchor <= ps + 1 and pi - 1 in para_cue:
                    pw, pc, _ = para_cue[pi - 1]
                    res.speaker, res.cue = pw.name, pc
                    res.role = art.role_of(pw.name) if pw.kind == "person" else None
                    how = "prev"
            if who is not None:
                res.speaker = who.name
                res.cue = cue.lower() if cue else None
                res.role = (art.role_of(who.name) or who.role) if who.kind == "person" else None
                art.add_event(cue_pos, who, speaker=True)
                run.sent_speakers.append((max(cue_pos, anchor), who))
            _shape(res, text, m, sp, floor, anchor, trail_s, trail_e, headline or anchor < body_start, how)
        # Speech cues outside quotes: ``Kosachev told Sputnik.``, ``according to Kosachev``.
        if not headline:
            ends_colon = m[max(s, e - 8) : e].rstrip().endswith(":")
            for c in art.cues_in(s, e):
                if c.start() in used or c.lastgroup not in ("finite", "according", "pointed"):
                    continue
                if c.lastgroup == "according":
                    who2 = art.resolve(np_after(m, c.end(), e), c.start())
                else:
                    who2 = art.resolve(np_before(m, c.start(), s), c.start())
                if who2 is not None and who2 is not VAGUE:
                    if who2.kind == "person" and who2.role is None:
                        pass
                    art.add_event(c.start(), who2, speaker=True)
                    if e >= pe - 1 and (ends_colon or len(m[c.end() : min(e, c.end() + 80)].split()) <= 4):
                        para_cue[pi] = (who2, _WS_RE.sub(" ", c.group(0)), c.start())
                    else:
                        para_cue.pop(pi, None)
    return results


def _few_words_after(m: str, start: int, end: int) -> bool:
    """Only an attribution (a handful of words) follows the quote in its paragraph."""
    return len(m[start:end].split()) <= 8


def _shape(res: Found, text: str, m: str, sp: MarkSpan, floor: int, anchor: int, trail_s: int, trail_e: int, headline: bool, how: str) -> None:
    """Set ``partial`` and ``kind`` for one quote."""
    content = text[sp.start : sp.end]
    lead = m[max(floor, anchor - _LEAD_WINDOW) : anchor]
    lead_r = lead.rstrip()
    embedded_before = bool(lead_r) and lead_r[-1].isalnum() and len(lead_r) < len(lead)
    words = content.split()
    multi = _MULTI_SENT_RE.search(content) is not None
    after = m[trail_s:trail_e]
    continues_after = (
        sp.close_pos is not None
        and _CONT_AFTER_RE.match(after) is not None
        and how not in ("trail", "vague")
        and _ATTRIB_AHEAD_RE.match(after) is None
    )
    partial = False
    if embedded_before and _CUE_END_RE.search(lead_r):
        partial = len(words) <= 2
    elif embedded_before:
        partial = not ((content[:1].isupper() and len(words) >= 6) or multi)
    elif continues_after and len(words) <= 5:
        partial = True
    res.partial = partial
    if res.speaker:
        res.kind = "speech"
        return
    if headline:
        res.kind = "term"
        return
    if TERM_LEAD_RE.search(lead_r[-40:] + " ") or TERM_LEAD_RE.search(lead_r[-40:]):
        res.kind = "term"
        res.partial = True
        return
    if partial:
        res.kind = "term"
        return
    if embedded_before and continues_after:
        res.kind = "term"
        res.partial = True
        return
    if not sp.double and (len(words) <= 4 or embedded_before):
        res.kind = "term"
        res.partial = embedded_before or continues_after
        return
    res.kind = "speech"
