"""The home state a text gives a person (``Vermont Sen. Bernie Sanders``, ``Ted Cruz (R-Texas)``,
``Sen. Joni Ernst, R-Iowa``, ``Lindsey Graham of South Carolina``), so that ``the Florida senator`` is
never a senator the text places in another state."""

from __future__ import annotations

import re

_STATES: dict[str, tuple[str, ...]] = {
    "Alabama": ("Ala.", "AL"), "Alaska": ("AK",), "Arizona": ("Ariz.", "AZ"), "Arkansas": ("Ark.", "AR"),
    "California": ("Calif.", "Calif", "CA"), "Colorado": ("Colo.", "Colo", "CO"), "Connecticut": ("Conn.", "CT"),
    "Delaware": ("Del.", "DE"), "Florida": ("Fla.", "Fla", "FL"), "Georgia": ("Ga.", "GA"), "Hawaii": ("HI",),
    "Idaho": ("ID",), "Illinois": ("Ill.", "IL"), "Indiana": ("Ind.", "IN"), "Iowa": ("IA",),
    "Kansas": ("Kan.", "Kans.", "KS"), "Kentucky": ("Ky.", "KY"), "Louisiana": ("La.", "LA"), "Maine": ("ME",),
    "Maryland": ("Md.", "MD"), "Massachusetts": ("Mass.", "Mass", "MA"), "Michigan": ("Mich.", "Mich", "MI"),
    "Minnesota": ("Minn.", "Minn", "MN"), "Mississippi": ("Miss.", "MS"), "Missouri": ("Mo.", "MO"),
    "Montana": ("Mont.", "MT"), "Nebraska": ("Neb.", "Nebr.", "NE"), "Nevada": ("Nev.", "NV"),
    "New Hampshire": ("N.H.", "NH"), "New Jersey": ("N.J.", "NJ"), "New Mexico": ("N.M.", "NM"),
    "New York": ("N.Y.", "NY"), "North Carolina": ("N.C.", "NC"), "North Dakota": ("N.D.", "ND"), "Ohio": ("OH",),
    "Oklahoma": ("Okla.", "OK"), "Oregon": ("Ore.", "Oreg.", "OR"), "Pennsylvania": ("Pa.", "Penn.", "PA"),
    "Rhode Island": ("R.I.", "RI"), "South Carolina": ("S.C.", "SC"), "South Dakota": ("S.D.", "SD"),
    "Tennessee": ("Tenn.", "Tenn", "TN"), "Texas": ("Tex.", "Tex", "TX"), "Utah": ("UT",), "Vermont": ("Vt.", "VT"),
    "Virginia": ("Va.", "VA"), "Washington": ("Wash.", "WA"), "West Virginia": ("W.Va.", "W.Va", "WV"),
    "Wisconsin": ("Wis.", "Wisc.", "WI"), "Wyoming": ("Wyo.", "WY"),
}
"""The fifty states, each with its AP-style and postal abbreviations."""

STATE_OF: dict[str, str] = {form: name for name, abbrevs in _STATES.items() for form in (name, *abbrevs)}
"""Any written form of a state (``Vt.``, ``VT``, ``Vermont``) → its name."""

_FULL_ALT = "|".join(sorted((re.escape(n) for n in _STATES), key=len, reverse=True))
_ANY_ALT = "|".join(sorted((re.escape(f) for f in STATE_OF), key=len, reverse=True))
_TITLE_WORDS = r"(?:former|then|[Ss]en\.|[Gg]ov\.|[Rr]ep\.|[Ss]enator|[Gg]overnor|[Rr]epresentative|[Cc]ongress(?:man|woman)|[Mm]ayor|[Aa]ttorney\s+[Gg]eneral)"


_PARTY_WORDS = r"(?:Republican|Democrat|Democratic|GOP|Independent)"
_BEFORE_RE = re.compile(
    r"\b(?P<state>" + _FULL_ALT + r")(?:(?:’s|'s)\s+|\s+(?=" + _TITLE_WORDS + r"|" + _PARTY_WORDS + r"\s))"
    r"(?:(?:" + _TITLE_WORDS + r"|" + _PARTY_WORDS + r")\s+){0,3}(?:[A-Z][\w.’'\-]*\s+){0,2}$"
)
"""Before a name: the state, then a title, a party or a possessive (``Vermont Sen. Bernie``, ``Texas’s``)."""
_AFTER_RE = re.compile(
    r"\s*(?:,\s*|\(\s*)[RDI]-(?P<tag>" + _ANY_ALT + r")(?![\w])|,?\s+(?:of|from)\s+(?P<of>" + _FULL_ALT + r")\b"
)
"""After a name: a party tag (``(R-Texas)``, ``, R-Iowa``), or ``of``/``from`` and the state."""


def home_state(text: str, surname: str) -> str | None:
    """The state ``text`` ties the person of ``surname`` to, the first time it does (``None`` when it
    does not): the state before a title, a party or a possessive and the name (``Vermont Sen. Bernie
    Sanders``, ``Texas’s Ted Cruz``), a party tag after the name (``Ted Cruz (R-Texas)``, ``Joni
    Ernst, R-Iowa``), or ``of``/``from`` and the state after it (``Lindsey Graham of South
    Carolina``). Only the text around each of the surname's occurrences is read."""
    if not surname:
        return None
    n = len(surname)
    i = text.find(surname)
    while i >= 0:
        j = i + n
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
            bm = _BEFORE_RE.search(text, max(0, i - 64), i)
            am = _AFTER_RE.match(text, j, j + 40) if bm is None else None
            state = bm.group("state") if bm is not None else (am.group("tag") or am.group("of")) if am is not None else None
            if state is not None:
                return STATE_OF.get(state)
        i = text.find(surname, j)
    return None


def state_named(words: list[str]) -> str | None:
    """The state that ``words`` spell in full (``["South", "Carolina"]`` → ``South Carolina``)."""
    return STATE_OF.get(" ".join(words)) if words and " ".join(words) in _STATES else None
