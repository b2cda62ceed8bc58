"""Outlet names: in a headline's ``– Outlet`` suffix, in labelled lines, in URLs, across a corpus.

A headline may end with the outlet that published it (``Trump wins – Asia Times``,
``Putin congratulates Trump | Reuters``), but a BBC-style headline ends with the
person it quotes (``Lords wrong on detainees - Straw``). After ``|`` or ``::`` a
name is the outlet (the convention of page titles); after a dash it is taken
for the outlet only when

* it agrees with the article's URL (``Asia Times`` and ``asiatimes.com``,
  ``South China Morning Post`` and ``scmp.com``),
* it has a known outlet form: a domain name, a news agency or broadcaster
  (``Reuters``, ``AFP``, ``BBC``…), or a name made with a word outlets are named
  with (``The New York Times``, ``BBC News``, ``Daily Mail``), or
* it recurs across many files of the corpus, which only the corpus as a whole
  can tell: :class:`OutletVotes` counts the suffixes (``ArticleMeta.title_suffix``
  keeps each one that was not taken), and the recurring ones are passed back to
  :func:`~.formats.extract_metadata` as ``known_outlets``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from ...models import ArticleMeta, Span
from .patterns import LazyPattern
from .urls import host_of

__all__ = ["OutletVotes", "agrees_with_url", "has_outlet_form", "looks_like_outlet", "outlet_key", "split_outlet"]

_SUFFIX_SEP_RE = LazyPattern(r"\s+(?:[|–—-]|::)\s+")
_DOMAIN_RE = LazyPattern(r"[\w-]+(?:\.[\w-]+)+")
_NON_ALNUM_RE = LazyPattern(r"[\W_]+")
_OUTLET_CONNECTORS = frozenset("of the and & de la le el for on at news".split())
_OUTLET_WORDS = frozenset(
    "agency broadcasting bulletin channel chronicle courier daily digest dispatch examiner express gazette "
    "globe guardian herald independent inquirer insider journal magazine mail media mirror monitor nation "
    "network news newspaper observer online post press radio register review sentinel standard star sun "
    "telegraph television times today tribune tv weekly wire".split()
)
"""Words outlets are named with: a name of two words or more with one of them has an outlet's form."""
_AGENCIES = frozenset(
    {
        "afp", "al jazeera", "ansa", "ap", "associated press", "bbc", "bloomberg", "cnn", "dpa", "efe",
        "ians", "interfax", "kyodo", "npr", "pti", "reuters", "tass", "upi", "xinhua", "yonhap",
    }
)  # fmt: skip
"""News agencies and broadcasters whose bare name is an outlet (a wire story's ``- Reuters``)."""

_MIN_VOTES = 5
_MIN_SHARE = 0.03


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


def outlet_key(name: str) -> str:
    """How outlet names are compared: case-folded, single spaces (``The  Times`` → ``the times``)."""
    return " ".join(name.casefold().split())


def has_outlet_form(name: str) -> bool:
    """True for a domain, a known agency or broadcaster, or a name of 2+ words with an outlet word."""
    if _DOMAIN_RE.fullmatch(name):
        return True
    key = outlet_key(name)
    if key in _AGENCIES:
        return True
    words = [w.strip("'’.()") for w in key.split()]
    return len(words) >= 2 and any(w in _OUTLET_WORDS for w in words)


def agrees_with_url(name: str, url: str | None) -> bool:
    """True when ``name`` is the outlet the URL's host names (``Asia Times`` ~ ``www.asiatimes.com``).

    The name's letters and digits, with or without a leading *the* and without its
    outlet words, must stand in the host; or the initials of a name of three
    words or more must be the host's first name (``South China Morning Post`` ~ ``scmp.com``).
    """
    host = host_of(url) if url else None
    if not host:
        return False
    flat = _NON_ALNUM_RE.sub("", host)
    words = [_NON_ALNUM_RE.sub("", w) for w in name.casefold().split()]
    words = [w for w in words if w]
    if not words:
        return False
    if words[0] == "the" and len(words) > 1:
        words = words[1:]
    candidates = {"".join(words), "".join(w for w in words if w not in _OUTLET_WORDS)}
    if any(len(c) >= 3 and c in flat for c in candidates):
        return True
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp", "mobile", "edition")]
    initials = "".join(w[0] for w in words)
    return len(words) >= 3 and bool(labels) and initials == labels[0]


def split_outlet(
    text: str, start: int, end: int, url: str | None = None, known: Collection[str] = ()
) -> tuple[Span, str | None, str | None]:
    """Split an outlet suffix off a title span: ``(title span, outlet, suffix not taken)``.

    After ``|`` or ``::`` any name shaped like an outlet is taken; after a dash
    only one that agrees with ``url``, has an outlet's form, or is among the
    ``known`` outlets of the corpus (:func:`outlet_key` s). A dash suffix shaped
    like a name but not taken stays in the title and comes back as the third
    value (the candidate :class:`OutletVotes` counts).
    """
    s = text[start:end]
    seps = list(_SUFFIX_SEP_RE.finditer(s))
    if not seps:
        return (start, end), None, None
    m = seps[-1]
    outlet = s[m.end() :].strip()
    head = s[: m.start()].rstrip()
    if not looks_like_outlet(outlet) or len(head.split()) < 2:
        return (start, end), None, None
    piped = m.group().strip() in ("|", "::")
    if piped or agrees_with_url(outlet, url) or has_outlet_form(outlet) or outlet_key(outlet) in known:
        return (start, start + len(head)), outlet, None
    return (start, end), None, outlet


@dataclass
class OutletVotes:
    """Counts the headline suffixes of a corpus to find those that recur: outlets, not people quoted.

    Feed it every article's metadata (:meth:`add`; :meth:`remove` when an article
    changes or goes); :meth:`recurring` gives the suffixes seen in at least
    ``min_files`` files and ``min_share`` of all files, as :func:`outlet_key` s, for
    ``extract_metadata(text, known_outlets=...)``. A person quoted in a headline
    (``- Straw``) recurs in a few files; a scraped outlet's name ends most of its pages.
    """

    files: int = 0
    suffixes: Counter[str] = field(default_factory=Counter)

    def add(self, meta: ArticleMeta) -> None:
        """Count one article's headline suffix (if it has one that was not taken)."""
        self.files += 1
        if meta.title_suffix:
            self.suffixes[outlet_key(meta.title_suffix)] += 1

    def remove(self, meta: ArticleMeta) -> None:
        """Forget an article counted before (it changed or was deleted)."""
        self.files = max(0, self.files - 1)
        if meta.title_suffix:
            key = outlet_key(meta.title_suffix)
            self.suffixes[key] -= 1
            if self.suffixes[key] <= 0:
                del self.suffixes[key]

    def recurring(self, min_files: int = _MIN_VOTES, min_share: float = _MIN_SHARE) -> frozenset[str]:
        """The suffixes that end at least ``min_files`` headlines and ``min_share`` of the files counted."""
        least = max(min_files, min_share * self.files)
        return frozenset(key for key, count in self.suffixes.items() if count >= least)
