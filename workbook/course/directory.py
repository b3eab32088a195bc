"""The course folder, and nbgrader started on it exactly as the ``nbgrader`` command would start.

Every instructor command goes through ``nbgrader_app``: it builds the same
nbgrader application class the nbgrader command builds and lets it load its
configuration the same way (Jupyter's config path, the current folder, then
the course's nbgrader_config.py), so a command here and its nbgrader
counterpart never disagree about directories, preprocessors or time limits.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path
from .plan import CoursePlan, load_plan
from .private import tighten_course
from .root import CONFIG_FILE, PLAN_FILE, find_root

# How long a gradebook connection waits for another process's write before
# giving up. pysqlite's own default is 5 s; parallel autograde workers share
# one SQLite file, and a slow disk must not turn a wait into a lost grade.
BUSY_TIMEOUT_SECONDS = 120.0


class Course:
    """One course folder: its root, its plan, its nbgrader configuration, and absolute paths in it.

    ``Course.find(path)`` is the one way a course is found (``--course-dir``,
    or the nearest folder at or above the current one with nbgrader_config.py).
    """

    def __init__(self, root: str | os.PathLike):
        self.root = find_root(root)

    @classmethod
    def find(cls, path: str | os.PathLike | None = None) -> "Course":
        """The course named by ``path``, or the one around the current folder."""
        return cls(find_root(path))

    def __repr__(self):
        return f"Course({str(self.root)!r})"

    def __eq__(self, other):
        return isinstance(other, Course) and other.root == self.root

    def __hash__(self):
        return hash(self.root)

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def plan_file(self) -> Path:
        return self.root / PLAN_FILE

    def plan(self, path: str | os.PathLike | None = None) -> CoursePlan:
        """The course plan (``path`` overrides the course's own assignments/course_plan.toml)."""
        return load_plan(path if path is not None else self.plan_file)

    def app(self, app_class=None, log_level: int = logging.WARNING):
        """An initialised nbgrader application for this course (see ``nbgrader_app``)."""
        return nbgrader_app(self.root, app_class, log_level)


@contextmanager
def inside(folder: str | os.PathLike):
    """Run the block with ``folder`` as the current directory (nbgrader resolves relative paths against it)."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield Path(folder)
    finally:
        os.chdir(before)


def ensure_nbgrader_tools() -> None:
    """Put this interpreter's scripts folder on PATH when nbgrader's helper command is missing from it.

    nbgrader creates a new gradebook by running the ``alembic`` command; a
    virtual environment used without activation (``.venv/bin/workbook``)
    would otherwise fail on its first gradebook with "No such file".
    """
    if shutil.which("alembic"):
        return
    scripts = str(Path(sys.executable).parent)
    os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")


_busy_timeout_listener = None


def install_busy_timeout(seconds: float = BUSY_TIMEOUT_SECONDS) -> None:
    """Make every SQLite connection SQLAlchemy opens in this process wait ``seconds`` for a lock.

    nbgrader opens its own engines deep inside the converters; an engine-wide
    ``connect`` listener reaches them without touching nbgrader's code or
    the course's db_url.
    """
    global _busy_timeout_listener
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    milliseconds = int(seconds * 1000)

    def set_busy_timeout(dbapi_connection, _record):
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.execute(f"PRAGMA busy_timeout = {milliseconds}")

    if _busy_timeout_listener is not None:
        event.remove(Engine, "connect", _busy_timeout_listener)
    event.listen(Engine, "connect", set_busy_timeout)
    _busy_timeout_listener = set_busy_timeout


def nbgrader_app(root: str | os.PathLike, app_class=None, log_level: int = logging.WARNING):
    """An initialised nbgrader application (default: the base ``NbGrader`` app) for the course at ``root``.

    The course root is passed on nbgrader's command line (as ``--course-dir``
    would), so relative paths in the configuration resolve against it.
    """
    ensure_nbgrader_tools()
    install_busy_timeout()
    if app_class is None:
        from nbgrader.apps.baseapp import NbGrader as app_class
    root = Path(root).resolve()
    app = app_class()
    with inside(root):
        # Full trait names: every nbgrader app accepts them, whatever short aliases it defines.
        app.initialize([f"--CourseDirectory.root={root}", f"--Application.log_level={int(log_level)}"])
    app.coursedir.db_url = absolute_db_url(app.coursedir.db_url, root)
    tighten_course(root)
    return app


def absolute_db_url(db_url: str, root: Path) -> str:
    """``db_url`` with a relative SQLite path made absolute against the course root.

    nbgrader resolves ``sqlite:///gradebook.db`` against the current folder,
    which is the course root whenever the nbgrader command is used as
    documented; pinning it keeps that meaning wherever this process runs.
    """
    prefix = "sqlite:///"
    if db_url.startswith(prefix):
        path = db_url[len(prefix):]
        if path and path != ":memory:" and not path.startswith("/") and "?" not in path:
            return prefix + str(root / path)
    return db_url


@contextmanager
def open_gradebook(app):
    """nbgrader's Gradebook for the app's course (closed on exit)."""
    from nbgrader.api import Gradebook

    with Gradebook(app.coursedir.db_url, app.coursedir.course_id) as gradebook:
        yield gradebook


def assignment_folder(app, step: str, assignment: str, student: str = ".") -> Path:
    """The folder of ``assignment`` in one nbgrader step (``"source"``, ``"submitted"``, ...) for ``student``."""
    directory = getattr(app.coursedir, f"{step}_directory")
    return Path(app.coursedir.format_path(directory, student, assignment))


def source_assignments(app) -> list[str]:
    """The assignments that have a folder in the course's source directory, sorted."""
    source = Path(app.coursedir.root) / app.coursedir.source_directory
    if not source.is_dir():
        return []
    return sorted(p.name for p in source.iterdir() if p.is_dir() and not p.name.startswith("."))
