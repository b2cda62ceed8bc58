"""Round eleven b on names (issue 11): persons whose surname is a place or building word (``Jerry
Hall``, ``John Tower``, ``Molly Yard``, ``Park Geun-hye``). A mark of a person wins over the place
word: a title or an honorific before the name, a Korean given name after the family name, or a
known given name first with an age, a person's appositive, ``who``, ``said she`` or a lower-case
noun for a person by it; the places and bodies named so stay organisations. Each case is a short
text written for one rule, run through ``extract_quotes`` (or ``parse_name``)."""

from __future__ import annotations

import pytest
from pick import quote

from byline.index.quotes import parse_name


def who(text: str, opening: str) -> tuple[str | None, str | None, str | None]:
    q = quote(text, opening)
    return q.speaker, q.speaker_kind, q.role


# ---------------------------------------------------------------- a title or an honorific before it


def test_title_before_a_place_word_surname_makes_a_person_and_leaves_the_name() -> None:
    assert who("Rain fell. Sen. John Tower said: “The treaty is dead.”", "The treaty") == ("John Tower", "person", "Sen.")


def test_the_surname_of_a_titled_person_alone_is_that_person() -> None:
    text = "Rain fell. Sen. John Tower spoke first. “The treaty is dead,” Tower said."
    assert who(text, "The treaty")[:2] == ("John Tower", "person")


def test_honorific_before_a_place_word_makes_a_person() -> None:
    assert who("Rain fell. “We are sorry,” Mr Hall said.", "We are")[:2] == ("Hall", "person")


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("Sen. John Tower", "John Tower", "Sen."),
        ("President Park", "Park", "President"),
        ("Mrs. Park", "Park", None),
        ("Gov. Sarah Bridge", "Sarah Bridge", "Gov."),
    ],
)
def test_parse_name_title_wins_over_a_place_word(phrase: str, name: str, role: str | None) -> None:
    parsed = parse_name(phrase)
    assert parsed is not None and (parsed.name, parsed.role, parsed.kind) == (name, role, "person")


@pytest.mark.parametrize(
    "phrase",
    # titles that streets, courts and halls are named with, or bodies' words before the place word
    ["State Street", "Federal Court", "Crown Court", "Supreme Court", "Queen Street", "King George Square",
     "Prince Albert Road", "Senate House"],
)
def test_parse_name_places_named_with_a_title_stay_organisations(phrase: str) -> None:
    parsed = parse_name(phrase)
    assert parsed is not None and (parsed.name, parsed.kind) == (phrase, "org")


# ---------------------------------------------------------------- a Korean given name after the family name


def test_korean_family_name_park_with_a_title_is_a_person() -> None:
    text = "Rain fell. South Korean President Park Geun-hye said: “The talks will go on.”"
    assert who(text, "The talks") == ("Park Geun-hye", "person", "South Korean President")


def test_korean_family_name_park_alone_is_a_person() -> None:
    assert who("Rain fell. Park Chung-hee said: “The talks will go on.”", "The talks")[:2] == ("Park Chung-hee", "person")


def test_korean_family_name_alone_later_stands_for_the_person() -> None:
    text = (
        "Rain fell. South Korean President Park Geun-hye arrived. “We will talk,” Park said. "
        "“We will wait,” President Park said."
    )
    assert who(text, "We will talk")[:2] == ("Park Geun-hye", "person")
    assert who(text, "We will wait")[:2] == ("Park Geun-hye", "person")


@pytest.mark.parametrize("name", ["Kim Jong-un", "Ban Ki-moon"])
def test_other_korean_names_stay_persons(name: str) -> None:
    assert who(f"Rain fell. {name} said: “The talks will go on.”", "The talks")[:2] == (name, "person")


# ---------------------------------------------------------------- a given name and a mark of a person by it


def test_given_name_and_appositive_make_a_person_and_the_surname_follows() -> None:
    text = "Rain fell. “We are fine,” said Jerry Hall, the model. “It was fun,” Hall added."
    assert who(text, "We are") == ("Jerry Hall", "person", "model")
    assert who(text, "It was")[:2] == ("Jerry Hall", "person")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Rain fell. “We are fine,” said Victoria Park, a student.", "Victoria Park", "student"),
        ("Rain fell. “We are fine,” said Sarah Bridge, a commuter.", "Sarah Bridge", "commuter"),
        ("Rain fell. “We are fine,” model Jerry Hall said.", "Jerry Hall", "model"),
        ("Rain fell. Tom Park, 45, said: “We are fine.”", "Tom Park", None),
        ("Rain fell. Victoria Park, who runs a bakery, said: “We are fine.”", "Victoria Park", None),
    ],
)
def test_given_name_with_a_mark_of_a_person_is_a_person(text: str, name: str, role: str | None) -> None:
    assert who(text, "We are") == (name, "person", role)


def test_said_she_after_the_name_makes_a_person_its_surname_speaks_later() -> None:
    text = "Rain fell. Sarah Bridge said she was fine. “It was cold,” Bridge said."
    assert who(text, "It was")[:2] == ("Sarah Bridge", "person")


def test_molly_yard_with_a_persons_appositive_is_a_person() -> None:
    # wire13 made ``Yard`` a place word (``Scotland Yard``); ``Molly`` opening a sentence is no adverb
    text = "Rain fell. Molly Yard, the president of the National Organization for Women, said: “We will march.”"
    assert who(text, "We will") == ("Molly Yard", "person", "president of the National Organization for Women")


def test_surname_given_in_full_resolves_though_alone_it_is_a_rank() -> None:
    # ``Con`` alone is a rank word since wire13 (``Det Con``); after ``Tom Con`` it is his surname
    text = "Rain fell. “We are fine,” said Tom Con, a witness. “It was loud,” Con said."
    assert who(text, "We are") == ("Tom Con", "person", "witness")
    assert who(text, "It was")[:2] == ("Tom Con", "person")
    assert who("Rain fell. “It was loud,” said Det Con.", "It was")[0] is None


# ---------------------------------------------------------------- places and bodies stay organisations


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rain fell. “We are investigating,” Scotland Yard said.", "Scotland Yard"),
        ("Rain fell. “We are investigating,” said Scotland Yard.", "Scotland Yard"),
        ("Rain fell. “The roads are closed,” said Hyde Park Corner.", "Hyde Park Corner"),
        ("Rain fell. “The event is sold out,” said Madison Square Garden.", "Madison Square Garden"),
        ("Rain fell. “The event is sold out,” said Madison Square Garden, the arena.", "Madison Square Garden"),
        ("Rain fell. “We disagree,” Downing Street said.", "Downing Street"),
        ("Rain fell. “We disagree,” said Wall Street.", "Wall Street"),
        ("Rain fell. “The event is sold out,” Carnegie Hall said.", "Carnegie Hall"),
        ("Rain fell. “The bridge is closed,” Tower Bridge said.", "Tower Bridge"),
        ("Rain fell. “We are open,” said Trump Tower.", "Trump Tower"),
        ("Rain fell. “We are open,” said Central Park.", "Central Park"),
        ("Rain fell. “We are open,” Victoria Park said.", "Victoria Park"),
        ("Rain fell. “We are open,” said Victoria Park.", "Victoria Park"),
        ("Rain fell. “We are open,” said Victoria Park, the venue.", "Victoria Park"),
        ("Rain fell. “We are open,” said Victoria Park, a park in east London.", "Victoria Park"),
        ("Rain fell. “We are open,” said Grace Church, which was built in 1846.", "Grace Church"),
        ("Rain fell. “We are open,” said State Street, the bank.", "State Street"),
    ],
)
def test_places_and_buildings_stay_organisations(text: str, name: str) -> None:
    q = quote(text, text.split("“", 1)[1][:6])
    assert (q.speaker, q.speaker_kind) == (name, "organisation")


def test_given_name_and_place_word_with_no_mark_of_a_person_stay_a_place() -> None:
    q = quote("Rain fell. “We are fine,” said Jerry Hall.", "We are")
    assert (q.speaker, q.speaker_kind) == ("Jerry Hall", "organisation")
