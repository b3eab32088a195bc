"""The errors a student or instructor can meet, each with a message meant to be read."""


class JournalError(Exception):
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


class JournalValueError(JournalError, ValueError):
    """A value entered by the student was refused; nothing was written."""

    def __init__(self, field, problem):
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)
