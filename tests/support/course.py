"""A throwaway copy of the course for tests that run nbgrader: config, source/ and assignments/ only.

Nothing is installed: nbgrader runs from the same environment as the tests,
with that environment's bin folder first on PATH (nbgrader calls the
``alembic`` command when it creates a gradebook).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from workbook.demo.course import copy_course  # the same copy `workbook demo` makes

from .paths import BIN, REPO


@dataclass
class Course:
    """A course directory under a temporary folder."""

    root: Path

    def env(self) -> dict:
        env = dict(os.environ)
        env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
        # A grader's own journal setting must never leak into a student's graded answers.
        env["WORKBOOK_JOURNAL"] = str(self.root / "not-a-student-journal.json")
        env.pop("JUPYTER_CONFIG_DIR", None)
        return env

    def nbgrader(self, *args: str, check: bool = True, timeout: float = 900) -> subprocess.CompletedProcess:
        """Run ``nbgrader ARGS`` in the course root; raise with its log when it fails and ``check``."""
        done = subprocess.run([str(BIN / "nbgrader"), *args], cwd=self.root, env=self.env(),
                              capture_output=True, text=True, timeout=timeout)
        if check and done.returncode != 0:
            raise AssertionError(f"nbgrader {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        return done

    def path(self, *parts: str) -> Path:
        return self.root.joinpath(*parts)

    def on_time(self, assignment: str) -> dt.datetime:
        """A submission time a day before ``assignment`` is due, from this course's own plan (UTC)."""
        from workbook.course.gradebook import utc_due
        from workbook.course.plan import load_plan

        due = utc_due(load_plan(self.path("assignments", "course_plan.toml")).assignment(assignment).due)
        return due - dt.timedelta(days=1)

    def submit(self, student: str, assignment: str, notebook, journal: Path | bytes | None = None,
               when: dt.datetime | None | bool = None) -> Path:
        """Place a submission: ``notebook`` is a dict (written as JSON) or raw bytes; ``journal`` a file or bytes.

        As ``nbgrader submit`` leaves it: a timestamp.txt saying ``when`` (default: a day before the due
        date) and every file saved no later than that; ``when=False`` writes no timestamp.txt.
        """
        folder = self._place(student, assignment, notebook, journal)
        if when is not False:
            when = when or self.on_time(assignment)
            (folder / "timestamp.txt").write_text(f"{when:%Y-%m-%d %H:%M:%S}.000000 UTC", encoding="utf-8")
            stamp = when.replace(tzinfo=dt.timezone.utc).timestamp() if when.tzinfo is None else when.timestamp()
            for written in folder.iterdir():
                if not written.is_symlink():
                    os.utime(written, (stamp, stamp))
        return folder

    def settle(self, folder: Path, assignment: str) -> None:
        """Give every file under ``folder`` the on-time submission time, as if saved before submitting."""
        stamp = self.on_time(assignment).replace(tzinfo=dt.timezone.utc).timestamp()
        for written in [folder, *folder.rglob("*")]:
            if not written.is_symlink():
                os.utime(written, (stamp, stamp))

    def _place(self, student: str, assignment: str, notebook, journal) -> Path:
        folder = self.path("submitted", student, assignment)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{assignment}.ipynb"
        if isinstance(notebook, (bytes, bytearray)):
            target.write_bytes(notebook)
        else:
            target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
        if isinstance(journal, (bytes, bytearray)):
            (folder / "journal.json").write_bytes(journal)
        elif journal is not None:
            shutil.copyfile(journal, folder / "journal.json")
        return folder

    def released(self, assignment: str) -> dict:
        """The released notebook of ``assignment`` (after ``generate_assignment``), as a dict."""
        path = self.path("release", assignment, f"{assignment}.ipynb")
        return json.loads(path.read_text(encoding="utf-8"))

    @contextmanager
    def gradebook(self):
        """The course's nbgrader Gradebook, open for the block."""
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}", "networking") as gradebook:
            yield gradebook


def make_course(parent: Path) -> Course:
    """Copy the course's nbgrader_config.py, source/ and assignments/ into ``parent``/course."""
    return Course(copy_course(Path(parent) / "course", REPO))
