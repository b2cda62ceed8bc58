"""Tests for byline.index.sources.decode and .fileio: reading and decoding article files."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.index.sources import fileio
from byline.index.sources.decode import decode_bytes, read_text
from byline.index.sources.fileio import UnreadableFile

TEXT = "Putin said “no” — café, naïve, 2.0\nSecond line\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "utf-32-le"),
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "utf-32-be"),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16-le-bom", "utf-16-be-bom", "utf-32-le-bom", "utf-32-be-bom"],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data)
    assert text == TEXT  # BOM stripped, nothing else changed
    assert used == encoding


def test_utf16_without_bom_is_recognised_not_binary() -> None:
    text, used = decode_bytes("Plain ASCII article text\n".encode("utf-16-le"))
    assert text == "Plain ASCII article text\n"
    assert used == "utf-16-le"


def test_cp1252_smart_quotes() -> None:
    data = b"He said \x93hello\x94 and it\x92s fine \x96 really\x85"
    text, used = decode_bytes(data)
    assert used == "cp1252"
    assert text == "He said “hello” and it’s fine – really…"


def test_latin1_cafe() -> None:
    text, used = decode_bytes(b"Un caf\xe9 cr\xe8me, s'il vous pla\xeet.")
    assert text == "Un café crème, s'il vous plaît."
    assert used in ("cp1252", "latin-1")  # both decode these bytes the same


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    # 0x81 is undefined in cp1252: the text is Latin-1 (where it is a C1 control).
    text, used = decode_bytes(b"caf\xe9 and some more words \x81 here")
    assert used == "latin-1"
    assert text == "café and some more words \x81 here"


def test_cyrillic_code_page_is_detected() -> None:
    source = "Президент России заявил, что переговоры продолжатся на следующей неделе. " * 3
    text, used = decode_bytes(source.encode("cp1251"))
    assert text == source
    assert used == "cp1251"


def test_png_header_is_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(64)
    with pytest.raises(UnreadableFile) as info:
        decode_bytes(png)
    assert info.value.reason == "binary file"


def test_random_bytes_are_binary() -> None:
    data = random.Random(1234).randbytes(4096)
    with pytest.raises(UnreadableFile, match="binary file"):
        decode_bytes(data)


def test_random_bytes_without_nuls_are_binary_by_control_share() -> None:
    data = random.Random(99).randbytes(4096).replace(b"\x00", b"")
    assert b"\x00" not in data
    with pytest.raises(UnreadableFile) as info:
        decode_bytes(data)
    assert info.value.reason == "binary file"


def test_empty_input_is_empty_text() -> None:
    assert decode_bytes(b"") == ("", "utf-8")


def test_crlf_and_lone_cr_become_lf() -> None:
    text, _ = decode_bytes(b"one\r\ntwo\rthree\n\r\nfour")
    assert text == "one\ntwo\nthree\n\nfour"


def test_crlf_normalised_in_utf16_too() -> None:
    text, _ = decode_bytes(b"\xff\xfe" + "a\r\nb\rc".encode("utf-16-le"))
    assert text == "a\nb\nc"


def test_escape_sequence_kept_literally() -> None:
    data = b"Red \x1b[31mALERT\x1b[0m text\twith tab\x0cand form feed"
    text, used = decode_bytes(data)
    assert used == "utf-8"
    assert text == "Red \x1b[31mALERT\x1b[0m text\twith tab\x0cand form feed"


def test_nothing_else_is_normalised() -> None:
    # Non-breaking space, decomposed é (e + combining acute), leading/trailing space.
    source = "  a\u00a0b e\u0301 \u2028end  \n"
    text, _ = decode_bytes(source.encode("utf-8"))
    assert text == source


def test_a_few_control_chars_do_not_make_text_binary() -> None:
    source = "A normal article line of text. " * 20 + "\x07\x08"
    assert decode_bytes(source.encode())[0] == source


@settings(max_examples=200)
@given(st.binary(max_size=512))
def test_decode_bytes_only_raises_unreadable(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except UnreadableFile as exc:
        assert exc.reason
    else:
        assert "\r" not in text
        assert encoding


@settings(max_examples=300)
@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=200))
def test_utf8_text_round_trips(source: str) -> None:
    # NUL is excluded: "a\0b\0" is indistinguishable from BOM-less UTF-16.
    try:
        text, _ = decode_bytes(source.encode("utf-8"))
    except UnreadableFile:
        return  # text made mostly of control characters
    assert text == source.replace("\r\n", "\n").replace("\r", "\n")


# ----------------------------------------------------------------------- read_text


def test_read_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title\r\n\r\nBody \x93quoted\x94.\r\n")
    assert read_text(path) == ("Title\n\nBody “quoted”.\n", "cp1252")
    assert read_text(str(path))[0].startswith("Title")


def test_read_text_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_text(path) == ("", "utf-8")


def test_read_text_binary_file_has_path(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x00")
    with pytest.raises(UnreadableFile) as info:
        read_text(path)
    assert info.value.reason == "binary file"
    assert info.value.path == str(path)


def test_read_text_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile) as info:
        read_text(tmp_path / "nope.txt")
    assert info.value.reason == "file not found"


def test_read_text_directory(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile) as info:
        read_text(tmp_path)
    assert info.value.reason == "is a directory"


def test_read_text_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile) as info:
        read_text(fifo)
    assert info.value.reason == "named pipe (FIFO)"


def test_read_text_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fileio, "MAX_FILE_SIZE", 10)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    with pytest.raises(UnreadableFile) as info:
        read_text(path)
    assert info.value.reason == "too large"
    path.write_bytes(b"x" * 10)
    assert read_text(path)[0] == "x" * 10


def test_read_text_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root can read a chmod-000 file, so simulate the OS refusing it.
    path = tmp_path / "secret.txt"
    path.write_text("text")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(UnreadableFile) as info:
        read_text(path)
    assert info.value.reason == "permission denied"


# -- issue 12, item 14: mixed encodings and East Asian code pages ---------------------------

UTF8_LINE = "“Oui,” a-t-il dit — “déjà”.\n"
CP1252_LINE = "Élève à l’école: été créé, réalisé, généré, déçu à Orléans — «Ça été» où?\n"


@pytest.mark.parametrize(
    "lines",
    [
        [UTF8_LINE, CP1252_LINE],  # dense: more cp1252 bytes than UTF-8 characters (was "binary file")
        [UTF8_LINE, CP1252_LINE, CP1252_LINE, UTF8_LINE],
        ["Headline about the Café summit\n", "\n", CP1252_LINE, CP1252_LINE, CP1252_LINE],  # light (was Latin-1 whole)
    ],
)
def test_utf8_file_with_a_cp1252_paragraph_keeps_both(lines: list[str]) -> None:
    data = b"".join(line.encode("cp1252" if line == CP1252_LINE else "utf-8") for line in lines)
    text, encoding = decode_bytes(data)
    assert text == "".join(lines)
    assert encoding == "utf-8+cp1252"


def test_a_damaged_utf8_line_is_not_taken_for_cp1252() -> None:
    data = "Première ligne.\n".encode() + b"\xff\xfe" + "Café talks go on.\n".encode()
    text, encoding = decode_bytes(data)
    assert text == "Première ligne.\n\ufffd\ufffdCafé talks go on.\n" and encoding == "utf-8"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("東京で記者会見が開かれ、首相は「経済対策を急ぐ」と述べた。", "shift_jis"),
        ("日本語のテキスト", "shift_jis"),
        ("円安が進む", "euc_jp"),
        ("北京时间周四，外交部发言人表示，中方将继续推动和平谈判。", "gb18030"),
        ("你好，世界", "gb18030"),
        ("台北時間週四，外交部發言人表示，將繼續推動和平談判。", "big5"),
        ("서울에서 열린 기자회견에서 대통령은 경제 대책을 서두르겠다고 말했다.", "euc_kr"),
    ],
)
def test_east_asian_text_is_read_in_its_code_page(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec))[0] == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("北京\n\n外交部发言人", "gb18030"),  # was cp1252 mojibake
        ("习近平会见普京", "gb18030"),  # was cp949 mojibake
        ("東京", "euc_jp"),  # was Big5 mojibake
        ("Taipei: 外交部 said today", "big5"),  # was cp1252 mojibake
        ("Beijing: 外交部 said today", "gb18030"),
    ],
)
def test_short_east_asian_text_is_read_right_or_skipped_as_unsure(text: str, codec: str) -> None:
    """Either the right text or a skip that says the encoding could not be told: never mojibake."""
    data = text.encode(codec)
    try:
        decoded, _ = decode_bytes(data)
    except UnreadableFile as exc:
        assert exc.reason.startswith("cannot tell the encoding (") and exc.reason.endswith("?)")
    else:
        assert decoded == text


def test_unsure_east_asian_files_are_named_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("习近平会见普京".encode("gb18030"))
    with pytest.raises(UnreadableFile) as info:
        read_text(path)
    assert info.value.reason == "cannot tell the encoding (EUC-JP or GB18030?)"
    assert fileio.is_lasting(info.value.reason)  # not read again until the file changes


def test_western_text_with_many_accents_stays_western() -> None:
    text = "Müller, Göring, Bärbel und Jürgen trafen sich in Zürich; café, naïve, Straße.\n"
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")
