"""Names: finding capitalised phrases, splitting titles off, telling people from organisations and
places (:func:`parse_name`), and what a capitalised run found in an article tells (:func:`name_info`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..cues import FINITE_CUES
from .name_scan import NAME_SEQ_RE
from ..gender import FEMALE_FIRST, MALE_FIRST
from ..words import (
    COMMON_CAPS,
    COUNTRY_WORDS,
    DEMONYMS,
    HONORIFICS,
    KNOWN_ORG_PAIRS,
    KNOWN_ORG_TOKENS,
    MASTHEAD_NOUNS,
    NATIONALITIES,
    ORG_NOUNS,
    ORG_WORDS,
    PARTICLES,
    PERSON_NOUNS,
    PLURAL_PEOPLE,
    PLACES,
    PLACE_SURNAMES,
    POST_NOMINALS,
    split_tokens,
    SUFFIXES,
    TITLES,
    US_STATE_NAMES,
)



def is_demonym(tok: str) -> bool:
    """``Argentine``, ``Briton``, ``Frenchman``, ``Democrat``: a description of a person."""
    if tok in DEMONYMS or tok in NATIONALITIES:
        return tok not in ("US", "U.S.", "UK", "U.K.", "EU", "UN", "NATO", "GOP", "Kremlin", "Soviet")
    if not tok[:1].isupper() or not tok[1:].islower() or tok in ORG_WORDS or tok in PLACES:
        return False
    return tok.endswith(("ian", "ean", "ese", "man", "woman", "ite", "ish", "ani", "eri"))


def _known_org(tokens: list[str]) -> bool:
    if any(t in KNOWN_ORG_TOKENS for t in tokens):
        return True
    return any((a, b) in KNOWN_ORG_PAIRS for a, b in zip(tokens, tokens[1:]))


_HONORIFIC_GENDER = {"Mr.": "m", "Mr": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f", "Ms": "f", "Miss": "f"}


_POSSESSIVE_RE = re.compile(r"[’']s?$")


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
    gender: str | None = None
    """``f`` or ``m`` when an honorific says so (``Mrs. Clinton``), else ``None``."""


def _is_acronym(tok: str) -> bool:
    """``NPR``, ``NATO``, ``CNN`` (but not ``I``, ``US`` or a suffix such as ``III``)."""
    t = tok.replace(".", "").replace("&", "")
    return 2 <= len(t) <= 6 and t.isupper() and t.isalpha() and t not in SUFFIXES


_MONTH_FIRST_NAMES = frozenset("Jan June April".split())
"""Month names that are also given names: ``Jan Brewer``, ``June Carter``, ``April Ryan`` (two words, a
surname after them), where ``Jan`` alone or ``In June Trump`` is no name."""


_MONTHS = frozenset("January February March April May June July August September October November December".split())
"""Month names: after ``Mr``, ``Mrs`` or ``Ms`` a surname (``Mrs May``), whatever they are alone."""


_RANK_JOINERS = frozenset("Ch Con Det Rt Hon".split())
"""Words of ranks and styles written without full stops that are titles only beside another rank or
before a given name: ``Ch`` (chief: ``Ch Supt``, ``Det Ch Insp``), ``Con`` (constable: ``Det Con``),
``Det`` (``Det Insp``, ``Det Jane Roe``), ``Rt Hon``. Alone they are words or names (``Con Edison``,
``Hon Hai``, ``Det Norske Veritas``)."""

_RANK_ACRONYMS = frozenset("PC WPC PCSO DC DS DI DCI DSI DCS".split())
"""Police ranks in capitals (``PC``, ``DCI``): titles only before a given name (``PC World`` is a shop)."""


def _rank_word(tokens: list[str], i: int, last_title: int, core: int) -> bool:
    """Is ``tokens[i]`` (one of :data:`_RANK_JOINERS` or :data:`_RANK_ACRONYMS`, never the name's last
    word) part of a rank here: beside another rank, or before a given name and a surname?"""
    t, nxt = tokens[i], tokens[i + 1]
    given = (nxt in FEMALE_FIRST or nxt in MALE_FIRST) and i + 1 < core - 1
    after = tokens[i - 1] if i > 0 and i == last_title + 1 else ""
    if t == "Ch":
        return nxt in TITLES or nxt == "Con"
    if t == "Con":
        return after in ("Det", "Det.", "Ch")
    if t == "Det":
        return nxt in TITLES or nxt in ("Ch", "Con") or given
    if t == "Rt":
        return nxt in ("Hon", "Hon.")
    if t == "Hon":
        return after in ("Rt", "Rt.") or given
    return given


def _is_surname_word(tok: str) -> bool:
    """Could ``tok`` be a surname (a capitalised word that is no common word, title or place)?"""
    return tok[:1].isupper() and tok[1:2].islower() and tok not in COMMON_CAPS and tok not in TITLES and tok not in PLACES


_BRAND_RE = re.compile(
    r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Vander|Vanden|Von|Fitz|St|Al|El|Ben|Abu)[A-Z])"
    r"(?:[A-Z]{2,}[a-z]{2,}\w*|[A-Z][a-z]+[A-Z]\w*)"
)
"""``HuffPo``, ``ProPublica``, ``AZCentral``, ``ReganBooks``: a capital inside one word marks a brand or a
publication (not ``McConnell``, ``DeSantis``, ``LaHood``, ``MacNab``: those prefixes make surnames)."""
_INITIAL_RE = re.compile(r"[A-Z]\.")
_PARTICLE_WORDS = frozenset(PARTICLES.strip("(?:)").replace("\\", "").split("|"))


_PLACE_PREFIXES = frozenset("San Santa Los Las Fort Port Lake Mount Mt. Saint St. Sao São".split())


_PLACE_NAMING_TITLES = frozenset("King Queen Prince Princess Saint St. St Crown Emperor Empress Pope Lord Lady Duke Duchess".split())
"""Titles that places and buildings are named after (``King George Square``, ``Prince Albert Road``,
``Queen Street``): before a place word they mark no person."""

_TITLES_ALONE = frozenset(
    "President Senator Governor Mayor Minister Premier Judge Chairman Chairwoman Ambassador Congressman "
    "Congresswoman Sen Rep Gov Gen Dr Prof".split()
)
"""Titles that make a person of one place word after them (``President Park``, ``Senator Tower``), where
``State Street``, ``Federal Court`` or ``Crown Court`` stay places and bodies."""


def _person_of_place_word(role_tokens: list[str], honorific: bool, tokens: list[str]) -> bool:
    """Does a title or an honorific before a name that ends with a place word (:data:`PLACE_SURNAMES`)
    make it a person's name (``Sen. John Tower``, ``Mr Hall``, ``President Park``)?"""
    if tokens[-1] not in PLACE_SURNAMES or len(tokens) > 3 or _known_org(tokens):
        return False
    for t in tokens[:-1]:
        if t in ORG_WORDS or not (_INITIAL_RE.fullmatch(t) or (t[:1].isupper() and t[1:].islower())):
            return False  # ``Madison Square Garden``, ``Hyde Park``: another word of a place or a body
    if len(tokens) > 1 and tokens[0] not in FEMALE_FIRST and tokens[0] not in MALE_FIRST and not _INITIAL_RE.fullmatch(tokens[0]):
        return False  # ``Senate House``, ``Sheriff Court``: no given name opens it
    if honorific:
        return True
    title = role_tokens[-1] if role_tokens else ""
    if not title or title in _PLACE_NAMING_TITLES:
        return False
    if len(tokens) == 1:
        return title in _TITLES_ALONE or (title.endswith(".") and title in TITLES)
    return title.lower() in PERSON_NOUNS or (title.endswith(".") and title in TITLES) or title in _TITLES_ALONE


def _past_participle(tok: str) -> bool:
    """``Endorsed``, ``Refused``, ``Continued``: a capitalised past tense opening a run is no given name
    (not ``Mohamed``, ``Murshed``, ``Rasheed``, nor a known given name such as ``Alfred``)."""
    return (
        len(tok) >= 6
        and tok.endswith("ed")
        and not tok.endswith(("eed", "hed", "med"))
        and tok[1:].islower()
        and tok not in FEMALE_FIRST
        and tok not in MALE_FIRST
    )


_GIVEN_SYLLABLES_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")
"""``Geun-hye``, ``Chung-hee``, ``Jong-un``: a Korean given name of two syllables (a capital, a hyphen, a
lower-case syllable), written after the family name."""


def classify_tokens(tokens: list[str]) -> str:
    """``person``, ``org``, ``place`` or ``other`` for the tokens of a name."""
    if not tokens:
        return "other"
    if len(tokens) == 2 and tokens[0] in PLACE_SURNAMES and _GIVEN_SYLLABLES_RE.fullmatch(tokens[1]):
        return "person"  # ``Park Geun-hye``: a family name that is also a place word, then a Korean given name
    if any(t in ORG_WORDS or t.rsplit("-", 1)[-1] in ORG_WORDS for t in tokens) or _known_org(tokens):
        return "org"  # ``Chicago Sun-Times`` too
    if len(tokens) >= 2 and tokens[-1] in ORG_NOUNS:
        return "org"  # ``Clinton campaign``, ``Trey Gowdy's office``, ``China's foreign ministry``
    if len(tokens) >= 2 and tokens[-1] in MASTHEAD_NOUNS and tokens[0] not in FEMALE_FIRST and tokens[0] not in MALE_FIRST:
        return "org"  # ``Philippine Star``, ``Orlando Sentinel``, ``Plain Dealer``: a newspaper's masthead
    if len(tokens) == 1:
        t = tokens[0]
        if t in PLACES or t in ("US", "U.S.", "UK", "U.K.", "EU", "UN", "USA"):
            return "place"
        if t in COMMON_CAPS or t in NATIONALITIES:
            return "other"
        if _is_acronym(t) or _BRAND_RE.fullmatch(t):
            return "org"
        return "other"
    given = tokens[0] in FEMALE_FIRST or tokens[0] in MALE_FIRST
    if len(tokens) == 2 and given and tokens[1][:1].isupper() and tokens[1][1:].islower():
        return "person"  # ``Theresa May``, ``Ian Read``, ``Jan Brewer``: a first name, then a surname that is also a word
    if any(t in COMMON_CAPS for t in tokens):
        return "other"
    if tokens[0] in _PLACE_PREFIXES:
        return "place"  # ``San Diego``, ``Los Angeles``, ``Fort Worth``
    if tokens[0] in FEMALE_FIRST or tokens[0] in MALE_FIRST:
        return "person"  # ``Rand Paul``, ``Ben Carson``: a first name opens a person's name
    if _past_participle(tokens[0]):
        return "other"  # ``Endorsed Trump``, ``Called Hillary``: a verb of a title-case line, then a name
    if all(t in PLACES or t in NATIONALITIES for t in tokens):
        return "place"
    if tokens[-1] in PLACES:
        return "place"
    if any(_is_acronym(t) and len(t) > 2 for t in tokens):
        return "org"
    if (
        len(tokens) == 3
        and tokens[1][-1:] == "s"
        and tokens[1][1:].islower()
        and not tokens[1].endswith(("ss", "us", "is"))
        and not _INITIAL_RE.fullmatch(tokens[0])
    ):
        # ``Black Lives Matter``, ``Human Rights Campaign``: no given name, a plural in the middle
        # (a clause or a compound noun) names a movement or a body, not a person
        return "org"
    if (
        len(tokens) >= 4
        and not _INITIAL_RE.fullmatch(tokens[0])
        and not any(t.lower() in _PARTICLE_WORDS for t in tokens)
        and not (len(tokens) == 4 and all(len(t) <= 4 and t.isalpha() and t[1:].islower() for t in tokens))
    ):
        # ``History Makes Latinos Feel``: four capitalised words with no first name are a title-case
        # line (not four short syllables, as Burmese names are: ``Aung San Suu Kyi``)
        return "other"
    return "person"




_MODIFIER_TOKEN_RE = re.compile(
    r"[^\W\d_][\w.’']*[-\u2011](?:[a-z]+(?:ed|ing|er|ers|ist)|born|based|bred|run|led|made|era|style|area|region)"
)
"""``Shanghai-born``, ``Alberta-based``, ``U.S.-backed``: a modifier before a name, never part of it."""


_NAME_START_RE = re.compile(r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)[\-\u2011])?[^\W\d_a-z]|[a-z][A-Z]|O’|O'|d’|d'|\d")
"""A name starts with a capital (``al-Sisi``, ``O’Rourke`` too); ``of State``, ``de``, ``author`` do not."""


_SHOUTED_WORDS = frozenset("THE A AN OF FOR TO IN ON AT BY WITH AND OR IS ARE WAS WILL FROM AFTER OVER".split())


def is_headline_verb(tok: str) -> bool:
    """A capitalised speech verb inside a title-case run (``Says``, ``Praises``, ``Slams``): the run
    is a headline, not a name."""
    return tok[:1].isupper() and tok[1:].islower() and tok.lower() in FINITE_CUES


def _shouted(tokens: list[str]) -> bool:
    """A headline in capitals (``U.N. PANEL RULES FOR WIKILEAKS FOUNDER``), not a name."""
    caps = sum(1 for t in tokens if len(t) >= 3 and t.isalpha() and t.isupper())
    return caps >= 2 and any(t in _SHOUTED_WORDS for t in tokens)


_ROLE_TAIL_WORDS = frozenset("Staff Affairs Intelligence Operations Development Political Public International".split())
"""Words that end the name of an office (``Chief of Staff``, ``Political Affairs``, ``National
Intelligence``) besides the title and organisation words."""


def _is_role_word(tok: str) -> bool:
    """``Staff``, ``Celebrities``, ``Actress``: a word that ends a role, or a noun for a person or for
    people (singular or plural), capitalised."""
    if tok in _ROLE_TAIL_WORDS:
        return True
    low = tok.lower()
    if low in PERSON_NOUNS or low in PLURAL_PEOPLE:
        return True
    return (low.endswith("ies") and low[:-3] + "y" in PERSON_NOUNS) or (low.endswith("s") and low[:-1] in PERSON_NOUNS)


def _plural_before_given(tokens: list[str]) -> bool:
    """``Celebrities Julianne Moore``, ``Floridians Jeb Bush``: a plural word (no given name itself)
    right before a known given name describes the people the name is one of; it is no part of it."""
    first = tokens[0]
    return (
        first[-1:] == "s"
        and first[1:].islower()
        and not first.endswith(("ss", "us", "is"))
        and (tokens[1] in FEMALE_FIRST or tokens[1] in MALE_FIRST)
        and first not in FEMALE_FIRST
        and first not in MALE_FIRST
    )


@lru_cache(maxsize=65536)
def parse_name(phrase: str) -> ParsedName | None:
    """Split a capitalised phrase into name and title, and say what it names.

    ``Foreign Minister Sergey Lavrov`` → name ``Sergey Lavrov``, role ``Foreign Minister``;
    ``Russia’s Dmitry Medvedev`` → ``Dmitry Medvedev``; ``the Kremlin`` → org ``Kremlin``.
    """
    tokens = [t.rstrip(",") or t for t in split_tokens(phrase.strip(" ,"))]  # ``Brent Bozell, Jr.``: no comma in a name
    if "“" in phrase or '"' in phrase or "‘" in phrase:
        tokens = [t for t in tokens if t[:1] not in "“\"‘"] or tokens  # ``Juan “Chico” Manriquez``: the nickname is no part of the name
    if _shouted(tokens):
        return None
    article = False
    while tokens and tokens[0].lower() in ("the", "a", "an"):
        article = article or tokens[0] == "The" or tokens[0] == "the"
        tokens = tokens[1:]
    if not (len(tokens) == 2 and tokens[0] in _MONTH_FIRST_NAMES and _is_surname_word(tokens[1])):
        while tokens and tokens[0] in COMMON_CAPS:
            tokens = tokens[1:]  # ``Yesterday Trump``, ``In May Trump``; not ``Jan Brewer``
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
        if tokens[i].endswith(("’s", "'s", "s’", "s'")) and i < len(tokens) - 1:
            if tokens[i + 1 :] and all(t in ORG_WORDS for t in tokens[i + 1 :]):
                break
            tokens = tokens[i + 1 :]
            break
    # Modifiers (``Shanghai-born``, ``Alberta-based``) describe the person; they are not the name.
    lead: list[str] = []
    mods = [i for i, t in enumerate(tokens) if ("-" in t or "\u2011" in t) and _MODIFIER_TOKEN_RE.fullmatch(t)]  # (a modifier holds a hyphen)
    if mods and mods[-1] < len(tokens) - 1:
        lead, tokens = tokens[: mods[-1] + 1], tokens[mods[-1] + 1 :]  # ``South Korean-born Monte Haines``
    if not tokens or not _NAME_START_RE.match(tokens[0]) or any(("-" in t or "\u2011" in t) and _MODIFIER_TOKEN_RE.fullmatch(t) for t in tokens):
        return None  # ``of State``, ``de``, ``author``: a name starts with a capital
    if any(is_headline_verb(t) for t in tokens[1:]):
        return None  # ``Francois Hollande Says Donald Trump``: a headline, not a name
    if len(tokens) >= 2 and tokens[0] not in FEMALE_FIRST and tokens[0] not in MALE_FIRST:
        for k in range(min(3, len(tokens) - 1), 0, -1):
            rest = tokens[k:]
            if (
                classify_tokens(tokens[:k]) == "place"
                and (k > 1 or tokens[0] in PLACES)
                and not any(t in ORG_WORDS or t.rsplit("-", 1)[-1] in ORG_WORDS for t in rest)
                and classify_tokens(rest) != "org"
                and not rest[0].lower() in PERSON_NOUNS
            ):
                lead, tokens = lead + tokens[:k], rest  # ``New Hampshire Sanders``: a place, then the name
                break
    if len(tokens) >= 2 and tokens[-1] in POST_NOMINALS:
        tokens = tokens[:-1]  # ``Jane Roe MP``, ``Tom Hale QC``: the letters after a name are no part of it
        if len(tokens) == 1 and (article or tokens[0] in NATIONALITIES or tokens[0] in DEMONYMS or tokens[0] in PLACES or _is_acronym(tokens[0])):
            return None  # ``the Labour MP``, ``the SNP MP``: a description (:func:`~.common.desc_np`), no name
    honorific = any(t in HONORIFICS for t in tokens)
    gender = next((_HONORIFIC_GENDER[t] for t in tokens if t in _HONORIFIC_GENDER), None)
    tokens = [t for t in tokens if t not in HONORIFICS] or tokens
    role_tokens: list[str] = []
    last_title = -1
    core = len(tokens)
    while core > 1 and tokens[core - 1].rstrip(",") in SUFFIXES:
        core -= 1  # ``Martin Luther King Jr.``: the name ends before its suffix
    for i, t in enumerate(tokens[: core - 1]):
        if i <= last_title:
            continue  # inside a title already read (``Minister for Foreign Affairs``)
        if t in NATIONALITIES and t not in TITLES:
            # ``French President Emmanuel Macron`` but not ``German Ortega`` (a first name)
            if tokens[i + 1] in TITLES or core - i - 1 >= 2:
                last_title = i
        elif t in TITLES or t.upper() in ("CEO", "CFO", "COO", "CTO") or t.endswith("-elect"):
            last_title = i
        elif (t in _RANK_JOINERS or t in _RANK_ACRONYMS) and _rank_word(tokens, i, last_title, core):
            last_title = i  # ``Ch Supt``, ``Det Con``, ``PC Jane Roe``, ``DCI Tom Hale``
        elif (
            t[:1].isupper()
            and (t.lower() in PERSON_NOUNS or t.lower().split("-")[0] in PERSON_NOUNS)
            and ((t not in FEMALE_FIRST and t not in MALE_FIRST) or tokens[i + 1] in FEMALE_FIRST or tokens[i + 1] in MALE_FIRST)
            and (i == 0 or (tokens[i - 1] not in FEMALE_FIRST and tokens[i - 1] not in MALE_FIRST))
        ):  # (``Dean Baker`` is a name, ``Dean Martha Minow`` a title and a name)
            last_title = i  # ``Economist Jeffrey Sachs``, ``Donor Adelson``, ``Political Editor Matthew Boyle``
        elif last_title >= 0 and i == last_title + 1 and t in ORG_WORDS and not (t in PLACE_SURNAMES and _GIVEN_SYLLABLES_RE.fullmatch(tokens[i + 1])):
            last_title = i  # (not ``President Park Geun-hye``: a family name, then a Korean given name)
        elif (
            last_title >= 0
            and i == last_title + 1
            and t in ("of", "for")
            and i + 1 < core - 1
            and (tokens[last_title] in TITLES or tokens[last_title].lower() in PERSON_NOUNS)
        ):
            given = next((j for j in range(i + 2, core - 1) if tokens[j] in FEMALE_FIRST or tokens[j] in MALE_FIRST), None)
            if given is not None:
                last_title = given - 1  # ``Director of National Intelligence James Clapper``: the name opens at its given name
            elif t == "of":
                last_title = i + 1  # ``Chief of Staff Katie Walsh``, ``Secretary of State John Kerry``
    # Company/team names in front of a title belong to the role too (``Apple CEO Tim Cook``).
    if last_title >= 0:
        role_tokens = tokens[: last_title + 1]
        tokens = tokens[last_title + 1 :]
    tokens = [t for t in tokens if t not in HONORIFICS] or tokens
    if not tokens:
        return None
    if not _NAME_START_RE.match(tokens[0]):
        if classify_tokens(role_tokens + tokens) == "org":
            return ParsedName(name=" ".join(role_tokens + tokens), role=None, kind="org", possessive=possessive)
        return None  # ``of Staff Katie Walsh``: no name starts with a lower-case word
    if len(tokens) >= 3 and tokens[0] not in FEMALE_FIRST and tokens[0] not in MALE_FIRST and not possessive:
        given = next((j for j in range(1, len(tokens) - 1) if tokens[j] in FEMALE_FIRST or tokens[j] in MALE_FIRST), None)
        if (
            given is not None
            and all(_NAME_START_RE.match(t) for t in tokens[given:])
            and all(t in ORG_WORDS or t in TITLES or t in _ROLE_TAIL_WORDS or t.lower() in PERSON_NOUNS for t in tokens[:given])
        ):
            # ``Staff Denis McDonough`` (of ``Chief of Staff …``), ``Intelligence James Clapper``: the
            # words before a known given name end a role the run was cut from
            role_tokens, tokens = role_tokens + tokens[:given], tokens[given:]
    while (
        len(tokens) >= 3
        and not possessive
        and (_is_role_word(tokens[0]) or _plural_before_given(tokens))
        and all(_NAME_START_RE.match(t) for t in tokens[1:])
    ):
        # ``Staff Denis McDonough`` (cut from ``Chief of Staff …``), ``Celebrities Julianne Moore``
        # (a sentence's first word): a word ending a role, or a noun for people, is no part of a name
        role_tokens, tokens = role_tokens + tokens[:1], tokens[1:]
    kind = classify_tokens(tokens)
    if kind == "org" and (role_tokens or honorific) and _person_of_place_word(role_tokens, honorific, tokens):
        kind = "person"  # ``Sen. John Tower``, ``Mr Hall``, ``President Park``: a title wins over a place word
    if role_tokens and kind in ("org", "other") and classify_tokens(role_tokens + tokens) == "org":
        # ``Federal Reserve``, ``Russian Defense Ministry``: the title words belong to the organisation.
        tokens, role_tokens, kind = role_tokens + tokens, [], "org"
    if len(tokens) == 1 and (tokens[0] in TITLES or tokens[0] in _RANK_JOINERS):
        return None  # ``Attorney General``, ``Vice President``, ``Rt Hon``: a title alone names nobody
    if (role_tokens or honorific) and kind == "other" and len(tokens) == 1 and (tokens[0] not in COMMON_CAPS or honorific and tokens[0] in _MONTHS):
        kind = "person"  # ``Sen. Warren``, ``President Putin``; ``Mrs May`` (a month after ``Mrs`` is a surname)
    if article and len(tokens) == 1 and not role_tokens and tokens[0].lower() in PERSON_NOUNS and tokens[0] not in ORG_WORDS:
        return None  # ``the Duke`` (of ``the Duke of Sussex``), ``the Countess``: a title, no name and no body
    if article and kind == "other" and len(tokens) == 1 and not role_tokens and not honorific and not possessive:
        kind = "org"  # ``The Hill``, ``the Federalist``: one capitalised word after ``the`` names no person
    name = " ".join(tokens)
    role = " ".join(lead + role_tokens) or None
    return ParsedName(name=name, role=role, kind=kind, possessive=possessive, gender=gender)


def place_before_state(text: str, end: int) -> bool:
    """Does the name ending at ``end`` stand before a comma and a US state or a country, and nothing
    more (``Nashua, N.H.``, ``Davenport, Iowa``, ``Sumter, South Carolina``, ``Lyon, France``)?  Then
    it is a town, whatever it is called. Not ``Texas Republican``, ``New York’s``: only the state."""
    if text[end : end + 2] != ", ":
        return False
    nm = NAME_SEQ_RE.match(text, end + 2)
    if nm is None or text[nm.end() : nm.end() + 1].isalnum() or text[nm.end() : nm.end() + 2] in ("’s", "'s"):
        return False
    place = nm.group().replace(" ", "\u00a0")
    return place in US_STATE_NAMES or place in COUNTRY_WORDS


_NAME_SUFFIXES = ("Jr.", "Sr.", "II", "III", "IV")


def surname(name: str) -> str:
    """The last token of a personal name, without ``Jr.``/``III`` suffixes."""
    toks = split_tokens(name)
    last = toks[-1].rstrip(",") if toks else ""
    if toks and last not in _NAME_SUFFIXES:
        return last  # (the usual case: no suffix ends the name)
    toks = [t for t in toks if t.rstrip(",") not in _NAME_SUFFIXES]
    return toks[-1].rstrip(",") if toks else name


def is_organisation(name: str) -> bool:
    """True when ``name`` looks like an organisation or a place rather than a person."""
    toks = split_tokens(name)
    return classify_tokens(toks) in ("org", "place") or (len(toks) == 1 and _is_acronym(toks[0]))


@lru_cache(maxsize=65536)
def name_info(phrase: str) -> tuple[ParsedName, str | None, bool, bool, tuple[ParsedName | None] | None] | None:
    """What a capitalised run found in the text tells, worked out once per spelling: its parse (cut
    at a common word: ``Megyn Kelly Is No Different``), the full name of a possessor opening it
    (``Karl Rove’s PAC``), whether it names a person in full, whether it opens with a known given
    name, and, when its first word ends in ``-ing`` or ``-ly``, the parse without that word (used
    when the run opens a sentence: ``Regarding Trump’s …``; not a known given name such as ``Molly``). ``None``: it names nobody (or only a
    place)."""
    if phrase in COMMON_CAPS:
        return None  # ``The``, ``But``, ``Monday``: a lone common word names nobody
    parsed = parse_name(phrase)
    if parsed is None or (parsed.kind == "other" and " " in parsed.name):
        head = head_before_common(phrase)  # ``Megyn Kelly Is No Different``: the name ends at ``Is``
        if head is not None:
            parsed = parse_name(head)
    if parsed is None:
        return None
    owner = None
    om = POSSESSOR_RE.match(phrase) if "s " in phrase else None
    if om is not None:
        pp = parse_name(om.group())
        owner_toks = split_tokens(pp.name) if pp is not None else []
        if pp is not None and pp.kind == "person" and (2 <= len(owner_toks) <= 3 or (len(owner_toks) == 4 and owner_toks[-1] in SUFFIXES)):
            owner = pp.name  # (four words: a headline's subject and verb, ``Hillary Clinton Wins Delaware’s …``)
    if owner is None and parsed.kind not in ("person", "other", "org"):
        return None  # a place, owned by nobody: nothing the article's people are made of
    toks = split_tokens(parsed.name)
    full = parsed.kind == "person" and len(toks) >= 2
    given = toks[0] in FEMALE_FIRST or toks[0] in MALE_FIRST
    first, sep, rest = phrase.partition(" ")
    after = (parse_name(rest),) if sep and first.endswith(("ing", "ly")) and not given else None  # (not ``Molly Yard``)
    return parsed, owner, full, given, after


def head_before_common(phrase: str) -> str | None:
    """The words of a capitalised run before its first common capitalised word or speech verb (``Is``,
    ``The``, ``Says``), when at least two stand before it and more after it (``Yin Myint May``
    stays whole)."""
    toks = split_tokens(phrase)
    for k, t in enumerate(toks[:-1]):
        if k >= 2 and (t in COMMON_CAPS or is_headline_verb(t)):
            return " ".join(toks[:k])
    return None


POSSESSOR_RE = re.compile(r".+?[’']s(?= )")
"""The possessor at the head of a capitalised phrase (``Karl Rove’s`` in ``Karl Rove’s PAC``)."""
