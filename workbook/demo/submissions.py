"""A synthetic class and its informational-interview submissions, laid out as nbgrader collects them.

``make_class(n, seed)`` invents the roster and gives every student a kind:

- ``excellent``: every answer full, thank-you within two days, next contact added;
- ``solid``: the same with up to two thin answers;
- ``thin``: five thin answers, thin learning, a late thank-you, no next contact;
- ``late``: solid work handed in one to three days after the due date;
- ``unreadable``: a notebook cut off half-way (a bad upload), so nbgrader cannot read it;
- ``tampered``: thin work whose notebook has a graded check commented out;
- ``absent``: on the roster, submitted nothing.

``submit_class`` then writes ``submitted/STUDENT/ASSIGNMENT/`` for everyone
but the absent student: the released notebook, the journal.json the
widgets would have saved, and the ``timestamp.txt`` that ``nbgrader
submit`` writes. Each student's work is drawn from their own seeded
generator, so one student's files do not depend on the size of the class.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

from ..course.gradebook import utc_due
from ..course.plan import CoursePlan
from ..grading import rubric
from ..journal.storage import dump_json
from .course import ASSIGNMENT
from .journals import EXCELLENT, SOLID, THIN, interview_journal
from .synthetic import FAMILY_NAMES, FIRST_NAMES

KINDS = ("excellent", "solid", "thin", "late", "unreadable", "tampered", "absent")
PROFILES = {"excellent": EXCELLENT, "solid": SOLID, "thin": THIN, "late": SOLID, "unreadable": EXCELLENT,
            "tampered": THIN}
MIN_STUDENTS = len(KINDS)
MAX_STUDENTS = 500  # ids are s001 .. s500, and names stay unique
TAMPERED_CELL = "test_next_contact"  # a check the thin profile fails, so editing it is tempting
# One excellent student pasted their notes from an e-mail, markup and all: every page must show it as text.
PASTED_MARKUP = ("I pasted my notes from an e-mail draft, so they still begin with <b>Notes</b> & "
                 "<img src=x onerror=alert(1)>, but the conversation itself flowed.")
ROSTER_COLUMNS = ("id", "first_name", "last_name", "email")
KEY_COLUMNS = ("student_id", "first_name", "last_name", "kind", "submitted_utc", "late", "expected_raw_score",
               "expected_late_penalty", "expected_score")


@dataclass(frozen=True)
class Student:
    """One student of the synthetic class."""

    id: str
    first_name: str
    last_name: str
    kind: str

    @property
    def email(self) -> str:
        return f"{self.id}@students.example.edu"


@dataclass(frozen=True)
class Submission:
    """What one student handed in (``folder`` is None for the absent student)."""

    student: Student
    folder: Path | None
    submitted: dt.datetime | None  # naive UTC, as nbgrader stores it
    late: bool
    expected_score: float | None  # what the rubric gives the journal; None when nbgrader cannot grade it
    expected_penalty: float = 0.0  # what the plan's late policy takes off, as nbgrader applies it

    @property
    def expected_final(self) -> float | None:
        return None if self.expected_score is None else self.expected_score - self.expected_penalty


def class_mix(n: int) -> dict[str, int]:
    """How many students of each kind a class of ``n`` has (one unreadable, one tampered, one absent)."""
    if not MIN_STUDENTS <= n <= MAX_STUDENTS:
        raise ValueError(f"a demo class has {MIN_STUDENTS} to {MAX_STUDENTS} students, not {n}")
    late = max(1, round(n / 12))
    rest = n - 3 - late
    excellent = max(1, round(rest * 0.35))
    thin = max(1, round(rest * 0.25))
    return {"excellent": excellent, "solid": rest - excellent - thin, "thin": thin, "late": late,
            "unreadable": 1, "tampered": 1, "absent": 1}


def make_class(n: int, seed: int = 0) -> list[Student]:
    """``n`` students with unique names and a shuffled mix of kinds, sorted by id."""
    rng = random.Random(f"workbook-demo-class-{seed}")
    kinds = [kind for kind, count in class_mix(n).items() for _ in range(count)]
    rng.shuffle(kinds)
    names = rng.sample([(first, last) for first in FIRST_NAMES for last in FAMILY_NAMES], n)
    return [Student(f"s{i:03d}", first, last, kind) for i, ((first, last), kind) in enumerate(zip(names, kinds), 1)]


def write_roster(path: str | Path, students: list[Student]) -> Path:
    """The roster CSV ``workbook roster`` reads (id, first_name, last_name, email)."""
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(ROSTER_COLUMNS)
        writer.writerows((s.id, s.first_name, s.last_name, s.email) for s in students)
    return path


def nbgrader_timestamp(when: dt.datetime) -> str:
    """``when`` (naive UTC) as ``nbgrader submit`` writes timestamp.txt."""
    return f"{when:%Y-%m-%d %H:%M:%S.%f} UTC"


def broken_notebook(notebook: dict) -> bytes:
    """The notebook cut off half-way, as an interrupted upload leaves it: not JSON any more."""
    text = json.dumps(notebook, ensure_ascii=False, indent=1).encode("utf-8")
    return text[: len(text) // 2]


def tampered_notebook(notebook: dict, grade_id: str = TAMPERED_CELL) -> dict:
    """The notebook with the graded check ``grade_id`` commented out, as a student hoping to pass it might."""
    edited = copy.deepcopy(notebook)
    for cell in edited["cells"]:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            cell["source"] = "\n".join(
                f"# {line}  # I did ask them!" if line.startswith("rubric.require") else line
                for line in source.split("\n"))
            return edited
    raise KeyError(f"the notebook has no cell {grade_id!r}")


def _submitted_at(rng: random.Random, due_utc: dt.datetime, late: bool) -> dt.datetime:
    if late:
        return due_utc + dt.timedelta(seconds=rng.randint(6 * 3600, 3 * 24 * 3600))
    return due_utc - dt.timedelta(seconds=rng.randint(30 * 60, 4 * 24 * 3600))


def submit_class(root: str | Path, students: list[Student], plan: CoursePlan, seed: int = 0,
                 assignment: str = ASSIGNMENT) -> list[Submission]:
    """Write every student's submission of ``assignment`` into the course at ``root``.

    Needs the released notebook (``release/ASSIGNMENT/ASSIGNMENT.ipynb``), so
    run nbgrader's generate_assignment first. Returns one Submission per student.
    """
    root = Path(root)
    released = json.loads((root / "release" / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8"))
    due = plan.assignment(assignment).due
    due_utc = utc_due(due)
    markup_given = False
    done = []
    for student in students:
        if student.kind == "absent":
            done.append(Submission(student, None, None, False, None))
            continue
        rng = random.Random(f"workbook-demo-{seed}-{student.id}")
        late = student.kind == "late"
        when = _submitted_at(rng, due_utc, late)
        extra = None
        if student.kind == "excellent" and not markup_given:
            extra, markup_given = {"reflection": {
                "went_well": PASTED_MARKUP, "surprised": "How much of the work is talking rather than calculating.",
                "do_better": "Clean up my notes before saving them, and send the thank-you the same evening."}}, True
        doc = interview_journal(rng, f"{student.first_name} {student.last_name}", PROFILES[student.kind],
                                plan.term_start, due.date(), when.date(), extra=extra)
        folder = root / "submitted" / student.id / assignment
        folder.mkdir(parents=True, exist_ok=True)
        notebook_path = folder / f"{assignment}.ipynb"
        if student.kind == "unreadable":
            notebook_path.write_bytes(broken_notebook(released))
        else:
            notebook = tampered_notebook(released) if student.kind == "tampered" else released
            notebook_path.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), encoding="utf-8")
        (folder / "journal.json").write_bytes(dump_json(doc))
        (folder / "timestamp.txt").write_text(nbgrader_timestamp(when), encoding="utf-8")
        # As nbgrader submit leaves them: every file saved no later than its timestamp.
        stamp = when.replace(tzinfo=dt.timezone.utc).timestamp() if when.tzinfo is None else when.timestamp()
        for written in folder.iterdir():
            os.utime(written, (stamp, stamp))
        expected = None if student.kind == "unreadable" else rubric.score(assignment, doc, when.date())
        penalty = plan.assignment(assignment).late_penalty(expected, (when - due_utc).total_seconds()) \
            if expected is not None else None
        # nbgrader never takes off more than the score itself.
        penalty = min(penalty, expected) if penalty is not None else 0.0
        done.append(Submission(student, folder, when, late, expected, penalty))
    return done


def write_key(path: str | Path, submissions: list[Submission]) -> Path:
    """The answer key of the synthetic class: who is which kind, and the score the rubric expects."""
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(KEY_COLUMNS)
        for s in submissions:
            writer.writerow((
                s.student.id, s.student.first_name, s.student.last_name, s.student.kind,
                nbgrader_timestamp(s.submitted) if s.submitted else "", "yes" if s.late else "no",
                "" if s.expected_score is None else f"{s.expected_score:g}",
                "" if s.expected_score is None else f"{s.expected_penalty:g}",
                "" if s.expected_final is None else f"{s.expected_final:g}",
            ))
    return path
