"""The Byline reader: search a corpus, read with hits lit, and see who said what.

The app composes the panes and coordinates them. Everything slow — opening and
indexing the corpus, searching, reading an article, listing speakers — runs in
thread workers that post a message from :mod:`.messages` when done; handlers
here pass the results down to the widgets as attributes or method calls.
"""

from __future__ import annotations

import asyncio
import os
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Footer, Header, Input
from textual.worker import Worker, get_current_worker

from ..display import printable
from ..index.documents import quote_key
from ..index.library import IndexBusy, Library, LibraryError
from ..index.models import ArticleSummary, IndexProgress, QuoteRecord, Speaker
from ..index.sources import UnreadableFile
from .commands import BylineCommands
from .export import EXTENSIONS, WRITERS, ExportFormat, citation, citation_text
from .messages import (
    ArticleFailed,
    ArticleReady,
    DocumentsReady,
    IndexingFinished,
    IndexingProgressed,
    LibraryFailed,
    LibraryOpened,
    Place,
    SpeakerQuotesReady,
    SpeakersReady,
)
from .screens.help import HelpScreen
from .screens.pickers import AlsoInScreen, ExportScreen
from .session import Session
from .widgets.article_view import ArticleView
from .widgets.document_list import DocumentList, DocumentRow
from .widgets.index_status import IndexStatus
from .widgets.quote_list import QuoteList
from .widgets.reader import ReaderPane
from .widgets.search_bar import SearchBar
from .widgets.side_panel import SidePanel
from .widgets.speaker_list import SpeakerList
from .widgets.virtual_list import VirtualList

SEARCH_DELAY = 0.12
"""A key pressed after this long a pause searches at once; keys in a burst wait this long for the burst to end."""
OPEN_DELAY = 0.08
"""Seconds the cursor rests on an article before it is read."""
LIST_LIMIT = 1000
"""A query lists at most this many articles, best first (the notice gives the full count)."""
SPANS_FOR = 40
"""Hit counts come with the first this many ranked articles (counting reads the file); the
others get theirs when opened."""
RELIST_EVERY = 2.0
"""While indexing, re-list the articles at most this often (seconds)."""
NARROW_WIDTH = 100
TINY_WIDTH = 60
TINY_HEIGHT = 20
_LETTER_KEY_ACTIONS = {"next_hit", "previous_hit", "back", "open_url", "speakers", "quit_key", "help_key"}
"""Actions on letter keys (and Backspace): in the search bar those keys are typing."""


class BylineApp(App[None]):
    """Three panes over a corpus: the document list, the reader, and quotations with their speakers."""

    CSS_PATH = Path(__file__).with_name("byline.tcss")
    TITLE = "Byline"
    COMMANDS = App.COMMANDS | {BylineCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", id="app.search"),
        Binding("n", "next_hit", "Next hit", id="app.next-hit"),
        Binding("N", "previous_hit", "Prev hit", id="app.previous-hit"),
        Binding("b,backspace", "back", "Back", id="app.back"),
        Binding("o", "open_url", "Open URL", id="app.open-url"),
        Binding("s", "speakers", "Speakers", show=False, id="app.speakers"),
        Binding("f1", "help", "Help", id="app.help"),
        Binding("question_mark", "help_key", "Help", show=False, id="app.help-key"),
        Binding("q", "quit_key", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        paths: Sequence[str] | None = None,
        index_dir: str | None = None,
        *,
        remember: bool = True,
    ) -> None:
        """``paths``: the corpus (``None``: the sample); ``remember``: restore and save the session."""
        super().__init__()
        self.paths = [os.fspath(p) for p in paths] if paths else None
        self.index_dir = index_dir
        self.remember = remember
        self.library: Library | None = None
        self.summaries: dict[str, ArticleSummary] = {}
        self.query_text = ""
        self.history: list[Place] = []
        self.indexing = False
        self.ready = False
        """The first listing of the documents is on screen."""
        self._stop = threading.Event()
        self._first_listing = threading.Event()
        self._generation = 0
        self._search_timer: Timer | None = None
        self._open_timer: Timer | None = None
        self._shown_path: str | None = None
        self._loading: str | None = None
        self._restore: Session | None = None
        self._last_relist = 0.0
        self._index_worker: Worker[None] | None = None
        self._quiet_value: str | None = None
        self._commit_pending = False
        self._last_key = 0.0

    # -- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        """Search bar on top; articles, reader and side panel below; indexing status and keys at the bottom."""
        yield Header(show_clock=False, icon="❝")
        yield SearchBar(id="search")
        with Horizontal(id="panes"):
            yield DocumentList(id="documents")
            yield ReaderPane(id="reader")
            yield SidePanel(id="side")
        yield IndexStatus(id="index-status")
        yield Footer()

    @property
    def corpus_name(self) -> str:
        """What the header calls the corpus."""
        if self.paths is None:
            return "sample corpus"
        names = [Path(p).name or p for p in self.paths]
        return printable(", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else ""))

    def on_mount(self) -> None:
        """Focus the search bar and start opening the corpus."""
        self.sub_title = f"{self.corpus_name} · opening…"
        self.query_one(IndexStatus).finish()
        self.query_one(ReaderPane).clear("Opening the corpus…")
        self.search_input.focus()
        self._apply_size(self.size.width, self.size.height)
        self._index_worker = self._open_and_index()

    def on_resize(self, event: events.Resize) -> None:
        """Narrow terminals drop the side panel below the reader; tiny ones stack the panes."""
        if self.closing:
            return
        self._apply_size(event.size.width, event.size.height)

    def _apply_size(self, width: int, height: int) -> None:
        screen = self.screen_stack[0] if self.screen_stack else self.screen
        tiny = width < TINY_WIDTH or height < TINY_HEIGHT
        screen.set_class(width < NARROW_WIDTH and not tiny, "-narrow")
        screen.set_class(tiny, "-tiny")
        if tiny and self.focused is not None and any(isinstance(a, SidePanel) for a in self.focused.ancestors):
            self.call_after_refresh(self._focus_reader)

    def _focus_reader(self) -> None:
        if self.closing:
            return
        self.reader.view.focus()

    def exit(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        """Quit: from now on late results from workers and timers are dropped."""
        self._stop.set()
        self._first_listing.set()
        super().exit(*args, **kwargs)  # type: ignore[arg-type]

    async def _shutdown(self) -> None:
        self._stop.set()  # also when shut down without exit() (the test pilot)
        self._first_listing.set()
        await super()._shutdown()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast; its text is literal unless ``markup`` is asked for (messages carry file names)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    @property
    def closing(self) -> bool:
        """The app is quitting: late results from workers are dropped."""
        return self._stop.is_set()

    # -- widgets ----------------------------------------------------------------------
    @property
    def search_input(self) -> Input:
        """The query input."""
        return self.query_one(SearchBar).input

    @property
    def documents(self) -> DocumentList:
        """The document list."""
        return self.query_one(DocumentList)

    @property
    def reader(self) -> ReaderPane:
        """The reader pane."""
        return self.query_one(ReaderPane)

    @property
    def side(self) -> SidePanel:
        """The side panel."""
        return self.query_one(SidePanel)

    # -- opening and indexing -------------------------------------------------------------
    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def _open_and_index(self) -> None:
        """Open the index, show what it has, then bring it up to date in committed batches."""
        worker = get_current_worker()
        try:
            library = Library.open(self.paths, self.index_dir)
        except LibraryError as exc:
            self.post_message(LibraryFailed(str(exc)))
            return
        self.post_message(LibraryOpened(library))
        self._first_listing.wait(timeout=3.0)  # paint what the index has before checking the files

        def progress(p: IndexProgress) -> None:
            self.post_message(IndexingProgressed(p))

        def should_stop() -> bool:
            return self._stop.is_set() or worker.is_cancelled

        try:
            report = library.update(progress=progress, should_stop=should_stop)
        except IndexBusy as exc:
            self.post_message(IndexingFinished(None, str(exc)))
        except (LibraryError, OSError) as exc:
            self.post_message(IndexingFinished(None, f"Indexing stopped: {exc}"))
        except Exception as exc:  # never leave the app waiting for an end that will not come
            self.post_message(IndexingFinished(None, f"Indexing failed: {type(exc).__name__}: {exc}"))
        else:
            self.post_message(IndexingFinished(report))

    def on_library_opened(self, message: LibraryOpened) -> None:
        """List what the index has, and restore the last session."""
        if self.closing:
            return
        self.library = message.library
        self.indexing = True  # the update starts now; IndexingFinished ends it
        for notice in message.library.notices:
            self.notify(printable(notice), severity="warning", timeout=8)
        if self.remember:
            self._restore = Session.load(self._session_paths())
        restore_query = self._restore.query if self._restore else ""
        if restore_query:
            self._quiet_value = restore_query  # searched just below, not again by its Changed event
            self.search_input.value = restore_query
            self.search_input.cursor_position = len(restore_query)
        self.query_text = restore_query
        self._relist(refresh=False)  # speakers are listed once indexing is done

    def on_library_failed(self, message: LibraryFailed) -> None:
        """Nothing can be shown: say why, keep running (the user can quit)."""
        if self.closing:
            return
        self.sub_title = f"{self.corpus_name} · cannot open"
        self.reader.clear(f"Cannot open the corpus: {message.error}")
        self.documents.show([], empty_text="No index.")
        self.notify(printable(message.error), severity="error", timeout=15)

    def on_indexing_progressed(self, message: IndexingProgressed) -> None:
        """Move the progress bar; now and then list the articles committed so far."""
        if self.closing:
            return
        p = message.progress
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
        if self._commit_pending and self.library is not None and now - self._last_relist >= RELIST_EVERY:
            self._commit_pending = False
            self._last_relist = now
            self._relist(refresh=True)

    def on_indexing_finished(self, message: IndexingFinished) -> None:
        """Hide the bar, say what changed and what was skipped, and list the final state."""
        if self.closing:
            return
        self.indexing = False
        self.query_one(IndexStatus).finish()
        if message.error:
            self.notify(printable(message.error), severity="warning", timeout=10)
        report = message.report
        if report is not None:
            if report.cancelled:
                self.notify("Indexing stopped; it will carry on at the next launch.", severity="warning")
            elif report.changed:
                parts = [f"{n} {what}" for n, what in ((report.added, "added"), (report.updated, "updated"), (report.removed, "removed")) if n]
                self.notify("Index updated: " + ", ".join(parts) + ".", timeout=4)
            if report.skipped:
                first = report.skipped[0]
                more = f" (and {len(report.skipped) - 1} more)" if len(report.skipped) > 1 else ""
                self.notify(
                    printable(f"Skipped {Path(first.path).name}: {first.reason}{more}"),
                    severity="warning",
                    timeout=10,
                )
            for notice in report.notices:
                self.notify(printable(notice), severity="warning", timeout=8)
            if report.changed or report.rebuilt:
                self._relist(refresh=True)
        if report is None or not (report.changed or report.rebuilt):
            if self.documents.row_count == 0:
                self._relist(refresh=True)  # its empty list said "Indexing…"
        self._load_speakers()
        if self.library is not None:
            self.sub_title = f"{self.corpus_name} · {len(self.library):,} articles"

    # -- searching --------------------------------------------------------------------------
    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        """Search as the user types, once they pause."""
        if self.closing:
            return
        if self._quiet_value is not None and event.value == self._quiet_value:
            self._quiet_value = None
            return
        self._quiet_value = None
        if self._search_timer is not None:
            self._search_timer.stop()
        now = time.monotonic()
        burst = now - self._last_key < SEARCH_DELAY
        self._last_key = now
        if burst:
            self._search_timer = self.set_timer(SEARCH_DELAY, self._search_now)
        else:
            self._search_now()

    @on(Input.Submitted, "#query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        """Enter searches at once and moves to the results."""
        if self.closing:
            return
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_now()
        self.documents.focus()

    def _search_now(self) -> None:
        if self.closing:
            return
        self.query_text = self.search_input.value
        self._relist(refresh=False)

    def _relist(self, refresh: bool) -> None:
        """List the documents for the current query (``refresh``: same query, keep the cursor)."""
        if self.library is None:
            return
        if not refresh:
            self._generation += 1
        self._search(self.library, self.query_text, self._generation, refresh)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, library: Library, query: str, generation: int, refresh: bool) -> None:
        """Run the query (or list every article) and post the rows."""
        worker = get_current_worker()
        if refresh or not self.summaries:
            self.summaries = {s.path: s for s in library.articles()}  # read again only when the index changed
        if worker.is_cancelled:
            return
        if not query.strip():
            rows = [DocumentRow(s.path, s.title, s.outlet, s.date, None, s.quotes) for s in self.summaries.values()]
            result = None
        else:
            result = library.search(query, limit=LIST_LIMIT, spans_for=SPANS_FOR)
            rows = [
                DocumentRow(h.path, h.title, h.outlet, h.date, len(h.spans) if i < SPANS_FOR else None)
                for i, h in enumerate(result.hits)
            ]
        if not worker.is_cancelled:
            self.post_message(DocumentsReady(generation, query, rows, result, refresh))

    def on_documents_ready(self, message: DocumentsReady) -> None:
        """Fill the list; say what was searched; open the first (or remembered) article."""
        if self.closing:
            return
        if message.generation != self._generation:
            return  # a newer query is on its way
        docs = self.documents
        keep = docs.current.path if (message.refresh and docs.current) else None
        result = message.result
        bar = self.query_one(SearchBar)
        if result is None:
            bar.set_notice(f"{len(message.rows):,} articles" + (" (indexing…)" if self.indexing else ""))
        elif not result.searched:
            bar.set_notice(" ".join(result.notices) or "Nothing to search for.", warning=True)
        else:
            n = max(result.total, len(result.hits))
            found = f"No article matches {result.searched}" if not n else f"{n:,} article{'s match' if n != 1 else ' matches'} {result.searched}"
            if n > len(result.hits):
                found += f" (the best {len(result.hits):,} listed)"
            if result.notices:
                bar.set_notice(" ".join(result.notices) + " " + found, warning=True)
            else:
                bar.set_notice(found)
        empty = "No article matches." if result is not None else ("Indexing…" if self.indexing else "No articles in this corpus.")
        target = self._restore.article if self._restore is not None else keep
        cursor = next((i for i, r in enumerate(message.rows) if r.path == target), 0) if target else 0
        docs.show(message.rows, cursor=cursor, empty_text=empty)
        if self.library is not None:
            more = " (indexing…)" if self.indexing else ""
            self.sub_title = f"{self.corpus_name} · {len(self.library):,} articles{more}"
        self.ready = True
        self._first_listing.set()
        if message.rows:
            path = message.rows[cursor].path
            if self._restore is not None and (path == self._restore.article or not self.indexing):
                self._restore = None  # restored, or it is gone for good
            if message.refresh and path == self._shown_path:
                return
            self._open(path)
        elif not message.refresh or self._shown_path is None:
            self._shown_path = None
            self.reader.clear("No article matches the query." if result is not None else empty)
            self.side.query_one("#quotes", QuoteList).show([])

    # -- reading ---------------------------------------------------------------------------------
    @on(VirtualList.Highlighted, "#documents")
    def _document_highlighted(self, event: VirtualList.Highlighted) -> None:
        """Moving through the list previews each article (after a short rest)."""
        if self.closing:
            return
        row = self.documents.current
        if row is None or row.path == self._shown_path or row.path == self._loading:
            return
        if self._open_timer is not None:
            self._open_timer.stop()
        self._open_timer = self.set_timer(OPEN_DELAY, lambda: self._open(row.path))

    @on(VirtualList.Selected, "#documents")
    def _document_selected(self, event: VirtualList.Selected) -> None:
        """Enter reads the article: open it if needed and move to the reader."""
        if self.closing:
            return
        row = self.documents.current
        if row is not None and row.path != self._shown_path:
            self._open(row.path)
        self.reader.view.focus()

    def _open(self, path: str, place: Place | None = None) -> None:
        """Read the article at ``path`` in a worker; ``place`` says where to land."""
        if self.closing:
            return
        if self.library is None:
            return
        if self._open_timer is not None:
            self._open_timer.stop()
        self._loading = path
        self._read_article(self.library, path, self.query_text, place)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _read_article(self, library: Library, path: str, query: str, place: Place | None) -> None:
        """Read one article with its hits and quotations."""
        worker = get_current_worker()
        try:
            article = library.article(path)
        except (UnreadableFile, OSError) as exc:
            reason = exc.reason if isinstance(exc, UnreadableFile) else (exc.strerror or str(exc))
            self.post_message(ArticleFailed(path, reason))
            return
        hits = library.spans(article, query) if query.strip() else []
        records = library.quotes(path)
        if not worker.is_cancelled:
            self.post_message(ArticleReady(article, hits, records, query, place))

    def on_article_ready(self, message: ArticleReady) -> None:
        """Show the article, its quotations, and land where asked (or on the first hit)."""
        if self.closing:
            return
        article = message.article
        self._loading = None
        self._shown_path = article.key
        self._count_hits(article.key, len(message.hits), message.query)
        self.reader.show(article, message.hits, [(r.quote.start, r.quote.end) for r in message.quotes if r.quote.kind == "speech"])
        quotes = self.side.query_one("#quotes", QuoteList)
        quotes.border_title = f"{len(message.quotes)} quotations"
        quotes.show(message.quotes, empty_text="No quotations in this article.")
        place = message.place
        if place is not None and place.quote_text is not None:
            wanted = quote_key(place.quote_text)
            match = next((r for r in message.quotes if quote_key(r.quote.text) == wanted), None)
            place = Place(article.key, focus=(match.quote.start, match.quote.end) if match else None)
        self.call_after_refresh(self._land, place, bool(message.hits))
        self._save_session()

    def _count_hits(self, path: str, hits: int, query: str) -> None:
        """Fill in the hit count of a listed article once it has been read."""
        docs = self.documents
        index = docs.index_of(path)
        if index is None or not query.strip() or query != self.query_text:
            return
        row = docs.rows[index]
        if row.hits is None:
            docs.replace_row(index, replace(row, hits=hits))

    def _land(self, place: Place | None, has_hits: bool) -> None:
        if self.closing:
            return
        view = self.reader.view
        if place is None:
            if has_hits:
                view.go_to_hit(0)
            return
        if place.focus is not None:
            self._light_quote(place.focus)
        else:
            view.focus_quote(None)
            self.reader.set_note("")
        if place.top is not None:
            view.scroll_to_offset(place.top, center=False)
        view.mark_hit(place.hit)

    def on_article_failed(self, message: ArticleFailed) -> None:
        """Say the article cannot be read; keep the rest working."""
        if self.closing:
            return
        self._loading = None
        self._shown_path = message.path
        self.reader.clear(printable(f"Cannot read {Path(message.path).name}: {message.error}"))
        self.side.query_one("#quotes", QuoteList).show([], empty_text="")
        self.notify(printable(f"Cannot read {message.path}: {message.error}"), severity="error")

    def _light_quote(self, span: tuple[int, int]) -> None:
        """Light a quotation in the reader and name it on the status line."""
        self.reader.view.focus_quote(span)
        records = self.side.query_one("#quotes", QuoteList).records
        for i, r in enumerate(records):
            if (r.quote.start, r.quote.end) == span:
                who = r.quote.speaker or ("term" if r.quote.kind == "term" else "unattributed")
                self.reader.set_note(f"Quotation {i + 1}/{len(records)}: {who}  (b: back)")
                break

    # -- quotations and speakers -------------------------------------------------------------------
    def _here(self) -> Place | None:
        """Where the reader is now (to come back to)."""
        view = self.reader.view
        if self._shown_path is None or self.reader.article is None:
            return None
        return Place(self._shown_path, top=view.top_offset(), hit=view.current_hit, focus=view.focus_span)

    def jump_to(self, record: QuoteRecord) -> None:
        """Show ``record``'s quotation in its article, remembering where the reader was."""
        here = self._here()
        if here is not None:
            self.history.append(here)
        span = (record.quote.start, record.quote.end)
        if record.path == self._shown_path:
            self._light_quote(span)
        else:
            self._select_in_list(record.path)
            self._open(record.path, Place(record.path, focus=span))

    def _select_in_list(self, path: str) -> None:
        """Put the list cursor on ``path`` if listed, without re-reading it."""
        docs = self.documents
        index = docs.index_of(path)
        if index is not None and index != docs.cursor:
            self._loading = path
            docs.cursor = index

    @on(VirtualList.Selected, "QuoteList")
    def _quote_selected(self, event: VirtualList.Selected) -> None:
        """Enter or a click on a quotation: show it in the reader."""
        if self.closing:
            return
        quotes = event.control
        assert isinstance(quotes, QuoteList)
        record = quotes.current
        if record is not None:
            self.jump_to(record)

    @on(QuoteList.CopyRequested)
    def _copy_quote(self, event: QuoteList.CopyRequested) -> None:
        """Copy the quotation with its citation."""
        if self.closing:
            return
        quotes = event.control
        assert isinstance(quotes, QuoteList)
        record = quotes.current
        if record is None:
            return
        text = citation_text(citation(record, self.summaries.get(record.path)))
        self.copy_to_clipboard(text)
        self.notify(printable(f"Copied: {text[:120]}"), timeout=4)

    @on(QuoteList.AlsoInRequested)
    def _also_in(self, event: QuoteList.AlsoInRequested) -> None:
        """Pick another article that carries the quotation, then show it there."""
        if self.closing:
            return
        quotes = event.control
        assert isinstance(quotes, QuoteList)
        record = quotes.current
        if record is None or not record.also_in:
            return
        articles = [self.summaries[p] for p in record.also_in if p in self.summaries]

        def chosen(path: str | None) -> None:
            if path:
                here = self._here()
                if here is not None:
                    self.history.append(here)
                self._select_in_list(path)
                self._open(path, Place(path, quote_text=record.quote.text))

        self.push_screen(AlsoInScreen(record.quote.text, articles), chosen)

    @work(thread=True, exclusive=True, group="speakers", exit_on_error=False)
    def _load_speakers(self) -> None:
        """List the corpus's speakers."""
        if self.library is not None:
            self.post_message(SpeakersReady(self.library.speakers()))

    def on_speakers_ready(self, message: SpeakersReady) -> None:
        """Fill the speakers list, keeping the cursor on the same speaker."""
        if self.closing:
            return
        speakers = self.side.query_one("#speakers", SpeakerList)
        current = speakers.current
        speakers.show(message.speakers)
        if current is not None:
            index = speakers.index_of(current.name)
            if index is not None:
                speakers.cursor = index

    @on(VirtualList.Selected, "#speakers")
    def _speaker_selected(self, event: VirtualList.Selected) -> None:
        """List the chosen speaker's quotations across the corpus."""
        if self.closing:
            return
        speaker = self.side.query_one("#speakers", SpeakerList).current
        if speaker is not None:
            self.show_speaker(speaker)

    def show_speaker(self, speaker: Speaker) -> None:
        """Open the speakers view on ``speaker``'s quotations."""
        self.side.show_speaker(speaker)
        self.side.query_one("#speaker-quotes", QuoteList).show([], empty_text="Loading…")
        self._load_speaker_quotes(speaker)

    @work(thread=True, exclusive=True, group="speaker-quotes", exit_on_error=False)
    def _load_speaker_quotes(self, speaker: Speaker) -> None:
        if self.library is not None:
            self.post_message(SpeakerQuotesReady(speaker, self.library.quotes_by(speaker.name)))

    def on_speaker_quotes_ready(self, message: SpeakerQuotesReady) -> None:
        """Fill the speaker's quotations."""
        if self.closing:
            return
        if self.side.speaker is not None and self.side.speaker.name == message.speaker.name:
            self.side.query_one("#speaker-quotes", QuoteList).show(message.records, empty_text="No quotations.")

    # -- actions -----------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Letter keys belong to the search bar while it has focus; others need something to act on."""
        if action in _LETTER_KEY_ACTIONS and isinstance(self.focused, Input):
            return False
        if action == "back":
            return bool(self.history) or None
        if action in ("next_hit", "previous_hit"):
            reader = self._reader_or_none()
            return bool(reader and reader.view.hits) or None
        if action == "open_url":
            reader = self._reader_or_none()
            return bool(reader and reader.article and reader.article.meta.url) or None
        return True

    def _reader_or_none(self) -> ReaderPane | None:
        """The reader pane, or ``None`` before the main screen is composed (bindings are checked early)."""
        try:
            return self.screen_stack[0].query_one(ReaderPane) if self.screen_stack else None
        except NoMatches:
            return None

    def action_focus_search(self) -> None:
        """Back to the search bar."""
        self.search_input.focus()

    def action_next_hit(self) -> None:
        """Next hit in the reader."""
        self.reader.view.next_hit()

    def action_previous_hit(self) -> None:
        """Previous hit in the reader."""
        self.reader.view.previous_hit()

    def action_back(self) -> None:
        """Return to where the reader was before the last jump."""
        if not self.history:
            return
        place = self.history.pop()
        if place.path == self._shown_path:
            self._land(place, False)
        else:
            self._select_in_list(place.path)
            self._open(place.path, place)

    def action_open_url(self) -> None:
        """Open the article's URL in the browser."""
        article = self.reader.article
        if article is None or not article.meta.url:
            self.notify("This article has no URL.", severity="warning")
            return
        self.open_url(article.meta.url)
        self.notify(printable(f"Opening {article.meta.url}"), timeout=3)

    def action_speakers(self) -> None:
        """The speakers view."""
        self.side.show_speakers_tab(focus=True)

    def action_help(self) -> None:
        """Keys and query syntax."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_help_key(self) -> None:
        """``?``: the same help (a letter key, so not while typing a query)."""
        self.action_help()

    async def action_quit_key(self) -> None:
        """``q``: quit (a letter key, so not while typing a query)."""
        await self.action_quit()

    async def action_quit(self) -> None:
        """Quit, letting indexing stop at a consistent point first."""
        self._stop.set()
        worker = self._index_worker
        if worker is not None and worker.is_running:
            deadline = time.monotonic() + 5.0
            while worker.is_running and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
        self.exit()

    # -- command palette -----------------------------------------------------------------------------------
    def current_quotes(self) -> tuple[str, list[QuoteRecord]]:
        """The quotations the side panel lists now, and what they are."""
        side = self.side
        if side.tabs.active == "speakers-tab" and side.speaker is not None:
            return f"{side.speaker.name}'s quotations", list(side.query_one("#speaker-quotes", QuoteList).records)
        title = self.reader.article.meta.title if self.reader.article else "this article"
        return f"the quotations of {title!r}", list(side.query_one("#quotes", QuoteList).records)

    def export_quotes(self, fmt: ExportFormat) -> None:
        """Ask for a file name, then write the current quotations there."""
        what, records = self.current_quotes()
        if not records:
            self.notify("No quotations to export.", severity="warning")
            return
        stem = re.sub(r"[^\w-]+", "-", what.casefold()).strip("-")[:40] or "quotes"
        default = os.path.join(os.getcwd(), f"byline-{stem}.{EXTENSIONS[fmt]}")

        def write(path: str | None) -> None:
            if path:
                self.write_export(path, fmt, records)

        self.push_screen(ExportScreen(f"{len(records)} {what}", default), write)

    def write_export(self, path: str, fmt: ExportFormat, records: Sequence[QuoteRecord]) -> bool:
        """Write ``records`` as ``fmt`` to ``path``; says so either way."""
        items = [citation(r, self.summaries.get(r.path)) for r in records]
        target = Path(path).expanduser()
        try:
            target.write_text(WRITERS[fmt](items), encoding="utf-8")
        except OSError as exc:
            self.notify(printable(f"Cannot write {target}: {exc.strerror or exc}"), severity="error")
            return False
        self.notify(printable(f"Wrote {len(items)} quotations to {target}"))
        return True

    def open_article_by_path(self, path: str) -> None:
        """Open an article from the palette: list it if the query hides it."""
        if self.documents.index_of(path) is None and self.query_text:
            self._quiet_value = ""
            self.search_input.value = ""
            self.query_text = ""
            self._restore = Session(query="", article=path)
            self._relist(refresh=False)
            return
        self._select_in_list(path)
        self._open(path)

    def go_to_speaker(self, name: str) -> None:
        """Open the speakers view on ``name``."""
        speakers = self.side.query_one("#speakers", SpeakerList)
        index = speakers.index_of(name)
        if index is not None:
            speakers.cursor = index
            speaker = speakers.current
            if speaker is not None:
                self.show_speaker(speaker)

    def toggle_theme(self) -> None:
        """Dark ↔ light."""
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    # -- session -------------------------------------------------------------------------------------------
    def _session_paths(self) -> list[str]:
        return self.library.paths if self.library is not None else (self.paths or [])

    def _save_session(self) -> None:
        if not self.remember or self.library is None:
            return
        Session(query=self.query_text, article=self._shown_path).save(self._session_paths())

    def on_unmount(self) -> None:
        """Save the session and release the index (unless indexing still holds it)."""
        self._stop.set()
        self._save_session()
        worker = self._index_worker
        if self.library is not None and (worker is None or not worker.is_running):
            self.library.close()
