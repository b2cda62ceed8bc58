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


@pytest.mark.parametrize(
    ("phrase", "name", "role", "kind"),
    [
        ("Brent Bozell, Jr.", "Brent Bozell Jr.", None, "person"),
        ("L. Brent Bozell III", "L. Brent Bozell III", None, "person"),
        ("RNC Chief of Staff Katie Walsh", "Katie Walsh", "RNC Chief of Staff", "person"),
        ("Secretary of State John Kerry", "John Kerry", "Secretary of State", "person"),
        ("American Federation of Teachers", "American Federation of Teachers", None, "org"),
    ],
)
def test_suffixes_and_titles_with_of(phrase: str, name: str, role: str | None, kind: str) -> None:
    """No comma inside a name, a suffix is no acronym (``III`` is no organisation), and a title
    with ``of`` (``Chief of Staff``) is all role; a name never starts with a lower-case word."""
    parsed = parse_name(phrase)
    assert parsed is not None
    assert (parsed.name, parsed.role, parsed.kind) == (name, role, kind)


def test_roles_are_descriptions_not_clauses_or_other_people() -> None:
    """A role stops at a determiner (``keep the writer``), a verb after a name (``… attacked``),
    a relative clause; an appositive that is a role and another person's name is the next item of a
    list; a clause (``the men were wearing``, ``running against …``) is no role."""
    from byline.index.quotes.phrases.roles import appositive_after, clean_role, looks_like_role, pre_role

    m = "The rally will keep the writer Jane Roe awake."
    assert pre_role(m, m.index("Jane"), 0) == "writer"
    m = "First, Jane Roe attacked former party nominee John Doe on Monday."
    assert pre_role(m, m.index("John"), 0) == "former party nominee"
    assert clean_role("retiree who worked at the plant for years") == "retiree"
    m = "Jane Roe, former Ohio governor John Doe, and others spoke."
    assert appositive_after(m, m.index(","), len(m)) is None
    m = "Jane Roe, spokeswoman for Governor John Doe, spoke."
    assert appositive_after(m, m.index(","), len(m)) == "spokeswoman for Governor John Doe"
    assert not looks_like_role("the men were wearing shirts that read")
    assert not looks_like_role("running against Ohio Republican John Doe")
    assert looks_like_role("who was senior adviser to the mayor")


def test_places_do_not_speak() -> None:
    """A country, a state or a capital is no speaker (``Japan said``), unless the article names a
    person with that surname (``Rep. Steve Israel`` … ``Israel said``)."""
    assert speakers("“We will not yield,” Japan said.") == [None]
    assert speakers("Rep. Steve Israel spoke first. “We will win,” Israel said.") == ["Steve Israel"]


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Jane Doe spoke on Monday. The senator from Vermont said the system was “rigged.”",
        "Sen. Jane Doe spoke on Monday. Later, the Vermont Republican said the system was “rigged.”",
        "Jane Doe of Springfield, Ohio says she thinks it is “rigged.”",
        "Speaking in Springfield, Ohio, Jane Doe went after Bob Roe, calling him “rigged.”",
        "Washington (AFP) – Jane Doe has taken a swipe at Bob Roe, saying that his “rigged” plan fails.",
    ],
)
def test_places_around_a_speaker_are_not_the_speaker(text: str) -> None:
    """``the senator from Vermont``, ``the Vermont Republican`` are descriptions; a town and state
    after a name or in an introductory phrase, and a dateline, are not the subject."""
    assert speakers(text) == ["Jane Doe"]


def test_a_bare_surname_takes_the_full_name_the_article_gave() -> None:
    """Of two people with one surname, a bare surname is the one an honorific fits, else the subject
    of the sentence before, else the one introduced first (the other is named in full)."""
    intro = "Jane Roe, 68, a teacher, spoke first. Her husband, John Roe, joined her. "
    assert speakers(intro + "Later on, the crowd left. “We will win,” Roe said.") == ["Jane Roe"]
    assert speakers(intro + "Later on, the crowd left. “We will win,” Mr. Roe said.") == ["John Roe"]
    assert speakers(intro + "John Roe waved. “We will win,” Roe said.") == ["John Roe"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # named in full only inside a quotation, or only in the headline
        ("“I met with FBI Director John Doe today,” Mary Roe said. On Tuesday, Doe announced it was “over.”", "John Doe"),
        ("Mayor John Doe Says He Will Run Again\n\n“We will build it,” Doe said.", "John Doe"),
        # named in full only as a possessor (``John Doe’s PAC``)
        ("The ad is funded by John Doe’s PAC, Crossroads. “We will win,” Doe said.", "John Doe"),
        # a capitalised run cut at a common word (``Jane Roe Is No Different``)
        ("NY Daily: Jane Roe Is No Different Than Anyone.\n\n“I am fine,” Roe said.", "Jane Roe"),
    ],
)
def test_a_bare_surname_finds_the_full_name_anywhere_in_the_article(text: str, expected: str) -> None:
    """A full name in a quotation, a headline, a possessor or a title-case run completes a bare
    surname the body never completes."""
    assert speakers(text)[-1] == expected


def test_roles_read_past_abbreviations_and_keep_their_own_words() -> None:
    """An appositive runs past ``Mrs.`` and ``D.C.``; an age followed by a clause is no role; a
    hyphenated title (``Editor-in-Chief``) is a role; a capitalised speech verb ends a role (a
    headline); a courtesy title at the end of a role is the name's; an appositive left open before
    the verb still gives the person before the comma."""
    from byline.index.quotes.phrases.roles import appositive_after, clean_role

    m = "Jane Roe, a close friend of Mrs. Doe, said"
    assert appositive_after(m, m.index(","), len(m)) == "a close friend of Mrs. Doe"
    m = "Jane Roe, 59, has worked at the plant for years."
    assert appositive_after(m, m.index(","), len(m)) is None
    parsed = parse_name("Post Editor-in-Chief John Doe")
    assert parsed is not None and (parsed.name, parsed.role) == ("John Doe", "Post Editor-in-Chief")
    assert clean_role("Daily News security editor Dr.") == "Daily News security editor"
    quotes = extract_quotes("Jane Roe Praises Daily Political Editor John Doe\n\n“It is fine,” said John Doe.")
    assert (quotes[-1].speaker, quotes[-1].role) == ("John Doe", None)
    (q,) = extract_quotes("John Doe, president and CEO of Springfield Bakers Association stated, “It is a math problem.”")
    assert (q.speaker, q.role) == ("John Doe", "president and CEO of Springfield Bakers Association")
