"""Byline at scale: every row of issue 15's table (and issue 5's) for any folder, in one run.

    python benchmarks/bench_scale.py --corpus DIR [--json out.json]        # any real folder
    python benchmarks/bench_scale.py --articles 20000 [--seed S]             # generated (corpus_gen.py)

Each phase runs in a child process of its own, so its peak memory and CPU time
are its own:

* the full Byline build (``Library.update`` on an empty index): wall time, CPU
  time of every process (the main one and its workers), peak RSS, index size;
* bare Whoosh on the same files, in the same run: one stemmed ``body`` field
  (Whoosh's ``StemmingAnalyzer``), the path stored, one process, one writer, one
  commit; the CPU and size ratios Byline / bare Whoosh;
* the command line as a user runs it, against the tools they would use instead:
  ``byline --version`` against ``python -c pass``, a warm ``byline search WORD``
  against ``grep -ril WORD`` on the same folder, and ``byline quotes --json``;
* reopening the unchanged corpus, and (generated corpora only) an update after
  1 % of the files changed;
* search latency through the API per kind of query, *including* the spans and
  snippets of the top 20, with the worst single query, and the common-word
  phrases and ANDs issue 15 names (``"in the"``, ``the AND said``);
* quote extraction articles/s (one process);
* the app rows, from ``benchmarks/bench_app.py``'s ``measure_app`` (``--skip-app``
  leaves them out).

Each figure is compared with issue 15's target for the nearer of its two corpus
sizes (7,224 and 101,136 articles) or, where issue 15 has none, issue 5's. The
machine is shared: figures vary from run to run by 10–20 %, wall-clock figures
most; CPU-seconds vary less. Nothing here is a test.
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

SMALL, LARGE = 7_224, 101_136
"""The corpus sizes of issue 15's table: targets are taken for the nearer one."""

# (key, label, unit, small target, large target, "min" = at least / "max" = at most, compared with)
TARGETS: list[tuple[str, str, str, float | None, float | None, str, str | None]] = [
    ("build_seconds", "full build, wall", "s", None, 250, "max", "bare_seconds"),
    ("build_cpu_s", "full build, CPU (all processes)", "s", None, None, "max", "bare_cpu_s"),
    ("build_cpu_ratio", "full build CPU, Byline / bare Whoosh", "x", 1.5, 1.5, "max", None),
    ("build_rate", "full build throughput", "articles/s", None, None, "min", "bare_rate"),
    ("index_mb", "index size", "MB", None, None, "max", "bare_mb"),
    ("index_ratio", "index size, Byline / bare Whoosh", "x", 1.8, 1.8, "max", None),
    ("build_rss_mb", "peak memory indexing (all processes)", "MB", 600, 1024, "max", None),
    ("cli_version_s", "`byline --version`", "s", 0.05, 0.05, "max", "python_pass_s"),
    ("cli_search_s", "warm `byline search WORD`", "s", 0.12, 0.35, "max", "grep_s"),
    ("cli_quotes_json_s", "`byline quotes --json`", "s", 1.0, None, "max", None),
    ("reopen_s", "reopen unchanged (API)", "s", 1.0, 3.0, "max", None),
    ("update_s", "update after 1 % changed", "s", 5.0, 20.0, "max", None),
    ("search_p50_ms", "search API p50, top 20 with spans", "ms", None, None, "max", None),
    ("search_p95_ms", "search API p95, top 20 with spans", "ms", 150, 150, "max", None),
    ("search_worst_ms", "search API, worst query", "ms", 500, 500, "max", None),
    ("quotes_rate", "quote extraction (1 process)", "articles/s", 500, 500, "min", None),
    ("app_first_paint_s", "app first paint, warm", "s", 1.0, 1.0, "max", None),
    ("app_early_query_s", "app: a query typed just after launch", "s", 0.3, 0.3, "max", None),
    ("app_keystroke_ms", "app keystroke → list p95", "ms", 150, 150, "max", None),
    ("app_rss_mb", "peak memory app", "MB", 300, 400, "max", None),
]
COMMON = ['"in the"', "the AND said", '"of the"', "said AND the AND in"]
"""Phrases and ANDs of the most common words (issue 15: Whoosh checks positions for every match)."""


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
    from byline.index.library import Library

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

    t0, c0 = time.perf_counter(), cpu_seconds()
    report = lib.update(progress=progress)
    elapsed = time.perf_counter() - t0
    import multiprocessing

    for child in multiprocessing.active_children():  # reap the workers, so that their CPU time counts
        child.join()
    cpu = cpu_seconds() - c0
    lib.close()
    own, kids = peak_rss_mb()
    # RSS when half the articles were in, and at the end: growth in the second half
    half = next((m for d, m in rss if d >= total / 2), None)
    end = rss[-1][1] if rss else None
    return {
        "articles": report.added,
        "skipped": len(report.skipped),
        "build_seconds": elapsed,
        "build_cpu_s": cpu,
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
    """Bare Whoosh: one stemmed body field (Whoosh's own StemmingAnalyzer), the path stored; one process, one commit."""
    from whoosh import analysis, fields
    from whoosh import index as wix

    shutil.rmtree(index, ignore_errors=True)
    os.makedirs(index)
    t0, c0 = time.perf_counter(), cpu_seconds()
    schema = fields.Schema(path=fields.ID(stored=True, unique=True), body=fields.TEXT(analyzer=analysis.StemmingAnalyzer()))
    ix = wix.create_in(index, schema)
    w = ix.writer(limitmb=128)
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        w.add_document(path=path, body=text)
    w.commit()
    elapsed = time.perf_counter() - t0
    own, _ = peak_rss_mb()
    return {
        "bare_seconds": elapsed,
        "bare_rate": len(files) / elapsed,
        "bare_cpu_s": cpu_seconds() - c0,
        "bare_rss_mb": own,
        "bare_mb": dir_size_mb(index),
    }


def phase_reopen(corpus: str, index: str) -> dict[str, Any]:
    from byline.index.library import Library

    t0 = time.perf_counter()
    lib = Library.open([corpus], index_dir=index)
    report = lib.update()
    elapsed = time.perf_counter() - t0
    n = len(lib)
    lib.close()
    return {"reopen_s": elapsed, "reopen_changed": report.changed, "reopen_docs": n}


def phase_update(corpus: str, index: str, changed: list[str]) -> dict[str, Any]:
    from byline.index.library import Library

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
    return {
        "word": singles,
        "and": ands,
        "phrase": phrases,
        "fuzzy": fuzzy,
        "speaker": speaker_q,
        "date": date_q,
        "common": list(COMMON),
    }


def phase_search(corpus: str, index: str, files: list[str], repeats: int = 3) -> dict[str, Any]:
    from byline.index.library import Library

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
    worst: dict[str, float] = {}
    lib.search("warm up", limit=20)
    for kind, qs in queries.items():
        times: list[float] = []
        totals: list[int] = []
        for q in qs:
            for _ in range(repeats):
                t0 = time.perf_counter()
                res = lib.search(q, limit=20)
                times.append((time.perf_counter() - t0) * 1000)
            worst[q] = min(times[-repeats:])  # the query's own time, not the machine's hiccups
            totals.append(res.total)
            if has_spans_for:
                t0 = time.perf_counter()
                lib.search(q, limit=None, spans_for=20)  # type: ignore[call-arg]
                app_times.append((time.perf_counter() - t0) * 1000)
        every += times
        out[f"search_{kind}_p50_ms"] = statistics.median(times) if times else None
        out[f"search_{kind}_p95_ms"] = _p95(times)
        out[f"search_{kind}_hits_median"] = statistics.median(totals) if totals else None
    out["search_common"] = {q: worst.get(q) for q in COMMON}
    if worst:
        name = max(worst, key=lambda q: worst[q])
        out["search_worst_ms"], out["search_worst_query"] = worst[name], name
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
        if "early" in lk or "launch" in lk:
            if "max" in lk:  # "at any time": the slowest of the runs
                out["app_early_query_s"] = v / 1000 if lk.endswith("_ms") else v
        elif "paint" in lk and "p95" not in lk:
            out["app_first_paint_s"] = v if "ms" not in lk else v / 1000
        elif "key" in lk and "p50" not in lk:
            out["app_keystroke_ms"] = v * 1000 if lk.endswith("_s") else v
        elif "rss" in lk or "mem" in lk:
            out["app_rss_mb"] = v
    out.setdefault("app_rss_mb", max(own, kids))
    return out


def _timed(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    """The median wall time of ``runs`` runs of ``cmd`` (output thrown away), after one run to warm up (``runs=0``: one cold run)."""
    times = []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        if i or not runs:
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def measure_cli(corpus: str, index: str, word: str, runs: int = 5, articles: int = 0) -> dict[str, Any]:
    """The command line as a user runs it, each against what they would run instead.

    ``quotes --json`` lists every quotation of the corpus: past 50,000 articles it is timed once.
    """
    exe = Path(sys.executable).parent / "byline"
    byline = [str(exe)] if exe.exists() else [sys.executable, "-m", "byline"]
    env = dict(os.environ, BYLINE_DATA_DIR=tempfile.mkdtemp(prefix="byline-bench-data-"))
    out: dict[str, Any] = {"cli_word": word}
    out["python_pass_s"] = _timed([sys.executable, "-c", "pass"], runs)
    out["cli_version_s"] = _timed([*byline, "--version"], runs, env)
    out["cli_search_s"] = _timed([*byline, "search", word, corpus, "--index", index], runs, env)
    out["cli_search_json_s"] = _timed([*byline, "search", word, corpus, "--index", index, "--json"], runs, env)
    if shutil.which("grep"):
        out["grep_s"] = _timed(["grep", "-ril", word, corpus], runs)
    quote_runs = max(1, runs // 2) if articles <= 50_000 else 1  # after one run that makes the kept lines
    out["cli_quotes_json_s"] = _timed([*byline, "quotes", corpus, "--index", index, "--json"], quote_runs, env)
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


SIDE_LABELS = {
    "bare_seconds": "bare Whoosh",
    "bare_cpu_s": "bare Whoosh",
    "bare_rate": "bare Whoosh",
    "bare_mb": "bare Whoosh",
    "python_pass_s": "`python -c pass`",
    "grep_s": "`grep -ril`",
}


def table(results: dict[str, Any]) -> str:
    """Issue 15's table: measured, side by side, target for the nearer corpus size, verdict."""
    n = results.get("articles") or 0
    large = abs(n - LARGE) < abs(n - SMALL)
    lines = [
        f"| what ({n:,} articles) | Byline | side by side | target ({LARGE if large else SMALL:,}) | |",
        "|---|---|---|---|---|",
    ]
    for key, label, unit, small, big, sense, side in TARGETS:
        v = results.get(key)
        tgt = big if large else small
        sym = "≤" if sense == "max" else "≥"
        other = ""
        if side and results.get(side) is not None:
            other = f"{SIDE_LABELS.get(side, side)} {fmt(results[side], unit)}"
        lines.append(f"| {label} | {fmt(v, unit)} | {other} | {f'{sym} {fmt(tgt, unit)}' if tgt is not None else ''} | {verdict(v, tgt, sense)} |")
    if results.get("search_worst_query"):
        lines.append(f"\nworst query: `{results['search_worst_query']}`; CLI word: `{results.get('cli_word')}`")
    lines.append("")
    lines.append("| search API, top 20 with spans | p50 | p95 | median matches |")
    lines.append("|---|---|---|---|")
    for kind in ("word", "and", "phrase", "fuzzy", "speaker", "date", "common"):
        p50, p95 = results.get(f"search_{kind}_p50_ms"), results.get(f"search_{kind}_p95_ms")
        lines.append(f"| {kind} | {fmt(p50, 'ms')} | {fmt(p95, 'ms')} | {fmt(results.get(f'search_{kind}_hits_median'), '')} |")
    if results.get("search_all_ranked_p95_ms") is not None:
        lines.append(
            f"| every hit ranked, spans for 20 (`spans_for=20`) | {fmt(results['search_all_ranked_p50_ms'], 'ms')} "
            f"| {fmt(results['search_all_ranked_p95_ms'], 'ms')} | |"
        )
    for q, ms in (results.get("search_common") or {}).items():
        lines.append(f"| `{q}` | {fmt(ms, 'ms')} | | |")
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
    parser.add_argument("--skip-cli", action="store_true", help="do not time the command line")
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
            if results.get("bare_cpu_s") and results.get("build_cpu_s"):
                results["build_cpu_ratio"] = results["build_cpu_s"] / results["bare_cpu_s"]
            if results.get("bare_mb") and results.get("index_mb"):
                results["index_ratio"] = results["index_mb"] / results["bare_mb"]
        say("reopen, search, quotes…")
        results.update(run_phase("reopen", corpus=corpus, index=index))
        results.update(run_phase("search", corpus=corpus, index=index, files=files))
        results.update(run_phase("quotes", files=files))
        if not args.skip_cli:
            say("command line…")
            words = (results.get("queries") or {}).get("word") or ["said"]
            results.update(measure_cli(corpus, index, words[min(3, len(words) - 1)], articles=len(files)))
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
