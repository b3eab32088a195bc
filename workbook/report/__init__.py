"""The class network-growth report: every student's journal, reduced to counts, on one page.

May import: ``workbook.journal``, ``workbook.course``, ``workbook.plots`` (never the widgets or grading).

    from workbook.report import write_class_report
    result = write_class_report("submissions/journals", "class_report")    # a folder of journal files
    result = write_class_report(submitted_journals("submitted"), "out")    # nbgrader's layout

It writes three files to the output folder:

* ``class_growth.png`` (1600 x 1200 pixels, see plot.py),
* ``class_growth.csv`` (one row per week; columns documented in table.py),
* ``report.html`` (both of those on one self-contained page, see page.py),

and, only with ``show_students=True``, ``class_students.csv`` (one row per
student). Without the flag a ``class_students.csv`` left from an earlier run
is removed, so the folder never names students unless asked to.

Privacy: only counts leave each journal (read.py); no contact's name, e-mail,
phone or notes reaches any output. Students are named only with
``show_students``, with one exception: a journal that cannot be read is
listed by its student id, always, because the instructor has to find and
repair that file; its reason never quotes the file's contents.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path

from ..course.plan import CoursePlan, load_plan
from ..errors import EmptyClassError
from ..journal.storage import atomic_write_bytes
from .collect import JournalSource, SourceError, folder_journals, submitted_journals
from .figures import ClassAccumulator, ClassFigures
from .read import MAX_JOURNAL_BYTES, Skipped, StudentFigures, read_student

PNG_NAME = "class_growth.png"
CSV_NAME = "class_growth.csv"
HTML_NAME = "report.html"
STUDENTS_CSV_NAME = "class_students.csv"


@dataclass(frozen=True)
class ReportResult:
    """What write_class_report wrote and what it found."""

    out_dir: Path
    png: Path
    csv: Path
    html: Path
    students_csv: Path | None
    figures: ClassFigures
    skipped: tuple[Skipped, ...]

    @property
    def counted(self) -> int:
        """How many journals are in the figures."""
        return self.figures.students


def _sources(source) -> list[JournalSource]:
    if isinstance(source, (str, os.PathLike)):
        return folder_journals(source)
    return list(source)


def _plan(plan) -> CoursePlan:
    if isinstance(plan, CoursePlan):
        return plan
    return load_plan(plan)


# Below this many journals a second process costs more to start than it saves.
PARALLEL_FROM = 400


def _outcomes(sources, plan: CoursePlan, max_bytes: int, jobs: int):
    """Each source's StudentFigures or Skipped, in order; read by ``jobs`` processes for a large class."""
    read = functools.partial(read_student, term_start=plan.term_start, weeks=plan.weeks, max_bytes=max_bytes)
    if jobs <= 1 or len(sources) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(read, sources)
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(read, sources, chunksize=64)


def read_class(sources, plan: CoursePlan, *, keep_students=False, max_bytes=MAX_JOURNAL_BYTES, jobs: int = 1):
    """Read every source: (ClassFigures or None, skipped, per-student figures if ``keep_students``).

    ``jobs`` above 1 reads a large class in that many forked processes (the command line does;
    a notebook calling this keeps the default, since forking a kernel with threads is unsafe).
    """
    accumulator = ClassAccumulator(plan.term_start, plan.weeks)
    skipped: list[Skipped] = []
    kept: list[StudentFigures] = []
    for outcome in _outcomes(list(sources), plan, max_bytes, jobs):
        if isinstance(outcome, Skipped):
            skipped.append(outcome)
            continue
        accumulator.add(outcome)
        if keep_students:
            kept.append(outcome)
    figures = accumulator.result() if accumulator.students else None
    return figures, tuple(skipped), kept


def write_class_report(
    source, out_dir, *, show_students: bool = False, plan=None, max_bytes: int = MAX_JOURNAL_BYTES, jobs: int = 1
) -> ReportResult:
    """Read the class's journals and write the report files into ``out_dir``.

    ``source`` is a folder of journal files (a path) or JournalSource entries
    (e.g. from ``submitted_journals``). ``plan`` is a CoursePlan, a path to a
    course plan file, or None for the course root's plan. Raises
    EmptyClassError when no journal could be counted, SourceError when the
    folder is missing, CoursePlanError for a bad plan.
    """
    from .page import render_html
    from .plot import render_png
    from .table import students_csv, weeks_csv

    plan = _plan(plan)
    sources = _sources(source)
    if not sources:
        where = f" in {source}" if isinstance(source, (str, os.PathLike)) else ""
        raise EmptyClassError(f"no journals found{where}")
    figures, skipped, students = read_class(sources, plan, keep_students=show_students, max_bytes=max_bytes,
                                            jobs=jobs)
    if figures is None:
        names = ", ".join(s.student for s in skipped[:10]) + (", ..." if len(skipped) > 10 else "")
        raise EmptyClassError(f"none of the {len(skipped)} journal(s) could be read ({names})")

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    png = render_png(figures)
    atomic_write_bytes(out / PNG_NAME, png)
    atomic_write_bytes(out / CSV_NAME, weeks_csv(figures).encode("utf-8"))
    html = render_html(figures, png, course_id=plan.course_id, skipped=skipped,
                       students=students if show_students else None)
    atomic_write_bytes(out / HTML_NAME, html.encode("utf-8"))
    students_path = out / STUDENTS_CSV_NAME
    if show_students:
        atomic_write_bytes(students_path, students_csv(students).encode("utf-8"))
    else:
        students_path.unlink(missing_ok=True)
    return ReportResult(
        out_dir=out,
        png=out / PNG_NAME,
        csv=out / CSV_NAME,
        html=out / HTML_NAME,
        students_csv=students_path if show_students else None,
        figures=figures,
        skipped=skipped,
    )


__all__ = [
    "EmptyClassError", "JournalSource", "ReportResult", "Skipped", "SourceError",
    "folder_journals", "read_class", "submitted_journals", "write_class_report",
]
