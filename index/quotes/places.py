"""The home state a text gives a person (``Vermont Sen. Bernie Sanders``, ``Ted Cruz (R-Texas)``,
``Sen. Joni Ernst, R-Iowa``, ``Lindsey Graham of South Carolina``), so that ``the Florida senator`` is
never a senator the text places in another state."""

from __future__ import annotations

import re

from .words import US_STATES

_POSTAL: dict[str, str] = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID",
    "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC",
    "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA",
    "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX",
    "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA", "West Virginia": "WV",
    "Wisconsin": "WI", "Wyoming": "WY",
}
"""Each state's postal code (read only in a party tag: ``R-TX``)."""

STATE_OF: dict[str, str] = {
    form: name for name, abbrevs in US_STATES.items() for form in (name, *abbrevs, _POSTAL[name])
}
"""Any written form of a state (``Vt.``, ``VT``, ``Vermont``) → its name."""

_FULL_ALT = "|".join(sorted((re.escape(n) for n in US_STATES), key=len, reverse=True))
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
    return STATE_OF.get(" ".join(words)) if words and " ".join(words) in US_STATES else None
