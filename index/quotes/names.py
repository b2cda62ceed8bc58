"""Names: finding them, splitting titles off, telling people from organisations,
and merging surname-only mentions into full names (per article and per corpus).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher
from dataclasses import dataclass
from functools import lru_cache

from .cues import PERSON_NOUNS, _trie

_CAP = r"(?:[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u0400-\u042F])"
ABBR_TITLE_WORDS: frozenset[str] = frozenset(
    """Mr Mrs Ms Dr Sen Rep Reps Sens Gov Gen Gens Lt Col Capt Sgt Adm Maj Prof Rev Msgr Fr Cpl Pvt Brig
    Cmdr Supt Atty Insp Det Pres Amb Hon Rt Ald Pfc Spc Ens Cdr Gov-elect""".split()
)
"""Abbreviated titles written with a full stop (``Sen.``, ``Rev.``): roles, never names."""
# A character trie of the words (same matches as the plain alternation, since each word
# must be followed by a full stop, but far faster to try at every capital).
ABBR_TITLES = _trie(sorted(ABBR_TITLE_WORDS | {"St", "Jr", "Sr"})) + r"\."
TOKEN = (
    r"(?:(?:[A-Z]\.){2,}|" + ABBR_TITLES + r"|[A-Z]\.(?=\s" + _CAP + r")|"
    + _CAP + r"[\w’'\-]*(?:\.(?=\s(?:Jr|Sr)\b))?)"
)
PARTICLES = r"(?:van|von|de|der|den|del|della|di|da|du|dos|das|ten|ter|la|le|bin|ibn|al|el|y|st\.)"
ARABIC_PREFIX = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)[\-\u2011])"
"""A lower-case article joined to a surname: ``al-Mazrouei``, ``el-Sisi``."""
NAME_SEQ = TOKEN + r"(?:[ \u00a0](?:" + PARTICLES + r"[ \u00a0])*" + ARABIC_PREFIX + "?" + TOKEN + r"){0,6}(?:,?\s(?:Jr\.|Sr\.|II|III|IV)(?!\w))?"
NAME_SEQ_RE = re.compile(r"(?<![\w’'\-])" + NAME_SEQ)


def _fast_name_re() -> re.Pattern[str]:
    """``NAME_SEQ_RE`` rewritten to start with a character class (so the engine can skip to
    candidate capitals in C): the first character is consumed up front and each branch of
    the first ``TOKEN`` goes on from there, in the same order, so the matches are the same."""
    groups: dict[str, list[str]] = {}
    for w in sorted(ABBR_TITLE_WORDS | {"St", "Jr", "Sr"}):
        groups.setdefault(w[0], []).append(w[1:])
    abbr = "(?:" + "|".join(
        "(?<=%s)%s" % (re.escape(c), _trie(sorted(rest)) if any(rest) else "") for c, rest in sorted(groups.items())
    ) + r")\."
    first = (
        _CAP + r"(?<![\w’'\-].)(?:(?<=[A-Z])\.(?:[A-Z]\.)+|" + abbr + r"|(?<=[A-Z])\.(?=\s" + _CAP + r")|"
        r"[\w’'\-]*(?:\.(?=\s(?:Jr|Sr)\b))?)"
    )
    return re.compile(first + NAME_SEQ[len(TOKEN):])


_NAME_FAST_RE = _fast_name_re()


def iter_names(text: str, start: int, end: int):
    """The matches of ``NAME_SEQ_RE.finditer(text, start, end)``, found faster."""
    return _NAME_FAST_RE.finditer(text, start, end)


TITLES: frozenset[str] = frozenset(
    """
    President Vice Prime Minister Foreign Defense Defence Interior Finance Secretary State Sen.
    Senator Rep. Representative Gov. Governor Mayor Dr. Prof. Professor Judge Justice Chief Gen.
    General Lt. Col. Capt. Sgt. Adm. Maj. Cmdr. Coach Chancellor King Queen Prince Princess Pope
    Speaker Chairman Chairwoman CEO CFO COO CTO Deputy Attorney Ambassador Rev. Sheriff
    Commissioner Lord Lady Sir Dame President-elect Premier Director Secretary-General Leader
    Majority Minority Press Spokesman Spokeswoman Spokesperson Manager Captain Commander
    Colonel Admiral Sergeant Lieutenant Officer Detective Inspector Superintendent Chief Executive
    Justice Councilman Councilwoman Councillor Alderman Congressman Congresswoman Assemblyman
    Assemblywoman Senate House Sens. Reps. Gen. Pres. Amb. Hon. Det. Insp. Supt. Atty. Father
    Sister Brother Bishop Archbishop Cardinal Rabbi Imam Sheikh Emir Crown Head Founder Chair
    Ex-President Former Acting Interim Assistant Associate Executive Managing Senior Junior
    Economy Trade Health Education Energy Transport Transportation Treasury Commerce Agriculture
    Labor Labour Justice Homeland Security Environment Culture Sports Sport National Federal
    Supreme Circuit District Special Counsel Advisor Adviser Envoy Representative
    Msgr. Fr. Cpl. Pvt. Brig. Cmdr. Rt. Ald. Pfc. Spc. Cdr. Reverend Pastor Mufti Ayatollah Grand
    Dr Prof Sen Rep Gov Gen Rev Msgr Fr Lt Col Capt Sgt Adm Maj Doctor Mother Saint Elder Deacon
    Governor-elect Vice-President Lieutenant-General Major-General Brigadier Corporal Private
    Coach Manager Skipper Officer Trooper Deputy Marshal Ranger Warden
    """.split()
)
HONORIFICS: frozenset[str] = frozenset("Mr. Mrs. Ms. Miss Mx. Mr Mrs Ms".split())

NATIONALITIES: frozenset[str] = frozenset(
    """
    Russian American US U.S. UK U.K. British English Scottish Welsh Irish Ukrainian Chinese
    French German Israeli Iranian Indian Japanese Korean Turkish Polish Italian Spanish Canadian
    Mexican Brazilian Australian Saudi Syrian Iraqi Afghan Pakistani Egyptian European Belarusian
    Georgian Finnish Swedish Norwegian Danish Dutch Belgian Swiss Austrian Hungarian Czech
    Romanian Greek Portuguese Argentine Chilean Venezuelan Cuban Palestinian Lebanese Jordanian
    Qatari Emirati Nigerian Kenyan South North Western Eastern Democratic Republican Conservative
    Labour Liberal Soviet Kremlin NATO EU UN Republican Democrat GOP Texas California Florida
    """.split()
)

DEMONYMS: frozenset[str] = frozenset(
    """
    Argentine Argentinian Briton Brit Frenchman Frenchwoman Englishman Englishwoman Scot Scotsman
    Welshman Irishman Dutchman Dane Swede Finn Pole Serb Croat Slovak Slovene Spaniard Swiss Kiwi
    Aussie Texan Californian Floridian Ohioan Virginian Georgian Bostonian Chicagoan Angeleno
    New-Yorker Yorker Muscovite Londoner Parisian Berliner Democrat Republican Conservative Tory
    Liberal Socialist Independent Progressive Libertarian Catholic Protestant Muslim Jew Christian
    Mormon Baptist Yankee Laker Cowboy Brave Met Knick Celtic Jet Giant Raider Dodger
    """.split()
)
"""Single capitalised words that describe a person (``the Argentine said``): never a name."""


def is_demonym(tok: str) -> bool:
    """``Argentine``, ``Briton``, ``Frenchman``, ``Democrat``: a description of a person."""
    if tok in DEMONYMS or tok in NATIONALITIES:
        return tok not in ("US", "U.S.", "UK", "U.K.", "EU", "UN", "NATO", "GOP", "Kremlin", "Soviet")
    if not tok[:1].isupper() or not tok[1:].islower() or tok in ORG_WORDS or tok in PLACES:
        return False
    return tok.endswith(("ian", "ean", "ese", "man", "woman", "ite", "ish", "ani", "eri"))

ORG_WORDS: frozenset[str] = frozenset(
    """
    House Council Committee Commission Ministry Department Agency Office Bureau Service Court
    Parliament Assembly Senate Congress Party Front Army Navy Forces Force Guard Corps Bank Fund
    Company Corporation Corp Corp. Co Co. Inc Inc. Ltd Ltd. Plc PLC AG SA LLC Group Holdings Partners Capital
    Association Institute University College School Academy Foundation Society Club Team Times
    Post Journal News Press Herald Tribune Gazette Telegraph Guardian Review Magazine Network Daily
    Media Radio TV Television Channel Broadcasting Airlines Airways Motors Technologies Systems
    Labs Studios Records Entertainment Sports Union Federation League Organization Organisation
    Alliance Coalition Center Centre Government Administration Kremlin Pentagon Duma Cabinet
    Commission Reuters Bloomberg Associated Sputnik Interfax TASS Xinhua Police Authority
    Board Trust Hospital Church Kingdom Republic Emirates Nations States Union Navy Command
    Brigade Regiment Battalion Division Ministry Embassy Consulate Secretariat Tribunal Agency Convention
    Express Mail Sun Mirror Observer Independent Economist Atlantic Insider Politico Axios
    Stadium Arena Park Street Avenue Road Square Bridge Building Hall Palace Tower Airport
    War Crisis Relations Policy Summit Election Elections Day Act Plan Deal Accord Agreement Era
    Cup Games Olympics Series Award Prize Conference Forum Festival Week Show Tour Championship
    Championships Open Bowl Finals Final Classic Grand Prix Revolution Treaty Doctrine Initiative
    River Sea Ocean Mountain Mountains Island Islands Valley Region Province City County District
    Coast Bay Lake Gulf Peninsula Strait Desert Square Zone Line Border Front Europe Asia Africa
    America Americas Oblast Krai Territory Territories Capitol Street Wall Internet Web
    Reserve Fed Bancorp Airline Motor Pharmaceuticals Pharma Exchange Treasury
    Securities plc Investments Advisors Advisers Bancshares Financial Economics
    Agencies Commissions Ministries Departments Institutes Universities Associations Unions
    Energy Power Utilities Electric Oil Gas Petroleum Resources Mining Steel Chemicals Foods
    Communications Telecom Wireless Software Semiconductor Semiconductors Robotics Therapeutics
    Biotech Health Healthcare Insurance Logistics Shipping Railways Railroad Enterprises Industries
    Brands Stores Markets Ventures Solutions Services Platforms Games Interactive Digital
    """.split()
)

GENERIC_ORG_WORDS: frozenset[str] = frozenset(
    """
    Times Post Journal News Press Herald Tribune Gazette Telegraph Guardian Review Magazine Network Daily
    Media Radio TV Television Channel Ministry Department Agency Office Bureau Service Council Committee
    Commission Court Party Company Corporation Corp Corp. Co Co. Inc Inc. Group Bank Fund Association
    Institute University College School Academy Foundation Society Club Team Union Federation League
    Organization Organisation Alliance Coalition Center Centre Government Administration Board Trust
    Hospital Church Embassy Consulate Secretariat Tribunal Authority Police Army Navy Forces Force Guard
    Express Mail Sun Mirror Observer Independent
    """.split()
)
"""Organisation words that name nothing on their own (``the Times``, ``the Ministry``): they stand for
the fuller name the article gives (``The New York Times``), or for nobody."""

PLACES: frozenset[str] = frozenset(
    """
    Russia Ukraine China Iran Israel India Japan Korea Turkey Poland Italy Spain Canada Mexico
    Brazil Australia Syria Iraq Afghanistan Pakistan Egypt Germany France Britain England
    Scotland Wales Ireland Belarus Georgia Finland Sweden Norway Denmark Netherlands Belgium
    Switzerland Austria Hungary Greece Portugal Argentina Chile Venezuela Cuba Lebanon Jordan
    Qatar Nigeria Kenya Moscow Kyiv Kiev Washington London Paris Berlin Beijing Tehran Istanbul
    Ankara Warsaw Minsk Brussels Rome Madrid Tokyo Seoul Delhi Crimea Donbas Donbass Luhansk
    Donetsk Kherson Zaporizhzhia Zaporizhia Kharkiv Odesa Odessa Sochi Osaka Gaza Europe Asia
    Africa America Ohio Texas California Florida York Chicago Boston Atlanta Dallas Houston
    Denver Seattle Miami Philadelphia Detroit Phoenix Virginia Carolina Michigan Pennsylvania
    Arizona Nevada Wisconsin Minnesota Iowa Georgia Alabama Tennessee Kentucky Missouri Utah
    Oregon Colorado Maryland Massachusetts Jersey Illinois Indiana Louisiana Oklahoma Kansas
    Nebraska Montana Idaho Wyoming Alaska Hawaii Syria Yemen Libya Sudan Ethiopia Somalia Taiwan
    Vietnam Thailand Indonesia Philippines Malaysia Singapore Dnieper Baltic Arctic Atlantic
    Pacific Mediterranean Balkans Caucasus Siberia Manhattan Brooklyn Hollywood Ukraine’s
    Hampshire Mexico Dakota Island Vermont Maine Connecticut Delaware Mississippi Arkansas Wyoming
    Angeles     Vegas Orleans   Petersburg Jerusalem Baghdad Damascus
    Kabul Cairo Riyadh Doha Dubai Beirut Amman Ottawa Toronto Montreal Vancouver Sydney Melbourne Lagos
    Nairobi Johannesburg Mumbai Karachi Islamabad Dhaka Bangkok Jakarta Manila Hanoi Taipei Shanghai
    Hong Kong Havana Caracas Bogota Lima  Quito Brasilia Rio Paulo Aires Stockholm Oslo
    Copenhagen Helsinki Vienna Prague Budapest Bucharest  Athens Lisbon Dublin Edinburgh Belfast
    Geneva Zurich Amsterdam Frankfurt Munich Hamburg Milan Naples Barcelona Iowa Miami Cleveland
    Cincinnati  Pittsburgh Baltimore  Nashville Memphis Louisville Milwaukee Minneapolis
    Omaha Tulsa Albuquerque Tucson Sacramento Portland Honolulu Anchorage  Tampa Jacksonville
    Richmond Raleigh Charleston  Birmingham Indianapolis Detroit  Albany Newark Hartford
     Burlington  Manchester Nashua Des Moines Cedar Rapids Davenport Dubuque Sioux
    Reno  Boise Spokane Tacoma  Houston Dallas  Paso Lubbock Oakland Fresno Bakersfield
    Anaheim Ventura Modesto Berkeley Palo Alto Cupertino Jersey Brazil Colombia Peru Ecuador Bolivia
    Paraguay Uruguay Guatemala Honduras  Nicaragua Panama Haiti Jamaica Bahamas Morocco Algeria
    Tunisia Senegal Ghana Mali Niger  Cameroon Congo Angola Zambia Zimbabwe Mozambique Tanzania Uganda
    Rwanda Eritrea Djibouti Oman Bahrain Kuwait Emirates Armenia Azerbaijan Kazakhstan Uzbekistan
    Turkmenistan Kyrgyzstan Tajikistan Mongolia Nepal Bhutan Bangladesh Lanka Myanmar Burma Laos
    Cambodia Zealand Iceland Estonia Latvia Lithuania Slovakia Slovenia Croatia Serbia Bosnia Montenegro
    Albania Macedonia Kosovo Moldova Cyprus Malta Luxembourg Monaco Liechtenstein Andorra Scandinavia
    Appalachia Midwest Philly Pentagon Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La.
    Md. Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I.
    S.C. S.D. Tenn. Tex. Vt. Va. Wash. W.Va. Wis. Wyo. Calif Colo Fla Mass Mich Minn Tenn Tex Wis
    """.split()
)

COMMON_CAPS: frozenset[str] = frozenset(
    """
    The A An This That These Those It He She They We I You His Her Their Our Its My Your However
    In On At For From With When While If But And Or So As Since During After Before Despite
    Although Though Because Also Meanwhile Moreover Similarly Still Yet Instead Indeed Finally
    Then Now Today Yesterday Tomorrow Last Next Earlier Later Separately Additionally Furthermore
    Nonetheless Nevertheless Thus Therefore Asked Speaking According Under Over Unlike Like
    Following Given Once Until Upon Among Between Both Each Every Some Many Most Much More Few
    Several Such Other Another No Not Only Even Just What Who Whom Whose Which Why How Where
    There Here Is Are Was Were Be Been Do Does Did Can Could Will Would Should May Might Must
    Shall Let Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April June July August September October November December Jan Feb Mar Apr Jun Jul Aug
    Sep Sept Oct Nov Dec To Of By Into Onto About Against Through Across Around Without Within
    Watch Read Source Author Publish Copyright Comments Comment Conclusion Context Photo Image
    File Getty Advertisement Related Click Subscribe Sign Share Follow Also Get Potential
    Officials Analysts Experts Critics Sources Residents People Observers Others Police
    Authorities Investigators Prosecutors Researchers Democrats Republicans Americans Russians
    Ukrainians Europeans Fans Voters Lawmakers Leaders Diplomats Players Coaches Mom Dad God
    Christmas Easter Ramadan Internet Covid COVID Unless Whether Whoever Whatever Why Perhaps Maybe
    Yes No Please Thanks Sorry Oh Well Okay Any All None Nobody Anyone Anybody Everyone Everybody Someone
    Somebody Nothing Everything Something Neither Either Whoever Whatever Here That's It's There's Here's
    One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Fifty Hundred Hundreds Thousand
    Thousands Million Millions Dozens Dozen Half Name Outside Inside Reached Asked Told Contacted Pressed
    Interviewed Quoted Shortly Early Late Soon Recently Hastily Attorneys Lawyers Aides Advisers Staffers
    Sources Supporters Members Officials Residents Voters Critics Opponents Protesters Demonstrators
    """.split()
)

KNOWN_ORG_TOKENS: frozenset[str] = frozenset(
    """
    JPMorgan Barclays Citigroup Citibank HSBC UBS Nomura Jefferies BlackRock Blackstone Vanguard
    Santander Mizuho Macquarie Lazard Evercore Natixis Commerzbank Rabobank ING Fidelity Citadel
    Bridgewater Berenberg
    """.split()
)
"""One-word names of well-known banks and investment firms (``JPMorgan``, ``Barclays``)."""
KNOWN_ORG_PAIRS: frozenset[tuple[str, str]] = frozenset(
    tuple(p.split("_"))  # type: ignore[misc]
    for p in """Goldman_Sachs Morgan_Stanley Wells_Fargo Credit_Suisse BNP_Paribas Societe_Generale
    Société_Générale Deutsche_Bank Charles_Schwab Raymond_James Piper_Sandler Bernstein_Research""".split()
)
"""Two-word firm names that would otherwise read as a person (``Goldman Sachs``)."""


def _known_org(tokens: list[str]) -> bool:
    if any(t in KNOWN_ORG_TOKENS for t in tokens):
        return True
    return any((a, b) in KNOWN_ORG_PAIRS for a, b in zip(tokens, tokens[1:]))


_SUFFIXES = frozenset(("Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"))
_POSSESSIVE_RE = re.compile(r"[’']s?$")
_AGE_RE = re.compile(r"^\d{1,3}(?:,|$)")


@dataclass(frozen=True)
class ParsedName:
    """A capitalised phrase split into its parts."""

    name: str
    """The name itself (titles, honorifics and possessive prefixes removed)."""
    role: str | None
    """Titles in front of the name (``Foreign Minister``), if any."""
    kind: str
    """``person``, ``org``, ``place`` or ``other``."""
    possessive: bool = False
    """The phrase ended in ``’s`` (``Putin’s comments``)."""


def _is_acronym(tok: str) -> bool:
    """``NPR``, ``NATO``, ``CNN`` (but not ``I`` or ``US``)."""
    t = tok.replace(".", "").replace("&", "")
    return 2 <= len(t) <= 6 and t.isupper() and t.isalpha()


_PLACE_PREFIXES = frozenset("San Santa Los Las Fort Port Lake Mount Mt. Saint St. Sao São".split())


def classify_tokens(tokens: list[str]) -> str:
    """``person``, ``org``, ``place`` or ``other`` for the tokens of a name."""
    if not tokens:
        return "other"
    if any(t in ORG_WORDS for t in tokens) or _known_org(tokens):
        return "org"
    if len(tokens) == 1:
        t = tokens[0]
        if t in PLACES or t in ("US", "U.S.", "UK", "U.K.", "EU", "UN", "USA"):
            return "place"
        if t in COMMON_CAPS or t in NATIONALITIES:
            return "other"
        if _is_acronym(t):
            return "org"
        return "other"
    if any(t in COMMON_CAPS for t in tokens):
        return "other"
    if tokens[0] in _PLACE_PREFIXES:
        return "place"  # ``San Diego``, ``Los Angeles``, ``Fort Worth``
    if tokens[0] in _FEMALE_FIRST or tokens[0] in _MALE_FIRST:
        return "person"  # ``Rand Paul``, ``Ben Carson``: a first name opens a person's name
    if all(t in PLACES or t in NATIONALITIES for t in tokens):
        return "place"
    if tokens[-1] in PLACES:
        return "place"
    if any(_is_acronym(t) and len(t) > 2 for t in tokens):
        return "org"
    return "person"


def split_tokens(phrase: str) -> list[str]:
    """Split a name phrase into tokens (white space separated)."""
    return phrase.replace("\u00a0", " ").split()


_MODIFIER_TOKEN_RE = re.compile(r"[^\W\d_][\w.’']*[-\u2011](?:born|based|raised|bred|educated|backed|led|owned|run|funded|made|controlled|allied|linked|affiliated|leaning|era|style|area|region|focused)")
"""``Shanghai-born``, ``Alberta-based``, ``U.S.-backed``: a modifier before a name, never part of it."""
_NAME_START_RE = re.compile(r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)[\-\u2011])?[^\W\d_a-z]|[a-z][A-Z]|O’|O'|d’|d'|\d")
"""A name starts with a capital (``al-Sisi``, ``O’Rourke`` too); ``of State``, ``de``, ``author`` do not."""
_SHOUTED_WORDS = frozenset("THE A AN OF FOR TO IN ON AT BY WITH AND OR IS ARE WAS WILL FROM AFTER OVER".split())


def _shouted(tokens: list[str]) -> bool:
    """A headline in capitals (``U.N. PANEL RULES FOR WIKILEAKS FOUNDER``), not a name."""
    caps = sum(1 for t in tokens if len(t) >= 3 and t.isalpha() and t.isupper())
    return caps >= 2 and any(t in _SHOUTED_WORDS for t in tokens)


@lru_cache(maxsize=8192)
def parse_name(phrase: str) -> ParsedName | None:
    """Split a capitalised phrase into name and title, and say what it names.

    ``Foreign Minister Sergey Lavrov`` → name ``Sergey Lavrov``, role ``Foreign Minister``;
    ``Russia’s Dmitry Medvedev`` → ``Dmitry Medvedev``; ``the Kremlin`` → org ``Kremlin``.
    """
    tokens = split_tokens(phrase.strip(" ,"))
    if _shouted(tokens):
        return None
    while tokens and tokens[0].lower() in ("the", "a", "an"):
        tokens = tokens[1:]
    while tokens and tokens[0] in COMMON_CAPS:
        tokens = tokens[1:]
    if not tokens:
        return None
    possessive = False
    if _POSSESSIVE_RE.search(tokens[-1]) and len(tokens[-1]) > 2 and tokens[-1][-1] in "s’'":
        last = tokens[-1]
        if last.endswith(("’s", "'s")):
            tokens[-1] = last[:-2]
            possessive = True
        elif last.endswith(("s’", "s'")):
            tokens[-1] = last[:-1]
            possessive = True
    # Possessive prefixes (``Russia’s Dmitry Medvedev``) are not part of the name, but a
    # publication's own possessive is (``People’s Daily``, ``Barron’s``).
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].endswith(("’s", "'s")) and i < len(tokens) - 1:
            if tokens[i + 1 :] and all(t in ORG_WORDS for t in tokens[i + 1 :]):
                break
            tokens = tokens[i + 1 :]
            break
    # Modifiers (``Shanghai-born``, ``Alberta-based``) describe the person; they are not the name.
    lead: list[str] = []
    mods = [i for i, t in enumerate(tokens) if _MODIFIER_TOKEN_RE.fullmatch(t)]
    if mods and mods[-1] < len(tokens) - 1:
        lead, tokens = tokens[: mods[-1] + 1], tokens[mods[-1] + 1 :]  # ``South Korean-born Monte Haines``
    if not tokens or not _NAME_START_RE.match(tokens[0]) or any(_MODIFIER_TOKEN_RE.fullmatch(t) for t in tokens):
        return None  # ``of State``, ``de``, ``author``: a name starts with a capital
    tokens = [t for t in tokens if t not in HONORIFICS] or tokens
    role_tokens: list[str] = []
    last_title = -1
    core = len(tokens)
    while core > 1 and tokens[core - 1].rstrip(",") in _SUFFIXES:
        core -= 1  # ``Martin Luther King Jr.``: the name ends before its suffix
    for i, t in enumerate(tokens[: core - 1]):
        if t in NATIONALITIES and t not in TITLES:
            # ``French President Emmanuel Macron`` but not ``German Ortega`` (a first name)
            if tokens[i + 1] in TITLES or core - i - 1 >= 2:
                last_title = i
        elif t in TITLES or t.upper() in ("CEO", "CFO", "COO", "CTO") or t.endswith("-elect"):
            last_title = i
        elif i == 0 and len(tokens) >= 3 and t[:1].isupper() and t.lower() in PERSON_NOUNS:
            last_title = i  # ``Economist Jeffrey Sachs``, ``Striker Harry Kane``
        elif last_title >= 0 and i == last_title + 1 and t in ORG_WORDS:
            last_title = i
    # Company/team names in front of a title belong to the role too (``Apple CEO Tim Cook``).
    if last_title >= 0:
        role_tokens = tokens[: last_title + 1]
        tokens = tokens[last_title + 1 :]
    tokens = [t for t in tokens if t not in HONORIFICS] or tokens
    if not tokens:
        return None
    kind = classify_tokens(tokens)
    if role_tokens and kind in ("org", "other") and classify_tokens(role_tokens + tokens) == "org":
        # ``Federal Reserve``, ``Russian Defense Ministry``: the title words belong to the organisation.
        tokens, role_tokens, kind = role_tokens + tokens, [], "org"
    if len(tokens) == 1 and tokens[0] in TITLES:
        return None  # ``Attorney General``, ``Vice President``: a title alone names nobody
    if role_tokens and kind == "other" and len(tokens) == 1 and tokens[0] not in COMMON_CAPS:
        kind = "person"  # ``Sen. Warren``, ``President Putin``
    name = " ".join(tokens)
    role = " ".join(lead + role_tokens) or None
    return ParsedName(name=name, role=role, kind=kind, possessive=possessive)


def surname(name: str) -> str:
    """The last token of a personal name, without ``Jr.``/``III`` suffixes."""
    toks = [t for t in split_tokens(name) if t.rstrip(",") not in ("Jr.", "Sr.", "II", "III", "IV")]
    return toks[-1].rstrip(",") if toks else name


def is_organisation(name: str) -> bool:
    """True when ``name`` looks like an organisation or a place rather than a person."""
    toks = split_tokens(name)
    return classify_tokens(toks) in ("org", "place") or (len(toks) == 1 and _is_acronym(toks[0]))


_ABBR_END_RE = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Z]\.)+[A-Z]?)\.$")
_WHO_ROLE_RE = re.compile(r"(?:who|which|whose|that)\s+(?!is\b|was\b|are\b|were\b)", re.IGNORECASE)
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
    r = _ROLE_LEAD1_RE.sub("", r)
    r = _ROLE_LEAD2_RE.sub("", r)
    r = _ROLE_AGE_RE.sub("", r)
    r = _ROLE_ART_RE.sub("", r)
    r = r.strip(" ,;:")
    if r.endswith(".") and not _ABBR_END_RE.search(r):
        r = r[:-1]
    if _NOT_ROLE_RE.fullmatch(r):
        return None
    return r or None


def clean_role(role: str | None) -> str | None:
    """Tidy a role: drop leading articles, ages, relative pronouns, trailing punctuation."""
    if not role:
        return None
    return _clean_role(role)


_NOT_ROLE_RE = re.compile(r"\(?(?:\d{1,3}|[DRI]-[A-Z][\w.\- ]{0,20}|[DRI]|aged?\s+\d{1,3})\)?")
PARTY_TAG_RE = re.compile(r"\(?[DRI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)?,?")
"""A party/state tag (``D-Mass.``, ``(R-Texas)``): neither a name nor a role."""


_ROLE_HEAD_RE = re.compile(
    r"^(?:(?:who\s+is|who’s|who's|now|currently|the|a|an|former|then|acting|interim|\d{1,3},)\s+)*"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)


_AGENT_RE = re.compile(r"[a-z\-]{3,}(?:ologist|ist|ician|eer|ster)")
"""Nouns of people by their suffix: ``psychologist``, ``strategist``, ``technician``, ``pollster``."""


def looks_like_role(text: str) -> bool:
    """Is ``text`` (an appositive) a title or description of a person?

    ``Deputy Chairman of Russia’s Security Council``, ``the head of Russian foreign
    policy``, ``34, a teacher from Ohio`` are; ``known for his erratic decisions`` is not.
    """
    t = text.strip(" ,")
    if not t or len(t) > 120:
        return False
    words = t.split()
    if len(words) > 14:
        return False
    m = _ROLE_HEAD_RE.match(t)
    rest = (m.group("rest") if m else t).split()
    if not rest:
        return bool(_AGE_RE.match(t))
    head = rest[:5]
    for w in head:
        bare = w.strip(",.;:’'").lower()
        if bare in PERSON_NOUNS or w.strip(",.") in TITLES and w[:1].isupper() or _AGENT_RE.fullmatch(bare):
            return True
        if bare.endswith(("-old",)):
            return True
    return bool(_AGE_RE.match(t)) and len(words) <= 10


def _fold(word: str) -> str:
    """Case and accents folded (``Sergéy`` → ``sergey``), for comparing spellings of a name."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)).casefold()


_SIMILAR = 0.8
"""How alike two spellings of a given name (or of a surname) must be to be one person's name, as
:class:`difflib.SequenceMatcher` measures it: ``Sergey``/``Sergei`` 0.83, ``Dmitry``/``Dmitri`` 0.83,
``Zelensky``/``Zelenskyy`` 0.94; ``Bill``/``Hillary`` 0.36."""


def _alike(a: str, b: str) -> bool:
    """Two spellings of one name: equal, or transliteration variants (same first letter, both at
    least five letters, similarity at least :data:`_SIMILAR`)."""
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    return SequenceMatcher(None, a, b).ratio() >= _SIMILAR


def _person_key(name: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(given name, surname, middle initials) of a full personal name, folded; ``None`` for one word."""
    toks = [t for t in split_tokens(name) if t.rstrip(",.") not in ("Jr", "Sr", "II", "III", "IV")]
    if len(toks) < 2:
        return None
    middles = tuple(_fold(t)[:1] for t in toks[1:-1] if not _PARTICLE_WORD_RE.fullmatch(t))
    return _fold(toks[0].rstrip(".")), _fold(toks[-1]), middles


_PARTICLE_WORD_RE = re.compile(PARTICLES)


def same_person(a: str, b: str) -> bool:
    """Are two full names one person's?  Same surname and given name, each allowing a transliteration
    variant (``Sergey``/``Sergei Lavrov``, ``Volodymyr Zelensky``/``Zelenskyy``); a middle name or
    initial may be missing on one side (``Donald J. Trump`` = ``Donald Trump``) but may not differ.
    A one-word name is nobody's full name: never the same person as anyone else."""
    ka, kb = _person_key(a), _person_key(b)
    if ka is None or kb is None:
        return False
    (fa, sa, ma), (fb, sb, mb) = ka, kb
    if not ((sa == sb and _alike(fa, fb)) or (fa == fb and _alike(sa, sb))):
        return False
    return not (ma and mb and ma != mb)


def canonical_names(names: Iterable[str] | Mapping[str, int], kinds: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map each observed speaker name to one name per person (or organisation) across the corpus.

    Two people are one only when their full names agree (:func:`same_person`: spelling variants and
    a missing middle initial allowed). A bare surname never joins a full name from another article:
    which full name it stands for was the article's to say (see
    :meth:`~.mentions.Article.canon_person`), and it did not. Organisations merge only with the
    same name written the same way (case and spacing aside). Each group takes its most frequent
    form (``names`` may map each name to how often it was seen), then the longest.
    """
    counts: dict[str, int] = {}
    items = names.items() if isinstance(names, Mapping) else ((n, 1) for n in names)
    for n, c in items:
        if n and n.strip():
            key = " ".join(n.split())
            counts[key] = counts.get(key, 0) + int(c)
    parent = {n: n for n in counts}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    middles: dict[str, set[tuple[str, ...]]] = {}

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        both = middles.get(ra, set()) | middles.get(rb, set())
        if len(both) > 1:
            return  # ``George Bush`` joins neither ``George W.`` nor ``George H. W. Bush`` to the other
        parent[rb] = ra
        middles[ra] = both

    by_surname: dict[str, list[str]] = {}
    by_given: dict[tuple[str, str], list[str]] = {}
    by_fold: dict[str, str] = {}
    for n in counts:
        kind = (kinds or {}).get(n) or ("organisation" if is_organisation(n) else "person")
        if kind != "person":
            union(by_fold.setdefault(_fold(n), n), n)
            continue
        key = _person_key(n)
        if key is None:
            continue
        if key[2]:
            middles[n] = {key[2]}
        for other in by_surname.setdefault(key[1], []):
            if same_person(n, other):
                union(other, n)
        by_surname[key[1]].append(n)
        for other in by_given.setdefault((key[0], key[1][:3]), []):
            if same_person(n, other):
                union(other, n)
        by_given[(key[0], key[1][:3])].append(n)
    groups: dict[str, list[str]] = {}
    for n in counts:
        groups.setdefault(find(n), []).append(n)
    out: dict[str, str] = {}
    for members in groups.values():
        best = max(members, key=lambda m: (counts[m], len(m), m))
        for m in members:
            out[m] = best
    return out


_FEMALE_FIRST = frozenset(
    """
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret
    Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca
    Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha
    Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia
    Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah
    Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy
    Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany
    Charlotte Marie Kayla Alexis Lori Kamala Hillary Nikki Ursula Angela Theresa Liz Kristi Kristen
    Kirsten Tulsi Elise Marjorie Lauren Alexandria Ilhan Rashida Ayanna Gretchen Kathy Janet Karine
    Jen Jill Michelle Melania Ivanka Tiffany Condoleezza Madeleine Nancy Dianne Tammy Tina Lisa Susan
    Patty Amy Maggie Jeanne Gina Deb Mazie Marsha Shelley Cindy Joni Kyrsten Katie Katy Serena Venus
    Simone Coco Naomi Iga Aryna Jessica Elena Caitlin Megan Sue Mia Ava Chloe Zoe Lily Ella Nora
    Claire Rose Jane Kate Lucy Molly Priya Mariana Sofia Yulia Olga Tatiana Svetlana Irina Natalia
    Giorgia Marine Christine Annalena Kaja Roberta Mette Jacinda Theresa Rachel Yvette Priti
    Suella Kemi Penny Liz Angela Oprah Taylor Beyonce Rihanna Meryl Whitney Dolly Madonna Adele Sheryl
    Ginni Mira Safra Indra Jane Lina Janet Christine Mary Gwynne Cathie Abby Susie Kellyanne Hope
    Sheila Wendy Joanna Eva Ellen Sylvia Tanya Vanessa Stacey Stacy Kristin Kara Leah Erin Holly
    """.split()
)
_MALE_FIRST = frozenset(
    """
    James Robert John Michael David William Richard Joseph Thomas Charles Christopher Daniel Matthew
    Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward
    Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin
    Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan
    Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald
    Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan
    Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip
    Louis Joe Barack Bill Mike Mitch Chuck Ted Rand Marco Bernie Kevin Hakeem Jim Tim
    Vladimir Dmitry Sergey Sergei Volodymyr Emmanuel Olaf Boris Keir Rishi Xi Narendra Benjamin
    Recep Elon Jeff Mark Sundar Satya Warren Jamie Jerome Steve LeBron Stephen Tom Patrick Aaron
    Lionel Cristiano Novak Rafael Roger Carlos Jannik Andy Erik Pep Jurgen Mikel Harry Dan Ron Gavin
    Greg Josh Pete Jared Hunter Lindsey Ken Kash Marco JD Mohammed Muhammad Ali Ahmed
    Hassan Abdullah Omar Yusuf Ibrahim Karl Hans Friedrich Pedro Luiz Javier Emmanuel Xavier Giorgio
    Matteo Fernando Pablo Diego Luis Sam Max Ben Nick Chris Matt Alex Danny Eddie Jimmy Johnny Tony
    Ricky Bob Rob Fred Ed Ron Don Hank Joel Jon Brett Chad Kurt Lloyd Trey Troy Shawn Marcus Derek
    Darren Todd Travis Wes Kerr Jalen Kawhi Kyrie Giannis Nikola Luka Shohei Aaron Mookie Tiger Rory
    Scottie Xander Dustin Shane Brock Jayson Jaylen Klay Draymond Damian Devin Kwame Andre Maurice
    Dmitri Sergio Mateo Lewis Max Charles Lando Oscar Fernando Valtteri Sebastian Kimi Yuki Nico
    """.split()
)
_AMBIGUOUS_FIRST = frozenset("Jordan Taylor Jean Alex Sam Chris Jamie Kelly Robin Leslie Terry Dana Pat Casey Morgan".split())
_FEMALE_HINTS = frozenset(
    """mrs. ms. miss mrs ms spokeswoman chairwoman congresswoman councilwoman assemblywoman businesswoman
    actress queen princess duchess countess empress lady dame sister mother wife daughter widow
    grandmother woman girl""".split()
)
_MALE_HINTS = frozenset(
    """mr. mr spokesman congressman councilman assemblyman businessman actor king prince duke
    count emperor lord sir father brother husband son widower grandfather man boy""".split()
)


_HONORIFIC_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}
_ROLE_STOP = frozenset("whose who which that of for to".split())


def gender_of(name: str, role: str | None = None) -> str | None:
    """``f``, ``m`` or ``None`` from an honorific (``Mrs.``), a first name, or the head of a role
    (``spokeswoman``, ``wife of …``; ``whose husband …`` says nothing of the person)."""
    words = [w.strip(",.;:()").lower() for w in (role or "").split()]
    for w in words:
        if w in _HONORIFIC_GENDER:
            return _HONORIFIC_GENDER[w]
    toks = split_tokens(name)
    if len(toks) >= 2 and toks[0] not in _AMBIGUOUS_FIRST:
        if toks[0] in _FEMALE_FIRST:
            return "f"
        if toks[0] in _MALE_FIRST:
            return "m"
    for w in words:
        if w in _ROLE_STOP or w.endswith(("’s", "'s")):
            break
        if w in _FEMALE_HINTS:
            return "f"
        if w in _MALE_HINTS:
            return "m"
    return None
