"""Index faults (issue 6): killed writers, damaged files, two processes, no cache, a full disk.

Killing and interrupting use real child processes; a full disk and an
unwritable cache are simulated where root would not be stopped (these tests may
run as root). After each fault the articles searchable are the readable files,
and the command line says what happened in one line, without a traceback.
"""

from __future__ import annotations

import builtins
import errno
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from byline.index import indexing
from byline.index.errors import IndexBusy, IndexDamaged, LibraryError
from byline.index.library import Library, sample_corpus
from byline.index.state import STATE_FILE, IndexState
from hardening_support import (
    assert_searchable,
    finish_child,
    run_cli,
    start_child,
    token,
    wait_for_line,
    write_articles,
)

SAMPLE_COUNT = 5
SANCTION_HITS = 3


def _sample_index(ix: Path) -> None:
    with Library.open([sample_corpus()], index_dir=ix) as lib:
        lib.update()


def _assert_sample_complete(lib: Library) -> None:
    assert_searchable(lib, sample_corpus().glob("*.txt"))
    assert lib.search("sanction").total == SANCTION_HITS


def _whoosh_file(ix: Path, suffix: str) -> Path:
    (found,) = [p for p in (ix / "whoosh").iterdir() if p.name.endswith(suffix)]
    return found


# -- a stale lock ------------------------------------------------------------------------

CHILD_STUCK_INDEXING = """
    import sys, time
    from byline.index.library import Library

    lib = Library.open([sys.argv[1]], index_dir=sys.argv[2])

    def progress(p):
        if p.phase == "index":
            print("indexing", flush=True)
            time.sleep(600)  # holds the write lock until killed

    lib.update(progress=progress)
"""


def test_a_lock_left_by_a_killed_process_is_recovered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 5)
    ix = tmp_path / "ix"
    child = start_child(tmp_path, CHILD_STUCK_INDEXING, str(corpus), str(ix))
    try:
        wait_for_line(child, "indexing")
        with Library.open([corpus], index_dir=ix) as lib:
            with pytest.raises(IndexBusy):
                lib.update()  # the lock is held by a live process
        code, _, err = run_cli(capsys, "search", token(0), str(corpus), "--index", str(ix), "--json")
        assert code == 1 and "another Byline process is updating this index" in err  # nothing committed yet
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        finish_child(child)
    assert child.returncode == -signal.SIGKILL
    assert (ix / "whoosh" / "MAIN_WRITELOCK").exists()  # the lock file stays behind...
    with Library.open([corpus], index_dir=ix) as lib:
        report = lib.update()  # ...and does not stop anyone
        assert report.added == 5
        assert_searchable(lib, paths, {str(p): token(i) for i, p in enumerate(paths)})


# -- damaged index files --------------------------------------------------------------------


def _truncate(path: Path) -> None:
    path.write_bytes(b"")


def _halve(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


DAMAGE: dict[str, tuple[str, Callable[[Path], None]]] = {
    "segment truncated to nothing": (".seg", _truncate),
    "segment cut in half": (".seg", _halve),
    "segment overwritten with garbage": (".seg", _garbage),
    "segment deleted": (".seg", Path.unlink),
    "table of contents truncated": (".toc", _truncate),
    "table of contents cut in half": (".toc", _halve),
    "table of contents overwritten with garbage": (".toc", _garbage),
    "table of contents deleted": (".toc", Path.unlink),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_index_is_detected_at_open_and_rebuilt(damage: str, tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    _sample_index(ix)
    suffix, harm = DAMAGE[damage]
    harm(_whoosh_file(ix, suffix))
    with Library.open([sample_corpus()], index_dir=ix) as lib:
        assert len(lib.notices) == 1
        assert "rebuilding it" in lib.notices[0] or "indexing them again" in lib.notices[0]
        assert lib.update().added == SAMPLE_COUNT
        _assert_sample_complete(lib)


@pytest.mark.parametrize("damage", ["segment cut in half", "table of contents deleted"])
def test_a_damaged_index_from_the_command_line(damage: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ix = tmp_path / "ix"
    _sample_index(ix)
    suffix, harm = DAMAGE[damage]
    harm(_whoosh_file(ix, suffix))
    code, out, err = run_cli(capsys, "search", "sanction", "--index", str(ix), "--json")
    assert code == 0 and len(out.splitlines()) == SANCTION_HITS
    notice, summary, count = err.splitlines()  # what happened, the re-indexing it took, what matched
    assert count == f"byline: {SANCTION_HITS} articles match"
    assert notice.startswith(f"byline: The index in {ix}")
    assert summary.startswith(f"Index: {SAMPLE_COUNT} new, 0 updated, 0 removed, 0 unchanged")


def test_flipped_bytes_anywhere_never_crash_and_end_in_a_complete_index(tmp_path: Path) -> None:
    """Whoosh has no checksums: damage may show at open, at use, or not at all. Never a crash."""
    pristine = tmp_path / "pristine"
    _sample_index(pristine)
    segment = _whoosh_file(pristine, ".seg").name
    size = (pristine / "whoosh" / segment).stat().st_size
    outcomes = []
    for n in range(16):
        ix = tmp_path / f"ix{n}"
        shutil.copytree(pristine, ix)
        target = ix / "whoosh" / segment
        data = bytearray(target.read_bytes())
        start = size * n // 16
        data[start : start + 256] = bytes(b ^ 0xA5 for b in data[start : start + 256])
        target.write_bytes(bytes(data))
        said = []
        try:
            with Library.open([sample_corpus()], index_dir=ix) as lib:
                said += lib.notices
                lib.update()
                for query in ("sanction", "speaker:Kosachev", "quote:banalities", "sanct*", "putn~", '"Russophobic course"'):
                    said += lib.search(query).notices
                lib.articles()
                lib.all_quotes()
                lib.speakers()
        except LibraryError as exc:  # IndexDamaged: said in one line, rebuilt next time
            said.append(str(exc))
        outcomes.append(said)
        with Library.open([sample_corpus()], index_dir=ix) as lib:
            lib.update()
            _assert_sample_complete(lib)
    assert any(outcomes)  # some damage was seen and reported


@pytest.fixture
def damaged_stored_fields(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make reading stored fields fail the way a damaged segment does (in Whoosh's per-document reader)."""
    import pickle

    reader_class = sys.modules["whoosh.codec.whoosh3"].W3PerDocReader

    def damaged(self: object, docnum: int) -> dict[str, Any]:
        raise pickle.UnpicklingError("invalid load key, '\\x9f'.")

    monkeypatch.setattr(reader_class, "stored_fields", damaged)
    yield


def test_damage_found_while_reading_is_reported_and_rebuilt_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], damaged_stored_fields: None
) -> None:
    engine_ix, cli_ix = tmp_path / "engine-ix", tmp_path / "cli-ix"
    _sample_index(engine_ix)
    _sample_index(cli_ix)
    with Library.open([sample_corpus()], index_dir=engine_ix) as lib:
        with pytest.raises(IndexDamaged, match="is damaged .UnpicklingError"):
            lib.articles()
    assert IndexState.load(engine_ix).damaged  # type: ignore[union-attr]
    code, out, err = run_cli(capsys, "quotes", "--index", str(cli_ix))
    assert code == 1 and out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"byline: error: the index in {cli_ix} is damaged") and "rebuilt the next time" in line
    monkeypatch.undo()  # the damaged files are gone with the rebuild
    code, out, err = run_cli(capsys, "quotes", "--index", str(cli_ix), "--json")
    assert code == 0 and len(out.splitlines()) > 10
    notice, summary = err.splitlines()
    assert notice.startswith(f"byline: The index in {cli_ix} was found damaged") and notice.endswith("rebuilding it.")
    assert summary.startswith(f"Index: {SAMPLE_COUNT} new")
    with Library.open([sample_corpus()], index_dir=engine_ix) as lib:
        assert len(lib.notices) == 1 and "was found damaged (UnpicklingError" in lib.notices[0]
        lib.update()
        _assert_sample_complete(lib)
    with Library.open([sample_corpus()], index_dir=engine_ix) as lib:
        assert lib.notices == []


# -- two processes ------------------------------------------------------------------------

CHILD_SLOW_INDEXER = """
    import sys, time
    from byline.index import indexing, library

    indexing.BATCH_DOCS = 10
    slow = library.Library.load_document

    def load_document(self, stat):
        time.sleep(float(sys.argv[3]))
        return slow(self, stat)

    library.Library.load_document = load_document

    def progress(p):
        if p.phase == "index":
            print(f"index {p.done}", flush=True)

    lib = library.Library.open([sys.argv[1]], index_dir=sys.argv[2])
    report = lib.update(progress=progress, wait=60)
    print(f"done {report.added} {len(lib)}", flush=True)
    lib.close()
"""

CHILD_SLOW_CLI = """
    import sys, time
    from byline.index import indexing, library
    from byline.cli import main

    indexing.BATCH_DOCS = 10
    slow = library.Library.load_document

    def load_document(self, stat):
        time.sleep(float(sys.argv[3]))
        return slow(self, stat)

    library.Library.load_document = load_document
    sys.exit(main(["index", sys.argv[1], "--index", sys.argv[2]]))
"""


def test_two_processes_neither_crashes_readers_see_commits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 80)
    ix = tmp_path / "ix"
    writer = start_child(tmp_path, CHILD_SLOW_INDEXER, str(corpus), str(ix), "0.02")
    try:
        wait_for_line(writer, "index 15")  # at least one batch is committed
        seen: list[int] = []
        busy = 0
        while writer.poll() is None:
            with Library.open([corpus], index_dir=ix) as lib:
                try:
                    lib.update()
                except IndexBusy:
                    busy += 1
                before = len(lib)
                total = lib.search("reporter", limit=1).total
                assert before <= total <= len(lib)  # what is committed is searchable (the writer goes on)
                seen.append(total)
            code, out, err = run_cli(capsys, "search", "reporter", str(corpus), "--index", str(ix), "--json", "--limit", "1")
            assert code == 0 and len(out.splitlines()) == 1, err
        out, err = finish_child(writer)
    finally:
        if writer.returncode is None:  # a failed assertion: do not leave it running
            writer.kill()
            finish_child(writer)
    assert writer.returncode == 0, err
    assert "Traceback" not in err
    assert seen == sorted(seen) and seen[0] >= 10 and busy >= 1
    with Library.open([corpus], index_dir=ix) as lib:
        assert lib.update().changed == 0
        assert_searchable(lib, paths, {str(paths[i]): token(i) for i in (0, 41, 79)})


def test_an_index_read_mid_commit_by_another_process_is_opened_once_it_settles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer removing merged segments while another process reads their names: the reader retries, not 'busy'.

    (Under load, ``byline search`` beside an indexing process said "another Byline process is updating this
    index" and exited 1, where it should search what is committed.)
    """
    from byline.index import store as st

    corpus = tmp_path / "corpus"
    write_articles(corpus, 5)
    ix = tmp_path / "ix"
    with Library.open([corpus], index_dir=ix) as lib:
        lib.update()
    real_open = st.Store.open
    calls = {"n": 0}

    def mid_commit(directory: Any) -> Any:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise st.IndexUnreadable("a segment file vanished while it was opened")
        return real_open(directory)

    monkeypatch.setattr(st.Store, "open", staticmethod(mid_commit))
    monkeypatch.setattr(st.Store, "is_locked", staticmethod(lambda directory: True))
    with Library.open([corpus], index_dir=ix) as lib:
        assert len(lib) == 5 and not lib.notices
    assert calls["n"] == 3


CHILD_OPEN_AT_ONCE = """
    import sys, time
    from byline.index.errors import IndexBusy
    from byline.index.library import Library

    while time.time() < float(sys.argv[3]):
        pass
    with Library.open([sys.argv[1]], index_dir=sys.argv[2]) as lib:
        try:
            lib.update(wait=30)
        except IndexBusy:
            pass
        print("searched", lib.search("sanction").total, flush=True)
"""


def test_processes_opening_a_new_index_at_the_same_moment(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    start = str(time.time() + 1.5)
    children = [start_child(tmp_path, CHILD_OPEN_AT_ONCE, str(sample_corpus()), str(ix), start) for _ in range(4)]
    results = [finish_child(child) for child in children]
    for child, (out, err) in zip(children, results):
        assert child.returncode == 0 and "Traceback" not in err, err
        assert out.startswith("searched ")
    assert any(out == f"searched {SANCTION_HITS}\n" for out, _ in results)
    with Library.open([sample_corpus()], index_dir=ix) as lib:
        assert lib.notices == [] and lib.update().changed == 0
        _assert_sample_complete(lib)


# -- killed or interrupted while indexing ---------------------------------------------------------


def test_killed_while_indexing_the_next_run_goes_on_from_the_last_commit(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 100)
    ix = tmp_path / "ix"
    child = start_child(tmp_path, CHILD_SLOW_INDEXER, str(corpus), str(ix), "0.01")
    try:
        wait_for_line(child, "index 45")
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        finish_child(child)
    assert child.returncode == -signal.SIGKILL
    committed = IndexState.load(ix)
    assert committed is not None and len(committed.files) >= 40
    with Library.open([corpus], index_dir=ix) as lib:
        assert len(lib) >= len(committed.files)
        reads: list[str] = []
        real = lib.load_document
        lib.load_document = lambda stat: reads.append(stat.path) or real(stat)  # type: ignore[method-assign]
        report = lib.update()
        assert report.unchanged == len(committed.files) and report.added == 100 - report.unchanged
        assert len(reads) == report.added  # nothing committed is read again
        assert_searchable(lib, paths, {str(paths[i]): token(i) for i in (0, 45, 99)})


def test_ctrl_c_while_indexing_then_the_next_run_completes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 100)
    ix = tmp_path / "ix"
    child = start_child(tmp_path, CHILD_SLOW_CLI, str(corpus), str(ix), "0.01")
    try:
        deadline = time.monotonic() + 60
        while True:
            state = IndexState.load(ix)
            if state is not None and len(state.files) >= 20:
                break
            assert child.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        child.send_signal(signal.SIGINT)
        out, err = finish_child(child)
    finally:
        if child.returncode is None:  # a failed assertion: do not leave it running
            child.kill()
            finish_child(child)
    assert child.returncode == 130
    assert err.strip().splitlines() == ["byline: interrupted; the index keeps everything committed before the interruption"]
    kept = len(IndexState.load(ix).files)  # type: ignore[union-attr]
    assert 20 <= kept < 100
    code, out, err = run_cli(capsys, "index", str(corpus), "--index", str(ix))
    assert code == 0 and f"{100 - kept} new, 0 updated, 0 removed, {kept} unchanged" in out
    with Library.open([corpus], index_dir=ix) as lib:
        assert_searchable(lib, paths, {str(paths[i]): token(i) for i in (0, 50, 99)})


# -- no writable cache -------------------------------------------------------------------------


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary directory of this test's own, where the fallback index goes."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    return tmp


def _blocked(tmp_path: Path, name: str) -> Path:
    """A directory path no one can create, not even root: it lies under a regular file."""
    blocker = tmp_path / f"{name}-file"
    blocker.write_text("in the way", encoding="utf-8")
    return blocker / name


def test_unwritable_cache_falls_back_to_the_temporary_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 3)
    cache = _blocked(tmp_path, "cache")
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(cache))
    with Library.open([corpus]) as lib:
        (notice,) = lib.notices
        assert notice.startswith(f"Cannot write the index cache {cache}/") and "(not a directory)" in notice
        assert private_tmp in lib.directory.parents and f"keeping the index in {lib.directory} instead" in notice
        assert not lib.in_memory
        lib.update()
        assert_searchable(lib, paths, {str(paths[1]): token(1)})
    code, out, err = run_cli(capsys, "search", token(2), str(corpus), "--json")
    assert code == 0 and len(out.splitlines()) == 1
    assert err.splitlines() == [f"byline: {notice}", "byline: 1 article match"]


def test_read_only_cache_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path) -> None:
    """A read-only file system refuses even root: simulated where files are created."""
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 2)
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(cache))
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if str(kwargs.get("dir", "")).startswith(str(cache)):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    with Library.open([corpus]) as lib:
        assert "(read-only file system)" in lib.notices[0] and private_tmp in lib.directory.parents
        lib.update()
        assert_searchable(lib, paths)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere; the simulated tests cover it")
def test_read_only_cache_for_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 2)
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o555)
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(cache))
    try:
        with Library.open([corpus]) as lib:
            assert "(permission denied)" in lib.notices[0] and private_tmp in lib.directory.parents
            lib.update()
            assert_searchable(lib, paths)
    finally:
        cache.chmod(0o755)


def test_nothing_writable_keeps_the_index_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 3)
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(_blocked(tmp_path, "cache")))
    monkeypatch.setattr(tempfile, "tempdir", str(_blocked(tmp_path, "tmp")))
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 2)  # a big corpus: workers write files, so not here
    monkeypatch.setenv("BYLINE_PROCS", "2")
    with Library.open([corpus]) as lib:
        (notice,) = lib.notices
        assert "keeping the index in memory" in notice and lib.in_memory
        assert not lib.directory.exists()
        report = lib.update()
        assert report.added == 3
        assert lib.update().changed == 0  # the manifest is kept in memory too
        assert_searchable(lib, paths, {str(p): token(i) for i, p in enumerate(paths)})
        assert lib.quotes(str(paths[0])) == []
    code, out, err = run_cli(capsys, "index", str(corpus))
    assert code == 0 and "3 articles in the index kept in memory" in out
    assert err.splitlines() == [f"byline: {notice}"]


def test_a_temporary_folder_planted_by_someone_else_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_tmp: Path
) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 2)
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(_blocked(tmp_path, "cache")))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (private_tmp / f"byline-{os.getuid()}").symlink_to(elsewhere)  # the fallback folder, hijacked
    with Library.open([corpus]) as lib:
        assert lib.in_memory and "is not a folder of this user's" in lib.notices[0]
        lib.update()
        assert_searchable(lib, paths)
    assert list(elsewhere.iterdir()) == []


def test_an_explicit_index_directory_that_cannot_be_written_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _blocked(tmp_path, "ix")
    with pytest.raises(LibraryError, match="cannot create the index in"):
        Library.open([sample_corpus()], index_dir=target)
    code, out, err = run_cli(capsys, "search", "sanction", "--index", str(target))
    assert code == 1 and out == ""
    (line,) = err.splitlines()
    assert line.startswith("byline: error: cannot create the index in") and "not a directory" in line


# -- a full disk --------------------------------------------------------------------------------


class _DiskFull:
    """Files Whoosh writes fail with ENOSPC once ``budget`` bytes are written (``None``: never)."""

    budget: int | None = None

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def write(self, data: bytes) -> int:
        if _DiskFull.budget is not None:
            _DiskFull.budget -= len(data)
            if _DiskFull.budget < 0:
                raise OSError(errno.ENOSPC, "No space left on device")
        return self._raw.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[_DiskFull]]:
    """Route the files Whoosh creates through :class:`_DiskFull`; set ``disk.budget`` to fill the disk."""
    real_open = builtins.open

    def whoosh_open(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(path, mode, *args, **kwargs)
        return _DiskFull(handle) if "w" in mode or "+" in mode else handle

    monkeypatch.setattr(sys.modules["whoosh.filedb.filestore"], "open", whoosh_open, raising=False)
    monkeypatch.setattr(indexing, "BATCH_DOCS", 10)
    _DiskFull.budget = None
    yield _DiskFull
    _DiskFull.budget = None


def _leftovers(ix: Path) -> list[str]:
    """Files in the index folder that its last commit does not use (locks aside)."""
    from byline.index.store import files

    index = files.open_dir(ix / "whoosh")
    used = {name for seg in index._segments() for name in seg.list_files(index.storage)}
    toc = f"_MAIN_{index.latest_generation()}.toc"
    return sorted(p.name for p in (ix / "whoosh").iterdir() if p.name not in used | {toc, "MAIN_WRITELOCK", "MAIN_READLOCK"})


@pytest.mark.parametrize("budget", [0, 3_000, 30_000, 80_000])
def test_disk_full_during_a_commit_keeps_the_previous_index(
    budget: int, tmp_path: Path, disk: type[_DiskFull]
) -> None:
    corpus = tmp_path / "corpus"
    first = write_articles(corpus, 20)
    ix = tmp_path / "ix"
    with Library.open([corpus], index_dir=ix) as lib:
        lib.update()
        more = write_articles(corpus, 30, start=20)
        disk.budget = budget
        with pytest.raises(LibraryError, match=r"\(no space left on device\)") as info:
            lib.update()
        kept = len(lib)
        assert str(info.value) == (
            f"could not write the index in {ix} (no space left on device); "
            f"it keeps its last commit, {kept} articles searchable"
        )
        assert 20 <= kept < 50
        # The previous index is usable: every committed article is found, and only those.
        committed = {p for p in first + more if lib.search(token(int(p.stem[1:]))).total == 1}
        assert_searchable(lib, committed)
        assert set(map(str, first)) <= {str(p) for p in committed}
        assert len(IndexState.load(ix).files) == kept  # type: ignore[union-attr]
        assert _leftovers(ix) == []  # the failed batch left nothing behind to fill the disk again
        disk.budget = None  # space is freed: the same process goes on (the lock was released)
        report = lib.update()
        assert report.added == 50 - kept
        assert_searchable(lib, first + more, {str(more[-1]): token(49)})


def test_disk_full_while_saving_the_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 25)
    monkeypatch.setattr(indexing, "BATCH_DOCS", 10)
    real_save = IndexState.save
    saves = []

    def save(self: IndexState, directory: Path) -> None:
        saves.append(len(self.files))
        if len(saves) == 2:  # the second batch is committed, its manifest cannot be written
            raise OSError(errno.ENOSPC, "No space left on device")
        real_save(self, directory)

    with Library.open([corpus], index_dir=tmp_path / "ix") as lib:
        monkeypatch.setattr(IndexState, "save", save)
        with pytest.raises(LibraryError, match="no space left on device"):
            lib.update()
        monkeypatch.setattr(IndexState, "save", real_save)
        assert len(lib) == 20 and len(IndexState.load(tmp_path / "ix").files) == 10  # type: ignore[union-attr]
        report = lib.update()  # the manifest lagged behind: those articles are indexed again, not twice
        assert (report.added, report.unchanged) == (15, 10)
        assert_searchable(lib, paths, {str(paths[15]): token(15)})


def test_disk_full_from_the_command_line(tmp_path: Path, disk: type[_DiskFull], capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, 20)
    ix = str(tmp_path / "ix")
    code, _, _ = run_cli(capsys, "index", str(corpus), "--index", ix)
    assert code == 0
    write_articles(corpus, 20, start=20)
    disk.budget = 0
    code, out, err = run_cli(capsys, "search", token(3), str(corpus), "--index", ix, "--json")
    assert code == 0 and [json.loads(line)["path"] for line in out.splitlines()] == [str(corpus / "a00003.txt")]
    line, count = err.splitlines()
    assert count == "byline: 1 article match"
    assert line == (
        f"byline: could not write the index in {tmp_path / 'ix'} (no space left on device); "
        "it keeps its last commit, 20 articles searchable"
    )
    code, out, err = run_cli(capsys, "index", str(corpus), "--index", ix)
    assert code == 1 and out == "" and len(err.splitlines()) == 1 and "no space left on device" in err
    disk.budget = None
    code, out, err = run_cli(capsys, "index", str(corpus), "--index", ix)
    assert code == 0 and "20 new, 0 updated, 0 removed, 20 unchanged" in out
    assert (Path(ix) / STATE_FILE).exists()


# -- issue 12: a deleted manifest, damage found by a running index, permissions, kills, a full disk ----------


def test_a_deleted_manifest_in_bylines_own_cache_is_rebuilt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It used to lock the index out: '…/whoosh exists and was not made by Byline', even with --rebuild."""
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 3)
    with Library.open([corpus]) as lib:
        lib.update()
        directory = lib.directory
    (directory / STATE_FILE).unlink()
    with Library.open([corpus]) as lib:
        assert lib.notices == [f"The index in {directory} had lost its manifest; rebuilding it."]
        assert lib.update().added == 3
        assert_searchable(lib, paths, {str(p): token(i) for i, p in enumerate(paths)})
    for command in (["index", str(corpus), "--rebuild"], ["search", token(1), str(corpus), "--json"]):
        (directory / STATE_FILE).unlink()
        code, out, err = run_cli(capsys, *command)
        assert code == 0, err
        assert err.splitlines()[0] == f"byline: The index in {directory} had lost its manifest; rebuilding it."
        assert ("3 new" in out) if command[0] == "index" else (len(out.splitlines()) == 1)


def test_index_files_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Index files hold article text: 0600 files in 0700 folders (they were 0644 in 0755), parallel builds too."""
    corpus = tmp_path / "corpus"
    write_articles(corpus, 12)
    monkeypatch.setattr(indexing, "PARALLEL_MIN", 6)
    monkeypatch.setenv("BYLINE_PROCS", "2")
    with Library.open([corpus]) as lib:
        lib.update()
        lib.articles()  # writes the summaries cache
        directory = lib.directory
    write_articles(corpus, 2, start=12)
    with Library.open([corpus]) as lib:
        lib.update()  # a second commit, in this process
    seen = 0
    for path in [directory, *directory.rglob("*")]:
        mode = path.lstat().st_mode & 0o777
        assert mode & 0o077 == 0, (path, oct(mode))
        seen += 1
    assert seen > 8 and any(p.suffix == ".seg" for p in directory.rglob("*"))
    root = directory.parent
    assert root.stat().st_mode & 0o077 == 0  # the cache folders Byline created too


def test_damage_under_a_running_index_is_an_error_that_a_rebuild_clears(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A segment overwritten under the app made every query say 'No article matches', with no notice."""
    ix = tmp_path / "ix"
    with Library.open([sample_corpus()], index_dir=ix) as lib:
        lib.update()
        assert lib.search("sanction").total == SANCTION_HITS
        path = lib.articles()[0].path
        _garbage(_whoosh_file(ix, ".seg"))
        with pytest.raises(IndexDamaged, match="is damaged .the index file MAIN_.*seg was changed under the running index"):
            lib.search("sanction")
        with pytest.raises(IndexDamaged):
            lib.read(path, "sanction")
        assert IndexState.load(ix).damaged  # type: ignore[union-attr]
        report = lib.rebuild()  # the app offers this, without a restart
        assert report.rebuilt and report.added == SAMPLE_COUNT
        assert not IndexState.load(ix).damaged  # type: ignore[union-attr]
        _assert_sample_complete(lib)
        assert lib.read(path, "sanction").article.path == path


def test_a_search_on_a_damaged_index_is_an_error_not_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damaged_stored_fields: None
) -> None:
    ix = tmp_path / "ix"
    _sample_index(ix)
    with Library.open([sample_corpus()], index_dir=ix) as lib:
        with pytest.raises(IndexDamaged):
            lib.search("sanction")
    _sample_index(tmp_path / "cli-ix")
    code, out, err = run_cli(capsys, "search", "sanction", "--index", str(tmp_path / "cli-ix"))
    assert code == 1 and out == ""  # it used to exit 2, as for a query with nothing searchable
    (line,) = err.splitlines()
    assert line.startswith(f"byline: error: the index in {tmp_path / 'cli-ix'} is damaged")


CHILD_PARALLEL_BUILD_STOPPED = """
    import os, sys, time
    from byline.index import indexing
    from byline.index.library import Library

    def progress(p):
        if p.phase == "index":
            print("indexing", flush=True)
            time.sleep(600)  # the workers are alive and idle; killed here

    if __name__ == "__main__":  # the spawned workers import this file too
        indexing.PARALLEL_MIN, indexing.CHUNK_DOCS, indexing.BATCH_DOCS = 1, (4, 8), 10
        os.environ["BYLINE_PROCS"] = "2"
        Library.open([sys.argv[1]], index_dir=sys.argv[2]).update(progress=progress)
"""


def _children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (from /proc; zombies do not count)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _gone(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc")
def test_kill_9_during_a_parallel_build_ends_the_workers_and_the_next_open_clears_staging(tmp_path: Path) -> None:
    """Workers outlived their killed parent (~125 MB each, for minutes) and each kill left a staging folder."""
    corpus = tmp_path / "corpus"
    paths = write_articles(corpus, 60)
    ix = tmp_path / "ix"
    child = start_child(tmp_path, CHILD_PARALLEL_BUILD_STOPPED, str(corpus), str(ix))
    try:
        wait_for_line(child, "indexing")
        workers = _children(child.pid)
        assert workers  # the pool's processes, alive
        assert list(ix.glob(".staging-*"))
        child.send_signal(signal.SIGKILL)
        deadline = time.monotonic() + 60
        while not all(_gone(pid) for pid in workers):  # waits for the state, not for a time
            assert time.monotonic() < deadline, [pid for pid in workers if not _gone(pid)]
            time.sleep(0.05)
    finally:
        child.kill()
        for pid in workers if "workers" in locals() else []:  # a failed test leaves no process behind
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        finish_child(child)
    with Library.open([corpus], index_dir=ix) as lib:
        assert not list(ix.glob(".staging-*"))
        lib.update()
        assert_searchable(lib, paths, {str(paths[i]): token(i) for i in (0, 59)})
