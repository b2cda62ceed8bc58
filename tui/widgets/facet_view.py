"""The facets view: how many articles the query matches by outlet, folder and month, and a month histogram.

Choosing a line narrows the list by a *visible* query term (:func:`facet_term`)
that the screen adds to the search bar, so the user sees, and can edit, what
filters the list.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from ...index.models import Facets
from .. import safe
from ..messages import FacetChosen

MAX_LINES = 60
"""Lines listed per facet (the rest are counted in one line: narrow the query to see them)."""

_PLAIN_FOLDER = re.compile(r"[\w./-]+")
"""A folder that can stand in a query without quotes."""


def facet_term(facet: str, value: str) -> str:
    """The query term that narrows a list to ``value`` of ``facet`` (``outlet``, ``folder`` or ``month``)."""
    if facet == "month":
        return f"date:{value}"
    clean = " ".join(value.replace('"', " ").split())  # a quote mark would end the phrase
    if facet == "outlet":
        return f'outlet:"{clean}"'
    return f"path:{clean}" if _PLAIN_FOLDER.fullmatch(clean) else f'path:"{clean}"'


def month_series(months: dict[str, int]) -> list[int]:
    """Counts for every month from the first to the last of ``months`` (``YYYY-MM``), empty months as 0."""
    valid = sorted(m for m in months if re.fullmatch(r"\d{4}-\d{2}", m))
    if not valid:
        return []
    year, month = map(int, valid[0].split("-"))
    last = tuple(map(int, valid[-1].split("-")))
    out: list[int] = []
    while (year, month) <= last:
        out.append(months.get(f"{year:04d}-{month:02d}", 0))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


class FacetList(OptionList):
    """The facet lines; Enter (or a click) on one posts :class:`~..messages.FacetChosen`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.terms: dict[str, str] = {}
        """Option id → the query term it adds."""

    def fill(self, facets: Facets) -> None:
        """One heading per facet, then its lines: the count, then the outlet, folder or month."""
        self.clear_options()
        self.terms = {}
        options: list[Option | None] = []
        widest = max((n for counts in (facets.outlet, facets.folder, facets.month) for n in counts.values()), default=0)
        digits = len(f"{widest:,}")
        groups = (
            ("outlet", "Outlets", facets.outlet),
            ("folder", "Folders", facets.folder),
            ("month", "Months", dict(sorted(facets.month.items(), reverse=True))),
        )
        for facet, heading, counts in groups:
            if not counts:
                continue
            if options:
                options.append(None)
            options.append(Option(Text(heading, style="bold"), disabled=True))
            for i, (value, n) in enumerate(counts.items()):
                if i == MAX_LINES:
                    options.append(Option(Text(f"  … {len(counts) - MAX_LINES:,} more", style="dim"), disabled=True))
                    break
                option_id = f"{facet}-{i}"
                self.terms[option_id] = facet_term(facet, value)
                indent = "  " if facet == "folder" and "/" in value else ""
                prompt = Text.assemble((f"{n:>{digits},}  ", "bold"), indent, safe.text(value))
                options.append(Option(prompt, id=option_id))
        self.add_options(options)
        first = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        self.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Narrow the list to the line chosen."""
        event.stop()
        term = self.terms.get(event.option.id or "")
        if term:
            self.post_message(FacetChosen(term))


class FacetView(Vertical):
    """A summary line, the month histogram with its first and last month, and the facet lines."""

    DEFAULT_CSS = """
    FacetView {
        padding: 0 1;
    }
    FacetView #facets-summary, FacetView #facets-span {
        height: 1;
        width: 100%;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    FacetView #facets-span {
        color: $text-muted;
    }
    FacetView #facets-months {
        height: 2;
        width: 100%;
    }
    FacetView.-no-months #facets-months, FacetView.-no-months #facets-span {
        display: none;
    }
    FacetView FacetList, FacetView FacetList:focus {
        height: 1fr;
        width: 100%;
        border: none;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = []

    def compose(self) -> ComposeResult:
        """Summary, histogram, the histogram's span, then the lines."""
        yield Static("", id="facets-summary", markup=False)
        yield Sparkline([], id="facets-months")
        yield Static("", id="facets-span", markup=False)
        yield FacetList(id="facets-list")

    def on_mount(self) -> None:
        """Nothing counted yet."""
        self.set_class(True, "-no-months")

    @property
    def lines(self) -> FacetList:
        """The facet lines."""
        return self.query_one(FacetList)

    def show(self, facets: Facets, query: str) -> None:
        """The counts for ``query`` (blank: every article)."""
        what = "match" if query.strip() else "in the corpus"
        summary = f"{facets.total:,} article{'s' if facets.total != 1 else ''} {what}"
        self.query_one("#facets-summary", Static).update(summary)
        series = month_series(facets.month)
        self.set_class(not series, "-no-months")
        self.query_one(Sparkline).data = series
        months = sorted(facets.month)
        if months:
            span = months[0] if months[0] == months[-1] else f"{months[0]} … {months[-1]}"
            self.query_one("#facets-span", Static).update(f"{span} · by month")
        self.lines.fill(facets)
        if not self.lines.option_count:
            self.lines.add_option(Option(Text("Nothing to count.", style="dim"), disabled=True))

    def show_message(self, message: str) -> None:
        """No counts: say why (counting, or a failure)."""
        self.query_one("#facets-summary", Static).update(safe.plain(message))
        self.set_class(True, "-no-months")
        self.lines.clear_options()
        self.lines.terms = {}

    def focus_list(self) -> None:
        """Focus the facet lines."""
        self.lines.focus()
