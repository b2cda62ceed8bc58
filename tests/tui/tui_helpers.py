"""Helpers for driving the reader with Textual's pilot."""

from __future__ import annotations

import io
from pathlib import Path

from byline.tui.app import BylineApp
from idle import settle, steady, workers_done  # noqa: F401  (re-exported for the tests)
from rich.console import Console


def screen_lines(widget: object) -> list[str]:
    """The text of every line a Line-API widget draws right now."""
    height = widget.size.height  # type: ignore[attr-defined]
    return [widget.render_line(y).text for y in range(height)]  # type: ignore[attr-defined]


def plain(renderable: object) -> str:
    """A Rich renderable as plain text."""
    console = Console(width=200, color_system=None, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def make_app(paths: list[Path] | None, tmp_path: Path, **kwargs: object) -> BylineApp:
    """A reader over ``paths`` with its index under ``tmp_path``."""
    return BylineApp([str(p) for p in paths] if paths else None, index_dir=str(tmp_path / "index"), **kwargs)  # type: ignore[arg-type]


def record_notices(app: BylineApp) -> list[str]:
    """From now on, note the message of every toast ``app`` shows (toasts expire; this list keeps them)."""
    seen: list[str] = []
    real = app.notify

    def notify(message: str, **kwargs: object) -> None:
        seen.append(message)
        real(message, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return seen


async def until(pilot: object, condition: object, checks: int = 2000) -> None:
    """Let the app run until ``condition()`` holds (each check waits for the app to process its queue)."""
    for _ in range(checks):
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.01)  # type: ignore[attr-defined]
    raise TimeoutError("the condition never held")
