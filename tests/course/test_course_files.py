"""A course's files through nbgrader's own exchange, as plain nbgrader commands make them.

Under the loose umask a user may well have (022), every command of the loop runs: generate, release,
fetch, submit, collect, autograde, feedback, release and fetch feedback, export from another folder.
What carries students' work or grades ends up owner-only; what students must fetch stays readable;
the model answer in source/ is never released and never replaces a student's journal.
"""

from __future__ import annotations

import csv
import json
import os
import stat
import subprocess

import pytest

from support.course import BIN, make_course
from support.paths import JOURNALS
from workbook.grading import rubric

pytestmark = pytest.mark.slow

ASSIGNMENTS = ("informational_interview", "network_map", "pitch", "question_plan", "request_email")
ASSIGNMENT = "informational_interview"
LOOSE = 0o022


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def run(args, cwd, env, check=True):
    done = subprocess.run([str(BIN / args[0]), *args[1:]], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, preexec_fn=lambda: os.umask(LOOSE))
    if check and done.returncode != 0:
        raise AssertionError(f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


@pytest.fixture(scope="module")
def loop(tmp_path_factory):
    base = tmp_path_factory.mktemp("loop")
    course = make_course(base)
    exchange = base / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    jupyter = base / "jupyter-config"  # what every user's environment reads: where the exchange is
    jupyter.mkdir()
    (jupyter / "nbgrader_config.py").write_text(f"c = get_config()\nc.Exchange.root = {str(exchange)!r}\n")
    env = {**course.env(), "JUPYTER_CONFIG_DIR": str(jupyter)}
    student = base / "student-home"
    student.mkdir()
    elsewhere = base / "instructor-home"
    elsewhere.mkdir()
    root, done = course.root, {}
    # Validating reads source/ only: it runs beside the loop below, which never writes there.
    validating = subprocess.Popen([str(BIN / "nbgrader"), "validate", *(f"source/{a}/{a}.ipynb" for a in ASSIGNMENTS)],
                                  cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  preexec_fn=lambda: os.umask(LOOSE))
    for assignment in ASSIGNMENTS:
        run(["nbgrader", "generate_assignment", assignment, "--force"], root, env)
    run(["nbgrader", "release_assignment", ASSIGNMENT], root, env)
    as_student = ["--course", "networking"]
    run(["nbgrader", "fetch_assignment", ASSIGNMENT, *as_student], student, env)
    fetched = student / ASSIGNMENT
    done["fetched"] = sorted(p.name for p in fetched.iterdir())
    (fetched / "journal.json").write_bytes((JOURNALS / "partial.json").read_bytes())
    run(["nbgrader", "submit", ASSIGNMENT, *as_student], student, env)
    run(["nbgrader", "collect", ASSIGNMENT], root, env)
    run(["nbgrader", "autograde", ASSIGNMENT], root, env)
    run(["nbgrader", "generate_feedback", ASSIGNMENT], root, env)
    run(["nbgrader", "release_feedback", ASSIGNMENT], root, env)
    run(["nbgrader", "fetch_feedback", ASSIGNMENT, *as_student], student, env)
    # The instructor's export from their home, the course named only by their own Jupyter config.
    (jupyter / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.root = {str(exchange)!r}\nc.CourseDirectory.root = {str(root)!r}\n")
    run(["nbgrader", "export", "--to", str(elsewhere / "grades.csv")], elsewhere, env)
    done["workbook_export"] = run(["workbook", "export", "--to", "wb-grades.csv"], elsewhere, env)
    out, err = validating.communicate(timeout=600)
    assert validating.returncode == 0, f"nbgrader validate exited {validating.returncode}:\n{out}\n{err}"
    done["validate"] = subprocess.CompletedProcess(validating.args, validating.returncode, out, err)
    return {"course": course, "student": student, "exchange": exchange, "elsewhere": elsewhere, **done}


def test_every_source_assignment_validates_with_its_model_answer(loop):
    assert loop["validate"].stdout.count("Success! Your notebook passes all the tests.") == len(ASSIGNMENTS)
    for assignment in ASSIGNMENTS:
        doc = json.loads(loop["course"].path("source", assignment, "journal.json").read_text(encoding="utf-8"))
        assert rubric.score(assignment, doc) == rubric.autograded_points(assignment)  # every point


def test_the_model_answer_is_never_released_nor_graded_for_a_student(loop):
    course = loop["course"]
    # Besides the notebook, each assignment carries only the course's vocabulary (workbook.checks.vocabulary),
    # so that the student's self-check and the grade read the same phrases.
    for assignment in ASSIGNMENTS:
        assert sorted(p.name for p in course.path("release", assignment).iterdir()) == [
            f"{assignment}.ipynb", "vocabulary.toml"]
    assert loop["fetched"] == [f"{ASSIGNMENT}.ipynb", "vocabulary.toml"]
    vocabulary = course.path("assignments", "vocabulary.toml").read_bytes()
    assert (loop["student"] / ASSIGNMENT / "vocabulary.toml").read_bytes() == vocabulary
    graded = course.path("autograded", "root" if os.geteuid() == 0 else os.environ["USER"], ASSIGNMENT)
    assert (graded / "journal.json").read_bytes() == (JOURNALS / "partial.json").read_bytes()
    assert (graded / "vocabulary.toml").read_bytes() == vocabulary
    with course.gradebook() as gradebook:
        [submission] = gradebook.find_assignment(ASSIGNMENT).submissions
        doc = json.loads((JOURNALS / "partial.json").read_text(encoding="utf-8"))
        assert submission.score == rubric.score(ASSIGNMENT, doc) < rubric.autograded_points(ASSIGNMENT)


def test_what_carries_work_or_grades_is_owner_only_whatever_the_umask(loop):
    course = loop["course"]
    for top in ("submitted", "autograded", "feedback"):
        for path in [course.path(top), *course.path(top).rglob("*")]:
            allowed = 0o700 if path.is_dir() else 0o600
            assert mode(path) & ~allowed == 0, f"{path} has mode {mode(path):o}"
    for name in ("gradebook.db", "grades.csv"):
        path = course.path(name) if name == "gradebook.db" else loop["elsewhere"] / name
        assert mode(path) == 0o600, name


def test_what_students_fetch_stays_readable_and_feedback_reaches_them(loop):
    feedback = loop["exchange"] / "networking" / "feedback"
    pages = list(feedback.iterdir())
    assert len(pages) == 1 and mode(pages[0]) == 0o644 and mode(feedback) & 0o077 == 0o011  # listed by none
    fetched = list((loop["student"] / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html"))
    assert len(fetched) == 1 and fetched[0].read_bytes() == pages[0].read_bytes()
    outbound = loop["exchange"] / "networking" / "outbound" / ASSIGNMENT
    assert mode(outbound / f"{ASSIGNMENT}.ipynb") == mode(outbound / "vocabulary.toml") == 0o644


def test_nbgrader_and_workbook_from_another_folder_use_the_courses_gradebook(loop):
    elsewhere = loop["elsewhere"]
    assert not (elsewhere / "gradebook.db").exists()
    with open(elsewhere / "grades.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    doc = json.loads((JOURNALS / "partial.json").read_text(encoding="utf-8"))
    assert [(r["assignment"], float(r["raw_score"])) for r in rows if r["assignment"] == ASSIGNMENT] == [
        (ASSIGNMENT, rubric.score(ASSIGNMENT, doc))]
    assert loop["workbook_export"].stdout.startswith("wrote ")
    assert (elsewhere / "wb-grades.csv").read_text(encoding="utf-8") == (elsewhere / "grades.csv").read_text(
        encoding="utf-8")
