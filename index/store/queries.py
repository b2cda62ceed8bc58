"""From a cleaned query to Whoosh's query objects, and what a query looks for in an article's text.

* :func:`parse` turns a query already repaired by :mod:`..query` into Whoosh's
  query tree over Byline's fields (cached: typing a query parses it once).
* Wildcards, prefixes and fuzzy words on stemmed fields become
  :class:`Expansion` queries: expanded on the ``words`` lexicon (the words as
  written), searched as the stems of what they found.
* :func:`match_plan` lists the terms and phrases of a query, expanded against
  the index, so :mod:`...highlight` can find every hit in an article's text.
"""

from __future__ import annotations

import functools
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from whoosh import qparser, query

from ..fields import DATE, DEFAULT_FIELDS, FUZZY_PREFIX, MAX_FUZZY_DISTANCE, QUOTE, RANGE_FIELDS, STEMMED_FIELDS
from .analysis import PLAIN, STEM, stem
from .schema import FIELD_KINDS, PERIOD, WORDS, make_schema


@dataclass(frozen=True)
class MatchPlan:
    """What a query looks for in an article's text, to find every hit again."""

    terms: dict[str, frozenset[str]]
    """Analyser kind (``stem``/``plain``) → the terms to mark anywhere in the text."""
    phrases: tuple[tuple[str, tuple[str, ...]], ...]
    """(analyser kind, words) sequences to mark where they stand next to each other."""
    quote_terms: frozenset[str] = frozenset()
    """Stemmed terms to mark only inside quotations (``quote:`` searches)."""
    quote_phrases: tuple[tuple[str, ...], ...] = ()


_PERIOD = re.compile(r"\d{4}(?:-\d{2})?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

EMPTY_PLAN = MatchPlan(terms={STEM: frozenset(), PLAIN: frozenset()}, phrases=())

_EXPANDED: OrderedDict[tuple[Any, ...], tuple[bytes, ...]] = OrderedDict()
"""(segment, expansion) → the stems found: a query's title and body expansions share their work."""
_EXPANDED_MAX = 512


class Expansion(query.MultiTerm):
    """A wildcard, prefix or fuzzy word on a stemmed field.

    ``inner`` (a ``Prefix``, ``Wildcard`` or ``FuzzyTerm`` on the ``words``
    lexicon, with the text as typed) finds the words; the query matches the
    stems of those words that the field holds.
    """

    def __init__(self, fieldname: str, inner: query.MultiTerm, boost: float = 1.0) -> None:
        self.fieldname = fieldname
        self.inner = inner
        self.boost = boost
        self.constantscore = getattr(inner, "constantscore", False)

    @property
    def text(self) -> str:
        return str(self.inner.text)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Expansion)
            and self.fieldname == other.fieldname
            and self.inner == other.inner
            and self.boost == other.boost
        )

    def __hash__(self) -> int:
        return hash((Expansion, self.fieldname, self.inner, self.boost))

    def __repr__(self) -> str:
        return f"Expansion({self.fieldname!r}, {self.inner!r})"

    def __str__(self) -> str:
        return f"{self.fieldname}:{self.inner}"

    def _stems(self, ixreader: Any) -> tuple[bytes, ...]:
        try:
            segid: Any = ixreader.segment().segment_id()
        except Exception:
            segid = id(ixreader)
        key = (segid, type(self.inner), repr(self.inner))
        got = _EXPANDED.get(key)
        if got is None:
            found: dict[bytes, None] = {}
            if WORDS in ixreader.schema:
                for word in self.inner._btexts(ixreader):
                    text = word.decode("utf-8") if isinstance(word, bytes) else str(word)
                    found[stem(text).encode("utf-8")] = None
            got = tuple(found)
            _EXPANDED[key] = got
            if len(_EXPANDED) > _EXPANDED_MAX:
                _EXPANDED.popitem(last=False)
        return got

    def _btexts(self, ixreader: Any) -> Any:
        fieldname = self.fieldname
        for btext in self._stems(ixreader):
            if (fieldname, btext) in ixreader:
                yield btext


def _words_query(q: query.MultiTerm) -> query.MultiTerm:
    """The same wildcard, prefix or fuzzy word on the ``words`` lexicon."""
    if isinstance(q, query.FuzzyTerm):
        return query.FuzzyTerm(WORDS, q.text, q.boost, min(q.maxdist, MAX_FUZZY_DISTANCE), _fuzzy_prefix(q))
    return type(q)(WORDS, q.text)


def _fuzzy_prefix(q: query.FuzzyTerm) -> int:
    """The letters a fuzzy word keeps: at least :data:`~..fields.FUZZY_PREFIX`, never more than it has.

    (Whoosh's automaton reads past the end of a word shorter than its prefix: ``x~/2``.)
    """
    return min(max(q.prefixlength, FUZZY_PREFIX), len(q.text))


def _route(q: query.Query) -> query.Query:
    """Send word-level searches where they can be answered.

    Wildcard, prefix and fuzzy words on stemmed fields are expanded on the
    ``words`` lexicon (:class:`Expansion`); elsewhere fuzzy words keep their first
    letter and at most :data:`~..fields.MAX_FUZZY_DISTANCE` edits (a larger
    distance builds an automaton exponential in it). Ranges stay on the fields
    that take them (:data:`~..fields.RANGE_FIELDS`); the query repair says so.
    """
    if isinstance(q, query.Prefix) and q.fieldname == DATE and _PERIOD.fullmatch(q.text):
        # a year or a month: one term
        return query.Term(PERIOD, ("y" if len(q.text) == 4 else "m") + q.text, boost=q.boost)
    if isinstance(q, (query.Wildcard, query.Prefix, query.FuzzyTerm)):
        if q.fieldname in STEMMED_FIELDS:
            return Expansion(q.fieldname, _words_query(q), boost=q.boost)
        if isinstance(q, query.FuzzyTerm) and (
            q.prefixlength != _fuzzy_prefix(q) or q.maxdist > MAX_FUZZY_DISTANCE
        ):
            maxdist = min(q.maxdist, MAX_FUZZY_DISTANCE)
            return query.FuzzyTerm(q.fieldname, q.text, q.boost, maxdist, _fuzzy_prefix(q))
        return q
    if isinstance(q, query.TermRange) and q.fieldname not in RANGE_FIELDS:
        return query.NullQuery
    if isinstance(q, query.TermRange) and q.fieldname == DATE:
        return date_range(q)
    return q.apply(_route)


def date_range(q: query.TermRange) -> query.Query:
    """A range of days as few terms as it takes: the partial first and last months by day, the rest by month and year.

    ``date:>2024-11-05`` over ten years of articles expanded to some 3,600 day
    terms, each a posting list to merge; here it is at most 62 days, 22 months
    and a range of years.
    """
    lo, hi = (q.start or "0000-01-01"), (q.end or "9999-12-31")
    if not (_DAY.fullmatch(lo) and _DAY.fullmatch(hi)) or lo > hi:
        return q
    if lo[:7] == hi[:7]:
        return q
    parts: list[query.Query] = [
        query.TermRange(DATE, lo, lo[:7] + "-31", startexcl=q.startexcl),
        query.TermRange(DATE, hi[:7] + "-01", hi, endexcl=q.endexcl),
    ]
    (ly, lm), (hy, hm) = (int(lo[:4]), int(lo[5:7])), (int(hi[:4]), int(hi[5:7]))

    def months(year: int, first: int, last: int) -> None:
        if first <= last:
            parts.append(query.TermRange(PERIOD, f"m{year:04d}-{first:02d}", f"m{year:04d}-{last:02d}"))

    if ly == hy:
        months(ly, lm + 1, hm - 1)
    else:
        months(ly, lm + 1, 12)
        if ly + 1 <= hy - 1:
            parts.append(query.TermRange(PERIOD, f"y{ly + 1:04d}", f"y{hy - 1:04d}"))
        months(hy, 1, hm - 1)
    return query.Or(parts, boost=q.boost)


@functools.lru_cache(maxsize=1)
def _parser() -> qparser.QueryParser:
    schema = make_schema()
    for name, field in list(schema.items()):
        if field.format is None:  # stored only: ``file:x`` is not a search of that field (Whoosh would raise)
            schema.remove(name)
    parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), schema)
    parser.remove_plugin_class(qparser.SingleQuotePlugin)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    return parser


@functools.lru_cache(maxsize=256)
def parse(text: str) -> query.Query:
    """Parse a cleaned query into a Whoosh query over Byline's fields (the result is shared: never change it)."""
    return _route(_parser().parse(text)).normalize()


def match_plan(q: query.Query, searcher: Any) -> MatchPlan:
    """Collect the terms and phrases of ``q`` (outside negations), expanded against the index."""
    terms: dict[str, set[str]] = {STEM: set(), PLAIN: set()}
    phrases: list[tuple[str, tuple[str, ...]]] = []
    quote_terms: set[str] = set()
    quote_phrases: list[tuple[str, ...]] = []
    reader = searcher.reader()
    leaves = [sub.reader() for sub, _ in searcher.leaf_searchers()]

    def visit(node: query.Query) -> None:
        if isinstance(node, query.Not):
            return
        if isinstance(node, query.AndNot):
            visit(node.a)
            return
        if isinstance(node, query.Phrase):
            kind = FIELD_KINDS.get(node.fieldname)
            words = tuple(str(w) for w in node.words)
            if node.fieldname == QUOTE:
                quote_phrases.append(words)
            elif kind:
                phrases.append((kind, words))
            return
        if node.is_leaf():
            fieldname = getattr(node, "fieldname", None)
            kind = FIELD_KINDS.get(fieldname or "")
            if not kind:
                return
            try:
                if isinstance(node, query.MultiTerm) and len(leaves) > 1:
                    # segment by segment: Whoosh's multi-segment reader has no fast fuzzy expansion
                    found = set()
                    for leaf in leaves:
                        found |= node.existing_terms(leaf, expand=True)
                else:
                    found = node.existing_terms(reader, expand=True)
            except Exception:
                found = set()
            for fname, btext in found:
                text = btext.decode("utf-8") if isinstance(btext, bytes) else str(btext)
                if fname == QUOTE:
                    quote_terms.add(text)
                elif fname in FIELD_KINDS:
                    terms[FIELD_KINDS[fname]].add(text)
            return
        for child in node.children():
            visit(child)

    visit(q)
    return MatchPlan(
        terms={k: frozenset(v) for k, v in terms.items()},
        phrases=tuple(phrases),
        quote_terms=frozenset(quote_terms),
        quote_phrases=tuple(quote_phrases),
    )


RANK_BUDGET = 5000
"""Matching articles a search ranks exactly, at most; beyond, it ranks an even sample of them."""
RANK_SAMPLE = 1000
"""Articles ranked (and, for a phrase, checked for it) when more than :data:`RANK_BUDGET` match."""


@dataclass
class Found:
    """The outcome of a bounded search: ranked (document number, score) pairs and how many match."""

    ranked: list[tuple[int, float]]
    total: int
    estimated: bool = False
    """True when ``total`` was counted on a sample (a phrase of very common words)."""
    sampled: int = 0
    """How many of the matching articles were ranked (0: all of them)."""


def _phrases(q: query.Query) -> list[query.Phrase] | None:
    """The phrases of a query made only of phrases (``"in the"`` on the title and the body), else ``None``."""
    if isinstance(q, query.Phrase):
        return [q]
    if isinstance(q, query.Or) and q.children() and all(isinstance(c, query.Phrase) for c in q.children()):
        return list(q.children())
    return None


def _words_only(q: query.Query) -> bool:
    """Whether ``q`` is made of words, AND, OR and NOT (what :func:`_docset` counts exactly as sets)."""
    if isinstance(q, (query.Term, query.Not, query.And, query.Or, query.AndNot)):
        return all(_words_only(c) for c in q.children())
    return False


def bounded(s: Any, q: query.Query, limit: int | None) -> Found | None:
    """A search whose work does not grow with the corpus, or ``None`` when Whoosh's own is cheap enough.

    Whoosh scores every matching article, in Python (~30 µs each), and checks a
    phrase's positions in every article holding its words: for words as
    common as ``the AND said`` or ``"in the"``, that is every article. When
    more than :data:`RANK_BUDGET` articles match, an even sample of
    :data:`RANK_SAMPLE` of them is ranked (and, for a phrase, checked for it),
    and the page is the best of the sample. An AND's count is exact (from sets
    of document numbers); a phrase's is estimated from the sample (``estimated``).
    """
    if limit is None or limit < 1:
        return None
    phrases = _phrases(q)
    if phrases is not None:
        candidates: set[int] = set()
        for p in phrases:
            candidates |= _docset(s, query.And([query.Term(p.fieldname, w) for w in p.words]))
    elif isinstance(q, query.And) and _words_only(q):
        # single words are left to Whoosh: its block-max pruning ranks them well, and sampling would blur them
        candidates = _docset(s, q)
    else:
        return None
    if len(candidates) <= RANK_BUDGET:
        return None
    sample = _spread(sorted(candidates), RANK_SAMPLE)
    if phrases is None:
        scored = scores_of(s, q, sample)
        ranked = sorted(scored.items(), key=lambda kv: -kv[1])[:limit]
        return Found(ranked=ranked, total=len(candidates), sampled=len(sample))
    holding = sorted(_holding(s, phrases, sample))
    # ranked by the phrase's words (Whoosh's phrase scorer checks positions again, document by document)
    words = query.Or([query.And([query.Term(p.fieldname, w) for w in p.words], boost=p.boost) for p in phrases])
    scored = scores_of(s, words, holding)
    ranked = sorted(scored.items(), key=lambda kv: -kv[1])[:limit]
    total = max(len(ranked), round(len(holding) / len(sample) * len(candidates)))
    return Found(ranked=ranked, total=total, estimated=True, sampled=len(sample))


SAMPLE_RUNS = 10
"""The sample is taken as this many runs of neighbouring articles: each posting block is then read once."""


def _spread(ordered: list[int], size: int) -> list[int]:
    """``size`` of the ``ordered`` documents, in :data:`SAMPLE_RUNS` runs spread evenly over them."""
    runs = min(SAMPLE_RUNS, size)
    run = size // runs
    gap = len(ordered) / runs
    out: list[int] = []
    for i in range(runs):
        start = int(i * gap)
        out.extend(ordered[start : start + run])
    return out


def scores_of(s: Any, q: query.Query, docnums: list[int]) -> dict[int, float]:
    """The relevance scores of a few documents that match ``q``, reading only as far as they stand.

    Each segment's matcher skips to the wanted documents (Whoosh's own search
    would score every match to keep the few asked for).
    """
    wanted = sorted(docnums)
    out: dict[int, float] = {}
    try:
        for sub, offset in s.leaf_searchers():
            end = offset + sub.doc_count_all()
            local = [d - offset for d in wanted if offset <= d < end]
            if not local:
                continue
            m = q.matcher(sub, sub.context())
            for d in local:
                if not m.is_active():
                    break
                if m.id() < d:
                    m.skip_to(d)
                    if not m.is_active():
                        break
                if m.id() == d:
                    out[d + offset] = float(m.score())
    except Exception:  # a query whose matchers cannot skip: let Whoosh score the few documents
        results = s.search(q, limit=len(docnums), filter=set(docnums))
        out = {hit.docnum: float(hit.score or 0.0) for hit in results}
    return out


def _holding(s: Any, phrases: list[query.Phrase], docnums: list[int]) -> set[int]:
    """Which of the (sorted) documents hold one of the phrases, by their words' positions."""
    out: set[int] = set()
    leaves = [(sub.reader(), offset) for sub, offset in s.leaf_searchers()]
    bounds = [offset for _, offset in leaves] + [float("inf")]
    for i, (reader, offset) in enumerate(leaves):
        local = [d - offset for d in docnums if offset <= d < bounds[i + 1]]
        if not local:
            continue
        for p in phrases:
            out.update(offset + d for d in _holding_in(reader, p, local))
    return out


def _holding_in(reader: Any, phrase: query.Phrase, docnums: list[int]) -> list[int]:
    """Which of the (sorted, segment-local) documents hold ``phrase``, reading only their postings."""
    words = [str(w) for w in phrase.words]
    if not words:
        return []
    matchers = []
    for w in words:
        if (phrase.fieldname, w) not in reader:
            return []
        matchers.append(reader.postings(phrase.fieldname, w))
    slop = max(1, int(getattr(phrase, "slop", 1)))
    out = []
    for d in docnums:
        positions = []
        for m in matchers:
            if not m.is_active():
                return out
            if m.id() < d:
                m.skip_to(d)
                if not m.is_active():
                    return out
            if m.id() != d:
                break
            positions.append(m.value_as("positions"))
        else:
            if _in_order(positions, slop):
                out.append(d)
    return out


def _in_order(positions: list[list[int]], slop: int) -> bool:
    """Whether some position of each word follows one of the previous word's within ``slop``."""
    reach = set(positions[0])
    for nxt in positions[1:]:
        reach = {p for p in nxt if any(0 < p - q <= slop for q in reach)} if slop > 1 else {p for p in nxt if p - 1 in reach}
        if not reach:
            return False
    return True


def run(s: Any, q: query.Query, limit: int | None) -> Any:
    """Run ``q``; its Results know the exact number of matches.

    Whoosh finds the top N by skipping what cannot rank, then matches the query
    a second time to count. For phrases (positions checked document by document)
    and fuzzy, prefix or range words (expanded against every segment's word list)
    that second pass costs as much as the first, so they are counted in one pass
    that sees every match.
    """
    from whoosh import collectors

    if limit is not None and limit >= 1 and _costly(q):
        c = collectors.TopCollector(limit, usequality=False, replace=0)
        s.search_with_collector(q, c)
        return c.results()
    return s.search(q, limit=limit)


def total(s: Any, q: query.Query, results: Any) -> int:
    """How many documents match ``q``, for results that skipped some while ranking.

    Whoosh counts by stepping through every match of the whole query tree again;
    for AND/OR/NOT of words the sets of document numbers of each word, combined
    as sets, give the same count several times faster.
    """
    collector = getattr(results, "collector", None)
    if (collector is None or collector.computes_count()) and not _negates(q):
        return len(results)
    try:
        return len(_docset(s, q))
    except Exception:
        return len(results)


def _docset(s: Any, q: query.Query) -> set[int]:
    """The documents matching ``q``, as a set of document numbers (AND, OR, NOT as set operations)."""
    if isinstance(q, query.Term):
        return _term_docs(s, q.fieldname, q.text)
    if isinstance(q, query.Or):
        out: set[int] = set()
        for child in q.children():
            out |= _docset(s, child)
        return out
    if isinstance(q, query.And):
        pos = [c for c in q.children() if not isinstance(c, query.Not)]
        neg = [c.query for c in q.children() if isinstance(c, query.Not)]
        if not pos:
            return set(s.docs_for_query(q))
        sets = sorted((_docset(s, c) for c in pos), key=len)
        got = sets[0].intersection(*sets[1:])
        for c in neg:
            got -= _docset(s, c)
        return got
    if isinstance(q, query.AndNot):
        return _docset(s, q.a) - _docset(s, q.b)
    return set(s.docs_for_query(q))


def matching(s: Any, q: query.Query) -> set[int]:
    """Every document ``q`` matches, as document numbers (phrases checked in every article: exact)."""
    return _docset(s, q)


def _term_docs(s: Any, fieldname: str, text: Any) -> set[int]:
    """The (live) documents holding a term, read a posting block at a time where this Whoosh allows it."""
    from whoosh.codec.whoosh3 import W3LeafMatcher
    from whoosh.matching import ListMatcher
    from whoosh.matching.wrappers import FilterMatcher

    from . import patches

    out: set[int] = set()
    for sub, offset in s.leaf_searchers():
        reader = sub.reader()
        try:
            if (fieldname, text) not in reader:
                continue
            m = reader.postings(fieldname, text)
        except Exception:  # TermNotFound and the like: not in this segment
            continue
        inner = m.child if isinstance(m, FilterMatcher) else m
        ids: list[int] = []
        if patches.FAST_WRITER and isinstance(inner, W3LeafMatcher):  # whole blocks of ids, not one call per id
            while inner.is_active():
                if inner._ids is None:
                    inner._read_ids()
                ids.extend(inner._ids)
                inner._next_block()
        elif patches.FAST_WRITER and isinstance(inner, ListMatcher):
            ids.extend(inner._ids)
        else:
            ids.extend(m.all_ids())
            inner = m
        if inner is not m and reader.has_deletions():
            deleted = reader.deleted_docs_set if hasattr(reader, "deleted_docs_set") else set(reader.deleted_docs())
            out.update(offset + d for d in ids if d not in deleted)
        else:
            out.update(offset + d for d in ids) if offset else out.update(ids)
    return out


def _negates(q: query.Query) -> bool:
    """Whether ``q`` excludes documents (``NOT``, ``ANDNOT``): counted as sets, which Whoosh's matchers miscount."""
    if isinstance(q, (query.Not, query.AndNot)):
        return True
    return any(_negates(c) for c in q.children())


def _costly(q: query.Query) -> bool:
    """Whether matching ``q`` twice costs much: phrases, and words to expand (fuzzy, prefix, range)."""
    if isinstance(q, (query.Phrase, query.Ordered, query.Sequence, query.MultiTerm)):
        return True
    return any(_costly(c) for c in q.children())
