"""The request email drafter widget, headless, on a journal in a temporary folder."""

import datetime as dt

import pytest

from workbook import Journal
from workbook.checks import selfcheck
from workbook.widgets import request_email_drafter
from workbook.widgets.request_email import draft_email

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def people(path):
    j = Journal(path)
    bo = j.add_contact(name="Bo Chen", category="school")
    ana = j.add_contact(name="Ana Ruiz", category="work", occupation="Nurse", field="nursing", introduced_by=bo["id"])
    return {"ana": ana, "bo": bo}


def test_draft_names_the_introducer_and_signs_with_the_student(people):
    subject, body = draft_email(people["ana"], people["bo"], "Sam Lee")
    assert subject == "A 20-minute conversation about nursing?"
    lines = body.splitlines()
    assert lines[0] == "Dear Ana Ruiz,"
    assert lines[2].startswith("Bo Chen suggested I contact you. I am a student exploring a career in nursing,")
    assert lines[-2:] == ["Best regards,", "Sam Lee"]
    assert draft_email({"name": "X"})[1].splitlines()[-1] == "[Your name]"


def test_an_occupation_is_never_written_where_a_field_belongs():
    subject, body = draft_email({"name": "Dana Cole", "occupation": "Data scientist"})
    assert subject == "A 20-minute conversation about your work?"
    assert body.splitlines()[2].startswith(
        "I came across your name while learning about the work of people in your role (Data scientist). "
        "I am a student exploring work like yours (Data scientist), and")
    assert "work in Data scientist" not in body and "about Data scientist" not in subject
    subject, body = draft_email({"name": "Dana Cole"})
    assert subject == "A 20-minute conversation about your work?"
    assert "learning about your field. I am a student exploring a career in your field," in body


@pytest.mark.parametrize("contact", [{"name": "Dana Cole", "occupation": "Data scientist"},
                                     {"name": "Dana Cole", "field": "public health"}, {"name": "Dana Cole"}])
def test_every_first_draft_passes_the_request_email_check(contact):
    from workbook.checks.request_email import check_request_email

    report = check_request_email(draft_email(contact, None, "Sam Lee")[1], sender_name="Sam Lee")
    assert [item.id for item in report.items if not item.passed] == []


def test_a_draft_edited_in_two_tabs_keeps_both_edits(path, people, on_disk):
    first = request_email_drafter(path)
    first.fields["contact_id"].value = people["ana"]["id"]
    assert first.flush()
    second = request_email_drafter(path)
    first.fields["subject"].value = "Twenty minutes about nursing?"
    assert first.flush()
    second.fields["student_name"].value = "Sam\u200b Lee"
    second.fields["body"].value = second.fields["body"].value.replace("[Your name]", "Sam Lee")
    assert second.flush()
    [draft] = on_disk(path)["email_drafts"]
    assert draft["subject"] == "Twenty minutes about nursing?"
    assert draft["body"].endswith("Sam Lee")
    assert on_disk(path)["student"]["name"] == "Sam Lee"  # the hidden character removed, and said
    assert "U+200B ZERO WIDTH SPACE" in second.form.messages["student_name"].value


def test_choosing_a_contact_fills_a_draft_that_passes_the_check(path, people, on_disk):
    w = request_email_drafter(path)
    w.fields["student_name"].value = "Sam Lee"
    w.fields["contact_id"].value = people["ana"]["id"]
    assert w.fields["body"].value == draft_email(people["ana"], people["bo"], "Sam Lee")[1]
    assert 'data-passed="false"' not in w.report.value
    assert w.flush()
    doc = on_disk(path)
    [draft] = doc["email_drafts"]
    assert (draft["contact_id"], draft["sent"], draft["subject"]) == (
        people["ana"]["id"], None, "A 20-minute conversation about nursing?")
    assert doc["student"]["name"] == "Sam Lee"
    assert selfcheck.request_email(w.journal).passed


def test_marking_sent_logs_one_request_and_survives_a_restart(path, people, on_disk):
    w = request_email_drafter(path)
    w.fields["contact_id"].value = people["ana"]["id"]
    w.fields["body"].value += "\nP.S. I enjoyed your talk."
    w.sent_date.value = dt.date(2026, 10, 5)
    w.sent_button.click()
    doc = on_disk(path)
    [draft], [logged] = doc["email_drafts"], doc["interactions"]
    assert (logged["kind"], logged["date"], logged["contact_id"]) == ("request_email", "2026-10-05", people["ana"]["id"])
    assert (draft["sent"], draft["interaction_id"]) == ("2026-10-05", logged["id"])
    assert draft["body"].endswith("P.S. I enjoyed your talk.")
    assert next(c for c in doc["contacts"] if c["id"] == people["ana"]["id"])["status"] == "requested"
    assert w.sent_button.disabled and "Sent on 2026-10-05" in w.sent_info.value
    assert w.mark_sent()  # a second click does not log again
    assert len(on_disk(path)["interactions"]) == 1

    again = request_email_drafter(path)
    assert again.fields["contact_id"].value == people["ana"]["id"]
    assert again.fields["body"].value.endswith("P.S. I enjoyed your talk.")
    assert again.sent_button.disabled and again.sent_date.value == dt.date(2026, 10, 5)


def test_switching_person_keeps_each_draft(path, people, on_disk):
    w = request_email_drafter(path)
    w.fields["contact_id"].value = people["ana"]["id"]
    w.fields["body"].value = "Custom words for Ana"
    w.fields["contact_id"].value = people["bo"]["id"]
    assert w.fields["body"].value.startswith("Dear Bo Chen,")
    w.flush()
    w.fields["contact_id"].value = people["ana"]["id"]
    assert w.fields["body"].value == "Custom words for Ana"
    assert sorted(d["contact_id"] for d in on_disk(path)["email_drafts"]) == sorted(
        [people["ana"]["id"], people["bo"]["id"]])


def test_cannot_mark_sent_without_a_person(path, people):
    w = request_email_drafter(path)
    w.fields["body"].value = "Hello"
    assert w.mark_sent() is False
    assert "Choose the person you sent it to first." in w.message.value
    assert w.fill() is False


def test_hostile_and_huge_text(path, people, on_disk):
    w = request_email_drafter(path)
    w.fields["contact_id"].value = people["ana"]["id"]
    # The check quotes a sentence that asks for a job, so the hostile text reaches the report.
    w.fields["body"].value = f"Dear Ana,\nPlease hire me {HOSTILE} soon.\nBest regards,\nSam"
    w.fields["student_name"].value = HOSTILE
    assert "<img" not in w.report.value and "&lt;img src=x onerror=alert(1)&gt;" in w.report.value
    assert w.flush()
    assert on_disk(path)["student"]["name"] == HOSTILE
    before = path.read_bytes()
    huge = "word " * 20_000
    w.fields["body"].value = huge
    assert 'data-id="short" data-passed="false"' in w.report.value
    assert w.flush() is False
    assert "the limit is 20,000" in w.form.messages["body"].value
    assert path.read_bytes() == before and w.fields["body"].value == huge
    assert w.mark_sent() is False
    assert on_disk(path)["interactions"] == []


def test_corrupt_journal(path):
    path.write_bytes(b"")
    w = request_email_drafter(path)
    assert "is empty (0 bytes of JSON)" in w.status.text
    w.fields["body"].value = "Hello"
    assert w.save() is False
    assert path.read_bytes() == b"" and w.fields["body"].value == "Hello"
