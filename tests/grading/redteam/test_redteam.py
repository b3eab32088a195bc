"""The red team: hostile submissions graded with honest classmates, by `workbook autograde` and by nbgrader.

One batch (module scope): the same class is placed in two copies of the
course; one is graded with ``workbook autograde --jobs 2`` and ``workbook
feedback``, the other with plain ``nbgrader autograde`` and ``nbgrader
generate_feedback`` from the course root. Every kernel is a real sandboxed
kernel. Each attack then answers for itself, under both graders: its own score
never above what its journal earns, every classmate's score unchanged,
nothing of anyone else's in its feedback, no process left, and the right
status, naming the item or file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from nbgrader.api import MissingEntry

from support.course import make_course
from support.paths import BIN
from support.processes import adopting_orphans, left_behind
from support.redteam import ASSIGNMENT, ATTACKS, HONEST, MARKERS, SURVIVOR, place_honest
from workbook.grading.feedback_files import EXCHANGE_FILES
from workbook.grading.status import submission_status

# One batch grades the class twice; the fixture's time counts against the first test's limit.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

GRADERS = ("workbook", "nbgrader")
FOREIGN = ("SQLite format 3", "root:x:0:0", "BEGIN HIDDEN TESTS", 'rubric.require("answer_average_day")')


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def _grade(course, grader: str) -> dict:
    env = course.env()
    if grader == "workbook":
        commands = [[str(BIN / "workbook"), "autograde", ASSIGNMENT, "--jobs", "2"],
                    [str(BIN / "workbook"), "feedback", ASSIGNMENT]]
    else:
        commands = [[str(BIN / "nbgrader"), "autograde", ASSIGNMENT], [str(BIN / "nbgrader"), "generate_feedback", ASSIGNMENT]]
    with adopting_orphans():  # a daemon that double-forks away from its kernel stays one of ours, and visible
        runs = [subprocess.run(c, cwd=course.root, env=env, capture_output=True, text=True, timeout=1500)
                for c in commands]
        survivors = left_behind(SURVIVOR.encode(), whole=True)
    outcome = {"runs": runs, "survivors": survivors, "scores": {}, "penalties": {}, "status": {}, "grades": {}}
    with course.gradebook() as gradebook:
        coursedir = course_dir(course)
        for student in sorted(p.name for p in course.path("submitted").iterdir()):
            outcome["status"][student] = submission_status(gradebook, ASSIGNMENT, student, coursedir)
            try:
                submission = gradebook.find_submission(ASSIGNMENT, student)
            except MissingEntry:  # never graded
                continue
            outcome["scores"][student] = submission.score
            outcome["penalties"][student] = submission.late_submission_penalty
            outcome["grades"][student] = {g.name: (g.auto_score, g.needs_manual_grade)
                                          for nb in submission.notebooks for g in nb.grades}
    return outcome


def course_dir(course):
    from workbook.course.directory import Course

    return Course(course.root).app().coursedir


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    results = {}
    for grader in GRADERS:
        course = make_course(tmp_path_factory.mktemp(f"redteam-{grader}"))
        course.nbgrader("generate_assignment", ASSIGNMENT)
        plan = subprocess.run([str(BIN / "workbook"), "plan"], cwd=course.root, env=course.env(), capture_output=True,
                              text=True)
        assert plan.returncode == 0, plan.stderr  # the plan's due dates, so late work is late
        released = course.released(ASSIGNMENT)
        for honest in HONEST:
            place_honest(course, released, honest)
        for attack in ATTACKS:
            attack.place(course, released, attack.id)
        guarded = {"source": _fingerprint(course.path("source")),
                   "config": course.path("nbgrader_config.py").read_bytes()}
        outcome = _grade(course, grader)
        outcome["course"] = course
        outcome["guarded_after"] = {"source": _fingerprint(course.path("source")),
                                    "config": course.path("nbgrader_config.py").read_bytes()}
        outcome["guarded"] = guarded
        results[grader] = outcome
    return results


def _feedback_files(course, student) -> list[Path]:
    folder = course.path("feedback", student, ASSIGNMENT)
    return sorted(p for p in folder.rglob("*")) if folder.exists() else []


@pytest.mark.parametrize("grader", GRADERS)
def test_the_graders_ran_and_nothing_survived(batch, grader):
    outcome = batch[grader]
    assert outcome["survivors"] == []
    assert not Path("/tmp/redteam-daemon").exists()  # the daemon's /tmp was its sandbox's own
    assert outcome["guarded_after"] == outcome["guarded"]  # no source/ or config written by a student
    autograde_run = outcome["runs"][0]
    log = autograde_run.stdout + autograde_run.stderr
    assert autograde_run.returncode == 1, log[-3000:]  # submissions need attention, and it says so
    if grader == "workbook":
        assert "Traceback (most recent call last)" not in log, log[-3000:]
    else:  # nbgrader fails only the one submission whose timestamp it cannot read
        failed = set(re.findall(r"error processing assignment '\w+' for student '(\w+)'", log))
        assert failed == {"garbage_timestamp"}, log[-3000:]


@pytest.mark.parametrize("grader", GRADERS)
@pytest.mark.parametrize("honest", HONEST, ids=[h.id for h in HONEST])
def test_honest_classmates_keep_their_scores(batch, grader, honest):
    outcome = batch[grader]
    assert outcome["scores"][honest.id] == honest.score
    state = outcome["status"][honest.id]
    assert state.status == "needs_manual_grading", state.detail  # the reflection waits for a person
    assert outcome["penalties"][honest.id] == 0.0


@pytest.mark.parametrize("grader", GRADERS)
@pytest.mark.parametrize("attack", ATTACKS, ids=[a.id for a in ATTACKS])
def test_an_attack_earns_no_more_than_its_journal_and_is_named(batch, grader, attack):
    outcome = batch[grader]
    state = outcome["status"][attack.id]
    if attack.graded:
        assert outcome["scores"][attack.id] <= attack.earns
        assert outcome["scores"][attack.id] == pytest.approx(attack.earns) or attack.earns == 0 or \
            any("timed_out" in f for f in attack.flags), "an attack that changes nothing keeps what its data earns"
    else:
        assert outcome["scores"].get(attack.id, 0.0) == 0.0
    for alternatives in attack.flags:
        assert set(alternatives) & set(state.flags), (state.flags, state.detail)
    for words in attack.detail:
        assert words in state.detail, state.detail
    assert not set(attack.never) & set(state.flags), (state.flags, state.detail)
    if not attack.flags:
        allowed = ("needs_manual_grading", "tampered", "graded") + (("timed_out",) if attack.may_time_out else ())
        assert state.status in allowed, state.detail


@pytest.mark.parametrize("grader", GRADERS)
@pytest.mark.parametrize("attack", ATTACKS, ids=[a.id for a in ATTACKS])
def test_nothing_of_anyone_else_reaches_an_attackers_feedback(batch, grader, attack):
    course = batch[grader]["course"]
    files = _feedback_files(course, attack.id)
    # Pages, and the files release_feedback reads beside them (a time, a secret: nothing else in them).
    assert all((p.suffix == ".html" or p.name in EXCHANGE_FILES) and p.is_file() and not p.is_symlink()
               for p in files), files
    for page in files:
        text = page.read_text(encoding="utf-8", errors="replace")
        for foreign in (*MARKERS, *FOREIGN):
            assert foreign not in text, (page, foreign)


@pytest.mark.parametrize("grader", GRADERS)
def test_late_work_is_judged_by_what_the_files_say(batch, grader):
    outcome = batch[grader]
    for student in ("forged_early_timestamp", "deleted_timestamp"):
        assert outcome["penalties"][student] > 0, student


class _Scripts(HTMLParser):
    """Every script body and every attribute value of a page."""

    def __init__(self):
        super().__init__()
        self.scripts, self.attributes, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        self.attributes += [f"{tag} {k}={v}" for k, v in attrs if v]

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in_script = False


@pytest.mark.parametrize("grader", GRADERS)
@pytest.mark.parametrize("student", ("markdown_script", "output_script"))
def test_student_html_is_sanitized_in_feedback_and_graded_notebooks(batch, grader, student):
    course = batch[grader]["course"]
    page = course.path("feedback", student, ASSIGNMENT, f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
    parsed = _Scripts()
    parsed.feed(page)
    assert not [s for s in parsed.scripts if "PWNED" in s]
    assert not [a for a in parsed.attributes if "PWNED" in a or re.search(r"=\s*javascript:", a)]
    graded = json.loads(course.path("autograded", student, ASSIGNMENT, f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8"))
    shown = json.dumps([(c.get("outputs"), c["source"] if c["cell_type"] == "markdown" else "") for c in graded["cells"]])
    assert "<script" not in shown and "onerror" not in shown and "application/javascript" not in shown


@pytest.mark.browser
@pytest.mark.parametrize("student", ("markdown_script", "output_script", "honest_complete"))
def test_no_student_script_runs_when_a_feedback_page_is_opened(batch, student):
    from playwright.sync_api import sync_playwright

    course = batch["workbook"]["course"]
    page_path = course.path("feedback", student, ASSIGNMENT, f"{ASSIGNMENT}.html")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        try:
            page = browser.new_page()
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(page_path.as_uri())
            page.wait_for_timeout(1500)
            assert page.title() != "PWNED"
            assert dialogs == []
            assert page.evaluate("document.querySelectorAll('[onerror], [onload]').length") == 0
        finally:
            browser.close()
