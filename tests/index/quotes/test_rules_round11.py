"""Round eleven's rules: named speakers the earlier rules left without a speaker, in shapes of news prose
(a speech noun with a time after it, a speech noun the subject delivers, a name that is the object of
a participle in the subject). Each case is a short text written for the rule, checked through the real
path (``Found.how`` names the rule)."""

from __future__ import annotations

import pytest

from pick import found, speaker

NAMED_CASES = [
    # a day, a month or a year between somebody's speech noun and its ``that`` is when they said it
    ("lead", "Rain fell. Mayor Tom Hale stood by his comment Tuesday that “the mill is finished,” though "
     "workers booed.", "the mill", "Tom Hale"),
    ("owned", "Rain fell. Ben Ortiz mocked Tom Hale’s claim Tuesday that he “saved the mill.”", "saved", "Tom Hale"),
    # a speech noun with an article that the subject delivers (``opened with a call for``, ``launched
    # into a lament for``) names the subject's words
    ("lead", "Rain fell. At the meeting, Mayor Tom Hale opened with a call for the council to “embrace” the new "
     "budget.", "embrace", "Tom Hale"),
    ("lead", "Rain fell. Ruth Cole launched into a lengthy lament for the “forgotten workers” of the valley.",
     "forgotten", "Ruth Cole"),
    ("lead", "Rain fell. The mayor’s rival, Ruth Cole, closed with an angry plea for the state to “save the "
     "valley.”", "save the", "Ruth Cole"),
    # a quotation between a person's possessive and a speech noun is that person's words
    ("owned", "Rain fell. Unions still feel the pull of Mayor Tom Hale’s “no mill will close” promise.", "no mill",
     "Tom Hale"),
    ("owned", "Tom Hale spoke. Unions still feel the pull of Hale’s “no mill will close” promise.", "no mill",
     "Tom Hale"),
    # ``in X’s words``, ``in the words of X``: X's words, though the name stands after a preposition
    ("lead", "Rain fell. The mill closed because, in Mayor Tom Hale’s words, “nobody cared any more.”", "nobody",
     "Tom Hale"),
    ("lead", "Rain fell. The mill closed because, in the words of Mayor Tom Hale, “nobody cared any more.”",
     "nobody", "Tom Hale"),
    ("lead", "Rain fell. The mill closed because, in Jones’ own words, “nobody cared any more.”", "nobody", "Jones"),
    # ``intimated`` is a speech verb (``intimates``, close friends, is no cue)
    ("lead", "Rain fell. Ruth Cole has intimated that the council’s “grand plan” is dead.", "grand", "Ruth Cole"),
    # a partial quote of several words in the writer's sentence right after one reporting somebody's speech
    # (no cue, no other person its subject) goes on with that speaker's words
    ("prev", "Rain fell.\n\n“The mill kept us alive,” Tom Hale has said while touring the valley. That makes it "
     "“by any measure the heart of the town and its families.”\n\nThe end.", "by any measure", "Tom Hale"),
    ("prev", "Rain fell.\n\nRuth Cole has argued that the plan failed from the start. As a result, there is still "
     "“a council with no money to fix the roads.”\n\nThe end.", "a council", "Ruth Cole"),
]


@pytest.mark.parametrize("how,text,opening,expected", NAMED_CASES)
def test_round11_rule(how: str, text: str, opening: str, expected: str) -> None:
    """The rule named gives the speaker expected, and the public API says the same."""
    f = found(text, opening)
    assert (f.how, f.speaker) == (how, expected)
    assert speaker(text, opening) == expected


NONE_CASES = [
    # a name that is the object of a participle in the subject (``the valley embracing Hale``) is no
    # subject of the verb after it
    "Rain fell. “The mill is ours,” said Ruth Cole. The Riverton Valley embracing Hale announced “Not only "
    "can we win, we will” to the state.",
    # … not one after an article (a name the writer quotes), nor one a colon introduces
    "Rain fell.\n\nRuth Cole has argued that the plan failed. The “Not only can we win” plan died.",
    "Rain fell.\n\nRuth Cole has argued that the plan failed. A note in the file makes that clear: “Not only "
    "can we win, we will.”",
    # … not a place's or a thing's, nor a quotation with no speech noun after it
    "Rain fell. Unions still feel the pull of America’s “Not only can we win” promise.",
    "Rain fell. The town kept Riverton’s “Not only can we win” slogan.",
    "Rain fell. Unions still feel the pull of Mayor Tom Hale’s “Not only can we win” spirit.",
    # … not the words of somebody unnamed
    "Rain fell. The mill closed because, in the words of one aide, “Not only can we win, we will.”",
    "Rain fell. Her intimates say the “Not only can we win” plan is dead.",
    # a noun with an article after a verb that delivers nothing
    "Rain fell. Ruth Cole answered with a call for help. Then came a headline: “Not only can we win, we will.”",
]


@pytest.mark.parametrize("text", NONE_CASES)
def test_round11_rules_leave_these_unattributed(text: str) -> None:
    """A shape close to a rule's that names nobody who spoke stays without a speaker."""
    assert speaker(text, "Not only") is None


KEPT_CASES = [
    # a time of day opening the sentence is no subject holding the name: the name still speaks
    ("Rain fell. Tuesday morning Tom Hale announced “a new era” for the mill.", "a new era", "Tom Hale"),
    ("Rain fell. At the Council hearing Ruth Cole said “the books were cooked.”", "the books", "Ruth Cole"),
    # a sentence whose subject is another person keeps that person
    ("Rain fell.\n\nRuth Cole has argued that the plan failed. Tom Hale kept a note in the file, “the roads come "
     "first and the mill second,” for years.", "the roads", "Tom Hale"),
    # a noun with an article that somebody else delivers is no speech of the sentence's subject
    ("Rain fell. Ruth Cole said Ben Ortiz issued a warning that the mill would be “shut for good.”", "shut for",
     "Ruth Cole"),
]


@pytest.mark.parametrize("text,opening,expected", KEPT_CASES)
def test_round11_rules_keep_these(text: str, opening: str, expected: str) -> None:
    """A shape close to a rule's where the speaker stays as it was."""
    assert speaker(text, opening) == expected
