"""``byline speakers`` and ``byline quotes`` with speakers of the three kinds: people, organisations, unnamed sources.

On a terminal the speakers come in three tables (People, Organisations, Unnamed sources); piped, the TSV keeps
its ``kind`` column; ``--json`` carries ``kind``; ``--kind`` keeps only the kinds named (repeated or a comma list).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from byline import commands
from byline.cli import main
from speaker_kinds_support import ORGANISATIONS, PEOPLE, UNNAMED, UNNAMED_SOURCES, write_kinds_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_kinds_corpus(tmp_path / "corpus")


def run(capsys: pytest.CaptureFixture[str], corpus: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, str(corpus), "--index", str(corpus.parent / "ix")])
    out, err = capsys.readouterr()
    return code, out, err


def test_speakers_json_and_tsv_carry_the_kind(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, corpus, "speakers", "--json")
    listed = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert {(s["name"], s["kind"]) for s in listed} == {
        *((n, "person") for n in PEOPLE),
        *((n, "organisation") for n in ORGANISATIONS),
        *((n, "unnamed") for n in UNNAMED_SOURCES),
    }
    code, out, _ = run(capsys, corpus, "speakers")
    head, *rows = [line.split("\t") for line in out.splitlines()]
    assert head == ["quotes", "articles", "kind", "speaker", "role"]
    assert ["2", "2", "unnamed", "a senior port official", ""] in rows


@pytest.mark.parametrize(
    ("kinds", "names"),
    [
        (["--kind", "unnamed"], UNNAMED_SOURCES),
        (["--kind", "person,organisation"], PEOPLE + ORGANISATIONS),
        (["--kind", "organisation", "--kind", "Unnamed"], ORGANISATIONS + UNNAMED_SOURCES),
    ],
)
def test_speakers_of_the_kinds_asked_for(corpus: Path, capsys: pytest.CaptureFixture[str], kinds: list[str], names: list[str]) -> None:
    code, out, _ = run(capsys, corpus, "speakers", "--json", *kinds)
    assert code == 0
    assert sorted(json.loads(line)["name"] for line in out.splitlines()) == sorted(names)


def test_a_kind_with_no_speakers_or_no_such_kind(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "port-talks.txt").unlink()
    (corpus / "port-ruling.txt").write_text("A quiet day\n\n“Nothing to report,” said Maria Lopez.\n", encoding="utf-8")
    code, out, err = run(capsys, corpus, "speakers", "--kind", "unnamed,organisation")
    assert (code, out) == (1, "") and err.splitlines()[-1] == "byline: no speakers of kind organisation or unnamed found"
    code, _, err = run(capsys, corpus, "speakers", "--kind", "robot")
    assert code == 2
    assert "not a speaker kind: 'robot' (choose from person, organisation, document, unnamed)" in err


def test_speakers_on_a_terminal_come_in_three_groups(corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(commands, "_terminal_console", lambda: Console(file=screen, width=100, color_system=None, highlight=False))
    code, _, _ = run(capsys, corpus, "speakers")
    text = screen.getvalue()
    assert code == 0
    titles = [text.index(t) for t in ("People (2)", "Organisations (2)", "Unnamed sources (3)")]
    assert titles == sorted(titles)
    unnamed = text[titles[2] :]
    assert "Description" in unnamed and "Role" not in unnamed
    assert all(name in unnamed for name in UNNAMED_SOURCES) and not any(name in unnamed for name in PEOPLE)
    screen.truncate(0)
    run(capsys, corpus, "speakers", "--kind", "unnamed")
    assert "Unnamed sources (3)" in screen.getvalue() and "People" not in screen.getvalue()


def test_quotes_show_an_unnamed_source_in_every_format(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, corpus, "quotes", "--json")
    quotes = [json.loads(line) for line in out.splitlines()]
    unnamed = [q for q in quotes if q["speaker_kind"] == "unnamed"]
    assert code == 0 and {q["text"].rstrip(",.”") for q in unnamed} == set(UNNAMED)
    assert all(q["speaker"] in UNNAMED_SOURCES and q["role"] is None for q in unnamed)
    code, out, _ = run(capsys, corpus, "quotes", "--speaker", "port official")
    said = [line for line in out.splitlines() if "port official" in line]
    assert code == 0 and len(said) == 2
    assert all(line.split(None, 1)[1] == "a senior port official (unnamed source) [said]" for line in said)
    _, out, _ = run(capsys, corpus, "quotes")
    assert "Transport Ministry (organisation) [said]" in out and "Maria Lopez, port authority’s lawyer [said]" in out
