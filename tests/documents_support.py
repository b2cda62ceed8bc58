"""A small corpus whose quotations come from documents (a poll, a report) as well as a person and an
organisation, for the document speakers through every layer: extraction, the index's speakers, the CLI,
the reader's speakers view.

The text is written for these tests (unit cases, never accuracy figures); every speaker comes from the
real extraction. ``Greenfield Shipping Corp`` speaks and so does a report named after it: the two are
never one speaker.
"""

from __future__ import annotations

from pathlib import Path

from files_support import write_file

ARTICLES = {
    "harbour-poll.txt": (
        "Harbour plan loses support\n\nPublished: 2024-04-01\n\n"
        "A new Harbour Institute poll found most residents call the plan “a waste of public money.”\n\n"
        "“We will keep the berths open,” said Maria Lopez, the port authority’s lawyer.\n\n"
        "The poll also found that “trust in the council is at its lowest in a decade.”\n\n"
        "“The terms were agreed in good faith,” Greenfield Shipping Corp said in a statement.\n"
    ),
    "harbour-audit.txt": (
        "Audit faults the port company\n\nPublished: 2024-04-03\n\n"
        "“The accounts of the berths do not add up,” the Greenfield Shipping Corp report said.\n\n"
        "“We are reading it closely,” said Maria Lopez.\n\n"
        "“We will win this fight for the harbour,” the ad says.\n"
    ),
}

SPEAKERS = {
    "a waste of public money.": ("Harbour Institute poll", "document"),
    "trust in the council is at its lowest in a decade.": ("Harbour Institute poll", "document"),
    "We will keep the berths open,": ("Maria Lopez", "person"),
    "The terms were agreed in good faith,": ("Greenfield Shipping Corp", "organisation"),
    "The accounts of the berths do not add up,": ("Greenfield Shipping Corp report", "document"),
    "We are reading it closely,": ("Maria Lopez", "person"),
    "We will win this fight for the harbour,": (None, None),
}
"""Quotation text → (speaker, kind) as extraction gives them (an ad the article never names: nobody)."""

DOCUMENTS = ["Harbour Institute poll", "Greenfield Shipping Corp report"]
"""The documents quoted, most quoted first."""


def write_documents_corpus(root: Path) -> Path:
    """Write the corpus under ``root`` and return it."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        write_file(root / name, text)
    return root
