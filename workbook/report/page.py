"""report.html: the plot and the tables on one self-contained page.

It opens straight from disk in any browser: the PNG is embedded as a base64
data URI, the CSS is inline, and there is no script and no external link.
Every piece of text that came from a file (student ids, names, reasons) is
HTML-escaped.
"""

from __future__ import annotations

import base64
import datetime as dt
import html

from .figures import ClassFigures
from .read import StudentFigures
from .table import STUDENT_COLUMNS, WEEK_COLUMNS, student_row, week_row

NAME_LIMIT = 200  # a student name in a hand-edited journal can be any length

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1200px;
       padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
img { width: 100%; height: auto; border: 1px solid #ddd; }
.wide { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; }
th { background: #f1f4f8; vertical-align: bottom; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: .9em; }
.note { color: #555; font-size: .9rem; }
.warn { background: #fff4e5; border-left: 4px solid #e69f00; padding: .5rem 1rem; }
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _table(columns, rows, text_columns=()) -> str:
    head = "".join(f'<th title="{_e(name)}">{_e(label)}</th>' for name, label in columns)
    body = []
    for row in rows:
        cells = "".join(
            f"<td>{_e(row[name])}</td>" if name in text_columns else f'<td class="n">{_e(row[name])}</td>'
            for name, _ in columns
        )
        body.append(f"<tr>{cells}</tr>")
    return f'<div class="wide"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _shorten(text: str) -> str:
    return text if len(text) <= NAME_LIMIT else text[:NAME_LIMIT] + "..."


def render_html(
    figures: ClassFigures,
    png: bytes,
    *,
    course_id: str,
    skipped=(),  # Skipped entries
    students: list[StudentFigures] | None = None,
) -> str:
    """The page's HTML; ``students`` (a per-student table) is given only when students may be named."""
    end = figures.term_start + dt.timedelta(weeks=figures.weeks, days=-1)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Class network growth: {_e(course_id)}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>How the class's networks grew</h1>",
        f'<p class="note">Course <code>{_e(course_id)}</code>, term {figures.term_start:%d %B %Y} to '
        f"{end:%d %B %Y} ({figures.weeks} weeks). {figures.students} journal(s) counted"
        + (f", {len(skipped)} left out (listed below)." if skipped else ".")
        + "</p>",
        '<img alt="Four charts, week by week: contacts per student (median, quartiles and class total), '
        "contacts by category, informational interviews held, and thank-you notes sent on time.\" "
        f'src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">',
        "<h2>Week by week</h2>",
        '<p class="note">Every number counts to the end of its week. Contacts dated before the term '
        "count in week 1. Quartiles interpolate between the two nearest students, so a median of 2.5 "
        "lies halfway between a student with 2 contacts and one with 3. The same table is in "
        "<code>class_growth.csv</code> (column names as in each heading's tooltip).</p>",
        _table(WEEK_COLUMNS, (week_row(row) for row in figures.rows), text_columns=("week_start",)),
    ]
    if skipped:
        items = "".join(f"<li><code>{_e(s.student)}</code>: {_e(s.reason)}</li>" for s in skipped)
        parts += [
            "<h2>Journals left out</h2>",
            '<div class="warn"><p>These journals could not be read, so none of their numbers are above. '
            "Open each file to repair it (the workbook never changes a file it cannot read).</p>"
            f"<ul>{items}</ul></div>",
        ]
    if students is not None:
        rows = []
        for student in students:
            row = student_row(student)
            row["name"] = _shorten(row["name"])
            rows.append(row)
        parts += [
            "<h2>Students</h2>",
            '<p class="note">Figures at the end of the term. Also in <code>class_students.csv</code>.</p>',
            _table(STUDENT_COLUMNS, rows, text_columns=("student", "name")),
        ]
    else:
        parts.append(
            '<p class="note">Students are not named in this report. Run '
            "<code>workbook class-report --show-students</code> for a table per student.</p>"
        )
    parts += [
        '<p class="note">This page holds counts only: no contact\'s name, e-mail address, phone number '
        "or notes is in it.</p>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"

