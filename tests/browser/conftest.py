"""A private JupyterLab server and headless Chromium for the browser tests.

Follows /work/shared/reference/browser-testing.md: Debian's Chromium at
/usr/bin/chromium driven by Playwright's sync API (never `playwright install`),
a server on 127.0.0.1 with its own JUPYTER_* folders, and a copy of the
chapter notebooks per test so the repository's files are never touched.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest

from support.servers import wait_until_up

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
SHOTS = REPO / "test-output" / "browser"
SERVER_START_SECONDS = 90


def _free_port() -> int:
    """A free port on 127.0.0.1: any, or one in WORKBOOK_TEST_PORTS ("24000-24999") on a shared machine."""
    wanted = os.environ.get("WORKBOOK_TEST_PORTS", "")
    low, _, high = wanted.partition("-")
    candidates = range(int(low), int(high or low) + 1) if low.strip().isdigit() else [0]
    for port in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError(f"no free port in WORKBOOK_TEST_PORTS={wanted}")


class LabServer:
    """A running JupyterLab: its URL, token and the folder it serves."""

    def __init__(self, root: Path, port: int, token: str, process: subprocess.Popen, log: Path):
        self.root, self.port, self.token, self.process, self.log = root, port, token, process, log
        self.url = f"http://127.0.0.1:{port}"

    def api(self, method: str, path: str):
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def stop_kernels(self) -> None:
        """Kernels outlive the page, so each test ends its own sessions."""
        for session in self.api("GET", "/api/sessions"):
            try:
                self.api("DELETE", f"/api/sessions/{session['id']}")
            except OSError:
                # A kernel caught mid-restart refuses; the server's own shutdown ends it.
                pass


def _require_chromium() -> None:
    # A missing browser is a broken set-up, not a reason to skip: make test installs it.
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run tests/browser/ensure-chromium (make test does) "
                    "or apt-get install chromium", pytrace=False)


@pytest.fixture(scope="package")
def lab_server(tmp_path_factory):
    _require_chromium()
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    root.mkdir()
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR",
                 "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR"):
        env[name] = str(base / name.lower())
        Path(env[name]).mkdir()
    env.pop("WORKBOOK_JOURNAL", None)  # the journal must be the one beside the notebook
    news = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    port, token = _free_port(), uuid.uuid4().hex
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.token={token}", f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")
    log = base / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = LabServer(root, port, token, process, log)
    wait_until_up(process, lambda: server.api("GET", "/api/status"), "JupyterLab", log, SERVER_START_SECONDS)
    yield server
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="package")
def chromium():
    from playwright.sync_api import sync_playwright

    _require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def workspace(lab_server, request):
    """A fresh copy of the chapter notebooks, served at lab/tree/<name>/."""
    name = request.node.name.replace("[", "_").replace("]", "")
    folder = lab_server.root / name
    shutil.copytree(NOTEBOOKS, folder, ignore=shutil.ignore_patterns("journal.json*", ".ipynb_checkpoints"))
    return folder


@pytest.fixture
def page(chromium, lab_server, request):
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = str(SHOTS / f"{request.node.name}.png")
    try:
        # The widget, scrolled into view, says more than the notebook's visible window.
        widget = page.locator(".jp-NotebookPanel .jp-CodeCell").first.locator(".jp-OutputArea-output").first
        if widget.count():
            widget.screenshot(path=shot, timeout=10_000)
        else:
            page.screenshot(path=shot)
    except Exception:  # noqa: BLE001 - a missing screenshot must not hide the test's own result
        page.screenshot(path=shot)
    finally:
        context.close()
        lab_server.stop_kernels()
