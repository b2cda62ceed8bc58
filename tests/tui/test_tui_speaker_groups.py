"""The speakers tab groups its speakers by kind: People, then Organisations, then Unnamed sources.

Each group stands under a header row with its count; within a group the most quoted come first. The cursor
never rests on a header; the filter narrows every group; Enter on any speaker (an unnamed source too) lists
their quotations; choosing a speaker elsewhere lands the list on them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from byline.tui.messages import SpeakerChosen
from byline.tui.widgets.list_filter import ListFilter
from byline.tui.widgets.quote_list import QuoteList
from byline.tui.widgets.side_panel import SidePanel
from byline.tui.widgets.speaker_list import GroupHeader, SpeakerList
from speaker_kinds_support import ORGANISATIONS, PEOPLE, UNNAMED_SOURCES, write_kinds_corpus
from textual.command import CommandList
from textual.pilot import Pilot
from tui_helpers import make_app, screen_lines, settle, steady, until


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_kinds_corpus(tmp_path / "corpus")


def layout(speakers: SpeakerList) -> list[str]:
    """The rows as ``# Title N`` for a header and the name for a speaker."""
    return [f"# {r.title} {r.count}" if isinstance(r, GroupHeader) else r.name for r in speakers.rows]


async def open_speakers(pilot: Pilot) -> SpeakerList:
    await settle(pilot)
    await pilot.press("tab", "s")
    await settle(pilot)
    return pilot.app.query_one("#speakers", SpeakerList)


async def test_speakers_are_grouped_by_kind_and_the_cursor_skips_headers(corpus: Path, tmp_path: Path) -> None:
    app = make_app([corpus], tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        speakers = await open_speakers(pilot)
        assert layout(speakers) == [
            "# People 2", *PEOPLE, "# Organisations 2", *ORGANISATIONS, "# Unnamed sources 3", *UNNAMED_SOURCES
        ]
        lines = [line.strip() for line in screen_lines(speakers)]
        assert lines[0] == "" and lines[1].startswith("People ──") and lines[1].endswith("── 2")
        assert lines[2].startswith("Maria Lopez") and lines[2].endswith("3 quotes · 2 articles")
        assert lines[3] == "port authority’s lawyer"
        assert lines[13].startswith("Unnamed sources ──") and lines[14].startswith("a senior port official")
        await pilot.press("enter")  # from the filter into the list: the first speaker, not the header
        assert app.focused is speakers and speakers.cursor == 1 and speakers.current.name == "Maria Lopez"
        await pilot.press("up", "home")
        assert speakers.cursor == 1
        await pilot.press("down", "down")  # over the Organisations header
        assert speakers.current.name == "Greenfield Shipping Corp"
        await pilot.press("up")
        assert speakers.current.name == "John Carter"
        await pilot.press("end")
        assert speakers.current.name == "two people familiar with the talks"
        await pilot.press("pageup")
        assert speakers.current is not None and speakers.selectable(speakers.cursor)
        cursor = speakers.cursor
        await pilot.click(SpeakerList, offset=(3, 0))  # a header: nothing chosen
        assert speakers.cursor == cursor and app.query_one(SpeakerList).current is not None


async def test_the_filter_narrows_every_group_and_enter_lists_an_unnamed_sources_quotes(corpus: Path, tmp_path: Path) -> None:
    app = make_app([corpus], tmp_path)
    seen: list[object] = []
    async with app.run_test(size=(140, 40), message_hook=seen.append) as pilot:
        speakers = await open_speakers(pilot)
        field = app.query_one("#speakers-filter", ListFilter)
        await pilot.press(*"transport")
        assert layout(speakers) == ["# Organisations 1", "Transport Ministry", "# Unnamed sources 1", "a senior Transport Ministry official"]
        assert speakers.current is not None and speakers.current.name == "Transport Ministry"
        field.value = ""
        await pilot.press(*"lopez")
        assert layout(speakers) == ["# People 1", "Maria Lopez"]
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", *"zzz")
        assert speakers.row_count == 0 and screen_lines(speakers)[0].strip() == "No speaker matches the filter."
        for _ in range(3):
            await pilot.press("backspace")
        await pilot.press(*"official", "enter")
        assert layout(speakers) == ["# Unnamed sources 2", "a senior port official", "a senior Transport Ministry official"]
        await pilot.press("enter")
        await settle(pilot)
        chosen = [m for m in seen if isinstance(m, SpeakerChosen)]
        assert chosen and chosen[-1].name == "a senior port official"
        listed = app.query_one("#speaker-quotes", QuoteList)
        assert listed.row_count == 2 and {r.quote.speaker for r in listed.records} == {"a senior port official"}
        assert {r.quote.speaker_kind for r in listed.records} == {"unnamed"}
        assert "a senior port official · 2 quotes, 2 articles" in str(app.query_one("#speaker-title").render())


async def test_a_speaker_chosen_elsewhere_is_where_the_list_stands(corpus: Path, tmp_path: Path) -> None:
    app = make_app([corpus], tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        speakers = await open_speakers(pilot)
        name = "a senior Transport Ministry official"
        row = speakers.index_of(name.upper())
        assert row is not None and speakers.rows[row].name == name  # type: ignore[union-attr]
        assert speakers.index_of("Unnamed sources") is None  # a header is nobody
        app.main.go_to_speaker(name)
        await settle(pilot)
        assert app.query_one("#speaker-quotes", QuoteList).row_count == 1
        app.query_one("#speaker-quotes", QuoteList).focus()
        await pilot.press("escape")
        assert speakers.cursor == row and speakers.current is not None and speakers.current.name == name


async def _grouped(pilot: Pilot) -> None:
    """The speakers tab on the three-kind corpus, the cursor on an organisation."""
    await open_speakers(pilot)
    await pilot.press("enter", "down", "down")
    await steady(pilot)


@pytest.mark.parametrize("size", [(140, 40), (80, 24)], ids=["140x40", "80x24"])
def test_snapshot_grouped_speakers(size: tuple[int, int], corpus: Path, tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app([corpus], tmp_path, remember=False)
    assert snap_compare(app, terminal_size=size, run_before=_grouped)


async def test_the_palette_goes_to_an_unnamed_source_and_says_its_kind(corpus: Path, tmp_path: Path) -> None:
    app = make_app([corpus], tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)  # opening the palette lists the speakers
        await pilot.press(*"Speaker: a senior port official")
        await until(pilot, lambda: app.screen.query(CommandList) and app.screen.query_one(CommandList).option_count > 0)
        await settle(pilot)
        options = app.screen.query_one(CommandList)
        first = str(options.get_option_at_index(0).prompt)
        assert "Speaker: a senior port official" in first and "unnamed source · 2 quotations in 2 articles" in first
        await pilot.press("enter")
        await settle(pilot)
        side = app.query_one(SidePanel)
        assert side.speaker is not None and side.speaker.name == "a senior port official"
