"""Showing article text literally in a terminal, and JSON that is safe to print.

Articles may hold anything: ``[bold]``-like markup, ANSI escape sequences, C1
control characters, bidirectional overrides. The engine keeps the text as it is
(offsets depend on it); whatever prints it first passes it through
:func:`printable`, which swaps every control character for a visible stand-in of
the same length (one character), so offsets still line up and nothing reaches
the terminal as a command. Each function is one ``str.translate`` pass.
"""

from __future__ import annotations

import json
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


def printable(text: str) -> str:
    """``text`` with control characters replaced one-for-one by visible symbols (same length).

    C0 controls become ``␀``…``␟`` (``␛`` for ESC), DEL ``␡``; C1 controls,
    bidirectional overrides and lone surrogates (file names that are not valid
    UTF-8) become ``\ufffd``. Tabs and line breaks are kept.
    """
    return text.translate(_CONTROL_MAP)


def one_line(text: str) -> str:
    """:func:`printable`, with line breaks and tabs made visible too (``␊``, ``␉``): for file names and messages.

    A file name may hold a newline; a message naming it must still be one line.
    """
    return text.translate(_LINE_MAP)


def json_line(obj: dict[str, Any]) -> str:
    """One JSON object on one line, UTF-8 kept readable, with nothing a terminal would act on.

    C1 controls, line and paragraph separators, bidirectional overrides and lone
    surrogates are written as ``\\uXXXX`` escapes, so the line parses back to the
    same strings.
    """
    return json.dumps(obj, ensure_ascii=False).translate(_JSON_MAP)
