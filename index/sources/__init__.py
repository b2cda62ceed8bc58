"""Finding and reading the articles of a corpus: files in, :class:`~byline.index.models.Article` out.

* :mod:`.walk` — the stat walk that finds article files (links, skips);
* :mod:`.fileio` — reading a file's bytes safely, and why a file could not be read;
* :mod:`.decode` — bytes → text (encodings, binary detection, line endings);
* :mod:`.text` — plain ``.txt``/``.md`` articles;
* :mod:`.metadata` — title, outlet, URL, date and author;
* :mod:`.read` — the entry point that reads any file of the corpus.

Every offset in an :class:`~byline.index.models.Article` indexes into its ``text``,
which is exactly what the reader shows.
"""

from __future__ import annotations

from .decode import decode_bytes, read_text
from .fileio import MAX_FILE_SIZE, UnreadableFile, is_lasting, os_error_reason
from .metadata import extract_metadata, is_boilerplate_line, safe_url
from .read import load_article
from .walk import ARTICLE_SUFFIXES, CorpusScan, FileStat, corpus_key, is_article_name, resolve_path, scan_corpus

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_SIZE",
    "CorpusScan",
    "FileStat",
    "UnreadableFile",
    "corpus_key",
    "decode_bytes",
    "extract_metadata",
    "is_article_name",
    "is_boilerplate_line",
    "is_lasting",
    "load_article",
    "os_error_reason",
    "read_text",
    "resolve_path",
    "safe_url",
    "scan_corpus",
]
