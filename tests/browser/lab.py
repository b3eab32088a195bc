"""Driving JupyterLab 4 from Playwright: open a notebook, run it, restart it, read widget state."""

from __future__ import annotations

import json
import time
from pathlib import Path

from playwright.sync_api import Page, expect


def open_notebook(page: Page, server, relative: str) -> None:
    """Open a notebook with a fresh layout and wait until its kernel is idle."""
    page.goto(f"{server.url}/lab/tree/{relative}?reset&token={server.token}")
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for()
    expect(page.locator(".jp-NotebookPanel .jp-Toolbar-kernelName")).to_contain_text("Python 3")
    wait_idle(page)


def wait_idle(page: Page) -> None:
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()


def menu(page: Page, top: str, item: str) -> None:
    page.locator("#jp-menu-panel .lm-MenuBar-itemLabel", has_text=top).click()
    page.locator(".lm-Menu .lm-Menu-itemLabel", has_text=item).first.click()


def run_all(page: Page) -> None:
    menu(page, "Run", "Run All Cells")
    wait_idle(page)


def restart_and_run_all(page: Page) -> None:
    """Restart the kernel, then run every cell again, as a student coming back another day.

    "Restart Kernel and Clear Outputs" is used because the outputs vanish only
    once the restart has happened; waiting for that keeps the test from
    reading the old kernel's widgets.
    """
    menu(page, "Kernel", "Restart Kernel and Clear Outputs of All Cells")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.locator(".jp-Dialog").wait_for(state="detached")
    expect(page.locator(".jp-NotebookPanel .jp-OutputArea-output")).to_have_count(0)
    wait_idle(page)
    run_all(page)


def widget_area(page: Page, cell: int = 0):
    """The output area of the notebook's ``cell``-th code cell."""
    return page.locator(".jp-NotebookPanel .jp-CodeCell").nth(cell).locator(".jp-OutputArea-output")


def wait_for_file(path: Path, condition, timeout: float = 30.0) -> dict:
    """Poll a journal file until ``condition(document)`` holds; return the document."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = json.loads(path.read_text(encoding="utf-8"))
            if condition(last):
                return last
        except (FileNotFoundError, json.JSONDecodeError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{path} never met the condition; last content: {last!r}")
