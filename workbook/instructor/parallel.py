"""Autograde every submission of an assignment with several nbgrader workers at once.

``nbgrader autograde`` grades one student after another (nbgrader issue
#174), and each student costs little CPU beyond a kernel start, so on two
cores two workers nearly halve the wall-clock time. Grading itself is
nbgrader's: each worker is a process that builds ``AutogradeApp`` once,
loading the course configuration exactly as the nbgrader command does, and
then runs nbgrader's ``Autograde`` converter for one student at a time
(what ``nbgrader autograde ASSIGNMENT --student ID --force`` runs), so the
preprocessors, time limits and gradebook writes are nbgrader's own.

Where the time goes, per student (informational interview, 2-core
machine, measured with getrusage): nbgrader alone spends about 1.4 s of CPU,
1.0 s of it in the kernel (0.55 s of that booting Python and ipykernel, the
rest running 20 graded cells) and 0.4-0.6 s in nbgrader itself (two passes
over the notebook, metadata validation, gradebook reads and writes, file
copies). It also waits: jupyter_client listens 0.2 s for stray messages after
every kernel start and polls for the killed kernel at the end. Each worker
therefore starts the next student's kernel while the current one runs
(``start_kernels_ahead``, see grading/kernel_ahead.py), which hides those
waits, and forks it from a template process that has already imported
ipykernel (grading/kernel_template.py), which saves about 0.35 s of CPU per
student. The parent imports nbgrader once (about 3 s, 1.8 s of it
jsonschema building a URI grammar) and forks the workers, which inherit it.

The parent process hands out one student at a time and keeps three promises:

- One bad submission never stops or stalls the batch. nbgrader's own cell
  time limit stops loops; a worker that still takes longer than the
  per-student limit, or dies, is killed with its kernel, its partial output
  is removed (as nbgrader does for a failed submission), and a fresh worker
  takes over the rest of the queue.
- Gradebook writes do not collide: every worker's SQLite connections wait
  (``course.install_busy_timeout``) instead of failing on a lock.
- An interrupted run can simply be run again: a student whose autograded
  notebooks are newer than the submission and who is in the gradebook is
  skipped (``--force`` regrades everyone); in-flight students of an
  interrupted run leave no partial output behind.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

from .course import CourseError, assignment_folder, inside, nbgrader_app, open_gradebook
from .gradebook import STUDENT_ID

LOG_FILE = "nbgrader.log"
# Margin on top of the cells' own time limits for starting, stopping and saving one student.
STUDENT_OVERHEAD_SECONDS = 120
MIN_STUDENT_TIMEOUT = 300
POLL_SECONDS = 0.5


@dataclass(frozen=True)
class Attempt:
    """How one student's grading went, as the runner saw it.

    ``result``: ``"graded"`` (nbgrader finished), ``"failed"`` (nbgrader
    reported an error), ``"timed out"`` (stopped by the per-student limit),
    ``"crashed"`` (the worker died) or ``"refused"`` (not handed to nbgrader).
    """

    student: str
    result: str
    seconds: float = 0.0
    message: str = ""


@dataclass
class Run:
    """The outcome of one autograde run."""

    assignment: str
    attempts: list[Attempt] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already graded, left alone
    seconds: float = 0.0


# -- deciding who to grade ---------------------------------------------------------------------


def submitted_students(app, assignment: str) -> list[str]:
    """Every student folder in submitted/ holding ``assignment``, minus nbgrader's excluded ids, sorted."""
    submitted = Path(app.coursedir.root) / app.coursedir.submitted_directory
    if not submitted.is_dir():
        return []
    excluded = set(filter(None, app.coursedir.student_id_exclude.split(",")))
    return sorted(
        folder.name for folder in submitted.iterdir()
        if folder.name not in excluded
        and assignment_folder(app, "submitted", assignment, folder.name).is_dir()
    )


def is_already_graded(gradebook, app, assignment: str, student: str) -> bool:
    """Whether the student's autograded output is newer than the submission and in the gradebook."""
    from ..grading.status import submission_status

    state = submission_status(gradebook, assignment, student, app.coursedir)
    return state.status not in ("missing", "unreadable", "ungraded")


def check_assignment(app, assignment: str) -> None:
    """Refuse an assignment nbgrader cannot autograde (unknown, or never generated)."""
    from nbgrader.api import MissingEntry

    if not STUDENT_ID.match(assignment):
        raise CourseError(f"{assignment!r} is not an assignment name")
    with open_gradebook(app) as gradebook:
        try:
            notebooks = gradebook.find_assignment(assignment).notebooks
        except MissingEntry:
            known = ", ".join(a.name for a in gradebook.assignments) or "none"
            raise CourseError(
                f"no assignment {assignment!r} in the gradebook (known: {known}); "
                f"run `nbgrader generate_assignment {assignment}` first"
            ) from None
        if not notebooks:
            raise CourseError(
                f"assignment {assignment!r} has no notebooks in the gradebook; "
                f"run `nbgrader generate_assignment {assignment}` first"
            )


def default_student_timeout(app, assignment: str) -> float:
    """A per-student wall-clock limit no honest submission reaches: every code cell at nbgrader's cell limit."""
    cell_limit = app.config.Execute.get("timeout", 30) or 30
    with open_gradebook(app) as gradebook:
        cells = sum(
            len([c for c in notebook.source_cells if c.cell_type == "code"])
            for notebook in gradebook.find_assignment(assignment).notebooks
        )
    return max(MIN_STUDENT_TIMEOUT, cells * cell_limit + STUDENT_OVERHEAD_SECONDS)


def plan_run(app, assignment: str, force: bool = False) -> tuple[list[str], list[str]]:
    """The students to grade now and those already graded (empty with ``force``)."""
    students = submitted_students(app, assignment)
    if force:
        return students, []
    todo, done = [], []
    with open_gradebook(app) as gradebook:
        for student in students:
            (done if is_already_graded(gradebook, app, assignment, student) else todo).append(student)
    return todo, done


# -- the worker process ------------------------------------------------------------------------


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker if the parent dies (even by SIGKILL)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            PR_SET_PDEATHSIG = 1
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass


class _ErrorLines(logging.Handler):
    """Keeps the first line worth showing from the errors nbgrader logs while grading one student."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.reason = ""

    def emit(self, record):
        message = record.getMessage()
        lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
        if not lines:
            return
        if lines[0].startswith("Traceback"):
            self.reason = lines[-1]  # the exception itself, e.g. "NotJSONError: ..."
        elif not self.reason:
            self.reason = lines[0]


def grade_student(app, assignment: str, student: str) -> tuple[str, str]:
    """Run nbgrader's Autograde converter for one student; returns (result, one-line message)."""
    from nbgrader.converters import Autograde

    app.coursedir.assignment_id = assignment
    app.coursedir.student_id = student
    errors = _ErrorLines()
    app.log.addHandler(errors)
    try:
        converter = Autograde(coursedir=app.coursedir, parent=app)
        converter.force = True  # the runner already decided this student needs grading
        converter.start()
        return "graded", ""
    except Exception as exc:  # NbGraderException after nbgrader logged why; anything else is ours to name
        return "failed", errors.reason or f"{type(exc).__name__}: {exc}".strip()
    finally:
        app.log.removeHandler(errors)


def _worker(root: str, assignment: str, conn, log_path: str) -> None:
    """A worker: load nbgrader once, then grade the students the parent sends until it sends None."""
    _die_with_parent()
    # Out of the terminal's process group: Ctrl-C goes to the parent, which stops workers itself.
    os.setpgrp()
    # nbgrader's log and the kernels' own stderr go to the log file, never over the progress line.
    log_fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(log_fd, 1)
    os.dup2(log_fd, 2)
    os.close(log_fd)
    # The inherited sys.stdout/sys.stderr may write to other descriptors (a test harness's capture).
    sys.stdout = open(1, "w", buffering=1, encoding="utf-8", errors="replace", closefd=False)
    sys.stderr = open(2, "w", buffering=1, encoding="utf-8", errors="replace", closefd=False)
    from nbgrader.apps import AutogradeApp
    from traitlets.config import Config

    from ..grading import kernel_ahead

    app = nbgrader_app(root, AutogradeApp, log_level=logging.INFO)
    # One process grades many students here, so each kernel can boot while the previous student runs.
    app.update_config(Config({"ExecuteSkippingDisplays": {"start_kernels_ahead": True}}))
    os.chdir(root)  # where `nbgrader autograde` runs
    conn.send(("ready", None, None, 0.0))
    try:
        while True:
            try:
                student = conn.recv()
            except EOFError:
                return
            if student is None:
                return
            started = time.monotonic()
            result, message = grade_student(app, assignment, student)
            sys.stderr.flush()
            conn.send(("done", student, (result, message), time.monotonic() - started))
    finally:
        ahead = kernel_ahead.close_for_this_process()
        if ahead is not None:
            app.log.info("Kernels started ahead: %d used, %d unused; fresh kernels: %d",
                         ahead.handed_over, ahead.dropped, ahead.fresh)


# -- the parent --------------------------------------------------------------------------------


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: object
    student: str | None = None
    started: float = 0.0
    ready: bool = False


def _descendants(pid: int) -> list[int]:
    """Child processes of ``pid``, recursively (Linux /proc; elsewhere none are found)."""
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        for children in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                kids = [int(k) for k in children.read_text().split()]
            except (OSError, ValueError):
                continue
            found.extend(kids)
            queue.extend(kids)
    return found


def _kill(worker: _Worker) -> None:
    """Stop a worker and the kernels it started, at once."""
    pids = [worker.process.pid, *_descendants(worker.process.pid)]
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    worker.process.join(10)
    worker.conn.close()


def _remove_partial_output(app, assignment: str, student: str) -> None:
    """Delete what a stopped student's grading left in autograded/, as nbgrader does after a failure."""
    from nbgrader.utils import rmtree

    folder = assignment_folder(app, "autograded", assignment, student)
    if folder.exists():
        rmtree(str(folder))


def autograde(root, assignment: str, jobs: int = 2, force: bool = False, student_timeout: float | None = None,
              progress_factory=None, log_path=None, app=None) -> Run:
    """Autograde the submissions of ``assignment`` that need it, ``jobs`` students at a time.

    ``progress_factory(total)`` returns an object with ``started(name)``,
    ``finished(name)``, ``tick()`` and ``close()`` (see progress.Progress).
    Raises CourseError when there is nothing nbgrader could grade.
    """
    began = time.monotonic()
    root = Path(root).resolve()
    app = app or nbgrader_app(root)
    check_assignment(app, assignment)
    students = submitted_students(app, assignment)
    if not students:
        submitted = app.coursedir.submitted_directory
        raise CourseError(f"no submissions of {assignment!r} in {submitted}/ (expected {submitted}/STUDENT/{assignment}/)")
    todo, skipped = plan_run(app, assignment, force)
    run = Run(assignment, skipped=skipped)
    refused = [s for s in todo if not STUDENT_ID.match(s)]
    for student in refused:
        run.attempts.append(Attempt(student, "refused", 0.0, "the folder name is not a safe student id; rename it"))
    queue = deque(s for s in todo if s not in refused)
    if student_timeout is None:
        student_timeout = default_student_timeout(app, assignment)
    log_path = str(Path(log_path) if log_path else root / LOG_FILE)
    progress = progress_factory(len(queue)) if progress_factory and queue else None
    if queue:
        _run_queue(app, root, assignment, queue, max(1, jobs), student_timeout, log_path, progress, run)
    run.seconds = time.monotonic() - began
    return run


def _run_queue(app, root, assignment, queue, jobs, student_timeout, log_path, progress, run) -> None:
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    workers: list[_Worker] = []
    failed_starts = 0

    def start_worker():
        parent_end, child_end = context.Pipe()
        process = context.Process(
            target=_worker, args=(str(root), assignment, child_end, log_path), daemon=True,
            name="workbook-autograde",
        )
        process.start()
        child_end.close()
        workers.append(_Worker(process, parent_end))

    def hand_out(worker):
        worker.student = queue.popleft() if queue else None
        worker.started = time.monotonic()
        try:
            worker.conn.send(worker.student)
        except OSError:  # the worker died just now; its sentinel will say so
            if worker.student is not None:
                queue.appendleft(worker.student)
            worker.student = None
            return
        if progress and worker.student is not None:
            progress.started(worker.student)

    def lose(worker, result, message):
        """The worker is gone (killed or died): record its student and replace it if work is left."""
        nonlocal failed_starts
        workers.remove(worker)
        if not worker.ready:
            failed_starts += 1
            if failed_starts > jobs:
                raise CourseError(f"the grading processes could not start nbgrader; see {log_path}")
        if worker.student is not None:
            _remove_partial_output(app, assignment, worker.student)
            run.attempts.append(Attempt(worker.student, result, time.monotonic() - worker.started, message))
            if progress:
                progress.finished(worker.student)
        if queue and len(workers) < jobs:
            start_worker()

    for _ in range(min(jobs, len(queue))):
        start_worker()
    try:
        while workers:
            by_conn = {w.conn: w for w in workers}
            by_sentinel = {w.process.sentinel: w for w in workers}
            for ready in wait(list(by_conn) + list(by_sentinel), timeout=POLL_SECONDS):
                worker = by_conn.get(ready) or by_sentinel.get(ready)
                if worker not in workers:
                    continue
                try:
                    # A result may still wait in the pipe when the process has already exited.
                    message = worker.conn.recv() if worker.conn.poll() else None
                except (EOFError, OSError):
                    message = None
                if message is None:
                    if not worker.process.is_alive() or ready is worker.process.sentinel:
                        worker.process.join(1)
                        code = worker.process.exitcode
                        if worker.student is None and code == 0:
                            workers.remove(worker)
                        else:
                            why = f"the grading process died (exit code {code}); see {log_path}"
                            lose(worker, "crashed", why)
                    continue
                kind, student, outcome, seconds = message
                worker.ready = True
                if kind == "done":
                    # No longer in flight: an interrupt from here on must not delete this student's output.
                    worker.student = None
                    result, why = outcome
                    run.attempts.append(Attempt(student, result, seconds, why))
                    if progress:
                        progress.finished(student)
                hand_out(worker)
            now = time.monotonic()
            for worker in list(workers):
                if worker.student is not None and now - worker.started > student_timeout:
                    _kill(worker)
                    lose(worker, "timed out", f"still running after {student_timeout:.0f} s; stopped, not graded")
            if progress:
                progress.tick()
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM) or broken: stop everything now, leave no half-written output.
        for worker in list(workers):
            _kill(worker)
            if worker.student is not None:
                _remove_partial_output(app, assignment, worker.student)
        raise
    finally:
        if progress:
            progress.close()


def usable_cores() -> int:
    """The CPU cores this process may run on: the default number of workers."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class terminate_as_interrupt:
    """Within the block, SIGTERM is handled like Ctrl-C, so workers and kernels are stopped cleanly."""

    def __enter__(self):
        def interrupt(_signum, _frame):
            raise KeyboardInterrupt

        self._before = signal.signal(signal.SIGTERM, interrupt)
        return self

    def __exit__(self, *exc):
        signal.signal(signal.SIGTERM, self._before)
        return False
