"""The search bar: the query input and, under it, what the engine made of the query."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from ...display import printable


class SearchBar(Vertical):
    """An input for the query and a one-line notice (what was searched, what was repaired)."""

    def compose(self) -> ComposeResult:
        """The input above its notice line."""
        yield Input(placeholder="Search: words, \"a phrase\", speaker:Name, date:2024-11…  (F1 for help)", id="query")
        yield Static("", id="search-notice", markup=False)

    @property
    def input(self) -> Input:
        """The query input."""
        return self.query_one("#query", Input)

    def set_notice(self, message: str, warning: bool = False) -> None:
        """Show ``message`` (literally) under the input; warnings stand out."""
        notice = self.query_one("#search-notice", Static)
        notice.set_class(warning, "-warning")
        notice.update(Text(printable(message)))
