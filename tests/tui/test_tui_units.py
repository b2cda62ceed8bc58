"""The reader's plain parts: wrapping with offsets, citations and exports, the remembered session."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

from byline.index.models import ArticleSummary, Quote, QuoteRecord
from byline.tui import safe
from byline.tui.export import citation, citation_text, to_csv, to_json, to_markdown
from byline.tui.session import Session
from byline.tui.settings import Settings
from byline.tui.wrap import screen_text, wrap_text
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.content import Content


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
    saved = Session(query="nato", article="/x.txt", top=120, history=["putin", "nato"])
    assert saved.save(paths)
    assert Session.load(paths) == saved
    assert Session.file_for(paths).stat().st_mode & 0o077 == 0  # readable by the user only
    Session.file_for(paths).write_text("{not json", encoding="utf-8")
    assert Session.load(paths) == Session()
    Session.file_for(paths).write_text('{"query": 5, "article": [], "top": -3, "history": [1, "", "ok"]}', encoding="utf-8")
    assert Session.load(paths) == Session(history=["ok"])


def test_settings_save_load_and_survive_garbage(tmp_path: Path) -> None:
    assert Settings.load() == Settings()
    assert Settings(theme="nord", side_tab="facets", sort="outlet").save()
    assert Settings.load() == Settings(theme="nord", side_tab="facets", sort="outlet")
    for old in ("newest", "oldest"):  # the orders of earlier versions are read as today's date order
        Settings.file().write_text(f'{{"theme": "nord", "sort": "{old}"}}', encoding="utf-8")
        assert Settings.load() == Settings(theme="nord", sort="date")
    Settings.file().write_text('{"theme": 3, "side_tab": "x", "sort": "sideways"}', encoding="utf-8")
    assert Settings.load() == Settings()
    Settings.file().write_text("[1, 2]", encoding="utf-8")
    assert Settings.load() == Settings()


def test_exports_neutralise_spreadsheet_formulas() -> None:
    """OWASP's rule: a cell starting with = + - @ tab or CR gets a leading quote."""
    record, summary = _record()
    for evil in ("=HYPERLINK(\"http://evil\",\"x\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        quote = Quote(start=0, end=5, text=evil, speaker=evil, role=None)
        items = [citation(QuoteRecord(path="/c/a.txt", title=evil, quote=quote), replace(summary, title=evil, outlet=evil))]
        row = next(csv.DictReader(io.StringIO(to_csv(items), newline="")))
        for field in ("quote", "speaker", "title", "outlet"):
            assert row[field] == "'" + evil, (field, row[field])
        assert row["start"] == "0"  # numbers stay numbers


def test_markdown_export_escapes_link_text_and_links_only_web_addresses() -> None:
    record, summary = _record()
    crafted = "x](https://ok)[click](javascript:alert(1))"
    for url, linked in (("javascript:alert(1)", False), ("data:text/html,x", False), ("https://example.com/a b)", True)):
        item = citation(QuoteRecord(path="/c/a.txt", title=crafted, quote=record.quote), replace(summary, title=crafted, url=url))
        md = to_markdown([item])
        assert "](javascript" not in md and "[click](" not in md and "](https://ok)" not in md
        if linked:
            assert "(<https://example.com/a%20b)>)" in md
        else:
            assert "](<" not in md


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]\\/@=$#ab x\x1b\u202e\n:'(.)")), max_size=40))
def test_markup_escaping_is_literal_for_any_text(text: str) -> None:
    """Whatever an article holds, once escaped it is drawn as the text itself (controls made visible), never as markup."""
    assert Content.from_markup(safe.markup(text)).plain == safe.plain(text)
    assert safe.text(text).plain == safe.plain(text)
    assert "\x1b" not in safe.plain(text) and "\u202e" not in safe.plain(text) and "\n" not in safe.plain(text)


def test_safe_url_reencodes_and_refuses_other_schemes() -> None:
    assert safe.safe_url("https://example.com/a b?q=é#x") == "https://example.com/a%20b?q=%C3%A9#x"
    assert safe.safe_url("https://example.com/\x1b]0;pwned\x07\nx") == "https://example.com/%1B]0;pwned%07%0Ax"
    assert safe.safe_url("HTTP://Example.com:8080/%zz") == "http://example.com:8080/%25zz"
    assert safe.safe_url("https://bücher.de/x") == "https://xn--bcher-kva.de/x"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "mailto:a@b", "https://", "", None, "https://[::1"):
        assert safe.safe_url(bad) is None, bad
