"""The engine's speed work keeps its answers: fast analysis, ``spans_for``, parallel indexing.

Nothing here is timed; the figures come from ``benchmarks/bench_scale.py``.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whoosh import analysis as wa

from byline.index import indexing
from byline.index import store as bk
from byline.index.store.analysis import fold_format
from byline.index.library import Library, sample_corpus
from byline.index.models import IndexProgress

TEXT = st.lists(
    st.sampled_from(list("abcXYZ .,'’“”-_*\n\t0123456789éİßﬁǅ\u00a0ß…") + ["U.S.", "e.g.", "3.5", "running ", "cities"]),
    max_size=80,
).map("".join)


WHOOSH = {
    bk.STEM: wa.StemmingAnalyzer(stoplist=None, minsize=1),
    bk.PLAIN: wa.StandardAnalyzer(stoplist=None, minsize=1),
    bk.PARTS: wa.RegexTokenizer(r"[^\W_]+") | wa.LowercaseFilter(),
}
"""Whoosh's own analysers: without format characters, Byline's one analyser gives their tokens exactly."""


def whoosh_tokens(text: str, kind: str) -> list[bk.Token]:
    return [bk.Token(t.text, t.startchar, t.endchar, t.pos) for t in WHOOSH[kind](text, positions=True, chars=True, mode="index")]


def through_protocol(text: str, kind: str) -> list[bk.Token]:
    """What Whoosh's indexing sees from the analyser (its analyser protocol)."""
    analyzer = bk.WordAnalyzer(kind)
    return [bk.Token(t.text, t.startchar, t.endchar, t.pos) for t in analyzer(text, positions=True, chars=True, mode="index")]


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_the_analyser_gives_whooshs_tokens(text: str) -> None:
    for kind in (bk.STEM, bk.PLAIN, bk.PARTS):
        slow = whoosh_tokens(text, kind)
        assert bk.analyze(text, kind) == slow == through_protocol(text, kind)
        wanted = frozenset(t.text for t in slow[::2])
        assert bk.term_spans(text, kind, wanted) == [(t.start, t.end) for t in slow if t.text in wanted]
        terms, length = bk.WordAnalyzer(kind).postings(text)
        assert length == len(slow)
        assert terms == {t: [x.pos for x in slow if x.text == t] for t in dict.fromkeys(x.text for x in slow)}


def test_the_analyser_on_the_sample_corpus() -> None:
    for path in sample_corpus().glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        for kind in (bk.STEM, bk.PLAIN, bk.PARTS):
            assert bk.analyze(text, kind) == whoosh_tokens(text, kind) == through_protocol(text, kind)


def test_spans_for_limits_the_hits_that_get_spans(seeds: Path, tmp_path: Path) -> None:
    lib = Library.open([seeds], index_dir=tmp_path / "ix")
    lib.update()
    full = lib.search("trump", limit=None)
    cut = lib.search("trump", limit=None, spans_for=2)
    assert full.total == cut.total == len(cut.hits) > 2
    assert [h.path for h in cut.hits] == [h.path for h in full.hits]
    assert cut.hits[:2] == full.hits[:2]
    for hit, whole in zip(cut.hits[2:], full.hits[2:]):
        assert hit.spans == () and hit.snippet == "" and hit.snippet_spans == ()
        assert whole.spans and (hit.title, hit.date, hit.outlet, hit.score) == (whole.title, whole.date, whole.outlet, whole.score)
    assert all(h.spans == () for h in lib.search("trump", limit=None, spans_for=0).hits)
    assert lib.search("trump", limit=3, spans_for=None).hits == full.hits[:3]
    lib.close()


def corpus_of(root: Path, count: int) -> Path:
    """The sample articles plus ``count`` small articles of their own, and one unreadable file."""
    root.mkdir(parents=True, exist_ok=True)
    for path in sample_corpus().glob("*.txt"):
        (root / path.name).write_bytes(path.read_bytes())
    for i in range(count):
        (root / f"n{i:03d}.txt").write_text(
            f"Heron number {i} lands\n\n“The heron {i} is back,” Jane Osprey said. Lake story {i}.\n", encoding="utf-8"
        )
    (root / "binary.txt").write_bytes(b"\x00\x01\x02" * 200)
    return root


def outcome(lib: Library) -> list[tuple[str, tuple[str, ...], int]]:
    queries = ["heron", "sanction", '"Russophobic course"', "speaker:Osprey", "speaker:Kosachev", "lake AND 7"]
    out = []
    for q in queries:
        r = lib.search(q, limit=None)
        out.append((q, tuple(sorted(h.path for h in r.hits)), r.total))
    return out


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Index with two worker processes from the first article, in tasks of a few articles."""
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 1)
    monkeypatch.setattr(indexing, "CHUNK_DOCS", (4, 8))
    monkeypatch.setattr(indexing, "BATCH_DOCS", 10)
    monkeypatch.setenv("BYLINE_PROCS", "2")


def test_parallel_indexing_from_a_thread_equals_serial_indexing(parallel: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus_of(tmp_path / "corpus", 40)
    lib = Library.open([root], index_dir=tmp_path / "par")
    seen: list[IndexProgress] = []
    box: dict[str, object] = {}
    # the app updates the index from a worker thread while its own threads run
    worker = threading.Thread(target=lambda: box.setdefault("report", lib.update(progress=seen.append)))
    worker.start()
    worker.join(120)
    report = box["report"]
    assert report.added == 45 and [s.path for s in report.skipped] == [str(root / "binary.txt")]  # type: ignore[attr-defined]
    assert len({p.path for p in seen if p.phase == "index"}) == 46  # every article named, workers' reports aside
    assert sum(1 for p in seen if p.phase == "commit") >= 4  # batch by batch
    assert not list((tmp_path / "par").glob(".staging-*"))

    monkeypatch.setattr(indexing, "PARALLEL_MIN", 10**9)
    serial = Library.open([root], index_dir=tmp_path / "ser")
    serial.update()
    assert outcome(lib) == outcome(serial)
    assert [(a.path, a.title, a.quotes) for a in lib.articles()] == [(a.path, a.title, a.quotes) for a in serial.articles()]
    assert lib.speakers() == serial.speakers()

    # changed files go through the workers too, and replace their old version
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 1)
    for i in range(0, 40, 3):
        (root / f"n{i:03d}.txt").write_text(f"Egret number {i}\n\nThe egret {i} stays.\n", encoding="utf-8")
    again = lib.update()
    assert (again.added, again.updated, again.removed) == (0, 14, 0)
    assert len(lib) == 45 and lib.search("egret").total == 14 and lib.search("heron").total == 26
    lib.close()
    serial.close()


def test_parallel_progress_moves_per_article_while_a_worker_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10: in a parallel pass the bar moves as workers read articles, not a whole task at a time."""
    from byline.index import ledger

    monkeypatch.setattr(indexing, "PARALLEL_MIN", 1)
    monkeypatch.setattr(indexing, "CHUNK_DOCS", (60, 60))  # one task of 60 articles
    monkeypatch.setattr(indexing, "BATCH_DOCS", 1000)
    monkeypatch.setattr(indexing, "PROGRESS_SECONDS", 0.0)  # a report per article read
    monkeypatch.setenv("BYLINE_PROCS", "2")
    root = corpus_of(tmp_path / "corpus", 55)
    events: list[tuple[str, int]] = []
    taken_in = ledger.Ledger.indexed

    def indexed(self: ledger.Ledger, work: object, vote: str | None = None) -> None:
        events.append(("taken in", self.done))  # this process takes in what the task found
        taken_in(self, work, vote)  # type: ignore[arg-type]

    monkeypatch.setattr(ledger.Ledger, "indexed", indexed)
    lib = Library.open([root], index_dir=tmp_path / "ix")
    report = lib.update(progress=lambda p: events.append((p.phase, p.done)))
    lib.close()
    assert report.added == 60
    first = next(i for i, e in enumerate(events) if e[0] == "taken in")
    before = [done for phase, done in events[:first] if phase == "index"]
    assert len(set(before)) >= 20 and max(before) <= 61  # read one by one, before the task's segment came back
    shown = [done for phase, done in events if phase != "taken in"]
    assert shown == sorted(shown) and shown[-1] == 61  # never back, and whole at the end


def test_index_compact_merges_a_parallel_build_into_one_segment(
    parallel: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``byline index --compact``: one segment, the same answers, a smaller index."""
    import json

    from byline.cli import main

    root = corpus_of(tmp_path / "corpus", 40)
    ix = tmp_path / "ix"
    assert main(["index", str(root), "--index", str(ix), "--json"]) == 0
    with Library.open([root], index_dir=ix) as lib:
        before, segments = outcome(lib), lib._store.segment_count()
    size = sum(f.stat().st_size for f in (ix / "whoosh").iterdir())
    capsys.readouterr()
    assert main(["index", str(root), "--index", str(ix), "--compact", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert segments > 1 and summary["segments_merged"] == segments and summary["unchanged"] == 45
    with Library.open([root], index_dir=ix) as lib:
        assert lib._store.segment_count() == 1 and outcome(lib) == before and len(lib) == 45
        assert lib.update().changed == 0  # the manifest still agrees with the index
    assert sum(f.stat().st_size for f in (ix / "whoosh").iterdir()) < size
    assert main(["index", str(root), "--index", str(ix), "--compact"]) == 0  # one segment: nothing to do, said quietly
    assert "compacted" not in capsys.readouterr().err


def test_parallel_indexing_cancels_and_keeps_every_committed_batch(
    parallel: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = corpus_of(tmp_path / "corpus", 60)
    lib = Library.open([root], index_dir=tmp_path / "ix")
    seen: list[IndexProgress] = []

    def stop() -> bool:
        return sum(1 for p in seen if p.phase == "commit") >= 2

    report = lib.update(progress=seen.append, should_stop=stop)
    assert report.cancelled
    committed = len(lib)
    assert 0 < committed < 65 and report.added == committed
    assert not list((tmp_path / "ix").glob(".staging-*"))
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 10**9)  # the rest in this process
    rest = lib.update()
    assert not rest.cancelled and rest.added == 65 - committed and rest.unchanged == committed
    assert len(lib) == 65 and lib.search("heron").total == 60
    lib.close()
