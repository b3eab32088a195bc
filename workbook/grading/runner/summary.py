"""The table that closes an autograde run: what happened to each submission that needs a look.

Statuses come from ``workbook.grading.status`` (what the files and the
gradebook show) unless the runner itself stopped a student, which only it
knows. Every on-time submission that graded normally is counted, not
listed; everything else gets a row.
"""

from __future__ import annotations

from dataclasses import dataclass

from .progress import format_duration
from .results import Run

# status.py's one-word statuses, as the table shows them.
LABELS = {
    "missing": "missing",
    "rejected": "rejected",
    "unreadable": "unreadable",
    "ungraded": "failed",
    "no_journal": "no journal",
    "unreadable_journal": "unreadable journal",
    "timed_out": "timed out",
    "tampered": "tampered",
    "time_flagged": "time flagged",
    "unsandboxed": "unsandboxed",
    "needs_manual_grading": "needs manual grading",
    "graded": "graded",
}
# In the order the counts line and the exit reason name them.
ORDER = ("graded", "needs manual grading", "unsandboxed", "time flagged", "tampered", "timed out", "no journal",
         "unreadable journal", "rejected", "unreadable", "missing", "failed")
NEEDS_ATTENTION = ("unsandboxed", "time flagged", "tampered", "timed out", "no journal", "unreadable journal",
                   "rejected", "unreadable", "missing", "failed")


@dataclass(frozen=True)
class StudentLine:
    """One student's result in the closing table."""

    student: str
    status: str  # one of ORDER
    score: float | None
    max_score: float | None
    late_seconds: float
    detail: str

    @property
    def matters(self) -> bool:
        """Whether the table lists this student: late, or anything but a complete autograde.

        Waiting for manual grading is the normal state of an assignment with
        hand-graded cells, so it is counted, not listed.
        """
        return self.status not in ("graded", "needs manual grading") or self.late_seconds > 0


def student_lines(app, run: Run) -> list[StudentLine]:
    """A StudentLine for every student the run tried, sorted by student id."""
    from nbgrader.api import MissingEntry

    from ..status import submission_status
    from ...course.directory import open_gradebook

    lines, references = [], {}
    with open_gradebook(app) as gradebook:
        max_score = gradebook.find_assignment(run.assignment).max_score
        for attempt in sorted(run.attempts, key=lambda a: a.student):
            score, late = None, 0.0
            if attempt.result == "timed out":
                status, detail = "timed out", attempt.message
            elif attempt.result in ("crashed", "refused"):
                status, detail = "failed", attempt.message
            elif attempt.result == "rejected":
                status, detail = "rejected", attempt.message
            else:
                state = submission_status(gradebook, run.assignment, attempt.student, app.coursedir, references)
                status, detail = LABELS.get(state.status, state.status), state.detail
                if attempt.result == "failed" and attempt.message:
                    detail = f"{detail} (nbgrader: {attempt.message})"
                try:
                    submission = gradebook.find_submission(run.assignment, attempt.student)
                except MissingEntry:
                    submission = None
                if submission is not None and status not in ("unreadable", "rejected", "missing", "failed"):
                    score = submission.score
                    late = submission.total_seconds_late or 0.0
            lines.append(StudentLine(attempt.student, status, score, max_score, late, detail))
    return lines


def counts(lines: list[StudentLine]) -> dict[str, int]:
    """How many students ended in each status, in ORDER, leaving out zeros."""
    found = {}
    for line in lines:
        found[line.status] = found.get(line.status, 0) + 1
    return {status: found[status] for status in ORDER if status in found}


def _score(line: StudentLine) -> str:
    if line.score is None:
        return "-"
    return f"{line.score:g}/{line.max_score:g}" if line.max_score is not None else f"{line.score:g}"


def table(lines: list[StudentLine], skipped: int = 0, seconds: float | None = None) -> str:
    """The closing table as plain text: a row per student that matters, then a counts line."""
    rows = [(line.student, line.status, _score(line),
             f"{format_duration(line.late_seconds)} late" if line.late_seconds > 0 else "", line.detail)
            for line in lines if line.matters]
    out = []
    if rows:
        header = ("student", "status", "score", "late", "detail")
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
        for row in [header, *rows]:
            cells = [row[i].ljust(widths[i]) for i in range(4)] + [row[4]]
            out.append("  ".join(cells).rstrip())
        out.append("")
    tally = ", ".join(f"{n} {status}" for status, n in counts(lines).items()) or "nothing graded"
    late = sum(1 for line in lines if line.late_seconds > 0)
    summary = f"{len(lines)} submission{'s' if len(lines) != 1 else ''} autograded: {tally}"
    if late:
        summary += f"; {late} late"
    if skipped:
        summary += f"; {skipped} already graded and skipped (--force regrades them)"
    if seconds is not None:
        summary += f"; took {format_duration(seconds)}"
    out.append(summary)
    return "\n".join(out)


def attention_reason(lines: list[StudentLine]) -> str | None:
    """One line naming what needs a person's attention, or None when every submission graded cleanly."""
    found = {status: n for status, n in counts(lines).items() if status in NEEDS_ATTENTION}
    if not found:
        return None
    total = sum(found.values())
    parts = ", ".join(f"{n} {status}" for status, n in found.items())
    return f"{total} of {len(lines)} submissions need attention: {parts}"
