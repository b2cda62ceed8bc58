"""What the article has said so far: its structure (masked text, paragraphs, sentences, cues), who
was the subject or the speaker of each sentence, and the lookups over the people it names (full
names for surnames, roles, genders) and how pronouns and descriptions resolve to them. Collecting
those people is :mod:`.people`'s part."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .phrases.after import subject_np
from .phrases.common import is_word_char, NP
from .phrases.names import ParsedName
from .phrases.roles import clean_role
from . import coreference
from .cues import cue_letters, CUE_RE, is_cue, scan_cues
from .gender import FEMALE_FIRST, gender_of, MALE_FIRST
from .marks import MarkSpan, paragraphs
from .people import collect_mentions, collect_people, collect_quoted_people, count_gender_votes, Mention, one_person
from .sentences import headline_like, mask_quotes, SENTENCE_ENDS, split_paragraphs
from .words import GENERIC_ORG_WORDS, split_tokens

__all__ = ["Article", "Event", "Mention", "splits_word", "VAGUE", "Who"]


def splits_word(m: str, b: int) -> bool:
    """Does the offset ``b`` of ``m`` stand inside a word (a word character on both sides)?"""
    if 0 < b < len(m):
        c = m[b - 1]
        if c.isalnum() or c == "_":
            c = m[b]
            return c.isalnum() or c == "_"
    return False


_gender_of = lru_cache(maxsize=8192)(gender_of)
""":func:`~.gender.gender_of` (a pure function of a name and a role), remembered per pair: an article's
speakers and subjects recur with the same role, event after event."""


_UNSEEN = object()
"""What a memo's ``get`` returns for a key not worked out yet."""


_MATCH_START = re.Match.start
"""Where a match starts, as a function of the match (for ``map``)."""


_CUE_READ_AHEAD = 1000
"""How far past what is asked :meth:`Article.read_cues` reads on (characters): a few paragraphs per
scan, so an article is scanned in a few runs, and its end after the last quotation not at all."""


@dataclass(slots=True)
class Who:
    """A resolved speaker."""

    name: str
    kind: str  # "person", "org" or "unnamed" (a source described, not named: ``a senior official``)
    role: str | None = None


VAGUE = Who("", "vague")
"""Sentinel: the subject was found but names nobody (``officials said``, ``they said``)."""


@dataclass(slots=True)
class Event:
    """A person or organisation that was the subject of a sentence or a speaker, and where."""

    pos: int
    para: int
    who: Who
    speaker: bool = False


@dataclass(slots=True)
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
    by_given: dict[str, set[str]] = field(default_factory=dict)
    """Full names by their first word: ``Wang`` → ``Wang Ping`` (family name first), ``Hillary`` →
    ``Hillary Clinton``; used when no full name ends with the word."""
    full_mentions: list[tuple[int, str]] = field(default_factory=list)
    """Where each person is named in full, in reading order."""
    mid_sentence: set[str] = field(default_factory=set)
    """Full names seen inside a sentence (not only as its first words, where a capitalised common
    word can pass for a given name)."""
    events: list[Event] = field(default_factory=list)
    headline_paras: set[int] = field(default_factory=set)
    _gender: dict[str, str | None] = field(default_factory=dict)
    org_mentions: list[tuple[int, int, str]] = field(default_factory=list)
    subj_cache: dict[tuple[int, int], tuple[int, "NP | None"]] = field(default_factory=dict)
    cues: list[re.Match[str]] = field(default_factory=list)
    """Every match of :data:`~.cues.CUE_RE` outside the quotations that starts before
    :attr:`cues_read_to`, in reading order, whether or not :func:`~.cues.is_cue` takes it (asked when
    first needed: :meth:`_is_cue`). Read in runs of paragraphs as far as asked (:meth:`read_cues`):
    most articles' last paragraphs, after their last quotation, are never asked about."""
    cues_read_to: int = 0
    """Every cue that starts before this offset is in :attr:`cues` (:meth:`read_cues` reads on)."""
    _cues_para: int = 0
    """The next paragraph whose cues :meth:`read_cues` reads."""
    _letters: bytes = b""
    """The masked text's :func:`~.cues.cue_letters` (made when cues are first read)."""
    cue_starts: list[int] = field(default_factory=list)
    _cue_ok: bytearray = field(default_factory=bytearray)
    """Per match of :attr:`cues`, what :func:`~.cues.is_cue` answered: 0 not asked yet, 1 yes, 2 no
    (most articles' cues after their last quotation are never asked about)."""
    _roles: dict[str, str | None] = field(default_factory=dict)
    homes: dict[str, str | None] = field(default_factory=dict)
    """Per surname, the state the article ties that person to (:func:`~.places.home_state`), when asked."""
    sent_starts: list[int] = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    para_last_sent: list[int] = field(default_factory=list)
    """Per paragraph, the index of its last sentence."""
    sent_subjects: dict[int, Who | None] = field(default_factory=dict)
    named: list[tuple[int, ParsedName]] = field(default_factory=list)
    """Where each capitalised phrase that may name a person stands and its parse, in reading order
    (what :attr:`mentions` is made of, when first asked)."""
    _mentions: list[Mention] | None = None
    _mention_starts: list[int] = field(default_factory=list)
    _votes: dict[str, list[int]] | None = None
    """Per full name, the sentences whose ``he`` or ``she`` vote for that person's gender (counted
    the first time a gender is not known otherwise: most articles never need them)."""
    _lowercase: dict[str, bool] = field(default_factory=dict)
    """What :meth:`used_lowercase` answered, per word."""
    _quoted: dict[str, set[str]] | None = None
    _canon: dict[str, str | set[str]] = field(default_factory=dict)
    """Per surname, what :meth:`canon_person` found that does not depend on where it stands."""
    titled: set[str] = field(default_factory=set)
    """Surnames the article gives a title or an honorific (``President Obama``, ``Mr. Trump``)."""
    places: set[str] = field(default_factory=set)
    """Towns the article names with their state or country (``Nashua, N.H.``): never speakers."""
    org_words: dict[str, bool] = field(default_factory=dict)
    """Per lone name asked about, whether the article's own words make it an organisation
    (:func:`~.organisations.org_by_evidence`)."""

    # ------------------------------------------------------------------ set-up
    def prepare(self) -> None:
        """Mask quotes, split paragraphs and sentences, and collect the people named."""
        self.masked = mask_quotes(self.text, self.spans)
        self.paras = paragraphs(self.text)
        self.para_starts = [ps for ps, _ in self.paras]
        text = self.text
        all_sents = self.sents
        starts = self.sent_starts
        last = self.para_last_sent
        for pi, ((ps, pe), sents) in enumerate(zip(self.paras, split_paragraphs(self.masked, self.paras))):
            if text[pe - 1] not in SENTENCE_ENDS and headline_like(text[ps:pe]):  # (most end with a stop)
                self.headline_paras.add(pi)
            for s, e in sents:  # (a loop, not two comprehensions: each is a function call per paragraph)
                all_sents.append((s, e, pi))
                starts.append(s)
            last.append(len(all_sents) - 1)
        collect_people(self)

    @property
    def mentions(self) -> list[Mention]:
        """Every person named outside the quotations, in reading order. Worked out when first asked
        (most articles resolve every pronoun from their speakers and subjects, and never ask)."""
        if self._mentions is None:
            self._mentions = collect_mentions(self)
            self._mention_starts = [mn.pos for mn in self._mentions]
        return self._mentions

    def quoted_people(self) -> dict[str, set[str]]:
        """People named in full only inside quotations or in a headline, by surname (see
        :func:`.people.collect_quoted_people`; worked out when first asked)."""
        if self._quoted is None:
            self._quoted = collect_quoted_people(self)
        return self._quoted

    def _gender_votes(self) -> dict[str, list[int]]:
        """Per full name, the sentences whose ``he`` or ``she`` vote for that person's gender (see
        :func:`.people.count_gender_votes`; counted once, when first asked)."""
        if self._votes is None:
            self._votes = count_gender_votes(self)
        return self._votes

    def mentions_before(self, pos: int, lo: int) -> list[Mention]:
        """The mentions of people between ``lo`` and ``pos``, in reading order."""
        mentions = self.mentions
        i = bisect_left(self._mention_starts, pos)
        j = bisect_left(self._mention_starts, lo)
        return mentions[j:i]

    def subject(self, s: int, e: int) -> tuple[int, NP | None]:
        """Where the subject of the sentence ``[s, e)`` stands and its noun phrase (cached)."""
        hit = self.subj_cache.get((s, e))
        if hit is None:
            hit = self.subj_cache[(s, e)] = subject_np(self.masked, s, e)
        return hit

    def letters(self) -> bytes:
        """The masked text's :func:`~.cues.cue_letters`: every ASCII letter kept, every other
        character a space, one byte per character (made once, on first use)."""
        if not self._letters:
            self._letters = cue_letters(self.masked)
        return self._letters

    def read_cues(self, b: int) -> None:
        """Read the cues of every paragraph that starts before ``b`` and is not read yet, and of those
        that start within :data:`_CUE_READ_AHEAD` characters after it (one scan for a run of
        paragraphs: only white space stands between them, so no cue starts outside one)."""
        letters = self.letters()
        paras = self.paras
        k = j = self._cues_para
        ahead = b + _CUE_READ_AHEAD
        while j < len(paras) and paras[j][0] < ahead:
            j += 1
        if j > k:
            found = scan_cues(self.masked, letters, paras[k][0], paras[j - 1][1])
            if found:
                self.cues.extend(found)
                self.cue_starts.extend(map(_MATCH_START, found))  # (no comprehension: a function made per call)
                self._cue_ok.extend(bytes(len(found)))
        self._cues_para = j
        self.cues_read_to = paras[j][0] if j < len(paras) else len(self.masked) + 1

    def _is_cue(self, i: int) -> bool:
        """``is_cue(masked, cues[i])``, asked once."""
        ok = self._cue_ok[i]
        if not ok:
            ok = self._cue_ok[i] = 1 if is_cue(self.masked, self.cues[i]) else 2
        return ok == 1

    def cues_in(self, a: int, b: int, kinds: frozenset[str] | None = None) -> list[re.Match[str]]:
        """``[c for c in CUE_RE.finditer(masked, a, b) if is_cue(masked, c)]``, from the article-wide
        cue index (what :meth:`iter_cues` yields, listed in one loop: most callers ask for a
        sentence's cues, and a sentence holds few). ``kinds``: only the cues of those groups
        (``c.lastgroup``), the others not asked :func:`~.cues.is_cue` of."""
        m = self.masked
        if 0 < b < len(m) and (m[b - 1].isalnum() or m[b - 1] == "_") and (m[b].isalnum() or m[b] == "_"):  # (splits_word)
            return [c for c in CUE_RE.finditer(m, a, b) if (kinds is None or c.lastgroup in kinds) and is_cue(m, c)]
        if b > self.cues_read_to:
            self.read_cues(b)
        starts = self.cue_starts
        i = bisect_left(starts, a)
        j = bisect_left(starts, b, i)
        if i == j:
            return []  # (most sentences hold no cue)
        cues = self.cues
        ok = self._cue_ok
        out = []
        for k in range(i, j):
            c = cues[k]
            if kinds is not None and c.lastgroup not in kinds and c.end() <= b:
                continue  # (a cue running past ``b`` is read as below, whatever its kind)
            answer = ok[k]
            if not answer:
                answer = ok[k] = 1 if is_cue(m, c) else 2
            if answer == 1:
                if c.end() > b:
                    out.extend(x for x in CUE_RE.finditer(m, c.start(), b) if (kinds is None or x.lastgroup in kinds) and is_cue(m, x))
                    return out
                out.append(c)
        return out

    def iter_cues(self, a: int, b: int) -> Iterator[re.Match[str]]:
        """The cues of :meth:`cues_in` one at a time, for a caller that stops at the first that fits
        (a long sentence is not listed whole for each of its quotations)."""
        m = self.masked
        if splits_word(m, b):
            yield from (c for c in CUE_RE.finditer(m, a, b) if is_cue(m, c))
            return
        if b > self.cues_read_to:
            self.read_cues(b)
        cues = self.cues
        i = bisect_left(self.cue_starts, a)
        while i < len(cues):
            c = cues[i]
            if c.start() >= b:
                return
            if self._is_cue(i):
                if c.end() > b:
                    yield from (x for x in CUE_RE.finditer(m, c.start(), b) if is_cue(m, x))
                    return
                yield c
            i += 1

    # ---------------------------------------------------------------- lookups
    def canon_person(self, name: str, pos: int | None = None, gender: str | None = None, *, recent: bool = True) -> str:
        """The full name a surname-only mention stands for, when the article names such a person in
        full (``Medvedev`` → ``Dmitry Medvedev``; ``Wang`` → ``Wang Ping``).

        Of several people with that surname (``Bill`` and ``Hillary Clinton``, ``Carly`` and her
        husband ``Frank Fiorina``): the one an honorific's gender fits (``Mrs. Clinton``), else the
        one the article named as the subject or speaker of this sentence or the one before, else the
        one it named in full most often before ``pos``, else the one it introduced first: news prose
        keeps the bare surname for the person it introduced first and names the others in full.
        ``recent=False`` leaves the speakers and subjects out (a mention read as :meth:`prepare`
        would have read it, before any was known)."""
        if " " in name or "\u00a0" in name:
            return name
        hit = self._canon.get(name)
        if hit is None:
            hit = self._canon[name] = self._candidates(name)
        if isinstance(hit, str):
            return hit
        cands = hit
        if gender is not None:
            fitting = {c for c in cands if self.gender_of_name(c) == gender}
            if len(fitting) == 1:
                return next(iter(fitting))
            cands = fitting or cands
        order = [full for _, full in self.full_mentions if full in cands]
        if pos is None:
            return order[0] if order else name
        si = self.sent_of(pos)
        lo = self.sents[si - 1 if si > 0 else 0][0] if self.sents else 0
        spoke = [ev.who.name for ev in self.events if lo <= ev.pos < pos and ev.who.name in cands] if recent else []
        if spoke:
            return spoke[-1]  # ``Bill Clinton spoke first. “…,” Clinton said.``
        named = [full for start, full in self.full_mentions if start < pos and full in cands]
        if named:
            counts: dict[str, int] = {}
            for full in named:
                counts[full] = counts.get(full, 0) + 1
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                return ranked[0][0]
        return order[0] if order else name

    def _candidates(self, word: str) -> str | set[str]:
        """The full name ``word`` stands for wherever it stands (a string), or the full names it may
        stand for, to be chosen by position (a set of two or more)."""
        cands = self.by_surname.get(word) or self.by_given.get(word, set())
        if len(cands) > 1:
            # ``See Sexton``, ``Understated Perez``: a capitalised word opening a sentence before
            # the surname names nobody; a full name also seen inside a sentence, given a role or
            # opening with a known given name is surer.
            cands = {c for c in cands if not self.used_lowercase(split_tokens(c)[0])} or cands
            cands = {c for c in cands if self._sure_name(c)} or cands
        if len(cands) == 1:
            return next(iter(cands))
        if not cands:
            quoted = self.quoted_people().get(word, set())
            return next(iter(quoted)) if len(quoted) == 1 else word
        if one_person(cands):
            # ``Ken Starr`` and ``Kenneth Starr``: one person, named the way the article names him most.
            # The body's spelling counts before the title's (``Francois Hollande Says …`` over the
            # body's ``French President François Hollande``).
            counts = {
                c: (sum(1 for at, full in self.full_mentions if full == c and at >= self.body_start),
                    sum(1 for _, full in self.full_mentions if full == c))
                for c in cands
            }
            return max(sorted(cands), key=lambda c: counts[c])
        return set(cands)

    def _sure_name(self, name: str) -> bool:
        """Is ``name`` surely a person's full name (seen inside a sentence, given a role or an
        appositive, or opening with a known given name), not a capitalised word before a surname?"""
        first = split_tokens(name)[0]
        return (
            name in self.mid_sentence
            or name in self.appos_roles
            or bool(self.people.get(name))
            or first in FEMALE_FIRST
            or first in MALE_FIRST
        )

    def canon_org(self, name: str) -> str | None:
        """The full name of an organisation the article names in short (``Times`` → ``New York
        Times``, ``Post`` → ``Washington Post``); ``None`` for a bare generic word the article never
        completes (``Daily``, ``Ministry``)."""
        toks = split_tokens(name)
        if len(toks) > 1 and not GENERIC_ORG_WORDS.issuperset(toks):  # (no generator made per call)
            return name
        fuller = {
            full for _, _, full in self.org_mentions
            if full != name and split_tokens(full)[-len(toks):] == toks and len(split_tokens(full)) > len(toks)
        }
        if len(fuller) == 1:
            return next(iter(fuller))
        if GENERIC_ORG_WORDS.issuperset(toks):
            return None
        return name

    def used_lowercase(self, word: str) -> bool:
        """Does the article also write ``word`` in lower case (a common word, not a name)?  That is,
        is ``word.lower()`` three or more ASCII letters that stand somewhere outside the quotations
        as a whole word (``\\b[a-z]{3,}\\b``)?  Looked up per word, not by listing every word."""
        w = word.lower()
        hit = self._lowercase.get(w)
        if hit is None:
            hit = self._lowercase[w] = (
                len(w) >= 3 and w.isascii() and w.isalpha() and w.islower() and self._whole_word(w)
            )
        return hit

    def _whole_word(self, w: str) -> bool:
        """Does ``w`` stand in the masked text with no word character on either side?"""
        m = self.masked
        size = len(w)
        at = m.find(w)
        while at >= 0:
            if (at == 0 or not is_word_char(m[at - 1])) and (at + size == len(m) or not is_word_char(m[at + size])):
                return True
            at = m.find(w, at + 1)
        return False

    def role_of(self, name: str) -> str | None:
        """The role the article gives this person anywhere (appositive first, then titles)."""
        r = self._roles.get(name, _UNSEEN)
        if r is _UNSEEN:
            r = self._roles[name] = self._role_of(name)  # (a miss raises no ``KeyError``)
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
        i = bisect_right(self.sent_starts, pos) - 1  # (``bisect_left(…, pos + 1)``: the starts are whole numbers)
        return i if i > 0 else 0

    def para_of(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (or the one before it)."""
        i = bisect_right(self.para_starts, pos) - 1
        return i if i > 0 else 0

    def add_event(self, pos: int, who: Who | None, speaker: bool = False, para: int | None = None) -> None:
        """Remember that ``who`` was a subject (or a speaker) at ``pos`` (in paragraph ``para``, when
        the caller knows it)."""
        if who is None or who.kind not in ("person", "org", "unnamed"):
            return
        if who.kind == "person" and who.role and self._gender.get(who.name) is None:
            g = _gender_of(who.name, who.role)
            if g is not None:
                self._gender[who.name] = g  # ``his wife, Gabriela Lazar, wrote``: a later ``he`` is not her
        self.events.append(Event(pos, self.para_of(pos) if para is None else para, who, speaker))

    def gender(self, who: Who) -> str | None:
        """``f``/``m`` for a person when the first name, a title, a role or the article's own
        pronouns say so."""
        return self.gender_of_name(who.name, who.role)

    def gender_of_name(self, name: str, role: str | None = None) -> str | None:
        """``f``/``m`` for the person of that name (see :meth:`gender`)."""
        g = self._gender.get(name, "?")
        if g == "?":
            g = _gender_of(name, " ".join(x for x in (self.role_of(name), role, *(self.people.get(name) or ())) if x))
            if g is None:
                male, female = self._gender_votes().get(name, (0, 0))
                if male > 2 * female:
                    g = "m"
                elif female > 2 * male:
                    g = "f"
            self._gender[name] = g
        return g

    # ------------------------------------------------------------- resolution
    def resolve(self, np: NP | None, pos: int, strict: bool = False) -> Who | None:
        """Turn a located noun phrase into a speaker (``VAGUE`` for plural/unnamed subjects)."""
        return coreference.resolve(self, np, pos, strict)

    def resolve_person(self, pos: int, noun: str | None = None, gender: str | None = None, qual: str | None = None) -> Who | None:
        """The person a pronoun or a description (``the senator``) at ``pos`` stands for."""
        return coreference.resolve_person(self, pos, noun, gender, qual)
