"""Where Whoosh's files go: a folder of this user's only (0700), files readable by this user only (0600).

An index holds the text of every article it indexed; Whoosh creates its files
with the process's default permissions (0644 in 0755 folders: readable by every
user of the machine). :class:`PrivateStorage` is Whoosh's file storage with
private files, used for the index and for the staging folders of parallel builds.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.filedb.filestore import FileStorage

FILE_MODE = 0o600
FOLDER_MODE = 0o700


class PrivateStorage(FileStorage):
    """Whoosh's ``FileStorage``, creating its files 0600 and its folders 0700."""

    def create(self) -> PrivateStorage:
        os.makedirs(self.folder, mode=FOLDER_MODE, exist_ok=True)
        return self

    def create_file(self, name: str, excl: bool = False, mode: str = "wb", **kwargs: Any) -> Any:
        path = self._fpath(name)
        try:
            flags = os.O_CREAT | os.O_WRONLY | (os.O_EXCL if excl else 0)
            os.close(os.open(path, flags, FILE_MODE))  # created private; Whoosh opens it as it likes
        except FileExistsError:
            if excl:
                raise
        if excl:
            return super().create_file(name, False, mode, **kwargs)
        return super().create_file(name, excl, mode, **kwargs)

    def lock(self, name: str) -> Any:
        path = self._fpath(name)
        try:
            os.close(os.open(path, os.O_CREAT | os.O_RDONLY, FILE_MODE))
        except OSError:
            pass  # Whoosh's lock reports it
        return super().lock(name)

    def temp_storage(self, name: str | None = None) -> PrivateStorage:
        from whoosh.util import random_name

        name = name or f"{random_name()}.tmp"
        return PrivateStorage(os.path.join(self.folder, name)).create()


def storage(directory: Path | str) -> PrivateStorage:
    """The private storage of an index folder."""
    return PrivateStorage(str(directory))


def exists_in(directory: Path | str) -> bool:
    """Whether an index is in ``directory``."""
    return bool(os.path.isdir(directory) and storage(directory).index_exists(index._DEF_INDEX_NAME))


def open_dir(directory: Path | str) -> Any:
    """Whoosh's ``index.open_dir`` on a private storage."""
    return storage(directory).open_index(index._DEF_INDEX_NAME)


def create_in(directory: Path | str, schema: Any) -> Any:
    """Whoosh's ``index.create_in`` on a private storage."""
    return storage(directory).create().create_index(schema, index._DEF_INDEX_NAME)


def tighten(directory: Path) -> None:
    """Make an existing folder of Byline's private (folders 0700, files 0600), as far as this user may."""
    try:
        if os.stat(directory).st_mode & 0o077:
            os.chmod(directory, FOLDER_MODE)
    except OSError:
        return
    for root, dirs, files in os.walk(directory):
        for name in dirs:
            _chmod_if_wider(os.path.join(root, name), FOLDER_MODE)
        for name in files:
            _chmod_if_wider(os.path.join(root, name), FILE_MODE)


def _chmod_if_wider(path: str, mode: int) -> None:
    try:
        info = os.lstat(path)
        if info.st_mode & 0o077 and not os.path.islink(path):
            os.chmod(path, mode)
    except OSError:
        pass
