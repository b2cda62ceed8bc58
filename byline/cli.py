"""The ``byline`` command: the reader, and the scriptable ``index``, ``search``, ``quotes`` and ``speakers``.

Exit status: 0 on success, 2 on bad usage (including a query with nothing
searchable left), 1 on any other error, 130 when interrupted. Errors are one
line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from contextlib import contextmanager
from typing import Iterator, NoReturn, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from byline import __version__
from byline.display import json_line, one_line, printable
from byline.index.library import IndexBusy, Library, LibraryError, sample_corpus
from byline.index.models import IndexProgress, IndexReport, QuoteRecord

SUBCOMMANDS = ("index", "search", "quotes", "speakers")
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """Bad input from the user: exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit with status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"byline: error: {message}\n(see 'byline --help')\n")


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the sample corpus)")
    p.add_argument("--index", metavar="DIR", help="keep the index in DIR instead of the user cache")


def build_parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The top-level parser (reader) and the parser of subcommands."""
    top = _Parser(
        prog="byline",
        description="A terminal reader for collections of news articles. "
        f"Subcommands: {', '.join(SUBCOMMANDS)} (see 'byline COMMAND --help').",
    )
    top.add_argument("--version", action="version", version=f"byline {__version__}")
    _add_common(top)

    sub = _Parser(prog="byline")
    cmds = sub.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = cmds.add_parser("index", help="build or update the index of a corpus")
    _add_common(p)
    p.add_argument("--rebuild", action="store_true", help="drop the index and build it again")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p = cmds.add_parser("search", help="search a corpus")
    p.add_argument("query", metavar="QUERY", nargs="?", help="words, \"phrases\", AND/OR/NOT, field:value, term~, prefix*")
    _add_common(p)
    p.add_argument("--limit", type=_positive_int, default=20, metavar="N", help="at most N results (default 20)")
    p.add_argument("--json", action="store_true", help="one JSON object per line per hit")
    p = cmds.add_parser("quotes", help="list the quotations of a corpus and who said them")
    _add_common(p)
    p.add_argument("--speaker", metavar="NAME", help="only quotations by NAME (full name or surname)")
    p.add_argument("--json", action="store_true", help="one JSON object per line per quotation")
    p = cmds.add_parser("speakers", help="list the speakers of a corpus with quote and article counts")
    _add_common(p)
    p.add_argument("--json", action="store_true", help="one JSON object per line per speaker")
    return top, sub


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``byline`` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        return _dispatch(args_list, err)
    except UsageError as exc:
        err.print(Text(one_line(f"byline: error: {exc}")))
        return EXIT_USAGE
    except LibraryError as exc:
        err.print(Text(one_line(f"byline: error: {exc}")))
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.print(Text("byline: interrupted; the index keeps everything committed before the interruption"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last safety net: one line, no traceback
        err.print(Text(one_line(f"byline: error: {type(exc).__name__}: {exc}")))
        return EXIT_ERROR


def _dispatch(argv: list[str], err: Console) -> int:
    top, sub = build_parsers()
    if argv and argv[0] in SUBCOMMANDS:
        args = sub.parse_args(argv)
    else:
        args = top.parse_args(argv)
        args.command = None
    out = Console(highlight=False, soft_wrap=False)
    if args.command == "search" and args.query is None:
        raise UsageError("search needs a QUERY (see 'byline search --help')")
    if args.command is None:
        return _cmd_reader(args, err)
    with _open_library(args, err) as lib:
        if args.command == "index":
            return _cmd_index(lib, args, err)
        _update(lib, err, quiet=False)
        if args.command == "search":
            return _cmd_search(lib, args, out, err)
        if args.command == "quotes":
            return _cmd_quotes(lib, args, out)
        return _cmd_speakers(lib, args, out)


@contextmanager
def _open_library(args: argparse.Namespace, err: Console) -> Iterator[Library]:
    paths = list(args.paths) or [str(sample_corpus())]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing and len(missing) == len(paths):
        raise LibraryError(f"no such file or directory: {missing[0]}")
    lib = Library.open(paths, index_dir=args.index, rebuild=getattr(args, "rebuild", False))
    for notice in lib.notices:
        err.print(Text(one_line(f"byline: {notice}")))
    try:
        yield lib
    finally:
        lib.close()


def _update(lib: Library, err: Console, quiet: bool, wait: float = 0.0, summary: bool = True) -> IndexReport | None:
    """Bring the index up to date, with a progress bar when standard error is a terminal."""
    started = time.monotonic()
    show = err.is_terminal and not quiet
    progress = Progress(
        TextColumn("[bold]Indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.description}", markup=False),
        console=err,
        transient=True,
        disable=not show,
    )
    task = progress.add_task("", total=None)

    def on_progress(p: IndexProgress) -> None:
        name = printable(p.path.rsplit("/", 1)[-1]) if p.path else p.phase
        progress.update(task, completed=p.done, total=p.total or None, description=name[:40])

    try:
        with progress:
            report = lib.update(progress=on_progress, wait=wait)
    except IndexBusy as exc:
        if summary:
            err.print(Text(one_line(f"byline: {exc}")))
        return None
    except LibraryError as exc:  # disk full, damaged index: say so, then use what is committed
        if not summary:
            raise
        err.print(Text(one_line(f"byline: {exc}")))
        return None
    if summary and (report.changed or report.skipped):
        _print_summary(report, err, time.monotonic() - started, brief=True)
    return report


def _print_summary(report: IndexReport, console: Console, seconds: float, brief: bool = False) -> None:
    parts = [f"{report.added} new", f"{report.updated} updated", f"{report.removed} removed", f"{report.unchanged} unchanged"]
    line = Text(f"Index: {', '.join(parts)}; {len(report.skipped)} skipped; {report.ignored} other files ignored ({seconds:.1f} s)")
    console.print(line)
    for skip in report.skipped:
        console.print(Text(one_line(f"  skipped {skip.path}: {skip.reason}")))
    if report.cancelled:
        console.print(Text("  cancelled: the index keeps what was committed before"))


def _cmd_index(lib: Library, args: argparse.Namespace, err: Console) -> int:
    started = time.monotonic()
    report = _update(lib, err, quiet=False, summary=False)
    if report is None:
        err.print(Text("byline: another Byline process is updating this index; waiting for it (Ctrl-C to stop)…"))
        report = _update(lib, err, quiet=False, wait=600.0, summary=False)
        if report is None:
            raise LibraryError("gave up waiting for the other Byline process to finish updating the index")
    seconds = time.monotonic() - started
    if args.json:
        print(
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
                }
            )
        )
    else:
        console = Console(highlight=False, soft_wrap=True)
        _print_summary(report, console, seconds)
        where = "kept in memory" if lib.in_memory else f"at {one_line(str(lib.directory))}"
        console.print(Text(f"{len(lib)} articles in the index {where}"))
    return EXIT_OK


def _cmd_search(lib: Library, args: argparse.Namespace, out: Console, err: Console) -> int:
    result = lib.search(args.query, limit=args.limit)
    for notice in result.notices:
        err.print(Text(one_line(f"byline: {notice}")))
    if not result.ok:
        return EXIT_USAGE
    if result.searched != args.query.strip():
        err.print(Text(one_line(f"byline: searched: {result.searched}")))
    if args.json:
        for hit in result.hits:
            print(
                json_line(
                    {
                        "path": hit.path,
                        "title": hit.title,
                        "outlet": hit.outlet,
                        "date": hit.date,
                        "author": hit.author,
                        "url": hit.url,
                        "score": hit.score,
                        "spans": [list(s) for s in hit.spans],
                        "snippet": hit.snippet,
                    }
                )
            )
        return EXIT_OK
    if not result.hits:
        out.print(Text(one_line(f"No articles match {result.searched}")))
        return EXIT_OK
    title = f"{result.total} article{'s' if result.total != 1 else ''} match {result.searched}"
    table = Table(title=Text(one_line(title)), expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Outlet", overflow="fold")
    table.add_column("Article", ratio=1)
    for n, hit in enumerate(result.hits, 1):
        snip, marks = hit.snippet, hit.snippet_spans
        cell = Text()
        cell.append(printable(hit.title), style="bold")
        cell.append(f"\n{one_line(hit.path)}", style="dim")
        if snip:
            body = Text(printable(snip))
            for s, e in marks:
                body.stylize("reverse", s, e)
            cell.append("\n")
            cell.append_text(body)
        cell.append(f"\n{len(hit.spans)} hit{'s' if len(hit.spans) != 1 else ''}", style="dim")
        table.add_row(str(n), f"{hit.score:.2f}", hit.date or "", Text(printable(hit.outlet or "")), cell)
    out.print(table)
    return EXIT_OK


def _quote_json(rec: QuoteRecord) -> dict[str, object]:
    q = rec.quote
    return {
        "path": rec.path,
        "title": rec.title,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "speaker": q.speaker,
        "role": q.role,
        "cue": q.cue,
        "partial": q.partial,
        "kind": q.kind,
        "also_in": list(rec.also_in),
    }


def _cmd_quotes(lib: Library, args: argparse.Namespace, out: Console) -> int:
    records = lib.all_quotes(speaker=args.speaker)
    if args.json:
        for rec in records:
            print(json_line(_quote_json(rec)))
        return EXIT_OK
    if not records:
        out.print(Text("No quotations" + (f" by {args.speaker}" if args.speaker else "") + " found."))
        return EXIT_OK
    current = None
    for rec in records:
        if rec.path != current:
            current = rec.path
            out.print()
            out.print(Text(printable(rec.title), style="bold underline"))
            out.print(Text(one_line(rec.path), style="dim"))
        q = rec.quote
        who = q.speaker or ("(term)" if q.kind == "term" else "(unknown speaker)")
        line = Text(f"  {q.start:>6}  ")
        line.append(printable(who), style="bold cyan" if q.speaker else "dim")
        if q.role:
            line.append(f", {printable(q.role)}", style="cyan")
        if q.cue:
            line.append(f" [{printable(q.cue)}]", style="dim")
        out.print(line)
        body = Text("          “" + printable(" ".join(q.text.split())) + "”")
        if q.partial:
            body.append(" (partial)", style="dim")
        if rec.also_in:
            body.append(f"  also in {len(rec.also_in)} other article{'s' if len(rec.also_in) != 1 else ''}", style="yellow")
        out.print(body)
    return EXIT_OK


def _cmd_speakers(lib: Library, args: argparse.Namespace, out: Console) -> int:
    speakers = lib.speakers()
    if args.json:
        for sp in speakers:
            print(json_line({"name": sp.name, "role": sp.role, "quotes": sp.quotes, "articles": sp.articles}))
        return EXIT_OK
    if not speakers:
        out.print(Text("No attributed quotations found."))
        return EXIT_OK
    table = Table(title="Speakers")
    table.add_column("Speaker")
    table.add_column("Role")
    table.add_column("Quotes", justify="right")
    table.add_column("Articles", justify="right")
    for sp in speakers:
        table.add_row(Text(printable(sp.name)), Text(printable(sp.role or "")), str(sp.quotes), str(sp.articles))
    out.print(table)
    return EXIT_OK


def _cmd_reader(args: argparse.Namespace, err: Console) -> int:
    """Open the reader on the corpus; without a terminal, list what it would open instead."""
    missing = [p for p in args.paths if not os.path.exists(os.path.expanduser(p))]
    if args.paths and len(missing) == len(args.paths):
        raise UsageError(f"no such file or folder: {', '.join(printable(p) for p in missing)}")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return _list_articles(args, err)
    from .tui.app import BylineApp

    BylineApp(args.paths or None, index_dir=args.index).run()
    return EXIT_OK


def _list_articles(args: argparse.Namespace, err: Console) -> int:
    """What ``byline`` prints when it is not run in a terminal: the articles it would open."""
    with _open_library(args, err) as lib:
        _update(lib, err, quiet=False)
        articles = lib.articles()
        out: TextIO = sys.stdout
        out.write(f"Byline {__version__}: {len(articles)} articles indexed from {', '.join(lib.paths)}\n")
        for a in articles:
            out.write(printable(f"  {a.date or '----------'}  {a.title}  ({a.outlet or 'unknown outlet'}, {a.quotes} quotes)") + "\n")
        out.write("Not a terminal, so the reader did not open; try: byline search QUERY, byline quotes, byline speakers\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
