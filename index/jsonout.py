"""JSON text that is safe to print: one encoder and one escaping, for the command line and the stored quotations.

``json.dumps(ensure_ascii=False)`` keeps text readable but leaves raw what a
terminal would act on: C1 controls, line and paragraph separators,
bidirectional overrides, lone surrogates (file-name bytes that are not UTF-8).
These are written as ``\\uXXXX`` escapes, so a line parses back to the same
strings. Escaping is done per character of the encoded text, so the JSON of a
whole object is the JSON of its parts put together: the quotation lines kept
with the index (:mod:`.quotejson`) are pieces encoded here, and the command line
prints whole objects encoded here, byte for byte the same.

Imports nothing but the standard library (``byline --version`` and the CLI's
argument parsing use :mod:`byline.display`, which uses this).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""Marks and overrides that change the direction text is drawn in (a file name can hide its extension)."""
SURROGATES = range(0xD800, 0xE000)
"""Lone surrogates: how Python carries file-name bytes that are not UTF-8."""

JSON_MAP: dict[int, str] = {code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), 0x2028, 0x2029, *BIDI_CONTROLS, *SURROGATES)}
"""What ``json.dumps(ensure_ascii=False)`` leaves raw but a terminal would act on (C0 it escapes itself)."""


def char_class(codes: Iterable[int]) -> re.Pattern[str]:
    """A pattern matching any of ``codes``, written as ranges (2,000 surrogates compile in microseconds, not ms).

    ``str.translate`` with a dict looks every character up (~0.1 µs each on
    text that is not ASCII); a regex search for the few it changes runs in C at
    a few ns a character, and most text has none of them.
    """
    ranges: list[tuple[int, int]] = []
    for code in sorted(set(codes)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    parts = [
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    ]
    return re.compile("[" + "".join(parts) + "]")


_FIND = char_class(JSON_MAP)
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def escaped(encoded: str) -> str:
    """Encoded JSON with what a terminal would act on written as ``\\uXXXX`` (see :data:`JSON_MAP`)."""
    return encoded.translate(JSON_MAP) if _FIND.search(encoded) else encoded


def json_line(obj: dict[str, Any]) -> str:
    """One JSON object on one line, UTF-8 kept readable, with nothing a terminal would act on."""
    return escaped(_ENCODER.encode(obj))


def json_value(value: Any) -> str:
    """One JSON value (a string, a number, ``null``…) as :func:`json_line` writes it inside an object."""
    return escaped(_ENCODER.encode(value))


def json_members(obj: dict[str, Any]) -> str:
    """The members of an object as :func:`json_line` writes them, without the braces (``"a": 1, "b": null``)."""
    return escaped(_ENCODER.encode(obj))[1:-1]
