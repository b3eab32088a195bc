"""A progress line for long batches: how many are done, how fast, how long is left, and who is in hand.

On a terminal it is one line on stderr, redrawn in place with a carriage
return; in a log file or CI output (stderr not a terminal) it is one plain
line per finished item instead, because carriage returns would pile up
into a single unreadable line there.
"""

from __future__ import annotations

import shutil
import sys
import time

BAR_WIDTH = 20


def format_duration(seconds: float) -> str:
    """``"45 s"``, ``"2 min 05 s"``, ``"1 h 03 min"``: short, and precise enough for a wait."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class Progress:
    """Counts finished items out of ``total`` and draws the line on ``stream`` (default: stderr)."""

    def __init__(self, total: int, stream=None, clock=time.monotonic, is_tty: bool | None = None,
                 verb: str = "graded"):
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.verb = verb
        self.tty = bool(is_tty if is_tty is not None else getattr(self.stream, "isatty", lambda: False)())
        self.current: list[str] = []
        self.started_at = clock()
        self._drawn = 0

    def started(self, name: str) -> None:
        """``name`` is now being worked on."""
        self.current.append(name)
        self._redraw()

    def finished(self, name: str) -> None:
        """``name`` is done (whatever its outcome)."""
        if name in self.current:
            self.current.remove(name)
        self.done += 1
        if self.tty:
            self._redraw()
        else:
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def tick(self) -> None:
        """Redraw, so the rate and time left move between events (terminal only)."""
        self._redraw()

    def close(self) -> None:
        """End the line on a terminal so what follows starts on a fresh one."""
        if self.tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = 0

    def rate(self) -> float | None:
        """Items finished per second so far, or None before the first one."""
        elapsed = self.clock() - self.started_at
        if self.done == 0 or elapsed <= 0:
            return None
        return self.done / elapsed

    def seconds_left(self) -> float | None:
        """The estimated time to finish the rest at the rate so far, or None before the first item."""
        rate = self.rate()
        if rate is None:
            return None
        return (self.total - self.done) / rate

    def line(self) -> str:
        """The progress line, e.g. ``graded 12/60 [####----] 0.90/s, about 53 s left; now: s13, s14``."""
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        rate, left = self.rate(), self.seconds_left()
        if rate is None:
            pace = "estimating time left"
        elif self.done >= self.total:
            pace = f"{rate:.2f}/s, done in {format_duration(self.clock() - self.started_at)}"
        else:
            pace = f"{rate:.2f}/s, about {format_duration(left)} left"
        text = f"{self.verb} {self.done}/{self.total} [{bar}] {pace}"
        if self.current:
            text += "; now: " + ", ".join(self.current)
        return text

    def _redraw(self) -> None:
        if not self.tty:
            return
        width = shutil.get_terminal_size((100, 20)).columns - 1
        # A line wider than the terminal wraps, and \r then returns only to the wrapped part.
        text = self.line()[:width]
        padding = " " * max(0, self._drawn - len(text))
        self.stream.write("\r" + text + padding)
        self.stream.flush()
        self._drawn = len(text)
