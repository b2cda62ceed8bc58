"""What each ``byline`` command does once its arguments are read (see :mod:`byline.cli`).

Output follows the conventions of grep and ripgrep: results on standard output
(JSON lines with ``--json``), everything about them (counts, repairs of the
query, indexing progress) on standard error, so a pipe gets only results. Human
output is wrapped to the terminal's width on a terminal and never wrapped or cut
when piped, so paths stay whole and copyable.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from byline import __version__
from byline.cli import EXIT_ERROR, EXIT_NO_MATCH, EXIT_OK, EXIT_USAGE, UsageError
from byline.display import json_line, one_line, printable
from byline.index.errors import IndexBusy, LibraryError
from byline.index.library import Library, sample_corpus
from byline.index.models import SPEAKER_GROUP_TITLES, SPEAKER_KIND_LABELS
from byline.progress import IndexingProgress

if TYPE_CHECKING:
    from rich.console import Console

    from byline.aside import AsideCheck

    from byline.index.models import Facets, IndexReport, QuoteRecord, SearchHit
    from byline.index.sources import DumpOptions


def run(args: argparse.Namespace) -> int:
    """Run ``args.command`` (``None``: the reader); returns the exit status."""
    try:
        if args.command is None:
            return _reader(args)
        if args.command in ("search", "facets") and args.query is not None and not _searchable(args.query):
            return EXIT_USAGE
        if args.command == "search" and _dump_options(args) is None:
            from byline.aside import AsideCheck

            with AsideCheck(list(args.paths) or [str(sample_corpus())], args.index, args.follow_links) as check:
                with _open_library(args) as lib:
                    return _search(lib, args, check)
        with _open_library(args) as lib:
            if args.command == "index":
                return _index(lib, args)
            if args.command == "search":
                return _search(lib, args, None)
            _update(lib)
            commands = {"search": _search, "facets": _facets, "quotes": _quotes, "speakers": _speakers}
            return commands[args.command](lib, args)
    except LibraryError as exc:
        say(f"byline: error: {exc}")
        return EXIT_ERROR


def say(line: str) -> None:
    """One line on standard error, control characters and line breaks made visible."""
    sys.stderr.write(one_line(line) + "\n")
    sys.stderr.flush()


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _terminal_console() -> Console | None:
    """A Rich console for standard output when it is a terminal (wrapping to its width), else ``None``."""
    if not sys.stdout.isatty():
        return None
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _dump_options(args: argparse.Namespace) -> DumpOptions | None:
    """The dump fields named on the command line (``--text-field``…), or ``None`` when none was."""
    from byline.cli import DUMP_FIELDS
    from byline.index.sources import DumpOptions

    given = {f"{kind}_field": getattr(args, f"{kind}_field", None) for kind in DUMP_FIELDS}
    if all(value is None for value in given.values()):
        return None
    return DumpOptions(**given)


@contextmanager
def _open_library(args: argparse.Namespace) -> Iterator[Library]:
    paths = list(args.paths) or [str(sample_corpus())]
    lib = Library.open(
        paths,
        index_dir=args.index,
        rebuild=getattr(args, "rebuild", False),
        follow_links=args.follow_links,
        dump_options=_dump_options(args),
    )
    for notice in lib.notices:
        say(f"byline: {notice}")
    try:
        yield lib
    finally:
        lib.close()


def _update(lib: Library, wait: float = 0.0, strict: bool = False) -> IndexReport | None:
    """Bring the index up to date, showing progress on standard error.

    Returns ``None`` when another process is updating it (searches then use what
    it has committed). A failure (disk full, damage) is said in one line and the
    command goes on with what is committed, unless ``strict``.
    """
    try:
        with IndexingProgress(sys.stderr) as progress:
            report = lib.update(progress=progress, wait=wait)
    except IndexBusy as exc:
        if not strict:
            say(f"byline: {exc}")
        return None
    except LibraryError as exc:
        if strict:
            raise
        say(f"byline: {exc}")
        return None
    if not strict and (report.changed or report.skipped):
        for line in _summary_lines(report, progress.seconds):
            say(line)
    return report


def _summary_lines(report: IndexReport, seconds: float) -> list[str]:
    parts = [f"{report.added} new", f"{report.updated} updated", f"{report.removed} removed", f"{report.unchanged} unchanged"]
    lines = [
        f"Index: {', '.join(parts)}; {len(report.skipped)} skipped; "
        f"{report.ignored} other files ignored ({seconds:.1f} s)"
    ]
    lines += [f"  skipped {skip.path}: {skip.reason}" for skip in report.skipped]
    if report.cancelled:
        lines.append("  cancelled: the index keeps what was committed before")
    return lines


# -- index ---------------------------------------------------------------------------------------


def _index(lib: Library, args: argparse.Namespace) -> int:
    started = time.monotonic()
    report = _update(lib, strict=True)
    if report is None:
        say("byline: another Byline process is updating this index; waiting for it (Ctrl-C to stop)…")
        report = _update(lib, wait=600.0, strict=True)
        if report is None:
            raise LibraryError("gave up waiting for the other Byline process to finish updating the index")
    seconds = time.monotonic() - started
    merged = 0
    if args.compact:
        compacting = time.monotonic()
        merged = lib.compact(wait=600.0)
        if merged > 1 and not args.json:
            say(f"byline: compacted the index: {merged} segments merged into one ({time.monotonic() - compacting:.1f} s)")
        seconds = time.monotonic() - started
    if report.changed or report.rebuilt or merged > 1:
        lib.warm()  # the reader's first article after this does not wait for the corpus's name merge
    if args.json:
        _out(
            json_line(
                {
                    "index": str(lib.directory),
                    "articles": len(lib),
                    "added": report.added,
                    "updated": report.updated,
                    "removed": report.removed,
                    "unchanged": report.unchanged,
                    "ignored": report.ignored,
                    "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
                    "seconds": round(seconds, 3),
                    **({"segments_merged": merged} if args.compact else {}),
                }
            )
        )
    else:
        for line in _summary_lines(report, seconds):
            _out(one_line(line))
        where = "kept in memory" if lib.in_memory else f"at {lib.directory}"
        _out(one_line(f"{len(lib):,} articles in the index {where}"))
    return EXIT_OK


# -- search --------------------------------------------------------------------------------------


def _searchable(query: str) -> bool:
    """Whether anything of ``query`` is left to search; if not, say why (before any indexing)."""
    from byline.index.query import clean_query

    cleaned = clean_query(query)
    if cleaned.empty:
        for notice in cleaned.notices:
            say(f"byline: {notice}")
    return not cleaned.empty


def _search(lib: Library, args: argparse.Namespace, check: AsideCheck | None) -> int:
    """Search; with a ``check`` under way (:mod:`byline.aside`), first on the index as it is, printing only once
    the check confirms the corpus unchanged.

    Otherwise (something changed, or the check could not tell) the index is
    brought up to date as every command does, and the search runs (again).
    """
    limit = args.limit or None
    result = None
    if check is not None and check.running:
        try:
            result = lib.search(args.query, limit=limit, sort=args.sort)
        except LibraryError:
            if check.confirmed(lib):
                raise
            result = None
        if not check.confirmed(lib):
            result = None
    if result is None:
        _update(lib)
        result = lib.search(args.query, limit=limit, sort=args.sort)
    for notice in result.notices:
        say(f"byline: {notice}")
    if not result.ok:
        return EXIT_USAGE
    if result.searched != args.query.strip():
        say(f"byline: searched: {result.searched}")
    shown = len(result.hits)
    count = f"{_plural(result.total, 'article')} match"
    say(f"byline: {count}" if shown >= result.total else f"byline: {count}; showing {shown} (--limit 0 for all)")
    if args.json:
        for hit in result.hits:
            _out(json_line(_hit_json(hit)))
    else:
        console = _terminal_console()
        for n, hit in enumerate(result.hits, 1):
            _print_hit(n, hit, console)
    return EXIT_OK if result.total else EXIT_NO_MATCH


def _hit_json(hit: SearchHit) -> dict[str, object]:
    return {
        "path": hit.path,
        "record": hit.record,
        "folder": hit.folder,
        "title": hit.title,
        "outlet": hit.outlet,
        "date": hit.date,
        "author": hit.author,
        "url": hit.url,
        "score": hit.score,
        "spans": [list(s) for s in hit.spans],
        "snippet": hit.snippet,
    }


def _print_hit(n: int, hit: SearchHit, console: Console | None) -> None:
    """One hit as a block: rank, score, date, outlet; title; path; snippet; hit count."""
    head = f"{n:>3}  {hit.score:6.2f}  {hit.date or '----------'}  {hit.outlet or ''}".rstrip()
    hits = _plural(len(hit.spans), "hit")
    snippet = one_line(hit.snippet)
    if console is None:
        lines = [head, f"     {printable(one_line(hit.title))}", f"     {one_line(hit.key)}"]
        if snippet:
            lines.append(f"     {snippet}")
        lines.append(f"     {hits}")
        _out("\n".join(lines))
        return
    from rich.padding import Padding
    from rich.text import Text

    console.print(Text(head, style="dim"))
    body = Text()
    body.append(one_line(hit.title), style="bold")
    body.append("\n" + one_line(hit.key), style="dim")
    if snippet:
        text = Text(snippet)
        for s, e in hit.snippet_spans:
            text.stylize("reverse", s, e)
        body.append("\n")
        body.append_text(text)
    body.append("\n" + hits, style="dim")
    console.print(Padding(body, (0, 0, 0, 5)))


# -- facets --------------------------------------------------------------------------------------


def _facets(lib: Library, args: argparse.Namespace) -> int:
    facets = lib.facets(args.query)
    for notice in facets.notices:
        say(f"byline: {notice}")
    if args.query is not None and not facets.searched:
        return EXIT_USAGE
    if args.query is not None and facets.searched != args.query.strip():
        say(f"byline: searched: {facets.searched}")
    say(f"byline: {_plural(facets.total, 'article')}" + (" match" if args.query is not None else ""))
    if args.json:  # a count, even of nothing (as grep -c prints 0)
        _out(json_line({"total": facets.total, "outlet": facets.outlet, "folder": facets.folder, "month": facets.month}))
    elif facets.total:
        _print_facets(facets, _terminal_console())
    return EXIT_OK if facets.total else EXIT_NO_MATCH


def _print_facets(facets: Facets, console: Console | None) -> None:
    """The counts: tab-separated ``facet, value, count`` lines when piped; sections with bars on a terminal."""
    groups = (("outlet", facets.outlet), ("folder", facets.folder), ("month", facets.month))
    if console is None:  # for cut, sort and awk
        _out("facet\tvalue\tarticles")
        for name, counts in groups:
            for value, n in counts.items():
                _out(f"{name}\t{one_line(value)}\t{n}")
        return
    from rich.table import Table
    from rich.text import Text

    for name, counts in groups:
        if not counts:
            continue
        most = max(counts.values())
        table = Table(title=name.capitalize(), title_justify="left", show_header=False, box=None, pad_edge=False)
        table.add_column(name)
        table.add_column("articles", justify="right")
        table.add_column("")
        for value, n in counts.items():
            shown = f"  {value.split('/', 1)[1]}" if name == "folder" and "/" in value else value
            table.add_row(Text(one_line(shown)), f"{n:,}", Text("█" * max(1, round(20 * n / most)), style="cyan"))
        console.print(table)
        console.print()


# -- quotes and speakers -------------------------------------------------------------------------


def _quote_json(rec: QuoteRecord) -> dict[str, object]:
    q = rec.quote
    return {
        "path": rec.path,
        "record": rec.record,
        "title": rec.title,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "speaker": q.speaker,
        "speaker_kind": q.speaker_kind,
        "role": q.role,
        "cue": q.cue,
        "partial": q.partial,
        "kind": q.kind,
        "also_in": list(rec.also_in),
    }


QUOTE_KIND_MARKS: dict[str, str] = {kind: label for kind, label in SPEAKER_KIND_LABELS.items() if kind != "person"}
"""How ``byline quotes`` marks a speaker that is not a person named, after the speaker."""


def _quotes(lib: Library, args: argparse.Namespace) -> int:
    if args.json:  # the lines _quote_json gives, made without a record per quotation (see Library.quotes_json)
        written = 0
        batch: list[str] = []
        for line in lib.quotes_json(speaker=args.speaker):
            batch.append(line)
            if len(batch) == 512:
                sys.stdout.write("\n".join(batch) + "\n")
                written += len(batch)
                batch.clear()
        if batch:
            sys.stdout.write("\n".join(batch) + "\n")
            written += len(batch)
        return EXIT_OK if written else EXIT_NO_MATCH
    records = lib.all_quotes(speaker=args.speaker)
    if not records:
        say("byline: no quotations" + (f" by {args.speaker}" if args.speaker else "") + " found")
        return EXIT_NO_MATCH
    console = _terminal_console()
    current = None
    for rec in records:
        if rec.key != current:
            current = rec.key
            _emit(console, "", None)
            _emit(console, one_line(rec.title), "bold underline")
            _emit(console, one_line(rec.key), "dim")
        q = rec.quote
        who = q.speaker or ("(term)" if q.kind == "term" else "(unknown speaker)")
        if q.speaker and q.speaker_kind in QUOTE_KIND_MARKS:
            who += f" ({QUOTE_KIND_MARKS[q.speaker_kind]})"
        line = f"  {q.start:>6}  {who}" + (f", {q.role}" if q.role else "") + (f" [{q.cue}]" if q.cue else "")
        _emit(console, one_line(line), "cyan" if q.speaker else "dim")
        body = "          “" + " ".join(q.text.split()) + "”" + (" (partial)" if q.partial else "")
        if rec.also_in:
            body += f"  also in {_plural(len(rec.also_in), 'other article')}"
        _emit(console, one_line(body), None)
    return EXIT_OK


def _emit(console: Console | None, line: str, style: str | None) -> None:
    """One line that is already safe to print: styled and wrapped on a terminal, plain when piped."""
    if console is None:
        _out(line)
    else:
        from rich.text import Text

        console.print(Text(line, style=style or ""))


SPEAKER_GROUPS: dict[str, str] = dict(SPEAKER_GROUP_TITLES)
"""Each speaker kind → the title of its group, in the order ``byline speakers`` prints them."""


def _speakers(lib: Library, args: argparse.Namespace) -> int:
    """Every speaker (of the kinds ``--kind`` names), most quoted first; on a terminal, grouped by kind."""
    wanted = {kind for kinds in args.kind for kind in kinds} if getattr(args, "kind", None) else None
    speakers = [sp for sp in lib.speakers() if wanted is None or sp.kind in wanted]
    if args.json:
        sys.stdout.writelines(
            json_line({"name": sp.name, "kind": sp.kind, "role": sp.role, "quotes": sp.quotes, "articles": sp.articles}) + "\n"
            for sp in speakers
        )
        return EXIT_OK if speakers else EXIT_NO_MATCH
    if not speakers:
        if wanted is None:
            say("byline: no attributed quotations found")
        else:
            say("byline: no speakers of kind " + " or ".join(k for k in SPEAKER_GROUPS if k in wanted) + " found")
        return EXIT_NO_MATCH
    console = _terminal_console()
    if console is None:  # tab-separated, for cut, sort and awk
        _out("quotes\tarticles\tkind\tspeaker\trole")
        for sp in speakers:
            _out(f"{sp.quotes}\t{sp.articles}\t{sp.kind}\t{one_line(sp.name)}\t{one_line(sp.role or '')}")
        return EXIT_OK
    from rich.table import Table
    from rich.text import Text

    for kind, title in SPEAKER_GROUPS.items():
        group = [sp for sp in speakers if sp.kind == kind]
        if not group:
            continue
        table = Table(title=f"{title} ({len(group):,})")
        table.add_column("Description" if kind == "unnamed" else "Speaker")
        if kind != "unnamed":  # an unnamed source's description is all there is: it has no role
            table.add_column("Role")
        table.add_column("Quotes", justify="right")
        table.add_column("Articles", justify="right")
        for sp in group:
            cells = [Text(one_line(sp.name))] + ([Text(one_line(sp.role or ""))] if kind != "unnamed" else [])
            table.add_row(*cells, str(sp.quotes), str(sp.articles))
        console.print(table)
    return EXIT_OK


# -- the reader ----------------------------------------------------------------------------------


def _reader(args: argparse.Namespace) -> int:
    """Open the reader on the corpus; without a terminal, list what it would open instead.

    The reader's exit status is the app's: non-zero after a crash.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return _list_articles(args)
    if _dump_options(args) is not None:
        with _open_library(args):
            pass  # the index keeps the dump fields named, for the reader to read the dumps with
    from byline.tui.app import BylineApp

    app = BylineApp(
        args.paths or None, index_dir=args.index, theme=args.theme, follow_links=args.follow_links
    )
    app.run()
    return EXIT_OK if not app.return_code else EXIT_ERROR


def _list_articles(args: argparse.Namespace) -> int:
    """What ``byline`` prints when it is not run in a terminal: the articles it would open."""
    with _open_library(args) as lib:
        _update(lib)
        articles = lib.articles()
        _out(f"Byline {__version__}: {len(articles)} articles indexed from {one_line(', '.join(lib.paths))}")
        for a in articles:
            _out(one_line(f"  {a.date or '----------'}  {a.title}  ({a.outlet or 'unknown outlet'}, {a.quotes} quotes)"))
        _out(
            "Not a terminal, so the reader did not open; try: byline search QUERY, byline facets, "
            "byline quotes, byline speakers"
        )
    return EXIT_OK


__all__ = ["run", "say", "UsageError"]
