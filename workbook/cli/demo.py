"""``workbook demo``: the instructor's whole loop on a synthetic class, in one command."""

from __future__ import annotations

from ..errors import CommandError

NAME = "demo"
HELP = (
    "Show the whole instructor loop on a made-up class: a fresh course copied from this repository, "
    "N synthetic students with realistic journals and submissions (excellent, thin, late, one unreadable, "
    "one tampered), then plan, roster, generate, autograde in parallel, feedback, export and the class "
    "report, all written to DIR, with a summary of where each output is."
)


def add_arguments(parser) -> None:
    from ..demo.run import DEFAULT_OUT, DEFAULT_STUDENTS
    from ..demo.submissions import MAX_STUDENTS, MIN_STUDENTS

    parser.add_argument("--out", metavar="DIR", default=DEFAULT_OUT,
                        help="folder for everything the demo makes; must be empty or new (default: ./%(default)s)")
    parser.add_argument("--students", type=int, default=DEFAULT_STUDENTS, metavar="N",
                        help=f"students in the class, {MIN_STUDENTS} to {MAX_STUDENTS} (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="the same seed makes the same class (default: 0)")
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help="students autograded at once (default: the number of CPU cores)")
    parser.add_argument("--force", action="store_true",
                        help="write into a non-empty DIR, replacing an earlier demo's files there")


def run(args) -> int:
    from . import main
    from ..demo.run import run_demo

    if args.jobs is not None and args.jobs < 1:
        raise CommandError("--jobs must be at least 1")
    # The demo types each step as an instructor would: it is handed this command to type into.
    run_demo(args.out, students=args.students, seed=args.seed, jobs=args.jobs, force=args.force,
             command=main, origin=args.course_dir)
    return 0
