"""Article metadata (title, outlet, URL, date, author) recovered from what a source holds.

* :mod:`.dates` — dates in text and URLs;
* :mod:`.urls` — URLs: finding, unwrapping redirects, :func:`safe_url`, slugs and domains;
* :mod:`.labels` — labelled lines (``Source link :``), bylines, boilerplate lines;
* :mod:`.titles` — which line is the headline, fallback titles;
* :mod:`.outlets` — outlet names, in a headline's ``– Outlet`` suffix and elsewhere;
* :mod:`.formats` — the layouts of a plain-text article and :func:`extract_metadata`.

Every regular expression here is compiled on first use (:mod:`.patterns`).
"""

from __future__ import annotations

from .dates import find_date
from .formats import extract_metadata
from .labels import is_boilerplate_line
from .urls import outlet_from_url, safe_url, title_from_url, unwrap_url

__all__ = [
    "extract_metadata",
    "find_date",
    "is_boilerplate_line",
    "outlet_from_url",
    "safe_url",
    "title_from_url",
    "unwrap_url",
]
