"""A one-line filter over a list: the list narrows as the user types."""

from __future__ import annotations

from typing import ClassVar, Protocol

from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Input

MAX_FILTER = 200
"""Characters a filter can hold (a long paste is cut, and each keystroke stays cheap)."""


class Filterable(Protocol):
    """A list that can narrow itself to the items matching a text."""

    def apply_filter(self, text: str) -> None:
        """Show only the items matching ``text`` (empty: all)."""

    def focus(self, scroll_visible: bool = True) -> Widget:
        """Take the focus."""


def folded(text: str) -> str:
    """``text`` as filters compare it: case-folded, spaces collapsed."""
    return " ".join(text.casefold().split())


class ListFilter(Input):
    """Typing filters :attr:`target`; Down or Enter moves into it; Esc clears the filter, then leaves."""

    DEFAULT_CSS = """
    ListFilter {
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }
    ListFilter:focus {
        border: none;
        background: $surface-lighten-1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,enter", "into_list", "To the list", show=False, id="filter.into-list"),
        Binding("escape", "clear_or_leave", "Clear filter", id="filter.clear"),
    ]

    def __init__(self, target: Filterable, *, placeholder: str, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, max_length=MAX_FILTER, id=id)
        self.target = target

    def on_input_changed(self, event: Input.Changed) -> None:
        """Narrow the list."""
        event.stop()
        self.target.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter is handled by the binding."""
        event.stop()

    def action_into_list(self) -> None:
        """Move to the filtered list."""
        self.target.focus()

    def action_clear_or_leave(self) -> None:
        """Clear the filter; when empty already, move to the list."""
        if self.value:
            self.value = ""
        else:
            self.target.focus()
