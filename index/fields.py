"""Field names and query limits, defined once for the query repair, the index schema and the engine.

Pure constants: no Whoosh, no regular expressions, nothing to compile. The
query repair (:mod:`.query`) checks a user's query against them; the store
(:mod:`.store`) builds its schema and routes searches with them.
"""

from __future__ import annotations

TITLE = "title"
BODY = "body"
QUOTE = "quote"
SPEAKER = "speaker"
OUTLET = "outlet"
URL = "url"
AUTHOR = "author"
DATE = "date"
LOCATION = "path"
"""Where the article lives: the parts of its folder (relative to the corpus root) and of its file name."""

QUERY_FIELDS: dict[str, str] = {
    "title": TITLE,
    "outlet": OUTLET,
    "source": OUTLET,
    "author": AUTHOR,
    "by": AUTHOR,
    "date": DATE,
    "speaker": SPEAKER,
    "quote": QUOTE,
    "quotes": QUOTE,
    "url": URL,
    "body": BODY,
    "text": BODY,
    "path": LOCATION,
    "folder": LOCATION,
    "file": LOCATION,
}
"""Field names a query may use (keys) and the index field each stands for."""

DEFAULT_FIELDS = (TITLE, BODY)
"""The fields a word without ``field:`` is searched in."""

STEMMED_FIELDS = frozenset({TITLE, BODY, QUOTE})
"""Fields whose words are stemmed: ``sanctions`` finds ``sanctioned``."""

RANGE_FIELDS = frozenset({DATE})
"""The only fields a range (``[a TO b]``, ``>x``, ``<=y``) may be searched on."""

SORT_KEYS = ("relevance", "date", "title", "outlet", "path")
"""The orders a list of articles can be sorted in: relevance (with a query), date (newest first,
undated last), title, outlet (unknown last) and path (folder, file name, record number)."""

MAX_FUZZY_DISTANCE = 2
"""The largest edit distance a fuzzy word (``putn~2``) is searched with, whatever the query says."""
FUZZY_PREFIX = 1
"""Leading characters a fuzzy word must have right (a typo rarely hits the first letter)."""
MIN_WILDCARD_PREFIX = 3
"""Literal characters a wildcard term needs before its first ``*`` or ``?``."""
MAX_QUERY_CHARS = 2000
"""Longer queries are cut: Whoosh's parser takes time quadratic in the length of an unbroken word."""
