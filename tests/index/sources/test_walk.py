"""Tests for byline.index.sources.walk and the reading entry point: walking a corpus and loading articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from byline.index.engine import sample_corpus
from byline.index.models import SkippedFile
from byline.index.sources import load_article, walk
from byline.index.sources.fileio import UnreadableFile
from byline.index.sources.walk import ARTICLE_SUFFIXES, CorpusScan, FileStat, corpus_key, scan_corpus

SAMPLE = sample_corpus()


def make(path: Path, text: str = "Some article text.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def paths(scan: CorpusScan) -> list[str]:
    return [f.path for f in scan.files]


def test_suffixes() -> None:
    assert ARTICLE_SUFFIXES == {".txt", ".md"}


def test_recursive_walk_sorted_resolved(tmp_path: Path) -> None:
    a = make(tmp_path / "b" / "deep" / "er" / "one.txt")
    b = make(tmp_path / "a.md")
    c = make(tmp_path / "b" / "UPPER.TXT")
    scan = scan_corpus([tmp_path])
    expected = sorted(os.path.realpath(p) for p in (a, b, c))
    assert paths(scan) == expected
    assert all(os.path.isabs(p) for p in paths(scan))
    assert scan.ignored == 0 and scan.missing == [] and scan.errors == [] and not scan.cancelled


def test_file_stat_values(tmp_path: Path) -> None:
    path = make(tmp_path / "x.txt", "12345")
    (info,) = scan_corpus([tmp_path]).files
    st = os.stat(path)
    assert info == FileStat(os.path.realpath(path), 5, st.st_mtime_ns)


def test_other_suffixes_are_ignored_and_counted(tmp_path: Path) -> None:
    make(tmp_path / "keep.txt")
    make(tmp_path / "photo.jpg")
    make(tmp_path / "sub" / "data.json")
    make(tmp_path / "sub" / "notes.markdown")
    scan = scan_corpus([tmp_path])
    assert [Path(p).name for p in paths(scan)] == ["keep.txt"]
    assert scan.ignored == 3


def test_hidden_files_and_dirs_are_skipped(tmp_path: Path) -> None:
    make(tmp_path / "visible.txt")
    make(tmp_path / ".hidden.txt")
    make(tmp_path / ".git" / "inside.txt")
    make(tmp_path / "sub" / ".cache" / "deep.md")
    scan = scan_corpus([tmp_path])
    assert [Path(p).name for p in paths(scan)] == ["visible.txt"]
    assert scan.ignored == 0


def test_explicit_hidden_or_odd_suffix_file_is_an_article(tmp_path: Path) -> None:
    odd = make(tmp_path / "article.html")
    hidden = make(tmp_path / ".draft.txt")
    scan = scan_corpus([odd, hidden])
    assert paths(scan) == sorted([os.path.realpath(odd), os.path.realpath(hidden)])


def test_symlink_loop_is_survived(tmp_path: Path) -> None:
    root = tmp_path / "root"
    make(root / "a.txt")
    make(root / "sub" / "b.txt")
    os.symlink(root, root / "loop")
    os.symlink(root / "sub", root / "sub" / "self")
    scan = scan_corpus([root])
    assert [Path(p).name for p in paths(scan)] == ["a.txt", "b.txt"]
    assert scan.errors == []


def test_symlinked_file_and_dir_are_followed_and_deduplicated(tmp_path: Path) -> None:
    real = make(tmp_path / "store" / "real.txt")
    corp = tmp_path / "corpus"
    corp.mkdir()
    os.symlink(real, corp / "link.txt")
    os.symlink(tmp_path / "store", corp / "store-link")
    scan = scan_corpus([corp, tmp_path / "store"])
    assert paths(scan) == [os.path.realpath(real)]


def test_dangling_link_is_reported(tmp_path: Path) -> None:
    make(tmp_path / "ok.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "gone.jpg", tmp_path / "dangling.jpg")
    scan = scan_corpus([tmp_path])
    assert [Path(p).name for p in paths(scan)] == ["ok.txt"]
    assert scan.errors == [SkippedFile(str(tmp_path / "dangling.txt"), "broken link")]
    assert scan.ignored == 1


def test_file_given_directly_with_a_directory(tmp_path: Path) -> None:
    single = make(tmp_path / "elsewhere" / "single.txt")
    make(tmp_path / "dir" / "in-dir.md")
    scan = scan_corpus([tmp_path / "dir", str(single)])
    assert [Path(p).name for p in paths(scan)] == ["in-dir.md", "single.txt"]


def test_missing_path_is_reported_as_given(tmp_path: Path) -> None:
    make(tmp_path / "a.txt")
    missing = str(tmp_path / "no" / "such")
    scan = scan_corpus([tmp_path, missing, "relative-missing.txt"])
    assert len(scan.files) == 1
    assert scan.missing == [missing, "relative-missing.txt"]


def test_same_file_given_twice_is_listed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = make(tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    scan = scan_corpus([article, "a.txt", f"{tmp_path}/./a.txt", tmp_path])
    assert paths(scan) == [os.path.realpath(article)]


def test_permission_denied_directory_is_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # We may run as root, where chmod 000 does not stop scandir: make scandir refuse.
    make(tmp_path / "open" / "a.txt")
    locked = tmp_path / "locked"
    make(locked / "secret.txt")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.path.realpath(path) == os.path.realpath(locked):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)
    scan = scan_corpus([tmp_path])
    assert [Path(p).name for p in paths(scan)] == ["a.txt"]
    assert scan.errors == [SkippedFile(os.path.realpath(locked), "permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_permission_denied_directory_for_real(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    make(locked / "secret.txt")
    locked.chmod(0)
    try:
        scan = scan_corpus([tmp_path])
    finally:
        locked.chmod(0o755)
    assert scan.files == []
    assert scan.errors == [SkippedFile(os.path.realpath(locked), "permission denied")]


def test_should_stop_cancels(tmp_path: Path) -> None:
    for i in range(5):
        make(tmp_path / f"d{i}" / "a.txt")
    scan = scan_corpus([tmp_path], should_stop=lambda: True)
    assert scan.cancelled
    assert scan.files == []
    assert not scan_corpus([tmp_path], should_stop=lambda: False).cancelled


def test_scan_never_reads_contents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path / "a.txt")

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("scan_corpus opened a file")

    monkeypatch.setattr("builtins.open", no_open)
    assert len(scan_corpus([tmp_path]).files) == 1


def test_corpus_key_is_stable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    monkeypatch.chdir(tmp_path)
    key = corpus_key([a, b])
    assert len(key) == 16 and int(key, 16) >= 0
    assert corpus_key([str(b) + "/", "a"]) == key
    assert corpus_key([a, b, a]) == key
    assert corpus_key([a]) != key


def test_load_article_from_stat_and_path(tmp_path: Path) -> None:
    path = make(tmp_path / "story.txt", "Big News Today\n\nSomething happened.\n")
    (info,) = scan_corpus([tmp_path]).files
    article = load_article(info)
    assert article.key == article.path == os.path.realpath(path)
    assert article.text == "Big News Today\n\nSomething happened.\n"
    assert article.meta.title == "Big News Today"
    assert article.encoding == "utf-8"
    assert load_article(path) == article


def test_load_article_cp1252_normalised(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(b"A Headline\r\nHe said \x93yes\x94.\r\n")
    article = load_article(path)
    assert article.text == "A Headline\nHe said “yes”.\n"
    assert article.encoding == "cp1252"


def test_load_article_empty_file(tmp_path: Path) -> None:
    for name, data in (("empty.txt", b""), ("blank.txt", b"  \r\n\n\t")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(UnreadableFile) as info:
            load_article(path)
        assert info.value.reason == "empty file"


def test_load_article_binary(tmp_path: Path) -> None:
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(UnreadableFile, match="binary file"):
        load_article(path)


def test_sample_corpus_loads() -> None:
    scan = scan_corpus([SAMPLE])
    assert len(scan.files) == 5
    for info in scan.files:
        article = load_article(info)
        assert article.meta.title
        assert article.encoding == "utf-8"
