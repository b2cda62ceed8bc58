"""Waiting for the reader to settle: for tests, benchmarks and screenshots that drive it headless.

Nothing here waits for a length of time: each check waits for the app to
process what is queued, then asks the app whether work is under way (a worker
running, a listing, a read, indexing, or typing and previews not settled).
``screenshots/`` and ``benchmarks/`` import this file from here.
"""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

SETTLE_CHECKS = 4000
"""Checks before :func:`settle` gives up (each waits for the app; together well over a minute on a loaded machine)."""


async def workers_done(app: App[object]) -> None:
    """Wait for the app's workers to end (a worker replaced by a newer one, or failed, counts as ended)."""
    for _ in range(100):
        try:
            await app.workers.wait_for_complete()
            return
        except (WorkerCancelled, WorkerFailed):
            continue


def busy(app: App[object]) -> bool:
    """Whether a worker runs, or the main screen says work is under way or due."""
    if any(w.is_running for w in app.workers):
        return True
    main = getattr(app, "main", None)
    return bool(getattr(main, "busy", False))


async def settle(pilot: Pilot[object], rounds: int = 3) -> None:
    """Wait until the app has been idle ``rounds`` checks in a row.

    Raises ``TimeoutError`` if it never is (after :data:`SETTLE_CHECKS` checks).
    """
    quiet = 0
    for _ in range(SETTLE_CHECKS):
        await workers_done(pilot.app)
        await pilot.pause(0.02 if quiet == 0 else None)
        quiet = 0 if busy(pilot.app) else quiet + 1
        if quiet >= rounds:
            return
    raise TimeoutError("the app never became idle")


def _toasts(app: App[object]) -> bool:
    """Whether a toast is still on any screen of the stack."""
    return any(screen.query("Toast") for screen in app.screen_stack)


async def steady(pilot: Pilot[object]) -> None:
    """:func:`settle`, then drop what changes with time: toasts (until they are gone), the blinking cursor."""
    await settle(pilot)
    app = pilot.app
    app.clear_notifications()
    for screen in app.screen_stack:
        for widget in screen.query("Input"):
            widget.cursor_blink = False  # type: ignore[attr-defined]
    for _ in range(SETTLE_CHECKS):
        await pilot.pause()
        if not _toasts(app):
            break
    await settle(pilot)
