"""Small modal screens: pick one of the other articles carrying a quotation; choose an export file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...display import printable
from ...index.models import ArticleSummary


class AlsoInScreen(ModalScreen[str | None]):
    """The articles that carry the same quotation; returns the chosen path (or ``None``)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="also-in.cancel")]

    def __init__(self, quote: str, articles: Sequence[ArticleSummary]) -> None:
        super().__init__()
        self.quote = quote
        self.articles = tuple(articles)

    def compose(self) -> ComposeResult:
        """A title and the list of articles."""
        with Vertical(id="also-in-box", classes="dialog"):
            yield Static(Text(f"“{printable(self.quote)}” also appears in:"), id="also-in-title")
            options = []
            for a in self.articles:
                prompt = Text(printable(a.title) or "(untitled)", style="bold")
                facts = " · ".join(printable(x) for x in (a.outlet, a.date) if x)
                if facts:
                    prompt.append("\n" + facts, style="dim")
                options.append(Option(prompt, id=a.path))
            yield OptionList(*options, id="also-in-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen article."""
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Return nothing."""
        self.dismiss(None)


class ExportScreen(ModalScreen[str | None]):
    """Ask where to write an export; returns the path typed (or ``None``)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, what: str, default_path: str) -> None:
        super().__init__()
        self.what = what
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        """A prompt and a path input."""
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Text(f"Export {printable(self.what)} to (Enter to write, Esc to cancel):"), id="export-title")
            yield Input(value=self.default_path, id="export-path")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Return the path."""
        event.stop()
        path = event.value.strip()
        self.dismiss(path or None)

    def action_cancel(self) -> None:
        """Return nothing."""
        self.dismiss(None)
