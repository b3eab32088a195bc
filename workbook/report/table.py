"""The report's tables: exact column names, their labels, and the CSV text.

``class_growth.csv`` has one row per week of the term and these columns
(every count is cumulative: "by the end of that week"):

=========================  ==============================================================
week                       1 .. the plan's number of weeks
week_start                 the first day of the week (YYYY-MM-DD)
students                   journals counted (skipped ones are not)
contacts_total             contacts in all counted journals together
contacts_median            contacts per student: median
contacts_q1                contacts per student: lower quartile (see figures.quantile)
contacts_q3                contacts per student: upper quartile
contacts_<category>        class total of contacts in that category, one column per key of
                           journal.vocabulary.CATEGORIES in its order (contacts_family_friends,
                           contacts_school, ...); contacts with an unknown category are in
                           contacts_total only
interviews_total           informational interviews held, class total
students_interviewed       students who have held at least one informational interview
thank_yous_on_time_total   thank-you notes sent within two days of the interview, class total
=========================  ==============================================================

Whole numbers are written without a decimal point; quartiles and medians
that fall between two students are written exactly (2.5, 3.25).

``class_students.csv`` (only with ``show_students``) has one row per counted
student: student, name, contacts, categories_used, interviews,
thank_yous_on_time, all at the end of the term.
"""

from __future__ import annotations

import csv
import io

from ..journal.vocabulary import CATEGORIES
from .figures import ClassFigures, WeekFigures
from .read import StudentFigures

WEEK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("week", "Week"),
    ("week_start", "Week starts"),
    ("students", "Students"),
    ("contacts_total", "Contacts (class total)"),
    ("contacts_median", "Contacts per student: median"),
    ("contacts_q1", "lower quartile"),
    ("contacts_q3", "upper quartile"),
    *((f"contacts_{key}", label) for key, label in CATEGORIES.items()),
    ("interviews_total", "Informational interviews held"),
    ("students_interviewed", "Students who have held one"),
    ("thank_yous_on_time_total", "Thank-you notes on time"),
)

STUDENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("student", "Student"),
    ("name", "Name in the journal"),
    ("contacts", "Contacts"),
    ("categories_used", "Categories used"),
    ("interviews", "Informational interviews"),
    ("thank_yous_on_time", "Thank-you notes on time"),
)

# Spreadsheets run a cell starting with one of these as a formula; student text must stay text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def number(value) -> str:
    """A count or quartile as the tables show it: ``3``, ``2.5``, ``3.25``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def week_row(row: WeekFigures) -> dict[str, str]:
    """One week's figures as text, keyed by WEEK_COLUMNS names."""
    values = {
        "week": number(row.week),
        "week_start": row.week_start.isoformat(),
        "students": number(row.students),
        "contacts_total": number(row.contacts_total),
        "contacts_median": number(row.contacts_median),
        "contacts_q1": number(row.contacts_q1),
        "contacts_q3": number(row.contacts_q3),
        "interviews_total": number(row.interviews_total),
        "students_interviewed": number(row.students_interviewed),
        "thank_yous_on_time_total": number(row.thank_yous_on_time_total),
    }
    for key in CATEGORIES:
        values[f"contacts_{key}"] = number(row.contacts_by_category[key])
    return {name: values[name] for name, _ in WEEK_COLUMNS}


def student_row(student: StudentFigures) -> dict[str, str]:
    """One student's end-of-term figures as text, keyed by STUDENT_COLUMNS names."""
    return {
        "student": student.student,
        "name": student.name,
        "contacts": number(student.contacts[-1]),
        "categories_used": number(sum(1 for counts in student.by_category.values() if counts[-1])),
        "interviews": number(student.interviews[-1]),
        "thank_yous_on_time": number(student.thank_yous_on_time[-1]),
    }


def _spreadsheet_safe(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(name for name, _ in columns)
    for row in rows:
        writer.writerow(_spreadsheet_safe(row[name]) for name, _ in columns)
    return out.getvalue()


def weeks_csv(figures: ClassFigures) -> str:
    """The text of class_growth.csv."""
    return _csv(WEEK_COLUMNS, (week_row(row) for row in figures.rows))


def students_csv(students) -> str:
    """The text of class_students.csv."""
    return _csv(STUDENT_COLUMNS, (student_row(s) for s in students))
