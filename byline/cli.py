"""The ``byline`` command: the reader, and the scriptable ``index``, ``search``, ``facets``, ``quotes`` and ``speakers``.

This module only reads the command line: it imports nothing heavy, so
``byline --version`` and ``byline --help`` answer at once, and each command
imports what it needs (:mod:`byline.commands`) only once the arguments are known.

Exit status, as grep and ripgrep have it: 0 when something matched (or the
command did its work), 1 when nothing matched or on an error, 2 for bad usage
(including a corpus path that does not exist, or a query with nothing searchable
left), 130 when interrupted. Errors are one line on standard error, never a
traceback. A closed pipe (``byline quotes | head -2``) is not an error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from byline import __version__
from byline.index.fields import SORT_KEYS  # constants only: nothing is imported with them
from byline.index.models import SPEAKER_KINDS  # dataclasses only: nothing heavy

EXIT_OK, EXIT_NO_MATCH, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 1, 2, 130

COMMANDS: dict[str, tuple[str, str]] = {
    "index": ("build or update the index of a corpus, print a summary", "byline index ~/news"),
    "search": ("ranked full-text search: titles, hit counts, snippets", "byline search '\"peace talks\" -nato' ~/news"),
    "facets": ("how many articles match, by outlet, folder and month", "byline facets 'path:politics' ~/news --json"),
    "quotes": ("every quotation, who said it and where it stands", "byline quotes --speaker Lavrov ~/news"),
    "speakers": ("who is quoted, with quotation and article counts", "byline speakers --json ~/news"),
}
"""Subcommand → (what it does, an example)."""

DUMP_FIELDS = ("text", "title", "date", "url", "outlet", "author")
"""What the ``--KIND-field NAME`` options name in the records of JSON Lines and CSV dumps."""

GLOBAL_OPTIONS = {"--index": True, "--follow-links": False, **{f"--{kind}-field": True for kind in DUMP_FIELDS}}
"""Options every command takes (→ whether they take a value); they may stand before the subcommand."""


class UsageError(Exception):
    """Bad input from the user: exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit with status 2 (through :class:`UsageError`,
    so that :func:`main` returns the status instead of raising ``SystemExit``)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")  # (main says it in one line: status 2)

    def _parse_optional(self, arg_string: str):  # type: ignore[no-untyped-def]
        """A word that opens with ``-`` and holds white space (``"- Putin"``, ``"-\\n"``) is a query or
        a path, never an option (argparse itself lets only a space through)."""
        if arg_string[:1] == "-" and any(ch.isspace() for ch in arg_string):
            return None
        return super()._parse_optional(arg_string)


def _top_help() -> str:
    lines = ["commands:"]
    for name, (what, example) in COMMANDS.items():
        lines.append(f"  {name:<9} {what}")
        lines.append(f"  {'':<9}   {example}")
    lines += [
        "",
        "Run 'byline COMMAND --help' for a command's options. Every command brings the index",
        "up to date first (only new and changed files are read) and takes --index DIR.",
        "",
        "exit status: 0 something matched, 1 nothing matched or an error, 2 bad usage",
    ]
    return "\n".join(lines)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the sample corpus)")
    p.add_argument("--index", metavar="DIR", help="keep the index in DIR instead of the user cache")
    p.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links that lead outside the corpus folders (by default they are skipped and named)",
    )
    fields = p.add_argument_group(
        "fields of JSON Lines and CSV dumps",
        "Which field of each record holds what, when a dump does not use the usual names (text, body, content,\n"
        "title, headline, date, published, url, link, source, outlet, author, byline...). Remembered with the\n"
        "index; a changed name reads the dumps again; an empty NAME ('--text-field=') goes back to the usual names.",
    )
    for kind in DUMP_FIELDS:
        fields.add_argument(f"--{kind}-field", metavar="NAME", help=f"the field holding the {kind} (a.b reaches into objects)")


def _limit(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (every hit) or more")
    return n


def _kinds(value: str) -> list[str]:
    """``--kind`` values: one kind or a comma list (``person,organisation``), each one of :data:`SPEAKER_KINDS`."""
    kinds = [part.strip().casefold() for part in value.split(",") if part.strip()]
    wrong = [k for k in kinds if k not in SPEAKER_KINDS]
    if wrong or not kinds:
        shown = ", ".join(repr(k) for k in wrong) if wrong else repr(value)
        raise argparse.ArgumentTypeError(f"not a speaker kind: {shown} (choose from {', '.join(SPEAKER_KINDS)})")
    return kinds


def build_parsers() -> dict[str | None, argparse.ArgumentParser]:
    """One parser per command; ``None`` is the reader (``byline [PATH ...]``)."""
    top = _Parser(
        prog="byline",
        usage="byline [PATH ...] [--index DIR] [--theme NAME]\n       byline COMMAND [ARGS ...]",
        description="A terminal reader for collections of news articles. Without a COMMAND, open the\n"
        "reader on PATHs (folders or files of articles; default: the sample corpus shipped with Byline).",
        epilog=_top_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"byline {__version__}")
    _add_common(top)
    top.add_argument("--theme", metavar="NAME", help="the reader's colour theme (remembered for next time)")

    parsers: dict[str | None, argparse.ArgumentParser] = {None: top}
    for name, (what, example) in COMMANDS.items():
        parsers[name] = _Parser(prog=f"byline {name}", description=f"{what[0].upper()}{what[1:]}.", epilog=f"example: {example}")

    p = parsers["index"]
    _add_common(p)
    p.add_argument("--rebuild", action="store_true", help="drop the index and build it again")
    p.add_argument(
        "--compact",
        action="store_true",
        help="then merge the index into one segment: about half the disk, for about a third more time",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = parsers["search"]
    p.add_argument(
        "query",
        metavar="QUERY",
        nargs="?",
        help='words, "phrases", AND/OR/NOT, -word to exclude, field:value, term~, prefix*',
    )
    _add_common(p)
    p.add_argument("-n", "--limit", type=_limit, default=20, metavar="N", help="at most N results (default 20; 0: every hit)")
    p.add_argument(
        "--sort",
        choices=SORT_KEYS,
        default="relevance",
        metavar="KEY",
        help="order of the hits: relevance (default), date (newest first), title, outlet or path; "
        "every match is sorted before the first N are shown",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per line per hit")

    p = parsers["facets"]
    p.add_argument(
        "query",
        metavar="QUERY",
        nargs="?",
        help="count the articles matching QUERY (default: every article); "
        "a first word naming an existing file or folder is a PATH",
    )
    _add_common(p)
    p.add_argument("-q", "--query", dest="query_option", metavar="QUERY", help="the query, when it could be taken for a PATH")
    p.add_argument("--json", action="store_true", help='one JSON object: {"total", "outlet", "folder", "month"}')
    p.set_defaults(optional_query=True)

    p = parsers["quotes"]
    _add_common(p)
    p.add_argument("--speaker", metavar="NAME", help="only quotations by NAME (full name or surname)")
    p.add_argument("--json", action="store_true", help="one JSON object per line per quotation")

    p = parsers["speakers"]
    _add_common(p)
    p.add_argument(
        "--kind",
        type=_kinds,
        action="append",
        metavar="KIND",
        help="only speakers of KIND: person (somebody named), organisation (a company, ministry, agency, outlet), "
        "document (a poll, report or ad quoted: 'Pentagon report') or unnamed (an anonymous source described, not named: 'a senior official'); "
        "repeat it or give a comma list (--kind person,organisation)",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per line per speaker")
    return parsers


def split_command(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """The subcommand (or ``None`` for the reader) and the rest of the arguments.

    Global options may come before the subcommand (``byline --index DIR search x``).
    A first word that is neither a command nor an existing path, but looks like a
    command, is a typo: :class:`UsageError` suggests the command.
    """
    args = list(argv)
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            break
        name = word.split("=", 1)[0]
        if name in GLOBAL_OPTIONS:
            i += 2 if GLOBAL_OPTIONS[name] and "=" not in word else 1
            continue
        if word.startswith("-"):
            break  # an option of the reader (or --help, --version): no subcommand
        if word in COMMANDS:
            return word, args[:i] + args[i + 1 :]
        if not os.path.exists(os.path.expanduser(word)):
            import difflib

            close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
            if close:
                raise UsageError(f"unknown command {word!r}; did you mean 'byline {close[0]}'?")
        break
    return None, args


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Options and positionals in any order (``search Q --json PATH``); after ``--`` only positionals."""
    tail: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, tail = argv[:cut], argv[cut + 1 :]
    args = parser.parse_intermixed_args(argv)
    if not hasattr(args, "query"):
        args.paths += tail
        return args
    words = ([args.query] if args.query is not None else []) + args.paths + tail
    if getattr(args, "optional_query", False):  # facets: the query is optional
        if args.query_option is not None:
            args.query, args.paths = args.query_option, words
        elif words and not os.path.exists(os.path.expanduser(words[0])):
            args.query, args.paths = words[0], words[1:]
        else:
            args.query, args.paths = None, words
        return args
    if not words:
        raise UsageError("search needs a QUERY (see 'byline search --help')")
    args.query, args.paths = words[0], words[1:]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``byline`` console script; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args_list)
    except UsageError as exc:
        _say_error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say("byline: interrupted; the index keeps everything committed before the interruption")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:  # the last safety net: one line, never a traceback
        _say_error(f"{type(exc).__name__}: {exc}")
        return EXIT_ERROR


def _run(argv: list[str]) -> int:
    command, rest = split_command(argv)
    args = _parse(build_parsers()[command], rest)
    args.command = command
    missing = [p for p in args.paths if not os.path.exists(os.path.expanduser(p))]
    if missing:
        from byline.display import printable

        raise UsageError(f"no such file or folder: {', '.join(printable(p) for p in missing)}")
    from byline import commands  # the engine and Rich: only now that the arguments are right

    return commands.run(args)


def _say(line: str) -> None:
    from byline.display import one_line

    sys.stderr.write(one_line(line) + "\n")
    sys.stderr.flush()


def _say_error(message: str) -> None:
    _say(f"byline: error: {message}")


def _silence_stdout() -> None:
    """After a closed pipe: point standard output at /dev/null so the exit flush raises nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
