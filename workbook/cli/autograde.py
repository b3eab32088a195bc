"""``workbook autograde ASSIGNMENT``: nbgrader's autograding, several students at a time."""

from __future__ import annotations

from ..errors import CommandError

NAME = "autograde"
HELP = (
    "Autograde every submission of ASSIGNMENT exactly as `nbgrader autograde` does (same configuration, "
    "same scores), several students at a time, with a progress line and a closing table. Students "
    "already graded are skipped, so an interrupted run can simply be started again."
)


def add_arguments(parser) -> None:
    from ..system import usable_cores

    parser.add_argument("assignment", metavar="ASSIGNMENT", help="the assignment to grade, e.g. informational_interview")
    parser.add_argument("--jobs", "-j", type=int, default=usable_cores(), metavar="N",
                        help="students graded at once (default: the number of CPU cores, here %(default)s)")
    parser.add_argument("--force", action="store_true", help="regrade students who are already graded")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="stop grading one student after this long (default: every code cell at "
                             "nbgrader's cell time limit, plus 2 minutes; at least 5 minutes)")
    parser.add_argument("--log", metavar="FILE", help="where nbgrader's log goes (default: nbgrader.log in the course)")
    parser.add_argument("--no-sandbox", dest="sandbox", action="store_false",
                        help="run students' kernels without the bubblewrap sandbox (only where it cannot run; "
                             "every submission's status then says unsandboxed)")


def run(args) -> int:
    from ..course.directory import Course
    from ..grading.runner import LOG_FILE, autograde, terminate_as_interrupt
    from ..grading.runner.progress import Progress
    from ..grading.runner.summary import attention_reason, student_lines, table

    if args.jobs < 1:
        raise CommandError("--jobs must be at least 1")
    if args.timeout is not None and args.timeout <= 0:
        raise CommandError("--timeout must be a positive number of seconds")
    course = Course.find(args.course_dir)
    app = course.app()
    with terminate_as_interrupt():
        result = autograde(course.root, args.assignment, jobs=args.jobs, force=args.force,
                           student_timeout=args.timeout, progress_factory=Progress, log_path=args.log, app=app,
                           sandbox=args.sandbox)
    if not result.attempts:
        print(f"nothing to grade: all {len(result.skipped)} submissions of {args.assignment!r} are already "
              "graded (--force regrades them)")
        return 0
    lines = student_lines(app, result)
    print(table(lines, skipped=len(result.skipped), seconds=result.seconds))
    reason = attention_reason(lines)
    if reason:
        raise CommandError(f"{reason}; details in the table above and in {args.log or LOG_FILE}", 1)
    return 0
