"""Helpers of the hub test: its users, commands run as them, the hub's and the servers' REST APIs.

Everything here acts on the test's own Unix users (prefix wbhub) and the hub on 127.0.0.1:22800.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from support.paths import REPO
from workbook.checks.question_bank import required_questions
from workbook.course.plan import move_plan_text, parse_plan_text

PREFIX = Path("/opt/workbook-hub-test")  # the shared environment is kept between runs; the rest is not
PORT = int(os.environ.get("WORKBOOK_HUB_TEST_PORT", "22800"))  # and the two ports after it (hub, proxy API)
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
    note, = model["thank_you_notes"]
    values = {
        "name": record["name"], "category": "alumni", "occupation": record["occupation"],
        "organization": record["organization"], "date": held.isoformat(), "minutes": 30,
        "answers": dict(record["answers"]), "learned": record["learned"], "next_steps": record["next_steps"],
        "thank_you_sent": (held + dt.timedelta(days=1)).isoformat(), "thank_you_note": note["body"],
        "next_contact": {"name": "Priya Raman", "occupation": "Hydrologist", "organization": "State Water Board"},
        "reflection": {k: reflection[k] for k in ("went_well", "surprised", "do_better")},
    }
    if thin:
        values["answers"]["outlook"] = "n/a"
        values["answers"]["advice"] = ""
    return values


SHOTS = REPO / "test-output" / "hub"


def widget_student_in_chromium(password: str, values: dict) -> dict:
    """The widget student logs in through the hub, opens the assignment, runs it and fills its widgets.

    Everything in ``values`` (as ``interview()`` makes them) goes in through the three widgets, by
    mouse and keyboard: the recorder (adding the interviewee and the person they named), the
    follow-up tracker (the thank-you note) and the reflection. Returns the nbgrader menu's items.
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
            cells = page.locator(".jp-NotebookPanel .jp-CodeCell")
            recorder, drafter, tracker, reflection = (cells.nth(n).locator(".jp-OutputArea-output") for n in range(4))
            recorder.get_by_label("Who (from your network)").wait_for(timeout=60_000)
            for label, key in (("Name", "name"), ("Occupation", "occupation"), ("Organization", "organization")):
                recorder.get_by_label(label, exact=True).fill(values[key])
            recorder.get_by_label("Their group", exact=True).select_option(label="Alumni")
            recorder.get_by_role("button", name="Add them to my network").click()
            expect(recorder).to_contain_text(f"Added {values['name']} to your network and linked this record.")
            recorder.get_by_label("Date held").fill(values["date"])
            recorder.get_by_label("Length (minutes)").fill(str(values["minutes"]))
            for question in required_questions():
                recorder.get_by_label(question.text, exact=True).fill(values["answers"][question.id])
            recorder.get_by_label("What you learned", exact=True).fill(values["learned"])
            recorder.get_by_label("Your next steps", exact=True).fill(values["next_steps"])
            recorder.get_by_label("Name they gave you", exact=True).fill(values["next_contact"]["name"])
            recorder.get_by_role("button", name="Add or link the person they named").click()
            expect(recorder).to_contain_text(f"Added {values['next_contact']['name']} to your network, introduced by")
            recorder.get_by_role("button", name="Save", exact=True).click()
            expect(recorder.locator(".wb-status-line")).to_contain_text("Saved")
            # The thank-you note: drafted from the record just saved, then marked sent, which logs it.
            drafter.get_by_role("button", name="Fill in a draft from this interview").click()
            expect(drafter.get_by_label("Thank-you note", exact=True)).to_have_value(
                re.compile(f"^Dear {re.escape(values['name'])},"))
            drafter.get_by_label("Sent on").fill(values["thank_you_sent"])
            drafter.get_by_role("button", name="Mark as sent and log it").click()
            expect(drafter.get_by_role("button", name="Mark as sent and log it")).to_be_disabled()
            tracker.get_by_role("button", name="Refresh").click()
            expect(tracker.get_by_role("button", name="Mark thank-you sent")).to_have_count(0)
            for key, prompt in (("went_well", "What went well in the conversation?"),
                                ("surprised", "What surprised you about their work or their path?"),
                                ("do_better", "What will you do differently in your next interview?")):
                reflection.get_by_label(prompt, exact=True).fill(values["reflection"][key])
            reflection.get_by_role("button", name="Save", exact=True).click()
            wait_idle(page)
            page.screenshot(path=str(SHOTS / "widget-student.png"), full_page=True)
        finally:
            browser.close()
    return seen


def cannot(user: str, command: str) -> None:
    done = as_user(user, command, check=False)
    assert done.returncode != 0 and "ermission denied" in done.stderr, (user, command, done.stdout, done.stderr)
