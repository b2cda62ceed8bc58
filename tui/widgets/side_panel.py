"""The side panel: the open article's quotations, and the corpus-wide speakers view."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Static, TabbedContent, TabPane, Tabs

from ...display import printable
from ...index.models import Speaker
from .quote_list import QuoteList
from .speaker_list import SpeakerList


class SidePanel(Vertical):
    """Two tabs: *Quotes* (this article) and *Speakers* (the corpus; Enter lists a speaker's quotes)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,right", "switch_tab", "Quotes/Speakers", id="side.switch-tab"),
        Binding("escape", "speakers_back", "All speakers", id="side.speakers-back"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.speaker: Speaker | None = None
        """The speaker whose quotations the speakers tab lists, if one was chosen."""

    def compose(self) -> ComposeResult:
        """Tabs with the two views."""
        with TabbedContent(initial="quotes-tab", id="side-tabs"):
            with TabPane("Quotes", id="quotes-tab"):
                yield QuoteList(id="quotes", empty_text="No quotations in this article.")
            with TabPane("Speakers", id="speakers-tab"):
                with ContentSwitcher(initial="speakers", id="speakers-switcher"):
                    yield SpeakerList(id="speakers")
                    with Vertical(id="speaker-view"):
                        yield Static("", id="speaker-title", markup=False)
                        yield QuoteList(id="speaker-quotes", show_article=True)

    def on_mount(self) -> None:
        """The tab strip is not a focus stop: Tab goes straight into the lists."""
        for tabs in self.query(Tabs):
            tabs.can_focus = False

    @property
    def tabs(self) -> TabbedContent:
        """The tabbed container."""
        return self.query_one("#side-tabs", TabbedContent)

    @property
    def speaker_mode(self) -> bool:
        """Whether the speakers tab lists one speaker's quotations."""
        return self.query_one("#speakers-switcher", ContentSwitcher).current == "speaker-view"

    def show_speakers_tab(self, focus: bool = False) -> None:
        """Bring the speakers list forward (leaving a speaker's quotations)."""
        self.tabs.active = "speakers-tab"
        self.query_one("#speakers-switcher", ContentSwitcher).current = "speakers"
        self.speaker = None
        if focus:
            self.query_one("#speakers", SpeakerList).focus()

    def show_speaker(self, speaker: Speaker) -> None:
        """Switch the speakers tab to ``speaker``'s quotations (filled by the app)."""
        self.speaker = speaker
        self.tabs.active = "speakers-tab"
        title = f" {printable(speaker.name)}: {speaker.quotes} quote{'s' if speaker.quotes != 1 else ''} in {speaker.articles} article{'s' if speaker.articles != 1 else ''} (Esc: all speakers)"
        self.query_one("#speaker-title", Static).update(title)
        self.query_one("#speakers-switcher", ContentSwitcher).current = "speaker-view"
        self.query_one("#speaker-quotes", QuoteList).focus()

    def action_switch_tab(self) -> None:
        """Flip between the two tabs and focus the list shown."""
        if self.tabs.active == "quotes-tab":
            self.tabs.active = "speakers-tab"
            target = "#speaker-quotes" if self.speaker_mode else "#speakers"
        else:
            self.tabs.active = "quotes-tab"
            target = "#quotes"
        self.query_one(target).focus()

    def action_speakers_back(self) -> None:
        """From a speaker's quotations back to all speakers."""
        if self.speaker_mode and self.tabs.active == "speakers-tab":
            self.show_speakers_tab(focus=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc applies only while a speaker's quotations are listed."""
        if action == "speakers_back":
            return self.speaker_mode and self.tabs.active == "speakers-tab"
        return True
