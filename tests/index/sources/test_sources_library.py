"""The reading side through the engine and the command line: what a user of ``byline index`` sees.

Issue 12, items 4, 14 and 16: links that leave the corpus, special files, mixed
encodings and East Asian code pages, each named in one ``skipped PATH: reason`` line.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from byline.index.library import Library
from hardening_support import article_text, assert_searchable, finish_child, run_cli, start_child, token, write_articles


def _skips(out: str) -> dict[str, str]:
    """``skipped PATH: reason`` lines of a ``byline index`` summary, by file name."""
    found = {}
    for line in out.splitlines():
        if line.startswith("  skipped "):
            path, _, reason = line[len("  skipped ") :].rpartition(": ")
            found[Path(path).name] = reason
    return found


def test_links_out_of_the_corpus_are_named_and_not_indexed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    good = write_articles(corpus, 2)
    outside = tmp_path / "outside"
    (outside / "more").mkdir(parents=True)
    (outside / "more" / "private.txt").write_text(article_text("private"), encoding="utf-8")
    (corpus / "stolen.txt").symlink_to(outside / "more" / "private.txt")
    (corpus / "etc").symlink_to("/etc", target_is_directory=True)
    (corpus / "outside").symlink_to(outside, target_is_directory=True)
    (corpus / "environ.txt").symlink_to("/proc/self/environ")
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert_searchable(lib, good, {str(good[0]): token(0)})
        assert not lib.search("root").hits  # /etc/passwd was not read
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert reasons == {
        "stolen.txt": "link outside the corpus",
        "etc": "link outside the corpus",
        "outside": "link outside the corpus",
        "environ.txt": "link to a system file",
    }
    code, out, _ = run_cli(capsys, "index", str(corpus), "--index", str(tmp_path / "ix2"))
    assert code == 0 and _skips(out) == reasons


def test_follow_links_reaches_outside_but_never_system_files(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_articles(corpus, 1)
    outside = tmp_path / "outside"
    far = write_articles(outside, 1, start=7)
    (corpus / "far").symlink_to(outside, target_is_directory=True)
    (corpus / "environ.txt").symlink_to("/proc/self/environ")
    with Library.open([corpus], index_dir=tmp_path / "ix", follow_links=True) as lib:
        report = lib.update()
        assert_searchable(lib, [*good, *far], {str(far[0]): token(7)})
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [("environ.txt", "link to a system file")]


def test_named_pipes_sockets_and_devices_are_named_and_never_block(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    good = write_articles(corpus, 2)
    os.mkfifo(corpus / "pipe.txt")
    os.mkfifo(corpus / "queue")
    expected = {"pipe.txt": "named pipe (FIFO)", "queue": "named pipe (FIFO)", "sock": "socket"}
    if os.geteuid() == 0:
        os.mknod(corpus / "zero.txt", 0o600 | 0o020000, os.makedev(1, 5))  # a character device like /dev/zero
        expected["zero.txt"] = "character device"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(corpus / "sock"))
        code, out, _ = run_cli(capsys, "index", str(corpus), "--index", str(tmp_path / "ix"))
        with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
            assert_searchable(lib, good)
    assert code == 0 and "2 new" in out and "0 other files ignored" in out
    assert _skips(out) == expected


def test_a_file_swapped_for_a_named_pipe_after_the_walk_never_blocks(tmp_path: Path) -> None:
    """Between the walk and the read a file becomes a FIFO; opening it must not wait for a writer."""
    corpus = tmp_path / "corpus"
    (path,) = write_articles(corpus, 1)
    child = start_child(
        tmp_path,
        """
        import os, sys
        from byline.index.sources import load_article, scan_corpus
        from byline.index.sources.fileio import UnreadableFile

        (seen,) = scan_corpus([sys.argv[1]]).files
        regular = os.stat(seen.path)
        os.remove(seen.path)
        os.mkfifo(seen.path)
        real_stat = os.stat
        os.stat = lambda p, *a, **k: regular if os.fspath(p) == seen.path else real_stat(p, *a, **k)
        try:
            load_article(seen)
        except UnreadableFile as exc:
            print("skipped:", exc.reason)
        """,
        str(corpus),
    )
    out, err = finish_child(child)
    assert child.returncode == 0, err
    assert out.strip() == "skipped: named pipe (FIFO)"
    assert path.exists()


def test_a_utf8_article_with_a_cp1252_paragraph_is_searchable_in_both(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    head = "Summit Talks Resume\n\n“We will respond,” said Dmitry Peskov — the okapi déjà vu.\n\n"
    tail = "L’élève a dit: «Ça suffit» — the zebrafinch story ends.\n"
    path = corpus / "mixed.txt"
    path.write_bytes(head.encode("utf-8") + tail.encode("cp1252"))
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert report.skipped == [] and report.added == 1
        article = lib.article(str(path))
        assert article.text == head + tail and article.encoding == "utf-8+cp1252"
        for word in ("okapi", "zebrafinch", "élève"):
            (hit,) = lib.search(word).hits
            assert word in [article.text[s:e].lower() for s, e in hit.spans]


def test_short_east_asian_files_of_unsure_encoding_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    good = write_articles(corpus, 1)
    (corpus / "gb.txt").write_bytes("习近平会见普京".encode("gb18030"))
    (corpus / "jp.txt").write_bytes("東京で記者会見が開かれ、首相は「経済対策を急ぐ」と述べた。".encode("shift_jis"))
    code, out, _ = run_cli(capsys, "index", str(corpus), "--index", str(tmp_path / "ix"))
    assert code == 0 and "2 new" in out
    assert _skips(out) == {"gb.txt": "cannot tell the encoding (EUC-JP or GB18030?)"}
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        assert_searchable(lib, [*good, corpus / "jp.txt"])
        assert "首相" in lib.article(str(corpus / "jp.txt")).text
