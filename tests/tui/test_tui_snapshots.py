"""What the user sees, as SVG snapshots (``pytest --snapshot-update`` refreshes them after a deliberate change)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_helpers import make_app, settle

from byline.tui.widgets.quote_list import QuoteList
from byline.tui.widgets.speaker_list import SpeakerList


async def _steady(pilot: Pilot) -> None:
    """Wait for the app to be idle, then drop what changes with time (toasts, the blinking cursor)."""
    await settle(pilot)
    pilot.app.clear_notifications()
    for widget in pilot.app.query("Input"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


async def _launch(pilot: Pilot) -> None:
    await _steady(pilot)


async def _search(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press(*"Kosachev")
    await _steady(pilot)


async def _jump(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press(*"Kosachev")
    await settle(pilot)
    await pilot.press("tab", "tab", "tab", "down", "down", "enter")
    await _steady(pilot)


async def _speakers(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("tab", "s")
    speakers = pilot.app.query_one("#speakers", SpeakerList)
    index = speakers.index_of("Dmitry Medvedev")
    assert index is not None
    speakers.cursor = index
    await pilot.press("enter")
    await settle(pilot)
    listed = pilot.app.query_one("#speaker-quotes", QuoteList)
    assert listed.row_count == 4
    await pilot.press("down", "enter")
    await _steady(pilot)


async def _help(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f1")
    await _steady(pilot)


SCENES = {
    "launch": (_launch, (140, 40)),
    "search": (_search, (140, 40)),
    "jump": (_jump, (140, 40)),
    "speakers": (_speakers, (140, 40)),
    "help": (_help, (140, 40)),
    "narrow": (_search, (90, 30)),
    "tiny": (_search, (40, 12)),
}


@pytest.mark.parametrize("scene", list(SCENES))
def test_snapshot(scene: str, seeds: Path, tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    run_before, size = SCENES[scene]
    app = make_app([seeds], tmp_path, remember=False)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
