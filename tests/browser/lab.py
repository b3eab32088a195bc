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


# -- what the page shows --------------------------------------------------------------------

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
STDERR = ".jp-NotebookPanel [data-mime-type='application/vnd.jupyter.stderr']"

# Where an axe finding lies: in what the chapter shows (a cell's rendered Markdown or its outputs,
# the widgets among them) or in JupyterLab's own page (menus, toolbars, the code editors).
_AXE_SCAN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  const ours = (node) => !!node && !!node.closest(".jp-OutputArea, .jp-MarkdownOutput");
  return result.violations.flatMap((v) => v.nodes.map((n) => {
    const target = n.target[0];
    let node = null;
    try { node = document.querySelector(target); } catch (e) { node = null; }
    return {rule: v.id, impact: v.impact, help: v.help, target: String(target),
            html: n.html.slice(0, 200), workbook: ours(node)};
  }));
}"""


def axe_violations(page: Page) -> list[dict]:
    """Every axe-core violation on the page, each marked ``workbook`` (ours) or not (JupyterLab's)."""
    if not AXE.exists():
        raise AssertionError(f"{AXE} is missing: run tests/browser/ensure-axe (make test does)")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(_AXE_SCAN)


# A control is too narrow when its value does not fit inside it: the text is measured with the
# control's own font on a canvas and compared with the room inside its padding (and, for a
# dropdown, its arrow). A button or label is cut when its content is wider than its box.
_WIDTHS = """(root) => {
  const found = [];
  const output = root.closest(".jp-OutputArea-output");
  const right = output.getBoundingClientRect().right + 1;
  const ctx = document.createElement("canvas").getContext("2d");
  const width = (el, text) => {
    const cs = getComputedStyle(el);
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    return ctx.measureText(text).width;
  };
  const room = (el, extra) => {
    const cs = getComputedStyle(el);
    return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - extra;
  };
  const name = (el) => {
    const box = el.closest(".widget-inline-hbox, .widget-button, .widget-html, .jupyter-widgets");
    const label = box && box.querySelector(".widget-label");
    return (label && label.textContent) || el.textContent.slice(0, 40) || el.tagName;
  };
  const visible = (el) => el.offsetParent !== null && el.getClientRects().length > 0;
  root.querySelectorAll("select:not([size])").forEach((el) => {
    if (!visible(el)) return;
    const text = el.selectedOptions.length ? el.selectedOptions[0].textContent : "";
    if (width(el, text) > room(el, 18)) found.push(`dropdown "${name(el)}" (${el.clientWidth}px) cuts "${text}"`);
  });
  root.querySelectorAll("input[type=text], input:not([type])").forEach((el) => {
    if (!visible(el)) return;
    if (width(el, el.value) > room(el, 0)) found.push(`box "${name(el)}" (${el.clientWidth}px) cuts "${el.value}"`);
  });
  root.querySelectorAll("input[type=date]").forEach((el) => {
    if (visible(el) && width(el, "00/00/0000") > room(el, 28)) found.push(`date "${name(el)}" (${el.clientWidth}px)`);
  });
  root.querySelectorAll("button, .widget-label").forEach((el) => {
    if (visible(el) && el.scrollWidth > el.clientWidth + 1) found.push(`"${el.textContent.trim()}" is cut`);
  });
  root.querySelectorAll("*").forEach((el) => {
    if (!visible(el) || el.closest(".wb-scroll")) return;
    const box = el.getBoundingClientRect();
    if (box.width && box.right > right) found.push(`${el.tagName}.${el.className} overflows by ${Math.round(box.right - right)}px`);
  });
  root.querySelectorAll(".wb-scroll").forEach((el) => {
    if (el.getBoundingClientRect().right > right) found.push("a table's scroll box is wider than the output");
  });
  return [...new Set(found)];
}"""


def width_problems(page: Page) -> list[str]:
    """What does not fit, in every workbook widget on the page (see _WIDTHS)."""
    problems = []
    for widget in page.locator(".jp-NotebookPanel .wb-widget").all():
        problems += widget.evaluate(_WIDTHS)
    return problems
