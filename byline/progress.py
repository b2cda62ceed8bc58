"""Indexing progress on standard error, for the commands.

On a terminal, a bar that moves with every article and shows a time left only
once it can know one. Elsewhere (a log, CI, a pipe), a plain line every few
seconds, so a long first indexing is never silent.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from byline.display import one_line

if TYPE_CHECKING:
    from byline.index.models import IndexProgress

LINE_SECONDS = float(os.environ.get("BYLINE_PROGRESS_SECONDS", "5"))
"""Seconds between two progress lines when standard error is not a terminal."""
ETA_AFTER = (0.05, 3.0)
"""The time left is shown once this share of the work is done and this many seconds have passed."""


class IndexingProgress:
    """A progress callback for :meth:`Library.update`, used as a context manager."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self._terminal = stream.isatty()
        self._bar = None
        self._task = None
        self._last_line = self.started
        self._lines = 0

    @property
    def seconds(self) -> float:
        """Seconds since the pass started."""
        return time.monotonic() - self.started

    def __enter__(self) -> IndexingProgress:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self._lines:
            self.stream.write(f"byline: indexing done ({self.seconds:.0f} s)\n")
            self.stream.flush()

    def __call__(self, p: IndexProgress) -> None:
        if not p.total:
            return
        if self._terminal:
            self._draw(p)
            return
        now = time.monotonic()
        if now - self._last_line >= LINE_SECONDS and p.done < p.total:
            self._last_line = now
            self._lines += 1
            share = p.done / p.total
            self.stream.write(f"byline: indexing {p.done:,} of {p.total:,} articles ({share:.0%}, {now - self.started:.0f} s)\n")
            self.stream.flush()

    def _draw(self, p: IndexProgress) -> None:
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(
                TextColumn("[bold]Indexing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[left]}"),
                TextColumn("{task.fields[name]}", markup=False),
                console=Console(file=self.stream),
                transient=True,
            )
            self._task = self._bar.add_task("", total=p.total, left="", name="")
            self._bar.start()
        name = one_line(p.path.rsplit("/", 1)[-1])[:40] if p.path else p.phase
        self._bar.update(self._task, completed=p.done, total=p.total, left=self._time_left(p), name=name)

    def _time_left(self, p: IndexProgress) -> str:
        elapsed = self.seconds
        share = p.done / p.total
        if share < ETA_AFTER[0] or elapsed < ETA_AFTER[1] or share >= 1:
            return ""
        left = elapsed * (1 - share) / share
        minutes, secs = divmod(int(left), 60)
        return f"{minutes}:{secs:02d} left"
