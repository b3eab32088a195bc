"""The thank-you note drafter widget, headless, on a journal in a temporary folder."""

import datetime as dt

import pytest

from workbook import Journal
from workbook.checks import selfcheck
from workbook.checks.drafts import draft_thank_you
from workbook.widgets import follow_up_tracker, thank_you_drafter

HOSTILE = "<script>alert(1)</script>"
ADVICE = "Take the oncology elective and volunteer at the cancer centre before applying."


@pytest.fixture
def held(path):
    """Two recorded interviews, linked to their people; Ana's is the newer."""
    j = Journal(path)
    ana = j.add_contact(name="Ana Ruiz", category="work", occupation="Nurse")
    bo = j.add_contact(name="Bo Chen", category="school")
    j.save_record("interviews", {"id": "iv-bo", "contact_id": bo["id"], "name": "Bo Chen", "date": "2026-10-02",
                                 "notes": "Bo runs the robotics club's Thursday build nights."})
    j.save_record("interviews", {"id": "iv-ana", "contact_id": ana["id"], "name": "Ana Ruiz",
                                 "date": "2026-10-14", "answers": {"advice": ADVICE},
                                 "next_steps": "Email the ward manager she named by Friday."})
    return {"ana": ana, "bo": bo}


def failing(report_html):
    import re

    return re.findall(r'data-id="(\w+)" data-passed="false"', report_html)


def test_fill_drafts_from_the_newest_interview_and_the_live_check_passes_but_on_time(path, held, on_disk):
    w = thank_you_drafter(path)
    assert [label for label, _ in w.chooser.options] == ["Ana Ruiz, 2026-10-14", "Bo Chen, 2026-10-02"]
    assert w.chooser.value == "iv-ana"
    w.fields["student_name"].value = "Sam Lee"
    assert w.fill()
    record = Journal(path).record("interviews", "iv-ana")
    assert w.fields["body"].value == draft_thank_you(record, "Sam Lee")
    assert failing(w.report.value) == ["on_time"]
    assert "Not sent yet: it is due by 2026-10-16." in w.report.value
    assert w.flush()
    doc = on_disk(path)
    [note] = doc["thank_you_notes"]
    assert {k: note[k] for k in ("interview_id", "contact_id", "sent", "interaction_id")} == {
        "interview_id": "iv-ana", "contact_id": held["ana"]["id"], "sent": None, "interaction_id": None}
    assert note["body"] == w.fields["body"].value and doc["student"]["name"] == "Sam Lee"
    assert doc["interactions"] == []


def test_marking_sent_logs_one_thank_you_and_survives_a_restart(path, held, on_disk):
    w = thank_you_drafter(path)
    w.fields["student_name"].value = "Sam Lee"
    w.fill()
    w.fields["body"].value += "\nP.S. The cancer centre already wrote back."
    w.sent_date.value = dt.date(2026, 10, 15)
    w.sent_button.click()
    doc = on_disk(path)
    [note], [logged] = doc["thank_you_notes"], doc["interactions"]
    assert (logged["kind"], logged["date"], logged["contact_id"]) == ("thank_you", "2026-10-15", held["ana"]["id"])
    assert (note["sent"], note["interaction_id"]) == ("2026-10-15", logged["id"])
    assert w.sent_button.disabled and "Sent on 2026-10-15 and logged in your network." in w.sent_info.value
    assert failing(w.report.value) == [] and w.status.text.endswith("(thank-you note logged)")
    assert w.mark_sent()  # marking twice does not log twice
    assert len(on_disk(path)["interactions"]) == 1
    assert selfcheck.thank_you(w.journal).passed
    assert selfcheck.follow_up(w.journal)["thank_you_on_time"].passed

    again = thank_you_drafter(path)  # a kernel restart: the widget is built again from the journal
    assert again.chooser.value == "iv-ana"
    assert again.fields["body"].value.endswith("P.S. The cancer centre already wrote back.")
    assert again.fields["student_name"].value == "Sam Lee"
    assert again.sent_button.disabled and again.sent_date.value == dt.date(2026, 10, 15)
    again.fields["body"].value += " Thanks again."
    assert again.flush()
    assert len(on_disk(path)["interactions"]) == 1 and len(on_disk(path)["thank_you_notes"]) == 1


def test_a_note_the_tracker_already_logged_that_day_is_not_logged_again(path, held, on_disk):
    tracker = follow_up_tracker(path, today=dt.date(2026, 10, 15))
    tracker.sent_on.value = dt.date(2026, 10, 15)
    assert tracker.mark_thank_you(held["ana"]["id"])
    w = thank_you_drafter(path)
    w.fill()
    w.sent_date.value = dt.date(2026, 10, 15)
    assert w.mark_sent()
    [logged] = on_disk(path)["interactions"]
    assert on_disk(path)["thank_you_notes"][0]["interaction_id"] == logged["id"]


def test_each_interview_keeps_its_own_note(path, held, on_disk):
    w = thank_you_drafter(path)
    w.fields["body"].value = "Dear Ana, my own words."
    w.chooser.value = "iv-bo"
    assert w.fields["body"].value == ""
    w.fill()
    assert w.fields["body"].value.startswith("Dear Bo Chen,\n")
    assert "\u201cBo runs the robotics club's Thursday build nights.\u201d" in w.fields["body"].value
    w.chooser.value = "iv-ana"
    assert w.fields["body"].value == "Dear Ana, my own words."
    notes = {n["interview_id"]: n for n in on_disk(path)["thank_you_notes"]}
    assert sorted(notes) == ["iv-ana", "iv-bo"]
    assert notes["iv-bo"]["contact_id"] == held["bo"]["id"]


def test_two_drafters_on_one_journal_keep_both_edits(path, held, on_disk):
    first = thank_you_drafter(path)
    first.fill()
    assert first.flush()
    second = thank_you_drafter(path)
    assert second.fields["body"].value == first.fields["body"].value
    first.fields["body"].value = first.fields["body"].value.replace("[Your name]", "Sam Lee")
    assert first.flush()
    second.fields["student_name"].value = "Sam Lee"
    assert second.flush()
    second.look()
    assert second.fields["body"].value.endswith("Sam Lee")
    # Both edit the body: the second one's change waits for the student's choice instead of overwriting.
    first.fields["body"].value = "Dear Ana Ruiz, version one."
    assert first.flush()
    second.fields["body"].value = "Dear Ana Ruiz, version two."
    assert second.flush() is False
    assert "changed in another tab" in second.conflict_box.children[0].children[0].value
    assert on_disk(path)["thank_you_notes"][0]["body"] == "Dear Ana Ruiz, version one."
    second._keep(second.binding, "body")
    assert on_disk(path)["thank_you_notes"][0]["body"] == "Dear Ana Ruiz, version two."
    assert on_disk(path)["student"]["name"] == "Sam Lee"


def test_hostile_text_is_escaped_in_the_live_check(path, on_disk):
    j = Journal(path)
    who = j.add_contact(name=HOSTILE, category="online")
    j.save_record("interviews", {"id": "iv", "contact_id": who["id"], "name": HOSTILE, "date": "2026-10-14",
                                 "notes": f"Said {HOSTILE} twice."})
    w = thank_you_drafter(path)
    assert w.chooser.options[0][0] == f"{HOSTILE}, 2026-10-14"  # a dropdown shows text, never markup
    w.fields["student_name"].value = HOSTILE
    w.fill()
    assert w.fields["body"].value.startswith(f"Dear {HOSTILE},")
    for shown in (w.report.value, w.sent_info.value, w.message.value):
        assert "<script" not in shown
    # The check quotes the greeting's tag as a template blank: quoted, escaped.
    assert "The greeting is still a template blank, \u201c&lt;script&gt;\u201d." in w.report.value
    assert w.flush() and on_disk(path)["thank_you_notes"][0]["body"].startswith(f"Dear {HOSTILE},")


def test_without_an_interview_nothing_is_saved_and_the_text_stays(path, on_disk):
    Journal(path).add_contact(name="Ana Ruiz", category="work")
    w = thank_you_drafter(path)
    assert w.chooser.options == (("(record an interview first)", ""),)
    assert w.fill() is False and "Record the interview first" in w.message.value
    w.fields["body"].value = "Dear Ana, thank you."
    assert w.save() is False
    assert "Record the interview first" in w.status.text
    assert on_disk(path)["thank_you_notes"] == [] and w.fields["body"].value == "Dear Ana, thank you."


def test_an_interview_not_linked_to_a_person_cannot_be_marked_sent(path, on_disk):
    Journal(path).save_record("interviews", {"id": "iv", "name": "Ana Ruiz", "date": "2026-10-14"})
    w = thank_you_drafter(path)
    w.fill()
    assert w.mark_sent() is False
    assert "Link this interview to a person in your network" in w.message.value
    assert on_disk(path)["interactions"] == [] and not w.sent_button.disabled


def test_corrupt_journal(path):
    path.write_text("{")
    w = thank_you_drafter(path)
    assert "is not valid JSON" in w.status.text
    w.fields["body"].value = "Hello"
    assert w.save() is False and w.mark_sent() is False
    assert path.read_text() == "{"


def test_an_interview_recorded_after_the_drafter_was_built_is_offered(path, on_disk):
    ana = Journal(path).add_contact(name="Ana Ruiz", category="work")
    w = thank_you_drafter(path)  # Run All: the drafter runs before the recorder has saved anything
    Journal(path).save_record("interviews", {"id": "iv", "contact_id": ana["id"], "name": "Ana Ruiz",
                                             "date": "2026-10-14", "notes": "Nights rotate monthly."})
    assert w.fill()
    assert w.chooser.value == "iv" and w.fields["body"].value.startswith("Dear Ana Ruiz,")
    w.sent_date.value = dt.date(2026, 10, 15)
    assert w.mark_sent()
    assert on_disk(path)["thank_you_notes"][0]["interview_id"] == "iv"
