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
import time
import urllib.request
import uuid

import pytest
from playwright.sync_api import expect

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
    deadline = time.monotonic() + START_SECONDS
    while True:
        if process.poll() is not None:
            pytest.fail(f"Voila exited with {process.returncode}:\n{log.read_text()[-3000:]}", pytrace=False)
        try:
            urllib.request.urlopen(f"{url}/?token={token}", timeout=5).read()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"Voila did not answer within {START_SECONDS} s:\n{log.read_text()[-3000:]}",
                            pytrace=False)
            time.sleep(0.3)
    yield {"url": url, "token": token, "course": course, "log": log, "command": command}
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


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
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
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
