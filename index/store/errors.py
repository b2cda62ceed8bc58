"""What can go wrong with the index files, in the store's own words (no Whoosh types leak out)."""

from __future__ import annotations

import functools
import inspect
import pickle
import struct
import zlib
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class IndexLocked(Exception):
    """Another process is writing to the index."""


class IndexUnreadable(Exception):
    """The index on disk cannot be opened or read (corrupted, truncated, foreign)."""


class IndexWriteFailed(Exception):
    """Writing or committing a batch failed (disk full, I/O error, damaged segment).

    The batch is dropped and the write lock released: the index stays at its last commit.
    """


_DAMAGE = (IndexUnreadable, pickle.UnpicklingError, zlib.error, struct.error, EOFError, OSError, UnicodeDecodeError)


def is_damage(exc: BaseException) -> bool:
    """Whether an exception Whoosh raised while reading comes from damaged files, not from the query."""
    if isinstance(exc, _DAMAGE):
        return True
    return type(exc) is Exception and "tag" in str(exc).lower()  # whoosh's "Block tag error"


def unreadable_on_error(method: F) -> F:
    """Turn any failure of Whoosh while reading committed data into :class:`IndexUnreadable`.

    For methods that read stored fields and terms only (no user query involved),
    so a failure there means damaged index files, not a bad query.
    """
    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def gen_wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                yield from method(*args, **kwargs)
            except (IndexUnreadable, GeneratorExit):
                raise
            except Exception as exc:
                raise IndexUnreadable(f"{type(exc).__name__}: {exc}") from exc

        return gen_wrapper  # type: ignore[return-value]

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except IndexUnreadable:
            raise
        except Exception as exc:
            raise IndexUnreadable(f"{type(exc).__name__}: {exc}") from exc

    return wrapper  # type: ignore[return-value]


def describe_failure(exc: BaseException) -> str:
    """A few words on why writing failed (``no space left on device``, ``IndexError: ...``)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[:1].lower() + exc.strerror[1:]
    return f"{type(exc).__name__}: {exc}"
