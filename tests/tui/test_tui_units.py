"""The reader's plain parts: wrapping with offsets, citations and exports, the remembered session."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from byline.index.models import ArticleSummary, Quote, QuoteRecord
from byline.tui.export import citation, citation_text, to_csv, to_json, to_markdown
from byline.tui.session import Session
from byline.tui.wrap import screen_text, wrap_text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab cd\n\t\x1b漢字é  ")), max_size=300), st.integers(min_value=1, max_value=40))
def test_wrapped_lines_cover_the_text_in_order_and_fit(text: str, width: int) -> None:
    shown = screen_text(text)
    assert len(shown) == len(text)
    wrapped = wrap_text(shown, width)
    previous_end = -1
    for start, end in wrapped.lines:
        assert previous_end <= start <= end <= len(shown)
        piece = shown[start:end]
        assert "\n" not in piece
        assert cell_len(piece) <= width or len(piece) == 1
        previous_end = end
    # every non-space character is on some line, and line_of finds it
    for offset, ch in enumerate(shown):
        if ch not in " \n":
            line = wrapped.line_of(offset)
            start, end = wrapped.lines[line]
            assert start <= offset < end


def test_wrap_breaks_at_spaces_and_cuts_long_words() -> None:
    wrapped = wrap_text("the quick brown fox\n\nxxxxxxxxxxxx", 10)
    pieces = [wrapped.text[s:e] for s, e in wrapped.lines]
    assert pieces == ["the quick", "brown fox", "", "xxxxxxxxxx", "xx"]


def test_screen_text_makes_controls_visible_without_moving_offsets() -> None:
    raw = "a\x1b[31mb\tc\x07"
    shown = screen_text(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\t" not in shown and "\x07" not in shown


def _record() -> tuple[QuoteRecord, ArticleSummary]:
    quote = Quote(start=10, end=30, text='We said "no" | *never*', speaker="Ann Lee", role="Minister", partial=False)
    record = QuoteRecord(path="/c/a.txt", title="A [title]", quote=quote, also_in=())
    summary = ArticleSummary(path="/c/a.txt", title="A [title]", outlet="example.com", date="2024-11-02", author=None, url="https://example.com/a", quotes=1)
    return record, summary


def test_citation_text_carries_speaker_role_title_outlet_date_url() -> None:
    record, summary = _record()
    text = citation_text(citation(record, summary))
    for part in ('We said "no" | *never*', "Ann Lee", "Minister", "A [title]", "example.com", "2024-11-02", "https://example.com/a"):
        assert part in text


def test_exports_round_trip() -> None:
    record, summary = _record()
    items = [citation(record, summary)] * 2
    rows = list(csv.DictReader(io.StringIO(to_csv(items))))
    assert len(rows) == 2 and rows[0]["quote"] == record.quote.text and rows[0]["url"] == summary.url
    data = json.loads(to_json(items))
    assert data[0]["speaker"] == "Ann Lee" and data[0]["start"] == 10
    md = to_markdown(items)
    assert md.count("> — Ann Lee, Minister") == 2
    assert "\\*never\\*" in md and "\\[title\\]" in md  # Markdown syntax in the text is escaped


def test_session_saves_and_loads_and_survives_garbage(tmp_path: Path) -> None:
    paths = [str(tmp_path / "corpus")]
    assert Session.load(paths) == Session()
    assert Session(query="nato", article="/x.txt").save(paths)
    assert Session.load(paths) == Session(query="nato", article="/x.txt")
    Session.file_for(paths).write_text("{not json", encoding="utf-8")
    assert Session.load(paths) == Session()
    Session.file_for(paths).write_text('{"query": 5, "article": []}', encoding="utf-8")
    assert Session.load(paths) == Session()
