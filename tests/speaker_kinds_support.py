"""A small corpus with speakers of the three kinds (people, organisations, unnamed sources), for the speakers views.

The text is written for these tests (unit cases of the lists and the CLI, never accuracy figures); every
speaker comes from the real extraction (an unnamed source is named by its description as written:
``a senior port official said``).
"""

from __future__ import annotations

from pathlib import Path

from files_support import write_file

ARTICLES = {
    "port-ruling.txt": (
        "Port deal under review\n\nPublished: 2024-03-02\n\n"
        "“We will appeal the ruling,” Greenfield Shipping Corp said in a statement on Tuesday.\n\n"
        "“The terms were agreed in good faith,” said Maria Lopez, the port authority’s lawyer.\n\n"
        "“Nobody has told us anything about the berths,” a senior port official said.\n\n"
        "“It is a fair outcome for the city,” the Transport Ministry said.\n\n"
        "“The appeal will be filed within a week,” Greenfield Shipping Corp said later.\n"
    ),
    "port-talks.txt": (
        "Talks resume at the harbour\n\nPublished: 2024-03-05\n\n"
        "“We are closer than we were,” said Maria Lopez, the port authority’s lawyer.\n\n"
        "“Both sides want this settled before the summer,” two people familiar with the talks said.\n\n"
        "“There is still a gap on the fees,” said John Carter, a union negotiator.\n\n"
        "Lopez added: “Nothing is agreed until everything is agreed.”\n\n"
        "“The berths stay closed until then,” a senior port official said.\n\n"
        "“We were not consulted on the fees,” a senior Transport Ministry official said.\n"
    ),
}

UNNAMED = {
    "Nobody has told us anything about the berths": "a senior port official",
    "The berths stay closed until then": "a senior port official",
    "Both sides want this settled before the summer": "two people familiar with the talks",
    "We were not consulted on the fees": "a senior Transport Ministry official",
}
"""Quotation text → the unnamed source that said it, as the article describes it."""

PEOPLE = ["Maria Lopez", "John Carter"]
"""The people quoted, most quoted first."""
ORGANISATIONS = ["Greenfield Shipping Corp", "Transport Ministry"]
"""The organisations quoted, most quoted first."""
UNNAMED_SOURCES = ["a senior port official", "a senior Transport Ministry official", "two people familiar with the talks"]
"""The unnamed sources quoted, most quoted first."""


def write_kinds_corpus(root: Path) -> Path:
    """Write the corpus under ``root``; returns ``root``."""
    for name, text in ARTICLES.items():
        write_file(root / name, text)
    return root
