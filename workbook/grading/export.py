"""``nbgrader export`` with a status column, so a broken submission never passes for a real zero.

nbgrader_config.py selects this plugin (``c.ExportApp.plugin_class``), so
the plain ``nbgrader export`` command writes it; ``export_grades`` (what
``workbook export`` runs) goes through nbgrader's own ExportApp and makes
sure this plugin is the one used, even in a course whose configuration
names none. The columns are nbgrader's
CSV columns in nbgrader's order, then ``status`` (see workbook.grading.status)
and ``status_detail``. For ``unreadable`` and ``ungraded`` submissions the
score columns are left empty: there is no grade to report yet. Values are
written with the csv module, so names holding commas or quotes stay in
their column.
"""

from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import MissingEntry
from nbgrader.plugins import ExportPlugin

from ..course.directory import Course, inside, open_gradebook
from ..errors import CourseError
from .status import submission_status

NBGRADER_COLUMNS = (
    "assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
    "raw_score", "late_submission_penalty", "score", "max_score",
)
COLUMNS = NBGRADER_COLUMNS + ("status", "status_detail")
NO_GRADE = ("unreadable", "rejected", "ungraded")


def grade_rows(gradebook, coursedir, assignments=(), students=()) -> list[dict]:
    """One row per (assignment, student) of the gradebook, as the CSV holds it (all values text)."""
    rows, references = [], {}  # the released cells, read once per notebook for the whole class
    for assignment in gradebook.assignments:
        if assignments and assignment.name not in assignments:
            continue
        for student in gradebook.students:
            if students and student.id not in students:
                continue
            rows.append(_row(gradebook, coursedir, assignment, student, references))
    return rows


def _row(gradebook, coursedir, assignment, student, references: dict) -> dict:
    state = submission_status(gradebook, assignment.name, student.id, coursedir, references)
    row = {
        "assignment": assignment.name, "duedate": assignment.duedate, "student_id": student.id,
        "last_name": student.last_name, "first_name": student.first_name, "email": student.email,
        "max_score": assignment.max_score, "status": state.status, "status_detail": state.detail,
    }
    try:
        submission = gradebook.find_submission(assignment.name, student.id)
    except MissingEntry:
        submission = None
    if submission is None:
        row.update(timestamp="", raw_score=0.0, late_submission_penalty=0.0, score=0.0)
    else:
        penalty = submission.late_submission_penalty
        row.update(timestamp=submission.timestamp, raw_score=submission.score, late_submission_penalty=penalty,
                   score=max(0.0, submission.score - penalty))
    if state.status in NO_GRADE:
        row.update(raw_score="", late_submission_penalty="", score="")
    return {key: "" if row.get(key) is None else str(row[key]) for key in COLUMNS}


class StatusCsvExportPlugin(ExportPlugin):
    """nbgrader's CSV export plus ``status`` and ``status_detail`` columns (default file: grades.csv)."""

    def export(self, gradebook) -> None:
        """Write the CSV to ``self.to`` (grades.csv when empty)."""
        dest = self.to or "grades.csv"
        coursedir = getattr(self.parent, "coursedir", None) or Course.find().app().coursedir
        rows = grade_rows(gradebook, coursedir, [str(a) for a in self.assignment], [str(s) for s in self.student])
        self.log.info("Exporting grades with submission status to %s", dest)
        with open(dest, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def export_grades(course: Course, to: str | Path, assignments=(), students=()) -> dict[str, int]:
    """Write the course's grades CSV to ``to``; returns how many rows have each status."""
    from nbgrader.apps import ExportApp

    app = course.app(ExportApp)
    if not issubclass(app.plugin_class, StatusCsvExportPlugin):
        # A plain CSV would show an unreadable notebook as a zero; the status column is the point.
        app.plugin_class = StatusCsvExportPlugin
    app.init_plugin()
    plugin = app.plugin_inst
    plugin.to = str(Path(to).resolve())
    plugin.assignment = list(assignments)
    plugin.student = list(students)
    with inside(app.coursedir.root), open_gradebook(app) as gradebook:
        known = {a.name for a in gradebook.assignments}
        unknown = [name for name in assignments if name not in known]
        if unknown:
            raise CourseError(f"no assignment {unknown[0]!r} in the gradebook (known: {', '.join(sorted(known)) or 'none'})")
        plugin.export(gradebook)
    tally: dict[str, int] = {}
    with open(plugin.to, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            tally[row["status"]] = tally.get(row["status"], 0) + 1
    return tally
