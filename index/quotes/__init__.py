"""Quote extraction and speaker attribution.

Public API:

* :func:`extract_quotes` — every quotation of an article with speaker, role, cue.
* :func:`canonical_names` — corpus-level merge of speaker names (``Medvedev`` → ``Dmitry Medvedev``).
* :func:`normalize_quote_text` — a key for matching the same words quoted in other articles.
* :func:`parse_name` / :func:`split_role` — name and title splitting.
"""

from __future__ import annotations

from .extract import extract_quotes, normalize_quote_text
from .names import ParsedName, canonical_names, is_organisation, parse_name


def split_role(phrase: str) -> tuple[str, str | None]:
    """Split ``Foreign Minister Sergey Lavrov`` into (``Sergey Lavrov``, ``Foreign Minister``)
    and ``Konstantin Kosachev, Vice Speaker of …`` into the name and the appositive role."""
    head, _, rest = phrase.partition(",")
    parsed = parse_name(head)
    if parsed is None:
        return phrase.strip(), None
    from .names import clean_role, looks_like_role

    role = parsed.role
    if rest.strip() and looks_like_role(rest):
        role = clean_role(rest)
    return parsed.name, role


__all__ = [
    "ParsedName",
    "canonical_names",
    "extract_quotes",
    "is_organisation",
    "normalize_quote_text",
    "parse_name",
    "split_role",
]
