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


def test_canonical_names_merges_unique_surnames() -> None:
    """A surname maps to the one full name that ends with it."""
    got = canonical_names(["Medvedev", "Dmitry Medvedev", "Putin", "Vladimir Putin", "Lavrov"])
    assert got == {
        "Medvedev": "Dmitry Medvedev",
        "Dmitry Medvedev": "Dmitry Medvedev",
        "Putin": "Vladimir Putin",
        "Vladimir Putin": "Vladimir Putin",
        "Lavrov": "Lavrov",
    }


def test_canonical_names_ambiguous_and_orgs() -> None:
    """Ambiguous surnames and organisations stay as they are."""
    got = canonical_names(["Smith", "John Smith", "Jane Smith", "Kremlin", "NPR", "New York Times", "Times"])
    assert got["Smith"] == "Smith"
    assert got["Kremlin"] == "Kremlin"
    assert got["NPR"] == "NPR"
    assert got["New York Times"] == "New York Times"
    assert got["Times"] == "Times"
    assert is_organisation("Kremlin") and not is_organisation("John Smith")


def test_canonical_names_titles_and_empty() -> None:
    """Title-prefixed variants merge; blanks are ignored."""
    got = canonical_names(["President Biden", "Joe Biden", "", "  "])
    assert got == {"President Biden": "Joe Biden", "Joe Biden": "Joe Biden"}


def test_normalize_quote_text() -> None:
    """Same words, different marks, case and punctuation → same key."""
    a = normalize_quote_text("“He can’t stop the war. Not in a day,”")
    b = normalize_quote_text('"he CAN\'T  stop the war -- not in a day"')
    assert a == b == "he cant stop the war not in a day"
    assert normalize_quote_text("") == ""
    assert normalize_quote_text("banalities.") == "banalities"
