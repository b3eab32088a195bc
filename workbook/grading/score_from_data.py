"""nbgrader step, after SaveAutoGrades: the grades nbgrader stores are the ones judged from the data.

The test cells ran in the student's kernel and SaveAutoGrades stored what
they said; that verdict is only the student's feedback. For every graded
cell ``test_<rubric item>`` this step stores the item's points as judged by
``ReadSubmission`` from the submitted journal, before any student code ran.
Where the kernel's verdict differs, the data's stands and the notebook
records the item (the submission's status is then ``tampered``), unless the
cell was cut off by the time limit (``timed_out`` says so already). An item
the check is unsure of (``Outcome.review``) is left for a person: the
suggestion is the starting score and the cell waits for manual grading.
Where the disagreement may come from a typed-answers cell the grader could not
read as values (``Verdict.typed_unread``: say ``dict(name=...)`` or a loop), it
is no proof of tampering: the data's score is the starting score and a person
decides, as for an unsure item.
The verdict is kept in the graded notebook's metadata for the status.
"""

from __future__ import annotations

from nbgrader import utils
from nbgrader.api import Gradebook
from nbgrader.preprocessors import NbGraderPreprocessor

from .data.verdict import METADATA_KEY
from .read_submission import RESOURCE_KEY

GRADE_ID_PREFIX = "test_"
TIMEOUT_ENAME = "CellTimeoutError"
DEAD_KERNEL_ENAME = "DeadKernelError"  # execute.DEAD_KERNEL_ENAME (this step imports no Execute)


def rubric_item_of(cell) -> str | None:
    """The rubric item a graded test cell awards (``test_<item>``), or None."""
    grade_id = cell.metadata.get("nbgrader", {}).get("grade_id") or ""
    return grade_id[len(GRADE_ID_PREFIX):] if grade_id.startswith(GRADE_ID_PREFIX) else None


def _timed_out(cell) -> bool:
    """Cut off by the time limit, or never run because the kernel had died (the status says which)."""
    return any(o.get("ename") in (TIMEOUT_ENAME, DEAD_KERNEL_ENAME) for o in cell.get("outputs", []))


class ScoreFromData(NbGraderPreprocessor):
    """Store the data's verdict as each test cell's auto score; record where the kernel said otherwise."""

    def preprocess(self, nb, resources):
        verdict = resources.get(RESOURCE_KEY)
        if verdict is None:
            return nb, resources
        info = resources["nbgrader"]
        disagreements, manual, unread = [], [], []
        with Gradebook(info["db_url"]) as gradebook:
            for cell in nb.cells:
                item_id = rubric_item_of(cell) if utils.is_grade(cell) else None
                judged = verdict.items.get(item_id) if item_id else None
                if judged is None:
                    continue
                grade = gradebook.find_grade(cell.metadata.nbgrader.grade_id, info["notebook"], info["assignment"],
                                             info["student"])
                kernel_passed = bool(grade.auto_score) and grade.auto_score >= judged.max_points
                disagreed = kernel_passed != judged.passed and not _timed_out(cell)
                if disagreed:
                    (unread if verdict.typed_unread else disagreements).append(
                        {"item": item_id, "kernel": kernel_passed, "data": judged.passed})
                    cell.outputs.append(_note(judged, verdict.typed_unread))
                grade.auto_score = judged.points
                to_person = judged.review or (disagreed and verdict.typed_unread)
                grade.needs_manual_grade = to_person or grade.manual_score is not None
                if to_person:
                    manual.append(item_id)
            gradebook.db.commit()
        record = verdict.as_dict()
        record.update(disagreements=disagreements, unread_typed=unread, review=manual,
                      sandbox=_sandbox_of(resources))
        nb.metadata[METADATA_KEY] = record
        for found in disagreements:
            self.log.warning("Tampered: the kernel's verdict on %s differs from the submitted data's", found["item"])
        return nb, resources


def _sandbox_of(resources) -> str:
    return str(resources.get("workbook_sandbox") or "")


def _note(judged, typed_unread: bool = False):
    from nbformat.v4 import new_output

    said = "met" if judged.passed else "not met"
    person = (" Your typed-answers cell holds more than plain values, so the grader could not read it; "
              "your instructor will look at this item.") if typed_unread else ""
    return new_output("stream", name="stderr", text=(
        f"The grader judged this item from your submitted journal: {said} ({judged.points:g} of "
        f"{judged.max_points:g} points). {judged.message}{person}\n"))
