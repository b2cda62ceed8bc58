"""Showing article text literally in a terminal.

Articles may hold anything: ``[bold]``-like markup, ANSI escape sequences, C1
control characters. The engine keeps the text as it is (offsets depend on it);
whatever prints it first passes it through :func:`printable`, which swaps every
control character for a visible stand-in of the same length (one character), so
offsets still line up and nothing reaches the terminal as a command.
"""

from __future__ import annotations

import json
from typing import Any

_CONTROL_MAP: dict[int, str] = {}
for _code in range(0x20):
    if _code not in (0x09, 0x0A):
        _CONTROL_MAP[_code] = chr(0x2400 + _code)  # ␀ … ␟ (␛ for ESC)
_CONTROL_MAP[0x7F] = "\u2421"  # ␡
for _code in range(0x80, 0xA0):
    _CONTROL_MAP[_code] = "\ufffd"
for _code in (0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069):
    _CONTROL_MAP[_code] = "\ufffd"  # bidirectional overrides


def printable(text: str) -> str:
    """``text`` with control characters replaced one-for-one by visible symbols (same length).

    Lone surrogates (file names that are not valid UTF-8) become ``\ufffd`` too.
    """
    out = text.translate(_CONTROL_MAP)
    if any("\ud800" <= ch <= "\udfff" for ch in out):
        out = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in out)
    return out


def one_line(text: str) -> str:
    """:func:`printable`, with line breaks and tabs made visible too (``␊``, ``␉``): for file names and messages.

    A file name may hold a newline; a message naming it must still be one line.
    """
    return printable(text).replace("\n", "\u240a").replace("\t", "\u2409")


def json_line(obj: dict[str, Any]) -> str:
    """One JSON object on one line, UTF-8 kept readable but with no raw control characters."""
    out = json.dumps(obj, ensure_ascii=False)
    return "".join(
        f"\\u{ord(ch):04x}" if 0x7F <= ord(ch) < 0xA0 or ord(ch) in (0x2028, 0x2029) or 0xD800 <= ord(ch) <= 0xDFFF else ch
        for ch in out
    )
