"""``workbook plan``: put the course plan's assignments and due dates into the gradebook."""

from __future__ import annotations

import datetime as dt
import sys

from ..errors import CommandError

NAME = "plan"
HELP = (
    "Apply the course plan (assignments/course_plan.toml) to nbgrader's gradebook: every assignment "
    "with its due date. The whole plan is checked first, so a bad plan changes nothing; safe to run again. "
    "--start moves the whole plan to a new term first."
)


def add_arguments(parser) -> None:
    parser.add_argument("--plan", metavar="FILE", help="the plan file (default: assignments/course_plan.toml)")
    parser.add_argument("--check", action="store_true", help="only check the plan against the course; change nothing")
    parser.add_argument("--start", metavar="YYYY-MM-DD",
                        help="first move the term to start on this day, every due date with it (each keeps its "
                             "distance from the start), rewriting the plan file; with --check, write nothing")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--start wants a date like 2027-01-11, not {text!r}") from None


def run(args) -> int:
    from ..course.directory import Course
    from ..course.gradebook import apply_plan, assignments_without_notebooks, check_plan_against_course, count_actions
    from ..course.plan import move_plan_file

    start = _day(args.start) if args.start is not None else None
    course = Course.find(args.course_dir)
    path = args.plan if args.plan is not None else course.plan_file
    plan = course.plan(args.plan)
    app = course.app()
    if start is not None:
        plan = move_plan_file(path, start, write=False)
        check_plan_against_course(plan, app)  # a plan the course refuses is not written either
        if not args.check:
            move_plan_file(path, start)
            print(f"moved the plan in {path} to the term {plan.term_start} to {plan.term_end}")
    if args.check:
        check_plan_against_course(plan, app)
        print(f"plan OK: {len(plan.assignments)} assignments, term {plan.term_start} to {plan.term_end}")
        return 0
    changes = apply_plan(plan, app)
    for change in changes:
        print(f"{change.action:<9}  {change.name}  ({change.detail})")
    print(f"plan applied: {count_actions(changes)}")
    for name in assignments_without_notebooks(plan, app):
        print(f"workbook plan: warning: {name!r} has no notebooks in the gradebook, so it cannot be graded "
              f"(maximum score 0); run `nbgrader generate_assignment {name} --force`", file=sys.stderr)
    return 0
