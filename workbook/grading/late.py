"""Late penalties from the course plan, applied by nbgrader's own AssignLatePenalties step.

nbgrader asks its late-submission plugin for a penalty with the student, the
score and the seconds late, but not the assignment; the plugin's parent (the
AssignLatePenalties preprocessor) knows the assignment, so this plugin looks
that assignment up in assignments/course_plan.toml and applies its policy:

- ``none``: no penalty (the submission is still marked late by nbgrader);
- ``zero``: the whole score;
- ``per_day``: ``late_penalty_per_day`` of the assignment's points for each
  started day late (nbgrader caps a penalty at the score).

The rule itself is AssignmentPlan.late_penalty, so the demo's answer key
computes penalties without importing nbgrader.
"""

from __future__ import annotations

from pathlib import Path

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Unicode

from ..course.plan import load_plan
from ..course.root import PLAN_FILE, find_root
from ..errors import CoursePlanError


class PlanLatePenalty(LateSubmissionPlugin):
    """nbgrader late-submission plugin that follows each assignment's policy in the course plan."""

    plan_file = Unicode(
        "", help="The course plan to read; empty means assignments/course_plan.toml under the course root."
    ).tag(config=True)

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        assignment_id = getattr(self.parent, "assignment_id", None)
        try:
            path = Path(self.plan_file) if self.plan_file else find_root() / PLAN_FILE
            assignment = load_plan(path).assignment(assignment_id)
        except (CoursePlanError, KeyError) as exc:
            # A grade must never hang on the plan: report it and fall back to nbgrader's own setting.
            self.log.warning("No late policy from the course plan for %r (%s); using penalty_method=%r",
                             assignment_id, exc, self.penalty_method)
            return super().late_submission_penalty(student_id, score, total_seconds_late)
        penalty = assignment.late_penalty(score, total_seconds_late)
        self.log.info("%s is %.0f s late on %s: policy %s, penalty %s", student_id, total_seconds_late,
                      assignment_id, assignment.late_policy, penalty)
        return penalty
