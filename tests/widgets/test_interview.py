"""The interview recorder widget, headless, on a journal in a temporary folder."""

import datetime as dt

import pytest

from workbook import Journal
from workbook.checks import selfcheck
from workbook.checks.question_bank import required_questions
from workbook.widgets import interview_recorder
from workbook.widgets.interview import InterviewRecorder

HOSTILE = "<img src=x onerror=alert(1)>"
TODAY = dt.date(2026, 10, 20)
ANSWER = "She described planning the week's patient visits, then long shifts on the ward with a team of six."


@pytest.fixture
def ana(path):
    return Journal(path).add_contact(name="Ana Ruiz", category="work", occupation="Nurse", organization="Clinic")


def complete(w, contact_id):
    w.fields["contact_id"].value = contact_id
    w.fields["date"].value = dt.date(2026, 10, 14)
    w.fields["minutes"].value = "25"
    for q in required_questions():
        w.fields[f"answers.{q.id}"].value = f"{ANSWER} ({q.id})"
    w.fields["learned"].value = "Night shifts rotate monthly; charting takes an hour a day; unions set the pay scale."
    w.fields["next_steps"].value = "Email the ward manager she named by Friday."
    w.fields["asked_for_referral"].value = True
    w.fields["next_contact"].value = "Dr. Okafor"


def test_choosing_a_contact_fills_who_they_are(path, ana):
    w = interview_recorder(path)
    w.fields["contact_id"].value = ana["id"]
    assert [w.fields[k].value for k in ("name", "occupation", "organization")] == ["Ana Ruiz", "Nurse", "Clinic"]


def test_full_record_is_saved_logged_once_and_restored(path, ana, on_disk):
    w = InterviewRecorder(path, today=TODAY)
    complete(w, ana["id"])
    assert 'data-id="length" data-passed="true"' in w.report.value
    assert w.flush()
    assert w.status.text.endswith("(interview logged in your network)")
    doc = on_disk(path)
    [record] = doc["interviews"]
    [interaction] = doc["interactions"]
    assert (interaction["kind"], interaction["date"], interaction["minutes"], interaction["contact_id"]) == (
        "informational_interview", "2026-10-14", 25, ana["id"])
    assert record["interaction_id"] == interaction["id"]
    assert {k: record[k] for k in ("contact_id", "name", "occupation", "organization", "date", "minutes",
                                   "asked_for_referral", "next_contact")} == {
        "contact_id": ana["id"], "name": "Ana Ruiz", "occupation": "Nurse", "organization": "Clinic",
        "date": "2026-10-14", "minutes": 25, "asked_for_referral": True, "next_contact": "Dr. Okafor"}
    assert record["answers"]["skills"] == f"{ANSWER} (skills)"
    assert doc["contacts"][0]["status"] == "interviewed"
    assert selfcheck.interview(w.journal).passed

    # Saving again (and after a restart) never logs the interview twice.
    w.fields["notes"].value = "Bring a resume next time."
    w.save_button.click()
    again = InterviewRecorder(path, today=TODAY)
    assert again.fields["notes"].value == "Bring a resume next time."
    assert again.fields["answers.outlook"].value == f"{ANSWER} (outlook)"
    assert again.fields["minutes"].value == "25" and again.fields["date"].value == dt.date(2026, 10, 14)
    assert again.fields["asked_for_referral"].value is True
    assert again.fields["contact_id"].value == ana["id"]
    again.fields["learned"].value = "More."
    again.flush()
    doc = on_disk(path)
    assert len(doc["interactions"]) == 1 and len(doc["interviews"]) == 1


def test_correcting_the_date_or_length_corrects_the_logged_interview(path, ana, on_disk):
    w = InterviewRecorder(path, today=TODAY)
    complete(w, ana["id"])
    w.save()
    [first] = on_disk(path)["interactions"]
    w.fields["date"].value = dt.date(2026, 10, 12)
    w.fields["minutes"].value = "35"
    w.save()
    assert w.status.text.endswith("(the logged interview was corrected to match)")
    [corrected] = on_disk(path)["interactions"]
    assert (corrected["id"], corrected["date"], corrected["minutes"]) == (first["id"], "2026-10-12", 35)


def test_a_second_interview_gets_its_own_record(path, ana, on_disk):
    bo = Journal(path).add_contact(name="Bo", category="alumni")
    w = InterviewRecorder(path, today=TODAY)
    complete(w, ana["id"])
    w.save()
    w.new_button.click()
    assert w.fields["name"].value == "" and w.record_id is None
    w.fields["contact_id"].value = bo["id"]
    w.fields["date"].value = dt.date(2026, 10, 18)
    w.save()
    doc = on_disk(path)
    assert sorted(r["name"] for r in doc["interviews"]) == ["Ana Ruiz", "Bo"]
    assert sorted(i["contact_id"] for i in doc["interactions"]) == sorted([ana["id"], bo["id"]])
    labels = [label for label, _ in w.chooser.options]
    assert labels == ["(a new interview)", "Bo, 2026-10-18", "Ana Ruiz, 2026-10-14"]
    w.chooser.value = next(v for label, v in w.chooser.options if label.startswith("Ana"))
    assert w.fields["next_contact"].value == "Dr. Okafor"


def test_future_date_is_saved_but_not_logged(path, ana, on_disk):
    w = InterviewRecorder(path, today=TODAY)
    w.fields["contact_id"].value = ana["id"]
    w.fields["date"].value = TODAY + dt.timedelta(days=3)
    assert w.save()
    assert "not logged in your network until the date has come" in w.status.text
    assert on_disk(path)["interactions"] == []
    assert 'data-id="date" data-passed="false"' in w.report.value


def test_bad_minutes_are_refused_inline_and_nothing_is_written(path, ana):
    w = InterviewRecorder(path, today=TODAY)
    before = path.read_bytes()
    w.fields["minutes"].value = "half an hour"
    assert 'data-id="length" data-passed="false"' in w.report.value
    assert w.flush() is False
    assert "is not a number of minutes" in w.form.messages["minutes"].value
    assert path.read_bytes() == before
    assert w.fields["minutes"].value == "half an hour"


def test_hostile_and_huge_text(path, ana, on_disk):
    w = InterviewRecorder(path, today=TODAY)
    w.fields["name"].value = HOSTILE
    w.fields["answers.advice"].value = HOSTILE * 3
    assert "<img" not in w.report.value and "&lt;img src=x onerror=alert(1)&gt;" in w.report.value
    assert w.flush()
    assert on_disk(path)["interviews"][0]["name"] == HOSTILE
    assert ("(no name yet)" not in w.chooser.options[1][0]) and w.chooser.options[1][0].startswith(HOSTILE)
    before = path.read_bytes()
    huge = "é" * 100_000
    w.fields["answers.advice"].value = huge
    assert w.flush() is False
    assert "100,000 characters long" in w.form.messages["answers.advice"].value
    assert w.fields["answers.advice"].value == huge
    assert path.read_bytes() == before


def test_corrupt_journal_is_reported_and_left_alone(path):
    path.write_text('{"schema_version": 99, "kind": "networking-workbook-journal"}')
    before = path.read_bytes()
    w = interview_recorder(path)
    assert "newer workbook" in w.status.text
    w.fields["name"].value = "Ana"
    assert w.save() is False
    assert path.read_bytes() == before and w.fields["name"].value == "Ana"
