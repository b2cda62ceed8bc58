"""Where a query's hits stand: prepared queries, their match plans, hit spans in an article, and search hits.

A :class:`Hits` belongs to one store (a rebuilt index gets a new one). A query
is repaired and parsed once (:meth:`Hits.prepare`, kept by its text); its match
plan is worked out once per index commit and its hit spans once per article
text, both kept in the :class:`~.models.PreparedQuery`, so the spans a search
found for its listed page are the ones the reader is given when the article
opens.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, cast

from . import store as st
from .documents import meta_from_stored, quote_spans, quotes_from_stored, searchable_from_stored, stored_path, stored_record
from .highlight import find_spans, kwic
from .models import Article, ArticleSummary, PreparedQuery, SearchHit, Span
from .query import clean_query

PREPARED_KEPT = 64
"""Prepared queries kept by query text (the list's query, then the reader's, share one)."""
SPANS_KEPT = 256
"""Hit spans kept per prepared query (one per article found)."""

ReadArticle = Callable[[str, "int | None", "dict[str, Any] | None"], Article]
"""Reads an article as the reader shows it: (file, record number, stored fields)."""


class Hits:
    """Prepared queries and the hits they find in one store's articles."""

    def __init__(self, store: st.Store, read_article: ReadArticle) -> None:
        self._store = store
        self._read_article = read_article
        self._prepared: OrderedDict[str, PreparedQuery] = OrderedDict()
        self._lock = threading.Lock()

    def prepare(self, query: str) -> PreparedQuery:
        """Repair and parse ``query`` once (kept for the next use of the same text)."""
        with self._lock:
            got = self._prepared.get(query)
            if got is not None:
                self._prepared.move_to_end(query)
                return got
        clean = clean_query(query)
        parsed: Any = None
        failure: str | None = None
        if not clean.empty:
            try:
                parsed = st.parse(clean.text)
            except Exception as exc:  # the parser failed on it: say so when it is searched
                failure = type(exc).__name__
        prepared = PreparedQuery(query=query, searched=clean.text, notices=clean.notices, parsed=parsed, failure=failure)
        with self._lock:
            self._prepared[query] = prepared
            while len(self._prepared) > PREPARED_KEPT:
                self._prepared.popitem(last=False)
        return prepared

    def plan(self, prepared: PreparedQuery) -> st.MatchPlan:
        """The match plan of a prepared query for what the index holds now."""
        view = self._store.view()
        got = prepared.cache.get("plan")
        if got is not None and got[0] == view:
            return cast(st.MatchPlan, got[1])
        plan = self._store.plan(prepared.parsed)
        prepared.cache["plan"] = (view, plan)
        return plan

    def spans(self, prepared: PreparedQuery, article: Article, stored: dict[str, Any] | None, plan: Any = None) -> list[Span]:
        """Every hit of a prepared query in an article's text (kept with the query, per article text)."""
        cache: OrderedDict[str, tuple[int, int, list[Span]]] = prepared.cache.setdefault("spans", OrderedDict())
        text = article.text
        known = cache.get(article.key)
        if known is not None and known[0] == len(text) and known[1] == hash(text):
            return list(known[2])
        if plan is None:
            if prepared.parsed is None:
                return []
            try:
                plan = self.plan(prepared)
            except Exception:
                return []
        quotes = []
        if plan.quote_terms or plan.quote_phrases:
            if stored is None:
                stored = self._store.stored(article.key)
            quotes = quote_spans(quotes_from_stored(stored)) if stored else []
        found = find_spans(searchable_from_stored(text, article.meta, stored), plan, st.analyze, quotes)
        cache[article.key] = (len(text), hash(text), found)
        while len(cache) > SPANS_KEPT:
            cache.popitem(last=False)
        return list(found)

    def hit(self, stored: dict[str, Any], score: float, plan: st.MatchPlan, prepared: PreparedQuery) -> SearchHit:
        """A search hit with its spans and snippet, the article read afresh (its metadata if its file changed)."""
        meta = meta_from_stored(stored)
        path, record = stored_path(stored), stored_record(stored)
        folder = stored.get("info", {}).get("folder")
        found: list[Span] = []
        snip, snip_marks = "", []
        try:
            article: Article | None = self._read_article(path, record, stored)
        except Exception:  # unreadable, vanished or changed into a folder since: a hit without spans
            article = None
        if article is not None and article.text:
            meta = article.meta  # read afresh if the file changed since it was indexed
            found = self.spans(prepared, article, stored, plan)
            snip, snip_marks = kwic(article.text, found, fallback_start=meta.body_start)
        return SearchHit(
            path=path,
            title=meta.title,
            outlet=meta.outlet,
            date=meta.date,
            url=meta.url,
            author=meta.author,
            score=round(score, 4),
            spans=tuple(found),
            snippet=snip,
            snippet_spans=tuple(snip_marks),
            record=record,
            folder=folder if isinstance(folder, str) else "",
        )


def plain_hit(summary: ArticleSummary, score: float) -> SearchHit:
    """A hit without spans or snippet (``search(..., spans_for=N)`` beyond the first N)."""
    return SearchHit(
        path=summary.path,
        title=summary.title,
        outlet=summary.outlet,
        date=summary.date,
        url=summary.url,
        author=summary.author,
        score=round(score, 4),
        spans=(),
        snippet="",
        snippet_spans=(),
        record=summary.record,
        folder=summary.folder,
    )
