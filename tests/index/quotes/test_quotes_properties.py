"""Property tests: any input gives well-formed, non-overlapping quotes and never raises."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from byline.index.quotes import extract_quotes, normalize_quote_text
from byline.index.models import Quote
from byline.index.quotes.cues import CUE_RE, scan_cues, TERM_LEAD_RE
from byline.index.quotes.kinds import CUE_END_RE, _may_end_with_cue, _SMALL_WORDS, _title_case_words, _TITLE_WORD_RE
from byline.index.quotes.marks import DOUBLE_MARKS, _double_positions, _next_single, find_spans, paragraphs
from byline.index.quotes.mentions import Article
from byline.index.quotes.phrases.before import _last_words
from byline.index.quotes.phrases.common import DATELINE_RE, dateline_at
from byline.index.quotes.phrases.name_scan import iter_names, NAME_SEQ_RE
from byline.index.quotes.phrases.names import surname
from byline.index.quotes.phrases.unnamed import _CLAUSE_START, _DET_RE, _opens_clause_with_determiner
from byline.index.quotes.sentences import _ODD_SPACES, _SENT_ASCII_RE, _SENT_RE, mask_quotes, split_paragraphs, split_sentences

MARKS = "“”„‟«»\"＂‘’‚‹›'"
PIECES = [
    "He said",
    " Smith said.",
    ", he added",
    "Putin",
    " according to Jane Doe",
    "calling it",
    "\n",
    "\n\n",
    " ",
    ".",
    ",",
    ":",
    "—",
    "Trump’s",
    "don’t",
    "’90s",
    "rock ’n’ roll",
    "said:",
    "the leader continued",
    "President Joe Biden",
]

mess = st.lists(
    st.one_of(st.sampled_from(list(MARKS)), st.sampled_from(PIECES), st.text(max_size=8)),
    max_size=60,
).map("".join)


def _check(text: str, quotes: list[Quote]) -> None:
    last = -1
    for q in quotes:
        assert isinstance(q, Quote)
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.text == q.text.strip() and q.text
        assert q.start >= last
        last = q.end
        assert q.kind in ("speech", "term")
        if q.speaker is None:
            assert q.cue is None and q.role is None
        else:
            assert q.kind == "speech"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode(text: str) -> None:
    """Random unicode text."""
    _check(text, extract_quotes(text))


@settings(max_examples=200, deadline=None)
@given(mess, st.integers(min_value=-5, max_value=500))
def test_marks_and_cues_soup(text: str, body_start: int) -> None:
    """Unpaired marks of all kinds mixed with attribution phrases."""
    _check(text, extract_quotes(text, body_start))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes(data: bytes) -> None:
    """Random bytes decoded as latin-1 and as utf-8 with replacement."""
    for text in (data.decode("latin-1"), data.decode("utf-8", errors="replace")):
        _check(text, extract_quotes(text))
        normalize_quote_text(text)


def test_unpaired_marks_stay_local() -> None:
    """An unpaired mark never swallows the following paragraphs."""
    text = 'He said "never closed here.\n\n"Second quote," Jane Doe said.\n\nPlain paragraph.'
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["never closed here.", "Second quote,"]
    assert quotes[1].speaker == "Jane Doe"


def test_large_pathological_article() -> None:
    """A 200 KB article full of unpaired marks gives well-formed quotes (its speed is measured by
    ``benchmarks/bench_quotes.py``, never asserted here)."""
    unit = 'He said " and “ then ” but ‘ or ’ maybe \' and Smith said, “ x ” y " z, '
    text = (unit * (200_000 // len(unit))) + "\n" + ("word “ " * 2000) + "\n" + ('"' * 5000)
    assert len(text) >= 200_000
    quotes = extract_quotes(text)
    _check(text, quotes)
    assert quotes


def test_non_string_input_never_raises() -> None:
    """Defensive: junk input gives no quotes."""
    assert extract_quotes("") == []
    assert extract_quotes(None) == []  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(mess)
def test_double_mark_positions_match_the_pattern(text: str) -> None:
    """The mark finder's ``str.find`` passes give what a pattern for the double marks finds."""
    assert _double_positions(text) == [m.start() for m in re.finditer("[" + re.escape(DOUBLE_MARKS) + "]", text)]


leads = st.lists(
    st.one_of(st.sampled_from(["said", "says", "told", "that", "Said", "resaid", "said_", "é", "#"]), st.sampled_from([" ", "  ", "\n", ",", "(", "-"]), st.text(max_size=4)),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(leads)
def test_cue_end_test_never_misses_a_match(text: str) -> None:
    """The cheap test before :data:`CUE_END_RE` lets every lead through that the pattern matches."""
    lead = text.rstrip()
    assert _may_end_with_cue(lead) or CUE_END_RE.search(lead) is None


terms = st.lists(
    st.one_of(st.sampled_from(["called", "Term", "known as", "so-called", "op-ed", "book", "x"]), st.sampled_from([" ", ",", ":", "\n", "-"]), st.text(max_size=3)),
    max_size=10,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(terms)
def test_term_lead_needs_no_second_search(text: str) -> None:
    """``shape`` searches a lead (stripped on the right) for a term's lead-in once, with a space
    after it: whatever matches without the space matches with it."""
    lead = text.rstrip()
    assert TERM_LEAD_RE.search(lead) is None or TERM_LEAD_RE.search(lead + " ") is not None


datelines = st.lists(
    st.one_of(
        st.sampled_from(["WASHINGTON", "LA CROSSE", "Moscow", "N.H.", "Wisc.", "(Reuters)", "(AFP)", "A", "Smith"]),
        st.sampled_from([" ", ",", ", ", " —", " –", " -", "--", "(", ")", "\n", "."]),
        st.text(max_size=3),
    ),
    max_size=10,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(datelines, st.integers(0, 6), st.integers(0, 80))
def test_dateline_cheap_tests_never_miss_a_match(text: str, s: int, e: int) -> None:
    """:func:`dateline_at` gives what :data:`DATELINE_RE` gives anywhere: its cheap tests (the
    opening letters, a dash before the end) turn away only what the pattern does not match."""
    got = dateline_at(text, s, e)
    want = DATELINE_RE.match(text, s, e)
    assert (got.span() if got else None) == (want.span() if want else None)


names = st.lists(
    st.one_of(
        st.sampled_from(["Gov.", "Gov-elect.", "Sen", "Mr.", "Mrs.", "Dr", "St.", "U.S.", "J.", "Jr.", "III", "Smith", "al-", "van", "Élodie", "the", "A."]),
        st.sampled_from([" ", ", ", "\u00a0", ".", "-", "’", "'", "\n"]),
        st.text(alphabet="ABCGMSaegorvé .-’", max_size=4),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(names, st.integers(0, 4))
def test_fast_name_pattern_finds_what_the_name_pattern_finds(text: str, start: int) -> None:
    """:func:`iter_names` (the pattern rewritten to skip in C, with a lookahead before the
    abbreviations) finds the same capitalised runs as :data:`NAME_SEQ_RE`."""
    assert [m.span() for m in iter_names(text, start, len(text))] == [m.span() for m in NAME_SEQ_RE.finditer(text, start, len(text))]


@given(st.lists(st.sampled_from(["John", "Smith", "Jr.", "Sr.,", "II", "III", "IV", "de", "Paul,"]), max_size=5).map(" ".join))
def test_surname_drops_every_suffix(name: str) -> None:
    """:func:`surname`'s quick answer (no suffix at the end) agrees with dropping every suffix."""
    toks = [t for t in name.split() if t.rstrip(",") not in ("Jr.", "Sr.", "II", "III", "IV")]
    assert surname(name) == (toks[-1].rstrip(",") if toks else name)


stops = st.lists(
    st.sampled_from([".", "!", "?", "…", "”", '"', "“", " ", "\n", "\n\n", " \n ", "A", "b", "Mr", "#", ")", "Said", "Smith said"]),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(stops, mess))
def test_one_pass_sentence_split_matches_the_paragraph_split(text: str) -> None:
    """:func:`split_paragraphs` (one pass of the stop pattern over the whole text) finds the
    sentences :func:`split_sentences` finds paragraph by paragraph, also where a stop ends a line."""
    masked = mask_quotes(text, find_spans(text))
    paras = paragraphs(text)
    assert split_paragraphs(masked, paras) == [split_sentences(masked, ps, pe) for ps, pe in paras]


@settings(max_examples=400, deadline=None)
@given(st.one_of(stops, mess).map(lambda t: t.replace("…", ".")))
def test_stop_pattern_without_ellipsis_finds_the_same_stops(text: str) -> None:
    """On a text with no ``…`` (what :func:`split_paragraphs` tests before using it), the stop
    pattern without ``…`` finds the stops of the whole pattern."""
    masked = mask_quotes(text, find_spans(text))
    assert [m.span() for m in _SENT_ASCII_RE.finditer(masked)] == [m.span() for m in _SENT_RE.finditer(masked)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ODD_SPACES + "ab “”\n", max_size=40))
def test_masked_text_has_plain_spaces(text: str) -> None:
    """:func:`mask_quotes` turns every odd space into one plain space (offsets kept), as the
    translation table it replaced did."""
    masked = mask_quotes(text, find_spans(text))
    plain = mask_quotes(text.translate({ord(c): " " for c in _ODD_SPACES}), find_spans(text))
    assert len(masked) == len(text) and masked == plain and not any(c in masked for c in _ODD_SPACES)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="‘'‹’a \n", max_size=30), st.integers(0, 31), st.one_of(st.none(), st.integers(0, 31)))
def test_next_single_mark_is_the_first_of_the_class(text: str, pos: int, end: int | None) -> None:
    """:func:`_next_single` (one ``str.find`` per mark) finds what the character class finds."""
    m = re.compile("[‘'‹]").search(text, pos, len(text) if end is None else end)
    assert _next_single(text, pos, end) == (m.start() if m else -1)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["The", "Art", "of", "the", "deal", "Meet", "Press", "3", "’s", "-", " ", ", "]), max_size=14).map("".join), st.integers(1, 9))
def test_title_case_words_reads_what_the_word_list_says(content: str, most: int) -> None:
    """:func:`_title_case_words` (words read up to the first that says no) answers what the whole
    list of words answers."""
    words = _TITLE_WORD_RE.findall(content)
    want = bool(words) and len(words) <= most and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words
    )
    assert _title_case_words(content, most) == want


cue_texts = st.lists(
    st.sampled_from(["Smith said", " told", " according to", " pointed out", "\n", "\n\n", " ", ". ", ", ", "says",
                     "unsaid", "“", "”", "He added:", "warned", "é", "\u00a0", "Jones"]),
    max_size=50,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(cue_texts, st.randoms(use_true_random=False))
def test_cue_index_read_in_runs_is_the_whole_scan(text: str, rnd: random.Random) -> None:
    """:meth:`Article.read_cues` (runs of paragraphs, as far as asked, in any order of asking) ends
    with the cues one scan of the whole masked text finds, and each sentence's cues are the same
    whether asked first or after the whole text is read."""
    art = Article(text, find_spans(text))
    art.prepare()
    sents = [(s, e) for s, e, _ in art.sents]
    asked = {}
    for s, e in rnd.sample(sents, len(sents)):
        asked[(s, e)] = [c.span() for c in art.cues_in(s, e)]
    art.read_cues(len(art.masked) + 1)
    assert [c.span() for c in art.cues] == [c.span() for c in scan_cues(art.masked)]
    assert art.cue_starts == [c.start() for c in art.cues]
    for (s, e), spans in asked.items():
        assert [c.span() for c in art.cues_in(s, e)] == spans


cue_soup = st.lists(
    st.one_of(
        st.sampled_from(["said", "says", "state", "stated", "statement", "according", "According", "to", "pointed", "out",
                         "made", "it", "clear", "issued", "a", "statement", "re", "co", "Saying", "told", "asked", "wrote"]),
        st.sampled_from([" ", "  ", "-", "2", "é", "’", "\n", ",", "_", "#"]),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(cue_soup)
def test_cue_scan_finds_what_the_cue_pattern_finds(text: str) -> None:
    """:func:`scan_cues` (each candidate word read with :data:`CUE_RE` cut to the words that can start
    there) finds the matches of :data:`CUE_RE` itself, with their groups."""
    want = [(c.span(), c.lastgroup, c.group()) for c in CUE_RE.finditer(text)]
    assert [(c.span(), c.lastgroup, c.group()) for c in scan_cues(text)] == want


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab, \n\t\u00a0", max_size=60), st.integers(1, 14), st.integers(0, 50))
def test_last_words_are_placed_where_they_stand(seg: str, limit: int, offset: int) -> None:
    """:func:`_last_words` (lengths added up where words stand one space apart) places the last
    ``limit`` words where a search from the right finds them."""
    want = []
    p = len(seg)
    for w in reversed(seg.rsplit(None, limit)[-limit:]):
        p = seg.rfind(w, 0, p)
        want.append((w, offset + p, offset + p + len(w)))
    want.reverse()
    assert _last_words(seg, seg.rstrip(), limit, offset) == want


determiner_texts = st.lists(
    st.sampled_from(
        [" ", "\t", "\n", ",", ";", "—", "(", "”", " and", " but", "band", "a ", " a ", "an ", "One of the ", " two ",
         "Some ", "a few ", "2 ", "officials", "x", "Cruz’s "]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(determiner_texts, st.integers(0, 20), st.integers(0, 200))
def test_clause_determiner_test_agrees_with_the_loops_rule(text: str, lo: int, pos: int) -> None:
    """:func:`_opens_clause_with_determiner` says yes exactly where some position of ``text[lo:pos]``
    holds a match of the determiner pattern that the loop of ``described_before`` would keep (its
    clause-start rule, read at every position): so skipping the search where it says no changes nothing."""
    pos = min(pos, len(text))
    lo = min(lo, pos)
    want = False
    for j in range(lo, pos):
        if _DET_RE.match(text, j, pos) is None:
            continue
        k = j - 1
        while k >= lo and text[k] in " \t":
            k -= 1
        if not (k >= lo and text[k] not in _CLAUSE_START and not text[max(lo, k - 3) : k + 1].endswith((" and", " but"))):
            want = True
    assert _opens_clause_with_determiner(text, lo, pos) == want
