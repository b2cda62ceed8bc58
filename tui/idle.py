"""Waiting for the reader to be idle: for tests, benchmarks and screenshots that drive it headless."""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled


async def workers_done(app: App[object]) -> None:
    """Wait for the app's workers to end (a worker replaced by a newer one counts as ended)."""
    for _ in range(50):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


def busy(app: App[object]) -> bool:
    """Whether a worker runs, indexing is under way, or the first listing is not on screen yet."""
    return (
        any(w.is_running for w in app.workers)
        or bool(getattr(app, "indexing", False))
        or not getattr(app, "ready", True)
    )


async def settle(pilot: Pilot[object], rounds: int = 3, tries: int = 400) -> None:
    """Wait until the app has been idle ``rounds`` checks in a row (typing delays included).

    Raises ``TimeoutError`` after ``tries`` checks (about 20 s and more).
    """
    quiet = 0
    for _ in range(tries):
        await pilot.pause(0.05)
        await workers_done(pilot.app)
        await pilot.pause()
        quiet = 0 if busy(pilot.app) else quiet + 1
        if quiet >= rounds:
            return
    raise TimeoutError("the app never became idle")


async def steady(pilot: Pilot[object]) -> None:
    """:func:`settle`, then drop what changes with time: toasts, the blinking cursor."""
    await settle(pilot)
    pilot.app.clear_notifications()
    for widget in pilot.app.query("Input"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()
