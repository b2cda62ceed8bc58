"""The noun phrase after a speech verb or at the start of a sentence: ``said Smith, 34, a teacher``,
``according to X``, the subject of a sentence after its dateline and introductory phrases."""

from __future__ import annotations

import re
from functools import lru_cache

from ..phrases.common import (
    named_body_np,
    NAMED_BODY_HEADS,
    dateline_at,
    desc_np,
    in_name,
    is_capword,
    INTRO_RE,
    is_modifier_word,
    is_particle,
    MODIFIERS,
    NP,
    PRONOUNS_AFTER,
    proxy_np,
    PROXY_OPENERS,
    SPOKES_AFTER_RE,
    TRAIL_CHARS,
    TRAIL_KEEP_RE,
    per_text,
    WORD_RE,
)
from ..phrases.name_scan import NAME_SEQ_RE
from ..phrases.names import parse_name
from ..places import state_named
from ..phrases.role_words import lower_role_of, present_verb, qualifier_head, role_of, titles_only
from ..phrases.roles import appositive_after, desc_noun, is_qual_noun, possessed_person, role_appos_before
from ..words import COMMON_CAPS, ORG_NOUNS, ORG_WORDS, PERSON_NOUNS, PLURAL_PEOPLE, TITLES



_SOURCE_BY_RE = re.compile(
    r"\s*(?:(?:a|an|the|new|recent|latest|his|her|their|its)\s+)?(?:[a-z][a-z\-]*\s+){1,3}?(?:by|from)\s+"
    r"(?=(?:(?!(?:a|an|the|his|her|their|its|our|my|your|this|that|these|those)\s)[a-z][a-z\-]*\s+){0,2}[A-Z])"
)
"""``according to [calculations] by``, ``according to [a post] from``: what the source wrote, then who
(``according to a court document filed by state attorney Dave Aronberg``: a role in lower case may
open the name; a determiner opens no name)."""


def source_after(m: str, start: int, limit: int) -> NP | None:
    """The source after ``according to`` at ``start``: the noun phrase there, or the one after a
    written thing and ``by``/``from`` (``according to calculations by Amy Glasmeier``, ``according
    to a post from Arianna Huffington``, ``according to documents obtained by The Post``)."""
    np = np_after(m, start, limit)
    if np is not None and (np.name or np.pron):
        return np
    bm = _SOURCE_BY_RE.match(m, start, limit)
    if bm is not None:
        by = np_after(m, bm.end(), limit)
        if by is not None and by.name:
            return by
    return np


_WORDS = 9
"""Words :func:`np_after` reads first; a phrase that goes on through all of them is read again with
:data:`_MORE_WORDS` (``said former Pennsylvania Gov. and Democratic National Committee Chairman Ed
Rendell``)."""
_MORE_WORDS = 12


def np_after_once(m: str, start: int, limit: int, size: int = _WORDS) -> NP | None:
    """The noun phrase starting at ``start`` (``said Smith, 34, a teacher``, ``according to X``), of at
    most ``size`` words: :func:`np_after` without remembering it (for a text other than the article's,
    such as a label read on its own, so that the article's remembered phrases stay)."""
    seg_end = start + 160 if start + 160 < limit else limit  # (no ``min``: in 3.11 it parses keywords per call)
    i = start
    while i < seg_end and m[i].isspace():
        i += 1
    seg = m[i:seg_end]
    raw = seg.split(None, size)[:size]  # the first words (``m[i]`` opens the first)
    if not raw:
        return None
    first = raw[0].rstrip(",.;:!?").lower()
    if first in PRONOUNS_AFTER:
        return NP(i, i + len(first), pron=first)
    if first in PLURAL_PEOPLE:
        return NP(i, i + len(raw[0]), vague=True)
    find = m.find
    # ``Tesla’s president of automotive, Tom Zhu, wrote``
    for k, w in enumerate(raw) if "," in seg else ():  # (no comma: no word ends with one)
        if w[-1] == ",":
            if k >= 1:
                comma_end = _token_end(m, raw, k, i)
                nm = NAME_SEQ_RE.match(m, comma_end + 1 if comma_end < seg_end and m[comma_end] == " " else comma_end)
                if nm and nm.end() < len(m) and m[nm.end() : nm.end() + 1] in (",",):
                    ra = role_appos_before(m, _locate(m, raw[: k + 1], i), k, nm.end())
                    if ra is not None:
                        return ra
            break
    words: list[str] = []
    end = i
    n = len(raw)
    forced = 0
    p = i
    for idx, tok in enumerate(raw):
        # Where the word stands, found as it is read (most phrases end in two or three): the first
        # opens at ``i``; one space after the word before, it opens right after that space (no
        # search); else the next occurrence is it, as only white space stands between.
        s = i if not idx else p + 1 if not m[p + 1].isspace() else find(tok, p)
        p = s + len(tok)
        t = tok
        trail = ""
        while t and t[-1] in TRAIL_CHARS and not TRAIL_KEEP_RE.fullmatch(t):
            trail = t[-1] + trail
            t = t[:-1]
        if not t:
            break
        lowt = t.lower()
        if forced:
            forced -= 1
            words.append(t)
            end = s + len(t)
            if trail:
                break
            continue
        if lowt == "of" and not trail and words:
            forced = role_of(words, raw, idx)
            if forced:
                # ``said secretary of state Helen Marsh``, ``said chief of staff Mark Doyle``: a
                # lower-case role with ``of`` before the name (its lower-case words taken as they are).
                words.append(t)
                end = s + len(t)
                continue
        if not words and not trail and t.islower() and raw[idx + 1 : idx + 3].count("of") and not _phrase_word(t):
            forced = lower_role_of(raw, idx)  # (the cheap tests first: a lower-case word, ``of`` after it)
            if forced:
                # ``said master of ceremonies Jane Roe``: lower-case words with ``of``, then a full name
                forced -= 1
                words.append(t)
                end = s + len(t)
                continue
        if not words and lowt in ("the", "a", "an", "this", "his", "her", "their", "its", "our"):
            words.append(lowt)
            end = s + len(t)
            continue
        ok = (
            _phrase_word(t)
            or (words and is_particle(t))
            or (lowt in ("the", "a", "an") and not words)
            or (lowt in ("spokesperson", "spokesman", "spokeswoman", "for", "of") and words and words[-1].lower() in ("spokesperson", "spokesman", "spokeswoman", "representative", "for", "of"))
        )
        if (
            not ok and (lowt == "of" or lowt == "for") and words and idx + 1 < n and is_capword(raw[idx + 1])
            and (words[-1] in ORG_WORDS or lowt == "of" and words[-1] in TITLES)
        ):
            ok = True  # ``Bank of England``, ``Secretary of State``, ``Office for National Statistics``
        if (
            not ok and lowt == "and" and not trail and words and (words[-1].lower() in PERSON_NOUNS or words[-1] in TITLES)
            and titles_only(words)
            and any(w.rstrip(",.;:") in TITLES for w in raw[idx + 1 : idx + 6])
        ):
            # ``Former prosecutor and New York City Mayor Rudy Giuliani``, ``former Pennsylvania Gov. and
            # party Chairman Ed Rendell``: two titles of one person (a state may qualify the first)
            ok = True
        if not ok and not trail and is_modifier_word(lowt) and not (
            words
            and is_capword(words[-1])
            and words[-1] not in TITLES
            and words[-1][-2:] not in ("’s", "'s")  # (slices: ``endswith`` parses its arguments per call)
            and (lowt[-2:] == "ed" or present_verb(lowt, raw, idx))
        ):
            # (a past tense right after a name is its verb: ``Donald Trump attacked former nominee
            # Mitt Romney`` is Trump acting, not a role of Romney's; so is a present tense before a
            # capitalised word: ``Roloson supports Democrat Hillary Clinton``)
            # ``said press secretary Karine Jean-Pierre``, ``said pollster Frank Luntz``: lower-case
            # role words right before a role noun or a name.
            for t2 in raw[idx + 1 : idx + 4]:
                l2 = t2.rstrip(",.;:").lower()
                if l2 in PERSON_NOUNS or (
                    is_capword(t2)
                    and t2 not in COMMON_CAPS
                    and (not any(is_capword(w) for w in words) or qualifier_head(words, idx, lowt, t2))
                ):
                    ok = True
                    break
                if not is_modifier_word(l2):
                    break
        if not ok:
            break
        words.append(t)
        end = s + len(t)
        if trail:
            break
    else:
        if size == _WORDS and n == size:
            return np_after_once(m, start, limit, _MORE_WORDS)  # (every word read is in the phrase: read on)
    if not words:
        return None
    nxt = WORD_RE.match(m, end + 1, seg_end) if end < seg_end and m[end] == " " else None
    if nxt is not None and nxt.group().rstrip(",.;:") in PLURAL_PEOPLE:
        return NP(i, nxt.end(), vague=True)  # ``Legislative leaders noted``, ``Sanders supporters``
    px = (proxy_np(i, end, words) or named_body_np(i, end, words)) if words[0] in PROXY_OPENERS else None  # (what it opens with: the cheap test first)
    if px is None and nxt is not None and words[0] in PROXY_OPENERS and nxt.group().rstrip(",.;:") in NAMED_BODY_HEADS:
        head = nxt.group().rstrip(",.;:")  # ``the Obama administration``
        px = named_body_np(i, nxt.start() + len(head), [*words, head])
    if px is not None:
        return px
    if (
        len(words) >= 3
        and words[0] in ("the", "this")
        and words[-1].islower()
        and (words[-1] in PERSON_NOUNS or words[-1] in ORG_NOUNS)
        and all(is_capword(w) or w.islower() for w in words[1:-1])
    ):
        # ``The Vermont senator``, ``the Wisconsin Republican``: a description, the state a qualifier.
        return NP(i, end, desc=words[-1], qual=None, place=state_named(words[1:-1]))
    # ``a spokesperson for the Kremlin``
    sm = SPOKES_AFTER_RE.match(" ".join(words)) if words[0] in ("a", "an", "the") else None  # (what it opens with)
    if sm:
        return NP(i, end, name=sm.group(1))
    k = len(words)
    while k > 0 and not is_capword(words[k - 1]):
        k -= 1
    while k > 0 and is_capword(words[k - 1]):
        k -= 1  # (what :func:`in_name` says first of a capitalised word, without the call)
    while k > 0 and in_name(words, k - 1):
        k -= 1
    while k < len(words) and is_particle(words[k]):
        k += 1
    if k < len(words) and words[k].lower() in ("the",):
        k += 1
    role_words = words[:k]
    name_words = words[k:]
    # Name ends at the first non-capitalised word that is not a particle inside the name.
    cut = len(name_words)
    for j, w in enumerate(name_words):
        if is_capword(w):
            continue
        if (w == "of" or w == "for") and j > 0 and j + 1 < len(name_words) and in_name(name_words, j):
            continue
        if is_particle(w):
            j2 = j + 1
            while j2 < len(name_words) and is_particle(name_words[j2]):
                j2 += 1
            if j2 < len(name_words) and is_capword(name_words[j2]):
                continue
        cut = j
        break
    name_words = name_words[:cut]
    if not name_words:
        det = [w.lower() for w in role_words]
        if det and det[0] in ("the", "this") and len(det) >= 2:
            noun, qual = desc_noun(det)
            return NP(i, end, desc=noun, qual=qual)
        return NP(i, end, vague=True) if det and det[0] in ("a", "an") else None
    d = desc_np(i, end, role_words, name_words) if role_words else None  # (a description needs words before the name)
    if d is not None:
        return d
    if not role_words:
        pre = None  # (most subjects: a name alone)
    elif role_words[0].lower() in ("a", "an"):
        return None
    else:
        pre = " ".join(w for w in role_words if w.lower() != "the") or None
    appos = appositive_after(m, end, limit) if m[end : end + 1] == "," and end < limit else None
    return NP(i, end, name=" ".join(name_words), pre_role=pre, appos=appos)


np_after = per_text(np_after_once)
"""The noun phrase starting at ``start`` (see :func:`np_after_once`), worked out once per place and
limit of an article (:func:`~.common.per_text`): the same NP is handed to every caller, which must not
change it."""


_VOICE_NOUNS = frozenset("campaign office account page feed website blog camp team".split())
"""What speaks with its owner's voice (``said Gowdy’s office``): the owner, as before a verb."""
_POSSESSED_RE = re.compile(
    r"\s*(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*(?:’s|'s)(?P<words>(?:\s+[a-z][\w\-]*){1,5}+)(?!\s+[A-Z])"
)
"""``Clinton’s top foreign policy aide`` up to its last lower-case word, not followed by a name (``Trump’s
daughter Ivanka`` is Ivanka, read by :func:`np_after`)."""


def possessed_after(m: str, i: int, limit: int) -> NP | None:
    """``said Clinton’s husband``, ``exhorted Clinton's introducer, actress Jamie Lee Curtis``: after an
    inverted cue, somebody's relative, aide or introducer, who is not the owner. The person named in
    apposition, else an NP naming nobody; ``None`` when the phrase at ``i`` is no such description (or
    names what speaks with its owner's voice: ``said Gowdy’s office``)."""
    pm = _POSSESSED_RE.match(m, i, limit)
    if pm is None or pm.group("words").split()[-1] in _VOICE_NOUNS:
        return None
    ap = possessed_person(m, pm.end(), limit)
    return ap if ap is not None else NP(i, pm.end(), vague=True)


@lru_cache(maxsize=65536)
def _phrase_word(t: str) -> bool:
    """Can the word ``t`` (its trailing punctuation stripped) stand in a noun phrase whatever stands
    around it: a capitalised name word, a person noun (``ex-coach`` too), a modifier (``former``) or
    an age (``34-year-old``)?  Remembered per spelling, like :func:`~.common.is_capword`."""
    c0 = t[0]
    lowt = t.lower()
    return bool(
        ((c0.isupper() or c0 > "\u00ff" or "-" in t[:4] or "\u2011" in t[:4]) and is_capword(t))
        or lowt in PERSON_NOUNS
        or ("-" in lowt and is_qual_noun(lowt))
        or lowt in MODIFIERS
        or lowt[-4:] == "-old"
    )


def _token_end(m: str, words: list[str], k: int, i: int) -> int:
    """Where ``words[k]`` ends, of the words of ``m`` that follow one another from ``i`` on (what
    :func:`_locate` says of it, without listing the others)."""
    p = i + len(words[0])  # (``m[i]`` opens the first word)
    find = m.find
    for w in words[1 : k + 1]:
        # one space after the word before, the word opens right after it (no search)
        p = (p + 1 if not m[p + 1].isspace() else find(w, p)) + len(w)
    return p


def _locate(m: str, words: list[str], i: int) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` of ``words``, the words of ``m`` that follow one another from ``i`` on."""
    out = []
    p = i
    for w in words:
        p = m.find(w, p)
        out.append((w, p, p + len(w)))
        p += len(w)
    return out


def subject_np(m: str, s: int, e: int) -> tuple[int, NP | None]:
    """Where the subject of the sentence ``[s, e)`` stands (after a dateline and introductory
    phrases), and its noun phrase."""
    dm = dateline_at(m, s, e)
    s0 = dm.end() if dm else s
    im = INTRO_RE.match(m, s0, e) if "," in m[s0:e] else None  # every introductory phrase ends in a comma
    i = im.end() if im else s0
    while i < e and m[i].isspace():
        i += 1
    if i < e and im is not None and m[i].islower():
        pm = _PRONOUN_SUBJECT_RE.match(m, i, e)
        if pm is not None:
            return i, NP(i, pm.end(1), pron=pm.group(1))  # ``As for Trump, he said``: the subject is ``he``
    cm = _CONJ_OPENING_RE.match(m, i, e) if i < e and m[i] in _CONJ_FIRST else None  # (the cheap test first)
    if cm is not None:
        # ``But he leaves …``, ``And Trump said …``: the conjunction is not the subject.
        j = cm.end()
        pm = _PRONOUN_SUBJECT_RE.match(m, j, e)
        if pm is not None:
            return j, NP(j, pm.end(1), pron=pm.group(1))
        if j < e and m[j].isupper():
            i = j
        elif j < e and m[j].islower():
            lm = _LATE_PRONOUN_RE.match(m, j, e)
            if lm is not None:
                # ``But back on American soil, he returned …``: a phrase after the conjunction, then ``he``
                return lm.start(1), NP(lm.start(1), lm.end(1), pron=lm.group(1))
    if i < e and m[i].isdigit():
        am = _AGE_OPENING_RE.match(m, i, e)
        if am is not None:
            i = am.end()  # ``76-year-old Jane Roe, a founder of …, endorsed``: the age is no part of the name
    if i >= e or m[i] in "#“”\"‘’'" or m[i].islower() or m[i].isdigit():
        return i, None
    fm = _PLAIN_SUBJECT_RE.match(m, i, e)
    if fm is not None and not _could_be_person(fm.group(1)) and not _could_be_person(fm.group(2)):
        return i, None  # ``The war in Ukraine …``: a common noun, nobody who speaks
    opening = m[i : i + 40 if i + 40 < e else e]  # (``in`` a slice: no arguments to parse, as ``find`` has)
    sm = (
        _POSSESSED_SUBJECT_RE.match(m, i, e)
        if ("’s " in opening or "'s " in opening) and "," in m[i : i + 90 if i + 90 < e else e]
        else None
    )
    if sm is not None:
        ap = possessed_person(m, sm.end(), e)
        if ap is not None:
            # ``Clinton's chief Democratic rival, Sen. Bernie Sanders of Vermont, was …``: the person
            # named in apposition to somebody's rival, aide or relative is the subject, not the owner
            return ap.start, ap
    np = np_after(m, i, e)
    if np is not None and np.name and np.end < e and m[np.end] == "," and im is not None and _is_place(np.name):
        # ``Speaking in Salem, New Hampshire, Trump went …``: the state ends the introductory phrase.
        j = np.end + 1
        while j < e and m[j].isspace():
            j += 1
        if j < e and m[j].isupper():
            return j, np_after(m, j, e)
    return i, np


_POSSESSED_SUBJECT_RE = re.compile(r"[A-Z][\w.\-]*+(?:\s+[A-Z][\w.\-]*+){0,3}?(?:’s|'s)(?:\s+[\w\-]++){0,4}?\s+[a-z][\w\-]*+(?=,)")
"""A sentence opening with somebody's noun up to a comma (``Clinton's chief Democratic rival,``)."""
_AGE_OPENING_RE = re.compile(r"\d{1,3}-year-old\s+(?=[A-Z])")
"""An age opening the sentence before a name (``76-year-old Jane Roe``)."""
_CONJ_OPENING_RE = re.compile(
    r"(?:But|And|Yet|So|Or|Nor|Then|Later|Now|Instead|Also|Earlier|Finally|Eventually|Meanwhile)\s+(?=[A-Za-z])"
)
"""A coordinating conjunction or a sentence adverb opening a sentence without a comma (``Then he
cut into Bush``, ``Later Trump said``)."""
_CONJ_FIRST = "BAYSONTLIEFM"
"""The letters :data:`_CONJ_OPENING_RE`'s words open with."""
_PRONOUN_SUBJECT_RE = re.compile(r"(he|she)\s+[a-z]")
_LATE_PRONOUN_RE = re.compile(r"[^,.;:!?#“”\"]{1,60}?,\s*(he|she)\s+[a-z]")
"""A pronoun subject after an introductory phrase, followed by its verb."""


def _is_place(name: str) -> bool:
    """A place name (a state after a town: ``New Hampshire``, ``Colo.``)."""
    parsed = parse_name(name)
    return parsed is not None and parsed.kind == "place"


_PLAIN_SUBJECT_RE = re.compile(r"(?:The|A|An|This|That|These|Those|Its|Their)\s+([a-z][a-z\-]*)\s+([a-z][a-z\-]*)\b")
"""A sentence opening with a determiner and two lower-case words (a quick way past most subjects)."""


def _could_be_person(word: str) -> bool:
    """Could this lower-case word start or head a description of somebody (``former``, ``senator``)?"""
    return (
        word in PERSON_NOUNS
        or word in ORG_NOUNS
        or word in MODIFIERS
        or word in PLURAL_PEOPLE
        or word[-4:] == "-old"
        or is_qual_noun(word)
        or word in ("spokesperson", "spokesman", "spokeswoman", "representative")
    )
