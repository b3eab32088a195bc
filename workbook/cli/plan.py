"""``workbook plan``: put the course plan's assignments and due dates into the gradebook."""

from __future__ import annotations

from . import CommandError

NAME = "plan"
HELP = (
    "Apply the course plan (assignments/course_plan.toml) to nbgrader's gradebook: every assignment "
    "with its due date. The whole plan is checked first, so a bad plan changes nothing; safe to run again."
)


def add_arguments(parser) -> None:
    parser.add_argument("--plan", metavar="FILE", help="the plan file (default: assignments/course_plan.toml)")
    parser.add_argument("--check", action="store_true", help="only check the plan against the course; change nothing")
    parser.add_argument("--course-dir", metavar="DIR", help="the course folder (default: found from here upwards)")


def run(args) -> int:
    from ..course_plan import PLAN_FILE, CoursePlanError, load_plan
    from ..instructor.course import CourseError, course_root, nbgrader_app
    from ..instructor.gradebook import apply_plan, check_plan_against_course, count_actions

    try:
        root = course_root(args.course_dir)
        plan = load_plan(args.plan or root / PLAN_FILE)
        app = nbgrader_app(root)
        if args.check:
            check_plan_against_course(plan, app)
            print(f"plan OK: {len(plan.assignments)} assignments, term {plan.term_start} to {plan.term_end}")
            return 0
        changes = apply_plan(plan, app)
    except (CourseError, CoursePlanError) as exc:
        raise CommandError(str(exc)) from None
    for change in changes:
        print(f"{change.action:<9}  {change.name}  ({change.detail})")
    print(f"plan applied: {count_actions(changes)}")
    return 0
