"""Reading one student's journal down to the counts the class report needs, and nothing more.

A journal is read exactly as the workbook reads it (journal.storage and
journal.schema, with Journal.read()'s migration path for older files), so
a file the student's own notebooks would refuse is refused here too. Only
week-by-week counts and the student's own name leave this module: contact
names, e-mail addresses, phone numbers and notes are dropped with the
document.

Speed: ``Journal.read()`` deep-copies every document while checking whether
it needs migrating, which costs about three times the parsing and checking
on a large class (``make bench``, class_report). So a journal already at the current schema version is
parsed and given the same structural check directly; any other version goes
through ``Journal.read()``, which migrates it or refuses it with the usual
message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import JournalFileError
from ..journal.model import Journal
from ..journal.schema import SCHEMA_VERSION, check_structure
from ..journal.storage import read_json
from ..plots.growth import weekly_figures
from .collect import JournalSource

# A term's journal is well under a megabyte; anything this big is broken or not a journal at all.
MAX_JOURNAL_BYTES = 32 * 1024 * 1024
REASON_LIMIT = 120


@dataclass(frozen=True)
class StudentFigures:
    """One student's cumulative counts at the end of each week (see workbook.plots.growth.weekly_figures)."""

    student: str
    name: str
    contacts: tuple[int, ...]
    by_category: dict[str, tuple[int, ...]]
    interviews: tuple[int, ...]
    thank_yous_on_time: tuple[int, ...]


@dataclass(frozen=True)
class Skipped:
    """A journal left out of the report, with a short reason that quotes nothing from inside the file."""

    student: str
    reason: str


def safe_reason(error: JournalFileError) -> str:
    """The reader's problem text up to its first parenthesis, which is where file contents may be quoted."""
    reason = error.problem.split(" (", 1)[0].split(";", 1)[0].strip()
    return reason[:REASON_LIMIT].rstrip() + ("..." if len(reason) > REASON_LIMIT else "")


def load_document(path) -> dict:
    """The journal at ``path`` as the workbook would read it; raises JournalFileError when it cannot be used."""
    doc = read_json(path)
    if doc is None:
        raise JournalFileError(path, "disappeared while the report was being made")
    if isinstance(doc, dict) and doc.get("schema_version") == SCHEMA_VERSION:
        check_structure(doc, path)  # the same final check Journal.read() makes
        return doc
    return Journal(path).read()


def read_student(
    source: JournalSource, term_start: dt.date, weeks: int, max_bytes: int = MAX_JOURNAL_BYTES
) -> StudentFigures | Skipped:
    """The counts of one journal, or why it was skipped."""
    try:
        size = source.path.stat().st_size
    except OSError as exc:
        return Skipped(source.student, f"cannot be read ({exc.strerror})")
    if size > max_bytes:
        return Skipped(source.student, f"is {size:,} bytes, more than the {max_bytes:,} a journal can be")
    try:
        doc = load_document(source.path)
    except JournalFileError as exc:
        return Skipped(source.student, safe_reason(exc))
    # weekly_figures ignores values a hand-edited entry may hold in place of text, so this cannot fail.
    figures = weekly_figures(doc, term_start, weeks)
    student = doc.get("student") or {}
    name = student.get("name") if isinstance(student.get("name"), str) else ""
    return StudentFigures(
        student=source.student,
        name=name,
        contacts=tuple(figures["contacts"]),
        by_category={key: tuple(counts) for key, counts in figures["by_category"].items()},
        interviews=tuple(figures["interviews"]),
        thank_yous_on_time=tuple(figures["thank_yous_on_time"]),
    )
