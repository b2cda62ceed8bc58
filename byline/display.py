"""Showing article text literally in a terminal, and JSON that is safe to print.

Articles may hold anything: ``[bold]``-like markup, ANSI escape sequences, C1
control characters, bidirectional overrides. The engine keeps the text as it is
(offsets depend on it); whatever prints it first passes it through
:func:`printable`, which swaps every control character for a visible stand-in of
the same length (one character), so offsets still line up and nothing reaches
the terminal as a command. Each function is one regex search, and one
``str.translate`` pass when the search finds something to replace.
"""

from __future__ import annotations

import json
import re
from typing import Any

_BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""Marks and overrides that change the direction text is drawn in (a file name can hide its extension)."""
_SURROGATES = range(0xD800, 0xE000)
"""Lone surrogates: how Python carries file-name bytes that are not UTF-8."""

_CONTROL_MAP: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_CONTROL_MAP[0x7F] = "\u2421"  # ␡
_CONTROL_MAP.update({code: "\ufffd" for code in (*range(0x80, 0xA0), *_BIDI_CONTROLS, *_SURROGATES)})

_LINE_MAP = {**_CONTROL_MAP, 0x0A: "\u240a", 0x09: "\u2409"}

_JSON_MAP: dict[int, str] = {
    code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), 0x2028, 0x2029, *_BIDI_CONTROLS, *_SURROGATES)
}
"""What ``json.dumps(ensure_ascii=False)`` leaves raw but a terminal would act on (C0 it escapes itself)."""


def _finder(codes: dict[int, str]) -> re.Pattern[str]:
    """A pattern matching any character ``codes`` maps: text without one is returned as it is.

    ``str.translate`` with a dict looks every character up (~0.1 µs each on
    text that is not ASCII); a regex search for the few it changes runs in C at
    a few ns a character, and most text has none of them.
    """
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(codes)) + "]")


_CONTROL_FIND = _finder(_CONTROL_MAP)
_LINE_FIND = _finder(_LINE_MAP)
_JSON_FIND = _finder(_JSON_MAP)
_JSON = json.JSONEncoder(ensure_ascii=False)


def printable(text: str) -> str:
    """``text`` with control characters replaced one-for-one by visible symbols (same length).

    C0 controls become ``␀``…``␟`` (``␛`` for ESC), DEL ``␡``; C1 controls,
    bidirectional overrides and lone surrogates (file names that are not valid
    UTF-8) become ``\ufffd``. Tabs and line breaks are kept.
    """
    return text.translate(_CONTROL_MAP) if _CONTROL_FIND.search(text) else text


def one_line(text: str) -> str:
    """:func:`printable`, with line breaks and tabs made visible too (``␊``, ``␉``): for file names and messages.

    A file name may hold a newline; a message naming it must still be one line.
    """
    return text.translate(_LINE_MAP) if _LINE_FIND.search(text) else text


def json_line(obj: dict[str, Any]) -> str:
    """One JSON object on one line, UTF-8 kept readable, with nothing a terminal would act on.

    C1 controls, line and paragraph separators, bidirectional overrides and lone
    surrogates are written as ``\\uXXXX`` escapes, so the line parses back to the
    same strings.
    """
    line = _JSON.encode(obj)
    return line.translate(_JSON_MAP) if _JSON_FIND.search(line) else line

