"""``workbook plan``: put the course plan's assignments and due dates into the gradebook."""

from __future__ import annotations

NAME = "plan"
HELP = (
    "Apply the course plan (assignments/course_plan.toml) to nbgrader's gradebook: every assignment "
    "with its due date. The whole plan is checked first, so a bad plan changes nothing; safe to run again."
)


def add_arguments(parser) -> None:
    parser.add_argument("--plan", metavar="FILE", help="the plan file (default: assignments/course_plan.toml)")
    parser.add_argument("--check", action="store_true", help="only check the plan against the course; change nothing")


def run(args) -> int:
    from ..course.directory import Course
    from ..course.gradebook import apply_plan, check_plan_against_course, count_actions

    course = Course.find(args.course_dir)
    plan = course.plan(args.plan)
    app = course.app()
    if args.check:
        check_plan_against_course(plan, app)
        print(f"plan OK: {len(plan.assignments)} assignments, term {plan.term_start} to {plan.term_end}")
        return 0
    changes = apply_plan(plan, app)
    for change in changes:
        print(f"{change.action:<9}  {change.name}  ({change.detail})")
    print(f"plan applied: {count_actions(changes)}")
    return 0
