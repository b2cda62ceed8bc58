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
| `Tab` / `Shift+Tab` | anywhere | search bar → articles → reader → side panel |
| `↑ ↓` `j k` `Home End` `PgUp PgDn` | lists, reader | move |
| `Enter` | articles | read the article |
| `Enter` / click | quotes | show the quotation in the reader, lit |
| `Enter` | speakers | list that speaker's quotations across the corpus |
| `Esc` | a speaker's quotations | back to all speakers |
| `← →` | side panel | switch between Quotes and Speakers |
| `n` / `N` | anywhere but the search bar | next / previous hit in the reader |
| `b` / `Backspace` | anywhere but the search bar | back to where the reader was before a jump |
| `a` | quotes | the other articles carrying the same quotation |
| `y` | quotes | copy the quotation with its citation |
| `o` | anywhere but the search bar | open the article's URL in the browser |
| `s` | anywhere but the search bar | the speakers view |
| `Ctrl+P` | anywhere | command palette: open an article, go to a speaker, export quotations, theme |
| `F1` / `?` | anywhere | this help |
| `q` / `Ctrl+Q` | anywhere but the search bar / anywhere | quit |

# Query syntax

| Query | Finds |
|---|---|
| `sanctions` | the word, and its other forms (sanction, sanctioned) |
| `nato lavrov` | articles with both words |
| `nato OR otan` | either word |
| `nato NOT ukraine` | the first without the second (also `-ukraine`) |
| `"Russophobic course"` | the exact phrase |
| `kosachov~` | spelled about the same (one edit; `~2` for two) |
| `russo*` | words starting with `russo` (three letters at least) |
| `speaker:Kosachev` | articles quoting that speaker |
| `quote:banalities` | words inside quotations |
| `title:trump` `outlet:firstpost` `author:…` `url:…` | one field |
| `date:2024-11` `date:2024-11-03` `date:[2024-10 TO 2024-11]` | by publication date |

A query the engine cannot read is repaired, and the line under the search bar says what was searched.

Press `Esc` to close.
"""


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax over the reader."""

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
