"""Who said what across the corpus: quotation records with their speakers merged, and the speaker list.

Speaker names are merged across the corpus (``Medvedev`` → ``Dmitry Medvedev``)
once per index commit, and the merge is kept on disk beside the index for that
commit (working it out reads every speaker term of every segment and loads the
name rules: ~0.4 s on 7,560 articles). ``also_in`` (the other articles quoting the same words)
comes from the quote keys stored with each article when it was indexed, so
listing every quotation of the corpus reads each stored article once and no
posting list.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from . import store as st
from .documents import (
    KIND_MARK,
    ROLE_SEP,
    meta_from_stored,
    quote_keys_from_stored,
    quotes_from_stored,
    stored_key,
    stored_path,
    stored_record,
)
from .models import SPEAKER_KINDS, ArticleSummary, Quote, QuoteRecord, Speaker, SpeakerKind
from .quotejson import TAG, article_line, json_lines
from .store.schema import QUOTE_KEYS, SPEAKER_NAMES, SPEAKER_ROLES


CANON_TAG = "speaker-names1"
"""Names the kept form of the corpus's merged speaker names: change it when the merging rules change."""
SPEAKERS_TAG = "speakers2"
"""Names the kept form of the speaker list: change it when it or the merging rules change."""


def _names_map(value: Any) -> dict[str, str]:
    """A kept name map, only if it is one (a file of another shape is computed again)."""
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError("not a map of names")
    return value


def speaker_matches(wanted: str, name: str) -> bool:
    """Whether a speaker filter (``Kosachev``, ``dmitry peskov``) names ``name``."""
    w = wanted.casefold().split()
    n = name.casefold().split()
    if not w:
        return False
    if w == n:
        return True
    return all(part in n for part in w)


def _others(holders: tuple[str, ...] | None, key: str) -> tuple[str, ...]:
    """The (sorted) articles holding a quote, but ``key``'s own."""
    if not holders:
        return ()
    try:
        i = holders.index(key)
    except ValueError:
        return holders
    return holders[:i] + holders[i + 1 :]


def _place(stored: dict[str, Any]) -> tuple[str, int]:
    """Where a stored article stands: its file, then its record number (``PATH#2`` before ``PATH#10``)."""
    return stored_path(stored), stored_record(stored) or 0


def _summary_place(summary: ArticleSummary) -> tuple[str, int]:
    return summary.path, summary.record or 0


@functools.cache
def _code_stamp() -> str:
    """Which code merges names: a hash of the text of every module of the quotes package.

    A merge worked out by other code (Byline upgraded, the rules edited) is not used; the same code installed
    again keeps it (file times change with every install). Looked at once a process (~250 KB read).
    """
    rows: list[str] = []
    root = Path(__file__).resolve().parent / "quotes"
    folders = [root]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir() and entry.name != "__pycache__":
                        folders.append(Path(entry.path))
                    elif entry.name.endswith(".py"):
                        text = hashlib.blake2b(Path(entry.path).read_bytes(), digest_size=12).hexdigest()
                        rows.append(f"{Path(entry.path).relative_to(root).as_posix()}\t{text}")
        except OSError:
            rows.append("?")
    return hashlib.blake2b("\n".join(sorted(rows)).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()


class Speakers:
    """The speakers and quotations of one index, with the corpus-level name merging cached per commit."""

    def __init__(
        self,
        store: st.Store,
        summaries: Callable[[], st.SegmentValues[ArticleSummary]],
        folder: Path | None = None,
    ) -> None:
        self._store = store
        self._summaries = summaries
        self._folder = folder
        """Where the merge is kept between processes (``None``: memory only)."""
        self._canon: dict[str, str] | None = None
        self._kept: st.IndexValue[dict[str, str]] = st.IndexValue(folder, CANON_TAG, _names_map)
        self._list: st.IndexValue[list[Speaker]] = st.IndexValue(folder, SPEAKERS_TAG, _speaker_list)
        self._lines: st.SegmentValues[str] = st.SegmentValues(folder, TAG, article_line, str, lines=True, keep=False)

    def forget(self) -> None:
        """The index changed: merge names again when next asked."""
        self._canon = None

    def canonical(self) -> dict[str, str]:
        """Corpus-level name merging (only full names that agree; see ``canonical_names``), cached per index
        state, in memory and on disk (at 100,000 articles it reads ~110,000 keyword terms: ~1.5 s)."""
        if self._canon is None:
            self._canon = self._kept.get(self._stamp(), self._merge)
        return self._canon

    def _stamp(self) -> str:
        """What values kept on disk must have been worked out for: this state of the index, by this code
        (``""``: nothing is kept for an index in memory)."""
        stamp = self._store.stamp()
        return f"{stamp}/{_code_stamp()}" if stamp and self._folder is not None else ""

    def _merge(self) -> dict[str, str]:
        from .quotes import canonical_names

        names = {term: weight for term, weight, _ in self._store.keyword_counts(SPEAKER_NAMES)}
        try:
            return dict(canonical_names(names, self._kinds()))
        except Exception:
            return {}

    def _kinds(self) -> dict[str, str]:
        """The kind (``person``, ``organisation``, ``unnamed``) of each speaker name, as extraction decided it."""
        marks: dict[str, dict[str, int]] = {}
        for term, _, ndocs in self._store.keyword_counts(SPEAKER_ROLES):
            _count_kind(marks, term, ndocs)
        return {name: _chosen_kind(counts) for name, counts in marks.items()}

    # -- quotations -------------------------------------------------------------------------------
    def records(self, stored: dict[str, Any], shared: dict[str, tuple[str, ...]] | None = None) -> list[QuoteRecord]:
        """The quotation records of one stored article; ``shared`` maps quote keys to the (sorted) articles holding them."""
        canon = self.canonical()
        key = stored_key(stored)
        path, record = stored_path(stored), stored_record(stored)
        pairs = self._quotes_with_keys(stored, canon)
        if shared is None:
            wanted = [k for _, k in pairs if k]
            found = self._store.keyword_docs(QUOTE_KEYS, wanted, self._summaries()) if wanted else {}
            shared = {k: tuple(s.key for s in sorted(docs, key=_summary_place)) for k, docs in found.items()}
        title = meta_from_stored(stored).title
        return [
            QuoteRecord(
                path=path, title=title, quote=q, also_in=_others(shared.get(qk) if qk else None, key), record=record
            )
            for q, qk in pairs
        ]

    @staticmethod
    def _quotes_with_keys(stored: dict[str, Any], canon: dict[str, str]) -> list[tuple[Quote, str | None]]:
        """Each readable stored quote, its speaker merged across the corpus, with its key."""
        raw = stored.get("info", {}).get("quotes", [])
        keys = quote_keys_from_stored(stored)
        out: list[tuple[Quote, str | None]] = []
        for item, qk in zip(raw, keys):
            try:
                speaker = item.get("speaker")
                if speaker and speaker in canon:
                    item = {**item, "speaker": canon[speaker]}
                out.append((Quote(**item), qk))
            except (TypeError, AttributeError):
                continue
        return out

    def quotes(self, stored: dict[str, Any] | None) -> list[QuoteRecord]:
        """The quotations of one article, in reading order."""
        return self.records(stored) if stored is not None else []

    def all_quotes(self, speaker: str | None = None) -> list[QuoteRecord]:
        """Quotations of the whole corpus (or of one speaker), article by article in reading order.

        ``also_in`` comes from the quote keys stored with each article: one pass
        over the stored articles, no posting list read.
        """
        docs = sorted(self._store.iter_stored(), key=_place)
        holders: dict[str, list[str]] = {}
        for stored in docs:
            key = stored_key(stored)
            for qk in set(quote_keys_from_stored(stored)):
                if qk:
                    holders.setdefault(qk, []).append(key)
        shared = {k: tuple(paths) for k, paths in holders.items() if len(paths) > 1}  # sorted: docs are
        canon = self.canonical()
        out: list[QuoteRecord] = []
        for stored in docs:
            if speaker is not None and not any(
                q.speaker and speaker_matches(speaker, canon.get(q.speaker, q.speaker)) for q in quotes_from_stored(stored)
            ):
                continue
            records = self.records(stored, shared)
            if speaker is not None:
                records = [r for r in records if r.quote.speaker and speaker_matches(speaker, r.quote.speaker)]
            out.extend(records)
        return out

    def json_lines(self, speaker: str | None = None) -> Iterator[str]:
        """The JSON line of every quotation of the corpus (or of one speaker), in :meth:`all_quotes`' order.

        Each is byte for byte the JSON of the :class:`QuoteRecord` that
        :meth:`all_quotes` gives (see :mod:`.quotejson`); no record is made. The
        stored articles are read here (damage is found now); the lines are made as
        they are taken.
        """
        canon = self.canonical()
        try:
            return json_lines(self._store.per_document(self._lines), canon, speaker, speaker_matches)
        except ValueError:  # a file of lines not as article_line writes them: made again from the stored articles
            self._lines.discard()
            return json_lines(self._store.per_document(self._lines), canon, speaker, speaker_matches)

    # -- speakers ---------------------------------------------------------------------------------
    def speakers(self) -> list[Speaker]:
        """Every speaker of the corpus with quote and article counts, most quoted first; worked out once
        per index state and kept on disk (at 100,000 articles, reading the speaker terms takes seconds)."""
        return list(self._list.get(self._stamp(), self._count))

    def _count(self) -> list[list[Any]]:
        """The speakers as JSON values (see :func:`_speaker_list`).

        Quote counts and article counts come from the term statistics of the
        speaker keywords; posting lists are read only for speakers known under
        several names (whose articles must be counted once).
        """
        from .quotes import is_organisation

        canon = self.canonical()
        counts = self._store.keyword_counts(SPEAKER_NAMES)
        forms: dict[str, list[tuple[str, int, int]]] = {}
        for term, weight, ndocs in counts:
            forms.setdefault(canon.get(term, term), []).append((term, weight, ndocs))
        merged = [t for name, fs in forms.items() if len(fs) > 1 for t, _, _ in fs]
        docs = self._store.keyword_docnums(SPEAKER_NAMES, merged) if merged else {}
        roles: dict[str, dict[str, int]] = {}
        marks: dict[str, dict[str, int]] = {}
        for term, _, ndocs in self._store.keyword_counts(SPEAKER_ROLES):
            name, _, role = term.partition(ROLE_SEP)
            if role.startswith(KIND_MARK):
                _count_kind(marks, term, ndocs, canon)
            elif role:
                bucket = roles.setdefault(canon.get(name, name), {})
                bucket[role] = bucket.get(role, 0) + ndocs
        out = []
        for name, fs in forms.items():
            if len(fs) == 1:
                articles = fs[0][2]
            else:
                articles = len(set().union(*(docs.get(t, ()) for t, _, _ in fs)))
            out.append(
                Speaker(
                    name=name,
                    role=max(roles[name].items(), key=lambda kv: (kv[1], len(kv[0])))[0] if roles.get(name) else None,
                    quotes=sum(w for _, w, _ in fs),
                    articles=articles,
                    kind=_chosen_kind(marks[name]) if name in marks else ("organisation" if is_organisation(name) else "person"),
                )
            )
        out.sort(key=lambda s: (-s.quotes, s.name.casefold()))
        return [[s.name, s.role, s.quotes, s.articles, s.kind] for s in out]


def _count_kind(marks: dict[str, dict[str, int]], term: str, ndocs: int, canon: Mapping[str, str] | None = None) -> None:
    """Count a ``name ROLE_SEP KIND_MARK kind`` term of the roles field (its name merged by ``canon``) in ``marks``.

    A kind that is not one of :data:`~.models.SPEAKER_KINDS` (an index written by other code) is not counted.
    """
    name, _, role = term.partition(ROLE_SEP)
    if not role.startswith(KIND_MARK):
        return
    kind = role[len(KIND_MARK) :]
    if kind in SPEAKER_KINDS:
        bucket = marks.setdefault(canon.get(name, name) if canon else name, {})
        bucket[kind] = bucket.get(kind, 0) + ndocs


def _chosen_kind(counts: Mapping[str, int]) -> SpeakerKind:
    """The kind extraction gave a speaker in the most articles (a tie: the first of :data:`~.models.SPEAKER_KINDS`).

    Only the kinds extraction decided count: a name marked ``unnamed`` (a description such as ``a senior
    official``) is never classified again from its words.
    """
    return max(SPEAKER_KINDS, key=lambda kind: (counts.get(kind, 0), -SPEAKER_KINDS.index(kind)))


def _speaker_list(value: Any) -> list[Speaker]:
    """Kept speakers (``[name, role, quotes, articles, kind]`` each) as :class:`Speaker` records."""
    if not isinstance(value, list):
        raise ValueError("not a list of speakers")
    out: list[Speaker] = []
    for name, role, quotes, articles, kind in value:
        if not isinstance(name, str) or not (role is None or isinstance(role, str)) or kind not in SPEAKER_KINDS:
            raise ValueError("not a speaker")
        out.append(Speaker(name=name, role=role, quotes=int(quotes), articles=int(articles), kind=kind))
    return out
