"""Merging speaker names across the corpus: two people are one only when their full names agree."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher

from .phrases.names import is_organisation
from .words import PARTICLES, split_tokens



def _fold(word: str) -> str:
    """Case and accents folded (``Sergéy`` → ``sergey``), for comparing spellings of a name."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)).casefold()


_SIMILAR = 0.8
"""How alike two spellings of a given name (or of a surname) must be to be one person's name, as
:class:`difflib.SequenceMatcher` measures it: ``Sergey``/``Sergei`` 0.83, ``Dmitry``/``Dmitri`` 0.83,
``Zelensky``/``Zelenskyy`` 0.94; ``Bill``/``Hillary`` 0.36."""


@functools.lru_cache(maxsize=65536)
def _alike(a: str, b: str) -> bool:
    """Two spellings of one name: equal, or transliteration variants (same first letter, both at
    least five letters, similarity at least :data:`_SIMILAR`). The matcher's quick upper bounds
    (lengths, then letters) rule most pairs out before its full measure; pairs are remembered."""
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    m = SequenceMatcher(None, a, b)
    return m.real_quick_ratio() >= _SIMILAR and m.quick_ratio() >= _SIMILAR and m.ratio() >= _SIMILAR


def _person_key(name: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(given name, surname, middle initials) of a full personal name, folded; ``None`` for one word."""
    toks = [t for t in split_tokens(name) if t.rstrip(",.") not in ("Jr", "Sr", "II", "III", "IV")]
    if len(toks) < 2:
        return None
    middles = tuple(_fold(t)[:1] for t in toks[1:-1] if not _PARTICLE_WORD_RE.fullmatch(t))
    return _fold(toks[0].rstrip(".")), _fold(toks[-1]), middles


_PARTICLE_WORD_RE = re.compile(PARTICLES)


def same_person(a: str, b: str) -> bool:
    """Are two full names one person's?  Same surname and given name, each allowing a transliteration
    variant (``Sergey``/``Sergei Lavrov``, ``Volodymyr Zelensky``/``Zelenskyy``); a middle name or
    initial may be missing on one side (``Donald J. Trump`` = ``Donald Trump``) but may not differ.
    A one-word name is nobody's full name: never the same person as anyone else."""
    ka, kb = _person_key(a), _person_key(b)
    return ka is not None and kb is not None and _same_keys(ka, kb)


_Key = tuple[str, str, tuple[str, ...]]


def _same_keys(ka: _Key, kb: _Key) -> bool:
    """:func:`same_person` on two names' :func:`_person_key`."""
    (fa, sa, ma), (fb, sb, mb) = ka, kb
    if not ((sa == sb and _alike(fa, fb)) or (fa == fb and _alike(sa, sb))):
        return False
    return not (ma and mb and ma != mb)


def canonical_names(names: Iterable[str] | Mapping[str, int], kinds: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map each observed speaker name to one name per person (or organisation) across the corpus.

    Two people are one only when their full names agree (:func:`same_person`: spelling variants and
    a missing middle initial allowed). A bare surname never joins a full name from another article:
    which full name it stands for was the article's to say (see
    :meth:`~.mentions.Article.canon_person`), and it did not. Organisations merge only with the
    same name written the same way (case and spacing aside). Each group takes its most frequent
    form (``names`` may map each name to how often it was seen), then the longest.
    """
    counts: dict[str, int] = {}
    items = names.items() if isinstance(names, Mapping) else ((n, 1) for n in names)
    for n, c in items:
        if n and n.strip():
            key = " ".join(n.split())
            counts[key] = counts.get(key, 0) + int(c)
    parent = {n: n for n in counts}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    middles: dict[str, set[tuple[str, ...]]] = {}

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        both = middles.get(ra, set()) | middles.get(rb, set())
        if len(both) > 1:
            return  # ``George Bush`` joins neither ``George W.`` nor ``George H. W. Bush`` to the other
        parent[rb] = ra
        middles[ra] = both

    # Candidates are compared within buckets only: the same surname and the same first letter of the
    # given name (``_alike`` given names share it), or the same given name and the same start of the
    # surname. Each name's key is made once.
    by_surname: dict[tuple[str, str], list[tuple[str, _Key]]] = {}
    by_given: dict[tuple[str, str], list[tuple[str, _Key]]] = {}
    by_fold: dict[tuple[str, str], str] = {}
    for n in counts:
        kind = (kinds or {}).get(n) or ("organisation" if is_organisation(n) else "person")
        if kind != "person":
            union(by_fold.setdefault((kind, _fold(n)), n), n)  # (a document never joins an organisation)
            continue
        key = _person_key(n)
        if key is None:
            continue
        if key[2]:
            middles[n] = {key[2]}
        for bucket in (by_surname.setdefault((key[1], key[0][:1]), []), by_given.setdefault((key[0], key[1][:3]), [])):
            for other, other_key in bucket:
                if _same_keys(key, other_key):
                    union(other, n)
            bucket.append((n, key))
    groups: dict[str, list[str]] = {}
    for n in counts:
        groups.setdefault(find(n), []).append(n)
    out: dict[str, str] = {}
    for members in groups.values():
        best = max(members, key=lambda m: (counts[m], len(m), m))
        for m in members:
            out[m] = best
    return out
