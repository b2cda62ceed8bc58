"""Byline at scale: every figure of issue 5 in one run, printed as a table and written as JSON.

    python benchmarks/bench_scale.py --articles 20000 [--corpus DIR] [--json out.json] [--seed S]

Generates ``--articles`` articles with :mod:`corpus_gen` (or uses the real folder
given with ``--corpus``), then measures, each phase in a child process of its
own so that its peak memory is its own:

* the full Byline build (``Library.update`` on an empty index): wall time,
  articles/s, peak RSS (the indexing process and its worker processes), index
  size on disk, and the RSS after each tenth of the build (memory flat?);
* the same files indexed by bare Whoosh with Byline's schema and analysers (one
  process, one writer, one commit: Whoosh at its simplest) and the ratio;
* reopening the unchanged corpus (``Library.open`` + ``update``);
* updating after 1 % of the files changed;
* search latency p50/p95 per kind of query, *including* the hit spans and
  snippets of the top 20 (what ``Library.search(q, limit=20)`` returns), and
  the list the app shows (every hit ranked, spans for the first 20);
* quote extraction articles/s (one process);
* the app's first paint and keystroke-to-list latency, from
  ``benchmarks/bench_app.py``'s ``measure_app(paths, index_dir)`` when that
  module exists ("n/a" otherwise).

Each figure is compared with the issue's target for 20k and 100k articles. The
machine is shared: figures vary from run to run by 10–20 %. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

MB = 1024 * 1024

# (key, label, unit, 20k target, 100k target, "min" = at least / "max" = at most)
TARGETS: list[tuple[str, str, str, float | None, float | None, str]] = [
    ("build_ratio", "full build, Byline/bare Whoosh time", "x", 1.3, 1.3, "max"),
    ("build_rate", "full build throughput", "articles/s", 250, 250, "min"),
    ("build_seconds", "full build wall time", "s", None, None, "max"),
    ("bare_rate", "bare Whoosh throughput (1 process)", "articles/s", None, None, "min"),
    ("bare_cpu_s", "bare Whoosh CPU time", "s", None, None, "max"),
    ("index_mb", "index size on disk", "MB", None, None, "max"),
    ("build_rss_mb", "peak memory indexing (all processes)", "MB", 600, 1024, "max"),
    ("build_rss_growth", "memory growth, 2nd half of the build", "%", None, None, "max"),
    ("reopen_s", "reopen unchanged", "s", 1.0, 3.0, "max"),
    ("update_s", "update after 1 % changed", "s", 5.0, 20.0, "max"),
    ("search_p95_ms", "search p95 with spans (all kinds)", "ms", 50, 150, "max"),
    ("quotes_rate", "quote extraction", "articles/s", 500, 500, "min"),
    ("app_first_paint_s", "app first paint (index warm)", "s", 1.0, 1.5, "max"),
    ("app_keystroke_ms", "keystroke → filtered list", "ms", 150, 300, "max"),
    ("app_rss_mb", "peak memory app", "MB", 300, 400, "max"),
]


# -- measuring in child processes -------------------------------------------------
def peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its largest waited-for child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def current_rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
    except OSError:
        return float("nan")


def children_rss_mb() -> float:
    """Current RSS of this process's children (worker processes), from /proc."""
    total = 0.0
    me = str(os.getpid())
    try:
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                if fields[1] == me:
                    with open(f"/proc/{pid}/statm") as fh:
                        total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
            except (OSError, IndexError):
                continue
    except OSError:
        pass
    return total


def run_phase(phase: str, timeout: float | None = None, **kwargs: Any) -> dict[str, Any]:
    """Run ``phase`` in a fresh Python process; returns what it printed as JSON."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(kwargs, fh)  # file lists are too long for a command line
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--args", fh.name]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"phase {phase} took more than {timeout:.0f} s"}
    finally:
        os.unlink(fh.name)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        return {"error": f"phase {phase} failed (exit {proc.returncode})"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def dir_size_mb(path: str) -> float:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / MB


# -- phases (each runs in its own process) ------------------------------------------
def phase_build(corpus: str, index: str) -> dict[str, Any]:
    from byline.index.engine import Library

    lib = Library.open([corpus], index_dir=index, rebuild=True)
    rss: list[tuple[int, float]] = []
    batches = 0
    total = 0

    def progress(p: Any) -> None:
        nonlocal batches, total
        total = p.total
        if p.phase == "commit":
            batches += 1
            rss.append((p.done, current_rss_mb() + children_rss_mb()))

    t0 = time.perf_counter()
    report = lib.update(progress=progress)
    elapsed = time.perf_counter() - t0
    lib.close()
    own, kids = peak_rss_mb()
    # RSS when half the articles were in, and at the end: growth in the second half
    half = next((m for d, m in rss if d >= total / 2), None)
    end = rss[-1][1] if rss else None
    return {
        "articles": report.added,
        "skipped": len(report.skipped),
        "build_seconds": elapsed,
        "build_rate": report.added / elapsed if elapsed else 0.0,
        "batches": batches,
        "build_rss_main_mb": own,
        "build_rss_worker_mb": kids,
        "build_rss_mb": max(m for _, m in rss) if rss else own,
        "build_rss_curve": [(d, round(m)) for d, m in rss[:: max(1, len(rss) // 10)]] + ([rss[-1]] if rss else []),
        "build_rss_growth": (end - half) / half * 100 if half and end else None,
        "index_mb": dir_size_mb(index),
    }


def phase_bare(corpus: str, index: str, files: list[str]) -> dict[str, Any]:
    """Bare Whoosh: Byline's schema and analysers, one process, one writer, one commit."""
    from whoosh import index as wix

    from byline.index.backend import make_schema

    shutil.rmtree(index, ignore_errors=True)
    os.makedirs(index)
    t0 = time.perf_counter()
    ix = wix.create_in(index, make_schema())
    w = ix.writer(limitmb=128)
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        title, _, _ = text.lstrip().partition("\n")
        w.add_document(key=path, path=path, title=title, body=text, exact=text)
    w.commit()
    elapsed = time.perf_counter() - t0
    own, _ = peak_rss_mb()
    return {
        "bare_seconds": elapsed,
        "bare_rate": len(files) / elapsed,
        "bare_cpu_s": cpu_seconds(),
        "bare_rss_mb": own,
        "bare_mb": dir_size_mb(index),
    }


def phase_reopen(corpus: str, index: str) -> dict[str, Any]:
    from byline.index.engine import Library

    t0 = time.perf_counter()
    lib = Library.open([corpus], index_dir=index)
    report = lib.update()
    elapsed = time.perf_counter() - t0
    n = len(lib)
    lib.close()
    return {"reopen_s": elapsed, "reopen_changed": report.changed, "reopen_docs": n}


def phase_update(corpus: str, index: str, changed: list[str]) -> dict[str, Any]:
    from byline.index.engine import Library

    lib = Library.open([corpus], index_dir=index)
    t0 = time.perf_counter()
    report = lib.update()
    elapsed = time.perf_counter() - t0
    lib.close()
    return {"update_s": elapsed, "update_files": len(changed), "update_written": report.updated + report.added}


WORD = re.compile(r"[A-Za-z]{2,}")


def make_queries(files: list[str], seed: int = 3) -> dict[str, list[str]]:
    """Queries of every kind, made from a sample of the corpus itself (works for real corpora too)."""
    from byline.index.sources import load_article
    from byline.index.quotes import extract_quotes

    rng = random.Random(seed)
    sample = rng.sample(files, min(300, len(files)))
    df: Counter[str] = Counter()
    texts: list[str] = []
    speakers: Counter[str] = Counter()
    dates: list[str] = []
    for path in sample:
        try:
            art = load_article(path)
        except Exception:
            continue
        body = art.text[art.meta.body_start :]
        texts.append(body)
        df.update({w.lower() for w in WORD.findall(body)})
        if art.meta.date:
            dates.append(art.meta.date)
        if len(speakers) < 200:
            speakers.update(q.speaker for q in extract_quotes(art.text, art.meta.body_start) if q.speaker)
    ranked = [w for w, _ in df.most_common() if len(w) >= 3]
    singles = [ranked[r] for r in (10, 30, 60, 100, 200, 400, 800, 1500, 3000, 6000) if r < len(ranked)]
    ands = [f"{a} {b}" for a, b in zip(singles[::2], singles[1::2])]
    phrases = []
    while len(phrases) < 8 and texts:
        words = WORD.findall(rng.choice(texts))
        if len(words) > 5:
            i = rng.randrange(len(words) - 3)
            phrases.append('"' + " ".join(words[i : i + rng.choice((2, 2, 3))]) + '"')
    fuzzy = []
    for w in [w for w in ranked[50:3000] if len(w) >= 6][:: 97][:6]:
        i = rng.randrange(1, len(w) - 1)
        fuzzy.append(w[:i] + ("e" if w[i] != "e" else "a") + w[i + 1 :] + "~")
    spk = [s for s, _ in speakers.most_common(12)]
    speaker_q = [f"speaker:{s.split()[-1]}" for s in spk[:5]] + [f'speaker:"{s}"' for s in spk[5:8]]
    dates.sort()
    date_q = []
    for d in rng.sample(dates, min(4, len(dates))):
        date_q.append(f"date:[{d[:7]}-01 TO {d[:7]}-28]")
    if dates:
        date_q += [f"date:{dates[len(dates) // 2][:4]}", f"date:>{dates[-len(dates) // 10]}", f"date:{dates[0][:7]}"]
    return {"word": singles, "and": ands, "phrase": phrases, "fuzzy": fuzzy, "speaker": speaker_q, "date": date_q}


def phase_search(corpus: str, index: str, files: list[str], repeats: int = 3) -> dict[str, Any]:
    from byline.index.engine import Library

    queries = make_queries(files)
    lib = Library.open([corpus], index_dir=index)
    out: dict[str, Any] = {"queries": queries}
    every: list[float] = []
    try:
        import inspect

        has_spans_for = "spans_for" in inspect.signature(lib.search).parameters
    except (TypeError, ValueError):
        has_spans_for = False
    app_times: list[float] = []
    for kind, qs in queries.items():
        times: list[float] = []
        totals: list[int] = []
        for q in qs:
            for _ in range(repeats):
                t0 = time.perf_counter()
                res = lib.search(q, limit=20)
                times.append((time.perf_counter() - t0) * 1000)
            totals.append(res.total)
            if has_spans_for:
                t0 = time.perf_counter()
                lib.search(q, limit=None, spans_for=20)  # type: ignore[call-arg]
                app_times.append((time.perf_counter() - t0) * 1000)
        every += times
        out[f"search_{kind}_p50_ms"] = statistics.median(times) if times else None
        out[f"search_{kind}_p95_ms"] = _p95(times)
        out[f"search_{kind}_hits_median"] = statistics.median(totals) if totals else None
    out["search_p50_ms"] = statistics.median(every) if every else None
    out["search_p95_ms"] = _p95(every)
    if app_times:
        out["search_all_ranked_p50_ms"] = statistics.median(app_times)
        out["search_all_ranked_p95_ms"] = _p95(app_times)
    lib.close()
    return out


def _p95(values: list[float]) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]


def phase_quotes(files: list[str], limit: int = 3000) -> dict[str, Any]:
    from byline.index.sources import load_article
    from byline.index.quotes import extract_quotes

    rng = random.Random(5)
    sample = rng.sample(files, min(limit, len(files)))
    arts = []
    for p in sample:
        try:
            arts.append(load_article(p))
        except Exception:
            continue
    extract_quotes(arts[0].text, arts[0].meta.body_start)
    n = 0
    t0 = time.perf_counter()
    for a in arts:
        n += len(extract_quotes(a.text, a.meta.body_start))
    elapsed = time.perf_counter() - t0
    return {"quotes_rate": len(arts) / elapsed, "quotes_per_article": n / len(arts)}


def phase_app(corpus: str, index: str) -> dict[str, Any]:
    try:
        import bench_app  # type: ignore[import-not-found]
    except ImportError:
        return {"app": "n/a"}
    figures = bench_app.measure_app([corpus], index)
    own, kids = peak_rss_mb()
    out: dict[str, Any] = {f"app_{k}": v for k, v in figures.items()}
    # first paint: the median run; keystroke: the 95th percentile (or whatever the module gives)
    for k, v in sorted(figures.items(), key=lambda kv: ("p50" in kv[0] or "p95" in kv[0], kv[0])):
        lk = k.lower()
        if "paint" in lk and "p95" not in lk:
            out["app_first_paint_s"] = v if "ms" not in lk else v / 1000
        elif "key" in lk and "p50" not in lk:
            out["app_keystroke_ms"] = v * 1000 if lk.endswith("_s") else v
        elif "rss" in lk or "mem" in lk:
            out["app_rss_mb"] = v
    out.setdefault("app_rss_mb", max(own, kids))
    return out


PHASES = {
    "build": phase_build,
    "bare": phase_bare,
    "reopen": phase_reopen,
    "update": phase_update,
    "search": phase_search,
    "quotes": phase_quotes,
    "app": phase_app,
}


# -- the whole run --------------------------------------------------------------
def article_files(corpus: str) -> list[str]:
    from byline.index.sources import scan_corpus

    return [f.path for f in scan_corpus([corpus]).files]


def touch_one_percent(files: list[str], seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    chosen = rng.sample(files, max(1, len(files) // 100))
    for path in chosen:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("\nA quokka was seen near the border, officials said.\n")
    return chosen


def fmt(value: Any, unit: str) -> str:
    if value is None or isinstance(value, str):
        return "n/a" if value in (None, "n/a") else str(value)
    if unit == "":
        return f"{value:,.0f}"
    if unit in ("ms", "MB", "articles/s", "%"):
        return f"{value:,.0f} {unit}"
    if unit == "x":
        return f"{value:.2f}×"
    return f"{value:.2f} {unit}"


def verdict(value: Any, target: float | None, sense: str) -> str:
    if target is None:
        return ""
    if not isinstance(value, (int, float)):
        return "n/a"
    ok = value <= target if sense == "max" else value >= target
    return "met" if ok else "MISSED"


def table(results: dict[str, Any]) -> str:
    n = results.get("articles") or 0
    col = 0 if n <= 50_000 else 1
    lines = [
        f"| what | measured ({n:,} articles) | target 20k | target 100k | {'20k' if col == 0 else '100k'} |",
        "|---|---|---|---|---|",
    ]
    for key, label, unit, t20, t100, sense in TARGETS:
        v = results.get(key)
        tgt = (t20, t100)[col]
        sym = "≤" if sense == "max" else "≥"
        ts = [f"{sym} {fmt(t, unit)}" if t is not None else "" for t in (t20, t100)]
        lines.append(f"| {label} | {fmt(v, unit)} | {ts[0]} | {ts[1]} | {verdict(v, tgt, sense)} |")
    lines.append("")
    lines.append("| search, top 20 with spans | p50 | p95 | median matches |")
    lines.append("|---|---|---|---|")
    for kind in ("word", "and", "phrase", "fuzzy", "speaker", "date"):
        p50, p95 = results.get(f"search_{kind}_p50_ms"), results.get(f"search_{kind}_p95_ms")
        lines.append(f"| {kind} | {fmt(p50, 'ms')} | {fmt(p95, 'ms')} | {fmt(results.get(f'search_{kind}_hits_median'), '')} |")
    if results.get("search_all_ranked_p95_ms") is not None:
        lines.append(
            f"| every hit ranked, spans for 20 (`spans_for=20`) | {fmt(results['search_all_ranked_p50_ms'], 'ms')} "
            f"| {fmt(results['search_all_ranked_p95_ms'], 'ms')} | |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--corpus", help="a real folder of articles (default: generate --articles of them)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="write the figures here too")
    parser.add_argument("--workdir", help="keep the corpus and indexes here (default: a temporary folder)")
    parser.add_argument("--skip-bare", action="store_true", help="do not index with bare Whoosh")
    parser.add_argument("--skip-build", action="store_true", help="use the index already in --workdir")
    parser.add_argument("--skip-app", action="store_true", help="do not measure the app")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--args", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](**json.loads(Path(args.args).read_text()))))
        return

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="byline-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine_cpus": os.cpu_count(), "python": sys.version.split()[0]}
    try:
        if args.corpus:
            corpus = os.path.realpath(args.corpus)
            results["corpus"] = corpus
        else:
            from corpus_gen import generate

            corpus = str(work / "corpus")
            if not (Path(corpus) / ".complete").exists() or json.loads((Path(corpus) / ".complete").read_text()) != [
                args.articles,
                args.seed,
            ]:
                shutil.rmtree(corpus, ignore_errors=True)
                t0 = time.perf_counter()
                generate(args.articles, corpus, seed=args.seed)
                (Path(corpus) / ".complete").write_text(json.dumps([args.articles, args.seed]))
                results["generate_s"] = time.perf_counter() - t0
            results["corpus"] = f"generated, seed {args.seed}"
        files = article_files(corpus)
        results["corpus_mb"] = sum(os.path.getsize(f) for f in files) / MB
        results["articles"] = len(files)
        index = str(work / "index")
        bare = str(work / "bare")
        say = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
        say(f"corpus: {len(files):,} articles, {results['corpus_mb']:.0f} MB; work folder {work}")
        if not args.skip_build:
            say("building…")
            results.update(run_phase("build", corpus=corpus, index=index))
            say(f"  {results.get('build_seconds', 0):.0f} s")
        if not args.skip_bare:
            say("bare Whoosh…")
            results.update(run_phase("bare", corpus=corpus, index=bare, files=files))
            shutil.rmtree(bare, ignore_errors=True)
            if results.get("bare_seconds") and results.get("build_seconds"):
                results["build_ratio"] = results["build_seconds"] / results["bare_seconds"]
        say("reopen, search, quotes…")
        results.update(run_phase("reopen", corpus=corpus, index=index))
        results.update(run_phase("search", corpus=corpus, index=index, files=files))
        results.update(run_phase("quotes", files=files))
        say("update after 1 % changed…")
        changed = touch_one_percent(files) if not args.corpus else []
        if changed:
            (Path(corpus) / ".complete").unlink(missing_ok=True)  # the files are not as generated any more
        if args.corpus:
            results["update_s"] = "n/a (real corpus: not modified)"
        else:
            results.update(run_phase("update", corpus=corpus, index=index, changed=changed))
        if not args.skip_app:
            say("app…")
            results.update(run_phase("app", timeout=900, corpus=corpus, index=index))
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    print(table(results))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
