"""nbgrader's Execute step, minus the cells that only show a widget.

An assignment notebook opens with widgets (the interview recorder, the
follow-up tracker...) and self-check displays. Graded cells read only the
saved journal, so running these cells while grading changes no score, yet
building a widget sends hundreds of messages that the grader must decode:
about two thirds of each submission's grading CPU. Such cells carry the tag
``workbook-display-only`` and are not run by the autograder.

A tag is student-editable, so it cannot be trusted on cells that matter:
graded, locked and answer cells always run, whatever tags they carry. This
tag replaces nbclient's own ``skip-execution``, which plain nbgrader honours
on any cell, test cells included.

With ``start_kernels_ahead`` (off by default, so ``nbgrader autograde`` is
unchanged; each ``workbook autograde`` worker turns it on), the next
notebook's kernel boots while this one runs: see ``kernel_ahead``.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager, nullcontext

from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader import utils
from nbgrader.preprocessors import Execute
import nbformat
from traitlets import Bool, Integer, Unicode
import zmq

from .kernels import ahead as kernel_ahead

DISPLAY_ONLY_TAG = "workbook-display-only"
DEAD_KERNEL_ENAME = "DeadKernelError"


def must_run(cell) -> bool:
    """Whether ``cell`` counts for grading, so that no tag may keep it from running."""
    return utils.is_grade(cell) or utils.is_solution(cell) or utils.is_locked(cell)


class ExecuteSkippingDisplays(Execute):
    """Execute every cell except display-only ones; graded, locked and answer cells always run."""

    skip_cells_with_tag = Unicode(
        DISPLAY_ONLY_TAG, help="Cells with this tag are not run, unless they are graded, locked or answers."
    ).tag(config=True)

    start_kernels_ahead = Bool(
        False, help="Start the next notebook's kernel while this one runs (for a process grading many students)."
    ).tag(config=True)

    sandbox = Bool(
        True, help="Run every kernel in a bubblewrap sandbox (workbook.grading.sandbox). False only on an "
                   "instructor's explicit --no-sandbox; the verdict then records it."
    ).tag(config=True)

    kernel_start_attempts = Integer(
        3, help="Times a kernel is started before the notebook is given up: a start that fails has run no "
                "student code, so it is the grader's failure (a port taken, a busy machine), never the student's."
    ).tag(config=True)

    max_output_bytes = Integer(
        1_000_000, help="Bytes of output a cell may keep; the rest is dropped with a note (LimitOutput counts lines)."
    ).tag(config=True)

    def __init__(self, *args, **kwargs):
        # nbgrader's Execute passes AsyncKernelManager to the constructor, which no configuration
        # overrides; the sandbox setting decides instead (a caller's own class is kept).
        chosen = "kernel_manager_class" in kwargs
        super().__init__(*args, **kwargs)
        if self.sandbox and not chosen:
            from .sandbox.manager import SandboxedKernelManager

            self.kernel_manager_class = SandboxedKernelManager

    def preprocess(self, nb, resources=None, km=None):
        self._output_bytes, self._kernel_died = {}, False
        if resources is not None:
            resources["workbook_sandbox"] = getattr(self.kernel_manager_class, "sandbox_name", "off")
        return super().preprocess(nb, resources, km=km)

    def output(self, outs, msg, display_id, cell_index):
        """Keep a cell's output within ``max_output_bytes``: a 200 MB line is cut, not held."""
        counted = self.__dict__.setdefault("_output_bytes", {})
        used = counted.get(cell_index, 0)
        if used > self.max_output_bytes:
            return None  # already cut: drop the rest unread
        added = super().output(outs, msg, display_id, cell_index)
        used += _size(added) if added is not None else 0
        counted[cell_index] = used
        if used > self.max_output_bytes and added is not None and outs and outs[-1] is added:
            outs[-1] = nbformat.v4.new_output("stream", name="stderr", text=(
                f"[output cut: this cell printed more than {self.max_output_bytes:,} bytes]\n"))
            counted[cell_index] = self.max_output_bytes + 1
        return added

    @contextmanager
    def _started_kernel(self, **kwargs):
        """nbclient's ``setup_kernel``, started again (up to ``kernel_start_attempts``) when the start fails."""
        for attempt in range(1, max(1, self.kernel_start_attempts) + 1):
            started = super().setup_kernel(**dict(kwargs))
            try:
                started.__enter__()
                break
            except (RuntimeError, TimeoutError, OSError, zmq.ZMQError) as exc:
                if attempt >= self.kernel_start_attempts or not self.owns_km:  # a caller's kernel is theirs
                    raise
                self.log.warning("The kernel failed to start (%s: %s); starting another (attempt %d of %d)",
                                 type(exc).__name__, str(exc)[:200], attempt + 1, self.kernel_start_attempts)
                _discard(self)
        try:
            yield
        except BaseException:
            if not started.__exit__(*sys.exc_info()):
                raise
        else:
            started.__exit__(None, None, None)

    @contextmanager
    def setup_kernel(self, **kwargs):
        if not self.start_kernels_ahead or self.km is not None or kwargs:
            with self._started_kernel(**kwargs):
                yield
            return
        ahead = kernel_ahead.for_this_process()
        launch = kernel_ahead.launch_for(self)
        folder = self.resources.get("metadata", {}).get("path") or os.getcwd()
        handed_over = run_sync(ahead.hand_over)(self, launch, folder)
        # Without a kernel started ahead, nbclient starts (and later stops) a fresh one as usual.
        with nullcontext() if handed_over else self._started_kernel():
            try:
                run_sync(ahead.start_next)(self, launch)
                yield
            finally:
                if handed_over:
                    run_sync(ahead.retire)(self)

    def preprocess_cell(self, cell, resources, index):
        tags = cell.metadata.get("tags")
        if tags and self.skip_cells_with_tag in tags and must_run(cell):
            cell.metadata.tags = [t for t in tags if t != self.skip_cells_with_tag]
        if not self.__dict__.get("_kernel_died"):
            try:
                return super().preprocess_cell(cell, resources, index)
            except DeadKernelError:
                # A student's code that kills its own kernel must not cost the grade its data earns:
                # this cell and every later code cell are marked, none is sent, and grading goes on.
                self._kernel_died = True
            except CellTimeoutError as exc:
                # nbclient gives up on a cell whose output never arrived (a message past the size limit
                # the sandbox sets is dropped): the cell is marked as cut off, and the rest still runs.
                cell.outputs = [nbformat.v4.new_output("error", ename="CellTimeoutError", evalue=str(exc)[:300],
                                                       traceback=[f"CellTimeoutError: {str(exc)[:300]}"])]
                return cell, resources
        if cell.cell_type == "code":
            cell.outputs = [nbformat.v4.new_output(
                "error", ename=DEAD_KERNEL_ENAME, evalue="the kernel had died; this cell did not run",
                traceback=[f"{DEAD_KERNEL_ENAME}: the kernel had died; this cell did not run"])]
        return cell, resources


def _discard(step) -> None:
    """Forget a kernel that failed to start, killing whatever of it is left, so the next start is fresh."""
    km, step.km, step.kc = step.km, None, None
    if km is not None:
        try:
            run_sync(km.shutdown_kernel)(now=True)
        except Exception:  # noqa: BLE001 -- it never started; nothing more to stop
            pass


def _size(output) -> int:
    if output.get("output_type") == "stream":
        return len(output.get("text", ""))
    data = output.get("data") or {}
    return sum(len(v) if isinstance(v, str) else len(str(v)) for v in data.values()) + len(str(output.get("traceback", "")))
