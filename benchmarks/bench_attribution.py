"""Measure quote attribution on an annotated set of real news: speaker accuracy, precision, recall, speed.

Run: ``python benchmarks/bench_attribution.py [PATH] [--jsonl OUT] [--min-speaker X] [--min-precision X]
[--min-recall X]``.

``PATH`` (default ``../shared/quotes-dev``, beside the repository or one of its parent folders) is a
folder holding a scorer ``score.py`` and one or more annotated sets, each a folder with ``text/*.txt``
and ``gold.jsonl`` (or such a set folder itself, with ``score.py`` one level up). Every article is read
and its quotations extracted by the same code ``byline quotes --json`` runs (``load_article``, then
``extract_quotes``, then the corpus-wide name merge of :func:`byline.index.quotes.canonical_names`),
written as the same JSON lines, and scored by the set's own ``score.py``. Prints, per set, the three
figures the scorer gives and the extraction speed (articles per second, quote extraction only).

Exit status 1 when a figure is under its ``--min-*`` floor (or a set cannot be scored), else 0.
The annotated data is never copied into the repository: it is read where it stands.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from byline.index.sources import load_article
from byline.index.quotes import canonical_names, extract_quotes

ROOT = Path(__file__).resolve().parents[1]


def default_path() -> Path:
    """``../shared/quotes-dev`` beside the repository (a git worktree kept one level deeper finds it
    beside its parent folders): the first ancestor holding ``shared/quotes-dev``."""
    for parent in ROOT.parents:
        candidate = parent / "shared" / "quotes-dev"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "quotes-dev"

_LINE_RE = re.compile(
    r"speaker (?P<speaker>[\d.]+) .*?attributed precision (?P<precision>[\d.]+) .*?recall (?P<recall>[\d.]+)"
)


@dataclass
class Figures:
    """What one annotated set gave."""

    name: str
    speaker: float
    precision: float
    recall: float
    articles: int
    seconds: float
    line: str

    @property
    def rate(self) -> float:
        """Articles per second of quote extraction."""
        return self.articles / self.seconds if self.seconds > 0 else float("inf")


def find_sets(path: Path) -> list[tuple[Path, Path]]:
    """``(set folder, score.py)`` for every annotated set under ``path`` (or ``path`` itself)."""
    if (path / "gold.jsonl").is_file() and (path / "text").is_dir():
        return [(path, path.parent / "score.py")]
    return [
        (d, path / "score.py")
        for d in sorted(p for p in path.iterdir() if p.is_dir())
        if (d / "gold.jsonl").is_file() and (d / "text").is_dir()
    ]


def quote_lines(folder: Path) -> tuple[list[str], int, float]:
    """JSON lines as ``byline quotes --json`` prints them, the number of articles, and the
    seconds spent in quote extraction."""
    records = []
    spent = 0.0
    files = sorted(folder.glob("*.txt"))
    for path in files:
        article = load_article(path)
        t0 = time.perf_counter()
        quotes = extract_quotes(article.text, article.meta.body_start)
        spent += time.perf_counter() - t0
        records.append((article, quotes))
    canon = canonical_names(q.speaker for _, qs in records for q in qs if q.speaker)
    lines = []
    for article, quotes in records:
        for q in quotes:
            speaker = canon.get(q.speaker, q.speaker) if q.speaker else None
            lines.append(
                json.dumps(
                    {
                        "path": article.path,
                        "title": article.meta.title,
                        "start": q.start,
                        "end": q.end,
                        "text": q.text,
                        "speaker": speaker,
                        "speaker_kind": q.speaker_kind,
                        "role": q.role,
                        "cue": q.cue,
                        "partial": q.partial,
                        "kind": q.kind,
                    },
                    ensure_ascii=False,
                )
            )
    return lines, len(files), spent


def measure(folder: Path, scorer: Path, jsonl: Path | None = None) -> Figures:
    """Extract and score one annotated set."""
    lines, n, spent = quote_lines(folder / "text")
    payload = "\n".join(lines) + "\n"
    if jsonl is not None:
        jsonl.write_text(payload, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(scorer), str(folder / "gold.jsonl")],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    line = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()
    m = _LINE_RE.search(line)
    if m is None:
        raise RuntimeError(f"{folder.name}: the scorer said {line!r}")
    return Figures(folder.name, float(m["speaker"]), float(m["precision"]), float(m["recall"]), n, spent, line)


def main(argv: list[str] | None = None) -> int:
    """Score every set under PATH and print the figures; non-zero exit under a floor."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=None)
    ap.add_argument("--jsonl", type=Path, help="also write the quotes as JSON lines here (one set only)")
    ap.add_argument("--min-speaker", type=float, default=0.0)
    ap.add_argument("--min-precision", type=float, default=0.0)
    ap.add_argument("--min-recall", type=float, default=0.0)
    args = ap.parse_args(argv)
    path = (args.path or default_path()).resolve()
    if not path.is_dir():
        print(f"no annotated set at {path}", file=sys.stderr)
        return 1
    sets = find_sets(path)
    if not sets:
        print(f"no annotated set (text/ and gold.jsonl) under {path}", file=sys.stderr)
        return 1
    ok = True
    for folder, scorer in sets:
        try:
            fig = measure(folder, scorer, args.jsonl)
        except (OSError, RuntimeError) as exc:
            print(f"{folder.name}: {exc}", file=sys.stderr)
            ok = False
            continue
        print(
            f"{fig.name}: speaker accuracy {fig.speaker:.3f}, attributed precision {fig.precision:.3f}, "
            f"recall {fig.recall:.3f}; {fig.articles} articles in {fig.seconds:.2f} s of extraction "
            f"({fig.rate:,.0f} articles/s)"
        )
        print(f"  scorer: {fig.line}")
        if fig.speaker < args.min_speaker or fig.precision < args.min_precision or fig.recall < args.min_recall:
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
