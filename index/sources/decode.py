"""Decoding a text file: bytes in, article text out.

The *article text* is what every offset in Byline refers to (see
:mod:`byline.index.models`). It is the decoded file contents with exactly one
change: line endings are normalised to ``\\n`` (``\\r\\n`` and a lone ``\\r`` both
become ``\\n``). Everything else is kept literally so that offsets stay stable:

* no Unicode normalisation (no NFC), no stripping, no whitespace folding;
  non-breaking spaces, zero-width characters and the like stay as they are;
* other control characters (C0 such as ``\\x1b`` ESC, form feed, or C1) are kept
  in the text too; the view escapes them when it displays an article. Only a
  *high share* of control characters makes a file count as binary;
* other Unicode line separators (``\\x85``, ``\\u2028``) are not line breaks in
  the article text: only ``\\n`` is.

Decoding order (:func:`decode_bytes`): a byte order mark wins (UTF-8, UTF-32,
UTF-16, in that order of testing; the mark is dropped); then BOM-less UTF-16
recognised by its pattern of NUL bytes; then strict UTF-8; then UTF-8 with its
few invalid bytes replaced by U+FFFD, when the file is mostly valid UTF-8 (a
damaged byte in the middle of a good file does not turn the whole article into
mojibake); then, for text that looks Western (mostly ASCII letters with a few high
bytes), cp1252 when the bytes are valid cp1252 (so ``0x93``/``0x94`` are “ ” and
``0x92`` is ’) else Latin-1; for other text the guess of ``charset-normalizer``.
A few stray NUL bytes in a text file are kept (as ``\x00``, shown as ␀) and NUL
padding at its end is dropped; many NUL bytes or many control characters make a
binary file.
"""

from __future__ import annotations

import os
import re
import unicodedata

from .fileio import UnreadableFile, read_bytes

__all__ = ["decode_bytes", "normalise_newlines", "read_text"]

_STRAY_NUL_SHARE = 0.01
"""Up to this share of NUL bytes, a file that is not UTF-16 is text with stray NULs."""

_C0_BAD_BYTES = bytes(b for b in range(0x20) if chr(b) not in "\t\n\r\f\v\x1b") + b"\x7f"
"""Bytes that are control characters in every ASCII-compatible encoding (minus the usual ones)."""

_CONTROL_SHARE_LIMIT = 0.05
"""Above this share of control characters a decoded file counts as binary."""

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
"""Control characters that plain text files commonly contain (ESC: terminal colours)."""

_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
"""Control characters other than :data:`_ALLOWED_CONTROLS` (C0, DEL, C1)."""

_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")
"""An invalid byte of a ``surrogateescape`` decoding."""

_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

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


def normalise_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``; change nothing else."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_share(text: str) -> float:
    """The share of characters in ``text`` that are control characters text files do not use."""
    if not text:
        return 0.0
    return len(_CONTROL_RE.findall(text)) / len(text)


def _finish(text: str, encoding: str) -> tuple[str, str]:
    """Reject binary-looking text, normalise line endings, return ``(text, encoding)``."""
    if _control_share(text) > _CONTROL_SHARE_LIMIT:
        raise UnreadableFile("binary file")
    return normalise_newlines(text), encoding


def _try_decode(data: bytes, encoding: str) -> str | None:
    """Decode strictly, or return ``None`` when the bytes are not valid in ``encoding``."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its NUL bytes (mostly-ASCII text); return the codec name."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    even_nul, odd_nul = even.count(0) / half, odd.count(0) / half
    if odd_nul >= 0.7 and even_nul <= 0.02:
        return "utf-16-le"
    if even_nul >= 0.7 and odd_nul <= 0.02:
        return "utf-16-be"
    return None


def _looks_western(data: bytes) -> bool:
    """True for mostly-ASCII text whose few high bytes are accents and typographic marks.

    Text in a non-Latin script (Cyrillic, Greek, CJK) written in a legacy code page
    consists mostly of high bytes; Western text has far more ASCII letters.
    """
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    return high <= 0.3 * (ascii_letters + high)


def _western(data: bytes) -> tuple[str, str]:
    """Decode as cp1252 when every byte is valid there, else as Latin-1 (never fails)."""
    text = _try_decode(data, "cp1252")
    if text is not None:
        return text, "cp1252"
    return data.decode("latin-1"), "latin-1"


def _detect(data: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer; return ``(text, codec)`` for a strictly valid guess, else ``None``."""
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
    text = _try_decode(data, codec)
    if text is None:
        return None
    return text, codec


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a file into article text; return ``(text, encoding name)``.

    The encoding name is one of ``utf-8``, ``utf-8-sig`` (UTF-8 with a BOM),
    ``utf-16-le``/``utf-16-be``, ``utf-32-le``/``utf-32-be``, ``cp1252``,
    ``latin-1``, or a Python codec name guessed by charset-normalizer
    (``cp1251``...). Empty input gives ``("", "utf-8")``.

    Raises :class:`UnreadableFile` (``"binary file"`` or ``"cannot decode text"``)
    and nothing else.
    """
    try:
        return _decode(bytes(data))
    except UnreadableFile:
        raise
    except Exception as exc:  # noqa: BLE001 - promise: only UnreadableFile escapes
        raise UnreadableFile("cannot decode text") from exc


def _decode(data: bytes) -> tuple[str, str]:
    """The body of :func:`decode_bytes` (may raise anything; the caller wraps it)."""
    if not data:
        return "", "utf-8"

    # 1. Byte order marks. UTF-32-LE's mark starts with UTF-16-LE's, so test UTF-32 first.
    if data.startswith(b"\xef\xbb\xbf"):
        text = _try_decode(data[3:], "utf-8")
        if text is not None:
            return _finish(text, "utf-8-sig")
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            text = _try_decode(data[len(bom) :], codec)
            if text is not None:
                return _finish(text, codec)

    # 2. NUL bytes: BOM-less UTF-16, binary, or a text file with a few stray NULs.
    if b"\x00" in data:
        codec16 = _bomless_utf16(data)
        text = _try_decode(data, codec16) if codec16 else None
        if text is not None:
            return _finish(text, codec16)
        data = data.rstrip(b"\x00")  # NUL padding, as a crash or a preallocating writer leaves it
        bad = len(data) - len(data.translate(None, _C0_BAD_BYTES))
        if not data or data.count(0) > _STRAY_NUL_SHARE * len(data) or bad > _CONTROL_SHARE_LIMIT * len(data):
            raise UnreadableFile("binary file")

    # 3. UTF-8 (plain ASCII is UTF-8 too), strictly, then with a few bad bytes replaced.
    text = _try_decode(data, "utf-8")
    if text is not None:
        return _finish(text, "utf-8")
    text = _mostly_utf8(data)
    if text is not None:
        return _finish(text, "utf-8")

    # 4. Legacy code pages.
    if _looks_western(data):
        text, codec = _western(data)
        return _finish(text, codec)
    detected = _detect(data)
    if detected is not None:
        text, codec = detected
        if _control_share(text) <= _CONTROL_SHARE_LIMIT and _mostly_printable(text):
            return _finish(text, codec)
    text, codec = _western(data)
    return _finish(text, codec)


def _mostly_utf8(data: bytes) -> str | None:
    """Decode UTF-8 with invalid bytes replaced by U+FFFD, if the file is mostly UTF-8.

    "Mostly" means it holds at least as many valid non-ASCII UTF-8 characters as
    invalid bytes: text in a legacy code page almost never forms valid multi-byte
    UTF-8 sequences, while a UTF-8 article damaged in one place has many.
    """
    loose = data.decode("utf-8", "surrogateescape")
    invalid = len(_ESCAPED_BYTE_RE.findall(loose))
    valid = len(loose) - len(loose.encode("ascii", "ignore")) - invalid
    if invalid == 0 or valid < invalid:
        return None
    return data.decode("utf-8", "replace")


def _mostly_printable(text: str) -> bool:
    """True unless a detector's guess produced many unassigned or private-use characters."""
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cn", "Co"))
    return bad <= 0.01 * len(text)


def read_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """Read the file at ``path`` and decode it with :func:`decode_bytes`: ``(text, encoding name)``.

    An empty file gives ``("", "utf-8")``: it is the caller's business to skip it.
    Raises :class:`~.fileio.UnreadableFile` (see :func:`~.fileio.read_bytes` and
    :func:`decode_bytes`); the error names the path.
    """
    data = read_bytes(path)
    try:
        return decode_bytes(data)
    except UnreadableFile as exc:
        raise UnreadableFile(exc.reason, os.fspath(path)) from None
