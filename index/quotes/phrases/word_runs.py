"""Tests on the words right before a name in a subject phrase that say the name is no subject of the
verb after it: a headline in capitals run on before the sentence (``… DEADLY ISTANBUL EXPLOSION Turkish
President Recep Tayyip Erdogan said``), a participle whose object the name is (``White America embracing
Obama announced``). Used by :func:`~.before.np_before`."""

from __future__ import annotations

from .common import is_capword


def headline_words(word: str, before: str) -> bool:
    """Are ``before`` and ``word`` two words of a headline in capitals (``ISTANBUL EXPLOSION``), not an
    acronym opening a role (``FBI Director``)? Both of letters only, three at least, in capitals."""
    return len(word) >= 3 and len(before) >= 3 and word.isalpha() and before.isalpha() and before.isupper()


_ING_NOUNS = frozenset(
    "morning evening meeting hearing briefing building gathering wedding funeral opening ending thing king "
    "spring ring wing ceiling setting reading ruling filing signing screening recording".split()
)
"""Lower-case words ending in ``-ing`` that are nouns (``Tuesday morning``, ``the Council hearing``), not participles."""


def participle_object(m: str, toks: list[tuple[str, int, int]], k: int, floor: int) -> bool:
    """Is ``toks[k]`` a participle whose object is the name after it, in a subject made only of capitalised
    words before it (``White America embracing Obama announced``, ``The Riverton Valley embracing Hale
    said``)? Then the name is no subject of the verb after it."""
    word = toks[k][0]
    if not (word.endswith("ing") and len(word) > 5 and word.isalpha() and word.islower()) or word in _ING_NOUNS:
        return False
    i = k - 1
    while i >= 0 and toks[i][1] >= floor and is_capword(toks[i][0]) and not toks[i][0].endswith((",", ";", ":", ".", "’s", "'s")):
        i -= 1
    if all(t[0] in ("The", "A", "An", "This", "That") for t in toks[i + 1 : k]):
        return False  # (no capitalised word right before it, or only an article: ``A smiling Clinton said``)
    if i >= 0 and toks[i][0] in ("the", "a"):
        i -= 1
    if i < 0:
        return not m[floor : toks[0][1]].strip(" \n\"“”")  # (the phrase opens its sentence)
    return toks[i][0].endswith((".", "!", "?", ";", ":", "”", '"'))
