"""Documents as speakers through every layer (round ten): the index's speaker list and quotations, the JSON
of ``byline quotes --json`` and ``byline speakers --json``, the CLI's text output and its ``Documents``
group. A document (``Greenfield Shipping Corp report``) is never merged with the organisation whose name
it carries (``Greenfield Shipping Corp``).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from byline import commands
from byline.cli import main
from byline.index.library import Library
from byline.index.speakers import Speakers
from documents_support import DOCUMENTS, SPEAKERS, write_documents_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_documents_corpus(tmp_path / "corpus")


def run(capsys: pytest.CaptureFixture[str], corpus: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, str(corpus), "--index", str(corpus.parent / "ix")])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_index_keeps_documents_apart(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        lib.update()
        speakers = lib.speakers()
        quotes = {r.quote.text: (r.quote.speaker, r.quote.speaker_kind) for r in lib.all_quotes()}
        poll = [r.quote.text for r in lib.all_quotes(speaker="Harbour Institute poll")]
    assert quotes == SPEAKERS
    assert [s.name for s in speakers if s.kind == "document"] == DOCUMENTS
    kinds = {s.name: s.kind for s in speakers}
    assert kinds["Greenfield Shipping Corp"] == "organisation" and kinds["Maria Lopez"] == "person"
    poll_speaker = next(s for s in speakers if s.name == "Harbour Institute poll")
    assert (poll_speaker.quotes, poll_speaker.articles, poll_speaker.role) == (2, 1, None)
    assert len(poll) == 2

    def recount(self: Speakers) -> None:
        raise AssertionError("the kept speaker list was not read back")

    monkeypatch.setattr(Speakers, "_count", recount)
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        assert lib.speakers() == speakers  # the list kept beside the index reads the document kind back


def test_the_cli_shows_documents_in_json_text_and_their_own_group(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, corpus, "quotes", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert {q["text"]: (q["speaker"], q["speaker_kind"]) for q in lines} == SPEAKERS
    code, out, _ = run(capsys, corpus, "quotes")
    assert "Greenfield Shipping Corp report (document) [said]" in out and "Harbour Institute poll (document) [found]" in out
    code, out, _ = run(capsys, corpus, "speakers", "--json", "--kind", "document")
    assert [(s["name"], s["kind"]) for s in map(json.loads, out.splitlines())] == [(d, "document") for d in DOCUMENTS]
    screen = io.StringIO()
    monkeypatch.setattr(commands, "_terminal_console", lambda: Console(file=screen, width=100, color_system=None, highlight=False))
    run(capsys, corpus, "speakers")
    text = screen.getvalue()
    titles = [text.index(t) for t in ("People (1)", "Organisations (1)", "Documents (2)")]
    assert titles == sorted(titles)
    assert all(name in text[titles[2] :] for name in DOCUMENTS) and "Maria Lopez" not in text[titles[2] :]
