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
import sys
import datetime as dt
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from support.paths import REPO
from workbook.course.plan import move_plan_text, parse_plan_text

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]

PREFIX = Path("/opt/workbook-hub-test")  # the shared environment is kept between runs; the rest is not
PORT = 22800
HUB = f"http://127.0.0.1:{PORT}"
INSTRUCTOR = "wbhubinst"
TYPIST, LATE, WIDGETS = "wbhubtype", "wbhublate", "wbhubwidg"
STUDENTS = (TYPIST, LATE, WIDGETS)
ASSIGNMENT = "informational_interview"
COURSE_ID = "networking"
RUNUSER = shutil.which("runuser") or "/usr/sbin/runuser"
# The interview falls due a day from now; once the on-time work is in, the instructor moves the
# deadline to a few seconds ahead (`workbook plan` again) and the late student hands in after it.
DUE_FIRST = dt.timedelta(days=1)
DUE_MOVED = dt.timedelta(seconds=3)

if os.geteuid() != 0:
    pytest.skip("the hub test makes Unix users and starts servers as them: it runs as root (as CI does)",
                allow_module_level=True)


def sh(*args, check=True, **kwargs):
    done = subprocess.run(args, capture_output=True, text=True, timeout=kwargs.pop("timeout", 900), **kwargs)
    if check and done.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def home(user: str) -> Path:
    return Path("/home") / user


def as_user(user: str, command: str, check=True, cwd=None) -> subprocess.CompletedProcess:
    """``command`` in a login-like shell of ``user``, with the shared environment first on PATH."""
    env = {"PATH": f"{PREFIX}/env/bin:/usr/bin:/bin", "HOME": str(home(user)), "USER": user, "LANG": "C.UTF-8"}
    return sh(RUNUSER, "-u", user, "--", "bash", "-c", f"umask 022; cd {cwd or home(user)} && {command}",
              check=check, env=env)


def kill_processes_of(user: str) -> None:
    """Kill, by process id, whatever a test user still runs (their servers are stopped through the hub first)."""
    uid = int(sh("id", "-u", user).stdout)
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if int(fields.get("Uid", "-1 ").split()[0]) == uid:
            try:
                os.kill(int(status.parent.name), signal.SIGKILL)
            except ProcessLookupError:
                pass


def remove_users():
    for user in (INSTRUCTOR, *STUDENTS):
        if sh("id", user, check=False).returncode == 0:
            kill_processes_of(user)
            sh("userdel", "-r", user, check=False)


class Hub:
    def __init__(self, token: str):
        self.token = token
        self.user_tokens: dict[str, str] = {}

    def request(self, method: str, url: str, token: str, data=None, form=None):
        body, headers = None, {"Authorization": f"token {token}"}
        if data is not None:
            body, headers["Content-Type"] = json.dumps(data).encode(), "application/json"
        if form is not None:
            body, headers["Content-Type"] = urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
        request = urllib.request.Request(HUB + url, data=body, method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=120) as response:
            raw = response.read()
        return json.loads(raw) if raw.strip() else None

    def api(self, method, path, data=None):
        return self.request(method, "/hub/api" + path, self.token, data)

    def start(self, *users: str) -> None:
        """Start the users' servers (all at once) and make each of them an API token."""
        for user in users:
            try:
                self.api("POST", f"/users/{user}/server")
            except urllib.error.HTTPError as exc:
                if exc.code != 400:  # 400: already running
                    raise
        deadline = time.monotonic() + 120
        waiting = list(users)
        while waiting:
            model = self.api("GET", f"/users/{waiting[0]}")
            if (model.get("servers") or {}).get("", {}).get("ready"):
                self.user_tokens[waiting[0]] = self.api("POST", f"/users/{waiting[0]}/tokens", {"note": "hub test"})["token"]
                waiting.pop(0)
                continue
            if time.monotonic() > deadline:
                raise AssertionError(f"{waiting[0]}'s server never became ready: {model}")
            time.sleep(0.5)

    def as_(self, user, method, path, **kwargs):
        return self.request(method, f"/user/{user}{path}", self.user_tokens[user], **kwargs)

    def assignments(self, user, action):
        """An nbgrader assignment-list action (fetch, submit, fetch_feedback) through the user's server."""
        answer = self.as_(user, "POST", f"/assignments/{action}",
                          form={"course_id": COURSE_ID, "assignment_id": ASSIGNMENT})
        assert answer["success"], (user, action, answer)
        return answer


def plan_due_at(due: dt.datetime, path: Path, start: dt.date | None = None) -> Path:
    """The shipped plan moved so that the interview falls due at ``due`` (the rest keeps its weeks)."""
    shipped = (REPO / "assignments" / "course_plan.toml").read_text(encoding="utf-8")
    plan = parse_plan_text(shipped)
    due = due.replace(microsecond=0)
    if start is None:
        week = plan.assignment(ASSIGNMENT).week
        start = due.date() - dt.timedelta(weeks=week - 1, days=due.weekday())
    text = move_plan_text(shipped, start)
    moved_due = parse_plan_text(text).assignment(ASSIGNMENT).due
    text = text.replace(f"due = {moved_due:%Y-%m-%dT%H:%M:%S}", f"due = {due:%Y-%m-%dT%H:%M:%S}")
    assert parse_plan_text(text).assignment(ASSIGNMENT).due == due
    path.write_text(text, encoding="utf-8")
    return path


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


def typed_cell(notebook: Path, values: dict) -> None:
    """Put ``values`` into the notebook's typed-answers cell, as a student typing would."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "answers.save_typed_interview(typed_interview)" in "".join(c["source"]))
    cell["source"] = (f"typed_interview = {values!r}\n\nfrom workbook.grading import answers\n\n"
                      "answers.save_typed_interview(typed_interview)\n")
    notebook.write_text(json.dumps(nb, indent=1), encoding="utf-8")


def interview(held: dt.date, thin: bool = False) -> dict:
    model = json.loads((REPO / "source" / ASSIGNMENT / "journal.json").read_text(encoding="utf-8"))
    record, = model["interviews"]
    reflection, = model["reflections"]
    values = {
        "name": record["name"], "category": "alumni", "occupation": record["occupation"],
        "organization": record["organization"], "date": held.isoformat(), "minutes": 30,
        "answers": dict(record["answers"]), "learned": record["learned"], "next_steps": record["next_steps"],
        "thank_you_sent": (held + dt.timedelta(days=1)).isoformat(),
        "next_contact": {"name": "Priya Raman", "occupation": "Hydrologist", "organization": "State Water Board"},
        "reflection": {k: reflection[k] for k in ("went_well", "surprised", "do_better")},
    }
    if thin:
        values["answers"]["outlook"] = "n/a"
        values["answers"]["advice"] = ""
    return values


SHOTS = REPO / "test-output" / "hub"


def widget_student_in_chromium(password: str) -> dict:
    """The widget student logs in through the hub, opens the assignment, runs it and uses its widgets.

    Returns what the page showed: the nbgrader menu's items and the interview recorder's people.
    """
    from playwright.sync_api import expect, sync_playwright

    from browser.conftest import CHROMIUM, FLAGS
    from browser.lab import menu, wait_idle

    SHOTS.mkdir(parents=True, exist_ok=True)
    seen = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            page.goto(f"{HUB}/hub/login")
            page.fill("#username_input", WIDGETS)
            page.fill("#password_input", password)
            page.click("#login_submit")
            page.wait_for_url(f"**/user/{WIDGETS}/**", timeout=120_000)
            page.goto(f"{HUB}/user/{WIDGETS}/lab/tree/{ASSIGNMENT}/{ASSIGNMENT}.ipynb?reset")
            page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for(timeout=120_000)
            expect(page.locator(".jp-NotebookPanel .jp-Toolbar-kernelName")).to_contain_text("Python 3", timeout=60_000)
            wait_idle(page)
            seen["menus"] = page.locator("#jp-menu-panel .lm-MenuBar-itemLabel").all_inner_texts()
            if "Nbgrader" in seen["menus"]:
                page.locator("#jp-menu-panel .lm-MenuBar-itemLabel", has_text="Nbgrader").click()
                seen["nbgrader_menu"] = page.locator(".lm-Menu .lm-Menu-itemLabel").all_inner_texts()
                page.keyboard.press("Escape")
            menu(page, "Run", "Run All Cells")
            wait_idle(page)
            recorder = page.locator(".jp-NotebookPanel .jp-CodeCell").nth(0).locator(".jp-OutputArea-output")
            who = recorder.get_by_label("Who (from your network)")
            who.wait_for(timeout=60_000)
            seen["people"] = who.locator("option").all_inner_texts()
            page.screenshot(path=str(SHOTS / "widget-student.png"), full_page=True)
        finally:
            browser.close()
    return seen


def cannot(user: str, command: str) -> None:
    done = as_user(user, command, check=False)
    assert done.returncode != 0 and "ermission denied" in done.stderr, (user, command, done.stdout, done.stderr)


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
        assert sorted(p.name for p in (home(user) / ASSIGNMENT).iterdir()) == [f"{ASSIGNMENT}.ipynb"]
    held = first.assignment(ASSIGNMENT).due.date() - dt.timedelta(days=3)  # from the plan: a few days before the due date, so already past
    phase('widget student in Chromium')
    seen = widget_student_in_chromium(hub.password)
    assert seen["menus"] == ["File", "Edit", "View", "Run", "Kernel", "Nbgrader", "Tabs", "Settings", "Help"]
    assert [item for item in seen["nbgrader_menu"] if item] == ["Assignment List"]  # no formgrader, no tools
    # On main's widgets a widget-only student cannot add the person they interviewed inside the
    # assignment (issue 14's last item, the widgets engineer's): the recorder offers nobody to choose.
    assert seen["people"] == [""]
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

    # The reflection, graded by hand through the formgrader's own API in the instructor's server.
    phase('formgrader')
    submitted = hub.as_(INSTRUCTOR, "GET", f"/formgrader/api/submitted_notebooks/{ASSIGNMENT}/{ASSIGNMENT}")
    assert sorted(s["student"] for s in submitted) == sorted(STUDENTS)
    for notebook in submitted:
        grades = hub.as_(INSTRUCTOR, "GET", f"/formgrader/api/grades?submission_id={notebook['id']}")
        [reflection] = [g for g in grades if g["name"] == "reflection"]
        hub.as_(INSTRUCTOR, "PUT", f"/formgrader/api/grade/{reflection['id']}",
                data={"manual_score": {TYPIST: 2.0, LATE: 1.0, WIDGETS: 0.0}[notebook["student"]]})

    feedback = as_user(INSTRUCTOR, f"workbook feedback {ASSIGNMENT}", check=False)
    assert feedback.returncode == 0, feedback.stdout + feedback.stderr
    as_user(INSTRUCTOR, f"nbgrader release_feedback {ASSIGNMENT}")
    for user in STUDENTS:
        hub.assignments(user, "fetch_feedback")
        pages = list((home(user) / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html"))
        assert len(pages) == 1
    for user in STUDENTS:
        cannot(user, f"ls {course}/feedback")
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
    # Nothing reachable through main's widgets: 0, and (issue 17, item 4) not yet a status of its own.
    assert (float(rows[WIDGETS]["raw_score"]), float(rows[WIDGETS]["score"])) == (0.0, 0.0)
    assert (rows[TYPIST]["status"], rows[LATE]["status"]) == ("graded", "graded")
    assert (home(INSTRUCTOR) / "grades.csv").stat().st_mode & 0o077 == 0
    report = as_user(INSTRUCTOR, "workbook class-report --out class_report", check=False)
    assert report.returncode == 0, report.stdout + report.stderr
    assert re.search(r"Counted 2 journal", report.stdout)
