"""The chapter's running order and its schedule of due dates (the opening quiz is workbook.checks.quiz).

The opening notebook shows what these functions return, and the notebook
tests compare every notebook against CHAPTER, so the order of the chapter is
written down in one place only. Nothing here imports IPython: a `Markdown`
result is a plain string that Jupyter happens to know how to render.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from ..errors import CoursePlanError
from ..markup import Markdown, table_cell
from .plan import CoursePlan, load_plan


class ChapterNotebook(NamedTuple):
    """One notebook of the chapter: its file name in ``notebooks/`` and its title."""

    filename: str
    title: str


CHAPTER: tuple[ChapterNotebook, ...] = (
    ChapterNotebook("00_start_here.ipynb", "Start here"),
    ChapterNotebook("01_why_networking.ipynb", "Why networking matters"),
    ChapterNotebook("02_map_your_network.ipynb", "Map the network you already have"),
    ChapterNotebook("03_your_pitch.ipynb", "Your one-minute commercial"),
    ChapterNotebook("04_choose_people.ipynb", "Research the field and choose people to interview"),
    ChapterNotebook("05_plan_questions.ipynb", "Plan your questions"),
    ChapterNotebook("06_request_email.ipynb", "Ask for the conversation"),
    ChapterNotebook("07_hold_the_interview.ipynb", "Hold the interview"),
    ChapterNotebook("08_follow_up_and_reflect.ipynb", "Follow up and reflect"),
    ChapterNotebook("09_watch_your_network_grow.ipynb", "Watch your network grow"),
)

# Which notebook prepares each graded assignment of the course plan (by assignment name).
PREPARED_IN = {
    "network_map": "02_map_your_network.ipynb",
    "pitch": "03_your_pitch.ipynb",
    "question_plan": "05_plan_questions.ipynb",
    "request_email": "06_request_email.ipynb",
    "informational_interview": "07_hold_the_interview.ipynb",
}


def neighbours(filename: str) -> tuple[ChapterNotebook | None, ChapterNotebook | None]:
    """The notebooks before and after ``filename`` in the chapter (None at either end)."""
    names = [entry.filename for entry in CHAPTER]
    if filename not in names:
        raise KeyError(f"{filename!r} is not a notebook of this chapter")
    at = names.index(filename)
    return (CHAPTER[at - 1] if at > 0 else None, CHAPTER[at + 1] if at + 1 < len(CHAPTER) else None)


# -- the schedule ------------------------------------------------------------


class DueRow(NamedTuple):
    """One line of the schedule: an assignment, when it is due, and where to work on it."""

    week: int
    due: dt.datetime
    name: str
    title: str
    points: float
    late_rule: str
    notebook: ChapterNotebook | None


def late_rule(policy: str, per_day: float) -> str:
    """The late policy of an assignment in words a student reads."""
    if policy == "zero":
        return "late work scores 0"
    if policy == "per_day":
        return f"loses {per_day * 100:g}% of its points per day late"
    return "late work is marked late, without penalty"


def due_table(plan: CoursePlan) -> list[DueRow]:
    """The plan's assignments in the order they fall due, each with the notebook that prepares it."""
    by_file = {entry.filename: entry for entry in CHAPTER}
    rows = [
        DueRow(a.week, a.due, a.name, a.title, a.points, late_rule(a.late_policy, a.late_penalty_per_day),
               by_file.get(PREPARED_IN.get(a.name, "")))
        for a in plan.assignments
    ]
    return sorted(rows, key=lambda row: (row.due, row.week, row.name))


def _when(moment: dt.datetime) -> str:
    return f"{moment:%a %d %b %Y}, {moment:%H:%M}"


def schedule_markdown(plan: CoursePlan, today: dt.date | None = None) -> Markdown:
    """What is due when, as a Markdown table with a line about the next deadline."""
    today = today or dt.date.today()
    rows = due_table(plan)
    if today < plan.term_start:
        status = f"The term starts on {plan.term_start:%a %d %b %Y}."
    elif today > plan.term_end:
        status = f"The term ended on {plan.term_end:%a %d %b %Y}."
    else:
        status = f"Today, {today:%a %d %b %Y}, is in week {plan.week_of(today)} of {plan.weeks}."
    upcoming = [row for row in rows if row.due.date() >= today]
    if upcoming:
        status += f" Next due: **{table_cell(upcoming[0].title)}**, {_when(upcoming[0].due)}."
    elif rows:
        status += " Every due date of the term has passed."
    lines = [status, "", "| Week | Due | Assignment | Points | If late | Work on it in |",
             "|---:|---|---|---:|---|---|"]
    for row in rows:
        where = f"[{table_cell(row.notebook.title)}]({row.notebook.filename})" if row.notebook else "its assignment notebook"
        lines.append(f"| {row.week} | {_when(row.due)} | {table_cell(row.title)} | {row.points:g} | "
                     f"{row.late_rule} | {where} |")
    return Markdown("\n".join(lines))


def schedule(path: Path | str | None = None, today: dt.date | None = None) -> Markdown:
    """The schedule from the course plan, or a clear note when the plan cannot be read."""
    try:
        plan = load_plan(path)
    except CoursePlanError as problem:
        return Markdown(
            "**The due dates cannot be shown here**, because the course plan could not be read "
            f"({table_cell(problem)}). Your instructor publishes the same dates elsewhere; nothing in "
            "your journal depends on this table."
        )
    return schedule_markdown(plan, today)
