"""Every rubric item of one submission judged on its data, as of its own day: the grade that counts.

``judge_submission`` reads the submitted folder (never the folder a kernel
ran in), applies the typed answers as data, and judges each rubric item with
``workbook.grading.rubric`` as of the submission's day. The result is a
plain dict (``Verdict.as_dict``) so the grader can keep it with the graded
notebook and read it back for the submission's status.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import rubric
from .files import Oddity, scan
from .journal_file import read_submitted_journal
from .timing import SubmissionTime, submission_time
from .typed import apply_typed, typed_answers

# Where a graded notebook keeps its verdict (notebook metadata, written by the grader only).
METADATA_KEY = "workbook_grading"


@dataclass(frozen=True)
class ItemVerdict:
    """One rubric item as judged from the data."""

    id: str
    points: float
    max_points: float
    passed: bool
    review: bool
    message: str


@dataclass
class Verdict:
    """A submission judged from its data: items, the journal's problem, the time used, oddities found."""

    assignment: str
    items: dict[str, ItemVerdict] = field(default_factory=dict)
    journal_kind: str = ""  # '' when the journal was read; else journal_file.KINDS
    journal_problem: str = ""
    time: SubmissionTime | None = None
    oddities: list[Oddity] = field(default_factory=list)
    typed_problems: list[str] = field(default_factory=list)
    typed_unread: bool = False  # a typed-answers cell held more than values, so the data may miss what it saves

    @property
    def score(self) -> float:
        return float(sum(item.points for item in self.items.values()))

    def as_dict(self) -> dict:
        return {
            "assignment": self.assignment,
            "items": {k: vars(v) for k, v in self.items.items()},
            "journal_kind": self.journal_kind, "journal_problem": self.journal_problem,
            "time": self.time.as_dict() if self.time else None,
            "oddities": [vars(o) for o in self.oddities],
            "typed_problems": list(self.typed_problems), "typed_unread": self.typed_unread,
        }


def _day(time: SubmissionTime | None) -> dt.date | None:
    return time.when.date() if time and time.when else None


def judge_submission(folder: str | os.PathLike, notebook: dict, assignment: str) -> Verdict:
    """Judge the submission in ``folder`` (its notebook given as a dict) on every item of ``assignment``."""
    folder = Path(folder)
    verdict = Verdict(assignment, time=submission_time(folder), oddities=scan(folder))
    submitted = read_submitted_journal(folder)
    doc = submitted.doc
    verdict.journal_kind, verdict.journal_problem = submitted.kind, submitted.problem
    typed = typed_answers(notebook)
    verdict.typed_problems, verdict.typed_unread = list(typed.problems), bool(typed.problems)
    if typed.calls:
        from ...journal.schema import empty_document

        base = doc if doc is not None else (empty_document() if submitted.kind == "missing" else None)
        if base is not None:
            doc, notes = apply_typed(base, typed)
            verdict.typed_problems += notes
            if submitted.kind == "missing" and doc != base:
                verdict.journal_kind, verdict.journal_problem = "", ""  # the typed answers are the journal
            elif submitted.kind == "missing":
                doc = None  # typed cells that save nothing (None) are no journal either
    for outcome in _outcomes(assignment, doc, _day(verdict.time)):
        verdict.items[outcome.item.id] = ItemVerdict(
            outcome.item.id, outcome.points, float(outcome.item.points), outcome.passed, outcome.review,
            outcome.message[:2000])
    return verdict


def _outcomes(assignment: str, doc: dict | None, today):
    if doc is None:
        return [rubric.Outcome(i, False, "No journal could be read from the submission.") for i in rubric.items(assignment)]
    try:
        return rubric.outcomes(assignment, doc, today)
    except RecursionError:
        return [rubric.Outcome(i, False, "The journal could not be judged.") for i in rubric.items(assignment)]


def load_verdict(notebook: dict) -> dict | None:
    """The verdict a graded notebook carries (``Verdict.as_dict``), or None."""
    found = (notebook.get("metadata") or {}).get(METADATA_KEY)
    return found if isinstance(found, dict) else None


def dumps(verdict: Verdict) -> str:
    """The verdict as compact JSON (for logs)."""
    return json.dumps(verdict.as_dict(), sort_keys=True)
