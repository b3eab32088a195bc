"""The course on a real JupyterHub: real Unix users, nbgrader's exchange, the formgrader's API.

deploy/hub/up brings the hub up exactly as an instructor would (the shared environment, the proxy
from npm, the exchange, the instructor's config), on 127.0.0.1:22800. Then the whole loop: the
instructor plans, adds the roster, generates and releases from their home folder; three students
fetch and submit through their servers' REST API behind the hub; one hands in twice, the second
time late; the instructor collects, autogrades, grades the reflection through the formgrader's API,
makes and releases feedback; students fetch it; export and class report. Between the steps, no
student can read or change another's submission, journal, feedback or the gradebook.

The users (wbhub*) and everything under the test prefix are removed afterwards, whatever happens.
"""

from __future__ import annotations

import csv
import json
import datetime as dt
import os
import re
import secrets
import shutil
import signal
import sys
import time
import urllib.error

import pytest

from workbook.course.plan import parse_plan_text
from workbook.grading import rubric

from .course_hub import (
    ASSIGNMENT, COURSE_ID, DUE_FIRST, DUE_MOVED, INSTRUCTOR, LATE, PORT, PREFIX, REPO, STUDENTS, TYPIST,
    WIDGETS, Hub, as_user, cannot, home, interview, plan_due_at, remove_users, sh, typed_cell,
    widget_student_in_chromium,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]

if os.geteuid() != 0:
    pytest.skip("the hub test makes Unix users and starts servers as them: it runs as root (as CI does)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    remove_users()
    for folder in ("exchange", "state", "student-config"):
        shutil.rmtree(PREFIX / folder, ignore_errors=True)
    password = secrets.token_urlsafe(12)
    for user in (INSTRUCTOR, *STUDENTS):
        sh("useradd", "-m", "-s", "/bin/bash", user)
        home(user).chmod(0o700)
        sh("chpasswd", input=f"{user}:{password}\n")
    hub_process = None
    try:
        sh(str(REPO / "deploy" / "hub" / "up"), "--instructor", INSTRUCTOR, "--students", ",".join(STUDENTS),
           "--port", str(PORT), "--prefix", str(PREFIX), "--background", timeout=1200)
        hub_process = int((PREFIX / "state" / "jupyterhub.pid").read_text())
        token = (PREFIX / "state" / "service-token").read_text().strip()
        handle = Hub(token)
        deadline = time.monotonic() + 60
        while True:
            try:
                handle.api("GET", "/")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    raise AssertionError((PREFIX / "state" / "jupyterhub.log").read_text())
                time.sleep(0.5)
        handle.password = password
        yield handle
    finally:
        if hub_process:
            for user in (INSTRUCTOR, *STUDENTS):
                try:
                    Hub((PREFIX / "state" / "service-token").read_text().strip()).api("DELETE", f"/users/{user}/server")
                except Exception:  # noqa: BLE001 -- clean-up goes on whatever is left
                    pass
            try:
                os.kill(hub_process, signal.SIGTERM)
                for _ in range(100):
                    os.kill(hub_process, 0)
                    time.sleep(0.1)
            except ProcessLookupError:
                pass
        remove_users()
        for folder in ("exchange", "state", "student-config"):
            shutil.rmtree(PREFIX / folder, ignore_errors=True)


def test_the_whole_course_loop_on_a_real_hub(hub, tmp_path):
    began = time.monotonic()

    def phase(name):
        print(f"hub test: {name} at {time.monotonic() - began:.0f} s", file=sys.stderr)
    course = home(INSTRUCTOR) / "course"
    plan = plan_due_at(dt.datetime.now() + DUE_FIRST, course / "assignments" / "course_plan.toml")
    first = parse_plan_text(plan.read_text(encoding="utf-8"))
    roster = home(INSTRUCTOR) / "roster.csv"
    roster.write_text("id,first_name,last_name,email\n" + "".join(
        f"{s},{s.title()},Student,{s}@example.org\n" for s in STUDENTS), encoding="utf-8")
    sh("chown", "-R", f"{INSTRUCTOR}:", str(course), str(roster))
    # The instructor works from their home: the course is found through ~/.jupyter/nbgrader_config.py.
    assert "plan applied: 5 created" in as_user(INSTRUCTOR, "workbook plan").stdout
    assert as_user(INSTRUCTOR, "workbook roster roster.csv").stdout.splitlines()[-1] == "roster applied: 3 created"
    as_user(INSTRUCTOR, f"nbgrader generate_assignment {ASSIGNMENT} --force")
    as_user(INSTRUCTOR, f"nbgrader release_assignment {ASSIGNMENT}")
    assert not (home(INSTRUCTOR) / "gradebook.db").exists()

    phase('servers up, fetch')
    hub.start(*STUDENTS, INSTRUCTOR)
    for user in STUDENTS:
        hub.assignments(user, "fetch")
        assert sorted(p.name for p in (home(user) / ASSIGNMENT).iterdir()) == [f"{ASSIGNMENT}.ipynb", "vocabulary.toml"]
        # The course's phrase lists come with the assignment: the student's kernel sees no assignments/ folder.
        assert (home(user) / ASSIGNMENT / "vocabulary.toml").read_bytes() == \
            (course / "assignments" / "vocabulary.toml").read_bytes()
    held = first.assignment(ASSIGNMENT).due.date() - dt.timedelta(days=3)  # from the plan: a few days before the due date, so already past
    phase('widget student in Chromium')
    seen = widget_student_in_chromium(hub.password, interview(held))
    assert seen["menus"] == ["File", "Edit", "View", "Run", "Kernel", "Nbgrader", "Tabs", "Settings", "Help"]
    assert [item for item in seen["nbgrader_menu"] if item] == ["Assignment List"]  # no formgrader, no tools
    journal = home(WIDGETS) / ASSIGNMENT / "journal.json"
    assert journal.stat().st_mode & 0o077 == 0
    widget_doc = json.loads(journal.read_text(encoding="utf-8"))
    assert rubric.score(ASSIGNMENT, widget_doc, held) == rubric.autograded_points(ASSIGNMENT)  # every point
    hub.assignments(WIDGETS, "submit")
    for user in STUDENTS:  # the formgrader is not there for students, neither in the menu nor on the server
        with pytest.raises(urllib.error.HTTPError) as refused:
            hub.as_(user, "GET", "/formgrader/api/assignments")
        assert refused.value.code == 404
    phase('typed answers, on-time hand-ins')
    for user, values in ((TYPIST, interview(held)), (LATE, interview(held, thin=True))):
        notebook = home(user) / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        typed_cell(notebook, values)
        sh("chown", f"{user}:", str(notebook))
        as_user(user, f"jupyter nbconvert --to notebook --execute --allow-errors --inplace {ASSIGNMENT}.ipynb",
                cwd=home(user) / ASSIGNMENT)
        assert (home(user) / ASSIGNMENT / "journal.json").stat().st_mode & 0o077 == 0
        hub.assignments(user, "submit")
    # Whatever a student has, a classmate cannot read or change it, nor the course.
    for user in STUDENTS:
        for other in STUDENTS:
            if other != user:
                cannot(user, f"cat {home(other)}/{ASSIGNMENT}/journal.json")
                cannot(user, f"touch {home(other)}/{ASSIGNMENT}/journal.json")
        cannot(user, f"cat {course}/gradebook.db")
        cannot(user, f"ls {PREFIX}/exchange/{COURSE_ID}/inbound")

    phase('deadline moved, late hand-in')
    due = dt.datetime.now() + DUE_MOVED
    plan_due_at(due, plan, start=first.term_start)
    sh("chown", f"{INSTRUCTOR}:", str(plan))
    assert as_user(INSTRUCTOR, "workbook plan").stdout.splitlines()[-1] == "plan applied: 1 updated, 4 unchanged"
    time.sleep(max(0.0, (due - dt.datetime.now()).total_seconds()) + 1.5)
    typed_cell(home(LATE) / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", interview(held))  # the full version, late
    as_user(LATE, f"jupyter nbconvert --to notebook --execute --allow-errors --inplace {ASSIGNMENT}.ipynb",
            cwd=home(LATE) / ASSIGNMENT)
    hub.assignments(LATE, "submit")

    phase('collect and autograde')
    as_user(INSTRUCTOR, f"nbgrader collect {ASSIGNMENT}")
    for path in [course / "submitted", *(course / "submitted").rglob("*")]:
        assert path.stat().st_mode & 0o077 == 0, path
    graded = as_user(INSTRUCTOR, f"workbook autograde {ASSIGNMENT}", check=False)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    for user in STUDENTS:
        for other in STUDENTS:
            if other != user:  # a classmate's collected and graded work, by its exact path
                cannot(user, f"cat {course}/submitted/{other}/{ASSIGNMENT}/journal.json")
                cannot(user, f"cat {course}/autograded/{other}/{ASSIGNMENT}/{ASSIGNMENT}.ipynb")
        cannot(user, f"touch {course}/gradebook.db")

    # The reflection, graded by hand through the formgrader's own API in the instructor's server.
    phase('formgrader')
    submitted = hub.as_(INSTRUCTOR, "GET", f"/formgrader/api/submitted_notebooks/{ASSIGNMENT}/{ASSIGNMENT}")
    assert sorted(s["student"] for s in submitted) == sorted(STUDENTS)
    for notebook in submitted:
        grades = hub.as_(INSTRUCTOR, "GET", f"/formgrader/api/grades?submission_id={notebook['id']}")
        [reflection] = [g for g in grades if g["name"] == "reflection"]
        hub.as_(INSTRUCTOR, "PUT", f"/formgrader/api/grade/{reflection['id']}",
                data={"manual_score": {TYPIST: 2.0, LATE: 1.0, WIDGETS: 2.0}[notebook["student"]]})

    feedback = as_user(INSTRUCTOR, f"workbook feedback {ASSIGNMENT}", check=False)
    assert feedback.returncode == 0, feedback.stdout + feedback.stderr
    as_user(INSTRUCTOR, f"nbgrader release_feedback {ASSIGNMENT}")
    for user in STUDENTS:
        hub.assignments(user, "fetch_feedback")
        pages = list((home(user) / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html"))
        assert len(pages) == 1
    for user in STUDENTS:
        cannot(user, f"ls {course}/feedback")
        cannot(user, f"ls {PREFIX}/exchange/{COURSE_ID}/feedback")  # released pages: fetched by secret name only
        for other in STUDENTS:
            if other != user:
                cannot(user, f"ls {home(other)}/{ASSIGNMENT}/feedback")

    phase('export and class report')
    as_user(INSTRUCTOR, "workbook export --to grades.csv")
    with open(home(INSTRUCTOR) / "grades.csv", newline="", encoding="utf-8") as handle:
        rows = {r["student_id"]: r for r in csv.DictReader(handle) if r["assignment"] == ASSIGNMENT}
    assert (float(rows[TYPIST]["raw_score"]), float(rows[TYPIST]["late_submission_penalty"] or 0),
            float(rows[TYPIST]["score"])) == (30.0, 0.0, 30.0)
    # Late by seconds: one started day, 10% of the assignment's 30 points.
    assert (float(rows[LATE]["raw_score"]), float(rows[LATE]["late_submission_penalty"]),
            float(rows[LATE]["score"])) == (29.0, 3.0, 26.0)
    # Every point through the widgets alone, typed as nothing but keystrokes in the browser.
    assert (float(rows[WIDGETS]["raw_score"]), float(rows[WIDGETS]["score"])) == (30.0, 30.0)
    assert {s: rows[s]["status"] for s in STUDENTS} == {s: "graded" for s in STUDENTS}
    assert (home(INSTRUCTOR) / "grades.csv").stat().st_mode & 0o077 == 0
    report = as_user(INSTRUCTOR, "workbook class-report --out class_report", check=False)
    assert report.returncode == 0, report.stdout + report.stderr
    assert re.search(r"Counted 3 journal", report.stdout)
