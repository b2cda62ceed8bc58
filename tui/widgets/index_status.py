"""A progress bar shown while the corpus is being indexed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class IndexStatus(Horizontal):
    """``Indexing 1,200 of 5,000 articles`` with a bar; hidden when idle."""

    DEFAULT_CSS = """
    IndexStatus {
        height: 1;
        padding: 0 1;
        display: none;
    }
    IndexStatus #index-label {
        width: auto;
        margin-right: 2;
    }
    """

    def compose(self) -> ComposeResult:
        """A label beside a bar."""
        yield Label("", id="index-label", markup=False)
        yield ProgressBar(total=None, show_eta=False, id="index-bar")

    def start(self, message: str) -> None:
        """Show the bar with ``message`` (total not known yet)."""
        self.display = True
        self.query_one("#index-label", Label).update(message)

    def progress(self, done: int, total: int, message: str) -> None:
        """Move the bar."""
        self.display = True
        bar = self.query_one("#index-bar", ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        self.query_one("#index-label", Label).update(message)

    def finish(self) -> None:
        """Hide the bar."""
        self.display = False
