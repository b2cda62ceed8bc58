"""The side panel: the open article's quotations, the corpus's speakers with their quotations, and the facets."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Static, TabbedContent, TabPane, Tabs

from ...index.models import QuoteRecord, Speaker
from .. import safe
from ..values import SIDE_TABS, SideTab
from .facet_view import FacetView
from .list_filter import ListFilter
from .quote_list import QuoteList
from .speaker_list import SpeakerList

LONG_ARTICLE_QUOTES = 8
"""An article with at least this many quotations gets a filter above them."""


def tab_of(pane_id: str | None) -> SideTab:
    """The tab of the side panel whose pane has id ``pane_id`` (``speakers-tab`` → ``speakers``)."""
    name = (pane_id or "").removesuffix("-tab")
    return next((t for t in SIDE_TABS if t == name), "quotes")


class SidePanel(Vertical):
    """Three tabs: *Quotes* (this article), *Speakers* (the corpus; Enter lists a speaker's quotes) and
    *Facets* (the query's counts by outlet, folder and month).

    The panel owns which speaker's quotations are listed (:attr:`speaker`); the
    screen owns which tab is active and passes it down through :meth:`show_tab`.
    """

    DEFAULT_CSS = """
    SidePanel TabbedContent, SidePanel TabPane, SidePanel ContentSwitcher, SidePanel .side-view {
        height: 1fr;
    }
    SidePanel TabPane {
        padding: 0;
    }
    SidePanel #speaker-title {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        color: $text-accent;
        text-style: bold;
    }
    SidePanel #quotes-filter {
        display: none;
    }
    SidePanel.-long-article #quotes-filter {
        display: block;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "switch_tab(-1)", "Previous tab", show=False, id="side.previous-tab"),
        Binding("right", "switch_tab(1)", "Next tab", show=False, id="side.next-tab"),
        Binding("escape", "speakers_back", "Speakers", id="side.speakers-back"),
    ]

    def __init__(self, tab: SideTab = "quotes", *, id: str | None = None) -> None:
        """``tab``: the tab shown first."""
        super().__init__(id=id)
        self._initial: SideTab = tab
        self.speaker: Speaker | None = None
        """The speaker whose quotations the speakers tab lists, if one was chosen."""

    def compose(self) -> ComposeResult:
        """Tabs with the two views, each list under its filter."""
        quotes = QuoteList(id="quotes", empty_text="No quotations in this article.")
        speakers = SpeakerList(id="speakers")
        with TabbedContent(initial=f"{self._initial}-tab", id="side-tabs"):
            with TabPane("Quotes", id="quotes-tab"):
                with Vertical(classes="side-view"):
                    yield ListFilter(quotes, placeholder="Filter quotations…", id="quotes-filter")
                    yield quotes
            with TabPane("Speakers", id="speakers-tab"):
                with ContentSwitcher(initial="speakers-view", id="speakers-switcher"):
                    with Vertical(id="speakers-view", classes="side-view"):
                        yield ListFilter(speakers, placeholder="Filter speakers…", id="speakers-filter")
                        yield speakers
                    with Vertical(id="speaker-view", classes="side-view"):
                        yield Static("", id="speaker-title", markup=False)
                        yield QuoteList(id="speaker-quotes", show_article=True)
            with TabPane("Facets", id="facets-tab"):
                yield FacetView(id="facets", classes="side-view")

    def on_mount(self) -> None:
        """The tab strip is not a focus stop: Tab goes straight into the lists."""
        for tabs in self.query(Tabs):
            tabs.can_focus = False

    # -- parts ----------------------------------------------------------------------------
    @property
    def tabs(self) -> TabbedContent:
        """The tabbed container."""
        return self.query_one("#side-tabs", TabbedContent)

    @property
    def quotes(self) -> QuoteList:
        """The open article's quotations."""
        return self.query_one("#quotes", QuoteList)

    @property
    def speakers(self) -> SpeakerList:
        """The corpus's speakers."""
        return self.query_one("#speakers", SpeakerList)

    @property
    def speaker_quotes(self) -> QuoteList:
        """The chosen speaker's quotations."""
        return self.query_one("#speaker-quotes", QuoteList)

    @property
    def facets(self) -> FacetView:
        """The facets view."""
        return self.query_one(FacetView)

    @property
    def active_tab(self) -> SideTab:
        """The tab shown."""
        return tab_of(self.tabs.active)

    @property
    def speaker_mode(self) -> bool:
        """Whether the speakers tab lists one speaker's quotations."""
        return self.query_one("#speakers-switcher", ContentSwitcher).current == "speaker-view"

    @property
    def listed_quotes(self) -> QuoteList:
        """The quotation list on show (this article's, or a speaker's)."""
        return self.speaker_quotes if self.active_tab == "speakers" and self.speaker_mode else self.quotes

    # -- what it shows -----------------------------------------------------------------------
    def show_quotes(self, records: list[QuoteRecord] | tuple[QuoteRecord, ...], empty_text: str = "No quotations in this article.") -> None:
        """The open article's quotations (a long list gets a filter)."""
        self.set_class(len(records) >= LONG_ARTICLE_QUOTES, "-long-article")
        field = self.query_one("#quotes-filter", ListFilter)
        if field.value:
            with field.prevent(ListFilter.Changed):
                field.value = ""
            self.quotes.filter_text = ""
        self.quotes.show(records, empty_text=empty_text)
        self.border_subtitle = f"{len(records)} quotation{'s' if len(records) != 1 else ''}" if records else ""

    def show_tab(self, tab: SideTab) -> None:
        """Bring ``tab`` forward."""
        self.tabs.active = f"{tab}-tab"

    def focus_list(self) -> None:
        """Focus the list of the active tab (the filter for all speakers: type a name right away)."""
        if self.active_tab == "quotes":
            self.quotes.focus()
        elif self.active_tab == "facets":
            self.facets.focus_list()
        elif self.speaker_mode:
            self.speaker_quotes.focus()
        else:
            self.query_one("#speakers-filter", ListFilter).focus()

    def show_all_speakers(self) -> None:
        """Leave a speaker's quotations for the list of speakers."""
        self.speaker = None
        self.query_one("#speakers-switcher", ContentSwitcher).current = "speakers-view"

    def show_speaker(self, speaker: Speaker) -> None:
        """Switch the speakers tab to ``speaker``'s quotations (filled by :meth:`show_speaker_quotes`)."""
        self.speaker = speaker
        self.show_tab("speakers")
        title = Text("‹ Esc  ", style="dim") + safe.text(speaker.name)
        title.append(f" · {speaker.quotes} quote{'s' if speaker.quotes != 1 else ''}, {speaker.articles} article{'s' if speaker.articles != 1 else ''}")
        self.query_one("#speaker-title", Static).update(title)
        self.query_one("#speakers-switcher", ContentSwitcher).current = "speaker-view"
        self.speaker_quotes.show([], empty_text="Listing the quotations…")
        self.speaker_quotes.focus()

    def show_speaker_quotes(self, name: str, records: list[QuoteRecord] | tuple[QuoteRecord, ...]) -> None:
        """Fill the chosen speaker's quotations (if they are still the one chosen)."""
        if self.speaker is not None and self.speaker.name == name:
            self.speaker_quotes.show(records, empty_text="No quotations.")

    # -- keys --------------------------------------------------------------------------------------
    def action_switch_tab(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) tab; focus the list shown."""
        self.show_tab(SIDE_TABS[(SIDE_TABS.index(self.active_tab) + step) % len(SIDE_TABS)])
        self.focus_list()

    def action_speakers_back(self) -> None:
        """From a speaker's quotations back to all speakers."""
        if self.speaker_mode and self.active_tab == "speakers":
            self.show_all_speakers()
            self.speakers.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc applies only while a speaker's quotations are listed; ←/→ not while typing a filter."""
        if action == "speakers_back":
            return self.speaker_mode and self.active_tab == "speakers"
        if action == "switch_tab":
            return not isinstance(self.app.focused, ListFilter)
        return True
