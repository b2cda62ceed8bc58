"""Escaping for the terminal: the fast path (a regex search first) gives what one translation of every character gives."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from byline import display

TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(["\x1b", "\x00", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\u202e", "\u2066", "\u061c", "\t", "\n"]),
        st.sampled_from(list("ab “”é’\\\"")),
        st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),  # file-name bytes that are not UTF-8
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_escaping_equals_a_translation_of_every_character(text: str) -> None:
    assert display.printable(text) == text.translate(display._CONTROL_MAP)
    assert display.one_line(text) == text.translate(display._LINE_MAP)
    line = display.json_line({"t": text, "also": [text]})
    assert line == json.dumps({"t": text, "also": [text]}, ensure_ascii=False).translate(display._JSON_MAP)
    assert json.loads(line) == {"t": text, "also": [text]}
    assert "\n" not in line and not any(0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029\u202e" for c in line)


def test_plain_text_is_returned_as_it_is() -> None:
    text = "“Plain,” she said — ünïcode and all."
    assert display.printable(text) is text and display.one_line(text) is text
