"""``workbook export``: the grades CSV with a status column, so a broken submission never reads as a zero."""

from __future__ import annotations

from ..errors import CommandError

NAME = "export"
HELP = (
    "Export the gradebook to CSV with nbgrader's columns plus status and status_detail (graded, unreadable, "
    "missing, needs manual grading, tampered, ...), through nbgrader's own export."
)


def add_arguments(parser) -> None:
    parser.add_argument("--to", metavar="FILE", default="grades.csv", help="the CSV to write (default: %(default)s)")
    parser.add_argument("--assignment", action="append", default=[], metavar="NAME",
                        help="export only this assignment (repeatable)")
    parser.add_argument("--student", action="append", default=[], metavar="ID",
                        help="export only this student (repeatable)")


def run(args) -> int:
    from ..course.directory import Course
    from ..grading.export import export_grades

    course = Course.find(args.course_dir)
    try:
        tally = export_grades(course, args.to, args.assignment, args.student)
    except OSError as exc:
        raise CommandError(f"cannot write {args.to}: {exc.strerror}") from None
    rows = sum(tally.values())
    parts = ", ".join(f"{n} {status}" for status, n in sorted(tally.items()))
    print(f"wrote {rows} rows to {args.to}" + (f": {parts}" if parts else ""))
    return 0
