"""Query repair: what Whoosh would silently degrade, Byline repairs and reports."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.index.query import clean_query


@pytest.mark.parametrize(
    ("raw", "cleaned", "notice"),
    [
        ("sanction", "sanction", None),
        ('"Russophobic course"', '"Russophobic course"', None),
        ("\u201cRussophobic course\u201d", '"Russophobic course"', None),
        ('"Russophobic course', '"Russophobic course"', "unbalanced quote"),
        ("(putin OR trump", "putin OR trump", "unmatched parenthes"),
        ("putin OR trump)", "putin OR trump", "unmatched parenthes"),
        ("AND", "", "operator needs a term"),
        ("putin AND", "putin", "operator needs a term"),
        ("OR putin", "putin", "operator needs a term"),
        ("putin OR OR trump", "putin OR trump", "operator needs a term"),
        ("NOT NOT putin", "NOT putin", "operator needs a term"),
        ("putin NOT", "putin", "operator needs a term"),
        ("(AND)", "", "operator needs a term"),
        ("nope:thing", "thing", "Unknown field 'nope'"),
        ("title:", "", "no value after it"),
        ("title:expect", "title:expect", None),
        ("Speaker:Kosachev", "speaker:Kosachev", None),
        ('speaker:"Konstantin Kosachev"', 'speaker:"Konstantin Kosachev"', None),
        ("title:(russia OR expect)", "title:(russia OR expect)", None),
        ("sanct*", "sanct*", None),
        ("*ing", "", "wildcard needs at least 3 letters"),
        ("a*", "", "wildcard needs at least 3 letters"),
        ("?ussia", "", "wildcard needs at least 3 letters"),
        ("*", "", "searching every word"),
        ("putn~", "putn~1", None),
        ("putn~7", "putn~2", "lowered to 2"),
        ("date:2024-11", "date:2024-11*", None),
        ("date:2024", "date:2024*", None),
        ("date:2024-11-07", "date:2024-11-07", None),
        ("date:2024-11-7", "date:2024-11-07", None),
        ("date:[2024-11-01 to 2024-11-10]", "date:[2024-11-01 TO 2024-11-10]", None),
        ("date:[2024-11 TO 2024-12]", "date:[2024-11-01 TO 2024-12-31]", None),
        ("date:[2024-11-10 TO]", "date:[2024-11-10 TO]", None),
        ("date:>2024-11-05", "date:>2024-11-05", None),
        ("date:garbage", "", "dates are written"),
        ("date:[2024-13 TO 2025]", "", "dates are written"),
        ("[a TO b]", "", "range needs a field"),
        ("&&", "", "no letters or digits"),
        ('""', "", "empty phrase"),
        (")(", "", "unmatched parenthes"),
    ],
)
def test_clean_query(raw: str, cleaned: str, notice: str | None) -> None:
    result = clean_query(raw)
    assert result.text == cleaned
    if notice is None:
        assert result.notices == ()
    else:
        assert any(notice in n for n in result.notices), result.notices
    if not cleaned:
        assert result.empty
        assert any("Nothing searchable" in n for n in result.notices)


def test_empty_query_says_so() -> None:
    result = clean_query("   ")
    assert result.empty
    assert result.notices == ("The query is empty.",)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(list('ab "()*?~:[]{}^-') + [" AND ", " OR ", " NOT ", "title:", "date:", "x:", "2024-11", "russia"]),
        max_size=25,
    ).map("".join)
)
def test_clean_query_never_raises_and_is_stable(raw: str) -> None:
    result = clean_query(raw)
    assert isinstance(result.text, str)
    # cleaning what was cleaned changes nothing more
    again = clean_query(result.text)
    assert again.text == result.text
