"""Every chapter notebook in a real JupyterLab: Run All twice, then axe-core, then the widths at two window sizes.

One run of each notebook serves three checks, so the browser tests stay a small share of
``make test``. The journal is a finished student's (hostile and long names included), so
every widget has something to show and to fit.
"""

import datetime as dt
import json

import pytest
from playwright.sync_api import expect

from support.notebooks import build_populated_journal
from workbook.course.chapter import CHAPTER

from .conftest import SHOTS
from .lab import STDERR, axe_violations, open_notebook, run_all, width_problems

WIDGETS = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 1, "07": 1, "08": 3, "09": 1}
SIZES = {"1280": {"width": 1280, "height": 900}, "800": {"width": 800, "height": 900}}


@pytest.mark.browser
@pytest.mark.parametrize("filename", [entry.filename for entry in CHAPTER])
def test_notebook_runs_twice_and_its_widgets_are_accessible_and_fit(page, lab_server, workspace, filename):
    build_populated_journal(workspace / "journal.json", dt.date.today())
    page.set_viewport_size(SIZES["1280"])
    open_notebook(page, lab_server, f"{workspace.name}/{filename}")
    run_all(page)
    run_all(page)  # what students do, and what broke 02 and 08
    expect(page.locator(".jp-NotebookPanel .wb-widget")).to_have_count(WIDGETS.get(filename[:2], 0))
    assert page.locator(STDERR).all_inner_texts() == []
    assert page.get_by_text("Error displaying widget").count() == 0
    # Every notebook ends in (or, for 00, shows) a self-check, run below the widgets.
    expect(page.locator(".jp-NotebookPanel .wb-report").first).to_be_visible()

    found = axe_violations(page)
    theirs = [v for v in found if not v["workbook"]]
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"axe-jupyterlab-{filename[:2]}.json").write_text(json.dumps(theirs, indent=1), encoding="utf-8")
    # JupyterLab's own findings are listed apart (test-output/browser/axe-jupyterlab-NN.json), not judged here.
    print(f"{filename}: JupyterLab's own axe findings: {sorted({v['rule'] for v in theirs})}")
    assert [v for v in found if v["workbook"]] == []

    for name, size in SIZES.items():
        page.set_viewport_size(size)
        page.wait_for_timeout(300)  # JupyterLab lays the panel out again on resize
        assert width_problems(page) == [], f"at {name} px wide"
