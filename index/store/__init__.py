"""Everything Byline does with Whoosh, behind one seam, so the index library can change.

The rest of the engine talks to this package in plain Python values: an
:class:`IndexDocument` goes in, stored fields, summaries and :class:`MatchPlan`
come out. Nothing outside it imports ``whoosh``.

* :mod:`.schema` — the fields and what each earns; the document that fills them.
* :mod:`.analysis` — the one analyser class (indexing, queries, hit spans).
* :mod:`.queries` — parsing, wildcard/fuzzy expansion, match plans, counting.
* :mod:`.reader` — :class:`Store`: opening, searching, stored fields, keywords.
* :mod:`.writer` — batches, merge policy, the fast segment writer.
* :mod:`.segments` — segments built by worker processes.
* :mod:`.summaries` — per-segment values (article summaries) and per-commit values, cached as JSON.
* :mod:`.errors` — what can go wrong, in the store's words.
* :mod:`.patches` — every adjustment to Whoosh, checked against its version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names
from . import patches

patches.import_whoosh()  # before anything below imports Whoosh: see patches.import_whoosh

from .analysis import PARTS, PLAIN, STEM, Token, WordAnalyzer, analyze, fold_format, term_spans  # noqa: E402
from .errors import IndexLocked, IndexUnreadable, IndexWriteFailed, is_damage  # noqa: E402
from .queries import EMPTY_PLAN, MatchPlan, parse  # noqa: E402
from .reader import Store  # noqa: E402
from .schema import SCHEMA_VERSION, IndexDocument, make_schema  # noqa: E402
from .summaries import IndexValue, SegmentValues  # noqa: E402

if TYPE_CHECKING:
    from .segments import (
        STAGING_PREFIX,
        StagedSegment,
        build_segment,
        make_staging,
        remove_stale_staging,
        watch_parent,
    )
    from .writer import BatchWriter

_WRITING = {
    "STAGING_PREFIX": ".segments",
    "StagedSegment": ".segments",
    "build_segment": ".segments",
    "make_staging": ".segments",
    "remove_stale_staging": ".segments",
    "watch_parent": ".segments",
    "BatchWriter": ".writer",
}
"""What only writing needs, imported when first asked for (a search never writes: Whoosh's writing modules stay unloaded)."""


__getattr__ = lazy_names(__name__, _WRITING)

__all__ = [
    "EMPTY_PLAN",
    "PARTS",
    "PLAIN",
    "SCHEMA_VERSION",
    "STAGING_PREFIX",
    "STEM",
    "BatchWriter",
    "IndexDocument",
    "IndexLocked",
    "IndexUnreadable",
    "IndexWriteFailed",
    "MatchPlan",
    "IndexValue",
    "SegmentValues",
    "StagedSegment",
    "Store",
    "Token",
    "WordAnalyzer",
    "analyze",
    "build_segment",
    "fold_format",
    "is_damage",
    "make_schema",
    "make_staging",
    "parse",
    "remove_stale_staging",
    "term_spans",
    "watch_parent",
]
