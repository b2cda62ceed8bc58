"""Tests for byline.index.sources.walk and the reading entry point: walking a corpus and loading articles."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from byline.index.library import sample_corpus
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
    assert ARTICLE_SUFFIXES == {".txt", ".md", ".html", ".htm"}


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


# -- issue 12, items 4 and 16: links that leave the corpus, special files ---------------------


def test_link_to_a_folder_outside_the_corpus_is_not_walked(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    make(outside / "secret.txt")
    corpus = tmp_path / "corpus"
    make(corpus / "a.txt")
    os.symlink(outside, corpus / "elsewhere")
    os.symlink("/etc", corpus / "etc")
    scan = scan_corpus([corpus])
    assert [Path(p).name for p in paths(scan)] == ["a.txt"]
    assert sorted(scan.errors, key=str) == [
        SkippedFile(str(corpus / "elsewhere"), "link outside the corpus"),
        SkippedFile(str(corpus / "etc"), "link outside the corpus"),
    ]


def test_link_to_a_file_outside_the_corpus_is_followed_only_when_asked(tmp_path: Path) -> None:
    outside = make(tmp_path / "outside" / "story.txt")
    corpus = tmp_path / "corpus"
    make(corpus / "a.txt")
    os.symlink(outside, corpus / "story.txt")
    os.symlink(outside, corpus / "picture.jpg")  # not an article name: counted, not named
    scan = scan_corpus([corpus])
    assert [Path(p).name for p in paths(scan)] == ["a.txt"]
    assert scan.errors == [SkippedFile(str(corpus / "story.txt"), "link outside the corpus")]
    assert scan.ignored == 1
    followed = scan_corpus([corpus], follow_links=True)
    assert paths(followed) == sorted([os.path.realpath(corpus / "a.txt"), os.path.realpath(outside)])
    assert followed.errors == []


def test_links_inside_the_corpus_are_followed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    real = make(corpus / "store" / "real.txt")
    os.symlink(corpus / "store", corpus / "alias")
    os.symlink(real, corpus / "link.txt")
    scan = scan_corpus([corpus])
    assert paths(scan) == [os.path.realpath(real)] and scan.errors == []


@pytest.mark.parametrize("target", ["/proc/self/environ", "/proc/kmsg", "/proc/self", "/sys/kernel", "/dev/shm"])
def test_links_into_system_folders_are_never_followed(tmp_path: Path, target: str) -> None:
    if not os.path.lexists(target):
        pytest.skip(f"{target} does not exist here")
    make(tmp_path / "a.txt")
    os.symlink(target, tmp_path / "link.txt")
    for follow in (False, True):
        scan = scan_corpus([tmp_path], follow_links=follow)
        assert [Path(p).name for p in paths(scan)] == ["a.txt"]
        (skip,) = scan.errors
        assert skip.path == str(tmp_path / "link.txt")
        assert skip.reason in ("link to a system file", "link outside the corpus", "link to a character device")
        assert follow is False or skip.reason != "link outside the corpus"


def test_system_folders_given_by_name_are_skipped(tmp_path: Path) -> None:
    scan = scan_corpus(["/proc/self/environ", "/dev/null"])
    assert scan.files == []
    assert [s.reason for s in scan.errors] == ["system file", "system file"]


def test_named_pipes_sockets_and_devices_get_a_line_each(tmp_path: Path) -> None:
    import socket

    make(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe")  # any name: a FIFO is never an article, and is always named
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock"))
        expected = [
            SkippedFile(str(tmp_path / "pipe"), "named pipe (FIFO)"),
            SkippedFile(str(tmp_path / "pipe.txt"), "named pipe (FIFO)"),
            SkippedFile(str(tmp_path / "sock"), "socket"),
        ]
        if os.geteuid() == 0:
            os.mknod(tmp_path / "null.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
            expected.insert(0, SkippedFile(str(tmp_path / "null.txt"), "character device"))
        os.symlink(tmp_path / "pipe", tmp_path / "to-pipe.txt")
        expected.append(SkippedFile(str(tmp_path / "to-pipe.txt"), "link to a named pipe (FIFO)"))
        scan = scan_corpus([tmp_path])
    assert [Path(p).name for p in paths(scan)] == ["a.txt"]
    assert sorted(scan.errors, key=str) == sorted(expected, key=str)
    assert scan.ignored == 0


def test_files_know_their_root_and_folder(tmp_path: Path) -> None:
    bbc = tmp_path / "bbc"
    make(bbc / "politics" / "001.txt")
    make(bbc / "top.txt")
    c50 = tmp_path / "c50"
    make(c50 / "JaneMacartney" / "deep" / "x.txt")
    single = make(tmp_path / "single.txt")
    scan = scan_corpus([bbc, c50, single])
    where = {Path(f.path).name: (f.root, f.folder) for f in scan.files}
    assert where == {
        "001.txt": (str(bbc), "politics"),
        "top.txt": (str(bbc), ""),
        "x.txt": (str(c50), "JaneMacartney/deep"),
        "single.txt": (str(tmp_path), ""),
    }


def test_dumps_are_listed_apart(tmp_path: Path) -> None:
    make(tmp_path / "a.txt")
    make(tmp_path / "feed.jsonl", "{}\n")
    make(tmp_path / "sub" / "export.CSV", "text\nx\n")
    scan = scan_corpus([tmp_path])
    assert [Path(p).name for p in paths(scan)] == ["a.txt"]
    assert [Path(d.path).name for d in scan.dumps] == ["feed.jsonl", "export.CSV"]
    assert scan.dumps[1].folder == "sub"
    assert scan.ignored == 0  # dumps are articles, not other files
