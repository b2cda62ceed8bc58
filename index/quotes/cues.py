"""Lexicons for quote attribution: speech verbs, participles, nouns and term cues.

Everything here is plain data plus a few compiled regular expressions built from
it. Words are matched lower-case and on word boundaries.
"""

from __future__ import annotations

import re

_FINITE_WORDS = """
said says told tells stated states added adds warned warns cautioned cautions argued argues
insisted insists tweeted wrote writes noted explained explains continued declared declares
asserted asserts claimed remarked replied replies responded responds answered asked
acknowledged acknowledges admitted admits announced announces commented conceded concedes
emphasized emphasised emphasizes emphasises stressed stresses observed recalled recalls posted
reported predicted predicts promised vowed vows urged urges complained complains joked jokes
quipped quips shouted yelled mused wondered concluded concludes countered retorted testified
texted emailed boasted boasts lamented laments confirmed confirms denied denies echoed reiterated
reiterates repeated agreed agrees affirmed alleged alleges contended contends maintained maintains
suggested suggests described describes called dismissed accused criticized criticised criticizes
praised slammed blasted recounted recounts mentioned disclosed revealed exclaimed whispered
muttered snapped pledged proclaimed assured advised opined gushed sighed hinted signaled signalled
indicated demanded questioned threatened objected protested teased posited expressed voiced
explains insists warns disagreed disagrees sang chanted hailed branded labeled labelled termed
mocked derided decried lambasted ridiculed touted
""".split()

_PARTICIPLE_WORDS = """
saying adding telling noting calling cautioning warning arguing insisting dismissing accusing
describing labeling labelling branding terming explaining stressing emphasizing emphasising
writing tweeting declaring stating suggesting urging vowing promising referring likening
praising criticizing criticising slamming blasting claiming asserting acknowledging admitting
announcing predicting recalling lamenting joking quipping concluding countering echoing
reiterating repeating conceding complaining observing remarking replying responding answering
deriding decrying hailing characterizing characterising expressing threatening demanding
confirming denying mocking
""".split()

_NOUN_WORDS = """
statement statements remarks comments comment interview post tweet message letter speech
address briefing op-ed column essay email testimony words declaration announcement reply
response podcast memo
""".split()

FINITE_CUES: frozenset[str] = frozenset(_FINITE_WORDS)
"""Finite speech verbs: the subject stands right before them (``Smith said``)."""

PARTICIPLE_CUES: frozenset[str] = frozenset(_PARTICIPLE_WORDS)
"""Participles whose subject is the subject of the clause they hang off."""

NOUN_CUES: frozenset[str] = frozenset(_NOUN_WORDS)
"""Speech nouns (``in a statement``, ``his words``)."""

PERSON_NOUNS: frozenset[str] = frozenset(
    """
    leader president minister secretary spokesman spokeswoman spokesperson chairman chairwoman
    chair speaker senator governor mayor chief head director ceo founder manager coach captain
    quarterback player striker forward guard pitcher official officer ambassador diplomat
    lawmaker representative congressman congresswoman commissioner chancellor judge justice
    attorney lawyer prosecutor analyst economist professor researcher scientist expert adviser
    advisor aide strategist general commander colonel admiral editor correspondent reporter
    columnist author teacher student owner investor executive deputy candidate nominee envoy
    negotiator premier king queen prince princess pope bishop pastor rabbi imam chairperson
    principal superintendent sheriff midfielder defender goalkeeper winger driver rider champion
    star rookie veteran politician activist entrepreneur billionaire businessman businesswoman
    actor actress singer rapper musician writer novelist director producer host anchor
    president-elect man woman boy girl father mother son daughter husband wife nurse doctor
    physician engineer farmer worker resident retiree voter pilot officer firefighter
    right-hander left-hander southpaw shortstop catcher outfielder infielder linebacker receiver
    cornerback lineman quarterback batter bowler batsman golfer boxer fighter swimmer sprinter
    runner skier gymnast cyclist forward playmaker fullback tailback pitcher slugger
    democrat republican lawmaker legislator congressman secretary spokesperson
    pastor priest reverend minister cleric preacher chaplain sergeant lieutenant captain
    trooper deputy detective investigator prosecutor publicist agent assistant
    """.split()
)
"""Nouns that describe one person (``the senator said`` resolves to a person)."""

ORG_NOUNS: frozenset[str] = frozenset(
    """
    newspaper paper company firm utility operator airline automaker ministry department agency government administration
    kremlin team club league union council committee commission bank fund group organization
    organisation network broadcaster outlet magazine journal website site publication office
    embassy court party campaign board bureau service authority regulator school university
    college institute foundation association federation army military police retailer
    automaker carrier airline startup maker manufacturer developer studio network channel
    daily tabloid station chipmaker planemaker carmaker automaker lender insurer bank conglomerate
    giant
    """.split()
)
"""Nouns that describe an organisation (``the newspaper wrote`` resolves to an organisation)."""

PLURAL_PEOPLE: frozenset[str] = frozenset(
    """
    officials analysts experts critics sources residents people observers others many some both
    police authorities investigators prosecutors researchers scientists doctors witnesses
    supporters fans voters lawmakers leaders diplomats economists players coaches executives
    members students teachers parents activists protesters organizers organisers employees
    workers staff americans russians they we you i one aides insiders sources
    """.split()
)
"""Plural or vague subjects: a quote attributed to them has no named speaker."""

TERM_LEAD_RE = re.compile(
    r"(?:\b(?:headlines?|headlined|titled|entitled|called|dubbed|named|so-called|"
    r"term|terms|phrase|word|slogan|motto|label|nickname|nicknamed|known\s+as|billed\s+as|"
    r"branded|book|film|movie|song|album|show|series|hashtag|banner|article|op-ed|essay|"
    r"column|report|program|programme|podcast|documentary|campaign|initiative|doctrine|policy|"
    r"plan|act|bill|operation)\b[\s,:]*)$",
    re.IGNORECASE,
)
"""Lead text (right before a quote) that introduces a term or a title, not speech."""

ADVERBS: frozenset[str] = frozenset(
    """
    also later then again further previously earlier once immediately quickly simply recently
    repeatedly publicly privately flatly bluntly candidly frankly openly angrily calmly jokingly
    separately additionally subsequently reportedly apparently allegedly still now had has have
    would will could did does has just even only first last finally ultimately initially
    """.split()
)
"""Words allowed between a subject and its speech verb (``he later said``)."""


def _trie(words: list[str]) -> str:
    """A compact regex matching exactly ``words`` (a character trie: fast to match)."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(tree) + ")"


def _alt(words: frozenset[str]) -> str:
    """A regex alternation of ``words`` (as a trie), to be used inside word boundaries."""
    return _trie(sorted(words))


FINITE_ALT = _alt(FINITE_CUES)
PARTICIPLE_ALT = _alt(PARTICIPLE_CUES)
NOUN_ALT = _alt(NOUN_CUES)

CUE_RE = re.compile(
    r"\b(?:(?P<according>[Aa]ccording\s+to)|(?P<finite>"
    + FINITE_ALT
    + r")|(?P<part>"
    + PARTICIPLE_ALT
    + r")|(?P<noun>"
    + NOUN_ALT
    + r")|(?P<pointed>pointed\s+out|put\s+it))\b"
)
"""Any speech cue in running text (lower-case; names stay capitalised)."""

ATTRIB_AFTER_RE = re.compile(
    r"^\s*[,;]?\s*(?:(?:he|she|they|it|I|we)|(?:[A-Z][\w’'.\-]*)(?:\s+[A-Z][\w’'.\-]*){0,3}|"
    r"the\s+[a-z][\w\-]*)\s+(?:[a-z]+ly\s+|also\s+|later\s+|then\s+)?(?:"
    + FINITE_ALT
    + r")\b"
    r"|^\s*[,;]?\s*(?:"
    + FINITE_ALT
    + r")\s+(?:he|she|the\s|[A-Z])"
)
"""Does an attribution (``, Putin said`` / ``said Smith``) start the text?  Used to
tell a closing mark from a closing glyph misused as an opening mark."""
