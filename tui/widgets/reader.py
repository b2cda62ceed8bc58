"""The reader pane: the article's header, its text, a status line; where the reader is, and where it was.

The pane owns the reading place: the article shown, the history of places
left by a jump (to a quotation, to another article) and :meth:`back`. Going
somewhere in the article on show happens here; going to another article is
asked of the screen with :class:`~byline.tui.messages.PlaceWanted`, which reads
it and hands it back through :meth:`show`.
"""

from __future__ import annotations

import os

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...index.models import Article, QuoteRecord, Span
from .. import safe
from ..messages import PlaceWanted
from ..values import Place
from .article_view import ArticleView

HISTORY_LIMIT = 200
"""Places remembered for going back."""


def location(article: Article) -> str:
    """Where the article lives, relative to the corpus root: its folder (``bbc/politics``), and for a
    record of a dump the dump and the record number (``wire/feed.jsonl#3``); ``""`` for a file at the top."""
    if article.record is None:
        return article.folder
    name = f"{os.path.basename(article.path)}#{article.record}"
    return f"{article.folder}/{name}" if article.folder else name


def header_text(article: Article) -> tuple[Text, Text]:
    """The title, and a line of outlet · date · author · folder · URL: every piece shown literally."""
    meta = article.meta
    title = safe.text(meta.title or "(untitled)", style="bold")
    facts = Text(" · ".join(safe.plain(x) for x in (meta.outlet, meta.date, meta.author) if x), style="italic")
    where = location(article)
    if where:
        facts.append((" · " if facts else "") + "in ")
        facts.append(safe.plain(where), style="not italic")
    url = safe.safe_url(meta.url)
    if url:
        facts.append(("  " if facts else "") + url, style="dim")
    return title, facts


class ReaderPane(Vertical):
    """Header, article text and status; lands on the first hit, a quotation, or a remembered place."""

    DEFAULT_CSS = """
    ReaderPane #reader-header {
        height: auto;
        padding: 0 1;
        border-bottom: solid $panel-lighten-2;
    }
    ReaderPane #reader-title {
        height: auto;
        max-height: 2;
    }
    ReaderPane #reader-facts, ReaderPane #reader-status {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ReaderPane #reader-status {
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.history: list[Place] = []
        """Places to go back to, the last one first out."""
        self.border_title = "Reader"
        self._quotes: tuple[QuoteRecord, ...] = ()
        self._note = ""
        self._hit = (-1, 0)
        self._keys = (False, False)
        """Whether there are hits and a place to go back to, as the screen's keys last saw it."""

    def compose(self) -> ComposeResult:
        """Header above the text, status below."""
        with Vertical(id="reader-header"):
            yield Static("", id="reader-title", markup=False)
            yield Static("", id="reader-facts", markup=False)
        yield ArticleView(id="article")
        yield Static("", id="reader-status", markup=False)

    @property
    def view(self) -> ArticleView:
        """The text widget."""
        return self.query_one(ArticleView)

    @property
    def path(self) -> str | None:
        """The article on show."""
        return self.article.key if self.article is not None else None

    # -- what it shows -------------------------------------------------------------------
    def show(self, article: Article, hits: Sequence[Span], quotes: Sequence[QuoteRecord], place: Place | None = None) -> None:
        """Show ``article`` with ``hits`` lit, then land on ``place`` (or on the first hit)."""
        self.article = article
        self._quotes = tuple(quotes)
        self._note = ""
        title, facts = header_text(article)
        self.query_one("#reader-title", Static).update(title)
        self.query_one("#reader-facts", Static).update(facts)
        speech = [(r.quote.start, r.quote.end) for r in quotes if r.quote.kind == "speech"]
        self.view.show(article.text, hits, speech, article.meta.title_span)
        self._refresh_status()
        self.call_after_refresh(self.land, place)

    def clear(self, message: str) -> None:
        """No article: say why."""
        self.article = None
        self._quotes = ()
        self._note = ""
        self.query_one("#reader-title", Static).update("")
        self.query_one("#reader-facts", Static).update("")
        self.view.clear(safe.plain(message))
        self._refresh_status()

    def land(self, place: Place | None) -> None:
        """Go to ``place`` in the article on show: a quotation, a remembered line and hit, or the first hit."""
        view = self.view
        if place is None or place.path != self.path:
            if view.hits:
                view.go_to_hit(0)
            return
        focus = place.focus
        if focus is None and place.quote_text is not None:
            focus = self._find_quote(place.quote_text, place.quoted_from)
        if focus is not None:
            self.light_quote(focus)
        else:
            view.focus_quote(None)
            self.set_note("")
            if place.top is not None:
                view.scroll_to_offset(place.top, center=False)
            elif view.hits and place.hit < 0:
                view.go_to_hit(0)
                return
        view.mark_hit(place.hit)

    def _find_quote(self, words: str, quoted_from: str | None) -> Span | None:
        """The quotation of this article with these words (the same words found in another article)."""
        wanted = " ".join(words.casefold().split())
        for r in self._quotes:
            if " ".join(r.quote.text.casefold().split()) == wanted:
                return (r.quote.start, r.quote.end)
        for r in self._quotes:  # the engine matched it with looser rules: the one that names that article
            if quoted_from is not None and quoted_from in r.also_in:
                return (r.quote.start, r.quote.end)
        return None

    def light_quote(self, span: Span) -> None:
        """Light a quotation and name it on the status line."""
        self.view.focus_quote(span)
        for i, r in enumerate(self._quotes):
            if (r.quote.start, r.quote.end) == span:
                who = r.quote.speaker or ("term" if r.quote.kind == "term" else "unattributed")
                self.set_note(f"quotation {i + 1}/{len(self._quotes)}: {who}")
                return

    # -- places and going back -----------------------------------------------------------
    def here(self) -> Place | None:
        """Where the reader is now (to come back to)."""
        if self.article is None:
            return None
        view = self.view
        return Place(self.article.key, top=view.kept_top(), hit=view.current_hit, focus=view.focus_span)

    def go(self, place: Place) -> None:
        """Go to ``place``, remembering where the reader was (another article is asked for)."""
        here = self.here()
        if here is not None:
            self.history = [*self.history, here][-HISTORY_LIMIT:]
        if place.path == self.path:
            self.land(place)
        else:
            self.post_message(PlaceWanted(place))
        self._refresh_status()

    def jump_to_quote(self, record: QuoteRecord) -> None:
        """Show ``record``'s quotation in its article (this one or another)."""
        self.go(Place(record.key, focus=(record.quote.start, record.quote.end)))

    @property
    def can_go_back(self) -> bool:
        """Whether there is a place to go back to."""
        return bool(self.history)

    def back(self) -> None:
        """Return to where the reader was before the last jump."""
        if not self.history:
            return
        place = self.history.pop()
        if place.path == self.path:
            self.land(place)
        else:
            self.post_message(PlaceWanted(place))
        self._refresh_status()

    # -- status line ---------------------------------------------------------------------
    def set_note(self, note: str) -> None:
        """A short note on the status line (which quotation is lit, …)."""
        self._note = note
        self._refresh_status()

    def on_article_view_hit_changed(self, message: ArticleView.HitChanged) -> None:
        """Keep the hit counter in step with the view."""
        message.stop()
        self._hit = (message.index, message.total)
        self._refresh_status()

    @property
    def counter(self) -> str:
        """``3/17`` when a hit is current, ``17 hits`` before, empty without hits."""
        index, total = self._hit
        if not total:
            return ""
        return f"{index + 1}/{total}" if index >= 0 else f"{total} hit{'s' if total != 1 else ''}"

    def _refresh_status(self) -> None:
        status = Text()
        if self.counter:
            status.append(f" {self.counter} ", style="bold reverse")
            status.append(" n/N", style="dim")
        if self.history:
            status.append(" · " if status else " ", style="dim")
            status.append("b back", style="dim")
        if self._note:
            status.append(" · ")
            status.append_text(safe.text(self._note))
        self.query_one("#reader-status", Static).update(status)
        keys = (bool(self._hit[1]), bool(self.history))
        if keys != self._keys:
            self._keys = keys
            self.refresh_bindings()  # the screen's n and b keys show only when they can act
