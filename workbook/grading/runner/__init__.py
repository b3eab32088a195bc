"""Autograde every submission of an assignment with several nbgrader workers at once.

May import: ``workbook.course``, ``workbook.system``, ``workbook.errors``, the rest of ``workbook.grading``
and nbgrader (never ``workbook.widgets`` or ``workbook.report``).

``nbgrader autograde`` grades one student after another (nbgrader issue
#174), and each student costs little CPU beyond a kernel start, so on two
cores two workers nearly halve the wall-clock time. Grading itself is
nbgrader's: each worker is a process that builds ``AutogradeApp`` once,
loading the course configuration exactly as the nbgrader command does, and
then runs nbgrader's ``Autograde`` converter for one student at a time
(what ``nbgrader autograde ASSIGNMENT --student ID --force`` runs), so the
preprocessors, time limits and gradebook writes are nbgrader's own. Each
worker starts the next student's kernel while the current one runs, forked
from a template that has already imported ipykernel (``grading/kernels``);
where the time goes is measured by ``make bench`` (benchmarks/results/).

- ``select``: who needs grading, and each student's time limit;
- ``worker``: one worker process; ``supervisor``: the parent watching them;
- ``run``: ``autograde()``, the whole run; ``results``: what it reports;
- ``progress`` and ``summary``: the progress line and the closing table.

An interrupted run can simply be run again: a student whose autograded
notebooks are newer than the submission and who is in the gradebook is
skipped (``--force`` regrades everyone); in-flight students of an
interrupted run leave no partial output behind. Gradebook writes wait on
each other (``course.directory.install_busy_timeout``) instead of failing.
"""

from .results import Attempt, Run
from .run import LOG_FILE, autograde, terminate_as_interrupt
from .select import plan_run, submitted_students

__all__ = ["Attempt", "LOG_FILE", "Run", "autograde", "plan_run", "submitted_students", "terminate_as_interrupt"]
