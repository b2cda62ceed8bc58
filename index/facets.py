"""Orders and facets of a list of articles, from their summaries alone (no file is read).

* :func:`sort_order` — the key that sorts summaries by date (newest first,
  undated last), title, outlet (unknown last) or path (folder, file name,
  record number); :data:`~.fields.SORT_KEYS` names them, ``relevance`` is the
  search's own order.
* :func:`count_facets` — how many articles there are by outlet, by top-level
  folder under the corpus root (and the next level) and by month.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from .fields import SORT_KEYS
from .models import ArticleSummary, Facets

__all__ = ["SORT_KEYS", "count_facets", "sort_order"]


def _newest_first(date: str | None) -> tuple[int, int]:
    """Dated before undated, the newest first (``YYYY-MM-DD`` as a number, negated)."""
    digits = (date or "").replace("-", "")
    if len(digits) == 8 and digits.isdigit():
        return 0, -int(digits)
    return 1, 0


def _place(s: ArticleSummary) -> tuple[str, int]:
    """Where an article stands: its file, then its record number."""
    return s.path, s.record or 0


def _by_date(s: ArticleSummary) -> tuple[Any, ...]:
    return (_newest_first(s.date), s.title.casefold(), _place(s))


def _by_title(s: ArticleSummary) -> tuple[Any, ...]:
    return (s.title.casefold(), _newest_first(s.date), _place(s))


def _by_outlet(s: ArticleSummary) -> tuple[Any, ...]:
    outlet = s.outlet.casefold() if s.outlet else ""
    return (not outlet, outlet, _newest_first(s.date), s.title.casefold(), _place(s))


_ORDERS: dict[str, Callable[[ArticleSummary], Any]] = {
    "date": _by_date,
    "title": _by_title,
    "outlet": _by_outlet,
    "path": _place,
}


def sort_order(name: str) -> Callable[[ArticleSummary], Any] | None:
    """The sort key of order ``name`` (``None`` for ``relevance``); ``ValueError`` for an unknown name."""
    if name not in SORT_KEYS:
        raise ValueError(f"unknown sort order {name!r} (orders: {', '.join(SORT_KEYS)})")
    return _ORDERS.get(name)


def count_facets(items: list[ArticleSummary], searched: str = "", notices: tuple[str, ...] = ()) -> Facets:
    """Count ``items`` by outlet, by folder (top level and the next) and by month."""
    outlets: Counter[str] = Counter(s.outlet for s in items if s.outlet)
    months = Counter(s.date[:7] for s in items if s.date and len(s.date) >= 7)
    folders: Counter[str] = Counter()
    for folder, n in Counter(s.folder for s in items).items():  # few distinct folders: split each once
        if not folder:
            continue
        parts = folder.split("/", 2)
        folders[parts[0]] += n
        if len(parts) > 1:
            folders[f"{parts[0]}/{parts[1]}"] += n
    return Facets(
        total=len(items),
        outlet=dict(sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))),
        folder=_folder_order(folders),
        month=dict(sorted(months.items())),
        searched=searched,
        notices=notices,
    )


def _folder_order(folders: Counter[str]) -> dict[str, int]:
    """Top-level folders, most articles first, each followed by its own folders, most articles first."""
    tops = sorted((f for f in folders if "/" not in f), key=lambda f: (-folders[f], f))
    below: dict[str, list[str]] = {}
    for f in folders:
        if "/" in f:
            below.setdefault(f.split("/", 1)[0], []).append(f)
    out: dict[str, int] = {}
    for top in tops:
        out[top] = folders[top]
        for sub in sorted(below.get(top, []), key=lambda f: (-folders[f], f)):
            out[sub] = folders[sub]
    return out
