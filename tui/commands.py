"""Command palette entries: open an article by title, go to a speaker, export quotations, switch theme."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..display import printable

if TYPE_CHECKING:
    from .app import BylineApp

_MAX_HITS = 2000
"""Stop matching after this many hits (a big corpus has many titles)."""


class BylineCommands(Provider):
    """Byline's own commands, next to Textual's."""

    @property
    def byline(self) -> BylineApp:
        """The app (typed)."""
        from .app import BylineApp

        app = self.app
        assert isinstance(app, BylineApp)
        return app

    def _fixed(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.byline
        return [
            ("Export quotations as Markdown", partial(app.export_quotes, "markdown"), "Write the quotations listed in the side panel to a .md file"),
            ("Export quotations as CSV", partial(app.export_quotes, "csv"), "Write the quotations listed in the side panel to a .csv file"),
            ("Export quotations as JSON", partial(app.export_quotes, "json"), "Write the quotations listed in the side panel to a .json file"),
            ("Toggle light/dark theme", app.toggle_theme, "Switch between the light and the dark theme"),
            ("Speakers", app.action_speakers, "Every speaker of the corpus with quote counts"),
        ]

    def _dynamic(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.byline
        out: list[tuple[str, Callable[[], object], str]] = []
        for summary in app.summaries.values():
            title = printable(summary.title) or "(untitled)"
            facts = " · ".join(printable(x) for x in (summary.outlet, summary.date) if x)
            out.append((f"Open: {title}", partial(app.open_article_by_path, summary.path), facts))
        speakers = app.side.query_one("#speakers").speakers  # type: ignore[attr-defined]
        for speaker in speakers:
            name = printable(speaker.name)
            out.append((f"Speaker: {name}", partial(app.go_to_speaker, speaker.name), f"{speaker.quotes} quotations in {speaker.articles} articles"))
        return out

    async def discover(self) -> Hits:
        """What the palette shows before anything is typed."""
        for label, callback, help_text in self._fixed():
            yield DiscoveryHit(label, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Match the typed text against commands, article titles and speakers."""
        matcher = self.matcher(query)
        found = 0
        for label, callback, help_text in self._fixed() + self._dynamic():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), callback, help=help_text)
                found += 1
                if found >= _MAX_HITS:
                    return
