"""Round nine's rules: speakers standing in view in shapes of news prose the earlier rules misread
(a reply verb after the quote, a later attribution over a speech noun's guess, …). Each case is a
short text written for the rule, checked through the real path (``Found.how`` names the rule)."""

from __future__ import annotations

import pytest

from pick import found, speaker

_BOARD = (
    "The Daily Ledger endorsed Sen. Ruth Cole on Monday.\n\nCole, who gave the party’s reply to the budget "
    "address last week, is a “steady hand” who has won two races, the editorial board writes. “It is a shame "
    "that some members attacked her.”\n\nRain fell."
)
_REPLY = (
    "Mayor Tom Hale mocked the plan. “The town is dying,” Hale said.\n“The town will always live,” an angry "
    "Ruth Cole retaliated. “We never give up.”"
)

NAMED_CASES = [
    # a comma-set attribution ending the sentence wins over a speech noun whose speaker is only the
    # sentence's subject (``address`` in a relative clause of the subject); the next quote carries it on
    ("later", _BOARD, "steady", "Daily Ledger"),
    ("cont", _BOARD, "It is a", "Daily Ledger"),
    # ``retaliated`` (and ``pushed back``) attribute right after a quote, a descriptive adjective before the name
    ("trail", _REPLY, "The town will", "Ruth Cole"),
    ("cont", _REPLY, "We never", "Ruth Cole"),
    ("trail", "Mayor Tom Hale spoke. “That is false,” Hale pushed back.", "That is", "Tom Hale"),
    # a scare quote inside the attribution after the quote does not cut it off
    ("trail", "Rain fell. “We will rebuild the mill,” Ohio farmer Dale Krenshaw, wearing a straw hat and “Vote "
     "Local” buttons, said calmly at the fair.", "We will", "Dale Krenshaw"),
    # an object-control verb makes its object the speaker of the ``to``-verb after it
    ("lead", "The debate grew heated. That prompted Senator Lena Brook to state, “The bill is dead.”", "The bill",
     "Lena Brook"),
    ("lead", "Rain fell. That prompted Sen. Lena Brook, who chairs the panel, to state, “The bill is dead.”",
     "The bill", "Lena Brook"),
    ("lead", "Tom Hale spoke first. The host asked Mara Quist to say, “I accept the result.”", "I accept",
     "Mara Quist"),
    ("lead", "Tom Hale spoke first. His silence led Mara Quist to call the plan “a fraud.”", "a fraud", "Mara Quist"),
    ("lead", "Rain fell. The vote prompted a senior official to say “we are ready.”", "we are", "a senior official"),
    # … an object naming nobody leaves the verb before to its subject, as before
    ("lead", "Rain fell. Mayor Tom Hale asked supporters to chant “Four more years.”", "Four", "Tom Hale"),
    # a quote opening a predicate after ``and`` in the that-clause of ``X said`` is X's words, whoever
    # the clause's subject, even when the clause's own verb is a speech verb
    ("lead", "Tom Hale and Ruth Cole met in May. At the rally, Hale said that Cole begged him for help in 2012 "
     "and “would have done anything.”", "would", "Tom Hale"),
    # … but a quote that is the clause's speech verb's own complement stays that verb's
    ("lead", "Tom Hale and Ruth Cole met in May. At the rally, Hale said that Cole begged him for “any help at "
     "all.”", "any help", "Ruth Cole"),
    # … the subordinate clause's own quote is its verb's, and an as-clause attributes what follows it
    ("lead", "Ruth Cole wrote to Ben Ortiz. While Ortiz proclaims the memo a “fine piece of work,” Cole fixates "
     "on the “pivot” line.", "fine", "Ben Ortiz"),
    ("lead", "Rain fell. As reporter Ben Ortiz puts it, the mayor is making the council “an offer it cannot "
     "refuse.”", "an offer", "Ben Ortiz"),
    # ``began by saying``: the subject right before the verb, where no comma closes the clause before it
    ("lead", "Judge Ruth Cole took a recess. When she returned she began by saying, “I do not think jail is "
     "needed.”", "I do", "Ruth Cole"),
    # … never a name inside the verb's object
    ("lead", "Mayor Tom Hale spoke. On the radio, Ruth Cole responded Tuesday to one of Hale’s messages by "
     "saying, “Just stop.”", "Just stop", "Ruth Cole"),
    # an unnamed source described by what it took part in or was told (``involved in``, ``briefed on``)
    ("trail", "Rain fell. “It is a way in,” says a source involved in the group’s creation.", "It is a",
     "a source involved in the group’s creation"),
    ("trail", "Rain fell. “Talks went late,” one official briefed on the talks said.", "Talks",
     "one official briefed on the talks"),
    # a town and its state in a description's place phrase are both the description's
    ("lead", "Rain fell. A voter in Ames, Iowa, said the mayor is “too nice.”", "too nice", "a voter in Ames, Iowa"),
    ("trail", "Rain fell. “It is too late,” said a voter in Ames, Iowa, who backs the mayor.", "It is",
     "a voter in Ames, Iowa"),
    # a party tag in parentheses with a stray comma after it is no appositive
    ("lead", "Rain fell.\n\nTuesday at Elm College in Dayton, after winning Ohio in the primary, Gov. John Kasin "
     "(R-OH), said, “We are going all the way.”", "We are", "John Kasin"),
    # the next verb of a predicate whose earlier quote went to the subject quotes the subject too
    ("subj", "Rain fell. Ruth Cole supports “fair pay raises,” opposes “across-the-board pay freezes” and "
     "recalled the strike.", "across", "Ruth Cole"),
    # a report after a quote that a named speaker's verb introduced only relays it
    ("lead", "Rain fell. When asked about the mayor, Tom Hale “bristled” and said, “No comment,” the Daily "
     "Ledger reported.", "No comment", "Tom Hale"),
    ("trail", "Rain fell. Tom Hale spoke. “No comment,” the Daily Ledger reported.", "No comment", "Daily Ledger"),
    # a verb of going on before a participle: its subject speaks, a party tag between them
    ("lead", "Rain fell. Back in 2013, when Ruth Cole first testified before the panel, Sen. Tom Hale (R-Wis.) "
     "kept asking her why the agency had tied the attack to “spontaneous” protests.", "spontaneous", "Tom Hale"),
    # a passive speech verb's agent named before the quote is the one who speaks
    ("lead", "Mayor Tom Hale spoke. Hale was asked by host Ben Ortiz, “Will you run again?”", "Will you", "Ben Ortiz"),
    ("lead", "Mayor Tom Hale spoke. Hale was asked by host Ben Ortiz whether the plan would “cost too much.”",
     "cost", "Ben Ortiz"),
    # a speech verb inside a relative clause closed before the quote says nothing of it
    ("lead", "Mayor Tom Hale spoke. Hale was asked by host Ben Ortiz, who has backed Hale, but has dismissed the "
     "story, “Will you run again?”", "Will you", "Ben Ortiz"),
    ("lead", "Mayor Tom Hale spoke. Host Ben Ortiz asked Hale, who had dismissed the story, “Will you run?”",
     "Will you", "Ben Ortiz"),
    # … but a relative clause closed before the verb leaves the verb the quote's
    ("lead", "Mayor Tom Hale spoke. When asked by a host if the leak, which was seen as a failure, hurt the "
     "city, Hale said, “I have not heard that.”", "I have", "Tom Hale"),
]


@pytest.mark.parametrize(("how", "text", "opening", "expected"), NAMED_CASES)
def test_round9_rule(how: str, text: str, opening: str, expected: str) -> None:
    """The rule named gives the speaker expected, and the public API says the same."""
    f = found(text, opening)
    assert (f.how, f.speaker) == (how, expected)
    assert speaker(text, opening) == expected


NONE_CASES = [
    # the later attribution names nobody the article knows: nobody, not the subject, for both quotes
    (_BOARD.replace("The Daily Ledger endorsed Sen. Ruth Cole", "Sen. Ruth Cole spoke"), "steady"),
    (_BOARD.replace("The Daily Ledger endorsed Sen. Ruth Cole", "Sen. Ruth Cole spoke"), "It is a"),
    # a reply verb before its object is no attribution
    ("Mayor Tom Hale spoke. Cole retaliated against the “smear campaign” at once.", "smear"),
    # a speech verb in a subordinate clause that closes before the quote's own clause says nothing of it
    ("Ruth Cole wrote to Ben Ortiz. While Ortiz proclaims the memo a “fine piece of work,” Cole fixates on the "
     "“pivot” line.", "pivot"),
    ("Rain fell. After reporter Ben Ortiz asked about it in an interview, the couple became “agitated.”",
     "agitated"),
    # an object that is no one name: neither the owner nor the person of the ``like`` phrase
    ("Gov. Ruth Cole spoke. The fact-check was shared widely, leading Cole campaign advisers like Ben Ortiz to "
     "counter that “every cent went to the mill.”", "every"),
    # a relative clause whose subject is a thing's description reports nobody the main clause names
    ("Rain fell. Tom Hale, the former mayor, criticized Ruth Cole’s email use, which an FBI inspection said was "
     "“extremely careless.”", "extremely"),
    # ``Back in 2013,`` opens the sentence: no name ``Back``
    ("Rain fell. Back in 2013, when the storm hit, the mayor kept asking why the town was “unprepared.”",
     "unprepared"),
    # a passive agent that names nobody: nobody, not the subject
    ("Mayor Tom Hale spoke. Hale was asked by reporters, “Will you run again?”", "Will you"),
]


@pytest.mark.parametrize(("text", "opening"), NONE_CASES)
def test_round9_rules_leave_these_unattributed(text: str, opening: str) -> None:
    """A shape like the rules' that names nobody who spoke stays without a speaker."""
    assert speaker(text, opening) is None

