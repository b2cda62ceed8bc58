"""Helpers shared by the hardening tests (``test_hardening_*.py``).

Every article these tests write carries one word found nowhere else (``tok17x``),
so "searchable" is checked by searching for it, not by counting documents.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from byline.cli import main
from byline.index.library import Library

MESSAGE_PREFIXES = ("byline: ", "Index: ", "  skipped ", "  cancelled")
"""How every line Byline writes to standard error starts (one line per message)."""


SLOW_RUN = os.environ.get("BYLINE_SLOW") == "1"
"""Whether the heavy tests run (``BYLINE_SLOW=1``)."""


def slow(test: Callable[..., None]) -> Callable[..., None]:
    """Mark a heavy test ``slow`` and skip it unless ``BYLINE_SLOW=1`` (a scaled-down twin always runs)."""
    skip = pytest.mark.skipif(not SLOW_RUN, reason="slow: set BYLINE_SLOW=1 to run it")
    return pytest.mark.slow(skip(test))


def token(i: int | str) -> str:
    """The word only article ``i`` holds."""
    return f"tok{i}x"


def article_text(i: int | str, extra: str = "") -> str:
    """A small article holding :func:`token` ``(i)``."""
    return f"Story Number {i}\n\nThe reporter filed item {token(i)} today.{extra}\n"


def write_articles(root: Path, count: int, start: int = 0) -> list[Path]:
    """Write ``count`` small articles ``a00000.txt``… under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = root / f"a{i:05d}.txt"
        path.write_text(article_text(i), encoding="utf-8")
        paths.append(path)
    return paths


def indexed_paths(lib: Library) -> set[str]:
    """The paths of every article the index holds."""
    return {a.path for a in lib.articles()}


def assert_searchable(lib: Library, expected: Iterable[str | Path], tokens: dict[str, str] | None = None) -> None:
    """The invariant: the articles searchable are exactly the ``expected`` readable files.

    ``tokens`` maps a path to a word only it holds; each is searched and must find that one file.
    """
    want = {os.path.realpath(p) for p in expected}
    assert indexed_paths(lib) == want
    assert len(lib) == len(want)
    for path, word in (tokens or {}).items():
        result = lib.search(word, limit=5)
        assert [h.path for h in result.hits] == [os.path.realpath(path)], word


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``byline ARGV`` in this process; returns (exit status, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert_clean_stderr(err)
    return code, out, err


def assert_clean_stderr(err: str) -> None:
    """No traceback, and every line is one whole message."""
    assert "Traceback" not in err
    for line in err.splitlines():
        if line.strip():
            assert line.startswith(MESSAGE_PREFIXES), repr(line)


def child_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a child Python process: a private cache, indexing in one process."""
    env = dict(os.environ)
    env["BYLINE_CACHE_DIR"] = str(tmp_path / "child-cache")
    env["BYLINE_PROCS"] = "1"
    return env


CHILD_SECONDS = 120.0
"""A child still running after this long is killed (a hung child fails its test, never hangs the suite)."""


def start_child(tmp_path: Path, code: str, *args: str) -> subprocess.Popen[str]:
    """Start ``code`` (dedented) with ``args`` in a new Python process, its output piped as text."""
    script = tmp_path / f"child{len(list(tmp_path.glob('child*.py')))}.py"
    script.write_text(textwrap.dedent(code), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(tmp_path),
    )
    watchdog = threading.Timer(CHILD_SECONDS, proc.kill)
    watchdog.daemon = True
    watchdog.start()
    proc.watchdog = watchdog  # type: ignore[attr-defined]
    return proc


def wait_for_line(proc: subprocess.Popen[str], wanted: str, count: int = 1) -> list[str]:
    """Read the child's stdout until ``wanted`` appeared ``count`` times; returns the lines read."""
    assert proc.stdout is not None
    lines: list[str] = []
    seen = 0
    while seen < count:
        line = proc.stdout.readline()
        if not line:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"child ended before {wanted!r} x{count}: {lines} {err}")
        lines.append(line)
        seen += line.startswith(wanted)
    return lines


def finish_child(proc: subprocess.Popen[str]) -> tuple[str, str]:
    """Wait for the child and close its pipes (no ResourceWarning); returns (stdout, stderr) left."""
    out, err = proc.communicate(timeout=CHILD_SECONDS)
    watchdog = getattr(proc, "watchdog", None)
    if watchdog is not None:
        watchdog.cancel()
    return out, err
