"""Noun phrases located in the masked text: the subject before a speech verb, the name after it,
appositive roles, titles in front of a name, descriptions (``the senator``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import (
    ADVERBS,
    FINITE_ALT,
    FINITE_CUES,
    PARTICIPLE_CUES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLURAL_PEOPLE,
)
from .names import (
    ABBR_TITLES,
    COMMON_CAPS,
    NAME_SEQ_RE,
    ORG_WORDS,
    PARTICLES,
    PARTY_TAG_RE,
    TITLES,
    is_demonym,
    clean_role,
    looks_like_role,
    parse_name,
)


DATELINE_RE = re.compile(r"[A-Z][A-Z .,’'\-]{2,40}(?:\([^)]{1,30}\))?\s*[—–\-]{1,2}\s*")
_INTRO_RE = re.compile(
    r"(?:(?:Similarly|However|Moreover|Meanwhile|Still|Yet|Also|Later|Earlier|Instead|Indeed|Finally|"
    r"Then|Now|Today|Yesterday|Separately|Additionally|Furthermore|Nonetheless|Nevertheless|Thus|"
    r"Therefore|Again|Overall|Ultimately|Previously|Already|Rather|Otherwise|Last\s+\w+|On\s+that|For\s+example|"
    r"For\s+instance|[A-Z][a-z]+ly|[A-Z][a-z]+ing\b[^,.;:!?]{0,160}|"
    r"By\s+contrast|In\s+contrast|In\s+addition|At\s+the\s+same\s+time|Of\s+course|In\s+fact|"
    r"(?:When|While|After|Before|If|Although|Though|As|Since|Because|Asked|Speaking|Despite|During|Once|"
    r"Until|Upon|Following|Given|Unlike|Like|Responding|Addressing|Writing|In|On|At|Throughout|With|Regarding|"
    r"Concerning|Considering|Including|Besides|Beyond|Over|Along|Across|Among|Against|Through|Within|By|For|"
    r"Without|Under|From|Amid|Earlier|Later|"
    r"after|before|when|while|although|though|since|because|despite|during|once|until|upon|following|amid|"
    r"unlike|as|if)\b[^,.;:!?]{0,160}|"
    r"(?:[A-Z][a-z]+|A|An|The)(?:\s+[a-z]+){0,2}\s+(?:later|earlier|ago|afterwards?))\s*,\s*)+"
)
_WORD_RE = re.compile(r"\S+")
CAPWORD_RE = re.compile(
    r"^(?:(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)[\-\u2011](?=[A-Z]))?"
    r"(?:[A-Z\u00C0-\u00DE\u0100-\u017F\u0400-\u042F][\w’'.&\-]*|(?:[A-Z]\.)+)$"
)
_PARTICLE_RE = re.compile(r"^" + PARTICLES + r"$")
_MODIFIERS = frozenset("former then acting interim deputy vice chief senior top assistant longtime veteran new ex- then-".split())
_SPOKES_RE = re.compile(
    r"\b(?:an?|the)\s+(?:[a-z]+\s+)?(?:spokes(?:man|woman|person)|representative|official|source|statement|spokes)"
    r"\s+(?:for|of|at|from|with)\s+(?:the\s+)?$"
)


FINITE_IN_RE = re.compile(r"\b(?P<verb>" + FINITE_ALT + r")\b")


@dataclass
class NP:
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
    proxy: bool = False
    """``a Dow spokeswoman``: ``name`` is who the (unnamed) speaker speaks for."""


_PROXY_RE = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w’'.&\-]*\s+){1,4}?)(?:(campaign|administration|company|team|office|group|"
    r"camp|committee|agency|department)\s+)?(?:spokes(?:man|woman|person)|representative|official|aide|adviser|"
    r"advisor|lawyer|attorney|executive|source|staffer|strategist)"
)
"""``a Dow spokeswoman``, ``a Clinton campaign spokesman``: somebody who speaks for an organisation."""


def proxy_np(start: int, end: int, words: list[str]) -> NP | None:
    """``a Dow spokeswoman`` as a noun phrase standing for ``Dow`` (see :data:`_PROXY_RE`)."""
    pm = _PROXY_RE.fullmatch(" ".join(words))
    if pm is None:
        return None
    name = pm.group(1).strip()
    return NP(start, end, name=f"{name} {pm.group(2)}" if pm.group(2) else name, proxy=True)


_WORD_CHAR_RE = re.compile(r"\w")


_APPOS_CUT_RE = re.compile(r"[,;.:()](?:\s|$)|[,;:()#“”\"]|\s(?:said|says|told|who\s+(?:said|has|had|was|is)\b)")
_APPOS_CUT2_RE = re.compile(r"[,;.:()](?:\s|$)|[;:()#“”\"]|\s(?:said|says|told)\b")
_AGE_SEG_RE = re.compile(r"\s*\d{1,3}\s*")


WS_RE = re.compile(r"\s+")
POSS_END_RE = re.compile(r"[’']s$")


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


def role_fits(role: str, noun: str, qual: str | None) -> bool | None:
    """Does a person's ``role`` fit ``the [qual] noun``?  ``None``: the role does not use the
    noun at all; ``False``: it uses it with the other qualification (``former President``
    for ``the president``, ``President`` for ``the former president``)."""
    if not (noun in role.split() or noun in role):
        return None
    return (_ROLE_QUAL_RE.search(role) is not None) == (qual is not None)


def is_word_char(ch: str) -> bool:
    return _WORD_CHAR_RE.match(ch) is not None


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
        if low in PERSON_NOUNS and low not in ("man", "woman", "boy", "girl", "father", "mother", "son", "daughter", "husband", "wife"):
            seen_noun = True
            role.append(tok)
        elif low in _MODIFIERS or low.endswith("-time"):
            role.append(tok)
        elif seen_noun and CAPWORD_RE.match(tok) and tok not in COMMON_CAPS:
            role.append(tok)
        elif seen_noun and n_mod < 2 and _is_modifier_word(tok) and not CAPWORD_RE.match(role[-1]):
            role.append(tok)  # ``press secretary``, ``finance minister``
            n_mod += 1
        else:
            break
    while role and CAPWORD_RE.match(role[-1]) and role[-1] in COMMON_CAPS:
        role.pop()
    if not role or not (seen_noun or any(r.lower() in _MODIFIERS for r in role)):
        return None
    return " ".join(reversed(role))


def appositive_after(m: str, end: int, limit: int) -> str | None:
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
    if seg and looks_like_role(seg) and not FINITE_IN_RE.search(seg):
        return seg
    return None


_DOTTED_RE = re.compile(r"^(?:(?:[A-Z]\.){1,3}[A-Z]?\.?|" + ABBR_TITLES + r"|(?:Jr|Sr|St)\.)$")
"""Tokens that end in a full stop but stay inside a name: ``J.D.``, ``Sen.``, ``Rev.``, ``Jr.``."""
_STOP_MODIFIERS = frozenset(
    """by to and or but nor with that which who whom whose said says told tells as is was were be been
    being has have had his her their its our my your for of in on at from into after before while when
    than then not no so if because about against over under said, says, also just even only will would
    could should may might must can did does do where why how what this these those there here such
    all any both each every many much more most some other another own same very""".split()
)
NO_FALLBACK_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman spokes representative official source aide adviser advisor
    lawyer attorney agent publicist statement official""".split()
)
_LEAD_JOINERS = frozenset("and but while as when then so because after before since".split())


def _in_name(words: list[str], i: int) -> bool:
    """Can ``words[i]`` belong to the capitalised name that ends the phrase?"""
    w = words[i]
    if CAPWORD_RE.match(w):
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
    if not words or not CAPWORD_RE.match(words[0]) or not CAPWORD_RE.match(words[-1]):
        return False
    return all(CAPWORD_RE.match(w) or _PARTICLE_RE.match(w) for w in words) and len(words) <= 6


def _desc_np(start: int, end: int, role_words: list[str], name_words: list[str]) -> NP | None:
    """``the Argentine``, ``the 24-year-old Briton``: a description, not a name."""
    if (
        len(name_words) == 1
        and role_words
        and role_words[0].lower() in ("the", "this")
        and all(not CAPWORD_RE.match(w) for w in role_words)
        and is_demonym(name_words[0].rstrip(",.;:"))
    ):
        return NP(start, end, desc=DEMONYM_DESC)
    return None


DEMONYM_DESC = "*person"


def _role_appos_before(m: str, toks: list[tuple[str, int, int]], k: int, name_end: int) -> NP | None:
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
    if not looks_like_role(role) or FINITE_IN_RE.search(role):
        return None
    first = role_toks[0]
    if first[:1].islower() and first.lower() not in ("the", "a", "an", "former", "then") and first.lower() not in PERSON_NOUNS:
        return None
    parsed = parse_name(inner)
    if parsed is None or parsed.kind not in ("person", "other"):
        return None
    return NP(toks[j + 1][1], name_end, name=inner, appos=role)


_TIME_END_RE = re.compile(
    r"\s+(?:(?:on|last|this|next|early|late|earlier|later)\s+(?:[A-Z][a-z]+day|week|month|year|night|morning|"
    r"evening|afternoon|weekend|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?:\s+(?:night|morning|evening|afternoon))?|in\s+(?:19|20)\d\d)\s*$"
)
_RELATIVE_RE = re.compile(r"\s+(?:who|whose|which|that)\s+")


def np_before(m: str, end: int, floor: int) -> NP | None:
    """The subject noun phrase that ends right before ``end`` (a speech verb)."""
    window_start = max(floor, end - 360)
    seg = m[window_start:end]
    tm = _TIME_END_RE.search(seg)
    if tm is not None:
        seg = seg[: tm.start()]  # ``Beck on Wednesday called``: the time is not part of the subject
    # Drop adverbs between subject and verb: ``Dmitry Peskov immediately responded``.
    toks = []
    p = len(seg)
    rfind = seg.rfind
    for w in seg.rsplit(None, 36)[-36:][::-1]:
        p = rfind(w, 0, p)
        toks.append((w, window_start + p, window_start + p + len(w)))
    toks.reverse()
    while toks and (toks[-1][0].lower() in ADVERBS or _LY_RE.fullmatch(toks[-1][0])):
        toks.pop()
    if not toks:
        return None
    if (
        len(toks) >= 2
        and toks[-1][0].isalpha()
        and toks[-1][0].islower()
        and toks[-2][0].lower() in ("the", "a", "an", "this", "that", "these", "those")
        and toks[-1][0] not in PERSON_NOUNS
        and toks[-1][0] not in ORG_NOUNS
        and not _is_qual_noun(toks[-1][0])
        and not toks[-1][0].endswith("-old")
    ):
        return NP(toks[-2][1], toks[-1][2], desc=toks[-1][0])  # ``the crowd chanted``: not a speaker we name
    appos: str | None = None
    # An appositive in commas: ``Konstantin Kosachev, Vice Speaker of …, told``.
    if toks[-1][0].endswith(",") and len(toks) >= 2:
        comma_end = toks[-1][2] - 1
        best = None
        for k in range(len(toks) - 2, max(-1, len(toks) - 34), -1):
            if toks[k][0].endswith(","):
                inner = m[toks[k][2] : comma_end].strip()
                if PARTY_TAG_RE.fullmatch(inner):
                    best = k
                    break
                head = _RELATIVE_RE.split(inner, 1)[0]
                if looks_like_role(inner) or _WHO_RE.match(inner) or (head != inner and looks_like_role(head)):
                    best = k
                    appos = inner if looks_like_role(inner) else (head if head != inner else None)
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
        return NP(toks[-1][1], toks[-1][2], pron=low)
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
            if CAPWORD_RE.match(prev) and not prev.endswith((",", ";", ":")):
                bare = prev.rstrip(".")
                if prev in ORG_WORDS or bare in ORG_WORDS or prev in TITLES or bare in TITLES:
                    parts.append((t, s, e))  # ``Bank of America``, ``Secretary of State``
                    continue
                if CAPWORD_RE.match(parts[-1][0]):
                    parts = []  # ``Sen. Rand Paul of Kentucky``: the affiliation is not the name
                    n_mod = 0
                    continue
            break
        if lowt in ("the", "a", "an", "this", "that"):
            if lowt == "that" and parts and CAPWORD_RE.match(parts[-1][0]):
                break  # ``so heated that New Jersey Gov. Chris Christie said``: a conjunction
            if parts and lowt == "the" and j >= 1 and toks[j][0] in ("of", "from") and CAPWORD_RE.match(toks[j - 1][0]) \
                    and toks[j - 1][0] not in ORG_WORDS and toks[j - 1][0] not in TITLES and not toks[j - 1][0].endswith(","):
                parts = []  # ``Jane Doe of the University of Michigan said``
                n_mod = 0
                j -= 1
                continue
            if parts:
                parts.append((t, s, e))
            break
        if lowt in ("his", "her", "their", "its", "our", "my", "your") and parts:
            if all(not CAPWORD_RE.match(p[0]) for p in parts):
                return NP(s, parts[0][2], vague=True)  # ``his wife whispered``: somebody unnamed
            parts.append((t, s, e))
            break
        if CAPWORD_RE.match(t) or _PARTICLE_RE.match(t) or lowt in PERSON_NOUNS or lowt in ORG_NOUNS or lowt in _MODIFIERS or lowt.endswith("-old") or _is_qual_noun(lowt):
            parts.append((t, s, e))
            continue
        if lowt in PLURAL_PEOPLE and not parts:
            return NP(s, e, vague=True)
        if parts and n_mod < 2 and _is_modifier_word(t):
            nxt = parts[-1][0].lower()
            if nxt in PERSON_NOUNS or nxt in ORG_NOUNS or (_is_modifier_word(nxt) and parts[-1][0].islower()):
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
        return NP(spk.start(), parts[-1][2], name=" ".join(name_words))
    if not name_words:
        px = proxy_np(start, parts[-1][2], words)
        if px is not None:
            return px
        det = [w.lower() for w in role_words]
        if det and det[0] in ("the", "this", "that") and len(det) >= 2:
            noun, qual = _desc_noun(det)
            return NP(start, parts[-1][2], desc=noun, qual=qual)
        if det and det[0] in ("a", "an"):
            return NP(start, parts[-1][2], vague=True)
        return None
    d = _desc_np(start, parts[-1][2], role_words, name_words)
    if d is not None:
        return d
    if role_words and role_words[0].lower() in ("a", "an", "this", "that"):
        return None
    if _PLACE_PREP_RE.search(m, max(floor, start - 12), start):
        return None  # ``in a speech at Stanford dismissed``: the name is the object of a preposition
    pre = " ".join(w for w in role_words if w.lower() not in ("the",)) or None
    return NP(start, parts[-1][2], name=" ".join(name_words), pre_role=pre, appos=appos)


_LY_RE = re.compile(r"[a-z]+ly")
_PRONOUNS_AFTER = frozenset(("he", "she", "it", "they", "we", "i"))
_PLACE_PREP_RE = re.compile(r"\b(?:in|at|on|near|inside|outside|during|across|throughout|around|into)\s+(?:the\s+)?$")
_TRAIL_CHARS = ",.;:!?)”\""
_WHO_RE = re.compile(r"(?:who|whose|which|[a-z]+ing)\b")
_AGE_ONLY_RE = re.compile(r"\d{1,3}")
_TRAIL_KEEP_RE = re.compile(r"(?:[A-Z]\.)+|" + ABBR_TITLES + r"|(?:Jr|Sr|St)\.")
_SPOKES_AFTER_RE = re.compile(
    r"(?:an?|the)\s+(?:[a-z]+\s+)?(?:spokes\w+|representative|official)\s+(?:for|of)\s+(?:the\s+)?(.+)$"
)


def np_after(m: str, start: int, limit: int) -> NP | None:
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
        return NP(i, i + len(first), pron=first)
    if first in PLURAL_PEOPLE:
        return NP(i, fm.end(), vague=True)
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
        return NP(toks[0][1], toks[0][1] + len(first), pron=first)
    if first in PLURAL_PEOPLE:
        return NP(toks[0][1], toks[0][2], vague=True)
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
        if not words and lowt in ("the", "a", "an", "this", "his", "her", "their", "its", "our"):
            words.append(lowt)
            end = s + len(t)
            continue
        ok = (
            CAPWORD_RE.match(t)
            or (_PARTICLE_RE.match(t) and words)
            or lowt in PERSON_NOUNS
            or _is_qual_noun(lowt)
            or lowt in _MODIFIERS
            or (lowt in ("the", "a", "an") and not words)
            or lowt.endswith("-old")
            or (lowt in ("spokesperson", "spokesman", "spokeswoman", "for", "of") and words and words[-1].lower() in ("spokesperson", "spokesman", "spokeswoman", "representative", "for", "of"))
        )
        if (
            not ok and lowt == "of" and words and idx + 1 < n and CAPWORD_RE.match(toks[idx + 1][0])
            and (words[-1] in ORG_WORDS or words[-1] in TITLES)
        ):
            ok = True  # ``Bank of England``, ``Secretary of State``
        if not ok and not trail and _is_modifier_word(lowt):
            # ``said press secretary Karine Jean-Pierre``, ``said pollster Frank Luntz``: lower-case
            # role words right before a role noun or a name.
            for t2, _, _ in toks[idx + 1 : min(n, idx + 4)]:
                l2 = t2.rstrip(",.;:").lower()
                if l2 in PERSON_NOUNS or (
                    CAPWORD_RE.match(t2) and t2 not in COMMON_CAPS and not any(CAPWORD_RE.match(w) for w in words)
                ):
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
    nxt = _WORD_RE.match(m, end + 1, seg_end) if end < seg_end and m[end] == " " else None
    if nxt is not None and nxt.group().rstrip(",.;:") in PLURAL_PEOPLE:
        return NP(toks[0][1], nxt.end(), vague=True)  # ``Legislative leaders noted``, ``Sanders supporters``
    px = proxy_np(toks[0][1], end, words)
    if px is not None:
        return px
    if (
        len(words) >= 3
        and words[0] in ("the", "this")
        and words[-1].islower()
        and (words[-1] in PERSON_NOUNS or words[-1] in ORG_NOUNS)
        and all(CAPWORD_RE.match(w) or w.islower() for w in words[1:-1])
    ):
        # ``The Vermont senator``, ``the Wisconsin Republican``: a description, the state a qualifier.
        return NP(toks[0][1], end, desc=words[-1], qual=None)
    # ``a spokesperson for the Kremlin``
    joined = " ".join(words)
    sm = _SPOKES_AFTER_RE.match(joined)
    if sm:
        return NP(toks[0][1], end, name=sm.group(1))
    k = len(words)
    while k > 0 and not CAPWORD_RE.match(words[k - 1]):
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
        if CAPWORD_RE.match(w):
            continue
        if w == "of" and j > 0 and j + 1 < len(name_words) and _in_name(name_words, j):
            continue
        if _PARTICLE_RE.match(w):
            j2 = j + 1
            while j2 < len(name_words) and _PARTICLE_RE.match(name_words[j2]):
                j2 += 1
            if j2 < len(name_words) and CAPWORD_RE.match(name_words[j2]):
                continue
        cut = j
        break
    name_words = name_words[:cut]
    if not name_words:
        det = [w.lower() for w in role_words]
        if det and det[0] in ("the", "this") and len(det) >= 2:
            noun, qual = _desc_noun(det)
            return NP(toks[0][1], end, desc=noun, qual=qual)
        return NP(toks[0][1], end, vague=True) if det and det[0] in ("a", "an") else None
    d = _desc_np(toks[0][1], end, role_words, name_words)
    if d is not None:
        return d
    pre = " ".join(w for w in role_words if w.lower() not in ("the",)) or None
    if role_words and role_words[0].lower() in ("a", "an"):
        return None
    appos = appositive_after(m, end, limit)
    return NP(toks[0][1], end, name=" ".join(name_words), pre_role=pre, appos=appos)


_GAP_STOP = frozenset(
    """that which who whom whose and but or nor when while if because as after before since though
    although he she it they we i you his her its their our my your this these those is was are were
    be been has have had will would can could may might should must not no so than then""".split()
)
_GAP_TOKEN_RE = re.compile(r"\(?[\w’'.&\-]+\)?")


def role_gap(m: str, a: int, b: int) -> str | None:
    """The words between a quote and the name of its speaker when they only describe the speaker
    (``CBS This Morning co-anchor`` in ``” CBS This Morning co-anchor DeMarco Morgan said``,
    ``state`` in ``” state Sen. Jason Holsman said``); ``None`` when they say more than that."""
    seg = m[a:b].strip()
    if not seg or len(seg) > 80 or any(ch in seg for ch in ",;:!?#“”\"()"):
        return None
    words = seg.split()
    if len(words) > 6:
        return None
    for w in words:
        if _GAP_TOKEN_RE.fullmatch(w) is None or w in _GAP_STOP or w.lower() in FINITE_CUES:
            return None
        if w.endswith(".") and not _DOTTED_RE.match(w):
            return None
    return seg


def subject_np(m: str, s: int, e: int) -> tuple[int, NP | None]:
    """Where the subject of the sentence ``[s, e)`` stands (after a dateline and introductory
    phrases), and its noun phrase."""
    dm = DATELINE_RE.match(m, s, e)
    s0 = dm.end() if dm else s
    im = _INTRO_RE.match(m, s0, e)
    i = im.end() if im else s0
    while i < e and m[i].isspace():
        i += 1
    if i >= e or m[i] in "#“”\"‘’'" or m[i].islower() or m[i].isdigit():
        return i, None
    return i, np_after(m, i, e)
