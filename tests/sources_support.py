"""A small mixed corpus written for the tests: a text file, a web page, a JSON Lines and a CSV dump.

Each article holds one quotation and a word found nowhere else, so a test can
find it, check its metadata and check that the quotation's offsets index its
text. The dumps also hold malformed records, one of each kind.
"""

from __future__ import annotations

import json
from pathlib import Path

from files_support import write_file

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Mayor opens the river bridge | City Ledger</title>
<meta property="og:title" content="Mayor opens the river bridge">
<meta property="og:site_name" content="City Ledger">
<meta property="article:published_time" content="2024-11-07T08:00:00Z">
<link rel="canonical" href="https://www.cityledger.example/news/bridge"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather forecast</a></nav>
<div class="cookie-banner"><p>We use cookies. Accept all cookies or manage your preferences.</p></div>
<main><article><h1>Mayor opens the river bridge</h1>
<p>The mayor opened the new river bridge on Thursday morning in front of a large crowd of residents.</p>
<p>"It links our two halves at last, and the pangolin reserve too," said Mayor Luis Ortega, who cut the ribbon.</p>
<p>The bridge cost twelve million dollars and took three years to build, the council said.</p>
</article></main>
<footer><p>Copyright City Ledger. All rights reserved. Contact us. Privacy policy.</p></footer></body></html>
"""

TEXT = """Senate passes the harbour budget

Publish date : 2024-11-05
Outlet: Example Times

The senate passed the harbour budget on Tuesday after a long night.

"This is a good day for the axolotl fishermen," said Senator Jane Roe.
"""

JSON_RECORDS = [
    {
        "title": "Talks resume in Geneva",
        "text": "Envoys met again in Geneva on Monday.\n\n\u201cWe are cautiously hopeful about the quokka accord,\u201d said Anna Lind, the envoy.",
        "date": "2024-10-03",
        "url": "https://www.examplepost.example/world/talks",
        "source": "Example Post",
    },
    '{"title": "Broken", "text": ',
    ["not", "an", "object"],
    {"title": "No text at all", "date": "2024-10-04"},
    {"title": "Empty", "text": "   "},
    {
        "headline": "Storm hits the coast",
        "body": "The storm hit the coast overnight. \"We lost every narwhal net,\" said Tom Baker, a fisherman.",
        "pubdate": "2024-12-01",
        "link": "https://news.stormwatch.example/storm",
    },
]
"""Record 1 and 6 are articles; 2 is bad JSON, 3 not an object, 4 has no text field, 5 an empty text."""

CSV_ROWS = (
    "title,text,date,source\n"
    '"Court rules on housing","The court ruled on Monday. ""It is final for the wombat tenants,"" said Judge Mary Lee.",2024-11-20,Law Daily\n'
    '"A row too short","only two"\n'
    '"Council backs the plan","The council backed the plan. ""We will build the ibis park,"" said Councillor Sam Ford.",2024-09-12,Town Crier\n'
)
"""Rows 1 and 3 are articles; row 2 has the wrong number of columns."""

SKIPPED = {
    "wire/feed.jsonl#2": "bad JSON at column 28",
    "wire/feed.jsonl#3": "not a JSON object",
    "wire/feed.jsonl#4": "no text field",
    "wire/feed.jsonl#5": "empty text",
    "courts/high/rulings.csv#2": "2 columns, the header has 4",
}
"""Every malformed record of :func:`mixed_corpus`, by its place under the corpus root, and its reason."""

ARTICLES = {
    "politics/budget.txt": ("Senate passes the harbour budget", "2024-11-05", "Example Times", "axolotl"),
    "politics/bridge.html": ("Mayor opens the river bridge", "2024-11-07", "City Ledger", "pangolin"),
    "wire/feed.jsonl#1": ("Talks resume in Geneva", "2024-10-03", "Example Post", "quokka"),
    "wire/feed.jsonl#6": ("Storm hits the coast", "2024-12-01", "stormwatch.example", "narwhal"),
    "courts/high/rulings.csv#1": ("Court rules on housing", "2024-11-20", "Law Daily", "wombat"),
    "courts/high/rulings.csv#3": ("Council backs the plan", "2024-09-12", "Town Crier", "ibis"),
}
"""Every article of :func:`mixed_corpus`: (title, date, outlet, a word only it holds)."""


OUTLETS = {
    "City Ledger": 1,
    "Example Post": 1,
    "Example Times": 1,
    "Law Daily": 1,
    "stormwatch.example": 1,
    "Town Crier": 1,
}
"""``byline facets``' outlet counts of :func:`mixed_corpus`, in their order (most articles, then by name)."""


def jsonl(records: list[object]) -> str:
    """JSON Lines: one record per line (strings are written as they are)."""
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def mixed_corpus(root: Path) -> Path:
    """Write the mixed corpus under ``root`` (resolved); returns it."""
    write_file(root / "politics" / "budget.txt", TEXT)
    write_file(root / "politics" / "bridge.html", PAGE)
    write_file(root / "wire" / "feed.jsonl", jsonl(JSON_RECORDS))
    write_file(root / "courts" / "high" / "rulings.csv", CSV_ROWS)
    return root.resolve()
