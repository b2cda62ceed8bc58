"""Make the SVG screenshots in this folder from the real app on the bundled sample corpus.

Run from the repository root::

    python screenshots/make_screenshots.py

Each scene drives the app headless with Textual's pilot, as a user would
(typing, Tab, Enter), then saves what is on screen. The index and the session
file go to a temporary folder, so your own are untouched.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from byline.tui.idle import settle, steady

HERE = Path(__file__).resolve().parent


async def launch(pilot: Pilot) -> None:
    """The app as it opens."""
    await steady(pilot)


async def search(pilot: Pilot) -> None:
    """Typing a name narrows the list and lights the hits."""
    await settle(pilot)
    await pilot.press(*"Kosachev")
    await steady(pilot)


async def jump(pilot: Pilot) -> None:
    """Tab to the quotations, pick one, Enter: the reader shows it in place."""
    await search(pilot)
    await pilot.press("tab", "tab", "tab", "down", "down", "enter")
    await steady(pilot)


async def speakers(pilot: Pilot) -> None:
    """The speakers view: one speaker's quotations across the corpus, one of them open."""
    from byline.tui.widgets.speaker_list import SpeakerList

    await settle(pilot)
    await pilot.press("tab", "s")
    listed = pilot.app.query_one("#speakers", SpeakerList)
    index = listed.index_of("Dmitry Medvedev")
    if index is not None:
        listed.cursor = index
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("down", "enter")
    await settle(pilot)



async def help_screen(pilot: Pilot) -> None:
    """F1: keys and query syntax."""
    await settle(pilot)
    await pilot.press("f1")
    await settle(pilot)


SCENES: dict[str, tuple[Callable[[Pilot], Awaitable[None]], tuple[int, int]]] = {
    "launch": (launch, (140, 40)),
    "search": (search, (140, 40)),
    "jump-to-quote": (jump, (140, 40)),
    "speakers": (speakers, (140, 40)),
    "help": (help_screen, (140, 40)),
    "narrow": (search, (90, 30)),
    "tiny": (search, (40, 12)),
}


async def shoot(name: str, scene: Callable[[Pilot], Awaitable[None]], size: tuple[int, int], work: Path) -> Path:
    """Run one scene and save its SVG."""
    from byline.tui.app import BylineApp

    app = BylineApp(None, index_dir=str(work / "index"), remember=False)
    async with app.run_test(size=size) as pilot:
        await scene(pilot)
        app.title = "Byline"
        return Path(app.save_screenshot(filename=f"{name}.svg", path=str(HERE)))


async def main() -> int:
    """Make every scene."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BYLINE_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["BYLINE_CACHE_DIR"] = str(Path(tmp) / "cache")
        for name, (scene, size) in SCENES.items():
            path = await shoot(name, scene, size, Path(tmp))
            print(f"wrote {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
