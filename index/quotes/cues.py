"""Lexicons for quote attribution: speech verbs, participles, nouns and term cues.

Everything here is plain data plus a few compiled regular expressions built from
it. Words are matched lower-case and on word boundaries.
"""

from __future__ import annotations

import re

from .words import trie



SPEECH_LEMMAS = """
say tell add state note explain continue declare assert claim remark reply respond answer ask
acknowledge admit announce comment concede emphasize emphasise stress observe recall post report
predict promise vow urge complain joke quip shout yell muse wonder conclude counter retort testify
text email boast lament confirm deny echo reiterate repeat agree affirm allege contend maintain
suggest describe call dismiss accuse criticize criticise praise slam blast recount mention disclose
reveal exclaim whisper mutter snap pledge proclaim assure advise opine gush sigh hint signal indicate
demand question threaten object protest tease posit express voice disagree sing chant hail brand
label term mock deride decry lambaste ridicule tout warn caution argue insist tweet write implore
interject fume blurt charge scoff sneer thunder grumble marvel concur rebut query inquire enquire
plead beg preach characterize characterise dub scold chide lecture bemoan bristle rail vent brag
crow rave quote cite clarify elaborate summarize summarise reason reckon surmise forecast
speculate theorize theorise apologize apologise thank congratulate refer liken
exhort roar bellow holler scream intone chime gripe grouse underscore relay jeer taunt heckle confide
divulge confess avow aver attest remind inform alert denounce condemn deplore gloat exult enthuse
chuckle laugh remember rejoin ponder boom cry seethe growl bark snarl whine moan murmur mumble
stammer pontificate editorialize editorialise rhapsodize sum defend press interrupt beam blog
imply anticipate reference estimate herald talk speak intimate
""".split()
"""Verbs that introduce somebody's words, as lemmas: every form of each is a cue (see :func:`forms`)."""


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "sing": ("sings", "sang", "sung", "singing"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
    "cry": ("cries", "cried", "crying"),
    "label": ("labels", "labeled", "labelled", "labeling", "labelling"),
    "signal": ("signals", "signaled", "signalled", "signaling", "signalling"),
    "begin": ("begins", "began", "begun", "beginning"),
    "lead": ("leads", "led", "leading"),
    "get": ("gets", "got", "getting"),
    "speak": ("spoke", "speaking"),
    "talk": ("talked", "talking"),
    "intimate": ("intimated", "intimating"),  # (not ``intimates``: close friends)
}


_DOUBLE_FINAL = frozenset("quip admit snap rebut concur beg refer brag slam compel".split())
"""Lemmas that double their last consonant (``quipped``, ``admitting``)."""


_PLURAL_LEMMAS = frozenset(
    """say tell add explain insist argue contend maintain suggest acknowledge admit agree disagree concede
    emphasize emphasise warn predict recall write assert complain wonder tweet ask""".split()
)
"""Lemmas whose bare form is a cue after a plural subject too (``critics say``); the bare form of
the others is too often a noun there (``news reports``)."""


def _doubles(lemma: str) -> bool:
    """Does a one-syllable lemma double its final consonant (``quip`` → ``quipped``, ``sum`` →
    ``summed``, ``dub`` → ``dubbed``)?  Consonant, one vowel, consonant (not w, x or y)."""
    if lemma in _DOUBLE_FINAL:
        return True
    vowels = sum(1 for ch in lemma if ch in "aeiou")
    return (
        len(lemma) >= 3
        and vowels == 1
        and lemma[-1] not in "aeiouwxy"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
    )


def forms(lemma: str) -> tuple[str, ...]:
    """Every written form of a speech verb: ``say`` → ``says said saying``; ``quip`` → ``quips
    quipped quipping``; ``reply`` → ``replies replied replying``; ``argue`` → ``argues argued arguing``."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if _doubles(lemma):
        stem = lemma + lemma[-1]
        return (lemma + "s", stem + "ed", stem + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        return (third, lemma + "d", (lemma if lemma.endswith("ee") else lemma[:-1]) + "ing")
    return (third, lemma + "ed", lemma + "ing")


def _conjugate() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    finite: dict[str, str] = {}
    participles: set[str] = set()
    for lemma in SPEECH_LEMMAS:
        for form in forms(lemma):
            if form.endswith("ing"):
                participles.add(form)
            else:
                finite[form] = lemma
        participles.discard(lemma)
    return finite, frozenset(participles), frozenset(SPEECH_LEMMAS)


_FINITE_LEMMA, _PARTICIPLES, _BASES = _conjugate()


LEMMA_OF: dict[str, str] = {**_FINITE_LEMMA, **{p: l for l in SPEECH_LEMMAS for p in forms(l) if p.endswith("ing")}}


LEMMA_OF.update({b: b for b in _BASES})
"""Speech verb form → lemma (``said`` → ``say``)."""


_NOUN_WORDS = """
statement statements remarks comments comment interview post tweet message letter speech
address briefing op-ed column essay email testimony words declaration announcement reply
response podcast memo editorial remark assertion retort quip admission
""".split()


FINITE_CUES: frozenset[str] = frozenset(_FINITE_LEMMA)
"""Finite speech verbs (third person and past forms): the subject stands right before them (``Smith said``)."""


BASE_CUES: frozenset[str] = _BASES
"""Bare forms, cues after a chain ending in ``to``, a modal or ``did``: ``went on to call``,
``would argue`` (see :func:`is_cue`)."""


PARTICIPLE_CUES: frozenset[str] = _PARTICIPLES
"""Participles whose subject is the subject of the clause they hang off (``…, saying``)."""


NOUN_CUES: frozenset[str] = frozenset(_NOUN_WORDS)
"""Speech nouns (``in a statement``, ``his words``)."""


TERM_LEAD_RE = re.compile(
    r"(?:\b(?:headlines?|headlined|titled|entitled|called|dubbed|named|so-called|"
    r"term|terms|phrase|word|slogan|motto|label|nickname|nicknamed|known\s+as|billed\s+as|"
    r"branded|book|film|movie|song|album|show|series|hashtag|banner|article|op-ed|essay|"
    r"column|report|program|programme|podcast|documentary|campaign|initiative|doctrine|policy|"
    r"plan|act|bill|operation)\b[\s,:]*)$",
    re.IGNORECASE,
)
"""Lead text (right before a quote) that introduces a term or a title, not speech."""


def _alt(words: frozenset[str]) -> str:
    """A regex alternation of ``words`` (as a trie), to be used inside word boundaries."""
    return trie(sorted(words))


FINITE_ALT = _alt(FINITE_CUES)

PHRASAL_FINITE_ALT = (
    r"(?:fired|fires|shot|shoots|hit|hits)\s+back|(?:chimed|chimes)\s+in|(?:pointed|points)\s+out|"
    r"(?:went|goes)\s+on(?!\s+(?:to|with|for|at|in|on|and)\b)"
)
"""Finite speech verbs of two words (``“…,” Trump shot back``)."""


PARTICIPLE_ALT = _alt(PARTICIPLE_CUES)


NOUN_ALT = _alt(NOUN_CUES)


BASE_ALT = _alt(BASE_CUES)


CUE_RE = re.compile(
    r"\b(?:(?P<according>[Aa]ccording\s+to)|(?P<finite>"
    + FINITE_ALT
    + r")|(?P<base>"
    + BASE_ALT
    + r")|(?P<part>"
    + _alt(PARTICIPLE_CUES | frozenset(w.capitalize() for w in PARTICIPLE_CUES))
    + r")|(?P<noun>"
    + NOUN_ALT
    + r")|(?P<pointed>(?:pointed|points|pointing)\s+out|(?:put|puts|putting)\s+it|"
    r"(?:made|makes|making)\s+(?:(?:it\s+)?clear|the\s+(?:point|case|argument)\s+that)|(?:found|finds|worried|worries)\s+that|"
    r"(?:fired|fires|firing|shot|shoots|shooting|hit|hits|hitting)\s+back|(?:chimed|chimes|chiming)\s+in|"
    r"(?:issued|issues|issuing|released|releases|releasing)\s+an?\s+(?:[a-z]+\s+)?statement))\b"
)
"""Any speech cue in running text (lower-case; names stay capitalised)."""


_FIRST_WORDS = frozenset(
    {w.split("-")[0] for w in FINITE_CUES | BASE_CUES | PARTICIPLE_CUES | NOUN_CUES}
    | {w.capitalize() for w in PARTICIPLE_CUES}
    | {"according", "According", "pointed", "points", "pointing", "put", "puts", "putting", "made", "makes", "making",
       "found", "finds", "worried", "worries"}
    | {"fired", "fires", "firing", "shot", "shoots", "shooting", "hit", "hits", "hitting", "chimed", "chimes", "chiming"}
    | {"issued", "issues", "issuing", "released", "releases", "releasing"}
)

_LETTERS_ONLY = bytes(c if (65 <= c <= 90 or 97 <= c <= 122) else 32 for c in range(256))
"""A byte table keeping ASCII letters and turning every other byte into a space."""
_FIRST_BYTES = frozenset(w.encode("ascii") for w in _FIRST_WORDS)


def cue_letters(text: str) -> bytes:
    """``text`` as bytes with every ASCII letter kept and every other character a space (one byte
    per character, so offsets are the text's own): what :func:`scan_cues` splits into words."""
    return text.encode("ascii", "replace").translate(_LETTERS_ONLY)


def scan_cues(text: str, letters: bytes | None = None, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """``list(CUE_RE.finditer(text))``, found faster: :data:`CUE_RE` is tried only where a word that
    can open a cue starts (a set lookup per word instead of the pattern at every letter).

    The words are the runs of ASCII letters (``[A-Za-z]+``), read from :func:`cue_letters`
    (``letters``, when the caller has it). ``start``/``end``: only the cues that start in that
    range, which must not cut a word (paragraph bounds: :meth:`~.mentions.Article.read_cues` reads an
    article's cues in runs of paragraphs, as far as they are asked for)."""
    if letters is None:
        letters = cue_letters(text)
    if end is None:
        end = len(letters)
    out = []
    match = CUE_RE.match
    find = letters.find
    n = len(letters)
    pos = start
    for w in [w for w in letters[start:end].split() if w in _FIRST_BYTES]:
        # Every whole-word occurrence of a candidate is itself a candidate, in the same order: the
        # next one stands at the next occurrence of ``w`` with no letter on either side.
        size = len(w)
        at = find(w, pos)
        while at >= 0 and ((at > 0 and letters[at - 1] != 32) or (at + size < n and letters[at + size] != 32)):
            at = find(w, at + 1)
        if at < 0:
            break  # pragma: no cover - the split saw the word, so find sees it too
        pos = at + size
        c = match(text, at)
        if c is not None:
            out.append(c)
    return out


_BASE_BEFORE = frozenset(
    """to would will could can might may should must did does do not never also later then they we i you
    didn't don't doesn't won't wouldn't couldn't can't""".split()
)


_DETERMINERS = frozenset("a an the this these those his her its their our my your of whose".split())


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word ending right before ``pos`` (lower-case) and where it starts (``("", -1)``: none);
    up to three characters of punctuation or space may stand between (``Smith, said``)."""
    end = pos
    lo = pos - 3 if pos > 3 else 0  # (no ``max``: in 3.11 it parses keywords per call)
    while end > lo and not (text[end - 1].isalpha() or text[end - 1] in "’'-"):
        if text[end - 1] == "#":
            return "", -1
        end -= 1
    # The usual case: white space, then letters only (what the loop below says, found without a
    # loop per character; ``rsplit``, not ``rfind``: that parses its arguments on every call).
    near = text[end - 24 if end > 24 else 0 : end].rsplit(None, 1)
    if len(near) == 2 and not text[end - 1].isspace() and near[1].replace("’", "").replace("'", "").replace("-", "").isalpha():
        start = end - len(near[1])  # (white space before it, none after: the word ends at ``end``)
    else:
        start = end
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "’'-"):
            start -= 1
    if start == end:
        return "", -1
    return text[start:end].lower().replace("’", "'"), start


CHAIN_RE = re.compile(
    r"(?:\b(?:went|goes|go|going|gone|would\s+go)\s+on|\b(?:tried|tries|managed|manages|wanted|wants|sought|seeks|"
    r"proceeded|proceeds|continued|continues|began|begins|decided|decides|used|appeared|appears|seemed|seems|"
    r"rushed|hastened|hurried|chose|chooses|opted|declined|refused|was\s+quick|were\s+quick|is\s+quick|"
    r"(?:took|takes|take|taking|went|goes)\s+to\s+\S+|(?:went|goes|go)\s+(?:so|as)\s+far\s+as|"
    r"(?:was|were|is|are)\s+(?:careful|eager|quick|keen|happy|ready|moved|compelled|forced)|felt\s+compelled|"
    r"(?:took|takes)\s+(?:the\s+)?(?:time|opportunity|occasion)))"
    r"(?:\s+[a-z]+ly)?\s+to\s+$"
)
"""The verbs of a chain ending in ``to`` before a bare speech verb: ``went on to say``, ``tried to
argue``, ``took to Twitter to write``; the subject of the chain is the speaker."""


def finite_forms(lemmas: str) -> frozenset[str]:
    """The finite forms of the verbs ``lemmas`` (space-separated) that follow a singular subject:
    ``say state`` → ``says said states stated`` (no bare lemma, no ``-ing``)."""
    return frozenset(f for lemma in lemmas.split() for f in forms(lemma) if not f.endswith("ing"))


def finite_alt(lemmas: str) -> str:
    """:func:`finite_forms` as a regex alternation (a trie), to be used inside word boundaries."""
    return trie(sorted(finite_forms(lemmas)))


def verb_alt(lemmas: str) -> str:
    """A regex alternation (a trie) of every form of the verbs ``lemmas`` (space-separated), the lemma
    itself included, to be used inside word boundaries: ``ask`` → ``ask asks asked asking``."""
    return trie(sorted({w for lemma in lemmas.split() for w in (lemma, *forms(lemma))}))


_OBJECT_CONTROL_LEMMAS = "prompt ask urge lead encourage invite challenge press force cause inspire push persuade compel get"
"""Verbs that make their object the subject of a ``to``-verb after them."""
OBJECT_CONTROL_RE = re.compile(
    r"\b(?:" + verb_alt(_OBJECT_CONTROL_LEMMAS) + r")"
    r"\s+(?P<obj>(?!(?:to|that|the\s+way)\b)[^;:!?#“”\"]{2,120}?),?\s+to\s+$"
)
"""A verb that makes its object the subject of a ``to``-verb after it: ``prompted Jane Roe to state``,
``asked the mayor to say``, ``urged Roe to call``; ``obj`` is the one who speaks."""


def object_control(text: str, pos: int, floor: int) -> int:
    """Where the object of an object-control verb starts when the bare speech verb at ``pos`` follows
    it (``That prompted Jane Roe to state``: the start of ``Jane Roe``), else -1."""
    lo = pos - 140 if pos - 140 > floor else floor  # (no ``max``: in 3.11 it parses keywords per call)
    if " to " not in text[pos - 5 if pos - 5 > lo else lo : pos + 1]:
        return -1  # (the cheap test first)
    m = OBJECT_CONTROL_RE.search(text, lo, pos)
    return m.start("obj") if m is not None else -1


_HEARSAY_RE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:also\s+)?(?:reported|said|alleged|believed|understood|known|"
    r"rumou?red)\s+to\s+have\s+$"
)
"""What others say somebody did, before a past speech verb: ``Obama is reported to have called``,
``she was said to have told``; the subject before it is the speaker."""


def hearsay_start(text: str, pos: int) -> int:
    """Where ``is reported to have`` ending at ``pos`` (before a past speech verb) starts (``pos``
    when there is none)."""
    if pos < 5 or text[pos - 5 : pos] != "have ":  # (a slice: ``startswith`` parses its arguments per call)
        return pos  # (the cheap test first)
    m = _HEARSAY_RE.search(text, pos - 48, pos)
    return m.start() if m else pos


def chain_start(text: str, pos: int) -> int:
    """Where a chain such as ``went on to`` ending at ``pos`` starts (``pos`` when there is none)."""
    m = CHAIN_RE.search(text, pos - 48, pos)
    return m.start() if m else pos


_QUANTIFIERS = frozenset("many some several all more most few other both".split())


def _counted_before(text: str, at: int) -> bool:
    """Is the capitalised word at ``at`` preceded by a determiner, a quantifier or a number (``the
    Clinton emails``, ``1,300 Clinton emails``)? Then a verb-like word after it is a noun."""
    j = at
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j > 0 and text[j - 1].isdigit():
        return True
    word, _ = _prev_word(text, at)
    return word in _DETERMINERS or word in _QUANTIFIERS


_ABOUT_RE = re.compile(r"(?:\s+(?:[a-z]+ly|at\s+length|only|also|again|openly|publicly))*\s+(?:about|of)\b")
"""``spoke about``, ``talked at length about``, ``talked of``: what follows is what was said."""
_WHILE_SUBJECT_RE = re.compile(
    r"\b(?:[Aa]s|[Ww]hile|[Ww]hen|[Ww]here|[Aa]fter|[Bb]efore|[Uu]ntil)\s+"
    r"(?:(?:he|she|they|we|I|[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s+)(?:(?:was|were|is|are|had)\s+)?$"
)
"""A clause of time or place opening right before ``spoke`` or ``talked`` (``As Blumenthal spoke``,
``when she was talking about``): the verb says when somebody spoke, not what."""


def is_cue(text: str, match: re.Match[str]) -> bool:
    """Is this match of :data:`CUE_RE` used as a speech cue?

    A bare form is one only after ``to``, a modal, ``did`` or a plural subject (``went on to say``,
    ``would argue``, ``critics say``); a verb form right after a determiner or ``of`` is an adjective
    or a noun (``the stated goal``, ``of mutually assured destruction``, ``his warning``)."""
    kind = match.lastgroup
    if kind not in ("finite", "part", "base"):
        return True
    if match.group()[:2] in ("sp", "ta") and LEMMA_OF.get(match.group()) in ("speak", "talk"):
        if _ABOUT_RE.match(text, match.end()) is None:
            return False  # ``Sanders spoke on Monday``: that somebody spoke, not what
        if _WHILE_SUBJECT_RE.search(text, match.start() - 48, match.start()) is not None:
            return False  # ``As Blumenthal spoke about it, the NRA …``: when, not what, somebody spoke
    if text[match.end() : match.end() + 7] == " to be " and match.group().lower().startswith("continu"):
        return False  # ``Rubio will continue to be …``: a state that goes on, not speech
    word, at = _prev_word(text, match.start())
    nxt = match.start()
    while word[-2:] == "ly" and len(word) > 4 and at > 0:  # (a slice: ``endswith`` parses its arguments)
        nxt = at
        word, at = _prev_word(text, at)
    if (word in _DETERMINERS and not text[at + len(word) : nxt].strip()) or (
        kind == "finite" and word[-2:] == "'s" and match.group()[-1:] == "s"
    ) or (
        kind == "finite"
        and at > 0
        and text[at].isupper()
        and match.group()[-1:] == "s"
        and not text[at + len(word) : nxt].strip()
        and _counted_before(text, at)
    ):
        # ``the stated goal``, ``Ginsburg’s comments``, ``1,300 Clinton emails``: a noun or an
        # adjective (``endorsed her, citing``: a word before a comma is no determiner of the verb)
        return False
    if kind == "base":
        if match.group() == "quote":
            return False  # ``and I quote``: a parenthesis, not a speaker
        if word == "to":
            return chain_start(text, match.start()) < match.start() or object_control(text, match.start(), 0) >= 0
        if word in _BASE_BEFORE:
            return True
        return match.group() in _PLURAL_LEMMAS and word.endswith("s") and not word.endswith("ss")
    return True


ATTRIB_AFTER_RE = re.compile(
    r"\s*[,;]?\s*(?:(?:he|she|they|it|I|we)|(?:[A-Z][\w’'.\-]*)(?:\s+[A-Z][\w’'.\-]*){0,3}|"
    r"the\s+[a-z][\w\-]*)\s+(?:[a-z]+ly\s+|also\s+|later\s+|then\s+)?(?:"
    + PHRASAL_FINITE_ALT
    + "|"
    + FINITE_ALT
    + r")\b"
    r"|\s*[,;]?\s*(?:"
    + FINITE_ALT
    + r")\s+(?:he|she|the\s|[A-Z])"
)
"""Does an attribution (``, Putin said`` / ``said Smith``) start the text?  Used to
tell a closing mark from a closing glyph misused as an opening mark."""
