"""The ``workbook`` command: a thin shell over the package and nbgrader's own Python API.

May import: every part of the workbook (it is the top layer, with ``demo``); nothing imports it.

Each subcommand is a module in this package with ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``; adding one means adding
its module name to SUBCOMMANDS. Every subcommand gets ``--course-dir`` from
one parent parser, and ``main`` turns any ``WorkbookError`` into its one-line
message and exit code. Exit codes: 0 when all went well, 1 when the work ran
but something needs attention (reported in one line), 2 for usage errors
and bad input files, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from ..errors import CommandError, WorkbookError

SUBCOMMANDS = ("plan", "roster", "autograde", "feedback", "export", "class_report", "demo")

__all__ = ["CommandError", "SUBCOMMANDS", "build_parser", "main"]


def _available():
    for module_name in SUBCOMMANDS:
        try:
            yield import_module(f"{__name__}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module_name}":
                raise


def course_options() -> argparse.ArgumentParser:
    """The options every subcommand shares: where the course is."""
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--course-dir", metavar="DIR",
                        help="the course folder, the one with nbgrader_config.py (default: found from here upwards)")
    return shared


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="Instructor tools for the Networking & Informational Interviewing course. "
        "Run from the course root (the folder with nbgrader_config.py), or give --course-dir.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    shared = course_options()
    for module in _available():
        sub = commands.add_parser(module.NAME, help=module.HELP, description=module.HELP, parents=[shared])
        module.add_arguments(sub)
        sub.set_defaults(_run=module.run)
    return parser


def main(argv=None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    try:
        _warn_if_exposed(args)
        return int(args._run(args) or 0)
    except WorkbookError as exc:
        print(f"workbook {args.command}: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"workbook {args.command}: interrupted; run it again to carry on", file=sys.stderr)
        return 130


def _warn_if_exposed(args) -> None:
    """One line on stderr when other users can look into the course folder (the command still runs)."""
    from ..course.private import exposure
    from ..course.root import find_root
    from ..errors import CourseNotFound

    # The demo grades in a folder of its own (--course-dir is what it copies); a class report on a
    # folder of journals reads nothing of the course's.
    if args.command == "demo" or getattr(args, "journals", None):
        return
    try:
        problem = exposure(find_root(args.course_dir))
    except (CourseNotFound, OSError):
        return  # the command itself reports a missing course
    if problem:
        print(f"workbook {args.command}: warning: {problem}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
