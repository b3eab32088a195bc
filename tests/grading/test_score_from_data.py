"""ScoreFromData on a gradebook built directly: the data's verdict is the grade, whatever the kernel said."""

from __future__ import annotations

import os

import nbformat
import pytest
from nbgrader.api import Gradebook

from support.course import BIN
from workbook.grading.data.verdict import METADATA_KEY, ItemVerdict, Verdict
from workbook.grading.read_submission import RESOURCE_KEY
from workbook.grading.score_from_data import ScoreFromData

A = "weekly"
ITEMS = ("plan_count", "plan_open_ended", "plan_categories")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("scores")  # one gradebook: creating one runs alembic
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PATH", f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
        gradebook = Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}", "networking")
    gradebook.add_assignment(A)
    gradebook.add_notebook(A, A)
    for item in ITEMS:
        gradebook.add_grade_cell(f"test_{item}", A, A, max_score=1, cell_type="code")
    gradebook.add_student("s1")
    gradebook.add_submission(A, "s1")
    yield gradebook, f"sqlite:///{tmp_path / 'gradebook.db'}"
    gradebook.close()


def _cell(item: str, failed_in_kernel: bool):
    cell = nbformat.v4.new_code_cell(f'rubric.require("{item}")')
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": f"test_{item}", "locked": True, "points": 1,
                                 "schema_version": 3, "solution": False, "task": False}
    if failed_in_kernel:
        cell.outputs = [nbformat.v4.new_output("error", ename="RubricFailure", evalue="no", traceback=[])]
    return cell


def _stored(gradebook, student: str) -> dict:
    """Each item's (auto score, needs manual grade) as the gradebook holds them now."""
    gradebook.db.expire_all()
    grades = {i: gradebook.find_grade(f"test_{i}", A, A, student) for i in ITEMS}
    return {i: (grade.auto_score, grade.needs_manual_grade) for i, grade in grades.items()}


def test_the_datas_verdict_is_stored_the_kernels_disagreement_named_and_unsure_items_left_to_a_person(graded):
    gradebook, url = graded
    kernel_passed = {"plan_count": True, "plan_open_ended": False, "plan_categories": True}
    for item, passed in kernel_passed.items():  # what SaveAutoGrades stored from the kernel's cells
        grade = gradebook.find_grade(f"test_{item}", A, A, "s1")
        grade.auto_score, grade.needs_manual_grade = (1.0 if passed else 0.0), False
    gradebook.db.commit()
    verdict = Verdict(A, items={
        "plan_count": ItemVerdict("plan_count", 0.0, 1.0, False, False, "Only 4 questions."),  # the kernel lied
        "plan_open_ended": ItemVerdict("plan_open_ended", 0.0, 1.0, False, False, "Two are yes/no."),
        "plan_categories": ItemVerdict("plan_categories", 1.0, 1.0, True, True, "Probably all four."),  # unsure
    })
    nb = nbformat.v4.new_notebook(cells=[_cell(i, not p) for i, p in kernel_passed.items()])
    resources = {"nbgrader": {"db_url": url, "notebook": A, "assignment": A, "student": "s1"},
                 RESOURCE_KEY: verdict, "workbook_sandbox": "bubblewrap"}
    nb, _ = ScoreFromData().preprocess(nb, resources)
    grades = _stored(gradebook, "s1")
    assert grades == {"plan_count": (0.0, False), "plan_open_ended": (0.0, False), "plan_categories": (1.0, True)}
    record = nb.metadata[METADATA_KEY]
    assert record["disagreements"] == [{"item": "plan_count", "kernel": True, "data": False}]
    assert record["review"] == ["plan_categories"] and record["sandbox"] == "bubblewrap"
    note = nb.cells[0].outputs[-1]
    assert note.name == "stderr" and "not met (0 of 1 points). Only 4 questions." in note.text


def test_a_disagreement_an_unread_typed_cell_explains_goes_to_a_person_not_to_tampered(graded):
    gradebook, url = graded
    gradebook.add_student("s2")
    gradebook.add_submission(A, "s2")
    for item in ITEMS:  # the kernel ran a typed cell the grader could not read, and it saved a full plan
        grade = gradebook.find_grade(f"test_{item}", A, A, "s2")
        grade.auto_score, grade.needs_manual_grade = 1.0, False
    gradebook.db.commit()
    verdict = Verdict(A, typed_unread=True, typed_problems=["cell 3 (typed answers) holds code other than values"],
                      items={"plan_count": ItemVerdict("plan_count", 0.0, 1.0, False, False, "No plan saved."),
                             "plan_open_ended": ItemVerdict("plan_open_ended", 1.0, 1.0, True, False, ""),
                             "plan_categories": ItemVerdict("plan_categories", 1.0, 1.0, True, False, "")})
    nb = nbformat.v4.new_notebook(cells=[_cell(i, False) for i in ITEMS])
    resources = {"nbgrader": {"db_url": url, "notebook": A, "assignment": A, "student": "s2"}, RESOURCE_KEY: verdict}
    nb, _ = ScoreFromData().preprocess(nb, resources)
    grades = _stored(gradebook, "s2")
    assert grades == {"plan_count": (0.0, True), "plan_open_ended": (1.0, False), "plan_categories": (1.0, False)}
    record = nb.metadata[METADATA_KEY]
    assert record["disagreements"] == [] and record["review"] == ["plan_count"]
    assert record["unread_typed"] == [{"item": "plan_count", "kernel": True, "data": False}]
    assert "could not read it; your instructor will look at this item." in nb.cells[0].outputs[-1].text


def test_a_notebook_without_a_verdict_is_left_as_nbgrader_graded_it(graded):
    _, url = graded
    nb = nbformat.v4.new_notebook(cells=[_cell("plan_count", False)])
    resources = {"nbgrader": {"db_url": url, "notebook": A, "assignment": A, "student": "s1"}}
    out, _ = ScoreFromData().preprocess(nb, resources)
    assert METADATA_KEY not in out.metadata
