"""The patterns that find runs of name words in a text: a word of a name (:data:`TOKEN`), the run
(:data:`NAME_SEQ_RE`, with particles, ``al-`` prefixes, quoted nicknames and ``Jr.``), and the same run
found faster (:func:`iter_names`). What a run names is read by :mod:`.names`."""

from __future__ import annotations

import re

from ..words import ABBR_TITLE_WORDS, PARTICLES, trie


_CAP = r"(?:[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u0400-\u042F])"


# A character trie of the words (same matches as the plain alternation, since each word
# must be followed by a full stop, but far faster to try at every capital).
ABBR_TITLES = trie(sorted(ABBR_TITLE_WORDS | {"St", "Jr", "Sr"})) + r"\."


TOKEN = (
    r"(?:(?:[A-Z]\.){2,}|" + ABBR_TITLES + r"|[A-Z]\.(?=\s" + _CAP + r")|"
    + _CAP + r"[\w’'\-]*(?:\.(?=\s(?:Jr|Sr)\b))?)"
)


ARABIC_PREFIX = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)[\-\u2011])"
"""A lower-case article joined to a surname: ``al-Mazrouei``, ``el-Sisi``."""


_NICKNAME_OPEN = "“\"‘"
"""The marks a quoted nickname opens with."""
NICKNAME = r"(?:[" + _NICKNAME_OPEN + r"](?:" + _CAP + r"[\w\-]*|#{2,15})[”\"’][ \u00a0])"
"""A nickname in quotes between the given name and the surname (``Juan “Chico” Manriquez``; ``#`` where
the quotations are masked): part of the name as it stands in the text, dropped from the name
:func:`parse_name` reads."""


NAME_SEQ = TOKEN + r"(?:[ \u00a0](?:" + PARTICLES + r"[ \u00a0])*" + NICKNAME + "?" + ARABIC_PREFIX + "?" + TOKEN + r"){0,6}(?:,?\s(?:Jr\.|Sr\.|II|III|IV)(?!\w))?"


NAME_SEQ_RE = re.compile(r"(?<![\w’'\-])" + NAME_SEQ)


def _fast_name_re() -> re.Pattern[str]:
    """``NAME_SEQ_RE`` rewritten to start with a character class (so the engine can skip to
    candidate capitals in C): the first character is consumed up front and each branch of
    the first ``TOKEN`` goes on from there, in the same order, so the matches are the same."""
    groups: dict[str, list[str]] = {}
    for w in sorted(ABBR_TITLE_WORDS | {"St", "Jr", "Sr"}):
        groups.setdefault(w[0], []).append(w[1:])
    # Every abbreviation goes on with lower-case letters (or a hyphen) up to its full stop: that
    # lookahead turns most capitals away before the lookbehinds for the letter are tried one by one.
    assert all(r and r[0].islower() and r.replace("-", "").isalpha() and r.islower() for rest in groups.values() for r in rest)
    abbr = r"(?=[a-z][a-z\-]*\.)(?:" + "|".join(
        "(?<=%s)%s" % (re.escape(c), trie(sorted(rest)) if any(rest) else "") for c, rest in sorted(groups.items())
    ) + r")\."
    first = (
        _CAP + r"(?<![\w’'\-].)(?:(?<=[A-Z])\.(?:[A-Z]\.)+|" + abbr + r"|(?<=[A-Z])\.(?=\s" + _CAP + r")|"
        r"[\w’'\-]*(?:\.(?=\s(?:Jr|Sr)\b))?)"
    )
    rest = NAME_SEQ[len(TOKEN):]
    gap = r"(?:[ \u00a0]"
    assert rest.startswith(gap + "(?:" + PARTICLES + r"[ \u00a0])*" + NICKNAME + "?" + ARABIC_PREFIX + "?" + TOKEN)
    assert all("A" <= w[0] <= "Z" for w in ABBR_TITLE_WORDS) and _CAP.startswith("(?:[A-Z") and _CAP.endswith("])")
    # After each space the run goes on only with a particle and a space, a prefix (``al-``) or a
    # name word, which opens with a capital (:data:`_CAP`; every branch of ``TOKEN`` does): two
    # look-aheads, the first one class test, turn most lower-case words away before the engine sets
    # up the repetitions of the group (the same matches, fewer steps).
    ahead = "(?=" + _CAP + "|" + PARTICLES + r"[ \u00a0]|" + NICKNAME + "|" + ARABIC_PREFIX + ")"
    try:
        opening = "".join(sorted(_first_letters(PARTICLES) | set(_NICKNAME_OPEN) | _first_letters(ARABIC_PREFIX)))
        ahead = "(?=[" + re.escape(opening) + _CAP[len("(?:[") : -1] + ")" + ahead
    except ValueError:
        pass  # (a word list this cannot read: the second look-ahead alone)
    return re.compile(first + gap + ahead + rest[len(gap) :])


def _first_letters(pattern: str) -> set[str]:
    """The characters a match of ``pattern`` opens with, for an alternation of words or of a
    character set and more (``(?:van|von|['’]t)``, maybe in groups): a superset is enough, as the
    look-ahead built from them is followed by the exact one. A ``ValueError`` for any other shape."""
    out: set[str] = set()
    for alt in pattern.replace("(?:", "").replace(")", "").split("|"):
        if alt[:1] == "[" and "]" in alt:
            chars = re.sub(r"\\(\W)", r"\1", alt[1 : alt.index("]")])  # (``\"`` is ``"``)
            if "\\" in chars or "-" in chars or chars[:1] == "^":
                raise ValueError(pattern)
            out.update(chars)
        elif alt[:1].isalpha():
            out.add(alt[0])
        else:
            raise ValueError(pattern)
    return out


_NAME_FAST_RE = _fast_name_re()


def iter_names(text: str, start: int, end: int):
    """The matches of ``NAME_SEQ_RE.finditer(text, start, end)``, found faster."""
    return _NAME_FAST_RE.finditer(text, start, end)
