"""The installed ``byline`` command on a folder mixing text, a page, a JSON Lines and a CSV dump (issue 14).

Dump records are addressed ``PATH#N``: in JSON output ``path`` stays the file and
``record`` carries N; each malformed record is one ``skipped PATH#N: reason`` line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from files_support import write_file
from installed import byline
from sources_support import ARTICLES, OUTLETS, SKIPPED, mixed_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, str]:
    """The mixed corpus and an index directory for it."""
    return mixed_corpus(tmp_path / "corpus"), str(tmp_path / "ix")


def test_index_names_each_malformed_record(corpus: tuple[Path, str]) -> None:
    root, ix = corpus
    proc = byline("index", str(root), "--index", ix)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"Index: {len(ARTICLES)} new, 0 updated, 0 removed, 0 unchanged; {len(SKIPPED)} skipped; 0 other")
    skipped = {line.removeprefix("  skipped ") for line in lines if line.startswith("  skipped ")}
    assert skipped == {f"{root}/{place}: {reason}" for place, reason in SKIPPED.items()}


def test_search_json_gives_the_file_the_record_and_the_folder(corpus: tuple[Path, str]) -> None:
    root, ix = corpus
    proc = byline("search", "narwhal", str(root), "--index", ix, "--json")
    assert proc.returncode == 0, proc.stderr
    (hit,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (hit["path"], hit["record"], hit["folder"], hit["title"]) == (
        f"{root}/wire/feed.jsonl",
        6,
        "wire",
        "Storm hits the coast",
    )
    text = byline("search", "narwhal", str(root), "--index", ix)
    assert f"     {root}/wire/feed.jsonl#6" in text.stdout.splitlines()


def test_search_sort_date_orders_every_match(corpus: tuple[Path, str]) -> None:
    root, ix = corpus
    proc = byline("search", "said", str(root), "--index", ix, "--sort", "date", "--json", "-n", "3")
    assert proc.returncode == 0, proc.stderr
    hits = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(h["date"], h["record"]) for h in hits] == [("2024-12-01", 6), ("2024-11-20", 1), ("2024-11-07", None)]
    assert proc.stderr.splitlines()[-1] == "byline: 6 articles match; showing 3 (--limit 0 for all)"
    assert byline("search", "said", str(root), "--index", ix, "--sort", "size").returncode == 2


def test_facets_json_and_path(corpus: tuple[Path, str]) -> None:
    root, ix = corpus
    proc = byline("facets", str(root), "--index", ix, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {
        "total": 6,
        "outlet": OUTLETS,
        "folder": {"courts": 2, "courts/high": 2, "politics": 2, "wire": 2},
        "month": {"2024-09": 1, "2024-10": 1, "2024-11": 3, "2024-12": 1},
    }
    proc = byline("facets", "path:politics", str(root), "--index", ix, "--json")
    assert json.loads(proc.stdout)["folder"] == {"politics": 2} and proc.stderr.endswith("byline: 2 articles match\n")
    piped = byline("facets", "-q", "path:wire", str(root), "--index", ix)
    assert piped.stdout.splitlines() == [
        "facet\tvalue\tarticles",
        "outlet\tExample Post\t1",
        "outlet\tstormwatch.example\t1",
        "folder\twire\t2",
        "month\t2024-10\t1",
        "month\t2024-12\t1",
    ]
    none = byline("facets", "zyzzyva", str(root), "--index", ix, "--json")
    assert none.returncode == 1 and json.loads(none.stdout)["total"] == 0


def test_quotes_json_carries_the_record(corpus: tuple[Path, str]) -> None:
    root, ix = corpus
    proc = byline("quotes", str(root), "--index", ix, "--json", "--speaker", "Anna Lind")
    assert proc.returncode == 0, proc.stderr
    (quote,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (quote["path"], quote["record"], quote["speaker"]) == (f"{root}/wire/feed.jsonl", 1, "Anna Lind")
    assert "quokka" in quote["text"]


def test_field_options_name_a_dump_s_fields_before_or_after_the_command(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write_file(root / "odd.jsonl", json.dumps({"headline_text": "Quiet harbour", "story": "Bream were seen in the harbour."}) + "\n")
    ix = str(tmp_path / "ix")
    plain = byline("search", "bream", str(root), "--index", ix)
    assert plain.returncode == 1 and f"skipped {root}/odd.jsonl#1: no text field" in plain.stderr
    named = byline("--text-field", "story", "search", "bream", str(root), "--index", ix, "--title-field=headline_text", "--json")
    assert named.returncode == 0, named.stderr
    assert json.loads(named.stdout)["title"] == "Quiet harbour"
    kept = byline("search", "bream", str(root), "--index", ix)  # the index keeps the names
    assert kept.returncode == 0 and "Index:" not in kept.stderr
