"""The main screen: the search bar over the article list, the reader and the side panel.

The screen holds the reader's shared state as reactives, each fact in one
place: the query listed (:attr:`MainScreen.query`), the sort order, the
article on show (:attr:`MainScreen.shown_path`), whether indexing runs, the
side panel's tab and, on narrow terminals, whether the side panel is open.
Watchers pass changes down to the widgets; widgets say what the user did with
messages (:mod:`..messages`) that the screen turns into state and into work
for the app's workers, whose results come back here as messages too. What
the keys do is in :mod:`.main_actions`; what the side panel asks (quotations,
speakers, facets) in :mod:`.main_side`.

The layout follows the terminal's size with breakpoints (no resize code):
three columns from 100 columns; below that, the list and the reader side by
side with the side panel as an overlay (``p``); below 60 columns or 20 rows,
the list over the reader.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, TabbedContent

from ...index.models import IndexProgress, IndexReport
from .. import safe
from ..messages import (
    ArticleChosen,
    ArticleRead,
    ArticlesListed,
    MoreRowsWanted,
    PlaceWanted,
    QueryChanged,
)
from ..notices import listing_notice, report_notices
from ..session import Session
from ..values import SORT_NAMES, Place, SideTab, SortOrder
from ..widgets.document_list import DocumentList
from ..widgets.index_status import IndexStatus
from ..widgets.reader import ReaderPane
from ..widgets.search_bar import SearchBar
from ..widgets.side_panel import SidePanel, tab_of
from .main_actions import MainActions
from .main_side import SideWork

if TYPE_CHECKING:
    from ..app import BylineApp

FIRST_PAGE = 100
"""Rows a new listing brings at once (the list asks for more as it scrolls)."""
RELIST_EVERY = 2.0
"""While indexing, list the committed articles again at most this often (seconds)."""


class MainScreen(MainActions, SideWork, Screen[None]):
    """The reader's one screen; the state every pane shares lives here."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-tiny"), (60, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-squat"), (20, "-low"), (30, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", show=False, id="main.search"),
        Binding("n", "next_hit", "Next hit", id="main.next-hit"),
        Binding("N", "previous_hit", "Prev hit", show=False, id="main.previous-hit"),
        Binding("b,backspace", "back", "Back", id="main.back"),
        Binding("p", "toggle_side", "Quotes", id="main.side"),
        Binding("s", "speakers", "Speakers", show=False, id="main.speakers"),
        Binding("F", "facets", "Facets", show=False, id="main.facets"),
        Binding("S", "cycle_sort", "Sort", show=False, id="main.sort"),
        Binding("o", "open_url", "Open URL", show=False, id="main.open-url"),
        Binding("escape", "close_side", "Close", show=False, id="main.close-side"),
        Binding("f1", "help", "Help", id="main.help"),
        Binding("question_mark", "help_key", "Help", show=False, id="main.help-key"),
        Binding("q", "quit_key", "Quit", id="main.quit"),
    ]

    query_text: reactive[str] = reactive("", init=False)
    """The query the list shows (what the search bar last said, once typing paused)."""
    sort: reactive[SortOrder] = reactive("relevance", init=False)
    shown_path: reactive[str | None] = reactive(None, init=False)
    """The article the reader shows, or is reading."""
    indexing: reactive[bool] = reactive(False, init=False)
    side_tab: reactive[SideTab] = reactive("quotes", init=False)
    side_open: reactive[bool] = reactive(False, init=False)
    """On narrow terminals, whether the side panel is shown over the reader."""

    def __init__(self, sort: SortOrder = "relevance", side_tab: SideTab = "quotes") -> None:
        """``sort`` and ``side_tab``: the preferences to start with."""
        super().__init__(id="main")
        self.set_reactive(MainScreen.sort, sort)
        self.set_reactive(MainScreen.side_tab, side_tab)
        self._generation = 0
        self._pending = 0
        """The generation of the listing under way (0: none)."""
        self._restore: Session | None = None
        """What to bring back once the first listing arrives."""
        self._relisted_at = 0.0
        self._commit_pending = False
        self._speakers_wanted = False
        self._pending_speaker: str | None = None
        self._facets_for: str | None = None
        """The query the facets view counts (or is counting) for; ``None``: counts needed."""
        self._first_listing = True
        self._check_waits = False
        """Whether the app's check of the files waits for the first listing's article to be read."""
        self._reading: str | None = None
        """The article a worker is reading for the reader."""
        self._failed = False
        """The corpus could not be opened."""
        self._listed: ArticlesListed | None = None
        """The listing on screen."""
        self._mounted = False
        self._early: list[Callable[[], None]] = []
        """What the app reported before this screen was up (the library opened, or failed to): done once it is."""

    @property
    def byline(self) -> BylineApp:
        """The app (typed)."""
        return self.app  # type: ignore[return-value]

    @property
    def restoring(self) -> str | None:
        """The article of the last session that the first listing should land on, until it has."""
        restore = self._restore
        return restore.article if restore is not None and restore.article else None

    @property
    def busy(self) -> bool:
        """Work is under way or due: opening, indexing, a listing, a read, typing or a preview not settled yet."""
        return (
            (self.byline.library is None and not self._failed)
            or self._first_listing
            or self.indexing
            or bool(self._pending)
            or self._reading is not None
            or self.search_bar.waiting
            or self.documents.previewing
        )

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        """Search bar on top; articles, reader and side panel below; indexing status and keys at the bottom."""
        yield Header(show_clock=False, icon="❝")
        yield SearchBar(id="search")
        with Horizontal(id="panes"):
            yield DocumentList(id="documents")
            yield ReaderPane(id="reader")
            yield SidePanel(self.side_tab, id="side")
        yield IndexStatus(id="index-status")
        yield Footer(compact=True)

    @property
    def search_bar(self) -> SearchBar:
        """The search bar."""
        return self.query_one(SearchBar)

    @property
    def documents(self) -> DocumentList:
        """The article list."""
        return self.query_one(DocumentList)

    @property
    def reader(self) -> ReaderPane:
        """The reader pane."""
        return self.query_one(ReaderPane)

    @property
    def side(self) -> SidePanel:
        """The side panel."""
        return self.query_one(SidePanel)

    def on_mount(self) -> None:
        """Say what is happening, and have the app open the corpus."""
        self.reader.clear("Opening the corpus…")
        self.documents.show([], empty_text="Opening…")
        self._title_list()
        self.search_bar.input.focus()
        self._mounted = True
        early, self._early = self._early, []
        for call in early:
            call()

    def on_resize(self) -> None:
        """A pane that hides with the layout must not keep the focus; the list's title fits its new width."""
        self.call_after_refresh(self._focus_visible)
        self.call_after_refresh(self._title_list)

    def _focus_visible(self) -> None:
        focused = self.focused
        if focused is not None and not self._shows(focused):
            self.reader.view.focus()

    def _shows(self, widget: object) -> bool:
        """Whether ``widget`` (a widget of this screen) is on screen with this layout."""
        node = widget
        while node is not None and node is not self:
            if not getattr(node, "display", True):
                return False
            node = getattr(node, "parent", None)
        return True

    @property
    def overlay(self) -> bool:
        """Whether the side panel is an overlay (narrow terminals) rather than a column."""
        return not self.has_class("-wide") or self.has_class("-squat")

    # -- watchers ------------------------------------------------------------------------------
    def watch_query_text(self, query: str) -> None:
        """List the articles for the new query (and count its facets, if they are on show)."""
        self._list()
        if self.side_tab == "facets":
            self.want_facets()

    def watch_sort(self, sort: SortOrder) -> None:
        """List again in the new order; remember it."""
        self.byline.remember_settings(sort=sort)
        self._title_list()
        self._list()

    def watch_shown_path(self, path: str | None) -> None:
        """Keep the list's cursor on the article shown; remember it."""
        if path is not None:
            self.documents.select_path(path)
        self.save_session()

    def watch_indexing(self, indexing: bool) -> None:
        """The progress bar shows only while indexing."""
        if not indexing:
            self.query_one(IndexStatus).finish()
        self.update_subtitle()

    def watch_side_tab(self, tab: SideTab) -> None:
        """Show the tab; speakers are listed the first time their tab opens."""
        self.side.show_tab(tab)
        if tab == "speakers":
            self.want_speakers()
        elif tab == "facets":
            self.want_facets()
        self.byline.remember_settings(side_tab=tab)

    def watch_side_open(self, open_: bool) -> None:
        """On narrow terminals the side panel lies over the reader while open."""
        self.side.set_class(open_, "-open")
        if open_:
            self.call_after_refresh(self.side.focus_list)
        elif self.focused is not None and self.side in self.focused.ancestors:
            self.reader.view.focus()

    @on(TabbedContent.TabActivated, "#side-tabs")
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # Only the tab that is active now: two activations queued at once (a key and a restore, say) would
        # otherwise hand the tab back and forth for ever, each one's watcher activating it again.
        if event.pane.id == event.tabbed_content.active:
            self.side_tab = tab_of(event.pane.id)

    def update_subtitle(self) -> None:
        """``corpus · N articles (indexing…)`` in the header."""
        library = self.byline.library
        name = self.byline.corpus_name
        if library is None:
            return
        more = " (indexing…)" if self.indexing else ""
        self.app.sub_title = f"{name} · {len(library):,} articles{more}"

    @property
    def listed_order(self) -> SortOrder:
        """The order the list is in (*relevance* without a query lists by date)."""
        return "date" if self.sort == "relevance" and not self.query_text.strip() else self.sort

    def _title_list(self) -> None:
        """``Articles · 1,234 · by date`` above the list."""
        docs = self.documents
        order = SORT_NAMES[self.listed_order]
        title = f"Articles · {docs.total:,} · {order}" if docs.total else f"Articles · {order}"
        room = docs.size.width - 4  # the corners and a space each side
        if room > 0 and len(title) > room:  # a narrow list: the count and the order matter most
            title = f"{docs.total:,} · {order}" if docs.total else order
        docs.border_title = title

    # -- opening and indexing (called by the app) -------------------------------------------------
    def library_opened(self, notices: list[str], session: Session | None) -> None:
        """The index is open: restore ``session`` (``None``: keep the query on screen) and list what the index has."""
        if not self._mounted:
            self._early.append(lambda: self.library_opened(notices, session))
            return
        for notice in notices:
            self.notify(safe.markup(notice), severity="warning", timeout=8)
        self.indexing = True  # the update follows the first listing; IndexingFinished ends it
        self._failed = False
        self._restore = session
        self._first_listing = True
        self._check_waits = False
        if session is not None:
            self.search_bar.set_history(session.history)
            self.search_bar.set_query(session.query)
        query = session.query if session is not None else self.query_text
        if query != self.query_text:
            self.query_text = query  # lists it
        else:
            self._list()
        self.update_subtitle()

    def library_failed(self, message: str) -> None:
        """Nothing can be shown: say why; the rest keeps running."""
        self._failed = True
        self._first_listing = False
        self.indexing = False
        self.app.sub_title = f"{self.byline.corpus_name} · cannot open"
        self.reader.clear(message)
        self.documents.show([], empty_text="No index.")
        self.side.show_quotes([], empty_text="")

    def indexing_progressed(self, p: IndexProgress) -> None:
        """Move the progress bar; now and then list the articles committed so far."""
        status = self.query_one(IndexStatus)
        if p.phase == "scan":
            status.start("Looking for articles…")
            return
        self.indexing = True
        status.progress(p.done, p.total, f"Indexing {p.done:,} of {p.total:,} articles")
        if p.phase == "commit":
            self._commit_pending = True  # the batch is being committed; list it once that is done
            return
        now = time.monotonic()
        if self._commit_pending and now - self._relisted_at >= RELIST_EVERY:
            self._commit_pending = False
            self._relisted_at = now
            self._list(refresh=True)

    def indexing_finished(self, report: IndexReport | None) -> None:
        """Hide the bar, say what changed and what was skipped, and list the final state."""
        self.indexing = False
        if report is not None:
            for message, severity in report_notices(report):
                self.notify(message, severity=severity, timeout=4 if severity == "information" else 10)
        changed = report is not None and (report.changed or report.rebuilt)
        if changed or not self.documents.rows:
            self._list(refresh=True)
        elif self._listed is not None:
            self.search_bar.set_notice(*listing_notice(self._listed, self.indexing))  # no longer "(indexing…)"
        if changed and self.side.speakers.loaded:
            self._speakers_wanted = False
            self.want_speakers()
        if changed or self._facets_for is None:
            self._facets_for = None  # counted before indexing ended: count again
            if self.side_tab == "facets":
                self.want_facets()

    def work_failed(self, group: str | None, message: str) -> None:
        """A worker failed (the app has said so): leave the panes ready for the next action."""
        if not self._mounted:
            self._early.append(lambda: self.work_failed(group, message))
            return
        if group in ("open", "rebuild"):
            self.library_failed(message)
        elif group == "index":
            self.indexing = False
            if not self.documents.rows:
                self._list(refresh=True)
        elif group in ("list", "page"):
            self._pending = 0
            self.search_bar.set_notice(message, warning=True)
        elif group == "article":
            self._reading = None
            self._first_read()
            self.reader.clear(message)
            self.side.show_quotes([], empty_text="")
        elif group == "speakers":
            self._speakers_wanted = False
            self.side.speakers.empty_text = message
            self.side.speakers.refresh()
        elif group == "speaker-quotes":
            self.side.speaker_quotes.show([], empty_text=message)
        elif group == "facets":
            self._facets_for = None
            self.side.facets.show_message(message)

    # -- listing -------------------------------------------------------------------------------------
    def _list(self, refresh: bool = False) -> None:
        """List the articles for the query (``refresh``: the same listing again, keeping the cursor)."""
        library = self.byline.library
        if library is None:
            return
        if not refresh or not self._generation:
            self._generation += 1
        self._pending = self._generation
        self.byline.list_articles(library, self.query_text, self.sort, self._generation, FIRST_PAGE, refresh)

    @on(QueryChanged)
    def _query_changed(self, message: QueryChanged) -> None:
        """The search bar's query (once typing paused, or Enter)."""
        if message.text != self.query_text:
            self.query_text = message.text
        elif message.submitted:
            self._list()
        if message.submitted:
            self.documents.focus()

    @on(MoreRowsWanted)
    def _more_rows(self, message: MoreRowsWanted) -> None:
        library = self.byline.library
        if library is None or self._pending:
            return  # a new listing is on its way; it will bring its own rows
        self.byline.list_page(library, self.query_text, self.sort, self._generation, message.upto)

    def on_articles_listed(self, message: ArticlesListed) -> None:
        """Fill the list; say what was searched; show the first (or remembered) article."""
        if message.generation != self._generation:
            return  # a newer listing is on its way
        docs = self.documents
        if message.more:
            docs.add_rows(message.rows[len(docs.rows) :])
            return
        self._pending = 0
        self._listed = message
        self.search_bar.set_notice(*listing_notice(message, self.indexing))
        keep = self.shown_path if message.refresh else None
        restore = self._restore
        target = restore.article if restore is not None and restore.article else keep
        rows = message.rows
        cursor = next((i for i, r in enumerate(rows) if r.key == target), 0) if target else 0
        if message.result is not None:
            empty = "No article matches."
        else:
            empty = "Indexing…" if self.indexing else "No articles in this corpus."
        docs.show(rows, total=message.total, cursor=cursor, empty_text=empty)
        self._title_list()
        self.update_subtitle()
        self.save_session()
        if self._first_listing:
            self._first_listing = False
            self._check_waits = True  # the files are checked once the first article is on screen
            if self.side_tab == "speakers":
                self.want_speakers()  # the tab was left open last time
            elif self.side_tab == "facets":
                self.want_facets()
        if rows:
            path = rows[cursor].key
            place = None
            if restore is not None and (path == restore.article or not self.indexing):
                self._restore = None  # restored, or it is gone for good
                if path == restore.article and restore.top is not None:
                    place = Place(path, top=restore.top)
            if message.refresh and path == self.shown_path:
                return
            self.show_article(path, place)
        elif not message.refresh or self.shown_path is None:
            self.shown_path = None
            self.reader.clear("No article matches the query." if message.result is not None else empty)
            self.side.show_quotes([], empty_text="")
        if not self._reading:
            self._first_read()  # nothing to read: check the files now

    # -- reading -----------------------------------------------------------------------------------------
    def show_article(self, path: str, place: Place | None = None, read: bool = False) -> None:
        """Have the reader show the article at ``path`` (landing on ``place``)."""
        library = self.byline.library
        if library is None:
            return
        self.shown_path = path
        self._reading = path
        self.byline.read_article(library, path, self.query_text, place)
        if read:
            self.reader.view.focus()

    @on(ArticleChosen)
    def _article_chosen(self, message: ArticleChosen) -> None:
        current = self.documents.current
        if not message.read and current is not None and current.key != message.key:
            return  # a preview the cursor has moved on from (keys came faster than it): it must not pull the cursor back
        if message.key != self.shown_path:
            self.show_article(message.key)
        if message.read:
            self.reader.view.focus()

    @on(PlaceWanted)
    def _place_wanted(self, message: PlaceWanted) -> None:
        """The reader goes to another article (a jump, or back)."""
        self.show_article(message.place.path, message.place)

    def _first_read(self) -> None:
        """The first listing's article is on screen (or there is none, or it failed): the app may now
        check the files and index what changed, which would have slowed that first read."""
        if self._check_waits:
            self._check_waits = False
            self.byline.first_listing_shown()

    def on_article_read(self, message: ArticleRead) -> None:
        """Show the article and its quotations; fill in its hit count in the list."""
        article = message.article
        if article.key != self.shown_path:
            return  # the user has moved on
        self._reading = None
        self.call_after_refresh(self._first_read)
        docs = self.documents
        index = docs.index_of(article.key)
        if index is not None and message.query.strip() and message.query == self.query_text and docs.rows[index].hits is None:
            docs.update_row(article.key, hits=len(message.hits))
        self.reader.show(article, message.hits, message.quotes, message.place)
        self.side.show_quotes(message.quotes)

    # -- session -----------------------------------------------------------------------------------------
    def save_session(self) -> None:
        """Remember the query, the article and where in it, and the search history, for this corpus."""
        top = self.reader.view.kept_top() if self.reader.article is not None else None
        self.byline.remember_session(
            Session(query=self.query_text, article=self.shown_path, top=top or None, history=list(self.search_bar.history))
        )
