"""Unnamed sources (``said a senior administration official``): speakers of their own kind, named by
the description the article gives, never taken for a person's name or for somebody named nearby."""

from __future__ import annotations

import pytest

from pick import found, quote


@pytest.mark.parametrize(
    ("text", "opening", "expected", "rule"),
    [
        ("Talks resumed. “The talks are stuck,” said a senior administration official.", "The talks", "a senior administration official", "trail"),
        ("Talks resumed. “The talks are stuck,” two people familiar with the negotiations said.", "The talks", "two people familiar with the negotiations", "trail"),
        ("Talks resumed. “Nobody moved,” one diplomat who attended the meeting said.", "Nobody", "one diplomat", "trail"),
        ("Talks resumed. One diplomat who attended the meeting said: “Nobody moved.”", "Nobody", "one diplomat", "lead"),
        ("Talks resumed. A Treasury official, who asked not to be named, told reporters that “the numbers are wrong.”", "the numbers", "a Treasury official", "lead"),
        ("Talks resumed. On Monday, several Republican senators said the plan was “dead on arrival.”", "dead on", "several Republican senators", "lead"),
        ("Talks resumed. “It is late,” said an aide to the governor.", "It is", "an aide to the governor", "trail"),
        ("Talks resumed. “It is late,” said an official at the Pentagon on Monday.", "It is", "an official at the Pentagon", "trail"),
        ("Talks resumed. “It is late,” said a source close to the mayor.", "It is", "a source close to the mayor", "trail"),
        ("Talks resumed. “It is late,” a source with direct knowledge of the talks told Reuters, speaking on condition of anonymity.",
         "It is", "a source with direct knowledge of the talks", "trail"),
        ("Talks resumed. Another source familiar with the mayor’s thinking said, “He will try.”", "He will", "another source familiar with the mayor’s thinking", "lead"),
        ("Talks resumed. One aide inside City Hall tried to play it down, saying it was “no big deal.”", "no big", "one aide inside City Hall", "lead"),
        ("Talks resumed. “It is late,” said a spokesman at a news conference.", "It is", "a spokesman", "trail"),
        ("Talks resumed. “It is late,” said one of the governor’s longtime advisers.", "It is", "one of the governor’s longtime advisers", "trail"),
        # somebody's spokesman is not that somebody speaking
        ("“It is bad,” a Clinton spokesman said. Hillary Clinton spoke later.", "It is", "a Clinton spokesman", "trail"),
        ("Talks resumed. A senior official dismissed the report, calling it “pure fiction.”", "pure", "a senior official", "lead"),
        ("Talks resumed. The plan is “dead on arrival,” according to a person familiar with the matter.", "dead on", "a person familiar with the matter", "trail"),
        ("Talks resumed. According to two senior officials, the plan is “dead.”", "dead", "two senior officials", "lead"),
        ("Talks resumed. “The plan is dead,” according to a senior official.", "The plan", "a senior official", "trail"),
        ("Talks resumed. The bill means “the end of the plan” for the party, according to a senior official.", "the end", "a senior official", "later"),
        # the description is the subject even where a name stands inside it
        ("Talks resumed. “It is late,” an official at the Transport Ministry said.", "It is", "an official at the Transport Ministry", "trail"),
        ("Talks resumed. “It is late,” a lawyer for Jane Roe said.", "It is", "a lawyer for Jane Roe", "trail"),
        ("Talks resumed. A friend of Jane Roe said: “She was kind.”", "She was", "a friend of Jane Roe", "lead"),
        # a plural with no determiner, when a modifier says whose or which
        ("Talks resumed. “The plan is dead,” U.S. officials said.", "The plan", "U.S. officials", "trail"),
        ("Talks resumed. On Monday, senior administration officials said the plan was “dead.”", "dead", "senior administration officials", "lead"),
    ],
)
def test_an_unnamed_source_is_the_speaker_by_its_description(text: str, opening: str, expected: str, rule: str) -> None:
    q = quote(text, opening)
    assert (q.speaker, q.speaker_kind, q.role, q.kind) == (expected, "unnamed", None, "speech")
    assert found(text, opening).how == rule


def test_an_unnamed_sources_turn_carries_on_like_anybody_elses() -> None:
    text = (
        "Talks resumed. “The talks are stuck,” said a senior administration official, “and nobody expects more.”\n\n"
        "“We will try again in March.”"
    )
    assert quote(text, "and nobody").speaker == "a senior administration official"
    assert quote(text, "We will").speaker == "a senior administration official"


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Talks resumed. “It was late,” said a senior official.\n\n“We tried,” the official added.", "We tried"),
        ("Talks resumed. A senior official said it was “too late.” At the same time, the person added, “we tried.”", "we tried"),
        ("Talks resumed. A senior official said it was “too late.”\n\n“We tried,” the source said.", "We tried"),
    ],
)
def test_the_official_or_the_person_points_back_to_the_unnamed_source(text: str, opening: str) -> None:
    q = quote(text, opening)
    assert (q.speaker, q.speaker_kind) == ("a senior official", "unnamed")


def test_the_official_is_not_an_unnamed_source_of_another_noun() -> None:
    text = "Talks resumed. “It was late,” said a senior aide.\n\n“We tried,” the official added."
    assert quote(text, "We tried").speaker != "a senior aide"


@pytest.mark.parametrize(
    ("text", "opening", "expected"),
    [
        # a name given for the source wins over the description
        ("Talks resumed. “It is late,” said a longtime adviser, Jane Roe.", "It is", "Jane Roe"),
        ("Talks resumed. “It is late,” a spokesman for the company, John Smith, said.", "It is", "John Smith"),
        # a body's spokesman speaks for the body
        ("Talks resumed. “It is late,” a spokesman for the Transport Ministry said.", "It is", "Transport Ministry"),
        # a company's spokeswoman speaks for the company
        ("Dow cut jobs on Monday. A Dow spokeswoman said the cuts were “painful but needed.”", "painful", "Dow"),
        # a description in apposition to a name is that person's, not a source of its own
        ("Talks resumed. The question came from Jane Roe, a farm lobbyist who has repeatedly criticized the plan as “a giveaway.”", "a giveaway", "Jane Roe"),
        ("Talks resumed. Jane Roe — a teacher who lives in Ohio — said “it is over.”", "it is", "Jane Roe"),
        # things and crowds are no unnamed source
        ("Talks resumed. “Prices rose,” a 2013 study found.", "Prices", None),
        ("Talks resumed. “Prices rose,” officials said.", "Prices", None),
        ("Talks resumed. “Prices rose,” the officials said.", "Prices", None),
        ("Talks resumed. Mayor Jane Roe sharply rebuked critics, calling them “cowards.”", "cowards", "Jane Roe"),
    ],
)
def test_what_is_no_unnamed_source(text: str, opening: str, expected: str | None) -> None:
    q = quote(text, opening)
    assert q.speaker_kind != "unnamed"
    if expected is None:
        assert q.speaker is None
    else:
        assert q.speaker == expected


@pytest.mark.parametrize(
    ("text", "opening", "expected"),
    [
        # ``he``/``she`` right after an unnamed source's words is that source, not somebody named before
        ("Mayor Jane Roe visited the town on Monday.\n\n“We have nothing left,” said one resident, who did not want to be named. "
         "“The water took everything,” she added.", "The water", "one resident"),
        ("Mayor John Roe visited the town on Monday.\n\n“We have nothing left,” said a senior official. "
         "He added that the town was “finished.”", "finished", "a senior official"),
        # ... unless a person of that gender is named after the source spoke
        ("Rain fell.\n\nA reporter asked Senator John Roe how he felt. He replied: “The bigger the turnout, the better.”",
         "The bigger", "John Roe"),
        # a plural source is no ``he``; a mother is no ``he``
        ("Mayor John Roe visited the town on Monday.\n\n“We have nothing left,” two officials said. He added that the town was “finished.”",
         "finished", "John Roe"),
        ("Mayor John Roe visited the town on Monday.\n\n“We have nothing left,” said a mother of three. He added that the town was “finished.”",
         "finished", "John Roe"),
    ],
)
def test_a_pronoun_after_an_unnamed_source(text: str, opening: str, expected: str) -> None:
    assert quote(text, opening).speaker == expected


def test_another_after_an_unnamed_source_is_another_of_its_kind() -> None:
    text = ("Talks resumed.\n\n“It is fun,” one user wrote.\n\nAnother said he hoped Trump wins: “That way I can "
            "watch the comedy.”")
    q = quote(text, "That way")
    assert (q.speaker, q.speaker_kind) == ("another user", "unnamed")
    # after a person, ``Another`` names nobody
    assert quote("Talks resumed.\n\n“It is fun,” Jane Roe wrote.\n\nAnother said: “That is wrong.”", "That is").speaker is None


@pytest.mark.parametrize(
    ("text", "opening", "expected"),
    [
        # a plural speaks when it says whose it is: an owner in the possessive ...
        ("The court met on Monday. “No,” Roe’s lawyers said.", "No", "Roe’s lawyers"),
        ("The court met on Monday. Roe’s lawyers said the law was “plain.”", "plain", "Roe’s lawyers"),
        ("The court met on Monday. “It is over,” said Jane Roe's longtime advisers.", "It is", "Jane Roe's longtime advisers"),
        # ... or after the noun
        ("The court met on Monday. Attorneys for Roe opposed the effort, saying in court files that the account “was private.”",
         "was private", "attorneys for Roe"),
        ("The court met on Monday. “It is private,” lawyers for the state said.", "It is", "lawyers for the state"),
        ("The court met on Monday. “It is private,” said lawyers for the state.", "It is", "lawyers for the state"),
        ("The court met on Monday. “It is private,” according to aides to Gov. Jane Roe.", "It is", "aides to Gov. Jane Roe"),
        ("The court met on Monday. Lawyers for the Roe family said it was “great.”", "great", "lawyers for the Roe family"),
        ("The court met on Monday. Roe’s aides denied it, saying the report was “false.”", "false", "Roe’s aides"),
        ("The court met on Monday. But Roe’s lawyers said it was “late.”", "late", "Roe’s lawyers"),
        ("The court met on Monday. Republican members of Congress said it was “late.”", "late", "Republican members of Congress"),
        # ``the lawyers`` points back to the last group introduced with that noun
        ("The court met on Monday. In response, Roe’s lawyers relied on precedent.\n\n"
         "These sources, the lawyers said, “all point one way.”", "all point", "Roe’s lawyers"),
        ("The court met on Monday. “It is private,” Pentagon officials said.\n\n“We will wait,” the officials added.",
         "We will", "Pentagon officials"),
        # ... passing over references back to it
        ("The court met on Monday. Lawyers for the state filed a motion. The lawyers argued it at length.\n\n"
         "“It is weak,” these lawyers said.", "It is", "lawyers for the state"),
    ],
)
def test_a_group_that_says_whose_it_is_speaks(text: str, opening: str, expected: str) -> None:
    q = quote(text, opening)
    assert (q.speaker, q.speaker_kind, q.kind) == (expected, "unnamed", "speech")


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # a plural of nobody in particular, or a group against somebody, is no speaker to look up
        ("The court met on Monday. “It is private,” critics say.", "It is"),
        ("The court met on Monday. “It is private,” Roe’s critics say.", "It is"),
        ("The court met on Monday. “It is private,” lawyers for the family said.", "It is"),
        ("The court met on Monday. Supporters of Roe’s plan said the bill was “dead.”", "dead"),
        ("The court met on Monday. Leaders of both parties said the bill was “dead.”", "dead"),
        # ``the officials`` after officials no name or place says which
        ("The court met on Monday. Former officials said it was “late.”\n\n“We will wait,” the officials added.", "We will"),
        # ``the lawyers`` after lawyers of nobody in particular names nobody, whoever had lawyers before
        ("The court met on Monday. Roe’s lawyers filed a motion.\n\nLawyers who watched the case were puzzled. "
         "“It is weak,” the lawyers said.", "It is"),
        # a pronoun or a function word is no owner
        ("The court met on Monday. “It is private,” his lawyers said.", "It is"),
        ("The court met on Monday. It’s lawyers who decide, he said, that “it is private.”", "it is private"),
    ],
)
def test_a_group_of_nobody_in_particular_does_not_speak(text: str, opening: str) -> None:
    q = quote(text, opening)
    assert q.speaker_kind != "unnamed"


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Talks resumed. “Prices rose,” some voters said.", "Prices"),
        ("Talks resumed. Many reporters noted the change from the usual slogan, “Keep Going.”", "Keep"),
        ("Talks resumed. “Prices rose,” several officials said.", "Prices"),
    ],
)
def test_a_count_of_nobody_in_particular_is_no_source(text: str, opening: str) -> None:
    assert quote(text, opening).speaker is None


def test_a_number_or_a_modifier_still_makes_a_source() -> None:
    assert quote("Talks resumed. “Prices rose,” two voters said.", "Prices").speaker == "two voters"
    assert quote("Talks resumed. “Prices rose,” some Iowa voters said.", "Prices").speaker == "some Iowa voters"
    assert quote("Talks resumed. “Prices rose,” some people familiar with the talks said.", "Prices").speaker == (
        "some people familiar with the talks"
    )
