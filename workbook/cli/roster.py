"""``workbook roster FILE.csv``: add or update the class's students in the gradebook."""

from __future__ import annotations

from . import CommandError

NAME = "roster"
HELP = (
    "Add the students of a roster CSV (header: id,first_name,last_name,email; UTF-8) to nbgrader's "
    "gradebook. Every row is checked first, so a bad row changes nothing; safe to run again."
)


def add_arguments(parser) -> None:
    parser.add_argument("csv", metavar="FILE.csv", help="the roster file")
    parser.add_argument("--check", action="store_true", help="only check the file; change nothing")
    parser.add_argument("--course-dir", metavar="DIR", help="the course folder (default: found from here upwards)")


def run(args) -> int:
    from ..instructor.course import CourseError, course_root, nbgrader_app
    from ..instructor.gradebook import apply_roster, count_actions, read_roster

    try:
        root = course_root(args.course_dir)
        students = read_roster(args.csv)
        if args.check:
            print(f"roster OK: {len(students)} students")
            return 0
        changes = apply_roster(students, nbgrader_app(root))
    except CourseError as exc:
        raise CommandError(str(exc)) from None
    for change in changes:
        if change.action != "unchanged":
            print(f"{change.action:<9}  {change.name}")
    print(f"roster applied: {count_actions(changes)}")
    return 0
