"""The errors the engine raises to its users (the app and the command line), each meant for one line."""

from __future__ import annotations


class LibraryError(Exception):
    """A problem the user must hear about in one line (bad index directory, no corpus, a failed write)."""


class IndexBusy(LibraryError):
    """Another process holds the index's write lock."""


class IndexDamaged(LibraryError):
    """The index files turned out damaged while reading them.

    The index is flagged: the next :meth:`~.library.Library.open` rebuilds it, and
    :meth:`~.library.Library.rebuild` rebuilds it at once.
    """
