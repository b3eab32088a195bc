"""Saving as the student types: a debounced saver and the status line that reports on it.

Every widget saves through one `Autosaver`. Typing calls `changed()`, which
(re)starts a short timer; when the student pauses, the timer fires and the
widget's save function runs. The Save button and any action that must not
lose work first (switching to another contact, say) call `flush()` or
`save()`, which run at once. A failed save keeps the "unsaved" mark, so the
next change or click tries again, and never touches what is on screen.
"""

from __future__ import annotations

import asyncio
import atexit
import datetime as dt
import html
import threading
import weakref
from dataclasses import dataclass

import ipywidgets as widgets
from ..errors import NotReady

DEBOUNCE_SECONDS = 1.0


class StatusLine(widgets.HTML):
    """One line saying whether the work is saved: "Saved 14:02", "Unsaved changes..." or the error."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("wb-status")
        self.state = "idle"
        self.text = ""

    def _show(self, state: str, text: str, colour: str, role: str = "status") -> None:
        self.state, self.text = state, text
        self.value = (f'<div class="wb-status-line wb-{state}" role="{role}" aria-live="polite" '
                      f'style="color:{colour}">{html.escape(text)}</div>')

    def saved(self, note: str = "", when: dt.datetime | None = None) -> None:
        when = when or dt.datetime.now()
        self._show("saved", f"Saved {when:%H:%M}" + (f" ({note})" if note else ""), "#1a7f37")

    def pending(self) -> None:
        self._show("pending", "Unsaved changes; saving when you pause typing.", "#555")

    def info(self, text: str) -> None:
        self._show("info", text, "#555")

    def error(self, text: str) -> None:
        self._show("error", f"Not saved: {text}", "#b42318", role="alert")

    def partial(self, text: str, when: dt.datetime | None = None) -> None:
        when = when or dt.datetime.now()
        self._show("partial", f"Partly saved {when:%H:%M}: {text}", "#9a6700", role="alert")


@dataclass(frozen=True)
class Partial:
    """What a save function returns when it saved some changes and kept others back (the reason shown)."""

    text: str


# Every saver alive in this kernel, so that unsaved text is written before the kernel exits
# (a restart or shutdown from JupyterLab ends the kernel with a normal interpreter exit).
_LIVE: "weakref.WeakSet[Autosaver]" = weakref.WeakSet()


def flush_all() -> None:
    """Run every pending save now; a failure is left to the widget's own status line."""
    for saver in list(_LIVE):
        if saver.dirty:
            try:
                saver.flush()
            except Exception:  # noqa: BLE001 - at exit there is nobody to tell; the next save retries
                pass


atexit.register(flush_all)


def describe(exc: BaseException) -> str:
    """A one-line message for ``exc``: the journal's own wording, or the error's type and text."""
    from ..errors import JournalError

    if isinstance(exc, (JournalError, ValueError, NotReady)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _schedule(delay: float, callback):
    """Run ``callback`` after ``delay`` seconds; the handle has ``cancel()``.

    Inside a kernel the callback goes on the kernel's event loop, so it runs
    between messages like any other widget event; elsewhere a daemon timer
    thread does the waiting.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        timer = threading.Timer(delay, callback)
        timer.daemon = True
        timer.start()
        return timer
    return loop.call_later(delay, callback)


class Autosaver:
    """Debounce calls to ``save(explicit)`` and show the outcome on ``status``.

    ``save`` may return a short note shown after "Saved HH:MM", or a `Partial`
    when part of the change could not be saved; it raises to refuse (a JournalError/ValueError whose message is shown, or `NotReady`).
    ``on_error(exc)`` lets the widget put the message beside the field concerned.
    ``schedule(delay, callback)`` is replaceable so tests need not sleep; ``explain(exc)`` words an
    error for the status line (the widget's own labels).
    """

    def __init__(self, save, status: StatusLine, *, delay: float = DEBOUNCE_SECONDS,
                 on_error=None, on_saved=None, schedule=_schedule, explain=None):
        self._save = save
        self.status = status
        self.delay = delay
        self._on_error = on_error
        self._on_saved = on_saved
        self._schedule = schedule
        self._explain = explain or describe
        self._handle = None
        self._lock = threading.RLock()
        self.dirty = False
        _LIVE.add(self)

    @property
    def waiting(self) -> bool:
        """True while a debounced save is scheduled and has not run yet."""
        return self._handle is not None

    def changed(self) -> None:
        """Note a change and (re)start the debounce timer."""
        with self._lock:
            self.dirty = True
            self._cancel()
            self.status.pending()
            self._handle = self._schedule(self.delay, self._timer_fired)

    def _timer_fired(self) -> None:
        with self._lock:
            self._handle = None
            if self.dirty:
                self._run(explicit=False)

    def flush(self) -> bool:
        """Save now if anything is unsaved; True when nothing is left unsaved."""
        with self._lock:
            self._cancel()
            return self._run(explicit=False) if self.dirty else True

    def save(self) -> bool:
        """Save now, whether or not anything changed (the Save button); True on success."""
        with self._lock:
            self._cancel()
            self.dirty = True
            return self._run(explicit=True)

    def _cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _run(self, explicit: bool) -> bool:
        try:
            outcome = self._save(explicit)
        except NotReady as exc:
            if explicit:
                self.status.error(str(exc))
            else:
                self.status.info(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - the student sees the message, never a traceback
            self.status.error(self._explain(exc))
            if self._on_error is not None:
                self._on_error(exc)
            return False
        if isinstance(outcome, Partial):
            # Something is still unsaved (a refused value, a change made elsewhere too): stay dirty.
            self.status.partial(outcome.text)
            return False
        self.dirty = False
        self.status.saved(outcome or "")
        if self._on_saved is not None:
            self._on_saved()
        return True
