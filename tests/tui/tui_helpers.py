"""Helpers for driving the reader with Textual's pilot."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from byline.tui.app import BylineApp
from byline.tui.widgets.virtual_list import VirtualList


async def _workers_done(app: App[object]) -> None:
    """Wait for the app's workers to end (a worker replaced by a newer one counts as ended)."""
    for _ in range(20):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


async def settle(pilot: Pilot, rounds: int = 3) -> None:
    """Wait until typing delays have passed and no worker is running, ``rounds`` times in a row."""
    app = pilot.app
    quiet = 0
    for _ in range(400):
        await pilot.pause(0.05)
        await _workers_done(app)
        await pilot.pause()
        busy = any(w.is_running for w in app.workers) or getattr(app, "indexing", False)
        if isinstance(app, BylineApp) and not app.ready:
            busy = True
        quiet = 0 if busy else quiet + 1
        if quiet >= rounds:
            return
    raise AssertionError("the app never settled")


def screen_lines(widget: VirtualList | object, width: int = 200) -> list[str]:
    """The text of every line a Line-API widget draws right now."""
    lines = []
    height = widget.size.height  # type: ignore[attr-defined]
    for y in range(height):
        strip = widget.render_line(y)  # type: ignore[attr-defined]
        lines.append(strip.text)
    return lines


def plain(renderable: object) -> str:
    """A Rich renderable as plain text."""
    console = Console(width=200, color_system=None, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def make_app(paths: list[Path] | None, tmp_path: Path, **kwargs: object) -> BylineApp:
    """A reader over ``paths`` with its index under ``tmp_path``."""
    return BylineApp([str(p) for p in paths] if paths else None, index_dir=str(tmp_path / "index"), **kwargs)  # type: ignore[arg-type]
