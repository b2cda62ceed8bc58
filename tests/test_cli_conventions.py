"""The installed ``byline`` command scripts like grep and ripgrep: exit statuses, pipes, counts, help.

Every test runs the console script pip installed, in a child process whose
standard output and error are pipes, as a shell script would.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from byline.index.library import sample_corpus
from installed import byline, byline_script

SAMPLE = str(sample_corpus())


@pytest.fixture
def oil(tmp_path: Path) -> Path:
    """Two articles about oil, one of which names OPEC."""
    root = tmp_path / "oil"
    root.mkdir()
    (root / "a.txt").write_text("Oil Prices Rise\n\nOil rose after OPEC cut output, traders said.\n", encoding="utf-8")
    (root / "b.txt").write_text("Oil and Shipping\n\nOil tankers waited at the strait.\n", encoding="utf-8")
    return root


# -- exit status ------------------------------------------------------------------------------


def test_exit_status_is_0_on_a_match_and_1_on_none() -> None:
    assert byline("search", "sanction", SAMPLE).returncode == 0
    proc = byline("search", "zyzzyvaquux", SAMPLE)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.splitlines()[-1] == "byline: 0 articles match"


def test_quotes_and_speakers_exit_1_when_nothing_is_found(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("A Quiet Day\n\nNothing was said by anybody.\n", encoding="utf-8")
    for command in ("quotes", "speakers"):
        for extra in ((), ("--json",)):
            proc = byline(command, str(tmp_path), *extra)
            assert proc.returncode == 1 and proc.stdout == "", (command, extra, proc.stderr)
    assert byline("quotes", "--speaker", "Kosachev", SAMPLE).returncode == 0
    assert byline("quotes", "--speaker", "Nobody Atall", SAMPLE).returncode == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "x", "/no/such/folder"],
        ["quotes", "/no/such/folder"],
        ["/no/such/folder"],
        ["search", "AND"],
        ["search"],
        ["search", "x", "--limit", "-3"],
        ["serach", "x"],
        ["--bogus"],
    ],
)
def test_bad_usage_exits_2_with_one_line(argv: list[str]) -> None:
    proc = byline(*argv)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("byline: ")


def test_a_closed_pipe_is_not_an_error() -> None:
    """``byline quotes | head -2``: the reader went away; byline stops quietly with status 0."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the first write gets EPIPE, whatever the size of the output
    try:
        proc = subprocess.run(
            [byline_script(), "quotes", SAMPLE], stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=300
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 0
    assert "Error" not in proc.stderr and "Exception" not in proc.stderr


def test_head_of_a_pipe_exits_0() -> None:
    proc = subprocess.run(
        ["bash", "-c", f"set -o pipefail; '{byline_script()}' quotes '{SAMPLE}' | head -2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2
    assert "Error" not in proc.stderr


# -- what search prints ----------------------------------------------------------------------


def test_limit_0_means_every_hit_and_the_total_is_said() -> None:
    every = byline("search", "putin", SAMPLE, "--json", "--limit", "0")
    assert every.returncode == 0
    total = len(every.stdout.splitlines())
    assert total == 4 and every.stderr.splitlines()[-1] == "byline: 4 articles match"
    two = byline("search", "putin", SAMPLE, "--json", "-n", "2")
    assert len(two.stdout.splitlines()) == 2
    assert two.stderr.splitlines()[-1] == "byline: 4 articles match; showing 2 (--limit 0 for all)"
    table = byline("search", "putin", SAMPLE, "-n", "1")
    assert "byline: 4 articles match; showing 1" in table.stderr


def test_piped_output_keeps_long_paths_whole(tmp_path: Path) -> None:
    deep = tmp_path / ("a_rather_long_folder_name_for_the_archive_" * 3) / "TimFarrand"
    deep.mkdir(parents=True)
    path = deep / "408804newsml_a_wire_story_with_a_long_name.txt"
    path.write_text("Wire Story\n\nThe okapi market rallied, dealers said.\n", encoding="utf-8")
    assert len(str(path)) > 160
    proc = byline("search", "okapi", str(tmp_path))
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert any(line.strip() == str(path) for line in lines), proc.stdout
    assert "…" not in proc.stdout.replace("…okapi", "")  # nothing cut to fit 80 columns


def test_a_minus_word_excludes(oil: Path) -> None:
    both = byline("search", "oil", str(oil), "--json")
    assert len(both.stdout.splitlines()) == 2
    proc = byline("search", "oil -opec", str(oil), "--json")
    assert [Path(json.loads(line)["path"]).name for line in proc.stdout.splitlines()] == ["b.txt"]
    assert "byline: searched: oil NOT opec" in proc.stderr


def test_a_reversed_date_range_says_so() -> None:
    proc = byline("search", "date:[2024-11-30 TO 2024-11-01]", SAMPLE, "--json")
    assert "ends before it starts" in proc.stderr
    assert proc.returncode == 0 and proc.stdout  # searched the right way round: the sample is of November 2024


def test_options_may_come_before_paths_and_the_subcommand(oil: Path, tmp_path: Path) -> None:
    ix = str(tmp_path / "ix")
    first = byline("search", "opec", "--json", str(oil), "--index", ix)
    assert first.returncode == 0 and len(first.stdout.splitlines()) == 1
    again = byline("--index", ix, "search", "opec", str(oil), "--json")
    assert again.returncode == 0 and again.stdout == first.stdout
    assert "Index:" not in again.stderr  # the same index: nothing to do


def test_json_output_escapes_what_a_terminal_would_obey(tmp_path: Path) -> None:
    evil = "Evil \u202etxt.exe\u202c Title\n\nThe okapi \x1b]8;;http://x\x07link\x1b]8;;\x07 \x9b31m story.\n"
    (tmp_path / "evil.txt").write_text(evil, encoding="utf-8")
    proc = byline("search", "okapi", str(tmp_path), "--json")
    for raw in ("\u202e", "\u202c", "\x1b", "\x07", "\x9b"):
        assert raw not in proc.stdout
    hit = json.loads(proc.stdout)
    assert "\u202e" in hit["title"] and "\x1b]8;;" in hit["snippet"]  # the text itself is kept


# -- progress, help ------------------------------------------------------------------------------


def test_first_indexing_without_a_terminal_prints_progress_lines(tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / f"{i:03d}.txt").write_text(f"Story {i}\n\nThe okapi count was {i}.\n", encoding="utf-8")
    env = dict(os.environ, BYLINE_PROGRESS_SECONDS="0")
    proc = byline("search", "okapi", str(tmp_path), "--json", env=env)
    progress = [line for line in proc.stderr.splitlines() if line.startswith("byline: indexing ")]
    assert progress, proc.stderr
    assert all(" of 30 articles (" in line for line in progress[:-1])
    assert progress[-1].startswith("byline: indexing done")
    assert len(proc.stdout.splitlines()) == 20


def test_help_lists_the_commands_with_an_example_each() -> None:
    proc = byline("--help")
    assert proc.returncode == 0
    for command in ("index", "search", "quotes", "speakers"):
        assert f"\n  {command} " in proc.stdout
        assert f"byline {command} " in proc.stdout  # its example
    assert "exit status" in proc.stdout


def test_a_mistyped_command_suggests_the_right_one() -> None:
    proc = byline("serach", "x")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "byline: error: unknown command 'serach'; did you mean 'byline search'?"


def test_version_answers() -> None:
    proc = byline("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("byline ")


def test_links_outside_the_corpus_are_followed_only_when_asked(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.txt").write_text("Far Story\n\nThe okapi lives far away.\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "near.txt").write_text("Near Story\n\nThe okapi lives here.\n", encoding="utf-8")
    (corpus / "far.txt").symlink_to(outside / "far.txt")
    default = byline("search", "okapi", str(corpus), "--json", "--index", str(tmp_path / "ix1"))
    assert len(default.stdout.splitlines()) == 1
    assert f"skipped {corpus / 'far.txt'}: link outside the corpus" in default.stderr
    followed = byline("--follow-links", "search", "okapi", str(corpus), "--json", "--index", str(tmp_path / "ix2"))
    assert len(followed.stdout.splitlines()) == 2 and "link outside" not in followed.stderr
