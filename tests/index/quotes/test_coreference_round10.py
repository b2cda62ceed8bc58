"""Which person a later reference means, round ten (issue 11): rules pinned by text written for them."""

from __future__ import annotations

from byline.index.quotes import extract_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_a_plain_name_after_a_person_noun_is_named_in_full_for_later_surnames() -> None:
    """``columnist Lu Jun wrote`` makes ``Lu Jun`` a person named in full, so ``Jun wrote`` paragraphs
    later is that person, though the name rules know neither word (``Jun`` is also a month)."""
    text = (
        "“The plan is sound,” columnist Lu Jun wrote in the paper.\n\n"
        "The editors printed a reply on Monday.\n\n"
        "“Voters are tired of the old ways,” Jun wrote.\n"
    )
    assert speakers(text) == ["Lu Jun", "Lu Jun"]
    other = (
        "“The plan is sound,” economist Wen Tao said on Monday.\n\n"
        "The editors printed a reply on Monday.\n\n"
        "“Voters are tired of the old ways,” Tao said.\n"
    )
    assert speakers(other) == ["Wen Tao", "Wen Tao"]


def test_she_after_a_relative_named_by_given_name_is_not_a_speaker_paragraphs_back() -> None:
    """A speaker of no known gender paragraphs back is not ``she`` when the sentences before name a
    woman as somebody's relative by her given name alone (``his wife, Pat,``): she is the one meant,
    and a lone given name is no speaker a reader can look up, so no speaker. With her full name she
    speaks; with no relative between, the speaker stays."""
    text = (
        "“It will not pass,” Lee Quill said.\n\n"
        "John Doe said he wants the rule gone. On Monday, his wife, Pat, called for a vote. "
        "“Shutting people out is not smart,” she said.\n"
    )
    assert speakers(text) == ["Lee Quill", None]
    full = text.replace("his wife, Pat,", "his wife, Pat Doe,")
    assert speakers(full) == ["Lee Quill", "Pat Doe"]
    nobody = text.replace("On Monday, his wife, Pat, called for a vote. ", "")
    assert speakers(nobody) == ["Lee Quill", "Lee Quill"]


def test_a_lone_name_that_speaks_elsewhere_is_a_person_for_he() -> None:
    """An article that names somebody by one word only (``Quill stated``) still makes that word a
    person wherever it stands: ``And even Quill tried …, noting that he …`` is the ``he`` of the next
    paragraph, not a speaker paragraphs back. A word that is part of a longer name elsewhere
    (``Ban Ki-moon``) or a people (``Republican``) is not made one."""
    text = (
        "“We will work with anyone,” Prime Minister Jim Roe said.\n\n"
        "Both Jim Roe and Bill Poe gave assurances that they would work with whoever wins. "
        "And even Quill tried to help them off the hook, noting that he would demur too.\n\n"
        "“It is not my job to comment on candidates,” he said.\n\n"
        "“They will win,” Quill stated.\n"
    )
    assert speakers(text) == ["Jim Roe", "Quill", "Quill"]
    # (a sentence opening with the name itself, after a speaker paragraphs back)
    opening = (
        "“It is pathetic,” said John Doe, a campaign aide.\n\n"
        "Quill also addressed the general concerns last Thursday, stating local authorities are in charge.\n\n"
        "“We do take seriously our duties,” he added.\n\n"
        "“They will win,” Quill stated.\n"
    )
    assert speakers(opening) == ["John Doe", "Quill", "Quill"]


def test_he_after_a_sentence_giving_a_named_persons_view_is_that_person() -> None:
    """``For Jonathan Roe, Doe is exposing …. “…,” he mocks.``: the one whose view the sentence
    before gives goes on, not that sentence's subject; with no such frame the subject stays, and
    ``For example,`` frames nobody."""
    text = (
        "“The class has failed,” writes Kevin Doe, a critic. Doe assails what he calls the lie.\n\n"
        "Writers are reveling in it. For Jonathan Roe, Doe is exposing the perverse logic of the creed. "
        "“The market hasn’t failed the class,” he mocks.\n"
    )
    assert speakers(text) == ["Kevin Doe", "Jonathan Roe"]
    plain = text.replace("For Jonathan Roe, Doe", "Doe")
    assert speakers(plain) == ["Kevin Doe", "Kevin Doe"]
    example = text.replace("For Jonathan Roe, Doe", "For example, Doe")
    assert speakers(example) == ["Kevin Doe", "Kevin Doe"]
