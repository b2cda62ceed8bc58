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

from byline.index.jsonout import BIDI_CONTROLS, JSON_MAP, SURROGATES, char_class, json_line

_CONTROL_MAP: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_CONTROL_MAP[0x7F] = "\u2421"  # ␡
_CONTROL_MAP.update({code: "\ufffd" for code in (*range(0x80, 0xA0), *BIDI_CONTROLS, *SURROGATES)})

_LINE_MAP = {**_CONTROL_MAP, 0x0A: "\u240a", 0x09: "\u2409"}

_JSON_MAP = JSON_MAP
"""What ``json.dumps(ensure_ascii=False)`` leaves raw but a terminal would act on (see :mod:`byline.index.jsonout`)."""

_CONTROL_FIND = char_class(_CONTROL_MAP)
_LINE_FIND = char_class(_LINE_MAP)


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


__all__ = ["json_line", "one_line", "printable"]
