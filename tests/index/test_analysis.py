"""The one analyser: format characters never split a word (issue 12, item 15), offsets stay the text's."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from byline.index.library import Library
from byline.index.store.analysis import FORMAT_RANGES, PLAIN, STEM, analyze, fold_format


def test_every_format_character_is_folded() -> None:
    listed = {cp for a, b in FORMAT_RANGES for cp in range(a, b + 1)}
    known = {cp for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) == "Cf"}
    assert known <= listed
    assert fold_format("Pu\u200btin\u00ad\u2066") == "Putin"


def test_a_word_with_format_characters_is_one_word_at_its_own_offsets() -> None:
    text = "Pu\u200btin and Lav\u00adrov"
    for kind in (STEM, PLAIN):
        tokens = analyze(text, kind)
        assert [t.text for t in tokens] == ["putin", "and", "lavrov"]
        assert [text[t.start : t.end] for t in tokens] == ["Pu\u200btin", "and", "Lav\u00adrov"]


def test_zero_width_characters_do_not_hide_a_word_from_search(write, tmp_path: Path) -> None:
    path = write("zw.txt", "Talks in Moscow\n\nPu\u200btin met Lav\u00adrov in the Kre\u2060mlin.\n")
    write("plain.txt", "Other talks\n\nPutin spoke.\n")
    with Library.open([write.root], index_dir=tmp_path / "ix") as lib:
        lib.update()
        text = lib.article(str(path)).text
        assert "\u200b" in text  # the text is shown as it is
        for query, word in [("putin", "Pu\u200btin"), ("lavrov", "Lav\u00adrov"), ("kremlin", "Kre\u2060mlin"), ('"putin met"', "Pu\u200btin met")]:
            result = lib.search(query)
            hit = next(h for h in result.hits if h.path == str(path))
            assert [text[s:e] for s, e in hit.spans] == [word], query
        assert lib.search("Pu\u200btin").total == 2  # typed (or pasted) with the invisible character
        assert lib.search("lavr*").total == 1 and lib.search("lavrow~").total == 1
