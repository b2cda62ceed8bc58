"""Round eleven's rules for speakers the text does not name: unnamed sources and groups that speak
(``the official said`` far after ``a Mexican official``; ``said the senior Cruz adviser`` after ``a
senior Cruz adviser``). Each case is a short text written for the rule, checked through the public
API (``extract_quotes``); the cases of each rule fail without it, the others pin what must stay."""

from __future__ import annotations

import pytest

from pick import quote, speaker

_FILLER = "\n\nThe mill opened in 1901.\n\nIt made paper.\n\nIts owners sold it in 1990.\n\nThe town shrank.\n\n"
"""Four paragraphs with no speaker in them: the distance past which ``the official`` used to name nobody."""

REPEATED_CASES = [
    # ``the <description>`` repeats an unnamed source quoted earlier in the article, however far back
    ("“The mill is finished,” said a senior Hale adviser." + _FILLER + "“Not only can we win, we will,” said the "
     "senior Hale adviser.", "a senior Hale adviser"),
    ("“The mill is finished,” said a senior city official who was not authorized to speak." + _FILLER + "“Not only "
     "can we win, we will,” the official said.", "a senior city official"),
    ("One city official, who asked not to be named, said the mill “is finished.”" + _FILLER + "“Not only can we "
     "win, we will,” the city official later said.", "one city official"),
]


@pytest.mark.parametrize("text,expected", REPEATED_CASES)
def test_definite_description_repeats_an_unnamed_source(text: str, expected: str) -> None:
    """``the official said`` names the one unnamed official the article quoted before."""
    q = quote(text, "Not only")
    assert (q.speaker, q.speaker_kind) == (expected, "unnamed")


REPEATED_NONE_CASES = [
    # two unnamed officials: the reader cannot tell which one ``the official`` is
    "“The mill is finished,” said a city official. “It is,” said a state official." + _FILLER + "“Not only can "
    "we win, we will,” the official said.",
    # a description that says more than the earlier one is somebody else
    "“The mill is finished,” said a city official." + _FILLER + "“Not only can we win, we will,” the former "
    "official said.",
    # a description with no unnamed source before it, or another noun
    "The mill opened." + _FILLER + "“Not only can we win, we will,” the official said.",
    "“The mill is finished,” said a city official." + _FILLER + "“Not only can we win, we will,” the adviser "
    "said.",
]


@pytest.mark.parametrize("text", REPEATED_NONE_CASES)
def test_definite_description_names_nobody_else(text: str) -> None:
    """A definite description no single earlier unnamed source fits names nobody."""
    assert speaker(text, "Not only") is None


BODY_AFTER_NAME_CASES = [
    # a body's noun or a possessive after a name goes on with the phrase that says whose or where the
    # source is (``familiar with the Clinton campaign’s organization``, ``at the Tampa station``)
    ("Rain fell. “Not only can we win, we will,” said one longtime Democrat familiar with the Hale campaign’s "
     "thinking, who asked not to be named.", "one longtime Democrat familiar with the Hale campaign’s thinking"),
    ("Rain fell. The mayor was “Not only angry but scared,” according to a source at the Riverton station.",
     "a source at the Riverton station"),
    ("Rain fell. “Not only can we win, we will,” said a source close to the Hale campaign.",
     "a source close to the Hale campaign"),
]


@pytest.mark.parametrize("text,expected", BODY_AFTER_NAME_CASES)
def test_description_phrase_goes_on_past_a_body_after_a_name(text: str, expected: str) -> None:
    """An unnamed source whose phrase holds a name, then a body's noun or a possessive, is read whole."""
    q = quote(text, "Not only")
    assert (q.speaker, q.speaker_kind) == (expected, "unnamed")


def test_description_phrase_still_ends_at_a_verb_after_a_name() -> None:
    """A lower-case word after a name that is no body's noun still ends the phrase (``from Hanover going``)."""
    text = "Rain fell. “Not only can we win, we will,” said a voter from Hanover going by train."
    assert speaker(text, "Not only") == "a voter from Hanover"


PRONOUN_GROUP_CASES = [
    # ``his aides``, ``her lawyers``: the group of the one person of that gender named just before
    ("Rain fell. Tom Hale lost the vote. “Not only wrong,” his aides said.", "Hale’s aides"),
    ("Rain fell. Tom Hale lost the vote. “Not only wrong,” said his longtime advisers.", "Hale’s longtime advisers"),
    ("Rain fell. Jane Roe lost the vote. Her lawyers argued the count was “Not only wrong.”", "Roe’s lawyers"),
    ("Rain fell. Jane Roe sued the mill in 2010. The case put her “Not only through hell,” according to her "
     "lawyers in a filing.", "Roe’s lawyers"),
]


@pytest.mark.parametrize("text,expected", PRONOUN_GROUP_CASES)
def test_pronoun_group_names_its_owner(text: str, expected: str) -> None:
    """A group owned through ``his``/``her`` speaks as the group of the person the pronoun clearly is."""
    q = quote(text, "Not only")
    assert (q.speaker, q.speaker_kind) == (expected, "unnamed")


PRONOUN_GROUP_NONE_CASES = [
    # two men named just before: ``his`` is not clear
    "Rain fell. Tom Hale beat Ben Ortiz. “Not only wrong,” his aides said.",
    # nobody of that gender named in this sentence or the one before
    "Rain fell. Jane Roe lost the vote. “Not only wrong,” his aides said.",
    "Tom Hale ran.\n\nThe mill opened in 1901. It made paper.\n\n“Not only wrong,” his aides said.",
]


@pytest.mark.parametrize("text", PRONOUN_GROUP_NONE_CASES)
def test_pronoun_group_with_no_clear_owner_names_nobody(text: str) -> None:
    """``his aides`` with no single man the pronoun can be names nobody (and no other group)."""
    assert speaker(text, "Not only") is None


def test_pronoun_group_that_is_no_subject_stays_the_object() -> None:
    """``a voter told his aides``: the voter speaks, not the aides."""
    text = "Rain fell. Tom Hale lost the vote. “Not only wrong,” a voter told his aides."
    assert speaker(text, "Not only") == "a voter"


def test_person_and_pronoun_group_keep_the_person() -> None:
    """``Hale and his aides said``: the group is not the subject alone."""
    text = "Rain fell. Tom Hale lost the vote. Tom Hale and his aides said the count was “Not only wrong.”"
    assert speaker(text, "Not only") != "Hale’s aides"


def test_definite_description_repeats_an_unnamed_person_introduced_unquoted() -> None:
    """``said the designer`` after ``a fashion designer for the Roe Group watched …``: the one person the
    article introduced with that noun, though not quoted before."""
    text = ("Rain fell. As the mayor spoke, a fashion designer for the Roe Group watched from home.\n\n"
            "“Not only can we win, we will,” said the designer, who asked not to be named.")
    q = quote(text, "Not only")
    assert (q.speaker, q.speaker_kind) == ("a fashion designer for the Roe Group", "unnamed")


def test_definite_description_with_two_introduced_names_nobody() -> None:
    """Two people introduced with the noun: ``the designer`` could be either."""
    text = ("Rain fell. A fashion designer for the Roe Group watched. A young designer from Ohio left.\n\n"
            "“Not only can we win, we will,” said the designer.")
    assert speaker(text, "Not only") is None
