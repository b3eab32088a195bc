"""What a parallel autograde run reports: one Attempt per student handed to nbgrader, and the Run."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Attempt:
    """How one student's grading went, as the runner saw it.

    ``result``: ``"graded"`` (nbgrader finished), ``"failed"`` (nbgrader
    reported an error), ``"timed out"`` (stopped by the per-student limit),
    ``"crashed"`` (the worker died) or ``"refused"`` (not handed to nbgrader).
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
