"""Attributions that come before the quotation in its sentence: ``X said: “…”``, ``X told Sputnik
that “…”``, ``calling Trump’s words “…”``, ``according to X, “…”``, ``in his statement, “…”``."""

from __future__ import annotations

import re

from ..phrases.after import np_after
from ..phrases.before import np_before
from ..phrases.common import CAPWORD_RE, NP, POSS_END_RE, WS_RE
from ..phrases.unnamed import described_after
from ..cues import chain_start, FINITE_CUES, hearsay_start, NOUN_CUES, object_control
from ..mentions import VAGUE, Who
from ..words import COMMON_CAPS
from ..sentences import LEAD_WINDOW
from .base import Attribution, before_is_coordination, Reading, sentence_subject, Site
from .later import later_in_sentence
from .owners import (
    delivered_saying,
    owner_voice,
    possessed_saying,
    qualified_org,
    SAYING_NOUN_WORDS,
    wedged_saying,
    WHEN_WORDS,
)
from .sources import according_source, unnamed_after, unnamed_subject
from .clauses import (
    closed_subordinate,
    in_closed_relative,
    object_ends,
    opens_predicate,
    participle_verb,
    passive_before,
    relative_thing,
    reported_subject_between,
    subject_right_before,
    unowned_noun,
)


_PUNCT = " ,;:—–-\"”’“‘'"
_QUOTED_AS_RE = re.compile(
    r"(?:(?P<passive>\b(?:was|were|is|are|been|being)\s+)?\b(?P<verb>quoted|quotes|quoting|cited|cites|citing))"
    r"\b[^#.;:!?]{0,120}?(?P<as>\bas\s+)$"
)
"""``quoted Jane Smith as`` / ``was quoted as`` right before a participle (``saying``)."""
_OBJECT_PREP_RE = re.compile(r"\b(?:to|at|for|by|in|into|against|toward|towards)\s+(?:the\s+)?$")
"""A preposition right before a name makes it its object: ``wrote in a statement to Wired explaining``
is Wired read to, not Wired explaining. Not ``with``, ``of``, ``from``: the name after them is often the
participle's own subject (``with Trump yelling``, ``an account of Clinton telling``, ``no different from
Bush calling``)."""
_ADVERBS_RE = re.compile(r"(?:\s+(?:[a-z]+ly|also|then|again|later|still))*\s*")
_INVERTED_END_RE = re.compile(r"\s*(?:[,.;:!?—–(#”\"]|$|(?:on|in|at|last|this|during|after|before|of|about)\b)")
_OPENING_VERB_RE = re.compile(r"\s*(?:[A-Z][a-z]+ly,?\s+)?(?P<verb>[A-Z][a-z]+)\s+")
"""A sentence opening with a capitalised verb (``Said Ruth Connor, …``, ``Adds Smith:``)."""
_RELATIVE_WHO_RE = re.compile(
    r",\s+who(?:\s+(?:[a-z]+ly|also|later|then|again|had|has|have|would|will|in\s+the\s+past|at\s+times|"
    r"last\s+(?:week|month|year)|in\s+\d{4}))*\s+$"
)


def lead(r: Reading, floor: int, anchor: int, s: int, e: int) -> tuple[Who | None, str | None, int]:
    """The last speech cue between ``floor`` and the quote at ``anchor`` that names somebody, and who
    it names (verbs first, from the nearest back; a verb whose subject names nobody we know stops
    the search; then speech nouns)."""
    art = r.art
    floor = anchor - LEAD_WINDOW if anchor - LEAD_WINDOW > floor else floor  # (no ``max``: in 3.11 it parses keywords per call)
    cues = art.cues_in(floor, anchor)
    if not cues:
        owned = possessed_saying(r, floor, anchor)
        return owned if owned[0] is not None else delivered_saying(r, floor, anchor)
    verbish = [c for c in cues if c.lastgroup != "noun"]
    for k in range(len(verbish) - 1, -1, -1):
        c = verbish[k]
        if k > 0 and in_closed_relative(art, c, floor, anchor):
            continue  # ``asked by host Jane Roe, who … has dismissed the story, “…”``: the clause is closed
        who = cue_speaker(r, c, floor, s, e)
        if who is not None:
            outer = _reporter(r, c, anchor, floor, s, e) if who is not VAGUE else None
            if outer is not None and outer[0] != who:
                return outer  # ``Trump said that Romney begged him … and “would have …”``: Trump's words
            return who, WS_RE.sub(" ", c.group(0)), c.start()
    if verbish:
        return None, WS_RE.sub(" ", verbish[-1].group(0)), verbish[-1].start()
    who = _noun_speaker(r, cues[-1], floor, s, e)
    if who is None:
        owned = possessed_saying(r, floor, anchor)  # ``Trump’s recent evidence-free assertion that “…”``
        if owned[0] is not None:
            return owned
    return who, WS_RE.sub(" ", cues[-1].group(0)), cues[-1].start()


def _reporter(
    r: Reading, c: re.Match[str], anchor: int, floor: int, s: int, e: int
) -> tuple[Who, str, int] | None:
    """Who reports the clause of the speech verb ``c`` when the quote at ``anchor`` is no complement of
    ``c`` but a predicate after ``and`` and ``c`` stands in the that-clause of an earlier speech verb
    (``Trump said that Romney begged him for help and “would have …”``): that verb's speaker, its cue and
    where it stands."""
    m = r.m
    if not opens_predicate(m, c.end(), anchor):
        return None  # (the cheap test first: the quote follows no ``and``)
    for x in r.art.cues_in(max(floor, c.start() - 60), c.start()):
        if x.lastgroup == "finite" and reported_subject_between(m, x.end(), c.start()):
            who = cue_speaker(r, x, floor, s, e, thorough=False)
            if who is not None and who is not VAGUE:
                return who, WS_RE.sub(" ", x.group(0)), x.start()
    return None


def cue_speaker(r: Reading, c: re.Match[str], floor: int, s: int, e: int, thorough: bool = True) -> Who | None:
    """Who speaks through the verb cue ``c`` (``VAGUE`` when its subject names nobody known).
    ``thorough=False`` skips the clause-level fallbacks (``and said`` → the clause's subject,
    adverbials between subject and verb): enough for noting who spoke in passing."""
    m = r.m
    art = r.art
    kind = c.lastgroup
    if kind == "according":
        return according_source(r, c.end(), e, c.start())
    if kind == "part":
        qm = _QUOTED_AS_RE.search(m, max(floor, c.start() - 160), c.start()) if m[c.start() - 3 : c.start()] == "as " else None
        if qm is not None:
            # ``The Times quoted Jane Smith as saying``: the one quoted speaks, not the one quoting.
            if qm.group("passive"):
                return r.clause_subject(c.start(), s, e)
            return art.resolve(np_after(m, qm.end("verb"), qm.start("as")), c.start()) or VAGUE
        np = np_before(m, c.start(), floor)
        if np is not None and np.name and _ADVERBS_RE.fullmatch(m, np.end, c.start()) and not m[floor : np.start].rstrip().endswith(",") \
                and _OBJECT_PREP_RE.search(m, max(floor, np.start - 12), np.start) is None:
            who = art.resolve(np, c.start())  # ``with Trump reportedly yelling: “…”``
            if who is not None:
                return who
        who = _speaker_of_clause_before(r, c, floor, s, e) or _by_participle(r, c, floor)
        if who is not None:
            return who
        if not m[s : c.start()].strip(_PUNCT) and m[c.end() : c.end() + 1] == ",":
            # ``… Maher stated of it that “…” ¶ Adding, “…”``: a participle opening its sentence carries
            # on the speech of the sentence before
            si = art.sent_of(s)
            event = r.sent_cue.get(si - 1) if si > 0 and art.sents[si - 1][2] >= art.sents[si][2] - 1 else None
            if event is not None and event[0] is not VAGUE:
                return event[0]
        return r.clause_subject(c.start(), s, e)
    if thorough and kind == "finite" and m.startswith(" by ", c.end()):
        agent = _passive_agent_before(r, c, floor, e)
        if agent is not None:
            return agent  # ``Sanders was asked by host Jane Roe, “…”``: the one asking
    start = chain_start(m, c.start()) if kind == "base" else hearsay_start(m, c.start()) if kind == "finite" else c.start()
    if kind == "base" and start == c.start():
        obj = object_control(m, start, floor)
        if obj >= 0:
            # ``That prompted Jane Roe to state``, ``asked the mayor to say``: the object speaks; one
            # that names nobody leaves the verb before to its own subject
            return _named_object(r, obj, c.start())
    lo = start - 60 if start - 60 > floor else floor  # (no ``max``: in 3.11 it parses keywords per call)
    rm = _RELATIVE_WHO_RE.search(m, lo, start) if "who" in m[lo:start] else None
    if rm is not None:
        start = rm.start()  # ``Loretta E. Lynch, who told Congress``: the one named before ``who``
    np = np_before(m, start, floor)
    if np is None and kind == "finite" and relative_thing(m, start, floor):
        return VAGUE  # ``Clinton’s email use, which an FBI investigation said was “…”``: a thing's report
    if (np is None or np.vague) and start - floor > 12 and kind == "finite":
        np = _subject_before_phrase(m, start, floor) or np  # ``when Trump in his announcement speech called``
    who = art.resolve(np, c.start())
    if np is None or np.vague:
        who = owner_voice(r, start, floor) or who  # ``her Twitter account posted:``, ``Gowdy’s office assured``
    if np is None or np.desc:
        who = qualified_org(r, start, floor) or who  # ``China’s foreign ministry said``
    desc = unnamed_subject(m, start, floor, who, art) if thorough or who is None or who.kind != "person" else None
    if desc is not None:
        return desc  # ``One Democratic official who relayed the exchange said``, ``A friend of Jane Roe said``
    if np is None and who is None:
        wm = _WORD_SURNAME_RE.search(m, start - 30 if start - 30 > floor else floor, start)
        if wm is not None and wm.group(1) in COMMON_CAPS and wm.group(1) in art.by_surname:
            # ``Will urged`` after ``George Will``: a surname that is also a word, right before the verb
            who = art.resolve(NP(wm.start(1), wm.end(1), name=wm.group(1)), c.start())
    if np is None and kind == "finite" and m[c.start() - 3 if c.start() - 3 > floor else floor : c.start()].rstrip()[-1:] in (",", "”", '"', "’"):
        after = np_after(m, c.end(), e)  # ``…, said Wilcox, an Orlando Republican``: inverted
        if (
            after is not None
            and (after.name or after.desc or after.pron or after.vague)
            and _INVERTED_END_RE.match(m, after.end, e) is not None  # not ``called Trump a …``
        ):
            who = art.resolve(after, c.start())
            if who is None or who is VAGUE:
                who = unnamed_after(r, c.end(), e, c.start()) or VAGUE
            return who
    if thorough and who is None and np is None and before_is_coordination(m, c.start(), floor):
        who = _subordinate_subject(r, c.start(), s) or r.clause_subject(c.start(), s, e)  # (``when Cruz knocked …
        # and called him a “…”``: the subject of the clause the verb is in)
    if thorough and who is None and kind == "finite":
        who = r.adverbial_subject(c.start(), s, e)
    if who is None and np is None and kind == "finite" and not m[floor : c.start()].strip(_PUNCT):
        # ``“…,” said X, role, “…”``: the attribution of the quote before, inverted (not ``thanked
        # Obama for``: a name the verb's object, whatever follows)
        after = np_after(m, c.end(), e)
        if after is not None and _INVERTED_END_RE.match(m, after.end, e) is not None:
            who = art.resolve(after, c.start())
    if who is None and np is None and kind == "finite" and m[c.start() - 3 if c.start() - 3 > floor else floor : c.start()].rstrip()[-1:] in (",", "”", '"', "’"):
        desc = unnamed_after(r, c.end(), e, c.start())  # ``“…,” said an Iowa Democrat, “and …”``
        if desc is not None:
            return desc
    if who is None and np is not None and kind != "base":
        who = VAGUE  # ``the ex-coach said``, naming nobody the article knows: unknown
    return who


def _named_object(r: Reading, obj: int, pos: int) -> Who | None:
    """Who the object of an object-control verb (starting at ``obj``, ending with ``to`` before ``pos``)
    names, when the whole object is one name or description the article knows (``Clinton advisers like
    Jane Roe`` is neither Clinton nor Roe), else None."""
    m = r.m
    np = np_after(m, obj, pos)
    if np is not None and (np.name or np.desc or np.pron) and object_ends(m, np.end, pos):
        who = r.art.resolve(np, obj)
        if who is not None and who is not VAGUE:
            return who
    found = described_after(m, obj, pos)
    if found is not None and object_ends(m, found[1], pos):
        return Who(found[0][0], "unnamed", found[0][1])
    return None


def _passive_agent_before(r: Reading, c: re.Match[str], floor: int, e: int) -> Who | None:
    """The agent of a passive speech verb (``was asked by host Jane Roe``, ``was told by a senior
    official``): the one who spoke, named right after ``by``; ``VAGUE`` when the agent names nobody known.
    None when the verb is no passive (``said by phone`` has no auxiliary)."""
    m = r.m
    if not passive_before(m, c.start(), floor):
        return None
    at = c.end() + 4
    np = np_after(m, at, e)
    if np is None or m.startswith(" to ", np.end):
        return None  # (``was called by the party to force a vote``: summoned, no speech)
    who = r.art.resolve(np, at) if np.name or np.desc else None
    if who is None or who is VAGUE:
        who = unnamed_after(r, at - 1, e, at) or VAGUE
    return who


_PHRASE_BEFORE_RE = re.compile(
    r"\s(?:in|at|during|on|from|via|over)\s+(?:his|her|their|its|the|a|an)\s+(?:(?!(?:and|or|but)\s)[\w’'\-]+\s+){0,3}$"
)
"""A prepositional phrase with a determiner right before a verb (`` in his announcement speech ``); not
one ending a clause that ``and`` closes (``He had protested Baker at a rally and talked``: Baker is
the object, not the subject)."""


def _subject_before_phrase(m: str, start: int, floor: int) -> NP | None:
    """``when Trump in his announcement speech called``: the named subject before a prepositional
    phrase that stands between it and its verb at ``start``."""
    pm = _PHRASE_BEFORE_RE.search(m, start - 60 if start - 60 > floor else floor, start)  # (no ``max``: it parses keywords per call)
    if pm is None:
        return None
    named = np_before(m, pm.start(), floor)
    return named if named is not None and named.name and named.end == pm.start() else None


_CLAUSE_TAIL_RE = re.compile(r"[^,.;:!?#]{0,40},\s*$")


_SUBORDINATE_RE = re.compile(
    r"\b(?:when|as|after|while|because|since|although|though|once|until|before)\s+"
    r"(?P<np>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}|he|she)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b[^,;:#“”\"]*$"
)


def _subordinate_subject(r: Reading, pos: int, s: int) -> Who | None:
    """``such as when Cruz knocked Rubio on trade and called him a “…”``: the subject of the
    subordinate clause whose ``and``-verb is at ``pos``, when it is a person."""
    m = r.m
    sm = None
    for sm in _SUBORDINATE_RE.finditer(m, max(s, pos - 160), pos):
        pass
    if sm is None or sm.end() != pos:
        return None
    name = sm.group("np")
    np = NP(sm.start("np"), sm.end("np"), pron=name) if name in ("he", "she") else NP(sm.start("np"), sm.end("np"), name=name)
    who = r.art.resolve(np, sm.start("np"))
    return who if isinstance(who, Who) and who is not VAGUE and who.kind == "person" else None


def _by_participle(r: Reading, c: re.Match[str], floor: int) -> Who | None:
    """``When she returned she began by saying``, ``Sen. Jane Roe (R-Wis.) kept asking``: the one named
    or meant by a pronoun right before the verb that the participle ``c`` completes, after ``by`` or
    as a verb of going on (the clause's subject, where no comma marks it)."""
    m = r.m
    verb = participle_verb(m, c.start(), floor)
    if verb < 0:
        return None
    np = np_before(m, verb, floor)
    if not subject_right_before(m, np, verb):
        return None
    who = r.art.resolve(np, verb)
    return who if who is not None and who is not VAGUE and who.kind == "person" else None


def _speaker_of_clause_before(r: Reading, c: re.Match[str], floor: int, s: int, e: int) -> Who | None:
    """``…, Spicer said, adding, “…”``, ``…, Smith told reporters, saying``: a participle right after
    a speech clause of its own speaks for that clause's speaker (not the sentence's subject)."""
    m = r.m
    before = [x for x in r.art.cues_in(max(floor, c.start() - 80), c.start()) if x.lastgroup == "finite"]
    if not before or _CLAUSE_TAIL_RE.fullmatch(m, before[-1].end(), c.start()) is None:
        return None
    np = np_before(m, before[-1].start(), floor)
    lead_in = m[max(s, np.start - 4) : np.start].strip() if np is not None else "?"
    if np is None or (lead_in and not lead_in.endswith(",")):
        return None  # the clause is no ``…, Spicer said,`` of its own (``impressed with Sanders’ comments``)
    who = cue_speaker(r, before[-1], floor, s, e, thorough=False)
    return who if isinstance(who, Who) and who is not VAGUE else None


def _noun_speaker(r: Reading, c: re.Match[str], floor: int, s: int, e: int) -> Who | None:
    """A speech noun: its possessor (``Putin’s words``, ``his statement``) or the sentence subject."""
    m = r.m
    art = r.art
    before = m[max(floor, c.start() - 60) : c.start()].split()
    if before:
        w = before[-1]
        if w.lower() in ("his", "her"):
            return art.resolve_person(c.start())
        if w.endswith(("’s", "'s")) and CAPWORD_RE.match(w):
            np = np_before(m, c.start(), floor)
            if np is not None and np.name:
                np.name = POSS_END_RE.sub("", np.name)
                return art.resolve(np, c.start())
    if c.group(0) == "words":
        who = _words_of(r, c, floor)
        if who is not None:
            return who
    who, _ = sentence_subject(art, s, e)
    return who


_IN_OWNED_WORDS_RE = re.compile(
    r"\b[Ii]n\s+(?P<name>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}?)(?:’s|'s|(?<=s)’|(?<=s)')\s+(?:own\s+)?$"
)
"""``in Tom Hale’s words``, ``in Forbes’ own words`` right before ``words``."""
_OF_NAME_RE = re.compile(r"\s+of\s+(?P<name>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})\s*,")
"""``(in the words) of Tom Hale,`` right after ``words``."""


def _words_of(r: Reading, c: re.Match[str], floor: int) -> Who | None:
    """``in Tom Hale’s words, “…”``, ``in the words of Tom Hale, “…”``: whose words the phrase names
    (the possessive after ``in`` that the subject reader takes for a preposition's object)."""
    m = r.m
    art = r.art
    om = _IN_OWNED_WORDS_RE.search(m, max(floor, c.start() - 60), c.start())
    if om is None and m[max(floor, c.start() - 8) : c.start()].rstrip().endswith(("n the", "n the own")):
        om = _OF_NAME_RE.match(m, c.end())
    if om is None:
        return None
    who = art.resolve(NP(om.start("name"), om.end("name"), name=om.group("name")), c.start())
    return who if who is not None and who is not VAGUE and who.kind in ("person", "org") else None


_WORD_SURNAME_RE = re.compile(r"(?:^|[\s,;:—–(])([A-Z][a-z]+)\s+(?:(?:[a-z]+ly|also|then|later)\s+)?$")
def inverted_opening(r: Reading, s: int, anchor: int) -> tuple[Who | None, str | None, int]:
    """``Said Ruth Connor, who grew up nearby, “…”``, ``Adds Smith: “…”``: a sentence that opens with
    its speech verb, the speaker right after it and the quote after a comma or a colon."""
    m = r.m
    vm = _OPENING_VERB_RE.match(m, s, anchor)
    if vm is None or vm.group("verb").lower() not in FINITE_CUES:
        return None, None, -1
    np = np_after(m, vm.end(), anchor)
    if np is None or not (np.name or np.desc):
        return None, None, -1
    rest = m[np.end : anchor].rstrip()
    if not rest.endswith((",", ":")) or not rest.lstrip().startswith((",", ":")) or r.art.cues_in(np.end, anchor):
        return None, None, -1
    who = r.art.resolve(np, vm.start("verb"))
    return who, vm.group("verb").lower(), vm.start("verb")


def before_quote(r: Reading, site: Site) -> Attribution | None:
    """A speech cue earlier in the same sentence (after the quote before, if any, else anywhere)."""
    s = site.s
    owned = _owned_after_verb(r, site)
    if owned is not None:
        return owned
    who, cue, pos = lead(r, site.floor if site.floor > s else s, site.anchor, s, site.e)
    if who is None and site.floor > s:
        who, cue, pos = lead(r, s, site.anchor, s, site.e)
    if who is None and site.floor <= s:
        who, cue, pos = inverted_opening(r, s, site.anchor)
    if who is None:
        who, cue, pos = wedged_saying(r, site.floor, site.anchor, site.span.outer_end)
        return None if who is None else Attribution(who, cue, pos, "owned", event=False)
    if who is not VAGUE and closed_subordinate(r.art, s, pos, site.anchor):
        return None  # ``While Jane Roe proclaims it a “…,” Joe Bloggs fixates on the “pivot” line``
    if who is not VAGUE and cue in NOUN_CUES and unowned_noun(r.m, pos, site.floor):
        later = _later_attribution(r, site)
        if later is not None:
            return later  # ``X, who gave the … address, is a “…”, the editorial board writes``: the board's
    r.used.add(pos)
    asked = who is not VAGUE and cue is not None and r.m.startswith(" by ", pos + len(cue)) and passive_before(r.m, pos, s)
    return Attribution(who, cue, pos, "lead", event=not asked)  # (``Rubio was asked by Jane Roe``: about Rubio still)


_OWNED_GAP_RE = re.compile(r"\s*(?:(?:a|an|the)\s+)?(?:(?!(?:a|an|the|is|was|were|are|be|been)\s)[\w\-]+\s+){0,2}")
"""What may stand between a speech noun's ``for``, ``of``, ``that``, … and the quote for the quote to be
inside what the noun names (``call for a “…”``, ``assertion of a “…”``, ``claim that she “…”``); not a
clause of its own (``comments about immigrants were “…”``) nor an object's complement (``called
Clinton’s remarks on 9/11 a “…”``)."""


def _owned_after_verb(r: Reading, site: Site) -> Attribution | None:
    """``The mayor denounced Jane Roe’s call for “…”``, ``Fitton called Clinton’s assertion of a “…”``:
    somebody's speech noun after the sentence's last speech verb, with the quote right inside what
    the noun names, is the owner's words, not the verb's subject's. Answered as ``owned``: the owner is
    no speaker of the sentence for a participle or a pronoun after it."""
    m = r.m
    if SAYING_NOUN_WORDS.isdisjoint(m[site.anchor - 50 if site.anchor - 50 > site.floor else site.floor : site.anchor].split()):
        return None  # (the cheap test first: no speech noun right before the quote)
    cues = [c for c in r.art.cues_in(site.floor if site.floor > site.s else site.s, site.anchor) if c.lastgroup != "noun"]
    if not cues:
        return None  # (no verb before: the rule of speech nouns reads it as it was)
    who, cue, pos = possessed_saying(r, cues[-1].end(), site.anchor)
    if who is None:
        return None
    nm = _OWNED_NOUN_END_RE.match(m, pos)
    if nm is None or _OWNED_GAP_RE.fullmatch(m, nm.end(), site.anchor) is None:
        return None
    return Attribution(who, cue, pos, "owned", event=False)


_OWNED_NOUN_END_RE = re.compile(
    r"[\w\-]+\s+(?:(?:on\s+|last\s+|in\s+)?" + WHEN_WORDS + r"\s+(?=that\b))?(?:(?:is|was)\s+)?(?:that|about|of|on|for|to)\b"
)
"""A speech noun and the word that opens what it names (``call for``, ``claim that``, ``claim Tuesday that``)."""


def _later_attribution(r: Reading, site: Site) -> Attribution | None:
    """A comma-set attribution that ends the quotation's sentence (``…, the editorial board writes.``):
    it says whose words the sentence reports, over a speech noun before the quote whose speaker is only
    the sentence's subject; it answers even when it names nobody known (``VAGUE``: then nobody)."""
    if "," not in r.m[site.trail_s : site.e]:
        return None  # (the cheap test first)
    return later_in_sentence(r, site, loose=True)
