"""The speakers tab lists documents that speak under their own header, ``Documents``, after the
organisations; Enter on a document lists its quotations (round ten)."""

from __future__ import annotations

from pathlib import Path

from byline.tui.widgets.quote_list import QuoteList
from byline.tui.widgets.speaker_list import GroupHeader, SpeakerList
from documents_support import DOCUMENTS, write_documents_corpus
from textual.pilot import Pilot
from tui_helpers import make_app, screen_lines, settle


async def open_speakers(pilot: Pilot) -> SpeakerList:
    await settle(pilot)
    await pilot.press("tab", "s")
    await settle(pilot)
    return pilot.app.query_one("#speakers", SpeakerList)


async def test_documents_have_their_group_and_their_quotations(tmp_path: Path) -> None:
    app = make_app([write_documents_corpus(tmp_path / "corpus")], tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        speakers = await open_speakers(pilot)
        rows = [f"# {r.title} {r.count}" if isinstance(r, GroupHeader) else r.name for r in speakers.rows]
        assert rows == [
            "# People 1", "Maria Lopez", "# Organisations 1", "Greenfield Shipping Corp", "# Documents 2", *DOCUMENTS
        ]
        lines = [line.strip() for line in screen_lines(speakers)]
        at = next(i for i, line in enumerate(lines) if line.startswith("Documents ──"))
        assert lines[at].endswith("── 2") and lines[at + 1].startswith("Harbour Institute poll")
        await pilot.press("enter", "end")
        assert speakers.current is not None and speakers.current.name == "Greenfield Shipping Corp report"
        await pilot.press("enter")
        await settle(pilot)
        listed = app.query_one("#speaker-quotes", QuoteList)
        assert listed.row_count == 1 and listed.records[0].quote.speaker == "Greenfield Shipping Corp report"
        assert listed.records[0].quote.speaker_kind == "document"
        assert "Greenfield Shipping Corp report · 1 quote, 1 article" in str(app.query_one("#speaker-title").render())
