"""The subject before a speech verb: ``Dmitry Peskov immediately responded``, ``Konstantin
Kosachev, Vice Speaker of …, told``, ``Jane Doe of the University of Michigan said``."""

from __future__ import annotations

import re

from ..phrases.common import (
    named_body_np,
    AGE_ONLY_RE,
    FINITE_IN_RE,
    desc_np,
    DOTTED_RE,
    in_name,
    is_capword,
    is_modifier_word,
    is_particle,
    LY_RE,
    MODIFIERS,
    NP,
    PLACE_PREP_RE,
    possessed_spokes_np,
    proxy_np,
    SPOKES_NOUNS,
    SPOKES_RE,
    WHO_RE,
    WS_RE,
)
from ..phrases.roles import desc_noun, is_qual_noun, looks_like_role, PARTY_TAG_RE, possessed_person, role_appos_before
from ..phrases.names import parse_name
from ..phrases.word_runs import headline_words, participle_object
from ..places import state_named
from ..words import ADVERBS, NATIONALITIES, ORG_NOUNS, ORG_WORDS, PERSON_NOUNS, PLACES, PLURAL_PEOPLE, TITLES



_TIME_END_RE = re.compile(
    r"\s+(?:(?:on|last|this|next|early|late|earlier|later)\s+(?:[A-Z][a-z]+day|week|month|year|night|morning|"
    r"evening|afternoon|weekend|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?:\s+(?:night|morning|evening|afternoon))?|in\s+(?:19|20)\d\d)\s*$"
)


_TIME_ENDINGS = (
    "day", "week", "month", "year", "night", "morning", "evening", "afternoon", "weekend", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    *"0123456789",
)
"""What a time at the end of a subject (:data:`_TIME_END_RE`) can end with."""


_PAREN_ADVERB_RE = re.compile(
    r",(?<=[\w.)],)\s+(?:meanwhile|however|too|also|though|instead|in\s+turn|in\s+response|for\s+(?:his|her|their|its)\s+part|"
    r"[a-z]{3,}ly)\s*,\s*$"
)
"""An adverb in commas between a subject and its verb (``Hunter, meanwhile, told``). (It opens with
the comma and looks behind it, so the engine skips to commas in C.)"""


_RELATIVE_RE = re.compile(r"\s+(?:who|whose|which|that)\s+")


_DASH_APPOS_RE = re.compile(r"\s+(?:—|–|--)\s*(?P<inner>[^—–#]{3,120}?)\s*(?:—|–|--)\s*$")


_MEDIA_HEADS = frozenset("newspaper agency tabloid daily magazine broadcaster network channel website outlet station paper journal".split())
_NAMED_MEDIA_RE = re.compile(
    r"\b[Tt]he\s+(?:[a-z][\w\-]*\s+){0,3}(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s+"
    r"(?:news\s+|state\s+|online\s+|daily\s+)?(?:" + "|".join(sorted(_MEDIA_HEADS)) + r")\s*$"
)
"""``the official Xinhua news agency``, ``the nationalist Global Times tabloid``: an outlet named
inside its description."""

_ASIDE_RE = re.compile(r"(?:who|which|whose|[a-z]+ed|[a-z]+ing|long|once|now|still|never|already)\b")
"""What opens an aside in dashes that is no role: a relative clause, a participle, an adverb."""

_OPEN_APPOS_RE = re.compile(
    r"(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)+),\s+(?P<role>(?:[a-z][\w\-]*\s+){1,6})$"
)
"""``Anthony Anton, president and CEO of …`` right before a verb: an appositive whose closing comma
the writer left out."""
_OPEN_APPOS_TAIL_RE = re.compile(r",\s+(?:[a-z][\w\-]*\s+){1,6}")
"""What :data:`_OPEN_APPOS_RE` ends with, from its comma (no comma can follow it)."""


def _unclosed_appositive(m: str, start: int, end: int, phrase: str, floor: int) -> NP | None:
    """``Anthony Anton, president and CEO of Washington Restaurant Association stated``: the subject
    is the person named before the comma; the title and the organisation after it are the role."""
    parsed = parse_name(phrase)
    if parsed is not None and parsed.kind == "person" and not parsed.role:
        return None
    lo = start - 160 if start - 160 > floor else floor  # (no ``max``: in 3.11 it parses keywords per call)
    comma = m.rfind(",", lo, start)
    if comma < 0 or _OPEN_APPOS_TAIL_RE.fullmatch(m, comma, start) is None:
        return None  # (the cheap test first: the pattern's comma is the last one, lower-case words after it)
    om = _OPEN_APPOS_RE.search(m, lo, start)
    if om is None:
        return None
    words = om.group("role").split()
    if not any(w in PERSON_NOUNS for w in words) or not all(w in PERSON_NOUNS or w in MODIFIERS or w == "and" for w in words):
        return None
    person = parse_name(om.group("name"))
    if person is None or person.kind != "person" or len(person.name.split()) < 2:
        return None
    return NP(om.start("name"), end, name=om.group("name"), appos=(om.group("role") + phrase).strip())


_OPEN_RELATIVE_RE = re.compile(
    r"(?P<name>[A-Z](?<![\w’'].)[\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)+),\s+(?:(?:the|a|an)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3}\s+)?"
    r"who\s+(?!(?:he|she|they|we|I|you|it)\b)[a-z](?:[^,;:!?#“”\"]|\.(?!\s)){1,100}\s+$"
)
"""``Name, who is chairman of X`` or ``Name, the guru who founded X`` right before the verb, with no
comma to close the clause."""


_ORG_INNER = frozenset(("for", "of", "on", "and", "&"))
"""Lower-case words inside an organisation's name (``Center for Policy Studies``)."""
_PERSON_OF_ORG_RE = re.compile(
    r"(?<![\w’'])(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)+)\s+(?:of|at|from|with)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w’'.&\-]*|for|of|on|and|&)\s+)*[A-Z][\w’'.&\-]*$"
)
"""``Jane Lane of the Center for Policy Studies`` ending a subject: the person and the organisation."""


def _is_place(words: list[str]) -> bool:
    """``South Carolina``, ``Iowa``: a state or a country."""
    parsed = parse_name(" ".join(words))
    return parsed is not None and parsed.kind == "place"


def _desc_before(toks: list[tuple[str, int, int]], j: int) -> NP | None:
    """``the [former] senator`` ending at ``toks[j]``, as a description (``None`` when it is not one)."""
    if toks[j][0] not in PERSON_NOUNS:
        return None
    k = j
    while k > 0 and k > j - 4 and toks[k - 1][0].islower() and toks[k - 1][0].lower() not in ("the", "this"):
        k -= 1
    if k == 0 or toks[k - 1][0].lower() not in ("the", "this"):
        return None
    det = [t[0].lower() for t in toks[k - 1 : j + 1]]
    noun, qual = desc_noun(det)
    return NP(toks[k - 1][1], toks[j][2], desc=noun, qual=qual)


_POSSESSED_END_RE = re.compile(r"[A-Z][\w.\-]*(?:’s|'s)(?:\s+[a-z][\w\-]*){1,5},$")
"""``Clinton’s introducer,``: somebody's relative or aide, a comma closing the noun phrase."""


_SPOKES_ENDINGS = ("for", "of", "at", "from", "with", "the")
"""What a match of :data:`~.common.SPOKES_RE` ends with, white space aside (the cheap test first)."""


_AUXILIARIES = frozenset("was were is are be been being has have had will would could should may might must can did does do".split())


_PERSONAL_PRONOUNS = frozenset(("he", "she", "it", "they", "we", "i", "you"))


def _titled_after_org(m: str, toks: list[tuple[str, int, int]], j: int, parts: list[tuple[str, int, int]]) -> NP | None:
    """``Council on Foreign Affairs Executive Director Jane Roe``: an organisation's name with an inner
    ``on``/``for``/``of`` (``toks[j + 1]``), then a title and a person's full name (``parts``, last word
    first). The person speaks, the organisation and the title are the role."""
    title_at = next((i for i, p in enumerate(parts) if p[0].rstrip(".") in TITLES), None)
    if title_at is None or title_at < 2:
        return None  # no title, or fewer than two name words after it
    name = " ".join(p[0] for p in reversed(parts[:title_at]))
    parsed = parse_name(name)
    if parsed is None or parsed.kind != "person" or parsed.name != name:
        return None
    k = j
    while k >= 1 and (is_capword(toks[k - 1][0]) or toks[k - 1][0] in _ORG_INNER) and not toks[k - 1][0].endswith((",", ";", ":", ".")):
        k -= 1
    role = m[toks[k][1] : parts[title_at][2]]
    return NP(parts[title_at - 1][1], parts[0][2], name=name, pre_role=WS_RE.sub(" ", role))


def _last_words(seg: str, seg_r: str, limit: int, offset: int) -> list[tuple[str, int, int]]:
    """The last ``limit`` words of ``seg`` (``seg_r``: ``seg.rstrip()``) as ``(word, start, end)``,
    placed at ``offset`` + their index in ``seg``. Words one space apart (the usual case) are placed
    by adding up their lengths; otherwise each is found from the right."""
    words = seg.rsplit(None, limit)[-limit:]
    joined = " ".join(words)
    size = len(joined)
    if (not size or seg_r[-size:] == joined) and (len(seg_r) == size or seg_r[-size - 1].isspace()):  # (``endswith``)
        toks = []
        p = offset + len(seg_r) - size
        for w in words:
            q = p + len(w)
            toks.append((w, p, q))
            p = q + 1
        return toks
    toks = []
    p = len(seg)
    rfind = seg.rfind
    for w in reversed(words):
        p = rfind(w, 0, p)
        toks.append((w, offset + p, offset + p + len(w)))
    toks.reverse()
    return toks


_PHRASE_STOPS = frozenset(",;:.!?")
"""The marks that end a word which ends the subject phrase read back from the verb."""


def np_before(m: str, end: int, floor: int) -> NP | None:
    """The subject noun phrase that ends right before ``end`` (a speech verb)."""
    window_start = end - 360 if end - 360 > floor else floor  # (no ``max``: in 3.11 it parses keywords per call)
    seg = m[window_start:end]
    seg_r = seg.rstrip()  # (what the tests of the segment's last characters read; made again when it is cut)
    # (``x[-1:] == ","`` here and below, not ``x.endswith(",")``: in 3.11 that parses its arguments with
    # ``PyArg_ParseTuple`` on every call, some hundreds of instructions)
    dm = _DASH_APPOS_RE.search(seg, len(seg) - 130) if seg_r[-1:] in ("—", "–") or seg_r[-2:] == "--" else None
    if dm is not None and looks_like_role(dm.group("inner")):
        # ``Jason Sims — a teacher from Mount Pleasant — says``: the role in dashes is not the subject.
        inner_np = np_before(m, window_start + dm.start(), floor)
        if inner_np is not None and inner_np.name and not inner_np.appos:
            inner_np.appos = dm.group("inner").strip()
        return inner_np
    if dm is not None and _ASIDE_RE.match(dm.group("inner")):
        # ``Gingrich — mentioned by Newsmax as Trump’s likely running mate — told``: an aside in
        # dashes after a name; the name is the subject
        inner_np = np_before(m, window_start + dm.start(), floor)
        if inner_np is not None and inner_np.name:
            return inner_np
    tail = seg[-24:].rsplit(None, 1)
    if tail and tail[-1] in SPOKES_NOUNS:
        px = possessed_spokes_np(m, window_start, window_start + len(seg_r))
        if px is not None:
            return px  # ``Barclays’ spokesman said``, ``the Prime Minister’s official spokesman said``
    if tail and tail[-1] in _MEDIA_HEADS:
        om = _NAMED_MEDIA_RE.search(seg, len(seg) - 120)
        if om is not None and om.group("name") not in NATIONALITIES and om.group("name") not in PLACES:
            # (``the Chinese news agency``: a country's outlet, read as such elsewhere)
            # ``the official Xinhua news agency said``, ``the nationalist Global Times tabloid noted``:
            # the outlet named inside its description speaks
            return NP(window_start + om.start("name"), end, name=om.group("name"), proxy=True)
    pm = _PAREN_ADVERB_RE.search(seg, len(seg) - 40) if seg_r[-1:] == "," else None  # (it ends in a comma)
    if pm is not None:
        seg = seg[: pm.start()]  # ``Hunter, meanwhile, told``: the adverb in commas is not part of the subject
        seg_r = seg.rstrip()
    lo = len(seg) - 180 if len(seg) > 180 else 0
    om = _OPEN_RELATIVE_RE.search(seg, lo) if "who" in seg[lo:] else None  # the clause holds a ``who``
    if om is not None:
        # ``Katie Packer, who is chairman of Our Principles PAC said``: a relative clause whose closing
        # comma the writer left out; the subject is the person named before it.
        person = parse_name(om.group("name"))
        clause = seg[om.end("name") :]
        if person is not None and person.kind == "person" and len(person.name.split()) >= 2 and not FINITE_IN_RE.search(clause):
            return NP(window_start + om.start("name"), end, name=om.group("name"))
    tm = _TIME_END_RE.search(seg, len(seg) - 40) if seg_r.endswith(_TIME_ENDINGS) else None
    if tm is not None:
        seg = seg[: tm.start()]  # ``Beck on Wednesday called``: the time is not part of the subject
        seg_r = seg.rstrip()
    # Drop adverbs between subject and verb: ``Dmitry Peskov immediately responded``.
    # Twelve words are enough for a subject; an appositive in commas before the verb may need more.
    limit = 36 if seg_r[-1:] == "," else 12
    toks = _last_words(seg, seg_r, limit, window_start)
    while toks and (
        toks[-1][0].lower() in ADVERBS
        or (
            LY_RE.fullmatch(toks[-1][0])
            and toks[-1][0] not in ORG_NOUNS
            and toks[-1][0] not in PERSON_NOUNS
            and not (len(toks) > 1 and toks[-2][0].lower() in ("the", "a", "an", "this"))
        )
    ):
        toks.pop()  # ``Peskov immediately responded``; not ``the daily said``
    if len(toks) >= 2 and toks[-1][0] in ("himself", "herself") and is_capword(toks[-2][0]):
        toks.pop()  # ``Cruz himself said``: the emphatic pronoun is not part of the subject
    if not toks:
        return None
    if len(toks) >= 2 and toks[-2][0].lower() in ("that", "which", "who") and toks[-1][0].lower() in _AUXILIARIES:
        return None  # ``“paperwork error” that was reported``: a relative clause, nobody's attribution
    if (
        len(toks) >= 2
        and toks[-1][0].isalpha()
        and toks[-1][0].islower()
        and toks[-2][0].lower() in ("the", "a", "an", "this", "that", "these", "those")
        and toks[-1][0] not in _PERSONAL_PRONOUNS  # (``told ABC that he agrees``: the conjunction and a pronoun, below)
        and toks[-1][0] not in PERSON_NOUNS
        and toks[-1][0] not in ORG_NOUNS
        and not is_qual_noun(toks[-1][0])
        and not toks[-1][0].endswith("-old")
    ):
        return NP(toks[-2][1], toks[-1][2], desc=toks[-1][0])  # ``the crowd chanted``: not a speaker we name
    if (
        len(toks) >= 2
        and toks[-1][0].startswith("(")
        and toks[-1][0].endswith("),")
        and PARTY_TAG_RE.fullmatch(toks[-1][0])
        and not toks[-2][0].endswith(",")
    ):
        toks = toks[:-1]  # ``Gov. John Kasich (R-OH), said``: a party tag and a stray comma, no appositive
    appos: str | None = None
    # An appositive in commas: ``Konstantin Kosachev, Vice Speaker of …, told``.
    if toks[-1][0][-1:] == "," and len(toks) >= 2:
        comma_end = toks[-1][2] - 1
        best = None
        for k in range(len(toks) - 2, len(toks) - 34 if len(toks) > 33 else -1, -1):
            if toks[k][0][-1:] == ",":
                inner = m[toks[k][2] : comma_end].strip()
                if PARTY_TAG_RE.fullmatch(inner):
                    best = k
                    break
                if toks[k][0][:1].islower() and _POSSESSED_END_RE.search(m, max(floor, toks[k][1] - 80), toks[k][2]):
                    ap = role_appos_before(m, toks, k, comma_end) or possessed_person(m, toks[k][2], comma_end + 1)
                    if ap is not None and ap.start > toks[k][1]:
                        # ``Clinton's introducer, actress Jamie Lee Curtis, said``: the person named in
                        # apposition to somebody's relative or aide speaks, not the owner (the phrase
                        # opens with the owner's name)
                        j = k
                        while j > 0 and not toks[j][0].endswith(("’s", "'s")):
                            j -= 1
                        while j > 0 and is_capword(toks[j - 1][0]) and not toks[j - 1][0].endswith((",", ";", ":")):
                            j -= 1
                        return NP(toks[j][1], comma_end, name=ap.name, appos=ap.appos)
                    if ap is not None:
                        return ap
                head = _RELATIVE_RE.split(inner, 1)[0]
                role_inner = looks_like_role(inner)
                if role_inner or WHO_RE.match(inner) or (head != inner and looks_like_role(head)):
                    best = k
                    appos = inner if role_inner else (head if head != inner else None)
                    break
                ra = role_appos_before(m, toks, k, comma_end)
                if ra is not None:
                    return ra
        if best is None:
            return None
        if appos is None and WHO_RE.match(m[toks[best][2] : comma_end].strip()) and best >= 1 and toks[best - 1][0].endswith(","):
            # ``Harry Bond, 30, of Raleigh, N.C., who was among those polled, said``: a relative clause
            # after an appositive of its own; the subject stands before that appositive.
            inner_np = np_before(m, toks[best][2], floor)
            if inner_np is not None and inner_np.name and inner_np.appos:
                return inner_np
        toks = toks[: best + 1]
        last, s, e = toks[-1]
        toks[-1] = (last[:-1], s, e - 1)
        # ``Smith, 34, a teacher, said`` → peel a second comma pair (the age).
        if toks[-1][0] and len(toks) >= 2 and (PARTY_TAG_RE.fullmatch(toks[-1][0]) or AGE_ONLY_RE.fullmatch(toks[-1][0])):
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
        if tok[-1:] in _PHRASE_STOPS and parts and not DOTTED_RE.match(tok):
            if (
                tok.endswith(",")
                and j >= 1
                and toks[j][0] in ("of", "from")
                and is_capword(toks[j - 1][0])
                and _is_place([p[0] for p in reversed(parts)])
            ):
                parts = []  # ``Stacy Baker of Columbia, South Carolina says``: the town and state are not the name
                n_mod = 0
                j -= 1
                continue
            break
        if tok[:1] == "(" and tok[-1:] == ")" and not parts:
            continue  # ``Sen. Elizabeth Warren (D-Mass.) said``
        t = tok.strip("“”\"")
        lowt = t.lower()
        if lowt == "for" and parts and j >= 0 and toks[j][0] in ORG_WORDS and all(is_capword(p[0]) for p in parts):
            parts.append((t, s, e))  # ``Office for National Statistics``, ``Department for Education``
            continue
        if lowt in ("of", "from") and parts and j >= 0:
            prev = toks[j][0]
            desc = _desc_before(toks, j)
            if desc is not None and all(is_capword(p[0]) for p in parts):
                desc.place = state_named([p[0] for p in reversed(parts)])
                return desc  # ``The senator from Vermont said``: a description, not the place
            if is_capword(prev) and not prev.endswith((",", ";", ":")):
                bare = prev.rstrip(".")
                if prev in ORG_WORDS or bare in ORG_WORDS or prev in TITLES or bare in TITLES:
                    parts.append((t, s, e))  # ``Bank of America``, ``Secretary of State``
                    continue
                if is_capword(parts[-1][0]):
                    parts = []  # ``Sen. Rand Paul of Kentucky``: the affiliation is not the name
                    n_mod = 0
                    continue
            break
        if t in ("This", "That") and parts and is_capword(parts[-1][0]):
            parts.append((t, s, e))  # ``CBS This Morning co-anchor DeMarco Morgan``: a name word
            continue
        if lowt in ("the", "a", "an", "this", "that"):
            if lowt == "that" and parts and is_capword(parts[-1][0]):
                break  # ``so heated that New Jersey Gov. Chris Christie said``: a conjunction
            if parts and lowt == "the" and j >= 1 and toks[j][0] in ("of", "from") and is_capword(toks[j - 1][0]) \
                    and toks[j - 1][0] not in ORG_WORDS and toks[j - 1][0] not in TITLES and not toks[j - 1][0].endswith(","):
                parts = []  # ``Jane Doe of the University of Michigan said``
                n_mod = 0
                j -= 1
                continue
            if parts:
                parts.append((t, s, e))
            break
        if lowt in ("his", "her", "their", "its", "our", "my", "your") and parts:
            if all(not is_capword(p[0]) for p in parts):
                return NP(s, parts[0][2], vague=True)  # ``his wife whispered``: somebody unnamed
            parts.append((t, s, e))
            break
        if parts and t.isupper() and j >= 0 and headline_words(t, toks[j][0]) and not parts[-1][0].isupper():
            break  # ``… DEADLY ISTANBUL EXPLOSION Turkish President Recep Tayyip Erdogan said``: a headline run on
        if is_capword(t) or is_particle(t) or lowt in PERSON_NOUNS or lowt in ORG_NOUNS or lowt in MODIFIERS or lowt[-4:] == "-old" or is_qual_noun(lowt):
            parts.append((t, s, e))
            continue
        if lowt in PLURAL_PEOPLE and not parts:
            return NP(s, e, vague=True)
        if parts and n_mod < 2 and is_modifier_word(t):
            nxt = parts[-1][0].lower()
            if nxt in PERSON_NOUNS or nxt in ORG_NOUNS or (is_modifier_word(nxt) and parts[-1][0].islower()):
                parts.append((t, s, e))  # ``finance minister``, ``press secretary``, ``central bank``
                n_mod += 1
                continue
            if j >= 0 and toks[j][0] in ("the", "The") and parts[0][0] in PERSON_NOUNS and is_capword(parts[-1][0]):
                parts.append((t, s, e))  # ``the independent Vermont senator``: a description, ``the`` next
                n_mod += 1
                continue
        break
    if not parts:
        # ``a spokesperson for the Kremlin said``
        return None
    if j >= 0 and participle_object(m, toks, j + 1, floor):
        return None  # ``White America embracing Obama announced``: the name is the participle's object
    if j >= 0 and toks[j + 1][0] == "and" and parts[0][0] in PERSON_NOUNS and not any(p[0] in ("the", "The") for p in parts):
        inner = np_before(m, toks[j + 1][1], floor)
        if inner is not None and inner.desc in PERSON_NOUNS:
            # ``the independent Vermont senator and Democratic presidential candidate told``: one person,
            # described twice; the first description names them
            return NP(inner.start, parts[0][2], desc=inner.desc, qual=inner.qual)
    if j >= 0 and toks[j + 1][0] in _ORG_INNER and is_capword(toks[j][0].strip("“”\"")) and is_capword(parts[-1][0]):
        titled = _titled_after_org(m, toks, j, parts)
        if titled is not None:
            return titled  # ``Centers for Disease Control Director Jane Roe said``: the office, then the name
    if j >= 1 and toks[j + 1][0] in _ORG_INNER and is_capword(toks[j][0].strip("“”\"")) and is_capword(parts[-1][0]):
        # ``Jane Lane of the Center for Policy Studies wrote``: the words after ``for`` end the name of
        # an organisation; the speaker is the person named before it, else nobody we can name.
        om = _PERSON_OF_ORG_RE.search(m, max(floor, toks[j][1] - 160), parts[0][2])
        if om is None:
            return None
        return NP(om.start("name"), parts[0][2], name=om.group("name"))
    parts.reverse()
    # Lower-case modifiers at the very front that lead to nothing (``cheered finance``) are dropped.
    start = parts[0][1]
    words = [p[0] for p in parts]
    spk_lo = start - 60 if start - 60 > floor else floor
    spk = SPOKES_RE.search(m, spk_lo, start) if m[spk_lo:start].rstrip().endswith(_SPOKES_ENDINGS) else None
    # Split: trailing run of capitalised words (and particles) is the name.
    k = len(words)
    while k > 0 and is_capword(words[k - 1]):
        k -= 1  # (what :func:`in_name` says first of a capitalised word, without the call)
    while k > 0 and in_name(words, k - 1):
        k -= 1
    while k < len(words) and is_particle(words[k]):
        k += 1
    name_words = words[k:]
    role_words = words[:k]
    if len(name_words) >= 2 and name_words[0] in ("The", "This", "That", "A", "An"):
        role_words = role_words + [name_words[0].lower()]
        name_words = name_words[1:]
    if spk and name_words:
        return NP(spk.start(), parts[-1][2], name=" ".join(name_words))
    if name_words and not role_words:
        open_appos = _unclosed_appositive(m, start, parts[-1][2], " ".join(name_words), floor)
        if open_appos is not None:
            return open_appos
    if not name_words:
        px = proxy_np(start, parts[-1][2], words) or named_body_np(start, parts[-1][2], words)
        if px is not None:
            return px
        det = [w.lower() for w in role_words]
        if det and det[0] in ("the", "this", "that") and len(det) >= 2:
            noun, qual = desc_noun(det)
            # ``the former Florida governor``: the state, when one is named, says which governor
            place = state_named([w for w in role_words[1:-1] if is_capword(w)])
            return NP(start, parts[-1][2], desc=noun, qual=qual, place=place)
        if det and det[0] in ("a", "an"):
            return NP(start, parts[-1][2], vague=True)
        return None
    d = desc_np(start, parts[-1][2], role_words, name_words) if role_words else None  # (a description needs words before the name)
    if d is not None:
        return d
    if role_words and role_words[0].lower() in ("a", "an", "this", "that"):
        return None
    pm = PLACE_PREP_RE.search(m, start - 12 if start - 12 > floor else floor, start)
    if pm is not None:
        head = m[max(floor, pm.start() - 24) : pm.start()].split()
        if head and head[-1] in PERSON_NOUNS and len(head) >= 2 and head[-2].lower() in ("a", "an", "one", "another"):
            # ``a woman in Worcester told``: the place names where the person described is from; the
            # subject is that person, somebody the text does not name
            return NP(max(floor, pm.start() - 24) + m[max(floor, pm.start() - 24) : pm.start()].rfind(head[-2]), parts[-1][2], vague=True)
        return None  # ``in a speech at Stanford dismissed``: the name is the object of a preposition
    pre = (" ".join(w for w in role_words if w.lower() not in ("the",)) or None) if role_words else None  # (no generator for a name alone)
    return NP(start, parts[-1][2], name=" ".join(name_words), pre_role=pre, appos=appos)
