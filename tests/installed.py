"""Running the ``byline`` command that pip installed, as a shell user runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TIMEOUT = 300.0
"""A deadline for one command on a loaded CI machine (a healthy run takes a second or two)."""


def byline_script() -> str:
    """The ``byline`` console script installed beside this Python."""
    script = Path(sys.executable).with_name("byline")
    found = str(script) if script.exists() else shutil.which("byline")
    assert found, "the byline console script is not installed"
    return found


def byline(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``byline ARGS`` (standard output and error captured as text, so neither is a terminal)."""
    return subprocess.run(
        [byline_script(), *args],
        capture_output=True,
        text=True,
        env=env if env is not None else dict(os.environ),
        timeout=TIMEOUT,
        **kwargs,  # type: ignore[arg-type]
    )
