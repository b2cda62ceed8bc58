"""Whether an index is up to date with its corpus, found without opening the index.

:func:`unchanged` is the question :meth:`~.library.Library.update` answers
first (a stat walk compared with the manifest), on its own: it imports neither
Whoosh nor the indexing passes, so a process can ask it while another part of
the program is still loading them (``byline search`` asks it in a child
process: see :mod:`byline.aside`). The answer names the manifest it was given
against (:func:`manifest_stamp`), so it is trusted only for that manifest: a
commit or a rebuild since writes another one.
"""

from __future__ import annotations

import os
from pathlib import Path

from .sources.records import DumpOptions
from .sources.walk import scan_corpus
from .state import STATE_FILE, IndexState, load_dump_options
from .worklist import diff


def manifest_stamp(directory: Path) -> str | None:
    """The manifest's file as it is now (inode, size, modification time), or ``None`` when there is none."""
    try:
        info = os.stat(directory / STATE_FILE)
    except OSError:
        return None
    return f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}"


def unchanged(paths: list[str], directory: Path, follow_links: bool = False) -> str | None:
    """The manifest's stamp when a stat walk of ``paths`` finds every file as it says, else ``None``.

    Unchanged means that bringing the index up to date would do nothing and
    say nothing: no file new, changed or removed, no dump to read again, no file
    skipped, unreadable or missing. Reads no article and writes nothing.
    """
    stamp = manifest_stamp(directory)
    if stamp is None:
        return None
    scan = scan_corpus(paths, follow_links=follow_links)
    if scan.errors or scan.missing or scan.cancelled:
        return None
    state = IndexState.load(directory)
    if state is None or state.damaged or sorted(state.corpus) != sorted(paths):
        return None
    found = diff(scan, state, DumpOptions.from_dict(load_dump_options(directory)))
    if not found.empty or found.skipped:
        return None
    return stamp if manifest_stamp(directory) == stamp else None
