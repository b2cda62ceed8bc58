"""Round ten's rules: speakers standing in view in shapes of news prose the earlier rules misread
(somebody's speech noun after another's verb, …). Each case is a short text written for the rule,
checked through the real path (``Found.how`` names the rule)."""

from __future__ import annotations

import pytest

from byline.index.quotes.phrases.roles import clean_role
from pick import found, quote, speaker

NAMED_CASES = [
    # somebody's speech noun after the sentence's verb, the quote right inside what it names: the
    # owner's words, not the verb's subject's (``call for``, ``calls to``, ``assertion of``)
    ("owned", "Rain fell. The protest denounced Mayor Tom Hale’s call for “a complete overhaul of the police.”",
     "a complete", "Tom Hale"),
    ("lead", "Ruth Cole spoke at the mill. She rallied workers with her calls to end the “rigged economy” of the "
     "valley.", "rigged", "Ruth Cole"),
    ("owned", "Rain fell. Ben Ortiz, the council's lawyer, called Tom Hale’s assertion of a “right to know” over "
     "the files baseless.", "right to know", "Tom Hale"),
    ("owned", "Rain fell. Critics said Mayor Tom Hale’s past remarks, including his promise to stay "
     "“neutral” in the strike, worried workers.", "neutral", "Tom Hale"),
    ("lead", "Rain fell. The council rejected Mayor Tom Hale’s offer to make an “exception” for the mill.",
     "exception", "Tom Hale"),
    ("lead", "Rain fell. Tom Hale’s conclusion that the mill was “beyond repair” stunned the town.", "beyond",
     "Tom Hale"),
    # … and a participle after it still hangs off the verb's subject
    ("owned", "Mayor Tom Hale spoke. Ruth Cole blasted Hale’s call for a “city guard” on Monday, calling it "
     "“absurd.”", "city guard", "Tom Hale"),
    ("lead", "Mayor Tom Hale spoke. Ruth Cole blasted Hale’s call for a “city guard” on Monday, calling it "
     "“absurd.”", "absurd", "Ruth Cole"),
    # a present tense between a name and a capitalised word is that person's verb, not a role of the
    # name after it: the writer's sentence about the speaker keeps the speaker's turn
    ("cont", "“Jobs come first,” says Dana Whitlock, 41, of Dayton. Whitlock supports Republican Ben Ortiz in "
     "the race. “I have three kids and one paycheck.”", "I have", "Dana Whitlock"),
    # … while a plural inside a role still reads as a role
    ("trail", "Rain fell. “We will answer,” said White House communications director Dana Whitlock.", "We will",
     "Dana Whitlock"),
    # a speech verb in a relative clause closed before the quote, the main clause going on to it, says
    # nothing of the quote: the verb before the clause does (here a passive's agent)
    ("lead", "Rain fell. Ruth Cole was asked by moderator Ben Ortiz whether her plan, which the Tax League "
     "estimates would cost $2 billion a year, would risk “adding another costly program.”", "adding", "Ben Ortiz"),
    ("lead", "Tom Hale spoke next. He said that the rival campaign’s memo, which some have argued was a trick, "
     "was an “insult” to volunteers.", "insult", "Tom Hale"),
    # … and the asker is no speaker a later ``he`` points back to: the sentence is still about its subject
    ("trail", "Rain fell. Sen. Tom Hale was asked by moderator Ben Ortiz whether his plan, which the Tax League "
     "estimates would cost $2 billion a year, would risk “adding another costly program.”\n\nThe senator’s answer was "
     "that “the family comes first.” But he had a slip.\n\n“The most important job is being a parent,” he "
     "said.", "The most", "Tom Hale"),
    # a dash credit ending the paragraph after a quote whose own sentence names its speaker is the
    # item's writer (a roundup of short items): the speaker before the quote keeps it
    ("lead", "Mayor Tom Hale said Monday that he will “form a new council” and insisted that his party was "
     "“still the first force in town.”--Dana Whitlock.\n\nRain fell on the valley.", "still the", "Tom Hale"),
    # … while a credit after a quote with no cue before it is the quote's own
    ("trail", "Rain fell.\n\n“The valley will rise again.” -- Mayor Tom Hale.\n\nThe mill closed.", "The valley",
     "Tom Hale"),
    # an unnamed source speaking to an outlet is the source, not the outlet
    ("lead", "Rain fell. Another mill source speaking to the Daily Ledger said, “The books were cooked.”",
     "The books", "another mill source"),
    ("trail", "Rain fell. “The books were cooked,” one aide talking to reporters said.", "The books",
     "one aide"),
    # two titles of one person joined by ``and``, a state qualifying the first, in a long attribution
    ("trail", "Rain fell. “He did it in 2008,” said former Pennsylvania Gov. and Democratic State Committee "
     "Chairman Tom Hale. “He will do it again.”", "He did", "Tom Hale"),
    # a headline in capitals run on before a sentence (a newsletter's items) is no part of the name
    ("lead", "Rain fell. [Wire.]\n\nAT LEAST TEN HURT IN DEADLY RIVERTON EXPLOSION Turkish Minister Ali Demir said the "
     "blast, which shook the town, had “no clear cause.” [Wire.]", "no clear", "Ali Demir"),
    # a paragraph in the writer's voice about the last speaker, between two of their quotation
    # paragraphs, does not end their turn
    ("cont", "Rain fell.\n\n“The mill can reopen,” Dana Whitlock notes.\n\nWhitlock is upbeat about the vote, in "
     "part because she sees the council as united.\n\n“Not only can we win, we will.”", "Not only", "Dana Whitlock"),
    # a label opening its paragraph with a role in lower-case words, then a full name and a colon
    ("label", "Rain fell.\n\nFormer secretary of state Jane Roe:\"We learned that from the department.\"\n\n- "
     "exchange at a hearing.", "We learned", "Jane Roe"),
    # a title-case subhead ending with a full stop, its capitalised cue verb before the quote
    ("headline", "Rain fell on the valley for three days.\n\n10\nDana Whitlock Explained Why She Felt “Unseen” As "
     "A Child.\n\nShe spoke at the mill.", "Unseen", "Dana Whitlock"),
    # a speech noun after no verb reads as before
    ("lead", "Rain fell. Ruth Cole’s claim that the mill “will reopen” drew cheers.", "will reopen", "Ruth Cole"),
    # round ten b: what others say somebody said (``is reported to have called``): the subject speaks
    ("lead", "Rain fell. Mayor Tom Hale also is reported to have called the council “free riders” on the "
     "budget.", "free riders", "Tom Hale"),
    ("lead", "Rain fell. Ruth Cole was said to have told the board that it was “a sinking ship.”", "a sinking",
     "Ruth Cole"),
    # ``made the point that``, ``made the case that``: a speech verb of three words
    ("lead", "Rain fell. Tom Hale also made the point that the plan, pushed further by the council, would make "
     "the valley “a ghost town” by May.", "a ghost", "Tom Hale"),
    ("lead", "Rain fell. Ruth Cole made the case that the mill was “worth saving.”", "worth saving", "Ruth Cole"),
    # ``according to`` a document filed by a person named with a role in lower case: that person,
    # not the last one the text named
    ("trail", "Ruth Cole met Dana Whitlock. Whitlock said she was hurt.\n\n“The evidence is insufficient to "
     "support a prosecution,” according to a court document filed by state attorney Ben Ortiz.", "The evidence",
     "Ben Ortiz"),
    # a participle after ``by`` notes its clause's subject as the sentence's speaker: a quote after it
    # with no cue of its own is theirs
    ("prev", "Mayor Tom Hale spoke first.\n\nRuth Cole distanced herself from the council by saying she would "
     "help the mill if asked.  “I’m going to support him, and support him gladly.”", "I’m going", "Ruth Cole"),
    # a month, a weekday or a year may modify somebody's speech noun (``her March comment that``)
    ("lead", "Rain fell. The union is unlikely to back Ruth Cole after her March comment that, “We’re going to "
     "close a lot of mills.”", "We’re going", "Ruth Cole"),
    ("owned", "Rain fell. Ben Ortiz mocked Tom Hale’s 2015 claim that the mill would “never close.”", "never close",
     "Tom Hale"),
    # ``spoke about``, ``talked of``: speech verbs (``keeps talking about``, ``is seen speaking``)
    ("lead", "Rain fell. Ruth Cole talked of reforms to help workers and to “close loopholes” in the law.",
     "close loopholes", "Ruth Cole"),
    ("lead", "Rain fell. Mayor Tom Hale keeps talking about the “collective power of we” at every stop.",
     "collective", "Tom Hale"),
    ("prev", "Ben Ortiz asked about the mill. Ruth Cole spoke at length about it in the interview.\n\n“We have "
     "to do something.”", "We have", "Ruth Cole"),
]


@pytest.mark.parametrize(("how", "text", "opening", "expected"), NAMED_CASES)
def test_round10_rule(how: str, text: str, opening: str, expected: str) -> None:
    """The rule named gives the speaker expected, and the public API says the same."""
    f = found(text, opening)
    assert (f.how, f.speaker) == (how, expected)
    assert speaker(text, opening) == expected


NONE_CASES = [
    # a sentence in sentence case with such a verb is no subhead
    "Rain fell on the valley.\n\nDana Whitlock Explained why she felt “Not only can we win, we will” at the mill.",
    # a label of lower-case words that ends in no full name is nobody
    "Rain fell.\n\nOur findings on the mill: \"Not only can we win, we will.\"",
    "Rain fell.\n\nThe chairman of the board: \"Not only can we win, we will.\"",
    # … but a paragraph about somebody else, or one with a quote of its own, does
    "Rain fell.\n\n“The mill can reopen,” Dana Whitlock notes.\n\nMayor Tom Hale is upbeat about the vote.\n\n“Not "
    "only can we win, we will.”",
    "Rain fell.\n\n“The mill can reopen,” Dana Whitlock notes.\n\nWhitlock is upbeat about the “vote.”\n\n“Not "
    "only can we win, we will.”",
    # a clause of time with ``spoke`` says when somebody spoke, not what
    "Rain fell.\n\nAs Ruth Cole spoke about the vote, the union was whipping members against “Not only can we win, "
    "we will.”",
    # a participle after ``by`` whose clause names nobody is nobody's speech
    "Rain fell.\n\nThe crowds answered the mayor by saying nothing at all.  “Not only can we win, we will.”",
]


@pytest.mark.parametrize("text", NONE_CASES)
def test_round10_rules_leave_these_unattributed(text: str) -> None:
    """A shape close to a rule's that names nobody who spoke stays without a speaker."""
    assert speaker(text, "Not only") is None


KEPT_CASES = [
    # the noun's phrase is a clause of its own: the quote judges it, in the verb's speaker's words
    ("Rain fell. Ben Ortiz told the crowd that Tom Hale’s comments about the mill were “intolerable.”",
     "intolerable", "Ben Ortiz"),
    # … or the complement of the verb's object
    ("Rain fell. Ben Ortiz called Tom Hale’s remarks on the strike a “new low.”", "new low", "Ben Ortiz"),
    ("Rain fell. Ben Ortiz said Tom Hale’s claim that the mill is closing is “simply not true.”", "simply",
     "Ben Ortiz"),
    # a name in a phrase that ``and`` closes before a speech verb is the first verb's object, not the
    # second's subject: the ``he`` after it is still the sentence's subject
    ("“We will win,” Tom Baker said.\n\nThe band played on.\n\nOne voter, Quillan Voss, 35, showed up in a beret. "
     "He had protested Baker at a rally and told Ann Lee the race was close.\n\n“I met a lot of supporters,” he said.",
     "I met", "Quillan Voss"),
    # ``spoke`` with no ``about`` or ``of`` after it says that somebody spoke, not what
    ("Rain fell. Ruth Cole said that when Tom Hale spoke in the hall, the mill was “ready to close.”", "ready",
     "Ruth Cole"),
]


@pytest.mark.parametrize(("text", "opening", "expected"), KEPT_CASES)
def test_round10_rules_keep_these(text: str, opening: str, expected: str) -> None:
    """A shape close to a rule's where the verb's speaker still speaks."""
    assert speaker(text, opening) == expected


def test_headline_in_capitals_is_no_part_of_the_role() -> None:
    """A role drops a headline in capitals run on before it; an acronym opening a role stays."""
    assert clean_role("HURT IN DEADLY RIVERTON EXPLOSION Turkish Minister") == "Turkish Minister"
    assert clean_role("FBI Director") == "FBI Director"
    assert clean_role("NAACP LDF President") == "NAACP LDF President"
    assert quote("Rain fell. “We are done,” said FBI Director Tom Hale.", "We are").role == "FBI Director"
