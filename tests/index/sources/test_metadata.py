"""Tests for byline.index.sources.metadata: metadata recovered from the article text."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from byline.index.library import sample_corpus
from byline.index.sources.metadata import formats
from byline.index.sources.metadata import (
    extract_metadata,
    find_date,
    is_boilerplate_line,
    outlet_from_url,
    safe_url,
    title_from_url,
    unwrap_url,
)
from byline.index.models import ArticleMeta

SAMPLE = sample_corpus()


def sample(prefix: str) -> str:
    (path,) = SAMPLE.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def span_text(text: str, meta: ArticleMeta) -> str:
    assert meta.title_span is not None
    start, end = meta.title_span
    return text[start:end]


# ----------------------------------------------------------------------- the samples


def test_sample_000_title_from_redirected_url_slug() -> None:
    text = sample("000")
    meta = extract_metadata(text)
    assert meta.title == "What Does Russia Vladimir Putin Want From Donald Trump America"
    assert meta.title_span is None
    assert meta.outlet == "firstpost.com"
    assert meta.url == (
        "https://www.firstpost.com/world/united-states/"
        "what-does-russia-vladimir-putin-want-from-donald-trump-america-13833371.html"
    )
    assert meta.date == "2024-11-07"
    assert meta.author is None  # "Author :" with nothing after it
    assert meta.body_start == 0  # the first line is a body sentence, not a title


def test_sample_001_no_metadata_opening_words() -> None:
    text = sample("001")
    meta = extract_metadata(text)
    # a readable fallback: the first sentence, cut at a clause boundary
    assert meta.title == (
        "Russian President Vladimir Putin has publicly congratulated Donald Trump on his recent election victory…"
    )
    assert (meta.outlet, meta.url, meta.date, meta.author) == (None, None, None, None)
    assert meta.title_span is None
    assert meta.body_start == 0


def test_sample_002_quoted_headline() -> None:
    text = sample("002")
    meta = extract_metadata(text)
    title = "Putin Confident Trump Can Navigate Ukraine Crisis and Repair US–Russia Relations"
    assert meta.title == title
    assert span_text(text, meta) == title  # inside the quote marks
    assert text[meta.title_span[0] - 1] == '"'  # type: ignore[index]
    assert (meta.outlet, meta.url, meta.date, meta.author) == (None, None, None, None)
    assert text[meta.body_start :].startswith('The statement that "Putin is confident')


def test_sample_003_date_url_line_then_title() -> None:
    text = sample("003")
    meta = extract_metadata(text)
    title = "What Does Russia Expect From Trump 2.0? Senior Russian Lawmaker Explains"
    assert meta.title == title
    assert span_text(text, meta) == title
    assert meta.outlet == "sputnikglobe.com"
    assert meta.url == (
        "https://sputnikglobe.com/20241114/"
        "what-does-russia-expect-from-trump-20-senior-russian-lawmaker-explains-1120882629.html"
    )
    assert meta.date == "2024-11-14"
    assert meta.author is None
    assert text[meta.body_start :].startswith("Russia has no illusions")


def test_sample_004_outlet_suffix_and_dateline_body() -> None:
    text = sample("004")
    meta = extract_metadata(text)
    assert meta.title == "View from Moscow: Russia tepidly welcomes Trump’s return"
    assert span_text(text, meta) == meta.title
    assert meta.outlet == "Asia Times"
    assert (meta.url, meta.date, meta.author) == (None, None, None)
    assert text[meta.body_start :].startswith("MOSCOW– Relaxed observers")


# ----------------------------------------------------------------------- small articles


def test_no_metadata_at_all() -> None:
    text = "The council met on Tuesday to discuss the budget. Members disagreed.\n\nA vote is due."
    meta = extract_metadata(text)
    assert meta == ArticleMeta(
        title="The council met on Tuesday to discuss the budget", body_start=0
    )


def test_markdown_heading() -> None:
    text = "# Election Night in Review #\n\nVoters turned out in large numbers.\n"
    meta = extract_metadata(text)
    assert meta.title == "Election Night in Review"
    assert span_text(text, meta) == "Election Night in Review"
    assert text[meta.body_start :] == "Voters turned out in large numbers.\n"


def test_markdown_front_matter() -> None:
    text = (
        '---\ntitle: "Front Matter Title | The Daily Planet"\ndate: 2024-03-05\n'
        "author: Jane Doe\ntags: [a, b]\n---\n\nBody here.\n"
    )
    meta = extract_metadata(text)
    assert meta.title == "Front Matter Title"
    assert span_text(text, meta) == "Front Matter Title"
    assert meta.outlet == "The Daily Planet"
    assert meta.date == "2024-03-05"
    assert meta.author == "Jane Doe"
    assert text[meta.body_start :] == "Body here.\n"


def test_setext_heading() -> None:
    text = "My Title\n========\n\nBody."
    meta = extract_metadata(text)
    assert meta.title == "My Title"
    assert text[meta.body_start :] == "Body."


def test_by_line_and_published_date() -> None:
    text = (
        "Senate Passes Budget Deal\nBy Jane Doe and John Roe\n"
        "Published: November 7, 2024\n\nThe Senate passed the bill by a wide margin."
    )
    meta = extract_metadata(text)
    assert meta.title == "Senate Passes Budget Deal"
    assert meta.author == "Jane Doe and John Roe"
    assert meta.date == "2024-11-07"
    assert text[meta.body_start :].startswith("The Senate passed")


def test_by_line_with_affiliation() -> None:
    text = "Talks Stall Again\nBy Maria Lopez, Reuters\n\nNegotiators left Geneva."
    assert extract_metadata(text).author == "Maria Lopez"


def test_body_sentence_starting_with_by_is_not_an_author() -> None:
    text = "Markets Rally\nBy Monday, the index had risen by four percent.\nTraders cheered."
    meta = extract_metadata(text)
    assert meta.author is None
    assert text[meta.body_start :].startswith("By Monday")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Date: 7 Nov 2024", "2024-11-07"),
        ("Date: 7th of November, 2024", "2024-11-07"),
        ("Posted on Thursday, Nov. 7th, 2024 at 10:00 am", "2024-11-07"),
        ("Published 2024-11-07T21:21:00Z", "2024-11-07"),
        ("Publish date : 2024-11-07 21:21:00", "2024-11-07"),
        ("Publication date: 2024/11/07", "2024-11-07"),
        ("Published: 25/12/2024", "2024-12-25"),
        ("Updated: December 1, 2024", "2024-12-01"),
        ("Thursday, November 7, 2024", "2024-11-07"),
    ],
)
def test_date_formats(line: str, iso: str) -> None:
    text = f"Talks Resume\n{line}\n\nBody text follows here."
    meta = extract_metadata(text)
    assert meta.date == iso
    assert meta.title == "Talks Resume"
    assert text[meta.body_start :] == "Body text follows here."


def test_invalid_and_ambiguous_dates_are_dropped() -> None:
    assert extract_metadata("Headline Here\nDate: 2024-02-30\n\nBody.").date is None
    assert extract_metadata("Headline Here\nDate: 03/04/2024\n\nBody.").date is None


def test_labelled_date_wins_over_updated_and_url() -> None:
    text = (
        "Headline Here\nUpdated: 2024-12-01\nPublished: 2024-11-30\n"
        "URL: https://example.com/2024/01/02/some-story-slug\n\nBody."
    )
    assert extract_metadata(text).date == "2024-11-30"


def test_date_from_url_path_as_last_resort() -> None:
    text = "Source link : https://example.com/news/2024/11/14/putin-speaks-at-forum\n\nHe spoke."
    meta = extract_metadata(text)
    assert meta.date == "2024-11-14"
    assert meta.title == "Putin Speaks at Forum"
    assert meta.outlet == "example.com"


def test_google_redirect_unwrapped() -> None:
    text = (
        "Kremlin Says Talks Possible\n"
        "Source: https://www.google.com/url?rct=j&sa=t&url=https%3A%2F%2Fwww.reuters.com%2Fworld"
        "%2Feurope%2Fkremlin-says-talks-2024-11-12%2F&ct=ga&cd=CAIy\n\nBody."
    )
    meta = extract_metadata(text)
    assert meta.url == "https://www.reuters.com/world/europe/kremlin-says-talks-2024-11-12/"
    assert meta.outlet == "reuters.com"
    assert meta.date == "2024-11-12"
    assert meta.title == "Kremlin Says Talks Possible"


def test_facebook_redirect_without_title_gives_slug_title() -> None:
    text = (
        "URL: https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.theguardian.com%2Fworld%2F2024"
        "%2Fnov%2F08%2Fputin-trump-call&h=AT0\n\nBody text without title. It goes on."
    )
    meta = extract_metadata(text)
    assert meta.url == "https://www.theguardian.com/world/2024/nov/08/putin-trump-call"
    assert meta.title == "Putin Trump Call"
    assert meta.date == "2024-11-08"
    assert meta.outlet == "theguardian.com"
    assert text[meta.body_start :].startswith("Body text")


def test_pipe_outlet_suffix() -> None:
    text = "Putin congratulates Trump | Reuters\n\nMoscow said on Thursday it was ready."
    meta = extract_metadata(text)
    assert meta.title == "Putin congratulates Trump"
    assert meta.outlet == "Reuters"
    assert span_text(text, meta) == "Putin congratulates Trump"


def test_hyphen_outlet_suffix_and_label_outlet() -> None:
    meta = extract_metadata("Leaders Meet in Geneva - The New York Times\n\nThey met.")
    assert (meta.title, meta.outlet) == ("Leaders Meet in Geneva", "The New York Times")
    # A lower-case tail is part of the headline, not an outlet.
    meta = extract_metadata("Ukraine war - live updates\n\nThe latest news.")
    assert (meta.title, meta.outlet) == ("Ukraine war - live updates", None)
    # A hyphenated compound is not a separator.
    meta = extract_metadata("US-Russia Talks Resume\nSource: Reuters\n\nBody text.")
    assert (meta.title, meta.outlet) == ("US-Russia Talks Resume", "Reuters")


def test_title_line_ending_with_question_mark() -> None:
    text = "Will Trump End the War in Ukraine?\nAnalysts are divided on the question."
    meta = extract_metadata(text)
    assert meta.title == "Will Trump End the War in Ukraine?"
    assert text[meta.body_start :].startswith("Analysts")


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (AP) — Lawmakers returned to the capital on Monday\nwith a packed agenda.\n",
        "MOSCOW– Relaxed observers expected more\nAnother line.",
        "Officials said the meeting went well.\nMore details later.",
        "The minister, who spoke on condition of anonymity, said that the talks would\n"
        "continue next week in Vienna.",
        "Short line that continues\nin lower case on the next line.",
        "- a list item\nmore",
    ],
    ids=["dateline", "dateline-dash", "sentence", "wrapped", "continued", "list"],
)
def test_body_first_line_is_not_a_title(text: str) -> None:
    meta = extract_metadata(text)
    assert meta.title_span is None
    assert meta.body_start == 0
    assert meta.title.rstrip("…") in " ".join(text.split())  # the opening words (after a dateline)


def test_one_line_headline_file() -> None:
    meta = extract_metadata("Breaking: Kremlin Responds\n")
    assert meta.title == "Breaking: Kremlin Responds"
    assert meta.title_span == (0, 26)
    assert meta.body_start == 0  # the line is the body too


def test_one_line_sentence_file() -> None:
    text = "This file has just one sentence that is rather long and keeps going on and on."
    meta = extract_metadata(text)
    assert meta.title == "This file has just one sentence…"
    assert meta.body_start == 0


def test_empty_and_blank_text() -> None:
    assert extract_metadata("") == ArticleMeta(title="")
    meta = extract_metadata("  \n\n\t ")
    assert meta.title == ""
    assert 0 <= meta.body_start <= 6


def test_only_metadata_lines() -> None:
    text = "Author : Jane Doe\nPublish date : 2024-11-07 21:21:00\n"
    meta = extract_metadata(text)
    assert meta.author == "Jane Doe"
    assert meta.date == "2024-11-07"
    assert meta.title  # falls back to the words there are
    assert meta.body_start == len(text)


def test_leading_boilerplate_skipped_before_title() -> None:
    text = "Advertisement\n\nLeaders Agree on Ceasefire\n\nThe deal was signed."
    meta = extract_metadata(text)
    assert meta.title == "Leaders Agree on Ceasefire"
    assert text[meta.body_start :] == "The deal was signed."


def test_two_quotations_are_not_one_quoted_headline() -> None:
    meta = extract_metadata('"Yes" and "No" Are the Answers\nBody.')
    assert meta.title == '"Yes" and "No" Are the Answers'


def test_curly_quoted_headline_with_apostrophe() -> None:
    text = "“Trump’s Return Worries Kyiv”\nOfficials in Kyiv are nervous."
    meta = extract_metadata(text)
    assert meta.title == "Trump’s Return Worries Kyiv"
    assert span_text(text, meta) == meta.title


def test_title_label_with_outlet_suffix() -> None:
    text = "Title: Hello World - BBC News\nURL: https://www.bbc.co.uk/news/world-123\n\nBody."
    meta = extract_metadata(text)
    assert (meta.title, meta.outlet) == ("Hello World", "BBC News")
    assert meta.url == "https://www.bbc.co.uk/news/world-123"
    assert text[meta.body_start :] == "Body."


def test_horizontal_rule_is_not_front_matter() -> None:
    text = "---\nReal Headline Here\n---\nBody text."
    meta = extract_metadata(text)
    assert meta.title == "Real Headline Here"


def test_crlf_text_does_not_break_extraction() -> None:
    meta = extract_metadata("Headline Words\r\n\r\nBody text here.\r\n")
    assert meta.title == "Headline Words"


# ----------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "line",
    [
        "Source link : http://example.com/a",
        "Author :",
        "Publish date : 2024-11-07 21:21:00",
        "Copyright for syndicated content belongs to the linked Source.",
        "Also Read |",
        "Also Watch:",
        "0 Comments",
        "With inputs from agencies",
        "Get all the latest updates of US Elections 2024",
        "Advertisement",
        "Share this:",
        "Read more: https://example.com",
        " date 2024-11-14 https://sputnikglobe.com/20241114/x.html",
        "https://example.com/story",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Putin vs Nato",
        "Russian forces make gradual gains on the frontlines.",
        "Read more books, he said.",
        "Sources say the talks failed.",
        "Date night in Moscow was cancelled.",
        "By Monday, the deal was done.",
    ],
)
def test_not_boilerplate_lines(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_unwrap_url() -> None:
    bing = (
        "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=672de&url=https%3A%2F%2F"
        "www.firstpost.com%2Fworld%2Fa-b-c-1.html&c=311&mkt=en-us"
    )
    assert unwrap_url(bing) == "https://www.firstpost.com/world/a-b-c-1.html"
    plain = "https://example.com/search?q=putin+trump"
    assert unwrap_url(plain) == plain  # q= is not a URL here
    nested = "https://t.example/r?target=" + "https%3A%2F%2Fl.facebook.com%2Fl.php%3Fu%3Dhttps%253A%252F%252Fx.org%252Fy"
    assert unwrap_url(nested) == "https://x.org/y"


def test_outlet_and_title_from_url() -> None:
    assert outlet_from_url("https://www.firstpost.com/x") == "firstpost.com"
    assert outlet_from_url("https://m.bbc.co.uk:443/x") == "bbc.co.uk"
    assert outlet_from_url("not a url") is None
    assert title_from_url("https://x.com/a/12345") is None
    assert title_from_url("https://x.com/news/a-tale-of-two-cities-4f3a9b2c1d/") == "A Tale of Two Cities"


def test_find_date() -> None:
    assert find_date("on Nov. 7, 2024 at noon") == ("2024-11-07", (3, 15))
    assert find_date("nothing here 2024") is None
    assert find_date("1999-13-01 then 2000-01-31")[0] == "2000-01-31"  # type: ignore[index]


# ----------------------------------------------------------------------- properties


_LINE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "",
            "# Heading",
            "Title: X",
            "By Jane Doe",
            "Source link : https://www.bing.com/news/apiclick.aspx?url=https%3A%2F%2Fa.com%2Fb-c-d",
            "Author :",
            "Publish date : 2024-11-07 21:21:00",
            " date 2024-11-14 https://a.org/20241114/x-y-z-1.html",
            '"Quoted Headline"',
            "A Headline – Outlet Name",
            "---",
            "Body sentence here.",
            "\x1b[31m",
            "“",
        ]
    ),
)


def _check(text: str) -> None:
    meta = formats._extract(text)  # not the public wrapper: its safety net would hide bugs
    assert isinstance(meta, ArticleMeta)
    assert isinstance(meta.title, str)
    if text.strip():
        assert meta.title.strip()
    assert 0 <= meta.body_start <= len(text)
    if meta.title_span is not None:
        start, end = meta.title_span
        assert 0 <= start < end <= len(text)
        assert " ".join(text[start:end].split()) == meta.title
    if meta.date is not None:
        assert len(meta.date) == 10 and meta.date[4] == "-" and meta.date[7] == "-"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_metadata(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=8))
def test_any_lines_give_metadata(lines: list[str]) -> None:
    _check("\n".join(lines))


# -- issue 12, item 3: URLs stay valid URLs ----------------------------------------------------

HOSTILE_REDIRECT = "https://www.bing.com/ck/a?u=https%3A%2F%2Fexample.com%2Fnews%1B%5B2J%07%0Aevil%20page%3Fid%3D1&p=x"


def test_unwrapping_a_redirect_keeps_the_url_valid() -> None:
    url = unwrap_url(HOSTILE_REDIRECT)
    assert url == "https://example.com/news%1B%5B2J%07%0Aevil%20page?id=1"
    assert url.isascii() and url.isprintable() and " " not in url


def test_metadata_urls_are_valid_even_from_hostile_text() -> None:
    meta = extract_metadata(f"Headline Of The Day\n\nBody text here.\n\nSource link : {HOSTILE_REDIRECT}\n")
    assert meta.url is not None and meta.url.isascii() and meta.url.isprintable() and " " not in meta.url
    assert meta.outlet == "example.com"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://www.example.com/a/b?c=d#e", "https://www.example.com/a/b?c=d#e"),
        ("http://example.com/a b\x1b[31m\x07\n", "http://example.com/a%20b%1B%5B31m%07"),
        ("https://example.com/caf\u00e9/\u201cquote\u201d", "https://example.com/caf%C3%A9/%E2%80%9Cquote%E2%80%9D"),
        ("https://b\u00fccher.example/x", "https://xn--bcher-kva.example/x"),
        ("https://example.com/100%/done", "https://example.com/100%25/done"),
        ("  https://example.com/x  ", "https://example.com/x"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("data:text/html,<b>x</b>", None),
        ("https:///no-host", None),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, safe: str | None) -> None:
    assert safe_url(url) == safe


@given(st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_safe_url_never_lets_a_control_through(tail: str) -> None:
    out = safe_url("https://example.com/" + tail)
    assert out is not None
    assert out.isascii() and out.isprintable() and " " not in out
    assert safe_url(out) == out  # stable: a safe URL stays as it is
