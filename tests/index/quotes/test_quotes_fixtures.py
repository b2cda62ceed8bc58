"""Annotated passages: every expected quote found with the right span, speaker and kind."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from quotes_fixtures import CASES, Case  # noqa: E402

from byline.index.quotes import extract_quotes  # noqa: E402


def test_fixture_count() -> None:
    """The fixture set is big enough to cover the patterns of the spec."""
    assert len(CASES) >= 70
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture(case: Case) -> None:
    """Quotes, in order, match the annotation; spans are located in the passage."""
    quotes = extract_quotes(case.text, case.body_start)
    got = [(q.text, q.speaker, q.kind) for q in quotes]
    assert len(quotes) == len(case.expected), got
    search_from = 0
    for q, (qtext, speaker, kind, partial) in zip(quotes, case.expected):
        start = case.text.find(qtext, search_from)
        assert start >= 0, f"annotation error: {qtext!r} not in passage"
        assert (q.start, q.end) == (start, start + len(qtext)), got
        assert q.text == qtext
        assert case.text[q.start : q.end] == q.text
        assert q.speaker == speaker, got
        if kind is not None:
            assert q.kind == kind, got
        if partial is not None:
            assert q.partial == partial, (q.text, q.partial)
        if q.speaker is None:
            assert q.cue is None and q.role is None
        else:
            assert q.cue
        search_from = start + len(qtext)
