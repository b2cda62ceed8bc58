"""The article text, wrapped to the pane, with search hits and quotations lit, and text selection.

Offsets from the engine index :attr:`ArticleView.text` directly: the text is
drawn as :func:`~byline.tui.wrap.screen_text` makes it (same length as the
article), so the span the engine found is the span lit on screen.

Each screen line is ``[gutter][text][ruler]``: the two-cell gutter marks the
lines that hold a hit (``▶`` for the current one), and the one-cell ruler on
the right maps the whole article onto the pane's height, marking where every
hit stands, so the other hits can be found at a glance.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from ...index.models import Span
from ..wrap import WrappedText, screen_text, wrap_text

GUTTER = 2
"""Cells left of the text: the hit mark and a space."""
RULER = 2
"""Cells right of the text: a space and the hit ruler."""


class ArticleView(ScrollView, can_focus=True):
    """Scrollable article text; draws only the lines on screen."""

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        padding: 0;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    ArticleView > .article-view--hit {
        background: $warning 35%;
    }
    ArticleView > .article-view--current-hit {
        background: $primary;
        color: $text;
        text-style: bold underline;
    }
    ArticleView > .article-view--quote {
        color: $text-secondary;
    }
    ArticleView > .article-view--focus-quote {
        background: $success 35%;
        color: $foreground;
        text-style: bold underline;
    }
    ArticleView > .article-view--title {
        text-style: bold;
    }
    ArticleView > .article-view--empty {
        color: $text-muted;
        text-style: italic;
    }
    ArticleView > .article-view--mark {
        color: $warning;
    }
    ArticleView > .article-view--current-mark {
        color: $primary-lighten-1;
        text-style: bold;
    }
    ArticleView > .article-view--ruler {
        color: $panel-lighten-2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("down,j", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page-up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reader.page-down"),
        Binding("home", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("end", "scroll_end", "Bottom", show=False, id="reader.bottom"),
        Binding("shift+down", "select_lines(1)", "Select", show=False, id="reader.select-down"),
        Binding("shift+up", "select_lines(-1)", "Select", show=False, id="reader.select-up"),
        Binding("y", "copy_selection", "Copy", id="reader.copy"),
        Binding("escape", "clear_selection", "Unselect", show=False, id="reader.unselect"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--hit",
        "article-view--current-hit",
        "article-view--quote",
        "article-view--focus-quote",
        "article-view--title",
        "article-view--empty",
        "article-view--mark",
        "article-view--current-mark",
        "article-view--ruler",
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
        self._hit_starts: list[int] = []
        self._wrapped: WrappedText | None = None
        self._cache: dict[int, list[Segment]] = {}
        self._anchor: int | None = None
        self._pinned_top: int | None = None
        self._pinned_y = 0
        """Where the scroll stood right after landing on :attr:`_pinned_top` (the end of the text may
        have held it back; scrolling up from there lets the pin go)."""
        """The offset the reader was last landed on as its top line (a remembered place), kept across a
        rewrap while the top line still holds it."""
        """The visual line a keyboard selection started on."""
        self._reach = 0
        """The visual line a keyboard selection reaches."""

    # -- content --------------------------------------------------------------
    def show(
        self,
        text: str,
        hits: Sequence[Span] = (),
        quotes: Sequence[Span] = (),
        title_span: Span | None = None,
    ) -> None:
        """Show an article (raw text: it is made safe here) with its hits and quotation spans, from the top."""
        self.text = screen_text(text)
        self.hits = tuple(sorted(hits))
        self._hit_starts = [s for s, _ in self.hits]
        self.quotes = tuple(sorted(quotes))
        self.title_span = title_span
        self.focus_span = None
        self.current_hit = -1
        self.placeholder = False
        self._anchor = None
        self._pinned_top = None
        self._wrapped = None
        self._cache.clear()
        self._clear_own_selection()
        self._layout_text()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()
        self._announce()

    def clear(self, message: str = "No article open.") -> None:
        """Show nothing but ``message`` (wrapped, in the placeholder style)."""
        self.show(message)
        self.placeholder = True

    @property
    def _text_width(self) -> int:
        return self.scrollable_content_region.width - GUTTER - RULER

    def _layout_text(self) -> WrappedText | None:
        """Wrap the text to the pane (once its width is known); the wrapped lines."""
        width = self._text_width
        if width < 1:
            return None  # not laid out yet: wrapping to one cell would draw a letter per line
        if self._wrapped is None or self._wrapped.width != width:
            self._wrapped = wrap_text(self.text, width)
            self._cache.clear()
            self.virtual_size = Size(0, len(self._wrapped.lines) if self.text else 1)
        return self._wrapped

    def on_resize(self, event: events.Resize) -> None:
        """Rewrap to the new width, keeping the current hit (or quotation, or the top line) in view; a pane
        that only grew or shrank in height keeps a hit or quotation on screen where landing puts it."""
        if self._wrapped is None:
            self._layout_text()
            return
        rewrap = self._wrapped.width != self._text_width
        keep = self._anchor_offset()  # (read on the lines as they were wrapped before the resize)
        self._layout_text()
        if keep is not None and (rewrap or keep[1] or keep[0] != self.top_offset()):
            self.call_after_refresh(self.scroll_to_offset, *keep)

    def _anchor_offset(self) -> tuple[int, bool] | None:
        """What to keep in view across a rewrap: a hit or quotation on screen, else the top line (the
        offset it was landed on, while it still holds it). Read on the current wrapping: rewrapping
        first would move the lines under the scroll position."""
        wrapped = self._wrapped
        if wrapped is None:
            return None
        lines = self.visible_lines()
        for span in (self.focus_span, self.hits[self.current_hit] if 0 <= self.current_hit < len(self.hits) else None):
            if span is not None and wrapped.line_of(span[0]) in lines:
                return span[0], True
        return self.kept_top(), False

    # -- positions --------------------------------------------------------------
    def kept_top(self) -> int:
        """The offset to come back to for the top line: the one it was landed or kept on while the top
        line still holds it (a rewrap may have moved the line's start before it) or while the end of
        the text has held the scroll back from it since landing, else the line's start."""
        wrapped = self._wrapped
        pinned = self._pinned_top
        if pinned is not None and wrapped is not None and wrapped.lines:
            top = min(int(self.scroll_y), len(wrapped.lines) - 1)
            line = wrapped.line_of(pinned)
            if line == top or (line > top >= self._pinned_y):
                return pinned  # (or held back, since landing, by the end of the text while the pane was taller)
        return self.top_offset()

    def top_offset(self) -> int:
        """Character offset of the first line on screen."""
        wrapped = self._wrapped
        if wrapped is None or not wrapped.lines:
            return 0
        line = min(int(self.scroll_y), len(wrapped.lines) - 1)
        return wrapped.lines[line][0]

    def line_of(self, offset: int) -> int:
        """The visual line showing character ``offset``."""
        wrapped = self._layout_text()
        return wrapped.line_of(offset) if wrapped else 0

    def scroll_to_offset(self, offset: int, center: bool = True) -> None:
        """Scroll so the line holding ``offset`` is in view (a third down the pane when centring)."""
        line = self.line_of(offset)
        self._pinned_top = None if center else offset
        if center:
            line = max(0, line - max(0, self.scrollable_content_region.height // 3))
        self.scroll_to(y=line, animate=False, immediate=True)
        self._pinned_y = int(self.scroll_y)

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
            after = bisect_left(self._hit_starts, self.top_offset())
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

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    # -- selection ------------------------------------------------------------------
    def _selected_span(self) -> Span | None:
        """The selected characters, as offsets into :attr:`text`."""
        selection = self.text_selection
        wrapped = self._wrapped
        if selection is None or wrapped is None or not wrapped.lines:
            return None
        last = len(wrapped.lines) - 1

        def to_offset(point: Offset | None, default: int) -> int:
            if point is None:
                return default
            line = min(max(point.y, 0), last)
            start, end = wrapped.lines[line]
            return min(start + max(point.x, 0), end) if point.y <= last else len(self.text)

        start = to_offset(selection.start, 0)
        end = to_offset(selection.end, len(self.text))
        return (start, end) if end > start else None

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text, exactly as the article has it (lines are not broken where they wrap)."""
        span = self._selected_span()
        return (self.text[span[0] : span[1]], "\n") if span else None

    def selection_updated(self, selection: Selection | None) -> None:
        """Redraw with the selection lit; the footer's keys follow it."""
        if selection is None:
            self._anchor = None
        self._invalidate()
        if self.has_focus:
            self.refresh_bindings()

    def _clear_own_selection(self) -> None:
        try:
            screen = self.screen
        except Exception:  # not mounted yet
            return
        if self in screen.selections:
            screen.selections = {w: s for w, s in screen.selections.items() if w is not self}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``y`` (copy) shows only with text selected."""
        if action == "copy_selection":
            return self._selected_span() is not None
        return True

    def action_select_lines(self, step: int) -> None:
        """Shift+↓/↑: select whole lines from the current hit's (or the top) line, one more each press."""
        wrapped = self._layout_text()
        if wrapped is None or not wrapped.lines or self.placeholder:
            return
        span = self._selected_span()
        if self._anchor is None or span is None:
            start = self.hits[self.current_hit][0] if 0 <= self.current_hit < len(self.hits) else self.top_offset()
            self._anchor = self.line_of(start)
            self._reach = self._anchor
        else:
            self._reach = min(max(self._reach + step, 0), len(wrapped.lines) - 1)
        first, last = sorted((self._anchor, self._reach))
        end_line_len = wrapped.lines[last][1] - wrapped.lines[last][0]
        self.screen.selections = {self: Selection(Offset(0, first), Offset(end_line_len, last))}
        if self._reach not in self.visible_lines():
            self.scroll_to(y=max(0, self._reach - (self.scrollable_content_region.height - 1 if step > 0 else 0)), animate=False, immediate=True)

    def action_copy_selection(self) -> None:
        """Copy the selected text."""
        span = self._selected_span()
        if span is None:
            return
        self.app.copy_to_clipboard(self.text[span[0] : span[1]])
        self.notify(f"Copied {span[1] - span[0]:,} characters.", timeout=3)

    def action_clear_selection(self) -> None:
        """Drop the selection (Esc with nothing selected goes on to the screen)."""
        if self.text_selection is None:
            from textual.actions import SkipAction

            raise SkipAction()
        self._clear_own_selection()

    # -- drawing ------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """Draw screen line ``y``: gutter, text, ruler."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        wrapped = self._layout_text()
        index = int(self.scroll_y) + y
        if wrapped is None:
            return Strip.blank(width, base)
        if index < len(wrapped.lines):
            segments = self._cache.get(index)
            if segments is None:
                segments = self._render_text_line(index, wrapped)
                self._cache[index] = segments
        else:
            segments = [Segment(" " * (GUTTER + max(0, self._text_width)), base)]
        ruler = self._ruler_cell(y)
        strip = Strip([*segments, Segment(" ", base), ruler])
        return strip.crop_extend(0, width, base)

    def _render_text_line(self, index: int, wrapped: WrappedText) -> list[Segment]:
        start, end = wrapped.lines[index]
        text = Text(self.text[start:end], no_wrap=True, end="")
        if self.placeholder:
            text.stylize(self.get_component_rich_style("article-view--empty", partial=True))
        current = self.hits[self.current_hit] if 0 <= self.current_hit < len(self.hits) else None
        for spans, name in (
            ((self.title_span,) if self.title_span else (), "article-view--title"),
            (self.quotes, "article-view--quote"),
            (self.hits, "article-view--hit"),
            ((current,) if current else (), "article-view--current-hit"),
            ((self.focus_span,) if self.focus_span else (), "article-view--focus-quote"),
        ):
            if spans:
                self._stylize(text, spans, start, end, self.get_component_rich_style(name, partial=True))
        selected = self._selected_span()
        if selected is not None and selected[0] < max(end, start + 1) and selected[1] > start:
            select_style = self.screen.get_component_rich_style("screen--selection")
            text.stylize(select_style, max(selected[0], start) - start, max(min(selected[1], end) - start, 0))
        text.pad_right(max(0, self._text_width - text.cell_len))
        base = self.rich_style
        body = Strip(text.render(self.app.console)).apply_style(base).apply_offsets(0, index)
        return [self._gutter_cell(start, end, current), *body]

    def _gutter_cell(self, start: int, end: int, current: Span | None) -> Segment:
        """``▶`` beside the current hit's line, ``▌`` beside other lines with a hit."""
        base = self.rich_style
        if current is not None and current[0] < max(end, start + 1) and current[1] > start:
            return Segment("▶ ", base + self.get_component_rich_style("article-view--current-mark", partial=True))
        i = bisect_right(self._hit_starts, end) - 1
        while i >= 0 and self.hits[i][1] > start:
            if self.hits[i][0] < max(end, start + 1):
                return Segment("▌ ", base + self.get_component_rich_style("article-view--mark", partial=True))
            i -= 1
        return Segment("  ", base)

    def _ruler_cell(self, y: int) -> Segment:
        """The ruler's cell on screen row ``y``: a mark if a hit stands in that part of the article."""
        base = self.rich_style
        wrapped = self._wrapped
        height = self.scrollable_content_region.height
        if not self.hits or wrapped is None or not wrapped.lines or height < 1:
            return Segment(" ", base)
        total = len(wrapped.lines)
        first = y * total // height
        last = max(first + 1, (y + 1) * total // height)
        lo, hi = wrapped.lines[first][0], wrapped.lines[min(last, total) - 1][1]
        current = self.hits[self.current_hit] if 0 <= self.current_hit < len(self.hits) else None
        if current is not None and lo <= current[0] <= hi:
            return Segment("◆", base + self.get_component_rich_style("article-view--current-mark", partial=True))
        i = bisect_left(self._hit_starts, lo)
        if i < len(self.hits) and self.hits[i][0] <= hi:
            return Segment("■", base + self.get_component_rich_style("article-view--mark", partial=True))
        return Segment("│", base + self.get_component_rich_style("article-view--ruler", partial=True))

    @staticmethod
    def _stylize(text: Text, spans: Sequence[Span], start: int, end: int, style: Style) -> None:
        """Apply ``style`` to the parts of ``spans`` (sorted) that fall in ``[start, end)``."""
        first = max(0, bisect_left(spans, (start, start)) - 1)
        for s, e in spans[first:]:
            if s >= end:
                break
            if e > start:
                text.stylize(style, max(s, start) - start, min(e, end) - start)
