"""`workbook demo` for real: one run of the console command on a class of eight (module scope).

Eight students still hold one of each kind (excellent, solid x2, thin, late,
unreadable, tampered, absent), so every claim of the demo is checked on its
own outputs: statuses and scores in the grades CSV, feedback pages without
hidden tests, the class report's figures recomputed from the submitted
journals, a real PNG, and no contact's details in the report.
"""

import csv
import html
import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.demo.course import ASSIGNMENT
from workbook.demo.submissions import PASTED_MARKUP, make_class
from workbook.grading.feedback import page_text

pytestmark = pytest.mark.slow

STUDENTS = 8
HIDDEN_LINE = 'rubric.require("answer_average_day")'  # only inside a hidden-test region of the source
VISIBLE_LINE = 'rubric.require_saved("answer_average_day")'  # the same cell's visible part
PNG_SIZE = (1600, 1200)
WORKBOOK = str(Path(sys.executable).parent / "workbook")  # the console script, as a user runs it


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The output folder of one `workbook demo --students 8` run, with its exit status and printout."""
    here = tmp_path_factory.mktemp("demo-run")
    out = here / "out"
    done = subprocess.run(
        [WORKBOOK, "demo", "--out", "out", "--students", str(STUDENTS), "--seed", "0"],
        cwd=here, capture_output=True, text=True, timeout=300,
    )
    assert (out / "grades.csv").is_file(), done.stdout[-3000:] + done.stderr[-3000:]
    with open(out / "demo_class.csv", newline="", encoding="utf-8") as handle:
        key = {row["student_id"]: row for row in csv.DictReader(handle)}
    with open(out / "grades.csv", newline="", encoding="utf-8") as handle:
        grades = {row["student_id"]: row for row in csv.DictReader(handle)}
    return {"out": out, "done": done, "key": key, "grades": grades}


def _ids(demo, kind):
    return sorted(student for student, row in demo["key"].items() if row["kind"] == kind)


def _journals(demo):
    return {path.parts[-3]: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((demo["out"] / "course" / "submitted").glob(f"*/{ASSIGNMENT}/journal.json"))}


def test_the_command_succeeds_and_says_where_every_output_is(demo):
    done = demo["done"]
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for n, step in enumerate(["copy the course", "workbook plan", "workbook roster out/roster.csv",
                              f"nbgrader generate_assignment {ASSIGNMENT}", "the students submit",
                              f"workbook autograde {ASSIGNMENT} --jobs", f"workbook feedback {ASSIGNMENT}",
                              f"workbook export --assignment {ASSIGNMENT} --to out/grades.csv",
                              "workbook class-report --out out/class_report"], start=1):
        assert f"\n[{n}/9] {step}" in done.stdout
    summary = done.stdout[done.stdout.index("Demo finished in"):]
    for label, path in (("course", "out/course"), ("grades", "out/grades.csv"), ("feedback", "out/course/feedback"),
                        ("class report", "out/class_report/report.html"), ("answer key", "out/demo_class.csv"),
                        ("nbgrader log", "out/course/nbgrader.log")):
        assert f"\n  {label:<13}{path}" in summary
        assert (demo["out"].parent / path).exists()
    assert "grades.csv                1 missing, 5 needs_manual_grading, 1 tampered, 1 unreadable" in summary
    assert "Scores out of 30 (2 of them graded by hand later): excellent 28, " in summary
    (late,) = _ids(demo, "late")
    penalty = demo["key"][late]["expected_late_penalty"]
    assert "thin 13, " in summary
    assert f"tampered 13; 1 handed in late, losing {penalty} points under the course plan's late policy." in summary
    assert "Every status, score and late penalty matches the answer key" in summary


def test_the_class_holds_one_of_each_kind_as_the_seed_decides(demo):
    assert {s.id: s.kind for s in make_class(STUDENTS, seed=0)} == {k: r["kind"] for k, r in demo["key"].items()}
    assert sorted(r["kind"] for r in demo["key"].values()) == [
        "absent", "excellent", "late", "solid", "solid", "tampered", "thin", "unreadable"]


def test_grades_name_the_unreadable_tampered_and_missing_students_and_score_the_rest_exactly(demo):
    grades = demo["grades"]
    assert sorted(grades) == sorted(demo["key"])
    (unreadable,), (tampered,), (absent,) = _ids(demo, "unreadable"), _ids(demo, "tampered"), _ids(demo, "absent")
    assert (grades[unreadable]["status"], grades[unreadable]["raw_score"], grades[unreadable]["score"]) == (
        "unreadable", "", "")
    assert grades[unreadable]["status_detail"].startswith(f"{ASSIGNMENT}.ipynb is not valid JSON")
    assert (grades[tampered]["status"], grades[tampered]["score"]) == ("tampered", "13.0")
    assert "test_next_contact edited" in grades[tampered]["status_detail"]
    assert (grades[absent]["status"], grades[absent]["score"]) == ("missing", "0.0")
    (excellent,), (thin,) = _ids(demo, "excellent"), _ids(demo, "thin")
    assert (grades[excellent]["status"], grades[excellent]["score"], grades[excellent]["max_score"]) == (
        "needs_manual_grading", "28.0", "30.0")
    assert (grades[thin]["status"], grades[thin]["score"]) == ("needs_manual_grading", "13.0")
    for student in _ids(demo, "solid"):
        assert grades[student]["score"] == f"{float(demo['key'][student]['expected_score']):.1f}"
        assert grades[student]["score"] in ("24.0", "26.0", "28.0")
        assert grades[student]["late_submission_penalty"] in ("", "0.0")
    for student in _ids(demo, "late"):
        raw, penalty = grades[student]["raw_score"], grades[student]["late_submission_penalty"]
        # One to three days late at 10% of 30 points a day (assignments/course_plan.toml).
        assert raw in ("24.0", "26.0", "28.0") and penalty in ("3.0", "6.0", "9.0")
        assert grades[student]["score"] == f"{float(raw) - float(penalty):.1f}"
        assert demo["key"][student]["expected_late_penalty"] == f"{float(penalty):g}"
        assert grades[student]["score"] == f"{float(demo['key'][student]['expected_score']):.1f}"


def test_late_work_carries_its_submission_time_past_the_due_date(demo):
    (late,) = _ids(demo, "late")
    for student, row in demo["grades"].items():
        if row["timestamp"]:
            assert (row["timestamp"] > row["duedate"]) == (student == late), student


def test_feedback_exists_for_every_graded_student_and_shows_no_hidden_test(demo):
    feedback = demo["out"] / "course" / "feedback"
    graded = sorted(set(demo["key"]) - set(_ids(demo, "unreadable")) - set(_ids(demo, "absent")))
    assert sorted(p.name for p in feedback.iterdir()) == graded
    for student in graded:
        # What a reader sees: highlighting splits code into spans, so tags are dropped first.
        text = page_text((feedback / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(encoding="utf-8"))
        assert HIDDEN_LINE not in text
        assert VISIBLE_LINE in text


def test_markup_a_student_pasted_shows_as_text_in_their_feedback(demo):
    (excellent,) = _ids(demo, "excellent")
    page = (demo["out"] / "course" / "feedback" / excellent / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text("utf-8")
    assert html.escape(PASTED_MARKUP, quote=False) in page
    assert "<img src=x" not in page


def test_the_class_report_counts_every_submitted_journal(demo):
    journals = _journals(demo)
    assert len(journals) == STUDENTS - 1  # the absent student handed in nothing
    with open(demo["out"] / "class_report" / "class_growth.csv", newline="", encoding="utf-8") as handle:
        weeks = list(csv.DictReader(handle))
    assert [row["week"] for row in weeks] == [str(n) for n in range(1, 13)]
    last = weeks[-1]
    assert last["students"] == str(STUDENTS - 1)
    assert last["contacts_total"] == str(sum(len(doc["contacts"]) for doc in journals.values()))
    assert last["interviews_total"] == str(sum(
        1 for doc in journals.values() for i in doc["interactions"] if i["kind"] == "informational_interview"))
    assert last["students_interviewed"] == str(STUDENTS - 1)  # every submitted journal records its interview
    assert last["contacts_family_friends"] == str(sum(
        1 for doc in journals.values() for c in doc["contacts"] if c["category"] == "family_friends"))


def test_the_class_plot_is_a_real_png_of_the_documented_size(demo):
    data = (demo["out"] / "class_report" / "class_growth.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == PNG_SIZE
    assert data.endswith(b"IEND\xaeB`\x82")


def test_no_contact_detail_or_student_name_reaches_the_class_report(demo):
    report = demo["out"] / "class_report"
    assert sorted(p.name for p in report.iterdir()) == ["class_growth.csv", "class_growth.png", "report.html"]
    text = html.unescape((report / "report.html").read_text(encoding="utf-8")) + (
        report / "class_growth.csv").read_text(encoding="utf-8")
    secrets = set()
    for doc in _journals(demo).values():
        secrets.add(doc["student"]["name"])
        for contact in doc["contacts"]:
            secrets.update(v for v in (contact["name"], contact["email"], contact["phone"]) if v)
        for record in doc["interviews"] + doc["reflections"]:
            secrets.update(v for k, v in record.items() if isinstance(v, str) and len(v) > 20 and k != "updated")
    leaked = sorted(secret for secret in secrets if secret in text)
    assert leaked == []
    assert len(secrets) > STUDENTS * 30  # the scan did look at every journal's people


def test_a_second_run_into_the_same_folder_is_refused_and_changes_nothing(demo):
    before = {p: p.stat().st_mtime_ns for p in demo["out"].rglob("*")}
    done = subprocess.run([WORKBOOK, "demo", "--out", str(demo["out"])],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == (f"workbook demo: {demo['out'].resolve()} is not empty; choose another --out DIR, "
                           "or add --force to replace an earlier demo's output there\n")
    assert {p: p.stat().st_mtime_ns for p in demo["out"].rglob("*")} == before
