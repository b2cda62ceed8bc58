"""The command palette: Byline's entries (open an article, go to a speaker, export, sort) and a palette that cannot crash on a key burst.

Titles and names come from articles: they are shown through :mod:`.safe`
(a title holding ``[@click=app.quit]`` is text, never an action), and the
fuzzy-match highlight is laid over that literal text.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from . import safe
from .values import SORT_HELP, SORT_NAMES, SORT_ORDERS
from .widgets.speaker_list import KIND_LABELS

if TYPE_CHECKING:
    from .app import BylineApp

MAX_HITS = 2000
"""Stop matching after this many hits (a big corpus has many titles)."""


class BylinePalette(CommandPalette):
    """Textual's command palette, with page keys that do nothing before the list is drawn.

    ``Ctrl+P`` and ``PageDown`` arriving in one burst reach Textual's option list
    before it has laid out its lines, and its ``_move_page`` raises ``KeyError``.
    """

    def _action_command_list(self, action: str) -> None:
        try:
            super()._action_command_list(action)
        except (KeyError, IndexError):
            pass


class BylineCommands(Provider):
    """Byline's own commands, next to Textual's (theme, keys, screenshot, quit)."""

    @property
    def byline(self) -> BylineApp:
        """The app (typed)."""
        from .app import BylineApp

        app = self.app
        assert isinstance(app, BylineApp)
        return app

    async def startup(self) -> None:
        """Have the speakers listed, so that they can be searched for."""
        self.byline.main.want_speakers()

    def _fixed(self) -> list[tuple[str, Callable[[], object], str]]:
        main = self.byline.main
        out: list[tuple[str, Callable[[], object], str]] = [
            ("Export quotations as Markdown", partial(main.export_quotes, "markdown"), "Write the quotations listed in the side panel to a .md file"),
            ("Export quotations as CSV", partial(main.export_quotes, "csv"), "Write the quotations listed in the side panel to a .csv file"),
            ("Export quotations as JSON", partial(main.export_quotes, "json"), "Write the quotations listed in the side panel to a .json file"),
            ("Speakers", main.action_speakers, "Every speaker of the corpus with quote counts"),
            ("Facets", main.action_facets, "Articles of the query by outlet, folder and month (choose one to narrow the list)"),
        ]
        for order in SORT_ORDERS:
            out.append((f"Sort articles {SORT_NAMES[order]}", partial(main.set_sort, order), f"{SORT_HELP[order].capitalize()} (remembered)"))
        return out

    def _dynamic(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.byline
        main = app.main
        out: list[tuple[str, Callable[[], object], str]] = []
        for summary in app.summaries.values():
            facts = " · ".join(x for x in (summary.outlet, summary.date) if x)
            out.append((f"Open: {summary.title or '(untitled)'}", partial(main.open_article, summary.key), facts))
        for speaker in main.side.speakers.all_speakers:
            kind = "" if speaker.kind == "person" else f"{KIND_LABELS[speaker.kind]} · "
            out.append((f"Speaker: {speaker.name}", partial(main.go_to_speaker, speaker.name), f"{kind}{speaker.quotes} quotations in {speaker.articles} articles"))
        return out

    async def discover(self) -> Hits:
        """What the palette shows before anything is typed."""
        for label, callback, help_text in self._fixed():
            yield DiscoveryHit(safe.content(label), callback, text=safe.plain(label), help=safe.markup(help_text))

    async def search(self, query: str) -> Hits:
        """Match the typed text against commands, article titles and speakers."""
        matcher = self.matcher(query)
        found = 0
        for label, callback, help_text in self._fixed() + self._dynamic():
            shown = safe.plain(label)
            score = matcher.match(shown)
            if score > 0:
                yield Hit(score, self._highlight(matcher, shown), callback, text=shown, help=safe.markup(help_text))
                found += 1
                if found >= MAX_HITS:
                    return

    @staticmethod
    def _highlight(matcher: Matcher, shown: str) -> Content:
        """``shown`` as literal content, with the letters that matched the query underlined."""
        _, offsets = matcher.fuzzy_search.match(matcher.query, shown)
        content = Content(shown)
        for offset in offsets:
            if offset < len(shown) and not shown[offset].isspace():
                content = content.stylize("bold underline", offset, offset + 1)
        return content
