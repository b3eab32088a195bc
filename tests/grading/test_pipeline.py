"""The real nbgrader pipeline on the informational interview: generate, autograde, feedback, export.

One course copy and one autograde run over every fixture student (module
scope); each test then reads one outcome. Expected scores come from the
rubric's points, written out as numbers so a change of rubric shows up here.
"""

from __future__ import annotations

import copy
import csv
import html
import json
import re

import pytest

from support.course import make_course
from support.paths import JOURNALS
from workbook.grading import rubric

pytestmark = pytest.mark.slow

ASSIGNMENT = "informational_interview"
AUTOGRADED_POINTS = 28.0  # 30 in all; the 2-point reflection is graded by hand
PARTIAL_POINTS = 16.0  # five answers thin or missing (2 each), a thank-you on day 5 (1) saying nothing specific (1)
HIDDEN_LINE = 'rubric.require("answer_average_day")'  # appears only inside a hidden-test region
VISIBLE_LINE = 'rubric.require_saved("answer_average_day")'
BROKEN_NOTEBOOK = b'{"cells": [{"cell_type": "code", "source": "print(1)"'  # cut off mid-way


def _cell_index(notebook: dict, grade_id: str) -> int:
    return next(i for i, cell in enumerate(notebook["cells"])
                if cell["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def _code_cell(source: str, cell_id: str) -> dict:
    return {"cell_type": "code", "id": cell_id, "metadata": {}, "source": source, "outputs": [],
            "execution_count": None}


def _typed_cell_index(notebook: dict) -> int:
    return next(i for i, cell in enumerate(notebook["cells"]) if "typed_interview = None" in "".join(cell["source"]))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The course after the whole pipeline has run once over every fixture student."""
    course = make_course(tmp_path_factory.mktemp("pipeline"))
    course.nbgrader("generate_assignment", ASSIGNMENT)
    released = course.released(ASSIGNMENT)

    course.submit("good", ASSIGNMENT, released, JOURNALS / "complete.json")
    course.submit("partial", ASSIGNMENT, released, JOURNALS / "partial.json")
    course.submit("unchanged", ASSIGNMENT, released)  # the released notebook, nothing saved

    edited = copy.deepcopy(released)  # a test the partial journal fails, edited to pass
    edited["cells"][_cell_index(edited, "test_answer_outlook")]["source"] = "assert True"
    course.submit("tamperer", ASSIGNMENT, edited, JOURNALS / "partial.json")

    looping = copy.deepcopy(released)
    looping["cells"].insert(2, _code_cell("while True:\n    pass", "endless-loop"))
    course.submit("looper", ASSIGNMENT, looping, JOURNALS / "complete.json")

    # The typed-answers cell raises on a date it cannot read, so the thank-you never gets saved.
    raising = copy.deepcopy(released)
    raising["cells"][_typed_cell_index(raising)]["id"] = "typed-answers"
    raising["cells"][_typed_cell_index(raising)]["source"] = (
        'typed_interview = {"name": "Dana Whitfield", "organization": "Riverbend Water Authority", '
        '"category": "alumni", "thank_you_sent": "next Tuesday"}\n'
        "from workbook.grading import answers\n"
        "answers.save_typed_interview(typed_interview)"
    )
    course.submit("raiser", ASSIGNMENT, raising, JOURNALS / "no_thank_you.json")

    deleted = copy.deepcopy(released)
    del deleted["cells"][_cell_index(deleted, "test_interview_length")]
    course.submit("deleter", ASSIGNMENT, deleted, JOURNALS / "complete.json")

    course.submit("corrupt", ASSIGNMENT, released, JOURNALS / "corrupt.json")
    course.submit("broken", ASSIGNMENT, BROKEN_NOTEBOOK, JOURNALS / "complete.json")
    course.nbgrader("db", "student", "add", "absent", "--last-name=O'Brien, Jr.", "--first-name=Zoë")

    # nbgrader exits 1 when any one submission failed (the broken one) after grading all others.
    autograde = course.nbgrader("autograde", ASSIGNMENT, check=False)
    feedback = course.nbgrader("generate_feedback", ASSIGNMENT, check=False)
    course.nbgrader("export", "--to", "grades.csv")
    with open(course.path("grades.csv"), newline="", encoding="utf-8") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    return {"course": course, "autograde": autograde, "feedback": feedback, "rows": rows}


def _scores(course, student):
    with course.gradebook() as gradebook:
        submission = gradebook.find_submission(ASSIGNMENT, student)
        grades = {g.name: (g.auto_score, g.needs_manual_grade) for g in submission.notebooks[0].grades}
        return submission.score, grades


def _feedback_text(course, student) -> str:
    page = course.path("feedback", student, ASSIGNMENT, f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _autograded(course, student) -> dict:
    return json.loads(course.path("autograded", student, ASSIGNMENT, f"{ASSIGNMENT}.ipynb").read_text("utf-8"))


def test_autograde_grades_every_readable_submission_and_reports_the_broken_one(graded):
    assert graded["autograde"].returncode == 1
    log = graded["autograde"].stdout + graded["autograde"].stderr
    assert "There was an error processing assignment 'informational_interview' for student 'broken'" in log
    for student in ("good", "partial", "unchanged", "tamperer", "looper", "raiser", "deleter", "corrupt"):
        assert graded["course"].path("autograded", student, ASSIGNMENT, f"{ASSIGNMENT}.ipynb").is_file(), student


def test_complete_answers_earn_every_autograded_point(graded):
    score, grades = _scores(graded["course"], "good")
    assert score == AUTOGRADED_POINTS == rubric.autograded_points(ASSIGNMENT)
    assert grades["reflection"] == (None, True)  # waits for the grader
    assert graded["rows"]["good"]["score"] == "28.0"
    assert graded["rows"]["good"]["status"] == "needs_manual_grading"


def test_partial_answers_earn_exactly_the_rubric_partial_score(graded):
    score, grades = _scores(graded["course"], "partial")
    doc = json.loads((JOURNALS / "partial.json").read_text(encoding="utf-8"))
    assert score == PARTIAL_POINTS == rubric.score(ASSIGNMENT, doc)
    failed = sorted(name for name, (auto, _) in grades.items() if auto == 0)
    assert failed == ["test_answer_advice", "test_answer_entry_earnings", "test_answer_outlook",
                      "test_answer_skills", "test_answer_working_conditions", "test_thank_you_note",
                      "test_thank_you_on_time"]


def test_released_notebook_submitted_unchanged_scores_zero(graded):
    score, grades = _scores(graded["course"], "unchanged")
    assert score == 0.0
    assert all(auto == 0 for name, (auto, _) in grades.items() if name != "reflection")
    text = _feedback_text(graded["course"], "unchanged")
    assert "No saved answers: there is no journal.json in this assignment's folder." in text


def test_edited_test_cell_is_graded_from_the_original_and_reported(graded):
    course = graded["course"]
    score, grades = _scores(course, "tamperer")
    assert score == PARTIAL_POINTS  # the edited "assert True" did not count
    assert grades["test_answer_outlook"][0] == 0
    row = graded["rows"]["tamperer"]
    assert row["status"] == "tampered"
    assert "test_answer_outlook edited" in row["status_detail"]
    assert graded["rows"]["partial"]["status"] == "needs_manual_grading"  # same answers, untouched notebook


def test_endless_loop_is_cut_off_and_the_rest_graded(graded):
    course = graded["course"]
    score, _ = _scores(course, "looper")
    assert score == AUTOGRADED_POINTS
    loop_cell = next(c for c in _autograded(course, "looper")["cells"] if c.get("id") == "endless-loop")
    assert [o["ename"] for o in loop_cell["outputs"] if o["output_type"] == "error"][-1] == "CellTimeoutError"
    assert graded["rows"]["looper"]["status"] == "timed_out"


def test_a_raising_cell_fails_only_what_depends_on_it(graded):
    course = graded["course"]
    score, grades = _scores(course, "raiser")
    assert score == AUTOGRADED_POINTS - 2
    assert sorted(n for n, (auto, _) in grades.items() if auto == 0) == ["test_thank_you_note",
                                                                        "test_thank_you_on_time"]
    typed = next(c for c in _autograded(course, "raiser")["cells"] if c.get("id") == "typed-answers")
    assert [o["ename"] for o in typed["outputs"] if o["output_type"] == "error"] == ["JournalValueError"]


def test_deleted_test_cell_is_restored_and_graded(graded):
    course = graded["course"]
    score, grades = _scores(course, "deleter")
    assert score == AUTOGRADED_POINTS
    assert grades["test_interview_length"] == (1.0, False)
    row = graded["rows"]["deleter"]
    assert row["status"] == "tampered" and "test_interview_length deleted" in row["status_detail"]


def test_corrupt_answers_fail_with_a_clear_message_and_the_notebook_is_graded(graded):
    score, _ = _scores(graded["course"], "corrupt")
    assert score == 0.0
    text = _feedback_text(graded["course"], "corrupt")
    assert "Your saved answers (journal.json) could not be read: is not valid JSON" in text
    assert graded["rows"]["corrupt"]["raw_score"] == "0.0"


def test_unreadable_notebook_is_exported_as_unreadable_not_as_zero(graded):
    row = graded["rows"]["broken"]
    assert row["status"] == "unreadable"
    assert row["status_detail"].startswith("informational_interview.ipynb is not valid JSON")
    assert (row["raw_score"], row["score"]) == ("", "")
    assert not graded["course"].path("feedback", "broken").exists()


def test_student_without_submission_is_missing_with_a_zero(graded):
    row = graded["rows"]["absent"]
    assert (row["status"], row["score"], row["last_name"], row["first_name"]) == ("missing", "0.0", "O'Brien, Jr.", "Zoë")


def test_export_keeps_nbgrader_columns_and_adds_status(graded):
    header = graded["course"].path("grades.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ("assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,"
                      "late_submission_penalty,score,max_score,status,status_detail")
    assert sorted(graded["rows"]) == ["absent", "broken", "corrupt", "deleter", "good", "looper", "partial",
                                      "raiser", "tamperer", "unchanged"]
    assert {row["max_score"] for row in graded["rows"].values()} == {"30.0"}


def test_feedback_never_shows_hidden_tests(graded):
    course = graded["course"]
    assert graded["feedback"].returncode == 0
    sources = ["".join(cell["source"]) for cell in _autograded(course, "partial")["cells"]]
    assert any(HIDDEN_LINE in source for source in sources)  # it is there to leak
    pages = sorted(course.path("feedback").glob(f"*/{ASSIGNMENT}/{ASSIGNMENT}.html"))
    assert len(pages) == 8
    for page in pages:
        text = _feedback_text(course, page.parts[-3])
        assert HIDDEN_LINE not in text, page
        assert "BEGIN HIDDEN TESTS" not in text, page
        assert VISIBLE_LINE in text, page  # the visible part stays


def test_feedback_shows_failed_hidden_checks_by_their_message(graded):
    text = _feedback_text(graded["course"], "partial")
    assert ("RubricFailure: Your answer to \u201cWhat specific skills and aptitudes does this kind of work call for?\u201d "
            "is only a placeholder.") in text


def test_student_text_is_escaped_in_feedback(graded):
    page = graded["course"].path("feedback", "good", ASSIGNMENT, f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert('not run')&lt;/script&gt; caf\u00e9 na\u00efve \u65e5\u672c\u8a9e" in page


def test_a_manual_grade_completes_the_submission(graded):
    course = graded["course"]
    with course.gradebook() as gradebook:
        grade = gradebook.find_grade("reflection", ASSIGNMENT, ASSIGNMENT, "good")
        grade.manual_score = 2
        grade.needs_manual_grade = False
        gradebook.db.commit()
    out = course.path("after-manual.csv")
    course.nbgrader("export", "--to", str(out), "--assignment", ASSIGNMENT, "--student", "good")
    with open(out, newline="", encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["student_id"], row["score"], row["status"], row["status_detail"]) == ("good", "30.0", "graded", "graded")
