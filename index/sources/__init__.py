"""Finding and reading the articles of a corpus: files in, :class:`~byline.index.models.Article` out.

* :mod:`.walk` — the stat walk that finds article files (links, skips);
* :mod:`.fileio` — reading a file's bytes safely, and why a file could not be read;
* :mod:`.decode` — bytes → text (encodings, binary detection, line endings);
* :mod:`.legacy` — legacy code pages (Western, other single-byte, East Asian);
* :mod:`.text` — plain ``.txt``/``.md`` articles;
* :mod:`.html` — web pages (``.html``, ``.htm``), by trafilatura;
* :mod:`.dumps` — JSON Lines and CSV dumps, one article per record (:mod:`.records`:
  which field holds what);
* :mod:`.metadata` — title, outlet, URL, date and author;
* :mod:`.read` — the entry points: :func:`read_file`/:func:`iter_file` read any file
  of the corpus (every article in it, every record skipped with its reason),
  :func:`load_article` a file that is one article, :func:`article_text` just its text.

Every offset in an :class:`~byline.index.models.Article` indexes into its ``text``,
which is exactly what the reader shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

if TYPE_CHECKING:
    from .decode import decode_bytes, read_text
    from .dumps import DumpProgress, iter_dump, read_record
    from .fileio import MAX_FILE_SIZE, UnreadableFile, is_lasting, os_error_reason
    from .metadata import extract_metadata, is_boilerplate_line, safe_url
    from .read import FileRead, article_text, is_page, iter_file, load_article, read_file
    from .records import DumpOptions
    from .walk import ARTICLE_SUFFIXES, CorpusScan, FileStat, corpus_key, is_article_name, resolve_path, scan_corpus

_HOME = {
    **dict.fromkeys(("decode_bytes", "read_text"), ".decode"),
    **dict.fromkeys(("DumpProgress", "iter_dump", "read_record"), ".dumps"),
    **dict.fromkeys(("MAX_FILE_SIZE", "UnreadableFile", "is_lasting", "os_error_reason"), ".fileio"),
    **dict.fromkeys(("extract_metadata", "is_boilerplate_line", "safe_url"), ".metadata"),
    **dict.fromkeys(("FileRead", "article_text", "is_page", "iter_file", "load_article", "read_file"), ".read"),
    "DumpOptions": ".records",
    **dict.fromkeys(
        ("ARTICLE_SUFFIXES", "CorpusScan", "FileStat", "corpus_key", "is_article_name", "resolve_path", "scan_corpus"),
        ".walk",
    ),
}
"""Each name's module, imported when the name is first asked for: a search on an index that is up to date
never loads the readers of web pages and dumps, nor the metadata patterns."""


__getattr__ = lazy_names(__name__, _HOME)


__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_SIZE",
    "CorpusScan",
    "DumpOptions",
    "DumpProgress",
    "FileRead",
    "FileStat",
    "UnreadableFile",
    "article_text",
    "corpus_key",
    "decode_bytes",
    "extract_metadata",
    "is_article_name",
    "is_boilerplate_line",
    "is_page",
    "iter_dump",
    "iter_file",
    "is_lasting",
    "load_article",
    "os_error_reason",
    "read_file",
    "read_record",
    "read_text",
    "resolve_path",
    "safe_url",
    "scan_corpus",
]
