"""The main screen's side panel work: quotations chosen, cited or found in other articles, the speakers view,
and the facets that narrow the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import safe
from ..export import citation, citation_text
from ..messages import (
    CitationWanted,
    FacetChosen,
    FacetsCounted,
    OtherArticlesWanted,
    QuoteChosen,
    SpeakerChosen,
    SpeakerQuotesListed,
    SpeakersListed,
)
from ..values import Place
from .pickers import AlsoInScreen

if TYPE_CHECKING:
    from .main import MainScreen


class SideWork:
    """Mixed into :class:`~.main.MainScreen` (which holds the state): what the side panel's messages ask of it.

    Handlers are named ``on_<message>`` (Textual finds those on a mixin; ``@on`` handlers it collects only
    from the screen class itself).
    """

    # -- quotations and speakers ------------------------------------------------------------------------
    def on_quote_chosen(self: MainScreen, message: QuoteChosen) -> None:
        """Show the quotation in its article, remembering where the reader was."""
        record = message.record
        if record.key != self.shown_path:
            self.documents.select_path(record.key)
        self.reader.jump_to_quote(record)
        if self.overlay and self.side_open:
            self.side_open = False

    def on_citation_wanted(self: MainScreen, message: CitationWanted) -> None:
        """Copy the quotation with its citation."""
        record = message.record
        text = citation_text(citation(record, self.byline.summary(record.key)))
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied: {safe.markup(text[:120])}", timeout=4)

    def on_other_articles_wanted(self: MainScreen, message: OtherArticlesWanted) -> None:
        """Pick another article that carries the quotation, then show it there."""
        record = message.record
        articles = [s for s in map(self.byline.summary, record.also_in) if s is not None]

        def chosen(path: str | None) -> None:
            if path:
                self.documents.select_path(path)
                self.reader.go(Place(path, quote_text=record.quote.text, quoted_from=record.key))

        self.app.push_screen(AlsoInScreen(record.quote.text, articles), chosen)

    def want_speakers(self: MainScreen) -> None:
        """List the corpus's speakers (once; their tab or the palette asks)."""
        library = self.byline.library
        if library is None or self._speakers_wanted:
            return
        self._speakers_wanted = True
        self.byline.list_speakers(library)

    def on_speakers_listed(self: MainScreen, message: SpeakersListed) -> None:
        """Fill the speakers list (a speaker asked for meanwhile is shown)."""
        self.side.speakers.show(message.speakers)
        if self._pending_speaker is not None:
            name, self._pending_speaker = self._pending_speaker, None
            self.go_to_speaker(name)

    def on_speaker_chosen(self: MainScreen, message: SpeakerChosen) -> None:
        self.go_to_speaker(message.name)

    def go_to_speaker(self: MainScreen, name: str) -> None:
        """Open the speakers view on ``name``'s quotations across the corpus."""
        self.side_tab = "speakers"
        if self.overlay:
            self.side_open = True
        speakers = self.side.speakers
        if not speakers.loaded:
            self._pending_speaker = name
            self.want_speakers()
            return
        speaker = next((s for s in speakers.all_speakers if s.name.casefold() == name.casefold()), None)
        library = self.byline.library
        if speaker is None or library is None:
            return
        speakers.go_to(speaker.name)  # back from their quotations (Esc), the list stands on them
        self.side.show_speaker(speaker)
        self.byline.speaker_quotes(library, speaker.name)

    def on_speaker_quotes_listed(self: MainScreen, message: SpeakerQuotesListed) -> None:
        """Fill the chosen speaker's quotations."""
        self.side.show_speaker_quotes(message.name, message.records)

    # -- facets -------------------------------------------------------------------------------------------
    def want_facets(self: MainScreen) -> None:
        """Count the facets of the query listed (unless they are counted for it already)."""
        library = self.byline.library
        if library is None or self._facets_for == self.query_text:
            return
        self._facets_for = self.query_text
        self.side.facets.show_message("Counting…")
        self.byline.count_facets(library, self.query_text)

    def on_facets_counted(self: MainScreen, message: FacetsCounted) -> None:
        """Show the counts (if they are for the query listed)."""
        if message.query == self.query_text:
            self.side.facets.show(message.facets, message.query)

    def on_facet_chosen(self: MainScreen, message: FacetChosen) -> None:
        """Narrow the list: the facet's term is added to the query in the search bar, where it can be edited."""
        self.narrow(message.term)

    def narrow(self: MainScreen, term: str) -> None:
        """Add ``term`` to the query (once) and list what it matches."""
        query = self.query_text.strip()
        if term not in query:
            query = f"{query} {term}".strip()
        self.search_bar.set_query(query)
        self.search_bar.remember(query)
        self.query_text = query
        if self.overlay and self.side_open:
            self.side_open = False
        self.documents.focus()
