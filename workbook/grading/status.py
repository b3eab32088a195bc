"""Where each student's submission stands after autograding, in one word and one sentence.

nbgrader's own export gives a notebook it could not read the same 0 as a
blank submission, and says nothing of cut-off cells or edited tests. This
module looks at the submitted and autograded files and the gradebook and
names the state, so an instructor can tell a real zero from a problem.

Statuses, most urgent first (``status`` is the first that applies; ``flags``
lists every one that applies):

- ``missing``: nothing was submitted (or none of the assignment's notebooks).
- ``rejected``: the submission can never be graded as it stands (an nbformat-3
  notebook, a timestamp.txt nbgrader cannot read, cells nbgrader refuses);
  the detail says exactly why, and it is not retried until it changes.
- ``unreadable``: a submitted notebook is not JSON, or autograding failed on it and left no result.
- ``ungraded``: submitted but not autograded yet (or resubmitted since).
- ``no_journal``: graded, but no journal.json was submitted (so no autograded point was earned).
- ``unreadable_journal``: graded, but the journal could not be read (a link, too large, not JSON...).
- ``timed_out``: a cell was cut off by the per-cell time limit; the rest was graded.
- ``tampered``: a locked cell arrived changed (graded from the original), the kernel's verdict on an
  item differed from the submitted data's (the data's stands), or the submission holds links, special
  files or modules that would shadow the workbook's; the detail names each item and file.
- ``time_flagged``: timestamp.txt was missing, unreadable or contradicted by the files; the detail
  says which time was used.
- ``unsandboxed``: graded with ``--no-sandbox``: the kernel was not isolated.
- ``needs_manual_grading``: autograded; some cell waits for a person in the formgrader.
- ``graded``: fully graded.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..course.directory import Course
from .data.timing import TIMESTAMP_FILE
from .data.verdict import load_verdict
from .tamper import TamperedCell, find_tampered_cells, reference_from_gradebook

NBFORMAT_PROBLEM = "has nbformat"

STATUSES = ("missing", "rejected", "unreadable", "ungraded", "no_journal", "unreadable_journal", "timed_out",
            "tampered", "time_flagged", "unsandboxed", "needs_manual_grading", "graded")

# A file time this far past the clock is in the future: it says nothing about a resubmission.
CLOCK_SLACK_SECONDS = 300

# The ename nbgrader's Execute preprocessor gives a cell cut off by its timeout (Execute.error_on_timeout).
TIMEOUT_ENAME = "CellTimeoutError"
DEAD_KERNEL_ENAME = "DeadKernelError"  # a cell never run because the kernel had died (execute.py)


@dataclass(frozen=True)
class SubmissionStatus:
    """One student's standing on one assignment."""

    student_id: str
    assignment_id: str
    status: str
    detail: str
    flags: tuple[str, ...] = ()
    tampered: tuple[TamperedCell, ...] = field(default_factory=tuple)
    timed_out_cells: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        """A JSON-ready form for the CLI."""
        return {
            "student_id": self.student_id, "assignment_id": self.assignment_id, "status": self.status,
            "detail": self.detail, "flags": list(self.flags),
            "tampered": [{"grade_id": t.grade_id, "change": t.change, "detail": t.detail} for t in self.tampered],
            "timed_out_cells": list(self.timed_out_cells),
        }


def submission_status(gradebook, assignment_id: str, student_id: str, coursedir=None,
                      references: dict | None = None) -> SubmissionStatus:
    """The status of ``student_id``'s submission of ``assignment_id``.

    ``gradebook`` is an open nbgrader ``Gradebook``; ``coursedir`` an nbgrader
    ``CourseDirectory`` (default: that of the course around the current folder).
    ``references``, a dict a caller keeps for one open gradebook, holds the
    released locked cells across calls, so a class reads them once, not once a student.
    Reads files only; changes nothing.
    """
    references = {} if references is None else references
    coursedir = coursedir or _coursedir_here()
    notebook_ids = [nb.name for nb in gradebook.find_assignment(assignment_id).notebooks]
    submitted = Path(coursedir.format_path(coursedir.submitted_directory, student_id, assignment_id))
    autograded = Path(coursedir.format_path(coursedir.autograded_directory, student_id, assignment_id))

    def result(status, detail, flags=(), tampered=(), timed_out=()):
        ordered = tuple(s for s in STATUSES if s in {status, *flags})
        return SubmissionStatus(student_id, assignment_id, status, detail, ordered, tuple(tampered), tuple(timed_out))

    present = [nb for nb in notebook_ids if (submitted / f"{nb}.ipynb").is_file()]
    if not present:
        where = "nothing was submitted" if not submitted.exists() else "no notebook of the assignment was submitted"
        return result("missing", where)
    absent = [nb for nb in notebook_ids if nb not in present]

    loaded = {}
    for nb in present:
        notebook, problem = _read_notebook(submitted / f"{nb}.ipynb")
        if problem:
            return result("rejected" if problem.startswith(NBFORMAT_PROBLEM) else "unreadable", f"{nb}.ipynb {problem}")
        loaded[nb] = notebook
    refused = _refused_timestamp(submitted)
    if refused:
        return result("rejected", refused)

    if not _has_submission(gradebook, assignment_id, student_id):
        return result("ungraded", "submitted, not autograded yet")
    for nb in present:
        graded_file = autograded / f"{nb}.ipynb"
        if not graded_file.is_file():
            return result("unreadable", f"autograding could not process {nb}.ipynb (see the autograde log)")
        changed = (submitted / f"{nb}.ipynb").stat().st_mtime
        if graded_file.stat().st_mtime < changed <= time.time() + CLOCK_SLACK_SECONDS:
            return result("ungraded", f"{nb}.ipynb was submitted again after it was autograded")

    flags, notes, timed_out, tampered, verdicts, died = [], [], [], [], [], []
    for nb in present:
        graded_nb, _ = _read_notebook(autograded / f"{nb}.ipynb")
        timed_out += [f"{nb}:{cell}" for cell in _timed_out_cells(graded_nb or {})]
        died += [f"{nb}:{cell}" for cell in _timed_out_cells(graded_nb or {}, DEAD_KERNEL_ENAME)]
        if (nb, assignment_id) not in references:
            references[nb, assignment_id] = reference_from_gradebook(gradebook, nb, assignment_id)
        tampered += find_tampered_cells(loaded[nb], references[nb, assignment_id])
        verdicts += [v for v in [load_verdict(graded_nb or {})] if v]
    if absent:
        notes.append("not submitted (scored 0): " + ", ".join(f"{nb}.ipynb" for nb in absent))
    _journal_notes(verdicts, flags, notes)
    if timed_out or died:
        flags.append("timed_out")
    if timed_out:
        notes.append("cut off by the time limit: " + ", ".join(timed_out))
    if died:
        notes.append(f"the kernel died, so {len(died)} cell(s) did not run, from {died[0]}")
    if tampered:
        notes.append("locked cells changed (graded from the originals): "
                     + "; ".join(f"{t.grade_id} {t.change}" for t in tampered))
    data_tampering = _tamper_notes(verdicts)
    notes += data_tampering
    if tampered or data_tampering:
        flags.append("tampered")
    _time_and_sandbox_notes(verdicts, flags, notes)
    if gradebook.find_submission(assignment_id, student_id).needs_manual_grade:
        flags.append("needs_manual_grading")
        notes.append("waits for manual grading in the formgrader")
    status = next((s for s in STATUSES if s in flags), "graded")
    return result(status, "; ".join(notes) or "graded", flags, tampered, timed_out)


def assignment_statuses(gradebook, assignment_id: str, coursedir=None) -> dict[str, SubmissionStatus]:
    """``submission_status`` for every student in the gradebook, by student id."""
    coursedir = coursedir or _coursedir_here()
    references: dict = {}
    return {
        student.id: submission_status(gradebook, assignment_id, student.id, coursedir, references)
        for student in gradebook.students
    }


def _has_submission(gradebook, assignment_id, student_id) -> bool:
    from nbgrader.api import MissingEntry

    try:
        gradebook.find_submission(assignment_id, student_id)
    except MissingEntry:
        return False
    return True


def _read_notebook(path: Path) -> tuple[dict | None, str | None]:
    """The notebook at ``path`` as a dict, or None and what is wrong with it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror})"
    try:
        notebook = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "is not UTF-8 text"
    except json.JSONDecodeError as exc:
        return None, f"is not valid JSON ({exc.msg} at line {exc.lineno})"
    if isinstance(notebook, dict) and notebook.get("nbformat") == 3:
        # nbgrader reads an nbformat-3 notebook by upgrading it; so does this, to compare its cells.
        import nbformat

        try:
            notebook = json.loads(json.dumps(nbformat.reads(raw.decode("utf-8"), as_version=4)))
        except Exception as exc:  # noqa: BLE001 -- nbformat raises many kinds on a broken old notebook
            return None, (f"{NBFORMAT_PROBLEM} 3 and cannot be upgraded to version 4 ({type(exc).__name__}); "
                          "open it in JupyterLab and save it, or ask the student to")
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        return None, "is JSON but not a notebook (no list of cells)"
    if notebook.get("nbformat") != 4:
        return None, (f"{NBFORMAT_PROBLEM} {notebook.get('nbformat')!r}; nbgrader needs version 4 (open it in "
                      "JupyterLab and save it, or ask the student to)")
    return notebook, None


def _timed_out_cells(notebook: dict, ename: str = TIMEOUT_ENAME) -> list[str]:
    cut = []
    for position, cell in enumerate(notebook.get("cells", []), start=1):
        outputs = cell.get("outputs") or []
        if any(isinstance(o, dict) and o.get("ename") == ename for o in outputs):
            grade_id = (cell.get("metadata", {}).get("nbgrader") or {}).get("grade_id")
            cut.append(grade_id or f"cell {position}")
    return cut


def _coursedir_here():
    return Course.find().app().coursedir


def _refused_timestamp(submitted: Path) -> str:
    """Why nbgrader refuses the submission's timestamp.txt (it then fails on every run), or ''."""
    from nbgrader.utils import parse_utc

    path = submitted / TIMESTAMP_FILE
    if path.is_symlink() or not path.is_file():
        return ""
    text = path.read_bytes()[:200].decode("utf-8", errors="replace").strip()
    if not text:
        return ""
    try:
        parse_utc(text)
    except (ValueError, OverflowError, TypeError):
        return (f"{TIMESTAMP_FILE} says {text[:40]!r}, which is not a time: nbgrader refuses to grade the "
                f"submission until {TIMESTAMP_FILE} is fixed or removed")
    return ""


def _journal_notes(verdicts, flags, notes) -> None:
    for verdict in verdicts:
        kind = verdict.get("journal_kind")
        if kind == "missing":
            flags.append("no_journal")
            notes.append("no journal.json was submitted, so no autograded point was earned")
        elif kind:
            flags.append("unreadable_journal")
            notes.append(f"the journal could not be graded: {verdict.get('journal_problem')}")
        notes.extend(f"typed answers: {p}" for p in verdict.get("typed_problems") or [])
        unread = [d["item"] for d in verdict.get("unread_typed") or []]
        if unread:
            notes.append("the kernel's verdict differed on " + ", ".join(unread) + ", which the unread typed "
                         "answers may explain: a person decides (the data's score is the starting score)")


def _tamper_notes(verdicts) -> list[str]:
    found = []
    for verdict in verdicts:
        items = [d["item"] for d in verdict.get("disagreements") or []]
        if items:
            found.append("the kernel's verdict differed from the submitted data on " + ", ".join(items)
                         + " (the data's verdict was stored)")
        odd = [o["detail"] for o in verdict.get("oddities") or [] if o.get("kind") in ("link", "special", "shadowing", "too_many")]
        if odd:
            found.append("files: " + "; ".join(odd))
    return found


def _time_and_sandbox_notes(verdicts, flags, notes) -> None:
    for verdict in verdicts:
        flag = (verdict.get("time") or {}).get("flag")
        if flag:
            flags.append("time_flagged")
            notes.append(f"submission time: {flag}")
        if verdict.get("sandbox") == "off":
            flags.append("unsandboxed")
            notes.append("graded with --no-sandbox: the kernel was not isolated")
