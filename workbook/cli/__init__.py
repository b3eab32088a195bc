"""The ``workbook`` command: a thin shell over the package and nbgrader's own Python API.

Each subcommand is a module in this package with ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``; adding one means adding
its module name to SUBCOMMANDS. Exit codes: 0 when all went well, 1 when the
work ran but something needs attention (reported in one line), 2 for usage
errors and bad input files.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

SUBCOMMANDS = ("plan", "roster", "autograde", "feedback", "export", "class_report", "demo")


class CommandError(Exception):
    """A failure with a one-line reason for the user; ``code`` is the exit status."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def _available():
    for module_name in SUBCOMMANDS:
        try:
            yield import_module(f"{__name__}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module_name}":
                raise


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="Instructor tools for the Networking & Informational Interviewing course. "
        "Run from the course root (the folder with nbgrader_config.py).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for module in _available():
        sub = commands.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(_run=module.run)
    return parser


def main(argv=None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except CommandError as exc:
        print(f"workbook {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"workbook {args.command}: interrupted; run it again to carry on", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
