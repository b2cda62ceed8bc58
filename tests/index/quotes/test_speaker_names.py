"""Names the speakers view can trust: no modifiers, fragments, common words or bare surnames."""

from __future__ import annotations

import pytest

from byline.index.quotes import extract_quotes, parse_name


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("Shanghai-born Tung", "Tung", "Shanghai-born"),
        ("South Korean-born Monte Haines", "Monte Haines", "South Korean-born"),
        ("Alberta-based Jim Smith", "Jim Smith", "Alberta-based"),
        ("Martin Luther King Jr.", "Martin Luther King Jr.", None),
        ("French President Emmanuel Macron", "Emmanuel Macron", "French President"),
        ("German Ortega", "German Ortega", None),
        ("Mr. Kelly", "Kelly", None),
    ],
)
def test_modifiers_and_titles_are_not_the_name(phrase: str, name: str, role: str | None) -> None:
    """Modifiers (``Shanghai-born``) and titles go to the role; suffixes and first names stay."""
    parsed = parse_name(phrase)
    assert parsed is not None
    assert (parsed.name, parsed.role) == (name, role)


@pytest.mark.parametrize("phrase", ["of State", "de", "author", "U.N. PANEL RULES FOR WIKILEAKS FOUNDER", "Attorney General"])
def test_not_names(phrase: str) -> None:
    """Lower-case words, headlines in capitals and a title alone never become names."""
    assert parse_name(phrase) is None


def test_people_and_places_and_organisations() -> None:
    """A first name makes a person (``Rand Paul``); ``San Diego`` is a place; ``People’s Daily`` stays whole."""
    assert parse_name("Rand Paul").kind == "person"  # type: ignore[union-attr]
    assert parse_name("Ben Carson").kind == "person"  # type: ignore[union-attr]
    assert parse_name("San Diego").kind == "place"  # type: ignore[union-attr]
    assert parse_name("New Hampshire").kind == "place"  # type: ignore[union-attr]
    daily = parse_name("People’s Daily")
    assert daily is not None and (daily.name, daily.kind) == ("People’s Daily", "org")


def test_publication_fragments_stand_for_the_full_name_or_nobody() -> None:
    """``the Times`` is the New York Times the article named; a bare ``Daily`` is nobody."""
    assert speakers("The New York Times reported it. “It is bad,” the Times said.") == ["New York Times"]
    assert speakers("“It is bad,” Daily said.") == [None]
    assert speakers("“It is bad,” People’s Daily said.") == ["People’s Daily"]


def test_common_words_and_peoples_are_not_speakers() -> None:
    """``United`` (written in lower case elsewhere in the article) and ``Irish`` name nobody."""
    assert speakers("The united front held. “It is fine,” United said.") == [None]
    assert speakers("“It is fine,” Irish said.") == [None]


def test_no_bare_surname_of_a_person_named_in_full() -> None:
    """Within an article every short mention takes the full name, whatever the name order."""
    text = (
        "Chinese Vice Premier Wang Ping and Shen Guofang met Dmitry Medvedev on Monday.\n\n"
        "“We agree,” Wang said. “So do we,” Shen said. “Good,” Medvedev said."
    )
    assert speakers(text) == ["Wang Ping", "Shen Guofang", "Dmitry Medvedev"]


def test_organisations_are_marked() -> None:
    """Companies, ministries and agencies stay speakers, marked as organisations."""
    quotes = extract_quotes("“Talks will go on,” the Russian Foreign Ministry said. “We agree,” Xinhua said.")
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("Russian Foreign Ministry", "organisation"),
        ("Xinhua", "organisation"),
    ]


def test_more_modifiers_and_prefixes_are_roles() -> None:
    """``Oscar-winner``, ``Donor``, a place before a name, an outlet's possessive are not the name;
    a headline run through a capitalised ``Says`` is no name at all."""
    assert parse_name("Oscar-winner Sarandon").name == "Sarandon"  # type: ignore[union-attr]
    assert parse_name("Donor Adelson").name == "Adelson"  # type: ignore[union-attr]
    assert parse_name("New Hampshire Sanders").name == "Sanders"  # type: ignore[union-attr]
    assert parse_name("Fox News’ Bret Baier").name == "Bret Baier"  # type: ignore[union-attr]
    assert parse_name("Francois Hollande Says Donald Trump") is None
    assert parse_name("Ban Ki-moon").name == "Ban Ki-moon"  # type: ignore[union-attr]
    assert parse_name("Chicago Sun-Times").kind == "org"  # type: ignore[union-attr]


def test_short_forms_of_one_name_are_one_person() -> None:
    """``Ken Starr`` and ``Kenneth Starr`` in one article: ``Starr`` is that one person."""
    text = "Kenneth Starr spoke. Ken Starr left. Kenneth Starr came back. “It is over,” Starr said."
    assert speakers(text) == ["Kenneth Starr"]


def test_a_town_named_with_its_state_is_no_speaker() -> None:
    """``Davenport, Iowa`` makes ``Davenport`` a town wherever the article names it again; no list of
    towns is needed (``Nashua, N.H.``, ``Lyon, France`` likewise)."""
    text = "She spoke in Davenport, Iowa, on Monday. “We will win,” Davenport said."
    assert speakers(text) == [None]
    assert speakers("“We will win,” Davenport said.") == ["Davenport"]
    assert speakers("Voters in Nashua, N.H., cheered. “It is ours,” Nashua said.") == [None]
