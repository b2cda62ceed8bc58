"""Legacy code pages: Western single-byte text, other single-byte scripts, East Asian double-byte text.

Text that is not UTF-8 (nor UTF-16/32) is in a legacy code page, which bytes alone
do not name. :mod:`.decode` asks this module in three steps:

1. :func:`looks_western`: mostly ASCII letters with a few isolated high bytes
   (accents, typographic quotes) is cp1252, or Latin-1 where cp1252 leaves a byte
   undefined (:func:`western`);
2. the guess of ``charset-normalizer`` (:func:`detect`), taken as it is for a
   single-byte script (Cyrillic, Greek…);
3. East Asian double-byte text (:func:`east_asian`): Shift-JIS, EUC-JP, GB18030,
   Big5 and EUC-KR accept many of the same byte pairs, so a short file decodes
   "validly" in several of them, and all but one give mojibake. Each candidate
   must read as its language is written (kana for Japanese, Hangul between
   spaces for Korean, ideographs and CJK punctuation for Chinese); when more than
   one reading survives and nothing settles it, the file is skipped with a reason
   that says so (``cannot tell the encoding (GB18030 or Big5?)``) instead of
   indexing mojibake.
"""

from __future__ import annotations

import re

from .fileio import CONTENT_REASON_PREFIXES, UnreadableFile

__all__ = ["UNSURE_ENCODING", "detect", "east_asian", "is_east_asian", "looks_double_byte", "looks_western", "western"]

UNSURE_ENCODING = CONTENT_REASON_PREFIXES[0]
"""How the reason for a file skipped because its code page is ambiguous starts."""

_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_HIGH_RUN_RE = re.compile(rb"[\x80-\xff]+")

_WESTERN_ENCODINGS = frozenset(
    {
        "ascii",
        "cp1252",
        "windows_1252",
        "latin_1",
        "iso8859_1",
        "iso8859_15",
        "cp1250",
        "iso8859_2",
        "mac_roman",
        "mac_latin2",
        "cp850",
        "cp437",
    }
)
"""Detector guesses that mean "some Western single-byte code page": use cp1252/Latin-1."""

_EAST_ASIAN = {
    "cp932": ("ja", "Shift-JIS"),
    "euc_jp": ("ja", "EUC-JP"),
    "gb18030": ("zh", "GB18030"),
    "big5": ("zh", "Big5"),
    "cp949": ("ko", "EUC-KR"),
}
"""The East Asian codecs tried on double-byte text: codec → (language, name for the user)."""

_DETECTOR_ALIASES = {
    "shift_jis": "cp932", "shift_jis_2004": "cp932", "shift_jisx0213": "cp932", "cp932": "cp932",
    "euc_jp": "euc_jp", "euc_jis_2004": "euc_jp", "euc_jisx0213": "euc_jp",
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "hz": "gb18030",
    "big5": "big5", "big5hkscs": "big5", "cp950": "big5",
    "euc_kr": "cp949", "cp949": "cp949", "johab": "cp949", "iso2022_kr": "cp949",
    "iso2022_jp": "cp932", "iso2022_jp_2": "cp932",
}  # fmt: skip
"""Detector guesses that mean one of :data:`_EAST_ASIAN`'s codecs."""

_MIN_SETTLED_BYTES = 64
"""With at least this many high bytes, the detector's frequency statistics settle a tie."""


def looks_western(data: bytes) -> bool:
    """True for mostly-ASCII text whose few high bytes are accents and typographic marks.

    Text in a non-Latin script (Cyrillic, Greek, CJK) written in a legacy code page
    consists mostly of high bytes; Western text has far more ASCII letters, and its
    high bytes stand alone between letters (``café``, ``“quote”``), where East Asian
    double-byte characters always come in runs of two or more (``Beijing: 外交部``).
    """
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high == 0:
        return True
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    if high > 0.3 * (ascii_letters + high):
        return False
    return not looks_double_byte(data)


def looks_double_byte(data: bytes) -> bool:
    """True when most high bytes come in runs of two or more, as East Asian double-byte characters do."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    in_runs = sum(len(run) for run in _HIGH_RUN_RE.findall(data) if len(run) >= 2)
    return high >= 4 and in_runs >= 0.6 * high


def western(data: bytes) -> tuple[str, str]:
    """Decode as cp1252 when every byte is valid there, else as Latin-1 (never fails)."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def detect(data: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer; return ``(text, codec)`` for a strictly valid non-Western guess, else ``None``."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - the detector must never break reading
        return None
    if best is None or not best.encoding:
        return None
    codec = best.encoding.lower().replace("-", "_")
    if codec in _WESTERN_ENCODINGS or codec.startswith(("utf_16", "utf_32")):
        return None
    try:
        return data.decode(codec), codec
    except (UnicodeDecodeError, LookupError):
        return None


def is_east_asian(codec: str) -> bool:
    """True when ``codec`` (a Python codec name) is one of the East Asian double-byte code pages."""
    return codec in _DETECTOR_ALIASES


# --------------------------------------------------------------------------- East Asian text


def _in(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    """True when ``ch``'s code point lies in one of ``ranges`` (inclusive)."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in ranges)


_COMMON = (
    (0x00A0, 0x00B7), (0x00D7, 0x00D7), (0x00F7, 0x00F7), (0x2010, 0x205E), (0x2190, 0x21FF),
    (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0x4E00, 0x9FFF),
    (0xFF01, 0xFF60), (0xFFE0, 0xFFEF),
)  # fmt: skip
"""Characters every CJK language writes: punctuation, symbols, ideographs, full-width forms."""
_KANA = ((0x3040, 0x30FF),)
_HANGUL = ((0xAC00, 0xD7A3),)
_SCRIPTS = {"ja": _COMMON + _KANA, "zh": _COMMON, "ko": _COMMON + _HANGUL}


_LEVEL_ONE = {
    "ja": ("euc_jp", 0xB0, 0xCF),  # JIS X 0208 level 1: the 2,965 common kanji
    "zh-hans": ("gb2312", 0xB0, 0xD7),  # GB 2312 level 1: the 3,755 common hanzi
    "zh-hant": ("big5", 0xA4, 0xC6),  # Big5 level 1: the 5,401 common hanzi
    "ko": ("euc_kr", 0xB0, 0xC8),  # KS X 1001: the 2,350 common Hangul syllables
}
"""Where each national standard keeps its common characters: the codec and the rows (lead bytes)."""
_WIDE_GAP_RE = re.compile(r"[^\x00-\x7f] (?=[^\x00-\x7f])")
"""A space between two non-ASCII characters."""
_COMMON_SHARE = 0.85
"""A real text has at least this share of its ideographs (Hangul, for Korean) among the common ones."""


def _is_common(ch: str, standard: str) -> bool:
    """True when ``ch`` is among the common characters of ``standard`` (see :data:`_LEVEL_ONE`)."""
    codec, low, high = _LEVEL_ONE[standard]
    try:
        encoded = ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and low <= encoded[0] <= high


def _reads_as(text: str, codec: str) -> bool:
    """True when ``text``, read from bytes in ``codec``, reads as its language is written.

    Every non-ASCII character must be one the language writes; the ideographs
    (Hangul syllables, for Korean) must be mostly the common ones of its national
    standard (mojibake from a wrong codec lands on rare ones); Japanese prose has
    kana (particles); Korean separates words of Hangul with spaces and Chinese has
    neither kana nor Hangul.
    """
    language = _EAST_ASIAN[codec][0]
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide or not all(_in(ch, _SCRIPTS[language]) for ch in wide):
        return False
    kana = sum(1 for ch in wide if _in(ch, _KANA))
    hangul = [ch for ch in wide if _in(ch, _HANGUL)]
    ideographs = [ch for ch in wide if 0x4E00 <= ord(ch) <= 0x9FFF]
    if language == "ko":
        return (
            len(hangul) >= 0.8 * len(wide)
            and sum(_is_common(ch, "ko") for ch in hangul) >= _COMMON_SHARE * len(hangul)
            and (len(hangul) < 4 or text.count(" ") * 6 >= len(hangul))
        )
    if _WIDE_GAP_RE.search(text) and len(_WIDE_GAP_RE.findall(text)) * 10 > len(wide):
        return False  # words of CJK characters between spaces: Korean, not Chinese or Japanese
    standard = "ja" if language == "ja" else ("zh-hant" if codec == "big5" else "zh-hans")
    if ideographs and sum(_is_common(ch, standard) for ch in ideographs) < _COMMON_SHARE * len(ideographs):
        return False
    if language == "ja":
        return kana >= 0.1 * len(wide) or len(wide) < 10
    return True


def east_asian(data: bytes, guess: str | None) -> tuple[str, str] | None:
    """Decode East Asian double-byte text: ``(text, codec)``, or ``None`` when it reads as no such text.

    ``guess`` is the detector's codec, if any. Raises :class:`~.fileio.UnreadableFile`
    (``cannot tell the encoding (…?)``) when two code pages read the bytes as two
    different plausible texts and neither the script (kana, Hangul) nor enough
    text for the detector's statistics settles which.
    """
    readings: dict[str, str] = {}
    for codec in _EAST_ASIAN:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _reads_as(text, codec):
            readings[codec] = text
    if not readings:
        settled = _DETECTOR_ALIASES.get(guess or "")
        if settled is not None:  # the detector saw double-byte text, but it reads as nothing
            raise UnreadableFile(f"{UNSURE_ENCODING} ({_EAST_ASIAN[settled][1]}?)")
        return None
    kana = {c: t for c, t in readings.items() if _EAST_ASIAN[c][0] == "ja" and any(_in(ch, _KANA) for ch in t)}
    if kana and len(set(kana.values())) == 1:
        readings = kana  # kana come only from Japanese (GB2312 and EUC-KR have them at the same codes)
    texts = set(readings.values())
    if len(texts) == 1:
        codec = next(iter(readings))
        return readings[codec], codec
    settled = _DETECTOR_ALIASES.get(guess or "")
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if settled in readings and high >= _MIN_SETTLED_BYTES:
        return readings[settled], settled
    names = [_EAST_ASIAN[c][1] for c in readings]
    raise UnreadableFile(f"{UNSURE_ENCODING} ({', '.join(names[:-1])} or {names[-1]}?)")
