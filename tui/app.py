"""The Byline reader: search a corpus, read with hits lit, and see who said what.

The app is the coordinator. It holds the library, the preferences and the
corpus's session; it runs every slow job in a thread worker — opening the
index, bringing it up to date, listing, reading, listing speakers — and the
workers post what they found as messages (:mod:`.messages`) to the main screen
(:mod:`.screens.main`), which holds the state and the panes. Opening,
listing and indexing form a chain of messages: the index opens, the first
listing is painted, then the files are checked and indexed.

Any worker that fails ends up in :meth:`BylineApp.on_worker_state_changed`,
the one place that turns a failure into a message for the user and leaves the
screen ready for the next action; a damaged index comes with an offer to
rebuild it.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_downloads_path
from rich.text import Text
from textual import work
from textual.app import App
from textual.worker import Worker, WorkerState, get_current_worker

from ..index.library import IndexDamaged, Library, LibraryError
from ..index.models import ArticleSummary
from . import safe
from .commands import BylineCommands, BylinePalette
from .messages import (
    ArticleRead,
    ArticlesListed,
    FacetsCounted,
    IndexingFinished,
    IndexingProgressed,
    LibraryOpened,
    SpeakerQuotesListed,
    SpeakersListed,
)
from .screens.main import MainScreen
from .screens.pickers import ConfirmScreen
from .session import Session, data_root
from .settings import Settings
from .values import DocumentRow, SortOrder

SPANS_FOR = 40
"""Hit counts come with the first this many ranked articles (counting reads the file); the
others get theirs when opened."""
QUIT_WAIT = 5.0
"""Seconds quitting waits for indexing to stop at a consistent point."""
FRONT_POLL = 0.005
"""How often paused indexing looks whether the listings and reads it waits for are done (seconds)."""

FAILURES = {
    "open": "Cannot open the corpus",
    "rebuild": "Cannot rebuild the index",
    "index": "Indexing stopped",
    "list": "The search failed",
    "page": "Cannot list more articles",
    "article": "Cannot read the article",
    "speakers": "Cannot list the speakers",
    "speaker-quotes": "Cannot list the quotations",
    "facets": "Cannot count the facets",
}
"""What the user is told when the worker of each group fails."""


def describe(error: BaseException | None) -> str:
    """One line about ``error`` for the user."""
    if error is None:
        return "unknown error"
    reason = getattr(error, "reason", None)  # an unreadable article says why in a few words
    if isinstance(reason, str) and reason:
        return reason
    if isinstance(error, OSError):
        return error.strerror or str(error)
    if isinstance(error, LibraryError):
        return str(error)
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


class BylineApp(App[None]):
    """Three panes over a corpus: the document list, the reader, and quotations with their speakers."""

    CSS_PATH = Path(__file__).with_name("byline.tcss")
    TITLE = "Byline"
    COMMANDS = App.COMMANDS | {BylineCommands}

    def __init__(
        self,
        paths: Sequence[str] | None = None,
        index_dir: str | None = None,
        *,
        remember: bool = True,
        theme: str | None = None,
        follow_links: bool = False,
    ) -> None:
        """``paths``: the corpus (``None``: the sample); ``remember``: restore and save the session and
        preferences; ``theme``: a Textual theme for this run (else the one last chosen); ``follow_links``:
        index articles that symbolic links outside the corpus folders lead to (``--follow-links``)."""
        super().__init__()
        self.follow_links = follow_links
        self.paths = [os.fspath(p) for p in paths] if paths else None
        self.index_dir = index_dir
        self.remember = remember
        self.settings = Settings.load() if remember else Settings()
        self.library: Library | None = None
        self.summaries: dict[str, ArticleSummary] = {}
        self._main = MainScreen(sort=self.settings.sort, side_tab=self.settings.side_tab)
        self._index_worker: Worker[None] | None = None
        self._in_front = 0
        """Listings and reads under way (see :meth:`_front`)."""
        self._front_lock = threading.Lock()
        self._quitting = False
        self._offering_rebuild = False
        self._rebuilding = False
        self._bad_theme: str | None = None
        wanted = theme or self.settings.theme
        if wanted:
            if wanted in self.available_themes:
                self.theme = wanted
            elif theme:
                self._bad_theme = theme

    # -- screens -----------------------------------------------------------------------------
    def get_default_screen(self) -> MainScreen:
        """The main screen is the app's first screen."""
        return self._main

    @property
    def main(self) -> MainScreen:
        """The main screen (where the workers' results go)."""
        return self._main

    @property
    def corpus_name(self) -> str:
        """What the header calls the corpus."""
        if self.paths is None:
            return "sample corpus"
        names = [Path(p).name or p for p in self.paths]
        return safe.plain(", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else ""))

    def on_mount(self) -> None:
        """Start opening the corpus (while the main screen is drawn)."""
        self.sub_title = f"{self.corpus_name} · opening…"
        if self._bad_theme:
            self.notify(f"No theme called {safe.markup(self._bad_theme)}; Ctrl+P › Theme lists them.", severity="warning")
        self.open_library()

    def action_command_palette(self) -> None:
        """The command palette (one that survives a burst of keys)."""
        if self.use_command_palette and not BylinePalette.is_open(self):
            self.push_screen(BylinePalette(id="--command-palette"))

    def watch_theme(self, theme: str) -> None:
        """Remember the theme chosen (Ctrl+P › Theme)."""
        self.remember_settings(theme=theme)

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None, time_format: str | None = None) -> str | None:
        """Save a screenshot in the downloads folder, or the data folder when there is none (Textual says where)."""
        if path is None:
            downloads = user_downloads_path()
            if downloads.is_dir() and os.access(downloads, os.W_OK):
                path = str(downloads)
            else:
                folder = data_root() / "screenshots"
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                    path = str(folder)
                except OSError:
                    path = os.getcwd()
        return super().deliver_screenshot(filename, path, time_format)

    # -- preferences and session -----------------------------------------------------------------
    def remember_settings(self, **changes: Any) -> None:
        """Change preferences (saved when the app remembers)."""
        if self.remember:
            self.settings.update(**changes)

    def remember_session(self, session: Session) -> None:
        """Save what to restore for this corpus (when the app remembers)."""
        if self.remember and self.library is not None:
            session.save(self.library.paths)

    # -- the chain: open → first listing → update ---------------------------------------------------
    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_library(self) -> None:
        """Open the index (its update comes after the first listing)."""
        self.post_message(LibraryOpened(Library.open(self.paths, self.index_dir, follow_links=self.follow_links)))

    def on_library_opened(self, message: LibraryOpened) -> None:
        """List what the index has, restoring the last session."""
        self.library = message.library
        self.summaries = {}
        restore = self.remember and not self._rebuilding  # after a rebuild, the reader stays where it is
        self._rebuilding = False
        session = Session.load(message.library.paths) if restore else None
        self.main.library_opened(list(message.library.notices), session)  # (held until the screen is up)

    def first_listing_shown(self) -> None:
        """The first listing and its first article are on screen: now check the files and index what changed."""
        if self.library is not None and (self._index_worker is None or self._index_worker.is_finished):
            self._index_worker = self.update_index(self.library)

    def summary(self, key: str) -> ArticleSummary | None:
        """The summary of the article ``key`` (``None`` if it is not indexed): from every summary once they are read,
        else one lookup in the index."""
        got = self.summaries.get(key)
        if got is None and self.library is not None:
            try:
                got = self.library.summary(key)
            except LibraryError:
                got = None
        return got

    @work(thread=True, exclusive=True, group="summaries", exit_on_error=False)
    def load_summaries(self, library: Library) -> None:
        """Every article's summary, by key, for what looks articles up by key (palette, citations, *also in*)."""
        worker = get_current_worker()
        got = {s.key: s for s in library.articles(sort="date")}
        if not worker.is_cancelled and library is self.library:
            self.summaries = got

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def update_index(self, library: Library) -> None:
        """Bring the index up to date in committed batches, pausing while the user waits on a listing or an article."""
        worker = get_current_worker()

        def should_stop() -> bool:
            # Polled every few hundred files of the walk and between batches: while a listing or a read is
            # under way it waits, so the search a user typed does not share the interpreter with the walk
            # (at 100,000 files the walk is ~1 s of Python: a query typed at launch took twice as long).
            while self._in_front and not (worker.is_cancelled or self._quitting):
                time.sleep(FRONT_POLL)
            return worker.is_cancelled or self._quitting

        report = library.update(progress=lambda p: self.post_message(IndexingProgressed(p)), should_stop=should_stop)
        if (report.changed or report.rebuilt) and not should_stop():
            library.warm()  # what the next article read needs from the whole index, before it is asked
        self.post_message(IndexingFinished(report))

    @contextmanager
    def _front(self) -> Iterator[None]:
        """Work a user waits on (a listing, an article): indexing pauses at its next check meanwhile."""
        with self._front_lock:
            self._in_front += 1
        try:
            yield
        finally:
            with self._front_lock:
                self._in_front -= 1

    def on_indexing_progressed(self, message: IndexingProgressed) -> None:
        """Pass progress to the screen."""
        self.main.indexing_progressed(message.progress)

    def on_indexing_finished(self, message: IndexingFinished) -> None:
        """Indexing ended: the screen says what changed and lists it."""
        if message.report.changed or message.report.rebuilt:
            self.summaries = {}
        if not self.summaries and self.library is not None:
            self.load_summaries(self.library)  # (after the check of the files: it would slow it)
        self.main.indexing_finished(message.report)

    # -- work for the screen ------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="list", exit_on_error=False)
    def list_articles(self, library: Library, query: str, sort: SortOrder, generation: int, limit: int, refresh: bool) -> None:
        """List every article, or a query's hits (the first ``limit`` of them, unless the sort needs all)."""
        worker = get_current_worker()
        with self._front():
            rows, total, result = self._rows(library, query, sort, limit)
        if not worker.is_cancelled:
            self.main.post_message(ArticlesListed(generation, query, rows, total, result, refresh=refresh))

    @work(thread=True, exclusive=True, group="page", exit_on_error=False)
    def list_page(self, library: Library, query: str, sort: SortOrder, generation: int, upto: int) -> None:
        """The listing again, down to row ``upto`` (the list scrolled that far)."""
        worker = get_current_worker()
        with self._front():
            rows, total, result = self._rows(library, query, sort, upto)
        if not worker.is_cancelled:
            self.main.post_message(ArticlesListed(generation, query, rows, total, result, more=True))

    def _rows(self, library: Library, query: str, sort: SortOrder, limit: int) -> tuple[list[DocumentRow], int, Any]:
        if not query.strip():
            # every article, a page at a time: the engine keeps each order, and on a first listing reads
            # only the first page (the session's article may be further down: then all of it)
            order = "date" if sort == "relevance" else sort  # without a query, relevance lists by date
            whole = self.main.restoring is not None
            summaries = library.articles(sort=order, limit=None if whole else limit)
            rows = [DocumentRow(s.key, s.title, s.outlet, s.date, None, s.quotes, s.folder) for s in summaries]
            return rows, len(library), None
        result = library.search(query, limit=limit, spans_for=SPANS_FOR, sort=sort)  # sorted before the cut
        rows = [
            DocumentRow(h.key, h.title, h.outlet, h.date, len(h.spans) if i < SPANS_FOR else None, folder=h.folder)
            for i, h in enumerate(result.hits)
        ]
        return rows, max(result.total, len(rows)), result

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def read_article(self, library: Library, key: str, query: str, place: Any) -> None:
        """Read one article (``key``: its file, or ``PATH#N`` for a dump record) with its hits and quotations."""
        worker = get_current_worker()
        with self._front():
            reading = library.read(key, query if query.strip() else None)
        if not worker.is_cancelled:
            self.main.post_message(ArticleRead(reading.article, reading.spans, reading.quotes, query, place))

    @work(thread=True, exclusive=True, group="speakers", exit_on_error=False)
    def list_speakers(self, library: Library) -> None:
        """List the corpus's speakers."""
        self.main.post_message(SpeakersListed(library.speakers()))

    @work(thread=True, exclusive=True, group="speaker-quotes", exit_on_error=False)
    def speaker_quotes(self, library: Library, name: str) -> None:
        """List one speaker's quotations across the corpus."""
        worker = get_current_worker()
        records = library.quotes_by(name)
        if not worker.is_cancelled:
            self.main.post_message(SpeakerQuotesListed(name, records))

    @work(thread=True, exclusive=True, group="facets", exit_on_error=False)
    def count_facets(self, library: Library, query: str) -> None:
        """Count the articles ``query`` matches by outlet, folder and month."""
        worker = get_current_worker()
        facets = library.facets(query)
        if not worker.is_cancelled:
            self.main.post_message(FacetsCounted(query, facets))

    # -- the one place failures go -------------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Any worker that failed: tell the user in one line, and leave the screen ready for what comes next."""
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        error = worker.error
        what = FAILURES.get(worker.group, "Something failed")
        reason = describe(error)
        if isinstance(error, IndexDamaged):
            self.offer_rebuild(reason)
        else:
            self.notify(f"{what}: {safe.markup(reason)}", severity="error", timeout=10)
        self.main.work_failed(worker.group, f"{what}: {reason}")

    def offer_rebuild(self, reason: str) -> None:
        """Say the index is damaged and offer to rebuild it now."""
        if self._offering_rebuild:
            return
        self._offering_rebuild = True
        question = Text("The index is damaged: ") + safe.text(reason) + Text("\n\nRebuild it from the articles now?")

        def answered(rebuild: bool | None) -> None:
            self._offering_rebuild = False
            if rebuild:
                self.rebuild()
            else:
                self.notify("The index is rebuilt the next time Byline opens it.", timeout=6)

        self.push_screen(ConfirmScreen(question, "Rebuild", "Later"), answered)

    def rebuild(self) -> None:
        """Reopen the index from scratch in a worker (the chain then lists and indexes again)."""
        old, self.library = self.library, None
        self._rebuilding = True
        if self._index_worker is not None:
            self._index_worker.cancel()
        self.summaries = {}
        self.main.reader.clear("Rebuilding the index…")
        self.main.indexing = True
        self._rebuild_worker(old)

    @work(thread=True, exclusive=True, group="rebuild", exit_on_error=False)
    def _rebuild_worker(self, old: Library | None) -> None:
        if old is not None:
            old.close()
        library = Library.open(self.paths, self.index_dir, rebuild=True, follow_links=self.follow_links)
        self.post_message(LibraryOpened(library))

    # -- quitting --------------------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Quit, letting indexing stop at a consistent point first, and remembering where the reader was."""
        self._quitting = True
        try:
            self.main.save_session()
        except Exception:  # the screen is gone already; nothing to remember
            pass
        worker = self._index_worker
        if worker is not None and worker.is_running:
            try:
                await asyncio.wait_for(worker.wait(), QUIT_WAIT)
            except Exception:  # it stopped, failed or took too long: quit anyway
                pass
        self.exit()

    def on_unmount(self) -> None:
        """Release the index (unless indexing still holds it)."""
        worker = self._index_worker
        if self.library is not None and (worker is None or not worker.is_running):
            self.library.close()
