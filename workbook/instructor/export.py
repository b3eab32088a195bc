"""``nbgrader export`` with the submission-status column, run through nbgrader's own ExportApp.

The CSV itself is written by ``workbook.grading.export.StatusCsvExportPlugin``
(nbgrader's columns, then ``status`` and ``status_detail``); this module
only makes sure that plugin is the one used, even in a course whose
nbgrader_config.py names none, and tallies the statuses for the summary line.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .course import CourseError, inside, nbgrader_app, open_gradebook


def export_grades(root, to: str | Path, assignments=(), students=()) -> dict[str, int]:
    """Write the grades CSV to ``to``; returns how many rows have each status."""
    from nbgrader.apps import ExportApp

    from ..grading.export import StatusCsvExportPlugin

    app = nbgrader_app(root, ExportApp)
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
