"""Round eight's rules: a named speaker the sentence shows in a shape the earlier rules did not read
(a passive verb's agent, a relative clause before the quote, a roundup line opened by a summary).
Each case is a short text written for the rule, checked through the real path."""

from __future__ import annotations

import pytest

from pick import found, speaker

NAMED_CASES = [
    # passive_agent: the agent of a passive naming verb whose complement the quote is
    ("agent", "The network has been called “a quiet empire” by Nora Vance, a historian at Elm College.",
     "a quiet", "Nora Vance"),
    ("agent", "Pat Orr resigned. His conduct was described as “reckless” by Mayor Ruth Cole on Monday.",
     "reckless", "Ruth Cole"),
    # … or of an as-clause after it
    ("agent", "Lee Park kept the files. From the missing records to being “grossly negligent” with the keys "
     "– as described by Inspector General Maria Quinn – Park has much to answer for.", "grossly", "Maria Quinn"),
    # a relative clause names the speaker of the quote it closes over the main clause after the comma
    ("lead", "Tom Reyes hosts a radio show. In a segment that Judge Helen K. Ward called “troubling,” Reyes "
     "urged listeners to march.", "troubling", "Helen K. Ward"),
    # an organisation named with an inner ``on``/``for``, a title, then the person who speaks
    ("lead", "Tenants protested. The Council on Fair Housing Executive Director Lena Ortiz says in a statement "
     "that the plan’s “rent rules punish families.”", "rent rules", "Lena Ortiz"),
    ("trail", "Flu spreads. “It is early,” Institute for Lung Health Director Omar Haddad said.", "It is early",
     "Omar Haddad"),
    # an age opening the sentence is no part of the subject's name
    ("lead", "Rain fell. 81-year-old Edith Marlow, founder of the Garden Club and a member since 1960, backed the "
     "mayor on Monday, saying he “has never let us down.”", "has never", "Edith Marlow"),
    # ``herald`` is a speech act: the quote in its complement is the subject's
    ("lead", "Rain fell. Prime Minister Ewa Brandt heralded the treaty as a “new dawn.”", "new dawn", "Ewa Brandt"),
    # ``that he``: a pronoun after ``that`` is the subject of the verb after it, no description
    ("lead", "Tom Hale spoke in Reno. He told the paper that he agrees the plan is a “real mess.”", "real mess",
     "Tom Hale"),
    # after ``?”`` or ``!”`` a name with a role or party tag in commas, then the verb, stays with the quote
    ("trail", "Ada Frey called voters. “How are you today?” Frey, a retired nurse from Dayton, said cheerfully "
     "into the phone.", "How are", "Ada Frey"),
    ("trail", "The hall was full. “Perpetual motion!” Rep. Glenn Ames, R-Pa., said of the swirl of events.",
     "Perpetual", "Glenn Ames"),
    # a description with a lower-case modifier before a place (``the independent Vermont senator``), and
    # one person described twice with ``and``
    ("trail", "Sen. Lena Brook spoke on Monday.\n\n“The deal is weak,” the independent Maine senator told "
     "reporters.", "The deal", "Lena Brook"),
    ("trail", "Sen. Lena Brook spoke on Monday.\n\n“The deal is weak,” the independent Maine senator and "
     "Democratic presidential candidate told reporters.", "The deal", "Lena Brook"),
    # a prepositional phrase between a subordinate clause's named subject and its verb
    ("lead", "Mara Quist ran for mayor. The break came when Quist in her opening speech called the council "
     "“a closed shop” and left.", "a closed", "Mara Quist"),
    # ``reacted`` attributes inverted right after a quote
    ("trail", "Dana Pruitt watched the speech. “Is he serious?” reacted Pruitt.", "Is he", "Dana Pruitt"),
    # a surname that is also a word, right after the quote and before the verb
    ("trail", "George Will wrote an op-ed. Citing the attack as a wake-up call for voters and their “reveries "
     "about the presidency,” Will urged the electorate to look elsewhere.", "reveries", "George Will"),
    ("lead", "Ruth Ames ran a bus tour. It became such a presence that Ames during a Sunday rally thanked "
     "its drivers “for their patience” and left.", "for their", "Ruth Ames"),
    # an attribution after the quote that opens the next quote of the sentence is that one's; the cue
    # before the quote names its own speaker
    ("lead", "Ruth Ames and Carl Dunn traded emails. Ames replies to Dunn with, “Why now? Was that the plan?” "
     "Dunn then writes back, “You look tired.”", "Why now", "Ruth Ames"),
    ("lead", "Ruth Ames spoke. After Ames said that rents might fall “within a year,” Dunn said: “I doubt it.”",
     "within", "Ruth Ames"),
    # a roundup item: a summary line in sentence case, a dash, the author
    ("label", "Turnout models matter more than ever - Dana Whitcomb: “Three weeks ago, the map looked different.”",
     "Three weeks", "Dana Whitcomb"),
]


@pytest.mark.parametrize(("how", "text", "opening", "expected"), NAMED_CASES)
def test_named_rule(how: str, text: str, opening: str, expected: str) -> None:
    """The rule named gives the speaker expected, and the public API says the same."""
    f = found(text, opening)
    assert (f.how, f.speaker) == (how, expected)
    assert speaker(text, opening) == expected


NONE_CASES = [
    # a book and its author: ``by`` after a title is no passive naming verb's agent
    ("She reread the memoir “Cold Harbor” by Paul Dent last winter.", "Cold Harbor"),
    # an agent that names nobody: no speaker
    ("The plan was called “a disaster” by many in the party.", "a disaster"),
    # ``reacted`` before its subject's object is no speech verb
    ("Dana Pruitt watched. Pruitt reacted to the “profiling” remark with a shrug.", "profiling"),
    # a word that is nobody's surname in the article stays a word
    ("Rain fell on the town. “It is over,” Will said nothing more.", "It is over"),
    # a dash inside a sentence that is not a roundup line's opening: no label
    ("Rain fell on Monday. Then it stopped - Sara Lind: “We went home.”", "We went"),
]


@pytest.mark.parametrize(("text", "opening"), NONE_CASES)
def test_named_rules_leave_these_unattributed(text: str, opening: str) -> None:
    """A shape like the rules' that names nobody who spoke stays without a speaker."""
    assert speaker(text, opening) is None


def test_a_split_quote_keeps_its_speaker() -> None:
    """``“A?” Hale said, “B.”``: with no cue before the first part, the attribution between the parts
    is both parts'."""
    text = "Tom Hale spoke. “Really?” Hale said, “I doubt it.”"
    assert (speaker(text, "Really"), speaker(text, "I doubt")) == ("Tom Hale", "Tom Hale")


def test_the_main_clause_after_a_relative_clause_keeps_its_own_quote() -> None:
    """The relative clause's speaker takes only the quote inside it; the main clause's later quote is
    the main clause's subject's."""
    text = ("Tom Reyes hosts a radio show. In a segment that Judge Helen K. Ward called “troubling,” Reyes "
            "urged listeners to “march on the capitol.”")
    assert speaker(text, "march") == "Tom Reyes"
