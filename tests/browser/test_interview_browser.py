"""The interview recorder in a real JupyterLab: filled in, saved and logged, back after a restart."""

import pytest
from playwright.sync_api import expect

from workbook import Journal

from .lab import open_notebook, restart_and_run_all, run_all, wait_for_file, widget_area

SKILLS = "Clear writing, patience with patients, and quick arithmetic for doses on every shift."


@pytest.mark.browser
def test_student_records_an_interview_and_finds_it_after_restart(page, lab_server, workspace):
    journal_path = workspace / "journal.json"
    ana = Journal(journal_path).add_contact(name="Ana Ruiz", category="work", occupation="Nurse",
                                            organization="City Clinic")
    open_notebook(page, lab_server, f"{workspace.name}/07_hold_the_interview.ipynb")
    run_all(page)
    area = widget_area(page)
    area.get_by_label("Who (from your network)").select_option(label="Ana Ruiz (City Clinic)")
    expect(area.get_by_label("Occupation", exact=True)).to_have_value("Nurse")
    area.get_by_label("Date held").fill("2026-10-14")
    area.get_by_label("Length (minutes)").fill("25")
    area.get_by_label("What specific skills and aptitudes does this kind of work call for?").fill(SKILLS)
    area.get_by_label("I asked for another contact").check()
    area.get_by_label("Name they gave you").fill("Dr. Okafor")
    area.get_by_role("button", name="Save", exact=True).click()
    # Leaving the last box already saved and logged it (the guard saves on blur), so the click's own save
    # may have found nothing new to log: either way the status says saved.
    expect(area.locator(".wb-status-line.wb-saved")).to_contain_text("Saved")
    doc = wait_for_file(journal_path, lambda d: d["interviews"] and d["interactions"])
    [record], [logged] = doc["interviews"], doc["interactions"]
    assert (record["contact_id"], record["date"], record["minutes"]) == (ana["id"], "2026-10-14", 25)
    assert record["answers"]["skills"] == SKILLS
    assert (record["asked_for_referral"], record["next_contact"]) == (True, "Dr. Okafor")
    assert (logged["kind"], logged["id"]) == ("informational_interview", record["interaction_id"])

    restart_and_run_all(page)
    area = widget_area(page)
    expect(area.get_by_label("What specific skills and aptitudes does this kind of work call for?")).to_have_value(SKILLS)
    expect(area.get_by_label("Date held")).to_have_value("2026-10-14")
    expect(area.get_by_label("Length (minutes)")).to_have_value("25")
    expect(area.get_by_label("I asked for another contact")).to_be_checked()
    expect(area.get_by_label("Interview record")).to_have_value("Ana Ruiz, 2026-10-14")
    # The restored widget has not saved anything on its own: still one interaction.
    assert len(Journal(journal_path).interactions()) == 1
