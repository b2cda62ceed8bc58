"""Regular expressions compiled the first time they are used.

The metadata rules hold a few dozen patterns. Compiling them all when the module
is imported would make every ``byline`` command pay for them, including a
``byline search`` on a warm index that never reads an article's metadata. A
:class:`LazyPattern` behaves like the compiled pattern it stands for and
compiles it on first use.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["LazyPattern"]


class LazyPattern:
    """A regular expression that is compiled when one of its methods is first called."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        """Remember ``source`` and ``flags``; nothing is compiled yet."""
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        """``match``, ``search``, ``finditer``, ``sub``… of the compiled pattern."""
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        """Say what the pattern is and whether it was compiled."""
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"LazyPattern({self._source!r}, {state})"
