"""How long the ``byline`` command takes: ``--version``, a search on a warm index, ``quotes --json``.

Each figure is the median of N runs of the real console script (a process each
time, as a shell user pays for it), wall-clock and CPU (user + system), beside
``python -c pass`` for scale, plus the slowest imports of a warm search from
``python -X importtime``::

    python benchmarks/bench_startup.py [CORPUS] [--runs 15] [--byline PATH-TO-SCRIPT] [--word putin]
    python benchmarks/bench_startup.py CORPUS --index DIR --quotes   # an index built before; quotes --json too

Give ``--byline`` another installation's script to compare versions on the same
machine in the same run. The CPU column varies less than the wall-clock one on a
shared machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def median_seconds(argv: list[str], runs: int, env: dict[str, str]) -> tuple[float, float, float]:
    """Median and best wall-clock seconds of ``runs`` runs of ``argv``, and their median CPU seconds (user + system)."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False, cwd=env["BYLINE_CACHE_DIR"])
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), min(times), statistics.median(cpu)


def slowest_imports(python: str, argv: list[str], env: dict[str, str], top: int = 8) -> list[tuple[int, str]]:
    """The ``top`` imports with the largest cumulative time (µs) in a run of ``python -X importtime -m byline ARGV``."""
    proc = subprocess.run(  # away from a checkout, whose byline/ folder would shadow the installed package
        [python, "-X", "importtime", "-m", "byline", *argv], capture_output=True, text=True, env=env, cwd=env["BYLINE_CACHE_DIR"]
    )
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line[len("import time:") :].split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="a folder of articles (default: the sample corpus)")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--word", default="putin")
    parser.add_argument("--byline", default=shutil.which("byline"), help="the console script to time")
    parser.add_argument("--index", metavar="DIR", help="an index of CORPUS built before (default: build one in a temporary folder)")
    parser.add_argument("--quotes", action="store_true", help="time `byline quotes --json` too")
    args = parser.parse_args()
    script = args.byline
    python = str(Path(script).with_name("python"))
    cache = tempfile.mkdtemp(prefix="byline-bench-startup-")
    env = dict(os.environ, BYLINE_CACHE_DIR=cache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode: compiling every run is not what users pay
    corpus = [args.corpus] if args.corpus else []
    if args.index:
        corpus += ["--index", os.path.abspath(args.index)]
    subprocess.run([script, "index", *corpus], env=env, stdout=subprocess.DEVNULL, check=True)  # warm the index
    print(f"byline: {script}")
    print(f"load average: {os.getloadavg()[0]:.2f} (2 cores)")
    rows = [
        ("python -c pass", [python, "-c", "pass"]),
        ("byline --version", [script, "--version"]),
        (f"byline search {args.word} (warm)", [script, "search", args.word, *corpus]),
        (f"byline search {args.word} --json (warm)", [script, "search", args.word, *corpus, "--json"]),
    ]
    if args.quotes:
        rows.append(("byline quotes --json", [script, "quotes", *corpus, "--json"]))
    print(f"{'command':<40} {'median':>9} {'best':>9} {'CPU':>9}")
    for label, argv in rows:
        med, best, cpu = median_seconds(argv, args.runs, env)
        print(f"{label:<40} {med * 1000:>7.0f} ms {best * 1000:>7.0f} ms {cpu * 1000:>6.0f} ms")
    print("\nslowest imports of a warm search (cumulative):")
    for micros, name in slowest_imports(python, ["search", args.word, *corpus, "--json"], env):
        print(f"  {micros / 1000:>7.1f} ms  {name.strip()}")
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
