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


def _place_re(surname: str) -> re.Pattern[str]:
    """Where a text ties ``surname`` to a state: the state before a title, a party or a possessive and
    the name (``Vermont Sen. Bernie Sanders``, ``Texas’s Ted Cruz``), a party tag after the name
    (``Ted Cruz (R-Texas)``, ``Joni Ernst, R-Iowa``), or ``of``/``from`` and the state after it."""
    s = re.escape(surname)
    return re.compile(
        r"\b(?P<before>" + _FULL_ALT + r")(?:(?:’s|'s)\s+|\s+(?=" + _TITLE_WORDS + r"|(?:Republican|Democrat|Democratic|GOP|Independent)\s))"
        r"(?:(?:" + _TITLE_WORDS + r"|Republican|Democrat|Democratic|GOP|Independent)\s+){0,3}(?:[A-Z][\w.’'\-]*\s+){0,2}" + s + r"\b"
        r"|\b" + s + r"\s*(?:,\s*|\(\s*)[RDI]-(?P<tag>" + _ANY_ALT + r")(?![\w])"
        r"|\b" + s + r",?\s+(?:of|from)\s+(?P<of>" + _FULL_ALT + r")\b"
    )


def home_state(text: str, surname: str) -> str | None:
    """The state ``text`` ties the person of ``surname`` to, the first time it does (``None`` when it
    does not)."""
    if not surname:
        return None
    m = _place_re(surname).search(text)
    if m is None:
        return None
    return STATE_OF.get(m.group("before") or m.group("tag") or m.group("of"))


def state_named(words: list[str]) -> str | None:
    """The state that ``words`` spell in full (``["South", "Carolina"]`` → ``South Carolina``)."""
    return STATE_OF.get(" ".join(words)) if words and " ".join(words) in _STATES else None
