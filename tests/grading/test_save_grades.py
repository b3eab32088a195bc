"""SaveAutoGradesOnce stores what nbgrader's SaveAutoGrades stores, in one commit per notebook."""

from __future__ import annotations

import os

import nbformat
import pytest
from nbgrader.api import Gradebook
from nbgrader.preprocessors import SaveAutoGrades
from sqlalchemy import event
from sqlalchemy.orm import Session

from support.course import BIN
from workbook.grading.runner.worker import pipeline
from workbook.grading.save_grades import NAME, SaveAutoGradesOnce, in_place_of_nbgrader

A = "weekly"
STUDENTS = ("theirs", "ours", "broken")


def _graded_cell(grade_id: str, points: int, outputs=(), cell_type="code", solution=False):
    make = nbformat.v4.new_code_cell if cell_type == "code" else nbformat.v4.new_markdown_cell
    cell = make("x = 1")
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": grade_id, "locked": not solution, "points": points,
                                 "schema_version": 3, "solution": solution, "task": False}
    if cell_type == "code":
        cell.outputs = [nbformat.from_dict(o) for o in outputs]
    return cell


ERROR = {"output_type": "error", "ename": "RubricFailure", "evalue": "no", "traceback": []}
PARTIAL = {"output_type": "execute_result", "execution_count": 1, "metadata": {}, "data": {"text/plain": "0.5"}}


def _notebook():
    return nbformat.v4.new_notebook(cells=[
        _graded_cell("test_passes", 2),
        _graded_cell("test_fails", 1, [ERROR]),
        _graded_cell("test_partial", 2, [PARTIAL]),
        _graded_cell("reflection", 2, cell_type="markdown", solution=True),
    ])


@pytest.fixture()
def gradebook_url(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")  # a new gradebook runs alembic
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with Gradebook(url) as gradebook:
        gradebook.add_assignment(A)
        gradebook.add_notebook(A, A)
        for cell in _notebook().cells:
            meta = cell.metadata.nbgrader
            gradebook.add_grade_cell(meta.grade_id, A, A, max_score=meta.points, cell_type=cell.cell_type)
            if meta.solution:
                gradebook.add_solution_cell(meta.grade_id, A, A)
        for student in STUDENTS:
            gradebook.add_student(student)
            gradebook.add_submission(A, student)
    return url


def _resources(url, student):
    return {"nbgrader": {"notebook": A, "assignment": A, "student": student, "db_url": url}}


def _stored(url, student):
    with Gradebook(url) as gradebook:
        grades = gradebook.find_submission_notebook(A, A, student).grades
        comments = gradebook.find_submission_notebook(A, A, student).comments
        return ({g.name: (g.auto_score, g.needs_manual_grade) for g in grades},
                {c.name: c.auto_comment for c in comments})


@pytest.fixture()
def commits():
    seen = []

    def count(_session):
        seen.append(1)

    event.listen(Session, "after_commit", count)
    yield seen
    event.remove(Session, "after_commit", count)


def test_the_same_grades_and_comments_as_nbgraders_step_in_one_commit(gradebook_url, commits):
    SaveAutoGrades().preprocess(_notebook(), _resources(gradebook_url, "theirs"))
    theirs = len(commits)
    commits.clear()
    SaveAutoGradesOnce().preprocess(_notebook(), _resources(gradebook_url, "ours"))
    # Opening the gradebook commits once (nbgrader's check_course); then nbgrader commits four grades and a
    # comment one by one, this step all five together.
    assert (theirs, len(commits)) == (1 + 5, 1 + 1)
    expected = ({"test_passes": (2.0, False), "test_fails": (0.0, False), "test_partial": (0.5, False),
                 "reflection": (None, True)}, {"reflection": None})
    assert _stored(gradebook_url, "theirs") == expected
    assert _stored(gradebook_url, "ours") == expected


def test_a_notebook_that_fails_half_way_leaves_no_grade_of_it_stored(gradebook_url):
    before = _stored(gradebook_url, "broken")
    notebook = _notebook()
    notebook.cells.insert(2, _graded_cell("not_in_the_gradebook", 1))
    with pytest.raises(Exception, match="No such grade"):
        SaveAutoGradesOnce().preprocess(notebook, _resources(gradebook_url, "broken"))
    assert _stored(gradebook_url, "broken") == before  # test_passes was scored, flushed, never committed
    assert before[0]["test_passes"] == (None, True)  # as add_submission left it


def test_workers_put_it_in_place_of_nbgraders_step_and_nowhere_else():
    course = ["workbook.grading.read_submission.ReadSubmission", "nbgrader.preprocessors.SaveAutoGrades",
              "workbook.grading.score_from_data.ScoreFromData"]
    assert in_place_of_nbgrader(course) == [course[0], NAME, course[2]]
    default = in_place_of_nbgrader([SaveAutoGrades, "nbgrader.preprocessors.LimitOutput"])
    assert default == [NAME, "nbgrader.preprocessors.LimitOutput"]


def test_a_worker_reads_the_courses_pipeline_or_nbgraders_default():
    from traitlets.config import Config
    from nbgrader.converters import Autograde
    from types import SimpleNamespace

    assert pipeline(SimpleNamespace(config=Config())) == list(Autograde.class_traits()["autograde_preprocessors"].default())
    configured = Config({"Autograde": {"autograde_preprocessors": ["a", "b"]}})
    assert pipeline(SimpleNamespace(config=configured)) == ["a", "b"]
