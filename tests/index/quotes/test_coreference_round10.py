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
