"""Round nine's second pass on names (issue 11, "the speakers view must be trustworthy"): shapes of
news prose whose names the earlier rules misread (a newspaper's masthead read as a person, a Dutch
particle, a quoted nickname, a role of several words before the name, …). Each case is a short text
written for the rule, run through ``extract_quotes``; the rule cases fail without their rule."""

from __future__ import annotations

from pick import quote


def test_masthead_is_an_organisation() -> None:
    # a place or a word that opens no given name, then a noun newspapers are named with
    q = quote("Rain fell. “Leave the guns at home,” opined the Riverton Sentinel.", "Leave")
    assert (q.speaker, q.speaker_kind) == ("Riverton Sentinel", "organisation")
    q = quote("Rain fell. “Nobody wins this war,” the Manila Star wrote on Monday.", "Nobody")
    assert (q.speaker, q.speaker_kind) == ("Manila Star", "organisation")


def test_given_name_before_masthead_noun_stays_a_person() -> None:
    q = quote("Rain fell. “We are ready,” said Mark Star, the drummer.", "We are")
    assert (q.speaker, q.speaker_kind) == ("Mark Star", "person")


def test_dutch_particle_with_t_belongs_to_the_name() -> None:
    # ``in ’t`` and ``van ’t`` are particles of a Dutch surname, like ``van`` and ``de``
    text = "Rain fell. “Europe is breaking apart,” said Sophie in 't Veld, a Dutch member of the parliament."
    assert quote(text, "Europe").speaker == "Sophie in 't Veld"
    assert quote("Rain fell. “The data are clear,” said Jacobus van ’t Hoff, a chemist.", "The data").speaker == (
        "Jacobus van ’t Hoff"
    )


def test_role_of_several_lower_case_words_before_a_name() -> None:
    # ``said master of ceremonies Jane Roe``: a role of lower-case words with ``of`` before a full name
    text = "Rain fell. “Welcome to the town,” said master of ceremonies Asab Tannir, a local teacher."
    assert quote(text, "Welcome").speaker == "Asab Tannir"
    q = quote("Rain fell. “Welcome to the town,” said master of ceremonies Jane Roe.", "Welcome")
    assert (q.speaker, q.role) == ("Jane Roe", "master of ceremonies")


def test_lower_case_words_with_of_before_no_person_give_no_speaker() -> None:
    assert quote("Rain fell. “Welcome to the town,” said parts of New York.", "Welcome").speaker is None


_NICK = (
    "Rain fell on the march. Mark “Chico” Delgado of Fresno carried a flag. “I cried the whole way,” he said."
    "\n\nLater, Delgado said: “We will be back.”"
)


def test_quoted_nickname_belongs_to_the_name_and_is_a_term() -> None:
    # a nickname in quotes between given name and surname: the name reads without it, the quote is a term
    nick = quote(_NICK, "Chico")
    assert (nick.kind, nick.speaker) == ("term", None)
    assert quote(_NICK, "I cried").speaker == "Mark Delgado"
    assert quote(_NICK, "We will").speaker == "Mark Delgado"


def test_adjective_of_a_people_or_language_alone_names_nobody() -> None:
    # ``added Latin hits``: a language or region adjective is no name, even before ``said``
    assert quote("Rain fell. Latin said the show was “a triumph.”", "a triumph").speaker is None
    assert quote("Rain fell. Hispanic said the show was “a triumph.”", "a triumph").speaker is None
    assert quote("Rain fell. Hale said the show was “a triumph.”", "a triumph").speaker == "Hale"


def test_movement_named_by_a_clause_is_an_organisation() -> None:
    # no given name, a plural in the middle: ``Black Lives Matter``, ``Human Rights Campaign``
    q = quote("Rain fell. Green Towns Rise issued a statement calling the plan “a disgrace.”", "a disgrace")
    assert (q.speaker, q.speaker_kind) == ("Green Towns Rise", "organisation")
    q = quote("Rain fell. “We are ready,” said Mark Jones Hale, a farmer.", "We are")
    assert (q.speaker, q.speaker_kind) == ("Mark Jones Hale", "person")


def test_plural_word_before_a_given_name_is_no_part_of_the_name() -> None:
    # a sentence opening with a plural noun for people before the name: ``Celebrities Julianne Moore``
    text = (
        "Rain fell. Newcomers Laura Tinsley and Tom Hale went to the fair. Tinsley thanked the mayor for "
        "“standing up for us.”"
    )
    assert quote(text, "standing").speaker == "Laura Tinsley"


def test_nouns_for_bodies_make_organisations() -> None:
    # ``Institution``, ``Legion``, ``Research``, ``Caucus``: nouns bodies are named with
    q = quote("Rain fell. The Westbrook Institution said, “We have no plans to buy it.”", "We have")
    assert (q.speaker, q.speaker_kind) == ("Westbrook Institution", "organisation")
    q = quote("Rain fell. “Stop using our emblem,” the Ohio Legion said.", "Stop")
    assert (q.speaker, q.speaker_kind) == ("Ohio Legion", "organisation")


def test_past_tense_opening_a_title_case_run_is_no_given_name() -> None:
    # ``… After This Senator Endorsed Trump, The …``: a verb of a title-case line, then a surname
    text = (
        "What Happened After The Governor Endorsed Hale, The Party Did Something Odd.\n\n"
        "The mayor won the vote on Tuesday. Hale jokingly said, “I am becoming mainstream.”"
    )
    assert quote(text, "I am").speaker == "Hale"


def test_more_nouns_for_people_are_roles() -> None:
    # ``Hacker Guccifer``, ``Celebrity Jane Roe``: a noun for a person is a role, not a given name
    q = quote("Rain fell. Hacker Zorblat said the server was “wide open.”", "wide open")
    assert (q.speaker, q.role) == ("Zorblat", "Hacker")
