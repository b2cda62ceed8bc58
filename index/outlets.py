"""Outlet votes across a corpus: headline suffixes that end many articles are outlets, not people quoted.

``Lords wrong on detainees - Straw`` ends with the person quoted; a scraped site's
``… - Morning Wire`` ends most of its pages. An article alone cannot tell, the
corpus can (:class:`~.sources.metadata.outlets.OutletVotes`). Each indexed
article whose headline ends with such a suffix *votes* for it; the manifest
keeps the votes (:attr:`~.state.IndexState.suffixes`), the suffixes that recur
are passed to the metadata extraction as known outlets, and when a suffix
starts (or stops) recurring, only the articles that vote for it are read again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import Any

from .sources.metadata.outlets import OutletVotes, outlet_key
from .state import IndexState
from .store.schema import IndexDocument

__all__ = ["known_outlets", "read_again", "vote_of"]


def known_outlets(state: IndexState) -> frozenset[str]:
    """The headline suffixes that recur across the articles of the manifest (as outlet keys)."""
    return OutletVotes(files=len(state.files), suffixes=Counter(state.suffixes.values())).recurring()


def vote_of(doc: IndexDocument, known: Collection[str]) -> str | None:
    """The suffix an indexed article votes for: its headline's suffix, taken for the outlet or not.

    A suffix not taken stays in the title (``ArticleMeta.title_suffix``); one
    taken because it already recurs became the outlet, and keeps its vote.
    """
    meta: dict[str, Any] = doc.info.get("meta", {})
    suffix = meta.get("title_suffix")
    if isinstance(suffix, str) and suffix:
        return outlet_key(suffix)
    if doc.outlet and outlet_key(doc.outlet) in known:
        return outlet_key(doc.outlet)
    return None


def read_again(state: IndexState, before: Collection[str], after: Collection[str]) -> set[str]:
    """The articles (keys) that vote for a suffix that started or stopped recurring between ``before`` and ``after``."""
    flipped = set(before) ^ set(after)
    if not flipped:
        return set()
    return {key for key, suffix in state.suffixes.items() if suffix in flipped}
