"""Finding the class's journals: one file per student, from nbgrader submissions or a plain folder.

Two layouts are understood:

* nbgrader's ``submitted/STUDENT/ASSIGNMENT/journal.json``. A student who
  submitted several assignments has several journals; the latest one counts,
  judged by the submission's ``timestamp.txt`` (written by ``nbgrader
  submit``) and, where that is missing or unreadable, by the journal file's
  modification time.
* Any folder of journal files: every ``*.json`` below it is one student,
  named by the file's stem (``ana.json`` -> ``ana``). When two files in
  different subfolders share a stem, both are named by their path relative
  to the folder instead (``group-a/ana``), so nobody is silently merged.
  Hidden files and folders and the journal's own pre-migration backups
  (``NAME.vN.bak.json``) are not students and are left out.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..journal.location import FILENAME

_BACKUP = re.compile(r"\.v\d+\.bak\.json$")


@dataclass(frozen=True)
class JournalSource:
    """Where one student's journal is, and when it was handed in (UTC, naive) if known."""

    student: str
    path: Path
    submitted: dt.datetime | None = None
    assignment: str | None = None


def _folder(path) -> Path:
    folder = Path(path)
    if not folder.is_dir():
        problem = "does not exist" if not folder.exists() else "is not a folder"
        raise SourceError(f"{folder} {problem}")
    return folder


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def folder_journals(folder) -> list[JournalSource]:
    """Every journal file below ``folder``, one student each, sorted by student."""
    root = _folder(folder)
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.endswith(".json") and not name.startswith(".") and not _BACKUP.search(name):
                found.append(Path(dirpath, name))
    stems = Counter(path.stem for path in found)
    sources = []
    for path in found:
        relative = path.relative_to(root)
        student = path.stem if stems[path.stem] == 1 else relative.with_suffix("").as_posix()
        sources.append(JournalSource(student, path))
    return sorted(sources, key=lambda s: s.student)


def submitted_journals(submitted) -> list[JournalSource]:
    """The latest journal of each student in an nbgrader ``submitted/`` folder, sorted by student."""
    root = _folder(submitted)
    latest: dict[str, JournalSource] = {}
    for student_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for assignment_dir in sorted(p for p in student_dir.iterdir() if p.is_dir()):
            journal = assignment_dir / FILENAME
            if not journal.is_file():
                continue
            when = submission_time(assignment_dir)
            if when is None:
                continue  # vanished while we looked
            candidate = JournalSource(student_dir.name, journal, when, assignment_dir.name)
            current = latest.get(student_dir.name)
            # Ties go to the assignment sorting last, so the choice never depends on the file system's order.
            if current is None or (when, assignment_dir.name) >= (current.submitted, current.assignment):
                latest[student_dir.name] = candidate
    return [latest[student] for student in sorted(latest)]


def submission_time(assignment_dir: Path) -> dt.datetime | None:
    """When a submission was handed in: its nbgrader timestamp, else its journal's modification time."""
    stamp = assignment_dir / "timestamp.txt"
    try:
        parsed = parse_timestamp(stamp.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        parsed = None
    if parsed is not None:
        return parsed
    try:
        mtime = (assignment_dir / FILENAME).stat().st_mtime
    except OSError:
        return None
    return dt.datetime.fromtimestamp(mtime, dt.timezone.utc).replace(tzinfo=None)


def parse_timestamp(text: str) -> dt.datetime | None:
    """An nbgrader timestamp as a naive UTC datetime, or None if it cannot be read.

    Follows ``nbgrader.utils.parse_utc`` (``2026-09-20 21:03:11.123456 UTC``,
    the zone being a name or a numeric offset, or anything dateutil reads);
    nbgrader itself is not imported because its import takes seconds.
    """
    import dateutil.parser
    import dateutil.tz

    text = text.strip()
    if not text or len(text) > 100:
        return None
    try:
        parts = text.split(" ")
        if len(parts) == 3:
            zone = parts[2]
            tz = int(zone) if re.fullmatch(r"[+-]?\d+", zone) else dateutil.tz.gettz(zone)
            parsed = dateutil.parser.parse(" ".join(parts[:2] + ["TZ"]), tzinfos={"TZ": tz})
        else:
            parsed = dateutil.parser.parse(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.tzinfo is not None:
        parsed = (parsed - parsed.utcoffset()).replace(tzinfo=None)
    return parsed
