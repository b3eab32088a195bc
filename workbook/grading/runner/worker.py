"""One grading worker process: nbgrader loaded once, then one student after another, as the parent asks."""

from __future__ import annotations

import logging
import os
import sys
import time

from ...course.directory import nbgrader_app
from ...system import die_with_parent


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


def pipeline(app) -> list:
    """The course's autograde preprocessors (nbgrader's own list when the course names none)."""
    from nbgrader.converters import Autograde

    configured = app.config.Autograde.get("autograde_preprocessors")
    return list(configured) if configured is not None else list(Autograde.class_traits()["autograde_preprocessors"].default())


def _send_output_to(log_path: str) -> None:
    # nbgrader's log and the kernels' own stderr go to the log file, never over the progress line.
    log_fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(log_fd, 1)
    os.dup2(log_fd, 2)
    os.close(log_fd)
    # The inherited sys.stdout/sys.stderr may write to other descriptors (a test harness's capture).
    sys.stdout = open(1, "w", buffering=1, encoding="utf-8", errors="replace", closefd=False)
    sys.stderr = open(2, "w", buffering=1, encoding="utf-8", errors="replace", closefd=False)


def worker_main(root: str, assignment: str, conn, log_path: str, sandbox: bool = True) -> None:
    """A worker: load nbgrader once, then grade the students the parent sends until it sends None."""
    die_with_parent()
    # Out of the terminal's process group: Ctrl-C goes to the parent, which stops workers itself.
    os.setpgrp()
    _send_output_to(log_path)
    from nbgrader.apps import AutogradeApp
    from traitlets.config import Config

    from ..kernels import ahead as kernel_ahead
    from ..save_grades import in_place_of_nbgrader

    app = nbgrader_app(root, AutogradeApp, log_level=logging.INFO)
    # One process grades many students here, so each kernel can boot while the previous student runs.
    # --no-sandbox is the instructor's explicit choice; the sandbox is otherwise the course's setting (on).
    settings = {"start_kernels_ahead": True, **({} if sandbox else {"sandbox": False})}
    app.update_config(Config({"ExecuteSkippingDisplays": settings,
                              "Autograde": {"autograde_preprocessors": in_place_of_nbgrader(pipeline(app))}}))
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
