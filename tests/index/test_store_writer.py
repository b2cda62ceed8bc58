"""The fast segment writer writes what Whoosh's own writer writes, and its index answers the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as wix
from whoosh.writing import SegmentWriter

from byline.index import store
from byline.index.sources import FileStat
from byline.index.indexing import load_document
from byline.index.library import Library, sample_corpus
from byline.index.store import patches
from byline.index.store.schema import WORDS, make_schema
from byline.index.store.schema import encode_positions
from byline.index.store.writer import FastSegmentWriter, add_document


def sample_docs(extra: list[tuple[str, str]] = ()) -> list[store.IndexDocument]:  # type: ignore[assignment]
    docs = []
    for path in sorted(sample_corpus().glob("*.txt")):
        st = path.stat()
        docs.append(load_document(FileStat(str(path), st.st_size, st.st_mtime_ns)))
    return docs


def build(directory: Path, writer_class: type[SegmentWriter], docs: list[store.IndexDocument]) -> Any:
    patches.install()
    directory.mkdir()
    ix = wix.create_in(str(directory), make_schema())
    w = writer_class(ix)
    for doc in docs:
        add_document(w, doc)
    w.commit()
    return wix.open_dir(str(directory))


def postings(ix: Any) -> dict[tuple[str, bytes], Any]:
    """Every term's postings and statistics."""
    out = {}
    with ix.reader() as r:
        for fieldname, btext in r.all_terms():
            if fieldname == WORDS:
                out[(fieldname, btext)] = "lexicon"
                continue
            info = r.term_info(fieldname, btext)
            m = r.postings(fieldname, btext)
            items = []
            while m.is_active():
                items.append((m.id(), round(m.weight(), 5), m.value() or None))  # no value: None or b""
                m.next()
            stats = (info.doc_frequency(), round(info.weight(), 5), info.min_length(), info.max_length(), round(info.max_weight(), 5))
            out[(fieldname, btext)] = (items, stats)
    return out


def test_the_fast_writer_writes_what_whoosh_writes(tmp_path: Path) -> None:
    docs = sample_docs()
    # one document long enough that its most common words need several posting blocks
    docs.append(store.IndexDocument(key="/x/long", path="/x/long", title="Long one", searchable="the cat sat. " * 400))
    fast = build(tmp_path / "fast", FastSegmentWriter, docs)
    slow = build(tmp_path / "slow", SegmentWriter, docs)
    got, want = postings(fast), postings(slow)
    assert got.keys() == want.keys()
    assert got == want
    with fast.reader() as a, slow.reader() as b:
        assert [a.stored_fields(d) for d in range(len(docs))] == [b.stored_fields(d) for d in range(len(docs))]
        assert [a.doc_field_length(d, "body") for d in range(len(docs))] == [b.doc_field_length(d, "body") for d in range(len(docs))]


def test_positions_are_stored_compactly_and_read_back() -> None:
    fmt = make_schema()["body"].format
    for positions in ([0], [5], [1, 2, 3], [7, 100, 100_001], [200_000], list(range(0, 3000, 7))):
        encoded = encode_positions(positions)
        assert encoded == fmt.encode(positions)
        assert fmt.decode_positions(encoded) == positions
        assert fmt.decode_frequency(encoded) == len(positions) and fmt.decode_weight(encoded) == len(positions)
    assert len(encode_positions([5])) == 3


QUERIES = ["sanction", '"Russophobic course"', "kosachov~", "sanct*", "speaker:Kosachev", "quote:banalities", "date:2024-11", "medvedev NOT putin"]


def answers(lib: Library) -> list[Any]:
    out = []
    for q in QUERIES:
        r = lib.search(q, limit=None)
        out.append((q, r.total, [(h.path, h.score, h.spans) for h in r.hits]))
    return out + [lib.speakers(), [(a.path, a.title, a.quotes) for a in lib.articles()]]


def scenario(root: Path, index_dir: Path) -> list[Any]:
    """Index the sample corpus, change and delete an article, index again; what the index answers then."""
    import shutil

    shutil.copytree(sample_corpus(), root)
    with Library.open([root], index_dir=index_dir) as lib:
        lib.update()
        (root / "000_4c4c9962fd6196e4.txt").write_text("Replaced\n\nA sanction story, changed.\n", encoding="utf-8")
        (root / "004_725359539153adbd.txt").unlink()
        lib.update()
        got = answers(lib)
    return [(q, n, [(Path(p).name, s, sp) for p, s, sp in hits]) for q, n, hits in got[:-2]] + [
        got[-2],
        [(Path(p).name, t, n) for p, t, n in got[-1]],
    ]


def test_an_index_from_either_writer_answers_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = scenario(tmp_path / "a", tmp_path / "fast")
    patches.install()
    monkeypatch.setattr(patches, "FAST_WRITER", False)  # another Whoosh: its own writer
    slow = scenario(tmp_path / "b", tmp_path / "slow")
    assert fast == slow


@pytest.mark.parametrize("fast_merge", [True, False], ids=["fast-writer-merges", "whoosh-merges"])
def test_merging_keeps_every_answer_and_the_words_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast_merge: bool) -> None:
    import shutil

    root = tmp_path / "corpus"
    shutil.copytree(sample_corpus(), root)
    with Library.open([root], index_dir=tmp_path / "ix") as lib:
        for name in sorted(p.name for p in root.glob("*.txt")):  # one segment per article
            (root / name).rename(tmp_path / name)
        for name in sorted(p.name for p in tmp_path.glob("*.txt")):
            (tmp_path / name).rename(root / name)
            lib.update()
        (root / "001_3c97b7e833a7f5e1.txt").unlink()  # its words stay in the lexicon of its segment
        lib.update()
        before = [(q, n, sorted((Path(p).name, sp) for p, _, sp in hits)) for q, n, hits in answers(lib)[:-2]]
        segments = lib._store.segment_count()
        patches.install()
        monkeypatch.setattr(patches, "FAST_WRITER", fast_merge)
        lib._store.optimize()
        assert segments > 1 and lib._store.segment_count() == 1
        after = [(q, n, sorted((Path(p).name, sp) for p, _, sp in hits)) for q, n, hits in answers(lib)[:-2]]
    assert after == before
