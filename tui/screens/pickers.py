"""Small modal screens: pick another article carrying a quotation, choose an export file, confirm."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...index.models import ArticleSummary
from .. import safe

DIALOG_CSS = """
    {screen} {
        align: center middle;
    }
    {screen} > .dialog {
        width: 80%;
        max-width: 90;
        height: auto;
        max-height: 80%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
"""


class SafeOptionList(OptionList):
    """An option list whose page keys cannot fail before it is first drawn.

    Textual's ``OptionList`` pages with a line map filled when it renders; a
    PageDown that arrives in the same burst as the keys that opened the list
    finds it empty and raises ``KeyError``. Here such a key does nothing.
    """

    def action_page_down(self) -> None:
        """One page down (nothing before the list is drawn)."""
        try:
            super().action_page_down()
        except (KeyError, IndexError):
            pass

    def action_page_up(self) -> None:
        """One page up (nothing before the list is drawn)."""
        try:
            super().action_page_up()
        except (KeyError, IndexError):
            pass


class AlsoInScreen(ModalScreen[str | None]):
    """The articles that carry the same quotation; returns the chosen path (or ``None``)."""

    DEFAULT_CSS = DIALOG_CSS.replace("{screen}", "AlsoInScreen") + """
    AlsoInScreen #also-in-list {
        height: auto;
        max-height: 20;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="also-in.cancel")]

    def __init__(self, quote: str, articles: Sequence[ArticleSummary]) -> None:
        super().__init__()
        self.quote = quote
        self.articles = tuple(articles)

    def compose(self) -> ComposeResult:
        """A title and the list of articles."""
        with Vertical(id="also-in-box", classes="dialog"):
            yield Static(Text("“") + safe.text(self.quote) + Text("” also appears in:"), id="also-in-title", markup=False)
            options = []
            for a in self.articles:
                prompt = safe.text(a.title or "(untitled)", style="bold")
                facts = " · ".join(safe.plain(x) for x in (a.outlet, a.date) if x)
                if facts:
                    prompt.append("\n" + facts, style="dim")
                options.append(Option(prompt, id=a.key))
            yield SafeOptionList(*options, id="also-in-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen article."""
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Return nothing."""
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A question with two answers; returns whether the first was chosen."""

    DEFAULT_CSS = DIALOG_CSS.replace("{screen}", "ConfirmScreen") + """
    ConfirmScreen #confirm-buttons {
        height: auto;
        align-horizontal: right;
    }
    ConfirmScreen Button {
        margin-left: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No", id="confirm.no"),
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
    ]

    def __init__(self, question: Text, yes: str, no: str) -> None:
        """``question`` is a Rich ``Text`` made with :mod:`..safe` (it may name files)."""
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        """The question above its two buttons."""
        with Vertical(classes="dialog"):
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes, variant="warning", id="confirm-yes")
                yield Button(self.no, id="confirm-no")

    def on_mount(self) -> None:
        """The safe answer has the focus."""
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button answers."""
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        """A key answers."""
        self.dismiss(yes)


class ExportScreen(ModalScreen["tuple[str, bool] | None"]):
    """Ask where to write an export; returns the path and whether an existing file may be replaced.

    A file that is there already is replaced only once the user confirms it.
    """

    DEFAULT_CSS = DIALOG_CSS.replace("{screen}", "ExportScreen")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, what: str, default_path: str) -> None:
        super().__init__()
        self.what = what
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        """A prompt and a path input."""
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Text("Export ") + safe.text(self.what) + Text(" to (Enter to write, Esc to cancel):"), id="export-title", markup=False)
            yield Input(value=safe.plain(self.default_path), id="export-path")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Return the path; ask first when a file is there already."""
        event.stop()
        path = event.value.strip()
        if not path:
            self.dismiss(None)
            return
        target = Path(path).expanduser()
        if not target.exists():
            self.dismiss((path, False))
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self.dismiss((path, True))

        question = safe.text(str(target)) + Text(" exists already. Replace it?")
        self.app.push_screen(ConfirmScreen(question, "Replace", "Keep it"), answered)

    def action_cancel(self) -> None:
        """Return nothing."""
        self.dismiss(None)
