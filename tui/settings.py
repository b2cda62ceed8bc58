"""The reader's preferences, kept across launches: theme, side-panel tab, sort order.

One small JSON file in the user config directory (platformdirs:
``~/.config/byline/settings.json`` on Linux). ``$BYLINE_CONFIG_DIR`` overrides
the folder; so does ``$BYLINE_DATA_DIR`` (its ``config/`` subfolder), which keeps
tests and scripts that set only the data directory away from the user's files.
A missing, unreadable or malformed file gives the defaults; a failed write
costs nothing but the remembering.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from .values import SIDE_TABS, SideTab, SortOrder, sort_order


def config_root() -> Path:
    """Where Byline keeps its preferences."""
    override = os.environ.get("BYLINE_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    data = os.environ.get("BYLINE_DATA_DIR")
    if data:
        return Path(data).expanduser() / "config"
    return Path(user_config_dir("byline", appauthor=False))


def write_json(target: Path, data: Any) -> bool:
    """Write ``data`` to ``target`` atomically, readable by the user only; whether it worked."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
        return True
    except (OSError, ValueError, TypeError):
        return False


def read_json(source: Path) -> dict[str, Any]:
    """The JSON object in ``source``, or an empty dict when it is missing or not an object."""
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


@dataclass
class Settings:
    """Preferences that apply to every corpus."""

    theme: str | None = None
    """Name of a Textual theme (``None``: Textual's default)."""
    side_tab: SideTab = "quotes"
    sort: SortOrder = "relevance"

    @staticmethod
    def file() -> Path:
        """The settings file."""
        return config_root() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        """The saved settings; anything missing or malformed takes its default."""
        raw = read_json(cls.file())
        out = cls()
        theme = raw.get("theme")
        if isinstance(theme, str) and theme:
            out.theme = theme
        if raw.get("side_tab") in SIDE_TABS:
            out.side_tab = raw["side_tab"]
        out.sort = sort_order(raw.get("sort")) or out.sort  # "newest"/"oldest" of earlier versions: "date"
        return out

    def save(self) -> bool:
        """Write the settings; whether it worked."""
        return write_json(self.file(), asdict(self))

    def update(self, **changes: Any) -> bool:
        """Change some settings and save them if anything changed."""
        names = {f.name for f in fields(self)}
        changed = False
        for name, value in changes.items():
            if name in names and getattr(self, name) != value:
                setattr(self, name, value)
                changed = True
        return self.save() if changed else True
