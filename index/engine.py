"""The names older code imports from ``byline.index.engine``, now defined in the modules that hold them.

New code imports from :mod:`.library` (the facade), :mod:`.errors`,
:mod:`.indexing` and :mod:`.speakers`. The indexing tunables
(:data:`~.indexing.BATCH_DOCS` and the others) may still be set here
(``engine.BATCH_DOCS = 10``): the assignment is passed on to :mod:`.indexing`,
where the passes read them.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from . import indexing
from .errors import IndexBusy, IndexDamaged, LibraryError
from .indexing import BATCH_DOCS, BATCH_SECONDS, CHUNK_DOCS, PARALLEL_MIN, index_procs, load_document
from .library import Library, sample_corpus
from .speakers import speaker_matches

__all__ = [
    "BATCH_DOCS",
    "BATCH_SECONDS",
    "CHUNK_DOCS",
    "PARALLEL_MIN",
    "IndexBusy",
    "IndexDamaged",
    "Library",
    "LibraryError",
    "index_procs",
    "load_document",
    "sample_corpus",
    "speaker_matches",
]

_TUNABLES = frozenset({"BATCH_DOCS", "BATCH_SECONDS", "CHUNK_DOCS", "PARALLEL_MIN"})


class _Forwarding(types.ModuleType):
    """This module, with the indexing tunables set on :mod:`.indexing` as well."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _TUNABLES:
            setattr(indexing, name, value)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Forwarding
