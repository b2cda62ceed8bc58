"""The ``byline`` command: JSON output, summaries, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from byline.cli import main
from byline.index.library import sample_corpus


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_search_json_sanction(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "sanction", str(sample_corpus()), "--json")
    assert code == 0
    hits = json_lines(out)
    assert sorted(Path(h["path"]).name for h in hits) == [
        "000_4c4c9962fd6196e4.txt",
        "001_3c97b7e833a7f5e1.txt",
        "002_e92f0674aa98e83b.txt",
    ]
    for hit in hits:
        assert {"path", "title", "outlet", "date", "url", "score", "spans", "snippet"} <= set(hit)
        text = Path(hit["path"]).read_text(encoding="utf-8")
        assert hit["spans"] and all(text[s:e].lower().startswith("sanction") for s, e in hit["spans"])


def test_search_json_phrase_finds_two(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", '"Russophobic course"', "--json")
    assert code == 0
    assert len(json_lines(out)) == 2


def test_search_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "putin", "--json", "--limit", "2")
    assert code == 0 and len(json_lines(out)) == 2


def test_search_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "Kosachev")
    assert code == 0
    assert "What Does Russia Expect From Trump 2.0?" in out.replace("\n", " ") or "What Does Russia" in out


def test_repaired_query_says_what_was_searched(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", '"Russophobic course', "--json")
    assert code == 0
    assert len(json_lines(out)) == 2  # stdout stays pure JSON
    assert "unbalanced quote" in err and 'searched: "Russophobic course"' in err


@pytest.mark.parametrize("query", ["AND", "NOT", ")(", '""', "*", "a*", "title:", "date:nonsense", "&&&"])
def test_nothing_searchable_is_a_usage_error(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, err = run(capsys, "search", query, "--json")
    assert code == 2
    assert out == ""
    assert "Nothing searchable" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [["search", "x", "--limit", "-1"], ["search", "x", "--limit", "many"], ["--bogus"], ["quotes", "--nope"]],
)
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """A usage error is status 2 and one line (``main`` returns the status; it raises nothing)."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("byline: error") and err.count("\n") == 1 and "Traceback" not in err


def test_search_requires_query(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search")
    assert code == 2 and "needs a QUERY" in err


def test_missing_corpus_is_bad_usage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "search", "x", str(tmp_path / "nowhere"))
    assert code == 2
    assert err.strip().count("\n") == 0 and "no such file or folder" in err


def test_unusable_index_dir_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "search", "x", "--index", str(blocker))
    assert code == 1 and "byline: error" in err and "Traceback" not in err


def test_index_summary_and_incremental(capsys: pytest.CaptureFixture[str], seeds: Path, tmp_path: Path) -> None:
    ix = str(tmp_path / "ix")
    (seeds / "picture.png").write_bytes(b"\x89PNG\r\n")
    (seeds / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    code, out, _ = run(capsys, "index", str(seeds), "--index", ix, "--json")
    summary = json_lines(out)[0]
    assert code == 0
    assert (summary["added"], summary["updated"], summary["removed"], summary["ignored"]) == (5, 0, 0, 1)
    assert [Path(s["path"]).name for s in summary["skipped"]] == ["broken.txt"]
    (seeds / "004_725359539153adbd.txt").unlink()
    code, out, _ = run(capsys, "index", str(seeds), "--index", ix)
    assert code == 0
    assert "0 new, 0 updated, 1 removed, 4 unchanged" in out
    assert "skipped" in out and "broken.txt" in out


def test_search_indexes_first_when_needed(capsys: pytest.CaptureFixture[str], write, tmp_path: Path) -> None:
    write("one.txt", "First Story\n\nA narwhal surfaced.\n")
    code, out, _ = run(capsys, "search", "narwhal", str(write.root), "--json")
    assert code == 0 and len(json_lines(out)) == 1
    write("two.txt", "Second Story\n\nAnother narwhal surfaced.\n")
    code, out, _ = run(capsys, "search", "narwhal", str(write.root), "--json")
    assert len(json_lines(out)) == 2


def test_markup_and_escapes_are_printed_literally(capsys: pytest.CaptureFixture[str], write) -> None:
    write("evil.txt", "Evil [bold red]Title[/] Here\n\nThe okapi \x1b[31mturned red\x1b[0m and [link=x]clicked[/link].\n")
    code, out, _ = run(capsys, "search", "okapi", str(write.root))
    assert code == 0
    assert "\x1b[31m" not in out
    assert "[bold red]Title[/]" in out
    code, out, _ = run(capsys, "search", "okapi", str(write.root), "--json")
    hit = json_lines(out)[0]
    assert "\x1b" not in out and "\u241b" not in out  # JSON escapes it
    assert "\x1b[31m" in hit["snippet"]


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    env = dict(os.environ, BYLINE_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run(
        [sys.executable, "-m", "byline", "search", "(sanction", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 3
    assert "unmatched parenthesis" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_file_names_that_are_not_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "odd"
    root.mkdir()
    name = os.fsdecode(b"caf\xe9-story.txt")  # Latin-1 bytes in a file name
    (root / name).write_text("Odd Name Story\n\nA tapir crossed the road.\n", encoding="utf-8")
    code, out, err = run(capsys, "search", "tapir", str(root), "--json")
    assert code == 0, err
    hit = json_lines(out)[0]
    assert hit["path"].endswith(name)
    assert os.path.exists(hit["path"])
    code, out, err = run(capsys, "search", "tapir", str(root))
    assert code == 0 and "tapir" in out
    code, out, err = run(capsys, "quotes", str(root))
    assert code == 1 and "no quotations found" in err  # nothing matched: 1, as grep


def test_a_query_opening_with_a_dash_and_white_space_is_a_query(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``"-\\n"`` (a dash and a line break, as pasted) is searched or refused as a query, in one line of
    ``byline:`` messages; a usage error is one line too."""
    code = main(["search", "-\n", str(sample_corpus()), "--index", str(tmp_path / "ix"), "--json"])
    err = capsys.readouterr().err
    assert code in (0, 1, 2)
    assert all(line.startswith("byline: ") for line in err.splitlines()), err
    code = main(["search", "--no-such-option", "putin", str(sample_corpus())])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("byline: error: ") and "--help" in err
