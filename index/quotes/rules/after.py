"""Attributions that follow the quotation: right after its closing mark, or in a short sentence of
their own right after it."""

from __future__ import annotations

import re

from ..phrases.after import np_after, possessed_after
from ..phrases.before import np_before
from ..phrases.common import NP
from ..phrases.roles import role_gap
from ..words import COMMON_CAPS
from ..cues import BASE_ALT, FINITE_ALT, FINITE_CUES, PHRASAL_FINITE_ALT
from ..mentions import VAGUE, Who
from ..sentences import LEAD_WINDOW
from .base import Attribution, Reading, Site
from .before import lead
from .owners import owner_voice, qualified_org
from .sources import according_source, unnamed_after, unnamed_subject

_OPENING_VERBS = r"began|begins|started|starts|retaliated|retaliates|(?:pushed|pushes)\s+back"
"""Verbs that attribute only right after a quotation (``“The Times claims …,” Hannity started``; a
reply: ``“…,” an angry Jane Roe retaliated``, ``“…,” Roe pushed back``)."""
_INVERTED_ONLY = r"reacted|reacts"
"""Verbs that attribute only inverted right after a quotation (``“…?” reacted Trump``): ``Trump
reacted to the “…”`` is no speech."""
_VERB_FIRST_RE = re.compile(r"(?:(?:[a-z]+ly|also|later|then|again)\s+)?(?P<verb>" + FINITE_ALT + "|" + _INVERTED_ONLY + r")\b")
_TRAIL_VERB_RE = re.compile(
    r"\b(?P<verb>" + PHRASAL_FINITE_ALT + "|" + FINITE_ALT + "|" + _OPENING_VERBS
    + r"|(?:will|would)\s+(?:(?:[a-z]+ly|also|later|then|again)\s+)?(?:" + BASE_ALT + r"))\b"
)
"""A finite speech verb after the speaker (``Putin said``, ``Trump shot back``), or one with ``will``
or ``would`` (``the president will say``, from a speech's excerpts released before it is given)."""
_ACCORDING_RE = re.compile(r"[Aa]ccording\s+to\b")
_SHORT_SUBJECT_RE = re.compile(
    r"[ ,]*(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[\w’'\-]+(?:\s+[\w’'\-]+){0,3}"
    r"|(?:[A-Z][\w’'.\-]*\s+){0,4}[A-Z][\w.\-]*(?:’s|'s)\s+(?:[a-z]+\s+)?(?:spokes(?:man|woman|person)|aide|"
    r"adviser|advisor|lawyer|attorney|representative|secretary))\s+"
)
"""A short noun phrase with a determiner, or somebody's spokesman or aide, right before a trailing verb
(``the president’s office``, ``Prime Minister Boris Johnson’s spokesman``)."""
_DASH_RE = re.compile(r"\s*(?:—|–|--|-(?=\s))\s*")
_QUOTED_AS_RE = re.compile(r"\s+[^#.;:!?,“”\"]{1,80}?(?P<as>\s+as\s+)(?:saying|telling|writing|adding|stating)\b")
"""The one quoted and ``as saying`` after ``quoted`` (``… Xinhua quoted Li Wei as saying``)."""


def trail(r: Reading, i: int, end: int, anchor: int, e: int) -> tuple[Who | None, str | None, int]:
    """An attribution starting at ``i`` (``, Putin said``, ``said Smith``, ``— Coach Kerr``,
    ``according to X``): who, the cue word and where it stands."""
    m = r.m
    art = r.art
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
        np = possessed_after(m, vm.end(), e) or np_after(m, vm.end(), e)
        who = art.resolve(np, anchor)
        if who is None or who is VAGUE:
            desc = unnamed_after(r, vm.end(), e, anchor)
            if desc is not None:  # ``said a senior administration official``: an unnamed source
                return desc, vm.group("verb"), vm.start("verb")
        if who is not None or np is not None:
            # ``said the ex-coach`` naming nobody the article knows: unknown, not somebody else.
            return who or VAGUE, vm.group("verb"), vm.start("verb")
    am = _ACCORDING_RE.match(m, i, end)
    if am:
        who = according_source(r, am.end(), e, anchor)
        if who is not None:
            return who, "according to", i
    fm = _TRAIL_VERB_RE.search(m, i, min(end, i + 200))
    qa = _QUOTED_AS_RE.match(m, fm.end(), e) if fm and fm.group("verb") in ("quoted", "quotes", "cited") else None
    if fm and qa is not None:  # ``“…,” Xinhua quoted Li Wei as saying``: the one quoted speaks
        return art.resolve(np_after(m, fm.end(), qa.start("as")), anchor) or VAGUE, fm.group("verb"), fm.start()
    if fm:
        np = np_before(m, fm.start(), i)
        if np is not None and np.start > i and (np.name or np.desc):
            gap = role_gap(m, i, np.start)
            if gap is not None:
                np.pre_role = " ".join(x for x in (gap, np.pre_role) if x)
                np.start = i
        if np is None or np.vague or np.desc:
            owner = owner_voice(r, fm.start(), i, whole=True) or qualified_org(r, fm.start(), i, whole=True)
            if owner is not None:  # ``“…,” Gowdy’s office said``, ``“…,” China’s foreign ministry said``
                return owner, fm.group("verb"), fm.start()
        np_who = art.resolve(np, anchor) if np is not None else None
        if np is None:
            wm = _WORD_NAME_RE.fullmatch(m, i, fm.start())
            if wm is not None and wm.group(1) in COMMON_CAPS and wm.group(1) in art.by_surname:
                # ``“…,” Will urged`` after ``George Will``: a surname that is also a word
                who = art.resolve(NP(wm.start(1), wm.end(1), name=wm.group(1)), anchor)
                if who is not None and who is not VAGUE:
                    return who, fm.group("verb"), fm.start()
        desc = unnamed_subject(m, fm.start(), i, np_who, art)
        if desc is not None:
            return desc, fm.group("verb"), fm.start()  # ``“…,” one Trump confidant said``
        if np is not None and m[i : np.start].strip(" ,") in ("", "as"):
            # ``“…,” as Cruz said on the radio``: an as-clause attributes the words it follows
            return np_who or VAGUE, fm.group("verb"), fm.start()
        if np is None and _SHORT_SUBJECT_RE.fullmatch(m, i, fm.start()):
            # ``“…,” the president’s office said``, ``“…,” Boris Johnson’s spokesman said``: an attribution
            # naming nobody the rules know; the quote is not the one before's to carry on
            return VAGUE, fm.group("verb"), fm.start()
    if dash:
        np = np_after(m, i, end)
        if np is not None and (np.name or np.desc) and not m[np.end : end].strip(" ,.;)") or (
            np is not None and np.name and np.appos
        ):
            who = art.resolve(np, anchor)
            if who is not None and who is not VAGUE:
                return who, "—", i
    return None, None, i


_WORD_NAME_RE = re.compile(r"[\s,]*([A-Z][a-z]+)\s+(?:(?:[a-z]+ly|also|then|later)\s+)?")
"""A single capitalised word right after the quote and before the verb (``, Will urged``)."""


_COORDINATED_RE = re.compile(r"\s*(?:,\s*)?(?:and|or)?\s*")
"""What joins two quotations of one list (``“A” and “B,” X said``, ``“A,” “B” or “C”``)."""


def after_quote(r: Reading, site: Site) -> Attribution | None:
    """``“…,” Putin said``, ``“…,” said Smith, 34``, ``“…” — Coach Kerr``, ``“…,” according to X``;
    also for each quotation of a list whose last one has such an attribution (``“A” and “B,” X said``)."""
    if site.span.close_pos is None:
        return None
    if _object_of_a_speech_verb(r, site):
        return None  # ``as Trump claimed that “…,” one of the prosecutors said …``: the main clause's verb
    if _introduced_then_new_sentence(r, site):
        return None  # ``telling her, “… need you!” She replied …``: the next sentence is another turn
    who, cue, pos = trail(r, site.trail_s, site.trail_e, site.anchor, site.e)
    if who is None:
        end = _past_scare_quote(r, site)
        if end > site.trail_e:
            # ``“…,” Jane Roe, wearing “Vote Local” pins, said``: a scare quote inside the attribution
            who, cue, pos = trail(r, site.trail_s, end, site.anchor, site.e)
    if cue == "—" and _credited_after_speaker(r, site):
        return None  # ``Rajoy insisted that his party was “…”--Jane Roe.``: the writer's credit, not the speaker
    if who is not None and _introduces_next_quote(r, site):
        return None  # ``X responds with, “…?” Y then writes back, “…”``: Y's clause opens Y's own quote
    if cue in _REPORTING and _introduced_by_speaker(r, site):
        return None  # ``Canova said, “No comment,” the Herald reported``: the one the report quotes
    q = site.q
    while who is None and q + 1 < len(r.spans) and r.spans[q].close_pos is not None:
        nxt = r.spans[q + 1]
        if nxt.open_pos is None or nxt.close_pos is None or nxt.open_pos >= site.e:
            break
        if _COORDINATED_RE.fullmatch(r.m, r.spans[q].outer_end, nxt.open_pos) is None:
            break  # the next quotation is no item of the same list
        q += 1
        trail_s = nxt.close_pos + 1
        nxt_anchor = r.anchors[q + 1] if q + 1 < len(r.anchors) else site.e
        who, cue, pos = trail(r, trail_s, max(trail_s, min(site.e, nxt_anchor, trail_s + LEAD_WINDOW)), site.anchor, site.e)
    return Attribution(who, cue, pos, "trail") if who is not None else None


_ASIDE_OPEN_RE = re.compile(r"[\s,]*(?:[A-Z]|the\s)")
"""The text after a quote opens with a name or a description (``” Texas delegate Jane Roe, …``)."""
_SCARE_WORDS = 4
"""At most this many words in a scare quote or a title that an attribution may hold."""


def _past_scare_quote(r: Reading, site: Site) -> int:
    """Where the text after the quote ends when a short quote inside its sentence cut it (``“…,” Jane Roe,
    wearing a hat and “Vote Local” pins, said``): the end of the sentence, or of the quote after that
    one; ``site.trail_e`` when none did, or when the text before the short quote holds a speech cue
    or ends a clause."""
    nxt = site.q + 1
    if nxt >= len(r.spans) or r.anchors[nxt] != site.trail_e or site.trail_e >= site.e:
        return site.trail_e  # (the cheap test first: no quote of this sentence cut the text after)
    m = r.m
    if m.find(",", site.trail_s + 2, site.trail_e) < 0 or not _ASIDE_OPEN_RE.match(m, site.trail_s, site.trail_e):
        return site.trail_e  # (no name and aside in commas: ``Jane Roe, wearing …,``)
    sp = r.spans[nxt]
    words = r.art.text[sp.start : sp.end]
    if sp.close_pos is None or len(words.split()) > _SCARE_WORDS or words.rstrip()[-1:] in ",.;:!?":
        return site.trail_e
    gap = m[site.trail_s : site.trail_e]
    if not gap.strip() or gap.rstrip()[-1:] in ",;:—–-" or r.art.cues_in(site.trail_s, site.trail_e):
        return site.trail_e  # (``“A,” “B”``: a list; ``…,” he said, “…”``)
    after = r.anchors[nxt + 1] if nxt + 1 < len(r.anchors) else site.e
    return max(site.trail_e, min(site.e, after, site.trail_s + LEAD_WINDOW))


def _credited_after_speaker(r: Reading, site: Site) -> bool:
    """Does a speech cue before the quote in its sentence name somebody, while the dash credit after the
    quote ends its paragraph (``Rajoy said Monday that he will … and insisted that his party was
    “…”--Jane Roe.`` in a roundup of short items)? Then the credit names the item's writer: the quote
    is the speaker's before it."""
    if not r.art.cues_in(max(site.floor, site.anchor - LEAD_WINDOW), site.anchor):
        return False  # (the cheap test first: no cue before the quote, the credit is the quote's own)
    if r.m[site.trail_e : site.pe].strip():
        return False
    who, _, _ = lead(r, site.floor, site.anchor, site.s, site.e)
    return who is not None and who is not VAGUE


_REPORTING = frozenset("reported reports wrote writes".split())
"""Verbs of a report after a quotation that may only relay what another said before it."""
_INTRODUCED_RE = re.compile(r"\b(?:" + FINITE_ALT + r")\s*[,:]\s*$")


def _introduced_by_speaker(r: Reading, site: Site) -> bool:
    """Does a speech verb and a comma or colon right before the quote introduce it, with a speaker
    named (``Canova bristled and said, “No comment,” the Herald reported``)? Then a report after it
    only relays it."""
    lo = max(site.floor, site.anchor - 30)
    if _INTRODUCED_RE.search(r.m, lo, site.anchor) is None:
        return False
    who, _, _ = lead(r, site.floor, site.anchor, site.s, site.e)
    return who is not None and who is not VAGUE


def _introduces_next_quote(r: Reading, site: Site) -> bool:
    """Does the attribution after the quote end with a comma or colon right before the next quote of
    the sentence, while a speech cue before the quote names somebody of its own (``Clinton responds
    to Mills with, “…?” Mills then writes back, “…”``)? Then it introduces the next quote."""
    nxt = site.q + 1
    if nxt >= len(r.anchors) or r.anchors[nxt] >= site.e or r.anchors[nxt] != site.trail_e:
        return False  # (the cheap test first: the next quote does not follow in this sentence)
    if not r.m[site.trail_s : site.trail_e].rstrip().endswith((",", ":")):
        return False
    if not r.art.cues_in(max(site.floor, site.anchor - 120), site.anchor):
        return False
    who, _, _ = lead(r, site.floor, site.anchor, site.s, site.e)
    return who is not None and who is not VAGUE


_LEAD_CUE_RE = re.compile(
    r"\b(?:" + FINITE_ALT + r")(?:\s+(?:on|in|at|last|this|earlier|later)(?:\s+[A-Za-z]+)?)?(?:\s+that)?\s*$"
)
_SUBORDINATOR_RE = re.compile(
    r"\b(?:[Aa]s|[Ww]hen|[Ww]hile|[Aa]fter|[Aa]lthough|[Tt]hough|[Bb]ecause|[Ss]ince|[Ii]f|[Ww]hereas|that|which|whom)\s+[A-Z]"
)
"""A subordinate or relative clause opening with its subject's name (``even as Trump claimed``, ``in a
clip that Judge Jane Roe called``)."""
_COMMA_SUBJECT_RE = re.compile(r"\s*,?\s*(?!(?:" + FINITE_ALT + r")\b)[A-Za-z]")
"""After the quote: a word that opens another clause's subject, not a speech verb (``, one of …``)."""


def _object_of_a_speech_verb(r: Reading, site: Site) -> bool:
    """Is the quotation the object of a speech verb right before it whose subject names somebody, and
    followed by a comma and another clause's subject (``But even as Trump claimed that “…,” one of the
    prosecutors said …``)? Then the verb after the comma is the main clause's, not the quote's."""
    m = r.m
    lead_words = m[max(site.floor, site.anchor - 40) : site.anchor].split()[-4:]
    if FINITE_CUES.isdisjoint(lead_words):
        return False  # (the cheap test first: most quotations follow no speech verb this closely)
    comma = m[site.trail_s : site.trail_s + 2].lstrip().startswith(",") or r.art.text[site.span.start : site.span.end].rstrip().endswith(",")
    if not comma or _COMMA_SUBJECT_RE.match(m, site.trail_s, site.trail_e) is None:
        return False
    cm = _LEAD_CUE_RE.search(m, max(site.floor, site.anchor - 40), site.anchor)
    if cm is None or _SUBORDINATOR_RE.search(m, max(site.floor, cm.start() - 60), cm.start()) is None:
        return False  # (``Nothing the president said “…,” the senator said``: a clause inside the subject)
    who, _, _ = lead(r, site.floor, site.anchor, site.s, site.e)
    return who is not None and who is not VAGUE


_NEW_SENTENCE_RE = re.compile(r"[ \t]+[A-Z]")


def _introduced_then_new_sentence(r: Reading, site: Site) -> bool:
    """Does a quotation that a speech cue introduces (``telling her, “…”``, ``responds to Mills with,
    “…”``) end with ``!`` or ``?`` and a capitalised word after it?  Then what follows opens a new
    sentence (``She replied …``, ``Mills then writes back …``): another turn, not this one's attribution."""
    sp = site.span
    if sp.close_pos is None or r.m[sp.close_pos - 1 : sp.close_pos] not in ("!", "?"):
        return False  # (the cheap test first: most quotations end otherwise)
    if _NEW_SENTENCE_RE.match(r.m, site.trail_s, site.trail_e) is None:
        return False
    lo = max(site.floor, site.anchor - 80)
    if not r.m[lo : site.anchor].rstrip().endswith((",", ":")):
        return False
    return any(c.lastgroup != "noun" for c in r.art.cues_in(lo, site.anchor))


def attribution_sentence(r: Reading, site: Site) -> Attribution | None:
    """``“We will win.” Smith said.``: a short attribution sentence right after a quotation that is a
    sentence of its own, when that sentence quotes nothing itself."""
    m = r.m
    sp = site.span
    if sp.close_pos is None or m[site.trail_s : site.trail_e].strip(" ,;:—–-") or sp.end < site.e - 2:
        return None
    if m[site.s : site.anchor].strip(" \t\n—–-([“‘\"'"):
        return None  # ``X said Y “caused death.” Z called …``: the quote belongs to its own sentence
    nxt = next(((a, b) for a, b, p2 in r.art.sents[site.si + 1 : site.si + 2] if p2 == site.pi), None)
    if not nxt or len(m[nxt[0] : nxt[1]].split()) > 6:
        return None
    if site.q + 1 < len(r.anchors) and r.anchors[site.q + 1] < nxt[1]:
        return None  # the next sentence quotes somebody of its own: it is no attribution of this one
    who, cue, pos = trail(r, nxt[0], nxt[1], site.anchor, nxt[1])
    return Attribution(who, cue, pos, "trail") if who is not None else None
