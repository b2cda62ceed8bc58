"""The installed app, launched as a user launches it: in a real pseudo-terminal.

``byline`` (the console script pip installed) opens the reader on the sample
corpus, the article list appears, Ctrl+Q quits with status 0. A crash inside the
app makes ``byline`` exit non-zero. These tests wait for what the screen shows,
with a generous deadline, never for a fixed time.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from byline.index.library import sample_corpus
from installed import byline_script

DEADLINE = 180.0
"""Seconds before a test gives up waiting for the screen (a loaded CI machine is slow; a healthy run takes 2)."""
_ANSI = re.compile(r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[P^_][^\x1b]*\x1b\\|[@-Z\\-_])")


class Terminal:
    """A child process on a pseudo-terminal of a given size, and what it has drawn so far."""

    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 100, rows: int = 30) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the program
            try:
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.raw = b""
        self.status: int | None = None

    @property
    def screen_text(self) -> str:
        """Everything drawn so far, escape sequences removed."""
        return _ANSI.sub("", self.raw.decode("utf-8", "replace"))

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        self.raw += chunk
        return bool(chunk)

    def wait_for(self, wanted: str) -> None:
        """Read until ``wanted`` is on the screen (fails at the deadline or if the program ends first)."""
        end = time.monotonic() + DEADLINE
        while wanted not in self.screen_text:
            assert time.monotonic() < end, f"{wanted!r} never appeared; the screen showed:\n{self.screen_text[-2000:]}"
            if not self._read(0.5) and self.exited():
                raise AssertionError(f"byline ended before showing {wanted!r}:\n{self.screen_text[-2000:]}")

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def exited(self) -> bool:
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid:
            self.status = os.waitstatus_to_exitcode(status)
        return pid != 0

    def wait_exit(self) -> int:
        """Drain the terminal until the program ends; its exit status."""
        end = time.monotonic() + DEADLINE
        while not self.exited():
            assert time.monotonic() < end, f"byline did not exit; the screen showed:\n{self.screen_text[-2000:]}"
            self._read(0.2)
        assert self.status is not None
        return self.status

    def close(self) -> None:
        if self.status is None and not self.exited():
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """A user's environment: a terminal type, a home, empty cache and data directories."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "TEXTUAL"))}
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        HOME=str(tmp_path / "home"),
        BYLINE_CACHE_DIR=str(tmp_path / "cache"),
        BYLINE_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return env


SAMPLE_TITLE = "View from Moscow"
"""The first words of a sample article's title (004_725359539153adbd.txt), as the article list shows them."""


def test_sample_title_is_in_the_sample() -> None:
    assert any(SAMPLE_TITLE in p.read_text(encoding="utf-8")[:300] for p in sample_corpus().glob("*.txt"))


def test_installed_app_opens_the_sample_and_quits_with_ctrl_q(user_env: dict[str, str]) -> None:
    term = Terminal([byline_script()], user_env)
    try:
        term.wait_for(SAMPLE_TITLE)
        term.send("\x11")  # Ctrl+Q
        assert term.wait_exit() == 0
        assert "Traceback" not in term.screen_text
    finally:
        term.close()


def test_a_crash_in_the_app_exits_non_zero(user_env: dict[str, str], tmp_path: Path) -> None:
    """An exception inside the app: Textual shows it, and ``byline`` exits 1 instead of 0."""
    code = (
        "import byline.tui.app as app\n"
        "def boom(self, *args):\n"
        "    raise RuntimeError('injected crash')\n"
        "app.BylineApp.on_mount = boom\n"
        "from byline.cli import main\n"
        "raise SystemExit(main([]))\n"
    )
    term = Terminal([sys.executable, "-c", code], user_env)
    try:
        assert term.wait_exit() == 1
        assert "injected crash" in term.screen_text
    finally:
        term.close()
