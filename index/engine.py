"""The engine's front door: a :class:`Library` is one corpus and its index.

Typical use::

    lib = Library.open(["~/articles"])
    report = lib.update(progress=print)      # incremental; cheap when nothing changed
    result = lib.search('"Russophobic course"')
    for hit in result.hits: ...
    lib.quotes(result.hits[0].path)

Everything that crosses this boundary is a dataclass from :mod:`.models`.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import backend as bk
from .corpus import CorpusScan, FileStat, load_article, scan_corpus
from .documents import (
    ROLE_SEP,
    meta_from_stored,
    quote_key,
    quote_spans,
    quotes_from_stored,
    searchable_text,
    summary_from_stored,
    to_index_document,
)
from .highlight import find_spans, kwic
from .metadata import extract_metadata
from .models import (
    Article,
    ArticleSummary,
    IndexProgress,
    IndexReport,
    QuoteRecord,
    SearchHit,
    SearchResult,
    SkippedFile,
    Span,
    Speaker,
)
from .query import clean_query
from .quotes import canonical_names, extract_quotes
from .reading import UnreadableFile, read_text
from .state import STATE_FILE, WHOOSH_DIR, IndexState, default_index_dir

ProgressCallback = Callable[[IndexProgress], None]
StopCheck = Callable[[], bool]

BATCH_DOCS = 400
"""Documents per commit: a cancelled or interrupted pass keeps every finished batch."""
BATCH_SECONDS = 5.0


class LibraryError(Exception):
    """A problem the user must hear about in one line (bad index directory, no corpus)."""


class IndexBusy(LibraryError):
    """Another process holds the index's write lock."""


def sample_corpus() -> Path:
    """The folder of sample articles shipped inside the package."""
    return Path(__file__).resolve().parent / "sample"


@dataclass
class _Diff:
    new: list[FileStat]
    changed: list[FileStat]
    deleted: list[str]
    unchanged: int
    skipped: list[SkippedFile]

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.deleted)


class Library:
    """A corpus of articles and its Whoosh index."""

    def __init__(self, paths: Sequence[str], directory: Path, backend: bk.Backend, notices: list[str]) -> None:
        self.paths = list(paths)
        self.directory = directory
        self._backend = backend
        self.notices = notices
        """Messages from opening (an index rebuilt because it was unreadable, …)."""
        self._lock = threading.RLock()
        self._canon_cache: dict[str, str] | None = None

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(
        cls,
        paths: Sequence[str | os.PathLike[str]] | None = None,
        index_dir: str | os.PathLike[str] | None = None,
        rebuild: bool = False,
    ) -> Library:
        """Open (or create) the index of the corpus made of ``paths`` (default: the sample corpus).

        A damaged index, or one from another schema version, is rebuilt from
        scratch: it holds nothing that the articles don't. ``rebuild`` forces that.
        """
        raw = [os.fspath(p) for p in paths] if paths else [str(sample_corpus())]
        resolved = [os.path.realpath(os.path.expanduser(p)) for p in raw]
        directory = Path(index_dir).expanduser().resolve() if index_dir else default_index_dir(resolved)
        notices: list[str] = []
        whoosh_dir = directory / WHOOSH_DIR
        if directory.exists() and not directory.is_dir():
            raise LibraryError(f"index location {directory} is a file, not a directory")
        state = IndexState.load(directory)
        ours = (directory / STATE_FILE).exists()
        if not ours and whoosh_dir.is_dir() and any(whoosh_dir.iterdir()):
            raise LibraryError(f"{whoosh_dir} exists and was not made by Byline; choose another --index directory")
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the index directory {directory}: {exc.strerror or exc}") from exc
        if state is None or state.schema != bk.SCHEMA_VERSION or rebuild:
            if state is not None and state.schema != bk.SCHEMA_VERSION:
                notices.append("The index was made by another version of Byline; rebuilding it.")
            state = IndexState(schema=bk.SCHEMA_VERSION, corpus=resolved)
            try:
                bk.Backend.wipe(whoosh_dir)
                state.save(directory)
            except OSError as exc:
                raise LibraryError(f"cannot write the index in {directory}: {exc.strerror or exc}") from exc
        try:
            backend = bk.Backend.open(whoosh_dir)
        except bk.IndexUnreadable as exc:
            notices.append(f"The index in {directory} could not be read ({exc}); rebuilding it.")
            try:
                bk.Backend.wipe(whoosh_dir)
                IndexState(schema=bk.SCHEMA_VERSION, corpus=resolved).save(directory)
                backend = bk.Backend.open(whoosh_dir)
            except (OSError, bk.IndexUnreadable) as exc2:
                raise LibraryError(f"cannot rebuild the index in {directory}: {exc2}") from exc2
        except bk.IndexLocked as exc:
            raise IndexBusy(str(exc)) from exc
        except OSError as exc:
            raise LibraryError(f"cannot open the index in {directory}: {exc.strerror or exc}") from exc
        return cls(resolved, directory, backend, notices)

    def close(self) -> None:
        """Release the index."""
        self._backend.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- indexing ----------------------------------------------------------
    def scan(self, should_stop: StopCheck | None = None) -> CorpusScan:
        """Stat every file of the corpus (reads no article)."""
        return scan_corpus(self.paths, should_stop=should_stop)

    def update(
        self,
        progress: ProgressCallback | None = None,
        should_stop: StopCheck | None = None,
        wait: float = 0.0,
    ) -> IndexReport:
        """Bring the index up to date with the files: add new, re-index changed, drop deleted.

        Unchanged files are not read. Work is committed in batches; when
        ``should_stop`` returns true the batch under way is dropped and the
        index stays at its last commit. If another process is writing, waits up
        to ``wait`` seconds for it, then raises :class:`IndexBusy`.
        """
        with self._lock:
            report = IndexReport()
            stop = should_stop or (lambda: False)
            scan = self.scan(should_stop=stop)
            report.ignored = scan.ignored
            report.skipped.extend(scan.errors)
            report.skipped.extend(SkippedFile(p, "no such file or directory") for p in scan.missing)
            if stop():
                report.cancelled = True
                return report
            state = IndexState.load(self.directory) or IndexState(schema=bk.SCHEMA_VERSION, corpus=self.paths)
            diff = _diff(scan, state)
            if diff.empty:
                report.unchanged = diff.unchanged
                report.skipped.extend(diff.skipped)
                return report
            try:
                writer = self._backend.writer(timeout=wait)
            except bk.IndexLocked as exc:
                raise IndexBusy(
                    "another Byline process is updating this index; searching what it has committed so far"
                ) from exc
            try:
                self._backend.refresh()
                state = IndexState.load(self.directory) or state
                diff = _diff(scan, state)
                report.unchanged = diff.unchanged
                report.skipped.extend(diff.skipped)
                report.rebuilt = not state.files and not state.skipped
                writer = self._apply(diff, state, writer, report, progress, stop)
            finally:
                writer.cancel()
                self._backend.refresh()
                self._canon_cache = None
            return report

    def _apply(
        self,
        diff: _Diff,
        state: IndexState,
        writer: bk.BatchWriter,
        report: IndexReport,
        progress: ProgressCallback | None,
        stop: StopCheck,
    ) -> bk.BatchWriter:
        """Write the diff in committed batches; returns the writer still open (to be cancelled)."""
        todo: list[tuple[str, FileStat | None]] = [("del", None)] if diff.deleted else []
        todo += [("new", f) for f in diff.new] + [("changed", f) for f in diff.changed]
        total = len(diff.new) + len(diff.changed) + len(diff.deleted)
        done = 0
        pending_state: dict[str, tuple[int, int] | None] = {}
        pending_skips: dict[str, tuple[int, int, str] | None] = {}
        counts = {"added": 0, "updated": 0, "removed": 0}
        batch_docs = 0
        batch_started = time.monotonic()

        def commit() -> None:
            nonlocal writer, batch_docs, batch_started
            if progress:
                progress(IndexProgress(done=done, total=total, phase="commit"))
            writer.commit()
            for key, value in pending_state.items():
                if value is None:
                    state.files.pop(key, None)
                else:
                    state.files[key] = value
            for key, skip in pending_skips.items():
                if skip is None:
                    state.skipped.pop(key, None)
                else:
                    state.skipped[key] = skip
            state.corpus = self.paths
            state.save(self.directory)
            report.added += counts["added"]
            report.updated += counts["updated"]
            report.removed += counts["removed"]
            pending_state.clear()
            pending_skips.clear()
            counts.update(added=0, updated=0, removed=0)
            writer = self._backend.writer(timeout=30.0)
            batch_docs = 0
            batch_started = time.monotonic()

        for kind, stat in todo:
            if stop():
                report.cancelled = True
                return writer
            if kind == "del":
                for key in diff.deleted:
                    writer.delete(key)
                    if key in state.files:
                        counts["removed"] += 1
                    pending_state[key] = None
                    pending_skips[key] = None
                    done += 1
                continue
            assert stat is not None
            if progress:
                progress(IndexProgress(done=done, total=total, path=stat.path, phase="index"))
            try:
                doc = self.load_document(stat)
            except UnreadableFile as exc:
                report.skipped.append(SkippedFile(stat.path, exc.reason))
                pending_skips[stat.path] = (stat.size, stat.mtime_ns, exc.reason)
                if stat.path in state.files:
                    writer.delete(stat.path)
                    pending_state[stat.path] = None
                    counts["removed"] += 1
            else:
                writer.put(doc)
                pending_state[stat.path] = (stat.size, stat.mtime_ns)
                pending_skips[stat.path] = None
                counts["added" if stat.path not in state.files else "updated"] += 1
            done += 1
            batch_docs += 1
            if batch_docs >= BATCH_DOCS or time.monotonic() - batch_started > BATCH_SECONDS:
                commit()
        if stop():
            report.cancelled = True
            return writer
        commit()
        if progress:
            progress(IndexProgress(done=done, total=total, phase="commit"))
        return writer

    def load_document(self, stat: FileStat) -> bk.IndexDocument:
        """Read, analyse and extract the quotes of one file (raises UnreadableFile)."""
        article = load_article(stat)
        quotes = extract_quotes(article.text, article.meta.body_start)
        return to_index_document(article, quotes, stat.size, stat.mtime_ns)

    # -- reading -----------------------------------------------------------
    def __len__(self) -> int:
        return self._backend.doc_count()

    def articles(self) -> list[ArticleSummary]:
        """Every indexed article, newest first (undated last), then by title."""
        items = [summary_from_stored(s) for s in self._backend.iter_stored()]
        items.sort(key=lambda a: (a.title.casefold(), a.path))
        items.sort(key=lambda a: a.date or "", reverse=True)
        return items

    def article(self, path: str) -> Article:
        """The article at ``path`` with its text as the reader shows it (raises UnreadableFile)."""
        key = os.path.realpath(path)
        stored = self._backend.stored(key)
        text, encoding = read_text(key)
        meta = meta_from_stored(stored) if stored is not None else None
        unchanged = stored is not None and os.stat(key).st_size == stored.get("info", {}).get("size")
        if meta is None or not unchanged or len(text) < meta.body_start:
            meta = extract_metadata(text)  # not indexed, or changed since: read it afresh
        return Article(key=key, path=key, text=text, meta=meta, encoding=encoding)

    # -- searching ---------------------------------------------------------
    def search(self, query: str, limit: int | None = 20) -> SearchResult:
        """Search the corpus. Never raises on a malformed query: the result says what was searched."""
        clean = clean_query(query)
        notices = list(clean.notices)
        if clean.empty:
            return SearchResult(query=query, searched="", notices=tuple(notices))
        try:
            found, total, plan = self._backend.search(clean.text, limit)
        except Exception as exc:  # the parser or a damaged segment; never a traceback
            notices.append(f"The search failed ({type(exc).__name__}); try simpler words.")
            return SearchResult(query=query, searched="", notices=tuple(notices))
        hits = [self._hit(stored, score, plan) for stored, score in found]
        return SearchResult(query=query, searched=clean.text, hits=tuple(hits), total=total, notices=tuple(notices))

    def _hit(self, stored: dict[str, Any], score: float, plan: bk.MatchPlan) -> SearchHit:
        meta = meta_from_stored(stored)
        path = str(stored.get("path") or stored.get("key"))
        spans: list[Span] = []
        snip, snip_marks = "", []
        try:
            text, _ = read_text(path)
        except UnreadableFile:
            text = ""
        if text:
            if len(text) < meta.body_start:
                meta = extract_metadata(text)
            searchable = searchable_text(text, meta)
            spans = find_spans(searchable, plan, bk.analyze, quote_spans(quotes_from_stored(stored)))
            snip, snip_marks = kwic(text, spans, fallback_start=meta.body_start)
        return SearchHit(
            path=path,
            title=meta.title,
            outlet=meta.outlet,
            date=meta.date,
            url=meta.url,
            author=meta.author,
            score=round(score, 4),
            spans=tuple(spans),
            snippet=snip,
            snippet_spans=tuple(snip_marks),
        )

    def spans(self, article: Article, query: str) -> list[Span]:
        """Every hit of ``query`` in ``article``'s text (for highlighting it in the reader)."""
        clean = clean_query(query)
        if clean.empty:
            return []
        try:
            plan = self._backend.plan_for(clean.text)
        except Exception:
            return []
        stored = self._backend.stored(article.key)
        quotes = quotes_from_stored(stored) if stored else []
        return find_spans(searchable_text(article.text, article.meta), plan, bk.analyze, quote_spans(quotes))

    # -- quotes and speakers ----------------------------------------------
    def _canonical(self) -> dict[str, str]:
        """Corpus-level name merging (``Medvedev`` → ``Dmitry Medvedev``), cached per index state."""
        if self._canon_cache is None:
            names = [term for term, _, _ in self._backend.keyword_counts("speaker_names")]
            try:
                self._canon_cache = dict(canonical_names(names))
            except Exception:
                self._canon_cache = {}
        return self._canon_cache

    def quotes(self, path: str) -> list[QuoteRecord]:
        """The quotations of one article, in reading order, with speakers merged across the corpus."""
        key = os.path.realpath(path)
        stored = self._backend.stored(key)
        if stored is None:
            return []
        return self._records(stored)

    def _records(self, stored: dict[str, Any], shared: dict[str, list[str]] | None = None) -> list[QuoteRecord]:
        canon = self._canonical()
        quotes = quotes_from_stored(stored)
        key = str(stored.get("path") or stored.get("key"))
        keys = {q: quote_key(q.text) for q in quotes}
        if shared is None:
            shared = self._backend.keyword_docs("quote_keys", [k for k in keys.values() if k])
        title = meta_from_stored(stored).title
        out: list[QuoteRecord] = []
        for q in quotes:
            if q.speaker:
                q = replace(q, speaker=canon.get(q.speaker, q.speaker))
            qk = keys.get(q)
            others = tuple(sorted(p for p in shared.get(qk or "", []) if p != key))
            out.append(QuoteRecord(path=key, title=title, quote=q, also_in=others))
        return out

    def all_quotes(self, speaker: str | None = None) -> list[QuoteRecord]:
        """Quotations of the whole corpus (or of one speaker), article by article in reading order."""
        shared = self._backend.shared_keywords("quote_keys")
        out: list[QuoteRecord] = []
        stored_docs = sorted(self._backend.iter_stored(), key=lambda s: str(s.get("path")))
        for stored in stored_docs:
            records = self._records(stored, shared)
            if speaker is not None:
                records = [r for r in records if r.quote.speaker and speaker_matches(speaker, r.quote.speaker)]
            out.extend(records)
        return out

    def quotes_by(self, speaker: str) -> list[QuoteRecord]:
        """Every quotation attributed to ``speaker`` (a full name or a surname)."""
        return self.all_quotes(speaker=speaker)

    def speakers(self) -> list[Speaker]:
        """Every speaker of the corpus with quote and article counts, most quoted first."""
        canon = self._canonical()
        counts = self._backend.keyword_counts("speaker_names")
        docs = self._backend.keyword_docs("speaker_names", [t for t, _, _ in counts])
        quotes: dict[str, int] = {}
        articles: dict[str, set[str]] = {}
        for term, weight, _ in counts:
            name = canon.get(term, term)
            quotes[name] = quotes.get(name, 0) + weight
            articles.setdefault(name, set()).update(docs.get(term, []))
        roles: dict[str, dict[str, int]] = {}
        for term, _, ndocs in self._backend.keyword_counts("speaker_roles"):
            name, _, role = term.partition(ROLE_SEP)
            if role:
                bucket = roles.setdefault(canon.get(name, name), {})
                bucket[role] = bucket.get(role, 0) + ndocs
        out = [
            Speaker(
                name=name,
                role=max(roles[name].items(), key=lambda kv: (kv[1], len(kv[0])))[0] if roles.get(name) else None,
                quotes=quotes[name],
                articles=len(articles.get(name, ())),
            )
            for name in quotes
        ]
        out.sort(key=lambda s: (-s.quotes, s.name.casefold()))
        return out


def speaker_matches(wanted: str, name: str) -> bool:
    """Whether a speaker filter (``Kosachev``, ``dmitry peskov``) names ``name``."""
    w = wanted.casefold().split()
    n = name.casefold().split()
    if not w:
        return False
    if w == n:
        return True
    return all(part in n for part in w)


def _diff(scan: CorpusScan, state: IndexState) -> _Diff:
    """Compare a stat walk with the manifest."""
    new: list[FileStat] = []
    changed: list[FileStat] = []
    skipped: list[SkippedFile] = []
    unchanged = 0
    seen: set[str] = set()
    for stat in scan.files:
        seen.add(stat.path)
        sig = (stat.size, stat.mtime_ns)
        known = state.files.get(stat.path)
        skip = state.skipped.get(stat.path)
        if known is not None:
            if known == sig:
                unchanged += 1
            else:
                changed.append(stat)
        elif skip is not None and (skip[0], skip[1]) == sig:
            skipped.append(SkippedFile(stat.path, skip[2]))
        else:
            new.append(stat)
    deleted = sorted(k for k in set(state.files) | set(state.skipped) if k not in seen)
    return _Diff(new=new, changed=changed, deleted=deleted, unchanged=unchanged, skipped=skipped)
