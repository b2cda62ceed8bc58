"""Web pages (issue 14): the main text without the page's furniture, and the page's metadata."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.index.library import Library
from byline.index.sources import UnreadableFile, article_text, load_article, scan_corpus
from files_support import write_file as write
from hardening_support import run_cli

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Lords wrong on detainees - Straw | Example Gazette</title>
<meta property="og:title" content="Lords wrong on detainees - Straw">
<meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2004-12-17T10:12:00Z">
<meta name="author" content="Jane Okapi">
<link rel="canonical" href="https://www.example-gazette.com/politics/2004/12/17/lords-wrong">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Quagga sport</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. Accept all cookies or manage
your narwhal preferences.</p><button>Accept</button></div>
<main><article>
<h1>Lords wrong on detainees - Straw</h1>
<p class="byline">By Jane Okapi, political correspondent</p>
<p>Foreign Secretary Jack Straw has attacked the decision by Britain's highest court to rule that the
detention of foreign terror suspects without trial breaks human rights laws.</p>
<p>“I think they were wrong,” Mr Straw told the programme. The ruling was seen as a blow to the
government's anti-terror strategy, and ministers must now decide what to do about the detainees.</p>
<p>Mr Straw said the detainees posed a threat to national security and that the government would
consider the judgement carefully before deciding how to respond to the Law Lords.</p>
</article></main>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Celebrity axolotl gossip</a></li>
<li><a href="/b">Weather tomorrow</a></li><li><a href="/c">Football results</a></li></ol></aside>
<footer><p>Copyright 2004 Example Gazette. All rights reserved. Contact us. Privacy policy. Pangolin terms.</p></footer>
</body></html>
"""

JSON_LD_PAGE = """<html><head><meta charset="windows-1252">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Talks resume in Geneva", "datePublished": "2024-11-05T08:00:00Z",
 "author": {"@type": "Person", "name": "Pat Weaver"},
 "publisher": {"@type": "Organization", "name": "Lantern Wire"},
 "mainEntityOfPage": "https://lanternwire.example.org/world/talks-resume"}</script>
</head><body><article><h1>Talks resume in Geneva</h1>
<p>Negotiators returned to Geneva on Tuesday for a new round of talks on the ceasefire, officials said.</p>
<p>\x93We are cautiously hopeful,\x94 a spokeswoman said, adding that the caf\xe9 talks would last a week.</p>
</article></body></html>
"""


def test_a_news_page_is_its_main_text_with_the_pages_metadata(tmp_path: Path) -> None:
    article = load_article(write(tmp_path / "page.html", NEWS_PAGE))
    text, meta = article.text, article.meta
    assert text.startswith("Lords wrong on detainees - Straw\n\nForeign Secretary Jack Straw has attacked")
    assert "“I think they were wrong,” Mr Straw told the programme." in text
    for furniture in ("Quagga", "narwhal", "cookies", "axolotl", "Most read", "Pangolin", "Copyright", "By Jane Okapi"):
        assert furniture not in text
    assert meta.title == "Lords wrong on detainees - Straw"
    assert meta.title_span == (0, len(meta.title)) and text[meta.body_start :].startswith("Foreign Secretary")
    assert meta.title_suffix == "Straw"  # the person quoted, not the outlet
    assert (meta.outlet, meta.date, meta.author) == ("Example Gazette", "2004-12-17", "Jane Okapi")
    assert meta.url == "https://www.example-gazette.com/politics/2004/12/17/lords-wrong"
    assert article.encoding == "html/utf-8"
    assert article_text(article.path) == (text, article.encoding)


def test_json_ld_metadata_and_a_declared_charset(tmp_path: Path) -> None:
    article = load_article(write(tmp_path / "p.htm", JSON_LD_PAGE.encode("latin-1")))
    meta = article.meta
    assert (meta.title, meta.outlet, meta.date, meta.author) == (
        "Talks resume in Geneva",
        "Lantern Wire",
        "2024-11-05",
        "Pat Weaver",
    )
    assert meta.url == "https://lanternwire.example.org/world/talks-resume"
    assert "“We are cautiously hopeful,” a spokeswoman said" in article.text and "café" in article.text
    assert article.encoding == "html/cp1252"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "no article text in the page"),
        ("", "empty file"),
    ],
)
def test_a_page_without_text_is_skipped_with_a_reason(tmp_path: Path, content: str, reason: str) -> None:
    with pytest.raises(UnreadableFile) as info:
        load_article(write(tmp_path / "empty.html", content))
    assert info.value.reason == reason


def test_pages_are_indexed_searched_and_quoted_in_their_own_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    page = write(corpus / "web" / "lords.html", NEWS_PAGE)
    write(corpus / "plain.txt", "Budget Talks Stall\n\nThe okapi committee met again on Monday.\n")
    (path,) = [f.path for f in scan_corpus([corpus]).files if f.path.endswith(".html")]
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert (report.added, report.skipped) == (2, [])
        shown = lib.article(str(page))
        assert shown.text == load_article(path).text and shown.meta.outlet == "Example Gazette"
        (hit,) = lib.search("detainees").hits
        assert hit.path == path and hit.title == "Lords wrong on detainees - Straw"
        assert all(shown.text[s:e].lower().startswith("detainee") for s, e in hit.spans) and len(hit.spans) == 3
        for furniture in ("quagga", "narwhal", "axolotl", "pangolin"):
            assert lib.search(furniture).hits == ()
        quotes = lib.quotes(path)
        assert any(r.quote.text == "I think they were wrong," and r.quote.speaker == "Jack Straw" for r in quotes), quotes
        for r in quotes:
            assert shown.text[r.quote.start : r.quote.end] == r.quote.text
    code, out, _ = run_cli(capsys, "search", "Straw", str(corpus), "--index", str(tmp_path / "ix"), "--json")
    assert code == 0 and '"outlet": "Example Gazette"' in out


def test_trafilatura_is_imported_only_when_a_page_is_read(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A Headline\n\nSome text.\n")
    write(tmp_path / "b.html", NEWS_PAGE)
    code = (
        "import sys\n"
        "from byline.index.library import Library\n"
        "from byline.index.sources import load_article\n"
        f"load_article({str(tmp_path / 'a.txt')!r})\n"
        "print('trafilatura' in sys.modules)\n"
        f"load_article({str(tmp_path / 'b.html')!r})\n"
        "print('trafilatura' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["False", "True"] and out.stderr == ""


@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode())))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_page_gives_an_article_or_one_reason(tmp_path: Path, content: bytes) -> None:
    try:
        article = load_article(write(tmp_path / "any.html", content))
    except UnreadableFile as exc:
        assert exc.reason
    else:
        assert article.text.strip() and article.meta.title
        span = article.meta.title_span
        assert span is None or article.text[span[0] : span[1]] == article.meta.title
