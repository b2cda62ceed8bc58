"""Roles: titles and descriptions around a name (``Kremlin spokesman Dmitry Peskov``, ``Smith, 34, a
teacher from Ohio``), tidied for display, and whether a description fits a role (``the senator``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..phrases.common import DOTTED_RE, FINITE_IN_RE, is_capword, is_modifier_word, is_particle, MODIFIERS, NP
from ..phrases.name_scan import iter_names, NAME_SEQ_RE
from ..phrases.names import is_headline_verb, parse_name
from ..cues import FINITE_CUES
from ..words import COMMON_CAPS, PERSON_NOUNS, split_tokens, TITLES



_AGE_RE = re.compile(r"^\d{1,3}(?:,|$)")


_ABBR_END_RE = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Z]\.)+[A-Z]?)\.$")


_WHO_ROLE_RE = re.compile(r"(?:who|which|whose|that)\s+(?!is\b|was\b|are\b|were\b)", re.IGNORECASE)


_RELATIVE_IN_ROLE_RE = re.compile(r"\s(?<=\S\s)\s*(?:who|whom|whose|which|that)\b")
"""A relative clause after the head of a role (``a retiree who worked at the plant``): not part of it."""


_ROLE_LEAD1_RE = re.compile(r"^(?:who\s+is|who’s|who's|who\s+was|now|currently)\s+", re.IGNORECASE)


_ROLE_LEAD2_RE = re.compile(r"^(?:now|currently)\s+", re.IGNORECASE)


_ROLE_AGE_RE = re.compile(r"^\d{1,3},\s*")


_ROLE_ART_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _clean_role(role: str) -> str | None:
    r = role.strip(" ,;:")
    if r.endswith(".") and not _ABBR_END_RE.search(r):
        r = r[:-1]
    if _WHO_ROLE_RE.match(r):
        return None  # ``who ran a pilot project …``: a clause, not a title
    cut = _RELATIVE_IN_ROLE_RE.search(r)
    if cut is not None:
        r = r[: cut.start()].rstrip(" ,")  # ``oncologist who advised Obama …``: the role is ``oncologist``
    r = _ROLE_LEAD1_RE.sub("", r)
    r = _ROLE_LEAD2_RE.sub("", r)
    r = _ROLE_AGE_RE.sub("", r)
    r = _ROLE_ART_RE.sub("", r)
    r = r.strip(" ,;:")
    if r.endswith(".") and not _ABBR_END_RE.search(r):
        r = r[:-1]
    if _NOT_ROLE_RE.fullmatch(r):
        return None
    words = r.split()
    if words and words[0].isupper():
        words = _after_headline(words)  # ``KILLED IN DEADLY ISTANBUL EXPLOSION Turkish President``
        r = " ".join(words)
    if len(words) > 1 and words[-1] in _COURTESY:
        r = " ".join(words[:-1])  # ``Breitbart News National Security editor Dr.``: ``Dr.`` is the name's
    return r or None


def _after_headline(words: list[str]) -> list[str]:
    """``words`` without a headline in capitals run on before them (three words of three letters or more
    in capitals, then a word that is not): ``KILLED IN DEADLY EXPLOSION Turkish President`` →
    ``Turkish President``; ``FBI Director`` stays as it is."""
    k = 0
    while k < len(words) and not any(c.islower() for c in words[k]):
        k += 1
    if k == len(words) or sum(1 for w in words[:k] if len(w) >= 3 and w.isalpha()) < 3:
        return words
    return words[k:]


_COURTESY = frozenset("Dr. Dr Mr. Mr Mrs. Mrs Ms. Ms Rev. Rev".split())
"""Courtesy titles: part of how a person is named, not of a role that goes before them."""


def clean_role(role: str | None) -> str | None:
    """Tidy a role: drop leading articles, ages, relative pronouns, trailing punctuation."""
    if not role:
        return None
    return _clean_role(role)


_NOT_ROLE_RE = re.compile(r"\(?(?:\d{1,3}|[DRI]-[A-Z][\w.\- ]{0,20}|[DRI]|aged?\s+\d{1,3})\)?")


PARTY_TAG_RE = re.compile(r"\(?[DRI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)?,?")
"""A party/state tag (``D-Mass.``, ``(R-Texas)``): neither a name nor a role."""


_ROLE_HEAD_RE = re.compile(
    r"^(?:(?:who\s+is|who\s+was|who’s|who's|now|currently|the|a|an|former|then|acting|interim|\d{1,3},)\s+)*"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)


_CLAUSE_VERBS = frozenset("is was are were be been has have had will would could should can may might must did does".split())
"""Auxiliaries: a phrase holding one is a clause, never a role."""


_ROLE_PREPOSITIONS = frozenset("of for at against with to from in on under by about over".split())
"""Prepositions: a role's head comes before them (``head of …``, ``spokesman for …``)."""


_AGENT_RE = re.compile(r"[a-z\-]{3,}(?:ologist|ist|ician|eer|ster)")
"""Nouns of people by their suffix: ``psychologist``, ``strategist``, ``technician``, ``pollster``."""


@lru_cache(maxsize=8192)
def looks_like_role(text: str) -> bool:
    """Is ``text`` (an appositive) a title or description of a person?  Remembered per text, like
    :func:`clean_role`'s answers (the same appositive is read by the name pass, by the readers of the
    phrases before and after a verb, and again at each mention).

    ``Deputy Chairman of Russia’s Security Council``, ``the head of Russian foreign
    policy``, ``34, a teacher from Ohio`` are; ``known for his erratic decisions`` is not.
    """
    t = text.strip(" ,")
    if not t or len(t) > 160:
        return False
    words = t.split()
    if len(words) > 20:
        return False
    m = _ROLE_HEAD_RE.match(t)
    rest_text = m.group("rest") if m else t
    rest = rest_text.split()
    if not rest:
        return bool(_AGE_RE.match(t))
    rel = _RELATIVE_IN_ROLE_RE.search(rest_text)
    if any(w.lower() in _CLAUSE_VERBS for w in (rest_text[: rel.start()] if rel else rest_text).split()):
        return False  # ``the men were wearing shirts``: a clause, not a description (``who was …`` is fine)
    if len(words) <= 8 and words[0].lower() in ("a", "an", "the") and not any(w.strip(",.") in FINITE_CUES for w in words):
        return True  # ``a retired astronaut``, ``an old friend of the family``, ``the No. 2 in the party``
    if len(rest) > 1 and rest[0].lower().endswith("ing") and rest[1].lower() in _ROLE_PREPOSITIONS:
        return False  # ``running against Missouri Republican Roy Blunt``: a clause about another person
    head = rest[:5]
    for w in head:
        bare = w.strip(",.;:’'").lower()
        if bare in PERSON_NOUNS or w.strip(",.") in TITLES and w[:1].isupper() or _AGENT_RE.fullmatch(bare):
            return True
        if bare.endswith(("-old",)):
            return True
    return bool(_AGE_RE.match(t)) and len(words) <= 10


_APPOS_CUT_RE = re.compile(r"[,;.:()](?:\s|$)|[,;:()#“”\"]|\s(?:said|says|told|who\s+(?:said|has|had|was|is)\b)")


_APPOS_CUT2_RE = re.compile(r"[,;.:()](?:\s|$)|[;:()#“”\"]|\s(?:said|says|told)\b")


_AGE_SEG_RE = re.compile(r"\s*\d{1,3}\s*")


_AGE_ROLE_OPENERS = frozenset("a an the of from in at and with".split())
"""Words a role after an age may open with when no comma closes it (``said Tom Hale, 34, a teacher from
Ohio.``, ``…, 45, of Leeds.``)."""


_QUALIFIERS = frozenset("former ex then late onetime one-time erstwhile".split())


_QUAL_PREFIX_RE = re.compile(r"(ex|then|former)-([a-z]+)$")


_ROLE_QUAL_RE = re.compile(r"\b(?:former|late|onetime|one-time|erstwhile|then)\b|\b(?:ex|then|former)-", re.IGNORECASE)


_OF_COUNT_RE = re.compile(r"([a-z]+)-of-(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})$")
"""``mother-of-two``, ``father-of-three``, ``grandmother-of-five``: a person described by a count of
their kin, written as one word (British and wire style); the noun before ``-of-`` is the head."""


def is_qual_noun(low: str) -> bool:
    """``ex-coach``, ``then-senator``: a qualified person noun written as one word; ``mother-of-two``:
    a person noun and a count of kin."""
    if "-" not in low:
        return False
    qm = _QUAL_PREFIX_RE.match(low)
    if qm is not None and qm.group(2) in PERSON_NOUNS:
        return True
    cm = _OF_COUNT_RE.match(low) if "-of-" in low else None
    return cm is not None and cm.group(1) in PERSON_NOUNS


def desc_noun(det: list[str]) -> tuple[str, str | None]:
    """The head noun of a description (``the former president`` → ``president``) and its
    qualifier (``former``, ``ex``, ``then``, ``late``), if any."""
    noun = det[-1]
    if noun == "bank" and "central" in det:
        return noun, "central"
    qual = next((w for w in det[:-1] if w in _QUALIFIERS), None)
    qm = _QUAL_PREFIX_RE.match(noun)
    if qm is not None and qm.group(2) in PERSON_NOUNS:
        noun, qual = qm.group(2), qm.group(1)
    elif "-of-" in noun:
        cm = _OF_COUNT_RE.match(noun)
        if cm is not None and cm.group(1) in PERSON_NOUNS:
            noun = cm.group(1)  # ``the mother-of-two``: the mother
    return noun, qual


def role_fits(role: str, noun: str, qual: str | None) -> bool | None:
    """Does a person's ``role`` fit ``the [qual] noun``?  ``None``: the role does not use the
    noun at all; ``False``: it uses it with the other qualification (``former President``
    for ``the president``, ``President`` for ``the former president``)."""
    role = _ABBREV_ROLE_RE.sub(lambda m: _ABBREV_ROLES[m.group(1).lower()], role)
    if not (noun in role.split() or noun in role):
        return None
    return (_ROLE_QUAL_RE.search(role) is not None) == (qual is not None)


_OFFICES = frozenset(
    """president senator governor mayor representative congressman congresswoman secretary minister judge
    justice ambassador chancellor premier""".split()
)
"""Offices one person holds at a time: a person known as one is not ``the <another>``."""


def is_office(noun: str) -> bool:
    """Is ``noun`` an office (``senator``, ``governor``), as opposed to any other person noun?"""
    return noun in _OFFICES


def office_conflict(role: str, noun: str) -> bool:
    """Does ``role`` name an office other than ``noun`` (``President`` for ``the senator``, ``Gov.``
    for ``the mayor``)?  Then the person is not the one ``the <noun>`` describes, even where
    :func:`role_fits` cannot say (it returns ``None`` for a role without the noun)."""
    if noun not in _OFFICES or not role:
        return False
    words = _ABBREV_ROLE_RE.sub(lambda m: _ABBREV_ROLES[m.group(1).lower()], role).lower().split()
    return noun not in words and any(w in _OFFICES for w in words)


_ABBREV_ROLES = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
    "col": "colonel", "sgt": "sergeant", "capt": "captain", "adm": "admiral", "prof": "professor",
    "dr": "doctor", "atty": "attorney", "amb": "ambassador", "pres": "president", "supt": "superintendent",
}
_ABBREV_ROLE_RE = re.compile(r"\b(" + "|".join(_ABBREV_ROLES) + r")\.", re.IGNORECASE)
"""``Sen.`` is a senator for ``the senator``; ``Gov.`` a governor."""


def pre_role(m: str, start: int, floor: int) -> str | None:
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
        if low in ("the", "a", "an"):
            break  # ``will keep the writer Jared Sexton``: the role is ``writer``
        if low in PERSON_NOUNS and low not in ("man", "woman", "boy", "girl", "father", "mother", "son", "daughter", "husband", "wife"):
            seen_noun = True
            role.append(tok)
        elif low in MODIFIERS or low.endswith("-time"):
            role.append(tok)
        elif seen_noun and is_capword(tok) and tok not in COMMON_CAPS:
            if is_headline_verb(tok):
                break  # ``Donald Trump Praises Breitbart’s … Editor``: a headline ends the role
            if role[-1].islower() and role[-1].endswith("ed") and role[-1] not in MODIFIERS:
                role.pop()  # ``Donald Trump attacked former … nominee``: a name and its verb
                break
            role.append(tok)
        elif seen_noun and n_mod < 2 and is_modifier_word(tok) and not is_capword(role[-1]):
            role.append(tok)  # ``press secretary``, ``finance minister``
            n_mod += 1
        else:
            break
    while role and is_capword(role[-1]) and role[-1] in COMMON_CAPS:
        role.pop()
    if not role or not (seen_noun or any(r.lower() in MODIFIERS for r in role)):
        return None
    return " ".join(reversed(role))


_ABBR_BEFORE_RE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Rev|Prof|No|Inc|Corp|Co)|\b[A-Z])$")


def _cut(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text`` that is not the full stop of an abbreviation
    (``close friend of Mrs. Clinton`` runs on past ``Mrs.``)."""
    pos = 0
    while True:
        c = pattern.search(text, pos)
        if c is None or text[c.start()] != "." or not _ABBR_BEFORE_RE.search(text, 0, c.start()):
            return c
        pos = c.start() + 1


def appositive_after(m: str, end: int, limit: int) -> str | None:
    """A role in commas right after a name (``Dmitry Medvedev, Deputy Chairman of …,``)."""
    if end >= limit or m[end] != ",":
        return None
    rest = m[end + 1 : min(limit, end + 160)]
    cut = _cut(_APPOS_CUT_RE, rest)
    seg = rest[: cut.start()] if cut else rest
    # ``Smith, 34, a teacher from Ohio,``: take the age with what follows it.
    if _AGE_SEG_RE.fullmatch(seg) and cut and rest[cut.start()] == ",":
        more = rest[cut.start() + 1 :]
        c2 = _cut(_APPOS_CUT2_RE, more)
        seg2 = more[: c2.start()] if c2 else more
        if any(w.lower() in _CLAUSE_VERBS for w in _before_relative(seg2).split()):
            return None  # ``Carol Bigbee, 59, has worked at Carrier``: a clause, not a role
        first = seg2.split(None, 1)[0] if seg2.strip() else ""
        if (
            first.islower()
            and first not in _AGE_ROLE_OPENERS
            and first not in PERSON_NOUNS
            and (c2 is None or more[c2.start()] in ".;:")
        ):
            return None  # ``Jane Roe, 23, won gold in the 200m.``: the sentence's predicate up to its end, no role
        return clean_role(seg2) if looks_like_role(seg2) or 0 < len(seg2.split()) <= 8 else None
    seg = seg.strip()
    core = _before_relative(seg)
    if core and looks_like_role(core) and not FINITE_IN_RE.search(core) and not ends_with_person(core) and not _starts_with_person(core):
        return seg
    return None


def _before_relative(seg: str) -> str:
    """``seg`` up to a relative clause (``a retiree who worked at …`` → ``a retiree``)."""
    rel = _RELATIVE_IN_ROLE_RE.search(seg)
    return seg[: rel.start()] if rel else seg


def _starts_with_person(seg: str) -> bool:
    """``Sen. Ted Cruz of Texas and …``: a segment opening with a person's full name is another
    person (the next item of a list), not a role."""
    nm = NAME_SEQ_RE.match(seg)
    if nm is None:
        return False
    return _full_person(nm.group())


def _full_person(phrase: str) -> bool:
    """Does ``phrase`` name a person in full (two words or more, not ending with a title: ``Ohio
    Secretary`` is no name)?"""
    parsed = parse_name(phrase)
    if parsed is None or parsed.kind != "person" or parsed.possessive:
        return False
    toks = split_tokens(parsed.name)
    return len(toks) >= 2 and toks[-1] not in TITLES


def ends_with_person(seg: str) -> bool:
    """Is ``seg`` a role and a person's full name, with no preposition or possessive tying that person
    to a role of somebody else?  Then it is the next item of a list (``Carly Fiorina, former Arkansas
    governor Mike Huckabee, …``), not a role (``spokesman for House Speaker Paul Ryan`` is one)."""
    last = None
    for last in iter_names(seg, 0, len(seg)):
        pass
    if last is None or seg[last.end() :].strip(" ,.;:"):
        return False
    if not _full_person(last.group()):
        return False
    return not any(w.lower() in _ROLE_PREPOSITIONS or w.endswith(("’s", "'s", "s’", "s'")) for w in seg[: last.start()].split())


_GAP_STOP = frozenset(
    """that which who whom whose and but or nor when while if because as after before since though
    although until unless once whether where why how what he she it they we i you his her its their
    our my your this these those is was are were be been has have had will would can could may might
    should must not no so than then""".split()
)


_GAP_TOKEN_RE = re.compile(r"\(?[\w’'.&$%\-]+\)?")


_GAP_OBJECT_END = frozenset("for to with against by from about at on".split())
"""Prepositions that make the name after them their object, not the speaker described."""


def role_gap(m: str, a: int, b: int) -> str | None:
    """The words between a quote and the name of its speaker when they only describe the speaker
    (``CBS This Morning co-anchor`` in ``” CBS This Morning co-anchor DeMarco Morgan said``,
    ``state`` in ``” state Sen. Jason Holsman said``); ``None`` when they say more than that."""
    seg = m[a:b].strip()
    if not seg or len(seg) > 80 or any(ch in seg for ch in ",;:!?#“”\"()"):
        return None
    words = seg.split()
    if len(words) > 6 or words[-1] in _GAP_OBJECT_END:
        return None  # (``one of the former prosecutors for David Petraeus``: the name is the object of ``for``)
    for w in words:
        if _GAP_TOKEN_RE.fullmatch(w) is None or w in _GAP_STOP or w.lower() in FINITE_CUES:
            return None
        if w.endswith(".") and not DOTTED_RE.match(w):
            return None
    return seg


_LEAD_JOINERS = frozenset("and but while as when then so because after before since".split())


def _name_words_ok(words: list[str]) -> bool:
    """All capitalised name tokens (particles allowed inside): ``Tom Zhu``, ``Erik ten Hag``."""
    if not words or not is_capword(words[0]) or not is_capword(words[-1]):
        return False
    return all(is_capword(w) or is_particle(w) for w in words) and len(words) <= 6


def role_appos_before(m: str, toks: list[tuple[str, int, int]], k: int, name_end: int) -> NP | None:
    """``Tesla’s president of automotive, Tom Zhu,``, ``his chief of staff, Mark Doyle,``: the name in
    commas after a role phrase.

    ``toks[k]`` is the token ending with the comma that opens the appositive."""
    inner = m[toks[k][2] : name_end].strip()
    words = inner.split()
    if not _name_words_ok(words):
        return None
    role_toks: list[str] = []
    j = k
    while j >= 0 and len(role_toks) < 9:
        t = toks[j][0]
        if j < k and t.endswith((",", ";", ":", "!", "?", ".")) and not DOTTED_RE.match(t):
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
    if not looks_like_role(role) or FINITE_IN_RE.search(role):
        return None
    first = role_toks[0]
    if (
        first[:1].islower()
        and first.lower() not in ("the", "a", "an", "former", "then", "his", "her", "their", "its", "our")
        and first.lower() not in PERSON_NOUNS
    ):
        return None
    parsed = parse_name(inner)
    if parsed is None or parsed.kind not in ("person", "other"):
        return None
    if first.lower() in ("his", "her", "their", "its", "our") and len(words) < 2:
        return NP(toks[j + 1][1], name_end, vague=True)  # ``his wife, Jane,``: somebody we cannot name in full
    return NP(toks[j + 1][1], name_end, name=inner, appos=role)


_APPOSED_RE = re.compile(r"(?:\s+[a-z][\w\-]*){0,3},\s+(?P<role>(?:[a-z][\w\-]*\s+){0,3})")
"""The rest of a possessed noun phrase up to its comma, and lower-case role words after the comma."""


def possessed_person(m: str, i: int, limit: int) -> NP | None:
    """The person named in apposition after ``X’s <noun>`` (``Clinton's introducer, actress Jamie Lee
    Curtis``, ``Clinton's spokesman, Brian Fallon.``), when the name closes the phrase."""
    if m[i - 1 : i] == ",":
        i -= 1  # (the noun's word was read with its comma)
    am = _APPOSED_RE.match(m, i, limit)
    if am is None:
        return None
    nm = NAME_SEQ_RE.match(m, am.end(), limit)
    if nm is None or m[nm.end() : nm.end() + 1] not in ("", ",", ".", ";", "\n", " ") or len(nm.group().split()) < 2:
        return None
    parsed = parse_name(nm.group())
    if parsed is None or parsed.kind != "person":
        return None
    return NP(nm.start(), nm.end(), name=nm.group(), appos=am.group("role").strip() or None)


def split_role(phrase: str) -> tuple[str, str | None]:
    """Split ``Foreign Minister Sergey Lavrov`` into (``Sergey Lavrov``, ``Foreign Minister``)
    and ``Konstantin Kosachev, Vice Speaker of …`` into the name and the appositive role."""
    head, _, rest = phrase.partition(",")
    parsed = parse_name(head)
    if parsed is None:
        return phrase.strip(), None
    role = parsed.role
    if rest.strip() and looks_like_role(rest):
        role = clean_role(rest)
    return parsed.name, role
