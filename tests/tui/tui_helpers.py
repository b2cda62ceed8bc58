"""Helpers for driving the reader with Textual's pilot."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from byline.tui.app import BylineApp
from byline.tui.idle import settle, steady, workers_done  # noqa: F401  (re-exported for the tests)
from byline.tui.widgets.virtual_list import VirtualList


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
