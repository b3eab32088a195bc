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


# -- the LinkedIn channel -------------------------------------------------------------------------

def test_switching_channel_keeps_what_was_typed_in_each(path, people, on_disk):
    from workbook.checks.drafts import draft_linkedin_note

    w = request_email_drafter(path)
    assert [label for label, _ in w.channel.options] == ["Email", "LinkedIn note"] and w.channel.value == "email"
    assert w.note.box.layout.display == "none" and w.email_box.layout.display is None
    w.fields["student_name"].value = "Sam Lee"
    w.fields["contact_id"].value = people["ana"]["id"]
    w.fields["body"].value += "\nP.S. Email words."
    w.channel.value = "linkedin"  # an empty note is drafted for the person chosen
    assert w.email_box.layout.display == "none" and w.note.box.layout.display is None
    assert w.note.text == draft_linkedin_note(people["ana"], people["bo"], "Sam Lee")
    assert "194 of 300 characters" in w.note.count.value
    assert 'data-passed="false"' not in w.note.report.value and "LinkedIn note check" in w.note.report.value
    w.note.form.fields["body"].value += " PS."
    w.channel.value = "email"
    assert w.fields["body"].value.endswith("P.S. Email words.")
    w.channel.value = "linkedin"
    assert w.note.text.endswith(" PS.")
    assert w.flush()
    doc = on_disk(path)
    [email], [note] = doc["email_drafts"], doc["linkedin_notes"]
    assert email["body"].endswith("P.S. Email words.") and note["body"].endswith(" PS.")
    assert (note["contact_id"], note["sent"]) == (people["ana"]["id"], None)
    assert selfcheck.linkedin_note(w.journal).passed


def test_the_count_and_the_check_show_a_note_over_the_limit(path, people):
    w = request_email_drafter(path)
    w.channel.value = "linkedin"
    w.fields["contact_id"].value = people["ana"]["id"]
    w.note.form.fields["body"].value = "x" * 301 + "  "
    assert "301 of 300 characters: 1 too many" in w.note.count.value and "#b42318" in w.note.count.value
    assert 'data-id="limit" data-passed="false"' in w.note.report.value


def test_with_the_note_shown_choosing_a_person_writes_no_empty_email(path, people, on_disk):
    w = request_email_drafter(path)
    w.channel.value = "linkedin"
    w.fields["contact_id"].value = people["ana"]["id"]
    assert w.note.text.startswith("Hi Ana Ruiz, I'm a student exploring nursing.")
    assert w.fields["body"].value == ""
    assert w.flush()
    doc = on_disk(path)
    assert doc["email_drafts"] == [] and len(doc["linkedin_notes"]) == 1


def test_marking_a_linkedin_note_sent_logs_one_request_and_survives_a_restart(path, people, on_disk):
    w = request_email_drafter(path)
    w.fields["contact_id"].value = people["bo"]["id"]  # an email draft for Bo first
    w.channel.value = "linkedin"
    w.sent_date.value = dt.date(2026, 10, 6)
    w.sent_button.click()
    doc = on_disk(path)
    [note], [logged] = doc["linkedin_notes"], doc["interactions"]
    assert (logged["kind"], logged["date"], logged["contact_id"], logged["notes"]) == (
        "request_email", "2026-10-06", people["bo"]["id"], "LinkedIn note")
    assert (note["sent"], note["interaction_id"]) == ("2026-10-06", logged["id"])
    assert [d["sent"] for d in doc["email_drafts"]] == [None]  # the email was not sent
    assert w.sent_button.disabled and "Sent on 2026-10-06 (the LinkedIn note)" in w.sent_info.value
    assert w.mark_sent() and len(on_disk(path)["interactions"]) == 1
    w.channel.value = "email"
    assert not w.sent_button.disabled and w.sent_info.value == "<p>Not sent yet.</p>"

    again = request_email_drafter(path)  # a restart opens the channel and person saved last
    assert again.channel.value == "linkedin" and again.fields["contact_id"].value == people["bo"]["id"]
    assert again.note.text == note["body"] and again.sent_button.disabled
    assert again.sent_date.value == dt.date(2026, 10, 6)


def test_two_drafters_one_on_the_email_one_on_the_note_keep_both(path, people, on_disk):
    first = request_email_drafter(path)
    first.fields["contact_id"].value = people["ana"]["id"]
    assert first.flush()
    second = request_email_drafter(path)
    second.channel.value = "linkedin"
    second.note.form.fields["body"].value = "Hi Ana, I'm a nursing student. Bo Chen suggested I contact you. Could we talk?"
    assert second.flush()
    first.fields["subject"].value = "Twenty minutes?"
    assert first.flush()
    doc = on_disk(path)
    assert doc["email_drafts"][0]["subject"] == "Twenty minutes?"
    assert doc["linkedin_notes"][0]["body"].startswith("Hi Ana, I'm a nursing student.")
    first.channel.value = "linkedin"  # its own save brought the other tab's note on screen
    assert first.note.text.startswith("Hi Ana, I'm a nursing student.")


def test_a_hostile_name_in_the_note_is_escaped(path, on_disk):
    who = Journal(path).add_contact(name="<script>alert(1)</script>", category="online")
    w = request_email_drafter(path)
    w.channel.value = "linkedin"
    w.fields["contact_id"].value = who["id"]
    assert w.note.text.startswith("Hi <script>alert(1)</script>, I'm a student")
    assert "<script" not in w.note.report.value and "&lt;script&gt;" in w.note.report.value
    w.note.form.fields["body"].value = "word " * 20_000
    assert w.flush() is False
    assert "the limit is 20,000" in w.note.form.messages["body"].value
    assert [n["body"] for n in on_disk(path)["linkedin_notes"]] == [""]  # refused, and kept on screen
    assert w.note.text == "word " * 20_000
