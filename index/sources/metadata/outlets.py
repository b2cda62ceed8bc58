"""Outlet names: in a headline's ``– Outlet`` suffix, in labelled lines, in URLs."""

from __future__ import annotations

from ...models import Span
from .patterns import LazyPattern

__all__ = ["looks_like_outlet", "split_outlet"]

_SUFFIX_SEP_RE = LazyPattern(r"\s+(?:[|–—-]|::)\s+")
_DOMAIN_RE = LazyPattern(r"[\w-]+(?:\.[\w-]+)+")
_OUTLET_CONNECTORS = frozenset("of the and & de la le el for on at news".split())


def looks_like_outlet(name: str) -> bool:
    """True for a short name such as ``Asia Times``, ``The New York Times``, ``CNN``, ``bbc.com``."""
    if not 1 <= len(name) <= 40 or name[-1] in "?!.:,;":
        return False
    if _DOMAIN_RE.fullmatch(name):
        return True  # a domain name
    words = name.split()
    if not 1 <= len(words) <= 5:
        return False
    capitalised = 0
    for word in words:
        core = word.strip("'’\"()")
        if not core:
            return False
        if core[0].isupper() or core[0].isdigit():
            capitalised += 1
        elif core.lower() not in _OUTLET_CONNECTORS:
            return False
    return capitalised >= 1 and words[0][:1].isupper()


def split_outlet(text: str, start: int, end: int) -> tuple[Span, str | None]:
    """Split an ``– Outlet`` / ``- Outlet`` / ``| Outlet`` suffix off a title span."""
    s = text[start:end]
    seps = list(_SUFFIX_SEP_RE.finditer(s))
    if not seps:
        return (start, end), None
    m = seps[-1]
    outlet = s[m.end() :].strip()
    head = s[: m.start()].rstrip()
    if not looks_like_outlet(outlet) or len(head.split()) < 2:
        return (start, end), None
    return (start, start + len(head)), outlet
