"""Reading and indexing speed per format (text, web page, JSON Lines, CSV); prints figures, asserts nothing.

    python benchmarks/bench_sources.py [--articles N] [--pages DIR] [--index]

The same N generated articles (``corpus_gen.py``) are written as text files, as
web pages (each article inside a page with navigation, a cookie banner, a "most
read" list and a footer, as saved news pages have), as one JSON Lines dump and as
one CSV dump; each form is then read with the entry points of
``byline.index.sources`` (pages through trafilatura). ``--pages DIR`` also times
the real web pages of a folder (``*.html``, ``*.htm``) one by one. ``--index``
also times ``Library.update()`` on each form (one process, ``BYLINE_PROCS``
workers), an update after 1 % of the JSON Lines records changed, and a search
whose 20 best hits are pages (their text comes from the index; with the page
cache emptied first, as in a new process). Generated text is for speed only.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_gen import generate  # noqa: E402

from byline.index.sources import UnreadableFile, iter_dump, load_article, read_file  # noqa: E402

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{date}T08:00:00Z"><meta name="author" content="{author}">
<link rel="canonical" href="https://www.example.com/news/{n}"></head><body>
<nav><ul>{nav}</ul></nav>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all or manage preferences.</p></div>
<main><article><h1>{title}</h1><p class="byline">By {author}</p>
{paragraphs}
</article></main>
<aside class="most-read"><h2>Most read</h2><ol>{most_read}</ol></aside>
<footer><p>Copyright 2024 {outlet}. All rights reserved. Contact us. Privacy policy. Terms.</p></footer>
</body></html>
"""


def write_forms(root: Path, count: int) -> dict[str, Path]:
    """The same ``count`` generated articles as text files, pages, a JSON Lines and a CSV dump."""
    texts = generate(count, root / "text")
    pages = root / "pages"
    pages.mkdir()
    records = []
    for i, path in enumerate(sorted(texts.rglob("*.txt"))):
        article = load_article(path)
        meta = article.meta
        body = article.text[meta.body_start :]
        paragraphs = [p for p in body.split("\n") if p.strip()]
        record = {
            "title": meta.title,
            "text": "\n\n".join(paragraphs),
            "date": meta.date or "2024-11-07",
            "url": meta.url or f"https://www.example.com/news/{i}",
            "source": meta.outlet or "Example News",
            "author": meta.author or "Jane Doe",
        }
        records.append(record)
        (pages / f"p{i:07d}.html").write_text(
            PAGE.format(
                title=html.escape(record["title"]),
                outlet=html.escape(record["source"]),
                date=record["date"],
                author=html.escape(record["author"]),
                n=i,
                nav="".join(f'<li><a href="/s{k}">Section {k}</a></li>' for k in range(12)),
                paragraphs="\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs),
                most_read="".join(f'<li><a href="/m{k}">Most read story number {k}</a></li>' for k in range(10)),
            ),
            encoding="utf-8",
        )
    jsonl = root / "dump.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    csv_path = root / "dump.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return {"text": texts, "pages": pages, "jsonl": jsonl, "csv": csv_path}


def time_files(paths: list[Path]) -> tuple[float, list[float]]:
    """Read each file with ``read_file``; returns (total seconds, seconds per file)."""
    each = []
    for path in paths:
        t0 = time.perf_counter()
        try:
            read_file(path)
        except UnreadableFile as exc:
            print(f"  skipped {path.name}: {exc.reason}")
        each.append(time.perf_counter() - t0)
    return sum(each), each


def row(name: str, count: int, seconds: float, each: list[float] | None = None, size: int = 0) -> None:
    """Print one line of the table."""
    per = f"{count / seconds:8.0f}/s" if seconds else "       -"
    detail = ""
    if each:
        detail = f"  p50 {statistics.median(each) * 1000:5.1f} ms, max {max(each) * 1000:6.1f} ms"
    mb = f"  {size / 1e6 / seconds:5.1f} MB/s" if size and seconds else ""
    print(f"{name:<34} {count:>7} in {seconds:6.2f} s = {per}{detail}{mb}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--pages", type=Path, default=None, help="a folder of real web pages to time one by one")
    parser.add_argument("--index", action="store_true", help="also time Library.update() on text files and pages")
    args = parser.parse_args()

    if args.pages:
        real = sorted(p for p in args.pages.rglob("*") if p.suffix.lower() in (".html", ".htm"))
        read_file(real[0])  # import trafilatura outside the timing
        total, each = time_files(real)
        row(f"real pages ({args.pages.name})", len(real), total, each, sum(p.stat().st_size for p in real))

    with tempfile.TemporaryDirectory() as tmp:
        forms = write_forms(Path(tmp), args.articles)
        texts = sorted(forms["text"].rglob("*.txt"))
        pages = sorted(forms["pages"].glob("*.html"))
        read_file(pages[0])  # import trafilatura outside the timing
        total, each = time_files(texts)
        row("text files (.txt)", len(texts), total, each, sum(p.stat().st_size for p in texts))
        total, each = time_files(pages)
        row("generated pages (.html)", len(pages), total, each, sum(p.stat().st_size for p in pages))
        for kind in ("jsonl", "csv"):
            path = forms[kind]
            t0 = time.perf_counter()
            records = sum(1 for item in iter_dump(str(path)) if item.article is not None)
            row(f"{kind} dump, per record", records, time.perf_counter() - t0, size=path.stat().st_size)

        if args.index:
            time_indexing(Path(tmp), forms)


def time_indexing(tmp: Path, forms: dict[str, Path]) -> None:
    """Index each form in a folder of its own; then a changed dump, and a search over pages."""
    from byline.index.library import Library
    from byline.index.sources import html

    folders = {"text": forms["text"], "pages": forms["pages"]}
    for kind in ("jsonl", "csv"):
        folders[kind] = tmp / f"only-{kind}"
        folders[kind].mkdir()
        forms[kind].rename(folders[kind] / forms[kind].name)
    for name, folder in folders.items():
        with Library.open([folder], index_dir=tmp / f"ix-{name}") as lib:
            t0 = time.perf_counter()
            report = lib.update()
            row(f"index {name}", report.added, time.perf_counter() - t0)
            if name == "jsonl":
                dump = folder / forms["jsonl"].name
                lines = dump.read_text(encoding="utf-8").splitlines()
                step = 100
                for i in range(0, len(lines), step):  # 1 % of the records
                    record = json.loads(lines[i])
                    record["text"] += " A correction was added."
                    lines[i] = json.dumps(record, ensure_ascii=False)
                dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
                t0 = time.perf_counter()
                report = lib.update()
                print(f"  update after 1 % of the records changed: {report.updated} re-indexed, "
                      f"{report.unchanged} passed over, {time.perf_counter() - t0:.2f} s")
            if name == "pages":
                each = []
                for word in ("minister", "government", "said", "market", "police"):
                    html._read_page.cache_clear()
                    t0 = time.perf_counter()
                    result = lib.search(word, spans_for=20)
                    each.append(time.perf_counter() - t0)
                    assert all(h.snippet for h in result.hits[:20])
                print(f"  search, 20 best hits are pages with snippets (cold page cache): "
                      f"p50 {statistics.median(each) * 1000:.0f} ms, max {max(each) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
