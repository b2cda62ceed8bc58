"""People mentioned, their gender, and what ``he``, ``she`` and descriptions stand for."""

from __future__ import annotations

from byline.index.quotes import extract_quotes
from byline.index.quotes.gender import gender_of
from byline.index.quotes.marks import find_spans
from byline.index.quotes.mentions import Article


def article(text: str) -> Article:
    art = Article(text, find_spans(text))
    art.prepare()
    return art


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_gender_from_honorific_first_name_and_role_head() -> None:
    """``Mrs.`` and first names say it; a role says it only by its head (``whose husband`` does not)."""
    assert gender_of("Jane Doe") == "f"
    assert gender_of("John Doe") == "m"
    assert gender_of("Pat Doe", "Mrs.") == "f"
    assert gender_of("Pat Doe", "spokeswoman for the mayor") == "f"
    assert gender_of("Dorothy Woods", "whose husband, Navy SEAL Ty Woods") == "f"
    assert gender_of("Kim Doe", "whose husband was killed") is None


def test_gender_from_the_articles_own_pronouns() -> None:
    """``Mellody Hobson said she …`` twice: the article says Hobson is a woman."""
    art = article("Mellody Hobson said she would stay. Later Mellody Hobson said she was proud. Hobson thanked him.")
    assert art.gender_of_name("Mellody Hobson") == "f"


def test_every_person_mention_is_recorded_with_its_full_name() -> None:
    """Full names, surnames of full names, titled names and possessives are mentions."""
    art = article("Dmitry Medvedev spoke. Sen. Warren listened. Medvedev’s remarks stood. Moscow waited.")
    assert [m.name for m in art.mentions] == ["Dmitry Medvedev", "Warren", "Dmitry Medvedev"]


def test_pronoun_prefers_a_speaker_or_subject_of_the_last_two_sentences() -> None:
    """``he`` is the subject of the sentence before, not a man merely mentioned."""
    text = "Ben Carson ignored the question about Ted Cruz. “It will be Denver,” he said."
    assert speakers(text) == ["Ben Carson"]


def test_pronoun_skips_the_other_gender() -> None:
    """``she`` skips the man who spoke last."""
    text = "Hillary Clinton met John Kerry. Kerry spoke first. “We agree,” she said."
    assert speakers(text) == ["Hillary Clinton"]


def test_pronoun_after_mentions_points_back_to_the_last_speaker() -> None:
    """People named only inside ``that``-clauses do not take ``he`` from the one quoted."""
    text = (
        "“Trump will be uncomfortable,” Konstantin Kosachev said. Two issues stand out. "
        "The first is that Trump is a difficult partner. “This will be a problem,” he said."
    )
    assert speakers(text) == ["Konstantin Kosachev", "Konstantin Kosachev"]


def test_possessor_of_the_subject_is_a_topic() -> None:
    """``Podliska’s lawsuit demands …  He also seeks “…”``: he is Podliska."""
    text = (
        "“No comment,” said Jamal Ware, a spokesman. Bradley Podliska filed suit. "
        "Podliska’s lawsuit demands damages. He also seeks “a permanent injunction against the chairman.”"
    )
    assert speakers(text)[-1] == "Bradley Podliska"


def test_description_goes_to_the_last_entity_introduced_with_that_noun() -> None:
    """``the lawmaker`` is the one introduced as a lawmaker; ``the daily`` the paper called a daily."""
    assert speakers(
        "Rep. John Smith, a Texas lawmaker, spoke first. Ann Lee followed. “We will fight,” the lawmaker said."
    ) == ["John Smith"]
    assert speakers("The Global Times, a state-run daily, weighed in.\n\n“It is a mistake,” the daily said.") == [
        "Global Times"
    ]


def test_former_senator_is_not_the_senator() -> None:
    """The qualifier must agree: ``the former senator`` is the one the article calls former."""
    text = "Sen. Jane Doe met Former Sen. Bob Kerrey. “It is over,” the former senator said."
    assert speakers(text) == ["Bob Kerrey"]


def test_short_mention_resolves_whatever_the_name_order() -> None:
    """``Wang Ping`` … ``Wang said``: family name first; ``Medvedev`` → ``Dmitry Medvedev``."""
    assert speakers("Vice Premier Wang Ping spoke. “We will grow,” Wang said.") == ["Wang Ping"]
    assert speakers("Dmitry Medvedev spoke. “We will grow,” Medvedev said.") == ["Dmitry Medvedev"]


def test_two_people_share_a_surname() -> None:
    """``Clinton`` goes to the Clinton named in full nearby; the plural is a family (no one person)."""
    text = (
        "Hillary Clinton campaigned. Bill Clinton spoke in Iowa on Monday.\n\n"
        "“She is ready,” Clinton said.\n\n“We are proud,” the Clintons said."
    )
    assert speakers(text) == ["Bill Clinton", None]


def test_a_topic_named_before_a_pronoun_subject_is_its_person() -> None:
    """``As for Trump, he said …``: the pronoun after the topic stands for it, not for the last speaker."""
    from byline.index.quotes import extract_quotes

    text = (
        "Ted Cruz spoke. “It would be a disaster,” Cruz said.\n\n"
        "As for Donald Trump, he said he was not worried. “I will have the delegates,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ted Cruz", "Donald Trump"]


def test_a_surname_the_article_gives_a_title_is_a_person_subject() -> None:
    """``President Obama`` makes ``Obama`` a person the article knows: a subject ``he`` points back to."""
    from byline.index.quotes import extract_quotes

    text = (
        "President Obama met the leaders. John Roe, an analyst, said “it was late.”\n\n"
        "And Obama, for all his efforts, seems to agree. “We do not know yet,” he said."
    )
    assert [q.speaker for q in extract_quotes(text)][-1] == "Obama"


def test_a_state_in_a_description_says_which_senator() -> None:
    """``the Florida senator`` is never a senator the article ties to another state (by a party tag,
    the state before the title, or ``of`` and the state), however recent; the state picks the person."""
    text = (
        "Sen. Ted Cruz (R-Texas) spoke first. Marco Rubio stressed defense during an appearance with Sen. "
        "Joni Ernst, R-Iowa.\n\nThe Florida senator told reporters he feels good, and “we will see.”"
    )
    assert speakers(text) == ["Marco Rubio"]
    text = (
        "Vermont Sen. Bernie Sanders spoke. Sen. Lindsey Graham of South Carolina spoke after him.\n\n"
        "“We will win,” the Vermont senator said."
    )
    assert speakers(text) == ["Bernie Sanders"]


def test_another_office_is_not_the_senator() -> None:
    """``President Obama`` is not ``the Vermont senator``: the person just mentioned, whom nothing gives
    another office, is (``… whether Sanders was ready. The Vermont senator emailed …``)."""
    text = (
        "President Barack Obama met the leaders to draw in Bernie Sanders supporters. “We are united,” Obama said.\n\n"
        "Democratic leaders hoped the meeting, requested by Sanders, would help. Yet it was unclear whether "
        "Sanders was ready. The Vermont senator emailed supporters saying: “The struggle continues.”"
    )
    assert speakers(text) == ["Barack Obama", "Bernie Sanders"]


def test_a_role_from_paragraphs_back_yields_to_the_subject_just_before() -> None:
    """``the senator`` right after a paragraph about Rubio is Rubio, not a senator quoted three
    paragraphs back; a role given to the same person nearby still counts from any distance."""
    text = (
        "Sen. Bernie Sanders spoke in Manchester. “We are radical,” Sanders said.\n\n"
        "The race went on.\n\n"
        "The debate changed things.\n\n"
        "Marco Rubio stopped by his headquarters. Walking in, the senator said his campaign was “closing strong.”"
    )
    assert speakers(text) == ["Bernie Sanders", "Marco Rubio"]
    text = (
        "On a mild day in Washington, President Obama had reason to smile.\n\nTalks went on.\n\nA deal came.\n\n"
        "“This is the best chance,” Obama said after golf with World Bank President Jim Yong Kim.\n\n"
        "Obama said the accord would help. The president also said that he imagined “a quiet sunset.”"
    )
    assert speakers(text)[-1] == "Obama"


def test_the_noun_of_an_unnamed_subject_just_before_is_that_source() -> None:
    """``A second CIA officer … backed the account. … the officer said`` is that unnamed officer, not
    the person named before; ``One man … interrupted the candidate: “…,” the man shouted`` likewise."""
    text = (
        "Ambassador J. Christopher Stevens was missing. A second CIA officer at the base that evening backed the "
        "account. In an email, the officer said that “the chief responded with one word.”"
    )
    assert [(q.speaker, q.speaker_kind) for q in extract_quotes(text)] == [("a second CIA officer", "unnamed")]
    text = (
        "Bernie Sanders is drawing crowds.\n\nOne man in Manchester, responding to Sanders, interrupted the candidate:\n\n"
        "“They stole the country,” the man shouted.\n\n“I wouldn’t phrase it like that,” replied Sanders."
    )
    assert speakers(text) == ["one man in Manchester", "Bernie Sanders"]


def test_pronoun_takes_a_person_a_later_paragraph_introduces() -> None:
    """A person brought in with who they are, after the last speaker's paragraph, is the next
    paragraph's ``he``; also the agent of a passive whose subject is only somebody's thing; not a
    person named as an object."""
    text = (
        "“We will win,” Tom Baker said.\n\n"
        "The crowd laughed, courtesy of John Holt, a delegate from Ohio who wore a mask.\n\n"
        "“I thought it would be funny,” he said."
    )
    assert speakers(text) == ["Tom Baker", "John Holt"]
    text = (
        "“We will win,” Tom Baker said.\n\n"
        "Baker’s plan was backed on Friday by Sen. John Holt of Ohio, the ranking member, who said it was overdue.\n\n"
        "“It is about time,” he said."
    )
    assert speakers(text) == ["Tom Baker", "John Holt"]
    # A name after ``to`` or ``for`` is nobody the paragraph introduces: ``he`` stays the speaker.
    text = (
        "“We will win,” Tom Baker said.\n\n"
        "The crowd later turned to Gov. John Holt.\n\n"
        "“I thought it would be funny,” he said."
    )
    assert speakers(text) == ["Tom Baker", "Tom Baker"]


def test_pronoun_takes_a_woman_the_article_describes_but_does_not_name() -> None:
    """``One woman from Ohio …. She met …`` is that woman, not a woman named paragraphs before; she
    stays the last to speak; a name in apposition says who she is instead."""
    text = (
        "“We will appeal,” Mary Baker said.\n\n"
        "One woman from Ohio did not learn of her status until 2008. The agency had her on record as a citizen.\n\n"
        "She met with lawyers. “I was scared,” she said.\n\n"
        "Now 46, she still works at the plant.\n\n"
        "“It is hard,” she said."
    )
    assert speakers(text) == ["Mary Baker", "one woman", "one woman"]
    text = (
        "“We will appeal,” Mary Baker said.\n\n"
        "One local woman, Jane Roe, pulled the senator aside. The agency had her on record.\n\n"
        "“I was scared,” she said."
    )
    assert speakers(text) == ["Mary Baker", "Jane Roe"]


def test_description_after_a_question_is_not_the_asker() -> None:
    """``“…?” Jane Roe asked. ¶ “…,” the senator said.``: the answer is the one asked, not the
    interviewer who asked, though nothing says she is no senator."""
    text = (
        "Tom Baker, who is running for president, spoke with Jane Roe of CNN on Monday.\n\n"
        "“We have come a long way,” Baker said.\n\n"
        "“Would that be you?” Roe asked.\n\n"
        "“That would be me,” the senator said."
    )
    assert speakers(text) == ["Tom Baker", "Jane Roe", "Tom Baker"]


def test_pronoun_takes_the_person_an_unread_sentence_opens_with() -> None:
    """A sentence whose subject the phrases cannot read still opens with its person: ``he`` is John
    Holt, not the last speaker; two people opening a sentence together are no ``he``."""
    text = (
        "“We will win,” Tom Baker said.\n\n"
        "Another memorial has grown outside the center.\n\n"
        "John Holt took his 3-year-old daughter, Chloe, there on Sunday to explain to her who Baker was.\n\n"
        "He said: “He was strong.”"
    )
    assert speakers(text) == ["Tom Baker", "John Holt"]
    text = "“We will win,” Tom Baker said.\n\nBoth John Holt and Tom Baker gave assurances.\n\n“It matters to me,” he said."
    assert speakers(text) == ["Tom Baker", "Tom Baker"]


def test_pronoun_prefers_a_woman_just_named_to_an_earlier_speaker_of_no_known_gender() -> None:
    """``she`` after ``the plan drew praise from Jane Doe`` is Jane Doe, not Pat Doe who spoke
    paragraphs before and whom nothing makes a woman or a man."""
    text = (
        "Jane Doe and Pat Doe run the farm.\n\n"
        "“We will win,” Pat Doe said.\n\n"
        "The campaign has not decided what to raise.\n\n"
        "Voters are split on the plan. On Tuesday the plan drew praise from Jane Doe. "
        "“Shutting people out is not smart,” she said."
    )
    assert speakers(text) == ["Pat Doe", "Jane Doe"]


def test_pronoun_takes_an_owner_just_named_over_a_speaker_paragraphs_back() -> None:
    """``… listening to John Holt’s speech. He called the plan “careless.”``: the owner is the topic
    the next ``he`` points to, not Tom Baker who spoke two paragraphs before."""
    text = (
        "“We will win,” Tom Baker said.\n\n"
        "The race tightened in March.\n\n"
        "That might sound strange to anyone listening to John Holt’s speech on Tuesday. "
        "He called the plan “careless,” and left."
    )
    assert speakers(text) == ["Tom Baker", "John Holt"]


def test_pronoun_takes_the_person_named_in_apposition_to_an_opening_description() -> None:
    """``One delegate, Ohio party chairwoman Jane Holt, pledged her vote to Baker …`` opens with Jane
    Holt: the next ``she`` is hers, not Mary Baker's, named after it as the object."""
    text = (
        "“We will win,” Mary Baker said.\n\n"
        "The race tightened in March.\n\n"
        "One delegate, Ohio party chairwoman Jane Holt, pledged her vote to Baker on Monday and urged Baker to go on.\n\n"
        "“We need to close this,” she said."
    )
    assert speakers(text) == ["Mary Baker", "Jane Holt"]


def test_a_sentence_opening_with_he_votes_for_the_one_person_named_before() -> None:
    """``One voter, Quillan Voss, 35, showed up …. He had protested Baker …``: the opening ``He``
    says Voss is a man even though its own sentence names others, so the next ``he`` is Voss, who
    opens the sentence before in apposition, not Tom Baker who spoke paragraphs earlier."""
    text = (
        "“We will win,” Tom Baker said.\n\n"
        "The band played on.\n\n"
        "One voter, Quillan Voss, 35, showed up in a beret. He had protested Baker at a rally and talked with Ann Lee.\n\n"
        "“I met a lot of supporters,” he said."
    )
    assert speakers(text) == ["Tom Baker", "Quillan Voss"]


def test_a_description_modified_by_a_persons_name_is_somebody_of_theirs() -> None:
    """``the Roe supporter`` is not the person just named, nor Roe: only somebody the article ties to
    Roe by their role."""
    t = (
        "Former minister Jane Doe urged voters to back Mary Roe, saying, “Vote for the record.”\n\n"
        "At the town hall meeting on Monday, the Roe supporter retorted: “Vote for the future.”"
    )
    speakers = [q.speaker for q in extract_quotes(t)]
    assert speakers == ["Jane Doe", None]
    t = (
        "Tom Hale, a Roe supporter from Ames, spoke after her.\n\n"
        "Jane Doe left early. “Vote for the future,” the Roe supporter said."
    )
    assert [q.speaker for q in extract_quotes(t)] == ["Tom Hale"]


def test_the_head_of_a_body_is_a_person_not_the_body() -> None:
    """``the head of the EP’s rules committee has accused`` is that unnamed person, not the committee
    nor the party named before; a spokesman of a body still leaves the body speaking."""
    t = (
        "A struggle has erupted at the Example Party, as the head of the EP’s powerful rules committee has "
        "accused its leaders of a “major breach of trust” in trying to block a change."
    )
    [q] = extract_quotes(t)
    assert (q.speaker, q.speaker_kind) == ("the head of the EP’s powerful rules committee", "unnamed")
