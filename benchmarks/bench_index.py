"""Indexing and search speed on a synthetic corpus; prints figures, asserts nothing.

    python benchmarks/bench_index.py [--articles N]

Articles are made from the sample corpus's paragraphs, shuffled and varied with
random words, so the vocabulary grows as a real corpus's does.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from byline.index.library import Library, sample_corpus

QUERIES = [
    "sanction",
    '"Russophobic course"',
    "putin AND (trump OR biden) NOT nato",
    "sanct*",
    "kosachov~",
    "speaker:Kosachev",
    "date:[2024-11-01 TO 2024-11-30]",
]


def make_corpus(root: Path, count: int, seed: int = 7) -> None:
    """Write ``count`` articles built from the sample corpus into ``root``."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    for path in sorted(sample_corpus().glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if len(p) > 80]
    vocab = sorted({w.strip(".,“”\"'’()") for p in paragraphs for w in p.split() if w.isalpha()})
    for i in range(count):
        paras = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(6, 14)))
        extra = " ".join(rng.choice(vocab) + rng.choice(["", "s", "ing", "ed", str(i % 97)]) for _ in range(40))
        day = 1 + i % 28
        body = "\n".join(paras) + "\n" + extra + "\n"
        text = f"Story {i}: {rng.choice(vocab).title()} {rng.choice(vocab)} – Bench Times\nPublish date : 2024-11-{day:02d} 10:00:00\n{body}"
        sub = root / f"d{i % 50:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"a{i:06d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        root.mkdir()
        t0 = time.perf_counter()
        make_corpus(root, args.articles)
        size = sum(p.stat().st_size for p in root.rglob("*.txt"))
        print(f"corpus: {args.articles} articles, {size / 1e6:.1f} MB (written in {time.perf_counter() - t0:.1f} s)")

        ix = Path(tmp) / "ix"
        lib = Library.open([root], index_dir=ix)
        t0 = time.perf_counter()
        report = lib.update()
        cold = time.perf_counter() - t0
        print(f"cold index: {report.added} articles in {cold:.1f} s = {report.added / cold:.0f} articles/s")
        lib.close()

        t0 = time.perf_counter()
        lib = Library.open([root], index_dir=ix)
        report = lib.update()
        print(f"reopen, unchanged corpus (stat walk only): {(time.perf_counter() - t0) * 1000:.0f} ms, {report.changed} changed")

        target = next(root.rglob("*.txt"))
        target.write_text(target.read_text(encoding="utf-8") + "\nA quokka appeared.\n", encoding="utf-8")
        t0 = time.perf_counter()
        report = lib.update()
        print(f"incremental update of 1 changed file: {(time.perf_counter() - t0) * 1000:.0f} ms ({report.updated} updated)")

        for q in QUERIES + ["a*"]:
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                result = lib.search(q, limit=20)
                times.append(time.perf_counter() - t0)
            spans = sum(len(h.spans) for h in result.hits)
            print(
                f"search {q!r:40} median {statistics.median(times) * 1000:7.1f} ms  "
                f"{result.total:6d} matches, {spans} spans in the top {len(result.hits)}"
                + ("  (refused: " + result.notices[0] + ")" if not result.ok else "")
            )
        t0 = time.perf_counter()
        quotes = lib.all_quotes()
        print(f"all quotes: {len(quotes)} in {time.perf_counter() - t0:.2f} s; speakers: {len(lib.speakers())}")
        lib.close()


if __name__ == "__main__":
    main()
