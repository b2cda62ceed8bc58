"""``benchmarks/check_speakers.py``: an unnamed source is judged by its description, not by the name rules.

Lower case is what a description is made of (``a senior port official``); one is suspicious when it does not
open with a determiner or a number, or runs past ``UNNAMED_MAX_WORDS`` words. People and organisations keep
their checks.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from speaker_kinds_support import UNNAMED_SOURCES, write_kinds_corpus

_SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "check_speakers.py"
_spec = importlib.util.spec_from_file_location("check_speakers", _SCRIPT)
assert _spec is not None and _spec.loader is not None
check_speakers = importlib.util.module_from_spec(_spec)
sys.modules["check_speakers"] = check_speakers  # its dataclasses look their module up
_spec.loader.exec_module(check_speakers)


@pytest.mark.parametrize(
    "name",
    ["a senior administration official", "two people familiar with the matter", "one Nevada Democrat", "3 aides", "another",
     "U.S. officials", "senior administration officials", "Cruz’s lawyers", "attorneys for Clinton", "lawyers for the state"],
)
def test_a_description_with_a_determiner_or_a_number_is_fine(name: str) -> None:
    assert check_speakers.name_flags(name, "unnamed") == []


@pytest.mark.parametrize(
    ("name", "detail"),
    [
        ("senior administration official", "opens with 'senior'"),
        ("Officials", "opens with 'Officials'"),
        ("lawyer for Clinton", "opens with 'lawyer'"),
        ("President Obama passionately rebuked critics", "opens with 'President'"),
        ("a person who spoke on condition of anonymity because they were not allowed to speak", "15 words"),
    ],
)
def test_a_description_without_a_determiner_or_too_long_is_flagged(name: str, detail: str) -> None:
    assert check_speakers.name_flags(name, "unnamed") == [("unnamed description", detail)]


def test_people_and_organisations_keep_their_checks() -> None:
    assert ("lower-case word", "of") in check_speakers.name_flags("Secretary of State", "person")
    assert ("lone first name", "") in check_speakers.name_flags("Bob", "person")
    assert check_speakers.name_flags("a Nevada Democrat", "person")  # the same words as a person's name: flagged


def test_a_dutch_particle_is_no_lower_case_word() -> None:
    assert check_speakers.name_flags("Sophie in 't Veld", "person") == []
    assert ("lower-case word", "in") in check_speakers.name_flags("Sophie in Veld", "person")


def test_a_corpus_with_unnamed_sources_has_nothing_to_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = check_speakers.check([str(write_kinds_corpus(tmp_path / "corpus"))], tmp_path / "ix")
    assert report.kinds == {"person": 2, "organisation": 2, "unnamed": len(UNNAMED_SOURCES)}
    assert report.flags == []
    check_speakers.print_report(report, 5)
    assert "(2 organisation, 2 person, 3 unnamed)" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["Pentagon report", "Quinnipiac University poll", "Club for Growth ad", "CNN/ORC poll", "2014 House report"])
def test_a_document_named_and_ending_with_its_noun_is_fine(name: str) -> None:
    assert check_speakers.name_flags(name, "document") == []


@pytest.mark.parametrize(
    ("name", "detail"),
    [
        ("new poll", "opens with 'new'"),
        ("Pentagon", "ends with 'Pentagon'"),
        ("Pentagon report said", "ends with 'said'"),
        ("Jane Roe who found the report", "who found"),
        ("A B C D E F G H report", "9 words"),
    ],
)
def test_a_document_name_that_took_more_or_less_than_the_name_is_flagged(name: str, detail: str) -> None:
    assert check_speakers.name_flags(name, "document") == [("document name", detail)]


def test_a_person_whose_surname_is_a_place_word_is_no_kind_flag() -> None:
    """``Jerry Hall``: the extraction makes such a name a person on a mark in its article (an age, an
    appositive) that the name alone does not show; another organisation's name marked person still is."""
    assert check_speakers.name_flags("Jerry Hall", "person") == []
    assert ("kind", "an organisation marked person") in check_speakers.name_flags("Goldman Sachs", "person")
    assert ("kind", "an organisation marked person") in check_speakers.name_flags("Hyde Park", "person")
