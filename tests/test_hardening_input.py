"""Hostile input (issue 6): every encoding, every kind of file, every file-system surprise.

After each case, the articles searchable are exactly the readable article files
(each found by a word only it holds), every other file is named with a reason in
one line, and the command line prints no traceback.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import shutil
from pathlib import Path

import pytest

from byline.index.sources import fileio, read_text
from byline.index.sources.walk import CorpusScan
from byline.index.library import Library, sample_corpus
from byline.index.models import SkippedFile
from hardening_support import article_text, assert_searchable, indexed_paths, run_cli, slow, token, write_articles

# -- encodings ---------------------------------------------------------------

STORY = (
    "Kremlin Answers Sanctions\n"
    "\n"
    "“We will respond,” said Dmitry Peskov, the Kremlin spokesman. The reporter filed item {tok} today.\n"
    "Café talks go on.\n"
)
PLAIN_STORY = STORY.replace("“", '"').replace("”", '"')


def _mixed_newlines(text: str) -> bytes:
    lines = text.split("\n")
    ends = ["\r\n", "\r", "\n"]
    return "".join(line + ends[i % 3] for i, line in enumerate(lines[:-1])).encode("utf-8") + lines[-1].encode("utf-8")


def _with_stray_nuls(text: str) -> tuple[bytes, str]:
    body = text + "Background paragraph with nothing in it. " * 40 + "\n"
    cut = body.index("today")
    return body[:cut].encode() + b"\x00" + body[cut:].encode(), body[:cut] + "\x00" + body[cut:]


def _with_bad_bytes(text: str) -> tuple[bytes, str]:
    data = text.encode("utf-8")
    cut = data.index(b"Caf")
    damaged = data[:cut] + b"\xff\xfe\xc3" + data[cut:]
    return damaged, damaged.decode("utf-8", "replace")


def _encoding_cases() -> dict[str, tuple[bytes, str, bool]]:
    """name → (file bytes, expected article text, has curly quotes)."""
    cases: dict[str, tuple[bytes, str, bool]] = {}
    text = STORY.format(tok=token("utf8"))
    cases["utf-8"] = (text.encode("utf-8"), text, True)
    text = STORY.format(tok=token("bom"))
    cases["utf-8 with BOM"] = (codecs.BOM_UTF8 + text.encode("utf-8"), text, True)
    text = STORY.format(tok=token("le"))
    cases["utf-16-le with BOM"] = (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), text, True)
    text = STORY.format(tok=token("be"))
    cases["utf-16-be with BOM"] = (codecs.BOM_UTF16_BE + text.encode("utf-16-be"), text, True)
    text = STORY.format(tok=token("cp"))
    cases["cp1252 smart quotes"] = (text.encode("cp1252"), text, True)
    text = PLAIN_STORY.format(tok=token("latin"))
    cases["latin-1"] = (text.encode("latin-1"), text, False)
    text = STORY.format(tok=token("crlf"))
    cases["mixed line endings"] = (_mixed_newlines(text), text, True)
    data, text = _with_stray_nuls(STORY.format(tok=token("nul")))
    cases["stray NUL byte"] = (data, text, True)
    text = STORY.format(tok=token("pad"))
    cases["NUL padding at the end"] = (text.encode("utf-8") + bytes(4096), text, True)
    data, text = _with_bad_bytes(STORY.format(tok=token("bad")))
    cases["invalid UTF-8 mid-file"] = (data, text, True)
    text = STORY.format(tok=token("cut"))
    data = text.encode("utf-8") + "…".encode("utf-8")[:2]
    cases["UTF-8 cut mid-character"] = (data, text + "\ufffd", True)
    return cases


ENCODINGS = _encoding_cases()


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_every_encoding_is_read_searchable_and_quoted(name: str, tmp_path: Path) -> None:
    data, expected, curly = ENCODINGS[name]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = corpus / "story.txt"
    path.write_bytes(data)
    word = next(w for w in expected.split() if w.startswith("tok"))
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert (report.added, report.skipped) == (1, [])
        assert_searchable(lib, [path], {str(path): word})
        article = lib.article(str(path))
        assert article.text == expected
        assert "\r" not in article.text and "â€" not in article.text  # no mojibake, one kind of line end
        hit = lib.search(word).hits[0]
        assert [article.text[s:e] for s, e in hit.spans] == [word]
        quotes = [r.quote for r in lib.quotes(str(path))]
        assert any(q.speaker == "Dmitry Peskov" and q.text.startswith("We will respond") for q in quotes), quotes
        for q in quotes:
            assert article.text[q.start : q.end] == q.text
        if curly:
            assert "“We will respond,”" in article.text
        if name == "invalid UTF-8 mid-file":
            assert article.text.count("\ufffd") == 3 and "Café talks" in article.text


def test_a_folder_of_every_encoding_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, (data, _, _) in enumerate(ENCODINGS.values()):
        (corpus / f"story{n:02d}.txt").write_bytes(data)
    code, out, err = run_cli(capsys, "index", str(corpus), "--index", str(tmp_path / "ix"), "--json")
    summary = json.loads(out)
    assert code == 0 and err == ""
    assert (summary["added"], summary["skipped"], summary["articles"]) == (len(ENCODINGS), [], len(ENCODINGS))
    code, out, err = run_cli(capsys, "search", "Peskov", str(corpus), "--index", str(tmp_path / "ix"), "--json", "--limit", "50")
    assert code == 0 and len(out.splitlines()) == len(ENCODINGS)


# -- empty, binary, non-article files ---------------------------------------------


def test_empty_and_blank_files_are_named_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    (good,) = write_articles(corpus, 1)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.md").write_text("  \n\n\t \r\n", encoding="utf-8")
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert sorted((Path(s.path).name, s.reason) for s in report.skipped) == [
            ("blank.md", "empty file"),
            ("empty.txt", "empty file"),
        ]
        assert_searchable(lib, [good], {str(good): token(0)})
    code, out, err = run_cli(capsys, "index", str(corpus), "--index", str(tmp_path / "ix"))
    assert code == 0
    assert f"  skipped {corpus / 'empty.txt'}: empty file" in out.splitlines()
    assert f"  skipped {corpus / 'blank.md'}: empty file" in out.splitlines()


def test_binary_files_are_named_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    (good,) = write_articles(corpus, 1)
    binaries = {
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(64) + random.Random(1).randbytes(2000),
        "noise.txt": random.Random(2).randbytes(8192),
        "zeros.txt": bytes(1024),
        "archive.md": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + random.Random(3).randbytes(3000),
        "utf32-no-bom.txt": "No byte order mark here at all.".encode("utf-32-le"),
    }
    for name, data in binaries.items():
        (corpus / name).write_bytes(data)
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert sorted((Path(s.path).name, s.reason) for s in report.skipped) == sorted(
            (name, "binary file") for name in binaries
        )
        assert_searchable(lib, [good], {str(good): token(0)})
    code, out, err = run_cli(capsys, "search", token(0), str(corpus), "--index", str(tmp_path / "ix2"), "--json")
    assert code == 0 and len(out.splitlines()) == 1
    for name in binaries:
        assert f"  skipped {corpus / name}: binary file" in err.splitlines()


def test_non_article_files_are_counted_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    good = write_articles(corpus, 2)
    (corpus / "UPPER.TXT").write_text(article_text("upper"), encoding="utf-8")
    for name in ("photo.jpg", "report.pdf", "data.json", "README", "notes.txt.bak", "page.xml"):
        (corpus / name).write_bytes(b"\x00\x01 not read")
    (corpus / ".hidden.txt").write_text(article_text("hidden"), encoding="utf-8")
    opened: list[str] = []
    real_read_text = read_text

    def spy(path: str | os.PathLike[str]) -> tuple[str, str]:
        opened.append(os.fspath(path))
        return real_read_text(path)

    monkeypatch.setattr("byline.index.sources.text.read_text", spy)
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert (report.added, report.ignored, report.skipped) == (3, 6, [])
        assert_searchable(lib, [*good, corpus / "UPPER.TXT"], {str(corpus / "UPPER.TXT"): token("upper")})
    assert all(Path(p).suffix.lower() in (".txt", ".md") and not Path(p).name.startswith(".") for p in opened)
    code, out, _ = run_cli(capsys, "index", str(corpus), "--index", str(tmp_path / "ix2"))
    assert code == 0 and "3 new" in out and "6 other files ignored" in out


# -- large files -------------------------------------------------------------------


def _one_line_article(size: int, first: str, last: str) -> str:
    """About ``size`` characters of real news text on a single line, ``first`` and ``last`` at its ends."""
    body = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(sample_corpus().glob("*.txt")))
    reps = size // (len(body) + 1) + 1
    return f"{first} " + " ".join([body] * reps)[: size - len(first) - len(last) - 2] + f" {last}"


def test_a_five_megabyte_article_on_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = _one_line_article(5_000_000, token("first"), token("last"))
    path = corpus / "oneline.txt"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size >= 5_000_000 and "\n" not in text
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        assert lib.update().added == 1
        assert_searchable(lib, [path])
        hit = lib.search(token("last")).hits[0]
        assert hit.spans == ((len(text) - len(token("last")), len(text)),)
        assert lib.search(token("first")).total == 1


def test_articles_up_to_the_size_limit_are_indexed_whole_larger_files_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The 50 MB case, scaled down: the limit is lowered to 256 KB (the real one is checked to exceed 50 MB)."""
    assert fileio.MAX_FILE_SIZE >= 50 * 1024 * 1024
    limit = 256 * 1024
    monkeypatch.setattr(fileio, "MAX_FILE_SIZE", limit)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    at_limit = corpus / "big.txt"
    tail = f" {token('end')}".encode()
    data = ("Big Story\n\n" + _one_line_article(limit, token("start"), "")).encode("utf-8")
    data = data[: limit - len(tail)].decode("utf-8", "ignore").encode("utf-8")
    data += b" " * (limit - len(tail) - len(data)) + tail
    at_limit.write_bytes(data)
    assert at_limit.stat().st_size == limit
    over = corpus / "huge.txt"
    over.write_bytes(data + b" ")
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert report.skipped == [SkippedFile(str(over), "too large")]
        assert_searchable(lib, [at_limit], {str(at_limit): token("end")})
    code, out, _ = run_cli(capsys, "index", str(corpus), "--index", str(tmp_path / "ix2"))
    assert code == 0 and f"  skipped {over}: too large" in out.splitlines()


@slow
def test_a_fifty_megabyte_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(sample_corpus().glob("*.txt")))
    path = corpus / "huge.txt"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f"A Very Long Dossier\n\n{token('first')}\n\n")
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(body + "\n\n")
        fh.write(token("last") + "\n")
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        assert lib.update().added == 1
        assert_searchable(lib, [path], {str(path): token("last")})
        assert lib.search(token("first")).total == 1


# -- many files, deep folders, links ------------------------------------------------------


def _tiny_corpus(root: Path, count: int, per_folder: int = 100) -> list[Path]:
    paths = []
    for i in range(count):
        folder = root / f"f{i // per_folder:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"t{i:06d}.txt"
        path.write_text(f"T{i}\n\nAn okapi {token(i)}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _check_tiny_corpus(tmp_path: Path, count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _tiny_corpus(tmp_path / "corpus", count)
    sample = random.Random(count).sample(range(count), 20)
    with Library.open([tmp_path / "corpus"], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert (report.added, report.skipped) == (count, [])
        assert_searchable(lib, paths, {str(paths[i]): token(i) for i in sample})
    monkeypatch.setattr("byline.index.sources.text.read_text", _must_not_read)
    with Library.open([tmp_path / "corpus"], index_dir=tmp_path / "ix") as lib:
        assert lib.update().unchanged == count  # reopening reads no article
        assert len(lib) == count


def _must_not_read(path: object) -> tuple[str, str]:
    raise AssertionError(f"read {path}")


def test_many_tiny_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The 100k-files case, scaled down to 1,500 (set BYLINE_SLOW=1 for the full one)."""
    _check_tiny_corpus(tmp_path, 1500, monkeypatch)


@slow
def test_a_hundred_thousand_tiny_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _check_tiny_corpus(tmp_path, 100_000, monkeypatch)


def test_deeply_nested_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    deep = corpus.joinpath(*[f"level{n}" for n in range(150)])
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(article_text("deep"), encoding="utf-8")
    # Beyond PATH_MAX (4096 on Linux): built with relative names, since no absolute path reaches it.
    fd = os.open(corpus, os.O_RDONLY)
    try:
        for _ in range(25):
            os.mkdir("d" * 200, dir_fd=fd)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        out_fd = os.open("unreachable.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out_fd, article_text("far").encode())
        os.close(out_fd)
    finally:
        os.close(fd)
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert report.added == 1
        assert [s.reason for s in report.skipped] == ["name too long"]  # the folder no path can name
        assert len(report.skipped[0].path) > 4000
        assert_searchable(lib, [deep / "deep.txt"], {str(deep / "deep.txt"): token("deep")})
    code, out, _ = run_cli(capsys, "index", str(corpus), "--index", str(tmp_path / "ix2"))
    assert code == 0
    assert sum(line.startswith("  skipped ") and line.endswith(": name too long") for line in out.splitlines()) == 1


def test_symlink_loops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus / "sub", 2)
    (corpus / "sub" / "back").symlink_to(corpus, target_is_directory=True)  # folder loop
    (corpus / "self").symlink_to(corpus / "self", target_is_directory=True)  # a link to itself
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")  # a file link to itself
    (corpus / "ping.txt").symlink_to(corpus / "pong.txt")
    (corpus / "pong.txt").symlink_to(corpus / "ping.txt")
    (corpus / "alias.txt").symlink_to(paths[0])  # the same article twice
    with Library.open([corpus, corpus / "sub" / "back"], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert sorted((Path(s.path).name, s.reason) for s in report.skipped) == [
            ("loop.txt", "broken link"),
            ("ping.txt", "broken link"),
            ("pong.txt", "broken link"),
        ]
        assert_searchable(lib, paths, {str(p): token(i) for i, p in enumerate(paths)})
    code, out, _ = run_cli(capsys, "index", str(corpus), "--index", str(tmp_path / "ix2"))
    assert code == 0 and "2 new" in out and out.count("broken link") == 3


# -- permissions, and files that change under our feet ---------------------------------------


def _deny_reading(monkeypatch: pytest.MonkeyPatch, *denied: Path) -> None:
    """Make opening ``denied`` files fail as ``chmod 000`` would (root ignores the real thing)."""
    real_open = fileio.open_regular
    names = {os.path.realpath(p) for p in denied}

    def guarded_open(path: str) -> int:
        if os.path.realpath(path) in names:
            raise PermissionError(13, "Permission denied", path)
        return real_open(path)

    monkeypatch.setattr(fileio, "open_regular", guarded_open)


def test_unreadable_file_is_named_and_indexed_once_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 3)
    secret = paths[1]
    ix = str(tmp_path / "ix")
    with monkeypatch.context() as patch:
        _deny_reading(patch, secret)
        with Library.open([corpus], index_dir=ix) as lib:
            report = lib.update()
            assert report.skipped == [SkippedFile(str(secret), "permission denied")]
            assert_searchable(lib, [paths[0], paths[2]])
        code, out, err = run_cli(capsys, "search", token(0), str(corpus), "--index", ix, "--json")
        assert code == 0 and f"  skipped {secret}: permission denied" in err.splitlines()
    # The permission is given back: same size, same date, and yet it must be read now.
    with Library.open([corpus], index_dir=ix) as lib:
        report = lib.update()
        assert (report.added, report.skipped) == (1, [])
        assert_searchable(lib, paths, {str(secret): token(1)})


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod-000 files; the monkeypatched test covers it")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 2)
    paths[0].chmod(0)
    try:
        with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
            report = lib.update()
            assert report.skipped == [SkippedFile(str(paths[0]), "permission denied")]
            assert_searchable(lib, [paths[1]])
    finally:
        paths[0].chmod(0o644)


def test_unreadable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    good = write_articles(corpus / "open", 2)
    write_articles(corpus / "locked", 2, start=10)
    real_scandir = os.scandir
    locked = os.path.realpath(corpus / "locked")

    def scandir(path: str) -> object:
        if os.path.realpath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr("byline.index.sources.walk.os.scandir", scandir)
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        report = lib.update()
        assert report.skipped == [SkippedFile(locked, "permission denied")]
        assert_searchable(lib, good)
    code, out, _ = run_cli(capsys, "index", str(corpus), "--index", str(tmp_path / "ix2"))
    assert code == 0 and f"  skipped {locked}: permission denied" in out.splitlines()


def _after_scan(lib: Library, action: object) -> None:
    """Run ``action()`` after the next stat walk of ``lib`` and before any file is read."""
    real_scan = lib.scan

    def scan(should_stop: object = None) -> CorpusScan:
        result = real_scan(should_stop=should_stop)  # type: ignore[arg-type]
        action()  # type: ignore[operator]
        return result

    lib.scan = scan  # type: ignore[method-assign]


def test_file_vanishing_between_listing_and_reading(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 4)
    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        _after_scan(lib, paths[2].unlink)
        report = lib.update()
        assert report.skipped == [SkippedFile(str(paths[2]), "file not found")]
        assert_searchable(lib, [paths[0], paths[1], paths[3]])
        del lib.scan
        again = lib.update()
        assert (again.added, again.removed, again.skipped) == (0, 0, [])  # nothing stale is kept
        assert_searchable(lib, [paths[0], paths[1], paths[3]])


def test_file_changing_between_listing_and_reading(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 3)

    def rewrite() -> None:
        paths[1].write_text(article_text("rewritten", " It grew a second sentence."), encoding="utf-8")
        paths[2].write_text("", encoding="utf-8")  # truncated to nothing

    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        _after_scan(lib, rewrite)
        report = lib.update()
        assert report.skipped == [SkippedFile(str(paths[2]), "empty file")]
        assert_searchable(lib, paths[:2], {str(paths[1]): token("rewritten")})
        assert lib.search(token(1)).total == 0  # what was read is what is indexed
        del lib.scan
        paths[2].write_text(article_text("refilled"), encoding="utf-8")
        lib.update()
        assert_searchable(lib, paths, {str(paths[1]): token("rewritten"), str(paths[2]): token("refilled")})
        hit = lib.search(token("rewritten")).hits[0]
        text = lib.article(hit.path).text
        assert [text[s:e] for s, e in hit.spans] == [token("rewritten")]


def test_file_replaced_by_a_folder_between_listing_and_reading(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 2)

    def replace() -> None:
        paths[0].unlink()
        paths[0].mkdir()

    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        _after_scan(lib, replace)
        report = lib.update()
        assert report.skipped == [SkippedFile(str(paths[0]), "is a directory")]
        assert_searchable(lib, [paths[1]])
        del lib.scan
        shutil.rmtree(paths[0])
        paths[0].write_text(article_text("back"), encoding="utf-8")
        lib.update()
        assert_searchable(lib, paths, {str(paths[0]): token("back")})


# -- file names ------------------------------------------------------------------------------

ODD_NAMES = [
    "with spaces in it.txt",
    "new\nline.txt",
    os.fsdecode(b"bad-\xff\xfe-bytes.txt"),
    os.fsdecode(b"latin1-caf\xe9.txt"),
    "tab\there.txt",
    "esc\x1b[31mred.txt",
    "[bold red]markup[-].txt",
    "-rf.txt",
    "emoji 📰 news.md",
    "café-nfd-cafe\u0301.txt",
]


def test_odd_file_names(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # a wide table: every path on a line of its own
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    tokens = {}
    for n, name in enumerate(ODD_NAMES):
        path = corpus / name
        path.write_text(article_text(f"odd{n}"), encoding="utf-8")
        tokens[str(path)] = token(f"odd{n}")
    (corpus / "broken\nbinary.txt").write_bytes(bytes(range(256)) * 4)
    ix = str(tmp_path / "ix")
    with Library.open([corpus], index_dir=ix) as lib:
        report = lib.update()
        assert [Path(s.path).name for s in report.skipped] == ["broken\nbinary.txt"]
        assert_searchable(lib, [corpus / n for n in ODD_NAMES], tokens)
        for path in indexed_paths(lib):
            assert os.path.exists(path) and lib.article(path).text.startswith("Story Number odd")
    code, out, err = run_cli(capsys, "index", str(corpus), "--index", ix)
    assert code == 0
    assert "  skipped " + str(corpus) + "/broken\u240abinary.txt: binary file" in out.splitlines()
    code, out, err = run_cli(capsys, "search", "reporter", str(corpus), "--index", ix, "--json", "--limit", "50")
    assert code == 0
    found = [json.loads(line)["path"] for line in out.splitlines()]
    assert sorted(found) == sorted(str(corpus / n) for n in ODD_NAMES)
    code, out, err = run_cli(capsys, "search", "reporter", str(corpus), "--index", ix, "--limit", "50")
    assert code == 0 and "\x1b" not in out
    assert f"{corpus}/new\u240aline.txt" in out and f"{corpus}/tab\u2409here.txt" in out
    assert f"{corpus}/esc\u241b[31mred.txt" in out and f"{corpus}/[bold red]markup[-].txt" in out


def test_terminal_controls_in_articles_are_shown_not_obeyed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Escape sequences and markup in a title or a quote never reach the terminal as commands."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "Evil \x1b]0;pwned\x07Title [link=https://evil.test]here[/link] \x1b[2J\n\n"
        "“We will [bold red]respond[/],” said Dmitry Peskov. The okapi \x1b[31mturned\x9b0m red.\n",
        encoding="utf-8",
    )
    ix = str(tmp_path / "ix")
    for argv in (["search", "okapi"], ["quotes"], ["speakers"], ["index"]):
        code, out, err = run_cli(capsys, *argv, str(corpus), "--index", ix)
        assert code == 0, err
        for control in ("\x1b", "\x07", "\x9b"):
            assert control not in out and control not in err
    code, out, _ = run_cli(capsys, "quotes", str(corpus), "--index", ix)
    assert "[bold red]respond[/]" in out and "\u241b]0;pwned\u2407Title" in out
