"""The article text, wrapped to the pane, with search hits and quotations highlighted.

Offsets from the engine index :attr:`ArticleView.text` directly: the text is
drawn as :func:`~byline.tui.wrap.screen_text` makes it (same length as the
article), so the span the engine found is the span lit on screen.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...index.models import Span
from ..wrap import WrappedText, screen_text, wrap_text


class ArticleView(ScrollView, can_focus=True):
    """Scrollable article text; draws only the lines on screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("down,j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page-up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reader.page-down"),
        Binding("home", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("end", "scroll_end", "Bottom", show=False, id="reader.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--hit",
        "article-view--current-hit",
        "article-view--quote",
        "article-view--focus-quote",
        "article-view--title",
        "article-view--empty",
    }

    class HitChanged(Message):
        """The current hit moved (``index`` is 0-based, -1 for none)."""

        def __init__(self, index: int, total: int) -> None:
            super().__init__()
            self.index = index
            self.total = total

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        self.hits: tuple[Span, ...] = ()
        self.quotes: tuple[Span, ...] = ()
        self.focus_span: Span | None = None
        self.title_span: Span | None = None
        self.current_hit = -1
        self.placeholder = True
        """The text is a message (no article), drawn in the placeholder style."""
        self._wrapped: WrappedText | None = None
        self._cache: dict[int, Strip] = {}

    # -- content --------------------------------------------------------------
    def show(
        self,
        text: str,
        hits: Sequence[Span] = (),
        quotes: Sequence[Span] = (),
        title_span: Span | None = None,
    ) -> None:
        """Show an article (raw text: it is made safe here) with its hits and quotation spans."""
        self.text = screen_text(text)
        self.hits = tuple(sorted(hits))
        self.quotes = tuple(sorted(quotes))
        self.title_span = title_span
        self.focus_span = None
        self.current_hit = -1
        self.placeholder = False
        self._rewrap()
        self.scroll_to(y=0, animate=False, immediate=True)
        self._announce()

    def clear(self, message: str = "No article open.") -> None:
        """Show nothing but ``message`` (wrapped, in the placeholder style)."""
        self.show(message)
        self.placeholder = True

    def _rewrap(self) -> None:
        width = max(1, self.scrollable_content_region.width)
        self._wrapped = wrap_text(self.text, width)
        self._cache.clear()
        self.virtual_size = Size(0, len(self._wrapped.lines) if self.text else 1)
        self.refresh()

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Rewrap to the new width, keeping the same text at the top."""
        if self._wrapped is None or self._wrapped.width == max(1, self.scrollable_content_region.width):
            return
        top = self.top_offset()
        self._rewrap()
        self.call_after_refresh(self.scroll_to_offset, top, False)

    # -- positions --------------------------------------------------------------
    def top_offset(self) -> int:
        """Character offset of the first line on screen (to come back to it later)."""
        if self._wrapped is None or not self._wrapped.lines:
            return 0
        line = min(int(self.scroll_y), len(self._wrapped.lines) - 1)
        return self._wrapped.lines[line][0]

    def line_of(self, offset: int) -> int:
        """The visual line showing character ``offset``."""
        return self._wrapped.line_of(offset) if self._wrapped else 0

    def scroll_to_offset(self, offset: int, center: bool = True) -> None:
        """Scroll so the line holding ``offset`` is in view (a third down the pane when centring)."""
        line = self.line_of(offset)
        if center:
            line = max(0, line - max(0, self.scrollable_content_region.height // 3))
        self.scroll_to(y=line, animate=False, immediate=True)

    def visible_lines(self) -> range:
        """Indexes of the visual lines now on screen."""
        top = int(self.scroll_y)
        return range(top, top + self.scrollable_content_region.height)

    # -- hits and quotes --------------------------------------------------------
    def go_to_hit(self, index: int) -> None:
        """Make hit ``index`` (wrapping around) current and scroll to it."""
        if not self.hits:
            self.current_hit = -1
            self._announce()
            return
        self.current_hit = index % len(self.hits)
        self._invalidate()
        self.scroll_to_offset(self.hits[self.current_hit][0])
        self._announce()

    def mark_hit(self, index: int) -> None:
        """Make hit ``index`` current without scrolling (-1 or out of range: none)."""
        self.current_hit = index if 0 <= index < len(self.hits) else -1
        self._invalidate()
        self._announce()

    def next_hit(self) -> None:
        """The next hit after the current one (or after the top of the screen)."""
        if self.current_hit < 0 and self.hits:
            top = self.top_offset()
            after = bisect_left([s for s, _ in self.hits], top)
            self.go_to_hit(after if after < len(self.hits) else 0)
        else:
            self.go_to_hit(self.current_hit + 1)

    def previous_hit(self) -> None:
        """The hit before the current one."""
        self.go_to_hit(self.current_hit - 1 if self.current_hit >= 0 else -1)

    def focus_quote(self, span: Span | None) -> None:
        """Light one quotation distinctly and scroll to it (``None`` clears it)."""
        self.focus_span = span
        self._invalidate()
        if span is not None:
            self.scroll_to_offset(span[0])

    def _announce(self) -> None:
        self.post_message(self.HitChanged(self.current_hit, len(self.hits)))

    # -- drawing ------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y``."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = scroll_y + y
        wrapped = self._wrapped
        if wrapped is None or index >= len(wrapped.lines):
            return Strip.blank(width, base)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_text_line(index)
            self._cache[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_text_line(self, index: int) -> Strip:
        assert self._wrapped is not None
        start, end = self._wrapped.lines[index]
        text = Text(self.text[start:end], no_wrap=True, end="")
        if self.placeholder:
            text.stylize(self.get_component_rich_style("article-view--empty", partial=True))
        for spans, name in (
            ((self.title_span,) if self.title_span else (), "article-view--title"),
            (self.quotes, "article-view--quote"),
            (self.hits, "article-view--hit"),
            ((self.hits[self.current_hit],) if 0 <= self.current_hit < len(self.hits) else (), "article-view--current-hit"),
            ((self.focus_span,) if self.focus_span else (), "article-view--focus-quote"),
        ):
            if spans:
                self._stylize(text, spans, start, end, self.get_component_rich_style(name, partial=True))
        return Strip(text.render(self.app.console)).apply_style(self.rich_style)

    @staticmethod
    def _stylize(text: Text, spans: Sequence[Span], start: int, end: int, style: Style) -> None:
        """Apply ``style`` to the parts of ``spans`` (sorted) that fall in ``[start, end)``."""
        first = max(0, bisect_left(spans, (start, start)) - 1)
        for s, e in spans[first:]:
            if s >= end:
                break
            if e > start:
                text.stylize(style, max(s, start) - start, min(e, end) - start)
