"""``workbook class-report``: the class's network growth, week by week, as a PNG, a CSV and a page.

Reads the latest journal each student submitted (nbgrader's
``submitted/STUDENT/ASSIGNMENT/journal.json``) or, with ``--journals DIR``,
every ``*.json`` below DIR. Exit status: 0 when every journal was counted,
1 when the report was written but some journals had to be left out (they
are listed), 2 when there is nothing to report on or an input is unusable.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import CommandError

NAME = "class-report"
HELP = "Write the class's network-growth report (PNG, CSV and a self-contained HTML page)."
DEFAULT_OUT = "class_report"


def add_arguments(parser) -> None:
    parser.add_argument("--out", metavar="DIR", default=DEFAULT_OUT,
                        help=f"folder to write the report into (default: ./{DEFAULT_OUT})")
    parser.add_argument("--journals", metavar="DIR",
                        help="read every *.json below DIR, one student per file named by its stem, "
                        "instead of the course's nbgrader submissions")
    parser.add_argument("--plan", metavar="FILE",
                        help="course plan for the term's start and length "
                        "(default: assignments/course_plan.toml in the course root)")
    parser.add_argument("--show-students", action="store_true",
                        help="name students: add a per-student table and class_students.csv")
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help="processes reading the journals of a large class (default: the number of CPU cores)")


def run(args) -> int:
    from ..course.directory import Course
    from ..course.plan import load_plan
    from ..errors import CoursePlanError, EmptyClassError
    from ..report import submitted_journals, write_class_report
    from ..system import usable_cores

    if args.jobs is not None and args.jobs < 1:
        raise CommandError("--jobs must be at least 1")
    try:
        plan = load_plan(args.plan) if args.plan else Course.find(args.course_dir).plan()
    except CoursePlanError as exc:
        hint = "" if args.plan else "; run from the course root or pass --plan FILE"
        raise CommandError(f"{exc}{hint}") from None
    try:
        if args.journals:
            source, where = Path(args.journals), args.journals
        else:
            submitted = Course.find(args.course_dir).root / "submitted"
            if not submitted.is_dir():
                raise CommandError(f"{submitted} does not exist: collect the submissions with nbgrader "
                                   "first, or give a folder of journals with --journals DIR")
            source, where = submitted_journals(submitted), str(submitted)
        result = write_class_report(source, args.out, show_students=args.show_students, plan=plan,
                                    jobs=args.jobs or usable_cores())
    except EmptyClassError as exc:
        raise CommandError(f"{exc}; nothing to report on") from None
    except OSError as exc:  # reading problems are per journal and reported; this is the output side
        raise CommandError(f"cannot write the report into {args.out}: {exc.strerror or exc}") from None

    print(f"Counted {result.counted} journal(s) from {where}.")
    print("Wrote " + ", ".join(str(p) for p in (result.png, result.csv, result.html, result.students_csv) if p))
    if result.skipped:
        for skipped in result.skipped:
            print(f"  left out {skipped.student}: {skipped.reason}")
        print(f"workbook {NAME}: {len(result.skipped)} journal(s) could not be read and are left out "
              "(listed above and in report.html)", file=sys.stderr)
        return 1
    return 0
