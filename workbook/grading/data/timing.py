"""When a submission was made: timestamp.txt checked against what the submitted files themselves say.

``nbgrader submit`` writes timestamp.txt after copying the student's files,
so an honest timestamp is never earlier than the files it stamps. The rule, in order:

1. timestamp.txt missing, empty, a link or not a time: the newest submitted
   file's modification time is the submission's time (flagged);
2. a file modified more than ``TOLERANCE`` after timestamp.txt: the file's
   time (flagged: the timestamp is older than the work it stamps);
3. otherwise timestamp.txt, unflagged.

The grader's clock is never consulted: a grade never depends on the day it
is computed (a term replayed, a demo of a term still to come, a regrade years
later all give the same result). Nothing is lost by it: a time later than the
truth only makes the work later, so the one forgery that pays, an early
timestamp, is the one rule 2 catches. Every flag names the file and says
which rule was applied.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..answers import TIMESTAMP_FILE

TOLERANCE = dt.timedelta(minutes=5)
MAX_TIMESTAMP_BYTES = 200


@dataclass(frozen=True)
class SubmissionTime:
    """The time grading uses (UTC, aware; None when nothing says), and the flag explaining any doubt."""

    when: dt.datetime | None
    claimed: str  # what timestamp.txt says, as written ('' when missing)
    flag: str = ""

    def as_dict(self) -> dict:
        return {"when": self.when.isoformat() if self.when else None, "claimed": self.claimed, "flag": self.flag}


def parse_timestamp(text: str) -> dt.datetime | None:
    """``text`` as nbgrader reads timestamp.txt (``2026-10-25 14:03:11.000000 UTC``, ISO forms), in UTC."""
    from dateutil import parser, tz

    text = text.strip()
    if not text:
        return None
    try:
        parts = text.split(" ")
        if len(parts) == 3:
            zone = parts[2]
            try:
                zone = tz.tzoffset(None, int(zone) * 36) if zone.lstrip("+-").isdigit() else tz.gettz(zone)
            except ValueError:
                zone = None
            when = parser.parse(" ".join(parts[:2]), default=None)
            when = when.replace(tzinfo=zone) if when.tzinfo is None and zone is not None else when
        else:
            when = parser.parse(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc)


def _read_claim(folder: Path) -> tuple[str, str]:
    """(what timestamp.txt says, why it cannot be used or '')."""
    path = folder / TIMESTAMP_FILE
    try:
        info = os.lstat(path)
    except OSError:
        return "", f"{TIMESTAMP_FILE} is missing"
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        return "", f"{TIMESTAMP_FILE} is not a regular file"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        try:
            text = os.read(fd, MAX_TIMESTAMP_BYTES).decode("utf-8", errors="replace").strip()
        finally:
            os.close(fd)
    except OSError as exc:
        return "", f"{TIMESTAMP_FILE} cannot be read ({exc.strerror})"
    if not text:
        return "", f"{TIMESTAMP_FILE} is empty"
    return text, ""


def _files(folder: Path):
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in filenames:
            path = Path(dirpath, name)
            if path.name == TIMESTAMP_FILE and path.parent == folder:
                continue
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                yield path.relative_to(folder), dt.datetime.fromtimestamp(info.st_mtime, dt.timezone.utc)


def _say(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S UTC")


def submission_time(folder: str | os.PathLike) -> SubmissionTime:
    """The time the submission in ``folder`` was made, by the rule above."""
    folder = Path(folder)
    claimed, problem = _read_claim(folder)
    files = sorted(_files(folder), key=lambda pair: pair[1])
    newest = files[-1] if files else None
    stamp = parse_timestamp(claimed) if claimed else None
    if claimed and stamp is None:
        problem = f"{TIMESTAMP_FILE} says {claimed[:40]!r}, which is not a time"
    if stamp is None:
        when = newest[1] if newest else None
        rule = f"the newest file's time ({newest[0]}, {_say(when)}) was used" if newest else "no time could be found"
        return SubmissionTime(when, claimed, f"{problem}; {rule}")
    if newest and newest[1] > stamp + TOLERANCE:
        return SubmissionTime(newest[1], claimed, (
            f"{TIMESTAMP_FILE} says {_say(stamp)}, but {newest[0]} was modified at {_say(newest[1])}; "
            "the file's time was used"))
    return SubmissionTime(stamp, claimed)
