"""What the user sees, as SVG snapshots (``pytest --snapshot-update`` refreshes them after a deliberate change).

The scenes are the ones ``screenshots/make_screenshots.py`` draws for the README,
played on a copy of the sample corpus.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from tui_helpers import make_app

_SCRIPT = Path(__file__).resolve().parents[2] / "screenshots" / "make_screenshots.py"
_spec = importlib.util.spec_from_file_location("make_screenshots", _SCRIPT)
assert _spec is not None and _spec.loader is not None
screenshots = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(screenshots)


@pytest.mark.parametrize("scene", list(screenshots.SCENES))
def test_snapshot(scene: str, seeds: Path, tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    run_before, size = screenshots.SCENES[scene]
    app = make_app([seeds], tmp_path, remember=False)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
