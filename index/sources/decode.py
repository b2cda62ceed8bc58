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
recognised by its pattern of NUL bytes; then strict UTF-8; then, for a UTF-8 file
some of whose lines are in a Western code page (a cp1252 paragraph pasted into a
UTF-8 article), each line in its own encoding; then UTF-8 with its few invalid
bytes replaced by U+FFFD, when the file is mostly valid UTF-8 (a damaged byte in
the middle of a good file does not turn the whole article into mojibake); then a
legacy code page (:mod:`.legacy`): cp1252 or Latin-1 for text that looks Western,
the guess of ``charset-normalizer`` for other single-byte scripts, and for East
Asian double-byte text the one code page whose reading is plausible, or a skip
(``cannot tell the encoding (…?)``) when several are. A few stray NUL bytes in a
text file are kept (as ``\x00``, shown as ␀) and NUL padding at its end is
dropped; many NUL bytes or many control characters make a binary file.
"""

from __future__ import annotations

import os
import re
import unicodedata

from . import legacy
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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a file into article text; return ``(text, encoding name)``.

    The encoding name is one of ``utf-8``, ``utf-8-sig`` (UTF-8 with a BOM),
    ``utf-16-le``/``utf-16-be``, ``utf-32-le``/``utf-32-be``, ``utf-8+cp1252``
    (``utf-8+latin-1``: a UTF-8 file with lines in a Western code page),
    ``cp1252``, ``latin-1``, or a Python codec name (``cp1251``, ``cp932``…).
    Empty input gives ``("", "utf-8")``.

    Raises :class:`UnreadableFile` (``"binary file"``, ``"cannot decode text"`` or
    ``"cannot tell the encoding (…?)"``) and nothing else.
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

    # 3. UTF-8 (plain ASCII is UTF-8 too): strictly; line by line where some lines are in
    #    a legacy code page; with a few bad bytes replaced where it is damaged.
    text = _try_decode(data, "utf-8")
    if text is not None:
        return _finish(text, "utf-8")
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return _finish(*mixed)
    text = _mostly_utf8(data)
    if text is not None:
        return _finish(text, "utf-8")

    # 4. Legacy code pages (see .legacy).
    if legacy.looks_western(data):
        return _finish(*legacy.western(data))
    detected = legacy.detect(data)
    if detected is not None and not legacy.is_east_asian(detected[1]):
        text, codec = detected
        if _control_share(text) <= _CONTROL_SHARE_LIMIT and _mostly_printable(text):
            return _finish(text, codec)
    found = legacy.east_asian(data, detected[1] if detected else None)
    if found is not None:
        return _finish(*found)
    return _finish(*legacy.western(data))


def _mixed_utf8(data: bytes) -> tuple[str, str] | None:
    """Decode a UTF-8 file some of whose lines are in a Western code page, line by line.

    Applies when the file holds valid multi-byte UTF-8 (``é``, ``“``…) on lines
    that decode cleanly, and other lines that do not: a cp1252 paragraph pasted
    into a UTF-8 article. A line that does not decode but holds a valid multi-byte
    sequence is damaged UTF-8 (its bad bytes become U+FFFD); one that holds none is
    cp1252 (Latin-1 where cp1252 leaves a byte undefined). Returns ``(text,
    encoding)`` with encoding ``utf-8+cp1252`` (or ``utf-8+latin-1``; plain
    ``utf-8`` when every bad line was damaged UTF-8), or ``None`` when the file has
    no clean non-ASCII UTF-8 line.
    """
    lines = data.split(b"\n")
    decoded: list[str | None] = []
    evidence = False
    for line in lines:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            decoded.append(None)
            continue
        evidence = evidence or not text.isascii()
        decoded.append(text)
    if not evidence:
        return None
    legacy_codecs: set[str] = set()
    for i, line in enumerate(lines):
        if decoded[i] is not None:
            continue
        if i == len(lines) - 1 and _cut_short(line):  # a file cut in the middle of a character
            decoded[i] = line.decode("utf-8", "replace")
            continue
        loose = line.decode("utf-8", "surrogateescape")
        invalid = len(_ESCAPED_BYTE_RE.findall(loose))
        multibyte = len(loose) - len(loose.encode("ascii", "ignore")) - invalid
        if multibyte > 0 or legacy.looks_double_byte(line):
            decoded[i] = line.decode("utf-8", "replace")
        else:
            decoded[i], codec = legacy.western(line)
            legacy_codecs.add(codec)
    encoding = "utf-8" if not legacy_codecs else "utf-8+" + ("latin-1" if "latin-1" in legacy_codecs else "cp1252")
    return "\n".join(t or "" for t in decoded), encoding


def _cut_short(data: bytes) -> bool:
    """True when ``data`` is valid UTF-8 up to a multi-byte character cut off at its end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data"
    return False


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
