"""Benchmark quote extraction: articles per second over the sample corpus.

Run: ``python benchmarks/bench_quotes.py [N]`` (default N = 2000 articles). The five
sample articles are repeated and lightly varied (paragraphs shuffled, names swapped)
to make N articles; a 200 KB article full of unpaired marks checks that no
pathological backtracking creeps in.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from byline.index.library import sample_corpus
from byline.index.quotes import extract_quotes

SAMPLE = sample_corpus()


def synthesise(n: int, seed: int = 7) -> list[str]:
    """``n`` articles made from the sample corpus (shuffled paragraphs, swapped names)."""
    rng = random.Random(seed)
    base = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    swaps = [("Putin", "Smith"), ("Medvedev", "Jones"), ("Lavrov", "Garcia"), ("Trump", "Biden")]
    out: list[str] = []
    for i in range(n):
        text = base[i % len(base)]
        if i >= len(base):
            paras = text.split("\n")
            rng.shuffle(paras)
            text = "\n".join(paras)
            a, b = rng.choice(swaps)
            text = text.replace(a, b)
        out.append(text)
    return out


def main() -> None:
    """Print throughput and the pathological-input timing."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    articles = synthesise(n)
    extract_quotes(articles[0])  # warm-up (regex compilation)
    t0 = time.perf_counter()
    c0 = time.process_time()
    quotes = 0
    for text in articles:
        quotes += len(extract_quotes(text))
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    size = sum(len(a) for a in articles) / 1e6
    print(
        f"{n} articles ({size:.1f} M chars), {quotes} quotes in {elapsed:.2f} s: {n / elapsed:,.0f} articles/s "
        f"({n / cpu:,.0f} per CPU-second: on a loaded machine, compare builds by this, in separate processes)"
    )
    unit = 'He said " and “ then ” but ‘ or ’ maybe \' and Smith said, “ x ” y " z, '
    big = unit * (200_000 // len(unit)) + "\n" + '"' * 5000
    t0 = time.perf_counter()
    extract_quotes(big)
    print(f"200 KB article with unpaired marks: {time.perf_counter() - t0:.3f} s")


if __name__ == "__main__":
    main()
