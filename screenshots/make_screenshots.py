"""Make the SVG screenshots in this folder from the real app on the bundled sample corpus.

Run from the repository root::

    python screenshots/make_screenshots.py [SCENE ...]

Each scene drives the app headless with Textual's pilot, as a user would
(typing, Tab, Enter), waits for it to settle (no worker running, nothing
listing or reading), then saves what is on screen. The index, the session and
the preferences go to a temporary folder, so your own are untouched. The same
scenes are the SVG snapshot tests (``tests/tui/test_tui_snapshots.py``).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "tui"))

from idle import settle, steady  # noqa: E402  (test helpers, kept out of the package)


async def launch(pilot: Pilot) -> None:
    """The app as it opens."""
    await steady(pilot)


async def search(pilot: Pilot) -> None:
    """Typing a name narrows the list; the reader lands on the first hit."""
    await settle(pilot)
    await pilot.press(*"Kosachev")
    await steady(pilot)


async def quotes_overlay(pilot: Pilot) -> None:
    """On a narrow terminal, ``p`` shows the quotations over the reader."""
    await search(pilot)
    await pilot.press("tab", "p")
    await steady(pilot)


async def jump(pilot: Pilot) -> None:
    """Tab to the quotations, pick one, Enter: the reader shows it in place."""
    await search(pilot)
    await pilot.press("tab", "tab", "p", "down", "down", "enter")
    await steady(pilot)


async def speakers(pilot: Pilot) -> None:
    """The speakers view: filter by a few letters, one speaker's quotations, one of them open."""
    await settle(pilot)
    await pilot.press("tab", "s")
    await settle(pilot)
    await pilot.press(*"medv")
    await pilot.press("enter", "enter")
    await settle(pilot)
    await pilot.press("down", "enter")
    await steady(pilot)


async def facets(pilot: Pilot) -> None:
    """``F``: the articles by outlet, folder and month, with the month histogram (Enter narrows the list)."""
    await settle(pilot)
    await pilot.press("tab", "F")
    await steady(pilot)


async def help_screen(pilot: Pilot) -> None:
    """F1: keys and query syntax."""
    await settle(pilot)
    await pilot.press("f1")
    await steady(pilot)


SCENES: dict[str, tuple[Callable[[Pilot], Awaitable[None]], tuple[int, int]]] = {
    "launch": (launch, (140, 40)),
    "search": (search, (140, 40)),
    "search-80x24": (search, (80, 24)),
    "quotes-80x24": (quotes_overlay, (80, 24)),
    "search-100x30": (search, (100, 30)),
    "jump-to-quote": (jump, (140, 40)),
    "speakers": (speakers, (140, 40)),
    "facets": (facets, (140, 40)),
    "facets-80x24": (facets, (80, 24)),
    "help": (help_screen, (140, 40)),
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


async def main(names: list[str]) -> int:
    """Make every scene (or the ones named)."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BYLINE_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["BYLINE_CACHE_DIR"] = str(Path(tmp) / "cache")
        for name, (scene, size) in SCENES.items():
            if names and name not in names:
                continue
            path = await shoot(name, scene, size, Path(tmp))
            print(f"wrote {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
