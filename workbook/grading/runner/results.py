"""What a parallel autograde run reports: one Attempt per student handed to nbgrader, and the Run."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Attempt:
    """How one student's grading went, as the runner saw it.

    ``result``: ``"graded"`` (nbgrader finished), ``"failed"`` (nbgrader
    reported an error), ``"timed out"`` (stopped by the per-student limit),
    ``"crashed"`` (the worker died), ``"refused"`` (not handed to nbgrader) or ``"rejected"``
    (a submission that cannot be graded as it stands: not handed to nbgrader, the reason kept).
    """

    student: str
    result: str
    seconds: float = 0.0
    message: str = ""


@dataclass
class Run:
    """The outcome of one autograde run."""

    assignment: str
    attempts: list[Attempt] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already graded, left alone
    seconds: float = 0.0
