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
