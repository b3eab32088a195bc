"""workbook.grading.status and export on a small gradebook built directly (no kernels run)."""

from __future__ import annotations

import csv
import json
import os
from types import SimpleNamespace

import nbformat
import pytest
from nbgrader.api import Gradebook

from support.course import BIN
from workbook.course.directory import Course
from workbook.grading.export import COLUMNS, StatusCsvExportPlugin, grade_rows
from workbook.grading.status import STATUSES, submission_status

A = "weekly"
TEST_SOURCE = 'from workbook.grading import rubric\nrubric.require("plan_count")'


def _released() -> dict:
    cell = nbformat.v4.new_code_cell(TEST_SOURCE)
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": "test_plan_count", "locked": True, "points": 1,
                                 "schema_version": 3, "solution": False, "task": False}
    return json.loads(nbformat.writes(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Hi"), cell])))


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("status")
    # A new gradebook runs the `alembic` command (seconds each time: one gradebook per module).
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PATH", f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
        gradebook = Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}", "networking")
    gradebook.add_assignment(A)
    gradebook.add_notebook(A, A)
    gradebook.add_grade_cell("test_plan_count", A, A, max_score=1, cell_type="code")
    gradebook.add_source_cell("test_plan_count", A, A, cell_type="code", locked=True, source=TEST_SOURCE)
    names = {
        "graded": ("Ng", "Ana"), "waiting": ("Ng", "Bo"), "broken": ("Smith, Jr.", 'Jo "JJ"'),
        "notjson": ("X", "Y"), "oldformat": ("X", "Y"), "absent": ("<script>alert(1)</script>", "Zo\u00eb"),
        "emptyfolder": ("X", "Y"), "notyet": ("X", "Y"), "again": ("X", "Y"), "crashed": ("X", "Y"),
        "slow": ("X", "Y"), "edited": ("X", "Y"), "garbagetime": ("X", "Y"), "future": ("X", "Y"),
        "nojournal": ("X", "Y"), "disagreed": ("X", "Y"), "untyped": ("X", "Y"),
    }
    for student, (last, first) in names.items():
        gradebook.add_student(student, last_name=last, first_name=first)
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    coursedir = Course(tmp_path).app().coursedir

    def submit(student, notebook, *, autograde=True, score=1.0, manual=False, graded_notebook=None):
        folder = tmp_path / "submitted" / student / A
        folder.mkdir(parents=True)
        raw = notebook if isinstance(notebook, bytes) else json.dumps(notebook).encode()
        (folder / f"{A}.ipynb").write_bytes(raw)
        if autograde:
            submission = gradebook.add_submission(A, student)
            grade = submission.notebooks[0].grades[0]
            grade.auto_score, grade.needs_manual_grade = score, manual
            gradebook.db.commit()
            out = tmp_path / "autograded" / student / A
            out.mkdir(parents=True)
            (out / f"{A}.ipynb").write_text(json.dumps(graded_notebook or notebook), encoding="utf-8")
            os.utime(out / f"{A}.ipynb", (2_000_000, 2_000_000))
            os.utime(folder / f"{A}.ipynb", (1_000_000, 1_000_000))

    released = _released()
    submit("graded", released)
    submit("waiting", released, manual=True)
    submit("broken", b'{"cells": [', autograde=False)
    submit("notjson", b"\xff\xfe", autograde=False)
    submit("oldformat", {"nbformat": 3, "cells": []}, autograde=False)
    (tmp_path / "submitted" / "emptyfolder" / A).mkdir(parents=True)
    submit("notyet", released, autograde=False)
    submit("again", released)
    os.utime(tmp_path / "submitted" / "again" / A / f"{A}.ipynb", (3_000_000, 3_000_000))  # resubmitted since
    submit("crashed", released, autograde=False)
    gradebook.add_submission(A, "crashed")  # autograde started, then failed and left no notebook
    timed_out = json.loads(json.dumps(released))
    timed_out["cells"][0] = {"cell_type": "code", "id": "x", "metadata": {}, "source": "while 1: pass",
                             "execution_count": 1, "outputs": [{"output_type": "error", "ename": "CellTimeoutError",
                                                                "evalue": "", "traceback": []}]}
    submit("slow", released, graded_notebook=timed_out)
    submit("garbagetime", released, autograde=False)
    (tmp_path / "submitted" / "garbagetime" / A / "timestamp.txt").write_text("around noon-ish")
    submit("future", released)  # a notebook saved "in the future" is graded once, not retried for ever
    os.utime(tmp_path / "submitted" / "future" / A / f"{A}.ipynb", (4_000_000_000, 4_000_000_000))
    with_verdict = json.loads(json.dumps(released))
    with_verdict["metadata"]["workbook_grading"] = {"journal_kind": "missing", "journal_problem": "no journal.json"}
    submit("nojournal", released, graded_notebook=with_verdict, score=0.0)
    disagreed = json.loads(json.dumps(released))
    disagreed["metadata"]["workbook_grading"] = {
        "journal_kind": "", "disagreements": [{"item": "plan_count", "kernel": True, "data": False}],
        "oddities": [{"path": "json.py", "kind": "shadowing",
                      "detail": "json.py is named like the module 'json', which it would shadow"}]}
    submit("disagreed", released, graded_notebook=disagreed, score=0.0)
    unread = json.loads(json.dumps(released))  # as ScoreFromData leaves it: the item waits for a person
    unread["metadata"]["workbook_grading"] = {
        "journal_kind": "", "disagreements": [], "review": ["plan_count"],
        "typed_problems": ["cell 2 (typed answers) holds code other than values (line 1); it was not read"],
        "unread_typed": [{"item": "plan_count", "kernel": True, "data": False}]}
    submit("untyped", released, graded_notebook=unread, score=0.0, manual=True)
    edited = json.loads(json.dumps(released))
    edited["cells"][1]["source"] = "assert True"
    submit("edited", edited, manual=True)
    yield SimpleNamespace(gradebook=gradebook, coursedir=coursedir, root=tmp_path)
    gradebook.close()


@pytest.mark.parametrize(("student", "status", "detail"), [
    ("graded", "graded", "graded"),
    ("waiting", "needs_manual_grading", "waits for manual grading in the formgrader"),
    ("broken", "unreadable", "weekly.ipynb is not valid JSON (Expecting value at line 1)"),
    ("notjson", "unreadable", "weekly.ipynb is not UTF-8 text"),
    ("oldformat", "rejected", "weekly.ipynb has nbformat 3 and cannot be upgraded to version 4 (ValidationError); "
                              "open it in JupyterLab and save it, or ask the student to"),
    ("garbagetime", "rejected", "timestamp.txt says 'around noon-ish', which is not a time: nbgrader refuses to "
                                "grade the submission until timestamp.txt is fixed or removed"),
    ("future", "graded", "graded"),
    ("nojournal", "no_journal", "no journal.json was submitted, so no autograded point was earned"),
    ("disagreed", "tampered", "the kernel's verdict differed from the submitted data on plan_count (the data's "
                              "verdict was stored); files: json.py is named like the module 'json', which it "
                              "would shadow"),
    ("untyped", "needs_manual_grading", "typed answers: cell 2 (typed answers) holds code other than values "
                                        "(line 1); it was not read; the kernel's verdict differed on plan_count, "
                                        "which the unread typed answers may explain: a person decides (the data's "
                                        "score is the starting score); waits for manual grading in the formgrader"),
    ("absent", "missing", "nothing was submitted"),
    ("emptyfolder", "missing", "no notebook of the assignment was submitted"),
    ("notyet", "ungraded", "submitted, not autograded yet"),
    ("again", "ungraded", "weekly.ipynb was submitted again after it was autograded"),
    ("crashed", "unreadable", "autograding could not process weekly.ipynb (see the autograde log)"),
    ("slow", "timed_out", "cut off by the time limit: weekly:cell 1"),
    ("edited", "tampered", "locked cells changed (graded from the originals): test_plan_count edited; "
                           "waits for manual grading in the formgrader"),
])
def test_each_status(course, student, status, detail):
    state = submission_status(course.gradebook, A, student, course.coursedir)
    assert (state.status, state.detail) == (status, detail)
    assert state.status in STATUSES


def test_every_applying_status_is_flagged_in_order(course):
    state = submission_status(course.gradebook, A, "edited", course.coursedir)
    assert state.flags == ("tampered", "needs_manual_grading")
    assert state.as_dict()["tampered"] == [{"grade_id": "test_plan_count", "change": "edited",
                                            "detail": "line 1 reads 'assert True' instead of "
                                                      "'from workbook.grading import rubric'"}]


def test_a_class_reads_the_released_cells_once_and_gets_the_same_statuses_as_one_at_a_time(course, monkeypatch):
    from workbook.grading import status

    one_at_a_time = {s: submission_status(course.gradebook, A, s, course.coursedir) for s in ("graded", "edited")}
    reads = []
    real = status.reference_from_gradebook
    monkeypatch.setattr(status, "reference_from_gradebook", lambda *args: reads.append(args) or real(*args))
    together = status.assignment_statuses(course.gradebook, A, course.coursedir)
    assert len(reads) == 1  # every graded student compared with one reading of the gradebook
    assert {s: together[s] for s in one_at_a_time} == one_at_a_time
    assert together["edited"].tampered[0].change == "edited"


def test_export_rows_keep_real_zeros_apart_from_problems(course):
    rows = {r["student_id"]: r for r in grade_rows(course.gradebook, course.coursedir)}
    assert (rows["graded"]["raw_score"], rows["graded"]["score"], rows["graded"]["status"]) == ("1.0", "1.0", "graded")
    assert (rows["absent"]["score"], rows["absent"]["status"]) == ("0.0", "missing")
    for student in ("broken", "notyet", "crashed"):
        assert (rows[student]["raw_score"], rows[student]["score"]) == ("", ""), student
    assert list(rows["graded"]) == list(COLUMNS)


def test_export_plugin_writes_a_csv_that_survives_hostile_names(course, monkeypatch):
    monkeypatch.chdir(course.root)  # without an nbgrader app around it, the plugin reads the course here
    StatusCsvExportPlugin(student=["broken", "absent"]).export(course.gradebook)
    out = course.root / "grades.csv"
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["student_id"], r["last_name"], r["first_name"], r["status"]) for r in rows] == [
        ("absent", "<script>alert(1)</script>", "Zo\u00eb", "missing"),
        ("broken", "Smith, Jr.", 'Jo "JJ"', "unreadable"),
    ]
