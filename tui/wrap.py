"""Word-wrapping article text into screen lines that remember their character offsets.

The reader never reflows text through Rich: it cuts the article into visual
lines itself, each a ``(start, end)`` slice of the article text, so a character
offset from the engine (a search hit, a quotation) maps straight to a line
number to scroll to, and highlighting a span is styling a slice of each line it
touches. Nothing here imports Textual.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from ..display import printable


def screen_text(text: str) -> str:
    """``text`` as the reader draws it: control characters made visible, tabs as spaces.

    Same length as ``text``, so every engine offset still points at the same character.
    """
    return printable(text).replace("\t", " ")


@dataclass(frozen=True)
class WrappedText:
    """An article cut into visual lines of at most ``width`` cells."""

    text: str
    width: int
    lines: tuple[tuple[int, int], ...]
    """``(start, end)`` offsets of each visual line (the newline itself belongs to no line)."""
    starts: tuple[int, ...]
    """The start offset of each line, for bisecting."""

    def line_of(self, offset: int) -> int:
        """Index of the visual line that shows character ``offset`` (clamped to the text)."""
        if not self.lines:
            return 0
        return max(0, bisect_right(self.starts, offset) - 1)


def wrap_text(text: str, width: int) -> WrappedText:
    """Cut ``text`` (already :func:`screen_text`) into lines of at most ``width`` cells.

    Lines break after spaces where they can and mid-word only when one word is
    wider than the line. Wide (CJK) characters count as two cells.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        if not raw:
            lines.append((pos, pos))
        elif raw.isascii() and len(raw) <= width:
            lines.append((pos, end))
        else:
            lines.extend(_wrap_line(raw, pos, width))
        pos = end + 1
    return WrappedText(text=text, width=width, lines=tuple(lines), starts=tuple(s for s, _ in lines))


def _wrap_line(raw: str, base: int, width: int) -> list[tuple[int, int]]:
    """Greedy wrap of one paragraph (no newlines) starting at offset ``base``."""
    ascii_only = raw.isascii()
    out: list[tuple[int, int]] = []
    start = 0
    n = len(raw)
    while start < n:
        # the longest prefix from ``start`` that fits
        if ascii_only:
            stop = min(n, start + width)
        else:
            stop, cells = start, 0
            while stop < n:
                w = cell_len(raw[stop])
                if cells + w > width:
                    break
                cells += w
                stop += 1
            stop = max(stop, start + 1)  # a character wider than the line still advances
        if stop >= n:
            out.append((base + start, base + n))
            break
        brk = raw.rfind(" ", start, stop + 1)
        if brk > start:
            cut, nxt = brk, brk + 1  # break at the space; it is not drawn at the line end
            while nxt < n and raw[nxt] == " " and nxt - start < width * 2:
                nxt += 1
        else:
            cut = nxt = stop  # one word longer than the line: cut it
        out.append((base + start, base + cut))
        start = nxt
    return out
