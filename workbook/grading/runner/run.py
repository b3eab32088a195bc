"""``autograde``: every submission of an assignment that needs grading, several students at a time."""

from __future__ import annotations

import signal
import time
from collections import deque
from pathlib import Path

from ...course.directory import nbgrader_app
from ...course.gradebook import STUDENT_ID
from ...errors import CourseError
from .results import Attempt, Run
from .select import check_assignment, default_student_timeout, plan_run, rejected_students, submitted_students
from .supervisor import Supervisor

LOG_FILE = "nbgrader.log"


def autograde(root, assignment: str, jobs: int = 2, force: bool = False, student_timeout: float | None = None,
              progress_factory=None, log_path=None, app=None, sandbox: bool = True) -> Run:
    """Autograde the submissions of ``assignment`` that need it, ``jobs`` students at a time.

    ``progress_factory(total)`` returns an object with ``started(name)``,
    ``finished(name)``, ``tick()`` and ``close()`` (see progress.Progress).
    Raises CourseError when there is nothing nbgrader could grade, and
    SandboxUnavailable (one line) when ``sandbox`` is asked for and bubblewrap
    cannot run here.
    """
    began = time.monotonic()
    if sandbox:
        from ..sandbox.policy import require

        require()
    root = Path(root).resolve()
    app = app or nbgrader_app(root)
    check_assignment(app, assignment)
    students = submitted_students(app, assignment)
    if not students:
        submitted = app.coursedir.submitted_directory
        raise CourseError(f"no submissions of {assignment!r} in {submitted}/ (expected {submitted}/STUDENT/{assignment}/)")
    todo, skipped = plan_run(app, assignment, force)
    rejected = rejected_students(app, assignment, skipped)
    run = Run(assignment, skipped=[s for s in skipped if s not in rejected])
    for student, why in rejected.items():  # listed with their reason, never retried until they change
        run.attempts.append(Attempt(student, "rejected", 0.0, why))
    refused = [s for s in todo if not STUDENT_ID.match(s)]
    for student in refused:
        run.attempts.append(Attempt(student, "refused", 0.0, "the folder name is not a safe student id; rename it"))
    queue = deque(s for s in todo if s not in refused)
    if student_timeout is None:
        student_timeout = default_student_timeout(app, assignment)
    log_path = str(Path(log_path) if log_path else root / LOG_FILE)
    progress = progress_factory(len(queue)) if progress_factory and queue else None
    if queue:
        Supervisor(app, root, assignment, queue, max(1, jobs), student_timeout, log_path, progress, run,
                   sandbox=sandbox).run_all()
    run.seconds = time.monotonic() - began
    return run


class terminate_as_interrupt:
    """Within the block, SIGTERM is handled like Ctrl-C, so workers and kernels are stopped cleanly.

    Only the first SIGTERM interrupts: one sent again while the run cleans up (a service manager
    often sends two) is ignored, so the clean-up always finishes.
    """

    def __enter__(self):
        self.interrupted = False

        def interrupt(_signum, _frame):
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            self.interrupted = True
            raise KeyboardInterrupt

        self._before = signal.signal(signal.SIGTERM, interrupt)
        return self

    def __exit__(self, *exc):
        # Once interrupted, the run is on its way out with "interrupted": a SIGTERM still to come (the
        # second of a pair, sent just after a quick clean-up) must not kill it before it says so.
        if not self.interrupted:
            signal.signal(signal.SIGTERM, self._before)
        return False
