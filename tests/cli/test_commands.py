"""The ``workbook`` command run for real on a copy of this course: plan, roster, autograde, feedback, export.

The cross-check grades the same informational-interview submissions with
``nbgrader autograde`` in one copy and ``workbook autograde`` in another
and compares the two gradebooks cell by cell. One graded course is shared
by the module; nothing touches the repository's own gradebook.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from support.course import BIN, make_course
from support.paths import JOURNALS
from support.processes import adopting_orphans, left_behind
from workbook.course.gradebook import utc_due
from workbook.course.plan import load_plan
from workbook.grading.feedback import page_text

pytestmark = pytest.mark.slow

ASSIGNMENT = "informational_interview"
HIDDEN_LINE = 'rubric.require("answer_average_day")'  # only inside a hidden-test region of the source
BROKEN_NOTEBOOK = b'{"cells": [{"cell_type": "code", "source": "print(1)"'
SUBCOMMANDS = ("plan", "roster", "autograde", "feedback", "export")


def workbook(course, *args, timeout=600, **popen):
    """Run the installed ``workbook`` console script in the course root."""
    return subprocess.run([str(BIN / "workbook"), *args], cwd=course.root, env=course.env(), capture_output=True,
                          text=True, timeout=timeout, **popen)


def clone(course, parent: Path):
    target = parent / "course"
    shutil.copytree(course.root, target)
    return type(course)(target)


def grade_cells(course) -> dict:
    """Every grade of every submission: (student, notebook, cell) -> (auto, manual, needs manual, extra credit)."""
    with course.gradebook() as gradebook:
        found = {}
        for submission in gradebook.find_assignment(ASSIGNMENT).submissions:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    found[(submission.student.id, notebook.name, grade.name)] = (
                        grade.auto_score, grade.manual_score, grade.needs_manual_grade, grade.extra_credit)
        return found


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A course copy with the interview assignment generated and no submissions yet."""
    course = make_course(tmp_path_factory.mktemp("generated"))
    course.nbgrader("generate_assignment", ASSIGNMENT)
    return course


@pytest.fixture(scope="module")
def graded(generated, tmp_path_factory):
    """The same submissions graded by nbgrader (``reference``) and by ``workbook autograde`` (``ours``)."""
    released = generated.released(ASSIGNMENT)
    base = clone(generated, tmp_path_factory.mktemp("submitted"))
    base.submit("good", ASSIGNMENT, released, JOURNALS / "complete.json")
    base.submit("partial", ASSIGNMENT, released, JOURNALS / "partial.json")
    base.submit("late_thanks", ASSIGNMENT, released, JOURNALS / "no_thank_you.json")
    tampered = copy.deepcopy(released)
    cell = next(c for c in tampered["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "test_answer_outlook")
    cell["source"] = "assert True"
    base.submit("tamperer", ASSIGNMENT, tampered, JOURNALS / "partial.json")
    looping = copy.deepcopy(released)
    looping["cells"].insert(2, {"cell_type": "code", "id": "endless", "metadata": {}, "source": "while True:\n    pass",
                                "outputs": [], "execution_count": None})
    base.submit("looper", ASSIGNMENT, looping, JOURNALS / "complete.json")
    base.submit("broken", ASSIGNMENT, BROKEN_NOTEBOOK, JOURNALS / "complete.json")

    reference = clone(base, tmp_path_factory.mktemp("reference"))
    ours = clone(base, tmp_path_factory.mktemp("ours"))
    with adopting_orphans():  # whatever the graders leave behind stays among this process's descendants
        # Both graders at once: the comparison is about scores, and it halves the wait.
        nbgrader = subprocess.Popen([str(BIN / "nbgrader"), "autograde", ASSIGNMENT], cwd=reference.root,
                                    env=reference.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        result = workbook(ours, "autograde", ASSIGNMENT)
        assert nbgrader.wait(timeout=600) == 1  # nbgrader, too, exits 1 for the broken notebook
        yield {"reference": reference, "ours": ours, "autograde": result, "base": base}


def test_every_subcommand_has_help():
    for name in SUBCOMMANDS:
        done = subprocess.run([str(BIN / "workbook"), name, "--help"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"usage: workbook {name} ")
        assert "--course-dir DIR" in done.stdout


def test_autograde_gives_exactly_nbgraders_scores(graded):
    ours, reference = grade_cells(graded["ours"]), grade_cells(graded["reference"])
    assert len(reference) > 20  # six students, every grade cell of the notebook
    assert ours == reference
    assert {student for student, _, _ in ours} == {"good", "partial", "late_thanks", "tamperer", "looper", "broken"}


def test_those_scores_come_from_kernels_started_ahead(graded):
    # Each worker starts its next student's kernel during the current one; it logs how that went when it stops.
    log = graded["ours"].path("nbgrader.log").read_text(encoding="utf-8")
    found = re.findall(r"Kernels started ahead: (\d+) used, (\d+) unused; fresh kernels: (\d+)", log)
    used, unused, fresh = (sum(int(count) for count in column) for column in zip(*found))
    # Five notebooks ran (the broken one never reaches a kernel): each worker's first got a fresh kernel.
    assert (used + fresh, fresh, unused) == (5, len(found), len(found))
    # The kernels were forked from a template in each worker; no template outlives its worker. Only this
    # run's own processes are looked at: another engineer's graders may be running templates right now.
    assert left_behind(b"_template_server.py") == []


def test_autograde_reports_problems_in_its_table_and_exit_code(graded):
    done = graded["autograde"]
    assert done.returncode == 1
    assert done.stderr.strip().split("\n")[-1] == (
        "workbook autograde: 3 of 6 submissions need attention: 1 tampered, 1 timed out, 1 unreadable; "
        "details in the table above and in nbgrader.log")
    rows = {line.split()[0]: line for line in done.stdout.splitlines()[1:] if line and not line[0].isdigit()}
    assert sorted(rows) == ["broken", "looper", "tamperer"]
    assert rows["broken"].split()[1] == "unreadable"
    assert "cut off by the time limit" in rows["looper"]
    assert "test_answer_outlook edited" in rows["tamperer"]
    assert done.stdout.splitlines()[-1].startswith(
        "6 submissions autograded: 3 needs manual grading, 1 tampered, 1 timed out, 1 unreadable; took ")
    progress = [line for line in done.stderr.splitlines() if line.startswith("graded ")]
    assert progress[-1].startswith("graded 6/6 [####################] ")  # plain lines: stderr is not a terminal


def test_a_second_run_has_nothing_left_but_the_broken_notebook(graded, tmp_path):
    again = clone(graded["ours"], tmp_path)
    done = workbook(again, "autograde", ASSIGNMENT)
    assert done.returncode == 1
    assert "1 submission autograded: 1 unreadable; 5 already graded and skipped (--force regrades them)" in done.stdout


def test_feedback_keeps_messages_hides_hidden_tests_and_catches_a_leak(graded, tmp_path):
    leaky = clone(graded["ours"], tmp_path)  # a course whose config forgets to hide hidden tests
    config = leaky.path("nbgrader_config.py")
    config.write_text(config.read_text().replace('    "workbook.grading.hide_tests.HideHiddenTests",\n', ""))
    for folder in leaky.path("autograded").iterdir():
        if folder.name != "partial":
            shutil.rmtree(folder)
    leaking = subprocess.Popen([str(BIN / "workbook"), "feedback", ASSIGNMENT], cwd=leaky.root, env=leaky.env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = workbook(graded["ours"], "feedback", ASSIGNMENT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("feedback for 'informational_interview': 5 pages checked, no hidden tests in them")
    page = graded["ours"].path("feedback", "partial", ASSIGNMENT, f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
    assert HIDDEN_LINE not in page_text(page)
    assert "RubricFailure: Your answer to" in page_text(page)  # the failed checks still say why

    stderr = leaking.communicate(timeout=300)[1]
    assert leaking.returncode == 1
    # The one-line reason closes stderr, after nbgrader's log (which names the files kept out of feedback).
    assert stderr.strip().splitlines()[-1].startswith(
        "workbook feedback: hidden tests leaked into 1 feedback page(s) (partial), which were deleted")
    assert list(leaky.path("feedback").glob(f"*/{ASSIGNMENT}/*.html")) == []


def test_export_writes_nbgraders_columns_and_a_status_per_student(graded, tmp_path):
    target = tmp_path / "grades.csv"
    done = workbook(graded["ours"], "export", "--to", str(target))
    assert done.returncode == 0, done.stderr
    with open(target, newline="", encoding="utf-8") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    assert {s: rows[s]["status"] for s in rows} == {
        "good": "needs_manual_grading", "partial": "needs_manual_grading", "late_thanks": "needs_manual_grading",
        "tamperer": "tampered", "looper": "timed_out", "broken": "unreadable"}
    assert rows["broken"]["score"] == ""  # never a plain zero
    assert done.stdout.strip() == f"wrote 6 rows to {target}: 3 needs_manual_grading, 1 tampered, 1 timed_out, 1 unreadable"
    done = workbook(graded["ours"], "export", "--assignment", "nope", "--to", str(target))
    assert (done.returncode, done.stderr.strip()) == (
        2, "workbook export: no assignment 'nope' in the gradebook (known: informational_interview)")


def test_plan_applies_once_and_refuses_bad_plans_without_changing_anything(generated, tmp_path):
    course = clone(generated, tmp_path)
    first = workbook(course, "plan")
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == "plan applied: 4 created, 1 updated"  # generate_assignment made one
    # The four assignments not generated yet cannot be graded: each gets a warning that says what to run.
    assert first.stderr.splitlines() == [
        f"workbook plan: warning: {name!r} has no notebooks in the gradebook, so it cannot be graded "
        f"(maximum score 0); run `nbgrader generate_assignment {name} --force`"
        for name in ("network_map", "pitch", "question_plan", "request_email")]
    assert workbook(course, "plan").stdout.splitlines()[-1] == "plan applied: 5 unchanged"
    plan_file = course.path("assignments", "course_plan.toml")
    plan = plan_file.read_text()
    shipped = load_plan(plan_file)
    request_due = shipped.assignment("request_email").due
    after_term = request_due.replace(year=shipped.term_end.year + 1)
    bad_plans = {
        "malformed.toml": (plan + "\n[[assignment]\n", "not valid TOML"),
        "unknown.toml": (plan.replace('name = "pitch"', 'name = "pitchh"'),
                         "the plan names assignment(s) with no folder in source/: 'pitchh'; nothing was changed"),
        "outside.toml": (plan.replace(f"due = {request_due:%Y-%m-%dT%H:%M:%S}", f"due = {after_term:%Y-%m-%dT%H:%M:%S}"),
                         f"assignment 'request_email': due {after_term:%Y-%m-%d} is outside the term "
                         f"({shipped.term_start} to {shipped.term_end})"),
    }
    with course.gradebook() as gradebook:
        before = {a.name: a.duedate for a in gradebook.assignments}
    for name, (text, message) in bad_plans.items():
        course.path(name).write_text(text)
        done = workbook(course, "plan", "--plan", name)
        assert done.returncode == 2, name
        assert message in done.stderr and done.stderr.count("\n") == 1, done.stderr
        assert workbook(course, "plan", "--plan", name, "--start", "2040-01-02").returncode == 2
        assert course.path(name).read_text() == text  # a refused plan is never rewritten
    with course.gradebook() as gradebook:
        assert {a.name: a.duedate for a in gradebook.assignments} == before


def test_plan_start_moves_the_whole_term_in_one_step(generated, tmp_path, monkeypatch):
    course = clone(generated, tmp_path)
    plan_file = course.path("assignments", "course_plan.toml")
    shipped = load_plan(plan_file)
    # Always the Monday of a term years after the shipped one, so nothing here depends on today.
    start = shipped.term_start + dt.timedelta(weeks=52 * 5)
    checked = workbook(course, "plan", "--start", start.isoformat(), "--check")
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip() == (
        f"plan OK: 5 assignments, term {start} to {start + dt.timedelta(weeks=shipped.weeks, days=-1)}")
    assert load_plan(plan_file) == shipped  # --check writes nothing
    done = workbook(course, "plan", "--start", start.isoformat())
    assert done.returncode == 0, done.stderr
    moved = load_plan(plan_file)
    assert done.stdout.splitlines()[0] == f"moved the plan in {plan_file} to the term {moved.term_start} to {moved.term_end}"
    assert done.stdout.splitlines()[-1] == "plan applied: 4 created, 1 updated"
    assert moved.term_start == start
    assert [(a.name, a.week, a.due - dt.datetime.combine(start, dt.time())) for a in moved.assignments] == [
        (a.name, a.week, a.due - dt.datetime.combine(shipped.term_start, dt.time())) for a in shipped.assignments]
    with course.gradebook() as gradebook:
        assert {a.name: a.duedate for a in gradebook.assignments} == {
            a.name: utc_due(a.due) for a in moved.assignments}
    bad = workbook(course, "plan", "--start", "next monday")
    assert (bad.returncode, bad.stderr.strip()) == (2, "workbook plan: --start wants a date like 2027-01-11, "
                                                       "not 'next monday'")


def test_roster_refuses_bad_rows_then_adds_a_good_file_once(generated, tmp_path):
    course = clone(generated, tmp_path)
    course.path("bad.csv").write_text("id,first_name,last_name,email\ns1,A,B,\ns1,C,D,\nx y,E,F,\n", encoding="utf-8")
    done = workbook(course, "roster", "bad.csv")
    assert (done.returncode, done.stderr.strip()) == (2, (
        "workbook roster: bad.csv: 2 problems, nothing was changed: line 3: id 's1' is already on line 2; "
        "line 4: id 'x y' is not a safe nbgrader name (letters, digits, _ . - only, up to 64)"))
    course.path("good.csv").write_text("id,first_name,last_name,email\ns1,Zoë,\"O'Brien, Jr.\",z@example.org\n",
                                       encoding="utf-8")
    assert workbook(course, "roster", "good.csv").stdout.splitlines() == ["created    s1", "roster applied: 1 created"]
    assert workbook(course, "roster", "good.csv").stdout.splitlines() == ["roster applied: 1 unchanged"]
    with course.gradebook() as gradebook:
        assert [(s.id, s.first_name, s.last_name) for s in gradebook.students] == [("s1", "Zoë", "O'Brien, Jr.")]


def test_autograde_refuses_unknown_assignments_and_empty_batches(generated):
    done = workbook(generated, "autograde", "pitch")
    assert (done.returncode, done.stderr.strip()) == (2, (
        "workbook autograde: no assignment 'pitch' in the gradebook (known: informational_interview); "
        "run `nbgrader generate_assignment pitch` first"))
    done = workbook(generated, "autograde", ASSIGNMENT)
    assert (done.returncode, done.stderr.strip()) == (2, (
        "workbook autograde: no submissions of 'informational_interview' in submitted/ "
        "(expected submitted/STUDENT/informational_interview/)"))
    assert workbook(generated, "autograde", ASSIGNMENT, "--jobs", "0").returncode == 2


def test_an_interrupted_run_leaves_no_half_graded_student_and_resumes(generated, tmp_path):
    course = clone(generated, tmp_path)
    released = course.released(ASSIGNMENT)
    # A cell that takes a few seconds: the Ctrl-C surely lands while the second student is being graded,
    # however quickly grading goes and however slowly this test reads the progress line.
    slow = copy.deepcopy(released)
    slow["cells"].append({"cell_type": "code", "id": "slow-cell", "metadata": {}, "outputs": [],
                          "execution_count": None, "source": "import time\ntime.sleep(4)"})
    students = [f"s{n}" for n in range(3)]
    for student in students:
        course.submit(student, ASSIGNMENT, released if student == "s0" else slow, JOURNALS / "complete.json")
    # As at a terminal: Ctrl-C's signal at its default even when this suite runs in the background of a
    # script, which starts every descendant with SIGINT ignored (and Python then keeps it ignored).
    process = subprocess.Popen([str(BIN / "workbook"), "autograde", ASSIGNMENT, "--jobs", "1"], cwd=course.root,
                               env=course.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    for line in process.stderr:  # one plain line per finished student
        if line.startswith("graded 1/3"):
            process.send_signal(signal.SIGINT)  # Ctrl-C while the second student is being graded
            break
    rest = process.communicate(timeout=120)[1]
    assert process.returncode == 130
    assert rest.strip().endswith("workbook autograde: interrupted; run it again to carry on")
    finished = sorted(p.parent.parent.name for p in course.path("autograded").glob(f"*/{ASSIGNMENT}/*.ipynb"))
    started = sorted(p.parent.name for p in course.path("autograded").glob(f"*/{ASSIGNMENT}"))
    assert started == finished and 1 <= len(finished) < 3  # no half-written student, none lost

    done = workbook(course, "autograde", ASSIGNMENT)
    assert done.returncode == 0, done.stderr
    left = 3 - len(finished)
    assert done.stdout.splitlines()[-1].startswith(
        f"{left} submission{'s' if left > 1 else ''} autograded: {left} needs manual grading; "
        f"{len(finished)} already graded and skipped (--force regrades them); took ")
    with course.gradebook() as gradebook:
        assert sorted(s.student.id for s in gradebook.find_assignment(ASSIGNMENT).submissions) == students
        assert {s.student.id: s.score for s in gradebook.find_assignment(ASSIGNMENT).submissions} == \
            {student: 28.0 for student in students}
