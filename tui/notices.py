"""What the reader says about a listing and an indexing pass, as plain text or escaped toast markup."""

from __future__ import annotations

from pathlib import Path

from textual.notifications import SeverityLevel

from ..index.models import IndexReport
from . import safe
from .messages import ArticlesListed


def listing_notice(message: ArticlesListed, indexing: bool) -> tuple[str, bool]:
    """The line under the search bar for a listing (plain text), and whether it is a warning."""
    result = message.result
    if result is None:
        return f"{message.total:,} articles" + (" (indexing…)" if indexing else ""), False
    if not result.searched:
        return " ".join(result.notices) or "Nothing to search for.", True
    n = message.total
    found = f"No article matches {result.searched}" if not n else f"{n:,} article{'s match' if n != 1 else ' matches'} {result.searched}"
    if result.notices:
        return " ".join(result.notices) + " " + found, True
    return found, False


def report_notices(report: IndexReport) -> list[tuple[str, SeverityLevel]]:
    """Toasts (markup, with names from outside escaped) about what an indexing pass did and skipped."""
    out: list[tuple[str, SeverityLevel]] = []
    if report.cancelled:
        out.append(("Indexing stopped; it carries on at the next launch.", "warning"))
    elif report.changed:
        parts = [f"{n} {what}" for n, what in ((report.added, "added"), (report.updated, "updated"), (report.removed, "removed")) if n]
        out.append(("Index updated: " + ", ".join(parts) + ".", "information"))
    if report.skipped:
        first = report.skipped[0]
        more = f" (and {len(report.skipped) - 1} more)" if len(report.skipped) > 1 else ""
        out.append((f"Skipped {safe.markup(Path(first.path).name)}: {safe.markup(first.reason)}{more}", "warning"))
    out.extend((safe.markup(notice), "warning") for notice in report.notices)
    return out
