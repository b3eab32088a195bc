"""The network map in a real JupyterLab: typed in, saved to disk, back after a kernel restart."""

import pytest
from playwright.sync_api import expect

from .lab import open_notebook, restart_and_run_all, run_all, wait_for_file, widget_area

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.mark.browser
def test_student_adds_contacts_and_finds_them_after_restart(page, lab_server, workspace):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    journal = workspace / "journal.json"
    open_notebook(page, lab_server, f"{workspace.name}/02_map_your_network.ipynb")
    run_all(page)
    area = widget_area(page)
    name = area.get_by_label("Name", exact=True)
    name.fill(HOSTILE)
    area.get_by_label("Group", exact=True).select_option(label="Work (co-workers, supervisors)")
    area.get_by_label("Organization", exact=True).fill("Acme Ltd")
    area.get_by_role("button", name="Save", exact=True).click()
    expect(area.locator(".wb-status-line.wb-saved")).to_contain_text("Saved")
    doc = wait_for_file(journal, lambda d: len(d["contacts"]) == 1 and d["contacts"][0]["organization"])
    first = doc["contacts"][0]
    assert (first["name"], first["category"], first["organization"]) == (HOSTILE, "work", "Acme Ltd")

    # A second contact, introduced by the first, saved only by pausing (no Save click).
    area.get_by_role("button", name="Start a new contact").click()
    expect(name).to_have_value("")
    name.fill("Bo Chen")
    area.get_by_label("Introduced by", exact=True).select_option(label=f"{HOSTILE} (Acme Ltd)")
    area.get_by_label("Occupation", exact=True).press_sequentially("Nurse")
    doc = wait_for_file(journal, lambda d: any(c["occupation"] == "Nurse" for c in d["contacts"]))
    bo = next(c for c in doc["contacts"] if c["name"] == "Bo Chen")
    assert bo["introduced_by"] == first["id"]
    # The hostile name shows as text in the table, never as an element.
    table = area.locator(".wb-table")
    expect(table).to_contain_text(HOSTILE)
    assert area.locator(".wb-table img").count() == 0

    restart_and_run_all(page)
    area = widget_area(page)
    expect(area.locator(".wb-table")).to_contain_text("Bo Chen")
    area.get_by_label("Contact to edit", exact=True).select_option(label="Bo Chen")
    expect(area.get_by_label("Name", exact=True)).to_have_value("Bo Chen")
    expect(area.get_by_label("Occupation", exact=True)).to_have_value("Nurse")
    expect(area.locator(".wb-counts")).to_contain_text("2 contact(s)")
    assert dialogs == []
