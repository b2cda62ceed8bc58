"""The help screen: every key, and the query syntax."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# Byline: keys

| Key | Where | What it does |
|---|---|---|
| `/` | anywhere | back to the search bar |
| `↑` / `↓` | search bar | earlier / later queries of this corpus; `↓` past the newest: the results |
| `Esc` | search bar | clear the query |
| `Tab` / `Shift+Tab` | anywhere | search bar → articles → reader → side panel |
| `↑ ↓` `j k` `Home End` `PgUp PgDn` | lists, reader | move (the article list loads more as it scrolls) |
| `Enter` | articles | read the article |
| `n` / `N` | anywhere but a text field | next / previous hit (`▶` marks it; `■` on the right shows where the others are) |
| `b` / `Backspace` | anywhere but a text field | back to where the reader was before a jump |
| `Shift+↓` / `Shift+↑`, mouse drag | reader | select text |
| `y`, `Ctrl+C` | reader | copy the selected text |
| `p` | anywhere but a text field | the side panel (on narrow terminals it opens over the reader; `Esc` closes it) |
| `Enter` / click | quotations | show the quotation in the reader, lit |
| `a` | quotations | the other articles carrying the same quotation |
| `y` | quotations | copy the quotation with its citation |
| `f` | quotations, speakers | filter the list (type; `↓` back to the list, `Esc` clears) |
| `s` | anywhere but a text field | the speakers (type to filter them) |
| `Enter` | speakers | that speaker's quotations across the corpus (`Esc`: all speakers) |
| `F` | anywhere but a text field | the facets: the query's articles by outlet, folder and month, with a month histogram |
| `Enter` | facets | narrow the list: adds `outlet:"…"`, `path:…` or `date:YYYY-MM` to the query (edit it there) |
| `← →` | side panel | Quotes ↔ Speakers ↔ Facets |
| `S` | anywhere but a text field | sort the articles: relevance (with a query), date (newest first), title, outlet, folder |
| `o` | anywhere but a text field | open the article's URL in the browser |
| `Ctrl+P` | anywhere | command palette: open an article, go to a speaker, facets, export quotations, sort, theme, screenshot |
| `F1` / `?` | anywhere | this help |
| `q` / `Ctrl+Q` | anywhere but a text field / anywhere | quit |

# Query syntax

| Query | Finds |
|---|---|
| `sanctions` | the word, and its other forms (sanction, sanctioned) |
| `nato lavrov` | articles with both words |
| `nato OR otan` | either word |
| `nato NOT ukraine` | the first without the second |
| `"Russophobic course"` | the exact phrase |
| `kosachov~` | spelled about the same (one edit; `~2` for two) |
| `russo*` | words starting with `russo` (three letters at least) |
| `speaker:Kosachev` | articles quoting that speaker |
| `quote:banalities` | words inside quotations |
| `title:trump` `outlet:firstpost` `author:…` `url:…` | one field |
| `date:2024-11` `date:2024-11-03` `date:[2024-10 TO 2024-11]` | by publication date |
| `path:politics` `path:bbc/politics` | where the article lives: folder and file-name parts |

A query the engine cannot read is repaired, and the line under the search bar says what was searched.

Press `Esc` to close.
"""


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax over the reader."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen #help-box {
        width: 90%;
        max-width: 110;
        height: 90%;
        border: round $accent;
        background: $surface;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "close", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        """The help text in a scrolling box."""
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP, id="help-text")

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
