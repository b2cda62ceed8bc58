"""The reader's speed: time to first paint with a warm index, and keystroke → filtered list.

    python benchmarks/bench_app.py                 # the sample corpus
    python benchmarks/bench_app.py --articles 20000  # generated articles (benchmarks/corpus_gen.py)
    python benchmarks/bench_app.py DIR [DIR ...]    # any folders of articles

The index is built first (not timed here; see bench_scale.py), then the app is
started headless several times on the warm index. *First paint* is from
creating the app to the document list filled on screen. *Keystroke* is from
pressing the last key of a query, after a pause, to the screen receiving that
query's results (what a user waits for once they stop typing); *drawn* adds
the screen refresh that shows them. *Query typed at launch* is a keystroke
typed at once after the first paint, while the app still reads the first
article and checks the files. Figures are printed, never asserted.
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

from byline.index.library import Library
from byline.tui.app import BylineApp
from byline.tui.messages import ArticlesListed

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "tui"))
from idle import workers_done  # noqa: E402  (test helpers, kept out of the package)

QUERIES = ("sanctions", "minister", "trade", "kremlin", "election")


class _Timer:
    """Notes when each listing reaches the screen's handler, and when the screen has been refreshed with it."""

    def __init__(self, app: BylineApp) -> None:
        self.app = app
        self.listed_at: dict[str, float] = {}
        self.shown_at: dict[str, float] = {}

    def hook(self, message: object) -> None:
        if isinstance(message, ArticlesListed) and not message.refresh and not message.more:
            query = message.query
            self.listed_at[query] = time.perf_counter()
            self.app.call_after_refresh(lambda: self.shown_at.__setitem__(query, time.perf_counter()))


def _listed(app: BylineApp) -> bool:
    return not app.main._first_listing and app.main.documents.row_count > 0


async def _first_paint(paths: list[str], index_dir: str, early: str | None = None) -> tuple[float, float | None]:
    """Seconds to the first listing on screen; with ``early``, also the seconds from the last key of that
    query, typed at once after the first paint (while the app reads the first article and checks the files),
    to its results reaching the screen's handler."""
    started = time.perf_counter()
    app = BylineApp(paths, index_dir=index_dir, remember=False)
    timer = _Timer(app)
    waited = None
    async with app.run_test(size=(140, 40), message_hook=timer.hook) as pilot:
        while not _listed(app):
            await pilot.pause(0.005)
        painted = time.perf_counter() - started
        if early:
            field = app.main.search_bar.input
            field.value = early[:-1]
            field.cursor_position = len(early) - 1
            await pilot.pause(0.3)  # a pause in typing, then the last key (not waiting for the app's work)
            timer.listed_at.pop(early, None)
            pressed = time.perf_counter()
            await pilot.press(early[-1])
            while early not in timer.listed_at:
                await pilot.pause(0.002)
            waited = timer.listed_at[early] - pressed
        await workers_done(app)
    return painted, waited


async def _keystrokes(paths: list[str], index_dir: str, queries: tuple[str, ...]) -> tuple[list[float], list[float]]:
    app = BylineApp(paths, index_dir=index_dir, remember=False)
    timer = _Timer(app)
    out: list[float] = []
    shown: list[float] = []
    async with app.run_test(size=(140, 40), message_hook=timer.hook) as pilot:
        while not _listed(app):
            await pilot.pause(0.01)
        await workers_done(app)
        field = app.main.search_bar.input
        for query in queries:
            field.value = ""
            await pilot.pause(0.3)
            await workers_done(app)
            field.value = query[:-1]
            field.cursor_position = len(query) - 1
            await pilot.pause(0.3)  # a pause in typing, then the last key
            await workers_done(app)
            timer.listed_at.pop(query, None)
            timer.shown_at.pop(query, None)
            pressed = time.perf_counter()
            await pilot.press(query[-1])
            while query not in timer.shown_at:
                await pilot.pause(0.002)
            out.append(timer.listed_at[query] - pressed)
            shown.append(timer.shown_at[query] - pressed)
            await workers_done(app)
    return out, shown


def _measure_here(paths: list[str], index_dir: str, runs: int) -> dict[str, float]:
    """The figures, measured in this process (which should do nothing else)."""
    os.environ.setdefault("BYLINE_DATA_DIR", tempfile.mkdtemp(prefix="byline-bench-data-"))
    paints = [asyncio.run(_first_paint(paths, index_dir))[0] for _ in range(runs)]
    early = [asyncio.run(_first_paint(paths, index_dir, QUERIES[i % len(QUERIES)]))[1] or 0.0 for i in range(runs)]
    keys, shown = asyncio.run(_keystrokes(paths, index_dir, QUERIES * max(1, runs // len(QUERIES) + 1)))
    keys.sort()
    shown.sort()
    return {
        "first_paint_p50_s": statistics.median(paints),
        "first_paint_max_s": max(paints),
        "early_query_p50_s": statistics.median(early),
        "early_query_max_s": max(early),
        "keystroke_p50_s": statistics.median(keys),
        "keystroke_p95_s": keys[min(len(keys) - 1, int(len(keys) * 0.95))],
        "list_drawn_p50_s": statistics.median(shown),
        "list_drawn_p95_s": shown[min(len(shown) - 1, int(len(shown) * 0.95))],
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
            from byline.index.library import sample_corpus

            paths = args.paths or [str(sample_corpus())]
        index_dir = args.index or str(Path(tmp) / "index")
        started = time.perf_counter()
        with Library.open(paths, index_dir=index_dir) as lib:
            lib.update()
            count = len(lib)
        print(f"{count:,} articles indexed in {time.perf_counter() - started:.1f} s (not part of the figures)")
        figures = measure_app(paths, index_dir, runs=args.runs)
    print(f"first paint, index warm : p50 {figures['first_paint_p50_s'] * 1000:.0f} ms, max {figures['first_paint_max_s'] * 1000:.0f} ms")
    print(f"query typed at launch   : p50 {figures['early_query_p50_s'] * 1000:.0f} ms, max {figures['early_query_max_s'] * 1000:.0f} ms")
    print(f"keystroke → list        : p50 {figures['keystroke_p50_s'] * 1000:.0f} ms, p95 {figures['keystroke_p95_s'] * 1000:.0f} ms")
    print(f"keystroke → list drawn  : p50 {figures['list_drawn_p50_s'] * 1000:.0f} ms, p95 {figures['list_drawn_p95_s'] * 1000:.0f} ms")
    print(f"peak memory (app)       : {figures['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
