"""Name canonicalisation, role splitting and the quote-text key."""

from __future__ import annotations

import pytest

from byline.index.quotes import canonical_names, is_organisation, normalize_quote_text, parse_name, split_role


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("Foreign Minister Sergey Lavrov", "Sergey Lavrov", "Foreign Minister"),
        ("Konstantin Kosachev, Vice Speaker of Russia’s Federation Council", "Konstantin Kosachev", "Vice Speaker of Russia’s Federation Council"),
        ("Russian President Vladimir Putin", "Vladimir Putin", "Russian President"),
        ("Russia’s Dmitry Medvedev", "Dmitry Medvedev", None),
        ("Apple CEO Tim Cook", "Tim Cook", "Apple CEO"),
        ("Sen. Elizabeth Warren", "Elizabeth Warren", "Sen."),
        ("Mr. John Smith", "John Smith", None),
        ("Erik ten Hag", "Erik ten Hag", None),
        ("John Smith, 34, a teacher from Ohio", "John Smith", "teacher from Ohio"),
        ("Sergey Lavrov, the head of Russian foreign policy", "Sergey Lavrov", "head of Russian foreign policy"),
        ("Mike Pompeo, known for his hawkish views", "Mike Pompeo", None),
    ],
)
def test_split_role(phrase: str, name: str, role: str | None) -> None:
    """Titles and appositive descriptions are split off the name."""
    assert split_role(phrase) == (name, role)


def test_parse_name_kinds() -> None:
    """People, organisations and places are told apart."""
    assert parse_name("the Kremlin").kind == "org"  # type: ignore[union-attr]
    assert parse_name("the Kremlin").name == "Kremlin"  # type: ignore[union-attr]
    assert parse_name("White House").kind == "org"  # type: ignore[union-attr]
    assert parse_name("NPR").kind == "org"  # type: ignore[union-attr]
    assert parse_name("Donald Trump").kind == "person"  # type: ignore[union-attr]
    assert parse_name("Moscow").kind == "place"  # type: ignore[union-attr]
    assert parse_name("Putin’s").possessive  # type: ignore[union-attr]
    assert parse_name("The") is None


def test_canonical_names_never_joins_a_bare_surname() -> None:
    """Across articles a bare surname stays as it is: which full name it stands for was its own
    article's to say (``Wang`` of one article is not ``Charles Wang`` of another)."""
    got = canonical_names(["Medvedev", "Dmitry Medvedev", "Wang", "Charles Wang", "Lavrov"])
    assert got == {
        "Medvedev": "Medvedev",
        "Dmitry Medvedev": "Dmitry Medvedev",
        "Wang": "Wang",
        "Charles Wang": "Charles Wang",
        "Lavrov": "Lavrov",
    }


def test_canonical_names_merges_spellings_of_one_full_name() -> None:
    """Transliteration variants and a missing middle initial are one person; the most frequent
    spelling names the group. Different first names are different people."""
    got = canonical_names({"Sergey Lavrov": 3, "Sergei Lavrov": 1, "Donald J. Trump": 1, "Donald Trump": 4,
                           "Bill Clinton": 2, "Hillary Clinton": 2, "Volodymyr Zelenskyy": 1, "Volodymyr Zelensky": 2})
    assert got["Sergei Lavrov"] == got["Sergey Lavrov"] == "Sergey Lavrov"
    assert got["Donald J. Trump"] == "Donald Trump"
    assert got["Volodymyr Zelenskyy"] == "Volodymyr Zelensky"
    assert got["Bill Clinton"] == "Bill Clinton" and got["Hillary Clinton"] == "Hillary Clinton"


def test_canonical_names_middle_initials_must_agree() -> None:
    """``George W. Bush`` and ``George H. W. Bush`` are two people, even through ``George Bush``."""
    got = canonical_names(["George W. Bush", "George H. W. Bush", "George Bush"])
    assert got["George W. Bush"] != got["George H. W. Bush"]


def test_canonical_names_organisations_and_empty() -> None:
    """Organisations merge only with the same name; blanks are ignored."""
    got = canonical_names(["Kremlin", "NPR", "New York Times", "Times", "", "  "])
    assert got == {"Kremlin": "Kremlin", "NPR": "NPR", "New York Times": "New York Times", "Times": "Times"}
    assert is_organisation("Kremlin") and not is_organisation("John Smith")


def test_normalize_quote_text() -> None:
    """Same words, different marks, case and punctuation → same key."""
    a = normalize_quote_text("“He can’t stop the war. Not in a day,”")
    b = normalize_quote_text('"he CAN\'T  stop the war -- not in a day"')
    assert a == b == "he cant stop the war not in a day"
    assert normalize_quote_text("") == ""
    assert normalize_quote_text("banalities.") == "banalities"
