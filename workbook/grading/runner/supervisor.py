"""The parent's side of a parallel run: hand out students, watch the workers, replace the ones lost.

Three promises: one bad submission never stops or stalls the batch (a worker
past the per-student limit, or dead, is killed with its kernels, its partial
output removed, and a fresh worker takes over the queue); an interrupt
leaves no half-written output; a result already reported is never deleted.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from contextlib import contextmanager
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait

from ...course.directory import assignment_folder
from ...errors import CourseError
from ...system import kill_tree
from .results import Attempt, Run
from .worker import worker_main

POLL_SECONDS = 0.5


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: object
    student: str | None = None
    started: float = 0.0
    ready: bool = False


def _kill(worker: _Worker) -> None:
    """Stop a worker and the kernels it started, at once."""
    kill_tree(worker.process.pid)
    worker.process.join(10)
    worker.conn.close()


def remove_partial_output(app, assignment: str, student: str) -> None:
    """Delete what a stopped student's grading left in autograded/, as nbgrader does after a failure."""
    from nbgrader.utils import rmtree

    folder = assignment_folder(app, "autograded", assignment, student)
    if folder.exists():
        rmtree(str(folder))


@contextmanager
def _signals_held():
    """Ignore SIGINT and SIGTERM for the block (the main thread only), then restore them."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


class Supervisor:
    """Grades ``queue`` with up to ``jobs`` worker processes, recording each outcome in ``run``."""

    def __init__(self, app, root, assignment: str, queue: deque, jobs: int, student_timeout: float,
                 log_path: str, progress, run: Run, sandbox: bool = True):
        self.sandbox = sandbox
        self.app, self.root, self.assignment = app, root, assignment
        self.queue, self.jobs, self.student_timeout = queue, jobs, student_timeout
        self.log_path, self.progress, self.run = log_path, progress, run
        self.workers: list[_Worker] = []
        self.failed_starts = 0
        start_method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.context = multiprocessing.get_context(start_method)

    def start_worker(self) -> None:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(
            target=worker_main, args=(str(self.root), self.assignment, child_end, self.log_path, self.sandbox),
            daemon=True,
            name="workbook-autograde",
        )
        process.start()
        child_end.close()
        self.workers.append(_Worker(process, parent_end))

    def hand_out(self, worker: _Worker) -> None:
        worker.student = self.queue.popleft() if self.queue else None
        worker.started = time.monotonic()
        try:
            worker.conn.send(worker.student)
        except OSError:  # the worker died just now; its sentinel will say so
            if worker.student is not None:
                self.queue.appendleft(worker.student)
            worker.student = None
            return
        if self.progress and worker.student is not None:
            self.progress.started(worker.student)

    def record(self, student: str, result: str, seconds: float, message: str) -> None:
        self.run.attempts.append(Attempt(student, result, seconds, message))
        if self.progress:
            self.progress.finished(student)

    def lose(self, worker: _Worker, result: str, message: str) -> None:
        """The worker is gone (killed or died): record its student and replace it if work is left."""
        self.workers.remove(worker)
        if not worker.ready:
            self.failed_starts += 1
            if self.failed_starts > self.jobs:
                raise CourseError(f"the grading processes could not start nbgrader; see {self.log_path}")
        if worker.student is not None:
            remove_partial_output(self.app, self.assignment, worker.student)
            self.record(worker.student, result, time.monotonic() - worker.started, message)
        if self.queue and len(self.workers) < self.jobs:
            self.start_worker()

    def _on_ready(self, worker: _Worker, sentinel_fired: bool) -> None:
        try:
            # A result may still wait in the pipe when the process has already exited.
            message = worker.conn.recv() if worker.conn.poll() else None
        except (EOFError, OSError):
            message = None
        if message is None:
            if not worker.process.is_alive() or sentinel_fired:
                worker.process.join(1)
                code = worker.process.exitcode
                if worker.student is None and code == 0:
                    self.workers.remove(worker)
                else:
                    self.lose(worker, "crashed", f"the grading process died (exit code {code}); see {self.log_path}")
            return
        kind, student, outcome, seconds = message
        worker.ready = True
        if kind == "done":
            # No longer in flight: an interrupt from here on must not delete this student's output.
            worker.student = None
            result, why = outcome
            self.record(student, result, seconds, why)
        self.hand_out(worker)

    def _stop_overdue(self) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.student is not None and now - worker.started > self.student_timeout:
                _kill(worker)
                self.lose(worker, "timed out", f"still running after {self.student_timeout:.0f} s; stopped, not graded")

    def run_all(self) -> None:
        """Grade until the queue is empty and every worker has finished."""
        for _ in range(min(self.jobs, len(self.queue))):
            self.start_worker()
        try:
            while self.workers:
                by_conn = {w.conn: w for w in self.workers}
                by_sentinel = {w.process.sentinel: w for w in self.workers}
                for ready in wait(list(by_conn) + list(by_sentinel), timeout=POLL_SECONDS):
                    worker = by_conn.get(ready) or by_sentinel.get(ready)
                    if worker in self.workers:
                        self._on_ready(worker, ready is worker.process.sentinel)
                self._stop_overdue()
                if self.progress:
                    self.progress.tick()
        except BaseException:
            # Interrupted (Ctrl-C, SIGTERM) or broken: stop everything now, leave no half-written output.
            # A second Ctrl-C or SIGTERM must not cut this clean-up short.
            with _signals_held():
                for worker in list(self.workers):
                    _kill(worker)
                    if worker.student is not None:
                        remove_partial_output(self.app, self.assignment, worker.student)
            raise
        finally:
            if self.progress:
                self.progress.close()
