"""The interview recorder in a real JupyterLab: filled in, saved and logged, back after a restart; then the
thank-you note drafted from it in notebook 08 by keyboard, marked sent, and the reminders downloaded."""

import re

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
    # A save on leaving an earlier box may already have logged the interview: wait for the last box too.
    doc = wait_for_file(journal_path, lambda d: d["interviews"] and d["interactions"]
                        and d["interviews"][0]["next_contact"] == "Dr. Okafor")
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

    # After the interview, in the same session: notebook 08's thank-you drafter, by keyboard alone.
    open_notebook(page, lab_server, f"{workspace.name}/08_follow_up_and_reflect.ipynb")
    run_all(page)
    drafter, tracker = widget_area(page, 0), widget_area(page, 1)
    drafter.get_by_label("Your name", exact=True).focus()
    page.keyboard.type("Sam Lee")
    page.keyboard.press("Tab")
    expect(drafter.get_by_label("Thank-you note for")).to_be_focused()
    page.keyboard.press("Tab")
    expect(drafter.get_by_role("button", name="Fill in a draft from this interview")).to_be_focused()
    page.keyboard.press("Enter")
    body = drafter.get_by_label("Thank-you note", exact=True)
    expect(body).to_have_value(re.compile(r"^Dear Ana Ruiz,\n\nThank you for taking the time to talk with me on "
                                          r"Wednesday\. What stays with me most is what you told me, as I noted it: "
                                          f"\u201c{re.escape(SKILLS)}\u201d"))
    page.keyboard.press("Tab")
    expect(body).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nP.S. I start the dosage course next month.")
    expect(drafter.locator(".wb-report")).to_contain_text("Thank-you note check")
    drafter.get_by_label("Sent on").fill("2026-10-15")
    drafter.get_by_role("button", name="Mark as sent and log it").focus()
    page.keyboard.press("Enter")
    doc = wait_for_file(journal_path, lambda d: d["thank_you_notes"] and d["thank_you_notes"][0]["sent"])
    [note] = doc["thank_you_notes"]
    assert (note["sent"], note["interview_id"], note["contact_id"]) == ("2026-10-15", record["id"], ana["id"])
    assert note["body"].endswith("Sam Lee\nP.S. I start the dosage course next month.")
    assert doc["student"]["name"] == "Sam Lee"
    assert sorted((i["kind"], i["date"]) for i in doc["interactions"]) == [
        ("informational_interview", "2026-10-14"), ("thank_you", "2026-10-15")]
    expect(drafter.get_by_role("button", name="Mark as sent and log it")).to_be_disabled()

    # The reminders: written beside the journal, and the same file offered as a download.
    tracker.get_by_role("button", name="Add to my calendar (.ics)").click()
    link = tracker.get_by_role("link", name="Download networking_reminders.ics")
    with page.expect_download() as download:
        link.click()
    written = workspace / "networking_reminders.ics"
    assert download.value.suggested_filename == "networking_reminders.ics"
    assert open(download.value.path(), "rb").read() == written.read_bytes()
    assert written.read_bytes().startswith(b"BEGIN:VCALENDAR")
