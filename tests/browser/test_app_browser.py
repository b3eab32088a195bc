"""The app view (`make app`): the chapter served by Voila, the same widgets and journal, no code shown.

A student who never wants to see code opens the chapter as an app: the test
starts Voila exactly as `make app` does (tests/browser/app.py builds the
command from the Makefile's own variables), fills the network map, checks the
journal on disk, reloads the page (a new kernel: Voila starts one per visit),
and finds the values back.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import urllib.request
import uuid

import pytest
from playwright.sync_api import expect

from support.servers import wait_until_up
from .conftest import NOTEBOOKS, _free_port, _require_chromium
from .lab import wait_for_file

REPO = NOTEBOOKS.parent
START_SECONDS = 90


def _make_app_command() -> list[str]:
    """The `make app` recipe with this test's port and token, read from the Makefile (dry run)."""
    done = subprocess.run(["make", "-n", "-s", "app", "APP_PORT=PORT", "APP_TOKEN=TOKEN", "STAMP="],
                          cwd=REPO, capture_output=True, text=True, check=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith(".venv/bin/voila ")]
    assert len(lines) == 1, done.stdout
    return lines[0].split()


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    _require_chromium()
    base = tmp_path_factory.mktemp("app")
    course = base / "course"
    for name in ("notebooks", "assignments"):
        shutil.copytree(REPO / name, course / name, ignore=shutil.ignore_patterns("journal.json*", ".ipynb_checkpoints"))
    shutil.copy(REPO / "nbgrader_config.py", course)
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        env[name] = str(base / name.lower())
        os.makedirs(env[name])
    env.pop("WORKBOOK_JOURNAL", None)
    port, token = _free_port(), uuid.uuid4().hex
    command = [part.replace("PORT", str(port)).replace("TOKEN", token) for part in _make_app_command()]
    command[0] = str(REPO / command[0])
    log = base / "voila.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=course, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(process, lambda: urllib.request.urlopen(f"{url}/?token={token}", timeout=5).read(), "Voila", log,
                  START_SECONDS)
    yield {"url": url, "token": token, "course": course, "log": log, "command": command}
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def _new_page(chromium):
    """A page of its own context; every dialog it raises (a lost-work warning, say) is noted and dismissed."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return context, page, dialogs


def _open(page, app, notebook: str):
    page.goto(f"{app['url']}/voila/render/{notebook}?token={app['token']}")
    # Voila shows the page once every cell has run; the widget is then on it.
    page.locator(".wb-widget").first.wait_for(timeout=120_000)


@pytest.mark.browser
def test_make_app_serves_the_chapter_without_code(app, chromium):
    command = app["command"]
    assert command[:2] == [str(REPO / ".venv/bin/voila"), "notebooks"]
    assert "--Voila.ip=127.0.0.1" in command and "--no-browser" in command
    with urllib.request.urlopen(f"{app['url']}/voila/render/00_start_here.ipynb", timeout=10) as response:
        assert response.geturl().startswith(f"{app['url']}/login")  # no token, no journal
    context = chromium.new_context()
    page = context.new_page()
    try:
        page.goto(f"{app['url']}/?token={app['token']}")
        for notebook in ("00_start_here.ipynb", "02_map_your_network.ipynb", "09_watch_your_network_grow.ipynb"):
            expect(page.get_by_role("listitem", name=re.compile(f"Name: {re.escape(notebook)}"))).to_be_visible()
        page.goto(f"{app['url']}/voila/render/00_start_here.ipynb?token={app['token']}")
        expect(page.get_by_role("heading", name=re.compile("Start here"))).to_be_visible(timeout=120_000)
        assert page.locator(".cm-editor, .jp-InputArea-editor").count() == 0
    finally:
        context.close()


@pytest.mark.browser
def test_a_student_fills_the_map_in_the_app_and_finds_it_after_a_reload(app, chromium):
    journal = app["course"] / "notebooks" / "journal.json"
    context, page, dialogs = _new_page(chromium)
    try:
        _open(page, app, "02_map_your_network.ipynb")
        # An app: the prose and the widgets, no code cells and no code editor.
        assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor, .cm-editor").count() == 0
        expect(page.get_by_role("heading", name=re.compile("Map the network"))).to_be_visible()
        widget = page.locator(".wb-widget").first
        widget.get_by_label("Name", exact=True).fill("<b>Rosa</b> Quinn")
        widget.get_by_label("Group", exact=True).select_option(label="Alumni")
        widget.get_by_label("Organization", exact=True).fill("Harbour City Council")
        widget.get_by_role("button", name="Save", exact=True).click()
        expect(widget.locator(".wb-status-line.wb-saved")).to_contain_text("Saved")
        doc = wait_for_file(journal, lambda d: len(d["contacts"]) == 1)
        contact = doc["contacts"][0]
        assert (contact["name"], contact["category"], contact["organization"]) == (
            "<b>Rosa</b> Quinn", "alumni", "Harbour City Council")
        assert page.locator(".wb-widget b").count() == 0  # the name is text, not markup

        page.reload()  # a new visit: Voila starts a new kernel, which reads the journal again
        page.locator(".wb-widget").first.wait_for(timeout=120_000)
        widget = page.locator(".wb-widget").first
        expect(widget.locator(".wb-table")).to_contain_text("<b>Rosa</b> Quinn")
        widget.get_by_label("Contact to edit", exact=True).select_option(label="<b>Rosa</b> Quinn (Harbour City Council)")
        expect(widget.get_by_label("Organization", exact=True)).to_have_value("Harbour City Council")
        # The notebook's self-check shows in the app too, judging the saved map.
        expect(page.locator(".wb-report").first).to_contain_text("Network log check")
        assert dialogs == []
    finally:
        context.close()


def _ours(found: list[dict]) -> list[dict]:
    """axe findings in what the workbook draws. Voila's page template has no <main> landmark, so axe's
    "region" rule flags every cell of every app page; that is the template's, not the widgets'."""
    return [v for v in found if v["workbook"] and v["rule"] != "region"]


@pytest.mark.browser
def test_the_quiz_and_the_thank_you_note_work_in_the_app_and_come_back_after_a_reload(app, chromium):
    from workbook import Journal
    from workbook.checks.quiz import QUIZ

    from .lab import axe_violations

    journal = app["course"] / "notebooks" / "journal.json"
    book = Journal(journal)
    ana = book.add_contact(name="<b>Ana</b> Ruiz", category="work", added="2026-09-01")
    book.save_record("interviews", {
        "id": "iv-app", "contact_id": ana["id"], "name": ana["name"], "date": "2026-10-14", "minutes": 25,
        "answers": {"advice": "Volunteer at the cancer centre before applying."},
        "next_steps": "Email the ward manager by Friday."})
    context, page, dialogs = _new_page(chromium)
    try:
        # Notebook 01's quiz: radio buttons, marked as the student chooses, no code cell to type in.
        _open(page, app, "01_why_networking.ipynb")
        quiz = page.locator(".wb-widget").first
        for question in QUIZ:
            quiz.get_by_role("radio", name=f"{question.answer}) {dict(question.options)[question.answer]}",
                             exact=True).check()
        expect(quiz.locator(".wb-report")).to_contain_text("(5/5 passed)")
        wait_for_file(journal, lambda d: d["quiz_answers"] and d["quiz_answers"][0]["answers"] == {
            q.id: q.answer for q in QUIZ})
        assert _ours(axe_violations(page)) == []

        # Notebook 08's thank-you drafter, then the reminders as a download (the app has no file browser).
        _open(page, app, "08_follow_up_and_reflect.ipynb")
        drafter, tracker = page.locator(".wb-widget").nth(0), page.locator(".wb-widget").nth(1)
        drafter.get_by_label("Your name", exact=True).fill("Sam Lee")
        drafter.get_by_role("button", name="Fill in a draft from this interview").click()
        body = drafter.get_by_label("Thank-you note", exact=True)
        expect(body).to_have_value(re.compile(r"^Dear <b>Ana</b> Ruiz,\n"))
        # The tag in the name reads as a template blank to the check, quoted as text; only sending is left besides.
        expect(drafter.locator(".wb-report")).to_contain_text("(6/8 passed)")
        expect(drafter.locator(".wb-report")).to_contain_text("The greeting is still a template blank, \u201c<b>\u201d.")
        drafter.get_by_label("Sent on").fill("2026-10-15")
        drafter.get_by_role("button", name="Mark as sent and log it").click()
        doc = wait_for_file(journal, lambda d: d["thank_you_notes"] and d["thank_you_notes"][0]["sent"])
        [note] = doc["thank_you_notes"]
        assert (note["interview_id"], note["sent"]) == ("iv-app", "2026-10-15")
        assert note["body"].startswith("Dear <b>Ana</b> Ruiz,\n") and note["body"].endswith("Best regards,\nSam Lee")
        assert [(i["kind"], i["date"]) for i in doc["interactions"] if i["contact_id"] == ana["id"]] == [
            ("thank_you", "2026-10-15")]
        expect(drafter.locator(".wb-report")).to_contain_text("(7/8 passed)")
        assert page.locator(".wb-widget b").count() == 0  # the name is text, not markup
        tracker.get_by_role("button", name="Add to my calendar (.ics)").click()
        with page.expect_download() as download:
            tracker.get_by_role("link", name="Download networking_reminders.ics").click()
        written = app["course"] / "notebooks" / "networking_reminders.ics"
        assert open(download.value.path(), "rb").read() == written.read_bytes()
        assert _ours(axe_violations(page)) == []

        page.reload()  # a new kernel: everything comes back from the journal
        page.locator(".wb-widget").first.wait_for(timeout=120_000)
        drafter = page.locator(".wb-widget").first
        expect(drafter.get_by_label("Thank-you note", exact=True)).to_have_value(note["body"])
        expect(drafter.get_by_role("button", name="Mark as sent and log it")).to_be_disabled()
        expect(drafter).to_contain_text("Sent on 2026-10-15 and logged in your network.")
        _open(page, app, "01_why_networking.ipynb")
        quiz = page.locator(".wb-widget").first
        for question in QUIZ:
            expect(quiz.get_by_role("radio", name=f"{question.answer}) {dict(question.options)[question.answer]}",
                                    exact=True)).to_be_checked()
        # The check cell under the quiz marks what was saved.
        expect(page.locator(".wb-report").last).to_contain_text("(5/5 passed)")
        assert dialogs == []
    finally:
        context.close()
