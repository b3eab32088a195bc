"""Putting the course plan and the class roster into nbgrader's gradebook, safely and repeatably.

Both follow one pattern: read and check *everything* first, and only then
open the gradebook, so a bad file changes nothing. Writing uses nbgrader's
``update_or_create_*`` calls, so running a command twice leaves the
gradebook as one run left it; each change is reported as ``created``,
``updated`` or ``unchanged``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourseError, RosterError
from .directory import open_gradebook, source_assignments
from .plan import SAFE_NAME, CoursePlan

ROSTER_COLUMNS = ("id", "first_name", "last_name", "email")
# A student id names a folder in every nbgrader step and appears in its globs,
# so it follows the plan's rule for assignment names (letters, digits, _ . -).
STUDENT_ID = SAFE_NAME
EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")
MAX_ROSTER_BYTES = 5_000_000
MAX_NAME_LENGTH = 200


@dataclass(frozen=True)
class Change:
    """What one command did to one gradebook entry."""

    name: str
    action: str  # "created", "updated" or "unchanged"
    detail: str = ""


@dataclass(frozen=True)
class RosterRow:
    """One checked student from the roster."""

    id: str
    first_name: str | None
    last_name: str | None
    email: str | None


def _action(existing: dict, key: str, wanted) -> str:
    """Whether ``key`` is new to the gradebook, differs from ``wanted`` there, or already matches."""
    if key not in existing:
        return "created"
    return "unchanged" if existing[key] == wanted else "updated"


# -- the course plan ---------------------------------------------------------------------------

def check_plan_against_course(plan: CoursePlan, app) -> None:
    """Refuse a plan for another course, or naming assignments the source directory does not hold."""
    if plan.course_id != app.coursedir.course_id:
        raise CourseError(
            f"the plan is for course {plan.course_id!r} but nbgrader_config.py sets course_id "
            f"{app.coursedir.course_id!r}; nothing was changed"
        )
    present = set(source_assignments(app))
    missing = [a.name for a in plan.assignments if a.name not in present]
    if missing:
        source = app.coursedir.source_directory
        names = ", ".join(f"{name!r}" for name in missing)
        raise CourseError(
            f"the plan names assignment(s) with no folder in {source}/: {names}; nothing was changed"
        )


def utc_due(due: dt.datetime) -> dt.datetime:
    """A plan due date (local wall-clock time) as the naive UTC time nbgrader stores."""
    aware = due if due.tzinfo is not None else due.astimezone()  # naive: this machine's local time
    return aware.astimezone(dt.timezone.utc).replace(tzinfo=None)


def apply_plan(plan: CoursePlan, app) -> list[Change]:
    """Create or update every planned assignment with its due date; returns one Change per assignment."""
    check_plan_against_course(plan, app)
    changes = []
    with open_gradebook(app) as gradebook:
        existing = {a.name: a.duedate for a in gradebook.assignments}
        for assignment in plan.assignments:
            due = utc_due(assignment.due)
            action = _action(existing, assignment.name, due)
            if action != "unchanged":
                gradebook.update_or_create_assignment(assignment.name, duedate=due)
            changes.append(Change(assignment.name, action, f"due {due:%Y-%m-%d %H:%M} UTC"))
    return changes


def assignments_without_notebooks(plan: CoursePlan, app) -> list[str]:
    """Planned assignments whose gradebook entry has no notebooks: nothing of them can be graded yet.

    ``nbgrader generate_assignment`` records an assignment's notebooks in the gradebook; run without
    ``--force`` while ``release/`` already holds the assignment (it is committed), it skips it and
    leaves the entry with a maximum score of 0.
    """
    with open_gradebook(app) as gradebook:
        known = {a.name: len(a.notebooks) for a in gradebook.assignments}
    return [a.name for a in plan.assignments if known.get(a.name, 0) == 0]


# -- the roster --------------------------------------------------------------------------------


def read_roster(path: str | Path) -> list[RosterRow]:
    """Read and check a roster CSV (header row with id, first_name, last_name, email; UTF-8).

    Raises RosterError listing every bad row; other columns are ignored.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RosterError(path, ["no such file"]) from None
    except OSError as exc:
        raise RosterError(path, [f"cannot be read ({exc.strerror})"]) from None
    if len(raw) > MAX_ROSTER_BYTES:
        raise RosterError(path, [f"is {len(raw):,} bytes; a roster is at most {MAX_ROSTER_BYTES:,}"])
    try:
        text = raw.decode("utf-8-sig")  # spreadsheets often start UTF-8 files with a byte-order mark
    except UnicodeDecodeError as exc:
        raise RosterError(path, [f"is not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8'"]) from None
    return parse_roster(text, where=path)


def parse_roster(text: str, where: str | Path = "roster") -> list[RosterRow]:
    """Check roster CSV text; see ``read_roster``."""
    text = text.removeprefix("\ufeff")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise RosterError(where, [f"not valid CSV ({exc})"]) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise RosterError(where, ["is empty; the first row must be the header: " + ",".join(ROSTER_COLUMNS)])
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [column for column in ROSTER_COLUMNS if column not in header]
    if missing:
        raise RosterError(where, [
            f"line 1: the header lacks {', '.join(missing)} (it must name {', '.join(ROSTER_COLUMNS)})"
        ])
    repeated = sorted({column for column in header if column and header.count(column) > 1})
    if repeated:
        raise RosterError(where, [f"line 1: the header names {', '.join(repeated)} twice"])
    position = {column: header.index(column) for column in ROSTER_COLUMNS}

    students, problems, first_line = [], [], {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank lines, often at the end of exported files
        if len(row) != len(header):
            problems.append(f"line {line}: {len(row)} fields, the header has {len(header)}")
            continue
        values = {column: row[position[column]].strip() for column in ROSTER_COLUMNS}
        student_id = values["id"]
        row_problems = []
        if not student_id:
            row_problems.append("no id")
        elif not STUDENT_ID.match(student_id):
            row_problems.append(
                f"id {student_id!r} is not a safe nbgrader name (letters, digits, _ . - only, up to 64)"
            )
        elif student_id in first_line:
            row_problems.append(f"id {student_id!r} is already on line {first_line[student_id]}")
        for column in ("first_name", "last_name"):
            if len(values[column]) > MAX_NAME_LENGTH:
                row_problems.append(f"{column} is longer than {MAX_NAME_LENGTH} characters")
            elif any(ord(ch) < 32 for ch in values[column]):
                row_problems.append(f"{column} holds control characters")
        if values["email"] and not EMAIL.match(values["email"]):
            row_problems.append(f"email {values['email']!r} is not an address")
        if row_problems:
            problems.extend(f"line {line}: {problem}" for problem in row_problems)
            continue
        first_line[student_id] = line
        students.append(RosterRow(
            student_id, values["first_name"] or None, values["last_name"] or None, values["email"] or None
        ))
    if problems:
        raise RosterError(where, problems)
    if not students:
        raise RosterError(where, ["has a header but no students"])
    return students


def apply_roster(students: list[RosterRow], app) -> list[Change]:
    """Create or update each student in the gradebook; returns one Change per student."""
    changes = []
    with open_gradebook(app) as gradebook:
        existing = {s.id: (s.first_name, s.last_name, s.email) for s in gradebook.students}
        for student in students:
            action = _action(existing, student.id, (student.first_name, student.last_name, student.email))
            if action != "unchanged":
                gradebook.update_or_create_student(
                    student.id, first_name=student.first_name, last_name=student.last_name, email=student.email
                )
            changes.append(Change(student.id, action))
    return changes


def count_actions(changes: list[Change]) -> str:
    """``"2 created, 1 updated, 3 unchanged"`` (only the actions that occurred)."""
    counts = {}
    for change in changes:
        counts[change.action] = counts.get(change.action, 0) + 1
    return ", ".join(f"{counts[a]} {a}" for a in ("created", "updated", "unchanged") if a in counts) or "nothing"
