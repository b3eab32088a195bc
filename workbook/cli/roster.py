"""``workbook roster FILE.csv``: add or update the class's students in the gradebook."""

from __future__ import annotations

NAME = "roster"
HELP = (
    "Add the students of a roster CSV (header: id,first_name,last_name,email; UTF-8) to nbgrader's "
    "gradebook. Every row is checked first, so a bad row changes nothing; safe to run again."
)


def add_arguments(parser) -> None:
    parser.add_argument("csv", metavar="FILE.csv", help="the roster file")
    parser.add_argument("--check", action="store_true", help="only check the file; change nothing")


def run(args) -> int:
    from ..course.directory import Course
    from ..course.gradebook import apply_roster, count_actions, read_roster

    course = Course.find(args.course_dir)
    students = read_roster(args.csv)
    if args.check:
        print(f"roster OK: {len(students)} students")
        return 0
    changes = apply_roster(students, course.app())
    for change in changes:
        if change.action != "unchanged":
            print(f"{change.action:<9}  {change.name}")
    print(f"roster applied: {count_actions(changes)}")
    return 0
