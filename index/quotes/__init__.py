"""Quote extraction and speaker attribution.

Public API (each name is imported on first use, so importing this package costs nothing: a search
that never extracts quotes never loads the attribution rules):

* :func:`extract_quotes` — every quotation of an article with speaker, role, cue, kinds.
* :func:`canonical_names` — the corpus-wide merge of speaker names (full names that agree).
* :func:`normalize_quote_text` — a key for matching the same words quoted in other articles.
* :func:`parse_name` / :func:`split_role` / :func:`is_organisation` — what a name names.

Inside: :mod:`.marks` finds quotations, :mod:`.sentences` masks them and splits sentences,
:mod:`.phrases` reads noun phrases, names and roles, :mod:`.people` collects who the article names,
:mod:`.mentions` and :mod:`.coreference` keep track of who was subject or speaker and what ``he``
or ``the senator`` stands for, :mod:`.rules`
holds the attribution rules tried in order, :mod:`.kinds` tells speech from terms, and
:mod:`.names` merges names across the corpus. Word lists live in :mod:`.cues` (speech verbs and
nouns), :mod:`.words` and :mod:`.gender`.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, TYPE_CHECKING

if TYPE_CHECKING:
    from .extract import extract_quotes
    from .keys import normalize_quote_text
    from .names import canonical_names
    from .phrases.names import ParsedName, is_organisation, parse_name
    from .phrases.roles import split_role

_WHERE = {
    "extract_quotes": ".extract",
    "normalize_quote_text": ".keys",
    "canonical_names": ".names",
    "ParsedName": ".phrases.names",
    "is_organisation": ".phrases.names",
    "parse_name": ".phrases.names",
    "split_role": ".phrases.roles",
}


def __getattr__(name: str) -> Any:
    """Import a public name's module when the name is first used."""
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "ParsedName",
    "canonical_names",
    "extract_quotes",
    "is_organisation",
    "normalize_quote_text",
    "parse_name",
    "split_role",
]
