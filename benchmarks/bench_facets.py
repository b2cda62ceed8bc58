"""Facets and sorting at scale: prints figures, asserts nothing.

    python benchmarks/bench_facets.py [--records 100000] [--keep DIR]

Writes N short generated records (a title, a date spread over two years, one of
300 outlets, a sentence or two from ``corpus_gen.py``'s vocabulary) as JSON Lines
dumps spread over 20 top-level folders of 5 folders each, indexes them
(``Library.update()``, ``BYLINE_PROCS`` workers), then times, each the median
of 5 runs in the same process (the first run, which reads the per-segment
summaries, apart):

* ``Library.facets()`` of every article, and of a common and a rare word;
* ``Library.search(word, sort="date")`` (the whole match set sorted, top 20
  with spans) against the same search by relevance;
* ``Library.articles(sort="title")``.

Facets and sort orders read only the per-segment article summaries, so short
records time them as well as long articles would, at a fraction of the
indexing time. ``--keep DIR`` keeps the corpus and its index in DIR (and
reuses them when they are there).
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_gen import _pools  # noqa: E402

from byline.index.library import Library  # noqa: E402


def write_records(root: Path, count: int, seed: int = 1) -> None:
    """``count`` short records in 100 dumps under ``root/topNN/subN/part.jsonl``."""
    pools = _pools(seed)
    rng = random.Random(seed)
    total = pools.cum[-1]

    def word() -> str:
        return pools.vocab[bisect.bisect_left(pools.cum, rng.random() * total)]

    dumps = [root / f"top{t:02d}" / f"sub{s}" / "part.jsonl" for t in range(20) for s in range(5)]
    handles = []
    for path in dumps:
        path.parent.mkdir(parents=True, exist_ok=True)
        handles.append(path.open("w", encoding="utf-8"))
    try:
        for i in range(count):
            outlet, _domain = pools.outlets[int(rng.paretovariate(1.2)) % len(pools.outlets)]
            name = rng.choice(pools.surnames)
            words = " ".join(word() for _ in range(rng.randint(12, 30)))
            record = {
                "title": " ".join(word() for _ in range(rng.randint(4, 8))).capitalize(),
                "text": f"{words.capitalize()}. “{word().capitalize()} {word()} {word()},” said {name}.",
                "date": f"{rng.choice((2023, 2024))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "source": outlet,
            }
            if i % 50 == 0:
                del record["date"]  # some undated
            handles[i % len(handles)].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for handle in handles:
            handle.close()


def timed(fn: Callable[[], object], runs: int = 5) -> tuple[float, float]:
    """(first run, median of the next ``runs``) in milliseconds."""
    t0 = time.perf_counter()
    fn()
    first = (time.perf_counter() - t0) * 1000
    each = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        each.append((time.perf_counter() - t0) * 1000)
    return first, statistics.median(each)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpus and the index here (reused)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        corpus, index = base / "corpus", base / "index"
        if not corpus.exists():
            t0 = time.perf_counter()
            write_records(corpus, args.records)
            print(f"wrote {args.records:,} records in {time.perf_counter() - t0:.1f} s")
        with Library.open([corpus], index_dir=index) as lib:
            t0 = time.perf_counter()
            report = lib.update()
            seconds = time.perf_counter() - t0
            if report.added:
                print(f"indexed {report.added:,} records in {seconds:.0f} s = {report.added / seconds:.0f}/s")
            print(f"{len(lib):,} articles")
            common = "said"
            rare = max(lib.articles()[0].title.split(), key=len)  # long words are the rare ones (Zipf)
            rows: list[tuple[str, Callable[[], object]]] = [
                ("facets(), every article", lambda: lib.facets()),
                (f"facets('{common}')", lambda: lib.facets(common)),
                (f"facets('{rare}')", lambda: lib.facets(rare)),
                (f"search('{common}'), relevance, top 20", lambda: lib.search(common, spans_for=20)),
                (f"search('{common}', sort='date'), top 20", lambda: lib.search(common, spans_for=20, sort="date")),
                (f"search('{rare}', sort='date'), top 20", lambda: lib.search(rare, spans_for=20, sort="date")),
                ("articles(sort='title')", lambda: lib.articles(sort="title")),
            ]
            facets = lib.facets()
            print(f"{len(facets.outlet)} outlets, {len(facets.folder)} folders, {len(facets.month)} months")
            for name, fn in rows:
                first, median = timed(fn)
                print(f"{name:<44} first {first:7.0f} ms, then p50 {median:6.0f} ms")


if __name__ == "__main__":
    main()
