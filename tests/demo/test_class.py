"""The demo's synthetic class without nbgrader: the mix, the files each student hands in, determinism.

Submissions are written into a bare folder holding only the committed
release notebook, so every test here runs in well under a second.
"""

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from support.paths import REPO
from workbook.cli import main
from workbook.course.gradebook import read_roster, utc_due
from workbook.course.plan import load_plan
from workbook.demo.course import ASSIGNMENT, COPIED, copy_course
from workbook.demo.run import OWNED, DemoError, compare_with_key, prepare_output
from workbook.demo.submissions import (
    KEY_COLUMNS, PASTED_MARKUP, TAMPERED_CELL, class_mix, make_class, submit_class, write_key, write_roster,
)
from workbook.grading import rubric
from workbook.grading.tamper import find_tampered_cells
from workbook.journal.model import Journal
from workbook.report.collect import parse_timestamp

PLAN = load_plan(REPO / "assignments" / "course_plan.toml")
RELEASED = REPO / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
DUE_UTC = utc_due(PLAN.assignment(ASSIGNMENT).due)


def _course_with_release(folder: Path) -> Path:
    target = folder / "release" / ASSIGNMENT
    target.mkdir(parents=True)
    shutil.copy(RELEASED, target)
    return folder


@pytest.fixture(scope="module")
def class8():
    return make_class(8, seed=0)


@pytest.fixture(scope="module")
def submitted(tmp_path_factory, class8):
    root = _course_with_release(tmp_path_factory.mktemp("demo-class"))
    return root, submit_class(root, class8, PLAN, seed=0)


def _of_kind(submissions, kind):
    return [s for s in submissions if s.student.kind == kind]


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "submitted").rglob("*"))
            if p.is_file()}


# -- the class ------------------------------------------------------------------------------


@pytest.mark.parametrize("n, mix", [
    (7, {"excellent": 1, "solid": 1, "thin": 1, "late": 1, "unreadable": 1, "tampered": 1, "absent": 1}),
    (8, {"excellent": 1, "solid": 2, "thin": 1, "late": 1, "unreadable": 1, "tampered": 1, "absent": 1}),
    (40, {"excellent": 12, "solid": 14, "thin": 8, "late": 3, "unreadable": 1, "tampered": 1, "absent": 1}),
])
def test_every_class_has_each_kind_and_adds_up(n, mix):
    assert class_mix(n) == mix
    assert sum(mix.values()) == n


@pytest.mark.parametrize("n", [6, 0, -1, 501])
def test_a_class_too_small_for_every_kind_or_too_large_is_refused(n):
    with pytest.raises(ValueError, match=f"a demo class has 7 to 500 students, not {n}"):
        class_mix(n)


def test_the_same_seed_gives_the_same_class_and_another_seed_another():
    first, again, other = make_class(40, seed=0), make_class(40, seed=0), make_class(40, seed=1)
    assert first == again
    assert first != other
    assert [s.id for s in first] == [f"s{n:03d}" for n in range(1, 41)]
    assert len({(s.first_name, s.last_name) for s in first}) == 40


def test_the_roster_is_one_that_workbook_roster_accepts(tmp_path, class8):
    path = write_roster(tmp_path / "roster.csv", class8)
    rows = read_roster(path)
    assert [(r.id, r.first_name, r.last_name, r.email) for r in rows] == [
        (s.id, s.first_name, s.last_name, f"{s.id}@students.example.edu") for s in class8]


# -- what each student hands in --------------------------------------------------------------


def test_everyone_but_the_absent_student_submits_notebook_journal_and_timestamp(submitted, class8):
    root, submissions = submitted
    assert [s.student for s in submissions] == class8
    for submission in submissions:
        folder = root / "submitted" / submission.student.id / ASSIGNMENT
        if submission.student.kind == "absent":
            assert submission.folder is None and not folder.exists()
            continue
        assert submission.folder == folder
        assert sorted(p.name for p in folder.iterdir()) == [f"{ASSIGNMENT}.ipynb", "journal.json", "timestamp.txt"]
        assert parse_timestamp((folder / "timestamp.txt").read_text(encoding="utf-8")) == submission.submitted


def test_late_work_arrives_after_the_due_date_and_the_rest_before(submitted):
    _root, submissions = submitted
    for submission in submissions:
        if submission.student.kind == "absent":
            continue
        if submission.student.kind == "late":
            assert submission.late and DUE_UTC + dt.timedelta(hours=6) <= submission.submitted <= DUE_UTC + dt.timedelta(days=3)
        else:
            assert not submission.late and DUE_UTC - dt.timedelta(days=4) <= submission.submitted < DUE_UTC


def test_journals_are_valid_and_score_what_each_profile_promises(submitted):
    root, submissions = submitted
    for submission in submissions:
        if submission.folder is None:
            continue
        doc = Journal(submission.folder / "journal.json").read()  # the full structure and entry checks
        assert doc["student"]["name"] == f"{submission.student.first_name} {submission.student.last_name}"
        score = rubric.score(ASSIGNMENT, doc, submission.submitted.date())  # judged as of its hand-in day
        expected = {"excellent": 28.0, "thin": 13.0, "tampered": 13.0, "unreadable": None}.get(submission.student.kind)
        if submission.student.kind in ("solid", "late"):
            assert score in (24.0, 26.0, 28.0) and submission.expected_score == score
        else:
            assert submission.expected_score == expected
            if expected is not None:
                assert score == expected


def test_nothing_in_a_journal_is_dated_after_it_was_handed_in(submitted):
    _root, submissions = submitted
    for submission in submissions:
        if submission.folder is None:
            continue
        doc = json.loads((submission.folder / "journal.json").read_text(encoding="utf-8"))
        last = submission.submitted.date().isoformat()
        assert max(c["added"] for c in doc["contacts"]) <= last
        assert max(i["date"] for i in doc["interactions"]) <= last
        assert len(doc["interviews"]) == 1 and doc["interviews"][0]["date"] < last


def test_a_thin_record_fails_exactly_the_items_its_profile_names(submitted):
    _root, submissions = submitted
    thin = _of_kind(submissions, "thin")[0]
    doc = Journal(thin.folder / "journal.json").read()
    failed = sorted(o.item.id for o in rubric.outcomes(ASSIGNMENT, doc, thin.submitted.date()) if not o.passed)
    answers_failed = [f for f in failed if f.startswith("answer_")]
    assert len(answers_failed) == 5
    assert sorted(set(failed) - set(answers_failed)) == ["learned", "next_contact", "thank_you_note",
                                                          "thank_you_on_time"]


def test_the_unreadable_notebook_is_not_json_and_the_tampered_one_edits_one_check(submitted):
    root, submissions = submitted
    released = json.loads(RELEASED.read_text(encoding="utf-8"))
    broken = _of_kind(submissions, "unreadable")[0].folder / f"{ASSIGNMENT}.ipynb"
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.read_text(encoding="utf-8"))
    tampered = json.loads((_of_kind(submissions, "tampered")[0].folder / f"{ASSIGNMENT}.ipynb").read_text("utf-8"))
    changes = find_tampered_cells(tampered, released)
    assert [(c.grade_id, c.change) for c in changes] == [(TAMPERED_CELL, "edited")]
    for kind in ("excellent", "solid", "thin", "late"):
        for submission in _of_kind(submissions, kind):
            notebook = json.loads((submission.folder / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8"))
            assert notebook == released


def test_one_excellent_journal_holds_pasted_markup_as_plain_text(submitted):
    _root, submissions = submitted
    holders = [s.student.id for s in submissions if s.folder is not None
               and PASTED_MARKUP in (s.folder / "journal.json").read_text(encoding="utf-8")]
    assert holders == [_of_kind(submissions, "excellent")[0].student.id]


def test_the_same_seed_writes_the_same_bytes(tmp_path, submitted, class8):
    root, _ = submitted
    again = _course_with_release(tmp_path / "again")
    submit_class(again, class8, PLAN, seed=0)
    assert _files(again) == _files(root)
    other = _course_with_release(tmp_path / "other")
    submit_class(other, class8, PLAN, seed=1)
    assert _files(other).keys() == _files(root).keys() and _files(other) != _files(root)


def test_the_answer_key_lists_every_student_with_kind_and_expected_score(tmp_path, submitted):
    _root, submissions = submitted
    with open(write_key(tmp_path / "key.csv", submissions), newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(KEY_COLUMNS)
    by_id = {row["student_id"]: row for row in rows}
    for submission in submissions:
        row = by_id[submission.student.id]
        assert row["kind"] == submission.student.kind
        raw = submission.expected_score
        assert row["expected_raw_score"] == ("" if raw is None else f"{raw:g}")
        assert row["late"] == ("yes" if submission.student.kind == "late" else "no")
        if submission.student.kind == "late":
            # One to three days late, 10% of the 30 points a day (assignments/course_plan.toml).
            assert submission.expected_penalty in (3.0, 6.0, 9.0)
        else:
            assert submission.expected_penalty == 0.0
        assert row["expected_late_penalty"] == ("" if raw is None else f"{submission.expected_penalty:g}")
        assert row["expected_score"] == ("" if raw is None else f"{raw - submission.expected_penalty:g}")


# -- comparing the exported grades with the key -------------------------------------------------


def _row(student_id, status, raw_score, penalty=0.0):
    return {"student_id": student_id, "status": status, "raw_score": raw_score, "late_submission_penalty": str(penalty)}


def test_grades_that_match_the_key_show_no_difference_and_each_mismatch_is_named(submitted):
    _root, submissions = submitted
    status = {"unreadable": "unreadable", "tampered": "tampered", "absent": "missing"}
    good = {s.student.id: _row(s.student.id, status.get(s.student.kind, "needs_manual_grading"),
                               "" if s.expected_score is None else str(s.expected_score), s.expected_penalty)
            for s in submissions}
    assert compare_with_key(submissions, good) == []
    thin = _of_kind(submissions, "thin")[0].student.id
    broken = _of_kind(submissions, "unreadable")[0].student.id
    absent = _of_kind(submissions, "absent")[0].student.id
    late = _of_kind(submissions, "late")[0]
    bad = dict(good)
    bad[late.student.id] = {**good[late.student.id], "late_submission_penalty": "0.0"}
    bad[thin] = _row(thin, "needs_manual_grading", "16.0")
    bad[broken] = _row(broken, "needs_manual_grading", "0.0")
    del bad[absent]
    assert sorted(compare_with_key(submissions, bad)) == sorted([
        f"{thin} (thin) scored 16.0, the rubric gives 13",
        f"{broken} (unreadable) has status needs_manual_grading, expected unreadable",
        f"{absent} (absent) is not in the grades CSV",
        f"{late.student.id} (late) lost 0.0 for lateness, the course plan takes {late.expected_penalty:g}",
    ])


# -- the output folder and the command line ------------------------------------------------------


def test_a_new_or_empty_folder_is_used_and_a_full_one_refused(tmp_path):
    assert prepare_output(tmp_path / "new" / "out") == (tmp_path / "new" / "out").resolve()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    with pytest.raises(DemoError) as refused:
        prepare_output(tmp_path / "full")
    assert refused.value.code == 2
    assert str(refused.value) == (f"{(tmp_path / 'full').resolve()} is not empty; choose another --out DIR, "
                                  "or add --force to replace an earlier demo's output there")
    (tmp_path / "file").write_text("x")
    with pytest.raises(DemoError, match="is a file, not a folder"):
        prepare_output(tmp_path / "file")


def test_force_removes_only_what_a_demo_writes(tmp_path):
    out = tmp_path / "out"
    for name in OWNED:
        if name.endswith(".csv"):
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_text("old")
        else:
            (out / name / "inner").mkdir(parents=True)
    (out / "my notes.txt").write_text("keep me")
    (out / "elsewhere").mkdir()
    prepare_output(out, force=True)
    assert sorted(p.name for p in out.iterdir()) == ["elsewhere", "my notes.txt"]


def test_the_command_refuses_a_full_folder_and_bad_numbers_in_one_line(tmp_path, capsys):
    (tmp_path / "journal.json").write_text("{}")
    assert main(["demo", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (f"workbook demo: {tmp_path.resolve()} is not empty; choose another --out DIR, "
                   "or add --force to replace an earlier demo's output there\n")
    assert main(["demo", "--out", str(tmp_path / "new"), "--students", "3"]) == 2
    assert capsys.readouterr().err == "workbook demo: a demo class has 7 to 500 students, not 3\n"
    assert not (tmp_path / "new").exists()
    assert main(["demo", "--out", str(tmp_path / "new"), "--jobs", "0"]) == 2
    assert capsys.readouterr().err == "workbook demo: --jobs must be at least 1\n"


def test_the_course_copy_takes_only_what_an_instructor_writes(tmp_path):
    root = copy_course(tmp_path / "course")
    assert sorted(p.name for p in root.iterdir()) == sorted(COPIED)
    assert (root / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_bytes() == (
        REPO / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_bytes()
    # The instructor's model answers come along (the course config keeps them out of grading); no lock
    # files, no editor leftovers.
    assert sorted(p.relative_to(root) for p in root.rglob("journal.json*")) == sorted(
        p.relative_to(REPO) for p in (REPO / "source").glob("*/journal.json"))
    assert not list(root.rglob(".ipynb_checkpoints"))
