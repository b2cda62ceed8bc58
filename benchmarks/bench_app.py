"""The reader's speed: time to first paint with a warm index, and keystroke → filtered list.

    python benchmarks/bench_app.py                 # the sample corpus
    python benchmarks/bench_app.py --articles 20000  # generated articles (benchmarks/corpus_gen.py)
    python benchmarks/bench_app.py DIR [DIR ...]    # any folders of articles

The index is built first (not timed here; see bench_scale.py), then the app is
started headless several times on the warm index. *First paint* is from
creating the app to the document list filled on screen. *Keystroke* is from
pressing the last key of a query, after a pause, to the list showing that
query's results (what a user waits for once they stop typing). Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from byline.index.engine import Library
from byline.tui.app import BylineApp
from byline.tui.idle import workers_done
from byline.tui.messages import DocumentsReady

QUERIES = ("sanctions", "minister", "trade", "kremlin", "election")



class _TimedApp(BylineApp):
    """The reader, noting when each listing reaches the screen."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.listed_at: dict[str, float] = {}

    def on_documents_ready(self, message: DocumentsReady) -> None:
        super().on_documents_ready(message)
        if message.generation == self._generation and not message.refresh:
            self.listed_at[message.query] = time.perf_counter()


async def _first_paint(paths: list[str], index_dir: str) -> float:
    started = time.perf_counter()
    app = _TimedApp(paths, index_dir=index_dir, remember=False)
    async with app.run_test(size=(140, 40)) as pilot:
        while not (app.ready and app.documents.row_count):
            await pilot.pause(0.005)
        painted = time.perf_counter() - started
        await workers_done(app)
    return painted


async def _keystrokes(paths: list[str], index_dir: str, queries: tuple[str, ...]) -> list[float]:
    app = _TimedApp(paths, index_dir=index_dir, remember=False)
    out: list[float] = []
    async with app.run_test(size=(140, 40)) as pilot:
        while not (app.ready and app.documents.row_count):
            await pilot.pause(0.01)
        await workers_done(app)
        for query in queries:
            app.search_input.value = ""
            await pilot.pause(0.3)
            await workers_done(app)
            app.search_input.value = query[:-1]
            app.search_input.cursor_position = len(query) - 1
            await pilot.pause(0.3)  # a pause in typing, then the last key
            await workers_done(app)
            app.listed_at.pop(query, None)
            pressed = time.perf_counter()
            await pilot.press(query[-1])
            while query not in app.listed_at:
                await pilot.pause(0.002)
            out.append(app.listed_at[query] - pressed)
            await workers_done(app)
    return out


def _measure_here(paths: list[str], index_dir: str, runs: int) -> dict[str, float]:
    """The figures, measured in this process (which should do nothing else)."""
    os.environ.setdefault("BYLINE_DATA_DIR", tempfile.mkdtemp(prefix="byline-bench-data-"))
    paints = [asyncio.run(_first_paint(paths, index_dir)) for _ in range(runs)]
    keys = asyncio.run(_keystrokes(paths, index_dir, QUERIES * max(1, runs // len(QUERIES) + 1)))
    keys.sort()
    return {
        "first_paint_p50_s": statistics.median(paints),
        "first_paint_max_s": max(paints),
        "keystroke_p50_s": statistics.median(keys),
        "keystroke_p95_s": keys[min(len(keys) - 1, int(len(keys) * 0.95))],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure_app(paths: list[str], index_dir: str, runs: int = 5) -> dict[str, float]:
    """App timings on a warm index (seconds) and the app's peak memory (MB).

    The index is brought up to date first; the app is then measured in a fresh
    process, so its peak memory is the app's own.
    """
    with Library.open(paths, index_dir=index_dir) as lib:
        lib.update()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--measure", "--index", index_dir, "--runs", str(runs), *paths]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Print the app's figures for a corpus."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="folders of articles (default: the sample corpus)")
    parser.add_argument("--articles", type=int, help="generate this many articles instead")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--index", help="keep the index in this folder (reused when run again)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:  # the child process of measure_app
        print(json.dumps(_measure_here(args.paths, args.index, args.runs)))
        return 0
    with tempfile.TemporaryDirectory(prefix="byline-bench-") as tmp:
        os.environ["BYLINE_DATA_DIR"] = str(Path(tmp) / "data")
        if args.articles:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from corpus_gen import generate

            paths = [str(generate(args.articles, Path(tmp) / "corpus"))]
        else:
            from byline.index.engine import sample_corpus

            paths = args.paths or [str(sample_corpus())]
        index_dir = args.index or str(Path(tmp) / "index")
        started = time.perf_counter()
        with Library.open(paths, index_dir=index_dir) as lib:
            lib.update()
            count = len(lib)
        print(f"{count:,} articles indexed in {time.perf_counter() - started:.1f} s (not part of the figures)")
        figures = measure_app(paths, index_dir, runs=args.runs)
    print(f"first paint, index warm : p50 {figures['first_paint_p50_s'] * 1000:.0f} ms, max {figures['first_paint_max_s'] * 1000:.0f} ms")
    print(f"keystroke → list        : p50 {figures['keystroke_p50_s'] * 1000:.0f} ms, p95 {figures['keystroke_p95_s'] * 1000:.0f} ms")
    print(f"peak memory (app)       : {figures['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
