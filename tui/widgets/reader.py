"""The reader pane: the article's header, its text, and a status line with the hit counter."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...display import printable
from ...index.models import Article, Span
from .article_view import ArticleView


def header_text(article: Article) -> tuple[Text, Text]:
    """The title, and a line of outlet · date · author · URL: every piece shown literally."""
    meta = article.meta
    title = Text(printable(meta.title) or "(untitled)", style="bold")
    facts = Text(" · ".join(printable(x) for x in (meta.outlet, meta.date, meta.author) if x), style="italic")
    if meta.url:
        facts.append(("  " if facts else "") + printable(meta.url), style="dim")
    return title, facts


class ReaderPane(Vertical):
    """Header, article text and status; the app sets what it shows, the view reports hits."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.border_title = "Reader"
        self._note = ""
        self._hit = (-1, 0)

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

    def show(self, article: Article, hits: Sequence[Span], quotes: Sequence[Span]) -> None:
        """Show ``article`` with ``hits`` lit; quotation spans are tinted."""
        self.article = article
        self._note = ""
        title, facts = header_text(article)
        self.query_one("#reader-title", Static).update(title)
        self.query_one("#reader-facts", Static).update(facts)
        self.view.show(article.text, hits, quotes, article.meta.title_span)

    def clear(self, message: str) -> None:
        """No article: say why."""
        self.article = None
        self._note = ""
        self.query_one("#reader-title", Static).update("")
        self.query_one("#reader-facts", Static).update("")
        self.view.clear(message)

    def set_note(self, note: str) -> None:
        """A short note on the status line (which quotation is lit, …)."""
        self._note = note
        self._refresh_status()

    def on_article_view_hit_changed(self, message: ArticleView.HitChanged) -> None:
        """Keep the hit counter in step with the view."""
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
            status.append(" n/N ", style="dim")
        if self._note:
            status.append(" " + printable(self._note))
        self.query_one("#reader-status", Static).update(status)
