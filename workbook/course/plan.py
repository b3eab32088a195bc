"""The course plan: the term's dates and each assignment's week, due date, points and late policy.

It lives in ``assignments/course_plan.toml``, the one file an instructor edits
to set up a term; notebooks read it to say what is due when, and
``workbook plan`` applies it to nbgrader's gradebook.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from ..errors import CoursePlanError
from .root import PLAN_FILE, find_root
from .toml_file import read_toml

LATE_POLICIES = ("none", "zero", "per_day")
SECONDS_PER_DAY = 24 * 60 * 60
# Names that are safe as folder names and nbgrader ids: assignments here, student ids in rosters.
SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class AssignmentPlan:
    """One assignment as the plan schedules it."""

    name: str
    title: str
    week: int
    due: dt.datetime
    points: float
    late_policy: str = "none"  # "none": no penalty; "zero": late work scores 0; "per_day": see below
    late_penalty_per_day: float = 0.0  # fraction of the points lost per day late, for "per_day"

    def late_penalty(self, score: float, seconds_late: float) -> float | None:
        """What this assignment's late policy takes off ``score`` when ``seconds_late`` late.

        None means no penalty. Each started day counts as a day; nbgrader caps a
        penalty at the score itself.
        """
        if seconds_late <= 0 or self.late_policy == "none":
            return None
        if self.late_policy == "zero":
            return score
        days = math.ceil(seconds_late / SECONDS_PER_DAY)
        return round(days * self.late_penalty_per_day * self.points, 6)


@dataclass(frozen=True)
class CoursePlan:
    """The term and its assignments, in week order."""

    course_id: str
    term_start: dt.date
    weeks: int
    assignments: tuple[AssignmentPlan, ...]

    @property
    def term_end(self) -> dt.date:
        return self.term_start + dt.timedelta(weeks=self.weeks) - dt.timedelta(days=1)

    def week_of(self, day: dt.date) -> int:
        """The term week (1 to ``weeks``) a day falls in; days before the term count as week 1."""
        return week_number(day, self.term_start, self.weeks)

    def assignment(self, name: str) -> AssignmentPlan:
        for assignment in self.assignments:
            if assignment.name == name:
                return assignment
        raise KeyError(f"the course plan has no assignment {name!r}")


def week_number(day: dt.date, term_start: dt.date, weeks: int) -> int:
    """The 1-based week of the term ``day`` falls in, clamped to the term."""
    return min(max((day - term_start).days // 7 + 1, 1), weeks)


def load_plan(path: Path | str | None = None) -> CoursePlan:
    """Read and check the course plan (default: the course root's assignments/course_plan.toml)."""
    path = Path(path) if path is not None else find_root() / PLAN_FILE
    return parse_plan(read_toml(path, CoursePlanError, "no course plan file here"), where=str(path))


def parse_plan(raw: dict, where: str = "course plan") -> CoursePlan:
    """Build a CoursePlan from the parsed TOML, refusing anything inconsistent."""
    def fail(problem):
        raise CoursePlanError(f"{where}: {problem}")

    term = raw.get("term")
    if not isinstance(term, dict):
        fail("missing the [term] table")
    start = term.get("start")
    if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
        fail(f"[term] start must be a date like 2026-09-07, not {start!r}")
    weeks = term.get("weeks")
    if not isinstance(weeks, int) or isinstance(weeks, bool) or not 1 <= weeks <= 52:
        fail(f"[term] weeks must be a whole number from 1 to 52, not {weeks!r}")
    course_id = term.get("course_id", "networking")
    if not isinstance(course_id, str) or not SAFE_NAME.match(course_id):
        fail(f"[term] course_id {course_id!r} is not a simple name")
    end = start + dt.timedelta(weeks=weeks)

    entries = raw.get("assignment", [])
    if not isinstance(entries, list) or not entries:
        fail("no [[assignment]] entries")
    assignments, seen = [], set()
    for n, entry in enumerate(entries, 1):
        label = f"[[assignment]] #{n}"
        if not isinstance(entry, dict):
            fail(f"{label} is not a table")
        unknown = set(entry) - {"name", "title", "week", "due", "points", "late_policy", "late_penalty_per_day"}
        if unknown:
            fail(f"{label} has unknown key(s): {', '.join(sorted(unknown))}")
        name = entry.get("name")
        if not isinstance(name, str) or not SAFE_NAME.match(name):
            fail(f"{label} needs a name made of letters, digits, _ . - (got {name!r})")
        if name in seen:
            fail(f"assignment {name!r} is listed twice")
        seen.add(name)
        label = f"assignment {name!r}"
        week = entry.get("week")
        if not isinstance(week, int) or isinstance(week, bool) or not 1 <= week <= weeks:
            fail(f"{label}: week must be from 1 to {weeks}, not {week!r}")
        due = entry.get("due")
        if isinstance(due, dt.date) and not isinstance(due, dt.datetime):
            due = dt.datetime.combine(due, dt.time(23, 59))
        if not isinstance(due, dt.datetime):
            fail(f"{label}: due must be a date or date-time like 2026-09-20T23:59, not {due!r}")
        if due.tzinfo is not None:
            due = due.replace(tzinfo=None)
        if not start <= due.date() < end:
            fail(f"{label}: due {due:%Y-%m-%d} is outside the term ({start} to {end - dt.timedelta(days=1)})")
        points = entry.get("points")
        if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
            fail(f"{label}: points must be a positive number, not {points!r}")
        policy = entry.get("late_policy", "none")
        if policy not in LATE_POLICIES:
            fail(f"{label}: late_policy must be one of {', '.join(LATE_POLICIES)}, not {policy!r}")
        per_day = entry.get("late_penalty_per_day", 0.0)
        if isinstance(per_day, bool) or not isinstance(per_day, (int, float)) or not 0 <= per_day <= 1:
            fail(f"{label}: late_penalty_per_day must be a fraction from 0 to 1, not {per_day!r}")
        if policy == "per_day" and per_day == 0:
            fail(f"{label}: late_policy 'per_day' needs late_penalty_per_day above 0")
        title = entry.get("title", name)
        if not isinstance(title, str):
            fail(f"{label}: title must be text")
        assignments.append(AssignmentPlan(name, title, week, due, float(points), policy, float(per_day)))
    assignments.sort(key=lambda a: (a.week, a.due, a.name))
    return CoursePlan(course_id, start, weeks, tuple(assignments))


# -- moving the plan to a new term ---------------------------------------------------------------

# A `start = ...` or `due = ...` line of the plan file: the key, its TOML date or date-time, the rest.
_DATED_LINE = re.compile(
    r"^(?P<head>\s*(?P<key>start|due)\s*=\s*)(?P<value>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)"
    r"(?P<tail>\s*(?:#.*)?)$")


def moved(plan: CoursePlan, start: dt.date) -> CoursePlan:
    """``plan`` moved to a term starting on ``start``: every due date keeps its distance from the start."""
    shift = start - plan.term_start
    return replace(plan, term_start=start,
                   assignments=tuple(replace(a, due=a.due + shift) for a in plan.assignments))


def move_plan_text(text: str, start: dt.date, where: str = "course plan") -> str:
    """The plan file's ``text`` with the term moved to ``start``; comments and layout are kept.

    Every ``start`` and ``due`` line is rewritten (due dates keep their distance from the term's
    start, so each stays in its week and on its weekday when ``start`` is on the old start's
    weekday); the result is checked to be exactly ``moved(parse_plan(text), start)``.
    """
    before = parse_plan_text(text, where)
    shift = start - before.term_start

    def rewrite(line: str) -> str:
        found = _DATED_LINE.match(line)
        if not found:
            return line
        value = found["value"]
        if found["key"] == "start":
            new = start.isoformat()
        elif len(value) == 10:
            new = (dt.date.fromisoformat(value) + shift).isoformat()
        else:
            moment = dt.datetime.fromisoformat(value.replace(" ", "T")) + shift
            new = moment.isoformat(timespec="seconds" if value.count(":") == 2 else "minutes")
        return found["head"] + new + found["tail"]

    lines = text.splitlines(keepends=True)
    result = "".join(rewrite(line.rstrip("\r\n")) + line[len(line.rstrip("\r\n")):] for line in lines)
    try:
        same = parse_plan_text(result, where) == moved(before, start)
    except CoursePlanError:
        same = False
    if not same:
        raise CoursePlanError(f"{where}: its dates are not all on plain `start = ...` / `due = ...` lines; "
                              "move the term by editing the file")
    return result


def parse_plan_text(text: str, where: str = "course plan") -> CoursePlan:
    """A CoursePlan from the plan file's text."""
    try:
        return parse_plan(tomllib.loads(text), where)
    except tomllib.TOMLDecodeError as exc:
        raise CoursePlanError(f"{where}: not valid TOML ({exc})") from None


def move_plan_file(path: Path | str, start: dt.date, write: bool = True) -> CoursePlan:
    """Move the plan in ``path`` to a term starting on ``start`` (written atomically); returns the moved plan."""
    from ..journal.storage import atomic_write_bytes

    path = Path(path)
    text = move_plan_text(path.read_text(encoding="utf-8"), start, where=str(path))
    if write:
        atomic_write_bytes(path, text.encode("utf-8"))
    return parse_plan_text(text, str(path))
