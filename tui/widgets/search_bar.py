"""The search bar: the query input, its history, and under it what the engine made of the query.

The bar owns typing: it waits for a pause before it says the query changed
(:class:`~byline.tui.messages.QueryChanged`), so a burst of keys searches once;
Enter searches at once and moves to the results. ↑/↓ walk the search history,
Esc clears the query, ↓ past the newest entry moves to the results. The input
holds at most :data:`MAX_QUERY` characters: a long paste (even one that
arrives as single keystrokes) is cut there, and each keystroke stays cheap.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, Static

from .. import safe
from ..messages import QueryChanged

SEARCH_DELAY = 0.12
"""A key pressed after this long a pause searches at once; keys in a burst wait this long for the burst to end."""
MAX_QUERY = 2000
"""Characters the query input holds (the engine cuts longer queries anyway)."""
HISTORY_SIZE = 100


class QueryInput(Input):
    """An input that cuts what is pasted or typed at its maximum length instead of refusing it all."""

    def __init__(self, *, placeholder: str, max_length: int, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, max_length=max_length, id=id)
        self.was_cut = False
        """Text was cut at the maximum length (said once, until the query is shorter again)."""

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace ``[start, end)`` with ``text``, cut to the room left."""
        if self.max_length:
            value = self.value
            start, end = sorted((max(0, start), min(len(value), end)))
            room = self.max_length - (len(value) - (end - start))
            if len(text) > room:
                text = text[: max(0, room)]
                if not self.was_cut:
                    self.was_cut = True
                    self.notify(f"The query was cut at {self.max_length:,} characters.", severity="warning", timeout=5)
                if not text and start == end:
                    return  # nothing fits: a key past the limit costs nothing
            elif self.was_cut and len(value) - (end - start) + len(text) < self.max_length:
                self.was_cut = False
        super().replace(text, start, end)

    def restricted(self) -> None:
        """No bell per refused key (a long paste would ring thousands of times)."""


class SearchBar(Vertical):
    """An input for the query and a one-line notice (what was searched, what was repaired)."""

    DEFAULT_CSS = """
    SearchBar {
        height: auto;
        padding: 0 1;
    }
    SearchBar #query {
        border: tall $accent 40%;
    }
    SearchBar #query:focus {
        border: tall $accent;
    }
    SearchBar #search-notice {
        height: 1;
        color: $text-muted;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    SearchBar #search-notice.-warning {
        color: $text-warning;
        text-style: bold;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "History", id="search.history-back"),
        Binding("down", "history(1)", "Results", show=False, id="search.history-forward"),
        Binding("escape", "clear", "Clear", id="search.clear"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history: list[str] = []
        """Queries searched, oldest first (the screen saves them per corpus)."""
        self._browse: int | None = None
        """Position in :attr:`history` while walking it with ↑/↓."""
        self._draft = ""
        self._timer: Timer | None = None
        self._last_key = 0.0

    def compose(self) -> ComposeResult:
        """The input above its notice line."""
        yield QueryInput(
            placeholder='Search: words, "a phrase", speaker:Name, date:2024-11…  (F1 help)',
            max_length=MAX_QUERY,
            id="query",
        )
        yield Static("", id="search-notice", markup=False)

    @property
    def input(self) -> QueryInput:
        """The query input."""
        return self.query_one("#query", QueryInput)

    @property
    def waiting(self) -> bool:
        """Typing has not paused yet: the query is about to change."""
        return self._timer is not None

    @property
    def value(self) -> str:
        """The query as typed."""
        return self.input.value

    def set_query(self, text: str) -> None:
        """Put ``text`` in the input without searching it (the caller lists it)."""
        field = self.input
        with field.prevent(Input.Changed):
            field.value = text[:MAX_QUERY]
        field.cursor_position = len(field.value)
        self._stop_timer()

    def set_notice(self, message: str, warning: bool = False) -> None:
        """Show ``message`` (literally) under the input; warnings stand out."""
        notice = self.query_one("#search-notice", Static)
        notice.set_class(warning, "-warning")
        notice.update(safe.text(message))

    def set_history(self, entries: Sequence[str]) -> None:
        """The history to walk (restored for a corpus)."""
        self.history = [q for q in entries if q.strip()][-HISTORY_SIZE:]
        self._browse = None

    def remember(self, query: str) -> None:
        """Add ``query`` to the history (moved to the end if there already)."""
        query = query.strip()
        if not query:
            return
        self.history = [q for q in self.history if q != query][-(HISTORY_SIZE - 1) :] + [query]
        self._browse = None

    # -- typing ------------------------------------------------------------------------
    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        """Search once the typing pauses: at once after a pause, at the end of a burst."""
        event.stop()
        self._stop_timer()
        now = time.monotonic()
        burst = now - self._last_key < SEARCH_DELAY
        self._last_key = now
        if burst:
            self._timer = self.set_timer(SEARCH_DELAY, self._post)
        else:
            self._post()

    def _post(self) -> None:
        self._timer = None
        self.post_message(QueryChanged(self.input.value))

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter: search now, remember the query, and move to the results."""
        event.stop()
        self._stop_timer()
        self.remember(event.value)
        self.post_message(QueryChanged(event.value, submitted=True))

    def on_descendant_blur(self) -> None:
        """Leaving the bar keeps the query in the history."""
        self.remember(self.value)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    # -- keys ------------------------------------------------------------------------------
    def action_history(self, step: int) -> None:
        """↑: an earlier query; ↓: a later one, and past the newest, the results."""
        if step > 0 and self._browse is None:
            self.screen.focus_next()
            return
        if not self.history:
            return
        if self._browse is None:
            self._draft = self.value
            self._browse = len(self.history)
        index = max(0, self._browse + step)
        if index >= len(self.history):
            self._browse = None
            self._put(self._draft)
            return
        self._browse = index
        self._put(self.history[index])

    def _put(self, text: str) -> None:
        """Show ``text`` in the input and search it (as typing would)."""
        field = self.input
        field.value = text
        field.cursor_position = len(text)

    def action_clear(self) -> None:
        """Esc: clear the query (lists every article)."""
        self._browse = None
        if self.value:
            self.input.value = ""
