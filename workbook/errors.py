"""Every error the workbook raises on purpose, under one base, each with a message meant to be read.

``WorkbookError`` is the one base: the ``workbook`` command catches it once,
prints its message on one line and exits with its ``exit_code`` (2: bad
input; 1: the work ran but needs attention). The errors a graded test cell
can meet (``AnswersError``, ``RubricFailure``) are also ``AssertionError``s,
so nbgrader scores the cell as a failed check, never as a crash.

May import: nothing (every part imports this module).
"""

from __future__ import annotations

EXIT_BAD_INPUT = 2
EXIT_NEEDS_ATTENTION = 1


class WorkbookError(Exception):
    """Base of every error the workbook raises on purpose."""

    exit_code = EXIT_BAD_INPUT


class _CodedError(WorkbookError):
    """An error whose exit status is chosen where it is raised: ``Error(message, code)``."""

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        if code is not None:
            self.exit_code = code

    @property
    def code(self) -> int:
        return self.exit_code


# -- the journal ---------------------------------------------------------------------------------


class JournalError(WorkbookError):
    """Base class for every journal problem."""


class JournalFileError(JournalError):
    """The journal file cannot be used as it is (unreadable, corrupt, wrong shape).

    The program never overwrites or deletes such a file: the message says
    what is wrong so that a person can repair or move it.
    """

    def __init__(self, path, problem):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"Journal file {self.path}: {problem}")


class JournalVersionError(JournalFileError):
    """The file was written by a newer workbook than this one."""


class JournalBusyError(JournalError):
    """Another notebook held the journal's lock for too long."""

    exit_code = EXIT_NEEDS_ATTENTION


class JournalValueError(JournalError, ValueError):
    """A value entered by the student was refused; nothing was written."""

    def __init__(self, field, problem):
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


# -- the course ----------------------------------------------------------------------------------


class CourseError(WorkbookError):
    """The course folder or something in it cannot be used; the message is one line for the user."""


class CoursePlanError(CourseError, ValueError):
    """The plan file is missing, malformed or inconsistent; the message says where."""


# Enough to locate the bad rows of a roster; the rest are counted, not listed.
MAX_REPORTED_PROBLEMS = 5


class CourseNotFound(CoursePlanError):
    """There is no course folder (one holding nbgrader_config.py) where one was looked for.

    A CoursePlanError too: the plan, like everything else of a course, is found through its folder.
    """


class VocabularyError(CourseError, ValueError):
    """A vocabulary file (the package's phrases or a course's additions) is malformed; the message says where."""


class RosterError(CourseError):
    """The roster file is unusable; ``problems`` lists every bad row (``line N: ...``)."""

    def __init__(self, path, problems: list[str]):
        self.path = str(path)
        self.problems = list(problems)
        shown = "; ".join(self.problems[:MAX_REPORTED_PROBLEMS])
        more = len(self.problems) - MAX_REPORTED_PROBLEMS
        tail = f"; and {more} more" if more > 0 else ""
        count = f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        super().__init__(f"{self.path}: {count}, nothing was changed: {shown}{tail}")


class CourseCopyError(CourseError):
    """There is no course to copy, or the copy cannot be made."""


# -- grading -------------------------------------------------------------------------------------


class AnswersError(WorkbookError, AssertionError):
    """The saved answers cannot be used; the message tells the student what to do.

    An AssertionError, so a test cell that meets it fails like any failed check.
    """


class AnswersMissing(AnswersError):
    """There is no journal.json in the assignment folder."""


class AnswersUnreadable(AnswersError):
    """journal.json exists but is not a journal this workbook can read."""


class RubricFailure(WorkbookError, AssertionError):
    """A rubric item is not met; the message is the check's, for the student."""


class TemplateError(WorkbookError, RuntimeError):
    """The kernel template could not fork a kernel; the caller launches one the usual way."""

    exit_code = EXIT_NEEDS_ATTENTION


class SandboxUnavailable(WorkbookError, RuntimeError):
    """bubblewrap cannot build a grading sandbox here; grading refuses unless told --no-sandbox."""

    exit_code = EXIT_BAD_INPUT


# -- the class report, the demo, widgets ---------------------------------------------------------


class SourceError(WorkbookError, ValueError):
    """The place to look for journals does not exist or is not a folder."""


class EmptyClassError(WorkbookError, ValueError):
    """There was no journal to report on, or none of them could be read."""


class DemoError(_CodedError):
    """The demo cannot start or a step failed; ``code`` is the exit status (default 1)."""

    exit_code = EXIT_NEEDS_ATTENTION


class NotReady(WorkbookError):
    """A widget has nothing it can save yet (e.g. a contact with no name).

    An automatic save reports it as information, not as an error.
    """


class CommandError(_CodedError):
    """A failure of a ``workbook`` subcommand with a one-line reason; ``code`` is the exit status (default 2)."""
