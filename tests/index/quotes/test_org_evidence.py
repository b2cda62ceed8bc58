"""A lone name the lists cannot classify is an organisation when the article says so (issue 11, round ten b).

News prose says what a one-word company is: ``X said its …``, ``X said on Monday it would …``,
``X, which …``, ``X’s shares``, ``X Inc``, a next sentence going on with ``It gave …`` or ``The
company …``. With that evidence, and none for a person (``he``/``she``, ``X, who``, ``X, 45,``),
the name speaks as an organisation all through the article and is never the ``he`` of a later
quotation. The text is written for these tests (one behaviour each), never an accuracy figure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from byline.cli import main
from byline.index.quotes import extract_quotes


def who(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_kind) for q in extract_quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Sales fell. “We expect a better year,” Huawei stated on Monday. It gave no figures.",
        "Boeing said its planes were safe.\n\n“The 737 is safe,” Boeing said.",
        "Gazprom said on Tuesday it would cut supplies to the region.\n\n“We will cut supplies,” Gazprom said.",
        "Alstom, which makes trains, lost the bid.\n\n“We will appeal,” Alstom said.",
        "Tesco’s shares fell on Monday.\n\n“The quarter was hard,” Tesco said.",
        "“We will appeal,” Kruger stated on Monday. The company gave no date for the appeal.",
        "Renvel, the French carmaker, lost the bid.\n\n“We will appeal,” Renvel said.",
    ],
)
def test_a_lone_name_the_article_calls_it_is_an_organisation(text: str) -> None:
    got = who(text)
    assert got and all(kind == "organisation" for _, kind in got), got
    assert len({name for name, _ in got}) == 1


def test_he_is_never_an_organisation_named_by_one_word() -> None:
    """``he`` a paragraph after a one-word company's quotation is not the company (today it was)."""
    text = (
        "Gazprom said on Tuesday it would cut supplies to the region.\n\n"
        "“We will cut supplies,” Gazprom said.\n\n"
        "“It is blackmail,” he said.\n"
    )
    assert who(text) == [("Gazprom", "organisation"), (None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Quill said he would go.\n\n“The rules are bad,” Quill said.",
        "Quill said it would be a disaster.\n\n“The rules are bad,” Quill said.",
        "Quill, 45, left early.\n\n“The rules are bad,” Quill said.",
        "Quill, a company founder, left early.\n\n“The rules are bad,” Quill said.",
        "The case of Roe v. Quill, which stands, was cited.\n\n“The rules are bad,” Quill said.",
        "“The rules are bad,” Quill said on Monday. It was not clear what the rules were.",
        "“The rules are bad,” Quill said.",
    ],
)
def test_a_lone_name_with_no_evidence_or_a_persons_stays_a_person(text: str) -> None:
    """``said it would be`` is about a thing, not a company; ``a company founder`` is a person;
    ``Roe v. Quill, which`` speaks of a case whose name ends with the word; ``It was …`` after the
    words is about what was said; a person's marks or none keep a person."""
    assert who(text) == [("Quill", "person")]


def test_conflicting_evidence_changes_nothing() -> None:
    """A name the article writes both as an organisation and as a person stays what it was."""
    text = (
        "Quill said its rules were bad. Quill, who is 45, left early.\n\n"
        "“The rules are bad,” Quill said.\n"
    )
    assert who(text) == [("Quill", "person")]


def test_the_speakers_list_groups_such_a_name_with_the_organisations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Across two articles, ``byline speakers --json`` lists the one-word company as an organisation."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "results.txt").write_text(
        "Huawei results\n\nSales fell. “We expect a better year,” Huawei stated on Monday. It gave no figures.\n",
        encoding="utf-8",
    )
    (corpus / "phones.txt").write_text(
        "Huawei phones\n\nHuawei said on Friday it would sell a new phone.\n\n"
        "“It is our best phone,” Huawei said.\n\n“The price is fair,” said Jane Doe, an analyst.\n",
        encoding="utf-8",
    )
    code = main(["speakers", "--json", str(corpus), "--index", str(tmp_path / "ix")])
    out, _ = capsys.readouterr()
    listed = {s["name"]: (s["kind"], s["articles"]) for s in map(json.loads, out.splitlines())}
    assert code == 0
    assert listed["Huawei"] == ("organisation", 2)
    assert listed["Jane Doe"] == ("person", 1)
