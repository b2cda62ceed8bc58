"""Whatever the files hold, indexing, searching and listing quotes never crash or lose offsets."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from byline.index.library import Library

_counter = itertools.count()

NEWSY = st.sampled_from(
    [
        "“", "”", '"', "‘", "’", "'", " said ", " he said.", "Putin", "Sen. Jane Roe", "\n", "\n\n", "\r\n", "\u00a0",
        "[bold]", "\x1b[31m", "Source link : http://x.test/a?url=https%3A%2F%2Fy.test%2Fb", "Publish date : 2024-13-45",
        "date 2024-11-14 https://ex.test/a", "– Outlet", "sanctions", "\x00", "\ufeff", "# Heading",
    ]
)
CONTENT = st.one_of(
    st.binary(max_size=300),
    st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=40).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda t: t.encode("utf-16")),
    st.text(alphabet=st.characters(max_codepoint=255), max_size=200).map(lambda t: t.encode("latin-1")),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=st.lists(CONTENT, min_size=1, max_size=4), query=st.text(max_size=20))
def test_any_files_any_query(tmp_path: Path, files: list[bytes], query: str) -> None:
    run = tmp_path / f"run{next(_counter)}"
    corpus = run / "corpus"
    corpus.mkdir(parents=True)
    for i, data in enumerate(files):
        (corpus / f"f{i}.txt").write_bytes(data)
    with Library.open([corpus], index_dir=run / "ix") as lib:
        report = lib.update()
        assert report.added + len(report.skipped) == len(files)
        texts = {}
        for summary in lib.articles():
            texts[summary.path] = lib.article(summary.path).text
        for rec in lib.all_quotes():
            text = texts[rec.path]
            assert text[rec.quote.start : rec.quote.end] == rec.quote.text
        for word in [query, "sanctions", '"he said"', "speaker:putin"]:
            result = lib.search(word)
            for hit in result.hits:
                text = texts[hit.path]
                assert all(0 <= s < e <= len(text) for s, e in hit.spans)
        lib.speakers()
